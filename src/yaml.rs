//! The YAML boundary: the only module that knows which YAML crate parses the register.
//!
//! Everything else sees [`Sp<T>`] (a value with its line and column) and [`ParseError`]
//! (a message with a place). Limits on size, depth, aliases and duplicate keys are set here
//! once, so every file kind is parsed under the same rules.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A place in a file: 1-based line and column (in characters). `0:0` means "no place known".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1 (0: unknown).
    pub line: u32,
    /// The column in characters, from 1 (0: unknown).
    pub col: u32,
}

impl Pos {
    /// No place known.
    pub const NONE: Pos = Pos { line: 0, col: 0 };
}

/// A value together with where it was written. Equality ignores the place.
#[derive(Clone, Debug, Default)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written (`Pos::NONE` for a value kbbt made).
    pub pos: Pos,
}

impl<T> Sp<T> {
    /// A value with no place (one kbbt made rather than read).
    pub fn new(value: T) -> Self {
        Sp {
            value,
            pos: Pos::NONE,
        }
    }
    /// A value written at `pos`.
    pub fn at(value: T, pos: Pos) -> Self {
        Sp { value, pos }
    }
}

impl<T: PartialEq> PartialEq for Sp<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<T: Eq> Eq for Sp<T> {}
impl<T: Copy> Copy for Sp<T> {}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let loc = s.referenced;
        Ok(Sp {
            value: s.value,
            pos: Pos {
                line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
                col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
            },
        })
    }
}

impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// A list read without spare room: serde leaves room for four items in a list of one, which a large
/// register's many short lists (a case's history, partners, progress) would pay for in every case.
/// Accepts exactly what `Vec<T>` accepts.
pub fn exact_vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let mut v = Vec::<T>::deserialize(d)?;
    v.shrink_to_fit();
    Ok(v)
}

/// A file that could not be read as the expected document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Where in the file the problem is.
    pub pos: Pos,
    /// What is wrong, for people.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Largest register file accepted, in bytes. A case file is a few kilobytes; a meeting file
/// with every decision of a large platform stays far below this.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 32;
    budget.max_aliases = 64;
    budget.max_anchors = 64;
    budget.max_documents = 1;
    budget.max_nodes = 200_000;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.strict_booleans = true;
    o.with_snippet = false;
    o.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    #[allow(clippy::needless_update)]
    {
        o.emit_comments = false;
    }
    o
}

/// Parse one YAML document of type `T` from text (a BOM is allowed; CRLF is allowed).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(ParseError {
            pos: Pos { line: 1, col: 1 },
            message: format!(
                "file is too large ({} bytes; the limit is {} bytes)",
                text.len(),
                MAX_FILE_BYTES
            ),
        });
    }
    if text.trim().is_empty() {
        return Err(ParseError {
            pos: Pos { line: 1, col: 1 },
            message: "file is empty".into(),
        });
    }
    if let Some(e) = documents(text) {
        return Err(e);
    }
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos {
                line: u32::try_from(l.line()).unwrap_or(0),
                col: u32::try_from(l.column()).unwrap_or(0),
            })
            .unwrap_or(Pos { line: 1, col: 1 });
        ParseError {
            pos,
            message: clean_message(&e.without_snippet().to_string()),
        }
    })
}

/// A register file is one YAML document: a file of only `---` is empty, and a second `---` (or a `...`
/// followed by more) starts a document the parser would otherwise silently ignore.
fn documents(text: &str) -> Option<ParseError> {
    let mut content = false;
    let mut ended = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_end();
        let pos = Pos {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            col: 1,
        };
        let marker = t == "---" || t.starts_with("--- ") || t.starts_with("---\t");
        if marker || (ended && !t.is_empty() && !t.starts_with('#')) {
            if content || ended {
                return Some(ParseError {
                    pos,
                    message:
                        "a second YAML document starts here; a register file holds one document"
                            .into(),
                });
            }
            if t.len() > 3 && !t[3..].trim_start().starts_with('#') {
                content = true; // `--- value`: the document starts on this line
            }
            continue;
        }
        if t == "..." {
            ended = true;
            continue;
        }
        if !t.trim_start().is_empty() && !t.trim_start().starts_with('#') {
            content = true;
        }
    }
    (!content).then(|| ParseError {
        pos: Pos { line: 1, col: 1 },
        message: "file is empty (it holds no fields, only `---` or comments)".into(),
    })
}

/// The parser appends " at line L, column C" to its messages; the place is reported separately.
/// Messages that speak of Rust types or parser internals are put in the register's terms.
fn clean_message(m: &str) -> String {
    let mut m = m.trim();
    if let Some(i) = m.rfind(" at line ") {
        let tail = &m[i + " at line ".len()..];
        let is_place = tail.split_once(", column ").is_some_and(|(l, c)| {
            !l.is_empty() && !c.is_empty() && (l.to_owned() + c).bytes().all(|b| b.is_ascii_digit())
        });
        if is_place {
            m = &m[..i];
        }
    }
    let m = m.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    if m.starts_with("externally tagged enum expected scalar") {
        return "expected one word here (such as `ongoing`), not a list or a mapping".into();
    }
    if m.starts_with("cannot deserialize null into") {
        return "a value is missing here".into();
    }
    if let Some(rest) = m.strip_prefix("budget breached: ") {
        let what = rest.split([' ', '{']).next().unwrap_or(rest);
        return match what {
            "Aliases" | "Anchors" => {
                "too many YAML aliases or anchors (register files need none)".into()
            }
            "Depth" => "the file is nested too deeply".into(),
            "Nodes" | "Events" => "the file has too many values".into(),
            "Documents" => "the file holds more than one YAML document".into(),
            _ => format!("the file is too large or complex ({what})"),
        };
    }
    for (rust, plain) in [
        ("u32", "a whole number"),
        ("u64", "a whole number"),
        ("i64", "a whole number"),
        ("usize", "a whole number"),
    ] {
        if m == format!("invalid {rust}") {
            return format!("expected {plain}");
        }
    }
    m.replace("Option<String>", "text")
        .replace("use Option<", "")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: Sp<String>,
        n: Option<Sp<u32>>,
    }

    #[test]
    fn positions_of_values() {
        let d: Doc = parse("name: 交通組\nn: 3\n").unwrap();
        assert_eq!(d.name.pos, Pos { line: 1, col: 7 });
        assert_eq!(d.n.unwrap().pos, Pos { line: 2, col: 4 });
    }

    #[test]
    fn unknown_and_duplicate_keys_are_errors() {
        let e = parse::<Doc>("name: a\nnmae: b\n").unwrap_err();
        assert_eq!(e.pos.line, 2);
        assert!(e.message.contains("unknown field `nmae`"), "{}", e.message);
        let e = parse::<Doc>("name: a\nname: b\n").unwrap_err();
        assert!(e.message.contains("duplicate"), "{}", e.message);
    }

    #[test]
    fn bom_crlf_and_strict_booleans() {
        let d: Doc = parse("\u{feff}name: no\r\n").unwrap();
        assert_eq!(d.name.value, "no");
    }
}
