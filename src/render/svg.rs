//! A small inline SVG bar chart: added / delisted / ongoing per meeting, for the HTML report. Pure.
//!
//! One group of three bars per meeting (oldest first), a value above each bar, a y axis with a few
//! round ticks, the meeting as the minutes call it (「第 6 次」「副市長層級」) and its ROC year/month
//! under each group, and a legend. Every text is
//! escaped; the SVG has no namespace URL (an inline `<svg>` in HTML needs none) and no script.

use super::report::MeetingPoint;
use chrono::Datelike;
use std::fmt::Write as _;

/// Fill colours of the three series, in legend order, and their labels.
pub const SERIES: [(&str, &str); 3] = [
    ("新增", "#2e7d32"),
    ("解列", "#c62828"),
    ("持續列管", "#1565c0"),
];

/// Text escaped for XML and HTML: `&`, `<`, `>`, quotes; control characters XML forbids are dropped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A meeting's label in two short lines, as the minutes call it: 「第 6 次」 and 「副市長層級」 from
/// 「第 6 次副市長層級會議」; a meeting without a number goes by the name in its 「…」 (at most 7
/// characters), else the first 7 characters of its label.
pub fn short_label(label: &str) -> (String, String) {
    let cut = |s: &str| -> String {
        if s.chars().count() > 7 {
            format!("{}…", s.chars().take(6).collect::<String>())
        } else {
            s.to_string()
        }
    };
    if let Some(i) = label.find('第')
        && let Some(j) = label[i..].find('次')
    {
        let end = i + j + '次'.len_utf8();
        let rest = label[end..].trim();
        let rest = rest.strip_suffix("會議").unwrap_or(rest).trim();
        return (label[i..end].to_string(), cut(rest));
    }
    if let Some(a) = label.find('「')
        && let Some(b) = label[a..].find('」')
    {
        return (cut(&label[a + '「'.len_utf8()..a + b]), String::new());
    }
    (cut(label), String::new())
}

/// A round step for about five ticks up to `max`.
fn step(max: usize) -> usize {
    let raw = max.div_ceil(5).max(1);
    let mut unit = 1;
    while unit * 10 <= raw {
        unit *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * unit)
        .find(|s| *s >= raw)
        .unwrap_or(raw)
}

/// The chart as an `<svg>` element (no XML declaration), scaled to its container's width.
pub fn chart(points: &[MeetingPoint], title: &str) -> String {
    const W: f64 = 720.0;
    const H: f64 = 300.0;
    const LEFT: f64 = 44.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 40.0;
    const BOTTOM: f64 = 60.0;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let max = points
        .iter()
        .flat_map(|p| [p.added, p.delisted, p.ongoing])
        .flatten()
        .max()
        .unwrap_or(0)
        .max(1);
    let step = step(max);
    let top = max.div_ceil(step) * step;
    #[allow(clippy::cast_precision_loss)]
    let y = |v: usize| TOP + plot_h - plot_h * (v as f64) / (top as f64);
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\" font-size=\"12\">\n\
         <title id=\"chart-title\">{}</title>\n",
        esc(title)
    );
    // Legend.
    let mut lx = LEFT;
    for (label, colour) in SERIES {
        let _ = writeln!(
            s,
            "<rect x=\"{lx}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"20\">{}</text>",
            lx + 16.0,
            esc(label)
        );
        lx += 96.0;
    }
    // Axis and grid.
    let mut v = 0;
    while v <= top {
        let yy = y(v);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{}\" y2=\"{yy:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
            W - RIGHT,
            LEFT - 6.0,
            yy + 4.0
        );
        v += step;
    }
    let _ = writeln!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{:.1}\" stroke=\"#555\"/>\
         <line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{}\" y2=\"{:.1}\" stroke=\"#555\"/>",
        TOP + plot_h,
        TOP + plot_h,
        W - RIGHT,
        TOP + plot_h
    );
    let _ = writeln!(
        s,
        "<text x=\"12\" y=\"{:.1}\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\">案數</text>",
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0
    );
    // Bars.
    #[allow(clippy::cast_precision_loss)]
    let gw = plot_w / points.len().max(1) as f64;
    let bw = (gw * 0.8 / 3.0).min(26.0);
    for (i, p) in points.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let gx = LEFT + gw * i as f64 + (gw - bw * 3.0) / 2.0;
        for (k, (value, (label, colour))) in [p.added, p.delisted, p.ongoing]
            .into_iter()
            .zip(SERIES)
            .enumerate()
        {
            #[allow(clippy::cast_precision_loss)]
            let x = gx + bw * k as f64;
            // An unknown count has no bar: a dashed outline on the axis and 「不詳」, never a 0.
            let Some(value) = value else {
                let _ = writeln!(
                    s,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"3\" fill=\"none\" stroke=\"{colour}\" stroke-dasharray=\"2 2\">\
                     <title>{} {}：不詳</title></rect>\
                     <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" writing-mode=\"tb\">不詳</text>",
                    TOP + plot_h - 3.0,
                    bw - 2.0,
                    esc(&p.label),
                    esc(label),
                    x + (bw - 2.0) / 2.0,
                    TOP + plot_h - 30.0
                );
                continue;
            };
            let yy = y(value);
            let _ = writeln!(
                s,
                "<rect x=\"{x:.1}\" y=\"{yy:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\">\
                 <title>{} {}：{value}</title></rect>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">{value}</text>",
                bw - 2.0,
                TOP + plot_h - yy,
                esc(&p.label),
                esc(label),
                x + (bw - 2.0) / 2.0,
                yy - 3.0
            );
        }
        let cx = gx + bw * 1.5;
        let when = p.date.map_or_else(
            || "日期不詳".to_string(),
            |d| format!("{}/{}", d.0.year() - 1911, d.0.month()),
        );
        let (first, second) = short_label(&p.label);
        let _ = writeln!(
            s,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
             <text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">{}</text>\
             <text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">{}</text>",
            TOP + plot_h + 16.0,
            esc(&first),
            TOP + plot_h + 30.0,
            esc(&second),
            TOP + plot_h + 44.0,
            esc(&when)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_count_has_no_bar_and_no_number() {
        let r = crate::render::report::sample();
        let svg = chart(&r.history, "t");
        // vm-2's delist and ongoing are unknown: two dashed markers labelled 不詳, no bar of 0.
        assert_eq!(svg.matches("stroke-dasharray").count(), 2, "{svg}");
        assert_eq!(svg.matches(">不詳</text>").count(), 2);
        assert!(
            svg.contains("<title>第 2 次副市長層級會議 解列：不詳</title>"),
            "{svg}"
        );
        assert!(!svg.contains("第 2 次副市長層級會議 解列：0</title>"));
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(step(1), 1);
        assert_eq!(step(7), 2);
        assert_eq!(step(24), 5);
        assert_eq!(step(32), 10);
        assert_eq!(step(120), 50);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&#39;c");
        let svg = chart(&crate::render::report::sample().history, "<x>");
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains("<title id=\"chart-title\">&lt;x&gt;</title>"));
        assert!(!svg.contains("http"));
        // The legend, and three bars or markers for each of the two meetings.
        assert_eq!(svg.matches("<rect ").count(), 3 + 3 + 3);
    }

    #[test]
    fn meetings_go_by_their_numbers() {
        assert_eq!(
            short_label("第 6 次副市長層級會議"),
            ("第 6 次".to_string(), "副市長層級".to_string())
        );
        assert_eq!(
            short_label("第2次市長層級會議"),
            ("第2次".to_string(), "市長層級".to_string())
        );
        assert_eq!(
            short_label("「友好連結・攜手共好」基北北桃合作交流平臺會議"),
            ("友好連結・攜…".to_string(), String::new())
        );
        assert_eq!(short_label("會議"), ("會議".to_string(), String::new()));
        let svg = chart(&crate::render::report::sample().history, "t");
        assert!(svg.contains(">第 2 次</text>"), "{svg}");
        assert!(!svg.contains("vm-2"), "{svg}");
    }

    #[test]
    fn no_meetings_still_draws_axes() {
        let svg = chart(&[], "t");
        assert!(svg.ends_with("</svg>"));
    }
}
