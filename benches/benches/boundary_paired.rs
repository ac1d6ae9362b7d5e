//! What the C boundary adds to one deadline, measured in pairs: the same
//! 4,096 Belco termination dates through `Agreement::date_due_of` (Rust)
//! and through `dpa_agreement_date_due` / `dpa_agreement_date_dues` (C,
//! the fields) and `dpa_agreement_deletion_deadline` /
//! `dpa_agreement_date_deadlines` (C, the full struct with the date as
//! text), one pass of each in turn, many times over, in one process.
//!
//! `boundary.rs` (divan) measures each function in its own stretch of
//! time, so on a shared machine whose speed changes from minute to minute
//! the two sides of a ratio can come from different minutes. Here every
//! round times one pass of every variant back to back (the order turning
//! from round to round), and the figures are the medians over the rounds
//! of each round's own difference and ratio: the machine's drift, slower
//! than a round (about 1.5 ms), is the same on both sides of a pair.
//!
//! Variants (ns per value):
//!
//! - `rust`: `date_due_of(Deletion, d)` from a `Date`, the whole `Result`
//!   to `black_box` (as `boundary.rs`'s `deletion_deadline::rust`);
//! - `rust_from_parts`: the same from year, month and day, checked by
//!   `iso_date::from_parts` first (the C call's inputs);
//! - `rust_parts`: `date_due_of_parts(Deletion, year, month, day)`, the
//!   `dpa-core` call from those numbers that libdpa makes (the same
//!   computation as the C call, from the same inputs);
//! - `rust_loop`: `date_due_of` into a slice of `DueFields`, stopping at
//!   the first failure (the batch's baseline);
//! - `c_one_call`: one `dpa_agreement_date_due` call per date, through a
//!   function pointer the compiler cannot see through;
//! - `c_batch`: `dpa_agreement_date_dues` over the 4,096 dates;
//! - `noop`: `dpa_noop()` per date, the floor of a call;
//! - `rust_converted`: `date_due_of` and libdpa's conversion of the answer
//!   to a `dpa_deadline` with the date as text (`dpa::types::due_fields_out`),
//!   no crossing: the computation the full-struct functions make;
//! - `rust_converted_loop`: the same into a slice of `dpa_deadline`s,
//!   stopping at the first failure (the full-struct batch's baseline);
//! - `c_deadline_one_call`: one `dpa_agreement_deletion_deadline` call per
//!   date (a `dpa_deadline`), through a function pointer;
//! - `c_deadline_batch`: `dpa_agreement_date_deadlines` over the dates.
//!
//! ```sh
//! cargo bench -p dpa-benches --bench boundary_paired            # 2,000 rounds
//! cargo bench -p dpa-benches --bench boundary_paired -- 500     # 500 rounds
//! ```
//!
//! `cargo test -p dpa-benches --benches` runs one round, and checks that
//! every C answer is the Rust answer converted (`dpa::types::due_out`).

use std::hint::black_box;
use std::mem::MaybeUninit;
use std::time::Instant;

use dpa::{dpa_agreement, dpa_date, dpa_deadline, dpa_deadline_kind, dpa_due, dpa_status};
use dpa_benches::BELCO_TOML;
use dpa_core::Agreement;
use dpa_core::deadline::{DeadlineKind, DueFields};
use dpa_core::values::iso_date;
use time::Date;

/// Dates per pass (as `boundary.rs`: enough that the branch predictor
/// does not learn them, few enough to stay in the L1/L2 cache).
const N: usize = 4096;

type DateDue =
    unsafe extern "C" fn(*const dpa_agreement, u32, i32, u32, u32, *mut dpa_due) -> dpa_status;
type DeletionDeadline =
    unsafe extern "C" fn(*const dpa_agreement, i32, u32, u32, *mut dpa_deadline) -> dpa_status;
/// A date batch of answers `T`: `dpa_agreement_date_dues` (`dpa_due`) or
/// `dpa_agreement_date_deadlines` (`dpa_deadline`).
type DateBatch<T> = unsafe extern "C" fn(
    *const dpa_agreement,
    u32,
    *const dpa_date,
    usize,
    *mut T,
    usize,
) -> dpa_status;

/// `N` termination dates drawn uniformly from 2020-01-01 ..= 2035-12-31
/// (`boundary.rs`'s `termination_dates`).
fn termination_dates() -> Vec<Date> {
    dpa_benches::random_dates(N, 2020, 2035)
}

/// What every variant reads and writes.
struct Inputs {
    agreement: Agreement,
    handle: *const dpa_agreement,
    dates: Vec<Date>,
    c_dates: Vec<dpa_date>,
    fields: Vec<DueFields>,
    dues: Vec<MaybeUninit<dpa_due>>,
    deadlines: Vec<MaybeUninit<dpa_deadline>>,
}

impl Inputs {
    fn new() -> Inputs {
        let agreement = Agreement::from_toml(BELCO_TOML).expect("Belco parses");
        let mut handle: *mut dpa_agreement = std::ptr::null_mut();
        // SAFETY: the text is valid for its length; `handle` for a write.
        let status = unsafe {
            dpa::dpa_agreement_from_toml(
                BELCO_TOML.as_ptr().cast(),
                BELCO_TOML.len(),
                &raw mut handle,
            )
        };
        assert_eq!(status, dpa_status::Ok, "libdpa reads Belco");
        let dates = termination_dates();
        let c_dates = dates
            .iter()
            .map(|d| dpa_date {
                year: d.year(),
                month: u32::from(u8::from(d.month())),
                day: u32::from(d.day()),
            })
            .collect();
        let first = agreement
            .date_due_of(DeadlineKind::Deletion, dates[0])
            .expect("a deadline");
        Inputs {
            agreement,
            handle: handle.cast_const(),
            dates,
            c_dates,
            fields: vec![first; N],
            dues: std::iter::repeat_with(MaybeUninit::zeroed)
                .take(N)
                .collect(),
            deadlines: std::iter::repeat_with(MaybeUninit::zeroed)
                .take(N)
                .collect(),
        }
    }
}

/// A variant: its name, and one pass of it over the `N` dates.
type Variant = (&'static str, fn(&mut Inputs));

/// Every variant, in the order of the first round.
const VARIANTS: [Variant; 11] = [
    ("rust", rust),
    ("rust_from_parts", rust_from_parts),
    ("rust_parts", rust_parts),
    ("rust_loop", rust_loop),
    ("c_one_call", c_one_call),
    ("c_batch", c_batch),
    ("noop", noop),
    ("rust_converted", rust_converted),
    ("rust_converted_loop", rust_converted_loop),
    ("c_deadline_one_call", c_deadline_one_call),
    ("c_deadline_batch", c_deadline_batch),
];

fn rust(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    for &d in black_box(x.dates.as_slice()) {
        black_box(a.date_due_of(DeadlineKind::Deletion, d)).expect("deadline");
    }
}

fn rust_from_parts(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    for d in black_box(x.c_dates.as_slice()) {
        let from = iso_date::from_parts(d.year, d.month, d.day).expect("a date");
        black_box(a.date_due_of(DeadlineKind::Deletion, from)).expect("deadline");
    }
}

fn rust_parts(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    for d in black_box(x.c_dates.as_slice()) {
        black_box(a.date_due_of_parts(DeadlineKind::Deletion, d.year, d.month, d.day))
            .expect("deadline");
    }
}

fn rust_loop(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    let ok = (|| {
        for (o, &d) in x.fields.iter_mut().zip(black_box(x.dates.as_slice())) {
            *o = a.date_due_of(DeadlineKind::Deletion, d)?;
        }
        Ok::<(), dpa_core::Error>(())
    })();
    black_box(ok).expect("deadlines");
    black_box(x.fields.as_slice());
}

fn c_one_call(x: &mut Inputs) {
    let f: DateDue = black_box(dpa::dpa_agreement_date_due);
    let handle = black_box(x.handle);
    let kind = black_box(dpa_deadline_kind::Deletion as u32);
    let out = x.dues[0].as_mut_ptr();
    for d in black_box(x.c_dates.as_slice()) {
        // SAFETY: `handle` is live; `out` valid for a write.
        let status = unsafe { f(handle, kind, d.year, d.month, d.day, out) };
        assert_eq!(status, dpa_status::Ok);
        black_box(out);
    }
}

fn c_batch(x: &mut Inputs) {
    c_date_batch(
        dpa::dpa_agreement_date_dues,
        x.handle,
        &x.c_dates,
        &mut x.dues,
    );
}

/// One call of the date batch `f` (deletion, Belco's `handle`) over
/// `dates` into `out`, through a function pointer the compiler cannot see
/// through.
fn c_date_batch<T>(
    f: DateBatch<T>,
    handle: *const dpa_agreement,
    dates: &[dpa_date],
    out: &mut [MaybeUninit<T>],
) {
    let f = black_box(f);
    let dates = black_box(dates);
    // SAFETY: `handle` is live; `dates` and `out` valid for their lengths.
    let status = unsafe {
        f(
            black_box(handle),
            dpa_deadline_kind::Deletion as u32,
            dates.as_ptr(),
            dates.len(),
            out.as_mut_ptr().cast(),
            out.len(),
        )
    };
    assert_eq!(status, dpa_status::Ok);
    black_box(out);
}

fn rust_converted(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    for &d in black_box(x.dates.as_slice()) {
        let r = a.date_due_of(DeadlineKind::Deletion, d).expect("deadline");
        black_box(dpa::types::due_fields_out(&r).expect("converts"));
    }
}

fn rust_converted_loop(x: &mut Inputs) {
    let a = black_box(&x.agreement);
    let ok = (|| {
        for (o, &d) in x.deadlines.iter_mut().zip(black_box(x.dates.as_slice())) {
            let r = a.date_due_of(DeadlineKind::Deletion, d)?;
            o.write(dpa::types::due_fields_out(&r).expect("converts"));
        }
        Ok::<(), dpa_core::Error>(())
    })();
    black_box(ok).expect("deadlines");
    black_box(x.deadlines.as_slice());
}

fn c_deadline_one_call(x: &mut Inputs) {
    let f: DeletionDeadline = black_box(dpa::dpa_agreement_deletion_deadline);
    let handle = black_box(x.handle);
    let out = x.deadlines[0].as_mut_ptr();
    for d in black_box(x.c_dates.as_slice()) {
        // SAFETY: `handle` is live; `out` valid for a write.
        let status = unsafe { f(handle, d.year, d.month, d.day, out) };
        assert_eq!(status, dpa_status::Ok);
        black_box(out);
    }
}

fn c_deadline_batch(x: &mut Inputs) {
    c_date_batch(
        dpa::dpa_agreement_date_deadlines,
        x.handle,
        &x.c_dates,
        &mut x.deadlines,
    );
}

fn noop(_: &mut Inputs) {
    let f: extern "C" fn() -> dpa_status = black_box(dpa::dpa_noop);
    for _ in 0..N {
        black_box(f());
    }
}

/// The median of `xs` (sorted in place); `xs` is not empty.
fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Every C answer is the Rust answer converted: the batches', and one
/// call per date, as `dpa_due` and as `dpa_deadline`. Run once, before the
/// timing, in both modes.
fn check(x: &mut Inputs) {
    c_batch(x);
    c_deadline_batch(x);
    for (i, &d) in x.dates.iter().enumerate() {
        let rust = x
            .agreement
            .date_due_of(DeadlineKind::Deletion, d)
            .expect("deadline");
        let want = dpa::types::due_out(&rust).expect("converts");
        // SAFETY: `c_batch` wrote all `N` values.
        let batch = unsafe { x.dues[i].assume_init() };
        assert_eq!(batch, want, "the batch's answer for {d}");
        let mut one = MaybeUninit::<dpa_due>::zeroed();
        let c = x.c_dates[i];
        // SAFETY: `handle` is live; `one` valid for a write.
        let status = unsafe {
            dpa::dpa_agreement_date_due(
                x.handle,
                dpa_deadline_kind::Deletion as u32,
                c.year,
                c.month,
                c.day,
                one.as_mut_ptr(),
            )
        };
        assert_eq!(status, dpa_status::Ok);
        // SAFETY: written on `DPA_STATUS_OK`.
        let one = unsafe { one.assume_init() };
        assert_eq!(one, want, "one call's answer for {d}");
        let want = dpa::types::due_fields_out(&rust).expect("converts");
        // SAFETY: `c_deadline_batch` wrote all `N` values.
        let batch = unsafe { x.deadlines[i].assume_init() };
        assert_eq!(batch, want, "the full batch's answer for {d}");
        let mut one = MaybeUninit::<dpa_deadline>::zeroed();
        // SAFETY: `handle` is live; `one` valid for a write.
        let status = unsafe {
            dpa::dpa_agreement_deletion_deadline(x.handle, c.year, c.month, c.day, one.as_mut_ptr())
        };
        assert_eq!(status, dpa_status::Ok);
        // SAFETY: written on `DPA_STATUS_OK`.
        let one = unsafe { one.assume_init() };
        assert_eq!(one, want, "the full one call's answer for {d}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not.
    let timed = args.iter().any(|a| a == "--bench");
    let rounds: usize = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(if timed { 2000 } else { 1 });
    let mut x = Inputs::new();
    check(&mut x);
    // Warm-up: one pass of each.
    for (_, f) in VARIANTS {
        f(&mut x);
    }
    let mut ns = vec![Vec::with_capacity(rounds); VARIANTS.len()];
    for round in 0..rounds {
        for k in 0..VARIANTS.len() {
            let i = (k + round) % VARIANTS.len();
            let start = Instant::now();
            (VARIANTS[i].1)(&mut x);
            ns[i].push(start.elapsed().as_nanos() as f64 / N as f64);
        }
    }
    if !timed {
        println!("boundary_paired: {rounds} round(s), answers agree (smoke mode; nothing timed)");
        return;
    }
    let index = |name: &str| {
        VARIANTS
            .iter()
            .position(|(n, _)| *n == name)
            .expect("a variant")
    };
    println!("{rounds} rounds of {N} dates; medians over the rounds (ns per value)");
    println!();
    println!("| variant | ns |");
    println!("|---|---:|");
    for (i, (name, _)) in VARIANTS.iter().enumerate() {
        println!("| {name} | {:.2} |", median(&mut ns[i].clone()));
    }
    println!();
    println!("| C, against | C − Rust (median of the rounds' own) | C ÷ Rust |");
    println!("|---|---:|---:|");
    for (c, r, label) in [
        (
            "c_one_call",
            "rust",
            "dpa_agreement_date_due, one call, against date_due_of",
        ),
        (
            "c_one_call",
            "rust_from_parts",
            "dpa_agreement_date_due, one call, against from_parts + date_due_of",
        ),
        (
            "c_one_call",
            "rust_parts",
            "dpa_agreement_date_due, one call, against date_due_of_parts",
        ),
        (
            "c_batch",
            "rust_loop",
            "dpa_agreement_date_dues, per value, against the Rust loop",
        ),
        (
            "c_deadline_one_call",
            "rust_converted",
            "dpa_agreement_deletion_deadline, one call, against date_due_of + the conversion",
        ),
        (
            "c_deadline_one_call",
            "rust",
            "dpa_agreement_deletion_deadline, one call, against date_due_of",
        ),
        (
            "c_deadline_batch",
            "rust_converted_loop",
            "dpa_agreement_date_deadlines, per value, against the Rust loop converting",
        ),
        (
            "rust_from_parts",
            "rust",
            "(Rust) from_parts + date_due_of against date_due_of",
        ),
        (
            "rust_parts",
            "rust",
            "(Rust) date_due_of_parts against date_due_of",
        ),
    ] {
        let (c, r) = (&ns[index(c)], &ns[index(r)]);
        let mut diff: Vec<f64> = c.iter().zip(r).map(|(c, r)| c - r).collect();
        let mut ratio: Vec<f64> = c.iter().zip(r).map(|(c, r)| c / r).collect();
        println!(
            "| {label} | {:+.2} ns | {:.3} |",
            median(&mut diff),
            median(&mut ratio)
        );
    }
}
