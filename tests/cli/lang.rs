//! Traditional Chinese output: labels and messages translate; machine formats never change.

use super::support::{Reg, TR001, kbbt, run_cmd};

#[test]
fn zh_tw_from_the_flag_or_the_locale() {
    let r = Reg::standard();
    for (args, env) in [
        (vec!["--lang", "zh-TW", "status"], vec![]),
        (vec!["status"], vec![("LANG", "zh_TW.UTF-8")]),
        (
            vec!["status"],
            vec![("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")],
        ),
    ] {
        let out = r.run_env(&args, &env);
        out.assert_code(0);
        assert!(
            out.stdout.contains("組別"),
            "{args:?} {env:?}\n{}",
            out.stdout
        );
        out.assert_stdout_has("歷來累計（截至目前）")
            .assert_stdout_has("合計");
        out.assert_stdout_has("解列 1 案、新增 0 案、持續列管 2 案");
    }
    // An English locale, or --lang en over a Chinese locale, stays English.
    let out = r.run_env(&["--lang", "en", "status"], &[("LANG", "zh_TW.UTF-8")]);
    out.assert_stdout_has("delist 1, add 0, ongoing 2");
}

#[test]
fn findings_translate_but_keep_their_place() {
    let r = Reg::standard();
    r.case("TR-001", TR001.replace("lead: 臺北市", "lead: 台北市"));
    let out = r.run(&["--lang", "zh-TW", "validate"]);
    out.assert_code(1)
        .assert_line("cases/TR/TR-001.yaml:5:7: 錯誤：`台北市` 不是本平臺的成員")
        .assert_line("  提示：是否指 `臺北市`？")
        .assert_line("1 個錯誤、0 個警告");
}

#[test]
fn machine_formats_do_not_change_with_the_language() {
    let r = Reg::standard();
    r.case("TR-001", TR001.replace("lead: 臺北市", "lead: 台北市"));
    for args in [
        vec!["status", "--format", "json"],
        vec!["status", "--format", "csv"],
        vec!["list", "--format", "csv"],
        vec!["validate", "--format", "json"],
        vec!["validate", "--format", "github"],
    ] {
        let en = r.run(&args);
        let mut zh_args = vec!["--lang", "zh-TW"];
        zh_args.extend(&args);
        assert_eq!(en.stdout, r.run(&zh_args).stdout, "{args:?}");
    }
}

#[test]
fn help_reads_in_both_languages() {
    let en = run_cmd(kbbt().arg("--help"));
    assert!(en.stdout.contains("Usage: kbbt") && en.stdout.contains("Apply a meeting's decisions"));
    let zh = run_cmd(kbbt().args(["--lang", "zh-TW", "--help"]));
    zh.assert_stdout_has("用法：kbbt")
        .assert_stdout_has("將一場會議的決議套用至案件檔");
    let zh = run_cmd(kbbt().args(["apply", "--help"]).env("LANG", "zh_TW.UTF-8"));
    zh.assert_stdout_has("會議檔，例如 meetings/vm-7.yaml");
}
