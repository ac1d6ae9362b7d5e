//! The plain `#[repr(C)]` values that cross the boundary, and their
//! conversions to and from `dpa-core` types.
//!
//! Enumerations are *returned* (and stored in output structs) as their C
//! enum types, but *taken* as `uint32_t`, so that a value C made up is an
//! error (`DPA_STATUS_INVALID_VALUE`), never undefined behaviour.

use std::ffi::c_char;
use std::fmt::Write as _;

use dpa_core::calendar::{BusinessDayShift, MonthRule, NlHoliday};
use dpa_core::deadline::{Bound, Deadline, DeadlineKind, Due, DueDay, DueFields, Impact};
use dpa_core::model::ProvenanceKind;

use time::{Date, OffsetDateTime};

use crate::status::{FfiError, FfiResult, dpa_status};

/// A calendar date (proleptic Gregorian), years 1 to 9999.
///
/// As input, a date that does not exist (month 13, 2026-02-30, year 0) is
/// `DPA_STATUS_OUT_OF_RANGE`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct dpa_date {
    /// The year, 1 to 9999.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

/// How precisely an agreement states a date: a day ("8 juni 2026"), a
/// month ("maart 2023") or a year ("2020"); docs/rules.md, "Dates as
/// stated".
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_date_precision {
    /// A day: `earliest` and `latest` are that day.
    Day = 0,
    /// A month: any day from its 1st (`earliest`) to its last (`latest`).
    Month = 1,
    /// A year: any day from 1 January (`earliest`) to 31 December (`latest`).
    Year = 2,
}

/// A date as the agreement states it: its precision and the first and last
/// day it can mean. A month or a year is never one day: a caller that needs
/// a day decides what `earliest` and `latest` mean for its question.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct dpa_stated_date {
    /// Day, month or year.
    pub precision: dpa_date_precision,
    /// The first day it can mean.
    pub earliest: dpa_date,
    /// The last day it can mean (equal to `earliest` for a day).
    pub latest: dpa_date,
}

/// How months are added when the day-number does not exist in the target
/// month (docs/rules.md rule 1). Passed as `uint32_t`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_month_rule {
    /// Same day-number, or the last day of a shorter month (31 Jan + 1 month
    /// = 28/29 Feb; HR 1 Sep 2017, ECLI:NL:HR:2017:2225). The default of
    /// agreement files.
    Clamp = 0,
    /// As clamp, but from the last day of a month to the last day of the
    /// target month (28 Feb 2026 + 3 months = 31 May 2026).
    MonthEndSticky = 1,
    /// A month is 30 days.
    ThirtyDays = 2,
}

/// The impact of an incident, for the service level. Passed as `uint32_t`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_impact {
    /// Low impact: workarounds are possible.
    Low = 0,
    /// High impact: business-critical features are down.
    High = 1,
    /// No impact given: a deadline that needs one
    /// (`DPA_DEADLINE_KIND_SERVICE_RESPONSE`) is refused with
    /// `DPA_STATUS_INVALID_VALUE` (path `impact`), as `dpa deadline` refuses
    /// it without `--impact`; the other kinds take no impact and ignore it.
    Unstated = 2,
}

/// The text format of a document handed in. Passed as `uint32_t`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_format {
    /// Guess as `dpa_core::document::sniff_format` does: JSON when the text
    /// starts (after blanks and a byte-order mark) with `{`, or with `[` on a
    /// line that is not a TOML table header such as `[statement]` or
    /// `[[events]]`; TOML otherwise.
    Auto = 0,
    /// TOML.
    Toml = 1,
    /// JSON.
    Json = 2,
}

/// What a deadline is for (the `KIND` of `dpa deadline`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_deadline_kind {
    /// Deletion of the client's data after termination (trigger: termination date).
    Deletion = 0,
    /// Deletion from backups (trigger: termination date).
    BackupDeletion = 1,
    /// The processor's breach notice to the client (trigger: discovery instant).
    BreachNotice = 2,
    /// The controller's 72 hours to notify the authority, GDPR art. 33(1)
    /// (trigger: awareness instant).
    AuthorityNotice = 3,
    /// The earliest date of the next audit (trigger: date of the last audit).
    NextAudit = 4,
    /// The earliest audit date after a written notice (trigger: notice date).
    AuditNotice = 5,
    /// The end of the client's termination window after a statement change
    /// (trigger: notice date).
    TerminationWindow = 6,
    /// When the processor starts on an incident (trigger: report instant and
    /// an impact).
    ServiceResponse = 7,
}

/// Which member of a `dpa_deadline` holds when it falls.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_due_kind {
    /// Through the whole of `due_date` (inclusive); `due_unix` is the instant
    /// that date ends, 24:00 in the processor's time zone.
    Date = 0,
    /// At the instant `due_unix`; `due_date` is all zeros.
    Instant = 1,
    /// The agreement sets no fixed term (e.g. "without undue delay");
    /// `due_unix` is 0 and `due_date` all zeros.
    None = 2,
}

/// Whether a deadline is the latest or the earliest moment for the act.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_bound {
    /// The act must happen by then (deletion, notice, end of a window).
    NoLaterThan = 0,
    /// The act may happen from then on (the next audit, an announced audit).
    NoEarlierThan = 1,
}

/// Where the term a deadline rests on came from (issue 15 point 2; the
/// file's `provenance` key). The JSON form
/// (`dpa_agreement_deadline_json`) carries the reason of an assumed term.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_provenance {
    /// The statement or the processor's clauses state it.
    Stated = 0,
    /// Taken from the edition's standard clauses; the statement is silent.
    Standard = 1,
    /// The file's author chose it, with a reason.
    Assumed = 2,
    /// The document does not state it: the deadline is `DPA_DUE_KIND_NONE`.
    NotStated = 3,
}

/// A deadline computed from an agreement: a plain value, no pointers, nothing
/// to free. The clauses it rests on and its note are in the JSON form
/// (`dpa_agreement_deadline_json`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct dpa_deadline {
    /// Unix seconds (UTC): for `DPA_DUE_KIND_DATE` the instant the due date
    /// ends (24:00 in the processor's time zone); for
    /// `DPA_DUE_KIND_INSTANT` the instant itself; 0 for `DPA_DUE_KIND_NONE`.
    pub due_unix: i64,
    /// What the deadline is for.
    pub kind: dpa_deadline_kind,
    /// Which member holds when it falls.
    pub due_kind: dpa_due_kind,
    /// Latest or earliest.
    pub bound: dpa_bound,
    /// The due date for `DPA_DUE_KIND_DATE`; all zeros otherwise.
    pub due_date: dpa_date,
    /// When it falls as text, NUL-terminated, exactly as the text output of
    /// `dpa deadline` starts: `2027-02-28`, `2026-03-29T09:30:00Z` or `none`.
    pub due_text: [c_char; 24],
    /// When `shifted` is true: the date the term ended on before the
    /// business-day rule (Algemene termijnenwet, when the agreement opts in)
    /// moved it to `due_date`. All zeros otherwise.
    pub shifted_from: dpa_date,
    /// Whether the business-day rule moved the due date.
    pub shifted: bool,
    /// Where the term it rests on came from: `DPA_PROVENANCE_STATED` unless
    /// the file marks it assumed, standard or not stated.
    pub provenance: dpa_provenance,
}

/// A date deadline as plain fields, without its text: the fields of a
/// `dpa_deadline` but `kind` (the caller passed it) and `due_text` (which
/// the caller can make from `due_date` when it needs it). The answer of
/// `dpa_agreement_date_due` and `dpa_agreement_date_dues`, the same
/// computation as `dpa-core`'s `DueFields`: for bulk work.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct dpa_due {
    /// Unix seconds (UTC): for `DPA_DUE_KIND_DATE` the instant the due date
    /// ends (24:00 in the processor's time zone); 0 for `DPA_DUE_KIND_NONE`.
    pub due_unix: i64,
    /// Which member holds when it falls: `DPA_DUE_KIND_DATE` or
    /// `DPA_DUE_KIND_NONE` (a date kind is never `DPA_DUE_KIND_INSTANT`).
    pub due_kind: dpa_due_kind,
    /// Latest or earliest.
    pub bound: dpa_bound,
    /// The due date for `DPA_DUE_KIND_DATE`; all zeros otherwise.
    pub due_date: dpa_date,
    /// When `shifted` is true: the date the term ended on before the
    /// business-day rule (Algemene termijnenwet, when the agreement opts in)
    /// moved it to `due_date`. All zeros otherwise.
    pub shifted_from: dpa_date,
    /// Whether the business-day rule moved the due date.
    pub shifted: bool,
    /// Where the term it rests on came from: `DPA_PROVENANCE_STATED` unless
    /// the file marks it assumed, standard or not stated.
    pub provenance: dpa_provenance,
}

/// A Dutch public holiday under the Algemene termijnenwet (art. 3).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum dpa_holiday {
    /// Nieuwjaarsdag, 1 January.
    NewYearsDay = 0,
    /// Goede Vrijdag (art. 3(2)).
    GoodFriday = 1,
    /// Tweede Paasdag.
    EasterMonday = 2,
    /// Koningsdag (from 2014).
    KingsDay = 3,
    /// Koninginnedag (1965-2013).
    QueensDay = 4,
    /// Bevrijdingsdag, 5 May (from 1982).
    LiberationDay = 5,
    /// Hemelvaartsdag.
    AscensionDay = 6,
    /// Tweede Pinksterdag.
    WhitMonday = 7,
    /// Eerste Kerstdag, 25 December.
    ChristmasDay = 8,
    /// Tweede Kerstdag, 26 December.
    BoxingDay = 9,
    /// A day the Crown designated under art. 3(3).
    DesignatedDay = 10,
}

/// A public holiday and its date.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct dpa_holiday_date {
    /// The date.
    pub date: dpa_date,
    /// Which holiday.
    pub holiday: dpa_holiday,
}

// ---------------------------------------------------------------------------
// Conversions

const ZERO_DATE: dpa_date = dpa_date {
    year: 0,
    month: 0,
    day: 0,
};

/// A date from C, checked by `dpa-core`
/// ([`iso_date::from_parts`](dpa_core::values::iso_date::from_parts): years
/// 1..=9999, a real calendar date); `OUT_OF_RANGE` otherwise. The check is
/// inlined (`iso_date::checked_from_parts`), the error made out of line.
#[inline(always)]
pub fn date_in(year: i32, month: u32, day: u32, arg: &str) -> FfiResult<Date> {
    match dpa_core::values::iso_date::checked_from_parts(year, month, day) {
        Some(date) => Ok(date),
        None => Err(no_such_date(year, month, day, arg)),
    }
}

/// The error of [`date_in`]: `dpa-core`'s, named `arg`.
#[cold]
#[inline(never)]
fn no_such_date(year: i32, month: u32, day: u32, arg: &str) -> FfiError {
    match dpa_core::values::iso_date::from_parts(year, month, day) {
        Err(e) => FfiError::core(&e, arg),
        // `from_parts` takes the dates `checked_from_parts` takes, no more.
        Ok(_) => FfiError::new(
            dpa_status::Panic,
            arg,
            "libdpa bug: a date refused by one check of dpa-core and taken by the other",
        ),
    }
}

/// A `dpa_date` from C, checked as [`date_in`].
#[inline]
pub fn date_from(d: dpa_date, arg: &str) -> FfiResult<Date> {
    date_in(d.year, d.month, d.day, arg)
}

/// A date for C. `dpa-core` computes dates of the years 1 to 9999 only
/// (it refuses a result outside them), so every date fits.
#[inline]
pub fn date_out(d: Date) -> dpa_date {
    dpa_date {
        year: d.year(),
        month: u32::from(u8::from(d.month())),
        day: u32::from(d.day()),
    }
}

/// A stated date for C.
pub fn stated_date_out(d: dpa_core::values::StatedDate) -> dpa_stated_date {
    use dpa_core::values::DatePrecision;
    dpa_stated_date {
        precision: match d.precision() {
            DatePrecision::Month => dpa_date_precision::Month,
            DatePrecision::Year => dpa_date_precision::Year,
            _ => dpa_date_precision::Day,
        },
        earliest: date_out(d.earliest()),
        latest: date_out(d.latest()),
    }
}

/// An instant from C as Unix seconds, checked by `dpa-core`
/// ([`iso_instant::from_unix`](dpa_core::values::iso_instant::from_unix):
/// years 1..=9999 in UTC).
#[inline]
pub fn instant_in(unix: i64, arg: &str) -> FfiResult<OffsetDateTime> {
    dpa_core::values::iso_instant::from_unix(unix).map_err(|e| FfiError::core(&e, arg))
}

/// The error of a number that is no value of the C enumeration `of`.
#[cold]
#[inline(never)]
fn bad_enum(arg: &str, value: u32, of: &str) -> FfiError {
    FfiError::new(
        dpa_status::InvalidValue,
        arg,
        format!("{value} is not a {of} value"),
    )
}

/// A month rule from C.
#[inline]
pub fn month_rule_in(rule: u32, arg: &str) -> FfiResult<MonthRule> {
    match rule {
        0 => Ok(MonthRule::Clamp),
        1 => Ok(MonthRule::MonthEndSticky),
        2 => Ok(MonthRule::ThirtyDays),
        _ => Err(bad_enum(arg, rule, "dpa_month_rule")),
    }
}

/// The C value of a month rule.
pub fn month_rule_out(rule: MonthRule) -> dpa_month_rule {
    match rule {
        MonthRule::Clamp => dpa_month_rule::Clamp,
        MonthRule::MonthEndSticky => dpa_month_rule::MonthEndSticky,
        MonthRule::ThirtyDays => dpa_month_rule::ThirtyDays,
    }
}

/// An impact from C; `None` for `DPA_IMPACT_UNSTATED`, which `dpa-core`
/// refuses where a deadline needs an impact.
pub fn impact_in(impact: u32, arg: &str) -> FfiResult<Option<Impact>> {
    match impact {
        0 => Ok(Some(Impact::Low)),
        1 => Ok(Some(Impact::High)),
        2 => Ok(None),
        _ => Err(bad_enum(arg, impact, "dpa_impact")),
    }
}

/// The C value of an impact.
pub fn impact_out(impact: Impact) -> FfiResult<dpa_impact> {
    match impact {
        Impact::Low => Ok(dpa_impact::Low),
        Impact::High => Ok(dpa_impact::High),
        _ => Err(unknown("impact")),
    }
}

/// A format from C; `None` for `DPA_FORMAT_AUTO`.
pub fn format_in(format: u32, arg: &str) -> FfiResult<Option<dpa_core::Format>> {
    match format {
        0 => Ok(None),
        1 => Ok(Some(dpa_core::Format::Toml)),
        2 => Ok(Some(dpa_core::Format::Json)),
        _ => Err(bad_enum(arg, format, "dpa_format")),
    }
}

/// The name of `DPA_FORMAT_AUTO`, the one `dpa_format` value that is not a
/// `dpa-core` [`Format`](dpa_core::Format) (whose names are its `as_str`).
pub const FORMAT_AUTO_NAME: &str = "auto";

/// The name of a format from C: [`FORMAT_AUTO_NAME`] for `None`, else
/// `dpa-core`'s spelling (`toml`, `json`).
pub fn format_name(format: Option<dpa_core::Format>) -> &'static str {
    format.map_or(FORMAT_AUTO_NAME, dpa_core::Format::as_str)
}

/// A deadline kind from C. Inlined: a function that takes the kind
/// checks it on every call (`dpa_agreement_date_due`).
#[inline(always)]
pub fn deadline_kind_in(kind: u32, arg: &str) -> FfiResult<DeadlineKind> {
    deadline_kind_of(kind).ok_or_else(|| bad_enum(arg, kind, "dpa_deadline_kind"))
}

/// The deadline kind whose C value is `kind`, `None` for a number that
/// is no `dpa_deadline_kind`: [`deadline_kind_in`] without the error, for
/// a fast path that leaves the error to a slower one.
#[inline(always)]
pub const fn deadline_kind_of(kind: u32) -> Option<DeadlineKind> {
    Some(match kind {
        0 => DeadlineKind::Deletion,
        1 => DeadlineKind::BackupDeletion,
        2 => DeadlineKind::BreachNotice,
        3 => DeadlineKind::AuthorityNotice,
        4 => DeadlineKind::NextAudit,
        5 => DeadlineKind::AuditNotice,
        6 => DeadlineKind::TerminationWindow,
        7 => DeadlineKind::ServiceResponse,
        _ => return None,
    })
}

/// The C value of a deadline kind. A kind that cannot be computed from a
/// start (`sub-processor-objection`, [`Trigger::NotComputable`]) has none:
/// `INVALID_VALUE`.
///
/// [`Trigger::NotComputable`]: dpa_core::deadline::Trigger::NotComputable
#[inline]
pub fn deadline_kind_out(kind: DeadlineKind) -> FfiResult<dpa_deadline_kind> {
    Ok(match kind {
        DeadlineKind::Deletion => dpa_deadline_kind::Deletion,
        DeadlineKind::BackupDeletion => dpa_deadline_kind::BackupDeletion,
        DeadlineKind::BreachNotice => dpa_deadline_kind::BreachNotice,
        DeadlineKind::AuthorityNotice => dpa_deadline_kind::AuthorityNotice,
        DeadlineKind::NextAudit => dpa_deadline_kind::NextAudit,
        DeadlineKind::AuditNotice => dpa_deadline_kind::AuditNotice,
        DeadlineKind::TerminationWindow => dpa_deadline_kind::TerminationWindow,
        DeadlineKind::ServiceResponse => dpa_deadline_kind::ServiceResponse,
        DeadlineKind::SubProcessorObjection => return Err(not_computable(kind)),
        _ => return Err(unknown("deadline kind")),
    })
}

/// The error of a kind that has no `dpa_deadline_kind`.
#[cold]
#[inline(never)]
fn not_computable(kind: DeadlineKind) -> FfiError {
    FfiError::new(
        dpa_status::InvalidValue,
        "",
        format!(
            "`{kind}` is a right a change opens, not a deadline computed \
             from a start: it has no dpa_deadline_kind"
        ),
    )
}

/// The C value of a bound.
#[inline]
pub fn bound_out(bound: Bound) -> FfiResult<dpa_bound> {
    match bound {
        Bound::NoLaterThan => Ok(dpa_bound::NoLaterThan),
        Bound::NoEarlierThan => Ok(dpa_bound::NoEarlierThan),
        _ => Err(unknown("bound")),
    }
}

#[cold]
#[inline(never)]
fn unknown(what: &str) -> FfiError {
    FfiError::new(
        dpa_status::InvalidValue,
        "",
        format!("this libdpa does not know the {what} dpa-core returned"),
    )
}

/// A deadline for C.
#[inline(always)]
pub fn deadline_out(d: &Deadline) -> FfiResult<dpa_deadline> {
    let (due_kind, due_date, due_unix, due_text) = match d.due {
        Due::Date { date, ends_at } => {
            let (year, month, day) = date.to_calendar_date();
            let (due_date, text) = due_date_out(year, u8::from(month), day);
            (dpa_due_kind::Date, due_date, ends_at.unix_timestamp(), text)
        }
        Due::Instant(t) => (
            dpa_due_kind::Instant,
            ZERO_DATE,
            t.unix_timestamp(),
            due_text_formatted(&d.due),
        ),
        Due::NoFixedTerm => (dpa_due_kind::None, ZERO_DATE, 0, due_text_formatted(&d.due)),
        _ => return Err(unknown("kind of due time")),
    };
    Ok(dpa_deadline {
        due_unix,
        kind: deadline_kind_out(d.kind)?,
        due_kind,
        bound: bound_out(d.bound)?,
        due_date,
        due_text,
        shifted_from: shifted_from_out(d.shift),
        shifted: d.shift.is_some(),
        provenance: provenance_out(d.provenance.kind())?,
    })
}

/// A date deadline's [`DueFields`] for C: the same struct [`deadline_out`]
/// makes of the [`Deadline`] they equal, from the fields `dpa-core` hands
/// out (no `time` value taken apart, no Unix seconds computed here).
#[inline(always)]
pub fn due_fields_out(d: &DueFields) -> FfiResult<dpa_deadline> {
    due_fields_of_kind(d, deadline_kind_out(d.kind)?)
}

/// [`due_fields_out`] for a caller that has the C value of `d.kind`
/// already (the kind it asked `dpa-core` for, which the answer carries:
/// `Agreement::date_due_of`), so that it is converted once, or, for a kind
/// known when the code is compiled, not at all: the fields of [`due_out`]
/// with the kind and the text.
#[inline(always)]
pub fn due_fields_of_kind(d: &DueFields, kind: dpa_deadline_kind) -> FfiResult<dpa_deadline> {
    debug_assert_eq!(deadline_kind_out(d.kind).ok(), Some(kind), "{d:?}");
    let due = due_out(d)?;
    let due_text = match d.due {
        DueDay::Date {
            year, month, day, ..
        } => date_text(year, month, day),
        DueDay::NoFixedTerm => due_text_formatted(&Due::NoFixedTerm),
        _ => return Err(unknown("kind of due time")),
    };
    Ok(dpa_deadline {
        due_unix: due.due_unix,
        kind,
        due_kind: due.due_kind,
        bound: due.bound,
        due_date: due.due_date,
        due_text,
        shifted_from: due.shifted_from,
        shifted: due.shifted,
        provenance: due.provenance,
    })
}

/// A date deadline's [`DueFields`] for C without the text: the one
/// conversion of `DueFields`, which [`due_fields_of_kind`] completes to a
/// `dpa_deadline`. The kind is not converted (`dpa_due` has none).
#[inline(always)]
pub fn due_out(d: &DueFields) -> FfiResult<dpa_due> {
    let (due_kind, due_date, due_unix) = match d.due {
        DueDay::Date {
            year,
            month,
            day,
            ends_unix,
        } => {
            let date = dpa_date {
                year,
                month: u32::from(month),
                day: u32::from(day),
            };
            (dpa_due_kind::Date, date, ends_unix)
        }
        DueDay::NoFixedTerm => (dpa_due_kind::None, ZERO_DATE, 0),
        _ => return Err(unknown("kind of due time")),
    };
    Ok(dpa_due {
        due_unix,
        due_kind,
        bound: bound_out(d.bound)?,
        due_date,
        shifted_from: shifted_from_out(d.shift),
        shifted: d.shift.is_some(),
        provenance: provenance_out(d.provenance)?,
    })
}

/// A due date's fields and its text (`YYYY-MM-DD`), from its year, month
/// and day.
#[inline(always)]
fn due_date_out(year: i32, month: u8, day: u8) -> (dpa_date, [c_char; 24]) {
    let date = dpa_date {
        year,
        month: u32::from(month),
        day: u32::from(day),
    };
    (date, date_text(year, month, day))
}

/// A due date's text (`YYYY-MM-DD`), from its year, month and day.
#[inline(always)]
fn date_text(year: i32, month: u8, day: u8) -> [c_char; 24] {
    match dpa_core::values::iso_date::ymd_to_bytes(year, month, day) {
        Some(bytes) => text_buf(&bytes),
        None => date_text_formatted(year, month, day),
    }
}

/// The date a business-day shift moved the due date from, or all zeros.
#[inline(always)]
fn shifted_from_out(shift: Option<BusinessDayShift>) -> dpa_date {
    shift.map_or(ZERO_DATE, |s| date_out(s.original()))
}

/// A provenance for C.
#[inline]
fn provenance_out(p: ProvenanceKind) -> FfiResult<dpa_provenance> {
    match p {
        ProvenanceKind::Stated => Ok(dpa_provenance::Stated),
        ProvenanceKind::Standard => Ok(dpa_provenance::Standard),
        ProvenanceKind::Assumed => Ok(dpa_provenance::Assumed),
        ProvenanceKind::NotStated => Ok(dpa_provenance::NotStated),
        _ => Err(unknown("provenance")),
    }
}

/// A due date's ten bytes (`YYYY-MM-DD`) in a C buffer, the rest NUL.
///
/// Made as three words, so that the buffer is written to the struct as
/// three word stores: made byte by byte, the compiler built it on the
/// stack and read it back as words, and each read waited for the byte
/// stores it overlapped (a failed store-to-load forward, three per call).
#[inline(always)]
fn text_buf(bytes: &[u8; 10]) -> [c_char; 24] {
    let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9] = *bytes;
    let words: [u64; 3] = [
        u64::from_ne_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
        u64::from_ne_bytes([b8, b9, 0, 0, 0, 0, 0, 0]),
        0,
    ];
    // SAFETY: `[u64; 3]` and `[c_char; 24]` have the same size, every bit
    // pattern is a valid `c_char`, and the bytes are in memory order
    // (`from_ne_bytes`), so the text reads the same on any byte order.
    unsafe { std::mem::transmute::<[u64; 3], [c_char; 24]>(words) }
}

/// A date's text through `dpa-core`'s writer, where
/// [`ymd_to_bytes`](dpa_core::values::iso_date::ymd_to_bytes) has no ten
/// bytes for it (never for the years 1 to 9999 `dpa-core` computes).
#[inline(never)]
fn date_text_formatted(year: i32, month: u8, day: u8) -> [c_char; 24] {
    use dpa_core::values::iso_date;
    let text = iso_date::from_parts(year, u32::from(month), u32::from(day))
        .map(iso_date::format)
        .unwrap_or_default();
    let mut buf = [0 as c_char; 24];
    // At most 23 bytes, the last stays NUL.
    for (slot, &b) in buf[..23].iter_mut().zip(text.as_bytes()) {
        *slot = b as c_char;
    }
    buf
}

/// `Due`'s text through its `Display` (an instant, `none`).
#[inline(never)]
fn due_text_formatted(due: &Due) -> [c_char; 24] {
    let mut text = TextBuf::default();
    // `TextBuf` never fails: a longer text is cut off.
    let _ = write!(text, "{due}");
    let mut buf = [0 as c_char; 24];
    for (slot, &b) in buf.iter_mut().zip(&text.bytes[..text.len]) {
        *slot = b as c_char;
    }
    buf
}

/// A fixed buffer for short texts: at most 23 bytes, the rest cut off (a
/// `Due` text is ASCII and at most 20 bytes).
#[derive(Default)]
struct TextBuf {
    bytes: [u8; 23],
    len: usize,
}

impl TextBuf {
    fn push_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(slot) = self.bytes.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }
}

impl std::fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_bytes(s.as_bytes());
        Ok(())
    }
}

/// A holiday for C.
pub fn holiday_out(h: NlHoliday) -> FfiResult<dpa_holiday> {
    Ok(match h {
        NlHoliday::NewYearsDay => dpa_holiday::NewYearsDay,
        NlHoliday::GoodFriday => dpa_holiday::GoodFriday,
        NlHoliday::EasterMonday => dpa_holiday::EasterMonday,
        NlHoliday::KingsDay => dpa_holiday::KingsDay,
        NlHoliday::QueensDay => dpa_holiday::QueensDay,
        NlHoliday::LiberationDay => dpa_holiday::LiberationDay,
        NlHoliday::AscensionDay => dpa_holiday::AscensionDay,
        NlHoliday::WhitMonday => dpa_holiday::WhitMonday,
        NlHoliday::ChristmasDay => dpa_holiday::ChristmasDay,
        NlHoliday::BoxingDay => dpa_holiday::BoxingDay,
        NlHoliday::DesignatedDay => dpa_holiday::DesignatedDay,
        _ => return Err(unknown("holiday")),
    })
}

/// The `dpa-core` holiday with C number `n`.
pub fn holiday_in(n: u32) -> Option<NlHoliday> {
    NlHoliday::ALL.get(usize::try_from(n).ok()?).copied()
}
