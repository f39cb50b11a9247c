//! The decision section (決議事項) of a meeting's minutes, in the minutes' own phrasing. Pure.
//!
//! The command resolves names and numbers (names as the meeting file writes them, numbers from the
//! register or, with `--as-published`, as the minutes state them); this module only phrases them the
//! way the platform's vice-mayor minutes do:
//!
//! ```text
//! 議題小組合作案件，請依決議持續辦理：同意解列 24 案、新增 12 案及確認執行中 51 案。
//! (一) 交通組
//! 1. 同意新增 2 案：「跨市設置通勤綠廊標誌牌面」及「研議電動輔助自行車跨市騎乘規範及配套」。
//! 2. 同意解列 3 案：「…」、「…」及「…」。
//! 3. 其餘 16 案持續列管。
//! ```
//!
//! Rules (each one as the seeds write it): names are quoted 「…」 unless they already hold 「…」
//! (「臺北市立圖書館與桃園市立圖書館「一證通用」服務啟用」 is printed as written); lists join with 「、」
//! and the last two with 「及」; a common-topic mark 「(共同議題—「…」)」 is part of a new case's name and
//! follows a delisted case's name; a group with a single item is not numbered.

use std::fmt::Write as _;

/// A name as it is to be printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name, as the minutes or the register word it.
    pub text: String,
    /// Common topics the minutes mark the case with.
    pub topics: Vec<String>,
    /// Whether the topic mark goes inside the quotes (new cases) or after them (existing cases).
    pub mark_inside: bool,
}

impl Name {
    /// A name without topic marks.
    pub fn plain(text: &str) -> Name {
        Name {
            text: text.to_string(),
            topics: Vec::new(),
            mark_inside: false,
        }
    }
}

/// One part of a group's 「同意新增 N 案」 item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddPart {
    /// 原「X」改以「A」、「B」及「C」等 3 案。
    Replace {
        /// The case replaced.
        case: String,
        /// The cases that replace it.
        by: Vec<Name>,
    },
    /// 原「A」及「B」等 2 案整合為「C」。
    MergeNew {
        /// The cases merged.
        cases: Vec<String>,
        /// The new case they become.
        into: Name,
    },
    /// 新增「A」及「B」等 2 案。 (or, alone, just the names)
    New(Vec<Name>),
}

/// One numbered item of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// 「同意新增 N 案：…」
    Add {
        /// N, the number of new cases.
        count: u32,
        /// New, replacing and merging cases.
        parts: Vec<AddPart>,
    },
    /// 「X 新增子案「A」及「B」」
    Subcases {
        /// The parent case.
        parent: String,
        /// The new sub-cases.
        names: Vec<Name>,
    },
    /// 「A、B 併入 C」
    MergeInto {
        /// The cases merged.
        cases: Vec<String>,
        /// The case they are merged into.
        into: String,
    },
    /// 「X 更名為 Y」
    Rename {
        /// The old title.
        from: String,
        /// The new title.
        to: String,
    },
    /// 「同意恢復列管 N 案」
    Relist {
        /// N.
        count: u32,
        /// The cases.
        names: Vec<Name>,
    },
    /// 「同意解列 N 案」
    Delist {
        /// N.
        count: u32,
        /// The cases.
        names: Vec<Name>,
    },
    /// 「其餘 N 案持續列管」, or 「N 案持續列管」 when it is the group's only item.
    /// `None`: the count is unknown (「持續列管案數不詳」), never printed as 0.
    Ongoing(Option<u32>),
}

/// One group's part of the decision section: its heading and numbered items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSection {
    /// The group's name (「(一) 交通組」 without its numbering).
    pub name: String,
    /// The numbered items.
    pub items: Vec<Item>,
}

/// Proposals (臨時動議) raised at the meeting and sent to the groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposals {
    /// The member that raised them all, when one did (「桃園市政府提出…」).
    pub by: Option<String>,
    /// The proposals.
    pub names: Vec<Name>,
    /// The meeting's level, e.g. 副市長層級 (「…有共識後再提到副市長層級會議討論」).
    pub level: String,
}

/// Everything the decision section says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    /// delist, add, ongoing of the summary line; `None` prints the lead-in alone.
    pub totals: Option<(Option<u32>, Option<u32>, Option<u32>)>,
    /// Each group with decisions, in the platform's order.
    pub groups: Vec<GroupSection>,
    /// The proposals, if any.
    pub proposals: Option<Proposals>,
}

/// 一, 二, … 十, 十一, … 九十九 (and Arabic digits beyond).
pub fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
        _ => n.to_string(),
    }
}

/// 「(共同議題—「氣候變遷因應及調適」)」: the mark the platform's documents put after a case's name.
pub fn topic_mark(topics: &[String]) -> String {
    if topics.is_empty() {
        return String::new();
    }
    let t: Vec<String> = topics.iter().map(|t| format!("「{t}」")).collect();
    format!("(共同議題—{})", t.join("、"))
}

/// 「name」, or the name as written when it holds 「…」 itself.
pub fn quote(s: &str) -> String {
    if s.contains('「') {
        s.to_string()
    } else {
        format!("「{s}」")
    }
}

fn name(n: &Name) -> String {
    let mark = topic_mark(&n.topics);
    if n.mark_inside && !mark.is_empty() && !n.text.contains('「') {
        format!("「{}{mark}」", n.text)
    } else {
        format!("{}{mark}", quote(&n.text))
    }
}

/// 「A」, 「A」及「B」, 「A」、「B」及「C」.
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{}及{last}", rest.join("、")),
    }
}

fn names(v: &[Name]) -> String {
    join(&v.iter().map(name).collect::<Vec<_>>())
}

fn quoted(v: &[String]) -> String {
    join(&v.iter().map(|s| quote(s)).collect::<Vec<_>>())
}

/// 「等 N 案」 after a list of two or more.
fn several(n: usize) -> String {
    if n > 1 {
        format!("等 {n} 案")
    } else {
        String::new()
    }
}

fn add_part(p: &AddPart, alone: bool) -> String {
    match p {
        AddPart::Replace { case, by } => {
            format!("原{}改以{}{}。", quote(case), names(by), several(by.len()))
        }
        AddPart::MergeNew { cases, into } => format!(
            "原{}{}整合為{}。",
            quoted(cases),
            several(cases.len()),
            name(into)
        ),
        AddPart::New(v) if alone => format!("{}。", names(v)),
        AddPart::New(v) => format!("新增{}{}。", names(v), several(v.len())),
    }
}

fn item(it: &Item, only: bool) -> String {
    match it {
        Item::Add { count, parts } => match parts.as_slice() {
            [p] => format!("同意新增 {count} 案：{}", add_part(p, true)),
            _ => {
                let mut s = format!("同意新增 {count} 案：");
                for (i, p) in parts.iter().enumerate() {
                    let _ = write!(s, "\n({}){}", i + 1, add_part(p, false));
                }
                s
            }
        },
        Item::Subcases { parent, names: v } => format!(
            "同意{}新增 {} 子案{}，並持續列管。",
            quote(parent),
            v.len(),
            names(v)
        ),
        Item::MergeInto { cases, into } => format!(
            "同意{}{}併入{}辦理。",
            quoted(cases),
            several(cases.len()),
            quote(into)
        ),
        Item::Rename { from, to } => format!("同意{}更名為{}。", quote(from), quote(to)),
        Item::Relist { count, names: v } => format!("同意恢復列管 {count} 案：{}。", names(v)),
        Item::Delist { count, names: v } => format!("同意解列 {count} 案：{}。", names(v)),
        Item::Ongoing(None) => "持續列管案數不詳。".to_string(),
        Item::Ongoing(Some(n)) if only => format!("{n} 案持續列管。"),
        Item::Ongoing(Some(n)) => format!("其餘 {n} 案持續列管。"),
    }
}

/// The decision section as text, one paragraph a line.
pub fn render(m: &Minutes) -> String {
    let mut s = String::from("議題小組合作案件，請依決議持續辦理：");
    if let Some((d, a, o)) = m.totals {
        let n = |x: Option<u32>, what: &str| {
            x.map_or_else(|| format!("{what}案數不詳"), |x| format!("{what} {x} 案"))
        };
        let _ = write!(
            s,
            "{}、{}及{}。",
            n(d, "同意解列"),
            n(a, "新增"),
            n(o, "確認執行中")
        );
    }
    s.push('\n');
    for (i, g) in m.groups.iter().enumerate() {
        let _ = writeln!(s, "({}) {}", chinese_number(i + 1), g.name);
        let only = g.items.len() == 1;
        for (j, it) in g.items.iter().enumerate() {
            if only {
                let _ = writeln!(s, "{}", item(it, true));
            } else {
                let _ = writeln!(s, "{}. {}", j + 1, item(it, false));
            }
        }
    }
    if let Some(p) = &m.proposals {
        let _ = writeln!(
            s,
            "\n臨時動議：{}{}{}臨時動議，請先提至議題小組討論，有共識後再提到{}會議討論。",
            p.by.as_ref()
                .map_or(String::new(), |b| format!("{b}政府提出")),
            names(&p.names),
            several(p.names.len()),
            p.level
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Name {
        Name::plain(s)
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 8, 10, 11, 20, 21, 99, 100]
            .into_iter()
            .map(chinese_number)
            .collect();
        assert_eq!(
            got,
            ["一", "八", "十", "十一", "二十", "二十一", "九十九", "100"]
        );
    }

    #[test]
    fn lists_join_with_and() {
        assert_eq!(join(&[]), "");
        assert_eq!(join(&["「A」".into()]), "「A」");
        assert_eq!(join(&["「A」".into(), "「B」".into()]), "「A」及「B」");
        assert_eq!(
            join(&["「A」".into(), "「B」".into(), "「C」".into()]),
            "「A」、「B」及「C」"
        );
    }

    #[test]
    fn names_with_quotes_and_topic_marks() {
        assert_eq!(
            name(&n("臺北市立圖書館與桃園市立圖書館「一證通用」服務啟用")),
            "臺北市立圖書館與桃園市立圖書館「一證通用」服務啟用"
        );
        let topics = vec!["氣候變遷因應及調適".to_string()];
        let new = Name {
            text: "新興能源經驗交流合作案".into(),
            topics: topics.clone(),
            mark_inside: true,
        };
        assert_eq!(
            name(&new),
            "「新興能源經驗交流合作案(共同議題—「氣候變遷因應及調適」)」"
        );
        let old = Name {
            text: "地熱發電廠經驗交流".into(),
            topics,
            mark_inside: false,
        };
        assert_eq!(
            name(&old),
            "「地熱發電廠經驗交流」(共同議題—「氣候變遷因應及調適」)"
        );
    }

    #[test]
    fn first_meeting_phrasing() {
        let m = Minutes {
            totals: None,
            groups: vec![
                GroupSection {
                    name: "交通組".into(),
                    items: vec![
                        Item::Add {
                            count: 5,
                            parts: vec![
                                AddPart::Replace {
                                    case: "捷運路網擴建".into(),
                                    by: vec![n("A"), n("B")],
                                },
                                AddPart::New(vec![n("C"), n("D"), n("E")]),
                            ],
                        },
                        Item::Ongoing(Some(11)),
                    ],
                },
                GroupSection {
                    name: "災防組".into(),
                    items: vec![Item::Ongoing(Some(8))],
                },
                GroupSection {
                    name: "都會發展組".into(),
                    items: vec![
                        Item::Add {
                            count: 1,
                            parts: vec![AddPart::New(vec![n("F")])],
                        },
                        Item::Subcases {
                            parent: "都會空間治理".into(),
                            names: vec![n("G")],
                        },
                    ],
                },
            ],
            proposals: Some(Proposals {
                by: Some("桃園市".into()),
                names: vec![n("P"), n("Q")],
                level: "副市長層級".into(),
            }),
        };
        assert_eq!(
            render(&m),
            "議題小組合作案件，請依決議持續辦理：\n\
             (一) 交通組\n\
             1. 同意新增 5 案：\n\
             (1)原「捷運路網擴建」改以「A」及「B」等 2 案。\n\
             (2)新增「C」、「D」及「E」等 3 案。\n\
             2. 其餘 11 案持續列管。\n\
             (二) 災防組\n\
             8 案持續列管。\n\
             (三) 都會發展組\n\
             1. 同意新增 1 案：「F」。\n\
             2. 同意「都會空間治理」新增 1 子案「G」，並持續列管。\n\
             \n\
             臨時動議：桃園市政府提出「P」及「Q」等 2 案臨時動議，請先提至議題小組討論，有共識後再提到副市長層級會議討論。\n"
        );
    }
}
