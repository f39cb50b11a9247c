//! `kbbt minutes MEETING [--as-published]`: the decision section (決議事項) in the minutes' phrasing.
//!
//! Names come from the meeting file as written (they are the minutes' wording); numbers come from the
//! register's tally of the meeting. With `--as-published`, a number the meeting records as a
//! discrepancy is printed as the minutes state it, and only the counts the minutes state are printed
//! (the summary line and each group's 「其餘 N 案持續列管」); without it, the register's view: the
//! summary line always, and a group's ongoing line whenever the meeting states it or the register
//! counts any.

use super::output::Bytes;
use super::{Env, Outcome, load_clean};
use crate::cli::{MinutesArgs, MinutesFormat};
use kbbt::catalog as cat;
use kbbt::decisions::GroupDecisionsOf;
use kbbt::exit::Exit;
use kbbt::index::Index;
use kbbt::load;
use kbbt::model::{Meeting, Register};
use kbbt::msg::{Msg, Said};
use std::path::{Path, PathBuf};

/// The meeting named on the command line: an id, or a meeting file (in the register or not).
fn find_meeting(env: &Env, reg: &Register, idx: &Index, arg: &str) -> Result<usize, Outcome> {
    if let Some(m) = idx.meeting_by_id.get(arg.trim()) {
        return Ok(*m);
    }
    let path = env.args_dir.join(arg);
    if path.is_file() {
        let canon = path.canonicalize().unwrap_or_else(|_| path.clone());
        let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
        if let Ok(rel) = canon.strip_prefix(&root)
            && let Some(i) = reg.meetings.iter().position(|m| m.path == rel)
        {
            return Ok(i);
        }
        let dir = canon.parent().unwrap_or(Path::new("/"));
        let name = canon.file_name().map(Path::new).unwrap_or(Path::new(""));
        let doc = load::read_meeting(dir, name).map_err(|f| {
            let msg = Msg::new(&cat::MIN_CANNOT_READ_MEETING)
                .text("file", arg)
                .msg("why", f.message);
            Outcome::refuse(Exit::Problems, Said::error(msg))
        })?;
        let id = doc.value.id.value;
        return idx.meeting_by_id.get(&id).copied().ok_or_else(|| {
            let msg = Msg::new(&cat::MIN_NOT_IN_REGISTER)
                .text("id", id.clone())
                .text("file", arg);
            let hint = Msg::new(&cat::MIN_APPLY_FIRST).text("file", arg);
            Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint))
        });
    }
    let said = Said::error(Msg::new(&cat::MIN_UNKNOWN_MEETING).text("id", arg));
    let said = super::status::with_meeting_suggestion(reg, arg, said);
    Err(Outcome::refuse(Exit::Usage, said))
}

/// Where to write (`-o`, checked) and in what format; a package needs a file.
fn destination(env: &Env, o: &MinutesArgs) -> Result<(Option<PathBuf>, MinutesFormat), Outcome> {
    let target = o
        .output
        .as_deref()
        .map(|p| super::output::target(env, p, super::output::Dest::Document))
        .transpose()?;
    let format = super::output::choose(o.format, o.output.as_deref(), MinutesFormat::Text)?;
    match format {
        MinutesFormat::Odt if target.is_none() => Err(super::output::needs_file("odt")),
        MinutesFormat::Docx if target.is_none() => Err(super::output::needs_file("docx")),
        _ => Ok((target, format)),
    }
}

/// The meeting's decisions by group; a group the platform does not know, or no decision about
/// cases, is an error.
fn decisions<'a>(env: &Env, reg: &'a Register, m: usize) -> Result<GroupDecisionsOf<'a>, Outcome> {
    let doc = &reg.meetings[m];
    let groups = kbbt::decisions::by_group(reg, &doc.value).map_err(|key| {
        let file =
            Msg::new(&cat::IM_FILE).text("file", env.shown.join(&doc.path).display().to_string());
        let msg = Msg::new(&cat::IM_IN_FILE)
            .msg("file", file)
            .msg("why", Msg::new(&cat::UNKNOWN_GROUP).text("group", key));
        let said = Said::error(msg).hint(Msg::new(&cat::MIN_RUN_VALIDATE_ALL));
        Outcome::refuse(Exit::Problems, said)
    })?;
    if groups.is_empty() {
        let msg = Msg::new(&cat::MIN_NO_DECISIONS).text("id", doc.value.id.value.clone());
        return Err(Outcome::refuse(Exit::Problems, Said::error(msg)));
    }
    Ok(groups)
}

/// The section's text in `format`: itself, or a document's text or bytes.
fn encode(
    reg: &Register,
    mt: &Meeting,
    text: String,
    format: MinutesFormat,
    font: &str,
) -> Result<Bytes, Outcome> {
    let doc = || {
        let page = kbbt::render::doc::Page::new(
            &reg.platform.value.name.value,
            mt.date()
                .map_or_else(String::new, |d| format!("會議日期：{}", d.roc_long())),
            kbbt::render::doc::generated_today(),
            font,
        );
        kbbt::render::doc::minutes_doc(&mt.title.value, &text, page)
    };
    match format {
        MinutesFormat::Fodt => Ok(Bytes::Text(kbbt::render::odf::fodt(&doc()))),
        MinutesFormat::Odt => super::output::package(kbbt::render::odt::odt(&doc()), "package"),
        MinutesFormat::Docx => super::output::package(kbbt::render::docx::docx(&doc()), "package"),
        MinutesFormat::Text => Ok(Bytes::Text(text)),
    }
}

/// `kbbt minutes MEETING`.
pub fn run(env: &Env, o: &MinutesArgs) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        let (target, format) = destination(env, o)?;
        let reg = load_clean(env, kbbt::load::Texts::Drop)?;
        let idx = Index::new(&reg);
        let m = find_meeting(env, &reg, &idx, o.meeting.as_str())?;
        let groups = decisions(env, &reg, m)?;
        let options = kbbt::decisions::Options {
            as_published: o.as_published,
            register_names: o.register_names,
        };
        let minutes = kbbt::decisions::build(&reg, &idx, m, &groups, options);
        let mt = &reg.meetings[m].value;
        let text = kbbt::render::minutes::render(&minutes);
        let data = encode(&reg, mt, text, format, &o.font)?;
        Ok(match (target, o.output.as_deref(), data) {
            (Some(path), Some(shown), data) => {
                let done = Msg::new(&kbbt::catalog::WROTE_MINUTES)
                    .text("file", shown.display().to_string())
                    .text("id", mt.id.value.clone())
                    .render(env.style.lang)
                    + "\n";
                super::output::write(&path, shown, &data, done)
            }
            // The minutes' own words: never translated.
            (_, _, Bytes::Text(text)) => Outcome::machine(text),
            (_, _, Bytes::Binary(_)) => unreachable!("binary formats need -o, checked above"),
        })
    };
    run().unwrap_or_else(|o| o)
}
