//! The GDPR art. 28 coverage table ([`CoverageReport`]) as a report.

use std::fmt;

use super::Report;
use crate::completeness::{CoverageReport, ItemCoverage};

/// What the text says for an item no clause covers.
const NOT_COVERED: &str = "NOT COVERED";

impl ItemCoverage {
    /// The clauses that cover the item, comma-separated, or `NOT COVERED`.
    pub fn clauses_text(&self) -> String {
        if self.clauses.is_empty() {
            NOT_COVERED.to_owned()
        } else {
            self.clauses.join(", ")
        }
    }
}

impl fmt::Display for ItemCoverage {
    /// `article name: clauses` (or `NOT COVERED`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.item.article(),
            self.item.name(),
            self.clauses_text()
        )
    }
}

impl fmt::Display for CoverageReport {
    /// One line per item: the article, what it requires, and the clauses
    /// that cover it or `NOT COVERED`, in columns.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.items {
            writeln!(
                f,
                "{:<18}  {:<41}  {}",
                c.item.article(),
                c.item.name(),
                c.clauses_text()
            )?;
        }
        Ok(())
    }
}

impl Report for CoverageReport {
    fn fails(&self) -> bool {
        !self.is_complete()
    }
}
