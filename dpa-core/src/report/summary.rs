//! The readable summary of an agreement (`dpa show`).

use std::borrow::Cow;
use std::fmt::{self, Write};

use crate::model::{Agreement, AuditPeriod, Engagement};
use crate::values::{iso_date, join_refs};

/// The readable summary of an agreement: who the processor is, the
/// statement's version, the clauses and their deviations, products,
/// special categories, sub-processors, the main terms and the rules
/// (`dpa show`). Made by [`Agreement::summary`].
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
        terms(f, a)?;
        writeln!(
            f,
            "Rules: months {}, business days {}, time zone {}",
            a.rules.month_rule,
            a.rules.business_days.as_str(),
            a.rules.time_zone
        )
    }
}

/// The processor's name, address, registrations and privacy contact.
fn processor(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let p = &a.statement.processor;
    writeln!(f, "{}", p.name)?;
    writeln!(
        f,
        "  {}, {} {}, {}",
        p.address.street, p.address.postal_code, p.address.city, p.address.country
    )?;
    if let Some(kvk) = &p.chamber_of_commerce {
        writeln!(f, "  KvK {kvk}")?;
    }
    if let Some(vat) = &p.vat_number {
        writeln!(f, "  VAT {vat}")?;
    }
    let c = &p.privacy_contact;
    let contact: Vec<&str> = [&c.name, &c.email, &c.phone]
        .into_iter()
        .flatten()
        .map(|t| t.as_str())
        .collect();
    writeln!(f, "  privacy contact: {}", contact.join(", "))
}

/// The statement's version, the clauses with their deviations, the
/// products and the special-categories declaration.
fn statement(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let st = &a.statement;
    writeln!(
        f,
        "Data Pro Statement {} (effective {}), {} version(s) in history",
        st.version,
        iso_date::format(st.effective_date),
        st.history.len()
    )?;
    writeln!(
        f,
        "Standard clauses: {}, {} deviation(s)",
        a.clauses.edition,
        a.clauses.deviations.len()
    )?;
    for d in &a.clauses.deviations {
        writeln!(f, "  {} ({}): {}", d.clause, d.kind, d.summary)?;
    }
    writeln!(f, "Products:")?;
    for pr in &st.products {
        writeln!(f, "  - {}", pr.name)?;
    }
    let sc = &st.special_categories;
    writeln!(
        f,
        "Special categories: art. 9 {}, art. 10 {}, government identifiers {}",
        sc.art9, sc.art10, sc.government_identifiers
    )
}

/// One line per sub-processor: purpose, seat, locations, bases, engagement.
fn sub_processors(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let st = &a.statement;
    writeln!(f, "Sub-processors ({}):", st.sub_processors.len())?;
    for sp in &st.sub_processors {
        let locs: Vec<&str> = sp.locations.iter().map(|l| l.as_str()).collect();
        let bases: Vec<&str> = sp.transfer_bases.iter().map(|b| b.as_str()).collect();
        write!(
            f,
            "  - {}: {} [seat {}, processing {}",
            sp.name,
            sp.purpose,
            sp.seat.map_or("not stated", |c| c.as_str()),
            if locs.is_empty() {
                "not stated".to_owned()
            } else {
                locs.join(", ")
            }
        )?;
        if !bases.is_empty() {
            write!(f, ", basis {}", bases.join(" or "))?;
        }
        if sp.engagement == Engagement::DependingOnAssignment {
            write!(f, ", depending on the assignment")?;
        }
        writeln!(f, "]")?;
    }
    Ok(())
}

/// The main terms, each with the clauses it rests on.
fn terms(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let t = &a.terms;
    writeln!(f, "Terms:")?;
    writeln!(
        f,
        "  deletion: {} after termination ({}) — {}",
        t.deletion.months,
        t.deletion.firmness,
        join_refs(&t.deletion.source)
    )?;
    writeln!(
        f,
        "  breach notice to client: {} — {}",
        t.breach.notice,
        join_refs(&t.breach.source)
    )?;
    let period = match t.audit.period {
        AuditPeriod::CalendarYear => "calendar year",
        AuditPeriod::Rolling12Months => "rolling 12 months",
    };
    let mut audits = String::new();
    match t.audit.max_count.get() {
        1 => write!(audits, "at most once per {period}")?,
        n => write!(audits, "at most {n} times per {period}")?,
    }
    if let Some(n) = t.audit.notice_days {
        write!(audits, ", {n} written notice")?;
    }
    writeln!(f, "  audits: {audits} — {}", join_refs(&t.audit.source))?;
    writeln!(
        f,
        "  statement change: client may terminate within {} of the notice — {}",
        t.statement_changes.termination_window_days,
        join_refs(&t.statement_changes.source)
    )?;
    for c in t.costs.entries() {
        write!(f, "  costs of {}: {}", c.context, c.basis)?;
        if let Some(rate) = c.hourly_rate_eur_cents {
            write!(f, " ({rate} an hour)")?;
        }
        for (on, what) in [
            (c.estimate_first, "estimate first"),
            (c.approval_above_estimate, "approval before exceeding it"),
            (c.announced_in_advance, "announced in advance"),
        ] {
            if on {
                write!(f, ", {what}")?;
            }
        }
        writeln!(f, " — {}", join_refs(&c.source))?;
    }
    Ok(())
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
