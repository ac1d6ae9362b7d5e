//! Documents: the text an agreement or an events list is read from.
//!
//! This module owns what every reader shares, so that the command, the C
//! library and the Python wheel decide it once, here: the size limit
//! ([`crate::limits::MAX_DOCUMENT_BYTES`], checked before parsing), the
//! UTF-8 check, which format a text is in ([`Format`], [`sniff_format`]),
//! and the errors with field path, line and column. The readers of the two
//! kinds of document are [`Agreement::from_text`](crate::Agreement::from_text)
//! and [`Events::from_text`](crate::timeline::Events::from_text).

use crate::error::{Error, Result};
use crate::limits::MAX_DOCUMENT_BYTES;

mod agreement;
mod format;
mod parse;

pub use format::{Format, sniff_format};
pub(crate) use parse::{parse, to_json, to_toml};

/// Checks size and UTF-8 of raw input, before any parsing.
///
/// # Errors
/// [`Error::TooLarge`] above [`MAX_DOCUMENT_BYTES`]; [`Error::NotUtf8`].
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str> {
    check_size(bytes.len())?;
    std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

pub(crate) fn check_size(len: usize) -> Result<()> {
    if len > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            size: len,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(())
}
