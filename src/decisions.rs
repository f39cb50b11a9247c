//! The decision section (決議事項) of a meeting's minutes, from the register: names as the meeting
//! file writes them (they are the minutes' wording), numbers from the register's tally of the
//! meeting. With `as_published`, a number the meeting records as a discrepancy is given as the
//! minutes state it, and only the counts the minutes state are given. Pure: `render::minutes`
//! phrases the result.

use crate::index::{Index, Resolved};
use crate::model::{GroupDecisions, Meeting, NewCase, Ref, Register, Target};
use crate::render::minutes::{AddPart, GroupSection, Item, Minutes, Name, Proposals};
use crate::tally::{self, GroupTally, Timelines};

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How to build the section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Numbers as the minutes state them where the meeting records a discrepancy; only the counts
    /// the minutes state.
    pub as_published: bool,
    /// Name cases by the register's titles, not the meeting file's wording.
    pub register_names: bool,
}

/// A meeting's decisions by group: the group's index and its decisions.
pub type GroupDecisionsOf<'a> = Vec<(usize, Vec<&'a GroupDecisions>)>;

/// The decisions of each platform group in meeting `mt`, in the platform's order; a group the
/// platform does not know is `Err` with its name as written.
pub fn by_group<'a>(reg: &Register, mt: &'a Meeting) -> Result<GroupDecisionsOf<'a>, String> {
    let p = &reg.platform.value;
    let mut groups: Vec<(usize, Vec<&GroupDecisions>)> = Vec::new();
    for (key, d) in &mt.decisions.0 {
        let g = p.group_index(&key.value).ok_or_else(|| key.value.clone())?;
        match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, v)) => v.push(d),
            None => groups.push((g, vec![d])),
        }
    }
    groups.sort_by_key(|(g, _)| *g);
    Ok(groups)
}

/// The decision section of meeting `m`, with `groups` its decisions by group ([`by_group`]).
pub fn build(
    reg: &Register,
    idx: &Index,
    m: usize,
    groups: &[(usize, Vec<&GroupDecisions>)],
    o: Options,
) -> Minutes {
    let mt = &reg.meetings[m].value;
    let tl = Timelines::new(reg, idx);
    let t = tally::tally_meeting(reg, idx, &tl, m);
    let b = Builder {
        reg,
        idx,
        meeting: mt,
        as_published: o.as_published,
        register_names: o.register_names,
    };
    let totals = if o.as_published && mt.totals.is_none() {
        None
    } else {
        Some((
            b.number(None, "delist", t.total(|g| g.delist.len())),
            b.number(None, "add", t.total(|g| g.add.len())),
            b.number(None, "ongoing", t.total(|g| g.ongoing.len())),
        ))
    };
    Minutes {
        totals,
        groups: groups
            .iter()
            .map(|(g, ds)| b.group(*g, ds, &t.groups[*g]))
            .collect(),
        proposals: b.proposals(groups),
    }
}

/// Builds the decision section of one meeting from the register.
struct Builder<'a> {
    reg: &'a Register,
    idx: &'a Index,
    meeting: &'a Meeting,
    as_published: bool,
    /// Name cases by the register's titles, not the meeting file's wording.
    register_names: bool,
}

impl Builder<'_> {
    /// The stated number the meeting records as a discrepancy for `field` of `group`
    /// (`None`: the totals line).
    fn stated(&self, group: Option<usize>, field: &str) -> Option<u32> {
        let p = &self.reg.platform.value;
        self.meeting.discrepancies.iter().find_map(|d| {
            let d = &d.value;
            let g = d.group.as_ref().map(|g| p.group_index(&g.value));
            let same_group = match (g, group) {
                (None, None) => true,
                (Some(Some(a)), Some(b)) => a == b,
                _ => false,
            };
            (same_group && d.field.value == field).then_some(d.stated)
        })
    }

    /// The number to print: the register's, or the stated one where a discrepancy is recorded;
    /// `None` when the register does not know it (the meeting file records only some kinds of
    /// decision) and the minutes state none.
    fn number(&self, group: Option<usize>, field: &str, register: usize) -> Option<u32> {
        let stated = if self.as_published {
            self.stated(group, field)
        } else {
            None
        };
        stated.or_else(|| self.meeting.known().field(field).then(|| count(register)))
    }

    /// The register's case a reference means, when it resolves.
    fn case_of(&self, text: &str, id: Option<&str>, g: usize) -> Option<usize> {
        if let Some(i) = id.and_then(|id| self.idx.case(id)) {
            return Some(i);
        }
        match self.idx.resolver.resolve(text, Some(g)) {
            Resolved::Found(i) => Some(i),
            _ => None,
        }
    }

    /// How the minutes name an existing case: as the meeting writes it, or its title for a bare id.
    /// With `--register-names`, the register's title of the case it resolves to.
    fn ref_text(&self, text: &str) -> String {
        if let Some(i) = self.idx.resolver.by_id(text) {
            return self.reg.cases[i].value.title.value.clone();
        }
        if self.register_names
            && let Resolved::Found(i) = self.idx.resolver.resolve(text, None)
        {
            return self.reg.cases[i].value.title.value.clone();
        }
        text.to_string()
    }

    /// A reference (delist, relist) with the case's common topics marked after its name.
    fn ref_name(&self, r: &Ref, g: usize) -> Name {
        let topics = self
            .case_of(&r.case.value, r.id.as_ref().map(|i| i.value.as_str()), g)
            .map(|c| {
                self.reg.cases[c]
                    .value
                    .topics
                    .iter()
                    .map(|t| t.value.clone())
                    .collect()
            })
            .unwrap_or_default();
        Name {
            text: self.ref_text(&r.case.value),
            topics,
            mark_inside: false,
        }
    }

    fn new_name(&self, n: &NewCase, g: usize) -> Name {
        let text = if self.register_names {
            self.new_case(n, g).map_or_else(
                || n.title.value.clone(),
                |c| self.reg.cases[c].value.title.value.clone(),
            )
        } else {
            n.title.value.clone()
        };
        Name {
            text,
            topics: n.topics.iter().map(|t| t.value.clone()).collect(),
            mark_inside: true,
        }
    }

    fn new_case(&self, n: &NewCase, g: usize) -> Option<usize> {
        self.case_of(&n.title.value, n.id.as_ref().map(|i| i.value.as_str()), g)
    }

    /// The 「同意新增 N 案」 item: replacements, merges into a new case, and new cases.
    fn add_item(&self, g: usize, ds: &[&GroupDecisions], t: &GroupTally) -> Option<Item> {
        let mut parts = Vec::new();
        for d in ds {
            for r in &d.replace {
                parts.push(AddPart::Replace {
                    case: self.ref_text(&r.value.case.value),
                    by: r
                        .value
                        .by
                        .iter()
                        .map(|n| self.new_name(&n.value, g))
                        .collect(),
                });
            }
            for m in &d.merge {
                if let Target::New(into) = &m.value.into.value {
                    parts.push(AddPart::MergeNew {
                        cases: m.value.cases.iter().map(|c| self.ref_text(c)).collect(),
                        into: self.new_name(into, g),
                    });
                }
            }
        }
        let added: Vec<Name> = ds
            .iter()
            .flat_map(|d| &d.add)
            .map(|n| self.new_name(&n.value, g))
            .collect();
        if !added.is_empty() {
            parts.push(AddPart::New(added));
        }
        (!parts.is_empty()).then(|| Item::Add {
            count: self
                .number(Some(g), "add", t.add.len())
                .unwrap_or_else(|| count(t.add.len())),
            parts,
        })
    }

    /// Sub-cases, grouped by parent in the order the meeting names them.
    fn subcase_items(&self, g: usize, ds: &[&GroupDecisions]) -> Vec<Item> {
        let mut subs: Vec<(String, Vec<Name>)> = Vec::new();
        for n in ds.iter().flat_map(|d| &d.subcases) {
            let n = &n.value;
            let parent = n.parent.as_ref().map_or_else(
                || {
                    self.new_case(n, g)
                        .and_then(|c| self.reg.cases[c].value.parent.as_ref())
                        .map(|p| self.ref_text(&p.value))
                        .unwrap_or_default()
                },
                |p| self.ref_text(&p.value),
            );
            match subs.iter_mut().find(|(p, _)| *p == parent) {
                Some((_, v)) => v.push(self.new_name(n, g)),
                None => subs.push((parent, vec![self.new_name(n, g)])),
            }
        }
        subs.into_iter()
            .map(|(parent, names)| Item::Subcases { parent, names })
            .collect()
    }

    /// Merges into an existing case, then renames.
    fn merge_rename_items(&self, ds: &[&GroupDecisions]) -> Vec<Item> {
        let mut items = Vec::new();
        for d in ds {
            for m in &d.merge {
                if let Target::Existing(into) = &m.value.into.value {
                    items.push(Item::MergeInto {
                        cases: m.value.cases.iter().map(|c| self.ref_text(c)).collect(),
                        into: self.ref_text(into),
                    });
                }
            }
            for r in &d.rename {
                items.push(Item::Rename {
                    from: self.ref_text(&r.value.case.value),
                    to: r.value.to.value.clone(),
                });
            }
        }
        items
    }

    /// Relisted, then delisted cases, each an item when there are any.
    fn relist_delist_items(&self, g: usize, ds: &[&GroupDecisions], t: &GroupTally) -> Vec<Item> {
        let mut items = Vec::new();
        let relisted: Vec<Name> = ds
            .iter()
            .flat_map(|d| &d.relist)
            .map(|r| self.ref_name(&r.value, g))
            .collect();
        if !relisted.is_empty() {
            items.push(Item::Relist {
                count: count(t.relist.len()),
                names: relisted,
            });
        }
        let delisted: Vec<Name> = ds
            .iter()
            .flat_map(|d| &d.delist)
            .map(|r| self.ref_name(&r.value, g))
            .collect();
        if !delisted.is_empty() {
            items.push(Item::Delist {
                count: self
                    .number(Some(g), "delist", t.delist.len())
                    .unwrap_or_else(|| count(t.delist.len())),
                names: delisted,
            });
        }
        items
    }

    /// The section of group `g`: its items in the minutes' order, then its ongoing line when the
    /// meeting states it, the register counts any (not `--as-published`), or there is no other item.
    fn group(&self, g: usize, ds: &[&GroupDecisions], t: &GroupTally) -> GroupSection {
        let mut items: Vec<Item> = self.add_item(g, ds, t).into_iter().collect();
        items.extend(self.subcase_items(g, ds));
        items.extend(self.merge_rename_items(ds));
        items.extend(self.relist_delist_items(g, ds, t));
        let stated = ds.iter().any(|d| d.ongoing.is_some());
        let register = !self.as_published && !t.ongoing.is_empty();
        if stated || register || items.is_empty() {
            items.push(Item::Ongoing(self.number(
                Some(g),
                "ongoing",
                t.ongoing.len(),
            )));
        }
        GroupSection {
            name: self.reg.platform.value.groups[g].name.value.clone(),
            items,
        }
    }

    /// The proposals (臨時動議) of every group, in the platform's order.
    fn proposals(&self, groups: &[(usize, Vec<&GroupDecisions>)]) -> Option<Proposals> {
        let mut names = Vec::new();
        let mut leads = Vec::new();
        for (g, ds) in groups {
            for n in ds.iter().flat_map(|d| &d.propose) {
                names.push(self.new_name(&n.value, *g));
                leads.push(
                    n.value
                        .lead
                        .as_ref()
                        .map(|l| l.value.to_string())
                        .or_else(|| {
                            self.new_case(&n.value, *g)
                                .and_then(|c| self.reg.cases[c].value.lead.as_ref())
                                .map(|l| l.value.to_string())
                        }),
                );
            }
        }
        if names.is_empty() {
            return None;
        }
        let by = match leads.first() {
            Some(Some(l)) if leads.iter().all(|x| x.as_ref() == Some(l)) => Some(l.clone()),
            _ => None,
        };
        Some(Proposals {
            by,
            names,
            level: self.meeting.level.value.clone(),
        })
    }
}
