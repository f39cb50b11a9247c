//! `kbbt check stale`: ongoing cases whose latest progress is older than N months.
//!
//! As of a date (default: today), a case ongoing on that date is stale when its latest progress on
//! or before the date is dated before the date minus N months, or when it has no progress at all.
//! Sub-cases report under their parent and are not checked on their own. Exit 1 when any case is
//! stale, 0 when none is.

use super::{Env, Outcome};
use crate::cli::StaleArgs;
use kbbt::exit::Exit;
use kbbt::index::Index;
use kbbt::tally::Timelines;

pub fn run(env: &Env, args: &StaleArgs) -> Outcome {
    let (months, as_of, group) = (args.months, args.as_of.as_deref(), args.group.as_deref());
    let (reg, date, groups) = match super::report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let stale = kbbt::follow::stale(&reg, &idx, &tl, date, months, &groups);
    let out = kbbt::render::follow::stale(&reg, &stale, date, months, env.style);
    Outcome {
        stdout: out,
        code: if stale.stale() == 0 {
            Exit::Success
        } else {
            Exit::Problems
        },
        ..Outcome::default()
    }
}
