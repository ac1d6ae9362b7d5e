//! The review list of `dpa import` as a report: its text, and its verdict
//! (something needs a person: the command's exit code 1).

use std::fmt;

use super::Report;
use super::summary::terminal_safe;
use crate::import::{ClausesEntry, ComparisonStatus, ImportReport, ReviewStatus};

/// Text: the template's items (found with the statement's citation, or not
/// found), then each value with its status, citation, lines and quote, the
/// readings and the setting to choose of an ambiguous one, and the
/// placeholders; then the standard clauses against their edition (the
/// deviations, or why part 2 was not compared); last a line saying whether
/// anything needs review.
impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Template items:")?;
        for i in &self.items {
            match &i.clause {
                Some(c) => writeln!(f, "  {:<22} found      {}", i.item, c)?,
                None => writeln!(f, "  {:<22} not found", i.item)?,
            }
        }
        writeln!(f, "Values:")?;
        for v in &self.values {
            let mark = if v.needs_review { "!" } else { " " };
            write!(f, "{mark} {} {}", v.status, v.field)?;
            if let Some(value) = &v.value {
                write!(f, " = {}", terminal_safe(value))?;
            }
            if let (Some(c), Some((a, b))) = (&v.clause, v.lines) {
                write!(f, " ({c}, lines {a}-{b})")?;
            }
            writeln!(f)?;
            if let Some(q) = &v.quote {
                writeln!(f, "      \"{}\"", terminal_safe(q))?;
            }
            for r in &v.readings {
                writeln!(f, "      reading: {}", terminal_safe(r))?;
            }
            if let Some(s) = &v.setting
                && v.status != ReviewStatus::Stated
            {
                writeln!(f, "      choose: {}", terminal_safe(s))?;
            }
        }
        write_clauses(f, &self.clauses)?;
        let n = self.values.iter().filter(|v| v.needs_review).count()
            + self
                .clauses
                .deviations
                .iter()
                .filter(|d| d.needs_review)
                .count();
        if n == 0 {
            writeln!(f, "Nothing needs review.")
        } else {
            writeln!(f, "{n} item(s) need review (marked !).")
        }
    }
}

/// The standard clauses' section: compared with the edition and the
/// deviations (each marked `!`, with its difference and the statement's
/// lines and sentence), or not compared and why.
fn write_clauses(f: &mut fmt::Formatter<'_>, c: &ClausesEntry) -> fmt::Result {
    writeln!(f, "Standard clauses (part 2):")?;
    let edition = c.edition.as_deref().unwrap_or("no edition named");
    match c.status {
        ComparisonStatus::Compared => {
            let n = c.deviations.len();
            writeln!(
                f,
                "  compared with the unmodified text of the {edition} edition: {}",
                match n {
                    0 => "no deviations".to_owned(),
                    1 => "1 deviation".to_owned(),
                    n => format!("{n} deviations"),
                }
            )?;
        }
        _ => writeln!(
            f,
            "  not compared: {}",
            terminal_safe(c.reason.as_deref().unwrap_or(""))
        )?,
    }
    for d in &c.deviations {
        let mark = if d.needs_review { "!" } else { " " };
        write!(f, "{mark} {} clause {}", d.kind, d.clause)?;
        if let Some((a, b)) = d.lines {
            write!(f, " (lines {a}-{b})")?;
        }
        writeln!(f)?;
        writeln!(f, "      {}", terminal_safe(&d.difference))?;
        if let Some(q) = &d.quote {
            writeln!(f, "      \"{}\"", terminal_safe(q))?;
        }
    }
    Ok(())
}

impl Report for ImportReport {
    /// Fails when a person must settle something before the draft is used.
    fn fails(&self) -> bool {
        self.needs_review()
    }
}
