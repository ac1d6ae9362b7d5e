//! An RFC 5545 (iCalendar) export of a timeline: one `VEVENT` per obligation
//! with a fixed deadline — an all-day event for a date, a UTC date-time for
//! an instant — with a stable `UID` and the citation in the description.

use std::fmt::Write;

use super::{Obligation, Timeline};
use crate::deadline::Due;
use crate::model::Agreement;
use crate::values::{iso_date, steers_display};

/// Escapes a TEXT value (RFC 5545 §3.3.11). Characters that steer a display
/// (control characters other than the line break, bidirectional overrides and
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
            '\t' => out.push(' '),
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

fn compact_instant(t: time::OffsetDateTime) -> String {
    let u = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{}T{:02}{:02}{:02}Z",
        compact_date(u.date()),
        u.hour(),
        u.minute(),
        u.second()
    )
}

/// A lowercase slug of letters, digits and dashes.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

fn uid(agreement: &Agreement, o: &Obligation) -> String {
    let trigger = slug(&o.triggered.to_string());
    let subject = o.subject.as_deref().map(slug).unwrap_or_default();
    let mut uid = format!(
        "{}-{}-{}-e{}",
        slug(agreement.statement.processor.name.as_str()),
        o.kind.as_str(),
        trigger,
        o.event
    );
    if !subject.is_empty() {
        uid.push('-');
        uid.push_str(&subject);
    }
    uid.push_str("@dpa");
    uid
}

impl Timeline {
    /// The timeline as an iCalendar document (text with CRLF line ends).
    /// Obligations without a fixed deadline have no event. UIDs are stable:
    /// the same agreement and events give the same calendar.
    pub fn to_ics(&self, agreement: &Agreement) -> String {
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
                escape(&format!(
                    "{} — data processing agreement deadlines",
                    agreement.statement.processor.name
                ))
            ),
        );
        let stamp = format!("{}T000000Z", compact_date(self.at));
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
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}", uid(agreement, o)));
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            line(&mut out, &start);
            if let Some(end) = end {
                line(&mut out, &end);
            }
            let what = match o.deadline.bound {
                crate::deadline::Bound::NoEarlierThan => "from",
                _ => "due",
            };
            let mut summary = format!(
                "{}: {} {what}",
                agreement.statement.processor.name,
                o.kind.as_str()
            );
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
            line(&mut out, "END:VEVENT");
        }
        line(&mut out, "END:VCALENDAR");
        out
    }
}
