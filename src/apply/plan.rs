//! Planning a meeting's decisions against the register. Pure: register + meeting → plan.
//!
//! The same planner serves `apply` (what to change) and `validate` (a register that has applied a
//! meeting plans to "nothing to do"; anything else is a finding). Decisions are taken group by group in
//! the platform's order, and within a group: replace, merge, add, subcases, propose, rename, relist,
//! delist, so a case may be added and delisted at one meeting.

use crate::catalog as cat;
use crate::finding::Finding;
use crate::index::{Index, Resolved, Resolver};
use crate::model::names::normalize;
use crate::model::{
    Action, Case, CaseFields, Date, HistoryEntry, Meeting, NewCase, Status, Target,
};
use crate::model::{Doc, Register};
use crate::msg::Msg;
use crate::yaml::{Pos, Sp};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What one decision did (or had already done) to one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The platform group the decision is under (index into `platform.groups`).
    pub group: usize,
    /// What the decision does to the case.
    pub action: Action,
    /// The case's id (a new case's planned id).
    pub case_id: String,
    /// The case's title.
    pub title: String,
    /// The case file is created by this decision.
    pub created: bool,
    /// The register already holds this decision's effect.
    pub done_before: bool,
    /// Where the decision is written in the meeting file.
    pub pos: Pos,
}

/// A case the plan changes or creates: its intended content after the meeting.
#[derive(Debug, Clone)]
pub struct Touched {
    /// Index into `register.cases`, or `None` for a new case.
    pub existing: Option<usize>,
    /// The case as it is to be after the meeting.
    pub case: Case,
    /// Where a new case is written (relative to the root).
    pub path: PathBuf,
}

/// What applying a meeting does: its steps, the case files it changes or creates, and the
/// decisions it refuses.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// One step per decision and case, in the order they are taken.
    pub steps: Vec<Step>,
    /// The cases the plan changes or creates, each with its content after the meeting.
    pub touched: Vec<Touched>,
    /// Decisions that cannot be planned; `apply` refuses a plan with any.
    pub errors: Vec<Finding>,
}

impl Plan {
    /// Whether some step is not yet in the register (none is, once the meeting is applied).
    pub fn changes_anything(&self) -> bool {
        self.steps.iter().any(|s| !s.done_before)
    }
}

struct Planner<'a> {
    reg: &'a Register,
    meeting: &'a Meeting,
    mpath: &'a Path,
    /// The register's resolver, copied only when the plan adds a case, an alias or a title.
    resolver: Cow<'a, Resolver>,
    /// resolver index → index in `touched`
    work: HashMap<usize, usize>,
    touched: Vec<Touched>,
    /// The next free number per group code, computed when a plan first needs one.
    next_id: Option<HashMap<String, u32>>,
    /// The cases whose history names this meeting (where a re-applied creation is found).
    this_meeting: Vec<usize>,
    steps: Vec<Step>,
    errors: Vec<Finding>,
}

/// Plan `meeting` (read from `mpath`) against the register.
pub fn plan(reg: &Register, idx: &Index, meeting: &Meeting, mpath: &Path) -> Plan {
    let id = meeting.id.value.as_str();
    let this_meeting = reg
        .cases
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.value
                .history
                .iter()
                .any(|e| e.meeting.as_ref().is_some_and(|m| m.value == id))
        })
        .map(|(i, _)| i)
        .collect();
    let mut p = Planner {
        reg,
        meeting,
        mpath,
        resolver: Cow::Borrowed(&idx.resolver),
        work: HashMap::new(),
        touched: Vec::new(),
        next_id: None,
        this_meeting,
        steps: Vec::new(),
        errors: Vec::new(),
    };
    p.run();
    Plan {
        steps: p.steps,
        touched: p.touched,
        errors: p.errors,
    }
}

/// The next free number of every group code in the register.
fn next_ids(reg: &Register) -> HashMap<String, u32> {
    let mut next_id: HashMap<String, u32> = HashMap::new();
    for c in &reg.cases {
        if let Some((code, n)) = split_id(&c.value.id) {
            let e = next_id.entry(code.to_string()).or_insert(1);
            *e = (*e).max(n.saturating_add(1));
        }
    }
    next_id
}

use crate::model::names::{split_id, suggest_str};

impl Planner<'_> {
    fn err(&mut self, pos: Pos, msg: Msg, hint: Option<Msg>) {
        self.errors
            .push(Finding::error("decision", self.mpath, pos, msg).with_hint_msg(hint));
    }

    fn date(&self) -> Option<Sp<Date>> {
        self.meeting.date.as_ref().map(|d| Sp::new(d.value))
    }

    fn run(&mut self) {
        let platform = &self.reg.platform.value;
        let mut by_group: Vec<Option<usize>> = vec![None; platform.groups.len()];
        for (k, (key, _)) in self.meeting.decisions.0.iter().enumerate() {
            match platform.group_index(key) {
                Some(g) => {
                    if by_group[g].is_some() {
                        self.err(
                            key.pos,
                            Msg::new(&cat::GROUP_TWO_BLOCKS)
                                .text("group", platform.groups[g].name.value.clone())
                                .text("key", key.value.clone()),
                            None,
                        );
                    } else {
                        by_group[g] = Some(k);
                    }
                }
                None => {
                    let hint = platform
                        .suggest_group(&key.value)
                        .map(|s| Msg::new(&cat::DID_YOU_MEAN).text("name", s));
                    let msg = Msg::new(&cat::UNKNOWN_GROUP).text("group", key.value.clone());
                    self.err(key.pos, msg, hint);
                }
            }
        }
        for (g, k) in by_group.iter().enumerate() {
            if let Some(k) = k {
                self.group(g, *k);
            }
        }
    }

    fn group(&mut self, g: usize, k: usize) {
        let d = &self.meeting.decisions.0[k].1;
        // One new case per title: the same title twice in a group's new cases is a mistake in the minutes.
        let mut seen: HashMap<String, u32> = HashMap::new();
        for n in d.add.iter().chain(&d.subcases).chain(&d.propose) {
            let key = crate::model::names::normalize(&n.value.title.value);
            if key.is_empty() {
                continue; // reported as an empty title
            }
            if let Some(line) = seen.get(&key) {
                self.err(
                    n.pos,
                    Msg::new(&cat::NEW_CASE_TWICE)
                        .text("title", n.value.title.value.clone())
                        .num("line", *line),
                    Some(Msg::new(&cat::LIST_NEW_ONCE)),
                );
            } else {
                seen.insert(key, n.pos.line);
            }
        }
        for r in &d.replace {
            self.replace(g, &r.value.case, &r.value.by, r.value.note.as_deref());
        }
        for m in &d.merge {
            self.merge(g, &m.value.cases, &m.value.into, m.value.note.as_deref());
        }
        for n in &d.add {
            self.create(g, &n.value, Action::Add, None);
        }
        for n in &d.subcases {
            let Some(parent) = &n.value.parent else {
                self.err(
                    n.pos,
                    Msg::new(&cat::SUBCASE_NO_PARENT).text("title", n.value.title.value.clone()),
                    Some(Msg::new(&cat::WRITE_PARENT)),
                );
                continue;
            };
            if let Some(p) = self.resolve(parent, Some(g)) {
                let pid = self.resolver.id(p).to_string();
                self.create(g, &n.value, Action::Subcase, Some(pid));
            }
        }
        for n in &d.propose {
            self.create(g, &n.value, Action::Propose, None);
        }
        for r in &d.rename {
            self.rename(g, &r.value.case, &r.value.to, r.value.note.as_deref());
        }
        for r in &d.relist {
            self.existing(g, &r.value, Action::Relist, Status::Delisted);
        }
        for r in &d.delist {
            self.existing(g, &r.value, Action::Delist, Status::Ongoing);
        }
        for n in d.add.iter().chain(&d.propose) {
            if n.value.parent.is_some() {
                self.err(n.pos, Msg::new(&cat::PARENT_IN_SUBCASES), None);
            }
        }
    }

    /// The working copy of resolver entry `r`, cloned from the register on first touch.
    fn touch(&mut self, r: usize) -> &mut Touched {
        let t = match self.work.get(&r) {
            Some(t) => *t,
            None => {
                let doc = &self.reg.cases[r];
                self.touched.push(Touched {
                    existing: Some(r),
                    case: doc.value.clone(),
                    path: doc.path.clone(),
                });
                self.work.insert(r, self.touched.len() - 1);
                self.touched.len() - 1
            }
        };
        &mut self.touched[t]
    }

    fn case(&self, r: usize) -> &Case {
        match self.work.get(&r) {
            Some(t) => &self.touched[*t].case,
            None => &self.reg.cases[r].value,
        }
    }

    fn has_entry(&self, r: usize, a: Action) -> bool {
        let id = &self.meeting.id.value;
        self.case(r)
            .history
            .iter()
            .any(|e| e.action.value == a && e.meeting.as_ref().is_some_and(|m| m.value == id))
    }

    fn record(&mut self, r: usize, a: Action, note: Option<&str>) {
        let entry = HistoryEntry {
            date: self.date(),
            not_after: None,
            meeting: Some(Sp::new(self.meeting.id.value.as_str().into())),
            action: Sp::new(a),
            note: note.map(str::to_string),
            source: None,
        };
        let c = &mut self.touch(r).case;
        c.history.push(Sp::new(entry));
        if let Some(s) = a.status_after() {
            c.status = Sp::new(s);
        }
    }

    fn step(&mut self, g: usize, a: Action, r: usize, created: bool, done: bool, pos: Pos) {
        self.steps.push(Step {
            group: g,
            action: a,
            case_id: self.resolver.id(r).to_string(),
            title: self.resolver.title(r).to_string(),
            created,
            done_before: done,
            pos,
        });
    }

    fn resolve(&mut self, name: &Sp<String>, g: Option<usize>) -> Option<usize> {
        self.resolve_as(name, g, false)
    }

    /// `as_ref`: the name is a decision item that may be written `{ case: …, id: … }`, which the
    /// "did you mean" hint then shows, with the minutes' wording kept.
    fn resolve_as(&mut self, name: &Sp<String>, g: Option<usize>, as_ref: bool) -> Option<usize> {
        let groups = &self.reg.platform.value.groups;
        // The group the name was looked for in, when there is one.
        let in_group = |t: &'static crate::msg::Template, t_in: &'static crate::msg::Template| {
            let m = g.map_or_else(
                || Msg::new(t),
                |g| Msg::new(t_in).text("group", groups[g].name.value.clone()),
            );
            m.text("name", name.value.clone())
        };
        match self.resolver.resolve(&name.value, g) {
            Resolved::Found(r) => return Some(r),
            Resolved::Unknown(s) => {
                let hint = (!s.is_empty()).then(|| {
                    let meant = self.resolver.describe_msg(&s);
                    let fix = |id: &str| {
                        format!(
                            "{{ case: {}, id: {} }}",
                            crate::canon::scalar(&name.value, true),
                            crate::canon::scalar(id, true)
                        )
                    };
                    match (as_ref, s.as_slice()) {
                        (false, _) => Msg::new(&cat::DID_YOU_MEAN_CASES).msg("meant", meant),
                        (true, [one]) => Msg::new(&cat::DID_YOU_MEAN_WRITE_ONE)
                            .msg("meant", meant)
                            .text("fix", fix(self.resolver.id(*one))),
                        (true, _) => Msg::new(&cat::DID_YOU_MEAN_WRITE_ANY)
                            .msg("meant", meant)
                            .text("fix", fix(self.resolver.id(s[0]))),
                    }
                });
                let msg = in_group(&cat::UNKNOWN_CASE, &cat::UNKNOWN_CASE_IN);
                self.err(name.pos, msg, hint);
            }
            Resolved::Ambiguous(v) => {
                let hint = Msg::new(&cat::COULD_BE).msg("cases", self.resolver.describe_msg(&v));
                let msg = in_group(&cat::AMBIGUOUS_CASE, &cat::AMBIGUOUS_CASE_IN);
                self.err(name.pos, msg, Some(hint));
            }
            Resolved::OtherGroup(v) => {
                let hint =
                    Msg::new(&cat::OF_ANOTHER_GROUP).msg("cases", self.resolver.describe_msg(&v));
                let msg = in_group(&cat::NOT_IN_GROUP, &cat::NOT_IN_GROUP_IN);
                self.err(name.pos, msg, Some(hint));
            }
        }
        None
    }

    /// Resolve a reference; with an `id`, the case is that id and the wording becomes an alias.
    fn resolve_ref(&mut self, rf: &crate::model::Ref, g: usize) -> Option<usize> {
        let Some(id) = &rf.id else {
            return self.resolve_as(&rf.case, Some(g), true);
        };
        let Some(r) = self.resolver.by_id(&id.value) else {
            let msg = Msg::new(&cat::UNKNOWN_CASE_ID).text("id", id.value.clone());
            self.err(id.pos, msg, None);
            return None;
        };
        let key = normalize(&rf.case.value);
        let c = self.case(r);
        let known = normalize(&c.id) == key || c.names().any(|n| normalize(n) == key);
        if !known {
            let wording = rf.case.value.clone();
            self.touch(r).case.aliases.push(Sp::new(wording.clone()));
            self.resolver.to_mut().add_alias(r, &wording);
        }
        Some(r)
    }

    /// A decision on an existing case that requires status `need` (delist, relist).
    fn existing(&mut self, g: usize, rf: &crate::model::Ref, a: Action, need: Status) {
        let name = &rf.case;
        let note = rf.note.as_deref();
        let Some(r) = self.resolve_ref(rf, g) else {
            return;
        };
        if self.has_entry(r, a) {
            self.step(g, a, r, false, true, name.pos);
            return;
        }
        if !self.require(r, need, a, name.pos) {
            return;
        }
        self.record(r, a, note);
        self.step(g, a, r, false, false, name.pos);
    }

    fn require(&mut self, r: usize, need: Status, a: Action, pos: Pos) -> bool {
        let st = self.case(r).status.value;
        if st == need {
            return true;
        }
        let msg = Msg::new(&cat::CANNOT_DECIDE)
            .label("action", a.as_str())
            .text("id", self.resolver.id(r))
            .text("title", self.resolver.title(r))
            .label("status", st.as_str())
            .label("need", need.as_str());
        self.err(pos, msg, None);
        false
    }

    /// Find the case a creating decision made before (re-apply), or the proposal it adopts.
    fn find_created(&self, g: usize, n: &NewCase, a: Action) -> Option<(usize, bool)> {
        if let Some(id) = &n.id {
            let r = self.resolver.by_id(&id.value)?;
            return Some((r, self.has_entry(r, a)));
        }
        let key = normalize(&n.title.value);
        // The first of the cases this meeting names and those it created (in entry order) with the
        // title among its names; the resolver knows every name of every case, so only the cases it
        // finds by the title are looked at.
        let created_here = self.reg.cases.len();
        self.resolver
            .named(&key)
            .filter(|r| *r >= created_here || self.this_meeting.binary_search(r).is_ok())
            .filter(|r| {
                let c = self.case(*r);
                let same_group = self.reg.platform.value.group_by_name(&c.group) == Some(g);
                same_group && self.has_entry(*r, a) && c.names().any(|x| normalize(x) == key)
            })
            .min()
            .map(|r| (r, true))
    }

    /// A decision that creates a case (add, subcase, propose, a replacement, a merge target).
    fn create(
        &mut self,
        g: usize,
        n: &NewCase,
        a: Action,
        parent: Option<String>,
    ) -> Option<usize> {
        let pos = n.title.pos;
        match self.find_created(g, n, a) {
            Some((r, true)) => {
                self.step(g, a, r, false, true, pos);
                return Some(r);
            }
            Some((r, false)) => {
                // A pinned id that exists: only a proposal may be adopted by an add.
                if a == Action::Add && self.case(r).status.value == Status::Proposed {
                    self.record(r, a, n.note.as_deref());
                    self.step(g, a, r, false, false, pos);
                    return Some(r);
                }
                let id = self.resolver.id(r).to_string();
                self.err(
                    n.id.as_ref().map_or(pos, |i| i.pos),
                    Msg::new(&cat::ID_TAKEN)
                        .text("id", id)
                        .text("title", self.resolver.title(r)),
                    Some(Msg::new(&cat::LEAVE_ID_OUT)),
                );
                return None;
            }
            None => {}
        }
        let platform = &self.reg.platform.value;
        let group = &platform.groups[g];
        let id = match &n.id {
            Some(id) => {
                match split_id(&id.value) {
                    Some((code, _)) if code == group.code.value => {}
                    _ => {
                        self.err(
                            id.pos,
                            Msg::new(&cat::NOT_AN_ID_OF)
                                .text("id", id.value.clone())
                                .text("group", group.name.value.clone())
                                .text("code", group.code.value.clone()),
                            None,
                        );
                        return None;
                    }
                }
                id.value.clone()
            }
            None => {
                let reg = self.reg;
                let next_id = self.next_id.get_or_insert_with(|| next_ids(reg));
                let next = next_id.entry(group.code.value.clone()).or_insert(1);
                let id = compact_str::format_compact!("{}-{:03}", group.code.value, *next);
                *next += 1;
                id
            }
        };
        if let Some((code, num)) = split_id(&id) {
            let reg = self.reg;
            let next_id = self.next_id.get_or_insert_with(|| next_ids(reg));
            let next = next_id.entry(code.to_string()).or_insert(1);
            *next = (*next).max(num + 1);
        }
        for city in n.lead.iter().chain(&n.partners) {
            if !platform.members.iter().any(|m| m.value == city.value) {
                self.err(
                    city.pos,
                    Msg::new(&cat::NOT_A_MEMBER).text("city", city.value.clone()),
                    suggest_str(&city.value, &platform.member_names())
                        .map(|s| Msg::new(&cat::DID_YOU_MEAN).text("name", s)),
                );
            }
        }
        for t in &n.topics {
            if !platform.topics.iter().any(|x| x.value == t.value) {
                let msg = Msg::new(&cat::UNKNOWN_TOPIC).text("topic", t.value.clone());
                self.err(t.pos, msg, None);
            }
        }
        let case = Case::from(CaseFields {
            id: Sp::new(id.clone()),
            title: Sp::new(n.title.value.clone()),
            aliases: n.aliases.iter().map(|a| Sp::new(a.value.clone())).collect(),
            group: Sp::new(group.name.value.as_str().into()),
            lead: n.lead.as_ref().map(|l| Sp::new(l.value.clone())),
            partners: n
                .partners
                .iter()
                .map(|a| Sp::new(a.value.clone()))
                .collect(),
            topics: n.topics.iter().map(|a| Sp::new(a.value.clone())).collect(),
            parent: parent.map(Sp::new),
            status: Sp::new(Status::Ongoing),
            replaces: vec![],
            replaced_by: vec![],
            merged_into: None,
            merged_from: vec![],
            history: vec![],
            progress: vec![],
            milestones: vec![],
            sources: self.meeting.source.iter().cloned().collect(),
            notes: None,
            kind: None,
            summary: None,
            approach: None,
            benefits: None,
            ministries: vec![],
            contact: None,
        });
        let aliases: Vec<&str> = n.aliases.iter().map(|a| a.value.as_str()).collect();
        let r = self
            .resolver
            .to_mut()
            .add(&id, &n.title.value, &aliases, Some(g));
        self.touched.push(Touched {
            existing: None,
            case,
            path: PathBuf::from("cases")
                .join(&group.code.value)
                .join(format!("{id}.yaml")),
        });
        self.work.insert(r, self.touched.len() - 1);
        self.record(r, a, n.note.as_deref());
        self.step(g, a, r, true, false, pos);
        Some(r)
    }

    fn replace(&mut self, g: usize, old: &Sp<String>, by: &[Sp<NewCase>], note: Option<&str>) {
        let Some(o) = self.resolve(old, Some(g)) else {
            return;
        };
        let done = self.has_entry(o, Action::Replace);
        if !done && !self.require(o, Status::Ongoing, Action::Replace, old.pos) {
            return;
        }
        let old_title = self.resolver.title(o).to_string();
        let default_note = format!("原「{old_title}」改列");
        let mut new_ids = Vec::new();
        for n in by {
            let mut n = n.value.clone();
            if n.note.is_none() {
                n.note = Some(default_note.clone());
            }
            if let Some(r) = self.create(g, &n, Action::Add, None) {
                let oid = self.resolver.id(o).to_string();
                let c = &mut self.touch(r).case;
                if !c.replaces.iter().any(|x| x.value == oid) {
                    c.replaces.push(Sp::new(oid));
                }
                new_ids.push(self.resolver.id(r).to_string());
            }
        }
        if done {
            self.step(g, Action::Replace, o, false, true, old.pos);
            return;
        }
        self.record(o, Action::Replace, note);
        let c = &mut self.touch(o).case;
        for id in new_ids {
            if !c.replaced_by.iter().any(|x| x.value == id) {
                c.replaced_by.push(Sp::new(id));
            }
        }
        self.step(g, Action::Replace, o, false, false, old.pos);
    }

    fn merge(&mut self, g: usize, cases: &[Sp<String>], into: &Sp<Target>, note: Option<&str>) {
        let target = match &into.value {
            Target::Existing(name) => {
                let name = Sp::at(name.clone(), into.pos);
                let t = self.resolve(&name, Some(g));
                if let Some(t) = t {
                    if self.has_entry(t, Action::Absorb) {
                        self.step(g, Action::Absorb, t, false, true, into.pos);
                    } else if self.require(t, Status::Ongoing, Action::Absorb, into.pos) {
                        self.record(t, Action::Absorb, note);
                        self.step(g, Action::Absorb, t, false, false, into.pos);
                    }
                }
                t
            }
            Target::New(n) => self.create(g, n, Action::Add, None),
        };
        let Some(t) = target else { return };
        let tid = self.resolver.id(t).to_string();
        for name in cases {
            let Some(r) = self.resolve(name, Some(g)) else {
                continue;
            };
            if r == t {
                self.err(
                    name.pos,
                    Msg::new(&cat::MERGED_INTO_ITSELF).text("id", tid.clone()),
                    None,
                );
                continue;
            }
            if self.has_entry(r, Action::Merge) {
                self.step(g, Action::Merge, r, false, true, name.pos);
                continue;
            }
            if !self.require(r, Status::Ongoing, Action::Merge, name.pos) {
                continue;
            }
            let n = note.map_or_else(|| format!("併入 {tid}"), str::to_string);
            self.record(r, Action::Merge, Some(&n));
            self.touch(r).case.merged_into = Some(Sp::new(tid.clone()));
            let rid = self.resolver.id(r).to_string();
            let tc = &mut self.touch(t).case;
            if !tc.merged_from.iter().any(|x| x.value == rid) {
                tc.merged_from.push(Sp::new(rid));
            }
            self.step(g, Action::Merge, r, false, false, name.pos);
        }
    }

    fn rename(&mut self, g: usize, name: &Sp<String>, to: &Sp<String>, note: Option<&str>) {
        let Some(r) = self.resolve(name, Some(g)) else {
            return;
        };
        if self.has_entry(r, Action::Rename) {
            self.step(g, Action::Rename, r, false, true, name.pos);
            return;
        }
        let old = self.case(r).title.value.clone();
        let n = note.map_or_else(|| format!("原名「{old}」"), str::to_string);
        self.record(r, Action::Rename, Some(&n));
        let c = &mut self.touch(r).case;
        c.title = Sp::new(to.value.clone());
        if !c.aliases.iter().any(|a| a.value == old) {
            c.aliases.push(Sp::new(old));
        }
        self.resolver.to_mut().rename(r, &to.value);
        self.step(g, Action::Rename, r, false, false, name.pos);
    }
}

/// The register as it would be after the plan: touched cases replaced, new ones appended. It holds
/// the values only, not the files' texts (the rules, lookups and tallies never read them), so that a
/// large register's texts are not copied.
pub fn register_after(reg: &Register, plan: &Plan) -> Register {
    fn bare<T: Clone>(d: &Doc<T>) -> Doc<T> {
        Doc {
            path: d.path.clone(),
            text: String::new(),
            value: d.value.clone(),
        }
    }
    let mut replaced: Vec<Option<&Case>> = vec![None; reg.cases.len()];
    let mut new = Vec::new();
    for t in &plan.touched {
        match t.existing {
            Some(i) => replaced[i] = Some(&t.case),
            None => new.push(Doc {
                path: t.path.clone(),
                text: String::new(),
                value: t.case.clone(),
            }),
        }
    }
    let mut cases = Vec::with_capacity(reg.cases.len() + new.len());
    cases.extend(reg.cases.iter().zip(replaced).map(|(d, r)| match r {
        Some(c) => Doc {
            path: d.path.clone(),
            text: String::new(),
            value: c.clone(),
        },
        None => bare(d),
    }));
    cases.extend(new);
    Register {
        root: reg.root.clone(),
        platform: bare(&reg.platform),
        cases,
        meetings: reg.meetings.iter().map(bare).collect(),
    }
}
