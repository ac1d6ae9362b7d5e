//! Where date deadlines end: at 24:00 in the processor's time zone
//! (docs/rules.md rule 4), through the bundled time-zone database.

use time::{Date, OffsetDateTime};

use crate::error::{Error, Result};
use crate::values::{TimeZoneName, iso_date};

/// The instant `date` ends (24:00, i.e. the start of the next day) in `tz`, in UTC.
pub(crate) fn end_of_day(date: Date, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    let next = date
        .next_day()
        .ok_or_else(|| Error::out_of_range(format!("the end of {}", iso_date::format(date))))?;
    match tz.cached_start_of_day(next) {
        Some(t) => Ok(t),
        None => start_of_local(civil_date(next)?.at(0, 0, 0, 0), tz.time_zone()),
    }
}

/// `time::Date` to `jiff::civil::Date` (years 1-9999 in both).
pub(super) fn civil_date(d: Date) -> Result<jiff::civil::Date> {
    let year =
        i16::try_from(d.year()).map_err(|_| Error::out_of_range(format!("year {}", d.year())))?;
    jiff::civil::Date::new(year, u8::from(d.month()) as i8, d.day() as i8)
        .map_err(|e| Error::out_of_range(e.to_string()))
}

/// `jiff::civil::Date` to `time::Date`.
pub(super) fn time_date(d: jiff::civil::Date) -> Result<Date> {
    let month =
        time::Month::try_from(d.month() as u8).map_err(|e| Error::out_of_range(e.to_string()))?;
    Date::from_calendar_date(i32::from(d.year()), month, d.day() as u8)
        .map_err(|e| Error::out_of_range(e.to_string()))
}

/// The first instant at or after local time `dt` in `tz` (a time in a
/// daylight-saving gap moves forward past the gap), in UTC.
pub(super) fn start_of_local(
    dt: jiff::civil::DateTime,
    tz: &jiff::tz::TimeZone,
) -> Result<OffsetDateTime> {
    let ts = tz
        .to_ambiguous_timestamp(dt)
        .compatible()
        .map_err(|e| Error::out_of_range(format!("local time {dt}: {e}")))?;
    OffsetDateTime::from_unix_timestamp(ts.as_second())
        .map_err(|e| Error::out_of_range(format!("instant {ts}: {e}")))
}
