//! `kbbt minutes`: the decision sections of vice-mayor meetings 1–4, reproduced from the shipped
//! register and compared with the published minutes (tests/fixtures/minutes-vm-N.txt, verbatim).
//!
//! The comparison normalises what the minutes write inconsistently and kbbt writes one way: spacing,
//! full-width and half-width parentheses and colons, the last separator of a list of quoted names
//! (「、」 or 「及」: the minutes use both, even within one meeting; kbbt writes 「及」), and quotes
//! around a single name (the minutes of meetings 2 and 3 sometimes leave a lone name unquoted; kbbt
//! quotes every name that holds no 「」 itself). Every other difference is an explicit, explained edit.

use crate::support::{Reg, Run, repo, shipped};

/// `kbbt minutes ARGS…` on the shipped register, run from the repository root.
fn minutes(args: &[&str]) -> Run {
    let mut all = vec!["minutes"];
    all.extend_from_slice(args);
    shipped(&all)
}

/// Whether a line of the minutes starts a paragraph (as opposed to continuing a wrapped one).
fn starts_paragraph(l: &str) -> bool {
    let numbered = {
        let digits: String = l.chars().take_while(char::is_ascii_digit).collect();
        !digits.is_empty() && l[digits.len()..].starts_with('.')
    };
    let chinese_item = l
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count()
        > 0
        && l.chars()
            .find(|c| !"一二三四五六七八九十".contains(*c))
            .is_some_and(|c| c == '、');
    numbered || chinese_item || l.starts_with(['(', '（', '-', '柒']) || l.contains("案持續列管")
}

/// The comparison form of a line.
fn norm(l: &str) -> String {
    l.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            ':' => '：',
            c => c,
        })
        .collect::<String>()
        .replace("」及「", "」、「")
        .replace(")及「", ")、「")
}

/// 「同意新增 1 案：X。」 with X unquoted becomes 「同意新增 1 案：「X」。」 (kbbt quotes every name
/// that holds no 「」 itself).
fn quote_single(l: &str) -> String {
    for kind in ["同意新增1案：", "同意解列1案："] {
        if let Some(at) = l.find(kind) {
            let (head, name) = l.split_at(at + kind.len());
            if let Some(name) = name.strip_suffix('。')
                && !name.contains('「')
            {
                return format!("{head}「{name}」。");
            }
        }
    }
    l.to_string()
}

/// An explained difference: these lines of the minutes (normalised) read so in kbbt's output.
struct Edit {
    minutes: &'static [&'static str],
    kbbt: &'static [&'static str],
    why: &'static str,
}

/// The decision lines of a fixture, in comparison form.
fn expected(fixture: &str, edits: &[Edit]) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures").join(fixture))
        .expect("read the fixture");
    // Paragraphs: the text extraction wraps long lines; a line that starts no item continues one.
    let mut paras: Vec<String> = Vec::new();
    for l in text
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match paras.last_mut() {
            Some(p) if !starts_paragraph(l) => p.push_str(l),
            _ => paras.push(l.to_string()),
        }
    }
    let mut out: Vec<String> = Vec::new();
    for p in paras {
        // "- " is a list bullet of the text extraction, not of the minutes.
        let p = p.strip_prefix("- ").unwrap_or(&p).to_string();
        // The section heading, e.g. 「柒、決議事項(邱副市長佩琳代表)」.
        if p.starts_with("柒、") {
            continue;
        }
        // 「一、」「二、」… items: the case decisions are one of them; the others are resolutions about
        // other matters, which the register does not hold. The case item's own number depends on
        // them, so kbbt prints the case item without it.
        if let Some((num, rest)) = p.split_once('、')
            && !num.is_empty()
            && num.chars().all(|c| "一二三四五六七八九十".contains(c))
        {
            if rest.starts_with("議題小組合作案件") {
                out.push(norm(rest));
            }
            continue;
        }
        // 「4. 「氣候變遷因應及調適」合作方案—…：洽悉。」 notes a report on a common-topic
        // programme: no decision about a case (the meeting files keep them as comments).
        if p.ends_with("洽悉。") {
            continue;
        }
        out.push(quote_single(&norm(&p)));
    }
    for e in edits {
        let old: Vec<String> = e.minutes.iter().map(|l| norm(l)).collect();
        let at = out
            .windows(old.len())
            .position(|w| w == old.as_slice())
            .unwrap_or_else(|| {
                panic!(
                    "the lines of an edit ({}) are not in {fixture}: {old:#?}",
                    e.why
                )
            });
        out.splice(at..at + old.len(), e.kbbt.iter().map(|l| norm(l)));
    }
    out
}

fn actual(out: &Run) -> Vec<String> {
    out.stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(norm)
        .collect()
}

#[track_caller]
fn assert_same(fixture: &str, got: &[String], want: &[String]) {
    if got != want {
        let mut msg = format!("kbbt's output differs from {fixture}:\n");
        for i in 0..got.len().max(want.len()) {
            let g = got.get(i).map_or("", String::as_str);
            let w = want.get(i).map_or("", String::as_str);
            if g != w {
                msg.push_str(&format!(
                    "line {}:\n  kbbt:    {g}\n  minutes: {w}\n",
                    i + 1
                ));
            }
        }
        panic!("{msg}");
    }
}

#[test]
fn vm_2_and_vm_3_reproduce_the_published_decision_section() {
    // By file and by id: the same meeting either way.
    for (meeting, fixture) in [
        ("meetings/vm-3.yaml", "minutes-vm-3.txt"),
        ("vm-2", "minutes-vm-2.txt"),
    ] {
        let out = minutes(&[meeting, "--as-published"]);
        out.assert_code(0);
        assert_same(fixture, &actual(&out), &expected(fixture, &[]));
    }
}

#[test]
fn vm_4_reproduces_the_published_decision_section() {
    let out = minutes(&["vm-4", "--as-published"]);
    out.assert_code(0);
    let edits = [
        Edit {
            minutes: &[
                "1. 同意解列 4 案：「愛心待用餐交流計畫」、「性別平等政策與實務推動計畫」、「有為老化，活躍人生高齡人才培力計畫」、「公共托育建置模組共享計畫—育兒寶貝袋」。",
                "2. 新增提案 1 案：「2024 當我們玩在一起—基北北桃教玩具老幼共享論壇」。",
                "3. 本組 8 案持續列管，另「電子煙 Get Out!」、「毒品危害防制跨域整合方案」等 2 案研擬整合為 1 案續辦之可行性。",
            ],
            kbbt: &[
                "1. 同意新增 1 案：「2024 當我們玩在一起—基北北桃教玩具老幼共享論壇」。",
                "2. 同意解列 4 案：「愛心待用餐交流計畫」、「性別平等政策與實務推動計畫」、「有為老化，活躍人生高齡人才培力計畫」、「公共托育建置模組共享計畫—育兒寶貝袋」。",
                "3. 其餘 8 案持續列管。",
            ],
            why: "the meeting file records 「新增提案」 as an add (see its comment), which kbbt phrases \
                  「同意新增」 and lists before the delists, as every other group does; 「本組 8 案」 is \
                  kbbt's 「其餘 8 案」; the study of merging two cases (「研擬整合…之可行性」) is no \
                  decision, and the meeting file records none",
        },
        Edit {
            minutes: &["1. 本組合作方案 3 案持續列管。"],
            kbbt: &["3 案持續列管。"],
            why: "a group whose only item is its ongoing count: kbbt writes 「N 案持續列管。」, \
                  unnumbered, as meetings 1 and 2 do",
        },
        Edit {
            minutes: &[
                "1. 同意解列 1 案：「113 年度基北北桃四市聯合海外行銷案」。",
                "2. 新增提案 1 案：「2025 臺灣燈會等大型活動納入四市共同宣傳」。",
            ],
            kbbt: &[
                "1. 同意新增 1 案：「2025 臺灣燈會等大型活動納入四市共同宣傳」。",
                "2. 同意解列 1 案：「113 年度基北北桃四市聯合海外行銷案」。",
            ],
            why: "「新增提案」 recorded as an add, phrased 「同意新增」 and listed first (as above)",
        },
    ];
    let want = expected("minutes-vm-4.txt", &edits);
    assert_same("minutes-vm-4.txt", &actual(&out), &want);
}

#[test]
fn vm_1_reproduces_replacements_and_sub_cases() {
    let out = minutes(&["vm-1", "--as-published"]);
    out.assert_code(0);
    // The minutes record the four proposals under 捌、臨時動議, after the decision section; kbbt
    // prints them as a paragraph of their own after the groups.
    let body = out
        .stdout
        .split("\n\n臨時動議：")
        .next()
        .unwrap_or_default();
    let got: Vec<String> = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(norm)
        .collect();
    assert_same("minutes-vm-1.txt", &got, &expected("minutes-vm-1.txt", &[]));
    out.assert_stdout_has("\n臨時動議：「桃園市龜山區大同路連接新北市鶯歌區中湖街道新闢工程」、「改裝噪音車輛稽查管制計畫」、\
             「區域垃圾、廚餘處理及焚化再生粒料去化互助合作」及「爭取成立北橫國家級風景特定區」等 4 案臨時動議，\
             請先提至議題小組討論，有共識後再提到副市長層級會議討論。\n");
}

#[test]
fn without_as_published_the_numbers_are_the_registers() {
    let out = minutes(&["vm-3"]);
    out.assert_code(0);
    let lines = out.lines();
    assert_eq!(
        lines[0],
        "議題小組合作案件，請依決議持續辦理：同意解列 24 案、新增 12 案及確認執行中 37 案。"
    );
    assert_eq!(lines[1], "(一) 交通組");
    assert_eq!(lines[4], "3. 其餘 10 案持續列管。");
    // Meeting 1 states no totals; the register's view has them, the published text has none.
    assert_eq!(
        minutes(&["vm-1"]).lines()[0],
        "議題小組合作案件，請依決議持續辦理：同意解列 21 案、新增 24 案及確認執行中 32 案。"
    );
    assert_eq!(
        minutes(&["vm-1", "--as-published"]).lines()[0],
        "議題小組合作案件，請依決議持續辦理："
    );
}

#[test]
fn a_meeting_is_named_by_id_or_file() {
    let by_id = minutes(&["vm-3", "--as-published"]);
    let by_file = minutes(&["meetings/vm-3.yaml", "--as-published"]);
    assert_eq!(by_id.stdout, by_file.stdout);
    let out = minutes(&["vm-9"]);
    out.assert_usage_error("unknown meeting `vm-9`");
    let out = minutes(&["m-3"]);
    out.assert_code(1);
    out.assert_stderr_has("no decisions");
}

#[test]
fn a_small_register() {
    let r = Reg::standard();
    let out = r.run(&["minutes", "vm-2"]);
    out.assert_no_panic().assert_code(0);
    assert_eq!(
        out.stdout,
        "議題小組合作案件，請依決議持續辦理：同意解列 1 案、新增 0 案及確認執行中 2 案。\n\
         (一) 交通組\n\
         1. 同意解列 1 案：「跨市公車路線整合」。\n\
         2. 其餘 1 案持續列管。\n"
    );
    let out = r.run(&["minutes", "vm-1", "--as-published"]);
    out.assert_code(0);
    assert_eq!(
        out.stdout,
        "議題小組合作案件，請依決議持續辦理：\n\
         (一) 交通組\n\
         同意新增 2 案：「捷運環狀線（北環段）」及「跨市公車路線整合」。\n\
         (二) 衛生社福組\n\
         同意新增 1 案：「長照資源共享平台」。\n"
    );
}

#[test]
fn a_meeting_file_not_yet_applied_is_refused() {
    let r = Reg::standard();
    r.write(
        "drafts/vm-3.yaml",
        "id: vm-3\ntitle: 第 3 次副市長層級會議\nlevel: 副市長層級\ndate: 2025-07-01\n\
         decisions:\n  交通組:\n    delist: [捷運環狀線（北環段）]\n",
    );
    let out = r.run(&["minutes", "drafts/vm-3.yaml"]);
    out.assert_no_panic().assert_code(1);
    out.assert_stderr_has("meeting `vm-3` (drafts/vm-3.yaml) is not in the register");
    assert!(out.stderr.contains("kbbt apply drafts/vm-3.yaml"));
}
