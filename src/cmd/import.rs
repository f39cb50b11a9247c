//! `kbbt import progress FILE`: progress entries from a progress table, all or nothing.

use super::{Env, Outcome, load_clean, user_date};
use crate::cli::ImportProgressArgs;
use kbbt::apply::unified_diff;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::import::plan::{self as import_plan, Plan};
use kbbt::import::table::{self as import, Format, MAX_TABLE_BYTES, Table};
use kbbt::index::Index;
use kbbt::msg::{Msg, Said};
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
fn read_table(env: &Env, file: &Path) -> Result<String, Outcome> {
    let full = env.args_dir.join(file);
    let shown = file.display().to_string();
    let fail = |m: Msg| Outcome::refuse(Exit::Problems, Said::error(m));
    let cannot_read = |e: std::io::Error| {
        fail(
            Msg::new(&cat::CANNOT_READ_NAMED)
                .text("file", &shown)
                .os("cause", e.to_string()),
        )
    };
    let meta = std::fs::metadata(&full).map_err(cannot_read)?;
    if !meta.is_file() {
        return Err(fail(Msg::new(&cat::NAMED_NOT_A_FILE).text("file", &shown)));
    }
    if meta.len() > MAX_TABLE_BYTES as u64 {
        return Err(fail(
            Msg::new(&cat::TABLE_TOO_LARGE)
                .text("file", &shown)
                .num("size", meta.len())
                .num("limit", MAX_TABLE_BYTES),
        ));
    }
    let bytes = std::fs::read(&full).map_err(cannot_read)?;
    String::from_utf8(bytes).map_err(|e| {
        fail(
            Msg::new(&cat::TABLE_NOT_UTF8)
                .text("file", &shown)
                .num("offset", e.utf8_error().valid_up_to()),
        )
    })
}

pub fn progress(env: &Env, args: &ImportProgressArgs) -> Outcome {
    read(env, args)
        .and_then(|input| finish(env, input, args))
        .unwrap_or_else(|o| o)
}

/// What an import reads: one text table, or several returned forms (whose cells locate findings).
struct Input {
    table: Table,
    forms: Option<super::import_sheet::Forms>,
    /// `--as-of`, else the date the table or the forms give.
    date: Option<kbbt::model::Date>,
    /// The file, or the files, as the user named them.
    label: String,
}

/// Read the files given: workbooks (several at once) or one text table, not both.
fn read(env: &Env, args: &ImportProgressArgs) -> Result<Input, Outcome> {
    let files = &args.file;
    let flag_date = args.as_of.as_deref().map(user_date).transpose()?;
    let sheets = files
        .iter()
        .filter(|f| super::import_sheet::is_sheet(f))
        .count();
    if sheets > 0 && sheets < files.len() {
        let m = Msg::new(&cat::IMPORT_MIXED_FILES);
        return Err(Outcome::refuse(Exit::Usage, Said::error(m)));
    }
    if sheets == 0 && files.len() > 1 {
        let m = Msg::new(&cat::IMPORT_ONE_TABLE);
        return Err(Outcome::refuse(Exit::Usage, Said::error(m)));
    }
    if sheets > 0 {
        let (forms, date) = super::import_sheet::read(env, files)?;
        return Ok(Input {
            table: forms.table.clone(),
            forms: Some(forms),
            date: flag_date.or(date),
            label: files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let file = &files[0];
    let table = text_table(env, file)?;
    Ok(Input {
        date: flag_date.or(table.as_of),
        table,
        forms: None,
        label: file.display().to_string(),
    })
}

/// One text table (the report's tab-separated text, or CSV), parsed; every unreadable row at once.
fn text_table(env: &Env, file: &Path) -> Result<Table, Outcome> {
    let text = read_table(env, file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import::parse(&text, Format::guess(&name, &text)).map_err(|errors| {
        let findings: Vec<Finding> = errors
            .into_iter()
            .map(|e| {
                let line = u32::try_from(e.line).unwrap_or(u32::MAX);
                Finding::error("import-table", file, Pos { line, col: 1 }, e.message)
            })
            .collect();
        let mut out = Outcome::refuse(
            Exit::Problems,
            Said::error(Msg::new(&cat::TABLE_UNREADABLE)),
        );
        out.stderr = render::findings_text(&findings, Path::new(""), env.style);
        out
    })
}

/// The planned import, its findings sorted and placed (at form cells where the input is forms).
struct Planned {
    plan: Plan,
    /// The table as planned (forms may have corrected ids).
    table: Table,
    forms: Option<super::import_sheet::Forms>,
    /// The file, or the files, as the user named them.
    label: String,
    listing_added: bool,
    /// Rows of a form with no new text: counted, not warned about one by one.
    no_news: usize,
}

/// Plan and write the import of what was read.
fn finish(env: &Env, input: Input, args: &ImportProgressArgs) -> Result<Outcome, Outcome> {
    let Some(date) = input.date else {
        let said = Said::error(Msg::new(&cat::NO_DATA_TIME).text("file", input.label))
            .hint(Msg::new(&cat::GIVE_AS_OF));
        return Err(Outcome::refuse(Exit::Usage, said));
    };
    let _lock = super::write_lock(env, args.dry_run)?;
    let reg = load_clean(env, kbbt::load::Texts::Keep)?;
    let planned = plan(&reg, input, date, args)?;
    refuse(env, &planned, args.skip_unmatched)?;
    let lang = env.style.lang;
    let (mut out, stderr) = summary(env, &reg, &planned, date, args);
    let p = &planned.plan;
    let line = |m: Msg| m.render(lang) + "\n";
    let counts = line(counts_line(p, args.dry_run));
    let files = p.changes.len();
    if p.changes.is_empty() {
        out.push_str(&counts);
        out.push_str(&line(Msg::new(&cat::IMPORT_NOTHING_TO_DO)));
        return Ok(localized(out, stderr, Exit::Success));
    }
    if args.dry_run {
        for c in &p.changes {
            out.push_str(&unified_diff(c));
        }
        out.push_str(&counts);
        let m = Msg::new(&cat::IMPORT_DRY_RUN).count("files", files, "file", "files");
        out.push_str(&line(m));
        return Ok(localized(out, stderr, Exit::Success));
    }
    if let Err(e) = kbbt::write::commit_changes(&env.root, &p.changes) {
        let mut out = Outcome::write_failed(e);
        out.stderr = stderr;
        return Err(out);
    }
    out.push_str(&counts);
    let m = Msg::new(&cat::FILES_CHANGED).count("files", files, "file", "files");
    out.push_str(&line(m));
    Ok(localized(out, stderr, Exit::Success))
}

/// Match the rows to cases, add the listing (`--complete`), and place and sort the findings.
fn plan(
    reg: &kbbt::model::Register,
    input: Input,
    date: kbbt::model::Date,
    args: &ImportProgressArgs,
) -> Result<Planned, Outcome> {
    let Input {
        mut table,
        mut forms,
        label,
        ..
    } = input;
    // Findings on the table name the text file; those on forms are put at their cells.
    let file = Path::new(if forms.is_some() { "" } else { &label });
    let idx = Index::new(reg);
    let id_errors = match forms.as_mut() {
        Some(f) => {
            let e = super::import_sheet::check_ids(reg, &idx, f);
            table = f.table.clone();
            e
        }
        None => Vec::new(),
    };
    let mut p = import_plan::plan(reg, &idx, &table, date, file);
    let mut listing_added = false;
    if args.complete {
        let source = args.source.clone().unwrap_or_else(|| label.clone());
        let change = listing_change(reg, date, &source).map_err(|why| {
            let m = Msg::new(&cat::NOTHING_WRITTEN).msg("why", why);
            Outcome::refuse(Exit::Problems, Said::error(m))
        })?;
        if let Some(c) = change {
            p.changes.push(c);
            listing_added = true;
        }
    }
    p.errors.extend(id_errors);
    let mut no_news = 0;
    if let Some(f) = &forms {
        f.locate(&mut p.errors);
        f.locate(&mut p.unmatched);
        f.locate(&mut p.warnings);
        // On a form, an empty 本次辦理情形 is no news this period.
        no_news = p
            .warnings
            .iter()
            .filter(|f| f.code == "import-empty")
            .count();
        p.warnings.retain(|f| f.code != "import-empty");
    }
    let mut warnings = std::mem::take(&mut p.warnings);
    if args.skip_unmatched {
        warnings.extend(p.unmatched.iter().map(|f| Finding {
            severity: finding::Severity::Warning,
            message: Msg::new(&kbbt::catalog::SKIPPED).msg("msg", f.message.clone()),
            ..f.clone()
        }));
    }
    p.warnings = warnings;
    // A form's findings in the order of its rows (`A9` before `A10`).
    for v in [&mut p.errors, &mut p.unmatched, &mut p.warnings] {
        match &forms {
            Some(f) => f.sort(v),
            None => finding::sort(v),
        }
    }
    Ok(Planned {
        plan: p,
        table,
        forms,
        label,
        listing_added,
        no_news,
    })
}

impl Planned {
    /// Findings in the order of the table's lines, or of a form's rows.
    fn sort(&self, v: &mut [Finding]) {
        match &self.forms {
            Some(f) => f.sort(v),
            None => finding::sort(v),
        }
    }
}

/// An import with errors, or with names that match no case (unless `--skip-unmatched`), is
/// refused as a whole: every reason at once.
fn refuse(env: &Env, planned: &Planned, skip_unmatched: bool) -> Result<(), Outcome> {
    let p = &planned.plan;
    let unmatched = p.unmatched.len();
    let refuse_unmatched = unmatched > 0 && !skip_unmatched;
    if p.errors.is_empty() && p.file_errors.is_empty() && !refuse_unmatched {
        return Ok(());
    }
    let mut all = p.errors.clone();
    if refuse_unmatched {
        all.extend(p.unmatched.iter().cloned());
    }
    planned.sort(&mut all);
    let mut err = render::findings_text(&all, Path::new(""), env.style);
    err.push_str(&env.findings(&p.file_errors));
    let other = p.errors.len() + p.file_errors.len();
    let why = match (refuse_unmatched, other > 0) {
        (true, false) => Msg::new(&cat::NAMES_UNMATCHED).count("n", unmatched, "name", "names"),
        (true, true) => Msg::new(&cat::NAMES_UNMATCHED_AND_MORE)
            .count("n", unmatched, "name", "names")
            .count("other", other, "other problem", "other problems"),
        _ => Msg::new(&cat::TABLE_REFUSED).count("n", other, "problem", "problems"),
    };
    // "1 name in the table matches no case": the verb agrees in English.
    let why = if unmatched == 1 && refuse_unmatched {
        match other {
            0 => Msg::new(&cat::NAME_UNMATCHED),
            _ => Msg::new(&cat::NAME_UNMATCHED_AND_MORE).count(
                "other",
                other,
                "other problem",
                "other problems",
            ),
        }
        .num("n", 1)
    } else {
        why
    };
    let mut said = Said::error(Msg::new(&cat::NOTHING_WRITTEN).msg("why", why));
    if refuse_unmatched {
        said = said.hint(Msg::new(&cat::FIX_NAMES_OR_SKIP));
    }
    let mut out = Outcome::refuse(Exit::Problems, said);
    out.stderr = err;
    Err(out)
}

/// The heading and the entries added (standard output), and the warnings (standard error).
fn summary(
    env: &Env,
    reg: &kbbt::model::Register,
    planned: &Planned,
    date: kbbt::model::Date,
    args: &ImportProgressArgs,
) -> (String, String) {
    let (p, dry_run, lang) = (&planned.plan, args.dry_run, env.style.lang);
    let t = if dry_run {
        &cat::WOULD_IMPORT
    } else {
        &cat::IMPORTING
    };
    let heading = Msg::new(t)
        .date("date", date)
        .text("from", planned.label.clone());
    let mut out = heading.render(lang) + "\n";
    // `add` / `added` (新增 / 已新增), padded to 8 columns.
    let verb = pad_label(if dry_run { "add" } else { "added" }, lang, 8);
    for (ri, case) in &p.added {
        let c = &reg.cases[*case].value;
        let line = planned.table.rows[*ri].line;
        let place = match &planned.forms {
            Some(f) => Msg::new(&cat::AT_CELL).text("cell", f.cell(line)),
            None => Msg::new(&cat::AT_LINE).num("line", line),
        };
        out.push_str(&format!(
            "  {verb} {} {}{}\n",
            c.id.value,
            c.title.value,
            env.style.dim(&place.render(lang))
        ));
    }
    if planned.listing_added {
        let m = Msg::new(&cat::LISTING_ADDED).date("date", date);
        let word = pad_label(if dry_run { "add" } else { "added" }, lang, 0);
        out.push_str(&format!("  {word} {}\n", m.render(lang)));
    }
    let mut stderr = render::findings_text(&p.warnings, Path::new(""), env.style);
    if planned.no_news > 0 {
        let note = Said {
            level: kbbt::msg::Level::Note,
            msg: Msg::new(&cat::NO_NEWS_ROWS).num("n", planned.no_news),
            hint: None,
        };
        stderr.push_str(&note.render(lang));
    }
    (out, stderr)
}

/// `2 entries added, 1 unchanged, 0 unmatched`.
fn counts_line(p: &Plan, dry_run: bool) -> Msg {
    let (t, one, many) = if dry_run {
        (
            &cat::IMPORT_COUNTS_DRY,
            "entry would be added",
            "entries would be added",
        )
    } else {
        (&cat::IMPORT_COUNTS, "entry added", "entries added")
    };
    Msg::new(t)
        .count("added", p.added.len(), one, many)
        .num("unchanged", p.unchanged)
        .num("unmatched", p.unmatched.len())
}

/// An outcome composed in the user's language.
fn localized(stdout: String, stderr: String, code: Exit) -> Outcome {
    Outcome {
        ..outcome(stdout, stderr, code)
    }
}

/// The edit that records a complete listing in platform.yaml, once: `None` when a listing of that
/// date is already there.
fn listing_change(
    reg: &kbbt::model::Register,
    date: kbbt::model::Date,
    source: &str,
) -> Result<Option<kbbt::write::FileChange>, Msg> {
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
    .map_err(|m| Msg::new(&cat::CANNOT_RECORD_LISTING).msg("why", m.0))?;
    let new = e.finish();
    // The edited file must parse and hold exactly one more listing.
    match kbbt::load::parse_doc::<kbbt::model::Platform>(&reg.platform.path, new.clone()) {
        Ok(d) if d.value.listings.len() == p.listings.len() + 1 => {}
        _ => return Err(Msg::new(&cat::LISTING_WOULD_BREAK)),
    }
    Ok(Some(kbbt::write::FileChange {
        path: reg.platform.path.clone(),
        old: Some(reg.platform.text.clone()),
        new,
    }))
}

/// A label of the catalogue in the language, padded to `width` columns.
fn pad_label(label: &str, lang: kbbt::i18n::Lang, width: usize) -> String {
    let l = kbbt::i18n::label(lang, label);
    let w = unicode_width::UnicodeWidthStr::width(l.as_str());
    format!("{l}{}", " ".repeat(width.saturating_sub(w)))
}
