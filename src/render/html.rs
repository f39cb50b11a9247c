//! The progress report as one self-contained HTML file. Pure.
//!
//! Inline CSS only: no script, no external font, image or style sheet, so the file can be mailed or
//! archived as it is. On a narrow screen the case tables become stacked cards (each cell labelled);
//! printed, pages are A4 with the table header repeated and rows kept whole where they fit. The
//! chart of meetings is an inline SVG (`svg.rs`).

use super::report::{
    CASES_HEADER, GroupReport, HISTORY_HEADER, LineKind, Report, SUMMARY_HEADER, SummaryRow,
    UNCONFIRMED_HEADER, UNCONFIRMED_HEADING,
};
use super::svg::{self, esc};
use std::fmt::Write as _;

const CSS: &str = r#"
:root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #c8c8c8; --head: #eef1f5; --mark: #b71c1c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 16px 20px 40px; color: var(--ink);
  font-family: "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
  font-size: 15px; line-height: 1.6; }
h1 { font-size: 1.5em; margin: .4em 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid var(--ink); }
.as-of { color: var(--muted); margin: 0 0 1em; }
.note { color: var(--muted); font-size: .9em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; background: #f7f7f7; }
table.summary { max-width: 760px; }
td.date { white-space: nowrap; }
table.cases td:nth-child(1) { width: 24%; }
table.cases td:nth-child(2):not(:last-child) { width: 14%; white-space: nowrap; }
.name { font-weight: 600; }
.sub { display: block; color: var(--muted); font-size: .9em; }
.marker { color: var(--mark); font-weight: 600; margin: 0 0 .3em; }
.pnote { color: var(--muted); margin: 0 0 .3em; }
ul.lines { list-style: none; margin: 0; padding: 0; }
ul.lines li { margin: 0 0 .25em; }
ul.lines li.l2 { padding-left: 1.5em; }
ul.lines li.l3 { padding-left: 3em; }
figure { margin: 0 0 1em; }
svg.chart { max-width: 720px; height: auto; display: block; }
svg.chart text { fill: var(--ink); }
th, td.num { word-break: keep-all; }
thead th { white-space: nowrap; }
.when { display: none; color: var(--muted); font-weight: normal; font-size: .85em; }
.hbars { display: none; margin: 0 0 .5em; }
.hb-legend { display: flex; gap: 12px; font-size: .85em; color: var(--muted); margin: 0 0 .4em; }
.hb-legend i, .hb-bar { display: inline-block; height: 10px; border-radius: 2px; }
.hb-legend i { width: 10px; margin-right: 4px; }
.hb-meeting { margin: 0 0 .7em; }
.hb-label { font-weight: 600; }
.hb-label span { color: var(--muted); font-weight: normal; font-size: .85em; margin-left: .4em; }
.hb-row { display: flex; align-items: center; gap: 6px; font-size: .85em; line-height: 1.3; }
.hb-key { flex: 0 0 4.5em; color: var(--muted); }
.hb-track { flex: 1 1 auto; }
.hb-val { flex: 0 0 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.add { background: #2e7d32; } .delist { background: #c62828; } .ongoing { background: #1565c0; }
@media screen and (max-width: 600px) {
  svg.chart { display: none; }
  .hbars { display: block; }
  table.meetings td.date, table.meetings th.date { display: none; }
  table.meetings .when { display: block; }
  th, td { padding: 5px 6px; }
}
@media screen and (max-width: 720px) {
  body { padding: 10px 12px 32px; font-size: 15px; }
  table.cases, table.cases tbody, table.cases tr, table.cases td { display: block; width: auto !important; }
  table.cases thead { display: none; }
  table.cases tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 12px; padding: 8px 10px;
    background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
  table.cases td { border: none; padding: 4px 0; white-space: normal; }
  table.cases td::before { content: attr(data-label); display: block; color: var(--muted);
    font-size: .8em; font-weight: 600; }
  table.cases td:first-child::before { content: none; }
  table.cases td:first-child .name { font-size: 1.05em; }
}
@page { size: A4; margin: 16mm 12mm 16mm;
  @bottom-right { content: "第 " counter(page) " 頁，共 " counter(pages) " 頁"; font-size: 8pt; color: #444; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.45; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, .marker, .hb-meeting { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  svg.chart { max-width: 170mm; }
}
"#;

/// CSS string text: quotes and backslashes escaped, no line breaks.
fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r', '<', '>'], " ")
}

/// The printed page's header: the platform's name and 資料時間, in the top margin.
fn page_css(r: &Report) -> String {
    let name = r
        .title
        .trim_end_matches("合作方案辦理情形")
        .trim_matches(['「', '」']);
    format!(
        "@page {{ @top-left {{ content: \"{}\"; font-size: 8pt; color: #444; }} \
         @top-right {{ content: \"資料時間：{}\"; font-size: 8pt; color: #444; }} }}",
        css_string(name),
        css_string(&r.as_of.roc_long())
    )
}

/// The meetings as horizontal bars in HTML, for narrow screens: text at the page's size, bars
/// scaled to the largest number.
fn hbars(s: &mut String, r: &Report) {
    let max = r
        .history
        .iter()
        .flat_map(|m| [m.added, m.delisted, m.ongoing])
        .flatten()
        .max()
        .unwrap_or(0)
        .max(1);
    s.push_str("<div class=\"hbars\">\n<div class=\"hb-legend\">");
    for ((label, _), class) in svg::SERIES.iter().zip(["add", "delist", "ongoing"]) {
        let _ = write!(s, "<span><i class=\"{class}\"></i>{label}</span>");
    }
    s.push_str("</div>\n");
    for m in &r.history {
        let c = m.cells();
        let _ = write!(
            s,
            "<div class=\"hb-meeting\"><div class=\"hb-label\">{}<span>{}</span></div>",
            esc(&c[0]),
            esc(&c[1])
        );
        for ((value, (label, _)), class) in [m.added, m.delisted, m.ongoing]
            .into_iter()
            .zip(svg::SERIES)
            .zip(["add", "delist", "ongoing"])
        {
            // An unknown count has no bar and reads 「不詳」, never 0.
            let Some(value) = value else {
                let _ = write!(
                    s,
                    "<div class=\"hb-row\"><span class=\"hb-key\">{label}</span><span class=\"hb-track\"></span><span class=\"hb-val\">不詳</span></div>"
                );
                continue;
            };
            let pct = value * 100 / max;
            let _ = write!(
                s,
                "<div class=\"hb-row\"><span class=\"hb-key\">{label}</span><span class=\"hb-track\">\
                 <span class=\"hb-bar {class}\" style=\"width: {pct}%\"></span></span><span class=\"hb-val\">{value}</span></div>"
            );
        }
        s.push_str("</div>\n");
    }
    s.push_str("</div>\n");
}

/// The level of a progress line, for indentation: 「1.」 0, 「(1)」 1, 「A.」 2.
fn level(line: &str) -> u8 {
    let t = line.trim_start();
    let mut c = t.chars();
    match (c.next(), c.next()) {
        (Some('(' | '（'), Some(d)) if d.is_ascii_digit() || d.is_numeric() => 2,
        (Some(a), Some('.' | '．')) if a.is_ascii_uppercase() => 3,
        _ => 1,
    }
}

fn summary_row(s: &mut String, r: &SummaryRow, label: &str) {
    let c = r.cells();
    let _ = write!(s, "<tr><th scope=\"row\">{}</th>", esc(label));
    for (i, v) in c.iter().enumerate().skip(1) {
        let _ = write!(
            s,
            "<td class=\"num\" data-label=\"{}\">{}</td>",
            SUMMARY_HEADER[i],
            esc(v)
        );
    }
    s.push_str("</tr>\n");
}

fn group(s: &mut String, g: &GroupReport, r: &Report, cities: bool) {
    let _ = writeln!(
        s,
        "<section class=\"group\" id=\"group-{}\">\n<h2>{}</h2>",
        g.number,
        esc(&g.heading())
    );
    if let Some(l) = g.lights_line() {
        let _ = writeln!(s, "<p class=\"note\">{}</p>", esc(&l));
    }
    if g.rows.is_empty() {
        s.push_str("<p class=\"note\">本組無列管中之方案。</p>\n</section>\n");
        return;
    }
    s.push_str("<table class=\"cases\">\n<thead><tr>");
    for (i, h) in CASES_HEADER.iter().enumerate() {
        if i != 1 || cities {
            let _ = write!(s, "<th scope=\"col\">{h}</th>");
        }
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &g.rows {
        let _ = write!(
            s,
            "<tr id=\"case-{}\">\n<td data-label=\"{}\"><span class=\"name\">{}</span>",
            esc(&row.id),
            CASES_HEADER[0],
            esc(&row.name)
        );
        for (id, name) in &row.subcases {
            let _ = write!(
                s,
                "<span class=\"sub\" id=\"case-{}\">子案：{}</span>",
                esc(id),
                esc(name)
            );
        }
        if cities {
            let _ = write!(s, "</td>\n<td data-label=\"{}\">", CASES_HEADER[1]);
            let lines: Vec<String> = row.city_lines().iter().map(|l| esc(l)).collect();
            s.push_str(&lines.join("<br>"));
        }
        let _ = write!(s, "</td>\n<td data-label=\"{}\">", CASES_HEADER[2]);
        let mut open = false;
        for (kind, line) in row.progress_lines(r.as_of) {
            match kind {
                LineKind::Text => {
                    if !open {
                        s.push_str("<ul class=\"lines\">");
                        open = true;
                    }
                    let _ = write!(s, "<li class=\"l{}\">{}</li>", level(&line), esc(&line));
                }
                LineKind::Marker | LineKind::Note => {
                    if open {
                        s.push_str("</ul>");
                        open = false;
                    }
                    let class = if kind == LineKind::Marker {
                        "marker"
                    } else {
                        "pnote"
                    };
                    let _ = write!(s, "<p class=\"{class}\">{}</p>", esc(&line));
                }
            }
        }
        if open {
            s.push_str("</ul>");
        }
        s.push_str("</td>\n</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}

/// The report as a complete HTML document.
pub fn html(r: &Report) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}{}\n</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n\
         <p class=\"as-of\">資料時間：{}</p>\n</header>\n<main>\n",
        esc(&r.title),
        page_css(r),
        esc(&r.title),
        esc(&r.as_of.roc_long())
    );
    s.push_str("<section id=\"summary\">\n<h2>總覽</h2>\n<div class=\"scroll\">\n<table class=\"summary\">\n<thead><tr>");
    for (i, h) in SUMMARY_HEADER.iter().enumerate() {
        let class = if i == 0 { "" } else { " class=\"num\"" };
        let _ = write!(s, "<th scope=\"col\"{class}>{h}</th>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &r.summary {
        summary_row(&mut s, row, &row.group);
    }
    s.push_str("</tbody>\n");
    if let Some(t) = &r.total {
        s.push_str("<tfoot>\n");
        summary_row(&mut s, t, "合計");
        s.push_str("</tfoot>\n");
    }
    let _ = writeln!(
        s,
        "</table>\n</div>\n<p class=\"note\">{}</p>\n</section>",
        esc(&r.summary_note())
    );
    if !r.history.is_empty() {
        s.push_str("<section id=\"meetings\">\n<h2>歷次會議</h2>\n<figure>\n");
        s.push_str(&svg::chart(&r.history, "歷次會議新增、解列及持續列管案數"));
        s.push('\n');
        hbars(&mut s, r);
        s.push_str("\n<figcaption class=\"note\">");
        s.push_str(&esc(Report::history_note()));
        s.push_str("</figcaption>\n</figure>\n<div class=\"scroll\">\n<table class=\"meetings\">\n<thead><tr>");
        for (i, h) in HISTORY_HEADER.iter().enumerate() {
            let class = match i {
                0 => "",
                1 => " class=\"date\"",
                _ => " class=\"num\"",
            };
            let _ = write!(s, "<th scope=\"col\"{class}>{h}</th>");
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for m in &r.history {
            let c = m.cells();
            let _ = write!(
                s,
                "<tr><th scope=\"row\">{}<span class=\"when\">{}</span></th><td class=\"date\">{}</td>",
                esc(&c[0]),
                esc(&c[1]),
                esc(&c[1])
            );
            for v in &c[2..] {
                let _ = write!(s, "<td class=\"num\">{}</td>", esc(v));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n</div>\n");
        if !r.statements.is_empty() {
            s.push_str("<ul class=\"note\">\n");
            for st in &r.statements {
                let _ = writeln!(s, "<li>{}</li>", esc(st));
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n");
    }
    let cities = r.has_cities();
    for g in &r.groups {
        group(&mut s, g, r, cities);
    }
    if !r.unconfirmed.is_empty() {
        let _ = writeln!(
            s,
            "<section id=\"unconfirmed\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n<div class=\"scroll\">\n<table>\n<thead><tr>",
            esc(UNCONFIRMED_HEADING),
            esc(&r.unconfirmed_note())
        );
        for h in UNCONFIRMED_HEADER {
            let _ = write!(s, "<th scope=\"col\">{h}</th>");
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for u in &r.unconfirmed {
            s.push_str("<tr>");
            for c in u.cells() {
                let _ = write!(s, "<td>{}</td>", esc(&c));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert_eq!(level("1. 甲"), 1);
        assert_eq!(level("(1) 乙"), 2);
        assert_eq!(level("（2）丙"), 2);
        assert_eq!(level("A. 丁"), 3);
        assert_eq!(level("本案"), 1);
    }

    #[test]
    fn a_self_contained_document() {
        let h = html(&crate::render::report::sample());
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(!h.contains("<script"));
        assert!(!h.contains("http"));
        assert!(h.contains("@page { size: A4;"));
        assert!(h.contains("<tr id=\"case-TR-001\">"));
        assert!(h.contains("A|B &lt;x&gt; &amp; y"));
        assert!(h.contains(
            "<p class=\"marker\">【114 年 12 月 22 日第 2 次副市長層級會議同意新增】</p>"
        ));
        assert!(h.contains(
            "<ul class=\"lines\"><li class=\"l1\">1. 甲</li><li class=\"l1\">2. 乙</li></ul>"
        ));
        assert!(h.contains("<p class=\"pnote\">無辦理情形</p>"));
        assert_eq!(h.matches("<svg").count(), 1);
    }
}
