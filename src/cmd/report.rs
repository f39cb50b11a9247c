//! `kbbt report`: the progress report (合作方案辦理情形) as Markdown, HTML or flat ODF text.
//!
//! As of a date (default: today): per group, the cases ongoing on that date with their latest
//! progress on or before it; the cases the latest meeting on or before it added are marked as the
//! platform's report marks them (【114 年 12 月 22 日第 6 次副市長層級會議同意新增】). A summary table
//! counts, per group, the ongoing cases, the latest meeting's adds and delists, and all cases ever
//! tracked; a table (and, in HTML, a chart) gives every meeting's numbers.

use super::{Env, Outcome};
use crate::cli::ReportFormat;
use crate::index::Index;
use crate::load::Register;
use crate::model::{Date, Status};
use crate::render::minutes::topic_mark;
use crate::render::report::{GroupReport, MeetingPoint, Report, Row, SummaryRow, roc};
use crate::tally::{self, GroupTally, Timelines};
use std::path::{Path, PathBuf};

/// Sort key of a case id: `TR-9` before `TR-10`.
pub(super) fn id_key(id: &str) -> (String, u64, String) {
    let (code, num) = id.split_once('-').unwrap_or((id, ""));
    (
        code.to_string(),
        num.parse().unwrap_or(u64::MAX),
        id.to_string(),
    )
}

/// A meeting's title without the platform's name: 「第 6 次副市長層級會議」.
fn short_title(reg: &Register, m: usize) -> String {
    let t = &reg.meetings[m].value.title.value;
    let name = &reg.platform.value.name.value;
    match t.strip_prefix(name.as_str()) {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => t.clone(),
    }
}

fn with_topics(title: &str, topics: &[crate::yaml::Sp<String>]) -> String {
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
    let ongoing = |c: usize| tl.status_at(c, date) == Some(Status::Ongoing);

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
    let mut total = SummaryRow::default();
    let mut sections = Vec::new();
    for &g in groups {
        let gt = lt.as_ref().map(|t| &t.groups[g]);
        let row = SummaryRow {
            group: p.groups[g].name.value.clone(),
            ongoing: all[g].ongoing,
            added: gt.map_or(0, |t| t.add.len()),
            delisted: gt.map_or(0, |t| t.delist.len()),
            ever: all[g].ever,
        };
        total.ongoing += row.ongoing;
        total.added += row.added;
        total.delisted += row.delisted;
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
            let sum = |f: fn(&GroupTally) -> usize| groups.iter().map(|g| f(&t.groups[*g])).sum();
            MeetingPoint {
                id: reg.meetings[m].value.id.value.clone(),
                label: short_title(reg, m),
                date: reg.meetings[m].value.date(),
                added: sum(|g| g.add.len()),
                delisted: sum(|g| g.delist.len()),
                ongoing: sum(|g| g.ongoing.len()),
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
        groups: sections,
    }
}

/// Where `-o FILE` writes, or a usage error when it would write into the register's own files.
fn output_path(env: &Env, out: &Path) -> Result<PathBuf, Outcome> {
    let path = env.args_dir.join(out);
    let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let full = match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.clone(),
    };
    // A link is judged by where it points too (the report replaces the link itself, never its target,
    // but a link onto a register file is a mistake worth refusing).
    let pointed = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| path.canonicalize().ok())
        .flatten();
    let register_file = |p: &Path| {
        ["cases", "meetings", ".kbbt", ".git"]
            .iter()
            .any(|d| p.starts_with(root.join(d)))
            || p == root.join(crate::load::PLATFORM_FILE)
    };
    let inside = register_file(&full) || pointed.as_deref().is_some_and(register_file);
    if inside {
        return Err(Outcome::fail(
            2,
            format!(
                "error: `{}` is one of the register's own files or folders; write the report elsewhere\n",
                out.display()
            ),
        ));
    }
    Ok(path)
}

pub fn run(
    env: &Env,
    as_of: Option<&str>,
    group: Option<&str>,
    format: ReportFormat,
    output: Option<&Path>,
) -> Outcome {
    let (reg, date, groups) = match super::report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let target = match output.map(|o| output_path(env, o)).transpose() {
        Ok(t) => t,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let report = build(&reg, &idx, &tl, date, &groups);
    let text = match format {
        ReportFormat::Md => crate::render::report::markdown(&report),
        ReportFormat::Html => crate::render::html::html(&report),
        ReportFormat::Odt => crate::render::odf::fodt(&report),
    };
    match (target, output) {
        (Some(path), Some(shown)) => match crate::write::write_output(&path, text.as_bytes()) {
            Ok(()) => {
                let cases: usize = report.groups.iter().map(|g| g.rows.len()).sum();
                Outcome::ok(format!(
                    "wrote {} ({cases} ongoing cases as of {date})\n",
                    shown.display()
                ))
            }
            Err(e) => Outcome::fail(1, format!("error: cannot write {}: {e}\n", shown.display())),
        },
        // A document: never translated.
        _ => Outcome::machine(text),
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
