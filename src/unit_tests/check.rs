//! Every rule of `check::RULES`, each on the smallest register that breaks it, with every finding
//! it gives pinned (file, line, severity, code, message): a stray extra finding fails the test too.

use super::{HW001, Reg, TR001, TR002, VM1, lines};

/// All findings of every rule, sorted as `validate` prints them.
fn check(r: &Reg) -> Vec<String> {
    let mut f = crate::check::run(&r.build());
    crate::finding::sort(&mut f);
    lines(&f)
}

/// The hint of the single finding with `code`.
fn hint(r: &Reg, code: &str) -> Option<String> {
    let f = crate::check::run(&r.build());
    let mut hits = f.iter().filter(|f| f.code == code);
    let one = hits.next().expect("a finding with the code");
    assert!(hits.next().is_none(), "one finding with code {code}");
    one.hint.as_ref().map(ToString::to_string)
}

#[test]
fn every_rule_is_registered_once() {
    let names: Vec<&str> = crate::check::RULES.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "platform",
            "case-fields",
            "unique-ids",
            "unique-titles",
            "case-links",
            "meeting-fields",
            "status-history",
            "history-entries",
            "meetings-applied",
            "stated-counts",
            "unconfirmed",
            "instructions",
            "milestones",
        ]
    );
}

// --- platform ---

#[test]
fn platform_group_codes_are_upper_case_and_unique_and_names_unique() {
    let r = Reg::minimal().platform(
        "name: P\nmembers: [臺北市]\ngroups:\n  - { name: 交通組, code: tr }\n  - { name: 交通組, code: HW }\n  - { name: 衛生組, code: HW }\n",
    );
    assert_eq!(
        check(&r),
        [
            "platform.yaml:4: error group-code: group code `tr` must be 1 to 4 upper-case letters A-Z",
            "platform.yaml:5: error duplicate-group: group `交通組` is defined twice (first at line 4)",
            "platform.yaml:6: error duplicate-group: group code `HW` is used twice (first at line 5)",
        ]
    );
}

#[test]
fn platform_without_groups_or_members() {
    let r = Reg::minimal().platform("name: P\nmembers: []\ngroups: []\n");
    assert_eq!(
        check(&r),
        [
            "platform.yaml:1: error platform: the platform defines no groups",
            "platform.yaml:1: error platform: the platform lists no members",
        ]
    );
}

// --- case-fields ---

/// A case tracked without a meeting (no history rule involved).
fn seen(id: &str, group: &str, extra: &str) -> String {
    format!(
        "id: {id}\ntitle: 測試案 {id}\ngroup: {group}\n{extra}status: ongoing\nhistory:\n  - {{ action: seen, source: 進度報告 }}\n"
    )
}

#[test]
fn case_ids_are_well_formed_and_carry_the_group_code() {
    let r = Reg::minimal()
        .case_at("cases/TR/TR-1.yaml", &seen("TR-1", "交通組", ""))
        .case(&seen("HW-009", "交通組", ""));
    assert_eq!(
        check(&r),
        [
            "cases/HW/HW-009.yaml:1: error case-id: case id `HW-009` does not start with `TR-`, the code of 交通組",
            "cases/TR/TR-1.yaml:1: error case-id: `TR-1` is not a case id",
        ]
    );
}

#[test]
fn unknown_groups_get_the_name_or_a_suggestion() {
    let alias = Reg::minimal().case(&seen("TR-001", "交通", ""));
    assert_eq!(
        check(&alias),
        ["cases/TR/TR-001.yaml:3: error unknown-group: unknown group `交通`"]
    );
    assert_eq!(
        hint(&alias, "unknown-group").as_deref(),
        Some("write the group's name: `交通組`")
    );
    let typo = Reg::minimal().case(&seen("TR-001", "交通祖", ""));
    assert_eq!(
        hint(&typo, "unknown-group").as_deref(),
        Some("did you mean `交通組`?")
    );
}

#[test]
fn a_file_named_unlike_its_case_is_a_warning() {
    let r = Reg::minimal().case_at("cases/TR/TR-002.yaml", &seen("TR-001", "交通組", ""));
    assert_eq!(
        check(&r),
        [
            "cases/TR/TR-002.yaml:1: warning file-name: file name `TR-002` differs from the case id `TR-001`"
        ]
    );
}

#[test]
fn titles_cities_partners_and_topics() {
    let r = Reg::minimal().case(
        &seen(
            "TR-001",
            "交通組",
            "lead: 臺北\npartners: [新北市]\ntopics: [氣候]\n",
        )
        .replace("title: 測試案 TR-001", "title: \" \""),
    );
    let r2 = Reg::minimal().case(&seen(
        "TR-001",
        "交通組",
        "lead: 新北市\npartners: [新北市]\n",
    ));
    assert_eq!(
        check(&r),
        [
            "cases/TR/TR-001.yaml:2: error empty-title: the title is empty",
            "cases/TR/TR-001.yaml:4: error unknown-city: `臺北` is not a member of the platform",
            "cases/TR/TR-001.yaml:6: error unknown-topic: unknown topic `氣候`",
        ]
    );
    assert_eq!(
        check(&r2),
        ["cases/TR/TR-001.yaml:4: warning partners: `新北市` is both the lead and a partner"]
    );
}

// --- unique-ids ---

#[test]
fn case_and_meeting_ids_are_unique() {
    let r = Reg::minimal()
        .case(&seen("TR-001", "交通組", ""))
        .case_at("cases/TR/tr-001.yaml", &seen("tr-001", "交通組", ""))
        .case_at("cases/TR/tr-001b.yaml", &seen("Tr-001", "交通組", ""))
        .meeting("id: vm-1\ntitle: 一\nlevel: 副市長層級\ndate: 2024-01-01\n")
        .meeting_at(
            "meetings/vm-1b.yaml",
            "id: vm-1\ntitle: 二\nlevel: 副市長層級\ndate: 2024-02-01\n",
        );
    let all = check(&r);
    let duplicates: Vec<&String> = all.iter().filter(|l| l.contains("duplicate-id")).collect();
    // Each later case names the first one with its id.
    assert_eq!(
        duplicates,
        [
            "cases/TR/tr-001.yaml:1: error duplicate-id: case id `tr-001` is also used by cases/TR/TR-001.yaml",
            "cases/TR/tr-001b.yaml:1: error duplicate-id: case id `Tr-001` is also used by cases/TR/TR-001.yaml",
            "meetings/vm-1b.yaml:1: error duplicate-id: meeting id `vm-1` is also used by meetings/vm-1.yaml",
        ],
        "{all:#?}"
    );
}

// --- case-links ---

#[test]
fn references_resolve() {
    let r = Reg::minimal().case(&seen("TR-001", "交通組", "parent: TR-099\n"));
    assert_eq!(
        check(&r),
        [
            "cases/TR/TR-001.yaml:4: error unknown-reference: parent `TR-099` is not a case of the register"
        ]
    );
}

#[test]
fn a_case_is_not_its_own_ancestor() {
    let r = Reg::minimal()
        .case(&seen("TR-001", "交通組", "parent: TR-002\n"))
        .case(&seen("TR-002", "交通組", "parent: TR-001\n"));
    assert_eq!(
        check(&r),
        [
            "cases/TR/TR-001.yaml:4: error parent-cycle: `TR-001` is its own ancestor through `parent`",
            "cases/TR/TR-002.yaml:4: error parent-cycle: `TR-002` is its own ancestor through `parent`",
        ]
    );
}

#[test]
fn links_agree_both_ways_and_merged_cases_have_the_status() {
    let r = Reg::minimal()
        .case(&seen(
            "TR-001",
            "交通組",
            "replaced_by: [TR-002]\nmerged_into: TR-002\n",
        ))
        .case(&seen("TR-002", "交通組", ""));
    assert_eq!(
        check(&r),
        [
            "cases/TR/TR-001.yaml:4: error one-way-link: TR-001 lists `TR-002` in replaced_by, but TR-002 does not list TR-001 in replaces",
            "cases/TR/TR-001.yaml:5: error one-way-link: TR-001 is merged into `TR-002`, but TR-002 does not list it in merged_from",
            "cases/TR/TR-001.yaml:6: error status: TR-001 has merged_into but its status is ongoing",
        ]
    );
}

// --- meeting-fields ---

#[test]
fn meeting_ids_file_names_levels_dates_and_discrepancy_fields() {
    let r = Reg::minimal()
        .meeting_at("meetings/x.yaml", "id: VM_1\ntitle: 一\nlevel: 副市長層級\ndate: 2024-01-01\n")
        .meeting_at(
            "meetings/other.yaml",
            "id: vm-2\ntitle: 二\nlevel: 副市長級\ndiscrepancies:\n  - { field: cases, group: 交通組, stated: 1, register: 2, kind: unnamed }\n",
        );
    assert_eq!(
        check(&r),
        [
            "meetings/other.yaml:1: warning file-name: file name `other` differs from the meeting id `vm-2`",
            "meetings/other.yaml:1: warning meeting-date: meeting vm-2 has no date; it is ordered before every dated meeting",
            "meetings/other.yaml:3: error unknown-level: unknown meeting level `副市長級`",
            "meetings/other.yaml:5: error discrepancy: recorded discrepancy (交通組 cases stated 1) no longer holds: the register agrees with the stated number",
            "meetings/other.yaml:5: error discrepancy: unknown discrepancy field `cases`",
            "meetings/x.yaml:1: error meeting-id: `VM_1` is not a meeting id",
        ]
    );
}

// --- status-history ---

#[test]
fn status_agrees_with_the_last_decision() {
    let none = Reg::minimal().case("id: TR-001\ntitle: 案\ngroup: 交通組\nstatus: ongoing\n");
    assert_eq!(
        check(&none),
        [
            "cases/TR/TR-001.yaml:4: error status-history: TR-001 has no history entry that sets its status"
        ]
    );
    let wrong = Reg::standard().case(&TR002.replace("status: delisted", "status: ongoing"));
    assert_eq!(
        check(&wrong),
        [
            "cases/TR/TR-002.yaml:5: error status-history: status is `ongoing`, but the last decision in history (`delist`, line 8) makes it `delisted`"
        ]
    );
}

// --- history-entries ---

#[test]
fn history_entries_name_real_meetings_on_their_dates_in_order() {
    let no_meeting = Reg::minimal().case(
        "id: TR-001\ntitle: 案\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { date: 2024-07-11, action: add }\n",
    );
    assert_eq!(
        check(&no_meeting),
        [
            "cases/TR/TR-001.yaml:6: error history-meeting: this `add` entry must name the meeting that decided it"
        ]
    );
    let unknown = Reg::standard().case(&HW001.replace("meeting: vm-1", "meeting: vm-9"));
    let all = check(&unknown);
    assert!(
        all.contains(
            &"cases/HW/HW-001.yaml:6: error unknown-meeting: unknown meeting `vm-9`".to_string()
        ),
        "{all:#?}"
    );
    assert_eq!(
        hint(&unknown, "unknown-meeting").as_deref(),
        Some("did you mean `vm-1`?")
    );
    let date = Reg::standard().case(&HW001.replace("2024-07-11", "2024-07-12"));
    assert_eq!(
        check(&date),
        [
            "cases/HW/HW-001.yaml:6: error history-date: date 2024-07-12 differs from the date of vm-1 (2024-07-11)"
        ]
    );
    let order = Reg::standard().case(&format!(
        "{TR001}  - {{ date: 2024-01-01, action: seen, source: 進度報告 }}\n"
    ));
    assert_eq!(
        check(&order),
        [
            "cases/TR/TR-001.yaml:11: warning history-order: history entries are not in date order (oldest first)"
        ]
    );
}

// --- meetings-applied ---

#[test]
fn every_decision_is_in_the_histories_and_every_entry_is_a_decision() {
    let missing = Reg::standard().case(
        &TR002
            .replace(
                "  - { date: 2024-12-20, meeting: vm-2, action: delist }\n",
                "",
            )
            .replace("status: delisted", "status: ongoing"),
    );
    // The stated numbers no longer hold either: the register never delisted TR-002.
    assert_eq!(
        check(&missing),
        [
            "meetings/vm-2.yaml:7: error not-applied: vm-2 decides to delist TR-002 「跨市公車路線整合」, but no case history records it",
            "meetings/vm-2.yaml:8: error stated-count: 交通組: vm-2 states 1 ongoing, the register has 2 (TR-001 「捷運環狀線（北環段）」, TR-002 「跨市公車路線整合」)",
            "meetings/vm-2.yaml:9: error stated-count: totals: vm-2 states 1 delist, the register has 0",
            "meetings/vm-2.yaml:9: error stated-count: totals: vm-2 states 2 ongoing, the register has 3",
        ]
    );
    let extra = Reg::standard().case(&format!(
        "{}  - {{ date: 2024-12-20, meeting: vm-2, action: delist }}\n",
        HW001.replace("status: ongoing", "status: delisted")
    ));
    let all = check(&extra);
    assert!(
        all.contains(&"cases/HW/HW-001.yaml:7: error history-decision: history records `delist` at vm-2, but meetings/vm-2.yaml has no such decision about HW-001".to_string()),
        "{all:#?}"
    );
    let unplanned = Reg::minimal().meeting(VM1);
    let all = check(&unplanned);
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(
        all[0].starts_with(
            "meetings/vm-1.yaml:8: error not-applied: vm-1 decides to add 「捷運環狀線（北環段）」 (交通組)"
        ),
        "{all:#?}"
    );
}

#[test]
fn the_rules_give_the_same_findings_in_the_same_order_on_two_cores() {
    // Enough cases for `run_in` to share the meeting replay between two threads, and findings of
    // the replay at every meeting: each of vm-3..vm-8 adds a case no history records, and each
    // filler case records an add at one of them that the meeting does not decide.
    let mut r = Reg::standard();
    for k in 3..=8 {
        r = r.meeting(&format!(
            "id: vm-{k}\ntitle: 第 {k} 次副市長層級會議\nlevel: 副市長層級\ndate: 2025-0{k}-01\ndecisions:\n  交通組:\n    add:\n      - {{ title: 新案 {k} }}\n"
        ));
    }
    for i in 100..1_200 {
        let k = 3 + i % 6;
        r = r.case(&format!(
            "id: HW-{i}\ntitle: 填充案件 {i}\ngroup: 衛生社福組\nstatus: ongoing\nhistory:\n  - {{ date: 2025-0{k}-01, meeting: vm-{k}, action: add }}\n"
        ));
    }
    let reg = r.build();
    assert!(reg.cases.len() >= 1_000);
    let idx = crate::index::Index::new(&reg);
    let tl = crate::tally::Timelines::new(&reg, &idx);
    let ctx = crate::check::Ctx::new(&reg, &idx, &tl);
    let one_by_one = |skip: &[&str]| {
        let mut out = Vec::new();
        for (name, rule) in crate::check::RULES {
            if !skip.contains(name) {
                rule(&ctx, &mut out);
            }
        }
        lines(&out)
    };
    let all = one_by_one(&[]);
    assert_eq!(lines(&crate::check::run_in(&reg, &idx, &tl, &[])), all);
    let skip = ["stated-counts"];
    assert_eq!(
        lines(&crate::check::run_in(&reg, &idx, &tl, &skip)),
        one_by_one(&skip)
    );
    let skip = ["meetings-applied"];
    assert_eq!(
        lines(&crate::check::run_in(&reg, &idx, &tl, &skip)),
        one_by_one(&skip)
    );
    // The replay's findings name every one of those meetings, of both kinds.
    for k in 3..=8 {
        for code in ["not-applied", "history-decision"] {
            let hit = format!("error {code}: ");
            assert!(
                all.iter()
                    .any(|l| l.contains(&hit) && l.contains(&format!("vm-{k}.yaml"))),
                "{code} at vm-{k}"
            );
        }
    }
}

// --- stated-counts ---

#[test]
fn stated_numbers_agree_or_are_recorded() {
    let wrong = Reg::standard().meeting(&super::VM2.replace("ongoing: 1", "ongoing: 2"));
    assert_eq!(
        check(&wrong),
        [
            "meetings/vm-2.yaml:8: error stated-count: 交通組: vm-2 states 2 ongoing, the register has 1 (TR-001 「捷運環狀線（北環段）」); vm-2 ends TR-002 「跨市公車路線整合」"
        ]
    );
    assert_eq!(
        hint(&wrong, "stated-count").as_deref(),
        Some(
            "correct the cases, or record it under `discrepancies:` ({ group: 交通組, field: ongoing, stated: 2, register: 1, kind: …, note: … })"
        )
    );
    let recorded = Reg::standard().meeting(&format!(
        "{}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 2, register: 1, kind: arithmetic }}\n",
        super::VM2.replace("ongoing: 1", "ongoing: 2")
    ));
    assert_eq!(check(&recorded), Vec::<String>::new());
    let stale = Reg::standard().meeting(&format!(
        "{}discrepancies:\n  - {{ group: 交通組, field: ongoing, stated: 2, register: 3, kind: arithmetic }}\n",
        super::VM2.replace("ongoing: 1", "ongoing: 2")
    ));
    assert_eq!(
        check(&stale),
        [
            "meetings/vm-2.yaml:11: error discrepancy: recorded discrepancy for 交通組 ongoing says the register has 3, but it now has 1"
        ]
    );
    let totals = Reg::standard().meeting(&format!(
        "{}all_time: {{ cases: 9, completed: 1 }}\n",
        super::VM2.replace("ongoing: 2 }", "ongoing: 3 }")
    ));
    assert_eq!(
        check(&totals),
        [
            "meetings/vm-2.yaml:9: error stated-count: totals: vm-2 states 3 ongoing, the register has 2",
            "meetings/vm-2.yaml:10: error stated-count: all-time: vm-2 states 9 cases, the register has 3",
        ]
    );
}

// --- unique-titles ---

/// Within a group no two cases share a title (each later one is paired with the first), no alias is
/// another case's title, and no title looks like an id; the same title in another group is fine.
#[test]
fn titles_are_unique_within_a_group() {
    let case = |id: &str, group: &str, title: &str, extra: &str| {
        seen(id, group, extra).replace(&format!("title: 測試案 {id}"), &format!("title: {title}"))
    };
    let r = Reg::minimal()
        .case(&case("TR-001", "交通組", "甲案", ""))
        .case(&case("TR-002", "交通組", "甲案", ""))
        .case(&case("TR-003", "交通組", "甲 案", ""))
        .case(&case("TR-004", "交通組", "乙案", "aliases: [甲案, 丙案]\n"))
        .case(&case("TR-005", "交通組", "丙案", ""))
        .case(&case("TR-006", "交通組", "TR-123", ""))
        .case(&case("HW-001", "衛生社福組", "甲案", ""))
        .case(&case("HW-002", "衛生社福組", "丁案", "aliases: [甲案]\n"));
    assert_eq!(
        check(&r),
        [
            "cases/HW/HW-001.yaml:2: error duplicate-title: the title of HW-001 is an alias of HW-002 (cases/HW/HW-002.yaml)",
            "cases/TR/TR-001.yaml:2: error duplicate-title: TR-001 has the same title as TR-002 (cases/TR/TR-002.yaml)",
            "cases/TR/TR-001.yaml:2: error duplicate-title: TR-001 has the same title as TR-003 (cases/TR/TR-003.yaml)",
            "cases/TR/TR-001.yaml:2: error duplicate-title: the title of TR-001 is an alias of TR-004 (cases/TR/TR-004.yaml)",
            "cases/TR/TR-002.yaml:2: error duplicate-title: TR-002 has the same title as TR-001 (cases/TR/TR-001.yaml)",
            "cases/TR/TR-003.yaml:2: error duplicate-title: TR-003 has the same title as TR-001 (cases/TR/TR-001.yaml)",
            "cases/TR/TR-005.yaml:2: error duplicate-title: the title of TR-005 is an alias of TR-004 (cases/TR/TR-004.yaml)",
            "cases/TR/TR-006.yaml:2: error id-title: the title `TR-123` is shaped like a case id",
        ]
    );
}

/// Many cases sharing one title, and as many aliases of it in another group: every later case is
/// paired with the first of its group, once (the rule stays linear in the cases).
#[test]
fn one_title_shared_by_many_cases() {
    let n = 3000;
    let mut r = Reg::minimal();
    for i in 1..=n {
        let id = format!("TR-{i:03}");
        r = r.case(
            &seen(&id, "交通組", "").replace(&format!("title: 測試案 {id}"), "title: 同名案"),
        );
        let id = format!("HW-{i:03}");
        r = r.case(&seen(&id, "衛生社福組", "aliases: [同名案]\n"));
    }
    let f = crate::check::run(&r.build());
    let dup = |m: &str| {
        f.iter()
            .filter(|x| x.code == "duplicate-title" && x.message.to_string().contains(m))
            .count()
    };
    assert_eq!(dup("has the same title as TR-001 "), n - 1);
    assert_eq!(dup("TR-001 has the same title as"), n - 1);
    assert_eq!(dup("is an alias of"), 0);
}
