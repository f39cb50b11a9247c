//! What `kbbt import minutes` says about the draft it wrote: the counts that disagree with the
//! names listed, and what was recognised, pinned, left unresolved or kept as comments. Pure.

use crate::minutes_in::draft::Summary;
use crate::minutes_in::parse::Mismatch;

/// The lines for standard error, each ending in a line break.
pub fn summary(mismatches: &[Mismatch], sum: &Summary) -> String {
    let mut err = String::new();
    for m in mismatches {
        err.push_str(&format!(
            "warning: line {}: states {} cases but names {}\n",
            m.line, m.stated, m.listed
        ));
    }
    err.push_str(&format!(
        "recognised {}, pinned {}, unresolved {}, unparsed {} (kept as comments)\n",
        sum.recognised, sum.pinned, sum.unresolved, sum.unparsed
    ));
    if sum.other > 0 {
        err.push_str(&format!(
            "{} lines outside the groups (header, other resolutions, later sections) kept as comments at the top\n",
            sum.other
        ));
    }
    if sum.existing > 0 {
        err.push_str(&format!(
            "{} new cases are already in the register (see the comments)\n",
            sum.existing
        ));
    }
    err
}
