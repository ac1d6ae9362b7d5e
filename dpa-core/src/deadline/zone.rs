//! Where date deadlines end: at 24:00 in the processor's time zone
//! (docs/rules.md rule 4), through the bundled time-zone database.
//!
//! The end of the supported range is computed too: `jiff`'s instants stop
//! at 9999-12-30T22:00:00Z (so that every local time of year 9999 has one),
//! and 9999-12-31 has no next day. Where `jiff` cannot give the instant of a
//! local time, it is the local time minus the zone's offset at that local
//! time (the offset `jiff` reads from the zone's rules, "compatible" in a
//! gap or fold as elsewhere); the end of 9999-12-31 is its 23:59:59 plus one
//! second. An instant after 9999-12-31T23:59:59Z (the end of 9999-12-31 in a
//! zone west of UTC) is refused with dpa-core's own message.

use jiff::tz::{AmbiguousOffset, TimeZone};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::error::{Error, Result};
use crate::values::{TimeZoneName, iso_date, iso_instant};

/// The instant `date` ends (24:00, i.e. the start of the next day) in `tz`, in UTC.
pub(crate) fn end_of_day(date: Date, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    end_of_day_unix(date, tz).and_then(instant_of_unix)
}

/// [`end_of_day`] in Unix seconds: the zone's table of midnights where it
/// has the day (no `OffsetDateTime` made or taken apart), else `jiff`.
#[inline]
pub(crate) fn end_of_day_unix(date: Date, tz: &TimeZoneName) -> Result<i64> {
    match date
        .next_day()
        .and_then(|next| tz.cached_start_of_day(next))
    {
        Some(t) => Ok(t),
        None => end_of_day_uncached(date, tz).map(OffsetDateTime::unix_timestamp),
    }
}

/// The instant of `seconds` since 1970 (UTC), which [`end_of_day_unix`]
/// gives inside the supported range.
pub(crate) fn instant_of_unix(seconds: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(seconds).map_err(|_| {
        Error::out_of_range(format!(
            "{seconds} seconds since 1970-01-01T00:00:00Z are outside the years 1 to 9999"
        ))
    })
}

/// [`end_of_day`] through `jiff`: a day outside the zone's table of
/// midnights, or one the table has no midnight for.
#[cold]
fn end_of_day_uncached(date: Date, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    match date.next_day() {
        Some(next) => start_of_local(civil_date(next)?.at(0, 0, 0, 0), tz.time_zone()),
        // 9999-12-31: its last second, plus one.
        None => {
            let last = instant_of_local(civil_date(date)?.at(23, 59, 59, 0), tz.time_zone(), 1);
            last.map_err(|_| {
                Error::out_of_range(format!(
                    "the end of {} in {} is after {}, the end of the supported range (years 1 to 9999 in UTC)",
                    iso_date::format(date),
                    tz.as_str(),
                    iso_instant::format(OffsetDateTime::new_utc(Date::MAX, time::Time::MAX)),
                ))
            })
        }
    }
}

/// `time::Date` to `jiff::civil::Date` (years 1-9999 in both).
pub(super) fn civil_date(d: Date) -> Result<jiff::civil::Date> {
    let outside = || {
        Error::out_of_range(format!(
            "{} is outside the years 1 to 9999",
            iso_date::format(d)
        ))
    };
    let year = i16::try_from(d.year()).map_err(|_| outside())?;
    jiff::civil::Date::new(year, u8::from(d.month()) as i8, d.day() as i8).map_err(|_| outside())
}

/// `jiff::civil::Date` to `time::Date`.
pub(super) fn time_date(d: jiff::civil::Date) -> Result<Date> {
    iso_date::from_parts(
        i32::from(d.year()),
        u32::from(d.month().unsigned_abs()),
        u32::from(d.day().unsigned_abs()),
    )
}

/// The first instant at or after local time `dt` in `tz` (a time in a
/// daylight-saving gap moves forward past the gap), in UTC.
pub(super) fn start_of_local(dt: jiff::civil::DateTime, tz: &TimeZone) -> Result<OffsetDateTime> {
    let ambiguous = tz.to_ambiguous_timestamp(dt);
    if let Ok(ts) = ambiguous.compatible()
        && let Ok(t) = OffsetDateTime::from_unix_timestamp(ts.as_second())
    {
        return Ok(t);
    }
    instant_of_local(dt, tz, 0).map_err(|_| {
        Error::out_of_range(format!(
            "local time {dt} in {} is after {}, the end of the supported range (years 1 to 9999 in UTC)",
            tz.iana_name().unwrap_or("the time zone"),
            iso_instant::format(OffsetDateTime::new_utc(Date::MAX, time::Time::MAX)),
        ))
    })
}

/// The instant `extra` seconds after local time `dt` in `tz`, from the
/// zone's offset at `dt` (the "compatible" reading: in a gap or a fold, the
/// offset before the transition), without `jiff`'s range of instants.
fn instant_of_local(
    dt: jiff::civil::DateTime,
    tz: &TimeZone,
    extra: i64,
) -> std::result::Result<OffsetDateTime, ()> {
    let offset = match tz.to_ambiguous_timestamp(dt).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        AmbiguousOffset::Gap { before, .. } | AmbiguousOffset::Fold { before, .. } => before,
    };
    let date = time_date(dt.date()).map_err(|_| ())?;
    let local = date.midnight().assume_utc().unix_timestamp()
        + i64::from(dt.hour()) * 3600
        + i64::from(dt.minute()) * 60
        + i64::from(dt.second());
    OffsetDateTime::from_unix_timestamp(local + extra - i64::from(offset.seconds())).map_err(|_| ())
}

/// The local date and time of `at` in `tz`. `jiff`'s instants stop at
/// 9999-12-30T22:00:00Z; after it, the zone's offset at that instant is used.
pub(super) fn local_of(at: OffsetDateTime, tz: &TimeZone) -> Result<jiff::civil::DateTime> {
    let secs = at.unix_timestamp();
    let ts = jiff::Timestamp::from_second(secs).unwrap_or(if secs > 0 {
        jiff::Timestamp::MAX
    } else {
        jiff::Timestamp::MIN
    });
    let outside = || {
        Error::out_of_range(format!(
            "{} is outside the years 1 to 9999 in {}",
            iso_instant::format(at),
            tz.iana_name().unwrap_or("the time zone")
        ))
    };
    let offset =
        UtcOffset::from_whole_seconds(tz.to_offset(ts).seconds()).map_err(|_| outside())?;
    let local = at.checked_to_offset(offset).ok_or_else(outside)?;
    let date = civil_date(local.date())?;
    let (h, m, s) = local.to_hms();
    Ok(date.at(h as i8, m as i8, s as i8, 0))
}

/// The date `instant` ends in `tz`: the date of the second before it there
/// (an `as_of` is the end of a day, 24:00).
pub(crate) fn date_ending(instant: OffsetDateTime, tz: &TimeZoneName) -> Result<Date> {
    let before = instant
        .checked_sub(time::Duration::SECOND)
        .unwrap_or(instant);
    time_date(local_of(before, tz.time_zone())?.date())
}
