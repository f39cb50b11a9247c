//! A case file: one cooperation case (合作案件) and its history.

use super::date::Date;
use crate::yaml::Sp;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Proposed,
    Ongoing,
    Delisted,
    Merged,
    Replaced,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Ongoing,
        Status::Delisted,
        Status::Merged,
        Status::Replaced,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Ongoing => "ongoing",
            Status::Delisted => "delisted",
            Status::Merged => "merged",
            Status::Replaced => "replaced",
        }
    }
    /// A status as a user types it: the English word, or the documents' Chinese term (持續列管 or
    /// 列管中, 解列, 併案, 被取代, 提案; also the column headings of `status` under zh-TW: 已解列, 已整併, 已改列).
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "持續列管" | "列管中" => Some(Status::Ongoing),
            "解列" | "已解列" => Some(Status::Delisted),
            "併案" | "已整併" => Some(Status::Merged),
            "被取代" | "已改列" => Some(Status::Replaced),
            "提案" => Some(Status::Proposed),
            _ => Status::ALL.into_iter().find(|x| x.as_str() == s),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Add,
    Subcase,
    Relist,
    Seen,
    Propose,
    Delist,
    Replace,
    Merge,
    Absorb,
    Rename,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::Add,
        Action::Subcase,
        Action::Relist,
        Action::Seen,
        Action::Propose,
        Action::Delist,
        Action::Replace,
        Action::Merge,
        Action::Absorb,
        Action::Rename,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Subcase => "subcase",
            Action::Relist => "relist",
            Action::Seen => "seen",
            Action::Propose => "propose",
            Action::Delist => "delist",
            Action::Replace => "replace",
            Action::Merge => "merge",
            Action::Absorb => "absorb",
            Action::Rename => "rename",
        }
    }
    /// The status a case has after this action, or `None` when the action leaves it unchanged.
    pub fn status_after(self) -> Option<Status> {
        match self {
            Action::Add | Action::Subcase | Action::Relist | Action::Seen => Some(Status::Ongoing),
            Action::Propose => Some(Status::Proposed),
            Action::Delist => Some(Status::Delisted),
            Action::Replace => Some(Status::Replaced),
            Action::Merge => Some(Status::Merged),
            Action::Absorb | Action::Rename => None,
        }
    }
    /// Whether an entry of this action must name a meeting even when it has a `source`.
    /// A `seen` never does; other decisions may come from a document that is not a meeting's
    /// minutes (a progress report's 「…併入本項辦理」), and then name that document as `source`.
    pub fn needs_meeting(self) -> bool {
        self != Action::Seen
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    /// For a decision whose date no document gives: the latest day it can have happened (the
    /// date of the document that reports it). It counts from that day.
    #[serde(default)]
    pub not_after: Option<Sp<Date>>,
    #[serde(default)]
    pub meeting: Option<Sp<String>>,
    pub action: Sp<Action>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub as_of: Sp<Date>,
    /// Empty when the register was loaded without progress texts (see [`without_progress_texts`]).
    #[serde(deserialize_with = "progress_text")]
    pub text: String,
    /// Planned progress on `as_of`, in percent (預定進度), when the report gives one.
    #[serde(default)]
    pub planned: Option<Sp<Percent>>,
    /// Actual progress on `as_of`, in percent (實際進度).
    #[serde(default)]
    pub actual: Option<Sp<Percent>>,
}

thread_local! {
    static SKIP_PROGRESS_TEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` (a parse on this thread) without keeping progress texts: each is read and checked as a
/// string exactly as it would be kept, then left out. For commands that never show them.
pub fn without_progress_texts<R>(skip: bool, f: impl FnOnce() -> R) -> R {
    let before = SKIP_PROGRESS_TEXT.replace(skip);
    let r = f();
    SKIP_PROGRESS_TEXT.set(before);
    r
}

/// A progress text, or an empty one when texts are skipped. The same input is accepted either way:
/// the skipping visitor takes what `String`'s own visitor takes.
fn progress_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Skip;
    impl serde::de::Visitor<'_> for Skip {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_string<E: serde::de::Error>(self, _: String) -> Result<(), E> {
            Ok(())
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<(), E> {
            std::str::from_utf8(v)
                .map(|_| ())
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
        }
        fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<(), E> {
            self.visit_bytes(&v)
        }
    }
    if SKIP_PROGRESS_TEXT.get() {
        d.deserialize_string(Skip).map(|()| String::new())
    } else {
        String::deserialize(d)
    }
}

/// A percentage, 0 to 100, with at most one decimal as reports write them (83, 83.5).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(pub f64);

impl Eq for Percent {}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if v.is_finite() && (0.0..=100.0).contains(&v) {
            Ok(Percent(v))
        } else {
            Err(serde::de::Error::custom(format!(
                "a percentage is a number from 0 to 100, not {v}"
            )))
        }
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 {
            write!(f, "{:.0}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// A milestone of a case: what is due when, and the day it was met.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub due: Sp<Date>,
    pub text: String,
    /// The day it was met; absent while it is not.
    #[serde(default)]
    pub done: Option<Sp<Date>>,
    /// Where the milestone comes from (e.g. the progress report whose text states it).
    #[serde(default)]
    pub source: Option<String>,
}

impl Milestone {
    /// Met on or before `date`.
    pub fn done_by(&self, date: Date) -> bool {
        self.done.as_ref().is_some_and(|d| d.value <= date)
    }
    /// Past due on `date` and not met by then.
    pub fn overdue_on(&self, date: Date) -> bool {
        self.due.value < date && !self.done_by(date)
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: Sp<String>,
    pub title: Sp<String>,
    #[serde(default)]
    pub aliases: Vec<Sp<String>>,
    pub group: Sp<String>,
    #[serde(default)]
    pub lead: Option<Sp<String>>,
    #[serde(default)]
    pub partners: Vec<Sp<String>>,
    #[serde(default)]
    pub topics: Vec<Sp<String>>,
    #[serde(default)]
    pub parent: Option<Sp<String>>,
    pub status: Sp<Status>,
    #[serde(default)]
    pub replaces: Vec<Sp<String>>,
    #[serde(default)]
    pub replaced_by: Vec<Sp<String>>,
    #[serde(default)]
    pub merged_into: Option<Sp<String>>,
    #[serde(default)]
    pub merged_from: Vec<Sp<String>>,
    #[serde(default)]
    pub history: Vec<Sp<HistoryEntry>>,
    #[serde(default)]
    pub progress: Vec<Progress>,
    /// Milestones (里程碑), in date order.
    #[serde(default)]
    pub milestones: Vec<Sp<Milestone>>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub approach: Option<String>,
    #[serde(default)]
    pub benefits: Option<String>,
    #[serde(default)]
    pub ministries: Vec<String>,
    #[serde(default)]
    pub contact: Option<String>,
}

impl Case {
    /// The status the history implies: that of the last status-changing entry.
    pub fn status_from_history(&self) -> Option<(Status, usize)> {
        self.history
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, e)| e.action.status_after().map(|s| (s, i)))
    }
    /// The latest progress entry on or before `date` (or the latest of all).
    pub fn latest_progress(&self, on_or_before: Option<Date>) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| on_or_before.is_none_or(|d| p.as_of.value <= d))
            .max_by_key(|p| p.as_of.value)
    }
    /// Whether a source that lists cases on `date` names this case: it has progress as of that
    /// day, or was first seen in it.
    pub fn listed_on(&self, date: Date) -> bool {
        self.progress.iter().any(|p| p.as_of.value == date)
            || self.history.iter().any(|e| {
                e.action.value == Action::Seen && e.date.as_ref().is_some_and(|d| d.value == date)
            })
    }
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.value.as_str())
            .chain(self.aliases.iter().map(|a| a.value.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "id: TR-001\ntitle: 汐東捷運線\ngroup: 交通組\nstatus: ongoing\nprogress:\n  - as_of: 2025-01-01\n    text: |\n      已完成綜合規劃。\n";

    #[test]
    fn progress_texts_can_be_left_out_but_are_still_checked() {
        let kept: Case = crate::yaml::parse(CASE).unwrap();
        assert_eq!(kept.progress[0].text, "已完成綜合規劃。\n");
        let lean: Case = without_progress_texts(true, || crate::yaml::parse(CASE)).unwrap();
        assert_eq!(lean.progress[0].text, "");
        assert_eq!(lean.progress[0].as_of, kept.progress[0].as_of);
        // The flag is restored afterwards.
        let again: Case = crate::yaml::parse(CASE).unwrap();
        assert_eq!(again, kept);
        // What a kept text rejects, a skipped one rejects too.
        let bad = CASE.replace("text: |\n      已完成綜合規劃。\n", "text: { a: 1 }\n");
        assert!(crate::yaml::parse::<Case>(&bad).is_err());
        assert!(without_progress_texts(true, || crate::yaml::parse::<Case>(&bad)).is_err());
    }
}
