//! The follow-up computations: the list filter, overdue items, suggested milestones and diffs.

use super::{Reg, case_index};
use crate::filter::{CaseFilter, select};
use crate::index::Index;
use crate::model::{Date, Status, parse_date};
use crate::tally::Timelines;

fn d(s: &str) -> Date {
    parse_date(s).expect("a date")
}

/// TR-001 with a progress text that plans a milestone, and one past due and not met.
const TR001_LATE: &str = "\
id: TR-001
title: 捷運環狀線（北環段）
group: 交通組
lead: 臺北市
status: ongoing
history:
  - { date: 2024-07-11, meeting: vm-1, action: add }
progress:
  - { as_of: 2025-01-31, text: 已完成規劃。預計 114 年 6 月完工, planned: 50, actual: 20 }
milestones:
  - { due: 2025-03-01, text: 動工 }
";

fn ids(cases: &[&crate::model::Case]) -> Vec<String> {
    cases.iter().map(|c| c.id.value.to_string()).collect()
}

#[test]
fn the_filter_compares_normalised_names_and_keeps_the_platforms_order() {
    let reg = Reg::standard().build();
    assert_eq!(
        ids(&select(&reg, &CaseFilter::default())),
        ["TR-001", "TR-002", "HW-001"]
    );
    let ongoing = CaseFilter {
        status: Some(Status::Ongoing),
        ..CaseFilter::default()
    };
    assert_eq!(ids(&select(&reg, &ongoing)), ["TR-001", "HW-001"]);
    let text = CaseFilter {
        text: Some("環狀線北環".into()),
        ..CaseFilter::default()
    };
    assert_eq!(ids(&select(&reg, &text)), ["TR-001"]);
    let partner = CaseFilter {
        partner: Some("新北市".into()),
        ..CaseFilter::default()
    };
    assert!(partner.matches(&reg.cases[case_index(&reg, "TR-001")].value));
}

#[test]
fn overdue_lists_milestones_past_due_and_cases_behind() {
    let reg = Reg::standard().case(TR001_LATE).build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let tr = reg.platform.value.group_index("交通組").expect("a group");
    let late = crate::follow::overdue_on(&reg, &idx, &tl, d("2025-04-01"), &[tr], true);
    assert_eq!(late.len(), 2);
    assert!(matches!(
        late.groups[0].1[..],
        [
            crate::follow::Late::Milestone { .. },
            crate::follow::Late::Behind {
                planned: 50.0,
                actual: 20.0,
                ..
            }
        ]
    ));
    let early = crate::follow::overdue_on(&reg, &idx, &tl, d("2025-02-01"), &[tr], true);
    assert_eq!(early.len(), 1, "{early:?}");
}

#[test]
fn a_planned_date_in_a_progress_text_is_suggested() {
    let reg = Reg::standard().case(TR001_LATE).build();
    let c = case_index(&reg, "TR-001");
    let s = crate::suggest::suggestions(&reg, c);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].due, s[0].done), (d("2025-06-30"), None));
    assert_eq!(s[0].text, "預計 114 年 6 月完工");
    let m = crate::suggest::milestone(&s[0]);
    assert_eq!(
        m.source.as_deref(),
        Some("辦理情形（資料時間：114 年 1 月 31 日）")
    );
}

#[test]
fn a_diff_lists_the_changes_between_two_dates() {
    let reg = Reg::standard().build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let from = (d("2024-01-01"), "2024-01-01".to_string());
    let to = (d("2024-12-31"), "2024-12-31".to_string());
    let diff = crate::diff::diff(&reg, &idx, &tl, from, to, &[0, 1]);
    assert_eq!((diff.from.ongoing, diff.to.ongoing), (0, 2));
    let name = |c: &usize| reg.cases[*c].value.id.value.to_string();
    let tr: Vec<Vec<String>> = diff.groups[0]
        .1
        .iter()
        .map(|l| l.iter().map(name).collect())
        .collect();
    assert_eq!(tr[0], ["TR-001", "TR-002"]);
    assert_eq!(tr[1], ["TR-002"]);
}

#[test]
fn cutoffs_follow_the_calendar() {
    use crate::follow::cutoff;
    assert_eq!(cutoff(d("2025-12-31"), 6), Some(d("2025-06-30")));
    assert_eq!(cutoff(d("2024-08-31"), 6), Some(d("2024-02-29")));
    assert_eq!(cutoff(d("2025-12-31"), 0), Some(d("2025-12-31")));
    assert_eq!(cutoff(d("2025-12-31"), u32::MAX), None);
}

#[test]
fn a_case_without_recent_progress_is_stale() {
    let reg = Reg::standard().case(TR001_LATE).build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let s = crate::follow::stale(&reg, &idx, &tl, d("2025-12-31"), 6, &[0, 1]);
    assert_eq!((s.checked, s.stale(), s.unconfirmed()), (2, 2, 0));
    let s = crate::follow::stale(&reg, &idx, &tl, d("2025-03-31"), 6, &[0, 1]);
    assert_eq!(s.stale(), 1, "HW-001 has no progress: {s:?}");
}
