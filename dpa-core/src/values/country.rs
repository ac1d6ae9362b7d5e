//! Countries and places: [`Country`] (an assigned ISO 3166-1 alpha-2 code),
//! [`Region`] and [`Location`], and the one definition of the EEA.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

/// The EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway
/// (EEA Agreement; the United Kingdom left on 2020-01-31). Greece is `GR` in
/// ISO 3166-1 (EU texts write `EL`). Sources: TEU art. 52(1) (the member
/// states); EEA Agreement, OJ L 1, 3.1.1994, p. 3; the Commission's adequacy
/// page lists "EU (and Norway, Liechtenstein and Iceland)".
///
/// This is the one definition of the EEA: every rule asks
/// [`Country::is_eea`]. The `eea` rows of `dpa-core/data/transfer-bases.tsv`
/// repeat each member with its source, and that table's reader rejects rows
/// that are not exactly these members.
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
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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
        // One index into a table of the 26 x 26 codes: every location of
        // every sub-processor is asked this.
        static IN_EEA: std::sync::LazyLock<[bool; 26 * 26]> = std::sync::LazyLock::new(|| {
            let mut table = [false; 26 * 26];
            for code in EEA {
                if let Some(i) = alpha2_index(code) {
                    table[i] = true;
                }
            }
            table
        });
        alpha2_index(self.as_str()).is_some_and(|i| IN_EEA[i])
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
/// A set of countries as one bit per two-letter code (26 x 26): membership
/// in one lookup, for the rules that ask it of every location of every
/// sub-processor.
#[derive(Clone, Default)]
pub(crate) struct CountrySet([u64; (26 * 26usize).div_ceil(64)]);

impl CountrySet {
    /// The bit of `c`: its code's place among the 26 x 26 codes.
    fn bit(c: Country) -> Option<(usize, u64)> {
        alpha2_index(c.as_str()).map(|i| (i / 64, 1u64 << (i % 64)))
    }

    /// Adds `c`; whether it was not in the set before.
    pub(crate) fn insert(&mut self, c: Country) -> bool {
        match Self::bit(c) {
            Some((word, mask)) => {
                let new = self.0[word] & mask == 0;
                self.0[word] |= mask;
                new
            }
            None => false,
        }
    }

    /// Whether `c` is in the set.
    pub(crate) fn contains(&self, c: Country) -> bool {
        Self::bit(c).is_some_and(|(word, mask)| self.0[word] & mask != 0)
    }
}

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
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match Country::for_alpha2(s) {
            Some(c) => Ok(c),
            None => Err(not_a_code(s)),
        }
    }
}

/// The error for `s`, which is no assigned code, with what it may have
/// meant: another case of a code, an alpha-3 code, or a country's name
/// ([`names::countries_named`]).
#[cold]
fn not_a_code(s: &str) -> Error {
    let hint = if s == "EL" {
        " (Greece is `GR` in ISO 3166-1; EU texts write `EL`)".to_owned()
    } else if let Ok(c) = isocountry::CountryCode::for_alpha2_caseless(s) {
        format!(" (codes are upper case: did you mean `{}`?)", c.alpha2())
    } else if let Ok(c) = isocountry::CountryCode::for_alpha3_caseless(s) {
        format!(
            " (that looks like an alpha-3 code: did you mean `{}`?)",
            c.alpha2()
        )
    } else {
        let named = names::countries_named(s);
        let guesses: Vec<String> = named
            .iter()
            .map(|c| format!("`{}`, {}", c.as_str(), names::english_name(*c)))
            .collect();
        if guesses.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", guesses.join(", or "))
        }
    };
    Error::invalid_value(format!(
        "`{}` is not an assigned ISO 3166-1 alpha-2 country code{hint}",
        s.escape_debug()
    ))
}

/// Countries by name, for the hint under a name written where a code is
/// expected (`Nederland`, `VS`, `Duitsland`, `UK`). Read only on the error
/// path.
///
/// The names are CLDR's (the Unicode Common Locale Data Repository), in
/// Dutch and English, long and short (`Verenigde Staten` and `VS`, `United
/// Kingdom` and `UK`), through ICU4X's `icu_locale` (its compiled CLDR
/// data); only the few names in common use that CLDR does not give are in
/// [`ALIASES`], each with its source.
mod names {

    use icu_locale::locale;
    use icu_locale::names::RegionDisplayName;
    use icu_locale::subtags::Region;

    use super::Country;

    /// Names in common use that CLDR gives in neither Dutch nor English.
    const ALIASES: [(&str, &str); 3] = [
        // The Netherlands by the name of two of its provinces, in both
        // languages; the Dutch government: "The Netherlands or Holland?"
        // (government.nl, 2020), answering that Holland is in common use
        // for the whole country.
        ("Holland", "NL"),
        // The United States as Belco's Data Pro Statement names their seat
        // ("Amerika", DPS 1.9, seed 000) and everyday Dutch does.
        ("Amerika", "US"),
        // The same in English.
        ("America", "US"),
    ];

    /// `s` compared without case, accents, spaces or punctuation:
    /// `België`, `belgie` and `Bel-gie` are one name.
    fn fold(s: &str) -> String {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(crate::values::fold_letter)
            .filter(|c| c.is_alphanumeric())
            .collect()
    }

    /// The CLDR names of `c` in `locale` (long, then short).
    fn cldr(c: Country, dutch: bool) -> [Option<String>; 2] {
        let Ok(region) = Region::try_from_str(c.as_str()) else {
            return [None, None];
        };
        let prefs = || {
            if dutch {
                locale!("nl").into()
            } else {
                locale!("en").into()
            }
        };
        [
            RegionDisplayName::try_new_light(prefs(), region)
                .ok()
                .map(|n| n.to_string()),
            RegionDisplayName::try_new_short_light(prefs(), region)
                .ok()
                .map(|n| n.to_string()),
        ]
    }

    /// The countries named `s` in Dutch or English (CLDR, or [`ALIASES`]).
    ///
    /// Only an error message asks, so the names are compared where they are,
    /// in code order, with nothing kept between calls: the library holds no
    /// table of names (its only global state stays the time-zone cache).
    pub(super) fn countries_named(s: &str) -> Vec<Country> {
        let folded = fold(s);
        let mut found = Vec::new();
        if folded.is_empty() {
            return found;
        }
        for c in Country::all() {
            let named = [cldr(c, true), cldr(c, false)]
                .into_iter()
                .flatten()
                .flatten()
                .any(|name| fold(&name) == folded);
            if named {
                found.push(c);
            }
        }
        for (name, code) in ALIASES {
            if let Some(c) = Country::for_alpha2(code)
                && fold(name) == folded
                && !found.contains(&c)
            {
                found.push(c);
            }
        }
        found
    }

    /// Every country's CLDR names in Dutch and English, long and short, and
    /// the [`ALIASES`], each as [`fold`] folds it, for a caller that looks
    /// up many names at once (`dpa import`): built when asked, not kept.
    pub(super) fn all_names() -> Vec<(String, Country)> {
        let mut out = Vec::new();
        for c in Country::all() {
            for name in [cldr(c, true), cldr(c, false)]
                .into_iter()
                .flatten()
                .flatten()
            {
                out.push((fold(&name), c));
            }
        }
        for (name, code) in ALIASES {
            if let Some(c) = Country::for_alpha2(code) {
                out.push((fold(name), c));
            }
        }
        out
    }

    /// `s` folded as the names of [`all_names`] are.
    pub(super) fn key(s: &str) -> String {
        fold(s)
    }

    /// The English CLDR name of `c` (ISO 3166-1's short name where CLDR
    /// has none).
    pub(super) fn english_name(c: Country) -> String {
        let [long, _] = cldr(c, false);
        long.unwrap_or_else(|| c.name().to_owned())
    }
}

/// Countries by their Dutch and English names (CLDR, through
/// `icu_locale`, and the few aliases CLDR lacks): the table of names is built
/// once for a caller that looks up many (`dpa import`), and dropped with it.
#[derive(Debug, Clone)]
pub struct CountryNames(Vec<(String, Country)>);

impl CountryNames {
    /// Builds the table.
    pub fn new() -> CountryNames {
        CountryNames(names::all_names())
    }

    /// The country `s` names (`Nederland`, `Verenigde Staten`, `VS`,
    /// `Germany`, `Amerika`), compared without case, accents, spaces or
    /// punctuation; `None` for no country or more than one.
    pub fn find(&self, s: &str) -> Option<Country> {
        let k = names::key(s);
        if k.is_empty() {
            return None;
        }
        let mut found = self.0.iter().filter(|(n, _)| *n == k).map(|(_, c)| *c);
        let first = found.next()?;
        found.all(|c| c == first).then_some(first)
    }
}

impl Default for CountryNames {
    fn default() -> Self {
        CountryNames::new()
    }
}

impl TryFrom<String> for Country {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

/// Written as its two-letter code, a `&'static str` (no `String` is made:
/// a report names each country of each sub-processor).
impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "EU" => Ok(Location::Region(Region::Eu)),
            "EEA" => Ok(Location::Region(Region::Eea)),
            _ => s
                .parse()
                .map(Location::Country)
                .map_err(|e| Error::invalid_value(format!("{e}; a region is `EU` or `EEA`"))),
        }
    }
}

impl TryFrom<String> for Location {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
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

#[cfg(test)]
mod reading {
    use super::Country;

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
}
