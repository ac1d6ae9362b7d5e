//! Benchmarks of `dpa_core::calendar`: month arithmetic (against `chrono`,
//! `jiff` and a hand-written clamp on `time`) and the Dutch holiday calendar
//! of the Algemene termijnenwet.
//!
//! Every benchmark here runs over a fixed set of inputs per sample and counts
//! them with [`ItemsCount`], so divan's throughput line gives the time per
//! operation (`benches/run.sh` turns it into ns/op).
//!
//! `cargo bench -p dpa-benches --bench calendar` measures;
//! `cargo test -p dpa-benches --benches` runs each benchmark once.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use dpa_core::calendar::{
    MonthRule, add_months, checked_add_months, is_business_day, is_public_holiday,
    next_business_day_on_or_after, public_holidays,
};
use time::{Date, Month};

fn main() {
    divan::main();
}

/// How many dates the month-arithmetic benchmarks add months to, per
/// sample: 4096, and 65,536, too many for the branch predictor to learn the
/// sequence over the repeated samples. (On the AMD EPYC this was written on,
/// code with data-dependent branches is markedly faster on the 4096 dates
/// than on the 65,536, and branch-free code is not; see `BENCHMARKS.md`.)
const SIZES: &[usize] = &[4096, 65_536];

/// The months added in every month-arithmetic benchmark (a typical deletion
/// term; DPS 1.11 of both seed agreements says three months).
const MONTHS: i32 = 3;

/// `n` dates drawn uniformly from 1900-01-01 ..= 2100-12-31, every day of
/// the month possible (so about one in 30 is a month end, and every
/// 29/30/31 that needs clamping occurs). The first 4096 are the same for
/// every `n`.
fn random_dates(n: usize) -> Vec<Date> {
    dpa_benches::random_dates(n, 1900, 2100)
}

fn to_chrono(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(d.year(), u32::from(u8::from(d.month())), u32::from(d.day()))
        .expect("valid date")
}

fn to_jiff(d: Date) -> jiff::civil::Date {
    jiff::civil::Date::new(
        i16::try_from(d.year()).expect("year fits i16"),
        i8::try_from(u8::from(d.month())).expect("month fits i8"),
        i8::try_from(d.day()).expect("day fits i8"),
    )
    .expect("valid date")
}

/// The straightforward way to add months with the `time` crate alone, which
/// has no month arithmetic: same day-number, clamped to the target month's
/// length, via `Date::from_calendar_date`.
#[inline]
fn time_add_months_clamp(date: Date, months: i32) -> Option<Date> {
    let (year, month, day) = date.to_calendar_date();
    let total = (year * 12 + (i32::from(u8::from(month)) - 1)).checked_add(months)?;
    let new_year = total.div_euclid(12);
    let new_month = Month::try_from(u8::try_from(total.rem_euclid(12) + 1).ok()?).ok()?;
    Date::from_calendar_date(new_year, new_month, day.min(new_month.length(new_year))).ok()
}

/// `add_months(d, 3, MonthRule::Clamp)` for each date, as the reference the
/// baselines are checked against (outside the timing): every baseline must
/// compute the same dates, or the comparison would be meaningless.
fn expected_clamp(dates: &[Date]) -> Vec<Date> {
    dates
        .iter()
        .map(|&d| add_months(d, MONTHS, MonthRule::Clamp).expect("in range"))
        .collect()
}

/// Adding three months to each of 4096 (or 65,536) pseudo-random dates
/// (1900–2100); the argument is the number of dates. The number of months is
/// hidden from the optimiser (as it would be when read from an agreement);
/// the rule is a constant, as in a caller that fixes it. Each function's
/// whole return value goes through `black_box`.
mod add_months_3 {
    use super::*;

    // `always`, so that `rule` is a constant in each benchmark.
    #[inline(always)]
    fn run_dpa(bencher: Bencher, n: usize, rule: MonthRule) {
        let dates = random_dates(n);
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                let _ = black_box(add_months(d, months, rule));
            }
        });
    }

    /// `dpa_core::calendar::add_months(d, 3, MonthRule::Clamp)`.
    #[divan::bench(args = SIZES)]
    fn dpa_clamp(bencher: Bencher, n: usize) {
        run_dpa(bencher, n, MonthRule::Clamp);
    }

    /// `dpa_core::calendar::add_months(d, 3, MonthRule::MonthEndSticky)`.
    #[divan::bench(args = SIZES)]
    fn dpa_month_end_sticky(bencher: Bencher, n: usize) {
        run_dpa(bencher, n, MonthRule::MonthEndSticky);
    }

    /// `dpa_core::calendar::add_months(d, 3, MonthRule::ThirtyDays)`.
    #[divan::bench(args = SIZES)]
    fn dpa_thirty_days(bencher: Bencher, n: usize) {
        run_dpa(bencher, n, MonthRule::ThirtyDays);
    }

    /// Diagnostic: as `dpa_clamp`, but with the result reduced to
    /// `Option<Date>` (`.ok()`) before `black_box`, as a caller that uses `?`
    /// or `.ok()` on an inlined call gets it. The difference to `dpa_clamp`
    /// is the cost of moving `dpa_core::Result<Date>` (80 bytes) around.
    #[divan::bench(args = SIZES)]
    fn dpa_clamp_ok(bencher: Bencher, n: usize) {
        let dates = random_dates(n);
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                black_box(add_months(d, months, MonthRule::Clamp).ok());
            }
        });
    }

    /// `dpa_core::calendar::checked_add_months(d, 3, MonthRule::Clamp)`: the
    /// `Option` API, the like-for-like counterpart of chrono's
    /// `checked_add_months`.
    #[divan::bench(args = SIZES)]
    fn dpa_checked_clamp(bencher: Bencher, n: usize) {
        let dates = random_dates(n);
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                black_box(checked_add_months(d, months, MonthRule::Clamp));
            }
        });
    }

    /// As `dpa_clamp`, but with the rule also hidden from the optimiser, as
    /// in `Agreement::deletion_deadline` (the rule comes from the file).
    #[divan::bench(args = SIZES)]
    fn dpa_runtime_rule_clamp(bencher: Bencher, n: usize) {
        let dates = random_dates(n);
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = black_box(MONTHS);
            let rule = black_box(MonthRule::Clamp);
            for &d in black_box(dates.as_slice()) {
                let _ = black_box(add_months(d, months, rule));
            }
        });
    }

    /// Baseline: `chrono::NaiveDate::checked_add_months(Months::new(3))`
    /// (clamps, like `MonthRule::Clamp`), on dates converted before timing.
    #[divan::bench(args = SIZES)]
    fn chrono_checked_add_months(bencher: Bencher, n: usize) {
        let dates: Vec<chrono::NaiveDate> = random_dates(n).into_iter().map(to_chrono).collect();
        let same: Vec<chrono::NaiveDate> = dates
            .iter()
            .map(|d| {
                d.checked_add_months(chrono::Months::new(3))
                    .expect("in range")
            })
            .collect();
        let reference: Vec<chrono::NaiveDate> = expected_clamp(&random_dates(n))
            .into_iter()
            .map(to_chrono)
            .collect();
        assert_eq!(same, reference, "chrono agrees with MonthRule::Clamp");
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = chrono::Months::new(black_box(MONTHS).unsigned_abs());
            for &d in black_box(dates.as_slice()) {
                let _ = black_box(d.checked_add_months(months));
            }
        });
    }

    /// Baseline: `jiff::civil::Date::checked_add(3.months())` (clamps), on
    /// dates converted before timing.
    #[divan::bench(args = SIZES)]
    fn jiff_checked_add(bencher: Bencher, n: usize) {
        use jiff::ToSpan;
        let dates: Vec<jiff::civil::Date> = random_dates(n).into_iter().map(to_jiff).collect();
        let same: Vec<jiff::civil::Date> = dates
            .iter()
            .map(|d| d.checked_add(3.months()).expect("in range"))
            .collect();
        let reference: Vec<jiff::civil::Date> = expected_clamp(&random_dates(n))
            .into_iter()
            .map(to_jiff)
            .collect();
        assert_eq!(same, reference, "jiff agrees with MonthRule::Clamp");
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let span = black_box(MONTHS).months();
            for &d in black_box(dates.as_slice()) {
                let _ = black_box(d.checked_add(span));
            }
        });
    }

    /// Baseline: the `time` crate with a hand-written clamp
    /// (`Date::from_calendar_date` with day = min(day, days in month)).
    #[divan::bench(args = SIZES)]
    fn time_hand_clamp(bencher: Bencher, n: usize) {
        let dates = random_dates(n);
        let same: Vec<Option<Date>> = dates
            .iter()
            .map(|&d| time_add_months_clamp(d, MONTHS))
            .collect();
        let reference: Vec<Option<Date>> = expected_clamp(&dates).into_iter().map(Some).collect();
        assert_eq!(
            same, reference,
            "the hand-written clamp agrees with MonthRule::Clamp"
        );
        bencher.counter(ItemsCount::new(n)).bench_local(|| {
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                let _ = black_box(time_add_months_clamp(d, months));
            }
        });
    }
}

/// Every day of 2020 to 2030 (4018 days).
fn days_2020_2030() -> Vec<Date> {
    let mut day = Date::from_calendar_date(2020, Month::January, 1).expect("valid date");
    let end = Date::from_calendar_date(2030, Month::December, 31).expect("valid date");
    let mut days = Vec::new();
    while day <= end {
        days.push(day);
        day = day.next_day().expect("in range");
    }
    days
}

/// The Algemene termijnenwet calendar, over every day of 2020–2030.
mod holidays {
    use super::*;

    /// `is_public_holiday(d)` for each day.
    #[divan::bench]
    fn is_public_holiday_2020_2030(bencher: Bencher) {
        let days = days_2020_2030();
        bencher
            .counter(ItemsCount::new(days.len()))
            .bench_local(|| {
                for &d in black_box(days.as_slice()) {
                    black_box(is_public_holiday(d));
                }
            });
    }

    /// `is_business_day(d)` for each day.
    #[divan::bench]
    fn is_business_day_2020_2030(bencher: Bencher) {
        let days = days_2020_2030();
        bencher
            .counter(ItemsCount::new(days.len()))
            .bench_local(|| {
                for &d in black_box(days.as_slice()) {
                    black_box(is_business_day(d));
                }
            });
    }

    /// `next_business_day_on_or_after(d)` for each day.
    #[divan::bench]
    fn next_business_day_on_or_after_2020_2030(bencher: Bencher) {
        let days = days_2020_2030();
        bencher
            .counter(ItemsCount::new(days.len()))
            .bench_local(|| {
                for &d in black_box(days.as_slice()) {
                    let _ = black_box(next_business_day_on_or_after(d));
                }
            });
    }

    /// `public_holidays(year)` for each year 2020–2030 (per year).
    #[divan::bench]
    fn public_holidays_2020_2030(bencher: Bencher) {
        let years: Vec<i32> = (2020..=2030).collect();
        bencher
            .counter(ItemsCount::new(years.len()))
            .bench_local(|| {
                for &y in black_box(years.as_slice()) {
                    let _ = black_box(public_holidays(y));
                }
            });
    }
}
