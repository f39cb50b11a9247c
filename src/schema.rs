//! JSON Schemas (draft 2020-12) of the three file kinds, for editors (yaml-language-server) and
//! other tools. Pure: they are values built here, written to `schemas/` and printed by `kbbt schema`.
//!
//! They follow docs/FORMAT.md and what the parser accepts: unknown fields are refused
//! (`additionalProperties: false`), optional one-value fields may be `null`, lists may not, decision
//! items are a string or a mapping. Texts are strings: a name that other YAML readers would take for a
//! number (`123`) is flagged, as kbbt writes it quoted. What needs the whole register (known groups,
//! ids that resolve, counts) is `kbbt validate`'s job, not the schema's.

use serde_json::{Value, json};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The file kinds that have a schema, as `kbbt schema` names them.
pub const KINDS: [&str; 3] = ["case", "meeting", "platform"];

/// A date as kbbt reads it: ISO (`2024-07-11`, `2024/7/11`) or ROC (`113-07-11`, `113/7/11`,
/// `113.7.11`, `113年7月11日`, `民國113年7月11日`).
fn date(description: &str) -> Value {
    json!({
        "type": "string",
        "description": format!("{description} ISO (2024-07-11) is the form kbbt writes; ROC forms such as 113-07-11 or 113年7月11日 are read too."),
        "pattern": r"^\s*(?:(?:中華)?民國\s*)?[0-9]{1,4}\s*(?:年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2})\s*$"
    })
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn opt_text(description: &str) -> Value {
    json!({ "type": ["string", "null"], "description": description })
}

fn names(description: &str) -> Value {
    json!({ "type": "array", "description": description, "items": { "type": "string" } })
}

fn case_id(description: &str) -> Value {
    json!({
        "type": "string",
        "description": description,
        "pattern": "^[A-Z]{1,4}-[0-9]{3,}$"
    })
}

fn object(description: &str, required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "description": description,
        "required": required,
        "additionalProperties": false,
        "properties": properties
    })
}

fn root(title: &str, description: &str, body: Value, defs: Value) -> Value {
    let mut v = body;
    if let Some(o) = v.as_object_mut() {
        o.insert("$schema".into(), json!(DRAFT));
        o.insert("title".into(), json!(title));
        o.insert("description".into(), json!(description));
        if !defs.is_null() {
            o.insert("$defs".into(), defs);
        }
    }
    v
}

/// `cases/<code>/<id>.yaml`.
pub fn case() -> Value {
    let actions = [
        "add", "subcase", "relist", "seen", "propose", "delist", "replace", "merge", "absorb",
        "rename",
    ];
    let history_entry = object(
        "One decision that touched the case: { date, meeting, action, note, source }.",
        &["action"],
        json!({
            "date": { "anyOf": [date("The date of the decision (the meeting's date when `meeting` is given)."), { "type": "null" }] },
            "not_after": { "anyOf": [date("For a decision whose own date no document gives: the latest day it can have happened (the reporting document's date). Only without `date` and `meeting`."), { "type": "null" }] },
            "meeting": { "type": ["string", "null"], "description": "The id of the meeting that decided it, e.g. vm-3. Every action but `seen` needs one, unless `source` names the document (not a meeting's minutes) that states the decision.", "pattern": "^[a-z0-9][a-z0-9-]*$" },
            "action": {
                "description": "add (同意新增), subcase (子案), relist, seen (tracked, no recorded decision; give `source`), propose (提案), delist (解列), replace, merge, absorb, rename.",
                "enum": actions
            },
            "note": opt_text("Free text, e.g. the minutes' wording."),
            "source": opt_text("The document this entry comes from.")
        }),
    );
    let progress_entry = object(
        "The progress (辦理情形) as of a date.",
        &["as_of", "text"],
        json!({
            "as_of": date("The date of the report (資料時間)."),
            "text": text("The report's text: one line per list item or paragraph."),
            "planned": { "type": ["number", "null"], "minimum": 0, "maximum": 100, "description": "Planned progress on that date, percent (預定進度)." },
            "actual": { "type": ["number", "null"], "minimum": 0, "maximum": 100, "description": "Actual progress on that date, percent (實際進度)." }
        }),
    );
    let body = object(
        "One cooperation case (合作案件) and its history.",
        &["id", "title", "group", "status"],
        json!({
            "id": case_id("The case id: the group's code, a dash and three or more digits, e.g. TR-012. The file is named <id>.yaml."),
            "title": text("The case's name as the documents write it."),
            "aliases": names("Other names the documents use; matching uses them."),
            "group": text("A group name of the platform (not a code or alias), e.g. 交通組."),
            "lead": opt_text("The lead member (主辦), one of the platform's members."),
            "partners": names("Other members involved (合作)."),
            "topics": names("Common topics (共同議題) of the platform."),
            "parent": { "anyOf": [case_id("The parent case of a 子案."), { "type": "null" }] },
            "status": {
                "description": "Must agree with the last status-changing entry of history.",
                "enum": ["proposed", "ongoing", "delisted", "merged", "replaced"]
            },
            "replaces": { "type": "array", "description": "Cases this one replaced (the other side has replaced_by).", "items": case_id("A case id.") },
            "replaced_by": { "type": "array", "description": "The cases that replaced this one.", "items": case_id("A case id.") },
            "merged_into": { "anyOf": [case_id("The case this one was merged into (the other side has merged_from)."), { "type": "null" }] },
            "merged_from": { "type": "array", "description": "Cases merged into this one.", "items": case_id("A case id.") },
            "history": { "type": "array", "description": "Every decision that touched the case, oldest first.", "items": { "$ref": "#/$defs/history_entry" } },
            "progress": { "type": "array", "description": "Progress (辦理情形), newest first.", "items": { "$ref": "#/$defs/progress" } },
            "milestones": {
                "type": "array",
                "description": "Milestones (里程碑): what is due when, and the day it was met. `kbbt check overdue` lists those past due.",
                "items": object("A milestone.", &["due", "text"], json!({
                    "due": date("When it is due."),
                    "done": { "anyOf": [date("The day it was met."), { "type": "null" }] },
                    "text": text("What is due."),
                    "source": opt_text("Where the milestone comes from.")
                }))
            },
            "sources": names("Where the facts came from."),
            "notes": opt_text("Free text, e.g. where the documents disagree."),
            "kind": opt_text("提案類型 (proposal form)."),
            "summary": opt_text("說明 (proposal form)."),
            "approach": opt_text("具體作法 (proposal form)."),
            "benefits": opt_text("合作效益 (proposal form)."),
            "ministries": names("對應中央部會: central ministries the case asks."),
            "contact": opt_text("The contact office only; no personal names or phone numbers.")
        }),
    );
    root(
        "kbbt case file",
        "A case file of a kbbt register: cases/<code>/<id>.yaml. See docs/FORMAT.md.",
        body,
        json!({ "history_entry": history_entry, "progress": progress_entry }),
    )
}

/// `meetings/<id>.yaml`.
pub fn meeting() -> Value {
    let stated = json!({
        "description": "A number as the source states it, or a range (「七十多項」: { min: 71, max: 79 }).",
        "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "object", "additionalProperties": false, "required": ["min", "max"],
              "properties": { "min": { "type": "integer", "minimum": 0 }, "max": { "type": "integer", "minimum": 0 } } },
            { "type": "null" }
        ]
    });
    let name = json!({ "type": "string", "description": "A case id, title or alias." });
    let new_case_map = object(
        "A new case: its title and optionally a pinned id, lead, partners, topics, aliases and a note.",
        &["title"],
        json!({
            "title": text("The new case's title."),
            "id": case_id("Pin the id (otherwise the group's next free id)."),
            "parent": { "type": "string", "description": "The parent case (a case id, title or alias), for a sub-case." },
            "lead": opt_text("The lead member."),
            "partners": names("Other members involved."),
            "topics": names("Common topics."),
            "aliases": names("Other names of the case."),
            "note": opt_text("Kept in the history entry.")
        }),
    );
    let new_case = json!({
        "description": "A title, or a mapping with `title` and more.",
        "anyOf": [
            { "type": "string", "description": "The new case's title." },
            { "$ref": "#/$defs/new_case_map" }
        ]
    });
    let reference = json!({
        "description": "A case id, title or alias, or { case, id, note }.",
        "anyOf": [
            name.clone(),
            object(
                "A reference with the minutes' wording, the case's id when the wording is not yet one of its names (apply records it as an alias), and a note.",
                &["case"],
                json!({
                    "case": { "type": "string", "description": "The case as the minutes write it." },
                    "id": case_id("The case's id."),
                    "note": opt_text("Kept in the history entry.")
                }),
            )
        ]
    });
    let count = json!({ "type": ["integer", "null"], "minimum": 0 });
    let group = object(
        "One group's decisions. Within a group apply takes them in this order: replace, merge, add, subcases, propose, rename, relist, delist.",
        &[],
        json!({
            "add": { "type": "array", "description": "同意新增: new cases.", "items": { "$ref": "#/$defs/new_case" } },
            "delist": { "type": "array", "description": "同意解列: cases no longer tracked.", "items": { "$ref": "#/$defs/reference" } },
            "ongoing": { "type": ["integer", "null"], "minimum": 0, "description": "The minutes' 「其餘 N 案持續列管」: an assertion, checked against the register." },
            "subcases": { "type": "array", "description": "子案: new cases under a parent (give `parent`).", "items": { "$ref": "#/$defs/new_case" } },
            "replace": {
                "type": "array",
                "description": "One case replaced by several.",
                "items": object("A replacement.", &["case", "by"], json!({
                    "case": name.clone(),
                    "by": { "type": "array", "items": { "$ref": "#/$defs/new_case" } },
                    "note": opt_text("Kept in the history entries.")
                }))
            },
            "merge": {
                "type": "array",
                "description": "Several cases merged into one, existing or new.",
                "items": object("A merger.", &["cases", "into"], json!({
                    "cases": { "type": "array", "items": name.clone() },
                    "into": {
                        "description": "An existing case (id, title or alias), or a new case mapping.",
                        "anyOf": [name.clone(), { "$ref": "#/$defs/new_case_map" }]
                    },
                    "note": opt_text("Kept in the history entries.")
                }))
            },
            "rename": {
                "type": "array",
                "description": "Renames; the old title is kept as an alias.",
                "items": object("A rename.", &["case", "to"], json!({
                    "case": name.clone(),
                    "to": text("The new title."),
                    "note": opt_text("Kept in the history entry.")
                }))
            },
            "propose": { "type": "array", "description": "提案 / 臨時動議: raised, not yet tracked.", "items": { "$ref": "#/$defs/new_case" } },
            "relist": { "type": "array", "description": "Cases tracked again after a delist.", "items": { "$ref": "#/$defs/reference" } }
        }),
    );
    let body = object(
        "The decisions of one meeting, per group, and the numbers it states.",
        &["id", "title", "level"],
        json!({
            "id": { "type": "string", "description": "Lower-case letters, digits and '-', e.g. vm-3. The file is named <id>.yaml.", "pattern": "^[a-z0-9][a-z0-9-]*$" },
            "title": text("The meeting's title, e.g. 基北北桃合作交流平臺第 3 次副市長層級會議."),
            "level": text("One of the platform's levels, e.g. 副市長層級."),
            "date": { "anyOf": [date("The meeting's date."), { "type": "null", "description": "Only when the source document lost it." }] },
            "source": opt_text("The document the decisions are transcribed from."),
            "records": {
                "type": ["array", "null"],
                "description": "The kinds of decision this file records in full; absent: all. A count that depends on a kind not recorded is unknown (「不詳」), never 0. `ongoing` needs delist, replace and merge.",
                "items": { "enum": ["add", "delist", "subcases", "replace", "merge", "rename", "propose", "relist"] }
            },
            "decisions": {
                "type": ["object", "null"],
                "description": "Per group (name, code or alias), in any order.",
                "additionalProperties": { "$ref": "#/$defs/group_decisions" }
            },
            "totals": {
                "anyOf": [
                    object("The summary line: assertions, each optional.", &[], json!({ "delist": count, "add": count, "ongoing": count })),
                    { "type": "null" }
                ]
            },
            "all_time": {
                "anyOf": [
                    object("An all-time statement.", &[], json!({ "cases": count, "completed": count })),
                    { "type": "null" }
                ]
            },
            "discrepancies": {
                "type": "array",
                "description": "Stated numbers the register disagrees with, kept openly.",
                "items": object("A stated number and the register's.", &["field", "stated", "register"], json!({
                    "group": opt_text("The group (for add, delist, ongoing of a group)."),
                    "field": { "enum": ["add", "delist", "ongoing", "cases", "completed"], "description": "add, delist or ongoing (with group, or for the totals line without); cases or completed for all_time." },
                    "stated": { "type": "integer", "minimum": 0 },
                    "register": { "type": "integer", "minimum": 0 },
                    "kind": { "$ref": "#/$defs/kind" },
                    "note": opt_text("The likely cause.")
                }))
            },
            "statements": {
                "type": "array",
                "description": "Numbers about this meeting stated by sources other than its minutes (press coverage, a city's press release), checked like the minutes' own.",
                "items": object("A statement by another source.", &["source"], json!({
                    "source": text("The source: title, outlet, author, as it gives them."),
                    "date": { "anyOf": [date("When the source was published."), { "type": "null" }] },
                    "url": opt_text("Where the source can be read."),
                    "quote": opt_text("The source's own words."),
                    "totals": {
                        "anyOf": [
                            object("Counts the source states.", &[], json!({ "delist": stated, "add": stated, "ongoing": stated, "tracked": stated })),
                            { "type": "null" }
                        ]
                    },
                    "all_time": {
                        "anyOf": [
                            object("All-time numbers the source states.", &[], json!({ "cases": stated, "completed": stated })),
                            { "type": "null" }
                        ]
                    },
                    "discrepancies": {
                        "type": "array",
                        "description": "Numbers of this statement that disagree with the register (or the minutes).",
                        "items": object("A stated number and the register's.", &["field", "stated", "register"], json!({
                            "group": opt_text("Not used for statements."),
                            "field": { "enum": ["add", "delist", "ongoing", "tracked", "cases", "completed"] },
                            "stated": { "type": "integer", "minimum": 0 },
                            "register": { "type": "integer", "minimum": 0 },
                            "kind": { "$ref": "#/$defs/kind" },
                            "note": opt_text("The likely cause.")
                        }))
                    },
                    "note": opt_text("How the numbers were read.")
                }))
            },
            "instructions": {
                "type": "array",
                "description": "The chair's instructions (主席裁示 / 指示事項) given at this meeting, followed up until a later meeting closes them.",
                "items": object("An instruction.", &["id", "text"], json!({
                    "id": { "type": "string", "description": "Unique in the register: lower-case letters, digits and '-', e.g. m-2-1.", "pattern": "^[a-z0-9][a-z0-9-]*$" },
                    "to": opt_text("A group (name, code or alias) or a member city; absent: everyone."),
                    "text": text("The instruction as the minutes write it."),
                    "due": { "anyOf": [date("When it is due, if the minutes say."), { "type": "null" }] },
                    "note": opt_text("Free text.")
                }))
            },
            "close": { "type": "array", "description": "Instructions of earlier meetings closed (解除列管) at this one, by id.", "items": { "type": "string" } }
        }),
    );
    root(
        "kbbt meeting file",
        "A meeting file of a kbbt register: meetings/<id>.yaml. See docs/FORMAT.md.",
        body,
        json!({
            "new_case_map": new_case_map,
            "new_case": new_case,
            "reference": reference,
            "group_decisions": group,
            "kind": {
                "description": "The kind of disagreement: arithmetic (the minutes contradict their own arithmetic), unnamed (they count cases they never name), third-party (another source disagrees); or a list of them.",
                "anyOf": [
                    { "enum": ["arithmetic", "unnamed", "third-party"] },
                    { "type": "array", "items": { "enum": ["arithmetic", "unnamed", "third-party"] } },
                    { "type": "null" }
                ]
            }
        }),
    )
}

/// `platform.yaml`.
pub fn platform() -> Value {
    let group = object(
        "A group (組) of the platform.",
        &["name", "code"],
        json!({
            "name": text("The group's name, e.g. 交通組."),
            "code": { "type": "string", "description": "1–4 upper-case letters; it prefixes the ids of the group's cases.", "pattern": "^[A-Z]{1,4}$" },
            "aliases": names("Other names users may type, e.g. 交通.")
        }),
    );
    let body = object(
        "The platform: its members, groups, meeting levels and common topics.",
        &["name", "members", "groups"],
        json!({
            "name": text("The platform's name, e.g. 基北北桃合作交流平臺."),
            "short": opt_text("A short name for messages and reports."),
            "founded": { "anyOf": [date("When the platform was founded."), { "type": "null" }] },
            "language": { "type": ["string", "null"], "description": "The language the register is written in: zh-TW or en. The comments of the files `kbbt new` writes are in it.", "enum": ["zh-TW", "en", null] },
            "members": names("The member cities and counties."),
            "groups": { "type": "array", "description": "In the platform's own order.", "items": group },
            "levels": names("Meeting levels, e.g. 市長層級, 副市長層級."),
            "topics": names("Common topics (共同議題) that tag cases across groups."),
            "sources": names("The documents the register was built from."),
            "listings": {
                "type": "array",
                "description": "Complete listings: sources that list every ongoing case on their date. A case ongoing by recorded decisions but absent from the latest listing is unconfirmed from its date.",
                "items": object("A complete listing.", &["date", "source"], json!({
                    "date": date("The listing's date (資料時間)."),
                    "source": text("The document."),
                    "note": opt_text("Free text.")
                }))
            }
        }),
    );
    root(
        "kbbt platform file",
        "platform.yaml of a kbbt register. See docs/FORMAT.md.",
        body,
        Value::Null,
    )
}

/// The schema of a file kind (`case`, `meeting` or `platform`).
pub fn for_kind(kind: &str) -> Option<Value> {
    match kind {
        "case" => Some(case()),
        "meeting" => Some(meeting()),
        "platform" => Some(platform()),
        _ => None,
    }
}

/// The schema as the text of `schemas/<kind>.schema.json`: pretty JSON with a final newline.
pub fn text_of(kind: &str) -> Option<String> {
    for_kind(kind).map(|v| {
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every object schema refuses unknown fields.
    fn closed(v: &Value, path: &str) {
        match v {
            Value::Object(o) => {
                if o.get("type") == Some(&json!("object")) && o.contains_key("properties") {
                    assert_eq!(o.get("additionalProperties"), Some(&json!(false)), "{path}");
                }
                for (k, x) in o {
                    closed(x, &format!("{path}/{k}"));
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    closed(x, &format!("{path}/{i}"));
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_object_is_closed_and_every_kind_has_a_schema() {
        for k in KINDS {
            let v = for_kind(k).unwrap();
            assert_eq!(v["$schema"], DRAFT);
            closed(&v, k);
        }
        assert!(for_kind("x").is_none());
    }

    #[test]
    fn case_fields_are_the_models_fields() {
        // The schema's properties are exactly the canonical keys, in the same order.
        let v = case();
        let mut keys: Vec<&str> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want: Vec<&str> = crate::canon::CASE_KEYS.to_vec();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want);
    }
}
