//! `kbbt status`: a meeting's per-group tallies, the totals line, and the all-time view.

use super::{Env, Outcome, load_clean, user_date, user_group};
use crate::cli::{By, StatusArgs, TableFormat};
use kbbt::check::{StatementCheck, Unchecked, Verdict};
use kbbt::exit::Exit;
use kbbt::i18n::Lang;
use kbbt::index::Index;
use kbbt::model::Register;
use kbbt::render::Table;
use kbbt::tally::{self, AllTime, GroupTally, MeetingTally, Timelines};
use serde_json::json;

/// A count as a table cell: the number, or 「不詳」/`unknown` when the register does not know it.
fn cell(lang: Lang, n: Option<usize>) -> String {
    n.map_or_else(|| kbbt::i18n::label(lang, "unknown"), |n| n.to_string())
}

/// The totals line: `delist 24, add 12, ongoing 51`, with `unknown` for what is not known.
pub(super) fn totals_line(lang: Lang, t: &MeetingTally, groups: &[usize]) -> String {
    let (d, a, o) = (
        t.sum(groups, "delist"),
        t.sum(groups, "add"),
        t.sum(groups, "ongoing"),
    );
    match lang {
        Lang::En => format!(
            "delist {}, add {}, ongoing {}",
            cell(lang, d),
            cell(lang, a),
            cell(lang, o)
        ),
        Lang::ZhTw => {
            let z = |n: Option<usize>| n.map_or_else(|| "不詳".to_string(), |n| format!("{n} 案"));
            format!("解列 {}、新增 {}、持續列管 {}", z(d), z(a), z(o))
        }
    }
}

/// For a meeting file that records only some kinds of decision: which, and that the rest is unknown.
fn partial_line(lang: Lang, reg: &Register, m: usize) -> Option<String> {
    let mt = &reg.meetings[m].value;
    let r = mt.records.as_ref()?;
    let kinds: Vec<String> = r
        .value
        .iter()
        .map(|k| kbbt::i18n::label(lang, k.value.as_str()))
        .collect();
    Some(match lang {
        Lang::En => format!(
            "{} records only: {}; every other count is unknown (not 0)",
            mt.id.value,
            kinds.join(", ")
        ),
        Lang::ZhTw => format!(
            "{} 之會議檔僅完整記載：{}；其餘案數不詳（非 0）",
            mt.id.value,
            kinds.join("、")
        ),
    })
}

/// One statement by another source: its source, date and numbers, each compared.
fn statement_line(
    lang: Lang,
    reg: &Register,
    m: usize,
    si: usize,
    checks: &[StatementCheck],
) -> String {
    let st = &reg.meetings[m].value.statements[si].value;
    let nums: Vec<String> = checks
        .iter()
        .filter(|c| c.statement == si)
        .map(|c| {
            let field = kbbt::i18n::label(lang, c.field);
            let have = c.register.or(c.minutes).unwrap_or_default();
            let verdict = match (lang, c.verdict) {
                (_, Verdict::Only) => String::new(),
                (Lang::En, Verdict::Agrees) if c.register.is_some() => {
                    " (the register agrees)".into()
                }
                (Lang::En, Verdict::Agrees) => " (the minutes agree)".into(),
                (Lang::En, Verdict::AsTheMinutes) => {
                    format!(" (as the minutes; the register has {have})")
                }
                (Lang::En, Verdict::Recorded(_)) => {
                    format!(" (the register has {have}: a recorded discrepancy)")
                }
                (Lang::En, Verdict::Differs) => {
                    format!(" (the register has {have}: not recorded; run kbbt validate)")
                }
                (Lang::ZhTw, Verdict::Agrees) if c.register.is_some() => "（與登記簿相符）".into(),
                (Lang::ZhTw, Verdict::Agrees) => "（與紀錄相符）".into(),
                (Lang::ZhTw, Verdict::AsTheMinutes) => format!("（同紀錄；登記簿為 {have} 案）"),
                (Lang::ZhTw, Verdict::Recorded(_)) => {
                    format!("（登記簿為 {have} 案：已記錄之差異）")
                }
                (Lang::ZhTw, Verdict::Differs) => {
                    format!("（登記簿為 {have} 案：未記錄，請執行 kbbt validate）")
                }
            };
            match lang {
                Lang::En => format!("{field} {}{verdict}", c.stated),
                Lang::ZhTw => format!("{field} {} 案{verdict}", c.stated),
            }
        })
        .collect();
    let date = st.date.as_ref().map(|d| d.value.to_string());
    match lang {
        Lang::En => format!(
            "stated by {}{}: {}",
            st.source.value,
            date.map_or(String::new(), |d| format!(" ({d})")),
            nums.join(", ")
        ),
        Lang::ZhTw => format!(
            "{}{}載：{}",
            st.source.value,
            date.map_or(String::new(), |d| format!("（{d}）")),
            nums.join("、")
        ),
    }
}

/// A stated number of the minutes that the register cannot check (its own is unknown).
fn unchecked_line(lang: Lang, reg: &Register, u: &Unchecked) -> String {
    let who = u.group.map_or_else(
        || kbbt::i18n::label(lang, "totals"),
        |g| reg.platform.value.groups[g].name.value.clone(),
    );
    match lang {
        Lang::En => format!(
            "{who}: the minutes state {} {}; the register does not know its own number",
            u.field, u.stated
        ),
        Lang::ZhTw => format!(
            "{who}：紀錄載明{} {} 案；登記簿之案數不詳",
            kbbt::i18n::label(lang, u.field),
            u.stated
        ),
    }
}

/// The cases a complete listing leaves unconfirmed, under the listing that leaves them out.
fn unconfirmed_lines(lang: Lang, reg: &Register, list: &[(usize, usize)]) -> Vec<String> {
    let mut listings: Vec<usize> = list.iter().map(|(_, l)| *l).collect();
    listings.sort_unstable();
    listings.dedup();
    let mut out = Vec::new();
    for li in listings {
        let l = &reg.platform.value.listings[li].value;
        out.push(match lang {
            Lang::En => format!(
                "  not in the complete listing of {} ({}):",
                l.date.value, l.source
            ),
            Lang::ZhTw => format!(
                "  未列於 {} 之完整列表（{}）：",
                kbbt::render::report::roc(l.date.value),
                l.source
            ),
        });
        for &(c, _) in list.iter().filter(|(_, x)| *x == li) {
            let c = &reg.cases[c].value;
            out.push(format!("    {} {}", c.id.value, c.title.value));
        }
    }
    out
}

fn ids(reg: &Register, v: &[usize]) -> Vec<String> {
    v.iter()
        .map(|c| reg.cases[*c].value.id.value.clone())
        .collect()
}

/// A group's tally as JSON: `null` for a count the register does not know, and its cases only
/// where the count is known.
fn tally_json(reg: &Register, t: &MeetingTally, g: usize) -> serde_json::Value {
    let n = |f: &str| json!(t.count(g, f));
    let list = |f: &str| {
        t.count(g, f).map_or(serde_json::Value::Null, |_| {
            json!(ids(reg, t.groups[g].list(f)))
        })
    };
    json!({
        "add": n("add"), "delist": n("delist"), "ongoing": n("ongoing"),
        "relist": n("relist"), "replaced": n("replaced"), "merged": n("merged"),
        "proposed": n("proposed"), "subcases": n("subcases"),
        "cases": { "add": list("add"), "delist": list("delist"), "ongoing": list("ongoing") },
    })
}

/// The all-time numbers as table cells: cases, ongoing, delisted, replaced, merged, proposed, and
/// unconfirmed when `unconfirmed` is shown.
fn all_time_cells(a: &AllTime, unconfirmed: bool) -> Vec<String> {
    let mut v = vec![
        a.ever, a.ongoing, a.delisted, a.replaced, a.merged, a.proposed,
    ];
    if unconfirmed {
        v.push(a.unconfirmed);
    }
    v.into_iter().map(|n| n.to_string()).collect()
}

fn all_time_json(a: &AllTime) -> serde_json::Value {
    json!({ "cases": a.ever, "ongoing": a.ongoing, "unconfirmed": a.unconfirmed,
            "delisted": a.delisted, "replaced": a.replaced,
            "merged": a.merged, "proposed": a.proposed, "subcases": a.subcases })
}

/// The stated numbers of a meeting that differ from the register, as "ongoing 51 stated" notes.
fn stated_notes(
    lang: Lang,
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    m: usize,
    group: Option<usize>,
) -> Vec<String> {
    kbbt::check::count_mismatches(reg, idx, tl, m)
        .into_iter()
        .filter(|x| group.is_none() || x.group == group)
        .map(|x| {
            let who = x.label(&reg.platform.value);
            let mt = &reg.meetings[m].value;
            let recorded = x.recorded_in(mt, &reg.platform.value);
            let kinds = recorded.map_or_else(Vec::new, |i| mt.discrepancies[i].value.kinds());
            if lang == Lang::ZhTw {
                let who = match who.as_str() {
                    "totals" => "總計".to_string(),
                    "all-time" => "歷來".to_string(),
                    _ => who,
                };
                let kinds: Vec<&str> = kinds.iter().map(|k| k.describe_zh()).collect();
                return format!(
                    "{who}：紀錄載明{} {} 案，登記簿為 {} 案{}",
                    kbbt::i18n::label(lang, x.field),
                    x.stated,
                    x.register,
                    match (recorded, kinds.is_empty()) {
                        (None, _) => "（未記錄，請執行 kbbt validate）".to_string(),
                        (Some(_), true) => "（已記錄之差異）".to_string(),
                        (Some(_), false) => format!("（已記錄之差異：{}）", kinds.join("；")),
                    }
                );
            }
            let kinds: Vec<&str> = kinds.iter().map(|k| k.describe()).collect();
            format!(
                "{who}: the minutes state {} {}, the register has {}{}",
                x.field,
                x.stated,
                x.register,
                match (recorded, kinds.is_empty()) {
                    (None, _) => " (not recorded: run kbbt validate)".to_string(),
                    (Some(_), true) => " (a recorded discrepancy)".to_string(),
                    (Some(_), false) => format!(" (a recorded discrepancy: {})", kinds.join("; ")),
                }
            )
        })
        .collect()
}

pub fn run(env: &Env, args: &StatusArgs, format: TableFormat) -> Outcome {
    let (group, meeting, as_of, by) = (
        args.group.as_deref(),
        args.meeting.as_deref(),
        args.as_of.as_deref(),
        args.by,
    );
    let reg = match load_clean(env, kbbt::load::Texts::Lean) {
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
                let hint = kbbt::model::names::suggest_str(id, &ids)
                    .map_or(String::new(), |s| format!("  hint: did you mean `{s}`?\n"));
                return Outcome::fail(
                    Exit::Usage,
                    format!("error: unknown meeting `{id}`\n{hint}"),
                );
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
    let lang = env.style.lang;
    let notes = m.map_or_else(Vec::new, |m| stated_notes(lang, &reg, &idx, &tl, m, group));
    // Machine formats never change with the language.
    let notes_en = m.map_or_else(Vec::new, |m| {
        stated_notes(Lang::En, &reg, &idx, &tl, m, group)
    });
    let unchecked: Vec<Unchecked> = m.map_or_else(Vec::new, |m| {
        kbbt::check::unchecked(&reg, m)
            .into_iter()
            .filter(|u| group.is_none() || u.group == group)
            .collect()
    });
    // Statements by other sources speak of the whole platform: shown when no group is chosen.
    let checks: Vec<StatementCheck> = match (m, group) {
        (Some(m), None) => kbbt::check::statement_checks(&reg, &idx, &tl, m),
        _ => Vec::new(),
    };
    let unconfirmed: Vec<(usize, usize)> = tally::unconfirmed(&tl, at_date)
        .into_iter()
        .filter(|(c, _)| group.is_none_or(|g| idx.case_group[*c] == Some(g)))
        .collect();
    let show_unconfirmed = !unconfirmed.is_empty();
    // Follow-up lights of the cases ongoing on the date (or today), per group.
    let light_day = at_date.unwrap_or_else(|| kbbt::model::Date(chrono::Local::now().date_naive()));
    let behind = kbbt::follow::behind_threshold(&reg);
    let lights: Vec<[usize; 4]> = groups
        .iter()
        .map(|g| {
            let mut n = [0usize; 4];
            for c in (0..reg.cases.len()).filter(|c| idx.case_group[*c] == Some(*g)) {
                if reg.cases[c].value.parent.is_none() && tl.ongoing_at(c, light_day) {
                    let l = kbbt::follow::light(&reg.cases[c].value, light_day, behind);
                    let k = kbbt::follow::Light::ALL
                        .iter()
                        .position(|x| *x == l)
                        .unwrap_or(3);
                    n[k] += 1;
                }
            }
            n
        })
        .collect();
    let scheduled = lights.iter().any(|n| n[0] + n[1] + n[2] > 0);
    let mut total_all = AllTime::default();
    for g in &groups {
        total_all.add(&all[*g]);
    }
    let totals_line = t.as_ref().map(|t| totals_line(lang, t, &groups));
    let mut extra: Vec<String> = Vec::new();
    if let Some(mi) = m {
        extra.extend(partial_line(lang, &reg, mi));
        for u in &unchecked {
            extra.push(unchecked_line(lang, &reg, u));
        }
        let statements = reg.meetings[mi].value.statements.len();
        for si in 0..statements {
            if checks.iter().any(|c| c.statement == si) {
                extra.push(statement_line(lang, &reg, mi, si, &checks));
            }
        }
    }
    let as_of_label = at_date.map_or_else(
        || kbbt::i18n::label(env.style.lang, "now"),
        |d| env.style.date(d),
    );

    if format == TableFormat::Json {
        let meeting_json = m.map(|mi| {
            let mt = &reg.meetings[mi].value;
            let t = t.as_ref().expect("tally exists when a meeting does");
            let statements: Vec<serde_json::Value> = mt
                .statements
                .iter()
                .enumerate()
                .filter(|_| group.is_none())
                .map(|(si, st)| {
                    let st = &st.value;
                    json!({
                        "source": st.source.value,
                        "date": st.date.as_ref().map(|d| d.value.to_string()),
                        "url": st.url,
                        "numbers": checks.iter().filter(|c| c.statement == si).map(|c| json!({
                            "field": c.field,
                            "stated": match c.stated {
                                kbbt::model::Stated::Exact(n) => json!(n),
                                kbbt::model::Stated::Range { min, max } => json!({ "min": min, "max": max }),
                            },
                            "register": c.register,
                            "minutes": c.minutes,
                            "verdict": match c.verdict {
                                Verdict::Agrees => "agrees",
                                Verdict::Only => "only-source",
                                Verdict::AsTheMinutes => "as-the-minutes",
                                Verdict::Recorded(_) => "recorded-discrepancy",
                                Verdict::Differs => "differs",
                            },
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "id": mt.id.value, "title": mt.title.value, "date": mt.date().map(|d| d.to_string()),
                "records": mt.records.as_ref().map(|r| r.value.iter().map(|k| k.value.as_str()).collect::<Vec<_>>()),
                "groups": groups.iter().map(|g| {
                    let mut v = tally_json(&reg, t, *g);
                    v["group"] = json!(p.groups[*g].name.value);
                    v["code"] = json!(p.groups[*g].code.value);
                    v
                }).collect::<Vec<_>>(),
                "totals": { "delist": t.sum(&groups, "delist"), "add": t.sum(&groups, "add"), "ongoing": t.sum(&groups, "ongoing") },
                "stated_differences": notes_en,
                "stated_unchecked": unchecked.iter().map(|u| json!({
                    "group": u.group.map(|g| p.groups[g].name.value.clone()),
                    "field": u.field, "stated": u.stated,
                })).collect::<Vec<_>>(),
                "statements": statements,
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
                "lights": groups.iter().zip(&lights).map(|(g, n)| json!({
                    "group": p.groups[*g].name.value,
                    "overdue": n[0], "behind": n[1], "on_schedule": n[2], "no_schedule": n[3],
                })).collect::<Vec<_>>(),
                "unconfirmed": unconfirmed.iter().map(|&(c, l)| {
                    let l = &p.listings[l].value;
                    json!({
                        "id": reg.cases[c].value.id.value,
                        "title": reg.cases[c].value.title.value,
                        "listing": { "date": l.date.value.to_string(), "source": l.source },
                    })
                }).collect::<Vec<_>>(),
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
                    let k = |known: bool, n: usize| cell(lang, known.then_some(n));
                    mt.row(vec![
                        name,
                        k(t.known.add, a),
                        k(t.known.delist, d),
                        k(t.known.ongoing, o),
                    ]);
                }
            }
        } else {
            for g in &groups {
                mt.row(vec![
                    p.groups[*g].name.value.clone(),
                    p.groups[*g].code.value.clone(),
                    cell(lang, t.count(*g, "add")),
                    cell(lang, t.count(*g, "delist")),
                    cell(lang, t.count(*g, "ongoing")),
                ]);
            }
        }
    }
    let mut header = vec![
        "group", "code", "cases", "ongoing", "delisted", "replaced", "merged", "proposed",
    ];
    if show_unconfirmed {
        header.push("unconfirmed");
    }
    let mut at = Table::new(&header);
    at.numeric = (2..header.len()).collect();
    let all_row = |name: String, code: String, a: &AllTime| {
        let mut row = vec![name, code];
        row.extend(all_time_cells(a, show_unconfirmed));
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
            kbbt::i18n::label(env.style.lang, "total"),
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
                .map_or_else(|| "undated".to_string(), |d| env.style.date(d))
        )
    });
    match format {
        TableFormat::Csv | TableFormat::Xlsx => {
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
                "unconfirmed",
            ]);
            // An unknown count is an empty cell, never 0.
            let n = |g: usize, f: &str| {
                t.as_ref()
                    .and_then(|t| t.count(g, f))
                    .map_or(String::new(), |n| n.to_string())
            };
            for g in &groups {
                let a = &all[*g];
                c.row(
                    vec![
                        m.map_or(String::new(), |mi| reg.meetings[mi].value.id.value.clone()),
                        p.groups[*g].name.value.clone(),
                        p.groups[*g].code.value.clone(),
                        n(*g, "add"),
                        n(*g, "delist"),
                        n(*g, "ongoing"),
                    ]
                    .into_iter()
                    .chain(all_time_cells(a, true))
                    .collect(),
                );
            }
            if format == TableFormat::Xlsx {
                return super::export::table_xlsx(
                    env,
                    "status",
                    &c,
                    &(3..13).collect::<Vec<_>>(),
                    &[],
                );
            }
            Outcome::machine(c.csv_with(env.raw))
        }
        TableFormat::Markdown => {
            let md = kbbt::render::md_inline;
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
                for n in &extra {
                    s.push_str(&format!("\n> {n}\n"));
                }
                s.push('\n');
            }
            s.push_str(&format!(
                "## All time (as of {as_of_label})\n\n{}",
                at.markdown_in(env.style.lang)
            ));
            if show_unconfirmed {
                s.push_str(&format!("\n{}\n\n", unconfirmed_heading(lang)));
                for l in unconfirmed_lines(lang, &reg, &unconfirmed) {
                    s.push_str(&format!("- {}\n", l.trim_start()));
                }
            }
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
                        s.push_str(&format!("{}\n", st.dim(&note_prefix(st.lang, n))));
                    }
                    for n in &extra {
                        s.push_str(&format!("{}\n", st.dim(&note_prefix(lang, n))));
                    }
                    if let (Some(t), [g]) = (&t, groups.as_slice()) {
                        for (label, v) in [
                            ("added", &t.groups[*g].add),
                            ("delisted", &t.groups[*g].delist),
                            ("ongoing", &t.groups[*g].ongoing),
                        ] {
                            for c in v {
                                let c = &reg.cases[*c].value;
                                let label = kbbt::i18n::label(st.lang, label);
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
                st.bold(&kbbt::i18n::line(
                    st.lang,
                    &format!("All time (as of {as_of_label})")
                ))
            ));
            s.push_str(&at.terminal(st));
            if show_unconfirmed {
                s.push_str(&format!("{}\n", unconfirmed_heading(lang)));
                for l in unconfirmed_lines(lang, &reg, &unconfirmed) {
                    s.push_str(&format!("{l}\n"));
                }
            }
            if scheduled {
                let mut ft =
                    Table::new(&["group", "overdue", "behind", "on schedule", "no schedule"]);
                ft.numeric = vec![1, 2, 3, 4];
                for (g, n) in groups.iter().zip(&lights) {
                    let mut row = vec![p.groups[*g].name.value.clone()];
                    row.extend(n.iter().map(ToString::to_string));
                    ft.row(row);
                }
                s.push_str(&format!(
                    "{}\n",
                    st.bold(match lang {
                        Lang::En => "Follow-up lights of the ongoing cases",
                        Lang::ZhTw => "持續列管案件之管考燈號",
                    })
                ));
                s.push_str(&ft.terminal(st));
            }
            Outcome::ok(s)
        }
    }
}

/// `note: …` in the output's language.
fn note_prefix(lang: Lang, n: &str) -> String {
    match lang {
        Lang::En => format!("note: {n}"),
        Lang::ZhTw => format!("說明：{n}"),
    }
}

/// The heading over the unconfirmed cases.
fn unconfirmed_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "unconfirmed (ongoing by recorded decisions, but absent from a complete listing; not counted as ongoing):"
        }
        Lang::ZhTw => "未確認（依所載決議仍持續列管，惟未列於完整列表，不計入持續列管）：",
    }
}
