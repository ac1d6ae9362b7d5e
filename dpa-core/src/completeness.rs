//! Completeness against GDPR art. 28: which items a processing agreement
//! must contain (art. 28(2), 28(3)(a)–(h) and 28(4)) an agreement leaves
//! uncovered after its deviations, and whether the statement contradicts
//! its own declaration on special categories.
//!
//! Which clause of each standard-clause edition satisfies which item is the
//! reviewable table `dpa-core/data/art28-coverage.tsv`, one row per clause
//! per edition citing where the clause text is ([`edition_coverage`],
//! [`ClauseCoverage::source`]); this module applies it to an agreement.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::completeness::{Art28Item, coverage};
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/alles-online.toml"
//! ))?;
//! let a = Agreement::from_toml(&text)?;
//! let cov = coverage(&a);
//! assert!(cov.iter().all(|c| !c.clauses.is_empty()));
//! let confidentiality = cov.iter().find(|c| c.item == Art28Item::Confidentiality).unwrap();
//! assert_eq!(confidentiality.clauses, ["clause 5.1"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;

use crate::finding::{Finding, FindingCode};
use crate::model::{Agreement, DeviationKind, Edition};
use crate::sources::art28;
pub use crate::sources::art28::{Art28Item, ClauseCoverage};

/// The clauses of `edition` that satisfy art. 28 items, numbered as the
/// edition numbers them, in clause order: the edition's rows of the table
/// `dpa-core/data/art28-coverage.tsv`, each with its
/// [`source`](ClauseCoverage::source).
///
/// ```
/// use dpa_core::completeness::{Art28Item, edition_coverage};
/// use dpa_core::model::Edition;
///
/// let clauses = edition_coverage(Edition::Nldigital2025);
/// let audits: Vec<_> = clauses
///     .iter()
///     .filter(|c| c.items.contains(&Art28Item::InformationAndAudits))
///     .map(|c| (c.article, c.paragraph))
///     .collect();
/// assert_eq!(audits, [(7, 4), (7, 5)]);
/// assert!(clauses[0].source().contains("versie maart 2025, art. 2.3"));
/// ```
///
/// Empty only if the built-in table were malformed (a unit test proves that
/// it is not); the agreement check then reports that the coverage was not
/// checked.
pub fn edition_coverage(edition: Edition) -> &'static [ClauseCoverage] {
    art28::edition_clauses(edition).unwrap_or_default()
}

/// How one art. 28 item is covered in an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ItemCoverage {
    /// The item.
    pub item: Art28Item,
    /// The agreement's clauses that cover it (empty: uncovered).
    pub clauses: Vec<String>,
}

/// For every art. 28 item, the agreement's clauses that cover it after its
/// deviations: a clause the agreement removed no longer counts; a modified
/// one still does (it keeps its subject).
pub fn coverage(a: &Agreement) -> Vec<ItemCoverage> {
    let numbering = a.clauses.numbering;
    let removed: Vec<(u8, u8)> = a
        .clauses
        .deviations
        .iter()
        .filter(|d| d.kind == DeviationKind::Removed)
        .filter_map(|d| numbering.article_paragraph(&d.clause))
        .collect();
    let table = edition_coverage(a.clauses.edition);
    Art28Item::ALL
        .iter()
        .map(|&item| ItemCoverage {
            item,
            clauses: table
                .iter()
                .filter(|c| c.items.contains(&item))
                .filter(|c| !removed.contains(&(c.article, c.paragraph)))
                .map(|c| format!("clause {}", numbering.clause(c.article, Some(c.paragraph))))
                .collect(),
        })
        .collect()
}

/// The coverage table of an agreement ([`coverage`]) as the `dpa coverage
/// --format json` command and the C function `dpa_agreement_coverage_json`
/// print it. It serialises as `{"coverage": [...]}` with one object per
/// item in article order: `id` (`28-3-b`), `article` (`GDPR art.
/// 28(3)(b)`), `name`, `clauses` (empty when uncovered) and `covered`.
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::completeness::CoverageReport;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let report = CoverageReport::new(&Agreement::from_toml(&text)?);
/// assert!(report.is_complete());
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["coverage"][2]["id"], "28-3-b");
/// assert_eq!(json["coverage"][2]["clauses"][0], "clause 2.5.1");
/// assert_eq!(json["coverage"][2]["covered"], true);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CoverageReport {
    /// Every item, in article order ([`Art28Item::ALL`]).
    pub items: Vec<ItemCoverage>,
}

impl CoverageReport {
    /// The coverage of `a` after its deviations.
    pub fn new(a: &Agreement) -> CoverageReport {
        CoverageReport { items: coverage(a) }
    }

    /// Whether every item is covered by at least one clause.
    pub fn is_complete(&self) -> bool {
        self.items.iter().all(|c| !c.clauses.is_empty())
    }
}

impl Serialize for CoverageReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        #[derive(Serialize)]
        struct Row<'a> {
            id: &'static str,
            article: &'static str,
            name: &'static str,
            clauses: &'a [String],
            covered: bool,
        }
        let rows: Vec<Row<'_>> = self
            .items
            .iter()
            .map(|c| Row {
                id: c.item.id(),
                article: c.item.article(),
                name: c.item.name(),
                clauses: &c.clauses,
                covered: !c.clauses.is_empty(),
            })
            .collect();
        let mut st = s.serialize_struct("CoverageReport", 1)?;
        st.serialize_field("coverage", &rows)?;
        st.end()
    }
}

/// Words in a product or use description that suggest special categories
/// (art. 9), criminal data (art. 10) or government identifiers, in Dutch and
/// English. Matched as whole words, case-insensitively.
const ART9_WORDS: &[&str] = &[
    "gezondheid",
    "gezondheidsgegevens",
    "medisch",
    "medische",
    "patiënt",
    "patiënten",
    "zorgdossier",
    "biometrisch",
    "biometrische",
    "genetisch",
    "genetische",
    "health",
    "medical",
    "patient",
    "patients",
    "biometric",
    "genetic",
];
const ART10_WORDS: &[&str] = &[
    "strafrechtelijk",
    "strafrechtelijke",
    "strafblad",
    "criminal",
    "convictions",
];
const ID_WORDS: &[&str] = &["bsn", "burgerservicenummer", "sofinummer"];

/// `art28-item-uncovered` for each item no clause covers after the
/// deviations; if the built-in coverage table were malformed, one such error
/// saying that the coverage was not checked.
fn uncovered(a: &Agreement) -> Vec<Finding> {
    if let Err(e) = art28::edition_clauses(a.clauses.edition) {
        return vec![Finding::new(
            FindingCode::Art28ItemUncovered,
            format!("the coverage of GDPR art. 28 was not checked: {e}"),
            "GDPR art. 28".to_owned(),
            Some("clauses".to_owned()),
        )];
    }
    coverage(a)
        .into_iter()
        .filter(|cov| cov.clauses.is_empty())
        .map(|cov| {
            Finding::new(
                FindingCode::Art28ItemUncovered,
                format!(
                    "no clause covers {} after the agreement's deviations",
                    cov.item
                ),
                cov.item.article().to_owned(),
                Some("clauses".to_owned()),
            )
        })
        .collect()
}

fn mentions<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|tok| words.iter().find(|w| **w == tok).copied())
}

/// The completeness and statement-consistency findings.
pub(crate) fn findings(a: &Agreement) -> Vec<Finding> {
    let mut out = uncovered(a);
    let s = &a.statement;
    let sc = &s.special_categories;
    let mut texts: Vec<(String, &str)> = Vec::new();
    for (i, p) in s.products.iter().enumerate() {
        texts.push((format!("statement.products[{i}].name"), p.name.as_str()));
        if let Some(d) = &p.description {
            texts.push((format!("statement.products[{i}].description"), d.as_str()));
        }
    }
    if let Some(u) = &s.intended_use {
        texts.push(("statement.intended_use.text".to_owned(), u.text.as_str()));
    }
    for (decl, label, article, words) in [
        (
            sc.art9,
            "special categories of personal data",
            "GDPR art. 9",
            ART9_WORDS,
        ),
        (
            sc.art10,
            "criminal-conviction data",
            "GDPR art. 10",
            ART10_WORDS,
        ),
        (
            sc.government_identifiers,
            "government-issued identification numbers",
            "GDPR art. 87",
            ID_WORDS,
        ),
    ] {
        if decl != crate::model::Declaration::NotDesignedFor {
            continue;
        }
        if let Some((path, word)) = texts
            .iter()
            .find_map(|(path, t)| mentions(t, words).map(|w| (path, w)))
        {
            out.push(Finding::new(
                FindingCode::SpecialCategoriesContradicted,
                format!(
                    "the statement says the product is not designed for {label}, but `{path}` mentions \"{word}\""
                ),
                crate::citation::cite(&sc.source, [article]),
                Some(path.clone()),
            ));
        }
    }
    out
}
