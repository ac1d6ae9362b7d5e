//! The pieces of `benches/schedule.sh`: `gen FILE ROWS` writes a generated
//! customer table; `floor IN OUT` reads and writes it with no computation
//! (the floor `dpa schedule` is measured against: the `parquet` crate's
//! writer on one thread; `floor IN OUT THREADS` with the columns encoded on
//! THREADS worker threads, as `dpa schedule` writes them) and prints the
//! time;
//! `arrow ROWS RUNS` times `dpa_arrow::Plan::run` on one batch of ROWS
//! termination dates (`Date32`, 2000–2030) under Belco, the call the
//! wheel's `Agreement.schedule` makes (benches/python/bench_schedule.py),
//! with a new plan per run and with one plan kept over the runs (as an
//! `Agreement` keeps its plan), and prints the medians; `edge DIR ROWS` writes the tables `benches/schedule-golden.sh` records
//! `dpa schedule`'s outputs of.

use std::path::Path;
use std::time::Instant;

use dpa_benches::{copy_table, write_customer_table, write_edge_tables};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.get(1).map(String::as_str) {
        Some("gen") if args.len() == 4 => match args[3].parse() {
            Ok(rows) => write_customer_table(Path::new(&args[2]), rows).map(|()| rows),
            Err(e) => {
                eprintln!("ROWS: {e}");
                std::process::exit(2);
            }
        },
        Some("edge") if args.len() == 4 => match args[3].parse() {
            Ok(rows) => write_edge_tables(Path::new(&args[2]), rows).map(|()| rows),
            Err(e) => {
                eprintln!("ROWS: {e}");
                std::process::exit(2);
            }
        },
        Some("arrow") if args.len() == 4 => arrow(&args[2], &args[3]),
        Some("floor") if (4..=5).contains(&args.len()) => {
            let threads = match args.get(4).map(|t| t.parse::<usize>()) {
                None => 1,
                Some(Ok(t)) => t,
                Some(Err(e)) => {
                    eprintln!("THREADS: {e}");
                    std::process::exit(2);
                }
            };
            let start = Instant::now();
            let r = copy_table(Path::new(&args[2]), Path::new(&args[3]), threads);
            eprintln!("floor: {:.3} s", start.elapsed().as_secs_f64());
            r
        }
        _ => {
            eprintln!(
                "usage: schedule_table gen FILE ROWS | floor IN OUT [THREADS] | edge DIR ROWS | arrow ROWS RUNS"
            );
            std::process::exit(2);
        }
    };
    match result {
        Ok(rows) => println!("{rows} rows"),
        Err(e) => {
            eprintln!("schedule_table: {e}");
            std::process::exit(1);
        }
    }
}

/// `arrow ROWS RUNS`: the median time of `Plan::run` on one `Date32` batch.
fn arrow(rows: &str, runs: &str) -> Result<usize, dpa_arrow::Error> {
    let (Ok(rows), Ok(runs)) = (rows.parse::<usize>(), runs.parse::<usize>()) else {
        eprintln!("ROWS and RUNS are numbers");
        std::process::exit(2);
    };
    let (new, kept, out) = dpa_benches::time_arrow_schedule(rows, runs.max(1))?;
    for (median, plan) in [
        (new, "a new plan per run"),
        (kept, "a plan kept over the runs"),
    ] {
        println!(
            "Plan::run on {rows} Date32 rows, {plan}: median of {runs} runs {:.2} ms ({:.1} ns per row)",
            median.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e9 / rows as f64
        );
    }
    Ok(out)
}
