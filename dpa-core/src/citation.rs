//! Citations: where a finding, a deadline or a change comes from.
//!
//! Every citation the library prints is the agreement's clause references
//! (comma-separated, as the file lists them) followed by the articles of law
//! that apply, separated by `"; "`. This module is the one place that text is
//! built, so that an empty source list never leaves a leading `"; "` and no
//! part is repeated.

use crate::values::{ClauseRef, join_refs};

/// `refs; part; part`: the clause references, then each non-empty part not
/// already present. An empty `refs` list is left out, never printed as an
/// empty first part.
pub(crate) fn cite<'a>(refs: &[ClauseRef], parts: impl IntoIterator<Item = &'a str>) -> String {
    let refs = join_refs(refs);
    let mut parts = parts.into_iter().peekable();
    // Without parts the references are the citation: no second string (the
    // timeline cites a clause this way for every finding).
    if parts.peek().is_none() {
        return refs;
    }
    join(&refs, parts)
}

/// [`cite`] for references already joined into text.
pub(crate) fn join<'a>(refs: &str, parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    if !refs.is_empty() {
        out.push(refs);
    }
    for p in parts {
        if !p.is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    out.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source: issue 14, point 4 (a citation with an empty source list
    /// started with `"; "`).
    #[test]
    fn no_leading_separator_without_references() {
        assert_eq!(cite(&[], ["GDPR art. 28(2)"]), "GDPR art. 28(2)");
        assert_eq!(join("", ["", "GDPR art. 33(2)"]), "GDPR art. 33(2)");
        assert_eq!(
            join("clause 8.3", ["GDPR art. 28(2)"]),
            "clause 8.3; GDPR art. 28(2)"
        );
        assert_eq!(join("a", ["b", "b", "a"]), "a; b");
        assert_eq!(join("", []), "");
    }

    #[test]
    fn references_alone() {
        let refs: Vec<ClauseRef> = ["DPS 1.11", "clause 2.6.3"]
            .iter()
            .map(|r| r.parse().unwrap())
            .collect();
        assert_eq!(cite(&refs, []), "DPS 1.11, clause 2.6.3");
        assert_eq!(cite(&refs, [""]), "DPS 1.11, clause 2.6.3");
        assert_eq!(cite(&[], []), "");
    }
}
