//! The terms of the summary: each of `[terms]`, with the clauses it rests on.

use std::fmt::{self, Write};

use super::{items, refs, t as shown, yes_no};
use crate::model::{Agreement, Audit, Breach, Channel, Terms};
use crate::values::join_refs;

/// The terms, each with the clauses it rests on.
pub(super) fn terms(f: &mut fmt::Formatter<'_>, a: &Agreement) -> fmt::Result {
    let t = &a.terms;
    writeln!(f, "Terms:")?;
    writeln!(
        f,
        "  duration: {}, {}{}",
        if t.duration.indefinite {
            "indefinite"
        } else {
            "not indefinite"
        },
        if t.duration.ends_with_main_agreement {
            "ends with the main agreement"
        } else {
            "does not end with the main agreement"
        },
        refs(&t.duration.source)
    )?;
    match t.deletion.term {
        Some(term) => write!(
            f,
            "  deletion: {} after termination ({})",
            term, t.deletion.firmness
        )?,
        None => write!(f, "  deletion: no term stated")?,
    }
    writeln!(
        f,
        "{} — {}",
        provenance_suffix(&t.deletion.provenance),
        join_refs(&t.deletion.source)
    )?;
    quote_line(f, &t.deletion.provenance)?;
    if t.deletion.as_soon_as_possible {
        writeln!(f, "    as soon as possible, within the term")?;
    }
    write!(f, "    backups: {}", t.deletion.backups)?;
    if let Some(d) = t.deletion.backup_cycle {
        write!(f, ", backup cycle {d}")?;
    }
    writeln!(f)?;
    return_and_retention(f, t)?;
    breach(f, &t.breach)?;
    audit(f, &t.audit)?;
    let c = &t.statement_changes;
    match c.termination_window {
        Some(w) => write!(
            f,
            "  statement change: client may terminate within {w} of the notice"
        )?,
        None => write!(f, "  statement change: no termination window stated")?,
    }
    writeln!(
        f,
        "{} — {}",
        provenance_suffix(&c.provenance),
        join_refs(&c.source)
    )?;
    quote_line(f, &c.provenance)?;
    writeln!(
        f,
        "    significant changes notified: {}",
        yes_no(t.statement_changes.significant_changes_notified)
    )?;
    costs(f, t)?;
    sub_processors_and_fines(f, t)
}

/// Return of data and the legal-retention exception.
fn return_and_retention(f: &mut fmt::Formatter<'_>, t: &Terms) -> fmt::Result {
    let r = &t.return_of_data;
    match r.method {
        Some(method) => write!(
            f,
            "  return of data: {method}, machine-readable: {}{}",
            yes_no(r.machine_readable),
            provenance_suffix(&r.provenance)
        )?,
        None => write!(f, "  return of data: not stated")?,
    }
    if r.before_deletion {
        write!(f, ", before deletion")?;
    }
    if r.costs_announced_in_advance {
        write!(f, ", costs announced in advance")?;
    }
    writeln!(f, "{}", refs(&r.source))?;
    quote_line(f, &r.provenance)?;
    writeln!(f, "    {}", shown(&r.description))?;
    writeln!(
        f,
        "  legal retention suspends deletion and return: {}{}",
        yes_no(t.legal_retention.suspends_deletion),
        refs(&t.legal_retention.source)
    )?;
    if let Some(d) = &t.disclosure {
        writeln!(
            f,
            "  disclosure on a legal order: {}; client informed: {}{}",
            yes_no(d.on_legal_order),
            d.client_informed,
            refs(&d.source)
        )?;
    }
    Ok(())
}

/// `phone, email`, or `not stated`.
fn channels(list: &[Channel]) -> String {
    if list.is_empty() {
        "not stated".to_owned()
    } else {
        list.iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The breach notice: term, channels, information, who notifies the
/// authority, assistance and the protocol's note.
fn breach(f: &mut fmt::Formatter<'_>, b: &Breach) -> fmt::Result {
    match b.notice {
        Some(notice) => write!(f, "  breach notice to client: {notice}")?,
        None => write!(f, "  breach notice to client: no term stated")?,
    }
    writeln!(
        f,
        "{} — {}",
        provenance_suffix(&b.provenance),
        join_refs(&b.source)
    )?;
    quote_line(f, &b.provenance)?;
    if b.as_soon_as_possible {
        writeln!(f, "    as soon as possible, within the term")?;
    }
    writeln!(f, "    channels: {}", channels(&b.channels))?;
    for c in &b.channel_terms {
        write!(f, "    channels as stated: {}", channels(&c.channels))?;
        if !c.if_possible.is_empty() {
            write!(f, "; if possible: {}", channels(&c.if_possible))?;
        }
        writeln!(f, "{}", refs(&c.source))?;
    }
    if b.client_keeps_contacts_current {
        writeln!(
            f,
            "    the client keeps the contact details for the notice current"
        )?;
    }
    if !b.information.is_empty() {
        writeln!(f, "    information in the notice:")?;
        items(f, "      ", &b.information)?;
    }
    writeln!(
        f,
        "    processor notifies the authority or data subjects itself: {}",
        yes_no(b.processor_notifies_authority)
    )?;
    writeln!(
        f,
        "    assists the controller's notice: {}",
        yes_no(b.assists_controller)
    )?;
    if let Some(n) = &b.note {
        writeln!(f, "    note: {}", shown(n))?;
    }
    Ok(())
}

/// The audit terms: how often and with what notice, then who pays, the
/// auditor, the preconditions and the rights of either party.
fn audit(f: &mut fmt::Formatter<'_>, a: &Audit) -> fmt::Result {
    let period = a.period.describe();
    let mut audits = String::new();
    match a.max_count.get() {
        1 => write!(audits, "at most once per {period}")?,
        n => write!(audits, "at most {n} times per {period}")?,
    }
    if let Some(n) = a.notice {
        write!(audits, ", {n} written notice")?;
    }
    writeln!(
        f,
        "  audits: {audits}{} — {}",
        provenance_suffix(&a.provenance),
        join_refs(&a.source)
    )?;
    quote_line(f, &a.provenance)?;
    writeln!(f, "    paid by: {}", a.cost_bearer)?;
    if !a.auditor_requirements.is_empty() {
        writeln!(f, "    auditor requirements:")?;
        items(f, "      ", &a.auditor_requirements)?;
    }
    if !a.preconditions.is_empty() {
        writeln!(f, "    preconditions:")?;
        items(f, "      ", &a.preconditions)?;
    }
    for (label, on) in [
        (
            "processor may refuse an auditor who does not meet its requirements",
            a.processor_may_refuse_auditor,
        ),
        (
            "processor may refuse an unlawful audit or instruction",
            a.processor_may_refuse_unlawful_audit,
        ),
        (
            "a certificate or third-party memorandum may demonstrate compliance",
            a.certificate_may_demonstrate,
        ),
    ] {
        writeln!(f, "    {label}: {}", yes_no(on))?;
    }
    for (label, on) in [
        ("periodic audits", a.periodic),
        (
            "processor may propose another date for any reason",
            a.processor_may_move_date,
        ),
        (
            "client may refuse the processor's own external auditor",
            a.client_may_refuse_processor_auditor,
        ),
        (
            "security tests only after consultation",
            a.security_tests_after_consultation,
        ),
    ] {
        if on {
            writeln!(f, "    {label}")?;
        }
    }
    if let Some(r) = &a.processor_reports_inspection {
        writeln!(f, "    the processor's own audit reports: {}", shown(r))?;
    }
    Ok(())
}

/// One line per cost term, and its note.
fn costs(f: &mut fmt::Formatter<'_>, t: &Terms) -> fmt::Result {
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
        if let Some(n) = &c.note {
            writeln!(f, "    note: {}", shown(n))?;
        }
    }
    Ok(())
}

/// The sub-processor policy and the fines.
fn sub_processors_and_fines(f: &mut fmt::Formatter<'_>, t: &Terms) -> fmt::Result {
    let p = &t.sub_processors;
    let stated = |b: Option<bool>| b.map_or("not stated", yes_no);
    write!(
        f,
        "  sub-processors: {} authorisation; changes notified: {}; client may object: {}{}; same security level: {}; processor remains liable: {}",
        p.authorisation,
        stated(p.changes_notified),
        stated(p.client_may_object),
        provenance_suffix(&p.provenance),
        yes_no(p.same_security_level),
        yes_no(p.processor_remains_liable)
    )?;
    if p.liability_subject_to_limits {
        write!(f, ", subject to the agreed limitation of liability")?;
    }
    writeln!(f, "{}", refs(&p.source))?;
    quote_line(f, &p.provenance)?;
    writeln!(
        f,
        "  fines imposed on the client recoverable: {}{}",
        t.fines.recoverable,
        refs(&t.fines.source)
    )
}

/// ` (assumed: <reason>)`, ` (from the standard clauses)`, or nothing for a
/// stated value (issue 15 point 2: an answer on a value that is not stated
/// says so).
fn provenance_suffix(p: &crate::model::Provenance) -> String {
    match p {
        crate::model::Provenance::Assumed { reason, .. } => {
            format!(" (assumed: {})", shown(reason))
        }
        crate::model::Provenance::Standard { .. } => " (from the standard clauses)".to_owned(),
        _ => String::new(),
    }
}

/// The quoted sentence a value rests on, on a line of its own, where the
/// file quotes one.
fn quote_line(f: &mut fmt::Formatter<'_>, p: &crate::model::Provenance) -> fmt::Result {
    match p.quote() {
        Some(q) => writeln!(f, "    quote: \"{}\"", shown(q)),
        None => Ok(()),
    }
}
