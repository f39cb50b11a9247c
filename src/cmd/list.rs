//! `kbbt list` (find cases) and `kbbt show` (one case's card).

use super::{Env, Outcome, load_clean, user_group};
use crate::cli::{CardFormat, ListArgs, TableFormat};
use kbbt::exit::Exit;
use kbbt::index::{Index, Resolved};
use kbbt::model::names::normalize;
use kbbt::model::{Case, Status};
use kbbt::render::Table;
use serde_json::json;

fn case_json(c: &Case) -> serde_json::Value {
    let s = |v: &[kbbt::yaml::Sp<String>]| v.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    json!({
        "id": c.id.value, "title": c.title.value, "aliases": s(&c.aliases), "group": c.group.value,
        "lead": c.lead.as_ref().map(|l| l.value.clone()), "partners": s(&c.partners), "topics": s(&c.topics),
        "parent": c.parent.as_ref().map(|l| l.value.clone()), "status": c.status.value.as_str(),
        "replaces": s(&c.replaces), "replaced_by": s(&c.replaced_by),
        "merged_into": c.merged_into.as_ref().map(|l| l.value.clone()), "merged_from": s(&c.merged_from),
        "history": c.history.iter().map(|h| json!({
            "date": h.date.as_ref().map(|d| d.value.to_string()), "meeting": h.meeting.as_ref().map(|m| m.value.clone()),
            "action": h.action.value.as_str(), "note": h.note, "source": h.source,
        })).collect::<Vec<_>>(),
        "progress": c.progress.iter().map(|p| json!({
            "as_of": p.as_of.value.to_string(), "text": p.text,
            "planned": p.planned.map(|x| x.value.0), "actual": p.actual.map(|x| x.value.0),
        })).collect::<Vec<_>>(),
        "milestones": c.milestones.iter().map(|m| json!({
            "due": m.value.due.value.to_string(), "done": m.value.done.as_ref().map(|d| d.value.to_string()),
            "text": m.value.text, "source": m.value.source,
        })).collect::<Vec<_>>(),
        "sources": c.sources, "notes": c.notes,
    })
}

pub fn list(env: &Env, f: &ListArgs, format: TableFormat) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let p = &reg.platform.value;
    let group = match f.group.as_deref().map(|g| user_group(&reg, g)).transpose() {
        Ok(g) => g.map(|g| p.groups[g].name.value.clone()),
        Err(o) => return o,
    };
    let status = match f
        .status
        .as_deref()
        .map(|s| Status::parse(s).ok_or(s))
        .transpose()
    {
        Ok(s) => s,
        Err(s) => {
            return Outcome::fail(
                Exit::Usage,
                format!(
                    "error: unknown status `{s}`\n  hint: use proposed, ongoing, delisted, merged or replaced\n"
                ),
            );
        }
    };
    let city = |want: &Option<String>| want.as_deref().map(normalize);
    let (lead, partner, topic, text) = (
        city(&f.lead),
        city(&f.partner),
        city(&f.topic),
        f.text.as_deref().map(normalize),
    );
    let mut cases: Vec<&Case> = reg
        .cases
        .iter()
        .map(|d| &d.value)
        .filter(|c| {
            group.as_ref().is_none_or(|g| &c.group.value == g)
                && status.is_none_or(|s| c.status.value == s)
                && lead
                    .as_ref()
                    .is_none_or(|l| c.lead.as_ref().is_some_and(|x| &normalize(x) == l))
                && partner
                    .as_ref()
                    .is_none_or(|l| c.lead.iter().chain(&c.partners).any(|x| &normalize(x) == l))
                && topic
                    .as_ref()
                    .is_none_or(|t| c.topics.iter().any(|x| &normalize(x) == t))
                && text.as_ref().is_none_or(|t| {
                    c.names().any(|n| normalize(n).contains(t.as_str()))
                        || c.notes
                            .as_deref()
                            .is_some_and(|n| normalize(n).contains(t.as_str()))
                        || c.progress
                            .iter()
                            .any(|p| normalize(&p.text).contains(t.as_str()))
                })
        })
        .collect();
    let order = |c: &Case| {
        (
            p.group_by_name(&c.group).unwrap_or(usize::MAX),
            kbbt::model::names::split_id(&c.id).map_or(0, |x| x.1),
            c.id.value.clone(),
        )
    };
    cases.sort_by_key(|c| order(c));
    if format == TableFormat::Json {
        let v: Vec<_> = cases.iter().map(|c| case_json(c)).collect();
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }
    if matches!(format, TableFormat::Csv | TableFormat::Xlsx) {
        let t = super::export::list_table(&reg, &cases);
        return if format == TableFormat::Csv {
            Outcome::machine(t.csv_with(env.raw))
        } else {
            super::export::table_xlsx(env, "cases", &t, &[], &super::export::LIST_DATES)
        };
    }
    let mut t = Table::new(&["id", "title", "group", "status", "lead", "partners"]);
    for c in &cases {
        t.row(vec![
            c.id.value.clone(),
            c.title.value.clone(),
            c.group.value.clone(),
            c.status.value.to_string(),
            c.lead.as_ref().map_or(String::new(), |l| l.value.clone()),
            c.partners
                .iter()
                .map(|x| x.value.as_str())
                .collect::<Vec<_>>()
                .join("、"),
        ]);
    }
    match format {
        TableFormat::Markdown => Outcome::ok(t.markdown_in(env.style.lang)),
        _ => {
            // Lead and partners only when some case names them.
            let mut s = t.without_empty(&[4, 5]).terminal(env.style);
            s.push_str(&kbbt::plural::count(cases.len(), "case"));
            s.push('\n');
            Outcome::ok(s)
        }
    }
}

pub fn show(env: &Env, name: &str, format: CardFormat) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    // An instruction's id shows the instruction.
    if idx.resolver.by_id(name).is_none()
        && let Some(card) = super::follow::instruction_card(env, &reg, &idx, name)
    {
        return card;
    }
    let i = match idx.resolver.resolve(name, None) {
        Resolved::Found(i) => i,
        Resolved::Ambiguous(v) | Resolved::OtherGroup(v) => {
            return Outcome::fail(
                Exit::Problems,
                format!(
                    "error: `{name}` is ambiguous\n  hint: it could be {}; give the id\n",
                    idx.resolver.describe(&v)
                ),
            );
        }
        Resolved::Unknown(v) => {
            let hint = if v.is_empty() {
                "  hint: `kbbt list --text …` searches titles, notes and progress\n".to_string()
            } else {
                format!("  hint: did you mean {}?\n", idx.resolver.describe(&v))
            };
            return Outcome::fail(Exit::Problems, format!("error: no case `{name}`\n{hint}"));
        }
    };
    let doc = &reg.cases[i];
    let c = &doc.value;
    if format == CardFormat::Json {
        let mut v = case_json(c);
        v["file"] = json!(env.shown.join(&doc.path).display().to_string());
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }
    let st = env.style;
    let mut s = format!("{} {}\n", st.bold(&c.id.value), st.bold(&c.title.value));
    let mut field = |k: &str, v: String| {
        if !v.is_empty() {
            let k = kbbt::i18n::label(st.lang, k);
            let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
            s.push_str(&format!(
                "  {}{v}\n",
                st.dim(&format!("{k}{}", " ".repeat(pad)))
            ));
        }
    };
    let join = |v: &[kbbt::yaml::Sp<String>]| {
        v.iter()
            .map(|x| x.value.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    field(
        "status",
        kbbt::i18n::label(st.lang, c.status.value.as_str()),
    );
    field("group", c.group.value.clone());
    field(
        "lead",
        c.lead.as_ref().map_or(String::new(), |l| l.value.clone()),
    );
    field("partners", join(&c.partners));
    field("aliases", join(&c.aliases));
    field("topics", join(&c.topics));
    field(
        "parent",
        c.parent.as_ref().map_or(String::new(), |l| l.value.clone()),
    );
    field("replaces", join(&c.replaces));
    field("replaced by", join(&c.replaced_by));
    field(
        "merged into",
        c.merged_into
            .as_ref()
            .map_or(String::new(), |l| l.value.clone()),
    );
    field("merged from", join(&c.merged_from));
    // The follow-up light today, in GPMnet's manner; the milestones under it.
    let today = kbbt::model::Date(chrono::Local::now().date_naive());
    let light = kbbt::follow::light(c, today, kbbt::follow::behind_threshold(&reg));
    let ongoing = c.status.value == kbbt::model::Status::Ongoing;
    field(
        "light",
        match st.lang {
            _ if !ongoing => String::new(),
            kbbt::i18n::Lang::ZhTw => format!("{} {}", light.mark(), light.zh()),
            kbbt::i18n::Lang::En => {
                format!("{} {}", light.mark(), light.as_str().replace('-', " "))
            }
        },
    );
    for m in &c.milestones {
        let m = &m.value;
        field(
            "milestone",
            format!(
                "{} {}{}",
                m.due.value,
                m.text,
                m.done
                    .as_ref()
                    .map_or_else(String::new, |d| format!(" (met {})", d.value))
            ),
        );
    }
    field("file", env.shown.join(&doc.path).display().to_string());
    s.push_str(&format!(
        "\n{}\n",
        st.bold(&kbbt::i18n::label(st.lang, "History"))
    ));
    for h in &c.history {
        let date = h.date.as_ref().map(|d| d.value).or_else(|| {
            h.meeting
                .as_ref()
                .and_then(|m| idx.meeting_by_id.get(&m.value))
                .and_then(|m| reg.meetings[*m].value.date())
        });
        s.push_str(&format!(
            "{}\n",
            format!(
                "  {:<10}  {:<8} {}{}",
                date.map_or_else(|| "—".to_string(), |d| st.date(d)),
                h.meeting.as_ref().map_or("", |m| m.value.as_str()),
                {
                    // The action in the reader's language, padded to 8 columns.
                    let a = kbbt::i18n::label(st.lang, h.action.value.as_str());
                    let w = unicode_width::UnicodeWidthStr::width(a.as_str());
                    format!("{a}{}", " ".repeat(8usize.saturating_sub(w)))
                },
                h.note
                    .as_ref()
                    .or(h.source.as_ref())
                    .map_or(String::new(), |n| format!(" {n}"))
            )
            .trim_end()
        ));
    }
    if let Some(p) = c.latest_progress(None) {
        let heading = format!("Latest progress, as of {}", st.date(p.as_of.value));
        s.push_str(&format!(
            "\n{}\n",
            st.bold(&kbbt::i18n::line(st.lang, &heading))
        ));
        for line in p.text.lines() {
            s.push_str(&format!("  {line}\n"));
        }
    }
    if let Some(n) = &c.notes {
        s.push_str(&format!(
            "\n{}\n",
            st.bold(&kbbt::i18n::label(st.lang, "Notes"))
        ));
        for line in n.lines() {
            s.push_str(&format!("  {line}\n"));
        }
    }
    if !c.sources.is_empty() {
        s.push_str(&format!(
            "\n{}\n",
            st.bold(&kbbt::i18n::label(st.lang, "Sources"))
        ));
        for x in &c.sources {
            s.push_str(&format!("  {x}\n"));
        }
    }
    Outcome::ok(s)
}
