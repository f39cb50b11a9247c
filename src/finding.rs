//! Findings: problems as values. Every check returns them; nothing stops at the first one.

use crate::yaml::Pos;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
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
    pub severity: Severity,
    /// A stable short name of the rule, e.g. `unknown-group` (used in JSON output).
    pub code: &'static str,
    pub file: PathBuf,
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
}

impl Finding {
    pub fn error(code: &'static str, file: &Path, pos: Pos, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            file: file.to_path_buf(),
            pos,
            message: message.into(),
            hint: None,
        }
    }
    pub fn warning(code: &'static str, file: &Path, pos: Pos, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, file, pos, message)
        }
    }
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    #[must_use]
    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
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
