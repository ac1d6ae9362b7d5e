//! The readable summary printed by `dpa show`.

use std::fmt::Write;

use dpa_core::Agreement;
use dpa_core::model::{AuditPeriod, Declaration, Engagement, NoticeTerm};
use dpa_core::values::{iso_date, join_refs};

pub(crate) fn summary(a: &Agreement) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut s, a);
    s
}

fn write_summary(s: &mut String, a: &Agreement) -> std::fmt::Result {
    let st = &a.statement;
    let p = &st.processor;
    writeln!(s, "{}", p.name)?;
    writeln!(
        s,
        "  {}, {} {}, {}",
        p.address.street, p.address.postal_code, p.address.city, p.address.country
    )?;
    if let Some(kvk) = &p.chamber_of_commerce {
        writeln!(s, "  KvK {kvk}")?;
    }
    if let Some(vat) = &p.vat_number {
        writeln!(s, "  VAT {vat}")?;
    }
    let c = &p.privacy_contact;
    let contact: Vec<&str> = [&c.name, &c.email, &c.phone]
        .into_iter()
        .flatten()
        .map(|t| t.as_str())
        .collect();
    writeln!(s, "  privacy contact: {}", contact.join(", "))?;
    writeln!(
        s,
        "Data Pro Statement {} (effective {}), {} version(s) in history",
        st.version,
        iso_date::format(st.effective_date),
        st.history.len()
    )?;
    writeln!(
        s,
        "Standard clauses: {}, {} deviation(s)",
        a.clauses.edition.as_str(),
        a.clauses.deviations.len()
    )?;
    for d in &a.clauses.deviations {
        writeln!(s, "  {} ({}): {}", d.clause, d.kind.as_str(), d.summary)?;
    }
    writeln!(s, "Products:")?;
    for pr in &st.products {
        writeln!(s, "  - {}", pr.name)?;
    }
    let sc = &st.special_categories;
    let decl = |d: Declaration| d.as_str();
    writeln!(
        s,
        "Special categories: art. 9 {}, art. 10 {}, government identifiers {}",
        decl(sc.art9),
        decl(sc.art10),
        decl(sc.government_identifiers)
    )?;
    writeln!(s, "Sub-processors ({}):", st.sub_processors.len())?;
    for sp in &st.sub_processors {
        let locs: Vec<&str> = sp.locations.iter().map(|l| l.as_str()).collect();
        let bases: Vec<&str> = sp.transfer_bases.iter().map(|b| b.as_str()).collect();
        write!(
            s,
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
            write!(s, ", basis {}", bases.join(" or "))?;
        }
        if sp.engagement == Engagement::DependingOnAssignment {
            write!(s, ", depending on the assignment")?;
        }
        writeln!(s, "]")?;
    }
    let t = &a.terms;
    writeln!(s, "Terms:")?;
    writeln!(
        s,
        "  deletion: {} after termination ({}) — {}",
        t.deletion.months,
        t.deletion.firmness.as_str(),
        join_refs(&t.deletion.source)
    )?;
    let notice = match t.breach.notice {
        NoticeTerm::WithinHours { hours } => format!("within {hours}"),
        NoticeTerm::WithoutUndueDelay => "without undue delay".to_owned(),
        _ => "see file".to_owned(),
    };
    writeln!(
        s,
        "  breach notice to client: {notice} — {}",
        join_refs(&t.breach.source)
    )?;
    let period = match t.audit.period {
        AuditPeriod::CalendarYear => "calendar year",
        AuditPeriod::Rolling12Months => "rolling 12 months",
        _ => "see file",
    };
    match t.audit.max_count.get() {
        1 => write!(s, "  audits: at most once per {period}")?,
        n => write!(s, "  audits: at most {n} times per {period}")?,
    }
    if let Some(n) = t.audit.notice_days {
        write!(s, ", {n} written notice")?;
    }
    writeln!(s, " — {}", join_refs(&t.audit.source))?;
    writeln!(
        s,
        "  statement change: client may terminate within {} of the notice — {}",
        t.statement_changes.termination_window_days,
        join_refs(&t.statement_changes.source)
    )?;
    if let Some(rate) = t.costs.hourly_rate_eur_cents {
        writeln!(s, "  hourly rate: {rate} — {}", join_refs(&t.costs.source))?;
    }
    writeln!(
        s,
        "Rules: months {}, business days {}, time zone {}",
        a.rules.month_rule,
        a.rules.business_days.as_str(),
        a.rules.time_zone
    )?;
    Ok(())
}
