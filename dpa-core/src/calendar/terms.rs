//! Adding a [`Term`] to a date and an [`ElapsedTerm`] to an instant: the one
//! place a term's unit decides the arithmetic (docs/rules.md rules 1–3).

use time::{Date, OffsetDateTime};

use super::months::{add_days, add_hours, add_months, add_months_to_ymd};
use crate::Result;
use crate::values::iso_date::Ymd;
use crate::values::{ElapsedTerm, MonthRule, Term, TermUnit};

/// Adds `term` to `date`: days and weeks count calendar days (a week is 7
/// days; docs/rules.md rule 3); months are added at once under `rule`
/// (rule 1: by default the day number is kept, or the month's last day where
/// it has no such day); a year is 12 months, so a year from 29 February
/// ends on 28 February under the clamp rule (EU Regulation 1182/71 art.
/// 3(2)(c) counts years as months are counted).
///
/// ```
/// use dpa_core::calendar::{add_term, MonthRule};
/// use time::macros::date;
///
/// let clamp = MonthRule::Clamp;
/// assert_eq!(add_term(date!(2026-01-31), "1 month".parse()?, clamp)?, date!(2026-02-28));
/// assert_eq!(add_term(date!(2026-01-31), "30 days".parse()?, clamp)?, date!(2026-03-02));
/// assert_eq!(add_term(date!(2026-01-31), "6 weeks".parse()?, clamp)?, date!(2026-03-14));
/// assert_eq!(add_term(date!(2024-02-29), "1 year".parse()?, clamp)?, date!(2025-02-28));
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::OutOfRange`] when the result would lie outside the
/// supported years 1 to 9999. Never panics.
pub fn add_term(date: Date, term: Term, rule: MonthRule) -> Result<Date> {
    let n = i64::from(term.count());
    match term.unit() {
        TermUnit::Days => add_days(date, n),
        TermUnit::Weeks => add_days(date, n * 7),
        // At most 120 months: the conversion cannot fail.
        TermUnit::Months => add_months(date, i32::from(term.count()), rule),
        TermUnit::Years => add_months(date, i32::from(term.count()) * 12, rule),
    }
}

/// [`add_term`] from a checked date given as its numbers: the same date
/// or the same error. Months and years are added to the numbers
/// ([`add_months_to_ymd`]); days and weeks count from the `Date`.
///
/// # Errors
/// As [`add_term`].
#[inline(always)]
pub(crate) fn add_term_to_ymd(from: Ymd, term: Term, rule: MonthRule) -> Result<Date> {
    match term.unit() {
        // At most 120 months: the conversion cannot fail.
        TermUnit::Months => add_months_to_ymd(from, i32::from(term.count()), rule),
        TermUnit::Years => add_months_to_ymd(from, i32::from(term.count()) * 12, rule),
        TermUnit::Days | TermUnit::Weeks => add_term(from.to_date()?, term, rule),
    }
}

/// Adds `term` to `instant` as exact elapsed time, on UTC (docs/rules.md
/// rule 2): N hours are N × 3600 seconds, and N days are N × 24 hours from
/// the instant (a breach discovered at 10:30 with "2 days" is due 48 hours
/// later, at 10:30 UTC-equivalent, not at the end of a calendar day).
///
/// ```
/// use dpa_core::calendar::add_elapsed;
/// use time::macros::datetime;
///
/// // 2 days across the start of summer time in Amsterdam: 48 hours.
/// let due = add_elapsed(datetime!(2026-03-28 10:30 +01:00), "2 days".parse()?)?;
/// assert_eq!(due, datetime!(2026-03-30 09:30 UTC));
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::OutOfRange`] when the result would lie outside the
/// supported years 1 to 9999.
pub fn add_elapsed(instant: OffsetDateTime, term: ElapsedTerm) -> Result<OffsetDateTime> {
    add_hours(instant, i64::from(term.hours()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn t(s: &str) -> Term {
        s.parse().unwrap()
    }

    /// Source: docs/rules.md rule 1 (HR 1 September 2017,
    /// ECLI:NL:HR:2017:2225): months keep the day number or clamp.
    #[test]
    fn months_clamp_under_each_rule() {
        let d = date!(2026 - 01 - 31);
        assert_eq!(
            add_term(d, t("1 month"), MonthRule::Clamp).unwrap(),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            add_term(date!(2024 - 01 - 31), t("1 month"), MonthRule::Clamp).unwrap(),
            date!(2024 - 02 - 29)
        );
        assert_eq!(
            add_term(
                date!(2026 - 02 - 28),
                t("3 months"),
                MonthRule::MonthEndSticky
            )
            .unwrap(),
            date!(2026 - 05 - 31)
        );
        assert_eq!(
            add_term(d, t("1 month"), MonthRule::ThirtyDays).unwrap(),
            date!(2026 - 03 - 02)
        );
    }

    /// Source: docs/rules.md rule 3: days and weeks count calendar days
    /// ("binnen 30 dagen", "binnen zes weken" = 42 days).
    #[test]
    fn days_and_weeks_count_calendar_days() {
        let d = date!(2026 - 02 - 20);
        assert_eq!(
            add_term(d, t("6 weeks"), MonthRule::Clamp).unwrap(),
            date!(2026 - 04 - 03)
        );
        assert_eq!(
            add_term(d, t("6 weeks"), MonthRule::Clamp).unwrap(),
            add_term(d, t("42 days"), MonthRule::Clamp).unwrap()
        );
        // A leap day counts.
        assert_eq!(
            add_term(date!(2024 - 02 - 28), t("1 day"), MonthRule::Clamp).unwrap(),
            date!(2024 - 02 - 29)
        );
        assert_eq!(add_term(d, t("0 days"), MonthRule::Clamp).unwrap(), d);
    }

    /// Source: docs/rules.md rule 1 (a year is 12 months; EU Regulation
    /// 1182/71 art. 3(2)(c)): "eens per twee jaar" = 24 months.
    #[test]
    fn years_are_twelve_months_under_the_month_rule() {
        for rule in MonthRule::ALL {
            for d in [
                date!(2024 - 02 - 29),
                date!(2026 - 01 - 31),
                date!(2026 - 06 - 15),
            ] {
                assert_eq!(
                    add_term(d, t("2 years"), *rule).unwrap(),
                    add_term(d, t("24 months"), *rule).unwrap(),
                    "{d} {rule}"
                );
            }
        }
        assert_eq!(
            add_term(date!(2024 - 02 - 29), t("1 year"), MonthRule::Clamp).unwrap(),
            date!(2025 - 02 - 28)
        );
        assert_eq!(
            add_term(date!(2024 - 02 - 29), t("4 years"), MonthRule::Clamp).unwrap(),
            date!(2028 - 02 - 29)
        );
        assert!(add_term(date!(9999 - 06 - 01), t("1 year"), MonthRule::Clamp).is_err());
    }

    /// Source: docs/rules.md rule 2: a notice in days is 24 hours a day
    /// from the discovery, on UTC.
    #[test]
    fn elapsed_days_are_24_hours() {
        let at = datetime!(2026-10-24 23:00 +02:00);
        let days: ElapsedTerm = "1 day".parse().unwrap();
        let hours: ElapsedTerm = "24 hours".parse().unwrap();
        assert_eq!(
            add_elapsed(at, days).unwrap(),
            add_elapsed(at, hours).unwrap()
        );
        assert_eq!(
            add_elapsed(at, days).unwrap(),
            datetime!(2026-10-25 21:00 UTC)
        );
    }
}
