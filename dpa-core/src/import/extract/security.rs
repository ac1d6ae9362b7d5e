//! The security measures (GDPR art. 28(3)(c), 32): the measures the
//! statement lists (DPS 14 of the 2025 template, "Data processor heeft de
//! volgende beveiligingsmaatregelen genomen ...:"), its information security
//! policy (DPS 15, "hanteert een ... informatiebeveiligingsbeleid gebaseerd
//! op ..."), and what the processor warrants about the measures (clause 4.1
//! of the 2025 edition, 2.4.1 of the 2019 one: "Data Processor staat er niet
//! voor in dat de beveiligingsmaatregelen onder alle omstandigheden
//! doeltreffend zijn"; Belco's modified 2.4.1, "staat er voor in dat ...
//! onder alle omstandigheden adequaat zijn") (`statement.security`).

use super::Source;
use crate::import::Read;
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};
use crate::model::SecurityWarranty;

/// The measures of the item answering the template's question: the bullets
/// after the question; else the list after its colon, to the end of that
/// sentence, one measure between commas or semicolons ("encryption of data
/// in transit and at rest, multi-factor authentication for staff, daily
/// backups, and 24/7 monitoring"; an "and" inside a measure stays); not
/// stated where the answer is prose. Each measure starts with a capital,
/// as a list item, and without its final full stop.
pub(crate) fn measures(s: &Structure) -> Read<Vec<String>> {
    let Some(item) = s.item("security") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let text = src.text();
    let lines = src.passage.line_ranges();
    // The question's colon is looked for in its first sentence, which may
    // wrap over lines.
    let sentences = src.passage.sentences();
    let bullets: Vec<(usize, usize)> = item
        .lines
        .iter()
        .zip(&lines)
        .filter(|(l, _)| l.bullet)
        .map(|(_, &r)| r)
        .collect();
    let (list, (a, b)): (Vec<&str>, _) =
        if let (Some(first), Some(last)) = (bullets.first(), bullets.last()) {
            let list = bullets.iter().map(|&(a, b)| &text[a..b]).collect();
            (list, (first.0, last.1))
        } else if let Some(colon) = sentences
            .first()
            .and_then(|&(a, b)| text[a..b].find(':').map(|c| a + c + 1))
            && let Some(&(_, end)) = sentences.iter().find(|&&(_, e)| e > colon)
            && !text[colon..end].trim().is_empty()
        {
            (text[colon..end].split([',', ';']).collect(), (colon, end))
        } else {
            // Prose (Belco's DPS 1.12: paragraphs under a heading): which
            // sentences are measures, and where one ends, is a person's to
            // say; the review lists the measures as not stated.
            return Read::NotStated;
        };
    let measures: Vec<String> = list.into_iter().filter_map(measure).collect();
    if measures.is_empty() {
        Read::NotStated
    } else {
        Read::stated(measures, src.evidence(a, b))
    }
}

/// One measure as a list item: whitespace joined, without a leading "and"
/// / "en" / "or" / "of" and a final full stop, its first letter a capital.
fn measure(raw: &str) -> Option<String> {
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = joined.as_str().trim_end_matches(['.', ';']).trim();
    for lead in ["and ", "en ", "or ", "of "] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest;
        }
    }
    let mut chars = t.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The information security policy the item answering "hanteert een
/// informatiebeveiligingsbeleid gebaseerd op" states, as written.
pub(crate) fn isms(s: &Structure) -> Read<String> {
    let Some(item) = s.item("isms") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let text = src.text();
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        Read::NotStated
    } else {
        Read::stated(joined, src.evidence(0, text.len()))
    }
}

/// What the processor warrants about its measures: from a clause of part
/// 2, then the security item, the sentence about the measures "onder alle
/// omstandigheden" / "in all circumstances": not warranted where it says
/// so ("staat er niet voor in", "does not guarantee", "does not warrant"),
/// adequate where it warrants them ("staat er voor in", "guarantees",
/// "warrants"); not stated otherwise.
pub(crate) fn warranty(s: &Structure) -> Read<SecurityWarranty> {
    let mut sources: Vec<Source> = s.clauses.iter().map(Source::clause).collect();
    sources.extend(s.item("security").map(Source::item));
    for src in &sources {
        for (a, b) in src.passage.sentences() {
            let f = fold(&src.text()[a..b]);
            if !(f.contains("alle omstandigheden") || f.contains("all circumstances")) {
                continue;
            }
            let denied = has_any(
                &f,
                &[
                    "niet voor in",
                    "niet ervoor in",
                    "does not guarantee",
                    "does not warrant",
                    "not warrant",
                ],
            );
            let warranted = has_any(&f, &["voor in", "ervoor in", "guarantee", "warrant"]);
            let w = if denied {
                SecurityWarranty::NotWarranted
            } else if warranted {
                SecurityWarranty::AdequateUnderAllCircumstances
            } else {
                continue;
            };
            return Read::stated(w, src.evidence(a, b));
        }
    }
    Read::NotStated
}
