//! The command line (clap only). Arguments become a [`Cli`]; `cmd` does the work.

use clap::{Parser, Subcommand, ValueEnum};
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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingFormat {
    Text,
    Json,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    Markdown,
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
    Validate {
        /// Report only on these files or folders (the whole register is still checked)
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FindingFormat::Text)]
        format: FindingFormat,
    },
    /// Per-group tallies of a meeting and the all-time view
    Status {
        /// A group: name, code or alias (交通組, TR, 交通)
        #[arg(long)]
        group: Option<String>,
        /// A meeting id (default: the latest meeting with decisions)
        #[arg(long)]
        meeting: Option<String>,
        /// The state as of a date (2024-12-31 or 113-12-31 or 113年12月31日)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Break the meeting's tallies down by group (default) or by lead city
        #[arg(long, value_enum, default_value_t = By::Group)]
        by: By,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Draw tables with ASCII characters only
        #[arg(long)]
        ascii: bool,
    },
    /// Find cases by group, status, city, topic or text
    List {
        #[arg(long)]
        group: Option<String>,
        /// proposed, ongoing, delisted, merged or replaced
        #[arg(long)]
        status: Option<String>,
        /// Lead city
        #[arg(long)]
        lead: Option<String>,
        /// Partner city (or lead)
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        topic: Option<String>,
        /// Text to find in titles, aliases, notes and progress (normalised like names)
        #[arg(long)]
        text: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[arg(long)]
        ascii: bool,
    },
    /// One case's card: history and latest progress
    Show {
        /// A case id, title or alias
        case: String,
        #[arg(long, value_enum, default_value_t = CardFormat::Text)]
        format: CardFormat,
    },
    /// Rewrite case files into the canonical layout
    Fmt {
        /// Only report what would change (exit 1 if anything would)
        #[arg(long)]
        check: bool,
        /// Only these files or folders
        paths: Vec<PathBuf>,
    },
    /// Apply a meeting's decisions to the case files, all or nothing
    Apply {
        /// The meeting file, e.g. meetings/vm-7.yaml
        meeting: PathBuf,
        /// Print what would change, with a diff, and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Apply even if stated counts disagree, and record the discrepancies in the meeting file
        #[arg(long)]
        accept_discrepancy: bool,
        /// Commit the changed files with git afterwards
        #[arg(long)]
        commit: bool,
        /// Apply although cases/ or meetings/ have uncommitted changes
        #[arg(long)]
        allow_dirty: bool,
        /// Apply a meeting dated before the latest applied one
        #[arg(long)]
        allow_out_of_order: bool,
    },
}
