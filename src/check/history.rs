//! Rules on histories: status agrees with history, entries point at real meetings, and every
//! meeting file's decisions are exactly what the case histories record.

use super::Ctx;
use crate::apply::plan::plan;
use crate::finding::Finding;
use crate::model::Action;
use crate::model::names::suggest_str;
use std::collections::{HashMap, HashSet};

pub fn status_agrees(ctx: &Ctx, out: &mut Vec<Finding>) {
    for doc in &ctx.reg.cases {
        let c = &doc.value;
        match c.status_from_history() {
            None => out.push(
                Finding::error(
                    "status-history",
                    &doc.path,
                    c.status.pos,
                    format!("{} has no history entry that sets its status", c.id.value),
                )
                .with_hint("add the decision that listed it, or `{ action: seen, source: … }` when no document records one"),
            ),
            Some((s, i)) if s != c.status.value => out.push(
                Finding::error(
                    "status-history",
                    &doc.path,
                    c.status.pos,
                    format!(
                        "status is `{}`, but the last decision in history (`{}`, line {}) makes it `{s}`",
                        c.status.value, c.history[i].action.value, c.history[i].pos.line
                    ),
                ),
            ),
            Some(_) => {}
        }
    }
}

pub fn entries(ctx: &Ctx, out: &mut Vec<Finding>) {
    let ids: Vec<String> = ctx
        .reg
        .meetings
        .iter()
        .map(|m| m.value.id.value.clone())
        .collect();
    for doc in &ctx.reg.cases {
        let mut last_key = i32::MIN;
        for e in &doc.value.history {
            let f = &doc.path;
            let mut date = e.date.as_ref().or(e.not_after.as_ref()).map(|d| d.value);
            if let (Some(_), Some(na)) = (&e.date, &e.not_after) {
                out.push(Finding::error(
                    "history-date",
                    f,
                    na.pos,
                    "an entry has either `date` (the day it happened) or `not_after` (the latest day it can have happened), not both",
                ));
            }
            if let (Some(na), Some(_)) = (&e.not_after, &e.meeting) {
                out.push(Finding::error(
                    "history-date",
                    f,
                    na.pos,
                    "`not_after` is for a decision no recorded meeting took; this entry names its meeting, whose date is known",
                ));
            }
            match &e.meeting {
                None if e.action.needs_meeting() && e.source.is_none() => out.push(
                    Finding::error(
                        "history-meeting",
                        f,
                        e.action.pos,
                        format!("this `{}` entry must name the meeting that decided it", e.action.value),
                    )
                    .with_hint("add `meeting: <id>`; or, when a document other than a meeting's minutes states the decision, name it as `source:` (with `not_after:` its date when the decision's own date is unknown)"),
                ),
                None => {}
                Some(m) => match ctx.idx.meeting_by_id.get(&m.value) {
                    None => out.push(
                        Finding::error(
                            "unknown-meeting",
                            f,
                            m.pos,
                            format!("unknown meeting `{}`", m.value),
                        )
                        .with_hint_opt(suggest_str(&m.value, &ids).map(|s| format!("did you mean `{s}`?"))),
                    ),
                    Some(mi) => {
                        let md = ctx.reg.meetings[*mi].value.date();
                        if let (Some(d), Some(md)) = (&e.date, md)
                            && d.value != md {
                                out.push(Finding::error(
                                    "history-date",
                                    f,
                                    d.pos,
                                    format!("date {} differs from the date of {} ({md})", d.value, m.value),
                                ));
                            }
                        date = date.or(md);
                    }
                },
            }
            let key = date.map_or(i32::MIN, crate::model::Date::key);
            if key < last_key {
                out.push(Finding::warning(
                    "history-order",
                    &doc.path,
                    e.pos,
                    "history entries are not in date order (oldest first)",
                ));
            }
            last_key = last_key.max(key);
        }
    }
}

/// Replays every meeting against the register: a meeting that has been applied plans to nothing.
pub fn meetings_applied(ctx: &Ctx, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    // Every history entry that names a meeting, by meeting id: (case, entry).
    let mut by_meeting: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (ci, doc) in reg.cases.iter().enumerate() {
        for (ei, e) in doc.value.history.iter().enumerate() {
            if let Some(m) = &e.meeting {
                by_meeting
                    .entry(m.value.as_str())
                    .or_default()
                    .push((ci, ei));
            }
        }
    }
    for &mi in &ctx.idx.meetings_by_date {
        let mdoc = &reg.meetings[mi];
        let m = &mdoc.value;
        let p = plan(reg, ctx.idx, m, &mdoc.path);
        out.extend(p.errors);
        let mut matched: HashSet<(&str, Action)> = HashSet::new();
        for s in &p.steps {
            if s.done_before {
                matched.insert((s.case_id.as_str(), s.action));
            } else {
                let what = if s.created {
                    format!(
                        "{} 「{}」 ({})",
                        s.action, s.title, reg.platform.value.groups[s.group].name.value
                    )
                } else {
                    format!("{} {} 「{}」", s.action, s.case_id, s.title)
                };
                out.push(
                    Finding::error(
                        "not-applied",
                        &mdoc.path,
                        s.pos,
                        format!(
                            "{} decides to {what}, but no case history records it",
                            m.id.value
                        ),
                    )
                    .with_hint(format!("run `kbbt apply {}`", mdoc.path.display())),
                );
            }
        }
        for &(ci, ei) in by_meeting
            .get(m.id.value.as_str())
            .map_or(&[][..], Vec::as_slice)
        {
            let doc = &reg.cases[ci];
            let e = &doc.value.history[ei];
            if !matched.contains(&(doc.value.id.value.as_str(), e.action.value)) {
                out.push(Finding::error(
                    "history-decision",
                    &doc.path,
                    e.action.pos,
                    format!(
                        "history records `{}` at {}, but {} has no such decision about {}",
                        e.action.value,
                        m.id.value,
                        mdoc.path.display(),
                        doc.value.id.value
                    ),
                ));
            }
        }
    }
}

/// Cases that recorded decisions keep ongoing, but that the latest complete listing leaves out.
pub fn unconfirmed(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = &ctx.reg.platform.value;
    for (c, l) in crate::tally::unconfirmed(ctx.tl, None) {
        let doc = &ctx.reg.cases[c];
        let l = &p.listings[l].value;
        out.push(
            Finding::warning(
                "unconfirmed",
                &doc.path,
                doc.value.status.pos,
                format!(
                    "{} is ongoing by its recorded decisions, but the complete listing of {} ({}) does not name it: it is unconfirmed from that date",
                    doc.value.id.value, l.date.value, l.source
                ),
            )
            .with_hint("record the decision that ended it (with its meeting or `source:`), or its progress in a later listing"),
        );
    }
}
