//! `apply`: a meeting's decisions turned into file changes. Pure: no reading, no writing here.
//!
//! [`plan`] decides what happens to which case; [`changes`] turns the plan into new file texts by
//! minimal edits (existing files) or the canonical layout (new files), and checks each result
//! re-parses to exactly the intended data.

pub mod plan;

use crate::canon;
use crate::catalog as cat;
use crate::edit::Editor;
use crate::finding::Finding;
use crate::model::{Case, Meeting};
use crate::model::{Doc, Register};
use crate::msg::Msg;
use crate::yaml::{self, Pos, Sp};
use plan::{Plan, Touched};
use std::path::Path;

use crate::write::FileChange;

use crate::canon::keys_before as before;

/// Append to `key` the items of `new` beyond those of `old` (the plan only ever appends).
fn append_list(
    e: &mut Editor,
    key: &str,
    old: &[Sp<String>],
    new: &[Sp<String>],
) -> Result<(), crate::edit::Error> {
    for s in new.iter().skip(old.len()) {
        e.append(key, &canon::scalar(s, true), false, before(key))?;
    }
    Ok(())
}

/// The minimal edits that turn `old` (with text `text`) into `new`.
fn edit_case(text: &str, old: &Case, new: &Case) -> Result<String, crate::edit::Error> {
    let mut e = Editor::new(text);
    if new.title != old.title {
        e.set_scalar("title", &canon::scalar(&new.title, false), before("title"))?;
    }
    append_list(&mut e, "aliases", &old.aliases, &new.aliases)?;
    if new.status != old.status {
        e.set_scalar("status", new.status.value.as_str(), before("status"))?;
    }
    append_list(&mut e, "replaces", &old.replaces, &new.replaces)?;
    append_list(&mut e, "replaced_by", &old.replaced_by, &new.replaced_by)?;
    if new.merged_into != old.merged_into
        && let Some(m) = &new.merged_into
    {
        e.set_scalar(
            "merged_into",
            &canon::scalar(m, false),
            before("merged_into"),
        )?;
    }
    append_list(&mut e, "merged_from", &old.merged_from, &new.merged_from)?;
    for h in new.history.iter().skip(old.history.len()) {
        e.append("history", &canon::history_entry(h), true, before("history"))?;
    }
    Ok(e.finish())
}

/// The comment line that points editors at the JSON Schema, for a new file at `rel`: the nearest
/// `schemas/` folder in the register or above it (an example register inside a repository uses the
/// repository's), or nothing when there is none.
pub fn schema_header(root: &Path, rel: &Path, kind: &str) -> String {
    let depth = rel.components().count().saturating_sub(1);
    for (up, dir) in root.ancestors().take(5).enumerate() {
        if dir
            .join("schemas")
            .join(format!("{kind}.schema.json"))
            .is_file()
        {
            return format!(
                "# yaml-language-server: $schema={}schemas/{kind}.schema.json\n",
                "../".repeat(depth + up)
            );
        }
    }
    String::new()
}

/// The text of a case file the register was loaded from, read again: refused unless it still parses to
/// the value that was loaded and checked (its comments and layout may have changed; they are kept).
fn reread(reg: &Register, doc: &Doc<Case>) -> Result<String, Finding> {
    let text = crate::load::read_text(&reg.root, &doc.path)?;
    match crate::load::parse_doc::<Case>(&doc.path, text) {
        Ok(now) if now.value == doc.value => Ok(now.text),
        _ => Err(Finding::error(
            "edit",
            &doc.path,
            Pos::NONE,
            Msg::new(&cat::RUN_AGAIN).msg(
                "why",
                Msg::new(&cat::CHANGED_ON_DISK).text("file", doc.path.display().to_string()),
            ),
        )),
    }
}

/// Turn a plan into file texts, each verified by re-parsing.
pub fn changes(reg: &Register, plan: &Plan) -> Result<Vec<FileChange>, Vec<Finding>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for Touched {
        existing,
        case,
        path,
    } in &plan.touched
    {
        let (old, new) = match existing {
            Some(i) => {
                let doc = &reg.cases[*i];
                // The register was loaded without the cases' texts: read this one again, and edit it
                // only if it still holds what was checked.
                let text = match reread(reg, doc) {
                    Ok(text) => text,
                    Err(f) => {
                        errors.push(f);
                        continue;
                    }
                };
                match edit_case(&text, &doc.value, case) {
                    Ok(t) => (Some(text), t),
                    Err(e) => {
                        errors.push(
                            Finding::error(
                                "edit",
                                &doc.path,
                                Pos::NONE,
                                Msg::new(&cat::CANNOT_EDIT_IN_PLACE).msg("why", e.0),
                            )
                            .with_hint(Msg::new(&cat::RUN_FMT_FIRST)),
                        );
                        continue;
                    }
                }
            }
            None => (
                None,
                canon::case(case, &schema_header(&reg.root, path, "case")),
            ),
        };
        match yaml::parse::<Case>(&new) {
            Ok(parsed) if parsed == *case => out.push(FileChange {
                path: path.clone(),
                old,
                new,
            }),
            Ok(_) => errors.push(
                Finding::error("edit", path, Pos::NONE, Msg::new(&cat::EDIT_WOULD_DIFFER))
                    .with_hint(Msg::new(&cat::RUN_FMT_FIRST)),
            ),
            Err(e) => errors.push(Finding::error(
                "edit",
                path,
                e.pos,
                Msg::new(&cat::EDIT_WOULD_NOT_PARSE).msg("why", e.message),
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The meeting file's text with `discrepancies` entries appended, verified by re-parsing.
pub fn record_discrepancies(
    text: &str,
    path: &Path,
    entries: &[String],
) -> Result<String, Finding> {
    let mut e = Editor::new(text);
    for d in entries {
        e.append(
            "discrepancies",
            d,
            true,
            &[
                "id",
                "title",
                "level",
                "date",
                "source",
                "decisions",
                "totals",
                "all_time",
            ],
        )
        .map_err(|m| {
            Finding::error(
                "edit",
                path,
                Pos::NONE,
                Msg::new(&cat::CANNOT_RECORD_WHY).msg("why", m.0),
            )
        })?;
    }
    let new = e.finish();
    yaml::parse::<Meeting>(&new).map_err(|x| {
        Finding::error(
            "edit",
            path,
            x.pos,
            Msg::new(&cat::RECORDING_WOULD_BREAK).msg("why", x.message),
        )
    })?;
    Ok(new)
}

/// A unified diff of one change, for `--dry-run`.
pub fn unified_diff(c: &FileChange) -> String {
    let old = c.old.as_deref().unwrap_or("");
    let name = c.path.display().to_string();
    let old_name = if c.old.is_some() {
        format!("a/{name}")
    } else {
        "/dev/null".into()
    };
    similar::TextDiff::from_lines(old, &c.new)
        .unified_diff()
        .context_radius(2)
        .header(&old_name, &format!("b/{name}"))
        .to_string()
}
