//! `kbbt validate [PATH…]`: every check on every file; all findings, then one exit code.

use super::{Env, Outcome};
use crate::cli::{FindingFormat, ValidateArgs};
use kbbt::exit::Exit;
use kbbt::finding;
use kbbt::msg::Msg;
use kbbt::render;

pub fn run(env: &Env, args: &ValidateArgs) -> Outcome {
    let (paths, format) = (&args.paths, args.format);
    let wanted = match env.register_paths(paths) {
        Ok(w) => w,
        Err(o) => return o,
    };
    let (reg, mut findings) = kbbt::load::load_with(&env.root, kbbt::load::Texts::Lean);
    let (ncases, nmeetings) = reg
        .as_ref()
        .map_or((0, 0), |r| (r.cases.len(), r.meetings.len()));
    if let Some(reg) = &reg {
        findings.extend(kbbt::check::run(reg));
        findings.extend(kbbt::modeline::findings(reg));
    }
    finding::sort(&mut findings);
    if let Some(reg) = &reg {
        fold(reg, &mut findings);
    }
    if !paths.is_empty() {
        findings.retain(|f| {
            wanted
                .iter()
                .any(|w| w.as_os_str().is_empty() || f.file.starts_with(w))
        });
        // A finding whose cause is outside the paths asked for is shown as it is.
        let causes: std::collections::HashSet<finding::Cause> = findings
            .iter()
            .map(|f| finding::Cause {
                file: f.file.clone(),
                pos: f.pos,
            })
            .collect();
        for f in &mut findings {
            if f.caused_by.as_ref().is_some_and(|c| !causes.contains(c)) {
                f.caused_by = None;
            }
        }
    }
    // The process ends right after printing: tearing the register down piece by piece would only
    // cost time (a few per cent of the run on a large register).
    std::mem::forget(reg);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let code = Exit::problems_if(errors > 0);
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
            let last = if findings.is_empty() {
                Msg::new(&kbbt::catalog::VALIDATE_OK)
                    .count("cases", ncases, "case", "cases")
                    .count("meetings", nmeetings, "meeting", "meetings")
            } else {
                render::summary_line(&findings)
            };
            s.push_str(&last.render(env.style.lang));
            s.push('\n');
            s
        }
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code,
        machine: format != FindingFormat::Text,
        ..Outcome::default()
    }
}

/// Fold the findings that follow from a case file that failed to load under that file's first error.
fn fold(reg: &kbbt::model::Register, findings: &mut [finding::Finding]) {
    let loaded: std::collections::HashSet<&std::path::Path> =
        reg.cases.iter().map(|d| d.path.as_path()).collect();
    let mut failed: Vec<finding::Cause> = Vec::new();
    for f in findings.iter() {
        if f.is_error()
            && f.file.starts_with("cases")
            && !loaded.contains(f.file.as_path())
            && !failed.iter().any(|c| c.file == f.file)
        {
            failed.push(finding::Cause {
                file: f.file.clone(),
                pos: f.pos,
            });
        }
    }
    let groups: Vec<(String, String)> = reg
        .platform
        .value
        .groups
        .iter()
        .map(|g| (g.value.name.value.clone(), g.value.code.value.clone()))
        .collect();
    finding::fold_cascades(findings, &failed, &groups);
}
