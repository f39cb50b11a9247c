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

use crate::cli::{
    CheckCommand, Cli, ColorChoice, Command, ExportCommand, ImportCommand, SuggestCommand,
    TableFormat, TableOut,
};
use kbbt::catalog as m;
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::load;
use kbbt::model::Register;
use kbbt::msg::{Msg, Said};
use kbbt::render::{self, Style};
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
    /// Messages for standard error as values, rendered in the user's language after `stderr`.
    pub said: Vec<Said>,
}

impl Outcome {
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
        Outcome::refuse(Exit::Problems, Said::error(error_msg(e)))
    }
    /// A refusal or failure of the writer (a lock, a write, a recovery): exit 1, its message and hint.
    pub fn write_failed(e: kbbt::write::Error) -> Outcome {
        Outcome::refuse(Exit::Problems, e.said())
    }
    /// Human output composed in the user's language (see [`Outcome::localized`]).
    pub fn localized(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }
    /// A refusal: the exit code, and what to say on standard error.
    pub fn refuse(code: Exit, said: Said) -> Outcome {
        Outcome {
            code,
            said: vec![said],
            ..Outcome::default()
        }
    }
    /// Text for standard error that is in the user's language already (findings): with the exit code.
    pub fn stderr(code: Exit, stderr: String) -> Outcome {
        Outcome {
            stderr,
            code,
            ..Outcome::default()
        }
    }
}

/// An `anyhow` error as a message: kbbt's context (a [`Msg`] given to `.context(..)`) and the cause,
/// outermost first (`cannot read vm-7.yaml: No such file or directory`). The cause is the operating
/// system's words, translated by their code, or kbbt's own message (`anyhow::Error::msg(Msg)`).
pub fn error_msg(e: &anyhow::Error) -> Msg {
    let root = e.root_cause().to_string();
    let contexts: Vec<String> = e
        .chain()
        .map(ToString::to_string)
        .take_while(|c| *c != root)
        .collect();
    let own = e.downcast_ref::<Msg>();
    if contexts.is_empty() {
        return match own {
            Some(msg) => msg.clone(),
            None => Msg::new(&m::OS_ERROR).os("cause", root),
        };
    }
    let context = match own {
        Some(msg) if contexts.len() == 1 && msg.to_string() == contexts[0] => msg.clone(),
        // kbbt gives every context as a message; anything else is shown as it is.
        _ => Msg::new(&m::OS_ERROR).os("cause", contexts.join(": ")),
    };
    Msg::new(&m::CONTEXT_CAUSE)
        .msg("context", context)
        .msg("cause", Msg::new(&m::OS_ERROR).os("cause", root))
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
    pub notes: std::cell::RefCell<Vec<Said>>,
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
                &m::PATH_DOES_NOT_EXIST
            } else if r.is_absolute() || !kbbt::safety::inside(r) && !r.as_os_str().is_empty() {
                &m::PATH_OUTSIDE_REGISTER
            } else {
                continue;
            };
            let msg = Msg::new(why).text("path", given.display().to_string());
            return Err(Outcome::refuse(Exit::Usage, Said::error(msg)));
        }
        Ok(rel)
    }

    pub fn findings(&self, f: &[Finding]) -> String {
        render::findings_text(f, &self.shown, self.style)
    }
}

/// Run the command; human-readable output is given in the user's language.
pub fn run(cli: &Cli) -> Outcome {
    let lang = kbbt::i18n::detect(cli.lang);
    let mut out = run_in(cli, lang);
    // Human-readable listings fit the terminal (or --width): tables are fitted as they are drawn,
    // other long lines are broken here, once they are in the user's language.
    let listing = matches!(
        &cli.command,
        Command::Status(_) | Command::List(_) | Command::Show(_) | Command::Check { .. }
    );
    if listing
        && !out.machine
        && let Some(w) = render::output_width(cli.width)
    {
        out.stdout = render::fit_lines(&out.stdout, w);
    }
    for s in std::mem::take(&mut out.said) {
        out.stderr.push_str(&s.render(lang));
    }
    // Output is inert: a control character from a register value is shown, never acted on.
    let styled = color_on(cli);
    out.stdout = kbbt::term::inert_output(&out.stdout, styled);
    out.stderr = kbbt::term::inert_output(&out.stderr, styled);
    out
}

/// Whether output is styled: `--color`, else only on a terminal that allows it (no `NO_COLOR`, not
/// `TERM=dumb`).
fn color_on(cli: &Cli) -> bool {
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && kbbt::term::styling_allowed(),
    }
}

/// Whether a command writes the register (and so first finishes an interrupted write). Every other
/// command only reads: it never writes, moves or deletes anything, and says a write is pending.
fn writes(c: &Command) -> bool {
    match c {
        Command::Apply(a) => !a.dry_run,
        Command::Fmt(a) => !a.check,
        Command::New { .. } | Command::Recover => true,
        Command::Import {
            what: crate::cli::ImportCommand::Progress(a),
        } => !a.dry_run,
        _ => false,
    }
}

fn run_in(cli: &Cli, lang: kbbt::i18n::Lang) -> Outcome {
    // Commands that need no register.
    match &cli.command {
        Command::Completions { shell } => return meta::completions(*shell),
        Command::Man => return meta::man(),
        Command::Schema { kind } => return meta::schema(*kind),
        _ => {}
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = match find_root(cli, &cwd) {
        Ok(r) => r,
        Err(o) => return o,
    };
    // `status` and `list` write a table: to standard output, or with `-o FILE` to a file (the format
    // from the file's extension, no colour).
    let table_out = match &cli.command {
        Command::Status(a) => Some(&a.out),
        Command::List(a) => Some(&a.out),
        _ => None,
    };
    let table_format = match table_format(table_out) {
        Ok(f) => f,
        Err(o) => return o,
    };
    let to_file = table_out.and_then(|o| o.output.as_deref());
    let env = Env {
        shown: root
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| root.clone()),
        root,
        // Like `git -C`, paths on the command line are relative to DIR when it is given.
        args_dir: cli
            .register
            .as_ref()
            .map_or_else(|| cwd.clone(), |d| cwd.join(d)),
        style: Style {
            color: color_on(cli) && to_file.is_none(),
            ascii: table_out.is_some_and(|o| o.ascii),
            lang,
            width: cli.width,
        },
        notes: std::cell::RefCell::default(),
        raw: table_out.is_some_and(|o| o.raw),
    };
    let pending = kbbt::write::needs_recovery(&env.root);
    let note = match pending_write(&env, &cli.command, pending) {
        Ok(n) => n,
        Err(o) => return o,
    };
    if matches!(cli.command, Command::Recover) {
        let done = note
            .recovered
            .unwrap_or_else(|| Msg::new(&m::NOTHING_TO_RECOVER));
        let mut out = Outcome::localized(done.render(lang) + "\n");
        out.stderr = note.text;
        return out;
    }
    let note = note.said();
    let mut out = dispatch(&cli.command, &env, table_format);
    out.stderr.insert_str(0, &note);
    out.said.extend(env.notes.take());
    // A register in the middle of a write (past its commit point: a journal) does not validate,
    // whatever its files say. Staged files without a journal never changed the register.
    if pending
        && kbbt::write::journal_pending(&env.root)
        && matches!(cli.command, Command::Validate(_))
    {
        out.code = Exit::Problems;
    }
    // CSV for Excel on zh-TW Windows: a UTF-8 byte order mark, or Excel reads it as Big5.
    if table_out.is_some_and(|o| o.bom) && out.code == Exit::Success {
        out.stdout.insert(0, '\u{feff}');
    }
    match to_file {
        Some(file) if out.code == Exit::Success => write_to(&env, out, file),
        _ => out,
    }
}

/// The register's root: `-C DIR` (which must hold platform.yaml), else the first folder upwards
/// that holds one.
fn find_root(cli: &Cli, cwd: &Path) -> Result<PathBuf, Outcome> {
    match &cli.register {
        Some(dir) => {
            let d = cwd.join(dir);
            if !d.join(load::PLATFORM_FILE).is_file() {
                let msg = Msg::new(&m::NOT_A_REGISTER).text("dir", dir.display().to_string());
                return Err(Outcome::refuse(Exit::Usage, Said::error(msg)));
            }
            Ok(d)
        }
        None => load::find_root(cwd).ok_or_else(|| {
            let said = Said::error(Msg::new(&m::NO_REGISTER)).hint(Msg::new(&m::RUN_INSIDE));
            Outcome::refuse(Exit::Usage, said)
        }),
    }
}

/// The format of `status` and `list`: `--format`, else from `-o FILE`'s extension, else a table;
/// `--bom` only with CSV, a workbook only to a file.
fn table_format(out: Option<&TableOut>) -> Result<TableFormat, Outcome> {
    let Some(o) = out else {
        return Ok(TableFormat::Table);
    };
    let f = output::choose(o.format, o.output.as_deref(), TableFormat::Table)?;
    if o.bom && f != TableFormat::Csv {
        let said = Said::error(Msg::new(&m::BOM_FOR_CSV));
        return Err(Outcome::refuse(Exit::Usage, said));
    }
    if f == TableFormat::Xlsx && o.output.is_none() {
        let said = Said::error(Msg::new(&m::XLSX_NEEDS_FILE));
        return Err(Outcome::refuse(Exit::Usage, said));
    }
    Ok(f)
}

/// What [`pending_write`] has to say: what recovery did, and warnings (in the user's language).
struct Pending {
    recovered: Option<Msg>,
    text: String,
    lang: kbbt::i18n::Lang,
}

impl Pending {
    /// Everything for standard error: `note: finished an interrupted write …` first.
    fn said(self) -> String {
        let note = self.recovered.map(|msg| Said {
            level: kbbt::msg::Level::Note,
            msg,
            hint: None,
        });
        note.map_or_else(String::new, |n| n.render(self.lang)) + &self.text
    }
}

/// An interrupted write: a command that writes first finishes it (or refuses, when `.kbbt` is a
/// link); one that only reads says so and goes on.
fn pending_write(env: &Env, command: &Command, pending: bool) -> Result<Pending, Outcome> {
    let lang = env.style.lang;
    let mut note = Pending {
        recovered: None,
        text: String::new(),
        lang,
    };
    if pending && writes(command) {
        note.recovered = recover(&env.root).map_err(Outcome::write_failed)?;
    } else if pending {
        let said = Said::warning(Msg::new(&m::WRITE_PENDING)).hint(Msg::new(&m::RUN_RECOVER));
        note.text = said.render(lang);
    }
    if kbbt::safety::is_link(&env.root, kbbt::write::STATE_DIR) {
        if writes(command) {
            // Refused, with the reason, before anything is written.
            kbbt::write::take_lock(&env.root, Duration::ZERO).map_err(Outcome::write_failed)?;
        } else {
            note.text
                .push_str(&Said::warning(Msg::new(&m::STATE_DIR_LINK)).render(lang));
        }
    }
    Ok(note)
}

/// Each command with its arguments.
fn dispatch(command: &Command, env: &Env, table_format: TableFormat) -> Outcome {
    match command {
        Command::Validate(a) => validate::run(env, a),
        Command::Status(a) => status::run(env, a, table_format),
        Command::List(a) if a.instructions => follow::instructions(
            env,
            a.group.as_deref(),
            a.out.format == Some(TableFormat::Json),
        ),
        Command::List(a) => list::list(env, a, table_format),
        Command::Show(a) => list::show(env, &a.case, a.format),
        Command::Fmt(a) => fmt::run(env, a.check, &a.paths),
        Command::Minutes(a) => minutes::run(env, a),
        Command::Report(a) => report::run(env, a),
        Command::Check {
            what: CheckCommand::Overdue(a),
        } => follow::overdue(env, a.as_of.as_deref(), a.group.as_deref()),
        Command::Check {
            what: CheckCommand::Stale(a),
        } => check_stale::run(env, a),
        Command::Suggest {
            what: SuggestCommand::Milestones(a),
        } => follow::suggest(env, a.case.as_deref(), a.write),
        Command::Diff(a) => follow::diff(env, a),
        Command::Log(a) => follow::log(env, &a.case),
        Command::Import {
            what: ImportCommand::Progress(a),
        } => import::progress(env, a),
        Command::Import {
            what: ImportCommand::Minutes(a),
        } => import_minutes::run(env, a),
        Command::Export {
            what: ExportCommand::ProgressForms(a),
        } => export::progress_forms(env, a.as_of.as_deref(), a.by, &a.output),
        Command::New { what } => new::run(env, what),
        Command::Apply(a) => apply::run(env, &env.args_dir, a),
        Command::Completions { .. } | Command::Man | Command::Schema { .. } | Command::Recover => {
            unreachable!("handled before")
        }
    }
}

/// `-o FILE` of `status` and `list`: the file holds what standard output would have (in the user's
/// language), or a workbook's bytes.
fn write_to(env: &Env, mut out: Outcome, file: &Path) -> Outcome {
    let bytes = match out.binary.take() {
        Some(b) => output::Bytes::Binary(b),
        // Tables are composed in the user's language (or a machine format) already.
        None => output::Bytes::Text(out.stdout.clone()),
    };
    let written = output::target(env, file, output::Dest::Document).map(|path| {
        let done = Msg::new(&m::WROTE)
            .text("file", file.display().to_string())
            .render(env.style.lang)
            + "\n";
        output::write(&path, file, &bytes, done)
    });
    let mut w = written.unwrap_or_else(|e| e);
    w.stderr.insert_str(0, &out.stderr);
    w
}

fn recover(root: &Path) -> Result<Option<Msg>, kbbt::write::Error> {
    let _lock = kbbt::write::take_lock(root, Duration::from_secs(10))?;
    kbbt::write::recover(root)
}

/// Load the register for a reporting command: any error finding stops it with exit 1.
/// `texts`: whether the command edits files (and so needs their text); see [`load::Texts`].
fn load_clean(env: &Env, texts: load::Texts) -> Result<Register, Outcome> {
    let (reg, findings) = load::load_with(&env.root, texts);
    let reg = loaded_clean(env, reg, findings, texts == load::Texts::Keep)?;
    if texts != load::Texts::Keep {
        warn_if_errors(
            env,
            kbbt::check::errors_except(&reg, &["stated-counts"]).len(),
        );
    }
    Ok(reg)
}

/// As [`load_clean`] for a command that reads only and needs the register's lookups itself: they are
/// built once, for the check that warns of errors and for the command.
fn load_clean_indexed(
    env: &Env,
    texts: load::Texts,
) -> Result<(Register, kbbt::index::Index, kbbt::tally::Timelines), Outcome> {
    debug_assert!(texts != load::Texts::Keep);
    let (reg, findings) = load::load_with(&env.root, texts);
    let reg = loaded_clean(env, reg, findings, false)?;
    let idx = kbbt::index::Index::new(&reg);
    let tl = kbbt::tally::Timelines::new(&reg, &idx);
    warn_if_errors(
        env,
        kbbt::check::errors_in(&reg, &idx, &tl, &["stated-counts"]).len(),
    );
    Ok((reg, idx, tl))
}

/// The register if it loaded without an error; else the refusal that lists the errors. A command
/// that writes (`writes`) is also refused a platform that does not validate.
fn loaded_clean(
    env: &Env,
    reg: Option<Register>,
    mut findings: Vec<Finding>,
    writes: bool,
) -> Result<Register, Outcome> {
    findings.retain(Finding::is_error);
    finding::sort(&mut findings);
    match reg {
        Some(r) if findings.is_empty() => {
            // A command that writes takes the platform's groups for folder names and ids: a platform
            // that does not validate (a group code `.git`, `A/B`, `tr`, or twice) stops it.
            if writes {
                platform_ok(env, &r, None)?;
            }
            Ok(r)
        }
        _ => {
            let said = Said::error(Msg::new(&m::REGISTER_HAS_PROBLEMS));
            let mut out = Outcome::refuse(Exit::Problems, said);
            out.stderr = env.findings(&findings);
            Err(out)
        }
    }
}

/// A command that writes takes the platform's groups for folder names and ids: a platform that does
/// not validate (a group code `.git`, `A/B`, `tr`, or twice) stops it. `lookups`: the register's, when
/// the command has built them.
fn platform_ok(
    env: &Env,
    r: &Register,
    lookups: Option<(&kbbt::index::Index, &kbbt::tally::Timelines)>,
) -> Result<(), Outcome> {
    let skip: Vec<&str> = kbbt::check::RULES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| *n != "platform")
        .collect();
    let mut bad = match lookups {
        Some((idx, tl)) => kbbt::check::errors_in(r, idx, tl, &skip),
        None => kbbt::check::errors_except(r, &skip),
    };
    if bad.is_empty() {
        return Ok(());
    }
    finding::sort(&mut bad);
    let mut out = Outcome::refuse(
        Exit::Problems,
        Said::error(Msg::new(&m::PLATFORM_HAS_PROBLEMS)),
    );
    out.stderr = env.findings(&bad);
    Err(out)
}

/// As [`load_clean`] for `apply`, which writes and needs the register's lookups: they are built once,
/// for the platform check and for the command. The meetings' texts are kept; a case's text is read
/// again when the case is edited (`apply::changes`), so 100,000 case texts are not held in memory.
fn load_clean_for_writing(
    env: &Env,
) -> Result<(Register, kbbt::index::Index, kbbt::tally::Timelines), Outcome> {
    // The cases' texts are read again for the files the command edits.
    let (reg, findings) = load::load_with(&env.root, load::Texts::Meetings);
    let reg = loaded_clean(env, reg, findings, false)?;
    let idx = kbbt::index::Index::new(&reg);
    let tl = kbbt::tally::Timelines::new(&reg, &idx);
    platform_ok(env, &reg, Some((&idx, &tl)))?;
    Ok((reg, idx, tl))
}

/// A reporting command still reports on a register with errors, but says so: what it shows may be
/// wrong. (Stated counts are left out of `n`: status shows those itself.)
fn warn_if_errors(env: &Env, n: usize) {
    if n > 0 {
        let msg = Msg::new(&m::REGISTER_HAS_ERRORS).count("errors", n, "error", "errors");
        let said = Said::warning(msg).hint(Msg::new(&m::RUN_VALIDATE_TO_SEE));
        env.notes.borrow_mut().push(said);
    }
}

/// The write lock for a command that changes files; `None` for a dry run (which writes nothing).
fn write_lock(env: &Env, dry_run: bool) -> Result<Option<kbbt::write::Lock>, Outcome> {
    if dry_run {
        return Ok(None);
    }
    kbbt::write::take_lock(&env.root, Duration::from_secs(5))
        .map(Some)
        .map_err(|e| {
            let mut said = e.said();
            said.msg = Msg::new(&m::NOTHING_WRITTEN).msg("why", said.msg);
            Outcome::refuse(Exit::Problems, said)
        })
}

/// What the reports read: the register (without texts), `--as-of` or today, and `--group` (one group)
/// or every group in the platform's order.
fn report_view(
    env: &Env,
    as_of: Option<&str>,
    group: Option<&str>,
) -> Result<(Register, kbbt::model::Date, Vec<usize>), Outcome> {
    let reg = load_clean(env, load::Texts::Drop)?;
    let date = match as_of {
        Some(s) => user_date(s)?,
        None => kbbt::model::Date(chrono::Local::now().date_naive()),
    };
    let groups = match group {
        Some(g) => vec![user_group(&reg, g)?],
        None => (0..reg.platform.value.groups.len()).collect(),
    };
    Ok((reg, date, groups))
}

/// A date typed by a user, ISO or ROC; a bad one is a usage error (exit 2).
fn user_date(s: &str) -> Result<kbbt::model::Date, Outcome> {
    kbbt::model::parse_date(s).map_err(|e| Outcome::refuse(Exit::Usage, Said::error(e)))
}

/// A group typed by a user (name, code or alias); unknown is a usage error with a suggestion.
fn user_group(reg: &Register, s: &str) -> Result<usize, Outcome> {
    let p = &reg.platform.value;
    p.group_index(s).ok_or_else(|| {
        let hint = match p.suggest_group(s) {
            Some(x) => Msg::new(&m::DID_YOU_MEAN).text("name", x),
            None => {
                let groups = p.groups.iter().map(|g| {
                    Msg::new(&m::GROUP_AND_CODE)
                        .text("name", g.name.value.clone())
                        .text("code", g.code.value.clone())
                });
                Msg::new(&m::GROUPS_ARE).list("groups", groups)
            }
        };
        let said = Said::error(Msg::new(&m::UNKNOWN_GROUP).text("group", s)).hint(hint);
        Outcome::refuse(Exit::Usage, said)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;
    use kbbt::i18n::Lang;

    /// kbbt's context and the system's cause, each in the language; kbbt's own error as it is.
    #[test]
    fn an_error_chain_is_a_message() {
        let io = std::io::Error::from_raw_os_error(2);
        let e = Err::<(), _>(io)
            .context(Msg::new(&m::CANNOT_READ_ARG).text("file", "vm-7.yaml"))
            .unwrap_err();
        let msg = error_msg(&e);
        assert!(
            msg.to_string().starts_with("cannot read vm-7.yaml: "),
            "{msg}"
        );
        assert_eq!(
            msg.render(Lang::ZhTw),
            "無法讀取 vm-7.yaml：找不到檔案或資料夾（系統錯誤碼 2）"
        );
        let own = anyhow::Error::msg(Msg::new(&m::GIT_COULD_NOT_RUN));
        assert_eq!(error_msg(&own).render(Lang::ZhTw), "無法執行 `git`");
    }
}
