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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Group,
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

/// The command line in a language: English as declared above, or with Traditional Chinese help.
pub fn command(lang: kbbt::i18n::Lang) -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    if lang == kbbt::i18n::Lang::En {
        return cmd;
    }
    localize(cmd.about("以 YAML 檔案保存合作平臺的案件登記簿：檢查、套用會議決議、產生報告"))
}

/// Help texts in Traditional Chinese, by subcommand name (about) and argument id (help).
const ZH_ABOUT: &[(&str, &str)] = &[
    ("validate", "檢查登記簿的每個檔案，並列出每個問題及其位置"),
    ("status", "一場會議各組的統計及歷來累計"),
    ("list", "依組別、狀態、城市、共同議題或文字查詢案件"),
    ("show", "一件案件的資料卡：歷程及最新辦理情形"),
    ("fmt", "將檔案改寫為標準格式"),
    (
        "apply",
        "將一場會議的決議套用至案件檔（全部成功或全部不變）",
    ),
    ("minutes", "以會議紀錄的用語輸出決議事項"),
    (
        "report",
        "合作方案辦理情形報告（Markdown、HTML、ODT 或 DOCX）",
    ),
    ("check", "提醒：辦理情形過舊的持續列管案件"),
    (
        "stale",
        "最新辦理情形早於 N 個月的持續列管案件（有則結束代碼為 1）",
    ),
    ("import", "匯入外部資料"),
    (
        "recover",
        "完成一次中斷的寫入（當機、磁碟已滿），先確認它確為 kbbt 所留",
    ),
    (
        "progress",
        "由辦理情形表格（報告的 Tab 分隔文字或 CSV）或填妥的填報表（.xlsx／.ods）新增辦理情形",
    ),
    ("export", "輸出供他人填寫的檔案"),
    (
        "progress-forms",
        "辦理情形填報表（.xlsx）：每個主辦城市或組別一個活頁簿，供填寫其持續列管案件的辦理情形",
    ),
    ("new", "以下一個可用編號建立格式正確的新檔案"),
    ("case", "新案件檔：cases/<代碼>/<編號>.yaml"),
    ("meeting", "新會議檔：meetings/<編號>.yaml"),
    ("schema", "輸出檔案類型的 JSON Schema（供編輯器使用）"),
    ("completions", "輸出命令列自動完成腳本"),
    ("man", "輸出使用手冊（roff）"),
    ("help", "顯示說明"),
];

const ZH_HELP: &[(&str, &str)] = &[
    ("apply.meeting", "會議檔，例如 meetings/vm-7.yaml"),
    (
        "minutes.meeting",
        "會議編號或會議檔（vm-3、meetings/vm-3.yaml）",
    ),
    ("show.case", "案件編號、案名或別名"),
    (
        "progress.file",
        "辦理情形表格檔（Tab 分隔文字或 CSV），或填妥的填報表（.xlsx／.ods，可一次多個）",
    ),
    (
        "progress-forms.by",
        "每個組別（預設）或每個主辦城市一個活頁簿",
    ),
    (
        "progress-forms.output",
        "寫入活頁簿的資料夾（不存在則建立）",
    ),
    (
        "progress-forms.as_of",
        "填報的資料時間：列出當日持續列管的案件（預設：今天）",
    ),
    ("bom", "CSV 開頭加上 UTF-8 BOM（供 Excel 開啟）"),
    ("schema.kind", "檔案類型"),
    ("completions.shell", "殼層"),
    ("case.title", "案名"),
    ("case.source", "資料來源"),
    ("case.status", "起始狀態"),
    ("meeting.level", "會議層級，例如 副市長層級"),
    ("meeting.date", "會議日期（可用民國日期）"),
    (
        "meeting.id",
        "會議編號（預設：該層級的下一個編號，例如 vm-7）",
    ),
    ("meeting.title", "會議名稱"),
    (
        "register",
        "使用 DIR 的登記簿（預設：由目前資料夾往上找到的第一個 platform.yaml）",
    ),
    ("color", "何時使用色彩"),
    (
        "lang",
        "標籤及訊息的語言（預設依 LC_ALL / LC_MESSAGES / LANG）",
    ),
    ("format", "輸出格式"),
    ("group", "組別：名稱、代碼或別名（交通組、TR、交通）"),
    ("meeting", "會議編號（預設：最近一場作成決議的會議）"),
    (
        "as_of",
        "截至此日期（2024-12-31、113-12-31 或 113年12月31日）",
    ),
    ("by", "會議統計依組別（預設）或主辦城市分列"),
    ("ascii", "只用 ASCII 字元畫表格"),
    (
        "raw",
        "搭配 --format csv：儲存格原樣輸出（不防範試算表公式）",
    ),
    (
        "status",
        "狀態：proposed、ongoing、delisted、merged 或 replaced",
    ),
    ("lead", "主辦城市"),
    ("partner", "合作城市（或主辦）"),
    ("topic", "共同議題"),
    ("text", "在案名、別名、備註及辦理情形中搜尋的文字"),
    ("paths", "只處理這些檔案或資料夾"),
    ("check", "只列出將變更之處（有則結束代碼為 1）"),
    ("dry_run", "列出將變更之處及差異，不寫入任何檔案"),
    ("accept_discrepancy", "數字不符時仍套用，並將差異記入會議檔"),
    ("commit", "套用後以 git 提交變更的檔案"),
    ("allow_dirty", "cases/ 或 meetings/ 有未提交的變更時仍套用"),
    ("allow_out_of_order", "套用日期早於最近已套用會議的會議"),
    ("as_published", "有記錄差異時輸出紀錄所載數字"),
    ("output", "寫入此檔案而非標準輸出"),
    (
        "font",
        "odt、fodt 及 docx 的字型（備用：DFKai-SB、新細明體、Noto CJK TC）",
    ),
    (
        "width",
        "終端機表格的寬度（預設：終端機寬度；輸出至管線時不換行）",
    ),
    ("register_names", "以登記簿的案名取代會議檔的寫法"),
    ("months", "月數"),
    (
        "skip_unmatched",
        "匯入對得上的案名，並列出對不上的，而非全部拒絕",
    ),
];

fn localize(cmd: clap::Command) -> clap::Command {
    let name = cmd.get_name().to_string();
    let about = ZH_ABOUT.iter().find(|(n, _)| *n == name).map(|(_, a)| *a);
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("顯示說明"),
        )
        .mut_args(|a| {
            let scoped = format!("{name}.{}", a.get_id());
            let help = ZH_HELP
                .iter()
                .find(|(id, _)| *id == scoped)
                .or_else(|| ZH_HELP.iter().find(|(id, _)| a.get_id() == *id))
                .map(|(_, h)| *h);
            let a = if a.is_positional() {
                a.help_heading("參數")
            } else {
                a.help_heading("選項")
            };
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("顯示版本")
                .help_heading("選項"),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(n, localize);
    }
    cmd
}
