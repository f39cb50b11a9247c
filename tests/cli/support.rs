//! Test support: a register written into a temporary folder, and the real `kbbt` binary run on it.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The platform every test register starts from: two members, two groups, two levels, one topic.
pub const PLATFORM: &str = include_str!("../fixtures/small/platform.yaml");

/// vm-1 adds three cases (ids pinned).
pub const VM1: &str = include_str!("../fixtures/small/vm-1.yaml");

/// vm-2 delists TR-002; TR-001 stays ongoing. Line 8 is `    ongoing: 1`, line 9 the totals.
pub const VM2: &str = include_str!("../fixtures/small/vm-2.yaml");

/// Line 5 is `lead:`, line 10 the history entry.
pub const TR001: &str = include_str!("../fixtures/small/TR-001.yaml");

pub const TR002: &str = include_str!("../fixtures/small/TR-002.yaml");

/// Line 4 is `status:`, line 6 the history entry.
pub const HW001: &str = include_str!("../fixtures/small/HW-001.yaml");

/// A meeting file for vm-3 (2025-07-01, a one-letter title) with these `decisions:` lines.
pub fn vm3(decisions: &str) -> String {
    format!("id: vm-3\ntitle: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions:\n{decisions}")
}

/// A register in a temporary folder (removed when dropped).
pub struct Reg {
    _dir: tempfile::TempDir,
    /// The folder, canonical, so that it equals the working directory the binary sees.
    root: PathBuf,
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    /// The exit code; -1 when the process was killed by a signal (a crash, a stack overflow).
    pub code: i32,
}

impl Reg {
    /// A register with only `platform.yaml` (and empty `cases/` and `meetings/`).
    pub fn minimal() -> Reg {
        let dir = tempfile::Builder::new()
            .prefix("kbbt-test-")
            .tempdir()
            .expect("create a temporary folder");
        let root = dir
            .path()
            .canonicalize()
            .expect("canonical temporary folder");
        let r = Reg { _dir: dir, root };
        r.write("platform.yaml", PLATFORM);
        std::fs::create_dir_all(r.path().join("cases")).expect("create cases/");
        std::fs::create_dir_all(r.path().join("meetings")).expect("create meetings/");
        r
    }

    /// The minimal register plus two applied meetings and three cases; it validates clean.
    pub fn standard() -> Reg {
        let r = Reg::minimal();
        r.meeting("vm-1", VM1);
        r.meeting("vm-2", VM2);
        r.case("TR-001", TR001);
        r.case("TR-002", TR002);
        r.case("HW-001", HW001);
        r
    }

    /// A copy of the register in `src` (a folder of the repository, e.g. a fixture).
    pub fn copy_of(src: &Path) -> Reg {
        let r = Reg::minimal();
        copy_dir(src, r.path());
        r
    }

    /// A copy of the register the repository ships (platform.yaml, cases/, meetings/).
    pub fn shipped() -> Reg {
        let r = Reg::minimal();
        r.write(
            "platform.yaml",
            std::fs::read(repo().join("platform.yaml")).expect("platform.yaml"),
        );
        for dir in ["cases", "meetings"] {
            copy_dir(&repo().join(dir), &r.path().join(dir));
        }
        r
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The text of a file, by path relative to the root.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Assert that the file at `rel` contains `s`.
    #[track_caller]
    pub fn assert_file_has(&self, rel: &str, s: &str) -> &Reg {
        contains(rel, &self.read(rel), s, true);
        self
    }

    /// Create a folder (and its parents) at a path relative to the root.
    pub fn mkdir(&self, rel: &str) -> &Reg {
        std::fs::create_dir_all(self.path().join(rel)).expect("create folders");
        self
    }

    /// Write a file (any bytes) at a path relative to the root, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Reg {
        let p = self.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&p, contents).expect("write file");
        self
    }

    /// Write `cases/<code>/<id>.yaml` (the code is the part of `id` before the dash).
    pub fn case(&self, id: &str, yaml: impl AsRef<[u8]>) -> &Reg {
        let code = id.split('-').next().unwrap_or("X");
        self.write(&format!("cases/{code}/{id}.yaml"), yaml)
    }

    /// Write `meetings/<id>.yaml`.
    pub fn meeting(&self, id: &str, yaml: impl AsRef<[u8]>) -> &Reg {
        self.write(&format!("meetings/{id}.yaml"), yaml)
    }

    /// Hold the register's write lock, as another kbbt would, until the file returned is dropped.
    pub fn hold_lock(&self) -> std::fs::File {
        std::fs::create_dir_all(self.path().join(".kbbt")).expect("create .kbbt");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.path().join(".kbbt/lock"))
            .expect("open the lock");
        lock.lock().expect("take the lock");
        lock
    }

    pub fn remove(&self, rel: &str) -> &Reg {
        std::fs::remove_file(self.path().join(rel)).expect("remove file");
        self
    }

    /// Run `kbbt -C <root> ARGS…` from the root (so reported paths are relative to it).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// As [`Reg::run`], with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = kbbt();
        cmd.current_dir(self.path()).arg("-C").arg(self.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        run_cmd(cmd.args(args))
    }

    /// Run `kbbt PREFIX… ARGS…` (a subcommand and its arguments), and assert that it did not crash.
    #[track_caller]
    pub fn run_sub(&self, prefix: &[&str], args: &[&str]) -> Run {
        let all: Vec<&str> = prefix.iter().chain(args).copied().collect();
        let out = self.run(&all);
        out.assert_no_panic();
        out
    }

    pub fn validate(&self) -> Run {
        self.run(&["validate"])
    }

    /// Run a command that must be refused with exit `code`: no crash, and no byte of the register
    /// changed (kbbt's own `.kbbt/` folder, which holds the lock, is not part of the register).
    #[track_caller]
    pub fn refuses(&self, args: &[&str], code: i32) -> Run {
        self.refuses_as("", args, code)
    }

    /// As [`Reg::refuses`], with `what` (the case a table row tries) named in a failure.
    #[track_caller]
    pub fn refuses_as(&self, what: &str, args: &[&str], code: i32) -> Run {
        let before = self.files();
        let out = self.run(args);
        out.assert_no_panic().assert_code(code);
        assert_eq!(self.files(), before, "{what} {args:?} changed the register");
        out
    }

    /// Every file of the register: the snapshot without kbbt's own `.kbbt/` (the lock lives there).
    pub fn files(&self) -> BTreeMap<PathBuf, String> {
        self.snapshot()
            .0
            .into_iter()
            .filter(|(p, _)| !p.starts_with(".kbbt"))
            .collect()
    }

    /// A fingerprint of every file, folder and link below the root.
    pub fn snapshot(&self) -> Snapshot {
        let mut files = BTreeMap::new();
        walk(self.path(), self.path(), &mut files);
        Snapshot(files)
    }
}

/// The repository's root folder (which holds the shipped register).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `kbbt -C DIR ARGS…`, run from `dir`.
pub fn at(dir: &Path, args: &[&str]) -> Run {
    run_cmd(kbbt().current_dir(dir).arg("-C").arg(dir).args(args))
}

/// `kbbt ARGS…` on the shipped register, run from the repository root; it must not crash.
#[track_caller]
pub fn shipped(args: &[&str]) -> Run {
    let out = run_cmd(kbbt().current_dir(repo()).args(args));
    out.assert_no_panic();
    out
}

/// The first of `names` found on PATH.
pub fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Convert `files` to PDF in `dir` with LibreOffice (a profile of its own in `dir`), within `secs`
/// seconds; what it said on stdout and stderr. `None` (and a line saying so) when it is not installed.
pub fn office_to_pdf(dir: &Path, files: &[&Path], secs: u64) -> Option<String> {
    let Some(office) = on_path(&["libreoffice", "soffice"]) else {
        println!("skipped: libreoffice is not installed");
        return None;
    };
    let out = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(files)
        .timeout(Duration::from_secs(secs))
        .output()
        .expect("run libreoffice");
    Some(format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// The binary under test, with a clean environment for colour and a time limit.
pub fn kbbt() -> Command {
    let mut cmd = Command::cargo_bin("kbbt").expect("the kbbt binary is built");
    // Documents carry the day they were made: a fixed day keeps whole outputs comparable.
    cmd.env_remove("NO_COLOR")
        .env_remove("KBBT_CRASH_AT")
        .env("SOURCE_DATE_EPOCH", "1767571200")
        .timeout(Duration::from_secs(60));
    cmd
}

pub fn run_cmd(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run kbbt");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn copy_dir(src: &Path, dst: &Path) {
    for e in std::fs::read_dir(src).expect("read the folder").flatten() {
        let to = dst.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&to).expect("create a folder");
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).expect("copy a file");
        }
    }
}

#[track_caller]
fn contains(name: &str, text: &str, s: &str, want: bool) {
    let what = if want { "expected" } else { "unexpected" };
    assert!(text.contains(s) == want, "{what} {s:?} in {name}:\n{text}");
}

/// Every entry below a folder, by relative path: a hash of a file's bytes, a link's target, or a folder mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot(pub BTreeMap<PathBuf, String>);

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&p).unwrap_or_default();
            out.insert(rel, format!("link {}", target.display()));
        } else if meta.is_dir() {
            out.insert(rel, "dir".into());
            walk(root, &p, out);
        } else {
            let bytes = std::fs::read(&p).unwrap_or_default();
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            out.insert(rel, format!("file {} {:016x}", bytes.len(), h.finish()));
        }
    }
}

impl Run {
    /// The run with its standard error in place of its standard output (for `assert_line`,
    /// `assert_hint`).
    pub fn on_stderr(&self) -> Run {
        Run {
            stdout: self.stderr.clone(),
            stderr: String::new(),
            code: self.code,
        }
    }

    /// The run as a snapshot holds it: the command line, exit code, stdout, stderr.
    pub fn shown(&self, args: &[&str]) -> String {
        format!(
            "$ kbbt {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    /// Stdout read as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }

    /// The lines of stdout.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// The last line of stdout (the summary line of `validate`).
    pub fn last_line(&self) -> Option<&str> {
        self.stdout.lines().last()
    }

    /// Whether stdout has exactly this line.
    pub fn has_line(&self, line: &str) -> bool {
        self.stdout.lines().any(|l| l == line)
    }

    /// Assert that stdout has exactly this line.
    #[track_caller]
    pub fn assert_line(&self, line: &str) -> &Run {
        assert!(
            self.has_line(line),
            "expected the line\n  {line}\nin stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Assert that stdout contains `s` (and show stdout when it does not).
    #[track_caller]
    pub fn assert_stdout_has(&self, s: &str) -> &Run {
        contains("stdout", &self.stdout, s, true);
        self
    }

    /// Assert that stdout does not contain `s`.
    #[track_caller]
    pub fn assert_stdout_lacks(&self, s: &str) -> &Run {
        contains("stdout", &self.stdout, s, false);
        self
    }

    /// Assert that stderr contains `s` (and show stderr when it does not).
    #[track_caller]
    pub fn assert_stderr_has(&self, s: &str) -> &Run {
        contains("stderr", &self.stderr, s, true);
        self
    }

    /// As [`Run::assert_stderr_has`], with `what` (a table row) named in a failure.
    #[track_caller]
    pub fn assert_stderr_has_for(&self, what: &dyn std::fmt::Display, s: &str) -> &Run {
        contains(&format!("stderr ({what})"), &self.stderr, s, true);
        self
    }

    /// Assert that stderr does not contain `s`.
    #[track_caller]
    pub fn assert_stderr_lacks(&self, s: &str) -> &Run {
        contains("stderr", &self.stderr, s, false);
        self
    }

    /// Assert the whole of stdout.
    #[track_caller]
    pub fn assert_stdout(&self, want: &str) -> &Run {
        assert_eq!(self.stdout, want, "stderr:\n{}", self.stderr);
        self
    }

    /// A usage error: exit 2, no crash, `what` in stderr.
    #[track_caller]
    pub fn assert_usage_error(&self, what: &str) -> &Run {
        self.assert_no_panic()
            .assert_code(2)
            .assert_stderr_has(what)
    }

    /// Assert that the finding line `line` is directly followed by `  hint: <hint>`.
    #[track_caller]
    pub fn assert_hint(&self, line: &str, hint: &str) -> &Run {
        self.assert_line(line);
        let lines = self.lines();
        let want = format!("  hint: {hint}");
        let ok = lines
            .windows(2)
            .any(|w| w[0] == line && w[1] == want.as_str());
        assert!(
            ok,
            "expected the hint\n  {want}\nafter\n  {line}\nin stdout:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Assert validate's count of errors and warnings (its last line).
    #[track_caller]
    pub fn assert_summary(&self, errors: usize, warnings: usize) -> &Run {
        assert_eq!(self.summary(), Some((errors, warnings)), "{}", self.stdout);
        self
    }

    /// `(errors, warnings)` from validate's last line (`2 errors, 1 warning`).
    pub fn summary(&self) -> Option<(usize, usize)> {
        let last = self.stdout.lines().last()?;
        let (e, w) = last.split_once(", ")?;
        let num = |s: &str| s.split(' ').next()?.parse().ok();
        Some((num(e)?, num(w)?))
    }

    /// The process ended by itself (no signal), with no panic.
    #[track_caller]
    pub fn assert_no_panic(&self) -> &Run {
        assert!(
            self.code != 101 && self.code != -1,
            "kbbt crashed (exit {})\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "kbbt panicked:\n{}",
            self.stderr
        );
        self
    }
}
