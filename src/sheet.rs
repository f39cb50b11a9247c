//! Returned progress forms (.xlsx, .ods) read into rows, each with the cells it came from.
//!
//! A sheet holds a table when one of its rows is a header naming an id column (`編號`) or a name
//! column (`方案名稱`) and a text column (`本次辦理情形`, or `最新辦理情形` / `辦理情形`). A
//! `資料時間：…` cell above the header gives the date. Sheets without such a header (a summary, a
//! note) are left alone. The text of a cell becomes a progress text by the rule of
//! [`crate::import::table::plain_text`].

use crate::catalog as cat;
use crate::model::Date;
use crate::msg::Msg;
use calamine::{Data, Reader};
use std::io::Cursor;

/// A cell's address as spreadsheets write it: `交通組!B12` (quoted when the sheet name needs it).
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    let plain = sheet
        .chars()
        .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || c == '_');
    let name = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{name}!{letters}{}", row + 1)
}

/// One row of a form, 0-based row and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRow {
    /// The sheet's name.
    pub sheet: String,
    /// The row, 0-based.
    pub row: u32,
    /// The `編號` cell's value, when it has one (`TR-003`).
    pub id: Option<String>,
    /// The `編號` column, if there is one.
    pub id_col: Option<u32>,
    /// The `方案名稱` cell's value, cleaned as a case name (empty when there is none).
    pub name: String,
    /// The `方案名稱` column, if there is one.
    pub name_col: Option<u32>,
    /// The `組別` column's value, else the sheet's name.
    pub group: String,
    /// The `組別` column, if there is one.
    pub group_col: Option<u32>,
    /// The progress text, made plain by the rule of [`crate::import::table::plain_text`].
    pub text: String,
    /// The progress text's column (`本次辦理情形`, or `最新辦理情形` / `辦理情形`).
    pub text_col: u32,
}

impl FormRow {
    /// The cell that names the case: the id cell when it holds an id, else the name cell.
    pub fn key_cell(&self) -> String {
        let col = if self.id.is_some() {
            self.id_col.or(self.name_col)
        } else {
            self.name_col.or(self.id_col)
        };
        cell_ref(&self.sheet, self.row, col.unwrap_or(0))
    }
    /// The address of the row's progress-text cell.
    pub fn text_cell(&self) -> String {
        cell_ref(&self.sheet, self.row, self.text_col)
    }
    /// The address of the cell that gives the row's group: the `組別` cell, else the key cell.
    pub fn group_cell(&self) -> String {
        match self.group_col {
            Some(c) => cell_ref(&self.sheet, self.row, c),
            None => self.key_cell(),
        }
    }
}

/// A workbook read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The date of its `資料時間` cells, with the cell.
    pub as_of: Option<(Date, String)>,
    /// The rows of every sheet that holds a table, in sheet and row order.
    pub rows: Vec<FormRow>,
}

const ID_HEADERS: &[&str] = &["編號", "id", "案件編號"];
const NAME_HEADERS: &[&str] = &["方案名稱", "案名", "name", "title"];
const NEW_TEXT_HEADERS: &[&str] = &["本次辦理情形"];
const TEXT_HEADERS: &[&str] = &["最新辦理情形", "辦理情形", "progress", "text"];
const GROUP_HEADERS: &[&str] = &["組別", "group"];
/// A column of progress dates marks a workbook kbbt wrote from `list` or `report`: its texts have
/// dates of their own, so it is not a table of progress as of one date.
const DATE_HEADERS: &[&str] = &["資料日期", "progress_date"];

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            excel_serial_date(dt.as_f64()).map_or_else(String::new, |d| d.to_string())
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A date from an Excel serial day number (1900 date system).
fn excel_serial_date(n: f64) -> Option<Date> {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = n.floor();
    if !(0.0..3_000_000.0).contains(&days) {
        return None;
    }
    base.checked_add_days(chrono::Days::new(days as u64))
        .map(Date)
}

/// The columns of a sheet's table.
#[derive(Clone, Copy)]
struct Columns {
    id: Option<usize>,
    name: Option<usize>,
    group: Option<usize>,
    text: usize,
}

/// The most a workbook may hold once unpacked, in bytes: a returned form is well below 1 MB, and
/// a small file that unpacks to gigabytes (a zip bomb) is refused before it is read.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Refuse a workbook whose parts would unpack to more than [`MAX_UNPACKED_BYTES`], or that has an
/// absurd number of parts. Not a zip at all is left to the reader to say.
fn check_unpacked(bytes: &[u8], limit: u64) -> Result<(), Msg> {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if z.len() > 10_000 {
        return Err(Msg::new(&cat::WORKBOOK_TOO_MANY_PARTS).num("n", z.len()));
    }
    let mut total: u64 = 0;
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else {
            return Err(Msg::new(&cat::WORKBOOK_PART_UNREADABLE));
        };
        total = total.saturating_add(f.size());
    }
    if total > limit {
        return Err(Msg::new(&cat::WORKBOOK_TOO_LARGE)
            .num("n", total)
            .num("limit", limit));
    }
    Ok(())
}

/// Read a workbook's bytes (.xlsx or .ods). Problems are (cell or sheet, message).
pub fn read(bytes: &[u8]) -> Result<Form, Vec<(String, Msg)>> {
    check_unpacked(bytes, MAX_UNPACKED_BYTES).map_err(|e| vec![(String::new(), e)])?;
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        vec![(
            String::new(),
            Msg::new(&cat::NOT_A_WORKBOOK).text("cause", e.to_string()),
        )]
    })?;
    let mut form = Form::default();
    let mut errors = Vec::new();
    let mut tables = 0;
    for sheet in wb.sheet_names() {
        let range = match wb.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(e) => {
                let m = Msg::new(&cat::CANNOT_READ_SHEET).text("cause", e.to_string());
                errors.push((sheet.clone(), m));
                continue;
            }
        };
        let Some((r0, c0)) = range.start() else {
            continue;
        };
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(text_of).collect())
            .collect();
        let mut header: Option<Columns> = None;
        for (i, cells) in rows.iter().enumerate() {
            if let Some(Columns {
                id: id_col,
                name: name_col,
                group: group_col,
                text: text_col,
            }) = header
            {
                let get = |c: Option<usize>| {
                    c.and_then(|c| cells.get(c))
                        .map(|s| s.trim().to_string())
                        .unwrap_or_default()
                };
                let id = get(id_col);
                let name = crate::import::table::clean_name(&get(name_col));
                if id.is_empty() && name.is_empty() {
                    continue;
                }
                let group = get(group_col);
                let raw = cells.get(text_col).cloned().unwrap_or_default();
                form.rows.push(FormRow {
                    sheet: sheet.clone(),
                    row: r0 + i as u32,
                    id: (!id.is_empty()).then_some(id),
                    id_col: id_col.map(|c| c0 + c as u32),
                    name,
                    name_col: name_col.map(|c| c0 + c as u32),
                    group: if group.is_empty() {
                        sheet.clone()
                    } else {
                        group
                    },
                    group_col: group_col.map(|c| c0 + c as u32),
                    text: crate::import::table::plain_text(&raw),
                    text_col: c0 + text_col as u32,
                });
                continue;
            }
            for (j, c) in cells.iter().enumerate() {
                if let Some(d) = crate::import::table::data_time(c) {
                    let at = cell_ref(&sheet, r0 + i as u32, c0 + j as u32);
                    match d {
                        Ok(d) => match &form.as_of {
                            Some((prev, where_)) if *prev != d => {
                                let m = Msg::new(&cat::DATA_TIME_DIFFERS)
                                    .date("date", d)
                                    .date("prev", *prev)
                                    .text("at", where_.clone());
                                errors.push((at, m));
                            }
                            Some(_) => {}
                            None => form.as_of = Some((d, at)),
                        },
                        Err(e) => {
                            errors.push((at, Msg::new(&cat::CANNOT_READ_DATA_TIME).msg("why", e)))
                        }
                    }
                }
            }
            let keys: Vec<String> = cells.iter().map(|c| key(c)).collect();
            let find = |names: &[&str]| {
                keys.iter()
                    .position(|k| names.iter().any(|n| k == &n.to_lowercase()))
            };
            let id_col = find(ID_HEADERS);
            let name_col = find(NAME_HEADERS);
            let text_col = find(NEW_TEXT_HEADERS)
                .or_else(|| find(TEXT_HEADERS).filter(|_| find(DATE_HEADERS).is_none()));
            if let Some(t) = text_col
                && (id_col.is_some() || name_col.is_some())
            {
                header = Some(Columns {
                    id: id_col,
                    name: name_col,
                    group: find(GROUP_HEADERS),
                    text: t,
                });
                tables += 1;
            }
        }
    }
    if tables == 0 && errors.is_empty() {
        errors.push((String::new(), Msg::new(&cat::NO_PROGRESS_TABLE)));
    }
    if errors.is_empty() {
        Ok(form)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("交通組", 11, 1), "交通組!B12");
        assert_eq!(cell_ref("Sheet 1", 0, 26), "'Sheet 1'!AA1");
        assert_eq!(cell_ref("a", 0, 701), "a!ZZ1");
    }

    #[test]
    fn serial_dates() {
        assert_eq!(excel_serial_date(46022.0), Date::ymd(2025, 12, 31));
        assert_eq!(excel_serial_date(-1.0), None);
    }

    #[test]
    fn garbage_is_refused() {
        assert!(read(b"not a workbook").is_err());
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked() {
        use std::io::Write;
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut out = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        z.start_file("xl/big.xml", stored).unwrap();
        z.write_all(&[b' '; 2048]).unwrap();
        z.finish().unwrap();
        let bytes = out.into_inner();
        assert!(check_unpacked(&bytes, 4096).is_ok());
        let e = check_unpacked(&bytes, 1024).unwrap_err();
        assert_eq!(
            e.to_string(),
            "it unpacks to 2048 bytes; the limit is 1024 bytes"
        );
        let mut out = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        for i in 0..10_001 {
            z.start_file(format!("p{i}"), stored).unwrap();
        }
        z.finish().unwrap();
        let e = read(&out.into_inner()).unwrap_err();
        assert!(e[0].1.to_string().contains("10001 parts"), "{e:?}");
    }
}
