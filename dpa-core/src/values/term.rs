//! [`Term`]: a length of time in a unit, as a statement writes it ("binnen
//! 30 dagen", "binnen zes weken", "binnen 3 maanden", "eens per twee jaar"),
//! and [`ElapsedTerm`], a length of time counted from an instant (a breach
//! notice "binnen 24 uur" or "binnen 2 dagen"). Both are written as text, a
//! number and its unit: `"30 days"`, `"6 weeks"`, `"3 months"`, `"1 year"`,
//! `"24 hours"`. Adding a [`Term`] to a date is `calendar::add_term`
//! (docs/rules.md rules 1 and 3); adding an [`ElapsedTerm`] to an instant is
//! `calendar::add_elapsed` (rule 2).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::{Days, Hours, Months};
use crate::error::Error;
use crate::macros::spelled_enum;

spelled_enum! {
    /// The unit of a [`Term`]. Days and weeks count calendar days (a week
    /// is 7 days); months are calendar months under the agreement's month
    /// rule; a year is 12 months (docs/rules.md rules 1 and 3).
    #[derive(PartialOrd, Ord)]
    pub enum TermUnit ("term unit") {
        /// Calendar days.
        Days = "days",
        /// Weeks of 7 calendar days.
        Weeks = "weeks",
        /// Calendar months.
        Months = "months",
        /// Years of 12 calendar months.
        Years = "years",
    }
}

impl TermUnit {
    /// The most of this unit a term may have: 3650 days, 521 weeks, 120
    /// months or 10 years (the bounds of [`Days`] and [`Months`]).
    pub const fn max(self) -> u16 {
        match self {
            TermUnit::Days => Days::MAX,
            TermUnit::Weeks => Days::MAX / 7,
            TermUnit::Months => Months::MAX,
            TermUnit::Years => Months::MAX / 12,
        }
    }

    /// The unit's word for `n` of it: `day` for 1, else `days`.
    const fn word(self, n: u16) -> &'static str {
        match (self, n) {
            (TermUnit::Days, 1) => "day",
            (TermUnit::Weeks, 1) => "week",
            (TermUnit::Months, 1) => "month",
            (TermUnit::Years, 1) => "year",
            _ => self.as_str(),
        }
    }
}

/// What a term is written as, for the messages of a term that cannot be read.
const TERM_EXAMPLES: &str = "a term such as `30 days`, `6 weeks`, `3 months`, `1 year`";

/// A length of time in days, weeks, months or years: 0 to 3650 days, 521
/// weeks, 120 months or 10 years. Written as text, the number and its unit
/// (`"30 days"`, `"1 week"`, `"3 months"`, `"2 years"`; singular or plural).
///
/// ```
/// use dpa_core::values::{Term, TermUnit};
/// let t: Term = "6 weeks".parse()?;
/// assert_eq!((t.count(), t.unit()), (6, TermUnit::Weeks));
/// assert_eq!(t.to_string(), "6 weeks");
/// assert_eq!("1 year".parse::<Term>()?.to_string(), "1 year");
/// assert!("11 years".parse::<Term>().is_err());
/// assert!("3 maanden".parse::<Term>().is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term {
    n: u16,
    unit: TermUnit,
}

impl Term {
    /// One year.
    pub const YEAR: Term = Term {
        n: 1,
        unit: TermUnit::Years,
    };
    /// Twelve months.
    pub const TWELVE_MONTHS: Term = Term {
        n: 12,
        unit: TermUnit::Months,
    };

    /// Makes the term.
    ///
    /// # Errors
    /// When `n` is negative or above the unit's bound ([`TermUnit::max`]).
    pub fn new(n: i64, unit: TermUnit) -> Result<Term, Error> {
        match u16::try_from(n) {
            Ok(n) if n <= unit.max() => Ok(Term { n, unit }),
            _ => Err(Error::invalid_value(format!(
                "must be between 0 and {} {unit}, got {n}",
                unit.max()
            ))),
        }
    }

    /// A term of `months` calendar months (the form of the keys that count
    /// in months, e.g. `terms.deletion.months`).
    pub const fn from_months(months: Months) -> Term {
        Term {
            n: months.get(),
            unit: TermUnit::Months,
        }
    }

    /// A term of `days` calendar days (the form of the keys that count in
    /// days, e.g. `terms.audit.notice_days`).
    pub const fn from_days(days: Days) -> Term {
        Term {
            n: days.get(),
            unit: TermUnit::Days,
        }
    }

    /// The number of units.
    pub const fn count(self) -> u16 {
        self.n
    }

    /// The unit.
    pub const fn unit(self) -> TermUnit {
        self.unit
    }

    /// The term in calendar days, for a term in days or weeks (a week is 7
    /// days); `None` for months and years, whose days depend on the start.
    pub const fn in_days(self) -> Option<u32> {
        match self.unit {
            TermUnit::Days => Some(self.n as u32),
            TermUnit::Weeks => Some(self.n as u32 * 7),
            _ => None,
        }
    }

    /// The term in calendar months, for a term in months or years (a year
    /// is 12 months); `None` for days and weeks.
    pub const fn in_months(self) -> Option<u32> {
        match self.unit {
            TermUnit::Months => Some(self.n as u32),
            TermUnit::Years => Some(self.n as u32 * 12),
            _ => None,
        }
    }

    /// The term as [`Months`] where it is written in months and fits them
    /// (the form an old key such as `terms.deletion.months` writes).
    pub fn as_months(self) -> Option<Months> {
        match self.unit {
            TermUnit::Months => Months::new(i64::from(self.n)).ok(),
            _ => None,
        }
    }

    /// The term as [`Days`] where it is written in days.
    pub fn as_days(self) -> Option<Days> {
        match self.unit {
            TermUnit::Days => Days::new(i64::from(self.n)).ok(),
            _ => None,
        }
    }
}

impl Term {
    /// The JSON Schema pattern of a term in one of `units`, from `min` to
    /// the unit's bound ([`TermUnit::max`]): the number's bounds are in the
    /// pattern, from the same constants [`Term::new`] checks. An audit
    /// period, at least a month in months or years, is
    /// `Term::pattern(&[TermUnit::Months, TermUnit::Years], 1)`.
    pub(crate) fn pattern(units: &[TermUnit], min: u32) -> String {
        let units: Vec<String> = units
            .iter()
            .map(|&u| {
                format!(
                    "{}\\s+{}s?",
                    super::number_pattern(min, u32::from(u.max())),
                    u.word(1)
                )
            })
            .collect();
        format!("^\\s*({})\\s*$", units.join("|"))
    }
}

impl FromStr for Term {
    type Err = Error;

    /// Reads `N unit`: a whole number, a space, and `day(s)`, `week(s)`,
    /// `month(s)` or `year(s)`.
    fn from_str(s: &str) -> Result<Term, Error> {
        let (n, word) = split_term(s).ok_or_else(|| {
            Error::invalid_value(format!(
                "expected {TERM_EXAMPLES}, got \"{}\"",
                s.escape_debug()
            ))
        })?;
        let unit = match word {
            "day" | "days" => TermUnit::Days,
            "week" | "weeks" => TermUnit::Weeks,
            "month" | "months" => TermUnit::Months,
            "year" | "years" => TermUnit::Years,
            _ => {
                return Err(Error::invalid_value(format!(
                    "unknown unit `{}` in \"{}\": expected {TERM_EXAMPLES} (days, weeks, months or years)",
                    word.escape_debug(),
                    s.escape_debug()
                )));
            }
        };
        Term::new(n, unit)
    }
}

/// The number and the word of `N unit`, where `s` is a whole number (with
/// no sign), whitespace and one word.
fn split_term(s: &str) -> Option<(i64, &str)> {
    let mut parts = s.split_whitespace();
    let (number, word, rest) = (parts.next()?, parts.next()?, parts.next());
    if rest.is_some() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A number too long for i64 is out of every bound anyway.
    Some((number.parse().unwrap_or(i64::MAX), word))
}

impl fmt::Display for Term {
    /// `30 days`, `1 week`, `3 months`, `1 year`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.n, self.unit.word(self.n))
    }
}

impl Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TermVisitor(TERM_EXAMPLES, |s| s.parse::<Term>()))
    }
}

/// Reads a term from text, and says what to write for a bare number.
struct TermVisitor<T>(&'static str, fn(&str) -> Result<T, Error>);

impl<T> serde::de::Visitor<'_> for TermVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        (self.1)(s).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<T, E> {
        Err(E::custom(format_args!(
            "expected {}, not the number {n}: write the number with its unit, as text",
            self.0
        )))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<T, E> {
        Err(E::custom(format_args!(
            "expected {}, not the number {n}: write the number with its unit, as text",
            self.0
        )))
    }
}

impl JsonSchema for Term {
    fn schema_name() -> Cow<'static, str> {
        "Term".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let pattern = Term::pattern(TermUnit::ALL, 0);
        json_schema!({
            "type": "string",
            "pattern": pattern,
            "description": "A term: a whole number and its unit, e.g. `30 days`, `6 weeks`, `3 months`, `1 year` (at most 3650 days, 521 weeks, 120 months or 10 years).",
            "examples": ["30 days", "6 weeks", "3 months", "1 year"]
        })
    }
}

spelled_enum! {
    /// The unit of an [`ElapsedTerm`].
    #[derive(PartialOrd, Ord)]
    pub enum ElapsedUnit ("elapsed-time unit") {
        /// Hours.
        Hours = "hours",
        /// Days of 24 hours.
        Days = "days",
    }
}

const ELAPSED_EXAMPLES: &str = "a term such as `24 hours` or `2 days`";

/// A length of elapsed time from an instant, in hours (1 to 8760) or days
/// (1 to 365): a day is 24 hours from the instant (docs/rules.md rule 2).
/// Written as text, the number and its unit (`"24 hours"`, `"2 days"`).
///
/// ```
/// use dpa_core::values::{ElapsedTerm, ElapsedUnit};
/// let t: ElapsedTerm = "2 days".parse()?;
/// assert_eq!((t.count(), t.unit(), t.hours()), (2, ElapsedUnit::Days, 48));
/// assert!("0 hours".parse::<ElapsedTerm>().is_err());
/// assert!("1 week".parse::<ElapsedTerm>().is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ElapsedTerm {
    n: u16,
    unit: ElapsedUnit,
}

impl ElapsedTerm {
    /// Makes the term.
    ///
    /// # Errors
    /// When `n` is outside 1 to 8760 hours or 1 to 365 days.
    pub fn new(n: i64, unit: ElapsedUnit) -> Result<ElapsedTerm, Error> {
        let max = match unit {
            ElapsedUnit::Hours => Hours::MAX,
            ElapsedUnit::Days => Hours::MAX / 24,
        };
        match u16::try_from(n) {
            Ok(n) if (1..=max).contains(&n) => Ok(ElapsedTerm { n, unit }),
            _ => Err(Error::invalid_value(format!(
                "must be between 1 and {max} {unit}, got {n}"
            ))),
        }
    }

    /// A term of `hours` hours.
    pub const fn from_hours(hours: Hours) -> ElapsedTerm {
        ElapsedTerm {
            n: hours.get(),
            unit: ElapsedUnit::Hours,
        }
    }

    /// The number of units.
    pub const fn count(self) -> u16 {
        self.n
    }

    /// The unit.
    pub const fn unit(self) -> ElapsedUnit {
        self.unit
    }

    /// The term in hours (a day is 24 hours).
    pub const fn hours(self) -> u32 {
        match self.unit {
            ElapsedUnit::Hours => self.n as u32,
            ElapsedUnit::Days => self.n as u32 * 24,
        }
    }

    /// The term as [`Hours`] where it is written in hours.
    pub fn as_hours(self) -> Option<Hours> {
        match self.unit {
            ElapsedUnit::Hours => Hours::new(i64::from(self.n)).ok(),
            ElapsedUnit::Days => None,
        }
    }
}

impl FromStr for ElapsedTerm {
    type Err = Error;

    /// Reads `N unit`: a whole number, a space, and `hour(s)` or `day(s)`.
    fn from_str(s: &str) -> Result<ElapsedTerm, Error> {
        let (n, word) = split_term(s).ok_or_else(|| {
            Error::invalid_value(format!(
                "expected {ELAPSED_EXAMPLES}, got \"{}\"",
                s.escape_debug()
            ))
        })?;
        let unit = match word {
            "hour" | "hours" => ElapsedUnit::Hours,
            "day" | "days" => ElapsedUnit::Days,
            _ => {
                return Err(Error::invalid_value(format!(
                    "unknown unit `{}` in \"{}\": expected {ELAPSED_EXAMPLES} (hours or days)",
                    word.escape_debug(),
                    s.escape_debug()
                )));
            }
        };
        ElapsedTerm::new(n, unit)
    }
}

impl fmt::Display for ElapsedTerm {
    /// `24 hours`, `1 hour`, `2 days`, `1 day`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match (self.unit, self.n) {
            (ElapsedUnit::Hours, 1) => "hour",
            (ElapsedUnit::Days, 1) => "day",
            (u, _) => u.as_str(),
        };
        write!(f, "{} {word}", self.n)
    }
}

impl Serialize for ElapsedTerm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ElapsedTerm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TermVisitor(ELAPSED_EXAMPLES, |s| s.parse::<ElapsedTerm>()))
    }
}

impl JsonSchema for ElapsedTerm {
    fn schema_name() -> Cow<'static, str> {
        "ElapsedTerm".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let pattern = format!(
            "^\\s*({}\\s+hours?|{}\\s+days?)\\s*$",
            super::number_pattern(1, u32::from(Hours::MAX)),
            super::number_pattern(1, u32::from(Hours::MAX / 24))
        );
        json_schema!({
            "type": "string",
            "pattern": pattern,
            "description": "Elapsed time from an instant: a whole number and its unit, `24 hours` or `2 days` (a day is 24 hours; at most 8760 hours or 365 days).",
            "examples": ["24 hours", "2 days"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_each_unit() {
        for (text, n, unit, written) in [
            ("30 days", 30, TermUnit::Days, "30 days"),
            ("1 day", 1, TermUnit::Days, "1 day"),
            ("6 weeks", 6, TermUnit::Weeks, "6 weeks"),
            ("1 weeks", 1, TermUnit::Weeks, "1 week"),
            ("3 months", 3, TermUnit::Months, "3 months"),
            (" 2  years ", 2, TermUnit::Years, "2 years"),
            ("0 days", 0, TermUnit::Days, "0 days"),
        ] {
            let t: Term = text.parse().unwrap();
            assert_eq!((t.count(), t.unit()), (n, unit), "{text}");
            assert_eq!(t.to_string(), written);
        }
    }

    #[test]
    fn bounds_per_unit_match_days_and_months() {
        assert!(Term::new(3650, TermUnit::Days).is_ok());
        assert!(Term::new(3651, TermUnit::Days).is_err());
        assert!(Term::new(521, TermUnit::Weeks).is_ok());
        assert!(Term::new(522, TermUnit::Weeks).is_err());
        assert!(Term::new(120, TermUnit::Months).is_ok());
        assert!(Term::new(121, TermUnit::Months).is_err());
        assert!(Term::new(10, TermUnit::Years).is_ok());
        let e = Term::new(11, TermUnit::Years).unwrap_err().to_string();
        assert!(e.contains("between 0 and 10 years, got 11"), "{e}");
        assert!(Term::new(-1, TermUnit::Days).is_err());
    }

    #[test]
    fn bad_text_says_what_to_write() {
        for bad in [
            "30",
            "dertig dagen",
            "3 maanden",
            "-3 days",
            "3 days later",
            "",
            "3.5 months",
        ] {
            let e = bad.parse::<Term>().unwrap_err().to_string();
            assert!(
                e.contains("`30 days`, `6 weeks`, `3 months`, `1 year`"),
                "{bad}: {e}"
            );
        }
        let e = toml::from_str::<std::collections::BTreeMap<String, Term>>("t = 30")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the number 30"), "{e}");
    }

    #[test]
    fn elapsed_terms() {
        let t: ElapsedTerm = "24 hours".parse().unwrap();
        assert_eq!((t.hours(), t.as_hours().map(Hours::get)), (24, Some(24)));
        let d: ElapsedTerm = "1 day".parse().unwrap();
        assert_eq!((d.hours(), d.to_string().as_str()), (24, "1 day"));
        assert!("366 days".parse::<ElapsedTerm>().is_err());
        assert!("8761 hours".parse::<ElapsedTerm>().is_err());
        let e = "2 weeks".parse::<ElapsedTerm>().unwrap_err().to_string();
        assert!(e.contains("hours or days"), "{e}");
    }
}
