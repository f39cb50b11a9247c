//! `platform.yaml`: the platform's members, groups, meeting levels and common topics.

use super::date::Date;
use super::names::normalize;
use crate::yaml::Sp;
use serde::Deserialize;

/// The platform itself (`platform.yaml`): its members, groups, meeting levels and common topics.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// The platform's full name (基北北桃合作交流平臺).
    pub name: Sp<String>,
    /// A short name for messages and reports (基北北桃).
    #[serde(default)]
    pub short: Option<String>,
    /// The day the platform was founded.
    #[serde(default)]
    pub founded: Option<Sp<Date>>,
    /// The language the register is written in (`zh-TW`, `en`): the comments of the skeletons
    /// `kbbt new` writes are in it. Output follows `--lang` and the locale, not this.
    #[serde(default)]
    pub language: Option<Sp<String>>,
    /// The member cities, e.g. `[基隆市, 臺北市, 新北市, 桃園市]`.
    pub members: Vec<Sp<String>>,
    /// The working groups, in the platform's own order.
    pub groups: Vec<Sp<GroupDef>>,
    /// The meeting levels (`市長層級`, `副市長層級`, ...); every meeting has one.
    #[serde(default)]
    pub levels: Vec<Sp<String>>,
    /// Common topics (共同議題) that tag cases across groups.
    #[serde(default)]
    pub topics: Vec<Sp<String>>,
    /// The documents the register was built from.
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
    /// The day on which the source lists every ongoing case.
    pub date: Sp<Date>,
    /// The source, as its title reads.
    pub source: String,
    /// Free text about the listing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A working group (分組): its name, the code that prefixes its cases' ids, and other spellings.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    /// The group's name (交通組); cases name their group by it.
    pub name: Sp<String>,
    /// One to four upper-case ASCII letters (`TR`) that prefix the group's case ids.
    pub code: Sp<String>,
    /// Other names the documents use for the group (交通).
    #[serde(default)]
    pub aliases: Vec<Sp<String>>,
}

impl Platform {
    /// The language the register is written in (`language:`): Chinese for `zh-TW`, else English.
    /// What kbbt writes into the register (comments, recorded notes) is in it.
    pub fn writes_in(&self) -> crate::i18n::Lang {
        match self.language.as_ref().map(|l| l.value.as_str()) {
            Some("zh-TW") => crate::i18n::Lang::ZhTw,
            _ => crate::i18n::Lang::En,
        }
    }
    /// The member cities' names, in the platform's order.
    pub fn member_names(&self) -> Vec<String> {
        self.members.iter().map(|m| m.value.clone()).collect()
    }

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
    /// The short name if there is one, else the full name.
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
