//! Integration tests for `dpa_core::calendar`: month/day/hour arithmetic and the
//! Algemene termijnenwet calendar.

use std::collections::BTreeMap;

use dpa_core::Error;
use dpa_core::calendar::{
    ATW_IN_FORCE, DESIGNATED_DAYS_KNOWN_THROUGH, MonthRule, NlHoliday, add_days, add_hours,
    add_months, checked_add_months, checked_add_months_ymd, days_in_month, designated_days,
    easter_sunday, is_business_day, is_public_holiday, next_business_day_on_or_after,
    public_holiday, public_holidays, shift_to_business_day,
};
use dpa_core::limits::{MAX_YEAR, MIN_YEAR};
use proptest::prelude::*;
use time::macros::{date, datetime};
use time::{Date, Duration, Month, OffsetDateTime, Weekday};

fn clamp(d: Date, n: i32) -> Date {
    add_months(d, n, MonthRule::Clamp).unwrap()
}

fn sticky(d: Date, n: i32) -> Date {
    add_months(d, n, MonthRule::MonthEndSticky).unwrap()
}

fn thirty(d: Date, n: i32) -> Date {
    add_months(d, n, MonthRule::ThirtyDays).unwrap()
}

// ---------------------------------------------------------------------------
// Months (docs/rules.md rule 1)
// ---------------------------------------------------------------------------

/// HR 1 September 2017, ECLI:NL:HR:2017:2225, and its worked examples.
/// Source: HR 1 September 2017, ECLI:NL:HR:2017:2225 (29 Feb 2016 + 3 months =
/// 29 May 2016, a Sunday the Atw moves to Monday 30 May; 28 Feb, 30 Apr and
/// 30 Sep + 3 months keep the day number; 31 Jan + 1 month = 28/29 Feb); Atw
/// art. 1(1).
#[test]
fn hr_2017_2225_examples() {
    assert_eq!(clamp(date!(2016 - 02 - 29), 3), date!(2016 - 05 - 29));
    assert_eq!(clamp(date!(2017 - 02 - 28), 3), date!(2017 - 05 - 28));
    assert_eq!(clamp(date!(2017 - 04 - 30), 3), date!(2017 - 07 - 30));
    assert_eq!(clamp(date!(2017 - 09 - 30), 3), date!(2017 - 12 - 30));
    assert_eq!(clamp(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
    assert_eq!(clamp(date!(2023 - 01 - 31), 1), date!(2023 - 02 - 28));
    // ... and the Atw then moves Sunday 29 May 2016 to Monday 30 May 2016.
    let shift = shift_to_business_day(date!(2016 - 05 - 29))
        .unwrap()
        .unwrap();
    assert_eq!(shift.original(), date!(2016 - 05 - 29));
    assert_eq!(shift.shifted(), date!(2016 - 05 - 30));
    assert_eq!(shift.reason(), None);
}

/// Clamp across year ends and leap years (2000 and 2028, not 2100) and for a
/// zero term; 2025-11-30 + 3 months is Saturday 2026-02-28, which only the
/// opted-in Atw moves, to Monday 2 March.
/// Source: docs/rules.md rule 1 (the day number, else the month's last day)
/// with the Gregorian leap years; docs/rules.md rule 5 and Atw art. 1(1) for
/// the move off a Saturday.
#[test]
fn clamp_across_year_ends_and_leap_years() {
    assert_eq!(clamp(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
    assert_eq!(clamp(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
    assert_eq!(clamp(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
    assert_eq!(clamp(date!(2024 - 02 - 29), 48), date!(2028 - 02 - 29));
    assert_eq!(clamp(date!(2026 - 03 - 31), 1), date!(2026 - 04 - 30));
    assert_eq!(clamp(date!(2026 - 01 - 15), 0), date!(2026 - 01 - 15));
    assert_eq!(clamp(date!(2099 - 12 - 31), 2), date!(2100 - 02 - 28));
    assert_eq!(clamp(date!(1999 - 12 - 31), 2), date!(2000 - 02 - 29));
    // 2025-11-30 + 3 months is Saturday 2026-02-28 (a published worked example);
    // only an opted-in Atw moves it, to Monday 2026-03-02.
    assert_eq!(clamp(date!(2025 - 11 - 30), 3), date!(2026 - 02 - 28));
    assert_eq!(
        shift_to_business_day(date!(2026 - 02 - 28))
            .unwrap()
            .unwrap()
            .shifted(),
        date!(2026 - 03 - 02)
    );
}

/// The whole term is added at once: 31 January 2026 + 2 months is 31 March, not
/// 28 March as month by month.
/// Source: docs/rules.md rule 1 ("never month by month": 31 Jan + 1 month + 1
/// month = 28 Mar, 31 Jan + 2 months = 31 Mar).
#[test]
fn whole_term_not_month_by_month() {
    let start = date!(2026 - 01 - 31);
    assert_eq!(clamp(start, 2), date!(2026 - 03 - 31));
    assert_eq!(clamp(clamp(start, 1), 1), date!(2026 - 03 - 28));
}

/// The `month-end-sticky` reading: a start on its month's last day lands on the
/// target month's last day, any other start is clamped, in both directions.
/// Source: docs/rules.md rule 1, setting `month-end-sticky` (28 Feb 2026 + 3
/// months = 31 May 2026, as the EU trade mark implementing rules count).
#[test]
fn month_end_sticky() {
    assert_eq!(sticky(date!(2026 - 02 - 28), 3), date!(2026 - 05 - 31));
    assert_eq!(sticky(date!(2026 - 04 - 30), 1), date!(2026 - 05 - 31));
    assert_eq!(sticky(date!(2026 - 01 - 30), 1), date!(2026 - 02 - 28));
    assert_eq!(sticky(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
    assert_eq!(sticky(date!(2026 - 01 - 31), 3), date!(2026 - 04 - 30));
    // 28 Feb is not the month end in a leap year: as clamp.
    assert_eq!(sticky(date!(2024 - 02 - 28), 3), date!(2024 - 05 - 28));
    assert_eq!(sticky(date!(2024 - 02 - 29), 3), date!(2024 - 05 - 31));
    assert_eq!(sticky(date!(2026 - 09 - 30), 3), date!(2026 - 12 - 31));
    assert_eq!(sticky(date!(2026 - 05 - 15), 3), date!(2026 - 08 - 15));
    // backwards
    assert_eq!(sticky(date!(2026 - 02 - 28), -1), date!(2026 - 01 - 31));
    assert_eq!(sticky(date!(2026 - 04 - 30), -2), date!(2026 - 02 - 28));
}

/// The `thirty-days` reading: a month is exactly 30 days, in both directions.
/// Source: docs/rules.md rule 1, setting `thirty-days` (Wetboek van
/// Strafvordering BES art. 3(3): "Onder maand wordt verstaan de tijd van dertig
/// dagen").
#[test]
fn thirty_days() {
    assert_eq!(thirty(date!(2026 - 01 - 31), 1), date!(2026 - 03 - 02));
    assert_eq!(thirty(date!(2026 - 02 - 28), 3), date!(2026 - 05 - 29));
    assert_eq!(thirty(date!(2024 - 02 - 01), 1), date!(2024 - 03 - 02));
    assert_eq!(thirty(date!(2026 - 03 - 01), -1), date!(2026 - 01 - 30));
    assert_eq!(thirty(date!(2026 - 03 - 01), 0), date!(2026 - 03 - 01));
    assert_eq!(thirty(date!(2026 - 01 - 01), 12), date!(2026 - 12 - 27));
}

/// Clamp backwards: a term counted back from a date keeps the day number or
/// ends the month, down to year 1.
/// Source: docs/rules.md rule 1 (clamp); README "Invariants and limits" (years
/// 1–9999).
#[test]
fn negative_months() {
    assert_eq!(clamp(date!(2026 - 05 - 31), -3), date!(2026 - 02 - 28));
    assert_eq!(clamp(date!(2024 - 03 - 31), -1), date!(2024 - 02 - 29));
    assert_eq!(clamp(date!(2026 - 03 - 31), -13), date!(2025 - 02 - 28));
    assert_eq!(clamp(date!(2026 - 01 - 15), -1), date!(2025 - 12 - 15));
    assert_eq!(clamp(date!(2026 - 01 - 15), -12), date!(2025 - 01 - 15));
    assert_eq!(clamp(date!(0004 - 03 - 31), -1), date!(0004 - 02 - 29)); // a leap year
    assert_eq!(clamp(date!(0001 - 03 - 31), -1), date!(0001 - 02 - 28));
    // Year 1 is the first supported year (dpa_core::limits::MIN_YEAR).
    assert!(add_months(date!(0001 - 01 - 31), -1, MonthRule::Clamp).is_err());
}

/// Month, day and hour arithmetic that would leave years 1 to 9999 is an
/// out-of-range error, never a panic; the last dates inside the range still
/// compute.
/// Source: README "Invariants and limits" (dates in years 1–9999; "a result
/// past 9999-12-31 is an out-of-range error").
#[test]
fn overflow_is_an_error_not_a_panic() {
    for &rule in MonthRule::ALL {
        for (d, n) in [
            (Date::MAX, 1),
            (Date::MIN, -1),
            (date!(2026 - 05 - 15), i32::MAX),
            (date!(2026 - 05 - 15), i32::MIN),
            (Date::MAX, i32::MAX),
            (Date::MIN, i32::MIN),
        ] {
            let err = add_months(d, n, rule).unwrap_err();
            assert!(
                matches!(err, Error::OutOfRange(_)),
                "{rule} {d} {n}: {err:?}"
            );
        }
    }
    // The last months inside the range still work.
    assert_eq!(clamp(date!(9999 - 11 - 30), 1), date!(9999 - 12 - 30));
    assert_eq!(sticky(date!(9999 - 11 - 30), 1), Date::MAX);
    assert_eq!(clamp(date!(0001 - 02 - 28), -1), date!(0001 - 01 - 28));
    assert_eq!(clamp(Date::MAX, -119_987), date!(0001 - 01 - 31));
    assert!(add_months(Date::MAX, -119_988, MonthRule::Clamp).is_err());
    // Outside the supported years 1 to 9999, inputs are refused too.
    assert!(add_months(date!(0000 - 06 - 15), 12, MonthRule::Clamp).is_err());
    assert!(add_days(date!(0000 - 12 - 31), 1).is_err());
    assert!(add_days(date!(0001 - 01 - 01), -1).is_err());

    assert!(add_days(Date::MAX, 1).is_err());
    assert!(add_days(Date::MIN, -1).is_err());
    assert!(add_days(date!(2026 - 01 - 01), i64::MAX).is_err());
    assert!(add_days(date!(2026 - 01 - 01), i64::MIN).is_err());
    assert_eq!(add_days(Date::MAX, 0).unwrap(), Date::MAX);

    let late = Date::MAX.with_hms(23, 0, 0).unwrap().assume_utc();
    assert!(add_hours(late, 1).is_err());
    assert!(add_hours(late, i64::MAX).is_err());
    assert!(add_hours(late, i64::MIN).is_err());
    assert_eq!(
        add_hours(late, -1).unwrap(),
        Date::MAX.with_hms(22, 0, 0).unwrap().assume_utc()
    );
}

/// The month rule's spellings in files and in the schema (`clamp`, the default,
/// `month-end-sticky`, `thirty-days`), and the error for an unknown one.
/// Source: docs/rules.md rule 1 (setting `rules.month_rule`, default `clamp`);
/// README "The file format" (`[rules]`); the error text is the library's error
/// format (docs/architecture.md).
#[test]
fn month_rule_in_files() {
    assert_eq!(MonthRule::default(), MonthRule::Clamp);
    assert_eq!(
        serde_json::to_string(&MonthRule::MonthEndSticky).unwrap(),
        "\"month-end-sticky\""
    );
    for &rule in MonthRule::ALL {
        let json = format!("\"{rule}\"");
        assert_eq!(serde_json::from_str::<MonthRule>(&json).unwrap(), rule);
        assert_eq!(rule.as_str().parse::<MonthRule>().unwrap(), rule);
    }
    assert!(serde_json::from_str::<MonthRule>("\"Clamp\"").is_err());
    let err = "30-days".parse::<MonthRule>().unwrap_err().to_string();
    assert!(
        err.contains("expected one of clamp, month-end-sticky, thirty-days"),
        "{err}"
    );
    let schema = serde_json::to_string(&schemars::schema_for!(MonthRule)).unwrap();
    for name in ["clamp", "month-end-sticky", "thirty-days"] {
        assert!(schema.contains(&format!("\"{name}\"")), "{schema}");
    }
}

/// The number of days in a month, with the Gregorian leap years.
/// Source: the Gregorian calendar as ISO 8601 counts it (a year divisible by 4
/// is a leap year, a century year only when divisible by 400).
#[test]
fn days_in_month_public() {
    assert_eq!(days_in_month(2024, Month::February), 29);
    assert_eq!(days_in_month(2100, Month::February), 28);
    assert_eq!(days_in_month(2000, Month::February), 29);
    assert_eq!(days_in_month(2026, Month::September), 30);
    assert_eq!(days_in_month(2026, Month::December), 31);
}

// ---------------------------------------------------------------------------
// Days and hours (docs/rules.md rules 2 and 3)
// ---------------------------------------------------------------------------

/// Day terms count calendar days: 14 days' notice on 20 February 2026 allows
/// the act on 6 March; six weeks from Good Friday 2026 end on the designated
/// Friday 15 May, which the Atw moves to Monday 18 May.
/// Source: docs/rules.md rule 3 (Belco DPS 1.14: "minimaal 14-dagen van
/// tevoren"); Atw art. 1(1) and 3(3) with Stcrt. 2025, 24713 (15 May 2026
/// designated).
#[test]
fn day_terms() {
    // 14 days' notice given on 2026-02-20 allows the act on 2026-03-06.
    assert_eq!(
        add_days(date!(2026 - 02 - 20), 14).unwrap(),
        date!(2026 - 03 - 06)
    );
    assert_eq!(
        add_days(date!(2026 - 03 - 06), -14).unwrap(),
        date!(2026 - 02 - 20)
    );
    // 6 weeks from Good Friday 2026 (regelrecht RFC-011 worked example) ...
    let end = add_days(date!(2026 - 04 - 03), 42).unwrap();
    assert_eq!(end, date!(2026 - 05 - 15));
    // ... ends on a designated day, and the Atw moves it to Monday.
    assert_eq!(
        shift_to_business_day(end).unwrap().unwrap().shifted(),
        date!(2026 - 05 - 18)
    );
}

/// Amsterdam offset of a UTC instant, from the time-zone database (jiff).
fn amsterdam(instant: OffsetDateTime) -> (i8, i32) {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap();
    let zoned = jiff::Timestamp::from_second(instant.unix_timestamp())
        .unwrap()
        .to_zoned(tz);
    (zoned.hour(), zoned.offset().seconds())
}

/// An hour term is exact elapsed time across both 2026 daylight-saving changes
/// (24 hours move the Amsterdam wall clock by 25 and by 23 hours), and 72 hours
/// run back to their start.
/// Source: docs/rules.md rule 2; Directive 2000/84/EC art. 2 and 3 (summer time
/// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
/// of October); GDPR art. 33(1) (72 hours).
#[test]
fn hours_across_both_2026_dst_changes() {
    // Summer time starts Sunday 29 March 2026 at 01:00 UTC.
    let start = datetime!(2026-03-28 12:00 +01:00);
    let due = add_hours(start, 24).unwrap();
    assert_eq!((due - start).whole_seconds(), 86_400);
    assert_eq!(due, datetime!(2026-03-29 11:00 UTC));
    assert_eq!(due.offset(), time::UtcOffset::UTC);
    assert_eq!(amsterdam(start), (12, 3600));
    assert_eq!(amsterdam(due), (13, 7200)); // wall clock moved 25 h, time 24 h

    // Summer time ends Sunday 25 October 2026 at 01:00 UTC.
    let start = datetime!(2026-10-24 12:00 +02:00);
    let due = add_hours(start, 24).unwrap();
    assert_eq!((due - start).whole_seconds(), 86_400);
    assert_eq!(due, datetime!(2026-10-25 10:00 UTC));
    assert_eq!(amsterdam(start), (12, 7200));
    assert_eq!(amsterdam(due), (11, 3600)); // wall clock moved 23 h

    // The GDPR art. 33 72 hours, backwards too.
    let aware = datetime!(2026-03-27 09:30 +01:00);
    assert_eq!(add_hours(aware, 72).unwrap() - aware, Duration::hours(72));
    assert_eq!(
        add_hours(add_hours(aware, 72).unwrap(), -72).unwrap(),
        aware
    );
}

// ---------------------------------------------------------------------------
// Easter
// ---------------------------------------------------------------------------

/// Published Easter Sunday dates (Western churches), including the earliest
/// (22 March: 1818, 2285) and latest (25 April: 1943, 2038) possible dates.
/// Source: published Gregorian (Western) Easter dates (J. Meeus, Astronomical
/// Algorithms, "Date of Easter": the extremes are 22 March, as in 1818 and
/// 2285, and 25 April, as in 1943 and 2038); docs/rules.md rule 5.
#[test]
fn easter_published_dates() {
    let published = [
        date!(1818 - 03 - 22),
        date!(1900 - 04 - 15),
        date!(1943 - 04 - 25),
        date!(1961 - 04 - 02),
        date!(2000 - 04 - 23),
        date!(2005 - 03 - 27),
        date!(2008 - 03 - 23),
        date!(2011 - 04 - 24),
        date!(2016 - 03 - 27),
        date!(2019 - 04 - 21),
        date!(2024 - 03 - 31),
        date!(2025 - 04 - 20),
        date!(2026 - 04 - 05),
        date!(2027 - 03 - 28),
        date!(2028 - 04 - 16),
        date!(2038 - 04 - 25),
        date!(2100 - 03 - 28),
        date!(2285 - 03 - 22),
    ];
    for day in published {
        assert_eq!(easter_sunday(day.year()).unwrap(), day);
        assert_eq!(day.weekday(), Weekday::Sunday);
    }
}

/// Every Easter from 1583 to 9999 against python-dateutil 2.9.0's
/// `easter(year, EASTER_WESTERN)`, via a checksum computed with it:
/// h = (h * 1000003 + year * 10000 + month * 100 + day) mod (2^61 - 1).
/// Source: python-dateutil 2.9.0, `dateutil.easter.easter(year,
/// EASTER_WESTERN)` (the checksum and the 1,978 March Easters were computed
/// with it); the Gregorian computus, from 1583.
#[test]
fn easter_matches_dateutil_1583_to_9999() {
    const MODULUS: u128 = (1 << 61) - 1;
    let mut hash: u128 = 0;
    let mut in_march = 0;
    for year in 1583..=9999 {
        let easter = easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sunday);
        if easter.month() == Month::March {
            in_march += 1;
        }
        let value = u128::try_from(year).unwrap() * 10_000
            + u128::from(u8::from(easter.month())) * 100
            + u128::from(easter.day());
        hash = (hash * 1_000_003 + value) % MODULUS;
    }
    assert_eq!(hash, 2_058_868_596_771_409_970);
    assert_eq!(in_march, 1978);
    assert!(easter_sunday(1582).is_err());
    assert!(easter_sunday(i32::MIN).is_err());
    assert!(easter_sunday(i32::MAX).is_err());
}

// ---------------------------------------------------------------------------
// The Atw calendar (docs/rules.md rule 5)
// ---------------------------------------------------------------------------

fn dates(year: i32) -> Vec<Date> {
    public_holidays(year)
        .unwrap()
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

/// the published Atw day sets (the statutory days plus the designated days), exactly.
/// Source: Atw art. 3(1) and 3(2) (the statutory days, Good Friday, 5 May every
/// year) and the days designated under art. 3(3): Stcrt. 2022, 7812 (2024,
/// 2025) and Stcrt. 2025, 24713 (2026–2028); docs/rules.md rule 5.
#[test]
fn atw_day_sets_2024_to_2028() {
    let expected: [(i32, &[Date]); 5] = [
        (
            2024,
            &[
                date!(2024 - 01 - 01),
                date!(2024 - 03 - 29),
                date!(2024 - 04 - 01),
                date!(2024 - 04 - 27),
                date!(2024 - 05 - 05),
                date!(2024 - 05 - 09),
                date!(2024 - 05 - 10),
                date!(2024 - 05 - 20),
                date!(2024 - 12 - 25),
                date!(2024 - 12 - 26),
                date!(2024 - 12 - 27),
            ],
        ),
        (
            2025,
            &[
                date!(2025 - 01 - 01),
                date!(2025 - 04 - 18),
                date!(2025 - 04 - 21),
                date!(2025 - 04 - 26),
                date!(2025 - 05 - 05),
                date!(2025 - 05 - 29),
                date!(2025 - 05 - 30),
                date!(2025 - 06 - 09),
                date!(2025 - 12 - 25),
                date!(2025 - 12 - 26),
            ],
        ),
        (
            2026,
            &[
                date!(2026 - 01 - 01),
                date!(2026 - 01 - 02),
                date!(2026 - 04 - 03),
                date!(2026 - 04 - 06),
                date!(2026 - 04 - 27),
                date!(2026 - 05 - 05),
                date!(2026 - 05 - 14),
                date!(2026 - 05 - 15),
                date!(2026 - 05 - 25),
                date!(2026 - 12 - 25),
                date!(2026 - 12 - 26),
            ],
        ),
        (
            2027,
            &[
                date!(2027 - 01 - 01),
                date!(2027 - 03 - 26),
                date!(2027 - 03 - 29),
                date!(2027 - 04 - 27),
                date!(2027 - 05 - 05),
                date!(2027 - 05 - 06),
                date!(2027 - 05 - 07),
                date!(2027 - 05 - 17),
                date!(2027 - 12 - 25),
                date!(2027 - 12 - 26),
            ],
        ),
        (
            2028,
            &[
                date!(2028 - 01 - 01),
                date!(2028 - 04 - 14),
                date!(2028 - 04 - 17),
                date!(2028 - 04 - 27),
                date!(2028 - 04 - 28),
                date!(2028 - 05 - 05),
                date!(2028 - 05 - 25),
                date!(2028 - 05 - 26),
                date!(2028 - 06 - 05),
                date!(2028 - 12 - 25),
                date!(2028 - 12 - 26),
            ],
        ),
    ];
    for (year, days) in expected {
        assert_eq!(dates(year), days, "{year}");
    }
}

/// The 2026 days carry their names, the Fridays 2 January and 15 May as
/// designated days.
/// Source: Atw art. 3(1) and 3(2); Stcrt. 2025, 24713 (2 January and 15 May
/// 2026 designated under art. 3(3)).
#[test]
fn atw_2026_names() {
    use NlHoliday::*;
    let names: Vec<NlHoliday> = public_holidays(2026)
        .unwrap()
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(
        names,
        [
            NewYearsDay,
            DesignatedDay,
            GoodFriday,
            EasterMonday,
            KingsDay,
            LiberationDay,
            AscensionDay,
            DesignatedDay,
            WhitMonday,
            ChristmasDay,
            BoxingDay,
        ]
    );
}

/// From 2029 no day is designated yet: only the statutory days count.
/// Source: docs/rules.md rule 5 ("No decree covers 2029 or later yet"); Atw
/// art. 3(1) and 3(2).
#[test]
fn statutory_days_only_after_the_table() {
    assert_eq!(DESIGNATED_DAYS_KNOWN_THROUGH, 2028);
    // No decree yet for 2029/2030: fixed and Easter-based days only.
    assert_eq!(
        dates(2029),
        [
            date!(2029 - 01 - 01),
            date!(2029 - 03 - 30),
            date!(2029 - 04 - 02),
            date!(2029 - 04 - 27),
            date!(2029 - 05 - 05),
            date!(2029 - 05 - 10),
            date!(2029 - 05 - 21),
            date!(2029 - 12 - 25),
            date!(2029 - 12 - 26),
        ]
    );
    assert_eq!(
        dates(2030),
        [
            date!(2030 - 01 - 01),
            date!(2030 - 04 - 19),
            date!(2030 - 04 - 22),
            date!(2030 - 04 - 27),
            date!(2030 - 05 - 05),
            date!(2030 - 05 - 30),
            date!(2030 - 06 - 10),
            date!(2030 - 12 - 25),
            date!(2030 - 12 - 26),
        ]
    );
    // The Friday after Ascension 2029 is not (yet) designated.
    assert!(!is_public_holiday(date!(2029 - 05 - 11)));
}

/// King's Day and Queen's Day on the days they were celebrated, with their
/// Sunday rules.
/// Source: Atw art. 3(1) ("de dag waarop de verjaardag van de Koning wordt
/// gevierd"); KB of 30 January 2013, Stcrt. 2013, 4075 (27 April, Saturday
/// 26 April when the 27th is a Sunday); KB of 24 April 1980 (a Sunday 30 April
/// moves to Saturday 29 April from 1980; Monday 1 May before); docs/rules.md
/// rule 5.
#[test]
fn kings_and_queens_day() {
    // KB 30 Jan 2013 (Stcrt. 2013, 4075): 27 April, Saturday 26 April if the 27th is a Sunday.
    assert_eq!(
        public_holiday(date!(2025 - 04 - 26)),
        Some(NlHoliday::KingsDay)
    );
    assert_eq!(public_holiday(date!(2025 - 04 - 27)), None);
    assert_eq!(
        public_holiday(date!(2014 - 04 - 26)),
        Some(NlHoliday::KingsDay)
    );
    assert_eq!(public_holiday(date!(2014 - 04 - 27)), None);
    assert_eq!(
        public_holiday(date!(2031 - 04 - 26)),
        Some(NlHoliday::KingsDay)
    );
    assert_eq!(
        public_holiday(date!(2024 - 04 - 27)),
        Some(NlHoliday::KingsDay)
    ); // a Saturday
    assert_eq!(public_holiday(date!(2024 - 04 - 26)), None);
    assert_eq!(public_holiday(date!(2014 - 04 - 30)), None);
    // Koninginnedag 1949-2013: 30 April.
    assert_eq!(
        public_holiday(date!(2013 - 04 - 30)),
        Some(NlHoliday::QueensDay)
    );
    assert_eq!(public_holiday(date!(2013 - 04 - 27)), None);
    assert_eq!(
        public_holiday(date!(1965 - 04 - 30)),
        Some(NlHoliday::QueensDay)
    );
    // Sunday 30 April: Monday 1 May until 1979, Saturday 29 April from 1980.
    for year in [1967, 1972, 1978] {
        let sunday = Date::from_calendar_date(year, Month::April, 30).unwrap();
        assert_eq!(sunday.weekday(), Weekday::Sunday);
        assert_eq!(public_holiday(sunday), None);
        let monday = Date::from_calendar_date(year, Month::May, 1).unwrap();
        assert_eq!(public_holiday(monday), Some(NlHoliday::QueensDay), "{year}");
    }
    for year in [1989, 1995, 2000, 2006] {
        let saturday = Date::from_calendar_date(year, Month::April, 29).unwrap();
        assert_eq!(
            public_holiday(saturday),
            Some(NlHoliday::QueensDay),
            "{year}"
        );
        let monday = Date::from_calendar_date(year, Month::May, 1).unwrap();
        assert_eq!(public_holiday(monday), None, "{year}");
    }
    // A Saturday 29 April before 1980 is not Queen's Day.
    assert_eq!(public_holiday(date!(1967 - 04 - 29)), None);
}

/// 5 May counts every year from 1982, once where it is also Ascension Day; no
/// day before the Act took effect on 1 April 1965 is a holiday; years outside 1
/// to 9999 are refused.
/// Source: Atw art. 3(1) as amended in 1982 ("de vijfde mei"); docs/rules.md
/// rule 5 (in force 1 April 1965); README "Invariants and limits" (years
/// 1–9999).
#[test]
fn liberation_day_and_the_start_of_the_act() {
    // 5 May was added to art. 3(1) by the amendment of 1981/1982.
    assert_eq!(public_holiday(date!(1981 - 05 - 05)), None);
    assert_eq!(
        public_holiday(date!(1982 - 05 - 05)),
        Some(NlHoliday::LiberationDay)
    );
    assert_eq!(
        public_holiday(date!(2024 - 05 - 05)),
        Some(NlHoliday::LiberationDay)
    );
    assert_eq!(
        public_holiday(date!(2027 - 05 - 05)),
        Some(NlHoliday::LiberationDay)
    );
    // 5 May 2016 was also Ascension Day: one entry, the movable feast.
    assert_eq!(
        public_holiday(date!(2016 - 05 - 05)),
        Some(NlHoliday::AscensionDay)
    );
    assert_eq!(
        public_holidays(2016)
            .unwrap()
            .iter()
            .filter(|(d, _)| *d == date!(2016 - 05 - 05))
            .count(),
        1
    );
    // The Act came into force on 1 April 1965.
    assert_eq!(ATW_IN_FORCE, date!(1965 - 04 - 01));
    assert!(!is_public_holiday(date!(1965 - 01 - 01)));
    assert!(is_public_holiday(date!(1966 - 01 - 01)));
    assert!(!is_public_holiday(date!(1964 - 12 - 25)));
    // Before the Act, the list is refused, saying why (not an empty list
    // that reads as a year without holidays).
    for year in [1, 1964] {
        let e = public_holidays(year).unwrap_err();
        assert!(matches!(e, Error::OutOfRange(_)), "{e:?}");
        assert_eq!(
            e.to_string(),
            format!(
                "out of range: year {year} is before the Algemene termijnenwet came into force (1 April 1965), so it has no holidays under the Act"
            )
        );
    }
    assert!(public_holidays(0).is_err());
    assert_eq!(dates(1965)[0], date!(1965 - 04 - 16)); // Good Friday 1965
    assert!(public_holidays(10_000).is_err());
    assert!(public_holidays(i32::MIN).is_err());
    assert_eq!(public_holidays(9999).unwrap().len(), 9);
}

/// Easter Sunday and Whit Sunday are not Atw holidays, and a Sunday is no
/// business day anyway.
/// Source: Atw art. 3(1) ("de Christelijke tweede Paas- en Pinksterdag", not
/// the Sundays) and art. 1(1) (Sundays).
#[test]
fn sundays_are_not_listed_as_holidays() {
    assert!(!is_public_holiday(date!(2026 - 04 - 05))); // Easter Sunday
    assert!(!is_public_holiday(date!(2026 - 05 - 24))); // Whit Sunday
    assert!(!is_business_day(date!(2026 - 04 - 05)));
}

/// A date on a weekend or holiday moves to the next business day: the worked
/// examples of the rules, and the edges of the calendar.
/// Source: docs/rules.md rule 5 (Saturday 2 May 2026 to Monday 4 May; Friday
/// 15 May 2026 to Monday 18 May; Sunday 29 May 2016 to Monday 30 May,
/// HR 1 September 2017, ECLI:NL:HR:2017:2225); Atw art. 1(1) and 3;
/// Stcrt. 2022, 7812 (27 December 2024) and Stcrt. 2025, 24713 (2 January,
/// 15 May 2026).
#[test]
fn business_day_examples() {
    // Saturday 2026-05-02 -> Monday 2026-05-04.
    let s = shift_to_business_day(date!(2026 - 05 - 02))
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.original(), s.shifted()),
        (date!(2026 - 05 - 02), date!(2026 - 05 - 04))
    );
    assert_eq!(s.days(), 2);
    assert_eq!(s.reason(), None);
    // Friday 2026-05-15 (designated) -> Monday 2026-05-18.
    let s = shift_to_business_day(date!(2026 - 05 - 15))
        .unwrap()
        .unwrap();
    assert_eq!(s.shifted(), date!(2026 - 05 - 18));
    assert_eq!(s.reason(), Some(NlHoliday::DesignatedDay));
    // Sunday 2016-05-29 -> Monday 2016-05-30 (HR 2017:2225).
    let s = shift_to_business_day(date!(2016 - 05 - 29))
        .unwrap()
        .unwrap();
    assert_eq!(s.shifted(), date!(2016 - 05 - 30));
    // Ascension 2026 (Thursday 14 May) -> Monday 18 May, over the designated Friday.
    assert_eq!(
        next_business_day_on_or_after(date!(2026 - 05 - 14)).unwrap(),
        date!(2026 - 05 - 18)
    );
    // Good Friday 2026 -> Tuesday after Easter Monday.
    assert_eq!(
        shift_to_business_day(date!(2026 - 04 - 03))
            .unwrap()
            .unwrap()
            .shifted(),
        date!(2026 - 04 - 07)
    );
    // Christmas 2024 -> Monday 30 December (26 Dec and the designated 27th).
    assert_eq!(
        next_business_day_on_or_after(date!(2024 - 12 - 25)).unwrap(),
        date!(2024 - 12 - 30)
    );
    // New Year's Eve 2025 is a business day; 1 and 2 January 2026 are not.
    assert!(is_business_day(date!(2025 - 12 - 31)));
    assert_eq!(
        next_business_day_on_or_after(date!(2026 - 01 - 01)).unwrap(),
        date!(2026 - 01 - 05)
    );
    // No shift needed.
    assert_eq!(shift_to_business_day(date!(2026 - 05 - 04)).unwrap(), None);
    // Before the Act only weekends count.
    assert_eq!(shift_to_business_day(date!(1950 - 12 - 25)).unwrap(), None);
    // At the very end of the range there may be no business day left.
    assert_eq!(Date::MAX.weekday(), Weekday::Friday);
    assert_eq!(next_business_day_on_or_after(Date::MAX).unwrap(), Date::MAX);
    assert_eq!(
        next_business_day_on_or_after(date!(9999 - 12 - 25)).unwrap(),
        date!(9999 - 12 - 27)
    );
}

/// Every designated day in the table is a holiday and names its Staatscourant
/// source: ten days, 2023 to 2028.
/// Source: Atw art. 3(3); Stcrt. 2022, 7812 and Stcrt. 2025, 24713
/// (dpa-core/data/nl-atw-designated-days.tsv).
#[test]
fn designated_days_have_sources() {
    for day in designated_days() {
        assert_eq!(public_holiday(day.date()), Some(NlHoliday::DesignatedDay));
        assert!(day.source().contains("Stcrt. "), "{day:?}");
        assert!(!day.note().is_empty());
    }
    assert_eq!(designated_days().len(), 10);
}

/// Holidays have their Dutch names, their legal basis and stable spellings.
/// Source: Atw art. 3(1) ("de beide Kerstdagen") and 3(2) (Good Friday); the
/// spellings are the library's (docs/architecture.md, `spelled_enum!`).
#[test]
fn holiday_names_and_serde() {
    assert_eq!(NlHoliday::BoxingDay.dutch_name(), "Tweede Kerstdag");
    assert_eq!(NlHoliday::GoodFriday.legal_basis(), "Atw art. 3(2)");
    assert_eq!(NlHoliday::WhitMonday.to_string(), "Whit Monday");
    assert_eq!(
        serde_json::to_string(&NlHoliday::KingsDay).unwrap(),
        "\"kings-day\""
    );
    for h in NlHoliday::ALL {
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(serde_json::from_str::<NlHoliday>(&json).unwrap(), h);
    }
}

/// `is_public_holiday`, `public_holiday` and `public_holidays` agree on every
/// day of 1965 to 2100.
/// Source: Atw art. 1(1) and 3(1)–(3): per year the statutory days, New Year's
/// Day from 1966, 5 May from 1982, one fewer where 5 May is Ascension Day, plus
/// the designated days; the longest move, from Good Friday 23 April 2038 to
/// 28 April, follows from them.
#[test]
fn holiday_functions_agree_1965_to_2100() {
    let mut longest_shift = (0, Date::MIN);
    for year in 1965..=2100 {
        let list = public_holidays(year).unwrap();
        assert!(
            list.windows(2).all(|w| w[0].0 < w[1].0),
            "{year}: not sorted"
        );
        assert!(list.iter().all(|(d, _)| d.year() == year));
        let map: BTreeMap<Date, NlHoliday> = list.into_iter().collect();
        let mut day = Date::from_calendar_date(year, Month::January, 1).unwrap();
        while day.year() == year {
            assert_eq!(public_holiday(day), map.get(&day).copied(), "{day}");
            assert_eq!(is_public_holiday(day), map.contains_key(&day), "{day}");
            let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
            assert_eq!(
                is_business_day(day),
                !weekend && !map.contains_key(&day),
                "{day}"
            );
            if let Some(shift) = shift_to_business_day(day).unwrap() {
                longest_shift = longest_shift.max((shift.days(), day));
            }
            day = day.next_day().unwrap();
        }
        let expected = 7 + usize::from(year >= 1982) + usize::from(year > 1965)
            - usize::from(year == 2005 || year == 2016)
            + designated_days()
                .iter()
                .filter(|d| d.date().year() == year)
                .count();
        assert_eq!(map.len(), expected, "{year}");
    }
    // Good Friday 23 April 2038, Easter Monday 26 April and King's Day on
    // Tuesday 27 April: the term ends on Wednesday 28 April, 5 days later.
    assert_eq!(longest_shift, (5, date!(2038 - 04 - 23)));
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn any_date() -> impl Strategy<Value = Date> {
    (Date::MIN.to_julian_day()..=Date::MAX.to_julian_day())
        .prop_map(|jd| Date::from_julian_day(jd).unwrap())
}

fn atw_date() -> impl Strategy<Value = Date> {
    (date!(1965 - 01 - 01).to_julian_day()..=date!(2100 - 12 - 31).to_julian_day())
        .prop_map(|jd| Date::from_julian_day(jd).unwrap())
}

fn any_rule() -> impl Strategy<Value = MonthRule> {
    prop_oneof![
        Just(MonthRule::Clamp),
        Just(MonthRule::MonthEndSticky),
        Just(MonthRule::ThirtyDays),
    ]
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Under clamp the day is the start day where the target month has it, else
    /// the month's last day; the target month is exactly n months on; the result
    /// is never before the start for n >= 0.
    /// Source: docs/rules.md rule 1 (clamp); README "Invariants and limits"
    /// (years 1–9999).
    #[test]
    fn clamp_keeps_the_day_or_ends_the_month(d in any_date(), n in -2400i32..=2400) {
        let target = month_index(d) + i64::from(n);
        let target_year = target.div_euclid(12);
        match add_months(d, n, MonthRule::Clamp) {
            Ok(r) => {
                prop_assert_eq!(month_index(r), target);
                prop_assert_eq!(r.day(), d.day().min(days_in_month(r.year(), r.month())));
                if n >= 0 { prop_assert!(r >= d); } else { prop_assert!(r < d); }
            }
            Err(e) => {
                prop_assert!(matches!(e, Error::OutOfRange(_)));
                let years = i64::from(MIN_YEAR)..=i64::from(MAX_YEAR);
                prop_assert!(!years.contains(&target_year) || !years.contains(&i64::from(d.year())));
            }
        }
    }

    /// Under `month-end-sticky` a start on a month end lands on a month end,
    /// and any other start is clamped.
    /// Source: docs/rules.md rule 1, setting `month-end-sticky`.
    #[test]
    fn month_end_sticky_matches_its_definition(d in any_date(), n in -2400i32..=2400) {
        if let Ok(r) = add_months(d, n, MonthRule::MonthEndSticky) {
            let c = add_months(d, n, MonthRule::Clamp).unwrap();
            prop_assert_eq!(month_index(r), month_index(c));
            if d.day() == days_in_month(d.year(), d.month()) {
                prop_assert_eq!(r.day(), days_in_month(r.year(), r.month()));
            } else {
                prop_assert_eq!(r, c);
            }
            if n >= 0 { prop_assert!(r >= d); }
        }
    }

    /// The field-level form gives the same date as the `Date` one, for every
    /// rule, and `None` exactly where the `Date` one does.
    /// Source: docs/rules.md rule 1, computed once for every form of the date
    /// (docs/architecture.md: every decision is made once, in dpa-core).
    #[test]
    fn checked_add_months_ymd_is_checked_add_months(d in any_date(), n in any::<i32>(), rule in any_rule()) {
        let (y, m, day) = d.to_calendar_date();
        prop_assert_eq!(
            checked_add_months_ymd(y, m, day, n, rule),
            checked_add_months(d, n, rule).map(|r| r.to_calendar_date())
        );
        prop_assert_eq!(
            checked_add_months_ymd(y, m, day, n % 2400, rule),
            checked_add_months(d, n % 2400, rule).map(|r| r.to_calendar_date())
        );
    }

    /// Fields that are not a date give `None`, never a guess.
    /// Source: README "Invariants and limits" ("dates are real calendar dates";
    /// `2026-02-30` is refused).
    #[test]
    fn checked_add_months_ymd_refuses_non_dates(y in any::<i32>(), m in 1u8..=12, day in 0u8..=u8::MAX, rule in any_rule()) {
        let month = Month::try_from(m).unwrap();
        let real = Date::from_calendar_date(y, month, day).is_ok();
        let r = checked_add_months_ymd(y, month, day, 1, rule);
        if !real {
            prop_assert_eq!(r, None);
        }
    }

    /// No date and no i32 make add_months panic; an Ok is in range and, for
    /// thirty-days, exactly 30 n days on.
    /// Source: docs/rules.md rule 1 (`thirty-days`: a month of 30 days); README
    /// "Invariants and limits" (years 1–9999).
    #[test]
    fn add_months_never_panics(d in any_date(), n in any::<i32>(), rule in any_rule()) {
        if let Ok(r) = add_months(d, n, rule) {
            prop_assert!((Date::MIN..=Date::MAX).contains(&r));
            if rule == MonthRule::ThirtyDays {
                prop_assert_eq!(
                    i64::from(r.to_julian_day()) - i64::from(d.to_julian_day()),
                    i64::from(n) * 30
                );
            }
        }
    }

    /// Day and hour terms add exactly that many days and hours (on UTC
    /// instants), or fail without a panic.
    /// Source: docs/rules.md rules 2 and 3.
    #[test]
    fn add_days_and_hours_never_panic(d in any_date(), days in any::<i64>(), hours in any::<i64>()) {
        if let Ok(r) = add_days(d, days) {
            prop_assert_eq!(i64::from(r.to_julian_day()) - i64::from(d.to_julian_day()), days);
        }
        let instant = d.midnight().assume_utc();
        if let Ok(r) = add_hours(instant, hours) {
            prop_assert_eq!(r.offset(), time::UtcOffset::UTC);
            prop_assert_eq!(
                r.unix_timestamp_nanos() - instant.unix_timestamp_nanos(),
                i128::from(hours) * 3_600_000_000_000
            );
        }
    }

    /// The shift lands on a business day at most 10 days later, and shifting
    /// again changes nothing.
    /// Source: Atw art. 1(1) ("de eerstvolgende dag die niet een zaterdag,
    /// zondag of algemeen erkende feestdag is"); docs/rules.md rule 5.
    #[test]
    fn business_day_shift_is_idempotent(d in any_date()) {
        match shift_to_business_day(d) {
            Ok(None) => prop_assert!(is_business_day(d)),
            Ok(Some(s)) => {
                prop_assert!(!is_business_day(d));
                prop_assert_eq!(s.original(), d);
                prop_assert!(s.shifted() > d);
                prop_assert!(s.days() <= 10);
                prop_assert!(is_business_day(s.shifted()));
                prop_assert_eq!(shift_to_business_day(s.shifted()).unwrap(), None);
                prop_assert_eq!(next_business_day_on_or_after(d).unwrap(), s.shifted());
            }
            Err(_) => prop_assert!(d > Date::MAX.saturating_sub(Duration::days(10))),
        }
    }

    /// From 1965 to 2100 the shift lands on the first business day on or after
    /// the date, a weekday, at most 10 days on.
    /// Source: Atw art. 1(1); docs/rules.md rule 5.
    #[test]
    fn business_day_shift_in_the_atw_era(d in atw_date()) {
        let shifted = next_business_day_on_or_after(d).unwrap();
        prop_assert!(is_business_day(shifted));
        prop_assert!(shifted.to_julian_day() - d.to_julian_day() <= 10);
        let mut day = d;
        while day < shifted {
            prop_assert!(!is_business_day(day));
            day = day.next_day().unwrap();
        }
        prop_assert!(!matches!(shifted.weekday(), Weekday::Saturday | Weekday::Sunday));
    }

    /// For any date, a business day is a weekday that is no holiday, and no day
    /// before the Act is a holiday.
    /// Source: Atw art. 1(1) and 3; docs/rules.md rule 5 ("Before the Act took
    /// effect (1 April 1965) no day is a holiday").
    #[test]
    fn holiday_tests_never_panic(d in any_date()) {
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        prop_assert_eq!(is_business_day(d), !weekend && !is_public_holiday(d));
        let h = public_holiday(d);
        prop_assert_eq!(h.is_some(), is_public_holiday(d));
        if d < ATW_IN_FORCE { prop_assert_eq!(h, None); }
    }
}
