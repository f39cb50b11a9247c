//! Findings: problems as values. Every check returns them; nothing stops at the first one.

use crate::msg::Msg;
use crate::yaml::Pos;
use std::path::{Path, PathBuf};

/// How bad a finding is: an error makes `validate` fail; a warning is printed only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something is wrong: `validate` fails (exit 1).
    Error,
    /// Worth a look, not wrong: `validate` still succeeds.
    Warning,
}

impl Severity {
    /// The severity as output writes it (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, with the file (relative to the register root) and the place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Whether it is an error or a warning.
    pub severity: Severity,
    /// A stable short name of the rule, e.g. `unknown-group` (used in JSON output).
    pub code: &'static str,
    /// The file, relative to the register root.
    pub file: PathBuf,
    /// The place in the file (`Pos::NONE` when it is about the file as a whole).
    pub pos: Pos,
    /// What is wrong, for people: a message rendered in their language when printed.
    pub message: Msg,
    /// What to do about it (printed as `hint:`), when kbbt can tell.
    pub hint: Option<Msg>,
    /// The finding this one follows from (a count that is wrong because a case file failed to load):
    /// text and GitHub output show it folded under its cause; JSON keeps it with `caused_by`.
    pub caused_by: Option<Box<Cause>>,
}

/// Where the finding another follows from is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cause {
    /// The file, relative to the register root.
    pub file: PathBuf,
    /// The place in the file.
    pub pos: Pos,
}

impl Finding {
    /// An error of rule `code` at `pos` in `file`.
    pub fn error(code: &'static str, file: &Path, pos: Pos, message: impl Into<Msg>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            file: file.to_path_buf(),
            pos,
            message: message.into(),
            hint: None,
            caused_by: None,
        }
    }
    /// A warning of rule `code` at `pos` in `file`.
    pub fn warning(code: &'static str, file: &Path, pos: Pos, message: impl Into<Msg>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, file, pos, message)
        }
    }
    /// The same finding with a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<Msg>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// The same finding with the hint given as a message, or none.
    #[must_use]
    pub fn with_hint_msg(mut self, hint: Option<Msg>) -> Self {
        self.hint = hint;
        self
    }
    /// Whether it is an error (a warning is not).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sort findings by file, then place, then message, so output is stable.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
    });
}

/// Codes of the findings a case file that failed to load brings about elsewhere: its case is missing
/// from every count, from the replay of the meetings and from the references to it.
const FOLLOWERS: &[&str] = &[
    "stated-count",
    "discrepancy",
    "statement",
    "not-applied",
    "unknown-reference",
    "one-way-link",
];

/// Mark the findings that follow from a case file that failed to load (`failed`: each such file, with
/// the place of its first error). A finding follows from a file when it names the file's case id (its
/// file name), else when it names the group of that id's code (`groups`: name and code), else when it
/// names no group at all (the totals, all-time numbers) and then from the first such file. A finding in a
/// group no failed file belongs to is left alone: it is a problem of its own.
pub fn fold_cascades(findings: &mut [Finding], failed: &[Cause], groups: &[(String, String)]) {
    if failed.is_empty() {
        return;
    }
    let ids: Vec<(String, &Cause)> = failed
        .iter()
        .filter_map(|c| Some((c.file.file_stem()?.to_str()?.to_string(), c)))
        .collect();
    let names_id = |m: &str, id: &str| {
        m.match_indices(id).any(|(i, _)| {
            let before = m[..i].chars().next_back();
            let after = m[i + id.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    for f in findings.iter_mut() {
        if !FOLLOWERS.contains(&f.code)
            || f.caused_by.is_some()
            || failed.iter().any(|c| c.file == f.file)
        {
            continue;
        }
        let message = f.message.to_string();
        let hint = f.hint.as_ref().map(Msg::to_string).unwrap_or_default();
        let text = format!("{message} {hint}");
        let by_id = ids.iter().find(|(id, _)| names_id(&text, id)).map(|x| x.1);
        let named: Vec<&str> = groups
            .iter()
            .filter(|(name, _)| message.contains(name.as_str()))
            .map(|(_, code)| code.as_str())
            .collect();
        let by_group = || {
            ids.iter()
                .find(|(id, _)| {
                    named
                        .iter()
                        .any(|code| id.strip_prefix(code).is_some_and(|r| r.starts_with('-')))
                })
                .map(|x| x.1)
        };
        let cause = by_id
            .or_else(by_group)
            .or_else(|| named.is_empty().then(|| &failed[0]));
        f.caused_by = cause.cloned().map(Box::new);
    }
}
