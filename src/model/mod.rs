//! The data model: platform, cases, meetings, dates and names. No I/O here.

pub mod case;
pub mod date;
pub mod meeting;
pub mod names;
pub mod platform;
pub mod register;

pub use case::{
    Action, Case, CaseFields, HistoryEntry, Milestone, Percent, Progress, Rare, Status,
    without_texts,
};
pub use date::{Date, parse_date};
pub use meeting::{
    DecisionKind, DiscrepancyKind, GroupDecisions, Instruction, Known, Meeting, NewCase, Ref,
    Stated, Statement, Target,
};
pub use platform::{GroupDef, Listing, Platform};
pub use register::{Doc, Register};
