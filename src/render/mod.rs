//! Rendering: findings as text, JSON or GitHub annotations; tables as terminal tables, Markdown or
//! CSV. Pure: values in, strings out. Nothing here prints.

pub mod html;
pub mod minutes;
pub mod odf;
pub mod report;
pub mod svg;

use crate::finding::Finding;
use crate::i18n::label;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table as Comfy, presets};
use std::path::Path;

/// Terminal styling: colour only when enabled (a terminal, and no `NO_COLOR`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    pub ascii: bool,
    /// Language of labels and messages (machine formats ignore it).
    pub lang: crate::i18n::Lang,
}

impl Style {
    pub fn paint(self, s: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    pub fn bold(self, s: &str) -> String {
        self.paint(s, "1")
    }
    pub fn dim(self, s: &str) -> String {
        self.paint(s, "2")
    }
}

/// Text for Markdown outside code: HTML's special characters as entities (a register value never
/// becomes markup), line breaks as `<br>`.
pub fn md_inline(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace("\r\n", "\n")
        .replace(['\r', '\n'], "<br>")
}

/// A CSV cell a spreadsheet would not run as a formula (OWASP's advice against CSV injection).
pub fn csv_inert(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = s.parse::<f64>().is_ok() && !s.starts_with(['\t', '\r']);
    if risky && !number {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn shown(base: &Path, file: &Path) -> String {
    base.join(file).display().to_string().replace('\\', "/")
}

/// `path:line:col: error: message` and an indented hint line.
pub fn findings_text(findings: &[Finding], base: &Path, style: Style) -> String {
    let mut out = String::new();
    for f in findings {
        let sev = match f.severity {
            crate::finding::Severity::Error => style.paint(&label(style.lang, "error"), "1;31"),
            crate::finding::Severity::Warning => style.paint(&label(style.lang, "warning"), "1;33"),
        };
        let place = if f.pos.line == 0 {
            shown(base, &f.file)
        } else {
            format!("{}:{}:{}", shown(base, &f.file), f.pos.line, f.pos.col)
        };
        let message = crate::i18n::line(style.lang, &f.message);
        out.push_str(&format!("{}: {sev}: {message}\n", style.bold(&place)));
        if let Some(h) = &f.hint {
            let hint = crate::i18n::line(style.lang, h);
            let sep = if style.lang == crate::i18n::Lang::En {
                " "
            } else {
                ""
            };
            out.push_str(&format!(
                "  {}{sep}{hint}\n",
                style.paint(&label(style.lang, "hint:"), "36")
            ));
        }
    }
    out
}

pub fn summary_line(findings: &[Finding]) -> String {
    let e = findings.iter().filter(|f| f.is_error()).count();
    let w = findings.len() - e;
    let plural = |n: usize, s: &str| format!("{n} {s}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(e, "error"), plural(w, "warning"))
}

pub fn findings_json(findings: &[Finding], base: &Path) -> String {
    let v: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "severity": f.severity.as_str(),
                "code": f.code,
                "file": shown(base, &f.file),
                "line": f.pos.line,
                "column": f.pos.col,
                "message": f.message,
                "hint": f.hint,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&serde_json::json!({
        "errors": findings.iter().filter(|f| f.is_error()).count(),
        "warnings": findings.iter().filter(|f| !f.is_error()).count(),
        "findings": v,
    }))
    .unwrap_or_default();
    s.push('\n');
    s
}

/// GitHub workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn findings_github(findings: &[Finding], base: &Path) -> String {
    fn esc_data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn esc_prop(s: &str) -> String {
        esc_data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut out = String::new();
    for f in findings {
        let mut props = vec![format!("file={}", esc_prop(&shown(base, &f.file)))];
        if f.pos.line > 0 {
            props.push(format!("line={}", f.pos.line));
            props.push(format!("col={}", f.pos.col));
        }
        props.push(format!("title={}", esc_prop(&format!("kbbt {}", f.code))));
        let mut msg = f.message.clone();
        if let Some(h) = &f.hint {
            msg.push_str(&format!("\nhint: {h}"));
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            f.severity.as_str(),
            props.join(","),
            esc_data(&msg)
        ));
    }
    out
}

/// A table of strings, rendered in any of the output formats.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns that hold numbers (right-aligned).
    pub numeric: Vec<usize>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(ToString::to_string).collect(),
            ..Table::default()
        }
    }
    pub fn row(&mut self, r: Vec<String>) {
        self.rows.push(r);
    }

    /// A terminal table; CJK text counts two columns per character.
    pub fn terminal(&self, style: Style) -> String {
        let mut t = Comfy::new();
        t.load_style(if style.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        });
        t.set_content_arrangement(ContentArrangement::Disabled);
        t.set_header(self.header.iter().map(|h| Cell::new(label(style.lang, h))));
        for r in &self.rows {
            t.add_row(r.iter().enumerate().map(|(i, s)| {
                let c = Cell::new(s);
                if self.numeric.contains(&i) {
                    c.set_alignment(CellAlignment::Right)
                } else {
                    c
                }
            }));
        }
        format!("{t}\n")
    }

    pub fn markdown(&self) -> String {
        self.markdown_in(crate::i18n::Lang::En)
    }

    /// Markdown with the header labels in `lang`.
    pub fn markdown_in(&self, lang: crate::i18n::Lang) -> String {
        let esc = |s: &str| md_inline(s).replace('|', "\\|");
        let mut out = format!(
            "| {} |\n",
            self.header
                .iter()
                .map(|h| esc(&label(lang, h)))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        out.push_str(&format!(
            "|{}|\n",
            (0..self.header.len())
                .map(|i| if self.numeric.contains(&i) {
                    " ---: "
                } else {
                    " --- "
                })
                .collect::<Vec<_>>()
                .join("|")
        ));
        for r in &self.rows {
            out.push_str(&format!(
                "| {} |\n",
                r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
        out
    }

    /// RFC 4180 CSV with CRLF line ends. A cell a spreadsheet would take as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return, and not a number) gets a leading `'`, as OWASP
    /// advises against CSV injection.
    pub fn csv(&self) -> String {
        self.csv_with(false)
    }

    /// As [`Table::csv`]; with `raw`, cells are written exactly as they are.
    pub fn csv_with(&self, raw: bool) -> String {
        let field = |s: &str| {
            let s = if raw { s.to_string() } else { csv_inert(s) };
            let s = s.as_str();
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        let mut out = String::new();
        for r in std::iter::once(&self.header).chain(&self.rows) {
            out.push_str(&r.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::Pos;

    #[test]
    fn github_annotations_escape() {
        let f = Finding::error(
            "x",
            Path::new("cases/a,b.yaml"),
            Pos { line: 3, col: 5 },
            "bad: 50%\nnext",
        );
        assert_eq!(
            findings_github(&[f], Path::new("")),
            "::error file=cases/a%2Cb.yaml,line=3,col=5,title=kbbt x::bad: 50%25%0Anext\n"
        );
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        let mut t = Table::new(&["a"]);
        for c in ["=1+1", "+x", "-x", "@SUM(A1)", "\tx", "-3", "TR-001"] {
            t.row(vec![c.into()]);
        }
        assert_eq!(
            t.csv(),
            "a\r\n'=1+1\r\n'+x\r\n'-x\r\n'@SUM(A1)\r\n'\tx\r\n-3\r\nTR-001\r\n"
        );
        assert!(t.csv_with(true).contains("\r\n=1+1\r\n"));
    }

    #[test]
    fn csv_quotes() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x,y".into(), "say \"hi\"".into()]);
        assert_eq!(t.csv(), "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn cjk_columns_align() {
        let mut t = Table::new(&["組", "n"]);
        t.numeric = vec![1];
        t.row(vec!["交通組".into(), "1".into()]);
        t.row(vec!["ab".into(), "22".into()]);
        let s = t.terminal(Style {
            color: false,
            ascii: true,
            ..Style::default()
        });
        let widths: Vec<usize> = s
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{s}");
    }
}
