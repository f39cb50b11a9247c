//! Follow-up commands: `check overdue`, `list --instructions`, an instruction's card in `show`,
//! `suggest milestones`, `diff` and `log`. The rules live in `follow.rs`; these read the register,
//! call them and print.

use super::{Env, Outcome, load_clean, report_view, user_date, user_group};
use crate::cli::{CardFormat, DiffArgs};
use kbbt::exit::Exit;
use kbbt::follow::{self, InstructionRef};
use kbbt::index::{Index, Resolved};
use kbbt::model::names::id_key;
use kbbt::model::{Action, Date, Register, Status};
use kbbt::tally::Timelines;
use serde_json::json;
use std::fmt::Write as _;

/// `kbbt check overdue`: milestones past due, cases behind, and open instructions past due.
pub fn overdue(env: &Env, as_of: Option<&str>, group: Option<&str>) -> Outcome {
    let (reg, date, groups) = match report_view(env, as_of, group) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let behind = follow::behind_threshold(&reg);
    let p = &reg.platform.value;
    let st = env.style;
    let zh = st.lang == kbbt::i18n::Lang::ZhTw;
    let mut out = String::new();
    let mut found = 0;
    for &g in &groups {
        let mut cases: Vec<usize> = (0..reg.cases.len())
            .filter(|c| idx.case_group[*c] == Some(g))
            .filter(|c| tl.status_at(*c, date) == Some(Status::Ongoing))
            .collect();
        cases.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
        let mut lines = Vec::new();
        for c in cases {
            let case = &reg.cases[c].value;
            for m in follow::overdue(case, date) {
                lines.push(if zh {
                    format!(
                        "  {}  逾期（預定 {}）：{}（{}）",
                        case.id.value,
                        st.date(m.due.value),
                        m.text,
                        case.title.value
                    )
                } else {
                    format!(
                        "  {}  overdue since {}: {} ({})",
                        case.id.value, m.due.value, m.text, case.title.value
                    )
                });
            }
            if let Some((d, planned, actual)) = follow::lag(case, date)
                && planned - actual > behind
            {
                lines.push(if zh {
                    format!(
                        "  {}  落後：預定進度 {planned}%，實際進度 {actual}%（資料時間 {}）（{}）",
                        case.id.value,
                        st.date(d),
                        case.title.value
                    )
                } else {
                    format!(
                        "  {}  behind: planned {planned}%, actual {actual}% as of {d} ({})",
                        case.id.value, case.title.value
                    )
                });
            }
        }
        if !lines.is_empty() {
            found += lines.len();
            let gd = &p.groups[g];
            let _ = writeln!(
                out,
                "{}",
                st.bold(&format!("{} ({})", gd.name.value, gd.code.value))
            );
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
        }
    }
    // Open instructions past due, to a chosen group or (without --group) all of them.
    let mut ins_lines = Vec::new();
    for r in follow::instructions(&reg, &idx.meetings_by_date) {
        let i = &reg.meetings[r.meeting].value.instructions[r.index].value;
        let Some(due) = &i.due else { continue };
        if due.value >= date || !r.open_on(&reg, Some(date)) {
            continue;
        }
        let to_group = i.to.as_ref().and_then(|t| p.group_index(&t.value));
        if group.is_some() && to_group.is_none_or(|g| !groups.contains(&g)) {
            continue;
        }
        let to = i.to.as_ref().map(|t| t.value.as_str());
        ins_lines.push(if zh {
            format!(
                "  {}  期限 {}{}：{}",
                i.id.value,
                st.date(due.value),
                to.map_or(String::new(), |t| format!("（{t}）")),
                i.text
            )
        } else {
            format!(
                "  {}  due {}{}: {}",
                i.id.value,
                due.value,
                to.map_or(String::new(), |t| format!(" ({t})")),
                i.text
            )
        });
    }
    if !ins_lines.is_empty() {
        found += ins_lines.len();
        let _ = writeln!(
            out,
            "{}",
            st.bold(if zh {
                "主席指示事項"
            } else {
                "instructions"
            })
        );
        for l in ins_lines {
            let _ = writeln!(out, "{l}");
        }
    }
    let day = st.date(date);
    if found == 0 {
        let _ = if zh {
            writeln!(
                out,
                "{day} 無逾期或落後：無逾期之里程碑、無實際進度落後預定逾 {behind} 個百分點之案件、無逾期之主席指示"
            )
        } else {
            writeln!(
                out,
                "nothing overdue on {date}: no milestone past due, no case behind its plan by more than {behind} points, no instruction past due"
            )
        };
        return Outcome::ok(out);
    }
    let _ = if zh {
        writeln!(
            out,
            "{day} 逾期或落後共 {found} 項（落後：實際進度低於預定進度逾 {behind} 個百分點）"
        )
    } else {
        writeln!(
            out,
            "{} overdue or behind on {date} (behind: actual progress more than {behind} points below the planned)",
            kbbt::plural::count(found, "item")
        )
    };
    Outcome {
        stdout: out,
        code: Exit::Problems,
        ..Outcome::default()
    }
}

/// The state of an instruction: `open`, or `closed at vm-7` (「列管中」, 「於 vm-7 解除列管」).
fn state(lang: kbbt::i18n::Lang, reg: &Register, r: &InstructionRef) -> String {
    let zh = lang == kbbt::i18n::Lang::ZhTw;
    match (r.closed_by, zh) {
        (Some(m), false) => format!("closed at {}", reg.meetings[m].value.id.value),
        (Some(m), true) => format!("於 {} 解除列管", reg.meetings[m].value.id.value),
        (None, false) => "open".to_string(),
        (None, true) => "列管中".to_string(),
    }
}

/// `kbbt list --instructions`: every instruction, its meeting, addressee, due date and state.
pub fn instructions(env: &Env, group: Option<&str>, json_out: bool) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let g = match group.map(|g| user_group(&reg, g)).transpose() {
        Ok(g) => g,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let p = &reg.platform.value;
    let all: Vec<InstructionRef> = follow::instructions(&reg, &idx.meetings_by_date)
        .into_iter()
        .filter(|r| {
            let i = &reg.meetings[r.meeting].value.instructions[r.index].value;
            g.is_none_or(|g| i.to.as_ref().and_then(|t| p.group_index(&t.value)) == Some(g))
        })
        .collect();
    if json_out {
        let v: Vec<serde_json::Value> = all
            .iter()
            .map(|r| {
                let m = &reg.meetings[r.meeting].value;
                let i = &m.instructions[r.index].value;
                json!({
                    "id": i.id.value, "meeting": m.id.value, "date": m.date().map(|d| d.to_string()),
                    "to": i.to.as_ref().map(|t| t.value.clone()), "due": i.due.as_ref().map(|d| d.value.to_string()),
                    "text": i.text, "open": r.closed_by.is_none(),
                    "closed_by": r.closed_by.map(|c| reg.meetings[c].value.id.value.clone()),
                })
            })
            .collect();
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }
    let mut t = kbbt::render::Table::new(&["id", "meeting", "to", "due", "state", "text"]);
    for r in &all {
        let m = &reg.meetings[r.meeting].value;
        let i = &m.instructions[r.index].value;
        t.row(vec![
            i.id.value.clone(),
            m.id.value.clone(),
            i.to.as_ref().map_or(String::new(), |t| t.value.clone()),
            i.due
                .as_ref()
                .map_or(String::new(), |d| env.style.date(d.value)),
            state(env.style.lang, &reg, r),
            i.text.clone(),
        ]);
    }
    let open = all.iter().filter(|r| r.closed_by.is_none()).count();
    let mut s = t.terminal(env.style);
    let _ = writeln!(
        s,
        "{}, {open} open",
        kbbt::plural::count(all.len(), "instruction")
    );
    Outcome::ok(s)
}

/// The card of an instruction, when `name` is an instruction id.
pub fn instruction_card(env: &Env, reg: &Register, idx: &Index, name: &str) -> Option<Outcome> {
    let r = follow::instructions(reg, &idx.meetings_by_date)
        .into_iter()
        .find(|r| {
            reg.meetings[r.meeting].value.instructions[r.index]
                .value
                .id
                .value
                == name
        })?;
    let mdoc = &reg.meetings[r.meeting];
    let i = &mdoc.value.instructions[r.index].value;
    let st = env.style;
    let zh = st.lang == kbbt::i18n::Lang::ZhTw;
    let mut s = format!(
        "{} {}\n",
        st.bold(&i.id.value),
        st.bold(if zh {
            "（主席指示）"
        } else {
            "(instruction)"
        })
    );
    let mut field = |k: &str, v: String| {
        if !v.is_empty() {
            let k = kbbt::i18n::label(st.lang, k);
            let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
            let _ = writeln!(s, "  {}{v}", st.dim(&format!("{k}{}", " ".repeat(pad))));
        }
    };
    field(
        "meeting",
        format!(
            "{} {}{}",
            mdoc.value.id.value,
            mdoc.value.title.value,
            mdoc.value
                .date()
                .map_or(String::new(), |d| format!(" ({})", st.date(d)))
        ),
    );
    field(
        "to",
        i.to.as_ref().map_or_else(
            || if zh { "全體" } else { "everyone" }.to_string(),
            |t| t.value.clone(),
        ),
    );
    field(
        "due",
        i.due.as_ref().map_or(String::new(), |d| st.date(d.value)),
    );
    field("state", state(st.lang, reg, &r));
    field("text", i.text.clone());
    field("note", i.note.clone().unwrap_or_default());
    field("file", env.shown.join(&mdoc.path).display().to_string());
    Some(Outcome::ok(s))
}

/// A date from the text: `118 年 6 月`, `114 年 3 月 20 日` (ROC) at byte `at`, with its length.
fn roc_date_at(text: &str, at: usize) -> Option<(Date, usize, bool)> {
    let rest = &text[at..];
    let digits = |s: &str| -> (usize, usize) {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n, s[..n].parse().unwrap_or(0))
    };
    let (ny, year) = digits(rest);
    if !(2..=3).contains(&ny) {
        return None;
    }
    let mut i = ny;
    let skip = |s: &str, i: usize| i + s[i..].len() - s[i..].trim_start().len();
    i = skip(rest, i);
    i += rest[i..]
        .strip_prefix('年')?
        .len()
        .abs_diff(rest[i..].len());
    i = skip(rest, i);
    let (nm, month) = digits(&rest[i..]);
    if nm == 0 {
        return None;
    }
    i += nm;
    i = skip(rest, i);
    i += rest[i..]
        .strip_prefix('月')?
        .len()
        .abs_diff(rest[i..].len());
    let save = i;
    let j = skip(rest, i);
    let (nd, day) = digits(&rest[j..]);
    let mut k = j + nd;
    k = skip(rest, k);
    let has_day = nd > 0 && rest[k..].starts_with('日');
    let (day, len) = if has_day {
        (day, k + '日'.len_utf8())
    } else {
        (0, save)
    };
    let y = i32::try_from(year).ok()? + 1911;
    let m = u32::try_from(month).ok()?;
    let d = if has_day {
        u32::try_from(day).ok()?
    } else {
        // A month alone: due by the month's last day.
        let first_next = if m == 12 {
            chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        (first_next - chrono::Days::new(1)).day0() + 1
    };
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some((Date(date), len, has_day))
}

use chrono::Datelike as _;

/// Words that make a date in a progress text a milestone: what is to happen, or happened, by then.
const WORDS: [&str; 9] = [
    "預計", "預定", "完工", "開工", "啟用", "完成", "通車", "上線", "營運",
];

/// One suggested milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub case: usize,
    pub due: Date,
    /// Met on that day (a past date the text reports as done).
    pub done: Option<Date>,
    pub text: String,
    pub as_of: Date,
}

/// The milestones the latest progress text of `case` suggests: each clause (split at 。；，\n)
/// with an ROC date and one of [`WORDS`]. A date after the report's date is due then; a date on or
/// before it, in a clause that reports it done (已, 完成, 完工, 開工, 啟用, 通車), is a milestone met.
pub fn suggestions(reg: &Register, case: usize) -> Vec<Suggestion> {
    let c = &reg.cases[case].value;
    let Some(p) = c.latest_progress(None) else {
        return vec![];
    };
    let mut out: Vec<Suggestion> = Vec::new();
    for clause in p.text.split(['。', '；', '\n']) {
        let clause = clause.trim();
        if !WORDS.iter().any(|w| clause.contains(w)) {
            continue;
        }
        let mut at = 0;
        while at < clause.len() {
            if let Some((date, _, _)) = roc_date_at(clause, at) {
                let future = date > p.as_of.value;
                let past_done = !future
                    && (clause.contains('已')
                        || ["完成", "完工", "開工", "啟用", "通車"]
                            .iter()
                            .any(|w| clause.contains(w)));
                let planned = future
                    && (clause.contains("預計")
                        || clause.contains("預定")
                        || clause.contains('將'));
                if planned || past_done {
                    let text: String = clause.chars().take(80).collect();
                    let s = Suggestion {
                        case,
                        due: date,
                        done: past_done.then_some(date),
                        text,
                        as_of: p.as_of.value,
                    };
                    let known = c
                        .milestones
                        .iter()
                        .any(|m| m.value.due.value == s.due && m.value.text == s.text);
                    if !known && !out.contains(&s) {
                        out.push(s);
                    }
                }
                break;
            }
            at += clause[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// `kbbt suggest milestones [ID] [--write]`.
pub fn suggest(env: &Env, case: Option<&str>, write: bool) -> Outcome {
    let _lock = match super::write_lock(env, !write) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let texts = if write {
        kbbt::load::Texts::Keep
    } else {
        kbbt::load::Texts::Drop
    };
    let reg = match load_clean(env, texts) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let cases: Vec<usize> = match case {
        Some(name) => match idx.resolver.resolve(name, None) {
            Resolved::Found(i) => vec![i],
            _ => {
                return Outcome::fail(
                    Exit::Problems,
                    format!(
                        "error: no single case `{name}`\n  hint: give its id (kbbt show {name} lists the candidates)\n"
                    ),
                );
            }
        },
        None => {
            let mut v: Vec<usize> = (0..reg.cases.len())
                .filter(|c| {
                    tl.status_at(*c, Date(chrono::Local::now().date_naive()))
                        == Some(Status::Ongoing)
                })
                .collect();
            v.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
            v
        }
    };
    let mut out = String::new();
    let mut changes = Vec::new();
    let mut n = 0;
    for c in cases {
        let s = suggestions(&reg, c);
        if s.is_empty() {
            continue;
        }
        let doc = &reg.cases[c];
        let _ = writeln!(out, "{} {}", doc.value.id.value, doc.value.title.value);
        let mut e = kbbt::edit::Editor::new(&doc.text);
        for x in &s {
            n += 1;
            let _ = writeln!(
                out,
                "  due {}{}: {}",
                x.due,
                x.done.map_or(String::new(), |d| format!(" (met {d})")),
                x.text
            );
            let m = kbbt::model::Milestone {
                due: kbbt::yaml::Sp::new(x.due),
                text: x.text.clone(),
                done: x.done.map(kbbt::yaml::Sp::new),
                source: Some(format!(
                    "辦理情形（資料時間：{}）",
                    kbbt::render::report::roc(x.as_of)
                )),
            };
            if write
                && let Err(err) = e.append(
                    "milestones",
                    &kbbt::canon::milestone(&m),
                    true,
                    kbbt::canon::keys_before("milestones"),
                )
            {
                return Outcome::fail(
                    Exit::Problems,
                    format!(
                        "error: {}: {err}; nothing was written\n",
                        doc.path.display()
                    ),
                );
            }
        }
        if write {
            let new = e.finish();
            // The edited file must parse and hold exactly the added milestones more.
            match kbbt::load::parse_doc::<kbbt::model::Case>(&doc.path, new.clone()) {
                Ok(d) if d.value.milestones.len() == doc.value.milestones.len() + s.len() => {}
                _ => {
                    return Outcome::fail(
                        Exit::Problems,
                        format!(
                            "error: adding milestones would break {}; nothing was written\n",
                            doc.path.display()
                        ),
                    );
                }
            }
            changes.push(kbbt::write::FileChange {
                path: doc.path.clone(),
                old: Some(doc.text.clone()),
                new,
            });
        }
    }
    if n == 0 {
        let _ = writeln!(
            out,
            "no milestone to suggest: no progress text names a date with 預計, 完工, 開工, 啟用, 完成, 通車, 上線 or 營運"
        );
        return Outcome::ok(out);
    }
    if !write {
        let _ = writeln!(
            out,
            "{} suggested; nothing was written (add them with --write, after checking each)",
            kbbt::plural::count(n, "milestone")
        );
        return Outcome::ok(out);
    }
    if let Err(e) = kbbt::write::commit(&env.root, &changes) {
        return Outcome::fail(Exit::Problems, format!("error: {e}\n"));
    }
    let _ = writeln!(
        out,
        "{} added to {}",
        kbbt::plural::count(n, "milestone"),
        kbbt::plural::count(changes.len(), "file")
    );
    Outcome::ok(out)
}

/// A point in time for `diff`: a meeting (its date, its decisions included) or a date.
fn point(reg: &Register, idx: &Index, s: &str) -> Result<(Date, String), Outcome> {
    if let Some(&m) = idx.meeting_by_id.get(s) {
        return reg.meetings[m]
            .value
            .date()
            .map(|d| (d, s.to_string()))
            .ok_or_else(|| {
                Outcome::fail(Exit::Usage, format!("error: meeting `{s}` has no date\n"))
            });
    }
    user_date(s).map(|d| (d, d.to_string()))
}

/// `kbbt diff FROM TO`: per group, what changed after FROM up to and including TO.
pub fn diff(env: &Env, args: &DiffArgs) -> Outcome {
    let (from, to, group) = (args.from.as_str(), args.to.as_str(), args.group.as_deref());
    let json_out = args.format == CardFormat::Json;
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let tl = Timelines::new(&reg, &idx);
    let ((a, an), (b, bn)) = match (point(&reg, &idx, from), point(&reg, &idx, to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(o), _) | (_, Err(o)) => return o,
    };
    let g = match group.map(|g| user_group(&reg, g)).transpose() {
        Ok(g) => g,
        Err(o) => return o,
    };
    let p = &reg.platform.value;
    let groups: Vec<usize> = g.map_or_else(|| (0..p.groups.len()).collect(), |g| vec![g]);
    let kinds: [(&str, &[Action]); 5] = [
        ("added", &[Action::Add, Action::Subcase, Action::Relist]),
        ("delisted", &[Action::Delist]),
        ("merged", &[Action::Merge, Action::Replace]),
        ("renamed", &[Action::Rename]),
        ("progress", &[]),
    ];
    let mut per_group = Vec::new();
    for &gi in &groups {
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); kinds.len()];
        for c in (0..reg.cases.len()).filter(|c| idx.case_group[*c] == Some(gi)) {
            let case = &reg.cases[c].value;
            for h in &case.history {
                let d = h
                    .date
                    .as_ref()
                    .or(h.not_after.as_ref())
                    .map(|d| d.value)
                    .or_else(|| {
                        h.meeting
                            .as_ref()
                            .and_then(|m| idx.meeting_by_id.get(&m.value))
                            .and_then(|m| reg.meetings[*m].value.date())
                    });
                if d.is_some_and(|d| d > a && d <= b) {
                    for (k, (_, acts)) in kinds.iter().enumerate() {
                        if acts.contains(&h.action.value) && !lists[k].contains(&c) {
                            lists[k].push(c);
                        }
                    }
                }
            }
            if case
                .progress
                .iter()
                .any(|pr| pr.as_of.value > a && pr.as_of.value <= b)
            {
                lists[4].push(c);
            }
        }
        for l in &mut lists {
            l.sort_by_key(|c| id_key(&reg.cases[*c].value.id.value));
        }
        per_group.push((gi, lists));
    }
    let ongoing = |d: Date| {
        (0..reg.cases.len())
            .filter(|c| groups.iter().any(|g| idx.case_group[*c] == Some(*g)))
            .filter(|c| reg.cases[*c].value.parent.is_none() && tl.ongoing_at(*c, d))
            .count()
    };
    if json_out {
        let v = json!({
            "from": { "label": an, "date": a.to_string(), "ongoing": ongoing(a) },
            "to": { "label": bn, "date": b.to_string(), "ongoing": ongoing(b) },
            "groups": per_group.iter().map(|(gi, lists)| {
                let mut o = serde_json::Map::new();
                o.insert("group".into(), json!(p.groups[*gi].name.value));
                for (k, (name, _)) in kinds.iter().enumerate() {
                    o.insert((*name).into(), json!(lists[k].iter().map(|c| reg.cases[*c].value.id.value.clone()).collect::<Vec<_>>()));
                }
                serde_json::Value::Object(o)
            }).collect::<Vec<_>>(),
        });
        return Outcome::machine(format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ));
    }
    let st = env.style;
    let mut s = format!(
        "{}\n",
        st.bold(&format!(
            "{an} ({a}) → {bn} ({b}): ongoing {} → {}",
            ongoing(a),
            ongoing(b)
        ))
    );
    let mut any = false;
    for (gi, lists) in &per_group {
        if lists.iter().all(Vec::is_empty) {
            continue;
        }
        any = true;
        let _ = writeln!(s, "{}", st.bold(&p.groups[*gi].name.value));
        for (k, (name, _)) in kinds.iter().enumerate() {
            for c in &lists[k] {
                let c = &reg.cases[*c].value;
                let _ = writeln!(s, "  {name:<9} {} {}", c.id.value, c.title.value);
            }
        }
    }
    if !any {
        s.push_str("nothing changed\n");
    }
    Outcome::ok(s)
}

/// `kbbt log ID`: the case's history and the git history of its file, newest first.
pub fn log(env: &Env, name: &str) -> Outcome {
    let reg = match load_clean(env, kbbt::load::Texts::Drop) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let idx = Index::new(&reg);
    let i = match idx.resolver.resolve(name, None) {
        Resolved::Found(i) => i,
        Resolved::Unknown(v) if !v.is_empty() => {
            return Outcome::fail(
                Exit::Problems,
                format!(
                    "error: no case `{name}`\n  hint: did you mean {}?\n",
                    idx.resolver.describe(&v)
                ),
            );
        }
        _ => return Outcome::fail(Exit::Problems, format!("error: no single case `{name}`\n")),
    };
    let doc = &reg.cases[i];
    let c = &doc.value;
    // (date, line): decisions and commits, newest first.
    let mut rows: Vec<(String, String)> = Vec::new();
    for h in &c.history {
        let d = h
            .date
            .as_ref()
            .map(|d| d.value.to_string())
            .or_else(|| h.not_after.as_ref().map(|d| format!("≤{}", d.value)))
            .or_else(|| {
                h.meeting
                    .as_ref()
                    .and_then(|m| idx.meeting_by_id.get(&m.value))
                    .and_then(|m| reg.meetings[*m].value.date())
                    .map(|d| d.to_string())
            })
            .unwrap_or_default();
        let what = format!(
            "decision  {:<8} {}{}",
            h.action.value.as_str(),
            h.meeting
                .as_ref()
                .map_or_else(|| h.source.clone().unwrap_or_default(), |m| m.value.clone()),
            h.note.as_ref().map_or(String::new(), |n| format!(" — {n}"))
        );
        rows.push((d, what));
    }
    for pr in &c.progress {
        rows.push((pr.as_of.value.to_string(), "progress  reported".to_string()));
    }
    for cm in kbbt::git::file_log(&env.root, &doc.path) {
        rows.push((
            cm.date,
            format!("commit    {} {} — {}", cm.hash, cm.author, cm.subject),
        ));
    }
    rows.sort_by(|x, y| y.0.trim_start_matches('≤').cmp(x.0.trim_start_matches('≤')));
    let st = env.style;
    let mut s = format!("{} {}\n", st.bold(&c.id.value), st.bold(&c.title.value));
    for (d, w) in rows {
        let _ = writeln!(s, "  {d:<11} {w}");
    }
    Outcome::ok(s)
}
