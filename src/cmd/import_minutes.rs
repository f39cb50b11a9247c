//! `kbbt import minutes FILE`: a draft meeting file from the minutes' decision section.
//! Reads the register, never changes cases/; writes the draft to standard output or `-o FILE`.

use super::{Env, Outcome, load_clean};
use crate::cli::ImportMinutesArgs;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::load;
use kbbt::minutes_in::{draft, parse, read};
use kbbt::msg::{Msg, Said};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The minutes' text: the file, or standard input for `-`.
fn read_input(env: &Env, a: &ImportMinutesArgs, stdin: bool) -> Result<String, Outcome> {
    let text = if stdin {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            let msg = Msg::new(&cat::IM_CANNOT_READ_STDIN).os("cause", e.to_string());
            return Err(Outcome::refuse(Exit::Problems, Said::error(msg)));
        }
        read::text(buf).map_err(|why| {
            Said::error(
                Msg::new(&cat::IM_IN_FILE)
                    .msg("file", Msg::new(&cat::IM_STANDARD_INPUT))
                    .msg("why", why),
            )
        })
    } else {
        read::document(&env.args_dir.join(a.file.as_path()), a.file.as_path())
    };
    text.map_err(|said| Outcome::refuse(Exit::Problems, said))
}

/// The minutes' decision section, read with the platform's group names; none is an error.
fn parse_minutes(
    reg: &kbbt::model::Register,
    text: &str,
    a: &ImportMinutesArgs,
    stdin: bool,
) -> Result<parse::Parsed, Outcome> {
    let spellings: Vec<String> = reg
        .platform
        .value
        .group_spellings()
        .into_iter()
        .filter(|g| !g.is_ascii())
        .collect();
    let parsed = parse::parse_with(text, &spellings);
    if parsed.groups.is_empty() && parsed.totals.is_none() {
        let msg = if stdin {
            Msg::new(&cat::IM_NO_DECISION_SECTION_STDIN)
        } else {
            Msg::new(&cat::IM_NO_DECISION_SECTION)
                .text("file", a.file.as_path().display().to_string())
        };
        return Err(Outcome::refuse(Exit::Problems, Said::error(msg)));
    }
    Ok(parsed)
}

/// The draft's `source`: `--source`, else the minutes' title, else the file's name (standard input
/// in the register's language, as the draft's comments are).
fn source_name(
    reg: &kbbt::model::Register,
    a: &ImportMinutesArgs,
    parsed: &parse::Parsed,
    stdin: bool,
) -> String {
    match (a.source.as_deref(), &parsed.title) {
        (Some(s), _) => s.to_string(),
        (None, Some(t)) => format!("{t}紀錄"),
        (None, None) if stdin => {
            let lang = reg.platform.value.writes_in();
            Msg::new(&cat::IM_STANDARD_INPUT).render(lang)
        }
        (None, None) => a.file.as_path().file_name().map_or_else(
            || a.file.as_path().display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

/// Write the draft to `path`: a meeting file of the register through the register's writer,
/// under its lock; anywhere else a temporary file renamed into place, never a partial draft. A
/// write that fails is an error after `err`.
fn write_draft(
    env: &Env,
    path: &Path,
    shown: &Path,
    yaml: String,
    err: &str,
) -> Result<(), Outcome> {
    let failed_said = |said: Said| {
        let mut o = Outcome::refuse(Exit::Problems, said);
        o.stderr = err.to_string();
        o
    };
    let failed = |msg: Msg| {
        let mut o = Outcome::refuse(Exit::Problems, Said::error(msg));
        o.stderr = err.to_string();
        o
    };
    let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
    match path.strip_prefix(&root) {
        Ok(rel) if rel.starts_with("meetings") && rel.components().count() == 2 => {
            let old = if path.exists() {
                Some(std::fs::read_to_string(path).map_err(|e| {
                    failed(
                        Msg::new(&cat::IM_CANNOT_READ)
                            .text("file", shown.display().to_string())
                            .os("cause", e.to_string()),
                    )
                })?)
            } else {
                None
            };
            kbbt::write::take_lock(&env.root, Duration::from_secs(5))
                .and_then(|_lock| {
                    kbbt::write::commit_changes(
                        &env.root,
                        &[kbbt::write::FileChange {
                            path: rel.to_path_buf(),
                            old,
                            new: yaml,
                        }],
                    )
                })
                .map_err(|e| failed_said(e.said()))
        }
        _ => kbbt::write::write_output(path, yaml.as_bytes()).map_err(|e| {
            failed(
                Msg::new(&cat::CANNOT_WRITE_WHY)
                    .text("file", shown.display().to_string())
                    .msg("why", Msg::new(&cat::OS_ERROR).os("cause", e.to_string())),
            )
        }),
    }
}

/// The draft given on standard output, or written to `-o FILE` (refused if it exists, without
/// `--force`); `err` is what goes to standard error.
fn deliver(
    env: &Env,
    a: &ImportMinutesArgs,
    out: Option<PathBuf>,
    yaml: String,
    err: String,
) -> Outcome {
    let Some(path) = out else {
        let mut o = Outcome::machine(yaml);
        o.stderr = err;
        return o;
    };
    let shown = a.output.as_deref().unwrap_or(Path::new("-"));
    if path.exists() && !a.force {
        let exists = Msg::new(&cat::IM_EXISTS).text("file", shown.display().to_string());
        let said = Said::error(Msg::new(&cat::NOTHING_WRITTEN).msg("why", exists))
            .hint(Msg::new(&cat::IM_GIVE_FORCE));
        return Outcome::refuse(Exit::Problems, said);
    }
    match write_draft(env, &path, shown, yaml, &err) {
        Ok(()) => Outcome {
            stdout: Msg::new(&kbbt::catalog::WROTE_DRAFT)
                .text("file", shown.display().to_string())
                .render(env.style.lang)
                + "\n",
            stderr: err,
            ..Outcome::default()
        },
        Err(o) => o,
    }
}

/// `kbbt import minutes FILE`.
pub fn run(env: &Env, a: &ImportMinutesArgs) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        let reg = load_clean(env, load::Texts::Drop)?;
        let out = a
            .output
            .as_deref()
            .map(|o| super::output::target(env, o, super::output::Dest::Draft))
            .transpose()?;
        let stdin = a.file.as_path().as_os_str() == "-";
        let text = read_input(env, a, stdin)?;
        let parsed = parse_minutes(&reg, &text, a, stdin)?;
        let source = source_name(&reg, a, &parsed, stdin);
        let options = draft::Options {
            id: a.id.as_deref(),
            source: &source,
        };
        let (yaml, sum) = draft::draft(&parsed, &reg, &options);
        let err = kbbt::render::draft::summary(&parsed.mismatches, &sum, env.style.lang);
        Ok(deliver(env, a, out, yaml, err))
    };
    run().unwrap_or_else(|o| o)
}
