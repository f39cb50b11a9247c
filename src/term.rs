//! Output made inert: text from a register (titles, notes, ids, file names) reaches terminals, CI logs
//! and other programs, so control characters in it must not act. Every line kbbt prints passes here.

/// Whether a character would act on a terminal rather than show: C0 controls but tab and newline,
/// DEL, C1 controls, and the Unicode bidirectional overrides and isolates (which reorder what is shown).
pub fn is_active(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every active character shown as an escape (`\x1B`, `\u{202E}`) instead. A carriage
/// return is kept only as part of a CRLF line end (CSV's), where it cannot overwrite a line.
pub fn inert(s: &str) -> String {
    inert_output(s, false)
}

fn push(out: &mut String, c: char) {
    if !is_active(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        out.push_str(&format!("\\x{:02X}", c as u32));
    } else {
        out.push_str(&format!("\\u{{{:04X}}}", c as u32));
    }
}

/// As [`inert`], for a whole output; with `styled`, kbbt's own styling (`ESC [ digits;… m`, select
/// graphic rendition only) is kept, and any other escape sequence is neutralised.
pub fn inert_output(s: &str, styled: bool) -> String {
    if !s.chars().any(is_active) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if styled && c == '\x1b' {
            let sgr = rest[1..].strip_prefix('[').and_then(|r| {
                let n = r
                    .bytes()
                    .take_while(|b| b.is_ascii_digit() || *b == b';')
                    .count();
                (n > 0 && n <= 8 && r.as_bytes().get(n) == Some(&b'm')).then_some(n + 3)
            });
            if let Some(len) = sgr {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if c == '\r' && rest[1..].starts_with('\n') {
            out.push(c);
        } else {
            push(&mut out, c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether styled output is allowed at all by the environment: not with `NO_COLOR` set, not on a
/// terminal that declares itself `TERM=dumb`.
pub fn styling_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_acted_on() {
        assert_eq!(inert("a\x1b[2Jb"), "a\\x1B[2Jb");
        assert_eq!(inert("ok\r\nx\ty"), "ok\r\nx\ty");
        assert_eq!(inert("x\rok"), "x\\x0Dok");
        assert_eq!(inert("\u{9b}31m"), "\\u{009B}31m");
        assert_eq!(inert("a\u{202e}b"), "a\\u{202E}b");
        assert_eq!(inert("交通組"), "交通組");
    }

    #[test]
    fn own_styling_survives_only_when_styled() {
        let s = "\x1b[1;31merror\x1b[0m: \x1b]0;title\x07";
        assert_eq!(
            inert_output(s, true),
            "\x1b[1;31merror\x1b[0m: \\x1B]0;title\\x07"
        );
        assert!(!inert_output(s, false).contains('\x1b'));
    }
}
