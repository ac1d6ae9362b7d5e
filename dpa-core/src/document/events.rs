//! Reading and writing [`Events`]: TOML, JSON, or bytes whose format the
//! caller gives or [`sniff_format`](super::sniff_format) tells.

use crate::document;
use crate::error::Result;
use crate::format::Format;
#[cfg(doc)]
use crate::limits::MAX_EVENTS;
#[cfg(doc)]
use crate::model::Agreement;
use crate::timeline::Events;

impl Events {
    /// Reads events from TOML text.
    ///
    /// # Errors
    /// As [`Agreement::from_toml`]: syntax errors with line and column,
    /// validation errors with the field path (`events[2].at`), and more than
    /// [`MAX_EVENTS`] events.
    pub fn from_toml(text: &str) -> Result<Events> {
        Self::from_text(text, Format::Toml)
    }

    /// Reads events from JSON text. Errors as [`Events::from_toml`].
    ///
    /// # Errors
    /// As [`Events::from_toml`].
    pub fn from_json(text: &str) -> Result<Events> {
        Self::from_text(text, Format::Json)
    }

    /// Reads events from text in `format`.
    ///
    /// # Errors
    /// As [`Events::from_toml`].
    pub fn from_text(text: &str, format: Format) -> Result<Events> {
        let e: Events = document::parse(text, format)?;
        Ok(e)
    }

    /// Reads events from raw bytes (size limit and UTF-8 checked first;
    /// format guessed when `None`).
    ///
    /// # Errors
    /// As [`Agreement::from_bytes`].
    pub fn from_bytes(bytes: &[u8], format: Option<Format>) -> Result<Events> {
        let text = document::text_from_bytes(bytes)?;
        let format = format.unwrap_or_else(|| document::sniff_format(text));
        Self::from_text(text, format)
    }

    /// Writes the events as JSON.
    ///
    /// # Errors
    /// Not expected; reported rather than panicking.
    pub fn to_json(&self) -> Result<String> {
        document::to_json(self)
    }

    /// Writes the events as TOML.
    ///
    /// # Errors
    /// Not expected; reported rather than panicking.
    pub fn to_toml(&self) -> Result<String> {
        document::to_toml(self)
    }
}
