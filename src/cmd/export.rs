//! Spreadsheets out: list's wide table (CSV and .xlsx), `-o FILE` and `--bom` for `list` and
//! `status`, the report as a workbook, and `kbbt export progress-forms`.

use super::{Env, Outcome};
use crate::cli::By;
use kbbt::exit::Exit;
use kbbt::i18n::Lang;
use kbbt::index::Index;
use kbbt::model::Date;
use kbbt::model::Register;
use kbbt::render::Table;
use kbbt::render::xlsx::{self, Cell, Sheet};
use kbbt::tally::Timelines;
use std::path::{Path, PathBuf};

/// A workbook as a command's result: written to `-o FILE` by the command runner.
pub fn binary(bytes: Result<Vec<u8>, String>) -> Outcome {
    match bytes {
        Ok(b) => Outcome {
            binary: Some(b),
            machine: true,
            ..Outcome::default()
        },
        Err(e) => Outcome::fail(Exit::Problems, format!("error: {e}\n")),
    }
}

/// A table as a one-sheet workbook: `numbers` and `dates` are the typed columns.
pub fn table_xlsx(env: &Env, name: &str, t: &Table, numbers: &[usize], dates: &[usize]) -> Outcome {
    let name = match (env.style.lang, name) {
        (Lang::ZhTw, "cases") => "案件",
        (Lang::ZhTw, "status") => "統計",
        _ => name,
    };
    binary(xlsx::workbook(&[Sheet::from_table(
        name,
        t,
        env.style.lang,
        numbers,
        dates,
    )]))
}

/// The report as a workbook: a summary sheet, then one sheet per group.
pub fn report_sheets(r: &kbbt::render::report::Report, lang: Lang) -> Vec<Sheet> {
    let h = |k: &str| xlsx::header(lang, k);
    let mut summary = Sheet {
        name: xlsx::sheet_name(if lang == Lang::ZhTw {
            "摘要"
        } else {
            "Summary"
        }),
        preamble: vec![
            r.title.clone(),
            format!(
                "{}{}",
                if lang == Lang::ZhTw {
                    "資料時間："
                } else {
                    "As of "
                },
                r.as_of
            ),
        ],
        header: vec![h("group"), h("ongoing"), h("add"), h("delist"), h("cases")],
        ..Sheet::default()
    };
    if let Some(m) = &r.meeting {
        summary.preamble.push(m.clone());
    }
    for s in r.summary.iter().chain(&r.total) {
        summary.rows.push(vec![
            Cell::text(s.group.clone()),
            Cell::count(Some(s.ongoing)),
            Cell::count(s.added),
            Cell::count(s.delisted),
            Cell::count(Some(s.ever)),
        ]);
    }
    let mut sheets = vec![summary];
    for g in &r.groups {
        let mut s = Sheet {
            name: xlsx::sheet_name(&g.name),
            header: vec![
                h("id"),
                h("name"),
                h("lead"),
                h("partners"),
                h("marker"),
                h("progress_date"),
                h("progress"),
            ],
            ..Sheet::default()
        };
        for row in &g.rows {
            s.rows.push(vec![
                Cell::text(row.id.clone()),
                Cell::text(row.name.clone()),
                Cell::text(row.lead.clone().unwrap_or_default()),
                Cell::text(row.partners.join("、")),
                Cell::text(row.marker.clone().unwrap_or_default()),
                Cell::date(row.progress.as_ref().map(|p| p.0)),
                Cell::text(
                    row.progress
                        .as_ref()
                        .map_or(String::new(), |p| p.1.join("\n")),
                ),
            ]);
            for (id, sub) in &row.subcases {
                s.rows.push(vec![
                    Cell::text(id.clone()),
                    Cell::text(format!("└ {sub}")),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
        }
        sheets.push(s);
    }
    sheets
}

// ---------------------------------------------------------------------------------------------
// Progress forms.

/// The header of a progress form's table; `kbbt import progress` finds the table by it.
pub const FORM_HEADER: [&str; 7] = [
    "編號",
    "方案名稱",
    "組別",
    "主辦",
    "前次資料日期",
    "前次辦理情形",
    "本次辦理情形",
];

/// The column of the new text.
pub const FORM_NEW: usize = 6;

fn instructions(date: Date) -> String {
    format!(
        "填寫說明：\n\
         1. 請在「本次辦理情形」欄（黃底）填寫各案截至 {} 的辦理情形；其他欄位請勿修改，編號欄供系統比對案件。\n\
         2. 分項請以「1.」「(1)」開頭，每項一行（儲存格內換行：Alt+Enter）。\n\
         3. 沒有新進度的案件請留白；請勿新增、刪除或搬移列，也不要更改工作表名稱。\n\
         4. 填妥後請存檔（.xlsx 或 .ods）寄回。",
        date.roc_long()
    )
}

/// One form workbook: its file name and sheets.
pub struct Form {
    pub file: String,
    pub sheets: Vec<Sheet>,
    pub cases: usize,
}

/// The forms: one per group, or one per lead city (each with a sheet per group).
pub fn forms(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    date: Date,
    by: By,
) -> Result<Vec<Form>, String> {
    let p = &reg.platform.value;
    let mut ongoing: Vec<usize> = (0..reg.cases.len())
        .filter(|c| tl.ongoing_at(*c, date))
        .collect();
    ongoing.sort_by_key(|c| {
        (
            idx.case_group[*c].unwrap_or(usize::MAX),
            kbbt::model::names::id_key(&reg.cases[*c].value.id.value),
        )
    });
    if ongoing.is_empty() {
        return Err(format!(
            "no case is ongoing on {date}; there is nothing to collect"
        ));
    }
    let lead = |c: usize| reg.cases[c].value.lead.as_ref().map(|l| l.value.clone());
    let owners: Vec<(String, Vec<usize>)> = match by {
        By::Group => p
            .groups
            .iter()
            .enumerate()
            .map(|(g, gd)| {
                (
                    gd.name.value.clone(),
                    ongoing
                        .iter()
                        .copied()
                        .filter(|c| idx.case_group[*c] == Some(g))
                        .collect(),
                )
            })
            .collect(),
        By::Lead => {
            if ongoing.iter().all(|c| lead(*c).is_none()) {
                return Err(format!(
                    "none of the {} cases ongoing on {date} has a lead city, so there is no form per city to write\n  hint: record each case's `lead`, or write one form per group with --by group",
                    ongoing.len()
                ));
            }
            let mut cities: Vec<String> = p.members.iter().map(|m| m.value.clone()).collect();
            for c in &ongoing {
                if let Some(l) = lead(*c)
                    && !cities.contains(&l)
                {
                    cities.push(l);
                }
            }
            let mut v: Vec<(String, Vec<usize>)> = cities
                .into_iter()
                .map(|city| {
                    let cs = ongoing
                        .iter()
                        .copied()
                        .filter(|c| lead(*c).as_deref() == Some(city.as_str()))
                        .collect();
                    (city, cs)
                })
                .collect();
            v.push((
                "主辦未定".to_string(),
                ongoing
                    .iter()
                    .copied()
                    .filter(|c| lead(*c).is_none())
                    .collect(),
            ));
            v
        }
    };
    let mut out = Vec::new();
    for (owner, cases) in owners {
        if cases.is_empty() {
            continue;
        }
        let mut sheets: Vec<Sheet> = Vec::new();
        for (g, gd) in p.groups.iter().enumerate() {
            let in_group: Vec<usize> = cases
                .iter()
                .copied()
                .filter(|c| idx.case_group[*c] == Some(g))
                .collect();
            if in_group.is_empty() {
                continue;
            }
            let mut s = Sheet {
                name: xlsx::sheet_name(&gd.name.value),
                preamble: vec![
                    format!("「{}」合作方案辦理情形填報表（{owner}）", p.name.value),
                    format!("資料時間：{}", date.roc_long()),
                    instructions(date),
                ],
                header: FORM_HEADER.iter().map(ToString::to_string).collect(),
                editable: Some(vec![FORM_NEW]),
                ..Sheet::default()
            };
            for c in in_group {
                let case = &reg.cases[c].value;
                let last = case.latest_progress(Some(date));
                s.rows.push(vec![
                    Cell::text(case.id.value.clone()),
                    Cell::text(case.title.value.clone()),
                    Cell::text(gd.name.value.clone()),
                    Cell::text(lead(c).unwrap_or_default()),
                    Cell::date(last.map(|l| l.as_of.value)),
                    Cell::text(last.map_or(String::new(), |l| l.text.trim_end().to_string())),
                    Cell::Empty,
                ]);
            }
            sheets.push(s);
        }
        out.push(Form {
            file: format!("{}.xlsx", safe_file_name(&owner)),
            cases: cases.len(),
            sheets,
        });
    }
    Ok(out)
}

fn safe_file_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// `kbbt export progress-forms`.
pub fn progress_forms(env: &Env, as_of: Option<&str>, by: By, dir: &Path) -> Outcome {
    let (reg, date, _) = match super::report_view(env, as_of, None) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let target: PathBuf = env.args_dir.join(dir);
    // The register's own folders are not a place for forms.
    if let Err(o) =
        super::output::target(env, &dir.join("form.xlsx"), super::output::Dest::Document)
    {
        return o;
    }
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let forms = match forms(&reg, &idx, &tl, date, by) {
        Ok(f) => f,
        Err(e) => return Outcome::fail(Exit::Problems, format!("error: {e}\n")),
    };
    let existing: Vec<String> = forms
        .iter()
        .filter(|f| target.join(&f.file).exists())
        .map(|f| dir.join(&f.file).display().to_string())
        .collect();
    if !existing.is_empty() {
        return Outcome::fail(
            Exit::Problems,
            format!(
                "error: {} already exists; nothing was written\n  hint: returned forms may be in it: write the new forms into another folder\n",
                existing.join(", ")
            ),
        );
    }
    let mut built = Vec::new();
    for f in &forms {
        match xlsx::workbook(&f.sheets) {
            Ok(b) => built.push(b),
            Err(e) => return Outcome::fail(Exit::Problems, format!("error: {e}\n")),
        }
    }
    if let Err(e) = std::fs::create_dir_all(&target) {
        return Outcome::fail(
            Exit::Problems,
            format!("error: cannot create {}: {e}\n", dir.display()),
        );
    }
    let mut s = String::new();
    for (f, bytes) in forms.iter().zip(built) {
        let shown = dir.join(&f.file);
        if let Err(e) = std::fs::write(target.join(&f.file), bytes) {
            return Outcome::fail(
                Exit::Problems,
                format!("error: cannot write {}: {e}\n", shown.display()),
            );
        }
        s.push_str(&format!(
            "wrote {} ({} ongoing cases)\n",
            shown.display(),
            f.cases
        ));
    }
    s.push_str(&format!(
        "{} forms for the progress as of {date}; import the returned forms with `kbbt import progress {}/*.xlsx`\n",
        forms.len(),
        dir.display()
    ));
    Outcome::ok(s)
}
