//! The one YAML line editor: minimal edits to a file's text. Set a top-level scalar, append to a
//! top-level list, insert an item into a top-level block list. `apply`, `import` and `new` use it.
//!
//! Everything else (comments, blank lines, quoting, key order, CRLF, a BOM) is left byte for byte.
//! The caller re-parses the result and checks it holds exactly the intended data.

use crate::catalog as cat;
use crate::msg::Msg;

/// Why an edit cannot be made in place: a message about the key (shown in English by `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub Msg);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

fn refuse(t: &'static crate::msg::Template, key: &str) -> Error {
    Error(Msg::new(t).text("key", key))
}

/// A case file's text as lines, ready for small edits.
pub struct Editor {
    lines: Vec<String>,
    eol: &'static str,
    bom: bool,
    final_newline: bool,
}

fn is_key_line(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .and_then(|r| r.strip_prefix(':'))
        .is_some_and(|r| r.is_empty() || r.starts_with(' ') || r.starts_with('\t'))
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Split `value [# comment]` into the value and the rest (comment with its leading spaces).
fn split_comment(v: &str) -> (&str, &str) {
    let b = v.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'"') {
        i = 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'"' => {
                    i += 1;
                    break;
                }
                _ => i += 1,
            }
        }
    } else if b.first() == Some(&b'\'') {
        i = 1;
        while i < b.len() {
            if b[i] == b'\'' {
                if b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                i += 1;
                break;
            }
            i += 1;
        }
    }
    let i = i.min(v.len());
    // A comment starts at `#` after a space or a tab (YAML's rule).
    let hash = (i + 1..b.len()).find(|&k| b[k] == b'#' && matches!(b[k - 1], b' ' | b'\t'));
    match hash.map(|k| k - 1 - i) {
        Some(j) => {
            let cut = i + j;
            let val = v[..cut].trim_end();
            (val, &v[val.len()..])
        }
        None => (v.trim_end(), &v[v.trim_end().len()..]),
    }
}

impl Editor {
    /// Split `text` into lines, noting its BOM, line ends and final newline so `finish` restores them.
    pub fn new(text: &str) -> Editor {
        let bom = text.starts_with('\u{feff}');
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        // A file whose every line ends in CRLF is edited as CRLF. In a file of mixed line ends each line
        // keeps its own (its `\r` stays in its text) and new lines end in LF.
        let n_crlf = body.matches("\r\n").count();
        let uniform_crlf = n_crlf > 0 && n_crlf == body.matches('\n').count();
        let eol = if uniform_crlf { "\r\n" } else { "\n" };
        let final_newline = body.is_empty() || body.ends_with('\n');
        let lines = body
            .split('\n')
            .map(|l| {
                if uniform_crlf {
                    l.strip_suffix('\r').unwrap_or(l)
                } else {
                    l
                }
                .to_string()
            })
            .collect::<Vec<_>>();
        // `split` leaves an empty last piece after a final newline (and one for an empty file).
        let mut lines = lines;
        if final_newline {
            lines.pop();
        }
        Editor {
            lines,
            eol,
            bom,
            final_newline,
        }
    }

    /// The edited text, with the BOM, line ends and final newline the file had.
    pub fn finish(self) -> String {
        let mut s = String::new();
        if self.bom {
            s.push('\u{feff}');
        }
        s.push_str(&self.lines.join(self.eol));
        if self.final_newline && !self.lines.is_empty() {
            s.push_str(self.eol);
        }
        s
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|l| is_key_line(l, key))
    }

    /// One past the last non-blank, non-comment line that belongs to the key at `start`.
    fn block_end(&self, start: usize) -> usize {
        let mut last = start;
        for (i, l) in self.lines.iter().enumerate().skip(start + 1) {
            if is_blank_or_comment(l) {
                continue;
            }
            let top_level = !l.starts_with(' ') && !l.starts_with('\t');
            if top_level && !(l == "-" || l.starts_with("- ")) {
                break;
            }
            last = i;
        }
        last + 1
    }

    /// Where a missing key goes: after the block of the last of `after` that exists, else after
    /// the header comments.
    fn insertion_point(&self, after: &[&str]) -> usize {
        for k in after.iter().rev() {
            if let Some(i) = self.find(k) {
                return self.block_end(i);
            }
        }
        self.lines
            .iter()
            .position(|l| !l.trim_start().starts_with('#'))
            .unwrap_or(self.lines.len())
    }

    /// Set `key: value` (value already YAML text). A missing key is inserted after `after`.
    pub fn set_scalar(&mut self, key: &str, value: &str, after: &[&str]) -> Result<(), Error> {
        match self.find(key) {
            Some(i) => {
                let line = &self.lines[i];
                let rest = &line[key.len() + 1..];
                let lead = rest.len() - rest.trim_start().len();
                let (old, comment) = split_comment(rest.trim_start());
                if old.is_empty() || old.starts_with('|') || old.starts_with('>') {
                    return Err(refuse(&cat::EDIT_NOT_ONE_LINE, key));
                }
                if self.block_end(i) != i + 1 {
                    return Err(refuse(&cat::EDIT_SPANS_LINES, key));
                }
                let new = format!(
                    "{key}:{}{value}{comment}",
                    &rest[..lead.max(1)].replace('\t', " ")
                );
                self.lines[i] = new;
            }
            None => {
                let at = self.insertion_point(after);
                self.lines.insert(at, format!("{key}: {value}"));
            }
        }
        Ok(())
    }

    /// Append `item` (YAML text of one item) to the top-level list `key`. A missing key is inserted
    /// after `after`: as a block list when `block`, else as a flow list.
    pub fn append(
        &mut self,
        key: &str,
        item: &str,
        block: bool,
        after: &[&str],
    ) -> Result<(), Error> {
        let Some(i) = self.find(key) else {
            let at = self.insertion_point(after);
            if block {
                self.lines.insert(at, format!("{key}:"));
                self.lines.insert(at + 1, format!("  - {item}"));
            } else {
                self.lines.insert(at, format!("{key}: [{item}]"));
            }
            return Ok(());
        };
        let rest = self.lines[i][key.len() + 1..].to_string();
        let (val, comment) = split_comment(rest.trim_start());
        if val.is_empty() {
            // A block list: add after its last item, with the same indentation.
            let end = self.block_end(i);
            if end == i + 1 {
                self.lines.insert(i + 1, format!("  - {item}"));
                return Ok(());
            }
            let first = self.lines[i + 1..end]
                .iter()
                .find(|l| !is_blank_or_comment(l))
                .cloned()
                .unwrap_or_default();
            let indent = first.len() - first.trim_start().len();
            if !first.trim_start().starts_with('-') {
                return Err(refuse(&cat::EDIT_NOT_A_LIST, key));
            }
            self.lines
                .insert(end, format!("{}- {item}", " ".repeat(indent)));
            Ok(())
        } else if val.starts_with('[') && val.ends_with(']') {
            let inner = val[1..val.len() - 1].trim();
            let new = if inner.is_empty() {
                if block {
                    self.lines[i] = format!("{key}:{comment}");
                    self.lines.insert(i + 1, format!("  - {item}"));
                    return Ok(());
                }
                format!("[{item}]")
            } else {
                format!("[{inner}, {item}]")
            };
            let lead = &rest[..rest.len() - rest.trim_start().len()];
            self.lines[i] = format!("{key}:{lead}{new}{comment}");
            Ok(())
        } else {
            Err(refuse(&cat::EDIT_CANNOT_EXTEND, key))
        }
    }
    /// Insert `entry` (the YAML text of one block item at indent 2, `  - …` lines ending in `\n`)
    /// as item number `at` (0 = first) of the top-level block list `key`, which holds `existing`
    /// items. The item takes the list's own indentation. A missing key (or `key: []`) becomes a
    /// block list, inserted after the block of the last of `after` that exists.
    pub fn insert_item(
        &mut self,
        key: &str,
        at: usize,
        existing: usize,
        entry: &str,
        after: &[&str],
    ) -> Result<(), Error> {
        let shift = |indent: usize| -> Vec<String> {
            entry
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        String::new()
                    } else if indent >= 2 {
                        format!("{}{l}", " ".repeat(indent - 2))
                    } else {
                        l.strip_prefix(&" ".repeat(2 - indent))
                            .unwrap_or(l)
                            .to_string()
                    }
                })
                .collect()
        };
        let Some(i) = self.find(key) else {
            if existing != 0 || at != 0 {
                return Err(refuse(&cat::EDIT_ENTRIES_NOT_FOUND, key));
            }
            let at_line = self.insertion_point(after);
            let mut new = vec![format!("{key}:")];
            new.extend(shift(2));
            self.lines.splice(at_line..at_line, new);
            return Ok(());
        };
        let rest = self.lines[i][key.len() + 1..].to_string();
        let (value, comment) = if rest.trim_start().starts_with('#') {
            ("", rest.as_str())
        } else {
            split_comment(rest.trim_start())
        };
        if value == "[]" && existing == 0 && at == 0 {
            self.lines[i] = format!("{key}:{comment}");
            self.lines.splice(i + 1..i + 1, shift(2));
            return Ok(());
        }
        if !value.is_empty() {
            return Err(refuse(&cat::EDIT_NOT_BLOCK_LIST, key));
        }
        let end = self.block_end(i);
        let Some(first) = self.lines[i + 1..end]
            .iter()
            .find(|l| !is_blank_or_comment(l))
            .cloned()
        else {
            return Err(refuse(&cat::EDIT_NO_ENTRIES, key));
        };
        let indent = indent_of(&first);
        let items: Vec<usize> = (i + 1..end)
            .filter(|k| {
                let l = &self.lines[*k];
                indent_of(l) == indent && {
                    let t = &l[indent..];
                    t == "-" || t.starts_with("- ")
                }
            })
            .collect();
        if items.len() != existing || !first.trim_start().starts_with('-') {
            return Err(refuse(&cat::EDIT_CANNOT_EXTEND, key));
        }
        let line = items.get(at).copied().unwrap_or(end);
        self.lines.splice(line..line, shift(indent));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_keeps_comment_and_spacing() {
        let mut e = Editor::new("id: TR-001\nstatus:   ongoing   # hand note\n");
        e.set_scalar("status", "delisted", &[]).unwrap();
        assert_eq!(e.finish(), "id: TR-001\nstatus:   delisted   # hand note\n");
    }

    #[test]
    fn append_block_flow_and_missing() {
        let text = "id: A\r\nhistory:\r\n  - { action: seen }\r\n  # trailing note\r\n\r\n# about progress\r\nprogress: []\r\n";
        let mut e = Editor::new(text);
        e.append("history", "{ action: delist }", true, &[])
            .unwrap();
        e.append("aliases", "x", false, &["id"]).unwrap();
        assert_eq!(
            e.finish(),
            "id: A\r\naliases: [x]\r\nhistory:\r\n  - { action: seen }\r\n  - { action: delist }\r\n  # trailing note\r\n\r\n# about progress\r\nprogress: []\r\n"
        );
        let mut e = Editor::new("\u{feff}aliases: [a, b] # c\nhistory: []");
        e.append("aliases", "d", false, &[]).unwrap();
        e.append("history", "{ action: add }", true, &[]).unwrap();
        assert_eq!(
            e.finish(),
            "\u{feff}aliases: [a, b, d] # c\nhistory:\n  - { action: add }"
        );
    }

    #[test]
    fn compact_block_lists_at_column_zero() {
        let mut e = Editor::new("history:\n- { action: seen }\nstatus: ongoing\n");
        e.append("history", "{ action: delist }", true, &[])
            .unwrap();
        assert_eq!(
            e.finish(),
            "history:\n- { action: seen }\n- { action: delist }\nstatus: ongoing\n"
        );
    }
}
