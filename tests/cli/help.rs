//! The command line in Traditional Chinese: `--help` of every kind, clap's usage errors, and the Chinese
//! words `list --status` and `--by` take. (That every command and argument has its Chinese text is
//! checked in-process, by the unit tests of `src/cli.rs`.)

use super::support::{Reg, Run, kbbt, run_cmd};

/// `kbbt ARGS…` in a fixed width, without a register.
fn run(args: &[&str]) -> Run {
    run_cmd(kbbt().args(args).env("COLUMNS", "100"))
}

/// One run as text: the command line, exit code, stdout, stderr.
fn shown(args: &[&str], out: &Run) -> String {
    format!(
        "$ kbbt {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.code,
        out.stdout,
        out.stderr
    )
}

#[track_caller]
fn pin(name: &str, args: &[&str]) {
    let out = run(args);
    out.assert_no_panic();
    insta::assert_snapshot!(name, shown(args, &out));
}

#[test]
fn zh_help_pinned() {
    pin("zh_help", &["--lang", "zh-TW", "--help"]);
    pin("zh_help_status", &["--lang", "zh-TW", "status", "--help"]);
    pin("zh_help_list", &["--lang", "zh-TW", "list", "--help"]);
    pin("zh_help_list_short", &["--lang", "zh-TW", "list", "-h"]);
    pin("zh_help_apply", &["--lang", "zh-TW", "apply", "--help"]);
    pin(
        "zh_help_import_progress",
        &["--lang", "zh-TW", "import", "progress", "--help"],
    );
    pin("zh_help_help", &["--lang", "zh-TW", "help", "help"]);
}

#[test]
fn zh_usage_errors_pinned() {
    pin(
        "zh_error_unknown_argument",
        &["--lang", "zh-TW", "list", "--fromat", "csv"],
    );
    pin(
        "zh_error_missing_argument",
        &["--lang", "zh-TW", "new", "case", "--title", "新案"],
    );
    pin(
        "zh_error_invalid_value",
        &["--lang", "zh-TW", "list", "--format", "xml"],
    );
    pin("zh_error_unknown_command", &["--lang", "zh-TW", "lsit"]);
    pin(
        "zh_error_conflict",
        &[
            "--lang",
            "zh-TW",
            "import",
            "progress",
            "a.csv",
            "--complete",
            "--skip-unmatched",
        ],
    );
}

#[test]
fn usage_errors_follow_the_locale_and_stay_english_in_english() {
    let out = run_cmd(kbbt().args(["list", "--foo"]).env("LANG", "zh_TW.UTF-8"));
    out.assert_usage_error("錯誤：不明的參數 `--foo`")
        .assert_stderr_has("用法：kbbt list [選項]")
        .assert_stderr_has("更多說明請用 `--help`。");
    let out = run(&["--lang", "en", "list", "--foo"]);
    out.assert_usage_error("error: unexpected argument '--foo' found")
        .assert_stderr_has("Usage: kbbt list [OPTIONS]")
        .assert_stderr_has("For more information, try '--help'.");
    // A subcommand missing: the help, on stderr, exit 2, as in English.
    let out = run(&["--lang", "zh-TW", "check"]);
    out.assert_code(2)
        .assert_stderr_has("用法：kbbt check [選項] <命令>");
}

#[test]
fn help_subcommand_and_flag_agree() {
    for lang in ["en", "zh-TW"] {
        for cmd in [&["list"][..], &["import", "progress"], &["check", "stale"]] {
            let mut by_help = vec!["--lang", lang, "help"];
            by_help.extend_from_slice(cmd);
            let mut by_flag = vec!["--lang", lang];
            by_flag.extend_from_slice(cmd);
            by_flag.push("--help");
            let (a, b) = (run(&by_help), run(&by_flag));
            a.assert_code(0);
            assert_eq!(a.stdout, b.stdout, "{by_help:?}");
        }
    }
    let out = run(&["--lang", "zh-TW", "check", "help"]);
    out.assert_code(0)
        .assert_stdout_has("用法：kbbt check [選項] <命令>")
        .assert_stdout_has("  help     顯示本說明或指定命令的說明");
    let out = run(&["--lang", "zh-TW", "--version"]);
    out.assert_code(0).assert_stdout_has("kbbt ");
}

#[test]
fn the_status_words_of_the_documents() {
    let r = Reg::standard();
    for (zh, en) in [
        ("持續列管", "ongoing"),
        ("列管中", "ongoing"),
        ("解列", "delisted"),
        ("併案", "merged"),
        ("被取代", "replaced"),
        ("提案", "proposed"),
    ] {
        let a = r.run(&["list", "--status", zh, "--format", "csv"]);
        let b = r.run(&["list", "--status", en, "--format", "csv"]);
        a.assert_code(0);
        assert_eq!(a.stdout, b.stdout, "{zh} = {en}");
    }
    let ongoing = r.run(&["--lang", "zh-TW", "list", "--status", "持續列管"]);
    ongoing
        .assert_stdout_has("TR-001")
        .assert_stdout_lacks("TR-002");
    let out = r.run(&["list", "--status", "中止"]);
    out.assert_usage_error("unknown status `中止`");
    // `new case --status` reads a status the same way.
    let new = |title, status| {
        let args = ["new", "case", "--group", "交通組", "--source", "s"];
        let mut args = args.to_vec();
        args.extend(["--title", title, "--status", status]);
        r.run(&args)
    };
    new("新案", "持續列管").assert_code(0);
    new("另案", "提案")
        .assert_usage_error("a new case cannot start as `proposed` without its meeting");
}

#[test]
fn by_in_chinese() {
    let r = Reg::standard();
    for (zh, en) in [("主辦城市", "lead"), ("組別", "group")] {
        let a = r.run(&["--lang", "zh-TW", "status", "--by", zh]);
        let b = r.run(&["--lang", "zh-TW", "status", "--by", en]);
        a.assert_code(0);
        assert_eq!(a.stdout, b.stdout, "--by {zh}");
    }
    // Output formats keep their English words.
    let a = r.run(&["status", "--by", "主辦城市", "--format", "csv"]);
    let b = r.run(&["status", "--by", "lead", "--format", "csv"]);
    assert_eq!(a.stdout, b.stdout);
}
