//! The breach protocol beside its notice term (`terms.rs`): the channels
//! the notice goes by and the information it carries (DPS 17 of the 2025
//! template, "hanteert data processor het volgende datalekkenprotocol";
//! Belco's DPS 1.13 "Datalekprotocol").

use super::{Source, word_at};
use crate::import::Read;
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};
use crate::model::Channel;

/// Words of a sentence about telling the client (folded).
const NOTICE: [&str; 10] = [
    "op de hoogte",
    "informeren",
    "inform",
    "notify",
    "notif",
    "verstuurd",
    "gestuurd",
    "sent",
    "meld",
    "report",
];

/// The channels the breach item names for the notice to the client, in
/// the order it names them: from its sentences about telling the client
/// ("telefonisch op de hoogte stellen", "meldt ... per e-mail", "Daarnaast
/// zal er ook een mail ... worden verstuurd", "by e-mail and by phone",
/// "via de bekende contactpersoon"), not those about the supervisory
/// authority (the controller's notice).
pub(crate) fn channels(s: &Structure) -> Read<Vec<Channel>> {
    let Some(item) = s.item("breach") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let mut found: Vec<(usize, Channel)> = Vec::new();
    let mut range: Option<(usize, usize)> = None;
    for (a, b) in src.passage.sentences() {
        let f = fold(&src.text()[a..b]);
        if !has_any(&f, &NOTICE)
            || ["autoriteit", "authority", "toezichthouder"]
                .iter()
                .any(|w| f.contains(w))
        {
            continue;
        }
        let mut hit = false;
        for (words, channel) in [
            (
                &[
                    "telefonisch",
                    "telefoon",
                    "by phone",
                    "by telephone",
                    "phone call",
                ][..],
                Channel::Phone,
            ),
            (
                &["mail", "e-mail", "email", "per e-mail", "by e-mail"][..],
                Channel::Email,
            ),
            (
                &[
                    "bekende contactpersoon",
                    "known contact person",
                    "contactpersoon",
                ][..],
                Channel::KnownContact,
            ),
        ] {
            let at = words.iter().filter_map(|w| word_at(&f, w)).min();
            if let Some(at) = at {
                hit = true;
                if !found.iter().any(|(_, c)| *c == channel) {
                    found.push((a + at, channel));
                }
            }
        }
        if hit {
            range = Some(range.map_or((a, b), |(s, _)| (s, b)));
        }
    }
    let Some((a, b)) = range else {
        return Read::NotStated;
    };
    found.sort_by_key(|(at, _)| *at);
    Read::stated(
        found.into_iter().map(|(_, c)| c).collect(),
        src.evidence(a, b),
    )
}

/// The byte offset of `needle` (ASCII, lowercase) in `hay`, ignoring
/// ASCII case.
fn find_ascii(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The information the notice carries: the numbered or bulleted list after
/// a line ending in "de volgende informatie:" / "the following
/// information:" (Belco DPS 1.13, items 1-10), or a list written in a
/// sentence after a colon ("levert hij zoveel mogelijk relevante informatie
/// aan: omschrijving en aard van het incident, ..., mogelijke gevolgen en de
/// getroffen en te nemen maatregelen"), whose last element is split at its
/// "en" / "and": where it has more than one, which one ends the list is
/// ambiguous and each reading is given.
pub(crate) fn information(s: &Structure) -> Read<Vec<String>> {
    let Some(item) = s.item("breach") else {
        return Read::NotStated;
    };
    if let Some(list) = listed(item) {
        return list;
    }
    let src = Source::item(item);
    for (a, b) in src.passage.sentences() {
        let sentence = &src.text()[a..b];
        let Some(colon) = ["informatie aan:", "informatie:", "information:"]
            .iter()
            .find_map(|w| find_ascii(sentence, w).map(|i| i + w.len()))
        else {
            continue;
        };
        let list = sentence[colon..].trim().trim_end_matches('.');
        let mut parts: Vec<String> = list.split(", ").map(|p| p.trim().to_owned()).collect();
        let Some(last) = parts.pop() else {
            continue;
        };
        if parts.is_empty() {
            continue;
        }
        let splits: Vec<(usize, usize)> = [" en ", " and ", ", and "]
            .iter()
            .flat_map(|sep| last.match_indices(sep).map(|(i, m)| (i, i + m.len())))
            .collect();
        let evidence = src.evidence(a, b);
        let reading = |(i, j): (usize, usize)| {
            let mut v = parts.clone();
            v.push(last[..i].trim().to_owned());
            v.push(last[j..].trim().to_owned());
            v
        };
        return match splits.as_slice() {
            [] => {
                parts.push(last);
                Read::stated(capitalised(parts), evidence)
            }
            [one] => Read::stated(capitalised(reading(*one)), evidence),
            many => {
                let readings: Vec<String> = many.iter().map(|&s| reading(s).join("; ")).collect();
                let refs: Vec<&str> = readings.iter().map(String::as_str).collect();
                Read::ambiguous(evidence, &refs, "terms.breach.information")
            }
        };
    }
    Read::NotStated
}

/// The items of a numbered (`1.`, `2)`) or bulleted list that follows a
/// line ending in "informatie:" / "information:", each with the lines that
/// continue it (a line that does not end a sentence goes on in the next).
fn listed(item: &crate::import::structure::Item) -> Option<Read<Vec<String>>> {
    let lines = &item.lines;
    let start = lines.iter().position(|l| {
        let f = fold(&l.text);
        f.ends_with("informatie:") || f.ends_with("information:")
    })?;
    let mut entries: Vec<(String, usize, usize)> = Vec::new();
    let mut end = start;
    for (k, l) in lines.iter().enumerate().skip(start + 1) {
        let numbered = l
            .text
            .split_once(['.', ')'])
            .filter(|(n, rest)| {
                !n.is_empty()
                    && n.len() <= 2
                    && n.chars().all(|c| c.is_ascii_digit())
                    && rest.starts_with(' ')
            })
            .map(|(_, rest)| rest.trim());
        match (numbered, l.bullet) {
            (Some(text), _) => entries.push((text.to_owned(), l.first, l.last)),
            (None, true) => entries.push((l.text.clone(), l.first, l.last)),
            (None, false) => match entries.last_mut() {
                Some((text, _, last)) if !text.ends_with(['.', ';']) => {
                    text.push(' ');
                    text.push_str(&l.text);
                    *last = l.last;
                }
                _ => break,
            },
        }
        end = k;
    }
    let (first, last) = (entries.first()?.1, entries.last()?.2);
    // The quote is the text as written: the line that opens the list and
    // the list's lines, numbers and bullets as the lines keep them.
    let quote = lines[start..=end]
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if quote.chars().count() > 400 {
        quote = quote.chars().take(399).collect::<String>() + "…";
    }
    let evidence = crate::import::Evidence {
        clause: item.clause(),
        lines: (lines[start].first.min(first), last),
        quote,
    };
    Some(Read::stated(
        entries
            .into_iter()
            .map(|(t, _, _)| t.trim_end_matches(['.', ';']).trim().to_owned())
            .collect(),
        evidence,
    ))
}

/// The list's entries, each starting with a capital (as a list's item
/// does), the rest as written.
fn capitalised(parts: Vec<String>) -> Vec<String> {
    parts
        .into_iter()
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => p,
            }
        })
        .collect()
}
