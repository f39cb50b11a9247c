//! Commands about kbbt itself, needing no register: completions, man page, JSON Schemas.

use super::Outcome;
use crate::cli::{Cli, SchemaKind, Shell};
use clap::CommandFactory;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::msg::{Msg, Said};

pub fn completions(shell: Shell) -> Outcome {
    let sh = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
        Shell::Elvish => clap_complete::Shell::Elvish,
    };
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(sh, &mut cmd, "kbbt", &mut buf);
    Outcome::machine(String::from_utf8_lossy(&buf).into_owned())
}

/// Sections clap does not know about, in roff.
const EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success (for \fBvalidate\fR: no errors; warnings may be printed).
.TP
\fB1\fR
The register or a meeting has problems, or a command that writes refused (nothing was written), or \fBfmt \-\-check\fR found files to reformat.
.TP
\fB2\fR
The command line is wrong: an unknown command or flag, a bad date or group, no register found.
.SH FILES
.TP
\fIplatform.yaml\fR
The platform: name, members, groups, meeting levels, topics. kbbt finds the register by walking up from the working directory to the first folder holding it.
.TP
\fIcases/<code>/<id>.yaml\fR
One file per case.
.TP
\fImeetings/<id>.yaml\fR
One file per meeting.
.TP
\fI.kbbt/\fR
kbbt's lock and write journal.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour is used.
.SH "SEE ALSO"
docs/FORMAT.md and docs/WORKFLOWS.md in kbbt's repository.
"#;

pub fn man() -> Outcome {
    let m = clap_mangen::Man::new(Cli::command());
    let mut buf = Vec::new();
    let rendered = (|| -> std::io::Result<()> {
        m.render_title(&mut buf)?;
        m.render_name_section(&mut buf)?;
        m.render_synopsis_section(&mut buf)?;
        m.render_description_section(&mut buf)?;
        m.render_options_section(&mut buf)?;
        m.render_subcommands_section(&mut buf)?;
        buf.extend_from_slice(EXTRA.as_bytes());
        m.render_version_section(&mut buf)
    })();
    match rendered {
        Ok(()) => Outcome::machine(tidy_roff(&String::from_utf8_lossy(&buf))),
        Err(e) => {
            let msg = Msg::new(&cat::CANNOT_RENDER_MAN).os("cause", e.to_string());
            Outcome::refuse(Exit::Problems, Said::error(msg))
        }
    }
}

/// Each rendered section repeats the definition of the apostrophe string (`Aq`); keep one, after
/// the `.TH` line, which by convention opens a man page.
fn tidy_roff(roff: &str) -> String {
    let preamble = [r".ie \n(.g .ds Aq \(aq", ".el .ds Aq '"];
    let mut title = String::new();
    let mut body = String::new();
    for line in roff.lines() {
        if preamble.contains(&line) {
            continue;
        }
        if line.starts_with(".TH ") && title.is_empty() {
            title = format!("{line}\n");
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    format!("{title}{}\n{}\n{body}", preamble[0], preamble[1])
}

pub fn schema(kind: SchemaKind) -> Outcome {
    let name = match kind {
        SchemaKind::Case => "case",
        SchemaKind::Meeting => "meeting",
        SchemaKind::Platform => "platform",
    };
    match kbbt::schema::text_of(name) {
        Some(s) => Outcome::machine(s),
        None => Outcome::refuse(
            Exit::Usage,
            Said::error(Msg::new(&cat::NO_SCHEMA).text("name", name)),
        ),
    }
}
