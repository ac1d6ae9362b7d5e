//! The Data Pro Statement (part 1 of the Data Pro Code): what the
//! processor states about itself, its versions, products, declarations,
//! assistance, security and certifications.

use super::{ServiceLevel, SubProcessor, SubProcessorList, SubProcessorsByReference, is_false};
use crate::error::Error;
use crate::limits::MAX_LIST_ITEMS;
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, Country, DateOrder, Location, StatedDate, Text, Version};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The Data Pro Statement: what the processor states about itself, its
/// products, sub-processors and measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Statement {
    /// The current version of the statement.
    pub version: Version,
    /// The date this version took effect, as the statement states it: a
    /// day, or only a month or a year ([`StatedDate`]; docs/rules.md, "Dates
    /// as stated").
    pub effective_date: StatedDate,
    /// The template the statement was filled in on, where it says
    /// (e.g. "NLdigital Data Pro Statement, March 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Text>,
    /// Every version with its date and change notes, oldest first.
    #[serde(default)]
    pub history: History,
    /// Who the processor is.
    pub processor: Processor,
    /// The products and services the statement applies to.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub products: Vec<Product>,
    /// What the products are designed and intended for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_use: Option<Described>,
    /// Whether the products are designed for special categories of data.
    pub special_categories: SpecialCategories,
    /// Privacy by design and by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_by_design: Option<Measures>,
    /// Where personal data is processed, as the statement says in general.
    pub processing_locations: ProcessingLocations,
    /// When and how the processor's staff may access the client's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_access: Option<Described>,
    /// Services the client chooses or connects itself, which the statement
    /// says are not the processor's sub-processors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_chosen_services: Option<Described>,
    /// The sub-processors the processor engages.
    #[serde(deserialize_with = "crate::limits::sub_processors", default)]
    #[schemars(length(max = crate::limits::MAX_SUB_PROCESSORS))]
    pub sub_processors: Vec<SubProcessor>,
    /// Where the statement keeps its sub-processor list, when it refers to
    /// one ("see our website") instead of or besides listing them:
    /// transfers of sub-processors named only there cannot be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_processors_by_reference: Option<SubProcessorsByReference>,
    /// Where the sub-processor list came from, where the file says so
    /// ([`SubProcessorList`]; absent: stated). With `not-stated` the
    /// statement names no sub-processors: `sub_processors` is empty and no
    /// list is kept by reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_processor_list: Option<SubProcessorList>,
    /// How the processor helps with data-subject requests.
    pub data_subject_requests: Assistance,
    /// How the processor cooperates with a DPIA (GDPR art. 35-36).
    pub dpia: Assistance,
    /// Security measures and the information security basis.
    pub security: Security,
    /// Certifications held or applied for.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub certifications: Vec<Certification>,
    /// Service level and reachability, where the statement sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_level: Option<ServiceLevel>,
}

impl Statement {
    /// Whether the statement does not state its sub-processors
    /// (`[statement.sub_processor_list] provenance = "not-stated"`).
    pub fn sub_processors_not_stated(&self) -> bool {
        self.sub_processor_list
            .as_ref()
            .is_some_and(|l| l.provenance.is_not_stated())
    }

    /// The check that a list the statement does not state has no entries:
    /// `Err((path, message))` naming the key at fault.
    pub(crate) fn check_sub_processor_list(&self) -> Result<(), (String, String)> {
        if !self.sub_processors_not_stated() {
            return Ok(());
        }
        if !self.sub_processors.is_empty() {
            return Err((
                "statement.sub_processors".to_owned(),
                format!(
                    "`statement.sub_processor_list` says the statement does not state its sub-processors, but {} are listed here: remove them or give the list's provenance",
                    self.sub_processors.len()
                ),
            ));
        }
        if self.sub_processors_by_reference.is_some() {
            return Err((
                "statement.sub_processors_by_reference".to_owned(),
                "`statement.sub_processor_list` says the statement does not state its sub-processors, but a list kept by reference is given: remove one of them".to_owned(),
            ));
        }
        Ok(())
    }
}

/// One version of the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct VersionRecord {
    /// The version number.
    pub version: Version,
    /// The date of the version, as the history states it: a day, a month
    /// or a year ([`StatedDate`]).
    pub date: StatedDate,
    /// The change notes of this version (since the one before).
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub changes: Vec<Text>,
}

/// The version history: versions unique, and both versions and dates
/// ascending in list order (a value that exists keeps this). A date stated
/// to the month or year is out of order only when it is certainly before the
/// one above it ([`DateOrder::Before`]): `2023` after `2023-03-15` may be in
/// order, and is accepted.
///
/// ```
/// use dpa_core::model::History;
/// let h: History = serde_json::from_str(
///     r#"[{"version": "1.2", "date": "2021-11-03"}, {"version": "1.3", "date": "2022-01-04"}]"#,
/// )?;
/// assert_eq!(h.len(), 2);
/// let dup = serde_json::from_str::<History>(
///     r#"[{"version": "1.3", "date": "2021-11-03"}, {"version": "1.3", "date": "2022-01-04"}]"#,
/// );
/// assert!(dup.is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "Vec<VersionRecord>", into = "Vec<VersionRecord>")]
pub struct History(Vec<VersionRecord>);

impl History {
    /// Makes a history.
    ///
    /// # Errors
    /// When a version appears twice, or the list is not in ascending order of
    /// version and date; the message names the entry.
    pub fn new(records: Vec<VersionRecord>) -> Result<History, Error> {
        if records.len() > MAX_LIST_ITEMS {
            return Err(Error::invalid_value(format!(
                "has {} entries, more than the limit of {MAX_LIST_ITEMS}",
                records.len()
            )));
        }
        for (i, r) in records.iter().enumerate() {
            if let Some(j) = records[..i].iter().position(|p| p.version == r.version) {
                return Err(Error::invalid_value(format!(
                    "[{i}].version: version {} appears twice (also at [{j}])",
                    r.version
                )));
            }
            if i > 0 {
                let p = &records[i - 1];
                if r.version < p.version {
                    return Err(Error::invalid_value(format!(
                        "[{i}].version: version {} comes after {}; list versions oldest first",
                        r.version, p.version
                    )));
                }
                if r.date.order(p.date) == DateOrder::Before {
                    return Err(Error::invalid_value(format!(
                        "[{i}].date: version {} is dated {} before version {} ({}); versions must be ordered by date",
                        r.version, r.date, p.version, p.date
                    )));
                }
            }
        }
        Ok(History(records))
    }

    /// The versions, oldest first.
    pub fn records(&self) -> &[VersionRecord] {
        &self.0
    }

    /// The number of versions.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no version is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The record of `version`, if listed.
    pub fn get(&self, version: &Version) -> Option<&VersionRecord> {
        self.0.iter().find(|r| &r.version == version)
    }
}

impl TryFrom<Vec<VersionRecord>> for History {
    type Error = Error;
    fn try_from(v: Vec<VersionRecord>) -> Result<Self, Error> {
        History::new(v)
    }
}

impl From<History> for Vec<VersionRecord> {
    fn from(h: History) -> Self {
        h.0
    }
}

/// The processor's identity (DPS 1.1 / "Algemene informatie").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Processor {
    /// The legal name.
    pub name: Text,
    /// The trade name used in the text, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<Text>,
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Text>,
    /// The postal address.
    pub address: Address,
    /// Chamber of commerce (KvK) number, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chamber_of_commerce: Option<Text>,
    /// VAT number, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<Text>,
    /// Who to ask about the statement or data protection.
    pub privacy_contact: Contact,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Address {
    /// Street and number.
    pub street: Text,
    /// Postal code.
    pub postal_code: Text,
    /// City.
    pub city: Text,
    /// Country.
    pub country: Country,
}

/// A contact point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Contact {
    /// A person's name, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The person's role, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Telephone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
}

/// A product or service in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Product {
    /// The name.
    pub name: Text,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A statement in the agreement's own words, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Described {
    /// What the agreement says (summarised or quoted).
    pub text: Text,
    /// Where it says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// A list of measures, with where they come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Measures {
    /// The measures.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub measures: Vec<Text>,
    /// Where the agreement states them.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// What a statement declares about a kind of sensitive data.
    #[non_exhaustive]
    pub enum Declaration ("declaration") {
        /// The product is not designed or set up for this kind of data.
        NotDesignedFor = "not-designed-for",
        /// The product is designed for this kind of data.
        DesignedFor = "designed-for",
        /// Only specific (custom) applications are set up for it.
        SpecificApplicationsOnly = "specific-applications-only",
        /// The statement says nothing about this kind of data.
        NotStated = "not-stated",
    }
}

/// The declaration on special categories of personal data (GDPR art. 9),
/// criminal-conviction data (art. 10) and government-issued personal
/// identification numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpecialCategories {
    /// Special categories of personal data (GDPR art. 9).
    pub art9: Declaration,
    /// Personal data relating to criminal convictions and offences (GDPR art. 10).
    pub art10: Declaration,
    /// Personal identification numbers issued by the government (BSN).
    pub government_identifiers: Declaration,
    /// What else the statement says about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the statement declares it.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Where personal data is processed, in general.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProcessingLocations {
    /// The locations.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub locations: Vec<Location>,
    /// Whether the statement says some processing happens outside the EEA.
    pub transfers_outside_eea: bool,
    /// What else the statement says about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the statement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// A duty to assist the client, with its conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Assistance {
    /// Whether the processor assists.
    pub assists: bool,
    /// How.
    pub description: Text,
    /// Whether costs are announced before the work is done.
    #[serde(default, skip_serializing_if = "is_false")]
    pub costs_announced_in_advance: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Security measures and their basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Security {
    /// What the processor warrants about its measures (clause 2.4.1 / 4.1).
    pub warranty: SecurityWarranty,
    /// The technical and organisational measures (GDPR art. 32).
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub measures: Vec<Text>,
    /// The information security management basis, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isms: Option<Text>,
    /// Where the agreement states them.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// What the processor warrants about its security measures.
    #[non_exhaustive]
    pub enum SecurityWarranty ("security warranty") {
        /// The standard text: the processor does not warrant that the measures
        /// are effective under all circumstances ("staat er niet voor in dat de
        /// beveiligingsmaatregelen onder alle omstandigheden doeltreffend zijn").
        NotWarranted = "not-warranted",
        /// The processor warrants that the measures are adequate under all
        /// circumstances ("staat er voor in ... adequaat").
        AdequateUnderAllCircumstances = "adequate-under-all-circumstances",
    }
}

/// A certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Certification {
    /// The name (e.g. "ISO/IEC 27001", "Data Pro Verified").
    pub name: Text,
    /// Held or applied for.
    pub status: CertificationStatus,
    /// Who holds it, when not the processor itself (e.g. a sub-processor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Text>,
    /// The certifying or supervising body, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Text>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// Whether a certification is held.
    #[non_exhaustive]
    pub enum CertificationStatus ("certification status") {
        /// Held.
        Held = "held",
        /// Applied for; the application is pending.
        Pending = "pending",
    }
}
