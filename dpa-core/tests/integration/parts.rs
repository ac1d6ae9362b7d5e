//! Documents that hold one part of the Data Pro Code (issue 15 point 4;
//! issue 16, the verdict "unknown"): `[document] parts = ["statement"]` for a
//! statement published without the standard clauses, `["clauses"]` for the
//! clauses alone. What only the absent part could say is unknown, never
//! guessed; a value that only the absent part could state is an error.

use dpa_core::completeness::{Art28Item, Coverage, Requirement, UnknownCause, coverage};
use dpa_core::deadline::{DeadlineKind, Due, Start};
use dpa_core::finding::FindingCode;
use dpa_core::model::DocumentPart;
use dpa_core::{Agreement, Error};
use time::macros::date;

use crate::helpers::text;

/// `name` with `[document] parts = [parts]` added.
fn with_parts(name: &str, parts: &str) -> Result<Agreement, Error> {
    Agreement::from_toml(&format!("{}\n[document]\nparts = [{parts}]\n", text(name)))
}

/// Alles Online's file as the clauses alone: every `DPS n` reference
/// dropped from its sources and the deletion term, which only the statement
/// states, marked not stated.
fn alles_clauses_only() -> Agreement {
    let mut out = String::new();
    for line in text("alles-online.toml").lines() {
        let line = match line.split_once("source = [") {
            Some((head, rest)) => {
                let list = rest.split_once(']').map_or(rest, |(l, _)| l);
                let kept: Vec<&str> = list
                    .split(',')
                    .map(str::trim)
                    .filter(|r| !r.is_empty() && !r.starts_with("\"DPS"))
                    .collect();
                format!("{head}source = [{}]", kept.join(", "))
            }
            None => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    let from = "months = 3\nfirmness = \"in-principle\"\nbackups = \"per-backup-cycle\"";
    assert_eq!(out.matches(from).count(), 1);
    let out = out.replacen(
        from,
        "provenance = \"not-stated\"\nfirmness = \"at-the-latest\"\nbackups = \"not-stated\"",
        1,
    );
    Agreement::from_toml(&format!("{out}\n[document]\nparts = [\"clauses\"]\n")).unwrap()
}

/// The path and message of a validation error.
fn invalid(r: Result<Agreement, Error>) -> (String, String) {
    match r {
        Err(Error::Invalid(v)) => (v.path().to_owned(), v.message().to_owned()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A statement without the standard clauses: what only the clauses could
/// cover is unknown (the processor may have modified them), what the
/// statement states is judged as usual, the check says which part is absent,
/// and no finding rests on a clause the document does not hold (clause 9's
/// limitation of liability).
/// Source: Alles Online DPS 7 ("Data processor gebruikt de
/// Standaardclausules voor verwerkingen") and DPS 14; NLdigital standard
/// clauses of March 2025, clauses 5.1 and 9; GDPR art. 28(3)(b), 28(3)(c).
#[test]
fn a_statement_alone_leaves_what_only_the_clauses_say_unknown() {
    let a = with_parts("alles-online.toml", "\"statement\"").unwrap();
    assert!(!a.document.has(DocumentPart::Clauses));
    let cov = coverage(&a);
    let get = |item| cov.iter().find(|c| c.item == item).unwrap();
    let conf = get(Art28Item::Confidentiality);
    assert_eq!(conf.verdict, Coverage::Unknown);
    assert_eq!(conf.unknown_cause, Some(UnknownCause::ClausesAbsent));
    // The statement states its security measures (DPS 14).
    let sec = get(Art28Item::Security);
    assert_eq!(sec.verdict, Coverage::Covered);
    assert!(
        sec.clauses.contains(&"DPS 14".to_owned()),
        "{:?}",
        sec.clauses
    );
    let findings = a.check(date!(2026 - 12 - 05));
    let absent: Vec<_> = findings
        .iter()
        .filter(|f| f.code == FindingCode::DocumentPartAbsent)
        .collect();
    assert_eq!(absent.len(), 1);
    assert!(
        absent[0]
            .message
            .starts_with("the document holds only part 1 (the Data Pro Statement)"),
        "{}",
        absent[0].message
    );
    assert!(
        absent[0].message.contains("28-3-b"),
        "{}",
        absent[0].message
    );
    assert!(
        !findings
            .iter()
            .any(|f| f.code == FindingCode::SubProcessorLiabilityLimited),
        "clause 9 is not in the document"
    );
    let shown = a.summary().to_string();
    assert!(
        shown.contains("\nNot in the document: part 2 (the standard clauses)\n"),
        "{shown}"
    );
}

/// The clauses without the statement: the deletion term lives in the
/// statement (clause 6.3: "binnen de in het Data Pro Statement opgenomen
/// termijn"), so its deadline is none with that reason and art. 28(3)(g) is
/// unknown, not uncovered; what the statement alone states is unknown.
/// Source: NLdigital standard clauses of March 2025, clause 6.3; GDPR art.
/// 28(3)(c), 28(3)(g).
#[test]
fn the_clauses_alone_leave_the_statements_terms_unknown() {
    let a = alles_clauses_only();
    let cov = coverage(&a);
    let get = |item| cov.iter().find(|c| c.item == item).unwrap();
    let deletion = get(Art28Item::DeletionOrReturn);
    assert_eq!(deletion.verdict, Coverage::Unknown);
    assert_eq!(deletion.unknown, [Requirement::DeletionOrReturn]);
    assert_eq!(deletion.unknown_cause, Some(UnknownCause::StatementAbsent));
    assert_eq!(get(Art28Item::Security).verdict, Coverage::Unknown);
    // What the clauses cover is judged as usual.
    assert_eq!(get(Art28Item::Confidentiality).verdict, Coverage::Covered);
    // A return the document does not state is unknown too, not missing:
    // only the statement could state it (clause 6.3 returns "indien
    // overeengekomen").
    let t = a.to_toml().unwrap();
    let start = t.find("[terms.return_of_data]\n").unwrap();
    let end = start + 1 + t[start + 1..].find("\n[").unwrap();
    let t = format!(
        "{}[terms.return_of_data]\nprovenance = \"not-stated\"\ndescription = \"De retourtermijn staat in het Data Pro Statement.\"\nsource = [\"clause 6.3\"]\n{}",
        &t[..start],
        &t[end..]
    );
    let b = Agreement::from_toml(&t).unwrap();
    let cov = coverage(&b);
    let g = cov
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_eq!(g.verdict, Coverage::Unknown);
    assert!(g.missing.is_empty(), "{:?}", g.missing);
    assert!(
        g.unknown.contains(&Requirement::DataReturn),
        "{:?}",
        g.unknown
    );
    let d = a
        .deadline(
            DeadlineKind::Deletion,
            Start::Date(date!(2026 - 12 - 01)),
            None,
        )
        .unwrap();
    assert_eq!(d.due, Due::NoFixedTerm);
    assert_eq!(
        d.note.as_deref(),
        Some(
            "the document does not hold the Data Pro Statement (part 1), so it does not state a deletion term (clause 6.3)"
        )
    );
}

/// What the absent part alone could say is refused, naming the field: a
/// statement item cited in a document of the clauses alone, a deletion term
/// stated there, deviations in a document of the statement alone; and an
/// empty or repeated list of parts.
/// Source: issue 15 point 4; NLdigital standard clauses of March 2025,
/// clause 6.3.
#[test]
fn what_only_the_absent_part_could_say_is_refused() {
    let (path, message) = invalid(with_parts("belco.toml", "\"clauses\""));
    assert_eq!(path, "statement.intended_use.source[0]");
    assert!(
        message.starts_with("`DPS 1.5` cites the Data Pro Statement"),
        "{message}"
    );
    let (path, message) = invalid(with_parts("belco.toml", "\"statement\""));
    assert_eq!(path, "clauses.deviations[0]");
    assert!(message.contains("part 2's text"), "{message}");
    let t = alles_clauses_only().to_toml().unwrap();
    let stated = t.replacen("provenance = \"not-stated\"\n", "months = 3\n", 1);
    assert_ne!(stated, t);
    let (path, message) = invalid(Agreement::from_toml(&stated));
    assert_eq!(path, "terms.deletion");
    assert!(
        message.contains("refers to the term in the Data Pro Statement"),
        "{message}"
    );
    let (path, message) = invalid(with_parts("belco.toml", ""));
    assert_eq!(path, "document.parts");
    assert!(
        message.starts_with("a document holds at least one part"),
        "{message}"
    );
    let (path, message) = invalid(with_parts("belco.toml", "\"clauses\", \"clauses\""));
    assert_eq!(path, "document.parts");
    assert!(message.contains("listed twice"), "{message}");
}

/// A file of one part is written back with its `[document]` table and read
/// again; a whole document is written without it, as before.
/// Source: issue 15 point 4; the round trip of issue 17 point 5.
#[test]
fn parts_round_trip() {
    let a = with_parts("alles-online.toml", "\"statement\"").unwrap();
    let t = a.to_toml().unwrap();
    assert!(t.contains("[document]"), "{t}");
    assert_eq!(Agreement::from_toml(&t).unwrap(), a);
    let j = a.to_json().unwrap();
    assert_eq!(Agreement::from_json(&j).unwrap(), a);
    let whole = with_parts("alles-online.toml", "\"statement\", \"clauses\"").unwrap();
    assert!(whole.document.is_whole());
    assert!(!whole.to_toml().unwrap().contains("[document]"));
}
