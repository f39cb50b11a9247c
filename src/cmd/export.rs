//! Spreadsheets out: list's wide table (CSV and .xlsx), `-o FILE` and `--bom` for `list` and
//! `status`, the report as a workbook, and `kbbt export progress-forms`.

use super::{Env, Outcome};
use crate::cli::By;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::i18n::Lang;
use kbbt::index::Index;
use kbbt::msg::{Msg, Said};
use kbbt::render::Table;
use kbbt::render::forms::{FormsBy, forms};
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
        Err(e) => workbook_failed(&e),
    }
}

/// A workbook that cannot be built: the library's words.
fn workbook_failed(e: &str) -> Outcome {
    let msg = Msg::new(&cat::CANNOT_BUILD_WORKBOOK).text("cause", e);
    Outcome::refuse(Exit::Problems, Said::error(msg))
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
    let by = match by {
        By::Group => FormsBy::Group,
        By::Lead => FormsBy::Lead,
    };
    let forms = match forms(&reg, &idx, &tl, date, by) {
        Ok(f) => f,
        Err(said) => return Outcome::refuse(Exit::Problems, said),
    };
    let existing: Vec<Msg> = forms
        .iter()
        .filter(|f| target.join(&f.file).exists())
        .map(|f| Msg::new(&cat::ITEMS).text("items", dir.join(&f.file).display().to_string()))
        .collect();
    if !existing.is_empty() {
        let why = Msg::new(&cat::ALREADY_EXISTS).list("file", existing);
        let msg = Msg::new(&cat::NOTHING_WRITTEN).msg("why", why);
        let said = Said::error(msg).hint(Msg::new(&cat::RETURNED_FORMS_MAY_BE_THERE));
        return Outcome::refuse(Exit::Problems, said);
    }
    let mut built = Vec::new();
    for f in &forms {
        match xlsx::workbook(&f.sheets) {
            Ok(b) => built.push(b),
            Err(e) => return workbook_failed(&e),
        }
    }
    if let Err(e) = std::fs::create_dir_all(&target) {
        let msg = Msg::new(&cat::CANNOT_CREATE)
            .text("file", dir.display().to_string())
            .os("cause", e.to_string());
        return Outcome::refuse(Exit::Problems, Said::error(msg));
    }
    let mut s = String::new();
    for (f, bytes) in forms.iter().zip(built) {
        let shown = dir.join(&f.file);
        if let Err(e) = std::fs::write(target.join(&f.file), bytes) {
            let msg = Msg::new(&cat::CANNOT_WRITE_FILE)
                .text("file", shown.display().to_string())
                .os("cause", e.to_string());
            return Outcome::refuse(Exit::Problems, Said::error(msg));
        }
        let wrote = Msg::new(&cat::WROTE_FORM)
            .text("file", shown.display().to_string())
            .count("n", f.cases, "ongoing case", "ongoing cases");
        s.push_str(&(wrote.render(env.style.lang) + "\n"));
    }
    let done = Msg::new(&cat::FORMS_WRITTEN)
        .num("n", forms.len())
        .date("date", date)
        .text("glob", format!("{}/*.xlsx", dir.display()));
    s.push_str(&(done.render(env.style.lang) + "\n"));
    Outcome::localized(s)
}
