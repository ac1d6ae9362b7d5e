//! Shared set-up for the dpa benchmarks: generated workloads.

use dpa_core::Agreement;
use dpa_core::limits::{MAX_DOCUMENT_BYTES, MAX_SUB_PROCESSORS, MAX_TOML_VALUES};
use dpa_core::model::TransferBasis;
use dpa_core::timeline::Events;
use dpa_core::values::Country;

mod schedule;
mod statement;
mod worst;
pub use schedule::{
    copy_table, schedule_table, time_arrow_schedule, write_customer_table, write_edge_tables,
};
pub use statement::{long_statement, statement_with};
pub use worst::{worst_transfers_fitting, worst_transfers_toml};

/// The seed agreements, as bundled.
pub const BELCO_TOML: &str = include_str!("../../examples/agreements/belco.toml");
/// The seed agreements, as bundled.
pub const ALLES_ONLINE_TOML: &str = include_str!("../../examples/agreements/alles-online.toml");

/// SplitMix64: a fixed pseudo-random sequence, the same in every benchmark.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `n` dates drawn uniformly from `first_year`-01-01 ..= `last_year`-12-31
/// by [`splitmix64`] from one fixed seed: the same dates for the same
/// arguments, and the first of a longer draw are those of a shorter one.
///
/// # Panics
/// Where `first_year`-01-01 or `last_year`-12-31 is not a `Date`, or the
/// first is after the second (a benchmark's own constants).
pub fn random_dates(n: usize, first_year: i32, last_year: i32) -> Vec<time::Date> {
    use time::{Date, Month};
    let first = Date::from_calendar_date(first_year, Month::January, 1)
        .expect("valid date")
        .to_julian_day();
    let last = Date::from_calendar_date(last_year, Month::December, 31)
        .expect("valid date")
        .to_julian_day();
    let span = u64::try_from(last - first + 1).expect("positive span");
    let mut state = 0x00D9_A2B3_u64;
    (0..n)
        .map(|_| {
            let offset = i32::try_from(splitmix64(&mut state) % span).expect("small offset");
            Date::from_julian_day(first + offset).expect("in range")
        })
        .collect()
}

/// The events of one agreement's life: `n` events (at least 8), as a JSON
/// document. A mix of every kind, dated over about ten years from 2020, with
/// `seed` shifting the dates so agreements differ.
pub fn events_json(n: usize, seed: usize) -> String {
    let mut out = Vec::with_capacity(n);
    let day = |k: usize| {
        let base = time::macros::date!(2020 - 01 - 01);
        let d = base + time::Duration::days(((k * 29 + seed * 7) % 3400) as i64);
        dpa_core::values::iso_date::format(d)
    };
    let instant = |k: usize| format!("{}T10:30:00+01:00", day(k));
    out.push(format!(
        r#"{{"kind":"agreement-signed","date":"{}"}}"#,
        "2019-12-01"
    ));
    let mut k = 0;
    while out.len() + 4 < n {
        k += 1;
        let e = match k % 8 {
            0 => format!(
                r#"{{"kind":"breach-discovered","at":"{}","id":"B{k}"}}"#,
                instant(k)
            ),
            1 => format!(
                r#"{{"kind":"client-notified-of-breach","at":"{}","breach":"B{}"}}"#,
                instant(k),
                k - 1
            ),
            2 => format!(
                r#"{{"kind":"authority-notified","at":"{}","breach":"B{}"}}"#,
                instant(k + 1),
                k - 2
            ),
            3 => format!(
                r#"{{"kind":"statement-change-notified","date":"{}","version":"1.{k}"}}"#,
                day(k)
            ),
            4 => format!(
                r#"{{"kind":"sub-processor-change-notified","date":"{}","sub_processor":"S{k}"}}"#,
                day(k)
            ),
            5 => format!(
                r#"{{"kind":"audit-notice-given","date":"{}","proposed_date":"{}"}}"#,
                day(k),
                day(k + 1)
            ),
            6 => format!(r#"{{"kind":"audit-held","date":"{}"}}"#, day(k + 1)),
            _ => format!(r#"{{"kind":"legal-hold-placed","date":"{}"}}"#, day(k)),
        };
        out.push(e);
    }
    for (i, kind) in [
        "agreement-terminated",
        "data-return-requested",
        "data-returned",
        "data-deleted",
    ]
    .iter()
    .enumerate()
    {
        out.push(format!(
            r#"{{"kind":"{kind}","date":"{}"}}"#,
            day(3000 + i * 3)
        ));
    }
    format!(r#"{{"events":[{}]}}"#, out.join(","))
}

/// A processor's client portfolio: `clients` event lists of `events_each`
/// events, each under one of the two seed agreements (alternately) — as a
/// processor with many clients under the same agreement has. Returns the two
/// agreements and, per client, the index of its agreement and its events.
pub fn portfolio(clients: usize, events_each: usize) -> (Vec<Agreement>, Vec<(usize, Events)>) {
    let agreements: Vec<Agreement> = [BELCO_TOML, ALLES_ONLINE_TOML]
        .iter()
        .filter_map(|t| Agreement::from_toml(t).ok())
        .collect();
    let events = (0..clients)
        .filter_map(|i| {
            let e = Events::from_json(&events_json(events_each, i)).ok()?;
            Some((i % agreements.len().max(1), e))
        })
        .collect();
    (agreements, events)
}

/// The worst events document for the breach notices at the events limit
/// (`dpa_core::limits::MAX_EVENTS`), as JSON: half the events are notices
/// naming a breach discovered only after them, one is that breach, and the
/// rest are notices naming a breach never discovered. Each notice is a
/// `notice-without-breach` finding.
pub fn notices_without_breach_json() -> String {
    let half = (dpa_core::limits::MAX_EVENTS - 1) / 2;
    let notice = |breach: &str| {
        format!(
            r#"{{"kind":"client-notified-of-breach","at":"2026-03-28T09:00:00Z","breach":"{breach}"}}"#
        )
    };
    let mut events = vec![notice("B-late"); half];
    events.push(
        r#"{"kind":"breach-discovered","at":"2026-03-28T10:00:00Z","id":"B-late"}"#.to_owned(),
    );
    events.extend(vec![
        notice("B-none");
        dpa_core::limits::MAX_EVENTS - half - 1
    ]);
    format!(r#"{{"events":[{}]}}"#, events.join(","))
}

/// The worst accepted agreement for the transfers assessment and the check
/// (see `benches/src/worst.rs`): up to `sub_processors` of them (the limit
/// is [`MAX_SUB_PROCESSORS`]), each reached from every assigned country
/// outside the EEA (`access_from`) and claiming as many distinct transfer bases as keep the
/// agreement accepted: within [`MAX_TOML_VALUES`] (which, at some 250
/// values a sub-processor, allows about 4,000 of them) and
/// [`MAX_DOCUMENT_BYTES`], as read and as written back. Returns the TOML
/// text, the number of sub-processors and the number of bases claimed.
pub fn worst_transfers_agreement(sub_processors: usize) -> (String, usize, usize) {
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    worst_transfers_fitting(
        ALLES_ONLINE_TOML,
        sub_processors.min(MAX_SUB_PROCESSORS),
        &countries,
        &bases,
        MAX_TOML_VALUES,
        dpa_core::document::toml_values,
        |text| text.len() <= MAX_DOCUMENT_BYTES && Agreement::from_toml(text).is_ok(),
    )
    .unwrap_or_default()
}
