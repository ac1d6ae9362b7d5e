//! The `dpa` command as a user runs it: outputs, exit codes and error
//! messages. One test binary with a module per command and the helpers they
//! share (`helpers`). Rule tests name what they check in a `/// Source:`
//! line: the clause of an agreement, the article of law, the ruling or the
//! document the expected value comes from; dpa-core's architecture test
//! (`every_integration_test_names_its_source`) checks this tree too.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

mod check;
mod coverage;
mod deadline;
mod deadlines;
mod diff;
mod errors;
mod helpers;
mod holidays;
mod import;
mod import_settled;
mod limits;
mod output;
mod provenance;
mod readme;
mod schedule;
mod schema;
mod show;
mod statements;
mod transfers;
