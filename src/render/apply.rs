//! `kbbt apply`'s plan as text, in the user's language: what each decision does, per group, then
//! the meeting's tallies. Pure: the plan in, text out. The command adds the diffs and what was
//! written.

use crate::apply::plan::{Plan, Step};
use crate::catalog as m;
use crate::i18n::Lang;
use crate::model::{Meeting, Platform};
use crate::msg::Msg;
use crate::tally::MeetingTally;
use unicode_width::UnicodeWidthStr;

/// One planned step: `  delist   TR-003 title (new)`; the action is a label of the catalogue,
/// padded to 8 columns.
pub fn step_line(lang: Lang, s: &Step) -> String {
    let action = crate::i18n::label(lang, s.action.as_str());
    let pad = 8usize.saturating_sub(action.width());
    format!(
        "  {action}{} {} {}{}\n",
        " ".repeat(pad),
        s.case_id,
        s.title,
        if s.created {
            Msg::new(&m::NEW_CASE_MARK).render(lang)
        } else {
            String::new()
        }
    )
}

/// A refused dry run: the steps that could be planned, without groups (the refusal says why).
pub fn partial_plan(lang: Lang, mt: &Meeting, p: &Plan) -> String {
    let mut s = heading(&m::WOULD_APPLY_IN_PART, mt).render(lang) + "\n";
    for step in p.steps.iter().filter(|s| !s.done_before) {
        s.push_str(&step_line(lang, step));
    }
    s
}

fn heading(t: &'static crate::msg::Template, mt: &Meeting) -> Msg {
    Msg::new(t)
        .text("id", mt.id.value.clone())
        .text("title", mt.title.value.clone())
}

/// The plan: a heading, the steps that change something under their group, and the tallies line
/// of the register after the meeting (a count the meeting file does not record is unknown, never 0).
pub fn plan(
    lang: Lang,
    pl: &Platform,
    mt: &Meeting,
    p: &Plan,
    after: &MeetingTally,
    dry_run: bool,
) -> String {
    let t = if dry_run {
        &m::WOULD_APPLY
    } else {
        &m::APPLYING
    };
    let mut out = heading(t, mt).render(lang) + "\n";
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
            out.push_str(&step_line(lang, s));
        }
    }
    let all: Vec<usize> = (0..after.groups.len()).collect();
    let line = crate::render::status::totals_line(lang, after, &all);
    out.push_str(&Msg::new(&m::TALLIES).text("line", line).render(lang));
    out.push('\n');
    out
}

/// The last line of an apply: how many files changed (or would, in a dry run).
pub fn summary(lang: Lang, files: usize, new: usize, dry_run: bool) -> String {
    let t = if dry_run {
        &m::DRY_RUN_SUMMARY
    } else {
        &m::CHANGED_SUMMARY
    };
    Msg::new(t)
        .count("files", files, "file", "files")
        .num("new", new)
        .render(lang)
        + "\n"
}
