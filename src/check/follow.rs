//! Rules on follow-up: the chair's instructions (ids, addressees, closings) and milestones.

use super::Ctx;
use crate::catalog as cat;
use crate::finding::Finding;
use crate::model::names::suggest_str;
use crate::msg::Msg;
use std::collections::HashMap;

/// An instruction id: lower-case letters, digits and '-', starting with a letter or digit.
fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

pub fn instructions(ctx: &Ctx, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    let p = &reg.platform.value;
    // Every instruction id, with the meeting that gives it.
    let mut given: HashMap<&str, usize> = HashMap::new();
    for (mi, mdoc) in reg.meetings.iter().enumerate() {
        for ins in &mdoc.value.instructions {
            let i = &ins.value;
            if !valid_id(&i.id.value) {
                out.push(
                    Finding::error(
                        "instruction-id",
                        &mdoc.path,
                        i.id.pos,
                        Msg::new(&cat::NOT_AN_INSTRUCTION_ID).text("id", i.id.value.clone()),
                    )
                    .with_hint(Msg::new(&cat::INSTRUCTION_ID_SHAPE)),
                );
            }
            if let Some(&other) = given.get(i.id.value.as_str()) {
                out.push(Finding::error(
                    "instruction-id",
                    &mdoc.path,
                    i.id.pos,
                    Msg::new(&cat::INSTRUCTION_TWICE)
                        .text("id", i.id.value.clone())
                        .text("file", reg.meetings[other].path.display().to_string()),
                ));
            } else {
                given.insert(&i.id.value, mi);
            }
            if let Some(to) = &i.to {
                let member = p.members.iter().any(|m| m.value == to.value);
                if !member && p.group_index(&to.value).is_none() {
                    let members: Vec<String> = p.members.iter().map(|m| m.value.clone()).collect();
                    let suggestion = p
                        .suggest_group(&to.value)
                        .or_else(|| suggest_str(&to.value, &members));
                    out.push(
                        Finding::error(
                            "instruction-to",
                            &mdoc.path,
                            to.pos,
                            Msg::new(&cat::UNKNOWN_ADDRESSEE).text("to", to.value.clone()),
                        )
                        .with_hint_msg(
                            suggestion.map(|s| Msg::new(&cat::DID_YOU_MEAN).text("name", s)),
                        ),
                    );
                }
            }
            if i.text.trim().is_empty() {
                out.push(Finding::error(
                    "instruction-text",
                    &mdoc.path,
                    i.id.pos,
                    Msg::new(&cat::INSTRUCTION_NO_TEXT).text("id", i.id.value.clone()),
                ));
            }
        }
    }
    let ids: Vec<String> = given.keys().map(|s| (*s).to_string()).collect();
    let mut closed: HashMap<&str, usize> = HashMap::new();
    for (mi, mdoc) in reg.meetings.iter().enumerate() {
        let m = &mdoc.value;
        for c in &m.close {
            match given.get(c.value.as_str()) {
                None => out.push(
                    Finding::error(
                        "instruction-close",
                        &mdoc.path,
                        c.pos,
                        Msg::new(&cat::CLOSE_UNKNOWN).text("id", c.value.clone()),
                    )
                    .with_hint_msg(
                        suggest_str(&c.value, &ids)
                            .map(|s| Msg::new(&cat::DID_YOU_MEAN).text("name", s)),
                    ),
                ),
                Some(&gm) => {
                    let gd = reg.meetings[gm].value.date();
                    let later = match (gd, m.date()) {
                        (Some(g), Some(d)) => d > g,
                        _ => gm != mi,
                    };
                    if gm == mi || !later {
                        out.push(Finding::error(
                            "instruction-close",
                            &mdoc.path,
                            c.pos,
                            Msg::new(&cat::CLOSE_TOO_EARLY)
                                .text("meeting", m.id.value.clone())
                                .text("id", c.value.clone())
                                .text("given", reg.meetings[gm].value.id.value.clone()),
                        ));
                    }
                    if let Some(&first) = closed.get(c.value.as_str()) {
                        out.push(Finding::warning(
                            "instruction-close",
                            &mdoc.path,
                            c.pos,
                            Msg::new(&cat::ALREADY_CLOSED)
                                .text("id", c.value.clone())
                                .text("meeting", reg.meetings[first].value.id.value.clone()),
                        ));
                    } else {
                        closed.insert(&c.value, mi);
                    }
                }
            }
        }
    }
}

pub fn milestones(ctx: &Ctx, out: &mut Vec<Finding>) {
    for doc in &ctx.reg.cases {
        for m in &doc.value.milestones {
            if m.value.text.trim().is_empty() {
                out.push(Finding::error(
                    "milestone",
                    &doc.path,
                    m.pos,
                    Msg::new(&cat::MILESTONE_NO_TEXT),
                ));
            }
        }
    }
}
