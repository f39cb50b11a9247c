//! The progress report's content, built from a register.

use super::Reg;
use crate::index::Index;
use crate::model::parse_date;
use crate::tally::Timelines;

#[test]
fn the_report_counts_and_lists_the_ongoing_cases() {
    let reg = Reg::standard().build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let date = parse_date("2025-01-01").expect("a date");
    let r = crate::report::build(&reg, &idx, &tl, date, &[0, 1]);
    let rows: Vec<(&str, usize, usize)> = r
        .summary
        .iter()
        .map(|s| (s.group.as_str(), s.ongoing, s.ever))
        .collect();
    assert_eq!(rows, [("交通組", 1, 2), ("衛生社福組", 1, 1)]);
    let total = r.total.expect("a total for two groups");
    assert_eq!((total.ongoing, total.delisted), (2, Some(1)));
    assert_eq!(r.groups[0].rows[0].id, "TR-001");
    assert_eq!(r.groups[0].rows[0].marker, None, "vm-2 added nothing");
    assert_eq!(r.history.len(), 2);
    let one = crate::report::build(&reg, &idx, &tl, date, &[1]);
    assert_eq!((one.total, one.groups.len()), (None, 1));
}

#[test]
fn progress_forms_ask_about_the_ongoing_cases() {
    use crate::render::forms::{FormsBy, forms};
    let reg = Reg::standard().build();
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let date = parse_date("2025-01-01").expect("a date");
    let by_group = forms(&reg, &idx, &tl, date, FormsBy::Group).expect("forms");
    let files: Vec<(&str, usize)> = by_group
        .iter()
        .map(|f| (f.file.as_str(), f.cases))
        .collect();
    assert_eq!(files, [("交通組.xlsx", 1), ("衛生社福組.xlsx", 1)]);
    assert_eq!(by_group[0].sheets[0].rows[0].len(), 7);
    let before = parse_date("2020-01-01").expect("a date");
    assert!(forms(&reg, &idx, &tl, before, FormsBy::Group).is_err());
}
