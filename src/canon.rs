//! The canonical layout of case files: what `fmt` writes and what `apply` writes for new cases.
//!
//! Plain scalars only where every YAML reader reads them back as the same string; everything else is
//! double-quoted; multi-line texts are literal blocks. Pure: model → text.

use crate::model::meeting::{Counts, Discrepancy, Merge, Rename, Replace};
use crate::model::{
    Case, HistoryEntry, Meeting, NewCase, Platform, Ref, Stated, Statement, Target,
};
use crate::yaml::Sp;
use std::fmt::Write;

const WIDTH: usize = 100;

/// Whether `s` can be written as a plain scalar (in flow context when `flow`).
pub fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s || s.chars().any(|c| c.is_control()) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if flow && s.chars().any(|c| ",[]{}".contains(c)) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "y"
            | "n"
            | "null"
            | "~"
            | ".nan"
            | ".inf"
            | "-.inf"
            | "+.inf"
    ) {
        return false;
    }
    // Anything made only of digits and number or date punctuation could be read as a number or date.
    if s.chars()
        .all(|c| c.is_ascii_digit() || "+-._:eEoOxXbB ".contains(c))
    {
        return false;
    }
    true
}

/// A scalar as YAML text.
pub fn scalar(s: &str, flow: bool) -> String {
    if plain_ok(s, flow) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key: value` for a possibly multi-line text at `indent`.
fn text_field(out: &mut String, indent: usize, key: &str, s: &str) {
    let pad = " ".repeat(indent);
    let block_ok = s.contains('\n')
        && !s.starts_with(' ')
        && !s.chars().any(|c| c.is_control() && c != '\n')
        && !s.lines().any(|l| l.ends_with(' ') || l.ends_with('\t'))
        && !s.ends_with("\n\n");
    if block_ok {
        let chomp = if s.ends_with('\n') { "|" } else { "|-" };
        let _ = writeln!(out, "{pad}{key}: {chomp}");
        for line in s.trim_end_matches('\n').split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}  {line}");
            }
        }
    } else {
        let _ = writeln!(out, "{pad}{key}: {}", scalar(s, false));
    }
}

fn list_field(out: &mut String, key: &str, items: &[&str]) {
    if items.is_empty() {
        return;
    }
    let flow: Vec<String> = items.iter().map(|s| scalar(s, true)).collect();
    let line = format!("{key}: [{}]", flow.join(", "));
    if line.chars().count() <= WIDTH {
        out.push_str(&line);
        out.push('\n');
    } else {
        let _ = writeln!(out, "{key}:");
        for s in items {
            let _ = writeln!(out, "  - {}", scalar(s, false));
        }
    }
}

fn strs<S: AsRef<str>>(v: &[Sp<S>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_ref()).collect()
}

/// The canonical order of a case file's keys: `fmt` writes them in this order, and a minimal edit
/// inserts a missing key after the block of the last of its predecessors that exists.
pub const CASE_KEYS: &[&str] = &[
    "id",
    "title",
    "aliases",
    "group",
    "lead",
    "partners",
    "topics",
    "parent",
    "status",
    "replaces",
    "replaced_by",
    "merged_into",
    "merged_from",
    "history",
    "progress",
    "milestones",
    "sources",
    "notes",
    "kind",
    "summary",
    "approach",
    "benefits",
    "ministries",
    "contact",
];

/// The keys that come before `key` in a case file.
pub fn keys_before(key: &str) -> &'static [&'static str] {
    let i = CASE_KEYS
        .iter()
        .position(|k| *k == key)
        .unwrap_or(CASE_KEYS.len());
    &CASE_KEYS[..i]
}

/// A history entry as a one-line flow mapping.
pub fn history_entry(e: &HistoryEntry) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &e.date {
        parts.push(format!("date: {}", d.value));
    }
    if let Some(d) = &e.not_after {
        parts.push(format!("not_after: {}", d.value));
    }
    if let Some(m) = &e.meeting {
        parts.push(format!("meeting: {}", scalar(&m.value, true)));
    }
    parts.push(format!("action: {}", e.action.value));
    if let Some(n) = &e.note {
        parts.push(format!("note: {}", scalar(n, true)));
    }
    if let Some(s) = &e.source {
        parts.push(format!("source: {}", scalar(s, true)));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// The whole case file, after `header` (leading comment lines, each ending in a newline).
pub fn case(c: &Case, header: &str) -> String {
    let mut o = String::from(header);
    let _ = writeln!(o, "id: {}", scalar(&c.id, false));
    let _ = writeln!(o, "title: {}", scalar(&c.title, false));
    list_field(&mut o, "aliases", &strs(&c.aliases));
    let _ = writeln!(o, "group: {}", scalar(&c.group, false));
    if let Some(l) = &c.lead {
        let _ = writeln!(o, "lead: {}", scalar(l, false));
    }
    list_field(&mut o, "partners", &strs(&c.partners));
    list_field(&mut o, "topics", &strs(&c.topics));
    if let Some(p) = &c.parent {
        let _ = writeln!(o, "parent: {}", scalar(p, false));
    }
    let _ = writeln!(o, "status: {}", c.status.value);
    list_field(&mut o, "replaces", &strs(&c.replaces));
    list_field(&mut o, "replaced_by", &strs(&c.replaced_by));
    if let Some(m) = &c.merged_into {
        let _ = writeln!(o, "merged_into: {}", scalar(m, false));
    }
    list_field(&mut o, "merged_from", &strs(&c.merged_from));
    if !c.history.is_empty() {
        o.push_str("history:\n");
        for e in &c.history {
            let _ = writeln!(o, "  - {}", history_entry(e));
        }
    }
    if !c.progress.is_empty() {
        o.push_str("progress:\n");
        for p in &c.progress {
            let _ = writeln!(o, "  - as_of: {}", p.as_of.value);
            if let Some(x) = &p.planned {
                let _ = writeln!(o, "    planned: {}", x.value);
            }
            if let Some(x) = &p.actual {
                let _ = writeln!(o, "    actual: {}", x.value);
            }
            text_field(&mut o, 4, "text", &p.text);
        }
    }
    if !c.milestones.is_empty() {
        o.push_str("milestones:\n");
        for m in &c.milestones {
            let _ = writeln!(o, "  - {}", milestone(&m.value));
        }
    }
    let sources: Vec<&str> = c.sources.iter().map(String::as_str).collect();
    list_field(&mut o, "sources", &sources);
    for (k, v) in [
        ("notes", &c.notes),
        ("kind", &c.kind),
        ("summary", &c.summary),
        ("approach", &c.approach),
        ("benefits", &c.benefits),
    ] {
        if let Some(v) = v {
            text_field(&mut o, 0, k, v);
        }
    }
    let ministries: Vec<&str> = c.ministries.iter().map(String::as_str).collect();
    list_field(&mut o, "ministries", &ministries);
    if let Some(v) = &c.contact {
        text_field(&mut o, 0, "contact", v);
    }
    o
}

/// `{ k: v, … }` from already-written values, leaving out empty ones.
fn flow_map(parts: &[(&str, Option<String>)]) -> String {
    let inner: Vec<String> = parts
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

fn flow_list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| format!("[{}]", items.join(", ")))
}

fn flow_strs<S: AsRef<str>>(v: &[Sp<S>]) -> Option<String> {
    flow_list(
        &v.iter()
            .map(|s| scalar(s.value.as_ref(), true))
            .collect::<Vec<_>>(),
    )
}

/// A new case in a decision: the bare title when that is all it has, else a flow mapping.
fn new_case(n: &NewCase) -> String {
    let bare = n.id.is_none()
        && n.parent.is_none()
        && n.lead.is_none()
        && n.partners.is_empty()
        && n.topics.is_empty()
        && n.aliases.is_empty()
        && n.note.is_none();
    if bare {
        return scalar(&n.title, true);
    }
    flow_map(&[
        ("parent", n.parent.as_ref().map(|p| scalar(p, true))),
        ("title", Some(scalar(&n.title, true))),
        ("id", n.id.as_ref().map(|p| scalar(p, true))),
        ("lead", n.lead.as_ref().map(|p| scalar(p, true))),
        ("partners", flow_strs(&n.partners)),
        ("topics", flow_strs(&n.topics)),
        ("aliases", flow_strs(&n.aliases)),
        ("note", n.note.as_ref().map(|p| scalar(p, true))),
    ])
}

fn reference(r: &Ref) -> String {
    if r.id.is_none() && r.note.is_none() {
        return scalar(&r.case, true);
    }
    flow_map(&[
        ("case", Some(scalar(&r.case, true))),
        ("id", r.id.as_ref().map(|p| scalar(p, true))),
        ("note", r.note.as_ref().map(|p| scalar(p, true))),
    ])
}

fn items(out: &mut String, key: &str, v: &[String]) {
    if v.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {key}:");
    for i in v {
        let _ = writeln!(out, "      - {i}");
    }
}

fn counts(c: &Counts) -> String {
    let n = |x: Option<Sp<u32>>| x.map(|v| v.value.to_string());
    flow_map(&[
        ("delist", n(c.delist)),
        ("add", n(c.add)),
        ("ongoing", n(c.ongoing)),
    ])
}

/// The whole meeting file, after `header`.
pub fn meeting(m: &Meeting, header: &str) -> String {
    let mut o = String::from(header);
    let _ = writeln!(o, "id: {}", scalar(&m.id, false));
    let _ = writeln!(o, "title: {}", scalar(&m.title, false));
    let _ = writeln!(o, "level: {}", scalar(&m.level, false));
    if let Some(d) = &m.date {
        let _ = writeln!(o, "date: {}", d.value);
    }
    if let Some(s) = &m.source {
        let _ = writeln!(o, "source: {}", scalar(s, false));
    }
    if let Some(r) = &m.records {
        let kinds: Vec<&str> = r.value.iter().map(|k| k.value.as_str()).collect();
        let _ = writeln!(o, "records: [{}]", kinds.join(", "));
    }
    if m.decisions.0.is_empty() {
        o.push_str("decisions: {}\n");
    } else {
        o.push_str("decisions:\n");
    }
    for (group, d) in &m.decisions.0 {
        let _ = writeln!(o, "  {}:", scalar(group, false));
        let replace: Vec<String> = d
            .replace
            .iter()
            .map(|r| {
                let Replace { case, by, note } = &r.value;
                let by: Vec<String> = by.iter().map(|n| new_case(n)).collect();
                flow_map(&[
                    ("case", Some(scalar(case, true))),
                    ("by", flow_list(&by)),
                    ("note", note.as_ref().map(|n| scalar(n, true))),
                ])
            })
            .collect();
        items(&mut o, "replace", &replace);
        let merge: Vec<String> = d
            .merge
            .iter()
            .map(|m| {
                let Merge { cases, into, note } = &m.value;
                let into = match &into.value {
                    Target::Existing(s) => scalar(s, true),
                    Target::New(n) => {
                        let s = new_case(n);
                        if s.starts_with('{') {
                            s
                        } else {
                            flow_map(&[("title", Some(s))])
                        }
                    }
                };
                flow_map(&[
                    ("cases", flow_strs(cases)),
                    ("into", Some(into)),
                    ("note", note.as_ref().map(|n| scalar(n, true))),
                ])
            })
            .collect();
        items(&mut o, "merge", &merge);
        items(
            &mut o,
            "add",
            &d.add.iter().map(|n| new_case(n)).collect::<Vec<_>>(),
        );
        items(
            &mut o,
            "subcases",
            &d.subcases.iter().map(|n| new_case(n)).collect::<Vec<_>>(),
        );
        items(
            &mut o,
            "propose",
            &d.propose.iter().map(|n| new_case(n)).collect::<Vec<_>>(),
        );
        let rename: Vec<String> = d
            .rename
            .iter()
            .map(|r| {
                let Rename { case, to, note } = &r.value;
                flow_map(&[
                    ("case", Some(scalar(case, true))),
                    ("to", Some(scalar(to, true))),
                    ("note", note.as_ref().map(|n| scalar(n, true))),
                ])
            })
            .collect();
        items(&mut o, "rename", &rename);
        items(
            &mut o,
            "relist",
            &d.relist.iter().map(|r| reference(r)).collect::<Vec<_>>(),
        );
        items(
            &mut o,
            "delist",
            &d.delist.iter().map(|r| reference(r)).collect::<Vec<_>>(),
        );
        if let Some(n) = d.ongoing {
            let _ = writeln!(o, "    ongoing: {}", n.value);
        }
    }
    if let Some(t) = &m.totals {
        let _ = writeln!(o, "totals: {}", counts(&t.value));
    }
    if let Some(a) = &m.all_time {
        let n = |x: Option<Sp<u32>>| x.map(|v| v.value.to_string());
        let _ = writeln!(
            o,
            "all_time: {}",
            flow_map(&[
                ("cases", n(a.value.cases)),
                ("completed", n(a.value.completed))
            ])
        );
    }
    if !m.discrepancies.is_empty() {
        o.push_str("discrepancies:\n");
        for d in &m.discrepancies {
            let _ = writeln!(o, "  - {}", discrepancy(&d.value));
        }
    }
    if !m.statements.is_empty() {
        o.push_str("statements:\n");
        for st in &m.statements {
            statement(&mut o, &st.value);
        }
    }
    if !m.instructions.is_empty() {
        o.push_str("instructions:\n");
        for i in &m.instructions {
            let i = &i.value;
            let _ = writeln!(
                o,
                "  - {}",
                flow_map(&[
                    ("id", Some(scalar(&i.id, true))),
                    ("to", i.to.as_ref().map(|t| scalar(t, true))),
                    ("due", i.due.as_ref().map(|d| d.value.to_string())),
                    ("text", Some(scalar(&i.text, true))),
                    ("note", i.note.as_ref().map(|n| scalar(n, true))),
                ])
            );
        }
    }
    if let Some(c) = flow_strs(&m.close) {
        let _ = writeln!(o, "close: {c}");
    }
    o
}

/// A milestone as a one-line flow mapping.
pub fn milestone(m: &crate::model::Milestone) -> String {
    flow_map(&[
        ("due", Some(m.due.value.to_string())),
        ("done", m.done.as_ref().map(|d| d.value.to_string())),
        ("text", Some(scalar(&m.text, true))),
        ("source", m.source.as_ref().map(|s| scalar(s, true))),
    ])
}

fn discrepancy(d: &Discrepancy) -> String {
    let kinds = d.kinds();
    let kind = match kinds.as_slice() {
        [] => None,
        [k] => Some(k.as_str().to_string()),
        ks => Some(format!(
            "[{}]",
            ks.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
        )),
    };
    flow_map(&[
        ("group", d.group.as_ref().map(|g| scalar(g, true))),
        ("field", Some(scalar(&d.field, true))),
        ("stated", Some(d.stated.to_string())),
        ("register", Some(d.register.to_string())),
        ("kind", kind),
        ("note", d.note.as_ref().map(|n| scalar(n, true))),
    ])
}

fn stated(x: Option<Sp<Stated>>) -> Option<String> {
    x.map(|v| match v.value {
        Stated::Exact(n) => n.to_string(),
        Stated::Range { min, max } => format!("{{ min: {min}, max: {max} }}"),
    })
}

/// One statement by another source, as a block mapping in the list.
fn statement(o: &mut String, st: &Statement) {
    let _ = writeln!(o, "  - source: {}", scalar(&st.source, false));
    if let Some(d) = &st.date {
        let _ = writeln!(o, "    date: {}", d.value);
    }
    if let Some(u) = &st.url {
        let _ = writeln!(o, "    url: {}", scalar(u, false));
    }
    if let Some(q) = &st.quote {
        text_field(o, 4, "quote", q);
    }
    if let Some(t) = &st.totals {
        let t = t.value;
        let _ = writeln!(
            o,
            "    totals: {}",
            flow_map(&[
                ("delist", stated(t.delist)),
                ("add", stated(t.add)),
                ("ongoing", stated(t.ongoing)),
                ("tracked", stated(t.tracked)),
            ])
        );
    }
    if let Some(a) = &st.all_time {
        let _ = writeln!(
            o,
            "    all_time: {}",
            flow_map(&[
                ("cases", stated(a.value.cases)),
                ("completed", stated(a.value.completed)),
            ])
        );
    }
    if !st.discrepancies.is_empty() {
        o.push_str("    discrepancies:\n");
        for d in &st.discrepancies {
            let _ = writeln!(o, "      - {}", discrepancy(&d.value));
        }
    }
    if let Some(n) = &st.note {
        text_field(o, 4, "note", n);
    }
}

/// The whole platform file, after `header`.
pub fn platform(p: &Platform, header: &str) -> String {
    let mut o = String::from(header);
    let _ = writeln!(o, "name: {}", scalar(&p.name, false));
    if let Some(s) = &p.short {
        let _ = writeln!(o, "short: {}", scalar(s, false));
    }
    if let Some(d) = &p.founded {
        let _ = writeln!(o, "founded: {}", d.value);
    }
    if let Some(l) = &p.language {
        let _ = writeln!(o, "language: {}", scalar(l, false));
    }
    list_field(&mut o, "members", &strs(&p.members));
    o.push_str("groups:\n");
    for g in &p.groups {
        let g = &g.value;
        let _ = writeln!(
            o,
            "  - {}",
            flow_map(&[
                ("name", Some(scalar(&g.name, true))),
                ("code", Some(scalar(&g.code, true))),
                ("aliases", flow_strs(&g.aliases)),
            ])
        );
    }
    list_field(&mut o, "levels", &strs(&p.levels));
    list_field(&mut o, "topics", &strs(&p.topics));
    let sources: Vec<&str> = p.sources.iter().map(String::as_str).collect();
    list_field(&mut o, "sources", &sources);
    if !p.listings.is_empty() {
        o.push_str("listings:\n");
        for l in &p.listings {
            let l = &l.value;
            let _ = writeln!(
                o,
                "  - {}",
                flow_map(&[
                    ("date", Some(l.date.value.to_string())),
                    ("source", Some(scalar(&l.source, true))),
                    ("note", l.note.as_ref().map(|n| scalar(n, true))),
                ])
            );
        }
    }
    o
}

/// The leading comment lines of a file (kept by `fmt`), each with its newline.
pub fn header(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut h = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_end_matches(['\r', '\n']);
        if t.starts_with('#') {
            h.push_str(t);
            h.push('\n');
        } else {
            break;
        }
    }
    h
}

/// Whether the text has comments after its header (which `fmt` would lose).
pub fn has_body_comments(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut in_header = true;
    let mut block_indent: Option<usize> = None;
    for line in text.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if in_header && t.starts_with('#') {
            continue;
        }
        in_header = false;
        if let Some(b) = block_indent {
            if t.is_empty() || indent >= b {
                continue;
            }
            block_indent = None;
        }
        if t.starts_with('#') {
            return true;
        }
        if t.contains(" #") && !t.contains('"') && !t.contains('\'') {
            return true;
        }
        if t.ends_with('|')
            || t.ends_with("|-")
            || t.ends_with('>')
            || t.ends_with(">-")
            || t.ends_with("|+")
        {
            block_indent = Some(indent + 1);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_strings_are_quoted() {
        for s in [
            "no",
            "On",
            "2023-07-27",
            "123",
            "1.5",
            "- x",
            "a: b",
            "x #y",
            "",
            " a",
            "null",
            "~",
        ] {
            assert!(!plain_ok(s, false), "{s}");
        }
        for s in [
            "捷運萬大-中和-樹林線",
            "2024IEYI 世界青少年發明展國際賽",
            "電子煙 GetOut!",
            "TR-003",
            "vm-3",
        ] {
            assert!(plain_ok(s, false), "{s}");
        }
        assert!(!plain_ok("a, b", true));
        assert_eq!(scalar("say \"hi\"", false), "say \"hi\"");
        assert_eq!(scalar("\"q", false), "\"\\\"q\"");
    }

    #[test]
    fn body_comments_are_detected() {
        assert!(!has_body_comments(
            "# schema\nid: TR-001\ntext: |\n  # not a comment\n"
        ));
        assert!(has_body_comments("id: TR-001 # here\n"));
        assert!(has_body_comments("id: TR-001\n# there\ntitle: x\n"));
    }
}
