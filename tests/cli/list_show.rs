//! `kbbt list` filters and `kbbt show` name matching.

use crate::support::{HW001, Reg, Run};

/// The ids `list --format json` prints, in order.
fn list_ids(r: &Reg, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "json"];
    args.extend_from_slice(filters);
    let out = r.run(&args);
    out.assert_no_panic().assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn show(r: &Reg, name: &str) -> Run {
    let out = r.run(&["show", name]);
    out.assert_no_panic();
    out
}

/// The first line of a card: `<id> <title>`.
fn card_head(out: &Run) -> &str {
    out.stdout.lines().next().unwrap_or_default()
}

/// The standard register plus a case whose notes and progress hold searchable text.
fn with_texts() -> Reg {
    let r = Reg::standard();
    r.case(
        "HW-001",
        format!(
            "{HW001}progress:\n  - as_of: 2024-12-31\n    text: 已完成資訊系統介接\nnotes: 與新北市社會局共同辦理\n"
        ),
    );
    r
}

#[test]
fn list_everything_in_group_order() {
    let r = Reg::standard();
    assert_eq!(list_ids(&r, &[]), ["TR-001", "TR-002", "HW-001"]);
    let out = r.run(&["list"]);
    out.assert_code(0);
    assert_eq!(out.last_line(), Some("3 cases"));
}

#[test]
fn list_by_group_name_code_or_alias() {
    let r = Reg::standard();
    for g in ["交通組", "TR", "交通"] {
        assert_eq!(
            list_ids(&r, &["--group", g]),
            ["TR-001", "TR-002"],
            "--group {g}"
        );
    }
    assert_eq!(list_ids(&r, &["--group", "衛生社福組"]), ["HW-001"]);
    let out = r.run(&["list", "--group", "衛生福利組"]);
    out.assert_usage_error("did you mean `衛生社福組`?");
}

#[test]
fn list_by_status() {
    let r = Reg::standard();
    assert_eq!(list_ids(&r, &["--status", "delisted"]), ["TR-002"]);
    assert_eq!(list_ids(&r, &["--status", "ongoing"]), ["TR-001", "HW-001"]);
    assert!(list_ids(&r, &["--status", "merged"]).is_empty());
    let out = r.run(&["list", "--status", "done"]);
    out.assert_no_panic().assert_code(2);
    assert_eq!(
        out.stderr,
        "error: unknown status `done`\n  hint: use proposed, ongoing, delisted, merged or replaced\n"
    );
}

#[test]
fn list_by_lead_and_partner() {
    let r = Reg::standard();
    assert_eq!(list_ids(&r, &["--lead", "新北市"]), ["TR-002"]);
    assert_eq!(list_ids(&r, &["--lead", "臺北市"]), ["TR-001"]);
    // 台 and 臺 are the same character for matching.
    assert_eq!(list_ids(&r, &["--lead", "台北市"]), ["TR-001"]);
    assert_eq!(list_ids(&r, &["--partner", "新北市"]), ["TR-001", "TR-002"]);
    assert!(list_ids(&r, &["--lead", "桃園市"]).is_empty());
}

#[test]
fn list_by_text_in_titles_aliases_notes_and_progress() {
    let r = with_texts();
    assert_eq!(list_ids(&r, &["--text", "環狀"]), ["TR-001"]);
    assert_eq!(list_ids(&r, &["--text", "環狀線北環"]), ["TR-001"]);
    assert_eq!(list_ids(&r, &["--text", "(北環段)"]), ["TR-001"]);
    assert_eq!(list_ids(&r, &["--text", "資源共享平臺"]), ["HW-001"]);
    assert_eq!(list_ids(&r, &["--text", "社會局"]), ["HW-001"]);
    assert_eq!(list_ids(&r, &["--text", "系統介接"]), ["HW-001"]);
    assert!(list_ids(&r, &["--text", "高鐵"]).is_empty());
}

#[test]
fn list_filters_combine() {
    let r = Reg::standard();
    assert_eq!(
        list_ids(&r, &["--group", "TR", "--status", "ongoing"]),
        ["TR-001"]
    );
    assert!(list_ids(&r, &["--group", "HW", "--lead", "新北市"]).is_empty());
    let out = r.run(&["list", "--group", "HW", "--status", "delisted"]);
    out.assert_code(0);
    assert_eq!(out.last_line(), Some("0 cases"));
}

#[test]
fn list_csv() {
    let r = Reg::standard();
    let out = r.run(&["list", "--format", "csv", "--group", "交通"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "id,title,group,status,lead,partners,added_meeting,added_date,delisted_meeting,delisted_date,progress_date,progress,topics\r\nTR-001,捷運環狀線（北環段）,交通組,ongoing,臺北市,新北市,vm-1,2024-07-11,,,,,氣候變遷因應及調適\r\nTR-002,跨市公車路線整合,交通組,delisted,新北市,,vm-1,2024-07-11,vm-2,2024-12-20,,,\r\n"
    );
}

#[test]
fn show_by_id() {
    let r = Reg::standard();
    let out = show(&r, "TR-001");
    out.assert_code(0);
    assert_eq!(card_head(&out), "TR-001 捷運環狀線（北環段）");
    out.assert_stdout_has("  status      ongoing\n");
    out.assert_stdout_has("  file        cases/TR/TR-001.yaml\n");
    out.assert_stdout_has("  2024-07-11  vm-1     add");
    assert_eq!(
        card_head(&show(&r, "tr-001")),
        "TR-001 捷運環狀線（北環段）"
    );
}

#[test]
fn show_by_title_alias_and_drifted_spelling() {
    let r = Reg::standard();
    for name in [
        "捷運環狀線（北環段）",
        "環狀線北環",
        "捷運環狀線(北環段)",
        "捷運環狀線 (北環段)",
        "捷運環狀線（北環段） ",
    ] {
        let out = show(&r, name);
        out.assert_code(0);
        assert_eq!(
            card_head(&out),
            "TR-001 捷運環狀線（北環段）",
            "show {name:?}"
        );
    }
    // 台 and 臺.
    let out = show(&r, "長照資源共享平臺");
    out.assert_code(0);
    assert_eq!(card_head(&out), "HW-001 長照資源共享平台");
}

#[test]
fn show_json() {
    let r = Reg::standard();
    let out = r.run(&["show", "跨市公車路線整合", "--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["id"], "TR-002");
    assert_eq!(v["status"], "delisted");
    assert_eq!(v["file"], "cases/TR/TR-002.yaml");
    assert_eq!(v["history"].as_array().map(Vec::len), Some(2));
}

#[test]
fn show_unknown_name_suggests_the_close_case() {
    let r = Reg::standard();
    let out = show(&r, "長照資源共享");
    out.assert_code(1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: no case `長照資源共享`\n  hint: did you mean HW-001 「長照資源共享平台」?\n"
    );
    let out = show(&r, "完全無關的名稱");
    out.assert_code(1);
    assert!(
        out.stderr.starts_with("error: no case `完全無關的名稱`\n"),
        "{}",
        out.stderr
    );
    let out = show(&r, "TR-099");
    out.assert_code(1);
}

#[test]
fn show_ambiguous_title_lists_both_ids() {
    let r = Reg::standard();
    r.case(
        "HW-002",
        "id: HW-002\ntitle: 跨市公車路線整合\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - { action: seen, source: 進度報告 }\n",
    );
    let out = show(&r, "跨市公車路線整合");
    out.assert_code(1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error: `跨市公車路線整合` is ambiguous\n"),
        "{}",
        out.stderr
    );
    out.assert_stderr_has("TR-002 「跨市公車路線整合」");
    out.assert_stderr_has("HW-002 「跨市公車路線整合」");
    assert!(out.stderr.ends_with("; give the id\n"), "{}", out.stderr);
    // The id still finds each.
    assert_eq!(card_head(&show(&r, "HW-002")), "HW-002 跨市公車路線整合");
}

#[test]
fn list_and_show_do_not_write() {
    let r = with_texts();
    let before = r.snapshot();
    r.run(&["list"]).assert_code(0);
    r.run(&["list", "--format", "json"]).assert_code(0);
    show(&r, "TR-001").assert_code(0);
    show(&r, "no such case").assert_code(1);
    assert_eq!(r.snapshot(), before);
}
