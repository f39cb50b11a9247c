//! `kbbt check stale`: ongoing cases whose latest progress is older than N months, or missing.

use crate::support::{HW001, Reg, Run, TR001, kbbt, run_cmd};
use std::path::PathBuf;

/// The standard register with TR-001 reporting progress on 2025-01-10 (and 2026-03-01), and HW-001
/// with `hw_progress` (a `progress:` block or nothing).
fn register(hw_progress: &str) -> Reg {
    let r = Reg::standard();
    r.case(
        "TR-001",
        format!(
            "{TR001}progress:\n  - as_of: 2026-03-01\n    text: 後來\n  - as_of: 2025-01-10\n    text: 動工\n"
        ),
    );
    r.case("HW-001", format!("{HW001}{hw_progress}"));
    r.validate().assert_code(0);
    r
}

fn stale(r: &Reg, args: &[&str]) -> Run {
    let mut all = vec!["check", "stale"];
    all.extend_from_slice(args);
    let out = r.run(&all);
    out.assert_no_panic();
    out
}

#[test]
fn old_and_missing_progress_are_listed_per_group() {
    let r = register("");
    let out = stale(&r, &["--as-of", "2025-12-31"]);
    out.assert_code(1);
    assert_eq!(
        out.stdout,
        "交通組 (TR)\n  TR-001  2025-01-10  捷運環狀線（北環段）\n\
         衛生社福組 (HW)\n  HW-001  no progress  長照資源共享平台\n\
         2 of 2 ongoing cases are stale: their latest progress is before 2025-06-30, \
         6 months before 2025-12-31, or they have none\n"
    );
}

#[test]
fn months_set_the_cut_off_and_the_cut_off_day_is_recent_enough() {
    let r = register("");
    let out = stale(&r, &["--as-of", "2025-12-31", "--months", "12"]);
    out.assert_code(1);
    out.assert_stdout_lacks("TR-001");
    assert!(out.has_line("  HW-001  no progress  長照資源共享平台"));
    // Progress dated exactly N months before the date is not stale.
    let out = stale(&r, &["--as-of", "2025-07-10", "--group", "TR"]);
    out.assert_code(0).assert_stdout("no stale cases: all 1 ongoing cases have progress on or after 2025-01-10, 6 months before 2025-07-10\n");
    let out = stale(&r, &["--as-of", "2025-07-11", "--group", "交通"]);
    out.assert_code(1);
    assert!(out.has_line("  TR-001  2025-01-10  捷運環狀線（北環段）"));
}

#[test]
fn none_stale_exits_0() {
    let r = register("progress:\n  - as_of: 2025-10-01\n    text: 辦理中\n");
    let out = stale(&r, &["--as-of", "2025-12-31", "--months", "12"]);
    out.assert_code(0).assert_stdout("no stale cases: all 2 ongoing cases have progress on or after 2024-12-31, 12 months before 2025-12-31\n");
}

#[test]
fn as_of_a_date_progress_after_it_does_not_count() {
    let r = register("");
    // On 2024-12-01, TR-002 is still ongoing (vm-2 delists it on 2024-12-20), and TR-001's progress
    // of 2025 is not yet written.
    let out = stale(&r, &["--as-of", "113/12/1", "--group", "TR"]);
    out.assert_code(1);
    assert_eq!(
        out.stdout,
        "交通組 (TR)\n  TR-001  no progress  捷運環狀線（北環段）\n  TR-002  no progress  跨市公車路線整合\n\
         2 of 2 ongoing cases are stale: their latest progress is before 2024-06-01, \
         6 months before 2024-12-01, or they have none\n"
    );
    // Before any case exists.
    let out = stale(&r, &["--as-of", "2024-01-01"]);
    out.assert_code(0);
    assert_eq!(out.stdout, "no ongoing cases on 2024-01-01\n");
}

#[test]
fn bad_arguments_are_usage_errors() {
    let r = register("");
    stale(&r, &["--as-of", "2025-02-30"]).assert_code(2);
    stale(&r, &["--group", "交通祖"]).assert_code(2);
    stale(&r, &["--months", "-1"]).assert_code(2);
}

#[test]
fn the_shipped_register_on_2025_12_31() {
    let mut cmd = kbbt();
    cmd.current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .args(["check", "stale", "--as-of", "2025-12-31"]);
    let out = run_cmd(&mut cmd);
    out.assert_no_panic().assert_code(1);
    assert!(out.has_line(
        "10 of 66 ongoing cases are stale: their latest progress is before 2025-06-30, \
         6 months before 2025-12-31, or they have none"
    ));
    assert_eq!(
        out.last_line(),
        Some("10 of them are unconfirmed: a complete listing leaves them out (see kbbt status)")
    );
    assert!(out.has_line("  TR-011  no progress (unconfirmed)  捷運永寧站臨時微型轉運站興建案"));
    // 都會空間治理's sub-case reports under its parent and is not checked on its own.
    let mut cmd = kbbt();
    cmd.current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .args(["check", "stale", "--as-of", "2025-12-31", "--group", "UD"]);
    run_cmd(&mut cmd).assert_code(0);
}
