//! `dpa import`: the review list, the draft, and the exit codes (issue 18
//! point 4: 0 nothing to review, 1 something to review, 2 not a statement).

use crate::helpers::{Scratch, dpa, examples, stderr, stdout};

fn statement(name: &str) -> String {
    examples()
        .join("../statements")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// Source: examples/statements/example-hosting-en.txt: every operative term
/// stated, nothing ambiguous, so nothing needs review (exit 0); the draft
/// written with -o parses as TOML and quotes DPS 1.10.
#[test]
fn import_writes_the_draft_and_exits_0_when_nothing_needs_review() {
    let out = Scratch::new("example-hosting-draft.toml", b"");
    let o = dpa(&[
        "import",
        &statement("example-hosting-en.txt"),
        "-o",
        out.path(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Nothing needs review."),
        "{}",
        stdout(&o)
    );
    let draft = std::fs::read_to_string(out.path()).unwrap();
    let v: toml::Value = toml::from_str(&draft).unwrap();
    assert_eq!(v["terms"]["deletion"]["within"].as_str(), Some("30 days"));
    assert!(draft.contains("# DPS 1.10, line"), "{draft}");
}

/// Source: examples/statements/northwind-analytics-en.txt: a redacted
/// address ("xxxx@xxxx.xxx") needs review (exit 1), in text and JSON.
#[test]
fn import_exits_1_when_something_needs_review() {
    let o = dpa(&["import", &statement("northwind-analytics-en.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("! placeholder"), "{}", stdout(&o));
    let o = dpa(&[
        "import",
        &statement("northwind-analytics-en.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["status"] == "placeholder")
    );
}

/// Source: issue 18 point 4: a text that is not a Data Pro Statement is
/// exit 2 with the reason; a missing file too.
#[test]
fn import_exits_2_when_the_text_is_not_a_statement() {
    let f = Scratch::new(
        "not-a-statement.txt",
        b"Algemene voorwaarden\n\n1. Prijzen\n2. Levering\n",
    );
    let o = dpa(&["import", f.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a Data Pro Statement"),
        "{}",
        stderr(&o)
    );
    let o = dpa(&["import", "no-such-statement.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The PDF and DOCX writers of dpa-core's tests.
#[path = "../../../dpa-core/tests/integration/documents_fixture.rs"]
mod fixture;

/// The draft without the line numbers in its comments.
fn without_lines(draft: &str) -> String {
    let mut out = String::new();
    let mut rest = draft;
    while let Some(at) = rest.find("line ") {
        out.push_str(&rest[..at + 5]);
        rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// The JSON review list without line numbers (of the items and of the
/// values).
fn review_json(o: &std::process::Output) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
    for key in ["items", "values"] {
        for e in v[key].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("lines");
        }
    }
    v
}

/// Source: issue 18 point 1 (PDF and DOCX input): the PDF and the DOCX of
/// examples/statements/northwind-analytics-en.txt, made in the test from
/// its text (a placeholder in it: exit 1), give the text's review list and
/// draft (line numbers aside) and its exit code; the DOCX is named
/// `.bin`, as a download may be: the content says what it is.
#[test]
fn import_reads_pdf_and_docx_as_their_text() {
    let text = std::fs::read_to_string(statement("northwind-analytics-en.txt")).unwrap();
    let pdf = Scratch::new(
        "northwind.pdf",
        &fixture::pdf(&text, "Northwind Analytics - Data Pro Statement"),
    );
    let docx = Scratch::new("northwind.bin", &fixture::docx(&text, "Northwind"));
    let run = |file: &str, name: &str| {
        let draft = Scratch::new(name, b"");
        let o = dpa(&["import", file, "-o", draft.path(), "--format", "json"]);
        let d = std::fs::read_to_string(draft.path()).unwrap();
        (o.status.code(), review_json(&o), without_lines(&d))
    };
    let from_text = run(&statement("northwind-analytics-en.txt"), "nw-text.toml");
    assert_eq!(from_text.0, Some(1));
    assert!(from_text.2.contains("Postmark"), "{}", from_text.2);
    assert_eq!(run(pdf.path(), "nw-pdf.toml"), from_text, "PDF");
    assert_eq!(run(docx.path(), "nw-docx.toml"), from_text, "DOCX");
}

/// Source: issue 18 point 1 (a .doc says it is not read and how to convert
/// it; a scanned PDF says so): exit 2 with the file named.
#[test]
fn import_refuses_old_word_and_scans_saying_what_to_do() {
    let doc = Scratch::new(
        "verwerkersovereenkomst.doc",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0",
    );
    let o = dpa(&["import", doc.path()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("verwerkersovereenkomst.doc")
            && e.contains("old Word document")
            && e.contains("--convert-to docx"),
        "{e}"
    );
    let scan = Scratch::new("scan.pdf", &fixture::pdf_without_text());
    let o = dpa(&["import", scan.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no text layer"), "{}", stderr(&o));
}

/// The diff's changes as (kind, path) pairs.
fn changes(v: &serde_json::Value) -> Vec<(String, String)> {
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Source: examples/statements/example-hosting-en-v4.txt against
/// examples/agreements/example-hosting-en.toml (version 3): version 4 takes
/// effect on 1 March 2026 (DPS 1.2), replaces Example Mail Ltd by Postmark
/// (DPS 1.8; so the processing outside the EEA, which DPS 1.7 places where
/// the sub-processors are, is no longer in the United Kingdom), deletes
/// within 60 days instead of 30 (DPS 1.10) and notifies
/// a breach within 48 hours instead of 24 (DPS 1.14); the notice opens the
/// 30-day window (DPS 1.16, assumed) to 2026-03-31 and the objection to the
/// change of sub-processors (DPS 1.20). The same from the version's PDF.
#[test]
fn import_update_shows_the_diff_against_the_old_agreement() {
    let old = examples().join("example-hosting-en.toml");
    let old = old.to_str().unwrap();
    let new = statement("example-hosting-en-v4.txt");
    let o = dpa(&["import", "--update", old, &new, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["old_version"].as_str(), v["new_version"].as_str()),
        (Some("3"), Some("4"))
    );
    assert_eq!(v["notified"], "2026-03-01");
    let expected = [
        // DPS 1.7, "in the EU/EEA, except where a sub-processor below is
        // located elsewhere": no longer the United Kingdom.
        (
            "processing-locations-changed",
            "statement.processing_locations.locations",
        ),
        ("sub-processor-added", "statement.sub_processors[2]"),
        ("sub-processor-removed", "statement.sub_processors"),
        ("deletion-term-changed", "terms.deletion.within"),
        ("breach-term-changed", "terms.breach.notice"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, p)| ((*k).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(changes(&v), expected);
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["significant"] == true)
    );
    assert_eq!(v["termination_window"]["due"], "2026-03-31");
    assert_eq!(v["objection"]["kind"], "sub-processor-objection");
    // Text output: the diff's own text.
    let o = dpa(&["import", "--update", old, &new]);
    assert_eq!(o.status.code(), Some(0));
    let t = stdout(&o);
    assert!(
        t.starts_with("5 change(s) from version 3 to 4 (5 significant)"),
        "{t}"
    );
    assert!(
        t.contains("deletion term changed from \"30 days\" to \"60 days\""),
        "{t}"
    );
    assert!(
        t.contains("the client may terminate until 2026-03-31"),
        "{t}"
    );
    // The same version as a PDF.
    let text = std::fs::read_to_string(&new).unwrap();
    let pdf = Scratch::new(
        "example-hosting-v4.pdf",
        &fixture::pdf(&text, "Example Hosting B.V."),
    );
    let o = dpa(&["import", "--update", old, pdf.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p, v);
}

/// Source: README, "dpa import" (exit codes): with --update, an import
/// that needs review exits 1 with the fields named on stderr (the diff may
/// miss a change); a new sub-processor whose engagement the text does not
/// state leaves no valid agreement: exit 2 naming the field;
/// --notified without --update is a usage error.
#[test]
fn import_update_exit_codes() {
    let old = examples().join("example-hosting-en.toml");
    let old = old.to_str().unwrap();
    let v4 = std::fs::read_to_string(statement("example-hosting-en-v4.txt")).unwrap();
    let redacted = Scratch::new(
        "v4-redacted.txt",
        v4.replace("privacy@example-hosting.example", "xxxx@xxxx.xxx")
            .as_bytes(),
    );
    let o = dpa(&["import", "--update", old, redacted.path()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 change(s)"), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("need") && stderr(&o).contains("placeholder"),
        "{}",
        stderr(&o)
    );
    let unsaid = Scratch::new(
        "v4-no-engagement.txt",
        v4.replace("; always used.", ".").as_bytes(),
    );
    let o = dpa(&["import", "--update", old, unsaid.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("engagement"), "{}", stderr(&o));
    let o = dpa(&[
        "import",
        &statement("example-hosting-en-v4.txt"),
        "--notified",
        "2026-03-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// Source: examples/statements/voorbeeld-afwijkingen.txt (part 2, versie
/// maart 2025, with clause 4.4 modified, 5.3 removed and 8.4 added): the
/// review's section of the standard clauses lists the three deviations,
/// each needing review (exit 1), in text and JSON, and the draft has them
/// as REVIEW comments; the PDF made from the text gives the same three.
#[test]
fn import_lists_the_standard_clauses_deviations() {
    let o = dpa(&["import", &statement("voorbeeld-afwijkingen.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Standard clauses (part 2):\n  compared with the unmodified text of the nldigital-2025 edition: 3 deviations\n! modified clause 4.4 (lines "),
        "{text}"
    );
    assert!(text.contains("\n! removed clause 5.3\n"), "{text}");
    assert!(text.contains("\n! added clause 8.4 (lines "), "{text}");
    let kinds = |o: &std::process::Output| -> Vec<(String, String)> {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        v["clauses"]["deviations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                assert_eq!(d["needs_review"], true);
                (
                    d["clause"].as_str().unwrap().to_owned(),
                    d["kind"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let three: Vec<(String, String)> = [("4.4", "modified"), ("5.3", "removed"), ("8.4", "added")]
        .iter()
        .map(|(c, k)| ((*c).to_owned(), (*k).to_owned()))
        .collect();
    let draft = Scratch::new("afwijkingen-draft.toml", b"");
    let o = dpa(&[
        "import",
        &statement("voorbeeld-afwijkingen.txt"),
        "--format",
        "json",
        "-o",
        draft.path(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(kinds(&o), three);
    let d = std::fs::read_to_string(draft.path()).unwrap();
    assert!(
        d.contains("# REVIEW clauses.deviations: clause 8.4 added (line "),
        "{d}"
    );
    let text = std::fs::read_to_string(statement("voorbeeld-afwijkingen.txt")).unwrap();
    let pdf = Scratch::new(
        "afwijkingen.pdf",
        &fixture::pdf(&text, "Voorbeeld Boekhoudsoftware"),
    );
    let o = dpa(&["import", pdf.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(kinds(&o), three, "PDF");
}

/// Source: issue 18 point 4 (never a silent pass): a part 2 that names the
/// 2018 edition, whose unmodified text is not on file, is reported as not
/// compared, with the reason; it needs no review by itself (exit 0).
#[test]
fn import_says_when_the_standard_clauses_are_not_compared() {
    let o = dpa(&["import", &statement("example-hosting-en.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Standard clauses (part 2):\n  not compared: the unmodified text of the nederland-ict-2018 edition is not on file (on file: nldigital-2025)\nNothing needs review.\n"),
        "{}",
        stdout(&o)
    );
    let o = dpa(&[
        "import",
        &statement("example-hosting-en.txt"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["clauses"]["status"], "not-compared");
    assert_eq!(v["clauses"]["edition"], "nederland-ict-2018");
    assert_eq!(v["clauses"]["deviations"], serde_json::json!([]));
}
