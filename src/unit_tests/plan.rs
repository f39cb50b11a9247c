//! The planner's decision kinds, each on the standard register (vm-1 added TR-001 捷運環狀線（北環段）, TR-002
//! 跨市公車路線整合 and HW-001; vm-2 delisted TR-002), and its refusals: what it plans, step by step,
//! and what the touched cases become.

use super::{Reg, TR001, TR002, lines};
use crate::apply::plan::{Plan, plan, register_after};
use crate::canon::history_entry;
use crate::index::Index;
use crate::model::Case;
use crate::model::Register;

const HEAD: &str = "\
id: vm-3
title: 第 3 次副市長層級會議
level: 副市長層級
date: 2025-06-30
source: 第 3 次會議紀錄
decisions:
";

/// Plan vm-3 (`HEAD` + `decisions`) against `r` with vm-3 in it, as `apply` does.
fn planned(r: Reg, decisions: &str) -> (Register, Plan) {
    let reg = r.meeting(&format!("{HEAD}{decisions}")).build();
    let idx = Index::new(&reg);
    let m = reg
        .meetings
        .iter()
        .find(|m| m.value.id.value == "vm-3")
        .expect("vm-3");
    let p = plan(&reg, &idx, &m.value, &m.path);
    (reg, p)
}

/// `action id 「title」`, with `(new)` for a case this decision creates and `(done)` for one the
/// register already records.
fn steps(p: &Plan) -> Vec<String> {
    p.steps
        .iter()
        .map(|s| {
            format!(
                "{} {} 「{}」{}{}",
                s.action,
                s.case_id,
                s.title,
                if s.created { " (new)" } else { "" },
                if s.done_before { " (done)" } else { "" }
            )
        })
        .collect()
}

fn touched<'a>(p: &'a Plan, id: &str) -> &'a Case {
    &p.touched
        .iter()
        .find(|t| t.case.id.value == id)
        .unwrap_or_else(|| panic!("{id} is not touched"))
        .case
}

fn last_entry(c: &Case) -> String {
    history_entry(&c.history.last().expect("a history entry").value)
}

fn strs(v: &[crate::yaml::Sp<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

/// The plan's refusals as `line: message` (and `  hint: …`).
fn refusals(p: &Plan) -> Vec<String> {
    p.errors
        .iter()
        .map(|f| {
            let mut s = format!("{}: {}", f.pos.line, f.message);
            if let Some(h) = &f.hint {
                s.push_str(&format!(" / hint: {h}"));
            }
            s
        })
        .collect()
}

#[test]
fn add_takes_the_groups_next_free_id_and_writes_a_new_file() {
    let (_, p) = planned(
        Reg::standard(),
        "  交通: { add: [{ title: 新案, lead: 臺北市, partners: [新北市] }] }\n",
    );
    assert_eq!(refusals(&p), Vec::<String>::new());
    assert_eq!(steps(&p), ["add TR-003 「新案」 (new)"]);
    let t = &p.touched[0];
    assert_eq!(
        (t.existing, t.path.to_str()),
        (None, Some("cases/TR/TR-003.yaml"))
    );
    assert_eq!(
        crate::canon::case(&t.case, ""),
        "id: TR-003\ntitle: 新案\ngroup: 交通組\nlead: 臺北市\npartners: [新北市]\nstatus: ongoing\nhistory:\n  - { date: 2025-06-30, meeting: vm-3, action: add }\nsources: [第 3 次會議紀錄]\n"
    );
}

#[test]
fn delist_by_title_alias_or_a_pinned_id_with_new_wording() {
    let (_, p) = planned(Reg::standard(), "  交通組: { delist: [環狀線北環] }\n");
    assert_eq!(steps(&p), ["delist TR-001 「捷運環狀線（北環段）」"]);
    let c = touched(&p, "TR-001");
    assert_eq!(c.status.value.as_str(), "delisted");
    assert_eq!(
        last_entry(c),
        "{ date: 2025-06-30, meeting: vm-3, action: delist }"
    );
    assert_eq!(strs(&c.aliases), ["環狀線北環"]);

    let (_, p) = planned(
        Reg::standard(),
        "  交通組: { delist: [{ case: 北環段捷運, id: TR-001, note: 已完工 }] }\n",
    );
    let c = touched(&p, "TR-001");
    assert_eq!(strs(&c.aliases), ["環狀線北環", "北環段捷運"]);
    assert_eq!(
        last_entry(c),
        "{ date: 2025-06-30, meeting: vm-3, action: delist, note: 已完工 }"
    );
}

#[test]
fn the_ongoing_assertion_is_checked_against_the_register_after_the_plan() {
    for (stated, expect) in [(0, vec![]), (1, vec![("ongoing", 1, 0)])] {
        let (reg, p) = planned(
            Reg::standard(),
            &format!("  交通組:\n    delist: [TR-001]\n    ongoing: {stated}\n"),
        );
        assert!(p.errors.is_empty());
        let after = register_after(&reg, &p);
        let idx = Index::new(&after);
        let tl = crate::tally::Timelines::new(&after, &idx);
        let m = after
            .meetings
            .iter()
            .position(|m| m.value.id.value == "vm-3")
            .expect("vm-3");
        let got: Vec<(&str, u32, u32)> = crate::check::count_mismatches(&after, &idx, &tl, m)
            .iter()
            .map(|x| (x.field, x.stated, x.register))
            .collect();
        assert_eq!(got, expect, "ongoing: {stated}");
    }
}

#[test]
fn subcases_name_their_parent() {
    let (_, p) = planned(
        Reg::standard(),
        "  交通組: { subcases: [{ parent: 環狀線北環, title: 北段 }] }\n",
    );
    assert_eq!(steps(&p), ["subcase TR-003 「北段」 (new)"]);
    let c = touched(&p, "TR-003");
    assert_eq!(c.parent.as_ref().map(|x| x.value.as_str()), Some("TR-001"));
    assert_eq!(
        last_entry(c),
        "{ date: 2025-06-30, meeting: vm-3, action: subcase }"
    );

    let (_, p) = planned(Reg::standard(), "  交通組: { subcases: [北段] }\n");
    assert_eq!(
        refusals(&p),
        [
            "7: sub-case 「北段」 names no `parent` / hint: write { parent: <the parent case>, title: … }"
        ]
    );
    assert!(p.steps.is_empty());
}

#[test]
fn replace_links_the_old_case_and_its_replacements_both_ways() {
    let (_, p) = planned(
        Reg::standard(),
        "  交通組: { replace: [{ case: TR-001, by: [新環狀線] }] }\n",
    );
    assert_eq!(
        steps(&p),
        [
            "add TR-003 「新環狀線」 (new)",
            "replace TR-001 「捷運環狀線（北環段）」"
        ]
    );
    let old = touched(&p, "TR-001");
    assert_eq!(old.status.value.as_str(), "replaced");
    assert_eq!(strs(&old.replaced_by), ["TR-003"]);
    let new = touched(&p, "TR-003");
    assert_eq!(strs(&new.replaces), ["TR-001"]);
    assert_eq!(
        last_entry(new),
        "{ date: 2025-06-30, meeting: vm-3, action: add, note: 原「捷運環狀線（北環段）」改列 }"
    );
}

#[test]
fn merge_into_a_new_case_or_an_existing_one() {
    let r = Reg::standard().case(
        "id: TR-003\ntitle: 公車專用道\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { action: seen, source: 進度報告 }\n",
    );
    let (_, p) = planned(
        r.clone(),
        "  交通組: { merge: [{ cases: [TR-001, 公車專用道], into: { title: 整併案 } }] }\n",
    );
    assert_eq!(
        steps(&p),
        [
            "add TR-004 「整併案」 (new)",
            "merge TR-001 「捷運環狀線（北環段）」",
            "merge TR-003 「公車專用道」",
        ]
    );
    assert_eq!(
        strs(&touched(&p, "TR-004").merged_from),
        ["TR-001", "TR-003"]
    );
    let merged = touched(&p, "TR-001");
    assert_eq!(merged.status.value.as_str(), "merged");
    assert_eq!(
        merged.merged_into.as_ref().map(|x| x.value.as_str()),
        Some("TR-004")
    );
    assert_eq!(
        last_entry(merged),
        "{ date: 2025-06-30, meeting: vm-3, action: merge, note: 併入 TR-004 }"
    );

    let (_, p) = planned(
        r,
        "  交通組: { merge: [{ cases: [TR-003], into: TR-001 }] }\n",
    );
    assert_eq!(
        steps(&p),
        [
            "absorb TR-001 「捷運環狀線（北環段）」",
            "merge TR-003 「公車專用道」"
        ]
    );
    assert_eq!(touched(&p, "TR-001").status.value.as_str(), "ongoing");
}

#[test]
fn rename_keeps_the_old_title_as_an_alias() {
    let (_, p) = planned(
        Reg::standard(),
        "  交通組: { rename: [{ case: TR-001, to: 環狀線北環段 }] }\n",
    );
    assert_eq!(steps(&p), ["rename TR-001 「環狀線北環段」"]);
    let c = touched(&p, "TR-001");
    assert_eq!(c.title.value, "環狀線北環段");
    assert_eq!(strs(&c.aliases), ["環狀線北環", "捷運環狀線（北環段）"]);
    assert_eq!(c.status.value.as_str(), "ongoing");
    assert_eq!(
        last_entry(c),
        "{ date: 2025-06-30, meeting: vm-3, action: rename, note: 原名「捷運環狀線（北環段）」 }"
    );
}

#[test]
fn propose_then_an_add_with_the_pinned_id_adopts_the_proposal() {
    let (_, p) = planned(Reg::standard(), "  交通組: { propose: [提案] }\n");
    assert_eq!(steps(&p), ["propose TR-003 「提案」 (new)"]);
    assert_eq!(touched(&p, "TR-003").status.value.as_str(), "proposed");

    let proposed = "id: TR-003\ntitle: 提案\ngroup: 交通組\nstatus: proposed\nhistory:\n  - { action: seen, source: 提案單 }\n";
    let (_, p) = planned(
        Reg::standard().case(&proposed.replace(
            "action: seen, source: 提案單",
            "action: propose, date: 2024-12-20, meeting: vm-2",
        )),
        "  交通組: { add: [{ title: 提案, id: TR-003 }] }\n",
    );
    assert_eq!(refusals(&p), Vec::<String>::new());
    assert_eq!(steps(&p), ["add TR-003 「提案」"]);
    assert_eq!(touched(&p, "TR-003").status.value.as_str(), "ongoing");
}

#[test]
fn relist_brings_a_delisted_case_back() {
    let (_, p) = planned(Reg::standard(), "  交通組: { relist: [TR-002] }\n");
    assert_eq!(steps(&p), ["relist TR-002 「跨市公車路線整合」"]);
    let c = touched(&p, "TR-002");
    assert_eq!(c.status.value.as_str(), "ongoing");
    assert_eq!(
        last_entry(c),
        "{ date: 2025-06-30, meeting: vm-3, action: relist }"
    );
}

#[test]
fn a_meeting_already_applied_plans_nothing() {
    let reg = Reg::standard().build();
    let idx = Index::new(&reg);
    for m in &reg.meetings {
        let p = plan(&reg, &idx, &m.value, &m.path);
        assert!(p.errors.is_empty(), "{:?}", lines(&p.errors));
        assert!(!p.changes_anything(), "{}", m.value.id.value);
        assert!(p.steps.iter().all(|s| s.done_before));
    }
    let (_, p) = planned(
        Reg::standard().case(&format!(
            "{}  - {{ date: 2025-06-30, meeting: vm-3, action: relist }}\n",
            TR002.replace("status: delisted", "status: ongoing")
        )),
        "  交通組: { relist: [TR-002] }\n",
    );
    assert_eq!(steps(&p), ["relist TR-002 「跨市公車路線整合」 (done)"]);
    assert!(p.touched.is_empty());
}

#[test]
fn refusals_on_status_names_ids_groups_and_shapes() {
    let cases = [
        (
            "  交通組: { delist: [TR-002] }\n",
            "7: cannot delist TR-002 「跨市公車路線整合」: it is delisted, not ongoing",
        ),
        (
            "  交通組: { relist: [TR-001] }\n",
            "7: cannot relist TR-001 「捷運環狀線（北環段）」: it is ongoing, not delisted",
        ),
        (
            "  交通組: { delist: [捷運環狀綫] }\n",
            "7: unknown case `捷運環狀綫` in 交通組 / hint: did you mean TR-001 「捷運環狀線（北環段）」? write `{ case: 捷運環狀綫, id: TR-001 }` (the minutes' wording is kept as an alias)",
        ),
        (
            "  交通組: { delist: [長照資源共享平台] }\n",
            "7: case `長照資源共享平台` is not in 交通組 / hint: it is HW-001 「長照資源共享平台」 of another group; write its id, or move the decision",
        ),
        (
            "  交通組: { delist: [{ case: 某案, id: TR-099 }] }\n",
            "7: unknown case id `TR-099`",
        ),
        (
            "  交通組: { add: [{ title: 新案, id: TR-001 }] }\n",
            "7: id `TR-001` is already used by 「捷運環狀線（北環段）」 / hint: leave `id` out to take the group's next free id",
        ),
        (
            "  交通組: { add: [{ title: 新案, id: HW-009 }] }\n",
            "7: `HW-009` is not an id of 交通組 (write TR-NNN)",
        ),
        (
            "  交通組: { add: [{ title: 新案, lead: 臺北 }] }\n",
            "7: `臺北` is not a member of the platform / hint: did you mean `臺北市`?",
        ),
        (
            "  交通組: { add: [{ title: 新案, parent: TR-001 }] }\n",
            "7: `parent` belongs in `subcases`, not in `add` or `propose`",
        ),
        (
            "  交通組: { merge: [{ cases: [TR-001], into: TR-001 }] }\n",
            "7: TR-001 cannot be merged into itself",
        ),
        (
            "  交通祖: { delist: [TR-001] }\n",
            "7: unknown group `交通祖` / hint: did you mean `交通組`?",
        ),
        (
            "  交通組: {}\n  TR: {}\n",
            "8: group `交通組` has two decision blocks (`TR` is the same group as an earlier key)",
        ),
    ];
    for (decisions, want) in cases {
        let (_, p) = planned(Reg::standard(), decisions);
        assert_eq!(refusals(&p), [want], "{decisions}");
    }
    // Two cases of one name: the wording alone cannot pick one.
    let twin = TR001
        .replace("TR-001", "TR-005")
        .replace("aliases: [環狀線北環]\n", "");
    let (_, p) = planned(
        Reg::standard().case(&twin.replace(
            "  - { date: 2024-07-11, meeting: vm-1, action: add }",
            "  - { action: seen, source: 進度報告 }",
        )),
        "  交通組: { delist: [捷運環狀線（北環段）] }\n",
    );
    assert_eq!(
        refusals(&p),
        [
            "7: ambiguous case `捷運環狀線（北環段）` in 交通組 / hint: it could be TR-001 「捷運環狀線（北環段）」, TR-005 「捷運環狀線（北環段）」; write the case id instead"
        ]
    );
}

/// `apply` loads the register without the cases' texts and reads each case it edits again: the edit
/// keeps what changed in the file's comments meanwhile, and is refused when a value changed.
#[test]
fn an_edited_case_is_read_again_and_must_still_hold_what_was_checked() {
    use super::{HW001, PLATFORM, TR001, VM1, VM2};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder is made");
        std::fs::write(path, text).expect("the file is written");
    };
    let tr002 = TR002
        .replace(
            "  - { date: 2024-12-20, meeting: vm-2, action: delist }\n",
            "",
        )
        .replace("status: delisted", "status: ongoing");
    write("platform.yaml", PLATFORM);
    write("meetings/vm-1.yaml", VM1);
    write("cases/TR/TR-001.yaml", TR001);
    write("cases/TR/TR-002.yaml", &tr002);
    write("cases/HW/HW-001.yaml", HW001);
    let (reg, findings) = crate::load::load_with(root, crate::load::Texts::Meetings);
    assert!(findings.is_empty(), "{findings:?}");
    let reg = reg.expect("the register loads");
    assert!(reg.cases.iter().all(|c| c.text.is_empty()));
    assert!(reg.meetings.iter().all(|m| m.text == VM1));
    let idx = Index::new(&reg);
    let vm2: crate::model::Meeting = crate::yaml::parse(VM2).expect("vm-2");
    let p = plan(&reg, &idx, &vm2, std::path::Path::new("meetings/vm-2.yaml"));
    assert!(p.errors.is_empty());

    // A comment written meanwhile is kept: the edit starts from the text as it is now.
    let commented = format!("# 由交通局維護\n{tr002}");
    write("cases/TR/TR-002.yaml", &commented);
    let changes = crate::apply::changes(&reg, &p).expect("the edits");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].old.as_deref(), Some(commented.as_str()));
    assert!(
        changes[0].new.starts_with("# 由交通局維護\n"),
        "{}",
        changes[0].new
    );
    assert!(changes[0].new.contains("status: delisted"));

    // A value changed meanwhile: the file no longer holds what was checked.
    write(
        "cases/TR/TR-002.yaml",
        &tr002.replace("lead: 新北市", "lead: 臺北市"),
    );
    let refused = crate::apply::changes(&reg, &p).expect_err("refused");
    assert_eq!(
        lines(&refused),
        [
            "cases/TR/TR-002.yaml:0: error edit: cases/TR/TR-002.yaml changed on disk while kbbt was working; run the command again"
        ]
    );
    // Gone meanwhile: refused too, as a file that cannot be read.
    std::fs::remove_file(root.join("cases/TR/TR-002.yaml")).expect("removed");
    let refused = crate::apply::changes(&reg, &p).expect_err("refused");
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused[0].file,
        std::path::Path::new("cases/TR/TR-002.yaml")
    );
}
