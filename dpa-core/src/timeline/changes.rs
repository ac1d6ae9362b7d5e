//! The agreement's own course: its signing, before which no event can
//! happen, and the changes the processor notifies — of the statement, which
//! open the client's window to terminate (clause 2.2.2 / 2.2), and of
//! sub-processors, which open its right to object (clause 2.8 / 8).

use time::{Date, OffsetDateTime};

use super::context::{Ctx, Sorted, Step};
use super::{EventKind, Obligation, ObligationKind, Owner, Status, When, status_of};
use crate::citation::cite;
use crate::error::Result;
use crate::finding::FindingCode;

/// How many of the sorted events come before the agreement was signed (its
/// first `agreement-signed` event): as the events are in time order, those
/// events are a prefix. 0 when it was not signed.
pub(super) fn before_signing(sorted: &Sorted<'_>) -> usize {
    let signed = sorted
        .iter()
        .find(|(_, _, e)| e.kind() == EventKind::AgreementSigned);
    match signed {
        Some(&(signed, _, _)) => sorted.partition_point(|&(t, _, _)| t < signed),
        None => 0,
    }
}

/// Any event: a finding when it comes before the signing (`before` is
/// [`before_signing`]).
pub(super) fn check_signed(cx: &mut Ctx<'_>, before: usize, s: Step<'_>) {
    if s.pos < before {
        cx.finding(
            FindingCode::EventBeforeSigning,
            format!(
                "`{}` on {} is before the agreement was signed",
                s.event.kind(),
                s.event.when()
            ),
            cite(&cx.agreement.terms.duration.source, []),
            s.i,
        );
    }
}

/// `statement-change-notified`: the client's window to terminate. A
/// termination within it (at the same instant as the notice or after it)
/// uses the right; else it expires when the window closes.
///
/// `terminated` is the first termination before this event (its instant and
/// date).
pub(super) fn statement_change(
    cx: &mut Ctx<'_>,
    s: Step<'_>,
    terminated: Option<(OffsetDateTime, Date)>,
) -> Result<()> {
    let deadline = cx.agreement.termination_window_end(s.date)?;
    let used = terminated.filter(|(at, _)| *at >= s.t).or_else(|| {
        cx.first_from(s.pos + 1, EventKind::AgreementTerminated)
            .map(|x| (x.0, x.2.when().date()))
    });
    let done = used.filter(|(_, d)| deadline.due.date().is_some_and(|end| *d <= end));
    let status = match done {
        Some((_, d)) => Status::Met { on: When::Date(d) },
        None => status_of(&deadline, None, None, cx.as_of, true),
    };
    cx.obligations.push(Obligation {
        kind: ObligationKind::TerminationWindow,
        owner: Owner::Client,
        subject: s.event.version().map(|v| format!("version {v}")),
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

/// `sub-processor-change-notified`: the client's right to object.
pub(super) fn sub_processor_change(cx: &mut Ctx<'_>, s: Step<'_>) {
    let objection = sub_processor_objection(cx, s);
    cx.obligations.push(objection);
}

/// The client's right to object to a sub-processor change
/// ([`Agreement::sub_processor_objection`](crate::Agreement::sub_processor_objection)):
/// no fixed term in either edition, so it stays pending.
fn sub_processor_objection(cx: &Ctx<'_>, s: Step<'_>) -> Obligation {
    Obligation {
        kind: ObligationKind::SubProcessorObjection,
        owner: Owner::Client,
        subject: s.event.sub_processor().map(str::to_owned),
        event: s.i,
        triggered: s.event.when(),
        deadline: cx.agreement.sub_processor_objection(),
        status: Status::Pending,
        elapsed: None,
        late_after: None,
        generated_subject: false,
    }
}
