//! `kbbt report`: the progress report (合作方案辦理情形) as Markdown, HTML, ODT (package or flat) or DOCX.
//!
//! As of a date (default: today): per group, the cases ongoing on that date with their latest
//! progress on or before it; the cases the latest meeting on or before it added are marked as the
//! platform's report marks them (【114 年 12 月 22 日第 6 次副市長層級會議同意新增】). A summary table
//! counts, per group, the ongoing cases, the latest meeting's adds and delists, and all cases ever
//! tracked; a table (and, in HTML, a chart) gives every meeting's numbers.

use super::output::Bytes;
use super::{Env, Outcome};
use crate::cli::{ReportArgs, ReportFormat};
use kbbt::exit::Exit;
use kbbt::index::Index;
use kbbt::model::Date;
use kbbt::model::Register;
use kbbt::render::minutes::topic_mark;
use kbbt::render::report::{GroupReport, MeetingPoint, Report, Row, SummaryRow, roc};
use kbbt::tally::{self, Timelines};

use kbbt::model::names::id_key;

/// A meeting's title without the platform's name: 「第 6 次副市長層級會議」.
fn short_title(reg: &Register, m: usize) -> String {
    let t = &reg.meetings[m].value.title.value;
    let name = &reg.platform.value.name.value;
    match t.strip_prefix(name.as_str()) {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => t.clone(),
    }
}

fn with_topics(title: &str, topics: &[kbbt::yaml::Sp<String>]) -> String {
    let t: Vec<String> = topics.iter().map(|t| t.value.clone()).collect();
    format!("{title}{}", topic_mark(&t))
}

/// Build the report's content: pure, from the register.
fn build(reg: &Register, idx: &Index, tl: &Timelines, date: Date, groups: &[usize]) -> Report {
    let p = &reg.platform.value;
    let latest = tally::latest_meeting(reg, idx, Some(date));
    let lt = latest.map(|m| tally::tally_meeting(reg, idx, tl, m));
    let all = tally::all_time(reg, idx, tl, Some(date));
    let marker = latest.map(|m| {
        let d = reg.meetings[m].value.date().map_or_else(String::new, roc);
        format!("【{d}{}同意新增】", short_title(reg, m))
    });
    // Ongoing on the date and not left out by a complete listing (those go to the annex).
    let ongoing = |c: usize| tl.ongoing_at(c, date);
    let behind = kbbt::follow::behind_threshold(reg);

    // Ongoing sub-cases by parent.
    let mut subs: Vec<Vec<usize>> = vec![Vec::new(); reg.cases.len()];
    for (c, doc) in reg.cases.iter().enumerate() {
        if let Some(parent) = &doc.value.parent
            && let Some(pi) = idx.case(&parent.value)
            && ongoing(c)
        {
            subs[pi].push(c);
        }
    }

    let mut summary = Vec::new();
    let mut total = SummaryRow {
        added: Some(0),
        delisted: Some(0),
        ..SummaryRow::default()
    };
    let mut sections = Vec::new();
    // Without a meeting on or before the date, nothing was added or delisted: 0 is what is known.
    let count = |g: usize, f: &str| lt.as_ref().map_or(Some(0), |t| t.count(g, f));
    let plus = |a: Option<usize>, b: Option<usize>| a.zip(b).map(|(a, b)| a + b);
    for &g in groups {
        let gt = lt.as_ref().map(|t| &t.groups[g]);
        let row = SummaryRow {
            group: p.groups[g].name.value.clone(),
            ongoing: all[g].ongoing,
            added: count(g, "add"),
            delisted: count(g, "delist"),
            ever: all[g].ever,
        };
        total.ongoing += row.ongoing;
        total.added = plus(total.added, row.added);
        total.delisted = plus(total.delisted, row.delisted);
        total.ever += row.ever;
        summary.push(row);

        let mut cases: Vec<usize> = (0..reg.cases.len())
            .filter(|c| idx.case_group[*c] == Some(g))
            .filter(|c| reg.cases[*c].value.parent.is_none() && ongoing(*c))
            .collect();
        cases.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
        let rows = cases
            .into_iter()
            .map(|c| {
                let case = &reg.cases[c].value;
                let mut sc = subs[c].clone();
                sc.sort_by_key(|s| id_key(&reg.cases[*s].value.id.value));
                Row {
                    id: case.id.value.clone(),
                    name: with_topics(&case.title.value, &case.topics),
                    subcases: sc
                        .into_iter()
                        .map(|s| {
                            let s = &reg.cases[s].value;
                            (s.id.value.clone(), with_topics(&s.title.value, &s.topics))
                        })
                        .collect(),
                    lead: case.lead.as_ref().map(|l| l.value.clone()),
                    partners: case.partners.iter().map(|x| x.value.clone()).collect(),
                    marker: gt.filter(|t| t.add.contains(&c)).and(marker.clone()),
                    light: Some(kbbt::follow::light(case, date, behind))
                        .filter(|l| *l != kbbt::follow::Light::NoSchedule)
                        .map(|l| l.zh().to_string()),
                    progress: case.latest_progress(Some(date)).map(|pr| {
                        (
                            pr.as_of.value,
                            pr.text
                                .lines()
                                .map(str::trim_end)
                                .filter(|l| !l.trim().is_empty())
                                .map(str::to_string)
                                .collect(),
                        )
                    }),
                }
            })
            .collect();
        sections.push(GroupReport {
            number: g + 1,
            name: p.groups[g].name.value.clone(),
            rows,
        });
    }

    let history = idx
        .meetings_by_date
        .iter()
        .copied()
        .filter(|m| {
            let mt = &reg.meetings[*m].value;
            mt.has_decisions() && mt.date().is_none_or(|d| d <= date)
        })
        .map(|m| {
            let t = tally::tally_meeting(reg, idx, tl, m);
            MeetingPoint {
                id: reg.meetings[m].value.id.value.clone(),
                label: short_title(reg, m),
                date: reg.meetings[m].value.date(),
                added: t.sum(groups, "add"),
                delisted: t.sum(groups, "delist"),
                ongoing: t.sum(groups, "ongoing"),
            }
        })
        .collect::<Vec<MeetingPoint>>();
    // What other sources state about those meetings, for the whole platform only.
    let mut statements = Vec::new();
    if groups.len() == p.groups.len() {
        for &m in idx
            .meetings_by_date
            .iter()
            .filter(|m| reg.meetings[**m].value.date().is_none_or(|d| d <= date))
        {
            let checks = kbbt::check::statement_checks(reg, idx, tl, m);
            for (si, st) in reg.meetings[m].value.statements.iter().enumerate() {
                let nums: Vec<String> = checks
                    .iter()
                    .filter(|c| c.statement == si)
                    .map(|c| format!("{} {} 案", field_zh(c.field), c.stated))
                    .collect();
                if nums.is_empty() {
                    continue;
                }
                let st = &st.value;
                statements.push(format!(
                    "{}：{}{}載{}。",
                    short_title(reg, m),
                    st.source.value,
                    st.date
                        .as_ref()
                        .map_or(String::new(), |d| format!("（{}）", roc(d.value))),
                    nums.join("、")
                ));
            }
        }
    }
    let unconfirmed = tally::unconfirmed(tl, Some(date))
        .into_iter()
        .filter(|(c, _)| {
            reg.cases[*c].value.parent.is_none()
                && idx.case_group[*c].is_some_and(|g| groups.contains(&g))
        })
        .map(|(c, l)| {
            let case = &reg.cases[c].value;
            let l = &p.listings[l].value;
            kbbt::render::report::Unconfirmed {
                id: case.id.value.clone(),
                group: case.group.value.clone(),
                name: with_topics(&case.title.value, &case.topics),
                listing: (l.date.value, l.source.clone()),
            }
        })
        .collect();

    Report {
        title: format!("「{}」合作方案辦理情形", p.name.value),
        as_of: date,
        meeting: latest.map(|m| {
            let d = reg.meetings[m].value.date().map_or_else(String::new, roc);
            format!("{}（{d}）", short_title(reg, m))
        }),
        summary,
        total: (groups.len() > 1).then(|| SummaryRow {
            group: "合計".to_string(),
            ..total
        }),
        history,
        statements,
        groups: sections,
        unconfirmed,
    }
}

/// A count's name as the report writes it.
fn field_zh(f: &str) -> &'static str {
    match f {
        "add" => "新增",
        "delist" => "解列",
        "ongoing" => "持續列管",
        "tracked" => "處理案件",
        "cases" => "累計合作案",
        "completed" => "已完成",
        _ => "其他",
    }
}

pub fn run(env: &Env, args: &ReportArgs) -> Outcome {
    let (as_of, group, format, output, font) = (
        args.as_of.as_deref(),
        args.group.as_deref(),
        args.format,
        args.output.as_deref(),
        args.font.as_str(),
    );
    let target = match output
        .map(|o| super::output::target(env, o, super::output::Dest::Document))
        .transpose()
    {
        Ok(t) => t,
        Err(o) => return o,
    };
    let format = match super::output::choose(format, output, ReportFormat::Md) {
        Ok(f) => f,
        Err(o) => return o,
    };
    let (reg, date, groups) = match super::report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    if target.is_none()
        && matches!(
            format,
            ReportFormat::Odt | ReportFormat::Docx | ReportFormat::Xlsx
        )
    {
        return super::output::needs_file(match format {
            ReportFormat::Odt => "odt",
            ReportFormat::Docx => "docx",
            _ => "xlsx",
        });
    }
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let report = build(&reg, &idx, &tl, date, &groups);
    let doc = || {
        let page = kbbt::render::doc::Page::new(
            &reg.platform.value.name.value,
            format!("資料時間：{}", date.roc_long()),
            kbbt::render::doc::generated_today(),
            font,
        );
        kbbt::render::doc::report_doc(&report, page)
    };
    let data = match format {
        ReportFormat::Md => Bytes::Text(kbbt::render::report::markdown(&report)),
        ReportFormat::Html => Bytes::Text(kbbt::render::html::html(&report)),
        ReportFormat::Fodt => Bytes::Text(kbbt::render::odf::fodt(&doc())),
        ReportFormat::Odt => match kbbt::render::odt::odt(&doc()) {
            Ok(b) => Bytes::Binary(b),
            Err(e) => {
                return Outcome::fail(
                    Exit::Problems,
                    format!("error: cannot build the package: {e}\n"),
                );
            }
        },
        ReportFormat::Xlsx => match kbbt::render::xlsx::workbook(&super::export::report_sheets(
            &report,
            env.style.lang,
        )) {
            Ok(b) => Bytes::Binary(b),
            Err(e) => {
                return Outcome::fail(
                    Exit::Problems,
                    format!("error: cannot build the workbook: {e}\n"),
                );
            }
        },
        ReportFormat::Docx => match kbbt::render::docx::docx(&doc()) {
            Ok(b) => Bytes::Binary(b),
            Err(e) => {
                return Outcome::fail(
                    Exit::Problems,
                    format!("error: cannot build the package: {e}\n"),
                );
            }
        },
    };
    match (target, output, data) {
        (Some(path), Some(shown), data) => {
            let cases: usize = report.groups.iter().map(|g| g.rows.len()).sum();
            let done = format!(
                "wrote {} ({} as of {date})\n",
                shown.display(),
                kbbt::plural::count(cases, "ongoing case")
            );
            super::output::write(&path, shown, &data, done)
        }
        // A document: never translated.
        (_, _, Bytes::Text(text)) => Outcome::machine(text),
        (_, _, Bytes::Binary(_)) => unreachable!("binary formats need -o, checked above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_number() {
        let mut v = vec!["TR-10", "TR-9", "DP-1", "TR-009x"];
        v.sort_by_key(|s| id_key(s));
        assert_eq!(v, ["DP-1", "TR-9", "TR-10", "TR-009x"]);
    }
}
