//! The standard clauses (`clauses.*`): the edition, the numbering and the
//! processor's deviations, matched by clause across the two numberings. A
//! deviation added, removed or changed in kind is undetermined (significant:
//! its text is not judged). A deviation whose summary alone changed is
//! editorial: what it does is in the typed values of its clause (the
//! warranty, a term, a precondition), which the diff compares and classifies
//! on their own. Each deviation change's reason lists the typed changes of
//! the same clause found elsewhere in the diff.

use std::slice;

use crate::citation::cite;
use crate::model::{Deviation, Numbering};
use crate::values::ClauseRef;

use super::engine::{Differ, pair_by, quote};
use super::policy::Verdict;
use super::{ChangeKind, Effect};

impl Differ<'_> {
    /// The edition, the numbering and the deviations.
    pub(super) fn clauses(&mut self) {
        let (o, n) = (&self.old.clauses, &self.new.clauses);
        self.change(ChangeKind::ClauseEditionChanged, "clauses.edition")
            .label("edition of the standard clauses")
            .field(&o.edition, &n.edition, |e| Some(e.as_str().to_owned()))
            .judge(|_, _| {
                Verdict::new(
                    Effect::Undetermined,
                    "another edition of the standard clauses applies; its text differs throughout — compare the editions",
                )
            });
        self.change(ChangeKind::ClauseNumberingChanged, "clauses.numbering")
            .label("numbering of the standard clauses")
            .field(&o.numbering, &n.numbering, |x| Some(x.as_str().to_owned()))
            .judge(|_, _| {
                Verdict::new(
                    Effect::Editorial,
                    "only how the clauses are numbered changed",
                )
            });
        let (on, nn) = (o.numbering, n.numbering);
        let (od, nd) = (&o.deviations, &n.deviations);
        // Pair by clause, read across the two numberings.
        let old_keys: Vec<String> = od.iter().map(|d| clause_key(on, &d.clause)).collect();
        let new_keys: Vec<String> = nd.iter().map(|d| clause_key(nn, &d.clause)).collect();
        let (pairs, gone) = pair_by(&old_keys, &new_keys, String::clone);
        for (i, p) in pairs.iter().enumerate() {
            let d = &nd[i];
            let path = format!("clauses.deviations[{i}]");
            match p {
                None => self
                    .change(ChangeKind::DeviationAdded, path)
                    .cite(&cite(slice::from_ref(&d.clause), []))
                    .describe(format!(
                        "deviation from the standard clauses added at {} ({}): {}",
                        d.clause,
                        d.kind.as_str(),
                        quote(d.summary.as_str())
                    ))
                    .values(None, Some(d.summary.as_str().to_owned()))
                    .record(Verdict::new(
                        Effect::Undetermined,
                        "the processor now deviates from the standard clauses here; the standard text's protection may no longer apply, and a deviation's text is not judged",
                    )),
                Some(j) => self.deviation(&path, *j, &od[*j], d),
            }
        }
        for j in gone {
            let d = &od[j];
            self.change(ChangeKind::DeviationRemoved, "clauses.deviations")
                .was_at(format!("clauses.deviations[{j}]"))
                .cite(&cite(slice::from_ref(&d.clause), []))
                .describe(format!(
                    "deviation from the standard clauses at {} removed: {}",
                    d.clause,
                    quote(d.summary.as_str())
                ))
                .values(Some(d.summary.as_str().to_owned()), None)
                .record(Verdict::new(
                    Effect::Undetermined,
                    "the standard clause applies again where the processor deviated; whether that helps the client depends on the deviation (one in the client's favour is lost), and a deviation's text is not judged",
                ));
        }
    }

    /// A deviation present in both versions (at `path`, `j` in the old
    /// file): its kind or text changed.
    fn deviation(&mut self, path: &str, j: usize, o: &Deviation, n: &Deviation) {
        if o.kind == n.kind && o.summary == n.summary {
            return;
        }
        let mut what = Vec::new();
        if o.kind != n.kind {
            what.push(format!(
                "kind from \"{}\" to \"{}\"",
                o.kind.as_str(),
                n.kind.as_str()
            ));
        }
        if o.summary != n.summary {
            what.push(format!(
                "text from {} to {}",
                quote(o.summary.as_str()),
                quote(n.summary.as_str())
            ));
        }
        let (from, to) = if o.summary != n.summary {
            (o.summary.as_str().to_owned(), n.summary.as_str().to_owned())
        } else {
            (o.kind.as_str().to_owned(), n.kind.as_str().to_owned())
        };
        self.change(ChangeKind::DeviationChanged, path)
            .was_at(format!("clauses.deviations[{j}]"))
            .cite(&cite(slice::from_ref(&n.clause), []))
            .describe(format!(
                "deviation from the standard clauses at {} changed: {}",
                n.clause,
                what.join("; ")
            ))
            .values(Some(from), Some(to))
            .record(if o.kind == n.kind {
                // Only the file's own summary changed: what the deviation does
                // is in the typed values of its clause, compared on their own.
                Verdict::new(
                    Effect::Editorial,
                    "only the file's summary of the deviation changed; a deviation is classified by the typed values of its clause, which are compared and classified on their own",
                )
            } else {
                Verdict::new(
                    Effect::Undetermined,
                    "the clause is now modified, added or removed where it was not; the direction of that cannot be told from the data, so the change is treated as significant",
                )
            });
    }

    /// Adds to each deviation change's reason the typed changes of the same
    /// clause listed elsewhere in the diff.
    pub(super) fn cross_reference_deviations(&mut self) {
        let related: Vec<Vec<String>> = self
            .changes()
            .iter()
            .map(|c| {
                if !matches!(
                    c.kind,
                    ChangeKind::DeviationAdded
                        | ChangeKind::DeviationRemoved
                        | ChangeKind::DeviationChanged
                ) {
                    return Vec::new();
                }
                let clause = c.citation.as_str();
                let mut rel: Vec<String> = Vec::new();
                for x in self.changes() {
                    if x.kind == c.kind
                        || x.kind == ChangeKind::ReferencesChanged
                        || !x.citation.split(", ").any(|r| r == clause)
                    {
                        continue;
                    }
                    // One entry per field: `terms.breach.information[3]` and
                    // `[4]` are both `terms.breach.information`.
                    let field = match x.path.strip_suffix(']').and_then(|p| p.rfind('[')) {
                        Some(i) => &x.path[..i],
                        None => x.path.as_str(),
                    };
                    let entry = format!("{} ({field})", x.kind);
                    if !rel.contains(&entry) {
                        rel.push(entry);
                    }
                }
                rel
            })
            .collect();
        for (c, rel) in self.changes_mut().iter_mut().zip(related) {
            if !rel.is_empty() {
                c.reason.push_str(&format!(
                    "; changes of the same clause listed elsewhere in this diff: {}",
                    rel.join(", ")
                ));
            }
        }
    }
}

/// The key deviations are paired by across two files: the clause's number
/// in the edition ([`Numbering::edition_number`]), so that `clause 2.4.1`
/// (part-2-prefixed) and `clause 4.1` (articles) match; a reference that is
/// not to a standard clause keys by itself.
fn clause_key(numbering: Numbering, c: &ClauseRef) -> String {
    numbering.edition_number(c).unwrap_or(c.as_str()).to_owned()
}
