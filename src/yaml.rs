//! The YAML boundary: the only module that knows which YAML crate parses the register.
//!
//! Everything else sees [`Sp<T>`] (a value with its line and column) and [`ParseError`]
//! (a message with a place). Limits on size, depth, aliases and duplicate keys are set here
//! once, so every file kind is parsed under the same rules.

use crate::catalog as m;
use crate::msg::Msg;
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
    pub message: Msg,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.fmt(f)
    }
}

thread_local! {
    /// The message of the last error a register type's own `Deserialize` raised on this thread
    /// (serde keeps only the text of a custom error).
    static CUSTOM: std::cell::RefCell<Option<Msg>> = const { std::cell::RefCell::new(None) };
}

/// A deserialization error raised by a register type (a date that is not a date, a percentage out
/// of range): serde carries its English text, and [`parse`] gives back the message itself.
pub fn custom_error<E: serde::de::Error>(msg: Msg) -> E {
    let text = msg.render(crate::i18n::Lang::En);
    CUSTOM.with(|c| *c.borrow_mut() = Some(msg));
    E::custom(text)
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
            message: Msg::new(&m::YAML_TOO_LARGE)
                .num("size", text.len())
                .num("limit", MAX_FILE_BYTES),
        });
    }
    if text.trim().is_empty() {
        return Err(ParseError {
            pos: Pos { line: 1, col: 1 },
            message: Msg::new(&m::YAML_EMPTY),
        });
    }
    if let Some(e) = documents(text) {
        return Err(e);
    }
    CUSTOM.with(|c| c.borrow_mut().take());
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
            message: message_of(&e),
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
                    message: Msg::new(&m::YAML_SECOND_DOCUMENT),
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
        message: Msg::new(&m::YAML_ONLY_MARKERS),
    })
}

/// The parser's error as a message: the errors a register file meets by their kind, with the
/// parser's own words only for the rare rest. Messages that speak of Rust types or parser internals
/// are put in the register's terms.
fn message_of(e: &serde_saphyr::Error) -> Msg {
    use serde_saphyr::Error as E;
    let e = match e.without_snippet() {
        #[allow(deprecated)]
        E::AliasError { error, .. } => error.without_snippet(),
        other => other,
    };
    let code_list = |names: &[&str]| {
        Msg::new(&m::ITEMS).list(
            "items",
            names
                .iter()
                .map(|n| Msg::new(&m::YAML_CODE).text("name", *n)),
        )
    };
    match e {
        E::Message { msg, .. } => CUSTOM
            .with(|c| c.borrow_mut().take())
            .filter(|c| msg.trim() == c.render(crate::i18n::Lang::En))
            .unwrap_or_else(|| said(msg)),
        E::ExternalMessage { msg, .. } => scanner(msg),
        E::Eof { .. } => Msg::new(&m::YAML_EOF),
        E::MultipleDocuments { .. } => Msg::new(&m::YAML_MORE_DOCUMENTS),
        E::Unexpected { expected, .. } => Msg::new(&m::YAML_EXPECTED).msg("what", kind(expected)),
        E::InvalidBooleanStrict { .. } => Msg::new(&m::YAML_BOOLEAN),
        E::NullIntoString { .. } => Msg::new(&m::YAML_VALUE_MISSING),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => Msg::new(&m::YAML_EXPECTED_WORD),
        E::InvalidScalar { ty, .. } if ["u32", "u64", "i64", "usize"].contains(ty) => {
            Msg::new(&m::YAML_WHOLE_NUMBER)
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Msg::new(&m::YAML_INVALID_TYPE)
            .msg("found", said(unexpected))
            .msg("what", kind(expected)),
        E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Msg::new(&m::YAML_INVALID_VALUE)
            .msg("found", said(unexpected))
            .msg("what", kind(expected)),
        E::SerdeInvalidLength { len, expected, .. } => Msg::new(&m::YAML_INVALID_LENGTH)
            .num("len", *len)
            .msg("what", kind(expected)),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => Msg::new(&m::YAML_UNKNOWN_VARIANT)
            .text("value", variant)
            .msg("expected", code_list(expected)),
        E::SerdeUnknownField {
            field, expected, ..
        } if expected.is_empty() => Msg::new(&m::YAML_UNKNOWN_FIELD_NONE).text("field", field),
        E::SerdeUnknownField {
            field, expected, ..
        } => Msg::new(&m::YAML_UNKNOWN_FIELD)
            .text("field", field)
            .msg("expected", code_list(expected)),
        E::SerdeMissingField { field, .. } => {
            Msg::new(&m::YAML_MISSING_FIELD).text("field", *field)
        }
        E::DuplicateMappingKey { key: Some(k), .. } => {
            Msg::new(&m::YAML_DUPLICATE_KEY).text("key", k)
        }
        E::DuplicateMappingKey { key: None, .. } => Msg::new(&m::YAML_DUPLICATE_KEY_UNNAMED),
        E::UnknownAnchor { .. } => Msg::new(&m::YAML_UNKNOWN_ANCHOR),
        E::UnsupportedTag { tag, .. } => Msg::new(&m::YAML_UNSUPPORTED_TAG).text("tag", tag),
        E::InvalidUtf8Input => Msg::new(&m::YAML_NOT_UTF8),
        E::Budget { breach, .. } => budget(breach),
        other => said(&other.to_string()),
    }
}

/// What a field takes, as the parser names it: the common kinds in words, the rest as the parser
/// says them.
fn kind(expected: &str) -> Msg {
    let t = match expected {
        "string scalar" | "a string" => &m::YAML_KIND_TEXT,
        "sequence start" | "a sequence" => &m::YAML_KIND_LIST,
        "mapping start" | "a map" => &m::YAML_KIND_MAPPING,
        "u32" | "u64" | "i64" | "usize" | "a whole number" => &m::YAML_WHOLE_NUMBER_KIND,
        other => match [
            &m::KIND_DATE,
            &m::KIND_DECISIONS,
            &m::KIND_NEW_CASE,
            &m::KIND_REF,
        ]
        .into_iter()
        .find(|t| t.en == other)
        {
            Some(t) => t,
            None => return Msg::new(&m::YAML_CODE).text("name", other),
        },
    };
    Msg::new(t)
}

/// A limit of the parser's budget that a file broke.
fn budget(breach: &serde_saphyr::budget::BudgetBreach) -> Msg {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Aliases { .. } | B::Anchors { .. } => Msg::new(&m::YAML_TOO_MANY_ALIASES),
        B::Depth { .. } => Msg::new(&m::YAML_TOO_DEEP),
        B::Nodes { .. } | B::Events { .. } => Msg::new(&m::YAML_TOO_MANY_VALUES),
        B::Documents { .. } => Msg::new(&m::YAML_MORE_DOCUMENTS),
        other => {
            let what = format!("{other:?}");
            let what = what
                .split([' ', '{', '('])
                .next()
                .unwrap_or_default()
                .to_string();
            Msg::new(&m::YAML_TOO_COMPLEX).text("what", what)
        }
    }
}

/// The scanner's messages a register file meets, by their text; the rare rest in its own words.
fn scanner(msg: &str) -> Msg {
    let msg = clean(msg);
    let known = [
        &m::YAML_MAPPING_VALUES,
        &m::YAML_EXPECTED_KEY,
        &m::YAML_EXPECTED_DASH,
        &m::YAML_EXPECTED_NODE,
        &m::YAML_BAD_ESCAPE,
        &m::YAML_TAB_INDENT,
        &m::YAML_TABS_HERE,
        &m::YAML_TABS_BLOCK,
        &m::YAML_TAB_IN_VALUE,
        &m::YAML_INDENTATION,
        &m::YAML_FLOW_LIST_OPEN,
        &m::YAML_FLOW_MAP_OPEN,
        &m::YAML_AFTER_DOUBLE_QUOTE,
        &m::YAML_AFTER_SINGLE_QUOTE,
        &m::YAML_UNCLOSED_QUOTE,
        &m::YAML_UNCLOSED_LIST,
        &m::YAML_UNCLOSED_MAP,
        &m::YAML_EOF_FLOW_LIST,
        &m::YAML_EOF_FLOW_MAP,
        &m::YAML_EOF_SCANNER,
        &m::YAML_DASH_OUTSIDE_BLOCK,
        &m::YAML_MISPLACED_BRACKET,
        &m::YAML_COLON_PLACEMENT,
        &m::YAML_UNKNOWN_ANCHOR_SCANNER,
    ];
    known
        .into_iter()
        .find(|t| t.en == msg)
        .map_or_else(|| said(&msg), Msg::new)
}

/// The parser's own words, for what kbbt has no message of its own.
fn said(text: &str) -> Msg {
    Msg::new(&m::YAML_PARSER_SAYS).text("said", clean(text))
}

/// The parser appends " at line L, column C" to some messages; the place is reported separately.
fn clean(m: &str) -> String {
    let m = m.trim();
    if let Some(i) = m.rfind(" at line ") {
        let tail = &m[i + " at line ".len()..];
        let is_place = tail.split_once(", column ").is_some_and(|(l, c)| {
            !l.is_empty() && !c.is_empty() && (l.to_owned() + c).bytes().all(|b| b.is_ascii_digit())
        });
        if is_place {
            return m[..i].to_string();
        }
    }
    m.to_string()
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
        assert!(e.to_string().contains("unknown field `nmae`"), "{e}");
        let e = parse::<Doc>("name: a\nname: b\n").unwrap_err();
        assert!(e.to_string().contains("duplicate"), "{e}");
    }

    #[test]
    fn bom_crlf_and_strict_booleans() {
        let d: Doc = parse("\u{feff}name: no\r\n").unwrap();
        assert_eq!(d.name.value, "no");
    }

    /// The errors a hand-written register file meets are kbbt's own messages, never the parser's
    /// English passed through; a register type's own error comes back as its message.
    #[test]
    fn parser_errors_are_messages_of_their_own() {
        #[derive(Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Full {
            name: Option<String>,
            n: Option<u32>,
            list: Option<Vec<String>>,
            when: Option<crate::model::Date>,
            status: Option<crate::model::Status>,
        }
        let cases = [
            ("name: a: b\n", "YAML_MAPPING_VALUES"),
            ("name: \"a\\q\"\n", "YAML_BAD_ESCAPE"),
            ("list: [a\n", "YAML_UNCLOSED_LIST"),
            ("name: *nope\n", "YAML_UNKNOWN_ANCHOR"),
            ("name: a\n\tn: 3\n", "YAML_TAB_IN_VALUE"),
            ("n: x\n", "YAML_WHOLE_NUMBER"),
            ("n: -3\n", "YAML_WHOLE_NUMBER"),
            ("name: [1]\n", "YAML_EXPECTED"),
            ("list: 5\n", "YAML_EXPECTED"),
            ("nmae: a\n", "YAML_UNKNOWN_FIELD"),
            ("name: a\nname: b\n", "YAML_DUPLICATE_KEY"),
            ("status: ongoingg\n", "YAML_UNKNOWN_VARIANT"),
            ("status: [ongoing]\n", "YAML_EXPECTED_WORD"),
            ("when: 2024-13-01\n", "NOT_A_REAL_DATE"),
            ("when: someday\n", "NOT_A_DATE"),
            ("", "YAML_EMPTY"),
            ("---\n# only\n", "YAML_ONLY_MARKERS"),
            ("name: a\n---\nname: b\n", "YAML_SECOND_DOCUMENT"),
        ];
        let mut wrong = Vec::new();
        for (text, id) in cases {
            let e = parse::<Full>(text).unwrap_err();
            if e.message.id() != id {
                wrong.push(format!("{text:?}: {} ({e})", e.message.id()));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A register type's error raised inside a list that is then not what the parser fails on does
    /// not leak into the next file's message.
    #[test]
    fn a_custom_message_is_never_reused() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct D {
            when: crate::model::Date,
        }
        let e = parse::<D>("when: someday\n").unwrap_err();
        assert_eq!(e.message.id(), "NOT_A_DATE");
        let e = parse::<D>("when: [1]\n").unwrap_err();
        assert_ne!(e.message.id(), "NOT_A_DATE", "{e}");
    }
}
