//! `kbbt minutes MEETING [--as-published]`: the decision section (決議事項) in the minutes' phrasing.
//!
//! Names come from the meeting file as written (they are the minutes' wording); numbers come from the
//! register's tally of the meeting. With `--as-published`, a number the meeting records as a
//! discrepancy is printed as the minutes state it, and only the counts the minutes state are printed
//! (the summary line and each group's 「其餘 N 案持續列管」); without it, the register's view: the
//! summary line always, and a group's ongoing line whenever the meeting states it or the register
//! counts any.

use super::output::Bytes;
use super::{Env, Outcome, load_clean};
use crate::cli::{MinutesArgs, MinutesFormat};
use kbbt::exit::Exit;
use kbbt::index::{Index, Resolved};
use kbbt::load;
use kbbt::model::Register;
use kbbt::model::{GroupDecisions, Meeting, NewCase, Ref, Target};
use kbbt::render::minutes::{self, AddPart, GroupSection, Item, Minutes, Name, Proposals};
use kbbt::tally::{self, GroupTally, Timelines};
use std::path::Path;

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The meeting named on the command line: an id, or a meeting file (in the register or not).
fn find_meeting(env: &Env, reg: &Register, idx: &Index, arg: &str) -> Result<usize, Outcome> {
    if let Some(m) = idx.meeting_by_id.get(arg.trim()) {
        return Ok(*m);
    }
    let path = env.args_dir.join(arg);
    if path.is_file() {
        let canon = path.canonicalize().unwrap_or_else(|_| path.clone());
        let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
        if let Ok(rel) = canon.strip_prefix(&root)
            && let Some(i) = reg.meetings.iter().position(|m| m.path == rel)
        {
            return Ok(i);
        }
        let dir = canon.parent().unwrap_or(Path::new("/"));
        let name = canon.file_name().map(Path::new).unwrap_or(Path::new(""));
        let doc = load::read_meeting(dir, name).map_err(|f| {
            Outcome::fail(
                Exit::Problems,
                format!("error: cannot read the meeting {arg}: {}\n", f.message),
            )
        })?;
        let id = doc.value.id.value;
        return idx.meeting_by_id.get(&id).copied().ok_or_else(|| {
            Outcome::fail(
                Exit::Problems,
                format!(
                    "error: meeting `{id}` ({arg}) is not in the register\n  hint: apply it first: kbbt apply {arg}\n"
                ),
            )
        });
    }
    let ids: Vec<String> = reg
        .meetings
        .iter()
        .map(|m| m.value.id.value.clone())
        .collect();
    let hint = kbbt::model::names::suggest_str(arg, &ids)
        .map_or(String::new(), |s| format!("  hint: did you mean `{s}`?\n"));
    Err(Outcome::fail(
        Exit::Usage,
        format!("error: unknown meeting `{arg}` (neither a meeting id nor a file)\n{hint}"),
    ))
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

    fn group(&self, g: usize, ds: &[&GroupDecisions], t: &GroupTally) -> GroupSection {
        let mut items = Vec::new();
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
        if !parts.is_empty() {
            items.push(Item::Add {
                count: self
                    .number(Some(g), "add", t.add.len())
                    .unwrap_or_else(|| count(t.add.len())),
                parts,
            });
        }
        // Sub-cases, grouped by parent in the order the meeting names them.
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
        for (parent, names) in subs {
            items.push(Item::Subcases { parent, names });
        }
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
                leads.push(n.value.lead.as_ref().map(|l| l.value.clone()).or_else(|| {
                    self.new_case(&n.value, *g)
                        .and_then(|c| self.reg.cases[c].value.lead.as_ref())
                        .map(|l| l.value.clone())
                }));
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

pub fn run(env: &Env, o: &MinutesArgs) -> Outcome {
    let meeting = o.meeting.as_str();
    let as_published = o.as_published;
    let target = match o
        .output
        .as_deref()
        .map(|p| super::output::target(env, p, super::output::Dest::Document))
        .transpose()
    {
        Ok(t) => t,
        Err(out) => return out,
    };
    let format = match super::output::choose(o.format, o.output.as_deref(), MinutesFormat::Text) {
        Ok(f) => f,
        Err(out) => return out,
    };
    if target.is_none() && matches!(format, MinutesFormat::Odt | MinutesFormat::Docx) {
        return super::output::needs_file(if format == MinutesFormat::Odt {
            "odt"
        } else {
            "docx"
        });
    }
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let m = match find_meeting(env, &reg, &idx, meeting) {
        Ok(m) => m,
        Err(o) => return o,
    };
    let doc = &reg.meetings[m];
    let mt = &doc.value;
    let p = &reg.platform.value;
    // The decisions of each platform group, in the platform's order.
    let mut groups: Vec<(usize, Vec<&GroupDecisions>)> = Vec::new();
    for (key, d) in &mt.decisions.0 {
        let Some(g) = p.group_index(&key.value) else {
            return Outcome::fail(
                Exit::Problems,
                format!(
                    "error: {}: unknown group `{}`\n  hint: run `kbbt validate` for all the problems\n",
                    env.shown.join(&doc.path).display(),
                    key.value
                ),
            );
        };
        match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, v)) => v.push(d),
            None => groups.push((g, vec![d])),
        }
    }
    groups.sort_by_key(|(g, _)| *g);
    if groups.is_empty() {
        return Outcome::fail(
            Exit::Problems,
            format!(
                "error: meeting `{}` records no decisions about cases, so it has no decision section\n",
                mt.id.value
            ),
        );
    }
    let tl = Timelines::new(&reg, &idx);
    let t = tally::tally_meeting(&reg, &idx, &tl, m);
    let b = Builder {
        reg: &reg,
        idx: &idx,
        meeting: mt,
        as_published,
        register_names: o.register_names,
    };
    let totals = if as_published && mt.totals.is_none() {
        None
    } else {
        Some((
            b.number(None, "delist", t.total(|g| g.delist.len())),
            b.number(None, "add", t.total(|g| g.add.len())),
            b.number(None, "ongoing", t.total(|g| g.ongoing.len())),
        ))
    };
    let sections = groups
        .iter()
        .map(|(g, ds)| b.group(*g, ds, &t.groups[*g]))
        .collect();
    let text = minutes::render(&Minutes {
        totals,
        groups: sections,
        proposals: b.proposals(&groups),
    });
    let doc = || {
        let date = mt.date();
        let page = kbbt::render::doc::Page::new(
            &p.name.value,
            date.map_or_else(String::new, |d| format!("會議日期：{}", d.roc_long())),
            kbbt::render::doc::generated_today(),
            &o.font,
        );
        kbbt::render::doc::minutes_doc(&mt.title.value, &text, page)
    };
    let data = match format {
        MinutesFormat::Text => Bytes::Text(text.clone()),
        MinutesFormat::Fodt => Bytes::Text(kbbt::render::odf::fodt(&doc())),
        MinutesFormat::Odt => match kbbt::render::odt::odt(&doc()) {
            Ok(b) => Bytes::Binary(b),
            Err(e) => {
                return Outcome::fail(
                    Exit::Problems,
                    format!("error: cannot build the package: {e}\n"),
                );
            }
        },
        MinutesFormat::Docx => match kbbt::render::docx::docx(&doc()) {
            Ok(b) => Bytes::Binary(b),
            Err(e) => {
                return Outcome::fail(
                    Exit::Problems,
                    format!("error: cannot build the package: {e}\n"),
                );
            }
        },
    };
    match (target, o.output.as_deref(), data) {
        (Some(path), Some(shown), data) => super::output::write(
            &path,
            shown,
            &data,
            format!(
                "wrote {} (the decisions of {})\n",
                shown.display(),
                mt.id.value
            ),
        ),
        // The minutes' own words: never translated.
        (_, _, Bytes::Text(text)) => Outcome::machine(text),
        (_, _, Bytes::Binary(_)) => unreachable!("binary formats need -o, checked above"),
    }
}
