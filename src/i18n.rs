//! Languages of the human-readable output: English, and Traditional Chinese (zh-TW).
//!
//! kbbt composes its messages in English; for zh-TW, each finished line is matched against a catalogue of
//! English templates (`{}` stands for a value) and rewritten from the Chinese template (`{0}`, `{1}` … name
//! the values, since word order differs). Labels (table headers, card fields) are translated one by one.
//! Machine formats (JSON, CSV) are never translated. A line with no template stays English, so a new
//! message can never be lost, only untranslated.

/// The language of human output; also the value of `--lang`.
// clap would show a variant's doc comment as the value's help in `--help`; `help = None` keeps
// the docs out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English, the language kbbt composes its messages in.
    #[default]
    #[value(help = None::<&str>)]
    En,
    /// Traditional Chinese (繁體中文, Taiwan).
    #[value(name = "zh-TW", alias = "zh-tw", alias = "zh_TW", help = None::<&str>)]
    ZhTw,
}

/// `--lang` wins; else the first of LC_ALL, LC_MESSAGES, LANG that is set decides (zh_TW, zh-TW, zh_Hant).
pub fn detect(flag: Option<Lang>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return from_locale(&v);
        }
    }
    Lang::En
}

/// The language of a locale name such as `zh_TW.UTF-8`.
pub fn from_locale(v: &str) -> Lang {
    let v = v.to_ascii_lowercase().replace('-', "_");
    if v.starts_with("zh_tw") || v.starts_with("zh_hant") {
        Lang::ZhTw
    } else {
        Lang::En
    }
}

/// Labels: table headers, card fields, severities.
const LABELS: &[(&str, &str)] = &[
    ("group", "組別"),
    ("code", "代碼"),
    ("add", "新增"),
    ("delist", "解列"),
    ("ongoing", "持續列管"),
    ("cases", "案件數"),
    ("delisted", "已解列"),
    ("replaced", "已改列"),
    ("merged", "已整併"),
    ("proposed", "提案"),
    ("lead", "主辦"),
    ("partners", "合作"),
    ("id", "編號"),
    ("title", "案名"),
    ("status", "狀態"),
    ("total", "合計"),
    ("(not stated)", "（未載明）"),
    ("aliases", "別名"),
    ("topics", "共同議題"),
    ("parent", "母案"),
    ("replaces", "取代"),
    ("replaced by", "改列為"),
    ("merged into", "併入"),
    ("merged from", "併入自"),
    ("file", "檔案"),
    ("History", "歷程"),
    ("Notes", "備註"),
    ("Sources", "資料來源"),
    ("error", "錯誤"),
    ("warning", "警告"),
    ("hint:", "提示："),
    ("added", "新增"),
    ("totals", "總計"),
    ("now", "目前"),
    ("all-time", "歷來"),
    ("completed", "已完成"),
    ("relist", "恢復列管"),
    ("subcase", "子案"),
    ("seen", "既有"),
    ("propose", "提案"),
    ("replace", "改列"),
    ("merge", "整併"),
    ("absorb", "併入"),
    ("rename", "更名"),
    ("unknown", "不詳"),
    ("light", "燈號"),
    ("meeting", "會議"),
    ("to", "對象"),
    ("due", "期限"),
    ("state", "狀態"),
    ("text", "內容"),
    ("note", "備註"),
    ("overdue", "逾期"),
    ("behind", "落後"),
    ("on schedule", "正常"),
    ("no schedule", "未設定"),
    ("milestone", "里程碑"),
    ("unconfirmed", "未確認"),
    ("tracked", "處理案件"),
    ("subcases", "子案"),
    ("renamed", "更名"),
    ("lead city", "主辦城市"),
    ("partner city", "合作城市"),
    ("progress", "辦理情形"),
    ("decision", "決議"),
    ("commit", "提交"),
    ("reported", "填報"),
];

/// Whole-line templates. Order matters where one template is a prefix of another: longer first.
const LINES: &[(&str, &str)] = &[
    // import minutes.
    (
        "recognised {}, pinned {}, unresolved {}, unparsed {} (kept as comments)",
        "已辨識 {0} 項、以編號指定 {1} 項、未能對應 {2} 項、未能解讀 {3} 句（均保留為註解）",
    ),
    (
        "{} lines outside the groups (header, other resolutions, later sections) kept as comments at the top",
        "議題小組以外的 {0} 行（會議資料、其他決議、其後各節）保留為檔首註解",
    ),
    (
        "{} new cases are already in the register (see the comments)",
        "{0} 件新增案件已在列管資料中（見註解）",
    ),
    (
        "warning: line {}: states {} cases but names {}",
        "警告：第 {0} 行載明 {1} 案，但列出 {2} 案",
    ),
    (
        "next: kbbt apply {} --dry-run",
        "下一步：kbbt apply {0} --dry-run",
    ),
    // Summaries and command output.
    // What the register knows: complete listings, kinds, statements, follow-up.
    (
        "{} states {} {} for {}, the register has {}",
        "{0} 載 {3} 之 {1} {2} 案，列管資料為 {4} 案",
    ),
    (
        "{} states {} {} for {}, the minutes state {}",
        "{0} 載 {3} 之 {1} {2} 案，會議紀錄載 {4} 案",
    ),
    (
        "ok: {} cases and {} meetings checked, no problems",
        "通過：已檢查 {0} 件案件及 {1} 場會議，沒有問題",
    ),
    (
        "ok: {} case and {} meetings checked, no problems",
        "通過：已檢查 {0} 件案件及 {1} 場會議，沒有問題",
    ),
    (
        "ok: {} cases and {} meeting checked, no problems",
        "通過：已檢查 {0} 件案件及 {1} 場會議，沒有問題",
    ),
    (
        "ok: {} case and {} meeting checked, no problems",
        "通過：已檢查 {0} 件案件及 {1} 場會議，沒有問題",
    ),
    (
        "{} errors, {} warnings (and {} that follow from them)",
        "{0} 個錯誤、{1} 個警告（另有 {2} 項由其衍生）",
    ),
    (
        "{} error, {} warnings (and {} that follow from them)",
        "{0} 個錯誤、{1} 個警告（另有 {2} 項由其衍生）",
    ),
    (
        "{} errors, {} warning (and {} that follow from them)",
        "{0} 個錯誤、{1} 個警告（另有 {2} 項由其衍生）",
    ),
    (
        "{} error, {} warning (and {} that follow from them)",
        "{0} 個錯誤、{1} 個警告（另有 {2} 項由其衍生）",
    ),
    (
        "and {} findings that follow from it (`--format json` lists them)",
        "另有 {0} 項問題由此衍生（`--format json` 全數列出）",
    ),
    (
        "and 1 finding that follows from it (`--format json` lists it)",
        "另有 1 項問題由此衍生（`--format json` 列出）",
    ),
    ("{} errors, {} warnings", "{0} 個錯誤、{1} 個警告"),
    ("{} error, {} warnings", "{0} 個錯誤、{1} 個警告"),
    ("{} errors, {} warning", "{0} 個錯誤、{1} 個警告"),
    ("{} error, {} warning", "{0} 個錯誤、{1} 個警告"),
    ("{} cases", "共 {0} 案"),
    ("{} case", "共 {0} 案"),
    (
        "delist {}, add {}, ongoing {}",
        "解列 {0} 案、新增 {1} 案、持續列管 {2} 案",
    ),
    (
        "tallies: delist {}, add {}, ongoing {}",
        "統計：解列 {0} 案、新增 {1} 案、持續列管 {2} 案",
    ),
    ("Latest progress, as of {}", "最新辦理情形（資料時間 {0}）"),
    (
        "note: {}: the minutes state {} {}, the register has {} (a recorded discrepancy)",
        "說明：{0}：紀錄載明 {1} {2} 案，列管資料為 {3} 案（已記錄之差異）",
    ),
    (
        "note: {}: the minutes state {} {}, the register has {} (not recorded: run kbbt validate)",
        "說明：{0}：紀錄載明 {1} {2} 案，列管資料為 {3} 案（未記錄，請執行 kbbt validate）",
    ),
    ("Applying {}", "套用 {0}"),
    ("Would apply {}", "將套用 {0}"),
    (
        "{} files changed ({} new)",
        "已變更 {0} 個檔案（其中新增 {1} 個）",
    ),
    (
        "{} file changed ({} new)",
        "已變更 {0} 個檔案（其中新增 {1} 個）",
    ),
    (
        "dry run: {} files would change ({} new); nothing was written",
        "預覽：將變更 {0} 個檔案（其中新增 {1} 個）；未寫入任何檔案",
    ),
    (
        "dry run: {} file would change ({} new); nothing was written",
        "預覽：將變更 {0} 個檔案（其中新增 {1} 個）；未寫入任何檔案",
    ),
    ("committed", "已提交（git commit）"),
    ("recorded discrepancy: {}", "已記錄差異：{0}"),
    ("no meeting with decisions", "沒有作成決議的會議"),
    (
        "no meeting with decisions on or before {}",
        "{0} 以前沒有作成決議的會議",
    ),
    ("would reformat {}", "將重新排版 {0}"),
    ("reformatted {}", "已重新排版 {0}"),
    ("{} files reformatted", "已重新排版 {0} 個檔案"),
    ("{} file reformatted", "已重新排版 {0} 個檔案"),
    (
        "all files are in the canonical layout",
        "所有檔案均已符合標準格式",
    ),
    (
        "{} of {} ongoing cases are stale: their latest progress is before {}, {} months before {}, or they have none",
        "持續列管的 {1} 案中有 {0} 案辦理情形過舊：最新辦理情形早於 {2}（{4} 前 {3} 個月），或尚無辦理情形",
    ),
    (
        "no stale cases: all {} ongoing cases have progress on or after {}, {} months before {}",
        "沒有辦理情形過舊的案件：持續列管的 {0} 案均有 {1}（{3} 前 {2} 個月）以後的辦理情形",
    ),
    (
        "{} of {} ongoing cases are stale: their latest progress is before {}, {} month before {}, or they have none",
        "持續列管的 {1} 案中有 {0} 案辦理情形過舊：最新辦理情形早於 {2}（{4} 前 {3} 個月），或尚無辦理情形",
    ),
    (
        "no stale cases: all {} ongoing cases have progress on or after {}, {} month before {}",
        "沒有辦理情形過舊的案件：持續列管的 {0} 案均有 {1}（{3} 前 {2} 個月）以後的辦理情形",
    ),
    ("no ongoing cases on {}", "{0} 沒有持續列管的案件"),
    (
        "unknown meeting `{}` (neither a meeting id nor a file)",
        "未知的會議 `{0}`（既不是會議編號，也不是檔案）",
    ),
    (
        "meeting `{}` ({}) is not in the register",
        "會議 `{0}`（{1}）不在列管資料中",
    ),
    ("apply it first: kbbt apply {}", "請先套用：kbbt apply {0}"),
    (
        "meeting `{}` records no decisions about cases, so it has no decision section",
        "會議 `{0}` 沒有關於案件的決議，因此沒有決議事項",
    ),
    (
        "`{}` is one of the register's own files or folders; write the report elsewhere",
        "`{0}` 是列管資料本身的檔案或資料夾，請將報告寫到其他地方",
    ),
    (
        "`{}` is among the register's cases or its own files; a draft goes to meetings/ or elsewhere",
        "`{0}` 屬於列管資料的案件或其本身的檔案，草稿請寫到 meetings/ 或其他地方",
    ),
    ("cannot write {}: {}", "無法寫入 {0}：{1}"),
    ("cannot write {}", "無法寫入 {0}"),
    ("cannot read {}", "無法讀取 {0}"),
    ("cannot create {}", "無法建立 {0}"),
    (
        "`--format {}` contradicts the file name `{}` (a .{} file)",
        "`--format {0}` 與檔名 `{1}` 不符（副檔名為 .{2}）",
    ),
    (
        "drop --format, or name the file .{}",
        "請省略 --format，或將檔名改為 .{0}",
    ),
    (
        "this command does not write {} (`{}`)",
        "此命令不輸出 {0} 格式（`{1}`）",
    ),
    ("the formats are {}", "可用的格式：{0}"),
    (
        "cannot tell the format from the file name `{}`",
        "無法由檔名 `{0}` 判斷格式",
    ),
    ("give --format ({})", "請以 --format 指定（{0}）"),
    (
        "{} is a binary package; write it to a file with -o FILE.{}",
        "{0} 是封裝檔（二進位），請以 -o 檔名.{1} 寫入檔案",
    ),
    ("cannot build the package: {}", "無法產生封裝檔：{0}"),
    (
        "wrote {} ({} ongoing cases as of {})",
        "已寫入 {0}（截至 {2} 持續列管 {1} 案）",
    ),
    (
        "wrote {} (the decisions of {})",
        "已寫入 {0}（{1} 之決議事項）",
    ),
    ("wrote {}", "已寫入 {0}"),
    ("cannot read {}: {}", "無法讀取 {0}：{1}"),
    ("created {}: {}", "已建立 {0}：{1}"),
    (
        "meeting `{}` already exists ({})",
        "會議 `{0}` 已存在（{1}）",
    ),
    ("give another id with --id", "請以 --id 指定其他編號"),
    (
        "a new case needs --source: the document that shows it is tracked",
        "新案件須以 --source 寫明顯示其列管的文件",
    ),
    (
        "{} already has a case of that name: {}",
        "{0} 已有同名案件：{1}",
    ),
    (
        "a case is created once; record new facts in {}",
        "案件只建立一次；新的資訊請記入 {0}",
    ),
    (
        "{} has no 資料時間 line, so the date of its progress is unknown",
        "{0} 沒有「資料時間」一行，無法得知辦理情形的日期",
    ),
    (
        "give it with --as-of DATE (e.g. --as-of 114-12-31)",
        "請以 --as-of 日期 指定（例如 --as-of 114-12-31）",
    ),
    (
        "correct the names, add the table's spelling to the case's aliases, or use --skip-unmatched to import the rest",
        "請更正案名、將表格的寫法加入案件別名，或以 --skip-unmatched 匯入其餘案件",
    ),
    // Errors of commands.
    (
        "error: {}; nothing was written",
        "錯誤：{0}；未寫入任何檔案",
    ),
    ("{} decisions cannot be applied", "{0} 項決議無法套用"),
    ("{} decision cannot be applied", "{0} 項決議無法套用"),
    ("1 decision cannot be applied", "1 項決議無法套用"),
    (
        "the stated counts disagree with the register",
        "紀錄所載數字與列管資料不符",
    ),
    ("the meeting is out of order", "會議順序錯誤"),
    (
        "another kbbt is changing this register (it holds {}); try again when it has finished",
        "另一個 kbbt 正在修改此列管資料（持有 {0}），請待其完成後再試",
    ),
    (
        "uncommitted changes in the register ({})",
        "列管資料有尚未提交的變更（{0}）",
    ),
    (
        "commit or stash them first, or use --allow-dirty",
        "請先提交或暫存，或使用 --allow-dirty",
    ),
    ("unknown meeting `{}`", "未知的會議 `{0}`"),
    ("no case `{}`", "沒有案件 `{0}`"),
    ("`{}` is ambiguous", "`{0}` 有多種可能"),
    ("it could be {}; give the id", "可能是 {0}；請寫案件編號"),
    (
        "`kbbt list --text …` searches titles, notes and progress",
        "`kbbt list --text …` 可搜尋案名、備註及辦理情形",
    ),
    // Findings.
    ("unknown group `{}`", "未知的組別 `{0}`"),
    ("write the group's name: `{}`", "請寫組別名稱：`{0}`"),
    ("did you mean `{}`?", "是否指 `{0}`？"),
    ("did you mean {}?", "是否指 {0}？"),
    (
        "the schema modeline points at `{}`, which does not exist from this file",
        "schema 設定行指向 `{0}`，自本檔位置找不到該檔案",
    ),
    (
        "write `{}` (`kbbt fmt` fixes it)",
        "請寫 `{0}`（`kbbt fmt` 會修正）",
    ),
    (
        "did you mean {}? write `{}` (the minutes' wording is kept as an alias)",
        "是否指 {0}？請寫 `{1}`（會議紀錄的寫法會留作別名）",
    ),
    (
        "did you mean {}? write `{}` with the id of the one meant",
        "是否指 {0}？請寫 `{1}`，填入所指案件的編號",
    ),
    (
        "`{}` is not a member of the platform",
        "`{0}` 不是本平臺的成員",
    ),
    ("unknown topic `{}`", "未知的共同議題 `{0}`"),
    ("`{}` is not a case id", "`{0}` 不是案件編號"),
    (
        "case id `{}` does not start with `{}-`, the code of {}",
        "案件編號 `{0}` 未以 {2} 的代碼 `{1}-` 開頭",
    ),
    (
        "case id `{}` is also used by {}",
        "案件編號 `{0}` 亦用於 {1}",
    ),
    (
        "meeting id `{}` is also used by {}",
        "會議編號 `{0}` 亦用於 {1}",
    ),
    (
        "file name `{}` differs from the case id `{}`",
        "檔名 `{0}` 與案件編號 `{1}` 不同",
    ),
    (
        "file name `{}` differs from the meeting id `{}`",
        "檔名 `{0}` 與會議編號 `{1}` 不同",
    ),
    ("the title is empty", "案名空白"),
    (
        "`{}` is both the lead and a partner",
        "`{0}` 同時列為主辦及合作城市",
    ),
    (
        "{} `{}` is not a case of the register",
        "{0} `{1}` 不是列管資料中的案件",
    ),
    (
        "`{}` is its own ancestor through `parent`",
        "`{0}` 經由 `parent` 成為自己的上層案件",
    ),
    (
        "{} lists `{}` in {}, but {} does not list {} in {}",
        "{0} 的 {2} 列有 `{1}`，但 {3} 的 {5} 未列 {4}",
    ),
    (
        "{} is merged into `{}`, but {} does not list it in merged_from",
        "{0} 已併入 `{1}`，但 {2} 的 merged_from 未列此案",
    ),
    (
        "{} has merged_into but its status is {}",
        "{0} 有 merged_into，但狀態為 {1}",
    ),
    ("`{}` is not a meeting id", "`{0}` 不是會議編號"),
    (
        "a meeting id is lower-case letters, digits and dashes, e.g. vm-3",
        "會議編號為小寫英文字母、數字及連字號，例如 vm-3",
    ),
    ("unknown meeting level `{}`", "未知的會議層級 `{0}`"),
    (
        "meeting {} has no date; it is ordered before every dated meeting",
        "會議 {0} 沒有日期，排在所有有日期的會議之前",
    ),
    ("unknown discrepancy field `{}`", "未知的差異欄位 `{0}`"),
    (
        "{} has no history entry that sets its status",
        "{0} 的歷程中沒有決定其狀態的紀錄",
    ),
    (
        "status is `{}`, but the last decision in history (`{}`, line {}) makes it `{}`",
        "狀態為 `{0}`，但歷程最後一項決議（`{1}`，第 {2} 行）使其為 `{3}`",
    ),
    (
        "this `{}` entry must name the meeting that decided it",
        "此 `{0}` 紀錄須寫明作成決議的會議",
    ),
    (
        "add `meeting: <id>`, or use `seen` with a `source` when no meeting is recorded",
        "請加上 `meeting: <編號>`；若無會議紀錄，請用 `seen` 並寫明 `source`",
    ),
    (
        "date {} differs from the date of {} ({})",
        "日期 {0} 與 {1} 的日期（{2}）不同",
    ),
    (
        "history entries are not in date order (oldest first)",
        "歷程未依日期由舊至新排列",
    ),
    (
        "{} decides to {}, but no case history records it",
        "{0} 決議 {1}，但沒有案件歷程記載",
    ),
    ("run `kbbt apply {}`", "請執行 `kbbt apply {0}`"),
    (
        "history records `{}` at {}, but {} has no such decision about {}",
        "歷程記載 {1} 的 `{0}`，但 {2} 沒有關於 {3} 的此項決議",
    ),
    (
        "{}: {} states {} {}, the register has {} ({})",
        "{0}：{1} 載明 {3} {2} 案，列管資料為 {4} 案（{5}）",
    ),
    (
        "{}: {} states {} {}, the register has {}",
        "{0}：{1} 載明 {3} {2} 案，列管資料為 {4} 案",
    ),
    (
        "{}: {} states {} {}, the register would have {}: {}",
        "{0}：{1} 載明 {3} {2} 案，套用後列管資料將為 {4} 案：{5}",
    ),
    (
        "{}: {} states {} {}, the register would have {}",
        "{0}：{1} 載明 {3} {2} 案，套用後列管資料將為 {4} 案",
    ),
    (
        "correct the cases, or record it under `discrepancies:` ({})",
        "請更正案件，或記入 `discrepancies:`（{0}）",
    ),
    (
        "recorded discrepancy for {} {} says the register has {}, but it now has {}",
        "{0} {1} 已記錄的差異載明列管資料為 {2} 案，但目前為 {3} 案",
    ),
    (
        "recorded discrepancy ({} {} stated {}) no longer holds: the register agrees with the stated number",
        "已記錄的差異（{0} {1} 載明 {2}）已不成立：列管資料與所載數字相符",
    ),
    ("unknown case `{}` in {}", "{1}沒有案件 `{0}`"),
    ("unknown case `{}`", "沒有案件 `{0}`"),
    ("ambiguous case `{}` in {}", "{1}的案件 `{0}` 有多種可能"),
    ("ambiguous case `{}`", "案件 `{0}` 有多種可能"),
    (
        "it could be {}; write the case id instead",
        "可能是 {0}；請改寫案件編號",
    ),
    ("case `{}` is not in {}", "案件 `{0}` 不屬於{1}"),
    (
        "it is {} of another group; write its id, or move the decision",
        "這是其他組別的 {0}；請寫其編號，或移至該組的決議",
    ),
    (
        "cannot {} {} 「{}」: it is {}, not {}",
        "無法 {0} {1} 「{2}」：其狀態為 {3}，而非 {4}",
    ),
    (
        "group `{}` has two decision blocks (`{}` is the same group as an earlier key)",
        "組別 `{0}` 有兩段決議（`{1}` 與前一鍵為同一組別）",
    ),
    (
        "sub-case 「{}」 names no `parent`",
        "子案「{0}」未寫明 `parent`",
    ),
    (
        "write { parent: <the parent case>, title: … }",
        "請寫 { parent: <母案>, title: … }",
    ),
    (
        "id `{}` is already used by 「{}」",
        "編號 `{0}` 已由「{1}」使用",
    ),
    (
        "leave `id` out to take the group's next free id",
        "省略 `id` 即使用該組下一個可用編號",
    ),
    ("unknown case id `{}`", "沒有案件編號 `{0}`"),
    (
        "`parent` belongs in `subcases`, not in `add` or `propose`",
        "`parent` 應寫於 `subcases`，不應寫於 `add` 或 `propose`",
    ),
    ("{} cannot be merged into itself", "{0} 不能併入自己"),
    (
        "`{}` is not an id of {} (write {}-NNN)",
        "`{0}` 不是 {1} 的編號（請寫 {2}-NNN）",
    ),
    (
        "{} ({}) is older than {}, already applied ({})",
        "{0}（{1}）早於已套用的 {2}（{3}）",
    ),
    (
        "use --allow-out-of-order if this is intended",
        "若確為如此，請使用 --allow-out-of-order",
    ),
    ("file is empty", "檔案是空的"),
    (
        "file is too large ({} bytes; the limit is {} bytes)",
        "檔案過大（{0} 位元組；上限 {1} 位元組）",
    ),
    (
        "file is not valid UTF-8 (byte {} at offset {})",
        "檔案不是有效的 UTF-8（位置 {1} 的位元組 {0}）",
    ),
    (
        "save the file as UTF-8 (register files are UTF-8 YAML)",
        "請以 UTF-8 儲存（列管資料檔案為 UTF-8 YAML）",
    ),
    (
        "symbolic link loop: this link points at a folder that contains it",
        "符號連結迴圈：此連結指向包含它的資料夾",
    ),
    ("a value is missing here", "此處缺少值"),
    ("expected a whole number", "應為整數"),
    (
        "too many YAML aliases or anchors (register files need none)",
        "YAML 別名或錨點過多（列管資料檔案不需使用）",
    ),
    ("the file is nested too deeply", "檔案巢狀層次過深"),
    ("the file has too many values", "檔案的值過多"),
    (
        "unknown field `{}`, expected one of {}",
        "未知的欄位 `{0}`，可用的欄位：{1}",
    ),
    (
        "unknown field `{}`, there are no fields",
        "未知的欄位 `{0}`",
    ),
    (
        "unknown variant `{}`, expected one of {}",
        "未知的值 `{0}`，可用的值：{1}",
    ),
    ("missing field `{}`", "缺少欄位 `{0}`"),
    ("duplicate mapping key: {}", "重複的鍵：{0}"),
    (
        "not reformatted: it has comments that the canonical layout would drop",
        "未重新排版：檔案內的註解會因標準格式而遺失",
    ),
    (
        "move the comments to the top of the file, or into a `note`",
        "請將註解移至檔案開頭，或改寫為 `note`",
    ),
    (
        "cannot edit this file in place: {}",
        "無法就地修改此檔案：{0}",
    ),
    (
        "run `kbbt fmt` on it, then apply again",
        "請先對其執行 `kbbt fmt`，再套用一次",
    ),
    // Spreadsheets: exports, progress forms and their import.
    (
        "wrote {} ({} ongoing cases as of {})",
        "已寫入 {0}（截至 {2} 持續列管 {1} 案）",
    ),
    (
        "wrote {} ({} ongoing cases)",
        "已寫入 {0}（持續列管 {1} 案）",
    ),
    ("wrote {}", "已寫入 {0}"),
    (
        "{} forms for the progress as of {}; import the returned forms with `kbbt import progress {}`",
        "共 {0} 份填報表，資料時間 {1}；填妥寄回後以 `kbbt import progress {2}` 匯入",
    ),
    (
        "none of the {} cases ongoing on {} has a lead city, so there is no form per city to write",
        "{1} 持續列管的 {0} 案均未記錄主辦城市，無法依城市產生填報表",
    ),
    (
        "record each case's `lead`, or write one form per group with --by group",
        "請記錄各案的 `lead`，或以 --by group 依組別產生填報表",
    ),
    (
        "{} already exists; nothing was written",
        "{0} 已存在；未寫入任何檔案",
    ),
    (
        "returned forms may be in it: write the new forms into another folder",
        "其中可能有寄回的填報表：請將新的填報表寫入另一個資料夾",
    ),
    (
        "{} is 「{}」, but the row's title is 「{}」",
        "{0} 為「{1}」，但該列的方案名稱為「{2}」",
    ),
    (
        "was the id edited? put back the form's id, or correct the title",
        "編號是否遭修改？請改回填報表原有的編號，或更正方案名稱",
    ),
    ("unknown case id `{}`", "沒有編號為 `{0}` 的案件"),
    (
        "the title is {}'s: was the id edited?",
        "方案名稱屬於 {0}：編號是否遭修改？",
    ),
    (
        "{} 「{}」 is a case of {}, not of {}",
        "{0}「{1}」屬於{2}，不屬於{3}",
    ),
    (
        "move the row back to its group's sheet",
        "請將該列移回其組別的工作表",
    ),
    (
        "note: rows with no new text (本次辦理情形), skipped: {}",
        "說明：未填本次辦理情形而略過的列：{0} 列",
    ),
];

/// Every label with its Chinese.
pub fn labels() -> &'static [(&'static str, &'static str)] {
    LABELS
}

/// One label in the language (unknown labels stay as they are).
pub fn label(lang: Lang, en: &str) -> String {
    if lang == Lang::En {
        return en.to_string();
    }
    LABELS
        .iter()
        .find(|(e, _)| *e == en)
        .map_or_else(|| en.to_string(), |(_, z)| (*z).to_string())
}

/// Match `s` against an English template; the values, in order.
fn matches<'a>(template: &str, s: &'a str) -> Option<Vec<&'a str>> {
    let pieces: Vec<&str> = template.split("{}").collect();
    let mut rest = s.strip_prefix(pieces[0])?;
    let mut values = Vec::with_capacity(pieces.len() - 1);
    for (k, piece) in pieces.iter().enumerate().skip(1) {
        let last = k == pieces.len() - 1;
        let at = if last {
            if piece.is_empty() {
                rest.len()
            } else {
                rest.strip_suffix(piece).map(str::len)?
            }
        } else {
            rest.find(piece)?
        };
        let value = &rest[..at];
        if value.is_empty() {
            return None;
        }
        values.push(value);
        rest = &rest[at + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty()).then_some(values)
}

/// Fill a Chinese template; a value that is itself a label (`ongoing`, `totals`) is translated too.
fn fill(lang: Lang, template: &str, values: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, v) in values.iter().enumerate() {
        let v = os_error(lang, v).unwrap_or_else(|| label(lang, v));
        out = out.replace(&format!("{{{i}}}"), &v);
    }
    out
}

/// An operating system's error as Rust prints it (`No such file or directory (os error 2)`), in the
/// language: the common ones by their code, others as the system says them. `None` when `s` is not
/// one.
pub fn os_error(lang: Lang, s: &str) -> Option<String> {
    let (text, code) = s.strip_suffix(')')?.rsplit_once(" (os error ")?;
    let code: i32 = code.parse().ok()?;
    if lang == Lang::En {
        return Some(s.to_string());
    }
    // The codes of the errors a register's files meet, by platform.
    #[cfg(windows)]
    let zh = match code {
        2 | 3 => Some("找不到檔案或資料夾"),
        5 => Some("沒有權限"),
        80 | 183 => Some("檔案已存在"),
        39 | 112 => Some("磁碟空間不足"),
        _ => None,
    };
    #[cfg(not(windows))]
    let zh = match code {
        2 => Some("找不到檔案或資料夾"),
        13 | 1 => Some("沒有權限"),
        17 => Some("檔案已存在"),
        20 => Some("不是資料夾"),
        21 => Some("是資料夾"),
        28 => Some("磁碟空間不足"),
        30 => Some("唯讀的檔案系統"),
        36 | 63 => Some("名稱過長"),
        _ => None,
    };
    Some(format!("{}（系統錯誤碼 {code}）", zh.unwrap_or(text)))
}

/// One finished line (or message) in the language; a line no template matches stays as it is.
pub fn line(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    for (en, zh) in LINES {
        if !en.contains("{}") {
            if s == *en {
                return (*zh).to_string();
            }
            continue;
        }
        if let Some(values) = matches(en, s) {
            return fill(lang, zh, &values);
        }
    }
    s.to_string()
}

/// Translate human-readable output line by line, keeping indentation and the `error: ` / `warning: ` /
/// `hint: ` / `note: ` prefixes' meaning.
pub fn text(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for l in s.split_inclusive('\n') {
        let (body, nl) = l.strip_suffix('\n').map_or((l, ""), |b| (b, "\n"));
        let trimmed = body.trim_start();
        let indent = &body[..body.len() - trimmed.len()];
        let translated = if let Some(m) = trimmed.strip_prefix("hint: ") {
            format!("{}{}", label(lang, "hint:"), line(lang, m))
        } else if let Some(m) = trimmed.strip_prefix("error: ") {
            format!("{}：{}", label(lang, "error"), line(lang, m))
        } else {
            line(lang, trimmed)
        };
        out.push_str(indent);
        out.push_str(&translated);
        out.push_str(nl);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_reorder_values() {
        for (lang, en, want) in [
            (
                Lang::ZhTw,
                "case id `HW-1` does not start with `TR-`, the code of 交通組",
                "案件編號 `HW-1` 未以 交通組 的代碼 `TR-` 開頭",
            ),
            (
                Lang::ZhTw,
                "delist 24, add 12, ongoing 51",
                "解列 24 案、新增 12 案、持續列管 51 案",
            ),
            (Lang::ZhTw, "2 errors, 0 warnings", "2 個錯誤、0 個警告"),
            (Lang::ZhTw, "捷運萬大-中和-樹林線", "捷運萬大-中和-樹林線"),
            (Lang::En, "2 errors, 0 warnings", "2 errors, 0 warnings"),
        ] {
            assert_eq!(line(lang, en), want, "{en}");
        }
    }

    /// Every count `plural.rs` can put in the singular has its template too.
    #[test]
    fn singular_counts_translate() {
        for (en, zh) in [
            (
                "ok: 1 case and 1 meeting checked, no problems",
                "通過：已檢查 1 件案件及 1 場會議，沒有問題",
            ),
            (
                "ok: 1 case and 2 meetings checked, no problems",
                "通過：已檢查 1 件案件及 2 場會議，沒有問題",
            ),
            (
                "ok: 2 cases and 1 meeting checked, no problems",
                "通過：已檢查 2 件案件及 1 場會議，沒有問題",
            ),
            ("1 file changed (0 new)", "已變更 1 個檔案（其中新增 0 個）"),
            (
                "dry run: 1 file would change (1 new); nothing was written",
                "預覽：將變更 1 個檔案（其中新增 1 個）；未寫入任何檔案",
            ),
            ("1 decision cannot be applied", "1 項決議無法套用"),
        ] {
            assert_eq!(line(Lang::ZhTw, en), zh);
        }
    }

    #[test]
    fn text_keeps_indentation_and_prefixes() {
        assert_eq!(
            text(
                Lang::ZhTw,
                "error: unknown meeting `vm-9`\n  hint: did you mean `vm-1`?\n"
            ),
            "錯誤：未知的會議 `vm-9`\n  提示：是否指 `vm-1`？\n"
        );
    }

    #[test]
    fn locales() {
        assert_eq!(from_locale("zh_TW.UTF-8"), Lang::ZhTw);
        assert_eq!(from_locale("zh-Hant-TW"), Lang::ZhTw);
        assert_eq!(from_locale("zh_CN.UTF-8"), Lang::En);
        assert_eq!(from_locale("C.UTF-8"), Lang::En);
    }
}
