//! Lookups over a loaded register: cases by id and by name, meetings by id, each case's group.
//!
//! [`Resolver`] implements the matching rule: id, then title, then alias, all on normalised
//! names; an unknown name gets suggestions, an ambiguous one lists every candidate.

use crate::model::names::{normalize, similarity, similarity_bound};
use crate::model::{Case, Doc, Name, Register};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

/// An id as the lookups key it: in upper case (`tr-003` is `TR-003`).
fn id_key(id: &str) -> Name {
    let mut key = Name::from(id);
    key.make_ascii_uppercase();
    key
}

/// The least similarity a suggestion needs.
const SUGGEST_AT: f64 = 0.45;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    id: Name,
    title: String,
    group: Option<usize>,
}

/// Finds cases by id, title or alias. Entries can be added (apply adds new cases as it plans).
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    entries: Vec<Entry>,
    by_id: HashMap<Name, usize>,
    by_title: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
    /// Every name by its characters, for suggestions: built for the first unknown name, then kept up
    /// to date as names are added.
    chars: OnceLock<CharIndex>,
}

/// Every title and alias (normalised), and for each character the names that hold it. A name may be
/// listed twice (a title that is also an alias): it is then compared twice, which changes nothing.
#[derive(Debug, Clone, Default)]
struct CharIndex {
    /// The normalised names.
    names: Vec<String>,
    /// The length of each name in characters (apart, so that a scan of the lengths reads only them).
    lens: Vec<u32>,
    /// The group of each name's entry, `u32::MAX` for none (apart and small: the scan reads it for
    /// every name that passes the bound).
    groups: Vec<u32>,
    /// The entry of each name.
    entries: Vec<usize>,
    /// For each character: the names (indices into `names`) that hold it, and how many times.
    by_char: HashMap<char, Vec<(u32, u32)>>,
}

/// The characters of `s` and how many times each occurs.
fn char_counts(s: &str) -> Vec<(char, u32)> {
    let mut counts: Vec<(char, u32)> = Vec::new();
    for c in s.chars() {
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts
}

impl CharIndex {
    /// Add the normalised name `key` of entry `i` of `group`. An empty name is never suggested, so not
    /// kept.
    fn push(&mut self, key: &str, i: usize, group: Option<usize>) {
        if key.is_empty() {
            return;
        }
        let n = u32::try_from(self.names.len()).expect("fewer than 2^32 names");
        for (c, k) in char_counts(key) {
            self.by_char.entry(c).or_default().push((n, k));
        }
        self.names.push(key.to_string());
        self.lens.push(
            u32::try_from(key.chars().count()).expect("a name of fewer than 2^32 characters"),
        );
        self.groups.push(group.map_or(u32::MAX, |g| {
            u32::try_from(g).expect("fewer than 2^32 groups")
        }));
        self.entries.push(i);
    }
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
            id: id.into(),
            title: title.to_string(),
            group,
        });
        self.by_id.entry(id_key(id)).or_insert(i);
        let key = normalize(title);
        if let Some(ix) = self.chars.get_mut() {
            ix.push(&key, i, group);
        }
        self.by_title.entry(key).or_default().push(i);
        for a in aliases {
            self.add_alias(i, a);
        }
        i
    }

    /// The resolver of a register's cases (each with its group): the same as adding each case in
    /// turn. For a large register the work is shared by two threads: first the titles are
    /// normalised, half each; then one builds the maps by name while the other builds the entries
    /// and the map by id.
    fn of_cases(cases: &[Doc<Case>], groups: &[Option<usize>]) -> Resolver {
        let title_keys = |cases: &[Doc<Case>]| -> Vec<String> {
            cases.iter().map(|c| normalize(&c.value.title)).collect()
        };
        let by_name = |title_keys: Vec<String>| {
            let mut by_title: HashMap<String, Vec<usize>> = HashMap::with_capacity(cases.len());
            let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, (c, key)) in cases.iter().zip(title_keys).enumerate() {
                by_title.entry(key).or_default().push(i);
                for a in &c.value.aliases {
                    let v = by_alias.entry(normalize(a)).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
            (by_title, by_alias)
        };
        let entries_by_id = || {
            let mut by_id = HashMap::with_capacity(cases.len());
            let mut entries = Vec::with_capacity(cases.len());
            for (i, (c, &group)) in cases.iter().zip(groups).enumerate() {
                by_id.entry(id_key(&c.value.id)).or_insert(i);
                entries.push(Entry {
                    id: c.value.id.value.clone(),
                    title: c.value.title.value.clone(),
                    group,
                });
            }
            (entries, by_id)
        };
        let parallel =
            cases.len() >= 1000 && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let ((entries, by_id), (by_title, by_alias)) = if parallel {
            std::thread::scope(|s| {
                let (first, second) = cases.split_at(cases.len() / 2);
                let first = s.spawn(|| title_keys(first));
                let second = title_keys(second);
                let mut keys = crate::joined(first);
                keys.extend(second);
                let names = s.spawn(|| by_name(keys));
                (entries_by_id(), crate::joined(names))
            })
        } else {
            (entries_by_id(), by_name(title_keys(cases)))
        };
        Resolver {
            entries,
            by_id,
            by_title,
            by_alias,
            chars: OnceLock::new(),
        }
    }

    /// Record another name of case `i`.
    pub fn add_alias(&mut self, i: usize, alias: &str) {
        let key = normalize(alias);
        let v = self.by_alias.entry(key.clone()).or_default();
        if !v.contains(&i) {
            v.push(i);
            if let Some(ix) = self.chars.get_mut() {
                ix.push(&key, i, self.entries[i].group);
            }
        }
    }

    /// Record that case `i` now has a new title (the old one stays as an alias).
    pub fn rename(&mut self, i: usize, new_title: &str) {
        let old = std::mem::replace(&mut self.entries[i].title, new_title.to_string());
        if let Some(v) = self.by_title.get_mut(&normalize(&old)) {
            v.retain(|x| *x != i);
        }
        // The old title stays a name of the case (now an alias): it is in `chars` already.
        self.by_alias.entry(normalize(&old)).or_default().push(i);
        let key = normalize(new_title);
        if let Some(ix) = self.chars.get_mut() {
            ix.push(&key, i, self.entries[i].group);
        }
        self.by_title.entry(key).or_default().push(i);
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
    /// The entries that share a normalised title with another entry: each list in entry order, the
    /// lists in the order of their first entries. Empty titles are left out.
    pub fn shared_titles(&self) -> Vec<&[usize]> {
        let mut v: Vec<&[usize]> = self
            .by_title
            .iter()
            .filter(|(k, e)| !k.is_empty() && e.len() > 1)
            .map(|(_, e)| e.as_slice())
            .collect();
        v.sort_unstable_by_key(|e| e[0]);
        v
    }

    /// Every alias that is also an entry's title: the entries with that alias and the entries with
    /// that title (each in entry order), in the order of the aliases' first entries.
    pub fn aliases_that_are_titles(&self) -> Vec<(&[usize], &[usize])> {
        let mut v: Vec<(&[usize], &[usize])> = self
            .by_alias
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .filter_map(|(k, a)| Some((a.as_slice(), self.by_title.get(k)?.as_slice())))
            .collect();
        v.sort_unstable_by_key(|(a, t)| (a[0], t[0]));
        v
    }

    /// The entry whose id is `id` (case and surrounding spaces ignored).
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(&id_key(id.trim())).copied()
    }

    /// The first entry whose id is entry `i`'s, letter case aside: `i` itself unless an earlier
    /// entry has the same id.
    pub fn first_with_id_of(&self, i: usize) -> usize {
        let id = id_key(&self.entries[i].id);
        self.by_id.get(&id).copied().unwrap_or(i)
    }

    /// Every entry with a title or alias whose normalised form is `key` (maybe twice).
    pub fn named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        [&self.by_title, &self.by_alias]
            .into_iter()
            .filter_map(move |m| m.get(key))
            .flatten()
            .copied()
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

    /// The closest cases to a normalised name, best first (at most three): of every title and alias
    /// with a similarity of at least 0.45, the cases of `group` first, then by similarity, then by
    /// entry.
    ///
    /// Not every name is compared: the names that share no character with `key` cannot reach 0.45,
    /// and the others are compared in the order of an upper bound of their similarity from character
    /// counts ([`similarity_bound`]), best first, until no name left can reach 0.45 or displace the
    /// third case found. The result is the same as comparing every name.
    fn suggest(&self, key: &str, group: Option<usize>) -> Vec<usize> {
        let ix = self.chars.get_or_init(|| self.char_index());
        let klen = key.chars().count();
        if klen == 0 {
            return Vec::new();
        }
        let mut common = vec![0u32; ix.names.len()];
        for (c, k) in char_counts(key) {
            for &(n, m) in ix.by_char.get(&c).map_or(&[][..], Vec::as_slice) {
                common[n as usize] += k.min(m);
            }
        }
        // A group number that no name has when `group` is none, or is out of the index's range.
        let want = group.map(|g| u32::try_from(g).unwrap_or(u32::MAX - 1));
        let same = |g: u32| want.is_none_or(|w| w == g);
        // (same group, bound, name): the names that may reach the threshold, best bound first.
        let mut todo: Vec<(bool, f64, usize)> = Vec::new();
        for (n, (&c, &len)) in common.iter().zip(&ix.lens).enumerate() {
            // Most names fail a test in integers first: with fewer common characters than the
            // shorter name has, no name contains the other, and with `c / long` below 0.45 minus
            // `1 / (20 long)` the bound is below 0.45 however it rounds.
            let (c, len) = (u64::from(c), u64::from(len));
            if c < len.min(klen as u64) && 20 * c + 1 < 9 * len.max(klen as u64) {
                continue;
            }
            #[allow(clippy::cast_possible_truncation)]
            let bound = similarity_bound(klen, len as usize, c as usize);
            if bound >= SUGGEST_AT {
                todo.push((same(ix.groups[n]), bound, n));
            }
        }
        todo.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
        // The best three cases so far, each by its best score: (score, same group, entry).
        let mut top: Vec<(f64, bool, usize)> = Vec::with_capacity(4);
        let rank = |a: &(f64, bool, usize), b: &(f64, bool, usize)| {
            b.1.cmp(&a.1).then(b.0.total_cmp(&a.0)).then(a.2.cmp(&b.2))
        };
        for (in_group, bound, n) in todo {
            if let Some(third) = top.get(2) {
                // Every name left ranks after the third case found, even with a score at its bound
                // and the first entry of all.
                let after = (bound, in_group, 0);
                if rank(&after, third) == Ordering::Greater {
                    break;
                }
            }
            let i = ix.entries[n];
            let s = similarity(key, &ix.names[n]);
            if s < SUGGEST_AT {
                continue;
            }
            let t = (s, in_group, i);
            match top.iter().position(|x| x.2 == i) {
                Some(k) if rank(&t, &top[k]) == Ordering::Less => top[k] = t,
                Some(_) => continue,
                None => top.push(t),
            }
            top.sort_by(rank);
            top.truncate(3);
        }
        top.into_iter().map(|(_, _, i)| i).collect()
    }

    /// Every title and alias by its characters.
    fn char_index(&self) -> CharIndex {
        let mut ix = CharIndex::default();
        for map in [&self.by_title, &self.by_alias] {
            for (key, v) in map {
                for i in v {
                    ix.push(key, *i, self.entries[*i].group);
                }
            }
        }
        ix
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
        let case_group: Vec<Option<usize>> = reg
            .cases
            .iter()
            .map(|c| p.group_by_name(&c.value.group))
            .collect();
        let resolver = Resolver::of_cases(&reg.cases, &case_group);
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

    #[test]
    fn a_register_s_resolver_is_the_same_as_one_built_case_by_case() {
        // Enough cases for the maps to be built on their own threads, with repeated ids (in other
        // letter cases), titles shared within and across groups, titles that differ only in width,
        // 台/臺 or punctuation, aliases that are titles of other cases and aliases given twice.
        let cases: Vec<Doc<Case>> = (0..2_500)
            .map(|i| {
                let id = if i % 97 == 5 {
                    format!("tr-{:03}", i - 5)
                } else {
                    format!("TR-{i:03}")
                };
                let title = match i % 7 {
                    0 => format!("共同議題 {}", i % 11),
                    1 => format!("台北捷運 {i}"),
                    2 => format!("臺北捷運 {}", i - 1),
                    3 => format!("ＡＢＣ「{}」", i % 13),
                    _ => format!("案件 {i}"),
                };
                let aliases = match i % 5 {
                    0 => format!("[別名 {i}, 別名 {i}, 案件 {}]", i + 1),
                    1 => format!("[共同議題 {}]", i % 11),
                    _ => "[]".to_string(),
                };
                let yaml = format!(
                    "id: {id}\ntitle: {title}\naliases: {aliases}\ngroup: 交通組\nstatus: ongoing\n"
                );
                Doc {
                    path: format!("cases/TR/{i}.yaml").into(),
                    text: String::new(),
                    value: crate::yaml::parse(&yaml).expect("a case"),
                }
            })
            .collect();
        let groups: Vec<Option<usize>> = (0..cases.len()).map(|i| Some(i % 3)).collect();
        let mut one_by_one = Resolver::default();
        for (c, g) in cases.iter().zip(&groups) {
            let aliases: Vec<&str> = c.value.aliases.iter().map(|a| a.value.as_str()).collect();
            one_by_one.add(&c.value.id, &c.value.title, &aliases, *g);
        }
        let all = Resolver::of_cases(&cases, &groups);
        assert_eq!(all.entries, one_by_one.entries);
        assert_eq!(all.by_id, one_by_one.by_id);
        assert_eq!(all.by_title, one_by_one.by_title);
        assert_eq!(all.by_alias, one_by_one.by_alias);
        assert!(all.by_title.values().any(|v| v.len() > 1));
        assert!(all.by_id.len() < cases.len());
    }

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

    /// The suggestions as they were computed before the character index: every title and alias
    /// compared.
    fn suggest_every_name(r: &Resolver, key: &str, group: Option<usize>) -> Vec<usize> {
        let mut scored: Vec<(f64, bool, usize)> = Vec::new();
        let same = |i: usize| group.is_none() || r.entries[i].group == group;
        for (i, e) in r.entries.iter().enumerate() {
            let s = similarity(key, &normalize(&e.title));
            if s >= 0.45 {
                scored.push((s, same(i), i));
            }
        }
        for (name, v) in &r.by_alias {
            for i in v {
                let s = similarity(key, name);
                if s >= 0.45 {
                    scored.push((s, same(*i), *i));
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

    /// Names from a few characters, so that they share many, contain one another and tie often.
    fn name() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                '甲', '乙', '丙', '丁', '台', '臺', 'a', 'B', '1', ' ', '（',
            ]),
            0..12,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// The bound never falls below the similarity it bounds.
        #[test]
        fn the_bound_is_never_below_the_similarity(a in name(), b in name()) {
            let (a, b) = (normalize(&a), normalize(&b));
            let mut left: Vec<char> = b.chars().collect();
            let mut common = 0;
            for c in a.chars() {
                if let Some(k) = left.iter().position(|x| *x == c) {
                    left.swap_remove(k);
                    common += 1;
                }
            }
            let bound = similarity_bound(a.chars().count(), b.chars().count(), common);
            proptest::prop_assert!(similarity(&a, &b) <= bound, "{a} / {b}: {bound}");
        }

        /// Suggestions through the character index are those of comparing every name, also after
        /// cases, aliases and new titles are added once the index is built.
        #[test]
        fn suggestions_are_those_of_comparing_every_name(
            cases in proptest::collection::vec((name(), proptest::collection::vec(name(), 0..3), 0..3usize), 0..40),
            later in proptest::collection::vec((name(), 0..3usize, 0..3u8), 0..10),
            lookups in proptest::collection::vec((name(), proptest::option::of(0..3usize)), 1..12),
        ) {
            let mut r = Resolver::default();
            for (k, (title, aliases, g)) in cases.iter().enumerate() {
                let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
                r.add(&format!("X-{k:03}"), title, &aliases, Some(*g));
            }
            let check = |r: &Resolver| -> Result<(), proptest::test_runner::TestCaseError> {
                for (text, group) in &lookups {
                    let key = normalize(text);
                    proptest::prop_assert_eq!(
                        r.suggest(&key, *group),
                        suggest_every_name(r, &key, *group),
                        "{:?} in {:?}", key, group
                    );
                }
                Ok(())
            };
            check(&r)?;
            for (k, (text, g, what)) in later.iter().enumerate() {
                match (*what, r.len()) {
                    (1, n) if n > 0 => r.add_alias(k % n, text),
                    (2, n) if n > 0 => r.rename(k % n, text),
                    _ => {
                        r.add(&format!("Y-{k:03}"), text, &[], Some(*g));
                    }
                }
            }
            check(&r)?;
            check(&r.clone())?;
        }
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
