//! `kbbt list` (find cases) and `kbbt show` (one case's card).

use super::{Env, Outcome, load_clean, user_group};
use crate::cli::{CardFormat, ListArgs, TableFormat};
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::filter::CaseFilter;
use kbbt::index::{Index, Resolved};
use kbbt::model::{Case, Register, Status};
use kbbt::msg::{Msg, Said};
use kbbt::render::{card, list as render};

/// The filter the arguments give; an unknown group or status is a usage error.
fn filter(reg: &Register, f: &ListArgs) -> Result<CaseFilter, Outcome> {
    let p = &reg.platform.value;
    let group = f.group.as_deref().map(|g| user_group(reg, g)).transpose()?;
    let status = f
        .status
        .as_deref()
        .map(|s| Status::parse(s).ok_or(s))
        .transpose()
        .map_err(|s| {
            let said = Said::error(Msg::new(&cat::UNKNOWN_STATUS).text("status", s))
                .hint(Msg::new(&cat::STATUSES));
            Outcome::refuse(Exit::Usage, said)
        })?;
    Ok(CaseFilter {
        group: group.map(|g| p.groups[g].name.value.clone()),
        status,
        lead: f.lead.clone(),
        partner: f.partner.clone(),
        topic: f.topic.clone(),
        text: f.text.clone(),
    })
}

/// The cases in the format asked for.
fn output(env: &Env, reg: &Register, cases: &[&Case], format: TableFormat) -> Outcome {
    match format {
        TableFormat::Json => Outcome::machine(render::json(cases)),
        TableFormat::Csv => Outcome::machine(render::wide_table(reg, cases).csv_with(env.raw)),
        TableFormat::Xlsx => {
            let t = render::wide_table(reg, cases);
            super::export::table_xlsx(env, "cases", &t, &[], &render::WIDE_DATES)
        }
        TableFormat::Markdown => {
            Outcome::localized(render::table(cases, env.style.lang).markdown_in(env.style.lang))
        }
        TableFormat::Table => Outcome::localized(render::terminal(cases, env.style)),
    }
}

/// `kbbt list`: the cases that match the filters.
pub fn list(env: &Env, f: &ListArgs, format: TableFormat) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        // The table and Markdown show no progress text, and only `--text` searches them.
        let lean = f.text.is_none() && matches!(format, TableFormat::Table | TableFormat::Markdown);
        let texts = if lean {
            kbbt::load::Texts::Lean
        } else {
            kbbt::load::Texts::Drop
        };
        let reg = load_clean(env, texts)?;
        let filter = filter(&reg, f)?;
        let cases = kbbt::filter::select(&reg, &filter);
        Ok(output(env, &reg, &cases, format))
    };
    run().unwrap_or_else(|o| o)
}

/// The case `name` means; ambiguous or unknown is an error with the candidates.
fn resolve(idx: &Index, name: &str) -> Result<usize, Outcome> {
    match idx.resolver.resolve(name, None) {
        Resolved::Found(i) => Ok(i),
        Resolved::Ambiguous(v) | Resolved::OtherGroup(v) => {
            let msg = Msg::new(&cat::NAME_AMBIGUOUS).text("name", name);
            let hint = Msg::new(&cat::COULD_BE_GIVE_ID).msg("cases", idx.resolver.describe_msg(&v));
            Err(Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint)))
        }
        Resolved::Unknown(v) => {
            let hint = if v.is_empty() {
                Msg::new(&cat::SEARCH_WITH_TEXT)
            } else {
                Msg::new(&cat::DID_YOU_MEAN_CASES).msg("meant", idx.resolver.describe_msg(&v))
            };
            let msg = Msg::new(&cat::NO_CASE).text("name", name);
            Err(Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint)))
        }
    }
}

/// `kbbt show`: one case's card (or an instruction's, for an instruction id).
pub fn show(env: &Env, name: &str, format: CardFormat) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    // An instruction's id shows the instruction.
    if idx.resolver.by_id(name).is_none()
        && let Some(card) = super::follow::instruction_card(env, &reg, &idx, name)
    {
        return card;
    }
    let i = match resolve(&idx, name) {
        Ok(i) => i,
        Err(o) => return o,
    };
    let file = env.shown.join(&reg.cases[i].path).display().to_string();
    if format == CardFormat::Json {
        return Outcome::machine(card::card_json(&reg.cases[i].value, &file));
    }
    let today = kbbt::model::Date(chrono::Local::now().date_naive());
    Outcome::localized(card::card_text(&reg, &idx, i, &file, today, env.style))
}
