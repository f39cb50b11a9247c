//! Whole outputs pinned: every command's text, JSON and CSV on one fixture register
//! (`tests/fixtures/snapshot/register`: twelve cases and three meetings that together take every kind of
//! decision, a recorded discrepancy, progress entries and files `fmt` would change).
//!
//! Each snapshot holds the command line, the exit code, stdout and stderr, whole: a stray extra line
//! fails as surely as a missing one. The snapshots are in `tests/cli/snapshots/`; after a deliberate
//! change, review the new output with `cargo insta review` (or write it with `INSTA_UPDATE=always
//! cargo test`). With `CI=true`, as on CI, a mismatch fails and nothing is written.

use super::support::{Reg, Run};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshot")
        .join(rel)
}

/// Every file of the register, without kbbt's own `.kbbt/` (a writing command takes its lock there
/// even when it then refuses).
fn register_files(r: &Reg) -> Vec<(PathBuf, String)> {
    r.snapshot()
        .0
        .into_iter()
        .filter(|(p, _)| !p.starts_with(".kbbt"))
        .collect()
}

/// A fresh copy of the fixture register.
fn register() -> Reg {
    Reg::copy_of(&fixture("register"))
}

/// One run as text: the command line (without the `--lang en` every run gets), exit code, stdout, stderr.
fn shown(args: &[&str], out: &Run) -> String {
    format!(
        "$ kbbt {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.code,
        out.stdout,
        out.stderr
    )
}

/// Run `kbbt --lang en ARGS…` on `r` and pin the whole output as snapshot `name`.
#[track_caller]
fn pin(r: &Reg, name: &str, args: &[&str]) {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    let out = r.run(&all);
    out.assert_no_panic();
    insta::assert_snapshot!(name, shown(args, &out));
}

/// Several read-only runs on one copy of the register.
#[track_caller]
fn pin_all(runs: &[(&str, &[&str])]) {
    let r = register();
    let before = r.snapshot();
    for (name, args) in runs {
        pin(&r, name, args);
    }
    assert_eq!(r.snapshot(), before, "a reading command wrote");
}

#[test]
fn validate() {
    pin_all(&[
        ("validate_text", &["validate"]),
        ("validate_json", &["validate", "--format", "json"]),
        ("validate_github", &["validate", "--format", "github"]),
    ]);
}

#[test]
fn status() {
    pin_all(&[
        ("status_table", &["status"]),
        ("status_json", &["status", "--format", "json"]),
        ("status_csv", &["status", "--format", "csv"]),
        ("status_markdown", &["status", "--format", "markdown"]),
        (
            "status_ascii_vm2",
            &["status", "--meeting", "vm-2", "--ascii"],
        ),
        ("status_by_lead", &["status", "--by", "lead"]),
        (
            "status_by_lead_csv",
            &["status", "--by", "lead", "--format", "csv"],
        ),
        (
            "status_group_as_of",
            &["status", "--group", "交通", "--as-of", "113/12/31"],
        ),
    ]);
}

#[test]
fn list_and_show() {
    pin_all(&[
        ("list_table", &["list"]),
        ("list_json", &["list", "--format", "json"]),
        ("list_csv", &["list", "--format", "csv"]),
        ("list_markdown", &["list", "--format", "markdown"]),
        (
            "list_ongoing_in_hw",
            &["list", "--status", "ongoing", "--group", "HW"],
        ),
        ("show_text", &["show", "TR-005"]),
        (
            "show_by_old_title_json",
            &["show", "公車路網整合第二期", "--format", "json"],
        ),
        ("show_merged", &["show", "HW-004"]),
    ]);
}

#[test]
fn minutes_report_and_reminders() {
    pin_all(&[
        ("minutes_vm1", &["minutes", "vm-1"]),
        ("minutes_vm2", &["minutes", "vm-2"]),
        (
            "minutes_vm3_as_published",
            &["minutes", "vm-3", "--as-published"],
        ),
        ("report_md", &["report", "--as-of", "2025-06-30"]),
        (
            "report_html",
            &["report", "--as-of", "2025-06-30", "--format", "html"],
        ),
        (
            "report_odt",
            &["report", "--as-of", "2025-06-30", "--format", "odt"],
        ),
        (
            "report_group",
            &["report", "--as-of", "2024-12-31", "--group", "衛福"],
        ),
        ("check_stale", &["check", "stale", "--as-of", "2025-06-30"]),
        (
            "check_stale_none",
            &["check", "stale", "--as-of", "2025-06-30", "--months", "24"],
        ),
        ("fmt_check", &["fmt", "--check"]),
    ]);
}

#[test]
fn chinese_output() {
    let r = register();
    for (name, args) in [
        ("zh_status", ["status"].as_slice()),
        ("zh_validate", &["validate"]),
        ("zh_list", &["list", "--group", "交通組"]),
    ] {
        let mut all = vec!["--lang", "zh-TW"];
        all.extend_from_slice(args);
        let out = r.run(&all);
        out.assert_no_panic();
        insta::assert_snapshot!(name, shown(&all, &out));
    }
}

#[test]
fn apply_a_fourth_meeting() {
    let r = register();
    let vm4 = std::fs::read_to_string(fixture("vm-4.yaml")).expect("vm-4");
    r.write(
        "meetings/vm-4.yaml",
        vm4.replace("    ongoing: 3\n", "    ongoing: 2\n"),
    );
    let before = register_files(&r);
    pin(&r, "apply_refused", &["apply", "meetings/vm-4.yaml"]);
    assert_eq!(register_files(&r), before, "a refusal wrote");
    r.write("meetings/vm-4.yaml", &vm4);
    let before = register_files(&r);
    pin(
        &r,
        "apply_dry_run",
        &["apply", "meetings/vm-4.yaml", "--dry-run"],
    );
    assert_eq!(register_files(&r), before, "a dry run wrote");
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
    let before = register_files(&r);
    pin(
        &r,
        "import_refused",
        &["import", "progress", "progress.csv", "--as-of", "114/6/30"],
    );
    pin(
        &r,
        "import_dry_run",
        &[
            "import",
            "progress",
            "progress.csv",
            "--as-of",
            "114/6/30",
            "--skip-unmatched",
            "--dry-run",
        ],
    );
    assert_eq!(register_files(&r), before, "a refusal or a dry run wrote");
    pin(
        &r,
        "import",
        &[
            "import",
            "progress",
            "progress.csv",
            "--as-of",
            "114/6/30",
            "--skip-unmatched",
        ],
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
