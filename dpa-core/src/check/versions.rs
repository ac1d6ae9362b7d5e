//! The statement's versions: its history against its own version and
//! effective date, and whether it is in effect on the date checked
//! (the statement's version history; clause 2.2 on statement changes).

use time::Date;

use crate::finding::{Finding, FindingCode};
use crate::model::Agreement;
use crate::values::iso_date;

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
            Some(r) if r.date != s.effective_date => out.push(Finding::new(
                FindingCode::EffectiveDateMismatch,
                format!(
                    "the statement takes effect on {} but its history dates version {} {}",
                    iso_date::format(s.effective_date),
                    s.version,
                    iso_date::format(r.date)
                ),
                cite.clone(),
                Some("statement.effective_date".into()),
            )),
            Some(_) => {}
        }
        for (i, r) in s.history.records().iter().enumerate() {
            if r.version > s.version {
                out.push(Finding::new(
                    FindingCode::HistoryNewerThanCurrent,
                    format!(
                        "the history lists version {} ({}), newer than the statement's version {}",
                        r.version,
                        iso_date::format(r.date),
                        s.version
                    ),
                    cite.clone(),
                    Some(format!("statement.history[{i}]")),
                ));
            }
        }
    }
    if at < s.effective_date {
        out.push(Finding::new(
            FindingCode::StatementNotYetEffective,
            format!(
                "version {} takes effect on {}, after {}",
                s.version,
                iso_date::format(s.effective_date),
                iso_date::format(at)
            ),
            cite,
            Some("statement.effective_date".into()),
        ));
    }
}
