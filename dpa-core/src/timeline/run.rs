//! The computation: one pass over the sorted events, each handed to the
//! handler of its family, then the deletion obligations settled.
//!
//! The dispatcher decides nothing itself: it checks each event against the
//! signing, then calls the handler of its kind. The state a family carries
//! from event to event (the first termination and the legal holds; the
//! audits held) lives in that family's type ([`Termination`],
//! [`audit::Audits`]), and the look-ups every family shares are built once,
//! before the pass ([`super::index::Index`]). Nothing is allocated per
//! event here.

use super::context::{Ctx, Step};
use super::termination::Termination;
use super::{EventKind, audit, breach, changes};
use crate::error::Result;

/// Runs every event of `cx.sorted` through its handler, in time order.
pub(super) fn run(cx: &mut Ctx<'_>) -> Result<()> {
    let sorted = cx.sorted;
    let before_signing = changes::before_signing(sorted);
    let mut termination = Termination::default();
    let mut audits = audit::Audits::new(cx.agreement);
    for (pos, &(t, i, event)) in sorted.iter().enumerate() {
        let s = Step {
            pos,
            t,
            i,
            event,
            date: event.when().date(),
        };
        changes::check_signed(cx, before_signing, s);
        // A deadline an event starts that falls after the year 9999 names
        // the event (`events[3]`).
        let at = |e: crate::Error| e.at_input(&format!("events[{i}]"));
        match event.kind() {
            EventKind::AgreementSigned | EventKind::DataReturned => {}
            EventKind::AgreementTerminated => termination.terminated(cx, s).map_err(at)?,
            EventKind::DataDeleted => termination.deleted(cx, s),
            EventKind::DataReturnRequested => termination.return_requested(cx, s).map_err(at)?,
            EventKind::LegalHoldPlaced => termination.hold_placed(cx, s),
            EventKind::LegalHoldLifted => termination.hold_lifted(cx, s),
            EventKind::BreachDiscovered => breach::discovered(cx, s).map_err(at)?,
            EventKind::ClientNotifiedOfBreach | EventKind::AuthorityNotified => {
                breach::notified(cx, s);
            }
            EventKind::StatementChangeNotified => {
                changes::statement_change(cx, s, termination.first()).map_err(at)?;
            }
            EventKind::SubProcessorChangeNotified => changes::sub_processor_change(cx, s),
            EventKind::AuditNoticeGiven => audits.notice(cx, s).map_err(at)?,
            EventKind::AuditHeld => audits.held(cx, s).map_err(at)?,
        }
    }
    termination.settle(cx)
}
