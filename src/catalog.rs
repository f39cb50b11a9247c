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
        zh: "`{dir}` 不是列管資料（沒有 platform.yaml）",
    }
    /// No platform.yaml here or above.
    NO_REGISTER {
        en: "no register here: no platform.yaml in this folder or any folder above it",
        zh: "此處沒有列管資料：本資料夾及其上層均無 platform.yaml",
    }
    /// How to point at a register.
    RUN_INSIDE {
        en: "run kbbt inside a register, or point at one with -C DIR",
        zh: "請在列管資料的資料夾內執行 kbbt，或以 `-C 資料夾` 指定",
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
        zh: ".xlsx 活頁簿不是文字；請以 `-o 檔案` 指定寫入的檔案（例如 `-o cases.xlsx`）",
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
    /// A known count in the totals line.
    TOTAL_KNOWN {
        en: "{what} {n}",
        zh: "{what} {n} 案",
    }
    /// A count the register does not know, in the totals line.
    TOTAL_UNKNOWN {
        en: "{what} unknown",
        zh: "{what}不詳",
    }
    /// A meeting file that records only some kinds of decision.
    RECORDS_ONLY {
        en: "{id} records only: {kinds}; every other count is unknown (not 0)",
        zh: "{id} 之會議檔僅完整記載：{kinds}；其餘案數不詳（非 0）",
    }
    /// A stated number the register agrees with.
    VERDICT_REGISTER_AGREES {
        en: " (the register agrees)",
        zh: "（與列管資料相符）",
    }
    /// A stated number the minutes agree with.
    VERDICT_MINUTES_AGREE {
        en: " (the minutes agree)",
        zh: "（與紀錄相符）",
    }
    /// A stated number as the minutes give it, the register having another.
    VERDICT_AS_MINUTES {
        en: " (as the minutes; the register has {have})",
        zh: "（同紀錄；列管資料為 {have} 案）",
    }
    /// A stated number that differs, recorded as a discrepancy.
    VERDICT_RECORDED {
        en: " (the register has {have}: a recorded discrepancy)",
        zh: "（列管資料為 {have} 案：已記錄之差異）",
    }
    /// A stated number that differs, not recorded.
    VERDICT_DIFFERS {
        en: " (the register has {have}: not recorded; run kbbt validate)",
        zh: "（列管資料為 {have} 案：未記錄，請執行 kbbt validate）",
    }
    /// One number a source states, and how it compares.
    STATED_NUMBER {
        en: "{field} {n}{verdict}",
        zh: "{field} {n} 案{verdict}",
    }
    /// What another source states, with its date.
    STATED_BY_DATED {
        en: "stated by {source} ({date}): {numbers}",
        zh: "{source}（{date}）載：{numbers}",
    }
    /// What another source states.
    STATED_BY {
        en: "stated by {source}: {numbers}",
        zh: "{source}載：{numbers}",
    }
    /// A stated number the register cannot check.
    UNCHECKED_STATED {
        en: "{who}: the minutes state {field} {n}; the register does not know its own number",
        zh: "{who}：紀錄載明{field} {n} 案；列管資料之案數不詳",
    }
    /// The heading over the cases a complete listing leaves out.
    NOT_IN_LISTING {
        en: "not in the complete listing of {date} ({source}):",
        zh: "未列於 {date}之完整列表（{source}）：",
    }
    /// A stated number that differs from the register, under a meeting.
    STATED_NOTE {
        en: "{who}: the minutes state {field} {stated}, the register has {register}{tail}",
        zh: "{who}：紀錄載明{field} {stated} 案，列管資料為 {register} 案{tail}",
    }
    /// The tail of a difference not recorded.
    NOTE_NOT_RECORDED {
        en: " (not recorded: run kbbt validate)",
        zh: "（未記錄，請執行 kbbt validate）",
    }
    /// The tail of a recorded difference.
    NOTE_RECORDED {
        en: " (a recorded discrepancy)",
        zh: "（已記錄之差異）",
    }
    /// The tail of a recorded difference, with its kinds.
    NOTE_RECORDED_KINDS {
        en: " (a recorded discrepancy: {kinds})",
        zh: "（已記錄之差異：{kinds}）",
    }
    /// Two kinds of discrepancy, one after the other.
    KINDS_PAIR {
        en: "{a}; {b}",
        zh: "{a}；{b}",
    }
    /// A discrepancy of arithmetic.
    KIND_ARITHMETIC {
        en: "the minutes contradict their own arithmetic",
        zh: "紀錄自身算式不符",
    }
    /// A discrepancy of unnamed cases.
    KIND_UNNAMED {
        en: "the minutes count cases they never name",
        zh: "紀錄計入未具名之案件",
    }
    /// A discrepancy with another source.
    KIND_THIRD_PARTY {
        en: "another source disagrees",
        zh: "其他來源所載不同",
    }
    /// The heading of the follow-up lights in `status`.
    LIGHTS_HEADING {
        en: "Follow-up lights of the ongoing cases",
        zh: "持續列管案件之管考燈號",
    }
    /// A note under a table.
    NOTE_LINE {
        en: "note: {note}",
        zh: "說明：{note}",
    }
    /// The heading over the unconfirmed cases.
    UNCONFIRMED_HEADING {
        en: "unconfirmed (ongoing by recorded decisions, but absent from a complete listing; not counted as ongoing):",
        zh: "未確認（依所載決議仍持續列管，惟未列於完整列表，不計入持續列管）：",
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
        zh: "列管資料有 {errors} 個錯誤；所示內容可能有誤",
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
        zh: "列管資料有問題，請執行 `kbbt validate` 查看全部",
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

    // validate: the platform and single files (check/fields.rs).
    /// platform.yaml names a language kbbt does not have.
    UNKNOWN_LANGUAGE {
        en: "unknown language `{lang}`",
        zh: "未知的語言 `{lang}`",
    }
    /// The languages there are.
    WRITE_A_LANGUAGE {
        en: "write `zh-TW` or `en`",
        zh: "請寫 `zh-TW` 或 `en`",
    }
    /// A group code that cannot be one.
    BAD_GROUP_CODE {
        en: "group code `{code}` must be 1 to 4 upper-case letters A-Z",
        zh: "組別代碼 `{code}` 應為 1 至 4 個大寫英文字母（`A-Z`）",
    }
    /// A group defined twice.
    GROUP_TWICE {
        en: "group `{group}` is defined twice (first at line {line})",
        zh: "組別 `{group}` 定義了兩次（第一次在第 {line} 行）",
    }
    /// A group code used twice.
    GROUP_CODE_TWICE {
        en: "group code `{code}` is used twice (first at line {line})",
        zh: "組別代碼 `{code}` 用了兩次（第一次在第 {line} 行）",
    }
    /// A platform without groups.
    NO_GROUPS {
        en: "the platform defines no groups",
        zh: "平臺未定義任何組別",
    }
    /// A platform without members.
    NO_MEMBERS {
        en: "the platform lists no members",
        zh: "平臺未列任何成員",
    }
    /// A city that is not a member.
    NOT_A_MEMBER {
        en: "`{city}` is not a member of the platform",
        zh: "`{city}` 不是本平臺的成員",
    }
    /// A topic the platform does not list.
    UNKNOWN_TOPIC {
        en: "unknown topic `{topic}`",
        zh: "未知的共同議題 `{topic}`",
    }
    /// An id that is not a case id.
    NOT_A_CASE_ID {
        en: "`{id}` is not a case id",
        zh: "`{id}` 不是案件編號",
    }
    /// What a case id looks like.
    CASE_ID_SHAPE {
        en: "a case id is the group code, a dash and three or more digits, e.g. TR-012",
        zh: "案件編號為組別代碼、連字號及三位以上數字，例如 `TR-012`",
    }
    /// A case id of another group's code.
    CASE_ID_CODE {
        en: "case id `{id}` does not start with `{code}-`, the code of {group}",
        zh: "案件編號 `{id}` 未以{group}的代碼 `{code}-` 開頭",
    }
    /// The group name to write, when an alias or code was written.
    WRITE_GROUP_NAME {
        en: "write the group's name: `{name}`",
        zh: "請寫組別名稱：`{name}`",
    }
    /// A file whose name is not its case's id.
    CASE_FILE_NAME {
        en: "file name `{stem}` differs from the case id `{id}`",
        zh: "檔名 `{stem}` 與案件編號 `{id}` 不同",
    }
    /// A file whose name is not its meeting's id.
    MEETING_FILE_NAME {
        en: "file name `{stem}` differs from the meeting id `{id}`",
        zh: "檔名 `{stem}` 與會議編號 `{id}` 不同",
    }
    /// The file name to give.
    RENAME_FILE {
        en: "rename the file to {file}",
        zh: "請將檔案改名為 {file}",
    }
    /// A case without a title.
    EMPTY_TITLE {
        en: "the title is empty",
        zh: "案名空白",
    }
    /// A city both lead and partner.
    LEAD_AND_PARTNER {
        en: "`{city}` is both the lead and a partner",
        zh: "`{city}` 同時列為主辦及合作城市",
    }
    /// Two cases of a group with one title.
    SAME_TITLE {
        en: "{id} has the same title as {other} ({file})",
        zh: "{id} 與 {other}（{file}）案名相同",
    }
    /// What to do about it.
    MAKE_TITLES_DIFFER {
        en: "a title names one case in its group: make them differ",
        zh: "同一組別中一個案名只指一件案件：請使案名有所區別",
    }
    /// A title a reference would read as an id.
    TITLE_LIKE_ID {
        en: "the title `{title}` is shaped like a case id",
        zh: "案名 `{title}` 的形式與案件編號相同",
    }
    /// A title that is another case's alias.
    TITLE_IS_ALIAS {
        en: "the title of {id} is an alias of {other} ({file})",
        zh: "{id} 的案名是 {other}（{file}）的別名",
    }
    /// A case id used twice.
    CASE_ID_TWICE {
        en: "case id `{id}` is also used by {file}",
        zh: "案件編號 `{id}` 亦用於 {file}",
    }
    /// A meeting id used twice.
    MEETING_ID_TWICE {
        en: "meeting id `{id}` is also used by {file}",
        zh: "會議編號 `{id}` 亦用於 {file}",
    }
    /// A link to a case the register does not have.
    UNKNOWN_REFERENCE {
        en: "{field} `{id}` is not a case of the register",
        zh: "`{field}` 所指的 `{id}` 不是列管資料中的案件",
    }
    /// A parent chain that loops.
    PARENT_CYCLE {
        en: "`{id}` is its own ancestor through `parent`",
        zh: "`{id}` 經由 `parent` 成為自己的上層案件",
    }
    /// A link the other case does not return.
    ONE_WAY_LINK {
        en: "{id} lists `{other}` in {field}, but {other} does not list {id} in {back}",
        zh: "{id} 的 `{field}` 列有 `{other}`，但 {other} 的 `{back}` 未列 {id}",
    }
    /// A merge the other case does not return.
    ONE_WAY_MERGE {
        en: "{id} is merged into `{other}`, but {other} does not list it in merged_from",
        zh: "{id} 已併入 `{other}`，但 {other} 的 `merged_from` 未列此案",
    }
    /// merged_into on a case that is not merged.
    MERGED_STATUS {
        en: "{id} has merged_into but its status is {status}",
        zh: "{id} 有 `merged_into`，但狀態為{status}",
    }
    /// An id that is not a meeting id.
    NOT_A_MEETING_ID {
        en: "`{id}` is not a meeting id",
        zh: "`{id}` 不是會議編號",
    }
    /// What a meeting id looks like.
    MEETING_ID_SHAPE {
        en: "a meeting id is lower-case letters, digits and dashes, e.g. vm-3",
        zh: "會議編號為小寫英文字母、數字及連字號，例如 `vm-3`",
    }
    /// A level the platform does not list.
    UNKNOWN_LEVEL {
        en: "unknown meeting level `{level}`",
        zh: "未知的會議層級 `{level}`",
    }
    /// A meeting without a date.
    MEETING_UNDATED {
        en: "meeting {id} has no date; it is ordered before every dated meeting",
        zh: "會議 {id} 沒有日期，排在所有有日期的會議之前",
    }
    /// A discrepancy of a number kbbt does not count.
    UNKNOWN_DISCREPANCY_FIELD {
        en: "unknown discrepancy field `{field}`",
        zh: "未知的差異欄位 `{field}`",
    }
    /// The fields a discrepancy may have.
    DISCREPANCY_FIELDS {
        en: "use add, delist or ongoing (with or without group), or cases / completed (all-time)",
        zh: "請用 `add`、`delist` 或 `ongoing`（可附組別），或 `cases`／`completed`（歷來）",
    }

    // validate: histories (check/history.rs).
    /// A case whose history sets no status.
    NO_STATUS_ENTRY {
        en: "{id} has no history entry that sets its status",
        zh: "{id} 的歷程中沒有決定其狀態的紀錄",
    }
    /// What to add.
    ADD_LISTING_DECISION {
        en: "add the decision that listed it, or `{ action: seen, source: … }` when no document records one",
        zh: "請補上列管該案的決議；若無文件記載，請寫 `{ action: seen, source: … }`",
    }
    /// A status the history does not give.
    STATUS_DISAGREES {
        en: "status is `{status}`, but the last decision in history (`{action}`, line {line}) makes it `{made}`",
        zh: "狀態為 `{status}`，但歷程最後一項決議（`{action}`，第 {line} 行）使其為 `{made}`",
    }
    /// Both `date` and `not_after`.
    DATE_AND_NOT_AFTER {
        en: "an entry has either `date` (the day it happened) or `not_after` (the latest day it can have happened), not both",
        zh: "一筆紀錄只能有 `date`（發生之日）或 `not_after`（最晚可能發生之日），不能兩者都有",
    }
    /// `not_after` with a meeting.
    NOT_AFTER_WITH_MEETING {
        en: "`not_after` is for a decision no recorded meeting took; this entry names its meeting, whose date is known",
        zh: "`not_after` 用於沒有會議紀錄的決議；此紀錄已寫明會議，其日期已知",
    }
    /// A decision without its meeting.
    ENTRY_NEEDS_MEETING {
        en: "this `{action}` entry must name the meeting that decided it",
        zh: "此 `{action}` 紀錄須寫明作成決議的會議",
    }
    /// How to name it.
    ADD_MEETING_OR_SOURCE {
        en: "add `meeting: <id>`; or, when a document other than a meeting's minutes states the decision, name it as `source:` (with `not_after:` its date when the decision's own date is unknown)",
        zh: "請加上 `meeting: <編號>`；若載明決議的是會議紀錄以外的文件，請以 `source:` 寫明（決議日期不詳時，以 `not_after:` 寫該文件的日期）",
    }
    /// An entry dated otherwise than its meeting.
    DATE_DIFFERS_FROM_MEETING {
        en: "date {date} differs from the date of {meeting} ({meeting_date})",
        zh: "日期 {date} 與 {meeting} 的日期（{meeting_date}）不同",
    }
    /// A history out of order.
    HISTORY_ORDER {
        en: "history entries are not in date order (oldest first)",
        zh: "歷程未依日期由舊至新排列",
    }
    /// A decision of a meeting no history records.
    NOT_APPLIED {
        en: "{meeting} decides to {what}, but no case history records it",
        zh: "{meeting} 決議{what}，但沒有案件歷程記載",
    }
    /// A decision about an existing case: `delist TR-003 「title」`.
    DECISION_ON_CASE {
        en: "{action} {id} 「{title}」",
        zh: "{action} {id}「{title}」",
    }
    /// A decision that creates a case: `add 「title」 (交通組)`.
    DECISION_NEW_CASE {
        en: "{action} 「{title}」 ({group})",
        zh: "{action}「{title}」（{group}）",
    }
    /// How to apply it.
    RUN_APPLY {
        en: "run `kbbt apply {file}`",
        zh: "請執行 `kbbt apply {file}`",
    }
    /// A history entry its meeting does not decide (the English text is matched by apply).
    HISTORY_DECISION {
        en: "history records `{action}` at {meeting}, but {file} has no such decision about {id}",
        zh: "歷程記載 {meeting} 的 `{action}`，但 {file} 沒有關於 {id} 的此項決議",
    }
    /// A case a complete listing leaves out.
    UNCONFIRMED_CASE {
        en: "{id} is ongoing by its recorded decisions, but the complete listing of {date} ({source}) does not name it: it is unconfirmed from that date",
        zh: "{id} 依所載決議仍為持續列管，惟 {date} 之完整列表（{source}）未列此案：自該日起為未確認",
    }
    /// What settles it.
    RECORD_END_OR_PROGRESS {
        en: "record the decision that ended it (with its meeting or `source:`), or its progress in a later listing",
        zh: "請記入結束列管之決議（註明會議或 `source:`），或於其後之列表載其辦理情形",
    }

    // validate: follow-up (check/follow.rs).
    /// An id that cannot be an instruction's.
    NOT_AN_INSTRUCTION_ID {
        en: "`{id}` is not an instruction id",
        zh: "`{id}` 不是指示編號",
    }
    /// What an instruction id looks like.
    INSTRUCTION_ID_SHAPE {
        en: "use lower-case letters, digits and '-', e.g. `vm-7-1`",
        zh: "請用小寫英文字母、數字及連字號，例如 `vm-7-1`",
    }
    /// An instruction id given twice.
    INSTRUCTION_TWICE {
        en: "instruction id `{id}` is given twice (also in {file})",
        zh: "指示編號 `{id}` 重複（亦見於 {file}）",
    }
    /// An addressee that is no group and no member.
    UNKNOWN_ADDRESSEE {
        en: "`{to}` is neither a group nor a member of the platform",
        zh: "`{to}` 既非本平臺之組別，亦非成員城市",
    }
    /// An instruction without text.
    INSTRUCTION_NO_TEXT {
        en: "instruction `{id}` has no text",
        zh: "指示 `{id}` 沒有內容",
    }
    /// `close` of an instruction no meeting gives.
    CLOSE_UNKNOWN {
        en: "`close` names `{id}`, which no meeting gives",
        zh: "`close` 所列之 `{id}` 非任何會議所作之指示",
    }
    /// `close` at or before the meeting that gives it.
    CLOSE_TOO_EARLY {
        en: "{meeting} closes `{id}`, but that instruction is given at {given}, not at an earlier meeting",
        zh: "{meeting} 結案 `{id}`，但該指示係於 {given} 所作，並非較早的會議",
    }
    /// `close` twice.
    ALREADY_CLOSED {
        en: "`{id}` is already closed by {meeting}",
        zh: "`{id}` 已由 {meeting} 結案",
    }
    /// A milestone without text.
    MILESTONE_NO_TEXT {
        en: "a milestone needs its `text`: what is due",
        zh: "里程碑須寫明 `text`：到期應完成的事項",
    }

    // validate and apply: stated counts (check/counts.rs).
    /// A case named in a message: its id and title.
    CASE_REF {
        en: "{id} 「{title}」",
        zh: "{id}「{title}」",
    }
    /// The cases a list leaves out.
    MORE_CASES {
        en: "… and {n} more",
        zh: "…另 {n} 案",
    }
    /// An empty list of cases.
    NO_CASES {
        en: "none",
        zh: "無",
    }
    /// A list of items on its own.
    ITEMS {
        en: "{items}",
        zh: "{items}",
    }
    /// Nothing (an optional part of a message that is absent).
    NOTHING {
        en: "",
        zh: "",
    }
    /// The cases a meeting itself ends in a group.
    MEETING_ENDS {
        en: "; {meeting} ends {cases}",
        zh: "；{meeting} 結束列管 {cases}",
    }
    /// The cases a meeting itself adds in a group.
    MEETING_ADDS {
        en: "; {meeting} adds {cases}",
        zh: "；{meeting} 新增 {cases}",
    }
    /// A stated number that differs from the register's.
    STATED_COUNT {
        en: "{who}: {meeting} states {stated} {field}, the register has {register}",
        zh: "{who}：{meeting} 載明{field} {stated} 案，列管資料為 {register} 案",
    }
    /// The same, for a group: the register's cases and what the meeting changes.
    STATED_COUNT_CASES {
        en: "{who}: {meeting} states {stated} {field}, the register has {register} ({cases}){ends}{adds}",
        zh: "{who}：{meeting} 載明{field} {stated} 案，列管資料為 {register} 案（{cases}）{ends}{adds}",
    }
    /// A stated number that differs from the register's after an apply.
    STATED_COUNT_AFTER {
        en: "{who}: {meeting} states {stated} {field}, the register would have {register}",
        zh: "{who}：{meeting} 載明{field} {stated} 案，套用後列管資料將為 {register} 案",
    }
    /// The same, for a group.
    STATED_COUNT_AFTER_CASES {
        en: "{who}: {meeting} states {stated} {field}, the register would have {register}: {cases}{ends}{adds}",
        zh: "{who}：{meeting} 載明{field} {stated} 案，套用後列管資料將為 {register} 案：{cases}{ends}{adds}",
    }
    /// How to settle a stated count.
    CORRECT_OR_RECORD {
        en: "correct the cases, or record it under `discrepancies:` ({entry})",
        zh: "請更正案件，或記入 `discrepancies:`（{entry}）",
    }
    /// A recorded discrepancy whose register number is out of date.
    DISCREPANCY_OUTDATED {
        en: "recorded discrepancy for {who} {field} says the register has {recorded}, but it now has {now}",
        zh: "{who}{field}已記錄的差異載明列管資料為 {recorded} 案，但目前為 {now} 案",
    }
    /// How to bring it up to date.
    UPDATE_REGISTER_OR_CASES {
        en: "update `register: {n}` and its note, or correct the cases",
        zh: "請更新 `register: {n}` 及其說明，或更正案件",
    }
    /// A discrepancy without its kind.
    DISCREPANCY_KIND_MISSING {
        en: "say which kind of disagreement this is",
        zh: "請註明差異之類別",
    }
    /// The kinds there are.
    DISCREPANCY_KINDS {
        en: "add `kind: arithmetic` (the minutes contradict their own arithmetic), `unnamed` (they count cases they never name) or `third-party` (another source disagrees); a list when more than one applies",
        zh: "加上 `kind: arithmetic`（紀錄自身算式不符）、`unnamed`（紀錄計入未具名之案件）或 `third-party`（其他來源所載不同）；兼有者以清單表示",
    }
    /// A recorded discrepancy that no longer holds.
    DISCREPANCY_GONE {
        en: "recorded discrepancy ({who} {field} stated {stated}) no longer holds: the register agrees with the stated number",
        zh: "已記錄的差異（{who}{field}載明 {stated} 案）已不成立：列管資料與所載數字相符",
    }
    /// Remove it.
    REMOVE_ENTRY {
        en: "remove the entry",
        zh: "請刪除此項",
    }
    /// Another source's number that differs from the register's.
    STATEMENT_DIFFERS_REGISTER {
        en: "{source} states {field} {stated} for {meeting}, the register has {have}",
        zh: "{source} 載 {meeting} 之{field} {stated} 案，列管資料為 {have} 案",
    }
    /// Another source's number that differs from the minutes'.
    STATEMENT_DIFFERS_MINUTES {
        en: "{source} states {field} {stated} for {meeting}, the minutes state {have}",
        zh: "{source} 載 {meeting} 之{field} {stated} 案，會議紀錄載 {have} 案",
    }
    /// How to record it.
    RECORD_STATEMENT {
        en: "record it under the statement's `discrepancies:` ({entry})",
        zh: "請記入該來源的 `discrepancies:`（{entry}）",
    }
    /// A statement's recorded discrepancy that no longer holds.
    STATEMENT_DISCREPANCY_GONE {
        en: "recorded discrepancy ({field} stated {stated}) no longer holds: the statement agrees, or states no such number",
        zh: "已記錄的差異（{field}載明 {stated} 案）已不成立：該來源所載相符，或未載此數字",
    }
    /// A statement's recorded discrepancy whose register number is out of date.
    STATEMENT_DISCREPANCY_OUTDATED {
        en: "recorded discrepancy for {field} says the register has {recorded}, but it now has {now}",
        zh: "{field}已記錄的差異載明列管資料為 {recorded} 案，但目前為 {now} 案",
    }
    /// How to bring it up to date.
    UPDATE_REGISTER {
        en: "update `register: {n}` and its note",
        zh: "請更新 `register: {n}` 及其說明",
    }
    /// apply: a stated count, counted from the decisions that could be planned.
    COUNTED_WITHOUT {
        en: "{msg} (counted without the {n} that cannot be applied)",
        zh: "{msg}（未計入無法套用的 {n} 項決議）",
    }
    /// apply: how to settle a stated count.
    CHECK_OR_ACCEPT {
        en: "check the decisions; or apply with --accept-discrepancy to record the difference in the meeting file",
        zh: "請檢查決議；或以 --accept-discrepancy 套用，並將差異記入會議檔",
    }
    /// apply: first the decisions.
    FIX_DECISIONS_FIRST {
        en: "correct the decisions above first; then check this count again",
        zh: "請先更正上列決議，再檢查此數字",
    }

    /// The note of a discrepancy recorded by `apply --accept-discrepancy` without `--note`, in the
    /// register's language.
    RECORDED_BY_KBBT {
        en: "recorded by kbbt apply --accept-discrepancy",
        zh: "由 kbbt apply --accept-discrepancy 記錄",
    }

    // list
    /// How many cases a listing shows.
    CASES_COUNT {
        en: "{n}",
        zh: "共 {n} 案",
    }

    // diff and log
    /// The heading of `kbbt diff`: both points and the ongoing cases at each.
    DIFF_HEADING {
        en: "{from} → {to}: ongoing {a} → {b}",
        zh: "{from}～{to}：持續列管 {a} 案 → {b} 案",
    }
    /// A point of `kbbt diff` given as a meeting: its id and date.
    DIFF_POINT_MEETING {
        en: "{id} ({date})",
        zh: "{id}（{date}）",
    }
    /// `kbbt diff` between two points with no change.
    NOTHING_CHANGED {
        en: "nothing changed",
        zh: "沒有變更",
    }
    /// `kbbt list --instructions`' last line.
    INSTRUCTIONS_COUNT {
        en: "{all}, {open} open",
        zh: "共 {all} 項指示，其中 {open} 項列管中",
    }

    // suggest milestones
    /// A suggested milestone.
    SUGGESTED {
        en: "due {due}: {text}",
        zh: "期限 {due}：{text}",
    }
    /// A suggested milestone the progress says is met.
    SUGGESTED_MET {
        en: "due {due} (met {met}): {text}",
        zh: "期限 {due}（已於 {met} 達成）：{text}",
    }
    /// Nothing to suggest.
    NO_MILESTONE {
        en: "no milestone to suggest: no progress text names a date with 預計, 完工, 開工, 啟用, 完成, 通車, 上線 or 營運",
        zh: "沒有可建議的里程碑：辦理情形中沒有附日期的「預計」、「完工」、「開工」、「啟用」、「完成」、「通車」、「上線」或「營運」",
    }
    /// Suggestions shown, not written.
    MILESTONES_SUGGESTED {
        en: "{n} suggested; nothing was written (add them with --write, after checking each)",
        zh: "建議 {n} 個里程碑；未寫入任何檔案（逐一確認後以 --write 加入）",
    }
    /// Suggestions written.
    MILESTONES_ADDED {
        en: "{n} added to {files}",
        zh: "已加入 {n} 個里程碑至 {files} 個檔案",
    }

    // Dates typed by people.
    /// Text that is not a date.
    NOT_A_DATE {
        en: "`{date}` is not a date (write 2024-07-11, or an ROC date such as 113-07-11 or 113年7月11日)",
        zh: "`{date}` 不是日期（請寫 `2024-07-11`，或民國日期如 `113-07-11`、`113年7月11日`）",
    }
    /// A date that does not exist.
    NOT_A_REAL_DATE {
        en: "`{date}` is not a real date",
        zh: "`{date}` 不是存在的日期",
    }

    // list --status
    /// A status kbbt does not know.
    UNKNOWN_STATUS {
        en: "unknown status `{status}`",
        zh: "未知的狀態 `{status}`",
    }
    /// The statuses there are.
    STATUSES {
        en: "use proposed, ongoing, delisted, merged or replaced",
        zh: "請用提案、持續列管、解列、併案或被取代（或英文 `proposed`、`ongoing`、`delisted`、`merged`、`replaced`）",
    }

    // export progress-forms
    /// One form written.
    WROTE_FORM {
        en: "wrote {file} ({n})",
        zh: "已寫入 {file}（持續列管 {n} 案）",
    }
    /// The forms written, and how to read them back.
    FORMS_WRITTEN {
        en: "{n} forms for the progress as of {date}; import the returned forms with `kbbt import progress {glob}`",
        zh: "共 {n} 份填報表，資料時間 {date}；填妥寄回後以 `kbbt import progress {glob}` 匯入",
    }

    // new
    /// `new case` without `--source`.
    NEW_CASE_NEEDS_SOURCE {
        en: "a new case needs --source: the document that shows it is tracked",
        zh: "新案件須以 --source 寫明顯示其列管的文件",
    }
    /// An example of `--source`.
    SOURCE_EXAMPLE {
        en: "e.g. --source 「基北北桃合作交流平臺」合作方案辦理情形（資料時間：115 年 6 月 30 日）",
        zh: "例如 --source 「基北北桃合作交流平臺」合作方案辦理情形（資料時間：115 年 6 月 30 日）",
    }

    // Failures of the system.
    /// What kbbt was doing, and why it failed.
    CONTEXT_CAUSE {
        en: "{context}: {cause}",
        zh: "{context}：{cause}",
    }
    /// An error of the operating system, as it says it in each language.
    OS_ERROR {
        en: "{cause}",
        zh: "{cause}",
    }

    // validate's summary.
    /// No finding at all.
    VALIDATE_OK {
        en: "ok: {cases} and {meetings} checked, no problems",
        zh: "通過：已檢查 {cases} 件案件及 {meetings} 場會議，沒有問題",
    }
    /// How many findings.
    SUMMARY {
        en: "{errors}, {warnings}",
        zh: "{errors} 個錯誤、{warnings} 個警告",
    }
    /// How many, and how many more follow from them.
    SUMMARY_FOLDED {
        en: "{errors}, {warnings} (and {folded} that follow from them)",
        zh: "{errors} 個錯誤、{warnings} 個警告（另有 {folded} 項由其衍生）",
    }
    /// One finding folded under its cause.
    FOLLOWER {
        en: "and {n} finding that follows from it (`--format json` lists it)",
        zh: "另有 {n} 項問題由此衍生（`--format json` 列出）",
    }
    /// Findings folded under their cause.
    FOLLOWERS {
        en: "and {n} findings that follow from it (`--format json` lists them)",
        zh: "另有 {n} 項問題由此衍生（`--format json` 全數列出）",
    }

    // check stale
    /// The cut-off of `check stale`.
    SINCE {
        en: "{cut}, {n} before {day}",
        zh: "{cut}（{day} 前 {n} 個月）",
    }
    /// The cut-off, when it has no date of its own.
    SINCE_NO_CUT {
        en: "{n} before {day}",
        zh: "{day} 前 {n} 個月",
    }
    /// No ongoing case to check.
    STALE_NONE_ONGOING {
        en: "no ongoing cases on {day}",
        zh: "{day} 沒有持續列管的案件",
    }
    /// Every ongoing case has recent progress.
    STALE_NONE {
        en: "no stale cases: all {checked} ongoing cases have progress on or after {since}",
        zh: "沒有辦理情形過舊的案件：持續列管的 {checked} 案均有 {since} 以後的辦理情形",
    }
    /// Some are stale.
    STALE_SOME {
        en: "{stale} of {checked} ongoing cases are stale: their latest progress is before {since}, or they have none",
        zh: "持續列管的 {checked} 案中有 {stale} 案辦理情形過舊：最新辦理情形早於 {since}，或尚無辦理情形",
    }
    /// Of the stale, the unconfirmed.
    STALE_UNCONFIRMED {
        en: "{n} of them are unconfirmed: a complete listing leaves them out (see kbbt status)",
        zh: "其中 {n} 案未確認：未列於完整列表（見 `kbbt status`）",
    }

    // The planner: decisions that cannot be applied (apply/plan.rs).
    /// Two keys of one group.
    GROUP_TWO_BLOCKS {
        en: "group `{group}` has two decision blocks (`{key}` is the same group as an earlier key)",
        zh: "組別 `{group}` 有兩段決議（`{key}` 與前一鍵為同一組別）",
    }
    /// One title added twice in a group.
    NEW_CASE_TWICE {
        en: "「{title}」 is a new case twice in this group (first on line {line})",
        zh: "「{title}」在本組新增了兩次（第一次在第 {line} 行）",
    }
    /// What to do about it.
    LIST_NEW_ONCE {
        en: "list each new case once",
        zh: "每件新案只列一次",
    }
    /// A sub-case without its parent.
    SUBCASE_NO_PARENT {
        en: "sub-case 「{title}」 names no `parent`",
        zh: "子案「{title}」未寫明 `parent`",
    }
    /// How to name it.
    WRITE_PARENT {
        en: "write { parent: <the parent case>, title: … }",
        zh: "請寫 `{ parent: <母案>, title: … }`",
    }
    /// A name that matches no case.
    UNKNOWN_CASE {
        en: "unknown case `{name}`",
        zh: "沒有案件 `{name}`",
    }
    /// A name that matches no case of the group.
    UNKNOWN_CASE_IN {
        en: "unknown case `{name}` in {group}",
        zh: "{group}沒有案件 `{name}`",
    }
    /// The cases a name is close to.
    DID_YOU_MEAN_CASES {
        en: "did you mean {meant}?",
        zh: "是否指 {meant}？",
    }
    /// One close case, and how to keep the minutes' wording.
    DID_YOU_MEAN_WRITE_ONE {
        en: "did you mean {meant}? write `{fix}` (the minutes' wording is kept as an alias)",
        zh: "是否指 {meant}？請寫 `{fix}`（紀錄的寫法保留為別名）",
    }
    /// Several close cases, and how to name the one meant.
    DID_YOU_MEAN_WRITE_ANY {
        en: "did you mean {meant}? write `{fix}` with the id of the one meant",
        zh: "是否指 {meant}？請寫 `{fix}`，並改為所指案件的編號",
    }
    /// A name several cases answer to.
    AMBIGUOUS_CASE {
        en: "ambiguous case `{name}`",
        zh: "`{name}` 有多種可能",
    }
    /// A name several cases of the group answer to.
    AMBIGUOUS_CASE_IN {
        en: "ambiguous case `{name}` in {group}",
        zh: "{group}的 `{name}` 有多種可能",
    }
    /// Which.
    COULD_BE {
        en: "it could be {cases}; write the case id instead",
        zh: "可能是 {cases}；請改寫案件編號",
    }
    /// A name of another group's case.
    NOT_IN_GROUP {
        en: "case `{name}` is not",
        zh: "案件 `{name}` 不在此處",
    }
    /// A name of another group's case, in a group's decisions.
    NOT_IN_GROUP_IN {
        en: "case `{name}` is not in {group}",
        zh: "案件 `{name}` 不屬於{group}",
    }
    /// Which it is.
    OF_ANOTHER_GROUP {
        en: "it is {cases} of another group; write its id, or move the decision",
        zh: "該案是其他組別的 {cases}；請寫其編號，或將決議移至該組",
    }
    /// An id no case has.
    UNKNOWN_CASE_ID {
        en: "unknown case id `{id}`",
        zh: "沒有案件編號 `{id}`",
    }
    /// A decision the case's status does not allow.
    CANNOT_DECIDE {
        en: "cannot {action} {id} 「{title}」: it is {status}, not {need}",
        zh: "無法{action} {id}「{title}」：其狀態為{status}，而非{need}",
    }
    /// A pinned id that is taken.
    ID_TAKEN {
        en: "id `{id}` is already used by 「{title}」",
        zh: "編號 `{id}` 已由「{title}」使用",
    }
    /// What to do.
    LEAVE_ID_OUT {
        en: "leave `id` out to take the group's next free id",
        zh: "省略 `id` 即使用該組下一個可用編號",
    }
    /// A pinned id of another group's code.
    NOT_AN_ID_OF {
        en: "`{id}` is not an id of {group} (write {code}-NNN)",
        zh: "`{id}` 不是{group}的編號（請寫 `{code}-NNN`）",
    }
    /// A merge into the same case.
    MERGED_INTO_ITSELF {
        en: "{id} cannot be merged into itself",
        zh: "{id} 不能併入自己",
    }

    // apply's refusals.
    /// A refusal: why, and that nothing was written.
    NOTHING_WRITTEN {
        en: "{why}; nothing was written",
        zh: "{why}；未寫入任何檔案",
    }
    /// Decisions that cannot be applied.
    DECISIONS_REFUSED {
        en: "{n} cannot be applied",
        zh: "{n} 項決議無法套用",
    }
    /// Stated counts that differ.
    COUNTS_DISAGREE {
        en: "the stated counts disagree with the register",
        zh: "紀錄所載數字與列管資料不符",
    }
    /// Another meeting of that id.
    MEETING_CONFLICTS {
        en: "the meeting conflicts with the register",
        zh: "此會議與列管資料中的同名會議衝突",
    }
    /// An id the register cannot hold.
    MEETING_CANNOT_BE_STORED {
        en: "the meeting cannot be stored",
        zh: "無法存放此會議",
    }
    /// A meeting older than the latest applied.
    OUT_OF_ORDER {
        en: "the meeting is out of order",
        zh: "會議順序錯誤",
    }
    /// A meeting applied before whose file changed.
    APPLIED_AND_CHANGED {
        en: "{id} was applied before and its file has changed since: the case histories record decisions it no longer has; correct the meeting file or the cases",
        zh: "{id} 已套用過，其後會議檔有所變更：案件歷程記載了會議檔已無的決議；請更正會議檔或案件",
    }
    /// The register after the meeting has new errors.
    WOULD_NOT_VALIDATE {
        en: "the register after this meeting would not validate",
        zh: "套用此會議後的列管資料將無法通過檢查",
    }
    /// A case file that cannot be edited in place.
    CANNOT_EDIT_SAFELY {
        en: "the case files cannot be edited safely",
        zh: "無法安全地修改案件檔",
    }
    /// The discrepancies cannot be appended.
    CANNOT_RECORD_DISCREPANCIES {
        en: "the discrepancies cannot be recorded",
        zh: "無法記錄差異",
    }
    /// The meeting file cannot be put in the canonical layout.
    CANNOT_LAY_OUT {
        en: "the meeting file cannot be laid out",
        zh: "無法將會議檔排為標準格式",
    }
    /// The meeting file does not parse.
    CANNOT_READ_MEETING {
        en: "cannot read the meeting",
        zh: "無法讀取會議檔",
    }

    // The YAML parser's messages (yaml.rs), tables and workbooks read by import.
    /// What a date field takes.
    KIND_DATE {
        en: "a date such as 2024-07-11 or 113年7月11日",
        zh: "日期，例如 `2024-07-11` 或 `113年7月11日`",
    }
    /// What a meeting's `decisions` takes.
    KIND_DECISIONS {
        en: "a mapping from group to its decisions",
        zh: "各組別及其決議",
    }
    /// What an added case is written as.
    KIND_NEW_CASE {
        en: "a title, or a mapping with `title` and optionally `id`, `lead`, `partners`, `topics`, `aliases`, `note`",
        zh: "案名，或含 `title`（及 `id`、`lead`、`partners`、`topics`、`aliases`、`note` 等選填欄位）的對應",
    }
    /// What a decision names a case with.
    KIND_REF {
        en: "a case id, title or alias, or a mapping `{ case, id, note }`",
        zh: "案件編號、案名或別名，或 `{ case, id, note }` 形式的對應",
    }
    /// A stated range written backwards.
    RANGE_MIN_MAX {
        en: "a range needs `min` ≤ `max`",
        zh: "範圍須 `min` ≤ `max`",
    }
    /// A discrepancy's `kind` that is none of the kinds.
    DISCREPANCY_KIND_UNKNOWN {
        en: "`kind` is one of `arithmetic`, `unnamed`, `third-party`, or a list of them",
        zh: "`kind` 應為 `arithmetic`、`unnamed`、`third-party` 之一，或其清單",
    }
    /// A percentage out of range.
    PERCENT_RANGE {
        en: "a percentage is a number from 0 to 100, not {value}",
        zh: "百分比應為 0 到 100 的數字，不是 {value}",
    }
    /// A new case given a parent in `add` or `propose`.
    PARENT_IN_SUBCASES {
        en: "`parent` belongs in `subcases`, not in `add` or `propose`",
        zh: "`parent` 應寫於 `subcases`，不應寫於 `add` 或 `propose`",
    }
    /// A meeting file whose id the register already has, with other content.
    MEETING_ALREADY_THERE {
        en: "the register already has meeting `{id}` in {file}, with other content",
        zh: "列管資料已有會議 `{id}`（{file}），內容不同",
    }
    /// How to go on from a meeting already there.
    APPLY_IT_OR_RENAME {
        en: "apply {file} itself, or give this meeting another id",
        zh: "請直接套用 {file}，或為此會議另取編號",
    }
    /// A meeting older than one already applied.
    MEETING_OUT_OF_ORDER {
        en: "{id} ({date}) is older than {other}, already applied ({other_date})",
        zh: "{id}（{date}）早於已套用的 {other}（{other_date}）",
    }
    /// How to apply an older meeting on purpose.
    ALLOW_OUT_OF_ORDER {
        en: "use --allow-out-of-order if this is intended",
        zh: "若確為如此，請使用 `--allow-out-of-order`",
    }
    /// An edit that re-parsed to other data.
    EDITED_WOULD_DIFFER {
        en: "the edited file would not hold the intended data",
        zh: "修改後的檔案內容將與預期不符",
    }
    /// An edit that would not parse.
    EDITED_WOULD_NOT_PARSE {
        en: "the edited file would not parse ({why})",
        zh: "修改後的檔案將無法解析（{why}）",
    }
    /// A file import cannot add the progress entry to.
    CANNOT_ADD_PROGRESS {
        en: "cannot add the progress entry in place: {why}",
        zh: "無法就地加入辦理情形：{why}",
    }
    /// How to make a file editable in place, for import.
    FMT_THEN_IMPORT {
        en: "run `kbbt fmt` on it, then import again",
        zh: "請先對其執行 `kbbt fmt`，再匯入一次",
    }
    /// A line of a table the CSV reader cannot read.
    TABLE_NOT_CSV {
        en: "not valid CSV: {why}",
        zh: "不是有效的 CSV：{why}",
    }
    /// Two 資料時間 lines that differ.
    TABLE_SECOND_DATA_TIME {
        en: "a second 資料時間 ({date}) differs from the one on line {line} ({first})",
        zh: "第二個資料時間（{date}）與第 {line} 行的資料時間（{first}）不同",
    }
    /// A 資料時間 line whose date cannot be read.
    TABLE_DATA_TIME_UNREADABLE {
        en: "cannot read the 資料時間 line: {why}",
        zh: "無法讀取資料時間：{why}",
    }
    /// A row wider than the header.
    TABLE_ROW_TOO_WIDE {
        en: "this row has {cells} cells, the header on line {line} has {columns} columns",
        zh: "此列有 {cells} 格，但第 {line} 行的標題列只有 {columns} 欄",
    }
    /// A CSV line inside the table without a comma.
    TABLE_NOT_A_ROW_CSV {
        en: "not a row of the table (no comma): `{text}`",
        zh: "不是表格的一列（沒有逗號）：`{text}`",
    }
    /// A text line inside the table without a tab.
    TABLE_NOT_A_ROW_TAB {
        en: "not a row of the table (no tab): `{text}`",
        zh: "不是表格的一列（沒有定位字元）：`{text}`",
    }
    /// A continuation row at the top.
    TABLE_ORPHAN_CONTINUATION {
        en: "a continuation row (empty name) with no row before it",
        zh: "接續列（案名空白）之前沒有任何一列",
    }
    /// No header row found.
    TABLE_NO_HEADER {
        en: "no header row with a name column ({names}) and a progress column ({texts})",
        zh: "找不到含案名欄（{names}）及辦理情形欄（{texts}）的標題列",
    }
    /// A header and nothing under it.
    TABLE_NO_ROWS {
        en: "the table has no rows",
        zh: "表格沒有任何一列",
    }
    /// The table could not be read.
    TABLE_UNREADABLE {
        en: "cannot read the table; nothing was written",
        zh: "無法讀取表格；未寫入任何檔案",
    }
    /// A path that is a folder or a device, not a file.
    NAMED_NOT_A_FILE {
        en: "{file} is not a file",
        zh: "{file} 不是檔案",
    }
    /// A table file over the size limit.
    TABLE_TOO_LARGE {
        en: "{file} is too large ({size} bytes; the limit is {limit} bytes)",
        zh: "{file} 過大（{size} 位元組；上限為 {limit} 位元組）",
    }
    /// A table file that is not UTF-8.
    TABLE_NOT_UTF8 {
        en: "{file} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8",
        zh: "{file} 不是 UTF-8 文字（第 {offset} 位元組無效）；請以 UTF-8 儲存",
    }
    /// A file that cannot be read, with the system's reason.
    CANNOT_READ_NAMED {
        en: "cannot read {file}: {cause}",
        zh: "無法讀取 {file}：{cause}",
    }
    /// Workbooks and a text table given together.
    IMPORT_MIXED_FILES {
        en: "give either workbooks (.xlsx, .ods) or one text table, not both",
        zh: "請只給活頁簿（.xlsx、.ods）或只給一個文字表格，不要同時給",
    }
    /// Several text tables given.
    IMPORT_ONE_TABLE {
        en: "a text table is imported one at a time; only workbooks (.xlsx, .ods) are read several at once",
        zh: "文字表格一次只能匯入一個；只有活頁簿（.xlsx、.ods）可一次讀取多個",
    }
    /// The listing cannot be added to platform.yaml.
    CANNOT_RECORD_LISTING {
        en: "cannot record the listing in platform.yaml: {why}",
        zh: "無法在 platform.yaml 記錄此完整清單：{why}",
    }
    /// The listing's edit would break platform.yaml.
    LISTING_WOULD_BREAK {
        en: "recording the listing would break platform.yaml",
        zh: "記錄此完整清單將使 platform.yaml 無法解析",
    }
    /// A workbook over the size limit.
    SHEET_TOO_LARGE {
        en: "too large ({size} bytes; the limit is {limit} bytes)",
        zh: "檔案過大（{size} 位元組；上限為 {limit} 位元組）",
    }
    /// Two forms of different 資料時間.
    SHEET_DATA_TIMES_DIFFER {
        en: "資料時間 {date} differs from {first} ({place})",
        zh: "資料時間 {date} 與 {first}（{place}）不同",
    }
    /// The forms could not be read.
    FORMS_UNREADABLE {
        en: "cannot read the forms; nothing was written",
        zh: "無法讀取回填表；未寫入任何檔案",
    }
    /// A file over the size limit.
    YAML_TOO_LARGE {
        en: "file is too large ({size} bytes; the limit is {limit} bytes)",
        zh: "檔案過大（{size} 位元組；上限為 {limit} 位元組）",
    }
    /// A file with nothing in it.
    YAML_EMPTY {
        en: "file is empty",
        zh: "檔案是空的",
    }
    /// A file of only `---` and comments.
    YAML_ONLY_MARKERS {
        en: "file is empty (it holds no fields, only `---` or comments)",
        zh: "檔案是空的（沒有任何欄位，只有 `---` 或註解）",
    }
    /// A second `---` document.
    YAML_SECOND_DOCUMENT {
        en: "a second YAML document starts here; a register file holds one document",
        zh: "此處開始第二份 YAML 文件；列管資料的檔案只能有一份文件",
    }
    /// A list or mapping where one word (a status, an action) belongs.
    YAML_EXPECTED_WORD {
        en: "expected one word here (such as `ongoing`), not a list or a mapping",
        zh: "此處應為一個詞（例如 `ongoing`），不是清單或對應",
    }
    /// A value left out.
    YAML_VALUE_MISSING {
        en: "a value is missing here",
        zh: "此處缺少值",
    }
    /// Anchors and aliases over the limit.
    YAML_TOO_MANY_ALIASES {
        en: "too many YAML aliases or anchors (register files need none)",
        zh: "YAML 別名或錨點過多（列管資料的檔案不需使用）",
    }
    /// Nesting over the limit.
    YAML_TOO_DEEP {
        en: "the file is nested too deeply",
        zh: "檔案巢狀層次過深",
    }
    /// Values over the limit.
    YAML_TOO_MANY_VALUES {
        en: "the file has too many values",
        zh: "檔案的值過多",
    }
    /// More than one document, found by the parser.
    YAML_MORE_DOCUMENTS {
        en: "the file holds more than one YAML document",
        zh: "檔案含有多份 YAML 文件",
    }
    /// Another limit of the parser.
    YAML_TOO_COMPLEX {
        en: "the file is too large or complex ({what})",
        zh: "檔案過大或過於複雜（{what}）",
    }
    /// A number that is not whole.
    YAML_WHOLE_NUMBER {
        en: "expected a whole number",
        zh: "應為整數",
    }
    /// `true`/`false` written another way.
    YAML_BOOLEAN {
        en: "expected `true` or `false`",
        zh: "應為 `true` 或 `false`",
    }
    /// A value of another kind than the field takes.
    YAML_EXPECTED {
        en: "expected {what}",
        zh: "此處應為{what}",
    }
    /// A value of another kind, with what was found.
    YAML_INVALID_TYPE {
        en: "invalid type: {found}, expected {what}",
        zh: "型別不符：此處是{found}，應為{what}",
    }
    /// A value the field does not take.
    YAML_INVALID_VALUE {
        en: "invalid value: {found}, expected {what}",
        zh: "值不符：此處是{found}，應為{what}",
    }
    /// A list of the wrong length.
    YAML_INVALID_LENGTH {
        en: "invalid length {len}, expected {what}",
        zh: "長度不符：此處有 {len} 項，應為{what}",
    }
    /// A word the field does not know.
    YAML_UNKNOWN_VARIANT {
        en: "unknown variant `{value}`, expected one of {expected}",
        zh: "未知的值 `{value}`，可用的值：{expected}",
    }
    /// A field the file kind does not have.
    YAML_UNKNOWN_FIELD {
        en: "unknown field `{field}`, expected one of {expected}",
        zh: "未知的欄位 `{field}`，可用的欄位：{expected}",
    }
    /// A field in a place that takes none.
    YAML_UNKNOWN_FIELD_NONE {
        en: "unknown field `{field}`, there are no fields",
        zh: "未知的欄位 `{field}`（此處不能有欄位）",
    }
    /// A field that must be there.
    YAML_MISSING_FIELD {
        en: "missing field `{field}`",
        zh: "缺少欄位 `{field}`",
    }
    /// A key written twice.
    YAML_DUPLICATE_KEY {
        en: "duplicate mapping key: {key}",
        zh: "重複的鍵 `{key}`",
    }
    /// A key written twice, not named by the parser.
    YAML_DUPLICATE_KEY_UNNAMED {
        en: "duplicate mapping key",
        zh: "重複的鍵",
    }
    /// `*name` with no `&name`.
    YAML_UNKNOWN_ANCHOR {
        en: "alias references unknown anchor",
        zh: "別名（`*`）所指的錨點（`&`）不存在",
    }
    /// The file ends inside a value.
    YAML_EOF {
        en: "unexpected end of input",
        zh: "檔案意外結束（引號或括號未關閉？）",
    }
    /// A tag such as `!!python`.
    YAML_UNSUPPORTED_TAG {
        en: "unsupported tag `{tag}`",
        zh: "不支援的標記 `{tag}`",
    }
    /// Bytes that are not UTF-8.
    YAML_NOT_UTF8 {
        en: "input is not valid UTF-8",
        zh: "內容不是有效的 UTF-8",
    }
    /// `key: value` inside a value.
    YAML_MAPPING_VALUES {
        en: "mapping values are not allowed in this context",
        zh: "此處不能再有 `key: value`（值裡有冒號時，請以引號括住整個值）",
    }
    /// Indentation that breaks a mapping.
    YAML_EXPECTED_KEY {
        en: "while parsing a block mapping, did not find expected key",
        zh: "此處應為欄位名稱（請檢查縮排）",
    }
    /// Indentation that breaks a list.
    YAML_EXPECTED_DASH {
        en: "while parsing a block collection, did not find expected '-' indicator",
        zh: "此處應為以 `-` 開頭的清單項目（請檢查縮排）",
    }
    /// A value left out, as the scanner says it.
    YAML_EXPECTED_NODE {
        en: "while parsing a node, did not find expected node content",
        zh: "此處缺少值",
    }
    /// `\q` in double quotes.
    YAML_BAD_ESCAPE {
        en: "while parsing a quoted scalar, found unknown escape character",
        zh: "雙引號內有無法辨識的跳脫字元（`\\`）；請改用單引號，或寫成 `\\\\`",
    }
    /// A tab used to indent.
    YAML_TAB_INDENT {
        en: "tab cannot be used as indentation",
        zh: "此處以定位字元（`Tab`）縮排；YAML 只能以空格縮排",
    }
    /// A tab where the scanner takes none.
    YAML_TABS_HERE {
        en: "tabs disallowed in this context",
        zh: "此處不能有定位字元（`Tab`）；請改用空格",
    }
    /// A tab in a block's indentation.
    YAML_TABS_BLOCK {
        en: "tabs disallowed within this context (block indentation)",
        zh: "此處不能以定位字元（`Tab`）縮排；YAML 只能以空格縮排",
    }
    /// A tab inside an unquoted value.
    YAML_TAB_IN_VALUE {
        en: "while scanning a plain scalar, found a tab",
        zh: "值裡有定位字元（`Tab`）；請改用空格，或以引號括住整個值",
    }
    /// Indentation the scanner cannot follow.
    YAML_INDENTATION {
        en: "invalid indentation",
        zh: "縮排有誤",
    }
    /// A `[...]` list not closed.
    YAML_FLOW_LIST_OPEN {
        en: "while parsing a flow sequence, expected ',' or ']'",
        zh: "`[…]` 清單缺少逗號或 `]`",
    }
    /// A `{...}` mapping not closed.
    YAML_FLOW_MAP_OPEN {
        en: "while parsing a flow mapping, did not find expected ',' or '}'",
        zh: "`{…}` 缺少逗號或 `}`",
    }
    /// Text after a closing double quote.
    YAML_AFTER_DOUBLE_QUOTE {
        en: "invalid trailing content after double-quoted scalar",
        zh: "雙引號結束後還有其他內容；請以引號括住整個值",
    }
    /// Text after a closing single quote.
    YAML_AFTER_SINGLE_QUOTE {
        en: "invalid trailing content after single-quoted scalar",
        zh: "單引號結束後還有其他內容；請以引號括住整個值",
    }
    /// A `[` never closed.
    YAML_UNCLOSED_LIST {
        en: "unclosed bracket '['",
        zh: "`[` 未關閉（缺少 `]`）",
    }
    /// A `{` never closed.
    YAML_UNCLOSED_MAP {
        en: "unclosed bracket '{'",
        zh: "`{` 未關閉（缺少 `}`）",
    }
    /// A quote never closed.
    YAML_UNCLOSED_QUOTE {
        en: "unclosed quote",
        zh: "引號未關閉",
    }
    /// The file ends inside `[...]`.
    YAML_EOF_FLOW_LIST {
        en: "unexpected EOF while parsing a flow sequence",
        zh: "檔案在 `[…]` 清單結束前就結束了",
    }
    /// The file ends inside `{...}`.
    YAML_EOF_FLOW_MAP {
        en: "unexpected EOF while parsing a flow mapping",
        zh: "檔案在 `{…}` 結束前就結束了",
    }
    /// The file ends inside a value.
    YAML_EOF_SCANNER {
        en: "unexpected eof",
        zh: "檔案意外結束（引號或括號未關閉？）",
    }
    /// `- item` where no list can start.
    YAML_DASH_OUTSIDE_BLOCK {
        en: "\"-\" is only valid inside a block",
        zh: "`-` 只能用在分行的清單中",
    }
    /// A `]` or `}` with no opening one.
    YAML_MISPLACED_BRACKET {
        en: "misplaced bracket",
        zh: "括號位置有誤（`]` 或 `}` 沒有對應的開頭）",
    }
    /// A `:` where none can stand.
    YAML_COLON_PLACEMENT {
        en: "illegal placement of ':' indicator",
        zh: "此處不能有冒號；請以引號括住整個值",
    }
    /// `*name` with no `&name`, as the scanner says it.
    YAML_UNKNOWN_ANCHOR_SCANNER {
        en: "while parsing node, found unknown anchor",
        zh: "別名（`*`）所指的錨點（`&`）不存在",
    }
    /// Anything else the parser says: its own words, as it says them.
    YAML_PARSER_SAYS {
        en: "{said}",
        zh: "YAML 格式有誤（解析器的說明：{said}）",
    }
    /// What a field takes: text.
    YAML_KIND_TEXT {
        en: "string scalar",
        zh: "文字",
    }
    /// What a field takes: a list.
    YAML_KIND_LIST {
        en: "sequence start",
        zh: "清單",
    }
    /// What a field takes: a whole number.
    YAML_WHOLE_NUMBER_KIND {
        en: "a whole number",
        zh: "整數",
    }
    /// What a field takes: fields.
    YAML_KIND_MAPPING {
        en: "mapping start",
        zh: "一組欄位",
    }
    /// A name of code (a field, a word a field takes), shown as code in Chinese.
    YAML_CODE {
        en: "{name}",
        zh: "`{name}`",
    }


    // Reading the register's files (load.rs).
    /// A link on the way to a file.
    LINK_ON_PATH {
        en: "{link} is a symbolic link; kbbt does not follow links inside a register",
        zh: "{link} 是符號連結；kbbt 不跟隨列管資料內的連結",
    }
    /// A file found as a link.
    IS_A_LINK {
        en: "a symbolic link; kbbt does not follow links inside a register",
        zh: "這是符號連結；kbbt 不跟隨列管資料內的連結",
    }
    /// What to do about a linked file.
    REPLACE_LINK_FILE {
        en: "replace the link with the file itself",
        zh: "請以檔案本身取代此連結",
    }
    /// What to do about a linked folder.
    REPLACE_LINK_FOLDER {
        en: "replace the link with the folder itself",
        zh: "請以資料夾本身取代此連結",
    }
    /// What to do about a link.
    REPLACE_LINK_ANY {
        en: "replace the link with the file or folder itself",
        zh: "請以檔案或資料夾本身取代此連結",
    }
    /// Something that is not a file.
    NOT_A_FILE {
        en: "not a regular file (a folder, FIFO or device); kbbt reads only regular files",
        zh: "不是一般檔案（資料夾、FIFO 或裝置）；kbbt 只讀取一般檔案",
    }
    /// A `.yaml` that is not a file.
    NOT_A_FILE_FIFO {
        en: "not a regular file (a FIFO or device); kbbt reads only regular files",
        zh: "不是一般檔案（FIFO 或裝置）；kbbt 只讀取一般檔案",
    }
    /// A file over the size limit.
    FILE_TOO_LARGE {
        en: "file is too large ({size} bytes; the limit is {limit} bytes)",
        zh: "檔案過大（{size} 位元組；上限 {limit} 位元組）",
    }
    /// A file that is not UTF-8.
    NOT_UTF8 {
        en: "file is not valid UTF-8 (byte {byte} at offset {offset})",
        zh: "檔案不是有效的 UTF-8（位置 {offset} 的位元組 {byte}）",
    }
    /// How to save it.
    SAVE_AS_UTF8 {
        en: "save the file as UTF-8 (register files are UTF-8 YAML)",
        zh: "請以 UTF-8 儲存（列管資料檔案為 UTF-8 YAML）",
    }
    /// A file that cannot be read.
    CANNOT_READ_FILE {
        en: "cannot read file: {cause}",
        zh: "無法讀取檔案：{cause}",
    }
    /// A folder entry that cannot be read.
    CANNOT_READ_ENTRY {
        en: "cannot read: {cause}",
        zh: "無法讀取：{cause}",
    }
    /// A folder entry that cannot be read, without a cause.
    CANNOT_READ_THIS_ENTRY {
        en: "cannot read this entry",
        zh: "無法讀取此項目",
    }
    /// A link to a folder that contains it.
    LINK_LOOP {
        en: "symbolic link loop: this link points at a folder that contains it",
        zh: "符號連結迴圈：此連結指向包含它的資料夾",
    }

    // Editing case and meeting files (apply/mod.rs) and modelines.
    /// A case file kbbt cannot edit with a minimal edit.
    CANNOT_EDIT_IN_PLACE {
        en: "cannot edit this file in place: {why}",
        zh: "無法就地修改此檔案：{why}",
    }
    /// What to do.
    RUN_FMT_FIRST {
        en: "run `kbbt fmt` on it, then apply again",
        zh: "請先對其執行 `kbbt fmt`，再套用一次",
    }
    /// The edit re-parsed to other data.
    EDIT_WOULD_DIFFER {
        en: "the edited file would not hold the intended data; nothing was written",
        zh: "修改後的檔案內容將與預期不符；未寫入任何檔案",
    }
    /// The edit would not parse.
    EDIT_WOULD_NOT_PARSE {
        en: "the edited file would not parse ({why}); nothing was written",
        zh: "修改後的檔案將無法解析（{why}）；未寫入任何檔案",
    }
    /// Discrepancies that cannot be appended.
    CANNOT_RECORD_WHY {
        en: "cannot record the discrepancies: {why}",
        zh: "無法記錄差異：{why}",
    }
    /// Appending them would break the meeting file.
    RECORDING_WOULD_BREAK {
        en: "recording the discrepancies would break the file: {why}",
        zh: "記錄差異將使檔案無法解析：{why}",
    }
    /// A modeline whose schema does not exist.
    MODELINE_MISSING {
        en: "the schema modeline points at `{target}`, which does not exist from this file",
        zh: "schema 設定行指向 `{target}`，自本檔位置找不到該檔案",
    }
    /// The modeline to write.
    MODELINE_WRITE {
        en: "write `{line}` (`kbbt fmt` fixes it)",
        zh: "請寫 `{line}`（`kbbt fmt` 會修正）",
    }
    /// Where the schema would go.
    MODELINE_PUT_SCHEMA {
        en: "put the schema where it points (`kbbt schema {kind} > schemas/{kind}.schema.json` at the register root), or remove the line",
        zh: "請將 schema 放在所指之處（於列管資料根目錄執行 `kbbt schema {kind} > schemas/{kind}.schema.json`），或刪除此行",
    }

    // import progress: rows of a table (import/plan.rs).
    /// A row under another group's heading.
    ROW_OF_ANOTHER_GROUP {
        en: "it is {cases} of another group; move the row under that group's heading",
        zh: "該案是其他組別的 {cases}；請將此列移至該組標題之下",
    }
    /// A name matched once its bracketed note is left out.
    NAME_WITHOUT_NOTE {
        en: "`{name}` is {id} 「{title}」 once its note in brackets is left out",
        zh: "`{name}` 去除括號內的附註後即為 {id}「{title}」",
    }
    /// How to match it directly.
    ADD_ALIAS {
        en: "add the table's spelling to the case's aliases to match it directly",
        zh: "請將表格的寫法加入該案的別名，以直接對應",
    }
    /// A row without text.
    NO_PROGRESS_TEXT {
        en: "{id} 「{title}」 has no progress text in the table; skipped",
        zh: "{id}「{title}」在表格中沒有辦理情形；已略過",
    }
    /// A case listed twice with one text.
    LISTED_AGAIN {
        en: "{id} is listed again (first on line {line}), with the same text",
        zh: "{id} 重複列出（第一次在第 {line} 行），內容相同",
    }
    /// A case listed twice with two texts.
    LISTED_TWICE {
        en: "{id} is listed twice with different texts (first on line {line})",
        zh: "{id} 列出兩次且內容不同（第一次在第 {line} 行）",
    }
    /// What to do.
    ONE_ROW_PER_CASE {
        en: "keep one row per case",
        zh: "每件案件只保留一列",
    }
    /// Progress of a case no longer ongoing.
    PROGRESS_OF_ENDED_CASE {
        en: "{id} 「{title}」 is {status}; its progress is recorded all the same",
        zh: "{id}「{title}」的狀態為{status}；其辦理情形仍予記錄",
    }
    /// An entry of that date with another text.
    PROGRESS_CONFLICT {
        en: "{id} 「{title}」 already has progress as of {date} with a text that differs",
        zh: "{id}「{title}」已有資料時間 {date} 的辦理情形，內容不同",
    }
    /// An entry of that date whose text differs in spacing only.
    PROGRESS_CONFLICT_SPACING {
        en: "{id} 「{title}」 already has progress as of {date} with a text that differs only in spacing or line breaks",
        zh: "{id}「{title}」已有資料時間 {date} 的辦理情形，僅空白或換行不同",
    }
    /// What to do.
    EDIT_ENTRY_FIRST {
        en: "edit or remove that entry in {file} first, or correct the table",
        zh: "請先修改或刪除 {file} 中的該筆紀錄，或更正表格",
    }

    // import progress: the command's own lines.
    /// A table without a date.
    NO_DATA_TIME {
        en: "{file} has no 資料時間 line, so the date of its progress is unknown",
        zh: "{file} 沒有「資料時間」一行，無從得知其辦理情形的日期",
    }
    /// How to give it.
    GIVE_AS_OF {
        en: "give it with --as-of DATE (e.g. --as-of 114-12-31)",
        zh: "請以 `--as-of 日期` 指定（例如 `--as-of 114-12-31`）",
    }
    /// The heading of an import.
    IMPORTING {
        en: "Importing progress as of {date} from {from}",
        zh: "匯入 {from} 的辦理情形（資料時間 {date}）",
    }
    /// The heading of a dry run.
    WOULD_IMPORT {
        en: "Would import progress as of {date} from {from}",
        zh: "預覽：將匯入 {from} 的辦理情形（資料時間 {date}）",
    }
    /// Where a row is: a line of a text table.
    AT_LINE {
        en: " (line {line})",
        zh: "（第 {line} 行）",
    }
    /// Where a row is: a form's cell.
    AT_CELL {
        en: " ({cell})",
        zh: "（{cell}）",
    }
    /// The listing recorded in platform.yaml.
    LISTING_ADDED {
        en: "platform.yaml: a complete listing as of {date}",
        zh: "platform.yaml：資料時間 {date} 的完整列表",
    }
    /// Rows of a form without new text.
    NO_NEWS_ROWS {
        en: "rows with no new text (本次辦理情形), skipped: {n}",
        zh: "未填本次辦理情形而略過的列：{n} 列",
    }
    /// The counts of an import.
    IMPORT_COUNTS {
        en: "{added}, {unchanged} unchanged, {unmatched} unmatched",
        zh: "新增 {added} 筆、未變 {unchanged} 筆、對不上 {unmatched} 筆",
    }
    /// The counts of a dry run.
    IMPORT_COUNTS_DRY {
        en: "{added}, {unchanged} unchanged, {unmatched} unmatched",
        zh: "將新增 {added} 筆、未變 {unchanged} 筆、對不上 {unmatched} 筆",
    }
    /// Nothing new.
    IMPORT_NOTHING_TO_DO {
        en: "nothing to do: the register already holds every entry",
        zh: "無須變更：列管資料已有每一筆辦理情形",
    }
    /// The end of a dry run.
    IMPORT_DRY_RUN {
        en: "dry run: {files} would change; nothing was written",
        zh: "預覽：將變更 {files} 個檔案；未寫入任何檔案",
    }
    /// The end of an import.
    FILES_CHANGED {
        en: "{files} changed",
        zh: "已變更 {files} 個檔案",
    }
    /// Names that match no case.
    NAMES_UNMATCHED {
        en: "{n} in the table match no case",
        zh: "表格中有 {n} 個名稱對不上任何案件",
    }
    /// One name that matches no case.
    NAME_UNMATCHED {
        en: "{n} name in the table matches no case",
        zh: "表格中有 {n} 個名稱對不上任何案件",
    }
    /// Names that match no case, and other problems.
    NAMES_UNMATCHED_AND_MORE {
        en: "{n} in the table match no case, and {other}",
        zh: "表格中有 {n} 個名稱對不上任何案件，另有 {other} 個問題",
    }
    /// One name that matches no case, and other problems.
    NAME_UNMATCHED_AND_MORE {
        en: "{n} name in the table matches no case, and {other}",
        zh: "表格中有 {n} 個名稱對不上任何案件，另有 {other} 個問題",
    }
    /// A table with problems.
    TABLE_REFUSED {
        en: "the table cannot be imported ({n})",
        zh: "無法匯入此表格（{n} 個問題）",
    }
    /// What to do about names.
    FIX_NAMES_OR_SKIP {
        en: "correct the names, add the table's spelling to the case's aliases, or use --skip-unmatched to import the rest",
        zh: "請更正名稱、將表格的寫法加入案件的別名，或以 --skip-unmatched 匯入其餘各列",
    }

    // fmt
    /// A file `fmt --check` would rewrite.
    WOULD_REFORMAT {
        en: "would reformat {file}",
        zh: "將重新排版 {file}",
    }
    /// A file `fmt` rewrote.
    REFORMATTED {
        en: "reformatted {file}",
        zh: "已重新排版 {file}",
    }
    /// How many.
    FILES_REFORMATTED {
        en: "{n} reformatted",
        zh: "已重新排版 {n} 個檔案",
    }
    /// Files with errors were not checked.
    SOME_NOT_CHECKED {
        en: "some files could not be checked: see the errors above",
        zh: "部分檔案無法檢查：請見上列錯誤",
    }
    /// Nothing to rewrite.
    ALL_CANONICAL {
        en: "all files are in the canonical layout",
        zh: "所有檔案均為標準格式",
    }

    // Writing, locking, recovering, git and the commands' own refusals (write.rs, git.rs, edit.rs, cmd/).

    // An interrupted write.
    /// A read-only command on a register with a pending write.
    WRITE_PENDING {
        en: "an unfinished write is pending in .kbbt/ (kbbt was stopped while writing); what is shown may mix old and new files",
        zh: ".kbbt/ 中有未完成的寫入（kbbt 於寫入時中止）；所示內容可能混有新舊檔案",
    }
    /// How to finish it.
    RUN_RECOVER {
        en: "run `kbbt recover` to finish it (apply, fmt, new and import finish it first too)",
        zh: "請執行 `kbbt recover` 完成寫入（`apply`、`fmt`、`new` 及 `import` 也會先完成它）",
    }
    /// `.kbbt` is a link.
    STATE_DIR_LINK {
        en: ".kbbt is a symbolic link; commands that write refuse to run until it is removed",
        zh: "`.kbbt` 是符號連結；在移除之前，會寫入的命令都不會執行",
    }

    // apply and git.
    /// `--commit` without git.
    COMMIT_NEEDS_GIT {
        en: "--commit needs git, and git could not be run",
        zh: "--commit 需要 git，但無法執行 git",
    }
    /// What to do.
    INSTALL_GIT_OR_NO_COMMIT {
        en: "install git, or apply without --commit and commit by hand",
        zh: "請安裝 git，或不加 --commit 套用後自行提交",
    }
    /// No git to check for uncommitted changes.
    GIT_NOT_RUN {
        en: "git could not be run, so kbbt cannot check the register for uncommitted changes",
        zh: "無法執行 git，因此 kbbt 無法檢查列管資料是否有未提交的變更",
    }
    /// What to do.
    INSTALL_GIT_OR_ALLOW_DIRTY {
        en: "install git, or use --allow-dirty",
        zh: "請安裝 git，或使用 --allow-dirty",
    }
    /// What to do about git's identity.
    SET_GIT_IDENTITY {
        en: "set it with `git config user.name \"…\"` and `git config user.email …`, or apply without --commit",
        zh: "請以 `git config user.name \"…\"` 及 `git config user.email …` 設定，或不加 --commit 套用",
    }
    /// Uncommitted changes.
    UNCOMMITTED {
        en: "uncommitted changes in the register ({files})",
        zh: "列管資料有尚未提交的變更（{files}）",
    }
    /// What to do.
    COMMIT_OR_ALLOW_DIRTY {
        en: "commit or stash them first, or use --allow-dirty",
        zh: "請先提交或暫存，或使用 --allow-dirty",
    }

    // new
    /// The register with the new file would have errors.
    NEW_WOULD_NOT_VALIDATE {
        en: "the register would not validate with the new file",
        zh: "加入新檔案後，列管資料將無法通過檢查",
    }
    /// The file written.
    CREATED {
        en: "created {file}: {what}",
        zh: "已建立 {file}：{what}",
    }
    /// A new case: id, title, group.
    NEW_CASE_SUMMARY {
        en: "{id} {title} ({group}, ongoing)",
        zh: "{id} {title}（{group}，持續列管）",
    }
    /// A new meeting: id, title, date.
    NEW_MEETING_SUMMARY {
        en: "{id} {title} ({date})",
        zh: "{id} {title}（{date}）",
    }
    /// A city that is not a member.
    UNKNOWN_CITY {
        en: "unknown {what} `{city}`: not a member of {platform}",
        zh: "未知的{what} `{city}`：不是{platform}的成員",
    }
    /// The members.
    MEMBERS_ARE {
        en: "the members are {members}",
        zh: "成員有：{members}",
    }
    /// The topics.
    TOPICS_ARE {
        en: "the topics are {topics}",
        zh: "共同議題有：{topics}",
    }
    /// A platform without topics.
    NO_TOPICS {
        en: "the platform defines no topics (platform.yaml `topics:`)",
        zh: "平臺未定義共同議題（platform.yaml 的 `topics:`）",
    }
    /// `new case --status proposed`.
    NEW_NOT_PROPOSED {
        en: "a new case cannot start as `proposed` without its meeting",
        zh: "新案件不能不經會議即以「提案」開始",
    }
    /// Where proposals come from.
    PROPOSAL_IS_A_DECISION {
        en: "a proposal is a meeting's decision: write it under `propose:` in the meeting file and run `kbbt apply`; or use --status ongoing for a case already tracked",
        zh: "提案是會議的決議：請寫於會議檔的 `propose:` 之下並執行 `kbbt apply`；已列管的案件請用 `--status 持續列管`",
    }
    /// Another status.
    NEW_BAD_STATUS {
        en: "`{status}` is not a status a new case can start with",
        zh: "新案件不能以 `{status}` 狀態開始",
    }
    /// The status there is.
    USE_ONGOING {
        en: "use --status ongoing (recorded as `seen`); other statuses come from meeting decisions",
        zh: "請用 `--status 持續列管`（記為 `seen`）；其他狀態來自會議決議",
    }
    /// A case of that title exists.
    CASE_EXISTS {
        en: "{group} already has a case of that name: {case}",
        zh: "{group}已有同名案件：{case}",
    }
    /// Where to record the new facts.
    RECORD_IN_FILE {
        en: "a case is created once; record new facts in {file}",
        zh: "案件只建立一次；新的內容請記入 {file}",
    }
    /// No meeting of a level to continue its ids.
    NO_MEETING_OF_LEVEL {
        en: "no meeting of level `{level}` yet, so there is no id to continue",
        zh: "尚無 `{level}` 的會議，無從接續編號",
    }
    /// How to give one.
    GIVE_ID {
        en: "give the id with --id (lower-case letters, digits and '-', e.g. tf-1)",
        zh: "請以 --id 指定編號（小寫英文字母、數字及連字號，例如 `tf-1`）",
    }
    /// The platform's levels.
    LEVELS_ARE {
        en: "the levels are {levels}",
        zh: "會議層級有：{levels}",
    }
    /// A platform without levels.
    NO_LEVELS {
        en: "the platform lists no levels (platform.yaml `levels:`)",
        zh: "平臺未列會議層級（platform.yaml 的 `levels:`）",
    }
    /// What a meeting id looks like (the next one, vm-7).
    MEETING_ID_SHAPE_7 {
        en: "a meeting id is lower-case letters, digits and dashes, e.g. vm-7",
        zh: "會議編號為小寫英文字母、數字及連字號，例如 `vm-7`",
    }
    /// A meeting of that id exists.
    MEETING_EXISTS {
        en: "meeting `{id}` already exists ({file})",
        zh: "會議 `{id}` 已存在（{file}）",
    }
    /// What to do.
    GIVE_ANOTHER_ID {
        en: "give another id with --id",
        zh: "請以 --id 指定其他編號",
    }
    /// An id without a number.
    NO_NUMBER_FOR_TITLE {
        en: "`{id}` has no number to build a title from",
        zh: "`{id}` 沒有可用於會議名稱的序號",
    }
    /// What to do.
    GIVE_TITLE {
        en: "give the title with --title",
        zh: "請以 --title 指定會議名稱",
    }

    // The writer (write.rs): locking, writing all or nothing, and recovering.
    /// `{why}; nothing was moved or deleted`: how every refusal of recovery ends.
    NOTHING_MOVED {
        en: "{why}; nothing was moved or deleted",
        zh: "{why}；未移動或刪除任何檔案",
    }
    /// A folder that cannot be created.
    CANNOT_CREATE {
        en: "cannot create {file}: {cause}",
        zh: "無法建立 {file}：{cause}",
    }
    /// A file that cannot be opened.
    CANNOT_OPEN {
        en: "cannot open {file}: {cause}",
        zh: "無法開啟 {file}：{cause}",
    }
    /// Another kbbt holds the lock.
    LOCK_HELD {
        en: "another kbbt is changing this register (it holds {file}); try again when it has finished",
        zh: "另一個 kbbt 正在修改此列管資料（持有 {file}），請待其完成後再試",
    }
    /// The lock cannot be taken.
    CANNOT_LOCK {
        en: "cannot lock {file}: {cause}",
        zh: "無法鎖定 {file}：{cause}",
    }
    /// A journal kbbt did not write.
    JOURNAL_NOT_OURS {
        en: ".kbbt/journal was not written by this kbbt ({why})",
        zh: "`.kbbt/journal` 並非此 kbbt 所寫入（{why}）",
    }
    /// Why: its first line.
    JOURNAL_FIRST_LINE {
        en: "its first line is not `kbbt-journal 2`",
        zh: "第一行不是 `kbbt-journal 2`",
    }
    /// Why: its last line.
    JOURNAL_NO_END {
        en: "it does not end with `end`",
        zh: "結尾不是 `end`",
    }
    /// Why: a line of another shape.
    JOURNAL_NOT_FOUR_FIELDS {
        en: "line {n} does not have four fields",
        zh: "第 {n} 行不是四個欄位",
    }
    /// Why: a line naming something kbbt did not stage.
    JOURNAL_NOT_STAGED {
        en: "line {n}: `{name}` is not a staged file of kbbt",
        zh: "第 {n} 行：`{name}` 不是 kbbt 暫存的檔案",
    }
    /// Why: a hash of another shape.
    JOURNAL_BAD_HASH {
        en: "line {n}: a hash is malformed",
        zh: "第 {n} 行：雜湊值格式錯誤",
    }
    /// Why: a file named twice.
    JOURNAL_REPEATS {
        en: "line {n} repeats a file",
        zh: "第 {n} 行重複列出檔案",
    }
    /// A journal naming a file that is not the register's.
    JOURNAL_NAMES_OTHER {
        en: ".kbbt/journal names `{file}` (line {n}), which is not a case, meeting or platform file of this register",
        zh: "`.kbbt/journal` 列出 `{file}`（第 {n} 行），但它不是此列管資料的案件、會議或平臺檔案",
    }
    /// A file of kbbt's own that cannot be read.
    CANNOT_READ_IT {
        en: "cannot read it: {cause}",
        zh: "無法讀取：{cause}",
    }
    /// A link, a folder or a device where kbbt keeps a file.
    NOT_REGULAR_FILE {
        en: "it is not a regular file",
        zh: "不是一般檔案",
    }
    /// A file of kbbt's own over the size limit.
    TOO_LARGE {
        en: "it is too large",
        zh: "檔案過大",
    }
    /// The staging folder is not one.
    STAGING_NOT_OURS {
        en: ".kbbt/staging is not a folder kbbt made (a link or a file)",
        zh: "`.kbbt/staging` 不是 kbbt 建立的資料夾（而是連結或檔案）",
    }
    /// A file or folder that cannot be read.
    CANNOT_READ_PATH {
        en: "cannot read {file}: {cause}",
        zh: "無法讀取 {file}：{cause}",
    }
    /// The staging folder holds something else.
    STAGING_HOLDS_OTHER {
        en: ".kbbt/staging holds `{name}`, which kbbt did not stage",
        zh: "`.kbbt/staging` 中有 `{name}`，並非 kbbt 暫存的檔案",
    }
    /// A file that cannot be removed.
    CANNOT_REMOVE {
        en: "cannot remove {file}: {cause}",
        zh: "無法刪除 {file}：{cause}",
    }
    /// `.kbbt` is a link, for a command that writes.
    STATE_DIR_IS_LINK {
        en: ".kbbt is a symbolic link; kbbt keeps its lock and journal there and does not follow links",
        zh: "`.kbbt` 是符號連結；kbbt 在該處保存鎖定檔及日誌，不會循連結存取",
    }
    /// What to do.
    REMOVE_STATE_LINK {
        en: "remove the link (`rm .kbbt`); kbbt makes the folder itself",
        zh: "請移除該連結（`rm .kbbt`）；kbbt 會自行建立資料夾",
    }
    /// `.kbbt/` committed to git.
    STATE_COMMITTED {
        en: ".kbbt/ is committed to git: a journal there was not left by an interrupted kbbt on this machine",
        zh: ".kbbt/ 已提交至 `git`：其中的日誌並非本機中斷的 kbbt 所留下",
    }
    /// What to do.
    UNTRACK_STATE {
        en: "`git rm -r --cached .kbbt`, check the register with `git status`, then delete .kbbt/",
        zh: "請執行 `git rm -r --cached .kbbt`，以 `git status` 檢查列管資料，再刪除 .kbbt/",
    }
    /// A journal that cannot be read.
    JOURNAL_UNUSABLE {
        en: ".kbbt/journal cannot be used: {why}",
        zh: "`.kbbt/journal` 無法使用：{why}",
    }
    /// A journal that is not text.
    JOURNAL_NOT_TEXT {
        en: ".kbbt/journal is not text",
        zh: "`.kbbt/journal` 不是文字檔",
    }
    /// What to do about a journal kbbt did not write.
    IF_NOT_YOURS {
        en: "if you did not run kbbt here, delete .kbbt/ and check the register with `git status`",
        zh: "若您未曾在此執行 kbbt，請刪除 .kbbt/ 並以 `git status` 檢查列管資料",
    }
    /// An interrupted write that cannot be finished.
    CANNOT_FINISH {
        en: "cannot finish the interrupted write: {file}: {why}",
        zh: "無法完成中斷的寫入：{file}：{why}",
    }
    /// What to do.
    CHECK_OR_ABANDON {
        en: "check the register with `git status`; delete .kbbt/ to abandon the interrupted write",
        zh: "請以 `git status` 檢查列管資料；刪除 .kbbt/ 即放棄中斷的寫入",
    }
    /// A link on the way to a file to write.
    LINK_ON_THE_WAY {
        en: "{file} is a symbolic link and kbbt does not write through links",
        zh: "{file} 是符號連結，kbbt 不會透過連結寫入",
    }
    /// A file and what is wrong with it.
    FILE_WHY {
        en: "{file}: {why}",
        zh: "{file}：{why}",
    }
    /// A staged file with other bytes than the journal records.
    STAGED_DIFFERS {
        en: "{file} does not hold the text the journal records",
        zh: "{file} 的內容與日誌所記不符",
    }
    /// A file edited since kbbt read it, during an interrupted write.
    CHANGED_SINCE_READ {
        en: "the file changed after kbbt read it (its new text is kept in {file})",
        zh: "kbbt 讀取後檔案已遭修改（新內容保留於 {file}）",
    }
    /// A staged file gone, and the file without its text.
    STAGED_MISSING {
        en: "the staged file {file} is missing and the file does not hold its text",
        zh: "暫存檔 {file} 不存在，且該檔案並非其內容",
    }
    /// A file that cannot be moved into place by recovery.
    CANNOT_FINISH_WRITING {
        en: "cannot finish writing {file}: {cause}",
        zh: "無法完成寫入 {file}：{cause}",
    }
    /// `kbbt recover` finished a write.
    FINISHED_WRITE {
        en: "finished an interrupted write ({files})",
        zh: "已完成中斷的寫入（{files} 個檔案）",
    }
    /// `kbbt recover` discarded a write that had not reached its commit point.
    DISCARDED_WRITE {
        en: "discarded an interrupted write that had not started changing files",
        zh: "已捨棄尚未開始變更檔案的中斷寫入",
    }
    /// Something on the way that is not a folder.
    NOT_A_FOLDER {
        en: "{file} is not a folder",
        zh: "{file} 不是資料夾",
    }
    /// A file kbbt will not write, and why.
    REFUSING_TO_WRITE {
        en: "refusing to write {file}: {why}",
        zh: "拒絕寫入 {file}：{why}",
    }
    /// Why: outside the register.
    OUTSIDE_REGISTER {
        en: "it is outside the register",
        zh: "該檔案在列管資料之外",
    }
    /// Why: not one of the register's files.
    NOT_REGISTER_FILE {
        en: "it is not a case, meeting or platform file of this register",
        zh: "該檔案不是此列管資料的案件、會議或平臺檔案",
    }
    /// Why: a control character in the name.
    NAME_HOLDS_CONTROL {
        en: "its name holds a control character",
        zh: "檔名含有控制字元",
    }
    /// A file that cannot be written, and why.
    CANNOT_WRITE_WHY {
        en: "cannot write {file}: {why}",
        zh: "無法寫入 {file}：{why}",
    }
    /// One file twice in a change.
    WRITE_TWICE {
        en: "refusing to write {file} twice in one change",
        zh: "拒絕在同一次變更中寫入 {file} 兩次",
    }
    /// A folder kbbt cannot create files in.
    CANNOT_WRITE_IN {
        en: "cannot write in {file}: {cause}",
        zh: "無法在 {file} 中寫入：{cause}",
    }
    /// A file that cannot be read again before writing.
    CANNOT_REREAD {
        en: "cannot re-read {file}: {why}",
        zh: "無法重新讀取 {file}：{why}",
    }
    /// A file edited while kbbt worked.
    CHANGED_ON_DISK {
        en: "{file} changed on disk while kbbt was working",
        zh: "kbbt 處理期間，{file} 已在磁碟上遭修改",
    }
    /// A new file that exists.
    ALREADY_EXISTS {
        en: "{file} already exists",
        zh: "{file} 已存在",
    }
    /// The journal cannot be written.
    CANNOT_WRITE_JOURNAL {
        en: "cannot write the journal: {cause}",
        zh: "無法寫入日誌：{cause}",
    }
    /// An edit made meanwhile: run again.
    RUN_AGAIN {
        en: "{why}; run the command again",
        zh: "{why}；請重新執行命令",
    }
    /// The journal cannot be put in place.
    CANNOT_COMMIT_JOURNAL {
        en: "cannot commit the journal: {cause}",
        zh: "無法確立日誌：{cause}",
    }
    /// A write stopped past its commit point.
    PARTLY_WRITTEN {
        en: "{why}; {done} of {files} are written and the rest wait in .kbbt/journal",
        zh: "{why}；{files} 個檔案中已寫入 {done} 個，其餘記於 `.kbbt/journal` 待完成",
    }
    /// A file edited while kbbt was writing.
    WHILE_WRITING {
        en: "{why} while kbbt was writing",
        zh: "{why}（於 kbbt 寫入期間）",
    }
    /// What to do.
    RECOVER_FINISHES {
        en: "run `kbbt recover`: it finishes the write if the file is as kbbt read it, and says what to do otherwise",
        zh: "請執行 `kbbt recover`：檔案若仍如 kbbt 讀取時，即完成寫入，否則說明如何處理",
    }
    /// A folder that cannot be created for a file.
    CANNOT_CREATE_FOLDER_OF {
        en: "cannot create the folder of {file}: {cause}",
        zh: "無法建立 {file} 所在的資料夾：{cause}",
    }
    /// A file that cannot be written.
    CANNOT_WRITE_FILE {
        en: "cannot write {file}: {cause}",
        zh: "無法寫入 {file}：{cause}",
    }
    /// What to do.
    FIX_THEN_RECOVER {
        en: "fix the cause, then run `kbbt recover`",
        zh: "請排除原因後執行 `kbbt recover`",
    }
    /// A commit message that could not be kept.
    MESSAGE_NOT_KEPT {
        en: ".kbbt is a symbolic link; the message was not kept",
        zh: "`.kbbt` 是符號連結；未保留提交訊息",
    }
    /// A file that cannot be staged.
    CANNOT_STAGE {
        en: "cannot stage {file}: {cause}",
        zh: "無法暫存 {file}：{cause}",
    }
    /// A path too long for file systems.
    PATH_TOO_LONG {
        en: "the path is {n} bytes long (the limit is {limit})",
        zh: "路徑長 {n} 位元組（上限為 {limit}）",
    }
    /// A name too long for file systems.
    NAME_TOO_LONG {
        en: "a name in it is {n} bytes long (the limit is {limit})",
        zh: "其中一個名稱長 {n} 位元組（上限為 {limit}）",
    }

    // The line editor (edit.rs): why a file cannot be edited in place.
    /// A value that is not on one line.
    EDIT_NOT_ONE_LINE {
        en: "`{key}` is not a one-line value",
        zh: "`{key}` 不是單行的值",
    }
    /// A value over several lines.
    EDIT_SPANS_LINES {
        en: "`{key}` spans several lines",
        zh: "`{key}` 跨越多行",
    }
    /// A key that is not a list.
    EDIT_NOT_A_LIST {
        en: "`{key}` is not a list",
        zh: "`{key}` 不是清單",
    }
    /// A list of another layout.
    EDIT_CANNOT_EXTEND {
        en: "`{key}` is not a list kbbt can extend in place",
        zh: "`{key}` 不是 kbbt 能就地延伸的清單",
    }
    /// A list whose entries are not where they should be.
    EDIT_ENTRIES_NOT_FOUND {
        en: "the file's `{key}` entries cannot be found",
        zh: "找不到檔案中的 `{key}` 項目",
    }
    /// A flow list where a block list is needed.
    EDIT_NOT_BLOCK_LIST {
        en: "`{key}` is not a block list kbbt can extend in place",
        zh: "`{key}` 不是 kbbt 能就地延伸的區塊清單",
    }
    /// A key without entries or a value.
    EDIT_NO_ENTRIES {
        en: "`{key}` has no entries and no value",
        zh: "`{key}` 沒有項目也沒有值",
    }

    // git (git.rs) and apply --commit.
    /// git cannot be started.
    GIT_COULD_NOT_RUN {
        en: "git could not be run",
        zh: "無法執行 `git`",
    }
    /// git has no committer, in its own words.
    GIT_NO_IDENTITY {
        en: "git does not know who commits: {why}",
        zh: "`git` 未設定提交者：{why}",
    }
    /// git said nothing about it.
    NO_GIT_USER {
        en: "no user.name or user.email",
        zh: "沒有 `user.name` 或 `user.email`",
    }
    /// A step of a commit failed, in git's words.
    GIT_STEP_FAILED {
        en: "git {step} failed: {why}",
        zh: "`git {step}` 失敗：{why}",
    }
    /// `--commit` failed after the files were written.
    WRITTEN_BUT {
        en: "the files were written, but {why}",
        zh: "檔案已寫入，但{why}",
    }
    /// Where the commit message is kept, and how to finish.
    MESSAGE_KEPT {
        en: "the message is kept in {file}; fix the cause, then run `git add -- {files} && git commit -F {file} -- {files}`, or `kbbt apply meetings/{meeting}.yaml --commit` again",
        zh: "提交訊息保留於 {file}；請排除原因後執行 `git add -- {files} && git commit -F {file} -- {files}`，或再次執行 `kbbt apply meetings/{meeting}.yaml --commit`",
    }
    /// How to finish, when the message could not be kept.
    APPLY_COMMIT_AGAIN {
        en: "fix the cause, then run `kbbt apply meetings/{meeting}.yaml --commit` again ({why})",
        zh: "請排除原因後再次執行 `kbbt apply meetings/{meeting}.yaml --commit`（{why}）",
    }
    /// `--commit` outside a git work tree.
    COMMIT_NEEDS_WORK_TREE {
        en: "--commit needs a git work tree, and the register is not in one",
        zh: "--commit 需要 `git` 工作目錄，但列管資料不在其中",
    }
    /// Nothing committed, and why.
    NOTHING_COMMITTED {
        en: "{why}; nothing was committed",
        zh: "{why}；未提交任何變更",
    }
    /// `apply --commit` of a meeting applied and committed.
    ALREADY_COMMITTED {
        en: "{id} is already applied and committed; nothing to do",
        zh: "{id} 已套用並提交，無須處理",
    }
    /// `apply --commit` of a meeting applied but not committed.
    COMMITTING_APPLIED {
        en: "{id} is already applied; committing {files}",
        zh: "{id} 已套用；提交 {files} 個檔案",
    }
    /// The meeting file to apply cannot be read.
    CANNOT_READ_ARG {
        en: "cannot read {file}",
        zh: "無法讀取 {file}",
    }

    // Paths typed by a user (validate, fmt).
    /// A path that does not exist.
    PATH_DOES_NOT_EXIST {
        en: "`{path}` does not exist",
        zh: "`{path}` 不存在",
    }
    /// A path outside the register.
    PATH_OUTSIDE_REGISTER {
        en: "`{path}` is outside the register",
        zh: "`{path}` 在列管資料之外",
    }

    // new, fmt, show
    /// The new file would not parse (a bug).
    NEW_WOULD_NOT_PARSE {
        en: "the new file would not parse ({why}); nothing was written (please report this)",
        zh: "新檔案將無法解析（{why}）；未寫入任何檔案（請回報此問題）",
    }
    /// `fmt` leaves a file with comments.
    FMT_HAS_COMMENTS {
        en: "not reformatted: it has comments that the canonical layout would drop",
        zh: "未重新排版：檔案內的註解會因標準格式而遺失",
    }
    /// What to do.
    MOVE_COMMENTS {
        en: "move the comments to the top of the file, or into a `note`",
        zh: "請將註解移至檔案開頭，或改寫為 `note`",
    }
    /// The canonical layout would change the data (a bug).
    FMT_WOULD_CHANGE_DATA {
        en: "the canonical layout would change this file's data; left as it is (please report this)",
        zh: "標準格式會改變此檔案的資料，故維持原狀（請回報此問題）",
    }
    /// `show` of a name several cases answer to.
    NAME_AMBIGUOUS {
        en: "`{name}` is ambiguous",
        zh: "`{name}` 有多種可能",
    }
    /// Which.
    COULD_BE_GIVE_ID {
        en: "it could be {cases}; give the id",
        zh: "可能是 {cases}；請寫案件編號",
    }
    /// `show` of a name no case answers to.
    NO_CASE {
        en: "no case `{name}`",
        zh: "沒有案件 `{name}`",
    }
    /// How to search.
    SEARCH_WITH_TEXT {
        en: "`kbbt list --text …` searches titles, notes and progress",
        zh: "`kbbt list --text …` 可搜尋案名、備註及辦理情形",
    }

    // Documents written with -o (cmd/output.rs) and export.
    /// `--format` and the file's extension disagree.
    FORMAT_CONTRADICTS {
        en: "`--format {format}` contradicts the file name `{file}` (a .{ext} file)",
        zh: "`--format {format}` 與檔名 `{file}` 不符（副檔名為 `.{ext}`）",
    }
    /// What to do.
    DROP_FORMAT {
        en: "drop --format, or name the file .{ext}",
        zh: "請省略 --format，或將檔名改為 `.{ext}`",
    }
    /// An extension of a format the command does not write.
    FORMAT_NOT_WRITTEN {
        en: "this command does not write {format} (`{file}`)",
        zh: "此命令不輸出 `{format}` 格式（`{file}`）",
    }
    /// The formats a command writes.
    FORMATS_ARE {
        en: "the formats are {formats}",
        zh: "可用的格式：{formats}",
    }
    /// An extension kbbt does not know.
    FORMAT_FROM_NAME {
        en: "cannot tell the format from the file name `{file}`",
        zh: "無法由檔名 `{file}` 判斷格式",
    }
    /// What to do.
    GIVE_FORMAT {
        en: "give --format ({formats})",
        zh: "請以 --format 指定（{formats}）",
    }
    /// A binary package asked for without `-o`.
    BINARY_NEEDS_FILE {
        en: "{format} is a binary package; write it to a file with -o FILE.{format}",
        zh: "`{format}` 是封裝檔（二進位），請以 `-o 檔案.{format}` 寫入檔案",
    }
    /// A package that cannot be built, in the library's words.
    CANNOT_BUILD_PACKAGE {
        en: "cannot build the package: {cause}",
        zh: "無法產生封裝檔：{cause}",
    }
    /// A workbook that cannot be built, in the library's words.
    CANNOT_BUILD_WORKBOOK {
        en: "cannot build the workbook: {cause}",
        zh: "無法產生活頁簿：{cause}",
    }
    /// A document's `-o` among the register's own files.
    REGISTER_OWN_FILE {
        en: "`{file}` is one of the register's own files or folders; write the report elsewhere",
        zh: "`{file}` 是列管資料本身的檔案或資料夾，請將報告寫到其他地方",
    }
    /// A draft's `-o` among the register's own files.
    REGISTER_OWN_FILE_DRAFT {
        en: "`{file}` is among the register's cases or its own files; a draft goes to meetings/ or elsewhere",
        zh: "`{file}` 屬於列管資料的案件或其本身的檔案，草稿請寫到 `meetings/` 或其他地方",
    }
    /// Forms in the folder already.
    RETURNED_FORMS_MAY_BE_THERE {
        en: "returned forms may be in it: write the new forms into another folder",
        zh: "其中可能有寄回的填報表：請將新的填報表寫入另一個資料夾",
    }
    /// Forms per lead city, and no case has one.
    NO_LEAD_FOR_FORMS {
        en: "none of the {n} cases ongoing on {date} has a lead city, so there is no form per city to write",
        zh: "{date} 持續列管的 {n} 案均未記錄主辦城市，無法依城市產生填報表",
    }
    /// What to do.
    RECORD_LEAD_OR_BY_GROUP {
        en: "record each case's `lead`, or write one form per group with --by group",
        zh: "請記錄各案的 `lead`，或以 `--by group` 依組別產生填報表",
    }
    /// No ongoing case to collect progress of.
    NOTHING_TO_COLLECT {
        en: "no case is ongoing on {date}; there is nothing to collect",
        zh: "{date} 沒有持續列管的案件，無須收集辦理情形",
    }
    /// A format's name in a list of formats.
    FORMAT_NAME {
        en: "{name}",
        zh: "`{name}`",
    }
    /// The man page cannot be rendered.
    CANNOT_RENDER_MAN {
        en: "cannot render the man page: {cause}",
        zh: "無法產生 `man` 說明頁：{cause}",
    }
    /// `kbbt schema` of a name kbbt has no schema for.
    NO_SCHEMA {
        en: "no schema for `{name}`",
        zh: "沒有 `{name}` 的 schema",
    }

    // Workbooks read by import progress (sheet.rs).
    /// A workbook of too many parts.
    WORKBOOK_TOO_MANY_PARTS {
        en: "it has {n} parts; a workbook kbbt reads has far fewer",
        zh: "其中有 {n} 個部分；kbbt 讀取的活頁簿遠少於此",
    }
    /// A part of a workbook that cannot be read.
    WORKBOOK_PART_UNREADABLE {
        en: "a part of it cannot be read",
        zh: "其中有部分無法讀取",
    }
    /// A workbook that unpacks to too much.
    WORKBOOK_TOO_LARGE {
        en: "it unpacks to {n} bytes; the limit is {limit} bytes",
        zh: "解壓縮後達 {n} 位元組；上限為 {limit} 位元組",
    }
    /// Not a workbook, in the reader library's words.
    NOT_A_WORKBOOK {
        en: "not a workbook kbbt can read (.xlsx or .ods): {cause}",
        zh: "不是 kbbt 能讀取的活頁簿（`.xlsx` 或 `.ods`）：{cause}",
    }
    /// A sheet that cannot be read, in the reader library's words.
    CANNOT_READ_SHEET {
        en: "cannot read the sheet: {cause}",
        zh: "無法讀取工作表：{cause}",
    }
    /// Two 資料時間 in one workbook.
    DATA_TIME_DIFFERS {
        en: "資料時間 {date} differs from {prev} ({at})",
        zh: "資料時間 {date} 與 {prev}（{at}）不同",
    }
    /// A 資料時間 that is not a date.
    CANNOT_READ_DATA_TIME {
        en: "cannot read the 資料時間: {why}",
        zh: "無法讀取資料時間：{why}",
    }
    /// A workbook without a progress table.
    NO_PROGRESS_TABLE {
        en: "no progress table in it (a header row with 編號 or 方案名稱, and 本次辦理情形); a workbook written by `kbbt list` or `kbbt report` is not one",
        zh: "其中沒有辦理情形表（須有含「編號」或「方案名稱」及「本次辦理情形」的標題列）；`kbbt list` 或 `kbbt report` 產生的活頁簿不是填報表",
    }

    // import minutes, minutes and follow-up (minutes_in/, render/draft.rs, cmd/minutes.rs, cmd/follow.rs).
    /// The minutes given on standard input (`-`), where a message names the file.
    IM_STANDARD_INPUT {
        en: "standard input",
        zh: "標準輸入",
    }
    /// The minutes' file, where a message names it.
    IM_FILE {
        en: "{file}",
        zh: "{file}",
    }
    /// A problem of one file (or standard input).
    IM_IN_FILE {
        en: "{file}: {why}",
        zh: "{file}：{why}",
    }
    /// Standard input cannot be read.
    IM_CANNOT_READ_STDIN {
        en: "cannot read standard input: {cause}",
        zh: "無法讀取標準輸入：{cause}",
    }
    /// A file cannot be read.
    IM_CANNOT_READ {
        en: "cannot read {file}: {cause}",
        zh: "無法讀取 {file}：{cause}",
    }
    /// A PDF given to `import minutes`.
    IM_PDF {
        en: "{file} is a PDF: kbbt does not read PDF (no maintained crate extracts its Chinese text reliably)",
        zh: "{file} 是 `PDF` 檔：kbbt 不讀取 `PDF`（沒有持續維護的套件能可靠擷取其中文文字）",
    }
    /// What to do with a PDF.
    IM_EXPORT_PDF {
        en: "open it and save or export it as text (.txt), .docx or .odt, then import that file",
        zh: "請開啟該檔，另存或匯出為純文字（`.txt`）、`.docx` 或 `.odt`，再匯入該檔",
    }
    /// A .doc given to `import minutes`.
    IM_LEGACY_WORD {
        en: "{file} is a legacy Word file",
        zh: "{file} 是舊版 `Word` 檔案",
    }
    /// What to do with a .doc.
    IM_SAVE_AS_DOCX {
        en: "save it as .docx (or .odt) and import that file",
        zh: "請另存為 `.docx`（或 `.odt`），再匯入該檔",
    }
    /// Text minutes that are not UTF-8.
    IM_NOT_UTF8 {
        en: "not UTF-8 text; save the document as UTF-8 text, .docx or .odt",
        zh: "不是 UTF-8 文字；請將文件存為 UTF-8 純文字、`.docx` 或 `.odt`",
    }
    /// A .docx or .odt that is not a zip package (the library's reason).
    IM_NOT_A_PACKAGE {
        en: "not a valid document package: {cause}",
        zh: "不是有效的文件封裝檔：`{cause}`",
    }
    /// A package without its text member.
    IM_NO_MEMBER {
        en: "the package has no {name}",
        zh: "封裝檔中沒有 {name}",
    }
    /// A document whose XML does not parse (the parser's reason).
    IM_MALFORMED_XML {
        en: "the document's XML is malformed: {cause}",
        zh: "文件的 `XML` 格式錯誤：`{cause}`",
    }
    /// Minutes without a decision section.
    IM_NO_DECISION_SECTION {
        en: "{file} has no decision section kbbt can read: no group heading such as 「(一) 交通組」 and no totals line",
        zh: "{file} 沒有 kbbt 能讀取的決議事項：沒有如「(一) 交通組」的組別標題，也沒有總計行",
    }
    /// Minutes on standard input without a decision section.
    IM_NO_DECISION_SECTION_STDIN {
        en: "standard input has no decision section kbbt can read: no group heading such as 「(一) 交通組」 and no totals line",
        zh: "標準輸入沒有 kbbt 能讀取的決議事項：沒有如「(一) 交通組」的組別標題，也沒有總計行",
    }
    /// `-o FILE` that exists, without `--force`.
    IM_EXISTS {
        en: "{file} already exists",
        zh: "{file} 已存在",
    }
    /// How to overwrite it.
    IM_GIVE_FORCE {
        en: "give --force to overwrite it",
        zh: "如要覆寫，請加 --force",
    }
    /// A stated count that differs from the names listed (a warning, and a comment of the draft).
    IM_STATES_BUT_NAMES {
        en: "line {line}: states {stated} but names {listed}",
        zh: "第 {line} 行載明 {stated} 案，但列出 {listed} 案",
    }
    /// What the draft holds.
    IM_SUMMARY {
        en: "recognised {recognised}, pinned {pinned}, unresolved {unresolved}, unparsed {unparsed} (kept as comments)",
        zh: "已辨識 {recognised} 項、以編號指定 {pinned} 項、未能對應 {unresolved} 項、未能解讀 {unparsed} 句（均保留為註解）",
    }
    /// Lines outside the groups.
    IM_OTHER_LINES {
        en: "{n} outside the groups (header, other resolutions, later sections) kept as comments at the top",
        zh: "議題小組以外的 {n} 行（會議資料、其他決議、其後各節）保留為檔首註解",
    }
    /// New cases the register has.
    IM_EXISTING {
        en: "{n} already in the register (see the comments)",
        zh: "{n} 件新增案件已在列管資料中（見註解）",
    }

    // The comments of a draft meeting file, in the register's language (platform.yaml `language:`).
    /// The draft's first line.
    DRAFT_HEADER {
        en: "Drafted by `kbbt import minutes` from {source}: check it, then `kbbt apply --dry-run`.",
        zh: "本檔由 `kbbt import minutes` 依 {source} 草擬：請檢查後執行 `kbbt apply --dry-run`。",
    }
    /// A line of the minutes kept as it is.
    DRAFT_LINE {
        en: "line {line}: {text}",
        zh: "第 {line} 行：{text}",
    }
    /// A sentence in a group not read.
    DRAFT_NOT_READ {
        en: "line {line} (not read): {text}",
        zh: "第 {line} 行（未能解讀）：{text}",
    }
    /// A stated count that differs, with the sentence.
    DRAFT_STATES_BUT_NAMES {
        en: "line {line}: states {stated} but names {listed}: {text}",
        zh: "第 {line} 行載明 {stated} 案，但列出 {listed} 案：{text}",
    }
    /// 臨時動議 that name no group and no case of the register.
    DRAFT_UNPLACED {
        en: "line {line}: 臨時動議 without a group: {names}; put each under its group's `propose:`",
        zh: "第 {line} 行：臨時動議未載組別：{names}；請逐一列於其組別的 `propose:` 之下",
    }
    /// A 臨時動議 placed with the register's case of its name.
    DRAFT_PLACED {
        en: "line {line}: 臨時動議, no group stated; placed with the register's case of this name",
        zh: "第 {line} 行：臨時動議未載組別；依列管資料中的同名案件歸組",
    }
    /// A header field the minutes do not give.
    DRAFT_MISSING {
        en: "not found in the document: {what}; fill it in",
        zh: "文件中找不到{what}；請填寫",
    }
    /// The meeting's id.
    DRAFT_MISSING_ID {
        en: "the meeting's id (give --id)",
        zh: "會議編號（請以 --id 指定）",
    }
    /// The meeting's title.
    DRAFT_MISSING_TITLE {
        en: "the title (…第 N 次…會議紀錄)",
        zh: "會議名稱（`…第 N 次…會議紀錄`）",
    }
    /// The meeting's level.
    DRAFT_MISSING_LEVEL {
        en: "the level",
        zh: "會議層級",
    }
    /// The meeting's date.
    DRAFT_MISSING_DATE {
        en: "the date (時間：…年…月…日)",
        zh: "會議日期（時間：…年…月…日）",
    }
    /// A group heading the platform does not know.
    DRAFT_NOT_A_GROUP {
        en: "line {line}: 「{heading}」 is not a group of the platform; the decisions below are not resolved by group",
        zh: "第 {line} 行：「{heading}」不是平臺的組別；以下決議未依組別對應",
    }
    /// A group with two ongoing counts.
    DRAFT_SECOND_ONGOING {
        en: "line {line}: a second count of ongoing cases ({prev} before)",
        zh: "第 {line} 行：第二個持續列管案數（前一個為 {prev}）",
    }
    /// A name of another group's case.
    DRAFT_OTHER_GROUP {
        en: "unresolved: the name is a case of another group: {cases}",
        zh: "未能對應：此名稱為其他組別的案件：{cases}",
    }
    /// A name several cases have.
    DRAFT_AMBIGUOUS {
        en: "unresolved: several cases have this name: {cases}",
        zh: "未能對應：多個案件有此名稱：{cases}",
    }
    /// A drifted spelling pinned to a case.
    DRAFT_PINNED {
        en: "pinned: the minutes' wording, read as {case}",
        zh: "以編號指定：會議紀錄的文字，判讀為 {case}",
    }
    /// A name like no case's.
    DRAFT_NOTHING_LIKE {
        en: "unresolved: no case of the register has a name like this",
        zh: "未能對應：列管資料中沒有名稱相近的案件",
    }
    /// A name not in the register, with the closest.
    DRAFT_CLOSEST {
        en: "unresolved: not a name in the register; closest: {cases}",
        zh: "未能對應：列管資料中沒有此名稱；最接近的是：{cases}",
    }
    /// The minutes' wording of a case written by its id.
    DRAFT_MINUTES_WRITE {
        en: "the minutes write 「{name}」",
        zh: "會議紀錄寫作「{name}」",
    }
    /// A new case the register already has.
    DRAFT_ALREADY {
        en: "already in the register ({status}): {case}; check before applying",
        zh: "已在列管資料中（{status}）：{case}；套用前請確認",
    }
    /// A new case's name that cases of other groups (or several) have.
    DRAFT_NAME_EXISTS {
        en: "cases of this name exist: {cases}",
        zh: "已有同名案件：{cases}",
    }
    /// A new case close to an existing one.
    DRAFT_CLOSE_TO {
        en: "close to {case}: if it is that case, give its id",
        zh: "與 {case} 相近：如為該案，請寫其編號",
    }

    /// `kbbt minutes FILE` with a meeting file that does not read.
    MIN_CANNOT_READ_MEETING {
        en: "cannot read the meeting {file}: {why}",
        zh: "無法讀取會議 {file}：{why}",
    }
    /// `kbbt minutes FILE` with a meeting not applied.
    MIN_NOT_IN_REGISTER {
        en: "meeting `{id}` ({file}) is not in the register",
        zh: "會議 `{id}`（{file}）不在列管資料中",
    }
    /// What to do.
    MIN_APPLY_FIRST {
        en: "apply it first: kbbt apply {file}",
        zh: "請先套用：`kbbt apply {file}`",
    }
    /// Neither an id nor a file.
    MIN_UNKNOWN_MEETING {
        en: "unknown meeting `{id}` (neither a meeting id nor a file)",
        zh: "未知的會議 `{id}`（既不是會議編號，也不是檔案）",
    }
    /// Where to see all the problems.
    MIN_RUN_VALIDATE_ALL {
        en: "run `kbbt validate` for all the problems",
        zh: "請執行 `kbbt validate` 查看所有問題",
    }
    /// A meeting without decisions about cases.
    MIN_NO_DECISIONS {
        en: "meeting `{id}` records no decisions about cases, so it has no decision section",
        zh: "會議 `{id}` 沒有關於案件的決議，因此沒有決議事項",
    }

    /// `suggest milestones NAME` or `log NAME` where the name is no one case.
    FOLLOW_NO_SINGLE_CASE {
        en: "no single case `{name}`",
        zh: "沒有唯一符合的案件 `{name}`",
    }
    /// What to do.
    FOLLOW_GIVE_ID {
        en: "give its id (kbbt show {name} lists the candidates)",
        zh: "請寫案件編號（`kbbt show {name}` 可列出可能的案件）",
    }
    /// `log NAME` with a name no case has.
    FOLLOW_NO_CASE {
        en: "no case `{name}`",
        zh: "沒有案件 `{name}`",
    }
    /// The cases close to it.
    FOLLOW_DID_YOU_MEAN {
        en: "did you mean {cases}?",
        zh: "是否指 {cases}？",
    }
    /// A case file the milestones cannot be added to.
    FOLLOW_WOULD_BREAK {
        en: "adding milestones would break {file}",
        zh: "加入里程碑會使 {file} 無法正確讀取",
    }
    /// `diff` from or to a meeting without a date.
    FOLLOW_MEETING_UNDATED {
        en: "meeting `{id}` has no date",
        zh: "會議 `{id}` 未載日期",
    }
    /// An instruction still open.
    FOLLOW_OPEN {
        en: "open",
        zh: "列管中",
    }
    /// An instruction closed by a meeting.
    FOLLOW_CLOSED_AT {
        en: "closed at {id}",
        zh: "於 {id} 解除列管",
    }
    /// The mark after an instruction's id on its card.
    FOLLOW_INSTRUCTION {
        en: "(instruction)",
        zh: "（主席指示）",
    }
    /// An instruction to no one in particular.
    FOLLOW_EVERYONE {
        en: "everyone",
        zh: "全體",
    }
    /// `check overdue`: a milestone past due.
    OVERDUE_MILESTONE {
        en: "overdue since {due}: {text} ({title})",
        zh: "逾期（預定 {due}）：{text}（{title}）",
    }
    /// `check overdue`: a case behind its plan.
    OVERDUE_BEHIND {
        en: "behind: planned {planned}%, actual {actual}% as of {date} ({title})",
        zh: "落後：預定進度 {planned}%，實際進度 {actual}%（資料時間 {date}）（{title}）",
    }
    /// `check overdue`: an open instruction past due, to someone.
    OVERDUE_INSTRUCTION_TO {
        en: "due {due} ({to}): {text}",
        zh: "期限 {due}（{to}）：{text}",
    }
    /// `check overdue`: the heading of the instructions past due.
    OVERDUE_INSTRUCTIONS {
        en: "instructions",
        zh: "主席指示事項",
    }
    /// `check overdue` with nothing late.
    OVERDUE_NONE {
        en: "nothing overdue on {date}: no milestone past due, no case behind its plan by more than {behind} points, no instruction past due",
        zh: "{date} 無逾期或落後：無逾期之里程碑、無實際進度落後預定逾 {behind} 個百分點之案件、無逾期之主席指示",
    }
    /// `check overdue`: how many items are late.
    OVERDUE_SOME {
        en: "{n} overdue or behind on {date} (behind: actual progress more than {behind} points below the planned)",
        zh: "{date} 逾期或落後共 {n} 項（落後：實際進度低於預定進度逾 {behind} 個百分點）",
    }
    /// `check stale`: a case without progress.
    STALE_NO_PROGRESS {
        en: "no progress",
        zh: "無辦理情形",
    }
    /// `check stale`: a date of progress not confirmed.
    STALE_UNCONFIRMED_WHEN {
        en: "{when} (unconfirmed)",
        zh: "{when}（未確認）",
    }
    /// The heading of a case card's latest progress.
    CARD_LATEST_PROGRESS {
        en: "Latest progress, as of {date}",
        zh: "最新辦理情形（資料時間 {date}）",
    }
    /// A milestone on a case card.
    CARD_MILESTONE {
        en: "{due} {text}",
        zh: "{due} {text}",
    }
    /// A milestone met, on a case card.
    CARD_MILESTONE_MET {
        en: "{due} {text} (met {met})",
        zh: "{due} {text}（已於 {met} 達成）",
    }

    // import progress: returned forms.
    /// A row's title is another case's.
    TITLE_IS_OTHERS {
        en: "the title is {id}'s: was the id edited?",
        zh: "方案名稱屬於 {id}：編號是否遭修改？",
    }
    /// A row whose id and title name two cases.
    ID_TITLE_MISMATCH {
        en: "{id} is 「{title}」, but the row's title is 「{row}」",
        zh: "{id} 為「{title}」，但該列的方案名稱為「{row}」",
    }
    /// What to do.
    ID_EDITED {
        en: "was the id edited? put back the form's id, or correct the title",
        zh: "編號是否遭修改？請改回填報表原有的編號，或更正方案名稱",
    }
    /// A row in another group's sheet.
    ROW_IN_OTHER_GROUP {
        en: "{id} 「{title}」 is a case of {group}, not of {other}",
        zh: "{id}「{title}」屬於{group}，不屬於{other}",
    }
    /// What to do.
    MOVE_ROW_BACK {
        en: "move the row back to its group's sheet",
        zh: "請將該列移回其組別的工作表",
    }

    // Files written with -o.
    /// A file written.
    WROTE {
        en: "wrote {file}",
        zh: "已寫入 {file}",
    }
    /// The minutes' decision section written.
    WROTE_MINUTES {
        en: "wrote {file} (the decisions of {id})",
        zh: "已寫入 {file}（{id} 之決議事項）",
    }
    /// The progress report written.
    WROTE_REPORT {
        en: "wrote {file} ({n} as of {date})",
        zh: "已寫入 {file}（資料時間 {date}，持續列管 {n} 案）",
    }
    /// A draft meeting file written, and the next step.
    WROTE_DRAFT {
        en: "wrote {file}\n  next: kbbt apply {file} --dry-run",
        zh: "已寫入 {file}\n  下一步：`kbbt apply {file} --dry-run`",
    }
}
