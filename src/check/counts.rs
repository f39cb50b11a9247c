//! Stated numbers (a group's `ongoing`, the `totals` line, `all_time`) against the register.
//! A number the register cannot reproduce is an error unless the meeting records the discrepancy.

use super::Ctx;
use crate::catalog as cat;
use crate::finding::Finding;
use crate::index::Index;
use crate::model::Register;
use crate::model::{Meeting, Platform};
use crate::msg::Msg;
use crate::tally::{Timelines, all_time, tally_meeting};
use crate::yaml::{Pos, Sp};

/// A stated number the register disagrees with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Platform group index, or `None` for the totals line and all-time numbers.
    pub group: Option<usize>,
    /// The number: `add`, `delist`, `ongoing`, or `cases` / `completed` (all-time).
    pub field: &'static str,
    /// The number as the meeting states it.
    pub stated: u32,
    /// The register's number.
    pub register: u32,
    /// Where the number is written in the meeting file.
    pub pos: Pos,
    /// The register's cases behind its number (group numbers only).
    pub cases: Vec<usize>,
    /// The cases the meeting itself ends in the group (delisted, replaced, merged) and adds: what
    /// explains a gap between the stated number and the register's (group numbers only).
    pub removed: Vec<usize>,
    /// The cases the meeting itself adds in the group (group numbers only).
    pub added: Vec<usize>,
}

impl Mismatch {
    /// 「; vm-3 ends TR-023 「…」, …」 and 「; vm-3 adds TR-021 「…」」: each nothing when the meeting
    /// ends, or adds, no case in the group.
    pub fn changes(&self, reg: &Register, meeting: &str) -> (Msg, Msg) {
        let part = |t: &'static crate::msg::Template, cases: &[usize]| {
            if cases.is_empty() {
                Msg::new(&cat::NOTHING)
            } else {
                Msg::new(t)
                    .text("meeting", meeting)
                    .msg("cases", list_cases(reg, cases))
            }
        };
        (
            part(&cat::MEETING_ENDS, &self.removed),
            part(&cat::MEETING_ADDS, &self.added),
        )
    }

    /// The mismatch as a message: who states what in `meeting`, and the register's number, with
    /// its cases and what the meeting changes for a group's number. `after`: the register as it
    /// would be after applying the meeting.
    pub fn describe(&self, reg: &Register, meeting: &str, after: bool) -> Msg {
        let t = match (after, self.group.is_some()) {
            (false, false) => &cat::STATED_COUNT,
            (false, true) => &cat::STATED_COUNT_CASES,
            (true, false) => &cat::STATED_COUNT_AFTER,
            (true, true) => &cat::STATED_COUNT_AFTER_CASES,
        };
        let m = who_arg(Msg::new(t), &self.label(&reg.platform.value))
            .text("meeting", meeting)
            .num("stated", self.stated)
            .num("register", self.register);
        let mut m = field_arg(m, "field", self.field);
        if self.group.is_some() {
            let (ends, adds) = self.changes(reg, meeting);
            m = m
                .msg("cases", list_cases(reg, &self.cases))
                .msg("ends", ends)
                .msg("adds", adds);
        }
        m
    }
}

impl Mismatch {
    /// Who states the number: the group's name, `totals` (the summary line) or `all-time`.
    pub fn label(&self, p: &Platform) -> String {
        match self.group {
            Some(g) => p.groups[g].name.value.clone(),
            None if matches!(self.field, "cases" | "completed") => "all-time".into(),
            None => "totals".into(),
        }
    }

    /// The meeting's recorded discrepancy for this number (same group, field and stated value), if any.
    pub fn recorded_in(&self, m: &Meeting, p: &Platform) -> Option<usize> {
        m.discrepancies.iter().position(|d| {
            let d = &d.value;
            d.field.value == self.field
                && d.stated == self.stated
                && d.group.is_some() == self.group.is_some()
                && d.group.as_ref().and_then(|g| p.group_index(g)) == self.group
        })
    }
}

fn n(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Stated numbers for the whole platform (totals line, all-time) against the register's.
fn platform_wide(out: &mut Vec<Mismatch>, fields: &[(&'static str, Option<Sp<u32>>, usize)]) {
    for &(field, stated, have) in fields {
        if let Some(s) = stated
            && s.value != n(have)
        {
            out.push(Mismatch {
                group: None,
                field,
                stated: s.value,
                register: n(have),
                pos: s.pos,
                cases: vec![],
                removed: vec![],
                added: vec![],
            });
        }
    }
}

/// Every stated number of meeting `m` that the register does not reproduce. A number the register
/// does not know (the meeting file records only some kinds of decision) is not compared.
pub fn count_mismatches(reg: &Register, idx: &Index, tl: &Timelines, m: usize) -> Vec<Mismatch> {
    let meeting = &reg.meetings[m].value;
    let p = &reg.platform.value;
    let mut out = Vec::new();
    let needs_tally =
        meeting.totals.is_some() || meeting.decisions.0.iter().any(|(_, d)| d.ongoing.is_some());
    if needs_tally {
        let t = tally_meeting(reg, idx, tl, m);
        for (key, d) in &meeting.decisions.0 {
            let (Some(g), Some(stated)) = (p.group_index(key), d.ongoing) else {
                continue;
            };
            if t.count(g, "ongoing").is_none() {
                continue;
            }
            let tg = &t.groups[g];
            let have = &tg.ongoing;
            if stated.value != n(have.len()) {
                let mut removed: Vec<usize> = tg.delist.clone();
                removed.extend(&tg.replaced);
                removed.extend(&tg.merged);
                out.push(Mismatch {
                    group: Some(g),
                    field: "ongoing",
                    stated: stated.value,
                    register: n(have.len()),
                    pos: stated.pos,
                    cases: have.clone(),
                    removed,
                    added: tg.add.clone(),
                });
            }
        }
        if let Some(tot) = &meeting.totals {
            let mut fields = Vec::new();
            for (f, stated) in [
                ("add", tot.value.add),
                ("delist", tot.value.delist),
                ("ongoing", tot.value.ongoing),
            ] {
                if let Some(have) = t.sum_all(f) {
                    fields.push((f, stated, have));
                }
            }
            platform_wide(&mut out, &fields);
        }
    }
    if let Some(at) = &meeting.all_time {
        let (ever, done) = all_time_numbers(reg, idx, tl, m);
        platform_wide(
            &mut out,
            &[
                ("cases", at.value.cases, ever),
                ("completed", at.value.completed, done),
            ],
        );
    }
    out
}

/// The register's all-time numbers at meeting `m`: cases ever tracked, and delisted (completed).
fn all_time_numbers(reg: &Register, idx: &Index, tl: &Timelines, m: usize) -> (usize, usize) {
    let per = all_time(reg, idx, tl, reg.meetings[m].value.date());
    (
        per.iter().map(|g| g.ever).sum(),
        per.iter().map(|g| g.delisted).sum(),
    )
}

/// A stated number the register cannot check, because it does not know its own (a meeting file
/// that records only some kinds of decision).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchecked {
    /// Platform group index, or `None` for the totals line.
    pub group: Option<usize>,
    /// The number (`ongoing`, `add`, `delist`).
    pub field: &'static str,
    /// The number as the meeting states it.
    pub stated: u32,
}

/// The stated numbers of meeting `m` whose register number is unknown.
pub fn unchecked(reg: &Register, m: usize) -> Vec<Unchecked> {
    let meeting = &reg.meetings[m].value;
    let known = meeting.known();
    let p = &reg.platform.value;
    let mut out = Vec::new();
    for (key, d) in &meeting.decisions.0 {
        if let (Some(g), Some(s)) = (p.group_index(key), d.ongoing)
            && !known.ongoing
        {
            out.push(Unchecked {
                group: Some(g),
                field: "ongoing",
                stated: s.value,
            });
        }
    }
    if let Some(t) = &meeting.totals {
        for (f, s) in [
            ("delist", t.value.delist),
            ("add", t.value.add),
            ("ongoing", t.value.ongoing),
        ] {
            if let Some(s) = s
                && !known.field(f)
            {
                out.push(Unchecked {
                    group: None,
                    field: f,
                    stated: s.value,
                });
            }
        }
    }
    out
}

/// How one number of a statement by another source compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The register (or, where the register does not know, the minutes) has the same number.
    Agrees,
    /// The register does not know the number and the minutes do not state it: the statement is
    /// the only source.
    Only,
    /// It equals the minutes' own number, which differs from the register and is recorded there.
    AsTheMinutes,
    /// It differs, and the statement records the discrepancy (index into its `discrepancies`).
    Recorded(usize),
    /// It differs and nothing records it: an error.
    Differs,
}

/// One number of a statement, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementCheck {
    /// Index into the meeting's `statements`.
    pub statement: usize,
    /// The number: `add`, `delist`, `ongoing`, `tracked`, `cases` or `completed`.
    pub field: &'static str,
    /// The number as the statement gives it (exact or a range).
    pub stated: crate::model::Stated,
    /// Where the number is written in the meeting file.
    pub pos: Pos,
    /// The register's number, `None` when it does not know it.
    pub register: Option<u32>,
    /// The minutes' own number for the same field, if they state one.
    pub minutes: Option<u32>,
    /// How it compares.
    pub verdict: Verdict,
}

/// Every number that other sources state about meeting `m`, compared with the register and the
/// minutes.
pub fn statement_checks(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    m: usize,
) -> Vec<StatementCheck> {
    let meeting = &reg.meetings[m].value;
    if meeting.statements.is_empty() {
        return Vec::new();
    }
    let t = tally_meeting(reg, idx, tl, m);
    let (ever, done) = all_time_numbers(reg, idx, tl, m);
    let mism = count_mismatches(reg, idx, tl, m);
    let p = &reg.platform.value;
    let mut out = Vec::new();
    for (si, st) in meeting.statements.iter().enumerate() {
        for (field, stated) in st.value.numbers() {
            let register = match field {
                "cases" => Some(n(ever)),
                "completed" => Some(n(done)),
                f => t.sum_all(f).map(n),
            };
            let minutes = match field {
                "cases" => meeting.all_time.and_then(|a| a.value.cases),
                "completed" => meeting.all_time.and_then(|a| a.value.completed),
                "tracked" => None,
                f => meeting.totals.and_then(|c| match f {
                    "add" => c.value.add,
                    "delist" => c.value.delist,
                    _ => c.value.ongoing,
                }),
            }
            .map(|x| x.value);
            let recorded = st
                .value
                .discrepancies
                .iter()
                .position(|d| d.value.field.value == field && d.value.group.is_none());
            let reference = register.or(minutes);
            let verdict = match reference {
                None => Verdict::Only,
                Some(r) if stated.value.admits(r) => Verdict::Agrees,
                Some(_)
                    if minutes.is_some_and(|x| stated.value.admits(x))
                        && mism.iter().any(|x| {
                            x.group.is_none()
                                && x.field == field
                                && x.recorded_in(meeting, p).is_some()
                        }) =>
                {
                    Verdict::AsTheMinutes
                }
                Some(_) => recorded.map_or(Verdict::Differs, Verdict::Recorded),
            };
            out.push(StatementCheck {
                statement: si,
                field,
                stated: stated.value,
                pos: stated.pos,
                register,
                minutes,
                verdict,
            });
        }
    }
    out
}

/// A finding on a recorded discrepancy of meeting file `mdoc`.
fn discrepancy(
    mdoc: &crate::model::Doc<crate::model::Meeting>,
    pos: crate::yaml::Pos,
    msg: Msg,
) -> Finding {
    Finding::error("discrepancy", &mdoc.path, pos, msg)
}

/// The numbers a message names a field by: words of the label catalogue.
pub(crate) const FIELDS: &[&str] = &[
    "add",
    "delist",
    "ongoing",
    "cases",
    "completed",
    "tracked",
    "relist",
    "replaced",
    "merged",
    "proposed",
    "subcases",
];

/// A count field in a message: a word of the label catalogue when kbbt knows it (`ongoing` →
/// 持續列管), else as written.
fn field_arg(m: Msg, name: &'static str, field: &str) -> Msg {
    match FIELDS.iter().find(|f| **f == field) {
        Some(f) => m.label(name, f),
        None => m.text(name, field),
    }
}

/// Who states a number (`who`): a group's name as written, or the labels `totals` / `all-time`.
fn who_arg(m: Msg, who: &str) -> Msg {
    match who {
        "totals" => m.label("who", "totals"),
        "all-time" => m.label("who", "all-time"),
        _ => m.text("who", who),
    }
}

/// "TR-001 「…」, TR-002 「…」, … and 12 more" (at most `max` named), or "none".
pub fn list_cases_max(reg: &Register, cases: &[usize], max: usize) -> Msg {
    if cases.is_empty() {
        return Msg::new(&cat::NO_CASES);
    }
    let mut items: Vec<Msg> = cases
        .iter()
        .take(max)
        .map(|c| {
            Msg::new(&cat::CASE_REF)
                .text("id", reg.cases[*c].value.id.value.clone())
                .text("title", reg.cases[*c].value.title.value.clone())
        })
        .collect();
    if cases.len() > max {
        items.push(Msg::new(&cat::MORE_CASES).num("n", cases.len() - max));
    }
    Msg::new(&cat::ITEMS).list("items", items)
}

pub fn stated_counts(ctx: &Ctx, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    let p = &reg.platform.value;
    for (mi, mdoc) in reg.meetings.iter().enumerate() {
        let m = &mdoc.value;
        let mism = count_mismatches(reg, ctx.idx, ctx.tl, mi);
        let mut used = vec![false; m.discrepancies.len()];
        for x in &mism {
            let rec = x.recorded_in(m, p);
            match rec {
                Some(i) if m.discrepancies[i].value.register == x.register => used[i] = true,
                Some(i) => {
                    used[i] = true;
                    out.push(
                        discrepancy(
                            mdoc,
                            m.discrepancies[i].pos,
                            field_arg(
                                who_arg(Msg::new(&cat::DISCREPANCY_OUTDATED), &x.label(p)),
                                "field",
                                x.field,
                            )
                            .num("recorded", m.discrepancies[i].value.register)
                            .num("now", x.register),
                        )
                        .with_hint(Msg::new(&cat::UPDATE_REGISTER_OR_CASES).num("n", x.register)),
                    );
                }
                None => {
                    let msg = x.describe(reg, &m.id.value, false);
                    let entry = format!(
                        "{{ {}field: {}, stated: {}, register: {}, kind: …, note: … }}",
                        x.group.map_or(String::new(), |g| format!(
                            "group: {}, ",
                            p.groups[g].name.value
                        )),
                        x.field,
                        x.stated,
                        x.register
                    );
                    out.push(
                        Finding::error("stated-count", &mdoc.path, x.pos, msg)
                            .with_hint(Msg::new(&cat::CORRECT_OR_RECORD).text("entry", entry)),
                    );
                }
            }
        }
        statements(ctx, mi, out);
        for (i, d) in m.discrepancies.iter().enumerate() {
            if d.value.kind.is_none() {
                out.push(
                    Finding::warning(
                        "discrepancy-kind",
                        &mdoc.path,
                        d.pos,
                        Msg::new(&cat::DISCREPANCY_KIND_MISSING),
                    )
                    .with_hint(Msg::new(&cat::DISCREPANCY_KINDS)),
                );
            }
            if !used[i] {
                out.push(
                    discrepancy(
                        mdoc,
                        d.pos,
                        field_arg(
                            who_arg(
                                Msg::new(&cat::DISCREPANCY_GONE),
                                d.value
                                    .group
                                    .as_ref()
                                    .map_or("totals", |g| g.value.as_str()),
                            ),
                            "field",
                            &d.value.field.value,
                        )
                        .text("stated", d.value.stated.to_string()),
                    )
                    .with_hint(Msg::new(&cat::REMOVE_ENTRY)),
                );
            }
        }
    }
}

/// The cases behind a number, as listed in messages (at most 12 named).
pub fn list_cases(reg: &Register, cases: &[usize]) -> Msg {
    list_cases_max(reg, cases, 12)
}

/// The findings about the statements of meeting `mi`: numbers that differ without a record, and
/// records that no longer hold.
fn statements(ctx: &Ctx, mi: usize, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    let mdoc = &reg.meetings[mi];
    let checks = statement_checks(reg, ctx.idx, ctx.tl, mi);
    for (si, st) in mdoc.value.statements.iter().enumerate() {
        let mine: Vec<&StatementCheck> = checks.iter().filter(|c| c.statement == si).collect();
        for c in &mine {
            if c.verdict == Verdict::Differs {
                // `Only`, never `Differs`, when there is nothing to compare with.
                let (t, have) = match (c.register, c.minutes) {
                    (Some(r), _) => (&cat::STATEMENT_DIFFERS_REGISTER, r),
                    (None, x) => (&cat::STATEMENT_DIFFERS_MINUTES, x.unwrap_or_default()),
                };
                let msg = field_arg(Msg::new(t), "field", c.field)
                    .text("source", st.value.source.value.clone())
                    .text("stated", c.stated.to_string())
                    .text("meeting", mdoc.value.id.value.clone())
                    .num("have", have);
                out.push(
                    Finding::error("statement", &mdoc.path, c.pos, msg)
                        .with_hint(Msg::new(&cat::RECORD_STATEMENT).text(
                        "entry",
                        format!(
                            "{{ field: {}, stated: {}, register: {}, kind: third-party, note: … }}",
                            c.field,
                            c.stated,
                            c.register.or(c.minutes).unwrap_or_default()
                        ),
                    )),
                );
            }
        }
        for (di, d) in st.value.discrepancies.iter().enumerate() {
            let hit = mine
                .iter()
                .find(|c| matches!(c.verdict, Verdict::Recorded(i) if i == di));
            match hit {
                None => out.push(
                    discrepancy(
                        mdoc,
                        d.pos,
                        field_arg(
                            Msg::new(&cat::STATEMENT_DISCREPANCY_GONE),
                            "field",
                            &d.value.field.value,
                        )
                        .text("stated", d.value.stated.to_string()),
                    )
                    .with_hint(Msg::new(&cat::REMOVE_ENTRY)),
                ),
                Some(c) => {
                    let have = c.register.or(c.minutes).unwrap_or_default();
                    if d.value.register != have {
                        out.push(
                            discrepancy(
                                mdoc,
                                d.pos,
                                field_arg(
                                    Msg::new(&cat::STATEMENT_DISCREPANCY_OUTDATED),
                                    "field",
                                    &d.value.field.value,
                                )
                                .num("recorded", d.value.register)
                                .num("now", have),
                            )
                            .with_hint(Msg::new(&cat::UPDATE_REGISTER).num("n", have)),
                        );
                    }
                }
            }
        }
    }
}
