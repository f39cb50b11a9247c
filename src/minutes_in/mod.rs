//! `kbbt import minutes`: from the minutes' decision section (決議事項) to a draft meeting file.
//!
//! The inverse of `kbbt minutes`. Three pure steps: [`read`] turns a document (.txt, .docx, .odt)
//! into lines as a reader sees them; [`parse`] finds the header and each group's decisions in the
//! minutes' fixed phrasing; [`draft`] resolves the names against the register and writes the draft
//! in the canonical layout, every sentence it could not read kept as a comment with its line number.

pub mod draft;
pub mod parse;
pub mod read;
