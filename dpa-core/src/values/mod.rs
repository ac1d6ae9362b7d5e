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
///
/// A number written with a fraction or an exponent whose value is whole
/// (`3.0`, `1e2`, TOML's `3.0`) is that whole number: JSON Schema's
/// `integer` is any number with a zero fractional part (draft 2020-12,
/// Core §4.2.1), so the schema and the library accept the same
/// numbers, in JSON and TOML alike. A fraction (`3.5`), an infinity or a
/// NaN is refused as a value that is not whole.
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

        fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<i64, E> {
            // -2^63 and 2^63 are exact in f64; every whole f64 between them
            // is an i64.
            const LIMIT: f64 = 9_223_372_036_854_775_808.0;
            if n.fract() == 0.0 && (-LIMIT..LIMIT).contains(&n) {
                Ok(n as i64)
            } else {
                Err(E::invalid_value(serde::de::Unexpected::Float(n), &self))
            }
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

/// A regular expression (ECMA-262, as JSON Schema's `pattern` reads it)
/// for the whole numbers `min` to `max` written in decimal digits, with any
/// leading zeros (`007`), as the terms read them: a term's bounds in its
/// schema's pattern, made from the same constants the library checks.
///
/// Each run of numbers of one length is split where a digit's range
/// changes: 1 to 120 is `0*([1-9]|[1-9][0-9]|1[0-1][0-9]|120)`.
pub(crate) fn number_pattern(min: u32, max: u32) -> String {
    /// The numbers `lo` to `hi`, digit strings of one length.
    fn same_length(lo: &[u8], hi: &[u8]) -> Vec<String> {
        match (lo.split_first(), hi.split_first()) {
            (Some((&a, lo_rest)), Some((&b, hi_rest))) => {
                let digit = |from: u8, to: u8| {
                    if from == to {
                        char::from(from).to_string()
                    } else {
                        format!("[{}-{}]", char::from(from), char::from(to))
                    }
                };
                if lo_rest.is_empty() {
                    return vec![digit(a, b)];
                }
                let nines = vec![b'9'; lo_rest.len()];
                let zeros = vec![b'0'; lo_rest.len()];
                if a == b {
                    return same_length(lo_rest, hi_rest)
                        .into_iter()
                        .map(|tail| format!("{}{tail}", char::from(a)))
                        .collect();
                }
                // The first digit's run from `a` (when the rest starts at
                // 0...0) to `b` (when it ends at 9...9) takes any rest.
                let lo_full = lo_rest == zeros.as_slice();
                let hi_full = hi_rest == nines.as_slice();
                let mut out = Vec::new();
                if !lo_full {
                    out.extend(
                        same_length(lo_rest, &nines)
                            .into_iter()
                            .map(|tail| format!("{}{tail}", char::from(a))),
                    );
                }
                let (first, last) = (
                    if lo_full { a } else { a + 1 },
                    if hi_full { b } else { b - 1 },
                );
                if first <= last {
                    let any = match lo_rest.len() {
                        1 => "[0-9]".to_owned(),
                        n => format!("[0-9]{{{n}}}"),
                    };
                    out.push(format!("{}{any}", digit(first, last)));
                }
                if !hi_full {
                    out.extend(
                        same_length(&zeros, hi_rest)
                            .into_iter()
                            .map(|tail| format!("{}{tail}", char::from(b))),
                    );
                }
                out
            }
            _ => Vec::new(),
        }
    }
    let mut alternatives = Vec::new();
    let mut lo = min;
    while lo <= max {
        let len = lo.to_string().len() as u32;
        let hi = max.min(10u32.pow(len) - 1);
        alternatives.extend(same_length(
            lo.to_string().as_bytes(),
            hi.to_string().as_bytes(),
        ));
        lo = hi + 1;
    }
    format!("0*({})", alternatives.join("|"))
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
pub(crate) use country::CountrySet;
pub use country::{Country, CountryNames, Location, Region};
pub use money::EurCents;
pub use month_rule::MonthRule;
pub use stated_date::{DateOrder, DatePrecision, StatedDate};
pub use term::{ElapsedTerm, ElapsedUnit, Term, TermUnit};
pub use terms::{Count, Days, Hours, Months, UndueDelayHours};
pub use text::Text;
pub(crate) use text::fold_letter;
pub(crate) use text::steers_display;
pub use time_zone::{TimeZoneName, time_zone_names};
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

#[cfg(test)]
mod patterns {
    /// The pattern of `min` to `max` matches exactly those numbers, with or
    /// without leading zeros, checked by a JSON Schema validator for every
    /// number up to past the bound, at the bounds the terms use.
    /// Source: README "Invariants and limits" (days 0–3650, weeks 0–521,
    /// months 1–120, years 0–10, hours 1–8760, a breach notice in days
    /// 1–365); the JSON Schema specification, draft 2020-12 (`pattern`).
    #[test]
    fn number_pattern_matches_exactly_the_range() {
        for (min, max) in [
            (0, 10),
            (0, 521),
            (1, 120),
            (1, 365),
            (0, 3650),
            (1, 8760),
            (7, 7),
            (9, 10),
        ] {
            let pattern = format!("^{}$", super::number_pattern(min, max));
            let schema = serde_json::json!({ "type": "string", "pattern": pattern });
            let v = jsonschema::validator_for(&schema).unwrap();
            for n in 0..=max + 1100 {
                let inside = (min..=max).contains(&n);
                for text in [n.to_string(), format!("0{n}"), format!("000{n}")] {
                    assert_eq!(
                        v.is_valid(&text.clone().into()),
                        inside,
                        "{min}-{max}: {text}"
                    );
                }
            }
            for text in ["", "-1", "+1", "1.0", " 1", "1e2", "x"] {
                assert!(!v.is_valid(&text.into()), "{min}-{max}: {text:?}");
            }
        }
    }
}
