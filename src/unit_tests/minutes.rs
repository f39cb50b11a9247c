//! The decision section of a meeting's minutes, built from a register.

use super::Reg;
use crate::index::Index;

#[test]
fn the_decision_section_counts_from_the_register() {
    let reg = Reg::standard().build();
    let idx = Index::new(&reg);
    let m = idx.meeting_by_id["vm-2"];
    let groups = crate::decisions::by_group(&reg, &reg.meetings[m].value).expect("known groups");
    assert_eq!(groups.len(), 1);
    let minutes =
        crate::decisions::build(&reg, &idx, m, &groups, crate::decisions::Options::default());
    assert_eq!(minutes.totals, Some((Some(1), Some(0), Some(2))));
    let text = crate::render::minutes::render(&minutes);
    assert!(text.contains("同意解列 1 案"), "{text}");
}
