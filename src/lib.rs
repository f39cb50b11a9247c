//! kbbt: the register of a cooperation platform's cases, kept as YAML files.
//!
//! The flow is one way: `load` reads → `model` parses → `check` checks → `apply` plans →
//! `write` writes, or `render` renders. Only `load` reads the register and only `write` writes it;
//! everything between is pure.

pub mod apply;
pub mod canon;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod edit;
pub mod finding;
pub mod i18n;
pub mod import;
pub mod index;
pub mod load;
pub mod minutes_in;
pub mod model;
pub mod render;
pub mod schema;
pub mod tally;
pub mod write;
pub mod yaml;
