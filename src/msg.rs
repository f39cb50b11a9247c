//! Messages as values: a [`Msg`] is a [`Template`] (an id with its English and Traditional Chinese
//! text) and named arguments, rendered in a language only when it is printed.
//!
//! Every template is declared once, with both languages, by [`messages!`](crate::messages): a template without its
//! Chinese does not compile, and the tests check that both texts name the same arguments and that the
//! Chinese has no stray English. Arguments are typed: register data ([`Arg::Text`]) is inserted
//! verbatim in every language and never translated; a [`Arg::Label`] is one of the catalogue's words
//! (`ongoing` → 持續列管); a date is ISO in English and ROC (`114-12-31`) in Chinese; a count agrees
//! with its English noun (`1 case`, `2 cases`) and is a bare number in Chinese, whose template holds
//! the measure word (`{n} 案`).

use crate::i18n::Lang;
use crate::model::Date;
use std::fmt::Write as _;

/// One message's text in each language. `{name}` stands for the argument `name`.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    /// The template's name in the code (for tests and for translators).
    pub id: &'static str,
    /// The English text.
    pub en: &'static str,
    /// The Traditional Chinese text.
    pub zh: &'static str,
}

/// A value put into a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Register data or user input: inserted as it is, in every language.
    Text(String),
    /// A word of the label catalogue (a status, a field), translated ([`crate::i18n::label`]).
    Label(&'static str),
    /// A number.
    Num(u64),
    /// A count with its English noun, singular and plural: `1 case` / `2 cases` in English, the bare
    /// number in Chinese (the template holds the measure word).
    Count(u64, &'static str, &'static str),
    /// A date: ISO in English, ROC (`114-12-31`) in Chinese.
    Date(Date),
    /// A date in running text: ISO in English, 「114 年 12 月 31 日」 in Chinese.
    DateProse(Date),
    /// A message inside a message, rendered in the same language.
    Msg(Box<Msg>),
    /// Items of a list: joined with `, ` in English and 「、」 in Chinese.
    List(Vec<Msg>),
    /// An error of the operating system as Rust prints it: the common ones translated by their code
    /// ([`crate::i18n::os_error`]), others as the system says them.
    Os(String),
}

/// A message: a template and its arguments, by name. Two messages are equal, and sort, as their
/// English texts do.
#[derive(Debug, Clone)]
pub struct Msg {
    template: &'static Template,
    /// A boxed slice, not a `Vec`: a message (and so a finding) stays small.
    args: Box<[(&'static str, Arg)]>,
}

impl Msg {
    /// A message of a template without arguments.
    pub fn new(template: &'static Template) -> Msg {
        Msg {
            template,
            args: Box::new([]),
        }
    }

    fn push(&mut self, name: &'static str, arg: Arg) {
        let mut v = std::mem::take(&mut self.args).into_vec();
        v.push((name, arg));
        self.args = v.into_boxed_slice();
    }

    /// Register data or user input, verbatim in every language.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.push(name, Arg::Text(value.into()));
        self
    }

    /// A word of the label catalogue.
    pub fn label(mut self, name: &'static str, label: &'static str) -> Msg {
        self.push(name, Arg::Label(label));
        self
    }

    /// A number.
    pub fn num(mut self, name: &'static str, n: impl TryInto<u64>) -> Msg {
        self.push(name, Arg::Num(n.try_into().unwrap_or(u64::MAX)));
        self
    }

    /// A count with its English noun in the singular and the plural.
    pub fn count(
        mut self,
        name: &'static str,
        n: impl TryInto<u64>,
        one: &'static str,
        many: &'static str,
    ) -> Msg {
        let n = n.try_into().unwrap_or(u64::MAX);
        self.push(name, Arg::Count(n, one, many));
        self
    }

    /// A date.
    pub fn date(mut self, name: &'static str, d: Date) -> Msg {
        self.push(name, Arg::Date(d));
        self
    }

    /// A date in running text (「114 年 12 月 31 日」 under zh-TW).
    pub fn date_prose(mut self, name: &'static str, d: Date) -> Msg {
        self.push(name, Arg::DateProse(d));
        self
    }

    /// A message inside this one.
    pub fn msg(mut self, name: &'static str, m: Msg) -> Msg {
        self.push(name, Arg::Msg(Box::new(m)));
        self
    }

    /// A list of items, each a message.
    pub fn list(mut self, name: &'static str, items: impl IntoIterator<Item = Msg>) -> Msg {
        self.push(name, Arg::List(items.into_iter().collect()));
        self
    }

    /// An operating system's error.
    pub fn os(mut self, name: &'static str, text: impl Into<String>) -> Msg {
        self.push(name, Arg::Os(text.into()));
        self
    }

    /// The template's id.
    pub fn id(&self) -> &'static str {
        self.template.id
    }

    /// The message in a language. A placeholder without an argument stays as it is (`{name}`); the
    /// tests make sure there is none.
    pub fn render(&self, lang: Lang) -> String {
        let t = match lang {
            Lang::En => self.template.en,
            Lang::ZhTw => self.template.zh,
        };
        let mut out = String::with_capacity(t.len() + 16);
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, a)) => render_arg(&mut out, a, lang),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

impl PartialEq for Msg {
    fn eq(&self, other: &Msg) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for Msg {}

impl PartialOrd for Msg {
    fn partial_cmp(&self, other: &Msg) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Msg {
    fn cmp(&self, other: &Msg) -> std::cmp::Ordering {
        self.to_string().cmp(&other.to_string())
    }
}

impl std::hash::Hash for Msg {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.to_string().hash(state);
    }
}

/// Machine formats (JSON) carry the English text.
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// The message in English (machine formats, logs, tests).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

fn render_arg(out: &mut String, a: &Arg, lang: Lang) {
    match (a, lang) {
        (Arg::Text(s), _) => out.push_str(s),
        (Arg::Label(l), _) => out.push_str(&crate::i18n::label(lang, l)),
        (Arg::Num(n), _) | (Arg::Count(n, _, _), Lang::ZhTw) => {
            let _ = write!(out, "{n}");
        }
        (Arg::Count(n, one, many), Lang::En) => {
            let _ = write!(out, "{n} {}", if *n == 1 { one } else { many });
        }
        (Arg::Date(d), Lang::En) => {
            let _ = write!(out, "{d}");
        }
        (Arg::Date(d), Lang::ZhTw) => out.push_str(&d.roc_short()),
        (Arg::DateProse(d), Lang::En) => {
            let _ = write!(out, "{d}");
        }
        (Arg::DateProse(d), Lang::ZhTw) => {
            let long = d.roc_long();
            out.push_str(long.strip_prefix("中華民國 ").unwrap_or(&long));
        }
        (Arg::Msg(m), _) => out.push_str(&m.render(lang)),
        (Arg::Os(s), _) => {
            out.push_str(&crate::i18n::os_error(lang, s).unwrap_or_else(|| s.clone()));
        }
        (Arg::List(items), _) => {
            let sep = if lang == Lang::En { ", " } else { "、" };
            for (i, m) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(&m.render(lang));
            }
        }
    }
}

/// Declare templates: `NAME { en: "…", zh: "…" }`, each a `pub static` [`Template`], and `ALL`, the
/// list of them (for the tests).
#[macro_export]
macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident { en: $en:literal, zh: $zh:literal $(,)? } )*) => {
        $(
            $(#[$doc])*
            pub static $name: $crate::msg::Template =
                $crate::msg::Template { id: stringify!($name), en: $en, zh: $zh };
        )*
        /// Every template declared here.
        pub static ALL: &[&$crate::msg::Template] = &[$(&$name),*];
    };
}

/// The argument names of a template text: `{group}` → `group`, in order, without repeats.
pub fn placeholders(t: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !names.contains(&name)
        {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

/// How a message on standard error is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `error:` / 「錯誤：」
    Error,
    /// `warning:` / 「警告：」
    Warning,
    /// `note:` / 「說明：」
    Note,
}

/// A message for standard error: its level, the message, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// Error, warning or note.
    pub level: Level,
    /// What happened.
    pub msg: Msg,
    /// What to do (`hint:` / 「提示：」).
    pub hint: Option<Msg>,
}

impl Said {
    /// An error.
    pub fn error(msg: Msg) -> Said {
        Said {
            level: Level::Error,
            msg,
            hint: None,
        }
    }

    /// A warning.
    pub fn warning(msg: Msg) -> Said {
        Said {
            level: Level::Warning,
            msg,
            hint: None,
        }
    }

    /// With a hint.
    pub fn hint(mut self, hint: Msg) -> Said {
        self.hint = Some(hint);
        self
    }

    /// The lines in a language: `error: …` and `  hint: …`, each ending in a newline.
    pub fn render(&self, lang: Lang) -> String {
        let (level, hint) = match (lang, self.level) {
            (Lang::En, Level::Error) => ("error: ", "  hint: "),
            (Lang::En, Level::Warning) => ("warning: ", "  hint: "),
            (Lang::En, Level::Note) => ("note: ", "  hint: "),
            (Lang::ZhTw, Level::Error) => ("錯誤：", "  提示："),
            (Lang::ZhTw, Level::Warning) => ("警告：", "  提示："),
            (Lang::ZhTw, Level::Note) => ("說明：", "  提示："),
        };
        let mut out = format!("{level}{}\n", self.msg.render(lang));
        if let Some(h) = &self.hint {
            let _ = writeln!(out, "{hint}{}", h.render(lang));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ALL;

    /// Words that may stand in Chinese text: kbbt's commands (they are code), formats, placeholders
    /// and file names.
    const ALLOWED_LATIN: &[&str] = &[
        "kbbt", "platform", "yaml", "csv", "xlsx", "bom", "format", "DIR", "FILE", "DATE", "cases",
        "C", "o", "e", "g", "UTF", "YAML", "CSV", "ods", "git", "FIFO", "schema", "apply",
        "validate", "status", "list", "show", "fmt", "import", "export", "recover",
    ];

    #[test]
    fn every_template_names_the_same_arguments_in_both_languages() {
        for t in ALL {
            let (mut en, mut zh) = (placeholders(t.en), placeholders(t.zh));
            en.sort_unstable();
            zh.sort_unstable();
            assert_eq!(en, zh, "{}", t.id);
        }
    }

    #[test]
    fn ids_are_unique_and_the_chinese_has_no_stray_english() {
        let mut ids: Vec<&str> = ALL.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for t in ALL {
            // Outside code spans (`…`) and arguments, only the allowed words may be in Latin letters.
            let mut rest = String::new();
            for (i, part) in t.zh.split('`').enumerate() {
                if i % 2 == 0 {
                    rest.push_str(part);
                    rest.push(' ');
                }
            }
            for p in placeholders(t.zh) {
                rest = rest.replace(&format!("{{{p}}}"), " ");
            }
            // Options (`--accept-discrepancy`, `-C DIR`) are commands, not English.
            let rest: String = rest
                .split(' ')
                .filter(|w| !w.starts_with('-'))
                .collect::<Vec<_>>()
                .join(" ");
            for word in rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                assert!(
                    ALLOWED_LATIN.contains(&word),
                    "{}: English word `{word}` in 「{}」",
                    t.id,
                    t.zh
                );
            }
            assert!(
                !rest.contains(':') && !rest.contains(" (") && !rest.contains("; "),
                "{}: half-width punctuation in 「{}」",
                t.id,
                t.zh
            );
        }
    }

    #[test]
    fn every_template_has_its_chinese() {
        for t in ALL {
            assert!(t.zh.is_empty() == t.en.is_empty(), "{}: no Chinese", t.id);
        }
    }

    /// The documents' words, not a translator's: the cases are 列管案件 / 列管資料 (never 登記簿), a
    /// dry run is 預覽 (never 試行).
    #[test]
    fn the_chinese_uses_the_documents_words() {
        for t in ALL {
            for word in ["登記簿", "試行", "註冊"] {
                assert!(!t.zh.contains(word), "{}: `{word}` in {}", t.id, t.zh);
            }
        }
        for (en, zh) in crate::i18n::labels() {
            for word in ["登記簿", "試行", "註冊"] {
                assert!(!zh.contains(word), "label {en}: `{word}` in {zh}");
            }
        }
    }

    /// No space between two Chinese words (「截至目前」, not 「截至 目前」): Chinese runs on; a space
    /// only stands beside a number, a code or a value.
    #[test]
    fn no_space_between_chinese_words() {
        let cjk = |c: char| {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        let mut bad = Vec::new();
        for t in ALL
            .iter()
            .map(|t| (t.id, t.zh))
            .chain(crate::i18n::labels().iter().map(|(e, z)| (*e, *z)))
        {
            let chars: Vec<char> = t.1.chars().collect();
            for w in chars.windows(3) {
                if w[1] == ' ' && cjk(w[0]) && cjk(w[2]) {
                    bad.push(format!("{}: 「{}」", t.0, t.1));
                    break;
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    /// The words messages take as labels (statuses, decisions, counted fields) all have Chinese.
    #[test]
    fn every_label_a_message_uses_has_chinese() {
        let statuses = crate::model::Status::ALL.map(crate::model::Status::as_str);
        let actions = crate::model::Action::ALL.map(crate::model::Action::as_str);
        let fields = crate::check::counts::FIELDS.iter().chain(&[
            "totals",
            "all-time",
            "added",
            "renamed",
            "progress",
            "decision",
            "commit",
            "reported",
            "unknown",
            "(not stated)",
        ]);
        for w in statuses.iter().chain(&actions).chain(fields) {
            assert_ne!(
                crate::i18n::label(Lang::ZhTw, w),
                *w,
                "`{w}` has no Chinese"
            );
        }
    }

    #[test]
    fn arguments_fill_the_template_and_labels_translate() {
        let m = Msg::new(&crate::catalog::UNKNOWN_GROUP).text("group", "add");
        assert_eq!(m.render(Lang::En), "unknown group `add`");
        assert_eq!(m.render(Lang::ZhTw), "未知的組別 `add`");
        let d = crate::model::parse_date("2025-12-31").expect("a date");
        let m = Msg::new(&crate::catalog::NO_MEETING_BEFORE).date("date", d);
        assert_eq!(m.render(Lang::ZhTw), "114-12-31 以前沒有作成決議的會議");
        assert_eq!(
            m.render(Lang::En),
            "no meeting with decisions on or before 2025-12-31"
        );
    }

    proptest::proptest! {
        /// Register data is never translated: whatever the value (an English label, a message's
        /// text, braces), it stands in the output exactly as it is, in both languages.
        #[test]
        fn data_is_inserted_verbatim(value in "\\PC*") {
            for t in ALL {
                for name in placeholders(t.en) {
                    let mut m = Msg::new(t);
                    for other in placeholders(t.en) {
                        m = if other == name { m.text(other, value.clone()) } else { m.text(other, "x") };
                    }
                    for lang in [Lang::En, Lang::ZhTw] {
                        let out = m.render(lang);
                        proptest::prop_assert!(out.contains(value.as_str()), "{}: {out}", t.id);
                    }
                }
            }
        }

        #[test]
        fn labels_and_templates_as_data_stay_as_they_are(
            i in 0usize..crate::catalog::ALL.len(),
            word in proptest::sample::select(vec!["ongoing", "add", "delist", "totals", "unknown", "committed", "2 errors, 1 warning", "Reviewed 3 cases", "error: x"]),
        ) {
            let t = ALL[i];
            let value = format!("{word}{}", t.en);
            let mut m = Msg::new(t);
            for p in placeholders(t.en) {
                m = m.text(p, value.clone());
            }
            for lang in [Lang::En, Lang::ZhTw] {
                let out = m.render(lang);
                if !placeholders(t.en).is_empty() {
                    proptest::prop_assert!(out.contains(&value), "{}: {out}", t.id);
                }
            }
        }
    }
}
