//! The reference tables: facts the rules rest on that are not in any
//! agreement, each kept as a reviewable TAB-separated file under
//! `dpa-core/data/`, embedded in the library (dpa-core does no I/O) and
//! giving the source of every row.
//!
//! | table | file | what a row is | source column |
//! |---|---|---|---|
//! | [`designated_days`] | `nl-atw-designated-days.tsv` | a day the Crown designated under art. 3(3) of the Algemene termijnenwet | `source`: the royal decree and its Staatscourant number |
//!
//! The designated days are parsed at compile time (see its module).
//!
//! The tables are re-exported where the rules that use them live:
//! [`crate::calendar`] (the designated days).

pub(crate) mod designated_days;
