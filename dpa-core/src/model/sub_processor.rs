//! Sub-processors as the statement lists them, and the transfer bases an
//! agreement may claim for them (GDPR chapter V).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    AdHocClauses, CodeOfConduct, Provenance, ProvenanceKind, TransferCertification, is_false,
};
use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, Country, CountrySet, Location, Text};

/// A sub-processor (subverwerker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SubProcessor {
    /// The name as listed.
    pub name: Text,
    /// What it does for the processor.
    pub purpose: Text,
    /// The group the statement lists it under, where it groups them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Text>,
    /// The country of its legal seat (vestiging), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<Country>,
    /// Where it processes the data. Empty when the statement does not say.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub locations: Vec<Location>,
    /// The transfer bases the statement claims for it (any one may cover a
    /// transfer). Empty when none is claimed.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub transfer_bases: Vec<TransferBasis>,
    /// The countries outside the EEA from which the recipient's staff or
    /// parent company may reach the data, wherever it is stored (e.g. a
    /// US-seated provider whose EU data centres are administered or
    /// supported from the US). Making data available to a recipient in a
    /// third country, remote access included, is a transfer in the sense of
    /// GDPR chapter V even when the data stays in the EEA (EDPB Guidelines
    /// 05/2021 on the interplay between art. 3 and chapter V), so the
    /// transfer rules treat each country here as a location outside the
    /// EEA. A country inside the EEA is refused when the file is read.
    /// Empty when the statement says nothing of such access.
    #[serde(
        deserialize_with = "third_countries",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub access_from: Vec<Country>,
    /// Whether the file marks the recipient as certified under the EU-US
    /// Data Privacy Framework (on the DPF List).
    #[serde(default, skip_serializing_if = "is_false")]
    pub dpf_certified: bool,
    /// The approved code of conduct the basis `code-of-conduct` rests on
    /// (GDPR art. 40(3), 46(2)(e)). Read by the transfer rules only when
    /// that basis is claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_of_conduct: Option<CodeOfConduct>,
    /// The certificate the basis `certification` rests on (GDPR art.
    /// 42(2), 46(2)(f)). Read by the transfer rules only when that basis is
    /// claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_certification: Option<TransferCertification>,
    /// The authorised clauses the basis `ad-hoc-clauses` rests on (GDPR
    /// art. 46(3)(a)). Read by the transfer rules only when that basis is
    /// claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_hoc_clauses: Option<AdHocClauses>,
    /// Whether it is always used or only depending on the assignment.
    pub engagement: Engagement,
    /// Anything else the statement says about it (e.g. a region migration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Where the statement lists it.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Where the statement keeps its list of sub-processors when it refers to
/// one instead of listing them ("zie onze website", a URL):
/// `[statement.sub_processors_by_reference]`. Beside listed sub-processors
/// it means the listed ones are named in the agreement and the complete,
/// current list is kept at the address; the listed ones are checked as
/// usual, and transfers of any sub-processor named only at the address
/// cannot be checked (finding `sub-processors-by-reference`; docs/rules.md,
/// "Sub-processors kept by reference").
///
/// ```
/// use dpa_core::model::SubProcessorsByReference;
/// let r: SubProcessorsByReference = serde_json::from_str(
///     r#"{"address": "https://example.nl/subverwerkers", "source": ["DPS 1.9"]}"#,
/// )?;
/// assert_eq!(r.address.as_str(), "https://example.nl/subverwerkers");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SubProcessorsByReference {
    /// Where the list is kept: a URL, or the statement's own words where it
    /// gives none ("see our website").
    pub address: Text,
    /// What else the statement says about the list (how changes are
    /// announced, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the statement refers to the list.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Where the statement's sub-processor list came from, where the file says
/// so: `[statement.sub_processor_list]` with `provenance`, `reason`,
/// `quote` and `source` (docs/rules.md, "Provenance"). Absent: the list in
/// `statement.sub_processors` (and any list kept by reference) is stated.
///
/// - `not-stated`: the statement names no sub-processors and does not say
///   it engages none, nor where a list is kept; `statement.sub_processors`
///   must then be empty and `statement.sub_processors_by_reference` absent.
///   Transfers cannot be checked and the GDPR art. 28(2) and 28(4) items
///   rest on an unknown list (finding `sub-processors-not-stated`).
/// - `assumed` (with `reason`): the file's author wrote the list, e.g.
///   from a website; `check` reports `value-assumed`.
/// - `stated`, with a `quote`: the sentence that states the list.
///
/// `standard` is refused: the standard clauses hold no list.
///
/// ```
/// use dpa_core::model::SubProcessorList;
/// let l: SubProcessorList = serde_json::from_str(
///     r#"{"provenance": "not-stated", "source": ["DPS 1.9"]}"#,
/// )?;
/// assert!(l.provenance.is_not_stated());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "SubProcessorListRepr", into = "SubProcessorListRepr")]
#[non_exhaustive]
pub struct SubProcessorList {
    /// Where the list came from.
    pub provenance: Provenance,
    /// Where the statement would state the list (or states it).
    pub source: Vec<ClauseRef>,
}

/// The document form of [`SubProcessorList`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SubProcessorListRepr {
    /// Where the list came from: `stated` (the default), `assumed` (with
    /// `reason`) or `not-stated` (then no sub-processors are listed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ListProvenanceKind>")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the list (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the list, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Where the statement would state the list (or states it).
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

/// The provenances a sub-processor list may have, for the JSON Schema
/// (`standard` is refused: the standard clauses hold no list).
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code, reason = "only its schema is used")]
enum ListProvenanceKind {
    /// The statement states the list.
    Stated,
    /// The file's author assumed the list (`reason` says why).
    Assumed,
    /// The statement does not state it.
    NotStated,
}

impl TryFrom<SubProcessorListRepr> for SubProcessorList {
    type Error = Error;
    fn try_from(r: SubProcessorListRepr) -> Result<Self, Error> {
        if r.provenance == Some(ProvenanceKind::Standard) {
            return Err(Error::invalid_value(field_message(
                "provenance",
                "the standard clauses hold no sub-processor list: write `stated`, `assumed` (with `reason`) or `not-stated`",
            )));
        }
        Ok(SubProcessorList {
            provenance: Provenance::from_keys(r.provenance, r.reason, r.quote)?,
            source: r.source,
        })
    }
}

impl From<SubProcessorList> for SubProcessorListRepr {
    fn from(l: SubProcessorList) -> Self {
        let (provenance, reason, quote) = l.provenance.to_keys();
        SubProcessorListRepr {
            provenance,
            reason,
            quote,
            source: l.source,
        }
    }
}

impl SubProcessor {
    /// The locations outside the EEA.
    pub fn locations_outside_eea(&self) -> impl Iterator<Item = Location> + '_ {
        self.locations.iter().copied().filter(|l| !l.is_in_eea())
    }

    /// The countries outside the EEA the data reaches, each once: the
    /// processing locations outside the EEA in listed order, then the
    /// countries of `access_from` not among them. These are the countries
    /// the transfer rules assess.
    pub fn third_countries(&self) -> Vec<Country> {
        let mut out: Vec<Country> = Vec::new();
        let mut seen = CountrySet::default();
        let located = self.locations.iter().filter_map(|l| l.country());
        for c in located.chain(self.access_from.iter().copied()) {
            if !c.is_eea() && seen.insert(c) {
                out.push(c);
            }
        }
        out
    }
}

/// A country of `access_from`: any assigned code outside the EEA.
struct ThirdCountry(Country);

impl<'de> Deserialize<'de> for ThirdCountry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let c = Country::deserialize(d)?;
        if c.is_eea() {
            return Err(serde::de::Error::custom(format_args!(
                "`{c}` ({}) is in the EEA; `access_from` lists the countries outside the EEA the data may be reached from",
                c.name()
            )));
        }
        Ok(ThirdCountry(c))
    }
}

/// `deserialize_with` for `access_from`: a bounded list of countries
/// outside the EEA (an error names the entry that is inside it).
fn third_countries<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Country>, D::Error> {
    let list: Vec<ThirdCountry> = crate::limits::list(d)?;
    Ok(list.into_iter().map(|c| c.0).collect())
}

spelled_enum! {
    /// Whether a sub-processor is always engaged.
    #[non_exhaustive]
    pub enum Engagement ("engagement") {
        /// Used for every client.
        Always = "always",
        /// Used only depending on the assignment ("afhankelijk van de opdracht").
        DependingOnAssignment = "depending-on-assignment",
    }
}

spelled_enum! {
    /// A legal basis for a transfer to a third country (GDPR chapter V) as an
    /// agreement claims it. Whether it is valid on a date is decided by the rules,
    /// not here.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum TransferBasis ("transfer basis") {
        /// An adequacy decision for the recipient's country (art. 45).
        Adequacy = "adequacy",
        /// The EU-US Data Privacy Framework (adequacy decision (EU) 2023/1795),
        /// for certified recipients only.
        EuUsDpf = "eu-us-dpf",
        /// Standard contractual clauses of Decision (EU) 2021/914, module not stated (art. 46(2)(c)).
        Scc2021 = "scc-2021",
        /// SCCs 2021/914, module one (controller to controller).
        Scc2021C2c = "scc-2021-c2c",
        /// SCCs 2021/914, module two (controller to processor).
        Scc2021C2p = "scc-2021-c2p",
        /// SCCs 2021/914, module three (processor to processor).
        Scc2021P2p = "scc-2021-p2p",
        /// SCCs 2021/914, module four (processor to controller).
        Scc2021P2c = "scc-2021-p2c",
        /// The old SCCs of Decision 2010/87/EU (controller to processor).
        Scc2010 = "scc-2010",
        /// The old SCCs of Decisions 2001/497/EC and 2004/915/EC (controller to controller).
        Scc2001 = "scc-2001",
        /// Standard contractual clauses whose edition the agreement does not state.
        SccEditionNotStated = "scc-edition-not-stated",
        /// Binding corporate rules (art. 47).
        Bcr = "bcr",
        /// An approved code of conduct with general validity in the Union,
        /// with the recipient's binding and enforceable commitments (art.
        /// 46(2)(e), 40(3)); which code is in `code_of_conduct`.
        CodeOfConduct = "code-of-conduct",
        /// An approved certification mechanism, with the recipient's binding
        /// and enforceable commitments (art. 46(2)(f), 42(2)); which
        /// certificate is in `transfer_certification`.
        Certification = "certification",
        /// Contractual clauses authorised by the competent supervisory
        /// authority (art. 46(3)(a)); which authorisation is in `ad_hoc_clauses`.
        AdHocClauses = "ad-hoc-clauses",
        /// The EU-US Privacy Shield (Decision (EU) 2016/1250; invalid from 2020-07-16, C-311/18).
        PrivacyShield = "privacy-shield",
        /// Safe Harbour (Decision 2000/520/EC; invalid from 2015-10-06, C-362/14).
        SafeHarbour = "safe-harbour",
        /// Art. 49(1)(a): explicit consent.
        DerogationConsent = "derogation-consent",
        /// Art. 49(1)(b): necessary for a contract with the data subject.
        DerogationContractWithDataSubject = "derogation-contract-with-data-subject",
        /// Art. 49(1)(c): necessary for a contract in the data subject's interest.
        DerogationContractInInterest = "derogation-contract-in-interest",
        /// Art. 49(1)(d): important reasons of public interest.
        DerogationPublicInterest = "derogation-public-interest",
        /// Art. 49(1)(e): legal claims.
        DerogationLegalClaims = "derogation-legal-claims",
        /// Art. 49(1)(f): vital interests.
        DerogationVitalInterests = "derogation-vital-interests",
        /// Art. 49(1)(g): transfer from a public register.
        DerogationPublicRegister = "derogation-public-register",
        /// Art. 49(1), second subparagraph: compelling legitimate interests.
        DerogationResidual = "derogation-residual",
    }
}
