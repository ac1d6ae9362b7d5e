//! A new version of a statement laid over the agreement of the old one
//! (`dpa import --update OLD NEW`, issue 18 point 5): the change-notice use
//! case. The values the new text states replace the old file's; what the
//! new text does not state, or states ambiguously, is kept from the old
//! file (the review list says which); the result is checked as any
//! agreement is, and the diff of the old agreement against it says which
//! terms changed and the rights the notice opens.
//!
//! The values are laid over as the draft writes them (`draft.rs`: the
//! project's format), key by key:
//!
//! - a table is laid over the old table, key by key;
//! - a term written in another spelling replaces the old one (`within`
//!   replaces `months`, `notice` replaces `notice_days`, ...: a term is
//!   never given twice);
//! - the sub-processors, the products and the certifications are the new
//!   text's list, matched by name to the old entries, whose other keys
//!   (what the import does not read) are kept; an old entry the new list
//!   does not name is gone;
//! - the version history is matched by version and keeps the old entries
//!   the new text no longer lists;
//! - `source` lists stay the old file's (a citation's numbering is
//!   editorial); a value the draft marks `not-stated` does not replace one
//!   the old file states.

use serde_json::{Map, Value};

use crate::Agreement;
use crate::error::{Error, Result};

/// Keys of the draft that are provenance, not values: kept from the old
/// file where it has the table.
const PROVENANCE: [&str; 3] = ["source", "quote", "provenance"];

/// A term's spellings (docs/rules.md, "Terms as statements write them"):
/// setting one removes the others from the table.
const SPELLINGS: [(&str, &str); 4] = [
    ("within", "months"),
    ("backup_cycle", "backup_cycle_days"),
    ("notice", "notice_days"),
    ("termination_window", "termination_window_days"),
];

/// Lists matched by this key, and whether an old entry the new list does
/// not name is kept.
const LISTS: [(&str, &str, bool); 4] = [
    ("sub_processors", "name", false),
    ("products", "name", false),
    ("certifications", "name", false),
    ("history", "version", true),
];

/// `old` with the values of `draft` (the import's draft, TOML) laid over
/// it, read back as an agreement.
pub(crate) fn update(old: &Agreement, draft: &str) -> Result<Agreement> {
    let mut doc: Value = serde_json::from_str(&old.to_json()?)
        .map_err(|e| Error::internal(format!("an agreement's JSON does not read back: {e}")))?;
    let draft: toml::Table = toml::from_str(draft)
        .map_err(|e| Error::internal(format!("the import's draft is not TOML: {e}")))?;
    let Value::Object(ref mut root) = doc else {
        return Err(Error::internal("an agreement's JSON is not an object"));
    };
    lay_table(root, &draft);
    let text = serde_json::to_string(&doc)
        .map_err(|e| Error::internal(format!("the updated agreement is not JSON: {e}")))?;
    Agreement::from_json(&text).map_err(|e| match &e {
        Error::Invalid(v) => Error::invalid_argument(
            v.path(),
            format!(
                "{} (the old agreement with the values the new version states: complete the draft of the new version with -o and compare it with `dpa diff`)",
                v.message()
            ),
        ),
        _ => e,
    })
}

/// A TOML value as JSON (a date as its text).
fn json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::from(*b),
        toml::Value::Datetime(d) => Value::from(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), json(v))).collect())
        }
    }
}

/// Lays the draft's table `new` over the old table `old`.
fn lay_table(old: &mut Map<String, Value>, new: &toml::Table) {
    for (key, value) in new {
        if value.as_str() == Some("not-stated")
            || PROVENANCE.contains(&key.as_str()) && old.contains_key(key)
        {
            continue;
        }
        for (a, b) in SPELLINGS {
            if key == a {
                old.remove(b);
            } else if key == b {
                old.remove(a);
            }
        }
        match (old.get_mut(key), value) {
            // A text that differs only in case or spaces is the same value
            // written otherwise: the old spelling stays.
            (Some(Value::String(o)), toml::Value::String(n)) if same_text(o, n) => {}
            (Some(Value::Object(o)), toml::Value::Table(n)) => lay_table(o, n),
            (Some(Value::Array(o)), toml::Value::Array(n)) if lists(key).is_some() => {
                if let Some((by, keep_gone)) = lists(key) {
                    lay_list(o, n, by, keep_gone);
                }
            }
            _ => {
                old.insert(key.clone(), json(value));
            }
        }
    }
}

/// Whether two texts differ only in case and spaces.
fn same_text(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// How the list under `key` is matched, if it is one of [`LISTS`].
fn lists(key: &str) -> Option<(&'static str, bool)> {
    LISTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, by, keep)| (*by, *keep))
}

/// Lays the draft's list `new` over the old list, entries matched by `by`:
/// the new list's entries in its order or, where the old entries are kept
/// (the history), the old entries in their order with the new ones after
/// them.
fn lay_list(old: &mut Vec<Value>, new: &[toml::Value], by: &str, keep_gone: bool) {
    /// An entry of the new list: an old entry laid over, or a new one.
    enum Slot {
        Old(usize),
        New(Value),
    }
    let name = |v: &Value| v.get(by).and_then(Value::as_str).map(str::to_lowercase);
    let mut laid: Vec<Option<Value>> = vec![None; old.len()];
    let mut slots: Vec<Slot> = Vec::new();
    for n in new {
        let Some(table) = n.as_table() else { continue };
        let key = table
            .get(by)
            .and_then(toml::Value::as_str)
            .map(str::to_lowercase);
        let found =
            (0..old.len()).find(|&i| laid[i].is_none() && key.is_some() && name(&old[i]) == key);
        match found {
            Some(i) => {
                let mut entry = old[i].clone();
                if let Value::Object(o) = &mut entry {
                    lay_table(o, table);
                }
                laid[i] = Some(entry);
                slots.push(Slot::Old(i));
            }
            None => slots.push(Slot::New(json(n))),
        }
    }
    *old = if keep_gone {
        let mut r: Vec<Value> = old
            .iter()
            .zip(&mut laid)
            .map(|(o, l)| l.take().unwrap_or_else(|| o.clone()))
            .collect();
        r.extend(slots.into_iter().filter_map(|s| match s {
            Slot::New(v) => Some(v),
            Slot::Old(_) => None,
        }));
        r
    } else {
        slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Old(i) => laid[i].take(),
                Slot::New(v) => Some(v),
            })
            .collect()
    };
}
