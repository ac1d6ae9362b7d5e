//! Easter Sunday in the Gregorian calendar.

use time::{Date, Month};

use crate::{Error, Result};

/// The first year of the Gregorian calendar (the computus is defined from here).
const FIRST_GREGORIAN_YEAR: i32 = 1583;

/// Easter Sunday of a Gregorian `year` (≥ 1583) as (month, day), by the
/// anonymous Gregorian algorithm ("Meeus/Jones/Butcher"): J. Meeus,
/// *Astronomical Algorithms* (2nd ed. 1998), ch. 8, after the anonymous
/// correspondent of *Nature* (20 April 1876) and S. Butcher (1877). It is exact
/// for every Gregorian year, with no exceptions to handle.
const fn computus(year: i32) -> (u8, u8) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    ((n / 31) as u8, (n % 31 + 1) as u8)
}

/// Easter Sunday as a day of a common year (81 = 22 March ... 115 = 25 April):
/// the ordinal it would have if the year had no 29 February. For years ≥ 1583.
#[inline]
pub(super) const fn common_ordinal(year: i32) -> u16 {
    let (month, day) = computus(year);
    // March starts at common-year ordinal 60, April at 91.
    if month == 3 {
        59 + day as u16
    } else {
        90 + day as u16
    }
}

/// The date of (Western, Gregorian) Easter Sunday in `year`.
///
/// Computed with the anonymous Gregorian algorithm, also called the
/// Meeus/Jones/Butcher algorithm (J. Meeus, *Astronomical Algorithms*, 2nd ed.
/// 1998, ch. 8; first published anonymously in *Nature*, 20 April 1876, and by
/// S. Butcher in 1877). It is exact for every Gregorian year; the test suite
/// checks it against published dates and against `python-dateutil`'s
/// `easter()` for every year from 1583 to 9999.
///
/// Easter fixes four Dutch holidays: Good Friday (−2 days), Easter Monday
/// (+1), Ascension Day (+39) and Whit Monday (+50).
///
/// # Errors
///
/// [`Error::OutOfRange`] for a year before 1583 (before the Gregorian calendar,
/// where this computus is not defined) or after the last year of
/// [`time::Date`].
///
/// ```
/// use dpa_core::calendar::easter_sunday;
/// use time::macros::date;
///
/// assert_eq!(easter_sunday(2026)?, date!(2026-04-05));
/// assert_eq!(easter_sunday(2285)?, date!(2285-03-22));
/// assert!(easter_sunday(1582).is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
pub fn easter_sunday(year: i32) -> Result<Date> {
    if year < FIRST_GREGORIAN_YEAR || year > Date::MAX.year() {
        return Err(Error::out_of_range(format!(
            "Easter is computed for the Gregorian years {FIRST_GREGORIAN_YEAR}..={}, not {year}",
            Date::MAX.year()
        )));
    }
    let (month, day) = computus(year);
    let month = if month == 3 {
        Month::March
    } else {
        Month::April
    };
    Date::from_calendar_date(year, month, day)
        .map_err(|e| Error::out_of_range(format!("Easter of {year}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computus_stays_in_its_window() {
        for year in 1583..=9999 {
            let (month, day) = computus(year);
            assert!(
                (month == 3 && (22..=31).contains(&day)) || (month == 4 && (1..=25).contains(&day)),
                "{year}: {month}-{day}"
            );
            assert!((81..=115).contains(&common_ordinal(year)));
        }
    }

    #[test]
    fn computus_examples() {
        assert_eq!(computus(2026), (4, 5));
        assert_eq!(computus(1818), (3, 22));
        assert_eq!(computus(1943), (4, 25));
        assert_eq!(common_ordinal(2024), 90); // 31 March
    }
}
