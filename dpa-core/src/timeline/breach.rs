//! Personal data breaches: the processor's notice to the client (clause
//! 2.4.1 / 4.1) and the controller's notice to the supervisory authority
//! (GDPR art. 33(1)), which runs from the client's notice.

use super::context::{Ctx, Step};
use super::{Obligation, ObligationKind, Owner, status_of};
use crate::citation::cite;
use crate::error::Result;
use crate::finding::FindingCode;

/// `breach-discovered`: the processor's notice to the client is due; once
/// the client is notified, the controller's notice to the authority is due
/// from that moment (its awareness).
pub(super) fn discovered(cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
    let a = cx.agreement;
    let sorted = cx.sorted;
    let id = cx.index.breach_ids[s.pos].clone().unwrap_or_default();
    let deadline = a.breach_notice_deadline(s.t)?;
    // The client's notice of this breach: the first one that refers to it.
    let notice = cx.index.client_notice.get(&id).map(|&p| sorted[p]);
    let status = status_of(
        &deadline,
        notice.map(|n| n.2.when()),
        notice.map(|n| n.0),
        cx.as_of,
        false,
    );
    cx.obligations.push(Obligation {
        kind: ObligationKind::BreachNotice,
        owner: Owner::Processor,
        subject: Some(id.clone()),
        event: s.i,
        triggered: s.event.when(),
        deadline,
        status,
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
        });
    }
    Ok(())
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
