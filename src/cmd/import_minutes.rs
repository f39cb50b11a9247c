//! `kbbt import minutes FILE`: a draft meeting file from the minutes' decision section.
//! Reads the register, never changes cases/; writes the draft to standard output or `-o FILE`.

use super::{Env, Outcome, load_clean};
use crate::cli::ImportMinutesArgs;
use kbbt::exit::Exit;
use kbbt::load;
use kbbt::minutes_in::{draft, parse, read};
use std::io::Read as _;
use std::path::Path;
use std::time::Duration;

pub fn run(env: &Env, a: &ImportMinutesArgs) -> Outcome {
    let reg = match load_clean(env, load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let out_path = match a
        .output
        .as_deref()
        .map(|o| super::output::target(env, o, super::output::Dest::Draft))
        .transpose()
    {
        Ok(t) => t,
        Err(o) => return o,
    };
    let stdin = a.file.as_path().as_os_str() == "-";
    let text = if stdin {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            return Outcome::fail(
                Exit::Problems,
                format!("error: cannot read standard input: {e}\n"),
            );
        }
        read::text(buf).map_err(|e| format!("standard input: {e}"))
    } else {
        read::document(&env.args_dir.join(a.file.as_path()), a.file.as_path())
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => return Outcome::fail(Exit::Problems, format!("error: {e}\n")),
    };
    let spellings: Vec<String> = reg
        .platform
        .value
        .group_spellings()
        .into_iter()
        .filter(|g| !g.is_ascii())
        .collect();
    let parsed = parse::parse_with(&text, &spellings);
    if parsed.groups.is_empty() && parsed.totals.is_none() {
        return Outcome::fail(
            Exit::Problems,
            format!(
                "error: {} has no decision section kbbt can read: no group heading such as 「(一) 交通組」 and no totals line\n",
                if stdin {
                    "standard input".to_string()
                } else {
                    a.file.as_path().display().to_string()
                }
            ),
        );
    }
    let source = match (a.source.as_deref(), &parsed.title) {
        (Some(s), _) => s.to_string(),
        (None, Some(t)) => format!("{t}紀錄"),
        (None, None) if stdin => "standard input".to_string(),
        (None, None) => a.file.as_path().file_name().map_or_else(
            || a.file.as_path().display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let (yaml, sum) = draft::draft(
        &parsed,
        &reg,
        &draft::Options {
            id: a.id.as_deref(),
            source: &source,
        },
    );
    let mut err = String::new();
    for m in &parsed.mismatches {
        err.push_str(&format!(
            "warning: line {}: states {} cases but names {}\n",
            m.line, m.stated, m.listed
        ));
    }
    err.push_str(&format!(
        "recognised {}, pinned {}, unresolved {}, unparsed {} (kept as comments)\n",
        sum.recognised, sum.pinned, sum.unresolved, sum.unparsed
    ));
    if sum.other > 0 {
        err.push_str(&format!(
            "{} lines outside the groups (header, other resolutions, later sections) kept as comments at the top\n",
            sum.other
        ));
    }
    if sum.existing > 0 {
        err.push_str(&format!(
            "{} new cases are already in the register (see the comments)\n",
            sum.existing
        ));
    }
    let Some(path) = out_path else {
        let mut o = Outcome::machine(yaml);
        o.stderr = err;
        return o;
    };
    let shown = a.output.as_deref().unwrap_or(Path::new("-"));
    let exists = path.exists();
    if exists && !a.force {
        return Outcome::fail(
            Exit::Problems,
            format!(
                "error: {} already exists; nothing was written\n  hint: give --force to overwrite it\n",
                shown.display()
            ),
        );
    }
    let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
    let written = match path.strip_prefix(&root) {
        // A meeting file of the register: through the register's writer, under its lock.
        Ok(rel) if rel.starts_with("meetings") && rel.components().count() == 2 => {
            let old = if exists {
                match std::fs::read_to_string(&path) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        return Outcome::fail(
                            Exit::Problems,
                            format!("error: cannot read {}: {e}\n", shown.display()),
                        );
                    }
                }
            } else {
                None
            };
            kbbt::write::lock(&env.root, Duration::from_secs(5)).and_then(|_lock| {
                kbbt::write::commit(
                    &env.root,
                    &[kbbt::write::FileChange {
                        path: rel.to_path_buf(),
                        old,
                        new: yaml,
                    }],
                )
            })
        }
        // Anywhere else: a temporary file renamed into place, never a partial draft.
        _ => kbbt::write::write_output(&path, yaml.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", shown.display())),
    };
    match written {
        Ok(()) => Outcome {
            stdout: format!(
                "wrote {}\n  next: kbbt apply {} --dry-run\n",
                shown.display(),
                shown.display()
            ),
            stderr: err,
            ..Outcome::default()
        },
        Err(e) => Outcome::fail(Exit::Problems, format!("{err}error: {e}\n")),
    }
}
