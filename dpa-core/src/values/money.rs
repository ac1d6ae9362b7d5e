//! Money: [`EurCents`], an exact amount in euro cents.

use std::borrow::Cow;
use std::fmt;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// An exact amount of money in euro cents, never negative (at most EUR 10
/// billion). Written in documents as an integer number of cents.
///
/// ```
/// use dpa_core::values::EurCents;
/// let rate = EurCents::new(12_000).unwrap();
/// assert_eq!(rate.to_string(), "EUR 120.00");
/// assert!(EurCents::new(-1).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "i64")]
pub struct EurCents(u64);

impl<'de> Deserialize<'de> for EurCents {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = super::whole_number(d, "a whole number of euro cents, e.g. 12000 for EUR 120")?;
        EurCents::new(n).map_err(serde::de::Error::custom)
    }
}

impl EurCents {
    /// The largest amount accepted: EUR 10,000,000,000.00.
    pub const MAX: u64 = 1_000_000_000_000;

    /// Makes an amount.
    ///
    /// # Errors
    /// When `cents` is negative or above [`Self::MAX`].
    pub fn new(cents: i64) -> Result<Self, Error> {
        match u64::try_from(cents) {
            Ok(c) if c <= Self::MAX => Ok(EurCents(c)),
            Ok(_) => Err(Error::invalid_value(format!(
                "must be at most {} cents, got {cents}",
                Self::MAX
            ))),
            Err(_) => Err(Error::invalid_value(format!(
                "an amount of money must not be negative, got {cents}"
            ))),
        }
    }

    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.0
    }
}

impl TryFrom<i64> for EurCents {
    type Error = Error;
    fn try_from(n: i64) -> Result<Self, Error> {
        EurCents::new(n)
    }
}

impl From<EurCents> for i64 {
    fn from(m: EurCents) -> i64 {
        // MAX fits in i64.
        i64::try_from(m.0).unwrap_or(i64::MAX)
    }
}

impl fmt::Display for EurCents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EUR {}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl JsonSchema for EurCents {
    fn schema_name() -> Cow<'static, str> {
        "EurCents".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": Self::MAX,
            "description": "An amount in euro cents (12000 = EUR 120.00)."
        })
    }
}
