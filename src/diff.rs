//! What changed between two points in time, for `kbbt diff`: per group, the cases added, delisted,
//! merged, renamed and given progress after the first point up to and including the second. Pure.

use crate::index::Index;
use crate::model::names::id_key;
use crate::model::{Action, Date, Register};
use crate::tally::Timelines;

/// The kinds of change, in the order they are listed, and the history actions of each (progress is
/// a progress entry, not an action).
pub const KINDS: [(&str, &[Action]); 5] = [
    ("added", &[Action::Add, Action::Subcase, Action::Relist]),
    ("delisted", &[Action::Delist]),
    ("merged", &[Action::Merge, Action::Replace]),
    ("renamed", &[Action::Rename]),
    ("progress", &[]),
];

/// One end of a diff: its label (a meeting id or the date), its date, and how many cases (not
/// sub-cases) of the groups were ongoing then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The meeting id or date as given.
    pub label: String,
    /// The date.
    pub date: Date,
    /// Ongoing cases on the date.
    pub ongoing: usize,
}

/// The changes between two points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// After this point…
    pub from: Point,
    /// …up to and including this one.
    pub to: Point,
    /// Per group: for each of [`KINDS`], the cases (indices into `register.cases`), by id.
    pub groups: Vec<(usize, Vec<Vec<usize>>)>,
}

/// The date of a history entry: its date, its `not_after`, or its meeting's date.
fn entry_date(reg: &Register, idx: &Index, h: &crate::model::HistoryEntry) -> Option<Date> {
    h.date
        .as_ref()
        .or(h.not_after.as_ref())
        .map(|d| d.value)
        .or_else(|| {
            h.meeting
                .as_ref()
                .and_then(|m| idx.meeting_by_id.get(m.value.as_str()))
                .and_then(|m| reg.meetings[*m].value.date())
        })
}

/// The changes to the cases of group `g` after `a` up to and including `b`.
fn group_changes(reg: &Register, idx: &Index, g: usize, a: Date, b: Date) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); KINDS.len()];
    let within = |d: Date| d > a && d <= b;
    for c in (0..reg.cases.len()).filter(|c| idx.case_group[*c] == Some(g)) {
        let case = &reg.cases[c].value;
        for h in &case.history {
            if entry_date(reg, idx, h).is_some_and(within) {
                for (k, (_, acts)) in KINDS.iter().enumerate() {
                    if acts.contains(&h.action.value) && !lists[k].contains(&c) {
                        lists[k].push(c);
                    }
                }
            }
        }
        if case.progress.iter().any(|pr| within(pr.as_of.value)) {
            lists[4].push(c);
        }
    }
    for l in &mut lists {
        l.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
    }
    lists
}

/// What changed in `groups` after `from` up to and including `to` (each a label and a date).
pub fn diff(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    from: (Date, String),
    to: (Date, String),
    groups: &[usize],
) -> Diff {
    let ongoing = |d: Date| {
        (0..reg.cases.len())
            .filter(|c| groups.iter().any(|g| idx.case_group[*c] == Some(*g)))
            .filter(|c| reg.cases[*c].value.parent.is_none() && tl.ongoing_at(*c, d))
            .count()
    };
    let point = |(date, label): (Date, String)| Point {
        label,
        date,
        ongoing: ongoing(date),
    };
    let (a, b) = (from.0, to.0);
    Diff {
        from: point(from),
        to: point(to),
        groups: groups
            .iter()
            .map(|&g| (g, group_changes(reg, idx, g, a, b)))
            .collect(),
    }
}
