//! `kbbt import progress FILE`: progress entries from a progress table, all or nothing.

use super::{Env, Outcome, load_clean, user_date};
use crate::cli::ImportProgressArgs;
use anyhow::{Context as _, anyhow, bail};
use kbbt::apply::unified_diff;
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::import::{self, Format, MAX_TABLE_BYTES};
use kbbt::index::Index;
use kbbt::plural;
use kbbt::render;
use kbbt::yaml::Pos;
use std::path::Path;

fn outcome(stdout: String, stderr: String, code: Exit) -> Outcome {
    Outcome {
        stdout,
        stderr,
        code,
        ..Outcome::default()
    }
}

/// Read the table file: size-limited, UTF-8 (a BOM is fine).
fn read_table(env: &Env, file: &Path) -> anyhow::Result<String> {
    let full = env.args_dir.join(file);
    let cannot_read = || format!("cannot read {}", file.display());
    let meta = std::fs::metadata(&full).with_context(cannot_read)?;
    if !meta.is_file() {
        bail!("{} is not a file", file.display());
    }
    if meta.len() > MAX_TABLE_BYTES as u64 {
        bail!(
            "{} is too large ({} bytes; the limit is {MAX_TABLE_BYTES} bytes)",
            file.display(),
            meta.len()
        );
    }
    let bytes = std::fs::read(&full).with_context(cannot_read)?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

pub fn progress(env: &Env, args: &ImportProgressArgs) -> Outcome {
    let (files, as_of, skip_unmatched, dry_run) = (
        &args.file,
        args.as_of.as_deref(),
        args.skip_unmatched,
        args.dry_run,
    );
    // `Some(source)`: the table is a complete listing (its source, when given).
    let complete = args.complete.then(|| args.source.clone());
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
            Exit::Usage,
            "error: give either workbooks (.xlsx, .ods) or one text table, not both\n".into(),
        );
    }
    if sheets == 0 && files.len() > 1 {
        return Outcome::fail(Exit::Usage,
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
                    Flags {
                        skip_unmatched,
                        dry_run,
                        complete,
                    },
                )
            }
            Err(o) => o,
        };
    }
    let file = &files[0];
    let text = match read_table(env, file) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(&e),
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
                Exit::Problems,
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
        Flags {
            skip_unmatched,
            dry_run,
            complete,
        },
    )
}

/// How an import runs: `--skip-unmatched`, `--dry-run`, and `--complete [--source]`.
struct Flags {
    skip_unmatched: bool,
    dry_run: bool,
    /// `Some(source)`: the table is a complete listing (its source, when given).
    complete: Option<Option<String>>,
}

/// Plan and write the import of a table read from `label` (one text table, or several forms).
fn finish(
    env: &Env,
    mut table: import::Table,
    mut forms: Option<super::import_sheet::Forms>,
    date: Option<kbbt::model::Date>,
    label: &str,
    flags: Flags,
) -> Outcome {
    let Flags {
        skip_unmatched,
        dry_run,
        complete,
    } = flags;
    // Findings on the table name the text file; those on forms are put at their cells.
    let file = Path::new(if forms.is_some() { "" } else { label });
    let Some(date) = date else {
        return Outcome::fail(
            Exit::Usage,
            format!(
                "error: {label} has no 資料時間 line, so the date of its progress is unknown\n  hint: give it with --as-of DATE (e.g. --as-of 114-12-31)\n"
            ),
        );
    };
    let _lock = match super::write_lock(env, dry_run) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let reg = match load_clean(env, kbbt::load::Texts::Keep) {
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
    let mut listing_added = false;
    if let Some(source) = &complete {
        let source = source.clone().unwrap_or_else(|| label.to_string());
        match listing_change(&reg, date, &source) {
            Ok(Some(c)) => {
                p.changes.push(c);
                listing_added = true;
            }
            Ok(None) => {}
            Err(e) => {
                return Outcome::fail(Exit::Problems, format!("error: {e}; nothing was written\n"));
            }
        }
    }
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
                plural::count(unmatched, "name"),
                plural::agree(unmatched, "matches", "match")
            ));
        }
        let other = p.errors.len() + p.file_errors.len();
        if other > 0 && refuse_unmatched {
            why.push(format!("and {}", plural::count(other, "other problem")));
        } else if other > 0 {
            why.push(format!(
                "the table cannot be imported ({})",
                plural::count(other, "problem")
            ));
        }
        err.push_str(&format!("error: {}; nothing was written\n", why.join(", ")));
        if refuse_unmatched {
            err.push_str("  hint: correct the names, add the table's spelling to the case's aliases, or use --skip-unmatched to import the rest\n");
        }
        return outcome(String::new(), err, Exit::Problems);
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
        plural::count_as(
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
    if listing_added {
        out.push_str(&format!(
            "  {} platform.yaml: a complete listing as of {date}\n",
            if dry_run { "add" } else { "added" }
        ));
    }
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
        return outcome(out, stderr, Exit::Success);
    }
    if dry_run {
        for c in &p.changes {
            out.push_str(&unified_diff(c));
        }
        out.push_str(&format!(
            "{counts}\ndry run: {} would change; nothing was written\n",
            plural::count(p.changes.len(), "file")
        ));
        return outcome(out, stderr, Exit::Success);
    }
    if let Err(e) = kbbt::write::commit(&env.root, &p.changes) {
        return outcome(
            String::new(),
            format!("{stderr}error: {e}\n"),
            Exit::Problems,
        );
    }
    out.push_str(&format!(
        "{counts}\n{} changed\n",
        plural::count(p.changes.len(), "file")
    ));
    outcome(out, stderr, Exit::Success)
}

/// The edit that records a complete listing in platform.yaml, once: `None` when a listing of that
/// date is already there.
fn listing_change(
    reg: &kbbt::model::Register,
    date: kbbt::model::Date,
    source: &str,
) -> Result<Option<kbbt::write::FileChange>, String> {
    let p = &reg.platform.value;
    if p.listings.iter().any(|l| l.value.date.value == date) {
        return Ok(None);
    }
    let item = format!(
        "{{ date: {date}, source: {} }}",
        kbbt::canon::scalar(source, true)
    );
    let mut e = kbbt::edit::Editor::new(&reg.platform.text);
    e.append(
        "listings",
        &item,
        true,
        &[
            "name", "short", "founded", "members", "groups", "levels", "topics", "sources",
        ],
    )
    .map_err(|m| format!("cannot record the listing in platform.yaml: {m}"))?;
    let new = e.finish();
    // The edited file must parse and hold exactly one more listing.
    match kbbt::load::parse_doc::<kbbt::model::Platform>(&reg.platform.path, new.clone()) {
        Ok(d) if d.value.listings.len() == p.listings.len() + 1 => {}
        _ => return Err("recording the listing would break platform.yaml".into()),
    }
    Ok(Some(kbbt::write::FileChange {
        path: reg.platform.path.clone(),
        old: Some(reg.platform.text.clone()),
        new,
    }))
}
