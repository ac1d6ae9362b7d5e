//! The Dutch public holidays of a year under the Algemene termijnenwet as a
//! report (`dpa holidays`).

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeSeq;
use time::Date;

use super::Report;
use crate::calendar::{NlHoliday, public_holidays};
use crate::error::Result;
use crate::values::iso_date;

/// The public holidays of a year (Atw art. 3, with the days the Crown
/// designated), in date order.
///
/// JSON: `[{"date", "dutch_name", "legal_basis", "name"}, ...]`. Text: one
/// line per day, the ISO date, the English and the Dutch name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HolidaysReport {
    /// The year.
    pub year: i32,
    /// Each day and which holiday it is.
    pub days: Vec<(Date, NlHoliday)>,
}

impl HolidaysReport {
    /// The holidays of `year`.
    ///
    /// # Errors
    /// As [`public_holidays`]: a year outside the supported range.
    pub fn new(year: i32) -> Result<HolidaysReport> {
        Ok(HolidaysReport {
            year,
            days: public_holidays(year)?,
        })
    }
}

impl fmt::Display for HolidaysReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (d, h) in &self.days {
            writeln!(
                f,
                "{} {} ({})",
                iso_date::format(*d),
                h.name(),
                h.dutch_name()
            )?;
        }
        Ok(())
    }
}

/// One day in the JSON form.
#[derive(Serialize)]
struct Day {
    date: String,
    dutch_name: &'static str,
    legal_basis: &'static str,
    name: &'static str,
}

impl Serialize for HolidaysReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.days.len()))?;
        for (d, h) in &self.days {
            seq.serialize_element(&Day {
                date: iso_date::format(*d),
                name: h.name(),
                dutch_name: h.dutch_name(),
                legal_basis: h.legal_basis(),
            })?;
        }
        seq.end()
    }
}

impl Report for HolidaysReport {
    fn fails(&self) -> bool {
        false
    }
}
