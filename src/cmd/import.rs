//! `kbbt import progress FILE`: progress entries from a progress table, all or nothing.

use super::{Env, Outcome, load_clean, user_date};
use crate::apply::unified_diff;
use crate::finding::{self, Finding};
use crate::import::{self, Format, MAX_TABLE_BYTES};
use crate::index::Index;
use crate::render;
use crate::yaml::Pos;
use std::path::{Path, PathBuf};

fn outcome(stdout: String, stderr: String, code: i32) -> Outcome {
    Outcome {
        stdout,
        stderr,
        code,
        ..Outcome::default()
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Read the table file: size-limited, UTF-8 (a BOM is fine).
fn read_table(env: &Env, file: &Path) -> Result<String, Outcome> {
    let full = env.args_dir.join(file);
    let fail = |msg: String| Outcome::fail(1, format!("error: {msg}\n"));
    let meta = std::fs::metadata(&full)
        .map_err(|e| fail(format!("cannot read {}: {e}", file.display())))?;
    if !meta.is_file() {
        return Err(fail(format!("{} is not a file", file.display())));
    }
    if meta.len() > MAX_TABLE_BYTES as u64 {
        return Err(fail(format!(
            "{} is too large ({} bytes; the limit is {MAX_TABLE_BYTES} bytes)",
            file.display(),
            meta.len()
        )));
    }
    let bytes =
        std::fs::read(&full).map_err(|e| fail(format!("cannot read {}: {e}", file.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            file.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

pub fn progress(
    env: &Env,
    files: &[PathBuf],
    as_of: Option<&str>,
    skip_unmatched: bool,
    dry_run: bool,
) -> Outcome {
    let flag_date = match as_of.map(user_date).transpose() {
        Ok(d) => d,
        Err(o) => return o,
    };
    let sheets = files
        .iter()
        .filter(|f| super::import_sheet::is_sheet(f))
        .count();
    if sheets > 0 && sheets < files.len() {
        return Outcome::fail(
            2,
            "error: give either workbooks (.xlsx, .ods) or one text table, not both\n".into(),
        );
    }
    if sheets == 0 && files.len() > 1 {
        return Outcome::fail(
            2,
            "error: a text table is imported one at a time; only workbooks (.xlsx, .ods) are read several at once\n"
                .into(),
        );
    }
    if sheets > 0 {
        return match super::import_sheet::read(env, files) {
            Ok((forms, date)) => {
                let label = files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                finish(
                    env,
                    forms.table.clone(),
                    Some(forms),
                    flag_date.or(date),
                    &label,
                    skip_unmatched,
                    dry_run,
                )
            }
            Err(o) => o,
        };
    }
    let file = &files[0];
    let text = match read_table(env, file) {
        Ok(t) => t,
        Err(o) => return o,
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let table = match import::parse(&text, Format::guess(&name, &text)) {
        Ok(t) => t,
        Err(errors) => {
            let findings: Vec<Finding> = errors
                .into_iter()
                .map(|e| {
                    Finding::error(
                        "import-table",
                        file,
                        Pos {
                            line: u32::try_from(e.line).unwrap_or(u32::MAX),
                            col: 1,
                        },
                        e.message,
                    )
                })
                .collect();
            return Outcome::fail(
                1,
                format!(
                    "{}error: cannot read the table; nothing was written\n",
                    render::findings_text(&findings, Path::new(""), env.style)
                ),
            );
        }
    };
    let date = flag_date.or(table.as_of);
    finish(
        env,
        table,
        None,
        date,
        &file.display().to_string(),
        skip_unmatched,
        dry_run,
    )
}

/// Plan and write the import of a table read from `label` (one text table, or several forms).
fn finish(
    env: &Env,
    mut table: import::Table,
    mut forms: Option<super::import_sheet::Forms>,
    date: Option<crate::model::Date>,
    label: &str,
    skip_unmatched: bool,
    dry_run: bool,
) -> Outcome {
    // Findings on the table name the text file; those on forms are put at their cells.
    let file = Path::new(if forms.is_some() { "" } else { label });
    let Some(date) = date else {
        return Outcome::fail(
            2,
            format!(
                "error: {label} has no 資料時間 line, so the date of its progress is unknown\n  hint: give it with --as-of DATE (e.g. --as-of 114-12-31)\n"
            ),
        );
    };
    let _lock = match super::write_lock(env, dry_run) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let reg = match load_clean(env, crate::load::Texts::Keep) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let id_errors = match forms.as_mut() {
        Some(f) => {
            let e = super::import_sheet::check_ids(&reg, &idx, f);
            table = f.table.clone();
            e
        }
        None => Vec::new(),
    };
    let mut p = import::plan(&reg, &idx, &table, date, file);
    p.errors.extend(id_errors);
    if let Some(f) = &forms {
        f.locate(&mut p.errors);
        f.locate(&mut p.unmatched);
        f.locate(&mut p.warnings);
    }
    // On a form, an empty 本次辦理情形 is no news this period: counted, not warned about row by row.
    let no_news = if forms.is_some() {
        let n = p
            .warnings
            .iter()
            .filter(|f| f.code == "import-empty")
            .count();
        p.warnings.retain(|f| f.code != "import-empty");
        n
    } else {
        0
    };
    // A form's findings in the order of its rows (`A9` before `A10`).
    let sort = |v: &mut Vec<Finding>| match &forms {
        Some(f) => f.sort(v),
        None => finding::sort(v),
    };
    sort(&mut p.errors);
    sort(&mut p.unmatched);
    sort(&mut p.warnings);
    let table_findings = |f: &[Finding]| render::findings_text(f, Path::new(""), env.style);
    let unmatched = p.unmatched.len();
    let refuse_unmatched = unmatched > 0 && !skip_unmatched;
    if !p.errors.is_empty() || !p.file_errors.is_empty() || refuse_unmatched {
        let mut all = p.errors.clone();
        if refuse_unmatched {
            all.extend(p.unmatched.iter().cloned());
        }
        sort(&mut all);
        let mut err = table_findings(&all);
        err.push_str(&env.findings(&p.file_errors));
        let mut why = Vec::new();
        if refuse_unmatched {
            why.push(format!(
                "{} in the table {} no case",
                plural(unmatched, "name", "names"),
                if unmatched == 1 { "matches" } else { "match" }
            ));
        }
        let other = p.errors.len() + p.file_errors.len();
        if other > 0 && refuse_unmatched {
            why.push(format!(
                "and {}",
                plural(other, "other problem", "other problems")
            ));
        } else if other > 0 {
            why.push(format!(
                "the table cannot be imported ({})",
                plural(other, "problem", "problems")
            ));
        }
        err.push_str(&format!("error: {}; nothing was written\n", why.join(", ")));
        if refuse_unmatched {
            err.push_str("  hint: correct the names, add the table's spelling to the case's aliases, or use --skip-unmatched to import the rest\n");
        }
        return outcome(String::new(), err, 1);
    }
    let mut warnings = p.warnings.clone();
    if skip_unmatched {
        warnings.extend(p.unmatched.iter().map(|f| Finding {
            severity: finding::Severity::Warning,
            message: format!("{}; skipped", f.message),
            ..f.clone()
        }));
        sort(&mut warnings);
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{} progress as of {date} from {}\n",
        if dry_run { "Would import" } else { "Importing" },
        label
    ));
    for (ri, case) in &p.added {
        let c = &reg.cases[*case].value;
        out.push_str(&format!(
            "  {:<8} {} {}{}\n",
            if dry_run { "add" } else { "added" },
            c.id.value,
            c.title.value,
            env.style.dim(&match &forms {
                Some(f) => format!(" ({})", f.cell(table.rows[*ri].line)),
                None => format!(" (line {})", table.rows[*ri].line),
            })
        ));
    }
    let counts = format!(
        "{}, {} unchanged, {} unmatched",
        plural(
            p.added.len(),
            if dry_run {
                "entry would be added"
            } else {
                "entry added"
            },
            if dry_run {
                "entries would be added"
            } else {
                "entries added"
            }
        ),
        p.unchanged,
        unmatched
    );
    let mut stderr = table_findings(&warnings);
    if no_news > 0 {
        stderr.push_str(&format!(
            "note: rows with no new text (本次辦理情形), skipped: {no_news}\n"
        ));
    }
    if p.changes.is_empty() {
        out.push_str(&format!(
            "{counts}\nnothing to do: the register already holds every entry\n"
        ));
        return outcome(out, stderr, 0);
    }
    if dry_run {
        for c in &p.changes {
            out.push_str(&unified_diff(c));
        }
        out.push_str(&format!(
            "{counts}\ndry run: {} would change; nothing was written\n",
            plural(p.changes.len(), "file", "files")
        ));
        return outcome(out, stderr, 0);
    }
    if let Err(e) = crate::write::commit(&env.root, &p.changes) {
        return outcome(String::new(), format!("{stderr}error: {e}\n"), 1);
    }
    out.push_str(&format!(
        "{counts}\n{} changed\n",
        plural(p.changes.len(), "file", "files")
    ));
    outcome(out, stderr, 0)
}
