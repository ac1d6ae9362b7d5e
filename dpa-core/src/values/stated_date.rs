//! A date as a statement writes it: a day (`8 juni 2026`), a month
//! (`maart 2023`) or a year (`2020`). Written as text `2026-06-08`, `2023-03`
//! or `2020`; a TOML local date (`effective_date = 2026-06-08`) is also read
//! for the day form.
//!
//! A month or a year is a period, not a day: it never silently means its
//! first day. [`StatedDate::earliest`] and [`StatedDate::latest`] give the
//! first and last day it can mean, and [`StatedDate::order`] compares two
//! stated dates (or a stated date and a day) saying when the answer is
//! uncertain (docs/rules.md, "Dates as stated").

use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use super::iso_date;
use crate::error::{Error, RangeError};
use crate::macros::spelled_enum;

spelled_enum! {
    /// How precisely a [`StatedDate`] names its day.
    #[non_exhaustive]
    pub enum DatePrecision ("date precision") {
        /// A day: `2026-06-08` ("8 juni 2026").
        Day = "day",
        /// A month: `2023-03` ("maart 2023"), any day from its 1st to its last.
        Month = "month",
        /// A year: `2020`, any day from 1 January to 31 December.
        Year = "year",
    }
}

/// A date as the agreement states it: a day, a month or a year
/// ([`DatePrecision`]), of the years 1 to 9999. Its text form is
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; [`Display`](fmt::Display),
/// [`FromStr`] and serde use it, so a value is written back as it was read.
///
/// There is no `Ord`: a month is not before or after a day in it. Compare
/// with [`StatedDate::order`], which says when the answer is uncertain.
///
/// ```
/// use dpa_core::values::{DateOrder, DatePrecision, StatedDate};
/// use time::macros::date;
///
/// let march: StatedDate = "2023-03".parse()?;
/// assert_eq!(march.precision(), DatePrecision::Month);
/// assert_eq!(march.earliest(), date!(2023 - 03 - 01));
/// assert_eq!(march.latest(), date!(2023 - 03 - 31));
/// assert_eq!(march.day(), None); // not a day: never silently the 1st
/// assert_eq!(march.to_string(), "2023-03");
///
/// // Compared with a day inside it, the answer is uncertain.
/// let day = StatedDate::from(date!(2023 - 03 - 15));
/// assert_eq!(march.order(day), DateOrder::Uncertain);
/// assert_eq!(march.order(StatedDate::from(date!(2023 - 04 - 01))), DateOrder::Before);
///
/// let e = "juni 2026".parse::<StatedDate>().unwrap_err();
/// assert!(e.to_string().contains("write 8 juni 2026 as 2026-06-08"));
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatedDate {
    /// The first day it can mean.
    earliest: Date,
    precision: DatePrecision,
}

/// Where one [`StatedDate`] lies relative to another (or to a day), read
/// over every day each can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateOrder {
    /// Certainly before: its last possible day is before the other's first.
    Before,
    /// The same stated date (the same day, or the same month or year stated
    /// the same way).
    Same,
    /// Uncertain: the two share a possible day but are not the same stated
    /// date (a month and a day in it, a year and a month in it), so whether
    /// one is before, on or after the other cannot be told.
    Uncertain,
    /// Certainly after: its first possible day is after the other's last.
    After,
}

impl StatedDate {
    /// The month `year-month`, checked (years 1 to 9999, months 1 to 12).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] naming the month.
    pub fn month(year: i32, month: u32) -> Result<StatedDate, Error> {
        let earliest = iso_date::from_parts(year, month, 1)
            .map_err(|_| Error::from(RangeError::no_such_month(year, month)))?;
        Ok(StatedDate {
            earliest,
            precision: DatePrecision::Month,
        })
    }

    /// The year `year`, checked (1 to 9999).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] naming the year.
    pub fn year(year: i32) -> Result<StatedDate, Error> {
        let earliest = iso_date::from_parts(year, 1, 1)
            .map_err(|_| Error::from(RangeError::no_such_year(year)))?;
        Ok(StatedDate {
            earliest,
            precision: DatePrecision::Year,
        })
    }

    /// How precisely the date is stated.
    pub fn precision(self) -> DatePrecision {
        self.precision
    }

    /// The first day it can mean: the day itself, the 1st of the month, or
    /// 1 January of the year.
    pub fn earliest(self) -> Date {
        self.earliest
    }

    /// The last day it can mean: the day itself, the last day of the month
    /// (28 or 29 February by the year), or 31 December of the year.
    pub fn latest(self) -> Date {
        match self.precision {
            DatePrecision::Day => self.earliest,
            DatePrecision::Month => self
                .earliest
                .replace_day(self.earliest.month().length(self.earliest.year()))
                .unwrap_or(self.earliest),
            DatePrecision::Year => self
                .earliest
                .replace_month(Month::December)
                .and_then(|d| d.replace_day(31))
                .unwrap_or(self.earliest),
        }
    }

    /// The day, when the date is stated to the day; `None` for a month or a
    /// year (which is never read as its first day).
    pub fn day(self) -> Option<Date> {
        (self.precision == DatePrecision::Day).then_some(self.earliest)
    }

    /// Where `self` lies relative to `other`, over every day each can mean
    /// ([`DateOrder`]): certainly before when `self.latest() <
    /// other.earliest()`, certainly after when `self.earliest() >
    /// other.latest()`, the same when both are the same stated date, and
    /// otherwise uncertain.
    pub fn order(self, other: StatedDate) -> DateOrder {
        if self == other {
            DateOrder::Same
        } else if self.latest() < other.earliest() {
            DateOrder::Before
        } else if self.earliest() > other.latest() {
            DateOrder::After
        } else {
            DateOrder::Uncertain
        }
    }

    /// Whether it is on or before `day`: `Some(true)` when every day it can
    /// mean is (`latest() <= day`), `Some(false)` when none is
    /// (`earliest() > day`), `None` when the answer is uncertain (`day`
    /// falls inside it, before its last day). A month is never read as its
    /// 1st.
    ///
    /// ```
    /// use dpa_core::values::StatedDate;
    /// use time::macros::date;
    /// let june: StatedDate = "2026-06".parse()?;
    /// assert_eq!(june.on_or_before(date!(2026 - 06 - 30)), Some(true));
    /// assert_eq!(june.on_or_before(date!(2026 - 06 - 15)), None);
    /// assert_eq!(june.on_or_before(date!(2026 - 05 - 31)), Some(false));
    /// # Ok::<(), dpa_core::Error>(())
    /// ```
    pub fn on_or_before(self, day: Date) -> Option<bool> {
        if self.latest() <= day {
            Some(true)
        } else if self.earliest() > day {
            Some(false)
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for text of another shape, with the three
    /// shapes and an example; [`Error::OutOfRange`] for a day, month or year
    /// that does not exist (`2023-13`, `2026-02-30`, `0000`).
    pub fn parse(s: &str) -> Result<StatedDate, Error> {
        let b = s.as_bytes();
        let number = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        };
        match b.len() {
            10 => iso_date::parse(s)
                .map(StatedDate::from)
                .map_err(|e| match e {
                    Error::InvalidArgument(_) => not_a_stated_date(s),
                    e => e,
                }),
            7 if b[4] == b'-' => match (number(0..4), number(5..7)) {
                (Some(y), Some(m)) => StatedDate::month(y as i32, m),
                _ => Err(not_a_stated_date(s)),
            },
            4 => match number(0..4) {
                Some(y) => StatedDate::year(y as i32),
                None => Err(not_a_stated_date(s)),
            },
            _ => Err(not_a_stated_date(s)),
        }
    }
}

#[cold]
fn not_a_stated_date(s: &str) -> Error {
    Error::invalid_value(format!(
        "`{}` is not a date: expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (write 8 juni 2026 as 2026-06-08, maart 2023 as 2023-03, 2020 as 2020)",
        s.escape_debug()
    ))
}

impl From<Date> for StatedDate {
    /// The date stated to the day.
    fn from(d: Date) -> StatedDate {
        StatedDate {
            earliest: d,
            precision: DatePrecision::Day,
        }
    }
}

impl FromStr for StatedDate {
    type Err = Error;
    fn from_str(s: &str) -> Result<StatedDate, Error> {
        StatedDate::parse(s)
    }
}

impl fmt::Display for StatedDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as read.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.earliest;
        match self.precision {
            DatePrecision::Day => f.write_str(&iso_date::format(d)),
            DatePrecision::Month => write!(f, "{:04}-{:02}", d.year(), u8::from(d.month())),
            DatePrecision::Year => write!(f, "{:04}", d.year()),
        }
    }
}

impl Serialize for StatedDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StatedDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StatedDate, D::Error> {
        d.deserialize_any(StatedDateVisitor)
    }
}

struct StatedDateVisitor;

impl<'de> Visitor<'de> for StatedDateVisitor {
    type Value = StatedDate;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date as text: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<StatedDate, E> {
        StatedDate::parse(v).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StatedDate, A::Error> {
        // A TOML local date: the day form, read as `iso_date` reads it.
        iso_date::deserialize(de::value::MapAccessDeserializer::new(map)).map(StatedDate::from)
    }
}

impl JsonSchema for StatedDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "StatedDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        use iso_date::{MONTH_PATTERN, YEAR_PATTERN};
        // A day is a date (its format and pattern); a month and a year have
        // no format in JSON Schema's list, so their patterns say it all.
        json_schema!({
            "description": "A date as the statement writes it: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY.",
            "type": "string",
            "anyOf": [
                { "type": "string", "format": "date", "pattern": iso_date::pattern() },
                { "type": "string", "pattern": format!("^{YEAR_PATTERN}-{MONTH_PATTERN}$") },
                { "type": "string", "pattern": format!("^{YEAR_PATTERN}$") }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn p(s: &str) -> StatedDate {
        s.parse().unwrap()
    }

    /// Each precision reads, prints back as read, and means the days from
    /// its first to its last: February by the leap years (2024 and 2000
    /// leap, 2023 and 1900 not).
    /// Source: issue 15 point 3 ("8 juni 2026", "maart 2023", "2020").
    #[test]
    fn parse_print_earliest_latest() {
        for (text, precision, earliest, latest) in [
            (
                "2026-06-08",
                DatePrecision::Day,
                date!(2026 - 06 - 08),
                date!(2026 - 06 - 08),
            ),
            (
                "2023-03",
                DatePrecision::Month,
                date!(2023 - 03 - 01),
                date!(2023 - 03 - 31),
            ),
            (
                "2020",
                DatePrecision::Year,
                date!(2020 - 01 - 01),
                date!(2020 - 12 - 31),
            ),
            (
                "2024-02",
                DatePrecision::Month,
                date!(2024 - 02 - 01),
                date!(2024 - 02 - 29),
            ),
            (
                "2023-02",
                DatePrecision::Month,
                date!(2023 - 02 - 01),
                date!(2023 - 02 - 28),
            ),
            (
                "2000-02",
                DatePrecision::Month,
                date!(2000 - 02 - 01),
                date!(2000 - 02 - 29),
            ),
            (
                "1900-02",
                DatePrecision::Month,
                date!(1900 - 02 - 01),
                date!(1900 - 02 - 28),
            ),
            (
                "2026-04",
                DatePrecision::Month,
                date!(2026 - 04 - 01),
                date!(2026 - 04 - 30),
            ),
            (
                "9999-12",
                DatePrecision::Month,
                date!(9999 - 12 - 01),
                date!(9999 - 12 - 31),
            ),
            (
                "0001",
                DatePrecision::Year,
                date!(0001 - 01 - 01),
                date!(0001 - 12 - 31),
            ),
            (
                "9999",
                DatePrecision::Year,
                date!(9999 - 01 - 01),
                date!(9999 - 12 - 31),
            ),
        ] {
            let d = p(text);
            assert_eq!(d.precision(), precision, "{text}");
            assert_eq!(d.earliest(), earliest, "{text}");
            assert_eq!(d.latest(), latest, "{text}");
            assert_eq!(d.to_string(), text);
            assert_eq!(
                d.day(),
                (precision == DatePrecision::Day).then_some(earliest)
            );
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{text}\""));
            let back: StatedDate = serde_json::from_str(&format!("\"{text}\"")).unwrap();
            assert_eq!(back, d);
        }
    }

    /// Text that is no stated date is refused with what to write instead;
    /// a month, day or year that does not exist is out of range and named.
    #[test]
    fn bad_input_errors() {
        for (text, message) in [
            (
                "2023-13",
                "2023-13 is not a month: the month must be from 01 to 12",
            ),
            (
                "2023-00",
                "2023-00 is not a month: the month must be from 01 to 12",
            ),
            (
                "0000-05",
                "0000-05 is not a month: the year must be from 1 to 9999",
            ),
            (
                "0000",
                "0000 is not a year: the year must be from 1 to 9999",
            ),
            (
                "2026-02-30",
                "2026-02-30 is not a date: no such day in that month",
            ),
        ] {
            let e = StatedDate::parse(text).unwrap_err();
            assert!(matches!(e, Error::OutOfRange(_)), "{text}: {e:?}");
            assert!(e.to_string().contains(message), "{text}: {e}");
        }
        for text in [
            "juni 2026",
            "8 juni 2026",
            "maart 2023",
            "2023-3",
            "2023/03",
            "20",
            "",
            "2026-06-08 ",
            "+2026",
            "2026-06-8",
            "２０２６",
            "2026-06-08T00:00Z",
        ] {
            let e = StatedDate::parse(text).unwrap_err();
            assert!(matches!(e, Error::InvalidArgument(_)), "{text}: {e:?}");
            let m = e.to_string();
            assert!(
                m.contains("expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY")
                    && m.contains("write 8 juni 2026 as 2026-06-08, maart 2023 as 2023-03"),
                "{text}: {m}"
            );
        }
    }

    /// A TOML local date reads as the day form; a TOML date-time does not;
    /// a bare number is not read as a year (only the text form is).
    #[test]
    fn toml_forms() {
        #[derive(Deserialize)]
        struct T {
            d: StatedDate,
        }
        let t: T = toml::from_str("d = 2026-06-08").unwrap();
        assert_eq!(t.d, StatedDate::from(date!(2026 - 06 - 08)));
        let t: T = toml::from_str("d = \"2023-03\"").unwrap();
        assert_eq!(t.d.precision(), DatePrecision::Month);
        assert!(toml::from_str::<T>("d = 2026-06-08T10:00:00Z").is_err());
        let e = toml::from_str::<T>("d = 2020").err().unwrap().to_string();
        assert!(e.contains("a month YYYY-MM or a year YYYY"), "{e}");
    }

    /// The order over every day each can mean: certain only where the
    /// periods do not meet; never decided by taking the 1st.
    #[test]
    fn order_is_certain_only_without_overlap() {
        let day = |s: &str| StatedDate::from(iso_date::parse(s).unwrap());
        use DateOrder::*;
        for (a, b, want) in [
            (p("2023-03"), day("2023-03-01"), Uncertain),
            (p("2023-03"), day("2023-03-31"), Uncertain),
            (p("2023-03"), day("2023-02-28"), After),
            (p("2023-03"), day("2023-04-01"), Before),
            (p("2023-03"), p("2023-03"), Same),
            (p("2023-03"), p("2023"), Uncertain),
            (p("2023-03"), p("2024"), Before),
            (p("2020"), p("2019-12"), After),
            (day("2026-06-08"), day("2026-06-08"), Same),
            (day("2026-06-08"), day("2026-06-09"), Before),
            (p("2024-02"), day("2024-02-29"), Uncertain),
            (p("2023-02"), day("2023-03-01"), Before),
        ] {
            assert_eq!(a.order(b), want, "{a} vs {b}");
            let back = match want {
                Before => After,
                After => Before,
                w => w,
            };
            assert_eq!(b.order(a), back, "{b} vs {a}");
        }
        let june = p("2026-06");
        for (d, want) in [
            (date!(2026 - 05 - 31), Some(false)),
            (date!(2026 - 06 - 01), None),
            (date!(2026 - 06 - 29), None),
            (date!(2026 - 06 - 30), Some(true)),
            (date!(2027 - 01 - 01), Some(true)),
        ] {
            assert_eq!(june.on_or_before(d), want, "{d}");
        }
        assert_eq!(
            p("2026-06-08").on_or_before(date!(2026 - 06 - 08)),
            Some(true)
        );
        assert_eq!(
            p("2026-06-08").on_or_before(date!(2026 - 06 - 07)),
            Some(false)
        );
    }
}
