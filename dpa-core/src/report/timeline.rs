//! The obligation timeline ([`Timeline`]) as a report.

use std::fmt;

use super::Report;
use crate::deadline::Bound;
use crate::finding::has_errors;
use crate::timeline::{Status, Timeline};
use crate::values::iso_date;

impl fmt::Display for Timeline {
    /// One entry per obligation (kind, owner, due date, status, subject,
    /// citation, note), then the findings about the events.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Obligations as of {}:", iso_date::format(self.at))?;
        if self.obligations.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for o in &self.obligations {
            let what = match o.deadline.bound {
                Bound::NoEarlierThan => "from",
                _ => "due",
            };
            write!(
                f,
                "  {:<24} {:<10} {what} {:<20} {}",
                o.kind.as_str(),
                o.owner.as_str(),
                o.deadline.due.to_string(),
                o.status
            )?;
            if let Some(subject) = &o.subject {
                write!(f, " [{subject}]")?;
            }
            writeln!(f, "\n      {}", o.deadline.citation)?;
            if let Some(note) = &o.deadline.note {
                writeln!(f, "      note: {note}")?;
            }
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
    /// A missed obligation or an error finding about the events.
    fn fails(&self) -> bool {
        self.obligations
            .iter()
            .any(|o| matches!(o.status, Status::Missed { .. }))
            || has_errors(&self.findings)
    }
}
