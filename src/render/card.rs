//! One case's card, for `kbbt show`: its fields, its light today, its history, its latest progress,
//! notes and sources, as text or JSON. Pure: values in, strings out.

use super::Style;
use crate::catalog as cat;
use crate::follow::Light;
use crate::i18n::{self, Lang};
use crate::index::Index;
use crate::model::{Case, Date, Register};
use crate::msg::Msg;
use crate::yaml::Sp;
use serde_json::json;

/// A case as JSON: every field `kbbt list --format json` and `kbbt show --format json` give.
pub fn case_json(c: &Case) -> serde_json::Value {
    fn s<S: AsRef<str>>(v: &[Sp<S>]) -> Vec<&str> {
        v.iter().map(|x| x.value.as_ref()).collect()
    }
    json!({
        "id": c.id.value, "title": c.title.value, "aliases": s(&c.aliases), "group": c.group.value,
        "lead": c.lead.as_ref().map(|l| l.value.as_str()), "partners": s(&c.partners), "topics": s(&c.topics),
        "parent": c.parent.as_ref().map(|l| l.value.clone()), "status": c.status.value.as_str(),
        "replaces": s(&c.replaces), "replaced_by": s(&c.replaced_by),
        "merged_into": c.merged_into.as_ref().map(|l| l.value.clone()), "merged_from": s(&c.merged_from),
        "history": c.history.iter().map(|h| json!({
            "date": h.date.as_ref().map(|d| d.value.to_string()), "meeting": h.meeting.as_ref().map(|m| m.value.clone()),
            "action": h.action.value.as_str(), "note": h.note, "source": h.source,
        })).collect::<Vec<_>>(),
        "progress": c.progress.iter().map(|p| json!({
            "as_of": p.as_of.value.to_string(), "text": p.text,
            "planned": p.planned.map(|x| x.value.0), "actual": p.actual.map(|x| x.value.0),
        })).collect::<Vec<_>>(),
        "milestones": c.milestones.iter().map(|m| json!({
            "due": m.value.due.value.to_string(), "done": m.value.done.as_ref().map(|d| d.value.to_string()),
            "text": m.value.text, "source": m.value.source,
        })).collect::<Vec<_>>(),
        "sources": c.sources, "notes": c.notes,
    })
}

/// Pretty JSON with a final line break.
pub fn pretty(v: &serde_json::Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

/// The card as JSON: [`case_json`] and the case's `file`.
pub fn card_json(c: &Case, file: &str) -> String {
    let mut v = case_json(c);
    v["file"] = json!(file);
    pretty(&v)
}

/// A card's field line: the label padded to 12 columns, dimmed, then the value; nothing for an
/// empty value.
pub fn field(st: Style, k: &str, v: &str) -> String {
    if v.is_empty() {
        return String::new();
    }
    let k = i18n::label(st.lang, k);
    let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
    format!("  {}{v}\n", st.dim(&format!("{k}{}", " ".repeat(pad))))
}

fn join<S: AsRef<str>>(v: &[Sp<S>]) -> String {
    v.iter()
        .map(|x| x.value.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

fn one<S: AsRef<str>>(v: Option<&Sp<S>>) -> String {
    v.map_or(String::new(), |l| l.value.as_ref().to_string())
}

/// The light as the card shows it (only for an ongoing case).
fn light_text(lang: Lang, light: Option<Light>) -> String {
    match (light, lang) {
        (None, _) => String::new(),
        (Some(l), Lang::ZhTw) => format!("{} {}", l.mark(), l.zh()),
        (Some(l), Lang::En) => format!("{} {}", l.mark(), l.as_str().replace('-', " ")),
    }
}

/// The fields of a case, from its status to its file.
fn fields(c: &Case, file: &str, light: Option<Light>, st: Style) -> String {
    let mut s = String::new();
    s.push_str(&field(
        st,
        "status",
        &i18n::label(st.lang, c.status.value.as_str()),
    ));
    s.push_str(&field(st, "group", &c.group.value));
    s.push_str(&field(st, "lead", &one(c.lead.as_ref())));
    s.push_str(&field(st, "partners", &join(&c.partners)));
    s.push_str(&field(st, "aliases", &join(&c.aliases)));
    s.push_str(&field(st, "topics", &join(&c.topics)));
    s.push_str(&field(st, "parent", &one(c.parent.as_ref())));
    s.push_str(&field(st, "replaces", &join(&c.replaces)));
    s.push_str(&field(st, "replaced by", &join(&c.replaced_by)));
    s.push_str(&field(st, "merged into", &one(c.merged_into.as_ref())));
    s.push_str(&field(st, "merged from", &join(&c.merged_from)));
    s.push_str(&field(st, "light", &light_text(st.lang, light)));
    for m in &c.milestones {
        let m = &m.value;
        let line = match &m.done {
            Some(d) => Msg::new(&cat::CARD_MILESTONE_MET).date("met", d.value),
            None => Msg::new(&cat::CARD_MILESTONE),
        }
        .date("due", m.due.value)
        .text("text", m.text.clone());
        s.push_str(&field(st, "milestone", &line.render(st.lang)));
    }
    s.push_str(&field(st, "file", file));
    s
}

/// A section's heading: a blank line, then the label in bold.
fn heading(st: Style, label: &str) -> String {
    format!("\n{}\n", st.bold(&i18n::label(st.lang, label)))
}

/// The history: one line per entry, its date (the meeting's when the entry has none), meeting,
/// action (padded to 8 columns) and note or source.
fn history(reg: &Register, idx: &Index, c: &Case, st: Style) -> String {
    let mut s = heading(st, "History");
    for h in &c.history {
        let date = h.date.as_ref().map(|d| d.value).or_else(|| {
            h.meeting
                .as_ref()
                .and_then(|m| idx.meeting_by_id.get(m.value.as_str()))
                .and_then(|m| reg.meetings[*m].value.date())
        });
        let a = i18n::label(st.lang, h.action.value.as_str());
        let w = unicode_width::UnicodeWidthStr::width(a.as_str());
        let action = format!("{a}{}", " ".repeat(8usize.saturating_sub(w)));
        let line = format!(
            "  {:<10}  {:<8} {}{}",
            date.map_or_else(|| "—".to_string(), |d| st.date(d)),
            h.meeting.as_ref().map_or("", |m| m.value.as_str()),
            action,
            h.note
                .as_ref()
                .or(h.source.as_ref())
                .map_or(String::new(), |n| format!(" {n}"))
        );
        s.push_str(&format!("{}\n", line.trim_end()));
    }
    s
}

/// The latest progress, notes and sources, each under its heading when there is any.
fn texts(c: &Case, st: Style) -> String {
    let mut s = String::new();
    let indented = |text: &str| text.lines().map(|l| format!("  {l}\n")).collect::<String>();
    if let Some(p) = c.latest_progress(None) {
        let heading = Msg::new(&cat::CARD_LATEST_PROGRESS).date("date", p.as_of.value);
        s.push_str(&format!("\n{}\n", st.bold(&heading.render(st.lang))));
        s.push_str(&indented(&p.text));
    }
    if let Some(n) = &c.notes {
        s.push_str(&heading(st, "Notes"));
        s.push_str(&indented(n));
    }
    if !c.sources.is_empty() {
        s.push_str(&heading(st, "Sources"));
        for x in &c.sources {
            s.push_str(&format!("  {x}\n"));
        }
    }
    s
}

/// The card of case `case` as text. `file` is its file as the reader sees it; `today` the day its
/// light is for (an ongoing case's only).
pub fn card_text(
    reg: &Register,
    idx: &Index,
    case: usize,
    file: &str,
    today: Date,
    st: Style,
) -> String {
    let c = &reg.cases[case].value;
    let light = (c.status.value == crate::model::Status::Ongoing)
        .then(|| crate::follow::light(c, today, crate::follow::behind_threshold(reg)));
    let mut s = format!("{} {}\n", st.bold(&c.id.value), st.bold(&c.title.value));
    s.push_str(&fields(c, file, light, st));
    s.push_str(&history(reg, idx, c, st));
    s.push_str(&texts(c, st));
    s
}
