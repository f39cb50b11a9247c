//! `kbbt apply`'s plan as text: what each decision does, per group, then the meeting's tallies.
//! Pure: the plan in, text out. The command adds the diffs and what was written.

use crate::apply::plan::{Plan, Step};
use crate::i18n::Lang;
use crate::model::{Meeting, Platform};
use crate::tally::MeetingTally;

/// One planned step: `  delist   TR-003 title (new)`.
pub fn step_line(s: &Step) -> String {
    format!(
        "  {:<8} {} {}{}\n",
        s.action.as_str(),
        s.case_id,
        s.title,
        if s.created { " (new)" } else { "" }
    )
}

/// A refused dry run: the steps that could be planned, without groups (the refusal says why).
pub fn partial_plan(m: &Meeting, p: &Plan) -> String {
    let mut s = format!(
        "Would apply {} {} in part (the refused decisions left out)\n",
        m.id.value, m.title.value
    );
    for step in p.steps.iter().filter(|s| !s.done_before) {
        s.push_str(&step_line(step));
    }
    s
}

/// The plan: a heading, the steps that change something under their group, and the tallies line
/// of the register after the meeting (a count the meeting file does not record is unknown, never 0).
pub fn plan(
    lang: Lang,
    pl: &Platform,
    m: &Meeting,
    p: &Plan,
    after: &MeetingTally,
    dry_run: bool,
) -> String {
    let mut out = format!(
        "{} {} {}\n",
        if dry_run { "Would apply" } else { "Applying" },
        m.id.value,
        m.title.value
    );
    for (g, def) in pl.groups.iter().enumerate() {
        let steps: Vec<&Step> = p
            .steps
            .iter()
            .filter(|s| s.group == g && !s.done_before)
            .collect();
        if steps.is_empty() {
            continue;
        }
        out.push_str(&format!("{}\n", def.name.value));
        for s in steps {
            out.push_str(&step_line(s));
        }
    }
    let all: Vec<usize> = (0..after.groups.len()).collect();
    let line = crate::render::status::totals_line(lang, after, &all);
    out.push_str(&match lang {
        Lang::En => format!("tallies: {line}\n"),
        Lang::ZhTw => format!("統計：{line}\n"),
    });
    out
}
