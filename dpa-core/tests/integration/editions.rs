//! Editions and clause numbers (issue 15 point 4): every reference to a
//! standard clause names a clause of the agreement's edition, in the
//! agreement's numbering; a clause of another edition is an error with a
//! hint; an edition whose text the library does not hold (Nederland ICT,
//! January 2018) is read without that check and its coverage is unknown;
//! the statement's own numbering ("DPS 0", "DPS 17") is kept as written.

use dpa_core::{Agreement, Error};
use time::macros::date;

use crate::helpers::text;

/// `name` with its deletion term citing `cite` instead of its sources.
fn citing(name: &str, cite: &str) -> Result<Agreement, Error> {
    let t = text(name);
    let from = match name {
        "belco.toml" => "source = [\"DPS 1.11\", \"clause 2.6.3\"]",
        _ => "source = [\"DPS 12\", \"clause 6.3\"]",
    };
    assert!(
        t.contains(from),
        "{name} cites its deletion term as expected"
    );
    Agreement::from_toml(&t.replacen(from, &format!("source = [\"{cite}\"]"), 1))
}

/// The path and message of a validation error.
fn invalid(r: Result<Agreement, Error>) -> (String, String) {
    match r {
        Err(Error::Invalid(v)) => (v.path().to_owned(), v.message().to_owned()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A clause of the 2025 edition cited in a file of the 2019 edition is an
/// error naming the field, saying which clauses the article has in the
/// agreement's numbering, and asking whether the edition is right.
/// Source: Nederland ICT standard clauses (Belco, clause 2.4: three
/// paragraphs 2.4.1-2.4.3); NLdigital standard clauses, versie maart 2025,
/// art. 4 (four paragraphs, 4.1-4.4); issue 15 point 4.
#[test]
fn a_2025_clause_in_a_2019_file_is_an_error_with_a_hint() {
    let (path, message) = invalid(citing("belco.toml", "clause 2.4.4"));
    assert_eq!(path, "terms.deletion.source[0]");
    assert!(
        message.contains("`clause 2.4.4` is not a clause of the nederland-ict-2019 edition"),
        "{message}"
    );
    assert!(message.contains("clauses 2.4.1-2.4.3"), "{message}");
    assert!(
        message
            .contains("the nldigital-2025 edition has a clause 4.4: is `clauses.edition` right?"),
        "{message}"
    );
    // The clause it has is accepted.
    citing("belco.toml", "clause 2.4.3").unwrap();
}

/// And the other way: the 2025 edition's article 1 has nine definitions,
/// the 2019 edition's ten. Its article 5 has three paragraphs (5.3 is
/// printed without the bullet of 5.1 and 5.2). Its article 9 is one
/// unnumbered paragraph, cited as `clause 9`.
/// Source: NLdigital standard clauses, versie maart 2025, art. 1, 5 and 9
/// (Alles Online's seed, Deel 2); Belco, clause 2.1.10, 2.5.3 and 2.9.1.
#[test]
fn a_2019_clause_in_a_2025_file_is_an_error_with_a_hint() {
    let (path, message) = invalid(citing("alles-online.toml", "clause 1.10"));
    assert_eq!(path, "terms.deletion.source[0]");
    assert!(
        message.contains("article 1 (Definities) has clauses 1.1-1.9"),
        "{message}"
    );
    assert!(
        message.contains("the nederland-ict-2019 edition has a clause 1.10"),
        "{message}"
    );
    citing("alles-online.toml", "clause 5.3").unwrap();
    let (_, message) = invalid(citing("alles-online.toml", "clause 5.4"));
    assert!(
        message.contains("article 5 (Geheimhouding) has clauses 5.1-5.3"),
        "{message}"
    );
    citing("alles-online.toml", "clause 9").unwrap();
    let (_, message) = invalid(citing("alles-online.toml", "clause 9.1"));
    assert!(
        message.contains("one unnumbered paragraph, cited as clause 9"),
        "{message}"
    );
    let (_, message) = invalid(citing("alles-online.toml", "clause 10.1"));
    assert!(message.contains("it has articles 1-9"), "{message}");
}

/// A clause number in the other numbering (part 2 after the statement, or
/// the edition's own) says which setting the agreement would need.
/// Source: Belco numbers part 2 after part 1 (clause 2.6.3 is article 6,
/// paragraph 3); Alles Online uses the edition's numbers (clause 6.3).
#[test]
fn a_number_of_the_other_numbering_names_the_setting() {
    let (_, message) = invalid(citing("alles-online.toml", "clause 2.6.3"));
    assert!(
        message.contains("`clauses.numbering = \"part-2-prefixed\"`"),
        "{message}"
    );
    let (_, message) = invalid(citing("belco.toml", "clause 6.3"));
    assert!(message.contains("`clause 2.6.3`"), "{message}");
    assert!(
        message.contains("`clauses.numbering = \"articles\"`"),
        "{message}"
    );
}

/// A clause the processor added (Belco's 2.8.4, listed as a deviation of
/// kind `added`) may be cited although the edition does not have it.
/// Source: Belco clause 2.8.4 (added to the standard clauses' article 8,
/// which has three paragraphs).
#[test]
fn an_added_clause_may_be_cited() {
    citing("belco.toml", "clause 2.8.4").unwrap();
    let added = "clause = \"clause 2.8.4\"\nkind = \"added\"";
    let t = text("belco.toml");
    assert!(t.contains(added));
    // Recorded as a modification of the edition's clause instead, it names
    // a clause the edition does not have: an error.
    let modified = t.replacen(added, "clause = \"clause 2.8.4\"\nkind = \"modified\"", 1);
    let (path, message) = invalid(Agreement::from_toml(&modified));
    assert!(path.starts_with("clauses.deviations["), "{path}");
    assert!(path.ends_with("].clause"), "{path}");
    assert!(message.contains("clauses 2.8.1-2.8.3"), "{message}");
}

/// The library does not hold the text of the Nederland ICT edition of
/// January 2018: its clause numbers are not checked (any clause number is
/// read), and what its clauses cover is unknown.
/// Source: issue 15 point 4 (the Nederland ICT January 2018 edition).
#[test]
fn the_2018_edition_is_read_without_a_numbering() {
    let t = text("belco.toml").replacen(
        "edition = \"nederland-ict-2019\"",
        "edition = \"nederland-ict-2018\"",
        1,
    );
    let a = Agreement::from_toml(&t.replacen(
        "source = [\"DPS 1.11\", \"clause 2.6.3\"]",
        "source = [\"clause 2.4.4\"]",
        1,
    ))
    .unwrap();
    assert_eq!(a.clauses.edition.as_str(), "nederland-ict-2018");
}

/// The statement's own numbers are kept as the document writes them, from 0
/// and past 9 alike, and cited in the answers as written.
/// Source: issue 15 point 4 ("Statement numbering may be \"1.1\"-style,
/// plain \"1–17\", or start at 0: the citation keeps the document's own
/// numbers").
#[test]
fn statement_numbers_are_kept_as_written() {
    for cite in ["DPS 0", "DPS 17", "DPS 1.11", "DPS 0.3"] {
        let a = citing("alles-online.toml", cite).unwrap();
        let refs: Vec<&str> = a
            .references()
            .into_iter()
            .filter(|(p, _)| p == "terms.deletion.source[0]")
            .map(|(_, r)| r.as_str())
            .collect();
        assert_eq!(refs, [cite]);
        let d = a
            .deadline(
                dpa_core::deadline::DeadlineKind::Deletion,
                dpa_core::deadline::Start::Date(date!(2026 - 01 - 31)),
                None,
            )
            .unwrap();
        assert!(d.to_string().contains(cite), "{d}");
    }
}

/// Belco's agreement as if it named the 2018 edition.
fn belco_2018() -> Agreement {
    let t = text("belco.toml").replacen(
        "edition = \"nederland-ict-2019\"",
        "edition = \"nederland-ict-2018\"",
        1,
    );
    Agreement::from_toml(&t).unwrap()
}

/// Without the edition's text, an art. 28 item that only the clauses could
/// cover is `unknown` (never `covered` by the edition's name, never `not
/// covered` for lack of a table), listing what is unknown; an item the
/// statement or the typed terms settle keeps its verdict; `check` says
/// once that the text is not on file, naming the items.
/// Source: issue 15 point 4 and issue 16 point 1 ("Verdicts: covered /
/// partly (with what is missing) / not covered / unknown").
#[test]
fn without_the_edition_text_coverage_is_unknown() {
    use dpa_core::completeness::{Art28Item, Coverage, Requirement, coverage};
    let a = belco_2018();
    let cov = coverage(&a);
    let get = |item| cov.iter().find(|c| c.item == item).unwrap();
    // Confidentiality (28(3)(b)) rests on a clause alone (2.5.1 in 2019).
    let conf = get(Art28Item::Confidentiality);
    assert_eq!(conf.verdict, Coverage::Unknown);
    assert_eq!(conf.unknown, [Requirement::Confidentiality]);
    assert!(conf.missing.is_empty());
    // Duration (28(3), first sentence): the typed term settles it (clause
    // 2.6.1, "gesloten voor onbepaalde tijd").
    let duration = get(Art28Item::Duration);
    assert_eq!(duration.verdict, Coverage::Covered, "{duration:?}");
    // Audits and information (28(3)(h)): the audit term confirms audits
    // (DPS 1.13, clause 2.7.3-2.7.4); the information to demonstrate
    // compliance only a clause could give.
    let audits = get(Art28Item::InformationAndAudits);
    assert_eq!(audits.verdict, Coverage::Unknown, "{audits:?}");
    assert_eq!(audits.unknown, [Requirement::ComplianceInformation]);
    // A term that denies a requirement leaves it missing whatever the
    // edition's text would say: partly, with the rest unknown.
    let t = text("belco.toml")
        .replacen(
            "edition = \"nederland-ict-2019\"",
            "edition = \"nederland-ict-2018\"",
            1,
        )
        .replacen("client_may_object = true", "client_may_object = false", 1);
    let denied = coverage(&Agreement::from_toml(&t).unwrap());
    let auth = denied
        .iter()
        .find(|c| c.item == Art28Item::SubProcessorAuthorisation)
        .unwrap();
    assert_eq!(auth.verdict, Coverage::Partly, "{auth:?}");
    assert!(
        auth.missing.contains(&Requirement::SubProcessorObjection),
        "{auth:?}"
    );
    // Nothing in a 2019 file is unknown.
    let belco = crate::helpers::belco();
    assert!(coverage(&belco).iter().all(|c| c.unknown.is_empty()));
    assert!(
        coverage(&belco)
            .iter()
            .all(|c| c.verdict != Coverage::Unknown)
    );

    let findings = a.check(date!(2026 - 11 - 23));
    let f: Vec<_> = findings
        .iter()
        .filter(|f| f.code.as_str() == "edition-text-not-on-file")
        .collect();
    assert_eq!(f.len(), 1, "{findings:?}");
    assert_eq!(f[0].path.as_deref(), Some("clauses.edition"));
    assert!(
        f[0].message.contains("nederland-ict-2018"),
        "{}",
        f[0].message
    );
    assert!(f[0].message.contains("28-3-b"), "{}", f[0].message);
    // No item is reported as uncovered for want of the text.
    assert!(
        !findings
            .iter()
            .any(|f| f.code.as_str() == "art28-item-uncovered"
                && f.citation == Art28Item::Confidentiality.article())
    );
    assert!(
        !crate::helpers::belco()
            .check(date!(2026 - 11 - 23))
            .iter()
            .any(|f| f.code.as_str() == "edition-text-not-on-file")
    );
}

/// The coverage report says `unknown` in text and JSON (an `unknown` list
/// beside `missing`), and only where there is something unknown: reports
/// of agreements whose edition text is on file are as before.
/// Source: issue 15 point 4.
#[test]
fn the_coverage_report_shows_what_is_unknown() {
    use dpa_core::completeness::CoverageReport;
    let r = CoverageReport::new(&belco_2018());
    let json = serde_json::to_value(&r).unwrap();
    let conf = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "28-3-b")
        .unwrap();
    assert_eq!(conf["verdict"], "unknown");
    assert_eq!(conf["covered"], false);
    assert_eq!(conf["unknown"][0]["id"], "confidentiality");
    assert!(
        r.to_string()
            .contains("UNKNOWN (edition text not on file: confidentiality"),
        "{r}"
    );
    let known = serde_json::to_value(CoverageReport::new(&crate::helpers::belco())).unwrap();
    assert!(
        known["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x.get("unknown").is_none())
    );
}
