//! `kbbt status`: a meeting's per-group tallies, the totals line, and the all-time view.

use super::{Env, Outcome, load_clean, user_date, user_group};
use crate::cli::{By, TableFormat};
use crate::index::Index;
use crate::load::Register;
use crate::render::Table;
use crate::tally::{self, AllTime, GroupTally, MeetingTally, Timelines};
use serde_json::json;

fn ids(reg: &Register, v: &[usize]) -> Vec<String> {
    v.iter()
        .map(|c| reg.cases[*c].value.id.value.clone())
        .collect()
}

fn tally_json(reg: &Register, t: &GroupTally) -> serde_json::Value {
    json!({
        "add": t.add.len(), "delist": t.delist.len(), "ongoing": t.ongoing.len(),
        "relist": t.relist.len(), "replaced": t.replaced.len(), "merged": t.merged.len(),
        "proposed": t.proposed.len(), "subcases": t.subcases.len(),
        "cases": { "add": ids(reg, &t.add), "delist": ids(reg, &t.delist), "ongoing": ids(reg, &t.ongoing) },
    })
}

/// The all-time numbers as table cells: cases, ongoing, delisted, replaced, merged, proposed.
fn all_time_cells(a: &AllTime) -> [String; 6] {
    [
        a.ever, a.ongoing, a.delisted, a.replaced, a.merged, a.proposed,
    ]
    .map(|n| n.to_string())
}

fn all_time_json(a: &AllTime) -> serde_json::Value {
    json!({ "cases": a.ever, "ongoing": a.ongoing, "delisted": a.delisted, "replaced": a.replaced,
            "merged": a.merged, "proposed": a.proposed, "subcases": a.subcases })
}

/// The stated numbers of a meeting that differ from the register, as "ongoing 51 stated" notes.
fn stated_notes(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    m: usize,
    group: Option<usize>,
) -> Vec<String> {
    crate::check::count_mismatches(reg, idx, tl, m)
        .into_iter()
        .filter(|x| group.is_none() || x.group == group)
        .map(|x| {
            let who = x.label(&reg.platform.value);
            let recorded = x
                .recorded_in(&reg.meetings[m].value, &reg.platform.value)
                .is_some();
            format!(
                "{who}: the minutes state {} {}, the register has {}{}",
                x.field,
                x.stated,
                x.register,
                if recorded {
                    " (a recorded discrepancy)"
                } else {
                    " (not recorded: run kbbt validate)"
                }
            )
        })
        .collect()
}

pub fn run(
    env: &Env,
    group: Option<&str>,
    meeting: Option<&str>,
    as_of: Option<&str>,
    by: By,
    format: TableFormat,
) -> Outcome {
    let reg = match load_clean(env, crate::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let date = match as_of.map(user_date).transpose() {
        Ok(d) => d,
        Err(o) => return o,
    };
    let group = match group.map(|g| user_group(&reg, g)).transpose() {
        Ok(g) => g,
        Err(o) => return o,
    };
    let m = match meeting {
        Some(id) => match idx.meeting_by_id.get(id) {
            Some(m) => Some(*m),
            None => {
                let ids: Vec<String> = reg
                    .meetings
                    .iter()
                    .map(|m| m.value.id.value.clone())
                    .collect();
                let hint = crate::apply::plan::suggest_str(id, &ids)
                    .map_or(String::new(), |s| format!("  hint: did you mean `{s}`?\n"));
                return Outcome::fail(2, format!("error: unknown meeting `{id}`\n{hint}"));
            }
        },
        None => tally::latest_meeting(&reg, &idx, date),
    };
    let at_date = date.or_else(|| {
        m.and_then(|m| {
            if meeting.is_some() {
                reg.meetings[m].value.date()
            } else {
                None
            }
        })
    });
    let t = m.map(|m| tally::tally_meeting(&reg, &idx, &tl, m));
    let all = tally::all_time(&reg, &idx, &tl, at_date);
    let p = &reg.platform.value;
    let groups: Vec<usize> = match group {
        Some(g) => vec![g],
        None => (0..p.groups.len()).collect(),
    };
    let notes = m.map_or_else(Vec::new, |m| stated_notes(&reg, &idx, &tl, m, group));
    let sum = |t: &MeetingTally, f: fn(&GroupTally) -> usize| {
        groups.iter().map(|g| f(&t.groups[*g])).sum::<usize>()
    };
    let mut total_all = AllTime::default();
    for g in &groups {
        total_all.add(&all[*g]);
    }
    let totals_line = t.as_ref().map(|t| {
        format!(
            "delist {}, add {}, ongoing {}",
            sum(t, |g| g.delist.len()),
            sum(t, |g| g.add.len()),
            sum(t, |g| g.ongoing.len())
        )
    });
    let as_of_label = at_date.map_or_else(
        || crate::i18n::label(env.style.lang, "now"),
        |d| d.to_string(),
    );

    if format == TableFormat::Json {
        let meeting_json = m.map(|mi| {
            let mt = &reg.meetings[mi].value;
            let t = t.as_ref().expect("tally exists when a meeting does");
            json!({
                "id": mt.id.value, "title": mt.title.value, "date": mt.date().map(|d| d.to_string()),
                "groups": groups.iter().map(|g| {
                    let mut v = tally_json(&reg, &t.groups[*g]);
                    v["group"] = json!(p.groups[*g].name.value);
                    v["code"] = json!(p.groups[*g].code.value);
                    v
                }).collect::<Vec<_>>(),
                "totals": { "delist": sum(t, |g| g.delist.len()), "add": sum(t, |g| g.add.len()), "ongoing": sum(t, |g| g.ongoing.len()) },
                "stated_differences": notes,
            })
        });
        let v = json!({
            "platform": p.name.value,
            "meeting": meeting_json,
            "all_time": {
                "as_of": at_date.map(|d| d.to_string()),
                "groups": groups.iter().map(|g| {
                    let mut v = all_time_json(&all[*g]);
                    v["group"] = json!(p.groups[*g].name.value);
                    v["code"] = json!(p.groups[*g].code.value);
                    v
                }).collect::<Vec<_>>(),
                "total": all_time_json(&total_all),
            },
        });
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }

    // The meeting table: by group, or by lead city.
    let mut mt = Table::new(&["group", "code", "add", "delist", "ongoing"]);
    mt.numeric = vec![2, 3, 4];
    if let Some(t) = &t {
        if by == By::Lead {
            mt = Table::new(&["lead", "add", "delist", "ongoing"]);
            mt.numeric = vec![1, 2, 3];
            let mut leads: Vec<String> = p.members.iter().map(|m| m.value.clone()).collect();
            leads.push(String::new());
            for lead in &leads {
                let count = |f: fn(&GroupTally) -> &Vec<usize>| {
                    groups
                        .iter()
                        .flat_map(|g| f(&t.groups[*g]))
                        .filter(|c| {
                            reg.cases[**c]
                                .value
                                .lead
                                .as_ref()
                                .map_or("", |l| l.value.as_str())
                                == lead
                        })
                        .count()
                };
                let (a, d, o) = (
                    count(|g| &g.add),
                    count(|g| &g.delist),
                    count(|g| &g.ongoing),
                );
                if a + d + o > 0 {
                    let name = if lead.is_empty() {
                        "(not stated)".to_string()
                    } else {
                        lead.clone()
                    };
                    mt.row(vec![name, a.to_string(), d.to_string(), o.to_string()]);
                }
            }
        } else {
            for g in &groups {
                let x = &t.groups[*g];
                mt.row(vec![
                    p.groups[*g].name.value.clone(),
                    p.groups[*g].code.value.clone(),
                    x.add.len().to_string(),
                    x.delist.len().to_string(),
                    x.ongoing.len().to_string(),
                ]);
            }
        }
    }
    let mut at = Table::new(&[
        "group", "code", "cases", "ongoing", "delisted", "replaced", "merged", "proposed",
    ]);
    at.numeric = vec![2, 3, 4, 5, 6, 7];
    let all_row = |name: String, code: String, a: &AllTime| {
        let mut row = vec![name, code];
        row.extend(all_time_cells(a));
        row
    };
    for g in &groups {
        at.row(all_row(
            p.groups[*g].name.value.clone(),
            p.groups[*g].code.value.clone(),
            &all[*g],
        ));
    }
    if groups.len() > 1 {
        at.row(all_row(
            crate::i18n::label(env.style.lang, "total"),
            String::new(),
            &total_all,
        ));
    }

    let heading = m.map(|mi| {
        let mt = &reg.meetings[mi].value;
        format!(
            "{} {} ({})",
            mt.id.value,
            mt.title.value,
            mt.date()
                .map_or_else(|| "undated".to_string(), |d| d.to_string())
        )
    });
    match format {
        TableFormat::Csv => {
            let mut c = Table::new(&[
                "meeting",
                "group",
                "code",
                "add",
                "delist",
                "ongoing",
                "cases",
                "ongoing_now",
                "delisted",
                "replaced",
                "merged",
                "proposed",
            ]);
            for g in &groups {
                let x = t.as_ref().map(|t| &t.groups[*g]);
                let a = &all[*g];
                c.row(
                    vec![
                        m.map_or(String::new(), |mi| reg.meetings[mi].value.id.value.clone()),
                        p.groups[*g].name.value.clone(),
                        p.groups[*g].code.value.clone(),
                        x.map_or(String::new(), |x| x.add.len().to_string()),
                        x.map_or(String::new(), |x| x.delist.len().to_string()),
                        x.map_or(String::new(), |x| x.ongoing.len().to_string()),
                    ]
                    .into_iter()
                    .chain(all_time_cells(a))
                    .collect(),
                );
            }
            Outcome::machine(c.csv_with(env.raw))
        }
        TableFormat::Markdown => {
            let md = crate::render::md_inline;
            let mut s = format!("# {}\n\n", md(&p.name.value));
            if let (Some(h), Some(line)) = (&heading, &totals_line) {
                s.push_str(&format!(
                    "## {}\n\n{}\n{}\n",
                    md(h),
                    mt.markdown_in(env.style.lang),
                    md(line)
                ));
                for n in &notes {
                    s.push_str(&format!("\n> {}\n", md(n)));
                }
                s.push('\n');
            }
            s.push_str(&format!(
                "## All time (as of {as_of_label})\n\n{}",
                at.markdown_in(env.style.lang)
            ));
            Outcome::ok(s)
        }
        TableFormat::Table | TableFormat::Json => {
            let st = env.style;
            let mut s = String::new();
            match (&heading, &totals_line) {
                (Some(h), Some(line)) => {
                    s.push_str(&format!(
                        "{}\n",
                        st.bold(&format!("{} — {h}", p.name.value))
                    ));
                    s.push_str(&mt.terminal(st));
                    s.push_str(&format!("{line}\n"));
                    for n in &notes {
                        s.push_str(&format!(
                            "{}\n",
                            st.dim(&crate::i18n::line(st.lang, &format!("note: {n}")))
                        ));
                    }
                    if let (Some(t), [g]) = (&t, groups.as_slice()) {
                        for (label, v) in [
                            ("added", &t.groups[*g].add),
                            ("delisted", &t.groups[*g].delist),
                            ("ongoing", &t.groups[*g].ongoing),
                        ] {
                            for c in v {
                                let c = &reg.cases[*c].value;
                                let label = crate::i18n::label(st.lang, label);
                                let pad = 9usize.saturating_sub(
                                    unicode_width::UnicodeWidthStr::width(label.as_str()),
                                );
                                s.push_str(&format!(
                                    "  {label}{}{} {}\n",
                                    " ".repeat(pad),
                                    c.id.value,
                                    c.title.value
                                ));
                            }
                        }
                    }
                    s.push('\n');
                }
                _ => s.push_str(&format!(
                    "{}\nno meeting with decisions{}\n\n",
                    st.bold(&p.name.value),
                    date.map_or(String::new(), |d| format!(" on or before {d}"))
                )),
            }
            s.push_str(&format!(
                "{}\n",
                st.bold(&crate::i18n::line(
                    st.lang,
                    &format!("All time (as of {as_of_label})")
                ))
            ));
            s.push_str(&at.terminal(st));
            Outcome::ok(s)
        }
    }
}
