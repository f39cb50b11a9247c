use clap::Parser;
use std::io::Write;

fn main() {
    let cli = kbbt::cli::Cli::parse();
    let out = kbbt::cmd::run(&cli);
    // A closed pipe (`kbbt list | head`) is not an error worth a message.
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.code);
}
