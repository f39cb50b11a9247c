//! Terminal tables fit a width: `--width N` (or the terminal's); piped without it, rows stay whole.

use crate::support::shipped;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

fn widest(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn list_fits_eighty_columns() {
    let out = shipped(&["list", "--width", "80"]);
    out.assert_code(0);
    assert!(widest(&out.stdout) <= 80, "{}", out.stdout);
    // Nothing is lost: every case is there, its long title wrapped onto more lines.
    assert!(out.stdout.ends_with("145 cases\n"), "{}", out.stdout);
    let ids = out.stdout.lines().filter(|l| l.contains("TR-0")).count();
    assert_eq!(
        ids,
        serde_json::from_str::<serde_json::Value>(
            &shipped(&["list", "--group", "TR", "--format", "json"]).stdout
        )
        .expect("JSON")
        .as_array()
        .map_or(0, Vec::len)
    );
    // Piped without --width: one line a case, however wide.
    let piped = shipped(&["list"]);
    assert!(widest(&piped.stdout) > 80);
    assert_eq!(piped.stdout.lines().count(), 3 + 145 + 1 + 1);
    // Columns no case fills (lead, partners) are left out of the terminal table, kept in CSV.
    assert!(!piped.stdout.lines().nth(1).unwrap_or("").contains("lead"));
    assert!(
        shipped(&["list", "--format", "csv"])
            .stdout
            .starts_with("id,title,group,status,lead,partners,")
    );
}

#[test]
fn every_line_fits_the_width_given() {
    for (args, w, code) in [
        (vec!["status", "--as-of", "2025-12-31"], 60, 0),
        (vec!["status", "--as-of", "2025-12-31", "--ascii"], 50, 0),
        (
            vec!["--lang", "zh-TW", "status", "--meeting", "vm-3"],
            60,
            0,
        ),
        (vec!["list", "--status", "ongoing", "--ascii"], 40, 0),
        (vec!["status", "--by", "lead"], 70, 0),
        (vec!["show", "TR-007"], 50, 0),
        (vec!["check", "stale", "--as-of", "2025-12-31"], 60, 1),
    ] {
        let mut all = args.clone();
        let ws = w.to_string();
        all.extend(["--width", &ws]);
        let out = shipped(&all);
        out.assert_code(code);
        let table = out
            .stdout
            .lines()
            .filter(|l| l.starts_with(['│', '┌', '└', '╞', '├', '|', '+']))
            .count();
        assert!(
            table > 0 || !args.contains(&"status"),
            "{args:?}: no table\n{}",
            out.stdout
        );
        assert!(
            widest(&out.stdout) <= w,
            "{args:?} wider than {w}:\n{}",
            out.stdout
        );
        // Piped without --width the same output has longer lines: nothing is wrapped.
        let piped = shipped(&args);
        assert!(widest(&piped.stdout) > w, "{args:?}");
    }
    shipped(&["list", "--width", "5"]).assert_code(2);
    // Lines are broken once translated: a Chinese summary stays Chinese.
    let out = shipped(&[
        "--lang",
        "zh-TW",
        "check",
        "stale",
        "--as-of",
        "2025-12-31",
        "--width",
        "44",
    ]);
    out.assert_code(1);
    assert!(widest(&out.stdout) <= 44, "{}", out.stdout);
    out.assert_stdout_has("辦理情形過舊");
    out.assert_stdout_lacks("stale");
    // Machine formats never wrap.
    let csv = shipped(&["list", "--format", "csv", "--width", "40"]).stdout;
    assert_eq!(csv, shipped(&["list", "--format", "csv"]).stdout);
}

/// `kbbt ARGS…` in a pseudo-terminal of `cols` columns (with util-linux's `script`), or `None`
/// where `script` is not installed.
fn in_terminal(cols: u16, args: &str) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())?;
    let bin = assert_cmd::cargo::cargo_bin("kbbt");
    let line = format!(
        "stty cols {cols} rows 40; '{}' -C '{}' {args}",
        bin.display(),
        env!("CARGO_MANIFEST_DIR")
    );
    let out = std::process::Command::new(script)
        .args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .output()
        .expect("run script");
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

#[test]
fn a_terminal_of_eighty_columns() {
    let Some(list) = in_terminal(80, "list --color never") else {
        println!("skipped: script is not installed");
        return;
    };
    assert!(list.ends_with("145 cases\n"), "{list}");
    assert_eq!(widest(&list), 80, "{list}");
    let status = in_terminal(80, "status --color never --as-of 2025-12-31").expect("script");
    assert!(status.contains("All time"), "{status}");
    assert!(widest(&status) <= 80, "{status}");
    let wide = in_terminal(200, "list --color never").expect("script");
    assert!(widest(&wide) > 80, "a wide terminal keeps rows whole");
}
