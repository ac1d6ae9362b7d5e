//! Documented input limits, enforced with an error before the work is done.

/// The largest document (TOML or JSON text) accepted: 16 MiB. Larger input is
/// refused before it is parsed.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The longest string value accepted in a document, in characters.
pub const MAX_STRING_CHARS: usize = 65_536;

/// The most sub-processors an agreement may list.
pub const MAX_SUB_PROCESSORS: usize = 10_000;

/// The most entries any other list in an agreement may hold (versions, change
/// notes, measures, deviations, locations, ...).
pub const MAX_LIST_ITEMS: usize = 10_000;

/// The most events an events document may hold.
pub const MAX_EVENTS: usize = 1_000_000;

/// The deepest nesting of arrays and tables the readers accept. An agreement
/// needs 6; the TOML and JSON readers refuse deeper input with an error
/// (JSON at 128 levels, TOML at its parser's own limit) instead of
/// exhausting the stack.
pub const MAX_NESTING_DEPTH: usize = 128;

/// The earliest year a date may have.
pub const MIN_YEAR: i32 = 1;

/// The latest year a date may have.
pub const MAX_YEAR: i32 = 9999;
