//! What the C boundary adds: each `extern "C"` function of libdpa against
//! the same computation done in Rust with `dpa-core`, side by side in one
//! run, on the same inputs.
//!
//! The C functions are called through the `dpa` crate (libdpa's rlib, the
//! same code as `libdpa.so`), each through a function pointer that goes
//! through [`black_box`]: the compiler can neither inline the function into
//! the loop nor see its arguments, so every call is a real call under the C
//! calling convention, with its arguments in registers and its
//! out-parameter in memory, as from C (a call into `libdpa.so` adds one
//! indirect jump through the PLT). The inputs and every result go through
//! `black_box` on both sides.
//!
//! Pairs (ours ÷ the Rust baseline, and the difference in ns, are printed by
//! `benches/boundary.sh`, which runs this several times):
//!
//! - one `dpa_add_months` call (and `dpa_add_months_ymd`) per date against
//!   `dpa_core::calendar::checked_add_months(d, 3, Clamp)`;
//! - `dpa_add_months_batch` per value against a Rust loop writing
//!   `checked_add_months` into a slice, stopping at the first failure (all
//!   or nothing, as the batch);
//! - one `dpa_agreement_deletion_deadline` call per date, and
//!   `dpa_agreement_date_deadlines` per value, against
//!   `Agreement::date_due_of(Deletion, d)`, the fastest `dpa-core` call for
//!   the same answer (the due date, the instant it ends, the shift and the
//!   provenance as plain fields; no citation or note, which the struct does
//!   not carry). Beside it, `rust_from_parts`: the same call from the C
//!   call's inputs, the date as year, month and day checked by `dpa-core`
//!   (`iso_date::from_parts`) first; `rust_loop`: the batch's analogue of
//!   `add_months::rust_loop`, `date_due_of` into a slice, stopping at the
//!   first failure; and `rust_deadline`: the same deadline
//!   as a `Deadline`, `Agreement::date_deadline_of(Deletion, d,
//!   Detail::DueOnly)`, the baseline before `date_due_of` existed;
//! - one `dpa_agreement_date_due` call per date (kind `DELETION`) against
//!   the same `deletion_deadline::rust`, and `dpa_agreement_date_dues` per
//!   value against `deletion_deadline::rust_loop`: the deadline's fields
//!   without the text, the same computation as `DueFields`.
//!
//! `cargo bench -p dpa-benches --bench boundary` measures;
//! `cargo test -p dpa-benches --benches` runs each benchmark once.

use std::ffi::c_char;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use dpa::{dpa_agreement, dpa_date, dpa_deadline, dpa_due, dpa_month_rule, dpa_status};
use dpa_core::Agreement;
use dpa_core::calendar::{MonthRule, checked_add_months};
use dpa_core::deadline::{DeadlineKind, Detail};
use dpa_core::values::iso_date;
use time::Date;

fn main() {
    divan::main();
}

/// Dates per sample: enough for the branch predictor not to learn them
/// (as the add-months benchmarks of `calendar.rs`), few enough for the
/// inputs and outputs to stay in the L1/L2 cache.
const N: usize = 4096;

/// The months added (a typical deletion term; DPS 1.11 of both seeds).
const MONTHS: i32 = 3;

const BELCO_TOML: &str = include_str!("../../examples/agreements/belco.toml");

/// `N` dates drawn uniformly from `first_year`-01-01 ..= `last_year`-12-31.
fn random_dates(first_year: i32, last_year: i32) -> Vec<Date> {
    dpa_benches::random_dates(N, first_year, last_year)
}

/// Dates for the month arithmetic: 1900–2100, every day of the month.
fn month_dates() -> Vec<Date> {
    random_dates(1900, 2100)
}

/// Termination dates for the deletion deadline: 2020–2035.
fn termination_dates() -> Vec<Date> {
    random_dates(2020, 2035)
}

fn to_c(d: Date) -> dpa_date {
    dpa_date {
        year: d.year(),
        month: u32::from(u8::from(d.month())),
        day: u32::from(d.day()),
    }
}

fn to_ymd(d: Date) -> i32 {
    d.year() * 10_000 + i32::from(u8::from(d.month())) * 100 + i32::from(d.day())
}

type AddMonths = unsafe extern "C" fn(i32, u32, u32, i32, u32, *mut dpa_date) -> dpa_status;
type AddMonthsYmd = extern "C" fn(i32, i32) -> i32;
type AddMonthsBatch =
    unsafe extern "C" fn(*const dpa_date, usize, i32, u32, *mut dpa_date, usize) -> dpa_status;
type DeletionDeadline =
    unsafe extern "C" fn(*const dpa_agreement, i32, u32, u32, *mut dpa_deadline) -> dpa_status;
/// A date batch, `dpa_agreement_date_deadlines` or `_date_dues`, whose
/// answers are `T`.
type DateBatch<T> = unsafe extern "C" fn(
    *const dpa_agreement,
    u32,
    *const dpa_date,
    usize,
    *mut T,
    usize,
) -> dpa_status;
type DateDue =
    unsafe extern "C" fn(*const dpa_agreement, u32, i32, u32, u32, *mut dpa_due) -> dpa_status;

/// Belco as `dpa-core` reads it, and as a libdpa handle (never freed: the
/// benchmark process ends).
fn belco() -> (Agreement, *const dpa_agreement) {
    let agreement = Agreement::from_toml(BELCO_TOML).expect("Belco parses");
    let mut handle: *mut dpa_agreement = std::ptr::null_mut();
    // SAFETY: the text is valid for its length; `handle` for a write.
    let status = unsafe {
        dpa::dpa_agreement_from_toml(
            BELCO_TOML.as_ptr().cast::<c_char>(),
            BELCO_TOML.len(),
            &raw mut handle,
        )
    };
    assert_eq!(status, dpa_status::Ok, "libdpa reads Belco");
    (agreement, handle.cast_const())
}

/// The date batch `f` of Belco's deletion deadline over the 4,096
/// termination dates, per value: `f(belco, DELETION, dates, N, out, N)`
/// into an array of `T`.
fn c_date_batch<T>(bencher: Bencher, f: DateBatch<T>) {
    let (_, handle) = belco();
    let dates: Vec<dpa_date> = termination_dates().into_iter().map(to_c).collect();
    let mut out: Vec<std::mem::MaybeUninit<T>> =
        std::iter::repeat_with(std::mem::MaybeUninit::zeroed)
            .take(N)
            .collect();
    bencher.counter(ItemsCount::new(N)).bench_local(|| {
        let f = black_box(f);
        let dates = black_box(dates.as_slice());
        // SAFETY: `handle` is live; `dates` and `out` valid for `N` values.
        let status = unsafe {
            f(
                black_box(handle),
                dpa::dpa_deadline_kind::Deletion as u32,
                dates.as_ptr(),
                dates.len(),
                out.as_mut_ptr().cast::<T>(),
                out.len(),
            )
        };
        assert_eq!(status, dpa_status::Ok);
        black_box(out.as_slice());
    });
}

/// Adding three months under the clamp rule (docs/rules.md rule 1).
mod add_months {
    use super::*;

    /// Baseline: `checked_add_months(d, 3, MonthRule::Clamp)` per date, the
    /// result to `black_box`.
    #[divan::bench]
    fn rust(bencher: Bencher) {
        let dates = month_dates();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                black_box(checked_add_months(d, months, MonthRule::Clamp));
            }
        });
    }

    /// `dpa_add_months(y, m, d, 3, DPA_MONTH_RULE_CLAMP, &out)`, one call
    /// per date.
    #[divan::bench]
    fn c_one_call(bencher: Bencher) {
        let dates: Vec<dpa_date> = month_dates().into_iter().map(to_c).collect();
        let f: AddMonths = dpa::dpa_add_months;
        let mut out = dpa_date::default();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let f = black_box(f);
            let months = black_box(MONTHS);
            for d in black_box(dates.as_slice()) {
                // SAFETY: `out` is valid for a write.
                let status = unsafe {
                    f(
                        d.year,
                        d.month,
                        d.day,
                        months,
                        dpa_month_rule::Clamp as u32,
                        &raw mut out,
                    )
                };
                black_box((status, black_box(&out).day));
            }
        });
    }

    /// `dpa_add_months_ymd(yyyymmdd, 3)`, one call per date.
    #[divan::bench]
    fn c_one_call_ymd(bencher: Bencher) {
        let dates: Vec<i32> = month_dates().into_iter().map(to_ymd).collect();
        let f: AddMonthsYmd = dpa::dpa_add_months_ymd;
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let f = black_box(f);
            let months = black_box(MONTHS);
            for &d in black_box(dates.as_slice()) {
                black_box(f(d, months));
            }
        });
    }

    /// Baseline of the batch: a Rust loop that writes each result to an
    /// output slice and stops at the first date that fails.
    #[divan::bench]
    fn rust_loop(bencher: Bencher) {
        let dates = month_dates();
        let mut out = vec![Date::MIN; N];
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let months = black_box(MONTHS);
            let ok = (|| {
                for (o, &d) in out.iter_mut().zip(black_box(dates.as_slice())) {
                    *o = checked_add_months(d, months, MonthRule::Clamp)?;
                }
                Some(())
            })();
            black_box((ok, black_box(out.as_slice())));
        });
    }

    /// `dpa_add_months_batch` over the dates, per value.
    #[divan::bench]
    fn c_batch(bencher: Bencher) {
        let dates: Vec<dpa_date> = month_dates().into_iter().map(to_c).collect();
        let mut out = vec![dpa_date::default(); N];
        let f: AddMonthsBatch = dpa::dpa_add_months_batch;
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let f = black_box(f);
            let dates = black_box(dates.as_slice());
            // SAFETY: `dates` and `out` are valid for `N` values.
            let status = unsafe {
                f(
                    dates.as_ptr(),
                    dates.len(),
                    black_box(MONTHS),
                    dpa_month_rule::Clamp as u32,
                    out.as_mut_ptr(),
                    out.len(),
                )
            };
            black_box((status, black_box(out.as_slice())));
        });
    }
}

/// The deletion deadline of Belco (DPS 1.11 / clause 2.6.3: three months
/// after termination), as the struct answer.
mod deletion_deadline {
    use super::*;

    /// Baseline: `Agreement::date_due_of(Deletion, d)` per date, the
    /// fastest `dpa-core` call for the struct's answer, the whole `Result`
    /// to `black_box`.
    #[divan::bench]
    fn rust(bencher: Bencher) {
        let (a, _) = belco();
        let dates = termination_dates();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let a = black_box(&a);
            for &d in black_box(dates.as_slice()) {
                black_box(a.date_due_of(DeadlineKind::Deletion, d)).expect("deadline");
            }
        });
    }

    /// Baseline of the batch, as `add_months::rust_loop` is for the months:
    /// a Rust loop that writes each `date_due_of(Deletion, d)` into an
    /// output slice of `DueFields` and stops at the first date that fails.
    #[divan::bench]
    fn rust_loop(bencher: Bencher) {
        let (a, _) = belco();
        let dates = termination_dates();
        let first = a
            .date_due_of(DeadlineKind::Deletion, dates[0])
            .expect("deadline");
        let mut out = vec![first; N];
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let a = black_box(&a);
            let ok = (|| {
                for (o, &d) in out.iter_mut().zip(black_box(dates.as_slice())) {
                    *o = a.date_due_of(DeadlineKind::Deletion, d)?;
                }
                Ok::<(), dpa_core::Error>(())
            })();
            black_box(ok).expect("deadlines");
            black_box(out.as_slice());
        });
    }

    /// The baseline from the C call's own inputs: the date as year, month
    /// and day, checked and made a `Date` by `dpa-core`
    /// (`iso_date::from_parts`, as libdpa does), then
    /// `Agreement::date_due_of(Deletion, d)`, the whole `Result` to
    /// `black_box`: the same inputs and work as the C call but for the
    /// conversion to the C struct.
    #[divan::bench]
    fn rust_from_parts(bencher: Bencher) {
        let (a, _) = belco();
        let dates: Vec<dpa_date> = termination_dates().into_iter().map(to_c).collect();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let a = black_box(&a);
            for d in black_box(dates.as_slice()) {
                let from = iso_date::from_parts(d.year, d.month, d.day).expect("a date");
                black_box(a.date_due_of(DeadlineKind::Deletion, from)).expect("deadline");
            }
        });
    }

    /// The same deadline as a `Deadline`:
    /// `Agreement::date_deadline_of(Deletion, d, Detail::DueOnly)` per date
    /// (the baseline before `date_due_of`), the whole `Result` to
    /// `black_box`.
    #[divan::bench]
    fn rust_deadline(bencher: Bencher) {
        let (a, _) = belco();
        let dates = termination_dates();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let a = black_box(&a);
            for &d in black_box(dates.as_slice()) {
                black_box(a.date_deadline_of(DeadlineKind::Deletion, d, Detail::DueOnly))
                    .expect("deadline");
            }
        });
    }

    /// Diagnostic: the baseline plus libdpa's conversion of the answer to
    /// a `dpa_deadline` (`dpa::types::due_fields_out`), without a crossing.
    #[divan::bench]
    fn rust_converted(bencher: Bencher) {
        let (a, _) = belco();
        let dates = termination_dates();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let a = black_box(&a);
            for &d in black_box(dates.as_slice()) {
                let r = a.date_due_of(DeadlineKind::Deletion, d).expect("deadline");
                black_box(dpa::types::due_fields_out(&r).expect("converts"));
            }
        });
    }

    /// `dpa_agreement_deletion_deadline(belco, y, m, d, &out)`, one call
    /// per date.
    #[divan::bench]
    fn c_one_call(bencher: Bencher) {
        let (_, handle) = belco();
        let dates: Vec<dpa_date> = termination_dates().into_iter().map(to_c).collect();
        let f: DeletionDeadline = dpa::dpa_agreement_deletion_deadline;
        let mut out = std::mem::MaybeUninit::<dpa_deadline>::zeroed();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let f = black_box(f);
            let handle = black_box(handle);
            for d in black_box(dates.as_slice()) {
                // SAFETY: `handle` is live; `out` valid for a write.
                let status = unsafe { f(handle, d.year, d.month, d.day, out.as_mut_ptr()) };
                assert_eq!(status, dpa_status::Ok);
                black_box(&out);
            }
        });
    }

    /// `dpa_agreement_date_deadlines(belco, DELETION, dates, N, out, N)`,
    /// per value.
    #[divan::bench]
    fn c_batch(bencher: Bencher) {
        c_date_batch::<dpa_deadline>(bencher, dpa::dpa_agreement_date_deadlines);
    }
}

/// The deletion deadline of Belco as its fields alone (`dpa_due`, no
/// text): the same computation as `DueFields`, whose baselines are
/// `deletion_deadline::rust` and `deletion_deadline::rust_loop`.
mod deletion_due {
    use super::*;

    /// `dpa_agreement_date_due(belco, DELETION, y, m, d, &out)`, one call
    /// per date.
    #[divan::bench]
    fn c_one_call(bencher: Bencher) {
        let (_, handle) = belco();
        let dates: Vec<dpa_date> = termination_dates().into_iter().map(to_c).collect();
        let f: DateDue = dpa::dpa_agreement_date_due;
        let mut out = std::mem::MaybeUninit::<dpa_due>::zeroed();
        bencher.counter(ItemsCount::new(N)).bench_local(|| {
            let f = black_box(f);
            let handle = black_box(handle);
            let kind = black_box(dpa::dpa_deadline_kind::Deletion as u32);
            for d in black_box(dates.as_slice()) {
                // SAFETY: `handle` is live; `out` valid for a write.
                let status = unsafe { f(handle, kind, d.year, d.month, d.day, out.as_mut_ptr()) };
                assert_eq!(status, dpa_status::Ok);
                black_box(&out);
            }
        });
    }

    /// `dpa_agreement_date_dues(belco, DELETION, dates, N, out, N)`, per
    /// value.
    #[divan::bench]
    fn c_batch(bencher: Bencher) {
        c_date_batch::<dpa_due>(bencher, dpa::dpa_agreement_date_dues);
    }
}

/// The floor: `dpa_noop()`, a call that does nothing through the same
/// panic boundary.
#[divan::bench]
fn noop(bencher: Bencher) {
    let f: extern "C" fn() -> dpa_status = dpa::dpa_noop;
    bencher.counter(ItemsCount::new(N)).bench_local(|| {
        let f = black_box(f);
        for _ in 0..N {
            black_box(f());
        }
    });
}
