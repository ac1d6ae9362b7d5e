//! PDF and DOCX files made in the tests from a statement's text (issue 18:
//! "generate the PDF and DOCX in the test from text"), shared by dpa-core's
//! import tests and the command's (`#[path]`).
//!
//! The PDF is what a word processor's export looks like to a text
//! extractor: pages of a fixed number of lines in Helvetica (WinAnsi), a
//! running header and a "Pagina N van M" footer on every page, a blank line
//! of the text as a larger gap, and two long words hyphenated across a line
//! break. The DOCX is a minimal Office Open XML package: a paragraph per
//! line (its text split over two runs), an empty paragraph per blank line,
//! a Markdown table as a Word table, and a page header part the import does
//! not read.

#![allow(dead_code, reason = "each test crate uses a part of the fixture")]

use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

/// Lines of the text per PDF page.
pub(crate) const LINES_PER_PAGE: usize = 36;
/// Font size and line distance (points): a gap of two lines is a blank line
/// to the extractor, one line is not.
const SIZE: f32 = 9.0;
const LEADING: f32 = 11.0;
const TOP: f32 = 800.0;

/// The text in Windows-1252, the encoding of the PDF's font; `●`, which
/// Helvetica's WinAnsi encoding has no code for, is written `•` (both are
/// bullets to the import).
fn win_ansi(line: &str) -> Vec<u8> {
    let line = line.replace('●', "•");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&line);
    assert!(
        !unmappable,
        "the test PDF's font cannot write a character of {line:?}"
    );
    bytes.into_owned()
}

fn text_op(x: f32, y: f32, line: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), SIZE.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new(
            "Tj",
            vec![Object::String(win_ansi(line), StringFormat::Literal)],
        ),
        Operation::new("ET", vec![]),
    ]
}

/// The lines of `text` with up to two long words at a line's end
/// hyphenated onto the next line, as a typesetter breaks them.
fn typeset(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut hyphenated = 0;
    for line in text.lines() {
        let last = line.rsplit(' ').next().unwrap_or("");
        if hyphenated < 2
            && line.len() > 40
            && !line.trim_start().starts_with('|')
            && last.chars().count() >= 12
            && last.chars().all(|c| c.is_lowercase())
        {
            let cut: String = last.chars().take(6).collect();
            let rest: String = last.chars().skip(6).collect();
            out.push(format!("{}{cut}-", &line[..line.len() - last.len()]));
            out.push(rest);
            hyphenated += 1;
        } else {
            out.push(line.to_owned());
        }
    }
    out
}

/// A PDF of `text` with `header` on every page (see the module).
pub(crate) fn pdf(text: &str, header: &str) -> Vec<u8> {
    let lines = typeset(text);
    // Pages of LINES_PER_PAGE lines; a blank line is kept as a gap before
    // the next line, on the next page too.
    let mut pages: Vec<Vec<(bool, &str)>> = vec![Vec::new()];
    let mut blank = false;
    for l in &lines {
        if l.trim().is_empty() {
            blank = true;
            continue;
        }
        if pages.last().is_some_and(|p| p.len() == LINES_PER_PAGE) {
            pages.push(Vec::new());
        }
        pages.last_mut().unwrap().push((blank, l.as_str()));
        blank = false;
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! {"Font" => dictionary! {"F1" => font}});
    let count = pages.len();
    let mut kids = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut ops = text_op(50.0, TOP, header);
        let mut y = TOP;
        for (blank, line) in page {
            y -= if *blank { 2.0 * LEADING } else { LEADING };
            ops.extend(text_op(50.0, y, line));
        }
        ops.extend(text_op(
            250.0,
            y - LEADING,
            &format!("Pagina {} van {count}", n + 1),
        ));
        let content = Content { operations: ops };
        let stream = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("the page's content encodes"),
        ));
        let id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(Object::from(id));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => i64::try_from(count).unwrap(),
            "Resources" => resources,
        }),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the PDF is written");
    out
}

/// A PDF of one page with no text, only a drawn rectangle (as a scan is
/// an image without a text layer).
pub(crate) fn pdf_without_text() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Content {
        operations: vec![
            Operation::new("re", vec![50.into(), 50.into(), 400.into(), 600.into()]),
            Operation::new("f", vec![]),
        ],
    };
    let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => stream,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1},
        ),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `pdf(text)` with the standard security handler in its trailer, whose
/// user password is not empty: the text cannot be read without it.
pub(crate) fn pdf_encrypted(text: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(&pdf(text, "Encrypted")).unwrap();
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard",
        "V" => 1,
        "R" => 2,
        "O" => Object::String(vec![0x11; 32], StringFormat::Hexadecimal),
        "U" => Object::String(vec![0x22; 32], StringFormat::Hexadecimal),
        "P" => -4,
    });
    doc.trailer.set("Encrypt", encrypt);
    let id = Object::String(vec![0x33; 16], StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph of `line`, its text in two runs (the second bold), as a
/// word processor splits text where its formatting changes.
fn paragraph(line: &str) -> String {
    if line.trim().is_empty() {
        return "<w:p/>".to_owned();
    }
    let split = line
        .char_indices()
        .nth(line.chars().count() / 2)
        .map_or(line.len(), |(i, _)| i);
    let (a, b) = line.split_at(split);
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(a),
        escape(b)
    )
}

/// A Word table of Markdown rows (`| a | b |`; the `|---|` rule left out).
fn table(rows: &[&str]) -> String {
    let mut x = String::from("<w:tbl>");
    for row in rows {
        let cells = row.trim().trim_matches('|');
        if cells.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
            continue;
        }
        x.push_str("<w:tr>");
        for cell in cells.split('|') {
            x.push_str("<w:tc>");
            x.push_str(&paragraph(cell.trim()));
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x
}

/// A DOCX of `text` with `header` in its page header (see the module).
pub(crate) fn docx(text: &str, header: &str) -> Vec<u8> {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let mut body = String::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with('|') {
            let start = i;
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                i += 1;
            }
            body.push_str(&table(&lines[start..i]));
        } else {
            body.push_str(&paragraph(lines[i]));
            i += 1;
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {w}><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/></w:sectPr></w:body></w:document>"
    );
    let header_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {w}>{}</w:hdr>",
        paragraph(header)
    );
    let parts: [(&str, String); 5] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>".to_owned(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned(),
        ),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/></Relationships>".to_owned(),
        ),
        ("word/document.xml", document),
        ("word/header1.xml", header_xml),
    ];
    zip_of(&parts)
}

/// A zip archive (deflated) of `parts`.
pub(crate) fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
