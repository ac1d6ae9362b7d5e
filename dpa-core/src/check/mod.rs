//! Consistency checks: what the agreement's own data says is missing,
//! contradictory or out of date, as of a date.
//!
//! [`Agreement::check`](crate::Agreement::check) runs every rule module and
//! returns their findings in a stable order: the statement's versions, the
//! sub-processor list, the terms, the transfers outside the EEA
//! ([`crate::transfers`]) and the coverage of GDPR art. 28
//! ([`crate::completeness`]). The findings vocabulary is
//! [`crate::finding`]; the catalogue of codes is
//! [`FindingCode::ALL`](crate::FindingCode::ALL).

use time::Date;

use crate::finding::Finding;
use crate::model::Agreement;

mod sub_processors;
mod terms;
mod versions;

impl Agreement {
    /// Every consistency finding about the agreement as of `at`, in a stable
    /// order. See [`FindingCode`](crate::FindingCode) for the catalogue.
    pub fn check(&self, at: Date) -> Vec<Finding> {
        check(self, at)
    }
}

/// Every finding about `a` as of `at`, in a stable order.
pub(crate) fn check(a: &Agreement, at: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    versions::check(a, at, &mut out);
    sub_processors::check(a, &mut out);
    terms::check(a, &mut out);
    out.extend(crate::transfers::transfer_findings(a, at));
    out.extend(crate::completeness::findings(a));
    out
}
