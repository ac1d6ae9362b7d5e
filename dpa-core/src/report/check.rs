//! The consistency findings of [`Agreement::check`] as a report.

use std::{fmt, io};

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
    /// The keys of every object in alphabetical order, as first released:
    /// the bytes [`Report::write_json`] writes.
    fn to_json(&self) -> Result<String> {
        super::written_json(self)
    }

    /// Written one finding at a time, so that the findings are never held
    /// as one JSON value or text: the bytes are those of the whole report
    /// serialised at once with its keys sorted (`serde_json::Value`), which
    /// is pretty JSON, or compact JSON where the pretty form would pass the
    /// document limit (16 MiB,
    /// [`MAX_DOCUMENT_BYTES`](crate::limits::MAX_DOCUMENT_BYTES)), as the
    /// report has been written since the limit.
    fn write_json(&self, w: &mut dyn io::Write) -> io::Result<()> {
        self.write_json_within(w, crate::limits::MAX_DOCUMENT_BYTES)
    }

    fn fails(&self) -> bool {
        has_errors(&self.findings)
    }
}

impl CheckReport {
    /// [`Report::write_json`], pretty when the pretty form (without its
    /// final newline) is at most `limit` bytes, else compact. The size of
    /// the pretty form is counted first, a finding at a time, so that
    /// neither form is held whole.
    fn write_json_within(&self, w: &mut dyn io::Write, limit: usize) -> io::Result<()> {
        const HEAD: &str = "{\n  \"findings\": [\n";
        const TAIL: &str = "\n  ]\n}";
        if self.findings.is_empty() {
            let json = super::sorted_json(self).map_err(super::report_error)?;
            return w.write_all(json.as_bytes());
        }
        // Each finding's lines, indented by four spaces, joined by ",\n".
        let mut pretty = HEAD.len() + TAIL.len() + 2 * (self.findings.len() - 1);
        let mut one = Vec::new();
        for finding in &self.findings {
            one.clear();
            super::push_element(&mut one, finding).map_err(super::report_error)?;
            pretty += one.len();
        }
        let compact = pretty > limit;
        let mut piece = if compact {
            b"{\"findings\":[".to_vec()
        } else {
            HEAD.as_bytes().to_vec()
        };
        for (i, finding) in self.findings.iter().enumerate() {
            if compact {
                if i > 0 {
                    piece.push(b',');
                }
                piece.extend_from_slice(
                    super::sorted_compact_json(finding)
                        .map_err(super::report_error)?
                        .as_bytes(),
                );
            } else {
                if i > 0 {
                    piece.extend_from_slice(b",\n");
                }
                super::push_element(&mut piece, finding).map_err(super::report_error)?;
            }
            // Findings are small: written in pieces of some kilobytes.
            if piece.len() >= 8 * 1024 {
                w.write_all(&piece)?;
                piece.clear();
            }
        }
        piece.extend_from_slice(if compact { b"]}" } else { TAIL.as_bytes() });
        piece.push(b'\n');
        w.write_all(&piece)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the limit the streamed JSON is compact, as the whole report
    /// serialised at once is (`crate::document::to_json`'s fallback); at
    /// the limit it is pretty: the same bytes either way, with the size of
    /// the pretty form counted exactly.
    /// Source: dpa_core::limits::MAX_DOCUMENT_BYTES (the fallback to compact
    /// JSON); issue 17 point 1 (output not held whole).
    #[test]
    fn compact_past_the_limit() {
        let text = include_str!("../../../examples/agreements/belco.toml");
        let agreement = Agreement::from_toml(text).expect("Belco reads");
        let report = CheckReport::new(&agreement, time::macros::date!(2026 - 11 - 23));
        assert!(report.findings.len() > 2);
        let value = serde_json::to_value(&report).expect("a value");
        let pretty = serde_json::to_string_pretty(&value).expect("pretty");
        let compact = serde_json::to_string(&value).expect("compact") + "\n";
        let written = |limit: usize| {
            let mut out = Vec::new();
            report.write_json_within(&mut out, limit).expect("written");
            String::from_utf8(out).expect("UTF-8")
        };
        assert_eq!(written(pretty.len()), pretty.clone() + "\n");
        assert_eq!(written(pretty.len() - 1), compact);
        assert_eq!(written(0), compact);
        assert_eq!(report.to_json().expect("JSON"), pretty + "\n");
    }
}
