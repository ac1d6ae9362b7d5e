//! The JSON Schema and the library agree: documents derived from the example
//! agreements, each changed in one place (a wrong type, a number out of
//! range or whole but written as a float, a date that does not exist, a
//! month or a year where the format allows one, an unknown time zone, a
//! missing field, an unknown key, a term beyond its bound), are validated by
//! a JSON Schema validator that asserts formats and read by the library,
//! and both must give the verdict the case states. The same document as
//! TOML gets the library's same verdict.

use serde_json::{Value, json};

use crate::helpers::text;

/// What a case's document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Valid: the schema and the library accept it.
    Valid,
    /// Invalid: the schema (with or without formats asserted) and the
    /// library refuse it.
    Invalid,
    /// Invalid, and the schema refuses it only where the validator asserts
    /// the `date` format: 29 February of a year that is not a leap year,
    /// which no reasonable pattern tells from a leap year's.
    InvalidByFormat,
}
use Verdict::{Invalid, InvalidByFormat, Valid};

/// One change to a document.
enum Edit {
    /// The value at the pointer becomes this one.
    Set(&'static str, Value),
    /// The value at the pointer becomes this JSON text (`1e2`), which a
    /// `Value` would write differently.
    Raw(&'static str, &'static str),
    /// The key at the pointer is removed.
    Remove(&'static str),
    /// The object at the pointer gets this key and value.
    Add(&'static str, &'static str, Value),
}
use Edit::{Add, Raw, Remove, Set};

/// The example's TOML as JSON, read as plain TOML (not through the model):
/// TOML dates become strings.
fn example(name: &str) -> Value {
    fn to_json(v: toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
            toml::Value::Table(t) => {
                Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
            }
        }
    }
    to_json(toml::from_str(&text(name)).unwrap())
}

/// A base document by name: the examples, and Belco's with a code of
/// conduct, a certification and ad hoc clauses for its first
/// sub-processor (the optional dates of those entries).
fn base(name: &str) -> Value {
    if name != "belco+safeguards" {
        return example(name);
    }
    let mut doc = example("belco.toml");
    let sp = &mut doc["statement"]["sub_processors"][0];
    sp["transfer_bases"] = json!(["code-of-conduct", "certification", "ad-hoc-clauses"]);
    sp["code_of_conduct"] = json!({
        "name": "Cloud Code",
        "approval": {"by": "an authority", "on": "2021-05-20"},
        "general_validity": {"by": "European Commission", "on": "2024-01-10"},
        "importer_commitments": true,
        "withdrawn_on": "2027-01-01",
        "source": ["DPS 1.9"]
    });
    sp["transfer_certification"] = json!({
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a body",
        "issued_on": "2025-03-01",
        "valid_until": "2028-03-01",
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    });
    sp["ad_hoc_clauses"] = json!({
        "authorisation": {"by": "Autoriteit Persoonsgegevens", "on": "2022-02-01"},
        "source": ["DPS 1.9"]
    });
    doc
}

/// The document's JSON text after the edits.
fn apply(mut doc: Value, edits: &[Edit]) -> String {
    const RAW: &str = "\u{1}raw\u{1}";
    let mut raw = None;
    for edit in edits {
        match edit {
            Set(pointer, value) => *doc.pointer_mut(pointer).expect(pointer) = value.clone(),
            Raw(pointer, text) => {
                *doc.pointer_mut(pointer).expect(pointer) = Value::from(RAW);
                raw = Some(*text);
            }
            Remove(pointer) => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let removed = doc
                    .pointer_mut(parent)
                    .and_then(Value::as_object_mut)
                    .and_then(|o| o.remove(key));
                assert!(removed.is_some(), "nothing to remove at {pointer}");
            }
            Add(pointer, key, value) => {
                let object = doc.pointer_mut(pointer).and_then(Value::as_object_mut);
                object
                    .expect(pointer)
                    .insert((*key).to_owned(), value.clone());
            }
        }
    }
    let text = serde_json::to_string_pretty(&doc).unwrap();
    match raw {
        Some(r) => text.replace(&serde_json::to_string(RAW).unwrap(), r),
        None => text,
    }
}

/// The cases: a base, the edits, the verdict, and what the case is about.
#[rustfmt::skip]
fn cases() -> Vec<(&'static str, Vec<Edit>, Verdict, &'static str)> {
    let b = "belco.toml";
    let a = "alles-online.toml";
    let s = "belco+safeguards";
    vec![
        // Whole numbers written as floats are whole numbers; fractions not.
        (b, vec![Set("/dpa_format", json!(1.0))], Valid, "format version 1.0"),
        (b, vec![Raw("/dpa_format", "1e0")], Valid, "format version 1e0"),
        (b, vec![Set("/dpa_format", json!(1.5))], Invalid, "format version 1.5"),
        (b, vec![Set("/dpa_format", json!(2))], Invalid, "format version 2"),
        (b, vec![Set("/dpa_format", json!("1"))], Invalid, "format version as text"),
        (b, vec![Set("/terms/deletion/months", json!(3.0))], Valid, "months 3.0"),
        (b, vec![Raw("/terms/deletion/months", "1e2")], Valid, "months 1e2"),
        (b, vec![Raw("/terms/deletion/months", "1.2e2")], Valid, "months 1.2e2"),
        (b, vec![Set("/terms/deletion/months", json!(121.0))], Invalid, "months 121.0"),
        (b, vec![Set("/terms/deletion/months", json!(3.5))], Invalid, "months 3.5"),
        (b, vec![Raw("/terms/deletion/months", "-0.0")], Invalid, "months -0.0"),
        (b, vec![Raw("/terms/deletion/months", "1e300")], Invalid, "months 1e300"),
        (b, vec![Set("/terms/deletion/months", json!(0))], Invalid, "months 0"),
        (b, vec![Set("/terms/deletion/months", json!("3"))], Invalid, "months as text"),
        (b, vec![Set("/rules/undue_delay_bound_hours", json!(72.0))], Valid, "bound 72.0"),
        (b, vec![Set("/rules/undue_delay_bound_hours", json!(71.5))], Invalid, "bound 71.5"),
        (b, vec![Set("/rules/undue_delay_bound_hours", json!(73))], Invalid, "bound 73"),
        (b, vec![Set("/terms/audit/notice_days", json!(3650.0))], Valid, "notice 3650.0 days"),
        (b, vec![Set("/terms/audit/notice_days", json!(3651))], Invalid, "notice 3651 days"),
        (b, vec![Set("/terms/audit/max_count", json!(366))], Invalid, "366 audits"),
        (b, vec![Set("/terms/audit/max_count", json!(true))], Invalid, "audits as a boolean"),
        (b, vec![Set("/terms/costs/0/hourly_rate_eur_cents", json!(12000.0))], Valid, "rate 12000.0"),
        (b, vec![Raw("/terms/costs/0/hourly_rate_eur_cents", "1e12")], Valid, "rate 1e12"),
        (b, vec![Raw("/terms/costs/0/hourly_rate_eur_cents", "1.0000000001e12")], Invalid, "rate above 1e12"),
        (b, vec![Set("/terms/costs/0/hourly_rate_eur_cents", json!(120.5))], Invalid, "rate 120.5"),
        (b, vec![Set("/terms/costs/0/hourly_rate_eur_cents", json!(-1))], Invalid, "rate -1"),
        (b, vec![Set("/terms/statement_changes/termination_window_days", json!(30.0))], Valid, "window 30.0"),
        // Time zones: the bundled database's names, as it spells them.
        (b, vec![Set("/rules/time_zone", json!("America/New_York"))], Valid, "zone New York"),
        (b, vec![Set("/rules/time_zone", json!("Etc/GMT+5"))], Valid, "zone Etc/GMT+5"),
        (b, vec![Set("/rules/time_zone", json!("US/Eastern"))], Valid, "zone alias US/Eastern"),
        (b, vec![Set("/rules/time_zone", json!("UTC"))], Valid, "zone UTC"),
        (a, vec![Set("/rules/time_zone", json!("Asia/Kolkata"))], Valid, "zone Kolkata"),
        (b, vec![Set("/rules/time_zone", json!("europe/amsterdam"))], Invalid, "zone in lower case"),
        (b, vec![Set("/rules/time_zone", json!("Europe/Leeuwarden"))], Invalid, "unknown zone"),
        (b, vec![Set("/rules/time_zone", json!("+01:00"))], Invalid, "an offset for a zone"),
        (b, vec![Set("/rules/time_zone", json!(""))], Invalid, "empty zone"),
        // Dates: real days of the years 1 to 9999; a month or a year where
        // the statement states one.
        (b, vec![Set("/statement/effective_date", json!("2026-02-30"))], Invalid, "30 February"),
        (b, vec![Set("/statement/effective_date", json!("2024-02-29"))], Valid, "29 February, leap year"),
        (b, vec![Set("/statement/effective_date", json!("2026-02-29"))], InvalidByFormat, "29 February, common year"),
        (b, vec![Set("/statement/effective_date", json!("2022-04-31"))], Invalid, "31 April"),
        (b, vec![Set("/statement/effective_date", json!("2026-13-01"))], Invalid, "month 13"),
        (b, vec![Set("/statement/effective_date", json!("0000-01-01"))], Invalid, "year 0"),
        (b, vec![Set("/statement/effective_date", json!("2022-01"))], Valid, "a month"),
        (b, vec![Set("/statement/effective_date", json!("2022"))], Valid, "a year"),
        (a, vec![Set("/statement/effective_date", json!("2026-06"))], Valid, "a month"),
        (b, vec![Set("/statement/effective_date", json!("2022-00"))], Invalid, "month 0"),
        (b, vec![Set("/statement/effective_date", json!("0000"))], Invalid, "year 0 alone"),
        (b, vec![Set("/statement/effective_date", json!("2022-1-4"))], Invalid, "digits missing"),
        (b, vec![Set("/statement/effective_date", json!(20_220_104))], Invalid, "a date as a number"),
        (b, vec![Set("/statement/effective_date", json!("2022-01-04T00:00:00Z"))], Invalid, "an instant"),
        (b, vec![Set("/statement/history/0/date", json!("2019-10"))], Valid, "history month"),
        (b, vec![Set("/statement/history/0/date", json!("2019-02-29"))], InvalidByFormat, "history 29 February 2019"),
        (s, vec![], Valid, "the safeguards' base"),
        (s, vec![Set("/statement/sub_processors/0/transfer_certification/valid_until", json!("2028-02-30"))], Invalid, "valid until 30 February"),
        (s, vec![Set("/statement/sub_processors/0/transfer_certification/issued_on", json!("2025-02-29"))], InvalidByFormat, "issued 29 February 2025"),
        (s, vec![Add("/statement/sub_processors/0/transfer_certification", "withdrawn_on", json!("2027-02-29"))], InvalidByFormat, "withdrawn 29 February 2027"),
        (s, vec![Add("/statement/sub_processors/0/transfer_certification", "withdrawn_on", json!("2027-02-28"))], Valid, "withdrawn 28 February 2027"),
        (s, vec![Set("/statement/sub_processors/0/code_of_conduct/withdrawn_on", json!("2027-13-01"))], Invalid, "code withdrawn in month 13"),
        (s, vec![Set("/statement/sub_processors/0/code_of_conduct/withdrawn_on", json!(null))], Invalid, "code withdrawn on null"),
        (s, vec![Set("/statement/sub_processors/0/ad_hoc_clauses/authorisation/on", json!("2022-02-31"))], Invalid, "authorised 31 February"),
        // Terms as text: each unit within its bound; each term given once.
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("10 years"))], Valid, "deletion within 10 years"),
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("3650 days"))], Valid, "deletion within 3650 days"),
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("3651 days"))], Invalid, "deletion within 3651 days"),
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("522 weeks"))], Invalid, "deletion within 522 weeks"),
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("121 months"))], Invalid, "deletion within 121 months"),
        (b, vec![Remove("/terms/deletion/months"), Add("/terms/deletion", "within", json!("3 maanden"))], Invalid, "deletion within 3 maanden"),
        (b, vec![Set("/terms/deletion/months", json!(null)), Add("/terms/deletion", "within", json!("3 months"))], Valid, "months null, within given"),
        (b, vec![Add("/terms/deletion", "within", json!("3 months"))], Invalid, "deletion term stated twice"),
        (b, vec![Remove("/terms/deletion/months")], Invalid, "deletion without a term"),
        (b, vec![Add("/terms/deletion", "backup_cycle_days", json!(14)), Add("/terms/deletion", "backup_cycle", json!("2 weeks"))], Invalid, "backup cycle stated twice"),
        (b, vec![Add("/terms/statement_changes", "termination_window", json!("6 weeks"))], Invalid, "window stated twice"),
        (b, vec![Remove("/terms/statement_changes/termination_window_days")], Invalid, "no window"),
        (b, vec![Add("/terms/audit", "notice", json!("2 weeks"))], Invalid, "audit notice stated twice"),
        (b, vec![Remove("/terms/audit/notice_days"), Add("/terms/audit", "notice", json!("2 weeks"))], Valid, "audit notice 2 weeks"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within", "term": "365 days"}))], Valid, "notice within 365 days"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within", "term": "366 days"}))], Invalid, "notice within 366 days"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within", "term": "8761 hours"}))], Invalid, "notice within 8761 hours"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within", "term": "0 hours"}))], Invalid, "notice within 0 hours"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within-hours"}))], Invalid, "hours missing"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within"}))], Invalid, "term missing"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "without-undue-delay", "hours": 24}))], Invalid, "hours without a term"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within-hours", "hours": 24, "term": "1 day"}))], Invalid, "hours and a term"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "within", "term": "2 days", "hours": null}))], Valid, "a term, hours null"),
        (b, vec![Set("/terms/breach/notice", json!({"kind": "without-undue-delay"}))], Valid, "without undue delay"),
        (b, vec![Set("/terms/audit/period", json!({"rolling": "2 years"}))], Valid, "audit period 2 years"),
        (b, vec![Set("/terms/audit/period", json!({"rolling": "0 months"}))], Invalid, "audit period 0 months"),
        (b, vec![Set("/terms/audit/period", json!({"calendar": "30 days"}))], Invalid, "audit period in days"),
        (b, vec![Set("/terms/audit/period", json!({"rolling": "11 years"}))], Invalid, "audit period 11 years"),
        // Missing fields, unknown keys, wrong types and values.
        (b, vec![Remove("/statement/version")], Invalid, "no statement version"),
        (b, vec![Remove("/dpa_format")], Invalid, "no format version"),
        (b, vec![Remove("/rules/month_rule")], Valid, "month rule by default"),
        (b, vec![Add("/rules", "foo", json!(1))], Invalid, "unknown key in rules"),
        (b, vec![Add("", "extra", json!(true))], Invalid, "unknown top-level key"),
        (b, vec![Add("/statement/processor", "fax", json!("x"))], Invalid, "unknown key in processor"),
        (b, vec![Set("/statement/sub_processors/0/seat", json!("Nl"))], Invalid, "country in mixed case"),
        (a, vec![Set("/statement/sub_processors/0/locations/0", json!("usa"))], Invalid, "location usa"),
        (b, vec![Set("/rules/business_days", json!(true))], Invalid, "business days as a boolean"),
        (b, vec![Set("/statement/version", json!("1.02"))], Invalid, "version 1.02"),
        (b, vec![Set("/statement/processor/name", json!("   "))], Invalid, "blank name"),
        (b, vec![Set("/statement/service_level/office_hours/start", json!("24:00"))], Invalid, "office hours from 24:00"),
        (b, vec![Set("/clauses/deviations/0/clause", json!("DPS"))], Invalid, "clause reference without a number"),
        (b, vec![Set("/terms/deletion/firmness", json!(null))], Invalid, "firmness null"),
    ]
}

/// The schema (formats asserted, and not), the library reading JSON and
/// the library reading the same document as TOML give each case's verdict.
/// Source: issue 20 point 2; the JSON Schema specification, draft 2020-12
/// (Core §4.2.1: an integer is any number with a zero fractional part;
/// Validation §7: formats are asserted only where the validator is told
/// to, and `date` is RFC 3339 `full-date`); README "The file format" and
/// "Invariants and limits"; docs/rules.md rule 8 (dates as stated).
#[test]
fn schema_and_library_agree_on_mutated_documents() {
    let schema = dpa_core::schema::json_schema();
    let asserting = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let annotating = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .unwrap();
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for (name, edits, verdict, what) in &cases {
        let text = apply(base(name), edits);
        let doc: Value = serde_json::from_str(&text).unwrap();
        let schema_ok = asserting.is_valid(&doc);
        let without_formats = annotating.is_valid(&doc);
        let library = dpa_core::Agreement::from_json(&text);
        let expected = *verdict == Valid;
        if schema_ok != expected {
            let errors: Vec<String> = asserting.iter_errors(&doc).map(|e| e.to_string()).collect();
            wrong.push(format!("{what}: schema says {schema_ok}: {errors:?}"));
        }
        if without_formats != (*verdict != Invalid) {
            wrong.push(format!(
                "{what}: schema without formats says {without_formats}"
            ));
        }
        if library.is_ok() != expected {
            wrong.push(format!("{what}: library says {library:?}"));
        }
        // TOML has no null; every other document reads the same as TOML.
        if let Ok(toml) = toml::to_string(&doc) {
            let from_toml = dpa_core::Agreement::from_toml(&toml);
            if from_toml.is_ok() != expected {
                wrong.push(format!("{what}: library reading TOML says {from_toml:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
