//! The follow-up listings: what is overdue or behind, suggested milestones, and what changed
//! between two points. Pure: values in, strings out.

use super::Style;
use crate::catalog as m;
use crate::diff::{Diff, KINDS};
use crate::follow::{Late, Overdue};
use crate::i18n::Lang;
use crate::model::{Date, Register};
use crate::msg::Msg;
use crate::suggest::Suggestion;
use serde_json::json;
use std::fmt::Write as _;

/// A late item's line, in the reader's language.
fn late_line(reg: &Register, l: &Late, st: Style) -> String {
    let (case, msg) = match l {
        Late::Milestone { case, milestone: x } => (
            *case,
            Msg::new(&m::OVERDUE_MILESTONE)
                .date("due", x.due.value)
                .text("text", x.text.clone()),
        ),
        Late::Behind {
            case,
            as_of: d,
            planned,
            actual,
        } => (
            *case,
            Msg::new(&m::OVERDUE_BEHIND)
                .text("planned", planned.to_string())
                .text("actual", actual.to_string())
                .date("date", *d),
        ),
    };
    let case = &reg.cases[case].value;
    let msg = msg.text("title", case.title.value.clone());
    format!("  {}  {}", case.id.value, msg.render(st.lang))
}

/// An open instruction's line: its id, due date, addressee and text.
fn instruction_line(reg: &Register, r: &crate::follow::InstructionRef, st: Style) -> String {
    let i = &reg.meetings[r.meeting].value.instructions[r.index].value;
    let Some(due) = i.due.as_ref().map(|d| d.value) else {
        return String::new();
    };
    let msg = match &i.to {
        Some(t) => Msg::new(&m::OVERDUE_INSTRUCTION_TO).text("to", t.value.clone()),
        None => Msg::new(&m::SUGGESTED),
    }
    .date("due", due)
    .text("text", i.text.clone());
    format!("  {}  {}", i.id.value, msg.render(st.lang))
}

/// The closing line: nothing late, or how many items are.
fn overdue_summary(o: &Overdue, date: Date, st: Style) -> String {
    let msg = match o.len() {
        0 => Msg::new(&m::OVERDUE_NONE),
        n => Msg::new(&m::OVERDUE_SOME).count("n", n, "item", "items"),
    }
    .date("date", date)
    .text("behind", o.behind.to_string());
    msg.render(st.lang) + "\n"
}

/// `kbbt check overdue`'s listing: per group its late items, then the instructions past due, then
/// the count.
pub fn overdue(reg: &Register, o: &Overdue, date: Date, st: Style) -> String {
    let p = &reg.platform.value;
    let mut out = String::new();
    for (g, items) in &o.groups {
        let gd = &p.groups[*g];
        let _ = writeln!(out, "{}", st.bold(&group_heading(gd, st.lang)));
        for l in items {
            let _ = writeln!(out, "{}", late_line(reg, l, st));
        }
    }
    if !o.instructions.is_empty() {
        let heading = Msg::new(&m::OVERDUE_INSTRUCTIONS).render(st.lang);
        let _ = writeln!(out, "{}", st.bold(&heading));
        for r in &o.instructions {
            let _ = writeln!(out, "{}", instruction_line(reg, r, st));
        }
    }
    out.push_str(&overdue_summary(o, date, st));
    out
}

/// A case's suggested milestones: its id and title, then one line per suggestion.
pub fn suggestions(reg: &Register, case: usize, s: &[Suggestion], st: Style) -> String {
    let c = &reg.cases[case].value;
    let mut out = format!("{} {}\n", c.id.value, c.title.value);
    for x in s {
        let line = match x.done {
            Some(d) => Msg::new(&m::SUGGESTED_MET).date("met", d),
            None => Msg::new(&m::SUGGESTED),
        }
        .date("due", x.due)
        .text("text", x.text.clone());
        let _ = writeln!(out, "  {}", line.render(st.lang));
    }
    out
}

/// What changed, as JSON: both points and, per group, each kind's case ids.
pub fn diff_json(reg: &Register, d: &Diff) -> String {
    let p = &reg.platform.value;
    let point = |x: &crate::diff::Point| json!({ "label": x.label, "date": x.date.to_string(), "ongoing": x.ongoing });
    let groups = d.groups.iter().map(|(gi, lists)| {
        let mut o = serde_json::Map::new();
        o.insert("group".into(), json!(p.groups[*gi].name.value));
        for (k, (name, _)) in KINDS.iter().enumerate() {
            let ids: Vec<String> = lists[k]
                .iter()
                .map(|c| reg.cases[*c].value.id.value.to_string())
                .collect();
            o.insert((*name).into(), json!(ids));
        }
        serde_json::Value::Object(o)
    });
    let v = json!({
        "from": point(&d.from),
        "to": point(&d.to),
        "groups": groups.collect::<Vec<_>>(),
    });
    super::card::pretty(&v)
}

/// What changed, as text: both points with their ongoing counts, then per group each change.
pub fn diff_text(reg: &Register, d: &Diff, st: Style) -> String {
    let (a, b) = (&d.from, &d.to);
    // A point given as a date is shown as that date (ROC under zh-TW); a meeting by its id and date.
    let point = |p: &crate::diff::Point| {
        if p.label == p.date.to_string() {
            Msg::new(&m::DATE).date("date", p.date)
        } else {
            Msg::new(&m::DIFF_POINT_MEETING)
                .text("id", p.label.clone())
                .date("date", p.date)
        }
    };
    let heading = Msg::new(&m::DIFF_HEADING)
        .msg("from", point(a))
        .msg("to", point(b))
        .num("a", a.ongoing)
        .num("b", b.ongoing);
    let mut s = format!("{}\n", st.bold(&heading.render(st.lang)));
    let mut any = false;
    for (gi, lists) in &d.groups {
        if lists.iter().all(Vec::is_empty) {
            continue;
        }
        any = true;
        let _ = writeln!(s, "{}", st.bold(&reg.platform.value.groups[*gi].name.value));
        for (k, (name, _)) in KINDS.iter().enumerate() {
            for c in &lists[k] {
                let c = &reg.cases[*c].value;
                let label = crate::i18n::label(st.lang, name);
                let pad =
                    9usize.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
                let _ = writeln!(
                    s,
                    "  {label}{} {} {}",
                    " ".repeat(pad),
                    c.id.value,
                    c.title.value
                );
            }
        }
    }
    if !any {
        s.push_str(&Msg::new(&m::NOTHING_CHANGED).render(st.lang));
        s.push('\n');
    }
    s
}

/// A stale case's "when": its latest progress's date or "no progress", marked when unconfirmed.
fn stale_when(s: &crate::follow::StaleCase, st: Style) -> String {
    let when = match s.latest {
        Some(d) => Msg::new(&m::DATE).date("date", d),
        None => Msg::new(&m::STALE_NO_PROGRESS),
    };
    match s.unconfirmed {
        true => Msg::new(&m::STALE_UNCONFIRMED_WHEN).msg("when", when),
        false => when,
    }
    .render(st.lang)
}

/// The closing lines of `check stale`: no ongoing case, none stale, or how many are.
fn stale_summary(s: &crate::follow::Stale, date: Date, months: u32, st: Style) -> String {
    let since = match s.cut {
        Some(c) => Msg::new(&m::SINCE).date("cut", c),
        None => Msg::new(&m::SINCE_NO_CUT),
    }
    .count("n", months, "month", "months")
    .date("day", date);
    let (checked, stale, unconfirmed) = (s.checked, s.stale(), s.unconfirmed());
    let mut lines = vec![if checked == 0 {
        Msg::new(&m::STALE_NONE_ONGOING).date("day", date)
    } else if stale == 0 {
        Msg::new(&m::STALE_NONE)
            .num("checked", checked)
            .msg("since", since)
    } else {
        Msg::new(&m::STALE_SOME)
            .num("stale", stale)
            .num("checked", checked)
            .msg("since", since)
    }];
    if checked > 0 && stale > 0 && unconfirmed > 0 {
        lines.push(Msg::new(&m::STALE_UNCONFIRMED).num("n", unconfirmed));
    }
    lines.iter().map(|l| l.render(st.lang) + "\n").collect()
}

/// `kbbt check stale`'s listing: per group its stale cases (id, when, title), then the count.
pub fn stale(
    reg: &Register,
    s: &crate::follow::Stale,
    date: Date,
    months: u32,
    st: Style,
) -> String {
    let p = &reg.platform.value;
    let mut out = String::new();
    for (g, cases) in &s.groups {
        let gd = &p.groups[*g];
        let _ = writeln!(out, "{}", st.bold(&group_heading(gd, st.lang)));
        let w = cases
            .iter()
            .map(|c| reg.cases[c.case].value.id.value.len())
            .max()
            .unwrap_or(0);
        for c in cases {
            let case = &reg.cases[c.case].value;
            let (id, title) = (&case.id.value, &case.title.value);
            let _ = writeln!(out, "  {id:<w$}  {}  {title}", stale_when(c, st));
        }
    }
    out.push_str(&stale_summary(s, date, months, st));
    out
}

/// A group as a heading: `交通組 (TR)`, 「交通組（TR）」 in Chinese.
fn group_heading(g: &crate::model::GroupDef, lang: Lang) -> String {
    Msg::new(&m::GROUP_AND_CODE)
        .text("name", g.name.value.clone())
        .text("code", g.code.value.clone())
        .render(lang)
}
