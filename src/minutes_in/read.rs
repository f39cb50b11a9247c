//! Documents as text: lines as a reader sees them. Plain text (UTF-8), Word (.docx: the paragraphs,
//! runs, tabs, breaks and tables of `word/document.xml`) and ODF (.odt: `text:p`, `text:h`, spans,
//! `text:s`, tabs, line breaks and tables of `content.xml`). Read with an XML parser, never with
//! patterns over the markup. A table cell ends with a tab, a row with a line end.

use crate::catalog as cat;
use crate::msg::{Msg, Said};
use quick_xml::events::{BytesStart, Event};
use std::io::Read;
use std::path::Path;

/// The text of the document at `path`, by its extension; messages name it as `shown`. An error is
/// what to say, with what to do about it when there is something to do.
pub fn document(path: &Path, shown: &Path) -> Result<String, Said> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let file = || shown.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Said::error(
            Msg::new(&cat::IM_CANNOT_READ)
                .text("file", file())
                .os("cause", e.to_string()),
        )
    })?;
    let in_file = |why: Msg| {
        Said::error(
            Msg::new(&cat::IM_IN_FILE)
                .msg("file", Msg::new(&cat::IM_FILE).text("file", file()))
                .msg("why", why),
        )
    };
    match ext.as_str() {
        "docx" => docx(&bytes).map_err(in_file),
        "odt" => odt(&bytes).map_err(in_file),
        "pdf" => Err(Said::error(Msg::new(&cat::IM_PDF).text("file", file()))
            .hint(Msg::new(&cat::IM_EXPORT_PDF))),
        "doc" => Err(
            Said::error(Msg::new(&cat::IM_LEGACY_WORD).text("file", file()))
                .hint(Msg::new(&cat::IM_SAVE_AS_DOCX)),
        ),
        _ => text(bytes).map_err(in_file),
    }
}

/// UTF-8 text (a BOM and CRLF line ends are accepted).
pub fn text(bytes: Vec<u8>) -> Result<String, Msg> {
    let s = String::from_utf8(bytes).map_err(|_| Msg::new(&cat::IM_NOT_UTF8))?;
    Ok(s.trim_start_matches('\u{feff}').replace("\r\n", "\n"))
}

fn member(bytes: &[u8], name: &str) -> Result<String, Msg> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Msg::new(&cat::IM_NOT_A_PACKAGE).text("cause", e.to_string()))?;
    let mut f = zip
        .by_name(name)
        .map_err(|_| Msg::new(&cat::IM_NO_MEMBER).text("name", name))?;
    let mut s = String::new();
    f.read_to_string(&mut s).map_err(|e| {
        Msg::new(&cat::IM_CANNOT_READ)
            .text("file", name)
            .os("cause", e.to_string())
    })?;
    Ok(s)
}

/// The text of a .docx file.
pub fn docx(bytes: &[u8]) -> Result<String, Msg> {
    walk(&member(bytes, "word/document.xml")?, &DOCX)
}

/// The text of an .odt file.
pub fn odt(bytes: &[u8]) -> Result<String, Msg> {
    walk(&member(bytes, "content.xml")?, &ODT)
}

/// What the elements of one format mean (local names).
struct Vocabulary {
    /// A paragraph: ends a line.
    paragraph: &'static [&'static str],
    /// Elements whose text is document text.
    text: &'static [&'static str],
    tab: &'static [&'static str],
    line_break: &'static [&'static str],
    /// Spaces: ODF `text:s`, `text:c` times.
    space: &'static str,
    cell: &'static str,
    row: &'static str,
    /// Elements whose content is not body text (deleted text, field codes, notes, annotations).
    skip: &'static [&'static str],
}

const DOCX: Vocabulary = Vocabulary {
    paragraph: &["p"],
    text: &["t"],
    tab: &["tab"],
    line_break: &["br", "cr"],
    space: "",
    cell: "tc",
    row: "tr",
    skip: &[
        "delText",
        "instrText",
        "del",
        "footnoteReference",
        "pPr",
        "rPr",
    ],
};

const ODT: Vocabulary = Vocabulary {
    paragraph: &["p", "h"],
    text: &["p", "h", "span", "a"],
    tab: &["tab"],
    line_break: &["line-break"],
    space: "s",
    cell: "table-cell",
    row: "table-row",
    skip: &[
        "note",
        "annotation",
        "tracked-changes",
        "automatic-styles",
        "font-face-decls",
    ],
};

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

fn walk(xml: &str, v: &Vocabulary) -> Result<String, Msg> {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().trim_text(false);
    let mut out = String::new();
    // The open elements (local names): text counts inside a text element and outside skipped ones.
    let mut stack: Vec<String> = Vec::new();
    let mut skip = 0usize;
    let in_text = |stack: &[String]| stack.last().is_some_and(|n| v.text.contains(&n.as_str()));
    loop {
        let ev = r
            .read_event()
            .map_err(|e| Msg::new(&cat::IM_MALFORMED_XML).text("cause", e.to_string()))?;
        match ev {
            Event::Start(e) => {
                let n = local(&e);
                if skip > 0 || v.skip.contains(&n.as_str()) {
                    skip += 1;
                }
                stack.push(n);
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let n = local(&e);
                if v.tab.contains(&n.as_str()) {
                    out.push('\t');
                } else if v.line_break.contains(&n.as_str()) {
                    out.push('\n');
                } else if !v.space.is_empty() && n == v.space {
                    let c = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "c")
                        .and_then(|a| a.value.parse::<usize>().ok())
                        .unwrap_or(1);
                    out.push_str(&" ".repeat(c));
                } else if v.paragraph.contains(&n.as_str()) {
                    out.push('\n');
                } else if n == v.cell {
                    out.push('\t');
                }
            }
            Event::End(e) => {
                let n = e.local_name().as_ref().to_string();
                stack.pop();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if v.paragraph.contains(&n.as_str()) {
                    out.push('\n');
                } else if n == v.cell {
                    if out.ends_with('\n') {
                        out.pop();
                    }
                    out.push('\t');
                } else if n == v.row {
                    if out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                }
            }
            Event::Text(t) if skip == 0 && in_text(&stack) => {
                out.push_str(&t);
            }
            Event::CData(t) if skip == 0 && in_text(&stack) => {
                out.push_str(&t);
            }
            Event::GeneralRef(g) if skip == 0 && in_text(&stack) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                } else {
                    let s = match g.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    };
                    out.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_runs_split_anywhere_tabs_breaks_and_tables() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="x"/></w:pPr><w:r><w:t>1. 同意解列 </w:t></w:r><w:r><w:t>1</w:t></w:r><w:r><w:t>2 案：「跨</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>市</w:t></w:r><w:r><w:t>」&amp;</w:t></w:r><w:del><w:r><w:delText>刪</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1.</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>其餘 3 案持續列管。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let got = walk(xml, &DOCX).unwrap();
        assert_eq!(
            got,
            "1. 同意解列 12 案：「跨市」&\n甲\t乙\n丙\n1.\t其餘 3 案持續列管。\n"
        );
    }

    #[test]
    fn odt_spans_spaces_soft_breaks_and_tables() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="b"><office:automatic-styles><style:style>x</style:style></office:automatic-styles><office:body><office:text>
<text:h>(一) 交通組</text:h>
<text:p>1. 同意新增<text:s/>2<text:span text:style-name="T1"> 案</text:span>：「甲<text:span>乙</text:span>」<text:s text:c="2"/>x<text:tab/>y<text:line-break/>z<text:note><text:note-body><text:p>註</text:p></text:note-body></text:note></text:p>
<table:table><table:table-row><table:table-cell><text:p>2.</text:p></table:table-cell><table:table-cell><text:p>其餘 3 案</text:p><text:p>持續列管。</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"#;
        let got = walk(xml, &ODT).unwrap();
        assert_eq!(
            got,
            "(一) 交通組\n1. 同意新增 2 案：「甲乙」  x\ty\nz\n2.\t其餘 3 案\n持續列管。\n"
        );
    }
}
