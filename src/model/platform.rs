//! `platform.yaml`: the platform's members, groups, meeting levels and common topics.

use super::date::Date;
use super::names::normalize;
use crate::yaml::Sp;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub name: Sp<String>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub founded: Option<Sp<Date>>,
    /// The language the register is written in (`zh-TW`, `en`): the comments of the skeletons
    /// `kbbt new` writes are in it. Output follows `--lang` and the locale, not this.
    #[serde(default)]
    pub language: Option<Sp<String>>,
    pub members: Vec<Sp<String>>,
    pub groups: Vec<Sp<GroupDef>>,
    #[serde(default)]
    pub levels: Vec<Sp<String>>,
    #[serde(default)]
    pub topics: Vec<Sp<String>>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Sources that list every ongoing case on their date (a progress report declared complete).
    #[serde(default)]
    pub listings: Vec<Sp<Listing>>,
    /// Follow-up settings (the threshold for "behind").
    #[serde(default)]
    pub follow_up: Option<Sp<FollowUp>>,
}

/// Follow-up settings.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// A case is behind when its actual progress lags the planned by more than this many
    /// percentage points (default 10).
    #[serde(default)]
    pub behind: Option<Sp<super::Percent>>,
}

/// A complete listing: on `date`, `source` lists every case that is ongoing. A case ongoing by
/// recorded decisions but absent from it is unconfirmed from that date.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    pub date: Sp<Date>,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    pub name: Sp<String>,
    pub code: Sp<String>,
    #[serde(default)]
    pub aliases: Vec<Sp<String>>,
}

impl Platform {
    /// The index of the group written as `s`: its name, code or alias (normalised).
    pub fn group_index(&self, s: &str) -> Option<usize> {
        let n = normalize(s);
        self.groups.iter().position(|g| {
            normalize(&g.name) == n
                || g.code.eq_ignore_ascii_case(s.trim())
                || g.aliases.iter().any(|a| normalize(a) == n)
        })
    }
    /// The index of the group whose canonical name is exactly `name`.
    pub fn group_by_name(&self, name: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.name.value == name)
    }
    pub fn display_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
    /// The name of the group closest to a misspelt `s` (matched against names, codes and aliases).
    pub fn suggest_group(&self, s: &str) -> Option<String> {
        let spellings = self.group_spellings();
        let hit = super::names::closest(s, &spellings)?;
        let g = self.group_index(hit)?;
        Some(self.groups[g].name.value.clone())
    }

    /// Every spelling of a group a user may type, for suggestions.
    pub fn group_spellings(&self) -> Vec<String> {
        let mut v = Vec::new();
        for g in &self.groups {
            v.push(g.name.value.clone());
            v.push(g.code.value.clone());
            v.extend(g.aliases.iter().map(|a| a.value.clone()));
        }
        v
    }
}
