//! Lookups over a loaded register: cases by id and by name, meetings by id, each case's group.
//!
//! [`Resolver`] implements the matching rule: id, then title, then alias, all on normalised
//! names; an unknown name gets suggestions, an ambiguous one lists every candidate.

use crate::model::Register;
use crate::model::names::{normalize, similarity};
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    title: String,
    group: Option<usize>,
}

/// Finds cases by id, title or alias. Entries can be added (apply adds new cases as it plans).
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    by_title: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Exactly one case (its entry index).
    Found(usize),
    /// Matches only cases of other groups.
    OtherGroup(Vec<usize>),
    /// Several cases of the group share the name: every candidate.
    Ambiguous(Vec<usize>),
    /// No case has the name: the closest cases, best first (at most three), maybe none.
    Unknown(Vec<usize>),
}

impl Resolver {
    /// Add a case with its names and group; returns its entry index (for a loaded case, its index
    /// into `register.cases`).
    pub fn add(&mut self, id: &str, title: &str, aliases: &[&str], group: Option<usize>) -> usize {
        let i = self.entries.len();
        self.entries.push(Entry {
            id: id.to_string(),
            title: title.to_string(),
            group,
        });
        self.by_id.entry(id.to_ascii_uppercase()).or_insert(i);
        self.by_title.entry(normalize(title)).or_default().push(i);
        for a in aliases {
            let v = self.by_alias.entry(normalize(a)).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
        i
    }

    /// Record another name of case `i`.
    pub fn add_alias(&mut self, i: usize, alias: &str) {
        let v = self.by_alias.entry(normalize(alias)).or_default();
        if !v.contains(&i) {
            v.push(i);
        }
    }

    /// Record that case `i` now has a new title (the old one stays as an alias).
    pub fn rename(&mut self, i: usize, new_title: &str) {
        let old = std::mem::replace(&mut self.entries[i].title, new_title.to_string());
        if let Some(v) = self.by_title.get_mut(&normalize(&old)) {
            v.retain(|x| *x != i);
        }
        self.by_alias.entry(normalize(&old)).or_default().push(i);
        self.by_title
            .entry(normalize(new_title))
            .or_default()
            .push(i);
    }

    /// The case id of entry `i`.
    pub fn id(&self, i: usize) -> &str {
        &self.entries[i].id
    }
    /// The current title of entry `i`.
    pub fn title(&self, i: usize) -> &str {
        &self.entries[i].title
    }
    /// How many cases the resolver knows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// Whether the resolver knows no case.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// The entry whose id is `id` (case and surrounding spaces ignored).
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(&id.trim().to_ascii_uppercase()).copied()
    }

    /// Resolve `text` (an id, title or alias), preferring cases of `group` when given.
    pub fn resolve(&self, text: &str, group: Option<usize>) -> Resolved {
        self.resolve_with(text, group, true)
    }

    /// As [`Resolver::resolve`]; without `suggest`, an unknown name gets no suggestions (they cost a
    /// comparison with every name, so a caller trying several spellings asks for them once).
    pub fn resolve_with(&self, text: &str, group: Option<usize>, suggest: bool) -> Resolved {
        if let Some(i) = self.by_id(text) {
            return Resolved::Found(i);
        }
        let key = normalize(text);
        for map in [&self.by_title, &self.by_alias] {
            let Some(all) = map.get(&key).filter(|v| !v.is_empty()) else {
                continue;
            };
            let in_group: Vec<usize> = match group {
                Some(g) => all
                    .iter()
                    .copied()
                    .filter(|i| self.entries[*i].group == Some(g))
                    .collect(),
                None => all.clone(),
            };
            return match in_group.len() {
                1 => Resolved::Found(in_group[0]),
                0 => Resolved::OtherGroup(all.clone()),
                _ => Resolved::Ambiguous(in_group),
            };
        }
        // An id written with look-alike characters or other zero padding: suggested, never taken.
        if let Some(i) = crate::model::names::id_lookalike(text).and_then(|id| self.by_id(&id)) {
            return Resolved::Unknown(vec![i]);
        }
        if !suggest {
            return Resolved::Unknown(Vec::new());
        }
        Resolved::Unknown(self.suggest(&key, group))
    }

    /// The closest cases to a normalised name, best first (at most three).
    fn suggest(&self, key: &str, group: Option<usize>) -> Vec<usize> {
        let mut scored: Vec<(f64, bool, usize)> = Vec::new();
        let mut consider = |name: &str, i: usize| {
            let s = similarity(key, &normalize(name));
            if s >= 0.45 {
                let same = group.is_none() || self.entries[i].group == group;
                scored.push((s, same, i));
            }
        };
        for (i, e) in self.entries.iter().enumerate() {
            consider(&e.title, i);
        }
        for (name, v) in &self.by_alias {
            for i in v {
                let s = similarity(key, name);
                if s >= 0.45 {
                    scored.push((s, group.is_none() || self.entries[*i].group == group, *i));
                }
            }
        }
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.total_cmp(&a.0)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        for (_, _, i) in scored {
            if !out.contains(&i) {
                out.push(i);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }

    /// As [`Resolver::describe`], as a message: the cases joined in the user's language.
    pub fn describe_msg(&self, ids: &[usize]) -> crate::msg::Msg {
        let items = ids.iter().map(|i| {
            crate::msg::Msg::new(&crate::catalog::CASE_REF)
                .text("id", self.entries[*i].id.clone())
                .text("title", self.entries[*i].title.clone())
        });
        crate::msg::Msg::new(&crate::catalog::ITEMS).list("items", items)
    }

    /// "TR-014 「捷運萬大-中和-樹林線」, TR-015 「…」"
    pub fn describe(&self, ids: &[usize]) -> String {
        ids.iter()
            .map(|i| format!("{} 「{}」", self.entries[*i].id, self.entries[*i].title))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Lookups over a register, built once per command.
#[derive(Debug, Clone)]
pub struct Index {
    /// Cases by id, title and alias; entry indices are indices into `register.cases`.
    pub resolver: Resolver,
    /// The platform group of each case (by its `group` field), if known.
    pub case_group: Vec<Option<usize>>,
    /// Meetings by id: indices into `register.meetings`.
    pub meeting_by_id: HashMap<String, usize>,
    /// Meetings sorted by date (then id): indices into `register.meetings`.
    pub meetings_by_date: Vec<usize>,
}

impl Index {
    /// Build the lookups of `reg`.
    pub fn new(reg: &Register) -> Index {
        let p = &reg.platform.value;
        let mut resolver = Resolver::default();
        let mut case_group = Vec::with_capacity(reg.cases.len());
        for c in &reg.cases {
            let c = &c.value;
            let g = p.group_by_name(&c.group);
            case_group.push(g);
            let aliases: Vec<&str> = c.aliases.iter().map(|a| a.value.as_str()).collect();
            resolver.add(&c.id, &c.title, &aliases, g);
        }
        let mut meeting_by_id = HashMap::new();
        for (i, m) in reg.meetings.iter().enumerate() {
            meeting_by_id.entry(m.value.id.value.clone()).or_insert(i);
        }
        let mut meetings_by_date: Vec<usize> = (0..reg.meetings.len()).collect();
        meetings_by_date.sort_by(|a, b| {
            let (ma, mb) = (&reg.meetings[*a].value, &reg.meetings[*b].value);
            (ma.date(), &ma.id.value).cmp(&(mb.date(), &mb.id.value))
        });
        Index {
            resolver,
            case_group,
            meeting_by_id,
            meetings_by_date,
        }
    }

    /// The case whose id is `id`: its index into `register.cases`.
    pub fn case(&self, id: &str) -> Option<usize> {
        self.resolver.by_id(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver() -> Resolver {
        let mut r = Resolver::default();
        r.add("TR-001", "汐東捷運線", &["汐東捷運"], Some(0));
        r.add(
            "TR-002",
            "研議電動輔助自行車跨市騎乘規範及配套",
            &[],
            Some(0),
        );
        r.add("HW-001", "電子煙 GetOut!", &[], Some(5));
        r.add("HW-002", "共同議題", &[], Some(5));
        r.add("TC-001", "共同議題", &[], Some(7));
        r
    }

    #[test]
    fn id_title_alias_and_normalised_forms() {
        let r = resolver();
        assert_eq!(r.resolve("tr-001", Some(0)), Resolved::Found(0));
        assert_eq!(r.resolve("汐東捷運", Some(0)), Resolved::Found(0));
        assert_eq!(r.resolve("電子煙 Get Out！", Some(5)), Resolved::Found(2));
        assert_eq!(
            r.resolve("電子煙 Get Out！", Some(0)),
            Resolved::OtherGroup(vec![2])
        );
        assert_eq!(r.resolve("共同議題", None), Resolved::Ambiguous(vec![3, 4]));
        assert_eq!(r.resolve("共同議題", Some(7)), Resolved::Found(4));
    }

    #[test]
    fn unknown_names_get_suggestions_never_a_guess() {
        let r = resolver();
        match r.resolve("研議電動輔助自行車跨市期程規範及配套", Some(0)) {
            Resolved::Unknown(s) => assert_eq!(s.first(), Some(&1)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.resolve("完全無關的名稱", Some(0)),
            Resolved::Unknown(vec![])
        );
    }
}
