//! Where the processor processes personal data in general (DPS 8 of the
//! 2025 template, "Data processor verwerkt de persoonsgegevens van zijn
//! opdrachtgevers binnen de EU/EER"; Belco's DPS 1.8, "Belco verwerkt
//! persoonsgegevens binnen en soms buiten de EU/EER"): the places the item
//! names, and whether it says some processing happens outside the EEA
//! (`statement.processing_locations`).

use super::{ImportedSubProcessor, Source, country_at};
use crate::import::Read;
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};
use crate::values::{Country, CountryNames, Location, Region};

/// Words that say processing happens outside the EEA without naming where
/// (folded).
const OUTSIDE: [&str; 10] = [
    "buiten de eu",
    "buiten de eer",
    "buiten europa",
    "outside the eu",
    "outside the eea",
    "outside europe",
    "elders",
    "elsewhere",
    "doorgifte",
    "transfer",
];

/// Words that deny it (folded): "niet buiten de EU", "uitsluitend binnen".
const DENIED: [&str; 11] = [
    "niet buiten",
    "nooit buiten",
    "not outside",
    "never outside",
    "geen doorgifte",
    "no transfer",
    "niet doorgegeven",
    "not transferred",
    "uitsluitend binnen",
    "only within",
    "exclusively within",
];

/// The processing locations and whether processing happens outside the
/// EEA, from the item answering the template's question:
///
/// - the places are the regions and countries the item names ("EU/EER" is
///   the EEA, which holds the EU; a region is left out where the countries
///   named are all in the EEA, as they are the more exact places); the
///   name of a transfer tool ("EU-VS Data Privacy Framework") names no
///   place;
/// - processing outside the EEA is stated where a country outside it is
///   named, or the item says so in words ("soms buiten de EU/EER",
///   "doorgifte", "elsewhere") and does not deny it ("niet buiten",
///   "uitsluitend binnen"); stated as not happening where it names places
///   and no such words;
/// - where the item says processing happens outside the EEA without naming
///   where, the places it names are not all of them: a person completes
///   the list (ambiguous, `statement.processing_locations.locations`);
///   unless the same sentence says where by the sub-processors ("in the
///   EU/EEA, except where a sub-processor below is located elsewhere") and
///   the item names no country outside the EEA itself:
///   then the places outside the EEA are the seats and locations the
///   sub-processor list states (ambiguous where one of those is).
pub(crate) fn read(
    s: &Structure,
    names: &CountryNames,
    subs: &Read<Vec<ImportedSubProcessor>>,
) -> (Read<Vec<Location>>, Read<bool>) {
    let Some(item) = s.item("locations") else {
        return (Read::NotStated, Read::NotStated);
    };
    let src = Source::item(item);
    let text = src.text();
    // The places of every sentence, cited from the first sentence that
    // names a place or says processing happens outside to the last.
    let mut places = Places::default();
    let mut outside = false;
    let mut by_subs = false;
    let mut range: Option<(usize, usize)> = None;
    for (a, b) in src.passage.sentences() {
        let sentence = &text[a..b];
        let found = places_in(sentence, names);
        let f = fold(sentence);
        let says_outside = has_any(&f, &OUTSIDE);
        if found.is_empty() && !says_outside {
            continue;
        }
        places.add(found);
        outside |= says_outside;
        by_subs |= says_outside
            && has_any(
                &f,
                &[
                    "sub-processor",
                    "subprocessor",
                    "subverwerker",
                    "sub-verwerker",
                ],
            );
        range = Some(range.map_or((a, b), |(start, _)| (start, b)));
    }
    let Some((a, b)) = range else {
        return (Read::NotStated, Read::NotStated);
    };
    let outside = outside && !has_any(&src.folded.text, &DENIED);
    // "except where a sub-processor below is located elsewhere": the
    // sub-processors' places outside the EEA, when every one is stated
    // and the item names none itself.
    let mut open = false;
    if outside && by_subs && !places.countries.iter().any(|c| !c.is_eea()) {
        match sub_processor_places(subs) {
            Some(countries) => places.add(Places {
                countries,
                ..Places::default()
            }),
            None => open = true,
        }
    }
    let beyond = places.countries.iter().any(|c| !c.is_eea());
    let evidence = src.evidence(a, b);
    let transfers = if beyond || outside {
        Read::stated(true, evidence.clone())
    } else if places.is_empty() {
        Read::NotStated
    } else {
        Read::stated(false, evidence.clone())
    };
    let list = places.list();
    let locations = if list.is_empty() {
        Read::NotStated
    } else if open || (outside && !beyond) {
        let named: Vec<&str> = list.iter().map(|l| l.as_str()).collect();
        Read::ambiguous(
            evidence,
            &[
                &format!(
                    "the places named, locations = [\"{}\"]: the item also says processing happens \
                     outside the EEA without naming where",
                    named.join("\", \"")
                ),
                "those places and where outside the EEA it happens (from the sub-processors, \
                 or as the processor says)",
            ],
            "statement.processing_locations.locations",
        )
    } else {
        Read::stated(list, evidence)
    };
    (locations, transfers)
}

/// The countries outside the EEA where the listed sub-processors are seated
/// or process, in the list's order; `None` where the list is not stated or
/// a seat or locations of it is ambiguous (the places are then not known).
fn sub_processor_places(subs: &Read<Vec<ImportedSubProcessor>>) -> Option<Vec<Country>> {
    let Read::Stated { value, .. } = subs else {
        return None;
    };
    let mut out = Vec::new();
    for sp in value {
        if matches!(sp.seat, Read::Ambiguous(_)) || matches!(sp.locations, Read::Ambiguous(_)) {
            return None;
        }
        let seat = sp.seat.value().copied();
        let located = sp
            .locations
            .value()
            .into_iter()
            .flatten()
            .filter_map(|l| l.country());
        for c in seat.into_iter().chain(located) {
            if !c.is_eea() && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    Some(out)
}

/// The regions and countries a text names.
#[derive(Debug, Default)]
struct Places {
    eu: bool,
    eea: bool,
    countries: Vec<Country>,
}

impl Places {
    fn is_empty(&self) -> bool {
        !self.eu && !self.eea && self.countries.is_empty()
    }

    /// These places and `other`'s.
    fn add(&mut self, other: Places) {
        self.eu |= other.eu;
        self.eea |= other.eea;
        for c in other.countries {
            if !self.countries.contains(&c) {
                self.countries.push(c);
            }
        }
    }

    /// As locations: the EEA where it is named (it holds the EU), else the
    /// EU; no region where every country named is in the EEA; then the
    /// countries.
    fn list(&self) -> Vec<Location> {
        let all_eea = !self.countries.is_empty() && self.countries.iter().all(|c| c.is_eea());
        let region = if all_eea {
            None
        } else if self.eea {
            Some(Region::Eea)
        } else if self.eu {
            Some(Region::Eu)
        } else {
            None
        };
        region
            .map(Location::Region)
            .into_iter()
            .chain(self.countries.iter().copied().map(Location::Country))
            .collect()
    }
}

/// The places of `text`: "EU", "EER" / "EEA", and the words starting with a
/// capital that name a country (one word or two, "Verenigde Staten"), but
/// not the country of a transfer tool's name ("EU-VS", "EU-US", "EU-U.S.").
fn places_in(text: &str, names: &CountryNames) -> Places {
    let mut cleaned = text.to_owned();
    for tool in ["EU-VS", "EU-US", "EU-U.S.", "EU–VS", "EU–US"] {
        cleaned = cleaned.replace(tool, " ");
    }
    let tokens: Vec<&str> = cleaned
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let mut p = Places::default();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        match t {
            "EU" => p.eu = true,
            "EER" | "EEA" => p.eea = true,
            _ if t.starts_with(char::is_uppercase) => {
                if let Some((c, n)) = country_at(&tokens, i, names) {
                    if !p.countries.contains(&c) {
                        p.countries.push(c);
                    }
                    i += n;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    p
}
