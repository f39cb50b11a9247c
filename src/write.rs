//! The only module that writes the register: locked, all-or-nothing, crash-safe.
//!
//! A change of several files is made in four moves:
//! 1. every new text is written to `.kbbt/staging/` and synced;
//! 2. a journal naming each staged file and its target is written and synced, then renamed to
//!    `.kbbt/journal`: this rename is the commit point;
//! 3. each staged file is renamed over its target (an atomic replace per file);
//! 4. the journal is removed.
//!
//! Killed before the commit point, the register is as before (staging is discarded on the next run);
//! killed after it, the next run of kbbt finishes the renames (roll forward) before anything else.
//! A lock on `.kbbt/lock` keeps two writers apart.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One file to write: its path (relative to the root), the text it had when read (`None` for a new
/// file), and its new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The file, relative to the register root.
    pub path: PathBuf,
    /// The text the file had when read; `None` for a new file.
    pub old: Option<String>,
    /// The text to write.
    pub new: String,
}

/// The folder in the register root where kbbt keeps its lock, journal and staged files.
pub const STATE_DIR: &str = ".kbbt";
const JOURNAL: &str = "journal";
const STAGING: &str = "staging";

/// Test hook, compiled only with the `crash-hook` feature (which the test suite enables and a
/// release build never has): `KBBT_CRASH_AT=N` aborts the process (no clean-up, like `kill -9`) at
/// the N-th step of the write phase, so tests can prove every step leaves the register
/// before-or-after.
#[cfg(feature = "crash-hook")]
fn step() {
    use std::sync::atomic::{AtomicU32, Ordering};
    static STEP: AtomicU32 = AtomicU32::new(0);
    let n = STEP.fetch_add(1, Ordering::SeqCst) + 1;
    if std::env::var("KBBT_CRASH_AT")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        == Some(n)
    {
        std::process::abort();
    }
}

/// Without the `crash-hook` feature a step is nothing at all.
#[cfg(not(feature = "crash-hook"))]
#[inline(always)]
fn step() {}

/// Test hook: `KBBT_PAUSE_AFTER_STAGING_MS=N` sleeps N ms after staging (at most 10 s), so a test can
/// edit a file while a write is under way and see that the edit is kept. Like the crash hook, only in
/// builds with the `crash-hook` feature (the test suite's).
#[cfg(not(feature = "crash-hook"))]
#[inline(always)]
fn pause() {}

#[cfg(feature = "crash-hook")]
fn pause() {
    if let Some(ms) = std::env::var("KBBT_PAUSE_AFTER_STAGING_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(Duration::from_millis(ms.min(10_000)));
    }
}

/// Holds the register's write lock until dropped.
pub struct Lock {
    _file: File,
}

/// Take the register's lock, waiting up to `wait` for another kbbt to finish.
pub fn lock(root: &Path, wait: Duration) -> Result<Lock, String> {
    let dir = own_state_dir(root)?;
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // The folder ignores itself, so it never shows in `git status` of a register.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = fs::write(&ignore, "*\n");
    }
    let path = dir.join("lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(format!(
                    "another kbbt is changing this register (it holds {}); try again when it has finished",
                    Path::new(STATE_DIR).join("lock").display()
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(format!("cannot lock {}: {e}", path.display()));
            }
        }
    }
}

fn sync_dir(dir: &Path) {
    // Directory fsync makes renames durable on Unix; elsewhere opening a directory may fail: ignore.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The SHA-256 of some bytes, in hex: the journal records it for each staged text and each file it
/// replaces, so recovery moves only what kbbt staged, onto only what kbbt read.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn exists_no_follow(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok()
}

/// Whether a write was interrupted (a journal, a journal being written, or staged texts are left).
/// Looks only: never changes anything.
pub fn needs_recovery(root: &Path) -> bool {
    let d = root.join(STATE_DIR);
    exists_no_follow(&d.join(JOURNAL))
        || exists_no_follow(&d.join(STAGING))
        || exists_no_follow(&d.join(JOURNAL_TMP))
}

/// Whether a write past its commit point (a journal) is pending: the register may mix old and new files.
pub fn journal_pending(root: &Path) -> bool {
    exists_no_follow(&root.join(STATE_DIR).join(JOURNAL))
}

const JOURNAL_TMP: &str = "journal.tmp";
const JOURNAL_HEADER: &str = "kbbt-journal 2";
/// The largest journal or staged file recovery reads.
const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;

/// What every refusal of recovery ends with: it moved and deleted nothing.
const UNTOUCHED: &str = "nothing was moved or deleted";

/// One line of a journal: move `staged` (below `.kbbt/`) onto `target` (below the root).
struct Entry {
    staged: String,
    new_hash: String,
    /// The hash of the text the target had when kbbt read it; `None` for a new file.
    old_hash: Option<String>,
    target: PathBuf,
}

fn hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Parse a journal and check each line's shape (not yet the files).
fn parse_journal(text: &str) -> Result<Vec<Entry>, String> {
    let damaged = |why: &str| format!(".kbbt/journal was not written by this kbbt ({why})");
    let mut lines = text.split('\n');
    if lines.next() != Some(JOURNAL_HEADER) {
        return Err(damaged("its first line is not `kbbt-journal 2`"));
    }
    if !text.ends_with("\nend\n") {
        return Err(damaged("it does not end with `end`"));
    }
    let body = &text[JOURNAL_HEADER.len() + 1..text.len() - "end\n".len()];
    let mut out: Vec<Entry> = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let n = i + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        let [staged, new_hash, old_hash, target] = fields.as_slice() else {
            return Err(damaged(&format!("line {n} does not have four fields")));
        };
        let digits = staged.strip_prefix("staging/").unwrap_or("");
        if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(damaged(&format!(
                "line {n}: `{}` is not a staged file of kbbt",
                crate::term::inert(staged)
            )));
        }
        if !hex64(new_hash) || !(hex64(old_hash) || *old_hash == "-") {
            return Err(damaged(&format!("line {n}: a hash is malformed")));
        }
        let target = PathBuf::from(target);
        if !crate::safety::register_file(&target) {
            return Err(format!(
                ".kbbt/journal names `{}` (line {n}), which is not a case, meeting or platform file of this register",
                crate::term::inert(&target.display().to_string())
            ));
        }
        if out
            .iter()
            .any(|e| e.staged == *staged || e.target == target)
        {
            return Err(damaged(&format!("line {n} repeats a file")));
        }
        out.push(Entry {
            staged: (*staged).to_string(),
            new_hash: (*new_hash).to_string(),
            old_hash: (*old_hash != "-").then(|| (*old_hash).to_string()),
            target,
        });
    }
    Ok(out)
}

/// Read a file that must be a regular file (not a link, folder or device), size-limited.
fn read_regular(p: &Path) -> Result<Option<Vec<u8>>, String> {
    match fs::symlink_metadata(p) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read it: {e}")),
        Ok(m) if !m.file_type().is_file() => Err("it is not a regular file".into()),
        Ok(m) if m.len() > MAX_STATE_BYTES => Err("it is too large".into()),
        Ok(_) => fs::read(p)
            .map(Some)
            .map_err(|e| format!("cannot read it: {e}")),
    }
}

/// Whether git tracks anything under `.kbbt/`: kbbt's state is never committed, so such a journal
/// came from elsewhere. Without git (or outside a work tree) this says nothing.
fn committed_state(root: &Path) -> bool {
    std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["ls-files", "--", STATE_DIR])
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
}

/// Remove the staging folder, but only if it holds nothing but files kbbt stages (`staging/<n>`,
/// regular files); otherwise refuse and touch nothing.
fn discard_staging(dir: &Path) -> Result<bool, String> {
    let staging = dir.join(STAGING);
    let Ok(meta) = fs::symlink_metadata(&staging) else {
        return Ok(false);
    };
    if !meta.is_dir() {
        return Err(format!(
            ".kbbt/staging is not a folder kbbt made (a link or a file); {UNTOUCHED}"
        ));
    }
    let mut files = Vec::new();
    for e in fs::read_dir(&staging).map_err(|e| format!("cannot read .kbbt/staging: {e}"))? {
        let e = e.map_err(|e| format!("cannot read .kbbt/staging: {e}"))?;
        let name = e.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            && e.file_type().is_ok_and(|t| t.is_file());
        if !ours {
            return Err(format!(
                ".kbbt/staging holds `{}`, which kbbt did not stage; {UNTOUCHED}",
                crate::term::inert(&name.to_string_lossy())
            ));
        }
        files.push(e.path());
    }
    for f in files {
        fs::remove_file(&f).map_err(|e| format!("cannot remove {}: {e}", f.display()))?;
    }
    fs::remove_dir(&staging).map_err(|e| format!("cannot remove .kbbt/staging: {e}"))?;
    sync_dir(dir);
    Ok(true)
}

/// Check that the state folder is kbbt's own: a real folder, not a link, not committed to git.
fn own_state_dir(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join(STATE_DIR);
    if crate::safety::is_link(root, STATE_DIR) {
        return Err(format!(
            ".kbbt is a symbolic link; kbbt keeps its lock and journal there and does not follow links; {UNTOUCHED}\n  hint: remove the link (`rm .kbbt`); kbbt makes the folder itself"
        ));
    }
    Ok(dir)
}

/// Finish an interrupted write (roll forward) or discard one that never reached its commit point.
/// Call with the lock held. Returns what was done, if anything.
///
/// Recovery acts only on what kbbt itself staged: every journal line must name a staged file
/// `staging/<n>` whose bytes have the hash the journal records, and a case, meeting or platform file of
/// this register, with no symbolic link on the way, that still holds what kbbt read (or does not exist,
/// for a new file). Every line is checked before anything moves; one failure refuses the lot.
pub fn recover(root: &Path) -> Result<Option<String>, String> {
    let dir = own_state_dir(root)?;
    let journal = dir.join(JOURNAL);
    let mut msg = None;
    if (exists_no_follow(&journal) || exists_no_follow(&dir.join(JOURNAL_TMP)))
        && committed_state(root)
    {
        return Err(format!(
            ".kbbt/ is committed to git: a journal there was not left by an interrupted kbbt on this machine; {UNTOUCHED}\n  hint: `git rm -r --cached .kbbt`, check the register with `git status`, then delete .kbbt/"
        ));
    }
    if exists_no_follow(&journal) {
        let bytes = read_regular(&journal)
            .map_err(|e| format!(".kbbt/journal cannot be used: {e}; {UNTOUCHED}"))?
            .unwrap_or_default();
        let text = String::from_utf8(bytes)
            .map_err(|_| format!(".kbbt/journal is not text; {UNTOUCHED}"))?;
        let entries = parse_journal(&text).map_err(|e| {
            format!("{e}; {UNTOUCHED}\n  hint: if you did not run kbbt here, delete .kbbt/ and check the register with `git status`")
        })?;
        // Check every line against the files before moving any.
        let mut todo = Vec::new();
        for e in &entries {
            let shown = e.target.display().to_string();
            let refuse = |why: String| {
                format!(
                    "cannot finish the interrupted write: {shown}: {why}; {UNTOUCHED}\n  hint: check the register with `git status`; delete .kbbt/ to abandon the interrupted write"
                )
            };
            if let Some(link) = crate::safety::link_on_path(root, &e.target) {
                return Err(refuse(format!(
                    "{} is a symbolic link and kbbt does not write through links",
                    link.display()
                )));
            }
            let staged = read_regular(&dir.join(&e.staged))
                .map_err(|w| refuse(format!(".kbbt/{}: {w}", e.staged)))?;
            let now = read_regular(&root.join(&e.target)).map_err(refuse)?;
            match staged {
                Some(s) => {
                    if sha256(&s) != e.new_hash {
                        return Err(refuse(format!(
                            ".kbbt/{} does not hold the text the journal records",
                            e.staged
                        )));
                    }
                    let holds_old = match (&now, &e.old_hash) {
                        (None, None) => true,
                        (Some(b), Some(h)) => sha256(b) == *h,
                        _ => false,
                    };
                    if !holds_old {
                        return Err(refuse(format!(
                            "the file changed after kbbt read it (its new text is kept in .kbbt/{})",
                            e.staged
                        )));
                    }
                    todo.push(e);
                }
                // Already moved: the target must hold the new text.
                None => {
                    if now.as_deref().map(sha256).as_deref() != Some(e.new_hash.as_str()) {
                        return Err(refuse(format!(
                            "the staged file .kbbt/{} is missing and the file does not hold its text",
                            e.staged
                        )));
                    }
                }
            }
        }
        for e in &todo {
            let dst = root.join(&e.target);
            if let Some(parent) = dst.parent() {
                fs::create_dir_all(parent).map_err(|err| {
                    format!("cannot finish writing {}: {err}", e.target.display())
                })?;
            }
            fs::rename(dir.join(&e.staged), &dst)
                .map_err(|err| format!("cannot finish writing {}: {err}", e.target.display()))?;
            if let Some(parent) = dst.parent() {
                sync_dir(parent);
            }
        }
        fs::remove_file(&journal).map_err(|e| format!("cannot remove .kbbt/journal: {e}"))?;
        sync_dir(&dir);
        msg = Some(format!(
            "finished an interrupted write ({} files)",
            todo.len()
        ));
    }
    let tmp = dir.join(JOURNAL_TMP);
    if exists_no_follow(&tmp) {
        read_regular(&tmp).map_err(|e| format!(".kbbt/journal.tmp: {e}; {UNTOUCHED}"))?;
        fs::remove_file(&tmp).map_err(|e| format!("cannot remove .kbbt/journal.tmp: {e}"))?;
    }
    if discard_staging(&dir)? && msg.is_none() {
        msg = Some("discarded an interrupted write that had not started changing files".into());
    }
    Ok(msg)
}

/// A path that stays inside the register: relative, no `..`, no root.
pub fn safe_target(p: &Path) -> bool {
    crate::safety::inside(p)
}

/// The first existing folder at or above `root/rel`'s parent (inside the register); an existing entry
/// on the way that is not a folder (a file named `meetings`) is an error.
fn existing_parent(root: &Path, rel: &Path) -> Result<PathBuf, String> {
    let mut p = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    loop {
        if p.as_os_str().is_empty() {
            return Ok(p);
        }
        match fs::symlink_metadata(root.join(&p)) {
            Ok(m) if m.is_dir() => return Ok(p),
            Ok(_) => return Err(format!("{} is not a folder", p.display())),
            Err(_) => p = p.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }
}

/// Whether kbbt can create a file in `dir` (tried with a probe file, removed at once).
fn writable(dir: &Path) -> Result<(), String> {
    let probe = dir.join(format!(".kbbt-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Everything that can be known before writing: each path is a register file, fits the file system,
/// has no link on the way, holds what was read, and its folder can be written.
fn preflight(root: &Path, changes: &[FileChange]) -> Result<(), String> {
    own_state_dir(root)?;
    let mut seen = std::collections::HashSet::new();
    for c in changes {
        let shown = crate::term::inert(&c.path.display().to_string());
        if !safe_target(&c.path) {
            return Err(format!(
                "refusing to write {shown}: it is outside the register"
            ));
        }
        if !crate::safety::register_file(&c.path) {
            return Err(format!(
                "refusing to write {shown}: it is not a case, meeting or platform file of this register"
            ));
        }
        if c.path
            .to_str()
            .is_some_and(|s| s.contains(['\t', '\n', '\r']))
        {
            return Err(format!(
                "refusing to write {shown}: its name holds a control character"
            ));
        }
        if let Some(why) = crate::safety::name_problem(&c.path) {
            return Err(format!("cannot write {shown}: {why}"));
        }
        if !seen.insert(c.path.clone()) {
            return Err(format!("refusing to write {shown} twice in one change"));
        }
        if let Some(link) = crate::safety::link_on_path(root, &c.path) {
            return Err(format!(
                "refusing to write {shown}: {} is a symbolic link and kbbt does not write through links",
                link.display()
            ));
        }
    }
    check_unchanged(root, changes)?;
    let mut dirs = Vec::new();
    for c in changes {
        dirs.push(
            existing_parent(root, &c.path)
                .map_err(|e| format!("cannot write {}: {e}", c.path.display()))?,
        );
    }
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        writable(&root.join(&d)).map_err(|e| {
            let shown = if d.as_os_str().is_empty() {
                ".".into()
            } else {
                d.display().to_string()
            };
            format!("cannot write in {shown}: {e}")
        })?;
    }
    Ok(())
}

/// Each file still holds the text it had when read (or, for a new file, does not exist).
fn check_unchanged(root: &Path, changes: &[FileChange]) -> Result<(), String> {
    for c in changes {
        unchanged(root, c)?;
    }
    Ok(())
}

fn unchanged(root: &Path, c: &FileChange) -> Result<(), String> {
    let full = root.join(&c.path);
    match &c.old {
        Some(old) => {
            let now = read_regular(&full)
                .map_err(|e| format!("cannot re-read {}: {e}", c.path.display()))?;
            if now.as_deref() != Some(old.as_bytes()) {
                return Err(format!(
                    "{} changed on disk while kbbt was working",
                    c.path.display()
                ));
            }
        }
        None => {
            if exists_no_follow(&full) {
                return Err(format!("{} already exists", c.path.display()));
            }
        }
    }
    Ok(())
}

/// Undo what was done before the commit point: the staged files and the journal being written.
fn undo(dir: &Path) {
    let _ = fs::remove_file(dir.join(JOURNAL_TMP));
    let _ = discard_staging(dir);
}

/// Write every change, all or nothing. Call with the lock held. Each file must still hold the text
/// it had when read (or, for a new file, not exist). An error before the commit point leaves every
/// file as it was; its message ends with "nothing was written".
pub fn commit(root: &Path, changes: &[FileChange]) -> Result<(), String> {
    let nothing = |e: String| format!("{e}; nothing was written");
    preflight(root, changes).map_err(nothing)?;
    let dir = root.join(STATE_DIR);
    // A leftover staging folder (recovery ran before this) is discarded only if it is kbbt's own.
    discard_staging(&dir).map_err(nothing)?;
    let staging = dir.join(STAGING);
    fs::create_dir_all(&staging)
        .map_err(|e| nothing(format!("cannot create {}: {e}", staging.display())))?;
    let journal = match stage(&dir, changes) {
        Ok(j) => j,
        Err(e) => {
            undo(&dir);
            return Err(nothing(e));
        }
    };
    let tmp = dir.join(JOURNAL_TMP);
    if let Err(e) = write_synced(&tmp, journal.as_bytes()) {
        undo(&dir);
        return Err(nothing(format!("cannot write the journal: {e}")));
    }
    step();
    pause();
    // The files are checked again by content right before the commit point, after staging (which
    // takes the longest): an edit made meanwhile is kept, and nothing is written.
    if let Err(e) = check_unchanged(root, changes) {
        undo(&dir);
        return Err(nothing(format!("{e}; run the command again")));
    }
    if let Err(e) = fs::rename(&tmp, dir.join(JOURNAL)) {
        undo(&dir);
        return Err(nothing(format!("cannot commit the journal: {e}")));
    }
    sync_dir(&dir);
    step();
    // From here on the change is committed: recovery finishes it if we stop.
    for (i, c) in changes.iter().enumerate() {
        let dst = root.join(&c.path);
        if let Some(parent) = dst.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create the folder of {}: {e}", c.path.display()))?;
        }
        if let Err(e) = unchanged(root, c) {
            return Err(format!(
                "{e} while kbbt was writing; {i} of {} files are written and the rest wait in .kbbt/journal\n  hint: run `kbbt recover`: it finishes the write if the file is as kbbt read it, and says what to do otherwise",
                changes.len()
            ));
        }
        fs::rename(staging.join(format!("{i}")), &dst).map_err(|e| {
            format!(
                "cannot write {}: {e}; {i} of {} files are written and the rest wait in .kbbt/journal\n  hint: fix the cause, then run `kbbt recover`",
                c.path.display(),
                changes.len()
            )
        })?;
        if let Some(parent) = dst.parent() {
            sync_dir(parent);
        }
        step();
    }
    fs::remove_file(dir.join(JOURNAL)).map_err(|e| e.to_string())?;
    sync_dir(&dir);
    step();
    let _ = discard_staging(&dir);
    Ok(())
}

/// Write an output file outside the register's own files (`report -o`): to a temporary file beside it,
/// synced, then renamed over it. A failure (a full disk) leaves no partial file, and a symbolic link at
/// the path is replaced, never written through.
/// Keep a commit message in kbbt's own folder (`.kbbt/COMMIT_MSG`), for the user to finish a commit
/// that failed after the write: `git commit -F .kbbt/COMMIT_MSG`. Returns its path from the root.
pub fn keep_commit_message(root: &Path, message: &str) -> Result<PathBuf, String> {
    let rel = Path::new(STATE_DIR).join("COMMIT_MSG");
    if crate::safety::is_link(root, STATE_DIR) {
        return Err(format!(
            "{STATE_DIR} is a symbolic link; the message was not kept"
        ));
    }
    fs::create_dir_all(root.join(STATE_DIR)).map_err(|e| e.to_string())?;
    write_output(&root.join(&rel), message.as_bytes())?;
    Ok(rel)
}

/// Write an output file (a document, a draft) whole or not at all: a synced temporary file beside
/// it, then renamed over it.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| "not a file name".to_string())?;
    let tmp = dir.join(format!(
        ".{}.kbbt-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e.to_string());
    }
    sync_dir(dir);
    Ok(())
}

/// Stage every new text; returns the journal's text.
fn stage(dir: &Path, changes: &[FileChange]) -> Result<String, String> {
    let mut journal = format!("{JOURNAL_HEADER}\n");
    for (i, c) in changes.iter().enumerate() {
        let name = format!("{STAGING}/{i}");
        write_synced(&dir.join(&name), c.new.as_bytes())
            .map_err(|e| format!("cannot stage {}: {e}", c.path.display()))?;
        journal.push_str(&format!(
            "{name}\t{}\t{}\t{}\n",
            sha256(c.new.as_bytes()),
            c.old
                .as_deref()
                .map_or_else(|| "-".to_string(), |o| sha256(o.as_bytes())),
            c.path.display()
        ));
        step();
    }
    journal.push_str("end\n");
    sync_dir(&dir.join(STAGING));
    Ok(journal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, old: Option<&str>, new: &str) -> FileChange {
        FileChange {
            path: PathBuf::from(path),
            old: old.map(str::to_string),
            new: new.to_string(),
        }
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("cases")).unwrap();
        fs::write(d.path().join("cases/a.yaml"), "edited by someone else\n").unwrap();
        let e = commit(
            d.path(),
            &[change("cases/a.yaml", Some("as read\n"), "new\n")],
        )
        .unwrap_err();
        assert!(e.contains("cases/a.yaml changed on disk"), "{e}");
        assert!(e.ends_with("nothing was written"), "{e}");
        assert_eq!(
            fs::read_to_string(d.path().join("cases/a.yaml")).unwrap(),
            "edited by someone else\n"
        );
        fs::write(d.path().join("cases/b.yaml"), "exists\n").unwrap();
        let e = commit(d.path(), &[change("cases/b.yaml", None, "new\n")]).unwrap_err();
        assert!(e.contains("already exists"), "{e}");
        assert!(!d.path().join(".kbbt/staging").exists());
    }

    #[test]
    fn paths_outside_the_register_are_refused() {
        let d = tempfile::tempdir().unwrap();
        for p in [
            "../x.yaml",
            "/etc/x",
            "cases/../../x",
            "",
            ".git/hooks/pre-commit",
            "README.md",
        ] {
            assert!(commit(d.path(), &[change(p, None, "x")]).is_err(), "{p}");
        }
        let long = format!("meetings/{}.yaml", "v".repeat(260));
        let e = commit(d.path(), &[change(&long, None, "x")]).unwrap_err();
        assert!(e.contains("bytes long"), "{e}");
    }

    fn journal(lines: &[(&str, &str, Option<&str>, &str)]) -> String {
        let mut j = format!("{JOURNAL_HEADER}\n");
        for (staged, new, old, target) in lines {
            j.push_str(&format!(
                "{staged}\t{}\t{}\t{target}\n",
                sha256(new.as_bytes()),
                old.map_or("-".to_string(), |o| sha256(o.as_bytes()))
            ));
        }
        j + "end\n"
    }

    #[test]
    fn recovery_rolls_a_committed_journal_forward_and_discards_staging() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join(STATE_DIR);
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::create_dir_all(d.path().join("cases/X")).unwrap();
        fs::write(state.join("staging/0"), "after\n").unwrap();
        fs::write(state.join("staging/1"), "new\n").unwrap();
        fs::write(d.path().join("cases/X/a.yaml"), "before\n").unwrap();
        fs::write(
            state.join(JOURNAL),
            journal(&[
                ("staging/0", "after\n", Some("before\n"), "cases/X/a.yaml"),
                ("staging/1", "new\n", None, "cases/Y/b.yaml"),
            ]),
        )
        .unwrap();
        assert!(needs_recovery(d.path()));
        let msg = recover(d.path()).unwrap().unwrap();
        assert!(
            msg.contains("finished an interrupted write (2 files)"),
            "{msg}"
        );
        assert_eq!(
            fs::read_to_string(d.path().join("cases/X/a.yaml")).unwrap(),
            "after\n"
        );
        assert_eq!(
            fs::read_to_string(d.path().join("cases/Y/b.yaml")).unwrap(),
            "new\n"
        );
        assert!(!needs_recovery(d.path()));
        // Staging without a journal never reached the commit point: it is discarded.
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::write(state.join("staging/0"), "half\n").unwrap();
        assert!(recover(d.path()).unwrap().unwrap().contains("discarded"));
        assert!(!needs_recovery(d.path()));
        // A journal naming a path outside is not trusted, and nothing moves.
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::write(state.join("staging/0"), "x\n").unwrap();
        fs::write(
            state.join(JOURNAL),
            journal(&[("staging/0", "x\n", None, "../../etc/x.yaml")]),
        )
        .unwrap();
        let e = recover(d.path()).unwrap_err();
        assert!(e.contains("nothing was moved or deleted"), "{e}");
        assert!(state.join("staging/0").exists() && state.join(JOURNAL).exists());
    }

    #[test]
    fn a_commit_and_its_recovery_agree_on_the_journal() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("cases/X")).unwrap();
        fs::write(d.path().join("cases/X/a.yaml"), "before\n").unwrap();
        commit(
            d.path(),
            &[
                change("cases/X/a.yaml", Some("before\n"), "after\n"),
                change("meetings/m.yaml", None, "m\n"),
            ],
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(d.path().join("cases/X/a.yaml")).unwrap(),
            "after\n"
        );
        assert!(!needs_recovery(d.path()));
    }
}
