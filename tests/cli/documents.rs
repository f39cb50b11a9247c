//! Documents offices accept: the `.odt` package and the `.docx` of the report and the minutes, read
//! back with a ZIP reader and an XML parser; the format chosen from `-o`'s extension; `--font`;
//! `minutes --register-names`.

use crate::support::{Reg, Run, office_to_pdf, shipped};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every entry of a ZIP file: name, compression method, bytes; in the archive's order.
fn entries(file: &Path) -> Vec<(String, zip::CompressionMethod, Vec<u8>)> {
    let f = std::fs::File::open(file).expect("the package");
    let mut z = zip::ZipArchive::new(f).expect("a ZIP archive");
    (0..z.len())
        .map(|i| {
            let mut e = z.by_index(i).expect("an entry");
            let mut data = Vec::new();
            e.read_to_end(&mut data).expect("the entry's bytes");
            (e.name().expect("a name").to_string(), e.compression(), data)
        })
        .collect()
}

fn part<'a>(es: &'a [(String, zip::CompressionMethod, Vec<u8>)], name: &str) -> &'a str {
    let e = es
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    std::str::from_utf8(&e.2).expect("UTF-8")
}

/// Every text node below elements named `text_tag` (any namespace), one string per paragraph.
fn paragraphs(xml: &str, para: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == para)
        .map(|p| {
            p.descendants()
                .filter(roxmltree::Node::is_text)
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

/// The ongoing top-level cases of the shipped register (what the report lists).
fn ongoing_titles() -> BTreeSet<String> {
    let out = shipped(&["list", "--status", "ongoing", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    v.as_array()
        .expect("a list")
        .iter()
        .filter(|c| c["parent"].is_null())
        .map(|c| c["title"].as_str().expect("a title").to_string())
        .collect()
}

fn write(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, Run) {
    let file = dir.join(name);
    let mut all = args.to_vec();
    let f = file.to_str().expect("a UTF-8 path").to_string();
    all.extend(["-o", &f]);
    let out = shipped(&all);
    (file, out)
}

#[test]
fn the_report_as_an_odt_package() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (file, out) = write(dir.path(), "r.odt", &["report", "--as-of", "114-12-31"]);
    out.assert_code(0);
    let raw = std::fs::read(&file).expect("the file");
    // `mimetype` first, stored, no extra field: its content at byte 38.
    assert_eq!(&raw[30..38], b"mimetype");
    assert_eq!(&raw[38..77], b"application/vnd.oasis.opendocument.text");
    let es = entries(&file);
    let names: Vec<&str> = es.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "mimetype",
            "META-INF/manifest.xml",
            "content.xml",
            "styles.xml",
            "meta.xml"
        ]
    );
    assert_eq!(es[0].1, zip::CompressionMethod::Stored);
    assert!(
        es[1..]
            .iter()
            .all(|e| e.1 == zip::CompressionMethod::Deflated)
    );
    for (name, _, data) in &es[1..] {
        let text = std::str::from_utf8(data).expect("UTF-8");
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // The manifest lists every part.
    let manifest = part(&es, "META-INF/manifest.xml");
    for p in ["/", "content.xml", "styles.xml", "meta.xml"] {
        assert!(
            manifest.contains(&format!("manifest:full-path=\"{p}\"")),
            "{manifest}"
        );
    }
    // Every ongoing case is in the content; each table repeats its header and keeps rows whole.
    let content = part(&es, "content.xml");
    let texts: BTreeSet<String> = paragraphs(content, "p").into_iter().collect();
    for t in ongoing_titles() {
        assert!(
            texts.iter().any(|x| x.starts_with(&t)),
            "{t} is not in the report"
        );
    }
    let doc = roxmltree::Document::parse(content).expect("XML");
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "table"
                && n.tag_name()
                    .namespace()
                    .is_some_and(|ns| ns.ends_with(":table:1.0"))
        })
        .collect();
    assert_eq!(
        tables.len(),
        2 + 8 + 1,
        "the summary, the meetings, one per group and the annex"
    );
    for t in &tables {
        assert!(
            t.children()
                .any(|c| c.tag_name().name() == "table-header-rows"),
            "a table without a repeated header"
        );
    }
    assert!(content.contains("fo:keep-together=\"always\""));
    assert!(!content.contains("fo:keep-together=\"auto\""));
    // Page: A4, header with the platform and 資料時間, footer with the day made and page numbers, the font.
    let styles = part(&es, "styles.xml");
    assert!(styles.contains("fo:page-width=\"21.00cm\" fo:page-height=\"29.70cm\""));
    let header = paragraphs(styles, "header").concat();
    assert_eq!(
        header,
        "基北北桃合作交流平臺資料時間：中華民國 114 年 12 月 31 日"
    );
    let footer = paragraphs(styles, "footer").concat();
    assert_eq!(
        footer,
        "製表日期：中華民國 115 年 1 月 5 日第 1 頁，共 1 頁"
    );
    assert!(styles.contains("<text:page-number text:select-page=\"current\">"));
    assert!(styles.contains("<text:page-count>"));
    assert!(styles.contains("style:font-name-asian=\"標楷體\""));
    assert!(styles.contains(
        "svg:font-family=\"標楷體;DFKai-SB;新細明體;PMingLiU;Noto Serif CJK TC;Noto Sans CJK TC\""
    ));
    // Title and dates.
    let meta = part(&es, "meta.xml");
    assert!(meta.contains("<dc:title>「基北北桃合作交流平臺」合作方案辦理情形</dc:title>"));
    assert!(meta.contains("<dc:date>2026-01-05T00:00:00</dc:date>"));
    // The same input makes the same bytes.
    let (again, _) = write(dir.path(), "r2.odt", &["report", "--as-of", "114-12-31"]);
    assert_eq!(std::fs::read(again).expect("the file"), raw);
}

#[test]
fn the_report_as_docx_read_back() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (file, out) = write(
        dir.path(),
        "r.docx",
        &["report", "--as-of", "2025-12-31", "--font", "新細明體"],
    );
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        format!(
            "wrote {} (56 ongoing cases as of 2025-12-31)\n",
            file.display()
        )
    );
    let es = entries(&file);
    assert_eq!(es[0].0, "[Content_Types].xml");
    for (name, _, data) in &es {
        let text = std::str::from_utf8(data).expect("UTF-8");
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Every part the content types and relationships name is there.
    let names: BTreeSet<&str> = es.iter().map(|(n, _, _)| n.as_str()).collect();
    let types = part(&es, "[Content_Types].xml");
    for p in types.split("PartName=\"/").skip(1) {
        let p = &p[..p.find('"').expect("a closing quote")];
        assert!(names.contains(p), "{p} is declared but missing");
    }
    let rels = part(&es, "word/_rels/document.xml.rels");
    for t in rels.split("Target=\"").skip(1) {
        let t = &t[..t.find('"').expect("a closing quote")];
        assert!(
            names.contains(format!("word/{t}").as_str()),
            "{t} is missing"
        );
    }
    let body = part(&es, "word/document.xml");
    let paras = paragraphs(body, "p");
    assert_eq!(paras[0], "「基北北桃合作交流平臺」合作方案辦理情形");
    for t in ongoing_titles() {
        assert!(
            paras.iter().any(|x| x.starts_with(&t)),
            "{t} is not in the docx"
        );
    }
    let doc = roxmltree::Document::parse(body).expect("XML");
    let w = |n: &roxmltree::Node, name: &str| n.tag_name().name() == name;
    let tables = doc.descendants().filter(|n| w(n, "tbl")).count();
    let headers = doc.descendants().filter(|n| w(n, "tblHeader")).count();
    assert_eq!(
        (tables, headers),
        (11, 11),
        "one repeated header row per table"
    );
    let rows = doc.descendants().filter(|n| w(n, "tr")).count();
    let whole = doc.descendants().filter(|n| w(n, "cantSplit")).count();
    assert_eq!(rows, whole, "every row is kept whole");
    let size = doc
        .descendants()
        .find(|n| w(n, "pgSz"))
        .expect("a page size");
    let attr = |n: &roxmltree::Node, a: &str| {
        n.attributes()
            .find(|x| x.name() == a)
            .map(|x| x.value().to_string())
    };
    assert_eq!(attr(&size, "w").as_deref(), Some("11906"));
    assert_eq!(attr(&size, "h").as_deref(), Some("16838"));
    // Header, footer with PAGE and NUMPAGES, the chosen font.
    assert_eq!(
        paragraphs(part(&es, "word/header1.xml"), "p").concat(),
        "基北北桃合作交流平臺資料時間：中華民國 114 年 12 月 31 日"
    );
    let footer = part(&es, "word/footer1.xml");
    assert_eq!(
        paragraphs(footer, "p").concat(),
        "製表日期：中華民國 115 年 1 月 5 日第 1 頁，共 1 頁"
    );
    assert!(footer.contains("w:instr=\" PAGE \"") && footer.contains("w:instr=\" NUMPAGES \""));
    assert!(part(&es, "word/styles.xml").contains("w:eastAsia=\"新細明體\""));
    assert!(
        part(&es, "docProps/core.xml")
            .contains("<dc:title>「基北北桃合作交流平臺」合作方案辦理情形</dc:title>")
    );
}

#[test]
fn the_minutes_as_odt_and_docx() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = shipped(&["minutes", "vm-4"]).stdout;
    let want: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let (odt, out) = write(dir.path(), "m.odt", &["minutes", "vm-4"]);
    out.assert_code(0);
    let es = entries(&odt);
    assert_eq!(es[0].0, "mimetype");
    let content = part(&es, "content.xml");
    let got = paragraphs(content, "p");
    assert_eq!(got, want, "one paragraph a line, as the text");
    // Groups in bold, numbered items with a hanging indent.
    assert!(content.contains("<text:p text:style-name=\"Strong\">(一) 交通組</text:p>"));
    assert!(content.contains("<text:p text:style-name=\"Item\">1. 同意解列 3 案："));
    assert!(content.contains("<text:p text:style-name=\"Text_20_body\">議題小組合作案件"));
    assert_eq!(
        paragraphs(content, "h"),
        ["基北北桃合作交流平臺第 4 次副市長層級會議", "決議事項"]
    );
    let (docx, out) = write(dir.path(), "m.docx", &["minutes", "vm-4"]);
    out.assert_code(0);
    let es = entries(&docx);
    let got = paragraphs(part(&es, "word/document.xml"), "p");
    assert_eq!(got[2..], want[..]);
    assert!(
        paragraphs(part(&es, "word/header1.xml"), "p")
            .concat()
            .ends_with("會議日期：中華民國 113 年 12 月 26 日")
    );
    // Flat ODF too; and the text to a file.
    let (fodt, out) = write(dir.path(), "m.fodt", &["minutes", "vm-4"]);
    out.assert_code(0);
    let x = std::fs::read_to_string(fodt).expect("the file");
    // The page header and footer come first, then the body.
    assert_eq!(paragraphs(&x, "p")[2..], want[..]);
    let (txt, out) = write(dir.path(), "m.txt", &["minutes", "vm-4"]);
    out.assert_code(0);
    assert_eq!(std::fs::read_to_string(txt).expect("the file"), text);
}

#[test]
fn minutes_with_the_registers_names() {
    let plain = shipped(&["minutes", "vm-1"]).stdout;
    assert!(
        plain.contains("「成立基北北桃公共運輸發展平台」"),
        "{plain}"
    );
    let out = shipped(&["minutes", "vm-1", "--register-names"]);
    out.assert_code(0);
    out.assert_stdout_has("「成立基北北桃公共運輸發展平臺」");
    assert!(!out.stdout.contains("發展平台」"));
    // Only names change: the same lines, the same numbers.
    assert_eq!(out.stdout.lines().count(), plain.lines().count());
}

#[test]
fn the_extension_chooses_the_format() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let read = |p: &Path| std::fs::read(p).expect("the file");
    let (html, out) = write(dir.path(), "r.html", &["report", "--as-of", "2025-12-31"]);
    out.assert_code(0);
    assert!(read(&html).starts_with(b"<!DOCTYPE html>"));
    let (md, _) = write(dir.path(), "r.md", &["report", "--as-of", "2025-12-31"]);
    assert!(read(&md).starts_with("# 「基北北桃合作交流平臺」".as_bytes()));
    let (fodt, _) = write(dir.path(), "r.fodt", &["report", "--as-of", "2025-12-31"]);
    assert!(read(&fodt).starts_with(b"<?xml"));
    let (odt, _) = write(dir.path(), "r.ODT", &["report", "--as-of", "2025-12-31"]);
    assert!(read(&odt).starts_with(b"PK\x03\x04"));
    let (docx, _) = write(dir.path(), "r.docx", &["report", "--as-of", "2025-12-31"]);
    assert!(read(&docx).starts_with(b"PK\x03\x04"));
    let (same, out) = write(
        dir.path(),
        "same.html",
        &["report", "--as-of", "2025-12-31", "--format", "html"],
    );
    out.assert_code(0);
    assert_eq!(read(&same), read(&html));
    // Contradictions, formats the command does not write, unknown extensions: usage errors, no file.
    for (name, args, says) in [
        ("a.html", vec!["report", "--format", "odt"], "contradicts"),
        ("b.fodt", vec!["report", "--format", "odt"], "contradicts"),
        ("c.csv", vec!["report"], "does not write csv"),
        ("d.json", vec!["report"], "does not write json"),
        ("e.xyz", vec!["report"], "cannot tell the format"),
        ("f.html", vec!["minutes", "vm-4"], "does not write html"),
        (
            "g.docx",
            vec!["minutes", "vm-4", "--format", "odt"],
            "contradicts",
        ),
    ] {
        let (file, out) = write(dir.path(), name, &args);
        out.assert_code(2);
        out.assert_stderr_has_for(&name, says);
        assert!(!file.exists(), "{name} was written");
    }
    // An explicit format with an extension kbbt does not know is the user's choice.
    let (x, out) = write(dir.path(), "h.xyz", &["report", "--format", "html"]);
    out.assert_code(0);
    assert!(read(&x).starts_with(b"<!DOCTYPE html>"));
    // In Chinese too.
    let (file, out) = write(
        dir.path(),
        "z.html",
        &["--lang", "zh-TW", "report", "--format", "odt"],
    );
    out.assert_code(2);
    assert!(
        out.stderr.starts_with("錯誤：`--format odt` 與檔名"),
        "{}",
        out.stderr
    );
    assert!(!file.exists());
    let (file, out) = write(dir.path(), "z.odt", &["--lang", "zh-TW", "minutes", "vm-4"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        format!("已寫入 {}（vm-4 之決議事項）\n", file.display())
    );
    // Packages are not written to standard output.
    for args in [
        vec!["report", "--format", "odt"],
        vec!["report", "--format", "docx"],
        vec!["minutes", "vm-4", "--format", "docx"],
    ] {
        let out = shipped(&args);
        out.assert_code(2);
        assert!(out.stdout.is_empty());
        out.assert_stderr_has("-o FILE");
    }
}

#[test]
fn documents_of_a_small_register_escape_text() {
    let r = Reg::standard();
    r.write(
        "cases/TR/TR-001.yaml",
        format!(
            "{}progress:\n  - as_of: 2025-06-30\n    text: \"a <b> & c ]]> \\\"q\\\"\"\n",
            crate::support::TR001
        ),
    );
    r.validate().assert_code(0);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["r.odt", "r.docx"] {
        let f = dir.path().join(name);
        let out = r.run(&[
            "report",
            "--as-of",
            "2025-12-31",
            "-o",
            f.to_str().expect("UTF-8"),
        ]);
        out.assert_code(0);
        let es = entries(&f);
        let main = if name.ends_with("odt") {
            "content.xml"
        } else {
            "word/document.xml"
        };
        let paras = paragraphs(part(&es, main), "p");
        assert!(
            paras.iter().any(|p| p == "a <b> & c ]]> \"q\""),
            "{paras:?}"
        );
        // No case of this register names a city? TR-001 does: the column stays.
        assert!(paras.iter().any(|p| p == "主辦：臺北市"), "{paras:?}");
    }
}

#[test]
fn html_for_phones_and_print() {
    let h = shipped(&["report", "--as-of", "2025-12-31", "--format", "html"]).stdout;
    // Meetings go by the minutes' names, never by the register's ids.
    assert!(!h.contains(">vm-"), "an id as a label");
    assert!(h.contains(">第 6 次</text>"));
    assert!(h.contains(
        "<div class=\"hb-label\">第 6 次副市長層級會議<span>114 年 12 月 22 日</span></div>"
    ));
    // On a narrow screen the chart is horizontal bars in HTML (text at the page's size).
    assert!(h.contains("@media screen and (max-width: 600px)"));
    assert!(h.contains("svg.chart { display: none; }"));
    assert_eq!(h.matches("<div class=\"hb-meeting\">").count(), 6);
    assert!(
        h.contains("style=\"width: 100%\""),
        "the largest bar fills its track"
    );
    // Header cells never wrap into one character a line.
    assert!(h.contains("thead th { white-space: nowrap; }"));
    // No case names a city: the column is left out.
    assert!(!h.contains("主辦/合作城市"));
    assert!(!h.contains("data-label=\"主辦/合作城市\""));
    // Printed: page numbers and the running header, rows kept whole.
    assert!(h.contains("content: \"第 \" counter(page) \" 頁，共 \" counter(pages) \" 頁\""));
    assert!(h.contains("@top-left { content: \"基北北桃合作交流平臺\";"));
    assert!(h.contains("@top-right { content: \"資料時間：中華民國 114 年 12 月 31 日\";"));
    assert!(h.contains("tr, figure, .marker, .hb-meeting { break-inside: avoid;"));
    // A register whose cases name cities keeps the column.
    let r = Reg::standard();
    let h = r
        .run(&["report", "--as-of", "2024-12-01", "--format", "html"])
        .stdout;
    assert!(h.contains("<th scope=\"col\">主辦/合作城市</th>"), "{h}");
    assert!(
        h.contains("<td data-label=\"主辦/合作城市\">主辦：臺北市<br>合作：新北市</td>"),
        "{h}"
    );
}

/// Pages of a PDF that LibreOffice wrote (its page objects are not compressed).
fn pdf_pages(pdf: &[u8]) -> usize {
    pdf.windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count()
}

#[test]
fn an_office_suite_opens_the_packages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let args = ["report", "--as-of", "2025-12-31"];
    let (odt, _) = write(dir.path(), "report.odt", &args);
    let (docx, _) = write(dir.path(), "report-word.docx", &args);
    let (minutes, _) = write(dir.path(), "minutes.odt", &["minutes", "vm-4"]);
    let Some(said) = office_to_pdf(dir.path(), &[&odt, &docx, &minutes], 300) else {
        return;
    };
    for (name, at_least) in [("report", 10), ("report-word", 10), ("minutes", 1)] {
        let pdf = std::fs::read(dir.path().join(format!("{name}.pdf"))).unwrap_or_default();
        assert!(
            pdf.starts_with(b"%PDF"),
            "no {name}.pdf; libreoffice said:\n{said}"
        );
        assert!(
            pdf_pages(&pdf) >= at_least,
            "{name}.pdf has {} pages",
            pdf_pages(&pdf)
        );
    }
}

#[test]
fn tables_to_files_by_extension() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let read = |p: &Path| std::fs::read_to_string(p).expect("the file");
    for (cmd, name, format) in [
        (vec!["list"], "l.csv", "csv"),
        (vec!["list", "--group", "TR"], "l.md", "markdown"),
        (vec!["status", "--as-of", "2025-12-31"], "s.json", "json"),
        (vec!["status", "--as-of", "2025-12-31"], "s.CSV", "csv"),
        (vec!["status", "--as-of", "2025-12-31"], "s.txt", "table"),
    ] {
        let (file, out) = write(dir.path(), name, &cmd);
        out.assert_code(0);
        assert_eq!(out.stdout, format!("wrote {}\n", file.display()));
        let mut direct = cmd.clone();
        direct.extend(["--format", format]);
        assert_eq!(read(&file), shipped(&direct).stdout, "{name}");
    }
    // A table in a file has no colour, even when asked for.
    let (file, _) = write(dir.path(), "c.txt", &["--color", "always", "list"]);
    assert!(!read(&file).contains('\x1b'));
    for (cmd, name) in [
        (vec!["list"], "x.html"),
        (vec!["status", "--format", "csv"], "x.json"),
        (vec!["list"], "x.odt"),
    ] {
        let (file, out) = write(dir.path(), name, &cmd);
        out.assert_code(2);
        assert!(!file.exists(), "{name}");
    }
    // Never into the register's own files.
    let r = Reg::standard();
    let before = r.snapshot();
    let out = r.run(&["list", "-o", "cases/TR/x.csv"]);
    out.assert_code(2);
    out.assert_stderr_has("register's own files");
    assert_eq!(r.snapshot(), before);
}
