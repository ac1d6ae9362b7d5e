//! The sub-processor list: duplicates, missing locations and processing
//! outside the EEA that the statement does not declare (GDPR art. 28(3)(a),
//! 44). Whether a transfer has a valid basis is `crate::transfers`' rule.

use std::collections::BTreeMap;

use crate::citation;
use crate::finding::{Finding, FindingCode};
use crate::model::Agreement;
use crate::values::join_refs;

/// Findings about the listed sub-processors.
pub(super) fn check(a: &Agreement, out: &mut Vec<Finding>) {
    let s = &a.statement;
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, sp) in s.sub_processors.iter().enumerate() {
        let path = format!("statement.sub_processors[{i}]");
        let cite = join_refs(&sp.source);
        if let Some(j) = seen.insert(sp.name.as_str(), i) {
            out.push(Finding::new(
                FindingCode::DuplicateSubProcessor,
                format!(
                    "sub-processor `{}` is listed twice (also at [{j}])",
                    sp.name
                ),
                cite.clone(),
                Some(path.clone()),
            ));
        }
        if sp.locations.is_empty() {
            out.push(Finding::new(
                FindingCode::SubProcessorLocationUnknown,
                format!("sub-processor `{}` has no processing location", sp.name),
                citation::join(&cite, ["GDPR art. 28(3)(a), 44"]),
                Some(format!("{path}.locations")),
            ));
        }
        let outside: Vec<&str> = sp.locations_outside_eea().map(|l| l.as_str()).collect();
        // Access from a third country is a transfer as much as a location
        // there (docs/rules.md, "Transfers").
        let access: Vec<&str> = sp
            .access_from
            .iter()
            .filter(|c| !outside.contains(&c.as_str()))
            .map(|c| c.as_str())
            .collect();
        if outside.is_empty() && access.is_empty() {
            continue;
        }
        if !s.processing_locations.transfers_outside_eea {
            let mut reach = Vec::new();
            if !outside.is_empty() {
                reach.push(format!("processes data in {}", outside.join(", ")));
            }
            if !access.is_empty() {
                reach.push(format!("may be accessed from {}", access.join(", ")));
            }
            out.push(Finding::new(
                FindingCode::UndeclaredTransfer,
                format!(
                    "sub-processor `{}` {} while the statement says processing stays in the EEA",
                    sp.name,
                    reach.join(" and ")
                ),
                citation::cite(&s.processing_locations.source, ["GDPR art. 28(3)(a), 44"]),
                Some("statement.processing_locations.transfers_outside_eea".into()),
            ));
        }
    }
}
