//! [`MonthRule`]: how an agreement adds calendar months (docs/rules.md rule
//! 1), a reading the agreement file states. The arithmetic is
//! `calendar::add_months`.

use crate::macros::spelled_enum;

spelled_enum! {
    /// How an agreement adds calendar months to a date when the day-number does not
    /// exist in the target month (docs/rules.md, rule 1).
    ///
    /// The agreement file spells the values `"clamp"` (the default),
    /// `"month-end-sticky"` and `"thirty-days"`.
    ///
    /// ```
    /// use dpa_core::calendar::{add_months, MonthRule};
    /// use time::macros::date;
    ///
    /// let start = date!(2026-02-28); // the last day of February 2026
    /// assert_eq!(add_months(start, 3, MonthRule::Clamp)?, date!(2026-05-28));
    /// assert_eq!(add_months(start, 3, MonthRule::MonthEndSticky)?, date!(2026-05-31));
    /// assert_eq!(add_months(start, 3, MonthRule::ThirtyDays)?, date!(2026-05-29));
    /// assert_eq!("month-end-sticky".parse::<MonthRule>()?, MonthRule::MonthEndSticky);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Default)]
    pub enum MonthRule ("month rule") {
        /// Same day-number in the target month; where the target month is too short,
        /// its last day (31 Jan + 1 month = 28 or 29 Feb; 28 Feb + 3 months = 28 May).
        ///
        /// Sources: HR 1 September 2017, ECLI:NL:HR:2017:2225 (a term of N months
        /// ends on the day with the same number N months later, or on the last day
        /// of a month that has no such day); EU Regulation 1182/71 art. 3(2)(c).
        /// It is also what `java.time`, `jiff`, `chrono`, Temporal (`constrain`) and
        /// `python-dateutil` do.
        #[default]
        Clamp = "clamp",
        /// As [`MonthRule::Clamp`], except that a start on the last day of its month
        /// lands on the last day of the target month (28 Feb 2026 + 3 months =
        /// 31 May 2026; 30 Apr + 1 month = 31 May).
        ///
        /// Source: the month-end rule of the EU trade mark implementing regulation
        /// (boek9.nl, "Uitvoeringsverordening GMOV art. 56(4)").
        MonthEndSticky = "month-end-sticky",
        /// A month is 30 days: N months are N × 30 calendar days.
        ///
        /// Source: statutes that define a month so, e.g. Wetboek van Strafvordering
        /// BES art. 3(3): "Onder maand wordt verstaan de tijd van dertig dagen".
        ThirtyDays = "thirty-days",
    }
}
