//! `kbbt apply`: every decision kind, every refusal leaves the tree byte-identical, crash safety at every
//! step of the write phase, locking, re-apply, minimal edits that keep comments.

use super::support::{Reg, Run, kbbt, run_cmd, vm3};

/// A register with comments and hand formatting in its case files, and nothing applied yet.
fn commented() -> Reg {
    let r = Reg::minimal();
    r.case(
        "TR-001",
        "# yaml-language-server: $schema=../../schemas/case.schema.json\n\
         id: TR-001\n\
         title: 捷運路網擴建\n\
         group: 交通組\n\
         status: ongoing    # 手寫註記：仍在列管\n\
         history:\n\
         \x20 - { action: seen, source: 第 1 次副市長層級會議紀錄 }\n\
         \n\
         # 下列為辦理情形\n\
         progress:\n\
         \x20 - as_of: 2025-12-31\n\
         \x20   text: |\n\
         \x20     1. 第一項。\n\
         \x20     # 這一行是文字，不是註解\n",
    );
    r.case(
        "TR-002",
        "id: TR-002\ntitle: 汐東捷運線\naliases: [汐東捷運]\ngroup: 交通組\nstatus: ongoing\nhistory:\n- {action: seen}\n",
    );
    r.case(
        "TR-003",
        "id: TR-003\r\ntitle: 共享轄內大貨車車籍資料\r\ngroup: 交通組\r\nstatus: ongoing\r\nhistory:\r\n  - { action: seen }\r\n",
    );
    r.case(
        "HW-001",
        "id: HW-001\ntitle: 電子煙 GetOut!\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - { action: seen }\n",
    );
    r.case(
        "HW-002",
        "id: HW-002\ntitle: 毒品危害防制跨域整合方案\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - { action: seen }\n",
    );
    r
}

/// A meeting using every decision kind except relist.
const VM3: &str = "\
id: vm-3
title: 第 3 次副市長層級會議
level: 副市長層級
date: 113年7月11日
decisions:
  交通:
    replace: [{ case: 捷運路網擴建, by: [捷運萬大-中和-樹林線, { title: 環狀線北環段, lead: 臺北市 }] }]
    add: [跨市設置通勤綠廊標誌牌面]
    subcases: [{ parent: 汐東捷運, title: 汐東捷運第二期 }]
    rename: [{ case: TR-002, to: 汐東捷運(基隆段) }]
    delist: [共享轄內大貨車車籍資料]
    ongoing: 1
  衛生社福組:
    merge: [{ cases: [電子煙 Get Out！, 毒品危害防制跨域整合方案], into: { title: 跨機關電子煙整合性防制, id: HW-010 } }]
    propose: [愛心待用餐交流計畫]
totals: { add: 4, delist: 1, ongoing: 1 }
";

#[test]
fn every_decision_kind_applies_and_validates_clean() {
    let r = commented();
    r.meeting("vm-3", VM3);
    let out = r.run(&["apply", "meetings/vm-3.yaml"]);
    out.assert_code(0).assert_no_panic();
    for line in [
        "  replace  TR-001 捷運路網擴建",
        "  add      TR-004 捷運萬大-中和-樹林線 (new)",
        "  add      TR-005 環狀線北環段 (new)",
        "  add      TR-006 跨市設置通勤綠廊標誌牌面 (new)",
        "  subcase  TR-007 汐東捷運第二期 (new)",
        "  rename   TR-002 汐東捷運(基隆段)",
        "  delist   TR-003 共享轄內大貨車車籍資料",
        "  add      HW-010 跨機關電子煙整合性防制 (new)",
        "  merge    HW-001 電子煙 GetOut!",
        "  merge    HW-002 毒品危害防制跨域整合方案",
        "  propose  HW-011 愛心待用餐交流計畫 (new)",
        "tallies: delist 1, add 4, ongoing 1",
    ] {
        out.assert_line(line);
    }
    for (file, want) in [
        (
            "cases/TR/TR-001.yaml",
            "status: replaced    # 手寫註記：仍在列管\n",
        ),
        ("cases/TR/TR-001.yaml", "replaced_by: [TR-004, TR-005]\n"),
        ("cases/TR/TR-004.yaml", "note: 原「捷運路網擴建」改列"),
        ("cases/TR/TR-007.yaml", "parent: TR-002\n"),
        ("cases/TR/TR-002.yaml", "title: 汐東捷運(基隆段)\n"),
        ("cases/TR/TR-002.yaml", "aliases: [汐東捷運, 汐東捷運線]\n"),
        ("cases/HW/HW-001.yaml", "merged_into: HW-010\n"),
        ("cases/HW/HW-010.yaml", "merged_from: [HW-001, HW-002]\n"),
        ("cases/HW/HW-011.yaml", "status: proposed\n"),
        // CRLF stays CRLF.
        ("cases/TR/TR-003.yaml", "status: delisted\r\n"),
    ] {
        r.assert_file_has(file, want);
    }
    r.validate().assert_code(0);
    // The meeting's tallies, as status reports them.
    let st = r.run(&["status", "--meeting", "vm-3", "--format", "csv"]);
    st.assert_stdout_has("vm-3,交通組,TR,3,1,1,");
    st.assert_stdout_has("vm-3,衛生社福組,HW,1,0,0,");
}

#[test]
fn relist_and_adopting_a_proposal() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    propose: [{ title: 新提案, id: TR-009 }]\n"),
    );
    r.run(&["apply", "meetings/vm-3.yaml"]).assert_code(0);
    r.meeting(
        "vm-4",
        "id: vm-4\ntitle: t\nlevel: 副市長層級\ndate: 2025-12-01\ndecisions:\n  交通組:\n    add: [{ title: 新提案, id: TR-009 }]\n    relist: [跨市公車路線整合]\n",
    );
    let out = r.run(&["apply", "meetings/vm-4.yaml"]);
    out.assert_code(0).assert_stdout(
        "Applying vm-4 t\n交通組\n  add      TR-009 新提案\n  relist   TR-002 跨市公車路線整合\ntallies: delist 0, add 1, ongoing 2\n2 files changed (0 new)\n",
    );
    r.assert_file_has("cases/TR/TR-009.yaml", "status: ongoing\n")
        .assert_file_has("cases/TR/TR-002.yaml", "status: ongoing\n");
    r.validate().assert_code(0);
}

#[test]
fn untouched_lines_and_comments_survive_byte_for_byte() {
    let r = commented();
    let before = r.read("cases/TR/TR-001.yaml");
    r.meeting("vm-3", VM3);
    r.run(&["apply", "meetings/vm-3.yaml"]).assert_code(0);
    let after = r.read("cases/TR/TR-001.yaml");
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    // Exactly: the status value changed, two lines were added; every other line is as it was.
    let removed: Vec<&&str> = old.iter().filter(|l| !new.contains(l)).collect();
    let added: Vec<&&str> = new.iter().filter(|l| !old.contains(l)).collect();
    assert_eq!(removed, [&"status: ongoing    # 手寫註記：仍在列管"]);
    assert_eq!(
        added,
        [
            &"status: replaced    # 手寫註記：仍在列管",
            &"replaced_by: [TR-004, TR-005]",
            &"  - { date: 2024-07-11, meeting: vm-3, action: replace }"
        ]
    );
}

#[test]
fn applying_twice_changes_nothing_and_says_so() {
    let r = commented();
    r.meeting("vm-3", VM3);
    r.run(&["apply", "meetings/vm-3.yaml"]).assert_code(0);
    let snap = r.files();
    let again = r.run(&["apply", "meetings/vm-3.yaml"]);
    again.assert_code(0).assert_stdout(concat!(
        "vm-3 is already applied: every decision is in the case histories; nothing to do",
        "\n"
    ));
    assert_eq!(r.files(), snap);
}

#[test]
fn one_bad_reference_among_many_refuses_everything() {
    let r = commented();
    let meeting = VM3.replace(
        "delist: [共享轄內大貨車車籍資料]",
        "delist: [共享轄內大貨車車籍資料, 汐東捷運綫]",
    );
    r.meeting("vm-3", &meeting);
    let out = r.refuses(&["apply", "meetings/vm-3.yaml"], 1);
    out.assert_stderr_has("meetings/vm-3.yaml:11:27: error: unknown case `汐東捷運綫` in 交通組\n  hint: did you mean TR-002 「汐東捷運(基隆段)」, TR-007 「汐東捷運第二期」? write `{ case: 汐東捷運綫, id: TR-002 }` with the id of the one meant\n");
    assert!(
        out.stderr
            .ends_with("error: 1 decision cannot be applied; nothing was written\n"),
        "{}",
        out.stderr
    );
}

/// Apply `meetings/<id>.yaml`, which must be refused: exit 1, `nothing was written`, and indeed no
/// byte of the register changed.
#[track_caller]
fn refused(r: &Reg, id: &str) -> Run {
    refused_as(r, "", id)
}

/// As [`refused`], with `why` (the table row) named in a failure.
#[track_caller]
fn refused_as(r: &Reg, why: &str, id: &str) -> Run {
    let out = r.refuses_as(why, &["apply", &format!("meetings/{id}.yaml")], 1);
    out.assert_stderr_has("nothing was written");
    out
}

#[test]
fn refusals_change_no_byte() {
    for (why, decisions, wants) in [
        (
            "a delist of a case that is not ongoing",
            "  交通組:\n    delist: [TR-002]\n",
            &["error: cannot delist TR-002 「跨市公車路線整合」: it is delisted, not ongoing"][..],
        ),
        (
            "a stated count that disagrees: the message names the register's cases",
            "  交通組:\n    add: [新案]\n    ongoing: 3\n",
            &[
                "meetings/vm-3.yaml:8:14: error: 交通組: vm-3 states 3 ongoing, the register would have 1: TR-001 「捷運環狀線（北環段）」",
            ],
        ),
        (
            "an unknown group, an id already used, a sub-case without parent: all reported at once",
            "  交通祖:\n    add: [x]\n  交通組:\n    add: [{ title: y, id: TR-001 }]\n    subcases: [z]\n",
            &[
                "unknown group `交通祖`",
                "id `TR-001` is already used",
                "sub-case 「z」 names no `parent`",
            ],
        ),
    ] {
        let r = Reg::standard();
        r.meeting("vm-3", vm3(decisions));
        let out = refused_as(&r, why, "vm-3");
        for want in wants {
            assert!(out.stderr.contains(want), "{why}: {want}\n{}", out.stderr);
        }
    }

    // A meeting older than the latest applied one.
    let r = Reg::standard();
    r.meeting("vm-0", "id: vm-0\ntitle: t\nlevel: 副市長層級\ndate: 2024-01-01\ndecisions:\n  交通組:\n    add: [舊案]\n");
    let out = refused(&r, "vm-0");
    out.assert_stderr_has("is older than vm-2, already applied");
    r.run(&["apply", "meetings/vm-0.yaml", "--allow-out-of-order"])
        .assert_code(0);
}

#[test]
fn accept_discrepancy_records_it_and_validate_agrees() {
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    ongoing: 3\n    add: [新案]\n"));
    r.run(&["apply", "meetings/vm-3.yaml", "--accept-discrepancy"])
        .assert_code(0)
        .assert_line("recorded discrepancy: 交通組: vm-3 states 3 ongoing, the register would have 1: TR-001 「捷運環狀線（北環段）」; vm-3 adds TR-003 「新案」");
    assert!(r.read("meetings/vm-3.yaml").ends_with(
        "discrepancies:\n  - { group: 交通組, field: ongoing, stated: 3, register: 1, note: recorded by kbbt apply --accept-discrepancy }\n"
    ));
    r.validate().assert_code(0);
}

/// The note `--accept-discrepancy` writes is in the register's language (platform.yaml `language:`),
/// whatever the user's; `--note` gives the reason instead, verbatim.
#[test]
fn the_recorded_note_speaks_the_registers_language_or_gives_the_reason() {
    let entry = |note: &str| {
        format!("  - {{ group: 交通組, field: ongoing, stated: 3, register: 1, note: {note} }}\n")
    };
    for (language, args, note) in [
        (
            "zh-TW",
            vec![],
            "由 kbbt apply --accept-discrepancy 記錄".to_string(),
        ),
        (
            "en",
            vec!["--lang", "zh-TW"],
            "recorded by kbbt apply --accept-discrepancy".to_string(),
        ),
        (
            "zh-TW",
            vec!["--note", "紀錄誤植：應為 1 案"],
            "紀錄誤植：應為 1 案".to_string(),
        ),
        (
            "zh-TW",
            vec!["--note", "ongoing: 3 # see p. 2"],
            "\"ongoing: 3 # see p. 2\"".to_string(),
        ),
    ] {
        let r = Reg::standard();
        let platform = r.read("platform.yaml");
        r.write("platform.yaml", format!("{platform}language: {language}\n"));
        r.meeting("vm-3", vm3("  交通組:\n    ongoing: 3\n    add: [新案]\n"));
        let mut run = vec!["apply", "meetings/vm-3.yaml", "--accept-discrepancy"];
        run.extend(&args);
        r.run(&run).assert_code(0);
        let meeting = r.read("meetings/vm-3.yaml");
        assert!(
            meeting.ends_with(&entry(&note)),
            "{language} {args:?}:\n{meeting}"
        );
        r.validate().assert_code(0);
    }
    // --note is a reason for a recorded discrepancy: without --accept-discrepancy it is a usage error.
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    ongoing: 3\n    add: [新案]\n"));
    r.refuses(&["apply", "meetings/vm-3.yaml", "--note", "x"], 2);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let r = commented();
    r.meeting("vm-3", VM3);
    let before = r.snapshot();
    let out = r.run(&["apply", "meetings/vm-3.yaml", "--dry-run"]);
    out.assert_code(0)
        .assert_line("Would apply vm-3 第 3 次副市長層級會議")
        .assert_line("+++ b/cases/TR/TR-004.yaml")
        .assert_line("-status: ongoing    # 手寫註記：仍在列管")
        .assert_line("dry run: 11 files would change (6 new); nothing was written");
    assert_eq!(r.snapshot(), before);
}

#[test]
fn a_meeting_from_outside_is_stored_in_meetings() {
    let r = Reg::standard();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("minutes.yaml");
    std::fs::write(&file, vm3("  交通組:\n    add: [新案]\n")).unwrap();
    r.run(&["apply", file.to_str().unwrap()]).assert_code(0);
    // Stored in the canonical layout, so `kbbt fmt --check` (a pre-commit hook) accepts it.
    assert_eq!(
        r.read("meetings/vm-3.yaml"),
        "id: vm-3\ntitle: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions:\n  交通組:\n    add:\n      - 新案\n"
    );
    r.validate().assert_code(0);
    r.run(&["fmt", "--check", "meetings/vm-3.yaml"])
        .assert_code(0);
}

/// A git identity for commits, as environment variables.
const IDENT: [(&str, &str); 4] = [
    ("GIT_AUTHOR_NAME", "測試"),
    ("GIT_AUTHOR_EMAIL", "t@example.invalid"),
    ("GIT_COMMITTER_NAME", "測試"),
    ("GIT_COMMITTER_EMAIL", "t@example.invalid"),
];

/// `git` in the register's folder, with a fixed identity unless `ident` is false.
fn git(r: &Reg, ident: bool, args: &[&str]) -> std::process::Output {
    let mut c = std::process::Command::new("git");
    c.current_dir(r.path()).args(args);
    if ident {
        c.envs(IDENT);
    }
    c.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs")
}

/// The secretariat's flow with the repository's own `kbbt fmt --check` hook: a meeting written with an
/// ROC date is stored and committed in the canonical layout; with no git identity nothing is written;
/// when the commit fails after the write the message is kept and `--commit` again finishes it.
#[test]
fn apply_commit_passes_the_repositorys_own_hooks_and_never_dead_ends() {
    let r = Reg::standard();
    if !git(&r, true, &["init", "-q"]).status.success() {
        return; // no git on this machine: nothing to test
    }
    // A repository with the hook keeps its files in the canonical layout.
    r.run(&["fmt"]).assert_code(0);
    git(&r, true, &["add", "-A"]);
    git(&r, true, &["commit", "-q", "-m", "初版"]);
    let bin = assert_cmd::cargo::cargo_bin("kbbt");
    let hook = r.path().join(".git/hooks/pre-commit");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nexec \"{}\" fmt --check >/dev/null\n",
            bin.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    r.meeting(
        "vm-3",
        "date: 114年7月1日\nid: vm-3\ntitle: t\nlevel: 副市長層級\ndecisions:\n  交通組:\n    add: [新案]\n",
    );
    let run = |args: &[&str], ident: bool| {
        let mut c = kbbt();
        c.current_dir(r.path())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        if ident {
            c.envs(IDENT);
        } else {
            for (k, _) in IDENT {
                c.env_remove(k);
            }
            c.env("EMAIL", "");
        }
        run_cmd(&mut c)
    };
    // No identity: refused before anything is written.
    let before = r.files();
    run(&["apply", "meetings/vm-3.yaml", "--commit"], false)
        .assert_code(1)
        .assert_stderr_has("git does not know who commits")
        .assert_stderr_has("nothing was written");
    assert_eq!(r.files(), before, "no byte of the register changed");
    // With an identity: the hook runs `kbbt fmt --check` and accepts what kbbt wrote.
    let ok = run(&["apply", "meetings/vm-3.yaml", "--commit"], true);
    ok.assert_code(0);
    assert!(ok.has_line("committed"), "{}{}", ok.stdout, ok.stderr);
    r.assert_file_has("meetings/vm-3.yaml", "date: 2025-07-01\n");
    let status = git(&r, true, &["status", "--porcelain"]);
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        "",
        "everything committed"
    );

    // A hook that refuses: the files are written, the message is kept, the hint says how to finish;
    // once the cause is gone, `--commit` again commits the applied meeting.
    std::fs::write(&hook, "#!/bin/sh\necho refused by the hook >&2\nexit 1\n").unwrap();
    r.meeting(
        "vm-4",
        "id: vm-4\ntitle: u\nlevel: 副市長層級\ndate: 2025-12-01\ndecisions:\n  交通組:\n    delist: [新案]\n",
    );
    let failed = run(&["apply", "meetings/vm-4.yaml", "--commit"], true);
    failed.assert_code(1);
    failed.assert_stderr_has("the files were written, but git commit failed");
    failed.assert_stderr_has("git commit -F .kbbt/COMMIT_MSG");
    assert!(
        std::fs::read_to_string(r.path().join(".kbbt/COMMIT_MSG"))
            .unwrap()
            .starts_with("Apply vm-4 u (2025-12-01)")
    );
    std::fs::remove_file(&hook).unwrap();
    let again = run(&["apply", "meetings/vm-4.yaml", "--commit"], true);
    again.assert_code(0);
    assert!(
        again
            .stdout
            .starts_with("vm-4 is already applied; committing 2 files\n"),
        "{}",
        again.stdout
    );
    let status = git(&r, true, &["status", "--porcelain"]);
    assert_eq!(String::from_utf8_lossy(&status.stdout), "");
    let done = run(&["apply", "meetings/vm-4.yaml", "--commit"], true);
    done.assert_stdout_has("already applied and committed");
}

/// Kill the write phase at every step: each outcome is the register before or after, never between.
#[test]
fn killed_at_every_step_leaves_before_or_after() {
    let setup = || {
        let r = commented();
        r.meeting("vm-3", VM3);
        r
    };
    let before = setup().files();
    let clean = setup();
    clean.run(&["apply", "meetings/vm-3.yaml"]).assert_code(0);
    let after = clean.files();
    assert_ne!(before, after);
    let (mut saw_before, mut saw_after) = (false, false);
    let mut step = 1;
    loop {
        let r = setup();
        let out = r.run_env(
            &["apply", "meetings/vm-3.yaml"],
            &[("KBBT_CRASH_AT", &step.to_string())],
        );
        if out.code == 0 {
            break; // past the last step: the run completed
        }
        assert_ne!(
            out.code, 1,
            "step {step}: a refusal, not a crash\n{}",
            out.stderr
        );
        // Read-only commands only say a write is pending; `kbbt recover` finishes it.
        let pending = r.validate();
        pending.assert_no_panic();
        if r.path().join(".kbbt/journal").exists() {
            pending.assert_stderr_has("kbbt recover");
        }
        r.run(&["recover"]).assert_code(0);
        let v = r.validate();
        v.assert_no_panic();
        let now = r.files();
        if now == before {
            saw_before = true;
        } else if now == after {
            saw_after = true;
            v.assert_code(0);
        } else {
            panic!("step {step}: the register is neither before nor after");
        }
        assert!(
            !r.path().join(".kbbt/journal").exists() && !r.path().join(".kbbt/staging").exists()
        );
        step += 1;
        assert!(step < 100, "the write phase never completed");
    }
    assert!(
        saw_before && saw_after,
        "the crash points did not cover both sides of the commit point"
    );
}

#[test]
fn a_held_lock_makes_apply_wait_then_fail_clearly() {
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    let lock = r.hold_lock();
    let out = refused(&r, "vm-3");
    out.assert_stderr_has("another kbbt is changing this register");
    drop(lock);
    r.run(&["apply", "meetings/vm-3.yaml"]).assert_code(0);
}

#[test]
fn two_applies_at_once_do_not_interleave() {
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    add: [甲案, 乙案, 丙案]\n"));
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("kbbt"))
            .arg("-C")
            .arg(r.path())
            .args(["apply", "meetings/vm-3.yaml"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(
        a.status.success() && b.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    let said: String = [a.stdout, b.stdout]
        .iter()
        .map(|o| String::from_utf8_lossy(o).into_owned())
        .collect();
    assert_eq!(
        said.matches("3 files changed (3 new)").count()
            + said.matches("4 files changed (3 new)").count(),
        1,
        "{said}"
    );
    assert_eq!(said.matches("already applied").count(), 1, "{said}");
    r.validate().assert_code(0);
}

#[test]
fn uncommitted_changes_refuse_unless_allowed() {
    let r = Reg::standard();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(r.path())
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["init", "-q"]) {
        eprintln!("skipped: git is not available");
        return;
    }
    // With an identity for the commits.
    let git_as_t = |args: &[&str]| {
        git(&[
            &["-c", "user.name=t", "-c", "user.email=t@example.org"][..],
            args,
        ]
        .concat())
    };
    git_as_t(&["add", "-A"]);
    git_as_t(&["commit", "-qm", "base"]);
    // The meeting file itself may be new; an edited case file is not allowed.
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    r.write(
        "cases/HW/HW-001.yaml",
        format!("{}# edited\n", r.read("cases/HW/HW-001.yaml")),
    );
    let out = refused(&r, "vm-3");
    out.assert_stderr_has("uncommitted changes in the register (cases/HW/HW-001.yaml)");
    git_as_t(&["commit", "-qam", "edit"]);
    let out = r.run_env(
        &["apply", "meetings/vm-3.yaml", "--commit"],
        &[
            ("GIT_AUTHOR_NAME", "t"),
            ("GIT_AUTHOR_EMAIL", "t@example.org"),
            ("GIT_COMMITTER_NAME", "t"),
            ("GIT_COMMITTER_EMAIL", "t@example.org"),
        ],
    );
    out.assert_code(0).assert_line("committed");
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(r.path())
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        "",
        "the commit left files out"
    );
}

mod property {
    use super::super::support::Reg;
    use proptest::prelude::*;

    /// A register of `ongoing[g]` ongoing cases per group, and a meeting that delists the chosen ones (by id
    /// or by a drifted spelling of the title) and adds `adds[g]` new ones, stating the right numbers.
    fn scenario(
        ongoing: &[usize; 2],
        delist: &[Vec<bool>; 2],
        by_title: bool,
        adds: &[usize; 2],
    ) -> (Reg, [usize; 2]) {
        let r = Reg::minimal();
        let groups = [("交通組", "TR"), ("衛生社福組", "HW")];
        let mut meeting = String::from(
            "id: vm-1\ntitle: 第 1 次副市長層級會議\nlevel: 副市長層級\ndate: 2024-07-11\ndecisions:\n",
        );
        let mut stays = [0; 2];
        let (mut total_add, mut total_delist) = (0, 0);
        for (g, (name, code)) in groups.iter().enumerate() {
            let mut delisted = Vec::new();
            for i in 1..=ongoing[g] {
                let id = format!("{code}-{i:03}");
                let title = format!("{name}合作案（第{i}期）");
                r.case(&id, format!("id: {id}\ntitle: {title}\ngroup: {name}\nstatus: ongoing\nhistory:\n  - {{ action: seen }}\n"));
                if delist[g].get(i - 1).copied().unwrap_or(false) {
                    // Half-width brackets and an extra space: the normalised match must still find it.
                    delisted.push(if by_title {
                        format!("\"{name}合作案 (第{i}期)\"")
                    } else {
                        id
                    });
                }
            }
            stays[g] = ongoing[g] - delisted.len();
            meeting.push_str(&format!("  {name}:\n"));
            if adds[g] > 0 {
                let titles: Vec<String> = (1..=adds[g]).map(|k| format!("{name}新案{k}")).collect();
                meeting.push_str(&format!("    add: [{}]\n", titles.join(", ")));
            }
            if !delisted.is_empty() {
                meeting.push_str(&format!("    delist: [{}]\n", delisted.join(", ")));
            }
            meeting.push_str(&format!("    ongoing: {}\n", stays[g]));
            total_add += adds[g];
            total_delist += delisted.len();
        }
        meeting.push_str(&format!(
            "totals: {{ add: {total_add}, delist: {total_delist}, ongoing: {} }}\n",
            stays[0] + stays[1]
        ));
        r.meeting("vm-1", meeting);
        (r, stays)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn apply_then_validate_is_clean_and_tallies_are_the_decisions(
            ongoing in [0usize..6, 0usize..6],
            delist in [proptest::collection::vec(any::<bool>(), 6), proptest::collection::vec(any::<bool>(), 6)],
            by_title in any::<bool>(),
            adds in [0usize..4, 0usize..4],
        ) {
            let (r, stays) = scenario(&ongoing, &delist, by_title, &adds);
            let out = r.run(&["apply", "meetings/vm-1.yaml"]);
            prop_assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
            let v = r.validate();
            prop_assert_eq!(v.code, 0, "{}", v.stdout);
            let st = r.run(&["status", "--meeting", "vm-1", "--format", "json"]);
            let json: serde_json::Value = serde_json::from_str(&st.stdout).unwrap();
            for g in 0..2 {
                let t = &json["meeting"]["groups"][g];
                let delisted = delist[g].iter().take(ongoing[g]).filter(|d| **d).count();
                prop_assert_eq!(t["add"].as_u64(), Some(adds[g] as u64));
                prop_assert_eq!(t["delist"].as_u64(), Some(delisted as u64));
                prop_assert_eq!(t["ongoing"].as_u64(), Some(stays[g] as u64));
            }
            let again = r.run(&["apply", "meetings/vm-1.yaml"]);
            prop_assert_eq!(again.code, 0);
            prop_assert!(again.stdout.contains("already applied"));
        }
    }
}

#[test]
fn a_discrepancy_under_an_unknown_group_does_not_excuse_the_totals() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        "id: vm-3\ntitle: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions:\n  交通組:\n    add: [新案]\n\
         totals: { ongoing: 9 }\n\
         discrepancies:\n  - { group: 交通祖, field: ongoing, stated: 9, register: 2 }\n",
    );
    let out = refused(&r, "vm-3");
    out.assert_stderr_has("error: totals: vm-3 states 9 ongoing, the register would have 2");
}

/// A file that cannot be read or written is a command-level failure: exit 1, one line naming the
/// file and then the system's own words, and nothing written.
#[test]
fn io_failures_name_the_file_and_the_cause() {
    let r = Reg::standard();
    for (args, want) in [
        (
            &["apply", "meetings/vm-9.yaml"][..],
            "error: cannot read meetings/vm-9.yaml: ",
        ),
        (
            &["import", "progress", "missing.csv"],
            "error: cannot read missing.csv: ",
        ),
        (
            &[
                "report",
                "--as-of",
                "2025-01-01",
                "-o",
                "no/such/folder/r.md",
            ],
            "error: cannot write no/such/folder/r.md: ",
        ),
    ] {
        let out = r.refuses(args, 1);
        assert!(
            out.stderr.starts_with(want) && out.stderr.lines().count() == 1,
            "{args:?}:\n{}",
            out.stderr
        );
    }
}

/// Name errors and count errors in one run: the counts are computed from the decisions that could
/// be planned, and say so.
#[test]
fn name_errors_and_count_errors_come_at_once() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    delist: [沒有這個案件]\n    ongoing: 5\n"),
    );
    let out = r.refuses(&["apply", "meetings/vm-3.yaml"], 1);
    assert!(
        out.stdout.contains("unknown case `沒有這個案件` in 交通組")
            || out.stderr.contains("unknown case `沒有這個案件` in 交通組"),
        "{}{}",
        out.stdout,
        out.stderr
    );
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(
        all.contains("交通組: vm-3 states 5 ongoing, the register would have 1: TR-001 「捷運環狀線（北環段）」 (counted without the 1 decision that cannot be applied)"),
        "{all}"
    );
}

/// A refused dry run still prints the plan and the diff of what it could plan.
#[test]
fn a_refused_dry_run_shows_what_it_could_plan() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        vm3("  交通組:\n    add: [新案]\n    delist: [沒有這個案件]\n"),
    );
    let out = r.run(&["apply", "meetings/vm-3.yaml", "--dry-run"]);
    out.assert_code(1);
    assert!(out.stdout.starts_with("Would apply vm-3 t in part (the refused decisions left out)\n  add      TR-003 新案 (new)\n"), "{}", out.stdout);
    out.assert_stdout_has("+++ b/cases/TR/TR-003.yaml");
    out.assert_stderr_has("nothing was written");
}
