//! What the products are for and which sensitive data they are designed
//! for: the intended use (an item headed "Beoogd gebruik" / "Intended use",
//! as Belco's DPS 1.5) and the declaration on special categories of personal
//! data (the NLdigital 2025 template's DPS bullet 5, "Bij het ontwerp ... is
//! rekening gehouden met de verwerking van bijzondere persoonsgegevens"; the
//! Nederland ICT template's item 5; standard clause 3.2 / 2.3.2 says what
//! holds when the statement is silent, which the import leaves to the file's
//! author, since it is not stated).

use super::{Source, contains_word};
use crate::import::Read;
use crate::import::structure::{Item, Structure};
use crate::import::words::{fold, has_any};
use crate::model::Declaration;

/// The declaration on each kind of sensitive data, as the statement states
/// it (GDPR art. 9, art. 10, government-issued identification numbers).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedSpecialCategories {
    /// Special categories of personal data (GDPR art. 9).
    pub art9: Read<Declaration>,
    /// Personal data relating to criminal convictions and offences (GDPR
    /// art. 10).
    pub art10: Read<Declaration>,
    /// Personal identification numbers issued by the government (BSN).
    pub government_identifiers: Read<Declaration>,
}

/// The words that name each kind of data (folded).
const ART9: [&str; 6] = [
    "bijzondere persoonsgegevens",
    "bijzondere categorieen",
    "bijzondere categorie",
    "special categories",
    "special category",
    "art. 9",
];
const ART10: [&str; 5] = [
    "strafrechtelijke",
    "criminal convictions",
    "criminal offences",
    "criminal records",
    "art. 10",
];
const GOVERNMENT: [&str; 6] = [
    "persoonsnummers",
    "burgerservicenummer",
    "bsn",
    "national identification number",
    "identification numbers",
    "government-issued",
];

/// Whether a folded sentence is about sensitive data of any kind.
fn about_sensitive_data(f: &str) -> bool {
    ART9.iter().chain(&ART10).any(|w| f.contains(w))
        || GOVERNMENT.iter().any(|w| contains_word(f, w))
}

/// The items that may declare it: the special-categories item, then the
/// items headed "beoogd gebruik" / "intended use", then every other item of
/// part 1 (the standard clauses are not read: their clause 3.2 / 2.3.2 is
/// the default for a silent statement, not a statement).
fn declaring_items(s: &Structure) -> Vec<&Item> {
    let mut items: Vec<&Item> = s.item("special-categories").into_iter().collect();
    items.extend(s.items.iter().filter(|i| intended_use_heading(i)));
    items.extend(s.items.iter());
    let mut seen: Vec<&str> = Vec::new();
    items.retain(|i| {
        let new = !seen.contains(&i.number.as_str());
        seen.push(&i.number);
        new
    });
    items
}

/// The declaration a sentence makes: not designed for ("geen rekening
/// gehouden", "niet ingericht", "not designed"), only in specific
/// applications ("uitsluitend bij specifieke", "only in specific"), designed
/// for ("is ingericht op", "is designed for", "wel rekening gehouden");
/// `None` when it says none of these (then a person reads it).
fn declaration(f: &str) -> Option<Declaration> {
    const SPECIFIC: [&str; 6] = [
        "uitsluitend bij specifieke",
        "alleen bij specifieke",
        "uitsluitend voor specifieke",
        "alleen voor specifieke",
        "only in specific",
        "only for specific",
    ];
    const NOT_FOR: [&str; 12] = [
        "geen rekening gehouden",
        "niet ingericht",
        "niet ontworpen",
        "niet bedoeld",
        "niet geschikt",
        "not designed",
        "not intended",
        "not set up",
        "not suitable",
        "was not designed",
        "is not designed",
        "not meant",
    ];
    const FOR: [&str; 5] = [
        "wel rekening gehouden",
        "is ingericht op",
        "is ontworpen voor",
        "is designed for",
        "is designed to process",
    ];
    let specific = has_any(f, &SPECIFIC);
    let not_for = has_any(f, &NOT_FOR);
    let designed_for = has_any(f, &FOR) && !f.contains("niet") && !f.contains("not ");
    match (specific, not_for, designed_for) {
        (true, false, false) => Some(Declaration::SpecificApplicationsOnly),
        (false, true, false) => Some(Declaration::NotDesignedFor),
        (false, false, true) => Some(Declaration::DesignedFor),
        _ => None,
    }
}

/// The declaration on special categories, criminal data and government
/// identification numbers: the first sentence of part 1 that names one of
/// them. Each kind the sentence names gets its declaration; a kind it does
/// not name is not stated; a sentence whose declaration is not one of the
/// template's wordings is ambiguous, with the three readings.
pub(crate) fn special_categories(s: &Structure) -> ImportedSpecialCategories {
    let mut out = ImportedSpecialCategories {
        art9: Read::NotStated,
        art10: Read::NotStated,
        government_identifiers: Read::NotStated,
    };
    for item in declaring_items(s) {
        let src = Source::item(item);
        for (a, b) in src.passage.sentences() {
            let f = fold(&src.text()[a..b]);
            if !about_sensitive_data(&f) {
                continue;
            }
            let evidence = src.evidence(a, b);
            let read = |names: bool| -> Read<Declaration> {
                if !names {
                    return Read::NotStated;
                }
                match declaration(&f) {
                    Some(d) => Read::stated(d, evidence.clone()),
                    None => Read::ambiguous(
                        evidence.clone(),
                        &[
                            "not-designed-for: the product is not designed for this data",
                            "specific-applications-only: only specific (custom) applications are",
                            "designed-for: the product is designed for this data",
                        ],
                        "statement.special_categories",
                    ),
                }
            };
            out.art9 = read(has_any(&f, &ART9));
            out.art10 = read(has_any(&f, &ART10));
            out.government_identifiers = read(GOVERNMENT.iter().any(|w| contains_word(&f, w)));
            return out;
        }
    }
    out
}

/// Whether an item is headed "Beoogd gebruik" or "Intended use".
fn intended_use_heading(i: &Item) -> bool {
    i.lines.first().is_some_and(|l| {
        let f = fold(&l.text);
        f.starts_with("beoogd gebruik") || f.starts_with("intended use")
    })
}

/// The intended use: the sentences of the item headed "Beoogd gebruik" or
/// "Intended use" (Belco DPS 1.5) up to the first one about sensitive data
/// (which is the declaration, not the use), without the heading. `None`
/// where no such item has such sentences: the product description (DPS
/// bullet 4 of the 2025 template) is the products' description, not this.
pub(crate) fn intended_use(s: &Structure) -> Read<String> {
    let Some(item) = s.items.iter().find(|i| intended_use_heading(i)) else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let mut range: Option<(usize, usize)> = None;
    for (i, (a, b)) in src.passage.sentences().into_iter().enumerate() {
        let sentence = &src.text()[a..b];
        let f = fold(sentence);
        if about_sensitive_data(&f) {
            break;
        }
        // The heading: "Beoogd gebruik van Belco." or "Intended use:" with
        // its text after the colon.
        let (a, f) = if i == 0 && (f.starts_with("beoogd gebruik") || f.starts_with("intended use"))
        {
            match sentence.find(':') {
                Some(c) if c + 1 < sentence.len() => {
                    let rest = &sentence[c + 1..];
                    (
                        a + c + 1 + (rest.len() - rest.trim_start().len()),
                        fold(rest),
                    )
                }
                _ => continue,
            }
        } else {
            (a, f)
        };
        if f.trim().is_empty() {
            continue;
        }
        range = Some(range.map_or((a, b), |(s, _)| (s, b)));
    }
    let Some((a, b)) = range else {
        return Read::NotStated;
    };
    let text = src.text()[a..b]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Read::stated(text, src.evidence(a, b))
}
