//! `kbbt fmt`: one canonical layout for every file; `--check` reports and writes nothing; data never changes.

use super::support::{HW001, Reg, VM1};

/// A register whose files are valid but hand-formatted.
fn hand_formatted() -> Reg {
    let r = Reg::standard();
    // The shared fixture's meeting vm-2 writes a flow list where the layout has a block list.
    r.run(&["fmt"]).assert_code(0);
    r.case(
        "TR-002",
        "id:   TR-002\ngroup: 交通組\ntitle: '跨市公車路線整合'\nlead: 新北市\nstatus: delisted\nhistory:\n- date: 2024-07-11\n  meeting: vm-1\n  action: add\n- {meeting: vm-2, action: delist, date: 2024-12-20}\n",
    );
    r.meeting(
        "vm-1",
        VM1.replace("date: 2024-07-11", "date: 113年7月11日"),
    );
    r
}

#[test]
fn check_reports_writes_nothing_then_fmt_rewrites_without_changing_data() {
    let r = hand_formatted();
    r.validate().assert_code(0);
    let data_before = r.run(&["list", "--format", "json"]).stdout;
    let before = r.snapshot();
    let check = r.run(&["fmt", "--check"]);
    check
        .assert_code(1)
        .assert_line("would reformat cases/TR/TR-002.yaml")
        .assert_line("would reformat meetings/vm-1.yaml")
        .assert_line("+date: 2024-07-11");
    assert_eq!(r.snapshot(), before, "fmt --check wrote something");

    r.run(&["fmt"])
        .assert_code(0)
        .assert_line("2 files reformatted");
    assert_eq!(
        r.read("cases/TR/TR-002.yaml"),
        "id: TR-002\ntitle: 跨市公車路線整合\ngroup: 交通組\nlead: 新北市\nstatus: delisted\nhistory:\n  - { date: 2024-07-11, meeting: vm-1, action: add }\n  - { date: 2024-12-20, meeting: vm-2, action: delist }\n"
    );
    assert!(
        r.read("meetings/vm-1.yaml")
            .contains("\ndate: 2024-07-11\n")
    );
    r.validate().assert_code(0);
    assert_eq!(r.run(&["list", "--format", "json"]).stdout, data_before);
    r.run(&["fmt", "--check"])
        .assert_code(0)
        .assert_stdout("all files are in the canonical layout\n");
}

#[test]
fn comments_in_the_body_are_never_dropped() {
    let r = Reg::standard();
    let text = "# a header comment is kept\nid: HW-001\ntitle:   長照資源共享平台\ngroup: 衛生社福組\nstatus: ongoing   # checked by hand\nhistory:\n  - { date: 2024-07-11, meeting: vm-1, action: add }\n";
    r.case("HW-001", text);
    let out = r.run(&["fmt"]);
    out.assert_code(0);
    out.assert_stderr_has("cases/HW/HW-001.yaml: warning: not reformatted: it has comments that the canonical layout would drop");
    assert_eq!(r.read("cases/HW/HW-001.yaml"), text);
}

#[test]
fn bom_and_crlf_survive_and_a_header_comment_is_kept() {
    let r = Reg::standard();
    r.run(&["fmt"]).assert_code(0);
    let text = format!(
        "\u{feff}# yaml-language-server: $schema=../../schemas/case.schema.json\r\n{}",
        HW001
            .replace("title: 長照資源共享平台", "title:    長照資源共享平台")
            .replace('\n', "\r\n")
    );
    r.case("HW-001", &text);
    r.run(&["fmt"])
        .assert_code(0)
        .assert_line("1 file reformatted");
    assert_eq!(
        r.read("cases/HW/HW-001.yaml"),
        format!(
            "\u{feff}# yaml-language-server: $schema=../../schemas/case.schema.json\r\n{}",
            HW001.replace('\n', "\r\n")
        )
    );
}

#[test]
fn status_by_lead_city() {
    let r = Reg::standard();
    let out = r.run(&["status", "--meeting", "vm-1", "--by", "lead", "--ascii"]);
    out.assert_code(0);
    let rows: Vec<Vec<String>> = out
        .stdout
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.split('|')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    let want = [
        vec!["lead", "add", "delist", "ongoing"],
        vec!["臺北市", "1", "0", "0"],
        vec!["新北市", "1", "0", "0"],
        vec!["(not stated)", "1", "0", "0"],
    ];
    assert_eq!(rows.len(), want.len(), "{}", out.stdout);
    for (got, want) in rows.iter().zip(want) {
        assert_eq!(got, &want, "{}", out.stdout);
    }
}

const MODELINE_3: &str = "# yaml-language-server: $schema=../../../schemas/case.schema.json\n";
const MODELINE_2: &str = "# yaml-language-server: $schema=../../schemas/case.schema.json\n";

/// A register with its schemas, where delisted TR-002 was moved into cases/TR/delisted/ with its
/// modeline unchanged (one level too shallow).
fn moved_case() -> Reg {
    let r = Reg::standard();
    r.run(&["fmt"]).assert_code(0);
    r.write("schemas/case.schema.json", "{}\n");
    let text = format!("{MODELINE_2}{}", r.read("cases/TR/TR-002.yaml"));
    r.remove("cases/TR/TR-002.yaml");
    r.write("cases/TR/delisted/TR-002.yaml", &text);
    r
}

#[test]
fn validate_warns_about_a_modeline_that_does_not_resolve() {
    let r = moved_case();
    let out = r.validate();
    out.assert_code(0).assert_hint(
        "cases/TR/delisted/TR-002.yaml:1:33: warning: the schema modeline points at `../../schemas/case.schema.json`, which does not exist from this file",
        &format!("write `{}` (`kbbt fmt` fixes it)", MODELINE_3.trim_end()),
    );
    assert_eq!(out.summary(), Some((0, 1)), "{}", out.stdout);
    r.run(&["--lang", "zh-TW", "validate"]).assert_line(
        "cases/TR/delisted/TR-002.yaml:1:33: 警告：schema 設定行指向 `../../schemas/case.schema.json`，自本檔位置找不到該檔案",
    );
    // The same modeline at the depth it was written for resolves: no warning.
    let ok = Reg::standard();
    ok.write("schemas/case.schema.json", "{}\n");
    ok.case("HW-001", format!("{MODELINE_2}{HW001}"));
    let out = ok.validate();
    out.assert_code(0);
    out.assert_stdout_lacks("modeline");
    // A URL is not looked up.
    ok.case(
        "HW-001",
        format!("# yaml-language-server: $schema=https://example.org/case.schema.json\n{HW001}"),
    );
    assert!(!ok.validate().stdout.contains("modeline"));
}

#[test]
fn fmt_fixes_a_modeline_to_the_files_depth() {
    let r = moved_case();
    let before = r.snapshot();
    r.run(&["fmt", "--check"])
        .assert_code(1)
        .assert_line("would reformat cases/TR/delisted/TR-002.yaml")
        .assert_line(&format!("+{}", MODELINE_3.trim_end()));
    assert_eq!(r.snapshot(), before, "fmt --check wrote something");
    r.run(&["fmt"])
        .assert_code(0)
        .assert_line("1 file reformatted");
    let text = r.read("cases/TR/delisted/TR-002.yaml");
    assert!(text.starts_with(MODELINE_3), "{text}");
    assert_eq!(text.matches("yaml-language-server").count(), 1, "{text}");
    let out = r.validate();
    out.assert_stdout_lacks("modeline");
    r.run(&["fmt", "--check"]).assert_code(0);
}

#[test]
fn fmt_fixes_the_modeline_of_a_file_with_comments_and_keeps_the_rest() {
    let r = moved_case();
    let body = "id: TR-002  # kept\r\n";
    let rest = r
        .read("cases/TR/delisted/TR-002.yaml")
        .replacen(MODELINE_2, "", 1)
        .replacen("id: TR-002\n", "", 1)
        .replace('\n', "\r\n");
    r.write(
        "cases/TR/delisted/TR-002.yaml",
        format!(
            "\u{feff}# a note\r\n{}{body}{rest}",
            MODELINE_2.replace('\n', "\r\n")
        ),
    );
    r.validate().assert_code(0);
    r.run(&["fmt"]).assert_code(0);
    assert_eq!(
        r.read("cases/TR/delisted/TR-002.yaml"),
        format!(
            "\u{feff}# a note\r\n{}{body}{rest}",
            MODELINE_3.replace('\n', "\r\n")
        )
    );
}
