//! Documents written with `-o FILE`: the format from `--format` or the file's extension, and the
//! write itself (text or a binary package).
//!
//! Rules: without `--format`, the extension decides (`.html` is HTML, `.odt` an OpenDocument package,
//! …); an extension that names a format this command does not write (`report -o r.csv`) or none kbbt
//! knows is a usage error. With `--format`, an extension that names another format is a usage error
//! (`--format odt -o r.html`); an unknown extension, or `.txt` for a text format, is the user's
//! choice. Binary packages (odt, docx) are only written to a file.

use super::{Env, Outcome};
use clap::ValueEnum;
use kbbt::catalog as cat;
use kbbt::exit::Exit;
use kbbt::msg::{Msg, Said};
use std::path::{Path, PathBuf};

/// Every extension kbbt knows, and the format it means.
const KNOWN: &[(&str, &str)] = &[
    ("md", "md"),
    ("markdown", "md"),
    ("html", "html"),
    ("htm", "html"),
    ("odt", "odt"),
    ("fodt", "fodt"),
    ("docx", "docx"),
    ("txt", "text"),
    ("text", "text"),
    ("csv", "csv"),
    ("json", "json"),
    ("ods", "ods"),
    ("xlsx", "xlsx"),
    ("pdf", "pdf"),
    ("doc", "doc"),
];

fn name<F: ValueEnum>(f: &F) -> String {
    f.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// The formats a command writes, as a list.
fn names<F: ValueEnum>() -> Msg {
    let items = F::value_variants()
        .iter()
        .map(|f| Msg::new(&cat::FORMAT_NAME).text("name", name(f)));
    Msg::new(&cat::ITEMS).list("items", items)
}

/// A usage error (exit 2) with a hint.
fn usage(msg: Msg, hint: Msg) -> Outcome {
    Outcome::refuse(Exit::Usage, Said::error(msg).hint(hint))
}

/// The format to write: `--format`, else `-o`'s extension, else `default`.
pub fn choose<F: ValueEnum + Copy + PartialEq>(
    given: Option<F>,
    output: Option<&Path>,
    default: F,
) -> Result<F, Outcome> {
    let ext = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    let meant = ext
        .as_deref()
        .and_then(|e| KNOWN.iter().find(|(x, _)| *x == e).map(|(_, f)| *f));
    let shown = output.map_or_else(String::new, |o| o.display().to_string());
    let is = |f: &F, m: &str| f.to_possible_value().is_some_and(|v| v.matches(m, false));
    match (given, meant) {
        // A .txt file holds any text format the user asks for (Markdown, CSV, …), not a package.
        (Some(f), Some("text")) if !matches!(name(&f).as_str(), "odt" | "docx") => Ok(f),
        (Some(f), Some(m)) if !is(&f, m) => {
            let msg = Msg::new(&cat::FORMAT_CONTRADICTS)
                .text("format", name(&f))
                .text("file", shown)
                .text("ext", ext.unwrap_or_default());
            let meant = KNOWN
                .iter()
                .find(|(_, x)| is(&f, x))
                .map_or_else(|| name(&f), |(e, _)| (*e).to_string());
            Err(usage(msg, Msg::new(&cat::DROP_FORMAT).text("ext", meant)))
        }
        (Some(f), _) => Ok(f),
        (None, Some(m)) => F::value_variants()
            .iter()
            .find(|f| is(f, m))
            .copied()
            .ok_or_else(|| {
                let msg = Msg::new(&cat::FORMAT_NOT_WRITTEN)
                    .text("format", m)
                    .text("file", shown);
                usage(
                    msg,
                    Msg::new(&cat::FORMATS_ARE).msg("formats", names::<F>()),
                )
            }),
        (None, None) if ext.is_some() => {
            let msg = Msg::new(&cat::FORMAT_FROM_NAME).text("file", shown);
            Err(usage(
                msg,
                Msg::new(&cat::GIVE_FORMAT).msg("formats", names::<F>()),
            ))
        }
        (None, None) => Ok(default),
    }
}

/// What a document renders to.
pub enum Bytes {
    Text(String),
    Binary(Vec<u8>),
}

/// Write `data` to `path` (shown to the user as `shown`); `done` is the success message.
pub fn write(path: &Path, shown: &Path, data: &Bytes, done: String) -> Outcome {
    let bytes = match data {
        Bytes::Text(t) => t.as_bytes(),
        Bytes::Binary(b) => b.as_slice(),
    };
    // A temporary file renamed into place: a full disk or a crash leaves no partial file.
    match kbbt::write::write_output(path, bytes) {
        // `done` is composed in the user's language by the caller.
        Ok(()) => Outcome::localized(done),
        Err(e) => {
            let msg = Msg::new(&cat::CANNOT_WRITE_FILE)
                .text("file", shown.display().to_string())
                .os("cause", e.to_string());
            Outcome::refuse(Exit::Problems, Said::error(msg))
        }
    }
}

/// A built package as the bytes to write; a package that cannot be built is an error naming
/// `what` it is ("package", "workbook").
pub fn package<E: std::fmt::Display>(b: Result<Vec<u8>, E>, what: &str) -> Result<Bytes, Outcome> {
    let template = match what {
        "workbook" => &cat::CANNOT_BUILD_WORKBOOK,
        _ => &cat::CANNOT_BUILD_PACKAGE,
    };
    b.map(Bytes::Binary).map_err(|e| {
        let msg = Msg::new(template).text("cause", e.to_string());
        Outcome::refuse(Exit::Problems, Said::error(msg))
    })
}

/// A binary package without `-o`: refused (exit 2), it is not for a terminal or a pipe of text.
pub fn needs_file(format: &str) -> Outcome {
    let msg = Msg::new(&cat::BINARY_NEEDS_FILE).text("format", format);
    Outcome::refuse(Exit::Usage, Said::error(msg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ReportFormat as R;

    fn pick(given: Option<R>, out: &str) -> Result<R, Exit> {
        let p = Path::new(out);
        choose(given, (!out.is_empty()).then_some(p), R::Md).map_err(|o| o.code)
    }

    #[test]
    fn the_extension_decides() {
        assert_eq!(pick(None, ""), Ok(R::Md));
        assert_eq!(pick(None, "r.html"), Ok(R::Html));
        assert_eq!(pick(None, "r.HTM"), Ok(R::Html));
        assert_eq!(pick(None, "dir.x/r.odt"), Ok(R::Odt));
        assert_eq!(pick(None, "r.fodt"), Ok(R::Fodt));
        assert_eq!(pick(None, "r.docx"), Ok(R::Docx));
        assert_eq!(pick(None, "r.markdown"), Ok(R::Md));
        assert_eq!(pick(None, "report"), Ok(R::Md));
        assert_eq!(pick(None, "r.csv"), Err(Exit::Usage));
        assert_eq!(pick(None, "r.xyz"), Err(Exit::Usage));
    }

    #[test]
    fn aliases_name_formats_too() {
        use crate::cli::TableFormat as T;
        let pick = |out: &str| choose(None, Some(Path::new(out)), T::Table).map_err(|o| o.code);
        assert_eq!(pick("a.md"), Ok(T::Markdown));
        assert_eq!(pick("a.csv"), Ok(T::Csv));
        assert_eq!(pick("a.json"), Ok(T::Json));
        assert_eq!(pick("a.txt"), Ok(T::Table));
        assert_eq!(pick("a.html"), Err(Exit::Usage));
        let given = choose(Some(T::Markdown), Some(Path::new("a.md")), T::Table);
        assert_eq!(given.map_err(|o| o.code), Ok(T::Markdown));
    }

    #[test]
    fn format_and_extension_must_agree() {
        assert_eq!(pick(Some(R::Odt), "r.odt"), Ok(R::Odt));
        assert_eq!(pick(Some(R::Odt), "r.html"), Err(Exit::Usage));
        assert_eq!(pick(Some(R::Odt), "r.fodt"), Err(Exit::Usage));
        assert_eq!(pick(Some(R::Html), "r.xyz"), Ok(R::Html));
        assert_eq!(pick(Some(R::Md), "r.txt"), Ok(R::Md));
        assert_eq!(pick(Some(R::Odt), "r.txt"), Err(Exit::Usage));
        assert_eq!(pick(None, "r.txt"), Err(Exit::Usage));
    }
}

/// What an `-o FILE` is: a document (report, list, minutes…) or a draft meeting file, which may go
/// into `meetings/`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dest {
    Document,
    Draft,
}

/// Where `-o FILE` writes (its folder resolved), or a usage error when it would write into the
/// register's own files: cases/, .kbbt/, .git/, the platform file and, for a document, meetings/.
/// A link is judged by where it points too: the write replaces the link itself, never its target,
/// but a link onto a register file is a mistake worth refusing.
pub fn target(env: &Env, out: &Path, dest: Dest) -> Result<PathBuf, Outcome> {
    let path = env.args_dir.join(out);
    let root = env.root.canonicalize().unwrap_or_else(|_| env.root.clone());
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let full = match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.clone(),
    };
    let pointed = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| path.canonicalize().ok())
        .flatten();
    let dirs: &[&str] = match dest {
        Dest::Document => &["cases", "meetings", kbbt::write::STATE_DIR, ".git"],
        Dest::Draft => &["cases", kbbt::write::STATE_DIR, ".git"],
    };
    let register_file = |p: &Path| {
        dirs.iter().any(|d| p.starts_with(root.join(d)))
            || p == root.join(kbbt::load::PLATFORM_FILE)
            || p == root
    };
    if register_file(&full) || pointed.as_deref().is_some_and(register_file) {
        let why = match dest {
            Dest::Document => &cat::REGISTER_OWN_FILE,
            Dest::Draft => &cat::REGISTER_OWN_FILE_DRAFT,
        };
        let msg = Msg::new(why).text("file", out.display().to_string());
        return Err(Outcome::refuse(Exit::Usage, Said::error(msg)));
    }
    Ok(full)
}
