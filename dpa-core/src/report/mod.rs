//! Reports: the answers the command prints, the C library returns and the
//! Python wheel shows, made once, here.
//!
//! Each report is a value of the rule module that computes it, or a small
//! envelope made here ([`CheckReport`], [`TransfersReport`],
//! [`HolidaysReport`]). Every report implements [`Report`]: it serialises
//! itself (the JSON of `--format json` and of libdpa's `*_json` functions,
//! byte for byte), it has a `Display` (the text of `--format text`), and it
//! says whether its answer is a failure (the command's exit code 1). The
//! bindings print these; none of them decides a format or a verdict again.
//!
//! ```
//! use dpa_core::Agreement;
//! use dpa_core::report::{CheckReport, Report};
//! use time::macros::date;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/agreements/alles-online.toml"
//! ))?;
//! let a = Agreement::from_toml(&text)?;
//! let report = CheckReport::new(&a, date!(2026 - 11 - 23));
//! assert!(report.fails()); // GDPR art. 28 is not covered in full
//! assert!(report.to_json()?.starts_with("{\n  \"findings\": ["));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::{fmt, io};

use serde::Serialize;

use crate::error::Result;

mod check;
mod coverage;
mod deadline;
mod diff;
mod holidays;
mod import;
mod summary;
mod timeline;
mod transfers;

pub use check::{CheckReport, Labelled};
pub use holidays::HolidaysReport;
pub use summary::{Summary, terminal_safe};
pub use transfers::{TransfersReport, TransfersStream};

/// A report: JSON and text from one value, and its verdict.
pub trait Report: Serialize + fmt::Display {
    /// The report as pretty JSON with a final newline: what `dpa ...
    /// --format json` prints and libdpa's `*_json` functions return.
    ///
    /// # Errors
    /// Not expected for any report; reported rather than panicking.
    fn to_json(&self) -> Result<String> {
        let mut s = crate::document::to_json(self)?;
        s.push('\n');
        Ok(s)
    }

    /// Writes [`to_json`](Report::to_json)'s bytes to `w`: what `dpa ...
    /// --format json` prints. A report whose JSON can be large
    /// ([`TransfersReport`]) writes it piece by piece, so that the whole
    /// text is never held at once; every other report writes its
    /// [`to_json`](Report::to_json). `w` is written in pieces of some
    /// kilobytes at the most (one transfer assessment at a time); the
    /// caller buffers if it wants fewer writes, and flushes.
    ///
    /// # Errors
    /// An error of `w` as it is (a closed pipe is
    /// [`io::ErrorKind::BrokenPipe`]). The report's own error, not expected
    /// (see [`to_json`](Report::to_json)), as an error of kind
    /// [`io::ErrorKind::InvalidData`] holding the [`crate::Error`] (reach it
    /// with [`io::Error::get_ref`]).
    fn write_json(&self, w: &mut dyn io::Write) -> io::Result<()> {
        let json = self.to_json().map_err(report_error)?;
        w.write_all(json.as_bytes())
    }

    /// Whether the answer is a failure: an error finding, a missed
    /// obligation, an uncovered article. The `dpa` command exits 1 then.
    fn fails(&self) -> bool;
}

/// A report's own error as [`Report::write_json`] returns it.
fn report_error(e: crate::Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

/// What `report`'s [`Report::write_json`] writes, as a string: the
/// `to_json` of a report that streams its JSON, so that both are the same
/// bytes by construction.
fn written_json<R: Report + ?Sized>(report: &R) -> Result<String> {
    let mut out = Vec::new();
    report.write_json(&mut out).map_err(|e| {
        match e.into_inner().map(|inner| inner.downcast::<crate::Error>()) {
            Some(Ok(own)) => *own,
            // Writing to a Vec fails only with the report's own error.
            _ => crate::Error::invalid_argument("report", "the JSON could not be written"),
        }
    })?;
    String::from_utf8(out).map_err(|e| crate::Error::invalid_argument("report", e.to_string()))
}

/// Compact JSON with every object's keys in alphabetical order, without a
/// final newline: [`sorted_json`]'s form past the document limit.
fn sorted_compact_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_value(value)
        .and_then(|v| serde_json::to_string(&v))
        .map_err(|e| crate::Error::invalid_argument("report", e.to_string()))
}

/// Appends `value` to `out` as an element of a list written one at a time:
/// [`sorted_json`]'s text (pretty, keys sorted; compact past the document
/// limit) with each line indented by four spaces and without the final
/// newline. Written straight into `out` with its indentation, not as a
/// text that is then split into lines and copied again.
fn push_element<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<()> {
    const PREFIX: &[u8] = b"    ";
    let to_error = |e: serde_json::Error| crate::Error::invalid_argument("report", e.to_string());
    let value = serde_json::to_value(value).map_err(to_error)?;
    let start = out.len();
    out.extend_from_slice(PREFIX);
    let mut newlines = 0;
    let formatter = Indented {
        depth: PREFIX.len() / Indented::INDENT.len(),
        has_value: false,
        newlines: &mut newlines,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, formatter);
    value.serialize(&mut ser).map_err(to_error)?;
    // The text without the indentation, as `sorted_json` measures it.
    let pretty = out.len() - start - PREFIX.len() * (newlines + 1);
    if pretty > crate::limits::MAX_DOCUMENT_BYTES {
        out.truncate(start + PREFIX.len());
        serde_json::to_writer(&mut *out, &value).map_err(to_error)?;
    }
    Ok(())
}

/// serde_json's pretty layout (two spaces a level) starting `depth`
/// levels in, counting the line breaks it writes.
struct Indented<'a> {
    depth: usize,
    has_value: bool,
    newlines: &'a mut usize,
}

impl Indented<'_> {
    const INDENT: &'static [u8] = b"  ";

    fn newline<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        *self.newlines += 1;
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(Self::INDENT)?;
        }
        Ok(())
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl serde_json::ser::Formatter for Indented<'_> {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Pretty JSON with every object's keys in alphabetical order, and a final
/// newline: the form `dpa check` and `dpa transfers` have printed since
/// their first release (their JSON went through `serde_json::Value`, whose
/// maps sort their keys), kept so that their output does not change.
fn sorted_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let value = serde_json::to_value(value)
        .map_err(|e| crate::Error::invalid_argument("report", e.to_string()))?;
    let mut s = crate::document::to_json(&value)?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    /// An element written into its list is `sorted_json`'s text with every
    /// line indented by four spaces: nested objects and arrays, empty ones,
    /// keys out of order, a string with an escaped line break.
    #[test]
    fn push_element_indents_sorted_json() {
        let value = serde_json::json!({
            "z": [1, {"b": [], "a": {}}, [true, null]],
            "a": "two\nlines",
            "m": {"y": {"x": [[]]}},
        });
        let mut out = b"[\n".to_vec();
        super::push_element(&mut out, &value).expect("written");
        let expected: Vec<String> = super::sorted_json(&value)
            .expect("written")
            .trim_end_matches('\n')
            .split('\n')
            .map(|line| format!("    {line}"))
            .collect();
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            format!("[\n{}", expected.join("\n"))
        );
    }
}
