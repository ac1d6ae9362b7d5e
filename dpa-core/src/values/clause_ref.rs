//! Clause references: [`ClauseRef`], where a term comes from (`DPS 1.13`,
//! `clause 2.6.3`), and [`join_refs`] to show a list of them.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

/// Where a term comes from: an item of the Data Pro Statement (`DPS 1.13`,
/// `DPS 12`, `DPS bullet 5`) or a standard clause (`clause 2.6.3`,
/// `clause 6.3`). Findings and deadlines carry these to the user.
///
/// ```
/// use dpa_core::values::ClauseRef;
/// assert!("DPS 1.13".parse::<ClauseRef>().is_ok());
/// assert!("clause 2.6.3".parse::<ClauseRef>().is_ok());
/// assert!("art 5".parse::<ClauseRef>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ClauseRef(String);

impl ClauseRef {
    /// The reference as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it points into the Data Pro Statement (as opposed to the
    /// standard clauses).
    pub fn is_statement(&self) -> bool {
        self.0.starts_with("DPS ")
    }
}

impl FromStr for ClauseRef {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let rest = s.strip_prefix("DPS ").or_else(|| s.strip_prefix("clause "));
        match rest {
            Some(r)
                if r.len() <= 64
                    && r.bytes().any(|b| b != b' ')
                    && r.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'(' | b')' | b'-')
                    }) =>
            {
                Ok(ClauseRef(s.to_owned()))
            }
            _ => Err(Error::invalid_value(format!(
                "`{}` is not a clause reference: expected `DPS <item>` (e.g. `DPS 1.13`) or `clause <number>` (e.g. `clause 2.6.3`)",
                s.escape_debug()
            ))),
        }
    }
}

impl TryFrom<String> for ClauseRef {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<ClauseRef> for String {
    fn from(c: ClauseRef) -> String {
        c.0
    }
}

impl fmt::Display for ClauseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for ClauseRef {
    fn schema_name() -> Cow<'static, str> {
        "ClauseRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^(DPS|clause) [A-Za-z0-9 .()-]+$",
            "description": "`DPS <item>` or `clause <number>`."
        })
    }
}

/// Joins references for display: `DPS 1.11, clause 2.6.3`.
pub fn join_refs(refs: &[ClauseRef]) -> String {
    // One allocation of the exact size: deadlines build a citation per call.
    let len = refs.iter().map(|r| r.as_str().len() + 2).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(2));
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(r.as_str());
    }
    out
}
