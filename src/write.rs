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
    pub path: PathBuf,
    pub old: Option<String>,
    pub new: String,
}

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

/// Holds the register's write lock until dropped.
pub struct Lock {
    _file: File,
}

/// Take the register's lock, waiting up to `wait` for another kbbt to finish.
pub fn lock(root: &Path, wait: Duration) -> Result<Lock, String> {
    let dir = root.join(STATE_DIR);
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
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Whether a write was interrupted and must be finished.
pub fn needs_recovery(root: &Path) -> bool {
    let d = root.join(STATE_DIR);
    d.join(JOURNAL).exists() || d.join(STAGING).exists() || d.join("journal.tmp").exists()
}

/// Finish an interrupted write (roll forward) or discard one that never reached its commit point.
/// Call with the lock held. Returns what was done, if anything.
pub fn recover(root: &Path) -> Result<Option<String>, String> {
    let dir = root.join(STATE_DIR);
    let journal = dir.join(JOURNAL);
    let staging = dir.join(STAGING);
    let mut msg = None;
    if journal.exists() {
        let text = fs::read_to_string(&journal)
            .map_err(|e| format!("cannot read {}: {e}", journal.display()))?;
        let mut lines = text.lines();
        if lines.next() != Some("kbbt-journal 1") || text.lines().last() != Some("end") {
            return Err(format!(
                "{} is damaged; restore the register from git and delete it",
                journal.display()
            ));
        }
        let mut n = 0;
        for line in lines {
            if line == "end" {
                break;
            }
            let (staged, target) = line
                .split_once('\t')
                .ok_or_else(|| format!("{} is damaged", journal.display()))?;
            let (src, dst) = (dir.join(staged), root.join(target));
            if !safe_target(Path::new(target)) {
                return Err(format!(
                    "{} names a path outside the register",
                    journal.display()
                ));
            }
            if src.exists() {
                if let Some(parent) = dst.parent() {
                    fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                fs::rename(&src, &dst)
                    .map_err(|e| format!("cannot finish writing {target}: {e}"))?;
                if let Some(parent) = dst.parent() {
                    sync_dir(parent);
                }
                n += 1;
            }
        }
        fs::remove_file(&journal).map_err(|e| e.to_string())?;
        sync_dir(&dir);
        msg = Some(format!(
            "finished an interrupted write ({})",
            crate::plural::count(n, "file")
        ));
    }
    let _ = fs::remove_file(dir.join("journal.tmp"));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| e.to_string())?;
        sync_dir(&dir);
        if msg.is_none() {
            msg = Some("discarded an interrupted write that had not started changing files".into());
        }
    }
    Ok(msg)
}

/// A path that stays inside the register: relative, no `..`, no root.
pub fn safe_target(p: &Path) -> bool {
    !p.as_os_str().is_empty()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Write every change, all or nothing. Call with the lock held. Each file must still hold the text
/// it had when read (or, for a new file, not exist).
pub fn commit(root: &Path, changes: &[FileChange]) -> Result<(), String> {
    for c in changes {
        if !safe_target(&c.path) {
            return Err(format!(
                "refusing to write {}: it is outside the register",
                c.path.display()
            ));
        }
        let full = root.join(&c.path);
        match &c.old {
            Some(old) => {
                let now = fs::read(&full)
                    .map_err(|e| format!("cannot re-read {}: {e}", c.path.display()))?;
                if now != old.as_bytes() {
                    return Err(format!(
                        "{} changed on disk while kbbt was working; nothing was written, run the command again",
                        c.path.display()
                    ));
                }
            }
            None => {
                if full.exists() {
                    return Err(format!(
                        "{} already exists; nothing was written",
                        c.path.display()
                    ));
                }
            }
        }
    }
    let dir = root.join(STATE_DIR);
    let staging = dir.join(STAGING);
    fs::create_dir_all(&staging)
        .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    let mut journal = String::from("kbbt-journal 1\n");
    for (i, c) in changes.iter().enumerate() {
        let name = PathBuf::from(STAGING).join(format!("{i}"));
        write_synced(&dir.join(&name), c.new.as_bytes())
            .map_err(|e| format!("cannot stage {}: {e}", c.path.display()))?;
        journal.push_str(&format!("{}\t{}\n", name.display(), c.path.display()));
        step();
    }
    journal.push_str("end\n");
    sync_dir(&staging);
    let tmp = dir.join("journal.tmp");
    write_synced(&tmp, journal.as_bytes()).map_err(|e| format!("cannot write the journal: {e}"))?;
    step();
    fs::rename(&tmp, dir.join(JOURNAL)).map_err(|e| format!("cannot commit the journal: {e}"))?;
    sync_dir(&dir);
    step();
    // From here on the change is committed: recovery finishes it if we stop.
    for (i, c) in changes.iter().enumerate() {
        let dst = root.join(&c.path);
        if let Some(parent) = dst.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::rename(staging.join(format!("{i}")), &dst)
            .map_err(|e| format!("cannot write {}: {e}", c.path.display()))?;
        if let Some(parent) = dst.parent() {
            sync_dir(parent);
        }
        step();
    }
    fs::remove_file(dir.join(JOURNAL)).map_err(|e| e.to_string())?;
    sync_dir(&dir);
    step();
    let _ = fs::remove_dir_all(&staging);
    Ok(())
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
        fs::write(d.path().join("a.yaml"), "edited by someone else\n").unwrap();
        let e = commit(d.path(), &[change("a.yaml", Some("as read\n"), "new\n")]).unwrap_err();
        assert!(e.contains("a.yaml changed on disk"), "{e}");
        assert_eq!(
            fs::read_to_string(d.path().join("a.yaml")).unwrap(),
            "edited by someone else\n"
        );
        fs::write(d.path().join("b.yaml"), "exists\n").unwrap();
        let e = commit(d.path(), &[change("b.yaml", None, "new\n")]).unwrap_err();
        assert!(e.contains("already exists"), "{e}");
    }

    #[test]
    fn paths_outside_the_register_are_refused() {
        let d = tempfile::tempdir().unwrap();
        for p in ["../x.yaml", "/etc/x", "cases/../../x", ""] {
            assert!(commit(d.path(), &[change(p, None, "x")]).is_err(), "{p}");
        }
    }

    #[test]
    fn recovery_rolls_a_committed_journal_forward_and_discards_staging() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join(STATE_DIR);
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::write(state.join("staging/0"), "after\n").unwrap();
        fs::write(d.path().join("a.yaml"), "before\n").unwrap();
        fs::write(
            state.join(JOURNAL),
            "kbbt-journal 1\nstaging/0\tcases/X/a.yaml\nend\n",
        )
        .unwrap();
        assert!(needs_recovery(d.path()));
        let msg = recover(d.path()).unwrap().unwrap();
        assert!(
            msg.contains("finished an interrupted write (1 file)"),
            "{msg}"
        );
        assert_eq!(
            fs::read_to_string(d.path().join("cases/X/a.yaml")).unwrap(),
            "after\n"
        );
        assert!(!needs_recovery(d.path()));
        // Staging without a journal never reached the commit point: it is discarded.
        fs::create_dir_all(state.join(STAGING)).unwrap();
        fs::write(state.join("staging/0"), "half\n").unwrap();
        assert!(recover(d.path()).unwrap().unwrap().contains("discarded"));
        assert!(!needs_recovery(d.path()));
        // A damaged journal is not trusted.
        fs::write(
            state.join(JOURNAL),
            "kbbt-journal 1\nstaging/0\t../../etc/x\nend\n",
        )
        .unwrap();
        assert!(recover(d.path()).is_err());
    }
}
