//! An OpenDocument text package (`.odt`): a ZIP whose first entry is `mimetype`, stored
//! uncompressed (so a reader can tell the type from byte 38), then `META-INF/manifest.xml`,
//! `content.xml`, `styles.xml` and `meta.xml`, deflated. The XML comes from `odf.rs`.

use super::doc::Doc;
use super::odf::{MIMETYPE, parts};
use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// Files written into a ZIP by kbbt: fixed times (1980-01-01, ZIP's epoch), so the same input gives
/// the same bytes.
pub(crate) fn zip_options(method: CompressionMethod) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// Write `entries` in order into a ZIP; the first is stored when `store_first`.
pub(crate) fn zip(entries: &[(&str, &[u8])], store_first: bool) -> std::io::Result<Vec<u8>> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, data)) in entries.iter().enumerate() {
        let method = if i == 0 && store_first {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        w.start_file(*name, zip_options(method))
            .map_err(std::io::Error::other)?;
        w.write_all(data)?;
    }
    Ok(w.finish().map_err(std::io::Error::other)?.into_inner())
}

/// The document as `.odt` bytes.
pub fn odt(doc: &Doc) -> std::io::Result<Vec<u8>> {
    let parts = parts(doc);
    let mut entries: Vec<(&str, &[u8])> = vec![("mimetype", MIMETYPE.as_bytes())];
    entries.extend(parts.iter().map(|(n, x)| (*n, x.as_bytes())));
    zip(&entries, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mimetype_first_and_stored() {
        let doc = super::super::doc::report_doc(
            &crate::render::report::sample(),
            super::super::doc::Page::new(
                "測試平臺",
                "資料時間".into(),
                crate::model::parse_date("2026-01-05").expect("a date"),
                "標楷體",
            ),
        );
        let bytes = odt(&doc).expect("a package");
        // A local file header, no compression (method 0), the name `mimetype`, then its content.
        assert_eq!(&bytes[0..4], b"PK\x03\x04");
        assert_eq!(&bytes[8..10], &[0, 0]);
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
        assert_eq!(odt(&doc).expect("a package"), bytes, "reproducible");
    }
}
