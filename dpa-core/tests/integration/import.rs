//! `dpa_core::import` against the hand-encoded agreements (issue 18, "How
//! it is checked"): each statement's text imported and compared field by
//! field with its agreement file. Precision (no wrong value) must be 100 %;
//! recall is printed. The seeds are read from `../shared/seeds/` beside the
//! repository.

use std::fmt::Debug;

use proptest::prelude::*;
use std::path::PathBuf;

use dpa_core::Agreement;
use dpa_core::import::{ClauseComparison, ComparisonStatus, Import, Read, import_text};
use dpa_core::model::DeviationKind;
use dpa_core::report::Report;
use dpa_core::values::{ElapsedTerm, ElapsedUnit, Location, Region, Term, TermUnit};

use crate::helpers::load;

/// The seed statements' folder: `../shared/seeds` relative to the
/// repository (CI has it beside the clone).
fn seeds() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seed statements are not at {}: the tests need the shared folder beside the repository (../shared/seeds)",
        dir.display()
    );
    dir
}

/// The text of a seed statement.
fn seed(prefix: &str) -> String {
    let dir = seeds();
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()));
    std::fs::read_to_string(entry.path()).unwrap()
}

/// An example statement under `examples/statements/`.
fn statement(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/statements")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A Dutch statement for a test: part 1 with the processor as item 1 and
/// `items` numbered from 2.
fn dutch_statement(items: &[&str]) -> String {
    let mut text = String::from(
        "Deel 1: Data Pro Statement\n\n1. Dit Data Pro Statement is opgesteld door: Voorbeeld B.V., Straat 1, 1234 AB Stad.\n",
    );
    for (k, item) in items.iter().enumerate() {
        text.push_str(&format!("\n{}. {item}\n", k + 2));
    }
    text
}

/// Compared fields: right, wrong (with what), missed.
#[derive(Debug, Default)]
struct Tally {
    right: Vec<String>,
    wrong: Vec<String>,
    missed: Vec<String>,
}

impl Tally {
    /// Compares an imported value with the hand-encoded one.
    fn field<T: PartialEq + Debug>(&mut self, name: &str, imported: &Read<T>, hand: Option<T>) {
        match (imported.value(), hand) {
            (Some(v), Some(h)) if *v == h => self.right.push(name.to_owned()),
            (Some(v), h) => self
                .wrong
                .push(format!("{name}: imported {v:?}, file {h:?}")),
            (None, Some(_)) => self.missed.push(name.to_owned()),
            (None, None) => {}
        }
    }

    fn precision(&self) -> f64 {
        let n = self.right.len() + self.wrong.len();
        if n == 0 {
            1.0
        } else {
            self.right.len() as f64 / n as f64
        }
    }

    fn recall(&self) -> f64 {
        let n = self.right.len() + self.missed.len();
        if n == 0 {
            1.0
        } else {
            self.right.len() as f64 / n as f64
        }
    }
}

/// A read value as the review shows it, `None` where it is not stated.
trait Shown {
    fn shown(&self) -> Option<String>;
}

impl<T: std::fmt::Display> Shown for Read<T> {
    fn shown(&self) -> Option<String> {
        self.value().map(ToString::to_string)
    }
}

/// Asserts that each read is stated with the value shown beside it, in one
/// comparison that names every value that differs.
fn assert_stated(expected: &[(&dyn Shown, &str)]) {
    let got: Vec<Option<String>> = expected.iter().map(|(r, _)| r.shown()).collect();
    let want: Vec<Option<String>> = expected
        .iter()
        .map(|(_, v)| Some((*v).to_owned()))
        .collect();
    assert_eq!(got, want);
}

fn txt(t: &Option<dpa_core::values::Text>) -> Option<String> {
    t.as_ref().map(|t| t.as_str().to_owned())
}

/// Compares every field the import reads.
fn compare(i: &Import, a: &Agreement) -> Tally {
    let mut t = Tally::default();
    let s = &i.statement;
    compare_processor(&mut t, i, a);
    t.field(
        "statement.version",
        &s.version,
        Some(a.statement.version.to_string()),
    );
    t.field(
        "statement.effective_date",
        &s.effective_date,
        Some(a.statement.effective_date),
    );
    t.field("clauses.edition", &s.edition, Some(a.clauses.edition));
    let products = a
        .statement
        .products
        .iter()
        .map(|p| p.name.as_str().to_owned())
        .collect::<Vec<_>>();
    t.field(
        "statement.products",
        &s.products,
        (!products.is_empty()).then_some(products),
    );
    for h in a.statement.history.records() {
        let found = s
            .history
            .iter()
            .find(|x| x.version == h.version.to_string());
        let name = format!("statement.history[{}].date", h.version);
        match found {
            Some(x) if x.date == h.date => t.right.push(name),
            Some(x) => t
                .wrong
                .push(format!("{name}: imported {}, file {}", x.date, h.date)),
            None => t.missed.push(name),
        }
    }
    compare_locations_and_help(&mut t, i, a);
    compare_sub_processors(&mut t, i, a);
    compare_declarations(&mut t, i, a);
    compare_ending(&mut t, i, a);
    let d = &a.terms.deletion;
    t.field("terms.deletion.term", &s.deletion_term, d.term);
    t.field(
        "terms.deletion.firmness",
        &s.deletion_firmness,
        d.term.map(|_| d.firmness),
    );
    t.field("terms.deletion.backups", &s.backups, Some(d.backups));
    t.field(
        "terms.deletion.backup_cycle",
        &s.backup_cycle,
        d.backup_cycle,
    );
    t.field(
        "terms.breach.notice",
        &s.breach_notice,
        a.terms.breach.notice,
    );
    let au = &a.terms.audit;
    t.field(
        "terms.audit.max_count",
        &s.audit_count,
        Some(au.max_count.get()),
    );
    t.field("terms.audit.period", &s.audit_period, Some(au.period));
    t.field("terms.audit.notice", &s.audit_notice, au.notice);
    t.field(
        "terms.statement_changes.termination_window",
        &s.change_window,
        a.terms.statement_changes.termination_window,
    );
    let certs: Vec<(String, String)> = a
        .statement
        .certifications
        .iter()
        .map(|c| (c.name.as_str().to_owned(), c.status.to_string()))
        .collect();
    let imported = match &s.certifications {
        Read::Stated { value, evidence } => Read::Stated {
            value: value
                .iter()
                .map(|c| (c.name.clone(), c.status.to_string()))
                .collect::<Vec<_>>(),
            evidence: evidence.clone(),
        },
        _ => Read::NotStated,
    };
    t.field("statement.certifications", &imported, Some(certs));
    t
}

/// The hand-encoded value of a boolean the import only ever reads as
/// `true` (what a text does not say is not stated, never `false`).
fn stated_true(b: bool) -> Option<bool> {
    b.then_some(true)
}

/// The citation of a value the import read, as the value to compare where
/// the file paraphrases the text (the intended use).
fn cited<T>(read: &Read<T>) -> Read<String> {
    match read.evidence() {
        Some(evidence) if read.value().is_some() => Read::Stated {
            value: evidence.clause.clone(),
            evidence: evidence.clone(),
        },
        _ => Read::NotStated,
    }
}

/// Where data is processed, the help with requests and a DPIA, and the
/// security warranty (the measures are compared in their own test: two
/// hand-encoded files edit their wording).
fn compare_locations_and_help(t: &mut Tally, i: &Import, a: &Agreement) {
    let s = &i.statement;
    t.field(
        "statement.security.warranty",
        &s.security_warranty,
        Some(a.statement.security.warranty),
    );
    // The area the locations cover: the EU inside the EEA where both are
    // written ("EU/EER" is encoded ["EU", "EEA"] in one file and ["EEA"]
    // in another; the import writes the EEA).
    let area = |v: &[Location]| {
        let eea = v.contains(&Location::Region(Region::Eea));
        let mut out: Vec<Location> = v
            .iter()
            .copied()
            .filter(|l| !(eea && *l == Location::Region(Region::Eu)))
            .collect();
        out.sort_by_key(|l| l.as_str());
        out
    };
    let pl = &a.statement.processing_locations;
    t.field(
        "statement.processing_locations.locations",
        &match &s.processing_locations {
            Read::Stated { value, evidence } => Read::Stated {
                value: area(value),
                evidence: evidence.clone(),
            },
            _ => Read::NotStated,
        },
        Some(area(&pl.locations)),
    );
    t.field(
        "statement.processing_locations.transfers_outside_eea",
        &s.transfers_outside_eea,
        Some(pl.transfers_outside_eea),
    );
    // Help with requests and a DPIA: that the processor assists and
    // whether costs are announced in advance (the hand-encoded description
    // joins the statement's words with the clauses', so it is not compared).
    for (name, read, hand) in [
        (
            "statement.data_subject_requests",
            &s.data_subject_requests,
            &a.statement.data_subject_requests,
        ),
        ("statement.dpia", &s.dpia, &a.statement.dpia),
    ] {
        let imported = match read {
            Read::Stated { value, evidence } => Read::Stated {
                value: (true, value.costs_announced_in_advance),
                evidence: evidence.clone(),
            },
            _ => Read::NotStated,
        };
        t.field(
            name,
            &imported,
            Some((hand.assists, hand.costs_announced_in_advance)),
        );
    }
}

/// The intended use and the special-categories declaration.
fn compare_declarations(t: &mut Tally, i: &Import, a: &Agreement) {
    use dpa_core::model::Declaration;
    let s = &i.statement;
    let hand_use = a.statement.intended_use.as_ref();
    let use_sources: Vec<String> = hand_use
        .map(|u| u.source.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    // The file paraphrases the use: the import is right where it read it
    // from an item the file cites.
    let imported_clause = cited(&s.intended_use);
    let hand_clause = imported_clause
        .value()
        .filter(|c| use_sources.contains(c))
        .cloned()
        .or_else(|| use_sources.first().cloned());
    t.field(
        "statement.intended_use (item)",
        &imported_clause,
        hand_clause,
    );
    let sc = &a.statement.special_categories;
    let stated = |d: Declaration| (d != Declaration::NotStated).then_some(d);
    let c = &s.special_categories;
    t.field(
        "statement.special_categories.art9",
        &c.art9,
        stated(sc.art9),
    );
    t.field(
        "statement.special_categories.art10",
        &c.art10,
        stated(sc.art10),
    );
    t.field(
        "statement.special_categories.government_identifiers",
        &c.government_identifiers,
        stated(sc.government_identifiers),
    );
}

/// The duration, the return of data, the breach notice's channels and its
/// items (their number: the file paraphrases each one).
fn compare_ending(t: &mut Tally, i: &Import, a: &Agreement) {
    let s = &i.statement;
    let du = &a.terms.duration;
    t.field(
        "terms.duration.indefinite",
        &s.duration.indefinite,
        stated_true(du.indefinite),
    );
    t.field(
        "terms.duration.ends_with_main_agreement",
        &s.duration.ends_with_main_agreement,
        stated_true(du.ends_with_main_agreement),
    );
    let r = &a.terms.return_of_data;
    let ir = &s.return_of_data;
    t.field("terms.return_of_data.method", &ir.method, r.method);
    t.field(
        "terms.return_of_data.machine_readable",
        &ir.machine_readable,
        stated_true(r.machine_readable),
    );
    t.field(
        "terms.return_of_data.before_deletion",
        &ir.before_deletion,
        stated_true(r.before_deletion),
    );
    t.field(
        "terms.return_of_data.costs_announced_in_advance",
        &ir.costs_announced_in_advance,
        stated_true(r.costs_announced_in_advance),
    );
    let b = &a.terms.breach;
    let mut hand_channels = b.channels.clone();
    hand_channels.sort_by_key(|c| c.as_str());
    let channels = match &s.breach_channels {
        Read::Stated { value, evidence } => {
            let mut v = value.clone();
            v.sort_by_key(|c| c.as_str());
            Read::Stated {
                value: v,
                evidence: evidence.clone(),
            }
        }
        _ => Read::NotStated,
    };
    t.field(
        "terms.breach.channels",
        &channels,
        (!hand_channels.is_empty()).then_some(hand_channels),
    );
    let count = match &s.breach_information {
        Read::Stated { value, evidence } => Read::Stated {
            value: value.len(),
            evidence: evidence.clone(),
        },
        _ => Read::NotStated,
    };
    t.field(
        "terms.breach.information (entries)",
        &count,
        (!b.information.is_empty()).then_some(b.information.len()),
    );
}

/// The processor's identity.
fn compare_processor(t: &mut Tally, i: &Import, a: &Agreement) {
    let s = &i.statement;
    let p = &a.statement.processor;
    t.field(
        "processor.name",
        &s.processor.name,
        Some(p.name.as_str().to_owned()),
    );
    t.field(
        "processor.address.street",
        &s.processor.street,
        Some(p.address.street.as_str().to_owned()),
    );
    t.field(
        "processor.address.postal_code",
        &s.processor.postal_code,
        Some(p.address.postal_code.as_str().to_owned()),
    );
    t.field(
        "processor.address.city",
        &s.processor.city,
        Some(p.address.city.as_str().to_owned()),
    );
    t.field(
        "processor.address.country",
        &s.processor.country,
        Some(p.address.country),
    );
    t.field("processor.website", &s.processor.website, txt(&p.website));
    t.field(
        "processor.chamber_of_commerce",
        &s.processor.chamber_of_commerce,
        txt(&p.chamber_of_commerce),
    );
    t.field(
        "processor.vat_number",
        &s.processor.vat_number,
        txt(&p.vat_number),
    );
    t.field(
        "processor.privacy_contact.name",
        &s.processor.contact_name,
        txt(&p.privacy_contact.name),
    );
    t.field(
        "processor.privacy_contact.email",
        &s.processor.email,
        txt(&p.privacy_contact.email),
    );
    t.field(
        "processor.privacy_contact.phone",
        &s.processor.phone,
        txt(&p.privacy_contact.phone),
    );
}

/// Sub-processors by name: each one's seat, locations (as a set), transfer
/// bases (as a set) and engagement.
fn compare_sub_processors(t: &mut Tally, i: &Import, a: &Agreement) {
    let imported = i
        .statement
        .sub_processors
        .value()
        .map(Vec::as_slice)
        .unwrap_or_default();
    for sp in imported {
        if !a
            .statement
            .sub_processors
            .iter()
            .any(|h| h.name.as_str() == sp.name)
        {
            t.wrong
                .push(format!("sub-processor `{}` is not in the file", sp.name));
        }
    }
    for h in &a.statement.sub_processors {
        let name = h.name.as_str();
        let field = |f: &str| format!("sub_processors[{name}].{f}");
        let Some(sp) = imported.iter().find(|s| s.name == name) else {
            t.missed.push(field("name"));
            continue;
        };
        t.right.push(field("name"));
        t.field(&field("seat"), &sp.seat, h.seat);
        let mut hand_locations: Vec<String> = h.locations.iter().map(ToString::to_string).collect();
        hand_locations.sort();
        let locations = match &sp.locations {
            Read::Stated { value, evidence } => {
                let mut v: Vec<String> = value.iter().map(ToString::to_string).collect();
                v.sort();
                Read::Stated {
                    value: v,
                    evidence: evidence.clone(),
                }
            }
            _ => Read::NotStated,
        };
        t.field(
            &field("locations"),
            &locations,
            (!hand_locations.is_empty()).then_some(hand_locations),
        );
        let mut hand_bases = h.transfer_bases.clone();
        hand_bases.sort();
        let mut bases = sp.transfer_bases.clone();
        bases.sort();
        let bases = if bases.is_empty() {
            Read::NotStated
        } else {
            Read::Stated {
                value: bases,
                evidence: sp.evidence.clone(),
            }
        };
        t.field(
            &field("transfer_bases"),
            &bases,
            (!hand_bases.is_empty()).then_some(hand_bases),
        );
        t.field(&field("engagement"), &sp.engagement, Some(h.engagement));
    }
}

/// Imports `text`, compares it with `file`, prints precision and recall,
/// and asserts that no value is wrong.
fn check(label: &str, text: &str, file: &str) -> (Import, Agreement, Tally) {
    let import = import_text(text).unwrap_or_else(|e| panic!("{label}: {e}"));
    let a = load(file);
    let t = compare(&import, &a);
    println!(
        "{label}: precision {:.1} % ({} right, {} wrong), recall {:.1} % ({} missed: {})",
        100.0 * t.precision(),
        t.right.len(),
        t.wrong.len(),
        100.0 * t.recall(),
        t.missed.len(),
        t.missed.join(", ")
    );
    assert!(t.wrong.is_empty(), "{label}: wrong values: {:#?}", t.wrong);
    (import, a, t)
}

/// Every operative term found (issue 18: deletion, breach, audit, change
/// window, every sub-processor with its seat where the file gives one).
fn operative_terms_found(label: &str, t: &Tally, a: &Agreement) {
    for f in [
        "terms.deletion.term",
        "terms.breach.notice",
        "terms.audit.max_count",
        "terms.statement_changes.termination_window",
    ] {
        assert!(t.right.iter().any(|r| r == f), "{label}: {f} not found");
    }
    for h in &a.statement.sub_processors {
        let name = h.name.as_str();
        assert!(
            t.right.contains(&format!("sub_processors[{name}].name")),
            "{label}: sub-processor {name} not found"
        );
        if h.seat.is_some() {
            assert!(
                t.right.contains(&format!("sub_processors[{name}].seat")),
                "{label}: the seat of {name} not found"
            );
        }
    }
}

/// Source: seed 000 (Belco B.V., Data Pro Statement 1.3: "1.1"-style items,
/// a blank line between every line, a sub-processor table "Bedrijf
/// Omschrijving Land vestiging", DPS 1.11 "uiterlijk binnen 3 maanden", DPS
/// 1.13 "uiterlijk binnen 24 uur", DPS 1.14 "minimaal 14-dagen van tevoren",
/// clauses 2.2.2 and 2.7.4) against examples/agreements/belco.toml.
#[test]
fn belco_seed_imports_as_hand_encoded() {
    let (import, a, t) = check("Belco (seed 000)", &seed("000"), "belco.toml");
    operative_terms_found("Belco", &t, &a);
    assert_eq!(a.terms.breach.notice.and_then(|n| n.hours()), Some(24));
    assert!(import.statement.deletion_asap && import.statement.breach_asap);
    // "per jaar" is for a person to read (docs/rules.md rule 6).
    assert!(matches!(import.statement.audit_period, Read::Ambiguous(_)));
    let ev = import.statement.change_window.evidence().unwrap();
    assert_eq!(ev.clause, "clause 2.2.2");
    assert!(
        ev.quote.contains("binnen 30 dagen na kennisgeving"),
        "{}",
        ev.quote
    );
    assert!(import.review().fails());
}

/// Source: seed 004 (Alles Online B.V., Data Pro Statement 1.0 on the
/// NLdigital 2025 template: bullets 1-5, plain items 6-17, sub-processors in
/// semicolon prose, DPS 12 "in principe binnen 3 maanden", DPS 17 "zonder
/// onredelijke vertraging", clauses 2.2 and 7.5 of the March 2025 edition)
/// against examples/agreements/alles-online.toml.
#[test]
fn alles_online_seed_imports_as_hand_encoded() {
    let (import, a, t) = check("Alles Online (seed 004)", &seed("004"), "alles-online.toml");
    operative_terms_found("Alles Online", &t, &a);
    let s = &import.statement;
    assert_eq!(
        s.deletion_term.value(),
        Some(&Term::new(3, TermUnit::Months).unwrap())
    );
    assert_eq!(s.deletion_term.evidence().unwrap().clause, "DPS 12");
    assert_eq!(s.processor.name.evidence().unwrap().clause, "DPS bullet 1");
    // "regio Amsterdam, EU": a place that is no country is for a person.
    let subs = s.sub_processors.value().unwrap();
    let digital_ocean = subs.iter().find(|x| x.name == "DigitalOcean").unwrap();
    assert!(matches!(digital_ocean.locations, Read::Ambiguous(_)));
}

/// Source: examples/statements/example-hosting-en.txt (Nederland ICT 2018,
/// English) against examples/agreements/example-hosting-en.toml.
#[test]
fn example_hosting_statement_imports_without_wrong_values() {
    let (import, _, t) = check(
        "Example Hosting (English)",
        &statement("example-hosting-en.txt"),
        "example-hosting-en.toml",
    );
    assert!(
        t.right.iter().any(|r| r == "terms.deletion.term"),
        "{:?}",
        t.missed
    );
    let notice = import.statement.breach_notice.value().copied();
    assert_eq!(notice.and_then(|n| n.hours()), Some(24));
}

/// Source: examples/statements/voorbeeld-webdiensten.txt (NLdigital 2025,
/// Dutch) against examples/agreements/voorbeeld-webdiensten.toml; DPS 12
/// "Back-ups worden in een cyclus van 30 dagen overschreven" is the backup
/// cycle.
#[test]
fn voorbeeld_webdiensten_statement_imports_without_wrong_values() {
    let (_, _, t) = check(
        "Voorbeeld Webdiensten (Dutch)",
        &statement("voorbeeld-webdiensten.txt"),
        "voorbeeld-webdiensten.toml",
    );
    for field in ["terms.deletion.term", "terms.deletion.backup_cycle"] {
        assert!(
            t.right.iter().any(|r| r == field),
            "{field}: {:?}",
            t.missed
        );
    }
}

/// Source: examples/statements/voorbeeld-varianten.txt (our own Dutch
/// statement with wording of its own): items numbered `1)`, the name after
/// "opgesteld door:", "geldt vanaf 01-02-2026" (day first, Taaladvies
/// "Datumnotatie"), "van toepassing op:" with the products, sub-processors
/// as bullets with the country after the name or in brackets (seat or
/// location left to a person), "meldt ... binnen 36 uur"
/// after a sentence about the controller's 72 hours to the Autoriteit
/// Persoonsgegevens (GDPR art. 33(1)), "met een aankondiging van ten minste
/// 30 dagen", "binnen 60 dagen na de kennisgeving ... opzeggen", and
/// backups "binnen 6 maanden verwijderd" (open: within the deletion term or
/// a cycle after it).
#[test]
fn own_dutch_statement_with_other_wording_imports() {
    use dpa_core::model::TransferBasis;
    let i = import_text(&statement("voorbeeld-varianten.txt")).unwrap();
    let s = &i.statement;
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Kaasboer Hosting B.V."),
        (&p.chamber_of_commerce, "12345678"),
        (&s.effective_date, "2026-02-01"),
        (&s.version, "2026.1"),
        (&s.deletion_term, "90 days"),
        (&s.deletion_firmness, "at-the-latest"),
        (&s.breach_notice, "within 36 hours"),
        (&s.audit_count, "1"),
        (&s.audit_period, "calendar-year"),
        (&s.audit_notice, "30 days"),
        (&s.change_window, "60 days"),
    ]);
    assert_eq!(p.name.evidence().unwrap().clause, "DPS 1");
    assert_eq!(
        s.products.value().unwrap(),
        &["Managed Hosting", "Back-up as a Service"]
    );
    // The edition is named in item 6's sentence, which is no template name.
    assert!(s.template.value().is_none());
    assert!(s.edition.value().is_some());
    let subs = s.sub_processors.value().unwrap();
    let names: Vec<&str> = subs.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Amazon Web Services EMEA SARL",
            "Cloudflare Inc.",
            "Zendesk Inc.",
            "TransIP B.V."
        ]
    );
    // The country beside the name, after a comma or in brackets: seat or
    // location, a person chooses.
    let Read::Ambiguous(seat) = &subs[0].seat else {
        panic!("{:?}", subs[0].seat)
    };
    assert_eq!(
        seat.readings,
        [
            "the sub-processor's seat: seat = \"LU\"",
            "where it processes: locations = [\"LU\"]"
        ]
    );
    assert_eq!(
        subs[0].locations.value().map(|l| l.len()),
        Some(1),
        "verwerking in Ierland"
    );
    assert!(matches!(subs[2].seat, Read::Ambiguous(_)));
    let Read::Ambiguous(seat) = &subs[3].seat else {
        panic!("{:?}", subs[3].seat)
    };
    assert!(
        seat.readings[0].ends_with("seat = \"NL\""),
        "{:?}",
        seat.readings
    );
    assert!(subs[3].locations.value().is_none());
    assert_eq!(subs[1].transfer_bases, [TransferBasis::EuUsDpf]);
    assert_eq!(subs[2].transfer_bases, [TransferBasis::SccEditionNotStated]);
    let Read::Ambiguous(backups) = &s.backups else {
        panic!("{:?}", s.backups)
    };
    assert!(
        backups.readings[1].contains("backup_cycle = \"6 months\""),
        "{:?}",
        backups.readings
    );
    assert!(s.backup_cycle.value().is_none());
    // 36 hours to the client (above), not the controller's 72 to the
    // authority.
    assert_eq!(s.breach_notice.evidence().unwrap().clause, "DPS 11");
    assert_eq!(s.certifications.value().map(Vec::len), Some(2));
    assert!(i.review().fails());
    // The draft reads back as TOML with what was stated.
    let v: toml::Value = toml::from_str(&i.draft_toml()).unwrap();
    assert_eq!(
        v["statement"]["effective_date"]
            .as_datetime()
            .map(ToString::to_string)
            .as_deref(),
        Some("2026-02-01")
    );
    assert_eq!(
        v["terms"]["breach"]["notice"]["hours"].as_integer(),
        Some(36)
    );
}

/// Source: issue 18 point 4: a text that is not a Data Pro Statement is an
/// error that says why.
#[test]
fn a_text_that_is_not_a_statement_says_why() {
    let e = import_text("Algemene voorwaarden\n\nArtikel 1. Definities\n").unwrap_err();
    assert!(e.to_string().contains("not a Data Pro Statement"), "{e}");
    assert!(e.to_string().contains("part heading"), "{e}");
}

/// Source: issue 18 point 4: placeholders left in a published statement
/// ("product/dienst A", "xxxx@xxxx.xxx") are flagged, and the redacted
/// address is no value.
#[test]
fn placeholders_are_flagged() {
    let text = "Deel 1: Data Pro Statement\n\n1.1 Dit Data Pro Statement is opgesteld door de volgende data processor (verwerker): Voorbeeld B.V., Straat 1, 1234 AB Stad. Contact: xxxx@xxxx.xxx.\n1.2 Dit Data Pro Statement is van toepassing op de volgende producten en diensten van data processor: product/dienst A.\n1.3 Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 30 dagen.\n";
    let i = import_text(text).unwrap();
    assert_eq!(
        i.statement.placeholders.len(),
        2,
        "{:?}",
        i.statement.placeholders
    );
    assert!(i.statement.processor.email.value().is_none());
    assert!(i.review().fails());
    let json = i.review().to_json().unwrap();
    assert!(json.contains("\"status\": \"placeholder\""), "{json}");
}

/// Source: the draft is the project's format (issue 18 point 5): it parses
/// as TOML, quotes each sentence as a comment, and marks what is not stated.
#[test]
fn the_draft_is_toml_with_quotes() {
    let i = import_text(&seed("004")).unwrap();
    let draft = i.draft_toml();
    let v: toml::Value = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    assert_eq!(v["terms"]["deletion"]["within"].as_str(), Some("3 months"));
    assert_eq!(
        v["terms"]["deletion"]["firmness"].as_str(),
        Some("in-principle")
    );
    assert_eq!(
        v["terms"]["breach"]["notice"]["kind"].as_str(),
        Some("without-undue-delay")
    );
    assert_eq!(
        v["statement"]["processor"]["name"].as_str(),
        Some("Alles Online B.V.")
    );
    assert!(
        draft.contains("# DPS 12, line 51: \"Na beëindiging van de Overeenkomst"),
        "{draft}"
    );
    assert!(draft.contains("# REVIEW terms.audit.period"), "{draft}");
    let _ = ElapsedTerm::new(1, ElapsedUnit::Hours);
}

/// Source: examples/statements/northwind-analytics-en.txt (our own English
/// statement in the NLdigital template's structure with other wording:
/// items from 0, a Markdown table, "in principle within six weeks", "at the
/// latest within 48 hours", "once per calendar year ... at least 30 days in
/// advance", "within 60 days of the notice", a redacted address).
#[test]
fn own_english_statement_imports() {
    use dpa_core::model::{CertificationStatus, Edition};
    let i = import_text(&statement("northwind-analytics-en.txt")).unwrap();
    let s = &i.statement;
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Northwind Analytics Ltd"),
        (&p.street, "Havenstraat 7"),
        (&p.postal_code, "3011 AA"),
        (&p.city, "Rotterdam"),
        (&p.country, "NL"),
        (&p.chamber_of_commerce, "87654321"),
        (&p.vat_number, "NL987654321B01"),
        (&p.contact_name, "Maria de Vries"),
        (&p.phone, "+31 10 123 4567"),
        (&s.version, "2.1"),
        (&s.effective_date, "2025-03-15"),
        (&s.deletion_term, "6 weeks"),
        (&s.deletion_firmness, "in-principle"),
        (&s.backups, "per-backup-cycle"),
        (&s.breach_notice, "within 48 hours"),
        (&s.audit_count, "1"),
        (&s.audit_period, "calendar-year"),
        (&s.audit_notice, "30 days"),
        (&s.change_window, "60 days"),
    ]);
    assert_eq!(p.name.evidence().unwrap().clause, "DPS 0");
    // The redacted address is flagged, not taken.
    assert!(p.email.value().is_none());
    assert_eq!(s.placeholders.len(), 1, "{:?}", s.placeholders);
    assert_eq!(
        s.products.value().unwrap(),
        &["Web Analytics", "Consent Manager"]
    );
    assert_eq!(s.edition.value(), Some(&Edition::Nldigital2025));
    let subs = s.sub_processors.value().unwrap();
    let seats: Vec<(&str, Option<&str>)> = subs
        .iter()
        .map(|x| (x.name.as_str(), x.seat.value().map(|c| c.as_str())))
        .collect();
    assert_eq!(
        seats,
        [
            ("Hetzner Online GmbH", Some("DE")),
            ("Postmark", Some("US"))
        ]
    );
    assert_eq!(
        subs[1].transfer_bases,
        [dpa_core::model::TransferBasis::SccEditionNotStated]
    );
    assert!(subs[0].transfer_bases.is_empty());
    assert_eq!(s.deletion_term.evidence().unwrap().clause, "DPS 9");
    assert!(s.breach_asap);
    let certs = s.certifications.value().unwrap();
    assert_eq!(
        (certs[0].name.as_str(), certs[0].status),
        ("ISO/IEC 27001", CertificationStatus::Held)
    );
    // The placeholder needs a person.
    assert!(i.review().fails());
}

/// Source: seed 000 (Belco): DPS 1.5 "Beoogd gebruik van Belco" (the use,
/// then "N.B. ... geen rekening gehouden met de verwerking van bijzondere
/// persoonsgegevens, of gegevens betreffende strafrechtelijke veroordelingen",
/// BSN not named), DPS 1.13 ("telefonisch op de hoogte stellen. Daarnaast zal
/// er ook een mail ... worden verstuurd, met daarin de volgende informatie:"
/// and items 1-10), DPS 1.12 ("kan in gangbaar formaat geëxporteerd worden
/// vanuit Belco via de API"), clauses 2.6.1-2.6.2.
#[test]
fn belco_declarations_breach_protocol_and_return() {
    use dpa_core::model::{Channel, Declaration, ReturnMethod};
    let i = import_text(&seed("000")).unwrap();
    let s = &i.statement;
    let use_ = s.intended_use.value().unwrap();
    assert!(
        use_.starts_with("Belco is ontworpen en ingericht"),
        "{use_}"
    );
    assert!(!use_.contains("bijzondere"), "{use_}");
    assert_eq!(s.intended_use.evidence().unwrap().clause, "DPS 1.5");
    let sc = &s.special_categories;
    assert_eq!(sc.art9.value(), Some(&Declaration::NotDesignedFor));
    assert_eq!(sc.art10.value(), Some(&Declaration::NotDesignedFor));
    assert!(matches!(sc.government_identifiers, Read::NotStated));
    // In the order the item names them.
    assert_eq!(
        s.breach_channels.value().unwrap(),
        &[Channel::Phone, Channel::Email]
    );
    let info = s.breach_information.value().unwrap();
    assert_eq!(info.len(), 10);
    assert_eq!(info[0], "Soort incident");
    // An entry that runs over two lines is one entry.
    assert_eq!(
        info[2],
        "Indien bekend en het incident plaatsvond bij een subverwerker, de naam van de subverwerker"
    );
    assert_eq!(
        s.return_of_data.method.value(),
        Some(&ReturnMethod::SelfServiceExport)
    );
    assert_eq!(
        s.return_of_data.method.evidence().unwrap().clause,
        "DPS 1.12"
    );
    assert_eq!(
        s.duration.indefinite.evidence().unwrap().clause,
        "clause 2.6.1"
    );
    assert_eq!(
        s.duration
            .ends_with_main_agreement
            .evidence()
            .unwrap()
            .clause,
        "clause 2.6.2"
    );
    let draft = i.draft_toml();
    let v: toml::Value = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    assert_eq!(
        v["terms"]["breach"]["channels"].as_array().unwrap().len(),
        2
    );
    assert_eq!(
        v["statement"]["special_categories"]["government_identifiers"].as_str(),
        Some("not-stated")
    );
    assert_eq!(
        v["terms"]["return_of_data"]["method"].as_str(),
        Some("self-service-export")
    );
}

/// Source: seed 004 (Alles Online): DPS 17 lists the notice's information in
/// a sentence ("relevante informatie aan: omschrijving en aard van het
/// incident, ..., mogelijke gevolgen en de getroffen en te nemen
/// maatregelen"): which "en" ends the list is not for the import to guess,
/// so both readings are given, the hand-encoded file's among them.
#[test]
fn alles_online_breach_items_are_ambiguous() {
    let i = import_text(&seed("004")).unwrap();
    let Read::Ambiguous(a) = &i.statement.breach_information else {
        panic!("{:?}", i.statement.breach_information)
    };
    assert_eq!(a.setting, "terms.breach.information");
    assert_eq!(a.readings.len(), 2, "{:?}", a.readings);
    let file = load("alles-online.toml");
    let hand: Vec<String> = file
        .terms
        .breach
        .information
        .iter()
        .map(|t| t.as_str().to_lowercase())
        .collect();
    assert_eq!(
        a.readings
            .iter()
            .filter(|r| r
                .to_lowercase()
                .split("; ")
                .eq(hand.iter().map(String::as_str)))
            .count(),
        1,
        "{:?}",
        a.readings
    );
    let review = i.review();
    let entry = review
        .values
        .iter()
        .find(|v| v.field == "terms.breach.information")
        .unwrap();
    assert!(entry.needs_review && entry.readings == a.readings);
}

/// Source: issue 18 point 4 (never a silent guess): a declaration on
/// special categories in words that are none of the template's is
/// ambiguous with the three readings; channel words inside other words
/// ("e-mailadressen", "telefoonnummers") are no channels.
#[test]
fn unrecognised_wording_is_ambiguous_and_words_are_whole() {
    let text = "Deel 1: Data Pro Statement\n\n1.1 Dit Data Pro Statement is opgesteld door de volgende data processor: Voorbeeld B.V., Straat 1, 1234 AB Stad.\n1.2 Het product kan met aanvullende afspraken bijzondere persoonsgegevens verwerken.\n1.3 Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 30 dagen.\n1.4 Datalekprotocol. Indien data processor een datalek ontdekt, stelt hij opdrachtgever uiterlijk binnen 24 uur op de hoogte met de betrokken telefoonnummers en e-mailadressen.\n";
    let i = import_text(text).unwrap();
    let s = &i.statement;
    let Read::Ambiguous(a) = &s.special_categories.art9 else {
        panic!("{:?}", s.special_categories.art9)
    };
    assert_eq!(a.readings.len(), 3);
    assert_eq!(a.evidence.clause, "DPS 1.2");
    assert!(matches!(s.special_categories.art10, Read::NotStated));
    assert_eq!(s.breach_notice.value().and_then(|n| n.hours()), Some(24));
    assert!(
        matches!(s.breach_channels, Read::NotStated),
        "{:?}",
        s.breach_channels
    );
    assert!(matches!(s.return_of_data.method, Read::NotStated));
    assert!(i.review().fails());
}

/// Source: docs/rules.md, deletion from backups (the deletion date + the
/// backup cycle): a backup sentence before the deletion sentence gives the
/// cycle, not the deletion term; "overschreven" is the cycle coming round.
#[test]
fn a_backup_sentence_first_gives_the_cycle_not_the_deletion_term() {
    let text = "Deel 1: Data Pro Statement\n\n1.1 Dit Data Pro Statement is opgesteld door de volgende data processor: Voorbeeld B.V., Straat 1, 1234 AB Stad.\n1.2 Dit Data Pro Statement geldt vanaf 1 mei 2025.\n1.3 Back-ups worden na 35 dagen overschreven. Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 3 maanden.\n";
    let s = import_text(text).unwrap().statement;
    assert_eq!(
        s.deletion_term.value(),
        Some(&Term::new(3, TermUnit::Months).unwrap())
    );
    assert_eq!(
        s.backups.value(),
        Some(&dpa_core::model::BackupDeletion::PerBackupCycle)
    );
    assert_eq!(
        s.backup_cycle.value(),
        Some(&Term::new(35, TermUnit::Days).unwrap())
    );
}

/// Source: English wording without the template's questions: "was drawn
/// up by:" with the house number before the street ("1 Canal Street"), "applies to:", "reports a personal data breach" (GDPR art.
/// 4(12)), "Backups are overwritten within 30 days", "30 days' notice",
/// "after receipt of the notice".
#[test]
fn english_wording_without_the_templates_questions() {
    let text = "Part 1: Data Pro Statement\n\n1) This Data Pro Statement was drawn up by: Brightside Hosting Ltd, 1 Canal Street, 1011 AB Amsterdam, Netherlands.\n\n2) This Data Pro Statement applies as of 01-02-2026 (version 3).\n\n3) This Data Pro Statement applies to: Cloud Servers, Managed Backup.\n\n4) After the agreement ends, the data processor deletes the personal data at the latest within 60 days. Backups are overwritten within 30 days.\n\n5) The data processor reports a personal data breach to the client within 36 hours of discovering it.\n\n6) Audits: the client may have an audit carried out at most once per calendar year, with 30 days' notice.\n\n7) The client may terminate the agreement within 30 days after receipt of the notice of a change to this Data Pro Statement.\n";
    let i = import_text(text).unwrap();
    let s = &i.statement;
    let found: Vec<(&str, Option<&str>)> = s
        .items
        .iter()
        .filter(|t| t.clause.is_some())
        .map(|t| (t.key, t.clause.as_deref()))
        .collect();
    for (key, clause) in [
        ("processor", "DPS 1"),
        ("products", "DPS 3"),
        ("deletion", "DPS 4"),
        ("breach", "DPS 5"),
    ] {
        assert!(found.contains(&(key, Some(clause))), "{key}: {found:?}");
    }
    let p = &s.processor;
    // The house number before the street, as English writes it.
    assert_stated(&[
        (&p.name, "Brightside Hosting Ltd"),
        (&p.street, "1 Canal Street"),
        (&p.postal_code, "1011 AB"),
        (&p.city, "Amsterdam"),
        (&s.effective_date, "2026-02-01"),
        (&s.breach_notice, "within 36 hours"),
        (&s.backup_cycle, "30 days"),
        (&s.deletion_term, "60 days"),
        (&s.audit_notice, "30 days"),
        (&s.change_window, "30 days"),
    ]);
    assert_eq!(
        s.products.value().unwrap(),
        &["Cloud Servers", "Managed Backup"]
    );
}

/// Source: Dutch labels and wording without the template's questions:
/// "Ingangsdatum:" with the version in the next sentence (an earlier
/// version named after it is history, not the version), "Na afloop van de
/// overeenkomst", and a table whose country column is headed "Land" alone
/// (seat or location: both settings spelled out with the country).
#[test]
fn dutch_labels_and_a_country_column_headed_land() {
    let text = "Deel 1: Data Pro Statement\n\n1. Dit Data Pro Statement is opgesteld door Voorbeeld Software B.V., Kanaalweg 5, 3526 KL Utrecht.\n\n2. Ingangsdatum: 15 januari 2026. Eerdere versies: versie 3.0 (2024). Versie 4.0.\n\n3. Data processor schakelt de volgende subverwerkers in:\nBedrijf | Dienst | Land\nTwilio Inc. | sms | Verenigde Staten\n\n4. Na afloop van de overeenkomst worden de persoonsgegevens binnen drie maanden verwijderd.\n";
    let s = import_text(text).unwrap().statement;
    assert_eq!(
        s.processor.name.value().map(String::as_str),
        Some("Voorbeeld Software B.V.")
    );
    assert_eq!(
        s.effective_date.value().map(ToString::to_string).as_deref(),
        Some("2026-01-15")
    );
    assert_eq!(s.version.value().map(String::as_str), Some("4.0"));
    assert_eq!(
        s.deletion_term.value(),
        Some(&Term::new(3, TermUnit::Months).unwrap())
    );
    let subs = s.sub_processors.value().unwrap();
    assert_eq!(subs[0].name, "Twilio Inc.");
    let Read::Ambiguous(seat) = &subs[0].seat else {
        panic!("{:?}", subs[0].seat)
    };
    assert_eq!(
        seat.readings,
        [
            "the sub-processor's seat: seat = \"US\"",
            "where it processes: locations = [\"US\"]"
        ]
    );
}

/// Source: the sub-processors on the question's own line after its colon,
/// `Name (country)` separated by commas and "en" (each country seat or
/// location, for a person), and "maximaal 1x per jaar".
#[test]
fn sub_processors_after_the_colon_and_1x_per_year() {
    let text = "Deel 1: Data Pro Statement\n\n1. Dit Data Pro Statement is opgesteld door de volgende data processor: Webbureau Noord B.V., Markt 3, 9711 AA Groningen.\n\n2. Data processor maakt gebruik van de volgende sub-processors: Google Cloud (Nederland), Mailgun (Verenigde Staten) en Stripe (Ierland).\n\n3. Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens binnen 30 dagen.\n\n4. Opdrachtgever mag maximaal 1x per jaar een audit uitvoeren.\n";
    let s = import_text(text).unwrap().statement;
    let subs = s.sub_processors.value().unwrap();
    let read: Vec<(&str, &str)> = subs
        .iter()
        .map(|x| match &x.seat {
            Read::Ambiguous(a) => (x.name.as_str(), a.evidence.quote.as_str()),
            other => panic!("{}: {other:?}", x.name),
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Google Cloud", "Google Cloud (Nederland)"),
            ("Mailgun", "Mailgun (Verenigde Staten)"),
            ("Stripe", "Stripe (Ierland)")
        ]
    );
    assert!(
        subs.iter()
            .all(|x| x.purpose.is_none() && x.locations.value().is_none())
    );
    assert_eq!(s.audit_count.value(), Some(&1));
    assert!(matches!(s.audit_period, Read::Ambiguous(_)));
}

/// Source: "is ISO 27001 gecertificeerd" (the certification item without
/// "volgens"), and "zonder onnodige vertraging" read as GDPR art. 33(2)'s
/// "zonder onredelijke vertraging" (no fixed term); an earlier item on the
/// information security policy that mentions a certificate is not taken
/// for the certification item.
#[test]
fn gecertificeerd_and_zonder_onnodige_vertraging() {
    let text = "Deel 1: Data Pro Statement\n\n1. Dit Data Pro Statement is opgesteld door de volgende data processor: Datahaven B.V., Dorpsstraat 8, 5611 AB Eindhoven.\n\n2. Data processor hanteert een informatiebeveiligingsbeleid gebaseerd op ISO 27001, waarvoor hij is gecertificeerd.\n\n3. Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 3 maanden.\n\n4. Data processor is ISO 27001 gecertificeerd.\n\n5. Indien data processor een datalek ontdekt, informeert hij de opdrachtgever zonder onnodige vertraging.\n";
    let s = import_text(text).unwrap().statement;
    let item = |key: &str| {
        s.items
            .iter()
            .find(|t| t.key == key)
            .and_then(|t| t.clause.clone())
    };
    assert_eq!(item("certifications").as_deref(), Some("DPS 4"));
    let certs = s.certifications.value().unwrap();
    assert_eq!(certs.len(), 1);
    assert_eq!(certs[0].name, "ISO/IEC 27001");
    assert_eq!(
        s.breach_notice.value(),
        Some(&dpa_core::model::NoticeTerm::WithoutUndueDelay)
    );
}

/// Source: sub-processor tables whose country is not the last column: each
/// header cell says what its column holds (name, purpose, seat, where it
/// processes, transfer tool); "Aard van de verwerking" is a purpose, not a
/// place; a cell naming no country ("n.v.t.") leaves that value not stated
/// and the table goes on.
#[test]
fn tables_read_by_what_each_header_cell_heads() {
    use dpa_core::model::TransferBasis;
    use dpa_core::values::Location;
    let text = "Deel 1: Data Pro Statement\n\n1. Dit Data Pro Statement is opgesteld door de volgende data processor: Datahaven B.V., Dorpsstraat 8, 5611 AB Eindhoven.\n\n2. Data processor maakt gebruik van de volgende sub-processors:\n\n| Naam | Aard van de verwerking | Vestigingsland | Land van verwerking | Doorgifte |\n|---|---|---|---|---|\n| Microsoft Ireland Operations Ltd | e-mail | Ierland | n.v.t. | n.v.t. |\n| Amazon Web Services Inc. | hosting | Verenigde Staten | Duitsland | EU-US Data Privacy Framework |\n| Sentry | foutmonitoring | Verenigde Staten | Verenigde Staten | SCC's (2021) |\n\n3. Na beëindiging van de Overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 3 maanden.\n";
    let s = import_text(text).unwrap().statement;
    let subs = s.sub_processors.value().unwrap();
    let read: Vec<_> = subs
        .iter()
        .map(|x| {
            (
                x.name.as_str(),
                x.purpose.as_deref(),
                x.seat.value().map(|c| c.as_str()),
                x.locations.value().cloned(),
                x.transfer_bases.clone(),
            )
        })
        .collect();
    let country = |c: &str| Location::Country(c.parse().unwrap());
    assert_eq!(
        read,
        [
            (
                "Microsoft Ireland Operations Ltd",
                Some("e-mail"),
                Some("IE"),
                None,
                vec![]
            ),
            (
                "Amazon Web Services Inc.",
                Some("hosting"),
                Some("US"),
                Some(vec![country("DE")]),
                vec![TransferBasis::EuUsDpf]
            ),
            (
                "Sentry",
                Some("foutmonitoring"),
                Some("US"),
                Some(vec![country("US")]),
                vec![TransferBasis::Scc2021]
            ),
        ]
    );
}

/// The deviations found: each clause's number and kind.
fn deviations(i: &Import) -> Vec<(String, DeviationKind)> {
    match &i.statement.clause_comparison {
        ClauseComparison::Compared { deviations, .. } => deviations
            .iter()
            .map(|d| (d.clause.clone(), d.kind))
            .collect(),
        other => panic!("part 2 was not compared: {other:?}"),
    }
}

/// Why part 2 was not compared.
fn not_compared(i: &Import) -> String {
    match &i.statement.clause_comparison {
        ClauseComparison::NotCompared { reason, .. } => reason.clone(),
        other => panic!("part 2 was compared: {other:?}"),
    }
}

/// Source: seed 004 (Alles Online), Deel 2: the NLdigital
/// Standaardclausules voor verwerkingen, versie maart 2025, unmodified
/// (DESIGN.md): compared clause by clause with the edition's text, no
/// deviation; so too with a blank line between every line (text extracted
/// from a PDF, as seed 000 is).
#[test]
fn the_unmodified_2025_clauses_have_no_deviations() {
    let i = import_text(&seed("004")).unwrap();
    assert_eq!(deviations(&i), []);
    match &i.statement.clause_comparison {
        ClauseComparison::Compared { edition, .. } => {
            assert_eq!(*edition, dpa_core::model::Edition::Nldigital2025);
        }
        other => panic!("{other:?}"),
    }
    let r = i.review();
    assert_eq!(r.clauses.status, ComparisonStatus::Compared);
    assert!(
        r.to_string().contains(
            "Standard clauses (part 2):\n  compared with the unmodified text of the nldigital-2025 edition: no deviations\n"
        ),
        "{r}"
    );
    let doubled = seed("004").replace('\n', "\n\n");
    assert_eq!(deviations(&import_text(&doubled).unwrap()), []);
    // Numbered after the statement, as Belco numbers its part 2 (`2.6.3`
    // for the edition's 6.3): read in the edition's numbers.
    let text = seed("004");
    let at = text.rfind("Deel 2:").unwrap();
    let mut prefixed = text[..at].to_owned();
    for line in text[at..].lines() {
        let (bullet, rest) = line.strip_prefix("- ").map_or(("", line), |r| ("- ", r));
        if rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains('.') {
            prefixed.push_str(&format!("{bullet}2.{rest}\n"));
        } else {
            prefixed.push_str(&format!("{line}\n"));
        }
    }
    assert!(prefixed.contains("- 2.6.3 Data Processor zal"));
    assert_eq!(deviations(&import_text(&prefixed).unwrap()), []);
}

/// Source: examples/statements/voorbeeld-afwijkingen.txt, our own statement
/// whose part 2 ("Versie: maart 2025", laid out as a PDF gives it: running
/// footers, page numbers, hyphenated words, bullets and emphasis) changes
/// the edition in three places: clause 4.4 modified (an hourly rate instead
/// of "zijn dan geldende tarieven"), clause 5.3 removed, clause 8.4 added.
/// Exactly those three are found, each needs review (exit 1), in the text
/// and JSON review and as REVIEW comments above `[clauses]` in the draft.
#[test]
fn three_deviations_from_the_2025_clauses_are_found() {
    let i = import_text(&statement("voorbeeld-afwijkingen.txt")).unwrap();
    // Part 1 as well: DPS 17 "meldt hij dat de opdrachtgever uiterlijk
    // binnen 48 uur" (not clause 4.1's "zonder onredelijke vertraging"),
    // DPS 12 "Back-ups worden na 35 dagen overschreven" (the cycle).
    let s = &i.statement;
    assert_eq!(s.breach_notice.value().and_then(|n| n.hours()), Some(48));
    assert_eq!(s.breach_notice.evidence().unwrap().clause, "DPS 17");
    assert_eq!(
        s.backups.value(),
        Some(&dpa_core::model::BackupDeletion::PerBackupCycle)
    );
    assert_eq!(
        s.backup_cycle.value(),
        Some(&Term::new(35, TermUnit::Days).unwrap())
    );
    assert_eq!(
        deviations(&i),
        [
            ("4.4".to_owned(), DeviationKind::Modified),
            ("5.3".to_owned(), DeviationKind::Removed),
            ("8.4".to_owned(), DeviationKind::Added),
        ]
    );
    let ClauseComparison::Compared { deviations, .. } = &i.statement.clause_comparison else {
        unreachable!()
    };
    assert_eq!(
        deviations[0].difference,
        "… bij Opdrachtgever tegen [-zijn dan geldende tarieven.-] {+een uurtarief van EUR 95, tenzij de inbreuk aan Data Processor te …+}"
    );
    let e = deviations[0].evidence.as_ref().unwrap();
    assert_eq!(e.clause, "clause 4.4");
    assert!(
        e.quote.ends_with(
            "tegen een uurtarief van EUR 95, tenzij de inbreuk aan Data Processor te wijten is."
        ),
        "{}",
        e.quote
    );
    assert!(
        deviations[1]
            .difference
            .starts_with("[-Alle door Data Processor aan Opdrachtgever verstrekte")
    );
    assert!(deviations[1].evidence.is_none());
    assert!(
        deviations[2]
            .difference
            .starts_with("{+Data Processor blijft jegens Opdrachtgever volledig aansprakelijk")
    );
    let r = i.review();
    assert!(r.fails());
    assert!(r.clauses.deviations.iter().all(|d| d.needs_review));
    let text = r.to_string();
    assert!(
        text.contains("compared with the unmodified text of the nldigital-2025 edition: 3 deviations\n! modified clause 4.4 (lines "),
        "{text}"
    );
    assert!(
        text.contains("\n! removed clause 5.3\n      [-Alle door"),
        "{text}"
    );
    assert!(text.contains("\n! added clause 8.4 (lines "), "{text}");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["clauses"]["status"], "compared");
    assert_eq!(json["clauses"]["edition"], "nldigital-2025");
    let kinds: Vec<&str> = json["clauses"]["deviations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["modified", "removed", "added"]);
    let draft = i.draft_toml();
    assert!(
        draft.contains("# REVIEW clauses.deviations: clause 5.3 removed: [-Alle door"),
        "{draft}"
    );
    assert!(
        draft.contains("# REVIEW clauses.deviations: clause 4.4 modified (line "),
        "{draft}"
    );
    let v: toml::Value = toml::from_str(&draft).unwrap();
    assert_eq!(v["clauses"]["edition"].as_str(), Some("nldigital-2025"));
    // The edition's terms of the clauses left unmodified are in the draft;
    // the added clause 8.4 ("blijft ... volledig aansprakelijk") withholds
    // the edition's answer on the processor's liability for a person to
    // write from 8.4.
    let subs = &v["terms"]["sub_processors"];
    assert_eq!(subs["authorisation"].as_str(), Some("general"));
    assert_eq!(subs.get("processor_remains_liable"), None);
    assert_eq!(v["terms"]["fines"]["recoverable"].as_str(), Some("never"));
}

/// Source: seed 004 (Alles Online), whose part 2 is the March 2025
/// edition unmodified: clause 2.8 (fines never recoverable), 4.2 and 4.3
/// (the controller notifies the AP; the processor assists), 6.5 (a legal
/// duty suspends deletion), 7.4 and 7.5 (a certificate may demonstrate
/// compliance; audits at the client's cost; an unlawful audit may be
/// refused), 2.2 (significant changes notified), 8.2 and 8.3 (general
/// authorisation, changes notified, objection, the same security level).
/// The draft takes each from part 2 with its clause, as the hand-encoded
/// examples/agreements/alles-online.toml holds it; a statement whose part
/// 2 names an edition whose text is not on file (example-hosting-en, the
/// 2018 edition) gets none of them.
#[test]
fn the_draft_takes_the_terms_of_an_unmodified_part_2() {
    let i = import_text(&seed("004")).unwrap();
    let draft = i.draft_toml();
    let v: toml::Value = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let t = &v["terms"];
    let strs = |a: &toml::Value| -> Vec<String> {
        a.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(t["fines"]["recoverable"].as_str(), Some("never"));
    assert_eq!(strs(&t["fines"]["source"]), ["clause 2.8"]);
    assert_eq!(
        t["legal_retention"]["suspends_deletion"].as_bool(),
        Some(true)
    );
    assert_eq!(
        t["breach"]["processor_notifies_authority"].as_bool(),
        Some(false)
    );
    assert_eq!(t["breach"]["assists_controller"].as_bool(), Some(true));
    assert_eq!(
        strs(&t["breach"]["source"]),
        ["DPS 17", "clause 4.2", "clause 4.3"]
    );
    assert_eq!(t["audit"]["cost_bearer"].as_str(), Some("client"));
    assert_eq!(
        t["audit"]["processor_may_refuse_auditor"].as_bool(),
        Some(false)
    );
    assert_eq!(
        t["audit"]["processor_may_refuse_unlawful_audit"].as_bool(),
        Some(true)
    );
    assert_eq!(
        t["audit"]["certificate_may_demonstrate"].as_bool(),
        Some(true)
    );
    assert_eq!(
        t["statement_changes"]["significant_changes_notified"].as_bool(),
        Some(true)
    );
    let subs = &t["sub_processors"];
    assert_eq!(subs["authorisation"].as_str(), Some("general"));
    for key in [
        "changes_notified",
        "client_may_object",
        "same_security_level",
    ] {
        assert_eq!(subs[key].as_bool(), Some(true), "{key}");
    }
    assert_eq!(subs["processor_remains_liable"].as_bool(), Some(false));
    assert!(
        draft.contains("recoverable = \"never\"  # clause 2.8 of part 2 (nldigital-2025, unmodified): \"Een aan Opdrachtgever door de AP opgelegde bestuurlijke boete"),
        "{draft}"
    );
    // The audit period stays a person's choice (a reading, DESIGN.md rule 6).
    assert!(draft.contains("# REVIEW terms.audit.period"), "{draft}");
    assert_eq!(t["audit"].get("period"), None);
    let other = import_text(&statement("example-hosting-en.txt"))
        .unwrap()
        .draft_toml();
    let v: toml::Value = toml::from_str(&other).unwrap();
    assert_eq!(v["terms"].get("fines"), None);
    assert_eq!(v["terms"]["breach"].get("assists_controller"), None);
}

/// Source: examples/statements/voorbeeld-webdiensten.txt names the March
/// 2025 edition as its part 2 ("Deel 2. Standaardclausules voor
/// verwerkingen, NLdigital versie maart 2025") without reproducing it, and
/// says nothing of audits or of changes to the statement; docs/rules.md
/// "Provenance": `standard` is a value the edition's standard clauses
/// supply because the statement is silent. The draft takes the edition's
/// terms, the audits' count (clause 7.5) and the termination window
/// (clause 2.2) with `provenance = "standard"`, and leaves the reading of
/// "per jaar" to a REVIEW line; every value it takes is the one the
/// hand-encoded examples/agreements/voorbeeld-webdiensten.toml holds.
#[test]
fn the_draft_takes_the_terms_of_an_edition_named_by_reference() {
    let i = import_text(&statement("voorbeeld-webdiensten.txt")).unwrap();
    assert_eq!(
        i.statement.clauses_by_reference,
        Some(dpa_core::model::Edition::Nldigital2025)
    );
    let draft = i.draft_toml();
    let v: toml::Value = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let t = &v["terms"];
    assert_eq!(t["audit"]["provenance"].as_str(), Some("standard"));
    assert_eq!(t["audit"]["max_count"].as_integer(), Some(1));
    assert_eq!(t["audit"].get("period"), None);
    assert!(
        draft.contains("# REVIEW terms.audit.period: \"maximaal éénmaal per jaar\" (clause 7.5 of the nldigital-2025 edition, which the statement names)"),
        "{draft}"
    );
    assert_eq!(
        t["statement_changes"]["provenance"].as_str(),
        Some("standard")
    );
    assert_eq!(
        t["statement_changes"]["termination_window"].as_str(),
        Some("30 days")
    );
    // Each value taken from the edition (its comment says so) against the
    // hand-encoded file.
    let hand: toml::Value = toml::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../examples/agreements/voorbeeld-webdiensten.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let (mut table, mut taken) = (String::new(), 0);
    for line in draft.lines() {
        if let Some(name) = line.strip_prefix("[terms.") {
            table = name.trim_end_matches(']').to_owned();
        }
        let Some((pair, _)) = line.split_once("  # ") else {
            continue;
        };
        if !line.contains(" of the nldigital-2025 edition, which the statement names: ") {
            continue;
        }
        let (key, _) = pair.split_once(" = ").unwrap();
        let value: toml::Value = toml::from_str(pair).unwrap();
        assert_eq!(
            Some(&value[key]),
            hand["terms"][&table].get(key),
            "terms.{table}.{key}"
        );
        taken += 1;
    }
    assert_eq!(taken, 20, "{draft}");
    // The statement's own audit sentence keeps its count (stated, no
    // provenance mark) and its one REVIEW line for the period; the
    // edition's other audit values join it.
    let own = statement("voorbeeld-webdiensten.txt").replace(
        "16. Data processor beschikt over een ISO/IEC 27001-certificaat.",
        "16. Data processor beschikt over een ISO/IEC 27001-certificaat. Opdrachtgever mag maximaal tweemaal per jaar een audit laten uitvoeren.",
    );
    let d = import_text(&own).unwrap().draft_toml();
    let v: toml::Value = toml::from_str(&d).unwrap_or_else(|e| panic!("{e}\n{d}"));
    assert_eq!(
        v["terms"]["audit"]["max_count"].as_integer(),
        Some(2),
        "{d}"
    );
    assert_eq!(v["terms"]["audit"].get("provenance"), None, "{d}");
    assert_eq!(v["terms"]["audit"]["cost_bearer"].as_str(), Some("client"));
    assert_eq!(d.matches("# REVIEW terms.audit.period:").count(), 1, "{d}");
    assert!(
        !d.contains("maximaal éénmaal per jaar\" (clause 7.5"),
        "{d}"
    );
    // A statement with no part 2 that names the edition takes it too.
    let varianten = import_text(&statement("voorbeeld-varianten.txt")).unwrap();
    assert_eq!(
        varianten.statement.clauses_by_reference,
        Some(dpa_core::model::Edition::Nldigital2025)
    );
    let v: toml::Value = toml::from_str(&varianten.draft_toml()).unwrap();
    assert_eq!(v["terms"]["fines"]["recoverable"].as_str(), Some("never"));
    // Part 2 reproduced and compared: not by reference.
    assert_eq!(
        import_text(&seed("004"))
            .unwrap()
            .statement
            .clauses_by_reference,
        None
    );
}

/// Source: issue 18 point 4 (never a silent guess): where there is no
/// unmodified text to compare with, the review says so and why. Belco's
/// part 2 (seed 000, a modified copy of the 2019 clauses) names no edition;
/// example-hosting-en names the 2018 edition, whose text is not on file;
/// voorbeeld-webdiensten and northwind name the 2025 edition without
/// reproducing its clauses; a part 2 in English is not compared with the
/// Dutch text.
#[test]
fn a_part_2_that_cannot_be_compared_says_why() {
    let belco = import_text(&seed("000")).unwrap();
    let reason = not_compared(&belco);
    assert!(reason.contains("not on file"), "{reason}");
    let r = belco.review();
    assert_eq!(r.clauses.status, ComparisonStatus::NotCompared);
    assert!(r.to_string().contains("\n  not compared: "), "{r}");
    let reason = not_compared(&import_text(&statement("example-hosting-en.txt")).unwrap());
    assert!(
        reason.starts_with("the unmodified text of the nederland-ict-2018 edition is not on file"),
        "{reason}"
    );
    for name in ["voorbeeld-webdiensten.txt", "northwind-analytics-en.txt"] {
        let reason = not_compared(&import_text(&statement(name)).unwrap());
        assert!(
            reason.starts_with("part 2 does not reproduce the clauses' text"),
            "{name}: {reason}"
        );
    }
    let english = seed("004").replace(
        "Deel 2: Standaardclausules voor verwerkingen",
        "Part 2: Standard Clauses for Data Processing",
    );
    let reason = not_compared(&import_text(&english).unwrap());
    assert!(reason.contains("in English"), "{reason}");
    let text = statement("voorbeeld-afwijkingen.txt");
    let only_part1 = text[..text.find("Deel 2: Standaardclausules").unwrap()]
        .replace("Deel 2. Standaardclausules voor verwerkingen", "");
    let reason = not_compared(&import_text(&only_part1).unwrap());
    assert!(
        reason.starts_with("the statement has no part 2"),
        "{reason}"
    );
}

/// Source: shared reference "legal-facts.md", "Contractual terms" (the
/// Algemene termijnenwet does not cover contracts: "within 5 working days"
/// runs as the parties define it). A breach notice in working days is no
/// term of the format, so it is left to a person, with the sentence, the
/// same number of calendar days (never later) and no term as the choices;
/// never read as calendar days by itself. "meldt ... per e-mail" names the
/// channel.
#[test]
fn a_breach_notice_in_working_days_is_left_to_a_person() {
    use dpa_core::model::Channel;
    let dutch = dutch_statement(&[
        "Data processor meldt een inbreuk in verband met persoonsgegevens binnen 2 werkdagen na ontdekking aan de opdrachtgever, per e-mail.",
        "Na beëindiging van de overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 90 dagen.",
    ]);
    let english = "Part 1: Data Pro Statement\n\n1) This Data Pro Statement was drawn up by: Example Ltd, Havenstraat 7, 3011 AA Rotterdam.\n\n2) The data processor reports a personal data breach to the client within three business days of discovering it.\n\n3) After the agreement ends, the data processor deletes the personal data at the latest within 60 days.\n";
    for (text, n, days) in [
        (dutch.as_str(), "DPS 2", "2 days"),
        (english, "DPS 2", "3 days"),
    ] {
        let i = import_text(text).unwrap();
        let s = &i.statement;
        let Read::Ambiguous(a) = &s.breach_notice else {
            panic!("{:?}", s.breach_notice)
        };
        assert_eq!(a.setting, "terms.breach.notice");
        assert_eq!(a.evidence.clause, n);
        assert!(a.evidence.quote.contains("dagen") || a.evidence.quote.contains("days"));
        assert_eq!(a.readings.len(), 2, "{:?}", a.readings);
        assert!(
            a.readings[0].starts_with(&format!("within \"{days}\"")),
            "{:?}",
            a.readings
        );
        assert!(a.readings[1].starts_with("not-stated"), "{:?}", a.readings);
        assert!(i.review().fails());
        let draft = i.draft_toml();
        assert!(draft.contains("# REVIEW terms.breach.notice"), "{draft}");
    }
    let s = import_text(&dutch).unwrap().statement;
    assert_eq!(s.breach_channels.value().unwrap(), &[Channel::Email]);
}

/// Source: as above (working days run as the parties define them). A
/// deletion term "uiterlijk binnen 10 werkdagen" is left to a person the
/// same way, its firmness read from its sentence; the six months of the
/// backup sentence after it are never taken for the deletion term.
#[test]
fn a_deletion_term_in_working_days_is_left_to_a_person() {
    use dpa_core::model::Firmness;
    let text = dutch_statement(&[
        "Data processor meldt een inbreuk in verband met persoonsgegevens binnen 24 uur aan de opdrachtgever.",
        "Na beëindiging van de overeenkomst verwijdert data processor de persoonsgegevens uiterlijk binnen 10 werkdagen. Back-ups worden binnen 6 maanden verwijderd.",
    ]);
    let i = import_text(&text).unwrap();
    let s = &i.statement;
    let Read::Ambiguous(a) = &s.deletion_term else {
        panic!("{:?}", s.deletion_term)
    };
    assert_eq!(a.setting, "terms.deletion");
    assert!(
        a.evidence.quote.contains("10 werkdagen"),
        "{:?}",
        a.evidence
    );
    assert!(
        a.readings[0].starts_with("within \"10 days\": within = \"10 days\""),
        "{:?}",
        a.readings
    );
    assert!(a.readings[1].starts_with("not-stated"), "{:?}", a.readings);
    assert_eq!(s.deletion_firmness.value(), Some(&Firmness::AtTheLatest));
    assert!(i.review().fails());
}

/// Source: examples/statements/tulip-cloud-en.txt (our own English
/// statement numbered in sections: "1.1" to "1.3", then "2.1", "3.1", ...,
/// each section under a numbered heading; a blank line after every line).
/// Every section's item is read; "is effective as of", "after the end of
/// the agreement"; the country before a bracketed remark; a remark in
/// brackets after a sub-processor's name with the country after a comma
/// (seat or location left to a person); the audit notice is the two
/// weeks, not the 12 months of "once every 12 months".
#[test]
fn english_statement_numbered_in_sections_imports() {
    use dpa_core::model::TransferBasis;
    let i = import_text(&statement("tulip-cloud-en.txt")).unwrap();
    let s = &i.statement;
    let found: Vec<(&str, &str)> = s
        .items
        .iter()
        .filter_map(|t| Some((t.key, t.clause.as_deref()?)))
        .collect();
    assert_eq!(
        found,
        [
            ("processor", "DPS 1.1"),
            ("effective-date", "DPS 1.2"),
            ("products", "DPS 1.3"),
            ("sub-processors", "DPS 2.1"),
            ("deletion", "DPS 3.1"),
            ("breach", "DPS 4.1"),
            ("audits", "DPS 5.1"),
        ]
    );
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Tulip Cloud Services B.V."),
        (&p.street, "Stationsplein 4"),
        (&p.postal_code, "3511 ED"),
        (&p.city, "Utrecht"),
        (&p.country, "NL"),
        (&p.chamber_of_commerce, "23456789"),
        (&s.effective_date, "2026-03-01"),
        (&s.version, "1.4"),
        (&s.deletion_term, "30 days"),
        (&s.backups, "per-backup-cycle"),
        (&s.backup_cycle, "14 days"),
        (&s.breach_notice, "within 48 hours"),
        (&s.audit_count, "1"),
        (&s.audit_period, "rolling-12-months"),
        (&s.audit_notice, "2 weeks"),
        (&s.change_window, "1 month"),
    ]);
    assert_eq!(s.change_window.evidence().unwrap().clause, "DPS 6.1");
    let subs = s.sub_processors.value().unwrap();
    let names: Vec<&str> = subs.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Hetzner Online GmbH",
            "Mailgun Technologies Inc.",
            "Sentry (Functional Software Inc.)"
        ]
    );
    // "Name (Country): purpose, basis": the words after the colon up to the
    // comma.
    let purposes: Vec<Option<&str>> = subs.iter().map(|x| x.purpose.as_deref()).collect();
    assert_eq!(
        purposes,
        [
            Some("hosting"),
            Some("e-mail delivery"),
            Some("error monitoring")
        ]
    );
    for x in subs {
        let Read::Ambiguous(seat) = &x.seat else {
            panic!("{}: {:?}", x.name, x.seat)
        };
        assert_eq!(seat.readings.len(), 2, "{:?}", seat.readings);
        assert!(x.locations.value().is_none(), "{}", x.name);
    }
    assert_eq!(subs[1].transfer_bases, [TransferBasis::EuUsDpf]);
    assert_eq!(subs[2].transfer_bases, [TransferBasis::SccEditionNotStated]);
}

/// Source: examples/statements/groenveld-ict.txt (our own Dutch statement
/// in Markdown numbered in sections, bold section headings): the street
/// after "gevestigd aan de", the city before "(KvK ...)", a table headed
/// "Vestigingsland" (the seat) and "Doorgifte" ("n.v.t.": none), "eens per
/// jaar" (once a year: per calendar year or rolling, a person chooses,
/// docs/rules.md rule 6), "binnen 30 dagen na bekendmaking van de
/// wijziging ... opzeggen".
#[test]
fn dutch_markdown_statement_numbered_in_sections_imports() {
    use dpa_core::model::TransferBasis;
    let i = import_text(&statement("groenveld-ict.txt")).unwrap();
    let s = &i.statement;
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Groenveld ICT B.V."),
        (&p.street, "Nieuwe Gracht 20"),
        (&p.postal_code, "2011 NM"),
        (&p.city, "Haarlem"),
        (&p.chamber_of_commerce, "34567890"),
        (&s.effective_date, "2026-09-15"),
        (&s.deletion_term, "2 months"),
        (&s.backup_cycle, "4 weeks"),
        (&s.breach_notice, "within 24 hours"),
        (&s.audit_count, "1"),
        (&s.audit_notice, "14 days"),
        (&s.change_window, "30 days"),
    ]);
    assert!(p.country.value().is_none());
    let Read::Ambiguous(period) = &s.audit_period else {
        panic!("{:?}", s.audit_period)
    };
    assert_eq!(period.setting, "terms.audit.period");
    assert_eq!(s.change_window.evidence().unwrap().clause, "DPS 6.1");
    let subs = s.sub_processors.value().unwrap();
    let seats: Vec<(&str, Option<&str>)> = subs
        .iter()
        .map(|x| (x.name.as_str(), x.seat.value().map(|c| c.as_str())))
        .collect();
    assert_eq!(
        seats,
        [
            ("Microsoft Ireland Operations Ltd", Some("IE")),
            ("Atlassian Pty Ltd", Some("AU"))
        ]
    );
    assert!(subs[0].transfer_bases.is_empty());
    assert_eq!(subs[1].transfer_bases, [TransferBasis::SccEditionNotStated]);
}

/// Source: English legal style, numbers in words with the digits in
/// brackets ("within thirty (30) days", "once in any twelve (12) month
/// period, with at least thirty (30) days' prior written notice"), "The
/// Netherlands", "after the notice of a significant change": the audit
/// notice is the 30 days, never the 12 months of the frequency.
#[test]
fn numbers_in_words_with_digits_in_brackets() {
    let text = "DATA PRO STATEMENT\n\nPart 1: Data Pro Statement\n\n1. This Data Pro Statement was drawn up by the following data processor: Harbour Data B.V., Kade 3, 1013 AA Amsterdam, The Netherlands. Contact: dpo@harbourdata.example.\n\n2. This Data Pro Statement will enter into force on 1 April 2026 (version 2).\n\n3. This Data Pro Statement applies to the following products and services of the data processor: Harbour Analytics.\n\n4. The data processor uses the following sub-processors:\n\n| Name | Service | Country of processing | Safeguard |\n|------|---------|-----------------------|-----------|\n| Amazon Web Services EMEA SARL | hosting | Germany | - |\n| Intercom R&D Unlimited Company | customer support | United States | EU-US Data Privacy Framework |\n\n5. After termination of the Agreement, the data processor will delete the personal data within thirty (30) days.\n\n6. In the event of a data breach, the data processor will notify the client within seventy-two (72) hours of becoming aware of it.\n\n7. The client may carry out an audit no more than once in any twelve (12) month period, with at least thirty (30) days' prior written notice.\n\n8. The client may terminate the agreement within fourteen (14) days after the notice of a significant change to this Data Pro Statement.\n";
    let i = import_text(text).unwrap();
    let s = &i.statement;
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Harbour Data B.V."),
        (&p.country, "NL"),
        (&s.deletion_term, "30 days"),
        (&s.breach_notice, "within 72 hours"),
        (&s.audit_count, "1"),
        (&s.audit_period, "rolling-12-months"),
        (&s.audit_notice, "30 days"),
        (&s.change_window, "14 days"),
    ]);
    let subs = s.sub_processors.value().unwrap();
    let located: Vec<(&str, Option<usize>)> = subs
        .iter()
        .map(|x| (x.name.as_str(), x.locations.value().map(Vec::len)))
        .collect();
    assert_eq!(
        located,
        [
            ("Amazon Web Services EMEA SARL", Some(1)),
            ("Intercom R&D Unlimited Company", Some(1))
        ]
    );
}

/// Source: the 2025 template's question on where data is processed (seed
/// 004 DPS 8, "verwerkt de persoonsgegevens van zijn opdrachtgevers in
/// beginsel binnen de EU/EER ... doorgifte naar de Verenigde Staten") and
/// GDPR art. 44 (a transfer is processing outside the EEA): the places an
/// item names, the EEA for "EU/EER", a transfer tool's name no place;
/// processing outside the EEA stated by a country outside it or in words,
/// not where denied; words without a place leave the list to a person.
#[test]
fn processing_locations_and_transfers_outside_the_eea() {
    let text_with = |sentence: &str| {
        dutch_statement(&[
            sentence,
            "Na beëindiging van de overeenkomst verwijdert data processor de persoonsgegevens binnen 30 dagen.",
            "Data processor meldt een inbreuk in verband met persoonsgegevens binnen 24 uur.",
        ])
    };
    let shown = |i: &Import| {
        let s = &i.statement;
        let locations = match &s.processing_locations {
            Read::Stated { value, .. } => value
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(","),
            Read::Ambiguous(a) => format!("ambiguous {}", a.setting),
            _ => "not stated".to_owned(),
        };
        (locations, s.transfers_outside_eea.value().copied())
    };
    for (sentence, locations, outside) in [
        (
            "Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers uitsluitend in Nederland en Duitsland.",
            "NL,DE",
            Some(false),
        ),
        (
            "Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers binnen de EU/EER en niet buiten de EU/EER.",
            "EEA",
            Some(false),
        ),
        (
            "Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers binnen de EU/EER en in de Verenigde Staten (EU-VS Data Privacy Framework).",
            "EEA,US",
            Some(true),
        ),
        (
            "Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers binnen de EU/EER; een deel van de verwerking vindt buiten de EU/EER plaats.",
            "ambiguous statement.processing_locations.locations",
            Some(true),
        ),
    ] {
        let i = import_text(&text_with(sentence)).unwrap();
        assert_eq!(shown(&i), (locations.to_owned(), outside), "{sentence}");
    }
    // "in the EU/EEA, except where a sub-processor below is located
    // elsewhere": the places outside the EEA are the sub-processors' (DPS
    // 1.8: Zendesk established in the United States, Example Mail
    // processing in the United Kingdom; AWS in Luxembourg and Germany).
    let i = import_text(&statement("example-hosting-en.txt")).unwrap();
    assert_eq!(shown(&i), ("EEA,US,GB".to_owned(), Some(true)));
    // The draft writes the table, which reads back as TOML.
    let i = import_text(&text_with(
        "Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers uitsluitend in Nederland en Duitsland.",
    ))
    .unwrap();
    let v: toml::Value = toml::from_str(&i.draft_toml()).unwrap();
    let pl = &v["statement"]["processing_locations"];
    assert_eq!(pl["locations"].as_array().map(Vec::len), Some(2));
    assert_eq!(pl["transfers_outside_eea"].as_bool(), Some(false));
    assert_eq!(pl["source"][0].as_str(), Some("DPS 2"));
}

/// Source: the 2025 template's DPS 10 and 11 ("Data processor ondersteunt
/// opdrachtgever op de volgende manier bij verzoeken van betrokkenen:",
/// "... medewerking verlenen aan Data Protection Impact Assessments
/// (DPIA):") and GDPR art. 28(3)(e)-(f): the answer in the statement's
/// words (after the question's colon, or the whole sentence), costs
/// announced in advance where a sentence says so; an answer that denies
/// help is a person's to read.
#[test]
fn help_with_requests_and_a_dpia_in_the_statements_words() {
    let i = import_text(&statement("example-hosting-en.txt")).unwrap();
    let s = &i.statement;
    let dsr = s.data_subject_requests.value().unwrap();
    assert_eq!(
        dsr.description,
        "clients can view, export and delete the data of their users in the control panel."
    );
    assert!(!dsr.costs_announced_in_advance);
    assert_eq!(
        s.dpia.value().unwrap().description,
        "The data processor will assist the client, on request, with a data protection impact assessment (DPIA)."
    );
    assert_eq!(s.dpia.evidence().unwrap().clause, "DPS 1.18");
    let i = import_text(&statement("voorbeeld-webdiensten.txt")).unwrap();
    let dpia = i.statement.dpia.value().unwrap();
    assert!(dpia.costs_announced_in_advance, "{dpia:?}");
    let v: toml::Value = toml::from_str(&i.draft_toml()).unwrap();
    assert_eq!(v["statement"]["dpia"]["assists"].as_bool(), Some(true));
    assert_eq!(
        v["statement"]["dpia"]["costs_announced_in_advance"].as_bool(),
        Some(true)
    );
    assert_eq!(
        v["statement"]["data_subject_requests"]["source"][0].as_str(),
        Some("DPS 10")
    );
    let text = dutch_statement(&[
        "Data processor ondersteunt opdrachtgever op de volgende manier bij verzoeken van betrokkenen: data processor verleent geen medewerking aan verzoeken van betrokkenen.",
        "Na beëindiging van de overeenkomst verwijdert data processor de persoonsgegevens binnen 30 dagen.",
    ]);
    let i = import_text(&text).unwrap();
    let Read::Ambiguous(a) = &i.statement.data_subject_requests else {
        panic!("{:?}", i.statement.data_subject_requests)
    };
    assert_eq!(a.setting, "statement.data_subject_requests.assists");
}

/// Source: the 2025 template's DPS 14 and 15 and clause 4.1 ("Data
/// Processor staat er niet voor in dat de beveiligingsmaatregelen onder
/// alle omstandigheden doeltreffend zijn"; Belco's 2.4.1 "staat er voor in
/// ... adequaat"), GDPR art. 32: the measures of a list after the question's
/// colon as list items (an "and" inside one stays, the last one's leading
/// "and" goes), equal to the hand-encoded lists; the policy as written; the
/// warranty from the clause or the statement's own sentence.
#[test]
fn security_measures_policy_and_warranty() {
    use dpa_core::model::SecurityWarranty;
    for (text, file) in [
        (
            statement("example-hosting-en.txt"),
            "example-hosting-en.toml",
        ),
        (
            statement("voorbeeld-webdiensten.txt"),
            "voorbeeld-webdiensten.toml",
        ),
    ] {
        let i = import_text(&text).unwrap();
        let hand: Vec<String> = load(file)
            .statement
            .security
            .measures
            .iter()
            .map(|m| m.as_str().to_owned())
            .collect();
        assert_eq!(i.statement.security_measures.value(), Some(&hand), "{file}");
    }
    let i = import_text(&statement("voorbeeld-webdiensten.txt")).unwrap();
    assert_stated(&[(
        &i.statement.isms,
        "Data processor hanteert een informatiebeveiligingsbeleid volgens ISO/IEC 27001.",
    )]);
    let warranty = |text: &str| {
        import_text(text)
            .unwrap()
            .statement
            .security_warranty
            .value()
            .copied()
    };
    assert_eq!(
        warranty(&statement("example-hosting-en.txt")),
        Some(SecurityWarranty::NotWarranted)
    );
    assert_eq!(
        warranty(&seed("000")),
        Some(SecurityWarranty::AdequateUnderAllCircumstances)
    );
    assert_eq!(warranty(&seed("004")), Some(SecurityWarranty::NotWarranted));
    let v: toml::Value = toml::from_str(&import_text(&seed("004")).unwrap().draft_toml()).unwrap();
    let sec = &v["statement"]["security"];
    assert_eq!(sec["warranty"].as_str(), Some("not-warranted"));
    assert_eq!(sec["measures"].as_array().map(Vec::len), Some(4));
    assert_eq!(
        sec["source"].as_array().unwrap(),
        &[toml::Value::from("DPS 14"), toml::Value::from("DPS 15")]
    );
}

/// Source: a prose list of sub-processors with the purpose after the
/// country ("Hetzner Online GmbH (Duitsland) voor back-ups, Leaseweb
/// Netherlands B.V. (Nederland) voor hosting en Mailchimp (Verenigde
/// Staten) for newsletters."): each purpose up to the next entry.
#[test]
fn prose_sub_processors_with_the_purpose_after_the_bracket() {
    let text = dutch_statement(&[
        "Data processor maakt gebruik van de volgende sub-processors: Hetzner Online GmbH (Duitsland) voor back-ups, Leaseweb Netherlands B.V. (Nederland) voor hosting en Mailchimp (Verenigde Staten) for newsletters.",
        "Na beëindiging van de overeenkomst verwijdert data processor de persoonsgegevens binnen 30 dagen.",
    ]);
    let s = import_text(&text).unwrap().statement;
    let subs = s.sub_processors.value().unwrap();
    let got: Vec<(&str, Option<&str>)> = subs
        .iter()
        .map(|x| (x.name.as_str(), x.purpose.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Hetzner Online GmbH", Some("back-ups")),
            ("Leaseweb Netherlands B.V.", Some("hosting")),
            ("Mailchimp", Some("newsletters"))
        ]
    );
}

/// The lines of every example statement and of the two seeds, one list a
/// statement: the material the property below damages.
fn statements() -> &'static [Vec<String>] {
    static TEXTS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/statements");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        paths.sort();
        let mut texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.push(seed("000"));
        texts.push(seed("004"));
        texts
            .iter()
            .map(|t| t.lines().map(str::to_owned).collect())
            .collect()
    })
}

/// A change to one line of a statement.
#[derive(Debug, Clone)]
enum Edit {
    /// Cut short at a byte (on a character boundary).
    Cut(u16),
    /// A number, bullet or heading put before it.
    Prefix(&'static str),
    /// Punctuation, digits or words the readers look for put inside it.
    Insert(u16, &'static str),
    /// Left out.
    Drop,
    /// A line of another statement put before it.
    Borrow(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let prefix = prop::sample::select(vec![
        "1. ", "2.1 ", "3) ", "- ", "| ", "Deel 1: ", "Part 2 ", "10.", "0. ", "**", "# ",
    ]);
    let insert = prop::sample::select(vec![
        "(",
        ")",
        ", ",
        ": ",
        "|",
        " – ",
        "1",
        "é",
        "ß",
        "\t",
        "01-02-2026",
        " binnen 2 ",
        " werkdagen",
        " per ",
        "B.V.",
        " (Nederland)",
        "\u{a0}",
        ".",
        " 12 maanden",
    ]);
    prop_oneof![
        any::<u16>().prop_map(Edit::Cut),
        prefix.prop_map(Edit::Prefix),
        (any::<u16>(), insert).prop_map(|(at, s)| Edit::Insert(at, s)),
        Just(Edit::Drop),
        (any::<usize>(), any::<usize>()).prop_map(|(t, l)| Edit::Borrow(t, l)),
    ]
}

/// `line` with its byte `k` moved back to a character boundary.
fn boundary(line: &str, k: u16) -> usize {
    let mut k = usize::from(k) % (line.len() + 1);
    while !line.is_char_boundary(k) {
        k -= 1;
    }
    k
}

proptest! {
    // 96 texts here (a few seconds in a debug build); PROPTEST_CASES=3000
    // for a longer search (2.5 minutes), as it ran when it was written.
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Source: README, "dpa import" (a statement's text gives the review,
    /// or exit 2 with a message saying why it is no Data Pro Statement;
    /// never a panic). Each example statement and seed with lines cut,
    /// numbered, filled with punctuation, left out or borrowed from
    /// another either imports, with a review and a draft that is TOML, or
    /// is refused with a message.
    #[test]
    fn damaged_statements_import_or_are_refused(
        which in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), edit()), 0..24),
    ) {
        let all = statements();
        let mut lines = all[which % all.len()].clone();
        for (at, e) in edits {
            if lines.is_empty() {
                break;
            }
            let k = at % lines.len();
            match e {
                Edit::Cut(c) => {
                    let b = boundary(&lines[k], c);
                    lines[k].truncate(b);
                }
                Edit::Prefix(p) => lines[k] = format!("{p}{}", lines[k]),
                Edit::Insert(c, s) => {
                    let b = boundary(&lines[k], c);
                    lines[k].insert_str(b, s);
                }
                Edit::Drop => {
                    lines.remove(k);
                }
                Edit::Borrow(t, l) => {
                    let other = &all[t % all.len()];
                    if !other.is_empty() {
                        lines.insert(k, other[l % other.len()].clone());
                    }
                }
            }
        }
        let text = lines.join("\n");
        match import_text(&text) {
            Ok(i) => {
                let _ = i.review().fails();
                let draft = i.draft_toml();
                prop_assert!(
                    toml::from_str::<toml::Value>(&draft).is_ok(),
                    "the draft is no TOML:\n{draft}"
                );
            }
            Err(e) => prop_assert!(e.to_string().contains("statement"), "{e}"),
        }
    }
}

/// Source: examples/statements/bakker-software.txt (our own short Dutch
/// statement in labels and the first person): the items found by their
/// labels ("Naam en adres van de data processor:", "Datum:", "Producten en
/// diensten:"), the sub-processors after "zijn:" with company forms before
/// their countries ("Leaseweb Netherlands B.V. (Nederland)": the full stop
/// ends no list), "uiterlijk drie maanden na het beëindigen van de
/// overeenkomst", "jaarlijks" (once a year, the period left to a person,
/// docs/rules.md rule 6), "binnen 30 dagen na de mededeling van de
/// wijziging ... opzeggen".
#[test]
fn dutch_labels_and_the_first_person_import() {
    let i = import_text(&statement("bakker-software.txt")).unwrap();
    let s = &i.statement;
    let found: Vec<(&str, &str)> = s
        .items
        .iter()
        .filter_map(|t| Some((t.key, t.clause.as_deref()?)))
        .collect();
    for key in [
        "processor",
        "effective-date",
        "products",
        "sub-processors",
        "deletion",
        "breach",
        "audits",
    ] {
        assert!(found.iter().any(|(k, _)| *k == key), "{key}: {found:?}");
    }
    let p = &s.processor;
    assert_stated(&[
        (&p.name, "Bakker Software B.V."),
        (&p.street, "Dorpsstraat 5"),
        (&p.chamber_of_commerce, "45678901"),
        (&s.effective_date, "2026-01-01"),
        (&s.version, "3.0"),
        (&s.deletion_term, "3 months"),
        (&s.deletion_firmness, "at-the-latest"),
        (&s.breach_notice, "within 48 hours"),
        (&s.audit_count, "1"),
        (&s.audit_notice, "4 weeks"),
        (&s.change_window, "30 days"),
    ]);
    assert_eq!(
        s.products.value().unwrap(),
        &["Bakker Boekhouding", "Bakker Loon"]
    );
    assert!(matches!(s.audit_period, Read::Ambiguous(_)));
    let subs = s.sub_processors.value().unwrap();
    let named: Vec<(&str, Vec<String>)> = subs
        .iter()
        .map(|x| match &x.seat {
            Read::Ambiguous(a) => (x.name.as_str(), a.readings.clone()),
            other => panic!("{}: {other:?}", x.name),
        })
        .collect();
    let countries: Vec<(&str, bool)> = named
        .iter()
        .zip(["NL", "IE", "US"])
        .map(|((n, r), c)| (*n, r[0].ends_with(&format!("seat = \"{c}\""))))
        .collect();
    assert_eq!(
        countries,
        [
            ("Leaseweb Netherlands B.V.", true),
            ("Google Ireland Limited", true),
            ("Twilio Inc.", true)
        ]
    );
}
