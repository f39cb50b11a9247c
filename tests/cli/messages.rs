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
