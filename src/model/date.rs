//! Dates: ISO in files, ROC (民國) forms accepted wherever a person types one.
//!
//! ROC year + 1911 = Gregorian year. The calendar check is chrono's, so 民國 113 年 2 月 30 日 is
//! rejected and leap days are right.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, written ISO (`2024-07-11`) in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Days since the Common Era, for cheap comparisons.
    pub fn key(self) -> i32 {
        self.0.num_days_from_ce()
    }
    /// The date of year `y`, month `m`, day `d` (Gregorian), or `None` when there is no such day.
    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
    /// `114-12-31`: the ROC date as tables in Taiwan write it.
    pub fn roc_short(self) -> String {
        format!(
            "{}-{:02}-{:02}",
            self.0.year() - 1911,
            self.0.month(),
            self.0.day()
        )
    }
    /// `中華民國 114 年 12 月 31 日`, the form official documents use.
    pub fn roc_long(self) -> String {
        format!(
            "中華民國 {} 年 {} 月 {} 日",
            self.0.year() - 1911,
            self.0.month(),
            self.0.day()
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(crate::catalog::KIND_DATE.en)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                parse_date(s).map_err(crate::yaml::custom_error)
            }
        }
        d.deserialize_str(V)
    }
}

/// Parse a date as people write it: `2024-07-11`, `2024/7/11`, `113-07-11`, `113/7/11`, `113.7.11`,
/// `113年7月11日`, `民國113年7月11日`, `中華民國 113 年 7 月 11 日` (full-width digits too).
pub fn parse_date(input: &str) -> Result<Date, crate::msg::Msg> {
    use crate::catalog as m;
    use crate::msg::Msg;
    let s: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '－' => '-',
            '．' => '.',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let bad = || Msg::new(&m::NOT_A_DATE).text("date", input);
    let (roc_prefix, rest) = if let Some(r) = s.strip_prefix("中華民國") {
        (true, r)
    } else if let Some(r) = s.strip_prefix("民國") {
        (true, r)
    } else {
        (false, s.as_str())
    };
    let parts: Vec<&str> = if rest.contains('年') {
        let r = rest.strip_suffix('日').ok_or_else(bad)?;
        let (y, r) = r.split_once('年').ok_or_else(bad)?;
        let (m, d) = r.split_once('月').ok_or_else(bad)?;
        vec![y, m, d]
    } else {
        let sep = ['-', '/', '.']
            .into_iter()
            .find(|c| rest.contains(*c))
            .ok_or_else(bad)?;
        rest.split(sep).collect()
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    // A four-digit year is Gregorian unless the text said 民國; ROC years have one to three digits.
    let year = if parts[0].len() == 4 && !roc_prefix {
        i32::try_from(y).map_err(|_| bad())?
    } else if parts[0].len() <= 3 && y >= 1 {
        i32::try_from(y).map_err(|_| bad())? + 1911
    } else {
        return Err(bad());
    };
    Date::ymd(year, m, d).ok_or_else(|| Msg::new(&m::NOT_A_REAL_DATE).text("date", input))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn roc_and_iso_forms() {
        for s in [
            "2024-07-11",
            "113-07-11",
            "113/7/11",
            "113.7.11",
            "113年7月11日",
            "113 年 7 月 11 日",
            "民國113年7月11日",
            "中華民國 113 年 7 月 11 日",
            "１１３年７月１１日",
            "2024/7/11",
        ] {
            assert_eq!(iso(s), "2024-07-11", "{s}");
        }
        assert_eq!(iso("112/07/27"), "2023-07-27");
        assert_eq!(iso("114.12.31"), "2025-12-31");
    }

    #[test]
    fn invalid_dates_are_rejected() {
        for s in [
            "113-02-30",
            "2023-02-29",
            "abc",
            "113-13-01",
            "",
            "113年7月",
            "0-1-1",
            "12345-1-1",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        // 民國 113 is a leap year (2024).
        assert_eq!(iso("113-02-29"), "2024-02-29");
    }

    #[test]
    fn roc_long_form() {
        assert_eq!(
            parse_date("2025-12-31").unwrap().roc_long(),
            "中華民國 114 年 12 月 31 日"
        );
    }
}
