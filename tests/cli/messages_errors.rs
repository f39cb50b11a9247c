//! The errors of writing, locking, recovering, git and the commands' own refusals, under zh-TW: each
//! is Chinese but for ids, paths, code and register data, and the data (a file name, a title that
//! is an English message's text) prints unchanged.

use super::messages::english_words;
use super::support::*;

/// Run under zh-TW.
fn zh(r: &Reg, args: &[&str]) -> Run {
    let out = r.run_sub(&["--lang", "zh-TW"], args);
    out.assert_no_panic();
    out
}

/// Assert that the output has no English word, and holds each of `want` (on either stream).
#[track_caller]
fn chinese(out: &Run, want: &[&str]) {
    let all = format!("{}{}", out.stdout, out.stderr);
    let words = english_words(&all);
    assert!(words.is_empty(), "English {words:?} in\n{all}");
    for w in want {
        assert!(all.contains(w), "expected 「{w}」 in\n{all}");
    }
}

#[test]
fn a_held_lock_is_said_in_chinese() {
    let r = Reg::standard();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    let lock = r.hold_lock();
    for args in [&["apply", "meetings/vm-3.yaml"][..], &["fmt"]] {
        let out = zh(&r, args);
        out.assert_code(1);
        chinese(
            &out,
            &[
                "錯誤：另一個 kbbt 正在修改此列管資料（持有 .kbbt/lock），請待其完成後再試；未寫入任何檔案\n",
            ],
        );
    }
    let en = r.run(&["apply", "meetings/vm-3.yaml"]);
    en.assert_stderr_has(
        "error: another kbbt is changing this register (it holds .kbbt/lock); try again when it has finished; nothing was written\n",
    );
    drop(lock);
}

#[test]
fn an_interrupted_write_and_recover_are_said_in_chinese() {
    let r = Reg::standard();
    super::hostile::genuine_journal(&r);
    // A command that only reads warns, and goes on.
    let status = zh(&r, &["status"]);
    status.assert_code(0);
    chinese(
        &status,
        &[
            "警告：.kbbt/ 中有未完成的寫入",
            "提示：請執行 `kbbt recover` 完成寫入",
        ],
    );
    let out = zh(&r, &["recover"]);
    out.assert_code(0);
    assert_eq!(out.stdout, "已完成中斷的寫入（1 個檔案）\n");
    assert_eq!(out.stderr, "");
    let again = zh(&r, &["recover"]);
    assert_eq!(again.stdout, "無須復原：沒有中斷的寫入\n");
    // A command that writes finishes it first, with a note.
    super::hostile::genuine_journal(&r);
    r.case("TR-001", TR001);
    let fmt = zh(&r, &["fmt"]);
    chinese(&fmt, &["說明：已完成中斷的寫入（1 個檔案）\n"]);
    // In English, one file is one file.
    super::hostile::genuine_journal(&r);
    r.case("TR-001", TR001);
    r.run(&["recover"])
        .assert_code(0)
        .assert_line("finished an interrupted write (1 file)");
}

#[test]
fn a_refused_recovery_is_said_in_chinese() {
    let r = Reg::standard();
    // Staging that holds a file kbbt did not stage: nothing is deleted.
    r.write(".kbbt/staging/committed", "mine");
    let out = zh(&r, &["recover"]);
    out.assert_code(1);
    chinese(
        &out,
        &["錯誤：`.kbbt/staging` 中有 `committed`，並非 kbbt 暫存的檔案；未移動或刪除任何檔案\n"],
    );
    // A journal that names a file it holds no text for.
    r.remove(".kbbt/staging/committed");
    super::hostile::genuine_journal(&r);
    r.write(".kbbt/staging/0", "other text\n");
    let out = zh(&r, &["recover"]);
    out.assert_code(1);
    chinese(
        &out,
        &[
            "錯誤：無法完成中斷的寫入：cases/TR/TR-001.yaml：.kbbt/staging/0 的內容與日誌所記不符；未移動或刪除任何檔案\n",
            "  提示：請以 `git status` 檢查列管資料；刪除 .kbbt/ 即放棄中斷的寫入\n",
        ],
    );
    // A journal kbbt did not write.
    r.write(".kbbt/journal", "not a journal\n");
    let out = zh(&r, &["recover"]);
    out.assert_code(1);
    chinese(&out, &["並非此 kbbt 所寫入（第一行不是 `kbbt-journal 2`）"]);
}

#[cfg(unix)]
#[test]
fn the_state_folder_as_a_link_is_said_in_chinese() {
    let r = Reg::standard();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), r.path().join(".kbbt")).unwrap();
    let out = zh(&r, &["fmt"]);
    out.assert_code(1);
    chinese(
        &out,
        &[
            "錯誤：`.kbbt` 是符號連結；kbbt 在該處保存鎖定檔及日誌，不會循連結存取；未移動或刪除任何檔案\n",
            "  提示：請移除該連結（`rm .kbbt`）；kbbt 會自行建立資料夾\n",
        ],
    );
    let status = zh(&r, &["status"]);
    chinese(&status, &["警告：`.kbbt` 是符號連結"]);
}

#[test]
fn refused_output_files_are_said_in_chinese() {
    let r = Reg::standard();
    // The file name is the user's, printed as given (here it is an English message's text).
    let out = zh(&r, &["status", "-o", "committed.pdf"]);
    out.assert_code(2);
    chinese(
        &out,
        &[
            "錯誤：此命令不輸出 `pdf` 格式（`committed.pdf`）\n",
            "提示：可用的格式：`table`、`json`、`csv`",
        ],
    );
    let out = zh(
        &r,
        &["status", "--format", "csv", "-o", "nothing was written.md"],
    );
    out.assert_code(2);
    chinese(
        &out,
        &[
            "錯誤：`--format csv` 與檔名 `nothing was written.md` 不符（副檔名為 `.md`）\n",
            "  提示：請省略 --format，或將檔名改為 `.csv`\n",
        ],
    );
    let out = zh(&r, &["status", "-o", "table.xyz"]);
    out.assert_code(2);
    chinese(
        &out,
        &[
            "錯誤：無法由檔名 `table.xyz` 判斷格式\n",
            "提示：請以 --format 指定（",
        ],
    );
    let out = zh(&r, &["report", "-o", "cases/report.md"]);
    out.assert_code(2);
    chinese(
        &out,
        &["`cases/report.md` 是列管資料本身的檔案或資料夾，請將報告寫到其他地方"],
    );
    let out = zh(&r, &["report", "--format", "odt"]);
    out.assert_code(2);
    chinese(
        &out,
        &["錯誤：`odt` 是封裝檔（二進位），請以 `-o 檔案.odt` 寫入檔案\n"],
    );
    // A file that cannot be written: the system's reason by its code.
    let out = zh(&r, &["status", "-o", "no/such/folder/t.md"]);
    out.assert_code(1);
    chinese(&out, &["錯誤：無法寫入 no/such/folder/t.md："]);
}

#[test]
fn forms_over_existing_forms_are_refused_in_chinese() {
    let r = Reg::standard();
    let first = zh(
        &r,
        &[
            "export",
            "progress-forms",
            "--as-of",
            "2025-06-30",
            "-o",
            "forms",
        ],
    );
    first.assert_code(0);
    chinese(&first, &["已寫入 forms/"]);
    let again = zh(
        &r,
        &[
            "export",
            "progress-forms",
            "--as-of",
            "2025-06-30",
            "-o",
            "forms",
        ],
    );
    again.assert_code(1);
    chinese(
        &again,
        &[
            "已存在；未寫入任何檔案\n",
            "  提示：其中可能有寄回的填報表：請將新的填報表寫入另一個資料夾\n",
        ],
    );
    let none = zh(
        &r,
        &[
            "export",
            "progress-forms",
            "--as-of",
            "2020-01-01",
            "-o",
            "early",
        ],
    );
    none.assert_code(1);
    chinese(
        &none,
        &["錯誤：109-01-01 沒有持續列管的案件，無須收集辦理情形\n"],
    );
}

#[test]
fn paths_and_cases_that_are_not_there_are_said_in_chinese() {
    let r = Reg::standard();
    let out = zh(&r, &["validate", "cases/TR/TR-404.yaml"]);
    out.assert_code(2);
    chinese(&out, &["錯誤：`cases/TR/TR-404.yaml` 不存在\n"]);
    let out = zh(&r, &["fmt", "--check", "/"]);
    out.assert_code(2);
    chinese(&out, &["錯誤：`/` 在列管資料之外\n"]);
    // A name that is an English message's text is the user's, shown as typed.
    let out = zh(&r, &["show", "nothing was written"]);
    out.assert_code(1);
    assert!(
        out.stderr
            .starts_with("錯誤：沒有案件 `nothing was written`\n  提示："),
        "{}",
        out.stderr
    );
    chinese(&out, &[]);
}

#[test]
fn new_refusals_are_said_in_chinese() {
    let r = Reg::standard();
    let new_meeting = |id: &str| {
        zh(
            &r,
            &[
                "new",
                "meeting",
                "--level",
                "副市長層級",
                "--date",
                "114-07-01",
                "--id",
                id,
            ],
        )
    };
    let out = new_meeting("vm-1");
    out.assert_code(1);
    chinese(
        &out,
        &[
            "錯誤：會議 `vm-1` 已存在（meetings/vm-1.yaml）\n",
            "  提示：請以 --id 指定其他編號\n",
        ],
    );
    let out = new_meeting("VM_1");
    out.assert_code(2);
    chinese(&out, &["`VM_1`"]);
    let out = zh(
        &r,
        &[
            "new", "case", "--group", "交通", "--title", "測試", "--source", "紀錄", "--status",
            "提案",
        ],
    );
    out.assert_code(2);
    chinese(&out, &["錯誤："]);
}

#[test]
fn fmt_leaves_a_file_with_comments_and_says_so_in_chinese() {
    let r = Reg::standard();
    r.case("TR-001", TR001.replace("title:", "# kept\ntitle:"));
    let out = zh(&r, &["fmt", "--check"]);
    // Standard output holds the diffs of the other files (their own text); the warning is on stderr.
    chinese(
        &out.on_stderr(),
        &[
            "未重新排版：檔案內的註解會因標準格式而遺失",
            "提示：請將註解移至檔案開頭，或改寫為 `note`",
        ],
    );
}

#[test]
fn schema_of_an_unknown_kind_is_a_chinese_usage_error() {
    let out = run_cmd(kbbt().args(["--lang", "zh-TW", "schema", "committed"]));
    out.assert_code(2);
    assert!(out.stderr.contains("`committed`"), "{}", out.stderr);
    assert!(out.stderr.starts_with("錯誤："), "{}", out.stderr);
}

/// `--commit` without a git identity: refused before anything is written, in Chinese but for git's
/// own words (git speaks its own language); once the files are written and the commit fails, the
/// kept message and how to finish, in Chinese.
#[test]
fn apply_commit_failures_are_said_in_chinese() {
    let r = Reg::standard();
    let git = |ident: bool, args: &[&str]| {
        let mut c = std::process::Command::new("git");
        c.current_dir(r.path())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        if ident {
            c.args([] as [&str; 0])
                .env("GIT_AUTHOR_NAME", "測試")
                .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
                .env("GIT_COMMITTER_NAME", "測試")
                .env("GIT_COMMITTER_EMAIL", "t@example.invalid");
        }
        c.output()
    };
    if !git(true, &["init", "-q"]).is_ok_and(|o| o.status.success()) {
        return; // no git on this machine
    }
    git(true, &["add", "-A"]).unwrap();
    git(true, &["commit", "-q", "-m", "初版"]).unwrap();
    r.meeting("vm-3", vm3("  交通組:\n    add: [新案]\n"));
    git(true, &["add", "-A"]).unwrap();
    git(true, &["commit", "-q", "-m", "vm-3"]).unwrap();
    let run = |ident: bool, hook: bool| {
        let mut c = kbbt();
        c.current_dir(r.path())
            .args(["--lang", "zh-TW", "apply", "meetings/vm-3.yaml", "--commit"])
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LC_ALL", "C")
            .env("EMAIL", "");
        for k in [
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
        ] {
            c.env_remove(k);
        }
        if ident {
            c.env("GIT_AUTHOR_NAME", "測試")
                .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
                .env("GIT_COMMITTER_NAME", "測試")
                .env("GIT_COMMITTER_EMAIL", "t@example.invalid");
        }
        let _ = hook;
        run_cmd(&mut c)
    };
    let before = r.files();
    let out = run(false, false);
    out.assert_code(1);
    assert!(
        out.stderr.starts_with("錯誤：`git` 未設定提交者："),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("；未寫入任何檔案\n"), "{}", out.stderr);
    assert!(
        out.stderr.contains("  提示：請以 `git config user.name"),
        "{}",
        out.stderr
    );
    assert_eq!(r.files(), before);
    // A hook that refuses: the files are written, the commit is not.
    let hook = r.path().join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = run(true, true);
    out.assert_code(1);
    assert!(
        out.stderr
            .starts_with("錯誤：檔案已寫入，但`git commit` 失敗："),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("  提示：提交訊息保留於 .kbbt/COMMIT_MSG；請排除原因後執行 `git add -- "),
        "{}",
        out.stderr
    );
    assert!(english_words(&out.stdout).is_empty(), "{}", out.stdout);
    // Once the cause is gone, `--commit` again commits the applied meeting.
    std::fs::remove_file(&hook).unwrap();
    let out = run(true, false);
    out.assert_code(0);
    // 「已以 git 提交」 is the template apply says after a commit, which names git bare.
    assert_eq!(english_words(&out.stdout), ["git"], "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("vm-3 已套用；提交 2 個檔案\n已以 git 提交\n"),
        "{}",
        out.stdout
    );
    let out = run(true, false);
    chinese(&out, &["vm-3 已套用並提交，無須處理\n"]);
}
