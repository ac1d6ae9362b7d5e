//! `dpa schema`: the JSON Schema of the agreement format.

use crate::helpers::{dpa, stdout};

/// `dpa schema` prints a valid JSON Schema of the agreement format.
/// Source: README "The `dpa` command" (`schema`: draft 2020-12); the JSON
/// Schema specification, draft 2020-12 (its meta-schema).
#[test]
fn schema_prints_json_schema() {
    let o = dpa(&["schema"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], "Agreement");
    assert!(jsonschema::meta::is_valid(&v));
}
