//! The numbering of each edition of the standard clauses
//! (`data/clause-numbering.tsv`), and the rule that every reference to a
//! standard clause in an agreement names a clause of its edition
//! (docs/rules.md, "Editions and clause numbers").

use std::sync::LazyLock;

use super::{Table, TableError, opt};
use crate::error::Result;
use crate::model::{Agreement, DeviationKind, Edition, Numbering};
use crate::values::ClauseRef;

/// The table: `data/clause-numbering.tsv` and its columns.
const CLAUSE_NUMBERING: Table<5> = Table {
    file: "clause-numbering.tsv",
    what: "clause numbering",
    columns: ["edition", "article", "paragraphs", "title", "source"],
    text: include_str!("../../data/clause-numbering.tsv"),
};

/// Each edition with its articles, in the table's order.
type Editions = Vec<(Edition, Vec<Article>)>;

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<Result<Editions, TableError>> =
    LazyLock::new(|| parse_table(&CLAUSE_NUMBERING));

/// One article of an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Article {
    /// Its number, 1-9.
    pub(crate) number: u8,
    /// How many numbered paragraphs it has; `None` for one unnumbered
    /// paragraph (cited by the article's number alone).
    pub(crate) paragraphs: Option<u8>,
    /// Its heading in the edition's Dutch text.
    pub(crate) title: &'static str,
    /// Where the text was counted.
    pub(crate) source: &'static str,
}

impl Article {
    /// Whether it has paragraph `paragraph` (`None`: the article itself).
    fn has(&self, paragraph: Option<u8>) -> bool {
        match (paragraph, self.paragraphs) {
            (None, _) => true,
            (Some(p), Some(n)) => (1..=n).contains(&p),
            (Some(_), None) => false,
        }
    }
}

/// The articles of `edition`, or `None` for an edition whose text the
/// library does not hold (its clause numbers cannot be checked).
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `clause-numbering.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub(crate) fn edition_articles(edition: Edition) -> Result<Option<&'static [Article]>> {
    let table = TABLE.as_deref().map_err(TableError::to_error)?;
    Ok(table
        .iter()
        .find(|(e, _)| *e == edition)
        .map(|(_, articles)| articles.as_slice()))
}

/// Whether the library holds the text of `edition`, so that its clause
/// numbers are checked and its clauses' art. 28 coverage is known.
pub(crate) fn text_on_file(edition: Edition) -> bool {
    matches!(edition_articles(edition), Ok(Some(_)))
}

/// Whether `edition` has clause `article.paragraph` (`None` when its text
/// is not on file or the table is malformed).
fn edition_has(edition: Edition, (article, paragraph): (u8, Option<u8>)) -> Option<bool> {
    let articles = edition_articles(edition).ok()??;
    Some(
        articles
            .iter()
            .any(|a| a.number == article && a.has(paragraph)),
    )
}

/// The article and paragraph a clause number starts with (`6.3`,
/// `6.3 (b)`, `6.3(b)`, `9`), or `None` for a number that is not of that
/// form (`2.6.3` read as an edition number, `x`).
fn clause_number(number: &str) -> Option<(u8, Option<u8>)> {
    let end = number.find([' ', '(']).unwrap_or(number.len());
    super::art28::parse_clause(&number[..end])
}

/// The first reference in `a` to a standard clause that its edition does
/// not have, as the field path and the message; `Ok` when every reference
/// names a clause of the edition (in the agreement's numbering) or one its
/// deviations add, and for an edition whose text is not on file.
///
/// Source: each edition's own numbering (`data/clause-numbering.tsv`);
/// issue 15 point 4 ("a 2025 clause number in a 2019-edition file is an
/// error with a hint").
pub(crate) fn check_references(a: &Agreement) -> Result<(), (String, String)> {
    let (edition, numbering) = (a.clauses.edition, a.clauses.numbering);
    let Ok(Some(articles)) = edition_articles(edition) else {
        return Ok(());
    };
    let added: Vec<(u8, Option<u8>)> = a
        .clauses
        .deviations
        .iter()
        .filter(|d| d.kind == DeviationKind::Added)
        .filter_map(|d| numbering.edition_number(&d.clause).and_then(clause_number))
        .collect();
    for (path, r) in a.references() {
        let Some(rest) = r.as_str().strip_prefix("clause ") else {
            continue;
        };
        let is_added = path.starts_with("clauses.deviations[")
            && a.clauses
                .deviations
                .iter()
                .any(|d| d.kind == DeviationKind::Added && std::ptr::eq(&d.clause, r));
        let number = numbering.edition_number(r).and_then(clause_number);
        let Some(number) = number else {
            return Err((path, numbering_message(r, rest, edition, numbering)));
        };
        if is_added || added.contains(&number) {
            continue;
        }
        if !articles
            .iter()
            .any(|x| x.number == number.0 && x.has(number.1))
        {
            return Err((
                path,
                missing_message(r, number, edition, numbering, articles),
            ));
        }
    }
    Ok(())
}

/// The message for a reference whose number is not of the agreement's
/// numbering.
fn numbering_message(r: &ClauseRef, rest: &str, edition: Edition, numbering: Numbering) -> String {
    let hint = match numbering {
        Numbering::Part2Prefixed => format!(
            "this agreement numbers part 2 after the statement (`clauses.numbering = \"part-2-prefixed\"`): article 6, paragraph 3 of the {edition} edition is `clause 2.6.3`; if the agreement uses the edition's own numbers ({rest} = article.paragraph), set `clauses.numbering = \"articles\"`"
        ),
        _ => format!(
            "the {edition} edition numbers its clauses article.paragraph (`clause 6.3`); if the agreement numbers part 2 after the statement (`clause 2.6.3`), set `clauses.numbering = \"part-2-prefixed\"`"
        ),
    };
    format!("`{r}` is not a clause number of this agreement: {hint}")
}

/// The message for a reference to a clause the edition does not have.
fn missing_message(
    r: &ClauseRef,
    (article, paragraph): (u8, Option<u8>),
    edition: Edition,
    numbering: Numbering,
    articles: &[Article],
) -> String {
    let what = match articles.iter().find(|x| x.number == article) {
        Some(x) => format!(
            "article {article} ({}) has {}",
            x.title,
            numbered(x, numbering)
        ),
        None => format!(
            "it has articles {}-{}",
            articles.first().map_or(1, |x| x.number),
            articles.last().map_or(9, |x| x.number)
        ),
    };
    let elsewhere: Vec<&str> = Edition::ALL
        .iter()
        .filter(|e| **e != edition && edition_has(**e, (article, paragraph)) == Some(true))
        .map(|e| e.as_str())
        .collect();
    let hint = if elsewhere.is_empty() {
        String::new()
    } else {
        format!(
            " (the {} edition has a clause {}: is `clauses.edition` right?)",
            elsewhere.join(" and "),
            match paragraph {
                Some(p) => format!("{article}.{p}"),
                None => article.to_string(),
            }
        )
    };
    format!(
        "`{r}` is not a clause of the {edition} edition: {what}{hint}; a clause the processor added is listed in `clauses.deviations` with `kind = \"added\"`"
    )
}

/// An article's clauses in the agreement's numbering: `clauses 2.7.1-2.7.6`.
fn numbered(x: &Article, numbering: Numbering) -> String {
    match x.paragraphs {
        Some(1) => format!("only clause {}", numbering.clause(x.number, Some(1))),
        Some(n) => format!(
            "clauses {}-{}",
            numbering.clause(x.number, Some(1)),
            numbering.clause(x.number, Some(n))
        ),
        None => format!(
            "one unnumbered paragraph, cited as clause {}",
            numbering.clause(x.number, None)
        ),
    }
}

// ---------------------------------------------------------------------------
// Parsing the table

fn parse_table(table: &Table<5>) -> Result<Editions, TableError> {
    let rows = table.read(parse_row)?;
    table.by_edition(rows, |articles, article, edition| {
        let expected = articles.last().map_or(1, |a| a.number + 1);
        if article.number != expected {
            return Err(format!(
                "article {} of `{edition}` comes where article {expected} should: an edition lists its articles 1, 2, 3, ... in order",
                article.number
            ));
        }
        Ok(())
    })
}

/// One row: its line, its edition and the article.
fn parse_row(
    line: usize,
    [edition, article, paragraphs, title, source]: [&'static str; 5],
) -> Result<(usize, Edition, Article), String> {
    let edition: Edition = edition.parse().map_err(|e| format!("edition: {e}"))?;
    let count = |s: &str, what: &str| {
        s.parse::<u8>()
            .ok()
            .filter(|n| (1..=99).contains(n))
            .ok_or_else(|| format!("{what}: `{s}` is not a number from 1 to 99"))
    };
    let number = count(article, "article")?;
    let paragraphs = opt(paragraphs)
        .map(|p| count(p, "paragraphs"))
        .transpose()?;
    Ok((
        line,
        edition,
        Article {
            number,
            paragraphs,
            title,
            source,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::art28;

    #[test]
    fn the_table_parses_and_lists_articles_1_to_9() {
        let table = TABLE.as_ref().expect("clause-numbering.tsv parses");
        for (edition, articles) in table {
            let numbers: Vec<u8> = articles.iter().map(|a| a.number).collect();
            assert_eq!(numbers, (1..=9).collect::<Vec<u8>>(), "{edition}");
            assert!(articles.iter().all(|a| a.source.contains("seed ")));
        }
        assert!(text_on_file(Edition::NederlandIct2019));
        assert!(text_on_file(Edition::Nldigital2025));
        assert!(!text_on_file(Edition::NederlandIct2018));
    }

    /// Every clause the art. 28 coverage table cites is a clause of its
    /// edition.
    #[test]
    fn every_art28_row_names_a_clause_of_its_edition() {
        for edition in Edition::ALL {
            for c in art28::edition_clauses(*edition).expect("art28 table") {
                assert_eq!(
                    edition_has(*edition, (c.article, c.paragraph)),
                    Some(true),
                    "{edition} {}",
                    c.number()
                );
            }
        }
    }

    #[test]
    fn clause_numbers_and_suffixes() {
        assert_eq!(clause_number("6.3"), Some((6, Some(3))));
        assert_eq!(clause_number("6.3 (b)"), Some((6, Some(3))));
        assert_eq!(clause_number("7.4(a)"), Some((7, Some(4))));
        assert_eq!(clause_number("9"), Some((9, None)));
        assert_eq!(clause_number("2.6.3"), None);
        assert_eq!(clause_number("x"), None);
    }

    #[test]
    fn malformed_tables_are_errors_not_panics() {
        let header = "edition\tarticle\tparagraphs\ttitle\tsource\n";
        for (rows, message) in [
            (
                "nldigital-2025\t2\t3\tt\ts\n",
                "comes where article 1 should",
            ),
            ("nldigital-2025\t1\t0\tt\ts\n", "paragraphs: `0`"),
            ("nldigital-2026\t1\t3\tt\ts\n", "edition:"),
            (
                "nldigital-2025\t1\t3\tt\ts\nnederland-ict-2019\t1\t3\tt\ts\nnldigital-2025\t2\t3\tt\ts\n",
                "not together",
            ),
        ] {
            let text: &'static str = Box::leak(format!("{header}{rows}").into_boxed_str());
            let table = Table {
                text,
                ..CLAUSE_NUMBERING
            };
            let err = parse_table(&table).expect_err(rows);
            assert!(err.message.contains(message), "{}", err.message);
        }
    }
}
