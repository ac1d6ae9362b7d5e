//! Engaging and changing sub-processors (clause 2.8 / 8; GDPR art. 28(2),
//! 28(4)): the sub-processor policy, with the provenance of its terms on
//! changes (issue 15 point 2).

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

use super::{Provenance, ProvenanceKind, is_false};
use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, Text};

/// Engaging and changing sub-processors (clause 2.8 / 8; GDPR art. 28(2), 28(4)).
///
/// `provenance` says where the terms on changes (notice of a change, the
/// client's objection) came from ([`Provenance`]); with
/// `provenance = "not-stated"` the document does not say whether changes
/// are notified or the client may object: `changes_notified` and
/// `client_may_object` are then absent (giving one is an error naming it),
/// `check` reports `term-not-stated` (GDPR art. 28(2)) and the objection
/// deadline says the right is not stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "SubProcessorPolicyRepr", into = "SubProcessorPolicyRepr")]
#[non_exhaustive]
pub struct SubProcessorPolicy {
    /// General or specific prior written authorisation.
    pub authorisation: Authorisation,
    /// Whether changes are notified; `None` when the document does not say
    /// (`provenance` is then [`Provenance::NotStated`]).
    pub changes_notified: Option<bool>,
    /// Whether the client may object to a change; `None` when the document
    /// does not say (`provenance` is then [`Provenance::NotStated`]).
    pub client_may_object: Option<bool>,
    /// Where the terms on changes came from.
    pub provenance: Provenance,
    /// Whether sub-processors commit to the same security level.
    pub same_security_level: bool,
    /// Whether the agreement states that the processor stays liable for its
    /// sub-processors (GDPR art. 28(4) makes it liable in any case).
    pub processor_remains_liable: bool,
    /// Whether the agreement makes that liability subject to the agreed
    /// limitation of liability (Belco's added clause 2.8.4: "met inachtneming
    /// van de tussen partijen overeengekomen beperking van de
    /// aansprakelijkheid"), which GDPR art. 28(4), second sentence, does not
    /// allow towards the controller: a finding.
    pub liability_subject_to_limits: bool,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The document form of [`SubProcessorPolicy`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = sub_processor_policy_schema)]
#[serde(deny_unknown_fields)]
struct SubProcessorPolicyRepr {
    /// General or specific prior written authorisation.
    authorisation: Authorisation,
    /// Whether changes are notified (absent only with
    /// `provenance = "not-stated"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    changes_notified: Option<bool>,
    /// Whether the client may object to a change (absent only with
    /// `provenance = "not-stated"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_may_object: Option<bool>,
    /// Where the terms on changes came from: `stated` (the default),
    /// `standard`, `assumed` (with `reason`) or `not-stated` (then no
    /// `changes_notified` and no `client_may_object`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the terms on changes (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the terms on changes, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Whether sub-processors commit to the same security level.
    same_security_level: bool,
    /// Whether the agreement states that the processor stays liable for its
    /// sub-processors (GDPR art. 28(4) makes it liable in any case).
    processor_remains_liable: bool,
    /// Whether the agreement makes that liability subject to the agreed
    /// limitation of liability (Belco's added clause 2.8.4), which GDPR art.
    /// 28(4), second sentence, does not allow towards the controller.
    #[serde(default, skip_serializing_if = "is_false")]
    liability_subject_to_limits: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<SubProcessorPolicyRepr> for SubProcessorPolicy {
    type Error = Error;
    fn try_from(r: SubProcessorPolicyRepr) -> Result<Self, Error> {
        let given = Provenance::given_key(&[
            ("changes_notified", r.changes_notified.is_some()),
            ("client_may_object", r.client_may_object.is_some()),
        ]);
        let missing = |key: &str| {
            Error::invalid_value(field_message(
                key,
                format!(
                    "`{key}` is missing: give whether changes of sub-processors are notified (`changes_notified`) and whether the client may object (`client_may_object`), or `provenance = \"not-stated\"` where the statement does not say"
                ),
            ))
        };
        let provenance = Provenance::read(r.provenance, r.reason, r.quote, given, || {
            missing("changes_notified")
        })?;
        match (r.changes_notified, r.client_may_object) {
            (None, Some(_)) => return Err(missing("changes_notified")),
            (Some(_), None) => return Err(missing("client_may_object")),
            _ => {}
        }
        Ok(SubProcessorPolicy {
            authorisation: r.authorisation,
            changes_notified: r.changes_notified,
            client_may_object: r.client_may_object,
            provenance,
            same_security_level: r.same_security_level,
            processor_remains_liable: r.processor_remains_liable,
            liability_subject_to_limits: r.liability_subject_to_limits,
            source: r.source,
        })
    }
}

impl From<SubProcessorPolicy> for SubProcessorPolicyRepr {
    fn from(p: SubProcessorPolicy) -> Self {
        let (provenance, reason, quote) = p.provenance.to_keys();
        SubProcessorPolicyRepr {
            authorisation: p.authorisation,
            changes_notified: p.changes_notified,
            client_may_object: p.client_may_object,
            provenance,
            reason,
            quote,
            same_security_level: p.same_security_level,
            processor_remains_liable: p.processor_remains_liable,
            liability_subject_to_limits: p.liability_subject_to_limits,
            source: p.source,
        }
    }
}

/// `changes_notified` and `client_may_object` both, unless not stated.
fn sub_processor_policy_schema(schema: &mut Schema) {
    super::terms::provenance_schema_all(schema, &["changes_notified", "client_may_object"]);
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
