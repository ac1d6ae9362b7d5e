//! Which format a document is in: [`Format`], the one rule for telling it
//! from a file's name ([`Format::of_file_name`]) and from the text when the
//! caller does not say ([`sniff_format`]). A leaf: errors name the format
//! they were read in, and the document reader reads with it.

use std::fmt;

/// Which text format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// TOML, the format for people.
    Toml,
    /// JSON, the format for programs.
    Json,
}

impl Format {
    /// The lowercase name of the format (`"toml"` or `"json"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Json => "json",
        }
    }
}

impl Format {
    /// The format a file's name says: `.toml` or `.json` (in any case);
    /// `None` for any other name, whose text [`sniff_format`] then
    /// decides. The command, the C library, the Python wheel and the PHP
    /// wrapper all tell a file's format so.
    ///
    /// ```
    /// use dpa_core::Format;
    /// assert_eq!(Format::of_file_name("belco.TOML"), Some(Format::Toml));
    /// assert_eq!(Format::of_file_name("/tmp/a.json"), Some(Format::Json));
    /// assert_eq!(Format::of_file_name("agreement.txt"), None);
    /// assert_eq!(Format::of_file_name("json"), None);
    /// ```
    pub fn of_file_name(name: &str) -> Option<Format> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (stem, ext) = base.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        if ext.eq_ignore_ascii_case("toml") {
            Some(Format::Toml)
        } else if ext.eq_ignore_ascii_case("json") {
            Some(Format::Json)
        } else {
            None
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Guesses the format of a document: JSON when it starts (after blanks) with
/// `{`, or with `[` on a line that is not a TOML table header such as
/// `[statement]` or `[[events]]`; TOML otherwise: `{"events": []}` and
/// `[[1, 2], []]` are JSON, `[[events]]`, `[rules]` and `dpa_format = 1`
/// TOML (the unit test `sniffs_json_and_toml` below). The document module
/// re-exports it.
pub fn sniff_format(text: &str) -> Format {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') {
        return Format::Json;
    }
    if t.starts_with('[') {
        let line = t.lines().next().unwrap_or("");
        let line = line.split('#').next().unwrap_or("").trim();
        let inner = line
            .strip_prefix("[[")
            .and_then(|l| l.strip_suffix("]]"))
            .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
        let toml_header = inner.is_some_and(|k| {
            let k = k.trim();
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || "_-. \"'".contains(c))
                && k.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '"' || c == '\'')
        });
        return if toml_header {
            Format::Toml
        } else {
            Format::Json
        };
    }
    Format::Toml
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of [`sniff_format`]'s documentation.
    #[test]
    fn sniffs_json_and_toml() {
        assert_eq!(sniff_format("{\"events\": []}"), Format::Json);
        assert_eq!(
            sniff_format("[[events]]\nkind = \"audit-held\""),
            Format::Toml
        );
        assert_eq!(sniff_format("[rules]\n"), Format::Toml);
        assert_eq!(sniff_format("[[1, 2], []]"), Format::Json);
        assert_eq!(sniff_format("dpa_format = 1"), Format::Toml);
    }
}
