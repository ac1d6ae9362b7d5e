//! The Algemene termijnenwet calendar: Dutch generally recognised holidays and
//! business days (docs/rules.md rule 5).

use std::fmt;

use time::{Date, Month, Weekday};

use super::easter::{self, easter_sunday};
use super::months::is_leap_year;
use crate::error::RangeError;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::sources::designated_days::{self as designated, is_designated};
use crate::{Error, Result};

/// The day the Algemene termijnenwet came into force: 1 April 1965.
///
/// No day before it is a holiday in the sense of the Act (see [`public_holiday`]).
pub const ATW_IN_FORCE: Date = match Date::from_calendar_date(1965, Month::April, 1) {
    Ok(date) => date,
    Err(_) => panic!("1965-04-01 is a valid date"),
};

/// First year with Koningsdag on 27 April (KB of 30 January 2013, Stcrt. 2013, 4075).
const KINGS_DAY_FROM: i32 = 2014;
/// First year in which a Sunday Koninginnedag moved to the Saturday before
/// (KB of 24 April 1980, nr. 11); earlier it moved to Monday 1 May.
const QUEENS_DAY_SATURDAY_FROM: i32 = 1980;
/// First year with 5 May in Atw art. 3(1).
const LIBERATION_DAY_FROM: i32 = 1982;

// Days of a common year (ordinal with any 29 February left out).
const JAN_1: u16 = 1;
const APR_26: u16 = 116;
const APR_27: u16 = 117;
const APR_29: u16 = 119;
const APR_30: u16 = 120;
const MAY_1: u16 = 121;
const MAY_5: u16 = 125;
const DEC_25: u16 = 359;
const DEC_26: u16 = 360;
/// Earliest Good Friday (20 March) and latest Whit Monday (14 June), as days of
/// a common year: every statutory holiday other than 1 January and 25 and 26
/// December lies in this window.
const SPRING: std::ops::RangeInclusive<u16> = 79..=165;

/// A generally recognised Dutch holiday in the sense of art. 3 of the Algemene
/// termijnenwet (Atw), or a day equal to one.
///
/// Art. 3(1) lists New Year's Day, Easter Monday, Whit Monday, both Christmas
/// days, Ascension Day, the day on which the King's birthday is celebrated and
/// 5 May; art. 3(2) adds Good Friday; under art. 3(3) the Crown may designate
/// further days ([`NlHoliday::DesignatedDay`]). Easter Sunday and Whit Sunday
/// are not in the list: they are Sundays anyway.
///
/// ```
/// use dpa_core::calendar::{public_holiday, NlHoliday};
/// use time::macros::date;
///
/// let day = public_holiday(date!(2026-04-27)).unwrap();
/// assert_eq!(day, NlHoliday::KingsDay);
/// assert_eq!(day.name(), "King's Day");
/// assert_eq!(day.dutch_name(), "Koningsdag");
/// assert_eq!(day.legal_basis(), "Atw art. 3(1)");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NlHoliday {
    /// Nieuwjaarsdag, 1 January (art. 3(1); from 1966, as the Act came into
    /// force on 1 April 1965).
    NewYearsDay,
    /// Goede Vrijdag, two days before Easter Sunday (art. 3(2)).
    GoodFriday,
    /// Tweede Paasdag, the day after Easter Sunday (art. 3(1)).
    EasterMonday,
    /// Koningsdag, from 2014: 27 April, or Saturday 26 April when the 27th is a
    /// Sunday (art. 3(1), "de dag waarop de verjaardag van de Koning wordt
    /// gevierd"; KB of 30 January 2013, Stcrt. 2013, 4075, BWBR0032908).
    KingsDay,
    /// Koninginnedag, 1965 to 2013: 30 April. When the 30th was a Sunday it was
    /// celebrated on Monday 1 May until 1979 (1967, 1972, 1978) and on Saturday
    /// 29 April from 1980 (1989, 1995, 2000, 2006) (art. 3(1); KB of 24 April
    /// 1980, nr. 11, BWBR0031338, "behoudens uitzonderingen in verband met
    /// zondagen"; the Monday rule before 1980 after overzicht-feestdagen.nl and
    /// python-holidays).
    QueensDay,
    /// Bevrijdingsdag, 5 May, every year from 1982: the amendment of art. 3(1)
    /// that added "de vijfde mei" was introduced on 18 June 1981 and adopted
    /// at the start of 1982 (nl.wikipedia "Algemene termijnenwet",
    /// wetsgeschiedenis; python-holidays: "adopted ... in the Atw on January
    /// 5th, 1982"). The "once in five years" rule comes from labour
    /// agreements, not from the Act.
    LiberationDay,
    /// Hemelvaartsdag, 39 days after Easter Sunday (art. 3(1)).
    AscensionDay,
    /// Tweede Pinksterdag, 50 days after Easter Sunday (art. 3(1)).
    WhitMonday,
    /// Eerste Kerstdag, 25 December (art. 3(1)).
    ChristmasDay,
    /// Tweede Kerstdag, 26 December (art. 3(1)).
    BoxingDay,
    /// A day the Crown designated by royal decree under art. 3(3) (see
    /// [`designated_days`](super::designated_days)).
    DesignatedDay,
}

impl NlHoliday {
    /// Every holiday kind, in declaration order.
    pub const ALL: [NlHoliday; 11] = [
        NlHoliday::NewYearsDay,
        NlHoliday::GoodFriday,
        NlHoliday::EasterMonday,
        NlHoliday::KingsDay,
        NlHoliday::QueensDay,
        NlHoliday::LiberationDay,
        NlHoliday::AscensionDay,
        NlHoliday::WhitMonday,
        NlHoliday::ChristmasDay,
        NlHoliday::BoxingDay,
        NlHoliday::DesignatedDay,
    ];

    /// The English name, e.g. `"Whit Monday"`.
    pub const fn name(self) -> &'static str {
        match self {
            NlHoliday::NewYearsDay => "New Year's Day",
            NlHoliday::GoodFriday => "Good Friday",
            NlHoliday::EasterMonday => "Easter Monday",
            NlHoliday::KingsDay => "King's Day",
            NlHoliday::QueensDay => "Queen's Day",
            NlHoliday::LiberationDay => "Liberation Day",
            NlHoliday::AscensionDay => "Ascension Day",
            NlHoliday::WhitMonday => "Whit Monday",
            NlHoliday::ChristmasDay => "Christmas Day",
            NlHoliday::BoxingDay => "Boxing Day",
            NlHoliday::DesignatedDay => "Designated day",
        }
    }

    /// The Dutch name, e.g. `"Tweede Pinksterdag"`.
    pub const fn dutch_name(self) -> &'static str {
        match self {
            NlHoliday::NewYearsDay => "Nieuwjaarsdag",
            NlHoliday::GoodFriday => "Goede Vrijdag",
            NlHoliday::EasterMonday => "Tweede Paasdag",
            NlHoliday::KingsDay => "Koningsdag",
            NlHoliday::QueensDay => "Koninginnedag",
            NlHoliday::LiberationDay => "Bevrijdingsdag",
            NlHoliday::AscensionDay => "Hemelvaartsdag",
            NlHoliday::WhitMonday => "Tweede Pinksterdag",
            NlHoliday::ChristmasDay => "Eerste Kerstdag",
            NlHoliday::BoxingDay => "Tweede Kerstdag",
            NlHoliday::DesignatedDay => "Gelijkgestelde dag",
        }
    }

    /// The provision that makes the day a holiday: `"Atw art. 3(1)"`,
    /// `"Atw art. 3(2)"` (Good Friday) or `"Atw art. 3(3)"` (designated days).
    pub const fn legal_basis(self) -> &'static str {
        match self {
            NlHoliday::GoodFriday => "Atw art. 3(2)",
            NlHoliday::DesignatedDay => "Atw art. 3(3)",
            _ => "Atw art. 3(1)",
        }
    }
}

impl fmt::Display for NlHoliday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Weekday of a Gregorian date as 0 = Sunday ... 6 = Saturday (Sakamoto's
/// method; for years ≥ 1).
const fn weekday_from_sunday(year: i32, month: usize, day: i32) -> i32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    (y + y / 4 - y / 100 + y / 400 + T[month - 1] + day) % 7
}

/// The day the monarch's birthday is celebrated in `year` (≥ 1965), as a day of
/// a common year: Koningsdag from 2014, Koninginnedag before.
const fn royal_day(year: i32) -> u16 {
    const SUNDAY: i32 = 0;
    if year >= KINGS_DAY_FROM {
        if weekday_from_sunday(year, 4, 27) == SUNDAY {
            APR_26
        } else {
            APR_27
        }
    } else if weekday_from_sunday(year, 4, 30) != SUNDAY {
        APR_30
    } else if year >= QUEENS_DAY_SATURDAY_FROM {
        APR_29
    } else {
        MAY_1
    }
}

/// What the holiday test needs to know about a year, packed in 16 bits:
/// Easter Sunday's common-year ordinal (bits 0–6), leap year (bit 7), the
/// common-year ordinal of King's/Queen's Day minus 100 (bits 8–12) and the
/// weekday of 1 January, 0 = Sunday (bits 13–15).
const fn year_entry(year: i32) -> u16 {
    easter::common_ordinal(year)
        | (is_leap_year(year) as u16) << 7
        | (royal_day(year) - 100) << 8
        | (weekday_from_sunday(year, 1, 1) as u16) << 13
}

/// First and last year of [`YEARS`].
const YEARS_FIRST: i32 = 1965;
const YEARS_LAST: i32 = if Date::MAX.year() < 9999 {
    Date::MAX.year()
} else {
    9999
};

/// [`year_entry`] for every year from 1965 to 9999, computed at compile time
/// (16 KiB), so that [`public_holiday`] does no date arithmetic at all.
static YEARS: [u16; (YEARS_LAST - YEARS_FIRST + 1) as usize] = {
    let mut table = [0u16; (YEARS_LAST - YEARS_FIRST + 1) as usize];
    let mut i = 0;
    while i < table.len() {
        table[i] = year_entry(YEARS_FIRST + i as i32);
        i += 1;
    }
    table
};

/// The packed [`year_entry`] of `year`, or `None` before the Atw (1965).
#[inline]
fn year_info(year: i32) -> Option<u16> {
    if year < YEARS_FIRST {
        return None;
    }
    match YEARS.get((year - YEARS_FIRST) as usize) {
        Some(&entry) => Some(entry),
        // Only with `time`'s `large-dates` feature (years past 9999).
        None => Some(year_entry(year)),
    }
}

/// First and last year of [`FAST`].
const FAST_FIRST: i32 = YEARS_FIRST;
const FAST_LAST: i32 = 2100;
const FAST_SPAN: usize = (FAST_LAST - FAST_FIRST + 1) as usize;

/// Whether the day `ordinal` of `year` (≥ 1965) is a holiday: the same rules
/// as [`public_holiday`], in a form the compiler can run.
const fn holiday_const(year: i32, ordinal: u16) -> bool {
    let info = year_entry(year);
    let leap = info & 0x80 != 0;
    let day = if leap && ordinal > 59 {
        ordinal - 1
    } else {
        ordinal
    };
    if (day == JAN_1 && year > YEARS_FIRST) || day == DEC_25 || day == DEC_26 {
        return true;
    }
    if day >= *SPRING.start() && day <= *SPRING.end() {
        let easter = info & 0x7F;
        let royal = ((info >> 8) & 0x1F) + 100;
        let diff = day.wrapping_sub(easter);
        if diff == 0xFFFE || diff == 1 || diff == 39 || diff == 50 || day == royal {
            return true;
        }
        if day == MAY_5 && year >= LIBERATION_DAY_FROM {
            return true;
        }
    }
    designated::is_designated_const(year, ordinal)
}

/// For each year 1965–2100, one bit per ordinal: `[0]` the day is a holiday,
/// `[1]` it is not a business day (a weekend or a holiday). Built at compile
/// time (13 KiB) so that [`is_public_holiday`] and [`is_business_day`] are a
/// single bit test; a test checks them against [`public_holidays`] for every
/// day of the span.
static FAST: [[[u64; 6]; 2]; FAST_SPAN] = {
    let mut table = [[[0u64; 6]; 2]; FAST_SPAN];
    let mut y = 0;
    while y < FAST_SPAN {
        let year = FAST_FIRST + y as i32;
        let info = year_entry(year);
        let days: u16 = if info & 0x80 != 0 { 366 } else { 365 };
        let mut ordinal: u16 = 1;
        while ordinal <= days {
            let holiday = holiday_const(year, ordinal);
            let weekday = ((info >> 13) + ordinal - 1) % 7;
            let (word, bit) = (ordinal as usize / 64, ordinal % 64);
            if holiday {
                table[y][0][word] |= 1 << bit;
            }
            if holiday || weekday == 0 || weekday == 6 {
                table[y][1][word] |= 1 << bit;
            }
            ordinal += 1;
        }
        y += 1;
    }
    table
};

/// The bit for `date` in table `which` of [`FAST`], or `None` outside 1965–2100.
#[inline(always)]
fn fast_bit(date: Date, which: usize) -> Option<bool> {
    let y = date.year().wrapping_sub(FAST_FIRST) as u32 as usize;
    let ordinal = date.ordinal();
    let words = FAST.get(y)?;
    let word = words[which & 1][usize::from(ordinal / 64) % 6];
    Some(word >> (ordinal % 64) & 1 == 1)
}

/// The holiday `date` is under the Algemene termijnenwet, if any.
///
/// Covers art. 3(1) and (2) for every date from 1 April 1965 ([`ATW_IN_FORCE`])
/// to the end of [`time::Date`]'s range, in the form each rule had on that date
/// (Koninginnedag until 2013, Koningsdag from 2014, 5 May from 1982), plus the
/// art. 3(3) days in the data table, which are known up to
/// [`DESIGNATED_DAYS_KNOWN_THROUGH`](super::DESIGNATED_DAYS_KNOWN_THROUGH)
/// (2028): for later years a designated day is not yet known and is not
/// reported. Before 1 April 1965 no day is a holiday in the sense of the Act,
/// so this returns `None`.
///
/// When two holidays fall on one day (5 May 2005 and 2016 were also Ascension
/// Day) the Easter-based one is returned; [`public_holidays`] names the same one.
///
/// ```
/// use dpa_core::calendar::{public_holiday, NlHoliday};
/// use time::macros::date;
///
/// assert_eq!(public_holiday(date!(2025-04-26)), Some(NlHoliday::KingsDay)); // 27th was a Sunday
/// assert_eq!(public_holiday(date!(2026-05-15)), Some(NlHoliday::DesignatedDay));
/// assert_eq!(public_holiday(date!(2006-04-29)), Some(NlHoliday::QueensDay));
/// assert_eq!(public_holiday(date!(2026-05-13)), None);
/// ```
#[inline]
pub fn public_holiday(date: Date) -> Option<NlHoliday> {
    let year = date.year();
    let info = year_info(year)?;
    let ordinal = date.ordinal();
    // The day of a common year: leave out 29 February (which becomes 28 Feb's 59).
    let leap = info & 0x80 != 0;
    let day = if leap && ordinal > 59 {
        ordinal - 1
    } else {
        ordinal
    };
    let statutory = match day {
        JAN_1 if year > YEARS_FIRST => Some(NlHoliday::NewYearsDay),
        DEC_25 => Some(NlHoliday::ChristmasDay),
        DEC_26 => Some(NlHoliday::BoxingDay),
        _ if SPRING.contains(&day) => {
            let easter = info & 0x7F;
            let royal = ((info >> 8) & 0x1F) + 100;
            match day.wrapping_sub(easter) {
                // Easter-based days first: they take precedence on a shared date.
                0xFFFE => Some(NlHoliday::GoodFriday), // -2
                1 => Some(NlHoliday::EasterMonday),
                39 => Some(NlHoliday::AscensionDay),
                50 => Some(NlHoliday::WhitMonday),
                _ if day == royal && year >= KINGS_DAY_FROM => Some(NlHoliday::KingsDay),
                _ if day == royal => Some(NlHoliday::QueensDay),
                _ if day == MAY_5 && year >= LIBERATION_DAY_FROM => Some(NlHoliday::LiberationDay),
                _ => None,
            }
        }
        _ => None,
    };
    match statutory {
        Some(holiday) => Some(holiday),
        None if is_designated(year, ordinal) => Some(NlHoliday::DesignatedDay),
        None => None,
    }
}

/// Whether `date` is a generally recognised Dutch holiday under the Algemene
/// termijnenwet (art. 3), including the days the Crown designated.
///
/// Same rules and limits as [`public_holiday`]: dates from 1 April 1965;
/// designated days known through 2028. Cheap enough for tight loops: for
/// 1965–2100 one bit test in a table built at compile time; for later years a
/// look-up in a per-year table (Easter, leap year, the royal holiday and the
/// weekday of 1 January, to 9999) and a few integer comparisons. No date
/// arithmetic, no allocation, no locks.
///
/// ```
/// use dpa_core::calendar::is_public_holiday;
/// use time::macros::date;
///
/// assert!(is_public_holiday(date!(2026-04-03))); // Good Friday (Atw art. 3(2))
/// assert!(is_public_holiday(date!(2026-05-05))); // 5 May counts every year
/// assert!(!is_public_holiday(date!(2026-04-05))); // Easter Sunday is not listed (a Sunday anyway)
/// ```
#[inline]
pub fn is_public_holiday(date: Date) -> bool {
    match fast_bit(date, 0) {
        Some(b) => b,
        None => public_holiday(date).is_some(),
    }
}

/// Whether `date` is a business day for the Algemene termijnenwet: not a
/// Saturday, not a Sunday and not a holiday ([`is_public_holiday`]).
///
/// ```
/// use dpa_core::calendar::is_business_day;
/// use time::macros::date;
///
/// assert!(is_business_day(date!(2026-05-04)));
/// assert!(!is_business_day(date!(2026-05-02))); // Saturday
/// assert!(!is_business_day(date!(2026-05-05))); // 5 May
/// ```
#[inline]
pub fn is_business_day(date: Date) -> bool {
    if let Some(closed) = fast_bit(date, 1) {
        return !closed;
    }
    let weekend = match year_info(date.year()) {
        // Weekday from the table: (weekday of 1 January + ordinal - 1) mod 7.
        Some(info) => matches!(((info >> 13) + date.ordinal() - 1) % 7, 0 | 6),
        None => matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday),
    };
    !weekend && !is_public_holiday(date)
}

/// The first business day on or after `date` ([`is_business_day`]).
///
/// # Errors
///
/// [`Error::OutOfRange`] if no business day follows before the end of
/// [`time::Date`]'s range (only possible in its last days).
///
/// ```
/// use dpa_core::calendar::next_business_day_on_or_after;
/// use time::macros::date;
///
/// assert_eq!(next_business_day_on_or_after(date!(2026-05-14))?, date!(2026-05-18));
/// assert_eq!(next_business_day_on_or_after(date!(2026-05-18))?, date!(2026-05-18));
/// # Ok::<(), dpa_core::Error>(())
/// ```
pub fn next_business_day_on_or_after(date: Date) -> Result<Date> {
    let mut day = date;
    while !is_business_day(day) {
        day = day.next_day().ok_or_else(|| {
            Error::out_of_range(format!(
                "no business day follows {date} before the end of the supported range ({})",
                Date::MAX
            ))
        })?;
    }
    Ok(day)
}

/// A term end that the Algemene termijnenwet moved from a Saturday, Sunday or
/// holiday to the next business day: the result says that it moved and from
/// which date (docs/rules.md rule 5).
///
/// Only [`shift_to_business_day`] makes one, so `shifted` is always a business
/// day after `original`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BusinessDayShift {
    original: Date,
    shifted: Date,
}

impl BusinessDayShift {
    /// The date the term ended on before the move.
    pub const fn original(&self) -> Date {
        self.original
    }

    /// The business day the term ends on after the move.
    pub const fn shifted(&self) -> Date {
        self.shifted
    }

    /// By how many calendar days the end moved (at least 1).
    pub const fn days(&self) -> i32 {
        self.shifted.to_julian_day() - self.original.to_julian_day()
    }

    /// Why the original date was not a business day: the holiday, or `None` for a
    /// plain Saturday or Sunday.
    pub fn reason(&self) -> Option<NlHoliday> {
        public_holiday(self.original)
    }
}

impl fmt::Display for BusinessDayShift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "moved from {} (", self.original)?;
        match self.reason() {
            Some(holiday) => f.write_str(holiday.name())?,
            None => write!(f, "{}", self.original.weekday())?,
        }
        write!(f, ") to {} (Algemene termijnenwet art. 1)", self.shifted)
    }
}

/// Moves a day or month term that ends on `date` to the next business day, as
/// art. 1(1) of the Algemene termijnenwet does: "verlengd tot en met de
/// eerstvolgende dag die niet een zaterdag, zondag of algemeen erkende
/// feestdag is". Returns `None` when `date` is already a business day.
///
/// By law the Act moves only statutory terms; a contract term moves only when
/// the agreement opts in (docs/rules.md rule 5), so callers apply this only then.
/// It never applies to a term in hours: the Act excludes them (art. 4), and so
/// does EU Regulation 1182/71 (art. 3(4)); see [`add_hours`](super::add_hours).
/// The Act also excludes terms longer than three months (art. 4); deciding
/// whether a term qualifies is the caller's job, not this function's.
///
/// # Errors
///
/// [`Error::OutOfRange`] if no business day follows before the end of
/// [`time::Date`]'s range.
///
/// ```
/// use dpa_core::calendar::{shift_to_business_day, NlHoliday};
/// use time::macros::date;
///
/// // Friday 15 May 2026 is a designated day (Stcrt. 2025, 24713).
/// let shift = shift_to_business_day(date!(2026-05-15))?.unwrap();
/// assert_eq!(shift.original(), date!(2026-05-15));
/// assert_eq!(shift.shifted(), date!(2026-05-18));
/// assert_eq!(shift.reason(), Some(NlHoliday::DesignatedDay));
/// assert_eq!(shift_to_business_day(date!(2026-05-18))?, None);
/// # Ok::<(), dpa_core::Error>(())
/// ```
pub fn shift_to_business_day(date: Date) -> Result<Option<BusinessDayShift>> {
    let shifted = next_business_day_on_or_after(date)?;
    Ok((shifted != date).then_some(BusinessDayShift {
        original: date,
        shifted,
    }))
}

/// Every holiday under the Algemene termijnenwet in `year`, sorted by date, one
/// entry per date (the same holiday [`public_holiday`] names for that date).
///
/// For years after
/// [`DESIGNATED_DAYS_KNOWN_THROUGH`](super::DESIGNATED_DAYS_KNOWN_THROUGH)
/// (2028) the list has the statutory days only: the Crown has not designated
/// extra days for them yet. 1965 starts on 1 April (the Act came into force
/// then), so it has no New Year's Day.
///
/// # Errors
///
/// [`Error::OutOfRange`] when `year` is outside the supported years 1 to
/// 9999 ([`crate::limits::MIN_YEAR`], [`crate::limits::MAX_YEAR`]), and for
/// a year before 1965, when the Act was not in force: it names no holidays
/// then, and the error says so rather than an empty list suggesting a year
/// without holidays.
///
/// ```
/// use dpa_core::calendar::{public_holidays, NlHoliday};
/// use time::macros::date;
///
/// let days = public_holidays(2026)?;
/// assert_eq!(days.len(), 11);
/// assert_eq!(days[0], (date!(2026-01-01), NlHoliday::NewYearsDay));
/// assert_eq!(days[1], (date!(2026-01-02), NlHoliday::DesignatedDay));
/// let before = public_holidays(1964).unwrap_err();
/// assert!(before.to_string().contains("before the Algemene termijnenwet came into force"));
/// # Ok::<(), dpa_core::Error>(())
/// ```
pub fn public_holidays(year: i32) -> Result<Vec<(Date, NlHoliday)>> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(RangeError::year(year).into());
    }
    if year < ATW_IN_FORCE.year() {
        // The message says why (`RangeKind::Year` of a year before 1965).
        return Err(RangeError::year(year).into());
    }
    let at = |month: Month, day: u8| {
        Date::from_calendar_date(year, month, day)
            .map_err(|e| Error::out_of_range(format!("{year}-{month}-{day}: {e}")))
    };
    let easter = easter_sunday(year)?;
    let from_easter = |days: i16| {
        let ordinal = easter.ordinal().checked_add_signed(days).unwrap_or(0);
        Date::from_ordinal_date(year, ordinal)
            .map_err(|e| Error::out_of_range(format!("Easter {easter} + {days} days: {e}")))
    };

    // Pushed in order of precedence: a stable sort keeps it among equal dates.
    let mut days = Vec::with_capacity(12);
    days.push((from_easter(-2)?, NlHoliday::GoodFriday));
    days.push((from_easter(1)?, NlHoliday::EasterMonday));
    days.push((from_easter(39)?, NlHoliday::AscensionDay));
    days.push((from_easter(50)?, NlHoliday::WhitMonday));
    if year > ATW_IN_FORCE.year() {
        days.push((at(Month::January, 1)?, NlHoliday::NewYearsDay));
    }
    if year >= KINGS_DAY_FROM {
        let day = at(Month::April, 27)?;
        let day = if day.weekday() == Weekday::Sunday {
            at(Month::April, 26)?
        } else {
            day
        };
        days.push((day, NlHoliday::KingsDay));
    } else {
        let day = at(Month::April, 30)?;
        let day = match day.weekday() {
            Weekday::Sunday if year >= QUEENS_DAY_SATURDAY_FROM => at(Month::April, 29)?,
            Weekday::Sunday => at(Month::May, 1)?,
            _ => day,
        };
        days.push((day, NlHoliday::QueensDay));
    }
    if year >= LIBERATION_DAY_FROM {
        days.push((at(Month::May, 5)?, NlHoliday::LiberationDay));
    }
    days.push((at(Month::December, 25)?, NlHoliday::ChristmasDay));
    days.push((at(Month::December, 26)?, NlHoliday::BoxingDay));
    days.extend(designated::in_year(year).map(|date| (date, NlHoliday::DesignatedDay)));

    days.sort_by_key(|&(date, _)| date);
    days.dedup_by_key(|&mut (date, _)| date);
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn window_covers_every_movable_feast() {
        for year in 1965..=2400 {
            let e = easter::common_ordinal(year);
            assert!(SPRING.contains(&(e - 2)) && SPRING.contains(&(e + 50)));
        }
        assert_eq!(*SPRING.start(), 79); // 20 March
        assert_eq!(*SPRING.end(), 165); // 14 June
    }

    #[test]
    fn year_table() {
        assert_eq!(YEARS[0], year_entry(1965));
        assert_eq!(year_info(1964), None);
        assert_eq!(year_info(i32::MIN), None);
        let e = year_info(2026).unwrap();
        assert_eq!(e & 0x7F, 95); // Easter 5 April 2026
        assert_eq!(e & 0x80, 0);
        assert_eq!(((e >> 8) & 0x1F) + 100, APR_27);
        assert_eq!(e >> 13, 4); // 1 January 2026 was a Thursday
        let royal = |year| ((year_info(year).unwrap() >> 8) & 0x1F) + 100;
        assert_eq!(royal(2025), APR_26);
        assert_eq!(royal(2006), APR_29);
        assert_eq!(royal(1972), MAY_1);
        assert_eq!(year_info(2024).unwrap() & 0x80, 0x80);
        for year in YEARS_FIRST..=YEARS_LAST {
            let sunday = weekday_from_sunday(year, 1, 1);
            let jan1 = Date::from_ordinal_date(year, 1).unwrap().weekday();
            assert_eq!(sunday, i32::from(jan1.number_days_from_sunday()), "{year}");
            assert_eq!(year_info(year).unwrap() >> 13, sunday as u16, "{year}");
        }
    }

    #[test]
    fn before_the_act() {
        assert_eq!(public_holiday(date!(1964 - 12 - 25)), None);
        assert_eq!(public_holiday(date!(1965 - 01 - 01)), None);
        assert_eq!(
            public_holiday(date!(1965 - 04 - 16)),
            Some(NlHoliday::GoodFriday)
        );
        assert_eq!(public_holiday(Date::MIN), None);
    }

    #[test]
    fn names() {
        for h in NlHoliday::ALL {
            assert!(!h.name().is_empty() && !h.dutch_name().is_empty());
            assert!(h.legal_basis().starts_with("Atw art. 3("));
        }
    }

    #[test]
    fn shift_display() {
        let s = shift_to_business_day(date!(2026 - 05 - 02))
            .unwrap()
            .unwrap();
        assert_eq!(
            s.to_string(),
            "moved from 2026-05-02 (Saturday) to 2026-05-04 (Algemene termijnenwet art. 1)"
        );
        assert_eq!(s.days(), 2);
    }
}
