//! The words of a document's errors: what serde, `toml` and `serde_json`
//! report, said once more in terms of the file a person wrote.
//!
//! Read only on the error path. Here, in one place:
//! - the names of Rust types in serde's messages (`expected i64`,
//!   `expected struct NoticeTermRepr`, `unknown variant`) become the words of
//!   the file format (`expected a whole number`, `expected a table`,
//!   `unknown value`) ([`humanize`]); a value type says what it expects in
//!   its own `expecting` (`a whole number of months, e.g. 3`);
//! - a check of a whole table that is about one of its fields (an event's
//!   `at` given for a date event) names that field in the path
//!   ([`crate::error::field_message`]);
//! - the position is that of the value the path names when the parser's
//!   own points elsewhere (an error in the eighth event, which `toml`
//!   reports at the first);
//! - a missing field is reported with every other required field that is
//!   missing too, up to [`MAX_MISSING_LISTED`] ([`with_other_missing`]).

use std::ops::Range;

use schemars::JsonSchema;
use serde_json::Value;

use crate::document::Format;
use crate::error::{FIELD_MARK, Position, ValidationError};

/// The message for JSON read as TOML.
pub(super) const LOOKS_LIKE_JSON: &str =
    "this looks like JSON, not TOML: name the file `.json`, or read it as JSON";

/// The message for TOML read as JSON.
pub(super) const LOOKS_LIKE_TOML: &str =
    "this looks like TOML, not JSON: name the file `.toml`, or read it as TOML";

/// How many other missing fields one error lists; the rest are counted.
pub(crate) const MAX_MISSING_LISTED: usize = 20;

/// The field a [`field_message`](crate::error::field_message) names, and
/// the message without it. Only a message that starts with the mark and
/// names a field (letters, digits, `_`) counts: a value of the document
/// echoed in a message cannot forge a path.
fn split_field(message: &str) -> (Option<&str>, &str) {
    let Some(rest) = message.strip_prefix(FIELD_MARK) else {
        return (None, message);
    };
    match rest.split_once(FIELD_MARK) {
        Some((field, message))
            if !field.is_empty()
                && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            (Some(field), message)
        }
        _ => (None, message),
    }
}

/// The validation error for a message `raw` at `path` (with the parser's
/// position and offset, where it gave one).
pub(super) fn validation(
    format: Format,
    mut path: String,
    at: Option<(Position, usize)>,
    raw: &str,
    text: &str,
) -> ValidationError {
    let (field, raw) = split_field(raw);
    if let Some(field) = field {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
    }
    let mut position = at.map(|(p, _)| p);
    // The parser's position, when it is outside the value the path names
    // and on another line (toml reports an error in a table of an array of
    // tables at the array's start; serde_json a check of a whole object at
    // its end), gives way to that value's. On the same line it stays (an
    // unknown key is reported at the key, before its value).
    if let Some(span) = locate(text, format, &path) {
        let start = Position::of_offset(text, span.start);
        if at.is_none_or(|(p, offset)| !span.contains(&offset) && p.line != start.line) {
            position = Some(start);
        }
    }
    ValidationError {
        format: Some(format),
        path,
        position,
        message: humanize(raw, format),
    }
}

/// serde's message in the words of the file format.
pub(super) fn humanize(message: &str, format: Format) -> String {
    let table = match format {
        Format::Toml => "a table",
        Format::Json => "an object",
    };
    let mut s = message
        .replace("unknown variant `", "unknown value `")
        .replace("invalid type: sequence,", "invalid type: a list,")
        .replace("invalid type: map,", &format!("invalid type: {table},"))
        .replace(
            "invalid type: floating point `",
            "invalid type: decimal number `",
        )
        .replace(
            "invalid value: floating point `",
            "invalid value: decimal number `",
        )
        .replace("invalid type: unit value,", "invalid type: null,")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", &format!("expected {table}"))
        .replace("expected a borrowed string", "expected a string")
        .replace("expected variant identifier", "expected a name")
        .replace("expected field identifier", "expected a field name")
        // toml, for a value that is neither where a name is expected.
        .replace("wanted string or table", "invalid type: expected a string");
    for (rust, words) in [
        ("expected struct ", table),
        ("expected enum ", "a name"),
        ("expected unit struct ", "a name"),
    ] {
        s = replace_named(&s, rust, words);
    }
    for ty in [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ] {
        s = replace_word(&s, &format!("expected {ty}"), "expected a whole number");
    }
    for ty in ["f32", "f64"] {
        s = replace_word(&s, &format!("expected {ty}"), "expected a number");
    }
    s
}

/// `prefix` followed by a Rust name (`expected struct NoticeTermRepr`)
/// replaced with `expected {words}`.
fn replace_named(s: &str, prefix: &str, words: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i]);
        let after = &rest[i + prefix.len()..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        out.push_str("expected ");
        out.push_str(words);
        rest = &after[name_len..];
    }
    out.push_str(rest);
    out
}

/// `word` where it is a whole word (not followed by a letter, digit or `_`)
/// replaced with `with`.
fn replace_word(s: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(word) {
        let after = &rest[i + word.len()..];
        let whole = !after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        out.push_str(if whole { with } else { word });
        rest = after;
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------
// Every missing field at once

/// `v`, when it is about a missing field, with every other required field
/// of the document that is missing too (serde stops at the first): the
/// document is read again as a plain TOML or JSON value and walked along
/// the JSON Schema of `T` ([`crate::schema`]), whose `required` lists are
/// derived from the same serde attributes as the reader.
pub(super) fn with_other_missing<T: JsonSchema>(
    mut v: ValidationError,
    text: &str,
    format: Format,
) -> ValidationError {
    let Some(field) = v
        .message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    else {
        return v;
    };
    let first = join(&v.path, field);
    let Some(value) = plain_value(text, format) else {
        return v;
    };
    let schema = schemars::schema_for!(T).to_value();
    let mut missing = Vec::new();
    let mut path = String::new();
    walk(&schema, &schema, &value, &mut path, &mut missing);
    let others: Vec<String> = missing.into_iter().filter(|p| *p != first).collect();
    if others.is_empty() {
        return v;
    }
    let listed: Vec<String> = others
        .iter()
        .take(MAX_MISSING_LISTED)
        .map(|p| format!("`{p}`"))
        .collect();
    v.message.push_str("; also missing: ");
    v.message.push_str(&listed.join(", "));
    if others.len() > MAX_MISSING_LISTED {
        v.message
            .push_str(&format!(" and {} more", others.len() - MAX_MISSING_LISTED));
    }
    v
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// The document as a plain value (TOML dates become objects, which the walk
/// never looks into).
fn plain_value(text: &str, format: Format) -> Option<Value> {
    match format {
        Format::Toml => serde_json::to_value(toml::from_str::<toml::Table>(text).ok()?).ok(),
        Format::Json => serde_json::from_str(text).ok(),
    }
}

/// The schema `s` points to (`$ref` into `$defs`), at most a few hops.
fn resolve<'s>(root: &'s Value, mut s: &'s Value) -> &'s Value {
    for _ in 0..8 {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => match r
                .strip_prefix("#/$defs/")
                .and_then(|name| root.get("$defs")?.get(name))
            {
                Some(target) => s = target,
                None => return s,
            },
            None => return s,
        }
    }
    s
}

/// Whether schema `s` describes values of the shape of `value` (an object
/// or a list).
fn fits(root: &Value, s: &Value, value: &Value) -> bool {
    let s = resolve(root, s);
    let has_type = |t: &str| match s.get("type") {
        Some(Value::String(x)) => x == t,
        Some(Value::Array(xs)) => xs.iter().any(|x| x == t),
        _ => false,
    };
    match value {
        Value::Object(_) => s.get("properties").is_some() || has_type("object"),
        Value::Array(_) => s.get("items").is_some() || has_type("array"),
        _ => false,
    }
}

/// Adds to `out` the path of every required field missing in `value`
/// (described by schema `s`), in the schema's order of fields.
fn walk(root: &Value, s: &Value, value: &Value, path: &mut String, out: &mut Vec<String>) {
    let s = resolve(root, s);
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(alternatives)) = s.get(key) {
            let mut fitting = alternatives.iter().filter(|a| fits(root, a, value));
            if let (Some(only), None) = (fitting.next(), fitting.next()) {
                walk(root, only, value, path, out);
            }
            return;
        }
    }
    let len = path.len();
    match value {
        Value::Object(map) => {
            let Some(Value::Object(properties)) = s.get("properties") else {
                return;
            };
            if let Some(Value::Array(required)) = s.get("required") {
                for name in required.iter().filter_map(Value::as_str) {
                    if !map.contains_key(name) {
                        out.push(join(path, name));
                    }
                }
            }
            for (name, field) in properties {
                if let Some(v) = map.get(name) {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                    walk(root, field, v, path, out);
                    path.truncate(len);
                }
            }
        }
        Value::Array(items) => {
            let Some(item) = s.get("items") else {
                return;
            };
            for (i, v) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(root, item, v, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Where a path is

/// One step of a field path: a key or a list index.
#[derive(Debug, PartialEq, Eq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of `a.b[3].c`.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(rest) = indices.strip_prefix('[') {
            let (n, after) = rest.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            indices = after;
        }
    }
    Some(out)
}

/// The byte range of the value at `path` in `text`, if it is there.
fn locate(text: &str, format: Format, path: &str) -> Option<Range<usize>> {
    let steps = steps(path)?;
    if steps.is_empty() {
        return None;
    }
    match format {
        Format::Toml => toml_span(text, &steps),
        Format::Json => json_span(text.as_bytes(), &steps),
    }
}

fn toml_span(text: &str, steps: &[Step<'_>]) -> Option<Range<usize>> {
    use toml::Spanned;
    use toml::de::{DeTable, DeValue};
    fn find<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }
    let root = DeTable::parse(text).ok()?;
    let (first, rest) = steps.split_first()?;
    let Step::Key(key) = first else { return None };
    let mut value = find(root.get_ref(), key)?;
    for step in rest {
        value = match (step, value.get_ref()) {
            (Step::Key(k), DeValue::Table(t)) => find(t, k)?,
            (Step::Index(i), DeValue::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(value.span())
}

/// The range of the value at `steps` in JSON text: a scan that skips what
/// is not on the path (the text is well-formed: serde_json read it).
fn json_span(b: &[u8], steps: &[Step<'_>]) -> Option<Range<usize>> {
    let mut i = skip_ws(b, 0);
    for step in steps {
        match (step, b.get(i)?) {
            (Step::Key(key), b'{') => {
                i = skip_ws(b, i + 1);
                loop {
                    if b.get(i)? != &b'"' {
                        return None;
                    }
                    let end = skip_string(b, i)?;
                    let name = &b[i + 1..end - 1];
                    i = skip_ws(b, end);
                    if b.get(i)? != &b':' {
                        return None;
                    }
                    i = skip_ws(b, i + 1);
                    if name == key.as_bytes() {
                        break;
                    }
                    i = skip_ws(b, skip_value(b, i)?);
                    match b.get(i)? {
                        b',' => i = skip_ws(b, i + 1),
                        _ => return None,
                    }
                }
            }
            (Step::Index(n), b'[') => {
                i = skip_ws(b, i + 1);
                for _ in 0..*n {
                    i = skip_ws(b, skip_value(b, i)?);
                    match b.get(i)? {
                        b',' => i = skip_ws(b, i + 1),
                        _ => return None,
                    }
                }
                if b.get(i)? == &b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(i..skip_value(b, i)?)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The offset after the string starting at `i` (a `"`).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The offset after the value starting at `i`.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
            {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_names_become_the_words_of_the_format() {
        let cases = [
            (
                "invalid type: string \"x\", expected struct NoticeTermRepr",
                "invalid type: string \"x\", expected a table",
            ),
            (
                "invalid type: string \"1\", expected i64",
                "invalid type: string \"1\", expected a whole number",
            ),
            (
                "invalid type: floating point `1.5`, expected u16",
                "invalid type: decimal number `1.5`, expected a whole number",
            ),
            (
                "unknown variant `x`, expected one of `a`, `b`",
                "unknown value `x`, expected one of `a`, `b`",
            ),
            (
                "invalid type: map, expected a sequence",
                "invalid type: a table, expected a list",
            ),
            // Not a type name: left alone.
            ("expected i64s", "expected i64s"),
        ];
        for (raw, words) in cases {
            assert_eq!(humanize(raw, Format::Toml), words);
        }
        assert_eq!(
            humanize("invalid type: map, expected struct X", Format::Json),
            "invalid type: an object, expected an object"
        );
    }

    /// What the walk finds missing in `value`, read as a `T`.
    fn missing_in<T: JsonSchema>(value: &Value) -> Vec<String> {
        let schema = schemars::schema_for!(T).to_value();
        let mut out = Vec::new();
        walk(&schema, &schema, value, &mut String::new(), &mut out);
        out
    }

    /// Every object of `v` with its path, for removing its keys one by one.
    fn objects(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(map) => {
                out.push(path.clone());
                for (k, x) in map {
                    path.push(k.clone());
                    objects(x, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(i.to_string());
                    objects(x, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// The schema's required fields are serde's: with any one key of the
    /// seeds and the bundled events taken out, the walk finds that key
    /// missing exactly when the reader says it is, and nothing else.
    fn walk_agrees_with_serde<T: JsonSchema + serde::de::DeserializeOwned>(
        json: &str,
        at_least: usize,
    ) {
        let doc: Value = serde_json::from_str(json).unwrap_or_default();
        let mut all = Vec::new();
        objects(&doc, &mut Vec::new(), &mut all);
        let mut checked = 0;
        for at in all {
            let mut pointer = String::new();
            for step in &at {
                pointer.push('/');
                pointer.push_str(step);
            }
            let keys: Vec<String> = doc
                .pointer(&pointer)
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            for key in keys {
                let mut v = doc.clone();
                if let Some(Value::Object(m)) = v.pointer_mut(&pointer) {
                    m.remove(&key);
                }
                let walked = missing_in::<T>(&v);
                let text = v.to_string();
                match super::super::parse::<T>(&text, Format::Json) {
                    Err(crate::Error::Invalid(e)) if e.message.starts_with("missing field") => {
                        let field = join(e.path(), &key);
                        assert_eq!(walked, [field], "{}", e.message);
                        assert!(!e.message.contains("also missing"), "{}", e.message);
                    }
                    _ => assert_eq!(walked, Vec::<String>::new(), "{pointer}/{key}"),
                }
                checked += 1;
            }
        }
        assert!(checked >= at_least, "{checked}");
    }

    #[test]
    fn the_schema_requires_what_the_reader_requires() {
        for name in ["belco.toml", "alles-online.toml"] {
            let path = format!(
                "{}/../examples/agreements/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let toml = std::fs::read_to_string(path).unwrap_or_default();
            let json = crate::Agreement::from_toml(&toml)
                .and_then(|a| a.to_json())
                .unwrap_or_default();
            walk_agrees_with_serde::<crate::Agreement>(&json, 100);
        }
        let path = format!(
            "{}/../examples/events/belco-2027.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let toml = std::fs::read_to_string(path).unwrap_or_default();
        let json = crate::timeline::Events::from_toml(&toml)
            .and_then(|e| e.to_json())
            .unwrap_or_default();
        walk_agrees_with_serde::<crate::timeline::Events>(&json, 20);
    }

    #[test]
    fn only_a_marked_field_names_a_path() {
        let marked = crate::error::field_message("at", "wrong");
        assert_eq!(split_field(&marked), (Some("at"), "wrong"));
        let echoed = "unknown value `a\u{1e}b\u{1e}c`";
        assert_eq!(split_field(echoed), (None, echoed));
        let forged = "\u{1e}a.b\u{1e}c";
        assert_eq!(split_field(forged).0, None);
    }

    #[test]
    fn paths_and_json_spans() {
        assert_eq!(
            steps("events[7].at"),
            Some(vec![Step::Key("events"), Step::Index(7), Step::Key("at")])
        );
        let text = r#"{"a": [1, {"b": "x,]}"}, {"c": [2, 3], "d": true}]}"#;
        let span = json_span(text.as_bytes(), &steps("a[2].d").unwrap_or_default());
        assert_eq!(span.map(|r| &text[r]), Some("true"));
        let span = json_span(text.as_bytes(), &steps("a[1]").unwrap_or_default());
        assert_eq!(span.map(|r| &text[r]), Some(r#"{"b": "x,]}"}"#));
        assert_eq!(
            json_span(text.as_bytes(), &steps("a[3]").unwrap_or_default()),
            None
        );
        assert_eq!(
            json_span(text.as_bytes(), &steps("e").unwrap_or_default()),
            None
        );
    }
}
