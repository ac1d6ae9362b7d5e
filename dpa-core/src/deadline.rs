//! Deadlines computed from an agreement's terms: deletion after termination,
//! breach notice, audits, the termination window after a statement change,
//! and the service level.
//!
//! Each computation returns a [`Deadline`]: when it falls ([`Due`]), whether
//! it is a latest or an earliest date ([`Bound`]), the clauses and articles it
//! rests on, and whether the business-day rule moved it. The rules are stated
//! with their sources in `docs/rules.md`.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::deadline::Due;
//! use time::macros::{date, datetime};
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/belco.toml"
//! ))?;
//! let belco = Agreement::from_toml(&text)?;
//!
//! // Terminated 30 November 2026: delete by 28 February 2027 (DPS 1.11).
//! let d = belco.deletion_deadline(date!(2026 - 11 - 30))?;
//! assert_eq!(d.due.date(), Some(date!(2027 - 02 - 28)));
//! assert_eq!(d.citation, "DPS 1.11, clause 2.6.3");
//!
//! // A breach discovered on 28 March 2026 at 10:30 Amsterdam time: notify the
//! // client within 24 hours, across the change to summer time.
//! let b = belco.breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))?;
//! assert_eq!(b.due, Due::Instant(datetime!(2026-03-29 09:30 UTC)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::Serialize;
use time::{Date, OffsetDateTime, UtcOffset};

use crate::calendar::{self, BusinessDayShift};
use crate::error::{Error, Result};
use crate::macros::spelled_enum;
use crate::model::{
    Agreement, AuditPeriod, BackupDeletion, BusinessDayRule, Firmness, NoticeTerm, OfficeDays,
    Response,
};
use crate::values::{TimeZoneName, iso_date, iso_instant, join_refs};

/// The hours the controller has to notify the supervisory authority after
/// becoming aware of a breach (GDPR art. 33(1)).
pub const GDPR_AUTHORITY_NOTICE_HOURS: i64 = 72;

spelled_enum! {
    /// What a deadline is for.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum DeadlineKind ("deadline kind") {
        /// Deletion of the client's data after termination.
        Deletion = "deletion",
        /// Deletion from backups, where the agreement ties it to the backup cycle.
        BackupDeletion = "backup-deletion",
        /// The processor's notice of a breach to the client.
        BreachNotice = "breach-notice",
        /// The controller's notice of a breach to the supervisory authority (GDPR art. 33(1)).
        AuthorityNotice = "authority-notice",
        /// The earliest date of the next audit after an audit.
        NextAudit = "next-audit",
        /// The earliest audit date after a written notice.
        AuditNotice = "audit-notice",
        /// The end of the client's window to terminate after a statement change.
        TerminationWindow = "termination-window",
        /// When the processor starts working on an incident (service level).
        ServiceResponse = "service-response",
        /// The client's right to object to a change of sub-processors (no fixed
        /// term in either edition: clause 2.8.3 / 8.3).
        SubProcessorObjection = "sub-processor-objection",
    }
}

/// What starts a deadline of a [`DeadlineKind`]: a date, an instant, or
/// nothing the deadline can be computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Trigger {
    /// A calendar date (`--from YYYY-MM-DD`): the termination, the last
    /// audit, the written notice.
    Date,
    /// An instant with a UTC offset: the discovery of a breach, the report
    /// of an incident (docs/rules.md rule 2: hour terms run on instants).
    Instant,
    /// Nothing: the deadline is a right a change opens, with no term to
    /// compute from a start ([`DeadlineKind::SubProcessorObjection`]; see
    /// [`crate::diff::rights_opened`] and the timeline).
    NotComputable,
}

impl DeadlineKind {
    /// What starts a deadline of this kind.
    ///
    /// ```
    /// use dpa_core::deadline::{DeadlineKind, Trigger};
    /// assert_eq!(DeadlineKind::Deletion.trigger(), Trigger::Date);
    /// assert_eq!(DeadlineKind::BreachNotice.trigger(), Trigger::Instant);
    /// assert_eq!(DeadlineKind::SubProcessorObjection.trigger(), Trigger::NotComputable);
    /// ```
    pub const fn trigger(self) -> Trigger {
        match self {
            DeadlineKind::Deletion
            | DeadlineKind::BackupDeletion
            | DeadlineKind::NextAudit
            | DeadlineKind::AuditNotice
            | DeadlineKind::TerminationWindow => Trigger::Date,
            DeadlineKind::BreachNotice
            | DeadlineKind::AuthorityNotice
            | DeadlineKind::ServiceResponse => Trigger::Instant,
            DeadlineKind::SubProcessorObjection => Trigger::NotComputable,
        }
    }
}

/// When a deadline falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Due {
    /// Through the whole of `date`: it ends at 24:00 in the processor's time
    /// zone, the instant `ends_at` (UTC). Dates are inclusive.
    Date {
        /// The date.
        date: Date,
        /// The instant the date ends in the processor's time zone, in UTC.
        ends_at: OffsetDateTime,
    },
    /// At this instant (UTC).
    Instant(OffsetDateTime),
    /// The agreement sets no fixed term (e.g. "without undue delay").
    NoFixedTerm,
}

impl Due {
    /// The date, for a date deadline.
    pub fn date(&self) -> Option<Date> {
        match self {
            Due::Date { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// The instant by which the deadline is met: the end of the date for a
    /// date, the instant itself for an instant, `None` without a fixed term.
    pub fn latest_instant(&self) -> Option<OffsetDateTime> {
        match self {
            Due::Date { ends_at, .. } => Some(*ends_at),
            Due::Instant(t) => Some(*t),
            Due::NoFixedTerm => None,
        }
    }
}

impl fmt::Display for Due {
    /// `2027-02-28`, `2026-03-29T09:30:00Z` or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date { date, .. } => f.write_str(&iso_date::format(*date)),
            Due::Instant(t) => f.write_str(&iso_instant::format(*t)),
            Due::NoFixedTerm => f.write_str("none"),
        }
    }
}

/// Whether a deadline is the latest or the earliest moment for the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Bound {
    /// The act must happen by then (deletion, notice, end of a window).
    NoLaterThan,
    /// The act may happen from then on (the next audit).
    NoEarlierThan,
}

/// A deadline computed from an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deadline {
    /// What it is for.
    pub kind: DeadlineKind,
    /// When.
    pub due: Due,
    /// Latest or earliest.
    pub bound: Bound,
    /// The clauses of the agreement and articles of law it rests on.
    pub citation: String,
    /// Set when the business-day rule moved a date deadline off a weekend or
    /// holiday: from which date to which.
    pub shift: Option<BusinessDayShift>,
    /// What else a reader should know (e.g. "no fixed term", "in principe").
    pub note: Option<String>,
}

impl fmt::Display for Deadline {
    /// The due date or instant in ISO 8601 (or `none`), then the citation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.due, self.citation)
    }
}

impl Serialize for Deadline {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Deadline", 8)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("bound", &self.bound)?;
        match self.due {
            Due::Date { date, ends_at } => {
                st.serialize_field("due", &iso_date::format(date))?;
                st.serialize_field("ends_at", &iso_instant::format(ends_at))?;
            }
            Due::Instant(t) => {
                st.serialize_field("due", &iso_instant::format(t))?;
                st.serialize_field("ends_at", &iso_instant::format(t))?;
            }
            Due::NoFixedTerm => {
                st.serialize_field("due", &Option::<String>::None)?;
                st.serialize_field("ends_at", &Option::<String>::None)?;
            }
        }
        st.serialize_field("citation", &self.citation)?;
        match &self.shift {
            Some(sh) => {
                st.serialize_field("shifted_from", &Some(iso_date::format(sh.original())))?
            }
            None => st.serialize_field("shifted_from", &Option::<String>::None)?,
        }
        st.serialize_field("note", &self.note)?;
        st.end()
    }
}

spelled_enum! {
    /// The impact of an incident, for the service level.
    #[non_exhaustive]
    pub enum Impact ("impact") {
        /// Low impact: workarounds are possible.
        Low = "low",
        /// High impact: business-critical features are down.
        High = "high",
    }
}

/// How much of a [`Deadline`] to build: everything, or only when it falls.
///
/// The `*_deadline` methods build everything. [`Agreement::date_deadline_of`]
/// with [`Detail::DueOnly`] skips the citation and the note (an empty
/// `citation`, `note: None`): for callers that show only the date, such as
/// the C API's struct functions, which carry neither; it saves the
/// allocations, about a quarter of a deletion deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Detail {
    /// The citation and the note too.
    #[default]
    Full,
    /// `due`, `bound`, `kind` and `shift` only.
    DueOnly,
}

impl Detail {
    /// The citation of `refs`, or an empty string (no allocation).
    fn cite(self, refs: &[crate::values::ClauseRef]) -> String {
        match self {
            Detail::Full => join_refs(refs),
            Detail::DueOnly => String::new(),
        }
    }

    /// The note `f` makes, or `None` without making it.
    fn note(self, f: impl FnOnce() -> Option<String>) -> Option<String> {
        match self {
            Detail::Full => f(),
            Detail::DueOnly => None,
        }
    }
}

/// The instant `date` ends (24:00, i.e. the start of the next day) in `tz`, in UTC.
pub(crate) fn end_of_day(date: Date, tz: &TimeZoneName) -> Result<OffsetDateTime> {
    let next = date
        .next_day()
        .ok_or_else(|| Error::out_of_range(format!("the end of {}", iso_date::format(date))))?;
    match tz.cached_start_of_day(next) {
        Some(t) => Ok(t),
        None => start_of_local(civil_date(next)?.at(0, 0, 0, 0), tz.time_zone()),
    }
}

/// `time::Date` to `jiff::civil::Date` (years 1-9999 in both).
fn civil_date(d: Date) -> Result<jiff::civil::Date> {
    let year =
        i16::try_from(d.year()).map_err(|_| Error::out_of_range(format!("year {}", d.year())))?;
    jiff::civil::Date::new(year, u8::from(d.month()) as i8, d.day() as i8)
        .map_err(|e| Error::out_of_range(e.to_string()))
}

/// `jiff::civil::Date` to `time::Date`.
fn time_date(d: jiff::civil::Date) -> Result<Date> {
    let month =
        time::Month::try_from(d.month() as u8).map_err(|e| Error::out_of_range(e.to_string()))?;
    Date::from_calendar_date(i32::from(d.year()), month, d.day() as u8)
        .map_err(|e| Error::out_of_range(e.to_string()))
}

/// The first instant at or after local time `dt` in `tz` (a time in a
/// daylight-saving gap moves forward past the gap), in UTC.
fn start_of_local(dt: jiff::civil::DateTime, tz: &jiff::tz::TimeZone) -> Result<OffsetDateTime> {
    let ts = tz
        .to_ambiguous_timestamp(dt)
        .compatible()
        .map_err(|e| Error::out_of_range(format!("local time {dt}: {e}")))?;
    OffsetDateTime::from_unix_timestamp(ts.as_second())
        .map_err(|e| Error::out_of_range(format!("instant {ts}: {e}")))
}

impl Agreement {
    /// A date deadline of `kind` on `date`, moved by the business-day rule
    /// when the agreement opts in.
    fn date_deadline(
        &self,
        kind: DeadlineKind,
        bound: Bound,
        date: Date,
        citation: String,
        note: Option<String>,
    ) -> Result<Deadline> {
        let shift = match self.rules.business_days {
            BusinessDayRule::NlAtw => calendar::shift_to_business_day(date)?,
            _ => None,
        };
        let date = shift.map_or(date, |s| s.shifted());
        let ends_at = end_of_day(date, &self.rules.time_zone)?;
        Ok(Deadline {
            kind,
            due: Due::Date { date, ends_at },
            bound,
            citation,
            shift,
            note,
        })
    }

    fn deletion_date(&self, terminated: Date) -> Result<Date> {
        calendar::add_months(
            terminated,
            i32::from(self.terms.deletion.months.get()),
            self.rules.month_rule,
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
    /// agreement ends on `terminated`: the agreement's months added under its
    /// month rule, inclusive (DPS 1.11 / clause 2.6.3; DPS 12 / clause 6.3).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn deletion_deadline(&self, terminated: Date) -> Result<Deadline> {
        self.deletion(terminated, Detail::Full)
    }

    fn deletion(&self, terminated: Date, detail: Detail) -> Result<Deadline> {
        let due = self.deletion_date(terminated)?;
        self.date_deadline(
            DeadlineKind::Deletion,
            Bound::NoLaterThan,
            due,
            detail.cite(&self.terms.deletion.source),
            detail.note(|| self.firmness_note()),
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

    fn backup_deletion(&self, terminated: Date, detail: Detail) -> Result<Deadline> {
        let d = &self.terms.deletion;
        let citation = detail.cite(&d.source);
        let main = self.deletion_date(terminated)?;
        match (d.backups, d.backup_cycle_days) {
            (BackupDeletion::PerBackupCycle, Some(days)) => {
                let due = calendar::add_days(main, i64::from(days.get()))?;
                self.date_deadline(
                    DeadlineKind::BackupDeletion,
                    Bound::NoLaterThan,
                    due,
                    citation,
                    detail.note(|| {
                        Some(format!(
                            "deletion date {} plus one backup cycle of {days}",
                            iso_date::format(main)
                        ))
                    }),
                )
            }
            (BackupDeletion::PerBackupCycle, None) => Ok(Deadline {
                kind: DeadlineKind::BackupDeletion,
                due: Due::NoFixedTerm,
                bound: Bound::NoLaterThan,
                citation,
                shift: None,
                note: detail.note(|| Some(format!(
                    "backups are deleted as the regular backup cycle rotates them out, after the deletion date {}; the agreement does not state the cycle's length",
                    iso_date::format(main)
                ))),
            }),
            (BackupDeletion::WithinTerm, _) => self.date_deadline(
                DeadlineKind::BackupDeletion,
                Bound::NoLaterThan,
                main,
                citation,
                detail.note(|| Some("backups are deleted within the same term".to_owned())),
            ),
            _ => self.date_deadline(
                DeadlineKind::BackupDeletion,
                Bound::NoLaterThan,
                main,
                citation,
                detail.note(|| {
                    Some(
                        "the agreement does not mention backups; the deletion term is taken to cover them"
                            .to_owned(),
                    )
                }),
            ),
        }
    }

    /// When the processor must notify the client of a breach it discovered
    /// at `discovered`: that instant plus the agreement's hours, exactly (on
    /// UTC, so right across daylight-saving changes; hour terms never move to
    /// a business day). For "without undue delay" there is no fixed instant:
    /// [`Due::NoFixedTerm`] (GDPR art. 33(2)).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the instant would leave the supported range.
    pub fn breach_notice_deadline(&self, discovered: OffsetDateTime) -> Result<Deadline> {
        let b = &self.terms.breach;
        let citation = crate::citation::cite(&b.source, ["GDPR art. 33(2)"]);
        match b.notice {
            NoticeTerm::WithinHours { hours } => {
                let due = calendar::add_hours(discovered, i64::from(hours.get()))?;
                Ok(Deadline {
                    kind: DeadlineKind::BreachNotice,
                    due: Due::Instant(due),
                    bound: Bound::NoLaterThan,
                    citation,
                    shift: None,
                    note: None,
                })
            }
            _ => Ok(Deadline {
                kind: DeadlineKind::BreachNotice,
                due: Due::NoFixedTerm,
                bound: Bound::NoLaterThan,
                citation,
                shift: None,
                note: Some(
                    "without undue delay: the agreement sets no fixed number of hours".to_owned(),
                ),
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
        let due = calendar::add_hours(aware, GDPR_AUTHORITY_NOTICE_HOURS)?;
        Ok(Deadline {
            kind: DeadlineKind::AuthorityNotice,
            due: Due::Instant(due),
            bound: Bound::NoLaterThan,
            citation: "GDPR art. 33(1)".to_owned(),
            shift: None,
            note: Some(
                "the controller's duty, where the breach is likely to result in a risk".to_owned(),
            ),
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

    fn next_audit(&self, audits: &[Date], detail: Detail) -> Result<Deadline> {
        let a = &self.terms.audit;
        let citation = detail.cite(&a.source);
        let mut held: Vec<Date> = audits.to_vec();
        held.sort_unstable();
        let Some(&latest) = held.last() else {
            return Err(Error::invalid_argument(
                "audits",
                "give the date of at least one audit held",
            ));
        };
        let n = usize::from(a.max_count.get());
        let due = match a.period {
            AuditPeriod::CalendarYear => {
                let in_year = held.iter().filter(|d| d.year() == latest.year()).count();
                if in_year >= n {
                    Date::from_calendar_date(latest.year() + 1, time::Month::January, 1)
                        .map_err(|_| Error::out_of_range("the year after the last audit"))?
                } else {
                    latest
                }
            }
            _ => {
                if held.len() >= n {
                    calendar::add_months(held[held.len() - n], 12, self.rules.month_rule)?
                        .max(latest)
                } else {
                    latest
                }
            }
        };
        let reading = match a.period {
            AuditPeriod::CalendarYear => "per calendar year",
            _ => "per rolling 12 months",
        };
        self.date_deadline(
            DeadlineKind::NextAudit,
            Bound::NoEarlierThan,
            due,
            citation,
            detail.note(|| Some(format!("at most {} {reading}", a.max_count.get()))),
        )
    }

    /// The earliest date of an audit announced in writing on `notice_given`:
    /// that date plus the notice days (a notice on day D with 14 days' notice
    /// allows the audit on D + 14). Without a stated notice period, the
    /// notice date itself, with a note.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the date would leave the supported range.
    pub fn earliest_audit_date(&self, notice_given: Date) -> Result<Deadline> {
        self.audit_notice(notice_given, Detail::Full)
    }

    fn audit_notice(&self, notice_given: Date, detail: Detail) -> Result<Deadline> {
        let a = &self.terms.audit;
        let citation = detail.cite(&a.source);
        match a.notice_days {
            Some(days) => {
                let due = calendar::add_days(notice_given, i64::from(days.get()))?;
                self.date_deadline(
                    DeadlineKind::AuditNotice,
                    Bound::NoEarlierThan,
                    due,
                    citation,
                    detail.note(|| Some(format!("{days} written notice"))),
                )
            }
            None => self.date_deadline(
                DeadlineKind::AuditNotice,
                Bound::NoEarlierThan,
                notice_given,
                citation,
                detail.note(|| Some("the agreement states no notice period for audits".to_owned())),
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

    fn termination_window(&self, notified: Date, detail: Detail) -> Result<Deadline> {
        let c = &self.terms.statement_changes;
        let due = calendar::add_days(notified, i64::from(c.termination_window_days.get()))?;
        self.date_deadline(
            DeadlineKind::TerminationWindow,
            Bound::NoLaterThan,
            due,
            detail.cite(&c.source),
            detail.note(|| {
                Some(format!(
                    "the client may terminate in writing, with reasons, within {} of the notice",
                    c.termination_window_days
                ))
            }),
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
        match kind {
            DeadlineKind::Deletion => self.deletion(from, detail),
            DeadlineKind::BackupDeletion => self.backup_deletion(from, detail),
            DeadlineKind::NextAudit => self.next_audit(&[from], detail),
            DeadlineKind::AuditNotice => self.audit_notice(from, detail),
            DeadlineKind::TerminationWindow => self.termination_window(from, detail),
            _ => Err(Error::invalid_argument(
                "kind",
                format!("`{kind}` is not triggered by a date"),
            )),
        }
    }

    /// When the processor starts working on an incident reported at
    /// `reported`, under the statement's service level: a high-impact incident
    /// at once; a low-impact one from the start of the next office hours in
    /// the processor's time zone (at once when reported during office hours).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the agreement has no service level;
    /// [`Error::OutOfRange`] when the instant would leave the supported range.
    pub fn service_response(&self, reported: OffsetDateTime, impact: Impact) -> Result<Deadline> {
        let Some(sl) = &self.statement.service_level else {
            return Err(Error::invalid_argument(
                "statement.service_level",
                "the agreement sets no service level",
            ));
        };
        let response = match impact {
            Impact::High => sl.high_impact_response,
            Impact::Low => sl.low_impact_response,
        };
        let citation = join_refs(&sl.source);
        let reported = reported.to_offset(UtcOffset::UTC);
        let due = match response {
            Response::Immediately => reported,
            _ => self.next_office_hours(reported)?,
        };
        Ok(Deadline {
            kind: DeadlineKind::ServiceResponse,
            due: Due::Instant(due),
            bound: Bound::NoLaterThan,
            citation,
            shift: None,
            note: Some(match response {
                Response::Immediately => "at once, 24x7".to_owned(),
                _ => "from the start of the next office hours".to_owned(),
            }),
        })
    }

    /// `at` itself during office hours, else the start of the next office
    /// hours, in UTC.
    fn next_office_hours(&self, at: OffsetDateTime) -> Result<OffsetDateTime> {
        let Some(sl) = &self.statement.service_level else {
            return Ok(at);
        };
        let oh = &sl.office_hours;
        let tz = self.rules.time_zone.time_zone();
        let ts = jiff::Timestamp::from_second(at.unix_timestamp())
            .map_err(|e| Error::out_of_range(e.to_string()))?;
        let local = ts.to_zoned(tz.clone()).datetime();
        let clock = |t: time::Time| {
            jiff::civil::Time::new(t.hour() as i8, t.minute() as i8, 0, 0)
                .map_err(|e| Error::out_of_range(e.to_string()))
        };
        let (start, end) = (clock(oh.start())?, clock(oh.end())?);
        let mut day = local.date();
        for i in 0..=31 {
            let d = time_date(day)?;
            let open = match oh.days() {
                OfficeDays::MondayToFridayExceptNlHolidays => calendar::is_business_day(d),
                _ => !matches!(d.weekday(), time::Weekday::Saturday | time::Weekday::Sunday),
            };
            if open {
                if i == 0 && local.time() >= start && local.time() < end {
                    return Ok(at);
                }
                if i > 0 || local.time() < start {
                    return start_of_local(day.to_datetime(start), tz);
                }
            }
            day = day
                .tomorrow()
                .map_err(|e| Error::out_of_range(e.to_string()))?;
        }
        Err(Error::out_of_range("no office hours within a month"))
    }
}
