//! The `# yaml-language-server: $schema=…` line at the top of a register file (a "modeline"), which
//! points an editor at the file's JSON Schema by a path relative to the file.
//!
//! A file moved to another depth (cases/TR/TR-001.yaml → cases/TR/delisted/TR-001.yaml) keeps a path
//! that no longer resolves: `validate` warns about it and `fmt` rewrites it to the file's depth. Whether a
//! path resolves is a look at the file system (does the schema file exist), nothing is read.

use crate::finding::Finding;
use crate::model::{Doc, Register};
use crate::msg::Msg;
use crate::yaml::Pos;
use std::path::Path;

const PREFIX: &str = "# yaml-language-server: $schema=";

/// A modeline in a file's header: its 0-based line and the path or URL it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modeline<'a> {
    /// The line it is on, 0-based.
    pub line: usize,
    /// The schema path or URL after `$schema=`.
    pub target: &'a str,
}

/// The modeline among a file's leading comment lines (see [`crate::canon::header`]), if any.
pub fn find(header: &str) -> Option<Modeline<'_>> {
    let header = header.strip_prefix('\u{feff}').unwrap_or(header);
    header
        .lines()
        .take_while(|l| l.starts_with('#'))
        .enumerate()
        .find_map(|(line, l)| {
            let target = l.trim_end_matches('\r').strip_prefix(PREFIX)?.trim();
            Some(Modeline { line, target })
        })
}

/// The schema kind of a register file: `case`, `meeting` or `platform`.
pub fn kind(rel: &Path) -> &'static str {
    if rel.starts_with("cases") {
        "case"
    } else if rel.starts_with("meetings") {
        "meeting"
    } else {
        "platform"
    }
}

/// Whether `target` (as written in the file `rel` of the register at `root`) names an existing file.
/// A URL is taken to resolve: only paths on disk are checked.
pub fn resolves(root: &Path, rel: &Path, target: &str) -> bool {
    if target.contains("://") {
        return true;
    }
    let dir = root.join(rel);
    let dir = dir.parent().unwrap_or(root);
    dir.join(target).is_file()
}

/// The modeline a file at `rel` should have (with its newline), or `None` when no schemas folder is
/// found at the register root or up to four folders above it.
pub fn expected(root: &Path, rel: &Path) -> Option<String> {
    let line = crate::apply::schema_header(root, rel, kind(rel));
    (!line.is_empty()).then_some(line)
}

/// `header` with a modeline that does not resolve replaced by the one for the file's depth; `None`
/// when there is nothing to fix (no modeline, it resolves, or there is no schema to point at).
pub fn fix(root: &Path, rel: &Path, header: &str) -> Option<String> {
    let m = find(header)?;
    if resolves(root, rel, m.target) {
        return None;
    }
    let want = expected(root, rel)?;
    let mut out = String::with_capacity(header.len());
    for (i, l) in header.split_inclusive('\n').enumerate() {
        if i == m.line {
            out.push_str(&want);
        } else {
            out.push_str(l);
        }
    }
    (out != header).then_some(out)
}

fn check<T>(root: &Path, doc: &Doc<T>, out: &mut Vec<Finding>) {
    let Some(m) = find(&doc.text) else { return };
    if resolves(root, &doc.path, m.target) {
        return;
    }
    let pos = Pos {
        line: u32::try_from(m.line + 1).unwrap_or(u32::MAX),
        col: u32::try_from(PREFIX.chars().count() + 1).unwrap_or(u32::MAX),
    };
    let hint = match expected(root, &doc.path) {
        Some(want) => {
            Msg::new(&crate::catalog::MODELINE_WRITE).text("line", want.trim_end_matches('\n'))
        }
        None => Msg::new(&crate::catalog::MODELINE_PUT_SCHEMA).text("kind", kind(&doc.path)),
    };
    out.push(
        Finding::warning(
            "modeline",
            &doc.path,
            pos,
            Msg::new(&crate::catalog::MODELINE_MISSING).text("target", m.target),
        )
        .with_hint(hint),
    );
}

/// A warning for every file whose modeline names a schema file that does not exist.
pub fn findings(reg: &Register) -> Vec<Finding> {
    let mut out = Vec::new();
    check(&reg.root, &reg.platform, &mut out);
    for d in &reg.meetings {
        check(&reg.root, d, &mut out);
    }
    for d in &reg.cases {
        check(&reg.root, d, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_modeline_among_the_header_lines_only() {
        let h = "# a comment\n# yaml-language-server: $schema=../../schemas/case.schema.json\n";
        assert_eq!(
            find(h),
            Some(Modeline {
                line: 1,
                target: "../../schemas/case.schema.json"
            })
        );
        assert_eq!(
            find("id: TR-001\n# yaml-language-server: $schema=x\n"),
            None
        );
        assert_eq!(
            find("\u{feff}# yaml-language-server: $schema=x.json\r\n").map(|m| m.target),
            Some("x.json")
        );
    }

    #[test]
    fn a_url_resolves_without_a_look() {
        assert!(resolves(
            Path::new("/nonexistent"),
            Path::new("cases/TR/TR-001.yaml"),
            "https://example.org/case.schema.json"
        ));
    }
}
