//! The registers the repository ships: they validate clean, their numbers are the minutes' numbers (or a
//! recorded discrepancy), and the 基北北桃 register is exactly what applying its meetings produces.

use super::support::{Reg, at, repo};
use std::path::{Path, PathBuf};

#[test]
fn the_three_shipped_registers_validate_clean() {
    for dir in [
        repo(),
        repo().join("examples/north-taiwan"),
        repo().join("examples/shuangbei"),
    ] {
        let out = at(&dir, &["validate", "--format", "json"]);
        out.assert_code(0).assert_no_panic();
        assert_eq!(out.json()["errors"], 0, "{}", dir.display());
    }
}

#[test]
fn vm3_adds_and_delists_are_the_minutes() {
    let out = at(
        &repo(),
        &["status", "--meeting", "vm-3", "--format", "json"],
    );
    out.assert_code(0);
    let v = out.json();
    let m = &v["meeting"];
    assert_eq!(m["totals"]["add"], 12);
    assert_eq!(m["totals"]["delist"], 24);
    // The minutes state 51 ongoing; the register has fewer, and says so as a recorded discrepancy.
    let diffs = m["stated_differences"].to_string();
    assert!(
        diffs.contains(
            "totals: the minutes state ongoing 51, the register has 37 (a recorded discrepancy: \
             the minutes contradict their own arithmetic; the minutes count cases they never name)"
        ),
        "{diffs}"
    );
    let per_group: Vec<(String, u64, u64)> = m["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap().to_string(),
                g["add"].as_u64().unwrap(),
                g["delist"].as_u64().unwrap(),
            )
        })
        .collect();
    let minutes = [
        ("交通組", 2, 3),
        ("災防組", 0, 1),
        ("教育文化組", 0, 1),
        ("產業民生組", 3, 7),
        ("都會發展組", 1, 0),
        ("衛生社福組", 4, 9),
        ("環境資源組", 1, 2),
        ("觀光文創組", 1, 1),
    ];
    let want: Vec<(String, u64, u64)> = minutes
        .iter()
        .map(|(g, a, d)| ((*g).to_string(), *a, *d))
        .collect();
    assert_eq!(per_group, want);
    let tr = &m["groups"][0]["cases"];
    assert_eq!(tr["add"], serde_json::json!(["TR-021", "TR-022"]));
    assert_eq!(
        tr["delist"],
        serde_json::json!(["TR-023", "TR-024", "TR-025"])
    );
}

#[test]
fn group_by_name_code_or_alias_prints_the_same() {
    let a = at(&repo(), &["status", "--group", "交通組"]);
    a.assert_code(0);
    assert_eq!(a.stdout, at(&repo(), &["status", "--group", "交通"]).stdout);
    assert_eq!(a.stdout, at(&repo(), &["status", "--group", "TR"]).stdout);
}

#[test]
fn mayor_meeting_3_all_time_numbers() {
    // 「共推動 120 項合作方案，已有 72 項完成」: 72 agrees, 120 is a recorded discrepancy.
    let v = at(
        &repo(),
        &["status", "--as-of", "114年7月23日", "--format", "json"],
    )
    .json();
    assert_eq!(v["all_time"]["total"]["delisted"], 72);
    assert_eq!(v["all_time"]["total"]["cases"], 109);
    let m3 = std::fs::read_to_string(repo().join("meetings/m-3.yaml")).unwrap();
    assert!(m3.contains("field: cases, stated: 120, register: 109"));
}

/// The cases that existed before the first recorded meeting, and the decisions documents other
/// than minutes state: every case whose history has an entry without a meeting, cut down to those
/// entries, with the status and merge links those entries give (other links come from meetings).
fn pre_existing(text: &str) -> Option<String> {
    let mut out = Vec::new();
    let (mut in_history, mut keep) = (false, false);
    let mut status = "ongoing";
    let mut merge_links = false;
    for line in text.lines() {
        if line.starts_with("history:") {
            in_history = true;
        } else if in_history && line.starts_with("  - ") {
            if line.contains("meeting:") {
                continue;
            }
            keep = true;
            if line.contains("action: merge") {
                status = "merged";
                merge_links = true;
            } else if line.contains("action: absorb") {
                merge_links = true;
            }
        } else if in_history && !line.starts_with(' ') {
            in_history = false;
        }
        out.push(line.to_string());
    }
    let out: Vec<String> = out
        .into_iter()
        .filter(|l| {
            let merge = l.starts_with("merged_into:") || l.starts_with("merged_from:");
            let link = ["replaced_by:", "replaces:"]
                .iter()
                .any(|k| l.starts_with(k));
            !link && (!merge || merge_links)
        })
        .map(|l| {
            if l.starts_with("status:") {
                format!("status: {status}")
            } else {
                l
            }
        })
        .collect();
    keep.then(|| out.join("\n") + "\n")
}

fn cases_of(dir: &Path) -> Vec<serde_json::Value> {
    let v = at(dir, &["list", "--format", "json"]).json();
    v.as_array().unwrap().clone()
}

/// What decisions leave in a case: its status, history (date, meeting, action), links and parent. (Titles
/// are not compared: three cases carry a newer name than the one they were added under.)
fn decided(c: &serde_json::Value) -> String {
    let h: Vec<String> = c["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {} {}", e["date"], e["meeting"], e["action"]))
        .collect();
    format!(
        "{} status={} history={h:?} replaces={} replaced_by={} merged_into={} merged_from={} parent={}",
        c["id"],
        c["status"],
        c["replaces"],
        c["replaced_by"],
        c["merged_into"],
        c["merged_from"],
        c["parent"]
    )
}

#[test]
fn the_shipped_register_is_what_applying_its_meetings_produces() {
    let r = Reg::minimal();
    let root = repo();
    std::fs::copy(root.join("platform.yaml"), r.path().join("platform.yaml")).unwrap();
    // The complete listing is recorded last, by importing the progress report it is.
    let platform = std::fs::read_to_string(r.path().join("platform.yaml")).unwrap();
    let listings = platform
        .find("listings:")
        .expect("the shipped platform has a listing");
    r.write("platform.yaml", &platform[..listings]);
    let mut meetings = Vec::new();
    for e in std::fs::read_dir(root.join("meetings")).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let date = text
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .unwrap_or("")
            .to_string();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        r.write(&format!("meetings/{name}"), &text);
        meetings.push((date, name));
    }
    meetings.sort();
    let mut base = 0;
    for e in walk(&root.join("cases")) {
        let text = std::fs::read_to_string(&e).unwrap();
        if let Some(t) = pre_existing(&text) {
            let rel = e.strip_prefix(&root).unwrap().to_str().unwrap().to_string();
            r.write(&rel, t);
            base += 1;
        }
    }
    assert!(base > 40, "only {base} pre-existing cases");
    for (_, name) in &meetings {
        let out = r.run(&["apply", &format!("meetings/{name}")]);
        out.assert_code(0).assert_no_panic();
    }
    // The names the register knows (titles and aliases: names, not decisions) come with the shipped
    // files: the report writes some cases as no meeting did.
    for e in walk(&root.join("cases")) {
        let rel = e.strip_prefix(&root).unwrap();
        let (Ok(shipped), Ok(rebuilt)) = (
            std::fs::read_to_string(&e),
            std::fs::read_to_string(r.path().join(rel)),
        ) else {
            continue;
        };
        // The `aliases:` key with its block items, if any.
        let block = |text: &str| -> Vec<String> {
            let mut v = Vec::new();
            for l in text.lines() {
                if l.starts_with("aliases:") || (!v.is_empty() && l.starts_with("  - ")) {
                    v.push(l.to_string());
                } else if !v.is_empty() {
                    break;
                }
            }
            v
        };
        let aliases = block(&shipped);
        let title = shipped.lines().find(|l| l.starts_with("title:")).unwrap();
        let old = block(&rebuilt);
        let mut lines: Vec<String> = rebuilt
            .lines()
            .map(|l| {
                if l.starts_with("title:") {
                    title.to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        let at = match old.first() {
            Some(first) => {
                let i = lines.iter().position(|l| l == first).unwrap();
                lines.drain(i..i + old.len());
                i
            }
            None => lines.iter().position(|l| l.starts_with("title:")).unwrap() + 1,
        };
        lines.splice(at..at, aliases);
        r.write(rel.to_str().unwrap(), lines.join("\n") + "\n");
    }
    let source = "「基北北桃合作交流平臺」合作方案辦理情形（資料時間：114 年 12 月 31 日）";
    let table = root.join("tests/fixtures/progress-2025-12-31.txt");
    let out = r.run(&[
        "import",
        "progress",
        table.to_str().unwrap(),
        "--complete",
        "--source",
        source,
    ]);
    out.assert_code(0).assert_no_panic();
    r.validate().assert_code(0);
    assert_eq!(
        std::fs::read_to_string(r.path().join("platform.yaml")).unwrap(),
        platform,
        "the listing is recorded as the shipped platform.yaml has it"
    );
    // Ongoing and unconfirmed as of the listing's date, as in the shipped register.
    let totals = |dir: &Path| {
        let v = at(
            dir,
            &["status", "--as-of", "2025-12-31", "--format", "json"],
        )
        .json();
        (
            v["all_time"]["total"]["ongoing"].clone(),
            v["all_time"]["total"]["unconfirmed"].clone(),
        )
    };
    assert_eq!(totals(r.path()), (56.into(), 10.into()));
    assert_eq!(totals(&root), (56.into(), 10.into()));
    let shipped: Vec<String> = cases_of(&root).iter().map(decided).collect();
    let rebuilt: Vec<String> = cases_of(r.path()).iter().map(decided).collect();
    assert_eq!(shipped.len(), 145);
    let differ: Vec<_> = shipped.iter().filter(|s| !rebuilt.contains(s)).collect();
    assert!(
        differ.is_empty(),
        "cases that applying the meetings does not reproduce:\n{differ:#?}"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// `cargo install kbbt` installs the tool and nothing else: the benchmark generator is a separate,
/// unpublished package.
#[test]
fn the_kbbt_package_has_one_binary_and_the_generator_is_not_published() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(repo())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let package = |name: &str| {
        meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("package {name}"))
            .clone()
    };
    let kbbt = package("kbbt");
    let bins: Vec<&str> = kbbt["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .filter(|t| {
            t["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "bin"))
        })
        .map(|t| t["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(bins, ["kbbt"]);
    assert_eq!(package("kbbt-gen")["publish"], serde_json::json!([]));
}
