//! Reading and writing an [`Agreement`]: TOML, JSON, or bytes whose format
//! the caller gives or [`sniff_format`](super::sniff_format) tells.

use crate::document;
use crate::document::Format;
use crate::error::{Error, Result, ValidationError};
use crate::limits::{MAX_DOCUMENT_BYTES, MAX_TOML_VALUES};
use crate::model::Agreement;
use crate::sources::numbering;

use super::messages;

impl Agreement {
    /// Reads an agreement from TOML text.
    ///
    /// # Errors
    /// [`Error::Syntax`] for text that is not TOML (with line and column),
    /// [`Error::Invalid`] for a document that is not a valid agreement (with
    /// the field path, e.g. `statement.sub_processors[3].seat`),
    /// [`Error::TooLarge`] above [`crate::limits::MAX_DOCUMENT_BYTES`];
    /// [`Error::Invalid`] with an empty path for an agreement whose compact
    /// TOML or JSON would be above that limit (so that what
    /// [`Agreement::to_toml`] and [`Agreement::to_json`] write can always be
    /// read again; see [`crate::limits::MAX_DOCUMENT_BYTES`]).
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
        let agreement: Agreement = document::parse(text, format)?;
        // Every reference to a standard clause names a clause of the
        // edition (docs/rules.md, "Editions and clause numbers").
        // A document of one part says nothing only the other part can say
        // (docs/rules.md, "Documents that hold one part"), and a list the
        // statement does not state has no entries (docs/rules.md,
        // "Provenance").
        let checked = numbering::check_references(&agreement)
            .and_then(|()| crate::model::check_parts(&agreement))
            .and_then(|()| agreement.statement.check_sub_processor_list());
        if let Err((path, message)) = checked {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            return Err(Error::from(messages::validation(
                format, path, None, &message, text,
            )));
        }
        // The round trip holds: what `to_toml` and `to_json` write for an
        // accepted agreement is accepted again. Below 1 MiB of input it
        // cannot fail, so the written forms are not made: every value
        // written comes from the input and takes at most a few times its
        // bytes there (plus the few defaults written out), far below 16 x,
        // and 1 MiB holds fewer than 600,000 values.
        if text.len() <= MAX_DOCUMENT_BYTES / 16 {
            return Ok(agreement);
        }
        let (written, toml_values) = document::written_size(&agreement)?;
        if toml_values > MAX_TOML_VALUES {
            return Err(Error::from(ValidationError {
                format: Some(format),
                path: String::new(),
                position: None,
                message: format!(
                    "written back as TOML the agreement would hold {toml_values} values, more than the limit of {MAX_TOML_VALUES} values of a TOML document, and could not be read again"
                ),
            }));
        }
        if written > MAX_DOCUMENT_BYTES {
            return Err(Error::from(ValidationError {
                format: Some(format),
                path: String::new(),
                position: None,
                message: format!(
                    "written back (compact TOML or JSON) the agreement would be {written} bytes, more than the limit of {MAX_DOCUMENT_BYTES} bytes of a document, and could not be read again"
                ),
            }));
        }
        Ok(agreement)
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
    /// to an equal value. Pretty, unless that would be over
    /// [`crate::limits::MAX_DOCUMENT_BYTES`]: then compact (arrays on one
    /// line), which an accepted agreement always fits in.
    ///
    /// # Errors
    /// Not expected for any agreement; reported rather than panicking.
    pub fn to_toml(&self) -> Result<String> {
        document::to_toml(self)
    }

    /// Writes the agreement as pretty JSON; [`Agreement::from_json`] reads it
    /// back to an equal value. Compact when the pretty form would be over
    /// [`crate::limits::MAX_DOCUMENT_BYTES`], as [`Agreement::to_toml`].
    ///
    /// # Errors
    /// Not expected for any agreement; reported rather than panicking.
    pub fn to_json(&self) -> Result<String> {
        document::to_json(self)
    }
}
