//! `kbbt-gen`: writes a synthetic register for benchmarks.
//!
//! ```text
//! kbbt-gen --cases N --meetings M --out DIR [--seed S] [--force] [--apply-meeting D] [--unknown-names U]
//! kbbt-gen --parse-floor DIR     (times nothing itself: parses every YAML file below DIR, for the benchmark)
//! ```
//!
//! The register has the 基北北桃 platform (4 members, 8 groups, 3 levels, 1 topic), M deputy-mayor
//! meetings `vm-1..vm-M` half a year apart from 2023-07-27, and N case files. About a fifth of the
//! cases were tracked before the first meeting (`seen` without a date); the rest are added by the
//! meetings with pinned ids. Every meeting delists a share of each group's ongoing cases (by id,
//! by title, or by `{ case, note }`), states each group's `ongoing` number, the `totals` line, and
//! the last one the `all_time` line. Every stated number is right, so `kbbt validate` accepts the
//! register without a single finding, while still doing all its counting work.
//!
//! Every file is written by kbbt's own canonical layout (`kbbt::canon`) from kbbt's model types, so
//! the register is in the layout `kbbt fmt` keeps, and a file kbbt would refuse as too large is
//! refused here first (`kbbt::yaml::MAX_FILE_BYTES`).
//!
//! With `--apply-meeting D` and `--unknown-names U`, it also writes meetings that are not applied yet,
//! in `DIR/pending/` (outside `meetings/`, so the register stays clean), for timing `kbbt apply`:
//! `apply-D.yaml`, the next meeting with D decisions (delists of ongoing cases by id or by title, adds
//! of new cases without ids) and the right stated numbers, which `kbbt apply` accepts; and
//! `unknown-U.yaml`, the next meeting delisting U names that match no case (most of them a title with
//! one character changed or cut short, the rest unrelated), which `kbbt apply` refuses.
//!
//! Output is deterministic for a given seed (each case draws from its own generator, so the files
//! do not depend on how many threads write them).

use chrono::{Datelike, Months, NaiveDate};
use kbbt::model::case::{Action, Case, CaseFields, HistoryEntry, Progress, Status};
use kbbt::model::date::Date;
use kbbt::model::meeting::{AllTime, Counts, Decisions, GroupDecisions, Meeting, NewCase, Ref};
use kbbt::model::platform::{GroupDef, Platform};
use kbbt::yaml::{MAX_FILE_BYTES, Sp};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MEMBERS: [&str; 4] = ["基隆市", "臺北市", "新北市", "桃園市"];
const TOPIC: &str = "氣候變遷因應及調適";
const PLATFORM_NAME: &str = "基北北桃合作交流平臺";
const SEEN_SOURCE: &str = "「基北北桃合作交流平臺」合作方案辦理情形（資料時間：112 年 6 月 30 日）";

struct Group {
    name: &'static str,
    code: &'static str,
    alias: &'static str,
    office: &'static str,
    subjects: [&'static str; 10],
}

const GROUPS: [Group; 8] = [
    Group {
        name: "交通組",
        code: "TR",
        alias: "交通",
        office: "交通局",
        subjects: [
            "捷運",
            "公車",
            "自行車",
            "停車",
            "轉乘",
            "智慧號誌",
            "通勤月票",
            "共享運具",
            "計程車",
            "道路養護",
        ],
    },
    Group {
        name: "災防組",
        code: "DP",
        alias: "災防",
        office: "消防局",
        subjects: [
            "防災",
            "消防",
            "救災資通訊",
            "避難收容",
            "土石流",
            "防汛",
            "緊急救護",
            "災害應變",
            "韌性社區",
            "地震",
        ],
    },
    Group {
        name: "教育文化組",
        code: "EC",
        alias: "教育文化",
        office: "教育局",
        subjects: [
            "校園",
            "圖書館",
            "終身學習",
            "青少年",
            "雙語教育",
            "閱讀推廣",
            "體育",
            "運動賽事",
            "藝文",
            "數位學習",
        ],
    },
    Group {
        name: "產業民生組",
        code: "IN",
        alias: "產業民生",
        office: "經濟發展局",
        subjects: [
            "產業",
            "青年創業",
            "市集",
            "農產品",
            "漁業",
            "觀光工廠",
            "電競",
            "新創",
            "商圈",
            "中小企業",
        ],
    },
    Group {
        name: "都會發展組",
        code: "UD",
        alias: "都會發展",
        office: "都市發展局",
        subjects: [
            "都市更新",
            "社會住宅",
            "殯葬設施",
            "土地開發",
            "大眾運輸導向發展",
            "國土計畫",
            "建築管理",
            "公園綠地",
            "地政資訊",
            "水岸",
        ],
    },
    Group {
        name: "衛生社福組",
        code: "HW",
        alias: "衛生社福",
        office: "衛生局",
        subjects: [
            "長照",
            "托育",
            "心理健康",
            "疫苗接種",
            "食品安全",
            "社區照顧",
            "身心障礙",
            "醫療網絡",
            "戒菸",
            "兒少保護",
        ],
    },
    Group {
        name: "環境資源組",
        code: "EN",
        alias: "環境資源",
        office: "環境保護局",
        subjects: [
            "空品",
            "污水下水道",
            "資源回收",
            "河川",
            "綠能",
            "淨零",
            "廢棄物清運",
            "水質",
            "噪音管制",
            "環境教育",
        ],
    },
    Group {
        name: "觀光文創組",
        code: "TC",
        alias: "觀光文創",
        office: "觀光傳播局",
        subjects: [
            "觀光",
            "步道",
            "博物館",
            "文創",
            "節慶",
            "藝術家聚落",
            "海外行銷",
            "登山",
            "老街",
            "溫泉",
        ],
    },
];

const PLACES: [&str; 15] = [
    "基北北桃",
    "四市",
    "跨市",
    "北北基桃",
    "雙北",
    "大臺北",
    "基隆河流域",
    "淡水河流域",
    "北臺灣",
    "都會區",
    "桃園航空城",
    "新北桃園",
    "基隆臺北",
    "臺北桃園",
    "基隆新北",
];

const ACTIONS: [&str; 14] = [
    "資訊共享",
    "聯合稽查",
    "經驗交流",
    "合作推廣",
    "聯合行銷",
    "跨域整合",
    "人才培育",
    "資源共享",
    "交流合作",
    "服務串聯",
    "聯合演練",
    "推廣教育",
    "數據整合",
    "品質提升",
];

const SUFFIXES: [&str; 9] = [
    "計畫",
    "合作案",
    "方案",
    "平臺",
    "工作坊",
    "推動計畫",
    "試辦計畫",
    "機制",
    "專案",
];

const DELIST_NOTES: [&str; 4] = [
    "已達成合作目標",
    "回歸各市常態業務辦理",
    "已完成階段性任務",
    "併入年度工作計畫持續辦理",
];

const USAGE: &str = "usage: kbbt-gen --cases N --meetings M --out DIR [--seed S] [--force]
                [--apply-meeting D] [--unknown-names U]

Writes a synthetic register that `kbbt validate` accepts without findings.

  --cases N      number of case files
  --meetings M   number of meetings vm-1..vm-M, half a year apart from 2023-07-27
  --out DIR      the register folder (created; must be empty unless --force)
  --seed S       seed of the generator (default 1)
  --force        replace platform.yaml, cases/, meetings/ and pending/ in an existing DIR
  --apply-meeting D
                 also write pending/apply-D.yaml: the next meeting, not applied, with D
                 decisions (delists and adds) and the right stated numbers
  --unknown-names U
                 also write pending/unknown-U.yaml: the next meeting, not applied, delisting
                 U names that match no case
";

/// SplitMix64: small, fast, and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// An independent stream for item `i` of a seed.
    fn stream(seed: u64, i: u64) -> Rng {
        let mut r = Rng(seed ^ i.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `pct` percent.
    fn pct(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len())]
    }
}

struct Args {
    cases: usize,
    meetings: usize,
    out: PathBuf,
    seed: u64,
    force: bool,
    /// Decisions of the pending meeting `kbbt apply` accepts (`pending/apply-D.yaml`).
    apply_meeting: Option<usize>,
    /// Unknown names of the pending meeting `kbbt apply` refuses (`pending/unknown-U.yaml`).
    unknown_names: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut cases = None;
    let mut meetings = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut force = false;
    let mut apply_meeting = None;
    let mut unknown_names = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--cases" => cases = Some(number(&value("--cases")?, "--cases")?),
            "--meetings" => meetings = Some(number(&value("--meetings")?, "--meetings")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not a number"))?;
            }
            "--force" => force = true,
            "--apply-meeting" => {
                apply_meeting = Some(number(&value("--apply-meeting")?, "--apply-meeting")?);
            }
            "--unknown-names" => {
                unknown_names = Some(number(&value("--unknown-names")?, "--unknown-names")?);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        cases: cases.ok_or("--cases is required")?,
        meetings: meetings.ok_or("--meetings is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        force,
        apply_meeting,
        unknown_names,
    })
}

fn number(s: &str, name: &str) -> Result<usize, String> {
    s.replace('_', "")
        .parse()
        .map_err(|_| format!("{name}: `{s}` is not a number"))
}

/// The comparison key kbbt would match titles by, or a coarser one (every non-alphanumeric
/// character dropped), so titles distinct here are distinct to kbbt too.
fn title_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

struct MeetingPlan {
    date: NaiveDate,
    /// Per group: cases added, cases delisted (indices into the case list), ongoing after.
    add: Vec<Vec<usize>>,
    delist: Vec<Vec<usize>>,
    ongoing: Vec<usize>,
}

struct CasePlan {
    group: usize,
    num: usize,
    title: String,
    subject: &'static str,
    action: &'static str,
    lead: Option<usize>,
    /// Member indices, never the lead.
    partners: Vec<usize>,
    topic: bool,
    added: Option<usize>,
    delisted: Option<usize>,
    /// How a delisting meeting refers to the case: 0 id, 1 title, 2 `{ case, note }`.
    delist_ref: u8,
    delist_note: Option<&'static str>,
}

impl CasePlan {
    fn id(&self) -> String {
        format!("{}-{:06}", GROUPS[self.group].code, self.num)
    }
}

fn meeting_id(m: usize) -> String {
    format!("vm-{}", m + 1)
}
fn meeting_title(m: usize) -> String {
    format!("{PLATFORM_NAME}第 {} 次副市長層級會議", m + 1)
}
fn meeting_source(m: usize) -> String {
    format!("{PLATFORM_NAME}第 {} 次副市長層級會議紀錄", m + 1)
}

fn plan(args: &Args) -> (Vec<CasePlan>, Vec<MeetingPlan>) {
    let ng = GROUPS.len();
    let mut rng = Rng::new(args.seed);
    let first = NaiveDate::from_ymd_opt(2023, 7, 27).expect("a valid date");
    let mut meetings: Vec<MeetingPlan> = (0..args.meetings)
        .map(|m| MeetingPlan {
            date: first
                .checked_add_months(Months::new(6 * u32::try_from(m).unwrap_or(u32::MAX)))
                .expect("a date within range"),
            add: vec![Vec::new(); ng],
            delist: vec![Vec::new(); ng],
            ongoing: vec![0; ng],
        })
        .collect();

    // Cases, round robin over the groups; numbers run 1.. within a group.
    let mut seen_titles: HashMap<String, u32> = HashMap::with_capacity(args.cases);
    let mut cases = Vec::with_capacity(args.cases);
    for k in 0..args.cases {
        let group = k % ng;
        let g = &GROUPS[group];
        let subject = rng.pick(&g.subjects);
        let action = rng.pick(&ACTIONS);
        let year = match rng.below(6) {
            0 => "113 年度",
            1 => "114 年度",
            2 => "115 年度",
            _ => "",
        };
        let base = format!(
            "{year}{}{subject}{action}{}",
            rng.pick(&PLACES),
            rng.pick(&SUFFIXES)
        );
        let n = seen_titles.entry(title_key(&base)).or_insert(0);
        *n += 1;
        let title = if *n == 1 {
            base
        } else {
            format!("{base}（第 {n} 期）")
        };
        let lead = (!rng.pct(10)).then(|| rng.below(MEMBERS.len()));
        let mut partners = Vec::new();
        for m in 0..MEMBERS.len() {
            if Some(m) != lead && rng.pct(40) {
                partners.push(m);
            }
        }
        let delist_ref = match rng.below(20) {
            0..=8 => 0,
            9..=17 => 1,
            _ => 2,
        };
        let delist_note = (delist_ref == 2).then(|| rng.pick(&DELIST_NOTES));
        cases.push(CasePlan {
            group,
            num: k / ng + 1,
            title,
            subject,
            action,
            lead,
            partners,
            topic: rng.pct(8),
            added: None,
            delisted: None,
            delist_ref,
            delist_note,
        });
    }

    // Which meeting adds a case: the first fifth of each group is older than the first meeting,
    // the rest is spread over the meetings in id order.
    let mut per_group: Vec<Vec<usize>> = vec![Vec::new(); ng];
    for (i, c) in cases.iter().enumerate() {
        per_group[c.group].push(i);
    }
    let mut ongoing: Vec<Vec<usize>> = vec![Vec::new(); ng];
    let mut schedule: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); ng]; args.meetings];
    for (g, list) in per_group.iter().enumerate() {
        let seen = if args.meetings == 0 {
            list.len()
        } else {
            list.len().div_ceil(5)
        };
        ongoing[g].extend_from_slice(&list[..seen]);
        let rest = &list[seen..];
        for (m, slot) in schedule.iter_mut().enumerate() {
            let lo = m * rest.len() / args.meetings;
            let hi = (m + 1) * rest.len() / args.meetings;
            slot[g].extend_from_slice(&rest[lo..hi]);
        }
    }

    // Each meeting: delist 6–16 % of every group's ongoing cases, then add its new cases.
    for (m, meeting) in meetings.iter_mut().enumerate() {
        for g in 0..ng {
            let on = &mut ongoing[g];
            let share = rng.range(6, 16);
            let d = (on.len() * share + 50) / 100;
            for i in 0..d {
                let j = i + rng.below(on.len() - i);
                on.swap(i, j);
            }
            let mut gone: Vec<usize> = on.drain(..d).collect();
            gone.sort_unstable();
            for c in &gone {
                cases[*c].delisted = Some(m);
            }
            meeting.delist[g] = gone;
            meeting.ongoing[g] = on.len();
            for c in &schedule[m][g] {
                cases[*c].added = Some(m);
            }
            meeting.add[g] = std::mem::take(&mut schedule[m][g]);
            on.extend_from_slice(&meeting.add[g]);
        }
    }
    (cases, meetings)
}

/// A value without a place: the generator writes text, it never reports on it.
fn sp<T>(v: T) -> Sp<T> {
    Sp::new(v)
}

fn sp_str<S: for<'a> From<&'a str>>(s: &str) -> Sp<S> {
    Sp::new(S::from(s))
}

fn date(d: NaiveDate) -> Sp<Date> {
    Sp::new(Date(d))
}

fn count(n: usize) -> Option<Sp<u32>> {
    Some(Sp::new(u32::try_from(n).unwrap_or(u32::MAX)))
}

fn platform_yaml(args: &Args) -> String {
    let header = format!(
        "# A synthetic register: kbbt-gen --cases {} --meetings {} --seed {}\n",
        args.cases, args.meetings, args.seed
    );
    let platform = Platform {
        name: sp_str(PLATFORM_NAME),
        short: Some("基北北桃".to_string()),
        founded: NaiveDate::from_ymd_opt(2023, 2, 11).map(date),
        members: MEMBERS.iter().map(|m| sp_str(m)).collect(),
        groups: GROUPS
            .iter()
            .map(|g| {
                sp(GroupDef {
                    name: sp_str(g.name),
                    code: sp_str(g.code),
                    aliases: vec![sp_str(g.alias)],
                })
            })
            .collect(),
        levels: ["市長層級", "副市長層級", "議題小組"]
            .iter()
            .map(|l| sp_str(l))
            .collect(),
        topics: vec![sp_str(TOPIC)],
        sources: Vec::new(),
        listings: Vec::new(),
        follow_up: None,
        language: None,
    };
    kbbt::canon::platform(&platform, &header)
}

/// An add of the minutes: a title, maybe an id, a lead and partner cities (by index).
fn new_case(title: &str, id: Option<String>, lead: Option<&str>, partners: &[usize]) -> NewCase {
    let mut n = NewCase::default();
    n.title = sp_str(title);
    n.id = id.map(|i| sp(i.into()));
    n.lead = lead.map(sp_str);
    n.partners = cities(partners);
    n
}

fn cities(v: &[usize]) -> Vec<Sp<kbbt::model::Name>> {
    v.iter().map(|m| sp_str(MEMBERS[*m])).collect()
}

fn meeting_yaml(m: usize, mt: &MeetingPlan, cases: &[CasePlan], last: bool) -> String {
    let mut decisions = Vec::with_capacity(GROUPS.len());
    for (g, group) in GROUPS.iter().enumerate() {
        let add = mt.add[g]
            .iter()
            .map(|c| {
                let c = &cases[*c];
                sp(new_case(
                    &c.title,
                    Some(c.id()),
                    c.lead.map(|l| MEMBERS[l]),
                    &c.partners,
                ))
            })
            .collect();
        let delist = mt.delist[g]
            .iter()
            .map(|c| {
                let c = &cases[*c];
                let (case, note) = match (c.delist_ref, c.delist_note) {
                    (1, _) => (c.title.clone(), None),
                    (2, Some(note)) => (c.id(), Some(note.to_string())),
                    _ => (c.id(), None),
                };
                sp(Ref {
                    case: sp(case),
                    id: None,
                    note,
                })
            })
            .collect();
        let decided = GroupDecisions {
            add,
            delist,
            ongoing: count(mt.ongoing[g]),
            ..GroupDecisions::default()
        };
        decisions.push((sp_str(group.name), decided));
    }
    let all_time = last.then(|| {
        let ever = cases
            .iter()
            .filter(|c| c.added.is_none_or(|a| a <= m))
            .count();
        let done = cases
            .iter()
            .filter(|c| c.delisted.is_some_and(|d| d <= m))
            .count();
        sp(AllTime {
            cases: count(ever),
            completed: count(done),
        })
    });
    let totals = Some(sp(Counts {
        delist: count(mt.delist.iter().map(Vec::len).sum()),
        add: count(mt.add.iter().map(Vec::len).sum()),
        ongoing: count(mt.ongoing.iter().sum()),
    }));
    meeting_text(m, mt.date, decisions, totals, all_time)
}

/// The cases ongoing after the last meeting, per group, in case order.
fn ongoing_now(cases: &[CasePlan]) -> Vec<Vec<usize>> {
    let mut on = vec![Vec::new(); GROUPS.len()];
    for (i, c) in cases.iter().enumerate() {
        if c.delisted.is_none() {
            on[c.group].push(i);
        }
    }
    on
}

/// The date of the meeting after the last one (half a year later).
fn next_date(meetings: &[MeetingPlan]) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(2023, 7, 27).expect("a valid date");
    meetings.last().map_or(first, |m| {
        m.date
            .checked_add_months(Months::new(6))
            .expect("a date within range")
    })
}

/// The meeting after the last one, with `decisions` and the stated numbers in their places.
fn next_meeting(
    meetings: &[MeetingPlan],
    decisions: Vec<(Sp<String>, GroupDecisions)>,
    totals: Option<Sp<Counts>>,
    all_time: Option<Sp<AllTime>>,
) -> String {
    meeting_text(
        meetings.len(),
        next_date(meetings),
        decisions,
        totals,
        all_time,
    )
}

/// Meeting number `m` (vm-{m+1}) on `day`, in kbbt's canonical layout.
fn meeting_text(
    m: usize,
    day: NaiveDate,
    decisions: Vec<(Sp<String>, GroupDecisions)>,
    totals: Option<Sp<Counts>>,
    all_time: Option<Sp<AllTime>>,
) -> String {
    let meeting = Meeting {
        id: sp(meeting_id(m)),
        title: sp(meeting_title(m)),
        level: sp_str("副市長層級"),
        date: Some(date(day)),
        source: Some(meeting_source(m)),
        decisions: Decisions(decisions),
        totals,
        all_time,
        discrepancies: Vec::new(),
        records: None,
        statements: Vec::new(),
        instructions: Vec::new(),
        close: Vec::new(),
    };
    kbbt::canon::meeting(&meeting, "")
}

/// `pending/apply-D.yaml`: the next meeting with `n` decisions, half of them delists of ongoing cases
/// (by id or by title; capped by the ongoing cases there are) and the rest adds of new cases with new
/// titles and no ids, spread over the groups, with the numbers `kbbt apply` will count (`ongoing`:
/// the cases carried over and not delisted, as in the other meetings).
fn apply_meeting_yaml(n: usize, cases: &[CasePlan], meetings: &[MeetingPlan], seed: u64) -> String {
    let ng = GROUPS.len();
    let mut rng = Rng::stream(seed, u64::MAX);
    let mut on = ongoing_now(cases);
    let total_on: usize = on.iter().map(Vec::len).sum();
    let delists = (n / 2).min(total_on);
    let adds = n - delists;
    let mut taken: HashMap<String, u32> = cases.iter().map(|c| (title_key(&c.title), 1)).collect();
    let mut decisions = Vec::with_capacity(ng);
    let (mut all_add, mut all_delist, mut all_on) = (0, 0, 0);
    for (g, group) in GROUPS.iter().enumerate() {
        // This group's share, the remainder going to the first groups.
        let share = |k: usize| k / ng + usize::from(g < k % ng);
        let d = share(delists).min(on[g].len());
        let list = &mut on[g];
        for i in 0..d {
            let j = i + rng.below(list.len() - i);
            list.swap(i, j);
        }
        let mut gone: Vec<usize> = list.drain(..d).collect();
        gone.sort_unstable();
        let delist = gone
            .iter()
            .map(|c| {
                let c = &cases[*c];
                let case = if rng.pct(50) { c.id() } else { c.title.clone() };
                sp(Ref {
                    case: sp(case),
                    id: None,
                    note: None,
                })
            })
            .collect();
        let add: Vec<Sp<NewCase>> = (0..share(adds))
            .map(|_| {
                let subject = rng.pick(&group.subjects);
                let base = format!(
                    "{}{subject}{}{}",
                    rng.pick(&PLACES),
                    rng.pick(&ACTIONS),
                    rng.pick(&SUFFIXES)
                );
                let mut title = base.clone();
                let mut k = 1;
                while taken.contains_key(&title_key(&title)) {
                    k += 1;
                    title = format!("{base}（第 {k} 期）");
                }
                taken.insert(title_key(&title), 1);
                let lead = rng.below(MEMBERS.len());
                let partners: Vec<usize> = (0..MEMBERS.len())
                    .filter(|m| *m != lead && rng.pct(40))
                    .collect();
                sp(new_case(&title, None, Some(MEMBERS[lead]), &partners))
            })
            .collect();
        // As the minutes count it: the cases carried over from before the meeting and still ongoing.
        let ongoing = list.len();
        (all_add, all_delist, all_on) = (all_add + add.len(), all_delist + d, all_on + ongoing);
        decisions.push((
            sp_str(group.name),
            GroupDecisions {
                add,
                delist,
                ongoing: count(ongoing),
                ..GroupDecisions::default()
            },
        ));
    }
    let done_before = cases.iter().filter(|c| c.delisted.is_some()).count();
    let totals = sp(Counts {
        delist: count(all_delist),
        add: count(all_add),
        ongoing: count(all_on),
    });
    let all_time = sp(AllTime {
        cases: count(cases.len() + all_add),
        completed: count(done_before + all_delist),
    });
    next_meeting(meetings, decisions, Some(totals), Some(all_time))
}

/// `pending/unknown-U.yaml`: the next meeting delisting `n` names that match no case, spread over the
/// groups. Three in four are an ongoing case's title with one character changed or its last two cut
/// (so there is something to suggest); the rest are unrelated. The stated numbers are those of the
/// register as it is, so the only errors are the names.
fn unknown_meeting_yaml(
    n: usize,
    cases: &[CasePlan],
    meetings: &[MeetingPlan],
    seed: u64,
) -> String {
    const STAND_INS: [char; 8] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];
    let ng = GROUPS.len();
    let mut rng = Rng::stream(seed, u64::MAX - 1);
    let on = ongoing_now(cases);
    let mut taken: HashMap<String, u32> = cases.iter().map(|c| (title_key(&c.title), 1)).collect();
    let mut decisions = Vec::with_capacity(ng);
    for (g, group) in GROUPS.iter().enumerate() {
        let share = n / ng + usize::from(g < n % ng);
        let mut delist = Vec::with_capacity(share);
        let mut k = 0;
        while delist.len() < share {
            k += 1;
            let name = match (on[g].is_empty(), rng.below(4)) {
                (false, 0) => {
                    let t: Vec<char> = cases[on[g][rng.below(on[g].len())]].title.chars().collect();
                    t[..t.len() - 2].iter().collect()
                }
                (false, 1 | 2) => {
                    let mut t: Vec<char> =
                        cases[on[g][rng.below(on[g].len())]].title.chars().collect();
                    let wide: Vec<usize> = (0..t.len()).filter(|i| !t[*i].is_ascii()).collect();
                    t[wide[rng.below(wide.len())]] = rng.pick(&STAND_INS);
                    t.into_iter().collect()
                }
                _ => format!("臨時動議第 {k} 案{}", rng.pick(&group.subjects)),
            };
            if taken.insert(title_key(&name), 1).is_none() {
                delist.push(sp(Ref {
                    case: sp(name),
                    id: None,
                    note: None,
                }));
            }
        }
        decisions.push((
            sp_str(group.name),
            GroupDecisions {
                delist,
                ongoing: count(on[g].len()),
                ..GroupDecisions::default()
            },
        ));
    }
    next_meeting(meetings, decisions, None, None)
}

/// The last 30 June or 31 December on or before `d`.
fn half_year_end(d: NaiveDate) -> NaiveDate {
    let y = d.year();
    let dec = NaiveDate::from_ymd_opt(y, 12, 31).expect("a valid date");
    let jun = NaiveDate::from_ymd_opt(y, 6, 30).expect("a valid date");
    if d >= dec {
        dec
    } else if d >= jun {
        jun
    } else {
        NaiveDate::from_ymd_opt(y - 1, 12, 31).expect("a valid date")
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut o = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            o.push(',');
        }
        o.push(c);
    }
    o
}

/// One sentence of a progress report (辦理情形).
fn sentence(rng: &mut Rng, c: &CasePlan, as_of: NaiveDate, other: &str) -> String {
    let roc = as_of.year() - 1911;
    let y = if rng.pct(70) { roc } else { roc - 1 };
    let m = rng.range(1, 12);
    let d = rng.range(1, 28);
    let (subj, act) = (c.subject, c.action);
    match rng.below(8) {
        0 => format!(
            "於 {y} 年 {m} 月 {d} 日召開{subj}{act}工作會議，邀集{other}相關局處研商辦理方式，並就執行期程達成共識。"
        ),
        1 => format!(
            "截至 {y} 年 {m} 月累計辦理 {} 場次，參與 {} 人次，較前一年度成長 {}%。",
            rng.range(2, 48),
            thousands(rng.range(120, 48_000)),
            rng.range(1, 35)
        ),
        2 => format!(
            "已完成第 {} 階段{subj}{act}作業，預計於 {y} 年 {m} 月底前辦理驗收。",
            rng.range(1, 4)
        ),
        3 => format!(
            "持續與{other}辦理{subj}資料介接，{y} 年度編列經費新臺幣 {} 萬元，執行率 {}%。",
            thousands(rng.range(30, 25_000)),
            rng.range(40, 100)
        ),
        4 => format!(
            "因中央補助計畫調整，部分項目延至 {y} 年 {m} 月辦理，將滾動檢討執行情形並適時提報平臺。"
        ),
        5 => format!("{y} 年 {m} 月 {d} 日與{other}簽署合作備忘錄，建立聯繫窗口及定期會商機制。"),
        6 => format!(
            "本案實際進度為 {}%，預定進度為 {}%，差異主因為工程介面協調及用地取得作業。",
            rng.range(20, 95),
            rng.range(40, 100)
        ),
        _ => format!(
            "規劃於 {y} 年下半年辦理{subj}聯合宣導活動，預計觸及 {} 人次。",
            thousands(rng.range(500, 120_000))
        ),
    }
}

/// A multi-line progress text of 300–800 characters, one numbered item a line.
fn progress_text(rng: &mut Rng, c: &CasePlan, as_of: NaiveDate) -> String {
    let mut out = String::new();
    let target = rng.range(300, 800);
    let mut involved: Vec<usize> = c.lead.iter().copied().chain(c.partners.clone()).collect();
    if involved.len() < 2 {
        involved = (0..MEMBERS.len()).collect();
    }
    let mut chars = 0;
    let mut item = 1;
    while chars < target {
        let city = involved[(item - 1) % involved.len()];
        let other = MEMBERS[(city + 1 + rng.below(MEMBERS.len() - 1)) % MEMBERS.len()];
        let mut line = format!("{item}. {}：", MEMBERS[city]);
        if rng.pct(30) {
            // An item with numbered sub-items on lines of their own.
            let mut lines = vec![line];
            for sub in 1..=rng.range(2, 3) {
                lines.push(format!("({sub}) {}", sentence(rng, c, as_of, other)));
            }
            line = lines.join("\n");
        } else {
            for _ in 0..rng.range(1, 2) {
                line.push_str(&sentence(rng, c, as_of, other));
            }
        }
        let n = line.chars().count() + 1;
        if chars + n > 800 {
            if chars >= 300 {
                break;
            }
            continue;
        }
        out.push_str(&line);
        out.push('\n');
        chars += n;
        item += 1;
    }
    out
}

fn history(m: &MeetingPlan, id: String, action: Action, note: Option<&str>) -> Sp<HistoryEntry> {
    sp(HistoryEntry {
        date: Some(date(m.date)),
        not_after: None,
        meeting: Some(sp(id.into())),
        action: sp(action),
        note: note.map(str::to_string),
        source: None,
    })
}

fn case_yaml(c: &CasePlan, meetings: &[MeetingPlan], seed: u64, index: usize) -> String {
    let mut rng = Rng::stream(seed, index as u64);
    let g = &GROUPS[c.group];
    let mut entries = Vec::new();
    let mut sources = Vec::new();
    match c.added {
        Some(m) => {
            entries.push(history(&meetings[m], meeting_id(m), Action::Add, None));
            sources.push(meeting_source(m));
        }
        None => {
            entries.push(sp(HistoryEntry {
                date: None,
                not_after: None,
                meeting: None,
                action: sp(Action::Seen),
                note: None,
                source: Some(SEEN_SOURCE.to_string()),
            }));
            sources.push(SEEN_SOURCE.to_string());
        }
    }
    if let Some(m) = c.delisted {
        entries.push(history(
            &meetings[m],
            meeting_id(m),
            Action::Delist,
            c.delist_note,
        ));
        sources.push(meeting_source(m));
    }
    // Progress reports at half-year ends while the case was tracked, newest first.
    let end = match (c.delisted, meetings.last()) {
        (Some(m), _) => meetings[m].date,
        (None, Some(last)) => last.date,
        (None, None) => NaiveDate::from_ymd_opt(2025, 12, 31).expect("a valid date"),
    };
    let mut as_of = half_year_end(end);
    let mut progress = Vec::new();
    for _ in 0..rng.range(1, 2) {
        progress.push(Progress {
            as_of: date(as_of),
            text: progress_text(&mut rng, c, as_of),
            planned: None,
            actual: None,
        });
        as_of = half_year_end(as_of - chrono::Days::new(1));
    }
    let contact = rng.pct(50).then(|| g.office.to_string());
    let case = Case::from(CaseFields {
        id: sp(c.id().into()),
        title: sp(c.title.clone()),
        aliases: Vec::new(),
        group: sp_str(g.name),
        lead: c.lead.map(|l| sp_str(MEMBERS[l])),
        partners: cities(&c.partners),
        topics: if c.topic {
            vec![sp_str(TOPIC)]
        } else {
            Vec::new()
        },
        parent: None,
        status: sp(if c.delisted.is_some() {
            Status::Delisted
        } else {
            Status::Ongoing
        }),
        replaces: Vec::new(),
        replaced_by: Vec::new(),
        merged_into: None,
        merged_from: Vec::new(),
        history: entries,
        progress,
        milestones: Vec::new(),
        sources,
        notes: None,
        kind: None,
        summary: None,
        approach: None,
        benefits: None,
        ministries: Vec::new(),
        contact,
    });
    kbbt::canon::case(&case, "")
}

fn prepare(args: &Args) -> Result<(), String> {
    let out = &args.out;
    if out.exists() {
        let non_empty = std::fs::read_dir(out)
            .map_err(|e| format!("{}: {e}", out.display()))?
            .next()
            .is_some();
        if non_empty && !args.force {
            return Err(format!(
                "{} is not empty (use --force to replace its platform.yaml, cases/, meetings/ and pending/)",
                out.display()
            ));
        }
        for d in ["cases", "meetings", "pending"] {
            let p = out.join(d);
            if p.exists() {
                std::fs::remove_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            }
        }
    }
    for g in &GROUPS {
        let p = out.join("cases").join(g.code);
        std::fs::create_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let p = out.join("meetings");
    std::fs::create_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A meeting that is not applied yet, in `pending/`; refused over kbbt's size limit like any file.
fn write_pending(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "pending/{name} would be {} bytes, over kbbt's limit of {MAX_FILE_BYTES}",
            text.len()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    write_file(&dir.join(name), text)
}

fn run(args: &Args) -> Result<(), String> {
    let (cases, meetings) = plan(args);
    let mut meeting_texts = Vec::with_capacity(meetings.len());
    for (m, mt) in meetings.iter().enumerate() {
        let text = meeting_yaml(m, mt, &cases, m + 1 == meetings.len());
        if text.len() > MAX_FILE_BYTES {
            return Err(format!(
                "meeting {} would be {} bytes, over kbbt's limit of {MAX_FILE_BYTES}; use more meetings",
                meeting_id(m),
                text.len()
            ));
        }
        meeting_texts.push(text);
    }
    prepare(args)?;
    write_file(&args.out.join("platform.yaml"), &platform_yaml(args))?;
    for (m, text) in meeting_texts.iter().enumerate() {
        write_file(
            &args
                .out
                .join("meetings")
                .join(format!("{}.yaml", meeting_id(m))),
            text,
        )?;
    }
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZero::get)
        .unwrap_or(1)
        .min(16);
    let chunk = cases.len().div_ceil(threads).max(1);
    let cases_dir = args.out.join("cases");
    std::thread::scope(|sc| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .enumerate()
            .map(|(k, part)| {
                let (cases_dir, meetings) = (&cases_dir, &meetings);
                sc.spawn(move || -> Result<(), String> {
                    for (j, c) in part.iter().enumerate() {
                        let buf = case_yaml(c, meetings, args.seed, k * chunk + j);
                        let path = cases_dir
                            .join(GROUPS[c.group].code)
                            .join(format!("{}.yaml", c.id()));
                        write_file(&path, &buf)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a writer thread failed".to_string())?)
    })?;
    let pending = args.out.join("pending");
    if let Some(d) = args.apply_meeting {
        let text = apply_meeting_yaml(d, &cases, &meetings, args.seed);
        write_pending(&pending, &format!("apply-{d}.yaml"), &text)?;
    }
    if let Some(u) = args.unknown_names {
        let text = unknown_meeting_yaml(u, &cases, &meetings, args.seed);
        write_pending(&pending, &format!("unknown-{u}.yaml"), &text)?;
    }
    let delisted = cases.iter().filter(|c| c.delisted.is_some()).count();
    eprintln!(
        "kbbt-gen: wrote {} cases ({} ongoing, {delisted} delisted) and {} meetings to {}",
        cases.len(),
        cases.len() - delisted,
        meetings.len(),
        args.out.display()
    );
    Ok(())
}

/// `kbbt-gen --parse-floor DIR`: read every YAML file below DIR and parse it with kbbt's own parse
/// (`kbbt::yaml::parse`: the same options, limits and BOM handling) into `serde::de::IgnoredAny` (no
/// typing, no checks), on all cores. Timed by the benchmark in the same run as kbbt, this is the floor
/// kbbt's own load cannot go below. The meetings in `DIR/pending/` are not part of the register and
/// are left out.
fn parse_floor(dir: &Path) -> Result<(), String> {
    let pending = dir.join("pending");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.path() != pending)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let failed = std::thread::scope(|sc| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                sc.spawn(|| {
                    let mut failed = 0usize;
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = files.get(k) else { break };
                        let ok = std::fs::read_to_string(f)
                            .is_ok_and(|t| kbbt::yaml::parse::<serde::de::IgnoredAny>(&t).is_ok());
                        failed += usize::from(!ok);
                    }
                    failed
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or(1))
            .sum::<usize>()
    });
    if failed > 0 {
        return Err(format!("{failed} files could not be read or parsed"));
    }
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("--parse-floor") {
        let Some(dir) = argv.get(2) else {
            eprintln!("error: --parse-floor needs a folder");
            return ExitCode::from(2);
        };
        return match parse_floor(Path::new(dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The promise the benchmark relies on: kbbt loads the register without a single finding, and
    /// every file is already in the layout `kbbt fmt` writes.
    #[test]
    fn a_small_register_is_clean_and_canonical() {
        let dir = std::env::temp_dir().join(format!("kbbt-gen-test-{}", std::process::id()));
        let args = Args {
            cases: 240,
            meetings: 3,
            out: dir.clone(),
            seed: 7,
            force: true,
            apply_meeting: Some(60),
            unknown_names: Some(30),
        };
        run(&args).expect("the register is written");
        let (reg, mut findings) = kbbt::load::load(&dir);
        let reg = reg.expect("the register loads");
        findings.extend(kbbt::check::run(&reg));
        assert!(findings.is_empty(), "{findings:#?}");
        assert_eq!((reg.cases.len(), reg.meetings.len()), (240, 3));
        for entry in walkdir::WalkDir::new(&dir) {
            let path = entry.expect("a readable entry").into_path();
            if path.extension().is_none_or(|x| x != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a readable file");
            let canonical = if path.ends_with("platform.yaml") {
                let p: Platform = kbbt::yaml::parse(&text).expect("a platform");
                kbbt::canon::platform(&p, &kbbt::canon::header(&text))
            } else if path
                .parent()
                .is_some_and(|d| d.ends_with("meetings") || d.ends_with("pending"))
            {
                let m: Meeting = kbbt::yaml::parse(&text).expect("a meeting");
                kbbt::canon::meeting(&m, &kbbt::canon::header(&text))
            } else {
                let c: Case = kbbt::yaml::parse(&text).expect("a case");
                kbbt::canon::case(&c, &kbbt::canon::header(&text))
            };
            assert_eq!(text, canonical, "{}", path.display());
        }
        parse_floor(&dir).expect("kbbt's parse reads every file");
        pending_meetings_plan_as_promised(&reg, &dir);
        assert_eq!(
            status_outputs(&dir, kbbt::load::Texts::Lean),
            status_outputs(&dir, kbbt::load::Texts::Keep)
        );

        std::fs::remove_dir_all(&dir).expect("the register is removed");
    }

    /// What `status` shows of the register at `dir` loaded with `texts` (every group and all, by group
    /// and by lead, as JSON and Markdown), with the rules' findings.
    fn status_outputs(dir: &Path, texts: kbbt::load::Texts) -> Vec<String> {
        use kbbt::render::status::{Query, StatusView, json, markdown};
        let reg = kbbt::load::load_with(dir, texts)
            .0
            .expect("the register loads");
        let idx = kbbt::index::Index::new(&reg);
        let tl = kbbt::tally::Timelines::new(&reg, &idx);
        let mut out = vec![format!("{:?}", kbbt::check::run_in(&reg, &idx, &tl, &[]))];
        let groups = std::iter::once(None).chain((0..reg.platform.value.groups.len()).map(Some));
        for group in groups {
            for by_lead in [false, true] {
                let q = Query {
                    group,
                    meeting: kbbt::tally::latest_meeting(&reg, &idx, None),
                    meeting_named: false,
                    as_of: None,
                    by_lead,
                };
                let v = StatusView::build(&reg, &idx, &tl, q);
                out.push(json(&v));
                out.push(markdown(&v, kbbt::render::Style::default()));
            }
        }
        out
    }

    /// `apply-D.yaml` plans without an error and states the numbers the register will have after it;
    /// every name of `unknown-U.yaml` is refused as unknown, most of them with a suggestion.
    fn pending_meetings_plan_as_promised(reg: &kbbt::model::Register, dir: &Path) {
        use kbbt::apply::plan::{plan, register_after};
        let idx = kbbt::index::Index::new(reg);
        let pending = dir.join("pending");
        let m = kbbt::load::read_meeting(&pending, Path::new("apply-60.yaml")).expect("a meeting");
        let p = plan(reg, &idx, &m.value, &m.path);
        assert!(p.errors.is_empty(), "{:#?}", p.errors);
        assert_eq!(p.steps.len(), 60);
        assert_eq!(p.steps.iter().filter(|s| s.created).count(), 30);
        let mut after = register_after(reg, &p);
        after.meetings.push(m.clone());
        let idx2 = kbbt::index::Index::new(&after);
        let tl2 = kbbt::tally::Timelines::new(&after, &idx2);
        let mismatches =
            kbbt::check::count_mismatches(&after, &idx2, &tl2, after.meetings.len() - 1);
        assert!(mismatches.is_empty(), "{mismatches:#?}");

        let m =
            kbbt::load::read_meeting(&pending, Path::new("unknown-30.yaml")).expect("a meeting");
        let p = plan(reg, &idx, &m.value, &m.path);
        assert!(p.steps.is_empty());
        assert_eq!(p.errors.len(), 30);
        assert!(
            p.errors
                .iter()
                .all(|f| f.message.to_string().starts_with("unknown case"))
        );
        let hinted = p.errors.iter().filter(|f| f.hint.is_some()).count();
        assert!(hinted >= 15, "{hinted} of 30 with a suggestion");
    }
}
