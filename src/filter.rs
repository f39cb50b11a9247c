//! Which cases `kbbt list` shows: a filter on group, status, cities, topic and text, and the
//! register's order. Pure.

use crate::model::names::normalize;
use crate::model::{Case, Register, Status};

/// What a case must match; `None` matches any case. Names are compared normalised.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// The group's name as the platform writes it.
    pub group: Option<String>,
    /// The case's status.
    pub status: Option<Status>,
    /// The lead city.
    pub lead: Option<String>,
    /// A city that leads or is a partner.
    pub partner: Option<String>,
    /// A topic.
    pub topic: Option<String>,
    /// Text in a name (title or alias), the notes or a progress text.
    pub text: Option<String>,
}

impl CaseFilter {
    /// The filter with its names normalised, as they are compared.
    fn normalized(&self) -> CaseFilter {
        let n = |v: &Option<String>| v.as_deref().map(normalize);
        CaseFilter {
            lead: n(&self.lead),
            partner: n(&self.partner),
            topic: n(&self.topic),
            text: n(&self.text),
            ..self.clone()
        }
    }

    /// Whether `c` matches, for a filter already [normalised](CaseFilter::normalized).
    fn matches_normal(&self, c: &Case) -> bool {
        let same = |x: &str, want: &String| &normalize(x) == want;
        self.group.as_ref().is_none_or(|g| c.group.value == g)
            && self.status.is_none_or(|s| c.status.value == s)
            && self
                .lead
                .as_ref()
                .is_none_or(|l| c.lead.as_ref().is_some_and(|x| same(x, l)))
            && self
                .partner
                .as_ref()
                .is_none_or(|l| c.lead.iter().chain(&c.partners).any(|x| same(x, l)))
            && self
                .topic
                .as_ref()
                .is_none_or(|t| c.topics.iter().any(|x| same(x, t)))
            && self.text.as_ref().is_none_or(|t| has_text(c, t))
    }

    /// Whether `c` matches.
    pub fn matches(&self, c: &Case) -> bool {
        self.normalized().matches_normal(c)
    }
}

/// Whether a name of the case, its notes or a progress text holds `t` (normalised).
fn has_text(c: &Case, t: &str) -> bool {
    c.names().any(|n| normalize(n).contains(t))
        || c.notes.as_deref().is_some_and(|n| normalize(n).contains(t))
        || c.progress.iter().any(|p| normalize(&p.text).contains(t))
}

/// The cases that match, in the platform's group order, then by number, then by id.
pub fn select<'a>(reg: &'a Register, f: &CaseFilter) -> Vec<&'a Case> {
    let f = f.normalized();
    let p = &reg.platform.value;
    let mut cases: Vec<&Case> = reg
        .cases
        .iter()
        .map(|d| &d.value)
        .filter(|c| f.matches_normal(c))
        .collect();
    cases.sort_by_key(|c| {
        (
            p.group_by_name(&c.group).unwrap_or(usize::MAX),
            crate::model::names::split_id(&c.id).map_or(0, |x| x.1),
            c.id.value.clone(),
        )
    });
    cases
}
