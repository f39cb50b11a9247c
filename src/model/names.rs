//! Name normalisation and matching: how a name written in minutes finds its case.
//!
//! Normalise (NFKC width folding, 台→臺, punctuation and spacing removed, ASCII lower-cased),
//! then match exactly by id, by title, by alias; never guess. Suggestions for an unknown name
//! come from edit distance on the normalised forms.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of a name. Never written back to a file.
pub fn normalize(s: &str) -> String {
    let keep = |c: &char| !c.is_whitespace() && !is_punct(*c);
    let fold = |c: char| match c {
        '台' => '臺',
        c => c.to_ascii_lowercase(),
    };
    // Most names are already in NFKC: the quick check says so without building the normal form.
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.chars().filter(keep).map(fold).collect()
    } else {
        s.nfkc().filter(keep).map(fold).collect()
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '「' | '」'
                | '『'
                | '』'
                | '（'
                | '）'
                | '、'
                | '，'
                | '。'
                | '·'
                | '・'
                | '‧'
                | '—'
                | '–'
                | '－'
                | '─'
                | '：'
                | '；'
                | '！'
                | '？'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '…'
                | '～'
                | '〜'
        )
}

/// Similarity in 0..=1 of two normalised names, for "did you mean" suggestions.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let lev = strsim::normalized_levenshtein(a, b);
    // A name that contains the other (a shortened or lengthened title) is a strong hint.
    let contains = if a.contains(b) || b.contains(a) {
        let (la, lb) = (a.chars().count(), b.chars().count());
        #[allow(clippy::cast_precision_loss)]
        let r = la.min(lb) as f64 / la.max(lb) as f64;
        0.5 + 0.5 * r
    } else {
        0.0
    };
    lev.max(contains)
}

/// An upper bound of [`similarity`] from character counts alone: `la` and `lb` are the lengths of two
/// normalised names in characters, `common` how many characters they have in common, counted with
/// repeats (the size of the intersection of their multisets of characters).
///
/// Why it bounds: an edit script that turns the longer name into the shorter keeps some of the longer
/// name's characters unchanged, matched in order to equal characters of the other name, and costs at
/// least one operation for each of the others. The kept characters are common to both names, so at
/// most `common` of them: the distance is at least `max(la, lb) - common`, and the normalised
/// Levenshtein similarity at most `common / max(la, lb)`. The score for one name containing the other
/// counts only when the shorter name's characters are all in the longer one (`common` equals the
/// shorter length). Each value is computed with the same floating-point operations as in
/// [`similarity`], and those operations are monotone, so the rounded similarity never exceeds the
/// rounded bound.
pub fn similarity_bound(la: usize, lb: usize, common: usize) -> f64 {
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let (short, long) = (la.min(lb), la.max(lb));
    #[allow(clippy::cast_precision_loss)]
    let lev = 1.0 - (long.saturating_sub(common) as f64) / (long as f64);
    let contains = if common >= short {
        #[allow(clippy::cast_precision_loss)]
        let r = short as f64 / long as f64;
        0.5 + 0.5 * r
    } else {
        0.0
    };
    lev.max(contains)
}

/// The closest of `options` to `s`, if any is close enough to suggest; ties go to the earlier option.
pub fn closest<'a>(s: &str, options: &'a [String]) -> Option<&'a str> {
    let key = normalize(s);
    let mut best: Option<(f64, &str)> = None;
    for o in options {
        let score = similarity(&key, &normalize(o));
        if score >= 0.5 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, o));
        }
    }
    best.map(|(_, o)| o)
}

/// `TR-012` → (`TR`, 12): a case id is the group's code (1–4 upper-case letters), a dash and three
/// or more digits.
pub fn split_id(id: &str) -> Option<(&str, u32)> {
    let (code, num) = id.split_once('-')?;
    if code.is_empty()
        || code.len() > 4
        || !code.bytes().all(|b| b.is_ascii_uppercase())
        || num.len() < 3
        || !num.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((code, num.parse().ok()?))
}

/// The sort key of a case id: `TR-9` before `TR-10`.
pub fn id_key(id: &str) -> (String, u64, String) {
    let (code, num) = id.split_once('-').unwrap_or((id, ""));
    (
        code.to_string(),
        num.parse().unwrap_or(u64::MAX),
        id.to_string(),
    )
}

/// The closest of `options` to `s`, if any is close enough to suggest.
pub fn suggest_str(s: &str, options: &[String]) -> Option<String> {
    closest(s, options).map(str::to_string)
}

/// The case id a look-alike stands for, if it is one: full-width forms (`ＴＲ－００７`), Cyrillic or
/// Greek capitals that look Latin (`ТR-007`), other dashes, lower case, and a number written with too
/// few or too many leading zeros (`TR-7`, `TR-0007`) all give `TR-007`. Only for "did you mean": a
/// look-alike is never taken for the id.
pub fn id_lookalike(s: &str) -> Option<String> {
    let folded: String = s
        .trim()
        .nfkc()
        .map(|c| match c {
            'А' | 'а' | 'Α' | 'α' => 'A',
            'В' | 'в' | 'Β' | 'β' => 'B',
            'С' | 'с' => 'C',
            'Е' | 'е' | 'Ε' | 'ε' => 'E',
            'Н' | 'н' | 'Η' => 'H',
            'І' | 'і' | 'Ι' | 'ι' => 'I',
            'К' | 'к' | 'Κ' | 'κ' => 'K',
            'М' | 'м' | 'Μ' => 'M',
            'Ν' => 'N',
            'О' | 'о' | 'Ο' | 'ο' => 'O',
            'Р' | 'р' | 'Ρ' | 'ρ' => 'P',
            'Т' | 'т' | 'Τ' | 'τ' => 'T',
            'Х' | 'х' | 'Χ' | 'χ' => 'X',
            'У' | 'у' | 'Υ' => 'Y',
            'Ζ' => 'Z',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '－' | '_' | ' ' => {
                '-'
            }
            c => c.to_ascii_uppercase(),
        })
        .collect();
    let (code, num) = folded.split_once('-')?;
    let num = num.trim_start_matches('-');
    if code.is_empty()
        || code.len() > 4
        || !code.bytes().all(|b| b.is_ascii_uppercase())
        || num.is_empty()
        || num.len() > 9
        || !num.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let n: u64 = num.parse().ok()?;
    Some(format!("{code}-{n:03}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drift_seen_in_the_seeds_normalises_equal() {
        let same = [
            ("汐東捷運線", "汐東捷運線"),
            ("電子煙 GetOut!", "電子煙 Get Out！"),
            (
                "成立基北北桃公共運輸發展平台",
                "成立基北北桃公共運輸發展平臺",
            ),
            ("捷運民汐線(臺北市段)", "捷運民汐線（臺北市段）"),
            ("114 年度", "114年度"),
            (
                "2024IEYI 世界青少年發明展國際賽",
                "2024 IEYI 世界青少年發明展國際賽",
            ),
            ("新店線（JGX023 施工標）", "新店線(JGX023施工標)"),
        ];
        for (a, b) in same {
            assert_eq!(normalize(a), normalize(b), "{a} / {b}");
        }
        assert_ne!(normalize("汐東捷運線"), normalize("汐東捷運"));
    }

    #[test]
    fn similarity_ranks_near_names_high() {
        let a = normalize("研議電動輔助自行車跨市騎乘規範及配套");
        let b = normalize("研議電動輔助自行車跨市期程規範及配套");
        assert!(similarity(&a, &b) > 0.8);
        let c = normalize("113 年度基北北桃四市聯合海外行銷");
        let d = normalize("113 年度基北北桃四市聯合海外行銷案");
        assert!(similarity(&c, &d) > 0.9);
        assert!(similarity(&a, &c) < 0.4);
    }
}
