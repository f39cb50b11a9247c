//! The data model: platform, cases, meetings, dates and names. No I/O here.

pub mod case;
pub mod date;
pub mod meeting;
pub mod names;
pub mod platform;

pub use case::{Action, Case, HistoryEntry, Progress, Status};
pub use date::{Date, parse_date};
pub use meeting::{GroupDecisions, Meeting, NewCase, Ref, Target};
pub use platform::{GroupDef, Platform};
