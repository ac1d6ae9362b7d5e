//! The processor's identity, the statement's version, date and history, the
//! products, and the edition of the standard clauses (DPS items 1-3 of the
//! template; the title page; the edition line).

use super::{HistoryEntry, ImportedProcessor, Source};
use crate::import::structure::Structure;
use crate::import::words::{first_date, fold, words};
use crate::import::{Evidence, Read};
use crate::model::Edition;
use crate::values::{CountryNames, StatedDate};

/// Company forms that end a company's name.
pub(crate) const COMPANY_FORMS: [&str; 14] = [
    "B.V.", "BV", "N.V.", "NV", "Inc.", "Inc", "Ltd", "Ltd.", "GmbH", "SARL", "S.A.", "LLC", "AB",
    "SAS",
];

/// The processor (DPS item 1; the first item where no item asks the
/// template's question, as in Belco's "1.1").
pub(crate) fn processor(s: &Structure, names: &CountryNames) -> ImportedProcessor {
    let Some(item) = s.item("processor").or(s.items.first()) else {
        return empty_processor();
    };
    let src = Source::item(item);
    let (street, postal_code, city, country) = address(&src, names);
    ImportedProcessor {
        name: name(&src),
        street,
        postal_code,
        city,
        country,
        website: token_after(&src, &["https://", "http://", "www."], false)
            .map(|(v, e)| Read::stated(v, e))
            .unwrap_or(Read::NotStated),
        chamber_of_commerce: number_after(
            &src,
            &[
                "kvk-nummer",
                "kvk nummer",
                "kvk",
                "chamber of commerce number",
                "chamber of commerce",
                "coc number",
            ],
            |t| t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()),
        ),
        vat_number: number_after(
            &src,
            &[
                "btw-nummer",
                "btw nummer",
                "btw-id",
                "btw",
                "vat number",
                "vat id",
                "vat",
            ],
            |t| {
                (10..=14).contains(&t.len())
                    && t.chars().take(2).all(|c| c.is_ascii_uppercase())
                    && t.chars().skip(2).any(|c| c.is_ascii_digit())
            },
        ),
        contact_name: contact_name(&src),
        email: email(&src),
        phone: phone(&src),
    }
}

fn empty_processor() -> ImportedProcessor {
    ImportedProcessor {
        name: Read::NotStated,
        street: Read::NotStated,
        postal_code: Read::NotStated,
        city: Read::NotStated,
        country: Read::NotStated,
        website: Read::NotStated,
        chamber_of_commerce: Read::NotStated,
        vat_number: Read::NotStated,
        contact_name: Read::NotStated,
        email: Read::NotStated,
        phone: Read::NotStated,
    }
}

/// The name: after the question's colon (`... data processor (verwerker):
/// Alles Online B.V.,`, `... opgesteld door: Kaasboer Hosting B.V.,`),
/// after the question without one where what follows ends in a company
/// form (`opgesteld door Kaasboer Hosting B.V., Kerkstraat 12`), before
/// `(Data Processor)` on its line, or a line ending in a company form.
fn name(src: &Source) -> Read<String> {
    let text = src.text();
    let up_to_comma = |end: usize| {
        let rest = &text[end..];
        let stop = rest.find([',', '\n']).unwrap_or(rest.len());
        let name = rest[..stop].trim();
        (!name.is_empty() && name.len() < 80).then_some(name)
    };
    if let Some((_, end)) = src.folded.find(&[
        "processor (verwerker):",
        "data processor:",
        "verwerker:",
        "opgesteld door:",
        "drawn up by:",
    ]) && let Some(name) = up_to_comma(end)
    {
        return Read::stated(name.to_owned(), src.evidence_at(end));
    }
    if let Some((_, end)) = src.folded.find(&["opgesteld door ", "drawn up by "])
        && let Some(name) = up_to_comma(end)
        && ends_in_company_form(name)
    {
        return Read::stated(name.to_owned(), src.evidence_at(end));
    }
    for (a, b) in src.passage.line_ranges() {
        let line = text[a..b].trim();
        for mark in [
            "(Data Processor)",
            "(data processor)",
            "(verwerker)",
            "(Verwerker)",
        ] {
            if let Some(name) = line.strip_suffix(mark) {
                let name = name.trim();
                if !name.is_empty() {
                    return Read::stated(name.to_owned(), src.evidence(a, b));
                }
            }
        }
        if ends_in_company_form(line) && line.len() < 80 {
            return Read::stated(line.to_owned(), src.evidence(a, b));
        }
    }
    Read::NotStated
}

/// Whether `name` ends in one of the [`COMPANY_FORMS`] after a space.
fn ends_in_company_form(name: &str) -> bool {
    COMPANY_FORMS
        .iter()
        .any(|f| name.strip_suffix(f).is_some_and(|n| n.ends_with(' ')))
}

/// The segments of the text: its lines split at commas and sentence ends,
/// each with its byte range.
fn segments(src: &Source) -> Vec<(usize, usize)> {
    let text = src.text();
    let mut out = Vec::new();
    for (a, b) in src.passage.line_ranges() {
        let mut start = a;
        let bytes = text.as_bytes();
        for i in a..b {
            let split = bytes[i] == b','
                || (bytes[i] == b'.'
                    && bytes.get(i + 1) == Some(&b' ')
                    && i > 0
                    && bytes[i - 1].is_ascii_lowercase());
            if split {
                out.push((start, i));
                start = i + 1;
            }
        }
        out.push((start, b));
    }
    out.into_iter()
        .map(|(a, b)| {
            let s = &text[a..b];
            (
                a + (s.len() - s.trim_start().len()),
                b - (s.len() - s.trim_end().len()),
            )
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// A Dutch postal code at the start of `s` (`2665 JA`, `8911BN`): the code
/// written `1234 AB` and the rest of `s`.
fn postal_code(s: &str) -> Option<(String, &str)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = s[4..].trim_start();
    let letters: String = rest.chars().take_while(char::is_ascii_uppercase).collect();
    if letters.len() != 2 || rest[2..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((format!("{digits} {letters}"), rest[2..].trim_start()))
}

/// Street, postal code, city and country: the segment with a postal code,
/// the street in the segment before it (ending in a house number), the
/// city after the code (or in the next segment), the country in the segment
/// after the city where it is a country's name and nothing else.
fn address(
    src: &Source,
    names: &CountryNames,
) -> (
    Read<String>,
    Read<String>,
    Read<String>,
    Read<crate::values::Country>,
) {
    let text = src.text();
    let segs = segments(src);
    let none = || {
        (
            Read::NotStated,
            Read::NotStated,
            Read::NotStated,
            Read::NotStated,
        )
    };
    let Some((i, code, rest)) = segs
        .iter()
        .enumerate()
        .find_map(|(i, &(a, b))| postal_code(&text[a..b]).map(|(code, rest)| (i, code, rest)))
    else {
        return none();
    };
    let (a, b) = segs[i];
    let ev = src.evidence(segs[i.saturating_sub(1)].0, b);
    // The house number after the street, as Dutch writes it ("Kerkstraat
    // 12", "Havenstraat 7-9"), or before it, as English writes it ("1 Canal
    // Street"): a word of at most six characters starting with a digit, at
    // either end, beside at least one word that is no number.
    let house_number = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        let number = |w: &&str| w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 6;
        let letters = |w: &&str| w.starts_with(char::is_alphabetic);
        words.len() >= 2
            && (words.last().is_some_and(number) || words.first().is_some_and(number))
            && words.iter().any(letters)
    };
    let street = i
        .checked_sub(1)
        .map(|j| without_lead_in(text[segs[j].0..segs[j].1].trim()))
        .filter(|s| house_number(s) && !s.contains(':'))
        .map_or(Read::NotStated, |s| Read::stated(s.to_owned(), ev.clone()));
    // "2011 NM Haarlem (KvK 34567890).": the city before a bracketed remark.
    let city_in_rest = rest.split(['.', '(']).next().unwrap_or("").trim();
    let (city, after) = if city_in_rest.is_empty() {
        (segs.get(i + 1).map(|&(c, d)| text[c..d].trim()), i + 2)
    } else {
        (Some(city_in_rest), i + 1)
    };
    let city = city
        .filter(|c| {
            !c.is_empty() && c.split_whitespace().count() <= 3 && c.starts_with(char::is_uppercase)
        })
        .map_or(Read::NotStated, |c| {
            Read::stated(c.to_owned(), src.evidence(a, b))
        });
    let country = segs
        .get(after)
        .and_then(|&(c, d)| {
            // "the Netherlands (Chamber of Commerce 23456789)": the country
            // before a bracketed remark.
            let seg = text[c..d].trim().trim_end_matches('.');
            let seg = seg.split('(').next().unwrap_or(seg).trim_end();
            let seg = seg
                .strip_prefix("the ")
                .or_else(|| seg.strip_prefix("The "))
                .unwrap_or(seg);
            names.find(seg).map(|country| (country, src.evidence(c, d)))
        })
        .map_or(Read::NotStated, |(c, e)| Read::stated(c, e));
    (
        street,
        Read::stated(code, src.evidence(a, b)),
        city,
        country,
    )
}

/// A street without the words that lead to it in a sentence: "gevestigd
/// aan de Nieuwe Gracht 20" is "Nieuwe Gracht 20", "located at 1 Canal
/// Street" is "1 Canal Street".
fn without_lead_in(s: &str) -> &str {
    const LEAD_INS: [&str; 10] = [
        "gevestigd aan de ",
        "gevestigd aan het ",
        "gevestigd aan ",
        "gevestigd op ",
        "gevestigd te ",
        "kantoorhoudende aan de ",
        "kantoorhoudende aan ",
        "located at ",
        "with its registered office at ",
        "having its office at ",
    ];
    LEAD_INS
        .iter()
        .find_map(|l| {
            s.get(..l.len())
                .filter(|head| head.eq_ignore_ascii_case(l))
                .map(|_| &s[l.len()..])
        })
        .unwrap_or(s)
}

/// The first whitespace-separated token starting with one of `prefixes`
/// (`contains`: containing one), without trailing punctuation.
fn token_after(src: &Source, prefixes: &[&str], contains: bool) -> Option<(String, Evidence)> {
    let text = src.text();
    let mut offset = 0;
    for tok in text.split_inclusive(char::is_whitespace) {
        let t = tok
            .trim()
            .trim_start_matches(['(', '<'])
            .trim_end_matches(['.', ',', ';', ')', '>', ':']);
        let hit = prefixes.iter().any(|p| {
            if contains {
                t.contains(p)
            } else {
                t.starts_with(p)
            }
        });
        if hit && !t.is_empty() {
            return Some((t.to_owned(), src.evidence_at(offset)));
        }
        offset += tok.len();
    }
    None
}

/// The token after the first of `labels` that `valid` accepts (skipping
/// `nummer`, `number`, `nr`, `:`).
fn number_after(src: &Source, labels: &[&str], valid: impl Fn(&str) -> bool) -> Read<String> {
    let Some((start, end)) = src.folded.find(labels) else {
        return Read::NotStated;
    };
    let rest = &src.text()[end..];
    for tok in rest.split_whitespace().take(3) {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        if matches!(fold(t).as_str(), "nummer" | "number" | "nr" | "no" | "") {
            continue;
        }
        if valid(t) {
            return Read::stated(t.to_owned(), src.evidence_at(start));
        }
        break;
    }
    Read::NotStated
}

/// The e-mail address; a redacted one (`xxxx@xxxx.xxx`) is no value (the
/// placeholder is flagged).
fn email(src: &Source) -> Read<String> {
    match token_after(src, &["@"], true) {
        Some((t, e)) if t.contains('.') && !fold(&t).contains("xxx") => {
            Read::stated(t.trim_start_matches("mailto:").to_owned(), e)
        }
        _ => Read::NotStated,
    }
}

/// The telephone number after `telefoon`, `tel.`, `phone`: digits, spaces,
/// `+`, `-`; a national `(0)` after the country code dropped.
fn phone(src: &Source) -> Read<String> {
    let Some((start, end)) = src.folded.find(&[
        "telefoonnummer",
        "telefoon",
        "telephone",
        "phone",
        "tel.",
        "tel:",
    ]) else {
        return Read::NotStated;
    };
    let rest = src.text()[end..].trim_start_matches([':', ' ', '.']);
    let rest = rest.strip_prefix("via ").unwrap_or(rest);
    let raw: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-'))
        .collect();
    let cleaned = raw.replace("(0)", " ").replace(['(', ')'], " ");
    let phone = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if phone.chars().filter(char::is_ascii_digit).count() < 9 {
        return Read::NotStated;
    }
    Read::stated(phone, src.evidence_at(start))
}

/// The contact person's name: after `contactpersoon ...:` or `contact
/// person ...:`, up to the comma, where it is two to four capitalised words.
fn contact_name(src: &Source) -> Read<String> {
    let Some((start, end)) = src.folded.find(&[
        "contactpersoon",
        "contact person",
        "privacy officer",
        "functionaris gegevensbescherming",
    ]) else {
        return Read::NotStated;
    };
    let rest = &src.text()[end..];
    let Some(colon) = rest.find(':').filter(|&c| c < 50) else {
        return Read::NotStated;
    };
    let after = &rest[colon + 1..];
    let name = after[..after.find([',', '\n', '(']).unwrap_or(after.len())].trim();
    let n = name.split_whitespace().count();
    if (2..=4).contains(&n)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "van" | "de" | "der" | "den"))
        && !name.contains('@')
    {
        return Read::stated(name.to_owned(), src.evidence_at(start));
    }
    Read::NotStated
}

/// A version number: `1.3`, `1.2.1`, `3`.
/// The version number after the word `versie` / `version` in `sentence`
/// (`versie 2.1`, `Version 3`), where it is one.
fn version_in(sentence: &str) -> Option<String> {
    let sw = words(sentence);
    let i = sw.iter().position(|x| x == "versie" || x == "version")?;
    let mut v = sw.get(i + 1).cloned().unwrap_or_default();
    // "versie 1.0" is split into words "1", "0": joined again.
    let mut j = i + 2;
    while let Some(next) = sw.get(j).filter(|n| n.chars().all(|c| c.is_ascii_digit())) {
        if sentence.contains(&format!("{v}.{next}")) {
            v = format!("{v}.{next}");
            j += 1;
        } else {
            break;
        }
    }
    version_number(&v).then_some(v)
}

fn version_number(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= 12
        && w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The entries `versie X (date)` / `version X (date)` in `src`, with the
/// change notes on the lines after each (up to the next entry).
fn history_in(src: &Source) -> Vec<HistoryEntry> {
    let text = src.text();
    let mut out: Vec<HistoryEntry> = Vec::new();
    for (a, b) in src.passage.line_ranges() {
        let line = &text[a..b];
        let mut found_here = false;
        for (i, part) in line.match_indices(['v', 'V']).map(|(i, _)| (i, &line[i..])) {
            let f = fold(part);
            let Some(rest) = f
                .strip_prefix("versie ")
                .or_else(|| f.strip_prefix("version "))
            else {
                continue;
            };
            let number: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let number = number.trim_end_matches('.').to_owned();
            let after = rest[number.len()..].trim_start();
            if !version_number(&number) || !after.starts_with('(') {
                continue;
            }
            let close = after.find(')').unwrap_or(after.len());
            if let Some(date) = first_date(&after[..close], true) {
                out.push(HistoryEntry {
                    version: number,
                    date,
                    changes: Vec::new(),
                    evidence: src.evidence(a + i, b),
                });
                found_here = true;
            }
        }
        if !found_here && let Some(last) = out.last_mut() {
            let l = line.trim();
            let starts_change = [
                "Wijziging",
                "Change",
                "Toegevoegd",
                "Added",
                "Removed",
                "Verwijderd",
            ]
            .iter()
            .any(|w| l.starts_with(w));
            match last.changes.last_mut() {
                Some(c) if !starts_change => {
                    c.push(' ');
                    c.push_str(l);
                }
                _ => last.changes.push(l.to_owned()),
            }
        }
    }
    out
}

/// The version, the effective date and the history.
pub(crate) fn version(s: &Structure) -> (Read<String>, Read<StatedDate>, Vec<HistoryEntry>) {
    let item = s.item("effective-date").map(Source::item);
    let mut history = history_in(&Source::front(s));
    if let Some(src) = &item {
        history.extend(history_in(src));
    }
    history.sort_by_key(|h| h.date.earliest());
    let mut version = Read::NotStated;
    let mut date = Read::NotStated;
    if let Some(src) = &item {
        let first_sentence = src
            .passage
            .sentences()
            .first()
            .copied()
            .unwrap_or((0, src.text().len()));
        let sentence = &src.text()[first_sentence.0..first_sentence.1];
        if let Some(d) = first_date(sentence, false) {
            date = Read::stated(d, src.evidence(first_sentence.0, first_sentence.1));
        }
        // The version of the date's sentence; else of the first later
        // sentence of the item that names one ("Ingangsdatum: 15 januari
        // 2026. Versie 4.0."), not one about earlier versions.
        let later = src
            .passage
            .sentences()
            .into_iter()
            .skip(1)
            .filter(|&(a, b)| {
                let f = fold(&src.text()[a..b]);
                ![
                    "eerdere", "vorige", "oudere", "earlier", "previous", "older",
                ]
                .iter()
                .any(|w| f.contains(w))
            });
        if let Some((v, (a, b))) = std::iter::once(first_sentence)
            .chain(later)
            .find_map(|(a, b)| version_in(&src.text()[a..b]).map(|v| (v, (a, b))))
        {
            version = Read::stated(v, src.evidence(a, b));
        }
        if date.value().is_some()
            && !history.iter().any(|h| Some(&h.version) == version.value())
            && let (Some(v), Some(d), Some(e)) = (version.value(), date.value(), date.evidence())
        {
            history.push(HistoryEntry {
                version: v.clone(),
                date: *d,
                changes: Vec::new(),
                evidence: e.clone(),
            });
            history.sort_by_key(|h| h.date.earliest());
        }
    }
    if let (Read::NotStated, Some(last)) = (&version, history.last()) {
        version = Read::stated(last.version.clone(), last.evidence.clone());
    }
    if let (Read::NotStated, Some(last)) = (&date, history.last()) {
        date = Read::ambiguous(
            last.evidence.clone(),
            &[
                &format!(
                    "the date of the latest version ({}, version {})",
                    last.date, last.version
                ),
                "a later date the document does not give",
            ],
            "statement.effective_date",
        );
    }
    (version, date, history)
}

/// The products and services (DPS item 3): after the question's colon, split
/// at semicolons (or, with none, at commas and a last `and` / `en` where
/// every part starts with a capital); parentheses dropped.
pub(crate) fn products(s: &Structure) -> Read<Vec<String>> {
    let Some(item) = s.item("products") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let Some((a, b)) = src.passage.sentences().first().copied() else {
        return Read::NotStated;
    };
    let sentence = &src.text()[a..b];
    let Some(colon) = sentence.find(':') else {
        return Read::NotStated;
    };
    let list = sentence[colon + 1..].trim().trim_end_matches('.');
    let mut parts: Vec<String> = split_top_level(list, ';');
    if parts.len() == 1 {
        let candidate: Vec<String> = list
            .split(", ")
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" en "))
            .map(str::to_owned)
            .collect();
        if candidate
            .iter()
            .all(|p| p.trim().starts_with(char::is_uppercase))
        {
            parts = candidate;
        }
    }
    let names: Vec<String> = parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = p
                .strip_prefix("en ")
                .or_else(|| p.strip_prefix("and "))
                .unwrap_or(p);
            let p = p.find(" (").map_or(p, |i| &p[..i]);
            p.trim().trim_end_matches('.').to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if names.is_empty() {
        return Read::NotStated;
    }
    Read::stated(names, src.evidence(a, b))
}

/// `s` split at `sep` outside parentheses.
pub(crate) fn split_top_level(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == sep && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The edition line, as written (the statement's `template`, where the
/// line is not a sentence of an item) and as the edition it names.
pub(crate) fn edition(s: &Structure) -> (Read<String>, Read<Edition>) {
    let Some(e) = &s.edition else {
        return (Read::NotStated, Read::NotStated);
    };
    let evidence = Evidence {
        clause: "edition line".to_owned(),
        lines: (e.line.first, e.line.last),
        quote: e.line.text.clone(),
    };
    // A line of part 1's items ("7. Data processor gebruikt de
    // Standaardclausules voor verwerkingen, versie maart 2025") names the
    // clauses' edition in a sentence about them: no template's name.
    let in_an_item = s
        .items
        .iter()
        .flat_map(|i| &i.lines)
        .any(|l| l.first == e.line.first);
    let template = if in_an_item {
        Read::NotStated
    } else {
        Read::stated(e.line.text.clone(), evidence.clone())
    };
    (template, Read::stated(e.edition, evidence))
}
