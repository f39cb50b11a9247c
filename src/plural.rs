//! English counts in one place: "1 case", "2 cases", "0 errors". Every message that puts a number
//! before a noun goes through here, so none says "1 cases". (The Traditional Chinese catalogue in
//! `i18n.rs` has a template for each form; Chinese nouns do not change with the number.)

/// A count and its noun with a regular English plural (an `s`): `count(1, "case")` is `1 case`,
/// `count(2, "case")` is `2 cases`, `count(0, "error")` is `0 errors`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// A count and its noun when the plural is not just an `s`: `count_as(2, "match", "matches")`.
pub fn count_as(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", agree(n, one, many))
}

/// The word that agrees with a count, for nouns and verbs alike: `agree(n, "is", "are")`.
pub fn agree<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn noun_for(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "case"), "1 case");
        assert_eq!(count(2, "case"), "2 cases");
        assert_eq!(count(0, "error"), "0 errors");
        assert_eq!(count(11, "meeting"), "11 meetings");
        assert_eq!(count(1, "other problem"), "1 other problem");
    }

    #[test]
    fn irregular_plurals_and_verbs() {
        assert_eq!(count_as(1, "match", "matches"), "1 match");
        assert_eq!(count_as(3, "match", "matches"), "3 matches");
        assert_eq!(agree(1, "is", "are"), "is");
        assert_eq!(agree(0, "is", "are"), "are");
    }
}
