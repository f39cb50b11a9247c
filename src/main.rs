mod cli;
mod cmd;

use clap::FromArgMatches;
use std::io::Write;

fn main() {
    // The language is known before parsing, so that `--help` is in it too.
    // `args_os`: an argument that is not UTF-8 must reach clap (which refuses it with exit 2), not panic.
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1).map(String::as_str))
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--lang=")));
    let lang = match flag {
        Some(l) => kbbt::i18n::from_locale(l),
        None => kbbt::i18n::detect(None),
    };
    let matches = cli::command(lang)
        .try_get_matches()
        .unwrap_or_else(|e| clap_exit(&e, lang));
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| clap_exit(&e, lang));
    let out = cmd::run(&cli);
    // A closed pipe (`kbbt list | head`) is not an error worth a message; any other failure to write
    // the output (a full disk) is: the output was cut short, so the exit code says so.
    let mut code = out.code.code();
    let mut stdout = std::io::stdout();
    if let Err(e) = stdout
        .write_all(out.stdout.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(std::io::stderr(), "error: cannot write the output: {e}");
        code = code.max(1);
    }
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(code);
}

/// clap's own exits: help and version as clap prints them; a usage error in the user's language
/// (exit 2 either way).
fn clap_exit(e: &clap::Error, lang: kbbt::i18n::Lang) -> ! {
    let shown_as_help = matches!(
        e.kind(),
        clap::error::ErrorKind::DisplayHelp
            | clap::error::ErrorKind::DisplayVersion
            | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == kbbt::i18n::Lang::En || shown_as_help {
        e.exit()
    }
    let _ = std::io::stderr().write_all(cli::zh_error(e).as_bytes());
    std::process::exit(e.exit_code())
}
