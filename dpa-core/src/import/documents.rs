//! PDF and Word (DOCX) input to the import (issue 18 point 1): a file's
//! bytes to the text the importer reads, which then goes through the same
//! normalisation as any text (page headers and footers, page numbers,
//! hyphenation, blank lines: `normalize.rs`).
//!
//! The kind is told by the content, not the name: a PDF starts with
//! `%PDF-` (within its first 1,024 bytes, as readers accept it), a DOCX is a
//! zip archive holding `word/document.xml`. A name that promises a kind the
//! content is not (`statement.pdf` holding text) is an error, never a guess.
//! Old Word files (`.doc`, an OLE2 compound file) and RTF are recognised and
//! refused with the way to convert them.
//!
//! The text is extracted by maintained crates, behind the `documents`
//! feature of this crate (on in the `dpa` command): `pdf-extract` lays out
//! a PDF's text (a line per line of glyphs, a blank line for a larger gap),
//! and a DOCX's paragraphs are read from `word/document.xml` with `zip` and
//! `quick-xml` (a paragraph per line, table cells separated by a tab, a
//! table row per line; tracked deletions and field codes left out). Without
//! the feature, a PDF or DOCX is an error saying so.

use crate::error::{Error, Result};

/// The kinds of file the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentKind {
    /// Plain text or Markdown, UTF-8.
    Text,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
}

impl DocumentKind {
    /// The kind's name: `text`, `PDF`, `DOCX`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Text => "text",
            DocumentKind::Pdf => "PDF",
            DocumentKind::Docx => "DOCX",
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first bytes of an OLE2 compound file: old Word (`.doc`), Excel
/// (`.xls`) and other Office 97–2003 files.
const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// The first bytes of a zip archive's local file header.
const ZIP: &[u8] = b"PK\x03\x04";
/// A DOCX's main part.
#[cfg(feature = "documents")]
const DOCX_BODY: &str = "word/document.xml";
/// How far into the file a PDF's header may be.
const PDF_HEADER_WINDOW: usize = 1024;

/// How to turn an old Word file into one the import reads.
const CONVERT: &str = "open it in Word or LibreOffice and save it as .docx or PDF (or run `libreoffice --headless --convert-to docx FILE`)";

/// The error of a document that cannot be read, naming the statement.
fn unreadable(message: impl Into<String>) -> Error {
    Error::invalid_argument("statement", message)
}

/// The extension of `name`, lower case (`pdf` for `Statement.PDF`).
fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty())
}

/// The kind of the document `bytes`, by its content; `name` (a file name or
/// path) is checked against it: a `.pdf` or `.docx` name whose content is
/// not that kind is an error, as is an old Word file or RTF, whatever the
/// name.
///
/// ```
/// use dpa_core::import::{DocumentKind, document_kind};
/// assert_eq!(document_kind(b"%PDF-1.7\n...", "statement")?, DocumentKind::Pdf);
/// assert_eq!(document_kind(b"Data Pro Statement\n", "statement.txt")?, DocumentKind::Text);
/// let e = document_kind(b"Data Pro Statement\n", "statement.pdf").unwrap_err();
/// assert!(e.to_string().contains("not a PDF"), "{e}");
/// let e = document_kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", "oud.doc").unwrap_err();
/// assert!(e.to_string().contains("old Word document (.doc"), "{e}");
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] naming `statement`, saying what the file is
/// and what to do.
pub fn document_kind(bytes: &[u8], name: &str) -> Result<DocumentKind> {
    let ext = extension(name);
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(DocumentKind::Pdf);
    }
    if bytes.starts_with(OLE2) {
        let what = if ext.as_deref() == Some("doc") {
            "an old Word document (.doc, the format before Word 2007)"
        } else {
            "an Office 97-2003 file (an OLE2 compound file, as an old Word .doc is)"
        };
        return Err(unreadable(format!("{what} is not read: {CONVERT}")));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unreadable(format!(
            "an RTF document is not read: {CONVERT}"
        )));
    }
    if bytes.starts_with(ZIP) {
        return Ok(DocumentKind::Docx);
    }
    match ext.as_deref() {
        Some("pdf") => Err(unreadable(format!(
            "the name `{name}` says PDF, but the content is not a PDF (no `%PDF-` header)"
        ))),
        Some("docx") => Err(unreadable(format!(
            "the name `{name}` says DOCX, but the content is not a Word document (not a zip archive)"
        ))),
        Some("doc") => Err(unreadable(format!(
            "the name `{name}` says an old Word document (.doc), but the content is not one: {CONVERT}"
        ))),
        _ => Ok(DocumentKind::Text),
    }
}

/// The text of a statement's file, as the importer reads it: a PDF's or a
/// DOCX's text extracted, plain text or Markdown as it is (UTF-8, a
/// byte-order mark dropped). `name` is the file's name or path, for the
/// messages and to check the kind the content shows ([`document_kind`]).
///
/// ```
/// use dpa_core::import::{document_text, import_text};
/// let bytes = std::fs::read(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/statements/example-hosting-en.txt"
/// ))?;
/// let text = document_text(&bytes, "example-hosting-en.txt")?;
/// let import = import_text(&text)?;
/// assert_eq!(import.statement.deletion_term.value().map(ToString::to_string).as_deref(), Some("30 days"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::TooLarge`] above the document limit (the text inside a DOCX
/// too); [`Error::NotUtf8`] for text that is not UTF-8; otherwise
/// [`Error::InvalidArgument`] naming `statement` and saying why: an old
/// Word file or RTF (and how to convert it), a PDF that is encrypted with a
/// password, a PDF with no text layer (scanned: run OCR first), a file that
/// is damaged, a zip archive that is not a Word document, a name that
/// promises another kind, or — without the `documents` feature — any PDF
/// or DOCX.
pub fn document_text(bytes: &[u8], name: &str) -> Result<String> {
    match document_kind(bytes, name)? {
        DocumentKind::Text => crate::document::text_from_bytes(bytes)
            .map(|t| t.trim_start_matches('\u{feff}').to_owned()),
        kind => extract(kind, bytes),
    }
}

/// Imports a statement's file: [`document_text`], then
/// [`import_text`](super::import_text).
///
/// # Errors
/// As [`document_text`] and [`import_text`](super::import_text).
pub fn import_document(bytes: &[u8], name: &str) -> Result<super::Import> {
    super::import_text(&document_text(bytes, name)?)
}

#[cfg(not(feature = "documents"))]
fn extract(kind: DocumentKind, _bytes: &[u8]) -> Result<String> {
    Err(unreadable(format!(
        "{kind} input needs dpa-core's `documents` feature (the `dpa` command has it), or import the statement's text"
    )))
}

#[cfg(feature = "documents")]
fn extract(kind: DocumentKind, bytes: &[u8]) -> Result<String> {
    crate::document::check_size(bytes.len())?;
    match kind {
        DocumentKind::Pdf => pdf::text(bytes),
        DocumentKind::Docx => docx::text(bytes),
        DocumentKind::Text => Err(Error::internal("text is not extracted")),
    }
}

#[cfg(feature = "documents")]
mod pdf {
    //! A PDF's text through `pdf-extract`.

    use super::unreadable;
    use crate::error::Result;
    use pdf_extract::{Document, PlainTextOutput, output_doc_page};

    /// The text of every page, the pages one after another, each without
    /// the blank lines at its top and bottom (a page break is not a
    /// paragraph break).
    pub(super) fn text(bytes: &[u8]) -> Result<String> {
        // pdf-extract unwraps on some malformed input: a panic there is
        // this file's error, not the caller's crash.
        let outcome = std::panic::catch_unwind(|| pages(bytes));
        let pages = match outcome {
            Ok(r) => r?,
            Err(_) => {
                return Err(unreadable(
                    "the PDF is damaged or uses a structure its text cannot be read from",
                ));
            }
        };
        if pages.iter().all(|p| p.trim().is_empty()) {
            return Err(unreadable(format!(
                "the PDF has no text layer ({} page{} of images only: a scan?): run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`), or import the statement's text",
                pages.len(),
                if pages.len() == 1 { "" } else { "s" }
            )));
        }
        let running = running_lines(&pages);
        let mut out = String::new();
        for p in &pages {
            let p = p.trim_matches(|c| c == '\n' || c == '\r');
            for line in p.lines() {
                if !running.contains(&line.trim()) {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        Ok(out)
    }

    /// The page headers and footers of a document of two pages or more: a
    /// line among the first two or the last two of every page, the same on
    /// each. (On three pages or more the text's normalisation finds them
    /// too; it does not know where a page ends.)
    fn running_lines(pages: &[String]) -> Vec<&str> {
        fn edges(p: &str) -> Vec<&str> {
            let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let n = lines.len();
            let mut e: Vec<&str> = lines.iter().take(2).copied().collect();
            e.extend(lines.iter().skip(n.saturating_sub(2).max(2)).copied());
            e
        }
        let mut pages = pages.iter().filter(|p| !p.trim().is_empty());
        let Some(first) = pages.next() else {
            return Vec::new();
        };
        let mut common = edges(first);
        let mut count = 1;
        for p in pages {
            let e = edges(p);
            common.retain(|l| e.contains(l));
            count += 1;
        }
        if count < 2 {
            common.clear();
        }
        common
    }

    fn pages(bytes: &[u8]) -> Result<Vec<String>> {
        let mut doc = Document::load_mem(bytes).map_err(|e| match e {
            lopdf_error @ pdf_extract::Error::Decryption(_) => encrypted(&lopdf_error),
            other => unreadable(format!("the PDF cannot be read: {other}")),
        })?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(encrypted(&"a password is needed"));
        }
        let mut pages = Vec::new();
        for number in doc.get_pages().keys() {
            let mut text = String::new();
            let mut output = PlainTextOutput::new(&mut text);
            output_doc_page(&doc, &mut output, *number).map_err(|e| {
                unreadable(format!(
                    "the text of page {number} of the PDF cannot be read: {e}"
                ))
            })?;
            pages.push(text);
        }
        Ok(pages)
    }

    fn encrypted(why: &dyn std::fmt::Display) -> crate::Error {
        unreadable(format!(
            "the PDF is encrypted ({why}): save an unprotected copy (print to PDF, or `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`) and import that"
        ))
    }
}

#[cfg(feature = "documents")]
mod docx {
    //! A DOCX's text: `word/document.xml` read with `zip` and `quick-xml`.

    use std::io::Read;

    use quick_xml::Reader;
    use quick_xml::events::Event;

    use super::{DOCX_BODY, unreadable};
    use crate::error::{Error, Result};
    use crate::limits::MAX_DOCUMENT_BYTES;

    /// The paragraphs of the document's body, a line each; a table row's
    /// cells on one line separated by tabs.
    pub(super) fn text(bytes: &[u8]) -> Result<String> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| unreadable(format!("the zip archive cannot be read: {e}")))?;
        let mut part = match zip.by_name(DOCX_BODY) {
            Ok(part) => part,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(unreadable(format!(
                    "a zip archive that is not a Word document (it has no {DOCX_BODY}): save the statement as .docx, PDF or text"
                )));
            }
            Err(e) => return Err(unreadable(format!("{DOCX_BODY} cannot be read: {e}"))),
        };
        let mut xml = Vec::new();
        let limit = u64::try_from(MAX_DOCUMENT_BYTES).unwrap_or(u64::MAX);
        part.by_ref()
            .take(limit + 1)
            .read_to_end(&mut xml)
            .map_err(|e| unreadable(format!("{DOCX_BODY} cannot be read: {e}")))?;
        if xml.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                size: xml.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        paragraphs(&xml)
    }

    /// Where the reader is in the body.
    #[derive(Default)]
    struct State {
        out: String,
        /// Inside `w:t`: its text is the document's.
        in_text: bool,
        /// How many table cells enclose the reader (tables nest).
        cells: usize,
    }

    /// The text of `word/document.xml`.
    fn paragraphs(xml: &[u8]) -> Result<String> {
        let xml = std::str::from_utf8(xml)
            .map_err(|e| unreadable(format!("{DOCX_BODY} is not UTF-8: {e}")))?;
        let mut reader = Reader::from_str(xml);
        let mut s = State::default();
        loop {
            let event = reader.read_event().map_err(|e| {
                unreadable(format!(
                    "{DOCX_BODY} is not well-formed XML at byte {}: {e}",
                    reader.error_position()
                ))
            })?;
            match event {
                Event::Start(e) => s.start(e.name().as_ref()),
                Event::Empty(e) => {
                    s.start(e.name().as_ref());
                    s.end(e.name().as_ref());
                }
                Event::End(e) => s.end(e.name().as_ref()),
                Event::Text(t) if s.in_text => s.out.push_str(&t.xml10_content()),
                Event::CData(t) if s.in_text => s.out.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if s.in_text => {
                    let c = r.resolve_char_ref().ok().flatten().or(match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    });
                    if let Some(c) = c {
                        s.out.push(c);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(s.out)
    }

    impl State {
        fn start(&mut self, name: &str) {
            match name {
                "w:t" => self.in_text = true,
                "w:tab" => self.out.push('\t'),
                "w:br" | "w:cr" => self.out.push(if self.cells > 0 { ' ' } else { '\n' }),
                "w:noBreakHyphen" => self.out.push('-'),
                "w:tc" => self.cells += 1,
                _ => {}
            }
        }

        fn end(&mut self, name: &str) {
            match name {
                "w:t" => self.in_text = false,
                // A paragraph is a line; inside a table cell, a space.
                "w:p" if self.cells > 0 => self.out.push(' '),
                "w:p" => self.out.push('\n'),
                "w:tc" => {
                    self.cells = self.cells.saturating_sub(1);
                    let kept = self.out.trim_end_matches(' ').len();
                    self.out.truncate(kept);
                    self.out.push('\t');
                }
                "w:tr" => {
                    let kept = self.out.trim_end_matches(['\t', ' ']).len();
                    self.out.truncate(kept);
                    self.out.push('\n');
                }
                _ => {}
            }
        }
    }
}
