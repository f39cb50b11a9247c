//! Whole outputs pinned: every command's text, JSON and CSV on one fixture register
//! (`tests/fixtures/snapshot/register`: twelve cases and three meetings that together take every kind of
//! decision, a recorded discrepancy, progress entries and files `fmt` would change).
//!
//! Each snapshot holds the command line, the exit code, stdout and stderr, whole: a stray extra line
//! fails as surely as a missing one. The snapshots are in `tests/cli/snapshots/`; after a deliberate
//! change, review the new output with `cargo insta review` (or write it with `INSTA_UPDATE=always
//! cargo test`). With `CI=true`, as on CI, a mismatch fails and nothing is written.

use super::support::Reg;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshot")
        .join(rel)
}

/// A fresh copy of the fixture register.
fn register() -> Reg {
    Reg::copy_of(&fixture("register"))
}

/// Run `kbbt ARGS…` on `r` (in English unless ARGS name a language) and pin the whole output as
/// snapshot `name`.
#[track_caller]
fn pin(r: &Reg, name: &str, args: &[&str]) {
    let mut all = if args.contains(&"--lang") {
        vec![]
    } else {
        vec!["--lang", "en"]
    };
    all.extend_from_slice(args);
    let out = r.run(&all);
    out.assert_no_panic();
    insta::assert_snapshot!(name, out.shown(args));
}

/// Every reading command of `commands.txt`, on one copy of the register, which none of them changes.
#[test]
fn every_reading_command() {
    let list = std::fs::read_to_string(fixture("commands.txt")).expect("commands.txt");
    let r = register();
    let before = r.snapshot();
    let mut pinned = 0;
    for line in list
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (name, args) = line.split_once(": ").expect("name: arguments");
        let args: Vec<&str> = args.split(' ').collect();
        pin(&r, name, &args);
        pinned += 1;
    }
    assert_eq!(pinned, 32, "every line of commands.txt is run");
    assert_eq!(r.snapshot(), before, "a reading command wrote");
}

#[test]
fn apply_a_fourth_meeting() {
    let r = register();
    let vm4 = std::fs::read_to_string(fixture("vm-4.yaml")).expect("vm-4");
    r.write(
        "meetings/vm-4.yaml",
        vm4.replace("    ongoing: 3\n", "    ongoing: 2\n"),
    );
    let before = r.files();
    pin(&r, "apply_refused", &["apply", "meetings/vm-4.yaml"]);
    assert_eq!(r.files(), before, "a refusal wrote");
    r.write("meetings/vm-4.yaml", &vm4);
    let before = r.files();
    pin(
        &r,
        "apply_dry_run",
        &["apply", "meetings/vm-4.yaml", "--dry-run"],
    );
    assert_eq!(r.files(), before, "a dry run wrote");
    pin(&r, "apply", &["apply", "meetings/vm-4.yaml"]);
    pin(&r, "apply_again", &["apply", "meetings/vm-4.yaml"]);
    pin(&r, "apply_then_validate", &["validate"]);
    pin(&r, "apply_then_status", &["status", "--format", "csv"]);
    let new_case = std::fs::read_to_string(r.path().join("cases/TR/TR-008.yaml")).expect("TR-008");
    insta::assert_snapshot!("apply_new_case_file", new_case);
}

#[test]
fn import_progress() {
    let r = register();
    r.write(
        "progress.csv",
        std::fs::read(fixture("progress.csv")).expect("progress.csv"),
    );
    let before = r.files();
    let import = "import progress progress.csv --as-of 114/6/30";
    let args = |extra: &str| -> Vec<String> {
        format!("{import}{extra}")
            .split(' ')
            .map(str::to_string)
            .collect()
    };
    for (name, extra) in [
        ("import_refused", ""),
        ("import_dry_run", " --skip-unmatched --dry-run"),
    ] {
        let a = args(extra);
        pin(&r, name, &a.iter().map(String::as_str).collect::<Vec<_>>());
    }
    assert_eq!(r.files(), before, "a refusal or a dry run wrote");
    let a = args(" --skip-unmatched");
    pin(
        &r,
        "import",
        &a.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[test]
fn new_case_and_meeting() {
    let r = register();
    pin(
        &r,
        "new_case",
        &[
            "new",
            "case",
            "--group",
            "衛福",
            "--title",
            "社區心理衛生中心",
            "--lead",
            "新北市",
            "--source",
            "合作方案辦理情形（114 年 6 月）",
        ],
    );
    pin(
        &r,
        "new_meeting",
        &[
            "new",
            "meeting",
            "--level",
            "副市長層級",
            "--date",
            "114/7/21",
        ],
    );
    let case = std::fs::read_to_string(r.path().join("cases/HW/HW-006.yaml")).expect("HW-006");
    let meeting = std::fs::read_to_string(r.path().join("meetings/vm-4.yaml")).expect("vm-4");
    insta::assert_snapshot!(
        "new_files",
        format!("--- cases/HW/HW-006.yaml\n{case}--- meetings/vm-4.yaml\n{meeting}")
    );
}
