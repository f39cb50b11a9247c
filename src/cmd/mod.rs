//! Commands: each turns parsed arguments into output text and an exit code.
//!
//! Exit codes: 0 success, 1 the register or a meeting has problems, 2 the command line is wrong.

mod apply;
mod check_stale;
mod fmt;
mod import;
mod import_minutes;
mod list;
mod meta;
mod minutes;
mod new;
mod report;
mod status;
mod validate;

use crate::cli::{Cli, ColorChoice, Command};
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
    pub code: i32,
    /// Standard output is a machine format (JSON, CSV, annotations): never translated.
    pub machine: bool,
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
    pub fn fail(code: i32, stderr: String) -> Outcome {
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
    out.stderr = crate::i18n::text(lang, &out.stderr);
    out
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
                    2,
                    format!("error: `{}` is not a register (it has no platform.yaml)\n", dir.display()),
                );
            }
            d
        }
        None => match load::find_root(&cwd) {
            Some(r) => r,
            None => {
                return Outcome::fail(
                    2,
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
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let ascii = matches!(
        &cli.command,
        Command::Status { ascii: true, .. } | Command::List { ascii: true, .. }
    );
    // Like `git -C`, paths on the command line are relative to DIR when it is given.
    let base = cli
        .register
        .as_ref()
        .map_or_else(|| cwd.clone(), |d| cwd.join(d));
    let env = Env {
        root,
        shown,
        args_dir: base.clone(),
        style: Style { color, ascii, lang },
    };
    let mut note = String::new();
    if crate::write::needs_recovery(&env.root) {
        match recover(&env.root) {
            Ok(Some(m)) => note = format!("note: {m}\n"),
            Ok(None) => {}
            Err(e) => return Outcome::fail(1, format!("error: {e}\n")),
        }
    }
    let mut out = match &cli.command {
        Command::Validate { paths, format } => validate::run(&env, paths, *format),
        Command::Status {
            group,
            meeting,
            as_of,
            by,
            format,
            ..
        } => status::run(
            &env,
            group.as_deref(),
            meeting.as_deref(),
            as_of.as_deref(),
            *by,
            *format,
        ),
        Command::List {
            group,
            status,
            lead,
            partner,
            topic,
            text,
            format,
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
            *format,
        ),
        Command::Show { case, format } => list::show(&env, case, *format),
        Command::Fmt { check, paths } => fmt::run(&env, *check, paths),
        Command::Minutes {
            meeting,
            as_published,
        } => minutes::run(&env, meeting, *as_published),
        Command::Report {
            as_of,
            group,
            format,
            output,
        } => report::run(
            &env,
            as_of.as_deref(),
            group.as_deref(),
            *format,
            output.as_deref(),
        ),
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
        Command::Completions { .. } | Command::Man | Command::Schema { .. } => {
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
        Some(r) if findings.is_empty() => Ok(r),
        _ => Err(Outcome::fail(
            1,
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
        .map_err(|e| Outcome::fail(1, format!("error: {e}; nothing was written\n")))
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
    crate::model::parse_date(s).map_err(|e| Outcome::fail(2, format!("error: {e}\n")))
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
        Outcome::fail(2, format!("error: unknown group `{s}`\n{hint}"))
    })
}
