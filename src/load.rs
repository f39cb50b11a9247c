//! The only module that reads the register from disk.
//!
//! It finds the register root, walks `cases/` and `meetings/`, reads each file (size-limited,
//! UTF-8 checked, BOM and CRLF accepted), and parses it, in parallel. A file that cannot be read
//! or parsed becomes a finding; the rest of the register still loads.

use crate::finding::Finding;
use crate::model::{Case, Meeting, Platform};
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
            format!(
                "{} is a symbolic link; kbbt does not follow links inside a register",
                link.display()
            ),
        )
        .with_hint("replace the link with the file itself"));
    }
    let meta = std::fs::metadata(&full).map_err(|e| io_finding(rel, &e))?;
    if !meta.is_file() {
        return Err(Finding::error(
            "not-a-file",
            rel,
            Pos::NONE,
            "not a regular file (a folder, FIFO or device); kbbt reads only regular files"
                .to_string(),
        ));
    }
    if meta.len() > yaml::MAX_FILE_BYTES as u64 {
        return Err(Finding::error(
            "file-too-large",
            rel,
            Pos { line: 1, col: 1 },
            format!(
                "file is too large ({} bytes; the limit is {} bytes)",
                meta.len(),
                yaml::MAX_FILE_BYTES
            ),
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
            format!(
                "file is not valid UTF-8 (byte 0x{:02X} at offset {})",
                e.as_bytes()[e.utf8_error().valid_up_to()],
                e.utf8_error().valid_up_to()
            ),
        )
        .with_hint("save the file as UTF-8 (register files are UTF-8 YAML)")
    })
}

fn io_finding(rel: &Path, e: &std::io::Error) -> Finding {
    Finding::error("io", rel, Pos::NONE, format!("cannot read file: {e}"))
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
                format!("{dir} is a symbolic link; kbbt does not follow links inside a register"),
            )
            .with_hint("replace the link with the folder itself"),
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
                        Finding::error(
                            "symlink",
                            &rel,
                            Pos::NONE,
                            "a symbolic link; kbbt does not follow links inside a register"
                                .to_string(),
                        )
                        .with_hint("replace the link with the file or folder itself"),
                    );
                } else if e.file_type().is_file() && is_yaml {
                    out.push(rel);
                } else if is_yaml && !e.file_type().is_dir() {
                    findings.push(Finding::error(
                        "not-a-file",
                        &rel,
                        Pos::NONE,
                        "not a regular file (a FIFO or device); kbbt reads only regular files"
                            .to_string(),
                    ));
                }
            }
            Err(err) => {
                let p = err
                    .path()
                    .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf())
                    .unwrap_or_else(|| PathBuf::from(dir));
                let msg = if err.loop_ancestor().is_some() {
                    "symbolic link loop: this link points at a folder that contains it".to_string()
                } else {
                    match err.io_error() {
                        Some(io) => format!("cannot read: {io}"),
                        None => "cannot read this entry".to_string(),
                    }
                };
                findings.push(Finding::error("io", &p, Pos::NONE, msg));
            }
        }
    }
    out
}

/// A file parsed by the loader's work queue. Short-lived, one per file: the size difference between
/// the variants costs nothing worth a box per file.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Case(Result<Doc<Case>, Finding>),
    Meeting(Result<Doc<Meeting>, Finding>),
}

/// Parse case and meeting files on all cores from one work queue, largest files first (a large meeting
/// file must not be left to run alone at the end). Results come back in input order: cases, then meetings.
fn parse_all(root: &Path, cases: &[PathBuf], meetings: &[PathBuf], texts: Texts) -> Vec<Parsed> {
    fn dropped<T>(r: Result<Doc<T>, Finding>, texts: Texts) -> Result<Doc<T>, Finding> {
        r.map(|mut d| {
            if texts != Texts::Keep {
                d.text = crate::canon::header(&d.text);
            }
            d
        })
    }
    let jobs: Vec<(bool, &PathBuf)> = cases
        .iter()
        .map(|p| (false, p))
        .chain(meetings.iter().map(|p| (true, p)))
        .collect();
    let parse = |i: usize| {
        let (is_meeting, p) = jobs[i];
        if is_meeting {
            Parsed::Meeting(dropped(read_meeting(root, p), texts))
        } else {
            crate::model::without_progress_texts(texts == Texts::Lean, || {
                Parsed::Case(dropped(read_doc(root, p), texts))
            })
        }
    };
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZero::get)
        .unwrap_or(1)
        .min(16);
    if threads <= 1 || jobs.len() < 64 {
        return (0..jobs.len()).map(parse).collect();
    }
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    let size = |i: &usize| std::fs::metadata(root.join(jobs[*i].1)).map_or(0, |m| m.len());
    order.sort_by_cached_key(|i| std::cmp::Reverse(size(i)));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Parsed)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(k) else { break };
                        mine.push((i, parse(i)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, p)| p).collect()
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
    /// As `Drop`, and the cases' progress texts are not kept either (each is still read and checked
    /// as text): for commands that never show them (`validate`, `status`).
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
    let case_files = yaml_files(root, "cases", &mut findings);
    let meeting_files = yaml_files(root, "meetings", &mut findings);
    let mut cases = Vec::with_capacity(case_files.len());
    let mut meetings = Vec::with_capacity(meeting_files.len());
    for parsed in parse_all(root, &case_files, &meeting_files, texts) {
        match parsed {
            Parsed::Case(Ok(d)) => cases.push(d),
            Parsed::Meeting(Ok(d)) => meetings.push(d),
            Parsed::Case(Err(f)) | Parsed::Meeting(Err(f)) => findings.push(f),
        }
    }
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
