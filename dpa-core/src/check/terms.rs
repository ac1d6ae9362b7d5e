//! The operative terms and declarations: special categories not stated
//! (GDPR art. 9, 10, 87), a breach notice term beyond the controller's 72
//! hours (art. 33), deletion without any return of data (art. 28(3)(g)),
//! periodic audits in the statement against an audit for cause only in the
//! clauses (Belco DPS 1.14 against clause 2.7.4).

use crate::citation;
use crate::finding::{Finding, FindingCode};
use crate::model::{Agreement, Declaration, NoticeTerm, ReturnMethod};

/// Findings about the terms and the special-categories declaration.
pub(super) fn check(a: &Agreement, out: &mut Vec<Finding>) {
    let sc = &a.statement.special_categories;
    for (field, label, article, d) in [
        (
            "art9",
            "special categories of personal data",
            "GDPR art. 9",
            sc.art9,
        ),
        (
            "art10",
            "criminal-conviction data",
            "GDPR art. 10",
            sc.art10,
        ),
        (
            "government_identifiers",
            "government-issued identification numbers",
            "GDPR art. 87",
            sc.government_identifiers,
        ),
    ] {
        if d == Declaration::NotStated {
            out.push(Finding::new(
                FindingCode::SpecialCategoriesNotStated,
                format!("the statement does not say whether the product is designed for {label}"),
                citation::cite(&sc.source, [article]),
                Some(format!("statement.special_categories.{field}")),
            ));
        }
    }
    let b = &a.terms.breach;
    if let NoticeTerm::WithinHours { hours } = b.notice
        && hours.get() > 72
    {
        out.push(Finding::new(
                FindingCode::BreachNoticeBeyond72Hours,
                format!(
                    "the processor has {} to notify a breach, more than the 72 hours the controller has to notify the authority",
                    hours
                ),
                citation::cite(&b.source, ["GDPR art. 33(1), 33(2)"]),
                Some("terms.breach.notice.hours".into()),
            ));
    }
    let au = &a.terms.audit;
    if au.periodic && !au.preconditions.is_empty() {
        out.push(Finding::new(
            FindingCode::AuditTermsConflict,
            format!(
                "the statement gives the client periodic audits, but the clauses allow an audit only when {} condition(s) are met (e.g. \"{}\"); the text does not say which prevails",
                au.preconditions.len(),
                au.preconditions[0]
            ),
            citation::cite(&au.source, ["GDPR art. 28(3)(h)"]),
            Some("terms.audit.periodic".into()),
        ));
    }
    let r = &a.terms.return_of_data;
    if r.method == ReturnMethod::None {
        out.push(Finding::new(
            FindingCode::DeletionWithoutReturn,
            format!(
                "data is deleted within {} after termination and no return of data is offered",
                a.terms.deletion.months
            ),
            citation::cite(&r.source, ["GDPR art. 28(3)(g)"]),
            Some("terms.return_of_data.method".into()),
        ));
    }
}
