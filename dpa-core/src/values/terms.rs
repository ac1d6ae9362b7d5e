//! Bounded terms: [`Months`], [`Days`], [`Hours`], [`Count`] and
//! [`UndueDelayHours`], each a whole number checked against its bounds when
//! it is made.

use std::borrow::Cow;
use std::fmt;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

macro_rules! bounded_term {
    ($(#[$doc:meta])* $name:ident, $inner:ty, $min:expr, $max:expr, $unit:literal, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(into = "i64")]
        pub struct $name($inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = super::whole_number(
                    d,
                    concat!("a whole number of ", $unit, ", e.g. ", $example),
                )?;
                $name::new(n).map_err(serde::de::Error::custom)
            }
        }

        impl $name {
            /// The smallest value allowed.
            pub const MIN: $inner = $min;
            /// The largest value allowed.
            pub const MAX: $inner = $max;

            /// Makes the term.
            ///
            /// # Errors
            /// When `n` is outside the allowed bounds (see [`Self::MIN`] and [`Self::MAX`]).
            pub fn new(n: i64) -> Result<Self, Error> {
                if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&n) {
                    // In range, so the conversion cannot fail.
                    <$inner>::try_from(n).map($name).map_err(|e| Error::invalid_value(e.to_string()))
                } else {
                    Err(Error::invalid_value(format!(
                        "must be between {} and {} {}, got {n}",
                        Self::MIN,
                        Self::MAX,
                        $unit
                    )))
                }
            }

            /// The number.
            pub const fn get(self) -> $inner {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = Error;
            fn try_from(n: i64) -> Result<Self, Error> {
                $name::new(n)
            }
        }

        impl From<$name> for i64 {
            fn from(t: $name) -> i64 {
                i64::from(t.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} {}", self.0, $unit)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "integer",
                    "minimum": Self::MIN,
                    "maximum": Self::MAX,
                    "description": concat!("A number of ", $unit, ".")
                })
            }
        }
    };
}

bounded_term!(
    /// A term in calendar months, 1 to 120.
    ///
    /// ```
    /// use dpa_core::values::Months;
    /// assert_eq!(Months::new(3).unwrap().get(), 3);
    /// assert!(Months::new(0).is_err());
    /// assert!(Months::new(-3).is_err());
    /// ```
    Months, u16, 1, 120, "months", "3"
);
bounded_term!(
    /// A term in hours, 1 to 8760 (a year).
    Hours, u16, 1, 8760, "hours", "24"
);
bounded_term!(
    /// A term in calendar days, 0 to 3650.
    Days, u16, 0, 3650, "days", "14"
);
bounded_term!(
    /// A count per period (e.g. audits per year), 1 to 365.
    Count, u16, 1, 365, "times", "1"
);
bounded_term!(
    /// The bound, in hours after a breach is discovered, past which the
    /// timeline reports a notice owed "without undue delay" as `late`: 1 to
    /// 72. At most 72: by then the controller's own 72 hours to notify the
    /// supervisory authority (GDPR art. 33(1)) would be spent had it known
    /// of the breach when the processor did. The default is 72
    /// (docs/rules.md, "The timeline").
    ///
    /// ```
    /// use dpa_core::values::UndueDelayHours;
    /// assert_eq!(UndueDelayHours::default().get(), 72);
    /// assert_eq!(UndueDelayHours::new(24).unwrap().get(), 24);
    /// assert!(UndueDelayHours::new(73).is_err());
    /// ```
    UndueDelayHours, u8, 1, 72, "hours", "72"
);

impl Default for UndueDelayHours {
    /// 72 hours: the latest bound allowed (GDPR art. 33(1)).
    fn default() -> Self {
        UndueDelayHours(Self::MAX)
    }
}
