//! Dutch data processing agreements — the NLdigital *Data Pro Statement* plus
//! the *Standaardclausules voor verwerkingen* — as typed values you can ask
//! questions of.
//!
//! An [`Agreement`] is read from TOML (for people) or JSON (for programs). It
//! holds the processor's statement (identity, versions, products,
//! sub-processors, measures), the edition of the standard clauses with the
//! processor's deviations, the operative [`model::Terms`] (deletion, breach
//! notice, audits, costs, ...), each citing the clause it comes from, and
//! the [`model::Rules`] for computing with them. Every value is checked when
//! it is read: a value that exists is valid, and an error names the field
//! path and the line and column.
//!
//! ```
//! use dpa_core::{Agreement, Severity};
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/alles-online.toml"
//! ))?;
//! let agreement = Agreement::from_toml(&text)?;
//! assert_eq!(agreement.statement.version.to_string(), "1.0");
//!
//! let findings = agreement.check(time::macros::date!(2026 - 11 - 23));
//! for f in &findings {
//!     println!("{}: {} ({})", f.code, f.message, f.citation);
//! }
//! // The statement states no types of personal data (GDPR art. 28(3)).
//! assert!(findings.iter().any(|f| f.severity == Severity::Error
//!     && f.code.as_str() == "art28-item-uncovered"));
//!
//! // JSON and TOML round-trip exactly.
//! assert_eq!(Agreement::from_json(&agreement.to_json()?)?, agreement);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//! The modules follow the data: text → [`document`] → [`model`] (built
//! from [`values`]) → the rules → reports. docs/architecture.md has the
//! picture.
//! - [`error`]: the crate's one error type; [`limits`]: the documented
//!   input limits; [`schema`]: the JSON Schema of the format.
//! - [`finding`]: findings with stable codes, the vocabulary every rule
//!   reports in; [`Agreement::check`] runs every rule.
//! - [`document`]: formats, the size limit, reading and writing documents.
//! - [`values`]: validated small values (country codes, terms, money,
//!   versions, clause references, ISO dates).
//! - [`model`]: the agreement's types.
//! - `sources` (internal): the reference tables under `dpa-core/data/`,
//!   each row citing its source; their types are re-exported by the modules
//!   whose rules use them ([`calendar`], [`transfers`], [`completeness`]).
//! - [`calendar`]: month arithmetic and the Dutch time-limit calendar.
//! - [`deadline`]: deadlines from an agreement's terms (deletion, breach
//!   notice, audits, termination window, service level).
//! - [`timeline`]: obligations and their status from a list of dated events;
//!   iCalendar export.
//! - [`schedule`]: the deadlines of a whole table of rows (customers,
//!   vendors) and their status as of a date, one event value at a time.
//! - [`transfers`]: transfers outside the EEA against the bases valid on a date.
//! - [`completeness`]: coverage of GDPR art. 28 by the standard clauses.
//! - [`diff`]: what changed between two versions, and the rights it opens.
//!
//! `dpa-core` does no I/O: it parses text handed to it.
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

pub mod calendar;
mod check;
mod citation;
pub mod completeness;
pub mod deadline;
pub mod diff;
pub mod document;
pub mod error;
pub mod finding;
mod format;
pub mod import;
pub mod limits;
mod macros;
pub mod model;
pub mod report;
pub mod schedule;
pub mod schema;
mod sources;
pub mod timeline;
pub mod transfers;
pub mod values;

pub use document::Format;
pub use error::{ArgumentError, Error, Result};
pub use finding::{Finding, FindingCode, Severity};
pub use model::Agreement;

#[cfg(test)]
mod proptests;
