//! Spreadsheets: list's CSV (with and without a BOM) and workbook, status and report as workbooks,
//! progress forms exported, filled in and imported back.

use super::support::{HW001, PLATFORM, Reg, Run, TR001, TR002, VM1};
use calamine::{Data, Reader};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every sheet of a workbook: name and cells (row by row, from A1).
fn read_book(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb = calamine::open_workbook_auto(path).expect("a workbook calamine reads");
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).expect("a sheet");
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows: Vec<Vec<Data>> = vec![Vec::new(); r0 as usize];
            for r in range.rows() {
                let mut row = vec![Data::Empty; c0 as usize];
                row.extend(r.iter().cloned());
                rows.push(row);
            }
            (n, rows)
        })
        .collect()
}

fn cell(rows: &[Vec<Data>], r: usize, c: usize) -> Data {
    rows.get(r)
        .and_then(|row| row.get(c))
        .cloned()
        .unwrap_or(Data::Empty)
}

/// The rows of a workbook's one sheet, which must be named `name`.
#[track_caller]
fn only_sheet<'a>(book: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    assert_eq!(book.len(), 1);
    assert_eq!(book[0].0, name);
    &book[0].1
}

/// Assert the texts of row `at`, one a column: `want` with a tab between columns.
#[track_caller]
fn assert_header(rows: &[Vec<Data>], at: usize, want: &str) {
    let header: Vec<String> = rows[at].iter().map(text).collect();
    assert_eq!(header, want.split('\t').collect::<Vec<_>>());
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// The Excel serial day number of a date.
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap() - base).num_days() as f64
}

fn date_of(d: &Data) -> Option<f64> {
    match d {
        Data::DateTime(dt) => Some(dt.as_f64()),
        _ => None,
    }
}

/// TR-001 with a progress entry as of 2025-06-30.
fn tr001_with_progress() -> String {
    format!(
        "{TR001}progress:\n  - as_of: 2025-06-30\n    text: |\n      1. 綜合規劃核定。\n      2. 預算 5.02 億元。\n"
    )
}

fn standard_with_progress() -> Reg {
    let r = Reg::standard();
    r.case("TR-001", tr001_with_progress());
    r.validate().assert_code(0);
    r
}

#[test]
fn list_csv_has_the_new_columns_after_the_old_and_a_bom_on_request() {
    let r = standard_with_progress();
    let out = r.run(&["list", "--format", "csv"]);
    out.assert_code(0);
    let mut lines = out.stdout.split("\r\n");
    assert_eq!(
        lines.next(),
        Some(
            "id,title,group,status,lead,partners,added_meeting,added_date,delisted_meeting,delisted_date,progress_date,progress,topics"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "TR-001,捷運環狀線（北環段）,交通組,ongoing,臺北市,新北市,vm-1,2024-07-11,,,2025-06-30,\"1. 綜合規劃核定。\n2. 預算 5.02 億元。\",氣候變遷因應及調適"
        )
    );
    assert_eq!(
        lines.next(),
        Some("TR-002,跨市公車路線整合,交通組,delisted,新北市,,vm-1,2024-07-11,vm-2,2024-12-20,,,")
    );
    assert!(!out.stdout.starts_with('\u{feff}'));
    let bom = r.run(&["list", "--format", "csv", "--bom"]);
    bom.assert_code(0);
    assert_eq!(
        bom.stdout.strip_prefix('\u{feff}'),
        Some(out.stdout.as_str())
    );
    // -o writes the same bytes; the extension picks the format.
    r.run(&["list", "--bom", "-o", "cases.csv"]).assert_code(0);
    assert_eq!(
        std::fs::read(r.path().join("cases.csv")).unwrap(),
        bom.stdout.as_bytes()
    );
    let out = r.run(&["list", "--bom"]);
    out.assert_code(2);
    out.on_stderr()
        .assert_line("error: --bom is for --format csv");
}

#[test]
fn list_writes_a_typed_workbook_with_chinese_headers() {
    let r = standard_with_progress();
    let out = r.run(&["--lang", "zh-TW", "list", "-o", "cases.xlsx"]);
    out.assert_code(0).assert_no_panic();
    let book = read_book(&r.path().join("cases.xlsx"));
    let rows = only_sheet(&book, "案件");
    assert_header(
        rows,
        0,
        "編號\t案名\t組別\t狀態\t主辦\t合作\t新增會議\t新增日期\t解列會議\t解列日期\t資料日期\t最新辦理情形\t議題",
    );
    assert_eq!(text(&cell(rows, 1, 1)), "捷運環狀線（北環段）");
    assert_eq!(date_of(&cell(rows, 1, 7)), Some(serial(2024, 7, 11)));
    assert_eq!(date_of(&cell(rows, 1, 10)), Some(serial(2025, 6, 30)));
    assert_eq!(
        text(&cell(rows, 1, 11)),
        "1. 綜合規劃核定。\n2. 預算 5.02 億元。"
    );
    assert_eq!(date_of(&cell(rows, 2, 9)), Some(serial(2024, 12, 20)));
    // No delist date: an empty cell.
    assert_eq!(cell(rows, 1, 9), Data::Empty);
    assert_eq!(text(&cell(rows, 3, 0)), "HW-001");
}

#[test]
fn a_workbook_is_never_written_to_standard_output() {
    let r = Reg::standard();
    let before = r.snapshot();
    for args in [
        &["list", "--format", "xlsx"][..],
        &["status", "--format", "xlsx"],
        &["report", "--format", "xlsx"],
    ] {
        let out = r.run(args);
        out.assert_code(2).assert_no_panic();
        assert!(out.stdout.is_empty(), "{args:?}");
        out.assert_stderr_has("-o FILE");
    }
    assert_eq!(r.snapshot(), before);
}

#[test]
fn status_workbook_has_numbers_and_leaves_unknown_counts_empty() {
    let r = Reg::standard();
    // vm-3 records only its adds: its delist and ongoing counts are unknown.
    r.meeting(
        "vm-3",
        "id: vm-3\ntitle: 第 3 次副市長層級會議\nlevel: 副市長層級\ndate: 2025-03-01\nrecords: [add]\ndecisions:\n  交通組:\n    add:\n      - { title: 跨市自行車道串接, id: TR-003 }\n",
    );
    r.case(
        "TR-003",
        "id: TR-003\ntitle: 跨市自行車道串接\ngroup: 交通組\nstatus: ongoing\nhistory:\n  - { date: 2025-03-01, meeting: vm-3, action: add }\n",
    );
    r.validate().assert_code(0);
    let csv = r.run(&["status", "--format", "csv"]);
    csv.assert_code(0);
    r.run(&["status", "-o", "status.xlsx"]).assert_code(0);
    let book = read_book(&r.path().join("status.xlsx"));
    let rows = &book[0].1;
    assert_eq!(text(&cell(rows, 0, 3)), "add");
    assert_eq!(text(&cell(rows, 1, 0)), "vm-3");
    assert_eq!(text(&cell(rows, 1, 1)), "交通組");
    assert_eq!(cell(rows, 1, 3), Data::Float(1.0));
    // Unknown: empty, never 0 (as in the CSV).
    assert_eq!(cell(rows, 1, 4), Data::Empty);
    assert_eq!(cell(rows, 1, 5), Data::Empty);
    csv.assert_stdout_has("vm-3,交通組,TR,1,,,");
    assert_eq!(cell(rows, 1, 6), Data::Float(3.0));
}

#[test]
fn report_workbook_has_a_sheet_per_group() {
    let r = standard_with_progress();
    r.run(&[
        "--lang",
        "zh-TW",
        "report",
        "--as-of",
        "2025-12-31",
        "-o",
        "report.xlsx",
    ])
    .assert_code(0);
    let book = read_book(&r.path().join("report.xlsx"));
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["摘要", "交通組", "衛生社福組"]);
    let tr = &book[1].1;
    assert_eq!(text(&cell(tr, 0, 0)), "編號");
    assert_eq!(text(&cell(tr, 1, 0)), "TR-001");
    assert_eq!(text(&cell(tr, 0, 4)), "註記");
    assert_eq!(date_of(&cell(tr, 1, 5)), Some(serial(2025, 6, 30)));
    // Its texts have dates of their own: not a table of progress as of one date.
    let out = r.refuses(&["import", "progress", "report.xlsx"], 1);
    assert!(
        out.stderr
            .starts_with("report.xlsx: error: no progress table in it"),
        "{}",
        out.stderr
    );
    let summary = &book[0].1;
    let row = summary
        .iter()
        .find(|r| r.first().map(text).as_deref() == Some("交通組"))
        .expect("交通組's summary row");
    assert_eq!(row[1], Data::Float(1.0));
}

// ---------------------------------------------------------------------------------------------
// Progress forms.

/// Copy a workbook, cell by cell, with the new texts written into the `本次辦理情形` column of the
/// rows whose first cell is the id; `tamper` may change any cell (sheet, row, column, value) first.
fn fill(
    src: &Path,
    dst: &Path,
    texts: &[(&str, &str)],
    tamper: &dyn Fn(&str, usize, usize, Data) -> Data,
) {
    let book = read_book(src);
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &book {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        let header = rows
            .iter()
            .position(|r| r.iter().any(|c| text(c) == "本次辦理情形"))
            .expect("a header row");
        let new_col = rows[header]
            .iter()
            .position(|c| text(c) == "本次辦理情形")
            .unwrap();
        for (i, row) in rows.iter().enumerate() {
            let id = text(&cell(rows, i, 0));
            let mut row = row.clone();
            if i > header
                && let Some((_, t)) = texts.iter().find(|(x, _)| *x == id)
            {
                row.resize(row.len().max(new_col + 1), Data::Empty);
                row[new_col] = Data::String((*t).to_string());
            }
            for (j, c) in row.into_iter().enumerate() {
                let c = tamper(name, i, j, c);
                let (r, col) = (i as u32, j as u16);
                match c {
                    Data::String(s) => {
                        ws.write_string(r, col, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, col, f).unwrap();
                    }
                    Data::DateTime(d) => {
                        ws.write_number(r, col, d.as_f64()).unwrap();
                    }
                    _ => {}
                }
            }
        }
    }
    wb.save(dst).unwrap();
}

fn keep(_: &str, _: usize, _: usize, c: Data) -> Data {
    c
}

/// `kbbt export progress-forms --as-of AS_OF MORE… -o forms` (no crash).
fn export_forms(r: &Reg, as_of: &str, more: &[&str]) -> Run {
    let mut args = vec!["--as-of", as_of];
    args.extend_from_slice(more);
    args.extend_from_slice(&["-o", "forms"]);
    r.run_sub(&["export", "progress-forms"], &args)
}

/// A tamper for [`fill`] that writes `id` in place of the first row's id (cell A5).
fn first_id(id: &'static str) -> impl Fn(&str, usize, usize, Data) -> Data {
    move |_, i, j, c| {
        if (i, j) == (4, 0) {
            Data::String(id.into())
        } else {
            c
        }
    }
}

/// Fill in the exported `forms/<name>` as `filled/<name>` (see [`fill`]).
fn fill_form(
    r: &Reg,
    name: &str,
    texts: &[(&str, &str)],
    tamper: &dyn Fn(&str, usize, usize, Data) -> Data,
) {
    r.mkdir("filled");
    fill(
        &r.path().join("forms").join(name),
        &r.path().join("filled").join(name),
        texts,
        tamper,
    );
}

/// `kbbt import progress FILES…` (no crash).
fn import(r: &Reg, files: &[&str]) -> Run {
    r.run_sub(&["import", "progress"], files)
}

/// The files that differ from `before` now.
fn changed(before: &BTreeMap<PathBuf, String>, r: &Reg) -> Vec<PathBuf> {
    let after = r.files();
    after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

/// Both groups' forms, filled in.
const BOTH: &[&str] = &["filled/交通組.xlsx", "filled/衛生社福組.xlsx"];

#[test]
fn forms_go_out_and_come_back_as_exactly_the_new_entries() {
    let r = standard_with_progress();
    let out = export_forms(&r, "2025-12-31", &[]);
    out.assert_code(0).assert_no_panic();
    out.assert_line("wrote forms/交通組.xlsx (1 ongoing case)")
        .assert_line("wrote forms/衛生社福組.xlsx (1 ongoing case)");
    // The form: the instructions and the date above the table, the id locked, the last progress.
    let book = read_book(&r.path().join("forms/交通組.xlsx"));
    let rows = only_sheet(&book, "交通組");
    assert!(text(&cell(rows, 1, 0)).starts_with("資料時間："));
    assert!(text(&cell(rows, 2, 0)).contains("本次辦理情形"));
    assert_header(
        rows,
        3,
        "編號\t方案名稱\t組別\t主辦\t前次資料日期\t前次辦理情形\t本次辦理情形",
    );
    assert_eq!(text(&cell(rows, 4, 0)), "TR-001");
    assert_eq!(date_of(&cell(rows, 4, 4)), Some(serial(2025, 6, 30)));
    assert_eq!(cell(rows, 4, 6), Data::Empty);
    // TR-002 was delisted: not on the form.
    assert_eq!(rows.len(), 5);
    // The sheet is protected, its header frozen, and only the new text's cells are unlocked.
    let xml = |part: &str| {
        let f = std::fs::File::open(r.path().join("forms/交通組.xlsx")).unwrap();
        let mut z = zip::ZipArchive::new(f).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name(part).unwrap(), &mut s).unwrap();
        s
    };
    let sheet = xml("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<sheetProtection sheet=\"1\""), "{sheet}");
    assert!(sheet.contains("ySplit=\"4\" topLeftCell=\"A5\""), "{sheet}");
    let style_of = |cell: &str| -> usize {
        let at = sheet.find(&format!("<c r=\"{cell}\"")).expect("the cell");
        let rest = &sheet[at..];
        rest.find(" s=\"").map_or(0, |i| {
            rest[i + 4..].split('"').next().unwrap().parse().unwrap()
        })
    };
    let styles = xml("xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf: Vec<&str> = xfs.split("<xf ").skip(1).collect();
    assert!(
        xf[style_of("G5")].contains("<protection locked=\"0\"/>"),
        "{xfs}"
    );
    assert!(!xf[style_of("A5")].contains("locked=\"0\""), "{xfs}");
    // Exporting again into the same folder would overwrite returned forms: refused.
    let again = export_forms(&r, "2025-12-31", &[]);
    again.assert_code(1);
    again.assert_stderr_has("already exists");

    // Filled in and returned.
    fill_form(
        &r,
        "交通組.xlsx",
        &[("TR-001", "1. 細部設計中。\n2. 預計 116 年動工。")],
        &keep,
    );
    fill_form(&r, "衛生社福組.xlsx", &[("HW-001", "平台已上線。")], &keep);
    let before = r.files();
    let out = import(&r, BOTH);
    out.assert_code(0)
        .assert_line("2 entries added, 0 unchanged, 0 unmatched")
        .assert_line("  added    TR-001 捷運環狀線（北環段） (交通組!A5)");
    assert_eq!(
        changed(&before, &r),
        [
            Path::new("cases/HW/HW-001.yaml"),
            Path::new("cases/TR/TR-001.yaml")
        ]
    );
    let tr = r.read("cases/TR/TR-001.yaml");
    assert_eq!(
        tr,
        tr001_with_progress().replace(
            "progress:\n",
            "progress:\n  - as_of: 2025-12-31\n    text: |\n      1. 細部設計中。\n      2. 預計 116 年動工。\n"
        )
    );
    let hw = r.read("cases/HW/HW-001.yaml");
    assert!(
        hw.ends_with("progress:\n  - as_of: 2025-12-31\n    text: |\n      平台已上線。\n"),
        "{hw}"
    );
    r.validate().assert_code(0);
    // Importing the same forms again changes nothing.
    import(&r, BOTH)
        .assert_code(0)
        .assert_line("0 entries added, 2 unchanged, 0 unmatched");
}

fn exported() -> Reg {
    let r = standard_with_progress();
    export_forms(&r, "2025-12-31", &[]).assert_code(0);
    fill_form(&r, "衛生社福組.xlsx", &[("HW-001", "平台已上線。")], &keep);
    r
}

#[test]
fn a_form_whose_id_was_edited_is_refused_at_the_cell() {
    let r = exported();
    let texts = &[("TR-001", "1. 細部設計中。")];
    fill_form(&r, "交通組.xlsx", texts, &first_id("TR-002"));
    // All or nothing: no byte written.
    let out = r.refuses(&["import", "progress", BOTH[0], BOTH[1]], 1);
    out.on_stderr().assert_hint(
        "filled/交通組.xlsx:交通組!A5: error: TR-002 is 「跨市公車路線整合」, but the row's title is 「捷運環狀線（北環段）」",
        "was the id edited? put back the form's id, or correct the title",
    );
    out.assert_stderr_has("nothing was written");
    let zh = r.refuses(
        &["--lang", "zh-TW", "import", "progress", BOTH[0], BOTH[1]],
        1,
    );
    zh.assert_stderr_has(
        "filled/交通組.xlsx:交通組!A5: 錯誤：TR-002 為「跨市公車路線整合」，但該列的方案名稱為「捷運環狀線（北環段）」\n",
    );
    // An id that is no case at all.
    fill_form(&r, "交通組.xlsx", texts, &first_id("TR-099"));
    r.refuses(&["import", "progress", BOTH[0]], 1)
        .on_stderr()
        .assert_hint(
            "filled/交通組.xlsx:交通組!A5: error: unknown case id `TR-099`",
            "the title is TR-001's: was the id edited?",
        );
}

#[test]
fn a_row_moved_into_another_group_is_refused_at_the_cell() {
    let r = exported();
    // HW-001's row moved onto the 交通組 form, in TR-001's place.
    let hw = read_book(&r.path().join("forms/衛生社福組.xlsx"));
    let hw_row = hw[0].1[4].clone();
    let moved = move |group: &'static str| {
        let hw_row = hw_row.clone();
        move |_: &str, i: usize, j: usize, c: Data| {
            if i != 4 {
                return c;
            }
            match j {
                2 => Data::String(group.into()),
                6 => Data::String("平台已上線。".into()),
                _ => hw_row.get(j).cloned().unwrap_or(Data::Empty),
            }
        }
    };
    // Its group column changed to the sheet's, or left as it was: the sheet is still the wrong
    // group's.
    for (group, cell) in [("交通組", "C5"), ("衛生社福組", "A5")] {
        fill_form(&r, "交通組.xlsx", &[], &moved(group));
        r.refuses(&["import", "progress", BOTH[0]], 1)
            .on_stderr()
            .assert_hint(
                &format!("filled/交通組.xlsx:交通組!{cell}: error: HW-001 「長照資源共享平台」 is a case of 衛生社福組, not of 交通組"),
                "move the row back to its group's sheet",
            );
    }
}

#[test]
fn forms_by_lead_need_leads() {
    let r = standard_with_progress();
    let out = export_forms(&r, "2025-12-31", &["--by", "lead"]);
    out.assert_code(0);
    out.assert_line("wrote forms/臺北市.xlsx (1 ongoing case)")
        .assert_line("wrote forms/主辦未定.xlsx (1 ongoing case)");
    // No case with a lead: said, and nothing written.
    let r = Reg::minimal();
    r.write("platform.yaml", PLATFORM);
    r.meeting("vm-1", VM1);
    r.case("TR-001", TR001.replace("lead: 臺北市\n", ""));
    r.case(
        "TR-002",
        TR002
            .replace("lead: 新北市\n", "")
            .replace(
                "  - { date: 2024-12-20, meeting: vm-2, action: delist }\n",
                "",
            )
            .replace("status: delisted", "status: ongoing"),
    );
    r.case("HW-001", HW001);
    r.validate().assert_code(0);
    let out = export_forms(&r, "2025-12-31", &["--by", "lead"]);
    out.assert_code(1);
    out.on_stderr().assert_hint(
        "error: none of the 3 cases ongoing on 2025-12-31 has a lead city, so there is no form per city to write",
        "record each case's `lead`, or write one form per group with --by group",
    );
    assert!(!r.path().join("forms").exists());
}

/// An OpenDocument spreadsheet with one sheet: rows of string cells (a cell's lines as paragraphs).
fn ods(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    use std::io::Write;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for c in *row {
            if c.is_empty() {
                body.push_str("<table:table-cell/>");
            } else {
                body.push_str("<table:table-cell office:value-type=\"string\">");
                for line in c.split('\n') {
                    body.push_str(&format!("<text:p>{}</text:p>", esc(line)));
                }
                body.push_str("</table:table-cell>");
            }
        }
        body.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"{sheet}\">{body}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(manifest.as_bytes()).unwrap();
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn a_form_returned_as_ods_is_read_too() {
    let r = standard_with_progress();
    let header: &[&str] = &[
        "編號",
        "方案名稱",
        "組別",
        "主辦",
        "前次資料日期",
        "前次辦理情形",
        "本次辦理情形",
    ];
    r.write(
        "filled/交通組.ods",
        ods(
            "交通組",
            &[
                &["資料時間：中華民國 114 年 12 月 31 日"],
                header,
                &[
                    "TR-001",
                    "捷運環狀線（北環段）",
                    "交通組",
                    "臺北市",
                    "2025-06-30",
                    "舊",
                    "1. 細部設計中。\n2. 預計 116 年動工。",
                ],
            ],
        ),
    );
    // A row without an id is matched by its name, in the sheet's group.
    r.write(
        "filled/衛生社福組.ods",
        ods(
            "衛生社福組",
            &[
                &["資料時間：114/12/31"],
                header,
                &["", "長照資源共享平台", "", "", "", "", "平台已上線。"],
            ],
        ),
    );
    import(&r, &["filled/交通組.ods", "filled/衛生社福組.ods"])
        .assert_code(0)
        .assert_line("2 entries added, 0 unchanged, 0 unmatched")
        .assert_line("  added    HW-001 長照資源共享平台 (衛生社福組!B3)");
    let tr = r.read("cases/TR/TR-001.yaml");
    assert!(
        tr.contains("progress:\n  - as_of: 2025-12-31\n    text: |\n      1. 細部設計中。\n      2. 預計 116 年動工。\n  - as_of: 2025-06-30\n"),
        "{tr}"
    );
    r.validate().assert_code(0);
    // Forms of two dates, or a workbook mixed with a text table, are refused.
    r.write(
        "filled/other.ods",
        ods("交通組", &[&["資料時間：2026-06-30"], header]),
    );
    import(&r, &["filled/交通組.ods", "filled/other.ods"])
        .assert_code(1)
        .assert_stderr_has(
            "filled/other.ods:交通組!A1: error: 資料時間 2026-06-30 differs from 2025-12-31 (filled/交通組.ods:交通組!A1)",
        );
    r.write("t.csv", "方案名稱,最新辦理情形\n");
    import(&r, &["filled/交通組.ods", "t.csv"]).assert_code(2);
    // Not a workbook at all.
    r.write("filled/bad.xlsx", "not a zip");
    import(&r, &["filled/bad.xlsx"])
        .assert_code(1)
        .assert_stderr_has("filled/bad.xlsx: error: not a workbook");
}

#[test]
fn every_ongoing_case_of_the_shipped_register_goes_round() {
    let r = Reg::shipped();
    export_forms(&r, "115-06-30", &[]).assert_code(0);
    // As many rows as `status` counts ongoing cases on that date, sub-cases (which it counts
    // under their parent) included.
    let v = r
        .run(&["status", "--as-of", "2026-06-30", "--format", "json"])
        .json();
    let total = &v["all_time"]["total"];
    let ongoing = (total["ongoing"].as_u64().expect("a count")
        + total["subcases"].as_u64().expect("a count")) as usize;
    assert!(ongoing > 50, "{total}");
    let mut forms: Vec<PathBuf> = std::fs::read_dir(r.path().join("forms"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    forms.sort();
    r.mkdir("filled");
    let mut ids = Vec::new();
    let mut args = vec!["import".to_string(), "progress".to_string()];
    for f in &forms {
        let book = read_book(f);
        let mine: Vec<String> = book
            .iter()
            .flat_map(|(_, rows)| rows.iter().skip(4).map(|row| text(&row[0])))
            .collect();
        let texts: Vec<(String, String)> = mine
            .iter()
            .map(|id| (id.clone(), format!("1. {id} 本期進度。\n2. 下期預定。")))
            .collect();
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        fill_form(&r, &name, &refs, &keep);
        args.push(format!("filled/{name}"));
        ids.extend(mine);
    }
    assert_eq!(ids.len(), ongoing);
    let before = r.files();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    r.run(&args)
        .assert_no_panic()
        .assert_code(0)
        .assert_line(&format!(
            "{ongoing} entries added, 0 unchanged, 0 unmatched"
        ));
    assert_eq!(changed(&before, &r).len(), ongoing);
    for id in &ids {
        let v = r.run(&["show", id, "--format", "json"]).json();
        let first = &v["progress"][0];
        assert_eq!(first["as_of"], "2026-06-30", "{id}");
        assert_eq!(
            first["text"],
            format!("1. {id} 本期進度。\n2. 下期預定。\n"),
            "{id}"
        );
    }
    r.validate().assert_code(0);
}

#[test]
fn rows_left_empty_are_counted_not_warned_one_by_one() {
    let r = exported();
    fill_form(&r, "交通組.xlsx", &[], &keep);
    let out = import(&r, BOTH);
    out.assert_code(0)
        .assert_line("1 entry added, 0 unchanged, 0 unmatched");
    assert_eq!(
        out.stderr,
        "note: rows with no new text (本次辦理情形), skipped: 1\n"
    );
    let out = r.run(&["--lang", "zh-TW", "import", "progress", BOTH[0], BOTH[1]]);
    out.assert_code(0);
    assert_eq!(out.stderr, "說明：未填本次辦理情形而略過的列：1 列\n");
}

#[test]
fn a_table_written_with_o_is_the_text_that_would_be_printed() {
    let r = Reg::standard();
    for (args, file) in [
        (&["status", "--format", "markdown"][..], "status.md"),
        (&["list"][..], "list.txt"),
    ] {
        let mut a = vec!["--lang", "zh-TW"];
        a.extend_from_slice(args);
        let printed = r.run(&a);
        printed.assert_code(0);
        a.extend_from_slice(&["-o", file]);
        r.run(&a)
            .assert_code(0)
            .assert_line(&format!("已寫入 {file}"));
        assert_eq!(r.read(file), printed.stdout);
    }
    let list = r.read("list.txt");
    assert!(!list.contains("3 cases"), "{list}");
}

#[test]
fn refusals_come_in_the_order_of_the_rows() {
    let r = Reg::shipped();
    export_forms(&r, "115-06-30", &[]).assert_code(0);
    // Every id of the 交通組 form edited into one that is no case, every row filled.
    fill_form(&r, "交通組.xlsx", &[], &|_, i, j, c| match (i >= 4, j) {
        (true, 0) => Data::String(format!("TR-9{i:02}")),
        (true, 6) => Data::String("1. 新進度。".into()),
        _ => c,
    });
    let out = r.refuses(&["import", "progress", BOTH[0]], 1);
    let rows: Vec<u32> = out
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("filled/交通組.xlsx:交通組!A"))
        .map(|l| l.split(':').next().unwrap().parse().unwrap())
        .collect();
    assert!(rows.len() > 10, "{}", out.stderr);
    assert_eq!(rows, (5..5 + rows.len() as u32).collect::<Vec<_>>());
}
