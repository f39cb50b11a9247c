//! A meeting file: the decisions of one meeting, per group, and the numbers it states.

use super::Name;
use super::date::Date;
use crate::catalog as m;
use crate::msg::Msg;
use crate::yaml::Sp;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// One meeting, as its file `meetings/<id>.yaml` holds it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The meeting's id: lower-case letters, digits and '-' (`vm-3`); the file is named after it.
    pub id: Sp<String>,
    /// The meeting's title (基北北桃合作交流平臺第 3 次副市長層級會議).
    pub title: Sp<String>,
    /// The meeting's level, one of the platform's `levels` (副市長層級).
    pub level: Sp<String>,
    /// Missing only when the source document lost it; such a meeting sorts before all others.
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    /// The document the decisions are transcribed from (第 3 次副市長層級會議紀錄).
    #[serde(default)]
    pub source: Option<String>,
    /// The kinds of decision this file records in full; `None` (the key absent): all of them.
    /// A meeting known only in part (its minutes lost, its adds taken from a progress report)
    /// says `records: [add]`, and every count that depends on the rest is unknown.
    #[serde(default)]
    pub records: Option<Sp<Vec<Sp<DecisionKind>>>>,
    /// The decisions, per group.
    #[serde(default)]
    pub decisions: Decisions,
    /// The minutes' summary line (`totals:`): stated numbers for all groups together, each checked.
    #[serde(default)]
    pub totals: Option<Sp<Counts>>,
    /// An all-time statement the minutes make (`all_time: { cases: 120, completed: 72 }`), checked.
    #[serde(default)]
    pub all_time: Option<Sp<AllTime>>,
    /// Stated numbers the register disagrees with, kept openly.
    #[serde(default)]
    pub discrepancies: Vec<Sp<Discrepancy>>,
    /// Numbers about this meeting stated by other sources (press coverage, a city's press release).
    #[serde(default)]
    pub statements: Vec<Sp<Statement>>,
    /// The chair's instructions (主席裁示 / 指示事項) this meeting gave, followed up until closed.
    #[serde(default)]
    pub instructions: Vec<Sp<Instruction>>,
    /// Instructions of earlier meetings that this meeting closes (解除列管), by id.
    #[serde(default)]
    pub close: Vec<Sp<String>>,
}

/// A chair's instruction: to a group or a member city (or to all when `to` is absent).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instruction {
    /// Unique in the register: lower-case letters, digits and '-', e.g. `m-2-1`.
    pub id: Sp<String>,
    /// The group (name, code or alias) or member city the instruction is to.
    #[serde(default)]
    pub to: Option<Sp<String>>,
    /// The instruction as the minutes write it.
    pub text: String,
    /// When the instruction is due, only when the minutes give a date.
    #[serde(default)]
    pub due: Option<Sp<Date>>,
    /// Free text about the instruction.
    #[serde(default)]
    pub note: Option<String>,
}

/// A kind of decision, as `records:` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionKind {
    /// The meeting adds new cases (同意新增).
    Add,
    /// The meeting ends cases' tracking (同意解列).
    Delist,
    /// The meeting adds sub-cases (子案) under a parent case.
    Subcases,
    /// The meeting replaces a case by several new ones.
    Replace,
    /// The meeting merges cases into one, existing or new.
    Merge,
    /// The meeting renames cases; an old title is kept as an alias.
    Rename,
    /// Cases raised at the meeting (提案 / 臨時動議), not yet tracked.
    Propose,
    /// The meeting tracks delisted cases again.
    Relist,
}

impl DecisionKind {
    /// Every kind of decision.
    pub const ALL: [DecisionKind; 8] = [
        DecisionKind::Add,
        DecisionKind::Delist,
        DecisionKind::Subcases,
        DecisionKind::Replace,
        DecisionKind::Merge,
        DecisionKind::Rename,
        DecisionKind::Propose,
        DecisionKind::Relist,
    ];
    /// The kind as YAML writes it (`subcases`).
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Add => "add",
            DecisionKind::Delist => "delist",
            DecisionKind::Subcases => "subcases",
            DecisionKind::Replace => "replace",
            DecisionKind::Merge => "merge",
            DecisionKind::Rename => "rename",
            DecisionKind::Propose => "propose",
            DecisionKind::Relist => "relist",
        }
    }
}

/// Which of a meeting's counts the register knows. A count is known when the meeting file records
/// in full every kind of decision it depends on: `ongoing` (cases ongoing before and after the
/// meeting) needs `delist`, `replace` and `merge`, the decisions that end a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Whether the count of cases added is known.
    pub add: bool,
    /// Whether the count of cases delisted is known.
    pub delist: bool,
    /// Whether the count of cases ongoing before and after the meeting is known.
    pub ongoing: bool,
    /// Whether the count of cases relisted is known.
    pub relist: bool,
    /// Whether the count of cases replaced is known.
    pub replaced: bool,
    /// Whether the count of cases merged is known.
    pub merged: bool,
    /// Whether the count of cases proposed is known.
    pub proposed: bool,
    /// Whether the count of sub-cases added is known.
    pub subcases: bool,
    /// Whether the count of cases renamed is known.
    pub renamed: bool,
}

impl Known {
    /// Every count known: a meeting file that records every kind of decision.
    pub const ALL: Known = Known {
        add: true,
        delist: true,
        ongoing: true,
        relist: true,
        replaced: true,
        merged: true,
        proposed: true,
        subcases: true,
        renamed: true,
    };
    /// Whether every count is known.
    pub fn all(&self) -> bool {
        *self == Known::ALL
    }
    /// Whether the count named `field` (`add`, `delist`, `ongoing`, …) is known.
    pub fn field(&self, field: &str) -> bool {
        match field {
            "add" => self.add,
            "delist" => self.delist,
            "ongoing" => self.ongoing,
            "relist" => self.relist,
            "replaced" => self.replaced,
            "merged" => self.merged,
            "proposed" => self.proposed,
            "subcases" => self.subcases,
            "renamed" => self.renamed,
            // `tracked`: the cases before the meeting plus those it added.
            "tracked" => self.add && self.ongoing && self.delist && self.replaced && self.merged,
            _ => true,
        }
    }
}

/// A number as a source states it: exact, or a range (「七十多項」: 71 to 79).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// Exactly this number.
    Exact(u32),
    /// Somewhere from `min` to `max`, both included.
    Range {
        /// The least the wording admits.
        min: u32,
        /// The most the wording admits.
        max: u32,
    },
}

impl Stated {
    /// Whether the register's number `n` agrees with what the source states.
    pub fn admits(self, n: u32) -> bool {
        match self {
            Stated::Exact(x) => x == n,
            Stated::Range { min, max } => (min..=max).contains(&n),
        }
    }
}

impl fmt::Display for Stated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stated::Exact(x) => write!(f, "{x}"),
            Stated::Range { min, max } => write!(f, "{min}–{max}"),
        }
    }
}

impl<'de> Deserialize<'de> for Stated {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct R {
            min: u32,
            max: u32,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum E {
            N(u32),
            R(R),
        }
        match E::deserialize(d)? {
            E::N(n) => Ok(Stated::Exact(n)),
            E::R(R { min, max }) if min <= max => Ok(Stated::Range { min, max }),
            E::R(_) => Err(crate::yaml::custom_error(Msg::new(&m::RANGE_MIN_MAX))),
        }
    }
}

/// The counts a statement about a meeting gives (all optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedCounts {
    /// Cases added at the meeting.
    #[serde(default)]
    pub add: Option<Sp<Stated>>,
    /// Cases delisted at the meeting.
    #[serde(default)]
    pub delist: Option<Sp<Stated>>,
    /// Cases ongoing before and after the meeting.
    #[serde(default)]
    pub ongoing: Option<Sp<Stated>>,
    /// The cases the meeting dealt with: those ongoing before it plus those it added.
    #[serde(default)]
    pub tracked: Option<Sp<Stated>>,
}

/// All-time numbers a statement gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedAllTime {
    /// Cases ever tracked, as of the meeting's date.
    #[serde(default)]
    pub cases: Option<Sp<Stated>>,
    /// Cases completed (delisted), as of the meeting's date.
    #[serde(default)]
    pub completed: Option<Sp<Stated>>,
}

/// Numbers about a meeting stated by a source other than its minutes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The source: title, outlet, author, as the source gives them.
    pub source: Sp<String>,
    /// When the source was published.
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    /// Where the source can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// The source's own words.
    #[serde(default)]
    pub quote: Option<String>,
    /// The meeting's counts as the source states them.
    #[serde(default)]
    pub totals: Option<Sp<StatedCounts>>,
    /// All-time numbers the source states.
    #[serde(default)]
    pub all_time: Option<Sp<StatedAllTime>>,
    /// Numbers of this statement that disagree with the register (or the minutes), kept openly.
    #[serde(default)]
    pub discrepancies: Vec<Sp<Discrepancy>>,
    /// How the numbers were read.
    #[serde(default)]
    pub note: Option<String>,
}

impl Statement {
    /// Every number the statement gives: (field, value).
    pub fn numbers(&self) -> Vec<(&'static str, Sp<Stated>)> {
        let mut v = Vec::new();
        if let Some(t) = &self.totals {
            let t = t.value;
            for (f, x) in [
                ("delist", t.delist),
                ("add", t.add),
                ("ongoing", t.ongoing),
                ("tracked", t.tracked),
            ] {
                if let Some(x) = x {
                    v.push((f, x));
                }
            }
        }
        if let Some(a) = &self.all_time {
            for (f, x) in [("cases", a.value.cases), ("completed", a.value.completed)] {
                if let Some(x) = x {
                    v.push((f, x));
                }
            }
        }
        v
    }
}

/// The per-group decisions, in file order. Keys are group names, codes or aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions(pub Vec<(Sp<String>, GroupDecisions)>);

impl<'de> Deserialize<'de> for Decisions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Decisions;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(m::KIND_DECISIONS.en)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Decisions, E> {
                Ok(Decisions::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Decisions, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<Sp<String>>()? {
                    v.push((k, m.next_value::<GroupDecisions>()?));
                }
                Ok(Decisions(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// One group's decisions at a meeting, by kind. `apply` takes them in this order: replace, merge,
/// add, subcases, propose, rename, relist, delist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDecisions {
    /// New cases (同意新增).
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub add: Vec<Sp<NewCase>>,
    /// Cases no longer tracked (同意解列).
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub delist: Vec<Sp<Ref>>,
    /// The minutes' 「其餘 N 案持續列管」: the group's cases ongoing before and after the meeting.
    #[serde(default)]
    pub ongoing: Option<Sp<u32>>,
    /// New sub-cases (子案), each naming its `parent`.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub subcases: Vec<Sp<NewCase>>,
    /// Cases replaced by others.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub replace: Vec<Sp<Replace>>,
    /// Cases merged into one.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub merge: Vec<Sp<Merge>>,
    /// Cases renamed.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub rename: Vec<Sp<Rename>>,
    /// Cases raised (提案 / 臨時動議), not yet tracked.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub propose: Vec<Sp<NewCase>>,
    /// Cases tracked again after a delist.
    #[serde(default, deserialize_with = "crate::yaml::exact_vec")]
    pub relist: Vec<Sp<Ref>>,
}

impl GroupDecisions {
    /// No decision at all (an empty block, as `kbbt new meeting` writes for each group).
    pub fn is_empty(&self) -> bool {
        *self == GroupDecisions::default()
    }
}

/// A case a decision creates: a title, or a mapping with the title and more. The fields few adds
/// have ([`NewCaseMore`]: a parent, topics, aliases, a note) live behind one optional box and are
/// reached through `Deref` (`n.parent`, `n.note`), so an add without them costs 8 bytes for all four.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    /// The new case's title.
    pub title: Sp<String>,
    /// The id to give it (`TR-021`); otherwise the group's next free id.
    pub id: Option<Sp<Name>>,
    /// The member city that leads it (主辦).
    pub lead: Option<Sp<Name>>,
    /// Other member cities involved (合作).
    pub partners: Vec<Sp<Name>>,
    /// The rarer fields, when the add has any.
    more: Option<Box<NewCaseMore>>,
}

/// The fields of a [`NewCase`] that few adds have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCaseMore {
    /// The parent case (an id, title or alias), for a sub-case.
    pub parent: Option<Sp<String>>,
    /// Common topics it is tagged with.
    pub topics: Vec<Sp<String>>,
    /// Other names of the case.
    pub aliases: Vec<Sp<String>>,
    /// Free text, kept in the history entry.
    pub note: Option<String>,
}

/// What an add without any of the rarer fields reads through `Deref`.
static NO_MORE: NewCaseMore = NewCaseMore {
    parent: None,
    topics: Vec::new(),
    aliases: Vec::new(),
    note: None,
};

impl std::ops::Deref for NewCase {
    type Target = NewCaseMore;
    fn deref(&self) -> &NewCaseMore {
        self.more.as_deref().unwrap_or(&NO_MORE)
    }
}

impl std::ops::DerefMut for NewCase {
    fn deref_mut(&mut self) -> &mut NewCaseMore {
        self.more.get_or_insert_with(Box::default)
    }
}

impl PartialEq for NewCase {
    fn eq(&self, o: &NewCase) -> bool {
        self.title == o.title
            && self.id == o.id
            && self.lead == o.lead
            && self.partners == o.partners
            && **self == **o
    }
}

impl Eq for NewCase {}

/// A reference to an existing case: its id, title or alias, or `{ case, note }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref {
    /// The case as the minutes write it (an id, title or alias).
    pub case: Sp<String>,
    /// The case's id, when the minutes' wording is not yet one of its names: the wording is then
    /// recorded as an alias.
    pub id: Option<Sp<Name>>,
    /// Free text, kept in the history entry.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewCaseMap {
    title: Sp<String>,
    #[serde(default)]
    id: Option<Sp<Name>>,
    #[serde(default)]
    parent: Option<Sp<String>>,
    #[serde(default)]
    lead: Option<Sp<Name>>,
    #[serde(default)]
    partners: Vec<Sp<Name>>,
    #[serde(default)]
    topics: Vec<Sp<String>>,
    #[serde(default)]
    aliases: Vec<Sp<String>>,
    #[serde(default)]
    note: Option<String>,
}

impl From<NewCaseMap> for NewCase {
    fn from(m: NewCaseMap) -> Self {
        let more = NewCaseMore {
            parent: m.parent,
            topics: m.topics,
            aliases: m.aliases,
            note: m.note,
        };
        NewCase {
            title: m.title,
            id: m.id,
            lead: m.lead,
            partners: m.partners,
            more: (more != NO_MORE).then(|| Box::new(more)),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefMap {
    case: Sp<String>,
    #[serde(default)]
    id: Option<Sp<Name>>,
    #[serde(default)]
    note: Option<String>,
}

impl From<RefMap> for Ref {
    fn from(m: RefMap) -> Self {
        Ref {
            case: m.case,
            id: m.id,
            note: m.note,
        }
    }
}

/// One case replaced by several (`replace: [{ case: 捷運路網擴建, by: [...] }]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replace {
    /// The case replaced (an id, title or alias).
    pub case: Sp<String>,
    /// The new cases that replace it.
    pub by: Vec<Sp<NewCase>>,
    /// Free text, kept in the history entries.
    #[serde(default)]
    pub note: Option<String>,
}

/// Several cases merged into one (`merge: [{ cases: [...], into: ... }]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The cases merged (ids, titles or aliases).
    pub cases: Vec<Sp<String>>,
    /// The case they are merged into.
    pub into: Sp<Target>,
    /// Free text, kept in the history entries.
    #[serde(default)]
    pub note: Option<String>,
}

/// Where cases are merged: an existing case (a string) or a new one (a mapping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An existing case, by id, title or alias.
    Existing(String),
    /// A new case the merge creates.
    New(NewCase),
}

/// A case renamed; its old title is kept as an alias.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    /// The case renamed (an id, title or alias).
    pub case: Sp<String>,
    /// The new title.
    pub to: Sp<String>,
    /// Free text, kept in the history entry.
    #[serde(default)]
    pub note: Option<String>,
}

/// The numbers the minutes' summary line states for all groups together (`totals:`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Cases added at the meeting.
    #[serde(default)]
    pub add: Option<Sp<u32>>,
    /// Cases delisted at the meeting.
    #[serde(default)]
    pub delist: Option<Sp<u32>>,
    /// Cases ongoing before and after the meeting.
    #[serde(default)]
    pub ongoing: Option<Sp<u32>>,
}

/// The all-time numbers the minutes state (`all_time:`), as of the meeting's date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllTime {
    /// Cases ever tracked.
    #[serde(default)]
    pub cases: Option<Sp<u32>>,
    /// Cases completed (delisted).
    #[serde(default)]
    pub completed: Option<Sp<u32>>,
}

/// A stated number the register disagrees with, kept openly (`discrepancies:`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    /// The group, for a group's `add`, `delist` or `ongoing`; absent for the totals and all-time.
    #[serde(default)]
    pub group: Option<Sp<String>>,
    /// The number disagreed about: `add`, `delist`, `ongoing`, `cases` or `completed` (in a
    /// statement also `tracked`).
    pub field: Sp<String>,
    /// The number as the source states it.
    pub stated: u32,
    /// The register's number (in a statement: the number it disagrees with).
    pub register: u32,
    /// What kind of disagreement it is (one or more).
    #[serde(default)]
    pub kind: Option<Sp<Kinds>>,
    /// The likely cause.
    #[serde(default)]
    pub note: Option<String>,
}

/// The kinds of disagreement, kept apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiscrepancyKind {
    /// The minutes contradict themselves: a stated number breaks the arithmetic of the same
    /// documents (the previous meeting's number, plus adds, less delists).
    Arithmetic,
    /// The minutes count cases they never name, so the register cannot hold them.
    Unnamed,
    /// A source other than the minutes disagrees with the minutes or the register.
    ThirdParty,
}

impl DiscrepancyKind {
    /// Every kind of disagreement, in the order [`Discrepancy::kinds`] gives them.
    pub const ALL: [DiscrepancyKind; 3] = [
        DiscrepancyKind::Arithmetic,
        DiscrepancyKind::Unnamed,
        DiscrepancyKind::ThirdParty,
    ];
    /// The kind as YAML writes it (`third-party`).
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Arithmetic => "arithmetic",
            DiscrepancyKind::Unnamed => "unnamed",
            DiscrepancyKind::ThirdParty => "third-party",
        }
    }
    /// What the kind means, for people.
    pub fn describe(self) -> &'static crate::msg::Template {
        match self {
            DiscrepancyKind::Arithmetic => &m::KIND_ARITHMETIC,
            DiscrepancyKind::Unnamed => &m::KIND_UNNAMED,
            DiscrepancyKind::ThirdParty => &m::KIND_THIRD_PARTY,
        }
    }
}

/// One kind or a list of kinds (`kind: unnamed` or `kind: [unnamed, arithmetic]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kinds(pub Vec<DiscrepancyKind>);

impl<'de> Deserialize<'de> for Kinds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum E {
            One(DiscrepancyKind),
            Many(Vec<DiscrepancyKind>),
        }
        Ok(Kinds(
            match E::deserialize(d)
                .map_err(|_| crate::yaml::custom_error(Msg::new(&m::DISCREPANCY_KIND_UNKNOWN)))?
            {
                E::One(k) => vec![k],
                E::Many(v) => v,
            },
        ))
    }
}

impl Discrepancy {
    /// The kinds, in a fixed order.
    pub fn kinds(&self) -> Vec<DiscrepancyKind> {
        let mut v = self
            .kind
            .as_ref()
            .map_or_else(Vec::new, |k| k.value.0.clone());
        v.sort();
        v.dedup();
        v
    }
}

/// "A string or a mapping" for decision items: the string is the title (or the reference).
/// The string form's place is filled in from the item's place by [`Meeting::fill_positions`].
macro_rules! string_or_map {
    ($ty:ident, $raw:ident, $field:ident, $expect:path) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(match StringOr::<$raw>::deserialize(d)? {
                    StringOr::Str(t) => $ty {
                        $field: Sp::new(t),
                        ..Default::default()
                    },
                    StringOr::Map(m) => m.into(),
                })
            }
        }
        impl Expecting for $raw {
            fn expecting() -> &'static str {
                $expect.en
            }
        }
    };
}

trait Expecting {
    fn expecting() -> &'static str;
}

enum StringOr<T> {
    Str(String),
    Map(T),
}

impl<'de, T: Deserialize<'de> + Expecting> Deserialize<'de> for StringOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Expecting> Visitor<'de> for V<T> {
            type Value = StringOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(T::expecting())
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(StringOr::Str(s.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
                Ok(StringOr::Str(n.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(m)).map(StringOr::Map)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

string_or_map!(NewCase, NewCaseMap, title, m::KIND_NEW_CASE);
string_or_map!(Ref, RefMap, case, m::KIND_REF);

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match StringOr::<NewCaseMap>::deserialize(d)? {
            StringOr::Str(t) => Target::Existing(t),
            StringOr::Map(m) => Target::New(m.into()),
        })
    }
}

impl Meeting {
    /// Give a decision written as a bare string the place of the item it stands in.
    pub fn fill_positions(&mut self) {
        fn fill(s: &mut Sp<String>, pos: crate::yaml::Pos) {
            if s.pos == crate::yaml::Pos::NONE {
                s.pos = pos;
            }
        }
        for (_, g) in &mut self.decisions.0 {
            for n in g
                .add
                .iter_mut()
                .chain(&mut g.subcases)
                .chain(&mut g.propose)
            {
                fill(&mut n.value.title, n.pos);
            }
            for r in g.delist.iter_mut().chain(&mut g.relist) {
                fill(&mut r.value.case, r.pos);
            }
            for r in &mut g.replace {
                for n in &mut r.value.by {
                    fill(&mut n.value.title, n.pos);
                }
            }
            for m in &mut g.merge {
                let pos = m.value.into.pos;
                if let Target::New(n) = &mut m.value.into.value {
                    fill(&mut n.title, pos);
                }
            }
        }
    }

    /// The meeting's date, if known.
    pub fn date(&self) -> Option<Date> {
        self.date.as_ref().map(|d| d.value)
    }

    /// Which counts the register knows (see [`Known`]).
    pub fn known(&self) -> Known {
        let Some(r) = &self.records else {
            return Known::ALL;
        };
        let has = |k: DecisionKind| r.value.iter().any(|x| x.value == k);
        let ends =
            has(DecisionKind::Delist) && has(DecisionKind::Replace) && has(DecisionKind::Merge);
        Known {
            add: has(DecisionKind::Add),
            delist: has(DecisionKind::Delist),
            ongoing: ends,
            relist: has(DecisionKind::Relist),
            replaced: has(DecisionKind::Replace),
            merged: has(DecisionKind::Merge),
            proposed: has(DecisionKind::Propose),
            subcases: has(DecisionKind::Subcases),
            renamed: has(DecisionKind::Rename),
        }
    }

    /// Whether the meeting decides anything about cases.
    pub fn has_decisions(&self) -> bool {
        self.decisions.0.iter().any(|(_, g)| !g.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_add_keeps_its_rarer_fields_in_a_box_only_when_it_has_them() {
        let m = meeting(
            "decisions:\n  交通組:\n    add:\n      - 汐東捷運線\n      - { title: 北環段, id: TR-009, lead: 臺北市, partners: [新北市] }\n      - { title: 子案, parent: TR-001, topics: [韌性], aliases: [子], note: 見紀錄 }\n",
        );
        let adds: Vec<&NewCase> = m.decisions.0[0].1.add.iter().map(|a| &a.value).collect();
        assert_eq!(adds.len(), 3);
        assert!(adds[0].more.is_none() && adds[1].more.is_none());
        assert_eq!(
            adds[1].lead.as_ref().map(|l| l.value.as_str()),
            Some("臺北市")
        );
        let sub = adds[2];
        assert!(sub.more.is_some());
        assert_eq!(
            sub.parent.as_ref().map(|p| p.value.as_str()),
            Some("TR-001")
        );
        assert_eq!((sub.topics.len(), sub.aliases.len()), (1, 1));
        assert_eq!(sub.note.as_deref(), Some("見紀錄"));
        // An empty box and none are the same add; a field set later opens the box.
        let mut a = adds[0].clone();
        a.more = Some(Box::default());
        assert_eq!(&a, adds[0]);
        a.note = Some("改列".into());
        assert_ne!(&a, adds[0]);
        assert_eq!(a.title, adds[0].title);
    }

    fn meeting(extra: &str) -> Meeting {
        crate::yaml::parse::<Meeting>(&format!("id: m\ntitle: t\nlevel: l\n{extra}"))
            .expect("a meeting")
    }

    #[test]
    fn a_count_is_known_only_when_every_decision_it_depends_on_is_recorded() {
        assert!(meeting("").known().all());
        let k = meeting("records: [add]\n").known();
        assert!(k.add && !k.delist && !k.ongoing && !k.field("tracked"));
        let k = meeting("records: [add, delist]\n").known();
        assert!(
            k.delist && !k.ongoing,
            "ongoing also needs replace and merge"
        );
        let k = meeting("records: [add, delist, replace, merge]\n").known();
        assert!(k.ongoing && k.field("tracked") && !k.proposed);
        assert!(!meeting("records: []\n").known().add);
    }

    #[test]
    fn stated_numbers_exact_or_a_range() {
        let m = meeting(
            "statements:\n  - source: s\n    all_time: { cases: 120, completed: { min: 71, max: 79 } }\n",
        );
        let n = m.statements[0].value.numbers();
        assert_eq!(n[0].0, "cases");
        assert!(n[0].1.value.admits(120) && !n[0].1.value.admits(119));
        assert_eq!(n[1].1.value.to_string(), "71–79");
        assert!(n[1].1.value.admits(72) && !n[1].1.value.admits(80));
        assert!(
            crate::yaml::parse::<Meeting>(
                "id: m\ntitle: t\nlevel: l\nstatements: [{ source: s, totals: { add: { min: 2, max: 1 } } }]\n"
            )
            .is_err()
        );
    }

    #[test]
    fn kinds_one_or_many_in_a_fixed_order() {
        let m = meeting(
            "discrepancies:\n  - { field: ongoing, stated: 1, register: 2, kind: [unnamed, arithmetic, unnamed] }\n  - { field: add, stated: 1, register: 2, kind: third-party }\n",
        );
        assert_eq!(
            m.discrepancies[0].value.kinds(),
            [DiscrepancyKind::Arithmetic, DiscrepancyKind::Unnamed]
        );
        assert_eq!(
            m.discrepancies[1].value.kinds(),
            [DiscrepancyKind::ThirdParty]
        );
    }
}
