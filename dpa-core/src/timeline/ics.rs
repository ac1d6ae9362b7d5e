//! An RFC 5545 (iCalendar) export of a timeline: one `VEVENT` per obligation
//! with a fixed deadline — an all-day event for a date, a UTC date-time for
//! an instant — with a stable `UID`, the citation in the description, and
//! the reminders asked for as `VALARM`s; a single `VTODO` saying why where
//! no obligation has a fixed deadline.
//!
//! # UIDs
//!
//! A calendar that imports the file again replaces its events by `UID`
//! (RFC 5545 §3.8.4.7), so a `UID` depends only on what the event is, never
//! on where its event stands in the events file:
//! `KIND-TRIGGER-HASH@DOMAIN`, e.g.
//! `deletion-20261130-6c1f0e0b1d2a3c4e@dpa.invalid`, where `KIND` is the
//! obligation's kind, `TRIGGER` the date or UTC instant of the event that
//! started it (`20261130`, `20260328T093000Z`), `DOMAIN` the
//! [`UidDomain`], and `HASH` sixteen lowercase hex digits of the 64-bit
//! FNV-1a hash (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`;
//! a fixed function, not the standard library's `DefaultHasher`, which may
//! change between Rust versions) of these fields, each written as its
//! length in bytes in decimal, a colon and its UTF-8 bytes:
//!
//! 1. `dpa-ics-uid-1` (the scheme's version);
//! 2. the processor's name, the statement's version and its effective date
//!    as stated (two agreements of one processor differ);
//! 3. the obligation's kind and trigger (`2026-11-30`,
//!    `2026-03-28T09:30:00Z`);
//! 4. its subject where the events give it (a breach's `id`, a statement
//!    version, a sub-processor, a proposed audit date), else empty (an
//!    unnamed breach is `breach N` by its rank, which is not used);
//! 5. the occurrence, `1` for the first obligation with the same fields 1-4
//!    (two events alike in everything start two obligations alike).
//!
//! The `VTODO` of a calendar without a dated event hashes fields 1-2 and
//! `no-fixed-deadline`.

use std::fmt::{self, Write};
use std::str::FromStr;

use time::{OffsetDateTime, UtcOffset};

use super::{Obligation, Timeline};
use crate::deadline::Due;
use crate::error::{Error, Result};
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::model::Agreement;
use crate::values::{iso_date, iso_instant, steers_display};

/// The most reminders one export takes ([`IcsOptions::reminders`]).
pub const MAX_REMINDERS: usize = 16;

/// The largest number a [`Reminder`] takes, in any unit.
pub const MAX_REMINDER_AMOUNT: u32 = 9999;

/// The domain on the right of every `UID` (RFC 5545 §3.8.4.7 recommends a
/// domain name the producer controls): a name of at least two labels, each
/// of ASCII letters, digits and hyphens (1 to 63, not starting or ending with
/// a hyphen), 253 characters at most; kept in lowercase.
///
/// The default is `dpa.invalid`: the library cannot know a domain its user
/// controls, and `.invalid` is reserved (RFC 6761 §6.4), so it is nobody's
/// and can clash with no real calendar's identifiers. Set your own
/// (`--uid-domain`) when the calendar is shared.
///
/// ```
/// use dpa_core::timeline::UidDomain;
/// assert_eq!(UidDomain::default().as_str(), "dpa.invalid");
/// assert_eq!("Example.ORG".parse::<UidDomain>()?.as_str(), "example.org");
/// assert!("dpa".parse::<UidDomain>().is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UidDomain(String);

impl UidDomain {
    /// The default domain, `dpa.invalid`.
    pub const DEFAULT: &'static str = "dpa.invalid";

    /// The domain, in lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for UidDomain {
    fn default() -> Self {
        UidDomain(Self::DEFAULT.to_owned())
    }
}

impl fmt::Display for UidDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for UidDomain {
    type Err = Error;

    /// # Errors
    /// [`Error::InvalidArgument`] (naming no field: the caller names it
    /// with [`Error::in_field`]) when `s` is not a domain name as above.
    fn from_str(s: &str) -> Result<Self> {
        let shown = shown(s);
        let refuse = |why: &str| {
            Err(Error::invalid_argument(
                "",
                format!(
                    "`{shown}` is not a domain name: expected {why} (e.g. calendar.example.org)"
                ),
            ))
        };
        if s.is_empty() || s.len() > 253 {
            return refuse("1 to 253 characters");
        }
        let labels: Vec<&str> = s.split('.').collect();
        if labels.len() < 2 {
            return refuse("at least two labels separated by dots");
        }
        for l in labels {
            if l.is_empty() || l.len() > 63 {
                return refuse("labels of 1 to 63 characters between the dots");
            }
            if !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return refuse("ASCII letters, digits and hyphens only");
            }
            if l.starts_with('-') || l.ends_with('-') {
                return refuse("labels that do not start or end with a hyphen");
            }
        }
        Ok(UidDomain(s.to_ascii_lowercase()))
    }
}

/// The unit of a [`Reminder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReminderUnit {
    /// Weeks (`w`).
    Weeks,
    /// Days (`d`).
    Days,
    /// Hours (`h`).
    Hours,
}

impl ReminderUnit {
    const fn seconds(self) -> u64 {
        match self {
            ReminderUnit::Weeks => 7 * 86_400,
            ReminderUnit::Days => 86_400,
            ReminderUnit::Hours => 3600,
        }
    }
}

/// A reminder before each event: a `VALARM` (RFC 5545 §3.6.6) that displays
/// the event's summary that long before its start. Written `7d` (days),
/// `2w` (weeks) or `12h` (hours): a whole number from 0 to
/// [`MAX_REMINDER_AMOUNT`] and the unit; `0d` reminds at the start.
///
/// ```
/// use dpa_core::timeline::Reminder;
/// let r = Reminder::parse_list("7d,1d")?;
/// assert_eq!(r.len(), 2);
/// assert_eq!(r[0].trigger(), "-P7D");
/// assert_eq!(r[0].to_string(), "7d");
/// assert!(Reminder::parse_list("7").is_err());
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reminder {
    amount: u32,
    unit: ReminderUnit,
}

impl Reminder {
    /// A reminder `amount` `unit`s before the event.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `amount` exceeds
    /// [`MAX_REMINDER_AMOUNT`].
    pub fn new(amount: u32, unit: ReminderUnit) -> Result<Self> {
        if amount > MAX_REMINDER_AMOUNT {
            return Err(Error::invalid_argument(
                "",
                format!(
                    "a reminder is at most {MAX_REMINDER_AMOUNT} weeks, days or hours, not {amount}"
                ),
            ));
        }
        Ok(Reminder { amount, unit })
    }

    /// How many units before the event.
    pub const fn amount(self) -> u32 {
        self.amount
    }

    /// The unit.
    pub const fn unit(self) -> ReminderUnit {
        self.unit
    }

    /// The reminder's `TRIGGER` value (RFC 5545 §3.3.6, §3.8.6.3): a
    /// negative duration before the start, `-P7D`, `-P2W`, `-PT12H`; `PT0S`
    /// for none.
    pub fn trigger(self) -> String {
        match (self.amount, self.unit) {
            (0, _) => "PT0S".to_owned(),
            (n, ReminderUnit::Weeks) => format!("-P{n}W"),
            (n, ReminderUnit::Days) => format!("-P{n}D"),
            (n, ReminderUnit::Hours) => format!("-PT{n}H"),
        }
    }

    fn seconds(self) -> u64 {
        u64::from(self.amount) * self.unit.seconds()
    }

    /// A comma-separated list, as `--remind` takes it: `7d,1d`. Spaces
    /// around an item are allowed; an empty list, an empty item, more than
    /// [`MAX_REMINDERS`] items, or two of the same length of time (`7d,1w`)
    /// are refused.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (naming no field: the caller names it
    /// with [`Error::in_field`]) saying which item is wrong and why.
    pub fn parse_list(s: &str) -> Result<Vec<Reminder>> {
        let shown = shown(s);
        if s.trim().is_empty() {
            return Err(Error::invalid_argument(
                "",
                "no reminder given: expected e.g. 7d,1d",
            ));
        }
        let mut out: Vec<Reminder> = Vec::new();
        for item in s.split(',') {
            let r: Reminder = item.trim().parse()?;
            if let Some(same) = out.iter().find(|o| o.seconds() == r.seconds()) {
                return Err(Error::invalid_argument(
                    "",
                    format!("`{shown}` gives the same reminder twice ({same} and {r})"),
                ));
            }
            out.push(r);
            if out.len() > MAX_REMINDERS {
                return Err(Error::invalid_argument(
                    "",
                    format!("`{shown}` has more than {MAX_REMINDERS} reminders"),
                ));
            }
        }
        Ok(out)
    }

    /// How long before, in words: `7 days`, `1 hour`; `now` for none.
    fn words(self) -> String {
        let unit = match self.unit {
            ReminderUnit::Weeks => "week",
            ReminderUnit::Days => "day",
            ReminderUnit::Hours => "hour",
        };
        match self.amount {
            0 => "now".to_owned(),
            1 => format!("in 1 {unit}"),
            n => format!("in {n} {unit}s"),
        }
    }
}

impl fmt::Display for Reminder {
    /// As written: `7d`, `2w`, `12h`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            ReminderUnit::Weeks => 'w',
            ReminderUnit::Days => 'd',
            ReminderUnit::Hours => 'h',
        };
        write!(f, "{}{unit}", self.amount)
    }
}

impl FromStr for Reminder {
    type Err = Error;

    /// One reminder: `7d`, `2w`, `12h`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (naming no field) when `s` is not one.
    fn from_str(s: &str) -> Result<Self> {
        let refuse = || {
            Error::invalid_argument(
                "",
                format!(
                    "`{}` is not a reminder: expected a whole number and a unit, w (weeks), d (days) or h (hours), e.g. 7d,1d",
                    shown(s)
                ),
            )
        };
        let unit = match s.chars().last() {
            Some('w' | 'W') => ReminderUnit::Weeks,
            Some('d' | 'D') => ReminderUnit::Days,
            Some('h' | 'H') => ReminderUnit::Hours,
            _ => return Err(refuse()),
        };
        let digits = &s[..s.len() - 1];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse());
        }
        match digits.parse::<u32>() {
            Ok(n) => Reminder::new(n, unit),
            Err(_) => Reminder::new(u32::MAX, unit),
        }
    }
}

/// How [`Timeline::to_ics_with`] writes the calendar.
///
/// ```
/// use dpa_core::timeline::{IcsOptions, Reminder};
/// let mut o = IcsOptions::default();
/// o.uid_domain = "calendar.example.org".parse()?;
/// o.reminders = Reminder::parse_list("7d,1d")?;
/// o.dtstamp = Some(time::macros::datetime!(2027-03-01 12:00 UTC));
/// # Ok::<(), dpa_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct IcsOptions {
    /// The domain on the right of every `UID` (default `dpa.invalid`).
    pub uid_domain: UidDomain,
    /// The `DTSTAMP` of every component: when the file was made. `None`
    /// (the default) is now; give it for output that does not change from
    /// run to run (whole seconds are used; a year outside 1 to 9999 in UTC
    /// is refused).
    pub dtstamp: Option<OffsetDateTime>,
    /// A `VALARM` for each, on every event (at most [`MAX_REMINDERS`]).
    pub reminders: Vec<Reminder>,
}

/// Text from the caller as an error message quotes it: the characters that
/// steer a display written visibly as `\u{..}` (as
/// `report::terminal_safe` does for the terminal).
fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if steers_display(c) {
            // Infallible: writing to a String.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): a backslash, semicolon and
/// comma are preceded by a backslash, a line break is `\n`, and a tab is
/// kept as it is (TEXT allows it: TSAFE-CHAR includes WSP). Characters that
/// steer a display (other control characters, bidirectional overrides and
/// isolates) are written visibly as `\u{..}` (its backslash escaped), as the
/// `dpa` command writes them to the terminal: a processor name from a file
/// must not reorder or hide what a calendar shows.
fn escape(s: &str) -> String {
    let joined;
    let s = if s.contains("\r\n") {
        joined = s.replace("\r\n", "\n");
        joined.as_str()
    } else {
        s
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if steers_display(c) => {
                // Infallible: writing to a String.
                let _ = write!(out, "\\\\u{{{:x}}}", u32::from(c));
            }
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets without splitting a UTF-8
/// character (RFC 5545 §3.1), ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn compact_date(d: time::Date) -> String {
    iso_date::format(d).replace('-', "")
}

/// A UTC instant as a DATE-TIME in UTC (RFC 5545 §3.3.5, form 2). The
/// instants given here are in UTC already or checked to have a UTC year of
/// 1 to 9999.
fn compact_instant(t: OffsetDateTime) -> String {
    let u = t.checked_to_offset(UtcOffset::UTC).unwrap_or(t);
    format!(
        "{}T{:02}{:02}{:02}Z",
        compact_date(u.date()),
        u.hour(),
        u.minute(),
        u.second()
    )
}

/// The 64-bit FNV-1a hash (Fowler, Noll, Vo) of `fields`, each fed as its
/// length in bytes in decimal, a colon and its bytes.
fn fnv1a(fields: &[&str]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET_BASIS;
    for f in fields {
        let len = f.len().to_string();
        for b in len.bytes().chain([b':']).chain(f.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

/// The scheme's version, the first field of every hashed UID.
const UID_SCHEME: &str = "dpa-ics-uid-1";

/// Fields 1-2 of a UID (the module's documentation): the agreement.
fn identity(a: &Agreement) -> [String; 4] {
    [
        UID_SCHEME.to_owned(),
        a.statement.processor.name.to_string(),
        a.statement.version.to_string(),
        a.statement.effective_date.to_string(),
    ]
}

/// Fields 3-4 of a UID: the obligation's kind, trigger and subject (where
/// the events give it).
fn content(o: &Obligation) -> [String; 3] {
    let subject = if o.generated_subject {
        String::new()
    } else {
        o.subject.clone().unwrap_or_default()
    };
    [o.kind.as_str().to_owned(), o.triggered.to_string(), subject]
}

fn uid(
    identity: &[String; 4],
    content: &[String; 3],
    occurrence: usize,
    domain: &UidDomain,
) -> String {
    let occurrence = occurrence.to_string();
    let fields: Vec<&str> = identity
        .iter()
        .chain(content)
        .map(String::as_str)
        .chain([occurrence.as_str()])
        .collect();
    let trigger = content[1].replace(['-', ':'], "");
    format!("{}-{trigger}-{:016x}@{domain}", content[0], fnv1a(&fields))
}

impl Timeline {
    /// The timeline as an iCalendar document (text with CRLF line ends),
    /// with the default [`IcsOptions`]: `UID`s in `dpa.invalid`, `DTSTAMP`
    /// now, no reminders. Obligations without a fixed deadline have no
    /// event; where none has one, a `VTODO` says so.
    pub fn to_ics(&self, agreement: &Agreement) -> String {
        self.write_ics(agreement, &IcsOptions::default(), now())
    }

    /// The timeline as an iCalendar document (text with CRLF line ends):
    /// a `VEVENT` per obligation with a fixed deadline, with a `UID` that
    /// depends on the agreement and the obligation only (see the module's
    /// documentation, `docs/rules.md` "The iCalendar export"), the
    /// `DTSTAMP` and `VALARM`s `options` give. Where no obligation has a
    /// fixed deadline, a single `VTODO` says why, so that the calendar still
    /// has the component RFC 5545 §3.6 requires.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `dtstamp` when its year in UTC is
    /// outside 1 to 9999, or `reminders` when there are more than
    /// [`MAX_REMINDERS`].
    pub fn to_ics_with(&self, agreement: &Agreement, options: &IcsOptions) -> Result<String> {
        let stamp = match options.dtstamp {
            None => now(),
            Some(t) => match t.checked_to_offset(UtcOffset::UTC) {
                Some(u) if (MIN_YEAR..=MAX_YEAR).contains(&u.year()) => u,
                _ => {
                    return Err(Error::invalid_argument(
                        "dtstamp",
                        format!(
                            "{} is outside the years {MIN_YEAR} to {MAX_YEAR} in UTC",
                            iso_instant::format(t)
                        ),
                    ));
                }
            },
        };
        if options.reminders.len() > MAX_REMINDERS {
            return Err(Error::invalid_argument(
                "reminders",
                format!(
                    "{} reminders, more than {MAX_REMINDERS}",
                    options.reminders.len()
                ),
            ));
        }
        Ok(self.write_ics(agreement, options, stamp))
    }

    fn write_ics(
        &self,
        agreement: &Agreement,
        options: &IcsOptions,
        stamp: OffsetDateTime,
    ) -> String {
        let name = &agreement.statement.processor.name;
        let domain = &options.uid_domain;
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(
            &mut out,
            &format!("PRODID:-//dpa//dpa-core {}//EN", env!("CARGO_PKG_VERSION")),
        );
        line(&mut out, "CALSCALE:GREGORIAN");
        line(
            &mut out,
            &format!(
                "X-WR-CALNAME:{}",
                escape(&format!("{name} — data processing agreement deadlines"))
            ),
        );
        let stamp = format!("DTSTAMP:{}", compact_instant(stamp));
        let identity = identity(agreement);
        // How often each obligation's content was seen so far (field 5).
        let mut seen: std::collections::HashMap<[String; 3], usize> =
            std::collections::HashMap::new();
        let mut events = 0;
        for o in &self.obligations {
            let (start, end) = match o.deadline.due {
                Due::Date { date, .. } => {
                    let next = date.next_day().unwrap_or(date);
                    (
                        format!("DTSTART;VALUE=DATE:{}", compact_date(date)),
                        Some(format!("DTEND;VALUE=DATE:{}", compact_date(next))),
                    )
                }
                Due::Instant(t) => (format!("DTSTART:{}", compact_instant(t)), None),
                _ => continue,
            };
            events += 1;
            let content = content(o);
            let n = seen.entry(content.clone()).or_insert(0);
            *n += 1;
            line(&mut out, "BEGIN:VEVENT");
            line(
                &mut out,
                &format!("UID:{}", uid(&identity, &content, *n, domain)),
            );
            line(&mut out, &stamp);
            line(&mut out, &start);
            if let Some(end) = end {
                line(&mut out, &end);
            }
            let what = match o.deadline.bound {
                crate::deadline::Bound::NoEarlierThan => "from",
                _ => "due",
            };
            let mut summary = format!("{name}: {} {what}", o.kind.as_str());
            if let Some(s) = &o.subject {
                let _ = write!(summary, " ({s})");
            }
            line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
            let mut desc = format!(
                "Status as of {}: {}.\nSource: {}.",
                iso_date::format(self.at),
                o.status,
                o.deadline.citation
            );
            if let Some(note) = &o.deadline.note {
                let _ = write!(desc, "\nNote: {note}.");
            }
            // A deadline on a term that is not stated says so (issue 15
            // point 2).
            if let Some(a) = o.deadline.provenance.annotation() {
                let _ = write!(desc, "\nProvenance: {a}.");
            }
            if let Some(shift) = &o.deadline.shift {
                let _ = write!(desc, "\n{shift}.");
            }
            line(&mut out, &format!("DESCRIPTION:{}", escape(&desc)));
            line(&mut out, &format!("CATEGORIES:{}", escape(o.kind.as_str())));
            for r in &options.reminders {
                line(&mut out, "BEGIN:VALARM");
                line(&mut out, "ACTION:DISPLAY");
                line(&mut out, &format!("TRIGGER:{}", r.trigger()));
                line(
                    &mut out,
                    &format!(
                        "DESCRIPTION:{}",
                        escape(&format!("{summary}: {}", r.words()))
                    ),
                );
                line(&mut out, "END:VALARM");
            }
            line(&mut out, "END:VEVENT");
        }
        if events == 0 {
            self.no_fixed_deadline(&mut out, agreement, &identity, &stamp, domain);
        }
        line(&mut out, "END:VCALENDAR");
        out
    }

    /// The `VTODO` of a calendar without a dated event (RFC 5545 §3.6: a
    /// calendar has at least one component; §3.6.2: a to-do needs no
    /// date): what the events start and why none of it is on a date.
    fn no_fixed_deadline(
        &self,
        out: &mut String,
        agreement: &Agreement,
        identity: &[String; 4],
        stamp: &str,
        domain: &UidDomain,
    ) {
        let mut fields: Vec<&str> = identity.iter().map(String::as_str).collect();
        fields.push("no-fixed-deadline");
        let name = &agreement.statement.processor.name;
        let at = iso_date::format(self.at);
        let mut desc = match self.obligations.len() {
            0 => {
                format!("As of {at} the events start no obligation, so the calendar has no event.")
            }
            n => format!(
                "As of {at} the events start {n} obligation{}, none with a fixed deadline, so the calendar has no event:",
                if n == 1 { "" } else { "s" }
            ),
        };
        for o in &self.obligations {
            let _ = write!(desc, "\n- {}", o.kind.as_str());
            if let Some(s) = &o.subject {
                let _ = write!(desc, " ({s})");
            }
            let _ = write!(desc, ": {}", o.status);
            if let Some(note) = &o.deadline.note {
                let _ = write!(desc, "; {note}");
            }
            let _ = write!(desc, " ({}).", o.deadline.citation);
        }
        line(out, "BEGIN:VTODO");
        line(
            out,
            &format!("UID:no-fixed-deadline-{:016x}@{domain}", fnv1a(&fields)),
        );
        line(out, stamp);
        line(
            out,
            &format!(
                "SUMMARY:{}",
                escape(&format!("{name}: no obligation with a fixed deadline"))
            ),
        );
        line(out, &format!("DESCRIPTION:{}", escape(&desc)));
        line(out, "END:VTODO");
    }
}

/// Now, in UTC, to the second.
fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash is FNV-1a 64 as published: the empty input gives the offset
    /// basis, and `a` the reference value.
    /// Source: the FNV reference (Fowler, Noll, Vo; draft-eastlake-fnv),
    /// test vectors for FNV-1a 64: "" → cbf29ce484222325, "a" →
    /// af63dc4c8601ec8c.
    #[test]
    fn fnv1a_matches_the_reference() {
        // Each field is fed as `len:bytes`; check the bare function through
        // a field whose framing is known: "1:a".
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in b"a" {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        assert_eq!(h, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        // The framing: "1:a" as one field.
        let mut g: u64 = 0xcbf2_9ce4_8422_2325;
        for b in b"1:a" {
            g ^= u64::from(*b);
            g = g.wrapping_mul(0x0000_0100_0000_01b3);
        }
        assert_eq!(fnv1a(&["a"]), g);
        // Framing keeps field boundaries: ("ab", "c") is not ("a", "bc").
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }

    /// A tab stays a tab in TEXT; backslash, semicolon, comma and line break
    /// are escaped. Source: RFC 5545 §3.3.11 (ESCAPED-CHAR; TSAFE-CHAR
    /// includes WSP, the tab among it).
    #[test]
    fn text_escapes() {
        assert_eq!(escape("a\tb;c,d\\e\nf\r\ng"), "a\tb\\;c\\,d\\\\e\\nf\\ng");
    }

    /// Reminders parse as `--remind` takes them and are refused with the
    /// reason. Source: RFC 5545 §3.3.6 (dur-value), §3.8.6.3 (TRIGGER).
    #[test]
    fn reminders_parse() {
        let r = Reminder::parse_list(" 2w , 36h,0d").unwrap();
        let t: Vec<String> = r.iter().map(|r| r.trigger()).collect();
        assert_eq!(t, ["-P2W", "-PT36H", "PT0S"]);
        for bad in [
            "",
            "7",
            "d",
            "7x",
            "-1d",
            "7d,,1d",
            "1.5d",
            "10000d",
            "99999999999d",
        ] {
            assert!(Reminder::parse_list(bad).is_err(), "{bad}");
        }
        // A control character in the input is quoted visibly.
        let e = Reminder::parse_list("7\u{1b}d").unwrap_err().to_string();
        assert!(e.contains("`7\\u{1b}d` is not a reminder"), "{e}");
        let e = Reminder::parse_list("7d,1w").unwrap_err().to_string();
        assert!(e.contains("twice (7d and 1w)"), "{e}");
        let many = (1..=17)
            .map(|i| format!("{i}h"))
            .collect::<Vec<_>>()
            .join(",");
        assert!(Reminder::parse_list(&many).is_err());
    }

    /// Domains: two labels at least, letters, digits, hyphens; kept lowercase.
    /// Source: RFC 1035 §2.3.1 (label syntax), RFC 5545 §3.8.4.7 (a domain
    /// on the right of the UID).
    #[test]
    fn uid_domains() {
        for good in ["example.org", "cal-1.Example.NL", "a.b"] {
            assert!(good.parse::<UidDomain>().is_ok(), "{good}");
        }
        for bad in [
            "", "dpa", "a..b", "-a.b", "a-.b", "a_b.c", "é.nl", ".a.b", "a.b.",
        ] {
            assert!(bad.parse::<UidDomain>().is_err(), "{bad}");
        }
        let long = format!("{}.nl", "a".repeat(64));
        assert!(long.parse::<UidDomain>().is_err());
    }
}
