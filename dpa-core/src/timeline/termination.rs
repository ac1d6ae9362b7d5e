//! The end of the agreement: termination, deletion (and deletion from
//! backups), the return of data, and legal holds that suspend deletion
//! (clause 2.6 / 6).
//!
//! The deletion obligations are added when the agreement is terminated and
//! settled after every event is seen ([`Termination::settle`]), because a
//! later legal hold or deletion decides their status.

use time::{Date, OffsetDateTime};

use super::context::{Ctx, Step};
use super::hold;
use super::{EventKind, Obligation, ObligationKind, Owner, Status, When, status_of};
use crate::citation::cite;
use crate::deadline::{Bound, Deadline, DeadlineKind, Due, date_ending, end_of_day};
use crate::error::Result;
use crate::finding::FindingCode;
use crate::model::{BackupDeletion, Firmness, ReturnMethod};
use crate::values::iso_date;

/// What the termination events have established so far.
#[derive(Default)]
pub(super) struct Termination {
    /// The first termination: its instant and date. A later one is a finding.
    first: Option<(OffsetDateTime, Date)>,
    /// Each legal hold placed: when, and when the first lift after it came
    /// (if it did).
    holds: Vec<(Date, Option<Date>)>,
}

impl Termination {
    /// The first termination seen so far: its instant and date.
    pub(super) fn first(&self) -> Option<(OffsetDateTime, Date)> {
        self.first
    }

    /// `agreement-terminated`: the first starts deletion (and backup
    /// deletion); another is a finding and counts for nothing.
    pub(super) fn terminated(&mut self, cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
        if let Some((_, first)) = self.first {
            cx.finding(
                FindingCode::DuplicateTermination,
                format!(
                    "the agreement is terminated again on {} after {}; the first termination counts",
                    iso_date::format(s.date),
                    iso_date::format(first)
                ),
                cite(&cx.agreement.terms.duration.source, []),
                s.i,
            );
            return Ok(());
        }
        self.first = Some((s.t, s.date));
        termination_obligations(cx, s.date, s.i)
    }

    /// `data-deleted`: before any termination it is a finding; after one it
    /// meets the deletion obligations when they are settled.
    pub(super) fn deleted(&self, cx: &mut Ctx<'_>, s: Step<'_>) {
        if self.first.is_none() {
            cx.finding(
                FindingCode::DeletedBeforeTermination,
                format!(
                    "data deleted on {} before the agreement was terminated",
                    iso_date::format(s.date)
                ),
                cite(&cx.agreement.terms.deletion.source, []),
                s.i,
            );
        }
    }

    /// `data-return-requested`: the processor returns the data.
    pub(super) fn return_requested(&self, cx: &mut Ctx<'_>, s: Step<'_>) -> Result<()> {
        return_obligation(cx, s, self.first.map(|(_, date)| date))
    }

    /// `legal-hold-placed`: recorded with the first lift after it.
    pub(super) fn hold_placed(&mut self, cx: &Ctx<'_>, s: Step<'_>) {
        let lifted = cx
            .first_from(s.pos + 1, EventKind::LegalHoldLifted)
            .map(|x| x.2.when().date());
        self.holds.push((s.date, lifted));
    }

    /// `legal-hold-lifted`: a finding when no hold was placed before it.
    pub(super) fn hold_lifted(&self, cx: &mut Ctx<'_>, s: Step<'_>) {
        if self.holds.is_empty() {
            cx.finding(
                FindingCode::LegalHoldNotPlaced,
                format!(
                    "a legal hold is lifted on {} that was never placed",
                    iso_date::format(s.date)
                ),
                cite(&cx.agreement.terms.legal_retention.source, []),
                s.i,
            );
        }
    }

    /// Settles the status of the deletion obligations once every event is
    /// seen: the first deletion after the termination meets them; a legal
    /// hold placed before the deletion suspends them while it lasts and,
    /// once lifted, moves the due date as `rules.legal_hold_lift` says
    /// ([`hold::after_holds`]); past a term the agreement states "in
    /// principe" they are [`Status::Exceeded`] rather than missed.
    pub(super) fn settle(self, cx: &mut Ctx<'_>) -> Result<()> {
        let a = cx.agreement;
        let tz = cx.tz;
        let as_of = cx.as_of;
        let as_of_date = date_ending(as_of, tz)?;
        let sorted = cx.sorted;
        for ob in &mut cx.obligations {
            if !matches!(
                ob.kind,
                ObligationKind::Deletion | ObligationKind::BackupDeletion
            ) {
                continue;
            }
            // A termination and a deletion are date events.
            let terminated = ob.triggered.date();
            let deleted = sorted.iter().find(|(_, _, e)| {
                e.kind() == EventKind::DataDeleted && e.when().date() >= terminated
            });
            let deleted_on = deleted.map(|(_, _, e)| e.when().date());
            // Holds placed before the data was deleted (and before now).
            let relevant: Vec<&(Date, Option<Date>)> = self
                .holds
                .iter()
                .filter(|(placed, _)| deleted_on.is_none_or(|d| *placed < d))
                .collect();
            if let Some((placed, _)) = relevant
                .iter()
                .find(|(_, lifted)| lifted.is_none_or(|l| l > as_of_date))
                && deleted_on.is_none()
            {
                ob.status = Status::Suspended { since: *placed };
                continue;
            }
            let lifted: Vec<(Date, Date)> = relevant
                .iter()
                .filter_map(|&&(placed, lifted)| lifted.map(|l| (placed, l)))
                .collect();
            if let Some(moved) = hold::after_holds(a, ob.kind, &ob.deadline, terminated, &lifted)? {
                ob.deadline.due = Due::Date {
                    date: moved.date,
                    ends_at: end_of_day(moved.date, tz)?,
                };
                ob.deadline.shift = moved.shift;
                ob.deadline.note = Some(match ob.deadline.note.take() {
                    Some(note) => format!("{note}; {}", moved.note),
                    None => moved.note,
                });
            }
            ob.status = status_of(
                &ob.deadline,
                deleted.map(|x| x.2.when()),
                deleted.map(|x| x.0),
                as_of,
                false,
            );
            if ob.deadline.due == Due::NoFixedTerm && deleted.is_none() {
                ob.status = Status::Pending;
            }
            ob.status = against(ob.status, a.terms.deletion.firmness);
        }
        Ok(())
    }
}

/// A status against a term of `firmness`: past a term the agreement states
/// "in principe" (Alles Online DPS 12: "in principe binnen 3 maanden"), the
/// obligation is [`Status::Exceeded`], a warning, rather than missed as
/// past an "uiterlijk" term (Belco DPS 1.11: "uiterlijk binnen 3
/// maanden").
fn against(status: Status, firmness: Firmness) -> Status {
    match (status, firmness) {
        (Status::Missed { done, by }, Firmness::InPrinciple) => Status::Exceeded { done, by },
        (other, _) => other,
    }
}

/// Adds the deletion (and backup deletion) obligations of a termination on
/// `date`; their statuses are settled after all events are seen.
fn termination_obligations(cx: &mut Ctx<'_>, date: Date, i: usize) -> Result<()> {
    let a = cx.agreement;
    let deadline = a.deletion_deadline(date)?;
    cx.obligations.push(Obligation {
        kind: ObligationKind::Deletion,
        owner: Owner::Processor,
        subject: None,
        event: i,
        triggered: When::Date(date),
        deadline,
        status: Status::Pending,
        elapsed: None,
        late_after: None,
        generated_subject: false,
    });
    if a.terms.deletion.backups == BackupDeletion::PerBackupCycle {
        let deadline = a.backup_deletion_deadline(date)?;
        cx.obligations.push(Obligation {
            kind: ObligationKind::BackupDeletion,
            owner: Owner::Processor,
            subject: None,
            event: i,
            triggered: When::Date(date),
            deadline,
            status: Status::Pending,
            elapsed: None,
            late_after: None,
            generated_subject: false,
        });
    }
    Ok(())
}

/// The processor's obligation to return the data a request on `s.date`
/// asks for: by the deletion date where the agreement wants the data
/// returned before it is deleted (and the agreement is terminated), else
/// with no fixed term; deleting the data first is then a finding. Data
/// deleted after the request and not returned makes the return impossible:
/// [`Status::Impossible`] (`missed`), not pending.
fn return_obligation(cx: &mut Ctx<'_>, s: Step<'_>, terminated: Option<Date>) -> Result<()> {
    let a = cx.agreement;
    let r = &a.terms.return_of_data;
    let citation = cite(&r.source, ["GDPR art. 28(3)(g)"]);
    // Returned before deletion where the agreement says so: due by the
    // deletion date (if the agreement is terminated by then).
    let deletion_due = match terminated {
        Some(t) if r.before_deletion => Some(a.deletion_deadline(t)?),
        _ => None,
    };
    let tied_to_deletion = deletion_due.is_some();
    let deadline = match deletion_due {
        Some(d) => Deadline {
            kind: DeadlineKind::Deletion,
            note: Some("the data is returned before it is deleted".to_owned()),
            citation: citation.clone(),
            ..d
        },
        None => Deadline {
            kind: DeadlineKind::Deletion,
            provenance: r.provenance.clone(),
            due: Due::NoFixedTerm,
            bound: Bound::NoLaterThan,
            citation: citation.clone(),
            shift: None,
            note: Some(match r.method {
                // Issue 15 point 2: never a default.
                None => "the statement does not state how the data is returned".to_owned(),
                Some(ReturnMethod::SelfServiceExport) => {
                    "the client can export the data itself; the agreement sets no term for a return"
                        .to_owned()
                }
                _ => "the agreement sets no term for the return".to_owned(),
            }),
        },
    };
    let returned = cx.first_from(s.pos + 1, EventKind::DataReturned);
    let deleted = cx.first_from(s.pos + 1, EventKind::DataDeleted);
    if r.before_deletion
        && let Some((dt, di, de)) = deleted
        && returned.is_none_or(|(rt, _, _)| rt > dt)
    {
        cx.finding(
            FindingCode::DeletedBeforeReturn,
            format!(
                "data was deleted on {} before the return requested on {} was made",
                de.when(),
                iso_date::format(s.date)
            ),
            citation.clone(),
            di,
        );
    }
    // Deleted after the request and never returned (by the date asked): the
    // return can no longer be made, whatever its term (GDPR art. 28(3)(g):
    // delete or return, at the controller's choice).
    let status = match deleted {
        Some((_, _, de)) if returned.is_none() => Status::Impossible {
            since: de.when().date(),
        },
        _ => status_of(
            &deadline,
            returned.map(|x| x.2.when()),
            returned.map(|x| x.0),
            cx.as_of,
            false,
        ),
    };
    // Due with the deletion, the return shares its firmness.
    let status = if tied_to_deletion {
        against(status, a.terms.deletion.firmness)
    } else {
        status
    };
    cx.obligations.push(Obligation {
        kind: ObligationKind::DataReturn,
        owner: Owner::Processor,
        subject: None,
        event: s.i,
        triggered: When::Date(s.date),
        deadline,
        status,
        elapsed: None,
        late_after: None,
        generated_subject: false,
    });
    Ok(())
}
