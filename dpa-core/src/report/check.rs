//! The consistency findings of [`Agreement::check`] as a report.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;
use time::Date;

use super::Report;
use crate::error::Result;
use crate::finding::{Finding, Severity, has_errors};
use crate::model::Agreement;
use crate::values::iso_date;

/// Every finding about an agreement as of a date (`dpa check`).
///
/// JSON: `{"findings": [...]}`. Text: one finding per line, then the
/// counts, or that there is none; [`CheckReport::labelled`] starts each
/// line with the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckReport {
    /// The date checked as of.
    pub at: Date,
    /// The findings, in the order of [`Agreement::check`].
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Checks `agreement` as of `at`.
    pub fn new(agreement: &Agreement, at: Date) -> CheckReport {
        CheckReport {
            at,
            findings: agreement.check(at),
        }
    }

    /// The text with every line about a finding (and the line saying there
    /// is none) starting with `label: ` (the command gives the file's name).
    pub fn labelled<'a>(&'a self, label: &'a str) -> Labelled<'a> {
        Labelled {
            report: self,
            label,
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        let prefix = |f: &mut fmt::Formatter<'_>| {
            if label.is_empty() {
                Ok(())
            } else {
                write!(f, "{label}: ")
            }
        };
        let at = iso_date::format(self.at);
        if self.findings.is_empty() {
            prefix(f)?;
            return writeln!(f, "no findings as of {at}");
        }
        for finding in &self.findings {
            prefix(f)?;
            writeln!(f, "{finding}")?;
        }
        let count = |sev| self.findings.iter().filter(|x| x.severity == sev).count();
        writeln!(
            f,
            "{} error(s), {} warning(s), {} info as of {at}",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        )
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "")
    }
}

impl Serialize for CheckReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CheckReport", 1)?;
        st.serialize_field("findings", &self.findings)?;
        st.end()
    }
}

impl Report for CheckReport {
    /// The keys of every object in alphabetical order, as first released.
    fn to_json(&self) -> Result<String> {
        super::sorted_json(self)
    }

    fn fails(&self) -> bool {
        has_errors(&self.findings)
    }
}

/// A [`CheckReport`]'s text with each line about a finding labelled
/// ([`CheckReport::labelled`]).
#[derive(Debug, Clone, Copy)]
pub struct Labelled<'a> {
    report: &'a CheckReport,
    label: &'a str,
}

impl fmt::Display for Labelled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report.write(f, self.label)
    }
}
