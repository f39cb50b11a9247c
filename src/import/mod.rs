//! Progress tables (合作方案辦理情形): [`table`] reads them into rows, [`plan`] turns rows into progress
//! entries inserted into case files.
//!
//! Pure: text in, values or text out. A table is the report's tab-separated text (group headings such
//! as 「(一) 交通組」, a header row 「方案名稱 / 最新辦理情形」 repeated after every page break, rows
//! wrapped across page breaks, HTML list markup in the cells, a 「資料時間：114 年 12 月 31 日」 line) or a
//! CSV with the same columns. [`table::parse`] turns it into rows of (group heading, name, plain text);
//! [`table::plain_text`] is the cell-to-text rule; [`plan::plan`] matches the rows to cases and computes
//! the new text of each case file, by a minimal edit ([`plan::insert_progress`]) verified by re-parsing.

pub mod plan;
pub mod table;

#[cfg(test)]
mod tests;
