//! The deadlines of the agreement's terms: deletion and backups after
//! termination (DPS 1.11 / clause 2.6.3; DPS 12 / clause 6.3), breach
//! notice (clause 2.4.1 / 4.1; GDPR art. 33), audits (clause 2.7.4 / 7.5),
//! and the termination window after a statement change (clause 2.2.2 / 2.2).

use time::{Date, OffsetDateTime};

use super::due::{Build, DayOnly, DueFields, Fields};
use super::{Bound, Deadline, DeadlineKind, Detail, Due, GDPR_AUTHORITY_NOTICE_HOURS};
use crate::calendar;
use crate::citation;
use crate::error::{Error, Result};
use crate::model::{Agreement, AuditReading, BackupDeletion, Firmness, NoticeTerm, Provenance};
use crate::values::iso_date::{self, Ymd};
use crate::values::{MonthRule, TermUnit};

impl Agreement {
    /// The deletion date, or `None` where the statement states no deletion
    /// term (`provenance = "not-stated"`): never a default.
    fn deletion_date(&self, terminated: Date) -> Result<Option<Date>> {
        self.terms
            .deletion
            .term
            .map(|term| calendar::add_term(terminated, term, self.rules.month_rule))
            .transpose()
    }

    /// [`Agreement::deletion_date`] from the termination date's numbers:
    /// the same date or the same error.
    #[inline(always)]
    fn deletion_date_of_ymd(&self, terminated: Ymd) -> Result<Option<Date>> {
        match self.terms.deletion.term {
            Some(term) => {
                calendar::add_term_to_ymd(terminated, term, self.rules.month_rule).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Why a deadline on the deletion term has no date: the statement does
    /// not state the term (the citation names where it is silent).
    fn no_deletion_term(&self) -> String {
        not_stated_reason(
            &format!("{} a deletion term", self.not_stated_by()),
            &self.terms.deletion.source,
        )
    }

    fn firmness_note(&self) -> Option<String> {
        match self.terms.deletion.firmness {
            Firmness::InPrinciple => Some(
                "the agreement states the term \"in principe\" (as a rule); exceptions are not spelled out"
                    .to_owned(),
            ),
            _ => None,
        }
    }

    /// The date by which the client's data must be deleted after the
    /// agreement ends on `terminated`: the agreement's term added (months under
    /// its month rule, days and weeks as calendar days), inclusive (DPS 1.11 / clause 2.6.3; DPS 12 / clause 6.3).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn deletion_deadline(&self, terminated: Date) -> Result<Deadline> {
        self.deletion(terminated, Detail::Full)
    }

    fn deletion<B: Build>(&self, terminated: Date, b: B) -> Result<B::Out> {
        self.deletion_on(self.deletion_date(terminated)?, b)
    }

    /// The deletion deadline whose term ends on `due` (`None`: the
    /// agreement states no deletion term).
    #[inline(always)]
    fn deletion_on<B: Build>(&self, due: Option<Date>, b: B) -> Result<B::Out> {
        let d = &self.terms.deletion;
        let Some(due) = due else {
            return Ok(b.undated(
                DeadlineKind::Deletion,
                &Provenance::NotStated,
                &d.source,
                || Some(self.no_deletion_term()),
            ));
        };
        b.dated(
            DeadlineKind::Deletion,
            Bound::NoLaterThan,
            self.due_on(due)?,
            &d.provenance,
            &d.source,
            || self.firmness_note(),
        )
    }

    /// The date by which backups must be free of the client's data, where the
    /// agreement ties their deletion to the backup cycle: the deletion date
    /// plus the cycle's days when the agreement states them; otherwise no
    /// fixed date (the note says why). Where backups fall within the main
    /// term, or the agreement does not mention them, the deletion date
    /// itself, with a note.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn backup_deletion_deadline(&self, terminated: Date) -> Result<Deadline> {
        self.backup_deletion(terminated, Detail::Full)
    }

    /// The deadline of backup deletion; where it has a date or rests on a
    /// stated backup rule, its provenance is the deletion term's.
    fn backup_deletion<B: Build>(&self, terminated: Date, b: B) -> Result<B::Out> {
        self.backup_deletion_on(self.deletion_date(terminated)?, b)
    }

    /// The deadline of backup deletion where the main deletion term ends
    /// on `main` (`None`: the agreement states no deletion term).
    fn backup_deletion_on<B: Build>(&self, main: Option<Date>, b: B) -> Result<B::Out> {
        let d = &self.terms.deletion;
        let Some(main) = main else {
            return Ok(b.undated(
                DeadlineKind::BackupDeletion,
                &Provenance::NotStated,
                &d.source,
                || Some(self.no_deletion_term()),
            ));
        };
        match (d.backups, d.backup_cycle) {
            (BackupDeletion::PerBackupCycle, Some(cycle)) => {
                let due = calendar::add_term(main, cycle, self.rules.month_rule)?;
                b.dated(
                    DeadlineKind::BackupDeletion,
                    Bound::NoLaterThan,
                    self.due_on(due)?,
                    &d.provenance,
                    &d.source,
                    || {
                        Some(format!(
                            "deletion date {} plus one backup cycle of {cycle}",
                            iso_date::format(main)
                        ))
                    },
                )
            }
            (BackupDeletion::PerBackupCycle, None) => Ok(b.undated(
                DeadlineKind::BackupDeletion,
                &d.provenance,
                &d.source,
                || Some(format!(
                    "backups are deleted as the regular backup cycle rotates them out, after the deletion date {}; the agreement does not state the cycle's length",
                    iso_date::format(main)
                )),
            )),
            (BackupDeletion::WithinTerm, _) => b.dated(
                DeadlineKind::BackupDeletion,
                Bound::NoLaterThan,
                self.due_on(main)?,
                &d.provenance,
                &d.source,
                || Some("backups are deleted within the same term".to_owned()),
            ),
            // Backups the agreement does not mention: no deadline, never the
            // main term taken as a default (issue 15 point 2).
            _ => Ok(b.undated(
                DeadlineKind::BackupDeletion,
                &Provenance::NotStated,
                &d.source,
                || Some(format!("{} how backups are deleted (backups = not-stated); the deletion term is not taken to cover them", self.not_stated_by())),
            )),
        }
    }

    /// When the processor must notify the client of a breach it discovered
    /// at `discovered`: that instant plus the agreement's hours, or its days
    /// as 24 hours each, exactly (on UTC, so right across daylight-saving
    /// changes; these terms never move to a business day). For "without undue delay" there is no fixed instant:
    /// [`Due::NoFixedTerm`] (GDPR art. 33(2)).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the instant would leave the supported range.
    pub fn breach_notice_deadline(&self, discovered: OffsetDateTime) -> Result<Deadline> {
        self.breach_notice(discovered, Detail::Full)
    }

    /// [`Agreement::breach_notice_deadline`] built to `detail`.
    pub(super) fn breach_notice(
        &self,
        discovered: OffsetDateTime,
        detail: Detail,
    ) -> Result<Deadline> {
        let b = &self.terms.breach;
        let citation = match detail {
            Detail::Full => citation::cite(&b.source, ["GDPR art. 33(2)"]),
            Detail::DueOnly => String::new(),
        };
        match b.notice {
            // A notice term the statement does not state: no deadline,
            // never a default (issue 15 point 2).
            None => Ok(Deadline {
                kind: DeadlineKind::BreachNotice,
                provenance: Provenance::NotStated,
                due: Due::NoFixedTerm,
                bound: Bound::NoLaterThan,
                citation,
                shift: None,
                note: detail.note(|| {
                    Some(not_stated_reason(
                        &format!("{} a breach notice term", self.not_stated_by()),
                        &b.source,
                    ))
                }),
            }),
            Some(NoticeTerm::Within { term }) => {
                let due = calendar::add_elapsed(discovered, term)?;
                Ok(Deadline {
                    kind: DeadlineKind::BreachNotice,
                    provenance: b.provenance.clone(),
                    due: Due::Instant(due),
                    bound: Bound::NoLaterThan,
                    citation,
                    shift: None,
                    note: None,
                })
            }
            _ => Ok(Deadline {
                kind: DeadlineKind::BreachNotice,
                provenance: b.provenance.clone(),
                due: Due::NoFixedTerm,
                bound: Bound::NoLaterThan,
                citation,
                shift: None,
                note: detail.note(|| {
                    Some(
                        "without undue delay: the agreement sets no fixed number of hours"
                            .to_owned(),
                    )
                }),
            }),
        }
    }

    /// The controller's horizon for notifying the supervisory authority: 72
    /// hours after it became aware of the breach at `aware` (GDPR art. 33(1);
    /// a later notice must give reasons for the delay). This is the
    /// controller's duty, not the processor's (clause 2.4.1 / 4.2).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the instant would leave the supported range.
    pub fn authority_notice_deadline(&self, aware: OffsetDateTime) -> Result<Deadline> {
        self.authority_notice(aware, Detail::Full)
    }

    /// [`Agreement::authority_notice_deadline`] built to `detail`.
    pub(super) fn authority_notice(
        &self,
        aware: OffsetDateTime,
        detail: Detail,
    ) -> Result<Deadline> {
        let due = calendar::add_hours(aware, GDPR_AUTHORITY_NOTICE_HOURS)?;
        Ok(Deadline {
            kind: DeadlineKind::AuthorityNotice,
            provenance: Provenance::STATED,
            due: Due::Instant(due),
            bound: Bound::NoLaterThan,
            citation: match detail {
                Detail::Full => "GDPR art. 33(1)".to_owned(),
                Detail::DueOnly => String::new(),
            },
            shift: None,
            note: detail.note(|| {
                Some(
                    "the controller's duty, where the breach is likely to result in a risk"
                        .to_owned(),
                )
            }),
        })
    }

    /// The earliest date the client may audit again after an audit held on
    /// `last_audit`, under the agreement's reading of "per year": rolling (the
    /// same date twelve months later, month rule applied) or calendar year
    /// (1 January of the next year). With more than one audit allowed per
    /// period, use [`Agreement::next_audit_allowed_after`] with the audits held.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn next_audit_allowed(&self, last_audit: Date) -> Result<Deadline> {
        self.next_audit_allowed_after(&[last_audit])
    }

    /// The earliest date of the next audit given the dates of the audits held
    /// (any order): with at most N per period, the period runs from the N-th
    /// most recent audit. Without any audit held, or with fewer than N in the
    /// current period, the next audit is allowed on the latest audit's date
    /// (and without audits, on the first of the given dates: pass at least one).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty list; [`Error::OutOfRange`]
    /// when the date would leave the supported range.
    pub fn next_audit_allowed_after(&self, audits: &[Date]) -> Result<Deadline> {
        self.next_audit(audits, Detail::Full)
    }

    fn next_audit<B: Build>(&self, audits: &[Date], b: B) -> Result<B::Out> {
        let a = &self.terms.audit;
        let mut held: Vec<Date> = audits.to_vec();
        held.sort_unstable();
        let Some(&latest) = held.last() else {
            return Err(Error::invalid_argument(
                "audits",
                "give the date of at least one audit held",
            ));
        };
        let n = usize::from(a.max_count.get());
        // The period runs from the N-th most recent audit.
        let from = (held.len() >= n).then(|| held[held.len() - n]);
        let due = match from {
            Some(from) => self.audit_period_end(from)?.max(latest),
            None => latest,
        };
        b.dated(
            DeadlineKind::NextAudit,
            Bound::NoEarlierThan,
            self.due_on(due)?,
            &a.provenance,
            &a.source,
            || {
                Some(format!(
                    "at most {} per {}",
                    a.max_count.get(),
                    a.period.describe()
                ))
            },
        )
    }

    /// The earliest date of an audit announced in writing on `notice_given`:
    /// that date plus the notice days (a notice on day D with 14 days' notice
    /// allows the audit on D + 14). Without a stated notice period, the
    /// notice date itself, with a note. Where the processor may propose
    /// another date for any reason (Belco DPS 1.14, "ongeacht de reden"), the
    /// note says that the date is not fixed.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn earliest_audit_date(&self, notice_given: Date) -> Result<Deadline> {
        self.audit_notice(notice_given, Detail::Full)
    }

    /// The first day after the audit period that starts with an audit on
    /// `from` (clause 2.7.4 / 7.5 under the file's reading): rolling, `from`
    /// plus the period (months under the month rule); calendar, the first
    /// day of the calendar year (or month) of `from`, plus the period.
    fn audit_period_end(&self, from: Date) -> Result<Date> {
        let p = self.terms.audit.period;
        match p.reading() {
            AuditReading::Calendar => {
                let start = match p.length().unit() {
                    TermUnit::Years => from
                        .replace_month(time::Month::January)
                        .and_then(|d| d.replace_day(1)),
                    _ => from.replace_day(1),
                }
                .map_err(|_| Error::out_of_range("the start of the audit's calendar period"))?;
                calendar::add_term(start, p.length(), MonthRule::Clamp)
                    .map_err(|_| Error::out_of_range("the calendar period after the last audit"))
            }
            _ => calendar::add_term(from, p.length(), self.rules.month_rule),
        }
    }

    fn audit_notice<B: Build>(&self, notice_given: Date, b: B) -> Result<B::Out> {
        let a = &self.terms.audit;
        match a.notice {
            Some(days) => {
                let due = calendar::add_term(notice_given, days, self.rules.month_rule)?;
                b.dated(
                    DeadlineKind::AuditNotice,
                    Bound::NoEarlierThan,
                    self.due_on(due)?,
                    &a.provenance,
                    &a.source,
                    || {
                        Some(if a.processor_may_move_date {
                            format!(
                                "{days} written notice; the date is not fixed: the processor may propose another for any reason"
                            )
                        } else {
                            format!("{days} written notice")
                        })
                    },
                )
            }
            None => b.dated(
                DeadlineKind::AuditNotice,
                Bound::NoEarlierThan,
                self.due_on(notice_given)?,
                &a.provenance,
                &a.source,
                || Some("the agreement states no notice period for audits".to_owned()),
            ),
        }
    }

    /// The last day of the client's window to terminate after a significant
    /// statement change was notified on `notified`: that date plus the
    /// window's days, the window closing at the end of that day (clause 2.2.2
    /// / 2.2).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn termination_window_end(&self, notified: Date) -> Result<Deadline> {
        self.termination_window(notified, Detail::Full)
    }

    fn termination_window<B: Build>(&self, notified: Date, b: B) -> Result<B::Out> {
        let c = &self.terms.statement_changes;
        // A window the statement does not state: no deadline, never a
        // default (issue 15 point 2).
        let Some(window) = c.termination_window else {
            return Ok(b.undated(
                DeadlineKind::TerminationWindow,
                &Provenance::NotStated,
                &c.source,
                || {
                    Some(not_stated_reason(
                        &format!(
                            "{} the window to terminate after a change",
                            self.not_stated_by()
                        ),
                        &c.source,
                    ))
                },
            ));
        };
        let due = calendar::add_term(notified, window, self.rules.month_rule)?;
        b.dated(
            DeadlineKind::TerminationWindow,
            Bound::NoLaterThan,
            self.due_on(due)?,
            &c.provenance,
            &c.source,
            || {
                Some(format!(
                    "the client may terminate in writing, with reasons, within {window} of the notice"
                ))
            },
        )
    }

    /// The deadline of the date-triggered `kind` from `from` (the
    /// termination date for [`DeadlineKind::Deletion`] and
    /// [`DeadlineKind::BackupDeletion`], the last audit for
    /// [`DeadlineKind::NextAudit`], the notice date for
    /// [`DeadlineKind::AuditNotice`], the notice of a change for
    /// [`DeadlineKind::TerminationWindow`]), built to `detail`: with
    /// [`Detail::Full`] the same as the kind's `*_deadline` method.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{DeadlineKind, Detail};
    /// use time::macros::date;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let d = belco.date_deadline_of(DeadlineKind::Deletion, date!(2026 - 11 - 30), Detail::DueOnly)?;
    /// assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
    /// assert_eq!(d.citation, "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (field `kind`) for a kind triggered by an
    /// instant or by a change of sub-processors; otherwise as the kind's
    /// method.
    pub fn date_deadline_of(
        &self,
        kind: DeadlineKind,
        from: Date,
        detail: Detail,
    ) -> Result<Deadline> {
        self.date_kind(kind, from, detail)
    }

    /// The deadline of the date-triggered `kind` from `from` as
    /// [`DueFields`]: when it falls, its bound, the business-day shift and
    /// where its term came from, from the same rules as
    /// [`Agreement::date_deadline_of`] (whose [`Deadline`] it equals, field
    /// for field), without the citation and note and without `time`
    /// values to take apart: the fastest way to the due date alone, which
    /// the C API's deadline structs use.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{DeadlineKind, DueDay};
    /// use time::macros::date;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let d = belco.date_due_of(DeadlineKind::Deletion, date!(2024 - 02 - 29))?;
    /// assert!(matches!(d.due, DueDay::Date { year: 2024, month: 5, day: 29, .. }));
    /// assert!(belco.date_due_of(DeadlineKind::BreachNotice, date!(2024 - 02 - 29)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Agreement::date_deadline_of`], the same error for the same
    /// arguments. For a date-triggered `kind`, an error from `from` is an
    /// error from every later date too; put the other way, where the
    /// deadline computes from a date it computes from every earlier one,
    /// so a caller with many dates may check the latest alone (libdpa's
    /// batch does, before it writes into the caller's array). It holds
    /// because every rule's due date never falls as its trigger date rises
    /// (adding a term under each month rule, the start of an audit period,
    /// the next business day, the later of two dates), and past the check
    /// of `kind` the only error is a due date, or the end of its day,
    /// after the end of the supported range (years 1 to 9999).
    pub fn date_due_of(&self, kind: DeadlineKind, from: Date) -> Result<DueFields> {
        self.date_kind(kind, from, Fields)
    }

    /// [`Agreement::date_due_of`] from a date given as its year, month (1
    /// to 12) and day, as C and Python hand dates in: the same answer as
    /// `date_due_of(kind, iso_date::from_parts(year, month, day)?)`, and
    /// the same error for the same arguments. The fastest way to a due
    /// date from those numbers: for the deletion and backup deletion
    /// kinds, a term of months or years is added to the numbers as they
    /// came, without making a `Date` of the start and taking it apart
    /// again; the other kinds, and terms of days or weeks, count from the
    /// `Date`. libdpa's `dpa_agreement_date_due` computes with it.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{DeadlineKind, DueDay};
    /// use time::macros::date;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let d = belco.date_due_of_parts(DeadlineKind::Deletion, 2024, 2, 29)?;
    /// assert!(matches!(d.due, DueDay::Date { year: 2024, month: 5, day: 29, .. }));
    /// assert_eq!(d, belco.date_due_of(DeadlineKind::Deletion, date!(2024 - 02 - 29))?);
    /// let e = belco.date_due_of_parts(DeadlineKind::Deletion, 2026, 2, 30).unwrap_err();
    /// assert_eq!(e.to_string(), "2026-02-30 is not a date: no such day in that month");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::OutOfRange`] where `year-month-day` is not a date of the
    /// years 1 to 9999 ([`iso_date::from_parts`]'s error); otherwise as
    /// [`Agreement::date_due_of`].
    // Always inlined: the C library's single call and date batches are its
    // callers, and inlined into them it measured about 1 ns a call faster
    // than called (`BENCHMARKS.md`, "The date batches' first pass without
    // a branch"); the body is a check and a dispatch to out-of-line rules.
    #[inline(always)]
    pub fn date_due_of_parts(
        &self,
        kind: DeadlineKind,
        year: i32,
        month: u32,
        day: u32,
    ) -> Result<DueFields> {
        let Some(from) = Ymd::checked(year, month, day) else {
            return iso_date::from_parts(year, month, day).and_then(|d| self.date_due_of(kind, d));
        };
        match kind {
            DeadlineKind::Deletion => self.deletion_on(self.deletion_date_of_ymd(from)?, Fields),
            DeadlineKind::BackupDeletion => {
                self.backup_deletion_on(self.deletion_date_of_ymd(from)?, Fields)
            }
            _ => self.date_due_of(kind, from.to_date()?),
        }
    }

    /// The due date of the date-triggered `kind` from `from` and its bound,
    /// `None` where there is no date: [`Agreement::date_due_of`] without
    /// the fields a schedule's row does not write, from the same rules.
    /// The schedule's date-only path.
    ///
    /// # Errors
    /// As [`Agreement::date_deadline_of`], the same error for the same
    /// arguments.
    pub(crate) fn due_day_of(
        &self,
        kind: DeadlineKind,
        from: Date,
    ) -> Result<(Option<Date>, Bound)> {
        self.date_kind(kind, from, DayOnly)
    }

    /// The one dispatcher of the date-triggered kinds, for any builder.
    #[inline]
    fn date_kind<B: Build>(&self, kind: DeadlineKind, from: Date, b: B) -> Result<B::Out> {
        match kind {
            DeadlineKind::Deletion => self.deletion(from, b),
            DeadlineKind::BackupDeletion => self.backup_deletion(from, b),
            DeadlineKind::NextAudit => self.next_audit(&[from], b),
            DeadlineKind::AuditNotice => self.audit_notice(from, b),
            DeadlineKind::TerminationWindow => self.termination_window(from, b),
            _ => Err(Error::invalid_argument(
                "kind",
                format!("`{kind}` is not triggered by a date"),
            )),
        }
    }

    /// The client's right to object to a change of sub-processors, as a
    /// deadline with no fixed term: clause 8.3 of both editions (2.8.3 in
    /// Belco's numbering) gives the right and sets no term for it; GDPR art.
    /// 28(2). It cites that clause when `terms.sub_processors.source` does,
    /// else all of that source. Where the agreement gives no right to
    /// object (`client_may_object` false), the note says so. The one place
    /// this right is made: the timeline (a notified change) and the diff (a
    /// significant change of a sub-processor) both take it from here.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::deadline::{DeadlineKind, Due};
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let o = Agreement::from_toml(&text)?.sub_processor_objection();
    /// assert_eq!(o.kind, DeadlineKind::SubProcessorObjection);
    /// assert_eq!(o.due, Due::NoFixedTerm);
    /// assert_eq!(o.citation, "clause 2.8.3; GDPR art. 28(2)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sub_processor_objection(&self) -> Deadline {
        let p = &self.terms.sub_processors;
        let clause = format!("clause {}", self.clauses.numbering.clause(8, Some(3)));
        let citation = match p.source.iter().find(|r| r.as_str() == clause) {
            Some(r) => citation::join(r.as_str(), [GDPR_ART_28_2]),
            None => citation::cite(&p.source, [GDPR_ART_28_2]),
        };
        let note = match p.client_may_object {
            Some(true) => {
                "the client may object to the change of sub-processors; the agreement sets no term for it"
            }
            Some(false) => "the agreement gives no right to object",
            // Issue 15 point 2: never a default; the edition's clause 8.3
            // gives the right, but the file does not record whether the
            // agreement keeps it.
            None => {
                "the statement does not state whether the client may object to a change of sub-processors"
            }
        };
        Deadline {
            kind: DeadlineKind::SubProcessorObjection,
            provenance: p.provenance.clone(),
            due: Due::NoFixedTerm,
            bound: Bound::NoLaterThan,
            citation,
            shift: None,
            note: Some(note.to_owned()),
        }
    }
}

/// The article a sub-processor change rests on: the processor engages
/// another processor only with the controller's authorisation, and the
/// controller may object to a change.
const GDPR_ART_28_2: &str = "GDPR art. 28(2)";

/// `what`, with the places where the statement is silent in brackets where
/// the table names them: the note of a deadline on a term that is not
/// stated (issue 15 point 2).
fn not_stated_reason(what: &str, source: &[crate::values::ClauseRef]) -> String {
    let refs = crate::values::join_refs(source);
    if refs.is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({refs})")
    }
}
