//! Counting, by the platform's rules (SPEC "Counting rules"). Pure.
//!
//! For a meeting M and a group G: add = cases added to G at M; delist = cases delisted from G at M;
//! ongoing = cases of G ongoing just before M and still ongoing just after it. Sub-cases count under
//! their parent, not in the group's numbers; replaced and merged cases are neither delisted nor ongoing.

use crate::index::Index;
use crate::load::Register;
use crate::model::{Action, Date, Status};

/// One history entry reduced to what counting needs.
#[derive(Debug, Clone, Copy)]
struct Event {
    /// Days since CE; `i32::MIN` for "before the first recorded meeting".
    key: i32,
    meeting: Option<usize>,
    action: Action,
}

/// Every case's history as events, built once.
#[derive(Debug, Clone)]
pub struct Timelines {
    events: Vec<Vec<Event>>,
    /// Whether the case is a top-level case (no parent): only those count in a group's numbers.
    top: Vec<bool>,
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

pub fn meeting_key(d: Option<Date>) -> i32 {
    d.map_or(i32::MIN, Date::key)
}

impl Timelines {
    pub fn new(reg: &Register, idx: &Index) -> Timelines {
        let mut events = Vec::with_capacity(reg.cases.len());
        let mut top = Vec::with_capacity(reg.cases.len());
        for c in &reg.cases {
            let c = &c.value;
            top.push(c.parent.is_none());
            let ev = c
                .history
                .iter()
                .map(|e| {
                    let meeting = e
                        .meeting
                        .as_ref()
                        .and_then(|m| idx.meeting_by_id.get(&m.value).copied());
                    let date = e
                        .date
                        .as_ref()
                        .map(|d| d.value)
                        .or_else(|| meeting.and_then(|m| reg.meetings[m].value.date()));
                    Event {
                        key: meeting_key(date),
                        meeting,
                        action: e.action.value,
                    }
                })
                .collect();
            events.push(ev);
        }
        Timelines { events, top }
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
    pub add: Vec<usize>,
    pub delist: Vec<usize>,
    pub ongoing: Vec<usize>,
    pub relist: Vec<usize>,
    pub replaced: Vec<usize>,
    pub merged: Vec<usize>,
    pub proposed: Vec<usize>,
    pub subcases: Vec<usize>,
    pub renamed: Vec<usize>,
}

impl GroupTally {
    pub fn is_empty(&self) -> bool {
        *self == GroupTally::default()
    }
}

/// A meeting's tallies: one per platform group, in the platform's order.
#[derive(Debug, Clone)]
pub struct MeetingTally {
    pub meeting: usize,
    pub groups: Vec<GroupTally>,
}

impl MeetingTally {
    pub fn total(&self, f: impl Fn(&GroupTally) -> usize) -> usize {
        self.groups.iter().map(f).sum()
    }
}

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
    MeetingTally { meeting: m, groups }
}

/// The all-time view of one group as of a date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AllTime {
    /// Top-level cases ever tracked (ongoing at some point) up to the date.
    pub ever: usize,
    pub ongoing: usize,
    pub delisted: usize,
    pub replaced: usize,
    pub merged: usize,
    pub proposed: usize,
    pub subcases: usize,
}

impl AllTime {
    pub fn add(&mut self, o: &AllTime) {
        self.ever += o.ever;
        self.ongoing += o.ongoing;
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
            Status::Ongoing => t.ongoing += 1,
            Status::Delisted => t.delisted += 1,
            Status::Replaced => t.replaced += 1,
            Status::Merged => t.merged += 1,
            Status::Proposed => t.proposed += 1,
        }
    }
    out
}

/// The latest meeting (by date) that decides anything, on or before `date` when given.
pub fn latest_meeting(reg: &Register, idx: &Index, date: Option<Date>) -> Option<usize> {
    idx.meetings_by_date.iter().rev().copied().find(|m| {
        let mt = &reg.meetings[*m].value;
        mt.has_decisions() && date.is_none_or(|d| mt.date().is_some_and(|md| md <= d))
    })
}
