//! Service level and reachability: office hours and incident response
//! (e.g. Belco DPS 1.15).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::macros::spelled_enum;
use crate::values::ClauseRef;

/// Service level and reachability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ServiceLevel {
    /// Whether a standard SLA is offered.
    pub standard_sla: bool,
    /// Office hours, local time in the processor's time zone.
    pub office_hours: OfficeHours,
    /// The response to a low-impact incident.
    pub low_impact_response: Response,
    /// The response to a high-impact incident.
    pub high_impact_response: Response,
    /// Where the statement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// Office hours: from `start` to `end` (whole minutes, `start` before `end`)
/// on `days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    deny_unknown_fields,
    try_from = "OfficeHoursRepr",
    into = "OfficeHoursRepr"
)]
#[schemars(with = "OfficeHoursRepr")]
pub struct OfficeHours {
    start: time::Time,
    end: time::Time,
    days: OfficeDays,
}

impl OfficeHours {
    /// Makes office hours.
    ///
    /// # Errors
    /// When a time is not a whole minute, or `end` is not after `start`.
    pub fn new(start: time::Time, end: time::Time, days: OfficeDays) -> Result<Self, Error> {
        for (name, t) in [("start", start), ("end", end)] {
            if t.second() != 0 || t.nanosecond() != 0 {
                return Err(Error::invalid_value(format!(
                    "{name} must be a whole minute"
                )));
            }
        }
        if end <= start {
            return Err(Error::invalid_value(format!(
                "end {:02}:{:02} must be after start {:02}:{:02}",
                end.hour(),
                end.minute(),
                start.hour(),
                start.minute()
            )));
        }
        Ok(OfficeHours { start, end, days })
    }

    /// Opening time, local.
    pub fn start(&self) -> time::Time {
        self.start
    }

    /// Closing time, local.
    pub fn end(&self) -> time::Time {
        self.end
    }

    /// The days office hours are kept.
    pub fn days(&self) -> OfficeDays {
        self.days
    }
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct OfficeHoursRepr {
    /// Opening time, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    start: String,
    /// Closing time, `HH:MM`, after `start`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    end: String,
    /// The days.
    days: OfficeDays,
}

fn parse_hh_mm(s: &str, field: &str) -> Result<time::Time, Error> {
    let b = s.as_bytes();
    let ok = b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
    let parsed = ok
        .then(|| {
            let h = (b[0] - b'0') * 10 + (b[1] - b'0');
            let m = (b[3] - b'0') * 10 + (b[4] - b'0');
            time::Time::from_hms(h, m, 0).ok()
        })
        .flatten();
    parsed.ok_or_else(|| {
        Error::invalid_value(format!(
            "{field}: `{}` is not a time of day HH:MM",
            s.escape_debug()
        ))
    })
}

impl TryFrom<OfficeHoursRepr> for OfficeHours {
    type Error = Error;
    fn try_from(r: OfficeHoursRepr) -> Result<Self, Error> {
        let start = parse_hh_mm(&r.start, "start")?;
        let end = parse_hh_mm(&r.end, "end")?;
        OfficeHours::new(start, end, r.days)
    }
}

impl From<OfficeHours> for OfficeHoursRepr {
    fn from(o: OfficeHours) -> Self {
        OfficeHoursRepr {
            start: format!("{:02}:{:02}", o.start.hour(), o.start.minute()),
            end: format!("{:02}:{:02}", o.end.hour(), o.end.minute()),
            days: o.days,
        }
    }
}

spelled_enum! {
    /// Which days office hours are kept.
    #[non_exhaustive]
    pub enum OfficeDays ("office days") {
        /// Monday to Friday.
        MondayToFriday = "monday-to-friday",
        /// Monday to Friday except Dutch public holidays (Atw art. 3).
        MondayToFridayExceptNlHolidays = "monday-to-friday-except-nl-holidays",
    }
}

spelled_enum! {
    /// How soon the processor works on an incident.
    #[non_exhaustive]
    pub enum Response ("response") {
        /// At once, around the clock.
        Immediately = "immediately",
        /// Within the next office hours: no later than the end of the first
        /// office-hours period that ends after the report (Belco DPS 1.15,
        /// "binnen de eerstvolgende kantooruren").
        NextOfficeHours = "next-office-hours",
    }
}
