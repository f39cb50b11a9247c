//! Follow-up commands: `check overdue`, `list --instructions`, an instruction's card in `show`,
//! `suggest milestones`, `diff` and `log`. The rules live in `follow.rs`; these read the register,
//! call them and print.

use super::{Env, Outcome, load_clean, report_view, user_date, user_group};
use crate::cli::{CardFormat, DiffArgs};
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::follow::{self, InstructionRef};
use kbbt::index::{Index, Resolved};
use kbbt::model::names::id_key;
use kbbt::model::{Date, Register, Status};
use kbbt::msg::{Msg, Said};
use kbbt::suggest::{AddError, Suggestion};
use kbbt::tally::Timelines;
use kbbt::write::FileChange;
use serde_json::json;
use std::fmt::Write as _;

/// `kbbt check overdue`: milestones past due, cases behind, and open instructions past due.
pub fn overdue(env: &Env, as_of: Option<&str>, group: Option<&str>) -> Outcome {
    let (reg, date, groups) = match report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let late = follow::overdue_on(&reg, &idx, &tl, date, &groups, group.is_some());
    let out = kbbt::render::follow::overdue(&reg, &late, date, env.style);
    Outcome {
        stdout: out,
        code: if late.is_empty() {
            Exit::Success
        } else {
            Exit::Problems
        },
        ..Outcome::default()
    }
}

/// The state of an instruction: `open`, or `closed at vm-7` (「列管中」, 「於 vm-7 解除列管」).
fn state(lang: kbbt::i18n::Lang, reg: &Register, r: &InstructionRef) -> String {
    match r.closed_by {
        Some(m) => {
            Msg::new(&cat::FOLLOW_CLOSED_AT).text("id", reg.meetings[m].value.id.value.clone())
        }
        None => Msg::new(&cat::FOLLOW_OPEN),
    }
    .render(lang)
}

/// `kbbt list --instructions`: every instruction, its meeting, addressee, due date and state.
pub fn instructions(env: &Env, group: Option<&str>, json_out: bool) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let g = match group.map(|g| user_group(&reg, g)).transpose() {
        Ok(g) => g,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let p = &reg.platform.value;
    let all: Vec<InstructionRef> = follow::instructions(&reg, &idx.meetings_by_date)
        .into_iter()
        .filter(|r| {
            let i = &reg.meetings[r.meeting].value.instructions[r.index].value;
            g.is_none_or(|g| i.to.as_ref().and_then(|t| p.group_index(&t.value)) == Some(g))
        })
        .collect();
    if json_out {
        let v: Vec<serde_json::Value> = all
            .iter()
            .map(|r| {
                let m = &reg.meetings[r.meeting].value;
                let i = &m.instructions[r.index].value;
                json!({
                    "id": i.id.value, "meeting": m.id.value, "date": m.date().map(|d| d.to_string()),
                    "to": i.to.as_ref().map(|t| t.value.clone()), "due": i.due.as_ref().map(|d| d.value.to_string()),
                    "text": i.text, "open": r.closed_by.is_none(),
                    "closed_by": r.closed_by.map(|c| reg.meetings[c].value.id.value.clone()),
                })
            })
            .collect();
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }
    let mut t = kbbt::render::Table::new(&["id", "meeting", "to", "due", "state", "text"]);
    for r in &all {
        let m = &reg.meetings[r.meeting].value;
        let i = &m.instructions[r.index].value;
        t.row(vec![
            i.id.value.clone(),
            m.id.value.clone(),
            i.to.as_ref().map_or(String::new(), |t| t.value.clone()),
            i.due
                .as_ref()
                .map_or(String::new(), |d| env.style.date(d.value)),
            state(env.style.lang, &reg, r),
            i.text.clone(),
        ]);
    }
    let open = all.iter().filter(|r| r.closed_by.is_none()).count();
    let mut s = t.terminal(env.style);
    let count = Msg::new(&kbbt::catalog::INSTRUCTIONS_COUNT)
        .count("all", all.len(), "instruction", "instructions")
        .num("open", open);
    let _ = writeln!(s, "{}", count.render(env.style.lang));
    Outcome::localized(s)
}

/// The card of an instruction, when `name` is an instruction id.
pub fn instruction_card(env: &Env, reg: &Register, idx: &Index, name: &str) -> Option<Outcome> {
    let r = follow::instructions(reg, &idx.meetings_by_date)
        .into_iter()
        .find(|r| {
            reg.meetings[r.meeting].value.instructions[r.index]
                .value
                .id
                .value
                == name
        })?;
    let mdoc = &reg.meetings[r.meeting];
    let i = &mdoc.value.instructions[r.index].value;
    let st = env.style;
    let mut s = format!(
        "{} {}\n",
        st.bold(&i.id.value),
        st.bold(&Msg::new(&cat::FOLLOW_INSTRUCTION).render(st.lang))
    );
    let mut field = |k: &str, v: String| {
        if !v.is_empty() {
            let k = kbbt::i18n::label(st.lang, k);
            let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
            let _ = writeln!(s, "  {}{v}", st.dim(&format!("{k}{}", " ".repeat(pad))));
        }
    };
    let (id, title) = (&mdoc.value.id.value, &mdoc.value.title.value);
    field(
        "meeting",
        mdoc.value.date().map_or_else(
            || format!("{id} {title}"),
            |d| {
                Msg::new(&cat::MEETING_HEADING)
                    .text("id", id.clone())
                    .text("title", title.clone())
                    .date("date", d)
                    .render(st.lang)
            },
        ),
    );
    field(
        "to",
        i.to.as_ref().map_or_else(
            || Msg::new(&cat::FOLLOW_EVERYONE).render(st.lang),
            |t| t.value.clone(),
        ),
    );
    field(
        "due",
        i.due.as_ref().map_or(String::new(), |d| st.date(d.value)),
    );
    field("state", state(st.lang, reg, &r));
    field("text", i.text.clone());
    field("note", i.note.clone().unwrap_or_default());
    field("file", env.shown.join(&mdoc.path).display().to_string());
    Some(Outcome::localized(s))
}

/// The cases to suggest milestones for: the one named, or every case ongoing today, by id.
fn suggest_cases(reg: &Register, idx: &Index, case: Option<&str>) -> Result<Vec<usize>, Outcome> {
    if let Some(name) = case {
        return match idx.resolver.resolve(name, None) {
            Resolved::Found(i) => Ok(vec![i]),
            _ => {
                let msg = Msg::new(&cat::FOLLOW_NO_SINGLE_CASE).text("name", name);
                let hint = Msg::new(&cat::FOLLOW_GIVE_ID).text("name", name);
                Err(Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint)))
            }
        };
    }
    let tl = Timelines::new(reg, idx);
    let today = Date(chrono::Local::now().date_naive());
    let mut v: Vec<usize> = (0..reg.cases.len())
        .filter(|c| tl.status_at(*c, today) == Some(Status::Ongoing))
        .collect();
    v.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
    Ok(v)
}

/// The change that adds a case's suggested milestones to its file.
fn suggest_change(reg: &Register, c: usize, s: &[Suggestion]) -> Result<FileChange, Outcome> {
    let doc = &reg.cases[c];
    let path = doc.path.display().to_string();
    let nothing_written = |why: Msg| {
        let msg = Msg::new(&cat::NOTHING_WRITTEN).msg("why", why);
        Outcome::refuse(Exit::Problems, Said::error(msg))
    };
    match kbbt::suggest::add_milestones(doc, s) {
        Ok(new) => Ok(FileChange {
            path: doc.path.clone(),
            old: Some(doc.text.clone()),
            new,
        }),
        // LEGACY: the editor's reason is English text until edit.rs says it as a message.
        Err(AddError::Edit(err)) => Err(nothing_written(
            Msg::new(&cat::IM_IN_FILE)
                .msg("file", Msg::new(&cat::IM_FILE).text("file", path))
                .msg("why", err.0),
        )),
        Err(AddError::Breaks) => Err(nothing_written(
            Msg::new(&cat::FOLLOW_WOULD_BREAK).text("file", path),
        )),
    }
}

/// `kbbt suggest milestones [ID] [--write]`.
pub fn suggest(env: &Env, case: Option<&str>, write: bool) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        let _lock = super::write_lock(env, !write)?;
        let texts = if write {
            kbbt::load::Texts::Keep
        } else {
            kbbt::load::Texts::Drop
        };
        let reg = load_clean(env, texts)?;
        let idx = Index::new(&reg);
        let (mut out, mut changes, mut n) = (String::new(), Vec::new(), 0);
        for c in suggest_cases(&reg, &idx, case)? {
            let s = kbbt::suggest::suggestions(&reg, c);
            if s.is_empty() {
                continue;
            }
            n += s.len();
            out.push_str(&kbbt::render::follow::suggestions(&reg, c, &s, env.style));
            if write {
                changes.push(suggest_change(&reg, c, &s)?);
            }
        }
        suggest_done(env, out, n, write.then_some(&changes))
    };
    run().unwrap_or_else(|o| o)
}

/// The end of `suggest`: nothing to suggest, the suggestions alone, or the changes written.
fn suggest_done(
    env: &Env,
    mut out: String,
    n: usize,
    changes: Option<&Vec<FileChange>>,
) -> Result<Outcome, Outcome> {
    use kbbt::catalog as cat;
    let msg = match changes {
        _ if n == 0 => Msg::new(&cat::NO_MILESTONE),
        None => Msg::new(&cat::MILESTONES_SUGGESTED).count("n", n, "milestone", "milestones"),
        Some(changes) => {
            kbbt::write::commit_changes(&env.root, changes).map_err(Outcome::write_failed)?;
            Msg::new(&cat::MILESTONES_ADDED)
                .count("n", n, "milestone", "milestones")
                .count("files", changes.len(), "file", "files")
        }
    };
    let _ = writeln!(out, "{}", msg.render(env.style.lang));
    Ok(Outcome::localized(out))
}

/// A point in time for `diff`: a meeting (its date, its decisions included) or a date.
fn point(reg: &Register, idx: &Index, s: &str) -> Result<(Date, String), Outcome> {
    if let Some(&m) = idx.meeting_by_id.get(s) {
        return reg.meetings[m]
            .value
            .date()
            .map(|d| (d, s.to_string()))
            .ok_or_else(|| {
                let msg = Msg::new(&cat::FOLLOW_MEETING_UNDATED).text("id", s);
                Outcome::refuse(Exit::Usage, Said::error(msg))
            });
    }
    user_date(s).map(|d| (d, d.to_string()))
}

/// `kbbt diff FROM TO`: per group, what changed after FROM up to and including TO.
pub fn diff(env: &Env, args: &DiffArgs) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        let reg = load_clean(env, kbbt::load::Texts::Drop)?;
        let idx = Index::new(&reg);
        let tl = Timelines::new(&reg, &idx);
        let (from, to) = (point(&reg, &idx, &args.from), point(&reg, &idx, &args.to));
        let (from, to) = (from?, to?);
        let g = args
            .group
            .as_deref()
            .map(|g| user_group(&reg, g))
            .transpose()?;
        let groups: Vec<usize> = g.map_or_else(
            || (0..reg.platform.value.groups.len()).collect(),
            |g| vec![g],
        );
        let d = kbbt::diff::diff(&reg, &idx, &tl, from, to, &groups);
        Ok(if args.format == CardFormat::Json {
            Outcome::machine(kbbt::render::follow::diff_json(&reg, &d))
        } else {
            Outcome::localized(kbbt::render::follow::diff_text(&reg, &d, env.style))
        })
    };
    run().unwrap_or_else(|o| o)
}

/// `kbbt log ID`: the case's history and the git history of its file, newest first.
pub fn log(env: &Env, name: &str) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let i = match idx.resolver.resolve(name, None) {
        Resolved::Found(i) => i,
        Resolved::Unknown(v) if !v.is_empty() => {
            let msg = Msg::new(&cat::FOLLOW_NO_CASE).text("name", name);
            let hint =
                Msg::new(&cat::FOLLOW_DID_YOU_MEAN).msg("cases", idx.resolver.describe_msg(&v));
            return Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint));
        }
        _ => {
            let msg = Msg::new(&cat::FOLLOW_NO_SINGLE_CASE).text("name", name);
            return Outcome::refuse(Exit::Problems, Said::error(msg));
        }
    };
    let doc = &reg.cases[i];
    let c = &doc.value;
    let st = env.style;
    // A label padded to `width` columns, in the user's language.
    let word = |w: &str, width: usize| {
        let l = kbbt::i18n::label(st.lang, w);
        let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(l.as_str()));
        format!("{l}{}", " ".repeat(pad))
    };
    // (ISO date for sorting, date shown, line): decisions, progress and commits, newest first.
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for h in &c.history {
        let (d, at_most) = match (&h.date, &h.not_after) {
            (Some(d), _) => (Some(d.value), false),
            (None, Some(d)) => (Some(d.value), true),
            (None, None) => (
                h.meeting
                    .as_ref()
                    .and_then(|m| idx.meeting_by_id.get(m.value.as_str()))
                    .and_then(|m| reg.meetings[*m].value.date()),
                false,
            ),
        };
        let shown = d.map_or_else(String::new, |d| {
            format!("{}{}", if at_most { "≤" } else { "" }, st.date(d))
        });
        let what = format!(
            "{} {} {}{}",
            word("decision", 9),
            word(h.action.value.as_str(), 8),
            h.meeting.as_ref().map_or_else(
                || h.source.clone().unwrap_or_default(),
                |m| m.value.to_string()
            ),
            h.note.as_ref().map_or(String::new(), |n| format!(" — {n}"))
        );
        rows.push((d.map(|d| d.to_string()).unwrap_or_default(), shown, what));
    }
    for pr in &c.progress {
        let what = format!("{} {}", word("progress", 9), word("reported", 0));
        rows.push((pr.as_of.value.to_string(), st.date(pr.as_of.value), what));
    }
    for cm in kbbt::git::file_log(&env.root, &doc.path) {
        let shown =
            kbbt::model::parse_date(&cm.date).map_or_else(|_| cm.date.clone(), |d| st.date(d));
        let what = format!(
            "{} {} {} — {}",
            word("commit", 9),
            cm.hash,
            cm.author,
            cm.subject
        );
        rows.push((cm.date, shown, what));
    }
    rows.sort_by(|x, y| y.0.cmp(&x.0));
    let mut s = format!("{} {}\n", st.bold(&c.id.value), st.bold(&c.title.value));
    for (_, d, w) in rows {
        let pad = 11usize.saturating_sub(unicode_width::UnicodeWidthStr::width(d.as_str()));
        let _ = writeln!(s, "  {d}{} {}", " ".repeat(pad), w.trim_end());
    }
    Outcome::localized(s)
}
