//! The canonical layout of case files: what `fmt` writes and what `apply` writes for new cases.
//!
//! Plain scalars only where every YAML reader reads them back as the same string; everything else is
//! double-quoted; multi-line texts are literal blocks. Pure: model → text.

use crate::model::{Case, HistoryEntry};
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

fn strs(v: &[Sp<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

/// A history entry as a one-line flow mapping.
pub fn history_entry(e: &HistoryEntry) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &e.date {
        parts.push(format!("date: {}", d.value));
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
            text_field(&mut o, 4, "text", &p.text);
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
