//! The command line (clap only). Arguments become a [`Cli`]; `cmd` does the work.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kbbt keeps a cooperation platform's register of cases as YAML files, applies meeting decisions
/// to it safely, and reports on it.
#[derive(Debug, Parser)]
#[command(name = "kbbt", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Use the register in DIR (default: the first folder upwards holding platform.yaml)
    #[arg(short = 'C', long = "register", value_name = "DIR", global = true)]
    pub register: Option<PathBuf>,

    /// When to use colour
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Language of labels and messages (default: from LC_ALL / LC_MESSAGES / LANG)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Fit terminal tables in N columns (default: the terminal's width; piped output is not wrapped)
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub use kbbt::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    /// OpenDocument text package (.odt)
    Odt,
    /// Flat OpenDocument text, one XML file (.fodt)
    Fodt,
    /// Office Open XML (.docx): Word
    Docx,
    /// An Excel workbook (.xlsx): a summary sheet and one sheet per group (needs -o FILE)
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    /// Plain text, one paragraph a line
    Text,
    /// OpenDocument text package (.odt)
    Odt,
    /// Flat OpenDocument text (.fodt)
    Fodt,
    /// Office Open XML (.docx)
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Case,
    Meeting,
    Platform,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingFormat {
    Text,
    Json,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
    /// An Excel workbook (.xlsx), typed cells (needs -o FILE)
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    Text,
    Json,
}

/// `--by`; the Chinese words are accepted too (clap lists only the English ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    #[value(alias = "組別")]
    Group,
    #[value(alias = "主辦城市")]
    Lead,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every file of the register; report every problem with its place
    Validate(ValidateArgs),
    /// Per-group tallies of a meeting and the all-time view
    Status(StatusArgs),
    /// Find cases by group, status, city, topic or text
    List(ListArgs),
    /// One case's card: history and latest progress
    Show(ShowArgs),
    /// Rewrite case files into the canonical layout
    Fmt(FmtArgs),
    /// Apply a meeting's decisions to the case files, all or nothing
    Apply(ApplyArgs),
    /// Print the decision section (決議事項) of a meeting in the minutes' own phrasing
    Minutes(MinutesArgs),
    /// The progress report (合作方案辦理情形) as Markdown, HTML, ODT or DOCX
    Report(ReportArgs),
    /// Reminders: ongoing cases whose latest progress is old, or that are overdue or behind
    Check {
        #[command(subcommand)]
        what: CheckCommand,
    },
    /// Proposals for the user to accept: milestones from the dates in the progress texts
    Suggest {
        #[command(subcommand)]
        what: SuggestCommand,
    },
    /// What changed between two meetings or dates: per group, cases added, delisted, merged,
    /// renamed, and those whose progress changed
    Diff(DiffArgs),
    /// A case's history together with the git history of its file, newest first
    Log(LogArgs),
    /// Bring outside data into the register
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Write files for others to fill in
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Write a correctly formed new file with the next free id
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Finish a write that was interrupted (a crash, a full disk), after checking it is kbbt's own
    Recover,
    /// Print the JSON Schema of a file kind (for editors)
    Schema {
        /// The file kind
        kind: SchemaKind,
    },
    /// Print a shell completion script
    Completions {
        /// The shell
        shell: Shell,
    },
    /// Print the man page (roff)
    Man,
}

/// `kbbt validate`
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Report only on these files or folders (the whole register is still checked)
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FindingFormat::Text)]
    pub format: FindingFormat,
}

/// Where and how `status` and `list` write their table.
#[derive(Debug, Args)]
pub struct TableOut {
    /// Output format (default: from the extension of -o, else table)
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Write to this file instead of standard output (.csv, .json, .md, .txt, .xlsx)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Draw tables with ASCII characters only
    #[arg(long)]
    pub ascii: bool,
    /// Start CSV output with a UTF-8 byte order mark (for Excel)
    #[arg(long)]
    pub bom: bool,
    /// With --format csv: cells exactly as they are (no guard against spreadsheet formulas)
    #[arg(long)]
    pub raw: bool,
}

/// `kbbt status`
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// A group: name, code or alias (交通組, TR, 交通)
    #[arg(long)]
    pub group: Option<String>,
    /// A meeting id (default: the latest meeting with decisions)
    #[arg(long)]
    pub meeting: Option<String>,
    /// The state as of a date (2024-12-31 or 113-12-31 or 113年12月31日)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Break the meeting's tallies down by group (default) or by lead city
    #[arg(long, value_enum, default_value_t = By::Group)]
    pub by: By,
    #[command(flatten)]
    pub out: TableOut,
}

/// `kbbt list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// A group: name, code or alias (交通組, TR, 交通)
    #[arg(long)]
    pub group: Option<String>,
    /// proposed, ongoing, delisted, merged or replaced
    #[arg(long)]
    pub status: Option<String>,
    /// Lead city
    #[arg(long)]
    pub lead: Option<String>,
    /// Partner city (or lead)
    #[arg(long)]
    pub partner: Option<String>,
    /// A topic the case shares (共同議題)
    #[arg(long)]
    pub topic: Option<String>,
    /// Text to find in titles, aliases, notes and progress (normalised like names)
    #[arg(long)]
    pub text: Option<String>,
    /// List the chair's instructions (open and closed) instead of cases
    #[arg(long)]
    pub instructions: bool,
    #[command(flatten)]
    pub out: TableOut,
}

/// `kbbt show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A case id, title or alias
    pub case: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = CardFormat::Text)]
    pub format: CardFormat,
}

/// `kbbt fmt`
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Only report what would change (exit 1 if anything would)
    #[arg(long)]
    pub check: bool,
    /// Only these files or folders
    pub paths: Vec<PathBuf>,
}

/// `kbbt apply`
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The meeting file, e.g. meetings/vm-7.yaml
    pub meeting: PathBuf,
    /// Print what would change, with a diff, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Apply even if stated counts disagree, and record the discrepancies in the meeting file
    #[arg(long)]
    pub accept_discrepancy: bool,
    /// With --accept-discrepancy: the reason, as the recorded discrepancies' note (default: that kbbt
    /// recorded it, in the register's language)
    #[arg(long, value_name = "TEXT", requires = "accept_discrepancy")]
    pub note: Option<String>,
    /// Commit the changed files with git afterwards
    #[arg(long)]
    pub commit: bool,
    /// Apply although cases/ or meetings/ have uncommitted changes
    #[arg(long)]
    pub allow_dirty: bool,
    /// Apply a meeting dated before the latest applied one
    #[arg(long)]
    pub allow_out_of_order: bool,
}

/// `kbbt minutes`
#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// A meeting id or file (vm-3, meetings/vm-3.yaml)
    pub meeting: String,
    /// Print the stated numbers where the register records a discrepancy
    #[arg(long)]
    pub as_published: bool,
    /// Name cases by the register's titles instead of the meeting file's wording
    #[arg(long)]
    pub register_names: bool,
    /// Output format (default: from the extension of -o, else text)
    #[arg(long, value_enum)]
    pub format: Option<MinutesFormat>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The font of odt, fodt and docx (fallbacks: DFKai-SB, 新細明體, Noto CJK TC)
    #[arg(long, value_name = "NAME", default_value = kbbt::render::doc::DEFAULT_FONT)]
    pub font: String,
}

/// `kbbt report`
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Latest progress on or before this date (default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only this group (name, code or alias)
    #[arg(long)]
    pub group: Option<String>,
    /// Output format (default: from the extension of -o, else md)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The font of odt, fodt and docx (fallbacks: DFKai-SB, 新細明體, Noto CJK TC)
    #[arg(long, value_name = "NAME", default_value = kbbt::render::doc::DEFAULT_FONT)]
    pub font: String,
}

/// `kbbt diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A meeting id or a date (ISO or ROC)
    pub from: String,
    /// A meeting id or a date (ISO or ROC)
    pub to: String,
    /// Only this group
    #[arg(long)]
    pub group: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CardFormat::Text)]
    pub format: CardFormat,
}

/// `kbbt log`
#[derive(Debug, Args)]
pub struct LogArgs {
    /// A case id, title or alias
    pub case: String,
}

#[derive(Debug, Subcommand)]
pub enum SuggestCommand {
    /// Milestones from the dates in the progress texts (預計…完工, …開工, …啟用): shown, or added with --write
    Milestones(MilestonesArgs),
}

/// `kbbt suggest milestones`
#[derive(Debug, Args)]
pub struct MilestonesArgs {
    /// One case (id, title or alias); default: every ongoing case
    pub case: Option<String>,
    /// Add the suggested milestones to the case files (minimal edits)
    #[arg(long)]
    pub write: bool,
}

#[derive(Debug, Subcommand)]
pub enum CheckCommand {
    /// Milestones past due, cases behind their planned progress, and open instructions past due (exit 1 if any)
    Overdue(OverdueArgs),
    /// Ongoing cases whose latest progress is older than N months (exit 1 if any)
    Stale(StaleArgs),
}

/// `kbbt check overdue`
#[derive(Debug, Args)]
pub struct OverdueArgs {
    /// Judge as of this date (default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only this group
    #[arg(long)]
    pub group: Option<String>,
}

/// `kbbt check stale`
#[derive(Debug, Args)]
pub struct StaleArgs {
    /// How old the latest progress may be, in months
    #[arg(long, default_value_t = 6)]
    pub months: u32,
    /// Judge as of this date (default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only this group
    #[arg(long)]
    pub group: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add progress entries from a progress table (the report's tab-separated text, CSV, or
    /// returned progress forms: .xlsx / .ods, several at once)
    Progress(ImportProgressArgs),
    /// Draft a meeting file from the minutes' decision section (.txt, .docx, .odt; `-` reads text
    /// from standard input); writes nothing under cases/
    Minutes(ImportMinutesArgs),
}

/// `kbbt import progress`
#[derive(Debug, Args)]
pub struct ImportProgressArgs {
    /// Progress tables (tab-separated text or CSV) or returned forms (.xlsx / .ods)
    #[arg(required = true, num_args = 1..)]
    pub file: Vec<PathBuf>,
    /// The date of the progress (default: the file's 資料時間 line)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Import the names that match and list the others, instead of refusing
    #[arg(long)]
    pub skip_unmatched: bool,
    /// Print what would change and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// The table lists every ongoing case on its date: record it once in platform.yaml as a
    /// complete listing (a case it leaves out becomes unconfirmed from that date)
    #[arg(long, conflicts_with = "skip_unmatched")]
    pub complete: bool,
    /// The document the table comes from, as the listing names it (default: the file's name)
    #[arg(long, value_name = "TEXT", requires = "complete")]
    pub source: Option<String>,
}

/// `kbbt import minutes`
#[derive(Debug, Args)]
pub struct ImportMinutesArgs {
    /// The minutes document, or `-` for text on standard input
    pub file: PathBuf,
    /// The meeting's id (default: from the title, like the register's other meetings of its level)
    #[arg(long)]
    pub id: Option<String>,
    /// Write the draft to FILE instead of standard output (never under cases/)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The document as `source:` names it (default: the title's minutes, else the file's name)
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Progress forms (.xlsx), one workbook per lead city or per group, for each to fill in the
    /// new progress of its ongoing cases; `kbbt import progress` reads them back
    ProgressForms(ProgressFormsArgs),
}

/// `kbbt export progress-forms`
#[derive(Debug, Args)]
pub struct ProgressFormsArgs {
    /// The date of the progress to collect: the cases ongoing on it (default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// One workbook per group (default) or per lead city
    #[arg(long, value_enum, default_value_t = By::Group)]
    pub by: By,
    /// The folder to write the workbooks into (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A new case file: cases/<code>/<next id>.yaml
    Case(NewCaseArgs),
    /// A new meeting file: meetings/<id>.yaml, with an empty decision block per group
    Meeting(NewMeetingArgs),
}

/// `kbbt new case`
#[derive(Debug, Args)]
pub struct NewCaseArgs {
    /// The group: name, code or alias
    #[arg(long)]
    pub group: String,
    /// The case's title (案名)
    #[arg(long)]
    pub title: String,
    /// The lead city
    #[arg(long)]
    pub lead: Option<String>,
    /// A partner city (repeat for several)
    #[arg(long = "partner")]
    pub partners: Vec<String>,
    /// A topic the case shares (repeat for several)
    #[arg(long = "topic")]
    pub topics: Vec<String>,
    /// The status it starts with: ongoing (recorded as `seen`). Proposals come from a
    /// meeting's `propose` decisions, applied with `kbbt apply`
    #[arg(long, default_value = "ongoing")]
    pub status: String,
    /// Where the facts come from
    #[arg(long)]
    pub source: Option<String>,
}

/// `kbbt new meeting`
#[derive(Debug, Args)]
pub struct NewMeetingArgs {
    /// One of the platform's levels, e.g. 副市長層級
    #[arg(long)]
    pub level: String,
    /// The meeting's date (ROC accepted)
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// The id (default: the next number of the level's prefix, e.g. vm-7)
    #[arg(long)]
    pub id: Option<String>,
    /// The meeting's title
    #[arg(long)]
    pub title: Option<String>,
}

// Traditional Chinese.
//
// clap writes its help in English: the headings, `[default: …]`, `[possible values: …]`, `[OPTIONS]` and
// its usage errors. Under zh-TW every command gets a template with Chinese headings, every argument its
// Chinese help, and the annotations are written here instead of by clap, in one full-width style:
// 〔預設：text〕 and 〔可用值：text、json、github〕 (a value's help, as `--help` shows it, comes as a list).
// The usage line is clap's own, with `[選項]` and `<命令>`; usage errors are rendered by [`zh_error`].

/// The command line in a language: English as declared above, or with Traditional Chinese help.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = localize(cmd, None);
    cmd.build();
    finish(&mut cmd);
    cmd
}

/// About texts by command path (`import minutes`; `kbbt` is the top level).
const ZH_ABOUT: &[(&str, &str)] = &[
    (
        "kbbt",
        "以 YAML 檔案保存合作平臺的列管案件：檢查、套用會議決議、產生報告",
    ),
    ("validate", "檢查列管資料的每個檔案，並列出每個問題及其位置"),
    ("status", "一場會議各組的統計及歷來累計"),
    ("list", "依組別、狀態、城市、共同議題或文字查詢案件"),
    ("show", "一件案件的資料卡：歷程及最新辦理情形"),
    ("fmt", "將案件檔改寫為標準格式"),
    (
        "apply",
        "將一場會議的決議套用至案件檔（全部成功或全部不變）",
    ),
    ("minutes", "以會議紀錄本身的用語輸出一場會議的決議事項"),
    (
        "report",
        "合作方案辦理情形報告（Markdown、HTML、ODT 或 DOCX）",
    ),
    (
        "check",
        "提醒：最新辦理情形過舊、逾期或進度落後的持續列管案件",
    ),
    (
        "check overdue",
        "逾期的里程碑、落後預定進度的案件及逾期未結的指示（有則結束代碼為 1）",
    ),
    (
        "check stale",
        "最新辦理情形早於 `--months` 個月的持續列管案件（有則結束代碼為 1）",
    ),
    (
        "suggest",
        "供使用者採納的建議：由辦理情形中的日期推得里程碑",
    ),
    (
        "suggest milestones",
        "由辦理情形中的日期（預計…完工、…開工、…啟用）推得里程碑：列出，或以 --write 加入",
    ),
    (
        "diff",
        "兩場會議或日期之間的變化：各組新增、解列、併案、更名及辦理情形有變更的案件",
    ),
    ("log", "一件案件的歷程及其檔案的 git 歷史，由新到舊"),
    ("import", "匯入外部資料"),
    (
        "import progress",
        "由辦理情形表格（Tab 分隔文字、CSV）或填妥的填報表（.xlsx／.ods）新增辦理情形",
    ),
    (
        "import minutes",
        "由會議紀錄的決議事項草擬會議檔（.txt、.docx、.odt，`-` 為標準輸入）；不寫入 cases/",
    ),
    ("export", "輸出供他人填寫的檔案"),
    (
        "export progress-forms",
        "辦理情形填報表（.xlsx），每個主辦城市或組別一份，填妥後以 `kbbt import progress` 讀回",
    ),
    ("new", "以下一個可用編號建立格式正確的新檔案"),
    ("new case", "新案件檔：cases/<代碼>/<編號>.yaml"),
    (
        "new meeting",
        "新會議檔：meetings/<編號>.yaml，每組一個空白的決議區塊",
    ),
    (
        "recover",
        "完成一次中斷的寫入（當機、磁碟已滿），先確認它確為 kbbt 所留",
    ),
    ("schema", "輸出檔案類型的 JSON Schema（供編輯器使用）"),
    ("completions", "輸出命令列自動完成腳本"),
    ("man", "輸出使用手冊（roff）"),
];

/// Help texts by argument id, or by command path and id (`import minutes.output`) where commands differ.
const ZH_HELP: &[(&str, &str)] = &[
    // Everywhere (the global options, -h, -V).
    (
        "register",
        "使用此資料夾的列管資料（預設：由目前資料夾往上找到的第一個 platform.yaml）",
    ),
    ("color", "何時使用色彩"),
    (
        "lang",
        "標籤及訊息的語言（預設依 LC_ALL、LC_MESSAGES、LANG）",
    ),
    (
        "width",
        "終端機表格的寬度為 N 欄（預設：終端機的寬度；輸出至管線時不換行）",
    ),
    ("help", "顯示說明"),
    ("version", "顯示版本"),
    // Shared by several commands unless a command has its own below.
    ("format", "輸出格式"),
    ("group", "組別：名稱、代碼或別名（交通組、TR、交通）"),
    ("output", "寫入此檔案而非標準輸出"),
    ("ascii", "只用 ASCII 字元畫表格"),
    ("bom", "CSV 開頭加上 UTF-8 BOM（供 Excel 開啟）"),
    (
        "raw",
        "搭配 --format csv：儲存格原樣輸出（不防範試算表公式）",
    ),
    (
        "font",
        "odt、fodt 及 docx 的字型（備用：DFKai-SB、新細明體、Noto CJK TC）",
    ),
    ("case", "案件編號、案名或別名"),
    ("lead", "主辦城市"),
    // validate
    (
        "validate.paths",
        "只報告這些檔案或資料夾的問題（仍檢查整個列管資料）",
    ),
    // status and list
    (
        "status.format",
        "輸出格式（預設：依 -o 的副檔名，否則為 table）",
    ),
    (
        "status.output",
        "寫入此檔案而非標準輸出（.csv、.json、.md、.txt、.xlsx）",
    ),
    ("status.meeting", "會議編號（預設：最近一場作成決議的會議）"),
    (
        "status.as_of",
        "某日期當時的狀態（2024-12-31、113-12-31 或 113年12月31日）",
    ),
    ("status.by", "會議統計依組別或主辦城市分列"),
    (
        "list.format",
        "輸出格式（預設：依 -o 的副檔名，否則為 table）",
    ),
    (
        "list.output",
        "寫入此檔案而非標準輸出（.csv、.json、.md、.txt、.xlsx）",
    ),
    (
        "list.status",
        "狀態：proposed 提案、ongoing 持續列管或列管中、delisted 解列、merged 併案、replaced 被取代",
    ),
    ("list.partner", "合作城市（或主辦城市）"),
    ("list.topic", "案件的共同議題"),
    (
        "list.text",
        "在案名、別名、備註及辦理情形中搜尋的文字（與名稱同樣正規化）",
    ),
    (
        "list.instructions",
        "列出主席的指示（含未結及已結）而非案件",
    ),
    // fmt
    ("fmt.check", "只列出將變更之處（有則結束代碼為 1）"),
    ("fmt.paths", "只處理這些檔案或資料夾"),
    // apply
    ("apply.meeting", "會議檔，例如 meetings/vm-7.yaml"),
    (
        "apply.dry_run",
        "預覽：列出將變更之處及差異，不寫入任何檔案",
    ),
    (
        "apply.accept_discrepancy",
        "所載數字不符時仍套用，並將差異記入會議檔",
    ),
    (
        "apply.note",
        "搭配 --accept-discrepancy：記入差異的說明（預設：註明由 kbbt 記錄，依列管資料的語言）",
    ),
    ("apply.commit", "套用後以 git 提交變更的檔案"),
    (
        "apply.allow_dirty",
        "cases/ 或 meetings/ 有未提交的變更時仍套用",
    ),
    (
        "apply.allow_out_of_order",
        "套用日期早於最近已套用會議的會議",
    ),
    // minutes
    (
        "minutes.meeting",
        "會議編號或會議檔（vm-3、meetings/vm-3.yaml）",
    ),
    (
        "minutes.as_published",
        "列管資料記有差異之處，輸出紀錄所載的數字",
    ),
    ("minutes.register_names", "以列管資料的案名取代會議檔的寫法"),
    (
        "minutes.format",
        "輸出格式（預設：依 -o 的副檔名，否則為 text）",
    ),
    // report
    ("report.as_of", "最新辦理情形截至此日期（預設：今天）"),
    ("report.group", "只列此組別（名稱、代碼或別名）"),
    (
        "report.format",
        "輸出格式（預設：依 -o 的副檔名，否則為 md）",
    ),
    // diff
    ("diff.from", "會議編號或日期（西元或民國）"),
    ("diff.to", "會議編號或日期（西元或民國）"),
    ("diff.group", "只列此組別"),
    // suggest milestones
    (
        "suggest milestones.case",
        "一件案件（編號、案名或別名）；預設：每件持續列管案件",
    ),
    (
        "suggest milestones.write",
        "將建議的里程碑加入案件檔（最小幅度的修改）",
    ),
    // check
    ("check overdue.as_of", "以此日期判斷（預設：今天）"),
    ("check overdue.group", "只列此組別"),
    ("check stale.months", "最新辦理情形最多可早於幾個月"),
    ("check stale.as_of", "以此日期判斷（預設：今天）"),
    ("check stale.group", "只列此組別"),
    // import
    (
        "import progress.file",
        "辦理情形表格檔（Tab 分隔文字或 CSV），或填妥的填報表（.xlsx／.ods）",
    ),
    (
        "import progress.as_of",
        "辦理情形的資料時間（預設：檔案中的「資料時間」一行）",
    ),
    (
        "import progress.skip_unmatched",
        "匯入對得上的案名，並列出對不上的，而非全部拒絕",
    ),
    (
        "import progress.dry_run",
        "預覽：列出將變更之處，不寫入任何檔案",
    ),
    (
        "import progress.complete",
        "此表格列出當日每件持續列管案件：在 platform.yaml 記錄一次，作為完整清單（未列入的案件自該日起成為未確認）",
    ),
    (
        "import progress.source",
        "表格出處的文件，依清單所稱（預設：檔案名稱）",
    ),
    (
        "import minutes.file",
        "會議紀錄文件，或以 `-` 由標準輸入讀取文字",
    ),
    (
        "import minutes.id",
        "會議編號（預設：依標題，比照列管資料中同層級的其他會議）",
    ),
    (
        "import minutes.output",
        "將草稿寫入此檔案而非標準輸出（不得寫入 cases/）",
    ),
    ("import minutes.force", "檔案已存在時覆寫"),
    (
        "import minutes.source",
        "`source:` 所記的文件名稱（預設：標題所示的會議紀錄，否則為檔案名稱）",
    ),
    // export
    (
        "export progress-forms.as_of",
        "填報的資料時間：列出當日持續列管的案件（預設：今天）",
    ),
    (
        "export progress-forms.by",
        "每個組別或每個主辦城市一個活頁簿",
    ),
    (
        "export progress-forms.output",
        "寫入活頁簿的資料夾（不存在則建立）",
    ),
    // new
    ("new case.group", "組別：名稱、代碼或別名"),
    ("new case.title", "案名"),
    ("new case.partners", "合作城市（可重複指定多個）"),
    ("new case.topics", "共同議題（可重複指定多個）"),
    (
        "new case.status",
        "起始狀態：ongoing（持續列管，記為 `seen`）。提案來自會議的 `propose` 決議，以 `kbbt apply` 套用",
    ),
    ("new case.source", "資料來源：顯示本案列管的文件"),
    ("new meeting.level", "平臺的會議層級之一，例如副市長層級"),
    ("new meeting.date", "會議日期（可用民國日期）"),
    (
        "new meeting.id",
        "會議編號（預設：該層級前綴的下一個號碼，例如 vm-7）",
    ),
    ("new meeting.title", "會議名稱"),
    // schema, completions
    ("schema.kind", "檔案類型"),
    ("completions.shell", "殼層"),
];

/// The help of a value, by argument id and value (`format=odt`), optionally after a command path.
const ZH_VALUE: &[(&str, &str)] = &[
    ("format=odt", "OpenDocument 文字文件套件（.odt）"),
    (
        "report.format=fodt",
        "單一 XML 檔的 OpenDocument 文字文件（.fodt）",
    ),
    ("report.format=docx", "Office Open XML（.docx）：Word"),
    (
        "report.format=xlsx",
        "Excel 活頁簿（.xlsx）：一張總表，每組一張工作表（需要 -o 檔案）",
    ),
    ("minutes.format=text", "純文字，每段一行"),
    (
        "minutes.format=fodt",
        "單一檔案的 OpenDocument 文字文件（.fodt）",
    ),
    ("minutes.format=docx", "Office Open XML（.docx）"),
    (
        "format=xlsx",
        "Excel 活頁簿（.xlsx），儲存格有型別（需要 -o 檔案）",
    ),
];

/// The about of clap's `help` subcommand and the help of its argument.
const ZH_HELP_ABOUT: &str = "顯示本說明或指定命令的說明";
const ZH_HELP_ARG: &str = "要顯示說明的命令";

/// The entry for `key` in `table`: scoped by the command `path` first, then alone.
fn zh(table: &[(&str, &'static str)], path: &str, key: &str) -> Option<&'static str> {
    let find = |k: &str| table.iter().find(|(id, _)| *id == k).map(|(_, t)| *t);
    (!path.is_empty())
        .then(|| find(&format!("{path}.{key}")))
        .flatten()
        .or_else(|| find(key))
}

/// A value as the annotations show it: its name, and its Chinese aliases in brackets (`lead（主辦城市）`).
fn shown_value(v: &clap::builder::PossibleValue) -> String {
    let zh: Vec<&str> = v
        .get_name_and_aliases()
        .skip(1)
        .filter(|a| !a.is_ascii())
        .collect();
    if zh.is_empty() {
        v.get_name().to_string()
    } else {
        format!("{}（{}）", v.get_name(), zh.join("、"))
    }
}

/// The names of the values arguments take (`<FILE>`), in Chinese.
const ZH_VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "資料夾"),
    ("FILE", "檔案"),
    ("DATE", "日期"),
    ("TEXT", "文字"),
    ("NAME", "名稱"),
    ("N", "N"),
    ("BY", "分組方式"),
    ("CASE", "案件"),
    ("COLOR", "模式"),
    ("FORMAT", "格式"),
    ("FROM", "起點"),
    ("TO", "終點"),
    ("GROUP", "組別"),
    ("ID", "編號"),
    ("KIND", "種類"),
    ("LANG", "語言"),
    ("LEAD", "主辦城市"),
    ("LEVEL", "層級"),
    ("MEETING", "會議"),
    ("MONTHS", "月數"),
    ("PARTNER", "合作城市"),
    ("PARTNERS", "合作城市"),
    ("PATHS", "路徑"),
    ("SHELL", "殼層"),
    ("SOURCE", "來源"),
    ("STATUS", "狀態"),
    ("TITLE", "案名"),
    ("TOPIC", "共同議題"),
    ("TOPICS", "共同議題"),
];

/// The value name an argument shows (`FILE`), as clap would: given, else its id in capitals.
fn value_names(a: &clap::Arg) -> Vec<String> {
    match a.get_value_names() {
        Some(v) => v.iter().map(ToString::to_string).collect(),
        None => vec![a.get_id().as_str().to_uppercase()],
    }
}

/// An argument in Chinese: its help, and the annotations clap would write in English.
fn localize_arg(a: clap::Arg, path: &str) -> clap::Arg {
    let id = a.get_id().as_str().to_string();
    let a = if a.get_action().takes_values() {
        let names: Vec<&'static str> = value_names(&a)
            .iter()
            .map(|n| zh(ZH_VALUE_NAMES, "", n).unwrap_or("值"))
            .collect();
        a.value_names(names)
    } else {
        a
    };
    let mut help = match zh(ZH_HELP, path, &id) {
        Some(h) => h.to_string(),
        None => a.get_help().map(ToString::to_string).unwrap_or_default(),
    };
    let takes_values = a.get_action().takes_values();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !a.is_hide_default_value_set() {
        help.push_str(&format!("〔預設：{}〕", defaults.join(" ")));
    }
    let values: Vec<clap::builder::PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let mut long = None;
    if takes_values && !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let chinese =
            |v: &clap::builder::PossibleValue| v.get_name_and_aliases().any(|a| !a.is_ascii());
        if values.iter().any(|v| v.get_help().is_some() || chinese(v)) {
            // As clap does: the values' help as a list under `--help`, the names alone under `-h`
            // (here also the Chinese words a value may be given as).
            let mut list = format!("{help}\n\n可用值：");
            for v in &values {
                list.push_str(&format!("\n- {}", shown_value(v)));
                let key = format!("{id}={}", v.get_name());
                match (zh(ZH_VALUE, path, &key), v.get_help()) {
                    (Some(h), _) => list.push_str(&format!("：{h}")),
                    (None, Some(h)) => list.push_str(&format!("：{h}")),
                    (None, None) => {}
                }
            }
            long = Some(list);
        }
        help.push_str(&format!("〔可用值：{}〕", names.join("、")));
    }
    if !takes_values {
        return a.help(help);
    }
    let a = a.hide_default_value(true).hide_possible_values(true);
    match long {
        Some(l) => a.help(help).long_help(l),
        None => a.help(help),
    }
}

/// A command and those below it in Chinese (`parent`: the path of the command above, none at the top).
fn localize(cmd: clap::Command, parent: Option<&str>) -> clap::Command {
    let path = match parent {
        None => String::new(),
        Some("") => cmd.get_name().to_string(),
        Some(p) => format!("{p} {}", cmd.get_name()),
    };
    let about = zh(ZH_ABOUT, "", if path.is_empty() { "kbbt" } else { &path });
    let mut template = String::from("{before-help}{about-with-newline}\n用法：{usage}");
    if cmd.has_subcommands() {
        template.push_str("\n\n命令：\n{subcommands}");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        template.push_str("\n\n參數：\n{positionals}");
    }
    template.push_str("\n\n選項：\n{options}{after-help}");
    let mut cmd = cmd
        .help_template(template)
        .subcommand_value_name("命令")
        .mut_args(|a| localize_arg(a, &path));
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    // The help flag says where the other form of the help is when there are two (as clap's does).
    let long = cmd.get_arguments().any(|a| a.get_long_help().is_some());
    let mut help = clap::Arg::new("help")
        .short('h')
        .long("help")
        .action(clap::ArgAction::Help)
        .display_order(LAST)
        .help(zh(ZH_HELP, "", "help").unwrap_or_default());
    if long {
        help = help
            .help("顯示說明（完整說明請用 --help）")
            .long_help("顯示說明（摘要請用 -h）");
    }
    cmd = cmd.disable_help_flag(true).arg(help);
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .display_order(LAST)
                .help(zh(ZH_HELP, "", "version").unwrap_or_default()),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(n, |s| localize(s, Some(&path)));
    }
    cmd
}

/// Where clap puts its own -h and -V: after the other options.
const LAST: usize = 1 << 20;

/// After clap has built the command line: its `help` subcommands in Chinese, and every usage line
/// with `[選項]` for `[OPTIONS]`.
fn finish(cmd: &mut clap::Command) {
    let bin = cmd.get_bin_name().unwrap_or(cmd.get_name()).to_string();
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            // As clap's own (`kbbt help [COMMAND]...`), which `build` expands into a copy of the tree.
            *sub = clap::Command::new("help")
                .bin_name(format!("{bin} help"))
                .about(ZH_HELP_ABOUT)
                .max_term_width(100)
                .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n參數：\n{positionals}{after-help}")
                .disable_help_flag(true)
                .disable_version_flag(true)
                .arg(
                    clap::Arg::new("subcommand")
                        .action(clap::ArgAction::Append)
                        .num_args(..)
                        .value_name("命令")
                        .help(ZH_HELP_ARG),
                );
        }
        finish(sub);
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[選項]");
    *cmd = std::mem::take(cmd).override_usage(usage);
}

/// The message of a usage error in Chinese, from its kind and context; `None` for a kind kbbt does
/// not translate (clap's English is shown then).
fn zh_message(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let string = |k| match e.get(k) {
        Some(V::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let strings = |k| match e.get(k) {
        Some(V::Strings(v)) => v.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => vec![],
    };
    let number = |k| match e.get(k) {
        Some(V::Number(n)) => Some(*n),
        _ => None,
    };
    let arg = string(K::InvalidArg);
    let value = string(K::InvalidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => arg.map(|a| format!("不明的參數 `{a}`")),
        ErrorKind::InvalidSubcommand => {
            string(K::InvalidSubcommand).map(|s| format!("不明的命令 `{s}`"))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(K::InvalidArg);
            (!missing.is_empty()).then(|| {
                let mut m = String::from("缺少下列必要的參數：");
                for a in missing {
                    m.push_str(&format!("\n  {a}"));
                }
                m
            })
        }
        ErrorKind::InvalidValue => arg.zip(value).map(|(a, v)| {
            let mut m = if v.is_empty() {
                format!("`{a}` 需要一個值，但未提供")
            } else {
                format!("`{v}` 不是 `{a}` 的有效值")
            };
            let valid = strings(K::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!("\n  〔可用值：{}〕", valid.join("、")));
            }
            m
        }),
        ErrorKind::ValueValidation => arg.zip(value).map(|(a, v)| {
            let mut m = format!("`{v}` 不是 `{a}` 的有效值");
            if let Some(reason) = std::error::Error::source(e) {
                m.push_str(&format!("：{}", zh_reason(&reason.to_string())));
            }
            m
        }),
        ErrorKind::ArgumentConflict => {
            let prior = e.get(K::PriorArg);
            let with = |what: String| match prior {
                Some(V::String(p)) => format!("{what}不能與 `{p}` 同時使用"),
                Some(V::Strings(p)) => {
                    let lines: String = p.iter().map(|p| format!("\n  {p}")).collect();
                    format!("{what}不能與下列參數同時使用：{lines}")
                }
                _ => format!("{what}不能與其他指定的參數同時使用"),
            };
            match (arg, string(K::InvalidSubcommand)) {
                (Some(a), _) if prior == Some(&V::String(a.to_string())) => {
                    Some(format!("`{a}` 不能使用多次"))
                }
                (Some(a), _) => Some(with(format!("`{a}` "))),
                (None, Some(s)) => Some(with(format!("命令 `{s}` "))),
                (None, None) => None,
            }
        }
        ErrorKind::MissingSubcommand => string(K::InvalidSubcommand).map(|s| {
            let mut m = format!("`{s}` 需要一個命令，但未提供");
            let valid = strings(K::ValidSubcommand);
            if !valid.is_empty() {
                m.push_str(&format!("\n  〔可用命令：{}〕", valid.join("、")));
            }
            m
        }),
        ErrorKind::NoEquals => arg.map(|a| format!("`{a}` 的值須以等號指定")),
        ErrorKind::TooManyValues => arg
            .zip(value)
            .map(|(a, v)| format!("`{a}` 的值 `{v}` 是多餘的")),
        ErrorKind::TooFewValues => arg
            .zip(number(K::ActualNumValues))
            .zip(number(K::MinValues))
            .map(|((a, n), min)| format!("`{a}` 需要 {min} 個值，只提供了 {n} 個")),
        ErrorKind::WrongNumberOfValues => arg
            .zip(number(K::ActualNumValues))
            .zip(number(K::ExpectedNumValues))
            .map(|((a, n), want)| format!("`{a}` 需要 {want} 個值，卻提供了 {n} 個")),
        ErrorKind::InvalidUtf8 => Some("參數不是有效的 UTF-8".to_string()),
        _ => None,
    }
}

/// A usage error of clap in Traditional Chinese, written from its kind and context (clap's own text is
/// English only). A kind or a context this does not know is left to clap.
pub fn zh_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind as K, ContextValue as V};
    let strings = |k| match e.get(k) {
        Some(V::Strings(v)) => v.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => vec![],
    };
    // `a`, `a` 或 `b`, `a`、`b` 或 `c`
    let either = |v: &[String]| {
        let q: Vec<String> = v.iter().map(|s| format!("`{s}`")).collect();
        match q.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} 或 {last}", rest.join("、")),
            _ => q.concat(),
        }
    };
    let message = zh_message(e);
    let english = e.render().to_string();
    let Some(message) = message else {
        return english;
    };
    let mut out = format!("錯誤：{message}");
    let mut tips = vec![];
    for k in [K::SuggestedSubcommand, K::SuggestedArg, K::SuggestedValue] {
        let similar = strings(k);
        if !similar.is_empty() {
            tips.push(format!("是否指 {}？", either(&similar)));
        }
    }
    if let Some(V::StyledStrs(suggested)) = e.get(K::Suggested) {
        tips.extend(suggested.iter().map(|s| zh_tip(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str(&format!("\n  提示：{t}"));
        }
    }
    if let Some(V::StyledStr(usage)) = e.get(K::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n\n用法：{usage}"));
    }
    // The flag clap names is not in the context; its English text has it.
    let help = english
        .split_once("For more information, try '")
        .and_then(|(_, rest)| rest.split_once("'."))
        .map(|(flag, _)| flag);
    match help {
        Some(flag) => out.push_str(&format!("\n\n更多說明請用 `{flag}`。\n")),
        None => out.push('\n'),
    }
    out
}

/// Why a value did not parse (clap passes on the standard library's English), in Chinese where known.
fn zh_reason(reason: &str) -> String {
    match reason {
        "invalid digit found in string" => return "不是整數".to_string(),
        "cannot parse integer from empty string" => return "沒有數字".to_string(),
        "number too large to fit in target type" => return "數字過大".to_string(),
        "number too small to fit in target type" => return "數字過小".to_string(),
        _ => {}
    }
    // `5 is not in 20..=65535`
    if let Some((n, range)) = reason.split_once(" is not in ")
        && let Some((low, high)) = range.split_once("..=")
    {
        return format!("{n} 不在 {low} 到 {high} 之間");
    }
    reason.to_string()
}

/// One of clap's tips in Chinese (the three it gives), or as it is.
fn zh_tip(tip: &str) -> String {
    let parts: Vec<&str> = tip.split('\'').collect();
    match parts.as_slice() {
        ["to pass ", what, " as a value, use ", how, ""] => {
            format!("若要把 `{what}` 當作值，請用 `{how}`")
        }
        ["", what, " exists"] => format!("有 `{what}`"),
        [
            "subcommand ",
            what,
            " exists; to use it, remove the ",
            "--",
            " before it",
        ] => {
            format!("有命令 `{what}`；若要使用，請去掉前面的 `--`")
        }
        _ => tip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of a built command line by path (`` for the top, `import minutes`); clap's `help`
    /// subcommands are listed but not entered (in English, `build` fills them with a copy of the tree).
    fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.to_string(), cmd.clone()));
        if cmd.get_name() == "help" && !path.is_empty() {
            return;
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            commands(sub, &p, out);
        }
    }

    fn tree(lang: Lang) -> Vec<(String, clap::Command)> {
        let mut cmd = command(lang);
        cmd.build();
        let mut out = vec![];
        commands(&cmd, "", &mut out);
        out
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    fn is_help_command(path: &str) -> bool {
        path == "help" || path.ends_with(" help")
    }

    /// The test that fails when a command or an argument is added without its Chinese text: every
    /// command and argument of the English command line has an entry in the tables, and the Chinese
    /// command line shows it.
    #[test]
    fn every_command_and_argument_has_chinese() {
        let zh_tree = tree(Lang::ZhTw);
        let mut missing = vec![];
        for (path, en) in tree(Lang::En) {
            let Some((_, zh_cmd)) = zh_tree.iter().find(|(p, _)| *p == path) else {
                missing.push(format!(
                    "command `{path}` is not in the Chinese command line"
                ));
                continue;
            };
            let about = zh_cmd
                .get_about()
                .map(ToString::to_string)
                .unwrap_or_default();
            if is_help_command(&path) {
                assert_eq!(about, ZH_HELP_ABOUT, "{path}");
            } else if zh(ZH_ABOUT, "", if path.is_empty() { "kbbt" } else { &path }).is_none() {
                missing.push(format!("ZH_ABOUT has no `{path}`"));
            }
            let long = zh_cmd.get_long_about().map(ToString::to_string);
            for text in [Some(about), long].into_iter().flatten() {
                if !has_cjk(&text) {
                    missing.push(format!("`{path}`: the about is not Chinese: {text:?}"));
                }
            }
            for a in en.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = a.get_id().as_str();
                let Some(z) = zh_cmd.get_arguments().find(|z| z.get_id() == a.get_id()) else {
                    missing.push(format!("`{path}` has no argument `{id}` in Chinese"));
                    continue;
                };
                if is_help_command(&path) {
                    assert_eq!(
                        z.get_help().map(ToString::to_string).as_deref(),
                        Some(ZH_HELP_ARG)
                    );
                    continue;
                }
                if zh(ZH_HELP, &path, id).is_none() {
                    missing.push(format!("ZH_HELP has no `{path}.{id}` (nor `{id}`)"));
                }
                for text in [z.get_help(), z.get_long_help()].into_iter().flatten() {
                    if !has_cjk(&text.to_string()) {
                        missing.push(format!("`{path}.{id}`: the help is not Chinese: {text:?}"));
                    }
                }
                if a.get_action().takes_values() {
                    for n in value_names(a) {
                        if zh(ZH_VALUE_NAMES, "", &n).is_none() {
                            missing.push(format!("ZH_VALUE_NAMES has no `{n}` (`{path}.{id}`)"));
                        }
                    }
                }
                for v in a.get_possible_values() {
                    let key = format!("{id}={}", v.get_name());
                    if v.get_help().is_some() && zh(ZH_VALUE, &path, &key).is_none() {
                        missing.push(format!("ZH_VALUE has no `{path}.{key}` (nor `{key}`)"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// An entry of the tables that no command uses is a mistake (a renamed argument, a typo).
    #[test]
    fn every_table_entry_is_used() {
        let en = tree(Lang::En);
        let args = |path: Option<&str>, id: &str| {
            en.iter()
                .filter(|(p, _)| path.is_none_or(|path| p == path))
                .flat_map(|(_, c)| c.get_arguments().cloned().collect::<Vec<_>>())
                .filter(|a| a.get_id() == id)
                .collect::<Vec<_>>()
        };
        let split = |key: &'static str| match key.rsplit_once('.') {
            Some((path, id)) => (Some(path), id),
            None => (None, key),
        };
        for (key, _) in ZH_ABOUT {
            assert!(
                *key == "kbbt" || en.iter().any(|(p, _)| p == key),
                "ZH_ABOUT `{key}`"
            );
        }
        for (key, _) in ZH_HELP {
            let (path, id) = split(key);
            assert!(!args(path, id).is_empty(), "ZH_HELP `{key}` is no argument");
        }
        for (key, _) in ZH_VALUE {
            let (arg, value) = key.split_once('=').expect("id=value");
            let (path, id) = split(arg);
            let found = args(path, id).iter().any(|a| {
                a.get_possible_values()
                    .iter()
                    .any(|v| v.get_name() == value && v.get_help().is_some())
            });
            assert!(found, "ZH_VALUE `{key}` is no value with help");
        }
    }

    /// Runs of three or more English words (`the first folder`), outside `code` and the usage line.
    fn english_words(help: &str) -> Vec<String> {
        let mut found = vec![];
        for line in help.lines().filter(|l| !l.starts_with("用法：")) {
            let plain: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            let mut run = vec![];
            for word in plain.split_whitespace().chain([""]) {
                if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) {
                    run.push(word);
                } else {
                    if run.len() >= 3 {
                        found.push(run.join(" "));
                    }
                    run.clear();
                }
            }
        }
        found
    }

    #[test]
    fn chinese_help_has_no_english_left() {
        for (path, cmd) in tree(Lang::ZhTw) {
            for help in [
                cmd.clone().render_help().to_string(),
                cmd.clone().render_long_help().to_string(),
            ] {
                for en in [
                    "Usage",
                    "Options",
                    "Arguments",
                    "Commands",
                    "[default",
                    "possible values",
                    "Possible values",
                    "Print",
                    "[OPTIONS]",
                    "<COMMAND>",
                    "tip:",
                ] {
                    assert!(
                        !help.contains(en),
                        "`kbbt {path} --help` has {en:?}:\n{help}"
                    );
                }
                assert!(
                    english_words(&help).is_empty(),
                    "`kbbt {path} --help` has English: {:?}\n{help}",
                    english_words(&help)
                );
                assert!(
                    help.lines().all(|l| !l.ends_with(':')),
                    "`kbbt {path} --help`: a heading with `:`\n{help}"
                );
                assert!(help.contains("用法：kbbt"), "{help}");
            }
            // clap breaks lines at spaces only: a Chinese text must fit where it stands.
            for help in [
                cmd.clone().term_width(100).render_help().to_string(),
                cmd.clone().term_width(100).render_long_help().to_string(),
            ] {
                for line in help.lines() {
                    let width = unicode_width::UnicodeWidthStr::width(line);
                    assert!(
                        width <= 100,
                        "`kbbt {path} --help`: {width} columns: {line}"
                    );
                    let ticks = line.matches('`').count();
                    assert!(
                        ticks % 2 == 0,
                        "`kbbt {path} --help`: broken in `code`: {line}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_english_words_check_finds_english() {
        assert_eq!(
            english_words("  -C  Use the register in DIR"),
            ["the register in"]
        );
        assert!(english_words("  -o  寫入此檔案（`kbbt import progress` 讀回）").is_empty());
    }

    fn zh_error_of(args: &[&str]) -> clap::Error {
        let mut argv = vec!["kbbt"];
        argv.extend_from_slice(args);
        command(Lang::ZhTw)
            .try_get_matches_from(argv)
            .expect_err("a usage error")
    }

    #[test]
    fn usage_errors_in_chinese() {
        for (args, want) in [
            (
                &["list", "--foo"][..],
                "錯誤：不明的參數 `--foo`\n\n用法：kbbt list [選項]\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["lsit"],
                "錯誤：不明的命令 `lsit`\n\n  提示：是否指 `validate` 或 `list`？\n\n用法：kbbt [選項] <命令>\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["new", "case", "--title", "x"],
                "錯誤：缺少下列必要的參數：\n  --group <組別>\n\n用法：kbbt new case [選項] --group <組別> --title <案名>\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["validate", "--format", "xml"],
                "錯誤：`xml` 不是 `--format <格式>` 的有效值\n  〔可用值：text、json、github〕\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["import", "progress", "a", "--complete", "--skip-unmatched"],
                "錯誤：`--complete` 不能與 `--skip-unmatched` 同時使用\n\n用法：kbbt import progress [選項] <檔案>...\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["--width", "5", "list"],
                "錯誤：`5` 不是 `--width <N>` 的有效值：5 不在 20 到 65535 之間\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["list", "--ascii", "--ascii"],
                "錯誤：`--ascii` 不能使用多次\n\n用法：kbbt list [選項]\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["list", "--fromat", "csv"],
                "錯誤：不明的參數 `--fromat`\n\n  提示：是否指 `--format`？\n\n用法：kbbt list [選項]\n\n更多說明請用 `--help`。\n",
            ),
            (
                &["list", "--format"],
                "錯誤：`--format <格式>` 需要一個值，但未提供\n  〔可用值：table、json、csv、markdown、xlsx〕\n\n更多說明請用 `--help`。\n",
            ),
        ] {
            let e = zh_error_of(args);
            assert_eq!(e.exit_code(), 2, "{args:?}");
            assert_eq!(zh_error(&e), want, "{args:?}");
        }
    }

    #[test]
    fn clap_tips_in_chinese() {
        assert_eq!(
            zh_tip("to pass '--x' as a value, use '-- --x'"),
            "若要把 `--x` 當作值，請用 `-- --x`"
        );
        assert_eq!(zh_tip("'list --raw' exists"), "有 `list --raw`");
        assert_eq!(
            zh_tip("subcommand 'list' exists; to use it, remove the '--' before it"),
            "有命令 `list`；若要使用，請去掉前面的 `--`"
        );
        assert_eq!(zh_tip("something new"), "something new");
    }

    #[test]
    fn the_chinese_words_of_by() {
        let m = command(Lang::ZhTw)
            .try_get_matches_from(["kbbt", "status", "--by", "主辦城市"])
            .expect("parses");
        let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).expect("a Cli");
        assert!(matches!(
            cli.command,
            Command::Status(StatusArgs { by: By::Lead, .. })
        ));
        let m = <Cli as clap::CommandFactory>::command()
            .try_get_matches_from([
                "kbbt",
                "export",
                "progress-forms",
                "-o",
                "x",
                "--by",
                "組別",
            ])
            .expect("parses in English too");
        let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).expect("a Cli");
        let Command::Export {
            what: ExportCommand::ProgressForms(a),
        } = cli.command
        else {
            panic!("export progress-forms");
        };
        assert_eq!(a.by, By::Group);
    }
}
