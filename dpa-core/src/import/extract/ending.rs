//! How the agreement ends and what happens to the data then, beside the
//! deletion term (`terms.rs`): the duration (standard clause 6.1-6.2 /
//! 2.6.1-2.6.2, "gesloten voor onbepaalde tijd", "eindigt van rechtswege bij
//! beëindiging van de Overeenkomst"; or an item of the statement saying so)
//! and the return of data (the NLdigital 2025 template's DPS 13
//! "Retourneren van persoonsgegevens", or a sentence of another item on
//! exporting or returning the data, as Belco's DPS 1.12).

use super::{Source, contains_word};
use crate::import::Read;
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};
use crate::model::ReturnMethod;

/// How long the agreement runs, as stated.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedDuration {
    /// "gesloten voor onbepaalde tijd", "concluded for an indefinite
    /// period": `true` where stated (the import never reads `false`: a
    /// text that says nothing is not stated).
    pub indefinite: Read<bool>,
    /// "eindigt van rechtswege bij beëindiging van de Overeenkomst", "ends
    /// by operation of law when the Agreement ends".
    pub ends_with_main_agreement: Read<bool>,
}

/// The return of data at the end, as stated.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedReturn {
    /// How the client gets its data back: on request ("Op verzoek ...
    /// retourneert"), or by exporting it itself ("kan ... geëxporteerd
    /// worden", "can export").
    pub method: Read<ReturnMethod>,
    /// "machineleesbaar", "machine-readable".
    pub machine_readable: Read<bool>,
    /// "vóór (de) verwijdering", "before deletion", "before the end of the
    /// Agreement".
    pub before_deletion: Read<bool>,
    /// Costs made known beforehand ("kosten worden vooraf ... kenbaar
    /// gemaakt", "costs ... in advance").
    pub costs_announced_in_advance: Read<bool>,
}

/// The duration: read from the clauses of part 2, then the items of part 1.
pub(crate) fn duration(s: &Structure) -> ImportedDuration {
    let mut sources: Vec<Source> = s.clauses.iter().map(Source::clause).collect();
    sources.extend(s.items.iter().map(Source::item));
    let find = |test: &dyn Fn(&str) -> bool| -> Read<bool> {
        for src in &sources {
            for (a, b) in src.passage.sentences() {
                if test(&fold(&src.text()[a..b])) {
                    return Read::stated(true, src.evidence(a, b));
                }
            }
        }
        Read::NotStated
    };
    ImportedDuration {
        indefinite: find(&|f| {
            [
                "voor onbepaalde tijd",
                "for an indefinite period",
                "for an indefinite term",
            ]
            .iter()
            .any(|w| f.contains(w))
                && !f.contains("niet voor onbepaalde")
        }),
        ends_with_main_agreement: find(&|f| {
            (f.contains("eindigt van rechtswege") || f.contains("by operation of law"))
                && ["beeindiging", "einde", "termination", "ends", "end of"]
                    .iter()
                    .any(|w| f.contains(w))
        }),
    }
}

/// Words of a sentence about getting the data back (folded).
const RETURN_WORDS: [&str; 10] = [
    "retourneer",
    "retourneren",
    "terugbezorg",
    "teruggeven",
    "teruggave",
    "geexporteerd",
    "exporteren",
    "export their data",
    "return the personal data",
    "returns the personal data",
];

/// The return of data: from the return item, else from the first sentence
/// of part 1 that speaks of returning or exporting the client's data and
/// not of data subjects' requests (those are DPS 10's self-service, not the
/// return at the end). The standard clause ("of, indien overeengekomen, in
/// een machine leesbaar formaat terugbezorgen", clause 6.3 / 2.6.3) is the
/// same in every statement and is not read as the statement's own.
pub(crate) fn return_of_data(s: &Structure) -> ImportedReturn {
    let mut out = ImportedReturn {
        method: Read::NotStated,
        machine_readable: Read::NotStated,
        before_deletion: Read::NotStated,
        costs_announced_in_advance: Read::NotStated,
    };
    let mut sources: Vec<Source> = s
        .item("return-of-data")
        .map(Source::item)
        .into_iter()
        .collect();
    sources.extend(
        s.items
            .iter()
            .filter(|i| i.key != Some("return-of-data") && i.key != Some("data-subject-requests"))
            .map(Source::item),
    );
    for src in &sources {
        let sentences = src.passage.sentences();
        let about_return: Vec<usize> = (0..sentences.len())
            .filter(|&i| {
                let (a, b) = sentences[i];
                let f = fold(&src.text()[a..b]);
                has_any(&f, &RETURN_WORDS)
                    && !["betrokkene", "data subject", "verzoeken van"]
                        .iter()
                        .any(|w| f.contains(w))
            })
            .collect();
        // The sentence that says how (a heading such as "Retourneren van
        // persoonsgegevens na beëindiging" names the subject, not the way),
        // else the first about it, for a person to read.
        let Some(&at) = about_return
            .iter()
            .find(|&&i| {
                let (a, b) = sentences[i];
                method_words(&fold(&src.text()[a..b])) != (false, false)
            })
            .or(about_return.first())
        else {
            continue;
        };
        let (a, b) = sentences[at];
        let sentence = &src.text()[a..b];
        let f = fold(sentence);
        let lower = sentence.to_lowercase();
        let evidence = src.evidence(a, b);
        let (on_request, self_export) = method_words(&f);
        out.method = match (on_request, self_export) {
            (true, false) => Read::stated(ReturnMethod::OnRequest, evidence.clone()),
            (false, true) => Read::stated(ReturnMethod::SelfServiceExport, evidence.clone()),
            _ => Read::ambiguous(
                evidence.clone(),
                &[
                    "on-request: the processor returns the data on the client's request",
                    "self-service-export: the client exports the data itself",
                    "if-agreed: only if the parties agree on it",
                ],
                "terms.return_of_data.method",
            ),
        };
        if [
            "machineleesbaar",
            "machine leesbaar",
            "machine-readable",
            "machine readable",
        ]
        .iter()
        .any(|w| f.contains(w))
        {
            out.machine_readable = Read::stated(true, evidence.clone());
        }
        // "vóór" with its accents: folded, it is "voor" ("for").
        if [
            "vóór verwijdering",
            "vóór de verwijdering",
            "voorafgaand aan de verwijdering",
        ]
        .iter()
        .any(|w| lower.contains(w))
            || [
                "before deletion",
                "before the deletion",
                "before the end of the agreement",
            ]
            .iter()
            .any(|w| f.contains(w))
        {
            out.before_deletion = Read::stated(true, evidence.clone());
        }
        // Costs: the same item's sentence that makes them known beforehand.
        for &(c, d) in &sentences[at..] {
            let g = fold(&src.text()[c..d]);
            if (contains_word(&g, "kosten") || contains_word(&g, "costs"))
                && ["vooraf", "in advance", "beforehand"]
                    .iter()
                    .any(|w| g.contains(w))
            {
                out.costs_announced_in_advance = Read::stated(true, src.evidence(c, d));
                break;
            }
        }
        return out;
    }
    out
}

/// Whether a folded sentence says the data is returned on request, and
/// whether the client exports it itself.
fn method_words(f: &str) -> (bool, bool) {
    let on_request = ["op verzoek", "on request", "at the request", "upon request"]
        .iter()
        .any(|w| f.contains(w));
    let self_export = [
        "geexporteerd worden",
        "zelf exporteren",
        "kan exporteren",
        "can export",
        "may export",
        "export their data",
        "via de api",
        "through the api",
    ]
    .iter()
    .any(|w| f.contains(w));
    (on_request, self_export)
}
