//! The progress forms (辦理情形填報表) `kbbt export progress-forms` writes: one workbook per group or
//! per lead city, a sheet per group, each ongoing case's previous progress and a cell for the new.
//! Pure: the forms as sheets; `xlsx` writes them.

use super::xlsx::{self, Cell, Sheet};
use crate::catalog as cat;
use crate::index::Index;
use crate::model::{Date, Register};
use crate::msg::{Msg, Said};
use crate::tally::Timelines;

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

/// Who a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormsBy {
    /// One form per group.
    Group,
    /// One form per lead city (and one for cases without a lead).
    Lead,
}

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
    /// The file name: the owner's, made safe, with `.xlsx`.
    pub file: String,
    /// A sheet per group with cases.
    pub sheets: Vec<Sheet>,
    /// How many cases it asks about.
    pub cases: usize,
}

/// The cases ongoing on `date`, by group and id.
fn ongoing(reg: &Register, idx: &Index, tl: &Timelines, date: Date) -> Vec<usize> {
    let mut ongoing: Vec<usize> = (0..reg.cases.len())
        .filter(|c| tl.ongoing_at(*c, date))
        .collect();
    ongoing.sort_by_key(|c| {
        (
            idx.case_group[*c].unwrap_or(usize::MAX),
            crate::model::names::id_key(&reg.cases[*c].value.id.value),
        )
    });
    ongoing
}

fn lead(reg: &Register, c: usize) -> Option<String> {
    reg.cases[c]
        .value
        .lead
        .as_ref()
        .map(|l| l.value.to_string())
}

/// The cases of each group, in the platform's order.
fn by_group(reg: &Register, idx: &Index, ongoing: &[usize]) -> Vec<(String, Vec<usize>)> {
    reg.platform
        .value
        .groups
        .iter()
        .enumerate()
        .map(|(g, gd)| {
            let cs = ongoing
                .iter()
                .copied()
                .filter(|c| idx.case_group[*c] == Some(g))
                .collect();
            (gd.name.value.clone(), cs)
        })
        .collect()
}

/// The cases of each lead city: the members first, then other leads, then 「主辦未定」.
fn by_lead(
    reg: &Register,
    ongoing: &[usize],
    date: Date,
) -> Result<Vec<(String, Vec<usize>)>, Said> {
    if ongoing.iter().all(|c| lead(reg, *c).is_none()) {
        let msg = Msg::new(&cat::NO_LEAD_FOR_FORMS)
            .num("n", ongoing.len())
            .date("date", date);
        return Err(Said::error(msg).hint(Msg::new(&cat::RECORD_LEAD_OR_BY_GROUP)));
    }
    let mut cities: Vec<String> = reg.platform.value.member_names();
    for c in ongoing {
        if let Some(l) = lead(reg, *c)
            && !cities.contains(&l)
        {
            cities.push(l);
        }
    }
    let of = |city: Option<&str>| -> Vec<usize> {
        ongoing
            .iter()
            .copied()
            .filter(|c| lead(reg, *c).as_deref() == city)
            .collect()
    };
    let mut v: Vec<(String, Vec<usize>)> = cities
        .into_iter()
        .map(|city| {
            let cs = of(Some(city.as_str()));
            (city, cs)
        })
        .collect();
    v.push(("主辦未定".to_string(), of(None)));
    Ok(v)
}

/// The sheet of group `g` in `owner`'s form, for its cases `in_group`.
fn sheet(reg: &Register, g: usize, owner: &str, in_group: &[usize], date: Date) -> Sheet {
    let p = &reg.platform.value;
    let gd = &p.groups[g];
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
    for &c in in_group {
        let case = &reg.cases[c].value;
        let last = case.latest_progress(Some(date));
        s.rows.push(vec![
            Cell::text(case.id.value.clone()),
            Cell::text(case.title.value.clone()),
            Cell::text(gd.name.value.clone()),
            Cell::text(lead(reg, c).unwrap_or_default()),
            Cell::date(last.map(|l| l.as_of.value)),
            Cell::text(last.map_or(String::new(), |l| l.text.trim_end().to_string())),
            Cell::Empty,
        ]);
    }
    s
}

/// The forms: one per group, or one per lead city (each with a sheet per group).
pub fn forms(
    reg: &Register,
    idx: &Index,
    tl: &Timelines,
    date: Date,
    by: FormsBy,
) -> Result<Vec<Form>, Said> {
    let ongoing = ongoing(reg, idx, tl, date);
    if ongoing.is_empty() {
        return Err(Said::error(
            Msg::new(&cat::NOTHING_TO_COLLECT).date("date", date),
        ));
    }
    let owners = match by {
        FormsBy::Group => by_group(reg, idx, &ongoing),
        FormsBy::Lead => by_lead(reg, &ongoing, date)?,
    };
    let mut out = Vec::new();
    for (owner, cases) in owners.into_iter().filter(|(_, cs)| !cs.is_empty()) {
        let sheets = (0..reg.platform.value.groups.len())
            .filter_map(|g| {
                let in_group: Vec<usize> = cases
                    .iter()
                    .copied()
                    .filter(|c| idx.case_group[*c] == Some(g))
                    .collect();
                (!in_group.is_empty()).then(|| sheet(reg, g, &owner, &in_group, date))
            })
            .collect();
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
