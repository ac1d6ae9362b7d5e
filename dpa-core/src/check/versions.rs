//! The statement's versions: its history against its own version and
//! effective date, and whether it is in effect on the date checked
//! (the statement's version history; clause 2.2 on statement changes).

use time::Date;

use crate::finding::{Finding, FindingCode};
use crate::model::Agreement;
use crate::values::{DateOrder, iso_date};

/// Findings about the statement's version and history as of `at`.
pub(super) fn check(a: &Agreement, at: Date, out: &mut Vec<Finding>) {
    let s = &a.statement;
    let cite = "DPS version history; clause 2.2 (statement changes)".to_owned();
    if !s.history.is_empty() {
        match s.history.get(&s.version) {
            None => out.push(Finding::new(
                FindingCode::HistoryMissingCurrentVersion,
                format!(
                    "version {} is not in the version history ({} versions listed)",
                    s.version,
                    s.history.len()
                ),
                cite.clone(),
                Some("statement.history".into()),
            )),
            // Docs/rules.md, "Dates as stated": a mismatch only where the two
            // cannot mean the same day; dates of different precision that
            // can are said to be uncertain, never read as the 1st.
            Some(r) => match r.date.order(s.effective_date) {
                DateOrder::Same => {}
                DateOrder::Uncertain => out.push(Finding::new(
                    FindingCode::EffectiveDateImprecise,
                    format!(
                        "the statement takes effect on {} and its history dates version {} {}: stated to different precision, they may or may not be the same day",
                        s.effective_date, s.version, r.date
                    ),
                    cite.clone(),
                    Some("statement.effective_date".into()),
                )),
                _ => out.push(Finding::new(
                    FindingCode::EffectiveDateMismatch,
                    format!(
                        "the statement takes effect on {} but its history dates version {} {}",
                        s.effective_date, s.version, r.date
                    ),
                    cite.clone(),
                    Some("statement.effective_date".into()),
                )),
            },
        }
        for (i, r) in s.history.records().iter().enumerate() {
            if r.version > s.version {
                out.push(Finding::new(
                    FindingCode::HistoryNewerThanCurrent,
                    format!(
                        "the history lists version {} ({}), newer than the statement's version {}",
                        r.version, r.date, s.version
                    ),
                    cite.clone(),
                    Some(format!("statement.history[{i}]")),
                ));
            }
        }
    }
    // In effect on `at` only if it took effect on or before it; a month or
    // a year that `at` falls inside (before its last day) leaves that
    // uncertain (docs/rules.md, "Dates as stated").
    let e = s.effective_date;
    match e.on_or_before(at) {
        Some(true) => {}
        Some(false) => out.push(Finding::new(
            FindingCode::StatementNotYetEffective,
            format!(
                "version {} takes effect on {}, after {}",
                s.version,
                e,
                iso_date::format(at)
            ),
            cite,
            Some("statement.effective_date".into()),
        )),
        None => out.push(Finding::new(
            FindingCode::EffectiveDateUncertain,
            format!(
                "version {} takes effect in {} (a {}: some day from {} to {}), so whether it is in effect on {} is uncertain",
                s.version,
                e,
                e.precision(),
                iso_date::format(e.earliest()),
                iso_date::format(e.latest()),
                iso_date::format(at)
            ),
            cite,
            Some("statement.effective_date".into()),
        )),
    }
}
