//! The obligation timeline at scale: 1,000,000 events over 10,000 agreements
//! (100 each), one agreement's 100 events, and one agreement's worst events
//! document at the events limit (100,000 events) against reading it.
//!
//! `cargo bench -p dpa-benches --bench timeline` measures; peak memory is
//! measured by `benches/timeline-memory.sh` (`/usr/bin/time -v` around the
//! `timeline_1m` example).

use divan::{Bencher, black_box};
use dpa_benches::{BELCO_TOML, notices_without_breach_json, portfolio};
use dpa_core::Agreement;
use dpa_core::timeline::Events;
use time::macros::date;

fn main() {
    divan::main();
}

/// One agreement with 100 events.
#[divan::bench]
fn one_agreement_100_events(bencher: Bencher) {
    let (agreements, clients) = portfolio(1, 100);
    assert_eq!(clients[0].1.events.len(), 100);
    bencher.bench_local(|| {
        let (i, e) = &clients[0];
        black_box(agreements[*i].timeline(black_box(e), date!(2030 - 01 - 01)))
    });
}

/// 10,000 clients with 100 events each, under two agreements: 1,000,000 events.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn portfolio_1m_events(bencher: Bencher) {
    let agreements = if cfg!(debug_assertions) { 100 } else { 10_000 };
    let (list, clients) = portfolio(agreements, 100);
    assert_eq!(clients.len(), agreements);
    bencher.bench_local(|| {
        let mut obligations = 0;
        for (i, e) in &clients {
            if let Ok(t) = list[*i].timeline(e, date!(2030 - 01 - 01)) {
                obligations += t.obligations.len();
            }
        }
        black_box(obligations)
    });
}

/// The worst case at the events limit: 100,000 breach notices that refer to
/// no breach discovered before them (half name one discovered later). The
/// baseline is `read_events_at_the_limit`, reading the same document.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn notices_without_breach_at_the_limit(bencher: Bencher) {
    let belco = Agreement::from_toml(BELCO_TOML).ok();
    let events = Events::from_json(&notices_without_breach_json()).ok();
    bencher.bench_local(|| {
        if let (Some(a), Some(e)) = (&belco, &events) {
            black_box(
                a.timeline(black_box(e), date!(2026 - 04 - 10))
                    .map(|t| t.findings.len()),
            )
            .ok();
        }
    });
}

/// The baseline of `notices_without_breach_at_the_limit`: reading its
/// events document (JSON, 100,000 events).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn read_events_at_the_limit(bencher: Bencher) {
    let text = notices_without_breach_json();
    bencher.bench_local(|| {
        black_box(Events::from_json(black_box(&text)).map(|e| e.events.len())).ok()
    });
}
