//! Messages are values rendered in the user's language: register data and user input inside them
//! are printed as they are, in both languages, never translated.

use super::support::{PLATFORM, Reg, TR001};

#[test]
fn user_input_in_an_error_is_not_translated() {
    let r = Reg::standard();
    let out = r.run(&["--lang", "zh-TW", "status", "--group", "add"]);
    out.assert_code(2);
    assert_eq!(
        out.stderr,
        "錯誤：未知的組別 `add`\n  提示：組別有：交通組（TR）、衛生社福組（HW）\n"
    );
    let out = r.run(&["status", "--group", "add"]);
    assert_eq!(
        out.stderr,
        "error: unknown group `add`\n  hint: the groups are 交通組 (TR), 衛生社福組 (HW)\n"
    );
}

/// Values that are English labels or whole message texts: what the older line-by-line translation
/// would have rewritten.
const TRAPS: &[&str] = &[
    "ongoing",
    "All time (as of now)",
    "no meeting with decisions",
    "2 errors, 1 warning",
    "committed",
];

#[test]
fn register_values_that_look_like_labels_or_messages_print_unchanged() {
    for trap in TRAPS {
        let r = Reg::standard();
        r.write(
            "platform.yaml",
            PLATFORM.replace("name: 交通組,", &format!("name: \"{trap}\",")),
        );
        r.case(
            "TR-001",
            TR001
                .replace("group: 交通組", &format!("group: \"{trap}\""))
                .replace("title: 捷運環狀線（北環段）", &format!("title: \"{trap}\"")),
        );
        for (lang, added) in [("en", "added    "), ("zh-TW", "新增     ")] {
            let out = r.run(&[
                "--lang",
                lang,
                "status",
                "--group",
                "TR",
                "--meeting",
                "vm-1",
            ]);
            out.assert_code(0);
            let lines: Vec<&str> = out.stdout.lines().collect();
            let case_line = format!("  {added}TR-001 {trap}");
            assert!(
                lines.contains(&case_line.as_str()),
                "{lang}:\n{}",
                out.stdout
            );
            assert!(
                lines.iter().any(|l| l.starts_with(&format!("│ {trap} "))),
                "{lang}: the group's row\n{}",
                out.stdout
            );
        }
    }
}

/// What may stand in Latin letters in Chinese output: ids (`TR-005`, `vm-2`), file paths, code spans,
/// options and the command's own name; everything else must be Chinese.
pub(crate) fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in text.lines() {
        // Code spans and Markdown line breaks are code, not words.
        let mut rest = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                rest.push_str(&part.replace("<br>", " "));
                rest.push(' ');
            }
        }
        for token in
            rest.split(|c: char| c.is_whitespace() || "，、：；（）「」【】()|┆│".contains(c))
        {
            let is_id = token.contains('-') && token.chars().any(|c| c.is_ascii_digit());
            let is_path = token.contains('/') || token.contains(".yaml") || token.contains(".xlsx");
            let is_option = token.starts_with('-');
            // A group code: one to four capitals.
            let is_code =
                (1..=4).contains(&token.len()) && token.chars().all(|c| c.is_ascii_uppercase());
            if is_id || is_path || is_option || is_code || token == "kbbt" {
                continue;
            }
            for w in token.split(|c: char| !c.is_ascii_alphabetic()) {
                if w.len() >= 2 && !words.contains(&w.to_string()) {
                    words.push(w.to_string());
                }
            }
        }
    }
    words
}

/// Under zh-TW, every reading command's human output (and its usual errors) is Chinese but for ids,
/// paths, code and register data (the fixture's data is Chinese). The diff of `fmt --check` and of a dry
/// run is the files' own text and is left out.
#[test]
fn zh_tw_human_output_has_no_english_words() {
    let r = Reg::copy_of(&super::support::repo().join("tests/fixtures/snapshot/register"));
    for args in [
        "validate",
        "status",
        "status --by lead",
        "status --format markdown",
        "status --meeting vm-2 --ascii",
        "status --group 交通 --as-of 113/12/31",
        "list",
        "list --format markdown",
        "list --status 持續列管 --group HW",
        "list --instructions",
        "show TR-005",
        "show HW-004",
        "show TR-001",
        "minutes vm-1",
        "minutes vm-2",
        "report --as-of 2025-06-30",
        "check stale --as-of 2025-06-30",
        "check stale --as-of 2025-06-30 --months 24",
        "check overdue --as-of 2025-06-30",
        "diff vm-1 vm-2",
        "diff 2024-01-01 2025-06-30",
        "log TR-005",
        "suggest milestones",
        "show nosuch",
        "status --meeting vm-9",
        "status --as-of 2025-13-01",
        "status --as-of yesterday",
        "status --group nosuch",
        "list --status bogus",
        "new case --group 交通 --title 測試",
        "new case --group 交通 --title 測試 --lead 基隆 --source 紀錄",
        "new case --group 交通 --title 測試 --source 紀錄 --status 提案",
        "new meeting --level 副市長層級 --date 114-07-01",
        // Last: these write.
        "new case --group 交通 --title 測試 --source 紀錄",
        "new meeting --level 副市長層級 --date 115-07-01",
        "fmt",
    ] {
        let mut run = vec!["--lang", "zh-TW"];
        run.extend(args.split(' '));
        let out = r.run(&run);
        let words = english_words(&format!("{}\n{}", out.stdout, out.stderr));
        assert!(
            words.is_empty(),
            "kbbt {args}: English {words:?} in\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}

/// A refused apply under zh-TW: the planner's reasons, the stated count and the refusal are Chinese
/// (ids, paths and the register's own names aside), and the case names stand as written.
#[test]
fn a_refused_apply_speaks_chinese() {
    let r = super::support::Reg::standard();
    r.meeting(
        "vm-3",
        super::support::vm3(
            "  交通組:\n    delist: [TR-002, 捷運環狀線北段, ongoing]\n    add: [新案, 新案]\n  衛生社福組:\n    delist: [捷運環狀線（北環段）]\n",
        ),
    );
    let out = r.run(&["--lang", "zh-TW", "apply", "meetings/vm-3.yaml"]);
    out.assert_code(1);
    for want in [
        "無法解列 TR-002「跨市公車路線整合」：其狀態為已解列，而非持續列管",
        "交通組沒有案件 `ongoing`",
        "「新案」在本組新增了兩次（第一次在第 8 行）",
        "案件 `捷運環狀線（北環段）` 不屬於衛生社福組",
    ] {
        assert!(out.stderr.contains(want), "{want}\n{}", out.stderr);
    }
    // Register names (`ongoing` is a name here) are data; everything else is Chinese.
    let words: Vec<String> = english_words(&out.stderr)
        .into_iter()
        .filter(|w| w != "ongoing")
        .collect();
    assert!(words.is_empty(), "{words:?}\n{}", out.stderr);
}

/// An operating system's error under zh-TW: kbbt's context and the system's reason both in Chinese
/// (the reason by its code), the path as given; in English, as the system says it.
#[test]
fn a_missing_file_is_reported_in_the_users_language() {
    let r = super::support::Reg::standard();
    let zh = r.run(&["--lang", "zh-TW", "import", "progress", "missing.csv"]);
    zh.assert_code(1);
    assert_eq!(
        zh.stderr,
        "錯誤：無法讀取 missing.csv：找不到檔案或資料夾（系統錯誤碼 2）\n"
    );
    let en = r.run(&["import", "progress", "missing.csv"]);
    en.assert_code(1);
    assert!(
        en.stderr.starts_with("error: cannot read missing.csv: ")
            && en.stderr.contains("(os error 2)"),
        "{}",
        en.stderr
    );
}

/// The YAML errors people make by hand (a colon in a value, a bad escape, a tab, a list where a word
/// belongs, an unknown field, a repeated key, an unclosed bracket) are said in Chinese, with the
/// file's own names (fields, values) as code and the parser's English nowhere.
#[test]
fn yaml_errors_are_said_in_chinese() {
    let broken: &[(&str, &str)] = &[
        ("title: 捷運環狀線（北環段）", "title: 捷運: 環狀線"),
        ("title: 捷運環狀線（北環段）", "title: \"捷運\\q\""),
        ("group: 交通組", "\tgroup: 交通組"),
        ("status: ongoing", "status: [ongoing]"),
        ("status: ongoing", "status: ongoingg"),
        ("status: ongoing", "stauts: ongoing"),
        ("status: ongoing", "status: ongoing\nstatus: delisted"),
        ("group: 交通組", "group: [交通組"),
        ("group: 交通組", "group: *nope"),
    ];
    for (from, to) in broken {
        let r = Reg::standard();
        r.case("TR-001", TR001.replacen(from, to, 1));
        let out = r.run(&["--lang", "zh-TW", "validate"]);
        out.assert_code(1);
        let first = out
            .stdout
            .lines()
            .chain(out.stderr.lines())
            .find(|l| l.contains("錯誤："));
        let first =
            first.unwrap_or_else(|| panic!("{to:?}: no error\n{}{}", out.stdout, out.stderr));
        assert!(
            first.starts_with("cases/TR/TR-001.yaml:"),
            "{to:?}: {first}"
        );
        let words = english_words(first);
        assert!(words.is_empty(), "{to:?}: English {words:?} in {first}");
    }
}

/// A table import cannot read: every problem in Chinese, at its line, with the table's own text as
/// it is; the usual refusals of the command too.
#[test]
fn unreadable_tables_are_reported_in_chinese() {
    let r = Reg::standard();
    let tables: &[(&str, &[u8])] = &[
        ("no-header.csv", "a,b\nc,d\n".as_bytes()),
        ("only-header.csv", "案名,辦理情形\n".as_bytes()),
        (
            "stray.txt",
            "案名\t辦理情形\n捷運環狀線（北環段）\t進行中\nno tab here, English words\n".as_bytes(),
        ),
        (
            "dates.txt",
            "資料時間：114年12月31日\n案名\t辦理情形\n資料時間：114年6月30日\n捷運\t好\n"
                .as_bytes(),
        ),
        ("latin1.csv", b"\xe9t\xe9,x\n"),
        ("folder.csv", b""),
    ];
    for (name, bytes) in tables {
        if *name == "folder.csv" {
            std::fs::create_dir_all(r.path().join(name)).expect("folder");
        } else {
            r.write(name, bytes);
        }
        let out = r.run(&["--lang", "zh-TW", "import", "progress", name]);
        out.assert_code(1);
        let shown = out.stderr.replace(name, "");
        let words = english_words(&shown);
        assert!(
            words.is_empty(),
            "{name}: English {words:?}\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(name),
            "{name}: the file is named\n{}",
            out.stderr
        );
    }
    let out = r.run(&["--lang", "zh-TW", "import", "progress", "a.csv", "b.csv"]);
    out.assert_code(2);
    assert_eq!(
        out.stderr,
        "錯誤：文字表格一次只能匯入一個；只有活頁簿（.xlsx、.ods）可一次讀取多個\n"
    );
}

/// `kbbt diff` from a date: the date is shown once, as the user's language writes dates (ROC under
/// zh-TW), and a meeting by its id and date.
#[test]
fn diff_points_are_dates_in_the_users_language() {
    let r = super::support::Reg::standard();
    let zh = r.run(&["--lang", "zh-TW", "diff", "2024-01-01", "vm-1"]);
    zh.assert_code(0);
    let first = zh.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("113-01-01～vm-1（"), "{first}");
    assert!(!first.contains("2024"), "{first}");
    // From a meeting: no space after its full-width parenthesis.
    let zh = r.run(&["--lang", "zh-TW", "diff", "vm-1", "vm-2"]);
    zh.assert_code(0);
    let first = zh.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("vm-1（113-07-11）～vm-2（"), "{first}");
    assert!(!zh.stdout.contains("） "), "{}", zh.stdout);
    let en = r.run(&["diff", "2024-01-01", "vm-1"]);
    let first = en.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("2024-01-01 → vm-1 ("), "{first}");
}
