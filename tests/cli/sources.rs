//! The register says what its sources say, and no more: meetings known only in part, numbers
//! stated by other sources, complete listings, and the kinds of disagreement.

use crate::support::*;

/// vm-3 is known only by its adds (its minutes are lost): one case added to 衛生社福組.
const VM3: &str = "\
id: vm-3
title: 第 3 次副市長層級會議
level: 副市長層級
date: 2025-06-30
records: [add]
decisions:
  衛生社福組:
    add:
      - { title: 新增之案, id: HW-002 }
statements:
  - source: 某報導
    date: 2025-07-01
    totals: { delist: 1, add: 1, ongoing: 1, tracked: 3 }
";

const HW002: &str = "\
id: HW-002
title: 新增之案
group: 衛生社福組
status: ongoing
history:
  - { date: 2025-06-30, meeting: vm-3, action: add }
progress:
  - as_of: 2025-12-31
    text: |
      進行中
";

/// The standard register plus the partial vm-3; it validates clean.
fn partial() -> Reg {
    let r = Reg::standard();
    r.meeting("vm-3", VM3);
    r.case("HW-002", HW002);
    r
}

/// `partial()` with a complete listing of 2025-12-31 that names TR-001 and HW-002, not HW-001.
fn listed() -> Reg {
    let r = partial();
    r.write(
        "platform.yaml",
        format!("{PLATFORM}listings:\n  - {{ date: 2025-12-31, source: 進度報告 }}\n"),
    );
    r.case(
        "TR-001",
        format!("{TR001}progress:\n  - as_of: 2025-12-31\n    text: 施工中\n"),
    );
    r
}

#[test]
fn a_partial_meeting_in_every_status_format() {
    let r = partial();
    r.validate().assert_code(0);
    let out = r.run(&["status", "--ascii"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "\
測試合作交流平臺 — vm-3 第 3 次副市長層級會議 (2025-06-30)
+------------+------+-----+---------+---------+
| group      | code | add | delist  | ongoing |
+=============================================+
| 交通組     | TR   |   0 | unknown | unknown |
| 衛生社福組 | HW   |   1 | unknown | unknown |
+------------+------+-----+---------+---------+
delist unknown, add 1, ongoing unknown
note: vm-3 records only: add; every other count is unknown (not 0)
note: stated by 某報導 (2025-07-01): delist 1, add 1 (the register agrees), ongoing 1, tracked 3

All time (as of now)
+------------+------+-------+---------+----------+----------+--------+----------+
| group      | code | cases | ongoing | delisted | replaced | merged | proposed |
+===============================================================================+
| 交通組     | TR   |     2 |       1 |        1 |        0 |      0 |        0 |
| 衛生社福組 | HW   |     2 |       2 |        0 |        0 |      0 |        0 |
| total      |      |     4 |       3 |        1 |        0 |      0 |        0 |
+------------+------+-------+---------+----------+----------+--------+----------+
"
    );
    let zh = r.run(&["--lang", "zh-TW", "status", "--ascii", "--group", "HW"]);
    zh.assert_line("| 衛生社福組 | HW   |    1 | 不詳 |     不詳 |");
    zh.assert_line("解列不詳、新增 1 案、持續列管不詳");
    assert!(
        !zh.stdout.contains("某報導"),
        "statements speak of the whole platform"
    );

    let csv = r.run(&["status", "--format", "csv"]);
    assert_eq!(
        csv.stdout,
        "meeting,group,code,add,delist,ongoing,cases,ongoing_now,delisted,replaced,merged,proposed,unconfirmed\r\n\
         vm-3,交通組,TR,0,,,2,1,1,0,0,0,0\r\n\
         vm-3,衛生社福組,HW,1,,,2,2,0,0,0,0,0\r\n"
    );

    let v = r.run(&["status", "--format", "json"]).json();
    let m = &v["meeting"];
    assert_eq!(m["records"], serde_json::json!(["add"]));
    assert_eq!(
        m["totals"],
        serde_json::json!({ "delist": null, "add": 1, "ongoing": null })
    );
    let hw = &m["groups"][1];
    assert_eq!(hw["delist"], serde_json::Value::Null);
    assert_eq!(hw["ongoing"], serde_json::Value::Null);
    assert_eq!(hw["cases"]["ongoing"], serde_json::Value::Null);
    assert_eq!(hw["cases"]["add"], serde_json::json!(["HW-002"]));
    assert_eq!(
        m["statements"][0]["numbers"],
        serde_json::json!([
            { "field": "delist", "stated": 1, "register": null, "minutes": null, "verdict": "only-source" },
            { "field": "add", "stated": 1, "register": 1, "minutes": null, "verdict": "agrees" },
            { "field": "ongoing", "stated": 1, "register": null, "minutes": null, "verdict": "only-source" },
            { "field": "tracked", "stated": 3, "register": null, "minutes": null, "verdict": "only-source" },
        ])
    );

    let md = r.run(&["status", "--format", "markdown"]);
    md.assert_stdout_has("| 衛生社福組 | HW | 1 | unknown | unknown |");
    assert!(
        md.stdout
            .contains("\ndelist unknown, add 1, ongoing unknown\n")
    );

    // The meeting before it is known in full: its numbers stay numbers.
    let vm2 = r.run(&["status", "--meeting", "vm-2", "--format", "csv"]);
    vm2.assert_stdout_has("vm-2,交通組,TR,0,1,1,");
}

#[test]
fn a_partial_meeting_in_the_report_and_the_minutes() {
    let r = partial();
    let md = r.run(&["report", "--as-of", "2025-12-31"]);
    md.assert_code(0);
    md.assert_stdout_has("| 第 3 次副市長層級會議 | 114 年 6 月 30 日 | 1 | 不詳 | 不詳 |");
    md.assert_stdout_has("| 合計 | 3 | 1 | 不詳 | 4 |");
    assert!(md.stdout.contains("- 第 3 次副市長層級會議：某報導（114 年 7 月 1 日）載解列 1 案、新增 1 案、持續列管 1 案、處理案件 3 案。"));
    let html = r.run(&["report", "--as-of", "2025-12-31", "--format", "html"]);
    assert!(
        html.stdout
            .contains("<title>第 3 次副市長層級會議 解列：不詳</title>")
    );
    assert!(
        !html
            .stdout
            .contains("第 3 次副市長層級會議 解列：0</title>")
    );
    let fodt = r.run(&["report", "--as-of", "2025-12-31", "--format", "fodt"]);
    fodt.assert_code(0);
    // 「不詳」 is a text cell, never a value a spreadsheet could sum as 0.
    fodt.assert_stdout_has("office:value-type=\"string\">");
    assert!(fodt.stdout.contains(">不詳</text:p>"));
    assert!(!fodt.stdout.contains("office:value=\"不詳\""));
    let minutes = r.run(&["minutes", "vm-3"]);
    minutes.assert_code(0);
    assert_eq!(
        minutes.stdout,
        "議題小組合作案件，請依決議持續辦理：同意解列案數不詳、新增 1 案及確認執行中案數不詳。\n\
         (一) 衛生社福組\n\
         1. 同意新增 1 案：「新增之案」。\n\
         2. 持續列管案數不詳。\n"
    );
}

#[test]
fn stated_numbers_of_a_partial_meeting_are_not_checked_against_an_unknown() {
    let r = partial();
    // The minutes themselves state the totals: the register cannot check delist and ongoing, and
    // the statement is compared with the minutes instead.
    r.meeting(
        "vm-3",
        VM3.replace(
            "statements:",
            "totals: { delist: 1, add: 1, ongoing: 1 }\nstatements:",
        ),
    );
    r.validate().assert_code(0);
    let out = r.run(&["status"]);
    for line in [
        "note: totals: the minutes state delist 1; the register does not know its own number",
        "note: totals: the minutes state ongoing 1; the register does not know its own number",
        "note: stated by 某報導 (2025-07-01): delist 1 (the minutes agree), add 1 (the register agrees), ongoing 1 (the minutes agree), tracked 3",
    ] {
        out.assert_line(line);
    }
    // A statement that differs from the minutes is an error until recorded, kind third-party.
    r.meeting(
        "vm-3",
        VM3.replace("statements:", "totals: { delist: 4 }\nstatements:"),
    );
    r.validate()
        .assert_code(1)
        .assert_hint(
            "meetings/vm-3.yaml:14:23: error: 某報導 states delist 1 for vm-3, the minutes state 4",
            "record it under the statement's `discrepancies:` ({ field: delist, stated: 1, register: 4, kind: third-party, note: … })",
        )
        .assert_summary(1, 0);
    r.meeting(
        "vm-3",
        VM3.replace("statements:", "totals: { delist: 4 }\nstatements:")
            .trim_end()
            .to_string()
            + "\n    discrepancies:\n      - { field: delist, stated: 1, register: 4, kind: third-party, note: 報導與紀錄不一 }\n",
    );
    r.validate().assert_code(0);
    let out = r.run(&["status"]);
    out.assert_stdout_has("delist 1 (the register has 4: a recorded discrepancy)");
}

#[test]
fn a_complete_listing_leaves_a_case_unconfirmed_and_a_later_decision_resolves_it() {
    let r = listed();
    // Before the listing's date HW-001 is ongoing; from it, unconfirmed.
    let v = r
        .run(&["status", "--as-of", "2025-12-30", "--format", "json"])
        .json();
    assert_eq!(v["all_time"]["total"]["ongoing"], 3);
    assert_eq!(v["all_time"]["total"]["unconfirmed"], 0);
    let v = r
        .run(&["status", "--as-of", "2025-12-31", "--format", "json"])
        .json();
    assert_eq!(v["all_time"]["total"]["ongoing"], 2);
    assert_eq!(v["all_time"]["total"]["unconfirmed"], 1);
    assert_eq!(
        v["all_time"]["unconfirmed"],
        serde_json::json!([{ "id": "HW-001", "title": "長照資源共享平台",
                             "listing": { "date": "2025-12-31", "source": "進度報告" } }])
    );
    let text = r.run(&["status", "--as-of", "2025-12-31"]);
    assert!(
        text.stdout.ends_with(
            "unconfirmed (ongoing by recorded decisions, but absent from a complete listing; not counted as ongoing):\n  \
             not in the complete listing of 2025-12-31 (進度報告):\n    HW-001 長照資源共享平台\n"
        ),
        "{}",
        text.stdout
    );
    let csv = r.run(&[
        "status",
        "--as-of",
        "2025-12-31",
        "--format",
        "csv",
        "--group",
        "HW",
    ]);
    assert_eq!(
        csv.stdout.lines().nth(1),
        Some("vm-3,衛生社福組,HW,1,,,2,1,0,0,0,0,1")
    );
    // validate warns, naming the listing; it is not an error.
    r.validate()
        .assert_code(0)
        .assert_hint(
            "cases/HW/HW-001.yaml:4:9: warning: HW-001 is ongoing by its recorded decisions, but the complete listing of 2025-12-31 (進度報告) does not name it: it is unconfirmed from that date",
            "record the decision that ended it (with its meeting or `source:`), or its progress in a later listing",
        )
        .assert_summary(0, 1);
    // The report of that date leaves it out of its body and lists it in the annex.
    let md = r.run(&["report", "--as-of", "2025-12-31"]).stdout;
    assert!(
        md.contains("| HW-001 | 衛生社福組 | 長照資源共享平台 | 進度報告（114 年 12 月 31 日） |"),
        "{md}"
    );
    assert!(!md.contains("| 長照資源共享平台<br>"), "{md}");

    // A later meeting delists it: resolved, and counted as that meeting's delist.
    r.meeting(
        "vm-4",
        "id: vm-4\ntitle: 第 4 次副市長層級會議\nlevel: 副市長層級\ndate: 2026-06-30\ndecisions:\n  衛生社福組:\n    delist: [長照資源共享平台]\n    ongoing: 1\n",
    );
    r.case(
        "HW-001",
        format!(
            "{}  - {{ date: 2026-06-30, meeting: vm-4, action: delist }}\n",
            HW001.replace("status: ongoing", "status: delisted")
        ),
    );
    let out = r.validate();
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "ok: 4 cases and 4 meetings checked, no problems\n"
    );
    let v = r
        .run(&["status", "--format", "json", "--group", "HW"])
        .json();
    assert_eq!(v["meeting"]["groups"][0]["delist"], 1);
    assert_eq!(
        v["meeting"]["groups"][0]["ongoing"], 1,
        "HW-002; HW-001 was not known to be ongoing"
    );
    assert_eq!(v["all_time"]["total"]["unconfirmed"], 0);

    // A later listing that names it resolves it too.
    let r = listed();
    r.write(
        "platform.yaml",
        format!("{PLATFORM}listings:\n  - {{ date: 2025-12-31, source: 進度報告 }}\n  - {{ date: 2026-06-30, source: 進度報告二 }}\n"),
    );
    r.case(
        "HW-001",
        format!("{HW001}progress:\n  - as_of: 2026-06-30\n    text: 續辦\n"),
    );
    let v = r.run(&["status", "--format", "json"]).json();
    assert_eq!(
        v["all_time"]["total"]["unconfirmed"], 2,
        "TR-001 and HW-002 are not in the second listing"
    );
    let ids: Vec<&str> = v["all_time"]["unconfirmed"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"TR-001") && ids.contains(&"HW-002"),
        "{ids:?}"
    );
}

#[test]
fn a_sub_case_is_named_by_its_parent() {
    let r = listed();
    r.case(
        "HW-003",
        "id: HW-003\ntitle: 子案\ngroup: 衛生社福組\nparent: HW-002\nstatus: ongoing\nhistory:\n  - { date: 2025-06-30, meeting: vm-3, action: subcase }\n",
    );
    r.meeting(
        "vm-3",
        VM3.replace("      - { title: 新增之案, id: HW-002 }\n", "      - { title: 新增之案, id: HW-002 }\n    subcases: [{ parent: 新增之案, title: 子案, id: HW-003 }]\n")
            .replace("records: [add]", "records: [add, subcases]"),
    );
    let v = r
        .run(&["status", "--as-of", "2025-12-31", "--format", "json"])
        .json();
    assert_eq!(
        v["all_time"]["unconfirmed"].as_array().map(Vec::len),
        Some(1),
        "{v}"
    );
}

#[test]
fn import_progress_complete_records_the_listing_once() {
    let r = partial();
    let table = "資料時間：114 年 12 月 31 日\n\n(一) 交通組\n方案名稱\t最新辦理情形\n捷運環狀線（北環段）\t施工中\n(二) 衛生社福組\n方案名稱\t最新辦理情形\n新增之案\t進行中\n";
    r.write("report.txt", table);
    let before = r.snapshot();
    let import = ["import", "progress", "report.txt", "--complete"];
    let refused = r.run(&[&import[..], &["--skip-unmatched"]].concat());
    refused.assert_code(2);
    assert_eq!(r.snapshot(), before, "a refusal changes no byte");
    let out = r.run(&[&import[..], &["--source", "進度報告"]].concat());
    out.assert_code(0);
    out.assert_line("  added platform.yaml: a complete listing as of 2025-12-31");
    assert_eq!(
        std::fs::read_to_string(r.path().join("platform.yaml")).unwrap(),
        format!("{PLATFORM}listings:\n  - {{ date: 2025-12-31, source: 進度報告 }}\n")
    );
    let v = r
        .run(&["status", "--as-of", "2025-12-31", "--format", "json"])
        .json();
    assert_eq!(v["all_time"]["total"]["unconfirmed"], 1);
    // Again: nothing to do, the listing is recorded once.
    let after = r.snapshot();
    let again = r.run(&[&import[..], &["--source", "進度報告"]].concat());
    again.assert_code(0);
    assert_eq!(r.snapshot(), after);
}

#[test]
fn statements_by_other_sources_against_the_register() {
    let r = Reg::standard();
    let vm2 = format!(
        "{VM2}statements:\n  - source: 市府新聞稿\n    all_time: {{ cases: 3, completed: {{ min: 1, max: 2 }} }}\n  - source: 某週刊\n    all_time: {{ cases: 5 }}\n"
    );
    r.meeting("vm-2", &vm2);
    r.validate()
        .assert_code(1)
        .assert_hint(
            "meetings/vm-2.yaml:14:24: error: 某週刊 states cases 5 for vm-2, the register has 3",
            "record it under the statement's `discrepancies:` ({ field: cases, stated: 5, register: 3, kind: third-party, note: … })",
        )
        .assert_summary(1, 0);
    // Recorded: clean; a record that goes stale is an error again.
    let recorded = format!(
        "{vm2}    discrepancies:\n      - {{ field: cases, stated: 5, register: 3, kind: third-party, note: 計入提案 }}\n"
    );
    r.meeting("vm-2", &recorded);
    r.validate().assert_code(0);
    let out = r.run(&["status", "--meeting", "vm-2"]);
    out.assert_line("note: stated by 市府新聞稿: cases 3 (the register agrees), completed 1–2 (the register agrees)");
    assert!(
        out.has_line(
            "note: stated by 某週刊: cases 5 (the register has 3: a recorded discrepancy)"
        ),
        "{}",
        out.stdout
    );
    r.meeting(
        "vm-2",
        recorded.replace("register: 3, kind", "register: 4, kind"),
    );
    r.validate().assert_code(1);
    // The range: 1 delisted is inside 1–2; 0–0 is not.
    r.meeting(
        "vm-2",
        vm2.replace("{ min: 1, max: 2 }", "{ min: 0, max: 0 }")
            .replace("  - source: 某週刊\n    all_time: { cases: 5 }\n", ""),
    );
    let out = r.validate();
    out.assert_stdout_has("error: 市府新聞稿 states completed 0–0 for vm-2, the register has 1");
    // A range with min above max is a plain error, not a panic.
    r.meeting(
        "vm-2",
        vm2.replace("{ min: 1, max: 2 }", "{ min: 3, max: 2 }"),
    );
    let out = r.validate();
    out.assert_code(1).assert_no_panic();
    out.assert_stdout_has("a range needs `min` ≤ `max`");
}

#[test]
fn the_three_kinds_of_disagreement_are_reported_apart() {
    let r = Reg::standard();
    let vm2 = VM2
        .replace("ongoing: 1\n", "ongoing: 3\n")
        .replace("ongoing: 2 }", "ongoing: 4 }");
    // Without a kind: a warning that asks for one.
    r.meeting(
        "vm-2",
        format!("{vm2}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 3, register: 1, note: x }}\n  - {{ field: ongoing, stated: 4, register: 2, kind: [unnamed, arithmetic], note: y }}\n"),
    );
    let out = r.validate();
    out.assert_code(0);
    out.assert_hint(
        "meetings/vm-2.yaml:11:5: warning: say which kind of disagreement this is",
        "add `kind: arithmetic` (the minutes contradict their own arithmetic), `unnamed` (they count cases they never name) or `third-party` (another source disagrees); a list when more than one applies",
    );
    r.meeting(
        "vm-2",
        format!("{vm2}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 3, register: 1, kind: unnamed, note: x }}\n  - {{ field: ongoing, stated: 4, register: 2, kind: [unnamed, arithmetic], note: y }}\n"),
    );
    r.validate().assert_code(0);
    let out = r.run(&["status", "--meeting", "vm-2"]);
    out.assert_line("note: 交通組: the minutes state ongoing 3, the register has 1 (a recorded discrepancy: the minutes count cases they never name)");
    out.assert_line("note: totals: the minutes state ongoing 4, the register has 2 (a recorded discrepancy: the minutes contradict their own arithmetic; the minutes count cases they never name)");
    // An unknown kind is an error with the choices.
    r.meeting(
        "vm-2",
        format!("{vm2}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 3, register: 1, kind: typo, note: x }}\n"),
    );
    let out = r.validate();
    out.assert_code(1);
    out.assert_stdout_has(
        "`kind` is one of `arithmetic`, `unnamed`, `third-party`, or a list of them",
    );
}

/// HW-001 merged into TR-001, its history ending in `entry` (a line of YAML).
fn merged_hw001(entry: &str) -> String {
    let merged = HW001.replace("status: ongoing", "status: merged\nmerged_into: TR-001");
    format!("{merged}{entry}")
}

#[test]
fn a_decision_stated_by_another_document_needs_its_source() {
    let r = Reg::standard();
    // HW-001 merged into TR-001 by a progress report's words: no meeting, a source, a latest date.
    r.case(
        "HW-001",
        merged_hw001("  - { not_after: 2025-12-31, action: merge, source: 進度報告 }\n"),
    );
    let absorbing = TR001.replace("history:", "merged_from: [HW-001]\nhistory:");
    let entry = "  - { not_after: 2025-12-31, action: absorb, source: 進度報告 }\n";
    r.case("TR-001", format!("{absorbing}{entry}"));
    r.validate().assert_code(0);
    let at = |d: &str| -> serde_json::Value {
        r.run(&["status", "--as-of", d, "--format", "json"]).json()
    };
    assert_eq!(at("2025-12-30")["all_time"]["total"]["merged"], 0);
    assert_eq!(at("2025-12-31")["all_time"]["total"]["merged"], 1);
    // Without a source it needs its meeting; with both a date and not_after, or not_after and a
    // meeting, it is refused.
    r.case(
        "HW-001",
        merged_hw001("  - { not_after: 2025-12-31, action: merge }\n"),
    );
    r.validate().assert_code(1).assert_line(
        "cases/HW/HW-001.yaml:8:38: error: this `merge` entry must name the meeting that decided it",
    );
    r.case(
        "HW-001",
        merged_hw001(
            "  - { date: 2025-12-30, not_after: 2025-12-31, action: merge, source: 進度報告 }\n",
        ),
    );
    r.validate().assert_code(1).assert_line(
        "cases/HW/HW-001.yaml:8:36: error: an entry has either `date` (the day it happened) or `not_after` (the latest day it can have happened), not both",
    );
}

#[test]
fn applying_a_partial_meeting_prints_no_unknown_as_zero() {
    let r = Reg::standard();
    r.write("vm-3.yaml", VM3);
    let out = r.run(&["apply", "vm-3.yaml"]);
    out.assert_code(0);
    out.assert_line("tallies: delist unknown, add 1, ongoing unknown");
    r.validate().assert_code(0);
    let again = r.snapshot();
    let out = r.run_sub(
        &["--lang", "zh-TW"],
        &["apply", "meetings/vm-3.yaml", "--dry-run"],
    );
    out.assert_code(0);
    assert_eq!(r.snapshot(), again, "applying twice changes nothing");
}
