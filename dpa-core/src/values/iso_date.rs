//! Serde support for `time::Date` as an ISO 8601 calendar date
//! (`YYYY-MM-DD`). Reads a string in either format, or a TOML local date
//! (`effective_date = 2026-06-08`); writes a string.

use crate::error::{Error, RangeError};
use crate::limits::{MAX_YEAR, MIN_YEAR};
use schemars::{Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use time::Date;

/// The date `year-month-day`, checked: the years 1 to 9999
/// ([`MIN_YEAR`], [`MAX_YEAR`]), a month 1 to 12, a day the month has. The
/// one check of a date given as numbers, used by [`parse`] and by the C and
/// Python bindings for dates handed in as fields.
///
/// ```
/// use dpa_core::values::iso_date;
/// use time::macros::date;
/// assert_eq!(iso_date::from_parts(2024, 2, 29)?, date!(2024 - 02 - 29));
/// let e = iso_date::from_parts(2026, 2, 30).unwrap_err();
/// assert_eq!(e.to_string(), "2026-02-30 is not a date: no such day in that month");
/// assert!(iso_date::from_parts(0, 1, 1).is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::OutOfRange`] naming the date and what is wrong with it.
#[inline]
pub fn from_parts(year: i32, month: u32, day: u32) -> Result<Date, Error> {
    match checked_from_parts(year, month, day) {
        Some(date) => Ok(date),
        None => Err(RangeError::no_such_date(year, month, day).into()),
    }
}

/// [`from_parts`] returning `None` instead of an error, for a fast path
/// that leaves the error to a slower one (the C library's single-date
/// call): the same dates, and no error value made for a refused one.
///
/// ```
/// use dpa_core::values::iso_date;
/// use time::macros::date;
/// assert_eq!(iso_date::checked_from_parts(2024, 2, 29), Some(date!(2024 - 02 - 29)));
/// assert_eq!(iso_date::checked_from_parts(2026, 2, 30), None);
/// assert_eq!(iso_date::checked_from_parts(10_000, 1, 1), None);
/// ```
#[inline(always)]
pub fn checked_from_parts(year: i32, month: u32, day: u32) -> Option<Date> {
    let ordinal = checked_ordinal(year, month, day)?;
    Date::from_ordinal_date(year, ordinal).ok()
}

/// A real date of the supported years as the numbers it was given: the
/// year, the month (1 to 12) and the day that [`checked_from_parts`]
/// checks, kept apart for the month arithmetic that works on them
/// (`calendar::add_term_to_ymd`), which would otherwise take the `Date`
/// apart again (`Agreement::date_due_of_parts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ymd {
    /// The year, 1 to 9999.
    pub(crate) year: i32,
    /// The month, 1 to 12.
    pub(crate) month: u8,
    /// The day, 1 to the month's length.
    pub(crate) day: u8,
    /// The day of the year.
    ordinal: u16,
}

impl Ymd {
    /// `year-month-day` where it is a real date of the supported years
    /// (the dates [`checked_from_parts`] takes); `None` otherwise.
    #[inline(always)]
    pub(crate) const fn checked(year: i32, month: u32, day: u32) -> Option<Ymd> {
        match checked_ordinal(year, month, day) {
            // Checked: the month is at most 12 and the day at most 31.
            Some(ordinal) => Some(Ymd {
                year,
                month: month as u8,
                day: day as u8,
                ordinal,
            }),
            None => None,
        }
    }

    /// The same date as a [`Date`].
    ///
    /// # Errors
    /// None for a checked date; the error of [`from_parts`] should `time`
    /// ever refuse one.
    #[inline]
    pub(crate) fn to_date(self) -> Result<Date, Error> {
        match Date::from_ordinal_date(self.year, self.ordinal) {
            Ok(date) => Ok(date),
            Err(_) => {
                Err(RangeError::no_such_date(self.year, self.month.into(), self.day.into()).into())
            }
        }
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar: the
/// rule of `calendar::is_leap_year`, kept here beside the tables.
#[inline]
pub(crate) const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in each month of a common year and of a leap year (the calendar's
/// month arithmetic reads them too).
pub(crate) const DAYS_IN_MONTH: [[u8; 12]; 2] = [
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
];

/// Days before the first of each month, in a common year and in a leap
/// year (likewise).
pub(crate) const DAYS_BEFORE_MONTH: [[u16; 12]; 2] = [
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334],
    [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335],
];

/// The day of the year of `year-month-day`, the month a number (1 to
/// 12), where that is a real date of the supported years; `None`
/// otherwise. The check of a date handed in as numbers
/// ([`checked_from_parts`]): two table look-ups and no `Month`,
/// whose conversion from a number compiled to a jump on the month, taken
/// the wrong way on most dates of a batch in no order (`BENCHMARKS.md`,
/// "The C boundary's own cost: a fast path"). [`is_date`] decides the
/// same by arithmetic alone, for loops over many dates; for one date the
/// tables measured faster (`BENCHMARKS.md`, "The date batches' first pass
/// without a branch"), and a test holds the two to the same calendar.
#[inline(always)]
const fn checked_ordinal(year: i32, month: u32, day: u32) -> Option<u16> {
    if year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day == 0 {
        return None;
    }
    let m0 = (month - 1) as usize;
    // The tables are read at the common year's row and the leap day added
    // by arithmetic: no branch on the leap year (which dates in no order
    // take the wrong way about once in four) and no load that waits for it.
    let leap = is_leap_year_in_range(year);
    if day > DAYS_IN_MONTH[0][m0] as u32 + (leap & (m0 == 1)) as u32 {
        return None;
    }
    // At most 31: the conversion cannot truncate.
    Some(DAYS_BEFORE_MONTH[0][m0] + day as u16 + (leap & (m0 >= 2)) as u16)
}

/// Whether `year-month-day` is a real date of the years 1 to 9999: the
/// dates [`checked_from_parts`] and [`from_parts`] take. Computed without
/// a branch or a table, so that a loop that checks every element of a
/// batch before it computes any (the C library's date batches) can check
/// several elements at once.
///
/// ```
/// use dpa_core::values::iso_date;
/// assert!(iso_date::is_date(2024, 2, 29));
/// assert!(!iso_date::is_date(2026, 2, 29));
/// assert!(!iso_date::is_date(2026, 4, 31));
/// assert!(!iso_date::is_date(10_000, 1, 1));
/// ```
#[inline(always)]
pub const fn is_date(year: i32, month: u32, day: u32) -> bool {
    let year_ok = (year.wrapping_sub(MIN_YEAR) as u32) <= (MAX_YEAR - MIN_YEAR) as u32;
    let month_ok = month.wrapping_sub(1) < 12;
    // 31 and 30 alternate, switching over at August; February has 28 and
    // the leap day.
    // (The leap test is meaningless outside its years, and not read then.)
    let length = if month == 2 {
        28 + is_leap_year_in_range(year) as u32
    } else {
        30 + ((month ^ (month >> 3)) & 1)
    };
    year_ok & month_ok & (day.wrapping_sub(1) < length)
}

/// [`is_leap_year`] for the years -9999 to 9999, without a branch: a
/// multiply and a mask, the expression `time` itself uses inside
/// `Date::from_ordinal_date` for the same years, so that where both are
/// inlined the compiler computes it once.
#[inline(always)]
const fn is_leap_year_in_range(year: i32) -> bool {
    year.unsigned_abs().wrapping_mul(0x20003D7) & 0x6007C0F <= 0x7C00
}

/// `(year, month, day)` of text shaped `dddd-dd-dd`.
#[inline(always)]
fn digits(b: &[u8]) -> Option<(i32, u32, u32)> {
    let b: &[u8; 10] = b.try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    Some((year as i32, month, day))
}

/// Parses `YYYY-MM-DD` (years 1 to 9999). The shape is read digit by digit
/// (documents and the text batches of the C library read millions of
/// dates); whether the date exists is [`from_parts`]'s decision.
///
/// ```
/// use dpa_core::{Error, values::iso_date};
/// assert_eq!(iso_date::format(iso_date::parse("2026-11-30")?), "2026-11-30");
/// assert!(matches!(iso_date::parse("2026-2-3"), Err(Error::InvalidArgument(_))));
/// assert!(matches!(iso_date::parse("2026-02-30"), Err(Error::OutOfRange(_))));
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for text not shaped `YYYY-MM-DD`;
/// [`Error::OutOfRange`] for one that names no date of the years 1 to
/// 9999 (`2026-02-30`, `0000-01-01`).
#[inline]
pub fn parse(s: &str) -> Result<Date, Error> {
    match digits(s.as_bytes()) {
        Some((y, m, d)) => from_parts(y, m, d),
        None => Err(not_a_date(s)),
    }
}

#[cold]
fn not_a_date(s: &str) -> Error {
    Error::invalid_value(format!(
        "`{}` is not a date: expected YYYY-MM-DD",
        s.escape_debug()
    ))
}

/// `YYYY-MM-DD` as bytes, for a date of the years 1 to 9999; `None` for
/// another (which [`format()`] writes with its sign and more digits).
#[inline]
pub fn to_bytes(d: Date) -> Option<[u8; 10]> {
    let (y, m, day) = d.to_calendar_date();
    ymd_to_bytes(y, u8::from(m), day)
}

/// `YYYY-MM-DD` as bytes from a date already taken apart (year, month 1–12,
/// day 1–31, as [`Date::to_calendar_date`] gives them), for a caller that
/// needs the parts too and so takes the date apart once; `None` for a year
/// outside 1 to 9999.
///
/// ```
/// use dpa_core::values::iso_date;
/// assert_eq!(iso_date::ymd_to_bytes(2026, 2, 8), Some(*b"2026-02-08"));
/// assert_eq!(iso_date::ymd_to_bytes(10_000, 1, 1), None);
/// ```
#[inline(always)]
pub fn ymd_to_bytes(y: i32, m: u8, day: u8) -> Option<[u8; 10]> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    // Two digits at a time from a table: a tenth of the instructions of
    // ten divisions by constants, which were most of a C deadline's
    // conversion. The table has a pair for every `u8`, so a month or a day
    // indexes it as it is (no `% 100`, no bounds check; a month or day
    // above 99, which no date has, gives its last two digits).
    let y = y as usize;
    let [y0, y1] = DIGIT_PAIRS[y / 100 % 100];
    let [y2, y3] = DIGIT_PAIRS[y % 100];
    let [m0, m1] = DIGIT_PAIRS[usize::from(m)];
    let [d0, d1] = DIGIT_PAIRS[usize::from(day)];
    Some([y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1])
}

/// The last two decimal digits of `0` to `255` as ASCII (`00` to `99`,
/// then again from `00` at 100 and 200).
const DIGIT_PAIRS: [[u8; 2]; 256] = {
    let mut pairs = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        pairs[i] = [b'0' + (i / 10 % 10) as u8, b'0' + (i % 10) as u8];
        i += 1;
    }
    pairs
};

/// Appends `d` as `YYYY-MM-DD` to text being built as bytes (the same text
/// as [`format()`], without its allocation).
#[inline]
pub fn push(out: &mut Vec<u8>, d: Date) {
    match to_bytes(d) {
        Some(b) => out.extend_from_slice(&b),
        None => out.extend_from_slice(format(d).as_bytes()),
    }
}

/// Formats as `YYYY-MM-DD`.
pub fn format(d: Date) -> String {
    match to_bytes(d) {
        Some(b) => b.iter().map(|&c| char::from(c)).collect(),
        None => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
    }
}

/// Serializes as a `YYYY-MM-DD` string.
///
/// # Errors
/// Only those of the serializer.
pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*d))
}

/// Deserializes from a string or a TOML local date.
///
/// # Errors
/// When the value is not a valid date.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    d.deserialize_any(DateVisitor)
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date YYYY-MM-DD")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        parse(v).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        // A TOML date/time arrives as a one-entry map holding its text.
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("expected a date YYYY-MM-DD"));
        };
        if text.len() != 10 {
            return Err(de::Error::custom(format!(
                "`{text}` is not a date: expected a local date YYYY-MM-DD without a time or offset"
            )));
        }
        parse(&text).map_err(de::Error::custom)
    }
}

/// A year of four digits, 0001 to 9999 ([`MIN_YEAR`], [`MAX_YEAR`]), as a
/// regular expression (ECMA-262, as JSON Schema's `pattern` reads it).
pub(crate) const YEAR_PATTERN: &str =
    "([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";

/// A month of two digits, 01 to 12, as a regular expression.
pub(crate) const MONTH_PATTERN: &str = "(0[1-9]|1[0-2])";

/// A month and a day the month can have in some year (`02-29` included:
/// whether the year is a leap year is the `date` format's check, not the
/// pattern's), as a regular expression.
pub(crate) const MONTH_DAY_PATTERN: &str = "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))";

/// The pattern of a date `YYYY-MM-DD`: what a regular expression can check
/// of [`parse`]'s rules. It refuses year 0000, month 13 and `2026-02-30`;
/// only 29 February of a year that is not a leap year needs the `date`
/// format asserted to be refused.
pub fn pattern() -> String {
    format!("^{YEAR_PATTERN}-{MONTH_DAY_PATTERN}$")
}

/// JSON Schema of the date string: `format: "date"` (RFC 3339 `full-date`,
/// which a validator checks only when it asserts formats) and the
/// [`pattern()`], which every validator checks.
pub fn schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date", "pattern": pattern() })
}

/// `Option<Date>` with the same representation.
pub mod option {
    use schemars::{Schema, SchemaGenerator};
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    /// Serializes `Some` as a date string (use with `skip_serializing_if`).
    ///
    /// # Errors
    /// Only those of the serializer.
    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Deserializes a date string or TOML local date.
    ///
    /// # Errors
    /// When the value is not a valid date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        struct W(#[serde(with = "super")] Date);
        Ok(Some(W::deserialize(d)?.0))
    }

    /// JSON Schema of the date string, as [`super::schema`]'s.
    pub fn schema(generator: &mut SchemaGenerator) -> Schema {
        super::schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    /// The digit-by-digit reader and writer agree with `time`'s own
    /// formatting and parsing, for every day of two centuries and the ends
    /// of the supported years, and on text that is no date.
    #[test]
    fn fast_paths_agree_with_time() {
        const FORMAT: &[time::format_description::FormatItem<'static>] =
            time::macros::format_description!("[year]-[month]-[day]");
        let mut day = time::macros::date!(1899 - 12 - 25);
        let mut dates = vec![
            time::macros::date!(0001 - 01 - 01),
            time::macros::date!(0999 - 07 - 09),
            time::macros::date!(9999 - 12 - 31),
        ];
        while day.year() < 2101 {
            dates.push(day);
            day = day.next_day().unwrap();
        }
        // Every year's digits.
        dates.extend((1..=9999).map(|y| Date::from_calendar_date(y, Month::October, 7).unwrap()));
        for d in dates {
            let text = d.format(FORMAT).unwrap();
            assert_eq!(format(d), text);
            let mut pushed = Vec::new();
            push(&mut pushed, d);
            assert_eq!(pushed, text.as_bytes());
            assert_eq!(parse(&text).unwrap(), d);
        }
        for s in [
            "2026-02-29",
            "2024-02-29",
            "0000-01-01",
            "2026-00-10",
            "2026-13-10",
            "2026-12-32",
            "2026-1-01",
            "+026-01-01",
            "2026-01-01 ",
            " 2026-01-01",
            "2026/01/01",
            "2026-01-0a",
            "２０２６-01-01",
            "",
            "2026-01-01T00:00Z",
        ] {
            let by_time = Date::parse(s, FORMAT).ok().filter(|d| d.year() >= 1);
            assert_eq!(parse(s).ok(), by_time, "{s:?}");
        }
        // Outside the supported years, `format` still writes something
        // (never reached: the crate computes no such date).
        assert_eq!(to_bytes(Date::MIN), None);
        assert_eq!(format(time::macros::date!(-0001 - 03 - 01)), "-001-03-01");
    }

    /// `checked_from_parts` (and `from_parts`, made from it) takes
    /// exactly the real dates of the years 1 to 9999: checked against a
    /// calendar written out here (the Gregorian leap rule, the months'
    /// lengths) on every month (and the numbers around 1..=12 and past
    /// `u8`) and day (likewise) of the years that decide it: the edges of
    /// 1..=9999, leap years by 4, 100 and 400 and years that are none, and
    /// the extremes of `i32`; and `is_date`, which decides the same by
    /// arithmetic, the same. The C library's single-date call and its
    /// batches check dates with these alone.
    /// Source: docs/rules.md (dates are proleptic Gregorian, years 1 to
    /// 9999); include/dpa.h (`dpa_date`: "a date that does not exist
    /// (month 13, 2026-02-30, year 0) is DPA_STATUS_OUT_OF_RANGE").
    #[test]
    fn checked_from_parts_takes_exactly_the_real_dates() {
        let years = [
            i32::MIN,
            -400,
            -1,
            0,
            1,
            2,
            3,
            4,
            100,
            200,
            400,
            1600,
            1700,
            1900,
            2000,
            2023,
            2024,
            2025,
            2100,
            2400,
            9996,
            9997,
            9999,
            10_000,
            10_400,
            i32::MAX,
        ];
        let months = (0..=14).chain([255, 256, 257, 268, u32::MAX]);
        let days = || (0..=33).chain([255, 256, 257, 285, u32::MAX]);
        let mut taken = 0;
        for year in years {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            for month in months.clone() {
                let last = match month {
                    2 => 28 + u32::from(leap),
                    4 | 6 | 9 | 11 => 30,
                    1..=12 => 31,
                    _ => 0,
                };
                for day in days() {
                    let real = (1..=9999).contains(&year) && (1..=last).contains(&day);
                    let got = checked_from_parts(year, month, day);
                    assert_eq!(got.is_some(), real, "{year}-{month}-{day}");
                    assert_eq!(is_date(year, month, day), real, "{year}-{month}-{day}");
                    assert_eq!(
                        from_parts(year, month, day).ok(),
                        got,
                        "{year}-{month}-{day}"
                    );
                    let ymd = Ymd::checked(year, month, day);
                    assert_eq!(
                        ymd.map(|y| y.to_date().ok()),
                        got.map(Some),
                        "{year}-{month}-{day}"
                    );
                    if let Some(d) = got {
                        taken += 1;
                        assert_eq!(
                            (d.year(), u32::from(u8::from(d.month())), u32::from(d.day())),
                            (year, month, day)
                        );
                        let ymd = ymd.expect("checked as the Date was");
                        assert_eq!(
                            (ymd.year, u32::from(ymd.month), u32::from(ymd.day)),
                            (year, month, day)
                        );
                    }
                }
            }
        }
        assert!(taken > 5_000, "{taken}");
    }

    /// Source: the Gregorian rule (a year divisible by 4, except a century
    /// year not divisible by 400), as `is_leap_year` states it: the
    /// multiply-and-mask test agrees with it on every year it is used for.
    #[test]
    fn the_leap_test_without_a_branch_agrees_on_every_year_in_range() {
        for year in -9999..=9999 {
            assert_eq!(is_leap_year_in_range(year), is_leap_year(year), "{year}");
        }
    }
}
