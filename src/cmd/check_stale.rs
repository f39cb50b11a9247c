//! `kbbt check stale`: ongoing cases whose latest progress is older than N months.
//!
//! As of a date (default: today), a case ongoing on that date is stale when its latest progress on
//! or before the date is dated before the date minus N months, or when it has no progress at all.
//! Sub-cases report under their parent and are not checked on their own. Exit 1 when any case is
//! stale, 0 when none is.

use super::{Env, Outcome};
use crate::cli::StaleArgs;
use kbbt::exit::Exit;
use kbbt::index::Index;
use kbbt::model::names::id_key;
use kbbt::model::{Date, Status};
use kbbt::tally::Timelines;
use std::fmt::Write as _;

/// The cut-off: `date` minus `months` (`None` when that is before the calendar's start).
fn cutoff(date: Date, months: u32) -> Option<Date> {
    date.0
        .checked_sub_months(chrono::Months::new(months))
        .map(Date)
}

pub fn run(env: &Env, args: &StaleArgs) -> Outcome {
    let (months, as_of, group) = (args.months, args.as_of.as_deref(), args.group.as_deref());
    let (reg, date, groups) = match super::report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let cut = cutoff(date, months);
    let p = &reg.platform.value;
    let st = env.style;
    let mut out = String::new();
    let (mut checked, mut stale, mut unconfirmed) = (0, 0, 0);
    for g in groups {
        let mut cases: Vec<usize> = (0..reg.cases.len())
            .filter(|c| idx.case_group[*c] == Some(g) && reg.cases[*c].value.parent.is_none())
            // Ongoing by recorded decisions: a case a complete listing leaves out (unconfirmed) is
            // checked too, and marked, since it needs following up all the more.
            .filter(|c| tl.status_at(*c, date) == Some(Status::Ongoing))
            .collect();
        cases.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
        checked += cases.len();
        let mut rows: Vec<(&str, String, &str)> = Vec::new();
        for c in cases {
            let case = &reg.cases[c].value;
            let latest = case.latest_progress(Some(date)).map(|pr| pr.as_of.value);
            let old = match (latest, cut) {
                (None, _) => true,
                (Some(d), Some(cut)) => d < cut,
                (Some(_), None) => false,
            };
            if old {
                stale += 1;
                let zh = st.lang == kbbt::i18n::Lang::ZhTw;
                let mut when = latest.map_or_else(
                    || if zh { "無辦理情形" } else { "no progress" }.to_string(),
                    |d| st.date(d),
                );
                if tl.unconfirmed_at(c, Some(date)).is_some() {
                    unconfirmed += 1;
                    when.push_str(if zh {
                        "（未確認）"
                    } else {
                        " (unconfirmed)"
                    });
                }
                rows.push((&case.id.value, when, &case.title.value));
            }
        }
        if !rows.is_empty() {
            let gd = &p.groups[g];
            let _ = writeln!(
                out,
                "{}",
                st.bold(&format!("{} ({})", gd.name.value, gd.code.value))
            );
            let w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
            for (id, when, title) in rows {
                let _ = writeln!(out, "  {id:<w$}  {when}  {title}");
            }
        }
    }
    let span = kbbt::plural::count(months as usize, "month");
    let day = st.date(date);
    let since = cut.map_or_else(
        || format!("{span} before {day}"),
        |c| format!("{}, {span} before {day}", st.date(c)),
    );
    if checked == 0 {
        let _ = writeln!(out, "no ongoing cases on {day}");
        Outcome::ok(out)
    } else if stale == 0 {
        let _ = writeln!(
            out,
            "no stale cases: all {checked} ongoing cases have progress on or after {since}"
        );
        Outcome::ok(out)
    } else {
        let _ = writeln!(
            out,
            "{stale} of {checked} ongoing cases are stale: their latest progress is before {since}, or they have none"
        );
        if unconfirmed > 0 {
            let _ = match st.lang {
                kbbt::i18n::Lang::ZhTw => writeln!(
                    out,
                    "其中 {unconfirmed} 案未確認：未列於完整列表（見 kbbt status）"
                ),
                kbbt::i18n::Lang::En => writeln!(
                    out,
                    "{unconfirmed} of them are unconfirmed: a complete listing leaves them out (see kbbt status)"
                ),
            };
        }
        Outcome {
            stdout: out,
            code: Exit::Problems,
            ..Outcome::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoffs_follow_the_calendar() {
        let d = |s: &str| kbbt::model::parse_date(s).expect("a date");
        assert_eq!(cutoff(d("2025-12-31"), 6), Some(d("2025-06-30")));
        assert_eq!(cutoff(d("2024-08-31"), 6), Some(d("2024-02-29")));
        assert_eq!(cutoff(d("2025-12-31"), 0), Some(d("2025-12-31")));
        assert_eq!(cutoff(d("2025-12-31"), u32::MAX), None);
    }
}
