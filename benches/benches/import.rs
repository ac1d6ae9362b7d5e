//! Benchmarks of `dpa import` on text (issue 18: "Import of a 35 KB
//! statement is benchmarked (goal under 20 ms for text input)"): the whole
//! import (`import_text`: normalise, structure, extract) of a generated
//! statement of 35 KB (`dpa_benches::long_statement`: a version history
//! and a sub-processor table of equal length, every template item) and of
//! the example statements, then the review list and the draft; the floor is
//! normalising the same text's lines (`dpa_core::import::normalize`),
//! which every import does first and which reads every byte once.
//!
//! `cargo bench -p dpa-benches --bench import` measures;
//! `cargo test -p dpa-benches --benches` runs each benchmark once.

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use dpa_core::import::{import_text, normalize};

fn main() {
    divan::main();
}

/// The 35 KB statement.
static LONG: LazyLock<String> = LazyLock::new(|| dpa_benches::long_statement(35 * 1024).0);

const EXAMPLES: [(&str, &str); 3] = [
    (
        "voorbeeld-webdiensten",
        include_str!("../../examples/statements/voorbeeld-webdiensten.txt"),
    ),
    (
        "example-hosting-en",
        include_str!("../../examples/statements/example-hosting-en.txt"),
    ),
    (
        "northwind-analytics-en",
        include_str!("../../examples/statements/northwind-analytics-en.txt"),
    ),
];

/// The floor: the 35 KB statement's lines normalised, nothing read from
/// them.
#[divan::bench]
fn normalize_35kb(b: Bencher) {
    let text = LONG.as_str();
    b.bench(|| normalize(black_box(text)));
}

/// The whole import of the 35 KB statement: every value with its evidence.
#[divan::bench]
fn import_35kb(b: Bencher) {
    let text = LONG.as_str();
    b.bench(|| import_text(black_box(text)).expect("the statement imports"));
}

/// The import, its review list and its draft: what `dpa import -o` does
/// with the text.
#[divan::bench]
fn import_review_draft_35kb(b: Bencher) {
    let text = LONG.as_str();
    b.bench(|| {
        let i = import_text(black_box(text)).expect("the statement imports");
        (i.review(), i.draft_toml())
    });
}

/// The import of each example statement (3 to 5 KB).
#[divan::bench(args = ["voorbeeld-webdiensten", "example-hosting-en", "northwind-analytics-en"])]
fn import_example(b: Bencher, name: &str) {
    let text = EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .expect("a bundled example");
    b.bench(|| import_text(black_box(text)).expect("the statement imports"));
}
