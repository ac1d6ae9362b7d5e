//! The unmodified text of the editions of the standard clauses the library
//! holds (`data/standard-clauses.tsv`), clause by clause: the reference a
//! statement's part 2 is compared with by `dpa import` to find the
//! processor's deviations (issue 18 point 3, "keep the editions' clause
//! texts as reference data for this comparison").
//!
//! Only the NLdigital edition of March 2025 is on file: seed 004 (Alles
//! Online B.V., Verwerkersovereenkomst v1.0, Deel 2, "Versie: maart 2025")
//! publishes it unmodified (DESIGN.md, "the unmodified standard clauses of
//! March 2025"). The 2018 and 2019 editions are not (Belco's seed holds a
//! modified copy of the 2019 one), so [`clauses`] gives `None` for them.

use std::sync::LazyLock;

use super::{Table, TableError};
use crate::error::Result;
use crate::model::Edition;

/// The table: `data/standard-clauses.tsv` and its columns.
const STANDARD_CLAUSES: Table<4> = Table {
    file: "standard-clauses.tsv",
    what: "standard clauses' texts",
    columns: ["edition", "clause", "text", "source"],
    text: include_str!("../../data/standard-clauses.tsv"),
};

/// Each edition on file with its clauses, in the table's order.
type Editions = Vec<(Edition, Vec<ReferenceClause>)>;

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<std::result::Result<Editions, TableError>> =
    LazyLock::new(|| parse_table(&STANDARD_CLAUSES));

/// One clause of an edition, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReferenceClause {
    /// Its number in the edition (`6.3`), or an article's number alone
    /// (`9`) for the article's unnumbered text.
    pub(crate) number: &'static str,
    /// Its text, normalised (one line, single spaces, no bullet, emphasis
    /// or clause number).
    pub(crate) text: &'static str,
    /// Where the text was read.
    pub(crate) source: &'static str,
}

/// The clauses of `edition` in the edition's order, or `None` for an
/// edition whose unmodified text is not on file.
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `standard-clauses.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub(crate) fn clauses(edition: Edition) -> Result<Option<&'static [ReferenceClause]>> {
    let table = TABLE.as_deref().map_err(TableError::to_error)?;
    Ok(table
        .iter()
        .find(|(e, _)| *e == edition)
        .map(|(_, c)| c.as_slice()))
}

/// The editions whose text is on file, in the table's order.
pub(crate) fn editions_on_file() -> Vec<Edition> {
    TABLE
        .as_deref()
        .map(|t| t.iter().map(|(e, _)| *e).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Parsing the table

fn parse_table(table: &Table<4>) -> std::result::Result<Editions, TableError> {
    let rows = table.read(|line, [edition, number, text, source]| {
        let edition: Edition = edition.parse().map_err(|e| format!("edition: {e}"))?;
        let well_formed = number.split('.').count() <= 2
            && number
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(format!(
                "clause: `{number}` is not a clause number (`6.3`, or `9` for an article's unnumbered text)"
            ));
        }
        if text.contains("  ") || text == "-" {
            return Err("text: not normalised (double space) or empty".to_owned());
        }
        Ok((
            line,
            edition,
            ReferenceClause {
                number,
                text,
                source,
            },
        ))
    })?;
    table.by_edition(rows, |clauses, clause, edition| {
        if clauses.iter().any(|c| c.number == clause.number) {
            return Err(format!(
                "clause {} of `{edition}` is listed twice",
                clause.number
            ));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::numbering::edition_articles;

    /// Every clause number of the edition, in order, none missing and none
    /// empty: the numbered paragraphs of `clause-numbering.tsv`, each
    /// article's unnumbered text (`9`) where it has no numbered paragraphs,
    /// and an article's opening sentence (`1`) before its first paragraph
    /// where the edition has one.
    /// Source: NLdigital Standaardclausules voor verwerkingen, versie maart
    /// 2025, as published in seed 004, Deel 2 (articles 1-9).
    #[test]
    fn every_clause_of_the_edition_is_present_in_order() {
        let table = TABLE.as_ref().expect("standard-clauses.tsv parses");
        assert_eq!(editions_on_file(), [Edition::Nldigital2025]);
        for (edition, clauses) in table {
            let articles = edition_articles(*edition)
                .expect("numbering table")
                .expect("an edition on file is counted in clause-numbering.tsv");
            let mut expected: Vec<String> = Vec::new();
            for a in articles {
                match a.paragraphs {
                    None => expected.push(a.number.to_string()),
                    Some(n) => {
                        if clauses.iter().any(|c| c.number == a.number.to_string()) {
                            expected.push(a.number.to_string());
                        }
                        expected.extend((1..=n).map(|p| format!("{}.{p}", a.number)));
                    }
                }
            }
            let numbers: Vec<&str> = clauses.iter().map(|c| c.number).collect();
            assert_eq!(numbers, expected, "{edition}");
            for c in clauses {
                assert!(c.text.split_whitespace().count() >= 3, "{}", c.number);
                assert!(!c.text.contains("**"), "{}", c.number);
                assert!(!c.text.starts_with(['-', '*', '•']), "{}", c.number);
                assert!(c.source.contains("seed 004"), "{}", c.number);
            }
        }
        assert_eq!(table[0].1.len(), 47);
    }

    /// Clauses the rules cite read as published.
    /// Source: versie maart 2025, art. 2.2 (the 30-day window) and 6.3.
    #[test]
    fn clauses_read_as_published() {
        let all = clauses(Edition::Nldigital2025).unwrap().unwrap();
        let text = |n: &str| all.iter().find(|c| c.number == n).unwrap().text;
        assert!(text("2.2").contains("binnen 30 dagen na kennisgeving"));
        assert!(text("6.3").contains("(render inaccessable)"));
        assert!(text("1.1").starts_with("Autoriteit Persoonsgegevens (AP): toezichthoudende"));
        assert!(text("9").starts_with("Deze Standaardclausules voor verwerkingen vormen"));
        assert_eq!(clauses(Edition::NederlandIct2019).unwrap(), None);
        assert_eq!(clauses(Edition::NederlandIct2018).unwrap(), None);
    }

    #[test]
    fn malformed_tables_are_errors_not_panics() {
        let header = "edition\tclause\ttext\tsource\n";
        for (rows, message) in [
            ("nldigital-2025\t1.a\tt u v\ts\n", "not a clause number"),
            ("nldigital-2025\t1.1.1\tt u v\ts\n", "not a clause number"),
            ("nldigital-2025\t1.1\tt  u\ts\n", "not normalised"),
            ("nldigital-2026\t1.1\tt\ts\n", "edition:"),
            (
                "nldigital-2025\t1.1\tt\ts\nnldigital-2025\t1.1\tu\ts\n",
                "listed twice",
            ),
            (
                "nldigital-2025\t1.1\tt\ts\nnederland-ict-2019\t1.1\tt\ts\nnldigital-2025\t1.2\tt\ts\n",
                "not together",
            ),
        ] {
            let text: &'static str = Box::leak(format!("{header}{rows}").into_boxed_str());
            let table = Table {
                text,
                ..STANDARD_CLAUSES
            };
            let err = parse_table(&table).expect_err(rows);
            assert!(err.message.contains(message), "{}", err.message);
        }
    }
}
