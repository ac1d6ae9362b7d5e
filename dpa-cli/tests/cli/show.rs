//! `dpa show`: the readable summary and the agreement in the JSON format.

use crate::helpers::{Scratch, dpa, examples, stderr, stdout};

/// `dpa show --format json` prints the agreement in the JSON format: Belco's
/// fourteen sub-processors and its 3-month deletion term.
/// Source: Belco DPS 1.9 (fourteen sub-processors) and DPS 1.11 ("uiterlijk
/// binnen 3 maanden"); README "The `dpa` command" (`show --format json`).
#[test]
fn show_json_lists_fourteen_sub_processors() {
    let o = dpa(&[
        "show",
        examples().join("belco.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["statement"]["sub_processors"].as_array().unwrap().len(),
        14
    );
    assert_eq!(v["terms"]["deletion"]["months"], 3);
}

/// The JSON `dpa show` prints reads back to the same JSON.
/// Source: README "The file format" (TOML or JSON with the same structure) and
/// README "The `dpa` command".
#[test]
fn show_json_reads_back() {
    let o = dpa(&[
        "show",
        examples().join("alles-online.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let f = Scratch::new("alles.json", &o.stdout);
    let again = dpa(&["show", f.path(), "--format", "json"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(again.stdout, o.stdout);
}

/// `dpa show` prints a readable summary: Belco's name, its sub-processors, the
/// deletion term and the breach notice.
/// Source: Belco DPS 1.1, 1.9, 1.11 (3 months) and 1.13 ("uiterlijk binnen 24
/// uur"); README "The `dpa` command" (`show`).
#[test]
fn show_text_summary() {
    let o = dpa(&["show", examples().join("belco.toml").to_str().unwrap()]);
    assert!(o.status.success());
    let s = stdout(&o);
    assert!(s.starts_with("Belco B.V.\n"), "{s}");
    assert!(s.contains("Sub-processors (14):"));
    assert!(s.contains("deletion: 3 months after termination"));
    assert!(s.contains("breach notice to client: within 24 hours"));
}
