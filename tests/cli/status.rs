//! `kbbt status`: group spellings, JSON and CSV output, ROC dates, colour, and table widths.

use crate::support::{Reg, Run, VM2};

fn status(r: &Reg, args: &[&str]) -> Run {
    let mut all = vec!["status"];
    all.extend_from_slice(args);
    let out = r.run(&all);
    out.assert_no_panic();
    out
}

/// Display width of a line, counting East Asian wide characters as two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(
                c as u32,
                0x1100..=0x115F
                    | 0x2E80..=0xA4CF
                    | 0xAC00..=0xD7A3
                    | 0xF900..=0xFAFF
                    | 0xFE30..=0xFE4F
                    | 0xFF00..=0xFF60
                    | 0xFFE0..=0xFFE6
            );
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// The tables of a terminal output: runs of consecutive lines that start with a border character.
fn tables(out: &str) -> Vec<Vec<&str>> {
    let mut all: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for l in out.lines() {
        if l.starts_with(['+', '|', '┌', '│', '╞', '├', '└']) {
            cur.push(l);
        } else if !cur.is_empty() {
            all.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        all.push(cur);
    }
    all
}

#[track_caller]
fn assert_tables_aligned(out: &str) {
    let ts = tables(out);
    assert!(!ts.is_empty(), "no table in:\n{out}");
    for t in ts {
        let w = width(t[0]);
        for l in &t {
            assert_eq!(width(l), w, "a row of another width:\n{}", t.join("\n"));
        }
    }
}

/// `status ARGS…` is a usage error: exit 2, nothing on stdout, exactly `stderr`.
#[track_caller]
fn refused_with(r: &Reg, args: &[&str], stderr: &str) {
    let out = status(r, args);
    out.assert_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, stderr);
}

#[test]
fn group_by_alias_code_or_name_prints_the_same() {
    let r = Reg::standard();
    let by_alias = status(&r, &["--group", "交通"]);
    by_alias.assert_code(0);
    for spelling in ["TR", "交通組", "tr", " 交通組 "] {
        let out = status(&r, &["--group", spelling]);
        out.assert_code(0);
        assert_eq!(out.stdout, by_alias.stdout, "--group {spelling:?}");
    }
    by_alias.assert_stdout_has("  delisted TR-002 跨市公車路線整合\n");
    by_alias.assert_stdout_has("  ongoing  TR-001 捷運環狀線（北環段）\n");
    by_alias.assert_stdout_lacks("衛生社福組");
}

#[test]
fn unknown_group_is_a_usage_error_with_a_suggestion() {
    let r = Reg::standard();
    refused_with(
        &r,
        &["--group", "衛生福利組"],
        "error: unknown group `衛生福利組`\n  hint: did you mean `衛生社福組`?\n",
    );
    let out = status(&r, &["--group", "XYZ"]);
    out.assert_code(2);
    assert_eq!(
        out.stderr,
        "error: unknown group `XYZ`\n  hint: the groups are 交通組 (TR), 衛生社福組 (HW)\n"
    );
}

#[test]
fn json_has_the_documented_keys() {
    let r = Reg::standard();
    let out = status(&r, &["--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["platform"], "測試合作交流平臺");
    let m = &v["meeting"];
    for key in [
        "id",
        "title",
        "date",
        "groups",
        "totals",
        "stated_differences",
    ] {
        assert!(m.get(key).is_some(), "meeting without `{key}`: {m}");
    }
    assert_eq!(m["id"], "vm-2");
    assert_eq!(m["date"], "2024-12-20");
    assert_eq!(
        m["totals"],
        serde_json::json!({ "delist": 1, "add": 0, "ongoing": 2 })
    );
    assert_eq!(m["stated_differences"], serde_json::json!([]));
    let groups = m["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 2);
    for g in groups {
        for key in [
            "group", "code", "add", "delist", "ongoing", "relist", "replaced", "merged",
            "proposed", "subcases", "cases",
        ] {
            assert!(g.get(key).is_some(), "group without `{key}`: {g}");
        }
    }
    assert_eq!(groups[0]["group"], "交通組");
    assert_eq!(groups[0]["code"], "TR");
    assert_eq!(
        groups[0]["cases"],
        serde_json::json!({ "add": [], "delist": ["TR-002"], "ongoing": ["TR-001"] })
    );
    let at = &v["all_time"];
    for key in ["as_of", "groups", "total"] {
        assert!(at.get(key).is_some(), "all_time without `{key}`: {at}");
    }
    assert!(at["as_of"].is_null());
    for key in [
        "cases", "ongoing", "delisted", "replaced", "merged", "proposed", "subcases",
    ] {
        assert!(at["total"].get(key).is_some(), "total without `{key}`");
    }
    assert_eq!(at["total"]["cases"], 3);
    assert_eq!(at["total"]["delisted"], 1);
}

const UNRECORDED_TR: &str =
    "交通組: the minutes state ongoing 3, the register has 1 (not recorded: run kbbt validate)";

/// `status --format json`'s `meeting.stated_differences` (exit 0 asserted).
fn stated_differences(r: &Reg) -> Vec<String> {
    let out = status(r, &["--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    serde_json::from_value(v["meeting"]["stated_differences"].clone()).expect("a list of strings")
}

/// vm-2 stating 3 ongoing in 交通組, where the register has 1.
fn vm2_stating_3() -> String {
    VM2.replace("ongoing: 1", "ongoing: 3")
}

#[test]
fn json_lists_stated_differences() {
    let r = Reg::standard();
    r.meeting("vm-2", vm2_stating_3());
    assert_eq!(stated_differences(&r), [UNRECORDED_TR]);
}

#[test]
fn a_discrepancy_of_another_group_does_not_count_as_recorded() {
    let r = Reg::standard();
    let other = "  - { group: 衛生社福組, field: ongoing, stated: 3, register: 1 }\n";
    r.meeting(
        "vm-2",
        format!("{}discrepancies:\n{other}", vm2_stating_3()),
    );
    // validate: the 交通組 number is not recorded.
    r.validate().assert_code(1);
    assert_eq!(stated_differences(&r), [UNRECORDED_TR]);
}

#[test]
fn csv_header_and_rows() {
    let r = Reg::standard();
    let out = status(&r, &["--format", "csv"]);
    out.assert_code(0);
    let lines: Vec<&str> = out.stdout.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "meeting,group,code,add,delist,ongoing,cases,ongoing_now,delisted,replaced,merged,proposed,unconfirmed"
    );
    assert_eq!(lines[1], "vm-2,交通組,TR,0,1,1,2,1,1,0,0,0,0");
    assert_eq!(lines[2], "vm-2,衛生社福組,HW,0,0,1,1,1,0,0,0,0,0");
    assert_eq!(lines[3], "");
    assert_eq!(lines.len(), 4);
}

#[test]
fn roc_and_iso_dates_give_the_same_report() {
    let r = Reg::standard();
    let iso = status(&r, &["--as-of", "2024-12-31"]);
    iso.assert_code(0);
    iso.assert_stdout_has("All time (as of 2024-12-31)");
    for roc in [
        "113-12-31",
        "113/12/31",
        "113.12.31",
        "113年12月31日",
        "民國113年12月31日",
    ] {
        let out = status(&r, &["--as-of", roc]);
        out.assert_code(0);
        assert_eq!(out.stdout, iso.stdout, "--as-of {roc}");
    }
}

#[test]
fn as_of_before_a_meeting_reports_the_earlier_state() {
    let r = Reg::standard();
    let out = status(&r, &["--as-of", "113-08-01", "--format", "json"]);
    out.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["meeting"]["id"], "vm-1");
    assert_eq!(v["all_time"]["as_of"], "2024-08-01");
    assert_eq!(v["all_time"]["total"]["ongoing"], 3);
    assert_eq!(v["all_time"]["total"]["delisted"], 0);
}

#[test]
fn invalid_date_is_a_usage_error() {
    let r = Reg::standard();
    refused_with(
        &r,
        &["--as-of", "113-02-30"],
        "error: `113-02-30` is not a real date\n",
    );
    for bad in ["abc", "2024-13-01", "113年2月", ""] {
        status(&r, &["--as-of", bad]).assert_code(2);
    }
    // 民國 113 is a leap year.
    status(&r, &["--as-of", "113-02-29"]).assert_code(0);
}

#[test]
fn unknown_meeting_is_a_usage_error() {
    let r = Reg::standard();
    let out = status(&r, &["--meeting", "vm-9"]);
    out.assert_code(2);
    assert!(
        out.stderr.starts_with("error: unknown meeting `vm-9`\n"),
        "{}",
        out.stderr
    );
    status(&r, &["--meeting", "vm-1"]).assert_code(0);
}

#[test]
fn no_escape_codes_without_a_terminal_or_with_no_color() {
    let r = Reg::standard();
    for args in [
        vec!["status"],
        vec!["status", "--group", "TR"],
        vec!["list"],
        vec!["show", "TR-001"],
        vec!["validate"],
    ] {
        let piped = r.run(&args);
        piped.assert_code(0);
        assert!(
            !piped.stdout.contains('\x1b'),
            "{args:?}: {:?}",
            piped.stdout
        );
        let no_color = r.run_env(&args, &[("NO_COLOR", "1")]);
        no_color.assert_code(0);
        assert!(
            !no_color.stdout.contains('\x1b'),
            "{args:?}: {:?}",
            no_color.stdout
        );
        assert_eq!(no_color.stdout, piped.stdout);
    }
    r.case(
        "TR-001",
        crate::support::TR001.replace("lead: 臺北市", "lead: 台北市"),
    );
    let out = r.run_env(&["validate"], &[("NO_COLOR", "1")]);
    out.assert_code(1);
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
}

#[test]
fn color_always_does_colour() {
    let r = Reg::standard();
    let out = status(&r, &["--color", "always"]);
    out.assert_code(0);
    assert!(out.stdout.contains('\x1b'), "{:?}", out.stdout);
}

#[test]
fn ascii_tables_with_cjk_text_align() {
    let r = Reg::standard();
    for args in [
        vec!["status", "--ascii"],
        vec!["status", "--ascii", "--group", "HW"],
        vec!["status", "--ascii", "--by", "lead"],
        vec!["list", "--ascii"],
    ] {
        let out = r.run(&args);
        out.assert_no_panic().assert_code(0);
        for t in tables(&out.stdout) {
            for l in t {
                assert!(
                    l.chars().all(|c| !('\u{2500}'..='\u{257F}').contains(&c)),
                    "{args:?}: a box-drawing character in --ascii output:\n{l}"
                );
            }
        }
        assert_tables_aligned(&out.stdout);
    }
}

#[test]
fn unicode_tables_with_cjk_text_align() {
    let r = Reg::standard();
    for args in [vec!["status"], vec!["list"]] {
        let out = r.run(&args);
        out.assert_code(0);
        assert_tables_aligned(&out.stdout);
    }
}

#[test]
fn status_of_an_unparsable_register_points_at_the_file() {
    let r = Reg::standard();
    r.case("HW-001", "id: HW-001\ntitle: [\n");
    let before = r.snapshot();
    let out = status(&r, &[]);
    out.assert_code(1);
    assert!(
        out.stderr.starts_with("cases/HW/HW-001.yaml:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("error: the register has problems; run `kbbt validate` for all of them\n"),
        "{}",
        out.stderr
    );
    assert_eq!(r.snapshot(), before);
}

#[test]
fn status_without_meetings() {
    let r = Reg::standard();
    r.remove("meetings/vm-1.yaml").remove("meetings/vm-2.yaml");
    let out = status(&r, &[]);
    out.assert_code(0);
    out.assert_stdout_has("no meeting with decisions\n");
    let out = status(&r, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert!(v["meeting"].is_null());
}
