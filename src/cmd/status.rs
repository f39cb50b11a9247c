//! `kbbt status`: resolve the arguments against the register, build the view, render it.

use super::{Env, Outcome, load_clean_indexed, user_date, user_group};
use crate::cli::{By, StatusArgs, TableFormat};
use kbbt::catalog as m;
use kbbt::exit::Exit;
use kbbt::index::Index;
use kbbt::model::Register;
use kbbt::msg::{Msg, Said};
use kbbt::render::status::{self, Query, StatusView};
use kbbt::tally;

pub fn run(env: &Env, args: &StatusArgs, format: TableFormat) -> Outcome {
    let (reg, idx, tl) = match load_clean_indexed(env, kbbt::load::Texts::Lean) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let q = match query(&reg, &idx, args) {
        Ok(q) => q,
        Err(o) => return o,
    };
    let view = StatusView::build(&reg, &idx, &tl, q);
    let out = match format {
        TableFormat::Json => Outcome::machine(status::json(&view)),
        TableFormat::Xlsx => super::export::table_xlsx(
            env,
            "status",
            &status::csv_table(&view),
            &(3..13).collect::<Vec<_>>(),
            &[],
        ),
        TableFormat::Csv => Outcome::machine(status::csv_table(&view).csv_with(env.raw)),
        TableFormat::Markdown => Outcome::localized(status::markdown(&view, env.style)),
        TableFormat::Table => Outcome::localized(status::terminal(&view, env.style)),
    };
    drop(view);
    // The process ends right after printing: tearing the register down piece by piece would only
    // cost time (a few per cent of the run on a large register).
    std::mem::forget((reg, idx, tl));
    out
}

/// The command line resolved against the register: a date, a group and a meeting that exist.
fn query(reg: &Register, idx: &Index, args: &StatusArgs) -> Result<Query, Outcome> {
    let as_of = args.as_of.as_deref().map(user_date).transpose()?;
    let group = args
        .group
        .as_deref()
        .map(|g| user_group(reg, g))
        .transpose()?;
    let meeting = match args.meeting.as_deref() {
        Some(id) => Some(user_meeting(reg, idx, id)?),
        None => tally::latest_meeting(reg, idx, as_of),
    };
    Ok(Query {
        group,
        meeting,
        meeting_named: args.meeting.is_some(),
        as_of,
        by_lead: args.by == By::Lead,
    })
}

/// A meeting id typed by a user; unknown is a usage error with a suggestion.
fn user_meeting(reg: &Register, idx: &Index, id: &str) -> Result<usize, Outcome> {
    idx.meeting_by_id.get(id).copied().ok_or_else(|| {
        let said = Said::error(Msg::new(&m::UNKNOWN_MEETING).text("id", id));
        Outcome::refuse(Exit::Usage, with_meeting_suggestion(reg, id, said))
    })
}

/// `said` with the hint of the register's meeting id closest to `typed`, when one is close.
pub fn with_meeting_suggestion(reg: &Register, typed: &str, said: Said) -> Said {
    let ids: Vec<String> = reg
        .meetings
        .iter()
        .map(|x| x.value.id.value.clone())
        .collect();
    match kbbt::model::names::suggest_str(typed, &ids) {
        Some(s) => said.hint(Msg::new(&m::DID_YOU_MEAN).text("name", s)),
        None => said,
    }
}
