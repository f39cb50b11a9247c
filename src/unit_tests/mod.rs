//! In-process unit tests of the pure core (check rules, the planner's decision kinds, the tally),
//! on small registers built in memory, and the tiny builder they share. Compiled for tests only.
//!
//! The registers are YAML texts parsed by the same code `load` uses, so a test reads like the files
//! a secretariat writes, and nothing touches the disk.

mod check;
mod follow;
mod minutes;
mod plan;
mod report;
mod tally;

use crate::finding::Finding;
use crate::index::Index;
use crate::load::parse_doc;
use crate::model::{Case, Meeting, Platform};
use crate::model::{Doc, Register};
use std::path::{Path, PathBuf};

// The small register the CLI tests start from too (`tests/fixtures/small/`).

/// Two members, two groups (交通組 TR with the alias 交通, 衛生社福組 HW), two levels, one topic.
pub const PLATFORM: &str = include_str!("../../tests/fixtures/small/platform.yaml");
/// vm-1 adds TR-001 捷運環狀線（北環段）, TR-002 跨市公車路線整合 and HW-001 長照資源共享平台.
pub const VM1: &str = include_str!("../../tests/fixtures/small/vm-1.yaml");
/// vm-2 delists TR-002 and states the numbers right.
pub const VM2: &str = include_str!("../../tests/fixtures/small/vm-2.yaml");
/// Alias 環狀線北環; lead 臺北市, partner 新北市, one topic; line 8 is `status:`.
pub const TR001: &str = include_str!("../../tests/fixtures/small/TR-001.yaml");
pub const TR002: &str = include_str!("../../tests/fixtures/small/TR-002.yaml");
pub const HW001: &str = include_str!("../../tests/fixtures/small/HW-001.yaml");

/// A register written as YAML texts, parsed in memory.
#[derive(Clone)]
pub struct Reg {
    platform: String,
    cases: Vec<(PathBuf, String)>,
    meetings: Vec<(PathBuf, String)>,
}

/// The `id:` line of a document.
fn id_of(yaml: &str) -> &str {
    yaml.lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("the document has an `id:` line")
        .trim()
}

impl Reg {
    /// [`PLATFORM`] and nothing else.
    pub fn minimal() -> Reg {
        Reg {
            platform: PLATFORM.to_string(),
            cases: Vec::new(),
            meetings: Vec::new(),
        }
    }

    /// vm-1 and vm-2 applied to TR-001, TR-002 and HW-001: a register without a finding.
    pub fn standard() -> Reg {
        Reg::minimal()
            .meeting(VM1)
            .meeting(VM2)
            .case(TR001)
            .case(TR002)
            .case(HW001)
    }

    pub fn platform(mut self, yaml: &str) -> Reg {
        self.platform = yaml.to_string();
        self
    }

    /// A case at `cases/<code>/<id>.yaml`; a case of the same path is replaced.
    pub fn case(self, yaml: &str) -> Reg {
        let id = id_of(yaml);
        let code = id.split('-').next().unwrap_or("X");
        let path = format!("cases/{code}/{id}.yaml");
        self.case_at(&path, yaml)
    }

    /// A case at a path of the test's choosing.
    pub fn case_at(mut self, path: &str, yaml: &str) -> Reg {
        let path = PathBuf::from(path);
        self.cases.retain(|(p, _)| *p != path);
        self.cases.push((path, yaml.to_string()));
        self
    }

    /// A meeting at `meetings/<id>.yaml`; a meeting of the same path is replaced.
    pub fn meeting(self, yaml: &str) -> Reg {
        let path = format!("meetings/{}.yaml", id_of(yaml));
        self.meeting_at(&path, yaml)
    }

    pub fn meeting_at(mut self, path: &str, yaml: &str) -> Reg {
        let path = PathBuf::from(path);
        self.meetings.retain(|(p, _)| *p != path);
        self.meetings.push((path, yaml.to_string()));
        self
    }

    /// The register as `load` would give it (files in path order). Panics on a file that does not parse:
    /// these tests are about the rules after parsing.
    pub fn build(&self) -> Register {
        let platform: Doc<Platform> = parse(Path::new("platform.yaml"), &self.platform);
        let mut cases: Vec<Doc<Case>> = self.cases.iter().map(|(p, t)| parse(p, t)).collect();
        cases.sort_by(|a, b| a.path.cmp(&b.path));
        let mut meetings: Vec<Doc<Meeting>> = self
            .meetings
            .iter()
            .map(|(p, t)| {
                let mut d: Doc<Meeting> = parse(p, t);
                d.value.fill_positions();
                d
            })
            .collect();
        meetings.sort_by(|a, b| a.path.cmp(&b.path));
        Register {
            root: PathBuf::from("register"),
            platform,
            cases,
            meetings,
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Doc<T> {
    parse_doc(path, text.to_string())
        .unwrap_or_else(|f| panic!("{}: {}: {}", path.display(), f.pos.line, f.message))
}

/// Findings as `file:line: severity code: message`, one string each, in the rules' order.
pub fn lines(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {} {}: {}",
                f.file.display(),
                f.pos.line,
                f.severity.as_str(),
                f.code,
                f.message
            )
        })
        .collect()
}

/// The index of a case by id in a built register.
pub fn case_index(reg: &Register, id: &str) -> usize {
    Index::new(reg)
        .case(id)
        .unwrap_or_else(|| panic!("no case {id}"))
}

#[test]
fn the_standard_register_is_clean() {
    let reg = Reg::standard().build();
    assert_eq!(lines(&crate::check::run(&reg)), Vec::<String>::new());
    assert_eq!((reg.cases.len(), reg.meetings.len()), (3, 2));
}
