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

use crate::catalog as cat;
use crate::msg::{Msg, Said};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a write, a lock or a recovery was refused or failed: a message and, when there is one, what to
/// do about it. Displayed in English (`message` and an indented `hint:` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What happened.
    pub msg: Msg,
    /// What to do.
    pub hint: Option<Msg>,
}

impl Error {
    fn new(msg: Msg) -> Error {
        Error { msg, hint: None }
    }

    fn with_hint(mut self, hint: Msg) -> Error {
        self.hint = Some(hint);
        self
    }

    /// The same error with its message put into another (`{why}; nothing was written`).
    fn wrap(self, f: impl FnOnce(Msg) -> Msg) -> Error {
        Error {
            msg: f(self.msg),
            hint: self.hint,
        }
    }

    /// As an error for standard error.
    pub fn said(self) -> Said {
        let said = Said::error(self.msg);
        match self.hint {
            Some(h) => said.hint(h),
            None => said,
        }
    }
}

impl From<Msg> for Error {
    fn from(msg: Msg) -> Error {
        Error::new(msg)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.msg)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// A message about a file (register data: shown as it is).
fn on(t: &'static crate::msg::Template, file: &Path) -> Msg {
    Msg::new(t).text("file", file.display().to_string())
}

/// A message about a file and the operating system's error.
fn os(t: &'static crate::msg::Template, file: &Path, e: &std::io::Error) -> Msg {
    on(t, file).os("cause", e.to_string())
}

/// `{why}; nothing was moved or deleted`: every refusal of recovery ends so.
fn untouched(why: Msg) -> Msg {
    Msg::new(&cat::NOTHING_MOVED).msg("why", why)
}

/// `{why}; nothing was written`.
fn nothing_written(why: Msg) -> Msg {
    Msg::new(&cat::NOTHING_WRITTEN).msg("why", why)
}

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
pub fn take_lock(root: &Path, wait: Duration) -> Result<Lock, Error> {
    let dir = own_state_dir(root)?;
    fs::create_dir_all(&dir).map_err(|e| os(&cat::CANNOT_CREATE, &dir, &e))?;
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
        .map_err(|e| os(&cat::CANNOT_OPEN, &path, &e))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let held = Path::new(STATE_DIR).join("lock");
                return Err(on(&cat::LOCK_HELD, &held).into());
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(os(&cat::CANNOT_LOCK, &path, &e).into());
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
fn parse_journal(text: &str) -> Result<Vec<Entry>, Msg> {
    let damaged = |why: Msg| Msg::new(&cat::JOURNAL_NOT_OURS).msg("why", why);
    let at = |t: &'static crate::msg::Template, n: usize| Msg::new(t).num("n", n);
    let mut lines = text.split('\n');
    if lines.next() != Some(JOURNAL_HEADER) {
        return Err(damaged(Msg::new(&cat::JOURNAL_FIRST_LINE)));
    }
    if !text.ends_with("\nend\n") {
        return Err(damaged(Msg::new(&cat::JOURNAL_NO_END)));
    }
    let body = &text[JOURNAL_HEADER.len() + 1..text.len() - "end\n".len()];
    let mut out: Vec<Entry> = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let n = i + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        let [staged, new_hash, old_hash, target] = fields.as_slice() else {
            return Err(damaged(at(&cat::JOURNAL_NOT_FOUR_FIELDS, n)));
        };
        let digits = staged.strip_prefix("staging/").unwrap_or("");
        if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(damaged(
                at(&cat::JOURNAL_NOT_STAGED, n).text("name", crate::term::inert(staged)),
            ));
        }
        if !hex64(new_hash) || !(hex64(old_hash) || *old_hash == "-") {
            return Err(damaged(at(&cat::JOURNAL_BAD_HASH, n)));
        }
        let target = PathBuf::from(target);
        if !crate::safety::register_file(&target) {
            return Err(at(&cat::JOURNAL_NAMES_OTHER, n)
                .text("file", crate::term::inert(&target.display().to_string())));
        }
        if out
            .iter()
            .any(|e| e.staged == *staged || e.target == target)
        {
            return Err(damaged(at(&cat::JOURNAL_REPEATS, n)));
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
fn read_regular(p: &Path) -> Result<Option<Vec<u8>>, Msg> {
    let cannot = |e: std::io::Error| Msg::new(&cat::CANNOT_READ_IT).os("cause", e.to_string());
    match fs::symlink_metadata(p) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(cannot(e)),
        Ok(m) if !m.file_type().is_file() => Err(Msg::new(&cat::NOT_REGULAR_FILE)),
        Ok(m) if m.len() > MAX_STATE_BYTES => Err(Msg::new(&cat::TOO_LARGE)),
        Ok(_) => fs::read(p).map(Some).map_err(cannot),
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
fn discard_staging(dir: &Path) -> Result<bool, Msg> {
    let staging = dir.join(STAGING);
    let Ok(meta) = fs::symlink_metadata(&staging) else {
        return Ok(false);
    };
    if !meta.is_dir() {
        return Err(untouched(Msg::new(&cat::STAGING_NOT_OURS)));
    }
    let shown = Path::new(STATE_DIR).join(STAGING);
    let cannot = |e: std::io::Error| os(&cat::CANNOT_READ_PATH, &shown, &e);
    let mut files = Vec::new();
    for e in fs::read_dir(&staging).map_err(cannot)? {
        let e = e.map_err(cannot)?;
        let name = e.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            && e.file_type().is_ok_and(|t| t.is_file());
        if !ours {
            return Err(untouched(
                Msg::new(&cat::STAGING_HOLDS_OTHER)
                    .text("name", crate::term::inert(&name.to_string_lossy())),
            ));
        }
        files.push(e.path());
    }
    for f in files {
        fs::remove_file(&f).map_err(|e| os(&cat::CANNOT_REMOVE, &f, &e))?;
    }
    fs::remove_dir(&staging).map_err(|e| os(&cat::CANNOT_REMOVE, &shown, &e))?;
    sync_dir(dir);
    Ok(true)
}

/// Check that the state folder is kbbt's own: a real folder, not a link, not committed to git.
fn own_state_dir(root: &Path) -> Result<PathBuf, Error> {
    let dir = root.join(STATE_DIR);
    if crate::safety::is_link(root, STATE_DIR) {
        return Err(Error::new(untouched(Msg::new(&cat::STATE_DIR_IS_LINK)))
            .with_hint(Msg::new(&cat::REMOVE_STATE_LINK)));
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
pub fn recover(root: &Path) -> Result<Option<Msg>, Error> {
    let dir = own_state_dir(root)?;
    let journal = dir.join(JOURNAL);
    let mut msg = None;
    if (exists_no_follow(&journal) || exists_no_follow(&dir.join(JOURNAL_TMP)))
        && committed_state(root)
    {
        return Err(Error::new(untouched(Msg::new(&cat::STATE_COMMITTED)))
            .with_hint(Msg::new(&cat::UNTRACK_STATE)));
    }
    if exists_no_follow(&journal) {
        let bytes = read_regular(&journal)
            .map_err(|e| untouched(Msg::new(&cat::JOURNAL_UNUSABLE).msg("why", e)))?
            .unwrap_or_default();
        let text =
            String::from_utf8(bytes).map_err(|_| untouched(Msg::new(&cat::JOURNAL_NOT_TEXT)))?;
        let entries = parse_journal(&text)
            .map_err(|e| Error::new(untouched(e)).with_hint(Msg::new(&cat::IF_NOT_YOURS)))?;
        // Check every line against the files before moving any.
        let mut todo = Vec::new();
        for e in &entries {
            let refuse = |why: Msg| {
                Error::new(untouched(
                    on(&cat::CANNOT_FINISH, &e.target).msg("why", why),
                ))
                .with_hint(Msg::new(&cat::CHECK_OR_ABANDON))
            };
            let staged_file = Path::new(STATE_DIR).join(&e.staged);
            if let Some(link) = crate::safety::link_on_path(root, &e.target) {
                return Err(refuse(on(&cat::LINK_ON_THE_WAY, &link)));
            }
            let staged = read_regular(&dir.join(&e.staged))
                .map_err(|w| refuse(on(&cat::FILE_WHY, &staged_file).msg("why", w)))?;
            let now = read_regular(&root.join(&e.target)).map_err(refuse)?;
            match staged {
                Some(s) => {
                    if sha256(&s) != e.new_hash {
                        return Err(refuse(on(&cat::STAGED_DIFFERS, &staged_file)));
                    }
                    let holds_old = match (&now, &e.old_hash) {
                        (None, None) => true,
                        (Some(b), Some(h)) => sha256(b) == *h,
                        _ => false,
                    };
                    if !holds_old {
                        return Err(refuse(on(&cat::CHANGED_SINCE_READ, &staged_file)));
                    }
                    todo.push(e);
                }
                // Already moved: the target must hold the new text.
                None => {
                    if now.as_deref().map(sha256).as_deref() != Some(e.new_hash.as_str()) {
                        return Err(refuse(on(&cat::STAGED_MISSING, &staged_file)));
                    }
                }
            }
        }
        for e in &todo {
            let dst = root.join(&e.target);
            if let Some(parent) = dst.parent() {
                fs::create_dir_all(parent)
                    .map_err(|err| os(&cat::CANNOT_FINISH_WRITING, &e.target, &err))?;
            }
            fs::rename(dir.join(&e.staged), &dst)
                .map_err(|err| os(&cat::CANNOT_FINISH_WRITING, &e.target, &err))?;
            if let Some(parent) = dst.parent() {
                sync_dir(parent);
            }
        }
        let shown = Path::new(STATE_DIR).join(JOURNAL);
        fs::remove_file(&journal).map_err(|e| os(&cat::CANNOT_REMOVE, &shown, &e))?;
        sync_dir(&dir);
        msg = Some(Msg::new(&cat::FINISHED_WRITE).count("files", todo.len(), "file", "files"));
    }
    let tmp = dir.join(JOURNAL_TMP);
    if exists_no_follow(&tmp) {
        let shown = Path::new(STATE_DIR).join(JOURNAL_TMP);
        read_regular(&tmp).map_err(|e| untouched(on(&cat::FILE_WHY, &shown).msg("why", e)))?;
        fs::remove_file(&tmp).map_err(|e| os(&cat::CANNOT_REMOVE, &shown, &e))?;
    }
    if discard_staging(&dir)? && msg.is_none() {
        msg = Some(Msg::new(&cat::DISCARDED_WRITE));
    }
    Ok(msg)
}

/// A path that stays inside the register: relative, no `..`, no root.
pub fn safe_target(p: &Path) -> bool {
    crate::safety::inside(p)
}

/// The first existing folder at or above `root/rel`'s parent (inside the register); an existing entry
/// on the way that is not a folder (a file named `meetings`) is an error.
fn existing_parent(root: &Path, rel: &Path) -> Result<PathBuf, Msg> {
    let mut p = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    loop {
        if p.as_os_str().is_empty() {
            return Ok(p);
        }
        match fs::symlink_metadata(root.join(&p)) {
            Ok(m) if m.is_dir() => return Ok(p),
            Ok(_) => return Err(on(&cat::NOT_A_FOLDER, &p)),
            Err(_) => p = p.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }
}

/// Whether kbbt can create a file in `dir` (tried with a probe file, removed at once).
fn writable(dir: &Path) -> Result<(), std::io::Error> {
    let probe = dir.join(format!(".kbbt-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Everything that can be known before writing: each path is a register file, fits the file system,
/// has no link on the way, holds what was read, and its folder can be written.
fn preflight(root: &Path, changes: &[FileChange]) -> Result<(), Error> {
    own_state_dir(root)?;
    let mut seen = std::collections::HashSet::new();
    for c in changes {
        let shown = crate::term::inert(&c.path.display().to_string());
        let refuse = |why: Msg| {
            Msg::new(&cat::REFUSING_TO_WRITE)
                .text("file", shown.clone())
                .msg("why", why)
        };
        if !safe_target(&c.path) {
            return Err(refuse(Msg::new(&cat::OUTSIDE_REGISTER)).into());
        }
        if !crate::safety::register_file(&c.path) {
            return Err(refuse(Msg::new(&cat::NOT_REGISTER_FILE)).into());
        }
        if c.path
            .to_str()
            .is_some_and(|s| s.contains(['\t', '\n', '\r']))
        {
            return Err(refuse(Msg::new(&cat::NAME_HOLDS_CONTROL)).into());
        }
        if let Some(why) = crate::safety::name_problem(&c.path) {
            let m = Msg::new(&cat::CANNOT_WRITE_WHY).text("file", shown.clone());
            return Err(m.msg("why", why).into());
        }
        if !seen.insert(c.path.clone()) {
            return Err(Msg::new(&cat::WRITE_TWICE).text("file", shown).into());
        }
        if let Some(link) = crate::safety::link_on_path(root, &c.path) {
            return Err(refuse(on(&cat::LINK_ON_THE_WAY, &link)).into());
        }
    }
    check_unchanged(root, changes)?;
    let mut dirs = Vec::new();
    for c in changes {
        dirs.push(
            existing_parent(root, &c.path)
                .map_err(|e| on(&cat::CANNOT_WRITE_WHY, &c.path).msg("why", e))?,
        );
    }
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        writable(&root.join(&d)).map_err(|e| {
            let shown = if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d.as_path()
            };
            os(&cat::CANNOT_WRITE_IN, shown, &e)
        })?;
    }
    Ok(())
}

/// Each file still holds the text it had when read (or, for a new file, does not exist).
fn check_unchanged(root: &Path, changes: &[FileChange]) -> Result<(), Msg> {
    for c in changes {
        unchanged(root, c)?;
    }
    Ok(())
}

fn unchanged(root: &Path, c: &FileChange) -> Result<(), Msg> {
    let full = root.join(&c.path);
    match &c.old {
        Some(old) => {
            let now =
                read_regular(&full).map_err(|e| on(&cat::CANNOT_REREAD, &c.path).msg("why", e))?;
            if now.as_deref() != Some(old.as_bytes()) {
                return Err(on(&cat::CHANGED_ON_DISK, &c.path));
            }
        }
        None => {
            if exists_no_follow(&full) {
                return Err(on(&cat::ALREADY_EXISTS, &c.path));
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
pub fn commit_changes(root: &Path, changes: &[FileChange]) -> Result<(), Error> {
    let nothing = |e: Error| e.wrap(nothing_written);
    preflight(root, changes).map_err(nothing)?;
    let dir = root.join(STATE_DIR);
    // A leftover staging folder (recovery ran before this) is discarded only if it is kbbt's own.
    discard_staging(&dir).map_err(|e| nothing(e.into()))?;
    let staging = dir.join(STAGING);
    fs::create_dir_all(&staging)
        .map_err(|e| nothing(os(&cat::CANNOT_CREATE, &staging, &e).into()))?;
    let journal = match stage(&dir, changes) {
        Ok(j) => j,
        Err(e) => {
            undo(&dir);
            return Err(nothing(e.into()));
        }
    };
    let tmp = dir.join(JOURNAL_TMP);
    if let Err(e) = write_synced(&tmp, journal.as_bytes()) {
        undo(&dir);
        let why = Msg::new(&cat::CANNOT_WRITE_JOURNAL).os("cause", e.to_string());
        return Err(nothing(why.into()));
    }
    step();
    pause();
    // The files are checked again by content right before the commit point, after staging (which
    // takes the longest): an edit made meanwhile is kept, and nothing is written.
    if let Err(e) = check_unchanged(root, changes) {
        undo(&dir);
        return Err(nothing(Msg::new(&cat::RUN_AGAIN).msg("why", e).into()));
    }
    if let Err(e) = fs::rename(&tmp, dir.join(JOURNAL)) {
        undo(&dir);
        let why = Msg::new(&cat::CANNOT_COMMIT_JOURNAL).os("cause", e.to_string());
        return Err(nothing(why.into()));
    }
    sync_dir(&dir);
    step();
    // From here on the change is committed: recovery finishes it if we stop.
    for (i, c) in changes.iter().enumerate() {
        let dst = root.join(&c.path);
        if let Some(parent) = dst.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Error::new(
                    Msg::new(&cat::PARTLY_WRITTEN)
                        .msg("why", os(&cat::CANNOT_CREATE_FOLDER_OF, &c.path, &e))
                        .num("done", i)
                        .count("files", changes.len(), "file", "files"),
                )
                .with_hint(Msg::new(&cat::FIX_THEN_RECOVER))
            })?;
        }
        if let Err(e) = unchanged(root, c) {
            let why = Msg::new(&cat::WHILE_WRITING).msg("why", e);
            return Err(Error::new(
                Msg::new(&cat::PARTLY_WRITTEN)
                    .msg("why", why)
                    .num("done", i)
                    .count("files", changes.len(), "file", "files"),
            )
            .with_hint(Msg::new(&cat::RECOVER_FINISHES)));
        }
        fs::rename(staging.join(format!("{i}")), &dst).map_err(|e| {
            Error::new(
                Msg::new(&cat::PARTLY_WRITTEN)
                    .msg("why", os(&cat::CANNOT_WRITE_FILE, &c.path, &e))
                    .num("done", i)
                    .count("files", changes.len(), "file", "files"),
            )
            .with_hint(Msg::new(&cat::FIX_THEN_RECOVER))
        })?;
        if let Some(parent) = dst.parent() {
            sync_dir(parent);
        }
        step();
    }
    fs::remove_file(dir.join(JOURNAL))
        .map_err(|e| os(&cat::CANNOT_REMOVE, &Path::new(STATE_DIR).join(JOURNAL), &e))?;
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
pub fn keep_commit_message(root: &Path, message: &str) -> Result<PathBuf, Msg> {
    let rel = Path::new(STATE_DIR).join("COMMIT_MSG");
    if crate::safety::is_link(root, STATE_DIR) {
        return Err(Msg::new(&cat::MESSAGE_NOT_KEPT));
    }
    let cause = |e: std::io::Error| Msg::new(&cat::OS_ERROR).os("cause", e.to_string());
    fs::create_dir_all(root.join(STATE_DIR)).map_err(cause)?;
    write_output(&root.join(&rel), message.as_bytes()).map_err(cause)?;
    Ok(rel)
}

/// Write an output file (a document, a draft) whole or not at all: a synced temporary file beside
/// it, then renamed over it. The error is the operating system's.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), std::io::Error> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let tmp = dir.join(format!(
        ".{}.kbbt-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir);
    Ok(())
}

/// Stage every new text; returns the journal's text.
fn stage(dir: &Path, changes: &[FileChange]) -> Result<String, Msg> {
    let mut journal = format!("{JOURNAL_HEADER}\n");
    for (i, c) in changes.iter().enumerate() {
        let name = format!("{STAGING}/{i}");
        write_synced(&dir.join(&name), c.new.as_bytes())
            .map_err(|e| os(&cat::CANNOT_STAGE, &c.path, &e))?;
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

    /// The writer, its error as English text.
    fn commit(root: &Path, changes: &[FileChange]) -> Result<(), String> {
        commit_changes(root, changes).map_err(|e| e.to_string())
    }

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
        // The same refusal as a message, in Chinese with the path as it is.
        let e = commit_changes(
            d.path(),
            &[change("cases/a.yaml", Some("as read\n"), "new\n")],
        )
        .unwrap_err();
        assert_eq!(
            e.msg.render(crate::i18n::Lang::ZhTw),
            "kbbt 處理期間，cases/a.yaml 已在磁碟上遭修改；未寫入任何檔案"
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
        let msg = recover(d.path()).unwrap().unwrap().to_string();
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
        let msg = recover(d.path()).unwrap().unwrap().to_string();
        assert!(msg.contains("discarded"), "{msg}");
        assert!(!needs_recovery(d.path()));
        // A journal naming a path outside is not trusted, and nothing moves.
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::write(state.join("staging/0"), "x\n").unwrap();
        fs::write(
            state.join(JOURNAL),
            journal(&[("staging/0", "x\n", None, "../../etc/x.yaml")]),
        )
        .unwrap();
        let e = recover(d.path()).unwrap_err().to_string();
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
