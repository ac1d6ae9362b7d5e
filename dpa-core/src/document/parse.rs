//! Parsing and writing documents (TOML and JSON): the fast path without
//! path tracking, and on failure the error with its field path, line and
//! column, in words a person can act on ([`super::messages`]).

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{check_size, depth, messages};
use crate::document::{Format, sniff_format};
use crate::error::{Error, Position, Result, SyntaxError, ValidationError};
use crate::limits::MAX_DOCUMENT_BYTES;

fn path_string(path: &serde_path_to_error::Path) -> String {
    let s = path.to_string();
    if s == "." { String::new() } else { s }
}

/// Parses `text` as a `T` in `format`. A byte-order mark at the start is
/// dropped (a `str` handed over by a binding may still hold one).
pub(crate) fn parse<T: DeserializeOwned + JsonSchema>(text: &str, format: Format) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_size(text.len())?;
    depth::check(text, format)?;
    let result = match format {
        Format::Toml => parse_toml(text),
        Format::Json => parse_json(text),
    };
    result.map_err(|e| match e {
        Error::Invalid(v) => Error::Invalid(Box::new(messages::with_other_missing::<T>(
            *v, text, format,
        ))),
        other => other,
    })
}

fn toml_syntax(text: &str, e: &toml::de::Error) -> Error {
    // JSON read as TOML (a `.toml` name on a JSON file): say so, rather
    // than what the TOML parser makes of a `{`.
    if sniff_format(text) == Format::Json {
        return Error::from(SyntaxError {
            format: Format::Toml,
            position: Some(Position::of_offset(text, first_non_blank(text))),
            message: messages::LOOKS_LIKE_JSON.to_owned(),
        });
    }
    Error::from(SyntaxError {
        format: Format::Toml,
        position: e.span().map(|s| Position::of_offset(text, s.start)),
        message: e.message().trim_end().to_owned(),
    })
}

fn first_non_blank(text: &str) -> usize {
    text.char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(0, |(i, _)| i)
}

fn parse_toml<T: DeserializeOwned>(text: &str) -> Result<T> {
    let de = toml::Deserializer::parse(text).map_err(|e| toml_syntax(text, &e))?;
    // The fast path: no path tracking. Only a failing document is read
    // again with it, to name the offending field.
    match T::deserialize(de) {
        Ok(v) => Ok(v),
        Err(_) => match toml::Deserializer::parse(text) {
            Ok(de) => toml_with_path(de, text),
            Err(e) => Err(toml_syntax(text, &e)),
        },
    }
}

fn toml_with_path<T: DeserializeOwned>(de: toml::Deserializer<'_>, text: &str) -> Result<T> {
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = path_string(e.path());
        let inner = e.into_inner();
        let offset = inner.span().map(|s| s.start);
        Error::from(messages::validation(
            Format::Toml,
            path,
            offset.map(|o| (Position::of_offset(text, o), o)),
            inner.message().trim_end(),
            text,
        ))
    })
}

fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    // serde would read a struct from a JSON array by position; documents are
    // objects, so anything else at the top is refused with a clear message:
    // a syntax error when the text is not JSON at all (`not json`), a
    // validation error when it is well-formed JSON of another type (`[1]`).
    let first = text.char_indices().find(|(_, c)| !c.is_whitespace());
    if let Some((i, c)) = first
        && c != '{'
    {
        let position = Some(Position::of_offset(text, i));
        if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
            // TOML read as JSON (a `.json` name on a TOML file): say so.
            let message = if toml::from_str::<toml::Table>(text).is_ok() {
                messages::LOOKS_LIKE_TOML.to_owned()
            } else {
                format!("expected a JSON object `{{ ... }}` at the top level, found `{c}`")
            };
            return Err(Error::from(SyntaxError {
                format: Format::Json,
                position,
                message,
            }));
        }
        return Err(Error::from(ValidationError {
            format: Some(Format::Json),
            path: String::new(),
            position,
            message: format!("expected a JSON object `{{ ... }}` at the top level, found `{c}`"),
        }));
    }
    // The fast path: no path tracking. Only a failing document is read
    // again with it, to name the offending field.
    if let Ok(v) = serde_json::from_str::<T>(text) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(e, text))?;
    de.end().map_err(|e| json_error_plain(&e, text))?;
    Ok(value)
}

fn json_position(e: &serde_json::Error) -> Option<Position> {
    (e.line() > 0).then(|| Position {
        line: e.line(),
        column: e.column().max(1),
    })
}

/// Strips serde_json's " at line L column C" suffix; the position is kept apart.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn json_error_plain(e: &serde_json::Error, _text: &str) -> Error {
    Error::from(SyntaxError {
        format: Format::Json,
        position: json_position(e),
        message: json_message(e),
    })
}

/// The byte offset of a 1-based line and column (in characters) of `text`.
fn offset_of(text: &str, p: Position) -> Option<usize> {
    let line_start = if p.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(p.line - 2)?.0 + 1
    };
    let line = &text[line_start..];
    let within = line
        .char_indices()
        .nth(p.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + within)
}

fn json_error(e: serde_path_to_error::Error<serde_json::Error>, text: &str) -> Error {
    let path = path_string(e.path());
    let inner = e.into_inner();
    match inner.classify() {
        serde_json::error::Category::Data => {
            let at = json_position(&inner).and_then(|p| Some((p, offset_of(text, p)?)));
            Error::from(messages::validation(
                Format::Json,
                path,
                at,
                &json_message(&inner),
                text,
            ))
        }
        // serde_json reports a number, list or `null` where one of a set of
        // names is expected (`"kind": 5`) as the syntax error "expected
        // value"; in a well-formed document it is the field's value that is
        // wrong, so it is a validation error naming the field.
        serde_json::error::Category::Syntax
            if !path.is_empty()
                && json_message(&inner) == "expected value"
                && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
        {
            Error::from(ValidationError {
                format: Some(Format::Json),
                position: json_position(&inner),
                message: "invalid type: expected a string".to_owned(),
                path,
            })
        }
        _ => json_error_plain(&inner, text),
    }
}

/// Writes `value` as pretty TOML, or as compact TOML (arrays on one line)
/// when the pretty form would be over [`MAX_DOCUMENT_BYTES`]: a document
/// written is always one that can be read again (an agreement is accepted
/// only if its compact forms fit, see [`written_size`]).
pub(crate) fn to_toml<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let pretty = toml::to_string_pretty(value)
        .map_err(|e| Error::invalid_argument("document", e.to_string()))?;
    if pretty.len() <= MAX_DOCUMENT_BYTES {
        return Ok(pretty);
    }
    toml::to_string(value).map_err(|e| Error::invalid_argument("document", e.to_string()))
}

/// Writes `value` as pretty JSON, or as compact JSON when the pretty form
/// would be over [`MAX_DOCUMENT_BYTES`] (as [`to_toml`]).
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let pretty = serde_json::to_string_pretty(value)
        .map_err(|e| Error::invalid_argument("document", e.to_string()))?;
    if pretty.len() <= MAX_DOCUMENT_BYTES {
        return Ok(pretty);
    }
    serde_json::to_string(value).map_err(|e| Error::invalid_argument("document", e.to_string()))
}

/// The larger of the sizes of `value`'s compact TOML and compact JSON, in
/// bytes: what [`to_toml`] and [`to_json`] write at the most; and the
/// values of its TOML (as [`MAX_TOML_VALUES`](crate::limits::MAX_TOML_VALUES)
/// counts them).
pub(crate) fn written_size<T: Serialize + ?Sized>(value: &T) -> Result<(usize, usize)> {
    /// Counts the bytes written to it.
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut json = Count(0);
    serde_json::to_writer(&mut json, value)
        .map_err(|e| Error::invalid_argument("document", e.to_string()))?;
    let toml =
        toml::to_string(value).map_err(|e| Error::invalid_argument("document", e.to_string()))?;
    Ok((json.0.max(toml.len()), depth::toml_values(&toml)))
}
