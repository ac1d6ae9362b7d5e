//! The pieces of `benches/schedule.sh`: `gen FILE ROWS` writes a generated
//! customer table; `floor IN OUT` reads and writes it with no computation
//! (the floor `dpa schedule` is measured against) and prints the time.

use std::path::Path;
use std::time::Instant;

use dpa_benches::{copy_table, write_customer_table};

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
        Some("floor") if args.len() == 4 => {
            let start = Instant::now();
            let r = copy_table(Path::new(&args[2]), Path::new(&args[3]));
            eprintln!("floor: {:.3} s", start.elapsed().as_secs_f64());
            r
        }
        _ => {
            eprintln!("usage: schedule_table gen FILE ROWS | floor IN OUT");
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
