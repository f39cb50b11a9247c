//! The catalogue: every message kbbt composes as a typed value ([`crate::msg::Msg`]), in English
//! and Traditional Chinese. Translators edit this file; each entry names its arguments (`{group}`).
//!
//! Messages not yet here are composed in English and translated afterwards by the older line
//! templates of [`crate::i18n`]; they move here command by command.

crate::messages! {
    // Finding the register.
    /// `-C DIR` names a folder without platform.yaml.
    NOT_A_REGISTER {
        en: "`{dir}` is not a register (it has no platform.yaml)",
        zh: "`{dir}` 不是登記簿（沒有 platform.yaml）",
    }
    /// No platform.yaml here or above.
    NO_REGISTER {
        en: "no register here: no platform.yaml in this folder or any folder above it",
        zh: "此處沒有登記簿：本資料夾及其上層均無 platform.yaml",
    }
    /// How to point at a register.
    RUN_INSIDE {
        en: "run kbbt inside a register, or point at one with -C DIR",
        zh: "請在登記簿內執行 kbbt，或以 -C DIR 指定",
    }

    // Arguments typed by a user.
    /// `--group` names no group of the platform.
    UNKNOWN_GROUP {
        en: "unknown group `{group}`",
        zh: "未知的組別 `{group}`",
    }
    /// `--meeting` names no meeting of the register.
    UNKNOWN_MEETING {
        en: "unknown meeting `{id}`",
        zh: "未知的會議 `{id}`",
    }
    /// A suggestion for a name typed wrong.
    DID_YOU_MEAN {
        en: "did you mean `{name}`?",
        zh: "是否指 `{name}`？",
    }
    /// The platform's groups, when none is close to what was typed.
    GROUPS_ARE {
        en: "the groups are {groups}",
        zh: "組別有：{groups}",
    }
    /// One group in a list: its name and code.
    GROUP_AND_CODE {
        en: "{name} ({code})",
        zh: "{name}（{code}）",
    }
    /// `--bom` with a format other than CSV.
    BOM_FOR_CSV {
        en: "--bom is for --format csv",
        zh: "--bom 僅用於 --format csv",
    }
    /// A workbook asked for without `-o FILE`.
    XLSX_NEEDS_FILE {
        en: "an .xlsx workbook is not text; give the file to write with -o FILE (e.g. -o cases.xlsx)",
        zh: ".xlsx 活頁簿不是文字；請以 -o FILE 指定寫入的檔案（例如 -o cases.xlsx）",
    }

    // status
    /// The heading of the all-time table, as of now.
    ALL_TIME_NOW {
        en: "All time (as of now)",
        zh: "歷來累計（截至目前）",
    }
    /// The heading of the all-time table, as of a date.
    ALL_TIME_AS_OF {
        en: "All time (as of {date})",
        zh: "歷來累計（截至 {date}）",
    }
    /// A meeting, as a heading: its id, title and date.
    MEETING_HEADING {
        en: "{id} {title} ({date})",
        zh: "{id} {title}（{date}）",
    }
    /// A date on its own.
    DATE {
        en: "{date}",
        zh: "{date}",
    }
    /// A meeting without a date.
    UNDATED {
        en: "undated",
        zh: "未載日期",
    }
    /// No meeting has decisions.
    NO_MEETING {
        en: "no meeting with decisions",
        zh: "沒有作成決議的會議",
    }
    /// No meeting has decisions on or before `--as-of`.
    NO_MEETING_BEFORE {
        en: "no meeting with decisions on or before {date}",
        zh: "{date} 以前沒有作成決議的會議",
    }

    // Loading the register.
    /// A reporting command on a register with errors.
    REGISTER_HAS_ERRORS {
        en: "the register has {errors}; what is shown may be wrong",
        zh: "登記簿有 {errors} 個錯誤；所示內容可能有誤",
    }
    /// Where to see them.
    RUN_VALIDATE_TO_SEE {
        en: "run `kbbt validate` to see them",
        zh: "請執行 `kbbt validate` 查看",
    }
    /// A command that writes, on a platform.yaml with errors.
    PLATFORM_HAS_PROBLEMS {
        en: "platform.yaml has problems; nothing was written",
        zh: "platform.yaml 有問題；未寫入任何檔案",
    }
    /// A register that cannot be read as a whole.
    REGISTER_HAS_PROBLEMS {
        en: "the register has problems; run `kbbt validate` for all of them",
        zh: "登記簿有問題，請執行 `kbbt validate` 查看全部",
    }
    /// `kbbt recover` with nothing to do.
    NOTHING_TO_RECOVER {
        en: "nothing to recover: no interrupted write",
        zh: "無須復原：沒有中斷的寫入",
    }

    // apply
    /// The heading of an apply.
    APPLYING {
        en: "Applying {id} {title}",
        zh: "套用 {id} {title}",
    }
    /// The heading of a dry run (預覽).
    WOULD_APPLY {
        en: "Would apply {id} {title}",
        zh: "預覽：將套用 {id} {title}",
    }
    /// The heading of a refused dry run: what could be planned.
    WOULD_APPLY_IN_PART {
        en: "Would apply {id} {title} in part (the refused decisions left out)",
        zh: "預覽：將部分套用 {id} {title}（不含無法套用的決議）",
    }
    /// After a step that creates the case file.
    NEW_CASE_MARK {
        en: " (new)",
        zh: "（新案）",
    }
    /// The meeting's tallies after an apply.
    TALLIES {
        en: "tallies: {line}",
        zh: "統計：{line}",
    }
    /// A stated count that differs, recorded with --accept-discrepancy.
    RECORDED_DISCREPANCY {
        en: "recorded discrepancy: {what}",
        zh: "已記錄差異：{what}",
    }
    /// The end of a dry run.
    DRY_RUN_SUMMARY {
        en: "dry run: {files} would change ({new} new); nothing was written",
        zh: "預覽：將變更 {files} 個檔案（其中新增 {new} 個）；未寫入任何檔案",
    }
    /// The end of an apply.
    CHANGED_SUMMARY {
        en: "{files} changed ({new} new)",
        zh: "已變更 {files} 個檔案（其中新增 {new} 個）",
    }
    /// The files were committed with git.
    COMMITTED {
        en: "committed",
        zh: "已以 git 提交",
    }
    /// A meeting whose decisions are all in the histories already.
    ALREADY_APPLIED {
        en: "{id} is already applied: every decision is in the case histories; nothing to do",
        zh: "{id} 已套用：各項決議均已載入案件歷程，無須變更",
    }

    /// A finding about a case file that the meeting changes, shown at the meeting.
    IN_FILE {
        en: "{msg} (in {file})",
        zh: "{msg}（於 {file}）",
    }
    /// A finding about a case file that the meeting creates, shown at the meeting.
    IN_NEW_CASE {
        en: "{msg} (in the new case {file})",
        zh: "{msg}（於新案 {file}）",
    }

    // import progress
    /// A name that matches no case, with --skip-unmatched.
    SKIPPED {
        en: "{msg}; skipped",
        zh: "{msg}；已略過",
    }
}
