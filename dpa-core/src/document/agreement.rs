//! Reading and writing an [`Agreement`]: TOML, JSON, or bytes whose format
//! the caller gives or [`sniff_format`](super::sniff_format) tells.

use crate::document;
use crate::document::Format;
#[cfg(doc)]
use crate::error::Error;
use crate::error::Result;
use crate::model::Agreement;

impl Agreement {
    /// Reads an agreement from TOML text.
    ///
    /// # Errors
    /// [`Error::Syntax`] for text that is not TOML (with line and column),
    /// [`Error::Invalid`] for a document that is not a valid agreement (with
    /// the field path, e.g. `statement.sub_processors[3].seat`),
    /// [`Error::TooLarge`] above [`crate::limits::MAX_DOCUMENT_BYTES`].
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// let err = Agreement::from_toml("dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n").unwrap_err();
    /// assert_eq!(err.path(), Some("rules.month_rul"));
    /// ```
    pub fn from_toml(text: &str) -> Result<Agreement> {
        Self::from_text(text, Format::Toml)
    }

    /// Reads an agreement from JSON text. Errors as for [`Agreement::from_toml`].
    ///
    /// # Errors
    /// As [`Agreement::from_toml`].
    pub fn from_json(text: &str) -> Result<Agreement> {
        Self::from_text(text, Format::Json)
    }

    /// Reads an agreement from text in `format`.
    ///
    /// # Errors
    /// As [`Agreement::from_toml`].
    pub fn from_text(text: &str, format: Format) -> Result<Agreement> {
        document::parse(text, format)
    }

    /// Reads an agreement from raw bytes: refuses input above the size limit
    /// before parsing, checks UTF-8, and takes `format` or, when `None`,
    /// guesses it from the first character (see [`document::sniff_format`]).
    ///
    /// # Errors
    /// [`Error::TooLarge`], [`Error::NotUtf8`], and those of [`Agreement::from_toml`].
    pub fn from_bytes(bytes: &[u8], format: Option<Format>) -> Result<Agreement> {
        let text = document::text_from_bytes(bytes)?;
        let format = format.unwrap_or_else(|| document::sniff_format(text));
        Self::from_text(text, format)
    }

    /// Writes the agreement as TOML; [`Agreement::from_toml`] reads it back
    /// to an equal value.
    ///
    /// # Errors
    /// Not expected for any agreement; reported rather than panicking.
    pub fn to_toml(&self) -> Result<String> {
        document::to_toml(self)
    }

    /// Writes the agreement as pretty JSON; [`Agreement::from_json`] reads it
    /// back to an equal value.
    ///
    /// # Errors
    /// Not expected for any agreement; reported rather than panicking.
    pub fn to_json(&self) -> Result<String> {
        document::to_json(self)
    }
}
