//! Small validated values the model is built from: country codes, locations,
//! bounded terms, money, versions, time-zone names, clause references and
//! dates. Each type checks its invariant when it is made (by its
//! constructor or when a document is read), so a value that exists is valid.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

/// Reads a value that is written as a string through its [`FromStr`], from
/// the string the format lends when it can (JSON without escapes), so that
/// a code such as `NL` or `DPS 1.13` is checked in place instead of being
/// copied into a `String` first.
struct FromStrVisitor<T>(std::marker::PhantomData<T>);

impl<T: FromStr<Err: fmt::Display>> serde::de::Visitor<'_> for FromStrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        s.parse().map_err(E::custom)
    }
}

/// `Deserialize` through [`FromStrVisitor`] for types written as strings.
macro_rules! deserialize_from_str {
    ($($name:ty),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str(FromStrVisitor(std::marker::PhantomData))
            }
        }
    )*};
}

deserialize_from_str!(Country, Location, Version, TimeZoneName, ClauseRef);

/// Reads a whole number, saying what it is for where it is not one:
/// `expecting` is the value's own words (`a whole number of months, e.g.
/// 3`), never a Rust type. Text that starts with a number (`"3 maanden"`)
/// is told to be written as the number alone.
pub(crate) fn whole_number<'de, D: serde::Deserializer<'de>>(
    d: D,
    expecting: &'static str,
) -> Result<i64, D::Error> {
    struct Whole(&'static str);

    impl serde::de::Visitor<'_> for Whole {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }

        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<i64, E> {
            Ok(n)
        }

        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<i64, E> {
            i64::try_from(n)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
        }

        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<i64, E> {
            let number: String = s
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if number.parse::<i64>().is_ok() {
                Err(E::custom(format_args!(
                    "expected {}, not the text \"{}\": write the number alone, without quotes or a unit: {number}",
                    self.0,
                    s.escape_debug()
                )))
            } else {
                Err(E::invalid_type(serde::de::Unexpected::Str(s), &self))
            }
        }
    }

    // `any`, not `i64`: serde_json refuses a string for an `i64` before a
    // visitor sees it.
    d.deserialize_any(Whole(expecting))
}

mod clause_ref;
mod country;
pub mod iso_date;
pub mod iso_instant;
mod money;
mod month_rule;
mod stated_date;
mod term;
mod terms;
mod text;
mod time_zone;
mod version;

pub use clause_ref::{ClauseRef, join_refs};
pub use country::{Country, Location, Region};
pub use money::EurCents;
pub use month_rule::MonthRule;
pub use stated_date::{DateOrder, DatePrecision, StatedDate};
pub use term::{ElapsedTerm, ElapsedUnit, Term, TermUnit};
pub use terms::{Count, Days, Hours, Months, UndueDelayHours};
pub use text::Text;
pub(crate) use text::steers_display;
pub use time_zone::TimeZoneName;
pub use version::Version;

#[cfg(test)]
mod reading {
    use super::{ClauseRef, Country, Location, Version};

    /// Codes are read in place from JSON and from TOML's owned strings alike,
    /// and a value of the wrong type is named as before.
    #[test]
    fn codes_read_from_borrowed_and_owned_strings() {
        let json: Vec<Location> = serde_json::from_str(r#"["NL", "EU", "US"]"#).unwrap();
        assert_eq!(
            json.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            ["NL", "EU", "US"]
        );
        // An escape makes serde_json hand over an owned string.
        let escaped: Country = serde_json::from_str(r#""\u004eL""#).unwrap();
        assert_eq!(escaped.as_str(), "NL");
        #[derive(serde::Deserialize)]
        struct T {
            v: Version,
            r: ClauseRef,
        }
        let t: T = toml::from_str("v = '1.2.2'\nr = 'DPS 1.13'").unwrap();
        assert_eq!(t.v.parts(), [1, 2, 2]);
        assert_eq!(t.r.as_str(), "DPS 1.13");
        let err = serde_json::from_str::<Country>("5")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: integer `5`, expected a string"),
            "{err}"
        );
        let err = serde_json::from_str::<ClauseRef>(r#""DPS  ""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is not a clause reference"), "{err}");
    }
}
