//! The minutes' decision section, parsed. Pure: text in, [`Parsed`] out; nothing is dropped.
//!
//! The phrasing (see `kbbt minutes`, which writes it):
//! - header: `…第 3 次副市長層級會議紀錄`, `時間：113 年 7 月 11 日…`;
//! - the totals line `同意解列 24 案、新增 12 案及確認執行中 51 案`;
//! - a group `(一) 交通組`, then numbered items: `同意新增 N 案：「…」、「…」及「…」`,
//!   `同意解列 N 案：…`, `其餘 N 案持續列管`, `N 案持續列管`, `原「…」改以「…」、「…」等 N 案`,
//!   `同意「…」新增 1 子案「…」`, `「…」、「…」等 2 案併入「…」`, `「…」更名為「…」`,
//!   `「…」恢復列管`, `新增提案 1 案：…` (an add), `提案：…` / 臨時動議 (propose), `…：洽悉`.
//!
//! A name is quoted (「…」, which may nest) or not; `「…」(共同議題—「…」)` keeps the bracket as a note.

use crate::model::Date;

/// A name as the minutes write it, and a bracketed remark after its closing quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name, without its outer quotes.
    pub text: String,
    /// The bracketed remark after the closing quote (`(共同議題—「…」)`), kept as a note.
    pub note: Option<String>,
}

/// One recognised decision, or a line kept as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `同意新增 N 案：「…」、「…」`: new cases (also `新增提案 N 案：…`).
    Add(Vec<Name>),
    /// `同意解列 N 案：…`: cases no longer tracked.
    Delist(Vec<Name>),
    /// `「…」恢復列管`: cases tracked again.
    Relist(Vec<Name>),
    /// `提案：…` or a 臨時動議: cases raised, not tracked.
    Propose(Vec<Name>),
    /// `其餘 N 案持續列管`: the group's cases that stay tracked.
    Ongoing(u32),
    /// `原「…」改以「…」、「…」等 N 案`: one case replaced by several.
    Replace {
        /// The case replaced.
        case: Name,
        /// The cases that replace it.
        by: Vec<Name>,
    },
    /// `同意「…」新增 1 子案「…」`: sub-cases (子案) under a parent.
    Subcases {
        /// The parent case.
        parent: Name,
        /// The sub-cases' titles.
        titles: Vec<Name>,
    },
    /// `「…」、「…」等 2 案併入「…」`: cases merged into one.
    Merge {
        /// The cases merged.
        cases: Vec<Name>,
        /// The case they are merged into.
        into: Name,
    },
    /// `「…」更名為「…」`: a case renamed.
    Rename {
        /// The case as named before.
        case: Name,
        /// The new title.
        to: Name,
    },
    /// 「…」：洽悉 (noted, no decision about a case's status), or a heading such as `同意新增 7 案：`
    /// whose cases its sub-items list.
    Noted(String),
    /// A sentence the parser did not read.
    Unparsed(String),
}

/// An item and the line (1-based) it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line the item starts on, from 1.
    pub line: usize,
    /// What the line says.
    pub item: Item,
}

/// A group's block: its heading as written and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The heading as written (`(一) 交通組`).
    pub heading: String,
    /// The heading's line, from 1.
    pub line: usize,
    /// The group's items, in document order.
    pub items: Vec<Line>,
}

/// The totals line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Cases delisted (`同意解列 24 案`).
    pub delist: Option<u32>,
    /// Cases added (`新增 12 案`).
    pub add: Option<u32>,
    /// Cases ongoing (`確認執行中 51 案`).
    pub ongoing: Option<u32>,
}

/// A stated count that disagrees with the names the item lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The item's line, from 1.
    pub line: usize,
    /// The count the item states (`N 案`).
    pub stated: u32,
    /// How many names it lists.
    pub listed: usize,
    /// The item's text.
    pub text: String,
}

/// The decision section read: header, totals line and each group's decisions; no line dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The meeting's title from the header (`…第 3 次副市長層級會議紀錄`).
    pub title: Option<String>,
    /// The meeting's date from the header (`時間：113 年 7 月 11 日`).
    pub date: Option<Date>,
    /// The totals line, if found.
    pub totals: Option<Totals>,
    /// The groups, in document order.
    pub groups: Vec<Group>,
    /// Lines outside any group that are not the header or the totals, kept as text.
    pub other: Vec<(usize, String)>,
    /// 臨時動議 outside any group: the names proposed, no group stated.
    pub proposals: Vec<(usize, Vec<Name>)>,
    /// Items whose stated count disagrees with the names they list.
    pub mismatches: Vec<Mismatch>,
}

/// The lines of a document, numbered from 1; a line whose 「 is not closed is joined with the next
/// non-empty lines (Word and PDF exports break a name across paragraphs).
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let raw: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let mut s = clean(raw[i]);
        let start = i + 1;
        i += 1;
        let mut joined = 0;
        while open_quotes(&s) > 0 && i < raw.len() && joined < 4 {
            let next = clean(raw[i]);
            i += 1;
            if next.is_empty() {
                continue;
            }
            s.push_str(&next);
            joined += 1;
        }
        if !s.is_empty() {
            out.push((start, s));
        }
    }
    out
}

/// A line without surrounding space, tabs turned to spaces, a leading bullet removed.
fn clean(s: &str) -> String {
    let s = s.replace(['\t', '\u{3000}', '\u{a0}'], " ");
    let s = s.trim().trim_start_matches('\u{feff}');
    let s = ["- ", "• ", "・", "● ", "* "]
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .unwrap_or(s);
    s.trim().to_string()
}

fn open_quotes(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '「' => d + 1,
        '」' => d - 1,
        _ => d,
    })
}

/// Digits (ASCII or full-width) at the start of `s`, and the rest.
fn number(s: &str) -> Option<(u32, &str)> {
    let s = s.trim_start();
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    let digits: String = s[..end]
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    Some((digits.parse().ok()?, &s[end..]))
}

/// `… N 案` right after `kw` in `s`.
fn count_after(s: &str, kw: &str) -> Option<u32> {
    let at = s.find(kw)?;
    let (n, rest) = number(&s[at + kw.len()..])?;
    rest.trim_start().starts_with('案').then_some(n)
}

/// How an item is numbered: `1.`/`1、` (an item), `(1)`/`（1）` (a sub-item), or not at all (Word's
/// automatic numbering leaves no number in the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Item,
    Sub,
    None,
}

/// The numbering of an item: `1.`, `1、`, `1)`, `(1)`, `（1）`; returns the rest.
fn strip_number(s: &str) -> (&str, Numbering) {
    if let Some((_, rest)) = number(s) {
        let rest = rest.trim_start();
        for p in ['.', '．', '、', ')', '）'] {
            if let Some(r) = rest.strip_prefix(p) {
                return (r.trim_start(), Numbering::Item);
            }
        }
    }
    for open in ['(', '（'] {
        if let Some(inner) = s.strip_prefix(open)
            && let Some((_, rest)) = number(inner)
        {
            let rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix([')', '）']) {
                return (r.trim_start(), Numbering::Sub);
            }
        }
    }
    (s, Numbering::None)
}

const CN_DIGITS: &str = "一二三四五六七八九十";
const SECTION_DIGITS: &str = "壹貳參肆伍陸柒捌玖拾";

/// `(一) 交通組` / `（一）交通組` → `交通組`.
fn group_heading(s: &str) -> Option<&str> {
    let inner = s.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let num = &inner[..close];
    if num.trim().is_empty() || !num.trim().chars().all(|c| CN_DIGITS.contains(c)) {
        return None;
    }
    let rest = inner[close..].trim_start_matches([')', '）']).trim();
    (!rest.is_empty() && rest.chars().count() <= 20 && !rest.contains(['：', ':', '「']))
        .then_some(rest)
}

/// `捌、臨時動議` (a top-level section of the minutes) → `臨時動議`.
fn section_heading(s: &str) -> Option<&str> {
    let (head, rest) = s.split_once('、')?;
    (!head.is_empty() && head.chars().all(|c| SECTION_DIGITS.contains(c))).then_some(rest.trim())
}

/// Split a list of names at `、`, and at `及`/`與`/`，` right after a closing quote, outside quotes
/// and brackets.
pub fn split_names(s: &str) -> Vec<Name> {
    let s = strip_tail(s);
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        match c {
            '「' | '『' | '(' | '（' => depth += 1,
            '」' | '』' | ')' | '）' => depth -= 1,
            _ => {}
        }
        let closed = matches!(prev, Some('」' | '』' | ')' | '）'));
        if depth == 0 && (c == '、' || (closed && matches!(c, '及' | '與' | '，' | ','))) {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
        prev = Some(c);
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(name)
        .collect()
}

/// A list's end: `。`, `等 N 案`, `並持續列管`.
fn strip_tail(s: &str) -> &str {
    let mut s = s.trim().trim_start_matches(['：', ':']).trim();
    loop {
        let before = s;
        s = s.trim_end_matches(['。', '；', ';', '.', ' ', '，', ',']);
        for tail in ["並持續列管", "持續列管"] {
            s = s.strip_suffix(tail).unwrap_or(s);
        }
        if let Some(at) = s.rfind('等') {
            let rest = &s[at + '等'.len_utf8()..];
            if let Some((_, r)) = number(rest)
                && matches!(r.trim(), "案" | "項")
            {
                s = &s[..at];
            }
        }
        if s == before {
            return s.trim();
        }
    }
}

/// One name: `「X」` → X; `「X」(remark)` → X with the remark as a note; otherwise as written.
fn name(p: &str) -> Name {
    let plain = || Name {
        text: p.to_string(),
        note: None,
    };
    let Some(inner) = p.strip_prefix('「') else {
        return plain();
    };
    // Find the 」 that closes the first 「.
    let mut depth = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '「' => depth += 1,
            '」' => {
                depth -= 1;
                if depth == 0 {
                    let text = inner[..i].trim().to_string();
                    let rest = inner[i + '」'.len_utf8()..].trim();
                    if rest.is_empty() {
                        return Name { text, note: None };
                    }
                    if rest.starts_with(['(', '（']) && rest.ends_with([')', '）']) {
                        return Name {
                            text,
                            note: Some(rest.to_string()),
                        };
                    }
                    return plain();
                }
            }
            _ => {}
        }
    }
    plain()
}

/// The quoted names in `s` (top-level 「…」 only).
fn quoted(s: &str) -> Vec<Name> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '「' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '」' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(Name {
                        text: s[start..i].trim().to_string(),
                        note: None,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// `KW N 案：names` / `KW names 等 N 案` / `KW：names` / `KW names`: the stated count and the names.
fn listing<'a>(body: &'a str, kws: &[&str]) -> Option<(Option<u32>, &'a str)> {
    for kw in kws {
        let Some(rest) = body.strip_prefix(kw) else {
            continue;
        };
        if let Some((n, r)) = number(rest)
            && let Some(r) = r.trim_start().strip_prefix(['案', '項'])
        {
            return Some((Some(n), r));
        }
        let stated = tail_count(rest);
        return Some((stated, rest));
    }
    None
}

/// `… 等 N 案` at the end.
fn tail_count(s: &str) -> Option<u32> {
    let s = s.trim().trim_end_matches(['。', '；', ';', '.', ' ', '，']);
    let at = s.rfind('等')?;
    let (n, r) = number(&s[at + '等'.len_utf8()..])?;
    matches!(r.trim(), "案" | "項").then_some(n)
}

/// The number before `持續列管`: `其餘 11 案持續列管`, `8 案持續列管`, `本組合作方案 3 案持續列管`;
/// returns it and whatever follows (`，另…`).
fn ongoing(body: &str) -> Option<(u32, &str)> {
    let at = body.find("持續列管")?;
    let before = body[..at].trim_end();
    let before = before.strip_suffix(['案', '項'])?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c))
        .last()
        .map(|(i, _)| i)?;
    let lead = before[..start].trim();
    if !(lead.is_empty()
        || ["其餘", "其他", "本組", "本組合作方案", "本組合作案件", "另"].contains(&lead))
    {
        return None;
    }
    let (n, _) = number(&before[start..])?;
    let rest = body[at + "持續列管".len()..]
        .trim()
        .trim_start_matches(['，', ',', '。'])
        .trim();
    Some((n, rest))
}

fn with_count(
    line: usize,
    stated: Option<u32>,
    listed: usize,
    text: &str,
    out: &mut Vec<Mismatch>,
) {
    if let Some(n) = stated
        && n as usize != listed
    {
        out.push(Mismatch {
            line,
            stated: n,
            listed,
            text: text.to_string(),
        });
    }
}

type MakeItem = fn(Vec<Name>) -> Item;

/// Read one item's text (numbering removed).
fn item(line: usize, body: &str, mismatches: &mut Vec<Mismatch>) -> (Item, Option<u32>) {
    let whole = body;
    let body = body.trim();
    if body.contains("洽悉") {
        return (Item::Noted(body.to_string()), None);
    }
    // 同意「P」新增 N 子案「T」
    if body.contains("子案")
        && let Some(at) = body.find("子案")
    {
        let q = quoted(&body[..at]);
        let titles = split_names(&body[at + "子案".len()..]);
        if let Some(parent) = q.into_iter().next()
            && !titles.is_empty()
        {
            let stated = count_after(body, "新增");
            let stated = stated.or_else(|| {
                let b = &body[..at];
                b.rfind("新增")
                    .and_then(|i| number(&b[i + "新增".len()..]).map(|(n, _)| n))
            });
            with_count(line, stated, titles.len(), whole, mismatches);
            return (Item::Subcases { parent, titles }, None);
        }
    }
    // 原「X」改以「A」、「B」等 N 案 / 「X」改列為「A」
    for kw in ["改以", "改列為", "改列"] {
        if let Some(at) = body.find(kw) {
            let case = quoted(&body[..at]).into_iter().next();
            let rest = &body[at + kw.len()..];
            let rest = rest
                .trim_end_matches(['。', ' '])
                .trim_end_matches("列管")
                .trim_end();
            let by = split_names(rest);
            if let Some(case) = case
                && !by.is_empty()
            {
                with_count(line, tail_count(rest), by.len(), whole, mismatches);
                return (Item::Replace { case, by }, None);
            }
        }
    }
    // 「A」、「B」等 2 案併入「C」 / 整併為「C」
    for kw in ["整併為", "合併為", "併入"] {
        if let Some(at) = body.find(kw) {
            let before = body[..at].trim_start_matches("同意").trim();
            let cases = split_names(before);
            let into = quoted(&body[at..]).into_iter().next();
            if let Some(into) = into
                && !cases.is_empty()
            {
                with_count(line, tail_count(before), cases.len(), whole, mismatches);
                return (Item::Merge { cases, into }, None);
            }
        }
    }
    for kw in ["更名為", "名稱修正為", "案名修正為", "修正案名為"] {
        if let Some(at) = body.find(kw) {
            let case = quoted(&body[..at]).into_iter().next();
            let to = quoted(&body[at..]).into_iter().next();
            if let (Some(case), Some(to)) = (case, to) {
                return (Item::Rename { case, to }, None);
            }
        }
    }
    for kw in ["恢復列管", "重新列管"] {
        if let Some(at) = body.find(kw) {
            let before = body[..at].trim_start_matches("同意").trim();
            let names = split_names(before);
            if !names.is_empty() {
                with_count(line, tail_count(before), names.len(), whole, mismatches);
                return (Item::Relist(names), None);
            }
        }
    }
    let kinds: [(&[&str], MakeItem); 3] = [
        (&["同意新增提案", "新增提案", "同意新增", "新增"], Item::Add),
        (
            &["同意解列", "同意解除列管", "解除列管", "解列"],
            Item::Delist,
        ),
        (&["同意提案", "臨時動議", "提案"], Item::Propose),
    ];
    for (kws, make) in kinds {
        if let Some((stated, rest)) = listing(body, kws) {
            let names = split_names(rest);
            if names.is_empty() {
                // `同意新增 7 案：` followed by sub-items: the count is checked against them.
                return (Item::Noted(body.to_string()), stated);
            }
            with_count(line, stated, names.len(), whole, mismatches);
            return (make(names), None);
        }
    }
    if let Some((n, _)) = ongoing(body) {
        return (Item::Ongoing(n), None);
    }
    (Item::Unparsed(body.to_string()), None)
}

/// How many cases an item lists (for a heading's stated count).
fn listed(i: &Item) -> usize {
    match i {
        Item::Add(v) | Item::Delist(v) | Item::Propose(v) | Item::Relist(v) => v.len(),
        Item::Replace { by, .. } => by.len(),
        Item::Subcases { titles, .. } => titles.len(),
        _ => 0,
    }
}

/// `…第 3 次副市長層級會議紀錄` (perhaps followed by `附件 1`) → the meeting's title (without 紀錄).
fn title(s: &str) -> Option<String> {
    let s = s.trim();
    let (at, len) = ["會議紀錄", "會議記錄"]
        .iter()
        .find_map(|k| s.find(k).map(|at| (at, k.len())))?;
    let head = s[..at].trim();
    let tail = s[at + len..].trim();
    (head.contains('第') && head.contains('次') && tail.chars().count() <= 8)
        .then(|| format!("{head}會議"))
}

/// `時間：113 年 7 月 11 日（星期四）…`, also `壹、會議時間：…` → the date.
fn date(s: &str) -> Option<Date> {
    let s = match s.split_once('、') {
        Some((h, rest))
            if !h.is_empty()
                && h.chars()
                    .all(|c| SECTION_DIGITS.contains(c) || CN_DIGITS.contains(c)) =>
        {
            rest.trim()
        }
        _ => s,
    };
    let rest = ["會議時間", "開會時間", "時間", "日期"]
        .iter()
        .find_map(|k| s.strip_prefix(k))?
        .trim_start()
        .strip_prefix(['：', ':'])?;
    let end = rest.find('日')?;
    let d: String = rest[..end + '日'.len_utf8()]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    crate::model::parse_date(&d).ok()
}

/// Parse the minutes' text.
pub fn parse(text: &str) -> Parsed {
    parse_with(text, &[])
}

/// Parse the minutes' text; a line that is exactly one of `groups` (names and aliases of the
/// platform's groups) is a group heading too, as when Word's automatic numbering left out 「(一)」.
pub fn parse_with(text: &str, groups: &[String]) -> Parsed {
    let mut p = Parsed::default();
    // A heading's stated count waiting for its sub-items: (line, count, text, listed so far).
    let mut pending: Option<(usize, u32, String, usize)> = None;
    let mut in_motions = false;
    let flush = |pending: &mut Option<(usize, u32, String, usize)>, out: &mut Vec<Mismatch>| {
        if let Some((line, n, text, got)) = pending.take() {
            with_count(line, Some(n), got, &text, out);
        }
    };
    for (no, s) in logical_lines(text) {
        if p.title.is_none()
            && p.groups.is_empty()
            && let Some(t) = title(&s)
        {
            p.title = Some(t);
            continue;
        }
        if p.date.is_none()
            && p.groups.is_empty()
            && let Some(d) = date(&s)
        {
            p.date = Some(d);
            continue;
        }
        if s.contains("執行中") && s.contains("解列") && p.totals.is_none() {
            let t = Totals {
                delist: count_after(&s, "解列"),
                add: count_after(&s, "新增"),
                ongoing: count_after(&s, "執行中"),
            };
            if t != Totals::default() {
                p.totals = Some(t);
                if let Some(g) = p.groups.last_mut() {
                    g.items.push(Line {
                        line: no,
                        item: Item::Noted(s.clone()),
                    });
                }
                continue;
            }
        }
        let bare = groups.contains(&s).then_some(s.as_str());
        if let Some(h) = group_heading(&s).or(bare) {
            flush(&mut pending, &mut p.mismatches);
            in_motions = false;
            p.groups.push(Group {
                heading: h.to_string(),
                line: no,
                items: Vec::new(),
            });
            continue;
        }
        if let Some(sec) = section_heading(&s) {
            flush(&mut pending, &mut p.mismatches);
            in_motions = sec.contains("臨時動議");
            // A new top-level section ends the groups.
            p.groups.push(Group {
                heading: String::new(),
                line: no,
                items: Vec::new(),
            });
            p.other.push((no, s.clone()));
            continue;
        }
        // 「臨時動議：「…」、「…」等 N 案臨時動議，請先提至議題小組討論」: after the groups, no group.
        if strip_number(&s).0.starts_with("臨時動議") {
            flush(&mut pending, &mut p.mismatches);
            in_motions = true;
            p.groups.push(Group {
                heading: String::new(),
                line: no,
                items: Vec::new(),
            });
        }
        let in_group = p.groups.last().is_some_and(|g| !g.heading.is_empty());
        if !in_group {
            if in_motions {
                let names = quoted(&s);
                if !names.is_empty() {
                    p.proposals.push((no, names));
                }
            }
            p.other.push((no, s.clone()));
            continue;
        }
        let (body, numbering) = strip_number(&s);
        if numbering == Numbering::Item {
            flush(&mut pending, &mut p.mismatches);
        }
        let (it, heading_count) = item(no, body, &mut p.mismatches);
        if let Some(n) = heading_count {
            pending = Some((no, n, body.to_string(), 0));
        } else if numbering != Numbering::Item
            && let Some(pd) = pending.as_mut()
        {
            pd.3 += listed(&it);
        }
        // The 「本組 8 案持續列管，另…」 remainder is kept as text too.
        let rest = match &it {
            Item::Ongoing(_) => ongoing(body)
                .map(|(_, r)| r.to_string())
                .filter(|r| !r.is_empty()),
            _ => None,
        };
        let g = p.groups.last_mut().expect("in a group");
        g.items.push(Line { line: no, item: it });
        if let Some(r) = rest {
            g.items.push(Line {
                line: no,
                item: Item::Unparsed(r),
            });
        }
    }
    flush(&mut pending, &mut p.mismatches);
    p.groups.retain(|g| !g.heading.is_empty());
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Name {
        Name {
            text: s.into(),
            note: None,
        }
    }

    #[test]
    fn names_quoted_nested_unquoted_and_remarks() {
        assert_eq!(
            split_names("：「A」、「B」及「C」。"),
            vec![n("A"), n("B"), n("C")]
        );
        assert_eq!(split_names("「A」、「B」等 2 案。"), vec![n("A"), n("B")]);
        assert_eq!(
            split_names("建構防救災資通訊備援機制。"),
            vec![n("建構防救災資通訊備援機制")]
        );
        assert_eq!(
            split_names("臺北市立圖書館與桃園市立圖書館「一證通用」服務啟用。"),
            vec![n("臺北市立圖書館與桃園市立圖書館「一證通用」服務啟用")]
        );
        assert_eq!(
            split_names("「新興能源(共同議題—「氣候」)」、「地熱」(共同議題—「氣候」)、「食農」"),
            vec![
                n("新興能源(共同議題—「氣候」)"),
                Name {
                    text: "地熱".into(),
                    note: Some("(共同議題—「氣候」)".into())
                },
                n("食農")
            ]
        );
        assert_eq!(
            split_names("「大棟山系」及共推「深情望海」。"),
            vec![n("大棟山系"), n("共推「深情望海」")]
        );
        // 及 inside an unquoted name is not a separator.
        assert_eq!(split_names("規範及配套"), vec![n("規範及配套")]);
    }

    #[test]
    fn header_totals_groups_and_items() {
        let text = "基北北桃合作交流平臺第 3 次副市長層級會議紀錄\n時間：113 年 7 月 11 日（星期四）上午 10 時\n\
柒、決議事項\n一、為更貼近民眾期待。\n二、議題小組合作案件，請依決議持續辦理：同意解列 24 案、新增 12 案及確認執行中 51 案。\n\
(一) 交通組\n1. 同意新增 2 案：「甲」、「乙」。\n2. 同意解列 1 案：丙。\n3. 其餘 16 案持續列管。\n\
4. 「氣候變遷因應及調適」合作方案—「丁」：洽悉。\n（二）災防組\n8 案持續列管。\n5. 這句讀不懂。\n";
        let p = parse(text);
        assert_eq!(
            p.title.as_deref(),
            Some("基北北桃合作交流平臺第 3 次副市長層級會議")
        );
        assert_eq!(p.date, Date::ymd(2024, 7, 11));
        // The published minutes' own header.
        let p = parse(
            "基北北桃合作交流平臺第 3 次副市長層級會議紀錄 附件 1\n壹、會議時間：113 年 7 月 11 日(星期四)下午 2 時 50 分\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("基北北桃合作交流平臺第 3 次副市長層級會議")
        );
        assert_eq!(p.date, Date::ymd(2024, 7, 11));
        let p = parse(text);
        assert_eq!(
            p.totals,
            Some(Totals {
                delist: Some(24),
                add: Some(12),
                ongoing: Some(51)
            })
        );
        assert_eq!(p.groups.len(), 2);
        let g = &p.groups[0];
        assert_eq!(g.heading, "交通組");
        assert_eq!(g.items[0].item, Item::Add(vec![n("甲"), n("乙")]));
        assert_eq!(g.items[1].item, Item::Delist(vec![n("丙")]));
        assert_eq!(g.items[2].item, Item::Ongoing(16));
        assert!(matches!(g.items[3].item, Item::Noted(_)));
        assert_eq!(p.groups[1].items[0].item, Item::Ongoing(8));
        assert_eq!(p.groups[1].items[1].line, 13);
        assert_eq!(
            p.groups[1].items[1].item,
            Item::Unparsed("這句讀不懂。".into())
        );
        assert_eq!(p.other.len(), 2, "{:?}", p.other);
        assert!(p.mismatches.is_empty());
    }

    #[test]
    fn stated_counts_are_checked_against_the_names() {
        let p =
            parse("(一) 交通組\n1. 同意新增 3 案：「甲」、「乙」。\n2. 同意解列 1 案：「丙」。\n");
        assert_eq!(p.mismatches.len(), 1);
        assert_eq!(
            (
                p.mismatches[0].line,
                p.mismatches[0].stated,
                p.mismatches[0].listed
            ),
            (2, 3, 2)
        );
        // A heading's count is checked against its sub-items.
        let p = parse(
            "(一)交通組\n1. 同意新增 7 案：\n(1)原「X」改以「A」、「B」等 2 案。\n(2)新增「C」及「D」等 2 案。\n2. 其餘 1 案持續列管。\n",
        );
        assert_eq!(p.mismatches.len(), 1, "{:?}", p.mismatches);
        assert_eq!((p.mismatches[0].stated, p.mismatches[0].listed), (7, 4));
        let g = &p.groups[0];
        assert_eq!(g.items[0].item, Item::Noted("同意新增 7 案：".into()));
        assert_eq!(
            g.items[1].item,
            Item::Replace {
                case: n("X"),
                by: vec![n("A"), n("B")]
            }
        );
        assert_eq!(g.items[2].item, Item::Add(vec![n("C"), n("D")]));
    }

    #[test]
    fn subcases_merges_renames_relists_proposals_and_remainders() {
        let p = parse(
            "(五) 都會發展組\n2. 同意「都會空間治理」新增 1 子案「淨零碳」，並持續列管。\n\
3. 同意「甲」、「乙」等 2 案併入「丙」。\n4. 同意「丁」更名為「戊」。\n5. 同意「己」恢復列管。\n\
6. 新增提案 1 案：「庚」。\n7. 本組 8 案持續列管，另「A」、「B」等 2 案研擬整合為 1 案續辦之可行性。\n\
捌、臨時動議\n桃園市政府提出「辛」、「壬」。\n",
        );
        let it: Vec<&Item> = p.groups[0].items.iter().map(|l| &l.item).collect();
        assert_eq!(
            *it[0],
            Item::Subcases {
                parent: n("都會空間治理"),
                titles: vec![n("淨零碳")]
            }
        );
        assert_eq!(
            *it[1],
            Item::Merge {
                cases: vec![n("甲"), n("乙")],
                into: n("丙")
            }
        );
        assert_eq!(
            *it[2],
            Item::Rename {
                case: n("丁"),
                to: n("戊")
            }
        );
        assert_eq!(*it[3], Item::Relist(vec![n("己")]));
        assert_eq!(*it[4], Item::Add(vec![n("庚")]));
        assert_eq!(*it[5], Item::Ongoing(8));
        assert!(matches!(it[6], Item::Unparsed(s) if s.starts_with("另「A」")));
        assert_eq!(p.proposals, vec![(9, vec![n("辛"), n("壬")])]);
        assert!(p.mismatches.is_empty(), "{:?}", p.mismatches);
    }

    #[test]
    fn a_motions_line_after_the_groups_belongs_to_no_group() {
        let p = parse(
            "(一) 交通組\n1. 其餘 1 案持續列管。\n\n臨時動議：「甲」及「乙」等 2 案臨時動議，請先提至議題小組討論。\n",
        );
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].items.len(), 1);
        assert_eq!(p.proposals, vec![(4, vec![n("甲"), n("乙")])]);
    }

    #[test]
    fn without_numbers_a_group_is_known_by_its_name() {
        let groups = vec!["交通組".to_string(), "交通".to_string()];
        let p = parse_with(
            "交通組\n同意新增 3 案：\n原「X」改以「A」、「B」等 2 案。\n新增「C」1 案。\n其餘 1 案持續列管。\n",
            &groups,
        );
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].heading, "交通組");
        assert_eq!(p.groups[0].items.len(), 4, "{:?}", p.groups[0].items);
        assert!(p.mismatches.is_empty(), "{:?}", p.mismatches);
        // Without the platform's names, a bare name is not a heading.
        assert!(parse("交通組\n同意新增 1 案：「C」。\n").groups.is_empty());
    }

    #[test]
    fn a_name_broken_across_lines_is_joined() {
        let p = parse("(一)衛生社福組\n2. 同意解列 2 案：「基礎食品經驗\n\n交流」及「社區」。\n");
        assert_eq!(
            p.groups[0].items[0].item,
            Item::Delist(vec![n("基礎食品經驗交流"), n("社區")])
        );
    }
}
