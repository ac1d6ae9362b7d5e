//! Personal data breaches: the processor's notice to the client (clause
//! 2.4.1 / 4.1) and the controller's notice to the supervisory authority
//! (GDPR art. 33(1)), which runs from the client's notice.

use time::OffsetDateTime;

use super::context::{Ctx, Step};
use super::{Lateness, Obligation, ObligationKind, Owner, Status, When, status_of};
use crate::calendar;
use crate::citation::cite;
use crate::error::Result;
use crate::finding::FindingCode;
use crate::model::NoticeTerm;

/// `breach-discovered`: the processor's notice to the client is due; once
/// the client is notified, the controller's notice to the authority is due
/// from that moment (its awareness). Both report the time elapsed.
pub(super) fn discovered(cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
    let a = cx.agreement;
    let sorted = cx.sorted;
    let id = cx.index.breach_ids[s.pos].clone().unwrap_or_default();
    // Without an `id`, the breach is named by its rank (`breach N`).
    let generated_subject = s.event.id().is_none();
    let mut deadline = a.breach_notice_deadline(s.t)?;
    // The client's notice of this breach: the first one that refers to it.
    let notice = cx.index.client_notice.get(&id).map(|&p| sorted[p]);
    let done = notice.map(|n| (n.0, n.2.when()));
    let (status, late_after) = match a.terms.breach.notice {
        Some(NoticeTerm::WithoutUndueDelay) => {
            let (status, bound) = without_undue_delay(cx, s.t, done)?;
            let hours = a.rules.undue_delay_bound_hours;
            deadline.note = Some(format!(
                "{}; reported late after {hours} (rules.undue_delay_bound_hours; at the latest when the controller's 72 hours of GDPR art. 33(1) would be spent)",
                deadline.note.as_deref().unwrap_or("without undue delay")
            ));
            (status, Some(bound))
        }
        _ => (
            status_of(
                &deadline,
                done.map(|d| d.1),
                done.map(|d| d.0),
                cx.as_of,
                false,
            ),
            None,
        ),
    };
    cx.obligations.push(Obligation {
        kind: ObligationKind::BreachNotice,
        owner: Owner::Processor,
        subject: Some(id.clone()),
        event: s.i,
        triggered: s.event.when(),
        deadline,
        status,
        elapsed: Some(elapsed(s.t, done.map(|d| d.0), cx.as_of)),
        late_after,
        generated_subject,
    });
    if let Some((aware, ni, ne)) = notice {
        let deadline = a.authority_notice_deadline(aware)?;
        let report = cx.index.authority_notice.get(&id).map(|&p| &sorted[p]);
        let status = status_of(
            &deadline,
            report.map(|r| r.2.when()),
            report.map(|r| r.0),
            cx.as_of,
            false,
        );
        cx.obligations.push(Obligation {
            kind: ObligationKind::AuthorityNotice,
            owner: Owner::Controller,
            subject: Some(id),
            event: ni,
            triggered: ne.when(),
            deadline,
            status,
            elapsed: Some(elapsed(aware, report.map(|r| r.0), cx.as_of)),
            late_after: None,
            generated_subject,
        });
    }
    Ok(())
}

/// The status of a notice owed "without undue delay" from `from` (Alles
/// Online DPS 17 / clause 4.1; GDPR art. 33(2)), and the bound it is judged
/// against: `from` plus `rules.undue_delay_bound_hours` (at most 72: by then
/// the controller's own hours of GDPR art. 33(1) would be spent had it
/// known when the processor did). Given by the bound, it is
/// [`Status::Done`], never `met`, as whether the delay was undue is a
/// judgment; given after it, or not given by it, [`Status::Late`].
fn without_undue_delay(
    cx: &Ctx<'_>,
    from: OffsetDateTime,
    done: Option<(OffsetDateTime, When)>,
) -> Result<(Status, OffsetDateTime)> {
    let hours = cx.agreement.rules.undue_delay_bound_hours.get();
    let bound = calendar::add_hours(from, i64::from(hours))?;
    let past = |t: OffsetDateTime| Lateness::Seconds((t - bound).whole_seconds().max(1));
    let status = match done {
        Some((at, on)) if at <= bound => Status::Done { on },
        Some((at, on)) => Status::Late {
            done: Some(on),
            by: past(at),
        },
        None if cx.as_of > bound => Status::Late {
            done: None,
            by: past(cx.as_of),
        },
        None => Status::Pending,
    };
    Ok((status, bound))
}

/// The time from `from` to `done`, or, while not done, to `as_of`.
fn elapsed(from: OffsetDateTime, done: Option<OffsetDateTime>, as_of: OffsetDateTime) -> Lateness {
    let until = done.unwrap_or(as_of);
    Lateness::Seconds((until - from).whole_seconds().max(0))
}

/// `client-notified-of-breach`, `authority-notified`: a notice that refers
/// to no breach discovered before it is a finding (one that does is read
/// when its breach is, through the index).
pub(super) fn notified(cx: &mut Ctx<'_>, s: Step<'_>) {
    if cx.index.refers[s.pos].is_some() {
        return;
    }
    let e = s.event;
    // Not discovered before this notice (else it would refer to it): a
    // breach of that `id` anywhere is discovered after it. A look-up, not a
    // scan of the later events, so that many such notices stay linear.
    let later = e
        .breach()
        .is_some_and(|b| cx.index.named_breaches.contains(b));
    let message = if later {
        format!(
            "`{}` at {} comes before the breach was discovered",
            e.kind(),
            e.when()
        )
    } else {
        format!(
            "`{}` at {} refers to no breach discovered before it{}",
            e.kind(),
            e.when(),
            e.breach().map_or(String::new(), |b| format!(" (`{b}`)"))
        )
    };
    let citation = cite(&cx.agreement.terms.breach.source, []);
    cx.finding(FindingCode::NoticeWithoutBreach, message, citation, s.i);
}
