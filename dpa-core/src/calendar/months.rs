//! Adding months, days and hours (docs/rules.md, rules 1–3).

use time::{Date, Month, OffsetDateTime};

use crate::error::RangeError;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::values::MonthRule;
use crate::values::iso_date::{self, DAYS_BEFORE_MONTH, DAYS_IN_MONTH, Ymd};
use crate::{Error, Result};

/// Whether `year` is a leap year in the proleptic Gregorian calendar (astronomical
/// year numbering, so year 0 is a leap year).
///
/// ```
/// assert!(dpa_core::calendar::is_leap_year(2024));
/// assert!(!dpa_core::calendar::is_leap_year(2100));
/// ```
#[inline]
pub const fn is_leap_year(year: i32) -> bool {
    iso_date::is_leap_year(year)
}

/// The number of days in `month` of `year` (28 to 31), proleptic Gregorian.
///
/// ```
/// use time::Month;
/// assert_eq!(dpa_core::calendar::days_in_month(2024, Month::February), 29);
/// assert_eq!(dpa_core::calendar::days_in_month(2026, Month::April), 30);
/// ```
#[inline]
pub const fn days_in_month(year: i32, month: Month) -> u8 {
    month_length(year, month as usize - 1)
}

/// [`days_in_month`] of the 0-based month `month0` (0 to 11).
#[inline(always)]
const fn month_length(year: i32, month0: usize) -> u8 {
    DAYS_IN_MONTH[is_leap_year(year) as usize][month0]
}

/// Whether `year` is in the supported years ([`MIN_YEAR`]..=[`MAX_YEAR`]).
#[inline(always)]
const fn supported(year: i32) -> bool {
    MIN_YEAR <= year && year <= MAX_YEAR
}

/// Adds `months` calendar months to `date` under `rule`; negative `months`
/// count backwards.
///
/// The whole term is added at once from `date` (never month by month), as
/// docs/rules.md rule 1 requires: under [`MonthRule::Clamp`], 31 Jan + 2 months is
/// 31 Mar even though (31 Jan + 1 month) + 1 month is 28 Mar.
///
/// # Errors
///
/// [`Error::OutOfRange`] when the result would lie outside
/// the supported years 1 to 9999 ([`MIN_YEAR`], [`MAX_YEAR`]). Never panics,
/// for any `date` and any `months`.
///
/// # Examples
///
/// ```
/// use dpa_core::calendar::{add_months, MonthRule};
/// use time::macros::date;
///
/// // HR 1 Sep 2017, ECLI:NL:HR:2017:2225
/// assert_eq!(add_months(date!(2016-02-29), 3, MonthRule::Clamp)?, date!(2016-05-29));
/// assert_eq!(add_months(date!(2024-01-31), 1, MonthRule::Clamp)?, date!(2024-02-29));
/// assert_eq!(add_months(date!(2026-05-31), -3, MonthRule::Clamp)?, date!(2026-02-28));
/// assert!(add_months(time::Date::MAX, 1, MonthRule::Clamp).is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
// `always`: the body is small, and a caller with a constant `rule` then keeps
// only the branch it uses (measured: ~20% faster than `#[inline]`).
#[inline(always)]
pub fn add_months(date: Date, months: i32, rule: MonthRule) -> Result<Date> {
    if let MonthRule::ThirtyDays = rule {
        return add_thirty_day_months(date, months);
    }
    match checked_add_calendar_months(date, months, rule) {
        Some(d) => Ok(d),
        None => Err(RangeError::months(date, months).into()),
    }
}

/// [`add_months`] returning `None` instead of an error: the fast path for
/// bulk work, the counterpart of `chrono`'s `NaiveDate::checked_add_months`.
///
/// ```
/// use dpa_core::calendar::{checked_add_months, MonthRule};
/// use time::macros::date;
///
/// assert_eq!(
///     checked_add_months(date!(2026-11-30), 3, MonthRule::Clamp),
///     Some(date!(2027-02-28))
/// );
/// assert_eq!(checked_add_months(time::Date::MAX, 1, MonthRule::Clamp), None);
/// ```
#[inline(always)]
pub fn checked_add_months(date: Date, months: i32, rule: MonthRule) -> Option<Date> {
    if let MonthRule::ThirtyDays = rule {
        return add_thirty_day_months(date, months).ok();
    }
    checked_add_calendar_months(date, months, rule)
}

/// A year before every `Date` (-10000, or further with `time`'s
/// `large-dates`): counted from its January, the months of any `Date` are
/// positive, so dividing by 12 is unsigned (a multiply and a shift).
const FIRST_YEAR: i32 = Date::MIN.year() - 1;
const BASE_MONTHS: i32 = -FIRST_YEAR * 12;

/// Calendar-month arithmetic for [`MonthRule::Clamp`] and
/// [`MonthRule::MonthEndSticky`].
#[inline(always)]
fn checked_add_calendar_months(date: Date, months: i32, rule: MonthRule) -> Option<Date> {
    let (year, month, day) = date.to_calendar_date();
    let (new_year, month0, new_day, leap) =
        shift_calendar_months(year, month as u32 - 1, day, months, rule)?;
    if !supported(year) || !supported(new_year) {
        return None;
    }
    Date::from_ordinal_date(
        new_year,
        DAYS_BEFORE_MONTH[leap][month0] + u16::from(new_day),
    )
    .ok()
}

/// The `Date` `months` calendar months after the real date whose year is
/// `year`, 0-based month `from_month0` and day `day`, under
/// [`MonthRule::Clamp`] or [`MonthRule::MonthEndSticky`]; `None` where it
/// falls outside the supported years: the end of the calendar-month
/// arithmetic from a date's numbers (`checked_add_calendar_months` keeps
/// its own copy, whose order of checks the `Date` path was measured with).
#[inline(always)]
fn shifted_date(
    year: i32,
    from_month0: u32,
    day: u8,
    months: i32,
    rule: MonthRule,
) -> Option<Date> {
    let (new_year, month0, new_day, leap) =
        shift_calendar_months(year, from_month0, day, months, rule)?;
    if !supported(new_year) {
        return None;
    }
    Date::from_ordinal_date(
        new_year,
        DAYS_BEFORE_MONTH[leap][month0] + u16::from(new_day),
    )
    .ok()
}

/// [`add_months`] from a checked date given as its numbers: the same date
/// or the same error, without making a `Date` of the start and taking it
/// apart again (`Agreement::date_due_of_parts`, libdpa's date calls).
///
/// # Errors
/// As [`add_months`].
#[inline(always)]
pub(crate) fn add_months_to_ymd(from: Ymd, months: i32, rule: MonthRule) -> Result<Date> {
    if let MonthRule::ThirtyDays = rule {
        return add_thirty_day_months(from.to_date()?, months);
    }
    match shifted_date(from.year, u32::from(from.month) - 1, from.day, months, rule) {
        Some(date) => Ok(date),
        None => Err(months_from_ymd_failed(from, months)),
    }
}

/// The error of [`add_months_to_ymd`]: [`add_months`]'s for the same date.
#[cold]
#[inline(never)]
fn months_from_ymd_failed(from: Ymd, months: i32) -> Error {
    match from.to_date() {
        Ok(date) => RangeError::months(date, months).into(),
        Err(e) => e,
    }
}

/// The year, 0-based month, day and leap-year index (0 or 1) of the date
/// `months` calendar months after the real date whose year is `year`,
/// 0-based month `from_month0` and day `day`, under [`MonthRule::Clamp`]
/// or [`MonthRule::MonthEndSticky`]; `None` only when the month count
/// overflows. The year is not checked against the range of `Date`.
#[inline(always)]
fn shift_calendar_months(
    year: i32,
    from_month0: u32,
    day: u8,
    months: i32,
    rule: MonthRule,
) -> Option<(i32, usize, u8, usize)> {
    // Months since January of FIRST_YEAR: positive for every `Date`; only
    // adding `months` can overflow, far outside the range of `Date` anyway.
    // `from_month0` is 0..=11: the conversion cannot wrap.
    let total = (year * 12 + from_month0 as i32 + BASE_MONTHS).checked_add(months)?;
    let total = u32::try_from(total).ok()?;
    let new_year = (total / 12) as i32 + FIRST_YEAR;
    let month0 = (total % 12) as usize; // 0..=11
    // Branch-free leap test (a multiply and a mask): dates in no particular
    // order make the `%`-based test mispredict a third of the time.
    let leap = time::util::is_leap_year(new_year) as usize;
    let target_len = DAYS_IN_MONTH[leap][month0];
    let new_day = match rule {
        MonthRule::MonthEndSticky if day == month_length(year, from_month0 as usize) => target_len,
        _ => day.min(target_len),
    };
    Some((new_year, month0, new_day, leap))
}

/// [`checked_add_months`] on a date given as its year, month and day, with
/// the result as the same: the fast path where dates arrive and leave as
/// fields (Python's `date`, C's `yyyymmdd`), which saves converting to and
/// from [`Date`]. `None` when `(year, month, day)` is not a date in the
/// range of `Date`, or the result is not.
///
/// ```
/// use dpa_core::calendar::{checked_add_months_ymd, MonthRule};
/// use time::Month;
///
/// assert_eq!(
///     checked_add_months_ymd(2024, Month::January, 31, 1, MonthRule::Clamp),
///     Some((2024, Month::February, 29))
/// );
/// assert_eq!(checked_add_months_ymd(2026, Month::February, 30, 1, MonthRule::Clamp), None);
/// ```
#[inline(always)]
pub fn checked_add_months_ymd(
    year: i32,
    month: Month,
    day: u8,
    months: i32,
    rule: MonthRule,
) -> Option<(i32, Month, u8)> {
    if !supported(year) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if let MonthRule::ThirtyDays = rule {
        let date = Date::from_calendar_date(year, month, day).ok()?;
        return add_thirty_day_months(date, months)
            .ok()
            .map(|r| r.to_calendar_date());
    }
    let (new_year, month0, new_day, _) =
        shift_calendar_months(year, month as u32 - 1, day, months, rule)?;
    if !supported(new_year) {
        return None;
    }
    // `month0` is 0..=11.
    let new_month = Month::January.nth_next(month0 as u8);
    Some((new_year, new_month, new_day))
}

/// [`MonthRule::ThirtyDays`]: 30 days a month. Out of line, to keep the
/// calendar-month path of [`add_months`] small enough to inline.
#[inline(never)]
fn add_thirty_day_months(date: Date, months: i32) -> Result<Date> {
    add_days(date, i64::from(months) * 30).map_err(|_| RangeError::months(date, months).into())
}

/// Adds `days` calendar days to `date` (negative counts backwards).
///
/// # Errors
///
/// [`Error::OutOfRange`] when the result would lie outside
/// the supported years 1 to 9999. Never panics.
///
/// ```
/// use dpa_core::calendar::add_days;
/// use time::macros::date;
///
/// assert_eq!(add_days(date!(2026-02-20), 14)?, date!(2026-03-06));
/// assert!(add_days(date!(2026-02-20), i64::MAX).is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[inline]
pub fn add_days(date: Date, days: i64) -> Result<Date> {
    i64::from(date.to_julian_day())
        .checked_add(days)
        .and_then(|jd| i32::try_from(jd).ok())
        .and_then(|jd| Date::from_julian_day(jd).ok())
        .filter(|d| supported(date.year()) && supported(d.year()))
        .ok_or_else(|| RangeError::days(date, days).into())
}

/// Adds `hours` hours of exact elapsed time to `instant` (negative counts
/// backwards) and returns the result in UTC.
///
/// The sum is taken on the UTC instant, so a 24-hour term across a
/// daylight-saving change is still exactly 86 400 seconds (docs/rules.md rule 2).
/// Convert the result to the processor's time zone only for display.
///
/// Hour terms never move to a business day: the Algemene termijnenwet does not
/// apply to terms in hours (art. 4), nor does EU Regulation 1182/71 move them
/// (art. 3(4)).
///
/// # Errors
///
/// [`Error::OutOfRange`] when the result would lie outside the supported
/// years 1 to 9999 (in UTC). Never panics.
///
/// ```
/// use dpa_core::calendar::add_hours;
/// use time::macros::datetime;
///
/// // 24 h across the start of summer time in Amsterdam (29 March 2026, 02:00 CET)
/// let discovered = datetime!(2026-03-28 12:00 +01:00);
/// let due = add_hours(discovered, 24)?;
/// assert_eq!(due, datetime!(2026-03-29 11:00 UTC)); // 13:00 CEST
/// assert_eq!((due - discovered).whole_seconds(), 86_400);
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[inline]
pub fn add_hours(instant: OffsetDateTime, hours: i64) -> Result<OffsetDateTime> {
    // |hours| * 3.6e12 < 2^63 * 2^42 < i128::MAX: this cannot overflow.
    let nanos = instant.unix_timestamp_nanos() + i128::from(hours) * 3_600_000_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .filter(|t| {
            instant
                .checked_to_offset(time::UtcOffset::UTC)
                .is_some_and(|u| supported(u.year()))
                && supported(t.year())
        })
        .ok_or_else(|| hours_out_of_range(instant, hours))
}

#[cold]
fn hours_out_of_range(instant: OffsetDateTime, hours: i64) -> Error {
    Error::out_of_range(format!(
        "{} + {hours} hours is outside the years 1 to 9999",
        crate::values::iso_instant::format(instant)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn month_tables_agree_with_time() {
        for year in [1900, 2000, 2023, 2024] {
            for m in 1..=12u8 {
                let month = Month::try_from(m).unwrap();
                assert_eq!(
                    days_in_month(year, month),
                    time::util::days_in_month(month, year)
                );
                let first = Date::from_calendar_date(year, month, 1).unwrap();
                let leap = usize::from(is_leap_year(year));
                assert_eq!(
                    first.ordinal(),
                    DAYS_BEFORE_MONTH[leap][usize::from(m - 1)] + 1
                );
            }
        }
    }

    #[test]
    fn month_rule_names_round_trip() {
        for &rule in MonthRule::ALL {
            assert_eq!(rule.as_str().parse::<MonthRule>(), Ok(rule));
            assert_eq!(rule.to_string(), rule.as_str());
        }
        let err = "Clamp".parse::<MonthRule>().unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown month rule `Clamp`: expected one of clamp, month-end-sticky, thirty-days"
        );
    }

    #[test]
    fn error_names_the_computation() {
        let err = add_months(date!(9999 - 12 - 01), 1, MonthRule::Clamp).unwrap_err();
        assert!(matches!(err, Error::OutOfRange(_)));
        assert!(err.to_string().contains("9999-12-01 + 1 months"), "{err}");
    }
}
