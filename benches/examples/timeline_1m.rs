//! Computes the timeline of 1,000,000 events of 10,000 clients once and
//! prints the time it took; run under `/usr/bin/time -v` for peak memory
//! (`benches/timeline-memory.sh`).

use std::time::Instant;

use dpa_benches::portfolio;
use time::macros::date;

fn main() {
    let agreements: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let (list, clients) = portfolio(agreements, 100);
    let events: usize = clients.iter().map(|(_, e)| e.events.len()).sum();
    let start = Instant::now();
    let mut obligations = 0;
    let mut findings = 0;
    for (i, e) in &clients {
        match list[*i].timeline(e, date!(2030 - 01 - 01)) {
            Ok(t) => {
                obligations += t.obligations.len();
                findings += t.findings.len();
            }
            Err(err) => {
                eprintln!("timeline failed: {err}");
                std::process::exit(1);
            }
        }
    }
    let took = start.elapsed();
    println!(
        "{} clients under {} agreements, {events} events: {obligations} obligations, {findings} findings in {:.3} s",
        clients.len(),
        list.len(),
        took.as_secs_f64()
    );
}
