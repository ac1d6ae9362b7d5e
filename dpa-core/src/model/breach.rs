//! Notice of a personal data breach to the client (clause 2.4 / 4; DPS
//! item on incidents): the notice term, with its provenance, and the
//! channels.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Provenance, ProvenanceKind, is_false};
use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::{ClauseRef, ElapsedTerm, ElapsedUnit, Hours, Text};

/// Breach notice to the client.
///
/// `provenance` says where the notice term came from ([`Provenance`]); with
/// `provenance = "not-stated"` the term is absent and no breach-notice
/// deadline is computed (issue 15 point 2; GDPR art. 28(3)(f) with art. 33
/// requires the processor's assistance with notification, so `check`
/// reports it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "BreachRepr", into = "BreachRepr")]
#[non_exhaustive]
pub struct Breach {
    /// When the client must be told; `None` when the document does not
    /// state it (`provenance` is then [`Provenance::NotStated`]).
    pub notice: Option<NoticeTerm>,
    /// Where the notice term came from.
    pub provenance: Provenance,
    /// Whether the text also says "zo snel mogelijk" (as soon as possible):
    /// the stated aim beside the term, which the term still bounds.
    pub as_soon_as_possible: bool,
    /// How: every channel the agreement names for the notice.
    pub channels: Vec<Channel>,
    /// The channels as each place in the agreement states them, where they
    /// say different things (Belco DPS 1.13: by phone, and also a mail;
    /// clause 2.4.1: by mail, and by phone "indien mogelijk"). Empty: the
    /// agreement says it once, in `channels`.
    pub channel_terms: Vec<ChannelTerm>,
    /// Whether the client must keep the contact details the notice goes to
    /// reachable and up to date (Belco clause 2.4.1: "Opdrachtgever zorgt er
    /// zelf voor dat mailadres en telefoonnummer bereikbaar zijn,
    /// functioneren en up-to-date zijn").
    pub client_keeps_contacts_current: bool,
    /// What information the notice carries.
    pub information: Vec<Text>,
    /// Whether the processor itself notifies the supervisory authority or
    /// data subjects (GDPR art. 33-34 leave that to the controller).
    pub processor_notifies_authority: bool,
    /// Whether it helps the controller notify (clause 2.4.2 / 4.3).
    pub assists_controller: bool,
    /// Anything else the protocol says.
    pub note: Option<Text>,
    /// Where the agreement says so.
    pub source: Vec<ClauseRef>,
}

/// The schema's side of the notice term's provenance: `notice` is given
/// unless `provenance = "not-stated"`, and then it is not.
fn breach_schema(schema: &mut schemars::Schema) {
    super::terms::provenance_schema(schema, &["notice"], true);
}

/// The document form of [`Breach`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = breach_schema)]
#[serde(deny_unknown_fields)]
struct BreachRepr {
    /// When the client must be told (absent only with
    /// `provenance = "not-stated"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notice: Option<NoticeTerm>,
    /// Where the notice term came from: `stated` (the default), `standard`,
    /// `assumed` (with `reason`) or `not-stated` (then no `notice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceKind>,
    /// Why the file's author assumed the notice term (required with
    /// `provenance = "assumed"`, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    /// The sentence that states the notice term, where the file quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    /// Whether the text also says "zo snel mogelijk" (as soon as possible):
    /// the stated aim beside the term, which the term still bounds.
    #[serde(default, skip_serializing_if = "is_false")]
    as_soon_as_possible: bool,
    /// How: every channel the agreement names for the notice.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    channels: Vec<Channel>,
    /// The channels as each place in the agreement states them, where they
    /// say different things (Belco DPS 1.13: by phone, and also a mail;
    /// clause 2.4.1: by mail, and by phone "indien mogelijk"). Empty: the
    /// agreement says it once, in `channels`.
    #[serde(
        default,
        deserialize_with = "crate::limits::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    channel_terms: Vec<ChannelTerm>,
    /// Whether the client must keep the contact details the notice goes to
    /// reachable and up to date (Belco clause 2.4.1: "Opdrachtgever zorgt er
    /// zelf voor dat mailadres en telefoonnummer bereikbaar zijn,
    /// functioneren en up-to-date zijn").
    #[serde(default, skip_serializing_if = "is_false")]
    client_keeps_contacts_current: bool,
    /// What information the notice carries.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    information: Vec<Text>,
    /// Whether the processor itself notifies the supervisory authority or
    /// data subjects (GDPR art. 33-34 leave that to the controller).
    processor_notifies_authority: bool,
    /// Whether it helps the controller notify (clause 2.4.2 / 4.3).
    assists_controller: bool,
    /// Anything else the protocol says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TryFrom<BreachRepr> for Breach {
    type Error = Error;
    fn try_from(r: BreachRepr) -> Result<Self, Error> {
        let given = Provenance::given_key(&[("notice", r.notice.is_some())]);
        let provenance = Provenance::read(r.provenance, r.reason, r.quote, given, || {
            Error::invalid_value(field_message(
                "notice",
                "the breach notice term is missing: give `notice`, e.g. `{ kind = \"within-hours\", hours = 24 }`, or `provenance = \"not-stated\"` where the statement does not state one",
            ))
        })?;
        Ok(Breach {
            notice: r.notice,
            provenance,
            as_soon_as_possible: r.as_soon_as_possible,
            channels: r.channels,
            channel_terms: r.channel_terms,
            client_keeps_contacts_current: r.client_keeps_contacts_current,
            information: r.information,
            processor_notifies_authority: r.processor_notifies_authority,
            assists_controller: r.assists_controller,
            note: r.note,
            source: r.source,
        })
    }
}

impl From<Breach> for BreachRepr {
    fn from(b: Breach) -> Self {
        let (provenance, reason, quote) = b.provenance.to_keys();
        BreachRepr {
            notice: b.notice,
            provenance,
            reason,
            quote,
            as_soon_as_possible: b.as_soon_as_possible,
            channels: b.channels,
            channel_terms: b.channel_terms,
            client_keeps_contacts_current: b.client_keeps_contacts_current,
            information: b.information,
            processor_notifies_authority: b.processor_notifies_authority,
            assists_controller: b.assists_controller,
            note: b.note,
            source: b.source,
        }
    }
}

/// When a breach notice is due. Written as `{ kind = "within-hours", hours = 24 }`,
/// `{ kind = "within", term = "2 days" }` (a term in hours or days) or
/// `{ kind = "without-undue-delay" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "NoticeTermRepr", into = "NoticeTermRepr")]
#[non_exhaustive]
pub enum NoticeTerm {
    /// At the latest this long after discovery: hours, or days of 24 hours
    /// from the discovery (docs/rules.md rule 2).
    Within {
        /// The term.
        term: ElapsedTerm,
    },
    /// Without undue delay, with no fixed term (GDPR art. 33(2)).
    WithoutUndueDelay,
}

impl NoticeTerm {
    /// The term's hours, where it has a fixed term (a day is 24 hours).
    pub const fn hours(self) -> Option<u32> {
        match self {
            NoticeTerm::Within { term } => Some(term.hours()),
            NoticeTerm::WithoutUndueDelay => None,
        }
    }
}

spelled_enum! {
    /// The kind of a [`NoticeTerm`].
    #[non_exhaustive]
    pub enum NoticeKind ("notice kind") {
        /// A fixed number of hours (`hours` required).
        WithinHours = "within-hours",
        /// A fixed term in hours or days (`term` required, e.g. `"2 days"`).
        Within = "within",
        /// Without undue delay (no `hours` or `term`).
        WithoutUndueDelay = "without-undue-delay",
    }
}

/// The document form of a [`NoticeTerm`]: a plain struct, so that an error
/// in `hours` or `term` keeps its field path.
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(transform = super::terms::notice_term_schema)]
#[serde(
    deny_unknown_fields,
    expecting = "a notice term: { kind = \"within-hours\", hours = 24 }, { kind = \"within\", term = \"2 days\" } or { kind = \"without-undue-delay\" }"
)]
struct NoticeTermRepr {
    kind: NoticeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours: Option<Hours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    term: Option<ElapsedTerm>,
}

impl TryFrom<NoticeTermRepr> for NoticeTerm {
    type Error = Error;
    fn try_from(r: NoticeTermRepr) -> Result<Self, Error> {
        match (r.kind, r.hours, r.term) {
            (NoticeKind::WithinHours, Some(hours), None) => Ok(NoticeTerm::Within {
                term: ElapsedTerm::from_hours(hours),
            }),
            (NoticeKind::WithinHours, None, None) => Err(Error::invalid_value(
                "`hours` is required when kind = \"within-hours\"".to_owned(),
            )),
            (NoticeKind::Within, None, Some(term)) => Ok(NoticeTerm::Within { term }),
            (NoticeKind::Within, None, None) => Err(Error::invalid_value(
                "`term` is required when kind = \"within\": a term such as `24 hours` or `2 days`"
                    .to_owned(),
            )),
            (NoticeKind::WithoutUndueDelay, None, None) => Ok(NoticeTerm::WithoutUndueDelay),
            (NoticeKind::WithoutUndueDelay, Some(_), _) => {
                Err(Error::invalid_value(field_message(
                    "hours",
                    "`hours` must not be given when kind = \"without-undue-delay\"",
                )))
            }
            (NoticeKind::WithoutUndueDelay, None, Some(_)) => {
                Err(Error::invalid_value(field_message(
                    "term",
                    "`term` must not be given when kind = \"without-undue-delay\"",
                )))
            }
            (NoticeKind::WithinHours, _, Some(_)) => Err(Error::invalid_value(field_message(
                "term",
                "`term` must not be given when kind = \"within-hours\": give `hours = 24`, or kind = \"within\" with `term = \"2 days\"`",
            ))),
            (_, Some(_), _) => Err(Error::invalid_value(field_message(
                "hours",
                "`hours` must not be given when kind = \"within\": give the term once, e.g. `term = \"24 hours\"`",
            ))),
        }
    }
}

impl std::fmt::Display for NoticeTerm {
    /// `within 24 hours`, `within 2 days` or `without undue delay`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoticeTerm::Within { term } => write!(f, "within {term}"),
            NoticeTerm::WithoutUndueDelay => f.write_str("without undue delay"),
        }
    }
}

impl From<NoticeTerm> for NoticeTermRepr {
    fn from(t: NoticeTerm) -> Self {
        match t {
            NoticeTerm::Within { term } => match (term.unit(), term.as_hours()) {
                (ElapsedUnit::Hours, Some(hours)) => NoticeTermRepr {
                    kind: NoticeKind::WithinHours,
                    hours: Some(hours),
                    term: None,
                },
                _ => NoticeTermRepr {
                    kind: NoticeKind::Within,
                    hours: None,
                    term: Some(term),
                },
            },
            NoticeTerm::WithoutUndueDelay => NoticeTermRepr {
                kind: NoticeKind::WithoutUndueDelay,
                hours: None,
                term: None,
            },
        }
    }
}

/// The breach-notice channels as one place in the agreement states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChannelTerm {
    /// The channels the notice always goes through.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub channels: Vec<Channel>,
    /// The channels it also goes through where possible ("indien mogelijk").
    #[serde(
        default,
        deserialize_with = "crate::limits::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub if_possible: Vec<Channel>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
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
