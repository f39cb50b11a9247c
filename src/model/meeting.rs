//! A meeting file: the decisions of one meeting, per group, and the numbers it states.

use super::date::Date;
use crate::yaml::Sp;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Sp<String>,
    pub title: Sp<String>,
    pub level: Sp<String>,
    /// Missing only when the source document lost it; such a meeting sorts before all others.
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    #[serde(default)]
    pub source: Option<String>,
    /// The kinds of decision this file records in full; `None` (the key absent): all of them.
    /// A meeting known only in part (its minutes lost, its adds taken from a progress report)
    /// says `records: [add]`, and every count that depends on the rest is unknown.
    #[serde(default)]
    pub records: Option<Sp<Vec<Sp<DecisionKind>>>>,
    #[serde(default)]
    pub decisions: Decisions,
    #[serde(default)]
    pub totals: Option<Sp<Counts>>,
    #[serde(default)]
    pub all_time: Option<Sp<AllTime>>,
    #[serde(default)]
    pub discrepancies: Vec<Sp<Discrepancy>>,
    /// Numbers about this meeting stated by other sources (press coverage, a city's press release).
    #[serde(default)]
    pub statements: Vec<Sp<Statement>>,
}

/// A kind of decision, as `records:` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionKind {
    Add,
    Delist,
    Subcases,
    Replace,
    Merge,
    Rename,
    Propose,
    Relist,
}

impl DecisionKind {
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
    pub add: bool,
    pub delist: bool,
    pub ongoing: bool,
    pub relist: bool,
    pub replaced: bool,
    pub merged: bool,
    pub proposed: bool,
    pub subcases: bool,
    pub renamed: bool,
}

impl Known {
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
    Exact(u32),
    Range { min: u32, max: u32 },
}

impl Stated {
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
            E::R(_) => Err(de::Error::custom("a range needs `min` ≤ `max`")),
        }
    }
}

/// The counts a statement about a meeting gives (all optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedCounts {
    #[serde(default)]
    pub add: Option<Sp<Stated>>,
    #[serde(default)]
    pub delist: Option<Sp<Stated>>,
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
    #[serde(default)]
    pub cases: Option<Sp<Stated>>,
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
    #[serde(default)]
    pub url: Option<String>,
    /// The source's own words.
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub totals: Option<Sp<StatedCounts>>,
    #[serde(default)]
    pub all_time: Option<Sp<StatedAllTime>>,
    /// Numbers of this statement that disagree with the register (or the minutes), kept openly.
    #[serde(default)]
    pub discrepancies: Vec<Sp<Discrepancy>>,
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
                f.write_str("a mapping from group to its decisions")
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

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDecisions {
    #[serde(default)]
    pub add: Vec<Sp<NewCase>>,
    #[serde(default)]
    pub delist: Vec<Sp<Ref>>,
    #[serde(default)]
    pub ongoing: Option<Sp<u32>>,
    #[serde(default)]
    pub subcases: Vec<Sp<NewCase>>,
    #[serde(default)]
    pub replace: Vec<Sp<Replace>>,
    #[serde(default)]
    pub merge: Vec<Sp<Merge>>,
    #[serde(default)]
    pub rename: Vec<Sp<Rename>>,
    #[serde(default)]
    pub propose: Vec<Sp<NewCase>>,
    #[serde(default)]
    pub relist: Vec<Sp<Ref>>,
}

impl GroupDecisions {
    /// No decision at all (an empty block, as `kbbt new meeting` writes for each group).
    pub fn is_empty(&self) -> bool {
        *self == GroupDecisions::default()
    }
}

/// A case a decision creates: a title, or a mapping with the title and more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCase {
    pub title: Sp<String>,
    pub id: Option<Sp<String>>,
    pub parent: Option<Sp<String>>,
    pub lead: Option<Sp<String>>,
    pub partners: Vec<Sp<String>>,
    pub topics: Vec<Sp<String>>,
    pub aliases: Vec<Sp<String>>,
    pub note: Option<String>,
}

/// A reference to an existing case: its id, title or alias, or `{ case, note }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref {
    /// The case as the minutes write it (an id, title or alias).
    pub case: Sp<String>,
    /// The case's id, when the minutes' wording is not yet one of its names: the wording is then
    /// recorded as an alias.
    pub id: Option<Sp<String>>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewCaseMap {
    title: Sp<String>,
    #[serde(default)]
    id: Option<Sp<String>>,
    #[serde(default)]
    parent: Option<Sp<String>>,
    #[serde(default)]
    lead: Option<Sp<String>>,
    #[serde(default)]
    partners: Vec<Sp<String>>,
    #[serde(default)]
    topics: Vec<Sp<String>>,
    #[serde(default)]
    aliases: Vec<Sp<String>>,
    #[serde(default)]
    note: Option<String>,
}

impl From<NewCaseMap> for NewCase {
    fn from(m: NewCaseMap) -> Self {
        NewCase {
            title: m.title,
            id: m.id,
            parent: m.parent,
            lead: m.lead,
            partners: m.partners,
            topics: m.topics,
            aliases: m.aliases,
            note: m.note,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefMap {
    case: Sp<String>,
    #[serde(default)]
    id: Option<Sp<String>>,
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replace {
    pub case: Sp<String>,
    pub by: Vec<Sp<NewCase>>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    pub cases: Vec<Sp<String>>,
    pub into: Sp<Target>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Where cases are merged: an existing case (a string) or a new one (a mapping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Existing(String),
    New(NewCase),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    pub case: Sp<String>,
    pub to: Sp<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    #[serde(default)]
    pub add: Option<Sp<u32>>,
    #[serde(default)]
    pub delist: Option<Sp<u32>>,
    #[serde(default)]
    pub ongoing: Option<Sp<u32>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllTime {
    #[serde(default)]
    pub cases: Option<Sp<u32>>,
    #[serde(default)]
    pub completed: Option<Sp<u32>>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    #[serde(default)]
    pub group: Option<Sp<String>>,
    pub field: Sp<String>,
    pub stated: u32,
    pub register: u32,
    /// What kind of disagreement it is (one or more).
    #[serde(default)]
    pub kind: Option<Sp<Kinds>>,
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
    pub const ALL: [DiscrepancyKind; 3] = [
        DiscrepancyKind::Arithmetic,
        DiscrepancyKind::Unnamed,
        DiscrepancyKind::ThirdParty,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Arithmetic => "arithmetic",
            DiscrepancyKind::Unnamed => "unnamed",
            DiscrepancyKind::ThirdParty => "third-party",
        }
    }
    /// What the kind means, for people.
    pub fn describe(self) -> &'static str {
        match self {
            DiscrepancyKind::Arithmetic => "the minutes contradict their own arithmetic",
            DiscrepancyKind::Unnamed => "the minutes count cases they never name",
            DiscrepancyKind::ThirdParty => "another source disagrees",
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
            match E::deserialize(d).map_err(|_| {
                de::Error::custom(
                    "`kind` is one of `arithmetic`, `unnamed`, `third-party`, or a list of them",
                )
            })? {
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
    ($ty:ident, $raw:ident, $field:ident, $expect:literal) => {
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
            const EXPECTING: &'static str = $expect;
        }
    };
}

trait Expecting {
    const EXPECTING: &'static str;
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
                f.write_str(T::EXPECTING)
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

string_or_map!(
    NewCase,
    NewCaseMap,
    title,
    "a title, or a mapping with `title` and optionally `id`, `lead`, `partners`, `topics`, `aliases`, `note`"
);
string_or_map!(
    Ref,
    RefMap,
    case,
    "a case id, title or alias, or a mapping `{ case, id, note }`"
);

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
