//! Rules on histories: status agrees with history, entries point at real meetings, and every
//! meeting file's decisions are exactly what the case histories record.

use super::Ctx;
use crate::apply::plan::plan;
use crate::catalog as cat;
use crate::finding::Finding;
use crate::model::Action;
use crate::model::names::suggest_str;
use crate::msg::Msg;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn status_agrees(ctx: &Ctx, out: &mut Vec<Finding>) {
    for doc in &ctx.reg.cases {
        let c = &doc.value;
        match c.status_from_history() {
            None => out.push(
                Finding::error(
                    "status-history",
                    &doc.path,
                    c.status.pos,
                    Msg::new(&cat::NO_STATUS_ENTRY).text("id", c.id.value.clone()),
                )
                .with_hint(Msg::new(&cat::ADD_LISTING_DECISION)),
            ),
            Some((s, i)) if s != c.status.value => out.push(Finding::error(
                "status-history",
                &doc.path,
                c.status.pos,
                Msg::new(&cat::STATUS_DISAGREES)
                    .text("status", c.status.value.as_str())
                    .text("action", c.history[i].action.value.as_str())
                    .num("line", c.history[i].pos.line)
                    .text("made", s.as_str()),
            )),
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
                    Msg::new(&cat::DATE_AND_NOT_AFTER),
                ));
            }
            if let (Some(na), Some(_)) = (&e.not_after, &e.meeting) {
                out.push(Finding::error(
                    "history-date",
                    f,
                    na.pos,
                    Msg::new(&cat::NOT_AFTER_WITH_MEETING),
                ));
            }
            match &e.meeting {
                None if e.action.needs_meeting() && e.source.is_none() => out.push(
                    Finding::error(
                        "history-meeting",
                        f,
                        e.action.pos,
                        Msg::new(&cat::ENTRY_NEEDS_MEETING).text("action", e.action.value.as_str()),
                    )
                    .with_hint(Msg::new(&cat::ADD_MEETING_OR_SOURCE)),
                ),
                None => {}
                Some(m) => match ctx.idx.meeting_by_id.get(m.value.as_str()) {
                    None => out.push(
                        Finding::error(
                            "unknown-meeting",
                            f,
                            m.pos,
                            Msg::new(&cat::UNKNOWN_MEETING).text("id", m.value.clone()),
                        )
                        .with_hint_msg(
                            suggest_str(&m.value, &ids)
                                .map(|s| Msg::new(&cat::DID_YOU_MEAN).text("name", s)),
                        ),
                    ),
                    Some(mi) => {
                        let md = ctx.reg.meetings[*mi].value.date();
                        if let (Some(d), Some(md)) = (&e.date, md)
                            && d.value != md
                        {
                            out.push(Finding::error(
                                "history-date",
                                f,
                                d.pos,
                                Msg::new(&cat::DATE_DIFFERS_FROM_MEETING)
                                    .date("date", d.value)
                                    .text("meeting", m.value.clone())
                                    .date("meeting_date", md),
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
                    Msg::new(&cat::HISTORY_ORDER),
                ));
            }
            last_key = last_key.max(key);
        }
    }
}

/// Replays every meeting against the register: a meeting that has been applied plans to nothing.
pub fn meetings_applied(ctx: &Ctx, out: &mut Vec<Finding>) {
    let replay = Replay::new(ctx);
    replay.work();
    out.extend(replay.findings());
}

/// The replay of every meeting ([`meetings_applied`]) as a queue of meetings that any number of
/// threads can work on together ([`Replay::work`]); the findings come in the meetings' date order
/// however the work was shared.
pub struct Replay<'a> {
    ctx: Ctx<'a>,
    /// Every history entry that names a meeting, by meeting id: (case, entry). Built by the first
    /// thread that needs it.
    by_meeting: OnceLock<HashMap<&'a str, Vec<(usize, usize)>>>,
    /// The next meeting (an index into `ctx.idx.meetings_by_date`) no thread has taken.
    next: AtomicUsize,
    /// Each meeting's findings, in date order.
    done: Vec<OnceLock<Vec<Finding>>>,
}

impl<'a> Replay<'a> {
    /// The replay of `ctx`'s meetings, none done yet.
    pub fn new(ctx: &Ctx<'a>) -> Self {
        Replay {
            ctx: *ctx,
            by_meeting: OnceLock::new(),
            next: AtomicUsize::new(0),
            done: std::iter::repeat_with(OnceLock::new)
                .take(ctx.idx.meetings_by_date.len())
                .collect(),
        }
    }

    /// Replay meetings until none is left.
    pub fn work(&self) {
        loop {
            let k = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(&mi) = self.ctx.idx.meetings_by_date.get(k) else {
                break;
            };
            let _ = self.done[k].set(self.meeting(mi));
        }
    }

    /// The findings of every meeting, in date order (after [`Replay::work`] has run out).
    pub fn findings(self) -> impl Iterator<Item = Finding> {
        self.done
            .into_iter()
            .flat_map(|d| d.into_inner().unwrap_or_default())
    }

    fn by_meeting(&self) -> &HashMap<&'a str, Vec<(usize, usize)>> {
        self.by_meeting.get_or_init(|| {
            let mut by_meeting: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
            for (ci, doc) in self.ctx.reg.cases.iter().enumerate() {
                for (ei, e) in doc.value.history.iter().enumerate() {
                    if let Some(m) = &e.meeting {
                        by_meeting
                            .entry(m.value.as_str())
                            .or_default()
                            .push((ci, ei));
                    }
                }
            }
            by_meeting
        })
    }

    /// The findings of meeting `mi` (an index into the register's meetings).
    fn meeting(&self, mi: usize) -> Vec<Finding> {
        let (reg, idx) = (self.ctx.reg, self.ctx.idx);
        let mut out = Vec::new();
        let mdoc = &reg.meetings[mi];
        let m = &mdoc.value;
        let p = plan(reg, idx, m, &mdoc.path);
        out.extend(p.errors);
        let mut matched: HashSet<(&str, Action)> = HashSet::new();
        for s in &p.steps {
            if s.done_before {
                matched.insert((s.case_id.as_str(), s.action));
            } else {
                let what = if s.created {
                    Msg::new(&cat::DECISION_NEW_CASE)
                        .label("action", s.action.as_str())
                        .text("title", s.title.clone())
                        .text(
                            "group",
                            reg.platform.value.groups[s.group].name.value.clone(),
                        )
                } else {
                    Msg::new(&cat::DECISION_ON_CASE)
                        .label("action", s.action.as_str())
                        .text("id", s.case_id.clone())
                        .text("title", s.title.clone())
                };
                out.push(
                    Finding::error(
                        "not-applied",
                        &mdoc.path,
                        s.pos,
                        Msg::new(&cat::NOT_APPLIED)
                            .text("meeting", m.id.value.clone())
                            .msg("what", what),
                    )
                    .with_hint(
                        Msg::new(&cat::RUN_APPLY).text("file", mdoc.path.display().to_string()),
                    ),
                );
            }
        }
        for &(ci, ei) in self
            .by_meeting()
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
                    Msg::new(&cat::HISTORY_DECISION)
                        .text("action", e.action.value.as_str())
                        .text("meeting", m.id.value.clone())
                        .text("file", mdoc.path.display().to_string())
                        .text("id", doc.value.id.value.clone()),
                ));
            }
        }
        out
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
                Msg::new(&cat::UNCONFIRMED_CASE)
                    .text("id", doc.value.id.value.clone())
                    .date("date", l.date.value)
                    .text("source", l.source.clone()),
            )
            .with_hint(Msg::new(&cat::RECORD_END_OR_PROGRESS)),
        );
    }
}
