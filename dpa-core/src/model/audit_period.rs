//! [`AuditPeriod`]: the period of "at most N audits per period" (clause
//! 2.7.4 / 7.5) and the reading the agreement file takes of it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::{Term, TermUnit};

/// The period of "at most N audits per period" ("maximaal éénmaal per
/// jaar", clause 2.7.4 / 7.5; "eens per twee jaar"): its length in months
/// or years and the reading the file takes of it (docs/rules.md rule 6).
/// Written `period = "rolling-12-months"` or `period = "calendar-year"` (a
/// year, as files have always written it), or, for another length,
/// `period = { rolling = "2 years" }` or `period = { calendar = "6 months" }`.
///
/// ```
/// use dpa_core::model::{AuditPeriod, AuditReading};
/// let p: AuditPeriod = serde_json::from_str(r#"{"rolling": "2 years"}"#)?;
/// assert_eq!((p.reading(), p.length().to_string().as_str()), (AuditReading::Rolling, "2 years"));
/// assert_eq!(serde_json::to_string(&AuditPeriod::ROLLING_12_MONTHS)?, r#""rolling-12-months""#);
/// assert!(serde_json::from_str::<AuditPeriod>(r#"{"rolling": "6 weeks"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct AuditPeriod {
    reading: AuditReading,
    length: Term,
}

spelled_enum! {
    /// How an audit period is counted.
    #[non_exhaustive]
    pub enum AuditReading ("audit period reading") {
        /// From the audit: the period ends the length after it (months
        /// added under the month rule).
        Rolling = "rolling",
        /// In whole calendar units: the calendar year (for a length in
        /// years) or month (in months) the audit falls in and the following
        /// ones, the length in all; the next period starts on the first day
        /// after them.
        Calendar = "calendar",
    }
}

impl AuditPeriod {
    /// Per calendar year (1 January to 31 December): `"calendar-year"`.
    pub const CALENDAR_YEAR: AuditPeriod = AuditPeriod {
        reading: AuditReading::Calendar,
        length: Term::YEAR,
    };
    /// Per rolling twelve months from the previous audit: `"rolling-12-months"`.
    pub const ROLLING_12_MONTHS: AuditPeriod = AuditPeriod {
        reading: AuditReading::Rolling,
        length: Term::TWELVE_MONTHS,
    };

    /// Makes the period.
    ///
    /// # Errors
    /// When `length` is not a whole number of months or years, at least one.
    pub fn new(reading: AuditReading, length: Term) -> Result<AuditPeriod, Error> {
        match length.in_months() {
            Some(m) if m >= 1 => Ok(AuditPeriod { reading, length }),
            Some(_) => Err(Error::invalid_value(format!(
                "an audit period is at least 1 month, got {length}"
            ))),
            None => Err(Error::invalid_value(format!(
                "an audit period is counted in months or years (e.g. `2 years`, `6 months`), not in {}",
                length.unit()
            ))),
        }
    }

    /// The reading.
    pub const fn reading(self) -> AuditReading {
        self.reading
    }

    /// The length, in months or years.
    pub const fn length(self) -> Term {
        self.length
    }

    /// The period in words: `calendar year`, `rolling 12 months`, `rolling
    /// 2 years`, `2 calendar years`, `6 calendar months`.
    pub fn describe(self) -> String {
        let n = self.length.count();
        match (self.reading, self.length.unit(), n) {
            (AuditReading::Rolling, _, _) => format!("rolling {}", self.length),
            (_, TermUnit::Years, 1) => "calendar year".to_owned(),
            (_, TermUnit::Years, _) => format!("{n} calendar years"),
            (_, _, 1) => "calendar month".to_owned(),
            _ => format!("{n} calendar months"),
        }
    }

    /// The length in months (a year is 12).
    pub fn months(self) -> u32 {
        self.length.in_months().unwrap_or(0)
    }

    /// The spelling of the two periods files have always written, where
    /// this is one of them.
    fn legacy(self) -> Option<&'static str> {
        if self == AuditPeriod::CALENDAR_YEAR {
            Some("calendar-year")
        } else if self == AuditPeriod::ROLLING_12_MONTHS {
            Some("rolling-12-months")
        } else {
            None
        }
    }
}

impl std::fmt::Display for AuditPeriod {
    /// `calendar-year`, `rolling-12-months`, or `rolling 2 years`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.legacy() {
            Some(s) => f.write_str(s),
            None => write!(f, "{} {}", self.reading, self.length),
        }
    }
}

impl Serialize for AuditPeriod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self.legacy() {
            Some(legacy) => s.serialize_str(legacy),
            None => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(self.reading.as_str(), &self.length)?;
                m.end()
            }
        }
    }
}

const AUDIT_PERIOD_EXPECTED: &str = "an audit period: \"rolling-12-months\", \"calendar-year\", or a table such as { rolling = \"2 years\" } or { calendar = \"6 months\" }";

impl<'de> Deserialize<'de> for AuditPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = AuditPeriod;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(AUDIT_PERIOD_EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<AuditPeriod, E> {
                match s {
                    "calendar-year" => Ok(AuditPeriod::CALENDAR_YEAR),
                    "rolling-12-months" => Ok(AuditPeriod::ROLLING_12_MONTHS),
                    _ => Err(E::custom(format_args!(
                        "unknown audit period `{}`: expected {AUDIT_PERIOD_EXPECTED}",
                        s.escape_debug()
                    ))),
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<AuditPeriod, A::Error> {
                let Some(reading) = map.next_key::<AuditReading>()? else {
                    return Err(serde::de::Error::custom(format_args!(
                        "expected {AUDIT_PERIOD_EXPECTED}, got an empty table"
                    )));
                };
                let length: Term = map.next_value()?;
                let period = AuditPeriod::new(reading, length)
                    .map_err(|e| serde::de::Error::custom(field_message(reading.as_str(), e)))?;
                if let Some(other) = map.next_key::<AuditReading>()? {
                    return Err(serde::de::Error::custom(field_message(
                        other.as_str(),
                        "give one reading of the audit period: `rolling` or `calendar`, not both",
                    )));
                }
                Ok(period)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for AuditPeriod {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AuditPeriod".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // A length in months or years, at least a month (`AuditPeriod::new`).
        let term = schemars::json_schema!({
            "type": "string",
            "pattern": Term::pattern(&[TermUnit::Months, TermUnit::Years], 1),
            "description": "A length in months or years, at least a month: `6 months`, `2 years`.",
            "examples": ["6 months", "2 years"]
        });
        schemars::json_schema!({
            "description": "The period of \"at most N audits per period\" and the reading taken of it: \"rolling-12-months\" (from the previous audit), \"calendar-year\" (per calendar year), or another length in months or years, { \"rolling\": \"2 years\" } or { \"calendar\": \"6 months\" }.",
            "oneOf": [
                {
                    "const": "calendar-year",
                    "description": "Per calendar year (1 January to 31 December).",
                    "type": "string"
                },
                {
                    "const": "rolling-12-months",
                    "description": "Per rolling twelve months from the previous audit.",
                    "type": "string"
                },
                {
                    "type": "object",
                    "properties": { "rolling": term.clone(), "calendar": term },
                    "minProperties": 1,
                    "maxProperties": 1,
                    "additionalProperties": false
                }
            ]
        })
    }
}
