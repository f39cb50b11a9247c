//! `kbbt apply MEETING.yaml`: plan, check the stated counts, then write all or nothing.

use super::{Env, Outcome, load_clean_for_writing};
use crate::cli::ApplyArgs;
use anyhow::Context as _;
use kbbt::apply::{self, plan, unified_diff};
use kbbt::catalog as cat;
use kbbt::check::{Ctx, Mismatch, count_mismatches};
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::index::Index;
use kbbt::load;
use kbbt::model::Meeting;
use kbbt::model::{Doc, Register};
use kbbt::msg::{Msg, Said};
use kbbt::plural;
use kbbt::tally::{self, Timelines};
use kbbt::write::FileChange;
use std::path::{Path, PathBuf};

/// A refusal: the findings, then why, and that nothing was written.
fn refuse(env: &Env, mut findings: Vec<Finding>, why: &'static kbbt::msg::Template) -> Outcome {
    refuse_msg(env, findings.as_mut_slice(), Msg::new(why))
}

fn refuse_msg(env: &Env, findings: &mut [Finding], why: Msg) -> Outcome {
    finding::sort(findings);
    let said = Said::error(Msg::new(&cat::NOTHING_WRITTEN).msg("why", why));
    let mut out = Outcome::refuse(Exit::Problems, said);
    out.stderr = env.findings(findings);
    out
}

/// Uncommitted changes under cases/ or meetings/ or to platform.yaml (other than the meeting being
/// applied), if the register is in a git work tree.
fn dirty(root: &Path, meeting: &Path) -> Vec<String> {
    let Some(prefix) = kbbt::git::prefix(root) else {
        return vec![];
    };
    let me = format!("{prefix}{}", meeting.display());
    kbbt::git::uncommitted(root, &["cases", "meetings", "platform.yaml"])
        .into_iter()
        .filter(|p| p.trim_matches('"') != me)
        .collect()
}

/// The meeting to apply: the register's own copy when the file is in it, else the file as given.
fn meeting_doc(
    env: &Env,
    reg: &Register,
    cwd: &Path,
    arg: &Path,
) -> Result<(Doc<Meeting>, bool), Outcome> {
    let abs = cwd.join(arg);
    let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
    let canon = abs
        .canonicalize()
        .with_context(|| Msg::new(&cat::CANNOT_READ_ARG).text("file", arg.display().to_string()))
        .map_err(|e| Outcome::failed(&e))?;
    if let Ok(rel) = canon.strip_prefix(&root)
        && let Some(d) = reg.meetings.iter().find(|m| m.path == rel)
    {
        return Ok((d.clone(), true));
    }
    let dir = canon.parent().unwrap_or(Path::new("/"));
    let name = PathBuf::from(canon.file_name().unwrap_or_default());
    let mut d = load::read_meeting(dir, &name).map_err(|mut f| {
        f.file.clone_from(&canon);
        let said = Said::error(
            Msg::new(&cat::NOTHING_WRITTEN).msg("why", Msg::new(&cat::CANNOT_READ_MEETING)),
        );
        let mut out = Outcome::refuse(Exit::Problems, said);
        out.stderr = kbbt::render::findings_text(&[f], Path::new(""), env.style);
        out
    })?;
    d.path.clone_from(&canon);
    Ok((d, false))
}

fn describe_mismatch(reg: &Register, x: &Mismatch, meeting: &str) -> Msg {
    x.describe(reg, meeting, true)
}

pub fn run(env: &Env, cwd: &Path, flags: &ApplyArgs) -> Outcome {
    apply(env, cwd, flags).unwrap_or_else(|o| o)
}

/// Every step of `apply`; `Err` is a refusal (or a result) that ends it early, before any write.
fn apply(env: &Env, cwd: &Path, flags: &ApplyArgs) -> Result<Outcome, Outcome> {
    let _lock = super::write_lock(env, flags.dry_run)?;
    let (reg, idx, tl) = load_clean_for_writing(env)?;
    let (mdoc, in_register) = meeting_doc(env, &reg, cwd, &flags.meeting)?;
    let m = &mdoc.value;
    let target = target_path(env, &reg, &idx, &mdoc, in_register)?;
    let p = plan::plan(&reg, &idx, m, &mdoc.path);
    if !p.errors.is_empty() {
        let refused = refused_plan(env, &reg, &mdoc, &p, flags);
        // The process ends right after printing: tearing a large register down piece by piece
        // would only cost time.
        std::mem::forget((reg, idx, tl));
        return Err(refused);
    }
    not_changed_since_applied(env, Ctx::new(&reg, &idx, &tl), m)?;
    if !p.changes_anything() {
        // `--commit` after a write whose commit failed (a hook, no identity): commit what this meeting
        // wrote and git still has uncommitted, nothing else.
        if flags.commit && !flags.dry_run {
            return Ok(commit_applied(env, &reg, m, &target));
        }
        let msg = Msg::new(&cat::ALREADY_APPLIED).text("id", m.id.value.clone());
        return Ok(Outcome::localized(msg.render(env.style.lang) + "\n"));
    }
    in_order(env, &reg, &idx, &mdoc, flags)?;
    git_ready(env, flags, &target)?;
    // The register after the meeting, and its numbers against the stated ones.
    let (after, mi) = register_after(&reg, &p, &mdoc);
    let idx2 = Index::new(&after);
    let tl2 = Timelines::new(&after, &idx2);
    let (before, after_ctx) = (Ctx::new(&reg, &idx, &tl), Ctx::new(&after, &idx2, &tl2));
    validates_after(env, before, after_ctx, &mdoc, &target, &p)?;
    let unrecorded = unrecorded_mismatches(&after, &idx2, &tl2, mi, m, &reg);
    if !unrecorded.is_empty() && !flags.accept_discrepancy {
        let findings = unrecorded
            .iter()
            .map(|x| {
                Finding::error(
                    "stated-count",
                    &mdoc.path,
                    x.pos,
                    describe_mismatch(&after, x, &m.id.value),
                )
                .with_hint(Msg::new(&cat::CHECK_OR_ACCEPT))
            })
            .collect();
        return Err(refuse(env, findings, &cat::COUNTS_DISAGREE));
    }
    let changes = file_changes(
        env,
        &reg,
        &idx,
        &p,
        &mdoc,
        &target,
        &unrecorded,
        in_register,
        flags,
    )?;
    // What changed, per group, then the meeting's tallies.
    let t = tally::tally_meeting(&after, &idx2, &tl2, mi);
    let mut out = kbbt::render::apply::plan(
        env.style.lang,
        &reg.platform.value,
        m,
        &p,
        &t,
        flags.dry_run,
    );
    for x in &unrecorded {
        let what = describe_mismatch(&after, x, &m.id.value);
        let msg = Msg::new(&cat::RECORDED_DISCREPANCY).msg("what", what);
        out.push_str(&(msg.render(env.style.lang) + "\n"));
    }
    let out = write(env, out, &changes, m, &target, flags);
    std::mem::forget((reg, idx, tl, after, idx2, tl2));
    Ok(out)
}

/// Where the meeting file lives in the register; refused when the register has another meeting of
/// that id, or the id is not one `validate` accepts.
fn target_path(
    env: &Env,
    reg: &Register,
    idx: &Index,
    mdoc: &Doc<Meeting>,
    in_register: bool,
) -> Result<PathBuf, Outcome> {
    let m = &mdoc.value;
    let target = if in_register {
        mdoc.path.clone()
    } else {
        match idx.meeting_by_id.get(&m.id.value) {
            Some(i) => reg.meetings[*i].path.clone(),
            None => PathBuf::from("meetings").join(format!("{}.yaml", m.id.value)),
        }
    };
    if !in_register
        && let Some(i) = idx.meeting_by_id.get(&m.id.value)
        && reg.meetings[*i].text != mdoc.text
    {
        let f = Finding::error(
            "meeting",
            &mdoc.path,
            m.id.pos,
            Msg::new(&cat::MEETING_ALREADY_THERE)
                .text("id", &m.id.value)
                .text("file", reg.meetings[*i].path.display().to_string()),
        )
        .with_hint(
            Msg::new(&cat::APPLY_IT_OR_RENAME)
                .text("file", reg.meetings[*i].path.display().to_string()),
        );
        return Err(refuse(env, vec![f], &cat::MEETING_CONFLICTS));
    }
    // The same rule as `validate` and `new`: apply never writes a meeting id validate rejects.
    if !kbbt::safety::meeting_id_ok(&m.id.value) || !kbbt::write::safe_target(&target) {
        let f = Finding::error(
            "meeting-id",
            &mdoc.path,
            m.id.pos,
            Msg::new(&cat::NOT_A_MEETING_ID).text("id", &m.id.value),
        )
        .with_hint(Msg::new(&cat::MEETING_ID_SHAPE));
        return Err(refuse(env, vec![f], &cat::MEETING_CANNOT_BE_STORED));
    }
    Ok(target)
}

/// The register as it would be after the plan, and the meeting's index in it.
fn register_after(reg: &Register, p: &plan::Plan, mdoc: &Doc<Meeting>) -> (Register, usize) {
    let mut after = plan::register_after(reg, p);
    let mi = after
        .meetings
        .iter()
        .position(|x| x.value.id.value == mdoc.value.id.value)
        .unwrap_or_else(|| {
            after.meetings.push(mdoc.clone());
            after.meetings.len() - 1
        });
    (after, mi)
}

/// The stated numbers of meeting `mi` that differ from the register after it, and that the meeting
/// file does not record with that register number.
fn unrecorded_mismatches(
    after: &Register,
    idx: &Index,
    tl: &Timelines,
    mi: usize,
    m: &Meeting,
    reg: &Register,
) -> Vec<Mismatch> {
    let pl = &reg.platform.value;
    count_mismatches(after, idx, tl, mi)
        .into_iter()
        .filter(|x| {
            x.recorded_in(m, pl)
                .is_none_or(|i| m.discrepancies[i].value.register != x.register)
        })
        .collect()
}

/// A plan with decisions that cannot be applied: every reason at once. The stated counts too,
/// counted from the decisions that could be planned (and saying so), so that fixing the names does
/// not reveal a second round of errors. A refused dry run still shows what could be planned.
fn refused_plan(
    env: &Env,
    reg: &Register,
    mdoc: &Doc<Meeting>,
    p: &plan::Plan,
    flags: &ApplyArgs,
) -> Outcome {
    let m = &mdoc.value;
    let mut findings = p.errors.clone();
    if !flags.accept_discrepancy {
        let (after, mi) = register_after(reg, p, mdoc);
        let idx2 = Index::new(&after);
        let tl2 = Timelines::new(&after, &idx2);
        for x in unrecorded_mismatches(&after, &idx2, &tl2, mi, m, reg) {
            findings.push(
                Finding::error(
                    "stated-count",
                    &mdoc.path,
                    x.pos,
                    Msg::new(&cat::COUNTED_WITHOUT)
                        .msg("msg", describe_mismatch(&after, &x, &m.id.value))
                        .count("n", p.errors.len(), "decision", "decisions"),
                )
                .with_hint(Msg::new(&cat::FIX_DECISIONS_FIRST)),
            );
        }
        std::mem::forget((after, idx2, tl2));
    }
    let why = Msg::new(&cat::DECISIONS_REFUSED).count("n", p.errors.len(), "decision", "decisions");
    let mut out = refuse_msg(env, &mut findings, why);
    if flags.dry_run {
        let mut planned = kbbt::render::apply::partial_plan(env.style.lang, m, p);
        if let Ok(changes) = apply::changes(reg, p) {
            for c in &changes {
                planned.push_str(&unified_diff(c));
            }
        }
        out.stdout = planned;
    }
    out
}

/// A meeting applied before whose file changed since: the histories record decisions it no longer
/// has. Reported, not "nothing to do" (and not applied on top).
fn not_changed_since_applied(env: &Env, before: Ctx, m: &Meeting) -> Result<(), Outcome> {
    let reg = before.reg;
    let recorded = reg.cases.iter().any(|c| {
        c.value
            .history
            .iter()
            .any(|h| h.meeting.as_ref().is_some_and(|x| x.value == m.id.value))
    });
    if !recorded {
        return Ok(());
    }
    let at = format!(" at {}, ", m.id.value);
    let mut stale: Vec<Finding> = kbbt::check::run_in(reg, before.idx, before.tl, &[])
        .into_iter()
        .filter(|f| f.code == "history-decision" && f.message.to_string().contains(&at))
        .collect();
    if stale.is_empty() {
        return Ok(());
    }
    let why = Msg::new(&cat::APPLIED_AND_CHANGED).text("id", m.id.value.clone());
    Err(refuse_msg(env, &mut stale, why))
}

/// A meeting older than the latest applied one would rewrite history out of order.
fn in_order(
    env: &Env,
    reg: &Register,
    idx: &Index,
    mdoc: &Doc<Meeting>,
    flags: &ApplyArgs,
) -> Result<(), Outcome> {
    let m = &mdoc.value;
    let Some(date) = m.date().filter(|_| !flags.allow_out_of_order) else {
        return Ok(());
    };
    let latest = reg
        .cases
        .iter()
        .flat_map(|c| &c.value.history)
        .filter_map(|h| h.meeting.as_ref())
        .filter(|id| id.value != m.id.value)
        .filter_map(|id| idx.meeting_by_id.get(id.value.as_str()))
        .filter_map(|i| reg.meetings[*i].value.date().map(|d| (d, *i)))
        .max();
    match latest {
        Some((d, i)) if date < d => {
            let f = Finding::error(
                "out-of-order",
                &mdoc.path,
                m.date.as_ref().map_or(m.id.pos, |x| x.pos),
                Msg::new(&cat::MEETING_OUT_OF_ORDER)
                    .text("id", &m.id.value)
                    .date("date", date)
                    .text("other", &reg.meetings[i].value.id.value)
                    .date("other_date", d),
            )
            .with_hint(Msg::new(&cat::ALLOW_OUT_OF_ORDER));
            Err(refuse(env, vec![f], &cat::OUT_OF_ORDER))
        }
        _ => Ok(()),
    }
}

/// What git must allow before anything is written: git itself (for the dirty check and
/// `--commit`), an identity for `--commit`, and no uncommitted changes unless `--allow-dirty`.
fn git_ready(env: &Env, flags: &ApplyArgs, target: &Path) -> Result<(), Outcome> {
    if flags.dry_run {
        return Ok(());
    }
    let refuse = |why: Msg, hint: Msg| {
        let said = Said::error(Msg::new(&cat::NOTHING_WRITTEN).msg("why", why)).hint(hint);
        Err(Outcome::refuse(Exit::Problems, said))
    };
    if (flags.commit || !flags.allow_dirty) && !kbbt::git::available() {
        let in_repo = env.root.ancestors().any(|d| d.join(".git").exists());
        if flags.commit {
            return refuse(
                Msg::new(&cat::COMMIT_NEEDS_GIT),
                Msg::new(&cat::INSTALL_GIT_OR_NO_COMMIT),
            );
        }
        if in_repo {
            return refuse(
                Msg::new(&cat::GIT_NOT_RUN),
                Msg::new(&cat::INSTALL_GIT_OR_ALLOW_DIRTY),
            );
        }
    }
    if flags.commit
        && let Err(e) = kbbt::git::identity(&env.root)
    {
        return refuse(super::error_msg(&e), Msg::new(&cat::SET_GIT_IDENTITY));
    }
    if !flags.allow_dirty {
        let d = dirty(&env.root, target);
        if !d.is_empty() {
            let files = d
                .into_iter()
                .map(|f| Msg::new(&cat::ITEMS).text("items", f));
            return refuse(
                Msg::new(&cat::UNCOMMITTED).list("files", files),
                Msg::new(&cat::COMMIT_OR_ALLOW_DIRTY),
            );
        }
    }
    Ok(())
}

/// apply never writes what validate rejects: the register after the meeting may have no error the
/// register before it has not (stated counts are checked apart, with --accept-discrepancy). Only
/// the files this meeting writes are its concern (other meetings may wait to be applied).
fn validates_after(
    env: &Env,
    before: Ctx,
    after: Ctx,
    mdoc: &Doc<Meeting>,
    target: &Path,
    p: &plan::Plan,
) -> Result<(), Outcome> {
    let mut fresh = kbbt::check::new_errors_in(before, after, &["stated-counts"]);
    fresh.retain(|f| {
        f.file == mdoc.path || f.file == target || p.touched.iter().any(|t| t.path == f.file)
    });
    if fresh.is_empty() {
        return Ok(());
    }
    // Each finding points at the meeting, where the change comes from, and names the case file
    // (which may not exist yet), at the decision about that case when there is one.
    let findings = fresh
        .into_iter()
        .map(|mut f| {
            if f.file != mdoc.path {
                let new = p
                    .touched
                    .iter()
                    .any(|t| t.existing.is_none() && t.path == f.file);
                let t = if new {
                    &cat::IN_NEW_CASE
                } else {
                    &cat::IN_FILE
                };
                f.message = Msg::new(t)
                    .msg("msg", f.message)
                    .text("file", f.file.display().to_string());
                let id = p
                    .touched
                    .iter()
                    .find(|t| t.path == f.file)
                    .map(|t| t.case.id.value.clone());
                f.pos = p
                    .steps
                    .iter()
                    .find(|s| !s.done_before && Some(s.case_id.as_str()) == id.as_deref())
                    .map_or(mdoc.value.id.pos, |s| s.pos);
                f.file.clone_from(&mdoc.path);
            }
            f
        })
        .collect();
    Err(refuse(env, findings, &cat::WOULD_NOT_VALIDATE))
}

/// The files to write: the case files, and the meeting file with the discrepancies recorded (when
/// accepted), in the canonical layout when kbbt copies or commits it.
#[allow(clippy::too_many_arguments)]
fn file_changes(
    env: &Env,
    reg: &Register,
    idx: &Index,
    p: &plan::Plan,
    mdoc: &Doc<Meeting>,
    target: &Path,
    unrecorded: &[Mismatch],
    in_register: bool,
    flags: &ApplyArgs,
) -> Result<Vec<FileChange>, Outcome> {
    let m = &mdoc.value;
    let mut changes =
        apply::changes(reg, p).map_err(|f| refuse(env, f, &cat::CANNOT_EDIT_SAFELY))?;
    let mut meeting_text = mdoc.text.clone();
    if !unrecorded.is_empty() {
        let pl = &reg.platform.value;
        // The note is in the register's language (platform.yaml `language:`), or the user's reason.
        let lang = pl.writes_in();
        let note = flags
            .note
            .clone()
            .unwrap_or_else(|| Msg::new(&cat::RECORDED_BY_KBBT).render(lang));
        let entries: Vec<String> = unrecorded
            .iter()
            .map(|x| {
                let group = x.group.map_or(String::new(), |g| {
                    format!("group: {}, ", pl.groups[g].name.value)
                });
                format!(
                    "{{ {group}field: {}, stated: {}, register: {}, note: {} }}",
                    x.field,
                    x.stated,
                    x.register,
                    kbbt::canon::scalar(&note, true)
                )
            })
            .collect();
        meeting_text = apply::record_discrepancies(&meeting_text, &mdoc.path, &entries)
            .map_err(|f| refuse(env, vec![f], &cat::CANNOT_RECORD_DISCREPANCIES))?;
    }
    // The meeting file kbbt copies into the register, or commits, is in the canonical layout (so a
    // `kbbt fmt --check` hook accepts it), unless comments in its body would be lost.
    if (!in_register || flags.commit) && !kbbt::canon::has_body_comments(&meeting_text) {
        let d = kbbt::load::parse_doc::<Meeting>(&mdoc.path, meeting_text.clone())
            .map_err(|f| refuse(env, vec![f], &cat::CANNOT_LAY_OUT))?;
        meeting_text = kbbt::canon::meeting(&d.value, &kbbt::canon::header(&meeting_text));
    }
    let register_copy = idx
        .meeting_by_id
        .get(&m.id.value)
        .map(|i| reg.meetings[*i].text.clone());
    if register_copy.as_deref() != Some(meeting_text.as_str()) {
        changes.push(FileChange {
            path: target.to_path_buf(),
            old: register_copy,
            new: meeting_text,
        });
    }
    Ok(changes)
}

/// Show the diff (a dry run), or write the files all or nothing and commit them with `--commit`.
fn write(
    env: &Env,
    mut out: String,
    changes: &[FileChange],
    m: &Meeting,
    target: &Path,
    flags: &ApplyArgs,
) -> Outcome {
    let lang = env.style.lang;
    let created = changes.iter().filter(|c| c.old.is_none()).count();
    let summary = kbbt::render::apply::summary(lang, changes.len(), created, flags.dry_run);
    if flags.dry_run {
        for c in changes {
            out.push_str(&unified_diff(c));
        }
        out.push_str(&summary);
        return Outcome::localized(out);
    }
    if let Err(e) = kbbt::write::commit_changes(&env.root, changes) {
        return Outcome::write_failed(e);
    }
    out.push_str(&summary);
    if !flags.commit {
        return Outcome::localized(out);
    }
    // The meeting file belongs in the same commit, even when apply did not change it.
    let mut files: Vec<String> = changes
        .iter()
        .map(|c| c.path.display().to_string())
        .collect();
    let meeting_file = target.display().to_string();
    if !files.contains(&meeting_file) {
        files.push(meeting_file);
    }
    let msg = format!(
        "Apply {} {}{}\n\n{}",
        m.id.value,
        m.title.value,
        m.date().map_or(String::new(), |d| format!(" ({d})")),
        out.lines().skip(1).collect::<Vec<_>>().join("\n")
    );
    if let Err(e) = kbbt::git::commit(&env.root, &files, &msg) {
        return commit_failed(env, out, &e, &files, &msg, &m.id.value);
    }
    out.push_str(&(Msg::new(&cat::COMMITTED).render(lang) + "\n"));
    Outcome::localized(out)
}

/// The commit failed after the files were written: keep the message and say how to finish.
fn commit_failed(
    env: &Env,
    out: String,
    e: &anyhow::Error,
    files: &[String],
    msg: &str,
    meeting: &str,
) -> Outcome {
    let quoted: Vec<String> = files
        .iter()
        .map(|f| kbbt::canon::scalar(f, false))
        .collect();
    let hint = match kbbt::write::keep_commit_message(&env.root, msg) {
        Ok(kept) => Msg::new(&cat::MESSAGE_KEPT)
            .text("file", kept.display().to_string())
            .text("files", quoted.join(" "))
            .text("meeting", meeting),
        Err(why) => Msg::new(&cat::APPLY_COMMIT_AGAIN)
            .text("meeting", meeting)
            .msg("why", why),
    };
    let error = Msg::new(&cat::WRITTEN_BUT).msg("why", super::error_msg(e));
    let mut failed = Outcome::refuse(Exit::Problems, Said::error(error).hint(hint));
    failed.stdout = out;
    failed
}

/// `apply --commit` of a meeting that is applied but not committed: commit the meeting file and the
/// case files whose history names it, when git still has them uncommitted.
fn commit_applied(env: &Env, reg: &Register, m: &Meeting, meeting_file: &Path) -> Outcome {
    let Some(prefix) = kbbt::git::prefix(&env.root) else {
        let msg = Msg::new(&cat::COMMIT_NEEDS_WORK_TREE);
        return Outcome::refuse(Exit::Problems, Said::error(msg));
    };
    if let Err(e) = kbbt::git::identity(&env.root) {
        let msg = Msg::new(&cat::NOTHING_COMMITTED).msg("why", super::error_msg(&e));
        return Outcome::refuse(Exit::Problems, Said::error(msg));
    }
    let mut mine: Vec<String> = reg
        .cases
        .iter()
        .filter(|c| {
            c.value
                .history
                .iter()
                .any(|h| h.meeting.as_ref().is_some_and(|x| x.value == m.id.value))
        })
        .map(|c| c.path.display().to_string())
        .collect();
    mine.push(meeting_file.display().to_string());
    let dirty = kbbt::git::uncommitted(&env.root, &["cases", "meetings", "platform.yaml"]);
    let files: Vec<String> = mine
        .into_iter()
        .filter(|f| {
            dirty
                .iter()
                .any(|d| d.trim_matches('"') == format!("{prefix}{f}"))
        })
        .collect();
    let lang = env.style.lang;
    if files.is_empty() {
        let done = Msg::new(&cat::ALREADY_COMMITTED).text("id", m.id.value.clone());
        return Outcome::localized(done.render(lang) + "\n");
    }
    let msg = format!(
        "Apply {} {}{}\n\n{}",
        m.id.value,
        m.title.value,
        m.date().map_or(String::new(), |d| format!(" ({d})")),
        plural::count(files.len(), "file")
    );
    let out = Msg::new(&cat::COMMITTING_APPLIED)
        .text("id", m.id.value.clone())
        .count("files", files.len(), "file", "files")
        .render(lang)
        + "\n";
    match kbbt::git::commit(&env.root, &files, &msg) {
        Ok(()) => Outcome::localized(out + &Msg::new(&cat::COMMITTED).render(lang) + "\n"),
        Err(e) => commit_failed(env, out, &e, &files, &msg, &m.id.value),
    }
}
