//! Documented input limits, enforced with an error before the work is done.

/// The largest document (TOML or JSON text) accepted: 16 MiB. Larger input is
/// refused before it is parsed. An agreement is also refused when what
/// `Agreement::to_toml` or `Agreement::to_json` would write for it (in
/// their compact form, which they fall back to when the pretty one is too
/// large) is over this limit, so that every agreement written is one that
/// can be read again.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The longest string value accepted in a document, in characters.
pub const MAX_STRING_CHARS: usize = 65_536;

/// The most sub-processors an agreement may list.
pub const MAX_SUB_PROCESSORS: usize = 10_000;

/// The most entries any other list in an agreement may hold (versions, change
/// notes, measures, deviations, locations, ...).
pub const MAX_LIST_ITEMS: usize = 10_000;

/// The most events an events document may hold: one agreement's history.
/// (A portfolio of many agreements has one events document per agreement;
/// the timeline benchmark runs 1,000,000 events over 10,000 of them.)
pub const MAX_EVENTS: usize = 100_000;

/// The deepest nesting of arrays and tables a document may have, its top
/// level counting as one: an agreement needs 6, an events document 3. Every
/// `[` and `{` counts, and in TOML every part of a table header and of a
/// dotted key but the last. A linear scan refuses deeper input before it is
/// parsed, with a syntax error at the place, so that no reader recurses
/// deeper than this and parsing fits [`MIN_THREAD_STACK_BYTES`].
pub const MAX_NESTING_DEPTH: usize = 32;

/// The most values a TOML document may hold: 1,000,000. A value is a key
/// (`a = 1`; each key of an inline table), a table header, or an element
/// of an array (an array counts one more than the commas in it);
/// `document::toml_values` counts a text's. The TOML reader builds the whole document
/// as a tree before it is read into the model, some 180 bytes a value, so
/// this keeps reading any TOML document within about 200 MB. A linear scan
/// refuses a document with more before it is parsed, with a syntax error
/// at the first value past the limit. JSON is read without such a tree and
/// has no value limit, but an agreement is refused, whichever the format it
/// is read from, when the TOML `Agreement::to_toml` would write for it holds
/// more (as for [`MAX_DOCUMENT_BYTES`]): every agreement can be written as
/// TOML and read again. An agreement needs about 1,000 values; an events
/// document of [`MAX_EVENTS`] events, each with the fields its kind uses
/// (a header and at most four keys), 500,000.
pub const MAX_TOML_VALUES: usize = 1_000_000;

/// The stack a thread needs to call the library, as built for release
/// (libdpa, the wheel, the command): 64 KiB. Parsing the deepest documents
/// [`MAX_NESTING_DEPTH`] lets through, and every computation on the bundled
/// agreements, fit in 48 KiB when measured; the rest is margin. A debug
/// build needs about four times as much. The main thread (8 MiB on Linux)
/// and Rust's spawned threads (2 MiB) have far more; a host that makes
/// threads with small stacks should give them at least this.
pub const MIN_THREAD_STACK_BYTES: usize = 64 * 1024;

/// The earliest year a date may have.
pub const MIN_YEAR: i32 = 1;

/// The latest year a date may have.
pub const MAX_YEAR: i32 = 9999;

/// Reads a list of at most `max` items, refusing the list as soon as item
/// `max + 1` appears: that item is skipped, not built, so an oversized list
/// costs no more than reading past it.
fn bounded_list<'de, D, T>(
    deserializer: D,
    max: usize,
    what: &'static str,
) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Visitor<T> {
        max: usize,
        what: &'static str,
        item: std::marker::PhantomData<T>,
    }

    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a list of at most {} {}", self.max, self.what)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let hint = seq.size_hint().unwrap_or(0);
            let mut items = Vec::with_capacity(hint.min(self.max).min(4096));
            loop {
                if items.len() == self.max {
                    if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                        return Err(serde::de::Error::custom(format_args!(
                            "more than the limit of {} {}",
                            self.max, self.what
                        )));
                    }
                    return Ok(items);
                }
                match seq.next_element()? {
                    Some(item) => items.push(item),
                    None => return Ok(items),
                }
            }
        }
    }

    deserializer.deserialize_seq(Visitor {
        max,
        what,
        item: std::marker::PhantomData,
    })
}

/// `deserialize_with` for lists bounded by [`MAX_SUB_PROCESSORS`].
pub(crate) fn sub_processors<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    bounded_list(deserializer, MAX_SUB_PROCESSORS, "sub-processors")
}

/// `deserialize_with` for lists bounded by [`MAX_LIST_ITEMS`].
pub(crate) fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    bounded_list(deserializer, MAX_LIST_ITEMS, "entries")
}

/// `deserialize_with` for lists bounded by [`MAX_EVENTS`].
pub(crate) fn events<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    bounded_list(deserializer, MAX_EVENTS, "events")
}
