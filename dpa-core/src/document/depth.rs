//! The nesting limit ([`MAX_NESTING_DEPTH`]), checked by one linear scan of
//! the text before any parser sees it.
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
use crate::limits::MAX_NESTING_DEPTH;

/// Refuses `text` when it nests deeper than [`MAX_NESTING_DEPTH`], with a
/// syntax error at the place where it goes one level too deep.
pub(crate) fn check(text: &str, format: Format) -> Result<()> {
    let found = match format {
        Format::Toml => toml_too_deep(text.as_bytes()),
        Format::Json => json_too_deep(text.as_bytes()),
    };
    match found {
        None => Ok(()),
        Some(offset) => Err(Error::from(SyntaxError {
            format,
            position: Some(Position::of_offset(text, offset)),
            message: format!(
                "nested deeper than the limit of {MAX_NESTING_DEPTH} levels of arrays and tables"
            ),
        })),
    }
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
}

/// The offset of the first array or table past the limit, if any.
fn toml_too_deep(b: &[u8]) -> Option<usize> {
    TomlScan {
        b,
        i: 0,
        open: Vec::new(),
        table: 1,
        key_tables: 0,
        expect_key: true,
    }
    .scan()
    .err()
}

impl TomlScan<'_> {
    /// Reads the whole text; `Err` holds the offset where it goes too deep.
    fn scan(&mut self) -> Result<(), usize> {
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
                b'"' | b'\'' => self.i = skip_string(self.b, self.i),
                b'[' | b'{' => self.push(c == b'{')?,
                b']' | b'}' => self.close(),
                b',' => {
                    self.key_tables = 0;
                    self.expect_key = self.open.last().is_some_and(|o| o.table);
                    self.i += 1;
                }
                _ => self.i += 1,
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
    fn push(&mut self, table: bool) -> Result<(), usize> {
        let level = self.level() + self.key_tables + 1;
        if level > MAX_NESTING_DEPTH {
            return Err(self.i);
        }
        self.open.push(Open { table, level });
        self.key_tables = 0;
        self.expect_key = table;
        self.i += 1;
        Ok(())
    }

    /// `]` or `}`: a value ends.
    fn close(&mut self) {
        self.open.pop();
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
    fn key(&mut self) -> Result<(), usize> {
        let start = self.i;
        let dots = self.key_dots(b'=');
        if self.level() + dots > MAX_NESTING_DEPTH {
            return Err(start);
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
    fn header(&mut self) -> Result<(), usize> {
        let start = self.i;
        let array = self.b.get(self.i + 1) == Some(&b'[');
        self.i += if array { 2 } else { 1 };
        let dots = self.key_dots(b']');
        let level = 1 + dots + 1 + usize::from(array);
        if level > MAX_NESTING_DEPTH {
            return Err(start);
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
