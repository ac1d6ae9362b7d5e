//! [`Text`]: the non-empty, bounded strings names and stated texts are made of.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::limits::MAX_STRING_CHARS;

/// A non-empty string of at most [`MAX_STRING_CHARS`] characters that is not
/// only whitespace. Used for names and for the text the agreement states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Text(String);

impl Text {
    /// Makes a `Text`.
    ///
    /// # Errors
    /// When `s` is empty, only whitespace, or longer than [`MAX_STRING_CHARS`].
    ///
    /// ```
    /// use dpa_core::values::Text;
    /// assert_eq!(Text::new("Belco B.V.").unwrap().as_str(), "Belco B.V.");
    /// assert!(Text::new("  ").is_err());
    /// ```
    pub fn new(s: impl Into<String>) -> Result<Text, Error> {
        let s = s.into();
        // U+FEFF counts as blank too: JSON Schema's `\S` treats it as space.
        if s.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
            return Err(Error::invalid_value("must not be empty".to_owned()));
        }
        // A string has at least as many bytes as characters: only one of
        // more bytes than the limit needs its characters counted.
        if s.len() > MAX_STRING_CHARS {
            let n = s.chars().count();
            if n > MAX_STRING_CHARS {
                return Err(Error::invalid_value(format!(
                    "is {n} characters long, more than the limit of {MAX_STRING_CHARS}"
                )));
            }
        }
        Ok(Text(s))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Text {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        Text::new(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_STRING_CHARS,
            "pattern": "\\S",
            "description": "Non-empty text (not only whitespace)."
        })
    }
}

/// Whether `c` steers how text is displayed rather than being shown: a
/// control character other than the line break and the tab, or a
/// bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069) that
/// reorders a line. The one definition behind the report module's
/// `terminal_safe` and the iCalendar export.
pub(crate) fn steers_display(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `c` without its accent, for comparing names and words written with or
/// without diacritics (`België` and `belgie`, `één` and `een`): the
/// lowercase Latin-1 letters with a diacritic map to their base letter;
/// every other character is itself. Callers lowercase first.
pub(crate) fn fold_letter(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}
