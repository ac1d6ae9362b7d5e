//! Calendar arithmetic and the Dutch time-limit calendar.
//!
//! Two groups of functions live here:
//!
//! * **Term arithmetic** (docs/rules.md, rules 1–3): [`add_months`] with a
//!   [`MonthRule`], [`add_days`] and [`add_hours`]. Month terms are always added
//!   as one whole term from the trigger date, never month by month, because month
//!   arithmetic is not associative (31 Jan + 1 month + 1 month is 28 Mar, but
//!   31 Jan + 2 months is 31 Mar). Hour terms are exact elapsed time on UTC
//!   instants, so they are right across daylight-saving changes.
//! * **The Algemene termijnenwet calendar** (docs/rules.md rule 5): which days are
//!   generally recognised Dutch public holidays under art. 3 of the Act
//!   ([`is_public_holiday`], [`public_holiday`], [`public_holidays`],
//!   [`NlHoliday`]), which days are business days ([`is_business_day`]), and
//!   how a day or month term that ends on a Saturday, Sunday or holiday moves to
//!   the next business day ([`shift_to_business_day`], [`BusinessDayShift`]).
//!
//! Every function takes any [`time::Date`] in the range of the `time` crate
//! (years −9999 to 9999 with its default features) and never panics; a result
//! that would leave that range is an [`Error::OutOfRange`](crate::Error::OutOfRange).
//!
//! # Sources
//!
//! * Months: HR 1 September 2017, ECLI:NL:HR:2017:2225; EU Regulation 1182/71
//!   art. 3(2)(c); EUTM implementing rules (month-end rule); Sv BES art. 3(3)
//!   (a month of 30 days).
//! * Holidays: Algemene termijnenwet (Wet van 25 juli 1964, Stb. 1964, 314,
//!   BWBR0002448), art. 1, 3 and 4; KB of 24 April 1980, nr. 11 (Koninginnedag,
//!   BWBR0031338); KB of 30 January 2013, Stcrt. 2013, 4075 (Koningsdag,
//!   BWBR0032908); the designated days in `data/nl-atw-designated-days.tsv`.
//!
//! # Example
//!
//! ```
//! use dpa_core::calendar::{add_months, shift_to_business_day, MonthRule};
//! use time::macros::date;
//!
//! // HR 2017:2225: a judgment of 29 Feb 2016 + 3 months ends on Sunday 29 May 2016 ...
//! let end = add_months(date!(2016-02-29), 3, MonthRule::Clamp)?;
//! assert_eq!(end, date!(2016-05-29));
//! // ... and the Algemene termijnenwet moves it to Monday 30 May 2016.
//! let shift = shift_to_business_day(end)?.expect("a Sunday moves");
//! assert_eq!(shift.shifted(), date!(2016-05-30));
//! # Ok::<(), dpa_core::Error>(())
//! ```
//!
//! Each designated day carries the decree that designated it:
//!
//! ```
//! use dpa_core::calendar::designated_days;
//! use time::macros::date;
//!
//! let day = designated_days().iter().find(|d| d.date() == date!(2026-05-15)).unwrap();
//! assert!(day.source().contains("Stcrt. 2025, 24713"));
//! ```

mod atw;
mod easter;
mod months;
mod terms;

pub use crate::sources::designated_days::{
    DESIGNATED_DAYS_KNOWN_THROUGH, DesignatedDay, designated_days,
};
pub use crate::values::MonthRule;
pub use atw::{
    ATW_IN_FORCE, BusinessDayShift, NlHoliday, is_business_day, is_public_holiday,
    next_business_day_on_or_after, public_holiday, public_holidays, shift_to_business_day,
};
pub use easter::easter_sunday;
pub use months::{
    add_days, add_hours, add_months, checked_add_months, checked_add_months_ymd, days_in_month,
    is_leap_year,
};
pub(crate) use terms::add_term_to_ymd;
pub use terms::{add_elapsed, add_term};
