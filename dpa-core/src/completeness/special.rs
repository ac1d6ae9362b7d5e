//! Whether the statement contradicts its own declaration on special
//! categories of personal data (GDPR art. 9), criminal-conviction data
//! (art. 10) and government identifiers (art. 87): a product or use
//! description that mentions them while the statement says the product is
//! not designed for them.

use crate::finding::{Finding, FindingCode};
use crate::model::Agreement;

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

/// `special-categories-contradicted` where a product or use description
/// mentions a kind of sensitive data the statement says the product is not
/// designed for.
pub(super) fn contradictions(a: &Agreement) -> Vec<Finding> {
    let mut out = Vec::new();
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
