//! `dpa show`: the readable summary and the agreement in the JSON format.

use crate::helpers::{Scratch, belco_text, dpa, examples, stderr, stdout};

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

/// `dpa show` prints every section of the file, the ones it once left out
/// included: the contact's role, the processing locations, the
/// client-chosen services (Alles Online), the certifications, the service
/// level and the terms' details (Belco).
/// Source: issue 15, point 9; Alles Online DPS 1, 8, 9; Belco DPS 1.9,
/// 1.12, 1.15, clause 2.6.1.
#[test]
fn show_prints_every_section() {
    let o = dpa(&[
        "show",
        examples().join("alles-online.toml").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    for line in [
        "  privacy contact role: contactpersoon privacy & security",
        "Processing locations: EU, EEA, US; outside the EEA: yes — DPS 8",
    ] {
        assert!(s.lines().any(|l| l == line), "{line:?} in\n{s}");
    }
    assert!(s.contains("\nClient-chosen services: "), "{s}");
    let o = dpa(&["show", examples().join("belco.toml").to_str().unwrap()]);
    let s = stdout(&o);
    for line in [
        "Certifications (1):",
        "  - ISO/IEC 27001: held, held by Scalingo (sub-processor) — DPS 1.9, DPS 1.12",
        "Service level: standard SLA no; office hours 09:00-17:00, monday-to-friday; low-impact incidents next-office-hours, high-impact incidents immediately — DPS 1.15",
        "  duration: indefinite, ends with the main agreement — clause 2.6.1, clause 2.6.2",
    ] {
        assert!(s.lines().any(|l| l == line), "{line:?} in\n{s}");
    }
}

/// A value of the file cannot add a line to `dpa show` or steer the
/// terminal: a line break or tab inside it is printed as an escape, like
/// the control characters.
/// Source: issue 15, point 9 ("never passes terminal control characters
/// from the file to the terminal"); `dpa_core::report::Summary`.
#[test]
fn show_keeps_each_value_on_its_line() {
    let plain = stdout(&dpa(&[
        "show",
        examples().join("belco.toml").to_str().unwrap(),
    ]));
    let hostile = belco_text().replacen(
        "name = \"Belco B.V.\"",
        "name = \"Belco B.V.\\nTerms:\\n  deletion: 1 months\\t\\u001b[2J\"",
        1,
    );
    let f = Scratch::new("belco-lines.toml", hostile.as_bytes());
    let o = dpa(&["show", f.path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    assert_eq!(s.lines().count(), plain.lines().count(), "{s}");
    assert!(
        s.starts_with("Belco B.V.\\u{a}Terms:\\u{a}  deletion: 1 months\\u{9}\\u{1b}[2J\n"),
        "{s}"
    );
    assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&b'\t'));
}
