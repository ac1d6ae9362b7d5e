//! Which parts of the Data Pro Code the document holds: the Data Pro
//! Statement (part 1), the standard clauses (part 2), or both. Many
//! processors publish only their statement and refer to the standard clauses
//! by edition; a document may also be the standard clauses alone
//! (issue 15 point 4; docs/rules.md, "Documents that hold one part").

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::macros::spelled_enum;
use crate::model::Agreement;

spelled_enum! {
    /// A part of the Data Pro Code.
    #[non_exhaustive]
    pub enum DocumentPart ("document part") {
        /// Part 1: the processor's Data Pro Statement.
        Statement = "statement",
        /// Part 2: the standard clauses (Standaardclausules voor
        /// verwerkingen), with the processor's deviations.
        Clauses = "clauses",
    }
}

impl DocumentPart {
    /// The part in words, for messages: `part 1 (the Data Pro Statement)`.
    pub const fn describe(self) -> &'static str {
        match self {
            DocumentPart::Statement => "part 1 (the Data Pro Statement)",
            DocumentPart::Clauses => "part 2 (the standard clauses)",
        }
    }
}

/// The parts of the Data Pro Code the document holds: `[document] parts =
/// ["statement"]` for a statement published alone. Absent from a file, both
/// parts (and it is written back only when one is missing).
///
/// ```
/// use dpa_core::model::{Document, DocumentPart};
/// assert!(Document::default().is_whole());
/// assert!(Document::default().has(DocumentPart::Clauses));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Document {
    /// The parts the document holds: one or both, each once.
    #[serde(deserialize_with = "parts")]
    #[schemars(length(min = 1, max = 2), extend("uniqueItems" = true))]
    pub parts: Vec<DocumentPart>,
}

impl Default for Document {
    fn default() -> Document {
        Document {
            parts: DocumentPart::ALL.to_vec(),
        }
    }
}

impl Document {
    /// Whether the document holds `part`.
    pub fn has(&self, part: DocumentPart) -> bool {
        self.parts.contains(&part)
    }

    /// Whether the document holds both parts (the default).
    pub fn is_whole(&self) -> bool {
        DocumentPart::ALL.iter().all(|&p| self.has(p))
    }

    /// The parts the document does not hold, in part order.
    pub fn absent(&self) -> impl Iterator<Item = DocumentPart> + '_ {
        DocumentPart::ALL.iter().copied().filter(|&p| !self.has(p))
    }
}

/// `deserialize_with` for `parts`: one or both parts, each once.
fn parts<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<DocumentPart>, D::Error> {
    let parts = Vec::<DocumentPart>::deserialize(d)?;
    if parts.is_empty() {
        return Err(serde::de::Error::custom(
            "a document holds at least one part: `statement` (part 1), `clauses` (part 2), or both",
        ));
    }
    if let Some(p) = parts
        .iter()
        .enumerate()
        .find_map(|(i, p)| parts[..i].contains(p).then_some(p))
    {
        return Err(serde::de::Error::custom(format_args!(
            "`{p}` is listed twice; list each part the document holds once"
        )));
    }
    Ok(parts)
}

impl Agreement {
    /// The words a message begins with for a value the statement would
    /// state but that the document does not: `the statement does not
    /// state`, or, where the document does not hold part 1, `the document
    /// does not hold the Data Pro Statement (part 1), so it does not state`.
    pub(crate) fn not_stated_by(&self) -> &'static str {
        if self.document.has(DocumentPart::Statement) {
            "the statement does not state"
        } else {
            "the document does not hold the Data Pro Statement (part 1), so it does not state"
        }
    }
}

/// What a document of one part cannot say, as the field path and the
/// message of the first such value:
/// - without part 2, deviations from the standard clauses (they are part 2's
///   text);
/// - without part 1, a reference to a statement item (`DPS 12`), and a
///   deletion term stated by the document: the clauses delete "binnen de in
///   het Data Pro Statement opgenomen termijn" (clause 6.3 of March 2025,
///   2.6.3 of 2019), so only the statement can state it.
///
/// Source: NLdigital standard clauses of March 2025, clause 6.3; issue 15
/// point 4.
pub(crate) fn check_parts(a: &Agreement) -> Result<(), (String, String)> {
    let doc = &a.document;
    if !doc.has(DocumentPart::Clauses) && !a.clauses.deviations.is_empty() {
        return Err((
            "clauses.deviations[0]".to_owned(),
            "the document holds only part 1 (`document.parts = [\"statement\"]`), so it has no deviations from the standard clauses: they are part 2's text; list `clauses` in `document.parts` if the document holds part 2".to_owned(),
        ));
    }
    if doc.has(DocumentPart::Statement) {
        return Ok(());
    }
    if let Some((path, r)) = a
        .references()
        .into_iter()
        .find(|(_, r)| r.as_str().starts_with("DPS"))
    {
        return Err((
            path,
            format!(
                "`{r}` cites the Data Pro Statement, but the document holds only part 2 (`document.parts = [\"clauses\"]`); cite the clause, or list `statement` in `document.parts` if the document holds part 1"
            ),
        ));
    }
    let d = &a.terms.deletion;
    if d.term.is_some() && d.provenance.is_stated() {
        return Err((
            "terms.deletion".to_owned(),
            "the document holds only part 2 (`document.parts = [\"clauses\"]`), whose deletion clause refers to the term in the Data Pro Statement; the document does not state it: write `provenance = \"not-stated\"` (or `assumed`, with the reason)".to_owned(),
        ));
    }
    Ok(())
}
