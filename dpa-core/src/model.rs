//! The agreement model: [`Agreement`] = [`Statement`] (the processor's Data
//! Pro Statement) + [`StandardClauses`] (an edition of the standard clauses
//! plus the processor's deviations from it), with the operative [`Terms`]
//! the two set together and the [`Rules`] for computing with them.
//!
//! Every struct here is made of validated values (see [`crate::values`]), so
//! a value that exists is valid. Structs are `#[non_exhaustive]`: read them
//! from a document with [`Agreement::from_toml`] or [`Agreement::from_json`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::MonthRule;
use crate::limits::MAX_LIST_ITEMS;
use crate::macros::spelled_enum;
use crate::values::{
    ClauseRef, Count, Country, Days, EurCents, Hours, Location, Months, Text, TimeZoneName,
    Version, iso_date,
};

fn is_false(b: &bool) -> bool {
    !*b
}

// ---------------------------------------------------------------------------
// The agreement

/// A data processing agreement (verwerkersovereenkomst, GDPR art. 28(3)) in
/// the NLdigital Data Pro Code form.
///
/// ```
/// use dpa_core::Agreement;
/// let text = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../examples/agreements/belco.toml"
/// ))?;
/// let a = Agreement::from_toml(&text)?;
/// assert_eq!(a.statement.processor.name.as_str(), "Belco B.V.");
/// assert_eq!(a.terms.deletion.months.get(), 3);
/// assert_eq!(a.statement.sub_processors.len(), 14);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// The version of the file format; `1`.
    pub dpa_format: FormatVersion,
    /// How the library computes with the terms (month rule, business days,
    /// time zone).
    pub rules: Rules,
    /// The Data Pro Statement (part 1).
    pub statement: Statement,
    /// The standard clauses (part 2): edition and deviations.
    pub clauses: StandardClauses,
    /// The operative terms, each citing the statement item and clause it comes from.
    pub terms: Terms,
}

/// The version of the file format. Only `1` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "i64", into = "i64")]
#[schemars(with = "FormatVersionSchema")]
pub struct FormatVersion(());

#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(
    dead_code,
    reason = "read only by the schemars derive, which builds the schema from the type"
)]
struct FormatVersionSchema(#[schemars(range(min = 1, max = 1))] u8);

impl FormatVersion {
    /// The format version this library reads and writes.
    pub const CURRENT: FormatVersion = FormatVersion(());
}

impl TryFrom<i64> for FormatVersion {
    type Error = String;
    fn try_from(n: i64) -> Result<Self, String> {
        if n == 1 {
            Ok(FormatVersion(()))
        } else {
            Err(format!(
                "format version {n} is not supported: this library reads version 1"
            ))
        }
    }
}

impl From<FormatVersion> for i64 {
    fn from(_: FormatVersion) -> i64 {
        1
    }
}

// ---------------------------------------------------------------------------
// Rules

/// How the library computes with the agreement's terms. Every field has a
/// documented default, and the files write each one out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rules {
    /// Adding calendar months (docs/rules.md rule 1). Default: `clamp`.
    #[serde(default)]
    pub month_rule: MonthRule,
    /// Whether a day or month deadline that ends on a Saturday, Sunday or
    /// Dutch public holiday moves to the next business day (docs/rules.md rule 5,
    /// Algemene termijnenwet). Default: `off` — by law the Atw covers only
    /// statutory terms, so parties must opt in.
    #[serde(default)]
    pub business_days: BusinessDayRule,
    /// The processor's time zone: date deadlines end at 24:00 there.
    /// Default: `Europe/Amsterdam`.
    #[serde(default)]
    pub time_zone: TimeZoneName,
}

spelled_enum! {
    /// Whether deadlines move off weekends and public holidays.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum BusinessDayRule ("business day rule") {
        /// Deadlines stay where the arithmetic puts them (the default).
        #[default]
        Off = "off",
        /// The Algemene termijnenwet calendar, agreed by the parties: a day or
        /// month term ending on a Saturday, Sunday or Atw art. 3 holiday moves to
        /// the next day that is none of those. Hour terms never move.
        NlAtw = "nl-atw",
    }
}

// ---------------------------------------------------------------------------
// The statement

/// The Data Pro Statement: what the processor states about itself, its
/// products, sub-processors and measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Statement {
    /// The current version of the statement.
    pub version: Version,
    /// The date this version took effect.
    #[serde(with = "iso_date")]
    #[schemars(schema_with = "iso_date::schema")]
    pub effective_date: Date,
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

/// One version of the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct VersionRecord {
    /// The version number.
    pub version: Version,
    /// The date of the version.
    #[serde(with = "iso_date")]
    #[schemars(schema_with = "iso_date::schema")]
    pub date: Date,
    /// The change notes of this version (since the one before).
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub changes: Vec<Text>,
}

/// The version history: versions unique, and both versions and dates
/// ascending in list order (a value that exists keeps this).
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
    pub fn new(records: Vec<VersionRecord>) -> Result<History, String> {
        if records.len() > MAX_LIST_ITEMS {
            return Err(format!(
                "has {} entries, more than the limit of {MAX_LIST_ITEMS}",
                records.len()
            ));
        }
        for (i, r) in records.iter().enumerate() {
            if let Some(j) = records[..i].iter().position(|p| p.version == r.version) {
                return Err(format!(
                    "[{i}].version: version {} appears twice (also at [{j}])",
                    r.version
                ));
            }
            if i > 0 {
                let p = &records[i - 1];
                if r.version < p.version {
                    return Err(format!(
                        "[{i}].version: version {} comes after {}; list versions oldest first",
                        r.version, p.version
                    ));
                }
                if r.date < p.date {
                    return Err(format!(
                        "[{i}].date: version {} is dated {} before version {} ({}); versions must be ordered by date",
                        r.version,
                        iso_date::format(r.date),
                        p.version,
                        iso_date::format(p.date)
                    ));
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
    type Error = String;
    fn try_from(v: Vec<VersionRecord>) -> Result<Self, String> {
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
    /// Whether the file marks the recipient as certified under the EU-US
    /// Data Privacy Framework (on the DPF List).
    #[serde(default, skip_serializing_if = "is_false")]
    pub dpf_certified: bool,
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

impl SubProcessor {
    /// The locations outside the EEA.
    pub fn locations_outside_eea(&self) -> impl Iterator<Item = Location> + '_ {
        self.locations.iter().copied().filter(|l| !l.is_in_eea())
    }
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

/// Service level and reachability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ServiceLevel {
    /// Whether a standard SLA is offered.
    pub standard_sla: bool,
    /// Office hours, local time in the processor's time zone.
    pub office_hours: OfficeHours,
    /// The response to a low-impact incident.
    pub low_impact_response: Response,
    /// The response to a high-impact incident.
    pub high_impact_response: Response,
    /// Where the statement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Office hours: from `start` to `end` (whole minutes, `start` before `end`)
/// on `days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    deny_unknown_fields,
    try_from = "OfficeHoursRepr",
    into = "OfficeHoursRepr"
)]
#[schemars(with = "OfficeHoursRepr")]
pub struct OfficeHours {
    start: time::Time,
    end: time::Time,
    days: OfficeDays,
}

impl OfficeHours {
    /// Makes office hours.
    ///
    /// # Errors
    /// When a time is not a whole minute, or `end` is not after `start`.
    pub fn new(start: time::Time, end: time::Time, days: OfficeDays) -> Result<Self, String> {
        for (name, t) in [("start", start), ("end", end)] {
            if t.second() != 0 || t.nanosecond() != 0 {
                return Err(format!("{name} must be a whole minute"));
            }
        }
        if end <= start {
            return Err(format!(
                "end {:02}:{:02} must be after start {:02}:{:02}",
                end.hour(),
                end.minute(),
                start.hour(),
                start.minute()
            ));
        }
        Ok(OfficeHours { start, end, days })
    }

    /// Opening time, local.
    pub fn start(&self) -> time::Time {
        self.start
    }

    /// Closing time, local.
    pub fn end(&self) -> time::Time {
        self.end
    }

    /// The days office hours are kept.
    pub fn days(&self) -> OfficeDays {
        self.days
    }
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct OfficeHoursRepr {
    /// Opening time, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    start: String,
    /// Closing time, `HH:MM`, after `start`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    end: String,
    /// The days.
    days: OfficeDays,
}

fn parse_hh_mm(s: &str, field: &str) -> Result<time::Time, String> {
    let b = s.as_bytes();
    let ok = b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
    let parsed = ok
        .then(|| {
            let h = (b[0] - b'0') * 10 + (b[1] - b'0');
            let m = (b[3] - b'0') * 10 + (b[4] - b'0');
            time::Time::from_hms(h, m, 0).ok()
        })
        .flatten();
    parsed.ok_or_else(|| format!("{field}: `{}` is not a time of day HH:MM", s.escape_debug()))
}

impl TryFrom<OfficeHoursRepr> for OfficeHours {
    type Error = String;
    fn try_from(r: OfficeHoursRepr) -> Result<Self, String> {
        let start = parse_hh_mm(&r.start, "start")?;
        let end = parse_hh_mm(&r.end, "end")?;
        OfficeHours::new(start, end, r.days)
    }
}

impl From<OfficeHours> for OfficeHoursRepr {
    fn from(o: OfficeHours) -> Self {
        OfficeHoursRepr {
            start: format!("{:02}:{:02}", o.start.hour(), o.start.minute()),
            end: format!("{:02}:{:02}", o.end.hour(), o.end.minute()),
            days: o.days,
        }
    }
}

spelled_enum! {
    /// Which days office hours are kept.
    #[non_exhaustive]
    pub enum OfficeDays ("office days") {
        /// Monday to Friday.
        MondayToFriday = "monday-to-friday",
        /// Monday to Friday except Dutch public holidays (Atw art. 3).
        MondayToFridayExceptNlHolidays = "monday-to-friday-except-nl-holidays",
    }
}

spelled_enum! {
    /// How soon the processor works on an incident.
    #[non_exhaustive]
    pub enum Response ("response") {
        /// At once, around the clock.
        Immediately = "immediately",
        /// From the start of the next office hours.
        NextOfficeHours = "next-office-hours",
    }
}

// ---------------------------------------------------------------------------
// The standard clauses

/// The standard clauses (Standaardclausules voor verwerkingen): which edition,
/// and where the processor deviates from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StandardClauses {
    /// The edition the agreement uses.
    pub edition: Edition,
    /// How the agreement numbers the clauses. Default: `articles` (as the
    /// edition does: `6.3`).
    #[serde(default)]
    pub numbering: Numbering,
    /// The processor's deviations from the edition's text.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub deviations: Vec<Deviation>,
}

spelled_enum! {
    /// How an agreement numbers the standard clauses.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum Numbering ("numbering") {
        /// As the edition: article 6, paragraph 3 is `6.3`.
        #[default]
        Articles = "articles",
        /// Prefixed with the part number 2 (the statement being part 1): article
        /// 6, paragraph 3 is `2.6.3`.
        Part2Prefixed = "part-2-prefixed",
    }
}

impl Numbering {
    /// The agreement's number for article `article`, paragraph `paragraph`
    /// (`None` for the article as a whole).
    pub fn clause(self, article: u8, paragraph: Option<u8>) -> String {
        let prefix = match self {
            Numbering::Articles => "",
            Numbering::Part2Prefixed => "2.",
        };
        match paragraph {
            Some(p) => format!("{prefix}{article}.{p}"),
            None => format!("{prefix}{article}"),
        }
    }
}

spelled_enum! {
    /// An edition of the standard clauses.
    #[non_exhaustive]
    pub enum Edition ("edition") {
        /// The Nederland ICT standard clauses of the Data Pro Code as in use in
        /// 2019, articles 1-9; some processors number them 2.1-2.9 after the
        /// statement (part 1).
        NederlandIct2019 = "nederland-ict-2019",
        /// The NLdigital standard clauses, version March 2025 (articles 1-9).
        Nldigital2025 = "nldigital-2025",
    }
}

/// A deviation from the edition's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deviation {
    /// The clause concerned, in the agreement's own numbering.
    pub clause: ClauseRef,
    /// Whether the clause was modified, added or removed.
    pub kind: DeviationKind,
    /// What changed.
    pub summary: Text,
}

spelled_enum! {
    /// How a clause deviates from the edition.
    #[non_exhaustive]
    pub enum DeviationKind ("deviation kind") {
        /// The clause's text was changed.
        Modified = "modified",
        /// The clause is not in the edition.
        Added = "added",
        /// The edition's clause was left out.
        Removed = "removed",
    }
}

// ---------------------------------------------------------------------------
// The operative terms

/// The operative terms that statement and clauses set together. Each cites
/// the statement item and clause it comes from (`source`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Terms {
    /// Term and termination of the agreement.
    pub duration: Duration,
    /// Deletion after termination.
    pub deletion: Deletion,
    /// Return of data.
    pub return_of_data: ReturnOfData,
    /// The legal-retention exception to deletion and return.
    pub legal_retention: LegalRetention,
    /// Notice of a personal data breach to the client.
    pub breach: Breach,
    /// Costs of assistance.
    pub costs: Costs,
    /// Audit rights.
    pub audit: Audit,
    /// Changes to the statement.
    pub statement_changes: StatementChanges,
    /// Engaging and changing sub-processors.
    pub sub_processors: SubProcessorPolicy,
    /// Administrative fines imposed on the client.
    pub fines: Fines,
}

/// How long the agreement runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Duration {
    /// Whether it is concluded for an indefinite period.
    pub indefinite: bool,
    /// Whether it ends by operation of law when the main agreement ends.
    pub ends_with_main_agreement: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Deletion after termination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deletion {
    /// The term in calendar months after termination.
    pub months: Months,
    /// How firm the term is.
    pub firmness: Firmness,
    /// How backups are treated.
    pub backups: BackupDeletion,
    /// The backup cycle in days, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_cycle_days: Option<Days>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// How firm a stated term is.
    #[non_exhaustive]
    pub enum Firmness ("firmness") {
        /// "uiterlijk": at the latest.
        AtTheLatest = "at-the-latest",
        /// "in principe": as a rule, exceptions not spelled out.
        InPrinciple = "in-principle",
    }
}

spelled_enum! {
    /// How deletion treats backups.
    #[non_exhaustive]
    pub enum BackupDeletion ("backup deletion") {
        /// The agreement does not say.
        NotStated = "not-stated",
        /// Backups are deleted within the same term.
        WithinTerm = "within-term",
        /// Backups are deleted as the regular backup cycle rotates them out.
        PerBackupCycle = "per-backup-cycle",
    }
}

/// Return of data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReturnOfData {
    /// How the client gets its data back.
    pub method: ReturnMethod,
    /// Whether the format is machine-readable.
    pub machine_readable: bool,
    /// Whether the return happens before deletion.
    #[serde(default, skip_serializing_if = "is_false")]
    pub before_deletion: bool,
    /// Whether costs are announced before the work is done.
    #[serde(default, skip_serializing_if = "is_false")]
    pub costs_announced_in_advance: bool,
    /// The agreement's words.
    pub description: Text,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// How data is returned.
    #[non_exhaustive]
    pub enum ReturnMethod ("return method") {
        /// The client exports the data itself (e.g. through an API).
        SelfServiceExport = "self-service-export",
        /// The processor returns it on the client's request.
        OnRequest = "on-request",
        /// Only if the parties agreed on it.
        IfAgreed = "if-agreed",
        /// No return is offered.
        None = "none",
    }
}

/// The exception for statutory retention duties (clause 2.6.5 / 6.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegalRetention {
    /// Whether a statutory duty suspends deletion and return for the data it covers.
    pub suspends_deletion: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Breach notice to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Breach {
    /// When the client must be told.
    pub notice: NoticeTerm,
    /// How.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub channels: Vec<Channel>,
    /// What information the notice carries.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub information: Vec<Text>,
    /// Whether the processor itself notifies the supervisory authority or
    /// data subjects (GDPR art. 33-34 leave that to the controller).
    pub processor_notifies_authority: bool,
    /// Whether it helps the controller notify (clause 2.4.2 / 4.3).
    pub assists_controller: bool,
    /// Anything else the protocol says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// When a breach notice is due. Written as `{ kind = "within-hours", hours = 24 }`
/// or `{ kind = "without-undue-delay" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "NoticeTermRepr", into = "NoticeTermRepr")]
#[non_exhaustive]
pub enum NoticeTerm {
    /// At the latest this many hours after discovery.
    WithinHours {
        /// The hours.
        hours: Hours,
    },
    /// Without undue delay, with no fixed term (GDPR art. 33(2)).
    WithoutUndueDelay,
}

spelled_enum! {
    /// The kind of a [`NoticeTerm`].
    #[non_exhaustive]
    pub enum NoticeKind ("notice kind") {
        /// A fixed number of hours (`hours` required).
        WithinHours = "within-hours",
        /// Without undue delay (no `hours`).
        WithoutUndueDelay = "without-undue-delay",
    }
}

/// The document form of a [`NoticeTerm`]: a plain struct, so that an error
/// in `hours` keeps its field path.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NoticeTermRepr {
    kind: NoticeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours: Option<Hours>,
}

impl TryFrom<NoticeTermRepr> for NoticeTerm {
    type Error = String;
    fn try_from(r: NoticeTermRepr) -> Result<Self, String> {
        match (r.kind, r.hours) {
            (NoticeKind::WithinHours, Some(hours)) => Ok(NoticeTerm::WithinHours { hours }),
            (NoticeKind::WithinHours, None) => {
                Err("`hours` is required when kind = \"within-hours\"".to_owned())
            }
            (NoticeKind::WithoutUndueDelay, None) => Ok(NoticeTerm::WithoutUndueDelay),
            (NoticeKind::WithoutUndueDelay, Some(_)) => {
                Err("`hours` must not be given when kind = \"without-undue-delay\"".to_owned())
            }
        }
    }
}

impl From<NoticeTerm> for NoticeTermRepr {
    fn from(t: NoticeTerm) -> Self {
        match t {
            NoticeTerm::WithinHours { hours } => NoticeTermRepr {
                kind: NoticeKind::WithinHours,
                hours: Some(hours),
            },
            NoticeTerm::WithoutUndueDelay => NoticeTermRepr {
                kind: NoticeKind::WithoutUndueDelay,
                hours: None,
            },
        }
    }
}

spelled_enum! {
    /// A channel of notice.
    #[non_exhaustive]
    pub enum Channel ("channel") {
        /// By telephone.
        Phone = "phone",
        /// By e-mail.
        Email = "email",
        /// Through the known contact person.
        KnownContact = "known-contact",
    }
}

/// Costs of assistance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Costs {
    /// How costs are charged.
    pub basis: CostBasis,
    /// The hourly rate, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_rate_eur_cents: Option<EurCents>,
    /// Whether an estimate of the maximum cost is given first.
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimate_first: bool,
    /// Whether the client's approval is asked before the estimate is exceeded.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approval_above_estimate: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// How assistance is charged.
    #[non_exhaustive]
    pub enum CostBasis ("cost basis") {
        /// At the hourly rate the agreement states.
        StatedHourlyRate = "stated-hourly-rate",
        /// Reasonable costs at the processor's rates current at the time.
        CurrentRates = "current-rates",
        /// Reasonable costs, no rate stated.
        ReasonableCosts = "reasonable-costs",
    }
}

/// Audit rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Audit {
    /// The most audits per period.
    pub max_count: Count,
    /// Which reading of "per year" the file takes.
    pub period: AuditPeriod,
    /// Written notice before an audit, in days, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<Days>,
    /// Who pays for the audit.
    pub cost_bearer: Party,
    /// What the auditor must be.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub auditor_requirements: Vec<Text>,
    /// Conditions the client must meet before it may audit.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub preconditions: Vec<Text>,
    /// Whether the processor may refuse an auditor who does not meet its quality requirements.
    pub processor_may_refuse_auditor: bool,
    /// Whether the processor may refuse an audit or instruction it considers unlawful or an undue breach of its security.
    pub processor_may_refuse_unlawful_audit: bool,
    /// Whether a valid certificate or third-party memorandum may demonstrate compliance.
    pub certificate_may_demonstrate: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// A reading of "maximaal éénmaal per jaar".
    #[non_exhaustive]
    pub enum AuditPeriod ("audit period") {
        /// Per calendar year (1 January to 31 December).
        CalendarYear = "calendar-year",
        /// Per rolling twelve months from the previous audit.
        Rolling12Months = "rolling-12-months",
    }
}

spelled_enum! {
    /// A party to the agreement.
    #[non_exhaustive]
    pub enum Party ("party") {
        /// The client (opdrachtgever).
        Client = "client",
        /// The processor.
        Processor = "processor",
    }
}

/// Changes to the statement (clause 2.2.2 / 2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatementChanges {
    /// Whether significant changes are notified.
    pub significant_changes_notified: bool,
    /// Days after the notice within which the client may terminate.
    pub termination_window_days: Days,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Engaging and changing sub-processors (clause 2.8 / 8; GDPR art. 28(2), 28(4)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SubProcessorPolicy {
    /// General or specific prior written authorisation.
    pub authorisation: Authorisation,
    /// Whether changes are notified.
    pub changes_notified: bool,
    /// Whether the client may object to a change.
    pub client_may_object: bool,
    /// Whether sub-processors commit to the same security level.
    pub same_security_level: bool,
    /// Whether the agreement states that the processor stays liable for its
    /// sub-processors (GDPR art. 28(4) makes it liable in any case).
    pub processor_remains_liable: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// The kind of authorisation for sub-processors (GDPR art. 28(2)).
    #[non_exhaustive]
    pub enum Authorisation ("authorisation") {
        /// General written authorisation.
        General = "general",
        /// Specific prior written authorisation for each sub-processor.
        Specific = "specific",
    }
}

/// Fines imposed on the client by the supervisory authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Fines {
    /// When they can be recovered from the processor.
    pub recoverable: FineRecovery,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// When fines can be recovered from the processor.
    #[non_exhaustive]
    pub enum FineRecovery ("fine recovery") {
        /// Never.
        Never = "never",
        /// Only on intent or deliberate recklessness of the processor's management.
        IntentOrDeliberateRecklessness = "intent-or-deliberate-recklessness",
    }
}
