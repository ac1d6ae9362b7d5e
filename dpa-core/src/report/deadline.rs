//! One [`Deadline`] as a report (`dpa deadline`).

use super::Report;
use crate::deadline::Deadline;

/// Text: the due date or instant and the citation (the `Display` of
/// [`Deadline`]); with the alternate flag (`{:#}`) also the business-day
/// shift and the note on lines of their own, as `dpa deadline` prints.
impl Report for Deadline {
    /// A deadline is an answer, never a failure.
    fn fails(&self) -> bool {
        false
    }
}
