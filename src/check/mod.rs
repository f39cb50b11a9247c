//! Every check `validate` runs, as small pure functions over a loaded register.
//!
//! Each rule appends findings; none stops at the first problem. [`RULES`] is the one registry.

pub(crate) mod counts;
mod fields;
mod follow;
mod history;

use crate::finding::Finding;
use crate::index::Index;
use crate::model::Register;
use crate::tally::Timelines;

pub use counts::{
    Mismatch, StatementCheck, Unchecked, Verdict, count_mismatches, list_cases as counts_list,
    statement_checks, unchecked,
};

/// What the rules look at.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The register checked.
    pub reg: &'a Register,
    /// Its lookups.
    pub idx: &'a Index,
    /// Its cases' timelines.
    pub tl: &'a Timelines,
}

impl<'a> Ctx<'a> {
    /// A register and its lookups.
    pub fn new(reg: &'a Register, idx: &'a Index, tl: &'a Timelines) -> Self {
        Ctx { reg, idx, tl }
    }
}

type Rule = fn(&Ctx, &mut Vec<Finding>);

/// Every rule, in the order their findings are produced (output is sorted by file afterwards).
pub const RULES: &[(&str, Rule)] = &[
    ("platform", fields::platform),
    ("case-fields", fields::cases),
    ("unique-ids", fields::unique_ids),
    ("unique-titles", fields::unique_titles),
    ("case-links", fields::links),
    ("meeting-fields", fields::meetings),
    ("status-history", history::status_agrees),
    ("history-entries", history::entries),
    ("meetings-applied", history::meetings_applied),
    ("stated-counts", counts::stated_counts),
    ("unconfirmed", history::unconfirmed),
    ("instructions", follow::instructions),
    ("milestones", follow::milestones),
];

/// Run every rule.
pub fn run(reg: &Register) -> Vec<Finding> {
    run_except(reg, &[])
}

/// Run every rule but those named in `skip`.
fn run_except(reg: &Register, skip: &[&str]) -> Vec<Finding> {
    let idx = Index::new(reg);
    let tl = Timelines::new(reg, &idx);
    run_in(reg, &idx, &tl, skip)
}

/// The rule that replays every meeting: about two thirds of all the rules' work on a large register.
/// Its meetings are a queue both cores share: a second thread starts on them while this one runs the
/// other rules, then this one helps with the meetings left.
const HEAVY_RULE: &str = "meetings-applied";

/// Run every rule but those named in `skip`, with the register's lookups already built. The findings
/// come in the order of [`RULES`] however the rules are spread over the cores.
pub fn run_in(reg: &Register, idx: &Index, tl: &Timelines, skip: &[&str]) -> Vec<Finding> {
    let ctx = Ctx { reg, idx, tl };
    let run = |rules: &[(&str, Rule)]| {
        let mut v = Vec::new();
        for (name, rule) in rules {
            if !skip.contains(name) {
                rule(&ctx, &mut v);
            }
        }
        v
    };
    let parallel =
        reg.cases.len() >= 1000 && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let heavy = RULES.iter().position(|(n, _)| *n == HEAVY_RULE);
    let Some(at) = heavy.filter(|_| parallel && !skip.contains(&HEAVY_RULE)) else {
        return run(RULES);
    };
    let (before, after) = (&RULES[..at], &RULES[at + 1..]);
    let replay = history::Replay::new(&ctx);
    let (mut out, after_out) = std::thread::scope(|s| {
        let helper = s.spawn(|| replay.work());
        let b = run(before);
        let a = run(after);
        replay.work();
        crate::joined(helper);
        (b, a)
    });
    out.extend(replay.findings());
    out.extend(after_out);
    out
}

/// The error findings of every rule but those named in `skip`, with the register's lookups already
/// built (a command that needs them too builds them once).
pub fn errors_in(reg: &Register, idx: &Index, tl: &Timelines, skip: &[&str]) -> Vec<Finding> {
    let mut out = run_in(reg, idx, tl, skip);
    out.retain(Finding::is_error);
    out
}

/// The errors `after` has that `before` has not (compared by rule, file and message), leaving out the
/// rules named in `skip`: how a command that writes proves it never writes what `validate` rejects.
pub fn new_errors(before: &Register, after: &Register, skip: &[&str]) -> Vec<Finding> {
    let (idx, idx2) = (Index::new(before), Index::new(after));
    let (tl, tl2) = (Timelines::new(before, &idx), Timelines::new(after, &idx2));
    new_errors_in(
        Ctx::new(before, &idx, &tl),
        Ctx::new(after, &idx2, &tl2),
        skip,
    )
}

/// As [`new_errors`], with the lookups of both registers already built (a command that needs them too
/// builds them once). The rules run on both registers at the same time.
pub fn new_errors_in(before: Ctx, after: Ctx, skip: &[&str]) -> Vec<Finding> {
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| errors_in(before.reg, before.idx, before.tl, skip));
        let new = errors_in(after.reg, after.idx, after.tl, skip);
        (crate::joined(old), new)
    });
    let old: std::collections::HashSet<(&str, std::path::PathBuf, crate::msg::Msg)> = old
        .into_iter()
        .map(|f| (f.code, f.file, f.message))
        .collect();
    new.into_iter()
        .filter(|f| !old.contains(&(f.code, f.file.clone(), f.message.clone())))
        .collect()
}

/// The error findings of every rule but those named in `skip`.
pub fn errors_except(reg: &Register, skip: &[&str]) -> Vec<Finding> {
    let mut out = run_except(reg, skip);
    out.retain(Finding::is_error);
    out
}
