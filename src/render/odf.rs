//! The progress report as flat ODF text (`.fodt`): one XML document that LibreOffice and other
//! office suites open and edit like an `.odt`. Pure; the XML is written by hand, every text escaped.
//!
//! Styles: 「Heading 1」 and 「Heading 2」 for the title and the group sections, 「Text body」,
//! 「Table Heading」 and 「Table Contents」 for the tables; pages are A4 portrait. Each table's header
//! row repeats on every page; the rows of the small tables are kept whole, while a case's row may
//! break across pages (its progress can be longer than a page).

use super::report::{
    CASES_HEADER, HISTORY_HEADER, LineKind, Report, SUMMARY_HEADER, SummaryRow, UNCONFIRMED_HEADER,
    UNCONFIRMED_HEADING,
};
use super::svg::esc;
use std::fmt::Write as _;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"#;

const STYLES: &str = r##"<office:font-face-decls>
<style:font-face style:name="Noto Sans CJK TC" svg:font-family="'Noto Sans CJK TC'" style:font-family-generic="swiss"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:line-height="125%"/>
<style:text-properties style:font-name="Liberation Sans" style:font-name-asian="Noto Sans CJK TC" fo:font-size="10pt" style:font-size-asian="10pt" fo:language="zh" fo:country="TW" style:language-asian="zh" style:country-asian="TW"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>
</style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" fo:color="#555555"/>
</style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
<style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
<style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm"/>
<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
</style:style>
<style:style style:name="Table_20_Number" style:display-name="Table Number" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:paragraph-properties fo:text-align="end"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Marker" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:color="#b71c1c" fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Table_20_Note" style:display-name="Table Note" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:color="#555555"/>
</style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
</style:page-layout>
<style:style style:name="Wide" style:family="table">
<style:table-properties style:width="18cm" table:align="margins" fo:margin-bottom="0.3cm"/>
</style:style>
<style:style style:name="Narrow" style:family="table">
<style:table-properties style:width="12cm" table:align="left" fo:margin-bottom="0.3cm"/>
</style:style>
<style:style style:name="ColName" style:family="table-column"><style:table-column-properties style:column-width="4.6cm"/></style:style>
<style:style style:name="ColCity" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
<style:style style:name="ColText" style:family="table-column"><style:table-column-properties style:column-width="10.8cm"/></style:style>
<style:style style:name="ColLabel" style:family="table-column"><style:table-column-properties style:column-width="4.8cm"/></style:style>
<style:style style:name="ColDate" style:family="table-column"><style:table-column-properties style:column-width="3.4cm"/></style:style>
<style:style style:name="ColNum" style:family="table-column"><style:table-column-properties style:column-width="1.8cm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="CaseRow" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080"/></style:style>
<style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080" fo:background-color="#e8ecf1"/></style:style>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
"##;

fn para(s: &mut String, style: &str, text: &str) {
    let _ = writeln!(
        s,
        "<text:p text:style-name=\"{style}\">{}</text:p>",
        esc(text)
    );
}

fn heading(s: &mut String, level: u8, text: &str) {
    let _ = writeln!(
        s,
        "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>",
        esc(text)
    );
}

/// A cell of paragraphs, each `(paragraph style, text)`.
fn cell(s: &mut String, paras: &[(&str, String)]) {
    s.push_str("<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
    for (style, text) in paras {
        let _ = write!(
            s,
            "<text:p text:style-name=\"{style}\">{}</text:p>",
            esc(text)
        );
    }
    s.push_str("</table:table-cell>\n");
}

fn number_cell(s: &mut String, n: &str) {
    // 「不詳」 is text, never a value a spreadsheet could sum as 0.
    if n.parse::<f64>().is_err() {
        let _ = writeln!(
            s,
            "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">\
             <text:p text:style-name=\"Table_20_Number\">{}</text:p></table:table-cell>",
            esc(n)
        );
        return;
    }
    let _ = writeln!(
        s,
        "<table:table-cell table:style-name=\"Cell\" office:value-type=\"float\" office:value=\"{n}\">\
         <text:p text:style-name=\"Table_20_Number\">{n}</text:p></table:table-cell>",
        n = esc(n)
    );
}

fn table_start(s: &mut String, name: &str, style: &str, columns: &[&str], header: &[&str]) {
    let _ = writeln!(
        s,
        "<table:table table:name=\"{}\" table:style-name=\"{style}\">",
        esc(name)
    );
    for c in columns {
        let _ = writeln!(s, "<table:table-column table:style-name=\"{c}\"/>");
    }
    s.push_str("<table:table-header-rows><table:table-row>\n");
    for h in header {
        let _ = writeln!(
            s,
            "<table:table-cell table:style-name=\"HeadCell\" office:value-type=\"string\">\
             <text:p text:style-name=\"Table_20_Heading\">{}</text:p></table:table-cell>",
            esc(h)
        );
    }
    s.push_str("</table:table-row></table:table-header-rows>\n");
}

fn summary_row(s: &mut String, r: &SummaryRow, label: &str) {
    s.push_str("<table:table-row table:style-name=\"Row\">\n");
    cell(s, &[("Table_20_Contents", label.to_string())]);
    for v in &r.cells()[1..] {
        number_cell(s, v);
    }
    s.push_str("</table:table-row>\n");
}

/// The report as a flat ODF text document.
pub fn fodt(r: &Report) -> String {
    let mut s = String::from(HEAD);
    let _ = writeln!(
        s,
        "<office:meta><meta:generator>kbbt</meta:generator></office:meta>"
    );
    s.push_str(STYLES);
    s.push_str("<office:body>\n<office:text>\n");
    heading(&mut s, 1, &r.title);
    para(
        &mut s,
        "Text_20_body",
        &format!("資料時間：{}", r.as_of.roc_long()),
    );
    heading(&mut s, 2, "總覽");
    table_start(
        &mut s,
        "總覽",
        "Narrow",
        &["ColLabel", "ColNum", "ColNum", "ColNum", "ColNum"],
        &SUMMARY_HEADER,
    );
    for row in &r.summary {
        summary_row(&mut s, row, &row.group);
    }
    if let Some(t) = &r.total {
        summary_row(&mut s, t, "合計");
    }
    s.push_str("</table:table>\n");
    para(&mut s, "Note", &r.summary_note());
    if !r.history.is_empty() {
        heading(&mut s, 2, "歷次會議");
        table_start(
            &mut s,
            "歷次會議",
            "Wide",
            &["ColName", "ColDate", "ColNum", "ColNum", "ColNum"],
            &HISTORY_HEADER,
        );
        for m in &r.history {
            let c = m.cells();
            s.push_str("<table:table-row table:style-name=\"Row\">\n");
            cell(&mut s, &[("Table_20_Contents", c[0].clone())]);
            cell(&mut s, &[("Table_20_Contents", c[1].clone())]);
            for v in &c[2..] {
                number_cell(&mut s, v);
            }
            s.push_str("</table:table-row>\n");
        }
        s.push_str("</table:table>\n");
        para(&mut s, "Note", Report::history_note());
        for st in &r.statements {
            para(&mut s, "Note", st);
        }
    }
    for g in &r.groups {
        heading(&mut s, 2, &g.heading());
        if g.rows.is_empty() {
            para(&mut s, "Text_20_body", "本組無列管中之方案。");
            continue;
        }
        table_start(
            &mut s,
            &g.name,
            "Wide",
            &["ColName", "ColCity", "ColText"],
            &CASES_HEADER,
        );
        for row in &g.rows {
            s.push_str("<table:table-row table:style-name=\"CaseRow\">\n");
            let name: Vec<(&str, String)> = row
                .name_lines()
                .into_iter()
                .map(|l| ("Table_20_Contents", l))
                .collect();
            cell(&mut s, &name);
            let cities: Vec<(&str, String)> = row
                .city_lines()
                .into_iter()
                .map(|l| ("Table_20_Contents", l))
                .collect();
            cell(&mut s, &cities);
            let progress: Vec<(&str, String)> = row
                .progress_lines(r.as_of)
                .into_iter()
                .map(|(k, l)| {
                    let style = match k {
                        LineKind::Marker => "Marker",
                        LineKind::Note => "Table_20_Note",
                        LineKind::Text => "Table_20_Contents",
                    };
                    (style, l)
                })
                .collect();
            cell(&mut s, &progress);
            s.push_str("</table:table-row>\n");
        }
        s.push_str("</table:table>\n");
    }
    if !r.unconfirmed.is_empty() {
        heading(&mut s, 2, UNCONFIRMED_HEADING);
        para(&mut s, "Note", &r.unconfirmed_note());
        table_start(
            &mut s,
            "未確認",
            "Wide",
            &["ColName", "ColCity", "ColText", "ColText"],
            &UNCONFIRMED_HEADER,
        );
        for u in &r.unconfirmed {
            s.push_str("<table:table-row table:style-name=\"Row\">\n");
            for c in u.cells() {
                cell(&mut s, &[("Table_20_Contents", c)]);
            }
            s.push_str("</table:table-row>\n");
        }
        s.push_str("</table:table>\n");
    }
    s.push_str("</office:text>\n</office:body>\n</office:document>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_odf_text_document() {
        let x = fodt(&crate::render::report::sample());
        assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "));
        assert!(x.contains("office:mimetype=\"application/vnd.oasis.opendocument.text\""));
        assert!(x.contains(
            "<text:p text:style-name=\"Table_20_Contents\">A|B &lt;x&gt; &amp; y</text:p>"
        ));
        assert!(x.contains(
            "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">(一) 交通組</text:h>"
        ));
        assert!(x.trim_end().ends_with("</office:document>"));
    }
}
