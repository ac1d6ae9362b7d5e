//! Completeness against GDPR art. 28: both seeds are complete; removing a
//! clause makes the check fail, naming the item and its article.

use crate::helpers::text;

use dpa_core::Agreement;
use dpa_core::completeness::{Art28Item, coverage};
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

fn uncovered(a: &Agreement) -> Vec<(String, String)> {
    a.check(date!(2026 - 11 - 23))
        .into_iter()
        .filter(|f| f.code.as_str() == "art28-item-uncovered")
        .map(|f| (f.message, f.citation))
        .collect()
}

/// Every item GDPR art. 28 requires is covered by a clause of each seed.
/// Source: GDPR art. 28(2), 28(3)(a)-(h) and 28(4); Belco clauses 2.2.3-2.8.3
/// and Alles Online clauses 2.3-8.3 (dpa-core/data/art28-coverage.tsv).
#[test]
fn both_seeds_are_complete() {
    for name in ["belco.toml", "alles-online.toml"] {
        let a = Agreement::from_toml(&text(name)).unwrap();
        for c in coverage(&a) {
            assert!(!c.clauses.is_empty(), "{name}: {} uncovered", c.item);
        }
        assert!(uncovered(&a).is_empty());
    }
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

/// A clause removed by a deviation leaves its art. 28 item uncovered, an error,
/// unless another clause covers it; a clause numbered the other way removes
/// nothing.
/// Source: GDPR art. 28(3)(b), (g) and (h); Belco clauses 2.5.1 and 2.6.3,
/// Alles Online clauses 6.3, 7.4 and 7.5; README "Findings catalogue"
/// (`art28-item-uncovered`, error).
#[test]
fn removing_a_clause_fails_the_check() {
    // Belco without its confidentiality clause 2.5.1: art. 28(3)(b) uncovered.
    let a = with_removed("belco.toml", "clause 2.5.1");
    let u = uncovered(&a);
    assert_eq!(u.len(), 1, "{u:?}");
    assert!(u[0].0.contains("confidentiality"));
    assert_eq!(u[0].1, "GDPR art. 28(3)(b)");
    // Alles Online without clause 6.3: deletion or return, art. 28(3)(g).
    let a = with_removed("alles-online.toml", "clause 6.3");
    let u = uncovered(&a);
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].1, "GDPR art. 28(3)(g)");
    // Both audit clauses removed: art. 28(3)(h).
    let t = text("alles-online.toml");
    let i = t.find("\n[terms.duration]").unwrap();
    let devs = "\n[[clauses.deviations]]\nclause = \"clause 7.4\"\nkind = \"removed\"\nsummary = \"x\"\n\n[[clauses.deviations]]\nclause = \"clause 7.5\"\nkind = \"removed\"\nsummary = \"x\"\n";
    let a = Agreement::from_toml(&format!("{}{devs}{}", &t[..i], &t[i..])).unwrap();
    let u = uncovered(&a);
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].1, "GDPR art. 28(3)(h)");
    // Removing one of two clauses for an item keeps it covered.
    let a = with_removed("alles-online.toml", "clause 7.4");
    assert!(uncovered(&a).is_empty());
    // A clause numbered the other way does not match (Belco uses 2.x).
    let a = with_removed("belco.toml", "clause 5.1");
    assert!(uncovered(&a).is_empty());
    // The check's exit code follows: an error finding.
    let a = with_removed("belco.toml", "clause 2.6.3");
    assert!(dpa_core::finding::has_errors(
        &a.check(date!(2026 - 11 - 23))
    ));
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
