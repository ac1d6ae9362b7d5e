//! `dpa schedule` on a generated Parquet customer table against its floor:
//! the same file read and written with the parquet crate, no computation
//! (issue 19 point 4; goal: at most 1.5 times the floor).
//!
//! `cargo bench -p dpa-benches --bench schedule` measures 100,000 rows (1,000
//! in a debug build); `benches/schedule.sh` runs the command itself on
//! 10,000,000 rows with peak memory.

use std::path::PathBuf;

use divan::{Bencher, black_box};
use dpa_benches::{BELCO_TOML, copy_table, schedule_table, write_customer_table};
use dpa_core::Agreement;
use time::macros::date;

fn main() {
    divan::main();
}

/// The generated table (made once per run) and a scratch output path.
fn files(name: &str) -> (PathBuf, PathBuf) {
    let rows = if cfg!(debug_assertions) {
        1_000
    } else {
        100_000
    };
    let dir = std::env::temp_dir().join(format!("dpa-bench-schedule-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let input = dir.join("customers.parquet");
    if !input.exists() {
        write_customer_table(&input, rows).ok();
    }
    (input, dir.join(format!("{name}.parquet")))
}

/// The schedule: read, compute every deadline and status, write.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn schedule_parquet(bencher: Bencher) {
    let belco = Agreement::from_toml(BELCO_TOML).ok();
    let (input, output) = files("due");
    bencher.bench_local(|| {
        if let Some(a) = &belco {
            black_box(schedule_table(a, &input, &output, date!(2027 - 03 - 01)).ok());
        }
    });
}

/// The floor: read and write the same file, no computation.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn floor_parquet(bencher: Bencher) {
    let (input, output) = files("copy");
    bencher.bench_local(|| black_box(copy_table(&input, &output, 1).ok()));
}
