//! Returned progress forms for `kbbt import progress`: several workbooks read into one table, the
//! ids checked against the titles and groups, and every finding put at its cell (`交通組!B12`).

use super::{Env, Outcome};
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::finding::Finding;
use kbbt::import::table::{MAX_TABLE_BYTES, Row, Table};
use kbbt::index::{Index, Resolved};
use kbbt::model::Date;
use kbbt::model::Register;
use kbbt::msg::{Msg, Said};
use kbbt::sheet::FormRow;
use kbbt::yaml::Pos;
use std::path::{Path, PathBuf};

/// Whether a file is a workbook (by its name).
pub fn is_sheet(file: &Path) -> bool {
    let n = file.to_string_lossy().to_ascii_lowercase();
    n.ends_with(".xlsx") || n.ends_with(".ods") || n.ends_with(".xlsm")
}

/// The rows of every form, in order; a row's `line` in the table is its place here, from 1.
pub struct Forms {
    pub table: Table,
    pub rows: Vec<(PathBuf, FormRow)>,
}

impl Forms {
    fn at(&self, line: u32) -> Option<&(PathBuf, FormRow)> {
        self.rows.get((line as usize).checked_sub(1)?)
    }
    /// Where a table row is, for messages: `forms/交通組.xlsx:交通組!A5`.
    pub fn place(&self, line: usize, code: &str) -> String {
        match self.at(u32::try_from(line).unwrap_or(u32::MAX)) {
            Some((f, r)) => format!("{}:{}", f.display(), cell_for(r, code)),
            None => String::new(),
        }
    }
    /// The cell of a table row, for the list of what was added.
    pub fn cell(&self, line: usize) -> String {
        self.at(u32::try_from(line).unwrap_or(u32::MAX))
            .map_or(String::new(), |(_, r)| r.key_cell())
    }
    /// Sort located findings in the order of the forms' rows (a text sort would put `A10` before
    /// `A9`); findings elsewhere (case files) keep the usual order, after them.
    pub fn sort(&self, findings: &mut [Finding]) {
        let mut order: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (i, (f, r)) in self.rows.iter().enumerate() {
            for code in ["import-name", "import-group", "import-conflict"] {
                order
                    .entry(format!("{}:{}", f.display(), cell_for(r, code)))
                    .or_insert(i);
            }
        }
        let key = |f: &Finding| {
            order
                .get(f.file.to_string_lossy().as_ref())
                .copied()
                .unwrap_or(usize::MAX)
        };
        findings.sort_by(|a, b| {
            (key(a), &a.file, a.pos, a.severity, &a.message).cmp(&(
                key(b),
                &b.file,
                b.pos,
                b.severity,
                &b.message,
            ))
        });
    }
    /// Put the findings on the table (those with no file) at their workbooks' cells.
    pub fn locate(&self, findings: &mut [Finding]) {
        for f in findings.iter_mut() {
            if f.file.as_os_str().is_empty() && f.pos.line > 0 {
                let place = self.place(f.pos.line as usize, f.code);
                if !place.is_empty() {
                    f.file = PathBuf::from(place);
                    f.pos = Pos::NONE;
                }
            }
        }
    }
}

fn cell_for(r: &FormRow, code: &str) -> String {
    match code {
        "import-group" => r.group_cell(),
        "import-conflict" | "import-twice" | "import-empty" => r.text_cell(),
        _ => r.key_cell(),
    }
}

/// Read every workbook: problems are usage-level failures that stop the import.
pub fn read(env: &Env, files: &[PathBuf]) -> Result<(Forms, Option<Date>), Outcome> {
    let mut forms = Forms {
        table: Table::default(),
        rows: Vec::new(),
    };
    let mut errors: Vec<Finding> = Vec::new();
    let mut unreadable: Vec<Said> = Vec::new();
    let mut as_of: Option<(Date, String)> = None;
    let at_place = |place: String, m: Msg| Finding::error("sheet", Path::new(&place), Pos::NONE, m);
    for file in files {
        let full = env.args_dir.join(file);
        let bytes = match std::fs::metadata(&full) {
            Ok(m) if m.len() > MAX_TABLE_BYTES as u64 => {
                let msg = Msg::new(&cat::SHEET_TOO_LARGE)
                    .num("size", m.len())
                    .num("limit", MAX_TABLE_BYTES);
                errors.push(at_place(file.display().to_string(), msg));
                continue;
            }
            _ => match std::fs::read(&full) {
                Ok(b) => b,
                Err(e) => {
                    let msg = Msg::new(&cat::CANNOT_READ_NAMED)
                        .text("file", file.display().to_string())
                        .os("cause", e.to_string());
                    unreadable.push(Said::error(msg));
                    continue;
                }
            },
        };
        match kbbt::sheet::read(&bytes) {
            Ok(form) => {
                if let Some((d, at)) = &form.as_of {
                    match &as_of {
                        Some((prev, where_)) if prev != d => errors.push(at_place(
                            format!("{}:{at}", file.display()),
                            Msg::new(&cat::SHEET_DATA_TIMES_DIFFER)
                                .date("date", *d)
                                .date("first", *prev)
                                .text("place", where_),
                        )),
                        Some(_) => {}
                        None => as_of = Some((*d, format!("{}:{at}", file.display()))),
                    }
                }
                for r in form.rows {
                    forms.table.rows.push(Row {
                        line: forms.rows.len() + 1,
                        group: Some(r.group.clone()),
                        group_line: forms.rows.len() + 1,
                        name: r.name.clone(),
                        text: r.text.clone(),
                    });
                    forms.rows.push((file.clone(), r));
                }
            }
            Err(list) => {
                for (at, msg) in list {
                    let place = if at.is_empty() {
                        file.display().to_string()
                    } else {
                        format!("{}:{at}", file.display())
                    };
                    errors.push(at_place(place, msg));
                }
            }
        }
    }
    if !errors.is_empty() || !unreadable.is_empty() {
        let mut out = Outcome::refuse(
            Exit::Problems,
            Said::error(Msg::new(&cat::FORMS_UNREADABLE)),
        );
        out.stderr = kbbt::render::findings_text(&errors, Path::new(""), env.style);
        unreadable.append(&mut out.said);
        out.said = unreadable;
        return Err(out);
    }
    forms.table.as_of = as_of.map(|a| a.0);
    let date = forms.table.as_of;
    Ok((forms, date))
}

/// Whether the row's title names case `case` (or is empty).
fn same_case(idx: &Index, name: &str, case: usize) -> bool {
    name.is_empty()
        || kbbt::import::table::name_candidates(name)
            .iter()
            .any(|n| matches!(idx.resolver.resolve(n, None), Resolved::Found(x) if x == case)
                || matches!(idx.resolver.resolve(n, None), Resolved::Ambiguous(ref v) | Resolved::OtherGroup(ref v) if v.contains(&case)))
}

/// The error of a row whose id is not a case: with a hint when its title is another case's.
fn unknown_id(reg: &Register, idx: &Index, fr: &FormRow, id: &str, pos: Pos) -> Finding {
    let hint = match idx.resolver.resolve(&fr.name, None) {
        Resolved::Found(c) => {
            Some(Msg::new(&cat::TITLE_IS_OTHERS).text("id", reg.cases[c].value.id.value.clone()))
        }
        _ => None,
    };
    let msg = Msg::new(&cat::UNKNOWN_CASE_ID).text("id", id);
    Finding::error("import-id", Path::new(""), pos, msg).with_hint_msg(hint)
}

/// Check a row's id: a case, whose title the row's is (or empty), in the group of the row's group
/// column and sheet.
fn check_row(reg: &Register, idx: &Index, fr: &FormRow, id: &str, pos: Pos) -> Result<(), Finding> {
    let Some(case) = idx.case(id) else {
        return Err(unknown_id(reg, idx, fr, id, pos));
    };
    let c = &reg.cases[case].value;
    if !same_case(idx, &fr.name, case) {
        return Err(Finding::error(
            "import-id",
            Path::new(""),
            pos,
            Msg::new(&cat::ID_TITLE_MISMATCH)
                .text("id", id)
                .text("title", c.title.value.clone())
                .text("row", fr.name.clone()),
        )
        .with_hint(Msg::new(&cat::ID_EDITED)));
    }
    // The group column, then the sheet (named after its group), must be the case's group.
    let p = &reg.platform.value;
    let wrong = [(&fr.group, "import-group"), (&fr.sheet, "import-sheet")]
        .into_iter()
        .find(|(name, _)| {
            p.group_index(name)
                .is_some_and(|g| Some(g) != idx.case_group[case])
        });
    match wrong {
        Some((name, code)) => Err(Finding::error(
            code,
            Path::new(""),
            pos,
            Msg::new(&cat::ROW_IN_OTHER_GROUP)
                .text("id", id)
                .text("title", c.title.value.clone())
                .text("group", c.group.value.clone())
                .text("other", name.clone()),
        )
        .with_hint(Msg::new(&cat::MOVE_ROW_BACK))),
        None => Ok(()),
    }
}

/// Match the rows with an id by their id: the id must be a case, the row's title that case's (or
/// empty), and its group the case's group. A row that passes is matched by its id; one that fails
/// is left out of the table and refused with its cell. Rows without an id are matched by name.
pub fn check_ids(reg: &Register, idx: &Index, forms: &mut Forms) -> Vec<Finding> {
    let mut errors = Vec::new();
    let mut keep = Vec::new();
    for row in std::mem::take(&mut forms.table.rows) {
        let Some((_, fr)) = forms.at(u32::try_from(row.line).unwrap_or(u32::MAX)) else {
            continue;
        };
        let pos = Pos {
            line: u32::try_from(row.line).unwrap_or(u32::MAX),
            col: 1,
        };
        // A row with no text imports nothing: it is counted as such, whatever its id.
        let Some(id) = fr.id.as_ref().filter(|_| !fr.text.is_empty()) else {
            keep.push(row);
            continue;
        };
        match check_row(reg, idx, fr, id, pos) {
            Ok(()) => keep.push(Row {
                name: id.clone(),
                ..row
            }),
            Err(f) => errors.push(f),
        }
    }
    forms.table.rows = keep;
    errors
}
