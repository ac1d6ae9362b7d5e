//! Audits: the client's written notice (clause 2.7 / 7, DPS notice days)
//! and the limit on how often the client may audit.

use time::Date;

use super::context::{Ctx, Step};
use super::{Lateness, Obligation, ObligationKind, Owner, Status, When};
use crate::citation::cite;
use crate::error::Result;
use crate::finding::FindingCode;
use crate::model::Agreement;
use crate::values::iso_date;

/// The audits held so far.
pub(super) struct Audits {
    /// The dates of the audits held, in time order.
    held: Vec<Date>,
    /// How many audits the agreement allows in its period.
    max: usize,
}

impl Audits {
    /// No audits held yet under `agreement`.
    pub(super) fn new(agreement: &Agreement) -> Audits {
        Audits {
            held: Vec::new(),
            max: usize::from(agreement.terms.audit.max_count.get()),
        }
    }

    /// The date from which the next audit is allowed after the audits held
    /// so far; `None` before the first audit or when there is no such date.
    fn next_allowed(&self, agreement: &Agreement) -> Result<Option<Date>> {
        if self.held.is_empty() {
            return Ok(None);
        }
        let recent = &self.held[self.held.len().saturating_sub(self.max)..];
        Ok(agreement.next_audit_allowed_after(recent)?.due.date())
    }

    /// `audit-notice-given`: the client's notice must give the notice days
    /// (a finding when it is short), and the proposed audit must fall after
    /// the period following the previous audits (a finding when not).
    pub(super) fn notice(&self, cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
        let a = cx.agreement;
        let date = s.date;
        let deadline = a.earliest_audit_date(date)?;
        let proposed = s.event.proposed_date().unwrap_or(date);
        let earliest = deadline.due.date().unwrap_or(date);
        let status = if proposed >= earliest {
            Status::Met {
                on: When::Date(date),
            }
        } else {
            let short = i64::from(earliest.to_julian_day() - proposed.to_julian_day());
            cx.finding(
                FindingCode::AuditNoticeTooShort,
                format!(
                    "an audit on {} was announced on {}: {short} day(s) short of the notice period (earliest {})",
                    iso_date::format(proposed),
                    iso_date::format(date),
                    iso_date::format(earliest)
                ),
                cite(&a.terms.audit.source, []),
                s.i,
            );
            Status::Missed {
                done: Some(When::Date(date)),
                by: Lateness::Days(short),
            }
        };
        if let Some(allowed) = self.next_allowed(a)?
            && proposed < allowed
        {
            cx.finding(
                FindingCode::AuditInsidePeriod,
                format!(
                    "the audit proposed for {} falls inside the period after the previous audit; the next is allowed from {}",
                    iso_date::format(proposed),
                    iso_date::format(allowed)
                ),
                cite(&a.terms.audit.source, []),
                s.i,
            );
        }
        cx.obligations.push(Obligation {
            kind: ObligationKind::AuditNotice,
            owner: Owner::Client,
            subject: Some(format!("audit proposed for {}", iso_date::format(proposed))),
            event: s.i,
            triggered: s.event.when(),
            deadline,
            status,
            elapsed: None,
            late_after: None,
            generated_subject: false,
        });
        Ok(())
    }

    /// `audit-held`: an audit inside the period after the previous audits is
    /// a finding; the audit counts for the next one either way.
    pub(super) fn held(&mut self, cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
        if let Some(allowed) = self.next_allowed(cx.agreement)?
            && s.date < allowed
        {
            cx.finding(
                FindingCode::AuditInsidePeriod,
                format!(
                    "an audit held on {} falls inside the period after the previous audit; the next was allowed from {}",
                    iso_date::format(s.date),
                    iso_date::format(allowed)
                ),
                cite(&cx.agreement.terms.audit.source, []),
                s.i,
            );
        }
        self.held.push(s.date);
        Ok(())
    }
}
