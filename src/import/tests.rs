//! Unit tests of reading tables and planning imports.

use super::plan::insert_progress;
use super::table::*;
use crate::model::Date;

#[test]
fn markup_becomes_numbered_lines() {
    let cell = "<ol style=\"list-style-type: none\"> 1. 臺北市： <ol style=\"list-style-type: none\"> (1) 甲。 (2) 乙。 2. 新北市：(1)丙。(2)丁。 3. 預算 5.02 億元。";
    assert_eq!(
        plain_lines(cell),
        [
            "1. 臺北市：",
            "(1) 甲。",
            "(2) 乙。",
            "2. 新北市：(1)丙。(2)丁。",
            "3. 預算 5.02 億元。"
        ]
    );
    assert_eq!(
        plain_text(
            "<p>【114 年 12 月 22 日第 6 次副市長層級會議同意新增】</p> <p>A. 甲 &amp; 乙</p><p>U.S. \\$4,650</p>"
        ),
        "A. 甲 & 乙\nU.S. $4,650\n"
    );
    assert_eq!(
        plain_lines("(1) 基隆市： <ul style=\"x\"> 轉出 12 件。 轉入 13 件。 (2) 新北市："),
        [
            "(1) 基隆市：",
            "轉出 12 件。",
            "轉入 13 件。",
            "(2) 新北市："
        ]
    );
    assert_eq!(plain_lines("a < b and <b>bold</b>"), ["a < b and bold"]);
}

#[test]
fn rows_wrap_across_page_breaks() {
    let t = "# source: test\n\n標題\n\n資料時間：114 年 12 月 31 日\n\n(一) 交通組\n\n方案名稱\t最新辦理情形\n甲案\t<p>1. 第一項前半</p>\n\n方案名稱\t最新辦理情形\n\t後半。 2. 第二項\n乙案（原「丙\t<p>1. 一</p>\n方案名稱\t最新辦理情形\n案」新增子項)\t2. 二\n(二) 災防組\n丁案\t\n";
    let table = parse(t, Format::Tsv).unwrap();
    assert_eq!(table.as_of, Date::ymd(2025, 12, 31));
    let got: Vec<(&str, &str, &str, usize)> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.group.as_deref().unwrap_or(""),
                r.name.as_str(),
                r.text.as_str(),
                r.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("交通組", "甲案", "1. 第一項前半後半。\n2. 第二項\n", 10),
            ("交通組", "乙案（原「丙案」新增子項)", "1. 一\n2. 二\n", 14),
            ("災防組", "丁案", "", 18),
        ]
    );
}

#[test]
fn csv_with_bom_and_columns_in_any_order() {
    let t = "\u{feff}資料時間：114年12月31日\r\n最新辦理情形,方案名稱,組別\r\n\"1. 甲\r\n2. 乙\",汐東捷運,交通組\r\n";
    let table = parse(t, Format::Csv).unwrap();
    assert_eq!(table.as_of, Date::ymd(2025, 12, 31));
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0].name, "汐東捷運");
    assert_eq!(table.rows[0].group.as_deref(), Some("交通組"));
    assert_eq!(table.rows[0].text, "1. 甲\n2. 乙\n");
    assert_eq!(table.rows[0].line, 3);
    assert_eq!(Format::guess("x.CSV", ""), Format::Csv);
    assert_eq!(Format::guess("x", "方案名稱,最新辦理情形\n"), Format::Csv);
    assert_eq!(Format::guess("x", "方案名稱\t最新辦理情形\n"), Format::Tsv);
}

#[test]
fn table_problems_have_lines() {
    let e = parse(
        "方案名稱\t最新辦理情形\n甲\t1. x\nstray line\n",
        Format::Tsv,
    )
    .unwrap_err();
    assert_eq!(e[0].line, 3);
    let e = parse("資料時間：114 年 13 月 1 日\n", Format::Tsv).unwrap_err();
    assert_eq!(e[0].line, 1);
    let e = parse("\tcontinued\n", Format::Tsv).unwrap_err();
    assert!(e[0].message.id() == "TABLE_ORPHAN_CONTINUATION", "{e:?}");
}

#[test]
fn trailing_notes_that_quote_a_name_are_dropped_for_matching() {
    assert_eq!(
        name_candidates("打造綠色旅遊路線(共同議題—「氣候變遷因應及調適」)"),
        [
            "打造綠色旅遊路線(共同議題—「氣候變遷因應及調適」)",
            "打造綠色旅遊路線"
        ]
    );
    assert_eq!(
        name_candidates("甲（乙（原「丙」新增子項))"),
        ["甲（乙（原「丙」新增子項))", "甲"]
    );
    assert_eq!(
        name_candidates("捷運民汐線(臺北市段)"),
        ["捷運民汐線(臺北市段)"]
    );
    assert_eq!(name_candidates("(「x」)"), ["(「x」)"]);
}

const ENTRY: &str = "  - as_of: 2026-06-30\n    text: |\n      1. new\n";

#[test]
fn insert_first_in_block_list_keeps_everything_else() {
    let old = "id: A\nhistory:\n  - { action: seen }\nprogress:   # newest first\n  - as_of: 2025-12-31\n    text: |\n      old\nsources: [x]\n";
    let new = insert_progress(old, 0, 1, ENTRY, &["id", "history"]).unwrap();
    assert_eq!(
        new,
        "id: A\nhistory:\n  - { action: seen }\nprogress:   # newest first\n  - as_of: 2026-06-30\n    text: |\n      1. new\n  - as_of: 2025-12-31\n    text: |\n      old\nsources: [x]\n"
    );
    let new = insert_progress(old, 1, 1, ENTRY, &[]).unwrap();
    assert!(
        new.ends_with(
            "      old\n  - as_of: 2026-06-30\n    text: |\n      1. new\nsources: [x]\n"
        ),
        "{new}"
    );
}

#[test]
fn insert_missing_key_after_history_with_crlf_bom_and_compact_lists() {
    let old = "\u{feff}id: A\r\nhistory:\r\n- { action: seen }\r\n\r\nsources: [x]\r\n";
    let new = insert_progress(old, 0, 0, ENTRY, &["id", "history"]).unwrap();
    assert_eq!(
        new,
        "\u{feff}id: A\r\nhistory:\r\n- { action: seen }\r\nprogress:\r\n  - as_of: 2026-06-30\r\n    text: |\r\n      1. new\r\n\r\nsources: [x]\r\n"
    );
    let old = "progress:\n- as_of: 2025-12-31\n  text: x\n";
    assert_eq!(
        insert_progress(old, 0, 1, ENTRY, &[]).unwrap(),
        "progress:\n- as_of: 2026-06-30\n  text: |\n    1. new\n- as_of: 2025-12-31\n  text: x\n"
    );
    assert_eq!(
        insert_progress("id: A\nprogress: [] # none yet\n", 0, 0, ENTRY, &[]).unwrap(),
        "id: A\nprogress: # none yet\n  - as_of: 2026-06-30\n    text: |\n      1. new\n"
    );
    assert!(
        insert_progress(
            "progress: [{ as_of: 2025-12-31, text: x }]\n",
            0,
            1,
            ENTRY,
            &[]
        )
        .is_err()
    );
}

proptest::proptest! {
    #[test]
    fn no_input_makes_it_panic(s in "[<>/a-zA-Z0-9&;#.()（）「」【】。：:\\\\$ \t\r\n,\"會議同意新增資料時間一二]*") {
        let _ = parse(&s, Format::Tsv);
        let _ = parse(&s, Format::Csv);
        let _ = name_candidates(&s);
        let _ = insert_progress(&s, 0, 0, ENTRY, &["id"]);
        let _ = insert_progress(&s, 1, 1, ENTRY, &[]);
    }

    #[test]
    fn nor_does_any_text(s in "\\PC*") {
        let _ = parse(&s, Format::Tsv);
        let _ = plain_lines(&s);
    }
}
