//! The progress report (合作方案辦理情形): its content as values, the cells every format shares,
//! and the Markdown form. Pure: the command fills a [`Report`]; `html`, `odf` and this module
//! turn it into text.

use crate::model::Date;

/// The whole report, as the register says it on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// 「基北北桃合作交流平臺」合作方案辦理情形
    pub title: String,
    /// The data date (資料時間): the latest progress on or before it.
    pub as_of: Date,
    /// The meeting whose adds and delists the summary counts, e.g. 「第 6 次副市長層級會議（114 年 12 月 22 日）」.
    pub meeting: Option<String>,
    /// A row per group: ongoing, added, delisted, ever tracked.
    pub summary: Vec<SummaryRow>,
    /// The sum of the rows, when there is more than one.
    pub total: Option<SummaryRow>,
    /// Every meeting with decisions up to the date, oldest first.
    pub history: Vec<MeetingPoint>,
    /// What other sources state about the meetings (press coverage), one sentence each.
    pub statements: Vec<String>,
    /// Each group's cases.
    pub groups: Vec<GroupReport>,
    /// Cases ongoing by recorded decisions that a complete listing leaves out: not in the report's
    /// body, listed in an annex with the listing.
    pub unconfirmed: Vec<Unconfirmed>,
}

/// A case left out of a complete listing (see [`Report::unconfirmed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    /// The case's id.
    pub id: String,
    /// Its group's name.
    pub group: String,
    /// Its title.
    pub name: String,
    /// The listing that leaves it out: its date and source.
    pub listing: (Date, String),
}

/// One group's numbers in the summary table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// The group's name (合計 for the total).
    pub group: String,
    /// Cases ongoing on the date (sub-cases count under their parent).
    pub ongoing: usize,
    /// Added and delisted at the latest meeting on or before the date (`None`: unknown, when the
    /// meeting file records only some kinds of decision).
    pub added: Option<usize>,
    /// Delisted at that meeting (`None`: unknown).
    pub delisted: Option<usize>,
    /// Cases ever tracked up to the date.
    pub ever: usize,
}

/// One meeting's numbers, for the chart and the table of meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPoint {
    /// The meeting's id.
    pub id: String,
    /// The title without the platform's name, e.g. 「第 3 次副市長層級會議」.
    pub label: String,
    /// The meeting's date, when known.
    pub date: Option<Date>,
    /// Cases added. `None`: the register does not know the count (it is never drawn or printed as
    /// a number).
    pub added: Option<usize>,
    /// Cases delisted (`None`: unknown).
    pub delisted: Option<usize>,
    /// Ongoing before the meeting and still after it (the minutes' 「其餘 N 案持續列管」).
    pub ongoing: Option<usize>,
}

/// A count as a report cell: the number, or 「不詳」.
pub fn count_cell(n: Option<usize>) -> String {
    n.map_or_else(|| "不詳".to_string(), |n| n.to_string())
}

/// One group's part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupReport {
    /// The group's place in the platform's order, from 1: 「(一) 交通組」.
    pub number: usize,
    /// The group's name.
    pub name: String,
    /// Its cases.
    pub rows: Vec<Row>,
}

/// One case of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The case's id.
    pub id: String,
    /// The title with its common-topic mark, as the report writes it.
    pub name: String,
    /// Ongoing sub-cases: id and name.
    pub subcases: Vec<(String, String)>,
    /// The lead city.
    pub lead: Option<String>,
    /// The partner cities.
    pub partners: Vec<String>,
    /// 【114 年 12 月 22 日第 6 次副市長層級會議同意新增】 for a case the latest meeting added.
    pub marker: Option<String>,
    /// The follow-up light on the report's date, for a case with milestones or planned progress:
    /// 「管考燈號：落後」.
    pub light: Option<String>,
    /// The latest progress on or before the date: its date and its lines.
    pub progress: Option<(Date, Vec<String>)>,
}

/// `114 年 12 月 22 日`: the ROC date as the platform's documents write it inside a text.
pub fn roc(d: Date) -> String {
    let long = d.roc_long();
    long.strip_prefix("中華民國 ").unwrap_or(&long).to_string()
}

/// The summary table's header.
pub const SUMMARY_HEADER: [&str; 5] = ["組別", "列管中", "新增", "解列", "累計案件"];
/// The table of meetings' header.
pub const HISTORY_HEADER: [&str; 5] = ["會議", "日期", "新增", "解列", "持續列管"];
/// A group table's header.
pub const CASES_HEADER: [&str; 3] = ["方案名稱", "主辦/合作城市", "最新辦理情形"];

/// What a line of a progress cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// 【…同意新增】
    Marker,
    /// A note about the progress itself (its date, or that there is none).
    Note,
    /// The progress text.
    Text,
}

impl Report {
    /// The sentence under the summary table.
    pub fn summary_note(&self) -> String {
        let counted = "列管中、累計案件計至資料時間（子案計入母案）";
        match &self.meeting {
            Some(m) => format!("新增、解列為{m}之決議；{counted}。"),
            None => format!("資料時間前無會議決議；{counted}。"),
        }
    }

    /// Whether any case of the report names a lead or partner city (else the column is left out).
    pub fn has_cities(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.rows)
            .any(|r| r.lead.is_some() || !r.partners.is_empty())
    }

    /// The sentence under the table of meetings.
    pub fn history_note() -> &'static str {
        "持續列管：會前列管且會後仍列管之案數（即會議紀錄「其餘 N 案持續列管」），依列管資料計算。"
    }
}

impl SummaryRow {
    /// The row's cells: group, ongoing, added, delisted, ever (「不詳」 for an unknown count).
    pub fn cells(&self) -> [String; 5] {
        [
            self.group.clone(),
            self.ongoing.to_string(),
            count_cell(self.added),
            count_cell(self.delisted),
            self.ever.to_string(),
        ]
    }
}

impl MeetingPoint {
    /// The row's cells: meeting, date (ROC), added, delisted, ongoing.
    pub fn cells(&self) -> [String; 5] {
        [
            self.label.clone(),
            self.date.map_or_else(|| "日期不詳".to_string(), roc),
            count_cell(self.added),
            count_cell(self.delisted),
            count_cell(self.ongoing),
        ]
    }
}

impl GroupReport {
    /// 「(一) 交通組」
    pub fn heading(&self) -> String {
        format!(
            "({}) {}",
            super::minutes::chinese_number(self.number),
            self.name
        )
    }
    /// The group's follow-up lights, when any case of it has a schedule:
    /// 「管考燈號：逾期 1 案、落後 0 案、正常 2 案、未設定 5 案」.
    pub fn lights_line(&self) -> Option<String> {
        if self.rows.iter().all(|r| r.light.is_none()) {
            return None;
        }
        let n = |l: &str| {
            self.rows
                .iter()
                .filter(|r| r.light.as_deref() == Some(l))
                .count()
        };
        let unset = self.rows.iter().filter(|r| r.light.is_none()).count();
        Some(format!(
            "管考燈號：逾期 {} 案、落後 {} 案、正常 {} 案、未設定 {unset} 案",
            n("逾期"),
            n("落後"),
            n("正常")
        ))
    }
}

impl Row {
    /// The name cell: the name, then one line per ongoing sub-case.
    pub fn name_lines(&self) -> Vec<String> {
        let mut v = vec![self.name.clone()];
        v.extend(self.subcases.iter().map(|(_, n)| format!("子案：{n}")));
        v
    }

    /// The cities cell: 「主辦：臺北市」「合作：新北市、桃園市」, or 「—」.
    pub fn city_lines(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(l) = &self.lead {
            v.push(format!("主辦：{l}"));
        }
        if !self.partners.is_empty() {
            v.push(format!("合作：{}", self.partners.join("、")));
        }
        if v.is_empty() {
            v.push("—".to_string());
        }
        v
    }

    /// The progress cell: the marker, a note when the progress is older than the report, the text.
    pub fn progress_lines(&self, as_of: Date) -> Vec<(LineKind, String)> {
        let mut v = Vec::new();
        if let Some(m) = &self.marker {
            v.push((LineKind::Marker, m.clone()));
        }
        if let Some(l) = &self.light {
            v.push((LineKind::Note, format!("（管考燈號：{l}）")));
        }
        match &self.progress {
            Some((d, lines)) => {
                if *d != as_of {
                    v.push((LineKind::Note, format!("（資料時間：{}）", roc(*d))));
                }
                v.extend(lines.iter().map(|l| (LineKind::Text, l.clone())));
            }
            None => v.push((LineKind::Note, "無辦理情形".to_string())),
        }
        v
    }
}

/// A Markdown table cell: `|` escaped, HTML's special characters as entities, lines joined by `<br>`.
fn md_cell(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('|', "\\|")
                .replace(['\r', '\n'], " ")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A heading's text: escaped like any register value, on one line.
fn md_heading(s: &str) -> String {
    super::md_inline(s).replace("<br>", " ")
}

fn md_table(header: &[&str], numeric: &[usize], rows: &[Vec<Vec<String>>]) -> String {
    let mut s = format!("| {} |\n|", header.join(" | "));
    for i in 0..header.len() {
        s.push_str(if numeric.contains(&i) {
            " ---: |"
        } else {
            " --- |"
        });
    }
    s.push('\n');
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

fn one(s: String) -> Vec<String> {
    vec![s]
}

/// The report as GitHub-flavoured Markdown.
pub fn markdown(r: &Report) -> String {
    let mut s = format!(
        "# {}\n\n資料時間：{}\n\n## 總覽\n\n",
        md_heading(&r.title),
        r.as_of.roc_long()
    );
    let mut rows: Vec<Vec<Vec<String>>> = r
        .summary
        .iter()
        .map(|x| x.cells().into_iter().map(one).collect())
        .collect();
    if let Some(t) = &r.total {
        let mut c = t.cells();
        c[0] = "合計".to_string();
        rows.push(c.into_iter().map(one).collect());
    }
    s.push_str(&md_table(&SUMMARY_HEADER, &[1, 2, 3, 4], &rows));
    s.push_str(&format!("\n{}\n\n", super::md_inline(&r.summary_note())));
    if !r.history.is_empty() {
        s.push_str("## 歷次會議\n\n");
        let rows: Vec<Vec<Vec<String>>> = r
            .history
            .iter()
            .map(|m| m.cells().into_iter().map(one).collect())
            .collect();
        s.push_str(&md_table(&HISTORY_HEADER, &[2, 3, 4], &rows));
        s.push_str(&format!("\n{}\n\n", Report::history_note()));
        for st in &r.statements {
            s.push_str(&format!("- {}\n", md_cell(std::slice::from_ref(st))));
        }
        if !r.statements.is_empty() {
            s.push('\n');
        }
    }
    for g in &r.groups {
        s.push_str(&format!("## {}\n\n", md_heading(&g.heading())));
        if let Some(l) = g.lights_line() {
            s.push_str(&format!("{l}\n\n"));
        }
        if g.rows.is_empty() {
            s.push_str("本組無列管中之方案。\n\n");
            continue;
        }
        let rows: Vec<Vec<Vec<String>>> = g
            .rows
            .iter()
            .map(|row| {
                vec![
                    row.name_lines(),
                    row.city_lines(),
                    row.progress_lines(r.as_of)
                        .into_iter()
                        .map(|(_, l)| l)
                        .collect(),
                ]
            })
            .collect();
        s.push_str(&md_table(&CASES_HEADER, &[], &rows));
        s.push('\n');
    }
    if !r.unconfirmed.is_empty() {
        s.push_str(&format!(
            "## {}\n\n{}\n\n",
            UNCONFIRMED_HEADING,
            r.unconfirmed_note()
        ));
        let rows: Vec<Vec<Vec<String>>> = r
            .unconfirmed
            .iter()
            .map(|u| u.cells().into_iter().map(one).collect())
            .collect();
        s.push_str(&md_table(&UNCONFIRMED_HEADER, &[], &rows));
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

/// The annex's heading.
pub const UNCONFIRMED_HEADING: &str = "附錄：未確認之案件";
/// The annex table's header.
pub const UNCONFIRMED_HEADER: [&str; 4] = ["編號", "組別", "方案名稱", "未列於"];

impl Unconfirmed {
    /// The annex row's cells: id, group, name, the listing that leaves it out.
    pub fn cells(&self) -> [String; 4] {
        [
            self.id.clone(),
            self.group.clone(),
            self.name.clone(),
            if self.listing.1.contains(&roc(self.listing.0)) {
                self.listing.1.clone()
            } else {
                format!("{}（{}）", self.listing.1, roc(self.listing.0))
            },
        ]
    }
}

impl Report {
    /// The sentence under the annex's heading.
    pub fn unconfirmed_note(&self) -> String {
        format!(
            "下列 {} 案依所載會議決議仍為持續列管，惟未列於資料時間當日或之前之完整列表，不計入本報告之持續列管案數；待後續會議決議或列表確認。",
            self.unconfirmed.len()
        )
    }
}

/// A small report for the renderers' tests.
#[cfg(test)]
pub(crate) fn sample() -> Report {
    let date = |s: &str| crate::model::parse_date(s).expect("a date");
    Report {
        title: "「測試平臺」合作方案辦理情形".into(),
        as_of: date("2025-12-31"),
        meeting: Some("第 2 次副市長層級會議（114 年 12 月 22 日）".into()),
        summary: vec![SummaryRow {
            group: "交通組".into(),
            ongoing: 2,
            added: Some(1),
            delisted: None,
            ever: 3,
        }],
        total: None,
        history: vec![
            MeetingPoint {
                id: "vm-1".into(),
                label: "第 1 次副市長層級會議".into(),
                date: Some(date("2025-06-30")),
                added: Some(2),
                delisted: Some(0),
                ongoing: Some(1),
            },
            MeetingPoint {
                id: "vm-2".into(),
                label: "第 2 次副市長層級會議".into(),
                date: Some(date("2025-12-22")),
                added: Some(1),
                delisted: None,
                ongoing: None,
            },
        ],
        statements: vec!["第 2 次副市長層級會議：某報導（114 年 12 月 23 日）載解列 7 案。".into()],
        unconfirmed: vec![Unconfirmed {
            id: "TR-002".into(),
            group: "交通組".into(),
            name: "未列之案".into(),
            listing: (date("2025-12-31"), "辦理情形".into()),
        }],
        groups: vec![GroupReport {
            number: 1,
            name: "交通組".into(),
            rows: vec![
                Row {
                    id: "TR-001".into(),
                    name: "A|B <x> & y".into(),
                    subcases: vec![("TR-009".into(), "子".into())],
                    lead: Some("臺北市".into()),
                    partners: vec!["新北市".into(), "桃園市".into()],
                    marker: Some("【114 年 12 月 22 日第 2 次副市長層級會議同意新增】".into()),
                    light: Some("落後".into()),
                    progress: Some((date("2025-06-30"), vec!["1. 甲".into(), "2. 乙".into()])),
                },
                Row {
                    id: "TR-002".into(),
                    name: "C".into(),
                    subcases: vec![],
                    lead: None,
                    partners: vec![],
                    marker: None,
                    light: None,
                    progress: None,
                },
            ],
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        crate::model::parse_date(s).expect("a date")
    }

    #[test]
    fn roc_dates() {
        assert_eq!(roc(date("2025-12-22")), "114 年 12 月 22 日");
    }

    #[test]
    fn unknown_counts_are_never_zero() {
        let md = markdown(&sample());
        assert!(md.contains("| 交通組 | 2 | 1 | 不詳 | 3 |"), "{md}");
        assert!(
            md.contains("| 第 2 次副市長層級會議 | 114 年 12 月 22 日 | 1 | 不詳 | 不詳 |"),
            "{md}"
        );
        assert!(md.contains("- 第 2 次副市長層級會議：某報導（114 年 12 月 23 日）載解列 7 案。"));
        assert!(md.contains("## 附錄：未確認之案件"));
        assert!(
            md.contains("| TR-002 | 交通組 | 未列之案 | 辦理情形（114 年 12 月 31 日） |"),
            "{md}"
        );
    }

    #[test]
    fn markdown_tables_escape_and_break_lines() {
        let md = markdown(&sample());
        assert!(md.starts_with(
            "# 「測試平臺」合作方案辦理情形\n\n資料時間：中華民國 114 年 12 月 31 日\n"
        ));
        assert!(md.contains(
            "| A\\|B &lt;x&gt; &amp; y<br>子案：子 | 主辦：臺北市<br>合作：新北市、桃園市 | \
             【114 年 12 月 22 日第 2 次副市長層級會議同意新增】<br>（管考燈號：落後）<br>（資料時間：114 年 6 月 30 日）<br>1. 甲<br>2. 乙 |"
        ), "{md}");
        assert!(md.contains("| C | — | 無辦理情形 |"), "{md}");
        assert!(md.contains("## (一) 交通組\n"));
        assert!(md.ends_with("|\n"));
    }
}
