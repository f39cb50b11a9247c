//! The draft meeting file: the parsed minutes with every name resolved against the register.
//!
//! A name the register knows is written as the minutes write it. A drifted spelling is pinned,
//! `{ case: <the minutes' wording>, id: … }`, only when exactly one case of the group comes close
//! (similarity 0.8 or more on normalised names); otherwise it stays as written, with a comment
//! listing the closest cases. A new case whose name the register already knows (a 臨時動議 now
//! added, or minutes imported twice) is written with that case's `id` and a comment saying so, so
//! that `apply --dry-run` shows what it means. Lines not read are kept as comments with their line
//! numbers. The layout is the canonical one (`canon::meeting`'s key order and scalars); comments
//! need this writer, since `canon` writes no comments.

use super::parse::{Item, Name, Parsed};
use crate::canon::scalar;
use crate::catalog as cat;
use crate::i18n::Lang;
use crate::index::{Index, Resolved};
use crate::model::Register;
use crate::model::names::{normalize, similarity};
use crate::msg::Msg;
use std::fmt::Write as _;

/// How close a drifted spelling must be to pin it to a case (when no other case is as close).
pub const PIN_SIMILARITY: f64 = 0.8;

/// What the draft holds, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Decisions read: each name, each `ongoing`, the totals line.
    pub recognised: usize,
    /// Drifted spellings pinned to a case by id.
    pub pinned: usize,
    /// Names of existing cases the register does not know (kept as written, with suggestions).
    pub unresolved: usize,
    /// Sentences in the groups not read, kept as comments.
    pub unparsed: usize,
    /// Lines outside the groups (header, other resolutions, later sections), kept as comments.
    pub other: usize,
    /// New cases whose name the register already has.
    pub existing: usize,
    /// Stated counts that disagree with the names listed.
    pub mismatches: usize,
}

/// What the draft needs besides the parsed minutes and the register.
pub struct Options<'a> {
    /// The meeting's id (`--id`); without it, the title's number after the id prefix of the
    /// register's meetings of the same level (`vm-`).
    pub id: Option<&'a str>,
    /// The document, as `source:` names it.
    pub source: &'a str,
}

#[derive(Default)]
struct Entry {
    comments: Vec<Msg>,
    text: String,
}

#[derive(Default)]
struct Block {
    name: String,
    comments: Vec<Msg>,
    replace: Vec<Entry>,
    merge: Vec<Entry>,
    add: Vec<Entry>,
    subcases: Vec<Entry>,
    propose: Vec<Entry>,
    rename: Vec<Entry>,
    relist: Vec<Entry>,
    delist: Vec<Entry>,
    ongoing: Option<u32>,
    tail: Vec<Msg>,
}

struct Drafter<'a> {
    reg: &'a Register,
    index: Index,
    sum: Summary,
}

/// A reference resolved: what to write, and a comment.
struct Resolution {
    id: Option<String>,
    comment: Option<Msg>,
}

impl Drafter<'_> {
    fn describe(&self, i: usize) -> Msg {
        self.index.resolver.describe_msg(&[i])
    }

    /// Cases of group `g` whose title or an alias comes close to `name`, closest first.
    fn near(&self, name: &str, g: Option<usize>) -> Vec<(f64, usize)> {
        let key = normalize(name);
        let mut v: Vec<(f64, usize)> = Vec::new();
        for (i, c) in self.reg.cases.iter().enumerate() {
            if g.is_some() && self.index.case_group[i] != g {
                continue;
            }
            let c = &c.value;
            let best = std::iter::once(c.title.as_str())
                .chain(c.aliases.iter().map(|a| a.value.as_str()))
                .map(|n| similarity(&key, &normalize(n)))
                .fold(0.0, f64::max);
            if best >= 0.45 {
                v.push((best, i));
            }
        }
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v
    }

    /// Resolve a reference to an existing case.
    fn reference(&mut self, name: &str, g: Option<usize>) -> Resolution {
        self.sum.recognised += 1;
        let r = &self.index.resolver;
        match r.resolve(name, g) {
            Resolved::Found(_) => Resolution {
                id: None,
                comment: None,
            },
            Resolved::OtherGroup(v) => {
                self.sum.unresolved += 1;
                Resolution {
                    id: None,
                    comment: Some(
                        Msg::new(&cat::DRAFT_OTHER_GROUP).msg("cases", r.describe_msg(&v)),
                    ),
                }
            }
            Resolved::Ambiguous(v) => {
                self.sum.unresolved += 1;
                Resolution {
                    id: None,
                    comment: Some(Msg::new(&cat::DRAFT_AMBIGUOUS).msg("cases", r.describe_msg(&v))),
                }
            }
            Resolved::Unknown(_) => {
                let near = self.near(name, g);
                let close: Vec<&(f64, usize)> =
                    near.iter().filter(|(s, _)| *s >= PIN_SIMILARITY).collect();
                if close.len() == 1 {
                    let i = close[0].1;
                    self.sum.pinned += 1;
                    return Resolution {
                        id: Some(r.id(i).to_string()),
                        comment: Some(Msg::new(&cat::DRAFT_PINNED).msg("case", self.describe(i))),
                    };
                }
                self.sum.unresolved += 1;
                let list: Vec<usize> = near.iter().take(3).map(|(_, i)| *i).collect();
                Resolution {
                    id: None,
                    comment: Some(if list.is_empty() {
                        Msg::new(&cat::DRAFT_NOTHING_LIKE)
                    } else {
                        Msg::new(&cat::DRAFT_CLOSEST).msg("cases", r.describe_msg(&list))
                    }),
                }
            }
        }
    }

    /// A reference where only a name or an id can be written (replace, merge, rename, parent).
    fn plain_ref(&mut self, n: &Name, g: Option<usize>, comments: &mut Vec<Msg>) -> String {
        let res = self.reference(&n.text, g);
        comments.extend(res.comment);
        match res.id {
            Some(id) => {
                comments.push(Msg::new(&cat::DRAFT_MINUTES_WRITE).text("name", n.text.clone()));
                scalar(&id, true)
            }
            None => scalar(&n.text, true),
        }
    }

    /// A reference in delist or relist: `{ case, id, note }` when pinned or remarked.
    fn list_ref(&mut self, n: &Name, g: Option<usize>) -> Entry {
        let res = self.reference(&n.text, g);
        let mut parts = vec![("case", scalar(&n.text, true))];
        if let Some(id) = &res.id {
            parts.push(("id", scalar(id, true)));
        }
        if let Some(note) = &n.note {
            parts.push(("note", scalar(note, true)));
        }
        Entry {
            comments: res.comment.into_iter().collect(),
            text: if parts.len() == 1 {
                parts.remove(0).1
            } else {
                flow_map(&parts)
            },
        }
    }

    /// A new case: title (a 共同議題 mark moved to `topics`, the wording kept in `aliases`), and the
    /// id of an existing case of that name.
    fn new_case(&mut self, n: &Name, g: Option<usize>, extra: &[(&str, String)]) -> Entry {
        self.sum.recognised += 1;
        let mut comments = Vec::new();
        let (title, topic) = self.topic_mark(&n.text);
        let mut parts: Vec<(&str, String)> = extra.to_vec();
        parts.push(("title", scalar(&title, true)));
        let r = &self.index.resolver;
        match r.resolve(&title, g) {
            Resolved::Found(i) => {
                self.sum.existing += 1;
                let status = self.reg.cases[i].value.status.value.as_str();
                comments.push(
                    Msg::new(&cat::DRAFT_ALREADY)
                        .label("status", status)
                        .msg("case", self.describe(i)),
                );
                parts.push(("id", scalar(r.id(i), true)));
            }
            Resolved::OtherGroup(v) | Resolved::Ambiguous(v) => {
                comments.push(Msg::new(&cat::DRAFT_NAME_EXISTS).msg("cases", r.describe_msg(&v)));
            }
            Resolved::Unknown(_) => {
                if let Some((s, i)) = self.near(&title, g).first()
                    && *s >= PIN_SIMILARITY
                {
                    comments.push(Msg::new(&cat::DRAFT_CLOSE_TO).msg("case", self.describe(*i)));
                }
            }
        }
        if let Some(t) = topic {
            parts.push(("topics", format!("[{}]", scalar(&t, true))));
            parts.push(("aliases", format!("[{}]", scalar(&n.text, true))));
        }
        if let Some(note) = &n.note {
            parts.push(("note", scalar(note, true)));
        }
        Entry {
            comments,
            text: if parts.len() == 1 {
                parts.remove(0).1
            } else {
                flow_map(&parts)
            },
        }
    }

    /// `X(共同議題—「T」)` with T a topic of the platform → (X, T).
    fn topic_mark(&self, s: &str) -> (String, Option<String>) {
        for open in ['(', '（'] {
            if let Some(at) = s.rfind(open) {
                let mark = &s[at..];
                if !mark.contains("共同議題") {
                    continue;
                }
                for t in &self.reg.platform.value.topics {
                    if mark.contains(t.value.as_str()) {
                        let title = s[..at].trim();
                        if !title.is_empty() {
                            return (title.to_string(), Some(t.value.clone()));
                        }
                    }
                }
            }
        }
        (s.to_string(), None)
    }
}

fn flow_map(parts: &[(&str, String)]) -> String {
    let inner: Vec<String> = parts.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{ {} }}", inner.join(", "))
}

/// The register's language (platform.yaml `language:`): Chinese for `zh-TW`, else English.
fn register_lang(reg: &Register) -> Lang {
    reg.platform.value.writes_in()
}

/// The platform level named in a title (the longest that appears).
fn level_of(reg: &Register, title: &str) -> Option<String> {
    reg.platform
        .value
        .levels
        .iter()
        .filter(|l| title.contains(l.value.as_str()))
        .max_by_key(|l| l.value.chars().count())
        .map(|l| l.value.clone())
}

/// `vm-7` from 「第 7 次副市長層級會議」: the prefix the register's meetings of that level use.
fn id_of(reg: &Register, title: &str, level: &str) -> Option<String> {
    let after = title.split('第').nth(1)?;
    let (n, _) = after.trim().split_once('次')?;
    let n: u32 = n.trim().parse().ok()?;
    reg.meetings.iter().find_map(|m| {
        let m = &m.value;
        if m.level.as_str() != level {
            return None;
        }
        let id = m.id.as_str();
        let digits = id.trim_end_matches(|c: char| c.is_ascii_digit());
        (digits.len() < id.len() && digits.ends_with('-')).then(|| format!("{digits}{n}"))
    })
}

/// Write the draft; returns the file's text and the summary.
pub fn draft(p: &Parsed, reg: &Register, opts: &Options<'_>) -> (String, Summary) {
    let mut d = Drafter {
        reg,
        index: Index::new(reg),
        sum: Summary::default(),
    };
    let platform = &reg.platform.value;
    let mut blocks: Vec<Block> = Vec::new();
    for g in &p.groups {
        let gi = platform.group_index(&g.heading);
        let mut b = Block {
            name: gi.map_or_else(
                || g.heading.clone(),
                |i| platform.groups[i].value.name.value.clone(),
            ),
            ..Block::default()
        };
        if gi.is_none() {
            b.comments.push(
                Msg::new(&cat::DRAFT_NOT_A_GROUP)
                    .num("line", g.line)
                    .text("heading", g.heading.clone()),
            );
        }
        for l in &g.items {
            match &l.item {
                Item::Add(v) => {
                    for n in v {
                        let e = d.new_case(n, gi, &[]);
                        b.add.push(e);
                    }
                }
                Item::Propose(v) => {
                    for n in v {
                        let e = d.new_case(n, gi, &[]);
                        b.propose.push(e);
                    }
                }
                Item::Delist(v) => {
                    for n in v {
                        let e = d.list_ref(n, gi);
                        b.delist.push(e);
                    }
                }
                Item::Relist(v) => {
                    for n in v {
                        let e = d.list_ref(n, gi);
                        b.relist.push(e);
                    }
                }
                Item::Ongoing(n) => {
                    d.sum.recognised += 1;
                    if let Some(prev) = b.ongoing.replace(*n) {
                        b.tail.push(
                            Msg::new(&cat::DRAFT_SECOND_ONGOING)
                                .num("line", l.line)
                                .num("prev", prev),
                        );
                    }
                }
                Item::Replace { case, by } => {
                    let mut comments = Vec::new();
                    let c = d.plain_ref(case, gi, &mut comments);
                    let by: Vec<String> = by
                        .iter()
                        .map(|n| {
                            let e = d.new_case(n, gi, &[]);
                            comments.extend(e.comments);
                            e.text
                        })
                        .collect();
                    b.replace.push(Entry {
                        comments,
                        text: format!("{{ case: {c}, by: [{}] }}", by.join(", ")),
                    });
                }
                Item::Subcases { parent, titles } => {
                    let mut comments = Vec::new();
                    let pr = d.plain_ref(parent, gi, &mut comments);
                    for t in titles {
                        let mut e = d.new_case(t, gi, &[("parent", pr.clone())]);
                        e.comments.splice(0..0, comments.clone());
                        b.subcases.push(e);
                    }
                }
                Item::Merge { cases, into } => {
                    let mut comments = Vec::new();
                    let cs: Vec<String> = cases
                        .iter()
                        .map(|n| d.plain_ref(n, gi, &mut comments))
                        .collect();
                    // The case merged into: an existing case, or a new one.
                    let target = match d.index.resolver.resolve(&into.text, gi) {
                        Resolved::Found(_) => {
                            d.sum.recognised += 1;
                            scalar(&into.text, true)
                        }
                        _ => {
                            let e = d.new_case(into, gi, &[]);
                            comments.extend(e.comments);
                            if e.text.starts_with('{') {
                                e.text
                            } else {
                                format!("{{ title: {} }}", e.text)
                            }
                        }
                    };
                    b.merge.push(Entry {
                        comments,
                        text: format!("{{ cases: [{}], into: {target} }}", cs.join(", ")),
                    });
                }
                Item::Rename { case, to } => {
                    let mut comments = Vec::new();
                    let c = d.plain_ref(case, gi, &mut comments);
                    b.rename.push(Entry {
                        comments,
                        text: format!("{{ case: {c}, to: {} }}", scalar(&to.text, true)),
                    });
                }
                Item::Noted(s) => b.tail.push(
                    Msg::new(&cat::DRAFT_LINE)
                        .num("line", l.line)
                        .text("text", s.clone()),
                ),
                Item::Unparsed(s) => {
                    d.sum.unparsed += 1;
                    b.tail.push(
                        Msg::new(&cat::DRAFT_NOT_READ)
                            .num("line", l.line)
                            .text("text", s.clone()),
                    );
                }
            }
        }
        blocks.push(b);
    }
    // 臨時動議 name no group: a name the register knows goes to its case's group; the others stay
    // as comments for the secretariat to place.
    let mut unplaced: Vec<(usize, Vec<&Name>)> = Vec::new();
    for (line, names) in &p.proposals {
        let mut left = Vec::new();
        for n in names {
            let found = match d.index.resolver.resolve(&n.text, None) {
                Resolved::Found(i) => d.index.case_group[i],
                _ => None,
            };
            let Some(gi) = found else {
                left.push(n);
                continue;
            };
            let name = platform.groups[gi].value.name.value.clone();
            let at = match blocks.iter().position(|b| b.name == name) {
                Some(at) => at,
                None => {
                    blocks.push(Block {
                        name,
                        ..Block::default()
                    });
                    blocks.len() - 1
                }
            };
            let mut e = d.new_case(n, Some(gi), &[]);
            e.comments
                .insert(0, Msg::new(&cat::DRAFT_PLACED).num("line", *line));
            blocks[at].propose.push(e);
        }
        if !left.is_empty() {
            unplaced.push((*line, left));
        }
    }
    for m in &p.mismatches {
        let g = p
            .groups
            .iter()
            .rposition(|g| g.line <= m.line)
            .and_then(|i| blocks.get_mut(i));
        let msg = Msg::new(&cat::DRAFT_STATES_BUT_NAMES)
            .num("line", m.line)
            .count("stated", m.stated, "case", "cases")
            .num("listed", m.listed)
            .text("text", m.text.clone());
        d.sum.mismatches += 1;
        if let Some(b) = g {
            b.comments.push(msg);
        }
    }

    // The comments are in the register's language (platform.yaml `language:`), as `kbbt new` writes them.
    let lang = register_lang(reg);
    let comment = |m: &Msg| m.render(lang).replace(['\n', '\r'], " ");
    let mut o = String::new();
    let header = Msg::new(&cat::DRAFT_HEADER).text("source", opts.source);
    let _ = writeln!(o, "# {}", comment(&header));
    for (line, s) in &p.other {
        d.sum.other += 1;
        let m = Msg::new(&cat::DRAFT_LINE)
            .num("line", *line)
            .text("text", s.clone());
        let _ = writeln!(o, "# {}", comment(&m));
    }
    for (line, names) in &unplaced {
        let list: Vec<String> = names.iter().map(|n| format!("「{}」", n.text)).collect();
        let m = Msg::new(&cat::DRAFT_UNPLACED)
            .num("line", *line)
            .text("names", list.join("、"));
        let _ = writeln!(o, "# {}", comment(&m));
    }
    for m in &p.mismatches {
        if !p.groups.iter().any(|g| g.line <= m.line) {
            let _ = writeln!(o, "# {}", comment(&crate::render::draft::mismatch(m)));
        }
    }
    let title = p.title.clone().unwrap_or_default();
    let level = level_of(reg, &title);
    let id = opts
        .id
        .map(str::to_string)
        .or_else(|| level.as_deref().and_then(|l| id_of(reg, &title, l)));
    let missing = |o: &mut String, what: &'static crate::msg::Template| {
        let m = Msg::new(&cat::DRAFT_MISSING).msg("what", Msg::new(what));
        let _ = writeln!(o, "# {}", comment(&m));
    };
    if id.is_none() {
        missing(&mut o, &cat::DRAFT_MISSING_ID);
    }
    let _ = writeln!(o, "id: {}", scalar(id.as_deref().unwrap_or(""), false));
    if p.title.is_none() {
        missing(&mut o, &cat::DRAFT_MISSING_TITLE);
    }
    let _ = writeln!(o, "title: {}", scalar(&title, false));
    if level.is_none() {
        missing(&mut o, &cat::DRAFT_MISSING_LEVEL);
    }
    let _ = writeln!(
        o,
        "level: {}",
        scalar(level.as_deref().unwrap_or(""), false)
    );
    match p.date {
        Some(dt) => {
            let _ = writeln!(o, "date: {dt}");
        }
        None => {
            missing(&mut o, &cat::DRAFT_MISSING_DATE);
            let _ = writeln!(o, "date: \"\"");
        }
    }
    let _ = writeln!(o, "source: {}", scalar(opts.source, false));
    if blocks.is_empty() {
        o.push_str("decisions: {}\n");
    } else {
        o.push_str("decisions:\n");
    }
    for b in &blocks {
        let empty = b.ongoing.is_none()
            && [
                &b.replace,
                &b.merge,
                &b.add,
                &b.subcases,
                &b.propose,
                &b.rename,
                &b.relist,
                &b.delist,
            ]
            .iter()
            .all(|v| v.is_empty());
        let _ = writeln!(
            o,
            "  {}:{}",
            scalar(&b.name, false),
            if empty { " {}" } else { "" }
        );
        for c in &b.comments {
            let _ = writeln!(o, "    # {}", comment(c));
        }
        for (key, v) in [
            ("replace", &b.replace),
            ("merge", &b.merge),
            ("add", &b.add),
            ("subcases", &b.subcases),
            ("propose", &b.propose),
            ("rename", &b.rename),
            ("relist", &b.relist),
            ("delist", &b.delist),
        ] {
            if v.is_empty() {
                continue;
            }
            let _ = writeln!(o, "    {key}:");
            for e in v.iter() {
                for c in &e.comments {
                    let _ = writeln!(o, "      # {}", comment(c));
                }
                let _ = writeln!(o, "      - {}", e.text);
            }
        }
        if let Some(n) = b.ongoing {
            let _ = writeln!(o, "    ongoing: {n}");
        }
        for c in &b.tail {
            let _ = writeln!(o, "    # {}", comment(c));
        }
    }
    if let Some(t) = p.totals {
        d.sum.recognised += 1;
        let parts: Vec<(&str, String)> =
            [("delist", t.delist), ("add", t.add), ("ongoing", t.ongoing)]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v.to_string())))
                .collect();
        let _ = writeln!(o, "totals: {}", flow_map(&parts));
    }
    (o, d.sum)
}
