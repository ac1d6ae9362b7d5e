//! Completeness against GDPR art. 28: which clauses of each standard-clause
//! edition satisfy the items a processing agreement must contain (art. 28(2),
//! 28(3)(a)–(h) and 28(4)), and which items an agreement leaves uncovered
//! after its deviations.
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

use std::fmt;

use serde::Serialize;

use crate::finding::{Finding, FindingCode};
use crate::model::{Agreement, DeviationKind, Edition, Numbering};

/// An item GDPR art. 28 requires of a processing agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Art28Item {
    /// Art. 28(2): no sub-processor without prior specific or general written
    /// authorisation; under a general one, changes are notified so the
    /// controller can object.
    SubProcessorAuthorisation,
    /// Art. 28(3)(a): processing only on documented instructions.
    Instructions,
    /// Art. 28(3)(b): persons authorised to process are bound to confidentiality.
    Confidentiality,
    /// Art. 28(3)(c): the measures required by art. 32.
    Security,
    /// Art. 28(3)(d): the conditions of art. 28(2) and 28(4) for sub-processors.
    SubProcessorConditions,
    /// Art. 28(3)(e): assistance with data subjects' requests (chapter III).
    DataSubjectAssistance,
    /// Art. 28(3)(f): assistance with art. 32–36 (security, breaches, DPIA).
    ComplianceAssistance,
    /// Art. 28(3)(g): deletion or return of the data at the end.
    DeletionOrReturn,
    /// Art. 28(3)(h): information to demonstrate compliance; audits.
    InformationAndAudits,
    /// Art. 28(4): the same obligations imposed on sub-processors; the
    /// processor stays liable.
    SubProcessorFlowDown,
}

impl Art28Item {
    /// Every item, in article order.
    pub const ALL: [Art28Item; 10] = [
        Art28Item::SubProcessorAuthorisation,
        Art28Item::Instructions,
        Art28Item::Confidentiality,
        Art28Item::Security,
        Art28Item::SubProcessorConditions,
        Art28Item::DataSubjectAssistance,
        Art28Item::ComplianceAssistance,
        Art28Item::DeletionOrReturn,
        Art28Item::InformationAndAudits,
        Art28Item::SubProcessorFlowDown,
    ];

    /// The article, e.g. `GDPR art. 28(3)(b)`.
    pub const fn article(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "GDPR art. 28(2)",
            Art28Item::Instructions => "GDPR art. 28(3)(a)",
            Art28Item::Confidentiality => "GDPR art. 28(3)(b)",
            Art28Item::Security => "GDPR art. 28(3)(c)",
            Art28Item::SubProcessorConditions => "GDPR art. 28(3)(d)",
            Art28Item::DataSubjectAssistance => "GDPR art. 28(3)(e)",
            Art28Item::ComplianceAssistance => "GDPR art. 28(3)(f)",
            Art28Item::DeletionOrReturn => "GDPR art. 28(3)(g)",
            Art28Item::InformationAndAudits => "GDPR art. 28(3)(h)",
            Art28Item::SubProcessorFlowDown => "GDPR art. 28(4)",
        }
    }

    /// What the item requires, in a few words.
    pub const fn name(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "authorisation of sub-processors",
            Art28Item::Instructions => "processing on documented instructions",
            Art28Item::Confidentiality => "confidentiality of the persons processing",
            Art28Item::Security => "security measures (art. 32)",
            Art28Item::SubProcessorConditions => "conditions for engaging sub-processors",
            Art28Item::DataSubjectAssistance => "assistance with data subjects' requests",
            Art28Item::ComplianceAssistance => "assistance with art. 32-36",
            Art28Item::DeletionOrReturn => "deletion or return at the end",
            Art28Item::InformationAndAudits => "information and audits",
            Art28Item::SubProcessorFlowDown => "the same obligations for sub-processors",
        }
    }

    /// A stable identifier (`28-3-b`).
    pub const fn id(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "28-2",
            Art28Item::Instructions => "28-3-a",
            Art28Item::Confidentiality => "28-3-b",
            Art28Item::Security => "28-3-c",
            Art28Item::SubProcessorConditions => "28-3-d",
            Art28Item::DataSubjectAssistance => "28-3-e",
            Art28Item::ComplianceAssistance => "28-3-f",
            Art28Item::DeletionOrReturn => "28-3-g",
            Art28Item::InformationAndAudits => "28-3-h",
            Art28Item::SubProcessorFlowDown => "28-4",
        }
    }
}

impl fmt::Display for Art28Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.article())
    }
}

impl Serialize for Art28Item {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

use Art28Item as I;

/// One clause of an edition and the art. 28 items it satisfies, numbered as
/// the edition numbers it (article, paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseCoverage {
    /// The article.
    pub article: u8,
    /// The paragraph.
    pub paragraph: u8,
    /// What the clause says, in a few words.
    pub topic: &'static str,
    /// The items it satisfies.
    pub items: &'static [Art28Item],
}

const fn c(
    article: u8,
    paragraph: u8,
    topic: &'static str,
    items: &'static [Art28Item],
) -> ClauseCoverage {
    ClauseCoverage {
        article,
        paragraph,
        topic,
        items,
    }
}

/// The Nederland ICT standard clauses as in use in 2019 (Belco's part 2,
/// which numbers them 2.1–2.9; read from the clause texts).
const NEDERLAND_ICT_2019: &[ClauseCoverage] = &[
    c(
        2,
        3,
        "processing on the client's written instructions",
        &[I::Instructions],
    ),
    c(
        3,
        1,
        "technical and organisational security measures",
        &[I::Security, I::ComplianceAssistance],
    ),
    c(
        4,
        1,
        "breach notice to the client",
        &[I::ComplianceAssistance],
    ),
    c(
        4,
        2,
        "information for notices under art. 33 and 34",
        &[I::ComplianceAssistance],
    ),
    c(
        5,
        1,
        "confidentiality of the persons processing",
        &[I::Confidentiality],
    ),
    c(
        6,
        3,
        "deletion or return at the end",
        &[I::DeletionOrReturn],
    ),
    c(
        7,
        1,
        "cooperation with data subjects' rights",
        &[I::DataSubjectAssistance],
    ),
    c(
        7,
        2,
        "cooperation with a DPIA and prior consultation (art. 35, 36)",
        &[I::ComplianceAssistance],
    ),
    c(
        7,
        3,
        "compliance shown by certificate or third-party memorandum",
        &[I::InformationAndAudits],
    ),
    c(
        7,
        4,
        "information on request; audits",
        &[I::InformationAndAudits],
    ),
    c(
        8,
        2,
        "general authorisation for sub-processors",
        &[I::SubProcessorAuthorisation, I::SubProcessorConditions],
    ),
    c(
        8,
        3,
        "changes notified, right to object, same security level",
        &[
            I::SubProcessorAuthorisation,
            I::SubProcessorConditions,
            I::SubProcessorFlowDown,
        ],
    ),
];

/// The NLdigital standard clauses, version March 2025.
const NLDIGITAL_2025: &[ClauseCoverage] = &[
    c(
        2,
        3,
        "processing on the client's written instructions",
        &[I::Instructions],
    ),
    c(
        3,
        1,
        "technical and organisational security measures",
        &[I::Security, I::ComplianceAssistance],
    ),
    c(
        4,
        1,
        "breach notice to the client",
        &[I::ComplianceAssistance],
    ),
    c(
        4,
        3,
        "information for notices under art. 33 and 34",
        &[I::ComplianceAssistance],
    ),
    c(
        5,
        1,
        "confidentiality of the persons processing",
        &[I::Confidentiality],
    ),
    c(
        6,
        3,
        "deletion or return at the end",
        &[I::DeletionOrReturn],
    ),
    c(
        7,
        1,
        "cooperation with data subjects' rights",
        &[I::DataSubjectAssistance],
    ),
    c(
        7,
        2,
        "cooperation with a DPIA and prior consultation (art. 35, 36)",
        &[I::ComplianceAssistance],
    ),
    c(
        7,
        3,
        "cooperation with deletion requests",
        &[I::DataSubjectAssistance],
    ),
    c(
        7,
        4,
        "compliance shown by certificate or third-party memorandum",
        &[I::InformationAndAudits],
    ),
    c(
        7,
        5,
        "information on request; audits",
        &[I::InformationAndAudits],
    ),
    c(
        8,
        2,
        "general authorisation for sub-processors",
        &[I::SubProcessorAuthorisation, I::SubProcessorConditions],
    ),
    c(
        8,
        3,
        "changes notified, right to object, same security level",
        &[
            I::SubProcessorAuthorisation,
            I::SubProcessorConditions,
            I::SubProcessorFlowDown,
        ],
    ),
];

/// The clauses of `edition` that satisfy art. 28 items.
pub fn edition_coverage(edition: Edition) -> &'static [ClauseCoverage] {
    match edition {
        Edition::NederlandIct2019 => NEDERLAND_ICT_2019,
        _ => NLDIGITAL_2025,
    }
}

/// Parses an agreement's clause reference (`clause 2.5.1` under part-2
/// numbering, `clause 5.1` otherwise) into article and paragraph.
fn article_paragraph(numbering: Numbering, clause: &str) -> Option<(u8, u8)> {
    let rest = clause.strip_prefix("clause ")?;
    let rest = match numbering {
        Numbering::Part2Prefixed => rest.strip_prefix("2.")?,
        _ => rest,
    };
    let (a, p) = rest.split_once('.')?;
    Some((a.parse().ok()?, p.parse().ok()?))
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
        .filter_map(|d| article_paragraph(numbering, d.clause.as_str()))
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

fn mentions<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|tok| words.iter().find(|w| **w == tok).copied())
}

/// The completeness and statement-consistency findings.
pub(crate) fn findings(a: &Agreement) -> Vec<Finding> {
    let mut out = Vec::new();
    for cov in coverage(a) {
        if cov.clauses.is_empty() {
            out.push(Finding::new(
                FindingCode::Art28ItemUncovered,
                format!(
                    "no clause covers {} after the agreement's deviations",
                    cov.item
                ),
                cov.item.article().to_owned(),
                Some("clauses".to_owned()),
            ));
        }
    }
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
