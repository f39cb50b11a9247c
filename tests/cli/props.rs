//! Properties: whatever bytes or YAML a case or meeting file holds, `validate` ends with 0 or 1,
//! never panics, and writes nothing.

use crate::support::{Reg, TR001, VM2};
use proptest::prelude::*;

/// A small YAML tree; lists and mappings are written in block or flow style.
#[derive(Debug, Clone)]
enum Y {
    Scalar(String),
    List(Vec<Y>, bool),
    Map(Vec<(String, Y)>, bool),
}

impl Y {
    fn is_block(&self) -> bool {
        match self {
            Y::Scalar(_) => false,
            Y::List(v, flow) => !flow && !v.is_empty(),
            Y::Map(v, flow) => !flow && !v.is_empty(),
        }
    }

    fn inline(&self) -> String {
        match self {
            Y::Scalar(s) => s.clone(),
            Y::List(v, _) => format!(
                "[{}]",
                v.iter().map(Y::inline).collect::<Vec<_>>().join(", ")
            ),
            Y::Map(v, _) => format!(
                "{{ {} }}",
                v.iter()
                    .map(|(k, x)| format!("{k}: {}", x.inline()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The node on lines of its own, indented by `indent`.
    fn block(&self, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match self {
            Y::List(v, false) if !v.is_empty() => {
                for x in v {
                    if x.is_block() {
                        out.push_str(&format!("{pad}-\n"));
                        x.block(indent + 2, out);
                    } else {
                        out.push_str(&format!("{pad}- {}\n", x.inline()));
                    }
                }
            }
            Y::Map(v, false) if !v.is_empty() => {
                for (k, x) in v {
                    if x.is_block() {
                        out.push_str(&format!("{pad}{k}:\n"));
                        x.block(indent + 2, out);
                    } else {
                        out.push_str(&format!("{pad}{k}: {}\n", x.inline()));
                    }
                }
            }
            other => out.push_str(&format!("{pad}{}\n", other.inline())),
        }
    }
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "TR-001", "TR-009", "HW-001", "tr-1", "../../x", "交通組", "交通", "TR", "衛生社福組",
            "ongoing", "delisted", "merged", "proposed", "add", "delist", "seen", "propose",
            "replace", "merge", "vm-1", "vm-2", "vm-9", "2024-07-11", "2024-12-20", "113-02-30",
            "113年7月11日", "臺北市", "台北市", "副市長層級", "跨市公車路線整合", "", "~", "null",
            "many", "-1", "0", "3", "99999999999999999999", "yes", "\"quoted\"", "'單引號'", "*a",
            "&a 錨", "&a", "!!str x", "|", ">", "#", "- x", "[", "{", "]", "}", ": x", "a: b",
        ])
        .prop_map(str::to_string),
        1 => "[a-zA-Z0-9 \\-:#&*!|>'\"%@`,\\[\\]{}\u{4e00}-\u{4e10}\u{ff08}\u{ff09}]{0,12}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "id", "title", "group", "status", "history", "action", "meeting", "date",
        ])
        .prop_map(str::to_string),
        2 => prop::sample::select(vec![
            "note", "source", "lead", "partners", "aliases", "parent", "replaced_by",
            "merged_into", "merged_from", "level", "decisions", "交通組", "TR", "add",
            "ongoing", "totals", "discrepancies", "stated", "register", "field", "stauts",
        ])
        .prop_map(str::to_string),
        1 => "[a-z_]{1,8}",
    ]
}

fn tree() -> impl Strategy<Value = Y> {
    scalar()
        .prop_map(Y::Scalar)
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                (prop::collection::vec(inner.clone(), 0..5), any::<bool>())
                    .prop_map(|(v, flow)| Y::List(v, flow)),
                (prop::collection::vec((key(), inner), 0..6), any::<bool>())
                    .prop_map(|(v, flow)| Y::Map(v, flow)),
            ]
        })
}

/// A document: mostly a block mapping of known fields, sometimes anything.
fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec((key(), tree()), 1..9).prop_map(|v| {
            let mut s = String::new();
            Y::Map(v, false).block(0, &mut s);
            s
        }),
        1 => tree().prop_map(|y| {
            let mut s = String::new();
            y.block(0, &mut s);
            s
        }),
    ]
}

/// Any bytes, or a valid file with some bytes overwritten, cut short or extended.
fn bytes(valid: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        (
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            any::<prop::sample::Index>(),
        )
            .prop_map(move |(edits, cut)| {
                let mut b = valid.as_bytes().to_vec();
                for (at, byte) in edits {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
                b.truncate(cut.index(b.len() + 1).max(1));
                b
            }),
    ]
}

/// Write `contents` at `rel` in a clean register, validate, and check the outcome.
fn check(rel: &str, contents: &[u8]) -> Result<(), TestCaseError> {
    let r = Reg::standard();
    r.write(rel, contents);
    let before = r.snapshot();
    let out = r.validate();
    prop_assert!(
        out.code == 0 || out.code == 1,
        "exit {} for {rel}:\n{}\nstdout:\n{}\nstderr:\n{}",
        out.code,
        String::from_utf8_lossy(contents),
        out.stdout,
        out.stderr
    );
    prop_assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    prop_assert!(out.stdout.ends_with('\n'), "{}", out.stdout);
    prop_assert!(r.snapshot() == before, "validate changed the register");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_as_a_case_file(b in bytes(TR001)) {
        check("cases/TR/TR-009.yaml", &b)?;
    }

    #[test]
    fn any_bytes_as_a_meeting_file(b in bytes(VM2)) {
        check("meetings/vm-9.yaml", &b)?;
    }

    #[test]
    fn any_yaml_as_a_case_file(doc in document()) {
        check("cases/TR/TR-009.yaml", doc.as_bytes())?;
    }

    #[test]
    fn any_yaml_as_a_meeting_file(doc in document()) {
        check("meetings/vm-9.yaml", doc.as_bytes())?;
    }
}
