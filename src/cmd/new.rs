//! `kbbt new case|meeting`: a correctly formed new file with the next free id.
//!
//! The new file is written in the canonical layout through the register's writer (locked, all or
//! nothing), and only after the register with the new file has been checked: `kbbt validate` is clean
//! on it right after (a file that would bring an error is refused). A new case starts `ongoing` with a
//! `seen` history entry dated today and naming its source: `propose` and `add` are meeting decisions,
//! which `kbbt apply` records from the meeting file.

use super::{Env, Outcome, load_clean, user_date, user_group};
use crate::cli::{NewCaseArgs, NewCommand};
use chrono::Datelike;
use kbbt::apply::schema_header;
use kbbt::canon::{self, scalar};
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::index::{Index, Resolved};
use kbbt::model::names::normalize;
use kbbt::model::names::{split_id, suggest_str};
use kbbt::model::{Action, Case, CaseFields, Date, HistoryEntry, Meeting, Status};
use kbbt::model::{Doc, Register};
use kbbt::msg::{Msg, Said};
use kbbt::write::FileChange;
use kbbt::yaml::{self, Sp};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

pub fn run(env: &Env, what: &NewCommand) -> Outcome {
    let _lock = match super::write_lock(env, false) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let reg = match load_clean(env, kbbt::load::Texts::Keep) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let planned = match what {
        NewCommand::Case(a) => new_case(&reg, a),
        NewCommand::Meeting(a) => {
            new_meeting(&reg, &a.level, &a.date, a.id.as_deref(), a.title.as_deref())
        }
    };
    let (change, summary) = match planned {
        Ok(x) => x,
        Err(o) => return o,
    };
    // The register with the new file must bring no new error, in it or elsewhere (a stated count).
    let mut findings = match check_with(&reg, &change) {
        Ok(f) => f,
        Err(o) => return o,
    };
    let before: HashSet<(PathBuf, &str, kbbt::msg::Msg)> = kbbt::check::run(&reg)
        .into_iter()
        .filter(Finding::is_error)
        .map(|f| (f.file, f.code, f.message))
        .collect();
    findings
        .retain(|f| f.is_error() && !before.contains(&(f.file.clone(), f.code, f.message.clone())));
    if !findings.is_empty() {
        finding::sort(&mut findings);
        let why = Msg::new(&cat::NEW_WOULD_NOT_VALIDATE);
        let mut out = Outcome::refuse(
            Exit::Problems,
            Said::error(Msg::new(&cat::NOTHING_WRITTEN).msg("why", why)),
        );
        out.stderr = env.findings(&findings);
        return out;
    }
    if let Err(e) = kbbt::write::commit_changes(&env.root, std::slice::from_ref(&change)) {
        return Outcome::write_failed(e);
    }
    let done = Msg::new(&cat::CREATED)
        .text("file", env.shown.join(&change.path).display().to_string())
        .msg("what", summary);
    Outcome::localized(done.render(env.style.lang) + "\n")
}

/// Every finding on the register with `change` added.
fn check_with(reg: &Register, change: &FileChange) -> Result<Vec<Finding>, Outcome> {
    let mut after = reg.clone();
    let is_case = change.path.starts_with("cases");
    let bad = |e: yaml::ParseError| {
        let msg = Msg::new(&cat::NEW_WOULD_NOT_PARSE).msg("why", e.message);
        Outcome::refuse(Exit::Problems, Said::error(msg))
    };
    if is_case {
        let value = yaml::parse::<Case>(&change.new).map_err(bad)?;
        after.cases.push(Doc {
            path: change.path.clone(),
            text: change.new.clone(),
            value,
        });
    } else {
        let mut value = yaml::parse::<Meeting>(&change.new).map_err(bad)?;
        value.fill_positions();
        after.meetings.push(Doc {
            path: change.path.clone(),
            text: change.new.clone(),
            value,
        });
    }
    Ok(kbbt::check::run(&after))
}

fn usage(msg: Msg, hint: Option<Msg>) -> Outcome {
    let mut said = Said::error(msg);
    said.hint = hint;
    Outcome::refuse(Exit::Usage, said)
}

fn today() -> Date {
    Date(chrono::Local::now().date_naive())
}

/// A name typed by a user, matched against the platform's `names` as names are matched
/// (normalised): the platform's spelling; else `unknown` as a usage error, hinted with the closest
/// name, else with every name (`are`, given as its argument `arg`), or `none` when there are none.
fn one_of(
    names: &[String],
    s: &str,
    unknown: Msg,
    (are, arg): (&'static kbbt::msg::Template, &'static str),
    none: Option<&'static kbbt::msg::Template>,
) -> Result<String, Outcome> {
    if let Some(n) = names.iter().find(|n| normalize(n) == normalize(s)) {
        return Ok(n.clone());
    }
    let hint = match suggest_str(s, names) {
        Some(x) => Msg::new(&cat::DID_YOU_MEAN).text("name", x),
        None => match none.filter(|_| names.is_empty()) {
            Some(none) => Msg::new(none),
            None => Msg::new(are).list(arg, names.iter().map(item)),
        },
    };
    Err(usage(unknown, Some(hint)))
}

/// A member city typed by a user: the platform's spelling, or a usage error with a suggestion.
fn member(reg: &Register, s: &str, what: &'static str) -> Result<String, Outcome> {
    let p = &reg.platform.value;
    let names: Vec<String> = p.members.iter().map(|m| m.value.clone()).collect();
    let msg = Msg::new(&cat::UNKNOWN_CITY)
        .label("what", what)
        .text("city", s)
        .text("platform", p.name.value.clone());
    one_of(&names, s, msg, (&cat::MEMBERS_ARE, "members"), None)
}

fn topic(reg: &Register, s: &str) -> Result<String, Outcome> {
    let p = &reg.platform.value;
    let names: Vec<String> = p.topics.iter().map(|t| t.value.clone()).collect();
    let msg = Msg::new(&cat::UNKNOWN_TOPIC).text("topic", s);
    one_of(
        &names,
        s,
        msg,
        (&cat::TOPICS_ARE, "topics"),
        Some(&cat::NO_TOPICS),
    )
}

/// A new case starts ongoing: `proposed` needs its meeting, other statuses come from decisions.
fn check_status(a: &NewCaseArgs) -> Result<(), Outcome> {
    match Status::parse(a.status.trim()) {
        Some(Status::Ongoing) => Ok(()),
        Some(Status::Proposed) => Err(usage(
            Msg::new(&cat::NEW_NOT_PROPOSED),
            Some(Msg::new(&cat::PROPOSAL_IS_A_DECISION)),
        )),
        _ => Err(usage(
            Msg::new(&cat::NEW_BAD_STATUS).text("status", a.status.clone()),
            Some(Msg::new(&cat::USE_ONGOING)),
        )),
    }
}

/// `--source`, which a new case needs.
fn source(a: &NewCaseArgs) -> Result<&str, Outcome> {
    a.source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            usage(
                Msg::new(&cat::NEW_CASE_NEEDS_SOURCE),
                Some(Msg::new(&cat::SOURCE_EXAMPLE)),
            )
        })
}

/// The lead and partners, in the platform's spelling; a city cannot be both.
fn cities(reg: &Register, a: &NewCaseArgs) -> Result<(Option<String>, Vec<String>), Outcome> {
    let lead = a
        .lead
        .as_deref()
        .map(|l| member(reg, l, "lead city"))
        .transpose()?;
    let mut partners = Vec::new();
    for x in &a.partners {
        let m = member(reg, x.as_str(), "partner city")?;
        if lead.as_ref() == Some(&m) {
            return Err(usage(
                Msg::new(&cat::LEAD_AND_PARTNER).text("city", m),
                None,
            ));
        }
        if !partners.contains(&m) {
            partners.push(m);
        }
    }
    Ok((lead, partners))
}

/// The topics, in the platform's spelling, each once.
fn topics(reg: &Register, a: &NewCaseArgs) -> Result<Vec<String>, Outcome> {
    let mut topics = Vec::new();
    for t in &a.topics {
        let t = topic(reg, t.as_str())?;
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    Ok(topics)
}

/// A case of that name in group `g` already exists: refused.
fn refuse_existing(reg: &Register, g: usize, title: &str) -> Result<(), Outcome> {
    let idx = Index::new(reg);
    let existing = match idx.resolver.resolve(title, Some(g)) {
        Resolved::Found(i) => Some(i),
        Resolved::Ambiguous(v) => v.first().copied(),
        _ => None,
    };
    match existing {
        Some(i) => {
            let msg = Msg::new(&cat::CASE_EXISTS)
                .text("group", reg.platform.value.groups[g].name.value.clone())
                .msg("case", idx.resolver.describe_msg(&[i]));
            let hint = Msg::new(&cat::RECORD_IN_FILE)
                .text("file", reg.cases[i].path.display().to_string());
            Err(Outcome::refuse(Exit::Problems, Said::error(msg).hint(hint)))
        }
        None => Ok(()),
    }
}

/// The next free id of group code `code`: one more than the highest number, three digits.
fn next_case_id(reg: &Register, code: &str) -> String {
    let next = reg
        .cases
        .iter()
        .filter_map(|c| split_id(&c.value.id))
        .filter(|(c, _)| *c == code)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    format!("{code}-{next:03}")
}

/// A new case: ongoing, with a `seen` entry dated today naming its source.
fn case_value(
    id: &str,
    title: &str,
    group: &str,
    (lead, partners): (Option<String>, Vec<String>),
    topics: Vec<String>,
    source: &str,
) -> Case {
    Case::from(CaseFields {
        id: Sp::new(id.into()),
        title: Sp::new(title.to_string()),
        aliases: Vec::new(),
        group: Sp::new(group.into()),
        lead: lead.map(|l| Sp::new(l.into())),
        partners: partners.into_iter().map(|p| Sp::new(p.into())).collect(),
        topics: topics.into_iter().map(Sp::new).collect(),
        parent: None,
        status: Sp::new(Status::Ongoing),
        replaces: Vec::new(),
        replaced_by: Vec::new(),
        merged_into: None,
        merged_from: Vec::new(),
        history: vec![Sp::new(HistoryEntry {
            date: Some(Sp::new(today())),
            not_after: None,
            meeting: None,
            action: Sp::new(Action::Seen),
            note: None,
            source: Some(source.to_string()),
        })],
        progress: Vec::new(),
        milestones: Vec::new(),
        sources: vec![source.to_string()],
        notes: None,
        kind: None,
        summary: None,
        approach: None,
        benefits: None,
        ministries: Vec::new(),
        contact: None,
    })
}

fn new_case(reg: &Register, a: &NewCaseArgs) -> Result<(FileChange, Msg), Outcome> {
    let p = &reg.platform.value;
    let g = user_group(reg, &a.group)?;
    let title = a.title.trim();
    if title.is_empty() {
        return Err(usage(Msg::new(&cat::EMPTY_TITLE), None));
    }
    check_status(a)?;
    let source = source(a)?;
    let cities = cities(reg, a)?;
    let topics = topics(reg, a)?;
    refuse_existing(reg, g, title)?;
    let (code, group) = (&p.groups[g].code.value, &p.groups[g].name.value);
    let id = next_case_id(reg, code);
    let path = PathBuf::from("cases").join(code).join(format!("{id}.yaml"));
    let case = case_value(&id, title, group, cities, topics, source);
    let text = canon::case(&case, &schema_header(&reg.root, &path, "case"));
    let summary = Msg::new(&cat::NEW_CASE_SUMMARY)
        .text("id", id.clone())
        .text("title", title)
        .text("group", group.clone());
    Ok((
        FileChange {
            path,
            old: None,
            new: text,
        },
        summary,
    ))
}

/// `vm-7` → (`vm`, 7).
fn split_meeting_id(id: &str) -> Option<(&str, u32)> {
    let (prefix, n) = id.rsplit_once('-')?;
    if prefix.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((prefix, n.parse().ok()?))
}

fn meeting_id_ok(id: &str) -> bool {
    kbbt::safety::meeting_id_ok(id)
}

/// How a level's meetings are numbered: in sequence, or by the (Gregorian or ROC) year of their date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Sequence,
    Year,
    RocYear,
}

/// The default id of a new meeting of `level` dated `date`, and how its number reads.
fn default_id(reg: &Register, level: &str, date: Date) -> Result<(String, Numbering), Outcome> {
    let mut prefixes: Vec<(String, usize, Option<Date>)> = Vec::new();
    for m in &reg.meetings {
        let m = &m.value;
        if m.level.value != level {
            continue;
        }
        if let Some((pre, _)) = split_meeting_id(&m.id) {
            match prefixes.iter_mut().find(|(p, _, _)| p == pre) {
                Some(e) => {
                    e.1 += 1;
                    e.2 = e.2.max(m.date());
                }
                None => prefixes.push((pre.to_string(), 1, m.date())),
            }
        }
    }
    prefixes.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
    let prefix = match prefixes.first() {
        Some((p, _, _)) => p.clone(),
        None => match level {
            "市長層級" => "m".to_string(),
            "副市長層級" => "vm".to_string(),
            _ => {
                return Err(usage(
                    Msg::new(&cat::NO_MEETING_OF_LEVEL).text("level", level),
                    Some(Msg::new(&cat::GIVE_ID)),
                ));
            }
        },
    };
    // Ids that are the year of their meeting (m-2019, dh-112) continue with this meeting's year.
    let same: Vec<(u32, Option<Date>)> = reg
        .meetings
        .iter()
        .filter_map(|m| {
            let (p, n) = split_meeting_id(&m.value.id)?;
            (p == prefix).then(|| (n, m.value.date()))
        })
        .collect();
    // Meetings whose source lost the date say nothing about the numbering.
    let dated: Vec<(u32, u32)> = same
        .iter()
        .filter_map(|(n, d)| d.map(|d| (*n, u32::try_from(d.0.year()).unwrap_or(0))))
        .collect();
    let numbering = if !dated.is_empty() && dated.iter().all(|(n, y)| n == y) {
        Numbering::Year
    } else if !dated.is_empty() && dated.iter().all(|(n, y)| *n == y.saturating_sub(1911)) {
        Numbering::RocYear
    } else {
        Numbering::Sequence
    };
    let y = u32::try_from(date.0.year()).unwrap_or(0);
    let n = match numbering {
        Numbering::Year => y,
        Numbering::RocYear => y.saturating_sub(1911),
        Numbering::Sequence => same
            .iter()
            .map(|(n, _)| *n)
            .max()
            .unwrap_or(0)
            .saturating_add(1),
    };
    Ok((format!("{prefix}-{n}"), numbering))
}

fn default_title(reg: &Register, level: &str, n: u32, numbering: Numbering, date: Date) -> String {
    let name = &reg.platform.value.name.value;
    let suffix = if level.ends_with("會議") {
        ""
    } else {
        "會議"
    };
    match numbering {
        Numbering::Sequence => format!("{name}第 {n} 次{level}{suffix}"),
        Numbering::Year | Numbering::RocYear => {
            format!("{name} {} 年度{level}{suffix}", date.0.year() - 1911)
        }
    }
}

fn new_meeting(
    reg: &Register,
    level: &str,
    date: &str,
    id: Option<&str>,
    title: Option<&str>,
) -> Result<(FileChange, Msg), Outcome> {
    let p = &reg.platform.value;
    let levels: Vec<String> = p.levels.iter().map(|l| l.value.clone()).collect();
    let unknown = Msg::new(&cat::UNKNOWN_LEVEL).text("level", level);
    let level = one_of(
        &levels,
        level,
        unknown,
        (&cat::LEVELS_ARE, "levels"),
        Some(&cat::NO_LEVELS),
    )?;
    let date = user_date(date)?;
    let (id, numbering) = match id {
        Some(i) => {
            let i = i.trim();
            if !meeting_id_ok(i) {
                return Err(usage(
                    Msg::new(&cat::NOT_A_MEETING_ID).text("id", i),
                    Some(Msg::new(&cat::MEETING_ID_SHAPE_7)),
                ));
            }
            (i.to_string(), Numbering::Sequence)
        }
        None => default_id(reg, &level, date)?,
    };
    let idx = Index::new(reg);
    if let Some(i) = idx.meeting_by_id.get(&id) {
        let msg = Msg::new(&cat::MEETING_EXISTS)
            .text("id", id.clone())
            .text("file", reg.meetings[*i].path.display().to_string());
        let said = Said::error(msg).hint(Msg::new(&cat::GIVE_ANOTHER_ID));
        return Err(Outcome::refuse(Exit::Problems, said));
    }
    let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None => match split_meeting_id(&id) {
            Some((_, n)) => default_title(reg, &level, n, numbering, date),
            None => {
                return Err(usage(
                    Msg::new(&cat::NO_NUMBER_FOR_TITLE).text("id", id.clone()),
                    Some(Msg::new(&cat::GIVE_TITLE)),
                ));
            }
        },
    };
    let path = PathBuf::from("meetings").join(format!("{id}.yaml"));
    let text = meeting_skeleton(reg, &path, &id, &title, &level, date);
    Ok((
        FileChange {
            path,
            old: None,
            new: text,
        },
        Msg::new(&cat::NEW_MEETING_SUMMARY)
            .text("id", id.clone())
            .text("title", title.clone())
            .date("date", date),
    ))
}

/// The comments of a new meeting file, in the register's language (platform.yaml `language:`).
struct SkeletonText {
    header: &'static str,
    source: &'static str,
    decisions: &'static str,
    add: &'static str,
    delist: &'static str,
    ongoing: &'static str,
    totals: &'static str,
}

const SKELETON_EN: SkeletonText = SkeletonText {
    header: "# Fill in from the minutes, then `kbbt apply` this file. A group with no decision keeps its empty\n# lists; delete a number the minutes do not state (an empty one is not checked).\n",
    source: "the minutes, e.g. the meeting's 會議紀錄 as published",
    decisions: "each group as the minutes decide (other kinds: subcases, replace, merge, rename, propose, relist)",
    add: "new cases: [title] or [{ title: …, lead: …, partners: [..] }]",
    delist: "cases delisted: [title, alias or id]",
    ongoing: "the N of 「其餘 N 案持續列管」",
    totals: "the minutes' totals line: cases added, delisted, ongoing",
};

const SKELETON_ZH: SkeletonText = SkeletonText {
    header: "# 依會議紀錄填寫後執行 `kbbt apply` 本檔。無決議之組別保留空清單；會議紀錄未載之案數請刪除該行\n# （空白之案數不檢核）。\n",
    source: "會議紀錄，例：本次會議之會議紀錄（公告版本）",
    decisions: "依會議紀錄逐組填寫（其他決議：subcases 子案、replace 改列、merge 整併、rename 更名、propose 提案、relist 恢復列管）",
    add: "新增：[案名] 或 [{ title: 案名, lead: 主辦, partners: [合作] }]",
    delist: "解列：[案名、別名或案件編號]",
    ongoing: "「其餘 N 案持續列管」之 N",
    totals: "會議紀錄之總計：新增、解列、持續列管案數",
};

/// A new meeting file: every field the secretariat fills in from the minutes (source, each group's
/// decisions and stated count, the totals), with comments in the register's language. It parses to a
/// meeting with no decision and no stated number, so `validate` is clean on it as written.
fn meeting_skeleton(
    reg: &Register,
    path: &std::path::Path,
    id: &str,
    title: &str,
    level: &str,
    date: Date,
) -> String {
    let p = &reg.platform.value;
    let t = match p.writes_in() {
        kbbt::i18n::Lang::ZhTw => &SKELETON_ZH,
        kbbt::i18n::Lang::En => &SKELETON_EN,
    };
    let mut text = schema_header(&reg.root, path, "meeting");
    text.push_str(t.header);
    let _ = writeln!(text, "id: {}", scalar(id, false));
    let _ = writeln!(text, "title: {}", scalar(title, false));
    let _ = writeln!(text, "level: {}", scalar(level, false));
    let _ = writeln!(text, "date: {date}");
    let _ = writeln!(text, "source:  # {}", t.source);
    if p.groups.is_empty() {
        text.push_str("decisions: {}\n");
    } else {
        let _ = writeln!(text, "decisions:  # {}", t.decisions);
        for g in &p.groups {
            let _ = writeln!(text, "  {}:", scalar(&g.value.name, false));
            let _ = writeln!(text, "    add: []  # {}", t.add);
            let _ = writeln!(text, "    delist: []  # {}", t.delist);
            let _ = writeln!(text, "    ongoing:  # {}", t.ongoing);
        }
    }
    let _ = writeln!(text, "totals:  # {}", t.totals);
    text.push_str("  add:\n  delist:\n  ongoing:\n");
    text
}

/// A name in a list of a message, as written.
#[allow(clippy::ptr_arg)] // `Iterator::map` over `&String`s.
fn item(name: &String) -> Msg {
    Msg::new(&cat::ITEMS).text("items", name.as_str())
}
