//! Events: what happened and when, and the events document they are read
//! from.
//!
//! An [`Event`] is read through its document form, which checks that each
//! [`EventKind`] has the fields it needs (`date` for date events, `at` with a
//! UTC offset for breach events) and no field that does not apply to it.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::error::field_message;
#[cfg(doc)]
use crate::limits::MAX_EVENTS;
use crate::macros::spelled_enum;
#[cfg(doc)]
use crate::model::Agreement;
use crate::values::{Text, Version, iso_date, iso_instant};

spelled_enum! {
    /// What happened.
    #[non_exhaustive]
    pub enum EventKind ("event kind") {
        /// The agreement was signed (`date`).
        AgreementSigned = "agreement-signed",
        /// A significant change of the statement was notified (`date`, optional `version`).
        StatementChangeNotified = "statement-change-notified",
        /// A change of sub-processors was notified (`date`, optional `sub_processor`).
        SubProcessorChangeNotified = "sub-processor-change-notified",
        /// The processor discovered a personal data breach (`at`, optional `id`).
        BreachDiscovered = "breach-discovered",
        /// The processor notified the client of a breach (`at`, optional `breach` id).
        ClientNotifiedOfBreach = "client-notified-of-breach",
        /// The controller notified the supervisory authority (`at`, optional `breach` id).
        AuthorityNotified = "authority-notified",
        /// The client gave written notice of an audit (`date`, `proposed_date`).
        AuditNoticeGiven = "audit-notice-given",
        /// An audit was held (`date`).
        AuditHeld = "audit-held",
        /// The agreement ended (`date`).
        AgreementTerminated = "agreement-terminated",
        /// The client asked for its data back (`date`).
        DataReturnRequested = "data-return-requested",
        /// The data was returned (`date`).
        DataReturned = "data-returned",
        /// The data was deleted (`date`).
        DataDeleted = "data-deleted",
        /// A statutory duty to keep the data started (`date`; clause 2.6.5 / 6.5).
        LegalHoldPlaced = "legal-hold-placed",
        /// That duty ended (`date`).
        LegalHoldLifted = "legal-hold-lifted",
    }
}

impl EventKind {
    /// Whether the event happens at an instant (`at`) rather than on a date.
    pub const fn is_instant(self) -> bool {
        matches!(
            self,
            EventKind::BreachDiscovered
                | EventKind::ClientNotifiedOfBreach
                | EventKind::AuthorityNotified
        )
    }
}

/// When an event happened: a date, or an instant for breach events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum When {
    /// On a date.
    Date(Date),
    /// At an instant (kept in UTC).
    Instant(OffsetDateTime),
}

impl When {
    /// The calendar date: a date as it is; for an instant, its date in the
    /// instant's own UTC offset, with no time zone applied.
    ///
    /// The instants of an [`Event`] are kept in UTC, so for them this is the
    /// UTC date — which is not always the date in the processor's time zone:
    /// a breach discovered at 2026-03-28T23:30:00Z was discovered on 28 March
    /// here, although it was already 29 March in Amsterdam. Rules that count
    /// from an instant (hour terms) use the instant itself, never this date.
    ///
    /// ```
    /// use dpa_core::timeline::When;
    /// use time::macros::{date, datetime};
    ///
    /// assert_eq!(When::Date(date!(2026 - 11 - 30)).date(), date!(2026 - 11 - 30));
    /// let late = When::Instant(datetime!(2026-03-28 23:30 UTC));
    /// assert_eq!(late.date(), date!(2026 - 03 - 28));
    /// let local = When::Instant(datetime!(2026-03-29 00:30 +01:00));
    /// assert_eq!(local.date(), date!(2026 - 03 - 29));
    /// ```
    pub const fn date(self) -> Date {
        match self {
            When::Date(d) => d,
            When::Instant(t) => t.date(),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => f.write_str(&iso_date::format(*d)),
            When::Instant(t) => f.write_str(&iso_instant::format(*t)),
        }
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One event. Read through the document form, which checks that each kind
/// has the fields it needs: `date` for date events, `at` (with a UTC offset)
/// for breach events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "EventRepr", into = "EventRepr")]
#[schemars(with = "EventRepr")]
pub struct Event {
    kind: EventKind,
    when: When,
    /// The optional fields, boxed: most events have none, and a million
    /// events then take 32 MB rather than 180 MB.
    details: Option<Box<Details>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Details {
    id: Option<Text>,
    breach: Option<Text>,
    version: Option<Version>,
    sub_processor: Option<Text>,
    proposed_date: Option<Date>,
    note: Option<Text>,
}

impl Event {
    /// What happened.
    pub fn kind(&self) -> EventKind {
        self.kind
    }
    /// When.
    pub fn when(&self) -> When {
        self.when
    }
    /// The breach's identifier (`breach-discovered`).
    pub fn id(&self) -> Option<&str> {
        self.details.as_ref()?.id.as_ref().map(Text::as_str)
    }
    /// The breach a notice refers to (`client-notified-of-breach`, `authority-notified`).
    pub fn breach(&self) -> Option<&str> {
        self.details.as_ref()?.breach.as_ref().map(Text::as_str)
    }
    /// The statement version a change notice announces.
    pub fn version(&self) -> Option<&Version> {
        self.details.as_ref()?.version.as_ref()
    }
    /// The sub-processor a change notice concerns.
    pub fn sub_processor(&self) -> Option<&str> {
        self.details
            .as_ref()?
            .sub_processor
            .as_ref()
            .map(Text::as_str)
    }
    /// The audit date an audit notice proposes.
    pub fn proposed_date(&self) -> Option<Date> {
        self.details.as_ref()?.proposed_date
    }
    /// A free note.
    pub fn note(&self) -> Option<&str> {
        self.details.as_ref()?.note.as_ref().map(Text::as_str)
    }
}

/// The document form of an [`Event`].
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct EventRepr {
    /// What happened.
    kind: EventKind,
    /// The date, for date events.
    #[serde(
        default,
        with = "iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_date::option::schema")]
    date: Option<Date>,
    /// The instant with a UTC offset, for breach events.
    #[serde(
        default,
        with = "instant_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_instant::schema")]
    at: Option<OffsetDateTime>,
    /// A breach's identifier, on `breach-discovered`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Text>,
    /// The breach a notice refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    breach: Option<Text>,
    /// The statement version a change notice announces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<Version>,
    /// The sub-processor a change notice concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sub_processor: Option<Text>,
    /// The proposed audit date, on `audit-notice-given`.
    #[serde(
        default,
        with = "iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_date::option::schema")]
    proposed_date: Option<Date>,
    /// A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
}

mod instant_option {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::OffsetDateTime;

    pub(super) fn serialize<S: Serializer>(
        t: &Option<OffsetDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => crate::values::iso_instant::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        #[derive(Deserialize)]
        struct W(#[serde(with = "crate::values::iso_instant")] OffsetDateTime);
        Ok(Some(W::deserialize(d)?.0))
    }
}

impl TryFrom<EventRepr> for Event {
    type Error = String;
    fn try_from(r: EventRepr) -> Result<Self, String> {
        let k = r.kind;
        let when = match (k.is_instant(), r.date, r.at) {
            (true, None, Some(at)) => When::Instant(at.to_offset(UtcOffset::UTC)),
            (true, Some(_), _) => {
                return Err(field_message(
                    "date",
                    format_args!(
                        "`{k}` happens at an instant: give `at` with a UTC offset (e.g. 2026-03-28T10:30:00+01:00), not `date`"
                    ),
                ));
            }
            (true, None, None) => return Err(format!("`at` is required for `{k}`")),
            (false, Some(d), None) => When::Date(d),
            (false, _, Some(_)) => {
                return Err(field_message(
                    "at",
                    format_args!("`{k}` happens on a date: give `date`, not `at`"),
                ));
            }
            (false, None, None) => return Err(format!("`date` is required for `{k}`")),
        };
        let only = |present: bool, field: &str, kinds: &[EventKind]| {
            if present && !kinds.contains(&k) {
                Err(field_message(
                    field,
                    format_args!("`{field}` does not apply to `{k}`"),
                ))
            } else {
                Ok(())
            }
        };
        only(r.id.is_some(), "id", &[EventKind::BreachDiscovered])?;
        only(
            r.breach.is_some(),
            "breach",
            &[
                EventKind::ClientNotifiedOfBreach,
                EventKind::AuthorityNotified,
            ],
        )?;
        only(
            r.version.is_some(),
            "version",
            &[EventKind::StatementChangeNotified],
        )?;
        only(
            r.sub_processor.is_some(),
            "sub_processor",
            &[EventKind::SubProcessorChangeNotified],
        )?;
        only(
            r.proposed_date.is_some(),
            "proposed_date",
            &[EventKind::AuditNoticeGiven],
        )?;
        if k == EventKind::AuditNoticeGiven && r.proposed_date.is_none() {
            return Err(format!("`proposed_date` is required for `{k}`"));
        }
        let details = Details {
            id: r.id,
            breach: r.breach,
            version: r.version,
            sub_processor: r.sub_processor,
            proposed_date: r.proposed_date,
            note: r.note,
        };
        Ok(Event {
            kind: k,
            when,
            details: (details != Details::default()).then(|| Box::new(details)),
        })
    }
}

impl From<Event> for EventRepr {
    fn from(e: Event) -> Self {
        let (date, at) = match e.when {
            When::Date(d) => (Some(d), None),
            When::Instant(t) => (None, Some(t)),
        };
        let d = e.details.map(|b| *b).unwrap_or_default();
        EventRepr {
            kind: e.kind,
            date,
            at,
            id: d.id,
            breach: d.breach,
            version: d.version,
            sub_processor: d.sub_processor,
            proposed_date: d.proposed_date,
            note: d.note,
        }
    }
}

/// A list of events, as read from an events document:
///
/// ```toml
/// [[events]]
/// kind = "breach-discovered"
/// at = 2026-03-28T10:30:00+01:00
/// id = "B-1"
///
/// [[events]]
/// kind = "client-notified-of-breach"
/// at = 2026-03-28T16:00:00+01:00
/// breach = "B-1"
/// ```
///
/// Events may be listed in any order; the timeline sorts them by time,
/// keeping the listed order for events at the same time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Events {
    /// The events.
    #[serde(deserialize_with = "crate::limits::events")]
    #[schemars(length(max = crate::limits::MAX_EVENTS))]
    pub events: Vec<Event>,
}
