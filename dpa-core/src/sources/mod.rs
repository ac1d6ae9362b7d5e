//! The reference tables: facts the rules rest on that are in no agreement,
//! each kept as a reviewable TAB-separated file under `dpa-core/data/`,
//! embedded in the library (dpa-core does no I/O) and giving the source of
//! every row.
//!
//! | table | file | a row is | source column |
//! |---|---|---|---|
//! | [`transfer_bases`] | `transfer-bases.tsv` | a member of the EEA, an adequacy decision, a set of standard contractual clauses, binding corporate rules or an art. 49 derogation, with its dates and scope | `source`: the publication (EUR-Lex CELEX number, Official Journal, CJEU case) |
//! | [`art28`] | `art28-coverage.tsv` | a clause of an edition of the standard clauses and the GDPR art. 28 items it satisfies | `source`: where the clause text is (document, clause number, seed file) |
//! | [`numbering`] | `clause-numbering.tsv` | an article of an edition of the standard clauses and how many numbered paragraphs it has | `source`: where the text was counted (document, numbers, seed file) |
//! | [`standard_clauses`] | `standard-clauses.tsv` | a clause of an edition of the standard clauses whose unmodified text is on file, and its text as published, normalised | `source`: the document and the seed file line the text was read from |
//! | [`template`] | `template-questions.tsv` | a wording (Dutch or English, by template edition) of a fixed question of the Data Pro Statement template, the item it opens | `source`: the statement or template the wording was read in |
//! | [`designated_days`] | `nl-atw-designated-days.tsv` | a day the Crown designated under art. 3(3) of the Algemene termijnenwet | `source`: the royal decree and its Staatscourant number |
//!
//! The modules whose rules use a table re-export its public types:
//! the transfers module (the transfer bases), the completeness module (the
//! art. 28 coverage) and the calendar module (the designated days).
//!
//! # Reading a table
//! The tables read at run time share one reader, [`Table::read`]: UTF-8, one
//! row per line, fields separated by one TAB and trimmed of spaces; empty
//! lines and lines starting with `#` are comments; the first other line must
//! name the columns exactly; every row has every column, and `-` stands for
//! "none" (an empty field is an error). Each table is parsed once, on first
//! use. A table that does not parse or whose rows contradict each other is
//! the library's defect, not the caller's: the functions that need it return
//! [`Error::Internal`](crate::Error::Internal) naming the file and line
//! ([`TableError::to_error`]), never a validation error, and never panic.
//! Every table has a unit test proving that it parses and is consistent.
//!
//! The designated days are parsed at compile time instead (the holiday
//! look-up is a `const` bit table): a malformed row there stops the build.

use time::Date;

use crate::error::Error;
use crate::model::Edition;
use crate::values::iso_date;

pub(crate) mod art28;
pub(crate) mod designated_days;
pub(crate) mod numbering;
pub(crate) mod standard_clauses;
pub(crate) mod template;
pub(crate) mod transfer_bases;

/// A reference table read at run time: its file, its columns and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table<const N: usize> {
    /// The file's name under `dpa-core/data/`, as errors name it.
    pub(crate) file: &'static str,
    /// What the rows are, as the internal error names the table
    /// (`transfer bases`).
    pub(crate) what: &'static str,
    /// The columns, in order: the header row must name exactly these.
    pub(crate) columns: [&'static str; N],
    /// The file's text (embedded with `include_str!`).
    pub(crate) text: &'static str,
}

/// Why a table could not be read: the file, the line (1-based) and what is
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableError {
    /// The file's name.
    pub(crate) file: &'static str,
    /// What the rows are ([`Table::what`]).
    pub(crate) what: &'static str,
    /// The line, 1-based.
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) message: String,
}

impl TableError {
    /// The error a public function returns for a malformed built-in table:
    /// an [`Error::Internal`] (the library's defect, not the caller's input).
    pub(crate) fn to_error(&self) -> Error {
        Error::internal(format!(
            "the built-in table of {} is malformed: {} line {}: {}",
            self.what, self.file, self.line, self.message
        ))
    }
}

impl<const N: usize> Table<N> {
    /// A [`TableError`] about `line` of this table.
    pub(crate) fn error(&self, line: usize, message: impl Into<String>) -> TableError {
        TableError {
            file: self.file,
            what: self.what,
            line,
            message: message.into(),
        }
    }

    /// Groups `rows` (line, edition, row) by edition, in the table's order:
    /// an edition's rows must be together, and `add` checks each row
    /// against those of its edition before it (its message becomes the
    /// error of the row's line).
    pub(crate) fn by_edition<T>(
        &self,
        rows: Vec<(usize, Edition, T)>,
        mut add: impl FnMut(&[T], &T, Edition) -> Result<(), String>,
    ) -> Result<Vec<(Edition, Vec<T>)>, TableError> {
        let mut editions: Vec<(Edition, Vec<T>)> = Vec::new();
        for (line, edition, row) in rows {
            let same = editions.last().is_some_and(|(e, _)| *e == edition);
            if !same && editions.iter().any(|(e, _)| *e == edition) {
                return Err(self.error(
                    line,
                    format!("the rows of edition `{edition}` are not together"),
                ));
            }
            if !same {
                editions.push((edition, Vec::new()));
            }
            let Some((_, list)) = editions.last_mut() else {
                continue;
            };
            add(list, &row, edition).map_err(|m| self.error(line, m))?;
            list.push(row);
        }
        Ok(editions)
    }

    /// Reads the rows in file order, giving `parse` each row's line number
    /// and its `N` fields (trimmed, none of them empty). The first error
    /// stops the reading: a header that does not name [`Table::columns`], a
    /// row with a wrong number of fields or an empty field, or what `parse`
    /// rejects. A table without rows is an error too.
    pub(crate) fn read<T>(
        &self,
        mut parse: impl FnMut(usize, [&'static str; N]) -> Result<T, String>,
    ) -> Result<Vec<T>, TableError> {
        let mut rows = Vec::new();
        let mut header_seen = false;
        for (n, raw) in self.text.lines().enumerate() {
            let line = n + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let fields: Vec<&'static str> = raw.split('\t').map(str::trim).collect();
            if !header_seen {
                if fields != self.columns {
                    return Err(self.error(
                        line,
                        format!(
                            "the first row must name the columns: {}",
                            self.columns.join(", ")
                        ),
                    ));
                }
                header_seen = true;
                continue;
            }
            let row = self
                .fields(fields)
                .and_then(|fields| parse(line, fields))
                .map_err(|message| self.error(line, message))?;
            rows.push(row);
        }
        if rows.is_empty() {
            return Err(self.error(self.text.lines().count(), "the table has no rows"));
        }
        Ok(rows)
    }

    /// The fields of one row: exactly `N`, none empty.
    fn fields(&self, fields: Vec<&'static str>) -> Result<[&'static str; N], String> {
        let count = fields.len();
        let fields: [&'static str; N] = fields
            .try_into()
            .map_err(|_| format!("has {count} columns, expected {N}"))?;
        if let Some(i) = fields.iter().position(|f| f.is_empty()) {
            return Err(format!(
                "column `{}` is empty; write `-` for none",
                self.columns[i]
            ));
        }
        Ok(fields)
    }
}

/// A field's value, or `None` for `-`.
pub(crate) fn opt(field: &'static str) -> Option<&'static str> {
    (field != "-").then_some(field)
}

/// A date field (`YYYY-MM-DD`, or `-` for none); an error names the column.
pub(crate) fn date(field: &'static str, column: &str) -> Result<Option<Date>, String> {
    opt(field)
        .map(|d| iso_date::parse(d).map_err(|e| format!("{column}: {e}")))
        .transpose()
}

/// A date as the tables write it: `YYYY-MM-DD`, or `-` for none.
pub(crate) fn show_date(d: Option<Date>) -> String {
    d.map_or_else(|| "-".to_owned(), iso_date::format)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [&str; 2] = ["a", "b"];

    fn table(text: &'static str) -> Table<2> {
        Table {
            file: "test.tsv",
            what: "tests",
            columns: COLUMNS,
            text,
        }
    }

    fn read(text: &'static str) -> Result<Vec<(usize, [&'static str; 2])>, TableError> {
        table(text).read(|line, fields| Ok((line, fields)))
    }

    #[test]
    fn comments_header_and_rows() {
        let rows = read("# comment\n\na\tb\nx\t- \n# more\ny \t z\n").unwrap();
        assert_eq!(rows, [(4, ["x", "-"]), (6, ["y", "z"])]);
        assert_eq!(opt(rows[0].1[1]), None);
        assert_eq!(opt(rows[0].1[0]), Some("x"));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            ("", 0, "the table has no rows"),
            ("a\tb\n", 1, "the table has no rows"),
            (
                "# c\nb\ta\nx\ty\n",
                2,
                "the first row must name the columns: a, b",
            ),
            ("a\tb\nx\n", 2, "has 1 columns, expected 2"),
            ("a\tb\nx\ty\tz\n", 2, "has 3 columns, expected 2"),
            ("a\tb\nx\t \n", 2, "column `b` is empty; write `-` for none"),
        ];
        for (text, line, message) in cases {
            let err = read(text).unwrap_err();
            assert_eq!(
                (err.line, err.message.as_str()),
                (line, message),
                "{text:?}"
            );
        }
        let err = table("a\tb\nx\ty\n")
            .read::<()>(|_, _| Err("bad".to_owned()))
            .unwrap_err();
        assert_eq!(err.line, 2);
        let err = err.to_error();
        assert!(matches!(err, Error::Internal(_)), "{err:?}");
        assert_eq!(
            err.to_string(),
            "internal error: the built-in table of tests is malformed: test.tsv line 2: bad"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(date("-", "from"), Ok(None));
        assert_eq!(show_date(date("2021-06-27", "from").unwrap()), "2021-06-27");
        assert_eq!(show_date(None), "-");
        assert!(
            date("2021-02-30", "from")
                .unwrap_err()
                .starts_with("from: ")
        );
    }
}
