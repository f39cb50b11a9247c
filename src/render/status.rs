//! `kbbt status`: a meeting's per-group tallies, the totals line, the all-time view, the unconfirmed
//! cases and the follow-up lights, as a terminal table, Markdown, JSON or a CSV table.
//!
//! [`StatusView::build`] computes everything the command shows (pure, from the register and its
//! index); the functions below render it. Machine formats (JSON, CSV) never change with the language.

use crate::catalog as m;
use crate::check::{Mismatch, StatementCheck, Unchecked, Verdict};
use crate::follow::Light;
use crate::i18n::Lang;
use crate::index::Index;
use crate::model::{Date, Register};
use crate::msg::Msg;
use crate::render::{Style, Table};
use crate::tally::{self, AllTime, GroupTally, MeetingTally, Timelines};
use serde_json::json;

/// What `status` was asked for, once the command line is resolved against the register.
#[derive(Debug, Clone, Copy)]
pub struct Query {
    /// One group (platform index), or every group in the platform's order.
    pub group: Option<usize>,
    /// The meeting to tally (meeting index), or `None` when there is none to show.
    pub meeting: Option<usize>,
    /// Whether the meeting was named with `--meeting` (then the all-time view is as of its date).
    pub meeting_named: bool,
    /// `--as-of`.
    pub as_of: Option<Date>,
    /// Break the meeting's tallies down by lead city instead of by group.
    pub by_lead: bool,
}

/// Everything `status` shows, computed once; rendered by [`json()`], [`csv_table`], [`markdown`] and
/// [`terminal`].
pub struct StatusView<'a> {
    reg: &'a Register,
    q: Query,
    /// The groups shown (platform indexes).
    groups: Vec<usize>,
    /// The date of the all-time view: `--as-of`, else the named meeting's date, else now.
    at_date: Option<Date>,
    tally: Option<MeetingTally>,
    /// All-time numbers per platform group, and their sum over the groups shown.
    all: Vec<AllTime>,
    total: AllTime,
    /// Per group shown: ongoing cases overdue, behind, on schedule, without a schedule.
    lights: Vec<[usize; 4]>,
    /// (case, listing): cases a complete listing leaves unconfirmed.
    unconfirmed: Vec<(usize, usize)>,
    mismatches: Vec<Mismatch>,
    unchecked: Vec<Unchecked>,
    checks: Vec<StatementCheck>,
}

impl<'a> StatusView<'a> {
    /// Tally the meeting, the all-time view, the lights and the notes for the query.
    pub fn build(reg: &'a Register, idx: &Index, tl: &Timelines, q: Query) -> StatusView<'a> {
        let m = q.meeting;
        let at_date = q.as_of.or_else(|| {
            m.filter(|_| q.meeting_named)
                .and_then(|m| reg.meetings[m].value.date())
        });
        let groups: Vec<usize> = match q.group {
            Some(g) => vec![g],
            None => (0..reg.platform.value.groups.len()).collect(),
        };
        let in_group = |g: Option<usize>| q.group.is_none() || g == q.group;
        let all = tally::all_time(reg, idx, tl, at_date);
        let mut total = AllTime::default();
        for g in &groups {
            total.add(&all[*g]);
        }
        StatusView {
            reg,
            q,
            lights: lights(reg, idx, tl, &groups, at_date),
            at_date,
            tally: m.map(|m| tally::tally_meeting(reg, idx, tl, m)),
            all,
            total,
            groups,
            unconfirmed: tally::unconfirmed(tl, at_date)
                .into_iter()
                .filter(|(c, _)| q.group.is_none_or(|g| idx.case_group[*c] == Some(g)))
                .collect(),
            mismatches: m.map_or_else(Vec::new, |m| {
                crate::check::count_mismatches(reg, idx, tl, m)
                    .into_iter()
                    .filter(|x| in_group(x.group))
                    .collect()
            }),
            unchecked: m.map_or_else(Vec::new, |m| {
                crate::check::unchecked(reg, m)
                    .into_iter()
                    .filter(|u| in_group(u.group))
                    .collect()
            }),
            // Statements by other sources speak of the whole platform: shown when no group is chosen.
            checks: match (m, q.group) {
                (Some(m), None) => crate::check::statement_checks(reg, idx, tl, m),
                _ => Vec::new(),
            },
        }
    }

    /// The stated numbers of the meeting that differ from the register, one note each.
    fn notes(&self, lang: Lang) -> Vec<String> {
        self.q.meeting.map_or_else(Vec::new, |m| {
            self.mismatches
                .iter()
                .map(|x| stated_note(lang, self.reg, m, x))
                .collect()
        })
    }

    /// The notes after the stated differences: a partial meeting file, numbers the register cannot
    /// check, and statements by other sources.
    fn extra(&self, lang: Lang) -> Vec<String> {
        let Some(mi) = self.q.meeting else {
            return Vec::new();
        };
        let reg = self.reg;
        let mut extra: Vec<String> = partial_line(lang, reg, mi).into_iter().collect();
        extra.extend(self.unchecked.iter().map(|u| unchecked_line(lang, reg, u)));
        for si in 0..reg.meetings[mi].value.statements.len() {
            if self.checks.iter().any(|c| c.statement == si) {
                extra.push(statement_line(lang, reg, mi, si, &self.checks));
            }
        }
        extra
    }

    /// `vm-3 title (date)` of the meeting shown.
    fn heading(&self, lang: Lang) -> Option<String> {
        self.q.meeting.map(|mi| {
            let mt = &self.reg.meetings[mi].value;
            let date = mt.date().map_or_else(
                || Msg::new(&m::UNDATED),
                |d| Msg::new(&m::DATE).date("date", d),
            );
            Msg::new(&m::MEETING_HEADING)
                .text("id", mt.id.value.clone())
                .text("title", mt.title.value.clone())
                .msg("date", date)
                .render(lang)
        })
    }

    /// The heading of the all-time table.
    fn all_time_heading(&self, lang: Lang) -> String {
        match self.at_date {
            Some(d) => Msg::new(&m::ALL_TIME_AS_OF).date("date", d),
            None => Msg::new(&m::ALL_TIME_NOW),
        }
        .render(lang)
    }
}

/// Follow-up lights of the cases ongoing on the date (or today), per group shown.
fn lights(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    groups: &[usize],
    at_date: Option<Date>,
) -> Vec<[usize; 4]> {
    let day = at_date.unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    let behind = crate::follow::behind_threshold(reg);
    groups
        .iter()
        .map(|g| {
            let mut n = [0usize; 4];
            for c in (0..reg.cases.len()).filter(|c| idx.case_group[*c] == Some(*g)) {
                if reg.cases[c].value.parent.is_none() && tl.ongoing_at(c, day) {
                    let l = crate::follow::light(&reg.cases[c].value, day, behind);
                    n[Light::ALL.iter().position(|x| *x == l).unwrap_or(3)] += 1;
                }
            }
            n
        })
        .collect()
}

/// A count as a table cell: the number, or 「不詳」/`unknown` when the register does not know it.
fn cell(lang: Lang, n: Option<usize>) -> String {
    n.map_or_else(|| crate::i18n::label(lang, "unknown"), |n| n.to_string())
}

/// The totals line: `delist 24, add 12, ongoing 51`, with `unknown` for what is not known.
pub fn totals_line(lang: Lang, t: &MeetingTally, groups: &[usize]) -> String {
    let (d, a, o) = (
        t.sum(groups, "delist"),
        t.sum(groups, "add"),
        t.sum(groups, "ongoing"),
    );
    // 「解列 24 案」, or 「解列不詳」: no space between Chinese words.
    let item = |what: &'static str, n: Option<usize>| match n {
        Some(n) => Msg::new(&m::TOTAL_KNOWN).label("what", what).num("n", n),
        None => Msg::new(&m::TOTAL_UNKNOWN).label("what", what),
    };
    Msg::new(&m::ITEMS)
        .list(
            "items",
            [item("delist", d), item("add", a), item("ongoing", o)],
        )
        .render(lang)
}

/// For a meeting file that records only some kinds of decision: which, and that the rest is unknown.
fn partial_line(lang: Lang, reg: &Register, m: usize) -> Option<String> {
    let mt = &reg.meetings[m].value;
    let r = mt.records.as_ref()?;
    let kinds = r
        .value
        .iter()
        .map(|k| Msg::new(&m::ITEMS).label("items", k.value.as_str()));
    Some(
        Msg::new(&m::RECORDS_ONLY)
            .text("id", &mt.id.value)
            .list("kinds", kinds)
            .render(lang),
    )
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
    let nums = checks.iter().filter(|c| c.statement == si).map(|c| {
        let have = c.register.or(c.minutes).unwrap_or_default();
        let verdict = match c.verdict {
            Verdict::Only => Msg::new(&m::ITEMS).text("items", ""),
            Verdict::Agrees if c.register.is_some() => Msg::new(&m::VERDICT_REGISTER_AGREES),
            Verdict::Agrees => Msg::new(&m::VERDICT_MINUTES_AGREE),
            Verdict::AsTheMinutes => Msg::new(&m::VERDICT_AS_MINUTES).num("have", have),
            Verdict::Recorded(_) => Msg::new(&m::VERDICT_RECORDED).num("have", have),
            Verdict::Differs => Msg::new(&m::VERDICT_DIFFERS).num("have", have),
        };
        Msg::new(&m::STATED_NUMBER)
            .label("field", c.field)
            .text("n", c.stated.to_string())
            .msg("verdict", verdict)
    });
    let msg = match &st.date {
        Some(d) => Msg::new(&m::STATED_BY_DATED).date("date", d.value),
        None => Msg::new(&m::STATED_BY),
    };
    msg.text("source", &st.source.value)
        .list("numbers", nums)
        .render(lang)
}

/// A stated number of the minutes that the register cannot check (its own is unknown).
fn unchecked_line(lang: Lang, reg: &Register, u: &Unchecked) -> String {
    let msg = Msg::new(&m::UNCHECKED_STATED);
    let msg = match u.group {
        None => msg.label("who", "totals"),
        Some(g) => msg.text("who", &reg.platform.value.groups[g].name.value),
    };
    msg.label("field", u.field).num("n", u.stated).render(lang)
}

/// The cases a complete listing leaves unconfirmed, under the listing that leaves them out.
fn unconfirmed_lines(lang: Lang, reg: &Register, list: &[(usize, usize)]) -> Vec<String> {
    let mut listings: Vec<usize> = list.iter().map(|(_, l)| *l).collect();
    listings.sort_unstable();
    listings.dedup();
    let mut out = Vec::new();
    for li in listings {
        let l = &reg.platform.value.listings[li].value;
        let heading = Msg::new(&m::NOT_IN_LISTING)
            .date_prose("date", l.date.value)
            .text("source", l.source.to_string());
        out.push(format!("  {}", heading.render(lang)));
        for &(c, _) in list.iter().filter(|(_, x)| *x == li) {
            let c = &reg.cases[c].value;
            out.push(format!("    {} {}", c.id.value, c.title.value));
        }
    }
    out
}

fn ids(reg: &Register, v: &[usize]) -> Vec<String> {
    v.iter()
        .map(|c| reg.cases[*c].value.id.value.to_string())
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

/// A stated number of a meeting that differs from the register, as an "ongoing 51 stated" note.
fn stated_note(lang: Lang, reg: &Register, mi: usize, x: &Mismatch) -> String {
    let who = x.label(&reg.platform.value);
    let mt = &reg.meetings[mi].value;
    let recorded = x.recorded_in(mt, &reg.platform.value);
    let kinds = recorded.map_or_else(Vec::new, |i| mt.discrepancies[i].value.kinds());
    let tail = match (recorded, kinds.split_first()) {
        (None, _) => Msg::new(&m::NOTE_NOT_RECORDED),
        (Some(_), None) => Msg::new(&m::NOTE_RECORDED),
        (Some(_), Some((first, rest))) => {
            let kinds = rest.iter().fold(Msg::new(first.describe()), |a, k| {
                Msg::new(&m::KINDS_PAIR)
                    .msg("a", a)
                    .msg("b", Msg::new(k.describe()))
            });
            Msg::new(&m::NOTE_RECORDED_KINDS).msg("kinds", kinds)
        }
    };
    let msg = Msg::new(&m::STATED_NOTE);
    let msg = match who.as_str() {
        "totals" => msg.label("who", "totals"),
        "all-time" => msg.label("who", "all-time"),
        _ => msg.text("who", who),
    };
    msg.label("field", x.field)
        .num("stated", x.stated)
        .num("register", x.register)
        .msg("tail", tail)
        .render(lang)
}

/// The whole view as JSON: `null` for a count the register does not know.
pub fn json(v: &StatusView) -> String {
    let (reg, p) = (v.reg, &v.reg.platform.value);
    let groups = &v.groups;
    let meeting_json = v.q.meeting.map(|mi| {
        let mt = &reg.meetings[mi].value;
        let t = v.tally.as_ref().expect("tally exists when a meeting does");
        json!({
            "id": mt.id.value, "title": mt.title.value, "date": mt.date().map(|d| d.to_string()),
            "records": mt.records.as_ref().map(|r| r.value.iter().map(|k| k.value.as_str()).collect::<Vec<_>>()),
            "groups": groups.iter().map(|g| {
                let mut x = tally_json(reg, t, *g);
                x["group"] = json!(p.groups[*g].name.value);
                x["code"] = json!(p.groups[*g].code.value);
                x
            }).collect::<Vec<_>>(),
            "totals": { "delist": t.sum(groups, "delist"), "add": t.sum(groups, "add"), "ongoing": t.sum(groups, "ongoing") },
            "stated_differences": v.notes(Lang::En),
            "stated_unchecked": v.unchecked.iter().map(|u| json!({
                "group": u.group.map(|g| p.groups[g].name.value.clone()),
                "field": u.field, "stated": u.stated,
            })).collect::<Vec<_>>(),
            "statements": statements_json(v, mi),
        })
    });
    let out = json!({
        "platform": p.name.value,
        "meeting": meeting_json,
        "all_time": {
            "as_of": v.at_date.map(|d| d.to_string()),
            "groups": groups.iter().map(|g| {
                let mut x = all_time_json(&v.all[*g]);
                x["group"] = json!(p.groups[*g].name.value);
                x["code"] = json!(p.groups[*g].code.value);
                x
            }).collect::<Vec<_>>(),
            "total": all_time_json(&v.total),
            "lights": groups.iter().zip(&v.lights).map(|(g, n)| json!({
                "group": p.groups[*g].name.value,
                "overdue": n[0], "behind": n[1], "on_schedule": n[2], "no_schedule": n[3],
            })).collect::<Vec<_>>(),
            "unconfirmed": v.unconfirmed.iter().map(|&(c, l)| {
                let l = &p.listings[l].value;
                json!({
                    "id": reg.cases[c].value.id.value,
                    "title": reg.cases[c].value.title.value,
                    "listing": { "date": l.date.value.to_string(), "source": l.source },
                })
            }).collect::<Vec<_>>(),
        },
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&out).unwrap_or_default()
    )
}

/// The statements by other sources about meeting `mi`, each number with its verdict.
fn statements_json(v: &StatusView, mi: usize) -> Vec<serde_json::Value> {
    let mt = &v.reg.meetings[mi].value;
    mt.statements
        .iter()
        .enumerate()
        .filter(|_| v.q.group.is_none())
        .map(|(si, st)| {
            let st = &st.value;
            json!({
                "source": st.source.value,
                "date": st.date.as_ref().map(|d| d.value.to_string()),
                "url": st.url,
                "numbers": v.checks.iter().filter(|c| c.statement == si).map(|c| json!({
                    "field": c.field,
                    "stated": match c.stated {
                        crate::model::Stated::Exact(n) => json!(n),
                        crate::model::Stated::Range { min, max } => json!({ "min": min, "max": max }),
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
        .collect()
}

/// The view as one flat table (CSV, xlsx): a row per group with the meeting's and the all-time
/// numbers. An unknown count is an empty cell, never 0.
pub fn csv_table(v: &StatusView) -> Table {
    let (reg, p) = (v.reg, &v.reg.platform.value);
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
    let n = |g: usize, f: &str| {
        v.tally
            .as_ref()
            .and_then(|t| t.count(g, f))
            .map_or(String::new(), |n| n.to_string())
    };
    for g in &v.groups {
        c.row(
            vec![
                v.q.meeting
                    .map_or(String::new(), |mi| reg.meetings[mi].value.id.value.clone()),
                p.groups[*g].name.value.clone(),
                p.groups[*g].code.value.clone(),
                n(*g, "add"),
                n(*g, "delist"),
                n(*g, "ongoing"),
            ]
            .into_iter()
            .chain(all_time_cells(&v.all[*g], true))
            .collect(),
        );
    }
    c
}

/// The meeting's table: by group, or by lead city.
fn meeting_table(v: &StatusView, lang: Lang) -> Table {
    let p = &v.reg.platform.value;
    let mut mt = Table::new(&["group", "code", "add", "delist", "ongoing"]);
    mt.numeric = vec![2, 3, 4];
    let Some(t) = &v.tally else {
        return mt;
    };
    if v.q.by_lead {
        return lead_table(v, t, lang);
    }
    for g in &v.groups {
        mt.row(vec![
            p.groups[*g].name.value.clone(),
            p.groups[*g].code.value.clone(),
            cell(lang, t.count(*g, "add")),
            cell(lang, t.count(*g, "delist")),
            cell(lang, t.count(*g, "ongoing")),
        ]);
    }
    mt
}

/// The meeting's table by lead city (a row for cases without one, when there are any).
fn lead_table(v: &StatusView, t: &MeetingTally, lang: Lang) -> Table {
    let reg = v.reg;
    let mut mt = Table::new(&["lead", "add", "delist", "ongoing"]);
    mt.numeric = vec![1, 2, 3];
    let mut leads: Vec<String> = reg.platform.value.member_names();
    leads.push(String::new());
    for lead in &leads {
        let count = |f: fn(&GroupTally) -> &Vec<usize>| {
            v.groups
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
                crate::i18n::label(lang, "(not stated)")
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
    mt
}

/// The all-time table: a row per group shown, and a total when there are several.
fn all_time_table(v: &StatusView, lang: Lang) -> Table {
    let p = &v.reg.platform.value;
    let show_unconfirmed = !v.unconfirmed.is_empty();
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
    for g in &v.groups {
        at.row(all_row(
            p.groups[*g].name.value.clone(),
            p.groups[*g].code.value.clone(),
            &v.all[*g],
        ));
    }
    if v.groups.len() > 1 {
        at.row(all_row(
            crate::i18n::label(lang, "total"),
            String::new(),
            &v.total,
        ));
    }
    at
}

/// The view as Markdown.
pub fn markdown(v: &StatusView, style: Style) -> String {
    let lang = style.lang;
    let md = crate::render::md_inline;
    let mut s = format!("# {}\n\n", md(&v.reg.platform.value.name.value));
    let totals = v.tally.as_ref().map(|t| totals_line(lang, t, &v.groups));
    if let (Some(h), Some(line)) = (v.heading(lang), totals) {
        s.push_str(&format!(
            "## {}\n\n{}\n{}\n",
            md(&h),
            meeting_table(v, lang).markdown_in(lang),
            md(&line)
        ));
        for n in &v.notes(lang) {
            s.push_str(&format!("\n> {}\n", md(n)));
        }
        for n in &v.extra(lang) {
            s.push_str(&format!("\n> {n}\n"));
        }
        s.push('\n');
    }
    s.push_str(&format!(
        "## {}\n\n{}",
        md(&v.all_time_heading(lang)),
        all_time_table(v, lang).markdown_in(lang)
    ));
    if !v.unconfirmed.is_empty() {
        s.push_str(&format!("\n{}\n\n", unconfirmed_heading(lang)));
        for l in unconfirmed_lines(lang, v.reg, &v.unconfirmed) {
            s.push_str(&format!("- {}\n", l.trim_start()));
        }
    }
    s
}

/// The view as terminal tables with their notes.
pub fn terminal(v: &StatusView, st: Style) -> String {
    let (lang, p) = (st.lang, &v.reg.platform.value);
    let mut s = String::new();
    let totals = v.tally.as_ref().map(|t| totals_line(lang, t, &v.groups));
    match (v.heading(lang), totals) {
        (Some(h), Some(line)) => {
            s.push_str(&format!(
                "{}\n",
                st.bold(&format!("{} — {h}", p.name.value))
            ));
            s.push_str(&meeting_table(v, lang).terminal(st));
            s.push_str(&format!("{line}\n"));
            for n in v.notes(lang).iter().chain(&v.extra(lang)) {
                s.push_str(&format!("{}\n", st.dim(&note_prefix(lang, n))));
            }
            s.push_str(&group_cases(v, lang));
            s.push('\n');
        }
        _ => {
            let none = match v.q.as_of {
                Some(d) => Msg::new(&m::NO_MEETING_BEFORE).date("date", d),
                None => Msg::new(&m::NO_MEETING),
            };
            s.push_str(&format!(
                "{}\n{}\n\n",
                st.bold(&p.name.value),
                none.render(lang)
            ));
        }
    }
    s.push_str(&format!("{}\n", st.bold(&v.all_time_heading(lang))));
    s.push_str(&all_time_table(v, lang).terminal(st));
    if !v.unconfirmed.is_empty() {
        s.push_str(&format!("{}\n", unconfirmed_heading(lang)));
        for l in unconfirmed_lines(lang, v.reg, &v.unconfirmed) {
            s.push_str(&format!("{l}\n"));
        }
    }
    s.push_str(&lights_table(v, st));
    s
}

/// For one group: the cases the meeting added, delisted and keeps, one a line.
fn group_cases(v: &StatusView, lang: Lang) -> String {
    let mut s = String::new();
    let (Some(t), [g]) = (&v.tally, v.groups.as_slice()) else {
        return s;
    };
    for (label, cases) in [
        ("added", &t.groups[*g].add),
        ("delisted", &t.groups[*g].delist),
        ("ongoing", &t.groups[*g].ongoing),
    ] {
        let label = crate::i18n::label(lang, label);
        let pad = 9usize.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        for c in cases {
            let c = &v.reg.cases[*c].value;
            s.push_str(&format!(
                "  {label}{}{} {}\n",
                " ".repeat(pad),
                c.id.value,
                c.title.value
            ));
        }
    }
    s
}

/// The follow-up lights per group, once any ongoing case has a schedule.
fn lights_table(v: &StatusView, st: Style) -> String {
    if !v.lights.iter().any(|n| n[0] + n[1] + n[2] > 0) {
        return String::new();
    }
    let p = &v.reg.platform.value;
    let mut ft = Table::new(&["group", "overdue", "behind", "on schedule", "no schedule"]);
    ft.numeric = vec![1, 2, 3, 4];
    for (g, n) in v.groups.iter().zip(&v.lights) {
        let mut row = vec![p.groups[*g].name.value.clone()];
        row.extend(n.iter().map(ToString::to_string));
        ft.row(row);
    }
    format!(
        "{}\n{}",
        st.bold(&Msg::new(&m::LIGHTS_HEADING).render(st.lang)),
        ft.terminal(st)
    )
}

/// `note: …` in the output's language.
fn note_prefix(lang: Lang, n: &str) -> String {
    Msg::new(&m::NOTE_LINE).text("note", n).render(lang)
}

/// The heading over the unconfirmed cases.
fn unconfirmed_heading(lang: Lang) -> String {
    Msg::new(&m::UNCONFIRMED_HEADING).render(lang)
}
