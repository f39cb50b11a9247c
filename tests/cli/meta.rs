//! `kbbt schema`, `kbbt completions`, `kbbt man`, and the files that put kbbt where users work: the
//! committed JSON Schemas, the GitHub workflow, the pre-commit hooks and the CODEOWNERS example.

use super::support::{Reg, kbbt, repo, run_cmd};
use serde_json::Value;
use std::path::PathBuf;

fn kbbt_out(args: &[&str]) -> String {
    let out = run_cmd(kbbt().current_dir(repo()).args(args));
    out.assert_code(0).assert_no_panic();
    out.stdout
}

/// YAML as JSON, read the way kbbt reads register files (strict booleans: `on` is a string).
fn yaml_value(text: &str) -> Value {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    serde_saphyr::from_str_with_options(text, o).unwrap_or_else(|e| panic!("not YAML: {e}"))
}

fn yaml_file(rel: &str) -> Value {
    yaml_value(&std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

#[test]
fn committed_schemas_are_what_kbbt_schema_prints() {
    for kind in ["case", "meeting", "platform"] {
        let printed = kbbt_out(&["schema", kind]);
        let committed = std::fs::read_to_string(repo().join(format!("schemas/{kind}.schema.json")))
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(
            committed, printed,
            "schemas/{kind}.schema.json is stale: run `cargo run -- schema {kind} > schemas/{kind}.schema.json`"
        );
        let v: Value = serde_json::from_str(&printed).expect("JSON");
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(v["additionalProperties"], false);
    }
    // No register is needed.
    let out = run_cmd(
        kbbt()
            .current_dir(std::env::temp_dir())
            .args(["schema", "case"]),
    );
    out.assert_code(0);
}

/// Every YAML file of the shipped registers, with the kind of schema it should follow.
fn shipped_yaml() -> Vec<(PathBuf, &'static str)> {
    let mut out = Vec::new();
    for root in [
        repo(),
        repo().join("examples/north-taiwan"),
        repo().join("examples/shuangbei"),
    ] {
        out.push((root.join("platform.yaml"), "platform"));
        for (dir, kind) in [("cases", "case"), ("meetings", "meeting")] {
            let mut stack = vec![root.join(dir)];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).expect("read folder").flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                        out.push((p, kind));
                    }
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_shipped_file_conforms_to_its_schema_and_its_modeline_resolves() {
    let validators: Vec<(&str, jsonschema::Validator)> = ["case", "meeting", "platform"]
        .into_iter()
        .map(|k| {
            let s: Value = serde_json::from_str(&kbbt_out(&["schema", k])).expect("JSON");
            (k, jsonschema::validator_for(&s).expect("a valid schema"))
        })
        .collect();
    let files = shipped_yaml();
    assert!(files.len() > 250, "{}", files.len());
    let mut problems = Vec::new();
    for (path, kind) in &files {
        let text = std::fs::read_to_string(path).expect("read");
        let v = yaml_value(&text);
        let validator = &validators.iter().find(|(k, _)| k == kind).expect("kind").1;
        for e in validator.iter_errors(&v) {
            problems.push(format!("{}: {e} at {}", path.display(), e.instance_path()));
        }
        // `# yaml-language-server: $schema=<relative path>` points at the right schema file.
        let modeline = text
            .lines()
            .find_map(|l| l.strip_prefix("# yaml-language-server: $schema="));
        match modeline {
            Some(rel) => {
                let target = path.parent().expect("parent").join(rel.trim());
                if !rel.trim().ends_with(&format!("schemas/{kind}.schema.json"))
                    || !target.is_file()
                {
                    problems.push(format!(
                        "{}: $schema={rel} does not resolve",
                        path.display()
                    ));
                }
            }
            None => problems.push(format!("{}: no $schema modeline", path.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_schemas_refuse_unknown_fields_and_take_both_forms_of_decision_items() {
    let schema = |k: &str| {
        let s: Value = serde_json::from_str(&kbbt_out(&["schema", k])).expect("JSON");
        jsonschema::validator_for(&s).expect("a valid schema")
    };
    let case = schema("case");
    let good = yaml_value(
        "id: TR-001\ntitle: x\ngroup: 交通組\nstatus: ongoing\nlead: null\nhistory:\n  - { date: 113年7月11日, meeting: vm-1, action: add }\n",
    );
    assert!(case.is_valid(&good));
    for bad in [
        "id: TR-001\ntitle: x\ngroup: 交通組\nstauts: ongoing\n",
        "id: TR-001\ntitle: x\ngroup: 交通組\nstatus: done\n",
        "id: tr-1\ntitle: x\ngroup: 交通組\nstatus: ongoing\n",
        "id: TR-001\ntitle: x\ngroup: 交通組\nstatus: ongoing\nhistory: [{ action: add, when: 2024-01-01 }]\n",
        "id: TR-001\ntitle: x\ngroup: 交通組\nstatus: ongoing\nprogress: [{ as_of: yesterday, text: x }]\n",
    ] {
        assert!(!case.is_valid(&yaml_value(bad)), "{bad}");
    }
    let meeting = schema("meeting");
    let good = yaml_value(
        "id: vm-9\ntitle: t\nlevel: 副市長層級\ndate: 2025-01-01\ndecisions:\n  交通組:\n    add: [甲, { title: 乙, id: TR-009, lead: 臺北市 }]\n    delist: [TR-001, { case: 丙, id: TR-002, note: n }]\n    merge: [{ cases: [a, b], into: { title: c } }, { cases: [d], into: e }]\n    ongoing: 3\n  災防組: {}\ntotals: { add: 1 }\n",
    );
    let errors: Vec<String> = meeting.iter_errors(&good).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    for bad in [
        "id: vm-9\ntitle: t\nlevel: x\ndecisions:\n  交通組:\n    adds: [甲]\n",
        "id: vm-9\ntitle: t\nlevel: x\ndecisions:\n  交通組:\n    add: [{ name: 甲 }]\n",
        "id: vm-9\ntitle: t\nlevel: x\ndiscrepancies: [{ field: total, stated: 1, register: 2 }]\n",
    ] {
        assert!(!meeting.is_valid(&yaml_value(bad)), "{bad}");
    }
    let platform = schema("platform");
    assert!(!platform.is_valid(&yaml_value(
        "name: p\nmembers: [a]\ngroups: [{ name: 交通組, code: tr }]\n"
    )));
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    let bash = kbbt_out(&["completions", "bash"]);
    for word in ["validate", "apply", "import", "schema", "--dry-run"] {
        assert!(bash.contains(word), "{word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let s = kbbt_out(&["completions", shell]);
        assert!(s.contains("validate"), "{shell}");
    }
    let man = kbbt_out(&["man"]);
    assert!(man.starts_with(".TH"), "{}", &man[..man.len().min(200)]);
    for section in [".SH NAME", ".SH SYNOPSIS", "EXIT STATUS", "validate"] {
        assert!(man.contains(section), "{section}");
    }
    // An unknown shell is a usage error.
    let out = run_cmd(kbbt().args(["completions", "tcsh"]));
    out.assert_code(2);
}

#[test]
fn the_workflow_validates_pull_requests_and_pushes_to_main_that_touch_the_register() {
    let w = yaml_file(".github/workflows/validate.yml");
    let wanted = [
        "cases/**",
        "meetings/**",
        "platform.yaml",
        "schemas/**",
        ".github/workflows/validate.yml",
    ];
    for trigger in ["pull_request", "push"] {
        let paths: Vec<&str> = w["on"][trigger]["paths"]
            .as_array()
            .unwrap_or_else(|| panic!("{trigger}: paths"))
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(paths, wanted, "{trigger}");
    }
    assert_eq!(w["on"]["push"]["branches"], serde_json::json!(["main"]));
    let steps = w["jobs"]["validate"]["steps"].as_array().expect("steps");
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.iter().any(|u| u.starts_with("actions/checkout@")),
        "{uses:?}"
    );
    assert!(
        uses.iter()
            .any(|u| u.starts_with("dtolnay/rust-toolchain@")),
        "{uses:?}"
    );
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter()
            .any(|r| r.contains("cargo build --release --locked")),
        "{runs:?}"
    );
    assert!(runs.contains(&"kbbt validate --format github"), "{runs:?}");
    let summary = steps
        .iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.contains("GITHUB_STEP_SUMMARY"))
        })
        .expect("a step that writes the job summary");
    assert_eq!(summary["if"], "always()");
    assert!(w["jobs"]["validate"]["runs-on"].is_string());
}

#[test]
fn the_pre_commit_hooks_are_well_formed() {
    let hooks = yaml_file(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    let find = |id: &str| {
        hooks
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("hook {id}"))
    };
    let validate = find("kbbt-validate");
    assert_eq!(validate["entry"], "kbbt validate");
    assert_eq!(validate["pass_filenames"], false);
    let fmt = find("kbbt-fmt");
    assert_eq!(fmt["entry"], "kbbt fmt --check");
    for h in [validate, fmt] {
        assert!(matches!(h["language"].as_str(), Some("rust" | "system")));
        let files = h["files"].as_str().expect("files");
        assert_eq!(files, r"^(cases|meetings)/.*\.ya?ml$|^platform\.yaml$");
        assert!(h["name"].is_string());
    }
}

#[test]
fn codeowners_example_names_every_group_folder() {
    let text = std::fs::read_to_string(repo().join(".github/CODEOWNERS.example")).expect("read");
    let platform = yaml_file("platform.yaml");
    for g in platform["groups"].as_array().expect("groups") {
        let code = g["code"].as_str().expect("code");
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("/cases/{code}/")))
            .unwrap_or_else(|| panic!("no line for cases/{code}/"));
        assert!(
            line.split_whitespace()
                .nth(1)
                .is_some_and(|t| t.starts_with('@')),
            "{line}"
        );
    }
    assert!(text.contains(".github/CODEOWNERS"));
}

/// `::error file=…,line=…,col=…,title=…::message` (the form GitHub reads), checked by hand.
fn is_annotation(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("::error ")
        .or_else(|| line.strip_prefix("::warning "))
    else {
        return false;
    };
    let Some((props, message)) = rest.split_once("::") else {
        return false;
    };
    if message.is_empty() {
        return false;
    }
    let parts: Vec<&str> = props.split(',').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok_file = |p: &str| p.strip_prefix("file=").is_some_and(|f| !f.is_empty());
    let ok_title = |p: &str| {
        p.strip_prefix("title=")
            .is_some_and(|t| !t.is_empty() && !t.contains(':'))
    };
    match parts.as_slice() {
        [f, t] => ok_file(f) && ok_title(t),
        [f, l, c, t] => {
            ok_file(f)
                && l.strip_prefix("line=").is_some_and(digits)
                && c.strip_prefix("col=").is_some_and(digits)
                && ok_title(t)
        }
        _ => false,
    }
}

#[test]
fn github_annotations_have_the_syntax_github_reads() {
    let r = Reg::standard();
    r.write(
        "cases/TR/TR-009.yaml",
        "id: TR-009\ntitle: \"新案, 有逗號: 與冒號\"\ngroup: 交通\nstatus: ongoing\nhistory:\n  - { action: add }\n",
    );
    r.write("cases/HW/HW-009.yaml", "id: HW-009\nnot yaml: [\n");
    let out = r.run(&["validate", "--format", "github"]);
    out.assert_code(1).assert_no_panic();
    let lines = out.lines();
    let (last, annotations) = lines.split_last().expect("output");
    assert!(last.starts_with("kbbt validate: "), "{last}");
    assert!(annotations.len() >= 3, "{}", out.stdout);
    for l in annotations {
        assert!(is_annotation(l), "not an annotation: {l}");
    }
    assert!(is_annotation(
        "::error file=a.yaml,line=1,col=2,title=kbbt x::m"
    ));
    assert!(!is_annotation(
        "::error file=a.yaml,line=x,col=2,title=kbbt x::m"
    ));
    assert!(!is_annotation("error: a.yaml"));
}

/// The workflows' `run:` scripts pass shellcheck (SC2034 once hid in validate.yml). The check runs
/// wherever shellcheck is installed; the script that does it is what .ci/run calls.
#[test]
fn the_workflows_run_scripts_pass_shellcheck() {
    let script = repo().join("tools/shellcheck-workflows.sh");
    assert!(script.is_file(), "{}", script.display());
    let ci = std::fs::read_to_string(repo().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.contains("tools/shellcheck-workflows.sh"),
        ".ci/run does not run it"
    );
    let have = std::process::Command::new("shellcheck")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        eprintln!("shellcheck is not installed: the workflows' scripts were not checked");
        return;
    }
    let out = std::process::Command::new("bash")
        .arg(&script)
        .output()
        .expect("run tools/shellcheck-workflows.sh");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("shellcheck clean"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // It finds a block script's problem (a parser that found no script would pass anything).
    let dir = tempfile::tempdir().expect("temporary folder");
    let bad = dir.path().join("bad.yml");
    std::fs::write(
        &bad,
        "jobs:\n  j:\n    steps:\n      - name: x\n        run: echo ${{ github.sha }}\n      - run: |\n          set +e\n          false\n          status=$?\n          echo done\n",
    )
    .expect("write a workflow");
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(&bad)
        .output()
        .expect("run tools/shellcheck-workflows.sh");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("SC2034"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Release binaries for people without Rust: on a tag, Linux, macOS and Windows builds, checksums,
/// the Windows build (the one tools/windows-check.sh runs under wine) run on Windows before publishing.
#[test]
fn the_release_workflow_builds_every_platform_on_tags_with_checksums() {
    let w = yaml_file(".github/workflows/release.yml");
    assert_eq!(w["on"]["push"]["tags"], serde_json::json!(["v*"]));
    let targets: Vec<&str> = w["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a build matrix")
        .iter()
        .filter_map(|m| m["target"].as_str())
        .collect();
    for t in [
        "x86_64-unknown-linux-musl",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-gnu",
    ] {
        assert!(targets.contains(&t), "{t} not in {targets:?}");
    }
    let windows_check = std::fs::read_to_string(repo().join("tools/windows-check.sh"))
        .expect("tools/windows-check.sh");
    assert!(windows_check.contains("target=x86_64-pc-windows-gnu"));
    let smoke = w["jobs"]["windows-smoke-test"].to_string();
    assert!(
        smoke.contains("windows-latest") && smoke.contains("validate") && smoke.contains("status"),
        "{smoke}"
    );
    let publish = &w["jobs"]["publish"];
    assert_eq!(publish["if"], "startsWith(github.ref, 'refs/tags/v')");
    assert_eq!(
        publish["needs"],
        serde_json::json!(["build", "windows-smoke-test"])
    );
    let runs = publish["steps"].to_string();
    assert!(
        runs.contains("sha256sum") && runs.contains("SHA256SUMS"),
        "{runs}"
    );
    assert!(runs.contains("gh release create"), "{runs}");
    let build_runs = w["jobs"]["build"]["steps"].to_string();
    assert!(
        build_runs.contains("cargo build --release --locked --target"),
        "{build_runs}"
    );
}
