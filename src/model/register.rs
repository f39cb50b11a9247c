//! The register as the rest of kbbt sees it: every file, parsed, with its place and text.

use super::{Case, Meeting, Platform};
use std::path::PathBuf;

/// A parsed file: where it is, the text it had when read, and its value.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// Path relative to the register root.
    pub path: PathBuf,
    /// The text as read (empty when a read-only command dropped it to save memory).
    pub text: String,
    /// The parsed value.
    pub value: T,
}

/// A whole register: its platform, cases and meetings, in the order they were read.
#[derive(Debug, Clone)]
pub struct Register {
    /// The register's root folder, the one holding `platform.yaml`.
    pub root: PathBuf,
    /// `platform.yaml`.
    pub platform: Doc<Platform>,
    /// The case files, from `cases/`.
    pub cases: Vec<Doc<Case>>,
    /// The meeting files, from `meetings/`.
    pub meetings: Vec<Doc<Meeting>>,
}
