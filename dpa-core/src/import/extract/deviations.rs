//! The standard clauses' deviations (issue 18 point 3): where a
//! statement's part 2 names an edition whose unmodified text is on file
//! (`data/standard-clauses.tsv`), part 2 is compared with it clause by
//! clause: a clause whose words differ is `modified` (with a short
//! word-level difference), an edition clause part 2 lacks is `removed`, a
//! clause number the edition does not have is `added`. Where no comparison
//! can be made (no part 2, no edition named, an edition not on file, part 2
//! naming the edition without reproducing its text, a translation) the
//! reason is given instead: never a silent pass (point 4).
//!
//! Both sides are read the same way: the statement's lines are normalized
//! (bullets, emphasis, page headers, blank lines and line-wrap hyphenation
//! removed, as every import reads them) and the table holds the edition's
//! text normalized alike; the comparison is of words (split at white
//! space, typographic quotes, apostrophes and dashes read as their plain
//! forms, a page number a PDF's extraction glued to a line left out), so
//! line breaks, spacing and page furniture never count as a change.

use super::super::Evidence;
use super::super::structure::{Clause, Structure};
use super::super::words::fold;
use similar::DiffOp;
use similar::algorithms::{Capture, lcs};
use std::collections::HashSet;

use super::Source;
use crate::error::Result;
use crate::model::{DeviationKind, Edition};
use crate::sources::standard_clauses::{self, ReferenceClause};

/// How the statement's part 2 compares with the unmodified text of its
/// edition.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClauseComparison {
    /// Part 2 was compared clause by clause with the edition's text.
    Compared {
        /// The edition compared with.
        edition: Edition,
        /// The deviations found, in the order of the clause numbers; empty
        /// when part 2 is the edition's text.
        deviations: Vec<ClauseDeviation>,
    },
    /// No comparison could be made, and why.
    NotCompared {
        /// The edition part 2 names, where it names one.
        edition: Option<Edition>,
        /// Why: `the unmodified text of the nederland-ict-2019 edition is
        /// not on file ...`.
        reason: String,
    },
}

/// A clause of part 2 that differs from the edition.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClauseDeviation {
    /// The clause's number in the edition's numbering (`5.3`; `9` for an
    /// article's unnumbered text).
    pub clause: String,
    /// Modified, removed or added.
    pub kind: DeviationKind,
    /// A short word-level difference, `[-removed words-]` and `{+added
    /// words+}` with a few words of context (`… binnen [-30-] {+14+}
    /// dagen na …`): of a modified clause its first change (and how many
    /// more there are), of a removed one the edition's words, of an added
    /// one the statement's.
    pub difference: String,
    /// Where part 2 has the clause (a modified or added one): its lines
    /// and the sentence of the first change. `None` for a removed clause.
    pub evidence: Option<Evidence>,
}

/// Words of context either side of a change, and the most words a side of
/// a difference shows.
const CONTEXT: usize = 3;
const SHOWN: usize = 12;

/// Compares the part 2 of `s` with the unmodified text of the edition it
/// names.
///
/// # Errors
/// [`crate::Error::Internal`] if the built-in table of the editions' texts
/// is malformed (a unit test proves that it is not).
pub(crate) fn compare(s: &Structure) -> Result<ClauseComparison> {
    let edition = s.edition.as_ref().map(|e| e.edition);
    let not = |reason: String| Ok(ClauseComparison::NotCompared { edition, reason });
    let Some(part2) = &s.part2 else {
        return not("the statement has no part 2 (no `Deel 2` / `Part 2` heading), so there are no clauses to compare".to_owned());
    };
    let on_file = || {
        standard_clauses::editions_on_file()
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(edition) = edition else {
        return not(format!(
            "part 2 names no edition of the standard clauses (no line such as `Versie: maart 2025`), so the unmodified text of its edition is not on file (on file: {})",
            on_file()
        ));
    };
    let Some(reference) = standard_clauses::clauses(edition)? else {
        return not(format!(
            "the unmodified text of the {edition} edition is not on file (on file: {})",
            on_file()
        ));
    };
    if s.clauses.is_empty() {
        return not(format!(
            "part 2 does not reproduce the clauses' text (it names the {edition} edition only)"
        ));
    }
    if fold(&part2.text).starts_with("part") {
        return not(format!(
            "part 2 is in English and the text on file of the {edition} edition is the Dutch one"
        ));
    }
    Ok(ClauseComparison::Compared {
        edition,
        deviations: deviations(&s.clauses, reference),
    })
}

/// The deviations of `clauses` from `reference`, in clause-number order.
fn deviations(clauses: &[Clause], reference: &[ReferenceClause]) -> Vec<ClauseDeviation> {
    // A part 2 numbered after the statement (`2.6.3`) is read in the
    // edition's numbers (`6.3`): where every three-part number starts with
    // `2.` (an article's own text keeps the article's number, `9`).
    let three = |c: &&Clause| c.number.split('.').count() == 3;
    let prefixed = clauses.iter().any(|c| three(&c))
        && clauses
            .iter()
            .filter(three)
            .all(|c| c.number.starts_with("2."));
    let number = |c: &Clause| -> String {
        match c.number.strip_prefix("2.") {
            Some(rest) if prefixed && three(&c) => rest.to_owned(),
            _ => c.number.clone(),
        }
    };
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for c in clauses {
        let n = number(c);
        let source = Source::clause(c);
        if !seen.insert(n.clone()) {
            out.push(added(n, &source, "a second clause with this number"));
            continue;
        }
        match reference.iter().find(|r| r.number == n) {
            Some(r) => {
                if let Some(d) = modified(&n, r, &source) {
                    out.push(d);
                }
            }
            None => out.push(added(n, &source, "")),
        }
    }
    for r in reference {
        if !seen.contains(r.number) {
            let words = shown(
                &words(r.text)
                    .iter()
                    .map(|w| w.1.as_str())
                    .collect::<Vec<_>>(),
            );
            out.push(ClauseDeviation {
                clause: r.number.to_owned(),
                kind: DeviationKind::Removed,
                difference: format!("[-{words}-]"),
                evidence: None,
            });
        }
    }
    out.sort_by_key(|d| order(&d.clause));
    out
}

/// A clause number's sort key: its numeric parts (`10.2` after `9`).
fn order(number: &str) -> Vec<u32> {
    number
        .split('.')
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect()
}

/// An added clause: its first words and its first sentence.
fn added(clause: String, source: &Source, note: &str) -> ClauseDeviation {
    let w = words(source.text());
    let shown_words = shown(&w.iter().map(|x| x.1.as_str()).collect::<Vec<_>>());
    let difference = if note.is_empty() {
        format!("{{+{shown_words}+}}")
    } else {
        format!("{{+{shown_words}+}} ({note})")
    };
    ClauseDeviation {
        clause,
        kind: DeviationKind::Added,
        difference,
        evidence: Some(source.evidence_at(w.first().map_or(0, |x| x.0))),
    }
}

/// A modified clause, or `None` when its words are the edition's.
fn modified(clause: &str, r: &ReferenceClause, source: &Source) -> Option<ClauseDeviation> {
    let old = words(r.text);
    let new = words(source.text());
    let a: Vec<&str> = old.iter().map(|w| w.1.as_str()).collect();
    let b: Vec<&str> = new.iter().map(|w| w.1.as_str()).collect();
    if a == b {
        return None;
    }
    let hunks = hunks(&a, &b);
    let first = hunks.first()?;
    let before = &b[first.new.0.saturating_sub(CONTEXT)..first.new.0];
    let after_end = (first.new.1 + CONTEXT).min(b.len());
    let after = &b[first.new.1..after_end];
    let mut d = String::new();
    if first.new.0 > CONTEXT {
        d.push_str("… ");
    }
    for w in before {
        d.push_str(w);
        d.push(' ');
    }
    if first.old.1 > first.old.0 {
        d.push_str(&format!("[-{}-] ", shown(&a[first.old.0..first.old.1])));
    }
    if first.new.1 > first.new.0 {
        d.push_str(&format!("{{+{}+}} ", shown(&b[first.new.0..first.new.1])));
    }
    for w in after {
        d.push_str(w);
        d.push(' ');
    }
    let mut d = d.trim_end().to_owned();
    if after_end < b.len() {
        d.push_str(" …");
    }
    match hunks.len() {
        1 => {}
        2 => d.push_str(" (and 1 more change)"),
        n => d.push_str(&format!(" (and {} more changes)", n - 1)),
    }
    // The sentence of the first change: at its first new word, or where
    // the removed words stood.
    let at = new
        .get(first.new.0)
        .or_else(|| new.get(first.new.0.saturating_sub(1)))
        .map_or(0, |w| w.0);
    Some(ClauseDeviation {
        clause: clause.to_owned(),
        kind: DeviationKind::Modified,
        difference: d,
        evidence: Some(source.evidence_at(at)),
    })
}

/// At most [`SHOWN`] words, `…` for the rest.
fn shown(words: &[&str]) -> String {
    let mut s = words
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > SHOWN {
        s.push_str(" …");
    }
    s
}

/// The words of `text` with their byte offsets, typographic quotes,
/// apostrophes and dashes read as their plain forms, soft hyphens and
/// glued page numbers dropped, so that the two sides compare alike.
fn words(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut cur = String::new();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, std::mem::take(&mut cur)));
            }
            continue;
        }
        let plain = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => Some('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                Some('-')
            }
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => None,
            c => Some(c),
        };
        if let Some(p) = plain {
            start.get_or_insert(i);
            cur.push(p);
        }
    }
    if let Some(s) = start {
        out.push((s, cur));
    }
    drop_page_numbers(out)
}

/// `words` without the page numbers a PDF's text extraction glued to a
/// line (`Pagina 6 van 8`, `Page 6 of 8`): no clause of an edition has
/// such words, and the normalisation drops them only on a line of their
/// own.
fn drop_page_numbers(words: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let [a, b, c, d] = &words[i..(i + 4).min(words.len())]
            && matches!(
                (a.1.to_lowercase().as_str(), c.1.to_lowercase().as_str()),
                ("pagina", "van") | ("page", "of")
            )
            && number(&b.1)
            && number(&d.1)
        {
            i += 4;
            continue;
        }
        out.push(words[i].clone());
        i += 1;
    }
    out
}

/// One change: the word ranges it replaces in the edition (`old`) and in
/// the statement (`new`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hunk {
    old: (usize, usize),
    new: (usize, usize),
}

/// The most cells a longest-common-subsequence table may have; beyond it
/// the differing middle is one change (a clause of the edition has at most
/// a few hundred words, so only a rewritten clause reaches this).
const MAX_CELLS: usize = 1 << 20;

/// The changes that turn `a` into `b`: the common start and end trimmed,
/// the middle aligned by a longest common subsequence of words (the table
/// diff of the `similar` crate).
fn hunks(a: &[&str], b: &[&str]) -> Vec<Hunk> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (old, new) = (pre..a.len() - suf, pre..b.len() - suf);
    if old.is_empty() && new.is_empty() {
        return Vec::new();
    }
    let cells = (old.len() + 1).saturating_mul(new.len() + 1);
    if old.is_empty() || new.is_empty() || cells > MAX_CELLS {
        return vec![Hunk {
            old: (old.start, old.end),
            new: (new.start, new.end),
        }];
    }
    // The statement is the diff's first sequence: where two alignments are
    // equally long, the table diff gives up a word of its first sequence
    // before one of its second, so a statement's word is read as added
    // before an edition's word is read as removed.
    let mut ops = Capture::new();
    let Ok(()) = lcs::diff_deadline_raw(&mut ops, b, new, a, old, None);
    let mut out: Vec<Hunk> = Vec::new();
    for op in ops.into_ops() {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        // The diff's old side is the statement, its new side the edition.
        let (added, removed) = (op.old_range(), op.new_range());
        match out.last_mut() {
            // A change with no common word before it continues the last.
            Some(h) if h.old.1 == removed.start && h.new.1 == added.start => {
                h.old.1 = removed.end;
                h.new.1 = added.end;
            }
            _ => out.push(Hunk {
                old: (removed.start, removed.end),
                new: (added.start, added.end),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn hunks_align_words() {
        let a = split("binnen 30 dagen na kennisgeving van de aanpassingen");
        let b = split("binnen 14 dagen na kennisgeving van de aanpassingen");
        assert_eq!(
            hunks(&a, &b),
            [Hunk {
                old: (1, 2),
                new: (1, 2)
            }]
        );
        let b = split("binnen 30 dagen na de kennisgeving van aanpassingen");
        assert_eq!(hunks(&a, &b).len(), 2);
        assert!(hunks(&a, &a).is_empty());
        let b = split("binnen 30 dagen");
        assert_eq!(
            hunks(&a, &b),
            [Hunk {
                old: (3, 8),
                new: (3, 3)
            }]
        );
    }

    /// Of two equally long alignments the one that reads a statement's
    /// word as added before an edition's word as removed is taken:
    /// `30 dagen` to `dagen 30` is `{+dagen+} 30 [-dagen-]`, not
    /// `[-30-] dagen {+30+}`.
    ///
    /// Source: computed by hand: the longest common subsequences of
    /// `30 dagen` and `dagen 30` are `30` and `dagen` (one word each);
    /// keeping `30` adds `dagen` before it and removes `dagen` after it.
    #[test]
    fn hunks_add_before_they_remove_at_a_tie() {
        let a = split("30 dagen");
        let b = split("dagen 30");
        let ranges: Vec<_> = hunks(&a, &b).iter().map(|h| (h.old, h.new)).collect();
        assert_eq!(ranges, [((0, 0), (0, 1)), ((1, 2), (2, 2))]);
    }

    #[test]
    fn words_read_typography_plainly() {
        let w: Vec<String> = words("“controller” verwerkings\u{00AD}risico’s –  x")
            .into_iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(w, ["\"controller\"", "verwerkingsrisico's", "-", "x"]);
        let w: Vec<String> = words("Persoonsgegevens. Pagina 6 van 8 Page 2 of 3 Pagina 1")
            .into_iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(w, ["Persoonsgegevens.", "Pagina", "1"]);
    }
}
