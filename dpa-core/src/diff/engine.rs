//! The comparison machinery every section of the diff uses.
//!
//! A section walks its part of the old and the new agreement and describes
//! each difference as one row of the diff through a [`Row`] builder:
//!
//! ```ignore
//! self.change(ChangeKind::DeletionTermChanged, "terms.deletion.months")
//!     .cite(&citation)
//!     .label("deletion term")
//!     .field(&old.months, &new.months, |m| Some(m.to_string()))
//!     .judge(|a, b| policy::longer_term_reduces_protection(..));
//! ```
//!
//! [`Differ::change`] starts a row with its kind and path; `cite`, `label`,
//! `describe`, `was_at` and `values` fill in its columns; [`Row::judge`],
//! [`Row::record`] or [`Field::judge`] records it. Lists compared as
//! multisets go through [`Differ::list`], `source` lists through
//! [`Differ::refs`]. Whether a difference favours the client is decided in
//! [`super::policy`], never here; this module only pairs items, shows values
//! and assembles [`Change`]s.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use crate::citation::cite;
use crate::model::Agreement;
use crate::values::{ClauseRef, Location, Text, join_refs};

use super::policy::{self, ItemVerdicts, Verdict};
use super::{Change, ChangeKind, Effect};

/// The two agreements compared and the changes found so far, in the order
/// the sections find them.
pub(super) struct Differ<'a> {
    /// The old version.
    pub(super) old: &'a Agreement,
    /// The new version.
    pub(super) new: &'a Agreement,
    out: Vec<Change>,
}

impl<'a> Differ<'a> {
    /// Starts a diff of `old` against `new`, with no changes yet.
    pub(super) fn new(old: &'a Agreement, new: &'a Agreement) -> Self {
        Differ {
            old,
            new,
            out: Vec::new(),
        }
    }

    /// The changes found so far.
    pub(super) fn changes(&self) -> &[Change] {
        &self.out
    }

    /// The changes found so far, to amend after every section has run.
    pub(super) fn changes_mut(&mut self) -> &mut [Change] {
        &mut self.out
    }

    /// Every change found.
    pub(super) fn into_changes(self) -> Vec<Change> {
        self.out
    }

    /// Starts a row of kind `kind` at `path` (a field path of the new file;
    /// for something removed, the list it was removed from).
    pub(super) fn change(&mut self, kind: ChangeKind, path: impl Into<String>) -> Row<'_, 'a> {
        Row {
            differ: self,
            kind,
            path: path.into(),
            old_path: None,
            citation: String::new(),
            label: String::new(),
            description: None,
            from: None,
            to: None,
        }
    }

    /// Starts the comparison of the list at `path` whose items are called
    /// `label` (e.g. "security measure"); an item added is a change of kind
    /// `kinds.0`, one removed of kind `kinds.1`.
    pub(super) fn list<'p>(
        &mut self,
        path: &'p str,
        label: &'p str,
        kinds: (ChangeKind, ChangeKind),
    ) -> List<'_, 'a, 'p> {
        List {
            differ: self,
            kinds,
            path,
            label,
            citations: (String::new(), String::new()),
        }
    }

    /// A `source` list at `path`: when it differs, one
    /// [`ChangeKind::ReferencesChanged`] row, editorial.
    pub(super) fn refs(&mut self, path: impl Into<String>, old: &[ClauseRef], new: &[ClauseRef]) {
        if old == new {
            return;
        }
        let (from, to) = (join_refs(old), join_refs(new));
        self.change(ChangeKind::ReferencesChanged, path)
            .cite(&cite(new, []))
            .describe(format!("references changed from \"{from}\" to \"{to}\""))
            .values(Some(from), Some(to))
            .record(Verdict::new(
                Effect::Editorial,
                "only the clause references the value cites changed; the value is unchanged",
            ));
    }
}

/// One row of the diff being built: its columns, recorded by
/// [`Row::judge`] or [`Row::record`] with the verdict.
#[must_use = "a row is added to the diff only by `judge` or `record`"]
pub(super) struct Row<'d, 'a> {
    differ: &'d mut Differ<'a>,
    kind: ChangeKind,
    path: String,
    old_path: Option<String>,
    citation: String,
    label: String,
    description: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl<'d, 'a> Row<'d, 'a> {
    /// The clauses the changed value rests on.
    pub(super) fn cite(mut self, citation: &str) -> Self {
        citation.clone_into(&mut self.citation);
        self
    }

    /// The path in the old file, where it differs from the path (an item
    /// removed, or at another index).
    pub(super) fn was_at(mut self, old_path: String) -> Self {
        self.old_path = Some(old_path);
        self
    }

    /// What the value is called; the description is then
    /// `{label} changed from "old" to "new"`.
    pub(super) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// The description in full, for a row that is not a value changed
    /// (something added or removed).
    pub(super) fn describe(mut self, description: String) -> Self {
        self.description = Some(description);
        self
    }

    /// The old and new values as text; `None` where there is none.
    pub(super) fn values(mut self, from: Option<String>, to: Option<String>) -> Self {
        self.from = from;
        self.to = to;
        self
    }

    /// A typed value: the row is recorded by [`Field::judge`] when `old` and
    /// `new` differ, shown with `show`.
    pub(super) fn field<'v, T: PartialEq>(
        self,
        old: &'v T,
        new: &'v T,
        show: impl Fn(&T) -> Option<String>,
    ) -> Field<'d, 'a, 'v, T> {
        let shown = (old != new).then(|| (show(old), show(new)));
        Field {
            row: self,
            old,
            new,
            shown,
        }
    }

    /// A yes/no value, shown as `true` or `false`.
    pub(super) fn flag<'v>(self, old: &'v bool, new: &'v bool) -> Field<'d, 'a, 'v, bool> {
        self.field(old, new, |b| Some(b.to_string()))
    }

    /// Records a free-text description (optional) when it changed, judged
    /// by [`policy::free_text`].
    pub(super) fn text(self, old: Option<&Text>, new: Option<&Text>) {
        if let Some(verdict) = policy::free_text(old, new) {
            self.values(opt_text(old), opt_text(new)).judge(verdict);
        }
    }

    /// Records the row when its old and new values differ as text (a value
    /// shown the same on both sides is no change).
    pub(super) fn judge(self, verdict: Verdict) {
        if self.from != self.to {
            self.record(verdict);
        }
    }

    /// Records the row as it is, for a difference the caller has already
    /// established (an item added or removed, a `source` list changed).
    pub(super) fn record(self, verdict: Verdict) {
        let Row {
            differ,
            kind,
            path,
            old_path,
            citation,
            label,
            description,
            from,
            to,
        } = self;
        let description = description.unwrap_or_else(|| {
            format!(
                "{label} changed from {} to {}",
                show_opt(from.as_ref()),
                show_opt(to.as_ref())
            )
        });
        let old_path = old_path.filter(|p| *p != path);
        let Verdict { effect, reason } = verdict;
        differ.out.push(Change {
            kind,
            path,
            old_path,
            description,
            from,
            to,
            citation,
            effect,
            significant: effect.is_significant(),
            reason,
            rights: Vec::new(),
        });
    }
}

/// A typed value of a [`Row`], awaiting its verdict.
#[must_use = "a field is added to the diff only by `judge`"]
pub(super) struct Field<'d, 'a, 'v, T> {
    row: Row<'d, 'a>,
    old: &'v T,
    new: &'v T,
    /// The old and new values as text, when they differ.
    shown: Option<(Option<String>, Option<String>)>,
}

impl<T> Field<'_, '_, '_, T> {
    /// Records the row with the verdict `policy` gives for the old and the
    /// new value, when they differ (both as values and as text).
    pub(super) fn judge(self, policy: impl FnOnce(&T, &T) -> Verdict) {
        if let Some((from, to)) = self.shown {
            let verdict = policy(self.old, self.new);
            self.row.values(from, to).judge(verdict);
        }
    }
}

/// A list compared as a multiset: one row per item added or removed.
#[must_use = "a list is compared only by `compare`"]
pub(super) struct List<'d, 'a, 'p> {
    differ: &'d mut Differ<'a>,
    kinds: (ChangeKind, ChangeKind),
    path: &'p str,
    label: &'p str,
    citations: (String, String),
}

impl List<'_, '_, '_> {
    /// The citations: of the old list (for an item removed) and of the new
    /// one (for an item added).
    pub(super) fn cite(mut self, old: &str, new: &str) -> Self {
        self.citations = (old.to_owned(), new.to_owned());
        self
    }

    /// Compares `old` with `new`, shows each item with `show` and judges it
    /// with `verdicts`. Items added come first, in the new list's order, then
    /// those removed, in the old list's order.
    pub(super) fn compare<T: Eq + Hash>(
        self,
        old: &[T],
        new: &[T],
        show: impl Fn(&T) -> String,
        verdicts: &ItemVerdicts,
    ) {
        let List {
            differ,
            kinds,
            path,
            label,
            citations,
        } = self;
        let (pairs, gone) = pair_by(old, new, |t| t);
        for (i, p) in pairs.iter().enumerate() {
            if p.is_none() {
                let s = show(&new[i]);
                differ
                    .change(kinds.0, format!("{path}[{i}]"))
                    .cite(&citations.1)
                    .describe(format!("{label} added: {}", quote(&s)))
                    .values(None, Some(s))
                    .record(verdicts.added.clone());
            }
        }
        for j in gone {
            let s = show(&old[j]);
            differ
                .change(kinds.1, path)
                .was_at(format!("{path}[{j}]"))
                .cite(&citations.0)
                .describe(format!("{label} removed: {}", quote(&s)))
                .values(Some(s), None)
                .record(verdicts.removed.clone());
        }
    }
}

/// Pairs each item of `new` with the first unpaired item of `old` with the
/// same key. Returns, for each new item, the index of its old item, and the
/// old indexes left unpaired (ascending).
pub(super) fn pair_by<'a, T, K: Eq + Hash>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut free: HashMap<K, VecDeque<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        free.entry(key(o)).or_default().push_back(i);
    }
    let mut used = vec![false; old.len()];
    let pairs = new
        .iter()
        .map(|n| {
            let i = free.get_mut(&key(n)).and_then(VecDeque::pop_front);
            if let Some(i) = i {
                used[i] = true;
            }
            i
        })
        .collect();
    let removed = (0..old.len()).filter(|&i| !used[i]).collect();
    (pairs, removed)
}

// ---------------------------------------------------------------------------
// Showing values

/// `s` in double quotes.
pub(super) fn quote(s: &str) -> String {
    format!("\"{s}\"")
}

/// An optional text as an optional value.
pub(super) fn opt_text(t: Option<&Text>) -> Option<String> {
    t.map(|t| t.as_str().to_owned())
}

/// A value in quotes, or `(none)`.
fn show_opt(v: Option<&String>) -> String {
    v.map_or_else(|| "(none)".to_owned(), |s| quote(s))
}

/// Locations separated by commas, or `(none)`.
pub(super) fn locations(v: &[Location]) -> String {
    if v.is_empty() {
        "(none)".to_owned()
    } else {
        v.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// The distinct values of `v`, sorted: a list read as a set.
pub(super) fn sorted_set<T: Ord + Copy>(v: &[T]) -> Vec<T> {
    let mut s = v.to_vec();
    s.sort_unstable();
    s.dedup();
    s
}
