//! `kbbt fmt [--check]`: every file in the canonical layout (for case files, the one `apply` writes).

use super::{Env, Outcome};
use kbbt::apply::unified_diff;
use kbbt::canon;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::finding::{self, Finding};
use kbbt::model::Doc;
use kbbt::msg::Msg;
use kbbt::write::FileChange;
use kbbt::yaml::Pos;
use std::path::{Path, PathBuf};

/// The canonical text of one file, if it differs: `None` when it is already canonical.
/// A schema modeline that does not resolve from the file's folder is rewritten to the file's depth.
fn reformat<T: PartialEq + serde::de::DeserializeOwned>(
    root: &Path,
    doc: &Doc<T>,
    emit: fn(&T, &str) -> String,
) -> Option<Result<FileChange, Finding>> {
    let header = canon::header(&doc.text);
    let fixed = kbbt::modeline::fix(root, &doc.path, &header);
    let mut new = emit(&doc.value, fixed.as_deref().unwrap_or(&header));
    if doc.text.starts_with('\u{feff}') {
        new.insert(0, '\u{feff}');
    }
    if doc.text.contains("\r\n") {
        new = new.replace('\n', "\r\n");
    }
    if new == doc.text {
        return None;
    }
    if canon::has_body_comments(&doc.text) {
        if let Some(fixed) = fixed {
            // Only the modeline is rewritten; the body keeps its layout and its comments.
            return Some(Ok(FileChange {
                path: doc.path.clone(),
                old: Some(doc.text.clone()),
                new: with_header(&doc.text, &fixed),
            }));
        }
        return Some(Err(Finding::warning(
            "fmt-comments",
            &doc.path,
            Pos::NONE,
            Msg::new(&cat::FMT_HAS_COMMENTS),
        )
        .with_hint(Msg::new(&cat::MOVE_COMMENTS))));
    }
    Some(match kbbt::yaml::parse::<T>(&new) {
        Ok(v) if v == doc.value => Ok(FileChange {
            path: doc.path.clone(),
            old: Some(doc.text.clone()),
            new,
        }),
        _ => Err(Finding::error(
            "fmt",
            &doc.path,
            Pos::NONE,
            Msg::new(&cat::FMT_WOULD_CHANGE_DATA),
        )),
    })
}

/// `text` with its leading comment lines replaced by `header` (BOM and line ends kept).
fn with_header(text: &str, header: &str) -> String {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(b) => ("\u{feff}", b),
        None => ("", text),
    };
    let old_len: usize = body
        .split_inclusive('\n')
        .take_while(|l| l.starts_with('#'))
        .map(str::len)
        .sum();
    let header = if text.contains("\r\n") {
        header.replace('\n', "\r\n")
    } else {
        header.to_string()
    };
    format!("{bom}{header}{}", &body[old_len..])
}

pub fn run(env: &Env, check: bool, paths: &[PathBuf]) -> Outcome {
    let wanted = match env.register_paths(paths) {
        Ok(w) => w,
        Err(o) => return o,
    };
    let _lock = match super::write_lock(env, check) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let (reg, mut findings) = kbbt::load::load(&env.root);
    let Some(reg) = reg else {
        finding::sort(&mut findings);
        return Outcome::stderr(Exit::Problems, env.findings(&findings));
    };
    let mut changes = Vec::new();
    let wanted_file = |p: &Path| wanted.is_empty() || wanted.iter().any(|w| p.starts_with(w));
    let mut add = |r: Option<Result<FileChange, Finding>>| match r {
        Some(Ok(c)) => changes.push(c),
        Some(Err(f)) => findings.push(f),
        None => {}
    };
    if wanted_file(&reg.platform.path) {
        add(reformat(&reg.root, &reg.platform, canon::platform));
    }
    for doc in reg.meetings.iter().filter(|d| wanted_file(&d.path)) {
        add(reformat(&reg.root, doc, canon::meeting));
    }
    for doc in reg.cases.iter().filter(|d| wanted_file(&d.path)) {
        add(reformat(&reg.root, doc, canon::case));
    }
    finding::sort(&mut findings);
    let lang = env.style.lang;
    let line = |m: Msg| m.render(lang) + "\n";
    let file = |c: &kbbt::write::FileChange| env.shown.join(&c.path).display().to_string();
    let mut out = Outcome {
        stderr: env.findings(&findings),
        ..Outcome::default()
    };
    if check {
        for c in &changes {
            out.stdout
                .push_str(&line(Msg::new(&cat::WOULD_REFORMAT).text("file", file(c))));
            out.stdout.push_str(&unified_diff(c));
        }
        let errors = findings.iter().any(Finding::is_error);
        out.code = Exit::problems_if(!changes.is_empty() || errors);
        if errors {
            out.stdout.push_str(&line(Msg::new(&cat::SOME_NOT_CHECKED)));
        } else if changes.is_empty() {
            out.stdout.push_str(&line(Msg::new(&cat::ALL_CANONICAL)));
        }
        return out;
    }
    if let Err(e) = kbbt::write::commit_changes(&env.root, &changes) {
        let mut failed = Outcome::write_failed(e);
        failed.stderr = out.stderr;
        return failed;
    }
    for c in &changes {
        out.stdout
            .push_str(&line(Msg::new(&cat::REFORMATTED).text("file", file(c))));
    }
    let n = Msg::new(&cat::FILES_REFORMATTED).count("n", changes.len(), "file", "files");
    out.stdout.push_str(&line(n));
    out.code = Exit::problems_if(findings.iter().any(Finding::is_error));
    out
}
