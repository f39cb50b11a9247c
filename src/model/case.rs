//! A case file: one cooperation case (合作案件) and its history.

use super::Name;
use super::date::Date;
use crate::yaml::Sp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a case stands (`status:`), as its last status-changing history entry leaves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Raised (提案 / 臨時動議) but not taken up for tracking.
    Proposed,
    /// Tracked (列管): added, or relisted, and not yet ended.
    Ongoing,
    /// Tracking ended (同意解列 / 解除列管).
    Delisted,
    /// Merged into another case (`merged_into`).
    Merged,
    /// Replaced by other cases (`replaced_by`).
    Replaced,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Ongoing,
        Status::Delisted,
        Status::Merged,
        Status::Replaced,
    ];
    /// The status as YAML writes it (`ongoing`).
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

/// What a history entry records happened to a case (`action:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Added to the tracked cases (同意新增), also as a replacement or as a new merge target.
    Add,
    /// Added as a sub-case (子案) under the case's `parent`.
    Subcase,
    /// Tracked again after a delist.
    Relist,
    /// Tracked, though no document in the register records the decision that added it.
    Seen,
    /// Proposed (提案 / 臨時動議), not tracked.
    Propose,
    /// Tracking ended (同意解列 / 解除列管).
    Delist,
    /// Replaced by the cases in `replaced_by`.
    Replace,
    /// Merged into the case in `merged_into`.
    Merge,
    /// Another case was merged into this one; the status stays.
    Absorb,
    /// Renamed: the old title is kept in `aliases`; the status stays.
    Rename,
}

impl Action {
    /// Every action.
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
    /// The action as YAML writes it (`delist`).
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

/// One decision that touched a case, an item of `history:`:
/// `{ date: 2023-07-27, meeting: vm-1, action: add }`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// The day of the decision: the meeting's date when `meeting` is given.
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    /// For a decision whose date no document gives: the latest day it can have happened (the
    /// date of the document that reports it). It counts from that day.
    #[serde(default)]
    pub not_after: Option<Sp<Date>>,
    /// The id of the meeting that decided it (`vm-3`).
    #[serde(default)]
    pub meeting: Option<Sp<Name>>,
    /// What happened to the case.
    pub action: Sp<Action>,
    /// Free text about the decision, e.g. 原「捷運路網擴建」改列 (empty when not kept, see
    /// [`without_texts`]).
    #[serde(default, deserialize_with = "optional_text")]
    pub note: Option<String>,
    /// The document that states the decision, when it is not a meeting's minutes (or for a `seen`;
    /// empty when not kept).
    #[serde(default, deserialize_with = "optional_text")]
    pub source: Option<String>,
}

/// One progress entry (辦理情形) of a case, as a report gives it on a day.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The day the report states the progress as of (資料時間).
    pub as_of: Sp<Date>,
    /// Empty when the register was loaded without texts (see [`without_texts`]).
    #[serde(deserialize_with = "text")]
    pub text: String,
    /// Planned progress on `as_of`, in percent (預定進度), when the report gives one.
    #[serde(default)]
    pub planned: Option<Sp<Percent>>,
    /// Actual progress on `as_of`, in percent (實際進度).
    #[serde(default)]
    pub actual: Option<Sp<Percent>>,
}

thread_local! {
    static SKIP_TEXTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` (a parse on this thread) without keeping the texts that no check, tally or table reads:
/// progress texts, history notes and sources, and a case's `sources`, `notes` and `contact`. Each is
/// read and checked as a string exactly as it would be kept, then left out: an empty string stands
/// in its place, so a field that was there is still there (a history entry's `source` is checked
/// for being given) and a list keeps its length. For commands that never show them.
pub fn without_texts<R>(skip: bool, f: impl FnOnce() -> R) -> R {
    let before = SKIP_TEXTS.replace(skip);
    let r = f();
    SKIP_TEXTS.set(before);
    r
}

/// `c` with every text [`without_texts`] leaves out emptied: what a lean read of the same file gives.
#[cfg(test)]
pub(crate) fn texts_emptied(mut c: Case) -> Case {
    c.progress.iter_mut().for_each(|p| p.text.clear());
    for h in &mut c.history {
        let h = &mut h.value;
        h.note
            .iter_mut()
            .chain(&mut h.source)
            .for_each(String::clear);
    }
    c.sources.iter_mut().for_each(String::clear);
    c.notes
        .iter_mut()
        .chain(&mut c.contact)
        .for_each(String::clear);
    c
}

/// A string that is read and checked but not kept: it takes what `String`'s own visitor takes.
struct Unkept;

impl<'de> Deserialize<'de> for Unkept {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Skip;
        impl serde::de::Visitor<'_> for Skip {
            type Value = Unkept;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Unkept, E> {
                Ok(Unkept)
            }
            fn visit_string<E: serde::de::Error>(self, _: String) -> Result<Unkept, E> {
                Ok(Unkept)
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Unkept, E> {
                std::str::from_utf8(v)
                    .map(|_| Unkept)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Unkept, E> {
                self.visit_bytes(&v)
            }
        }
        d.deserialize_string(Skip)
    }
}

/// A text, or an empty one when texts are not kept (see [`without_texts`]).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    if SKIP_TEXTS.get() {
        Unkept::deserialize(d).map(|_| String::new())
    } else {
        String::deserialize(d)
    }
}

/// An optional text: when texts are not kept, one that is given becomes an empty one.
fn optional_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    if SKIP_TEXTS.get() {
        Option::<Unkept>::deserialize(d).map(|t| t.map(|_| String::new()))
    } else {
        Option::<String>::deserialize(d)
    }
}

/// A list of texts, read without spare room: when texts are not kept, each becomes an empty one.
fn text_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    if SKIP_TEXTS.get() {
        let n = crate::yaml::exact_vec::<D, Unkept>(d)?.len();
        Ok(vec![String::new(); n])
    } else {
        crate::yaml::exact_vec(d)
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
            Err(crate::yaml::custom_error(
                crate::msg::Msg::new(&crate::catalog::PERCENT_RANGE).text("value", v.to_string()),
            ))
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
    /// The day the milestone is due.
    pub due: Sp<Date>,
    /// What is to be done, as the documents write it (e.g. 第 1 期工程完工).
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

/// Every field of a case file, as written: what a case is read as, and what code that makes a case
/// fills in (then [`Case::from`]). A [`Case`] keeps the same values in less room.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Case")]
pub struct CaseFields {
    /// The case's id: its group's code and three or more digits (`TR-003`).
    pub id: Sp<Name>,
    /// The title the documents give the case (捷運萬大-中和-樹林線).
    pub title: Sp<String>,
    /// Other names the documents use for the case; matching uses them too.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub aliases: Vec<Sp<String>>,
    /// The case's group, by its name in `platform.yaml` (交通組).
    pub group: Sp<Name>,
    /// The member city that leads the case (主辦).
    #[serde(default)]
    pub lead: Option<Sp<Name>>,
    /// The other member cities involved (合作).
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub partners: Vec<Sp<Name>>,
    /// Common topics (共同議題) the case is tagged with.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub topics: Vec<Sp<String>>,
    /// The id of the parent case, for a sub-case (子案).
    #[serde(default)]
    pub parent: Option<Sp<String>>,
    /// Where the case stands; must agree with its history.
    pub status: Sp<Status>,
    /// The ids of the cases this one replaced.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub replaces: Vec<Sp<String>>,
    /// The ids of the cases that replaced this one.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub replaced_by: Vec<Sp<String>>,
    /// The id of the case this one was merged into.
    #[serde(default)]
    pub merged_into: Option<Sp<String>>,
    /// The ids of the cases merged into this one.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub merged_from: Vec<Sp<String>>,
    /// Every decision that touched the case, oldest first.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub history: Vec<Sp<HistoryEntry>>,
    /// Progress entries (辦理情形), newest first.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub progress: Vec<Progress>,
    /// Milestones (里程碑), in date order.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub milestones: Vec<Sp<Milestone>>,
    /// The documents the case's facts come from (each empty when not kept, see [`without_texts`]).
    #[serde(default, deserialize_with = "text_list")]
    pub sources: Vec<String>,
    /// Free text, e.g. where the documents disagree (empty when not kept).
    #[serde(default, deserialize_with = "optional_text")]
    pub notes: Option<String>,
    /// The proposal's type (提案類型), from its proposal form.
    #[serde(default)]
    pub kind: Option<String>,
    /// The proposal's explanation (說明).
    #[serde(default)]
    pub summary: Option<String>,
    /// The proposal's concrete approach (具體作法).
    #[serde(default)]
    pub approach: Option<String>,
    /// The expected benefits of cooperating (合作效益).
    #[serde(default)]
    pub benefits: Option<String>,
    /// The central ministries the case asks for (對應中央部會).
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub ministries: Vec<String>,
    /// The office to contact (交通局); no personal names or phone numbers (empty when not kept).
    #[serde(default, deserialize_with = "optional_text")]
    pub contact: Option<String>,
}

/// The fields most cases leave empty: links to other cases, milestones and the proposal form's
/// texts. A [`Case`] holds them behind one optional box and reads them through `Deref`
/// (`case.parent`, `case.milestones`), so a case without any costs 8 bytes for all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rare {
    /// The id of the parent case, for a sub-case (子案).
    pub parent: Option<Sp<String>>,
    /// The ids of the cases this one replaced.
    pub replaces: Vec<Sp<String>>,
    /// The ids of the cases that replaced this one.
    pub replaced_by: Vec<Sp<String>>,
    /// The id of the case this one was merged into.
    pub merged_into: Option<Sp<String>>,
    /// The ids of the cases merged into this one.
    pub merged_from: Vec<Sp<String>>,
    /// Milestones (里程碑), in date order.
    pub milestones: Vec<Sp<Milestone>>,
    /// The proposal's type (提案類型), from its proposal form.
    pub kind: Option<String>,
    /// The proposal's explanation (說明).
    pub summary: Option<String>,
    /// The proposal's concrete approach (具體作法).
    pub approach: Option<String>,
    /// The expected benefits of cooperating (合作效益).
    pub benefits: Option<String>,
    /// The central ministries the case asks for (對應中央部會).
    pub ministries: Vec<String>,
}

/// What a case without any rare field reads through `Deref`.
static NO_RARE: Rare = Rare {
    parent: None,
    replaces: Vec::new(),
    replaced_by: Vec::new(),
    merged_into: None,
    merged_from: Vec::new(),
    milestones: Vec::new(),
    kind: None,
    summary: None,
    approach: None,
    benefits: None,
    ministries: Vec::new(),
};

impl Rare {
    fn is_empty(&self) -> bool {
        self == &NO_RARE
    }
}

/// One cooperation case, as its file `cases/<code>/<id>.yaml` holds it. Read as [`CaseFields`]
/// (the same input is accepted, with the same messages); the fields of [`Rare`] are reached through
/// `Deref`.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "CaseFields")]
pub struct Case {
    /// The case's id: its group's code and three or more digits (`TR-003`).
    pub id: Sp<Name>,
    /// The title the documents give the case (捷運萬大-中和-樹林線).
    pub title: Sp<String>,
    /// Other names the documents use for the case; matching uses them too.
    pub aliases: Vec<Sp<String>>,
    /// The case's group, by its name in `platform.yaml` (交通組).
    pub group: Sp<Name>,
    /// The member city that leads the case (主辦).
    pub lead: Option<Sp<Name>>,
    /// The other member cities involved (合作).
    pub partners: Vec<Sp<Name>>,
    /// Common topics (共同議題) the case is tagged with.
    pub topics: Vec<Sp<String>>,
    /// Where the case stands; must agree with its history.
    pub status: Sp<Status>,
    /// Every decision that touched the case, oldest first.
    pub history: Vec<Sp<HistoryEntry>>,
    /// Progress entries (辦理情形), newest first.
    pub progress: Vec<Progress>,
    /// The documents the case's facts come from.
    pub sources: Vec<String>,
    /// Free text, e.g. where the documents disagree.
    pub notes: Option<String>,
    /// The office to contact (交通局); no personal names or phone numbers.
    pub contact: Option<String>,
    /// The rare fields, when the case has any.
    rare: Option<Box<Rare>>,
}

impl From<CaseFields> for Case {
    fn from(f: CaseFields) -> Case {
        let rare = Rare {
            parent: f.parent,
            replaces: f.replaces,
            replaced_by: f.replaced_by,
            merged_into: f.merged_into,
            merged_from: f.merged_from,
            milestones: f.milestones,
            kind: f.kind,
            summary: f.summary,
            approach: f.approach,
            benefits: f.benefits,
            ministries: f.ministries,
        };
        Case {
            id: f.id,
            title: f.title,
            aliases: f.aliases,
            group: f.group,
            lead: f.lead,
            partners: f.partners,
            topics: f.topics,
            status: f.status,
            history: f.history,
            progress: f.progress,
            sources: f.sources,
            notes: f.notes,
            contact: f.contact,
            rare: (!rare.is_empty()).then(|| Box::new(rare)),
        }
    }
}

impl std::ops::Deref for Case {
    type Target = Rare;
    fn deref(&self) -> &Rare {
        self.rare.as_deref().unwrap_or(&NO_RARE)
    }
}

impl std::ops::DerefMut for Case {
    fn deref_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Case {
    fn eq(&self, o: &Case) -> bool {
        self.id == o.id
            && self.title == o.title
            && self.aliases == o.aliases
            && self.group == o.group
            && self.lead == o.lead
            && self.partners == o.partners
            && self.topics == o.topics
            && self.status == o.status
            && self.history == o.history
            && self.progress == o.progress
            && self.sources == o.sources
            && self.notes == o.notes
            && self.contact == o.contact
            && **self == **o
    }
}

impl Eq for Case {}

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
    /// The case's title, then its aliases: every name the documents may use for it.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.value.as_str())
            .chain(self.aliases.iter().map(|a| a.value.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A case with every text `without_texts` leaves out.
    const TEXTS: &str = "id: TR-001\ntitle: 汐東捷運線\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { action: seen, source: 進度報告, note: 見附表 }\n  - { date: 2024-01-27, meeting: vm-2, action: add }\nprogress:\n  - as_of: 2025-01-01\n    text: |\n      已完成綜合規劃。\nsources: [進度報告, 會議紀錄]\nnotes: 兩份文件的名稱不同\ncontact: 交通局\n";

    #[test]
    fn texts_can_be_left_out_but_are_still_checked() {
        let kept: Case = crate::yaml::parse(TEXTS).unwrap();
        assert_eq!(kept.progress[0].text, "已完成綜合規劃。\n");
        assert_eq!(kept.history[0].source.as_deref(), Some("進度報告"));
        let lean: Case = without_texts(true, || crate::yaml::parse(TEXTS)).unwrap();
        // Every text is left out; what was given is still there, and nothing else changed.
        let emptied = texts_emptied(kept.clone());
        assert_eq!(lean, emptied);
        assert_eq!(lean.history[0].source.as_deref(), Some(""));
        assert_eq!(lean.history[1].source, None);
        assert_eq!(lean.sources.len(), 2);
        // The flag is restored afterwards.
        let again: Case = crate::yaml::parse(TEXTS).unwrap();
        assert_eq!(again, kept);
        // What a kept text accepts or rejects, a text left out accepts or rejects with the same
        // message.
        for (from, to, accepted) in [
            (
                "text: |\n      已完成綜合規劃。\n",
                "text: { a: 1 }\n",
                false,
            ),
            ("text: |\n      已完成綜合規劃。\n", "text: [a]\n", false),
            ("text: |\n      已完成綜合規劃。\n", "text: 12\n", true),
            ("source: 進度報告", "source: [進度報告]", false),
            ("source: 進度報告", "source: ~", true),
            ("note: 見附表", "note: { a: 1 }", false),
            ("sources: [進度報告, 會議紀錄]", "sources: 進度報告", false),
            (
                "sources: [進度報告, 會議紀錄]",
                "sources: [[進度報告]]",
                false,
            ),
            ("sources: [進度報告, 會議紀錄]", "sources: []", true),
            ("notes: 兩份文件的名稱不同", "notes: [a, b]", false),
            ("notes: 兩份文件的名稱不同", "notes:", true),
            ("contact: 交通局", "contact: { a: 1 }", false),
            ("contact: 交通局", "contact: 2025-01-01", true),
        ] {
            let input = TEXTS.replace(from, to);
            assert_ne!(input, TEXTS, "{to}");
            let kept = crate::yaml::parse::<Case>(&input).map(|_| ());
            let lean = without_texts(true, || crate::yaml::parse::<Case>(&input)).map(|_| ());
            assert_eq!(kept.is_ok(), accepted, "{to}");
            assert_eq!(lean, kept, "{to}");
        }
    }

    /// What may be written as a text's value: scalars of every style, flow collections, anchors and
    /// aliases, tags, comments, nothing at all, and broken YAML.
    fn text_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            "[ -~]{0,12}",
            "[\\u{4e00}-\\u{4e20}「」（）、，。]{0,8}",
            Just(String::new()),
            Just("~".to_string()),
            Just("'單引號 '' 內文'".to_string()),
            Just("\"雙引號 \\\" \\u00e9\"".to_string()),
            Just("[a, b]".to_string()),
            Just("{ a: 1 }".to_string()),
            Just("&x 錨".to_string()),
            Just("*x".to_string()),
            Just("!!str 12".to_string()),
            Just("!!binary aGk=".to_string()),
            Just("12 # 註解".to_string()),
            Just("2025-01-01".to_string()),
            Just("true".to_string()),
            Just("\"未結束".to_string()),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Whatever a text field holds, a lean read accepts and rejects what a full read does, with
        /// the same message, and differs from it only in the texts it leaves out.
        #[test]
        fn a_lean_read_accepts_what_a_full_read_accepts(
            field in 0..6usize,
            value in text_value(),
        ) {
            let (from, to) = [
                ("source: 進度報告", format!("source: {value}")),
                ("note: 見附表", format!("note: {value}")),
                ("sources: [進度報告, 會議紀錄]", format!("sources: [{value}]")),
                ("notes: 兩份文件的名稱不同", format!("notes: {value}")),
                ("contact: 交通局", format!("contact: {value}")),
                ("text: |\n      已完成綜合規劃。\n", format!("text: {value}\n")),
            ][field].clone();
            let input = TEXTS.replace(from, &to);
            let kept = crate::yaml::parse::<Case>(&input);
            let lean = without_texts(true, || crate::yaml::parse::<Case>(&input));
            match (kept, lean) {
                (Ok(kept), Ok(lean)) => {
                    proptest::prop_assert_eq!(lean, texts_emptied(kept));
                }
                (kept, lean) => proptest::prop_assert_eq!(lean.map(|_| ()), kept.map(|_| ())),
            }
        }
    }
}
