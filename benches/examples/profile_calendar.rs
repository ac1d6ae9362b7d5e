//! A small driver for profiling the calendar functions of `dpa-core`, next
//! to candidate implementations that `BENCHMARKS.md` proposes (`dpa-core`
//! itself is not changed here):
//!
//! * `candidate_add_months`: `add_months` with only the leap-year test of
//!   the target year made branch-free (`time::util::is_leap_year`);
//! * `candidate2_add_months` (the proposal): that, and the month count taken
//!   from a year before `Date::MIN`, so that the division by 12 is unsigned;
//! * `DayBitmap`: `is_public_holiday` and `is_business_day` as one bit test
//!   in a per-year table.
//!
//! It adds 3 months to the same pseudo-random dates as the `calendar`
//! benchmark (4096, or `DATES` from the environment), and tests every day of
//! 2020–2030 with the holiday functions, `ROUNDS` times (the first argument,
//! default 100), in one non-inlined `loop_*` function per implementation.
//! Two uses:
//!
//! * instruction and branch counts: callgrind's inclusive count of each
//!   `loop_*` function divided by the calls it makes (printed at the end) is
//!   the cost of one call:
//!
//!   ```sh
//!   cargo build --release -p dpa-benches --example profile_calendar
//!   DATES=65536 valgrind --tool=callgrind --branch-sim=yes \
//!       --callgrind-out-file=cg.out target/release/examples/profile_calendar 10
//!   callgrind_annotate --threshold=100 --inclusive=yes --show=Ir,Bc,Bcm cg.out | grep loop_
//!   ```
//!
//! * a quick timing (second argument `time`): the median over the rounds of
//!   each loop's time per call, all loops interleaved in each round. The
//!   divan benchmarks remain the measurement of record.
//!
//!   ```sh
//!   DATES=65536 cargo run --release -p dpa-benches --example profile_calendar -- 40 time
//!   ```
//!
//! Before anything runs, the candidates are checked against `dpa-core` on
//! every input, at the edges of the date range and, for the bitmaps, on
//! every day of 1960–2110.

use std::hint::black_box;
use std::time::Instant;

use dpa_core::calendar::{
    MonthRule, add_months, days_in_month, is_business_day, is_public_holiday,
};
use time::{Date, Month};

const DATES: usize = 4096;

fn dates_len() -> usize {
    std::env::var("DATES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DATES)
}
const MONTHS: i32 = 3;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The same dates as `benches/calendar.rs`.
fn random_dates() -> Vec<Date> {
    let first = Date::from_calendar_date(1900, Month::January, 1)
        .expect("valid date")
        .to_julian_day();
    let last = Date::from_calendar_date(2100, Month::December, 31)
        .expect("valid date")
        .to_julian_day();
    let span = u64::try_from(last - first + 1).expect("positive span");
    let mut state = 0x00D9_A2B3_u64;
    (0..dates_len())
        .map(|_| {
            let offset = i32::try_from(splitmix64(&mut state) % span).expect("small offset");
            Date::from_julian_day(first + offset).expect("in range")
        })
        .collect()
}

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

// ---------------------------------------------------------------------------
// Candidates 1 and 2: `add_months` with a branch-free leap-year test.

const DAYS_IN_MONTH: [[u8; 12]; 2] = [
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
];
const DAYS_BEFORE_MONTH: [[u16; 12]; 2] = [
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334],
    [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335],
];

/// The candidate leap-year test: `time::util::is_leap_year`, branch-free (one
/// 64-bit multiply, a mask and a compare) and right for every `i32`, where
/// `dpa_core::calendar::is_leap_year` uses `&&` and `||`, which compile to
/// branches that mispredict on dates in no particular order.
#[inline(always)]
const fn candidate_is_leap_year(year: i32) -> bool {
    time::util::is_leap_year(year)
}

/// `dpa_core::calendar::add_months` (months.rs as measured), with only
/// `is_leap_year` replaced by [`candidate_is_leap_year`]. The error path
/// defers to `dpa-core` so that the result type and error are the same.
#[inline(always)]
fn candidate_add_months(date: Date, months: i32, rule: MonthRule) -> dpa_core::Result<Date> {
    if let MonthRule::ThirtyDays = rule {
        return add_months(date, months, rule);
    }
    let (year, month, day) = date.to_calendar_date();
    let Some(total) = (year * 12 + (month as i32 - 1)).checked_add(months) else {
        return add_months(date, months, rule);
    };
    let new_year = total.div_euclid(12);
    let month0 = total.rem_euclid(12) as usize;
    let leap = candidate_is_leap_year(new_year) as usize;
    let target_len = DAYS_IN_MONTH[leap][month0];
    let new_day = match rule {
        MonthRule::MonthEndSticky
            if day == DAYS_IN_MONTH[candidate_is_leap_year(year) as usize][month as usize - 1] =>
        {
            target_len
        }
        _ => day.min(target_len),
    };
    match Date::from_ordinal_date(
        new_year,
        DAYS_BEFORE_MONTH[leap][month0] + u16::from(new_day),
    ) {
        Ok(d) => Ok(d),
        Err(_) => add_months(date, months, rule),
    }
}

/// The proposal in `BENCHMARKS.md`: as [`candidate_add_months`] (branch-free
/// leap-year test of the target year), and also counting months from year
/// -10000, so that the division by 12 is unsigned (no sign fix-ups). The
/// month-end test of `MonthEndSticky` is `dpa-core`'s, unchanged.
#[inline(always)]
fn candidate2_add_months(date: Date, months: i32, rule: MonthRule) -> dpa_core::Result<Date> {
    /// A year before every `Date` (-10000, or -1000000 with `time`'s
    /// `large-dates`), and the months from its January to 0000-01: counted
    /// from there, the months of any `Date` are positive.
    const FIRST_YEAR: i32 = Date::MIN.year() - 1;
    const BASE: i32 = -FIRST_YEAR * 12;
    if let MonthRule::ThirtyDays = rule {
        return add_months(date, months, rule);
    }
    let (year, month, day) = date.to_calendar_date();
    let total = (year * 12 + (month as i32 - 1) + BASE).checked_add(months);
    let Some(total) = total.and_then(|t| u32::try_from(t).ok()) else {
        return add_months(date, months, rule);
    };
    let new_year = (total / 12) as i32 + FIRST_YEAR;
    let month0 = (total % 12) as usize;
    let leap = candidate_is_leap_year(new_year) as usize;
    let target_len = DAYS_IN_MONTH[leap][month0];
    let new_day = match rule {
        MonthRule::MonthEndSticky if day == days_in_month(year, month) => target_len,
        _ => day.min(target_len),
    };
    match Date::from_ordinal_date(
        new_year,
        DAYS_BEFORE_MONTH[leap][month0] + u16::from(new_day),
    ) {
        Ok(d) => Ok(d),
        Err(_) => add_months(date, months, rule),
    }
}

// ---------------------------------------------------------------------------
// Candidate 2: `is_public_holiday` and `is_business_day` as one bit test in
// a per-year bitmap.

/// First and last year of the bitmaps (the rest falls back to `dpa-core`).
const BITMAP_FIRST: i32 = 1965;
const BITMAP_LAST: i32 = 2100;

/// One bit per ordinal day (bit `ordinal`, 1..=366) of every year
/// 1965–2100: 136 × 48 bytes = 6.4 KiB per bitmap. `dpa-core` could build
/// them at compile time from its `year_entry` table and the designated days;
/// here they are built at start-up from `dpa-core` itself.
struct DayBitmap {
    years: Vec<[u64; 6]>,
    fallback: fn(Date) -> bool,
}

impl DayBitmap {
    /// The days for which `test` holds.
    fn new(test: fn(Date) -> bool) -> DayBitmap {
        let years = (BITMAP_FIRST..=BITMAP_LAST)
            .map(|year| {
                let mut bits = [0u64; 6];
                let mut day = Date::from_ordinal_date(year, 1).expect("valid date");
                while day.year() == year {
                    if test(day) {
                        let ordinal = usize::from(day.ordinal());
                        bits[ordinal / 64] |= 1 << (ordinal % 64);
                    }
                    day = day.next_day().expect("in range");
                }
                bits
            })
            .collect();
        DayBitmap {
            years,
            fallback: test,
        }
    }

    /// Whether the bit of `date` is set.
    #[inline(always)]
    fn get(&self, date: Date) -> bool {
        let index = date.year().wrapping_sub(BITMAP_FIRST) as u32 as usize;
        match self.years.get(index) {
            Some(bits) => {
                let ordinal = usize::from(date.ordinal());
                bits[ordinal / 64] >> (ordinal % 64) & 1 == 1
            }
            None => (self.fallback)(date),
        }
    }
}

fn is_closed(date: Date) -> bool {
    !is_business_day(date)
}

// ---------------------------------------------------------------------------
// The loops.

#[inline(never)]
fn loop_empty(dates: &[Date], _months: i32) {
    for &d in dates {
        black_box(d);
    }
}

#[inline(never)]
fn loop_dpa_clamp(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(add_months(d, months, MonthRule::Clamp));
    }
}

#[inline(never)]
fn loop_dpa_month_end_sticky(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(add_months(d, months, MonthRule::MonthEndSticky));
    }
}

#[inline(never)]
fn loop_dpa_clamp_ok(dates: &[Date], months: i32) {
    for &d in dates {
        black_box(add_months(d, months, MonthRule::Clamp).ok());
    }
}

#[inline(never)]
fn loop_candidate_clamp_ok(dates: &[Date], months: i32) {
    for &d in dates {
        black_box(candidate_add_months(d, months, MonthRule::Clamp).ok());
    }
}

#[inline(never)]
fn loop_candidate2_clamp(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(candidate2_add_months(d, months, MonthRule::Clamp));
    }
}

#[inline(never)]
fn loop_candidate2_clamp_ok(dates: &[Date], months: i32) {
    for &d in dates {
        black_box(candidate2_add_months(d, months, MonthRule::Clamp).ok());
    }
}

#[inline(never)]
fn loop_candidate2_month_end_sticky(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(candidate2_add_months(d, months, MonthRule::MonthEndSticky));
    }
}

#[inline(never)]
fn loop_candidate_clamp(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(candidate_add_months(d, months, MonthRule::Clamp));
    }
}

#[inline(never)]
fn loop_candidate_month_end_sticky(dates: &[Date], months: i32) {
    for &d in dates {
        let _ = black_box(candidate_add_months(d, months, MonthRule::MonthEndSticky));
    }
}

#[inline(never)]
fn loop_chrono(dates: &[chrono::NaiveDate], months: i32) {
    let months = chrono::Months::new(months.unsigned_abs());
    for &d in dates {
        let _ = black_box(d.checked_add_months(months));
    }
}

#[inline(never)]
fn loop_is_public_holiday(days: &[Date]) {
    for &d in days {
        black_box(is_public_holiday(d));
    }
}

#[inline(never)]
fn loop_candidate_is_public_holiday(holidays: &DayBitmap, days: &[Date]) {
    for &d in days {
        black_box(holidays.get(d));
    }
}

#[inline(never)]
fn loop_candidate_is_business_day(closed: &DayBitmap, days: &[Date]) {
    for &d in days {
        black_box(!closed.get(d));
    }
}

#[inline(never)]
fn loop_is_business_day(days: &[Date]) {
    for &d in days {
        black_box(is_business_day(d));
    }
}

/// Checks the candidates against `dpa-core` on every input and beyond.
fn check_candidates(dates: &[Date], holidays: &DayBitmap, closed: &DayBitmap) {
    for &d in dates {
        for months in [-1200, -13, -12, -1, 0, 1, 3, 11, 12, 25, 1200] {
            for rule in MonthRule::ALL {
                assert_eq!(
                    candidate_add_months(d, months, rule).ok(),
                    add_months(d, months, rule).ok(),
                    "{d} + {months} months ({rule})"
                );
                assert_eq!(
                    candidate2_add_months(d, months, rule).ok(),
                    add_months(d, months, rule).ok(),
                    "{d} + {months} months ({rule})"
                );
            }
        }
    }
    let edges = [
        Date::MIN,
        Date::MIN.next_day().expect("in range"),
        Date::MAX,
        Date::MAX.previous_day().expect("in range"),
        Date::from_calendar_date(0, Month::February, 29).expect("valid date"),
        Date::from_calendar_date(-1, Month::December, 31).expect("valid date"),
    ];
    for d in edges {
        for months in [
            i32::MIN,
            i32::MIN + 1,
            -240_000,
            -239_999,
            -119_988,
            -12,
            -1,
            0,
            1,
            12,
            119_988,
            239_999,
            240_000,
            i32::MAX - 1,
            i32::MAX,
        ] {
            for rule in MonthRule::ALL {
                assert_eq!(
                    candidate2_add_months(d, months, rule).ok(),
                    add_months(d, months, rule).ok(),
                    "{d} + {months} months ({rule})"
                );
            }
        }
    }
    for year in (-100_000..=100_000).chain([i32::MIN, i32::MIN + 1, i32::MAX - 1, i32::MAX]) {
        assert_eq!(
            candidate_is_leap_year(year),
            dpa_core::calendar::is_leap_year(year),
            "{year}"
        );
    }
    let mut day = Date::from_calendar_date(1960, Month::January, 1).expect("valid date");
    let end = Date::from_calendar_date(2110, Month::December, 31).expect("valid date");
    while day <= end {
        assert_eq!(holidays.get(day), is_public_holiday(day), "{day}");
        assert_eq!(!closed.get(day), is_business_day(day), "{day}");
        day = day.next_day().expect("in range");
    }
}

/// Median of `samples` (nanoseconds per call).
fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args
        .next()
        .map(|s| s.parse().expect("a number of rounds"))
        .unwrap_or(100);
    let timing = args.next().as_deref() == Some("time");

    let dates = random_dates();
    let chrono_dates: Vec<chrono::NaiveDate> = dates
        .iter()
        .map(|d| {
            chrono::NaiveDate::from_ymd_opt(
                d.year(),
                u32::from(u8::from(d.month())),
                u32::from(d.day()),
            )
            .expect("valid date")
        })
        .collect();
    let days = days_2020_2030();
    let holidays = DayBitmap::new(is_public_holiday);
    let closed = DayBitmap::new(is_closed);
    check_candidates(&dates, &holidays, &closed);

    type Loop<'a> = (&'static str, usize, Box<dyn Fn() + 'a>);
    let loops: Vec<Loop<'_>> = vec![
        (
            "empty",
            dates.len(),
            Box::new(|| loop_empty(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "dpa add_months clamp",
            dates.len(),
            Box::new(|| loop_dpa_clamp(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "dpa add_months clamp, .ok()",
            dates.len(),
            Box::new(|| loop_dpa_clamp_ok(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "candidate clamp, .ok()",
            dates.len(),
            Box::new(|| loop_candidate_clamp_ok(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "candidate clamp",
            dates.len(),
            Box::new(|| loop_candidate_clamp(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "candidate2 clamp, .ok()",
            dates.len(),
            Box::new(|| loop_candidate2_clamp_ok(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "candidate2 clamp",
            dates.len(),
            Box::new(|| loop_candidate2_clamp(black_box(&dates), black_box(MONTHS))),
        ),
        (
            "candidate2 month-end-sticky",
            dates.len(),
            Box::new(|| {
                loop_candidate2_month_end_sticky(black_box(&dates), black_box(MONTHS));
            }),
        ),
        (
            "dpa add_months month-end-sticky",
            dates.len(),
            Box::new(|| {
                loop_dpa_month_end_sticky(black_box(&dates), black_box(MONTHS));
            }),
        ),
        (
            "candidate month-end-sticky",
            dates.len(),
            Box::new(|| {
                loop_candidate_month_end_sticky(black_box(&dates), black_box(MONTHS));
            }),
        ),
        (
            "chrono checked_add_months",
            dates.len(),
            Box::new(|| loop_chrono(black_box(&chrono_dates), black_box(MONTHS))),
        ),
        (
            "dpa is_public_holiday",
            days.len(),
            Box::new(|| loop_is_public_holiday(black_box(&days))),
        ),
        (
            "candidate is_public_holiday (bitmap)",
            days.len(),
            Box::new(|| {
                loop_candidate_is_public_holiday(black_box(&holidays), black_box(&days));
            }),
        ),
        (
            "dpa is_business_day",
            days.len(),
            Box::new(|| loop_is_business_day(black_box(&days))),
        ),
        (
            "candidate is_business_day (bitmap)",
            days.len(),
            Box::new(|| loop_candidate_is_business_day(black_box(&closed), black_box(&days))),
        ),
    ];

    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); loops.len()];
    for _ in 0..rounds {
        for ((_, calls, run), samples) in loops.iter().zip(&mut samples) {
            if timing {
                let start = Instant::now();
                run();
                samples.push(start.elapsed().as_secs_f64() * 1e9 / *calls as f64);
            } else {
                run();
            }
        }
    }
    if timing {
        println!(
            "size_of::<dpa_core::Result<Date>>() = {} bytes",
            size_of::<dpa_core::Result<Date>>()
        );
        for ((name, _, _), samples) in loops.iter().zip(samples) {
            println!(
                "{name:<40} {:>7.3} ns/call (median of {rounds})",
                median(samples)
            );
        }
    } else {
        println!(
            "{} calls per month-arithmetic loop, {} per holiday loop",
            rounds * dates.len(),
            rounds * days.len()
        );
    }
}
