//! dpa-core's integration tests: one test binary, a module per area, and
//! the helpers they share (`helpers`). Rule tests name what they check in a
//! `/// Source:` line: the clause of an agreement, the article of law, the
//! ruling or the document the expected value comes from.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

mod architecture;
mod bad_input;
mod by_reference;
mod calendar;
mod completeness;
mod date_paths;
mod deadlines;
mod diff;
#[cfg(feature = "documents")]
mod documents;
#[cfg(feature = "documents")]
mod documents_fixture;
mod due_fields;
mod editions;
mod errors;
mod helpers;
mod ics;
mod import;
mod limits;
mod parts;
mod provenance;
mod provenance_lists;
mod readme;
mod schedule;
mod schema;
mod schema_mutations;
mod seeds;
mod stated_dates;
mod summary;
mod term_units;
mod timeline;
mod transfer_access;
mod transfer_safeguards;
mod transfers;
