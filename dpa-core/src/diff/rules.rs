//! The file's computation rules (`rules.*`): the month rule, business days,
//! the time zone, the legal-hold lift and the undue-delay bound. They are the reading the file takes, not terms of the
//! agreement, so every change of them is editorial.

use super::engine::Differ;
use super::policy::Verdict;
use super::{ChangeKind, Effect};

/// Any change of a rule: editorial.
fn editorial<T>(_: &T, _: &T) -> Verdict {
    Verdict::new(
        Effect::Editorial,
        "how this library computes with the terms is a reading the file takes, not a term of the agreement; deadlines computed from the new file may fall on other dates",
    )
}

impl Differ<'_> {
    /// `rules.month_rule`, `rules.business_days`, `rules.time_zone`,
    /// `rules.legal_hold_lift`, `rules.undue_delay_bound_hours`.
    pub(super) fn rules(&mut self) {
        let (o, n) = (&self.old.rules, &self.new.rules);
        let k = ChangeKind::RulesChanged;
        self.change(k, "rules.month_rule")
            .label("month rule")
            .field(&o.month_rule, &n.month_rule, |r| {
                Some(r.as_str().to_owned())
            })
            .judge(editorial);
        self.change(k, "rules.business_days")
            .label("business-day rule")
            .field(&o.business_days, &n.business_days, |r| {
                Some(r.as_str().to_owned())
            })
            .judge(editorial);
        self.change(k, "rules.time_zone")
            .label("time zone")
            .field(&o.time_zone, &n.time_zone, |t| Some(t.as_str().to_owned()))
            .judge(editorial);
        self.change(k, "rules.legal_hold_lift")
            .label("legal-hold lift")
            .field(&o.legal_hold_lift, &n.legal_hold_lift, |r| {
                Some(r.as_str().to_owned())
            })
            .judge(editorial);
        self.change(k, "rules.undue_delay_bound_hours")
            .label("undue-delay bound")
            .field(
                &o.undue_delay_bound_hours,
                &n.undue_delay_bound_hours,
                |h| Some(h.to_string()),
            )
            .judge(editorial);
    }
}
