//! Follow-up (管考), in GPMnet's manner of management by exception: milestones and planned against
//! actual progress give each case a light, and the chair's instructions stay open until a later
//! meeting closes them. Pure: everything here reads a loaded register.

use crate::model::{Case, Date, Milestone, Register};

/// The default for "behind": actual progress lags the planned by more than this many percentage
/// points. A platform sets its own in `platform.yaml` (`follow_up: { behind: 5 }`).
pub const DEFAULT_BEHIND: f64 = 10.0;

/// A case's light on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// A milestone is past due and not met.
    Overdue,
    /// Actual progress lags the planned by more than the threshold.
    Behind,
    /// Milestones or planned progress, and nothing late.
    OnSchedule,
    /// Neither milestones nor planned progress: nothing to judge by.
    NoSchedule,
}

impl Light {
    /// Every light, worst first.
    pub const ALL: [Light; 4] = [
        Light::Overdue,
        Light::Behind,
        Light::OnSchedule,
        Light::NoSchedule,
    ];
    /// The machine name: `overdue`, `behind`, `on-schedule`, `no-schedule`.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Overdue => "overdue",
            Light::Behind => "behind",
            Light::OnSchedule => "on-schedule",
            Light::NoSchedule => "no-schedule",
        }
    }
    /// The name in Traditional Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Light::Overdue => "逾期",
            Light::Behind => "落後",
            Light::OnSchedule => "正常",
            Light::NoSchedule => "未設定",
        }
    }
    /// A mark for terminals and documents: ● red, ● yellow, ● green, ○.
    pub fn mark(self) -> &'static str {
        match self {
            Light::Overdue => "🔴",
            Light::Behind => "🟡",
            Light::OnSchedule => "🟢",
            Light::NoSchedule => "⚪",
        }
    }
}

/// How far actual progress lags the planned in the latest entry on or before `date` that gives
/// both: (as of, planned, actual).
pub fn lag(c: &Case, date: Date) -> Option<(Date, f64, f64)> {
    c.progress
        .iter()
        .filter(|p| p.as_of.value <= date)
        .filter_map(|p| Some((p.as_of.value, p.planned?.value.0, p.actual?.value.0)))
        .max_by_key(|(d, _, _)| *d)
}

/// The milestones of a case that are past due and not met on `date`.
pub fn overdue(c: &Case, date: Date) -> Vec<&Milestone> {
    c.milestones
        .iter()
        .map(|m| &m.value)
        .filter(|m| m.overdue_on(date))
        .collect()
}

/// A case's light on `date`, with `behind` the threshold in percentage points.
pub fn light(c: &Case, date: Date, behind: f64) -> Light {
    if !overdue(c, date).is_empty() {
        return Light::Overdue;
    }
    match lag(c, date) {
        Some((_, planned, actual)) if planned - actual > behind => Light::Behind,
        Some(_) => Light::OnSchedule,
        None if !c.milestones.is_empty() => Light::OnSchedule,
        None => Light::NoSchedule,
    }
}

/// The platform's threshold for "behind".
pub fn behind_threshold(reg: &Register) -> f64 {
    reg.platform
        .value
        .follow_up
        .as_ref()
        .and_then(|f| f.value.behind)
        .map_or(DEFAULT_BEHIND, |b| b.value.0)
}

/// One instruction of one meeting, and the meeting that closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstructionRef {
    /// Index into `register.meetings`.
    pub meeting: usize,
    /// Index into that meeting's `instructions`.
    pub index: usize,
    /// The meeting that closes it, if any.
    pub closed_by: Option<usize>,
}

impl InstructionRef {
    /// Open at the end of `date` (`None`: now): given on or before it and not closed by then.
    pub fn open_on(&self, reg: &Register, date: Option<Date>) -> bool {
        let given = reg.meetings[self.meeting].value.date();
        let given_by = date.is_none_or(|d| given.is_none_or(|g| g <= d));
        let closed = self.closed_by.is_some_and(|m| {
            date.is_none_or(|d| reg.meetings[m].value.date().is_none_or(|c| c <= d))
        });
        given_by && !closed
    }
}

/// Every instruction of the register, in meeting order (by date), each with the meeting that
/// closes it (the first, by date, that names it in `close`).
pub fn instructions(reg: &Register, by_date: &[usize]) -> Vec<InstructionRef> {
    let mut out = Vec::new();
    for &m in by_date {
        for index in 0..reg.meetings[m].value.instructions.len() {
            let id = &reg.meetings[m].value.instructions[index].value.id.value;
            let closed_by = by_date
                .iter()
                .copied()
                .find(|&k| k != m && reg.meetings[k].value.close.iter().any(|c| &c.value == id));
            out.push(InstructionRef {
                meeting: m,
                index,
                closed_by,
            });
        }
    }
    out
}

/// Something late on a date, for `kbbt check overdue`.
#[derive(Debug, Clone, PartialEq)]
pub enum Late<'a> {
    /// A milestone of case `case` past due and not met.
    Milestone {
        /// Index into `register.cases`.
        case: usize,
        /// The milestone.
        milestone: &'a Milestone,
    },
    /// Case `case` behind its plan by more than the threshold.
    Behind {
        /// Index into `register.cases`.
        case: usize,
        /// The progress entry's date.
        as_of: Date,
        /// Planned progress, in percent.
        planned: f64,
        /// Actual progress, in percent.
        actual: f64,
    },
}

/// What is overdue or behind on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Overdue<'a> {
    /// Per group (in the order asked for), the late items of its ongoing cases, by case id; groups
    /// with none are left out.
    pub groups: Vec<(usize, Vec<Late<'a>>)>,
    /// Open instructions past due.
    pub instructions: Vec<InstructionRef>,
    /// The threshold for "behind", in percentage points.
    pub behind: f64,
}

impl Overdue<'_> {
    /// How many items are late, instructions included.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|(_, v)| v.len()).sum::<usize>() + self.instructions.len()
    }
    /// Whether nothing is late.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The late items of the cases of group `g` ongoing on `date`, by case id.
fn late_in_group<'a>(
    reg: &'a Register,
    idx: &crate::index::Index,
    tl: &crate::tally::Timelines,
    g: usize,
    date: Date,
    behind: f64,
) -> Vec<Late<'a>> {
    let mut cases: Vec<usize> = (0..reg.cases.len())
        .filter(|c| idx.case_group[*c] == Some(g))
        .filter(|c| tl.status_at(*c, date) == Some(crate::model::Status::Ongoing))
        .collect();
    cases.sort_by_key(|c| crate::model::names::id_key(&reg.cases[*c].value.id.value));
    let mut out = Vec::new();
    for case in cases {
        let c = &reg.cases[case].value;
        out.extend(
            overdue(c, date)
                .into_iter()
                .map(|milestone| Late::Milestone { case, milestone }),
        );
        if let Some((as_of, planned, actual)) = lag(c, date)
            && planned - actual > behind
        {
            out.push(Late::Behind {
                case,
                as_of,
                planned,
                actual,
            });
        }
    }
    out
}

/// What is late on `date` in `groups`: milestones past due, cases behind, and open instructions
/// past due (with `only_groups`, those to one of `groups`; else all of them).
pub fn overdue_on<'a>(
    reg: &'a Register,
    idx: &crate::index::Index,
    tl: &crate::tally::Timelines,
    date: Date,
    groups: &[usize],
    only_groups: bool,
) -> Overdue<'a> {
    let behind = behind_threshold(reg);
    let p = &reg.platform.value;
    let late = groups
        .iter()
        .map(|&g| (g, late_in_group(reg, idx, tl, g, date, behind)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let instructions = instructions(reg, &idx.meetings_by_date)
        .into_iter()
        .filter(|r| {
            let i = &reg.meetings[r.meeting].value.instructions[r.index].value;
            let past_due = i.due.as_ref().is_some_and(|d| d.value < date);
            let to_group = i.to.as_ref().and_then(|t| p.group_index(&t.value));
            past_due
                && r.open_on(reg, Some(date))
                && (!only_groups || to_group.is_some_and(|g| groups.contains(&g)))
        })
        .collect();
    Overdue {
        groups: late,
        instructions,
        behind,
    }
}

/// The cut-off for stale progress: `date` minus `months` (`None` when that is before the calendar's
/// start).
pub fn cutoff(date: Date, months: u32) -> Option<Date> {
    date.0
        .checked_sub_months(chrono::Months::new(months))
        .map(Date)
}

/// A stale case: ongoing, and its latest progress older than the cut-off, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleCase {
    /// Index into `register.cases`.
    pub case: usize,
    /// Its latest progress on or before the date, if any.
    pub latest: Option<Date>,
    /// Left out by a complete listing (ongoing by decisions only).
    pub unconfirmed: bool,
}

/// The stale cases on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The cut-off ([`cutoff`]).
    pub cut: Option<Date>,
    /// How many ongoing cases were checked.
    pub checked: usize,
    /// Per group (in the order asked for), its stale cases by id; groups with none are left out.
    pub groups: Vec<(usize, Vec<StaleCase>)>,
}

impl Stale {
    /// How many cases are stale.
    pub fn stale(&self) -> usize {
        self.groups.iter().map(|(_, v)| v.len()).sum()
    }
    /// How many stale cases are unconfirmed.
    pub fn unconfirmed(&self) -> usize {
        self.groups
            .iter()
            .flat_map(|(_, v)| v)
            .filter(|s| s.unconfirmed)
            .count()
    }
}

/// The ongoing cases of `groups` (not sub-cases, which report under their parent) whose latest
/// progress on or before `date` is before `date` minus `months`, or who have none.
pub fn stale(
    reg: &Register,
    idx: &crate::index::Index,
    tl: &crate::tally::Timelines,
    date: Date,
    months: u32,
    groups: &[usize],
) -> Stale {
    let cut = cutoff(date, months);
    let mut out = Stale {
        cut,
        checked: 0,
        groups: Vec::new(),
    };
    for &g in groups {
        let mut cases: Vec<usize> = (0..reg.cases.len())
            .filter(|c| idx.case_group[*c] == Some(g) && reg.cases[*c].value.parent.is_none())
            // Ongoing by recorded decisions: a case a complete listing leaves out (unconfirmed) is
            // checked too, and marked, since it needs following up all the more.
            .filter(|c| tl.status_at(*c, date) == Some(crate::model::Status::Ongoing))
            .collect();
        cases.sort_by_key(|c| crate::model::names::id_key(&reg.cases[*c].value.id.value));
        out.checked += cases.len();
        let found: Vec<StaleCase> = cases
            .into_iter()
            .filter_map(|case| {
                let latest = reg.cases[case]
                    .value
                    .latest_progress(Some(date))
                    .map(|pr| pr.as_of.value);
                let old = match (latest, cut) {
                    (None, _) => true,
                    (Some(d), Some(cut)) => d < cut,
                    (Some(_), None) => false,
                };
                old.then(|| StaleCase {
                    case,
                    latest,
                    unconfirmed: tl.unconfirmed_at(case, Some(date)).is_some(),
                })
            })
            .collect();
        if !found.is_empty() {
            out.groups.push((g, found));
        }
    }
    out
}
