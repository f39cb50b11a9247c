//! The progress report's content (合作方案辦理情形), built from the register as of a date: per
//! group, the cases ongoing on that date with their latest progress on or before it, the cases the
//! latest meeting added marked as the platform's report marks them, a summary table, every
//! meeting's numbers, what other sources state, and the cases a complete listing leaves out. Pure:
//! `render` turns the [`Report`] into documents.

use crate::index::Index;
use crate::model::names::id_key;
use crate::model::{Date, Register};
use crate::render::minutes::topic_mark;
use crate::render::report::{GroupReport, MeetingPoint, Report, Row, SummaryRow, Unconfirmed, roc};
use crate::tally::{self, MeetingTally, Timelines};
use crate::yaml::Sp;

/// A meeting's title without the platform's name: 「第 6 次副市長層級會議」.
pub fn short_title(reg: &Register, m: usize) -> String {
    let t = &reg.meetings[m].value.title.value;
    let name = &reg.platform.value.name.value;
    match t.strip_prefix(name.as_str()) {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => t.clone(),
    }
}

/// A case's title with its common topics marked after it.
fn with_topics(title: &str, topics: &[Sp<String>]) -> String {
    let t: Vec<String> = topics.iter().map(|t| t.value.clone()).collect();
    format!("{title}{}", topic_mark(&t))
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

/// What every part of the report reads.
struct View<'a> {
    reg: &'a Register,
    idx: &'a Index,
    tl: &'a Timelines,
    date: Date,
    /// The latest meeting on or before the date, and its tally.
    latest: Option<(usize, MeetingTally)>,
}

impl View<'_> {
    /// Ongoing on the date and not left out by a complete listing (those go to the annex).
    fn ongoing(&self, c: usize) -> bool {
        self.tl.ongoing_at(c, self.date)
    }

    /// The ongoing cases of group `g` that are not sub-cases, by id.
    fn cases_of(&self, g: usize) -> Vec<usize> {
        let reg = self.reg;
        let mut cases: Vec<usize> = (0..reg.cases.len())
            .filter(|c| self.idx.case_group[*c] == Some(g))
            .filter(|c| reg.cases[*c].value.parent.is_none() && self.ongoing(*c))
            .collect();
        cases.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
        cases
    }

    /// The ongoing sub-cases of case `c`, by id.
    fn subcases_of(&self, c: usize) -> Vec<usize> {
        let reg = self.reg;
        let mut subs: Vec<usize> = (0..reg.cases.len())
            .filter(|s| {
                reg.cases[*s]
                    .value
                    .parent
                    .as_ref()
                    .and_then(|p| self.idx.case(&p.value))
                    == Some(c)
                    && self.ongoing(*s)
            })
            .collect();
        subs.sort_by_key(|s| id_key(&reg.cases[*s].value.id.value));
        subs
    }

    /// The mark of a case the latest meeting added: 【114 年 12 月 22 日第 6 次副市長層級會議同意新增】.
    fn marker(&self, g: usize, c: usize) -> Option<String> {
        let (m, t) = self.latest.as_ref()?;
        if !t.groups[g].add.contains(&c) {
            return None;
        }
        let d = self.reg.meetings[*m]
            .value
            .date()
            .map_or_else(String::new, roc);
        Some(format!("【{d}{}同意新增】", short_title(self.reg, *m)))
    }

    /// The report's row of case `c` of group `g`.
    fn row(&self, g: usize, c: usize) -> Row {
        let reg = self.reg;
        let case = &reg.cases[c].value;
        let behind = crate::follow::behind_threshold(reg);
        Row {
            id: case.id.value.to_string(),
            name: with_topics(&case.title.value, &case.topics),
            subcases: self
                .subcases_of(c)
                .into_iter()
                .map(|s| {
                    let s = &reg.cases[s].value;
                    (
                        s.id.value.to_string(),
                        with_topics(&s.title.value, &s.topics),
                    )
                })
                .collect(),
            lead: case.lead.as_ref().map(|l| l.value.to_string()),
            partners: case.partners.iter().map(|x| x.value.to_string()).collect(),
            marker: self.marker(g, c),
            light: Some(crate::follow::light(case, self.date, behind))
                .filter(|l| *l != crate::follow::Light::NoSchedule)
                .map(|l| l.zh().to_string()),
            progress: case.latest_progress(Some(self.date)).map(|pr| {
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
    }

    /// The summary rows of `groups` and their total. Without a meeting on or before the date,
    /// nothing was added or delisted: 0 is what is known.
    fn summary(&self, groups: &[usize]) -> (Vec<SummaryRow>, SummaryRow) {
        let all = tally::all_time(self.reg, self.idx, self.tl, Some(self.date));
        let count = |g: usize, f: &str| self.latest.as_ref().map_or(Some(0), |t| t.1.count(g, f));
        let plus = |a: Option<usize>, b: Option<usize>| a.zip(b).map(|(a, b)| a + b);
        let mut total = SummaryRow {
            added: Some(0),
            delisted: Some(0),
            ..SummaryRow::default()
        };
        let mut rows = Vec::new();
        for &g in groups {
            let row = SummaryRow {
                group: self.reg.platform.value.groups[g].name.value.clone(),
                ongoing: all[g].ongoing,
                added: count(g, "add"),
                delisted: count(g, "delist"),
                ever: all[g].ever,
            };
            total.ongoing += row.ongoing;
            total.added = plus(total.added, row.added);
            total.delisted = plus(total.delisted, row.delisted);
            total.ever += row.ever;
            rows.push(row);
        }
        (rows, total)
    }

    /// Every meeting with decisions up to the date, with its numbers for `groups`.
    fn history(&self, groups: &[usize]) -> Vec<MeetingPoint> {
        let reg = self.reg;
        self.idx
            .meetings_by_date
            .iter()
            .copied()
            .filter(|m| {
                let mt = &reg.meetings[*m].value;
                mt.has_decisions() && mt.date().is_none_or(|d| d <= self.date)
            })
            .map(|m| {
                let t = tally::tally_meeting(reg, self.idx, self.tl, m);
                MeetingPoint {
                    id: reg.meetings[m].value.id.value.clone(),
                    label: short_title(reg, m),
                    date: reg.meetings[m].value.date(),
                    added: t.sum(groups, "add"),
                    delisted: t.sum(groups, "delist"),
                    ongoing: t.sum(groups, "ongoing"),
                }
            })
            .collect()
    }

    /// What other sources state about meeting `m`'s numbers, one sentence per statement.
    fn statements_of(&self, m: usize) -> Vec<String> {
        let reg = self.reg;
        let checks = crate::check::statement_checks(reg, self.idx, self.tl, m);
        let mut out = Vec::new();
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
            out.push(format!(
                "{}：{}{}載{}。",
                short_title(reg, m),
                st.source.value,
                st.date
                    .as_ref()
                    .map_or(String::new(), |d| format!("（{}）", roc(d.value))),
                nums.join("、")
            ));
        }
        out
    }

    /// What other sources state about the meetings up to the date.
    fn statements(&self) -> Vec<String> {
        self.idx
            .meetings_by_date
            .iter()
            .filter(|m| {
                self.reg.meetings[**m]
                    .value
                    .date()
                    .is_none_or(|d| d <= self.date)
            })
            .flat_map(|&m| self.statements_of(m))
            .collect()
    }

    /// The cases of `groups` a complete listing leaves out.
    fn unconfirmed(&self, groups: &[usize]) -> Vec<Unconfirmed> {
        let reg = self.reg;
        tally::unconfirmed(self.tl, Some(self.date))
            .into_iter()
            .filter(|(c, _)| {
                reg.cases[*c].value.parent.is_none()
                    && self.idx.case_group[*c].is_some_and(|g| groups.contains(&g))
            })
            .map(|(c, l)| {
                let case = &reg.cases[c].value;
                let l = &reg.platform.value.listings[l].value;
                Unconfirmed {
                    id: case.id.value.to_string(),
                    group: case.group.value.to_string(),
                    name: with_topics(&case.title.value, &case.topics),
                    listing: (l.date.value, l.source.clone()),
                }
            })
            .collect()
    }
}

/// The report on `date` for `groups` (indices into the platform's groups, in the order shown).
pub fn build(reg: &Register, idx: &Index, tl: &Timelines, date: Date, groups: &[usize]) -> Report {
    let p = &reg.platform.value;
    let latest = tally::latest_meeting(reg, idx, Some(date));
    let v = View {
        reg,
        idx,
        tl,
        date,
        latest: latest.map(|m| (m, tally::tally_meeting(reg, idx, tl, m))),
    };
    let (summary, total) = v.summary(groups);
    let sections = groups
        .iter()
        .map(|&g| GroupReport {
            number: g + 1,
            name: p.groups[g].name.value.clone(),
            rows: v.cases_of(g).into_iter().map(|c| v.row(g, c)).collect(),
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
        history: v.history(groups),
        // For the whole platform only.
        statements: if groups.len() == p.groups.len() {
            v.statements()
        } else {
            Vec::new()
        },
        groups: sections,
        unconfirmed: v.unconfirmed(groups),
    }
}
