//! Transfers of personal data outside the EEA (GDPR chapter V, art. 44-49):
//! which sub-processors transfer data, and whether the bases the agreement
//! claims for them are valid on a date.
//!
//! The facts — the adequacy decisions with their dates and scope limits,
//! the ended EU-US frameworks, the standard contractual clauses, binding
//! corporate rules, codes of conduct, certification, ad hoc clauses and the
//! art. 49 derogations — are rows of the reviewable
//! data file `dpa-core/data/transfer-bases.tsv`, each citing its source (see
//! [`instruments`]). The EEA is defined once, by
//! [`Country::is_eea`](crate::values::Country::is_eea); the file's `eea`
//! rows give each member's source and are checked against it. The file is
//! embedded in the library and parsed once, on first use; nothing is read at
//! run time. A unit test proves that every row parses and that the rows are
//! consistent; should the table ever fail to parse, the functions here return
//! an [`Error::Internal`](crate::Error::Internal) instead of panicking.
//!
//! This module holds the public types and entry points; the rules below are
//! in `transfers/assess.rs`, the finding texts in `transfers/findings.rs`,
//! and the table's reader in `sources/transfer_bases.rs`.
//!
//! # The rules
//! A sub-processor *transfers* data when one of its `locations` is a country
//! outside the EEA (the regions `EU` and `EEA` are inside), and when its
//! `access_from` names a country outside the EEA from which its staff or
//! parent may reach the data: making data available to a recipient in a
//! third country, remote access included, is a transfer even when the data
//! is stored in the EEA (EDPB Guidelines 05/2021 on the interplay between
//! the application of art. 3 and the provisions on international transfers
//! as per chapter V of the GDPR, version 2.0). A seat outside the EEA alone
//! is not read as access from there: it gives the warning `non-eea-seat`
//! unless the seat's country is a location or in `access_from`. For each
//! country outside the EEA, each claimed basis is valid on a date when:
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
//!   [`Caveat::SccEditionNotStated`] caveat. An agreement file claims this
//!   basis wherever the statement does not name the edition; it never
//!   infers the edition from the statement's date.
//! - `bcr`: on or after 2018-05-25 (GDPR art. 47).
//! - the art. 49 derogations: on or after 2018-05-25, with a
//!   [`Caveat::DerogationForStandingTransfer`] caveat for a sub-processor that
//!   is engaged as a matter of course. Every listed sub-processor is such a
//!   standing recipient (`engagement` is `always` or
//!   `depending-on-assignment`: either way the processor uses it whenever the
//!   assignment calls for it), so a derogation is never enough on its own.
//!
//! - `code-of-conduct` (art. 46(2)(e)): on or after 2018-05-25, for the
//!   code the sub-processor's `code_of_conduct` names, when on the date the
//!   code is approved by the competent supervisory authority (art. 40(5)),
//!   has general validity within the Union by a Commission implementing act
//!   (art. 40(9), which a code needs to be a transfer tool, art. 40(3)), is
//!   not withdrawn for the recipient, and the recipient has made binding and
//!   enforceable commitments to apply it (art. 40(3), 46(2)(e); EDPB
//!   Guidelines 04/2021).
//! - `certification` (art. 46(2)(f)): on or after 2018-05-25, for the
//!   certificate the sub-processor's `transfer_certification` names, when
//!   the mechanism's criteria are approved (art. 42(5)), the date is on or
//!   after its issue and not after its last valid day, it is not withdrawn
//!   (art. 42(7)), and the recipient has made binding and enforceable
//!   commitments (art. 42(2), 46(2)(f); EDPB Guidelines 07/2022). Art. 42(7)
//!   issues a certificate for at most three years: its last valid day is
//!   the one the file states or, if that is later, the day three years
//!   after the issue (counted as EU Regulation 1182/71 art. 3(2)(c) counts
//!   years: the same date, or the month's last day where it has none), with
//!   a [`Caveat::CertificationBeyondThreeYears`] caveat.
//! - `ad-hoc-clauses` (art. 46(3)(a)): on or after 2018-05-25, for the
//!   clauses the sub-processor's `ad_hoc_clauses` names, from the day the
//!   competent supervisory authority's authorisation applies until the day
//!   it is withdrawn. An authorisation dated before 2018-05-25 was given
//!   under Directive 95/46/EC art. 26(2) and stays valid (art. 46(5)).
//!
//! A claim of these three without its entry (`code_of_conduct`, ...) is
//! not valid (`details-not-stated`); an entry without its claim is shown,
//! and not assessed. When several rules fail, the status is the first
//! failing rule's in the order above and the reason names every one.
//!
//! BCRs, codes, certification, ad hoc clauses and derogations are assessed
//! under the GDPR only: for dates before 2018-05-25 (Directive 95/46/EC)
//! they are reported as not yet in force.
//!
//! # Size
//! The work and the answer grow with the input, never with a product of
//! its lists: each fact is stated once. A basis claimed more than once is
//! assessed once. A basis not tied to a country (the SCCs, BCRs and the
//! derogations) is assessed once for all the countries, and a country
//! basis once per country the table has an instrument for plus once for
//! all the other countries together, whose reason names them. A finding
//! with one cause for many countries (`transfer-basis-invalid`,
//! `transfer-covered`) is one finding naming the countries; only the
//! DPF findings are per country, and only the US has the DPF. So a
//! sub-processor that processes data in every country outside the EEA and
//! claims every basis has a few dozen entries, not thousands, and the JSON
//! of `dpa transfers` stays a small multiple of the agreement's size
//! (`BENCHMARKS.md`, "Transfers at the limits").
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
use crate::macros::spelled_enum;
use crate::model::{Agreement, TransferBasis};
pub use crate::sources::transfer_bases::{
    Instrument, InstrumentKind, InstrumentScope, instruments,
};
use crate::values::Country;

mod assess;
mod findings;
mod safeguards;

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
    /// The countries of its `access_from` that are not among
    /// `outside_eea`, in listed order, each once: the data may be reached
    /// from there, a transfer as much as a location there is. The countries
    /// assessed are `outside_eea` followed by these
    /// ([`TransferAssessment::third_countries`]).
    pub access_from: Vec<Country>,
    /// Whether its seat is outside the EEA and neither a location nor a
    /// country it may be accessed from (so no transfer to the seat's country
    /// is stated, but that country's law may reach the data), while it has
    /// processing locations.
    pub non_eea_seat: bool,
    /// Each distinct claimed basis assessed, in the order first claimed,
    /// for the countries outside the EEA, by location or by access (when
    /// there is none: for the seat if that is outside the EEA, to show what
    /// a basis would come to, else for no country). A basis not tied to a country has one
    /// entry; a country basis one per country the table has an instrument
    /// for and one for all the others together (see
    /// [`BasisAssessment::countries`] and the module documentation, "Size").
    pub bases: Vec<BasisAssessment>,
    /// The overall verdict.
    pub verdict: TransferVerdict,
    /// The findings the assessment gives rise to (what the agreement check
    /// reports for this sub-processor's transfers).
    pub findings: Vec<Finding>,
}

impl TransferAssessment {
    /// The countries outside the EEA assessed: `outside_eea`, then
    /// `access_from`.
    pub fn third_countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.outside_eea
            .iter()
            .chain(self.access_from.iter())
            .copied()
    }
}

/// One claimed basis, assessed on the date for the countries it names (or,
/// for a basis not tied to a country, for all of them at once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BasisAssessment {
    /// The basis as claimed.
    pub basis: TransferBasis,
    /// Its position in the sub-processor's `transfer_bases` (the first, when
    /// it is claimed more than once: a repeated claim is assessed once).
    pub index: usize,
    /// The countries this outcome holds for, in listed order, when the
    /// outcome depends on the country: for `adequacy` and the EU-US
    /// frameworks, one country the table has an instrument for, or all the
    /// countries it has none for. Empty for a basis whose outcome is the
    /// same for every country (the SCCs, BCRs and the art. 49 derogations:
    /// it holds for every country the sub-processor transfers to, or for
    /// its seat), and when nothing is processed or seated outside the EEA.
    pub countries: Vec<Country>,
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

spelled_enum! {
    /// Whether a claimed basis is valid, and if not, why.
    #[non_exhaustive]
    pub enum BasisStatus ("basis status") {
        /// Valid on the date (possibly with caveats).
        Valid = "valid",
        /// The instrument applies only from a later date.
        NotYetInForce = "not-yet-in-force",
        /// The instrument no longer applies (invalidated, repealed or expired).
        NoLongerInForce = "no-longer-in-force",
        /// No instrument of this kind covers the country (e.g. no adequacy
        /// decision, or the DPF claimed for a country other than the US).
        NotForThisCountry = "not-for-this-country",
        /// The DPF applies only to certified organisations and the recipient is
        /// not marked `dpf_certified`.
        RecipientNotCertified = "recipient-not-certified",
        /// A country-specific basis with no country outside the EEA to assess it for.
        NoThirdCountry = "no-third-country",
        /// The basis rests on a decision about the recipient (a code of
        /// conduct, a certificate, an authorisation) that the file does not
        /// record (`code_of_conduct`, `transfer_certification`, `ad_hoc_clauses`).
        DetailsNotStated = "details-not-stated",
        /// The code of conduct, certification mechanism or clauses lack an
        /// approval the basis needs: the code's approval (GDPR art. 40(5)) or
        /// general validity (art. 40(9)), the mechanism's criteria (art.
        /// 42(5)), the authority's authorisation (art. 46(3)).
        NotApproved = "not-approved",
        /// The recipient has made no binding and enforceable commitments to
        /// apply the code's or the certification's safeguards (GDPR art.
        /// 46(2)(e), 46(2)(f)).
        NoBindingCommitments = "no-binding-commitments",
    }
}

/// Something to check about a valid basis. Each gives a warning finding of
/// the same name when the sub-processor transfers data.
///
/// Not a `spelled_enum!`: a caveat is spelled as the finding code it gives
/// rise to ([`Caveat::code`]), so the spelling is written once, in
/// [`FindingCode`], and serialized from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// A certificate whose stated validity runs beyond the three years of
    /// GDPR art. 42(7); it is read as ending three years after its issue.
    CertificationBeyondThreeYears,
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
            Caveat::CertificationBeyondThreeYears => FindingCode::CertificationBeyondThreeYears,
        }
    }
}

impl Serialize for Caveat {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The overall verdict on a sub-processor's transfers. Serialized with a
/// `kind` tag: `{"kind": "covered", "bases": ["scc-2021"]}`.
///
/// Not a `spelled_enum!`: two variants carry data. The kinds' spellings are
/// serde's kebab-case of the variant names; [`TransferVerdict::as_str`]
/// gives the same (a unit test proves it for every kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TransferVerdict {
    /// No processing location and no access from outside the EEA is
    /// stated, so transfers cannot be assessed.
    LocationsNotStated,
    /// Every stated location is inside the EEA, and no access from outside
    /// it is stated.
    NoTransfer,
    /// Data goes outside the EEA (by location or access) and no basis is
    /// claimed.
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
/// // Belco's sub-processors all store data in the EU; the ten seated in
/// // the US may reach it from there, under SCCs (DPS 1.8, 1.9).
/// let reached: Vec<_> = assessments.iter().filter(|a| !a.access_from.is_empty()).collect();
/// assert_eq!(reached.len(), 10);
/// assert!(reached.iter().all(|a| matches!(a.verdict, TransferVerdict::Covered { .. })));
/// assert!(assessments.iter().all(|a| a.outside_eea.is_empty() && !a.non_eea_seat));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal) naming `transfer-bases.tsv`
/// if the built-in table is malformed (a unit test proves that it is not).
pub fn assess_transfers(agreement: &Agreement, on: Date) -> Result<Vec<TransferAssessment>> {
    Ok(transfer_assessments(agreement, on)?.collect())
}

/// [`assess_transfers`] one sub-processor at a time: each assessment is
/// made when the iterator reaches it, so a caller that writes or counts
/// them holds one at a time (`dpa transfers` does; at the limits, the
/// whole list of assessments is some 160 MB).
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::transfers::transfer_assessments;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/alles-online.toml"
/// ))?;
/// let a = Agreement::from_toml(&text)?;
/// let on = time::macros::date!(2026 - 11 - 23);
/// let names: Vec<String> = transfer_assessments(&a, on)?.map(|t| t.name).collect();
/// assert_eq!(names.len(), a.statement.sub_processors.len());
/// assert_eq!(names[3], "Mailgun");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`assess_transfers`] (the table is read before the first
/// assessment).
pub fn transfer_assessments(
    agreement: &Agreement,
    on: Date,
) -> Result<impl ExactSizeIterator<Item = TransferAssessment> + '_> {
    Ok(assessments_against(instruments()?, agreement, on))
}

/// The assessment of the sub-processor at `index` in the list, or `None`
/// past its end: what [`transfer_assessments`] gives at that position, for
/// a caller that cannot keep that iterator, which borrows the agreement
/// (the Python binding's iterator object holds the agreement and a
/// position).
///
/// ```
/// use dpa_core::Agreement;
/// use dpa_core::transfers::transfer_assessment;
///
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/alles-online.toml"
/// ))?;
/// let a = Agreement::from_toml(&text)?;
/// let on = time::macros::date!(2026 - 11 - 23);
/// let mailgun = transfer_assessment(&a, 3, on)?.expect("a fourth sub-processor");
/// assert_eq!((mailgun.index, mailgun.name.as_str()), (3, "Mailgun"));
/// assert!(transfer_assessment(&a, a.statement.sub_processors.len(), on)?.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`assess_transfers`].
pub fn transfer_assessment(
    agreement: &Agreement,
    index: usize,
    on: Date,
) -> Result<Option<TransferAssessment>> {
    let table = instruments()?;
    Ok(agreement
        .statement
        .sub_processors
        .get(index)
        .map(|sp| assess::sub_processor(table, index, sp, on)))
}

/// [`transfer_assessments`] once the reference table is read: the
/// assessments against `table`, one at a time.
pub(crate) fn assessments_against<'a>(
    table: &'static [Instrument],
    agreement: &'a Agreement,
    on: Date,
) -> impl ExactSizeIterator<Item = TransferAssessment> + 'a {
    agreement
        .statement
        .sub_processors
        .iter()
        .enumerate()
        .map(move |(i, sp)| assess::sub_processor(table, i, sp, on))
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

/// The finding that the sub-processor list is kept by reference
/// (`statement.sub_processors_by_reference`), where it is: transfers of the
/// sub-processors named only at that address cannot be checked, since the
/// agreement does not say who they are, where they process or on what basis
/// (GDPR art. 28(2), 44-46). Reported first by [`Agreement::check`] among
/// the transfer findings and by the report module's `TransfersReport`.
///
/// ```
/// use dpa_core::{Agreement, FindingCode};
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let listed = Agreement::from_toml(&text)?;
/// assert!(dpa_core::transfers::by_reference_finding(&listed).is_none());
/// let referred = Agreement::from_toml(&format!(
///     "{text}\n[statement.sub_processors_by_reference]\naddress = \"https://www.belco.nl/subverwerkers\"\nsource = [\"DPS 1.9\"]\n"
/// ))?;
/// let f = dpa_core::transfers::by_reference_finding(&referred).expect("kept by reference");
/// assert_eq!(f.code, FindingCode::SubProcessorsByReference);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn by_reference_finding(agreement: &Agreement) -> Option<Finding> {
    findings::by_reference(agreement)
}

/// The transfer findings on `on`: `sub-processors-by-reference` where the
/// list is kept by reference, then for every sub-processor in listed order
/// `non-eea-seat`, `transfer-without-basis`, `dpf-not-certified`,
/// `transfer-basis-invalid`, `dpf-certification-unconfirmed`, the caveat
/// warnings and `transfer-covered`. If the built-in table were malformed, a
/// single `transfer-basis-invalid` error says that transfers were not checked.
///
/// Each sub-processor's assessment is dropped as soon as its findings are
/// taken, so the check holds no more than one assessment at a time.
pub(crate) fn transfer_findings(agreement: &Agreement, on: Date) -> Vec<Finding> {
    match instruments() {
        Ok(table) => by_reference_finding(agreement)
            .into_iter()
            .chain(
                agreement
                    .statement
                    .sub_processors
                    .iter()
                    .enumerate()
                    .flat_map(|(i, sp)| assess::sub_processor(table, i, sp, on).findings),
            )
            .collect(),
        Err(e) => vec![Finding::new(
            FindingCode::TransferBasisInvalid,
            format!("transfers outside the EEA were not checked: {e}"),
            "GDPR art. 44-49".to_owned(),
            Some("statement.sub_processors".to_owned()),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

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
        for verdict in [
            TransferVerdict::LocationsNotStated,
            TransferVerdict::NoTransfer,
            TransferVerdict::NoBasisClaimed,
            TransferVerdict::Covered { bases: Vec::new() },
            TransferVerdict::NotCovered {
                countries: Vec::new(),
            },
        ] {
            let v = serde_json::to_value(&verdict).unwrap();
            assert_eq!(v["kind"], verdict.as_str());
        }
        for &s in BasisStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for c in [
            Caveat::SccEditionNotStated,
            Caveat::OldSccTransitional,
            Caveat::AdequacyScopeLimited,
            Caveat::DerogationForStandingTransfer,
            Caveat::CertificationBeyondThreeYears,
        ] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert_eq!(c.code().severity(), Severity::Warning);
        }
        assert_eq!(Caveat::OldSccTransitional.as_str(), "old-scc-transitional");
    }
}
