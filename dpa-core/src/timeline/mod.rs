//! The obligation timeline: from an agreement and a list of dated events,
//! every obligation with its deadline and its status as of a date.
//!
//! Events are read from a TOML or JSON document (see [`Events`]); the
//! timeline ([`Agreement::timeline`]) turns them into [`Obligation`]s —
//! pending, met (when), missed (by how long), suspended by a legal hold, or,
//! for a right of the client, expired — and into [`Finding`]s for events that
//! are out of order or impossible. Nothing here panics on any input.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::timeline::{Events, Status};
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = Agreement::from_toml(&text)?;
//! let events = Events::from_toml(
//!     r#"
//! [[events]]
//! kind = "agreement-terminated"
//! date = 2026-11-30
//!
//! [[events]]
//! kind = "data-deleted"
//! date = 2027-01-15
//! "#,
//! )?;
//! let timeline = belco.timeline(&events, date!(2027 - 03 - 01))?;
//! let deletion = &timeline.obligations[0];
//! assert_eq!(deletion.deadline.due.date(), Some(date!(2027 - 02 - 28)));
//! assert!(matches!(deletion.status, Status::Met { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod events;
mod ics;
mod obligation;

pub use events::{Event, EventKind, Events, When};
pub use obligation::{Lateness, Obligation, ObligationKind, Owner, Status, Timeline};

use obligation::status_of;

use time::{Date, OffsetDateTime};

use crate::deadline::{Bound, Deadline, DeadlineKind, Due, end_of_day};
use crate::error::{Error, Result};
use crate::finding::{Finding, FindingCode};
use crate::model::{Agreement, BackupDeletion, ReturnMethod};
use crate::values::{TimeZoneName, iso_date, join_refs};

// ---------------------------------------------------------------------------
// The computation

/// The sort key of an event: its UTC instant (dates at their start in the
/// processor's time zone).
fn instant_of(when: When, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    match when {
        When::Instant(t) => Ok(t),
        When::Date(d) => match d.previous_day() {
            Some(p) => end_of_day(p, tz),
            None => Ok(d.midnight().assume_utc()),
        },
    }
}

struct Ctx<'a> {
    agreement: &'a Agreement,
    tz: &'a TimeZoneName,
    as_of: OffsetDateTime,
    obligations: Vec<Obligation>,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn finding(&mut self, code: FindingCode, message: String, citation: String, event: usize) {
        self.findings.push(Finding::new(
            code,
            message,
            citation,
            Some(format!("events[{event}]")),
        ));
    }
}

impl Agreement {
    /// Every obligation the `events` start, with its deadline and its status
    /// as of the end of `at` (in the processor's time zone), and findings for
    /// events that are out of order or impossible. Events after `at` are left
    /// out (with an info finding).
    ///
    /// The rules (`docs/rules.md`): termination starts deletion (and backup
    /// deletion where tied to the backup cycle); a legal hold placed before
    /// the data is deleted suspends deletion while it lasts, and once lifted
    /// the deletion is due by the later of the original date and the lift
    /// date; a return request obliges the processor to return the data
    /// (before deletion, where the agreement says so); a breach discovered
    /// starts the notice to the client, and the client's notice starts the
    /// controller's 72 hours (its awareness); a statement change opens the
    /// client's termination window, a sub-processor change its right to
    /// object; an audit notice must give the notice days, and an audit inside
    /// the period after the previous one is a finding.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when a deadline would leave the supported range.
    pub fn timeline(&self, events: &Events, at: Date) -> Result<Timeline> {
        let tz = &self.rules.time_zone;
        let as_of = end_of_day(at, tz)?;
        let mut order: Vec<(OffsetDateTime, usize)> = Vec::with_capacity(events.events.len());
        let mut future = Vec::new();
        for (i, e) in events.events.iter().enumerate() {
            let t = instant_of(e.when(), tz)?;
            if t >= as_of {
                future.push(i);
            } else {
                order.push((t, i));
            }
        }
        order.sort_by_key(|&(t, i)| (t, i));
        let mut cx = Ctx {
            agreement: self,
            tz,
            as_of,
            obligations: Vec::new(),
            findings: Vec::new(),
        };
        let sorted: Vec<(OffsetDateTime, usize, &Event)> = order
            .iter()
            .map(|&(t, i)| (t, i, &events.events[i]))
            .collect();
        run(&mut cx, &sorted)?;
        for i in future {
            cx.finding(
                FindingCode::EventAfterDate,
                format!(
                    "`{}` on {} is after {}; it is left out of the statuses",
                    events.events[i].kind(),
                    events.events[i].when(),
                    iso_date::format(at)
                ),
                String::new(),
                i,
            );
        }
        Ok(Timeline {
            at,
            obligations: cx.obligations,
            findings: cx.findings,
        })
    }
}

type Sorted<'e> = [(OffsetDateTime, usize, &'e Event)];

/// Look-ups over the sorted events, built in two passes so that the
/// timeline stays linear in the number of events.
struct Index {
    /// The identifier of each `breach-discovered` event: its `id`, or
    /// `breach N` for the N-th breach (counting from 1).
    breach_ids: Vec<Option<String>>,
    /// The breach each notice refers to: the one its `breach` field names if
    /// that was discovered before it, else (without a name) the most recent
    /// breach discovered before it.
    refers: Vec<Option<String>>,
    /// The first client notice and the first authority notice of each breach.
    client_notice: std::collections::HashMap<String, usize>,
    authority_notice: std::collections::HashMap<String, usize>,
    /// For each position, the next position at or after it holding a
    /// `data-returned`, `data-deleted`, `legal-hold-lifted` or
    /// `agreement-terminated` event (`usize::MAX` for none).
    next: [Vec<usize>; 4],
}

const NEXT_KINDS: [EventKind; 4] = [
    EventKind::DataReturned,
    EventKind::DataDeleted,
    EventKind::LegalHoldLifted,
    EventKind::AgreementTerminated,
];

impl Index {
    fn new(sorted: &Sorted<'_>) -> Index {
        let n = sorted.len();
        let mut breach_ids = vec![None; n];
        let mut refers = vec![None; n];
        let mut client_notice = std::collections::HashMap::new();
        let mut authority_notice = std::collections::HashMap::new();
        let mut discovered: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut last: Option<String> = None;
        let mut count = 0usize;
        for (pos, (_, _, e)) in sorted.iter().enumerate() {
            match e.kind() {
                EventKind::BreachDiscovered => {
                    count += 1;
                    let id = e
                        .id()
                        .map_or_else(|| format!("breach {count}"), str::to_owned);
                    discovered.insert(id.clone());
                    last = Some(id.clone());
                    breach_ids[pos] = Some(id);
                }
                EventKind::ClientNotifiedOfBreach | EventKind::AuthorityNotified => {
                    let r = match e.breach() {
                        Some(b) => discovered.contains(b).then(|| b.to_owned()),
                        None => last.clone(),
                    };
                    if let Some(id) = &r {
                        let map = if e.kind() == EventKind::ClientNotifiedOfBreach {
                            &mut client_notice
                        } else {
                            &mut authority_notice
                        };
                        map.entry(id.clone()).or_insert(pos);
                    }
                    refers[pos] = r;
                }
                _ => {}
            }
        }
        let next = NEXT_KINDS.map(|kind| {
            let mut v = vec![usize::MAX; n + 1];
            for pos in (0..n).rev() {
                v[pos] = if sorted[pos].2.kind() == kind {
                    pos
                } else {
                    v[pos + 1]
                };
            }
            v
        });
        Index {
            breach_ids,
            refers,
            client_notice,
            authority_notice,
            next,
        }
    }

    /// The first event of `kind` at or after `from`.
    fn first_from<'e>(
        &self,
        sorted: &Sorted<'e>,
        from: usize,
        kind: EventKind,
    ) -> Option<(OffsetDateTime, usize, &'e Event)> {
        let k = NEXT_KINDS.iter().position(|&x| x == kind)?;
        let pos = *self.next[k].get(from)?;
        sorted.get(pos).copied()
    }
}

fn run(cx: &mut Ctx<'_>, sorted: &[(OffsetDateTime, usize, &Event)]) -> Result<()> {
    let a = cx.agreement;
    let signed: Option<OffsetDateTime> = sorted
        .iter()
        .find(|(_, _, e)| e.kind() == EventKind::AgreementSigned)
        .map(|(t, _, _)| *t);
    let mut terminated: Option<(OffsetDateTime, Date, usize)> = None;
    let mut audits_held: Vec<Date> = Vec::new();
    let mut holds: Vec<(Date, Option<Date>)> = Vec::new();
    let audit_cite = join_refs(&a.terms.audit.source);
    let idx = Index::new(sorted);
    let max_audits = usize::from(a.terms.audit.max_count.get());
    let mut holds_placed = 0usize;

    for (pos, &(t, i, e)) in sorted.iter().enumerate() {
        if let Some(s) = signed
            && t < s
        {
            cx.finding(
                FindingCode::EventBeforeSigning,
                format!(
                    "`{}` on {} is before the agreement was signed",
                    e.kind(),
                    e.when()
                ),
                join_refs(&a.terms.duration.source),
                i,
            );
        }
        let date = e.when().date();
        match e.kind() {
            EventKind::AgreementTerminated => {
                if let Some((_, first, _)) = terminated {
                    cx.finding(
                        FindingCode::DuplicateTermination,
                        format!(
                            "the agreement is terminated again on {} after {}; the first termination counts",
                            iso_date::format(date),
                            iso_date::format(first)
                        ),
                        join_refs(&a.terms.duration.source),
                        i,
                    );
                    continue;
                }
                terminated = Some((t, date, i));
                termination_obligations(cx, date, i)?;
            }
            EventKind::DataDeleted if terminated.is_none() => {
                cx.finding(
                    FindingCode::DeletedBeforeTermination,
                    format!(
                        "data deleted on {} before the agreement was terminated",
                        iso_date::format(date)
                    ),
                    join_refs(&a.terms.deletion.source),
                    i,
                );
            }
            EventKind::DataReturnRequested => {
                return_obligation(cx, sorted, &idx, pos, date, i, terminated.map(|x| x.1))?;
            }
            EventKind::LegalHoldPlaced => {
                holds_placed += 1;
                let lifted = idx
                    .first_from(sorted, pos + 1, EventKind::LegalHoldLifted)
                    .map(|x| x.2.when().date());
                holds.push((date, lifted));
            }
            EventKind::LegalHoldLifted => {
                let placed_before = holds_placed > 0;
                if !placed_before {
                    cx.finding(
                        FindingCode::LegalHoldNotPlaced,
                        format!(
                            "a legal hold is lifted on {} that was never placed",
                            iso_date::format(date)
                        ),
                        join_refs(&a.terms.legal_retention.source),
                        i,
                    );
                }
            }
            EventKind::BreachDiscovered => {
                let id = idx.breach_ids[pos].clone().unwrap_or_default();
                let deadline = a.breach_notice_deadline(t)?;
                // The client's notice of this breach: the first one that
                // refers to it.
                let notice = idx.client_notice.get(&id).map(|&p| &sorted[p]);
                let notice = notice.copied();
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
                    event: i,
                    triggered: e.when(),
                    deadline,
                    status,
                });
                if let Some((aware, ni, ne)) = notice {
                    let deadline = a.authority_notice_deadline(aware)?;
                    let report = idx.authority_notice.get(&id).map(|&p| &sorted[p]);
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
            }
            EventKind::ClientNotifiedOfBreach | EventKind::AuthorityNotified
                if idx.refers[pos].is_none() =>
            {
                let later = e.breach().is_some_and(|b| {
                    sorted[pos..].iter().any(|(_, _, d)| {
                        d.kind() == EventKind::BreachDiscovered && d.id() == Some(b)
                    })
                });
                cx.finding(
                    FindingCode::NoticeWithoutBreach,
                    if later {
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
                    },
                    join_refs(&a.terms.breach.source),
                    i,
                );
            }
            EventKind::StatementChangeNotified => {
                let deadline = a.termination_window_end(date)?;
                let used = terminated.filter(|(tt, _, _)| *tt >= t).or_else(|| {
                    idx.first_from(sorted, pos + 1, EventKind::AgreementTerminated)
                        .map(|x| (x.0, x.2.when().date(), x.1))
                });
                let done =
                    used.filter(|(_, d, _)| deadline.due.date().is_some_and(|end| *d <= end));
                let status = match done {
                    Some((_, d, _)) => Status::Met { on: When::Date(d) },
                    None => status_of(&deadline, None, None, cx.as_of, true),
                };
                cx.obligations.push(Obligation {
                    kind: ObligationKind::TerminationWindow,
                    owner: Owner::Client,
                    subject: e.version().map(|v| format!("version {v}")),
                    event: i,
                    triggered: e.when(),
                    deadline,
                    status,
                });
            }
            EventKind::SubProcessorChangeNotified => {
                let p = &a.terms.sub_processors;
                cx.obligations.push(Obligation {
                    kind: ObligationKind::SubProcessorObjection,
                    owner: Owner::Client,
                    subject: e.sub_processor().map(str::to_owned),
                    event: i,
                    triggered: e.when(),
                    deadline: Deadline {
                        kind: DeadlineKind::SubProcessorObjection,
                        due: Due::NoFixedTerm,
                        bound: Bound::NoLaterThan,
                        citation: crate::citation::cite(&p.source, ["GDPR art. 28(2)"]),
                        shift: None,
                        note: Some(if p.client_may_object {
                            "the client may object to the change; the agreement sets no term for it"
                                .to_owned()
                        } else {
                            "the agreement gives no right to object".to_owned()
                        }),
                    },
                    status: Status::Pending,
                });
            }
            EventKind::AuditNoticeGiven => {
                let deadline = a.earliest_audit_date(date)?;
                let proposed = e.proposed_date().unwrap_or(date);
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
                        audit_cite.clone(),
                        i,
                    );
                    Status::Missed {
                        done: Some(When::Date(date)),
                        by: Lateness::Days(short),
                    }
                };
                if !audits_held.is_empty() {
                    let next = a.next_audit_allowed_after(
                        &audits_held[audits_held.len().saturating_sub(max_audits)..],
                    )?;
                    if let Some(allowed) = next.due.date()
                        && proposed < allowed
                    {
                        cx.finding(
                            FindingCode::AuditInsidePeriod,
                            format!(
                                "the audit proposed for {} falls inside the period after the previous audit; the next is allowed from {}",
                                iso_date::format(proposed),
                                iso_date::format(allowed)
                            ),
                            audit_cite.clone(),
                            i,
                        );
                    }
                }
                cx.obligations.push(Obligation {
                    kind: ObligationKind::AuditNotice,
                    owner: Owner::Client,
                    subject: Some(format!("audit proposed for {}", iso_date::format(proposed))),
                    event: i,
                    triggered: e.when(),
                    deadline,
                    status,
                });
            }
            EventKind::AuditHeld => {
                if !audits_held.is_empty() {
                    let next = a.next_audit_allowed_after(
                        &audits_held[audits_held.len().saturating_sub(max_audits)..],
                    )?;
                    if let Some(allowed) = next.due.date()
                        && date < allowed
                    {
                        cx.finding(
                            FindingCode::AuditInsidePeriod,
                            format!(
                                "an audit held on {} falls inside the period after the previous audit; the next was allowed from {}",
                                iso_date::format(date),
                                iso_date::format(allowed)
                            ),
                            audit_cite.clone(),
                            i,
                        );
                    }
                }
                audits_held.push(date);
            }
            _ => {}
        }
    }
    settle_deletion(cx, sorted, &holds)?;
    Ok(())
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
        });
    }
    Ok(())
}

fn return_obligation(
    cx: &mut Ctx<'_>,
    sorted: &Sorted<'_>,
    idx: &Index,
    pos: usize,
    date: Date,
    i: usize,
    terminated: Option<Date>,
) -> Result<()> {
    let a = cx.agreement;
    let r = &a.terms.return_of_data;
    let citation = crate::citation::cite(&r.source, ["GDPR art. 28(3)(g)"]);
    // Returned before deletion where the agreement says so: due by the
    // deletion date (if the agreement is terminated by then).
    let deletion_due = match terminated {
        Some(t) if r.before_deletion => Some(a.deletion_deadline(t)?),
        _ => None,
    };
    let deadline = match deletion_due {
        Some(d) => Deadline {
            kind: DeadlineKind::Deletion,
            note: Some("the data is returned before it is deleted".to_owned()),
            citation: citation.clone(),
            ..d
        },
        None => Deadline {
            kind: DeadlineKind::Deletion,
            due: Due::NoFixedTerm,
            bound: Bound::NoLaterThan,
            citation: citation.clone(),
            shift: None,
            note: Some(match r.method {
                ReturnMethod::SelfServiceExport => {
                    "the client can export the data itself; the agreement sets no term for a return"
                        .to_owned()
                }
                _ => "the agreement sets no term for the return".to_owned(),
            }),
        },
    };
    let returned = idx.first_from(sorted, pos + 1, EventKind::DataReturned);
    let deleted = idx.first_from(sorted, pos + 1, EventKind::DataDeleted);
    if r.before_deletion
        && let Some((dt, di, de)) = deleted
        && returned.is_none_or(|(rt, _, _)| rt > dt)
    {
        cx.finding(
            FindingCode::DeletedBeforeReturn,
            format!(
                "data was deleted on {} before the return requested on {} was made",
                de.when(),
                iso_date::format(date)
            ),
            citation.clone(),
            di,
        );
    }
    let status = status_of(
        &deadline,
        returned.map(|x| x.2.when()),
        returned.map(|x| x.0),
        cx.as_of,
        false,
    );
    cx.obligations.push(Obligation {
        kind: ObligationKind::DataReturn,
        owner: Owner::Processor,
        subject: None,
        event: i,
        triggered: When::Date(date),
        deadline,
        status,
    });
    Ok(())
}

/// Settles the status of the deletion obligations: the first deletion after
/// the termination meets them; a legal hold placed before the deletion
/// suspends them while it lasts and, once lifted, moves the due date to the
/// lift date if that is later.
fn settle_deletion(
    cx: &mut Ctx<'_>,
    sorted: &[(OffsetDateTime, usize, &Event)],
    holds: &[(Date, Option<Date>)],
) -> Result<()> {
    let tz = cx.tz;
    let as_of = cx.as_of;
    let as_of_date = {
        // The date `as_of` ends, in the processor's time zone.
        let ts = jiff::Timestamp::from_second(as_of.unix_timestamp() - 1)
            .map_err(|e| Error::out_of_range(e.to_string()))?;
        let d = ts.to_zoned(tz.time_zone().clone()).date();
        Date::from_calendar_date(
            i32::from(d.year()),
            time::Month::try_from(d.month() as u8)
                .map_err(|e| Error::out_of_range(e.to_string()))?,
            d.day() as u8,
        )
        .map_err(|e| Error::out_of_range(e.to_string()))?
    };
    for ob in &mut cx.obligations {
        if !matches!(
            ob.kind,
            ObligationKind::Deletion | ObligationKind::BackupDeletion
        ) {
            continue;
        }
        // A termination and a deletion are date events.
        let terminated = ob.triggered.date();
        let deleted = sorted
            .iter()
            .find(|(_, _, e)| e.kind() == EventKind::DataDeleted && e.when().date() >= terminated);
        let deleted_on = deleted.map(|(_, _, e)| e.when().date());
        // Holds placed before the data was deleted (and before now).
        let relevant: Vec<&(Date, Option<Date>)> = holds
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
        if let Some(last_lift) = relevant.iter().filter_map(|(_, l)| *l).max()
            && let Some(due) = ob.deadline.due.date()
            && last_lift > due
        {
            let ends_at = end_of_day(last_lift, tz)?;
            ob.deadline.due = Due::Date {
                date: last_lift,
                ends_at,
            };
            ob.deadline.note = Some(format!(
                "a legal hold suspended deletion until {}; the original date was {}",
                iso_date::format(last_lift),
                iso_date::format(due)
            ));
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
    }
    Ok(())
}
