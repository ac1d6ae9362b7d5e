//! The changes between two versions ([`DiffReport`]) as a report.

use std::fmt;

use super::Report;
use crate::diff::DiffReport;
use crate::values::iso_date;

impl fmt::Display for DiffReport {
    /// The count, one entry per change with its verdict and reason, and the
    /// rights the notice opens.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} change(s) from version {} to {} ({} significant)",
            self.changes.len(),
            self.old_version,
            self.new_version,
            self.changes.iter().filter(|c| c.significant).count()
        )?;
        for c in &self.changes {
            let verdict = if c.significant {
                "significant"
            } else {
                "not significant"
            };
            writeln!(
                f,
                "  [{verdict}] {} at {}: {}\n      {}",
                c.kind.as_str(),
                c.path,
                c.description,
                c.reason
            )?;
        }
        if let Some(w) = &self.termination_window {
            writeln!(
                f,
                "Notified {}: the client may terminate until {} ({})",
                iso_date::format(self.notified),
                w.due,
                w.citation
            )?;
        }
        if let Some(o) = &self.objection {
            writeln!(
                f,
                "The client may object to the sub-processor change ({})",
                o.citation
            )?;
        }
        Ok(())
    }
}

impl Report for DiffReport {
    /// A diff is an answer, never a failure.
    fn fails(&self) -> bool {
        false
    }
}
