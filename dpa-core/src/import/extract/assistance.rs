//! The processor's help to its client (GDPR art. 28(3)(e) and (f)): with
//! requests from data subjects (DPS 10 of the 2025 template, "Data
//! processor ondersteunt opdrachtgever op de volgende manier bij verzoeken
//! van betrokkenen:") and with a data protection impact assessment (DPS 11,
//! "Data processor zal op de volgende wijze medewerking verlenen aan Data
//! Protection Impact Assessments (DPIA):"): the answer in the statement's
//! words, and whether costs are made known beforehand
//! (`statement.data_subject_requests`, `statement.dpia`).

use super::{ImportedAssistance, Source};
use crate::import::Read;
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};

/// Words that say the processor does not help (folded): the answer is then
/// not read as help.
const DENIED: [&str; 6] = [
    "ondersteunt niet",
    "geen ondersteuning",
    "verleent geen medewerking",
    "does not support",
    "does not assist",
    "no assistance",
];

/// The help the item `key` (`data-subject-requests` or `dpia`) describes:
/// its answer (after the question's colon, or the item whole where the
/// question and the answer are one sentence, "The data processor will
/// assist the client, on request, with a DPIA."), and costs announced in
/// advance where a sentence says costs are made known beforehand
/// ("Eventuele bijkomende kosten worden vooraf ... kenbaar gemaakt").
/// Where the item says the processor does not help, a person reads it
/// (ambiguous, `setting`).
pub(crate) fn read(s: &Structure, key: &str, setting: &str) -> Read<ImportedAssistance> {
    let Some(item) = s.item(key) else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let text = src.text();
    let first_line_end = src.passage.line_ranges().first().map_or(0, |r| r.1);
    // The answer after the question's colon, on its line or the next.
    let start = text[..first_line_end]
        .find(':')
        .map(|c| c + 1)
        .filter(|&c| !text[c..].trim().is_empty())
        .unwrap_or(0);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let description: String = text[start..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if description.is_empty() {
        return Read::NotStated;
    }
    let evidence = src.evidence(start, text.len());
    let f = fold(&description);
    if has_any(&f, &DENIED) {
        return Read::ambiguous(
            evidence,
            &[
                "assists = false: the processor does not help",
                "assists = true, with the conditions the text gives",
            ],
            setting,
        );
    }
    let costs_announced_in_advance = src.passage.sentences().into_iter().any(|(a, b)| {
        let g = fold(&text[a..b]);
        has_any(&g, &["kosten", "cost"])
            && has_any(&g, &["vooraf", "van tevoren", "in advance", "beforehand"])
    });
    Read::stated(
        ImportedAssistance {
            description,
            costs_announced_in_advance,
        },
        evidence,
    )
}
