//! The service level: when the processor starts working on an incident
//! (e.g. Belco DPS 1.15: high impact at once, low impact in the next office
//! hours).

use time::{OffsetDateTime, UtcOffset};

use super::zone::{local_of, start_of_local, time_date};
use super::{Bound, Deadline, DeadlineKind, Due, Impact};
use crate::calendar;
use crate::error::{Error, Result};
use crate::model::{Agreement, OfficeDays, Response};
use crate::values::join_refs;

impl Agreement {
    /// When the processor starts working on an incident reported at
    /// `reported`, under the statement's service level: a high-impact incident
    /// at once; a low-impact one from the start of the next office hours in
    /// the processor's time zone (at once when reported during office hours).
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
            _ => self.next_office_hours(reported)?,
        };
        Ok(Deadline {
            kind: DeadlineKind::ServiceResponse,
            due: Due::Instant(due),
            bound: Bound::NoLaterThan,
            citation,
            shift: None,
            note: Some(match response {
                Response::Immediately => "at once, 24x7".to_owned(),
                _ => "from the start of the next office hours".to_owned(),
            }),
        })
    }

    /// `at` itself during office hours, else the start of the next office
    /// hours, in UTC.
    fn next_office_hours(&self, at: OffsetDateTime) -> Result<OffsetDateTime> {
        let Some(sl) = &self.statement.service_level else {
            return Ok(at);
        };
        let oh = &sl.office_hours;
        let tz = self.rules.time_zone.time_zone();
        let local = local_of(at, tz)?;
        let clock = |t: time::Time| jiff::civil::time(t.hour() as i8, t.minute() as i8, 0, 0);
        let (start, end) = (clock(oh.start()), clock(oh.end()));
        let mut day = local.date();
        for i in 0..=31 {
            let d = time_date(day)?;
            let open = match oh.days() {
                OfficeDays::MondayToFridayExceptNlHolidays => calendar::is_business_day(d),
                _ => !matches!(d.weekday(), time::Weekday::Saturday | time::Weekday::Sunday),
            };
            if open {
                if i == 0 && local.time() >= start && local.time() < end {
                    return Ok(at);
                }
                if i > 0 || local.time() < start {
                    return start_of_local(day.to_datetime(start), tz);
                }
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
