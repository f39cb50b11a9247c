//! Follow-up: milestones and lights, planned against actual progress, the chair's instructions,
//! suggested milestones, `diff` and `log`.

use crate::support::*;

/// TR-001 with a milestone due 2025-06-30 (not met) and progress of 2025-06-30 at 40% of a planned 60%.
fn scheduled() -> Reg {
    let r = Reg::standard();
    r.case(
        "TR-001",
        format!(
            "{TR001}progress:\n  - as_of: 2025-06-30\n    planned: 60\n    actual: 40\n    text: |\n      1. 預計 118 年 6 月完工。\n      2. 114 年 3 月 20 日已開工。\nmilestones:\n  - {{ due: 2025-06-30, text: 完成細部設計 }}\n"
        ),
    );
    r
}

#[test]
fn check_overdue_lists_milestones_past_due_and_cases_behind() {
    let r = scheduled();
    r.validate().assert_code(0);
    let out = r.run(&["check", "overdue", "--as-of", "2025-07-01"]);
    out.assert_code(1);
    assert_eq!(
        out.stdout,
        "交通組 (TR)\n  TR-001  overdue since 2025-06-30: 完成細部設計 (捷運環狀線（北環段）)\n  TR-001  behind: planned 60%, actual 40% as of 2025-06-30 (捷運環狀線（北環段）)\n2 items overdue or behind on 2025-07-01 (behind: actual progress more than 10 points below the planned)\n"
    );
    // On its due day a milestone is not yet overdue; a platform may set its own threshold.
    r.write(
        "platform.yaml",
        format!("{PLATFORM}follow_up: {{ behind: 25 }}\n"),
    );
    let out = r.run(&["check", "overdue", "--as-of", "2025-06-30"]);
    out.assert_code(0);
    assert!(
        out.stdout.starts_with("nothing overdue on 2025-06-30"),
        "{}",
        out.stdout
    );
    // Met: nothing overdue.
    r.case(
        "TR-001",
        std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml"))
            .unwrap()
            .replace(
                "{ due: 2025-06-30, text:",
                "{ due: 2025-06-30, done: 2025-06-28, text:",
            ),
    );
    r.run(&["check", "overdue", "--as-of", "2025-07-01"])
        .assert_code(0);
    // A percentage outside 0–100 is a plain error.
    r.case(
        "TR-001",
        std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml"))
            .unwrap()
            .replace("actual: 40", "actual: 140"),
    );
    let out = r.validate();
    out.assert_code(1).assert_no_panic();
    out.assert_stdout_has("a percentage is a number from 0 to 100, not 140");
}

#[test]
fn lights_in_show_and_status() {
    let r = scheduled();
    let out = r.run(&["status", "--as-of", "2025-07-01", "--ascii"]);
    out.assert_code(0);
    out.assert_stdout_has("Follow-up lights of the ongoing cases");
    out.assert_line("| 交通組     |       1 |      0 |           0 |           0 |");
    out.assert_line("| 衛生社福組 |       0 |      0 |           0 |           1 |");
    let v: serde_json::Value = serde_json::from_str(
        &r.run(&["status", "--as-of", "2025-07-01", "--format", "json"])
            .stdout,
    )
    .expect("JSON");
    assert_eq!(
        v["all_time"]["lights"][0],
        serde_json::json!({ "group": "交通組", "overdue": 1, "behind": 0, "on_schedule": 0, "no_schedule": 0 })
    );
    // No case has a schedule: no table of lights.
    let plain = Reg::standard();
    assert!(!plain.run(&["status"]).stdout.contains("Follow-up lights"));
    let card = r.run(&["show", "TR-001"]);
    card.assert_stdout_has("milestone   2025-06-30 完成細部設計");
    let zh = r.run(&["--lang", "zh-TW", "show", "TR-001"]);
    zh.assert_stdout_has("燈號");
}

#[test]
fn suggested_milestones_are_shown_then_written_by_minimal_edits() {
    let r = scheduled();
    let before = r.snapshot();
    let out = r.run(&["suggest", "milestones", "TR-001"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "TR-001 捷運環狀線（北環段）\n  due 2029-06-30: 1. 預計 118 年 6 月完工\n  due 2025-03-20 (met 2025-03-20): 2. 114 年 3 月 20 日已開工\n2 milestones suggested; nothing was written (add them with --write, after checking each)\n"
    );
    assert_eq!(r.snapshot(), before, "suggesting writes nothing");
    let out = r.run(&["suggest", "milestones", "TR-001", "--write"]);
    out.assert_code(0);
    out.assert_line("2 milestones added to 1 file");
    let text = std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).unwrap();
    assert!(text.ends_with(
        "milestones:\n  - { due: 2025-06-30, text: 完成細部設計 }\n  - { due: 2029-06-30, text: 1. 預計 118 年 6 月完工, source: 辦理情形（資料時間：114 年 6 月 30 日） }\n  - { due: 2025-03-20, done: 2025-03-20, text: 2. 114 年 3 月 20 日已開工, source: 辦理情形（資料時間：114 年 6 月 30 日） }\n"
    ), "{text}");
    assert!(
        text.starts_with(TR001),
        "everything before is kept byte for byte"
    );
    r.validate().assert_code(0);
    // Nothing is suggested twice.
    let again = r.run(&["suggest", "milestones", "TR-001"]);
    assert!(
        again.stdout.starts_with("no milestone to suggest"),
        "{}",
        again.stdout
    );
}

pub(crate) const VM3_INSTRUCTIONS: &str = "\
id: vm-3
title: 第 3 次副市長層級會議
level: 副市長層級
date: 2025-06-30
instructions:
  - { id: vm-3-1, to: 交通組, due: 2025-12-31, text: 研議跨市公車轉乘優惠 }
  - { id: vm-3-2, to: 臺北市, text: 邀集三市研商 }
  - { id: vm-3-3, text: 各組定期檢視合作成效 }
";

#[test]
fn instructions_are_listed_shown_followed_and_closed() {
    let r = Reg::standard();
    r.meeting("vm-3", VM3_INSTRUCTIONS);
    r.validate().assert_code(0);
    let out = r.run(&["list", "--instructions", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(3));
    assert_eq!(v[0]["to"], "交通組");
    assert_eq!(v[0]["open"], true);
    let out = r.run(&["list", "--instructions", "--group", "交通"]);
    out.assert_line("1 instruction, 1 open");
    let card = r.run(&["show", "vm-3-2"]);
    card.assert_code(0);
    assert!(
        card.stdout.starts_with("vm-3-2 (instruction)\n"),
        "{}",
        card.stdout
    );
    assert!(card.stdout.contains("  to          臺北市\n"));
    // Past its due date and open: check overdue says so.
    let out = r.run(&["check", "overdue", "--as-of", "2026-01-05"]);
    out.assert_code(1);
    out.assert_line("  vm-3-1  due 2025-12-31 (交通組): 研議跨市公車轉乘優惠");
    // A later meeting closes it.
    r.meeting(
        "vm-4",
        "id: vm-4\ntitle: 第 4 次副市長層級會議\nlevel: 副市長層級\ndate: 2025-12-20\ndecisions: {}\nclose: [vm-3-1]\n",
    );
    r.validate().assert_code(0);
    r.run(&["check", "overdue", "--as-of", "2026-01-05"])
        .assert_code(0);
    let card = r.run(&["show", "vm-3-1"]);
    card.assert_stdout_has("  state       closed at vm-4\n");
}

#[test]
fn validate_checks_instruction_references() {
    let r = Reg::standard();
    r.meeting(
        "vm-3",
        format!("{VM3_INSTRUCTIONS}  - {{ id: vm-3-1, to: 交通祖, text: 重複 }}\n  - {{ id: VM_3, text: x }}\nclose: [vm-3-2, vm-9-9]\n"),
    );
    let out = r.validate();
    out.assert_code(1);
    for line in [
        "meetings/vm-3.yaml:9:11: error: instruction id `vm-3-1` is given twice (also in meetings/vm-3.yaml)",
        "meetings/vm-3.yaml:9:23: error: `交通祖` is neither a group nor a member of the platform",
        "meetings/vm-3.yaml:10:11: error: `VM_3` is not an instruction id",
        "meetings/vm-3.yaml:11:9: error: vm-3 closes `vm-3-2`, but that instruction is given at vm-3, not at an earlier meeting",
        "meetings/vm-3.yaml:11:17: error: `close` names `vm-9-9`, which no meeting gives",
    ] {
        out.assert_line(line);
    }
    out.assert_hint(
        "meetings/vm-3.yaml:9:23: error: `交通祖` is neither a group nor a member of the platform",
        "did you mean `交通組`?",
    );
}

#[test]
fn diff_between_two_meetings_or_dates() {
    let r = Reg::standard();
    let out = r.run(&["diff", "vm-1", "vm-2"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "vm-1 (2024-07-11) → vm-2 (2024-12-20): ongoing 3 → 2\n交通組\n  delisted  TR-002 跨市公車路線整合\n"
    );
    let v: serde_json::Value = serde_json::from_str(
        &r.run(&["diff", "2024-01-01", "113-12-31", "--format", "json"])
            .stdout,
    )
    .expect("JSON");
    assert_eq!(v["from"]["ongoing"], 0);
    assert_eq!(v["to"]["ongoing"], 2);
    assert_eq!(
        v["groups"][0]["added"],
        serde_json::json!(["TR-001", "TR-002"])
    );
    assert_eq!(v["groups"][0]["delisted"], serde_json::json!(["TR-002"]));
    assert_eq!(v["groups"][1]["added"], serde_json::json!(["HW-001"]));
    r.run(&["diff", "vm-9", "vm-2"]).assert_code(2);
}

#[test]
fn log_puts_decisions_and_commits_together_newest_first() {
    let r = Reg::standard();
    let out = r.run(&["log", "TR-002"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "TR-002 跨市公車路線整合\n  2024-12-20  decision  delist   vm-2\n  2024-07-11  decision  add      vm-1\n"
    );
    // In a git work tree the file's commits come in too.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(r.path())
            .args(args)
            .output()
            .map(|o| o.status.success())
    };
    if git(&["init", "-q"]).unwrap_or(false) {
        git(&["add", "-A"]).ok();
        git(&[
            "-c",
            "user.name=測試",
            "-c",
            "user.email=t@example.invalid",
            "commit",
            "-q",
            "-m",
            "初版",
        ])
        .ok();
        let out = r.run(&["log", "TR-002"]);
        out.assert_stdout_has("commit    ");
        out.assert_stdout_has(" 測試 — 初版");
    }
}

#[test]
fn the_report_marks_a_case_with_a_schedule_by_its_light() {
    let r = scheduled();
    let md = r.run(&["report", "--as-of", "2025-07-01"]).stdout;
    assert!(md.contains("（管考燈號：逾期）"), "{md}");
    // A case without milestones or planned progress has no light in the report.
    assert_eq!(md.matches("（管考燈號：").count(), 1);
}

#[test]
fn the_report_counts_the_lights_per_group() {
    let r = scheduled();
    let md = r.run(&["report", "--as-of", "2025-07-01"]).stdout;
    assert!(
        md.contains("## (一) 交通組\n\n管考燈號：逾期 1 案、落後 0 案、正常 0 案、未設定 0 案\n"),
        "{md}"
    );
    // A group with no schedule at all has no such line.
    assert!(!md.contains("## (二) 衛生社福組\n\n管考燈號"), "{md}");
}

#[test]
fn check_overdue_in_traditional_chinese_with_roc_dates() {
    let r = scheduled();
    let out = r.run(&[
        "--lang",
        "zh-TW",
        "check",
        "overdue",
        "--as-of",
        "2025-07-01",
    ]);
    out.assert_code(1);
    assert_eq!(
        out.stdout,
        "交通組（TR）\n  TR-001  逾期（預定 114-06-30）：完成細部設計（捷運環狀線（北環段））\n  TR-001  落後：預定進度 60%，實際進度 40%（資料時間 114-06-30）（捷運環狀線（北環段））\n114-07-01 逾期或落後共 2 項（落後：實際進度低於預定進度逾 10 個百分點）\n"
    );
}
