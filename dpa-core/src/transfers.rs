//! Transfers of personal data outside the EEA (GDPR chapter V, art. 44-49):
//! which sub-processors transfer data, and whether the bases the agreement
//! claims for them are valid on a date.
//!
//! The facts — the EEA, the adequacy decisions with their dates and scope
//! limits, the ended EU-US frameworks, the standard contractual clauses,
//! binding corporate rules and the art. 49 derogations — are rows of the
//! reviewable data file `dpa-core/data/transfer-bases.tsv`, each citing its
//! source (see [`instruments`]). The file is embedded in the library and
//! parsed once, on first use; nothing is read at run time. A unit test proves
//! that every row parses and that the rows are consistent; should the table
//! ever fail to parse, the functions here return an [`Error`](crate::Error) instead of
//! panicking.
//!
//! # The rules
//! A sub-processor *transfers* data when one of its `locations` is a country
//! outside the EEA (the regions `EU` and `EEA` are inside). For each such
//! country, each claimed basis is valid on a date when:
//!
//! - `adequacy`: an adequacy decision for that country is in force on the date
//!   (`from` ≤ date < `until`). For `US` the adequacy decision is the EU-US
//!   Data Privacy Framework, which covers only recipients marked
//!   `dpf_certified`. A decision that covers only some recipients (Canada,
//!   Japan, Korea, Faroe Islands, Israel, Uruguay) is valid with an
//!   [`Caveat::AdequacyScopeLimited`] caveat.
//! - `eu-us-dpf`: the country is `US`, the date is on or after 2023-07-10 and
//!   the recipient is marked `dpf_certified`.
//! - `privacy-shield`, `safe-harbour`: the country is `US` and the date falls
//!   in the framework's window (before the CJEU invalidated it).
//! - `scc-2021` and its modules: on or after 2021-06-27.
//! - `scc-2010`, `scc-2001`: from their decisions until 2022-12-27; from
//!   2021-09-27 only for contracts concluded before that day, so valid with
//!   an [`Caveat::OldSccTransitional`] caveat.
//! - `scc-edition-not-stated`: read as the edition in force on the date (the
//!   2021 clauses from 2021-06-27, the old ones before), with a
//!   [`Caveat::SccEditionNotStated`] caveat.
//! - `bcr`: on or after 2018-05-25 (GDPR art. 47).
//! - the art. 49 derogations: on or after 2018-05-25, with a
//!   [`Caveat::DerogationForStandingTransfer`] caveat for a sub-processor that
//!   is engaged as a matter of course. Every listed sub-processor is such a
//!   standing recipient (`engagement` is `always` or
//!   `depending-on-assignment`: either way the processor uses it whenever the
//!   assignment calls for it), so a derogation is never enough on its own.
//!
//! BCRs and derogations are assessed under the GDPR only: for dates before
//! 2018-05-25 (Directive 95/46/EC) they are reported as not yet in force.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::transfers::TransferVerdict;
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/alles-online.toml"
//! ))?;
//! let agreement = Agreement::from_toml(&text)?;
//! let assessments = agreement.assess_transfers(date!(2026 - 11 - 23))?;
//! let sentry = assessments.iter().find(|a| a.name == "Sentry").unwrap();
//! assert_eq!(sentry.outside_eea[0].as_str(), "US");
//! assert!(matches!(sentry.verdict, TransferVerdict::Covered { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use time::Date;

use crate::error::Result;
use crate::finding::{Finding, FindingCode};
use crate::model::{Agreement, Engagement, SubProcessor, TransferBasis};
use crate::sources::show_date as fmt_date;
use crate::sources::transfer_bases::is_country_specific;
pub use crate::sources::transfer_bases::{
    Instrument, InstrumentKind, InstrumentScope, instruments,
};
use crate::values::{Country, iso_date, join_refs};

/// Whether `country` is in the EEA according to the table.
fn in_eea(table: &[Instrument], country: Country) -> bool {
    table
        .iter()
        .any(|r| r.kind() == InstrumentKind::Eea && r.country() == Some(country))
}

// ---------------------------------------------------------------------------
// The assessment

/// How one sub-processor's data leaves the EEA, and whether the bases claimed
/// for it hold on the date assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TransferAssessment {
    /// The sub-processor's position in `statement.sub_processors`.
    pub index: usize,
    /// The sub-processor's name as listed.
    pub name: String,
    /// The country of its legal seat, where stated.
    pub seat: Option<Country>,
    /// Its processing locations outside the EEA, in listed order, each once.
    pub outside_eea: Vec<Country>,
    /// Whether its seat is outside the EEA while every stated location is
    /// inside it (so no transfer by location, but foreign law may reach the
    /// data).
    pub non_eea_seat: bool,
    /// Each claimed basis assessed for each country outside the EEA, in the
    /// order claimed. When nothing is processed outside the EEA, each basis
    /// is assessed for the seat if that is outside the EEA (as for access
    /// from there), else with no country.
    pub bases: Vec<BasisAssessment>,
    /// The overall verdict.
    pub verdict: TransferVerdict,
    /// The findings the assessment gives rise to (what the agreement check
    /// reports for this sub-processor's transfers).
    pub findings: Vec<Finding>,
}

/// One claimed basis, assessed for one country on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BasisAssessment {
    /// The basis as claimed.
    pub basis: TransferBasis,
    /// Its position in the sub-processor's `transfer_bases`.
    pub index: usize,
    /// The country it is assessed for; `None` when nothing is processed or
    /// seated outside the EEA.
    pub country: Option<Country>,
    /// Whether it is valid on the date for this recipient and country.
    pub valid: bool,
    /// Why it is valid or not, as a code.
    pub status: BasisStatus,
    /// The instrument relied on or considered (e.g. `Decision (EU) 2021/914`),
    /// where there is one.
    pub reference: Option<String>,
    /// Why it is valid or not, in English.
    pub reason: String,
    /// The articles, decisions and judgments it rests on.
    pub citation: String,
    /// What to check about a valid basis (empty for an invalid one).
    pub caveats: Vec<Caveat>,
}

/// Whether a claimed basis is valid, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum BasisStatus {
    /// Valid on the date (possibly with caveats).
    Valid,
    /// The instrument applies only from a later date.
    NotYetInForce,
    /// The instrument no longer applies (invalidated, repealed or expired).
    NoLongerInForce,
    /// No instrument of this kind covers the country (e.g. no adequacy
    /// decision, or the DPF claimed for a country other than the US).
    NotForThisCountry,
    /// The DPF applies only to certified organisations and the recipient is
    /// not marked `dpf_certified`.
    RecipientNotCertified,
    /// A country-specific basis with no country outside the EEA to assess it for.
    NoThirdCountry,
}

impl BasisStatus {
    /// The stable string form, e.g. `no-longer-in-force`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BasisStatus::Valid => "valid",
            BasisStatus::NotYetInForce => "not-yet-in-force",
            BasisStatus::NoLongerInForce => "no-longer-in-force",
            BasisStatus::NotForThisCountry => "not-for-this-country",
            BasisStatus::RecipientNotCertified => "recipient-not-certified",
            BasisStatus::NoThirdCountry => "no-third-country",
        }
    }
}

/// Something to check about a valid basis. Each gives a warning finding of
/// the same name when the sub-processor transfers data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Caveat {
    /// SCCs claimed without an edition; read as the edition in force.
    SccEditionNotStated,
    /// The old SCCs in their transitional period (2021-09-27 to 2022-12-27):
    /// valid only for contracts concluded before 2021-09-27.
    OldSccTransitional,
    /// The adequacy decision covers only some recipients in the country.
    AdequacyScopeLimited,
    /// An art. 49 derogation for a standing sub-processor; derogations cover
    /// occasional transfers only.
    DerogationForStandingTransfer,
}

impl Caveat {
    /// The stable string form, the same as the finding code's.
    pub const fn as_str(self) -> &'static str {
        self.code().as_str()
    }

    /// The finding code the caveat gives rise to.
    pub const fn code(self) -> FindingCode {
        match self {
            Caveat::SccEditionNotStated => FindingCode::SccEditionNotStated,
            Caveat::OldSccTransitional => FindingCode::OldSccTransitional,
            Caveat::AdequacyScopeLimited => FindingCode::AdequacyScopeLimited,
            Caveat::DerogationForStandingTransfer => FindingCode::DerogationForStandingTransfer,
        }
    }
}

/// The overall verdict on a sub-processor's transfers. Serialized with a
/// `kind` tag: `{"kind": "covered", "bases": ["scc-2021"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TransferVerdict {
    /// No processing location is stated, so transfers cannot be assessed.
    LocationsNotStated,
    /// Every stated location is inside the EEA.
    NoTransfer,
    /// Data goes outside the EEA and no basis is claimed.
    NoBasisClaimed,
    /// Every country outside the EEA is covered by a claimed basis valid on
    /// the date.
    Covered {
        /// The claimed bases valid on the date (for at least one of the
        /// countries), in the order claimed, each once.
        bases: Vec<TransferBasis>,
    },
    /// Bases are claimed, but none valid on the date covers these countries.
    NotCovered {
        /// The countries outside the EEA left uncovered.
        countries: Vec<Country>,
    },
}

impl TransferVerdict {
    /// The stable string form of the verdict's kind, e.g. `not-covered`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            TransferVerdict::LocationsNotStated => "locations-not-stated",
            TransferVerdict::NoTransfer => "no-transfer",
            TransferVerdict::NoBasisClaimed => "no-basis-claimed",
            TransferVerdict::Covered { .. } => "covered",
            TransferVerdict::NotCovered { .. } => "not-covered",
        }
    }
}

/// Assesses every sub-processor's transfers outside the EEA on `on`: one
/// [`TransferAssessment`] per sub-processor, in listed order. See the
/// [module documentation](self) for the rules.
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::transfers::{assess_transfers, TransferVerdict};
/// use time::macros::date;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let agreement = Agreement::from_toml(&text)?;
/// let assessments = assess_transfers(&agreement, date!(2026 - 11 - 23))?;
/// // Belco's sub-processors all process inside the EU.
/// assert!(assessments.iter().all(|a| a.verdict == TransferVerdict::NoTransfer));
/// // Ten of them are seated in the US.
/// assert_eq!(assessments.iter().filter(|a| a.non_eea_seat).count(), 10);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal) naming `transfer-bases.tsv`
/// if the built-in table is malformed (a unit test proves that it is not).
pub fn assess_transfers(agreement: &Agreement, on: Date) -> Result<Vec<TransferAssessment>> {
    let table = instruments()?;
    Ok(agreement
        .statement
        .sub_processors
        .iter()
        .enumerate()
        .map(|(i, sp)| assess_sub_processor(table, i, sp, on))
        .collect())
}

impl Agreement {
    /// Assesses every sub-processor's transfers outside the EEA on `on`; see
    /// [`assess_transfers`].
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/alles-online.toml"
    /// ))?;
    /// let a = Agreement::from_toml(&text)?;
    /// let mailgun = &a.assess_transfers(time::macros::date!(2026 - 11 - 23))?[3];
    /// assert_eq!(mailgun.name, "Mailgun");
    /// assert_eq!(mailgun.verdict.as_str(), "covered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`assess_transfers`].
    pub fn assess_transfers(&self, on: Date) -> Result<Vec<TransferAssessment>> {
        assess_transfers(self, on)
    }
}

/// The transfer findings for every sub-processor on `on`, in listed order:
/// `non-eea-seat`, `transfer-without-basis`, `dpf-not-certified`,
/// `transfer-basis-invalid`, `dpf-certification-unconfirmed`, the caveat
/// warnings and `transfer-covered`. If the built-in table were malformed, a
/// single `transfer-basis-invalid` error says that transfers were not checked.
pub(crate) fn transfer_findings(agreement: &Agreement, on: Date) -> Vec<Finding> {
    match assess_transfers(agreement, on) {
        Ok(assessments) => assessments.into_iter().flat_map(|a| a.findings).collect(),
        Err(e) => vec![Finding::new(
            FindingCode::TransferBasisInvalid,
            format!("transfers outside the EEA were not checked: {e}"),
            "GDPR art. 44-49".to_owned(),
            Some("statement.sub_processors".to_owned()),
        )],
    }
}

/// What the date, the table and the recipient say about one basis.
struct Outcome {
    status: BasisStatus,
    reference: Option<&'static str>,
    reason: String,
    citation: String,
    caveats: Vec<Caveat>,
}

impl Outcome {
    /// A basis whose row ended before the date.
    fn ended(r: &Instrument) -> Outcome {
        Outcome {
            status: BasisStatus::NoLongerInForce,
            reference: Some(r.reference()),
            reason: format!(
                "{} no longer applies from {} ({})",
                r.reference(),
                fmt_date(r.until()),
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
            reference: Some(r.reference()),
            reason: format!("{} applies only from {}", r.reference(), fmt_date(r.from())),
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
struct Ctx<'a> {
    table: &'a [Instrument],
    sp: &'a SubProcessor,
    on: Date,
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

fn assess_basis(
    ctx: &Ctx<'_>,
    index: usize,
    basis: TransferBasis,
    country: Option<Country>,
) -> BasisAssessment {
    let o = if is_country_specific(basis) {
        assess_country_basis(ctx, basis, country)
    } else {
        assess_tool(ctx, basis)
    };
    BasisAssessment {
        basis,
        index,
        country,
        valid: o.status == BasisStatus::Valid,
        status: o.status,
        reference: o.reference.map(str::to_owned),
        reason: o.reason,
        citation: o.citation,
        caveats: o.caveats,
    }
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
        return if basis == TransferBasis::Adequacy {
            Outcome::invalid(
                BasisStatus::NotForThisCountry,
                format!("no adequacy decision covers {country} ({})", country.name()),
                "GDPR art. 45".to_owned(),
            )
        } else {
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
            o.reference = rows.first().map(|r| r.reference());
            o
        };
    };
    let on = iso_date::format(ctx.on);
    let mut o = match picked {
        Pick::InForce(r) => {
            let name = ctx.sp.name.as_str();
            let mut o = Outcome {
                status: BasisStatus::Valid,
                reference: Some(r.reference()),
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
                InstrumentScope::Full | InstrumentScope::Occasional => {}
            }
            o
        }
        Pick::Ended(r) => Outcome::ended(r),
        Pick::NotYet(r) => Outcome::not_yet(r),
    };
    if basis == TransferBasis::Adequacy && o.status != BasisStatus::Valid {
        // Point to an EU-US framework that `adequacy` does not stand for.
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
                "; {} applied on {on}: claim `{}` for a recipient on its list",
                r.reference(),
                b.as_str()
            ));
        }
    }
    o
}

/// SCCs, BCRs and derogations: not tied to a country.
fn assess_tool(ctx: &Ctx<'_>, basis: TransferBasis) -> Outcome {
    let on = iso_date::format(ctx.on);
    if basis == TransferBasis::SccEditionNotStated {
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
            "the edition is not stated, and no standard contractual clauses applied on {on}: {}",
            o.reason
        );
        return o;
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
        Pick::InForce(r) => {
            let mut o = Outcome {
                status: BasisStatus::Valid,
                reference: Some(r.reference()),
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
                    fmt_date(r.until())
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
                        engagement_str(ctx.sp.engagement)
                    );
                    o.caveats.push(Caveat::DerogationForStandingTransfer);
                } else {
                    o.reason = format!("{article} covers occasional transfers on {on}");
                }
            }
            o
        }
        Pick::Ended(r) => Outcome::ended(r),
        Pick::NotYet(r) => Outcome::not_yet(r),
    }
}

fn engagement_str(e: Engagement) -> &'static str {
    match e {
        Engagement::Always => "always",
        Engagement::DependingOnAssignment => "depending-on-assignment",
    }
}

fn assess_sub_processor(
    table: &[Instrument],
    index: usize,
    sp: &SubProcessor,
    on: Date,
) -> TransferAssessment {
    let ctx = Ctx { table, sp, on };
    let mut outside: Vec<Country> = Vec::new();
    for c in sp.locations.iter().filter_map(|l| l.country()) {
        if !in_eea(table, c) && !outside.contains(&c) {
            outside.push(c);
        }
    }
    let foreign_seat = sp.seat.filter(|s| !in_eea(table, *s));
    let non_eea_seat = foreign_seat.is_some() && !sp.locations.is_empty() && outside.is_empty();
    let targets: Vec<Option<Country>> = if outside.is_empty() {
        vec![foreign_seat]
    } else {
        outside.iter().copied().map(Some).collect()
    };
    let bases: Vec<BasisAssessment> = sp
        .transfer_bases
        .iter()
        .enumerate()
        .flat_map(|(j, &b)| targets.iter().map(move |&c| (j, b, c)))
        .map(|(j, b, c)| assess_basis(&ctx, j, b, c))
        .collect();
    let verdict = if sp.locations.is_empty() {
        TransferVerdict::LocationsNotStated
    } else if outside.is_empty() {
        TransferVerdict::NoTransfer
    } else if sp.transfer_bases.is_empty() {
        TransferVerdict::NoBasisClaimed
    } else {
        let uncovered: Vec<Country> = outside
            .iter()
            .copied()
            .filter(|c| !bases.iter().any(|b| b.valid && b.country == Some(*c)))
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
    };
    let mut assessment = TransferAssessment {
        index,
        name: sp.name.as_str().to_owned(),
        seat: sp.seat,
        outside_eea: outside,
        non_eea_seat,
        bases,
        verdict,
        findings: Vec::new(),
    };
    assessment.findings = findings(&assessment, sp, on);
    assessment
}

/// `refs; part; part` without empty parts or repeats.
fn cite<'a>(refs: &str, parts: impl IntoIterator<Item = &'a str>) -> String {
    crate::citation::join(refs, parts)
}

fn join_countries(cs: &[Country]) -> String {
    cs.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `basis (reference, ...)` for each basis valid in `bs`, in claimed order,
/// naming each instrument relied on once.
fn covering(bs: &[&BasisAssessment]) -> Vec<String> {
    let mut grouped: Vec<(TransferBasis, Vec<&str>)> = Vec::new();
    for b in bs.iter().filter(|b| b.valid) {
        let pos = match grouped.iter().position(|(basis, _)| *basis == b.basis) {
            Some(pos) => pos,
            None => {
                grouped.push((b.basis, Vec::new()));
                grouped.len() - 1
            }
        };
        if let Some(r) = b.reference.as_deref()
            && !grouped[pos].1.contains(&r)
        {
            grouped[pos].1.push(r);
        }
    }
    grouped
        .into_iter()
        .map(|(basis, refs)| {
            if refs.is_empty() {
                basis.as_str().to_owned()
            } else {
                format!("{} ({})", basis.as_str(), refs.join(", "))
            }
        })
        .collect()
}

fn findings(a: &TransferAssessment, sp: &SubProcessor, on: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let path = format!("statement.sub_processors[{}]", a.index);
    let refs = join_refs(&sp.source);
    let name = &a.name;
    let on_str = iso_date::format(on);
    if a.non_eea_seat
        && let Some(seat) = a.seat
    {
        let locations: Vec<&str> = sp.locations.iter().map(|l| l.as_str()).collect();
        out.push(Finding::new(
            FindingCode::NonEeaSeat,
            format!(
                "sub-processor `{name}` has its seat in {seat}, outside the EEA, and processes data in {}; the law of {seat} may still reach the data",
                locations.join(", ")
            ),
            cite(&refs, ["GDPR art. 44, 48"]),
            Some(format!("{path}.seat")),
        ));
    }
    match &a.verdict {
        TransferVerdict::LocationsNotStated | TransferVerdict::NoTransfer => return out,
        TransferVerdict::NoBasisClaimed => {
            out.push(Finding::new(
                FindingCode::TransferWithoutBasis,
                format!(
                    "sub-processor `{name}` processes data in {} (outside the EEA) and no transfer basis is stated",
                    join_countries(&a.outside_eea)
                ),
                cite(&refs, ["GDPR art. 44-46"]),
                Some(format!("{path}.transfer_bases")),
            ));
            return out;
        }
        TransferVerdict::Covered { .. } | TransferVerdict::NotCovered { .. } => {}
    }
    let for_country = |c: Country| -> Vec<&BasisAssessment> {
        a.bases.iter().filter(|b| b.country == Some(c)).collect()
    };
    // The DPF claimed for a recipient not marked certified.
    let mut unconfirmed = Vec::new();
    let mut invalid_countries = Vec::new();
    for &c in &a.outside_eea {
        let bs = for_country(c);
        let dpf = bs
            .iter()
            .find(|b| b.status == BasisStatus::RecipientNotCertified);
        let covered = bs.iter().any(|b| b.valid);
        match (dpf, covered) {
            (Some(d), true) => unconfirmed.push(Finding::new(
                FindingCode::DpfCertificationUnconfirmed,
                format!(
                    "sub-processor `{name}` claims the EU-US Data Privacy Framework (`{}`) but is not marked `dpf_certified`; the transfer to {c} is covered by {} instead",
                    d.basis.as_str(),
                    join_and(&covering(&bs))
                ),
                cite(&refs, [d.citation.as_str()]),
                Some(format!("{path}.dpf_certified")),
            )),
            (Some(d), false) => {
                let others: Vec<String> = bs
                    .iter()
                    .filter(|b| b.status != BasisStatus::RecipientNotCertified)
                    .map(|b| format!("`{}`: {}", b.basis.as_str(), b.reason))
                    .collect();
                let mut message = format!(
                    "sub-processor `{name}` relies on the EU-US Data Privacy Framework (`{}`) for {c}, but is not marked `dpf_certified` (on the DPF List), and no other claimed basis covers the transfer",
                    d.basis.as_str()
                );
                if !others.is_empty() {
                    message.push_str(&format!("; {}", others.join("; ")));
                }
                out.push(Finding::new(
                    FindingCode::DpfNotCertified,
                    message,
                    cite(&refs, bs.iter().map(|b| b.citation.as_str())),
                    Some(format!("{path}.dpf_certified")),
                ));
            }
            (None, false) => invalid_countries.push(c),
            (None, true) => {}
        }
    }
    if !invalid_countries.is_empty() {
        let mut reasons: Vec<String> = Vec::new();
        let mut citations: Vec<&str> = vec!["GDPR art. 44"];
        for b in a
            .bases
            .iter()
            .filter(|b| b.country.is_some_and(|c| invalid_countries.contains(&c)))
        {
            let r = format!("`{}`: {}", b.basis.as_str(), b.reason);
            if !reasons.contains(&r) {
                reasons.push(r);
            }
            citations.push(b.citation.as_str());
        }
        out.push(Finding::new(
            FindingCode::TransferBasisInvalid,
            format!(
                "sub-processor `{name}` transfers data to {}; none of the bases claimed is valid on {on_str}: {}",
                join_countries(&invalid_countries),
                reasons.join("; ")
            ),
            cite(&refs, citations),
            Some(format!("{path}.transfer_bases")),
        ));
    }
    out.extend(unconfirmed);
    // Caveats of valid bases, once per claimed basis and caveat.
    let mut seen: Vec<(usize, Caveat)> = Vec::new();
    for b in a.bases.iter().filter(|b| b.valid) {
        for &caveat in &b.caveats {
            if seen.contains(&(b.index, caveat)) {
                continue;
            }
            seen.push((b.index, caveat));
            out.push(Finding::new(
                caveat.code(),
                format!(
                    "sub-processor `{name}` relies on `{}`: {}",
                    b.basis.as_str(),
                    b.reason
                ),
                cite(&refs, [b.citation.as_str()]),
                Some(format!("{path}.transfer_bases[{}]", b.index)),
            ));
        }
    }
    if let TransferVerdict::Covered { .. } = a.verdict {
        let all: Vec<&BasisAssessment> = a.bases.iter().collect();
        out.push(Finding::new(
            FindingCode::TransferCovered,
            format!(
                "sub-processor `{name}` transfers data to {}; covered by {}",
                join_countries(&a.outside_eea),
                join_and(&covering(&all))
            ),
            cite(
                &refs,
                a.bases
                    .iter()
                    .filter(|b| b.valid)
                    .map(|b| b.citation.as_str()),
            ),
            Some(path),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use time::macros::date;

    fn load(name: &str) -> Agreement {
        let path = format!(
            "{}/../examples/agreements/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        Agreement::from_toml(&text).unwrap()
    }

    #[test]
    fn alles_online_findings() {
        let a = load("alles-online.toml");
        let findings = transfer_findings(&a, date!(2026 - 11 - 23));
        assert!(
            findings.iter().all(|f| f.severity != Severity::Error),
            "{findings:#?}"
        );
        let covered: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == FindingCode::TransferCovered)
            .collect();
        assert_eq!(covered.len(), 4);
        assert_eq!(
            covered[0].message,
            "sub-processor `Mailgun` transfers data to US; covered by scc-2021 (Decision (EU) 2021/914)"
        );
        assert_eq!(
            covered[0].citation,
            "DPS 8, DPS 9; GDPR art. 46(2)(c); Decision (EU) 2021/914"
        );
        assert_eq!(
            findings
                .iter()
                .filter(|f| f.code == FindingCode::DpfCertificationUnconfirmed)
                .count(),
            4
        );
        assert_eq!(findings.len(), 8);
    }

    #[test]
    fn belco_findings() {
        let a = load("belco.toml");
        let findings = transfer_findings(&a, date!(2026 - 11 - 23));
        assert_eq!(findings.len(), 10);
        assert!(findings.iter().all(|f| f.code == FindingCode::NonEeaSeat));
        assert_eq!(
            findings[0].message,
            "sub-processor `Amazon, Inc.` has its seat in US, outside the EEA, and processes data in EU; the law of US may still reach the data"
        );
        assert_eq!(
            findings[0].path.as_deref(),
            Some("statement.sub_processors[1].seat")
        );
    }

    #[test]
    fn serialized_forms_are_kebab_case() {
        let v = serde_json::to_value(TransferVerdict::Covered {
            bases: vec![TransferBasis::Scc2021],
        })
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!({"kind": "covered", "bases": ["scc-2021"]})
        );
        let v = serde_json::to_value(TransferVerdict::NoTransfer).unwrap();
        assert_eq!(v, serde_json::json!({"kind": "no-transfer"}));
        for s in [
            BasisStatus::Valid,
            BasisStatus::NotYetInForce,
            BasisStatus::NoLongerInForce,
            BasisStatus::NotForThisCountry,
            BasisStatus::RecipientNotCertified,
            BasisStatus::NoThirdCountry,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for c in [
            Caveat::SccEditionNotStated,
            Caveat::OldSccTransitional,
            Caveat::AdequacyScopeLimited,
            Caveat::DerogationForStandingTransfer,
        ] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert_eq!(c.code().severity(), Severity::Warning);
        }
    }
}
