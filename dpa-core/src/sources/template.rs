//! The fixed questions of the Data Pro Statement template
//! (`data/template-questions.tsv`): the wording, Dutch and English, by which
//! `dpa import` recognises each item of a statement (issue 18 point 2).

use std::sync::LazyLock;

use super::{Table, TableError};
use crate::error::Result;
use crate::model::Edition;

/// The table: `data/template-questions.tsv` and its columns.
const TEMPLATE_QUESTIONS: Table<7> = Table {
    file: "template-questions.tsv",
    what: "template questions",
    columns: [
        "item", "number", "language", "edition", "where", "phrase", "source",
    ],
    text: include_str!("../../data/template-questions.tsv"),
};

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<std::result::Result<Vec<Question>, TableError>> =
    LazyLock::new(|| TEMPLATE_QUESTIONS.read(parse_row));

/// One wording of a template question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Question {
    /// The template item it opens (`deletion`, `sub-processors`, ...).
    pub(crate) item: &'static str,
    /// Whether only the item's first line is searched (a free heading).
    pub(crate) heading_only: bool,
    /// The phrase, lowercase without accents.
    pub(crate) phrase: &'static str,
}

/// The template's items, in the order a review lists them.
pub(crate) const ITEMS: [&str; 18] = [
    "processor",
    "effective-date",
    "products",
    "description",
    "special-categories",
    "privacy-by-design",
    "standard-clauses",
    "locations",
    "sub-processors",
    "data-subject-requests",
    "dpia",
    "deletion",
    "return-of-data",
    "security",
    "isms",
    "certifications",
    "breach",
    "audits",
];

fn parse_row(_line: usize, f: [&'static str; 7]) -> std::result::Result<Question, String> {
    let [item, _number, language, edition, place, phrase, _source] = f;
    if !ITEMS.contains(&item) {
        return Err(format!("item `{item}` is not one of {}", ITEMS.join(", ")));
    }
    if !matches!(language, "nl" | "en") {
        return Err(format!("language `{language}`: expected nl or en"));
    }
    if edition != "any" && edition.parse::<Edition>().is_err() {
        return Err(format!("edition `{edition}` is not an edition's spelling"));
    }
    if !phrase.is_ascii() || phrase != phrase.to_lowercase() {
        return Err(format!(
            "phrase `{phrase}` must be lowercase without accents"
        ));
    }
    let heading_only = match place {
        "heading" => true,
        "text" => false,
        other => return Err(format!("where `{other}`: expected heading or text")),
    };
    Ok(Question {
        item,
        heading_only,
        phrase,
    })
}

/// The questions, in the table's order.
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal) if the built-in table is
/// malformed (a unit test proves that it is not).
pub(crate) fn questions() -> Result<&'static [Question]> {
    TABLE
        .as_ref()
        .map(Vec::as_slice)
        .map_err(TableError::to_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source: data/template-questions.tsv: every item of the template has
    /// a Dutch and an English wording.
    #[test]
    fn the_table_parses_and_covers_every_item_in_both_languages() {
        let qs = questions().expect("template-questions.tsv parses");
        for item in ITEMS {
            let rows: Vec<_> = TEMPLATE_QUESTIONS
                .text
                .lines()
                .filter(|l| l.split('\t').next() == Some(item))
                .collect();
            assert!(qs.iter().any(|q| q.item == item), "{item}");
            if item != "isms"
                && item != "return-of-data"
                && item != "description"
                && item != "special-categories"
                && item != "privacy-by-design"
            {
                assert!(
                    rows.iter().any(|r| r.contains("\ten\t")),
                    "{item} has no English wording"
                );
            }
            assert!(
                rows.iter().any(|r| r.contains("\tnl\t")),
                "{item} has no Dutch wording"
            );
        }
    }

    /// The item the table gives a statement item's text (its first line
    /// `heading`, all of it `text`), as the import assigns it: the first
    /// row whose phrase the text contains. The samples are ASCII, so
    /// lowercasing is the whole fold.
    fn item_of(heading: &str, text: &str) -> Option<&'static str> {
        let (heading, text) = (heading.to_lowercase(), text.to_lowercase());
        questions().unwrap().iter().find_map(|q| {
            let found = if q.heading_only {
                heading.contains(q.phrase)
            } else {
                text.contains(q.phrase)
            };
            found.then_some(q.item)
        })
    }

    /// Source: the template's questions as published statements word them:
    /// Logic Vision B.V.'s Data Pro Statement of 1 May 2018 (Dutch,
    /// logicvision.nl/nl/verwerkersovereenkomst-avg) and CDD Solutions
    /// B.V.'s of March 2023 (English, raemonda.com/processing_agreement),
    /// items 1 to 3; the rows of data/template-questions.tsv cite them.
    #[test]
    fn published_wordings_of_the_first_items_are_recognised() {
        for (text, item) in [
            ("Dit Data Pro Statement is opgesteld door", "processor"),
            (
                "Dit Data Pro Statement geldt vanaf 1 mei 2018",
                "effective-date",
            ),
            (
                "Dit Data Pro Statement is van toepassing op de door Data Processor geleverde producten en diensten",
                "products",
            ),
            (
                "This Data Pro Statement was drawn up by the following Data Processor:",
                "processor",
            ),
            (
                "This Data Pro Statement shall enter into force on March 2023",
                "effective-date",
            ),
            (
                "This Data Pro Statement applies to the following products and services provided by data processor",
                "products",
            ),
        ] {
            assert_eq!(item_of(text, text), Some(item), "{text}");
        }
        assert_eq!(item_of("Prices", "Our prices are fixed."), None);
    }
}
