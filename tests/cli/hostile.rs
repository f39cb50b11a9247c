//! The hostile corpus: registers written by someone else (a pull request), and faults. One test per
//! attack (table-driven where that keeps it short). Each checks the exit code, that the message says
//! what is wrong, that kbbt did not panic, and, from snapshots of every file before and after, that no
//! byte changed that the command may not change — inside the register and outside it.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A folder outside the register, holding one precious file.
struct Outside {
    dir: tempfile::TempDir,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::Builder::new()
            .prefix("kbbt-outside-")
            .tempdir()
            .expect("a temporary folder");
        std::fs::write(
            dir.path().join("precious"),
            "root:SECRET-HASH:19000:0:99999:7:::\n",
        )
        .expect("write");
        Outside { dir }
    }
    fn path(&self) -> PathBuf {
        self.dir.path().canonicalize().expect("canonical")
    }
    fn precious(&self) -> PathBuf {
        self.path().join("precious")
    }
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut out = BTreeMap::new();
        for e in walkdir(&self.path()) {
            let meta = std::fs::symlink_metadata(&e).expect("stat");
            let v = if meta.is_dir() {
                "dir".to_string()
            } else {
                format!("{:?}", std::fs::read(&e).unwrap_or_default())
            };
            out.insert(e, v);
        }
        out
    }
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            out.push(p.clone());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.extend(walkdir(&p));
            }
        }
    }
    out
}

/// A snapshot without the lock that a writing command takes (the only file it may add on a refusal).
fn without_lock(s: Snapshot) -> BTreeMap<PathBuf, String> {
    let mut m = s.0;
    m.remove(Path::new(".kbbt/lock"));
    m.remove(Path::new(".kbbt/.gitignore"));
    if !m
        .keys()
        .any(|k| k.as_path() != Path::new(".kbbt") && k.starts_with(".kbbt"))
    {
        m.remove(Path::new(".kbbt"));
    }
    m
}

/// Run a command that must be refused with exit `code`: no crash, and no byte of the register
/// changed (but the lock a writing command takes); `what` names the case in a failure.
#[track_caller]
fn refused(r: &Reg, what: &str, args: &[&str], code: i32) -> Run {
    refused_env(r, what, args, &[], code)
}

/// As [`refused`], with extra environment variables.
#[track_caller]
fn refused_env(r: &Reg, what: &str, args: &[&str], env: &[(&str, &str)], code: i32) -> Run {
    let before = without_lock(r.snapshot());
    let run = r.run_env(args, env);
    run.assert_no_panic().assert_code(code);
    assert_eq!(
        without_lock(r.snapshot()),
        before,
        "{what} {args:?} changed the register"
    );
    run
}

fn sha256(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// Every read-only command: none may write, move or delete anything.
const READ_ONLY: &[&[&str]] = &[
    &["validate"],
    &["status"],
    &["list"],
    &["show", "TR-001"],
    &["minutes", "vm-1"],
    &["report", "--as-of", "2025-01-01"],
    &["check", "stale", "--as-of", "2025-01-01"],
    &["schema", "case"],
    &["apply", "--dry-run", "meetings/vm-2.yaml"],
    &["fmt", "--check"],
];

/// Run every read-only command: each leaves every byte as it was (in the register and outside), and
/// says that a write is pending and which command finishes it.
#[track_caller]
fn read_only_touch_nothing(r: &Reg, out: &Outside) {
    let (before, outside) = (r.snapshot(), out.snapshot());
    for args in READ_ONLY {
        let run = r.run(args);
        run.assert_no_panic();
        assert_eq!(r.snapshot(), before, "{args:?} changed the register");
        assert_eq!(out.snapshot(), outside, "{args:?} changed files outside");
        if args[0] != "schema" {
            assert!(
                run.stderr.contains("unfinished write is pending")
                    && run.stderr.contains("kbbt recover"),
                "{args:?} did not say a write is pending:\n{}",
                run.stderr
            );
        }
        if args[0] == "validate" {
            run.assert_code(1);
        }
    }
}

/// Journals and staged files kbbt did not write: refused by every writing command, nothing moved or
/// deleted, and the read-only commands never act on them.
#[test]
fn crafted_journals_are_refused_and_nothing_moves() {
    let out = Outside::new();
    let precious = out.precious().display().to_string();
    let hook = b"#!/bin/sh\ntouch \"$HOME/PWNED\"\n".as_slice();
    let tr001 = TR001.as_bytes();
    let h = sha256(hook);
    let old = sha256(tr001);
    // (what, journal, staged file 0)
    let cases: Vec<(&str, String, &[u8])> = vec![
        (
            "a version-1 journal into .git/hooks",
            "kbbt-journal 1\nstaging/0\t.git/hooks/pre-commit\nend\n".into(),
            hook,
        ),
        (
            "a version-1 journal moving a file from outside",
            format!("kbbt-journal 1\n../{precious}\tstolen.txt\nend\n"),
            hook,
        ),
        (
            "a target under .git",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\t.git/hooks/pre-commit\nend\n"),
            hook,
        ),
        (
            "a target outside (..)",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\tcases/../../stolen.yaml\nend\n"),
            hook,
        ),
        (
            "an absolute target",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\t{precious}\nend\n"),
            hook,
        ),
        (
            "a target that is not a register file",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\tREADME.md\nend\n"),
            hook,
        ),
        (
            "a staged file outside the staging folder",
            format!("kbbt-journal 2\n../../{precious}\t{h}\t-\tcases/TR/TR-009.yaml\nend\n"),
            hook,
        ),
        (
            "a staged file whose hash is not the journal's",
            format!(
                "kbbt-journal 2\nstaging/0\t{}\t{old}\tcases/TR/TR-001.yaml\nend\n",
                sha256(b"other")
            ),
            hook,
        ),
        (
            "a target that no longer holds what kbbt read",
            format!(
                "kbbt-journal 2\nstaging/0\t{h}\t{}\tcases/TR/TR-001.yaml\nend\n",
                sha256(b"not what is on disk")
            ),
            hook,
        ),
        (
            "a new file that already exists",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\tcases/TR/TR-001.yaml\nend\n"),
            hook,
        ),
        (
            "a journal cut short",
            format!("kbbt-journal 2\nstaging/0\t{h}\t-\tcases/TR/TR-009.yaml\n"),
            hook,
        ),
    ];
    for (what, journal, staged) in cases {
        let r = Reg::standard();
        r.write(".kbbt/staging/0", staged);
        r.write(".kbbt/journal", &journal);
        read_only_touch_nothing(&r, &out);
        for args in [
            &["recover"][..],
            &["apply", "meetings/vm-2.yaml"],
            &["fmt"],
            &["new", "case", "--group", "TR", "--title", "新案"],
        ] {
            let run = refused(&r, what, args, 1);
            assert!(
                run.stderr.contains("nothing was moved or deleted"),
                "{what}: {args:?}:\n{}",
                run.stderr
            );
        }
        assert!(out.precious().exists(), "{what}");
        assert!(!r.path().join(".git/hooks/pre-commit").exists(), "{what}");
        assert!(!r.path().join("stolen.txt").exists(), "{what}");
    }
}

/// Leave the journal of an interrupted write kbbt did make (right hashes, TR-001 as it was read): TR-001
/// delisted, staged. Returns the staged text.
pub(crate) fn genuine_journal(r: &Reg) -> String {
    let new = TR001.replace("status: ongoing", "status: delisted");
    r.write(".kbbt/staging/0", &new);
    r.write(
        ".kbbt/journal",
        format!(
            "kbbt-journal 2\nstaging/0\t{}\t{}\tcases/TR/TR-001.yaml\nend\n",
            sha256(new.as_bytes()),
            sha256(TR001.as_bytes())
        ),
    );
    new
}

/// A journal kbbt did write (right hashes, a case file as it was read) is finished by `kbbt recover`,
/// and only by a command that writes.
#[test]
fn a_genuine_journal_is_finished_by_recover() {
    let r = Reg::standard();
    let new = genuine_journal(&r);
    read_only_touch_nothing(&r, &Outside::new());
    let run = r.run(&["recover"]);
    run.assert_code(0);
    run.assert_stdout_has("finished an interrupted write (1 file)");
    assert_eq!(
        std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).unwrap(),
        new
    );
    assert!(!r.path().join(".kbbt/journal").exists());
    assert!(!r.path().join(".kbbt/staging").exists());
    r.run(&["recover"])
        .assert_code(0)
        .assert_line("nothing to recover: no interrupted write");
}

/// A state folder committed to git did not come from an interrupted kbbt on this machine.
#[test]
fn a_committed_journal_is_refused() {
    let git = |r: &Reg, args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(r.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@t.invalid"])
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let r = Reg::standard();
    if !git(&r, &["init", "-q"]) {
        eprintln!("git is not available: skipped");
        return;
    }
    genuine_journal(&r);
    assert!(git(&r, &["add", "-A", "-f", "."]) && git(&r, &["commit", "-q", "-m", "x"]));
    let run = refused(&r, "", &["recover"], 1);
    run.assert_stderr_has("committed to git");
}

/// Staging without a journal is discarded only when it holds nothing but what kbbt stages.
#[test]
fn foreign_files_in_staging_are_not_deleted() {
    let out = Outside::new();
    let r = Reg::standard();
    std::fs::create_dir_all(r.path().join(".kbbt/staging")).unwrap();
    std::os::unix::fs::symlink(out.path(), r.path().join(".kbbt/staging/0")).expect("link");
    r.write(".kbbt/staging/notes.txt", "mine");
    let (before, outside) = (without_lock(r.snapshot()), out.snapshot());
    let run = r.run(&["recover"]);
    run.assert_no_panic().assert_code(1);
    run.assert_stderr_has("nothing was moved or deleted");
    assert_eq!(without_lock(r.snapshot()), before);
    assert_eq!(out.snapshot(), outside);
}

/// `.kbbt` as a link: no writing command follows it (not even to take its lock).
#[test]
fn the_state_folder_as_a_link_is_refused() {
    let out = Outside::new();
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    std::os::unix::fs::symlink(out.path(), r.path().join(".kbbt")).expect("link");
    let (before, outside) = (r.snapshot(), out.snapshot());
    for args in [&["apply", "meetings/vm-3.yaml"][..], &["recover"], &["fmt"]] {
        let run = r.run(args);
        run.assert_no_panic().assert_code(1);
        run.assert_stderr_has_for(&format_args!("{args:?}"), ".kbbt is a symbolic link");
        assert_eq!(r.snapshot(), before, "{args:?}");
        assert_eq!(out.snapshot(), outside, "{args:?}");
    }
}

/// A group folder linked to a folder outside: reported, never read or written through.
#[test]
fn a_linked_folder_is_not_written_through() {
    let out = Outside::new();
    let r = Reg::standard();
    let elsewhere = out.path().join("TR");
    std::fs::create_dir(&elsewhere).unwrap();
    for (f, text) in [("TR-001.yaml", TR001), ("TR-002.yaml", TR002)] {
        std::fs::write(elsewhere.join(f), text).unwrap();
    }
    std::fs::remove_dir_all(r.path().join("cases/TR")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, r.path().join("cases/TR")).unwrap();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    let (before, outside) = (r.snapshot(), out.snapshot());
    let v = r.validate();
    v.assert_no_panic().assert_code(1);
    v.assert_stdout_has("cases/TR: error: a symbolic link");
    let run = r.run(&["apply", "meetings/vm-3.yaml"]);
    run.assert_no_panic().assert_code(1);
    assert_eq!(without_lock(r.snapshot()), without_lock(before));
    assert_eq!(out.snapshot(), outside);
}

/// Links to a secret outside: never read, so no line of it is printed.
#[test]
fn a_linked_file_is_not_read() {
    for place in [
        "cases/TR/TR-009.yaml",
        "meetings/vm-9.yaml",
        "platform.yaml",
    ] {
        let out = Outside::new();
        let r = Reg::standard();
        let p = r.path().join(place);
        let _ = std::fs::remove_file(&p);
        std::os::unix::fs::symlink(out.precious(), &p).unwrap();
        for args in [
            &["validate"][..],
            &["validate", "--format", "json"],
            &["status"],
            &["list"],
        ] {
            let run = r.run(args);
            run.assert_no_panic().assert_code(1);
            assert!(
                !run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"),
                "{place}: {args:?} printed the secret:\n{}{}",
                run.stdout,
                run.stderr
            );
            assert!(
                run.stdout.contains("symbolic link") || run.stderr.contains("symbolic link"),
                "{place}: {args:?}:\n{}{}",
                run.stdout,
                run.stderr
            );
        }
    }
}

/// `report -o` never writes a register file, directly or through a link, and replaces a link at its
/// path rather than writing through it.
#[test]
fn report_output_never_overwrites_a_register_file() {
    let out = Outside::new();
    let r = Reg::standard();
    std::os::unix::fs::symlink(
        r.path().join("cases/TR/TR-001.yaml"),
        r.path().join("out.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(out.precious(), r.path().join("elsewhere.md")).unwrap();
    let (before, outside) = (r.snapshot(), out.snapshot());
    for target in [
        "out.md",
        "cases/TR/TR-001.yaml",
        "platform.yaml",
        ".git/config",
    ] {
        let run = r.run(&["report", "--as-of", "2025-01-01", "-o", target]);
        run.assert_no_panic().assert_code(2);
        run.assert_stderr_has_for(&target, "register's own files");
        assert_eq!(r.snapshot(), before, "{target}");
    }
    let run = r.run(&["report", "--as-of", "2025-01-01", "-o", "elsewhere.md"]);
    run.assert_no_panic().assert_code(0);
    assert_eq!(out.snapshot(), outside, "written through the link");
    let meta = std::fs::symlink_metadata(r.path().join("elsewhere.md")).unwrap();
    assert!(meta.is_file(), "the link is replaced by the report");
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(r.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Meeting ids that validate rejects are never written by apply; a 260-character id leaves nothing
/// behind (it used to leave new case files and a register every command refused).
#[test]
fn apply_refuses_meeting_ids_validate_rejects() {
    let long = "v".repeat(260);
    for id in [long.as_str(), "VM-7", "vm_7", "-", "vm-", "會議"] {
        let r = Reg::standard();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.yaml");
        std::fs::write(
            &file,
            format!("id: \"{id}\"\ntitle: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions:\n  交通組:\n    add: [新案]\n"),
        )
        .unwrap();
        let run = refused(&r, id, &["apply", file.to_str().unwrap()], 1);
        run.assert_stderr_has_for(&id, "is not a meeting id");
        run.assert_stderr_has_for(&id, "nothing was written");
        r.validate().assert_code(0);
    }
}

/// A place that cannot hold the new files (`meetings` is a file) is found before anything is written.
#[test]
fn an_unwritable_place_is_found_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vm-1.yaml");
    std::fs::write(&file, VM1).unwrap();
    let r2 = Reg::minimal();
    std::fs::remove_dir_all(r2.path().join("meetings")).unwrap();
    r2.write("meetings", "not a folder\n");
    let run = refused(&r2, "", &["apply", file.to_str().unwrap()], 1);
    assert!(
        run.stderr.contains("meetings is not a folder")
            && run.stderr.contains("nothing was written"),
        "{}",
        run.stderr
    );
}

/// Arguments that are not UTF-8: a usage error, not a panic.
#[test]
fn non_utf8_arguments_exit_2() {
    use std::os::unix::ffi::OsStrExt;
    let r = Reg::standard();
    let bad = std::ffi::OsStr::from_bytes(b"\xff");
    for args in [vec!["show"], vec!["status", "--group"], vec!["--lang"]] {
        let mut cmd = kbbt();
        cmd.current_dir(r.path()).args(&args).arg(bad);
        let run = run_cmd(&mut cmd);
        run.assert_no_panic().assert_code(2);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// Control characters in register values are shown as escapes, never sent to the terminal; with
/// colour on, only kbbt's own styling is.
#[test]
fn output_is_inert() {
    let r = Reg::standard();
    let evil = r#"長照\e[2J\e]0;pwned\a\rok: no problems\u009b31m\u202e"#;
    r.case(
        "HW-001",
        format!(
            "id: HW-001\ntitle: \"{evil}\"\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - {{ date: 2024-07-11, meeting: vm-1, action: add }}\n"
        ),
    );
    for color in ["never", "always"] {
        for args in [
            &["show", "HW-001"][..],
            &["list"],
            &["list", "--format", "markdown"],
            &["status"],
            &["validate"],
            &["report", "--as-of", "2025-01-01"],
        ] {
            let mut all = vec!["--color", color];
            all.extend_from_slice(args);
            let run = r.run(&all);
            run.assert_no_panic();
            let text = format!("{}{}", run.stdout, run.stderr);
            for bad in ['\r', '\x07', '\u{9b}', '\u{202e}'] {
                assert!(!text.contains(bad), "{color} {args:?}: {bad:?} in\n{text}");
            }
            // Every escape left is kbbt's own styling: ESC [ digits m.
            for (i, _) in text.match_indices('\x1b') {
                let rest = &text[i + 1..];
                let n = rest.strip_prefix('[').map_or(0, |r| {
                    r.bytes()
                        .take_while(|b| b.is_ascii_digit() || *b == b';')
                        .count()
                });
                assert!(
                    color == "always" && n > 0 && rest.as_bytes().get(n + 1) == Some(&b'm'),
                    "{color} {args:?}: a foreign escape in\n{text}"
                );
            }
        }
    }
}

/// apply reads only regular files: a FIFO or a device would block or never end.
#[test]
fn apply_reads_only_regular_files() {
    let r = Reg::standard();
    // Outside the register: the snapshots would block reading it.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("m.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut inputs = vec!["/dev/zero".to_string()];
    if made.is_ok_and(|s| s.success()) {
        inputs.push(fifo.display().to_string());
    }
    for input in inputs {
        let run = refused(&r, "", &["apply", &input], 1);
        run.assert_stderr_has_for(&input, "not a regular file");
    }
}

/// `validate PATH` and `fmt --check PATH`: a path that does not exist or lies outside is a usage error.
#[test]
fn paths_that_do_not_exist_or_lie_outside_are_usage_errors() {
    let r = Reg::standard();
    let out = Outside::new();
    let outside = out.precious().display().to_string();
    for cmd in [&["validate"][..], &["fmt", "--check"]] {
        for (path, why) in [
            ("cases/TR/TR-404.yaml", "does not exist"),
            (outside.as_str(), "is outside the register"),
        ] {
            let mut args = cmd.to_vec();
            args.push(path);
            let run = r.run(&args);
            run.assert_no_panic().assert_code(2);
            run.assert_stderr_has_for(&format_args!("{args:?}"), why);
        }
    }
}

/// `fmt --check` on a file that does not parse does not claim that all is canonical.
#[test]
fn fmt_check_does_not_claim_success_on_a_broken_file() {
    let r = Reg::standard();
    r.case("TR-003", "id: TR-003\ntitle: [unclosed\n");
    let run = r.run(&["fmt", "--check"]);
    run.assert_no_panic().assert_code(1);
    run.assert_stdout_lacks("all files are in the canonical layout");
}

/// Without git on PATH, apply says so before writing: the dirty check and `--commit` cannot be done.
#[test]
fn without_git_apply_says_so_before_writing() {
    let r = Reg::standard();
    std::fs::create_dir(r.path().join(".git")).unwrap();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().display().to_string();
    for (args, says) in [
        (
            &["apply", "meetings/vm-3.yaml"][..],
            "cannot check the register for uncommitted changes",
        ),
        (
            &["apply", "--allow-dirty", "--commit", "meetings/vm-3.yaml"],
            "--commit needs git",
        ),
    ] {
        let run = refused_env(&r, "", args, &[("PATH", &path)], 1);
        assert!(
            run.stderr.contains(says) && run.stderr.contains("nothing was written"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // --allow-dirty without --commit needs no git.
    r.run_env(
        &["apply", "--allow-dirty", "meetings/vm-3.yaml"],
        &[("PATH", &path)],
    )
    .assert_code(0);
}

/// apply never writes what validate rejects: for each hostile meeting, either apply refuses and no
/// byte changes, or it applies and the register validates. The ones validate rejects must be refused.
#[test]
fn apply_never_writes_what_validate_rejects() {
    let head = "title: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions:\n  交通組:\n";
    // (what, meeting id, the decisions of 交通組, must be refused)
    let cases: &[(&str, &str, &str, bool)] = &[
        ("a blank title", "vm-3", "    add: [\"  \"]\n", true),
        (
            "the same title twice in one add list",
            "vm-3",
            "    add: [新案, 新案]\n",
            true,
        ),
        (
            "two spellings of one title",
            "vm-3",
            "    add: [新案甲, \"新案 甲\"]\n",
            true,
        ),
        (
            "a title an existing case has",
            "vm-3",
            "    add: [{ title: 捷運環狀線（北環段）, id: TR-009 }]\n",
            true,
        ),
        (
            "an existing alias as a title",
            "vm-3",
            "    add: [{ title: 環狀線北環, id: TR-009 }]\n",
            true,
        ),
        ("an id-shaped title", "vm-3", "    add: [TR-123]\n", true),
        (
            "a rename onto an existing title",
            "vm-3",
            "    rename: [{ case: 捷運環狀線（北環段）, to: 跨市公車路線整合 }]\n",
            true,
        ),
        (
            "a rename onto an id-shaped title",
            "vm-3",
            "    rename: [{ case: 捷運環狀線（北環段）, to: TR-777 }]\n",
            true,
        ),
        (
            "a rename to a blank title",
            "vm-3",
            "    rename: [{ case: 捷運環狀線（北環段）, to: \" \" }]\n",
            true,
        ),
        (
            "an upper-case meeting id",
            "VM-3",
            "    add: [新案]\n",
            true,
        ),
        (
            "an underscore in the meeting id",
            "vm_3",
            "    add: [新案]\n",
            true,
        ),
        ("a plain add", "vm-3", "    add: [新案]\n", false),
    ];
    for (what, id, decisions, refused) in cases {
        let r = Reg::standard();
        let rel = format!("meetings/{id}.yaml");
        r.write(&rel, format!("id: {id}\n{head}{decisions}"));
        let before = without_lock(r.snapshot());
        let run = r.run(&["apply", &rel]);
        run.assert_no_panic();
        if run.code == 0 {
            assert!(!refused, "{what}: applied\n{}", run.stdout);
            let v = r.validate();
            assert_eq!(
                v.code, 0,
                "{what}: applied, and validate rejects it:\n{}",
                v.stdout
            );
        } else {
            run.assert_code(1);
            assert!(refused, "{what}: refused\n{}", run.stderr);
            run.assert_stderr_has_for(&what, "nothing was written");
            assert!(
                run.stderr.contains(&rel),
                "{what}: no place in\n{}",
                run.stderr
            );
            assert_eq!(without_lock(r.snapshot()), before, "{what}");
        }
    }
}

/// Re-applying a meeting whose file changed after it was applied is reported, not "nothing to do".
#[test]
fn reapplying_a_changed_meeting_is_reported() {
    for changed in [
        // A decision taken out.
        VM2.replace("    delist: [跨市公車路線整合]\n", ""),
        // A decision changed to another case.
        VM2.replace(
            "delist: [跨市公車路線整合]",
            "delist: [捷運環狀線（北環段）]",
        ),
    ] {
        let r = Reg::standard();
        r.meeting("vm-2", &changed);
        let run = refused(
            &r,
            "",
            &["apply", "meetings/vm-2.yaml", "--accept-discrepancy"],
            1,
        );
        assert!(
            run.stderr
                .contains("vm-2 was applied before and its file has changed since")
                && run.stderr.contains("cases/TR/TR-002.yaml"),
            "{}",
            run.stderr
        );
        assert!(!run.stdout.contains("nothing to do"));
    }
}

/// status, list and show on a register with errors still answer, and say so on standard error.
#[test]
fn reports_on_a_register_with_errors_say_so() {
    let r = Reg::standard();
    r.case("HW-001", HW001.replace("id: HW-001", "id: 0o12"));
    r.validate().assert_code(1);
    for args in [&["status"][..], &["list"], &["show", "TR-001"]] {
        let run = r.run(args);
        run.assert_no_panic();
        assert!(
            run.stderr.contains("warning: the register has")
                && run.stderr.contains("kbbt validate"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let clean = Reg::standard();
    for args in [&["status"][..], &["list"], &["show", "TR-001"]] {
        let run = clean.run(args);
        run.assert_code(0);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
    }
}

/// Import tables that are not what they seem: refused with the line, nothing written.
#[test]
fn import_refuses_tables_it_cannot_take_whole() {
    let date = "資料時間：114 年 12 月 31 日\n(一) 交通組\n";
    let cases: &[(&str, String, &str)] = &[
        (
            "an extra cell",
            format!("{date}方案名稱\t最新辦理情形\n環狀線北環\t進度。\t多的一格\n"),
            "this row has 3 cells, the header on line 3 has 2 columns",
        ),
        (
            "an empty table",
            format!("{date}方案名稱\t最新辦理情形\n"),
            "the table has no rows",
        ),
        ("nothing at all", String::new(), "no header row"),
        (
            "no progress column",
            format!("{date}方案名稱\t備註\n環狀線北環\t進度。\n"),
            "no header row with a name column",
        ),
    ];
    for (what, table, says) in cases {
        let r = Reg::standard();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.txt");
        std::fs::write(&file, table).unwrap();
        let run = refused(&r, what, &["import", "progress", file.to_str().unwrap()], 1);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(says), "{what}:\n{all}");
        assert!(!all.contains("nothing to do"), "{what}:\n{all}");
    }
}

/// Group codes name folders and ids: a platform.yaml that validate rejects stops every writing command.
#[test]
fn writing_commands_refuse_a_bad_platform() {
    for (code, also) in [
        (".git", ""),
        ("A/B", ""),
        ("", ""),
        ("tr", ""),
        ("TR", "  - { name: 其他組, code: TR }\n"),
    ] {
        let r = Reg::standard();
        let platform = PLATFORM.replace("code: TR,", &format!("code: \"{code}\","));
        let platform = platform.replace("levels:", &format!("{also}levels:"));
        assert!(crate::support::PLATFORM.contains("levels:"));
        r.write("platform.yaml", &platform);
        r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
        r.validate().assert_code(1);
        for args in [
            &["apply", "meetings/vm-3.yaml"][..],
            &["new", "case", "--group", "交通組", "--title", "另一案"],
        ] {
            let what = format!("{code:?} {args:?}");
            refused(&r, &format!("{code:?}"), args, 1)
                .assert_stderr_has_for(&what, "platform.yaml")
                .assert_stderr_has_for(&what, "group code");
        }
    }
}

/// CSV cells a spreadsheet would run as formulas are neutralised (OWASP), unless `--raw`.
#[test]
fn csv_cells_never_run_as_formulas() {
    let r = Reg::standard();
    r.case(
        "HW-001",
        HW001.replace(
            "title: 長照資源共享平台",
            "title: \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"ok\\\")\"",
        ),
    );
    let run = r.run(&["list", "--format", "csv"]);
    run.assert_no_panic();
    run.assert_stdout_has("\"'=HYPERLINK(");
    assert!(!run.stdout.contains(",=HYPERLINK") && !run.stdout.contains(",\"=HYPERLINK"));
    let raw = r.run(&["list", "--format", "csv", "--raw"]);
    raw.assert_stdout_has("\"=HYPERLINK(");
    // Numbers stay numbers.
    let status = r.run(&["status", "--format", "csv"]);
    assert!(!status.stdout.contains('\''), "{}", status.stdout);
}

/// Look-alike ids get "did you mean" with the real id, and are never taken for it.
#[test]
fn lookalike_ids_are_suggested_not_taken() {
    let r = Reg::standard();
    for fake in ["ＴＲ－００１", "ТR-001", "TR-1", "TR-0001", "TR—001"] {
        r.run(&["show", fake])
            .assert_no_panic()
            .assert_code(1)
            .assert_stderr_has_for(&fake, &format!("no case `{fake}`"))
            .assert_stderr_has_for(&fake, "did you mean TR-001");
        r.meeting(
            "vm-3",
            vm3(&format!("  交通組:\n    delist: [\"{fake}\"]\n")),
        );
        refused(&r, fake, &["apply", "meetings/vm-3.yaml"], 1)
            .assert_stderr_has_for(&fake, "meetings/vm-3.yaml:7:")
            .assert_stderr_has_for(&fake, "TR-001");
    }
}

/// Minimal edits: one CRLF line in an LF file keeps every other line as it was, and a comment after a
/// tab survives the status change.
#[test]
fn minimal_edits_keep_odd_line_ends_and_tab_comments() {
    let r = Reg::standard();
    let original = TR001
        .replace("group: 交通組\n", "group: 交通組\r\n")
        .replace("status: ongoing\n", "status: ongoing\t# 備註\n");
    r.case("TR-001", &original);
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    delist: [捷運環狀線（北環段）]\n"),
    );
    r.run(&["apply", "--accept-discrepancy", "meetings/vm-3.yaml"])
        .assert_code(0);
    let now = std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).unwrap();
    assert!(now.contains("status: delisted\t# 備註\n"), "{now:?}");
    assert_eq!(now.matches("\r\n").count(), 1, "{now:?}");
    assert!(now.contains("group: 交通組\r\n"), "{now:?}");
    // Every line but the status line is still there, byte for byte, in order.
    let kept: Vec<&str> = original
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("status:"))
        .collect();
    let mut rest = now.as_str();
    for l in kept {
        let at = rest
            .find(l)
            .unwrap_or_else(|| panic!("lost {l:?} in {now:?}"));
        rest = &rest[at + l.len()..];
    }
}

/// Odd YAML gets plain, located messages: a file of only `---`, two documents, a list for a status.
#[test]
fn odd_yaml_gets_plain_messages() {
    let cases: &[(&str, String, &str)] = &[
        (
            "only ---",
            "---\n".into(),
            "cases/HW/HW-001.yaml:1:1: error: file is empty",
        ),
        (
            "two documents",
            format!("{HW001}---\nid: HW-009\n"),
            "cases/HW/HW-001.yaml:7:1: error: a second YAML document starts here",
        ),
        (
            "a list for the status",
            HW001.replace("status: ongoing", "status: [ongoing]"),
            "cases/HW/HW-001.yaml:4:9: error: expected one word here (such as `ongoing`), not a list or a mapping",
        ),
    ];
    for (what, text, line) in cases {
        let r = Reg::standard();
        r.case("HW-001", text);
        let v = r.validate();
        v.assert_no_panic().assert_code(1);
        assert!(
            v.stdout.lines().any(|l| l.starts_with(line)),
            "{what}:\n{}",
            v.stdout
        );
    }
    // A document marker inside is fine when it is the only one.
    let r = Reg::standard();
    r.case("HW-001", format!("---\n{HW001}"));
    r.validate().assert_code(0);
}

/// An edit made while apply is staging (the longest part of a large write) is kept: apply checks each
/// file again by content right before its commit point, and writes nothing.
#[test]
fn an_edit_made_while_staging_is_not_lost() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    delist: [捷運環狀線（北環段）]\n"),
    );
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kbbt"))
        .current_dir(r.path())
        .args(["apply", "--accept-discrepancy", "meetings/vm-3.yaml"])
        .env("KBBT_PAUSE_AFTER_STAGING_MS", "3000")
        .env_remove("KBBT_CRASH_AT")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start kbbt");
    // Wait until the staging folder exists (apply is paused after staging), then edit.
    let started = std::time::Instant::now();
    while !r.path().join(".kbbt/staging/0").exists() {
        assert!(started.elapsed().as_secs() < 30, "apply never staged");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let edited = TR001.replace("lead: 臺北市", "lead: 新北市");
    r.case("TR-001", &edited);
    let outside_state = |m: BTreeMap<PathBuf, String>| -> BTreeMap<PathBuf, String> {
        m.into_iter()
            .filter(|(k, _)| !k.starts_with(".kbbt"))
            .collect()
    };
    let before = outside_state(r.snapshot().0);
    let out = child.wait_with_output().expect("wait for kbbt");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cases/TR/TR-001.yaml changed on disk while kbbt was working")
            && stderr.contains("nothing was written"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).unwrap(),
        edited
    );
    assert_eq!(outside_state(r.snapshot().0), before);
    assert!(!r.path().join(".kbbt/staging").exists() && !r.path().join(".kbbt/journal").exists());
}

/// Output cut short (a full disk) is not success.
#[test]
fn output_to_a_full_disk_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let r = Reg::standard();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("kbbt"))
        .current_dir(r.path())
        .arg("list")
        .stdout(full)
        .output()
        .expect("run kbbt");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write the output"), "{stderr}");
}

/// Staged files without a journal never changed the register: validate warns and judges the files;
/// `kbbt recover` discards them.
#[test]
fn staging_without_a_journal_only_warns() {
    let r = Reg::standard();
    r.write(".kbbt/staging/0", "half a write\n");
    let before = r.snapshot();
    let v = r.validate();
    v.assert_no_panic().assert_code(0);
    v.assert_stderr_has("kbbt recover");
    assert_eq!(r.snapshot(), before);
    let run = r.run(&["recover"]);
    run.assert_code(0);
    run.assert_stdout_has("discarded");
    assert!(!r.path().join(".kbbt/staging").exists());
    r.validate().assert_code(0);
}

/// Thousands of unknown names: every one reported, in bounded time ("did you mean" stops after 100).
#[test]
fn thousands_of_unknown_names_take_bounded_time() {
    let r = Reg::standard();
    let mut table =
        String::from("資料時間：114 年 12 月 31 日\n(一) 交通組\n方案名稱\t最新辦理情形\n");
    for i in 0..2000 {
        table.push_str(&format!("環狀線北環之{i}號分案\t進度。\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.txt");
    std::fs::write(&file, table).unwrap();
    let started = std::time::Instant::now();
    let run = r.run(&["import", "progress", "--dry-run", file.to_str().unwrap()]);
    let took = started.elapsed();
    run.assert_no_panic().assert_code(1);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(all.matches("error: unknown case").count(), 2000, "{all}");
    assert!(took.as_secs() < 20, "took {took:?}");
}

/// Markdown never carries markup from a register value: headings and notes are escaped like cells.
#[test]
fn markdown_escapes_html_in_headings_and_prose() {
    let r = Reg::standard();
    r.meeting(
        "vm-2",
        VM2.replace(
            "title: 第 2 次副市長層級會議",
            "title: \"<img src=x onerror=alert(1)>\"",
        ),
    );
    r.write(
        "platform.yaml",
        PLATFORM.replace("name: 測試合作交流平臺", "name: \"<script>x</script>\""),
    );
    for args in [
        &["status", "--format", "markdown"][..],
        &["report", "--as-of", "2025-01-01"],
        &["list", "--format", "markdown"],
    ] {
        let run = r.run(args);
        run.assert_no_panic();
        assert!(
            !run.stdout.contains("<img") && !run.stdout.contains("<script"),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let run = r.run(&["status", "--format", "markdown"]);
    run.assert_stdout_has("&lt;script&gt;");
}

/// An error about a case not yet written points at the meeting line that would create it.
#[test]
fn an_error_in_a_new_case_points_at_its_decision() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    add:\n      - 新案\n      - { title: 環狀線北環, id: TR-009 }\n"),
    );
    let run = refused(&r, "", &["apply", "meetings/vm-3.yaml"], 1);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("meetings/vm-3.yaml:9:")
                && l.contains("(in the new case cases/TR/TR-009.yaml)")),
        "{}",
        run.stderr
    );
}
