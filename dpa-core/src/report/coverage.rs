//! The GDPR art. 28 coverage table ([`CoverageReport`]) as a report.

use std::fmt;

use super::Report;
use crate::completeness::{Coverage, CoverageReport, ItemCoverage};

impl ItemCoverage {
    /// The verdict in words: the clauses that cover the item (covered),
    /// `PARTLY: <clauses> (missing: <what>)`, `NOT COVERED (missing:
    /// <what>)`, or `UNKNOWN: <clauses> (<cause>: <what>)` (`UNKNOWN (...)`
    /// when nothing is met; the cause `edition text not on file`, `part 2
    /// not in the document` or `part 1 not in the document`);
    /// a partly covered item with unknown requirements adds `; unknown:
    /// <what>`.
    pub fn clauses_text(&self) -> String {
        let words = |rs: &[crate::completeness::Requirement]| {
            rs.iter().map(|r| r.text()).collect::<Vec<_>>().join("; ")
        };
        let (missing, unknown) = (words(&self.missing), words(&self.unknown));
        let cause = self.unknown_cause.map_or("unknown", |c| c.text());
        match self.verdict {
            Coverage::Covered => self.clauses.join(", "),
            Coverage::NotCovered => format!("NOT COVERED (missing: {missing})"),
            Coverage::Unknown if self.clauses.is_empty() => {
                format!("UNKNOWN ({cause}: {unknown})")
            }
            Coverage::Unknown => {
                format!("UNKNOWN: {} ({cause}: {unknown})", self.clauses.join(", "))
            }
            _ if self.clauses.is_empty() && !self.unknown.is_empty() => {
                format!("PARTLY (missing: {missing}; unknown: {unknown})")
            }
            _ if !self.unknown.is_empty() => format!(
                "PARTLY: {} (missing: {missing}; unknown: {unknown})",
                self.clauses.join(", ")
            ),
            _ => format!("PARTLY: {} (missing: {missing})", self.clauses.join(", ")),
        }
    }
}

impl fmt::Display for ItemCoverage {
    /// `article name: verdict` ([`ItemCoverage::clauses_text`]).
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
    /// One line per item: the article, what it requires, and the verdict
    /// ([`ItemCoverage::clauses_text`]), in columns.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.items {
            writeln!(
                f,
                "{:<35}  {:<41}  {}",
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
