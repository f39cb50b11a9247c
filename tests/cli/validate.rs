//! `kbbt validate`: a clean register, one failing example per check (each message pinned word for
//! word), hostile input, the JSON and GitHub formats, and usage errors.

use crate::support::{HW001, Reg, Run, TR001, TR002, VM1, VM2, kbbt, run_cmd};
use predicates::Predicate;
use std::time::{Duration, Instant};

/// A case tracked without a recorded decision (no meeting needed). Line 3 is `group:`, line 6 the entry.
fn seen_case(id: &str, title: &str, group: &str) -> String {
    format!(
        "id: {id}\ntitle: {title}\ngroup: {group}\nstatus: ongoing\nhistory:\n  - {{ action: seen, source: 進度報告 }}\n"
    )
}

/// Validate and expect findings (exit 1) with no crash.
#[track_caller]
fn failing(r: &Reg) -> Run {
    let out = r.validate();
    out.assert_no_panic().assert_code(1);
    out
}

// ---------------------------------------------------------------------------------------------
// 1. A clean register

#[test]
fn clean_minimal_register_is_ok() {
    let r = Reg::minimal();
    let out = r.validate();
    out.assert_code(0);
    assert!(out.stdout.starts_with("ok:"), "{}", out.stdout);
    assert_eq!(
        out.stdout,
        "ok: 0 cases and 0 meetings checked, no problems\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn clean_register_with_cases_and_meetings_is_ok() {
    let r = Reg::standard();
    let out = r.validate();
    out.assert_code(0)
        .assert_stdout("ok: 3 cases and 2 meetings checked, no problems\n");
}

#[test]
fn validate_does_not_change_any_file() {
    let r = Reg::standard();
    r.case(
        "HW-001",
        HW001.replace("status: ongoing", "status: delisted"),
    );
    let before = r.snapshot();
    failing(&r);
    assert_eq!(r.snapshot(), before);
}

// ---------------------------------------------------------------------------------------------
// 2. One failing example per check: a table. Each row is a register broken in one way, the finding
//    `validate` must print for it (word for word) and its hint. The whole output of every row (every
//    finding, hint and the summary line) is pinned as well, in one snapshot.

/// What a row expects after its finding line.
enum Hint {
    /// The next line is `  hint: <this>`.
    Is(&'static str),
    /// No hint follows.
    Absent,
    /// The row pins only the finding (its whole output is in the snapshot).
    Any,
}

struct Broken {
    name: &'static str,
    reg: Reg,
    /// 1 for an error; 0 when the row's finding is a warning, or when nothing is wrong.
    code: i32,
    /// The finding, or for a clean row the whole stdout line.
    line: &'static str,
    hint: Hint,
}

/// `base` with each `(path, text)` written over it.
fn with(base: Reg, files: &[(&str, &str)]) -> Reg {
    for (path, text) in files {
        base.write(path, text);
    }
    base
}

fn row(name: &'static str, reg: Reg, line: &'static str, hint: Hint) -> Broken {
    Broken {
        name,
        reg,
        code: 1,
        line,
        hint,
    }
}

const HW: &str = "cases/HW/HW-001.yaml";
const TR: &str = "cases/TR/TR-001.yaml";
const M2: &str = "meetings/vm-2.yaml";

#[allow(clippy::too_many_lines)] // one row per check: the table is the test
fn broken() -> Vec<Broken> {
    use Hint::{Absent, Any, Is};
    let std = Reg::standard;
    let min = Reg::minimal;
    let hw = |from: &str, to: &str| HW001.replace(from, to);
    let vm2 = |from: &str, to: &str| VM2.replace(from, to);
    let seen_hw = seen_case("HW-001", "長照資源共享平台", "衛生社福組");
    vec![
        row(
            "yaml_syntax_error",
            with(
                std(),
                &[(
                    HW,
                    "id: HW-001\ntitle: 長照\n  group: 衛生社福組\nstatus: ongoing\n",
                )],
            ),
            "cases/HW/HW-001.yaml:3:8: error: mapping values are not allowed in this context",
            Any,
        ),
        row(
            "unclosed_bracket_is_a_syntax_error",
            with(
                min(),
                &[(
                    HW,
                    "id: HW-001\ntitle: 長照\ngroup: 衛生社福組\nstatus: ongoing\nhistory: [ { action: add\n",
                )],
            ),
            "cases/HW/HW-001.yaml:5:12: error: unclosed bracket '{'",
            Any,
        ),
        row(
            "wrong_type_for_a_stated_count",
            with(std(), &[(M2, &vm2("ongoing: 1", "ongoing: many"))]),
            "meetings/vm-2.yaml:8:14: error: expected a whole number",
            Any,
        ),
        row(
            "wrong_type_for_a_status",
            with(std(), &[(HW, &hw("status: ongoing", "status: many"))]),
            "cases/HW/HW-001.yaml:4:9: error: unknown variant `many`, expected one of proposed, ongoing, delisted, merged, replaced",
            Any,
        ),
        row(
            "wrong_type_for_an_action",
            with(std(), &[(HW, &hw("action: add", "action: adde"))]),
            "cases/HW/HW-001.yaml:6:48: error: unknown variant `adde`, expected one of add, subcase, relist, seen, propose, delist, replace, merge, absorb, rename",
            Any,
        ),
        row(
            "impossible_date",
            with(std(), &[(HW, &hw("2024-07-11", "2024-13-40"))]),
            "cases/HW/HW-001.yaml:6:13: error: `2024-13-40` is not a real date",
            Any,
        ),
        row(
            "unknown_field_in_a_case",
            with(std(), &[(HW, &hw("status:", "stauts:"))]),
            "cases/HW/HW-001.yaml:4:1: error: unknown field `stauts`, expected one of id, title, aliases, group, lead, partners, topics, parent, status, replaces, replaced_by, merged_into, merged_from, history, progress, milestones, sources, notes, kind, summary, approach, benefits, ministries, contact",
            Any,
        ),
        row(
            "unknown_field_in_a_history_entry",
            with(
                std(),
                &[(HW, &hw("action: add }", "action: add, nte: x }"))],
            ),
            "cases/HW/HW-001.yaml:6:53: error: unknown field `nte`, expected one of date, not_after, meeting, action, note, source",
            Any,
        ),
        row(
            "unknown_field_in_a_meeting_decision_mapping",
            with(
                std(),
                &[(
                    "meetings/vm-1.yaml",
                    &VM1.replace("lead: 臺北市 }", "leed: 臺北市 }"),
                )],
            ),
            "meetings/vm-1.yaml:8:42: error: unknown field `leed`, expected one of title, id, parent, lead, partners, topics, aliases, note",
            Any,
        ),
        row(
            "unknown_field_in_a_meeting",
            with(std(), &[(M2, &vm2("totals:", "total:"))]),
            "meetings/vm-2.yaml:9:1: error: unknown field `total`, expected one of id, title, level, date, source, records, decisions, totals, all_time, discrepancies, statements, instructions, close",
            Any,
        ),
        row(
            "duplicate_key",
            with(
                std(),
                &[(
                    HW,
                    &hw(
                        "group: 衛生社福組\n",
                        "group: 衛生社福組\ngroup: 衛生社福組\n",
                    ),
                )],
            ),
            "cases/HW/HW-001.yaml:4:1: error: duplicate mapping key: group",
            Any,
        ),
        row(
            "malformed_case_id",
            with(
                min(),
                &[(HW, &seen_case("HW-1", "長照資源共享平台", "衛生社福組"))],
            ),
            "cases/HW/HW-001.yaml:1:5: error: `HW-1` is not a case id",
            Is("a case id is the group code, a dash and three or more digits, e.g. TR-012"),
        ),
        row(
            "case_id_prefix_is_not_the_group_code",
            with(
                min(),
                &[(
                    "cases/HW/TR-009.yaml",
                    &seen_case("TR-009", "長照資源共享平台", "衛生社福組"),
                )],
            ),
            "cases/HW/TR-009.yaml:1:5: error: case id `TR-009` does not start with `HW-`, the code of 衛生社福組",
            Any,
        ),
        row(
            "duplicate_case_id_across_two_files",
            with(
                min(),
                &[
                    (HW, &seen_hw),
                    (
                        "cases/extra/HW-001.yaml",
                        &seen_case("HW-001", "社福資源地圖", "衛生社福組"),
                    ),
                ],
            ),
            "cases/extra/HW-001.yaml:1:5: error: case id `HW-001` is also used by cases/HW/HW-001.yaml",
            Any,
        ),
        Broken {
            code: 0,
            ..row(
                "file_name_differing_from_id_is_a_warning",
                with(min(), &[("cases/HW/hw1.yaml", &seen_hw)]),
                "cases/HW/hw1.yaml:1:5: warning: file name `hw1` differs from the case id `HW-001`",
                Is("rename the file to HW-001.yaml"),
            )
        },
        row(
            "group_written_as_an_alias_asks_for_the_name",
            with(min(), &[(TR, &seen_case("TR-001", "捷運環狀線", "交通"))]),
            "cases/TR/TR-001.yaml:3:8: error: unknown group `交通`",
            Is("write the group's name: `交通組`"),
        ),
        row(
            "group_written_as_a_code_asks_for_the_name",
            with(min(), &[(TR, &seen_case("TR-001", "捷運環狀線", "TR"))]),
            "cases/TR/TR-001.yaml:3:8: error: unknown group `TR`",
            Is("write the group's name: `交通組`"),
        ),
        row(
            "misspelt_group_suggests_the_name",
            with(
                min(),
                &[(HW, &seen_case("HW-001", "長照資源共享平台", "衛生社福祖"))],
            ),
            "cases/HW/HW-001.yaml:3:8: error: unknown group `衛生社福祖`",
            Is("did you mean `衛生社福組`?"),
        ),
        row(
            "misspelt_group_suggests_the_name_not_an_alias",
            with(min(), &[(TR, &seen_case("TR-001", "捷運環狀線", "交通祖"))]),
            "cases/TR/TR-001.yaml:3:8: error: unknown group `交通祖`",
            Is("did you mean `交通組`?"),
        ),
        row(
            "unknown_city",
            with(
                std(),
                &[(TR, &TR001.replace("lead: 臺北市", "lead: 台北市"))],
            ),
            "cases/TR/TR-001.yaml:5:7: error: `台北市` is not a member of the platform",
            Is("did you mean `臺北市`?"),
        ),
        row(
            "unknown_city_without_a_close_member_has_no_hint",
            with(
                std(),
                &[(
                    TR,
                    &TR001.replace("partners: [新北市]", "partners: [高雄市]"),
                )],
            ),
            "cases/TR/TR-001.yaml:6:12: error: `高雄市` is not a member of the platform",
            Absent,
        ),
        row(
            "unknown_topic",
            with(
                std(),
                &[(
                    TR,
                    &TR001.replace("topics: [氣候變遷因應及調適]", "topics: [氣候變遷調適]"),
                )],
            ),
            "cases/TR/TR-001.yaml:7:10: error: unknown topic `氣候變遷調適`",
            Is("did you mean `氣候變遷因應及調適`?"),
        ),
        row(
            "unknown_parent",
            with(
                min(),
                &[(
                    "cases/TR/TR-002.yaml",
                    &seen_case("TR-002", "環狀線北環段子案", "交通組")
                        .replace("status:", "parent: TR-099\nstatus:"),
                )],
            ),
            "cases/TR/TR-002.yaml:4:9: error: parent `TR-099` is not a case of the register",
            Any,
        ),
        row(
            "one_way_replaced_by_link",
            with(
                min(),
                &[
                    (
                        TR,
                        &seen_case("TR-001", "捷運路網擴建", "交通組")
                            .replace("status:", "replaced_by: [TR-002]\nstatus:"),
                    ),
                    (
                        "cases/TR/TR-002.yaml",
                        &seen_case("TR-002", "捷運環狀線", "交通組"),
                    ),
                ],
            ),
            "cases/TR/TR-001.yaml:4:15: error: TR-001 lists `TR-002` in replaced_by, but TR-002 does not list TR-001 in replaces",
            Any,
        ),
        row(
            "merged_into_on_a_case_that_is_not_merged",
            with(
                min(),
                &[
                    (
                        TR,
                        &seen_case("TR-001", "捷運環狀線", "交通組")
                            .replace("status:", "merged_from: [TR-002]\nstatus:"),
                    ),
                    (
                        "cases/TR/TR-002.yaml",
                        &seen_case("TR-002", "環狀線北環段", "交通組")
                            .replace("status:", "merged_into: TR-001\nstatus:"),
                    ),
                ],
            ),
            "cases/TR/TR-002.yaml:5:9: error: TR-002 has merged_into but its status is ongoing",
            Any,
        ),
        row(
            "status_disagreeing_with_history",
            with(std(), &[(HW, &hw("status: ongoing", "status: delisted"))]),
            "cases/HW/HW-001.yaml:4:9: error: status is `delisted`, but the last decision in history (`add`, line 6) makes it `ongoing`",
            Any,
        ),
        row(
            "status_without_any_history",
            with(
                min(),
                &[(
                    HW,
                    "id: HW-001\ntitle: 長照資源共享平台\ngroup: 衛生社福組\nstatus: ongoing\n",
                )],
            ),
            "cases/HW/HW-001.yaml:4:9: error: HW-001 has no history entry that sets its status",
            Is(
                "add the decision that listed it, or `{ action: seen, source: … }` when no document records one",
            ),
        ),
        row(
            "history_entry_without_a_meeting",
            with(
                min(),
                &[(
                    HW,
                    &seen_hw.replace(
                        "{ action: seen, source: 進度報告 }",
                        "{ date: 2024-03-01, action: add }",
                    ),
                )],
            ),
            "cases/HW/HW-001.yaml:6:33: error: this `add` entry must name the meeting that decided it",
            Is(
                "add `meeting: <id>`; or, when a document other than a meeting's minutes states the decision, name it as `source:` (with `not_after:` its date when the decision's own date is unknown)",
            ),
        ),
        row(
            "unknown_meeting_in_history_with_a_suggestion",
            with(std(), &[(HW, &hw("meeting: vm-1", "meeting: vm1"))]),
            "cases/HW/HW-001.yaml:6:34: error: unknown meeting `vm1`",
            Is("did you mean `vm-1`?"),
        ),
        row(
            "history_date_differing_from_the_meeting_date",
            with(std(), &[(HW, &hw("2024-07-11", "2024-07-12"))]),
            "cases/HW/HW-001.yaml:6:13: error: date 2024-07-12 differs from the date of vm-1 (2024-07-11)",
            Any,
        ),
        row(
            "meeting_decision_not_applied_to_a_new_case",
            with(
                std(),
                &[(
                    M2,
                    &vm2(
                        "    ongoing: 1\n",
                        "    ongoing: 1\n    propose: [跨市夜間公車]\n",
                    ),
                )],
            ),
            "meetings/vm-2.yaml:9:15: error: vm-2 decides to propose 「跨市夜間公車」 (交通組), but no case history records it",
            Is("run `kbbt apply meetings/vm-2.yaml`"),
        ),
        row(
            "meeting_decision_not_applied_to_an_existing_case",
            with(
                std(),
                &[(
                    M2,
                    &vm2("totals:", "  衛生社福組:\n    delist: [HW-001]\ntotals:"),
                )],
            ),
            "meetings/vm-2.yaml:10:14: error: vm-2 decides to delist HW-001 「長照資源共享平台」, but no case history records it",
            Is("run `kbbt apply meetings/vm-2.yaml`"),
        ),
        row(
            "history_entry_naming_a_meeting_without_such_a_decision",
            with(
                std(),
                &[(
                    HW,
                    &format!(
                        "{}  - {{ date: 2024-12-20, meeting: vm-2, action: delist }}\n",
                        hw("status: ongoing", "status: delisted")
                    ),
                )],
            ),
            "cases/HW/HW-001.yaml:7:48: error: history records `delist` at vm-2, but meetings/vm-2.yaml has no such decision about HW-001",
            Any,
        ),
        row(
            "unknown_case_in_a_meeting_suggests_the_close_case",
            with(
                std(),
                &[(M2, &vm2("[跨市公車路線整合]", "[跨市公車路線整合計畫]"))],
            ),
            "meetings/vm-2.yaml:7:14: error: unknown case `跨市公車路線整合計畫` in 交通組",
            Is(
                "did you mean TR-002 「跨市公車路線整合」? write `{ case: 跨市公車路線整合計畫, id: TR-002 }` (the minutes' wording is kept as an alias)",
            ),
        ),
        row(
            "unknown_group_key_in_a_meeting",
            with(
                std(),
                &[(
                    "meetings/vm-3.yaml",
                    "id: vm-3\ntitle: 第 3 次副市長層級會議\nlevel: 副市長層級\ndate: 2025-06-30\ndecisions:\n  衛生福利組:\n    ongoing: 1\n",
                )],
            ),
            "meetings/vm-3.yaml:6:3: error: unknown group `衛生福利組`",
            Is("did you mean `衛生社福組`?"),
        ),
        row(
            "duplicate_group_spelled_differently_in_a_meeting",
            with(
                std(),
                &[(M2, &vm2("totals:", "  TR:\n    ongoing: 1\ntotals:"))],
            ),
            "meetings/vm-2.yaml:9:3: error: group `交通組` has two decision blocks (`TR` is the same group as an earlier key)",
            Any,
        ),
        row(
            "unknown_meeting_level",
            with(std(), &[(M2, &vm2("level: 副市長層級", "level: 副市長級"))]),
            "meetings/vm-2.yaml:3:8: error: unknown meeting level `副市長級`",
            Is("did you mean `副市長層級`?"),
        ),
        row(
            "stated_ongoing_count_names_the_cases_behind_the_number",
            with(std(), &[(M2, &vm2("ongoing: 1", "ongoing: 3"))]),
            "meetings/vm-2.yaml:8:14: error: 交通組: vm-2 states 3 ongoing, the register has 1 (TR-001 「捷運環狀線（北環段）」); vm-2 ends TR-002 「跨市公車路線整合」",
            Is(
                "correct the cases, or record it under `discrepancies:` ({ group: 交通組, field: ongoing, stated: 3, register: 1, kind: …, note: … })",
            ),
        ),
        Broken {
            code: 0,
            ..row(
                "recorded_discrepancy_that_matches_is_clean",
                with(
                    std(),
                    &[(
                        M2,
                        &format!(
                            "{}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 3, register: 1, kind: arithmetic, note: 紀錄誤植 }}\n",
                            vm2("ongoing: 1", "ongoing: 3")
                        ),
                    )],
                ),
                "ok: 3 cases and 2 meetings checked, no problems",
                Absent,
            )
        },
        row(
            "recorded_discrepancy_with_a_stale_register_value",
            with(
                std(),
                &[(
                    M2,
                    &format!(
                        "{}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 3, register: 2, kind: arithmetic, note: 紀錄誤植 }}\n",
                        vm2("ongoing: 1", "ongoing: 3")
                    ),
                )],
            ),
            "meetings/vm-2.yaml:11:5: error: recorded discrepancy for 交通組 ongoing says the register has 2, but it now has 1",
            Is("update `register: 1` and its note, or correct the cases"),
        ),
        row(
            "recorded_discrepancy_that_no_longer_holds",
            with(
                std(),
                &[(
                    M2,
                    &format!(
                        "{VM2}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 1, register: 2, kind: arithmetic }}\n"
                    ),
                )],
            ),
            "meetings/vm-2.yaml:11:5: error: recorded discrepancy (交通組 ongoing stated 1) no longer holds: the register agrees with the stated number",
            Is("remove the entry"),
        ),
        row(
            "totals_line_mismatch",
            with(std(), &[(M2, &vm2("add: 0", "add: 4"))]),
            "meetings/vm-2.yaml:9:27: error: totals: vm-2 states 4 add, the register has 0",
            Is(
                "correct the cases, or record it under `discrepancies:` ({ field: add, stated: 4, register: 0, kind: …, note: … })",
            ),
        ),
        // Status against history, the unknown city, the file name; and TR-003 (seen: ongoing since
        // before vm-2) changes both ongoing counts of vm-2. HW-001's counts follow its history, not
        // its `status`, so they do not change. The snapshot's summary line says 4 errors, 1 warning.
        row(
            "summary_counts_every_finding",
            with(
                std(),
                &[
                    (HW, &hw("status: ongoing", "status: delisted")),
                    (
                        "cases/TR/tr3.yaml",
                        &seen_case("TR-003", "跨市自行車道", "交通組")
                            .replace("status:", "lead: 高雄市\nstatus:"),
                    ),
                ],
            ),
            "cases/TR/tr3.yaml:4:7: error: `高雄市` is not a member of the platform",
            Any,
        ),
    ]
}

/// Whether `out` has `b.line`, followed by the hint the row expects.
fn problem_with(b: &Broken, out: &Run) -> Option<String> {
    if out.code != b.code {
        return Some(format!("exit {} (expected {})", out.code, b.code));
    }
    let lines = out.lines();
    let Some(i) = lines.iter().position(|l| *l == b.line) else {
        return Some(format!("no line `{}`", b.line));
    };
    let next = lines.get(i + 1).copied().unwrap_or("");
    match b.hint {
        Hint::Is(h) if next != format!("  hint: {h}") => {
            Some(format!("hint `{next}`, expected `{h}`"))
        }
        Hint::Absent if next.starts_with("  hint:") => Some(format!("unexpected `{next}`")),
        _ => None,
    }
}

#[test]
fn one_failing_example_per_check() {
    let mut problems = Vec::new();
    let mut whole = String::new();
    for b in broken() {
        let before = b.reg.snapshot();
        let out = b.reg.validate();
        out.assert_no_panic();
        if let Some(p) = problem_with(&b, &out) {
            problems.push(format!("{}: {p}\n{}", b.name, out.stdout));
        }
        assert_eq!(b.reg.snapshot(), before, "{}: validate wrote", b.name);
        whole.push_str(&format!(
            "== {} (exit {})\n{}",
            b.name, out.code, out.stdout
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    insta::assert_snapshot!("validate_one_failing_example_per_check", whole);
}

#[test]
fn a_row_that_expects_the_wrong_thing_is_caught() {
    // The table's own checker: a wrong line, a wrong hint and a wrong exit code are each reported.
    let out = Reg::standard().validate();
    let clean = |line, hint, code| Broken {
        name: "clean",
        reg: Reg::minimal(),
        code,
        line,
        hint,
    };
    let ok = "ok: 3 cases and 2 meetings checked, no problems";
    assert_eq!(problem_with(&clean(ok, Hint::Absent, 0), &out), None);
    assert!(problem_with(&clean("ok: 4 cases", Hint::Any, 0), &out).is_some());
    assert!(problem_with(&clean(ok, Hint::Is("x"), 0), &out).is_some());
    assert!(problem_with(&clean(ok, Hint::Any, 1), &out).is_some());
}

// ---------------------------------------------------------------------------------------------
// 3. Hostile input: located messages, no panic, nothing written

/// The findings of `out` on `file`: (line, column, rest of the line), from `file:L:C: error: …`;
/// line and column are 0 for a finding placed only at the file.
fn findings_on(out: &Run, file: &str) -> Vec<(u32, u32, String)> {
    let mut v = Vec::new();
    for l in out.lines() {
        let Some(rest) = l.strip_prefix(file) else {
            continue;
        };
        if let Some(msg) = rest.strip_prefix(": ") {
            v.push((0, 0, msg.to_string()));
            continue;
        }
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let (Some(line), Some(col), Some(msg)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if let (Ok(line), Ok(col)) = (line.parse(), col.parse()) {
            v.push((line, col, msg.trim_start().to_string()));
        }
    }
    v
}

/// Validate a register holding a bad file: exit 1, an error located in `file` that contains `want`
/// (with a line and column unless `place_only`), no crash, no file changed. Returns the run.
#[track_caller]
fn rejects(r: &Reg, file: &str, want: &str, place_only: bool) -> Run {
    let before = r.snapshot();
    let started = Instant::now();
    let out = r.validate();
    let took = started.elapsed();
    out.assert_no_panic().assert_code(1);
    let found = findings_on(&out, file);
    let hit = found
        .iter()
        .find(|(_, _, m)| m.starts_with("error: ") && m.contains(want));
    assert!(
        hit.is_some(),
        "expected an error on {file} containing {want:?}\nstdout:\n{}",
        out.stdout
    );
    if !place_only {
        let (line, col, _) = hit.cloned().unwrap_or_default();
        assert!(
            line > 0 && col > 0,
            "the error on {file} has no line and column:\n{}",
            out.stdout
        );
    }
    assert!(
        took < Duration::from_secs(20),
        "validate took {took:?} on {file}"
    );
    assert_eq!(r.snapshot(), before, "validate changed the register");
    out
}

#[test]
fn hostile_malformed_yaml() {
    for text in [
        "id: HW-002\ntitle: 長照\n  group: 衛生社福組\n",
        "id: HW-002\ntitle: \"長照\ngroup: 衛生社福組\n",
        "id: HW-002\ntitle: a: b\n",
        "id: HW-002\n\ttitle: 長照\n",
        "{ id: HW-002, title: [",
        "id: HW-002\n---\nid: HW-003\n",
        ": : :\n",
        "id: *nothing\n",
        "id: &a HW-002\ntitle: &a x\n",
        "%YAML 9.9\n---\nid: HW-002\n",
        "!!binary aGVsbG8=\n",
        "id: HW-002\ntitle: !custom 長照\n",
    ] {
        let r = Reg::minimal();
        r.case("HW-002", text);
        rejects(&r, "cases/HW/HW-002.yaml", "", false);
    }
}

#[test]
fn hostile_wrong_types() {
    for (text, want) in [
        (
            "id: HW-002\ntitle: [a, b]\ngroup: 衛生社福組\nstatus: ongoing\n",
            "expected string scalar",
        ),
        (
            "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nhistory: 5\n",
            "expected sequence start",
        ),
        (
            "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: [ongoing]\n",
            "",
        ),
        (
            "id: HW-002\ntitle: x\ngroup: { name: 衛生社福組 }\nstatus: ongoing\n",
            "",
        ),
        (
            "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nhistory: [{ action: seen, date: yesterday }]\n",
            "`yesterday` is not a date",
        ),
        (
            "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nprogress: [{ as_of: 2024-01-01 }]\n",
            "text",
        ),
    ] {
        let r = Reg::minimal();
        r.case("HW-002", text);
        rejects(&r, "cases/HW/HW-002.yaml", want, false);
    }
    for (text, want) in [
        (
            VM2.replace("ongoing: 1", "ongoing: -1"),
            "expected a whole number",
        ),
        (
            VM2.replace("ongoing: 1", "ongoing: 99999999999999999999999"),
            "expected a whole number",
        ),
        (
            VM2.replace("date: 2024-12-20", "date: 113-02-30"),
            "not a real date",
        ),
        (
            VM2.replace("delist: [跨市公車路線整合]", "delist: 跨市公車路線整合"),
            "",
        ),
        (
            VM2.replace("totals: { delist: 1, add: 0, ongoing: 2 }", "totals: 3"),
            "",
        ),
        (
            VM2.replace(
                "decisions:\n  交通組:\n    delist: [跨市公車路線整合]\n    ongoing: 1\n",
                "decisions: [交通組]\n",
            ),
            "",
        ),
    ] {
        let r = Reg::standard();
        r.meeting("vm-2", text);
        rejects(&r, "meetings/vm-2.yaml", want, false);
    }
}

#[test]
fn hostile_unknown_fields() {
    let r = Reg::standard();
    r.case("HW-001", HW001.replace("status:", "stauts:"));
    rejects(&r, "cases/HW/HW-001.yaml", "unknown field `stauts`", false);

    let r = Reg::standard();
    r.meeting(
        "vm-2",
        VM2.replace("    ongoing: 1\n", "    ongoing: 1\n    delsit: [TR-001]\n"),
    );
    rejects(&r, "meetings/vm-2.yaml", "unknown field `delsit`", false);

    let r = Reg::standard();
    r.write(
        "platform.yaml",
        format!("{}colour: red\n", crate::support::PLATFORM),
    );
    rejects(&r, "platform.yaml", "unknown field `colour`", false);
}

#[test]
fn hostile_duplicate_keys() {
    let r = Reg::standard();
    r.case(
        "TR-001",
        TR001.replace("lead: 臺北市\n", "lead: 臺北市\nlead: 新北市\n"),
    );
    rejects(
        &r,
        "cases/TR/TR-001.yaml",
        "duplicate mapping key: lead",
        false,
    );

    let r = Reg::standard();
    r.meeting(
        "vm-2",
        VM2.replace("totals:", "  交通組:\n    ongoing: 1\ntotals:"),
    );
    rejects(&r, "meetings/vm-2.yaml", "duplicate", false);
}

fn bom_crlf(text: &str) -> Vec<u8> {
    let mut v = b"\xef\xbb\xbf".to_vec();
    v.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    v
}

#[test]
fn bom_and_crlf_are_accepted() {
    let r = Reg::standard();
    r.write("platform.yaml", bom_crlf(crate::support::PLATFORM));
    r.meeting("vm-1", bom_crlf(VM1));
    r.meeting("vm-2", bom_crlf(VM2));
    r.case("TR-001", bom_crlf(TR001));
    r.case("TR-002", bom_crlf(TR002));
    r.case("HW-001", bom_crlf(HW001));
    let before = r.snapshot();
    let out = r.validate();
    out.assert_no_panic().assert_code(0);
    assert_eq!(
        out.stdout,
        "ok: 3 cases and 2 meetings checked, no problems\n"
    );
    assert_eq!(r.snapshot(), before, "validate changed a BOM/CRLF file");
}

#[test]
fn bom_and_crlf_keep_lines_and_columns() {
    let r = Reg::standard();
    r.case(
        "TR-001",
        bom_crlf(&TR001.replace("lead: 臺北市", "lead: 台北市")),
    );
    failing(&r)
        .assert_line("cases/TR/TR-001.yaml:5:7: error: `台北市` is not a member of the platform");
}

#[test]
fn hostile_non_utf8_bytes() {
    let r = Reg::standard();
    r.case(
        "HW-001",
        b"id: HW-001\ntitle: \xe9\x95\xb7\xff\xfe\ngroup: x\n".as_slice(),
    );
    let out = rejects(&r, "cases/HW/HW-001.yaml", "not valid UTF-8", false);
    out.assert_hint(
        "cases/HW/HW-001.yaml:2:9: error: file is not valid UTF-8 (byte 0xFF at offset 21)",
        "save the file as UTF-8 (register files are UTF-8 YAML)",
    );

    // Big5, the other encoding such documents come in.
    let r = Reg::standard();
    r.meeting("vm-2", b"id: vm-2\ntitle: \xb2\xc4 2 \xa6\xb8\n".as_slice());
    let out = rejects(&r, "meetings/vm-2.yaml", "not valid UTF-8", false);
    out.assert_line(
        "meetings/vm-2.yaml:2:8: error: file is not valid UTF-8 (byte 0xB2 at offset 16)",
    );
}

#[test]
fn hostile_huge_file() {
    let r = Reg::standard();
    let mut text = format!("{HW001}notes: |\n");
    let line = format!("  {}\n", "長照".repeat(40));
    while text.len() <= 2 * 1024 * 1024 + 10 {
        text.push_str(&line);
    }
    let size = text.len();
    r.case("HW-001", &text);
    let out = rejects(&r, "cases/HW/HW-001.yaml", "too large", false);
    out.assert_line(&format!(
        "cases/HW/HW-001.yaml:1:1: error: file is too large ({size} bytes; the limit is 2097152 bytes)"
    ));
}

#[test]
fn hostile_deep_nesting() {
    let deep = 10_000;
    let inputs = [
        (
            "cases/HW/HW-002.yaml",
            format!("{}{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        ("cases/HW/HW-002.yaml", "[".repeat(deep)),
        (
            "cases/HW/HW-002.yaml",
            format!("id: {}1{}\n", "{a: ".repeat(deep), "}".repeat(deep)),
        ),
        (
            "cases/HW/HW-002.yaml",
            format!(
                "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nhistory: {}\n",
                "[".repeat(deep)
            ),
        ),
        (
            "cases/HW/HW-002.yaml",
            format!("id: HW-002\nnotes:\n{}", {
                let mut s = String::new();
                for i in 0..2000 {
                    s.push_str(&" ".repeat(i + 1));
                    s.push_str("- \n");
                }
                s
            }),
        ),
        (
            "meetings/vm-9.yaml",
            format!("id: vm-9\ndecisions: {}", "{".repeat(deep)),
        ),
        (
            "meetings/vm-9.yaml",
            format!(
                "id: vm-9\ntitle: x\nlevel: 市長層級\ndecisions:\n  交通組:\n    add: {}\n",
                "[".repeat(deep)
            ),
        ),
    ];
    for (file, text) in inputs {
        let r = Reg::standard();
        r.write(file, &text);
        rejects(&r, file, "", false);
    }
}

const BILLION_LAUGHS: &str = "\
a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
";

#[test]
fn hostile_alias_bomb() {
    // The classic document, as a case and as a meeting.
    let r = Reg::standard();
    r.case("HW-002", BILLION_LAUGHS);
    rejects(&r, "cases/HW/HW-002.yaml", "", false);
    let r = Reg::standard();
    r.meeting("vm-9", BILLION_LAUGHS);
    rejects(&r, "meetings/vm-9.yaml", "", false);

    // The same expansion under fields the parser must read.
    let mut text = String::from(
        "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - &e0 { action: seen, source: lol }\n",
    );
    for i in 1..9 {
        let refs = vec![format!("*e{}", i - 1); 9].join(",");
        text.push_str(&format!("  - &e{i} [{refs}]\n"));
    }
    let r = Reg::standard();
    r.case("HW-002", &text);
    rejects(&r, "cases/HW/HW-002.yaml", "", false);

    // Many aliases of one scalar where a list of strings is expected.
    let refs = vec!["*t"; 5000].join(", ");
    let r = Reg::standard();
    r.case(
        "HW-002",
        format!("id: HW-002\ntitle: &t x\ngroup: 衛生社福組\nstatus: ongoing\naliases: [{refs}]\n"),
    );
    rejects(&r, "cases/HW/HW-002.yaml", "", false);

    let mut m = String::from(
        "id: vm-9\ntitle: x\nlevel: 市長層級\ndecisions:\n  交通組:\n    delist: &d0 [TR-001]\n",
    );
    m.push_str(&format!(
        "  交通:\n    relist: [{}]\n",
        vec!["*d0"; 500].join(",")
    ));
    let r = Reg::standard();
    r.meeting("vm-9", &m);
    rejects(&r, "meetings/vm-9.yaml", "", false);
}

#[test]
fn alias_of_the_wrong_type_has_a_whole_message() {
    let r = Reg::minimal();
    r.case(
        "HW-002",
        "id: HW-002\ntitle: x\ngroup: 衛生社福組\nstatus: ongoing\nsources: &a [lol, lol]\nministries: [*a]\n",
    );
    let out = rejects(&r, "cases/HW/HW-002.yaml", "", false);
    for (_, _, m) in findings_on(&out, "cases/HW/HW-002.yaml") {
        assert_eq!(
            m.matches('(').count(),
            m.matches(')').count(),
            "unbalanced message: {m}"
        );
        assert!(!m.ends_with("(used"), "cut-off message: {m}");
    }
}

#[test]
fn hostile_path_like_case_id() {
    let r = Reg::minimal();
    r.case(
        "HW-001",
        seen_case("../../x", "長照資源共享平台", "衛生社福組"),
    );
    let out = rejects(&r, "cases/HW/HW-001.yaml", "", false);
    out.assert_hint(
        "cases/HW/HW-001.yaml:1:5: error: `../../x` is not a case id",
        "a case id is the group code, a dash and three or more digits, e.g. TR-012",
    );

    for id in [
        "/etc/passwd",
        "TR-001/../../x",
        "TR-..1",
        "tr-001",
        "TR-00١",
        "ＴＲ-001",
    ] {
        let r = Reg::minimal();
        r.case("TR-001", seen_case(id, "捷運環狀線", "交通組"));
        let out = rejects(&r, "cases/TR/TR-001.yaml", "is not a case id", false);
        out.assert_line(&format!(
            "cases/TR/TR-001.yaml:1:5: error: `{id}` is not a case id"
        ));
    }
}

#[test]
fn no_rename_hint_for_an_id_that_is_not_a_case_id() {
    for id in ["../../x", "\"\""] {
        let r = Reg::minimal();
        r.case("HW-001", seen_case(id, "長照資源共享平台", "衛生社福組"));
        let out = failing(&r);
        assert!(
            !out.stdout.contains("rename the file to"),
            "id {id}: a rename hint for an invalid id:\n{}",
            out.stdout
        );
    }
}

#[test]
fn empty_required_field_names_no_rust_types() {
    let r = Reg::standard();
    r.case("HW-001", HW001.replace("title: 長照資源共享平台", "title:"));
    let out = rejects(&r, "cases/HW/HW-001.yaml", "", false);
    for (_, _, m) in findings_on(&out, "cases/HW/HW-001.yaml") {
        assert!(!m.contains("Option<"), "a Rust type in a message: {m}");
    }
}

#[cfg(unix)]
#[test]
fn hostile_symlink_loop() {
    let r = Reg::standard();
    std::os::unix::fs::symlink("..", r.path().join("cases/HW/loop")).expect("make a link");
    // Links are never followed, so a loop is reported as the link it is.
    let out = rejects(&r, "cases/HW/loop", "symbolic link", true);
    out.assert_line(
        "cases/HW/loop: error: a symbolic link; kbbt does not follow links inside a register",
    );

    let r = Reg::standard();
    std::os::unix::fs::symlink(".", r.path().join("meetings/self")).expect("make a link");
    rejects(&r, "meetings/self", "symbolic link", true);
}

#[cfg(unix)]
#[test]
fn dangling_symlink_is_reported_at_its_place() {
    let r = Reg::standard();
    std::os::unix::fs::symlink("nowhere.yaml", r.path().join("cases/TR/TR-009.yaml"))
        .expect("make a link");
    rejects(&r, "cases/TR/TR-009.yaml", "symbolic link", true);
}

#[test]
fn hostile_empty_file() {
    for text in ["", "\n\n", "  \n\t\n", "\u{feff}"] {
        let r = Reg::standard();
        r.case("HW-002", text);
        let out = rejects(&r, "cases/HW/HW-002.yaml", "", false);
        out.assert_line("cases/HW/HW-002.yaml:1:1: error: file is empty");
    }
    let r = Reg::standard();
    r.meeting("vm-3", "");
    rejects(&r, "meetings/vm-3.yaml", "file is empty", false);
    // Only comments: no document at all.
    let r = Reg::standard();
    r.case("HW-002", "# yaml-language-server: $schema=x.json\n");
    rejects(&r, "cases/HW/HW-002.yaml", "", false);
}

#[test]
fn hostile_list_instead_of_a_mapping() {
    let r = Reg::standard();
    r.case("HW-002", "- id: HW-002\n- title: 社福資源地圖\n");
    let out = rejects(&r, "cases/HW/HW-002.yaml", "", false);
    out.assert_line("cases/HW/HW-002.yaml:1:1: error: expected mapping start");

    for text in ["- id: vm-3\n", "hello\n", "~\n", "42\n", "[]\n"] {
        let r = Reg::standard();
        r.meeting("vm-3", text);
        rejects(&r, "meetings/vm-3.yaml", "", false);
    }
}

#[test]
fn hostile_platform_file() {
    for text in [
        "",
        "- name: x\n",
        "name: [\n",
        "name: x\nmembers: many\ngroups: []\n",
    ] {
        let r = Reg::standard();
        r.write("platform.yaml", text);
        rejects(&r, "platform.yaml", "", false);
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Machine formats

#[test]
fn json_format_has_every_field() {
    let r = Reg::standard();
    r.case("HW-001", HW001.replace("id: HW-001", "id: HW-1"));
    r.meeting("vm-2", VM2.replace("ongoing: 1", "ongoing: 3"));
    let out = r.run(&["validate", "--format", "json"]);
    out.assert_no_panic().assert_code(1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    let findings = v["findings"].as_array().expect("a findings array");
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "severity",
            "code",
            "file",
            "line",
            "column",
            "message",
            "hint",
            "caused_by",
        ] {
            assert!(f.get(key).is_some(), "finding without `{key}`: {f}");
        }
        assert!(
            matches!(f["severity"].as_str(), Some("error" | "warning")),
            "{f}"
        );
        assert!(f["line"].is_u64() && f["column"].is_u64(), "{f}");
        assert!(f["hint"].is_null() || f["hint"].is_string(), "{f}");
    }
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    let warnings = findings
        .iter()
        .filter(|f| f["severity"] == "warning")
        .count();
    assert_eq!(v["errors"], errors);
    assert_eq!(v["warnings"], warnings);
    let stated = findings
        .iter()
        .find(|f| f["code"] == "stated-count")
        .expect("the stated-count finding");
    assert_eq!(
        stated,
        &serde_json::json!({
            "severity": "error",
            "code": "stated-count",
            "file": "meetings/vm-2.yaml",
            "line": 8,
            "column": 14,
            "message": "交通組: vm-2 states 3 ongoing, the register has 1 (TR-001 「捷運環狀線（北環段）」); vm-2 ends TR-002 「跨市公車路線整合」",
            "hint": "correct the cases, or record it under `discrepancies:` ({ group: 交通組, field: ongoing, stated: 3, register: 1, kind: …, note: … })",
            "caused_by": null,
        })
    );
    let id = findings
        .iter()
        .find(|f| f["code"] == "case-id")
        .expect("the case-id finding");
    assert_eq!(id["file"], "cases/HW/HW-001.yaml");
    assert_eq!(id["message"], "`HW-1` is not a case id");
}

#[test]
fn json_format_of_a_clean_register() {
    let r = Reg::standard();
    let out = r.run(&["validate", "--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert_eq!(
        v,
        serde_json::json!({ "errors": 0, "warnings": 0, "findings": [] })
    );
}

#[test]
fn json_format_of_unparsable_files() {
    let r = Reg::standard();
    r.case("HW-002", b"\xff\xfe".as_slice());
    r.case("HW-003", "- a\n");
    let out = r.run(&["validate", "--format", "json"]);
    out.assert_no_panic().assert_code(1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    let files: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert!(files.contains(&"cases/HW/HW-002.yaml"), "{files:?}");
    assert!(files.contains(&"cases/HW/HW-003.yaml"), "{files:?}");
}

#[test]
fn github_format_lines() {
    let r = Reg::standard();
    r.case("HW-001", HW001.replace("id: HW-001", "id: HW-1"));
    r.meeting("vm-2", VM2.replace("ongoing: 1", "ongoing: 3"));
    let out = r.run(&["validate", "--format", "github"]);
    out.assert_no_panic().assert_code(1);
    let pattern = predicates::str::is_match(
        r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=kbbt [a-z-]+::.+$",
    )
    .expect("a valid pattern");
    let annotations: Vec<&str> = out
        .lines()
        .into_iter()
        .filter(|l| l.starts_with("::"))
        .collect();
    assert!(annotations.len() >= 3, "{}", out.stdout);
    for l in &annotations {
        assert!(pattern.eval(l), "not a GitHub annotation: {l}");
    }
    assert!(annotations.contains(
        &"::error file=cases/HW/HW-001.yaml,line=1,col=5,title=kbbt case-id::`HW-1` is not a case id%0Ahint: a case id is the group code, a dash and three or more digits, e.g. TR-012"
    ), "{}", out.stdout);
    assert_eq!(
        out.last_line(),
        Some("kbbt validate: 4 errors, 0 warnings"),
        "{}",
        out.stdout
    );
}

#[test]
fn formats_agree_on_the_exit_code() {
    let r = Reg::standard();
    r.case("TR-001", TR001.replace("lead: 臺北市", "lead: 台北市"));
    for format in ["text", "json", "github"] {
        r.run(&["validate", "--format", format])
            .assert_no_panic()
            .assert_code(1);
    }
    let r = Reg::minimal();
    for format in ["text", "json", "github"] {
        r.run(&["validate", "--format", format]).assert_code(0);
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Usage errors

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let r = Reg::standard();
    let out = r.run(&["frobnicate"]);
    out.assert_usage_error("unrecognized subcommand 'frobnicate'");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let r = Reg::standard();
    let out = r.run(&["validate", "--frob"]);
    out.assert_usage_error("unexpected argument '--frob'");
    r.run(&["validate", "--format", "yaml"]).assert_code(2);
}

#[test]
fn folder_without_platform_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("cases")).expect("cases/");
    let out = run_cmd(
        kbbt()
            .current_dir(dir.path())
            .arg("-C")
            .arg(dir.path())
            .arg("validate"),
    );
    out.assert_no_panic().assert_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "error: `{}` is not a register (it has no platform.yaml)\n",
            dir.path().display()
        )
    );
    let out = run_cmd(
        kbbt()
            .arg("-C")
            .arg(dir.path().join("missing"))
            .arg("validate"),
    );
    out.assert_no_panic().assert_code(2);
}

/// One case and one meeting are counted in the singular, in both languages.
#[test]
fn a_register_of_one_case_and_one_meeting_is_counted_in_the_singular() {
    let r = Reg::minimal();
    r.meeting(
        "vm-1",
        "id: vm-1\ntitle: 第 1 次副市長層級會議\nlevel: 副市長層級\ndate: 2024-07-11\ndecisions:\n  衛生社福組:\n    add:\n      - { title: 長照資源共享平台, id: HW-001 }\n",
    );
    r.case("HW-001", HW001);
    let out = r.validate();
    out.assert_code(0)
        .assert_stdout("ok: 1 case and 1 meeting checked, no problems\n");
    let zh = r.run(&["--lang", "zh-TW", "validate"]);
    assert_eq!(zh.stdout, "通過：已檢查 1 件案件及 1 場會議，沒有問題\n");
}

/// One typo in a case file: the file fails to load, so every count and reference that needs its case
/// is wrong too. Those findings are folded under the cause (text and GitHub), kept in JSON with
/// `caused_by`; a problem of its own in another group is still shown.
#[test]
fn findings_that_follow_from_a_case_file_that_failed_to_load_are_folded_under_it() {
    let r = Reg::standard();
    r.case("TR-001", TR001.replacen("status:", "stauts:", 1));
    let json = r.run(&["validate", "--format", "json"]);
    json.assert_code(1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    let cause = findings
        .iter()
        .find(|f| f["file"] == "cases/TR/TR-001.yaml")
        .expect("the typo");
    assert!(cause["caused_by"].is_null());
    let followers: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| !f["caused_by"].is_null())
        .collect();
    assert!(!followers.is_empty(), "{}", json.stdout);
    for f in &followers {
        assert_eq!(
            f["caused_by"],
            serde_json::json!({ "file": "cases/TR/TR-001.yaml", "line": cause["line"], "column": cause["column"] }),
            "{f}"
        );
        assert_ne!(f["file"], "cases/TR/TR-001.yaml");
    }
    let n = followers.len();

    let text = r.validate();
    text.assert_code(1);
    let place = format!(
        "cases/TR/TR-001.yaml:{}:{}: error: ",
        cause["line"], cause["column"]
    );
    let lines = text.lines();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&place))
        .unwrap_or_else(|| panic!("{place}\n{}", text.stdout));
    let note = if n == 1 {
        "  and 1 finding that follows from it (`--format json` lists it)".to_string()
    } else {
        format!("  and {n} findings that follow from it (`--format json` lists them)")
    };
    assert!(
        lines[at + 1..].iter().take(2).any(|l| *l == note),
        "{}",
        text.stdout
    );
    for f in &followers {
        let msg = f["message"].as_str().expect("message");
        assert!(!text.stdout.contains(msg), "shown: {msg}\n{}", text.stdout);
    }
    assert!(
        text.last_line()
            .is_some_and(|l| l.ends_with(&format!("(and {n} that follow from them)"))),
        "{}",
        text.stdout
    );

    let gh = r.run(&["validate", "--format", "github"]);
    assert_eq!(
        gh.stdout
            .lines()
            .filter(|l| l.starts_with("::error"))
            .count(),
        findings
            .iter()
            .filter(|f| f["severity"] == "error" && f["caused_by"].is_null())
            .count(),
        "{}",
        gh.stdout
    );
    gh.assert_stdout_has("follow from it");

    // Asked about the meetings only, the findings there are shown: their cause is not in the report.
    let meetings = r.run(&["validate", "meetings"]);
    meetings.assert_code(1);
    let shown = followers
        .iter()
        .filter(|f| {
            f["file"]
                .as_str()
                .is_some_and(|p| p.starts_with("meetings/"))
        })
        .count();
    assert!(shown > 0, "{}", json.stdout);
    assert_eq!(
        meetings.summary().map(|(e, w)| e + w),
        Some(
            findings
                .iter()
                .filter(|f| f["file"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("meetings/")))
                .count()
        ),
        "{}",
        meetings.stdout
    );
    meetings.assert_stdout_lacks("follow from");

    // A problem in a group the broken file is not in stays a finding of its own.
    r.meeting(
        "vm-2",
        VM2.replace("totals:", "  衛生社福組:\n    ongoing: 5\ntotals:"),
    );
    let v: serde_json::Value =
        serde_json::from_str(&r.run(&["validate", "--format", "json"]).stdout).expect("json");
    let hw: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("衛生社福組"))
        })
        .collect();
    assert!(!hw.is_empty(), "{v}");
    assert!(hw.iter().all(|f| f["caused_by"].is_null()), "{hw:?}");
}
