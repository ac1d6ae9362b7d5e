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

use crate::error::Error;
use crate::macros::spelled_enum;
use crate::values::MonthRule;
use crate::values::TimeZoneName;
use crate::values::UndueDelayHours;

mod audit_period;
mod breach;
mod clauses;
mod costs;
mod document;
mod provenance;
mod references;
mod safeguards;
mod service_level;
mod statement;
mod sub_processor;
mod sub_processor_policy;
mod terms;

pub use audit_period::*;
pub use breach::*;
pub use clauses::*;
pub use costs::*;
pub(crate) use document::check_parts;
pub use document::{Document, DocumentPart};
pub use provenance::*;
pub use safeguards::*;
pub use service_level::*;
pub use statement::*;
pub use sub_processor::*;
pub use sub_processor_policy::*;
pub use terms::*;

pub(crate) fn is_false(b: &bool) -> bool {
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
/// assert_eq!(a.terms.deletion.term.unwrap().to_string(), "3 months");
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
    /// Which parts of the Data Pro Code the document holds (`[document]
    /// parts`); absent, both.
    #[serde(default, skip_serializing_if = "Document::is_whole")]
    pub document: Document,
}

/// The version of the file format. Only `1` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "i64")]
pub struct FormatVersion(());

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = crate::values::whole_number(d, "the format version 1, a whole number")?;
        FormatVersion::try_from(n).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }
    /// A whole number from 1 to 1: the range, with no `format` (the integer
    /// formats schemars gives Rust's integer types, `uint8` and the like,
    /// are not in JSON Schema's list, and strict validators refuse them).
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The version of the file format. Only `1` exists.",
            "type": "integer",
            "minimum": 1,
            "maximum": 1
        })
    }
}

impl FormatVersion {
    /// The format version this library reads and writes.
    pub const CURRENT: FormatVersion = FormatVersion(());
}

impl TryFrom<i64> for FormatVersion {
    type Error = Error;
    fn try_from(n: i64) -> Result<Self, Error> {
        if n == 1 {
            Ok(FormatVersion(()))
        } else {
            Err(Error::invalid_value(format!(
                "format version {n} is not supported: this library reads version 1"
            )))
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
    /// What the lift of a legal hold does to the deletion deadline it
    /// suspended (clause 2.6.5 / 6.5 do not say). Default: `at-once` — the
    /// clauses set aside the deletion duty only while a statutory rule
    /// prevents deletion and allow processing only as far as that rule
    /// requires, and neither they nor GDPR art. 28(3)(g) grant a term after
    /// it; so the data is due for deletion on the lift (or by the original
    /// date, if that is later).
    #[serde(default)]
    pub legal_hold_lift: LegalHoldLift,
    /// Hours after a breach is discovered past which a notice owed "without
    /// undue delay" (no fixed term) is reported `late`, 1 to 72. Default:
    /// `72` — the latest bound: by then the controller's own 72 hours to
    /// notify the supervisory authority (GDPR art. 33(1)) would be spent had
    /// it known of the breach when the processor did.
    #[serde(default)]
    pub undue_delay_bound_hours: UndueDelayHours,
}

spelled_enum! {
    /// What the lift of a legal hold does to the deletion deadline it
    /// suspended (clause 2.6.5 / 6.5; docs/rules.md, "The timeline"). A hold
    /// placed after the deletion term ran out leaves no term to resume or
    /// restart: under every reading the deletion is then due on the lift.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum LegalHoldLift ("legal hold lift") {
        /// Due at once: on the lift date, or on the original date if that is
        /// later (the default; see [`Rules::legal_hold_lift`]).
        #[default]
        AtOnce = "at-once",
        /// The term stops while the hold lasts and the days of it left when
        /// the hold was placed (all of it, for a hold placed before the
        /// termination) run from the lift: the original date plus the days
        /// the hold was in place during the term.
        RemainingTerm = "remaining-term",
        /// The whole term runs again from the lift, as if the agreement had
        /// ended on that day.
        FullTerm = "full-term",
    }
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
