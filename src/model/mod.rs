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

/// A short name the register repeats in every case: an id (`TR-003`), a group (交通組), a member
/// city (臺北市), a meeting id (`vm-3`). Up to 24 bytes (eight Chinese characters) it is kept inline,
/// without an allocation of its own: a large register holds about ten per case.
pub type Name = compact_str::CompactString;
pub use meeting::{
    DecisionKind, DiscrepancyKind, GroupDecisions, Instruction, Known, Meeting, NewCase,
    NewCaseMore, Ref, Stated, Statement, Target,
};
pub use platform::{GroupDef, Listing, Platform};
pub use register::{Doc, Register};
