//! A printable document as values: page settings (A4, margins, font, header and footer) and a list
//! of blocks (headings, paragraphs, tables). The report and the minutes are turned into a [`Doc`];
//! `odf` (flat `.fodt` and the `.odt` package) and `docx` turn a `Doc` into files. Pure.

use super::report::{
    CASES_HEADER, HISTORY_HEADER, LineKind, Report, SUMMARY_HEADER, SummaryRow, UNCONFIRMED_HEADER,
    UNCONFIRMED_HEADING,
};
use crate::model::Date;

/// The font every format asks for first: 標楷體, as the platform's documents are set.
pub const DEFAULT_FONT: &str = "標楷體";

/// Fonts tried after the chosen one, in order: the Windows names, then what Linux and macOS have.
pub const FALLBACK_FONTS: [&str; 5] = [
    "DFKai-SB",
    "新細明體",
    "PMingLiU",
    "Noto Serif CJK TC",
    "Noto Sans CJK TC",
];

/// The chosen font and its fallbacks, without duplicates: `[標楷體, DFKai-SB, 新細明體, …]`.
pub fn font_list(font: &str) -> Vec<String> {
    let mut v = vec![font.trim().to_string()];
    // 標楷體 and DFKai-SB are one font under two names; so are 新細明體 and PMingLiU.
    for f in FALLBACK_FONTS {
        if !v.iter().any(|x| x.eq_ignore_ascii_case(f)) {
            v.push(f.to_string());
        }
    }
    v.retain(|f| !f.is_empty());
    v
}

/// Page size in millimetres: A4 portrait (width, height).
pub const PAGE_MM: (f64, f64) = (210.0, 297.0);
/// Page margins in millimetres (top, right, bottom, left): 20 mm, 15 mm top and bottom.
pub const MARGIN_MM: (f64, f64, f64, f64) = (15.0, 20.0, 15.0, 20.0);

/// What the page header and footer say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Left of the header: the platform's name.
    pub header_left: String,
    /// Right of the header: 「資料時間：中華民國 114 年 12 月 31 日」.
    pub header_right: String,
    /// Left of the footer: 「製表日期：中華民國 …」, the day the file was made.
    pub footer_left: String,
    /// The font asked for first (see [`font_list`]).
    pub font: String,
    /// The day the file is made.
    pub generated: Date,
}

impl Page {
    /// A page for `platform`, made on `generated`: the footer says so in ROC (製表日期).
    pub fn new(platform: &str, header_right: String, generated: Date, font: &str) -> Page {
        Page {
            header_left: platform.to_string(),
            header_right,
            footer_left: format!("製表日期：{}", generated.roc_long()),
            font: font.to_string(),
            generated,
        }
    }
}

/// The page number text around the two fields: 「第 」 N 「 頁，共 」 M 「 頁」.
pub const PAGE_NUMBER: [&str; 3] = ["第 ", " 頁，共 ", " 頁"];

/// The day a file is made: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
pub fn generated_today() -> Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map_or_else(
            || Date(chrono::Local::now().date_naive()),
            |t| Date(t.date_naive()),
        )
}

/// How a line of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Text,
    /// Smaller and grey: a note about the text.
    Note,
    /// Red and bold: 【…同意新增】.
    Marker,
    /// Bold: a sub-heading inside running text, e.g. 「(一) 交通組」 in the minutes.
    Strong,
    /// A numbered item (「1. 同意解列…」): wrapped lines align under its text (a hanging indent).
    Item,
}

impl Tone {
    /// Every tone, in declaration order.
    pub const ALL: [Tone; 5] = [
        Tone::Text,
        Tone::Note,
        Tone::Marker,
        Tone::Strong,
        Tone::Item,
    ];
}

/// A document format's names for the styles of each [`Tone`]: in paragraphs, in table cells, and
/// for numbers in table cells (right-aligned). Indexed in the order of [`Tone::ALL`].
pub struct StyleNames {
    /// Paragraph styles, one per tone.
    pub para: [&'static str; 5],
    /// Table-cell paragraph styles, one per tone.
    pub cell: [&'static str; 5],
    /// The cell style of a number (a `Text` cell that holds one).
    pub number: &'static str,
}

impl StyleNames {
    /// The paragraph style of a tone.
    pub fn para(&self, tone: Tone) -> &'static str {
        self.para[tone as usize]
    }

    /// The style of a table cell's text in a tone; `number`: the cell holds a number.
    pub fn cell(&self, tone: Tone, number: bool) -> &'static str {
        if number && tone == Tone::Text {
            self.number
        } else {
            self.cell[tone as usize]
        }
    }
}

/// A table cell: lines, each its own paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocCell {
    /// The lines, each with its tone.
    pub lines: Vec<(Tone, String)>,
    /// A number: right-aligned (and typed as a number in ODF).
    pub number: bool,
}

impl DocCell {
    /// A cell of plain text lines.
    pub fn text(lines: Vec<String>) -> DocCell {
        DocCell {
            lines: lines.into_iter().map(|l| (Tone::Text, l)).collect(),
            number: false,
        }
    }
    /// A cell holding a number.
    pub fn number(s: String) -> DocCell {
        DocCell {
            lines: vec![(Tone::Text, s)],
            number: true,
        }
    }
}

/// A table of a document: a header row repeated on every page, rows that are never split.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTable {
    /// The table's name (ODF `table:name`), e.g. the group's.
    pub name: String,
    /// Column widths in millimetres.
    pub widths: Vec<f64>,
    /// The header cells.
    pub header: Vec<String>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<DocCell>>,
    /// A last row set apart (合計), or none.
    pub footer: Option<Vec<DocCell>>,
}

/// A part of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is the title, 2 a section.
    Heading(u8, String),
    /// A paragraph in a tone.
    Para(Tone, String),
    /// A table.
    Table(DocTable),
}

/// A document ready for any of the office formats.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The title in the file's properties (meta.xml, docProps/core.xml).
    pub title: String,
    /// The page: header, footer, font, the day made.
    pub page: Page,
    /// The content.
    pub blocks: Vec<Block>,
}

/// The progress report as a document: title, 資料時間, the summary, the meetings, one table per group.
/// The cities column is left out when no case of the report names a city.
pub fn report_doc(r: &Report, page: Page) -> Doc {
    let mut blocks = vec![
        Block::Heading(1, r.title.clone()),
        Block::Para(Tone::Text, format!("資料時間：{}", r.as_of.roc_long())),
        Block::Heading(2, "總覽".into()),
    ];
    let summary = |row: &SummaryRow, label: &str| {
        let mut c: Vec<DocCell> = row.cells().into_iter().map(DocCell::number).collect();
        c[0] = DocCell::text(vec![label.to_string()]);
        c
    };
    blocks.push(Block::Table(DocTable {
        name: "總覽".into(),
        widths: vec![40.0, 22.0, 22.0, 22.0, 22.0],
        header: SUMMARY_HEADER.iter().map(ToString::to_string).collect(),
        rows: r.summary.iter().map(|x| summary(x, &x.group)).collect(),
        footer: r.total.as_ref().map(|t| summary(t, "合計")),
    }));
    blocks.push(Block::Para(Tone::Note, r.summary_note()));
    if !r.history.is_empty() {
        blocks.push(Block::Heading(2, "歷次會議".into()));
        blocks.push(Block::Table(DocTable {
            name: "歷次會議".into(),
            widths: vec![62.0, 42.0, 22.0, 22.0, 22.0],
            header: HISTORY_HEADER.iter().map(ToString::to_string).collect(),
            rows: r
                .history
                .iter()
                .map(|m| {
                    let mut c: Vec<DocCell> = m.cells().into_iter().map(DocCell::number).collect();
                    c[0].number = false;
                    c[1].number = false;
                    c
                })
                .collect(),
            footer: None,
        }));
        blocks.push(Block::Para(Tone::Note, Report::history_note().into()));
        for st in &r.statements {
            blocks.push(Block::Para(Tone::Note, st.clone()));
        }
    }
    let cities = r.has_cities();
    for g in &r.groups {
        blocks.push(Block::Heading(2, g.heading()));
        if let Some(l) = g.lights_line() {
            blocks.push(Block::Para(Tone::Note, l));
        }
        if g.rows.is_empty() {
            blocks.push(Block::Para(Tone::Text, "本組無列管中之方案。".into()));
            continue;
        }
        let (widths, header) = if cities {
            (vec![45.0, 27.0, 98.0], CASES_HEADER.to_vec())
        } else {
            (vec![50.0, 120.0], vec![CASES_HEADER[0], CASES_HEADER[2]])
        };
        let rows = g
            .rows
            .iter()
            .map(|row| {
                let mut c = vec![DocCell::text(row.name_lines())];
                if cities {
                    c.push(DocCell::text(row.city_lines()));
                }
                c.push(DocCell {
                    lines: row
                        .progress_lines(r.as_of)
                        .into_iter()
                        .map(|(k, l)| {
                            let tone = match k {
                                LineKind::Marker => Tone::Marker,
                                LineKind::Note => Tone::Note,
                                LineKind::Text => Tone::Text,
                            };
                            (tone, l)
                        })
                        .collect(),
                    number: false,
                });
                c
            })
            .collect();
        blocks.push(Block::Table(DocTable {
            name: g.name.clone(),
            widths,
            header: header.iter().map(ToString::to_string).collect(),
            rows,
            footer: None,
        }));
    }
    if !r.unconfirmed.is_empty() {
        blocks.push(Block::Heading(2, UNCONFIRMED_HEADING.into()));
        blocks.push(Block::Para(Tone::Note, r.unconfirmed_note()));
        blocks.push(Block::Table(DocTable {
            name: "未確認".into(),
            widths: vec![20.0, 25.0, 65.0, 60.0],
            header: UNCONFIRMED_HEADER.iter().map(ToString::to_string).collect(),
            rows: r
                .unconfirmed
                .iter()
                .map(|u| {
                    u.cells()
                        .into_iter()
                        .map(|c| DocCell::text(vec![c]))
                        .collect()
                })
                .collect(),
            footer: None,
        }));
    }
    Doc {
        title: r.title.clone(),
        page,
        blocks,
    }
}

/// The decision section of a meeting's minutes as a document: the meeting's title, then one
/// paragraph a line of `text` (as `render::minutes::render` writes it), a group's 「(一) 交通組」 bold.
pub fn minutes_doc(title: &str, text: &str, page: Page) -> Doc {
    let mut blocks = vec![
        Block::Heading(1, title.to_string()),
        Block::Heading(2, "決議事項".into()),
    ];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let group = line.starts_with('(')
            && line.split_once(") ").is_some_and(|(n, rest)| {
                n.chars()
                    .skip(1)
                    .all(|c| "〇一二三四五六七八九十".contains(c))
                    && !rest.is_empty()
            });
        let numbered = line.starts_with(|c: char| c.is_ascii_digit() || c == '(')
            && line
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')')
                .len()
                < line.len();
        let tone = if group {
            Tone::Strong
        } else if numbered {
            Tone::Item
        } else {
            Tone::Text
        };
        blocks.push(Block::Para(tone, line.to_string()));
    }
    Doc {
        title: format!("{title} 決議事項"),
        page,
        blocks,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The sample report as a document, on the sample page: what the format tests render.
    pub(crate) fn sample() -> Doc {
        report_doc(&crate::render::report::sample(), sample_page())
    }

    /// A page with the sample platform, data date and print date.
    pub(crate) fn sample_page() -> Page {
        Page::new(
            "測試平臺",
            "資料時間：中華民國 114 年 12 月 31 日".into(),
            crate::model::parse_date("2026-01-05").expect("a date"),
            "標楷體",
        )
    }

    #[test]
    fn fonts_fall_back_without_repeats() {
        assert_eq!(
            font_list(DEFAULT_FONT),
            [
                "標楷體",
                "DFKai-SB",
                "新細明體",
                "PMingLiU",
                "Noto Serif CJK TC",
                "Noto Sans CJK TC"
            ]
        );
        assert_eq!(font_list("dfkai-sb")[0], "dfkai-sb");
        assert_eq!(font_list("dfkai-sb").len(), 5);
    }
}
