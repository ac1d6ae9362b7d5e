//! The transfer rules: which claimed basis is valid on a date for which
//! country and recipient (see the [module documentation](super) for the
//! rules in words), and the verdict on each sub-processor.

use std::collections::HashSet;

use time::Date;

use super::{BasisAssessment, BasisStatus, Caveat, TransferAssessment, TransferVerdict};
use crate::model::{Engagement, SubProcessor, TransferBasis};
use crate::sources::show_date;
use crate::sources::transfer_bases::{
    Instrument, InstrumentKind, InstrumentScope, is_country_specific,
};
use crate::values::{Country, CountrySet, iso_date};

/// What the date, the table and the recipient say about one basis.
pub(super) struct Outcome {
    /// Whether it is valid, and if not, why.
    pub(super) status: BasisStatus,
    /// The instrument relied on or considered.
    pub(super) reference: Option<String>,
    /// Why, in English.
    pub(super) reason: String,
    /// What it rests on.
    pub(super) citation: String,
    /// What to check about a valid basis.
    pub(super) caveats: Vec<Caveat>,
}

impl Outcome {
    /// A basis whose row ended before the date.
    fn ended(r: &Instrument) -> Outcome {
        Outcome {
            status: BasisStatus::NoLongerInForce,
            reference: Some(r.reference().to_owned()),
            reason: format!(
                "{} no longer applies from {} ({})",
                r.reference(),
                show_date(r.until()),
                r.ended_by().unwrap_or("ended")
            ),
            citation: r.citation(true),
            caveats: Vec::new(),
        }
    }

    /// A basis whose row starts after the date.
    fn not_yet(r: &Instrument) -> Outcome {
        Outcome {
            status: BasisStatus::NotYetInForce,
            reference: Some(r.reference().to_owned()),
            reason: format!(
                "{} applies only from {}",
                r.reference(),
                show_date(r.from())
            ),
            citation: r.citation(false),
            caveats: Vec::new(),
        }
    }

    fn invalid(status: BasisStatus, reason: String, citation: String) -> Outcome {
        Outcome {
            status,
            reference: None,
            reason,
            citation,
            caveats: Vec::new(),
        }
    }
}

/// The sub-processor and date a basis is assessed for.
pub(super) struct Ctx<'a> {
    /// The reference table.
    table: &'a [Instrument],
    /// The sub-processor.
    pub(super) sp: &'a SubProcessor,
    /// The date.
    pub(super) on: Date,
}

impl Ctx<'_> {
    /// Whether the sub-processor is engaged as a matter of course. Every
    /// engagement the model knows is.
    fn standing(&self) -> bool {
        matches!(
            self.sp.engagement,
            Engagement::Always | Engagement::DependingOnAssignment
        )
    }

    fn rows(&self, basis: TransferBasis) -> Vec<&Instrument> {
        self.table
            .iter()
            .filter(|r| r.bases().contains(&basis))
            .collect()
    }
}

/// Which of several rows speaks to a date.
enum Pick<'r> {
    InForce(&'r Instrument),
    Ended(&'r Instrument),
    NotYet(&'r Instrument),
}

/// The row in force on `on`; else the one that ended last before it; else
/// the one that starts first after it. `None` only for no rows.
fn pick<'r>(rows: &[&'r Instrument], on: Date) -> Option<Pick<'r>> {
    if let Some(r) = rows.iter().copied().find(|r| r.applies_on(on)) {
        return Some(Pick::InForce(r));
    }
    if let Some(r) = rows
        .iter()
        .copied()
        .filter(|r| r.until().is_some_and(|u| u <= on))
        .max_by_key(|r| r.until())
    {
        return Some(Pick::Ended(r));
    }
    rows.iter()
        .copied()
        .min_by_key(|r| r.from())
        .map(Pick::NotYet)
}

/// The assessment of the basis claimed first at `index`, with `outcome`,
/// for `countries`.
fn entry(
    index: usize,
    basis: TransferBasis,
    countries: Vec<Country>,
    o: Outcome,
) -> BasisAssessment {
    BasisAssessment {
        basis,
        index,
        countries,
        valid: o.status == BasisStatus::Valid,
        status: o.status,
        reference: o.reference,
        reason: o.reason,
        citation: o.citation,
        caveats: o.caveats,
    }
}

/// The assessments of one claimed basis for `targets` (the countries
/// outside the EEA, or the seat): one entry for a basis not tied to a
/// country; for a country basis, one entry per target an instrument of
/// the table is for, and one for all the targets none is for (listed where
/// the first of them is), so the work and the entries grow with the
/// targets plus the table, never with their product.
fn assess_claim(
    ctx: &Ctx<'_>,
    index: usize,
    basis: TransferBasis,
    targets: &[Country],
) -> Vec<BasisAssessment> {
    if !is_country_specific(basis) {
        return vec![entry(index, basis, Vec::new(), assess_tool(ctx, basis))];
    }
    if targets.is_empty() {
        let o = assess_country_basis(ctx, basis, None);
        return vec![entry(index, basis, Vec::new(), o)];
    }
    let rows = ctx.rows(basis);
    let mut out = Vec::new();
    let mut others: Vec<Country> = Vec::new();
    let mut others_at = None;
    for &c in targets {
        if rows.iter().any(|r| r.country() == Some(c)) {
            let o = assess_country_basis(ctx, basis, Some(c));
            out.push(entry(index, basis, vec![c], o));
        } else {
            others_at.get_or_insert(out.len());
            others.push(c);
        }
    }
    if let Some(at) = others_at {
        let o = not_for_country(basis, &others, &rows);
        out.insert(at, entry(index, basis, others, o));
    }
    out
}

/// Adequacy and the EU-US frameworks.
fn assess_country_basis(ctx: &Ctx<'_>, basis: TransferBasis, country: Option<Country>) -> Outcome {
    let Some(country) = country else {
        return Outcome::invalid(
            BasisStatus::NoThirdCountry,
            format!(
                "nothing is processed outside the EEA to assess `{}` for",
                basis.as_str()
            ),
            "GDPR art. 44".to_owned(),
        );
    };
    let rows = ctx.rows(basis);
    let here: Vec<&Instrument> = rows
        .iter()
        .copied()
        .filter(|r| r.country() == Some(country))
        .collect();
    let Some(picked) = pick(&here, ctx.on) else {
        return not_for_country(basis, &[country], &rows);
    };
    let mut o = match picked {
        Pick::InForce(r) => in_force_for_country(ctx, r, country),
        Pick::Ended(r) => Outcome::ended(r),
        Pick::NotYet(r) => Outcome::not_yet(r),
    };
    if basis == TransferBasis::Adequacy && o.status != BasisStatus::Valid {
        point_to_framework(ctx, country, &mut o);
    }
    o
}

/// A country basis none of whose `rows` is for any of `countries` (each
/// named once, so the text grows with the countries, not with the claims).
fn not_for_country(basis: TransferBasis, countries: &[Country], rows: &[&Instrument]) -> Outcome {
    let country = countries
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if basis == TransferBasis::Adequacy {
        // One country is named in full; many by their codes only.
        let named = match countries {
            [one] => format!("{one} ({})", one.name()),
            _ => country,
        };
        return Outcome::invalid(
            BasisStatus::NotForThisCountry,
            format!("no adequacy decision covers {named}"),
            "GDPR art. 45".to_owned(),
        );
    }
    let mut places: Vec<&str> = rows.iter().filter_map(|r| r.jurisdiction()).collect();
    places.dedup();
    let reference = rows.first().map_or("", |r| r.reference());
    let mut o = Outcome::invalid(
        BasisStatus::NotForThisCountry,
        format!(
            "`{}` ({reference}) covers transfers to {} only, not to {country}",
            basis.as_str(),
            places.join(", ")
        ),
        rows.first()
            .map_or_else(|| "GDPR art. 45".to_owned(), |r| r.citation(false)),
    );
    o.reference = rows.first().map(|r| r.reference().to_owned());
    o
}

/// A country basis whose row `r` is in force on the date: valid, unless it
/// is the DPF and the recipient is not marked certified; limited in scope.
fn in_force_for_country(ctx: &Ctx<'_>, r: &Instrument, country: Country) -> Outcome {
    let name = ctx.sp.name.as_str();
    let on = iso_date::format(ctx.on);
    let mut o = Outcome {
        status: BasisStatus::Valid,
        reference: Some(r.reference().to_owned()),
        reason: format!("{} is in force for {country} on {on}", r.reference()),
        citation: r.citation(false),
        caveats: Vec::new(),
    };
    match r.scope() {
        InstrumentScope::Certified if r.bases().contains(&TransferBasis::EuUsDpf) => {
            if ctx.sp.dpf_certified {
                o.reason
                    .push_str(&format!(" and `{name}` is marked `dpf_certified`"));
            } else {
                o.status = BasisStatus::RecipientNotCertified;
                o.reason = format!(
                    "{} covers only organisations on the DPF List, and `{name}` is not marked `dpf_certified`",
                    r.reference()
                );
            }
        }
        InstrumentScope::Certified => o
            .reason
            .push_str(", for organisations on its list only (not recorded in the file)"),
        InstrumentScope::Limited => {
            o.reason.push_str(&format!(
                ", for some recipients only: {}",
                r.note().unwrap_or("see the decision")
            ));
            o.caveats.push(Caveat::AdequacyScopeLimited);
        }
        InstrumentScope::Full | InstrumentScope::Occasional | InstrumentScope::PerRecipient => {}
    }
    o
}

/// For `adequacy` not valid for `country`: points to an EU-US framework in
/// force that `adequacy` does not stand for.
fn point_to_framework(ctx: &Ctx<'_>, country: Country, o: &mut Outcome) {
    let other = ctx.table.iter().find(|r| {
        r.kind() == InstrumentKind::Adequacy
            && r.country() == Some(country)
            && !r.bases().contains(&TransferBasis::Adequacy)
            && r.applies_on(ctx.on)
    });
    if let Some(r) = other
        && let Some(b) = r.bases().first()
    {
        o.reason.push_str(&format!(
            "; {} applied on {}: claim `{}` for a recipient on its list",
            r.reference(),
            iso_date::format(ctx.on),
            b.as_str()
        ));
    }
}

/// SCCs, BCRs and derogations: not tied to a country.
fn assess_tool(ctx: &Ctx<'_>, basis: TransferBasis) -> Outcome {
    if basis == TransferBasis::SccEditionNotStated {
        return scc_edition_not_stated(ctx);
    }
    let rows = ctx.rows(basis);
    let Some(picked) = pick(&rows, ctx.on) else {
        return Outcome::invalid(
            BasisStatus::NotForThisCountry,
            format!("no instrument in the table backs `{}`", basis.as_str()),
            "GDPR art. 44".to_owned(),
        );
    };
    match picked {
        Pick::InForce(r) => in_force_tool(ctx, r),
        Pick::Ended(r) => Outcome::ended(r),
        Pick::NotYet(r) => Outcome::not_yet(r),
    }
}

/// SCCs without an edition: the first edition valid on the date, newest
/// first, with a caveat; else why the oldest is not.
fn scc_edition_not_stated(ctx: &Ctx<'_>) -> Outcome {
    for edition in [
        TransferBasis::Scc2021,
        TransferBasis::Scc2010,
        TransferBasis::Scc2001,
    ] {
        let mut o = assess_tool(ctx, edition);
        if o.status == BasisStatus::Valid {
            o.reason = format!("the edition is not stated; read as {}", o.reason);
            o.caveats.insert(0, Caveat::SccEditionNotStated);
            return o;
        }
    }
    let mut o = assess_tool(ctx, TransferBasis::Scc2001);
    o.reason = format!(
        "the edition is not stated, and no standard contractual clauses applied on {}: {}",
        iso_date::format(ctx.on),
        o.reason
    );
    o
}

/// A tool whose row `r` is in force on the date: valid, with a caveat for
/// the old SCCs in their transitional period and for a derogation relied on
/// for a standing sub-processor; a code of conduct, a certification or ad
/// hoc clauses as the recipient's entry in the file and the date decide
/// (`transfers/safeguards.rs`).
fn in_force_tool(ctx: &Ctx<'_>, r: &Instrument) -> Outcome {
    if let Some(o) = super::safeguards::assess(ctx, r) {
        return o;
    }
    let on = iso_date::format(ctx.on);
    let mut o = Outcome {
        status: BasisStatus::Valid,
        reference: Some(r.reference().to_owned()),
        reason: format!("{}, which applies on {on}", r.reference()),
        citation: r.citation(false),
        caveats: Vec::new(),
    };
    if let Some(closed) = r.no_new_from()
        && closed <= ctx.on
    {
        o.reason = format!(
            "{}, repealed with effect from {}: it covers only contracts concluded before then, and only until {}",
            r.reference(),
            iso_date::format(closed),
            show_date(r.until())
        );
        o.citation = r.citation(true);
        o.caveats.push(Caveat::OldSccTransitional);
    }
    if r.kind() == InstrumentKind::Derogation {
        let article = r.article().unwrap_or(r.reference());
        if ctx.standing() {
            o.reason = format!(
                "{article} covers occasional transfers only, and `{}` is a standing sub-processor (engagement `{}`)",
                ctx.sp.name,
                ctx.sp.engagement.as_str()
            );
            o.caveats.push(Caveat::DerogationForStandingTransfer);
        } else {
            o.reason = format!("{article} covers occasional transfers on {on}");
        }
    }
    o
}

/// One sub-processor's transfers on `on`: the countries outside the EEA
/// (its locations there, then the countries it may be accessed from), each
/// distinct claimed basis assessed for them (see [`assess_claim`]), the
/// verdict and the findings. Linear in the locations and the claims.
pub(super) fn sub_processor(
    table: &[Instrument],
    index: usize,
    sp: &SubProcessor,
    on: Date,
) -> TransferAssessment {
    let ctx = Ctx { table, sp, on };
    let third = sp.third_countries();
    let mut located = CountrySet::default();
    for c in sp.locations.iter().filter_map(|l| l.country()) {
        located.insert(c);
    }
    let (outside, access_from): (Vec<Country>, Vec<Country>) =
        third.iter().partition(|c| located.contains(**c));
    let foreign_seat = sp.seat.filter(|s| !s.is_eea());
    // docs/rules.md "Transfers": a seat outside the EEA whose country is
    // neither a location nor in `access_from` is a finding; the seat alone
    // is not read as access from there.
    let non_eea_seat =
        foreign_seat.is_some_and(|s| !third.contains(&s)) && !sp.locations.is_empty();
    let targets: Vec<Country> = if third.is_empty() {
        foreign_seat.into_iter().collect()
    } else {
        third.clone()
    };
    let mut claimed: Vec<TransferBasis> = Vec::new();
    let mut bases: Vec<BasisAssessment> = Vec::new();
    for (j, &b) in sp.transfer_bases.iter().enumerate() {
        if !claimed.contains(&b) {
            claimed.push(b);
            bases.extend(assess_claim(&ctx, j, b, &targets));
        }
    }
    let verdict = verdict(sp, &third, &bases);
    let mut assessment = TransferAssessment {
        index,
        name: sp.name.as_str().to_owned(),
        seat: sp.seat,
        outside_eea: outside,
        access_from,
        non_eea_seat,
        bases,
        verdict,
        findings: Vec::new(),
    };
    assessment.findings = super::findings::findings(&assessment, sp, on);
    assessment
}

/// The verdict on a sub-processor's transfers from its countries outside the
/// EEA (by location or by access) and the bases assessed for them.
fn verdict(sp: &SubProcessor, outside: &[Country], bases: &[BasisAssessment]) -> TransferVerdict {
    if sp.locations.is_empty() && outside.is_empty() {
        TransferVerdict::LocationsNotStated
    } else if outside.is_empty() {
        TransferVerdict::NoTransfer
    } else if sp.transfer_bases.is_empty() {
        TransferVerdict::NoBasisClaimed
    } else {
        // A valid basis not tied to a country covers every country.
        let all = bases.iter().any(|b| b.valid && b.countries.is_empty());
        let covered: HashSet<Country> = bases
            .iter()
            .filter(|b| b.valid)
            .flat_map(|b| b.countries.iter().copied())
            .collect();
        let uncovered: Vec<Country> = outside
            .iter()
            .copied()
            .filter(|c| !all && !covered.contains(c))
            .collect();
        if uncovered.is_empty() {
            let mut valid: Vec<TransferBasis> = Vec::new();
            for b in bases.iter().filter(|b| b.valid) {
                if !valid.contains(&b.basis) {
                    valid.push(b.basis);
                }
            }
            TransferVerdict::Covered { bases: valid }
        } else {
            TransferVerdict::NotCovered {
                countries: uncovered,
            }
        }
    }
}
