//! Benchmarks of reading, checking and computing deadlines with a whole
//! [`Agreement`]: `from_toml` / `from_json` (parse and validate) of the two
//! seed agreements and of generated ones with 50 and 500 sub-processors,
//! the floor of `from_json` (serde_json reading the same text and building
//! nothing), `check`,
//! and every deadline function of `dpa_core::deadline`.
//!
//! `cargo bench -p dpa-benches --bench agreement` measures;
//! `cargo test -p dpa-benches --benches` runs each benchmark once.

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use dpa_core::Agreement;
use dpa_core::deadline::Impact;
use serde_json::Value;
use time::macros::{date, datetime};

fn main() {
    divan::main();
}

const BELCO_TOML: &str = include_str!("../../examples/agreements/belco.toml");
const ALLES_ONLINE_TOML: &str = include_str!("../../examples/agreements/alles-online.toml");

/// One agreement in both formats, with its parsed value.
struct Seed {
    toml: String,
    json: String,
    agreement: Agreement,
}

impl Seed {
    fn from_toml(toml: &str) -> Seed {
        let agreement = Agreement::from_toml(toml).expect("seed agreement parses");
        let json = agreement.to_json().expect("seed agreement serialises");
        Seed {
            toml: toml.to_owned(),
            json,
            agreement,
        }
    }

    fn from_json_value(value: &Value) -> Seed {
        let json = serde_json::to_string_pretty(value).expect("JSON value serialises");
        let agreement = Agreement::from_json(&json).expect("generated agreement parses");
        let toml = agreement.to_toml().expect("generated agreement serialises");
        Seed {
            toml,
            json,
            agreement,
        }
    }
}

/// Belco's agreement as a JSON value.
fn belco_value() -> Value {
    serde_json::from_str(&SEEDS.belco.json).expect("belco JSON is JSON")
}

/// Belco with `count` sub-processors: its own entries repeated in turn, each
/// renamed so that every name is unique (`Scalingo #1`, as the Python
/// benchmark `benches/python/bench_parse.py` makes its document).
fn generated_value(count: usize) -> Value {
    let mut value = belco_value();
    let list = value
        .pointer_mut("/statement/sub_processors")
        .and_then(Value::as_array_mut)
        .expect("belco lists sub-processors");
    let originals = std::mem::take(list);
    assert!(!originals.is_empty(), "belco lists sub-processors");
    for i in 0..count {
        let mut entry = originals[i % originals.len()].clone();
        let name = entry
            .get("name")
            .and_then(Value::as_str)
            .expect("a sub-processor has a name")
            .to_owned();
        entry["name"] = Value::String(format!("{name} #{}", i + 1));
        list.push(entry);
    }
    value
}

/// Belco with `business_days = "nl-atw"`, so that date deadlines also move
/// off weekends and holidays, and with office hours closed on Dutch holidays.
fn belco_nl_atw_value() -> Value {
    let mut value = belco_value();
    value["rules"]["business_days"] = Value::String("nl-atw".to_owned());
    value["statement"]["service_level"]["office_hours"]["days"] =
        Value::String("monday-to-friday-except-nl-holidays".to_owned());
    value
}

struct Seeds {
    belco: Seed,
    alles_online: Seed,
}

static SEEDS: LazyLock<Seeds> = LazyLock::new(|| Seeds {
    belco: Seed::from_toml(BELCO_TOML),
    alles_online: Seed::from_toml(ALLES_ONLINE_TOML),
});

static GENERATED_50: LazyLock<Seed> = LazyLock::new(|| Seed::from_json_value(&generated_value(50)));

static GENERATED_500: LazyLock<Seed> =
    LazyLock::new(|| Seed::from_json_value(&generated_value(500)));

static BELCO_NL_ATW: LazyLock<Seed> =
    LazyLock::new(|| Seed::from_json_value(&belco_nl_atw_value()));

/// The agreements the parse and check benchmarks run on.
const DOCUMENTS: &[&str] = &[
    "belco",
    "alles-online",
    "generated-50-subprocessors",
    "generated-500-subprocessors",
];

/// The agreements the deadline benchmarks run on (both seeds use
/// `business_days = "off"`; the third turns on the Atw shift and closes the
/// office on Dutch holidays).
const AGREEMENTS: &[&str] = &["belco", "alles-online", "belco-nl-atw"];

fn seed(name: &str) -> &'static Seed {
    match name {
        "belco" => &SEEDS.belco,
        "alles-online" => &SEEDS.alles_online,
        "generated-50-subprocessors" => &GENERATED_50,
        "generated-500-subprocessors" => &GENERATED_500,
        "belco-nl-atw" => &BELCO_NL_ATW,
        other => panic!("unknown agreement {other}"),
    }
}

/// Benchmarks `f`, after checking once (outside the timing) that it
/// succeeds, so that the smoke run (`cargo test --benches`) fails on an error
/// and the timing is of the success path.
fn bench_ok<T, E: std::fmt::Debug>(bencher: Bencher, f: impl Fn() -> Result<T, E>) {
    if let Err(e) = f() {
        panic!("the benchmarked call failed: {e:?}");
    }
    bencher.bench_local(f);
}

/// Parsing and validating text into an [`Agreement`].
mod parse {
    use super::*;

    /// `Agreement::from_toml`.
    #[divan::bench(args = DOCUMENTS)]
    fn from_toml(bencher: Bencher, name: &str) {
        let text = seed(name).toml.as_str();
        bench_ok(bencher, || Agreement::from_toml(black_box(text)));
    }

    /// `Agreement::from_json` (JSON made once with `to_json`, or generated).
    #[divan::bench(args = DOCUMENTS)]
    fn from_json(bencher: Bencher, name: &str) {
        let text = seed(name).json.as_str();
        bench_ok(bencher, || Agreement::from_json(black_box(text)));
    }

    /// The floor of `from_json`: serde_json reading the same text to its end
    /// (every string scanned, every key and value visited) and building
    /// nothing (`serde::de::IgnoredAny`).
    #[divan::bench(args = DOCUMENTS)]
    fn json_read_only(bencher: Bencher, name: &str) {
        let text = seed(name).json.as_str();
        bench_ok(bencher, || {
            serde_json::from_str::<serde::de::IgnoredAny>(black_box(text))
        });
    }
}

/// `Agreement::check` as of 23 November 2026.
#[divan::bench(args = DOCUMENTS)]
fn check(bencher: Bencher, name: &str) {
    let agreement = &seed(name).agreement;
    bencher.bench_local(|| black_box(agreement).check(black_box(date!(2026 - 11 - 23))));
}

/// Every deadline function of `dpa_core::deadline`, on a fixed input.
mod deadline {
    use super::*;

    /// `deletion_deadline`, terminated Monday 30 November 2026.
    #[divan::bench(args = AGREEMENTS)]
    fn deletion_deadline(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.deletion_deadline(black_box(date!(2026 - 11 - 30)))
        });
    }

    /// `backup_deletion_deadline`, terminated Monday 30 November 2026.
    #[divan::bench(args = AGREEMENTS)]
    fn backup_deletion_deadline(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.backup_deletion_deadline(black_box(date!(2026 - 11 - 30)))
        });
    }

    /// `breach_notice_deadline`, discovered 28 March 2026 10:30 (+01:00).
    #[divan::bench(args = AGREEMENTS)]
    fn breach_notice_deadline(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.breach_notice_deadline(black_box(datetime!(2026-03-28 10:30 +01:00)))
        });
    }

    /// `authority_notice_deadline`, aware 28 March 2026 10:30 (+01:00).
    #[divan::bench(args = AGREEMENTS)]
    fn authority_notice_deadline(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.authority_notice_deadline(black_box(datetime!(2026-03-28 10:30 +01:00)))
        });
    }

    /// `next_audit_allowed`, last audit 31 January 2026.
    #[divan::bench(args = AGREEMENTS)]
    fn next_audit_allowed(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.next_audit_allowed(black_box(date!(2026 - 01 - 31)))
        });
    }

    /// `earliest_audit_date`, notice given 1 May 2026.
    #[divan::bench(args = AGREEMENTS)]
    fn earliest_audit_date(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.earliest_audit_date(black_box(date!(2026 - 05 - 01)))
        });
    }

    /// `termination_window_end`, notified 1 May 2026.
    #[divan::bench(args = AGREEMENTS)]
    fn termination_window_end(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.termination_window_end(black_box(date!(2026 - 05 - 01)))
        });
    }

    /// `service_response` for a low-impact incident reported on the evening
    /// of Ascension Day, Thursday 14 May 2026 20:00 (+02:00): after office
    /// hours, so the next office hours are found by a search (Friday 15 May
    /// for Belco; Monday 18 May where the office closes on holidays, as
    /// 15 May 2026 is a designated day). Only Belco states a service level.
    #[divan::bench(args = ["belco", "belco-nl-atw"])]
    fn service_response_low(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.service_response(black_box(datetime!(2026-05-14 20:00 +02:00)), Impact::Low)
        });
    }

    /// `service_response` for a high-impact incident (at once).
    #[divan::bench(args = ["belco", "belco-nl-atw"])]
    fn service_response_high(bencher: Bencher, name: &str) {
        let a = &seed(name).agreement;
        bench_ok(bencher, || {
            a.service_response(black_box(datetime!(2026-05-14 20:00 +02:00)), Impact::High)
        });
    }
}
