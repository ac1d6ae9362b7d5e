//! The JSON Schema of the agreement file format.

use crate::model::Agreement;

/// The JSON Schema (draft 2020-12) of the agreement format. The TOML format
/// has the same structure, with dates also allowed as TOML local dates.
///
/// The schema checks shape, types, enumerations and ranges; a few rules that
/// relate fields to each other (e.g. the version history's order) are checked
/// only when a document is read. It uses only the formats JSON Schema
/// defines: a date with a day is `format: "date"` with a pattern that
/// refuses what a pattern can (year 0000, month 13, `2026-02-30`); 29
/// February of a common year is refused only where the validator asserts
/// formats. Time zones are an `enum` of the bundled database's names
/// ([`crate::values::time_zone_names`]).
///
/// ```
/// let schema = dpa_core::schema::json_schema();
/// assert_eq!(schema["title"], "Agreement");
/// ```
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Agreement);
    schema.insert(
        "$id".into(),
        "https://dpa-rs.github.io/schema/agreement-1.json".into(),
    );
    schema.insert(
        "description".into(),
        "A Dutch data processing agreement (NLdigital Data Pro Statement + standard clauses), dpa format 1."
            .into(),
    );
    schema.to_value()
}
