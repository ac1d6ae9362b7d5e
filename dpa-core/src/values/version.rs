//! Statement versions: [`Version`], dotted numbers that compare numerically.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

/// A statement version: one to four dot-separated numbers without leading
/// zeros (`1.0`, `1.2.2`, `1.3`). Versions compare numerically.
///
/// ```
/// use dpa_core::values::Version;
/// let a: Version = "1.2.2".parse().unwrap();
/// let b: Version = "1.3".parse().unwrap();
/// assert!(a < b);
/// assert!("1.02".parse::<Version>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Version(Vec<u32>);

impl Version {
    /// The numbers of the version.
    pub fn parts(&self) -> &[u32] {
        &self.0
    }
}

impl FromStr for Version {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || {
            format!(
                "`{}` is not a version: expected one to four dot-separated numbers such as `1.3` or `1.2.2`",
                s.escape_debug()
            )
        };
        let parts: Vec<&str> = s.split('.').collect();
        if parts.is_empty() || parts.len() > 4 {
            return Err(Error::invalid_value(bad()));
        }
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let ok = !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p == "0" || !p.starts_with('0'));
            if !ok {
                return Err(Error::invalid_value(bad()));
            }
            out.push(p.parse().map_err(|_| Error::invalid_value(bad()))?);
        }
        Ok(Version(out))
    }
}

impl TryFrom<String> for Version {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<Version> for String {
    fn from(v: Version) -> String {
        v.to_string()
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl JsonSchema for Version {
    fn schema_name() -> Cow<'static, str> {
        "Version".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^(0|[1-9][0-9]{0,8})(\\.(0|[1-9][0-9]{0,8})){0,3}$",
            "description": "A version such as `1.3` or `1.2.2`."
        })
    }
}
