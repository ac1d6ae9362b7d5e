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
//!
//! Beside the text, the values the edition sets by its own words
//! (`data/edition-terms.tsv`, [`edition_terms`]): what a draft of `dpa
//! import` takes from the edition where the statement uses it and says
//! nothing of them (`import::draft`).

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

/// The terms each edition sets by its own words: `data/edition-terms.tsv`
/// and its columns.
const EDITION_TERMS: Table<6> = Table {
    file: "edition-terms.tsv",
    what: "editions' terms",
    columns: ["edition", "field", "value", "clause", "role", "reading"],
    text: include_str!("../../data/edition-terms.tsv"),
};

/// A value an edition sets by its own words, as the agreement format
/// writes it: for a draft whose part 2 is that edition's text, or whose
/// statement names the edition without reproducing it, where the
/// statement says nothing of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EditionTerm {
    /// Its path in an agreement file: `terms.<table>.<key>`.
    pub(crate) field: &'static str,
    /// The value as TOML writes it: `true`, `false`, a whole number, or a
    /// string in double quotes without escapes (`"never"`);
    /// [`EditionTerm::value`] reads it.
    pub(crate) text: &'static str,
    /// The clause it rests on (`2.8`), or an article's number alone (`8`)
    /// for a value that rests on the article having no such clause.
    pub(crate) clause: &'static str,
    /// Whether it is the term its table's provenance is about.
    pub(crate) role: TermRole,
    /// The clause's words it is read from, or why the article gives it.
    pub(crate) reading: &'static str,
}

/// What a value of [`EditionTerm`] is to its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermRole {
    /// The term the table's `provenance` is about (the audits' count, the
    /// termination window: docs/rules.md, "Provenance").
    Term,
    /// Another value of the table.
    Value,
}

impl EditionTerm {
    /// Whether a deviation of part 2 at clause `deviated` withholds this
    /// value: a deviation at its clause; for a value resting on a whole
    /// article, a deviation anywhere in that article (an added clause may
    /// say what the edition does not).
    pub(crate) fn withheld_by(&self, deviated: &str) -> bool {
        deviated == self.clause
            || (!self.clause.contains('.')
                && deviated
                    .strip_prefix(self.clause)
                    .is_some_and(|rest| rest.starts_with('.')))
    }

    /// The value.
    pub(crate) fn value(&self) -> Option<TermValue> {
        term_value(self.text)
    }

    /// The table of the agreement file it belongs in and its key there
    /// (`fines`, `recoverable` for `terms.fines.recoverable`).
    pub(crate) fn table_and_key(&self) -> (&'static str, &'static str) {
        let rest = self.field.strip_prefix("terms.").unwrap_or(self.field);
        rest.split_once('.').unwrap_or((rest, ""))
    }
}

/// Each edition with its terms, in the table's order.
type EditionsTerms = Vec<(Edition, Vec<EditionTerm>)>;

/// The parsed table of the editions' terms, or why it could not be parsed.
static TERMS: LazyLock<std::result::Result<EditionsTerms, TableError>> =
    LazyLock::new(|| parse_terms(&EDITION_TERMS));

/// The values `edition` sets by its own words, in the table's order; none
/// for an edition whose terms are not on file.
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `edition-terms.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub(crate) fn edition_terms(edition: Edition) -> Result<&'static [EditionTerm]> {
    let table = TERMS.as_deref().map_err(TableError::to_error)?;
    Ok(table
        .iter()
        .find(|(e, _)| *e == edition)
        .map_or(&[][..], |(_, t)| t.as_slice()))
}

fn parse_terms(table: &Table<6>) -> std::result::Result<EditionsTerms, TableError> {
    let rows = table.read(|line, [edition, field, value, clause, role, reading]| {
        let edition: Edition = edition.parse().map_err(|e| format!("edition: {e}"))?;
        let parts: Vec<&str> = field.split('.').collect();
        let well_formed = parts.len() == 3
            && parts[0] == "terms"
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        if !well_formed {
            return Err(format!(
                "field: `{field}` is not the path of a term's value (`terms.fines.recoverable`)"
            ));
        }
        if term_value(value).is_none() {
            return Err(format!(
                "value: `{value}` is neither `true`, `false`, a whole number nor a string in double quotes"
            ));
        }
        if !clause_number(clause) {
            return Err(format!(
                "clause: `{clause}` is not a clause number (`2.8`, or `8` for a whole article)"
            ));
        }
        let role = match role {
            "term" => TermRole::Term,
            "value" => TermRole::Value,
            _ => return Err(format!("role: `{role}` is neither `term` nor `value`")),
        };
        if reading.split_whitespace().count() < 3 {
            return Err("reading: the clause's words, or why the article gives it".to_owned());
        }
        Ok((
            line,
            edition,
            EditionTerm {
                field,
                text: value,
                clause,
                role,
                reading,
            },
        ))
    })?;
    table.by_edition(rows, |terms, term, edition| {
        if terms.iter().any(|t| t.field == term.field) {
            return Err(format!("`{}` of `{edition}` is listed twice", term.field));
        }
        Ok(())
    })
}

/// A value of [`EditionTerm`]: a yes or no, a count, or a word or term of
/// the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number (`1`).
    Int(i64),
    /// A string (`never`, `client`, `30 days`).
    Text(&'static str),
}

/// The value `text` writes (`true`, `false`, `"never"`), if it is one.
fn term_value(text: &'static str) -> Option<TermValue> {
    match text {
        "true" => Some(TermValue::Bool(true)),
        "false" => Some(TermValue::Bool(false)),
        _ if !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().ok().map(TermValue::Int)
        }
        _ => text
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .filter(|t| !t.is_empty() && !t.contains(['"', '\\']))
            .map(TermValue::Text),
    }
}

/// Whether `number` is a clause number: `6.3`, or an article's `9`.
fn clause_number(number: &str) -> bool {
    number.split('.').count() <= 2
        && number
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

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
        if !clause_number(number) {
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

    /// Every value the edition's terms table gives is the value the
    /// hand-encoded files of the edition hold at the same path: Alles
    /// Online (part 2 the March 2025 edition's text, unmodified; its
    /// termination window is written in the older key
    /// `termination_window_days`) and Voorbeeld Webdiensten (which names
    /// the edition without reproducing it); each rests on a clause (or an
    /// article) the edition has, and each quoted reading is in its clause.
    /// Source: seed 004, Deel 2 ("Versie: maart 2025"), clauses 2.2, 2.8,
    /// 4.2, 4.3, 5.2, 6.1, 6.2, 6.5, 7.4, 7.5, 8.2, 8.3;
    /// examples/agreements/alles-online.toml and voorbeeld-webdiensten.toml,
    /// their `[terms]`.
    #[test]
    fn the_edition_terms_are_the_hand_encoded_values() {
        let terms = edition_terms(Edition::Nldigital2025).unwrap();
        assert_eq!(terms.len(), 20);
        assert_eq!(edition_terms(Edition::NederlandIct2019).unwrap(), []);
        let files: [toml::Value; 2] = [
            toml::from_str(include_str!(
                "../../../examples/agreements/alles-online.toml"
            ))
            .unwrap(),
            toml::from_str(include_str!(
                "../../../examples/agreements/voorbeeld-webdiensten.toml"
            ))
            .unwrap(),
        ];
        let clauses = clauses(Edition::Nldigital2025).unwrap().unwrap();
        for t in terms {
            let (table, key) = t.table_and_key();
            for (n, file) in files.iter().enumerate() {
                let mut held = file["terms"][table].get(key);
                if n == 0 && t.field == "terms.statement_changes.termination_window" {
                    assert_eq!(
                        file["terms"][table]["termination_window_days"].as_integer(),
                        Some(30)
                    );
                    held = file["terms"][table].get("termination_window");
                    assert_eq!(held, None);
                    continue;
                }
                let held = held.unwrap_or_else(|| panic!("file {n}: {}", t.field));
                match t.value().unwrap() {
                    TermValue::Bool(b) => assert_eq!(held.as_bool(), Some(b), "{}", t.field),
                    TermValue::Int(i) => assert_eq!(held.as_integer(), Some(i), "{}", t.field),
                    TermValue::Text(w) => assert_eq!(held.as_str(), Some(w), "{}", t.field),
                }
            }
            let known = clauses
                .iter()
                .any(|c| c.number == t.clause || c.number.split('.').next() == Some(t.clause));
            assert!(known, "{}: clause {}", t.field, t.clause);
            if t.clause.contains('.') && t.reading.starts_with('"') {
                let text = clauses.iter().find(|c| c.number == t.clause).unwrap().text;
                for w in t.reading.trim_matches('"').split(" ... ") {
                    assert!(
                        text.contains(w),
                        "{}: `{w}` not in clause {}",
                        t.field,
                        t.clause
                    );
                }
            }
        }
        // The terms a table's provenance is about.
        let roles: Vec<&str> = terms
            .iter()
            .filter(|t| t.role == TermRole::Term)
            .map(|t| t.field)
            .collect();
        assert_eq!(
            roles,
            [
                "terms.audit.max_count",
                "terms.statement_changes.termination_window"
            ]
        );
    }

    /// A deviation withholds the values of its clause; one anywhere in an
    /// article withholds a value resting on the whole article.
    /// Source: examples/statements/voorbeeld-afwijkingen.txt, whose added
    /// clause 8.4 keeps the processor liable for its sub-processors.
    #[test]
    fn deviations_withhold_the_values_they_touch() {
        let terms = edition_terms(Edition::Nldigital2025).unwrap();
        let find = |f: &str| terms.iter().find(|t| t.field == f).unwrap();
        let liable = find("terms.sub_processors.processor_remains_liable");
        assert!(liable.withheld_by("8.4"));
        assert!(liable.withheld_by("8"));
        assert!(!liable.withheld_by("7.4"));
        assert!(!liable.withheld_by("80.1"));
        let fines = find("terms.fines.recoverable");
        assert!(fines.withheld_by("2.8"));
        assert!(!fines.withheld_by("2.2"));
        assert!(!fines.withheld_by("2"));
        assert_eq!(fines.table_and_key(), ("fines", "recoverable"));
    }

    #[test]
    fn malformed_term_tables_are_errors_not_panics() {
        let header = "edition\tfield\tvalue\tclause\trole\treading\n";
        let row = |field: &str, value: &str, clause: &str, role: &str, reading: &str| {
            format!("nldigital-2025\t{field}\t{value}\t{clause}\t{role}\t{reading}\n")
        };
        let f = "terms.fines.recoverable";
        for (rows, message) in [
            (
                row("fines.recoverable", "true", "2.8", "value", "t u v"),
                "field:",
            ),
            (
                row("terms.Fines.x", "true", "2.8", "value", "t u v"),
                "field:",
            ),
            (row(f, "never", "2.8", "value", "t u v"), "value:"),
            (row(f, "\"a\\\"", "2.8", "value", "t u v"), "value:"),
            (row(f, "-1", "2.8", "value", "t u v"), "value:"),
            (row(f, "true", "2.a", "value", "t u v"), "clause:"),
            (row(f, "true", "2.8", "duty", "t u v"), "role:"),
            (row(f, "true", "2.8", "value", "t"), "reading:"),
            (
                row(f, "true", "2.8", "value", "t u v") + &row(f, "false", "2.8", "value", "t u v"),
                "listed twice",
            ),
        ] {
            let text: &'static str = Box::leak(format!("{header}{rows}").into_boxed_str());
            let table = Table {
                text,
                ..EDITION_TERMS
            };
            let err = parse_terms(&table).expect_err(&rows);
            assert!(err.message.contains(message), "{rows}: {}", err.message);
        }
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
