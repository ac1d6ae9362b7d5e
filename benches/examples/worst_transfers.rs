//! Writes the worst accepted agreement for the transfers assessment (see
//! `dpa_benches::worst_transfers_agreement`) to the file named by the first
//! argument, with as many sub-processors as the second (default: as many as
//! the limits allow), and prints its size, its sub-processors and the
//! number of bases each claims.
//! `benches/worst-transfers.sh` measures the command on it.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: worst_transfers FILE [SUB_PROCESSORS]");
        std::process::exit(2);
    };
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(dpa_core::limits::MAX_SUB_PROCESSORS);
    let (text, n, bases) = dpa_benches::worst_transfers_agreement(n);
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
    println!(
        "{path}: {} bytes, {n} sub-processors, {bases} bases each",
        text.len()
    );
}
