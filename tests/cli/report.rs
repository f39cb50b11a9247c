//! `kbbt report`: the progress report of the shipped register as Markdown (pinned), HTML and flat ODF
//! (checked for structure, and rendered by a browser and an office suite when they are installed),
//! and on small registers as of other dates.

use crate::support::{HW001, Reg, Run, TR001, TR002, office_to_pdf, on_path, repo, shipped};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn report(args: &[&str]) -> Run {
    let mut all = vec!["report", "--as-of", "2025-12-31"];
    all.extend_from_slice(args);
    let out = shipped(&all);
    out.assert_code(0);
    out
}

/// A small well-formedness check for the HTML and XML kbbt writes: every element opened is closed,
/// in order (HTML's void elements excepted); every `&` starts an entity. Returns the start tags, in
/// document order, as (name, attributes).
fn check_tags(doc: &str, html: bool) -> Result<Vec<(String, String)>, String> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr",
    ];
    fn entities(text: &str) -> Result<(), String> {
        for (i, _) in text.match_indices('&') {
            let rest = &text[i + 1..];
            let end = rest
                .find(';')
                .ok_or_else(|| format!("a bare `&` in {text:?}"))?;
            let name = &rest[..end];
            let ok = (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
                || name
                    .strip_prefix('#')
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return Err(format!("a bad entity `&{name};`"));
            }
        }
        Ok(())
    }
    let mut stack: Vec<String> = Vec::new();
    let mut tags = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find('<') {
        entities(&rest[..i])?;
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or("an unclosed comment")?;
            rest = &r[end + 3..];
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').ok_or("an unclosed declaration")?;
            rest = &rest[end + 1..];
            continue;
        }
        // The tag ends at the first `>` outside quotes.
        let mut quote = None;
        let end = rest
            .char_indices()
            .find(|(_, c)| match quote {
                Some(q) if *c == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if *c == '"' || *c == '\'' => {
                    quote = Some(*c);
                    false
                }
                None => *c == '>',
            })
            .map(|(i, _)| i)
            .ok_or("an unclosed tag")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("`</{name}>` closes {other:?}")),
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '-')
        {
            return Err(format!("a bad tag name in `<{tag}>`"));
        }
        entities(attrs)?;
        tags.push((name.to_string(), attrs.to_string()));
        if html && name == "style" {
            // Raw text up to its end tag.
            let end = rest.find("</style>").ok_or("an unclosed <style>")?;
            rest = &rest[end + "</style>".len()..];
            continue;
        }
        let void = html && VOID.contains(&name);
        if !self_closing && !void {
            stack.push(name.to_string());
        }
    }
    entities(rest)?;
    if stack.is_empty() {
        Ok(tags)
    } else {
        Err(format!("unclosed elements: {stack:?}"))
    }
}

/// The value of attribute `name` in a start tag's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = attrs.find(&key)? + key.len();
    attrs[at..].split('"').next()
}

/// The cases ongoing on 2025-12-31, by id, as `kbbt list` gives them (a case counts once it has a
/// history entry on or before the date).
/// The cases the published progress report of 2025-12-31 lists: those with progress of that date
/// (the import of that report wrote it), sub-cases apart.
fn listed_on_2025_12_31() -> BTreeSet<String> {
    let out = shipped(&["list", "--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("list JSON");
    v.as_array()
        .expect("an array of cases")
        .iter()
        .filter(|c| c["parent"].is_null())
        .filter(|c| {
            c["progress"]
                .as_array()
                .is_some_and(|p| p.iter().any(|e| e["as_of"] == "2025-12-31"))
        })
        .map(|c| c["id"].as_str().expect("an id").to_string())
        .collect()
}

/// The ten cases recorded decisions keep ongoing but the 2025-12-31 listing leaves out.
const UNCONFIRMED: [&str; 10] = [
    "EN-005", "EN-010", "HW-016", "IN-015", "IN-016", "TC-001", "TC-011", "TR-011", "TR-014",
    "TR-016",
];

#[test]
fn markdown_of_the_shipped_register_is_pinned() {
    let out = report(&[]);
    let want = std::fs::read_to_string(repo().join("tests/fixtures/report-2025-12-31.md"))
        .expect("read the pinned report");
    assert!(
        out.stdout == want,
        "the report differs from tests/fixtures/report-2025-12-31.md; if the change is right, \
         regenerate it with `kbbt report --as-of 2025-12-31 > tests/fixtures/report-2025-12-31.md`\n{}",
        similar::TextDiff::from_lines(&want, &out.stdout)
            .unified_diff()
            .header("pinned", "kbbt")
    );
    // The same with the ROC date typed.
    assert_eq!(
        shipped(&["report", "--as-of", "114年12月31日"]).stdout,
        want
    );
}

#[test]
fn html_is_one_self_contained_well_formed_page() {
    let out = report(&["--format", "html"]);
    let h = &out.stdout;
    let tags = check_tags(h, true).unwrap_or_else(|e| panic!("not well formed: {e}"));
    let count = |name: &str| tags.iter().filter(|(n, _)| n == name).count();
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert_eq!(count("svg"), 1);
    assert_eq!(count("script"), 0);
    assert_eq!(count("link"), 0);
    assert_eq!(count("img"), 0);
    assert!(
        !h.contains("http://") && !h.contains("https://"),
        "an external URL"
    );
    assert!(!h.contains("url("), "an external resource in CSS");
    let cases_tables = tags
        .iter()
        .filter(|(n, a)| n == "table" && attr(a, "class") == Some("cases"))
        .count();
    assert_eq!(cases_tables, 8, "one table per group");
    assert!(h.contains("@page { size: A4;"));
    assert!(h.contains("@media screen and (max-width: 720px)"));
    assert!(h.contains("<title>「基北北桃合作交流平臺」合作方案辦理情形</title>"));
    assert!(h.contains("資料時間：中華民國 114 年 12 月 31 日"));
    assert_eq!(
        h.matches("<p class=\"marker\">【114 年 12 月 22 日第 6 次副市長層級會議同意新增】</p>")
            .count(),
        11
    );
}

#[test]
fn the_report_lists_exactly_the_published_56_and_the_unconfirmed_in_an_annex() {
    let want = listed_on_2025_12_31();
    assert_eq!(want.len(), 56);
    let out = report(&["--format", "html"]);
    let tags = check_tags(&out.stdout, true).expect("well formed");
    let ids = |element: &str| -> Vec<String> {
        tags.iter()
            .filter(|(n, _)| n == element)
            .filter_map(|(_, a)| attr(a, "id")?.strip_prefix("case-").map(str::to_string))
            .collect()
    };
    let rows: BTreeSet<String> = ids("tr").into_iter().collect();
    assert_eq!(rows, want);
    assert_eq!(ids("span"), ["UD-004"], "the sub-case under its parent");
    // The annex: exactly the ten, each with the listing that leaves it out.
    let annex = &out.stdout[out
        .stdout
        .find("<section id=\"unconfirmed\">")
        .expect("an annex")..];
    for id in UNCONFIRMED {
        assert!(
            annex.contains(&format!("<td>{id}</td>")),
            "{id} not in the annex"
        );
        assert!(!rows.contains(id));
    }
    assert_eq!(annex.matches("<tr><td>").count(), 10);
    // The Markdown: every listed case has its progress, the totals are the published ones, and
    // vm-6's unknown delists are 「不詳」, never 0.
    let md = report(&[]).stdout;
    assert_eq!(md.matches("| 無辦理情形 |").count(), 0);
    assert!(md.contains("| 合計 | 56 | 11 | 不詳 | 141 |"), "{md}");
    assert!(md.contains("| 第 6 次副市長層級會議 | 114 年 12 月 22 日 | 11 | 不詳 | 不詳 |"));
    assert!(md.contains("載解列 7 案、新增 11 案、持續列管 45 案、處理案件 63 案"));
    assert!(md.contains("\n## 附錄：未確認之案件\n"));
}

#[test]
fn the_founding_meeting_states_no_ongoing_count() {
    let md = report(&[]).stdout;
    assert!(
        md.contains("| 「友好連結・攜手共好」基北北桃合作交流平臺會議 | 112 年 2 月 11 日 | 9 | 不詳 | 不詳 |"),
        "{md}"
    );
    let html = report(&["--format", "html"]).stdout;
    assert!(
        html.contains(
            "<title>「友好連結・攜手共好」基北北桃合作交流平臺會議 持續列管：不詳</title>"
        ),
        "the chart draws no bar for it"
    );
    assert!(!html.contains("持續列管：45</title>"));
}

#[test]
fn flat_odf_is_well_formed_xml() {
    let out = report(&["--format", "fodt"]);
    let x = &out.stdout;
    assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "));
    let tags = check_tags(x, false).unwrap_or_else(|e| panic!("not well formed: {e}"));
    let (root, attrs) = &tags[0];
    assert_eq!(root, "office:document");
    assert_eq!(
        attr(attrs, "office:mimetype"),
        Some("application/vnd.oasis.opendocument.text")
    );
    for needed in [
        "office:styles",
        "office:body",
        "office:text",
        "table:table",
        "text:h",
    ] {
        assert!(tags.iter().any(|(n, _)| n == needed), "no <{needed}>");
    }
    let tables = tags.iter().filter(|(n, _)| n == "table:table").count();
    assert_eq!(
        tables,
        2 + 8 + 1,
        "the summary, the meetings, one table per group and the annex"
    );
}

#[test]
fn one_group() {
    let out = report(&["--group", "交通"]);
    assert!(out.stdout.contains("\n## (一) 交通組\n"));
    assert!(!out.stdout.contains("## (二)"));
    out.assert_stdout_has("| 交通組 | 12 | 1 | 不詳 | 31 |");
    assert!(!out.stdout.contains("合計"));
    let out = report(&["--group", "HW", "--format", "html"]);
    assert!(out.stdout.contains("<h2>(六) 衛生社福組</h2>"));
    let out = shipped(&["report", "--group", "交通祖"]);
    out.assert_code(2);
    let out = shipped(&["report", "--as-of", "114-13-01"]);
    out.assert_code(2);
}

#[test]
fn output_file_and_refusals() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("report.html");
    let f = file.to_str().expect("a UTF-8 path");
    let out = report(&["--format", "html", "-o", f]);
    assert_eq!(
        out.stdout,
        format!("wrote {f} (56 ongoing cases as of 2025-12-31)\n")
    );
    let written = std::fs::read_to_string(&file).expect("the report file");
    assert_eq!(written, report(&["--format", "html"]).stdout);
    // Never into the register's own files.
    let r = Reg::standard();
    let before = r.snapshot();
    for target in ["cases/TR/x.md", "meetings/vm-9.yaml", "platform.yaml"] {
        let out = r.run(&["report", "-o", target]);
        out.assert_usage_error("register's own files");
    }
    assert_eq!(r.snapshot(), before);
}

#[test]
fn as_of_an_earlier_date_with_older_progress() {
    let r = Reg::standard();
    r.case(
        "TR-001",
        format!(
            "{TR001}progress:\n  - as_of: 2025-06-30\n    text: 二期\n  - as_of: 2024-06-30\n    text: |\n      1. 一期\n      2. 規劃\n"
        ),
    );
    r.case("TR-002", TR002);
    r.case("HW-001", HW001);
    r.validate().assert_code(0);
    // On 2024-12-01 the latest meeting is vm-1, which added all three cases.
    let out = r.run(&["report", "--as-of", "2024-12-01"]);
    out.assert_no_panic().assert_code(0);
    let md = &out.stdout;
    assert!(
        md.starts_with(
            "# 「測試合作交流平臺」合作方案辦理情形\n\n資料時間：中華民國 113 年 12 月 1 日\n"
        ),
        "{md}"
    );
    assert!(md.contains(
        "| 捷運環狀線（北環段）(共同議題—「氣候變遷因應及調適」) | 主辦：臺北市<br>合作：新北市 | \
         【113 年 7 月 11 日第 1 次副市長層級會議同意新增】<br>（資料時間：113 年 6 月 30 日）<br>1. 一期<br>2. 規劃 |"
    ), "{md}");
    assert!(md.contains("| 跨市公車路線整合 | 主辦：新北市 | 【113 年 7 月 11 日第 1 次副市長層級會議同意新增】<br>無辦理情形 |"), "{md}");
    assert!(md.contains("| 交通組 | 2 | 2 | 0 | 2 |"), "{md}");
    // On 2025-12-31 TR-002 is delisted (at vm-2, which added nothing) and TR-001 has newer progress.
    let md = r.run(&["report", "--as-of", "2025-12-31"]).stdout;
    assert!(!md.contains("跨市公車路線整合"), "{md}");
    assert!(
        md.contains("| 主辦：臺北市<br>合作：新北市 | （資料時間：114 年 6 月 30 日）<br>二期 |"),
        "{md}"
    );
    assert!(md.contains("| 交通組 | 1 | 0 | 1 | 2 |"), "{md}");
    // Before any meeting: no case, no meeting.
    let md = r.run(&["report", "--as-of", "2024-01-01"]).stdout;
    assert!(md.contains("資料時間前無會議決議"), "{md}");
    assert!(md.contains("本組無列管中之方案。"), "{md}");
    let h = r
        .run(&["report", "--as-of", "2024-01-01", "--format", "html"])
        .stdout;
    check_tags(&h, true).expect("well formed");
    let x = r
        .run(&["report", "--as-of", "2024-01-01", "--format", "fodt"])
        .stdout;
    check_tags(&x, false).expect("well formed");
}

#[test]
fn text_that_looks_like_markup_is_escaped() {
    let r = Reg::standard();
    r.case(
        "TR-001",
        format!(
            "{TR001}progress:\n  - as_of: 2025-06-30\n    text: \"a <b> & c | d </td> ]]> \\\"q\\\" 'x' https://example.org\"\n"
        ),
    );
    r.validate().assert_code(0);
    let md = r.run(&["report", "--as-of", "2025-12-31"]).stdout;
    assert!(md.contains("a &lt;b&gt; &amp; c \\| d &lt;/td&gt;"), "{md}");
    let h = r
        .run(&["report", "--as-of", "2025-12-31", "--format", "html"])
        .stdout;
    check_tags(&h, true).expect("well formed");
    assert!(h.contains("a &lt;b&gt; &amp; c | d &lt;/td&gt; ]]&gt; &quot;q&quot; &#39;x&#39;"));
    let x = r
        .run(&["report", "--as-of", "2025-12-31", "--format", "fodt"])
        .stdout;
    check_tags(&x, false).expect("well formed");
}

fn write_report(dir: &Path, format: &str, name: &str) -> PathBuf {
    let file = dir.join(name);
    let out = report(&[
        "--format",
        format,
        "-o",
        file.to_str().expect("a UTF-8 path"),
    ]);
    out.assert_code(0);
    file
}

#[test]
fn a_browser_renders_the_html() {
    let Some(chromium) = on_path(&["chromium", "chromium-browser"]) else {
        println!("skipped: chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let html = write_report(dir.path(), "html", "report.html");
    let png = dir.path().join("report.png");
    let profile = dir.path().join("profile");
    let out = assert_cmd::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--window-size=1200,1600")
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run chromium");
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 0,
        "no screenshot; chromium said:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_office_suite_opens_the_flat_odf() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fodt = write_report(dir.path(), "fodt", "report.fodt");
    let Some(said) = office_to_pdf(dir.path(), &[&fodt], 180) else {
        return;
    };
    let pdf = dir.path().join("report.pdf");
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    assert!(
        bytes.starts_with(b"%PDF"),
        "no PDF; libreoffice said:\n{said}"
    );
}

#[test]
fn the_well_formedness_check_catches_mistakes() {
    assert!(check_tags("<p><b>x</b></p>", false).is_ok());
    assert!(check_tags("<p><br><img src=\"a\"></p>", true).is_ok());
    assert!(check_tags("<p><br></p>", false).is_err());
    assert!(check_tags("<p><b>x</p></b>", true).is_err());
    assert!(check_tags("<p>", true).is_err());
    assert!(check_tags("<p>a & b</p>", true).is_err());
    assert!(check_tags("<p>a &amp; b &#39;</p>", true).is_ok());
    assert!(check_tags("<p title=\"a > b\">x</p>", true).is_ok());
    assert!(check_tags("<style>p > b { }</style><p/>", true).is_ok());
}
