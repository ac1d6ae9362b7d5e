//! Documents: the text an agreement or an events list is read from.
//!
//! This module owns what every reader shares, so that the command, the C
//! library and the Python wheel decide it once, here: the size limit
//! ([`crate::limits::MAX_DOCUMENT_BYTES`], checked before parsing), the
//! UTF-8 check, which format a text is in ([`Format`], [`sniff_format`]),
//! and the errors with field path, line and column. The readers of the two
//! kinds of document are [`Agreement::from_text`](crate::Agreement::from_text)
//! and [`Events::from_text`](crate::timeline::Events::from_text).

use std::io::Read;

use crate::error::{Error, Result};
use crate::limits::MAX_DOCUMENT_BYTES;

mod agreement;
mod depth;
mod encoding;
mod events;
mod messages;
mod parse;

pub use crate::format::{Format, sniff_format};
pub(crate) use parse::{parse, to_json, to_toml, written_size};

/// The values of a TOML text as [`MAX_TOML_VALUES`](crate::limits::MAX_TOML_VALUES)
/// counts them (keys, table headers and array elements, an array counting
/// one more than its commas), strings and comments skipped; the text need
/// not be valid TOML.
///
/// ```
/// // A key, a header, a key, and an array of three elements.
/// assert_eq!(dpa_core::document::toml_values("a = 1\n[t]\nb = [1, 2, 3] # ,,\n"), 6);
/// ```
#[must_use]
pub fn toml_values(text: &str) -> usize {
    depth::toml_values(text)
}

/// Checks size and UTF-8 of raw input, before any parsing, and drops a
/// UTF-8 byte-order mark at its start (as Windows editors write one).
///
/// Input that is not UTF-8 is refused with the line and column of the first
/// byte that is not, and what the bytes look like instead
/// ([`LooksLike`](crate::error::LooksLike)): Windows-1252, UTF-16 (by its
/// byte-order mark, or by the NUL bytes of ASCII text in UTF-16, which are
/// valid UTF-8 but never part of a TOML or JSON document), or binary data.
///
/// ```
/// use dpa_core::{Error, document::text_from_bytes, error::LooksLike};
/// assert_eq!(text_from_bytes(b"\xEF\xBB\xBFdpa_format = 1")?, "dpa_format = 1");
/// let Err(Error::NotUtf8(e)) = text_from_bytes(b"dpa_format = 1\nname = \"Caf\xE9\"\n") else {
///     panic!("not refused")
/// };
/// assert_eq!(e.looks_like(), LooksLike::Windows1252);
/// assert_eq!((e.position().unwrap().line, e.position().unwrap().column), (2, 12));
/// let Err(Error::NotUtf8(e)) = text_from_bytes(b"\xFF\xFEd\x00p\x00a\x00") else {
///     panic!("not refused")
/// };
/// assert_eq!(e.looks_like(), LooksLike::Utf16Le);
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// [`Error::TooLarge`] above [`MAX_DOCUMENT_BYTES`]; [`Error::NotUtf8`].
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str> {
    check_size(bytes.len())?;
    let (bom, bytes) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    let result = match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => return Ok(text),
        Ok(text) => match encoding::utf16_without_bom(bytes) {
            Some(looks_like) => encoding::error(bytes, 0, looks_like),
            // A NUL in text that is otherwise UTF-8 is the parser's to report.
            None => return Ok(text),
        },
        Err(e) => encoding::not_utf8(bytes, e.valid_up_to()),
    };
    // The offset counts the byte-order mark: it is the file's.
    Err(match result {
        Error::NotUtf8(mut e) => {
            e.offset += bom;
            Error::NotUtf8(e)
        }
        other => other,
    })
}

/// The byte-order mark in UTF-8: accepted at the start of a document, and
/// dropped before it is parsed.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) fn check_size(len: usize) -> Result<()> {
    if len > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            size: len,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(())
}

/// Reads a whole document from a file the caller opened: its length, where
/// it is a regular file, refuses it before reading when it is above the
/// limit ([`read_document`] with that length); a pipe or device is read up
/// to the limit. The command, libdpa's `dpa_agreement_from_file` and the
/// Python wheel read files so.
///
/// # Errors
/// As [`read_document`].
pub fn read_file(file: std::fs::File) -> Result<Vec<u8>> {
    let len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    read_document(file, len)
}

/// Reads a whole document from `reader` (a file, a pipe, standard input)
/// without ever holding more than [`MAX_DOCUMENT_BYTES`] + 1 bytes: the one
/// bounded read the command, the C library and the Python wheel use.
/// `known_len` is the length the caller knows (a regular file's metadata):
/// above the limit, the document is refused before anything is read.
/// Opening the file is the caller's part; `dpa-core` itself does no I/O
/// but through the reader it is handed.
///
/// ```
/// use dpa_core::{Error, document::read_document, limits::MAX_DOCUMENT_BYTES};
/// let bytes = read_document(&b"dpa_format = 1"[..], None)?;
/// assert_eq!(bytes, b"dpa_format = 1");
/// // An endless stream stops at the limit.
/// let endless = std::io::repeat(b' ');
/// assert!(matches!(read_document(endless, None), Err(Error::StreamTooLarge { .. })));
/// assert!(matches!(
///     read_document(&b""[..], Some(MAX_DOCUMENT_BYTES as u64 + 1)),
///     Err(Error::TooLarge { .. })
/// ));
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// [`Error::TooLarge`] when `known_len` is above the limit;
/// [`Error::StreamTooLarge`] when more than the limit can be read;
/// [`Error::Io`] when reading fails.
pub fn read_document<R: Read>(reader: R, known_len: Option<u64>) -> Result<Vec<u8>> {
    let limit = MAX_DOCUMENT_BYTES as u64;
    if let Some(len) = known_len
        && len > limit
    {
        return Err(Error::TooLarge {
            size: usize::try_from(len).unwrap_or(usize::MAX),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let capacity = known_len.map_or(0, |n| n as usize + 1);
    let mut bytes = Vec::with_capacity(capacity);
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::StreamTooLarge {
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(bytes)
}
