//! `import minutes`, `minutes`, the follow-up commands and `report` under zh-TW: their errors, summaries
//! and cards in Chinese (ids, paths, code and register data aside), register data and file names as
//! written; the comments of a draft in the register's language.

use super::messages::english_words;
use super::support::{PLATFORM, Reg, Run, TR001, kbbt, run_cmd};

fn zh(r: &Reg, args: &[&str]) -> Run {
    let mut v = vec!["--lang", "zh-TW"];
    v.extend(args);
    r.run(&v)
}

/// The English words of `text` once the register data and file names in `data` are taken out.
fn english_besides(text: &str, data: &[&str]) -> Vec<String> {
    let mut t = text.to_string();
    for d in data {
        t = t.replace(d, " ");
    }
    english_words(&t)
}

/// Standard error holds `want`, and no English word but in `data`.
fn says(out: &Run, want: &str, data: &[&str]) {
    out.assert_no_panic();
    assert!(out.stderr.contains(want), "{want:?} not in\n{}", out.stderr);
    let words = english_besides(&out.stderr, data);
    assert!(words.is_empty(), "English {words:?} in\n{}", out.stderr);
}

/// The minutes of the import tests, with a second group.
fn minutes() -> String {
    format!(
        "{}(二) 觀光組\n1. 其餘 3 案持續列管。\n",
        super::import_minutes::MINUTES
    )
}

const LETTER: &str = "敬啟者：\n謹此函達。\n";

#[test]
fn import_minutes_refusals_in_chinese() {
    let r = Reg::standard();
    let missing = zh(&r, &["import", "minutes", "missing.txt"]);
    missing.assert_code(1);
    assert_eq!(
        missing.stderr,
        "錯誤：無法讀取 missing.txt：找不到檔案或資料夾（系統錯誤碼 2）\n"
    );

    r.write("minutes.pdf", "%PDF-1.7\n");
    let pdf = zh(&r, &["import", "minutes", "minutes.pdf"]);
    pdf.assert_code(1);
    assert_eq!(
        pdf.stderr,
        "錯誤：minutes.pdf 是 `PDF` 檔：kbbt 不讀取 `PDF`（沒有持續維護的套件能可靠擷取其中文文字）\n  提示：請開啟該檔，另存或匯出為純文字（`.txt`）、`.docx` 或 `.odt`，再匯入該檔\n"
    );
    says(&pdf, "是 `PDF` 檔", &["minutes.pdf"]);

    r.write("minutes.doc", "\u{d0}\u{cf}");
    let doc = zh(&r, &["import", "minutes", "minutes.doc"]);
    doc.assert_code(1);
    says(
        &doc,
        "錯誤：minutes.doc 是舊版 `Word` 檔案\n  提示：請另存為 `.docx`（或 `.odt`），再匯入該檔\n",
        &["minutes.doc"],
    );

    r.write("broken.docx", "not a zip");
    let broken = zh(&r, &["import", "minutes", "broken.docx"]);
    broken.assert_code(1);
    says(
        &broken,
        "錯誤：broken.docx：不是有效的文件封裝檔：`",
        &["broken.docx"],
    );

    r.write(
        "other.docx",
        super::import_minutes::package("other.xml", "<a/>"),
    );
    let other = zh(&r, &["import", "minutes", "other.docx"]);
    other.assert_code(1);
    assert_eq!(
        other.stderr,
        "錯誤：other.docx：封裝檔中沒有 word/document.xml\n"
    );

    r.write(
        "bad.odt",
        super::import_minutes::package("content.xml", "<a><b></a>"),
    );
    let bad = zh(&r, &["import", "minutes", "bad.odt"]);
    bad.assert_code(1);
    says(
        &bad,
        "錯誤：bad.odt：文件的 `XML` 格式錯誤：`",
        &["bad.odt"],
    );

    r.write("big5.txt", [0xb0u8, 0xa1, 0xff]);
    let big5 = zh(&r, &["import", "minutes", "big5.txt"]);
    big5.assert_code(1);
    assert_eq!(
        big5.stderr,
        "錯誤：big5.txt：不是 UTF-8 文字；請將文件存為 UTF-8 純文字、`.docx` 或 `.odt`\n"
    );
    let stdin = run_cmd(
        kbbt()
            .current_dir(r.path())
            .args(["--lang", "zh-TW", "import", "minutes", "-"])
            .write_stdin([0xb0u8, 0xa1, 0xff]),
    );
    stdin.assert_code(1);
    assert_eq!(
        stdin.stderr,
        "錯誤：標準輸入：不是 UTF-8 文字；請將文件存為 UTF-8 純文字、`.docx` 或 `.odt`\n"
    );

    r.write("letter.txt", LETTER);
    let letter = zh(&r, &["import", "minutes", "letter.txt"]);
    letter.assert_code(1);
    assert_eq!(
        letter.stderr,
        "錯誤：letter.txt 沒有 kbbt 能讀取的決議事項：沒有如「(一) 交通組」的組別標題，也沒有總計行\n"
    );
    let stdin = run_cmd(
        kbbt()
            .current_dir(r.path())
            .args(["--lang", "zh-TW", "import", "minutes", "-"])
            .write_stdin(LETTER),
    );
    stdin.assert_code(1);
    says(&stdin, "錯誤：標準輸入沒有 kbbt 能讀取的決議事項：", &[]);
    // A file named as a message says it is: its name as it is, never translated.
    r.write("standard input", LETTER);
    let named = zh(&r, &["import", "minutes", "standard input"]);
    named.assert_code(1);
    says(
        &named,
        "錯誤：standard input 沒有 kbbt 能讀取的決議事項：",
        &["standard input"],
    );
}

#[test]
fn import_minutes_never_over_a_file_in_either_language() {
    let r = Reg::standard();
    r.write("minutes.txt", minutes());
    r.write("draft.yaml", "old\n");
    let out = zh(
        &r,
        &["import", "minutes", "minutes.txt", "-o", "draft.yaml"],
    );
    out.assert_code(1);
    assert_eq!(
        out.stderr,
        "錯誤：draft.yaml 已存在；未寫入任何檔案\n  提示：如要覆寫，請加 --force\n"
    );
    let en = r.run(&["import", "minutes", "minutes.txt", "-o", "draft.yaml"]);
    en.assert_code(1);
    assert_eq!(
        en.stderr,
        "error: draft.yaml already exists; nothing was written\n  hint: give --force to overwrite it\n"
    );
    assert_eq!(r.read("draft.yaml"), "old\n");
    let written = zh(
        &r,
        &[
            "import",
            "minutes",
            "minutes.txt",
            "-o",
            "meetings/vm-3.yaml",
        ],
    );
    written.assert_code(0);
    assert_eq!(
        written.stdout,
        "已寫入 meetings/vm-3.yaml\n  下一步：`kbbt apply meetings/vm-3.yaml --dry-run`\n"
    );
    says(&written, "已辨識 ", &[]);
}

/// The lines of the draft that are comments.
fn comments(draft: &str) -> String {
    draft
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn the_summary_is_in_the_users_language_and_the_drafts_comments_in_the_registers() {
    let r = Reg::standard();
    r.write("platform.yaml", format!("{PLATFORM}language: zh-TW\n"));
    r.write("minutes.txt", minutes());
    let out = zh(&r, &["import", "minutes", "minutes.txt"]);
    out.assert_code(0);
    assert_eq!(
        out.stderr,
        "警告：第 7 行載明 2 案，但列出 1 案\n\
         已辨識 6 項、以編號指定 1 項、未能對應 1 項、未能解讀 1 句（均保留為註解）\n\
         議題小組以外的 1 行（會議資料、其他決議、其後各節）保留為檔首註解\n"
    );
    says(&out, "已辨識", &[]);
    let c = comments(&out.stdout);
    for line in [
        "# 本檔由 `kbbt import minutes` 依 基北北桃合作交流平臺第 3 次副市長層級會議紀錄 草擬：請檢查後執行 `kbbt apply --dry-run`。\n",
        "# 第 4 行：柒、決議事項\n",
        "    # 第 7 行載明 2 案，但列出 1 案：同意新增 2 案：「跨市自行車道串聯」。\n",
        "      # 以編號指定：會議紀錄的文字，判讀為 TR-002「跨市公車路線整合」\n",
        "    # 第 10 行（未能解讀）：這一句不是決議的格式。\n",
        "    # 第 11 行：「觀光組」不是平臺的組別；以下決議未依組別對應\n",
    ] {
        assert!(c.contains(line), "{line:?} not in\n{}", out.stdout);
    }
    assert!(
        c.contains("      # 未能對應：列管資料中沒有"),
        "{}",
        out.stdout
    );
    let words = english_words(&c);
    assert!(words.is_empty(), "English {words:?} in\n{c}");
    // The draft is the register's file: the same whatever the user's language.
    let en = r.run(&["import", "minutes", "minutes.txt"]);
    assert_eq!(en.stdout, out.stdout);
    en.assert_stderr_has("warning: line 7: states 2 cases but names 1\nrecognised 6, pinned 1");
    en.assert_stderr_has("\n1 line outside the groups (header");

    // A register without a language: the comments in English, whatever the user's.
    r.write("platform.yaml", PLATFORM);
    let plain = zh(&r, &["import", "minutes", "minutes.txt"]);
    plain.assert_code(0);
    plain.assert_stdout_has("    # line 10 (not read): 這一句不是決議的格式。\n");
    plain.assert_stdout_has("    # line 11: 「觀光組」 is not a group of the platform;");
    assert_eq!(plain.stderr, out.stderr);
}

#[test]
fn minutes_refusals_in_chinese() {
    let r = Reg::standard();
    let unknown = zh(&r, &["minutes", "vm-9"]);
    unknown.assert_code(2);
    assert_eq!(
        unknown.stderr,
        "錯誤：未知的會議 `vm-9`（既不是會議編號，也不是檔案）\n  提示：是否指 `vm-1`？\n"
    );
    let en = r.run(&["minutes", "vm-9"]);
    assert_eq!(
        en.stderr,
        "error: unknown meeting `vm-9` (neither a meeting id nor a file)\n  hint: did you mean `vm-1`?\n"
    );

    r.meeting(
        "vm-3",
        "id: vm-3\ntitle: t\nlevel: 副市長層級\ndate: 2025-07-01\ndecisions: {}\n",
    );
    let none = zh(&r, &["minutes", "vm-3"]);
    none.assert_code(1);
    assert_eq!(
        none.stderr,
        "錯誤：會議 `vm-3` 沒有關於案件的決議，因此沒有決議事項\n"
    );

    r.mkdir("drafts");
    r.write(
        "drafts/vm-5.yaml",
        "id: vm-5\ntitle: t\nlevel: 副市長層級\ndate: 2025-08-01\ndecisions: {}\n",
    );
    let draft = zh(&r, &["minutes", "drafts/vm-5.yaml"]);
    draft.assert_code(1);
    assert_eq!(
        draft.stderr,
        "錯誤：會議 `vm-5`（drafts/vm-5.yaml）不在列管資料中\n  提示：請先套用：`kbbt apply drafts/vm-5.yaml`\n"
    );

    r.write("drafts/bad.yaml", [0x69u8, 0x64, 0x3a, 0x20, 0xff, 0x0a]);
    let bad = zh(&r, &["minutes", "drafts/bad.yaml"]);
    bad.assert_code(1);
    // The byte is data (`0xFF`).
    says(&bad, "錯誤：無法讀取會議 drafts/bad.yaml：", &["0xFF"]);
}

#[test]
fn follow_up_refusals_in_chinese_with_names_as_written() {
    let r = Reg::standard();
    let none = zh(&r, &["suggest", "milestones", "不存在的案"]);
    none.assert_code(1);
    assert_eq!(
        none.stderr,
        "錯誤：沒有唯一符合的案件 `不存在的案`\n  提示：請寫案件編號（`kbbt show 不存在的案` 可列出可能的案件）\n"
    );
    let en = r.run(&["suggest", "milestones", "不存在的案"]);
    assert_eq!(
        en.stderr,
        "error: no single case `不存在的案`\n  hint: give its id (kbbt show 不存在的案 lists the candidates)\n"
    );

    let close = zh(&r, &["log", "捷運環狀線北段"]);
    close.assert_code(1);
    says(
        &close,
        "錯誤：沒有案件 `捷運環狀線北段`\n  提示：是否指 TR-001「捷運環狀線（北環段）」",
        &[],
    );
    // A name that is a message's English text: as typed.
    let trap = zh(&r, &["log", "no meeting with decisions"]);
    trap.assert_code(1);
    says(
        &trap,
        "`no meeting with decisions`",
        &["no meeting with decisions"],
    );

    r.meeting(
        "vm-3",
        "id: vm-3\ntitle: 第 3 次副市長層級會議\nlevel: 副市長層級\ndecisions: {}\n",
    );
    let undated = zh(&r, &["diff", "vm-3", "vm-2"]);
    undated.assert_code(2);
    assert_eq!(undated.stderr, "錯誤：會議 `vm-3` 未載日期\n");
}

#[test]
fn cards_in_chinese() {
    let r = Reg::standard();
    r.meeting("vm-3", super::follow::VM3_INSTRUCTIONS);
    r.case(
        "TR-001",
        format!(
            "{TR001}progress:\n  - as_of: 2025-06-30\n    text: 已開工。\nmilestones:\n  - {{ due: 2025-06-30, text: 完成細部設計 }}\n  - {{ due: 2025-03-20, done: 2025-03-21, text: 開工 }}\n"
        ),
    );
    r.validate().assert_code(0);
    let card = zh(&r, &["show", "vm-3-3"]);
    card.assert_code(0);
    assert!(
        card.stdout.starts_with("vm-3-3 （主席指示）\n"),
        "{}",
        card.stdout
    );
    for want in [
        "vm-3 第 3 次副市長層級會議（114-06-30）\n",
        "全體\n",
        "列管中\n",
    ] {
        card.assert_stdout_has(want);
    }
    let words = english_besides(&card.stdout, &[]);
    assert!(words.is_empty(), "English {words:?} in\n{}", card.stdout);
    let en = r.run(&["show", "vm-3-3"]);
    assert!(
        en.stdout.starts_with("vm-3-3 (instruction)\n"),
        "{}",
        en.stdout
    );
    en.assert_stdout_has("vm-3 第 3 次副市長層級會議 (2025-06-30)\n");
    en.assert_stdout_has("everyone\n");

    let case = zh(&r, &["show", "TR-001"]);
    case.assert_code(0);
    for want in [
        "114-06-30 完成細部設計\n",
        "114-03-20 開工（已於 114-03-21 達成）\n",
        "\n最新辦理情形（資料時間 114-06-30）\n",
    ] {
        case.assert_stdout_has(want);
    }
    let words = english_besides(&case.stdout, &[]);
    assert!(words.is_empty(), "English {words:?} in\n{}", case.stdout);
    let en = r.run(&["show", "TR-001"]);
    en.assert_stdout_has("2025-03-20 開工 (met 2025-03-21)\n");
    en.assert_stdout_has("\nLatest progress, as of 2025-06-30\n");
}

#[test]
fn report_in_chinese() {
    let r = Reg::standard();
    let out = zh(&r, &["report", "--as-of", "2025-06-30", "-o", "report.md"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "已寫入 report.md（資料時間 114-06-30，持續列管 2 案）\n"
    );
    for args in [
        &["report", "--group", "nosuch"][..],
        &["report", "--as-of", "yesterday"],
        &["report", "--format", "docx"],
    ] {
        let out = zh(&r, args);
        out.assert_no_panic();
        assert_ne!(out.code, 0, "{args:?}");
        // `docx` is the format's name, as typed.
        let words = english_besides(&out.stderr, &["nosuch", "yesterday", "docx"]);
        assert!(
            words.is_empty(),
            "{args:?}: English {words:?} in\n{}",
            out.stderr
        );
    }
}
