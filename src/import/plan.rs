//! Planning an import: which case each row of a [`Table`] is, and the new text of each case file
//! (a minimal edit, verified by re-parsing). See [`plan`].

use super::table::{Row, Table, name_candidates};
use crate::canon;
use crate::catalog as cat;
use crate::finding::Finding;
use crate::index::{Index, Resolved};
use crate::model::Register;
use crate::model::{Case, Date, Progress};
use crate::msg::Msg;
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
) -> Result<String, crate::edit::Error> {
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
    // A message naming the row's name, and its group when it is under one.
    let named = |t: &'static crate::msg::Template, t_in: &'static crate::msg::Template| {
        g.map_or_else(
            || Msg::new(t),
            |g| Msg::new(t_in).text("group", reg.platform.value.groups[g].name.value.clone()),
        )
        .text("name", row.name.clone())
    };
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
                        named(&cat::AMBIGUOUS_CASE, &cat::AMBIGUOUS_CASE_IN),
                    )
                    .with_hint(Msg::new(&cat::COULD_BE).msg("cases", r.describe_msg(&v))),
                );
            }
            Resolved::OtherGroup(v) => {
                return Match::Not(
                    Finding::error(
                        "import-name",
                        file,
                        pos,
                        named(&cat::NOT_IN_GROUP, &cat::NOT_IN_GROUP_IN),
                    )
                    .with_hint(
                        Msg::new(&cat::ROW_OF_ANOTHER_GROUP).msg("cases", r.describe_msg(&v)),
                    ),
                );
            }
        }
    }
    Match::Not(
        Finding::error(
            "import-name",
            file,
            pos,
            named(&cat::UNKNOWN_CASE, &cat::UNKNOWN_CASE_IN),
        )
        .with_hint_msg(
            (!suggestions.is_empty()).then(|| {
                Msg::new(&cat::DID_YOU_MEAN_CASES).msg("meant", r.describe_msg(&suggestions))
            }),
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
                        Msg::new(&cat::UNKNOWN_GROUP).text("group", name.clone()),
                    )
                    .with_hint_msg(
                        platform
                            .suggest_group(name)
                            .map(|x| Msg::new(&cat::DID_YOU_MEAN).text("name", x)),
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
                    Msg::new(&cat::NAME_WITHOUT_NOTE)
                        .text("name", row.name.clone())
                        .text("id", c.id.value.clone())
                        .text("title", c.title.value.clone()),
                )
                .with_hint(Msg::new(&cat::ADD_ALIAS)),
            );
        }
        if row.text.is_empty() {
            p.warnings.push(Finding::warning(
                "import-empty",
                file,
                pos,
                Msg::new(&cat::NO_PROGRESS_TEXT)
                    .text("id", c.id.value.clone())
                    .text("title", c.title.value.clone()),
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
                    Msg::new(&cat::LISTED_AGAIN)
                        .text("id", c.id.value.clone())
                        .num("line", first.line),
                ));
            } else {
                p.errors.push(
                    Finding::error(
                        "import-twice",
                        file,
                        pos,
                        Msg::new(&cat::LISTED_TWICE)
                            .text("id", c.id.value.clone())
                            .num("line", first.line),
                    )
                    .with_hint(Msg::new(&cat::ONE_ROW_PER_CASE)),
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
                Msg::new(&cat::PROGRESS_OF_ENDED_CASE)
                    .text("id", c.id.value.clone())
                    .text("title", c.title.value.clone())
                    .label("status", c.status.value.as_str()),
            ));
        }
        match c.progress.iter().find(|e| e.as_of.value == as_of) {
            Some(e) if e.text == row.text => p.unchanged += 1,
            Some(e) => {
                let t = if similar_but_spacing(&e.text, &row.text) {
                    &cat::PROGRESS_CONFLICT_SPACING
                } else {
                    &cat::PROGRESS_CONFLICT
                };
                p.errors.push(
                    Finding::error(
                        "import-conflict",
                        file,
                        pos,
                        Msg::new(t)
                            .text("id", c.id.value.clone())
                            .text("title", c.title.value.clone())
                            .date("date", as_of),
                    )
                    .with_hint(
                        Msg::new(&cat::EDIT_ENTRY_FIRST)
                            .text("file", reg.cases[case].path.display().to_string()),
                    ),
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
        let verified = edited
            .map_err(|e| e.0)
            .and_then(|t| match yaml::parse::<Case>(&t) {
                Ok(v) if v == want => Ok(t),
                Ok(_) => Err(Msg::new(&cat::EDITED_WOULD_DIFFER)),
                Err(e) => Err(Msg::new(&cat::EDITED_WOULD_NOT_PARSE).msg("why", e.message)),
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
                    Msg::new(&cat::CANNOT_ADD_PROGRESS).msg("why", e),
                )
                .with_hint(Msg::new(&cat::FMT_THEN_IMPORT)),
            ),
        }
    }
    p
}
