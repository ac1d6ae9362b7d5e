//! The sub-processors (DPS 9 / 1.9): from a table ("Bedrijf Omschrijving
//! Land vestiging", flattened to text or Markdown), a bullet list, or
//! semicolon-separated prose ("Sentry (error monitoring – VS, DPF/SCC's;
//! standaard ingezet)"), with seats and locations from Dutch and English
//! country names (CLDR, [`CountryNames`]), transfer bases and engagement.

use super::identity::COMPANY_FORMS;
use super::{ImportedSubProcessor, Source, country_at};
use crate::import::structure::Structure;
use crate::import::words::{fold, has_any};
use crate::import::{Evidence, Read};
use crate::model::{Engagement, TransferBasis};
use crate::values::{Country, CountryNames, Location, Region};

/// What a table's country column means, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// "Land vestiging", "Country of establishment", "Seat".
    Seat,
    /// "Locatie", "Location", "Land van verwerking".
    Location,
    /// "Land", "Country": seat or location, a person chooses.
    Open,
}

/// The sub-processors of the item answering the template's question.
pub(crate) fn read(s: &Structure, names: &CountryNames) -> Read<Vec<ImportedSubProcessor>> {
    let Some(item) = s.item("sub-processors") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let mut subs = table(&src, names);
    if subs.is_empty() {
        subs = bullets(&src, item, names);
    }
    if subs.is_empty() {
        subs = prose(&src, names);
    }
    if subs.is_empty() {
        return Read::NotStated;
    }
    let mut sources = vec![src.clone()];
    sources.extend(s.item("locations").map(Source::item));
    bases_from_sentences(&mut subs, &sources, names);
    let evidence = sources[0].evidence_at(0);
    Read::stated(subs, evidence)
}

/// Words of a header that name the sub-processor's column.
const NAME_HEADERS: [&str; 10] = [
    "bedrijf",
    "naam",
    "name",
    "company",
    "sub-processor",
    "subverwerker",
    "partij",
    "dienstverlener",
    "leverancier",
    "provider",
];
/// Words of a header that name the seat's column.
const SEAT_HEADERS: [&str; 5] = ["vestiging", "seat", "establish", "registered", "zetel"];
/// Words of a header that name the column of where it processes.
const LOCATION_HEADERS: [&str; 6] = [
    "locatie",
    "location",
    "verwerking",
    "processing",
    "datacenter",
    "opslag",
];

/// Whether `line` is a flattened table header (one cell): a name column
/// and a country column, what the country column means.
fn header(line: &str) -> Option<Column> {
    let f = fold(line);
    let has = |ws: &[&str]| has_any(&f, ws);
    if !has(&NAME_HEADERS) || f.len() > 80 {
        return None;
    }
    if has(&SEAT_HEADERS) {
        Some(Column::Seat)
    } else if has(&LOCATION_HEADERS) {
        Some(Column::Location)
    } else if f.contains("land") || f.contains("country") {
        Some(Column::Open)
    } else {
        None
    }
}

/// What a cell of a table's header row heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heads {
    /// The sub-processor's name.
    Name,
    /// What it does ("Doel", "Dienst", "Omschrijving", "Service").
    Purpose,
    /// A country, with what the column says it is.
    Country(Column),
    /// The transfer tool ("Doorgifte", "Waarborg", "Transfer mechanism").
    Transfer,
    /// Something else, not read.
    Other,
}

/// What the header cell `cell` heads. The purpose is asked before the
/// places ("Aard van de verwerking" is what it does, not where).
fn heads(cell: &str) -> Heads {
    let f = fold(cell);
    let has = |ws: &[&str]| has_any(&f, ws);
    if has(&NAME_HEADERS) {
        Heads::Name
    } else if has(&[
        "doel",
        "aard",
        "dienst",
        "omschrijving",
        "activiteit",
        "purpose",
        "service",
        "description",
        "nature",
    ]) {
        Heads::Purpose
    } else if has(&[
        "doorgifte",
        "waarborg",
        "grondslag",
        "transfer",
        "safeguard",
        "mechanism",
    ]) {
        Heads::Transfer
    } else if has(&SEAT_HEADERS) {
        Heads::Country(Column::Seat)
    } else if has(&LOCATION_HEADERS) {
        Heads::Country(Column::Location)
    } else if f.contains("land") || f.contains("country") {
        Heads::Country(Column::Open)
    } else {
        Heads::Other
    }
}

/// The header row of a table whose cells are kept (a Markdown or Word
/// table): what each cell heads, where one cell heads the name and another
/// a country.
fn header_cells(line: &str) -> Option<Vec<Heads>> {
    let cells: Vec<Heads> = line.split('\t').map(heads).collect();
    let one = |h: Heads| cells.iter().filter(|&&c| c == h).count() == 1;
    let country = cells.iter().any(|c| matches!(c, Heads::Country(_)));
    (cells.len() >= 2 && one(Heads::Name) && country).then_some(cells)
}

/// The country at the end of a flattened row: the last three, two or one
/// words.
fn trailing_country(row: &str, names: &CountryNames) -> Option<(Country, usize)> {
    let words: Vec<(usize, &str)> = row
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - row.as_ptr() as usize, w))
        .collect();
    for k in (1..=3).rev() {
        if words.len() <= k {
            continue;
        }
        let (at, _) = words[words.len() - k];
        if let Some(c) = names.find(&row[at..]) {
            return Some((c, at));
        }
    }
    None
}

/// A table's layout: its cells kept, or flattened to text.
enum Layout {
    /// What each cell heads.
    Cells(Vec<Heads>),
    /// A flattened header and what its country column means.
    Flat(Column),
}

/// The rows of tables in the item.
fn table(src: &Source, names: &CountryNames) -> Vec<ImportedSubProcessor> {
    let text = src.text();
    let mut out = Vec::new();
    let mut layout: Option<Layout> = None;
    for (a, b) in src.passage.line_ranges() {
        let line = text[a..b].trim();
        let evidence = src.evidence(a, b);
        // Under a header whose cells are kept, a line of as many cells is
        // a row (a row may hold header words: "Leverancier 12 B.V. |
        // opslag"), unless it is the header again (a table across pages).
        if let Some(Layout::Cells(heads)) = &layout {
            if header_cells(line).as_ref() == Some(heads) {
                continue;
            }
            if let Some(row) = row_of_cells(line, heads, &evidence, names) {
                out.push(row);
                continue;
            }
            layout = None;
        }
        if let Some(cells) = header_cells(line) {
            layout = Some(Layout::Cells(cells));
            continue;
        }
        if let Some(c) = header(line) {
            layout = Some(Layout::Flat(c));
            continue;
        }
        if let Some(Layout::Flat(col)) = &layout {
            match flat_row(line, *col, &evidence, names) {
                Some(row) => out.push(row),
                None => layout = None,
            }
        }
    }
    out
}

/// A row under a header whose cells are kept: `None` where its cells are
/// not the header's (the table has ended). A country cell that names no
/// country ("n.v.t.") leaves that value not stated.
fn row_of_cells(
    line: &str,
    heads: &[Heads],
    evidence: &Evidence,
    names: &CountryNames,
) -> Option<ImportedSubProcessor> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cells.len() != heads.len() {
        return None;
    }
    let of = |h: Heads| {
        heads
            .iter()
            .zip(&cells)
            .filter(move |(k, _)| **k == h)
            .map(|(_, c)| *c)
    };
    let name = of(Heads::Name).next()?.to_owned();
    if name.is_empty() {
        return None;
    }
    let purpose = of(Heads::Purpose).collect::<Vec<_>>().join(" ");
    let mut seat = Read::NotStated;
    let mut locations = Read::NotStated;
    for (column, cell) in heads.iter().zip(&cells).filter_map(|(k, c)| match k {
        Heads::Country(col) => Some((*col, *c)),
        _ => None,
    }) {
        match column {
            Column::Seat => {
                if let Some(c) = names.find(cell) {
                    seat = Read::stated(c, evidence.clone());
                }
            }
            Column::Location => locations = self::locations(cell, evidence, names),
            Column::Open => {
                if let Some(c) = names.find(cell) {
                    seat = seat_or_location(c, evidence);
                }
            }
        }
    }
    Some(ImportedSubProcessor {
        name,
        purpose: (!purpose.is_empty()).then_some(purpose),
        seat,
        locations,
        transfer_bases: of(Heads::Transfer).flat_map(|c| bases(&fold(c))).collect(),
        engagement: Read::NotStated,
        evidence: evidence.clone(),
    })
}

/// A row under a flattened header: the country at its end (the last cell
/// where it has three or more); `None` where there is none (the table has
/// ended).
fn flat_row(
    line: &str,
    col: Column,
    evidence: &Evidence,
    names: &CountryNames,
) -> Option<ImportedSubProcessor> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    let (name, purpose, country) = if cells.len() >= 3 {
        let c = names.find(cells[cells.len() - 1])?;
        (
            cells[0].to_owned(),
            Some(cells[1..cells.len() - 1].join(" ")),
            c,
        )
    } else {
        let (c, at) = trailing_country(line, names)?;
        let (name, purpose) = split_name(line[..at].trim());
        (name, purpose, c)
    };
    let (seat, locations) = match col {
        Column::Seat => (Read::stated(country, evidence.clone()), Read::NotStated),
        Column::Location => (
            Read::NotStated,
            Read::stated(vec![Location::Country(country)], evidence.clone()),
        ),
        Column::Open => (seat_or_location(country, evidence), Read::NotStated),
    };
    Some(ImportedSubProcessor {
        name,
        purpose,
        seat,
        locations,
        transfer_bases: Vec::new(),
        engagement: Read::NotStated,
        evidence: evidence.clone(),
    })
}

/// A flattened row's name and purpose: the name ends at a company form
/// within its first five words (`Mollie B.V.`, `Amazon, Inc.`), else it is
/// the first word (`Scalingo Alle applicaties/databases`).
fn split_name(row: &str) -> (String, Option<String>) {
    let words: Vec<&str> = row.split_whitespace().collect();
    let end = words
        .iter()
        .take(5)
        .position(|w| COMPANY_FORMS.contains(&w.trim_end_matches(',')))
        .map_or(1, |i| i + 1);
    let name = words[..end.min(words.len())].join(" ");
    let purpose = words[end.min(words.len())..].join(" ");
    (name, (!purpose.is_empty()).then_some(purpose))
}

/// Bullet entries: "Name — purpose — established in X, processing in Y".
fn bullets(
    src: &Source,
    item: &crate::import::structure::Item,
    names: &CountryNames,
) -> Vec<ImportedSubProcessor> {
    let ranges = src.passage.line_ranges();
    let mut out = Vec::new();
    let mut i = 0;
    while i < item.lines.len() {
        if !item.lines[i].bullet {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < item.lines.len() && !item.lines[j].bullet && !item.lines[j].after_blank {
            j += 1;
        }
        let (a, b) = (ranges[i].0, ranges[j - 1].1);
        let entry = src.text()[a..b].to_owned();
        let stop = [" — ", " – ", " - ", ": ", " ("]
            .iter()
            .filter_map(|d| entry.find(d))
            .min()
            .unwrap_or(entry.len());
        let (mut name, mut beside) = name_and_country(entry[..stop].trim(), names);
        // Whether what follows the name (and its country) opens with a
        // colon: "Name (Country): purpose, basis".
        let colon = |s: &str| s.trim_start().starts_with(':');
        let mut after_colon = colon(&entry[stop..]);
        let mut rest = entry[stop..].trim_start_matches([' ', '—', '–', '-', ':']);
        // "TransIP B.V. (Nederland): domeinnamen": the country in brackets
        // after the name is written beside it as after a comma; "Sentry
        // (Functional Software Inc.), United States: ...": a remark in
        // brackets is the name's, and the country follows after a comma.
        if beside.is_none()
            && let Some(inner) = rest.strip_prefix('(')
            && let Some((bracket, after)) = inner.split_once(')')
        {
            if let Some(c) = names.find(bracket) {
                beside = Some(c);
                after_colon = colon(after);
                rest = after.trim_start_matches([' ', '—', '–', '-', ':']);
            } else if let Some(after) = after.strip_prefix(", ") {
                let end = [": ", " — ", " – ", " - "]
                    .iter()
                    .filter_map(|d| after.find(d))
                    .min()
                    .unwrap_or(after.len());
                if let Some(c) = names.find(after[..end].trim()) {
                    name = format!("{name} ({bracket})");
                    beside = Some(c);
                    after_colon = colon(&after[end..]);
                    rest = after[end..].trim_start_matches([' ', '—', '–', '-', ':']);
                }
            }
        }
        let (purpose, details) = match [" — ", " – ", " - "]
            .iter()
            .filter_map(|d| rest.find(d))
            .min()
        {
            Some(k) => (Some(rest[..k].trim().to_owned()), &rest[k..]),
            None if after_colon => (purpose_after_colon(rest, names), rest),
            None => (None, rest),
        };
        if !name.is_empty() {
            let mut entry = entry_details(name, purpose, details, src.evidence(a, b), names);
            if let Some(c) = beside
                && matches!(entry.seat, Read::NotStated)
            {
                entry.seat = seat_or_location(c, &entry.evidence);
            }
            out.push(entry);
        }
        i = j;
    }
    out
}

/// The purpose after a prose entry's bracket, "(Duitsland) voor back-ups" /
/// "(Germany) for hosting": the words after "voor" / "for" up to the next
/// comma, semicolon, " en " / " and " or full stop, with the bytes of
/// `after` it used (the next entry starts after them).
fn purpose_after_bracket(after: &str) -> Option<(String, usize)> {
    let lead = [" voor ", " for "]
        .iter()
        .find(|l| after.starts_with(**l))?
        .len();
    let rest = &after[lead..];
    let end = [",", ";", " en ", " and ", "."]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .unwrap_or(rest.len());
    let p = rest[..end].trim();
    (!p.is_empty() && p.chars().count() <= 80).then(|| (p.to_owned(), lead + end))
}

/// The purpose of "Name (Country): e-mail delivery, under the EU-US Data
/// Privacy Framework": the words after the colon up to the first comma,
/// semicolon or bracket, where they are a description, not a country or a
/// transfer basis (the whole text after the colon is still read for
/// those).
fn purpose_after_colon(rest: &str, names: &CountryNames) -> Option<String> {
    let end = [", ", "; ", " (", "."]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .unwrap_or(rest.len());
    let p = rest[..end].trim();
    let f = fold(p);
    let basis = [
        "clauses",
        "clausules",
        "framework",
        "scc",
        "dpf",
        "adequa",
        "adequaat",
        "bcr",
        "bepalingen",
        "n.v.t",
        "n/a",
    ]
    .iter()
    .any(|w| f.contains(w));
    (!p.is_empty() && p.chars().count() <= 80 && !basis && names.find(p).is_none())
        .then(|| p.to_owned())
}

/// A country the statement names for a sub-processor without saying
/// whether it is the seat or where it processes (a table's column headed
/// only "Land", a country beside a bullet's name): a person chooses, with
/// both settings spelled out.
fn seat_or_location(c: Country, evidence: &Evidence) -> Read<Country> {
    Read::ambiguous(
        evidence.clone(),
        &[
            &format!("the sub-processor's seat: seat = \"{c}\""),
            &format!("where it processes: locations = [\"{c}\"]"),
        ],
        "statement.sub_processors[].seat",
    )
}

/// A bullet's name and the country written beside it after a comma
/// (`Amazon Web Services EMEA SARL, Luxemburg`; [`bullets`] reads one in
/// brackets, `TransIP B.V. (Nederland)`, the same way): the name without
/// it, and the country. Which the country is, the seat or where the sub-processor
/// processes, the line does not say: [`bullets`] leaves that to a person,
/// as a table's column headed only "Land" does.
fn name_and_country(name: &str, names: &CountryNames) -> (String, Option<Country>) {
    if let Some((before, after)) = name.rsplit_once(", ")
        && !before.trim().is_empty()
        && let Some(c) = names.find(after)
    {
        return (before.trim().to_owned(), Some(c));
    }
    (name.to_owned(), None)
}

/// Prose: `Name (purpose – location, bases; engagement); ...` separated by
/// semicolons (seed 004, DPS 9), or `Name (country), Name (country) en
/// Name (country)` separated by commas; on the lines after the item's
/// question, or after its colon where the list follows it on its line.
fn prose(src: &Source, names: &CountryNames) -> Vec<ImportedSubProcessor> {
    let text = src.text();
    let ranges = src.passage.line_ranges();
    let after_colon = ranges.first().and_then(|&(a, b)| {
        let colon = a + text[a..b].find(':')? + 1;
        (!text[colon..b].trim().is_empty()).then_some(colon)
    });
    let start = after_colon.unwrap_or_else(|| ranges.get(1).map_or(0, |r| r.0));
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut entry_start = start;
    let mut open: Option<usize> = None;
    for (i, c) in text[start..].char_indices().map(|(i, c)| (i + start, c)) {
        match c {
            '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' => {
                depth -= 1;
                if depth == 0
                    && let Some(o) = open.take()
                {
                    let name = text[entry_start..o].trim_start_matches([';', ',', ' ']);
                    let name = name
                        .strip_prefix("en ")
                        .or_else(|| name.strip_prefix("and "))
                        .unwrap_or(name);
                    let inner = &text[o + 1..i];
                    let evidence = src.evidence(o - name.len(), i + 1);
                    let name = name.trim();
                    let before = out.len();
                    push_entries(&mut out, name, inner, evidence, names);
                    entry_start = i + 1;
                    // "Hetzner Online GmbH (Duitsland) voor back-ups": the
                    // purpose after the bracket, up to the next entry.
                    if out.len() == before + 1
                        && let Some((p, used)) = purpose_after_bracket(&text[i + 1..])
                        && let Some(entry) = out.last_mut()
                        && entry.purpose.is_none()
                    {
                        entry.purpose = Some(p);
                        entry_start += used;
                    }
                }
            }
            ';' | ',' if depth == 0 => entry_start = i + 1,
            // A full stop ends the list where a sentence follows; the
            // one of "B.V. (Nederland)" or "Inc. en ..." does not.
            '.' if depth == 0
                && text[i + 1..].starts_with(' ')
                && text[i + 1..].trim_start().starts_with(char::is_uppercase) =>
            {
                break;
            }
            _ => {}
        }
    }
    out
}

/// One prose entry; "A en B (x respectievelijk y – ...)" is two; "A
/// (Ierland)" names a country alone, seat or location for a person to
/// choose.
fn push_entries(
    out: &mut Vec<ImportedSubProcessor>,
    name: &str,
    inner: &str,
    evidence: Evidence,
    names: &CountryNames,
) {
    if name.is_empty() || name.len() > 60 {
        return;
    }
    if let Some(c) = names.find(inner) {
        out.push(ImportedSubProcessor {
            name: name.to_owned(),
            purpose: None,
            seat: seat_or_location(c, &evidence),
            locations: Read::NotStated,
            transfer_bases: Vec::new(),
            engagement: Read::NotStated,
            evidence,
        });
        return;
    }
    let (purpose, details) = match [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| inner.find(d))
        .min()
    {
        Some(k) => (inner[..k].trim(), &inner[k..]),
        None => (inner.trim(), ""),
    };
    let split_names: Vec<&str> = name.split(" en ").flat_map(|n| n.split(" and ")).collect();
    let split_purposes: Vec<&str> = purpose
        .split(" respectievelijk ")
        .flat_map(|p| p.split(" respectively "))
        .collect();
    if split_names.len() > 1 && split_names.len() == split_purposes.len() {
        for (n, p) in split_names.iter().zip(split_purposes) {
            out.push(entry_details(
                n.trim().to_owned(),
                Some(capitalise(p)),
                details,
                evidence.clone(),
                names,
            ));
        }
    } else {
        out.push(entry_details(
            name.to_owned(),
            Some(capitalise(purpose)),
            details,
            evidence,
            names,
        ));
    }
}

/// `s` with its first letter a capital.
fn capitalise(s: &str) -> String {
    let mut c = s.trim().chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Seat, locations, bases and engagement from an entry's details.
fn entry_details(
    name: String,
    purpose: Option<String>,
    details: &str,
    evidence: Evidence,
    names: &CountryNames,
) -> ImportedSubProcessor {
    let f = fold(details);
    let mut seat = Read::NotStated;
    let mut loc_text = details.to_owned();
    let folded = crate::import::words::Folded::new(details);
    for marker in [
        "established in ",
        "gevestigd in ",
        "seated in ",
        "headquartered in ",
    ] {
        if let Some((k, m)) = folded.find(&[marker]) {
            let after = &details[m..];
            let end = after.find([',', ';', '.']).unwrap_or(after.len());
            let place = after[..end].trim();
            let place = place.strip_prefix("the ").unwrap_or(place);
            let place = place.split(" and processing").next().unwrap_or(place);
            if let Some(c) = names.find(place) {
                seat = Read::stated(c, evidence.clone());
            }
            loc_text = details[..k].to_owned() + &after[end..];
            if f.contains("established in and processing in")
                || f.contains("gevestigd en verwerkt in")
            {
                loc_text = details.to_owned();
            }
        }
    }
    // The parts that name a transfer basis are not places ("EU-U.S. Data
    // Privacy Framework", "DPF/SCC's").
    let places: Vec<&str> = loc_text
        .split([',', ';'])
        .filter(|part| bases(&fold(part)).is_empty() && !fold(part).contains("transfer"))
        .collect();
    let locations = locations(&places.join(", "), &evidence, names);
    let engagement = if [
        "standaard ingezet",
        "altijd ingezet",
        "always used",
        "always engaged",
    ]
    .iter()
    .any(|w| f.contains(w))
    {
        Read::stated(Engagement::Always, evidence.clone())
    } else if [
        "afhankelijk van de opdracht",
        "depending on the assignment",
        "optioneel",
        "optional",
        "op verzoek",
    ]
    .iter()
    .any(|w| f.contains(w))
    {
        Read::stated(Engagement::DependingOnAssignment, evidence.clone())
    } else {
        Read::NotStated
    };
    ImportedSubProcessor {
        name,
        purpose,
        seat,
        locations,
        transfer_bases: bases(&f),
        engagement,
        evidence,
    }
}

/// The transfer bases a folded text names: DPF, SCCs (the 2021 edition where
/// the year is written), an adequacy decision, BCRs.
fn bases(f: &str) -> Vec<TransferBasis> {
    let mut out = Vec::new();
    if f.contains("dpf") || f.contains("data privacy framework") {
        out.push(TransferBasis::EuUsDpf);
    }
    if f.contains("scc")
        || f.contains("standard contractual clauses")
        || f.contains("standaardcontract")
        || f.contains("modelcontract")
    {
        out.push(if f.contains("2021") {
            TransferBasis::Scc2021
        } else {
            TransferBasis::SccEditionNotStated
        });
    }
    if f.contains("adequacy") || f.contains("adequaatheid") {
        out.push(TransferBasis::Adequacy);
    }
    if f.contains("bcr") || f.contains("binding corporate rules") {
        out.push(TransferBasis::Bcr);
    }
    out
}

/// The countries of `s` (words starting with a capital: a name or a
/// two-letter code) and the EU / EEA. The EU is dropped where a country in
/// the EEA is named (it is the more exact place); a region named by a place
/// that is no country ("regio Amsterdam") makes the locations a choice for a
/// person.
fn locations(s: &str, evidence: &Evidence, names: &CountryNames) -> Read<Vec<Location>> {
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let mut countries: Vec<Country> = Vec::new();
    let mut region: Option<Region> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if matches!(t, "EU") {
            region.get_or_insert(Region::Eu);
        } else if matches!(t, "EER" | "EEA") {
            region.get_or_insert(Region::Eea);
        } else if t.starts_with(char::is_uppercase) {
            let found = country_at(&tokens, i, names).or_else(|| {
                (t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()))
                    .then(|| t.parse::<Country>().ok())
                    .flatten()
                    .map(|c| (c, 1))
            });
            if let Some((c, n)) = found {
                if !countries.contains(&c) {
                    countries.push(c);
                }
                i += n;
                continue;
            }
        } else if matches!(t, "regio" | "region")
            && let Some(next) = tokens.get(i + 1)
            && next.starts_with(char::is_uppercase)
            && names.find(next).is_none()
            && !matches!(*next, "EU" | "EER" | "EEA")
        {
            return Read::ambiguous(
                evidence.clone(),
                &[
                    &format!("the country of `{next}`"),
                    "the EU, as the entry also says",
                ],
                "statement.sub_processors[].locations",
            );
        }
        i += 1;
    }
    let all_eea = !countries.is_empty() && countries.iter().all(|c| c.is_eea());
    let mut out: Vec<Location> = Vec::new();
    if let Some(r) = region
        && !all_eea
    {
        out.push(Location::Region(r));
    }
    out.extend(countries.into_iter().map(Location::Country));
    if out.is_empty() {
        Read::NotStated
    } else {
        Read::stated(out, evidence.clone())
    }
}

/// Bases stated outside the list: a sentence naming one sub-processor and
/// a basis ("(Mailgun) ... dezelfde waarborg (SCC's/DPF)"), or naming a
/// country and a basis ("Bij Subprocessors uit Amerika hebben wij een
/// SCC's"), for the sub-processors without a basis seated or located there.
fn bases_from_sentences(
    subs: &mut [ImportedSubProcessor],
    sources: &[Source],
    names: &CountryNames,
) {
    for src in sources {
        for (a, b) in src.passage.sentences() {
            let sentence = &src.text()[a..b];
            let found = bases(&fold(sentence));
            if found.is_empty() || sentence.contains('\t') {
                continue;
            }
            let named: Vec<usize> = subs
                .iter()
                .enumerate()
                .filter(|(_, s)| sentence.contains(&s.name))
                .map(|(i, _)| i)
                .collect();
            if named.len() == 1 {
                let s = &mut subs[named[0]];
                if s.transfer_bases.is_empty() && s.evidence.lines != src.evidence(a, b).lines {
                    s.transfer_bases.clone_from(&found);
                }
                continue;
            }
            if !named.is_empty() {
                continue;
            }
            let countries: Vec<Country> = countries_in(sentence, names)
                .into_iter()
                .filter(|c| !c.is_eea())
                .collect();
            for s in subs.iter_mut().filter(|s| s.transfer_bases.is_empty()) {
                let seat = s.seat.value().copied();
                let located = s.locations.value().is_some_and(|l| {
                    l.iter()
                        .any(|l| l.country().is_some_and(|c| countries.contains(&c)))
                });
                if seat.is_some_and(|c| countries.contains(&c)) || located {
                    s.transfer_bases.clone_from(&found);
                }
            }
        }
    }
}

/// The countries `s` names in words starting with a capital: three, two or
/// one words at a time (`United States`, `Verenigde Staten`, `Amerika`).
fn countries_in(s: &str, names: &CountryNames) -> Vec<Country> {
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = (1..=3).rev().find_map(|k| {
            let words = tokens.get(i..i + k)?;
            if !words[0].starts_with(char::is_uppercase) {
                return None;
            }
            names.find(&words.join(" ")).map(|c| (c, k))
        });
        match found {
            Some((c, k)) => {
                if !out.contains(&c) {
                    out.push(c);
                }
                i += k;
            }
            None => i += 1,
        }
    }
    out
}
