//! Counting, by the platform's rules (SPEC "Counting rules"). Pure.
//!
//! For a meeting M and a group G: add = cases added to G at M; delist = cases delisted from G at M;
//! ongoing = cases of G ongoing just before M and still ongoing just after it. Sub-cases count under
//! their parent, not in the group's numbers; replaced and merged cases are neither delisted nor ongoing.

use crate::index::Index;
use crate::model::Register;
use crate::model::{Action, Date, Known, Status};

/// One history entry reduced to what counting needs.
#[derive(Debug, Clone, Copy)]
struct Event {
    /// Days since CE; `i32::MIN` for "before the first recorded meeting".
    key: i32,
    meeting: Option<usize>,
    action: Action,
}

/// A list of short lists, one per case, kept in one allocation: row `i` is `items[ends[i-1]..ends[i]]`.
#[derive(Debug, Clone)]
struct Rows<T> {
    items: Vec<T>,
    ends: Vec<usize>,
}

impl<T> Rows<T> {
    fn with_capacity(rows: usize) -> Self {
        Rows {
            items: Vec::new(),
            ends: Vec::with_capacity(rows),
        }
    }

    /// Add the next row.
    fn push(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.ends.push(self.items.len());
    }

    /// No spare room after the last row.
    fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
    }

    /// How many rows there are.
    fn len(&self) -> usize {
        self.ends.len()
    }
}

impl<T> std::ops::Index<usize> for Rows<T> {
    type Output = [T];
    fn index(&self, i: usize) -> &[T] {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.items[start..self.ends[i]]
    }
}

/// Every case's history as events, built once.
#[derive(Debug, Clone)]
pub struct Timelines {
    events: Rows<Event>,
    /// Whether the case is a top-level case (no parent): only those count in a group's numbers.
    top: Vec<bool>,
    /// The complete listings (platform.yaml `listings`): (day key, index), by date.
    listings: Vec<(i32, usize)>,
    /// For each case, the listings (indices into `listings`) that name it.
    listed: Rows<usize>,
}

fn fold(events: impl Iterator<Item = Action>) -> Option<Status> {
    let mut st = None;
    for a in events {
        if let Some(s) = a.status_after() {
            st = Some(s);
        }
    }
    st
}

/// The day key events of a meeting get; a meeting without a date comes before every day.
fn meeting_key(d: Option<Date>) -> i32 {
    d.map_or(i32::MIN, Date::key)
}

impl Timelines {
    /// Build every case's timeline from its history, resolving meetings through `idx`.
    pub fn new(reg: &Register, idx: &Index) -> Timelines {
        let mut events = Rows::with_capacity(reg.cases.len());
        let mut top = Vec::with_capacity(reg.cases.len());
        for c in &reg.cases {
            let c = &c.value;
            top.push(c.parent.is_none());
            events.push(c.history.iter().map(|e| {
                let meeting = e
                    .meeting
                    .as_ref()
                    .and_then(|m| idx.meeting_by_id.get(m.value.as_str()).copied());
                let date = e
                    .date
                    .as_ref()
                    .or(e.not_after.as_ref())
                    .map(|d| d.value)
                    .or_else(|| meeting.and_then(|m| reg.meetings[m].value.date()));
                Event {
                    key: meeting_key(date),
                    meeting,
                    action: e.action.value,
                }
            }));
        }
        let mut listings: Vec<(i32, usize)> = reg
            .platform
            .value
            .listings
            .iter()
            .enumerate()
            .map(|(i, l)| (l.value.date.value.key(), i))
            .collect();
        listings.sort_unstable();
        let named = |c: &crate::model::Case, li: usize| {
            c.listed_on(reg.platform.value.listings[listings[li].1].value.date.value)
        };
        // A sub-case reports under its parent: a listing that names the parent names it too.
        let mut listed = Rows::with_capacity(reg.cases.len());
        for c in &reg.cases {
            let parent = c
                .value
                .parent
                .as_ref()
                .and_then(|p| idx.case(&p.value))
                .map(|p| &reg.cases[p].value);
            listed.push(
                (0..listings.len())
                    .filter(|&li| named(&c.value, li) || parent.is_some_and(|p| named(p, li))),
            );
        }
        events.shrink_to_fit();
        listed.shrink_to_fit();
        Timelines {
            events,
            top,
            listings,
            listed,
        }
    }

    /// The complete listing (index into platform.yaml's `listings`) that leaves `case`
    /// unconfirmed just after day `key` (events of `meeting` left out), if any: the latest listing
    /// on or before that day does not name the case, and no event of the case after that listing
    /// resolves it. Only meaningful for a case that is ongoing by its decisions.
    fn unconfirmed_by(&self, case: usize, key: i32, meeting: Option<usize>) -> Option<usize> {
        let li = self.listings.partition_point(|(k, _)| *k <= key);
        let (lk, l) = *self.listings.get(li.checked_sub(1)?)?;
        if self.listed[case].contains(&(li - 1)) {
            return None;
        }
        let resolved = self.events[case]
            .iter()
            .any(|e| e.key > lk && e.key <= key && (meeting.is_none() || e.meeting != meeting));
        (!resolved).then_some(l)
    }

    /// Whether a case is ongoing at the end of `date` and no complete listing leaves it
    /// unconfirmed.
    pub fn ongoing_at(&self, case: usize, date: Date) -> bool {
        self.status_at(case, date) == Some(Status::Ongoing)
            && self.unconfirmed_by(case, date.key(), None).is_none()
    }

    /// The complete listing that leaves a case unconfirmed at the end of `date` (`None`: it is
    /// not ongoing, or it is confirmed).
    pub fn unconfirmed_at(&self, case: usize, date: Option<Date>) -> Option<usize> {
        let key = date.map_or(i32::MAX, Date::key);
        let st = fold(
            self.events[case]
                .iter()
                .filter(|e| e.key <= key)
                .map(|e| e.action),
        );
        if st != Some(Status::Ongoing) {
            return None;
        }
        self.unconfirmed_by(case, key, None)
    }

    /// A case's status at the end of `date` (`None`: not yet known to the register).
    pub fn status_at(&self, case: usize, date: Date) -> Option<Status> {
        let k = date.key();
        fold(
            self.events[case]
                .iter()
                .filter(|e| e.key <= k)
                .map(|e| e.action),
        )
    }

    /// A case's status just before and just after meeting `m` (held on `key`).
    pub fn around(&self, case: usize, m: usize, key: i32) -> (Option<Status>, Option<Status>) {
        let ev = &self.events[case];
        // A `seen` entry observes a state rather than deciding one: on the meeting's own day it
        // describes the case as the meeting found it, so it counts as before the meeting.
        let before = |e: &&Event| {
            e.meeting != Some(m) && (e.key < key || (e.key == key && e.action == Action::Seen))
        };
        let b = fold(ev.iter().filter(before).map(|e| e.action));
        let a = fold(
            ev.iter()
                .filter(|e| before(e) || e.meeting == Some(m))
                .map(|e| e.action),
        );
        // A case a complete listing left out before the meeting is not known to be ongoing; the
        // meeting's own decision about it resolves that.
        if b == Some(Status::Ongoing) && self.unconfirmed_by(case, key, Some(m)).is_some() {
            let decided = ev.iter().any(|e| e.meeting == Some(m));
            return (None, if decided { a } else { None });
        }
        (b, a)
    }

    fn actions_at(&self, case: usize, m: usize) -> impl Iterator<Item = Action> + '_ {
        self.events[case]
            .iter()
            .filter(move |e| e.meeting == Some(m))
            .map(|e| e.action)
    }
}

/// The cases behind one group's numbers at one meeting (indices into `register.cases`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupTally {
    /// Cases added (同意新增), including those that replace another.
    pub add: Vec<usize>,
    /// Cases delisted (同意解列).
    pub delist: Vec<usize>,
    /// Cases ongoing just before the meeting and still ongoing just after it.
    pub ongoing: Vec<usize>,
    /// Cases relisted.
    pub relist: Vec<usize>,
    /// Cases replaced by others.
    pub replaced: Vec<usize>,
    /// Cases merged into another.
    pub merged: Vec<usize>,
    /// Cases proposed, not tracked.
    pub proposed: Vec<usize>,
    /// Sub-cases (子案) added at the meeting; they count here only.
    pub subcases: Vec<usize>,
    /// Cases renamed.
    pub renamed: Vec<usize>,
}

impl GroupTally {
    /// No case at all behind any of the group's numbers.
    pub fn is_empty(&self) -> bool {
        *self == GroupTally::default()
    }
    /// The cases behind the count named `field` (`add`, `delist`, `ongoing`, `relist`,
    /// `replaced`, `merged`, `proposed`, `subcases`, `renamed`).
    pub fn list(&self, field: &str) -> &[usize] {
        match field {
            "add" => &self.add,
            "delist" => &self.delist,
            "ongoing" => &self.ongoing,
            "relist" => &self.relist,
            "replaced" => &self.replaced,
            "merged" => &self.merged,
            "proposed" => &self.proposed,
            "subcases" => &self.subcases,
            "renamed" => &self.renamed,
            _ => &[],
        }
    }
}

/// A meeting's tallies: one per platform group, in the platform's order.
#[derive(Debug, Clone)]
pub struct MeetingTally {
    /// The meeting (index into `register.meetings`).
    pub meeting: usize,
    /// One tally per platform group, in the platform's order.
    pub groups: Vec<GroupTally>,
    /// Which counts the register knows: a meeting file that records only some kinds of decision
    /// leaves the others unknown, and they are never printed as numbers.
    pub known: Known,
}

impl MeetingTally {
    /// The sum over every group of the count `f` takes from each, whether known or not.
    pub fn total(&self, f: impl Fn(&GroupTally) -> usize) -> usize {
        self.groups.iter().map(f).sum()
    }
    /// A group's count, or `None` when the register does not know it.
    pub fn count(&self, g: usize, field: &str) -> Option<usize> {
        self.known
            .field(field)
            .then(|| self.groups[g].list(field).len())
    }
    /// The sum of a count over `groups`, or `None` when it is unknown. `tracked` is the cases the
    /// meeting dealt with: ongoing before it (ongoing, delisted, replaced, merged) plus added.
    pub fn sum(&self, groups: &[usize], field: &str) -> Option<usize> {
        if !self.known.field(field) {
            return None;
        }
        let parts: &[&str] = if field == "tracked" {
            &["ongoing", "delist", "replaced", "merged", "add"]
        } else {
            std::slice::from_ref(&field)
        };
        Some(
            groups
                .iter()
                .map(|g| {
                    parts
                        .iter()
                        .map(|f| self.groups[*g].list(f).len())
                        .sum::<usize>()
                })
                .sum(),
        )
    }
    /// The sum of a count over every group.
    pub fn sum_all(&self, field: &str) -> Option<usize> {
        let all: Vec<usize> = (0..self.groups.len()).collect();
        self.sum(&all, field)
    }
}

/// Tally meeting `m` (index into `register.meetings`): the cases behind each group's numbers.
pub fn tally_meeting(reg: &Register, idx: &Index, tl: &Timelines, m: usize) -> MeetingTally {
    let key = meeting_key(reg.meetings[m].value.date());
    let mut groups = vec![GroupTally::default(); reg.platform.value.groups.len()];
    for (c, g) in idx.case_group.iter().enumerate() {
        let Some(g) = *g else { continue };
        let t = &mut groups[g];
        if !tl.top[c] {
            if tl.actions_at(c, m).any(|a| a == Action::Subcase) {
                t.subcases.push(c);
            }
            continue;
        }
        for a in tl.actions_at(c, m) {
            let list = match a {
                Action::Add => &mut t.add,
                Action::Delist => &mut t.delist,
                Action::Relist => &mut t.relist,
                Action::Replace => &mut t.replaced,
                Action::Merge => &mut t.merged,
                Action::Propose => &mut t.proposed,
                Action::Subcase => &mut t.subcases,
                Action::Rename => &mut t.renamed,
                Action::Seen | Action::Absorb => continue,
            };
            if !list.contains(&c) {
                list.push(c);
            }
        }
        if tl.around(c, m, key) == (Some(Status::Ongoing), Some(Status::Ongoing)) {
            t.ongoing.push(c);
        }
    }
    MeetingTally {
        meeting: m,
        groups,
        known: reg.meetings[m].value.known(),
    }
}

/// The all-time view of one group as of a date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AllTime {
    /// Top-level cases ever tracked (ongoing at some point) up to the date.
    pub ever: usize,
    /// Top-level cases ongoing on the date, less the unconfirmed ones.
    pub ongoing: usize,
    /// Top-level cases whose status on the date is delisted.
    pub delisted: usize,
    /// Top-level cases whose status on the date is replaced.
    pub replaced: usize,
    /// Top-level cases whose status on the date is merged.
    pub merged: usize,
    /// Top-level cases whose status on the date is proposed.
    pub proposed: usize,
    /// Sub-cases (子案) recorded by the date, whatever their status; counted apart.
    pub subcases: usize,
    /// Ongoing by recorded decisions, but left out of a complete listing since: not counted in
    /// `ongoing`.
    pub unconfirmed: usize,
}

impl AllTime {
    /// Add another group's numbers to these (for a total).
    pub fn add(&mut self, o: &AllTime) {
        self.ever += o.ever;
        self.ongoing += o.ongoing;
        self.unconfirmed += o.unconfirmed;
        self.delisted += o.delisted;
        self.replaced += o.replaced;
        self.merged += o.merged;
        self.proposed += o.proposed;
        self.subcases += o.subcases;
    }
}

/// Per group (platform order), the all-time view as of `date` (`None`: everything recorded).
pub fn all_time(reg: &Register, idx: &Index, tl: &Timelines, date: Option<Date>) -> Vec<AllTime> {
    let k = date.map_or(i32::MAX, Date::key);
    let mut out = vec![AllTime::default(); reg.platform.value.groups.len()];
    for (c, g) in idx.case_group.iter().enumerate() {
        let Some(g) = *g else { continue };
        let evs = tl.events[c].iter().filter(|e| e.key <= k);
        let st = fold(evs.clone().map(|e| e.action));
        let Some(st) = st else { continue };
        let t = &mut out[g];
        if !tl.top[c] {
            t.subcases += 1;
            continue;
        }
        if evs
            .clone()
            .any(|e| e.action.status_after() == Some(Status::Ongoing))
        {
            t.ever += 1;
        }
        match st {
            Status::Ongoing if tl.unconfirmed_by(c, k, None).is_some() => t.unconfirmed += 1,
            Status::Ongoing => t.ongoing += 1,
            Status::Delisted => t.delisted += 1,
            Status::Replaced => t.replaced += 1,
            Status::Merged => t.merged += 1,
            Status::Proposed => t.proposed += 1,
        }
    }
    out
}

/// The cases (top-level and sub-cases) left unconfirmed at the end of `date` (`None`: now), with
/// the listing (index into platform.yaml's `listings`) that leaves each out, in register order.
pub fn unconfirmed(tl: &Timelines, date: Option<Date>) -> Vec<(usize, usize)> {
    (0..tl.events.len())
        .filter_map(|c| tl.unconfirmed_at(c, date).map(|l| (c, l)))
        .collect()
}

/// The latest meeting (by date) that decides anything, on or before `date` when given.
pub fn latest_meeting(reg: &Register, idx: &Index, date: Option<Date>) -> Option<usize> {
    idx.meetings_by_date.iter().rev().copied().find(|m| {
        let mt = &reg.meetings[*m].value;
        mt.has_decisions() && date.is_none_or(|d| mt.date().is_some_and(|md| md <= d))
    })
}

#[cfg(test)]
mod tests {
    use super::Rows;

    #[test]
    fn rows_keep_each_list_apart_empty_ones_too() {
        let lists: Vec<Vec<u32>> = vec![vec![], vec![1, 2], vec![], vec![3], vec![]];
        let mut rows = Rows::with_capacity(lists.len());
        for l in &lists {
            rows.push(l.iter().copied());
        }
        rows.shrink_to_fit();
        assert_eq!(rows.len(), lists.len());
        for (i, l) in lists.iter().enumerate() {
            assert_eq!(&rows[i], l.as_slice());
        }
    }
}
