//! What the processor may charge for its assistance, per context: the
//! standard clauses allow costs in several places, each with its own words
//! (breach assistance clause 2.4.3 / 4.4, deletion and return 2.6.4 / 6.4,
//! the rights of data subjects, DPIAs and audits 2.7.6 / 7.7, extra security
//! measures 2.3.6 / 3.6), and a processor may state a rate for one of them
//! only (Belco's EUR 120 an hour is stated "in dit kader", for breach
//! assistance).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;
use crate::error::Error;
use crate::limits::MAX_LIST_ITEMS;
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, EurCents, Text};

/// The cost terms of an agreement, at most one per [`CostContext`], in the
/// order the file lists them.
///
/// ```
/// use dpa_core::model::{CostContext, CostTerms};
/// let costs: CostTerms = serde_json::from_str(
///     r#"[{"context": "breach-assistance", "basis": "stated-hourly-rate",
///          "hourly_rate_eur_cents": 12000, "source": ["clause 2.4.3"]}]"#,
/// )?;
/// let breach = costs.get(CostContext::BreachAssistance).unwrap();
/// assert_eq!(breach.hourly_rate_eur_cents.unwrap().to_string(), "EUR 120.00");
/// assert!(costs.get(CostContext::Audits).is_none()); // not stated
/// let twice = serde_json::from_str::<CostTerms>(
///     r#"[{"context": "audits", "basis": "costs-incurred", "source": ["clause 2.7.6"]},
///         {"context": "audits", "basis": "costs-incurred", "source": ["clause 2.7.4"]}]"#,
/// );
/// assert!(twice.unwrap_err().to_string().contains("[1].context: `audits` is listed twice"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "Vec<Costs>", into = "Vec<Costs>")]
pub struct CostTerms(Vec<Costs>);

impl CostTerms {
    /// Makes the cost terms.
    ///
    /// # Errors
    /// When a context is listed twice, the list is longer than
    /// [`MAX_LIST_ITEMS`], or an entry's rate does not fit its basis (a
    /// `stated-hourly-rate` needs `hourly_rate_eur_cents`; no other basis
    /// takes one); the message names the entry.
    pub fn new(terms: Vec<Costs>) -> Result<CostTerms, Error> {
        if terms.len() > MAX_LIST_ITEMS {
            return Err(Error::invalid_value(format!(
                "has {} entries, more than the limit of {MAX_LIST_ITEMS}",
                terms.len()
            )));
        }
        for (i, c) in terms.iter().enumerate() {
            if let Some(j) = terms[..i].iter().position(|p| p.context == c.context) {
                return Err(Error::invalid_value(format!(
                    "[{i}].context: `{}` is listed twice (also at [{j}]); give one entry per context",
                    c.context
                )));
            }
            match (c.basis, c.hourly_rate_eur_cents) {
                (CostBasis::StatedHourlyRate, None) => {
                    return Err(Error::invalid_value(format!(
                        "[{i}].hourly_rate_eur_cents: the basis `stated-hourly-rate` needs the rate the agreement states"
                    )));
                }
                (basis, Some(_)) if basis != CostBasis::StatedHourlyRate => {
                    return Err(Error::invalid_value(format!(
                        "[{i}].hourly_rate_eur_cents: a rate is stated, so the basis is `stated-hourly-rate`, not `{basis}`"
                    )));
                }
                _ => {}
            }
        }
        Ok(CostTerms(terms))
    }

    /// The entries, in the file's order.
    pub fn entries(&self) -> &[Costs] {
        &self.0
    }

    /// The cost term for `context`, if the agreement states one.
    pub fn get(&self, context: CostContext) -> Option<&Costs> {
        self.0.iter().find(|c| c.context == context)
    }

    /// Whether the agreement states no cost terms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TryFrom<Vec<Costs>> for CostTerms {
    type Error = Error;
    fn try_from(v: Vec<Costs>) -> Result<Self, Error> {
        CostTerms::new(v)
    }
}

impl From<CostTerms> for Vec<Costs> {
    fn from(c: CostTerms) -> Self {
        c.0
    }
}

/// What the processor may charge in one context of assistance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Costs {
    /// The assistance the costs are for.
    pub context: CostContext,
    /// How costs are charged.
    pub basis: CostBasis,
    /// The hourly rate, where the agreement states one (then the basis is
    /// `stated-hourly-rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_rate_eur_cents: Option<EurCents>,
    /// Whether an estimate of the maximum cost is given first.
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimate_first: bool,
    /// Whether the client's approval is asked before the estimate is exceeded.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approval_above_estimate: bool,
    /// Whether the costs are made known before the work is done (without an
    /// estimate of the maximum).
    #[serde(default, skip_serializing_if = "is_false")]
    pub announced_in_advance: bool,
    /// What the costs cover, where the text limits it (e.g. "niet standaard
    /// ondersteuning").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the agreement says so: the clauses about *this* context only.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

spelled_enum! {
    /// The assistance a cost term is for.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum CostContext ("cost context") {
        /// Assistance with a personal data breach (clause 2.4.3 / 4.4).
        BreachAssistance = "breach-assistance",
        /// Deletion and return of the data at the end (clause 2.6.4 / 6.4).
        DeletionAndReturn = "deletion-and-return",
        /// Audits and the information to demonstrate compliance (clause 2.7.6 / 7.7).
        Audits = "audits",
        /// A data protection impact assessment and prior consultation
        /// (clause 2.7.6 / 7.7).
        Dpia = "dpia",
        /// Requests of data subjects (clause 2.7.6 / 7.7).
        DataSubjectRequests = "data-subject-requests",
        /// Extra security measures the client asks for (clause 2.3.6 / 3.6).
        ExtraSecurity = "extra-security",
    }
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
        /// The costs the processor incurs, no rate stated and not limited to
        /// reasonable ones ("eventuele kosten die hij maakt").
        CostsIncurred = "costs-incurred",
    }
}
