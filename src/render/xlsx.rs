//! Workbooks (.xlsx): typed cells (text, numbers, dates), a bold frozen header row, column widths
//! from the content. Pure: values in, bytes out. Nothing here writes a file.

use crate::i18n::Lang;
use crate::model::Date;
use crate::render::Table;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

/// One cell's value. An unknown number is [`Cell::Empty`], never 0.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (register data is written as text, never as a formula).
    Text(String),
    /// A number.
    Number(f64),
    /// A date, formatted as a date.
    Date(Date),
    /// Nothing: an unknown value.
    Empty,
}

impl Cell {
    /// Text; an empty string is an empty cell.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
    /// A count; unknown (`None`) is an empty cell, never 0.
    pub fn count(n: Option<usize>) -> Cell {
        // Counts are far below 2^52: exact as f64.
        n.map_or(Cell::Empty, |n| Cell::Number(n as f64))
    }
    /// A date, or an empty cell.
    pub fn date(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
    fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
            Cell::Number(n) => n.to_string().len(),
            Cell::Date(_) => 10,
            Cell::Empty => 0,
        }
    }
}

/// A sheet of a workbook: a header row and rows below it.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The sheet's name (its tab).
    pub name: String,
    /// Lines above the header (a title, a date, instructions), each in the first column.
    pub preamble: Vec<String>,
    /// The header row.
    pub header: Vec<String>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Protect the sheet: only the cells of these columns (below the header) can be edited.
    pub editable: Option<Vec<usize>>,
}

/// The zh-TW headers of the columns the exports add; everything else goes through [`crate::i18n::label`].
const HEADERS: &[(&str, &str)] = &[
    ("added_meeting", "新增會議"),
    ("added_date", "新增日期"),
    ("delisted_meeting", "解列會議"),
    ("delisted_date", "解列日期"),
    ("progress_date", "資料日期"),
    ("progress", "最新辦理情形"),
    ("topics", "議題"),
    ("meeting", "會議"),
    ("delist", "解列"),
    ("ongoing_now", "目前持續列管"),
    ("delisted", "已解列"),
    ("replaced", "已替代"),
    ("merged", "已併入"),
    ("proposed", "提案中"),
    ("unconfirmed", "未經確認"),
    ("subcase", "子項"),
    ("name", "方案名稱"),
    ("marker", "註記"),
];

/// A column header in the language.
pub fn header(lang: Lang, key: &str) -> String {
    if lang == Lang::ZhTw
        && let Some((_, zh)) = HEADERS.iter().find(|(k, _)| *k == key)
    {
        return (*zh).to_string();
    }
    crate::i18n::label(lang, key)
}

impl Sheet {
    /// A sheet from a table of strings: the columns in `numbers` hold numbers (an empty cell stays
    /// empty), the columns in `dates` hold ISO dates; the header keys are given in `lang`.
    pub fn from_table(
        name: &str,
        t: &Table,
        lang: Lang,
        numbers: &[usize],
        dates: &[usize],
    ) -> Sheet {
        let rows = t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, s)| {
                        if s.is_empty() {
                            Cell::Empty
                        } else if numbers.contains(&i)
                            && let Ok(n) = s.parse::<f64>()
                        {
                            Cell::Number(n)
                        } else if dates.contains(&i)
                            && let Ok(d) = crate::model::parse_date(s)
                        {
                            Cell::Date(d)
                        } else {
                            Cell::Text(s.clone())
                        }
                    })
                    .collect()
            })
            .collect();
        Sheet {
            name: sheet_name(name),
            header: t.header.iter().map(|h| header(lang, h)).collect(),
            rows,
            ..Sheet::default()
        }
    }
}

/// A valid, unique-enough sheet name: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let y = u16::try_from(d.0.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(y, d.0.month() as u8, d.0.day() as u8)
}

fn write_sheet(ws: &mut Worksheet, s: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(&s.name)?;
    let locked = s.editable.is_some();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0x00DD_EBF7));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let number = Format::new().set_align(FormatAlign::Top);
    let open = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_unlocked()
        .set_background_color(Color::RGB(0x00FF_F2CC));
    let ncols = s.header.len().max(1);
    let mut r: u32 = 0;
    for line in &s.preamble {
        if ncols > 1 {
            ws.merge_range(r, 0, r, (ncols - 1) as u16, line, &wrap)?;
        } else {
            ws.write_string_with_format(r, 0, line, &wrap)?;
        }
        let lines = line.lines().count().max(1);
        if lines > 1 {
            ws.set_row_height(r, 15.0 * lines as f64)?;
        }
        r += 1;
    }
    let header_row = r;
    for (c, h) in s.header.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, h, &head)?;
    }
    r += 1;
    let editable = |c: usize| s.editable.as_ref().is_some_and(|v| v.contains(&c));
    for row in &s.rows {
        for c in 0..ncols {
            let col = c as u16;
            match row.get(c).unwrap_or(&Cell::Empty) {
                Cell::Text(t) if editable(c) => {
                    ws.write_string_with_format(r, col, t, &open)?;
                }
                Cell::Text(t) => {
                    ws.write_string_with_format(r, col, t, &wrap)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, col, *n, &number)?;
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, col, excel_date(*d)?, &date)?;
                }
                Cell::Empty if editable(c) => {
                    ws.write_blank(r, col, &open)?;
                }
                Cell::Empty => {}
            }
        }
        r += 1;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    for c in 0..ncols {
        let w = std::iter::once(UnicodeWidthStr::width(
            s.header.get(c).map_or("", String::as_str),
        ))
        .chain(s.rows.iter().map(|row| row.get(c).map_or(0, Cell::width)))
        .max()
        .unwrap_or(8);
        let w = if editable(c) { 60 } else { w.clamp(6, 60) };
        ws.set_column_width(c as u16, (w + 2) as f64)?;
    }
    if locked {
        let options = ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        };
        ws.protect_with_options(&options);
    }
    Ok(())
}

/// The workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        write_sheet(ws, s).map_err(|e| format!("cannot build the workbook: {e}"))?;
    }
    if sheets.is_empty() {
        wb.add_worksheet();
    }
    wb.save_to_buffer()
        .map_err(|e| format!("cannot build the workbook: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_sheet_names() {
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name(""), "Sheet");
        assert_eq!(sheet_name(&"交".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn a_table_becomes_typed_cells() {
        let mut t = Table::new(&["id", "add", "progress_date"]);
        t.row(vec!["TR-1".into(), String::new(), "2025-12-31".into()]);
        t.row(vec!["TR-2".into(), "3".into(), String::new()]);
        let s = Sheet::from_table("x", &t, Lang::ZhTw, &[1], &[2]);
        assert_eq!(s.header, ["編號", "新增", "資料日期"]);
        assert_eq!(s.rows[0][1], Cell::Empty);
        assert_eq!(s.rows[0][2], Cell::Date(Date::ymd(2025, 12, 31).unwrap()));
        assert_eq!(s.rows[1][1], Cell::Number(3.0));
        assert!(workbook(&[s]).unwrap().starts_with(b"PK"));
    }
}
