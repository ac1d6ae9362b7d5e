//! The GDPR art. 28 coverage table (`Agreement.coverage`).

use std::hash::{Hash, Hasher};

use dpa_core::completeness::ItemCoverage;
use pyo3::prelude::*;

use crate::convert::{quote, quote_list};
use crate::errors::guard;

/// How one item GDPR art. 28 requires of a processing agreement is covered:
/// the verdict (covered, partly, not covered), what covers what is met (the
/// agreement's clauses after its deviations and the statement items that
/// state it) and the requirements that are missing.
#[pyclass(frozen, eq, hash, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Art28Coverage(ItemCoverage);

impl From<ItemCoverage> for Art28Coverage {
    fn from(c: ItemCoverage) -> Self {
        Art28Coverage(c)
    }
}

impl Hash for Art28Coverage {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

#[pymethods]
impl Art28Coverage {
    /// A stable identifier of the item (`"28-2"`, `"28-3-b"`, `"28-4"`).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.item.id()
    }

    /// The article, e.g. `"GDPR art. 28(3)(b)"`.
    #[getter]
    fn article(&self) -> &'static str {
        self.0.item.article()
    }

    /// What the item requires, in a few words.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.item.name()
    }

    /// `"covered"`, `"partly"`, `"not-covered"` or `"unknown"` (the library
    /// does not hold the text of the agreement's edition, and nothing the
    /// statement or the terms state settles the item; see `unknown`).
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict.as_str()
    }

    /// What covers what is met: the agreement's clauses in its own numbering
    /// (`"clause 2.5.1"`) and the statement items that state it (`"DPS
    /// 1.5"`); empty when the item is not covered.
    #[getter]
    fn clauses(&self) -> Vec<String> {
        self.0.clauses.clone()
    }

    /// The ids of the requirements not met (`"legal-requirement-notice"`);
    /// empty when the item is covered.
    #[getter]
    fn missing(&self) -> Vec<&'static str> {
        self.0.missing.iter().map(|r| r.as_str()).collect()
    }

    /// The ids of the requirements whose coverage is unknown
    /// (`"confidentiality"`): those only the clauses could meet, when the
    /// library does not hold the edition's text or the document does not
    /// hold part 2, and those only the statement states, when it does not
    /// hold part 1; empty otherwise.
    #[getter]
    fn unknown(&self) -> Vec<&'static str> {
        self.0.unknown.iter().map(|r| r.as_str()).collect()
    }

    /// Why `unknown` is not empty: `"edition-text-not-on-file"`,
    /// `"clauses-absent"` or `"statement-absent"`; `None` when it is empty.
    #[getter]
    fn unknown_because(&self) -> Option<&'static str> {
        self.0.unknown_cause.map(|c| c.as_str())
    }

    /// Whether the item is covered in full (`verdict == "covered"`).
    #[getter]
    fn covered(&self) -> bool {
        self.0.verdict == dpa_core::completeness::Coverage::Covered
    }

    fn __repr__(&self) -> String {
        format!(
            "Art28Coverage(id={}, article={}, verdict={}, clauses={})",
            quote(self.0.item.id()),
            quote(self.0.item.article()),
            quote(self.0.verdict.as_str()),
            quote_list(&self.0.clauses)
        )
    }

    /// `article name: clauses` (or `PARTLY: ... (missing: ...)`, `NOT
    /// COVERED (missing: ...)`, `UNKNOWN: ... (edition text not on file:
    /// ...)`), the words of `dpa coverage` (`dpa-core`'s
    /// `Display` of an item's coverage).
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// The coverage table of `a`: one entry per art. 28 item, in article order.
pub(crate) fn coverage_of(a: &dpa_core::Agreement) -> crate::errors::Result<Vec<Art28Coverage>> {
    guard(|| {
        Ok(dpa_core::completeness::coverage(a)
            .into_iter()
            .map(Art28Coverage::from)
            .collect())
    })
}
