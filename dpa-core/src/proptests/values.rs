//! Strategies for the enums and the validated values: every variant, terms
//! at their bounds, codes, versions, time zones, dates and text with the
//! characters that break writers.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use time::macros::date;
use time::{Date, Time};

use crate::model::{
    AuditPeriod, AuditReading, Authorisation, BackupDeletion, BusinessDayRule, CertificationStatus,
    Channel, CostBasis, Declaration, DeviationKind, Edition, Engagement, FineRecovery, Firmness,
    LegalHoldLift, NoticeTerm, Numbering, OfficeDays, OfficeHours, Party, Response, ReturnMethod,
    SecurityWarranty, TransferBasis,
};
use crate::values::MonthRule;
use crate::values::{
    ClauseRef, Count, Country, Days, ElapsedTerm, ElapsedUnit, EurCents, Hours, Location, Months,
    Region, Term, TermUnit, Text, TimeZoneName, UndueDelayHours, Version,
};

// ---------------------------------------------------------------------------
// Enums

/// Defines `fn $name() -> Vec<$ty>` listing every variant, for an enum
/// without a generated `ALL` (the enums of `spelled_enum!` have one). The
/// exhaustive `match` inside stops the build when a variant is added and
/// not listed here (`#[non_exhaustive]` does not apply inside the crate).
macro_rules! all_variants {
    ($name:ident: $ty:ident { $($v:ident),+ $(,)? }) => {
        pub(super) fn $name() -> Vec<$ty> {
            fn _exhaustive(x: $ty) {
                match x {
                    $($ty::$v => {})+
                }
            }
            vec![$($ty::$v),+]
        }
    };
}

pub(super) fn all_month_rules() -> Vec<MonthRule> {
    MonthRule::ALL.to_vec()
}
pub(super) fn all_business_day_rules() -> Vec<BusinessDayRule> {
    BusinessDayRule::ALL.to_vec()
}
pub(super) fn all_legal_hold_lifts() -> Vec<LegalHoldLift> {
    LegalHoldLift::ALL.to_vec()
}
pub(super) fn all_declarations() -> Vec<Declaration> {
    Declaration::ALL.to_vec()
}
pub(super) fn all_engagements() -> Vec<Engagement> {
    Engagement::ALL.to_vec()
}
pub(super) fn all_transfer_bases() -> Vec<TransferBasis> {
    TransferBasis::ALL.to_vec()
}
pub(super) fn all_certification_statuses() -> Vec<CertificationStatus> {
    CertificationStatus::ALL.to_vec()
}
pub(super) fn all_office_days() -> Vec<OfficeDays> {
    OfficeDays::ALL.to_vec()
}
pub(super) fn all_responses() -> Vec<Response> {
    Response::ALL.to_vec()
}
pub(super) fn all_editions() -> Vec<Edition> {
    Edition::ALL.to_vec()
}
pub(super) fn all_numberings() -> Vec<Numbering> {
    Numbering::ALL.to_vec()
}
pub(super) fn all_warranties() -> Vec<SecurityWarranty> {
    SecurityWarranty::ALL.to_vec()
}
pub(super) fn all_deviation_kinds() -> Vec<DeviationKind> {
    DeviationKind::ALL.to_vec()
}
pub(super) fn all_firmnesses() -> Vec<Firmness> {
    Firmness::ALL.to_vec()
}
pub(super) fn all_backup_deletions() -> Vec<BackupDeletion> {
    BackupDeletion::ALL.to_vec()
}
pub(super) fn all_return_methods() -> Vec<ReturnMethod> {
    ReturnMethod::ALL.to_vec()
}
pub(super) fn all_channels() -> Vec<Channel> {
    Channel::ALL.to_vec()
}
pub(super) fn all_cost_bases() -> Vec<CostBasis> {
    CostBasis::ALL.to_vec()
}
/// Every unit, every count in its bounds (and more often the bounds
/// themselves).
pub(super) fn term() -> impl Strategy<Value = Term> {
    (select(TermUnit::ALL.to_vec()), 0..=i64::from(Days::MAX)).prop_filter_map(
        "in range",
        |(unit, n)| {
            let max = i64::from(unit.max());
            Term::new(if n > max { n % (max + 1) } else { n }, unit).ok()
        },
    )
}

/// The two periods files have always written, and any reading of any
/// length in months or years.
pub(super) fn audit_period() -> impl Strategy<Value = AuditPeriod> {
    prop_oneof![
        Just(AuditPeriod::CALENDAR_YEAR),
        Just(AuditPeriod::ROLLING_12_MONTHS),
        (select(AuditReading::ALL.to_vec()), term())
            .prop_filter_map("months or years", |(r, t)| AuditPeriod::new(r, t).ok()),
    ]
}
pub(super) fn all_parties() -> Vec<Party> {
    Party::ALL.to_vec()
}
pub(super) fn all_authorisations() -> Vec<Authorisation> {
    Authorisation::ALL.to_vec()
}
pub(super) fn all_fine_recoveries() -> Vec<FineRecovery> {
    FineRecovery::ALL.to_vec()
}
all_variants!(all_regions: Region { Eu, Eea });

pub(super) fn notice_term() -> impl Strategy<Value = NoticeTerm> {
    fn _exhaustive(x: NoticeTerm) {
        match x {
            NoticeTerm::Within { term: _ } | NoticeTerm::WithoutUndueDelay => {}
        }
    }
    prop_oneof![
        hours().prop_map(|hours| NoticeTerm::Within {
            term: ElapsedTerm::from_hours(hours)
        }),
        (1..=365i64).prop_map(|n| NoticeTerm::Within {
            term: ElapsedTerm::new(n, ElapsedUnit::Days).expect("1 to 365 days")
        }),
        Just(NoticeTerm::WithoutUndueDelay),
    ]
}

// ---------------------------------------------------------------------------
// Values

/// Pieces text is made of: unicode, quotes, escapes, newlines, whitespace,
/// control characters and TOML- or JSON-looking content.
pub(super) const TEXT_PIECES: &[&str] = &[
    "Belco B.V.",
    "Gebruiker's \"data\"",
    "café",
    "Ωmega",
    "日本語",
    "🦀",
    "\u{1F1F3}\u{1F1F1}",
    "e\u{301}",
    "\u{10FFFF}",
    "\"",
    "'",
    "''",
    "'''",
    "''''",
    "\"\"\"",
    "\"\"\"\"",
    "\\",
    "\\\\",
    "\\n",
    "\\u0041",
    "\\U0001F600",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "#",
    " # a comment",
    "=",
    "key = \"value\"",
    "x = 1\n[table]\ny = 2",
    "[",
    "]",
    "[terms]",
    "[[statement.products]]",
    "{",
    "}",
    "{\"a\": [1, 2]}",
    "a.b.c",
    "0",
    "-1",
    "1e3",
    "true",
    "inf",
    "nan",
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    "07:32",
    "${HOME}",
    "</script>",
];

pub(super) fn text_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => select(TEXT_PIECES).prop_map(str::to_owned),
        3 => "[a-zA-Z0-9 .,-]{1,12}",
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,6}",
    ]
}

/// Non-blank text of at most a few hundred characters.
pub(super) fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        9 => vec(text_piece(), 1..6).prop_map(|pieces| pieces.concat()),
        1 => "[a-zA-Z0-9 \n\"'\\\\#=\\[\\]]{100,300}",
    ]
    .prop_filter_map("Text must not be blank", |s| Text::new(s).ok())
}

pub(super) fn opt_text() -> impl Strategy<Value = Option<Text>> {
    option::of(text())
}

pub(super) fn texts() -> impl Strategy<Value = Vec<Text>> {
    vec(text(), 0..4)
}

pub(super) fn clause_ref() -> impl Strategy<Value = ClauseRef> {
    prop_oneof![
        "DPS [1-9][0-9]?(\\.[1-9][0-9]?){0,2}",
        "clause [1-9](\\.[1-9][0-9]?){0,3}",
        "DPS bullet [1-9][0-9]?",
        "(DPS|clause) [A-Za-z0-9 .()-]{1,64}",
    ]
    .prop_filter_map("a valid clause reference", |s| s.parse::<ClauseRef>().ok())
}

pub(super) fn sources() -> impl Strategy<Value = Vec<ClauseRef>> {
    vec(clause_ref(), 0..3)
}

/// `min` and `max` themselves, or anything in between.
pub(super) fn in_bounds(min: i64, max: i64) -> impl Strategy<Value = i64> {
    prop_oneof![Just(min), Just(max), min..=max]
}

pub(super) fn months() -> impl Strategy<Value = Months> {
    in_bounds(Months::MIN.into(), Months::MAX.into())
        .prop_filter_map("in range", |n| Months::new(n).ok())
}

pub(super) fn hours() -> impl Strategy<Value = Hours> {
    in_bounds(Hours::MIN.into(), Hours::MAX.into())
        .prop_filter_map("in range", |n| Hours::new(n).ok())
}

pub(super) fn undue_delay_hours() -> impl Strategy<Value = UndueDelayHours> {
    in_bounds(UndueDelayHours::MIN.into(), UndueDelayHours::MAX.into())
        .prop_filter_map("in range", |n| UndueDelayHours::new(n).ok())
}

pub(super) fn days() -> impl Strategy<Value = Days> {
    in_bounds(Days::MIN.into(), Days::MAX.into()).prop_filter_map("in range", |n| Days::new(n).ok())
}

pub(super) fn count() -> impl Strategy<Value = Count> {
    in_bounds(Count::MIN.into(), Count::MAX.into())
        .prop_filter_map("in range", |n| Count::new(n).ok())
}

pub(super) fn eur_cents_max() -> i64 {
    i64::try_from(EurCents::MAX).unwrap_or(i64::MAX)
}

pub(super) fn eur_cents() -> impl Strategy<Value = EurCents> {
    in_bounds(0, eur_cents_max()).prop_filter_map("in range", |n| EurCents::new(n).ok())
}

pub(super) fn country() -> impl Strategy<Value = Country> {
    select(Country::all().collect::<Vec<_>>())
}

pub(super) fn location() -> impl Strategy<Value = Location> {
    prop_oneof![
        1 => select(all_regions()).prop_map(Location::Region),
        4 => country().prop_map(Location::Country),
    ]
}

pub(super) fn version_part() -> impl Strategy<Value = u32> {
    prop_oneof![
        4 => 0u32..12,
        1 => 0u32..=999_999_999,
        1 => Just(999_999_999u32),
    ]
}

pub(super) fn version() -> impl Strategy<Value = Version> {
    vec(version_part(), 1..=4).prop_filter_map("a valid version", |parts| {
        let s: Vec<String> = parts.iter().map(u32::to_string).collect();
        s.join(".").parse::<Version>().ok()
    })
}

/// Time-zone names from the IANA database, including links and odd ones.
pub(super) const TIME_ZONES: &[&str] = &[
    "Europe/Amsterdam",
    "UTC",
    "America/New_York",
    "Asia/Tokyo",
    "Europe/Brussels",
    "Europe/London",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "America/Argentina/Buenos_Aires",
    "Etc/GMT+12",
    "Etc/GMT-14",
];

pub(super) fn time_zone() -> impl Strategy<Value = TimeZoneName> {
    select(TIME_ZONES).prop_filter_map("a known time zone", |s| s.parse::<TimeZoneName>().ok())
}

/// Julian day of `date`, for ranges of dates.
pub(super) fn jd(date: Date) -> i32 {
    date.to_julian_day()
}

/// A date in years 1 to 9999 (the range documents allow), with the edges,
/// leap days and present-day dates weighted up.
pub(super) fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        1 => select(vec![
            date!(0001-01-01),
            date!(9999-12-31),
            date!(1900-02-28),
            date!(2000-02-29),
            date!(2024-02-29),
            date!(1999-12-31),
            date!(2026-01-31),
        ]),
        2 => (jd(date!(1990-01-01))..=jd(date!(2040-12-31)))
            .prop_filter_map("a date", |n| Date::from_julian_day(n).ok()),
        2 => (jd(date!(0001-01-01))..=jd(date!(9999-12-31)))
            .prop_filter_map("a date", |n| Date::from_julian_day(n).ok()),
    ]
}

/// A date as a statement states it: mostly a day, sometimes only its
/// month or its year.
pub(super) fn stated_date() -> impl Strategy<Value = crate::values::StatedDate> {
    use crate::values::StatedDate;
    (date(), 0..4u8).prop_map(|(d, p)| match p {
        1 => StatedDate::month(d.year(), u32::from(u8::from(d.month())))
            .unwrap_or(StatedDate::from(d)),
        2 => StatedDate::year(d.year()).unwrap_or(StatedDate::from(d)),
        _ => StatedDate::from(d),
    })
}

/// Any date the `time` crate can represent (years -9999 to 9999), for
/// `check(at)`.
pub(super) fn any_date() -> impl Strategy<Value = Date> {
    prop_oneof![
        1 => select(vec![Date::MIN, Date::MAX, date!(0001-01-01), date!(9999-12-31)]),
        2 => date(),
        2 => (jd(Date::MIN)..=jd(Date::MAX))
            .prop_filter_map("a date", |n| Date::from_julian_day(n).ok()),
    ]
}

/// A minute of the day, 0 (00:00) to 1439 (23:59).
pub(super) fn minute_of_day() -> impl Strategy<Value = u16> {
    prop_oneof![Just(0u16), Just(1439u16), 0u16..1440]
}

pub(super) fn hh_mm(minute: u16) -> Option<Time> {
    Time::from_hms(
        u8::try_from(minute / 60).ok()?,
        u8::try_from(minute % 60).ok()?,
        0,
    )
    .ok()
}

pub(super) fn office_hours() -> impl Strategy<Value = OfficeHours> {
    (minute_of_day(), minute_of_day(), select(all_office_days())).prop_filter_map(
        "start before end",
        |(a, b, days)| {
            let (start, end) = (hh_mm(a.min(b))?, hh_mm(a.max(b))?);
            OfficeHours::new(start, end, days).ok()
        },
    )
}
