//! The cases `kbbt list` finds: a table for the terminal or Markdown, a wide table for CSV and
//! workbooks, and JSON. Pure: values in, strings out.

use super::Table;
use crate::catalog as m;
use crate::i18n::Lang;
use crate::index::Index;
use crate::model::{Action, Case, Date, HistoryEntry, Register};
use crate::msg::Msg;
use crate::yaml::Sp;

fn join<S: AsRef<str>>(v: &[Sp<S>]) -> String {
    v.iter()
        .map(|x| x.value.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

/// The cases as a JSON array of [`super::card::case_json`].
pub fn json(cases: &[&Case]) -> String {
    let v: Vec<_> = cases.iter().map(|c| super::card::case_json(c)).collect();
    super::card::pretty(&serde_json::Value::Array(v))
}

/// The table for a terminal or Markdown: id, title, group, status (in the language), lead and
/// partners.
pub fn table(cases: &[&Case], lang: Lang) -> Table {
    let mut t = Table::new(&["id", "title", "group", "status", "lead", "partners"]);
    for c in cases {
        let mut row = cells(c);
        row[3] = crate::i18n::label(lang, c.status.value.as_str());
        t.row(row);
    }
    t
}

/// The table for a terminal, lead and partners only when some case names them, and the count.
pub fn terminal(cases: &[&Case], style: super::Style) -> String {
    let mut s = table(cases, style.lang)
        .without_empty(&[4, 5])
        .terminal(style);
    let count = Msg::new(&m::CASES_COUNT).count("n", cases.len(), "case", "cases");
    s.push_str(&count.render(style.lang));
    s.push('\n');
    s
}

/// The meeting and date of a history entry (the meeting's date when the entry has none).
fn when(reg: &Register, idx: &Index, h: &HistoryEntry) -> (String, Option<Date>) {
    let meeting = h.meeting.as_ref().map(|m| m.value.to_string());
    let date = h.date.as_ref().map(|d| d.value).or_else(|| {
        meeting
            .as_ref()
            .and_then(|m| idx.meeting_by_id.get(m))
            .and_then(|m| reg.meetings[*m].value.date())
    });
    (meeting.unwrap_or_default(), date)
}

/// The columns of list's CSV and workbook: the table's columns first, then the dates, progress and
/// topics.
pub const WIDE_COLUMNS: [&str; 13] = [
    "id",
    "title",
    "group",
    "status",
    "lead",
    "partners",
    "added_meeting",
    "added_date",
    "delisted_meeting",
    "delisted_date",
    "progress_date",
    "progress",
    "topics",
];

/// The date columns of [`WIDE_COLUMNS`].
pub const WIDE_DATES: [usize; 3] = [7, 9, 10];

/// The wide table (CSV, workbook): one row per case.
pub fn wide_table(reg: &Register, cases: &[&Case]) -> Table {
    let idx = Index::new(reg);
    let mut t = Table::new(&WIDE_COLUMNS);
    for c in cases {
        // Added: the first add (or sub-case) entry. Delisted: the last delist, unless a later
        // entry lists the case again.
        let added = c
            .history
            .iter()
            .find(|h| matches!(h.action.value, Action::Add | Action::Subcase))
            .map(|h| when(reg, &idx, &h.value));
        let last_delist = c
            .history
            .iter()
            .rposition(|h| h.action.value == Action::Delist);
        let delisted = last_delist
            .filter(|i| {
                !c.history[i + 1..]
                    .iter()
                    .any(|h| matches!(h.action.value, Action::Add | Action::Relist))
            })
            .map(|i| when(reg, &idx, &c.history[i].value));
        let date = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
        let progress = c.latest_progress(None);
        let mut row = cells(c);
        row.extend([
            added.as_ref().map_or(String::new(), |a| a.0.clone()),
            date(added.as_ref().and_then(|a| a.1)),
            delisted.as_ref().map_or(String::new(), |a| a.0.clone()),
            date(delisted.as_ref().and_then(|a| a.1)),
            date(progress.map(|p| p.as_of.value)),
            progress.map_or(String::new(), |p| p.text.trim_end().to_string()),
            join(&c.topics),
        ]);
        t.row(row);
    }
    t
}

/// The cells every list table starts with: id, title, group, status, lead and partners.
fn cells(c: &Case) -> Vec<String> {
    vec![
        c.id.value.to_string(),
        c.title.value.clone(),
        c.group.value.to_string(),
        c.status.value.to_string(),
        c.lead
            .as_ref()
            .map_or(String::new(), |l| l.value.to_string()),
        join(&c.partners),
    ]
}
