//! Stated numbers (a group's `ongoing`, the `totals` line, `all_time`) against the register.
//! A number the register cannot reproduce is an error unless the meeting records the discrepancy.

use super::Ctx;
use crate::finding::Finding;
use crate::index::Index;
use crate::load::Register;
use crate::model::{Meeting, Platform};
use crate::tally::{Timelines, all_time, tally_meeting};
use crate::yaml::{Pos, Sp};

/// A stated number the register disagrees with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Platform group index, or `None` for the totals line and all-time numbers.
    pub group: Option<usize>,
    pub field: &'static str,
    pub stated: u32,
    pub register: u32,
    pub pos: Pos,
    /// The register's cases behind its number (group numbers only).
    pub cases: Vec<usize>,
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
            });
        }
    }
}

/// Every stated number of meeting `m` that the register does not reproduce.
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
            let have = &t.groups[g].ongoing;
            if stated.value != n(have.len()) {
                out.push(Mismatch {
                    group: Some(g),
                    field: "ongoing",
                    stated: stated.value,
                    register: n(have.len()),
                    pos: stated.pos,
                    cases: have.clone(),
                });
            }
        }
        if let Some(tot) = &meeting.totals {
            let fields = [
                ("add", tot.value.add, t.total(|g| g.add.len())),
                ("delist", tot.value.delist, t.total(|g| g.delist.len())),
                ("ongoing", tot.value.ongoing, t.total(|g| g.ongoing.len())),
            ];
            platform_wide(&mut out, &fields);
        }
    }
    if let Some(at) = &meeting.all_time {
        let per = all_time(reg, idx, tl, meeting.date());
        let ever: usize = per.iter().map(|g| g.ever).sum();
        let done: usize = per.iter().map(|g| g.delisted).sum();
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
                    }
                    out.push(Finding::error("stated-count", &mdoc.path, x.pos, msg).with_hint(format!(
                        "correct the cases, or record it under `discrepancies:` ({{ {}field: {}, stated: {}, register: {}, note: … }})",
                        x.group.map_or(String::new(), |g| format!("group: {}, ", p.groups[g].name.value)),
                        x.field, x.stated, x.register
                    )));
                }
            }
        }
        for (i, d) in m.discrepancies.iter().enumerate() {
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
