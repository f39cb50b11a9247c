//! Reading a progress table: the report's tab-separated text or a CSV, into rows of (group
//! heading, name, plain text), every problem with its line. See [`parse`] and [`plain_text`].

use crate::catalog as m;
use crate::model::{Date, parse_date};
use crate::msg::Msg;

/// The largest table accepted, in bytes (the real report is about 150 kB).
pub const MAX_TABLE_BYTES: usize = 32 * 1024 * 1024;

/// A table read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The date of the 「資料時間」 line, if the table has one.
    pub as_of: Option<Date>,
    /// The rows, one per case, in the table's order.
    pub rows: Vec<Row>,
}

/// One case's row, with its continuation rows joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line where the row starts.
    pub line: usize,
    /// The group heading (or `組別` column) the row is under, as written, without its numbering.
    pub group: Option<String>,
    /// The line of that heading.
    pub group_line: usize,
    /// The case's name as written (markup removed, spacing kept).
    pub name: String,
    /// The progress text: one line per list item or paragraph, ending with a newline (empty when
    /// the row has no text).
    pub text: String,
}

/// A problem with the table itself, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: crate::msg::Msg,
}

/// The input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report's text: cells separated by tabs, one row a line.
    Tsv,
    /// Comma-separated values (RFC 4180; cells may hold line breaks).
    Csv,
}

impl Format {
    /// CSV for a `.csv` file, or for text with no tab whose header row is comma-separated.
    pub fn guess(file_name: &str, text: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            return Format::Csv;
        }
        if lower.ends_with(".tsv") || lower.ends_with(".txt") || text.contains('\t') {
            return Format::Tsv;
        }
        if text
            .lines()
            .any(|l| l.contains(',') && NAME_HEADERS.iter().any(|h| l.contains(h)))
        {
            Format::Csv
        } else {
            Format::Tsv
        }
    }
}

/// Header cells naming the columns (compared after removing spaces, ASCII case ignored).
const NAME_HEADERS: &[&str] = &["方案名稱", "name"];
const TEXT_HEADERS: &[&str] = &["最新辦理情形", "辦理情形", "progress", "text"];
const GROUP_HEADERS: &[&str] = &["組別", "group"];

struct Record {
    line: usize,
    cells: Vec<String>,
}

fn records(text: &str, format: Format) -> Result<Vec<Record>, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Comment lines at the top say where the table came from; they are not part of it.
    let mut skipped = 0;
    let mut rest = text;
    while let Some(first) = rest.split_inclusive('\n').next() {
        let t = first.trim();
        if !(t.starts_with('#') || t.is_empty()) {
            break;
        }
        skipped += 1;
        rest = &rest[first.len()..];
    }
    match format {
        Format::Tsv => Ok(rest
            .lines()
            .enumerate()
            .map(|(i, l)| Record {
                line: skipped + i + 1,
                cells: l
                    .strip_suffix('\r')
                    .unwrap_or(l)
                    .split('\t')
                    .map(str::to_string)
                    .collect(),
            })
            .collect()),
        Format::Csv => {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(rest.as_bytes());
            let mut out = Vec::new();
            // Lines are counted from the previous record on, so the whole count is linear.
            let (mut seen_at, mut seen_lines) = (0usize, 0usize);
            for r in rdr.records() {
                let r = r.map_err(|e| TableError {
                    line: skipped
                        + e.position()
                            .and_then(|p| usize::try_from(p.line()).ok())
                            .unwrap_or(1),
                    message: Msg::new(&m::TABLE_NOT_CSV).text("why", e.to_string()),
                })?;
                // The reader's own line count is off with CRLF line ends: count from the offset.
                let mut at = r
                    .position()
                    .and_then(|p| usize::try_from(p.byte()).ok())
                    .unwrap_or(0)
                    .min(rest.len());
                while matches!(rest.as_bytes().get(at), Some(b'\r' | b'\n')) {
                    at += 1;
                }
                if at >= seen_at {
                    seen_lines += rest.as_bytes()[seen_at..at]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count();
                    seen_at = at;
                }
                let line = skipped + 1 + seen_lines;
                out.push(Record {
                    line,
                    cells: r.iter().map(str::to_string).collect(),
                });
            }
            Ok(out)
        }
    }
}

fn header_key(s: &str) -> String {
    strip_tags(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// The date of a `資料時間：…` line or cell, if it is one.
pub(crate) fn data_time(cell: &str) -> Option<Result<Date, crate::msg::Msg>> {
    let t = cell.trim();
    let rest = t.strip_prefix("資料時間")?;
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let rest = rest.trim_end_matches([')', '）', '。', ' ', '\u{3000}']);
    Some(parse_date(rest))
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// The group of a heading such as `(一) 交通組`, `（二）災防組` or `三、教育文化組`.
fn heading(cell: &str) -> Option<String> {
    let t = cell.trim();
    let (open, rest) = if let Some(r) = t.strip_prefix('(') {
        (true, r)
    } else if let Some(r) = t.strip_prefix('（') {
        (true, r)
    } else {
        (false, t)
    };
    let digits = rest.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    if digits == 0 {
        return None;
    }
    let rest: String = rest.chars().skip(digits).collect();
    let rest = if open {
        rest.strip_prefix(')')
            .or_else(|| rest.strip_prefix('）'))?
            .to_string()
    } else {
        rest.strip_prefix('、')?.to_string()
    };
    let name = rest.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Whether a name leaves a bracket open (it continues on the next row).
fn unbalanced(name: &str) -> bool {
    let mut depth = 0i32;
    for c in name.chars() {
        match c {
            '(' | '（' | '「' | '『' => depth += 1,
            ')' | '）' | '」' | '』' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

struct Builder {
    rows: Vec<(Row, Vec<String>)>,
}

/// Read a progress table. Every problem is returned, each with its line.
pub fn parse(text: &str, format: Format) -> Result<Table, Vec<TableError>> {
    let recs = match records(text, format) {
        Ok(r) => r,
        Err(e) => return Err(vec![e]),
    };
    let mut errors = Vec::new();
    let mut as_of: Option<(Date, usize)> = None;
    let mut group: Option<(String, usize)> = None;
    let (mut name_col, mut text_col, mut group_col) = (0usize, 1usize, None::<usize>);
    // The header row: its line and its number of columns (a row with more filled cells is an error).
    let mut header: Option<(usize, usize)> = None;
    let mut b = Builder { rows: Vec::new() };
    // After a header row (a page break) a row may continue the one before it.
    let mut after_header = false;
    for r in recs {
        let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
        let filled: Vec<&str> = cells
            .iter()
            .copied()
            .filter(|c| !c.trim().is_empty())
            .collect();
        if filled.is_empty() {
            continue;
        }
        let first = strip_tags(cells[0]);
        if filled.len() == 1 && !first.trim().is_empty() {
            if let Some(d) = data_time(&first) {
                match d {
                    Ok(d) => match as_of {
                        Some((prev, line)) if prev != d => errors.push(TableError {
                            line: r.line,
                            message: Msg::new(&m::TABLE_SECOND_DATA_TIME)
                                .date("date", d)
                                .num("line", line)
                                .date("first", prev),
                        }),
                        _ => as_of = Some((d, r.line)),
                    },
                    Err(e) => errors.push(TableError {
                        line: r.line,
                        message: Msg::new(&m::TABLE_DATA_TIME_UNREADABLE).msg("why", e),
                    }),
                }
                continue;
            }
            if let Some(g) = heading(&first) {
                group = Some((g, r.line));
                after_header = false;
                continue;
            }
        }
        let keys: Vec<String> = cells.iter().map(|c| header_key(c)).collect();
        let find = |names: &[&str]| {
            keys.iter()
                .position(|k| names.iter().any(|n| k == &n.to_lowercase()))
        };
        if let (Some(n), Some(t)) = (find(NAME_HEADERS), find(TEXT_HEADERS)) {
            name_col = n;
            text_col = t;
            group_col = find(GROUP_HEADERS);
            after_header = true;
            header = Some((r.line, cells.len()));
            continue;
        }
        if let Some((hline, n)) = header
            && cells.iter().skip(n).any(|c| !c.trim().is_empty())
        {
            errors.push(TableError {
                line: r.line,
                message: Msg::new(&m::TABLE_ROW_TOO_WIDE)
                    .num("cells", cells.len())
                    .num("line", hline)
                    .num("columns", n),
            });
            continue;
        }
        if cells.len() == 1 {
            // A line with no separator: a title above the table is fine, anything inside it is not.
            if !b.rows.is_empty() {
                errors.push(TableError {
                    line: r.line,
                    message: Msg::new(if format == Format::Csv {
                        &m::TABLE_NOT_A_ROW_CSV
                    } else {
                        &m::TABLE_NOT_A_ROW_TAB
                    })
                    .text("text", short(cells[0])),
                });
            }
            continue;
        }
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let name = clean_name(cell(name_col));
        let body = cell(text_col).to_string();
        let row_group = group_col
            .map(|i| clean_name(cell(i)))
            .filter(|g| !g.is_empty())
            .map(|g| (g, r.line))
            .or_else(|| group.clone());
        match b.rows.last_mut() {
            Some((_, chunks)) if name.is_empty() => chunks.push(body),
            None if name.is_empty() => errors.push(TableError {
                line: r.line,
                message: Msg::new(&m::TABLE_ORPHAN_CONTINUATION),
            }),
            Some((prev, chunks))
                if unbalanced(&prev.name)
                    && (after_header || chunks.iter().all(|c| c.trim().is_empty())) =>
            {
                prev.name.push_str(&name);
                chunks.push(body);
            }
            _ => {
                let (g, gl) = row_group.map_or((None, 0), |(g, l)| (Some(g), l));
                b.rows.push((
                    Row {
                        line: r.line,
                        group: g,
                        group_line: gl,
                        name,
                        text: String::new(),
                    },
                    vec![body],
                ));
            }
        }
        after_header = false;
    }
    if errors.is_empty() && header.is_none() {
        errors.push(TableError {
            line: 1,
            message: Msg::new(&m::TABLE_NO_HEADER)
                .list(
                    "names",
                    NAME_HEADERS
                        .iter()
                        .map(|n| Msg::new(&m::YAML_CODE).text("name", *n)),
                )
                .list(
                    "texts",
                    TEXT_HEADERS
                        .iter()
                        .map(|n| Msg::new(&m::YAML_CODE).text("name", *n)),
                ),
        });
    } else if errors.is_empty() && b.rows.is_empty() {
        errors.push(TableError {
            line: header.map_or(1, |(l, _)| l),
            message: Msg::new(&m::TABLE_NO_ROWS),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let rows = b
        .rows
        .into_iter()
        .map(|(mut row, chunks)| {
            row.text = join_chunks(&chunks);
            row
        })
        .collect();
    Ok(Table {
        as_of: as_of.map(|(d, _)| d),
        rows,
    })
}

fn short(s: &str) -> String {
    let t: String = s.trim().chars().take(40).collect();
    if t.chars().count() < s.trim().chars().count() {
        format!("{t}…")
    } else {
        t
    }
}

/// A name cell as plain text: markup removed, entities decoded, spacing collapsed.
pub fn clean_name(cell: &str) -> String {
    decode(&strip_tags(cell))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cell's text with every tag removed (no line breaks).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for seg in segments(s) {
        if !out.is_empty() && !seg.text.is_empty() && seg.block {
            out.push(' ');
        }
        out.push_str(&seg.text);
    }
    out
}

/// A piece of a cell between block tags: its text (inline tags removed) and how it was opened.
struct Segment {
    text: String,
    /// Opened by a block tag (`<p>`, `<li>`, `<br>`, …) rather than starting the cell.
    block: bool,
    /// Opened by `<ul>`: the list's items carry no numbers.
    unordered: bool,
}

const BLOCK_TAGS: &[&str] = &[
    "p", "ol", "ul", "li", "br", "div", "tr", "td", "th", "table", "tbody", "h1", "h2", "h3", "h4",
    "h5", "h6",
];

/// Split a cell at its block tags; inline tags (`<span>`, `<strong>`, …) are dropped.
fn segments(s: &str) -> Vec<Segment> {
    let mut out = vec![Segment {
        text: String::new(),
        block: false,
        unordered: false,
    }];
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let (before, after) = rest.split_at(i);
        if let Some(cur) = out.last_mut() {
            cur.text.push_str(before);
        }
        let tag_end = after.find('>');
        let name: String = after[1..]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let is_tag = tag_end.is_some()
            && !name.is_empty()
            && after[1..]
                .trim_start_matches('/')
                .starts_with(|c: char| c.is_ascii_alphabetic());
        match tag_end {
            Some(end) if is_tag => {
                if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push(Segment {
                        text: String::new(),
                        block: true,
                        unordered: name == "ul" && !after.starts_with("</"),
                    });
                }
                rest = &after[end + 1..];
            }
            _ => {
                if let Some(cur) = out.last_mut() {
                    cur.text.push('<');
                }
                rest = &after[1..];
            }
        }
    }
    if let Some(cur) = out.last_mut() {
        cur.text.push_str(rest);
    }
    out
}

/// Decode HTML character references and drop Markdown backslash escapes (`\$` → `$`), which text
/// extraction leaves in front of punctuation.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['&', '\\']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(t) = tail.strip_prefix('\\') {
            match t.chars().next() {
                Some(c) if c.is_ascii_punctuation() => {
                    out.push(c);
                    rest = &t[c.len_utf8()..];
                }
                _ => {
                    out.push('\\');
                    rest = t;
                }
            }
            continue;
        }
        let semi = tail.find(';').filter(|j| *j <= 10);
        let decoded = semi.and_then(|j| entity(&tail[1..j]).map(|c| (c, j)));
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| !c.is_control() || *c == '\n' || *c == '\t');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "ndash" => '–',
        "mdash" => '—',
        "middot" => '·',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        _ => return None,
    })
}

/// Remove the 【…會議同意新增】 marker: it records an add decision, not progress.
fn remove_add_marker(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('【') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match tail.find('】') {
            Some(j) if tail[..j].ends_with("會議同意新增") => {
                rest = &tail[j + '】'.len_utf8()..]
            }
            _ => {
                out.push('【');
                rest = &tail['【'.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length in bytes of a list-item marker at the start of `s`: `1.`, `12.`, `(1)`, `（1）`, `A.`.
fn marker_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) && b.get(digits) == Some(&b'.') {
        // `5.02 億元` is a number, not an item.
        return (!b.get(digits + 1).is_some_and(u8::is_ascii_digit)).then_some(digits + 1);
    }
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(r) = s.strip_prefix(open) {
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&d) && r[d..].starts_with(close) {
                return Some(open.len() + d + close.len());
            }
        }
    }
    if b.len() >= 2 && b[0].is_ascii_uppercase() && b[1] == b'.' {
        // A letter item is followed by a space (`A. 114 年`); `U.S.` is not an item.
        return s[2..].starts_with(char::is_whitespace).then_some(2);
    }
    None
}

/// Whether a line of plain text starts with a list-item marker.
pub fn starts_item(line: &str) -> bool {
    marker_len(line).is_some_and(|n| !line[n..].trim().is_empty())
}

/// Split a paragraph before every item marker that follows a space (or starts it). A marker written
/// straight after text (「…子項(1)…」) stays inline, as the report writes it.
fn split_items(p: &str, unordered: bool) -> Vec<String> {
    let mut cuts = vec![0];
    let mut prev_space = true;
    for (i, c) in p.char_indices() {
        if prev_space && i > 0 && starts_item(&p[i..]) {
            cuts.push(i);
        }
        // Items of an unnumbered list are told apart only by where a sentence ends and a space follows.
        if unordered && c == '。' {
            let after = &p[i + c.len_utf8()..];
            if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
                cuts.push(i + c.len_utf8());
            }
        }
        prev_space = c.is_whitespace();
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(p.len());
    cuts.windows(2)
        .map(|w| p[w[0]..w[1]].trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A cell as plain lines: each list item (`1.`, `(1)`, `A.`, each `<li>`) and each `<p>` paragraph
/// on its own line; tags removed; entities decoded; the 【…會議同意新增】 marker removed; nothing else
/// changed.
pub fn plain_lines(cell: &str) -> Vec<String> {
    let cell = remove_add_marker(cell);
    let mut out = Vec::new();
    for seg in segments(&cell) {
        let text = decode(&seg.text);
        for para in text.split('\n') {
            out.extend(split_items(para, seg.unordered));
        }
    }
    out
}

/// A cell as the text of a progress entry (lines joined, ending with a newline; empty if no text).
pub fn plain_text(cell: &str) -> String {
    join_chunks(&[cell.to_string()])
}

/// The text of a row wrapped over several rows: a continuation that does not start a new item goes
/// on the line it interrupts (a page break cut it).
fn join_chunks(chunks: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (i, c) in chunks.iter().enumerate() {
        let mut more = plain_lines(c).into_iter();
        if i > 0
            && let Some(last) = lines.last_mut()
            && let Some(first) = more.next()
        {
            if starts_item(&first) {
                lines.push(first);
            } else {
                last.push_str(&first);
            }
        }
        lines.extend(more);
    }
    if lines.is_empty() {
        String::new()
    } else {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    }
}

/// The names to try for a row, best first: the name as written, then without each trailing note in
/// brackets that quotes another name (「(共同議題—「氣候變遷因應及調適」)」, 「(原「…」併入本項辦理)」).
/// A bracket that quotes nothing (「捷運民汐線(臺北市段)」) is part of the name and stays.
pub fn name_candidates(name: &str) -> Vec<String> {
    let mut out = vec![name.trim().to_string()];
    let mut cur = name.trim().to_string();
    while cur.ends_with([')', '）']) {
        let mut depth = 0i32;
        let mut open = None;
        for (i, c) in cur.char_indices().rev() {
            match c {
                ')' | '）' => depth += 1,
                '(' | '（' => {
                    depth -= 1;
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(i) = open else { break };
        if !cur[i..].contains('「') || i == 0 {
            break;
        }
        cur = cur[..i].trim_end().to_string();
        out.push(cur.clone());
    }
    out
}
