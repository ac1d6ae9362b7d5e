//! The service level: by when the processor works on an incident (e.g.
//! Belco DPS 1.15: high impact at once, low impact "binnen de eerstvolgende
//! kantooruren", by the end of the next office hours).

use time::{OffsetDateTime, UtcOffset};

use super::zone::{local_of, start_of_local, time_date};
use super::{Bound, Deadline, DeadlineKind, Due, Impact};
use crate::calendar;
use crate::error::{Error, Result};
use crate::model::{Agreement, OfficeDays, Provenance, Response};
use crate::values::join_refs;

impl Agreement {
    /// By when the processor works on an incident reported at `reported`,
    /// under the statement's service level: a high-impact incident at once;
    /// a low-impact one "binnen de eerstvolgende kantooruren" (Belco DPS
    /// 1.15), i.e. no later than the *end* of the next office-hours period
    /// in the processor's time zone. Office hours include their closing
    /// minute ("09:00 t/m 17:00"): a report at 17:00 is inside them and is
    /// due at 17:00 that day. A report during office hours is due at the end
    /// of the current period (the first office hours from the report); see
    /// docs/rules.md "The deadlines".
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the agreement has no service level;
    /// [`Error::OutOfRange`] when the instant would leave the supported range.
    pub fn service_response(&self, reported: OffsetDateTime, impact: Impact) -> Result<Deadline> {
        let Some(sl) = &self.statement.service_level else {
            return Err(Error::invalid_argument(
                "statement.service_level",
                "the agreement sets no service level",
            ));
        };
        let response = match impact {
            Impact::High => sl.high_impact_response,
            Impact::Low => sl.low_impact_response,
        };
        let citation = join_refs(&sl.source);
        let reported = reported.checked_to_offset(UtcOffset::UTC).ok_or_else(|| {
            Error::out_of_range(format!(
                "{} is outside the years 1 to 9999 (in UTC)",
                crate::values::iso_instant::format(reported)
            ))
        })?;
        let due = match response {
            Response::Immediately => reported,
            _ => self.end_of_next_office_hours(reported)?,
        };
        Ok(Deadline {
            kind: DeadlineKind::ServiceResponse,
            provenance: Provenance::STATED,
            due: Due::Instant(due),
            bound: Bound::NoLaterThan,
            citation,
            shift: None,
            note: Some(match response {
                Response::Immediately => "at once, 24x7".to_owned(),
                _ => "by the end of the next office hours".to_owned(),
            }),
        })
    }

    /// The end of the first office-hours period that ends at or after `at`
    /// (the current one when `at` is inside office hours, closing minute
    /// included), in UTC.
    fn end_of_next_office_hours(&self, at: OffsetDateTime) -> Result<OffsetDateTime> {
        let Some(sl) = &self.statement.service_level else {
            return Ok(at);
        };
        let oh = &sl.office_hours;
        let tz = self.rules.time_zone.time_zone();
        let local = local_of(at, tz)?;
        let end = jiff::civil::time(oh.end().hour() as i8, oh.end().minute() as i8, 0, 0);
        let mut day = local.date();
        for i in 0..=31 {
            let d = time_date(day)?;
            let open = match oh.days() {
                OfficeDays::MondayToFridayExceptNlHolidays => calendar::is_business_day(d),
                _ => !matches!(d.weekday(), time::Weekday::Saturday | time::Weekday::Sunday),
            };
            // Today's period counts until its closing minute has passed.
            if open && (i > 0 || local.time() <= end) {
                return start_of_local(day.to_datetime(end), tz);
            }
            day = day.tomorrow().map_err(|_| {
                Error::out_of_range(format!(
                    "the office hours after {} are after 9999-12-31, the end of the supported range",
                    crate::values::iso_instant::format(at)
                ))
            })?;
        }
        Err(Error::out_of_range("no office hours within a month"))
    }
}
