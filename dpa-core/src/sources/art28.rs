//! The art. 28 coverage table, `data/art28-coverage.tsv`: for each edition
//! of the standard clauses, the clauses that satisfy the items GDPR art. 28
//! requires of a processing agreement (art. 28(2), 28(3)(a)-(h), 28(4)).
//! One row per clause per edition; its `source` column says where the clause
//! text is (the document, its clause number there and the seed it was read
//! from).
//!
//! [`crate::completeness`] re-exports [`Art28Item`] and [`ClauseCoverage`]
//! and applies the table to an agreement's deviations. Besides the row
//! checks of [`Table::read`], the rows of one edition must be together and
//! in clause order (so no clause is listed twice), and every edition must
//! have rows.

use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use super::{Table, TableError, opt};
use crate::error::Result;
use crate::model::Edition;

/// The table: `data/art28-coverage.tsv` and its columns.
const ART28_COVERAGE: Table<5> = Table {
    file: "art28-coverage.tsv",
    what: "GDPR art. 28 coverage",
    columns: ["edition", "clause", "items", "topic", "source"],
    text: include_str!("../../data/art28-coverage.tsv"),
};

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<Result<Vec<EditionClauses>, TableError>> =
    LazyLock::new(|| parse_table(&ART28_COVERAGE));

/// An item GDPR art. 28 requires of a processing agreement.
///
/// Not a `spelled_enum!`: an item has three texts (its [`id`](Self::id), its
/// [`article`](Self::article) and its [`name`](Self::name)), and it displays
/// as its name and article, not as its id.
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

/// One clause of an edition and the art. 28 items it satisfies, numbered as
/// the edition numbers it (article, paragraph): a row of
/// `dpa-core/data/art28-coverage.tsv`.
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
    source: &'static str,
}

impl ClauseCoverage {
    /// Where the clause text is: the document, the clause's number there and
    /// the seed file it was read from, e.g. `NLdigital Standaardclausules
    /// voor verwerkingen, versie maart 2025, art. 5.1, ...`.
    pub fn source(&self) -> &'static str {
        self.source
    }
}

/// The rows of one edition, in clause order.
#[derive(Debug)]
struct EditionClauses {
    edition: Edition,
    clauses: Vec<ClauseCoverage>,
}

/// The clauses of `edition` that satisfy art. 28 items, in clause order.
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `art28-coverage.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub(crate) fn edition_clauses(edition: Edition) -> Result<&'static [ClauseCoverage]> {
    let table = TABLE.as_deref().map_err(TableError::to_error)?;
    Ok(table
        .iter()
        .find(|e| e.edition == edition)
        .map_or(&[], |e| e.clauses.as_slice()))
}

// ---------------------------------------------------------------------------
// Parsing the table

fn parse_table(table: &Table<5>) -> Result<Vec<EditionClauses>, TableError> {
    let rows = table.read(parse_row)?;
    let mut editions: Vec<EditionClauses> = Vec::new();
    for (line, edition, clause) in rows {
        let same = editions.last().is_some_and(|e| e.edition == edition);
        if !same && editions.iter().any(|e| e.edition == edition) {
            return Err(table.error(
                line,
                format!("the rows of edition `{edition}` are not together"),
            ));
        }
        let Some(current) = editions.last_mut().filter(|_| same) else {
            editions.push(EditionClauses {
                edition,
                clauses: vec![clause],
            });
            continue;
        };
        if let Some(prev) = current.clauses.last()
            && (prev.article, prev.paragraph) >= (clause.article, clause.paragraph)
        {
            return Err(table.error(
                line,
                format!(
                    "clause {}.{} is not after clause {}.{}: the rows of an edition are in clause order",
                    clause.article, clause.paragraph, prev.article, prev.paragraph
                ),
            ));
        }
        current.clauses.push(clause);
    }
    if let Some(missing) = Edition::ALL
        .iter()
        .find(|e| !editions.iter().any(|c| c.edition == **e))
    {
        return Err(table.error(
            table.text.lines().count(),
            format!("the edition `{missing}` has no rows"),
        ));
    }
    Ok(editions)
}

/// One row: its line, its edition and the clause.
fn parse_row(
    line: usize,
    [edition, clause, items, topic, source]: [&'static str; 5],
) -> Result<(usize, Edition, ClauseCoverage), String> {
    let edition: Edition = edition.parse().map_err(|e| format!("edition: {e}"))?;
    let (article, paragraph) = parse_clause(clause)
        .ok_or_else(|| format!("clause: `{clause}` is not article.paragraph (e.g. `5.1`)"))?;
    if opt(items).is_none() {
        return Err("items: at least one item is required".to_owned());
    }
    let mut list: Vec<Art28Item> = Vec::new();
    for id in items.split(' ').filter(|s| !s.is_empty()) {
        let item = Art28Item::ALL
            .iter()
            .copied()
            .find(|i| i.id() == id)
            .ok_or_else(|| format!("items: `{id}` is not an art. 28 item (e.g. `28-3-b`)"))?;
        if list.contains(&item) {
            return Err(format!("items: `{id}` is listed twice"));
        }
        list.push(item);
    }
    if opt(topic).is_none() || opt(source).is_none() {
        return Err("topic and source are required".to_owned());
    }
    let clause = ClauseCoverage {
        article,
        paragraph,
        topic,
        // The table is parsed once per process; its rows live as long.
        items: list.leak(),
        source,
    };
    Ok((line, edition, clause))
}

/// `article.paragraph`, both from 1 to 99.
fn parse_clause(clause: &str) -> Option<(u8, u8)> {
    let (a, p) = clause.split_once('.')?;
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u8>().ok())
            .flatten()
            .filter(|n| (1..=99).contains(n))
    };
    Some((number(a)?, number(p)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn clauses(edition: Edition) -> &'static [ClauseCoverage] {
        edition_clauses(edition).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A plain reading of the file, independent of the parser.
    fn raw_rows() -> Vec<Vec<&'static str>> {
        ART28_COVERAGE
            .text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("edition\t"))
            .map(|l| l.split('\t').collect())
            .collect()
    }

    #[test]
    fn every_row_parses_and_is_consistent() {
        let raw = raw_rows();
        let parsed: Vec<(Edition, &ClauseCoverage)> = Edition::ALL
            .iter()
            .flat_map(|&e| clauses(e).iter().map(move |c| (e, c)))
            .collect();
        assert_eq!(parsed.len(), raw.len());
        for ((edition, c), fields) in parsed.iter().zip(&raw) {
            assert_eq!(fields.len(), 5, "{fields:?}");
            assert_eq!(edition.as_str(), fields[0]);
            assert_eq!(format!("{}.{}", c.article, c.paragraph), fields[1]);
            assert_eq!(c.topic, fields[3]);
            // The source names the clause as its document numbers it, and
            // the seed it was read from.
            let (number, seed) = match edition {
                Edition::NederlandIct2019 => (
                    format!("clause 2.{}.{}", c.article, c.paragraph),
                    "seed 000_c1f65ed3306cc29c.txt",
                ),
                Edition::Nldigital2025 => (
                    format!("versie maart 2025, art. {}.{},", c.article, c.paragraph),
                    "seed 004_2fa0e1cf0f6e1a05.txt",
                ),
            };
            assert!(c.source().contains(&number), "{}", c.source());
            assert!(c.source().ends_with(seed), "{}", c.source());
        }
    }

    /// Each edition covers every item; the clauses per item are those the
    /// coverage rule reported before the table became a file.
    #[test]
    fn coverage_per_item() {
        let expected_2019 = [
            ("28-2", "8.2 8.3"),
            ("28-3-a", "2.3"),
            ("28-3-b", "5.1"),
            ("28-3-c", "3.1"),
            ("28-3-d", "8.2 8.3"),
            ("28-3-e", "7.1"),
            ("28-3-f", "3.1 4.1 4.2 7.2"),
            ("28-3-g", "6.3"),
            ("28-3-h", "7.3 7.4"),
            ("28-4", "8.3"),
        ];
        let expected_2025 = [
            ("28-2", "8.2 8.3"),
            ("28-3-a", "2.3"),
            ("28-3-b", "5.1"),
            ("28-3-c", "3.1"),
            ("28-3-d", "8.2 8.3"),
            ("28-3-e", "7.1 7.3"),
            ("28-3-f", "3.1 4.1 4.3 7.2"),
            ("28-3-g", "6.3"),
            ("28-3-h", "7.4 7.5"),
            ("28-4", "8.3"),
        ];
        for (edition, expected) in [
            (Edition::NederlandIct2019, expected_2019),
            (Edition::Nldigital2025, expected_2025),
        ] {
            let got: Vec<(&str, String)> = Art28Item::ALL
                .iter()
                .map(|item| {
                    let numbers: Vec<String> = clauses(edition)
                        .iter()
                        .filter(|c| c.items.contains(item))
                        .map(|c| format!("{}.{}", c.article, c.paragraph))
                        .collect();
                    (item.id(), numbers.join(" "))
                })
                .collect();
            let expected: Vec<(&str, String)> = expected
                .iter()
                .map(|(i, c)| (*i, (*c).to_owned()))
                .collect();
            assert_eq!(got, expected, "{edition}");
        }
    }

    /// The table with `rows` under the header, as a `'static` text.
    fn parse_with_header(rows: &str) -> Result<Vec<EditionClauses>, TableError> {
        let header = ART28_COVERAGE.columns.join("\t");
        let text: &'static str = Box::leak(format!("# comment\n{header}\n{rows}").into_boxed_str());
        parse_table(&Table {
            text,
            ..ART28_COVERAGE
        })
    }

    #[test]
    fn malformed_tables_are_errors_not_panics() {
        let both = "nederland-ict-2019\t2.3\t28-3-a\tt\ts\nnldigital-2025\t2.3\t28-3-a\tt\ts";
        assert!(parse_with_header(both).is_ok());
        let cases = [
            (
                "nldigital-2019\t2.3\t28-3-a\tt\ts",
                "edition: unknown edition",
            ),
            ("nldigital-2025\t2\t28-3-a\tt\ts", "clause: `2` is not"),
            ("nldigital-2025\t2.x\t28-3-a\tt\ts", "clause: `2.x` is not"),
            (
                "nldigital-2025\t2.3\t28-3-z\tt\ts",
                "`28-3-z` is not an art. 28 item",
            ),
            ("nldigital-2025\t2.3\t28-3-a 28-3-a\tt\ts", "listed twice"),
            ("nldigital-2025\t2.3\t-\tt\ts", "at least one item"),
            ("nldigital-2025\t2.3\t28-3-a\t-\ts", "topic and source"),
            ("nldigital-2025\t2.3\t28-3-a\tt\t-", "topic and source"),
            ("nldigital-2025\t2.3\t28-3-a\tt", "has 4 columns"),
            (
                "nldigital-2025\t2.3\t28-3-a\tt\ts\nnldigital-2025\t2.3\t28-3-b\tt\ts",
                "clause 2.3 is not after clause 2.3",
            ),
            (
                "nldigital-2025\t2.3\t28-3-a\tt\ts\nnederland-ict-2019\t2.3\t28-3-a\tt\ts\nnldigital-2025\t3.1\t28-3-c\tt\ts",
                "the rows of edition `nldigital-2025` are not together",
            ),
            (
                "nldigital-2025\t2.3\t28-3-a\tt\ts",
                "the edition `nederland-ict-2019` has no rows",
            ),
        ];
        for (rows, expected) in cases {
            let err = parse_with_header(rows).unwrap_err();
            assert!(err.message.contains(expected), "{expected}: {err:?}");
            assert!(err.line >= 3, "{err:?}");
        }
        let err = parse_with_header("x").unwrap_err().to_error();
        assert!(matches!(err, Error::Internal(_)), "{err:?}");
        assert!(
            err.to_string().contains(
                "the built-in table of GDPR art. 28 coverage is malformed: art28-coverage.tsv line 3"
            ),
            "{err}"
        );
    }
}
