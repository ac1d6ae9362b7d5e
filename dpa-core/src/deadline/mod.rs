//! Deadlines computed from an agreement's terms: deletion after termination,
//! breach notice, audits, the termination window after a statement change,
//! and the service level.
//!
//! Each computation returns a [`Deadline`]: when it falls ([`Due`]), whether
//! it is a latest or an earliest date ([`Bound`]), the clauses and articles it
//! rests on, and whether the business-day rule moved it. The rules are stated
//! with their sources in `docs/rules.md`.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::deadline::Due;
//! use time::macros::{date, datetime};
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = Agreement::from_toml(&text)?;
//!
//! // Terminated 30 November 2026: delete by 28 February 2027 (DPS 1.11).
//! let d = belco.deletion_deadline(date!(2026 - 11 - 30))?;
//! assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
//! assert_eq!(d.citation, "DPS 1.11, clause 2.6.3");
//!
//! // A breach discovered on 28 March 2026 at 10:30 Amsterdam time: notify the
//! // client within 24 hours, across the change to summer time.
//! let b = belco.breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))?;
//! assert_eq!(b.due, Due::Instant(datetime!(2026-03-29 09:30 UTC)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::calendar::BusinessDayShift;
use crate::error::{Error, Result};
use crate::macros::spelled_enum;
use crate::model::{Agreement, Provenance};
use crate::values::{iso_date, iso_instant, join_refs};

/// The hours the controller has to notify the supervisory authority after
/// becoming aware of a breach (GDPR art. 33(1)).
pub const GDPR_AUTHORITY_NOTICE_HOURS: i64 = 72;

spelled_enum! {
    /// What a deadline is for.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum DeadlineKind ("deadline kind") {
        /// Deletion of the client's data after termination.
        Deletion = "deletion",
        /// Deletion from backups, where the agreement ties it to the backup cycle.
        BackupDeletion = "backup-deletion",
        /// The processor's notice of a breach to the client.
        BreachNotice = "breach-notice",
        /// The controller's notice of a breach to the supervisory authority (GDPR art. 33(1)).
        AuthorityNotice = "authority-notice",
        /// The earliest date of the next audit after an audit.
        NextAudit = "next-audit",
        /// The earliest audit date after a written notice.
        AuditNotice = "audit-notice",
        /// The end of the client's window to terminate after a statement change.
        TerminationWindow = "termination-window",
        /// When the processor starts working on an incident (service level).
        ServiceResponse = "service-response",
        /// The client's right to object to a change of sub-processors (no fixed
        /// term in either edition: clause 2.8.3 / 8.3).
        SubProcessorObjection = "sub-processor-objection",
    }
}

/// What starts a deadline of a [`DeadlineKind`]: a date, an instant, or
/// nothing the deadline can be computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Trigger {
    /// A calendar date (`--from YYYY-MM-DD`): the termination, the last
    /// audit, the written notice.
    Date,
    /// An instant with a UTC offset: the discovery of a breach, the report
    /// of an incident (docs/rules.md rule 2: hour terms run on instants).
    Instant,
    /// Nothing: the deadline is a right a change opens, with no term to
    /// compute from a start ([`DeadlineKind::SubProcessorObjection`]; see
    /// the differ's `rights_opened` and the timeline).
    NotComputable,
}

impl DeadlineKind {
    /// What starts a deadline of this kind.
    ///
    /// ```
    /// use dpa_core::deadline::{DeadlineKind, Trigger};
    /// assert_eq!(DeadlineKind::Deletion.trigger(), Trigger::Date);
    /// assert_eq!(DeadlineKind::BreachNotice.trigger(), Trigger::Instant);
    /// assert_eq!(DeadlineKind::SubProcessorObjection.trigger(), Trigger::NotComputable);
    /// ```
    pub const fn trigger(self) -> Trigger {
        match self {
            DeadlineKind::Deletion
            | DeadlineKind::BackupDeletion
            | DeadlineKind::NextAudit
            | DeadlineKind::AuditNotice
            | DeadlineKind::TerminationWindow => Trigger::Date,
            DeadlineKind::BreachNotice
            | DeadlineKind::AuthorityNotice
            | DeadlineKind::ServiceResponse => Trigger::Instant,
            DeadlineKind::SubProcessorObjection => Trigger::NotComputable,
        }
    }

    /// The kind named `name` among the kinds a start computes (every kind
    /// whose [`trigger`](DeadlineKind::trigger) is not
    /// [`Trigger::NotComputable`]): the kinds `dpa deadline` and libdpa
    /// compute.
    ///
    /// ```
    /// use dpa_core::deadline::DeadlineKind;
    /// assert_eq!(DeadlineKind::parse_computable("next-audit")?, DeadlineKind::NextAudit);
    /// let e = DeadlineKind::parse_computable("sub-processor-objection").unwrap_err();
    /// assert!(e.to_string().contains("no fixed term to compute"), "{e}");
    /// let e = DeadlineKind::parse_computable("deletions").unwrap_err();
    /// assert!(e.to_string().ends_with("termination-window, service-response"), "{e}");
    /// # Ok::<(), dpa_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`], its field left for the caller to name
    /// ([`Error::in_field`]): for a name that is no kind (the message lists
    /// the kinds a start computes), and for a kind no start computes.
    pub fn parse_computable(name: &str) -> Result<DeadlineKind> {
        match name.parse::<DeadlineKind>() {
            Ok(kind) if kind.trigger() != Trigger::NotComputable => Ok(kind),
            Ok(kind) => Err(not_computable(kind)),
            Err(_) => Err(Error::unknown_name(
                "deadline kind",
                name,
                &computable_kind_names(),
            )),
        }
    }
}

/// When a deadline falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Due {
    /// Through the whole of `date`: it ends at 24:00 in the processor's time
    /// zone, the instant `ends_at` (UTC). Dates are inclusive.
    Date {
        /// The date.
        date: Date,
        /// The instant the date ends in the processor's time zone, in UTC.
        ends_at: OffsetDateTime,
    },
    /// At this instant (UTC).
    Instant(OffsetDateTime),
    /// The agreement sets no fixed term (e.g. "without undue delay").
    NoFixedTerm,
}

impl Due {
    /// The date, for a date deadline.
    pub fn date(&self) -> Option<Date> {
        match self {
            Due::Date { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// The instant by which the deadline is met: the end of the date for a
    /// date, the instant itself for an instant, `None` without a fixed term.
    pub fn latest_instant(&self) -> Option<OffsetDateTime> {
        match self {
            Due::Date { ends_at, .. } => Some(*ends_at),
            Due::Instant(t) => Some(*t),
            Due::NoFixedTerm => None,
        }
    }
}

impl fmt::Display for Due {
    /// `2027-02-28`, `2026-03-29T09:30:00Z` or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date { date, .. } => f.write_str(&iso_date::format(*date)),
            Due::Instant(t) => f.write_str(&iso_instant::format(*t)),
            Due::NoFixedTerm => f.write_str("none"),
        }
    }
}

spelled_enum! {
    /// Whether a deadline is the latest or the earliest moment for the act.
    #[non_exhaustive]
    pub enum Bound ("bound") {
        /// The act must happen by then (deletion, notice, end of a window).
        NoLaterThan = "no-later-than",
        /// The act may happen from then on (the next audit).
        NoEarlierThan = "no-earlier-than",
    }
}

/// A deadline computed from an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deadline {
    /// What it is for.
    pub kind: DeadlineKind,
    /// When.
    pub due: Due,
    /// Latest or earliest.
    pub bound: Bound,
    /// The clauses of the agreement and articles of law it rests on.
    pub citation: String,
    /// Set when the business-day rule moved a date deadline off a weekend or
    /// holiday: from which date to which.
    pub shift: Option<BusinessDayShift>,
    /// What else a reader should know (e.g. "no fixed term", "in principe").
    pub note: Option<String>,
    /// Where the term the deadline rests on came from (issue 15 point 2):
    /// [`Provenance::STATED`] unless the file marks it otherwise. A deadline
    /// on an assumed term says so in every output; one on a term the
    /// document does not state is [`Due::NoFixedTerm`] with the reason in
    /// `note`, never a default.
    pub provenance: Provenance,
}

impl fmt::Display for Deadline {
    /// The due date or instant in ISO 8601 (or `none`), then the citation;
    /// with the alternate flag (`{:#}`) also the business-day shift and the
    /// note, each on a line of its own, as `dpa deadline` prints them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.due, self.citation)?;
        if let Some(a) = self.provenance.annotation() {
            write!(f, " ({a})")?;
        }
        if f.alternate() {
            if let Some(shift) = &self.shift {
                write!(f, "\n  {shift}")?;
            }
            if let Some(note) = &self.note {
                write!(f, "\n  note: {note}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Deadline {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Deadline", 8)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("bound", &self.bound)?;
        match self.due {
            Due::Date { date, ends_at } => {
                st.serialize_field("due", &iso_date::format(date))?;
                st.serialize_field("ends_at", &iso_instant::format(ends_at))?;
            }
            Due::Instant(t) => {
                st.serialize_field("due", &iso_instant::format(t))?;
                st.serialize_field("ends_at", &iso_instant::format(t))?;
            }
            Due::NoFixedTerm => {
                st.serialize_field("due", &Option::<String>::None)?;
                st.serialize_field("ends_at", &Option::<String>::None)?;
            }
        }
        st.serialize_field("citation", &self.citation)?;
        match &self.shift {
            Some(sh) => {
                st.serialize_field("shifted_from", &Some(iso_date::format(sh.original())))?
            }
            None => st.serialize_field("shifted_from", &Option::<String>::None)?,
        }
        st.serialize_field("note", &self.note)?;
        // Only a term that is not stated adds keys, so the JSON of every
        // stated deadline stays as it was.
        if !self.provenance.is_stated() {
            st.serialize_field("provenance", &self.provenance.kind())?;
        }
        if let Some(reason) = self.provenance.reason() {
            st.serialize_field("provenance_reason", reason)?;
        }
        st.end()
    }
}

spelled_enum! {
    /// The impact of an incident, for the service level.
    #[non_exhaustive]
    pub enum Impact ("impact") {
        /// Low impact: workarounds are possible.
        Low = "low",
        /// High impact: business-critical features are down.
        High = "high",
    }
}

/// How much of a [`Deadline`] to build: everything, or only when it falls.
///
/// The `*_deadline` methods build everything. [`Agreement::date_deadline_of`]
/// with [`Detail::DueOnly`] skips the citation and the note (an empty
/// `citation`, `note: None`): for callers that show only the date, such as
/// the C API's struct functions, which carry neither; it saves the
/// allocations, about a quarter of a deletion deadline. Where only the due
/// date of a date-triggered kind is wanted, [`Agreement::date_due_of`] is
/// faster still: [`DueFields`], from the same rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Detail {
    /// The citation and the note too.
    #[default]
    Full,
    /// `due`, `bound`, `kind` and `shift` only.
    DueOnly,
}

impl Detail {
    /// The citation of `refs`, or an empty string (no allocation).
    fn cite(self, refs: &[crate::values::ClauseRef]) -> String {
        match self {
            Detail::Full => join_refs(refs),
            Detail::DueOnly => String::new(),
        }
    }

    /// The note `f` makes, or `None` without making it.
    fn note(self, f: impl FnOnce() -> Option<String>) -> Option<String> {
        match self {
            Detail::Full => f(),
            Detail::DueOnly => None,
        }
    }
}

/// What a deadline is computed from: a date or an instant, as the kind's
/// [`Trigger`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Start {
    /// A calendar date: the termination, the last audit, the notice.
    Date(Date),
    /// An instant: the discovery of a breach, the report of an incident.
    Instant(OffsetDateTime),
}

impl Start {
    /// Reads `text` as the start of a deadline of `kind`: `YYYY-MM-DD` for a
    /// kind that starts on a date, an instant with a UTC offset
    /// (`2026-03-28T10:30:00+01:00`) for one that starts at an instant
    /// (docs/rules.md rule 2: an instant without an offset is refused, never
    /// guessed).
    ///
    /// ```
    /// use dpa_core::deadline::{DeadlineKind, Start};
    /// use time::macros::{date, datetime};
    /// assert_eq!(
    ///     Start::parse_for(DeadlineKind::Deletion, "2026-11-30")?,
    ///     Start::Date(date!(2026 - 11 - 30))
    /// );
    /// assert_eq!(
    ///     Start::parse_for(DeadlineKind::BreachNotice, "2026-03-28T10:30:00+01:00")?,
    ///     Start::Instant(datetime!(2026-03-28 10:30 +01:00))
    /// );
    /// let e = Start::parse_for(DeadlineKind::BreachNotice, "2026-03-28").unwrap_err();
    /// assert!(e.to_string().contains("is not an instant"), "{e}");
    /// # Ok::<(), dpa_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (its field left for the caller to name,
    /// see [`Error::in_field`]) for text that is not what the kind starts
    /// from, and (field `kind`) for a kind no start computes
    /// ([`Trigger::NotComputable`]).
    pub fn parse_for(kind: DeadlineKind, text: &str) -> Result<Start> {
        match kind.trigger() {
            Trigger::Date => iso_date::parse(text).map(Start::Date),
            Trigger::Instant => iso_instant::parse(text).map(Start::Instant),
            Trigger::NotComputable => Err(not_computable(kind).in_field("kind")),
        }
    }
}

/// The names of the kinds a start computes, in declaration order.
fn computable_kind_names() -> Vec<&'static str> {
    DeadlineKind::ALL
        .iter()
        .filter(|k| k.trigger() != Trigger::NotComputable)
        .map(|k| k.as_str())
        .collect()
}

/// The error for a kind that has no start to compute from (its field left
/// for the caller to name).
#[cold]
fn not_computable(kind: DeadlineKind) -> Error {
    Error::invalid_argument(
        "",
        format!(
            "{kind} has no fixed term to compute: it is a right a change of sub-processors \
             opens (see the diff's rights and the timeline); expected one of {}",
            computable_kind_names().join(", ")
        ),
    )
}

impl Agreement {
    /// The deadline of `kind` from `start`: the one entry point for every
    /// kind, which the `dpa deadline` command, the C library and the Python
    /// wheel call. `impact` is read by [`DeadlineKind::ServiceResponse`]
    /// only. The same as the kind's own method (e.g.
    /// [`Agreement::deletion_deadline`]).
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{DeadlineKind, Impact, Start};
    /// use time::macros::{date, datetime};
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let d = belco.deadline(DeadlineKind::Deletion, Start::Date(date!(2026 - 11 - 30)), None)?;
    /// assert_eq!(d, belco.deletion_deadline(date!(2026 - 11 - 30))?);
    /// let r = belco.deadline(
    ///     DeadlineKind::ServiceResponse,
    ///     Start::Instant(datetime!(2026-12-24 23:00 UTC)),
    ///     Some(Impact::High),
    /// )?;
    /// assert_eq!(r.note.as_deref(), Some("at once, 24x7"));
    /// assert!(belco
    ///     .deadline(DeadlineKind::BreachNotice, Start::Date(date!(2026 - 11 - 30)), None)
    ///     .is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`]: a start of the wrong type for the kind
    /// (field left for the caller to name), a kind no start computes or a
    /// service response without `impact` (fields `kind`, `impact`);
    /// otherwise as the kind's method.
    pub fn deadline(
        &self,
        kind: DeadlineKind,
        start: Start,
        impact: Option<Impact>,
    ) -> Result<Deadline> {
        self.deadline_with(kind, start, impact, Detail::Full)
    }

    /// [`Agreement::deadline`] built to `detail` ([`Detail::DueOnly`] leaves
    /// out the citation and note of the date kinds, of the breach notice and
    /// of the authority notice, for callers that show only when it falls:
    /// the C API's structs and `dpa schedule`'s rows).
    ///
    /// # Errors
    /// As [`Agreement::deadline`].
    pub fn deadline_with(
        &self,
        kind: DeadlineKind,
        start: Start,
        impact: Option<Impact>,
        detail: Detail,
    ) -> Result<Deadline> {
        match (kind.trigger(), start) {
            (Trigger::Date, Start::Date(d)) => self.date_deadline_of(kind, d, detail),
            (Trigger::Instant, Start::Instant(t)) => match kind {
                DeadlineKind::BreachNotice => self.breach_notice(t, detail),
                DeadlineKind::AuthorityNotice => self.authority_notice(t, detail),
                _ => match impact {
                    Some(i) => self.service_response(t, i),
                    None => Err(Error::invalid_argument(
                        "impact",
                        format!("{kind} needs an impact: low or high"),
                    )),
                },
            },
            (Trigger::NotComputable, _) => Err(not_computable(kind).in_field("kind")),
            (Trigger::Date, Start::Instant(_)) => Err(Error::invalid_argument(
                "",
                format!("{kind} starts on a date, not at an instant"),
            )),
            (Trigger::Instant, Start::Date(_)) => Err(Error::invalid_argument(
                "",
                format!("{kind} starts at an instant, not on a date"),
            )),
        }
    }
}

mod due;
mod service;
mod terms;
mod zone;

pub use due::{DueDay, DueFields};

pub(crate) use zone::{date_ending, end_of_day};
