//! Obligations: what an event obliges a party to do (or entitles the client
//! to), by when, and where it stands as of a date.

use std::fmt;

use serde::Serialize;
use time::{Date, OffsetDateTime};

use super::When;
use crate::deadline::{Bound, Deadline, DeadlineKind, Due};
use crate::finding::Finding;
use crate::macros::spelled_enum;
#[cfg(doc)]
use crate::model::Agreement;
use crate::model::Party;
use crate::values::{iso_date, iso_instant};

spelled_enum! {
    /// What an obligation is.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum ObligationKind ("obligation kind") {
        /// The processor deletes the client's data after termination.
        Deletion = "deletion",
        /// The processor deletes the data from backups.
        BackupDeletion = "backup-deletion",
        /// The processor returns the data on request.
        DataReturn = "data-return",
        /// The processor notifies the client of a breach.
        BreachNotice = "breach-notice",
        /// The controller notifies the supervisory authority (GDPR art. 33(1)).
        AuthorityNotice = "authority-notice",
        /// The client's right to terminate after a statement change (a window).
        TerminationWindow = "termination-window",
        /// The client's right to object to a sub-processor change.
        SubProcessorObjection = "sub-processor-objection",
        /// The client announces an audit in writing, in time.
        AuditNotice = "audit-notice",
    }
}

impl ObligationKind {
    /// The kind of deadline of the same name: an obligation of these kinds
    /// is the deadline [`crate::deadline`] computes, started by an event.
    /// The two enums spell the shared kinds alike (a test holds them to
    /// it); `data-return` has no deadline kind of its own (it falls due with
    /// the deletion, where the agreement returns data before deleting it).
    pub const fn deadline_kind(self) -> Option<DeadlineKind> {
        match self {
            ObligationKind::Deletion => Some(DeadlineKind::Deletion),
            ObligationKind::BackupDeletion => Some(DeadlineKind::BackupDeletion),
            ObligationKind::DataReturn => None,
            ObligationKind::BreachNotice => Some(DeadlineKind::BreachNotice),
            ObligationKind::AuthorityNotice => Some(DeadlineKind::AuthorityNotice),
            ObligationKind::TerminationWindow => Some(DeadlineKind::TerminationWindow),
            ObligationKind::SubProcessorObjection => Some(DeadlineKind::SubProcessorObjection),
            ObligationKind::AuditNotice => Some(DeadlineKind::AuditNotice),
        }
    }

    /// Whether it is a right of the client (a window that may pass unused)
    /// rather than a duty.
    pub const fn is_right(self) -> bool {
        matches!(
            self,
            ObligationKind::TerminationWindow | ObligationKind::SubProcessorObjection
        )
    }
}

/// Who owes the obligation (or holds the right).
//
// Not a `spelled_enum!`: the processor and the client are the parties of
// the agreement, whose spellings `Party` gives; the macro takes literals, so
// it would type them a second time. `as_str` takes them from `Party`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Owner {
    /// The processor.
    Processor,
    /// The client.
    Client,
    /// The controller (the client, or the client's own client).
    Controller,
}

impl Owner {
    /// `processor`, `client` or `controller`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Owner::Processor => Party::Processor.as_str(),
            Owner::Client => Party::Client.as_str(),
            Owner::Controller => "controller",
        }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Owner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl From<Party> for Owner {
    fn from(p: Party) -> Self {
        match p {
            Party::Processor => Owner::Processor,
            _ => Owner::Client,
        }
    }
}

/// How late something was, or is so far; also how long something took
/// ([`Obligation::elapsed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lateness {
    /// Whole calendar days after a date deadline.
    Days(i64),
    /// Seconds after an instant deadline (or after the event that started
    /// the obligation).
    Seconds(i64),
}

impl fmt::Display for Lateness {
    /// An ISO 8601 duration: `P3D`, `PT1H30M`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Lateness::Days(d) => write!(f, "P{d}D"),
            Lateness::Seconds(s) => {
                let (d, rest) = (s / 86_400, s % 86_400);
                let (h, m, sec) = (rest / 3600, rest % 3600 / 60, rest % 60);
                f.write_str("P")?;
                if d > 0 {
                    write!(f, "{d}D")?;
                }
                if rest > 0 || d == 0 {
                    f.write_str("T")?;
                    if h > 0 {
                        write!(f, "{h}H")?;
                    }
                    if m > 0 {
                        write!(f, "{m}M")?;
                    }
                    if sec > 0 || (h == 0 && m == 0) {
                        write!(f, "{sec}S")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// Where an obligation stands as of the date asked (docs/rules.md, "The
/// timeline").
///
/// Only [`Status::Missed`] and [`Status::Impossible`] (both spelled
/// `missed`) say that a firm term was not kept: they make a timeline fail
/// ([`Status::is_missed`]). [`Status::Exceeded`] and [`Status::Late`] are
/// warnings: the agreement's words leave room (an "in principe" term, a
/// notice "without undue delay"), so whether the delay breaches it is a
/// judgment the library does not make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Not yet done, and not yet due (or no fixed term).
    Pending,
    /// Done in time.
    Met {
        /// When it was done.
        on: When,
    },
    /// Done late, or not done and past due.
    Missed {
        /// When it was done, if it was.
        done: Option<When>,
        /// By how much it was (or is so far) late.
        by: Lateness,
    },
    /// A legal hold suspends it (clause 2.6.5 / 6.5).
    Suspended {
        /// Since when.
        since: Date,
    },
    /// A right of the client whose window closed unused.
    Expired,
    /// Done where the agreement sets no fixed term ("without undue delay"),
    /// before the bound the timeline warns at: never simply `met`, as
    /// whether the delay was undue is a judgment; [`Obligation::elapsed`]
    /// says how long it took. Spelled `done`.
    Done {
        /// When it was done.
        on: When,
    },
    /// Past the bound of a term without a fixed deadline ("without undue
    /// delay"; `rules.undue_delay_bound_hours`, at most the controller's 72
    /// hours of GDPR art. 33(1)): done after it, or not done by it. A
    /// warning, not a missed term. Spelled `late`.
    Late {
        /// When it was done, if it was.
        done: Option<When>,
        /// By how much it was (or is so far) past the bound.
        by: Lateness,
    },
    /// Past a term the agreement states "in principe" (as a rule, with
    /// exceptions it does not spell out): done after it, or not done by it.
    /// A warning, unlike a missed "uiterlijk" term. Spelled `exceeded`.
    Exceeded {
        /// When it was done, if it was.
        done: Option<When>,
        /// By how much it was (or is so far) past the term.
        by: Lateness,
    },
    /// Not done, and no longer possible: the data was deleted after the
    /// client asked for it back and before it was returned. Spelled
    /// `missed`: lateness does not apply to it.
    Impossible {
        /// The date the data was deleted.
        since: Date,
    },
}

// `Status` is not a `spelled_enum!`: its variants carry data (when it was
// done, by how much it was late), which the macro's fieldless enums cannot.
impl Status {
    /// `pending`, `met`, `missed`, `suspended`, `expired`, `done`, `late` or
    /// `exceeded` ([`Status::Impossible`] is `missed`).
    pub const fn as_str(&self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Met { .. } => "met",
            Status::Missed { .. } | Status::Impossible { .. } => "missed",
            Status::Suspended { .. } => "suspended",
            Status::Expired => "expired",
            Status::Done { .. } => "done",
            Status::Late { .. } => "late",
            Status::Exceeded { .. } => "exceeded",
        }
    }

    /// Whether a firm term was not kept ([`Status::Missed`] or
    /// [`Status::Impossible`], both spelled `missed`): what makes a timeline
    /// fail.
    pub const fn is_missed(&self) -> bool {
        matches!(self, Status::Missed { .. } | Status::Impossible { .. })
    }

    /// When it was done, where it was.
    pub const fn done(&self) -> Option<When> {
        match *self {
            Status::Met { on } | Status::Done { on } => Some(on),
            Status::Missed { done, .. }
            | Status::Late { done, .. }
            | Status::Exceeded { done, .. } => done,
            _ => None,
        }
    }

    /// By how much it was (or is so far) past its term or bound, where it
    /// was ([`Status::Missed`], [`Status::Late`], [`Status::Exceeded`]).
    pub const fn late_by(&self) -> Option<Lateness> {
        match *self {
            Status::Missed { by, .. } | Status::Late { by, .. } | Status::Exceeded { by, .. } => {
                Some(by)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Met { on } => write!(f, "met on {on}"),
            Status::Missed {
                done: Some(done),
                by,
            } => write!(f, "missed: done {done}, {by} late"),
            Status::Missed { done: None, by } => write!(f, "missed: not done, {by} late so far"),
            Status::Suspended { since } => {
                write!(
                    f,
                    "suspended since {} (legal hold)",
                    iso_date::format(*since)
                )
            }
            Status::Done { on } => write!(f, "done on {on}"),
            Status::Late {
                done: Some(done),
                by,
            } => write!(f, "late: done {done}, {by} past the bound"),
            Status::Late { done: None, by } => {
                write!(f, "late: not done, {by} past the bound so far")
            }
            Status::Exceeded {
                done: Some(done),
                by,
            } => write!(
                f,
                "exceeded: done {done}, {by} past the term \"in principe\""
            ),
            Status::Exceeded { done: None, by } => write!(
                f,
                "exceeded: not done, {by} past the term \"in principe\" so far"
            ),
            Status::Impossible { since } => write!(
                f,
                "missed: not done, impossible since the data was deleted on {}",
                iso_date::format(*since)
            ),
            other => f.write_str(other.as_str()),
        }
    }
}

/// One obligation (or right) with its deadline and status.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Obligation {
    /// What it is.
    pub kind: ObligationKind,
    /// Who owes it.
    pub owner: Owner,
    /// What it concerns, where several of a kind can exist (a breach id, a
    /// statement version, a sub-processor).
    pub subject: Option<String>,
    /// The index of the event that started it, in the events as given.
    pub event: usize,
    /// When that event happened.
    pub triggered: When,
    /// The deadline.
    pub deadline: Deadline,
    /// Where it stands.
    pub status: Status,
    /// For a notice of a breach (each is owed "without undue delay": GDPR
    /// art. 33(1) and (2), clause 2.4.1 / 4.1): the time from the event
    /// that started it to the notice, or, while not given, to the end of
    /// the date asked. `None` for the other obligations.
    pub elapsed: Option<Lateness>,
    /// For an obligation without a fixed term owed "without undue delay":
    /// the instant after which it is [`Status::Late`] (the event that
    /// started it plus `rules.undue_delay_bound_hours`). `None` otherwise.
    pub late_after: Option<OffsetDateTime>,
    /// Whether `subject` was made up rather than given by the events: an
    /// unnamed breach is `breach N` by its rank among the breaches, which
    /// the iCalendar export keeps out of its `UID`s.
    pub(crate) generated_subject: bool,
}

impl Serialize for Obligation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("owner", &self.owner)?;
        m.serialize_entry("subject", &self.subject)?;
        m.serialize_entry("event", &self.event)?;
        m.serialize_entry("triggered", &self.triggered)?;
        m.serialize_entry("deadline", &self.deadline)?;
        m.serialize_entry("status", self.status.as_str())?;
        let since = match self.status {
            Status::Suspended { since } => Some(iso_date::format(since)),
            _ => None,
        };
        let impossible = match self.status {
            Status::Impossible { since } => Some(iso_date::format(since)),
            _ => None,
        };
        m.serialize_entry("done", &self.status.done().map(|d| d.to_string()))?;
        m.serialize_entry("late_by", &self.status.late_by().map(|b| b.to_string()))?;
        m.serialize_entry("suspended_since", &since)?;
        m.serialize_entry("impossible_since", &impossible)?;
        m.serialize_entry("elapsed", &self.elapsed.map(|e| e.to_string()))?;
        m.serialize_entry("late_after", &self.late_after.map(iso_instant::format))?;
        m.end()
    }
}

/// The result of [`Agreement::timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Timeline {
    /// The date the statuses are as of.
    #[serde(serialize_with = "iso_date::serialize")]
    pub at: Date,
    /// Every obligation, in the order of the events that started them.
    pub obligations: Vec<Obligation>,
    /// Events out of order or impossible, with citations.
    pub findings: Vec<Finding>,
}

/// Compares when something was done with a deadline, as of `as_of`.
pub(super) fn status_of(
    deadline: &Deadline,
    done: Option<When>,
    done_at: Option<OffsetDateTime>,
    as_of: OffsetDateTime,
    is_right: bool,
) -> Status {
    let late = |end: OffsetDateTime, when: Option<When>, at: OffsetDateTime| -> Lateness {
        match deadline.due {
            Due::Date { date, .. } => {
                // The day it was done (`at` is the instant of `when`), or
                // the day so far.
                let d = when.map_or_else(|| at.date(), When::date);
                Lateness::Days(i64::from(d.to_julian_day() - date.to_julian_day()).max(1))
            }
            _ => Lateness::Seconds((at - end).whole_seconds().max(1)),
        }
    };
    match (done, done_at, deadline.due.latest_instant()) {
        (Some(on), Some(at), Some(end)) => {
            let in_time = match (deadline.due, on) {
                // Dates are inclusive: done on the due date is in time.
                (Due::Date { date, .. }, When::Date(d)) => d <= date,
                // The due date ends at 24:00, the start of the next day.
                (Due::Date { .. }, When::Instant(_)) => at < end,
                _ => at <= end,
            };
            if deadline.bound == Bound::NoEarlierThan || in_time {
                Status::Met { on }
            } else {
                Status::Missed {
                    done: Some(on),
                    by: late(end, Some(on), at),
                }
            }
        }
        (Some(on), _, None) => Status::Met { on },
        (None, _, Some(end)) if as_of > end => {
            if is_right {
                Status::Expired
            } else {
                Status::Missed {
                    done: None,
                    by: late(end, None, as_of),
                }
            }
        }
        _ => Status::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::ObligationKind;

    /// An obligation and the deadline of the same kind are spelled alike in
    /// every output (the JSON and the text of a timeline, the C and Python
    /// kinds).
    #[test]
    fn shared_kinds_are_spelled_alike() {
        for &o in ObligationKind::ALL {
            if let Some(d) = o.deadline_kind() {
                assert_eq!(o.as_str(), d.as_str());
            }
        }
    }
}
