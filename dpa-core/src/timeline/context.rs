//! What every event handler works with: the agreement, the sorted events
//! and their look-ups ([`Ctx`]), the event at hand ([`Step`]), and the
//! obligations and findings built so far.

use time::{Date, OffsetDateTime};

use super::index::Index;
use super::{Event, EventKind, Obligation};
use crate::finding::{Finding, FindingCode};
use crate::model::Agreement;
use crate::values::TimeZoneName;

/// The events up to the date asked, in time order: each event's instant
/// (its sort key), its index in the events as given, and the event.
pub(super) type Sorted<'e> = [(OffsetDateTime, usize, &'e Event)];

/// The state of one timeline computation.
pub(super) struct Ctx<'a> {
    /// The agreement whose terms set the deadlines.
    pub(super) agreement: &'a Agreement,
    /// The processor's time zone.
    pub(super) tz: &'a TimeZoneName,
    /// The end of the date asked: statuses are as of this instant.
    pub(super) as_of: OffsetDateTime,
    /// The events, sorted.
    pub(super) sorted: &'a Sorted<'a>,
    /// Look-ups over `sorted`.
    pub(super) index: Index,
    /// The obligations so far, in the order of the events that started them.
    pub(super) obligations: Vec<Obligation>,
    /// The findings so far.
    pub(super) findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    /// Adds a finding about the event at index `event` of the events as given.
    pub(super) fn finding(
        &mut self,
        code: FindingCode,
        message: String,
        citation: String,
        event: usize,
    ) {
        self.findings.push(Finding::new(
            code,
            message,
            citation,
            Some(format!("events[{event}]")),
        ));
    }

    /// The first event of `kind` at or after position `from` of the sorted
    /// events (kinds as [`Index`] keeps them).
    pub(super) fn first_from(
        &self,
        from: usize,
        kind: EventKind,
    ) -> Option<(OffsetDateTime, usize, &'a Event)> {
        self.index.first_from(self.sorted, from, kind)
    }
}

/// The event a handler is called for.
#[derive(Clone, Copy)]
pub(super) struct Step<'e> {
    /// Its position in the sorted events.
    pub(super) pos: usize,
    /// Its instant (the sort key: a date event at the start of its day in the
    /// processor's time zone).
    pub(super) t: OffsetDateTime,
    /// Its index in the events as given (for `events[i]` in findings and
    /// [`Obligation::event`]).
    pub(super) i: usize,
    /// The event.
    pub(super) event: &'e Event,
    /// Its date ([`super::When::date`]).
    pub(super) date: Date,
}
