//! Commands: each turns parsed arguments into output text and an exit code.
//!
//! Every command ends with an [`Exit`] (0 success, 1 problems, 2 usage; see `exit.rs`).

mod apply;
mod check_stale;
mod export;
mod fmt;
mod follow;
mod import;
mod import_minutes;
mod import_sheet;
mod list;
mod meta;
mod minutes;
mod new;
mod output;
mod report;
mod status;
mod validate;

use crate::cli::{Cli, ColorChoice, Command};
use crate::exit::Exit;
use crate::finding::{self, Finding};
use crate::load;
use crate::model::Register;
use crate::render::{self, Style};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: Exit,
    /// Standard output is a machine format (JSON, CSV, annotations): never translated.
    pub machine: bool,
    /// A binary result (a workbook), written to `-o FILE` instead of standard output.
    pub binary: Option<Vec<u8>>,
}

impl Outcome {
    pub fn ok(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }
    /// Output in a machine format (JSON, CSV): its text never changes with the language.
    pub fn machine(stdout: String) -> Outcome {
        Outcome {
            stdout,
            machine: true,
            ..Outcome::default()
        }
    }
    /// A command-level failure (a file that cannot be read or written, a git step): exit 1, with
    /// the error and its context, outermost first (`cannot write report.md: Permission denied`).
    pub fn failed(e: &anyhow::Error) -> Outcome {
        Outcome::fail(Exit::Problems, format!("error: {e:#}\n"))
    }
    pub fn fail(code: Exit, stderr: String) -> Outcome {
        Outcome {
            stderr,
            code,
            ..Outcome::default()
        }
    }
}

/// Where the register is, how to show its paths, how to style output.
pub struct Env {
    pub root: PathBuf,
    /// Prefix that makes a root-relative path readable from the working directory.
    pub shown: PathBuf,
    /// Where relative paths on the command line start: `-C DIR`, else the working directory.
    pub args_dir: PathBuf,
    pub style: Style,
    /// `--raw`: CSV cells exactly as they are (no guard against spreadsheet formulas).
    pub raw: bool,
    /// Warnings a command leaves for standard error (e.g. that the register it reports on has errors).
    pub notes: std::cell::RefCell<String>,
}

impl Env {
    /// Command-line paths as paths relative to the register root (for filtering by file).
    pub fn rel_paths(&self, paths: &[PathBuf]) -> Vec<PathBuf> {
        let root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        paths
            .iter()
            .map(|p| {
                let abs = self.args_dir.join(p);
                let abs = abs.canonicalize().unwrap_or(abs);
                abs.strip_prefix(&root)
                    .map(Path::to_path_buf)
                    .unwrap_or(abs)
            })
            .collect()
    }

    /// As [`Env::rel_paths`], for paths that must exist inside the register: one that does not exist, or
    /// lies outside the register, is a usage error (exit 2) rather than an empty, "successful" report.
    pub fn register_paths(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, Outcome> {
        let rel = self.rel_paths(paths);
        for (given, r) in paths.iter().zip(&rel) {
            let full = self.args_dir.join(given);
            let why = if std::fs::symlink_metadata(&full).is_err() {
                "does not exist"
            } else if r.is_absolute() || !crate::safety::inside(r) && !r.as_os_str().is_empty() {
                "is outside the register"
            } else {
                continue;
            };
            return Err(Outcome::fail(
                Exit::Usage,
                format!(
                    "error: `{}` {why}
",
                    given.display()
                ),
            ));
        }
        Ok(rel)
    }

    pub fn findings(&self, f: &[Finding]) -> String {
        render::findings_text(f, &self.shown, self.style)
    }
}

/// Run the command; human-readable output is given in the user's language.
pub fn run(cli: &Cli) -> Outcome {
    let lang = crate::i18n::detect(cli.lang);
    let mut out = run_in(cli, lang);
    if !out.machine {
        out.stdout = crate::i18n::text(lang, &out.stdout);
    }
    // Human-readable listings fit the terminal (or --width): tables are fitted as they are drawn,
    // other long lines are broken here, once they are in the user's language.
    let listing = matches!(
        &cli.command,
        Command::Status { .. }
            | Command::List { .. }
            | Command::Show { .. }
            | Command::Check { .. }
    );
    if listing
        && !out.machine
        && let Some(w) = render::output_width(cli.width)
    {
        out.stdout = render::fit_lines(&out.stdout, w);
    }
    out.stderr = crate::i18n::text(lang, &out.stderr);
    // Output is inert: a control character from a register value is shown, never acted on.
    let styled = color_on(cli);
    out.stdout = crate::term::inert_output(&out.stdout, styled);
    out.stderr = crate::term::inert_output(&out.stderr, styled);
    out
}

/// Whether output is styled: `--color`, else only on a terminal that allows it (no `NO_COLOR`, not
/// `TERM=dumb`).
fn color_on(cli: &Cli) -> bool {
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && crate::term::styling_allowed(),
    }
}

/// Whether a command writes the register (and so first finishes an interrupted write). Every other
/// command only reads: it never writes, moves or deletes anything, and says a write is pending.
fn writes(c: &Command) -> bool {
    match c {
        Command::Apply { dry_run, .. } => !dry_run,
        Command::Fmt { check, .. } => !check,
        Command::New { .. } | Command::Recover => true,
        Command::Import {
            what: crate::cli::ImportCommand::Progress { dry_run, .. },
        } => !dry_run,
        _ => false,
    }
}

fn run_in(cli: &Cli, lang: crate::i18n::Lang) -> Outcome {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // Commands that need no register.
    match &cli.command {
        Command::Completions { shell } => return meta::completions(*shell),
        Command::Man => return meta::man(),
        Command::Schema { kind } => return meta::schema(*kind),
        _ => {}
    }
    let root = match &cli.register {
        Some(dir) => {
            let d = cwd.join(dir);
            if !d.join(load::PLATFORM_FILE).is_file() {
                return Outcome::fail(
                    Exit::Usage,
                    format!("error: `{}` is not a register (it has no platform.yaml)\n", dir.display()),
                );
            }
            d
        }
        None => match load::find_root(&cwd) {
            Some(r) => r,
            None => {
                return Outcome::fail(
                    Exit::Usage,
                    "error: no register here: no platform.yaml in this folder or any folder above it\n  hint: run kbbt inside a register, or point at one with -C DIR\n"
                        .into(),
                )
            }
        },
    };
    let shown = root
        .strip_prefix(&cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| root.clone());
    let color = color_on(cli)
        // A table written with -o goes to a file, not to the terminal.
        && !matches!(
            &cli.command,
            Command::List { output: Some(_), .. } | Command::Status { output: Some(_), .. }
        );
    let ascii = matches!(
        &cli.command,
        Command::Status { ascii: true, .. } | Command::List { ascii: true, .. }
    );
    // Like `git -C`, paths on the command line are relative to DIR when it is given.
    let base = cli
        .register
        .as_ref()
        .map_or_else(|| cwd.clone(), |d| cwd.join(d));
    // `status` and `list` with `-o FILE`: the format from the file's extension, no colour.
    let table_output = match &cli.command {
        Command::Status { format, output, .. } | Command::List { format, output, .. } => {
            Some((*format, output.as_deref()))
        }
        _ => None,
    };
    let table_format = match table_output {
        Some((f, o)) => match output::choose(f, o, crate::cli::TableFormat::Table) {
            Ok(f) => f,
            Err(e) => return e,
        },
        None => crate::cli::TableFormat::Table,
    };
    let to_file = table_output.and_then(|(_, o)| o);
    let bom = matches!(
        &cli.command,
        Command::Status { bom: true, .. } | Command::List { bom: true, .. }
    );
    if bom && table_format != crate::cli::TableFormat::Csv {
        return Outcome::fail(Exit::Usage, "error: --bom is for --format csv\n".into());
    }
    if table_format == crate::cli::TableFormat::Xlsx && to_file.is_none() {
        return Outcome::fail(
            Exit::Usage,
            "error: an .xlsx workbook is not text; give the file to write with -o FILE (e.g. -o cases.xlsx)\n"
                .into(),
        );
    }
    let color = color && to_file.is_none();
    let env = Env {
        root,
        shown,
        args_dir: base.clone(),
        style: Style {
            color,
            ascii,
            lang,
            width: cli.width,
        },
        notes: std::cell::RefCell::default(),
        raw: matches!(
            &cli.command,
            Command::Status { raw: true, .. } | Command::List { raw: true, .. }
        ),
    };
    let mut note = String::new();
    let pending = crate::write::needs_recovery(&env.root);
    if pending && writes(&cli.command) {
        match recover(&env.root) {
            Ok(Some(m)) => note = format!("note: {m}\n"),
            Ok(None) => {}
            Err(e) => return Outcome::fail(Exit::Problems, format!("error: {e}\n")),
        }
    } else if pending {
        note = format!("warning: {}\n", crate::write::PENDING);
    }
    if crate::safety::is_link(&env.root, crate::write::STATE_DIR) {
        if writes(&cli.command) {
            // Refused, with the reason, before anything is written.
            if let Err(e) = crate::write::lock(&env.root, Duration::ZERO) {
                return Outcome::fail(Exit::Problems, format!("error: {e}\n"));
            }
        } else {
            note.push_str("warning: .kbbt is a symbolic link; commands that write refuse to run until it is removed\n");
        }
    }
    if matches!(cli.command, Command::Recover) {
        let mut out = Outcome::ok(if note.is_empty() {
            "nothing to recover: no interrupted write\n".into()
        } else {
            note.strip_prefix("note: ").unwrap_or(&note).to_string()
        });
        out.code = Exit::Success;
        return out;
    }
    let mut out = match &cli.command {
        Command::Validate { paths, format } => validate::run(&env, paths, *format),
        Command::Status {
            group,
            meeting,
            as_of,
            by,
            ..
        } => status::run(
            &env,
            group.as_deref(),
            meeting.as_deref(),
            as_of.as_deref(),
            *by,
            table_format,
        ),
        Command::List {
            instructions: true,
            group,
            format,
            ..
        } => follow::instructions(
            &env,
            group.as_deref(),
            *format == Some(crate::cli::TableFormat::Json),
        ),
        Command::List {
            group,
            status,
            lead,
            partner,
            topic,
            text,
            ..
        } => list::list(
            &env,
            &list::Filter {
                group: group.clone(),
                status: status.clone(),
                lead: lead.clone(),
                partner: partner.clone(),
                topic: topic.clone(),
                text: text.clone(),
            },
            table_format,
        ),
        Command::Show { case, format } => list::show(&env, case, *format),
        Command::Fmt { check, paths } => fmt::run(&env, *check, paths),
        Command::Minutes {
            meeting,
            as_published,
            register_names,
            format,
            output,
            font,
        } => minutes::run(
            &env,
            meeting,
            &minutes::Options {
                as_published: *as_published,
                register_names: *register_names,
                format: *format,
                output: output.as_deref(),
                font,
            },
        ),
        Command::Report {
            as_of,
            group,
            format,
            output,
            font,
        } => report::run(
            &env,
            as_of.as_deref(),
            group.as_deref(),
            *format,
            output.as_deref(),
            font,
        ),
        Command::Check {
            what: crate::cli::CheckCommand::Overdue { as_of, group },
        } => follow::overdue(&env, as_of.as_deref(), group.as_deref()),
        Command::Suggest {
            what: crate::cli::SuggestCommand::Milestones { case, write },
        } => follow::suggest(&env, case.as_deref(), *write),
        Command::Diff {
            from,
            to,
            group,
            format,
        } => follow::diff(
            &env,
            from,
            to,
            group.as_deref(),
            *format == crate::cli::CardFormat::Json,
        ),
        Command::Log { case } => follow::log(&env, case),
        Command::Check {
            what:
                crate::cli::CheckCommand::Stale {
                    months,
                    as_of,
                    group,
                },
        } => check_stale::run(&env, *months, as_of.as_deref(), group.as_deref()),
        Command::Import {
            what:
                crate::cli::ImportCommand::Progress {
                    file,
                    as_of,
                    skip_unmatched,
                    dry_run,
                    complete,
                    source,
                },
        } => import::progress(
            &env,
            file,
            as_of.as_deref(),
            *skip_unmatched,
            *dry_run,
            complete.then(|| source.clone()),
        ),
        Command::Export {
            what: crate::cli::ExportCommand::ProgressForms { as_of, by, output },
        } => export::progress_forms(&env, as_of.as_deref(), *by, output),
        Command::Import {
            what:
                crate::cli::ImportCommand::Minutes {
                    file,
                    id,
                    output,
                    force,
                    source,
                },
        } => import_minutes::run(
            &env,
            &import_minutes::Args {
                file,
                id: id.as_deref(),
                output: output.as_deref(),
                force: *force,
                source: source.as_deref(),
            },
        ),
        Command::New { what } => new::run(&env, what),
        Command::Completions { .. } | Command::Man | Command::Schema { .. } | Command::Recover => {
            unreachable!("handled above")
        }
        Command::Apply {
            meeting,
            dry_run,
            accept_discrepancy,
            commit,
            allow_dirty,
            allow_out_of_order,
        } => apply::run(
            &env,
            &base,
            meeting,
            &apply::Flags {
                dry_run: *dry_run,
                accept_discrepancy: *accept_discrepancy,
                commit: *commit,
                allow_dirty: *allow_dirty,
                allow_out_of_order: *allow_out_of_order,
            },
        ),
    };
    out.stderr.insert_str(0, &note);
    out.stderr.push_str(&env.notes.borrow());
    // A register in the middle of a write (past its commit point: a journal) does not validate,
    // whatever its files say. Staged files without a journal never changed the register.
    if pending
        && crate::write::journal_pending(&env.root)
        && matches!(cli.command, Command::Validate { .. })
    {
        out.code = Exit::Problems;
    }
    // CSV for Excel on zh-TW Windows: a UTF-8 byte order mark, or Excel reads it as Big5.
    if bom && out.code == Exit::Success {
        out.stdout.insert(0, '\u{feff}');
    }
    if let Some(file) = to_file
        && out.code == Exit::Success
    {
        // The file holds what standard output would have (in the user's language); a workbook
        // its bytes.
        let bytes = match out.binary.take() {
            Some(b) => output::Bytes::Binary(b),
            None if out.machine => output::Bytes::Text(out.stdout.clone()),
            None => output::Bytes::Text(crate::i18n::text(lang, &out.stdout)),
        };
        let written = output::target(&env, file, output::Dest::Document).map(|path| {
            let done = format!("wrote {}\n", file.display());
            output::write(&path, file, &bytes, done)
        });
        let mut w = written.unwrap_or_else(|e| e);
        w.stderr.insert_str(0, &out.stderr);
        return w;
    }
    out
}

fn recover(root: &Path) -> Result<Option<String>, String> {
    let _lock = crate::write::lock(root, Duration::from_secs(10))?;
    crate::write::recover(root)
}

/// Load the register for a reporting command: any error finding stops it with exit 1.
/// `texts`: whether the command edits files (and so needs their text); see [`load::Texts`].
fn load_clean(env: &Env, texts: load::Texts) -> Result<Register, Outcome> {
    let (reg, mut findings) = load::load_with(&env.root, texts);
    findings.retain(Finding::is_error);
    finding::sort(&mut findings);
    match reg {
        Some(r) if findings.is_empty() => {
            // A reporting command still reports on a register with errors, but says so: what it
            // shows may be wrong. (Stated counts are left out: status shows those itself.)
            // A command that writes takes the platform's groups for folder names and ids: a platform
            // that does not validate (a group code `.git`, `A/B`, `tr`, or twice) stops it.
            if texts == load::Texts::Keep {
                let mut bad = crate::check::errors_except(
                    &r,
                    &crate::check::RULES
                        .iter()
                        .map(|(n, _)| *n)
                        .filter(|n| *n != "platform")
                        .collect::<Vec<_>>(),
                );
                if !bad.is_empty() {
                    finding::sort(&mut bad);
                    return Err(Outcome::fail(
                        Exit::Problems,
                        format!(
                            "{}error: platform.yaml has problems; nothing was written\n",
                            env.findings(&bad)
                        ),
                    ));
                }
            }
            if texts != load::Texts::Keep {
                let n = crate::check::errors_except(&r, &["stated-counts"]).len();
                if n > 0 {
                    env.notes.borrow_mut().push_str(&format!(
                        "warning: the register has {n} error{}; what is shown may be wrong\n  hint: run `kbbt validate` to see them\n",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
            Ok(r)
        }
        _ => Err(Outcome::fail(
            Exit::Problems,
            format!(
                "{}error: the register has problems; run `kbbt validate` for all of them\n",
                env.findings(&findings)
            ),
        )),
    }
}

/// The write lock for a command that changes files; `None` for a dry run (which writes nothing).
fn write_lock(env: &Env, dry_run: bool) -> Result<Option<crate::write::Lock>, Outcome> {
    if dry_run {
        return Ok(None);
    }
    crate::write::lock(&env.root, Duration::from_secs(5))
        .map(Some)
        .map_err(|e| Outcome::fail(Exit::Problems, format!("error: {e}; nothing was written\n")))
}

/// What the reports read: the register (without texts), `--as-of` or today, and `--group` (one group)
/// or every group in the platform's order.
fn report_view(
    env: &Env,
    as_of: Option<&str>,
    group: Option<&str>,
) -> Result<(Register, crate::model::Date, Vec<usize>), Outcome> {
    let reg = load_clean(env, load::Texts::Drop)?;
    let date = match as_of {
        Some(s) => user_date(s)?,
        None => crate::model::Date(chrono::Local::now().date_naive()),
    };
    let groups = match group {
        Some(g) => vec![user_group(&reg, g)?],
        None => (0..reg.platform.value.groups.len()).collect(),
    };
    Ok((reg, date, groups))
}

/// A date typed by a user, ISO or ROC; a bad one is a usage error (exit 2).
fn user_date(s: &str) -> Result<crate::model::Date, Outcome> {
    crate::model::parse_date(s).map_err(|e| Outcome::fail(Exit::Usage, format!("error: {e}\n")))
}

/// A group typed by a user (name, code or alias); unknown is a usage error with a suggestion.
fn user_group(reg: &Register, s: &str) -> Result<usize, Outcome> {
    let p = &reg.platform.value;
    p.group_index(s).ok_or_else(|| {
        let hint = p
            .suggest_group(s)
            .map(|x| format!("  hint: did you mean `{x}`?\n"))
            .unwrap_or_else(|| {
                format!(
                    "  hint: the groups are {}\n",
                    p.groups
                        .iter()
                        .map(|g| format!("{} ({})", g.name.value, g.code.value))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        Outcome::fail(Exit::Usage, format!("error: unknown group `{s}`\n{hint}"))
    })
}
