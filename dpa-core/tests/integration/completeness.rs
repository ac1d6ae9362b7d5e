//! Completeness against GDPR art. 28, read from the agreement's clauses after
//! its deviations, its statement and its typed terms: what both seeds cover,
//! partly cover and leave out; removing a clause or denying a term changes
//! the verdict; clauses that limit liability for sub-processors.

use crate::helpers::text;

use dpa_core::Agreement;
use dpa_core::completeness::{Art28Item, Coverage, Requirement, coverage};
use time::macros::date;

fn with_removed(name: &str, clause: &str) -> Agreement {
    let t = text(name);
    let marker = "\n[terms.duration]";
    let i = t.find(marker).unwrap();
    let dev = format!(
        "\n[[clauses.deviations]]\nclause = \"{clause}\"\nkind = \"removed\"\nsummary = \"left out\"\n"
    );
    // Deviations are an array of tables under [clauses]: insert before [terms.duration].
    Agreement::from_toml(&format!("{}{dev}{}", &t[..i], &t[i..])).unwrap()
}

/// The art. 28 findings of `a` (code, message, citation, path).
fn art28_findings(a: &Agreement) -> Vec<(String, String, String, String)> {
    a.check(date!(2026 - 11 - 23))
        .into_iter()
        .filter(|f| f.code.as_str().starts_with("art28-"))
        .map(|f| {
            (
                f.code.as_str().to_owned(),
                f.message,
                f.citation,
                f.path.unwrap_or_default(),
            )
        })
        .collect()
}

/// The verdict per item, in article order, as `id verdict`.
fn verdicts(a: &Agreement) -> Vec<String> {
    coverage(a)
        .iter()
        .map(|c| format!("{} {}", c.item.id(), c.verdict))
        .collect()
}

/// What both seeds cover of GDPR art. 28 after their deviations and with what
/// their statements state: neither states the types of personal data or the
/// categories of data subjects; 28(3)(a) lacks the notice of a legal
/// requirement; neither has the notice of an infringing instruction; clause
/// 2.8.3 / 8.3 binds sub-processors to the same security level only, so
/// 28(4) (and 28(3)(d) through it) is partly covered.
/// Source: GDPR art. 28(2), 28(3) (first sentence, (a)-(h), final
/// subparagraph) and 28(4); Belco clauses 2.2.1-2.8.3 and DPS 1.5; NLdigital
/// 2025 clauses 2.1-8.3 and Alles Online DPS bullets 3-4
/// (dpa-core/data/art28-coverage.tsv).
#[test]
fn both_seeds_cover_art28_in_part() {
    let expected = [
        "28-2 covered",
        "28-3-subject-matter covered",
        "28-3-duration covered",
        "28-3-nature-purpose covered",
        "28-3-data-types not-covered",
        "28-3-data-subjects not-covered",
        "28-3-controller covered",
        "28-3-a partly",
        "28-3-b covered",
        "28-3-c covered",
        "28-3-d partly",
        "28-3-e covered",
        "28-3-f covered",
        "28-3-g covered",
        "28-3-h covered",
        "28-3-final not-covered",
        "28-4 partly",
    ];
    for name in ["belco.toml", "alles-online.toml"] {
        let a = Agreement::from_toml(&text(name)).unwrap();
        assert_eq!(verdicts(&a), expected, "{name}");
        let cov = coverage(&a);
        let get = |item| cov.iter().find(|c| c.item == item).unwrap();
        assert_eq!(
            get(Art28Item::Instructions).missing,
            [Requirement::LegalRequirementNotice]
        );
        assert_eq!(
            get(Art28Item::SubProcessorFlowDown).missing,
            [Requirement::FlowDownObligations]
        );
        assert!(get(Art28Item::DataTypes).clauses.is_empty());
        let errors: Vec<_> = art28_findings(&a)
            .into_iter()
            .filter(|f| f.0 == "art28-item-uncovered")
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].1.contains("the types of personal data"));
    }
}

/// The subject-matter and the nature and purpose come from what the
/// statement states (its intended use); without it, the nature and purpose
/// are not covered.
/// Source: GDPR art. 28(3), first sentence; Belco DPS 1.5 ("Ontworpen om
/// gegevens te verwerken ...") and clause 2.2.1.
#[test]
fn the_statement_states_nature_and_purpose() {
    let belco = Agreement::from_toml(&text("belco.toml")).unwrap();
    let cov = coverage(&belco);
    let get = |item| cov.iter().find(|c| c.item == item).unwrap().clauses.clone();
    assert_eq!(get(Art28Item::NatureAndPurpose), ["DPS 1.5"]);
    assert_eq!(get(Art28Item::SubjectMatter), ["clause 2.2.1", "DPS 1.5"]);
    let t = text("belco.toml");
    let start = t.find("[statement.intended_use]").unwrap();
    let end = start + t[start..].find("\n\n").unwrap() + 2;
    let without = Agreement::from_toml(&format!("{}{}", &t[..start], &t[end..])).unwrap();
    let cov = coverage(&without);
    let nature = cov
        .iter()
        .find(|c| c.item == Art28Item::NatureAndPurpose)
        .unwrap();
    assert_eq!(nature.verdict, Coverage::NotCovered);
    let subject = cov
        .iter()
        .find(|c| c.item == Art28Item::SubjectMatter)
        .unwrap();
    assert_eq!(subject.clauses, ["clause 2.2.1"]);
}

/// Coverage names the clauses in each agreement's own numbering.
/// Source: GDPR art. 28(3)(b), (g) and (h); Belco clauses 2.5.1, 2.6.3, 2.7.3
/// and 2.7.4; Alles Online clauses 7.4 and 7.5
/// (dpa-core/data/art28-coverage.tsv).
#[test]
fn coverage_uses_the_agreements_numbering() {
    let belco = Agreement::from_toml(&text("belco.toml")).unwrap();
    let cov = coverage(&belco);
    let get = |item| cov.iter().find(|c| c.item == item).unwrap().clauses.clone();
    assert_eq!(get(Art28Item::Confidentiality), ["clause 2.5.1"]);
    assert_eq!(get(Art28Item::DeletionOrReturn), ["clause 2.6.3"]);
    assert_eq!(
        get(Art28Item::InformationAndAudits),
        ["clause 2.7.3", "clause 2.7.4"]
    );
    let alles = Agreement::from_toml(&text("alles-online.toml")).unwrap();
    let cov = coverage(&alles);
    let audits = &cov
        .iter()
        .find(|c| c.item == Art28Item::InformationAndAudits)
        .unwrap()
        .clauses;
    assert_eq!(audits, &["clause 7.4", "clause 7.5"]);
}

/// A clause removed by a deviation stops counting: its item is no longer
/// covered (an error) or only partly (a warning), unless another clause or a
/// typed term covers it; a clause numbered the other way removes nothing.
/// Source: GDPR art. 28(3)(b), (g) and (h); Belco clauses 2.5.1 and 2.6.3,
/// Alles Online clauses 6.3, 7.4 and 7.5; README "Findings catalogue"
/// (`art28-item-uncovered`, error; `art28-item-partly-covered`, warning).
#[test]
fn removing_a_clause_changes_the_verdict() {
    let base = |name| art28_findings(&Agreement::from_toml(&text(name)).unwrap());
    let added = |name, a: &Agreement| {
        let before = base(name);
        art28_findings(a)
            .into_iter()
            .filter(|f| !before.contains(f))
            .collect::<Vec<_>>()
    };
    // Belco without its confidentiality clause 2.5.1: art. 28(3)(b) uncovered.
    let a = with_removed("belco.toml", "clause 2.5.1");
    let u = added("belco.toml", &a);
    assert_eq!(u.len(), 1, "{u:?}");
    assert_eq!(u[0].0, "art28-item-uncovered");
    assert!(u[0].1.contains("confidentiality"));
    assert_eq!(u[0].2, "GDPR art. 28(3)(b)");
    // Alles Online without clause 6.3: the deletion term still records the
    // duty (terms.deletion, DPS 12) and the return term the return
    // (terms.return_of_data, DPS 13), so 28(3)(g) stays covered, citing the
    // statement, not the removed clause.
    let a = with_removed("alles-online.toml", "clause 6.3");
    assert!(added("alles-online.toml", &a).is_empty());
    let cov = coverage(&a);
    let g = cov
        .iter()
        .find(|c| c.item == Art28Item::DeletionOrReturn)
        .unwrap();
    assert_eq!(g.clauses, ["DPS 12", "DPS 13"]);
    // Both audit clauses removed: the information of 28(3)(h) is missing,
    // the audit term remains: partly.
    let t = text("alles-online.toml");
    let i = t.find("\n[terms.duration]").unwrap();
    let devs = "\n[[clauses.deviations]]\nclause = \"clause 7.4\"\nkind = \"removed\"\nsummary = \"x\"\n\n[[clauses.deviations]]\nclause = \"clause 7.5\"\nkind = \"removed\"\nsummary = \"x\"\n";
    let a = Agreement::from_toml(&format!("{}{devs}{}", &t[..i], &t[i..])).unwrap();
    let u = added("alles-online.toml", &a);
    assert_eq!(u.len(), 1, "{u:?}");
    assert_eq!(u[0].0, "art28-item-partly-covered");
    assert_eq!(u[0].2, "GDPR art. 28(3)(h)");
    assert!(u[0].1.contains("information to demonstrate compliance"));
    // Removing one of two clauses for an item keeps it covered.
    let a = with_removed("alles-online.toml", "clause 7.4");
    assert!(added("alles-online.toml", &a).is_empty());
    // A clause numbered the other way is not a clause of the agreement
    // (Belco numbers part 2 as 2.x): the reader refuses it and says how
    // the agreement numbers its clauses (issue 15 point 4).
    let t = text("belco.toml");
    let i = t.find("\n[terms.duration]").unwrap();
    let dev =
        "\n[[clauses.deviations]]\nclause = \"clause 5.1\"\nkind = \"removed\"\nsummary = \"x\"\n";
    let err = Agreement::from_toml(&format!("{}{dev}{}", &t[..i], &t[i..])).unwrap_err();
    let dpa_core::Error::Invalid(v) = &err else {
        panic!("{err:?}")
    };
    assert!(v.path().starts_with("clauses.deviations["), "{}", v.path());
    assert!(v.message().contains("`clause 2.6.3`"), "{}", v.message());
}

/// A typed term that says the processor does not do something leaves the
/// requirement unmet whatever the edition's clause says, and the finding
/// names the term.
/// Source: GDPR art. 28(2) (the controller may object to a change); Belco
/// clause 2.8.3 ("Opdrachtgever heeft het recht bezwaar te maken").
#[test]
fn typed_terms_decide_over_the_edition() {
    let t = text("belco.toml").replacen("client_may_object = true", "client_may_object = false", 1);
    let a = Agreement::from_toml(&t).unwrap();
    let f: Vec<_> = art28_findings(&a)
        .into_iter()
        .filter(|f| f.2 == "GDPR art. 28(2)")
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "art28-item-partly-covered");
    assert_eq!(f[0].3, "terms.sub_processors.client_may_object");
    assert!(
        f[0].1
            .contains("the controller's right to object to a change")
    );
}

/// Clause 2.9.1 / art. 9 brings the main agreement's limitations of
/// liability in; Belco's clause 2.8.4 makes the liability for sub-processors
/// subject to them. GDPR art. 28(4), second sentence, keeps it full towards
/// the controller: a finding for each.
/// Source: Belco clauses 2.8.4 ("met inachtneming van de tussen partijen
/// overeengekomen beperking van de aansprakelijkheid") and 2.9.1; NLdigital
/// 2025 art. 9; GDPR art. 28(4).
#[test]
fn liability_limits_are_findings() {
    let liability = |a: &Agreement| -> Vec<(String, Option<String>)> {
        a.check(date!(2026 - 11 - 23))
            .into_iter()
            .filter(|f| f.code.as_str() == "sub-processor-liability-limited")
            .map(|f| (f.citation, f.path))
            .collect()
    };
    let belco = Agreement::from_toml(&text("belco.toml")).unwrap();
    let got = liability(&belco);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "clause 2.9.1; GDPR art. 28(4)");
    assert_eq!(
        got[1].1.as_deref(),
        Some("terms.sub_processors.liability_subject_to_limits")
    );
    assert!(got[1].0.contains("clause 2.8.4") && got[1].0.ends_with("GDPR art. 28(4)"));
    let alles = Agreement::from_toml(&text("alles-online.toml")).unwrap();
    let got = liability(&alles);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "clause 9; GDPR art. 28(4)");
    // Article 9 removed: no finding from it.
    let a = with_removed("alles-online.toml", "clause 9");
    assert!(liability(&a).is_empty());
}

/// A product that names health data contradicts a statement not designed for
/// special categories; a word that merely contains a keyword does not.
/// Source: Belco DPS 1.5 ("geen rekening gehouden met de verwerking van
/// bijzondere persoonsgegevens") and clause 2.3.2; GDPR art. 9(1) (data
/// concerning health); README "Findings catalogue"
/// (`special-categories-contradicted`).
#[test]
fn special_categories_contradicted_by_a_product() {
    let t = text("belco.toml").replacen(
        "name = \"Belco\"",
        "name = \"Belco Zorg: patiënten en medische dossiers\"",
        1,
    );
    let a = Agreement::from_toml(&t).unwrap();
    let f: Vec<_> = a
        .check(date!(2026 - 11 - 23))
        .into_iter()
        .filter(|f| f.code.as_str() == "special-categories-contradicted")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path.as_deref(), Some("statement.products[0].name"));
    assert!(f[0].citation.ends_with("GDPR art. 9"));
    // "zorgt" is not a match for a keyword: whole words only.
    let t = text("belco.toml").replacen(
        "name = \"Belco\"",
        "name = \"Belco zorgt voor klantcontact\"",
        1,
    );
    let a = Agreement::from_toml(&t).unwrap();
    assert!(
        a.check(date!(2026 - 11 - 23))
            .iter()
            .all(|f| f.code.as_str() != "special-categories-contradicted")
    );
}

/// Clause 2.5.2 / 5.2 lets the processor disclose data on a legal order
/// without saying the client is told: the notice GDPR art. 28(3)(a) asks for
/// (of the legal requirement, before processing) is missing, and the finding
/// names `terms.disclosure.client_informed`. Told before the disclosure,
/// art. 28(3)(a) is covered, citing the clause; told after, it is not; a file
/// that does not record the disclosure leaves the clauses to decide.
/// Source: Belco clause 2.5.2 and NLdigital 2025 art. 5.2 ("gerechtigd de
/// Persoonsgegevens te verstrekken aan derden, indien en voor zover
/// verstrekking noodzakelijk is ingevolge een rechterlijke uitspraak, een
/// wettelijk voorschrift of ... bevel van een overheidsinstantie"); GDPR art.
/// 28(3)(a).
#[test]
fn disclosure_on_a_legal_order() {
    let item = |a: &Agreement| {
        coverage(a)
            .into_iter()
            .find(|c| c.item == Art28Item::Instructions)
            .unwrap()
    };
    let paths = |a: &Agreement| -> Vec<String> {
        art28_findings(a)
            .into_iter()
            .filter(|f| f.2 == "GDPR art. 28(3)(a)")
            .map(|f| f.3)
            .collect()
    };
    for (name, clause) in [
        ("belco.toml", "clause 2.5.2"),
        ("alles-online.toml", "clause 5.2"),
    ] {
        let a = Agreement::from_toml(&text(name)).unwrap();
        let d = a.terms.disclosure.as_ref().unwrap();
        assert!(d.on_legal_order);
        assert_eq!(d.client_informed.as_str(), "not-stated");
        assert_eq!(d.source[0].as_str(), clause);
        let c = item(&a);
        assert_eq!(c.verdict, Coverage::Partly, "{name}");
        assert_eq!(c.missing, [Requirement::LegalRequirementNotice]);
        assert_eq!(paths(&a), ["terms.disclosure.client_informed"], "{name}");

        let told = |when: &str| {
            Agreement::from_toml(&text(name).replacen(
                "client_informed = \"not-stated\"",
                &format!("client_informed = \"{when}\""),
                1,
            ))
            .unwrap()
        };
        let before = told("before-disclosure");
        let c = item(&before);
        assert_eq!(c.verdict, Coverage::Covered, "{name}");
        assert!(c.clauses.contains(&clause.to_owned()), "{:?}", c.clauses);
        assert!(paths(&before).is_empty());
        assert_eq!(item(&told("after-disclosure")).verdict, Coverage::Partly);

        // Not recorded: the edition's clauses decide, as before the term
        // existed (no clause of the table informs the client).
        let t = text(name);
        let start = t.find("[terms.disclosure]").unwrap();
        let end = start + t[start..].find("\n\n").unwrap() + 2;
        let without = Agreement::from_toml(&format!("{}{}", &t[..start], &t[end..])).unwrap();
        assert!(without.terms.disclosure.is_none());
        assert_eq!(item(&without).verdict, Coverage::Partly);
        assert_eq!(paths(&without), ["clauses"]);
    }
}
