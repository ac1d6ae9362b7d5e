//! `dpa coverage` (dpa_core::completeness): which clauses cover each item
//! GDPR art. 28 requires, after the agreement's deviations.

use std::process::Output;

use crate::helpers::{Scratch, belco_text, dpa, examples, stderr, stdout};

/// `dpa coverage FILE --format json`, decoded: (id, verdict, clauses) per item.
fn coverage_rows(o: &Output) -> Vec<(String, String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
    v["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let clauses = r["clauses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_owned())
                .collect();
            let verdict = r["verdict"].as_str().unwrap().to_owned();
            assert_eq!(r["covered"].as_bool().unwrap(), verdict == "covered");
            (r["id"].as_str().unwrap().to_owned(), verdict, clauses)
        })
        .collect()
}

fn expected_rows(rows: &[(&str, &str, &[&str])]) -> Vec<(String, String, Vec<String>)> {
    rows.iter()
        .map(|(id, verdict, clauses)| {
            (
                (*id).to_owned(),
                (*verdict).to_owned(),
                clauses.iter().map(|c| (*c).to_owned()).collect(),
            )
        })
        .collect()
}

/// Belco with a `removed` deviation for `clause`, as a scratch TOML file.
fn belco_without(clause: &str, name: &str) -> Scratch {
    let t = belco_text();
    let i = t.find("\n[terms.duration]").unwrap();
    let dev = format!(
        "\n[[clauses.deviations]]\nclause = \"{clause}\"\nkind = \"removed\"\nsummary = \"left out\"\n"
    );
    Scratch::new(name, format!("{}{dev}{}", &t[..i], &t[i..]).as_bytes())
}

/// `dpa coverage --format json` on Belco: each art. 28 item with its verdict
/// and what covers it, pretty-printed as the library serialises it; exit 1,
/// since the statement states no types of personal data, among others.
/// Source: GDPR art. 28(2), 28(3) (first sentence, (a)-(h), final
/// subparagraph) and 28(4); Belco clauses 2.2.1-2.8.3 and DPS 1.5, 1.9, 1.12
/// (dpa-core/data/art28-coverage.tsv); README "The `dpa` command" (the
/// `coverage` JSON, exit 1 when an item is not covered in full).
#[test]
fn coverage_json_of_belco() {
    let belco = examples().join("belco.toml");
    let o = dpa(&["coverage", belco.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        coverage_rows(&o),
        expected_rows(&[
            ("28-2", "covered", &["clause 2.8.2", "clause 2.8.3"]),
            (
                "28-3-subject-matter",
                "covered",
                &["clause 2.2.1", "DPS 1.5"]
            ),
            (
                "28-3-duration",
                "covered",
                &["clause 2.6.1", "clause 2.6.2"]
            ),
            ("28-3-nature-purpose", "covered", &["DPS 1.5"]),
            ("28-3-data-types", "not-covered", &[]),
            ("28-3-data-subjects", "not-covered", &[]),
            (
                "28-3-controller",
                "covered",
                &["clause 2.2.4", "clause 2.2.7"]
            ),
            ("28-3-a", "partly", &["clause 2.2.3"]),
            ("28-3-b", "covered", &["clause 2.5.1"]),
            (
                "28-3-c",
                "covered",
                &["clause 2.3.1", "DPS 1.9", "DPS 1.12"]
            ),
            ("28-3-d", "partly", &["clause 2.8.2", "clause 2.8.3"]),
            ("28-3-e", "covered", &["clause 2.7.1"]),
            (
                "28-3-f",
                "covered",
                &[
                    "clause 2.3.1",
                    "clause 2.4.1",
                    "clause 2.4.2",
                    "clause 2.7.2"
                ]
            ),
            ("28-3-g", "covered", &["clause 2.6.3"]),
            ("28-3-h", "covered", &["clause 2.7.3", "clause 2.7.4"]),
            ("28-3-final", "not-covered", &[]),
            ("28-4", "partly", &["clause 2.8.3"]),
        ])
    );
    // Pretty-printed like the other JSON outputs, keys in this order, with a
    // final newline.
    let out = stdout(&o);
    assert!(out.starts_with("{\n  \"coverage\": [\n    {\n      \"id\": \"28-2\",\n      \"article\": \"GDPR art. 28(2)\",\n      \"name\": \"authorisation of sub-processors\",\n      \"verdict\": \"covered\",\n      \"covered\": true,\n      \"clauses\": [\n        \"clause 2.8.2\",\n"), "{out}");
    assert!(
        out.ends_with("          \"text\": \"the other data-protection obligations imposed on sub-processors by contract\"\n        }\n      ]\n    }\n  ]\n}\n"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["coverage"][8]["article"], "GDPR art. 28(3)(b)");
    assert_eq!(
        v["coverage"][8]["name"],
        "confidentiality of the persons processing"
    );
    assert_eq!(
        v["coverage"][7]["missing"][0]["id"],
        "legal-requirement-notice"
    );
    assert_eq!(v.as_object().unwrap().len(), 1);
    // The same text as the library's own serialisation (which libdpa prints).
    let core = dpa_core::Agreement::from_toml(&belco_text()).unwrap();
    let report = dpa_core::completeness::CoverageReport::new(&core);
    assert_eq!(out, serde_json::to_string_pretty(&report).unwrap() + "\n");
}

/// `dpa coverage --format json` on Alles Online names its clauses in its own
/// numbering, the same from its TOML and its JSON.
/// Source: GDPR art. 28(2), 28(3) and 28(4); NLdigital 2025 clauses 2.1-8.3
/// and Alles Online DPS bullets 3-4, DPS 14-15 (dpa-core/data/art28-coverage.tsv).
#[test]
fn coverage_json_of_alles_online() {
    let alles = examples().join("alles-online.toml");
    let o = dpa(&["coverage", alles.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rows = coverage_rows(&o);
    let get = |id: &str| rows.iter().find(|r| r.0 == id).unwrap().clone();
    assert_eq!(
        get("28-3-e"),
        expected_rows(&[("28-3-e", "covered", &["clause 7.1", "clause 7.3"])])[0]
    );
    assert_eq!(
        get("28-3-h"),
        expected_rows(&[("28-3-h", "covered", &["clause 7.4", "clause 7.5"])])[0]
    );
    assert_eq!(
        get("28-3-f").2,
        ["clause 3.1", "clause 4.1", "clause 4.3", "clause 7.2"]
    );
    assert_eq!(get("28-4").1, "partly");
    assert_eq!(get("28-3-data-types").1, "not-covered");
    // The same answer from the agreement in the JSON format.
    let json = dpa(&["show", alles.to_str().unwrap(), "--format", "json"]);
    let f = Scratch::new("alles-coverage.json", &json.stdout);
    let again = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_eq!(again.stdout, o.stdout);
}

/// `dpa coverage` as text: one line per art. 28 item with its article, what it
/// requires and the verdict: the clauses, `PARTLY: ... (missing: ...)` or
/// `NOT COVERED (missing: ...)`.
/// Source: README "The `dpa` command" (`coverage`: "text is one line per
/// item"); GDPR art. 28(2), 28(3)(a), 28(3)(b) and 28(4); Belco clauses 2.2.3,
/// 2.5.1, 2.8.2 and 2.8.3.
#[test]
fn coverage_text_one_line_per_item() {
    let belco = examples().join("belco.toml");
    let o = dpa(&["coverage", belco.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 17, "{out}");
    assert!(lines[0].starts_with("GDPR art. 28(2) "), "{out}");
    assert!(
        lines[0].contains("authorisation of sub-processors"),
        "{out}"
    );
    assert!(lines[0].ends_with("clause 2.8.2, clause 2.8.3"), "{out}");
    assert!(
        lines[4].ends_with("NOT COVERED (missing: the types of personal data)"),
        "{out}"
    );
    assert!(
        lines[7].ends_with("PARTLY: clause 2.2.3 (missing: informing the controller of a legal requirement before processing)"),
        "{out}"
    );
    assert!(lines[8].starts_with("GDPR art. 28(3)(b) "), "{out}");
    assert!(
        lines[8].contains("confidentiality of the persons processing"),
        "{out}"
    );
    assert!(lines[8].ends_with("clause 2.5.1"), "{out}");
    assert!(lines[16].starts_with("GDPR art. 28(4) "), "{out}");
    assert!(out.ends_with('\n'));
}

/// Belco without clause 2.5.1 leaves art. 28(3)(b) not covered, and `dpa
/// check` reports it; without 2.7.4, art. 28(3)(h) stays covered by 2.7.3.
/// Source: GDPR art. 28(3)(b) and 28(3)(h); Belco clauses 2.5.1, 2.7.3 and
/// 2.7.4; README "Exit codes" (`dpa coverage`: 1 when an item is not covered
/// in full).
#[test]
fn coverage_of_a_removed_clause() {
    let base = examples().join("belco.toml");
    let before = coverage_rows(&dpa(&[
        "coverage",
        base.to_str().unwrap(),
        "--format",
        "json",
    ]));
    // Without its confidentiality clause 2.5.1, Belco leaves art. 28(3)(b)
    // not covered; every other item keeps its verdict.
    let f = belco_without("clause 2.5.1", "belco-no-2.5.1.toml");
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rows = coverage_rows(&o);
    assert_eq!(rows.len(), 17);
    assert_eq!(
        rows[8],
        ("28-3-b".to_owned(), "not-covered".to_owned(), Vec::new())
    );
    for (r, b) in rows.iter().zip(&before) {
        if r.0 != "28-3-b" {
            assert_eq!(r, b);
        }
    }
    let o = dpa(&["coverage", f.path()]);
    let out = stdout(&o);
    let line = out.lines().nth(8).unwrap();
    assert!(line.starts_with("GDPR art. 28(3)(b) "), "{out}");
    assert!(
        line.ends_with("NOT COVERED (missing: confidentiality of the persons processing)"),
        "{out}"
    );
    // `dpa check` reports the item as an error finding.
    let c = dpa(&["check", f.path(), "--at", "2026-11-23", "--format", "json"]);
    assert_eq!(c.status.code(), Some(1));
    assert!(stdout(&c).contains("covers confidentiality of the persons processing"));

    // Removing one of the two audit clauses keeps art. 28(3)(h) covered.
    let f = belco_without("clause 2.7.4", "belco-no-2.7.4.toml");
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(
        coverage_rows(&o)[14],
        (
            "28-3-h".to_owned(),
            "covered".to_owned(),
            vec!["clause 2.7.3".to_owned(), "DPS 1.14".to_owned()]
        )
    );
}

/// `dpa coverage` on a missing file, an invalid agreement or an unknown format
/// exits 2 with nothing on stdout.
/// Source: README "Exit codes" (2); the library's error format `dpa: error:
/// FILE:LINE:COLUMN: PATH: message` (docs/architecture.md).
#[test]
fn coverage_of_unreadable_input_exits_2() {
    let o = dpa(&["coverage", "/nonexistent/agreement.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).starts_with("dpa: error: /nonexistent/agreement.toml: cannot read"),
        "{}",
        stderr(&o)
    );
    let f = Scratch::new(
        "coverage-invalid.toml",
        b"dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n",
    );
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("rules.month_rul"), "{}", stderr(&o));
    let o = dpa(&["coverage", f.path(), "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

/// An agreement of the Nederland ICT January 2018 edition, whose text the
/// library does not hold: `dpa coverage` says `UNKNOWN` for what only its
/// clauses could cover (never `covered` by the edition's name), JSON lists
/// the unknown requirements, and `dpa check` reports
/// `edition-text-not-on-file` once. A clause of another edition in a 2019
/// file is exit 2 with the field and a hint.
/// Source: issue 15 point 4; docs/rules.md "Editions and clause numbers".
#[test]
fn editions_without_text_and_clauses_of_another_edition() {
    let t = belco_text().replacen(
        "edition = \"nederland-ict-2019\"",
        "edition = \"nederland-ict-2018\"",
        1,
    );
    let f = Scratch::new("belco-2018.toml", t.as_bytes());
    let o = dpa(&["coverage", f.path()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap()
            .to_owned()
    };
    let b = line("GDPR art. 28(3)(b)");
    assert!(
        b.ends_with(
            "  UNKNOWN (edition text not on file: confidentiality of the persons processing)"
        ),
        "{b}"
    );
    let h = line("GDPR art. 28(3)(h)");
    assert!(
        h.ends_with("  UNKNOWN: clause 2.7.3, clause 2.7.4, DPS 1.14 (edition text not on file: information to demonstrate compliance)"),
        "{h}"
    );
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    let rows = coverage_rows(&o);
    assert!(
        rows.iter()
            .any(|(id, v, _)| id == "28-3-b" && v == "unknown")
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["coverage"][8]["unknown"][0]["id"], "confidentiality");
    let o = dpa(&["check", f.path(), "--format", "json"]);
    assert_eq!(
        stdout(&o).matches("\"edition-text-not-on-file\"").count(),
        1
    );

    let bad = belco_text().replacen(
        "source = [\"DPS 1.11\", \"clause 2.6.3\"]",
        "source = [\"clause 2.4.4\"]",
        1,
    );
    let err = crate::helpers::check_fails("belco-2025-clause.toml", bad.as_bytes());
    assert!(err.contains("terms.deletion.source[0]"), "{err}");
    assert!(
        err.contains("the nldigital-2025 edition has a clause 4.4"),
        "{err}"
    );
}

/// A statement published without the standard clauses: `dpa coverage`
/// marks what only the clauses could cover unknown, with why, in text and
/// JSON, and `dpa check` names the absent part.
/// Source: Alles Online DPS 7 and clause 5.1 (confidentiality, GDPR art.
/// 28(3)(b)); issue 15 point 4; issue 16 (the verdict "unknown").
#[test]
fn coverage_of_a_statement_alone() {
    let text = std::fs::read_to_string(examples().join("alles-online.toml")).unwrap();
    let f = Scratch::new(
        "statement-alone.toml",
        format!("{text}\n[document]\nparts = [\"statement\"]\n").as_bytes(),
    );
    let o = dpa(&["coverage", f.path()]);
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.starts_with("GDPR art. 28(3)(b)"))
        .unwrap();
    assert!(
        line.ends_with(
            "UNKNOWN (part 2 not in the document: confidentiality of the persons processing)"
        ),
        "{line}"
    );
    let o = dpa(&["coverage", f.path(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let b = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "28-3-b")
        .unwrap();
    assert_eq!(b["verdict"], "unknown");
    assert_eq!(b["unknown_because"], "clauses-absent");
    let o = dpa(&["check", f.path(), "--at", "2026-12-05"]);
    assert!(
        stdout(&o).contains(
            "warning[document-part-absent]: the document holds only part 1 (the Data Pro Statement)"
        ),
        "{}",
        stdout(&o)
    );
}
