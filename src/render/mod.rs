//! Rendering: findings as text, JSON or GitHub annotations; tables as terminal tables, Markdown or
//! CSV. Pure: values in, strings out. Nothing here prints.

pub mod apply;
pub mod card;
pub mod doc;
pub mod docx;
pub mod draft;
pub mod follow;
pub mod forms;
pub mod html;
pub mod list;
pub mod minutes;
pub mod odf;
pub mod odt;
pub mod report;
pub mod status;
pub mod svg;
pub mod xlsx;

use crate::finding::Finding;
use crate::i18n::label;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table as Comfy, presets};
use std::path::Path;

/// Terminal styling: colour only when enabled (a terminal, and no `NO_COLOR`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colour and weight (`--color`, a terminal, no `NO_COLOR`).
    pub color: bool,
    /// Tables drawn with ASCII characters only (`--ascii`).
    pub ascii: bool,
    /// Language of labels and messages (machine formats ignore it).
    pub lang: crate::i18n::Lang,
    /// Fit tables in this many columns (`--width`); `None`: the terminal's width, or no limit when
    /// standard output is not a terminal.
    pub width: Option<u16>,
}

impl Style {
    /// `s` in the ANSI style `code` when colour is on.
    pub fn paint(self, s: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// `s` in bold when colour is on.
    pub fn bold(self, s: &str) -> String {
        self.paint(s, "1")
    }
    /// `s` dimmed when colour is on.
    pub fn dim(self, s: &str) -> String {
        self.paint(s, "2")
    }
    /// A date for people: ROC (`114-12-31`) in Traditional Chinese, ISO (`2025-12-31`) in English.
    /// Machine formats (JSON, CSV) always use ISO and never call this.
    pub fn date(self, d: crate::model::Date) -> String {
        match self.lang {
            crate::i18n::Lang::ZhTw => d.roc_short(),
            crate::i18n::Lang::En => d.to_string(),
        }
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

/// How many findings follow from each cause (see [`crate::finding::fold_cascades`]).
fn followers(findings: &[Finding]) -> std::collections::HashMap<crate::finding::Cause, usize> {
    let mut n = std::collections::HashMap::new();
    for c in findings.iter().filter_map(|f| f.caused_by.as_ref()) {
        *n.entry((**c).clone()).or_insert(0) += 1;
    }
    n
}

/// "and N findings that follow from it", for the first finding at each cause's place (taken from `n`).
fn follow_note(
    n: &mut std::collections::HashMap<crate::finding::Cause, usize>,
    f: &Finding,
) -> Option<crate::msg::Msg> {
    let k = n.remove(&crate::finding::Cause {
        file: f.file.clone(),
        pos: f.pos,
    })?;
    let t = if k == 1 {
        &crate::catalog::FOLLOWER
    } else {
        &crate::catalog::FOLLOWERS
    };
    Some(crate::msg::Msg::new(t).num("n", k))
}

/// Findings as text: `path:line:col: severity: message`, its hint; a finding that follows from another is
/// counted under its cause instead of shown.
pub fn findings_text(findings: &[Finding], base: &Path, style: Style) -> String {
    let mut out = String::new();
    let mut follow = followers(findings);
    for f in findings.iter().filter(|f| f.caused_by.is_none()) {
        let sev = match f.severity {
            crate::finding::Severity::Error => style.paint(&label(style.lang, "error"), "1;31"),
            crate::finding::Severity::Warning => style.paint(&label(style.lang, "warning"), "1;33"),
        };
        let place = if f.pos.line == 0 {
            shown(base, &f.file)
        } else {
            format!("{}:{}:{}", shown(base, &f.file), f.pos.line, f.pos.col)
        };
        let message = f.message.render(style.lang);
        // `file:line:col:` stays as editors read it; the severity takes the language's colon.
        let colon = if style.lang == crate::i18n::Lang::En {
            ": "
        } else {
            "："
        };
        out.push_str(&format!("{}: {sev}{colon}{message}\n", style.bold(&place)));
        if let Some(h) = &f.hint {
            let hint = h.render(style.lang);
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
        if let Some(note) = follow_note(&mut follow, f) {
            out.push_str(&format!("  {}\n", note.render(style.lang)));
        }
    }
    out
}

/// `N errors, N warnings`, counting the findings shown; those folded under their cause are added as
/// `(and N that follow from them)`.
pub fn summary_line(findings: &[Finding]) -> crate::msg::Msg {
    use crate::catalog as m;
    let shown: Vec<&Finding> = findings.iter().filter(|f| f.caused_by.is_none()).collect();
    let e = shown.iter().filter(|f| f.is_error()).count();
    let w = shown.len() - e;
    let folded = findings.len() - shown.len();
    let t = if folded > 0 {
        &m::SUMMARY_FOLDED
    } else {
        &m::SUMMARY
    };
    crate::msg::Msg::new(t)
        .count("errors", e, "error", "errors")
        .count("warnings", w, "warning", "warnings")
        .num("folded", folded)
}

/// Findings as a JSON array (file, line, column, severity, code, message, hint); paths relative
/// to `base`. Never translated.
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
                "caused_by": f.caused_by.as_ref().map(|c| serde_json::json!({
                    "file": shown(base, &c.file),
                    "line": c.pos.line,
                    "column": c.pos.col,
                })),
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
    let mut follow = followers(findings);
    for f in findings.iter().filter(|f| f.caused_by.is_none()) {
        let mut props = vec![format!("file={}", esc_prop(&shown(base, &f.file)))];
        if f.pos.line > 0 {
            props.push(format!("line={}", f.pos.line));
            props.push(format!("col={}", f.pos.col));
        }
        props.push(format!("title={}", esc_prop(&format!("kbbt {}", f.code))));
        let mut msg = f.message.to_string();
        if let Some(h) = &f.hint {
            msg.push_str(&format!("\nhint: {h}"));
        }
        if let Some(note) = follow_note(&mut follow, f) {
            msg.push_str(&format!("\n{note}"));
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

/// The width human-readable output should fit: `--width`, else the terminal's (when standard output
/// is one), else none.
pub fn output_width(given: Option<u16>) -> Option<usize> {
    given.or_else(|| Comfy::new().width()).map(usize::from)
}

/// Lines wider than `width` columns broken to fit: after the last space that fits in the line's
/// second half, else between two characters; a continuation is indented two more than its line. Full-width characters count two;
/// colour escapes count nothing and are never split. Lines that fit (tables fitted by comfy-table)
/// are unchanged.
pub fn fit_lines(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    // Tokens: an escape sequence (width 0) or one character.
    fn tokens(line: &str) -> Vec<(&str, usize)> {
        let mut v = Vec::new();
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            let len = if c == '\x1b' {
                rest.find('m').map_or(rest.len(), |i| i + 1)
            } else {
                c.len_utf8()
            };
            let w = if c == '\x1b' {
                0
            } else {
                c.width().unwrap_or(0)
            };
            v.push((&rest[..len], w));
            rest = &rest[len..];
        }
        v
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let toks = tokens(line);
        if toks.iter().map(|t| t.1).sum::<usize>() <= width {
            out.push_str(line);
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let cont = " ".repeat((indent + 2).min(width / 2));
        let mut start = 0;
        let mut first = true;
        while start < toks.len() {
            let room = if first { width } else { width - cont.len() };
            let (mut used, mut end, mut space, mut text) = (0, start, None, false);
            while end < toks.len() && used + toks[end].1 <= room {
                if toks[end].0 == " " {
                    // A space far back would waste the line (Chinese text has none): only in its second half.
                    if text && used * 2 >= room {
                        space = Some(end);
                    }
                } else {
                    text = true;
                }
                used += toks[end].1;
                end += 1;
            }
            if end == start {
                end = start + 1; // a character wider than the room: alone on its line
            }
            let cut = match space {
                _ if end >= toks.len() || toks[end].0 == " " => end,
                Some(sp) => sp,
                None => end,
            };
            if !first {
                out.push('\n');
                out.push_str(&cont);
            }
            for t in &toks[start..cut] {
                out.push_str(t.0);
            }
            start = cut;
            while start < toks.len() && toks[start].0 == " " {
                start += 1;
            }
            first = false;
        }
    }
    out
}

/// A table of strings, rendered in any of the output formats.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The column headers: label keys, translated when rendered for people (`ongoing` → 持續列管).
    pub header: Vec<String>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<String>>,
    /// Columns that hold numbers (right-aligned).
    pub numeric: Vec<usize>,
}

impl Table {
    /// An empty table with these headers.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(ToString::to_string).collect(),
            ..Table::default()
        }
    }
    /// Add a row.
    pub fn row(&mut self, r: Vec<String>) {
        self.rows.push(r);
    }

    /// The table without those of `columns` that are empty in every row (for a terminal, where
    /// width is scarce; machine formats keep every column).
    pub fn without_empty(&self, columns: &[usize]) -> Table {
        let keep: Vec<usize> = (0..self.header.len())
            .filter(|i| {
                !columns.contains(i)
                    || self
                        .rows
                        .iter()
                        .any(|r| r.get(*i).is_some_and(|c| !c.is_empty()))
            })
            .collect();
        let pick = |r: &Vec<String>| keep.iter().filter_map(|i| r.get(*i).cloned()).collect();
        Table {
            header: pick(&self.header),
            rows: self.rows.iter().map(pick).collect(),
            numeric: keep
                .iter()
                .enumerate()
                .filter(|(_, i)| self.numeric.contains(i))
                .map(|(n, _)| n)
                .collect(),
        }
    }

    /// A terminal table; CJK text counts two columns per character. It fits `style.width`, or the
    /// terminal's width on a terminal: long text columns wrap. Piped without `--width`, rows stay whole.
    pub fn terminal(&self, style: Style) -> String {
        let mut t = Comfy::new();
        t.load_style(if style.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        });
        match style.width {
            Some(w) => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
                t.set_width(w);
            }
            // comfy-table asks the terminal for its width.
            None if t.is_tty() => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
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

    /// The table as Markdown with English headers.
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
            crate::msg::Msg::new(&crate::catalog::YAML_PARSER_SAYS).text("said", "bad: 50%\nnext"),
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
    fn long_lines_fit() {
        let w = |s: &str| {
            s.lines()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
        };
        let t = "基北北桃合作交流平臺 — vm-6 基北北桃合作交流平臺第 6 次副市長層級會議 (2025-12-22)\nshort\n";
        let f = fit_lines(t, 40);
        assert!(w(&f) <= 40, "{f}");
        assert!(f.ends_with("\nshort\n"));
        assert_eq!(
            f.replace("\n  ", " ").replace('\n', ""),
            t.replace('\n', ""),
            "{f}"
        );
        assert_eq!(fit_lines("  aaa bbb ccc", 9), "  aaa bbb\n    ccc");
        assert_eq!(fit_lines("abc", 3), "abc");
        let coloured = "\x1b[1mabcdef\x1b[0m ghi";
        assert_eq!(fit_lines(coloured, 10), "\x1b[1mabcdef\x1b[0m ghi");
        assert_eq!(fit_lines(coloured, 8), "\x1b[1mabcdef\x1b[0m\n  ghi");
        assert_eq!(fit_lines("全形字", 3), "全\n 形\n 字");
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
