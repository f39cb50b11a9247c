#![deny(missing_docs)]
//! kbbt: the register of a cooperation platform's cases, kept as YAML files.
//!
//! The flow is one way: `load` reads → `model` parses → `check` checks → `apply` plans →
//! `write` writes, or `render` renders. Only `load` reads the register and only `write` writes it;
//! everything between is pure.

pub mod apply;
pub mod canon;
pub mod catalog;
pub mod check;
pub mod decisions;
pub mod diff;
pub mod edit;
pub mod exit;
pub mod filter;
pub mod finding;
pub mod follow;
pub mod git;
pub mod i18n;
pub mod import;
pub mod index;
pub mod load;
pub mod minutes_in;
pub mod model;
pub mod modeline;
pub mod msg;
pub mod plural;
pub mod render;
pub mod report;
pub mod safety;
pub mod schema;
pub mod sheet;
pub mod suggest;
pub mod tally;
pub mod term;
pub mod write;
pub mod yaml;

#[cfg(test)]
mod unit_tests;

/// The result of a scoped thread; a panic in it goes on in the thread that joins it.
pub(crate) fn joined<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}
