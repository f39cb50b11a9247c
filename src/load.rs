//! The only module that reads the register from disk.
//!
//! It finds the register root, walks `cases/` and `meetings/`, reads each file (size-limited,
//! UTF-8 checked, BOM and CRLF accepted), and parses it, in parallel. A file that cannot be read
//! or parsed becomes a finding; the rest of the register still loads.

use crate::catalog as m;
use crate::finding::Finding;
use crate::model::{Case, Meeting, Platform};
use crate::msg::Msg;
use crate::yaml::{self, Pos};
use std::path::{Path, PathBuf};

use crate::model::{Doc, Register};

/// The file that holds the platform and marks a register's root folder.
pub const PLATFORM_FILE: &str = "platform.yaml";

/// Walk up from `start` to the first folder holding `platform.yaml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        if d.join(PLATFORM_FILE).is_file() {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

/// Read a file as text: size-limited, UTF-8 checked. The text keeps its BOM and line ends.
///
/// Nothing outside the register is read through it: a symbolic link anywhere on the way from the root
/// (a linked `cases/TR`, a case file linked to `/etc/shadow`) is refused unread, and so is anything but
/// a regular file (a FIFO, a device such as `/dev/zero`).
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Finding> {
    let full = root.join(rel);
    if let Some(link) = crate::safety::link_on_path(root, rel) {
        return Err(Finding::error(
            "symlink",
            rel,
            Pos::NONE,
            Msg::new(&m::LINK_ON_PATH).text("link", link.display().to_string()),
        )
        .with_hint(Msg::new(&m::REPLACE_LINK_FILE)));
    }
    let meta = std::fs::metadata(&full).map_err(|e| io_finding(rel, &e))?;
    if !meta.is_file() {
        return Err(Finding::error(
            "not-a-file",
            rel,
            Pos::NONE,
            Msg::new(&m::NOT_A_FILE),
        ));
    }
    if meta.len() > yaml::MAX_FILE_BYTES as u64 {
        return Err(Finding::error(
            "file-too-large",
            rel,
            Pos { line: 1, col: 1 },
            Msg::new(&m::FILE_TOO_LARGE)
                .num("size", meta.len())
                .num("limit", yaml::MAX_FILE_BYTES),
        ));
    }
    let bytes = std::fs::read(&full).map_err(|e| io_finding(rel, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let col = String::from_utf8_lossy(upto.rsplit(|b| *b == b'\n').next().unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        Finding::error(
            "not-utf8",
            rel,
            Pos {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                col: u32::try_from(col).unwrap_or(u32::MAX),
            },
            Msg::new(&m::NOT_UTF8)
                .text(
                    "byte",
                    format!("0x{:02X}", e.as_bytes()[e.utf8_error().valid_up_to()]),
                )
                .num("offset", e.utf8_error().valid_up_to()),
        )
        .with_hint(Msg::new(&m::SAVE_AS_UTF8))
    })
}

fn io_finding(rel: &Path, e: &std::io::Error) -> Finding {
    let msg = Msg::new(&m::CANNOT_READ_FILE).os("cause", e.to_string());
    Finding::error("io", rel, Pos::NONE, msg)
}

/// Read and parse one document.
pub fn read_doc<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
) -> Result<Doc<T>, Finding> {
    let text = read_text(root, rel)?;
    parse_doc(rel, text)
}

/// Parse text already read as a document of type `T`.
pub fn parse_doc<T: serde::de::DeserializeOwned>(
    rel: &Path,
    text: String,
) -> Result<Doc<T>, Finding> {
    match yaml::parse::<T>(&text) {
        Ok(value) => Ok(Doc {
            path: rel.to_path_buf(),
            text,
            value,
        }),
        Err(e) => Err(Finding::error("yaml", rel, e.pos, e.message)),
    }
}

/// Read a meeting file, anywhere on disk (`rel` is then as the user wrote it).
pub fn read_meeting(root: &Path, rel: &Path) -> Result<Doc<Meeting>, Finding> {
    let mut d: Doc<Meeting> = read_doc(root, rel)?;
    d.value.fill_positions();
    Ok(d)
}

/// The YAML files below `dir` (relative to root), sorted; walk problems become findings.
fn yaml_files(root: &Path, dir: &str, findings: &mut Vec<Finding>) -> Vec<PathBuf> {
    let base = root.join(dir);
    if crate::safety::is_link(root, dir) {
        findings.push(
            Finding::error(
                "symlink",
                Path::new(dir),
                Pos::NONE,
                Msg::new(&m::LINK_ON_PATH).text("link", dir),
            )
            .with_hint(Msg::new(&m::REPLACE_LINK_FOLDER)),
        );
        return Vec::new();
    }
    if !base.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Links are not followed: a linked folder or file is reported, never read.
    let walker = walkdir::WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) => {
                let p = e.path();
                let is_yaml = p.extension().is_some_and(|x| x == "yaml" || x == "yml");
                let rel = p.strip_prefix(root).unwrap_or(p).to_path_buf();
                if e.file_type().is_symlink() {
                    findings.push(
                        Finding::error("symlink", &rel, Pos::NONE, Msg::new(&m::IS_A_LINK))
                            .with_hint(Msg::new(&m::REPLACE_LINK_ANY)),
                    );
                } else if e.file_type().is_file() && is_yaml {
                    out.push(rel);
                } else if is_yaml && !e.file_type().is_dir() {
                    findings.push(Finding::error(
                        "not-a-file",
                        &rel,
                        Pos::NONE,
                        Msg::new(&m::NOT_A_FILE_FIFO),
                    ));
                }
            }
            Err(err) => {
                let p = err
                    .path()
                    .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf())
                    .unwrap_or_else(|| PathBuf::from(dir));
                let msg = if err.loop_ancestor().is_some() {
                    Msg::new(&m::LINK_LOOP)
                } else {
                    match err.io_error() {
                        Some(io) => Msg::new(&m::CANNOT_READ_ENTRY).os("cause", io.to_string()),
                        None => Msg::new(&m::CANNOT_READ_THIS_ENTRY),
                    }
                };
                findings.push(Finding::error("io", &p, Pos::NONE, msg));
            }
        }
    }
    out
}

/// Read a file the walk found (a regular file, reached without following a link) with one open and
/// one `fstat`, instead of looking at every component of its path again as [`read_text`] does. The
/// opened file itself must be a regular file within the size limit and its bytes UTF-8; on Unix the
/// open also refuses a link or waits on no FIFO put in the file's place since the walk. Anything
/// unusual goes through [`read_text`], so a problem is reported exactly as it reports it.
fn read_walked(root: &Path, rel: &Path) -> Result<String, Finding> {
    fn fast(full: &Path) -> Option<String> {
        use std::io::Read;
        let mut opts = std::fs::OpenOptions::new();
        opts.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = opts.open(full).ok()?;
        let meta = file.metadata().ok()?;
        let len = usize::try_from(meta.len()).ok()?;
        if !meta.is_file() || len > yaml::MAX_FILE_BYTES {
            return None;
        }
        let mut bytes = Vec::with_capacity(len);
        let limit = u64::try_from(yaml::MAX_FILE_BYTES).ok()? + 1;
        (&file).take(limit).read_to_end(&mut bytes).ok()?;
        if bytes.len() > yaml::MAX_FILE_BYTES {
            return None;
        }
        String::from_utf8(bytes).ok()
    }
    match fast(&root.join(rel)) {
        Some(text) => Ok(text),
        None => read_text(root, rel),
    }
}

/// Read and parse a file the walk found, as [`read_doc`] does.
fn read_walked_doc<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
) -> Result<Doc<T>, Finding> {
    parse_doc(rel, read_walked(root, rel)?)
}

/// A file's place in the result, filled once by whichever thread parses the file.
type Slot<T> = std::sync::OnceLock<Result<Doc<T>, Finding>>;

/// Parse case and meeting files on all cores from one work queue: each meeting file first (a large
/// meeting file must not be left to run alone at the end), then the cases in runs of consecutive
/// files. Each result goes straight into its file's slot, so the cases are never sorted or copied
/// into a second array of the same size.
///
/// The cases are walked (`walk_cases`) on this thread while the other cores already parse the
/// meetings, so the walk of a large register costs no time of its own.
fn parse_all(
    root: &Path,
    walk_cases: impl FnOnce() -> Vec<PathBuf>,
    meetings: &[PathBuf],
    texts: Texts,
) -> (Vec<Slot<Case>>, Vec<Slot<Meeting>>) {
    fn dropped<T>(r: Result<Doc<T>, Finding>, keep: bool) -> Result<Doc<T>, Finding> {
        r.map(|mut d| {
            if !keep {
                d.text = crate::canon::header(&d.text);
            }
            d
        })
    }
    fn slots<T>(n: usize) -> Vec<Slot<T>> {
        std::iter::repeat_with(Slot::new).take(n).collect()
    }
    let meeting_slots: Vec<Slot<Meeting>> = slots(meetings.len());
    let meeting = |i: usize| {
        let r = read_walked_doc::<Meeting>(root, &meetings[i]).map(|mut d| {
            d.value.fill_positions();
            d
        });
        let keep = matches!(texts, Texts::Keep | Texts::Meetings);
        let _ = meeting_slots[i].set(dropped(r, keep));
    };
    let case_run = |cases: &[PathBuf], slots: &[Slot<Case>], from: usize, to: usize| {
        crate::model::without_texts(texts == Texts::Lean, || {
            for i in from..to {
                let r = dropped(
                    read_walked_doc::<Case>(root, &cases[i]),
                    texts == Texts::Keep,
                );
                let _ = slots[i].set(r);
            }
        });
    };
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZero::get)
        .unwrap_or(1)
        .min(16);
    if threads <= 1 {
        let cases = walk_cases();
        let case_slots = slots(cases.len());
        (0..meetings.len()).for_each(meeting);
        case_run(&cases, &case_slots, 0, cases.len());
        return (case_slots, meeting_slots);
    }
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let next_meeting = AtomicUsize::new(0);
    let meetings_left = || {
        loop {
            let k = next_meeting.fetch_add(1, Relaxed);
            if k >= meetings.len() {
                break;
            }
            meeting(k);
        }
    };
    // The cases, their slots, the length of a run and the next run: written once by this thread
    // after its walk, under a write lock the other threads wait on when the meetings run out first.
    let cases = std::sync::RwLock::new(None::<(Vec<PathBuf>, Vec<Slot<Case>>, usize)>);
    let next_run = AtomicUsize::new(0);
    let case_runs = || {
        let guard = cases
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some((cases, slots, run_len)) = guard.as_ref() else {
            return;
        };
        loop {
            let from = next_run.fetch_add(1, Relaxed).saturating_mul(*run_len);
            if from >= cases.len() {
                break;
            }
            case_run(cases, slots, from, (from + run_len).min(cases.len()));
        }
    };
    std::thread::scope(|s| {
        let mut walked = cases
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for _ in 1..threads {
            s.spawn(|| {
                meetings_left();
                case_runs();
            });
        }
        let files = walk_cases();
        // Runs long enough to keep the queue cheap, short enough that the cores finish together.
        let run_len = (files.len() / (threads * 16)).clamp(16, 512);
        let n = files.len();
        *walked = Some((files, slots(n), run_len));
        drop(walked);
        meetings_left();
        case_runs();
    });
    let (_, case_slots, _) = cases
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .unwrap_or_default();
    (case_slots, meeting_slots)
}

/// The documents of filled slots, in order; the files that failed go to `findings`. The documents stay
/// in the slots' own memory (collected in place).
fn take_slots<T>(mut slots: Vec<Slot<T>>, findings: &mut Vec<Finding>) -> Vec<Doc<T>> {
    for s in &mut slots {
        if matches!(s.get(), Some(Err(_)))
            && let Some(Err(f)) = s.take()
        {
            findings.push(f);
        }
    }
    slots
        .into_iter()
        .filter_map(|s| s.into_inner().and_then(Result::ok))
        .collect()
}

/// Whether a loaded register keeps each file's text: commands that edit files need it; commands that
/// only read drop it as soon as a file is parsed, which keeps memory near the size of the values.
/// `Drop` keeps a file's leading comment lines (its header, e.g. the schema modeline `validate` checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Keep every file's whole text (for commands that edit files).
    Keep,
    /// Keep only each file's leading comment lines.
    Drop,
    /// Keep the meeting files' whole texts, and only the cases' leading comment lines: for `apply`,
    /// which reads again the few case files it edits (see `apply::changes`).
    Meetings,
    /// As `Drop`, and the cases' texts that no check, tally or table reads are not kept either: progress
    /// texts, history notes and sources, `sources`, `notes`, `contact` (each is still read and checked
    /// as text, see [`crate::model::without_texts`]): for commands that never show them (`validate`,
    /// `status`, `list` as a table).
    Lean,
}

/// Load the whole register, keeping every file's text. `None` when `platform.yaml` cannot be read;
/// findings say why.
pub fn load(root: &Path) -> (Option<Register>, Vec<Finding>) {
    load_with(root, Texts::Keep)
}

/// Load the whole register; see [`Texts`].
pub fn load_with(root: &Path, texts: Texts) -> (Option<Register>, Vec<Finding>) {
    let mut findings = Vec::new();
    let platform = read_doc::<Platform>(root, Path::new(PLATFORM_FILE));
    // The meetings are walked first (their parse starts while the cases are walked), but their
    // findings come after the cases', as they always have.
    let mut meeting_findings = Vec::new();
    let meeting_files = yaml_files(root, "meetings", &mut meeting_findings);
    let walk_cases = || yaml_files(root, "cases", &mut findings);
    let (case_slots, meeting_slots) = parse_all(root, walk_cases, &meeting_files, texts);
    findings.append(&mut meeting_findings);
    let cases = take_slots(case_slots, &mut findings);
    let meetings = take_slots(meeting_slots, &mut findings);
    match platform {
        Ok(platform) => (
            Some(Register {
                root: root.to_path_buf(),
                platform,
                cases,
                meetings,
            }),
            findings,
        ),
        Err(f) => {
            findings.push(f);
            (None, findings)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything `status` can show of the register at `root` loaded with `texts`: the load's and the
    /// rules' findings, and the status of every group and of all, by group and by lead, as JSON and in
    /// both languages.
    fn status_outputs(root: &Path, texts: Texts) -> Vec<String> {
        use crate::render::status::{Query, StatusView, json, markdown};
        let (reg, findings) = load_with(root, texts);
        let reg = reg.expect("the register loads");
        let idx = crate::index::Index::new(&reg);
        let tl = crate::tally::Timelines::new(&reg, &idx);
        let mut out = vec![
            format!("{findings:?}"),
            format!("{:?}", crate::check::run_in(&reg, &idx, &tl, &[])),
        ];
        let groups = std::iter::once(None).chain((0..reg.platform.value.groups.len()).map(Some));
        for group in groups {
            for by_lead in [false, true] {
                let q = Query {
                    group,
                    meeting: crate::tally::latest_meeting(&reg, &idx, None),
                    meeting_named: false,
                    as_of: None,
                    by_lead,
                };
                let v = StatusView::build(&reg, &idx, &tl, q);
                out.push(json(&v));
                for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhTw] {
                    let style = crate::render::Style {
                        lang,
                        ..crate::render::Style::default()
                    };
                    out.push(markdown(&v, style));
                }
            }
        }
        out
    }

    #[test]
    fn a_lean_load_gives_the_same_status_on_the_shipped_register() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let full = status_outputs(root, Texts::Keep);
        assert_eq!(status_outputs(root, Texts::Lean), full);
        assert_eq!(status_outputs(root, Texts::Drop), full);
        // The lean load did leave the texts out, and only them.
        let (reg, _) = load_with(root, Texts::Lean);
        let reg = reg.expect("the register loads");
        let texts = |c: &crate::model::Case| -> Vec<String> {
            let history = c.history.iter().map(|h| &h.value);
            let history = history.flat_map(|h| h.note.iter().chain(&h.source));
            let progress = c.progress.iter().map(|p| &p.text);
            let own = c.sources.iter().chain(&c.notes).chain(&c.contact);
            history.chain(progress).chain(own).cloned().collect()
        };
        let all: Vec<String> = reg.cases.iter().flat_map(|c| texts(&c.value)).collect();
        assert!(all.len() > 300, "{}", all.len());
        assert!(all.iter().all(String::is_empty));
        let (full, _) = load_with(root, Texts::Drop);
        let full = full.expect("the register loads");
        assert_eq!(full.cases.len(), reg.cases.len());
        for (f, l) in full.cases.iter().zip(&reg.cases) {
            assert_eq!(texts(&f.value).len(), texts(&l.value).len());
            let f = crate::model::case::texts_emptied(f.value.clone());
            assert_eq!(f, l.value);
        }
    }
}
