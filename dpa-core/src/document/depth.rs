//! The nesting limit ([`MAX_NESTING_DEPTH`]), and in TOML the value limit
//! ([`MAX_TOML_VALUES`]), checked by one linear scan of the text before any
//! parser sees it.
//!
//! The TOML reader builds the whole document as a tree before serde reads
//! it, some 180 bytes a value: the value limit bounds that tree (JSON is read
//! as it is parsed, without one). A value is a key (`a = 1`, `x.y = 2`, and
//! each key of an inline table), a table header, or an element of an
//! array, where an array counts one more than the commas in it.
//!
//! The TOML and JSON parsers descend one call per level of nesting; the
//! TOML parser stops only at 80 levels of brackets (more through dotted keys
//! and table headers), which needs about 90 KB of stack, and a debug build
//! several times that. This scan keeps no call stack and allocates at most
//! [`MAX_NESTING_DEPTH`] entries, so a document that passes it is at most
//! that deep, and parsing it fits the stack the README and the C header
//! promise (`limits::MIN_THREAD_STACK_BYTES`).
//!
//! A level is a table or an array, the document's top level counting as
//! one: in TOML every part of a table header (`[a.b]` is two tables; `[[a]]`
//! an array and its table), every part of a dotted key but the last, every
//! `[` and every `{`; in JSON every `[` and every `{`. The scan reads
//! strings and comments only to skip them; what is not valid TOML or JSON
//! is the parser's to report, after the scan.

use crate::document::Format;
use crate::error::{Error, Position, Result, SyntaxError};
use crate::limits::{MAX_NESTING_DEPTH, MAX_TOML_VALUES};

/// Which limit a document passes, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Past {
    /// The first `[` or `{` (or key, or header) past the nesting limit.
    Depth(usize),
    /// The first value past the value limit (TOML only).
    Values(usize),
}

/// Refuses `text` when it nests deeper than [`MAX_NESTING_DEPTH`] or, in
/// TOML, holds more than [`MAX_TOML_VALUES`] values, with a syntax error at
/// the place where it passes the limit.
pub(crate) fn check(text: &str, format: Format) -> Result<()> {
    let found = match format {
        Format::Toml => toml_scan(text.as_bytes(), MAX_TOML_VALUES).err(),
        Format::Json => json_too_deep(text.as_bytes()).map(Past::Depth),
    };
    let (offset, message) = match found {
        None => return Ok(()),
        Some(Past::Depth(offset)) => (
            offset,
            format!(
                "nested deeper than the limit of {MAX_NESTING_DEPTH} levels of arrays and tables"
            ),
        ),
        Some(Past::Values(offset)) => (
            offset,
            format!(
                "more than the limit of {MAX_TOML_VALUES} values (keys, table headers and array elements) in a TOML document"
            ),
        ),
    };
    Err(Error::from(SyntaxError {
        format,
        position: Some(Position::of_offset(text, offset)),
        message,
    }))
}

/// The values of a TOML text as the value limit counts them (see the
/// module documentation), reading it all; a text nested past the nesting
/// limit counts up to that place.
pub(crate) fn toml_values(text: &str) -> usize {
    let mut scan = TomlScan::new(text.as_bytes(), usize::MAX);
    let _ = scan.scan();
    scan.values
}

/// The offset of the first `[` or `{` past the limit, if any.
fn json_too_deep(b: &[u8]) -> Option<usize> {
    // The top-level object is level 1.
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = skip_basic(b, i + 1, false),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING_DEPTH {
                    return Some(i);
                }
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// An open TOML array or inline table: which, and its level.
#[derive(Clone, Copy)]
struct Open {
    table: bool,
    level: usize,
}

/// Where the TOML scan is.
struct TomlScan<'b> {
    b: &'b [u8],
    i: usize,
    /// The open arrays and inline tables, innermost last (at most
    /// [`MAX_NESTING_DEPTH`]).
    open: Vec<Open>,
    /// The level of the table the last header opened (the root is 1).
    table: usize,
    /// The tables the dotted key of the value being read adds.
    key_tables: usize,
    /// Whether a key comes next (at the start of a statement, or after `{`
    /// or `,` in an inline table).
    expect_key: bool,
    /// Whether an element of the innermost open array may start next
    /// (after its `[` or a `,`).
    element_next: bool,
    /// The values counted so far.
    values: usize,
    /// The most values accepted.
    max_values: usize,
}

/// Reads a TOML text to the end, or to the first place past a limit.
fn toml_scan(b: &[u8], max_values: usize) -> Result<(), Past> {
    TomlScan::new(b, max_values).scan()
}

impl<'b> TomlScan<'b> {
    fn new(b: &'b [u8], max_values: usize) -> Self {
        TomlScan {
            b,
            i: 0,
            open: Vec::new(),
            table: 1,
            key_tables: 0,
            expect_key: true,
            element_next: false,
            values: 0,
            max_values,
        }
    }

    /// Counts an array element that starts at the current offset, if one
    /// may start here.
    fn element(&mut self) -> Result<(), Past> {
        if self.element_next {
            self.element_next = false;
            self.value()?;
        }
        Ok(())
    }

    /// Counts a value that starts at the current offset.
    fn value(&mut self) -> Result<(), Past> {
        self.values += 1;
        if self.values > self.max_values {
            return Err(Past::Values(self.i));
        }
        Ok(())
    }

    /// Reads the whole text; `Err` says which limit it passes, and where.
    fn scan(&mut self) -> Result<(), Past> {
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    if self.open.is_empty() {
                        self.expect_key = true;
                        self.key_tables = 0;
                    }
                    self.i += 1;
                }
                b'#' => self.skip_comment(),
                b'[' if self.expect_key && self.open.is_empty() => self.header()?,
                b'}' if self.expect_key => self.close(),
                _ if self.expect_key => self.key()?,
                b'"' | b'\'' => {
                    self.element()?;
                    self.i = skip_string(self.b, self.i);
                }
                b'[' | b'{' => {
                    self.element()?;
                    self.push(c == b'{')?;
                }
                b']' | b'}' => self.close(),
                b',' => {
                    self.key_tables = 0;
                    self.expect_key = self.open.last().is_some_and(|o| o.table);
                    self.element_next = !self.expect_key && !self.open.is_empty();
                    self.i += 1;
                }
                _ => {
                    self.element()?;
                    self.i += 1;
                }
            }
        }
        Ok(())
    }

    /// The level of the innermost open array, inline table or table.
    fn level(&self) -> usize {
        self.open.last().map_or(self.table, |o| o.level)
    }

    fn skip_comment(&mut self) {
        while self.i < self.b.len() && self.b[self.i] != b'\n' {
            self.i += 1;
        }
    }

    /// `[` or `{` in a value: one level below the enclosing one and the
    /// tables of its dotted key.
    fn push(&mut self, table: bool) -> Result<(), Past> {
        let level = self.level() + self.key_tables + 1;
        if level > MAX_NESTING_DEPTH {
            return Err(Past::Depth(self.i));
        }
        self.open.push(Open { table, level });
        self.key_tables = 0;
        self.expect_key = table;
        self.element_next = !table;
        self.i += 1;
        Ok(())
    }

    /// `]` or `}`: a value ends.
    fn close(&mut self) {
        self.open.pop();
        self.element_next = false;
        self.key_tables = 0;
        self.expect_key = false;
        self.i += 1;
    }

    /// The parts of a key up to `end` (`=` for a key, `]` for a header):
    /// returns how many dots separate them, and leaves `i` on `end` (or
    /// where the key stops being one).
    fn key_dots(&mut self, end: u8) -> usize {
        let mut dots = 0;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' | b'\'' => self.i = skip_string(self.b, self.i),
                b'.' => {
                    dots += 1;
                    self.i += 1;
                }
                b'\n' | b'#' | b'[' | b'{' | b'}' | b',' => break,
                c if c == end => break,
                _ => self.i += 1,
            }
        }
        dots
    }

    /// A key before `=`: its parts but the last are tables.
    fn key(&mut self) -> Result<(), Past> {
        self.value()?;
        let start = self.i;
        let dots = self.key_dots(b'=');
        if self.level() + dots > MAX_NESTING_DEPTH {
            return Err(Past::Depth(start));
        }
        // Not a key (a `[`, `{` or `,` where a key belongs) is the parser's
        // to report; the scan reads on as in a value, so that every bracket
        // counts.
        self.key_tables = dots;
        self.expect_key = false;
        if self.b.get(self.i) == Some(&b'=') {
            self.i += 1;
        }
        Ok(())
    }

    /// A table header `[a.b]` (two tables below the root) or `[[a.b]]`
    /// (and the array).
    fn header(&mut self) -> Result<(), Past> {
        self.value()?;
        let start = self.i;
        let array = self.b.get(self.i + 1) == Some(&b'[');
        self.i += if array { 2 } else { 1 };
        let dots = self.key_dots(b']');
        let level = 1 + dots + 1 + usize::from(array);
        if level > MAX_NESTING_DEPTH {
            return Err(Past::Depth(start));
        }
        self.table = level;
        while self.b.get(self.i) == Some(&b']') {
            self.i += 1;
        }
        Ok(())
    }
}

/// The offset just past the string starting at `start` (a `"` or `'`,
/// single or triple), or the end of the text.
fn skip_string(b: &[u8], start: usize) -> usize {
    let q = b[start];
    let triple = b.get(start..start + 3) == Some(&[q, q, q][..]);
    let from = start + if triple { 3 } else { 1 };
    if q == b'"' {
        skip_basic(b, from, triple)
    } else {
        skip_literal(b, from, triple)
    }
}

/// Past a `"` string whose text starts at `i`: backslash escapes the next
/// byte; a single-line string also ends at a line end.
fn skip_basic(b: &[u8], mut i: usize, triple: bool) -> usize {
    while i < b.len() {
        match b[i] {
            // A single-line string ends at the line end, escaped or not
            // (as the TOML lexer reads it).
            b'\\' if !triple && b.get(i + 1) == Some(&b'\n') => return i + 1,
            b'\\' => i += 2,
            b'"' if !triple => return i + 1,
            b'"' if b.get(i..i + 3) == Some(b"\"\"\"") => return past_quotes(b, i + 3, b'"'),
            b'\n' if !triple => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// Past a `'` string whose text starts at `i` (no escapes).
fn skip_literal(b: &[u8], mut i: usize, triple: bool) -> usize {
    while i < b.len() {
        match b[i] {
            b'\'' if !triple => return i + 1,
            b'\'' if b.get(i..i + 3) == Some(b"'''") => return past_quotes(b, i + 3, b'\''),
            b'\n' if !triple => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// A multi-line string may end with up to two more quotes than its
/// closing three (`""""` is a quote and the end).
fn past_quotes(b: &[u8], mut i: usize, q: u8) -> usize {
    let mut extra = 0;
    while extra < 2 && b.get(i) == Some(&q) {
        i += 1;
        extra += 1;
    }
    i
}
