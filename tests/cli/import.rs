//! `kbbt import progress`: the real progress report into the shipped register, misspelt names, CSV,
//! conflicts, and bad input.

use super::support::{HW001, PLATFORM, Reg, TR001, TR002, VM1, VM2};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The platform's progress report as of 2025-12-31, whole.
fn report() -> PathBuf {
    repo().join("tests/fixtures/progress-2025-12-31.txt")
}

fn report_str() -> String {
    report().display().to_string()
}

/// Every file below `dir`, by path relative to `base`.
fn files(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(base, &p, out);
        } else {
            let rel = p.strip_prefix(base).expect("below base");
            out.push((
                rel.display().to_string(),
                std::fs::read(&p).expect("read file"),
            ));
        }
    }
}

/// The text with its top-level `progress:` block removed.
fn without_progress(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("progress:") {
            skipping = true;
            continue;
        }
        if skipping && (line.starts_with(' ') || line.starts_with('-') || line.trim().is_empty()) {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    out
}

#[test]
fn the_report_changes_nothing_in_the_shipped_register() {
    let r = Reg::shipped();
    let before = r.files();
    let out = r.run(&["import", "progress", &report_str()]);
    out.assert_code(0).assert_no_panic();
    out.assert_line("0 entries added, 56 unchanged, 0 unmatched");
    assert_eq!(r.files(), before, "{}", out.stdout);
    // The dry run says the same.
    let out = r.run(&["import", "progress", &report_str(), "--dry-run"]);
    out.assert_code(0)
        .assert_line("0 entries would be added, 56 unchanged, 0 unmatched");
}

#[test]
fn the_report_rebuilds_every_progress_entry_byte_for_byte() {
    let r = Reg::shipped();
    let mut cases = Vec::new();
    files(r.path(), &r.path().join("cases"), &mut cases);
    let mut stripped = 0;
    for (rel, bytes) in &cases {
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        let without = without_progress(&text);
        if without != text {
            stripped += 1;
            r.write(rel, without);
        }
    }
    assert_eq!(stripped, 56);
    r.validate().assert_code(0);
    let out = r.run(&["import", "progress", &report_str()]);
    out.assert_code(0).assert_no_panic();
    out.assert_line("56 entries added, 0 unchanged, 0 unmatched")
        .assert_line("56 files changed")
        .assert_line("  added    TR-006 捷運民汐線(臺北市段) (line 14)");
    // The two names that carry a note in brackets are matched and said so.
    out.assert_stderr_has(
        "is DP-012 「消防人員救災安全管理交流分享」 once its note in brackets is left out",
    );
    r.validate().assert_code(0);
    let mut after = Vec::new();
    files(r.path(), &r.path().join("cases"), &mut after);
    for ((rel, want), (_, got)) in cases.iter().zip(&after) {
        assert_eq!(
            String::from_utf8_lossy(got),
            String::from_utf8_lossy(want),
            "{rel}"
        );
    }
    // Importing again changes nothing.
    let before = r.files();
    r.run(&["import", "progress", &report_str()])
        .assert_code(0)
        .assert_line("0 entries added, 56 unchanged, 0 unmatched");
    assert_eq!(r.files(), before);
}

#[test]
fn one_misspelt_name_refuses_everything_with_a_suggestion() {
    let r = Reg::shipped();
    let text = std::fs::read_to_string(report()).expect("report");
    let bad = text.replace("\n汐東捷運\t", "\n汐東捷運綫線\t");
    assert_ne!(bad, text);
    r.write("report.txt", &bad);
    // Strip one case's progress so that the import would have something to write.
    let tr006 = std::fs::read_to_string(r.path().join("cases/TR/TR-006.yaml")).expect("TR-006");
    r.write("cases/TR/TR-006.yaml", without_progress(&tr006));
    let before = r.files();
    let out = r.run(&["import", "progress", "report.txt"]);
    out.assert_code(1).assert_no_panic();
    out.assert_stderr_has("report.txt:18:1: error: unknown case `汐東捷運綫線` in 交通組\n  hint: did you mean TR-007 「汐東捷運線」?\n");
    out.assert_stderr_has("error: 1 name in the table matches no case; nothing was written");
    assert_eq!(r.files(), before);
    // --skip-unmatched imports the rest and lists the one it skipped.
    let out = r.run(&["import", "progress", "report.txt", "--skip-unmatched"]);
    out.assert_code(0)
        .assert_line("1 entry added, 54 unchanged, 1 unmatched");
    out.assert_stderr_has(
        "report.txt:18:1: warning: unknown case `汐東捷運綫線` in 交通組; skipped",
    );
    assert_eq!(
        std::fs::read_to_string(r.path().join("cases/TR/TR-006.yaml")).expect("TR-006"),
        tr006
    );
}

/// A small register whose TR-001 already has an older progress entry.
fn small() -> Reg {
    let r = Reg::minimal();
    r.meeting("vm-1", VM1).meeting("vm-2", VM2);
    r.case(
        "TR-001",
        format!("{TR001}progress:\n  - as_of: 2025-06-30\n    text: |\n      1. 舊進度\nsources: [測試]\n"),
    );
    r.case("TR-002", TR002).case("HW-001", HW001);
    r
}

#[test]
fn a_csv_table_with_a_bom_adds_entries_newest_first() {
    let r = small();
    r.write(
        "progress.csv",
        "\u{feff}組別,方案名稱,最新辦理情形\r\n交通組,捷運環狀線(北環段),\"<ol> 1. 綜合規劃完成。 2. 預算 5.02 億元。\"\r\n衛生社福組,長照資源共享平臺,持續辦理。\r\n",
    );
    let before = r.files();
    let import = ["import", "progress"];
    let out = r.run_sub(
        &import,
        &["progress.csv", "--dry-run", "--as-of", "114/12/31"],
    );
    out.assert_code(0).assert_no_panic();
    out.assert_line("dry run: 2 files would change; nothing was written")
        .assert_line("2 entries would be added, 0 unchanged, 0 unmatched")
        .assert_line("+  - as_of: 2025-12-31");
    assert_eq!(r.files(), before);
    // No 資料時間 line in this table, so the date comes from --as-of (ROC accepted).
    let out = r.run(&["import", "progress", "progress.csv", "--as-of", "114/12/31"]);
    out.assert_code(0)
        .assert_line("2 entries added, 0 unchanged, 0 unmatched");
    assert_eq!(
        std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).expect("TR-001"),
        format!(
            "{TR001}progress:\n  - as_of: 2025-12-31\n    text: |\n      1. 綜合規劃完成。\n      2. 預算 5.02 億元。\n  - as_of: 2025-06-30\n    text: |\n      1. 舊進度\nsources: [測試]\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(r.path().join("cases/HW/HW-001.yaml")).expect("HW-001"),
        format!("{HW001}progress:\n  - as_of: 2025-12-31\n    text: |\n      持續辦理。\n")
    );
    r.validate().assert_code(0);
}

#[test]
fn the_date_comes_from_the_file_or_the_flag_and_the_flag_wins() {
    let r = small();
    r.write(
        "t.txt",
        "資料時間：114 年 12 月 31 日\n(一) 交通組\n方案名稱\t最新辦理情形\n環狀線北環\t<p>進度。</p>\n",
    );
    let out = r.run(&["import", "progress", "t.txt", "--as-of", "2026-03-31"]);
    out.assert_code(0)
        .assert_line("Importing progress as of 2026-03-31 from t.txt");
    let text = std::fs::read_to_string(r.path().join("cases/TR/TR-001.yaml")).expect("TR-001");
    assert!(
        text.contains(
            "progress:\n  - as_of: 2026-03-31\n    text: |\n      進度。\n  - as_of: 2025-06-30\n"
        ),
        "{text}"
    );
    r.write("nodate.txt", "方案名稱\t最新辦理情形\n環狀線北環\t進度。\n");
    let before = r.files();
    let out = r.run(&["import", "progress", "nodate.txt"]);
    out.assert_code(2).assert_no_panic();
    out.assert_stderr_has("has no 資料時間 line");
    let out = r.run(&["import", "progress", "nodate.txt", "--as-of", "113-02-30"]);
    out.assert_code(2);
    assert_eq!(r.files(), before);
}

#[test]
fn the_same_date_with_another_text_is_refused() {
    let r = small();
    r.write(
        "t.txt",
        "資料時間：114 年 6 月 30 日\n(一) 交通組\n方案名稱\t最新辦理情形\n環狀線北環\t1. 舊進度 \n(二) 衛生社福組\n長照資源共享平台\t新的。\n",
    );
    // Same date, same text (the trailing space is not text): unchanged; HW-001 gets its entry.
    r.run(&["import", "progress", "t.txt"])
        .assert_code(0)
        .assert_line("1 entry added, 1 unchanged, 0 unmatched");
    r.write(
        "t2.txt",
        "資料時間：114 年 6 月 30 日\n(一) 交通組\n方案名稱\t最新辦理情形\n環狀線北環\t1.舊進度\n",
    );
    let before = r.files();
    let out = r.run(&["import", "progress", "t2.txt"]);
    out.assert_code(1).assert_no_panic();
    out.assert_stderr_has("t2.txt:4:1: error: TR-001 「捷運環狀線（北環段）」 already has progress as of 2025-06-30 with a text that differs only in spacing or line breaks");
    assert_eq!(r.files(), before);
}

#[test]
fn table_problems_are_refused_with_their_lines() {
    let r = small();
    r.write(
        "t.txt",
        "資料時間：114 年 12 月 31 日\n(一) 交通\n方案名稱\t最新辦理情形\n環狀線北環\t甲\n(二) 觀光組\nx\ty\n",
    );
    let before = r.files();
    let out = r.run(&["import", "progress", "t.txt"]);
    assert_eq!(r.files(), before);
    out.assert_code(1).assert_no_panic();
    out.assert_stderr_has("t.txt:5:1: error: unknown group `觀光組`");
    // Other groups' cases are not matched from under a heading.
    r.write(
        "t.txt",
        "資料時間：114 年 12 月 31 日\n(一) 衛生社福組\n方案名稱\t最新辦理情形\n環狀線北環\t甲\n",
    );
    let before = r.files();
    let out = r.run(&["import", "progress", "t.txt", "--skip-unmatched"]);
    out.assert_code(0)
        .assert_line("0 entries added, 0 unchanged, 1 unmatched");
    out.assert_stderr_has("case `環狀線北環` is not in 衛生社福組; skipped");
    assert_eq!(r.files(), before);
}

#[test]
fn bad_input_never_panics_and_never_writes() {
    let r = small();
    let before = r.files();
    for (name, bytes) in [
        ("empty.txt", b"".to_vec()),
        ("latin1.txt", b"\xff\xfe\x00garbage\t\x81\n".to_vec()),
        ("junk.csv", b"\"unterminated,\n,,,\n\t\t\t\n".to_vec()),
        ("html.txt", b"<<<>>>\t<p\n&#xFFFFFFFF;\t&#0;\n".to_vec()),
    ] {
        r.write(name, &bytes);
        let out = r.run(&["import", "progress", name, "--as-of", "2025-12-31"]);
        out.assert_no_panic();
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.code);
        std::fs::remove_file(r.path().join(name)).expect("remove");
    }
    let out = r.run(&["import", "progress", "missing.txt"]);
    out.assert_code(1).assert_no_panic();
    assert_eq!(r.files(), before);
    // The platform must still be the test platform.
    assert!(
        std::fs::read_to_string(r.path().join("platform.yaml"))
            .expect("platform")
            .starts_with(PLATFORM)
    );
}
