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
    pub value: T,
}

/// A whole register: its platform, cases and meetings, in the order they were read.
#[derive(Debug, Clone)]
pub struct Register {
    pub root: PathBuf,
    pub platform: Doc<Platform>,
    pub cases: Vec<Doc<Case>>,
    pub meetings: Vec<Doc<Meeting>>,
}
