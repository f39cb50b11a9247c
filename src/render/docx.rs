//! Office Open XML (`.docx`) from a [`Doc`], for offices on Word. Pure; the WordprocessingML is
//! written by hand (every text escaped) and zipped with the `zip` crate.
//!
//! The parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (title, dates) and
//! `app.xml`, `word/document.xml`, `styles.xml` (the font on every script, heading and table
//! styles), `settings.xml`, `fontTable.xml` (標楷體 with its other name DFKai-SB and the Big5
//! character set, so Word substitutes 新細明體 when it is missing), `header1.xml` (the platform's
//! name, 資料時間) and `footer1.xml` (the day the file was made, 「第 N 頁，共 M 頁」 as PAGE and
//! NUMPAGES fields), and `word/_rels/document.xml.rels`. Pages are A4; a table's header row repeats
//! on every page (`w:tblHeader`) and no row splits across pages (`w:cantSplit`).

use super::doc::{
    Block, Doc, DocCell, DocTable, MARGIN_MM, PAGE_MM, PAGE_NUMBER, StyleNames, Tone, font_list,
};
use super::odt::zip;
use super::svg::esc;
use std::fmt::Write as _;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Millimetres as twentieths of a point.
#[allow(clippy::cast_possible_truncation)]
fn twips(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

fn text_width() -> f64 {
    PAGE_MM.0 - MARGIN_MM.1 - MARGIN_MM.3
}

/// A run of text; spaces kept.
fn run(s: &mut String, text: &str) {
    let _ = write!(
        s,
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    );
}

fn para(s: &mut String, style: &str, text: &str) {
    let _ = write!(s, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    run(s, text);
    s.push_str("</w:p>\n");
}

/// This format's style names.
const STYLES: StyleNames = StyleNames {
    para: ["BodyText", "Note", "Marker", "StrongParagraph", "Item"],
    cell: [
        "TableContents",
        "TableNote",
        "Marker",
        "TableStrong",
        "TableContents",
    ],
    number: "TableNumber",
};

fn cell(s: &mut String, width: f64, c: &DocCell, fill: Option<&str>, strong: bool) {
    let _ = write!(
        s,
        "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>",
        twips(width)
    );
    if let Some(f) = fill {
        let _ = write!(
            s,
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"
        );
    }
    s.push_str("</w:tcPr>");
    if c.lines.is_empty() {
        s.push_str("<w:p/>");
    }
    for (tone, text) in &c.lines {
        let tone = if strong && *tone == Tone::Text && !c.number {
            Tone::Strong
        } else {
            *tone
        };
        para(s, STYLES.cell(tone, c.number), text);
    }
    s.push_str("</w:tc>\n");
}

fn table(s: &mut String, t: &DocTable) {
    let total: f64 = t.widths.iter().sum();
    let _ = write!(
        s,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>\
         <w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblCaption w:val=\"{}\"/></w:tblPr>\n<w:tblGrid>",
        twips(total),
        esc(&t.name)
    );
    for w in &t.widths {
        let _ = write!(s, "<w:gridCol w:w=\"{}\"/>", twips(*w));
    }
    s.push_str("</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>\n");
    for (i, h) in t.header.iter().enumerate() {
        let _ = write!(
            s,
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF1\"/></w:tcPr>",
            twips(t.widths[i])
        );
        para(s, "TableHeading", h);
        s.push_str("</w:tc>\n");
    }
    s.push_str("</w:tr>\n");
    for row in &t.rows {
        s.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>\n");
        for (i, c) in row.iter().enumerate() {
            cell(s, t.widths[i], c, None, false);
        }
        s.push_str("</w:tr>\n");
    }
    if let Some(row) = &t.footer {
        s.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>\n");
        for (i, c) in row.iter().enumerate() {
            cell(s, t.widths[i], c, Some("F4F4F4"), true);
        }
        s.push_str("</w:tr>\n");
    }
    s.push_str("</w:tbl>\n");
}

fn document(doc: &Doc) -> String {
    let mut s = format!("{XML_DECL}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">\n<w:body>\n");
    let mut after_table = false;
    for b in &doc.blocks {
        match b {
            Block::Heading(level, text) => para(&mut s, &format!("Heading{level}"), text),
            Block::Para(tone, text) => para(&mut s, STYLES.para(*tone), text),
            Block::Table(t) => {
                if after_table {
                    // Two tables in a row would merge into one: keep them apart.
                    s.push_str("<w:p/>\n");
                }
                table(&mut s, t);
            }
        }
        after_table = matches!(b, Block::Table(_));
    }
    let (w, h) = PAGE_MM;
    let (top, right, bottom, left) = MARGIN_MM;
    let _ = write!(
        s,
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" \
         w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/></w:sectPr>\n</w:body>\n</w:document>\n",
        twips(w),
        twips(h),
        twips(top + 8.0),
        twips(right),
        twips(bottom + 8.0),
        twips(left),
        twips(top - 5.0),
        twips(bottom - 5.0)
    );
    s
}

fn header(doc: &Doc) -> String {
    let mut s = format!(
        "{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
    );
    run(&mut s, &doc.page.header_left);
    s.push_str("<w:r><w:tab/></w:r>");
    run(&mut s, &doc.page.header_right);
    s.push_str("</w:p></w:hdr>\n");
    s
}

fn field(s: &mut String, instr: &str) {
    let _ = write!(
        s,
        "<w:fldSimple w:instr=\" {instr} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    );
}

fn footer(doc: &Doc) -> String {
    let mut s = format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    );
    run(&mut s, &doc.page.footer_left);
    s.push_str("<w:r><w:tab/></w:r>");
    run(&mut s, PAGE_NUMBER[0]);
    field(&mut s, "PAGE");
    run(&mut s, PAGE_NUMBER[1]);
    field(&mut s, "NUMPAGES");
    run(&mut s, PAGE_NUMBER[2]);
    s.push_str("</w:p></w:ftr>\n");
    s
}

/// A paragraph style: name, base, paragraph properties, run properties.
fn style(s: &mut String, id: &str, name: &str, based: Option<&str>, ppr: &str, rpr: &str) {
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
    );
    if let Some(b) = based {
        let _ = write!(s, "<w:basedOn w:val=\"{b}\"/>");
    }
    s.push_str("<w:qFormat/>");
    if !ppr.is_empty() {
        let _ = write!(s, "<w:pPr>{ppr}</w:pPr>");
    }
    if !rpr.is_empty() {
        let _ = write!(s, "<w:rPr>{rpr}</w:rPr>");
    }
    s.push_str("</w:style>\n");
}

fn styles(doc: &Doc) -> String {
    let f = esc(&font_list(&doc.page.font)[0]);
    let mut s = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\">\n<w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:eastAsia=\"{f}\" w:cs=\"{f}\"/>\
         <w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-TW\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\n"
    );
    let tab = format!(
        "<w:tabs><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs>",
        twips(text_width())
    );
    let bold = "<w:b/><w:bCs/>";
    style(
        &mut s,
        "Heading1",
        "heading 1",
        Some("Normal"),
        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
        &format!("{bold}<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
    );
    style(
        &mut s,
        "Heading2",
        "heading 2",
        Some("Normal"),
        "<w:keepNext/><w:spacing w:before=\"280\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>",
        &format!("{bold}<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    );
    style(
        &mut s,
        "BodyText",
        "Body Text",
        Some("Normal"),
        "<w:spacing w:after=\"120\"/>",
        "",
    );
    style(
        &mut s,
        "Item",
        "List Item",
        Some("BodyText"),
        "<w:ind w:left=\"397\" w:hanging=\"397\"/>",
        "",
    );
    style(
        &mut s,
        "Note",
        "Note",
        Some("BodyText"),
        "",
        "<w:color w:val=\"555555\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    style(
        &mut s,
        "StrongParagraph",
        "Strong Paragraph",
        Some("BodyText"),
        "<w:keepNext/>",
        bold,
    );
    style(
        &mut s,
        "TableContents",
        "Table Contents",
        Some("Normal"),
        "<w:spacing w:after=\"30\"/>",
        "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    style(
        &mut s,
        "TableHeading",
        "Table Heading",
        Some("TableContents"),
        "<w:jc w:val=\"center\"/>",
        bold,
    );
    style(
        &mut s,
        "TableNumber",
        "Table Number",
        Some("TableContents"),
        "<w:jc w:val=\"right\"/>",
        "",
    );
    style(
        &mut s,
        "TableStrong",
        "Table Strong",
        Some("TableContents"),
        "",
        bold,
    );
    style(
        &mut s,
        "TableNote",
        "Table Note",
        Some("TableContents"),
        "",
        "<w:color w:val=\"555555\"/>",
    );
    style(
        &mut s,
        "Marker",
        "Marker",
        Some("TableContents"),
        "",
        &format!("{bold}<w:color w:val=\"B71C1C\"/>"),
    );
    style(
        &mut s,
        "Header",
        "header",
        Some("Normal"),
        // CT_PPr's order: the border before the tabs (Word refuses elements out of order).
        &format!(
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"808080\"/></w:pBdr>{tab}"
        ),
        "<w:color w:val=\"444444\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    style(
        &mut s,
        "Footer",
        "footer",
        Some("Normal"),
        &tab,
        "<w:color w:val=\"444444\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>")
    };
    let _ = writeln!(
        s,
        "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>{}{}{}{}{}{}</w:tblBorders></w:tblPr></w:style>",
        border("top"),
        border("left"),
        border("bottom"),
        border("right"),
        border("insideH"),
        border("insideV")
    );
    s.push_str("</w:styles>\n");
    s
}

/// The fonts, with the other names Word knows them by and the Big5 character set (88).
fn font_table(doc: &Doc) -> String {
    let mut s = format!("{XML_DECL}<w:fonts xmlns:w=\"{W_NS}\">\n");
    let list = font_list(&doc.page.font);
    let alt = |f: &str| match f {
        "標楷體" => Some("DFKai-SB"),
        "DFKai-SB" => Some("標楷體"),
        "新細明體" => Some("PMingLiU"),
        "PMingLiU" => Some("新細明體"),
        _ => None,
    };
    for f in list.iter().filter(|f| !f.is_ascii() || alt(f).is_none()) {
        let _ = write!(s, "<w:font w:name=\"{}\">", esc(f));
        if let Some(a) = alt(f) {
            let _ = write!(s, "<w:altName w:val=\"{a}\"/>");
        }
        s.push_str("<w:charset w:val=\"88\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>\n");
    }
    s.push_str("</w:fonts>\n");
    s
}

fn core(doc: &Doc) -> String {
    let when = format!("{}T00:00:00Z", doc.page.generated);
    format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:description>{}</dc:description>\
         <dc:creator>kbbt</dc:creator><dc:language>zh-TW</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>\n",
        esc(&doc.title),
        esc(&doc.page.header_right)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="480"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kbbt</Application></Properties>
"#;

/// Every part of the package, in the order it is written.
pub fn parts(doc: &Doc) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("docProps/core.xml", core(doc)),
        ("docProps/app.xml", APP.to_string()),
        ("word/document.xml", document(doc)),
        ("word/styles.xml", styles(doc)),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/fontTable.xml", font_table(doc)),
        ("word/header1.xml", header(doc)),
        ("word/footer1.xml", footer(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
    ]
}

/// The document as `.docx` bytes.
pub fn docx(doc: &Doc) -> std::io::Result<Vec<u8>> {
    let parts = parts(doc);
    let entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    zip(&entries, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::doc::tests::sample as doc;

    #[test]
    fn a4_header_footer_and_rows() {
        let p = parts(&doc());
        let get = |n: &str| &p.iter().find(|(x, _)| *x == n).expect("a part").1;
        let d = get("word/document.xml");
        assert!(d.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "{d}");
        assert!(d.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
        assert!(
            !d.contains("<w:tr>\n<w:tc>"),
            "every row has its properties"
        );
        assert!(d.contains("A|B &lt;x&gt; &amp; y"));
        let f = get("word/footer1.xml");
        assert!(f.contains("w:instr=\" PAGE \""));
        assert!(f.contains("w:instr=\" NUMPAGES \""));
        assert!(f.contains("製表日期：中華民國 115 年 1 月 5 日"));
        assert!(get("word/header1.xml").contains("測試平臺"));
        assert!(get("word/styles.xml").contains("w:eastAsia=\"標楷體\""));
        assert!(get("word/fontTable.xml").contains("<w:altName w:val=\"DFKai-SB\"/>"));
        assert!(
            get("docProps/core.xml").contains("<dc:title>「測試平臺」合作方案辦理情形</dc:title>")
        );
    }

    /// The order ECMA-376 (Part 1, the WordprocessingML schema) gives the children of the elements kbbt
    /// writes; Word refuses a document whose elements are out of order.
    const ORDERS: &[(&str, &[&str])] = &[
        (
            "pPr",
            &[
                "pStyle",
                "keepNext",
                "keepLines",
                "pageBreakBefore",
                "widowControl",
                "pBdr",
                "shd",
                "tabs",
                "spacing",
                "ind",
                "jc",
                "outlineLvl",
                "rPr",
            ],
        ),
        (
            "rPr",
            &[
                "rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "spacing", "sz", "szCs", "u",
                "lang",
            ],
        ),
        (
            "tblPr",
            &[
                "tblStyle",
                "tblW",
                "jc",
                "tblInd",
                "tblBorders",
                "shd",
                "tblLayout",
                "tblCellMar",
                "tblLook",
                "tblCaption",
                "tblDescription",
            ],
        ),
        (
            "tcPr",
            &[
                "tcW",
                "gridSpan",
                "vMerge",
                "tcBorders",
                "shd",
                "noWrap",
                "tcMar",
                "vAlign",
            ],
        ),
        ("trPr", &["cantSplit", "tblHeader"]),
        (
            "sectPr",
            &[
                "headerReference",
                "footerReference",
                "type",
                "pgSz",
                "pgMar",
            ],
        ),
        (
            "style",
            &["name", "basedOn", "next", "qFormat", "pPr", "rPr", "tblPr"],
        ),
        (
            "font",
            &["altName", "panose1", "charset", "family", "pitch"],
        ),
        (
            "tblBorders",
            &["top", "left", "bottom", "right", "insideH", "insideV"],
        ),
        ("tblCellMar", &["top", "left", "bottom", "right"]),
        ("docDefaults", &["rPrDefault", "pPrDefault"]),
        (
            "settings",
            &["defaultTabStop", "characterSpacingControl", "compat"],
        ),
        ("tbl", &["tblPr", "tblGrid", "tr"]),
        ("tr", &["trPr", "tc"]),
        ("tc", &["tcPr", "p"]),
        ("p", &["pPr", "r", "fldSimple"]),
    ];

    #[test]
    fn elements_in_schema_order() {
        for (name, xml) in parts(&doc()) {
            let d = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            for n in d
                .descendants()
                .filter(|n| n.tag_name().namespace() == Some(W_NS))
            {
                let Some((_, order)) = ORDERS.iter().find(|(e, _)| *e == n.tag_name().name())
                else {
                    continue;
                };
                let mut last = 0;
                for c in n.children().filter(roxmltree::Node::is_element) {
                    let child = c.tag_name().name();
                    let at = order.iter().position(|x| *x == child).unwrap_or_else(|| {
                        panic!(
                            "{name}: <{child}> in <{}> is not known here",
                            n.tag_name().name()
                        )
                    });
                    assert!(
                        at >= last,
                        "{name}: <{child}> out of order in <{}>",
                        n.tag_name().name()
                    );
                    // Paragraph content may repeat and mix.
                    if n.tag_name().name() != "p" {
                        last = at;
                    }
                }
            }
        }
    }

    #[test]
    fn every_style_used_is_defined_once() {
        let mut doc = doc();
        // Every tone, so that every paragraph style is used.
        for tone in Tone::ALL {
            doc.blocks.push(Block::Para(tone, "x".into()));
        }
        let p = parts(&doc);
        let styles = &p
            .iter()
            .find(|(n, _)| *n == "word/styles.xml")
            .expect("styles")
            .1;
        let sd = roxmltree::Document::parse(styles).expect("XML");
        let attr = |n: &roxmltree::Node, a: &str| {
            n.attributes()
                .find(|x| x.name() == a)
                .map(|x| x.value().to_string())
        };
        let defined: Vec<String> = sd
            .descendants()
            .filter(|n| n.tag_name().name() == "style")
            .filter_map(|n| attr(&n, "styleId"))
            .collect();
        let mut unique = defined.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), defined.len(), "{defined:?}");
        for (name, xml) in &p {
            let d = roxmltree::Document::parse(xml).expect("XML");
            for n in d
                .descendants()
                .filter(|n| ["pStyle", "tblStyle", "basedOn"].contains(&n.tag_name().name()))
            {
                let v = attr(&n, "val").expect("a value");
                assert!(defined.contains(&v), "{name} uses the undefined style {v}");
            }
        }
    }

    #[test]
    fn twentieths_of_a_point() {
        assert_eq!(twips(210.0), 11906);
        assert_eq!(twips(297.0), 16838);
    }
}
