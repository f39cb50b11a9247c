//! Stated numbers (a group's `ongoing`, the `totals` line, `all_time`) against the register.
//! A number the register cannot reproduce is an error unless the meeting records the discrepancy.

use super::Ctx;
use crate::finding::Finding;
use crate::index::Index;
use crate::model::Register;
use crate::model::{Meeting, Platform};
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
    /// 「; vm-3 ends TR-023 「…」, …; adds TR-021 「…」」, or nothing when the meeting changes nothing
    /// in the group.
    pub fn changes(&self, reg: &Register, meeting: &str) -> String {
        let mut s = String::new();
        if !self.removed.is_empty() {
            s.push_str(&format!(
                "; {meeting} ends {}",
                list_cases_max(reg, &self.removed, 12)
            ));
        }
        if !self.added.is_empty() {
            s.push_str(&format!(
                "; {meeting} adds {}",
                list_cases_max(reg, &self.added, 12)
            ));
        }
        s
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

/// "TR-001 「…」, TR-002 「…」 … and 12 more"
pub fn list_cases_max(reg: &Register, cases: &[usize], max: usize) -> String {
    let mut s: Vec<String> = cases
        .iter()
        .take(max)
        .map(|c| {
            format!(
                "{} 「{}」",
                reg.cases[*c].value.id.value, reg.cases[*c].value.title.value
            )
        })
        .collect();
    if cases.len() > max {
        s.push(format!("… and {} more", cases.len() - max));
    }
    if s.is_empty() {
        "none".into()
    } else {
        s.join(", ")
    }
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
            let label = x.label(p);
            match rec {
                Some(i) if m.discrepancies[i].value.register == x.register => used[i] = true,
                Some(i) => {
                    used[i] = true;
                    out.push(Finding::error(
                        "discrepancy",
                        &mdoc.path,
                        m.discrepancies[i].pos,
                        format!(
                            "recorded discrepancy for {label} {} says the register has {}, but it now has {}",
                            x.field, m.discrepancies[i].value.register, x.register
                        ),
                    ).with_hint(format!("update `register: {}` and its note, or correct the cases", x.register)));
                }
                None => {
                    let mut msg = format!(
                        "{label}: {} states {} {}, the register has {}",
                        m.id.value, x.stated, x.field, x.register
                    );
                    if x.group.is_some() {
                        msg.push_str(&format!(" ({})", list_cases_max(reg, &x.cases, 12)));
                        msg.push_str(&x.changes(reg, &m.id.value));
                    }
                    out.push(Finding::error("stated-count", &mdoc.path, x.pos, msg).with_hint(format!(
                        "correct the cases, or record it under `discrepancies:` ({{ {}field: {}, stated: {}, register: {}, kind: …, note: … }})",
                        x.group.map_or(String::new(), |g| format!("group: {}, ", p.groups[g].name.value)),
                        x.field, x.stated, x.register
                    )));
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
                        "say which kind of disagreement this is",
                    )
                    .with_hint("add `kind: arithmetic` (the minutes contradict their own arithmetic), `unnamed` (they count cases they never name) or `third-party` (another source disagrees); a list when more than one applies"),
                );
            }
            if !used[i] {
                out.push(Finding::error(
                    "discrepancy",
                    &mdoc.path,
                    d.pos,
                    format!(
                        "recorded discrepancy ({} {} stated {}) no longer holds: the register agrees with the stated number",
                        d.value.group.as_ref().map_or("totals", |g| g.value.as_str()),
                        d.value.field.value,
                        d.value.stated
                    ),
                ).with_hint("remove the entry"));
            }
        }
    }
}

/// The cases behind a number, as listed in messages.
pub fn list_cases(reg: &Register, cases: &[usize]) -> String {
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
                let against = match (c.register, c.minutes) {
                    (Some(r), _) => format!("the register has {r}"),
                    (None, Some(x)) => format!("the minutes state {x}"),
                    // `Only`, never `Differs`, when there is nothing to compare with.
                    (None, None) => String::new(),
                };
                out.push(
                    Finding::error(
                        "statement",
                        &mdoc.path,
                        c.pos,
                        format!(
                            "{} states {} {} for {}, {against}",
                            st.value.source.value, c.field, c.stated, mdoc.value.id.value
                        ),
                    )
                    .with_hint(format!(
                        "record it under the statement's `discrepancies:` ({{ field: {}, stated: {}, register: {}, kind: third-party, note: … }})",
                        c.field,
                        c.stated,
                        c.register.or(c.minutes).unwrap_or_default()
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
                    Finding::error(
                        "discrepancy",
                        &mdoc.path,
                        d.pos,
                        format!(
                            "recorded discrepancy ({} stated {}) no longer holds: the statement agrees, or states no such number",
                            d.value.field.value, d.value.stated
                        ),
                    )
                    .with_hint("remove the entry"),
                ),
                Some(c) => {
                    let have = c.register.or(c.minutes).unwrap_or_default();
                    if d.value.register != have {
                        out.push(
                            Finding::error(
                                "discrepancy",
                                &mdoc.path,
                                d.pos,
                                format!(
                                    "recorded discrepancy for {} says the register has {}, but it now has {have}",
                                    d.value.field.value, d.value.register
                                ),
                            )
                            .with_hint(format!("update `register: {have}` and its note")),
                        );
                    }
                }
            }
        }
    }
}
