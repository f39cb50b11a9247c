//! Rules on single files: ids, known groups, cities and topics, file names, links between cases.

use super::Ctx;
use crate::catalog as m;
use crate::finding::Finding;
use crate::model::Status;
use crate::model::names::{split_id, suggest_str};
use crate::msg::Msg;
use crate::yaml::{Pos, Sp};
use std::collections::HashMap;
use std::path::Path;

fn did_you_mean(s: &str, options: &[String]) -> Option<Msg> {
    suggest_str(s, options).map(|x| Msg::new(&m::DID_YOU_MEAN).text("name", x))
}

pub fn platform(ctx: &Ctx, out: &mut Vec<Finding>) {
    let doc = &ctx.reg.platform;
    let p = &doc.value;
    let f = &doc.path;
    let mut names: HashMap<&str, Pos> = HashMap::new();
    let mut codes: HashMap<&str, Pos> = HashMap::new();
    if let Some(l) = p
        .language
        .as_ref()
        .filter(|l| !["zh-TW", "en"].contains(&l.value.as_str()))
    {
        out.push(
            Finding::error(
                "language",
                f,
                l.pos,
                Msg::new(&m::UNKNOWN_LANGUAGE).text("lang", l.value.clone()),
            )
            .with_hint(Msg::new(&m::WRITE_A_LANGUAGE)),
        );
    }
    for g in &p.groups {
        let code = &g.value.code;
        if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push(Finding::error(
                "group-code",
                f,
                code.pos,
                Msg::new(&m::BAD_GROUP_CODE).text("code", code.value.clone()),
            ));
        }
        if let Some(first) = names.insert(&g.value.name, g.value.name.pos) {
            out.push(Finding::error(
                "duplicate-group",
                f,
                g.value.name.pos,
                Msg::new(&m::GROUP_TWICE)
                    .text("group", g.value.name.value.clone())
                    .num("line", first.line),
            ));
        }
        if let Some(first) = codes.insert(code, code.pos) {
            out.push(Finding::error(
                "duplicate-group",
                f,
                code.pos,
                Msg::new(&m::GROUP_CODE_TWICE)
                    .text("code", code.value.clone())
                    .num("line", first.line),
            ));
        }
    }
    if p.groups.is_empty() {
        out.push(Finding::error(
            "platform",
            f,
            p.name.pos,
            Msg::new(&m::NO_GROUPS),
        ));
    }
    if p.members.is_empty() {
        out.push(Finding::error(
            "platform",
            f,
            p.name.pos,
            Msg::new(&m::NO_MEMBERS),
        ));
    }
}

fn check_city(ctx: &Ctx, f: &Path, city: &Sp<crate::model::Name>, out: &mut Vec<Finding>) {
    let p = &ctx.reg.platform.value;
    if !p.members.iter().any(|m| m.value == city.value) {
        let opts: Vec<String> = p.members.iter().map(|m| m.value.clone()).collect();
        out.push(
            Finding::error(
                "unknown-city",
                f,
                city.pos,
                Msg::new(&m::NOT_A_MEMBER).text("city", city.value.clone()),
            )
            .with_hint_msg(did_you_mean(&city.value, &opts)),
        );
    }
}

fn check_topic(ctx: &Ctx, f: &Path, t: &Sp<String>, out: &mut Vec<Finding>) {
    let p = &ctx.reg.platform.value;
    if !p.topics.iter().any(|m| m.value == t.value) {
        let opts: Vec<String> = p.topics.iter().map(|m| m.value.clone()).collect();
        out.push(
            Finding::error(
                "unknown-topic",
                f,
                t.pos,
                Msg::new(&m::UNKNOWN_TOPIC).text("topic", t.value.clone()),
            )
            .with_hint_msg(did_you_mean(&t.value, &opts)),
        );
    }
}

pub fn cases(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = &ctx.reg.platform.value;
    for (i, doc) in ctx.reg.cases.iter().enumerate() {
        let c = &doc.value;
        let f = &doc.path;
        let group = ctx.idx.case_group[i];
        match split_id(&c.id) {
            None => out.push(
                Finding::error(
                    "case-id",
                    f,
                    c.id.pos,
                    Msg::new(&m::NOT_A_CASE_ID).text("id", c.id.value.clone()),
                )
                .with_hint(Msg::new(&m::CASE_ID_SHAPE)),
            ),
            Some((code, _)) => {
                if let Some(g) = group {
                    let want = &p.groups[g].code.value;
                    if code != want {
                        out.push(Finding::error(
                            "case-id",
                            f,
                            c.id.pos,
                            Msg::new(&m::CASE_ID_CODE)
                                .text("id", c.id.value.clone())
                                .text("code", want.clone())
                                .text("group", c.group.value.clone()),
                        ));
                    }
                }
            }
        }
        if group.is_none() {
            let hint = match p.group_index(&c.group) {
                Some(g) => Some(
                    Msg::new(&m::WRITE_GROUP_NAME).text("name", p.groups[g].name.value.clone()),
                ),
                None => p
                    .suggest_group(&c.group)
                    .map(|x| Msg::new(&m::DID_YOU_MEAN).text("name", x)),
            };
            out.push(
                Finding::error(
                    "unknown-group",
                    f,
                    c.group.pos,
                    Msg::new(&m::UNKNOWN_GROUP).text("group", c.group.value.clone()),
                )
                .with_hint_msg(hint),
            );
        }
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        // Only a well-formed id can name a file; a malformed one is reported above.
        if stem != c.id.value && split_id(&c.id).is_some() {
            out.push(
                Finding::warning(
                    "file-name",
                    f,
                    c.id.pos,
                    Msg::new(&m::CASE_FILE_NAME)
                        .text("stem", stem)
                        .text("id", c.id.value.clone()),
                )
                .with_hint(Msg::new(&m::RENAME_FILE).text("file", format!("{}.yaml", c.id.value))),
            );
        }
        if c.title.trim().is_empty() {
            out.push(Finding::error(
                "empty-title",
                f,
                c.title.pos,
                Msg::new(&m::EMPTY_TITLE),
            ));
        }
        for city in c.lead.iter().chain(&c.partners) {
            check_city(ctx, f, city, out);
        }
        if let Some(lead) = &c.lead
            && c.partners.iter().any(|x| x.value == lead.value)
        {
            out.push(Finding::warning(
                "partners",
                f,
                lead.pos,
                Msg::new(&m::LEAD_AND_PARTNER).text("city", lead.value.clone()),
            ));
        }
        for t in &c.topics {
            check_topic(ctx, f, t, out);
        }
    }
}

/// A title or alias names one case: within a group, no two cases share a title (or one's alias is
/// another's title), compared as names are matched (normalised); and no title is shaped like a case
/// id (`TR-009`), which a reference would take for the id.
pub fn unique_titles(ctx: &Ctx, out: &mut Vec<Finding>) {
    let cases = &ctx.reg.cases;
    // The lookups already hold every normalised title and alias: the first case of a group with a
    // title is found there, once per group and title (linear however many cases share a title).
    for list in ctx.idx.resolver.shared_titles() {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for &i in list {
            let c = &cases[i].value;
            let Some(&j) = first.get(c.group.value.as_str()) else {
                first.insert(&c.group.value, i);
                continue;
            };
            let (doc, (first_path, fc)) = (&cases[i], (&cases[j].path, &cases[j].value));
            let (id, pos) = (fc.id.value.as_str(), fc.title.pos);
            // Reported in both files: either may be the one that changed.
            for (file, at, this, that, other) in [
                (
                    doc.path.as_path(),
                    c.title.pos,
                    c.id.value.as_str(),
                    id,
                    first_path.as_path(),
                ),
                (
                    first_path.as_path(),
                    pos,
                    id,
                    c.id.value.as_str(),
                    doc.path.as_path(),
                ),
            ] {
                out.push(
                    Finding::error(
                        "duplicate-title",
                        file,
                        at,
                        Msg::new(&m::SAME_TITLE)
                            .text("id", this)
                            .text("other", that)
                            .text("file", other.display().to_string()),
                    )
                    .with_hint(Msg::new(&m::MAKE_TITLES_DIFFER)),
                );
            }
        }
    }
    for doc in cases {
        let c = &doc.value;
        if split_id(c.title.value.trim()).is_some() {
            out.push(Finding::error(
                "id-title",
                &doc.path,
                c.title.pos,
                Msg::new(&m::TITLE_LIKE_ID).text("title", c.title.value.clone()),
            ));
        }
    }
    for (with_alias, titled) in ctx.idx.resolver.aliases_that_are_titles() {
        // The first case of each group with that title.
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(titled.len().min(16));
        for &j in titled {
            first.entry(&cases[j].value.group.value).or_insert(j);
        }
        for &i in with_alias {
            let (doc, c) = (&cases[i], &cases[i].value);
            let Some(&j) = first.get(c.group.value.as_str()) else {
                continue;
            };
            if cases[j].value.id.value == c.id.value {
                continue;
            }
            let (other, oc) = (&cases[j].path, &cases[j].value);
            // Reported at the title: the name that came second is usually the new case's.
            out.push(Finding::error(
                "duplicate-title",
                other,
                oc.title.pos,
                Msg::new(&m::TITLE_IS_ALIAS)
                    .text("id", oc.id.value.as_str())
                    .text("other", c.id.value.clone())
                    .text("file", doc.path.display().to_string()),
            ));
        }
    }
}

pub fn unique_ids(ctx: &Ctx, out: &mut Vec<Finding>) {
    // The lookups already map each id (letter case aside) to its first case.
    for (i, doc) in ctx.reg.cases.iter().enumerate() {
        let first = ctx.idx.resolver.first_with_id_of(i);
        if first != i {
            out.push(Finding::error(
                "duplicate-id",
                &doc.path,
                doc.value.id.pos,
                Msg::new(&m::CASE_ID_TWICE)
                    .text("id", doc.value.id.value.clone())
                    .text("file", ctx.reg.cases[first].path.display().to_string()),
            ));
        }
    }
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for doc in &ctx.reg.meetings {
        if let Some(first) = seen.insert(&doc.value.id.value, &doc.path) {
            out.push(Finding::error(
                "duplicate-id",
                &doc.path,
                doc.value.id.pos,
                Msg::new(&m::MEETING_ID_TWICE)
                    .text("id", doc.value.id.value.clone())
                    .text("file", first.display().to_string()),
            ));
        }
    }
}

/// A list of links, its field name, the other side's list, and that field's name.
type LinkPair<'a> = (
    &'a [Sp<String>],
    &'a str,
    fn(&crate::model::Case) -> Vec<&str>,
    &'a str,
);

/// parent, replaces/replaced_by and merged_into/merged_from: they resolve and agree both ways.
pub fn links(ctx: &Ctx, out: &mut Vec<Finding>) {
    let cases = &ctx.reg.cases;
    let find = |id: &str| ctx.idx.case(id);
    for doc in cases {
        let c = &doc.value;
        let f = &doc.path;
        let missing = |r: &Sp<String>, what: &str, out: &mut Vec<Finding>| -> Option<usize> {
            let i = find(&r.value);
            if i.is_none() {
                out.push(Finding::error(
                    "unknown-reference",
                    f,
                    r.pos,
                    Msg::new(&m::UNKNOWN_REFERENCE)
                        .text("field", what)
                        .text("id", r.value.clone()),
                ));
            }
            i
        };
        if let Some(parent) = &c.parent
            && let Some(pi) = missing(parent, "parent", out)
        {
            // Follow the chain: a case must not be its own ancestor.
            let mut cur = Some(pi);
            let mut steps = 0;
            while let Some(x) = cur {
                if cases[x].value.id.value == c.id.value || steps > cases.len() {
                    out.push(Finding::error(
                        "parent-cycle",
                        f,
                        parent.pos,
                        Msg::new(&m::PARENT_CYCLE).text("id", c.id.value.clone()),
                    ));
                    break;
                }
                steps += 1;
                cur = cases[x].value.parent.as_ref().and_then(|p| find(&p.value));
            }
        }
        let pairs: [LinkPair; 3] = [
            (
                &c.replaced_by,
                "replaced_by",
                |o| o.replaces.iter().map(|x| x.value.as_str()).collect(),
                "replaces",
            ),
            (
                &c.replaces,
                "replaces",
                |o| o.replaced_by.iter().map(|x| x.value.as_str()).collect(),
                "replaced_by",
            ),
            (
                &c.merged_from,
                "merged_from",
                |o| o.merged_into.iter().map(|x| x.value.as_str()).collect(),
                "merged_into",
            ),
        ];
        for (list, field, back, back_field) in pairs {
            for r in list {
                if let Some(o) = missing(r, field, out)
                    && !back(&cases[o].value).contains(&c.id.value.as_str())
                {
                    out.push(Finding::error(
                        "one-way-link",
                        f,
                        r.pos,
                        Msg::new(&m::ONE_WAY_LINK)
                            .text("id", c.id.value.clone())
                            .text("other", r.value.clone())
                            .text("field", field)
                            .text("back", back_field),
                    ));
                }
            }
        }
        if let Some(into) = &c.merged_into {
            if let Some(o) = missing(into, "merged_into", out)
                && !cases[o]
                    .value
                    .merged_from
                    .iter()
                    .any(|x| x.value == c.id.value)
            {
                out.push(Finding::error(
                    "one-way-link",
                    f,
                    into.pos,
                    Msg::new(&m::ONE_WAY_MERGE)
                        .text("id", c.id.value.clone())
                        .text("other", into.value.clone()),
                ));
            }
            if c.status.value != Status::Merged {
                out.push(Finding::error(
                    "status",
                    f,
                    c.status.pos,
                    Msg::new(&m::MERGED_STATUS)
                        .text("id", c.id.value.clone())
                        .label("status", c.status.value.as_str()),
                ));
            }
        }
    }
}

pub fn meetings(ctx: &Ctx, out: &mut Vec<Finding>) {
    let p = &ctx.reg.platform.value;
    let levels: Vec<String> = p.levels.iter().map(|l| l.value.clone()).collect();
    for doc in &ctx.reg.meetings {
        let m = &doc.value;
        let f = &doc.path;
        let ok_id = crate::safety::meeting_id_ok(&m.id);
        if !ok_id {
            out.push(
                Finding::error(
                    "meeting-id",
                    f,
                    m.id.pos,
                    Msg::new(&m::NOT_A_MEETING_ID).text("id", m.id.value.clone()),
                )
                .with_hint(Msg::new(&m::MEETING_ID_SHAPE)),
            );
        }
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != m.id.value && ok_id {
            out.push(
                Finding::warning(
                    "file-name",
                    f,
                    m.id.pos,
                    Msg::new(&m::MEETING_FILE_NAME)
                        .text("stem", stem)
                        .text("id", m.id.value.clone()),
                )
                .with_hint(Msg::new(&m::RENAME_FILE).text("file", format!("{}.yaml", m.id.value))),
            );
        }
        if !levels.is_empty() && !levels.contains(&m.level.value) {
            out.push(
                Finding::error(
                    "unknown-level",
                    f,
                    m.level.pos,
                    Msg::new(&m::UNKNOWN_LEVEL).text("level", m.level.value.clone()),
                )
                .with_hint_msg(did_you_mean(&m.level.value, &levels)),
            );
        }
        if m.date.is_none() {
            out.push(Finding::warning(
                "meeting-date",
                f,
                m.id.pos,
                Msg::new(&m::MEETING_UNDATED).text("id", m.id.value.clone()),
            ));
        }
        for d in &m.discrepancies {
            let field = d.value.field.value.as_str();
            let ok = match &d.value.group {
                Some(_) => matches!(field, "add" | "delist" | "ongoing"),
                None => matches!(field, "add" | "delist" | "ongoing" | "cases" | "completed"),
            };
            if !ok {
                out.push(
                    Finding::error(
                        "discrepancy",
                        f,
                        d.value.field.pos,
                        Msg::new(&m::UNKNOWN_DISCREPANCY_FIELD).text("field", field),
                    )
                    .with_hint(Msg::new(&m::DISCREPANCY_FIELDS)),
                );
            }
        }
    }
}
