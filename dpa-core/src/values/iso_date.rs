//! Serde support for `time::Date` as an ISO 8601 calendar date
//! (`YYYY-MM-DD`). Reads a string in either format, or a TOML local date
//! (`effective_date = 2026-06-08`); writes a string.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use time::Date;

const FORMAT: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD` (years 1 to 9999).
///
/// # Errors
/// A message saying what is wrong, e.g. that 2026-02-30 does not exist.
pub fn parse(s: &str) -> Result<Date, String> {
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(format!(
            "`{}` is not a date: expected YYYY-MM-DD",
            s.escape_debug()
        ));
    }
    let d = Date::parse(s, FORMAT).map_err(|e| format!("`{s}` is not a valid date: {e}"))?;
    if d.year() < 1 {
        return Err(format!("`{s}` is before year 1"));
    }
    Ok(d)
}

/// Formats as `YYYY-MM-DD`.
pub fn format(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
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

/// JSON Schema of the date string.
pub fn schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

/// `Option<Date>` with the same representation.
pub mod option {
    use schemars::{Schema, SchemaGenerator, json_schema};
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

    /// JSON Schema of the date string.
    pub fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}
