//! Instants (a point in time) as RFC 3339 / ISO 8601 text with a UTC offset:
//! `2026-03-28T10:30:00+01:00`, `2026-03-29T09:30:00Z`. An instant without an
//! offset is refused, never guessed (a local time is ambiguous around
//! daylight-saving changes).

use crate::error::Error;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use schemars::{Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// The instant `unix` seconds after 1970-01-01T00:00:00Z, checked against
/// the supported years 1 to 9999 (in UTC): the one check of an instant
/// handed in as a number, used by the C library.
///
/// ```
/// use dpa_core::values::iso_instant;
/// assert_eq!(iso_instant::format(iso_instant::from_unix(0)?), "1970-01-01T00:00:00Z");
/// assert!(iso_instant::from_unix(i64::MAX).is_err());
/// assert!(iso_instant::from_unix(-62_135_596_801).is_err()); // 0000-12-31T23:59:59Z
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::OutOfRange`] for an instant outside the years 1 to 9999.
#[inline]
pub fn from_unix(unix: i64) -> Result<OffsetDateTime, Error> {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) if (MIN_YEAR..=MAX_YEAR).contains(&t.year()) => Ok(t),
        _ => Err(Error::out_of_range(format!(
            "{unix} Unix seconds is outside the years 1 to 9999"
        ))),
    }
}

/// Parses an instant with a UTC offset (`Z` or `±hh:mm`), seconds
/// optional (`2026-03-28T10:30+01:00`), a space allowed for `T`.
///
/// # Errors
/// [`Error::InvalidArgument`] for text not shaped as an instant (an
/// instant without an offset is one); [`Error::OutOfRange`] for text shaped
/// as one that names no instant of the years 1 to 9999 in UTC, as
/// [`from_unix`] refuses the same instant given as a number: a date that
/// does not exist (`2026-02-30T10:00:00Z`, with [`iso_date::parse`]'s
/// message), an hour, minute or second past its range, or an instant
/// whose UTC date is outside the years 1 to 9999
/// (`0001-01-01T00:30:00+01:00`).
///
/// ```
/// use dpa_core::{Error, values::iso_instant};
/// let t = iso_instant::parse("2026-03-28T10:30+01:00").unwrap();
/// assert_eq!(iso_instant::format(t), "2026-03-28T09:30:00Z");
/// assert!(matches!(iso_instant::parse("2026-03-28T10:30:00"), Err(Error::InvalidArgument(_))));
/// assert!(matches!(iso_instant::parse("2026-02-30T10:00:00Z"), Err(Error::OutOfRange(_))));
/// assert!(matches!(iso_instant::parse("0001-01-01T00:30:00+01:00"), Err(Error::OutOfRange(_))));
/// ```
///
/// [`iso_date::parse`]: crate::values::iso_date::parse
pub fn parse(s: &str) -> Result<OffsetDateTime, Error> {
    let mut text = s.replacen(' ', "T", 1);
    // Accept hh:mm without seconds by inserting ":00".
    if let Some(t) = text.find('T') {
        let rest = &text[t + 1..];
        let time_len = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
        if time_len == 5 {
            text.insert_str(t + 6, ":00");
        }
    } else {
        return Err(Error::invalid_value(format!(
            "`{}` is not an instant: expected YYYY-MM-DDTHH:MM[:SS] with an offset (`Z` or `+01:00`)",
            s.escape_debug()
        )));
    }
    let after_t = &text[text.find('T').map_or(0, |i| i + 1)..];
    if !after_t.contains(['Z', 'z', '+', '-']) {
        return Err(Error::invalid_value(format!(
            "`{}` has no UTC offset: add `Z` or an offset such as `+01:00` (a local time is ambiguous, so it is never guessed)",
            s.escape_debug()
        )));
    }
    let t = OffsetDateTime::parse(&text, &Rfc3339).map_err(|e| {
        no_such_instant(s, &text).unwrap_or_else(|| {
            Error::invalid_value(format!(
                "`{}` is not a valid instant: {e}",
                s.escape_debug()
            ))
        })
    })?;
    // The supported years hold in UTC, as for `from_unix`: an instant whose
    // UTC time is in year 0 or 10000 has no place in the crate's arithmetic.
    match t.checked_to_offset(UtcOffset::UTC) {
        Some(u) if (MIN_YEAR..=MAX_YEAR).contains(&u.year()) => Ok(t),
        _ => Err(Error::out_of_range(format!(
            "`{}` is outside the years 1 to 9999 (in UTC)",
            s.escape_debug()
        ))),
    }
}

/// For `text` (`s` with seconds added) that failed to parse: the
/// [`Error::OutOfRange`] when it is shaped as an instant but its date or
/// time of day does not exist; `None` when it is not so shaped.
#[cold]
fn no_such_instant(s: &str, text: &str) -> Option<Error> {
    let b = text.as_bytes();
    if b.get(10) != Some(&b'T') {
        return None;
    }
    // The one reader of dates decides whether the date exists.
    if let Err(e @ Error::OutOfRange(_)) = crate::values::iso_date::parse(text.get(..10)?) {
        return Some(e);
    }
    let two = |i: usize| -> Option<u32> {
        let (h, l) = (
            b.get(i)?.wrapping_sub(b'0'),
            b.get(i + 1)?.wrapping_sub(b'0'),
        );
        (h < 10 && l < 10).then(|| u32::from(h) * 10 + u32::from(l))
    };
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    // A second of 60 is left to the parser (a leap second).
    (hour > 23 || minute > 59 || second > 60).then(|| {
        Error::out_of_range(format!(
            "`{}` names no time of day: hours 00 to 23, minutes and seconds 00 to 59",
            s.escape_debug()
        ))
    })
}

/// Formats in UTC as `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second kept).
/// An instant whose UTC time is outside `time`'s range (the crate never
/// makes one) is written with its own offset, never a panic.
///
/// ```
/// use dpa_core::values::iso_instant;
/// use time::macros::datetime;
/// assert_eq!(iso_instant::format(datetime!(9999-12-31 23:00 +01:00)), "9999-12-31T22:00:00Z");
/// assert_eq!(iso_instant::format(datetime!(9999-12-31 23:00 -05:00)), "9999-12-31T23:00:00-05:00");
/// ```
pub fn format(t: OffsetDateTime) -> String {
    let Some(u) = t.checked_to_offset(UtcOffset::UTC) else {
        return t
            .format(&Rfc3339)
            .unwrap_or_else(|_| format!("{} {}", t.date(), t.offset()));
    };
    let base = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        u.year(),
        u8::from(u.month()),
        u.day(),
        u.hour(),
        u.minute(),
        u.second()
    );
    if u.nanosecond() == 0 {
        base + "Z"
    } else {
        let frac = format!("{:09}", u.nanosecond());
        format!("{base}.{}Z", frac.trim_end_matches('0'))
    }
}

/// Serializes as UTC text.
///
/// # Errors
/// Only those of the serializer.
pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*t))
}

/// Deserializes from text or a TOML offset date-time.
///
/// # Errors
/// When the value is not an instant with an offset.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
    d.deserialize_any(InstantVisitor)
}

struct InstantVisitor;

impl<'de> Visitor<'de> for InstantVisitor {
    type Value = OffsetDateTime;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an instant YYYY-MM-DDTHH:MM:SS with a UTC offset")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<OffsetDateTime, E> {
        parse(v).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OffsetDateTime, A::Error> {
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("expected an instant"));
        };
        parse(&text).map_err(de::Error::custom)
    }
}

/// JSON Schema of the instant string.
pub fn schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date-time" })
}
