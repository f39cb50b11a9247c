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
    pub reg: &'a Register,
    pub idx: &'a Index,
    pub tl: &'a Timelines,
}

type Rule = fn(&Ctx, &mut Vec<Finding>);

/// Every rule, in the order their findings are produced (output is sorted by file afterwards).
pub const RULES: &[(&str, Rule)] = &[
    ("platform", fields::platform),
    ("case-fields", fields::cases),
    ("unique-ids", fields::unique_ids),
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
    let idx = Index::new(reg);
    let tl = Timelines::new(reg, &idx);
    let ctx = Ctx {
        reg,
        idx: &idx,
        tl: &tl,
    };
    let mut out = Vec::new();
    for (_, rule) in RULES {
        rule(&ctx, &mut out);
    }
    out
}
