//! Every check `validate` runs, as small pure functions over a loaded register.
//!
//! Each rule appends findings; none stops at the first problem. [`RULES`] is the one registry.

mod counts;
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
pub struct Ctx<'a> {
    /// The register checked.
    pub reg: &'a Register,
    /// Its lookups.
    pub idx: &'a Index,
    /// Its cases' timelines.
    pub tl: &'a Timelines,
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
    let ctx = Ctx {
        reg,
        idx: &idx,
        tl: &tl,
    };
    let mut out = Vec::new();
    for (name, rule) in RULES {
        if !skip.contains(name) {
            rule(&ctx, &mut out);
        }
    }
    out
}

/// The errors `after` has that `before` has not (compared by rule, file and message), leaving out the
/// rules named in `skip`: how a command that writes proves it never writes what `validate` rejects.
pub fn new_errors(before: &Register, after: &Register, skip: &[&str]) -> Vec<Finding> {
    let old: std::collections::HashSet<(&str, std::path::PathBuf, crate::msg::Msg)> =
        errors_except(before, skip)
            .into_iter()
            .map(|f| (f.code, f.file, f.message))
            .collect();
    errors_except(after, skip)
        .into_iter()
        .filter(|f| !old.contains(&(f.code, f.file.clone(), f.message.clone())))
        .collect()
}

/// The error findings of every rule but those named in `skip`.
pub fn errors_except(reg: &Register, skip: &[&str]) -> Vec<Finding> {
    let mut out = run_except(reg, skip);
    out.retain(Finding::is_error);
    out
}
