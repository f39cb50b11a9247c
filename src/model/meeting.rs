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
    #[serde(default)]
    pub decisions: Decisions,
    #[serde(default)]
    pub totals: Option<Sp<Counts>>,
    #[serde(default)]
    pub all_time: Option<Sp<AllTime>>,
    #[serde(default)]
    pub discrepancies: Vec<Sp<Discrepancy>>,
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
    #[serde(default)]
    pub note: Option<String>,
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

    /// Whether the meeting decides anything about cases.
    pub fn has_decisions(&self) -> bool {
        self.decisions.0.iter().any(|(_, g)| !g.is_empty())
    }
}
