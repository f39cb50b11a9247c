//! The tally by the platform's counting rules: a meeting's add / delist / ongoing per group (sub-cases
//! apart, replaced and merged cases neither delisted nor ongoing), the all-time view as of a date,
//! statuses on a date, and the latest meeting.

use super::{Reg, case_index};
use crate::apply::plan::{plan, register_after};
use crate::index::Index;
use crate::model::Register;
use crate::model::{Date, Status};
use crate::tally::{AllTime, GroupTally, Timelines, all_time, latest_meeting, tally_meeting};

/// TR-004 was tracked before any meeting; vm-3 then adds a sub-case of TR-001, replaces TR-004,
/// relists TR-002 and delists HW-001. The register after vm-3 is what `apply` would write.
fn after_vm3() -> Register {
    let vm3 = "\
id: vm-3
title: 第 3 次副市長層級會議
level: 副市長層級
date: 2025-06-30
decisions:
  交通組:
    replace: [{ case: TR-004, by: [新公車] }]
    subcases: [{ parent: TR-001, title: 北段 }]
    relist: [TR-002]
  衛生社福組:
    delist: [HW-001]
";
    let reg = Reg::standard()
        .case("id: TR-004\ntitle: 公車\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { action: seen, source: 進度報告 }\n")
        .meeting(vm3)
        .build();
    let idx = Index::new(&reg);
    let m = &reg.meetings[2];
    let p = plan(&reg, &idx, &m.value, &m.path);
    assert!(p.errors.is_empty());
    register_after(&reg, &p)
}

fn ids(reg: &Register, cases: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = cases
        .iter()
        .map(|c| reg.cases[*c].value.id.value.to_string())
        .collect();
    v.sort();
    v
}

/// One group's tally as `field: ids` lines, empty fields left out.
fn show(reg: &Register, t: &GroupTally) -> Vec<String> {
    [
        ("add", &t.add),
        ("delist", &t.delist),
        ("ongoing", &t.ongoing),
        ("relist", &t.relist),
        ("replaced", &t.replaced),
        ("merged", &t.merged),
        ("proposed", &t.proposed),
        ("subcases", &t.subcases),
        ("renamed", &t.renamed),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}: {}", ids(reg, v).join(" ")))
    .collect()
}

fn meeting(reg: &Register, id: &str) -> usize {
    reg.meetings
        .iter()
        .position(|m| m.value.id.value == id)
        .expect("the meeting")
}

#[test]
fn a_meetings_numbers_per_group() {
    let reg = after_vm3();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let t = tally_meeting(&reg, &idx, &tl, meeting(&reg, "vm-3"));
    // TR-005 replaces TR-004 (an add); TR-006 is the sub-case, counted apart; TR-002 was delisted
    // before the meeting, so relisting it does not make it "ongoing" at this meeting.
    assert_eq!(
        show(&reg, &t.groups[0]),
        [
            "add: TR-005",
            "ongoing: TR-001",
            "relist: TR-002",
            "replaced: TR-004",
            "subcases: TR-006",
        ]
    );
    assert_eq!(show(&reg, &t.groups[1]), ["delist: HW-001"]);
    assert_eq!(
        (
            t.total(|g| g.add.len()),
            t.total(|g| g.delist.len()),
            t.total(|g| g.ongoing.len())
        ),
        (1, 1, 1)
    );

    let t = tally_meeting(&reg, &idx, &tl, meeting(&reg, "vm-2"));
    assert_eq!(
        show(&reg, &t.groups[0]),
        ["delist: TR-002", "ongoing: TR-001 TR-004"]
    );
    assert_eq!(show(&reg, &t.groups[1]), ["ongoing: HW-001"]);
}

#[test]
fn a_case_seen_on_the_meetings_day_counts_as_before_it() {
    let reg = Reg::standard()
        .case("id: TR-006\ntitle: 新見\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { date: 2024-12-20, action: seen, source: 進度報告 }\n")
        .build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let t = tally_meeting(&reg, &idx, &tl, meeting(&reg, "vm-2"));
    assert_eq!(
        show(&reg, &t.groups[0]),
        ["delist: TR-002", "ongoing: TR-001 TR-006"]
    );
}

#[test]
fn the_all_time_view_as_of_a_date() {
    let reg = after_vm3();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let all = all_time(&reg, &idx, &tl, None);
    assert_eq!(
        all[0],
        AllTime {
            ever: 4,
            ongoing: 3,
            replaced: 1,
            subcases: 1,
            ..AllTime::default()
        }
    );
    assert_eq!(
        all[1],
        AllTime {
            ever: 1,
            delisted: 1,
            ..AllTime::default()
        }
    );
    let end_2024 = all_time(&reg, &idx, &tl, Date::ymd(2024, 12, 31));
    assert_eq!(
        end_2024[0],
        AllTime {
            ever: 3,
            ongoing: 2,
            delisted: 1,
            ..AllTime::default()
        }
    );
    let mut sum = AllTime::default();
    for g in &end_2024 {
        sum.add(g);
    }
    assert_eq!((sum.ever, sum.ongoing, sum.delisted), (4, 3, 1));
}

#[test]
fn statuses_on_a_date_and_the_latest_meeting() {
    let reg = after_vm3();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let tr2 = case_index(&reg, "TR-002");
    let on = |y, m, d| tl.status_at(tr2, Date::ymd(y, m, d).expect("a date"));
    assert_eq!(on(2024, 7, 10), None);
    assert_eq!(on(2024, 12, 19), Some(Status::Ongoing));
    assert_eq!(on(2024, 12, 20), Some(Status::Delisted));
    assert_eq!(on(2025, 6, 30), Some(Status::Ongoing));

    let latest = |d: Option<Date>| {
        latest_meeting(&reg, &idx, d).map(|m| reg.meetings[m].value.id.value.clone())
    };
    assert_eq!(latest(None).as_deref(), Some("vm-3"));
    assert_eq!(latest(Date::ymd(2025, 1, 1)).as_deref(), Some("vm-2"));
    assert_eq!(latest(Date::ymd(2024, 1, 1)), None);
}
