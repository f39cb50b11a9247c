//! `kbbt validate [PATH…]`: every check on every file; all findings, then one exit code.

use super::{Env, Outcome};
use crate::cli::FindingFormat;
use crate::finding;
use crate::render;
use std::path::PathBuf;

pub fn run(env: &Env, paths: &[PathBuf], format: FindingFormat) -> Outcome {
    let wanted = match env.register_paths(paths) {
        Ok(w) => w,
        Err(o) => return o,
    };
    let (reg, mut findings) = crate::load::load_with(&env.root, crate::load::Texts::Drop);
    let (ncases, nmeetings) = reg
        .as_ref()
        .map_or((0, 0), |r| (r.cases.len(), r.meetings.len()));
    if let Some(reg) = &reg {
        findings.extend(crate::check::run(reg));
    }
    if !paths.is_empty() {
        findings.retain(|f| {
            wanted
                .iter()
                .any(|w| w.as_os_str().is_empty() || f.file.starts_with(w))
        });
    }
    finding::sort(&mut findings);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let code = i32::from(errors > 0);
    let stdout = match format {
        FindingFormat::Json => render::findings_json(&findings, &env.shown),
        FindingFormat::Github => {
            let mut s = render::findings_github(&findings, &env.shown);
            s.push_str(&format!(
                "kbbt validate: {}\n",
                render::summary_line(&findings)
            ));
            s
        }
        FindingFormat::Text => {
            let mut s = env.findings(&findings);
            if findings.is_empty() {
                s.push_str(&format!(
                    "ok: {ncases} cases and {nmeetings} meetings checked, no problems\n"
                ));
            } else {
                s.push_str(&format!("{}\n", render::summary_line(&findings)));
            }
            s
        }
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code,
        machine: format != FindingFormat::Text,
    }
}
