//! The readable summary of an agreement (`dpa show`): every section the
//! agreement file holds, one line (or an indented list) per value.

use std::borrow::Cow;
use std::fmt::{self, Write};

use crate::model::{
    Agreement, Assistance, Described, Engagement, Measures, Provenance, SubProcessor,
};
use crate::values::{ClauseRef, StatedDate, iso_date, join_refs};

mod terms;

/// The readable summary of an agreement (`dpa show`): every section of the
/// agreement file — the processor, the statement with its history,
/// products, declarations, processing locations, support access,
/// client-chosen services, sub-processors (with the code of conduct,
/// certification or ad hoc clauses a transfer rests on), assistance,
/// security, certifications and service level; the clauses with their
/// deviations; every term; and the rules. Made by [`Agreement::summary`].
///
/// Text from the file is written on its own line, whatever it holds: a line
/// break, a tab or a character that steers a terminal inside a value is
/// written as an escape (`\u{a}`), as [`terminal_safe`] writes them, so no
/// value can make one line look like several or move the cursor.
///
/// ```
/// use dpa_core::Agreement;
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/alles-online.toml"
/// ))?;
/// let shown = Agreement::from_toml(&text)?.summary().to_string();
/// assert!(shown.starts_with("Alles Online B.V.\n"));
/// assert!(shown.contains("\nClient-chosen services: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a>(&'a Agreement);

impl Agreement {
    /// The readable summary of the agreement ([`Summary`]'s `Display`).
    pub fn summary(&self) -> Summary<'_> {
        Summary(self)
    }
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.0;
        processor(f, a)?;
        statement(f, a)?;
        sub_processors(f, a)?;
        statement_rest(f, a)?;
        terms::terms(f, a)?;
        writeln!(
            f,
            "Rules: months {}, business days {}, time zone {}",
            a.rules.month_rule,
            a.rules.business_days.as_str(),
            a.rules.time_zone
        )?;
        writeln!(
            f,
            "  legal hold lift: {}; a notice owed without undue delay is late after {}",
            a.rules.legal_hold_lift, a.rules.undue_delay_bound_hours
        )
    }
}

/// A value of the file, written on one line: the characters
/// [`terminal_safe`] escapes, and the line feed, the tab and the Unicode
/// line and paragraph separators, as escapes (`\u{a}`).
struct Shown<'a>(&'a str);

/// `text` as [`Shown`] writes it.
fn t(text: &impl AsRef<str>) -> Shown<'_> {
    Shown(text.as_ref())
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `terminal_safe` keeps the line feed and the tab (a report's own
        // lines need them); inside a value they are escaped too.
        let safe = terminal_safe(self.0);
        let breaks = |c: char| matches!(c, '\n' | '\t' | '\u{2028}' | '\u{2029}');
        let mut rest: &str = &safe;
        while let Some(at) = rest.find(breaks) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(f, "\\u{{{:x}}}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// ` — DPS 1.11, clause 2.6.3`, or nothing for no references.
fn refs(source: &[ClauseRef]) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!(" — {}", join_refs(source))
    }
}

/// `yes` or `no`.
fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// `indent- item` for each item.
fn items<T: AsRef<str>>(f: &mut fmt::Formatter<'_>, indent: &str, list: &[T]) -> fmt::Result {
    for item in list {
        writeln!(f, "{indent}- {}", t(item))?;
    }
    Ok(())
}

/// `Label: text — refs`, for a statement in the agreement's own words.
fn described(f: &mut fmt::Formatter<'_>, label: &str, d: Option<&Described>) -> fmt::Result {
    match d {
        Some(d) => writeln!(f, "{label}: {}{}", t(&d.text), refs(&d.source)),
        None => Ok(()),
    }
}

/// `Label — refs` and the measures, one per line.
fn measures(f: &mut fmt::Formatter<'_>, label: &str, m: Option<&Measures>) -> fmt::Result {
    match m {
        Some(m) => {
            writeln!(f, "{label}{}", refs(&m.source))?;
            items(f, "  ", &m.measures)
        }
        None => Ok(()),
    }
}

/// The processor's name, trade name, website, address, registrations and
/// privacy contact.
fn processor(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let p = &a.statement.processor;
    writeln!(f, "{}", t(&p.name))?;
    if let Some(n) = &p.trade_name {
        writeln!(f, "  trade name: {}", t(n))?;
    }
    if let Some(w) = &p.website {
        writeln!(f, "  website: {}", t(w))?;
    }
    writeln!(
        f,
        "  {}, {} {}, {}",
        t(&p.address.street),
        t(&p.address.postal_code),
        t(&p.address.city),
        p.address.country
    )?;
    if let Some(kvk) = &p.chamber_of_commerce {
        writeln!(f, "  KvK {}", t(kvk))?;
    }
    if let Some(vat) = &p.vat_number {
        writeln!(f, "  VAT {}", t(vat))?;
    }
    let c = &p.privacy_contact;
    let contact: Vec<String> = [&c.name, &c.email, &c.phone]
        .into_iter()
        .flatten()
        .map(|x| t(x).to_string())
        .collect();
    writeln!(f, "  privacy contact: {}", contact.join(", "))?;
    if let Some(role) = &c.role {
        writeln!(f, "  privacy contact role: {}", t(role))?;
    }
    Ok(())
}

/// Nothing for a date stated to the day; for a month or a year, the days it
/// can mean (`, a month: 2023-03-01 to 2023-03-31`), so that it is never
/// read as its 1st.
fn period(d: StatedDate) -> String {
    if d.day().is_some() {
        return String::new();
    }
    format!(
        ", a {}: {} to {}",
        d.precision(),
        iso_date::format(d.earliest()),
        iso_date::format(d.latest())
    )
}

/// The statement's version and history, the clauses with their numbering
/// and deviations, the products, the intended use, the special-categories
/// declaration, privacy by design, the processing locations, support access
/// and the client-chosen services.
fn statement(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let st = &a.statement;
    writeln!(
        f,
        "Data Pro Statement {} (effective {}{}), {} version(s) in history",
        st.version,
        st.effective_date,
        period(st.effective_date),
        st.history.len()
    )?;
    if let Some(tpl) = &st.template {
        writeln!(f, "  template: {}", t(tpl))?;
    }
    for r in st.history.records() {
        writeln!(f, "  version {} of {}{}", r.version, r.date, period(r.date))?;
        items(f, "    ", &r.changes)?;
    }
    writeln!(
        f,
        "Standard clauses: {}, {} deviation(s)",
        a.clauses.edition,
        a.clauses.deviations.len()
    )?;
    writeln!(f, "  numbering: {}", a.clauses.numbering)?;
    if let Some(l) = a.clauses.language {
        writeln!(f, "  language: {l}")?;
    }
    for d in &a.clauses.deviations {
        writeln!(f, "  {} ({}): {}", d.clause, d.kind, t(&d.summary))?;
    }
    for part in a.document.absent() {
        writeln!(f, "Not in the document: {}", part.describe())?;
    }
    writeln!(f, "Products:")?;
    for pr in &st.products {
        writeln!(f, "  - {}", t(&pr.name))?;
        if let Some(d) = &pr.description {
            writeln!(f, "    {}", t(d))?;
        }
    }
    described(f, "Intended use", st.intended_use.as_ref())?;
    let sc = &st.special_categories;
    writeln!(
        f,
        "Special categories: art. 9 {}, art. 10 {}, government identifiers {}",
        sc.art9, sc.art10, sc.government_identifiers
    )?;
    if let Some(n) = &sc.note {
        writeln!(f, "  note: {}", t(n))?;
    }
    if !sc.source.is_empty() {
        writeln!(f, "  source: {}", join_refs(&sc.source))?;
    }
    measures(f, "Privacy by design", st.privacy_by_design.as_ref())?;
    let pl = &st.processing_locations;
    let locs: Vec<&str> = pl.locations.iter().map(|l| l.as_str()).collect();
    writeln!(
        f,
        "Processing locations: {}; outside the EEA: {}{}",
        if locs.is_empty() {
            "not stated".to_owned()
        } else {
            locs.join(", ")
        },
        yes_no(pl.transfers_outside_eea),
        refs(&pl.source)
    )?;
    if let Some(n) = &pl.note {
        writeln!(f, "  note: {}", t(n))?;
    }
    described(f, "Support access", st.support_access.as_ref())?;
    described(
        f,
        "Client-chosen services",
        st.client_chosen_services.as_ref(),
    )
}

/// One line per sub-processor — purpose, seat, locations, the countries it
/// may be accessed from, bases,
/// engagement — and under it the rest of its entry: group, DPF
/// certification, the code of conduct, certification or ad hoc clauses a
/// transfer rests on, notes and where the statement lists it.
fn sub_processors(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let st = &a.statement;
    writeln!(f, "Sub-processors ({}):", st.sub_processors.len())?;
    for sp in &st.sub_processors {
        let locs: Vec<&str> = sp.locations.iter().map(|l| l.as_str()).collect();
        let bases: Vec<&str> = sp.transfer_bases.iter().map(|b| b.as_str()).collect();
        write!(
            f,
            "  - {}: {} [seat {}, processing {}",
            t(&sp.name),
            t(&sp.purpose),
            sp.seat.map_or("not stated", |c| c.as_str()),
            if locs.is_empty() {
                "not stated".to_owned()
            } else {
                locs.join(", ")
            }
        )?;
        if !sp.access_from.is_empty() {
            let access: Vec<&str> = sp.access_from.iter().map(|c| c.as_str()).collect();
            write!(f, ", access from {}", access.join(", "))?;
        }
        if !bases.is_empty() {
            write!(f, ", basis {}", bases.join(" or "))?;
        }
        if sp.engagement == Engagement::DependingOnAssignment {
            write!(f, ", depending on the assignment")?;
        }
        writeln!(f, "]")?;
        sub_processor_entry(f, sp)?;
    }
    if let Some(r) = &st.sub_processors_by_reference {
        writeln!(
            f,
            "  kept by reference: {}{} (transfers of sub-processors named only there cannot be checked)",
            t(&r.address),
            refs(&r.source)
        )?;
        if let Some(note) = &r.note {
            writeln!(f, "    note: {}", t(note))?;
        }
    }
    if let Some(l) = &st.sub_processor_list {
        match &l.provenance {
            Provenance::NotStated => writeln!(
                f,
                "  not stated by the statement{} (transfers cannot be checked)",
                refs(&l.source)
            )?,
            p => {
                let how = p.annotation().unwrap_or_else(|| "stated".to_owned());
                writeln!(f, "  list {}{}", t(&how), refs(&l.source))?;
            }
        }
        if let Some(q) = l.provenance.quote() {
            writeln!(f, "    quote: \"{}\"", t(q))?;
        }
    }
    Ok(())
}

/// The lines under a sub-processor's own line.
fn sub_processor_entry(f: &mut fmt::Formatter<'_>, sp: &SubProcessor) -> fmt::Result {
    if let Some(g) = &sp.group {
        writeln!(f, "    group: {}", t(g))?;
    }
    if sp.dpf_certified {
        writeln!(f, "    on the DPF List (dpf_certified)")?;
    }
    if let Some(c) = &sp.code_of_conduct {
        writeln!(
            f,
            "    code of conduct: {}{}",
            t(&c.to_string()),
            refs(&c.source)
        )?;
    }
    if let Some(c) = &sp.transfer_certification {
        writeln!(
            f,
            "    certification: {}{}",
            t(&c.to_string()),
            refs(c.source())
        )?;
    }
    if let Some(c) = &sp.ad_hoc_clauses {
        writeln!(
            f,
            "    ad hoc clauses: {}{}",
            t(&c.to_string()),
            refs(&c.source)
        )?;
    }
    if let Some(n) = &sp.notes {
        writeln!(f, "    notes: {}", t(n))?;
    }
    if !sp.source.is_empty() {
        writeln!(f, "    source: {}", join_refs(&sp.source))?;
    }
    Ok(())
}

/// The rest of the statement: assistance with data-subject requests and
/// DPIAs, security, certifications and the service level.
fn statement_rest(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let st = &a.statement;
    assistance(f, "Data-subject requests", &st.data_subject_requests)?;
    assistance(f, "DPIA", &st.dpia)?;
    let s = &st.security;
    writeln!(f, "Security: warranty {}{}", s.warranty, refs(&s.source))?;
    if let Some(isms) = &s.isms {
        writeln!(f, "  ISMS: {}", t(isms))?;
    }
    items(f, "  ", &s.measures)?;
    writeln!(f, "Certifications ({}):", st.certifications.len())?;
    for c in &st.certifications {
        write!(f, "  - {}: {}", t(&c.name), c.status)?;
        if let Some(h) = &c.holder {
            write!(f, ", held by {}", t(h))?;
        }
        if let Some(b) = &c.body {
            write!(f, ", body {}", t(b))?;
        }
        writeln!(f, "{}", refs(&c.source))?;
    }
    if let Some(sl) = &st.service_level {
        let o = &sl.office_hours;
        writeln!(
            f,
            "Service level: standard SLA {}; office hours {:02}:{:02}-{:02}:{:02}, {}; low-impact incidents {}, high-impact incidents {}{}",
            yes_no(sl.standard_sla),
            o.start().hour(),
            o.start().minute(),
            o.end().hour(),
            o.end().minute(),
            o.days(),
            sl.low_impact_response,
            sl.high_impact_response,
            refs(&sl.source)
        )?;
    }
    Ok(())
}

/// `Label: assists (costs announced in advance) — refs` and the description.
fn assistance(f: &mut fmt::Formatter<'_>, label: &str, x: &Assistance) -> fmt::Result {
    write!(
        f,
        "{label}: {}",
        if x.assists {
            "assists"
        } else {
            "does not assist"
        }
    )?;
    if x.costs_announced_in_advance {
        write!(f, ", costs announced in advance")?;
    }
    writeln!(f, "{}", refs(&x.source))?;
    writeln!(f, "  {}", t(&x.description))
}

/// `text` with every character that steers a terminal written as an escape
/// (`\u{1b}`), for printing text that came from a file to a terminal: the C0
/// controls but the line feed and the tab, DEL, the C1 controls
/// (U+0080-U+009F), and the bidirectional overrides and isolates
/// (U+202A-U+202E, U+2066-U+2069) that reorder how a line is shown. Text
/// without them is returned as it is, without a copy.
///
/// The reports' `Display` keeps the text as the file has it (Python's
/// `str()` is that text, and a program wants it as is); the `dpa` command
/// passes everything it prints as text, and its error messages, through
/// this, so that a file cannot move the cursor, retitle a window or hide a
/// line on the terminal of the person reading the output.
///
/// ```
/// use dpa_core::report::terminal_safe;
/// assert_eq!(terminal_safe("Belco B.V.\n\tEU"), "Belco B.V.\n\tEU");
/// assert_eq!(terminal_safe("a\u{1b}[2Jb\rc\u{9b}\u{202e}"), "a\\u{1b}[2Jb\\u{d}c\\u{9b}\\u{202e}");
/// ```
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let steers = crate::values::steers_display;
    let Some(first) = text.find(steers) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if steers(c) {
            // Infallible: writing to a String.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
