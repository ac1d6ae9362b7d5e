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
