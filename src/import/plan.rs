//! Planning an import: which case each row of a [`Table`] is, and the new text of each case file
//! (a minimal edit, verified by re-parsing). See [`plan`].

use super::table::{Row, Table, name_candidates};
use crate::canon;
use crate::finding::Finding;
use crate::index::{Index, Resolved};
use crate::model::Register;
use crate::model::{Case, Date, Progress};
use crate::write::FileChange;
use crate::yaml::{self, Pos, Sp};
use std::collections::HashMap;
use std::path::Path;

/// Insert a progress entry into a case file's text, as item number `at` of the `progress` list
/// (0 = first). `entry` is the entry in the canonical layout at indent 2 (`  - as_of: …`), lines
/// ending in `\n`. `existing` is how many entries the file has. `after` lists the keys that come
/// before `progress` in the canonical order. Everything else is kept byte for byte (BOM and CRLF
/// too); see [`crate::edit::Editor::insert_item`].
pub fn insert_progress(
    text: &str,
    at: usize,
    existing: usize,
    entry: &str,
    after: &[&str],
) -> Result<String, String> {
    let mut e = crate::edit::Editor::new(text);
    e.insert_item("progress", at, existing, entry, after)?;
    Ok(e.finish())
}

// ---------------------------------------------------------------------------------------------
// Planning an import: which case each row is, and the new text of each case file.

/// What importing a table would do.
#[derive(Debug, Default)]
pub struct Plan {
    /// The entries to add: (row index, case index), in table order.
    pub added: Vec<(usize, usize)>,
    /// Rows whose entry the register already holds.
    pub unchanged: usize,
    /// Names that match no case (or match ambiguously, or only in another group), with suggestions:
    /// on the table's lines.
    pub unmatched: Vec<Finding>,
    /// Problems that always refuse the import (unknown group headings, a case listed twice with
    /// different texts, an entry of the same date with another text): on the table's lines.
    pub errors: Vec<Finding>,
    /// Problems with case files (they cannot be edited in place): on the case files.
    pub file_errors: Vec<Finding>,
    /// Things worth saying that refuse nothing: on the table's lines.
    pub warnings: Vec<Finding>,
    /// One new text per changed case file, verified by re-parsing.
    pub changes: Vec<FileChange>,
}

/// How a row's name was resolved.
enum Match {
    Found { case: usize, stripped: bool },
    Not(Finding),
}

/// Past this many unknown names in one table, no more "did you mean" is computed (each costs a
/// comparison with every name in the register; a table of thousands of unknown names is the wrong table).
const MAX_SUGGESTED: usize = 100;

fn resolve_row(
    idx: &Index,
    reg: &Register,
    row: &Row,
    g: Option<usize>,
    file: &Path,
    suggest: bool,
) -> Match {
    let r = &idx.resolver;
    let pos = Pos {
        line: u32::try_from(row.line).unwrap_or(u32::MAX),
        col: 1,
    };
    let gname = g.map_or(String::new(), |g| {
        format!(" in {}", reg.platform.value.groups[g].name.value)
    });
    let mut suggestions = Vec::new();
    for (k, cand) in name_candidates(&row.name).iter().enumerate() {
        match r.resolve_with(cand, g, suggest && k == 0) {
            Resolved::Found(i) => {
                return Match::Found {
                    case: i,
                    stripped: k > 0,
                };
            }
            Resolved::Unknown(s) => {
                if suggestions.is_empty() {
                    suggestions = s;
                }
            }
            Resolved::Ambiguous(v) => {
                return Match::Not(
                    Finding::error(
                        "import-name",
                        file,
                        pos,
                        format!("ambiguous case `{}`{gname}", row.name),
                    )
                    .with_hint(format!(
                        "it could be {}; write the case id instead",
                        r.describe(&v)
                    )),
                );
            }
            Resolved::OtherGroup(v) => {
                return Match::Not(
                    Finding::error(
                        "import-name",
                        file,
                        pos,
                        format!("case `{}` is not{gname}", row.name),
                    )
                    .with_hint(format!(
                        "it is {} of another group; move the row under that group's heading",
                        r.describe(&v)
                    )),
                );
            }
        }
    }
    Match::Not(
        Finding::error(
            "import-name",
            file,
            pos,
            format!("unknown case `{}`{gname}", row.name),
        )
        .with_hint_opt(
            (!suggestions.is_empty())
                .then(|| format!("did you mean {}?", r.describe(&suggestions))),
        ),
    )
}

/// The entry as the canonical layout writes it, at indent 2 (`  - as_of: …`), lines ending in `\n`.
fn entry_text(template: &Case, entry: &Progress) -> String {
    let mut c = template.clone();
    c.progress = vec![entry.clone()];
    let full = canon::case(&c, "");
    let mut out = String::new();
    let mut inside = false;
    for line in full.split_inclusive('\n') {
        if inside {
            if !line.trim().is_empty() && !line.starts_with(' ') {
                break;
            }
            out.push_str(line);
        } else if line == "progress:\n" {
            inside = true;
        }
    }
    out
}

/// The keys a missing `progress` key goes after.
fn keys_before_progress() -> &'static [&'static str] {
    crate::canon::keys_before("progress")
}

fn similar_but_spacing(a: &str, b: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squash(a) == squash(b)
}

/// Plan the import of `table` as of `as_of` (the table was read from `file`, as the user wrote it).
pub fn plan(reg: &Register, idx: &Index, table: &Table, as_of: Date, file: &Path) -> Plan {
    let mut p = Plan::default();
    let platform = &reg.platform.value;
    let mut by_case: HashMap<usize, usize> = HashMap::new();
    let mut texts: Vec<(usize, usize)> = Vec::new();
    for (ri, row) in table.rows.iter().enumerate() {
        let pos = Pos {
            line: u32::try_from(row.line).unwrap_or(u32::MAX),
            col: 1,
        };
        let g = match &row.group {
            None => None,
            Some(name) => match platform.group_index(name) {
                Some(g) => Some(g),
                None => {
                    let f = Finding::error(
                        "import-group",
                        file,
                        Pos {
                            line: u32::try_from(row.group_line).unwrap_or(u32::MAX),
                            col: 1,
                        },
                        format!("unknown group `{name}`"),
                    )
                    .with_hint_opt(
                        platform
                            .suggest_group(name)
                            .map(|x| format!("did you mean `{x}`?")),
                    );
                    if !p.errors.contains(&f) {
                        p.errors.push(f);
                    }
                    continue;
                }
            },
        };
        let suggest = p.unmatched.len() < MAX_SUGGESTED;
        let (case, stripped) = match resolve_row(idx, reg, row, g, file, suggest) {
            Match::Found { case, stripped } => (case, stripped),
            Match::Not(f) => {
                p.unmatched.push(f);
                continue;
            }
        };
        let c = &reg.cases[case].value;
        if stripped {
            p.warnings.push(
                Finding::warning(
                    "import-name",
                    file,
                    pos,
                    format!(
                        "`{}` is {} 「{}」 once its note in brackets is left out",
                        row.name, c.id.value, c.title.value
                    ),
                )
                .with_hint("add the table's spelling to the case's aliases to match it directly"),
            );
        }
        if row.text.is_empty() {
            p.warnings.push(Finding::warning(
                "import-empty",
                file,
                pos,
                format!(
                    "{} 「{}」 has no progress text in the table; skipped",
                    c.id.value, c.title.value
                ),
            ));
            continue;
        }
        if let Some(&other) = by_case.get(&case) {
            let first = &table.rows[other];
            if first.text == row.text {
                p.warnings.push(Finding::warning(
                    "import-twice",
                    file,
                    pos,
                    format!(
                        "{} is listed again (first on line {}), with the same text",
                        c.id.value, first.line
                    ),
                ));
            } else {
                p.errors.push(
                    Finding::error(
                        "import-twice",
                        file,
                        pos,
                        format!(
                            "{} is listed twice with different texts (first on line {})",
                            c.id.value, first.line
                        ),
                    )
                    .with_hint("keep one row per case"),
                );
            }
            continue;
        }
        by_case.insert(case, ri);
        if c.status.value != crate::model::Status::Ongoing {
            p.warnings.push(Finding::warning(
                "import-status",
                file,
                pos,
                format!(
                    "{} 「{}」 is {}; its progress is recorded all the same",
                    c.id.value, c.title.value, c.status.value
                ),
            ));
        }
        match c.progress.iter().find(|e| e.as_of.value == as_of) {
            Some(e) if e.text == row.text => p.unchanged += 1,
            Some(e) => {
                let how = if similar_but_spacing(&e.text, &row.text) {
                    "that differs only in spacing or line breaks"
                } else {
                    "that differs"
                };
                p.errors.push(
                    Finding::error(
                        "import-conflict",
                        file,
                        pos,
                        format!(
                            "{} 「{}」 already has progress as of {as_of} with a text {how}",
                            c.id.value, c.title.value
                        ),
                    )
                    .with_hint(format!(
                        "edit or remove that entry in {} first, or correct the table",
                        reg.cases[case].path.display()
                    )),
                );
            }
            None => texts.push((ri, case)),
        }
    }
    for (ri, case) in texts {
        let doc = &reg.cases[case];
        let entry = Progress {
            as_of: Sp::new(as_of),
            text: table.rows[ri].text.clone(),
            planned: None,
            actual: None,
        };
        // Newest first: before the first entry that is older.
        let at = doc
            .value
            .progress
            .iter()
            .position(|e| e.as_of.value < as_of)
            .unwrap_or(doc.value.progress.len());
        let mut want = doc.value.clone();
        want.progress.insert(at, entry.clone());
        let edited = insert_progress(
            &doc.text,
            at,
            doc.value.progress.len(),
            &entry_text(&doc.value, &entry),
            keys_before_progress(),
        );
        let verified = edited.and_then(|t| match yaml::parse::<Case>(&t) {
            Ok(v) if v == want => Ok(t),
            Ok(_) => Err("the edited file would not hold the intended data".to_string()),
            Err(e) => Err(format!("the edited file would not parse ({})", e.message)),
        });
        match verified {
            Ok(new) => {
                p.changes.push(FileChange {
                    path: doc.path.clone(),
                    old: Some(doc.text.clone()),
                    new,
                });
                p.added.push((ri, case));
            }
            Err(e) => p.file_errors.push(
                Finding::error(
                    "edit",
                    &doc.path,
                    Pos::NONE,
                    format!("cannot add the progress entry in place: {e}"),
                )
                .with_hint("run `kbbt fmt` on it, then import again"),
            ),
        }
    }
    p
}
