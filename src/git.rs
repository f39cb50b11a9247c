//! Every git call kbbt makes, behind a small typed API: is the register in a work tree, which of its
//! files have uncommitted changes, and commit exactly these files.
//!
//! git is optional: a register outside a work tree (or a machine without git) is never an error for
//! the dirty check. Failures of a git command kbbt was asked to run travel as [`anyhow::Error`] holding
//! a [`Msg`] (the command named, git's own words verbatim), for the caller to put into its own message.

use crate::catalog as cat;
use crate::msg::Msg;
use anyhow::{Context, Result};
use std::path::Path;
use std::process::{Command, Output};

/// Run `git -C root ARGS…`; an error only when git itself could not be started.
fn git(root: &Path, args: &[&str]) -> Result<Output> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .context(Msg::new(&cat::GIT_COULD_NOT_RUN))
}

/// Whether git knows who commits in this work tree (`user.name` and `user.email`, or the
/// environment): `git var GIT_COMMITTER_IDENT` fails when it does not. The error is git's own words.
pub fn identity(root: &Path) -> Result<()> {
    let o = git(root, &["var", "GIT_COMMITTER_IDENT"])?;
    if !o.status.success() {
        let said = String::from_utf8_lossy(&o.stderr);
        let why = match said.lines().find(|l| !l.trim().is_empty()) {
            Some(l) => Msg::new(&cat::ITEMS).text("items", l.trim()),
            None => Msg::new(&cat::NO_GIT_USER),
        };
        let msg = Msg::new(&cat::GIT_NO_IDENTITY).msg("why", why);
        return Err(anyhow::Error::msg(msg));
    }
    Ok(())
}

/// Whether git can be run at all (it is on PATH and answers).
pub fn available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Where the register sits in its git work tree: the path of its root from the top of the work tree
/// (`""` at the top, `sub/dir/` below it), or `None` when it is not in a work tree or git is missing.
pub fn prefix(root: &Path) -> Option<String> {
    let inside = git(root, &["rev-parse", "--is-inside-work-tree"]).ok()?;
    if !(inside.status.success() && inside.stdout.starts_with(b"true")) {
        return None;
    }
    let o = git(root, &["rev-parse", "--show-prefix"]).ok()?;
    Some(String::from_utf8_lossy(&o.stdout).trim().to_string())
}

/// Files under `paths` (relative to the register root) that are modified, staged, deleted or
/// untracked, as `git status --porcelain` names them: from the top of the work tree (see [`prefix`]),
/// in double quotes when git quotes the name. Empty when git cannot tell.
pub fn uncommitted(root: &Path, paths: &[&str]) -> Vec<String> {
    let mut args = vec!["status", "--porcelain", "--untracked-files=all", "--"];
    args.extend_from_slice(paths);
    let Ok(o) = git(root, &args) else {
        return vec![];
    };
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| l.len() > 3)
        .map(|l| l[3..].to_string())
        .collect()
}

/// `git add` then `git commit` of exactly `files` (relative to the register root), with `message`.
/// The error names the step that failed and git's own words.
pub fn commit(root: &Path, files: &[String], message: &str) -> Result<()> {
    let mut add = vec!["add", "--"];
    add.extend(files.iter().map(String::as_str));
    let mut commit = vec!["commit", "-q", "-m", message, "--"];
    commit.extend(files.iter().map(String::as_str));
    for args in [add, commit] {
        let o = git(root, &args)?;
        if !o.status.success() {
            let msg = Msg::new(&cat::GIT_STEP_FAILED)
                .text("step", args[0])
                .text("why", String::from_utf8_lossy(&o.stderr).trim());
            return Err(anyhow::Error::msg(msg));
        }
    }
    Ok(())
}

/// One commit that touched a file: its hash, author, date (YYYY-MM-DD) and subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCommit {
    /// The commit's abbreviated hash.
    pub hash: String,
    /// The author's name.
    pub author: String,
    /// The author date, `YYYY-MM-DD`.
    pub date: String,
    /// The first line of the commit message.
    pub subject: String,
}

/// The commits that touched `path` (relative to the register root), newest first, following
/// renames. Empty when the register is not in a work tree or git is missing.
pub fn file_log(root: &Path, path: &Path) -> Vec<FileCommit> {
    let Some(p) = path.to_str() else {
        return vec![];
    };
    let Ok(o) = git(
        root,
        &[
            "log",
            "--follow",
            "--date=short",
            "--format=%h%x1f%an%x1f%ad%x1f%s",
            "--",
            p,
        ],
    ) else {
        return vec![];
    };
    if !o.status.success() {
        return vec![];
    }
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\u{1f}');
            Some(FileCommit {
                hash: f.next()?.to_string(),
                author: f.next()?.to_string(),
                date: f.next()?.to_string(),
                subject: f.next()?.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(dir: &Path, args: &[&str]) {
        let ok = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "git {args:?}");
    }

    fn repo() -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("a temporary folder");
        run(d.path(), &["init", "-q"]);
        run(d.path(), &["config", "user.name", "kbbt test"]);
        run(d.path(), &["config", "user.email", "test@kbbt.invalid"]);
        d
    }

    #[test]
    fn outside_a_work_tree_there_is_no_prefix_and_nothing_uncommitted() {
        let d = tempfile::tempdir().expect("a temporary folder");
        assert_eq!(prefix(d.path()), None);
        std::fs::write(d.path().join("a.yaml"), "x").expect("write");
        assert!(uncommitted(d.path(), &["a.yaml"]).is_empty());
    }

    #[test]
    fn a_register_below_the_top_has_its_prefix_and_untracked_files_are_uncommitted() {
        let d = repo();
        let sub = d.path().join("reg");
        std::fs::create_dir_all(sub.join("cases")).expect("folders");
        assert_eq!(prefix(&sub).as_deref(), Some("reg/"));
        assert_eq!(prefix(d.path()).as_deref(), Some(""));
        std::fs::write(sub.join("cases/a.yaml"), "x").expect("write");
        std::fs::write(sub.join("other.txt"), "x").expect("write");
        assert_eq!(uncommitted(&sub, &["cases"]), ["reg/cases/a.yaml"]);
    }

    #[test]
    fn commit_adds_exactly_the_files_and_clears_them() {
        let d = repo();
        std::fs::write(d.path().join("a.yaml"), "x").expect("write");
        std::fs::write(d.path().join("b.yaml"), "y").expect("write");
        commit(d.path(), &["a.yaml".to_string()], "Apply vm-1").expect("committed");
        assert_eq!(uncommitted(d.path(), &["."]), ["b.yaml"]);
    }

    #[test]
    fn a_failing_step_is_named_with_gits_words() {
        let d = tempfile::tempdir().expect("a temporary folder");
        let e = commit(d.path(), &["a.yaml".to_string()], "m").expect_err("not a repository");
        let msg = e.to_string();
        assert!(msg.starts_with("git add failed: "), "{msg}");
        assert!(msg.contains("not a git repository"), "{msg}");
    }
}
