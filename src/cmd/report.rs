//! `kbbt report`: the progress report (合作方案辦理情形) as Markdown, HTML, ODT (package or flat) or DOCX.
//!
//! As of a date (default: today): per group, the cases ongoing on that date with their latest
//! progress on or before it; the cases the latest meeting on or before it added are marked as the
//! platform's report marks them (【114 年 12 月 22 日第 6 次副市長層級會議同意新增】). A summary table
//! counts, per group, the ongoing cases, the latest meeting's adds and delists, and all cases ever
//! tracked; a table (and, in HTML, a chart) gives every meeting's numbers.

use super::output::Bytes;
use super::{Env, Outcome};
use crate::cli::{ReportArgs, ReportFormat};
use kbbt::index::Index;
use kbbt::model::{Date, Register};
use kbbt::msg::Msg;
use kbbt::render::report::Report;
use kbbt::tally::Timelines;
use std::path::{Path, PathBuf};

/// Where to write (`-o`, checked) and in what format; a package needs a file.
fn destination(env: &Env, args: &ReportArgs) -> Result<(Option<PathBuf>, ReportFormat), Outcome> {
    let output = args.output.as_deref();
    let target = output
        .map(|o| super::output::target(env, o, super::output::Dest::Document))
        .transpose()?;
    let format = super::output::choose(args.format, output, ReportFormat::Md)?;
    Ok((target, format))
}

/// The report in `format`: text, or a package's bytes.
fn encode(
    env: &Env,
    reg: &Register,
    report: &Report,
    date: Date,
    format: ReportFormat,
    font: &str,
) -> Result<Bytes, Outcome> {
    let doc = || {
        let page = kbbt::render::doc::Page::new(
            &reg.platform.value.name.value,
            format!("資料時間：{}", date.roc_long()),
            kbbt::render::doc::generated_today(),
            font,
        );
        kbbt::render::doc::report_doc(report, page)
    };
    match format {
        ReportFormat::Md => Ok(Bytes::Text(kbbt::render::report::markdown(report))),
        ReportFormat::Html => Ok(Bytes::Text(kbbt::render::html::html(report))),
        ReportFormat::Fodt => Ok(Bytes::Text(kbbt::render::odf::fodt(&doc()))),
        ReportFormat::Odt => super::output::package(kbbt::render::odt::odt(&doc()), "package"),
        ReportFormat::Xlsx => super::output::package(
            kbbt::render::xlsx::workbook(&super::export::report_sheets(report, env.style.lang)),
            "workbook",
        ),
        ReportFormat::Docx => super::output::package(kbbt::render::docx::docx(&doc()), "package"),
    }
}

/// The report written to its file, or given on standard output.
fn deliver(
    lang: kbbt::i18n::Lang,
    target: Option<PathBuf>,
    output: Option<&Path>,
    report: &Report,
    date: Date,
    data: Bytes,
) -> Outcome {
    match (target, output, data) {
        (Some(path), Some(shown), data) => {
            let cases: usize = report.groups.iter().map(|g| g.rows.len()).sum();
            let done = Msg::new(&kbbt::catalog::WROTE_REPORT)
                .text("file", shown.display().to_string())
                .count("n", cases, "ongoing case", "ongoing cases")
                .date("date", date)
                .render(lang)
                + "\n";
            super::output::write(&path, shown, &data, done)
        }
        // A document: never translated.
        (_, _, Bytes::Text(text)) => Outcome::machine(text),
        (_, _, Bytes::Binary(_)) => unreachable!("binary formats need -o, checked above"),
    }
}

/// `kbbt report`.
pub fn run(env: &Env, args: &ReportArgs) -> Outcome {
    let run = || -> Result<Outcome, Outcome> {
        let (target, format) = destination(env, args)?;
        let (reg, date, groups) =
            super::report_view(env, args.as_of.as_deref(), args.group.as_deref())?;
        if target.is_none() {
            match format {
                ReportFormat::Odt => return Err(super::output::needs_file("odt")),
                ReportFormat::Docx => return Err(super::output::needs_file("docx")),
                ReportFormat::Xlsx => return Err(super::output::needs_file("xlsx")),
                _ => {}
            }
        }
        let idx = Index::new(&reg);
        let tl = Timelines::new(&reg, &idx);
        let report = kbbt::report::build(&reg, &idx, &tl, date, &groups);
        let data = encode(env, &reg, &report, date, format, &args.font)?;
        Ok(deliver(
            env.style.lang,
            target,
            args.output.as_deref(),
            &report,
            date,
            data,
        ))
    };
    run().unwrap_or_else(|o| o)
}

#[cfg(test)]
mod tests {
    use kbbt::model::names::id_key;

    #[test]
    fn ids_sort_by_number() {
        let mut v = vec!["TR-10", "TR-9", "DP-1", "TR-009x"];
        v.sort_by_key(|s| id_key(s));
        assert_eq!(v, ["DP-1", "TR-9", "TR-10", "TR-009x"]);
    }
}
