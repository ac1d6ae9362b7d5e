//! What a document that is not UTF-8 looks like instead: the guess behind
//! [`Error::NotUtf8`]. Read only on the error path.
//!
//! The guesses are the two encodings text files are saved in by mistake on
//! the desks this library is for: Windows-1252 (the "ANSI" code page of
//! Dutch and English Windows, of which ISO 8859-1 is a subset) and UTF-16
//! (Windows' "Unicode"). A file is taken for UTF-16 by its byte-order mark
//! (`FF FE` little-endian, `FE FF` big-endian), or, without one, when NUL
//! bytes fill one of the two byte positions of most of its first characters,
//! as ASCII text in UTF-16 does. Any other file with bytes that are not
//! UTF-8 is taken for Windows-1252, unless it has NUL bytes or one of the
//! five byte values Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
//! 0x9D; WHATWG Encoding Standard, index-windows-1252): then it is binary.

use crate::error::{EncodingError, Error, LooksLike, Position};

/// How many bytes the UTF-16 test looks at.
const SAMPLE: usize = 4096;

/// The error for `bytes` whose UTF-8 ends at `offset`.
pub(super) fn not_utf8(bytes: &[u8], offset: usize) -> Error {
    let looks_like = utf16_with_bom(bytes)
        .or_else(|| utf16_without_bom(bytes))
        .unwrap_or_else(|| {
            if bytes
                .iter()
                .any(|b| matches!(b, 0x00 | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
            {
                LooksLike::Binary
            } else {
                LooksLike::Windows1252
            }
        });
    let offset = if matches!(looks_like, LooksLike::Utf16Le | LooksLike::Utf16Be) {
        0
    } else {
        offset
    };
    error(bytes, offset, looks_like)
}

/// The error at `offset` of `bytes` (which are UTF-8 before it).
pub(super) fn error(bytes: &[u8], offset: usize, looks_like: LooksLike) -> Error {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // The bytes before `offset` are UTF-8: count their characters.
    let column = std::str::from_utf8(&before[line_start..])
        .map_or(before.len() - line_start, |s| s.chars().count())
        + 1;
    let byte = match looks_like {
        LooksLike::Utf16Le | LooksLike::Utf16Be => None,
        _ => bytes.get(offset).copied(),
    };
    Error::NotUtf8(Box::new(EncodingError {
        offset,
        position: Position { line, column },
        byte,
        looks_like,
    }))
}

fn utf16_with_bom(bytes: &[u8]) -> Option<LooksLike> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(LooksLike::Utf16Le),
        [0xFE, 0xFF, ..] => Some(LooksLike::Utf16Be),
        _ => None,
    }
}

/// UTF-16 without a byte-order mark: in the first [`SAMPLE`] bytes, NUL
/// bytes at most odd offsets and no even one (little-endian), or the
/// reverse (big-endian).
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<LooksLike> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 2 > pairs && even == 0 {
        Some(LooksLike::Utf16Le)
    } else if even * 2 > pairs && odd == 0 {
        Some(LooksLike::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::text_from_bytes;

    fn guess(bytes: &[u8]) -> (LooksLike, usize, usize, usize) {
        match text_from_bytes(bytes) {
            Err(Error::NotUtf8(e)) => {
                let p = e.position().unwrap_or(Position { line: 0, column: 0 });
                (e.looks_like(), e.offset(), p.line, p.column)
            }
            other => panic!("{other:?}"),
        }
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    /// Windows-1252 text: the line and column of the first byte that is not
    /// UTF-8, counted in characters.
    /// Source: WHATWG Encoding Standard, index-windows-1252 (0xEB is `ë`).
    #[test]
    fn windows_1252_with_line_and_column() {
        let (g, offset, line, column) = guess(b"dpa_format = 1\n# \xC3\xA9\xC3\xA9 Belgi\xEB\n");
        assert_eq!(g, LooksLike::Windows1252);
        assert_eq!((offset, line, column), (27, 2, 11));
    }

    /// UTF-16 with and without a byte-order mark, either byte order; ASCII
    /// text in UTF-16 is valid UTF-8 apart from its NUL bytes.
    /// Source: The Unicode Standard, ch. 3.10 (UTF-16 encoding schemes and
    /// the byte-order mark).
    #[test]
    fn utf16_in_either_byte_order() {
        let text = "dpa_format = 1\n[rules]\nmonth_rule = \"clamp\"\n";
        for (be, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let expected = if be {
                LooksLike::Utf16Be
            } else {
                LooksLike::Utf16Le
            };
            let (g, offset, line, column) = guess(&utf16(text, be, bom));
            assert_eq!((g, offset, line, column), (expected, 0, 1, 1), "{be} {bom}");
        }
        // With a character outside ASCII: not UTF-8 at that character, but
        // still UTF-16 as a whole.
        let (g, ..) = guess(&utf16("name = \"Belgi\u{eb}\"\n", false, false));
        assert_eq!(g, LooksLike::Utf16Le);
    }

    /// NUL bytes and undefined Windows-1252 bytes are binary, not text.
    #[test]
    fn binary() {
        let junk: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        assert_eq!(guess(&junk).0, LooksLike::Binary);
        assert_eq!(guess(b"a = \"\x81\"").0, LooksLike::Binary);
        // A NUL in UTF-8 text that is not UTF-16 is left to the parser.
        assert_eq!(text_from_bytes(b"a = 1\0\n").ok(), Some("a = 1\0\n"));
    }
}
