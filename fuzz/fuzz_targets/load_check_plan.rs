//! load → check → plan on untrusted text: a platform, a case and a meeting, split by 0xFF (a byte that
//! is never in UTF-8). Nothing may panic, loop or blow up; findings are values.
#![no_main]

use kbbt::load::parse_doc;
use kbbt::model::{Doc, Register};
use kbbt::model::{Case, Meeting, Platform};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const PLATFORM: &str = "name: 測試平臺\nmembers: [臺北市, 新北市]\ngroups:\n  - { name: 交通組, code: TR, aliases: [交通] }\nlevels: [副市長層級]\n";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF);
    let mut text = || String::from_utf8_lossy(parts.next().unwrap_or(&[])).into_owned();
    let (p, c, m) = (text(), text(), text());
    let platform = parse_doc::<Platform>(Path::new("platform.yaml"), p)
        .or_else(|_| parse_doc::<Platform>(Path::new("platform.yaml"), PLATFORM.to_string()));
    let Ok(platform) = platform else { return };
    let cases: Vec<Doc<Case>> = parse_doc::<Case>(Path::new("cases/TR/TR-001.yaml"), c)
        .into_iter()
        .collect();
    let meeting = parse_doc::<Meeting>(Path::new("meetings/vm-1.yaml"), m).map(|mut d| {
        d.value.fill_positions();
        d
    });
    let reg = Register {
        root: "/nonexistent".into(),
        platform,
        cases,
        meetings: meeting.iter().cloned().collect(),
    };
    let _ = kbbt::check::run(&reg);
    if let Ok(m) = meeting {
        let idx = kbbt::index::Index::new(&reg);
        let plan = kbbt::apply::plan::plan(&reg, &idx, &m.value, &m.path);
        if plan.errors.is_empty() {
            let _ = kbbt::apply::changes(&reg, &plan);
        }
    }
});
