//! PDF and DOCX input to the import (issue 18 point 1; the `documents`
//! feature): each example statement and both seeds written as a PDF (pages
//! with a running header, page numbers, hyphenated words) and as a DOCX
//! (paragraphs in runs, a Word table) by the fixture, and their imports
//! compared value by value with the import of the text. Then the files the
//! import refuses, each with what to do.

use std::path::PathBuf;

use dpa_core::Error;
use dpa_core::import::{
    ClausesEntry, DocumentKind, Import, ReviewEntry, document_kind, document_text, import_document,
    import_text,
};

use crate::documents_fixture as fixture;

/// An example statement under `examples/statements/`.
fn statement(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/statements")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A seed statement from `../shared/seeds/`.
fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds are not at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()));
    std::fs::read_to_string(entry.path()).unwrap()
}

/// The review list without line numbers, of the items, of the values and
/// of the standard clauses' deviations (the lines of a PDF are not the
/// text file's).
fn review(i: &Import) -> (String, Vec<ReviewEntry>, ClausesEntry) {
    let r = i.review();
    let mut clauses = r.clauses;
    for d in &mut clauses.deviations {
        d.lines = None;
    }
    let items = format!(
        "{:?}",
        r.items
            .into_iter()
            .map(|mut e| {
                e.lines = None;
                e
            })
            .collect::<Vec<_>>()
    );
    let values = r
        .values
        .into_iter()
        .map(|mut v| {
            v.lines = None;
            v
        })
        .collect();
    (items, values, clauses)
}

/// The draft without the line numbers in its comments (`line 12:`).
fn draft_values(i: &Import) -> String {
    let draft = i.draft_toml();
    let mut out = String::new();
    let mut rest = draft.as_str();
    while let Some(at) = rest.find("line ") {
        out.push_str(&rest[..at + 5]);
        rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
        out.push('N');
    }
    out.push_str(rest);
    out
}

/// Asserts that `document` imports as `text` does: the same value in every
/// field the import reads, the same review list, the same draft but for
/// line numbers.
fn assert_same_import(what: &str, text: &str, document: &Import) {
    let t = import_text(text).unwrap();
    let (a, b) = (&t.statement, &document.statement);
    let keys = |items: &[dpa_core::import::TemplateItem]| {
        items
            .iter()
            .map(|i| (i.key, i.clause.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&a.items), keys(&b.items), "{what}: template items");
    assert_eq!(
        a.processor.name.value(),
        b.processor.name.value(),
        "{what}: processor.name"
    );
    assert_eq!(
        a.processor.email.value(),
        b.processor.email.value(),
        "{what}: processor email"
    );
    assert_eq!(a.version.value(), b.version.value(), "{what}: version");
    assert_eq!(
        a.effective_date.value(),
        b.effective_date.value(),
        "{what}: effective date"
    );
    assert_eq!(a.edition.value(), b.edition.value(), "{what}: edition");
    assert_eq!(a.products.value(), b.products.value(), "{what}: products");
    assert_eq!(
        a.deletion_term.value(),
        b.deletion_term.value(),
        "{what}: deletion term"
    );
    assert_eq!(
        a.deletion_firmness.value(),
        b.deletion_firmness.value(),
        "{what}: firmness"
    );
    assert_eq!(a.backups.value(), b.backups.value(), "{what}: backups");
    assert_eq!(
        a.breach_notice.value(),
        b.breach_notice.value(),
        "{what}: breach notice"
    );
    assert_eq!(
        a.audit_count.value(),
        b.audit_count.value(),
        "{what}: audit count"
    );
    assert_eq!(
        a.audit_period.value(),
        b.audit_period.value(),
        "{what}: audit period"
    );
    assert_eq!(
        a.audit_notice.value(),
        b.audit_notice.value(),
        "{what}: audit notice"
    );
    assert_eq!(
        a.change_window.value(),
        b.change_window.value(),
        "{what}: change window"
    );
    let names = |i: &Import| {
        i.statement.sub_processors.value().map(|l| {
            l.iter()
                .map(|s| {
                    (
                        s.name.clone(),
                        s.seat.value().copied(),
                        s.locations.value().cloned(),
                        s.transfer_bases.clone(),
                        s.engagement.value().copied(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(names(&t), names(document), "{what}: sub-processors");
    assert_eq!(review(&t), review(document), "{what}: review list");
    assert_eq!(draft_values(&t), draft_values(document), "{what}: draft");
}

/// The statements of the test: the examples and the two seeds.
fn statements() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "voorbeeld-afwijkingen",
            statement("voorbeeld-afwijkingen.txt"),
            "Voorbeeld Boekhoudsoftware B.V. - Data Pro Statement",
        ),
        (
            "voorbeeld-webdiensten",
            statement("voorbeeld-webdiensten.txt"),
            "Voorbeeld Webdiensten B.V. - Data Pro Statement",
        ),
        (
            "example-hosting-en",
            statement("example-hosting-en.txt"),
            "Example Hosting - Data Pro Statement",
        ),
        (
            "northwind-analytics-en",
            statement("northwind-analytics-en.txt"),
            "Northwind Analytics - Data Pro Statement",
        ),
        (
            "seed 000 (Belco)",
            seed("000"),
            "Belco B.V. | Data Pro Statement",
        ),
        (
            "seed 004 (Alles Online)",
            seed("004"),
            "Alles Online B.V. - Verwerkersovereenkomst",
        ),
    ]
}

/// Source: issue 18 point 1 ("the import of a PDF of a statement equals the
/// import of its text"): a PDF with a running header, "Pagina N van M"
/// footers and hyphenated words, made from each statement's text.
#[test]
fn a_pdf_imports_as_its_text() {
    let mut hyphenated = false;
    for (what, text, header) in statements() {
        let pdf = fixture::pdf(&text, header);
        assert_eq!(
            document_kind(&pdf, "statement.pdf").unwrap(),
            DocumentKind::Pdf
        );
        let extracted = document_text(&pdf, "statement.pdf").unwrap();
        // The running header, the same at the top of every page, is left
        // out as the text is extracted; the page numbers, which differ,
        // are the normalisation's to drop.
        assert!(!extracted.contains(header), "{what}: the header is dropped");
        assert!(
            extracted.contains("Pagina 2 van"),
            "{what}: page numbers are in the PDF's text"
        );
        assert!(
            extracted.lines().count() > fixture::LINES_PER_PAGE,
            "{what}: two pages or more"
        );
        hyphenated |= extracted.lines().any(|l| l.len() > 40 && l.ends_with('-'));
        let import =
            import_document(&pdf, "statement.pdf").unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_same_import(what, &text, &import);
    }
    assert!(hyphenated, "a word hyphenated across a line break was read");
}

/// Source: examples/statements/voorbeeld-afwijkingen.txt (part 2, versie
/// maart 2025, with clause 4.4 modified, 5.3 removed and 8.4 added) and
/// seed 004 (the edition unmodified), each as a PDF and as a DOCX made from
/// the text: the same three deviations, and none, as from the text (the
/// comparison reads through the PDF's page headers, footers and
/// hyphenation and the DOCX's runs).
#[test]
fn deviations_of_the_standard_clauses_read_from_pdf_and_docx() {
    use dpa_core::import::{ClauseComparison, DeviationEntry};
    use dpa_core::model::DeviationKind;
    let kinds = |i: &Import| -> Vec<(String, DeviationKind)> {
        assert!(
            matches!(
                i.statement.clause_comparison,
                ClauseComparison::Compared { .. }
            ),
            "{:?}",
            i.statement.clause_comparison
        );
        i.review()
            .clauses
            .deviations
            .iter()
            .map(|d: &DeviationEntry| (d.clause.clone(), d.kind))
            .collect()
    };
    let text = statement("voorbeeld-afwijkingen.txt");
    let three = [
        ("4.4".to_owned(), DeviationKind::Modified),
        ("5.3".to_owned(), DeviationKind::Removed),
        ("8.4".to_owned(), DeviationKind::Added),
    ];
    let pdf = fixture::pdf(&text, "Voorbeeld Boekhoudsoftware");
    let docx = fixture::docx(&text, "Voorbeeld Boekhoudsoftware");
    assert_eq!(kinds(&import_text(&text).unwrap()), three);
    assert_eq!(
        kinds(&import_document(&pdf, "s.pdf").unwrap()),
        three,
        "PDF"
    );
    assert_eq!(
        kinds(&import_document(&docx, "s.docx").unwrap()),
        three,
        "DOCX"
    );
    let alles = seed("004");
    let pdf = fixture::pdf(&alles, "Alles Online B.V.");
    let docx = fixture::docx(&alles, "Alles Online B.V.");
    assert_eq!(kinds(&import_document(&pdf, "s.pdf").unwrap()), [], "PDF");
    assert_eq!(
        kinds(&import_document(&docx, "s.docx").unwrap()),
        [],
        "DOCX"
    );
}

/// Source: issue 18 point 1 ("the import of a DOCX of a statement equals
/// the import of its text"): a DOCX with each line's text in two runs, a
/// Markdown table as a Word table and a page header, made from each
/// statement's text; the kind is told by the content, whatever the name.
#[test]
fn a_docx_imports_as_its_text() {
    for (what, text, header) in statements() {
        let docx = fixture::docx(&text, header);
        assert_eq!(
            document_kind(&docx, "statement").unwrap(),
            DocumentKind::Docx
        );
        let extracted = document_text(&docx, "statement.docx").unwrap();
        assert!(
            !extracted.contains(header),
            "{what}: the page header is not read"
        );
        let import = import_document(&docx, "download").unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_same_import(what, &text, &import);
    }
}

/// Source: examples/statements/northwind-analytics-en.txt, whose
/// sub-processors are a Markdown table: in the DOCX a Word table, read a
/// row per line with the cells separated by tabs, as the import reads a
/// Markdown row.
#[test]
fn a_word_table_is_read_a_row_per_line() {
    let text = statement("northwind-analytics-en.txt");
    let row = text
        .lines()
        .find(|l| l.starts_with('|') && !l.contains("---"))
        .unwrap();
    let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
    let extracted = document_text(&fixture::docx(&text, "h"), "n.docx").unwrap();
    assert!(
        extracted.lines().any(|l| l == cells.join("\t")),
        "{extracted}"
    );
}

fn refused(bytes: &[u8], name: &str) -> String {
    match document_text(bytes, name) {
        Err(e @ Error::InvalidArgument(_)) => {
            assert_eq!(e.path(), Some("statement"));
            e.to_string()
        }
        other => panic!("{name}: not refused as a statement's file: {other:?}"),
    }
}

/// Source: issue 18 point 1 (an encrypted or scanned PDF says so): a PDF
/// whose user password is not empty, and one with no text layer.
#[test]
fn an_encrypted_or_scanned_pdf_says_so() {
    let e = refused(
        &fixture::pdf_encrypted(&statement("example-hosting-en.txt")),
        "x.pdf",
    );
    assert!(
        e.contains("the PDF is encrypted") && e.contains("qpdf --decrypt"),
        "{e}"
    );
    let e = refused(&fixture::pdf_without_text(), "scan.pdf");
    assert!(e.contains("no text layer") && e.contains("OCR"), "{e}");
}

/// Source: issue 18 point 1 (an old Word file says it is not supported and
/// how to convert it): an OLE2 compound file named .doc; a name that
/// promises a PDF or a DOCX its content is not; a zip that is not a Word
/// document; a damaged PDF.
#[test]
fn what_is_not_read_says_what_to_do() {
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    let e = refused(ole, "verwerkersovereenkomst.doc");
    assert!(
        e.contains("old Word document (.doc") && e.contains("--convert-to docx"),
        "{e}"
    );
    let e = refused(b"Data Pro Statement", "statement.pdf");
    assert!(e.contains("says PDF") && e.contains("not a PDF"), "{e}");
    let e = refused(b"Data Pro Statement", "statement.docx");
    assert!(e.contains("says DOCX"), "{e}");
    let e = refused(
        &fixture::zip_of(&[("content.xml", "<x/>".to_owned())]),
        "s.odt",
    );
    assert!(e.contains("no word/document.xml"), "{e}");
    let e = refused(b"%PDF-1.7\n1 0 obj << /Type /Catalog", "broken.pdf");
    assert!(e.contains("PDF"), "{e}");
    let e = refused(b"{\\rtf1\\ansi Data Pro Statement}", "s.rtf");
    assert!(e.contains("RTF"), "{e}");
}

/// Source: issue 18 point 1 (plain text and Markdown as before): a text
/// file is read as UTF-8, its byte-order mark dropped, and text that is not
/// UTF-8 is the encoding error of every document.
#[test]
fn text_is_read_as_before() {
    let text = statement("example-hosting-en.txt");
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(document_text(&bom, "s.txt").unwrap(), text);
    assert!(matches!(
        document_text(b"Verwerker \xE9\n", "s.txt"),
        Err(Error::NotUtf8(_))
    ));
}
