//! OpenDocument text from a [`Doc`]: flat ODF (`.fodt`, one XML document) and the parts of an
//! `.odt` package (`content.xml`, `styles.xml`, `meta.xml`; `odt.rs` zips them). Pure; the XML is
//! written by hand, every text escaped.
//!
//! Styles: 「Heading 1」 and 「Heading 2」 for the title and the sections, 「Text body」,
//! 「Table Heading」 and 「Table Contents」 for the tables. Pages are A4 portrait with a header (the
//! platform's name, 資料時間) and a footer (the day the file was made, 「第 N 頁，共 M 頁」). The font
//! is the chosen one with its fallbacks (標楷體, DFKai-SB, 新細明體, …). Every table's header row
//! repeats on each page, and rows are kept whole.

use super::doc::{
    Block, Doc, DocCell, DocTable, MARGIN_MM, PAGE_MM, PAGE_NUMBER, StyleNames, Tone, font_list,
};
use super::svg::esc;
use std::fmt::Write as _;

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#;

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The media type of an OpenDocument text.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The named paragraph styles (office:styles), after the default style that carries the font.
const NAMED_STYLES: &str = r##"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>
</style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" fo:color="#555555"/>
</style:style>
<style:style style:name="Strong" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:keep-with-next="always"/>
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Item" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-left="0.7cm" fo:text-indent="-0.7cm"/>
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
<style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>
</style:style>
<style:style style:name="Table_20_Number" style:display-name="Table Number" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:paragraph-properties fo:text-align="end"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Table_20_Strong" style:display-name="Table Strong" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Marker" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:color="#b71c1c" fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Table_20_Note" style:display-name="Table Note" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:color="#555555"/>
</style:style>
"##;

fn cm(mm: f64) -> String {
    format!("{:.2}cm", mm / 10.0)
}

/// The usable width of a line, in millimetres.
fn text_width() -> f64 {
    PAGE_MM.0 - MARGIN_MM.1 - MARGIN_MM.3
}

/// `<office:font-face-decls>`: one face, named after the chosen font, whose family lists the fallbacks.
fn font_decls(font: &str) -> String {
    let list = font_list(font);
    format!(
        "<office:font-face-decls>\n<style:font-face style:name=\"{}\" svg:font-family=\"{}\" style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>\n</office:font-face-decls>\n",
        esc(&list[0]),
        esc(&list.join(";"))
    )
}

/// `<office:styles>`: the default paragraph style with the font, and the named styles.
fn office_styles(font: &str) -> String {
    let f = esc(&font_list(font)[0]);
    format!(
        "<office:styles>\n<style:default-style style:family=\"paragraph\">\n\
         <style:paragraph-properties fo:line-height=\"125%\"/>\n\
         <style:text-properties style:font-name=\"{f}\" style:font-name-asian=\"{f}\" style:font-name-complex=\"{f}\" \
         fo:font-size=\"11pt\" style:font-size-asian=\"11pt\" fo:language=\"zh\" fo:country=\"TW\" \
         style:language-asian=\"zh\" style:country-asian=\"TW\"/>\n</style:default-style>\n\
         {NAMED_STYLES}\
         <style:style style:name=\"Header\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">\n\
         <style:paragraph-properties><style:tab-stops><style:tab-stop style:position=\"{w}\" style:type=\"right\"/></style:tab-stops></style:paragraph-properties>\n\
         <style:text-properties fo:font-size=\"9pt\" style:font-size-asian=\"9pt\" fo:color=\"#444444\"/>\n</style:style>\n\
         <style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Header\" style:class=\"extra\"/>\n\
         </office:styles>\n",
        w = cm(text_width())
    )
}

/// The page layout (an automatic style of styles.xml, or of the flat document).
fn page_layout() -> String {
    let (w, h) = PAGE_MM;
    let (t, r, b, l) = MARGIN_MM;
    format!(
        "<style:page-layout style:name=\"pm1\">\n\
         <style:page-layout-properties fo:page-width=\"{}\" fo:page-height=\"{}\" style:print-orientation=\"portrait\" \
         fo:margin-top=\"{}\" fo:margin-right=\"{}\" fo:margin-bottom=\"{}\" fo:margin-left=\"{}\"/>\n\
         <style:header-style><style:header-footer-properties fo:min-height=\"0cm\" fo:margin-bottom=\"0.4cm\" \
         fo:border-bottom=\"0.5pt solid #808080\" fo:padding-bottom=\"0.1cm\"/></style:header-style>\n\
         <style:footer-style><style:header-footer-properties fo:min-height=\"0cm\" fo:margin-top=\"0.4cm\"/></style:footer-style>\n\
         </style:page-layout>\n",
        cm(w),
        cm(h),
        cm(t),
        cm(r),
        cm(b),
        cm(l)
    )
}

/// `<office:master-styles>`: the page with its header and footer.
fn master_styles(doc: &Doc) -> String {
    let p = &doc.page;
    format!(
        "<office:master-styles>\n<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\">\n\
         <style:header><text:p text:style-name=\"Header\">{}<text:tab/>{}</text:p></style:header>\n\
         <style:footer><text:p text:style-name=\"Footer\">{}<text:tab/>{}<text:page-number text:select-page=\"current\">1</text:page-number>{}<text:page-count>1</text:page-count>{}</text:p></style:footer>\n\
         </style:master-page>\n</office:master-styles>\n",
        esc(&p.header_left),
        esc(&p.header_right),
        esc(&p.footer_left),
        PAGE_NUMBER[0],
        PAGE_NUMBER[1],
        PAGE_NUMBER[2]
    )
}

/// The automatic styles of the body: tables, their columns, rows and cells.
fn table_styles(doc: &Doc) -> String {
    let mut s = String::new();
    for (t, table) in tables(doc).enumerate() {
        let width: f64 = table.widths.iter().sum();
        let _ = writeln!(
            s,
            "<style:style style:name=\"Tbl{t}\" style:family=\"table\"><style:table-properties style:width=\"{}\" \
             table:align=\"left\" fo:margin-bottom=\"0.3cm\" style:may-break-between-rows=\"true\"/></style:style>",
            cm(width)
        );
        for (c, w) in table.widths.iter().enumerate() {
            let _ = writeln!(
                s,
                "<style:style style:name=\"Tbl{t}.C{c}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{}\"/></style:style>",
                cm(*w)
            );
        }
    }
    s.push_str(
        "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/></style:style>\n\
         <style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #808080\"/></style:style>\n\
         <style:style style:name=\"HeadCell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #808080\" fo:background-color=\"#e8ecf1\"/></style:style>\n\
         <style:style style:name=\"FootCell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #808080\" fo:background-color=\"#f4f4f4\"/></style:style>\n",
    );
    s
}

fn tables(doc: &Doc) -> impl Iterator<Item = &DocTable> {
    doc.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

/// This format's style names.
const STYLES: StyleNames = StyleNames {
    para: ["Text_20_body", "Note", "Marker", "Strong", "Item"],
    cell: [
        "Table_20_Contents",
        "Table_20_Note",
        "Marker",
        "Table_20_Strong",
        "Table_20_Contents",
    ],
    number: "Table_20_Number",
};

fn cell(s: &mut String, c: &DocCell, style: &str, strong: bool) {
    if c.number && c.lines.len() == 1 && c.lines[0].1.parse::<u64>().is_ok() {
        let _ = write!(
            s,
            "<table:table-cell table:style-name=\"{style}\" office:value-type=\"float\" office:value=\"{n}\">",
            n = esc(&c.lines[0].1)
        );
    } else {
        let _ = write!(
            s,
            "<table:table-cell table:style-name=\"{style}\" office:value-type=\"string\">"
        );
    }
    for (tone, text) in &c.lines {
        let tone = if strong && *tone == Tone::Text && !c.number {
            Tone::Strong
        } else {
            *tone
        };
        let _ = write!(
            s,
            "<text:p text:style-name=\"{}\">{}</text:p>",
            STYLES.cell(tone, c.number),
            esc(text)
        );
    }
    s.push_str("</table:table-cell>\n");
}

fn table(s: &mut String, t: usize, table: &DocTable) {
    let _ = writeln!(
        s,
        "<table:table table:name=\"{}\" table:style-name=\"Tbl{t}\">",
        esc(&table.name)
    );
    for c in 0..table.widths.len() {
        let _ = writeln!(s, "<table:table-column table:style-name=\"Tbl{t}.C{c}\"/>");
    }
    s.push_str("<table:table-header-rows><table:table-row table:style-name=\"Row\">\n");
    for h in &table.header {
        let _ = writeln!(
            s,
            "<table:table-cell table:style-name=\"HeadCell\" office:value-type=\"string\">\
             <text:p text:style-name=\"Table_20_Heading\">{}</text:p></table:table-cell>",
            esc(h)
        );
    }
    s.push_str("</table:table-row></table:table-header-rows>\n");
    for row in &table.rows {
        s.push_str("<table:table-row table:style-name=\"Row\">\n");
        for c in row {
            cell(s, c, "Cell", false);
        }
        s.push_str("</table:table-row>\n");
    }
    if let Some(row) = &table.footer {
        s.push_str("<table:table-row table:style-name=\"Row\">\n");
        for c in row {
            cell(s, c, "FootCell", true);
        }
        s.push_str("</table:table-row>\n");
    }
    s.push_str("</table:table>\n");
}

/// `<office:body>`.
fn body(doc: &Doc) -> String {
    let mut s = String::from("<office:body>\n<office:text>\n");
    let mut t = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(
                    s,
                    "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>",
                    esc(text)
                );
            }
            Block::Para(tone, text) => {
                let _ = writeln!(
                    s,
                    "<text:p text:style-name=\"{}\">{}</text:p>",
                    STYLES.para(*tone),
                    esc(text)
                );
            }
            Block::Table(tb) => {
                table(&mut s, t, tb);
                t += 1;
            }
        }
    }
    s.push_str("</office:text>\n</office:body>\n");
    s
}

/// `<office:meta>`: the title, the day the file was made, what the content is as of.
fn meta(doc: &Doc, generated: &str) -> String {
    format!(
        "<office:meta><meta:generator>kbbt/{}</meta:generator><dc:title>{}</dc:title>\
         <dc:description>{}</dc:description><dc:language>zh-TW</dc:language>\
         <meta:creation-date>{generated}</meta:creation-date><dc:date>{generated}</dc:date></office:meta>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&doc.title),
        esc(&doc.page.header_right),
    )
}

/// The generated day as an ODF/ISO date-time: `2026-12-03T00:00:00`.
fn generated(doc: &Doc) -> String {
    format!("{}T00:00:00", doc.page.generated)
}

/// The document as one flat ODF XML file (`.fodt`).
pub fn fodt(doc: &Doc) -> String {
    let mut s = format!(
        "{XML_DECL}<office:document {NS} office:version=\"1.3\" office:mimetype=\"{MIMETYPE}\">\n"
    );
    s.push_str(&meta(doc, &generated(doc)));
    s.push_str(&font_decls(&doc.page.font));
    s.push_str(&office_styles(&doc.page.font));
    s.push_str("<office:automatic-styles>\n");
    s.push_str(&page_layout());
    s.push_str(&table_styles(doc));
    s.push_str("</office:automatic-styles>\n");
    s.push_str(&master_styles(doc));
    s.push_str(&body(doc));
    s.push_str("</office:document>\n");
    s
}

/// The XML parts of an `.odt` package: `content.xml`, `styles.xml`, `meta.xml`, `META-INF/manifest.xml`.
pub fn parts(doc: &Doc) -> [(&'static str, String); 4] {
    let content = format!(
        "{XML_DECL}<office:document-content {NS} office:version=\"1.3\">\n{}<office:automatic-styles>\n{}</office:automatic-styles>\n{}</office:document-content>\n",
        font_decls(&doc.page.font),
        table_styles(doc),
        body(doc)
    );
    let styles = format!(
        "{XML_DECL}<office:document-styles {NS} office:version=\"1.3\">\n{}{}<office:automatic-styles>\n{}</office:automatic-styles>\n{}</office:document-styles>\n",
        font_decls(&doc.page.font),
        office_styles(&doc.page.font),
        page_layout(),
        master_styles(doc)
    );
    let meta = format!(
        "{XML_DECL}<office:document-meta {NS} office:version=\"1.3\">\n{}</office:document-meta>\n",
        meta(doc, &generated(doc))
    );
    let manifest = format!(
        "{XML_DECL}<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n\
         <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"{MIMETYPE}\"/>\n\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n\
         <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n\
         <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n\
         </manifest:manifest>\n"
    );
    [
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content),
        ("styles.xml", styles),
        ("meta.xml", meta),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::doc::tests::sample as doc;

    #[test]
    fn a_flat_odf_text_document() {
        let x = fodt(&doc());
        assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "));
        assert!(x.contains("office:mimetype=\"application/vnd.oasis.opendocument.text\""));
        assert!(x.contains(
            "<text:p text:style-name=\"Table_20_Contents\">A|B &lt;x&gt; &amp; y</text:p>"
        ));
        assert!(x.contains(
            "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">(一) 交通組</text:h>"
        ));
        assert!(x.contains("<text:page-number text:select-page=\"current\">1</text:page-number> 頁，共 <text:page-count>1</text:page-count> 頁"));
        assert!(x.contains("測試平臺<text:tab/>資料時間：中華民國 114 年 12 月 31 日"));
        assert!(x.contains("製表日期：中華民國 115 年 1 月 5 日"));
        assert!(x.contains("svg:font-family=\"標楷體;DFKai-SB;新細明體;PMingLiU;"));
        assert!(x.contains("fo:page-width=\"21.00cm\" fo:page-height=\"29.70cm\""));
        assert!(x.contains("<dc:title>「測試平臺」合作方案辦理情形</dc:title>"));
        assert!(!x.contains("keep-together=\"auto\""));
        assert!(x.trim_end().ends_with("</office:document>"));
    }

    #[test]
    fn every_style_used_is_defined() {
        let mut d = doc();
        for tone in Tone::ALL {
            d.blocks.push(Block::Para(tone, "x".into()));
        }
        let p = parts(&d);
        let parsed: Vec<roxmltree::Document> = p
            .iter()
            .map(|(_, x)| roxmltree::Document::parse(x).expect("XML"))
            .collect();
        let named = |n: &roxmltree::Node, attr: &str| {
            n.attributes()
                .find(|a| a.name() == attr)
                .map(|a| a.value().to_string())
        };
        let defined: Vec<String> = parsed
            .iter()
            .flat_map(|d| d.descendants())
            .filter(|n| ["style", "page-layout"].contains(&n.tag_name().name()))
            .filter_map(|n| named(&n, "name"))
            .collect();
        for (doc, (part, _)) in parsed.iter().zip(&p) {
            for n in doc.descendants() {
                for a in [
                    "style-name",
                    "page-layout-name",
                    "parent-style-name",
                    "font-name",
                ] {
                    if let Some(v) = named(&n, a) {
                        let font = a == "font-name" && v == font_list("標楷體")[0];
                        assert!(
                            font || defined.contains(&v),
                            "{part}: {a}={v} is not defined"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn package_parts_are_separate_documents() {
        let p = parts(&doc());
        let names: Vec<&str> = p.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "META-INF/manifest.xml",
                "content.xml",
                "styles.xml",
                "meta.xml"
            ]
        );
        assert!(p[1].1.contains("<office:document-content "));
        assert!(!p[1].1.contains("<style:master-page"));
        assert!(p[2].1.contains("<style:master-page"));
        assert!(
            p[3].1
                .contains("<meta:creation-date>2026-01-05T00:00:00</meta:creation-date>")
        );
    }
}
