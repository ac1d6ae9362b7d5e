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
        assert_eq!(c.number(), fields[1]);
        assert_eq!(c.topic, fields[3]);
        // The source names the clause as its document numbers it, and the
        // seed it was read from.
        let (number, seed) = match edition {
            Edition::NederlandIct2019 => (
                format!("clause 2.{}", c.number()),
                "seed 000_c1f65ed3306cc29c.txt",
            ),
            Edition::Nldigital2025 => (
                format!("versie maart 2025, art. {}", c.number()),
                "seed 004_2fa0e1cf0f6e1a05.txt",
            ),
            other => panic!("{other} has no text on file and so no rows"),
        };
        assert!(c.source().contains(&number), "{}", c.source());
        assert!(c.source().ends_with(seed), "{}", c.source());
    }
}

/// The requirements each edition's clauses satisfy, and those no clause
/// satisfies (legal-requirement notice, infringing-instruction notice, the
/// other obligations for sub-processors, and what only a statement states).
#[test]
fn clauses_per_requirement() {
    let common = [
        ("sub-processor-authorisation", "8.2"),
        ("sub-processor-changes-notified", "8.3"),
        ("sub-processor-objection", "8.3"),
        ("subject-matter", "2.1"),
        ("duration", "6.1 6.2"),
        ("nature-and-purpose", ""),
        ("data-types", ""),
        ("data-subjects", ""),
        ("controller-obligations-and-rights", "2.4 2.7"),
        ("documented-instructions", "2.3"),
        ("legal-requirement-notice", ""),
        ("confidentiality", "5.1"),
        ("security-measures", "3.1"),
        ("security-assistance", "3.1"),
        ("dpia-assistance", "7.2"),
        ("deletion-or-return", "6.3"),
        ("data-return", "6.3"),
        ("infringing-instruction-notice", ""),
        ("flow-down-security", "8.3"),
        ("flow-down-obligations", ""),
    ];
    let only_2019 = [
        ("data-subject-assistance", "7.1"),
        ("breach-assistance", "4.1 4.2"),
        ("compliance-information", "7.3 7.4"),
        ("audits", "7.4"),
    ];
    let only_2025 = [
        ("data-subject-assistance", "7.1 7.3"),
        ("breach-assistance", "4.1 4.3"),
        ("compliance-information", "7.4 7.5"),
        ("audits", "7.5"),
    ];
    for (edition, own, limit) in [
        (Edition::NederlandIct2019, only_2019, "9.1"),
        (Edition::Nldigital2025, only_2025, "9"),
    ] {
        let mut expected: Vec<(&str, String)> = common
            .iter()
            .chain(own.iter())
            .map(|(r, c)| (*r, (*c).to_owned()))
            .collect();
        expected.sort_unstable();
        let mut got: Vec<(&str, String)> = Requirement::ALL
            .iter()
            .map(|r| {
                let numbers: Vec<String> = clauses(edition)
                    .iter()
                    .filter(|c| c.requirements().contains(r))
                    .map(ClauseCoverage::number)
                    .collect();
                (r.as_str(), numbers.join(" "))
            })
            .collect();
        got.sort_unstable();
        assert_eq!(got, expected, "{edition}");
        let limits: Vec<String> = clauses(edition)
            .iter()
            .filter(|c| c.role == ClauseRole::LimitsLiability)
            .map(ClauseCoverage::number)
            .collect();
        assert_eq!(limits, [limit], "{edition}");
    }
}

/// Every requirement belongs to an item, and 28(3)(d) needs exactly those of
/// 28(2) and 28(4).
#[test]
fn items_and_requirements() {
    for r in Requirement::ALL {
        assert!(
            Art28Item::ALL.iter().any(|i| i.requirements().contains(r)),
            "{r}"
        );
        assert!(!r.text().is_empty());
    }
    let d: Vec<Requirement> = Art28Item::SubProcessorAuthorisation
        .requirements()
        .iter()
        .chain(Art28Item::SubProcessorFlowDown.requirements())
        .copied()
        .collect();
    assert_eq!(Art28Item::SubProcessorConditions.requirements(), d);
    let ids: Vec<&str> = Art28Item::ALL.iter().map(|i| i.id()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
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
    let both = "nederland-ict-2019\t2.3\tdocumented-instructions\tt\ts\nnldigital-2025\t9\tliability-limit\tt\ts";
    assert!(parse_with_header(both).is_ok());
    let cases = [
        (
            "nldigital-2019\t2.3\tconfidentiality\tt\ts",
            "edition: unknown edition",
        ),
        (
            "nldigital-2025\t2.\tconfidentiality\tt\ts",
            "clause: `2.` is not",
        ),
        (
            "nldigital-2025\t2.x\tconfidentiality\tt\ts",
            "clause: `2.x` is not",
        ),
        (
            "nldigital-2025\t0\tconfidentiality\tt\ts",
            "clause: `0` is not",
        ),
        (
            "nldigital-2025\t2.3\t28-3-b\tt\ts",
            "`28-3-b` is not an art. 28 requirement",
        ),
        (
            "nldigital-2025\t2.3\tconfidentiality liability-limit\tt\ts",
            "`liability-limit` is not an art. 28 requirement",
        ),
        (
            "nldigital-2025\t2.3\tconfidentiality confidentiality\tt\ts",
            "listed twice",
        ),
        ("nldigital-2025\t2.3\t-\tt\ts", "at least one requirement"),
        (
            "nldigital-2025\t2.3\tconfidentiality\t-\ts",
            "topic and source",
        ),
        (
            "nldigital-2025\t2.3\tconfidentiality\tt\t-",
            "topic and source",
        ),
        ("nldigital-2025\t2.3\tconfidentiality\tt", "has 4 columns"),
        (
            "nldigital-2025\t2.3\tconfidentiality\tt\ts\nnldigital-2025\t2.3\taudits\tt\ts",
            "clause 2.3 is not after clause 2.3",
        ),
        (
            "nldigital-2025\t2.3\tconfidentiality\tt\ts\nnederland-ict-2019\t2.3\taudits\tt\ts\nnldigital-2025\t3.1\taudits\tt\ts",
            "the rows of edition `nldigital-2025` are not together",
        ),
        (
            "nldigital-2025\t2.3\tconfidentiality\tt\ts",
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
