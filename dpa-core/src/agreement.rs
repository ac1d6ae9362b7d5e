//! Reading, writing and checking an [`Agreement`].

use time::Date;

use crate::check::{self, Finding};
use crate::document;
use crate::error::{Error, Format, Result, ValidationError};
use crate::limits::{MAX_LIST_ITEMS, MAX_SUB_PROCESSORS};
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
        let a: Agreement = document::parse(text, format)?;
        a.check_limits().map_err(|mut e| {
            e.format = Some(format);
            Error::from(e)
        })?;
        Ok(a)
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

    /// Every consistency finding about the agreement as of `at`, in a stable
    /// order. See [`crate::check`] for the catalogue.
    pub fn check(&self, at: Date) -> Vec<Finding> {
        check::check(self, at)
    }

    fn check_limits(&self) -> Result<(), ValidationError> {
        let s = &self.statement;
        if s.sub_processors.len() > MAX_SUB_PROCESSORS {
            return Err(ValidationError::new(
                "statement.sub_processors",
                format!(
                    "lists {} sub-processors, more than the limit of {MAX_SUB_PROCESSORS}",
                    s.sub_processors.len()
                ),
            ));
        }
        let lists = [
            ("statement.products", s.products.len()),
            ("statement.certifications", s.certifications.len()),
            ("statement.security.measures", s.security.measures.len()),
            ("clauses.deviations", self.clauses.deviations.len()),
            (
                "terms.breach.information",
                self.terms.breach.information.len(),
            ),
        ];
        for (path, len) in lists {
            if len > MAX_LIST_ITEMS {
                return Err(ValidationError::new(
                    path,
                    format!("has {len} entries, more than the limit of {MAX_LIST_ITEMS}"),
                ));
            }
        }
        Ok(())
    }
}
