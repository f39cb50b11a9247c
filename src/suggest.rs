//! Milestones suggested by progress texts, for `kbbt suggest milestones`: a clause with an ROC
//! date and a word of planning or completion becomes a milestone due (or met) on that date. Pure.

use crate::model::{Case, Date, Doc, Milestone, Register};
use chrono::Datelike as _;

/// A date from the text: `118 年 6 月`, `114 年 3 月 20 日` (ROC) at byte `at`, with its length.
fn roc_date_at(text: &str, at: usize) -> Option<(Date, usize, bool)> {
    let rest = &text[at..];
    let digits = |s: &str| -> (usize, usize) {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n, s[..n].parse().unwrap_or(0))
    };
    let (ny, year) = digits(rest);
    if !(2..=3).contains(&ny) {
        return None;
    }
    let mut i = ny;
    let skip = |s: &str, i: usize| i + s[i..].len() - s[i..].trim_start().len();
    i = skip(rest, i);
    i += rest[i..]
        .strip_prefix('年')?
        .len()
        .abs_diff(rest[i..].len());
    i = skip(rest, i);
    let (nm, month) = digits(&rest[i..]);
    if nm == 0 {
        return None;
    }
    i += nm;
    i = skip(rest, i);
    i += rest[i..]
        .strip_prefix('月')?
        .len()
        .abs_diff(rest[i..].len());
    let save = i;
    let j = skip(rest, i);
    let (nd, day) = digits(&rest[j..]);
    let mut k = j + nd;
    k = skip(rest, k);
    let has_day = nd > 0 && rest[k..].starts_with('日');
    let (day, len) = if has_day {
        (day, k + '日'.len_utf8())
    } else {
        (0, save)
    };
    let y = i32::try_from(year).ok()? + 1911;
    let m = u32::try_from(month).ok()?;
    let d = if has_day {
        u32::try_from(day).ok()?
    } else {
        // A month alone: due by the month's last day.
        let first_next = if m == 12 {
            chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        (first_next - chrono::Days::new(1)).day0() + 1
    };
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some((Date(date), len, has_day))
}

/// Words that make a date in a progress text a milestone: what is to happen, or happened, by then.
const WORDS: [&str; 9] = [
    "預計", "預定", "完工", "開工", "啟用", "完成", "通車", "上線", "營運",
];

/// One suggested milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Index into `register.cases`.
    pub case: usize,
    /// When it is due (or was met).
    pub due: Date,
    /// Met on that day (a past date the text reports as done).
    pub done: Option<Date>,
    /// The clause that names it, at most 80 characters.
    pub text: String,
    /// The date of the progress text it comes from.
    pub as_of: Date,
}

/// The milestones the latest progress text of `case` suggests: each clause (split at 。；，\n)
/// with an ROC date and one of the milestone words (預計…完工, …開工, …啟用). A date after the report's date is due then; a date on or
/// before it, in a clause that reports it done (已, 完成, 完工, 開工, 啟用, 通車), is a milestone met.
pub fn suggestions(reg: &Register, case: usize) -> Vec<Suggestion> {
    let c = &reg.cases[case].value;
    let Some(p) = c.latest_progress(None) else {
        return vec![];
    };
    let mut out: Vec<Suggestion> = Vec::new();
    for clause in p.text.split(['。', '；', '\n']) {
        let clause = clause.trim();
        if !WORDS.iter().any(|w| clause.contains(w)) {
            continue;
        }
        let mut at = 0;
        while at < clause.len() {
            if let Some((date, _, _)) = roc_date_at(clause, at) {
                let future = date > p.as_of.value;
                let past_done = !future
                    && (clause.contains('已')
                        || ["完成", "完工", "開工", "啟用", "通車"]
                            .iter()
                            .any(|w| clause.contains(w)));
                let planned = future
                    && (clause.contains("預計")
                        || clause.contains("預定")
                        || clause.contains('將'));
                if planned || past_done {
                    let text: String = clause.chars().take(80).collect();
                    let s = Suggestion {
                        case,
                        due: date,
                        done: past_done.then_some(date),
                        text,
                        as_of: p.as_of.value,
                    };
                    let known = c
                        .milestones
                        .iter()
                        .any(|m| m.value.due.value == s.due && m.value.text == s.text);
                    if !known && !out.contains(&s) {
                        out.push(s);
                    }
                }
                break;
            }
            at += clause[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The milestone a suggestion records, its source the progress text's date.
pub fn milestone(s: &Suggestion) -> Milestone {
    Milestone {
        due: crate::yaml::Sp::new(s.due),
        text: s.text.clone(),
        done: s.done.map(crate::yaml::Sp::new),
        source: Some(format!(
            "辦理情形（資料時間：{}）",
            crate::render::report::roc(s.as_of)
        )),
    }
}

/// Why suggestions could not be added to a case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// The editor could not add a milestone (its message).
    Edit(crate::edit::Error),
    /// The edited file would not parse, or not hold exactly the added milestones more.
    Breaks,
}

/// The text of case file `doc` with the milestones of `s` added at the end of its `milestones`.
pub fn add_milestones(doc: &Doc<Case>, s: &[Suggestion]) -> Result<String, AddError> {
    let mut e = crate::edit::Editor::new(&doc.text);
    for x in s {
        e.append(
            "milestones",
            &crate::canon::milestone(&milestone(x)),
            true,
            crate::canon::keys_before("milestones"),
        )
        .map_err(AddError::Edit)?;
    }
    let new = e.finish();
    // The edited file must parse and hold exactly the added milestones more.
    match crate::yaml::parse::<Case>(&new) {
        Ok(c) if c.milestones.len() == doc.value.milestones.len() + s.len() => Ok(new),
        _ => Err(AddError::Breaks),
    }
}
