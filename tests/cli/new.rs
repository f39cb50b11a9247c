//! `kbbt new case|meeting`: a new file with the next free id, in the canonical layout, that validates.

use super::support::{Reg, Run};

/// `kbbt new case --group GROUP --title TITLE --status ongoing --source s` (no crash).
fn ongoing_case(r: &Reg, group: &str, title: &str) -> Run {
    r.run_sub(
        &["new", "case"],
        &[
            "--group", group, "--title", title, "--status", "ongoing", "--source", "s",
        ],
    )
}

/// The arguments of `kbbt new meeting --level LEVEL --date DATE MORE…`.
fn meeting<'a>(level: &'a str, date: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["new", "meeting", "--level", level, "--date", date];
    v.extend_from_slice(more);
    v
}

/// A run that exits 0 and prints exactly the line `created …`.
#[track_caller]
fn assert_created(out: &Run, line: &str) {
    out.assert_no_panic()
        .assert_code(0)
        .assert_stdout(&format!("{line}\n"));
}

fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn a_new_case_continues_the_groups_ids_and_validates_clean() {
    let r = Reg::standard();
    let out = r.run(&[
        "new",
        "case",
        "--group",
        "交通",
        "--title",
        "跨市共享運具停車管理",
        "--lead",
        "新北市",
        "--partner",
        "臺北市",
        "--topic",
        "氣候變遷因應及調適",
        "--status",
        "ongoing",
        "--source",
        "115 年 6 月 30 日辦理情形",
    ]);
    assert_created(
        &out,
        "created cases/TR/TR-003.yaml: TR-003 跨市共享運具停車管理 (交通組, ongoing)",
    );
    assert_eq!(
        r.read("cases/TR/TR-003.yaml"),
        format!(
            "id: TR-003\ntitle: 跨市共享運具停車管理\ngroup: 交通組\nlead: 新北市\npartners: [臺北市]\ntopics: [氣候變遷因應及調適]\nstatus: ongoing\nhistory:\n  - {{ date: {}, action: seen, source: 115 年 6 月 30 日辦理情形 }}\nsources: [115 年 6 月 30 日辦理情形]\n",
            today()
        )
    );
    r.validate().assert_code(0);
    // The next one takes the next id; `fmt --check` finds the files canonical.
    assert_created(
        &ongoing_case(&r, "TR", "第二案"),
        "created cases/TR/TR-004.yaml: TR-004 第二案 (交通組, ongoing)",
    );
    assert_created(
        &ongoing_case(&r, "衛生社福組", "第三案"),
        "created cases/HW/HW-002.yaml: HW-002 第三案 (衛生社福組, ongoing)",
    );
    r.validate().assert_code(0);
    r.run(&["fmt", "--check", "cases"]).assert_code(0);
    r.run(&["show", "第二案"]).assert_code(0);
}

#[test]
fn a_new_case_points_at_the_schema_when_the_register_has_one() {
    let r = Reg::standard();
    r.write("schemas/case.schema.json", "{}\n");
    ongoing_case(&r, "交通組", "新案").assert_code(0);
    assert!(r.read("cases/TR/TR-003.yaml").starts_with(
        "# yaml-language-server: $schema=../../schemas/case.schema.json\nid: TR-003\n"
    ));
}

#[test]
fn bad_input_for_a_new_case_is_a_usage_error_with_a_suggestion() {
    let r = Reg::standard();
    let base = ["new", "case", "--source", "s"];
    let with = |extra: &[&'static str]| -> Vec<&str> {
        let mut v: Vec<&str> = base.to_vec();
        v.extend_from_slice(extra);
        if !v.contains(&"--title") {
            v.extend(["--title", "新案"]);
        }
        v
    };
    // A case of 交通組, ongoing, by this title: without --source unless `extra` gives it.
    let titled = |title: &'static str, extra: &[&'static str]| -> Vec<&str> {
        let v = ["new", "case", "--group", "交通組", "--title", title];
        [&v[..], &["--status", "ongoing"], extra].concat()
    };
    for (args, what) in [
        (
            with(&["--group", "交通祖", "--status", "ongoing"]),
            "error: unknown group `交通祖`\n  hint: did you mean `交通組`?",
        ),
        (
            with(&["--group", "交通組", "--status", "ongoing", "--lead", "台北"]),
            "unknown lead city `台北`: not a member of 測試合作交流平臺\n  hint: did you mean `臺北市`?",
        ),
        (
            with(&[
                "--group",
                "交通組",
                "--status",
                "ongoing",
                "--topic",
                "氣候變遷",
            ]),
            "unknown topic `氣候變遷`\n  hint: did you mean `氣候變遷因應及調適`?",
        ),
        (
            with(&["--group", "交通組", "--status", "proposed"]),
            "a new case cannot start as `proposed` without its meeting",
        ),
        (
            with(&["--group", "交通組", "--status", "delisted"]),
            "`delisted` is not a status a new case can start with",
        ),
        (
            with(&[
                "--group",
                "交通組",
                "--status",
                "ongoing",
                "--lead",
                "臺北市",
                "--partner",
                "臺北市",
            ]),
            "`臺北市` is both the lead and a partner",
        ),
        (titled("x", &[]), "a new case needs --source"),
        (titled("  ", &["--source", "s"]), "the title is empty"),
    ] {
        r.refuses(&args, 2).assert_stderr_has(what);
    }
    // A case that exists already (by title or alias, normalised) is refused.
    r.refuses(
        &with(&[
            "--group",
            "交通組",
            "--status",
            "ongoing",
            "--title",
            "環狀線北環",
        ]),
        1,
    )
    .assert_stderr_has("交通組 already has a case of that name: TR-001 「捷運環狀線（北環段）」");
}

#[test]
fn a_new_case_that_a_later_meeting_contradicts_is_refused() {
    let r = Reg::standard();
    // A meeting far in the future states that 交通組 has one ongoing case (TR-001).
    r.meeting(
        "vm-3",
        "id: vm-3\ntitle: 第 3 次副市長層級會議\nlevel: 副市長層級\ndate: 2099-01-01\ndecisions:\n  交通組:\n    ongoing: 1\n",
    );
    r.validate().assert_code(0);
    let args = [
        "new",
        "case",
        "--group",
        "交通組",
        "--title",
        "新案",
        "--status",
        "ongoing",
        "--source",
        "s",
    ];
    r.refuses(&args, 1)
        .assert_stderr_has("meetings/vm-3.yaml:")
        .assert_stderr_has(
            "error: the register would not validate with the new file; nothing was written",
        );
}

#[test]
fn a_new_meeting_continues_the_levels_ids_and_validates_clean() {
    let r = Reg::standard();
    assert_created(
        &r.run(&meeting("副市長層級", "114年7月9日", &[])),
        "created meetings/vm-3.yaml: vm-3 測試合作交流平臺第 3 次副市長層級會議 (2025-07-09)",
    );
    assert_eq!(r.read("meetings/vm-3.yaml"), SKELETON_VM3);
    // Clean as written: no error, no warning.
    r.validate()
        .assert_code(0)
        .assert_line("ok: 3 cases and 3 meetings checked, no problems");
    // The first meeting of a level starts its own sequence; an explicit id and title are kept.
    for (args, line) in [
        (
            meeting("市長層級", "2025-08-01", &[]),
            "created meetings/m-1.yaml: m-1 測試合作交流平臺第 1 次市長層級會議 (2025-08-01)",
        ),
        (
            meeting(
                "副市長層級",
                "2025-09-01",
                &["--id", "vm-3a", "--title", "臨時會議"],
            ),
            "created meetings/vm-3a.yaml: vm-3a 臨時會議 (2025-09-01)",
        ),
        (
            meeting("副市長層級", "2025-10-01", &[]),
            "created meetings/vm-4.yaml: vm-4 測試合作交流平臺第 4 次副市長層級會議 (2025-10-01)",
        ),
    ] {
        assert_created(&r.run(&args), line);
    }
    r.validate().assert_code(0);
    // A new meeting can be applied once its decisions are written in the skeleton's slots.
    let text = r.read("meetings/vm-4.yaml").replacen(
        "    add: []  # new cases",
        "    add: [{ title: 新的交通案, lead: 臺北市 }]  # new cases",
        1,
    );
    r.write("meetings/vm-4.yaml", text);
    r.run(&["apply", "meetings/vm-4.yaml", "--allow-dirty"])
        .assert_code(0);
    r.validate().assert_code(0);
    // Its number slots are checked once filled.
    let text = r
        .read("meetings/vm-4.yaml")
        .replacen("  ongoing:\n", "  ongoing: 99\n", 1);
    r.write("meetings/vm-4.yaml", text);
    r.validate()
        .assert_code(1)
        .assert_stdout_has("meetings/vm-4.yaml:")
        .assert_stdout_has("99");
}

const SKELETON_VM3: &str = "\
# Fill in from the minutes, then `kbbt apply` this file. A group with no decision keeps its empty
# lists; delete a number the minutes do not state (an empty one is not checked).
id: vm-3
title: 測試合作交流平臺第 3 次副市長層級會議
level: 副市長層級
date: 2025-07-09
source:  # the minutes, e.g. the meeting's 會議紀錄 as published
decisions:  # each group as the minutes decide (other kinds: subcases, replace, merge, rename, propose, relist)
  交通組:
    add: []  # new cases: [title] or [{ title: …, lead: …, partners: [..] }]
    delist: []  # cases delisted: [title, alias or id]
    ongoing:  # the N of 「其餘 N 案持續列管」
  衛生社福組:
    add: []  # new cases: [title] or [{ title: …, lead: …, partners: [..] }]
    delist: []  # cases delisted: [title, alias or id]
    ongoing:  # the N of 「其餘 N 案持續列管」
totals:  # the minutes' totals line: cases added, delisted, ongoing
  add:
  delist:
  ongoing:
";

#[test]
fn a_new_meeting_is_commented_in_the_registers_language() {
    let r = Reg::standard();
    let platform = std::fs::read_to_string(r.path().join("platform.yaml")).expect("platform.yaml");
    r.write(
        "platform.yaml",
        platform.replace("short: 測試平臺\n", "short: 測試平臺\nlanguage: zh-TW\n"),
    );
    r.validate().assert_code(0);
    r.run(&["fmt", "--check", "platform.yaml"]).assert_code(0);
    r.run(&meeting("副市長層級", "2025-07-09", &[]))
        .assert_code(0);
    let text = r.read("meetings/vm-3.yaml");
    for line in [
        "# 依會議紀錄填寫後執行 `kbbt apply` 本檔。無決議之組別保留空清單；會議紀錄未載之案數請刪除該行",
        "    ongoing:  # 「其餘 N 案持續列管」之 N",
        "totals:  # 會議紀錄之總計：新增、解列、持續列管案數",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
    assert!(!text.contains("Fill in"), "{text}");
    r.validate()
        .assert_code(0)
        .assert_line("ok: 3 cases and 3 meetings checked, no problems");
    // Only the languages kbbt writes are accepted.
    r.write(
        "platform.yaml",
        platform.replace("short: 測試平臺\n", "short: 測試平臺\nlanguage: fr\n"),
    );
    r.validate().assert_code(1).assert_hint(
        "platform.yaml:3:11: error: unknown language `fr`",
        "write `zh-TW` or `en`",
    );
}

#[test]
fn bad_input_for_a_new_meeting_is_refused() {
    let r = Reg::standard();
    for (args, code, what) in [
        (
            meeting("副市長", "2025-07-09", &[]),
            2,
            "unknown meeting level `副市長`\n  hint: did you mean `副市長層級`?",
        ),
        (
            meeting("副市長層級", "114-02-30", &[]),
            2,
            "is not a real date",
        ),
        (
            meeting("副市長層級", "2025-07-09", &["--id", "../x"]),
            2,
            "`../x` is not a meeting id",
        ),
        (
            meeting("副市長層級", "2025-07-09", &["--id", "special"]),
            2,
            "`special` has no number to build a title from",
        ),
        (
            meeting("副市長層級", "2025-07-09", &["--id", "vm-2"]),
            1,
            "error: meeting `vm-2` already exists (meetings/vm-2.yaml)",
        ),
    ] {
        r.refuses(&args, code).assert_stderr_has(what);
    }
}
