//! What `kbbt import minutes` says about the draft it wrote: the counts that disagree with the
//! names listed, and what was recognised, pinned, left unresolved or kept as comments. Pure.

use crate::catalog as cat;
use crate::i18n::Lang;
use crate::minutes_in::draft::Summary;
use crate::minutes_in::parse::Mismatch;
use crate::msg::{Msg, Said};

/// A stated count that disagrees with the names listed: `line 7: states 2 cases but names 1`.
pub fn mismatch(m: &Mismatch) -> Msg {
    Msg::new(&cat::IM_STATES_BUT_NAMES)
        .num("line", m.line)
        .count("stated", m.stated, "case", "cases")
        .num("listed", m.listed)
}

/// The lines for standard error in `lang`, each ending in a line break.
pub fn summary(mismatches: &[Mismatch], sum: &Summary, lang: Lang) -> String {
    let mut err = String::new();
    for m in mismatches {
        err.push_str(&Said::warning(mismatch(m)).render(lang));
    }
    let mut line = |m: Msg| {
        err.push_str(&m.render(lang));
        err.push('\n');
    };
    line(
        Msg::new(&cat::IM_SUMMARY)
            .num("recognised", sum.recognised)
            .num("pinned", sum.pinned)
            .num("unresolved", sum.unresolved)
            .num("unparsed", sum.unparsed),
    );
    if sum.other > 0 {
        line(Msg::new(&cat::IM_OTHER_LINES).count("n", sum.other, "line", "lines"));
    }
    if sum.existing > 0 {
        line(Msg::new(&cat::IM_EXISTING).count("n", sum.existing, "new case is", "new cases are"));
    }
    err
}
