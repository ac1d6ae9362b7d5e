//! The obligation timeline ([`Timeline`]) as a report, and the text of
//! one [`Obligation`].

use std::fmt;

use super::Report;
use crate::deadline::Bound;
use crate::finding::has_errors;
use crate::timeline::{Obligation, Timeline};
use crate::values::{iso_date, iso_instant};

impl fmt::Display for Obligation {
    /// One line: the kind, the owner, `due` (or `from` for the earliest date
    /// of a right, [`Bound::NoEarlierThan`]), the due date or instant (or
    /// `none`), the status, for a notice of a breach the time elapsed (and,
    /// without a fixed term, the bound after which it is late) in
    /// parentheses, and the subject in brackets where there is one:
    /// `deletion processor due 2027-02-28 met on 2027-02-12`,
    /// `breach-notice processor due none done on 2026-03-29T09:00:00Z
    /// (elapsed PT22H30M; late after 2026-03-31T09:30:00Z) [B-1]`.
    ///
    /// With the alternate flag (`{:#}`), the entry `dpa deadlines` prints
    /// (without its indent): the same line in columns, then the citation
    /// and the note, each on a line of its own.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::timeline::Events;
    /// use time::macros::date;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let belco = Agreement::from_toml(&text)?;
    /// let events = Events::from_toml(
    ///     "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n",
    /// )?;
    /// let t = belco.timeline(&events, date!(2027 - 01 - 15))?;
    /// let deletion = &t.obligations[0];
    /// assert_eq!(deletion.to_string(), "deletion processor due 2027-02-28 pending");
    /// assert_eq!(
    ///     format!("{deletion:#}"),
    ///     "deletion                 processor  due 2027-02-28           pending\n      DPS 1.11, clause 2.6.3"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.deadline.bound {
            Bound::NoEarlierThan => "from",
            _ => "due",
        };
        // The columns of the command's table, or none.
        let (kind, owner, due) = if f.alternate() {
            (24, 10, 20)
        } else {
            (0, 0, 0)
        };
        write!(
            f,
            "{:<kind$} {:<owner$} {what} {:<due$} {}",
            self.kind.as_str(),
            self.owner.as_str(),
            self.deadline.due.to_string(),
            self.status
        )?;
        match (self.elapsed, self.late_after) {
            (Some(e), Some(t)) => {
                write!(f, " (elapsed {e}; late after {})", iso_instant::format(t))?
            }
            (Some(e), None) => write!(f, " (elapsed {e})")?,
            _ => {}
        }
        if let Some(subject) = &self.subject {
            write!(f, " [{subject}]")?;
        }
        // A deadline on a term that is not stated says so (issue 15 point 2).
        if let Some(a) = self.deadline.provenance.annotation() {
            write!(f, " ({a})")?;
        }
        if f.alternate() {
            write!(f, "\n      {}", self.deadline.citation)?;
            if let Some(note) = &self.deadline.note {
                write!(f, "\n      note: {note}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Timeline {
    /// One entry per obligation (kind, owner, due date, status, subject,
    /// citation, note: the alternate form of [`Obligation`]'s `Display`),
    /// then the findings about the events.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Obligations as of {}:", iso_date::format(self.at))?;
        if self.obligations.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for o in &self.obligations {
            writeln!(f, "  {o:#}")?;
        }
        if !self.findings.is_empty() {
            writeln!(f, "Findings:")?;
            for finding in &self.findings {
                match &finding.path {
                    Some(p) => writeln!(f, "  {p}: {finding}")?,
                    None => writeln!(f, "  {finding}")?,
                }
            }
        }
        Ok(())
    }
}

impl Report for Timeline {
    /// A missed obligation (a firm term not kept, or a return made
    /// impossible: [`Status::is_missed`](crate::timeline::Status::is_missed))
    /// or an error finding about the events. An obligation `late` or
    /// `exceeded` is a warning and does not fail.
    fn fails(&self) -> bool {
        self.obligations.iter().any(|o| o.status.is_missed()) || has_errors(&self.findings)
    }
}
