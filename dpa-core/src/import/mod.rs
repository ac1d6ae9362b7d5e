//! `dpa import`: from the text of a Data Pro Statement to a draft agreement
//! file and a review list (issue 18, text input).
//!
//! Every Data Pro Statement follows the NLdigital / Nederland ICT template,
//! so most of it can be read mechanically; what cannot is said, never
//! guessed (DESIGN.md rules 6 and 8). The import runs in four steps, one
//! file each:
//!
//! | step | file | does |
//! |---|---|---|
//! | read | `documents.rs` | a file's bytes to its text: plain text or Markdown as it is, a PDF's or a DOCX's text extracted (the `documents` feature); the kind told by the content |
//! | normalize | `normalize.rs` | text (plain or Markdown) to lines with their original line numbers, without the noise of PDF and web text |
//! | structure | `structure.rs` | the part headings, the items of part 1 and the template question each answers (`data/template-questions.tsv`), the clauses of part 2, the edition line; a text that is not a statement is an error saying why |
//! | extract | `extract/` | each value with its evidence (the item's number as the clause, the line range, the quoted sentence): stated, not stated, or ambiguous with the readings and the setting a person must choose |
//! | review, draft | `review.rs`, `draft.rs` | the review list (a report, as the report module prints it) and the TOML draft in the project's format, a comment with the quoted sentence beside each value |
//!
//! ```
//! use dpa_core::import::import_text;
//! use dpa_core::report::Report;
//!
//! let text = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../examples/statements/example-hosting-en.txt"
//! ))?;
//! let import = import_text(&text)?;
//! let deletion = import.statement.deletion_term.value().map(ToString::to_string);
//! assert_eq!(deletion.as_deref(), Some("30 days"));
//! assert!(!import.review().fails()); // every operative term stated, nothing ambiguous
//! assert!(import.draft_toml().contains("[terms.deletion]"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod documents;
mod draft;
mod extract;
mod normalize;
mod review;
mod structure;
mod update;
mod words;

pub use documents::{DocumentKind, document_kind, document_text, import_document};
pub use extract::{
    Certified, ClauseComparison, ClauseDeviation, HistoryEntry, ImportedAssistance,
    ImportedDuration, ImportedProcessor, ImportedReturn, ImportedSpecialCategories,
    ImportedStatement, ImportedSubProcessor, TemplateItem,
};
pub use normalize::{Line, normalize};
pub use review::{
    ClausesEntry, ComparisonStatus, DeviationEntry, ImportReport, ItemEntry, ItemStatus,
    ReviewEntry, ReviewStatus,
};

use crate::error::Result;

/// Where in the statement a value was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Evidence {
    /// The statement's own citation: `DPS 1.11`, `DPS bullet 2`, `clause 2.2.2`.
    pub clause: String,
    /// The original lines, first and last (1-based).
    pub lines: (usize, usize),
    /// The sentence that states the value.
    pub quote: String,
}

/// A value as the import read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Read<T> {
    /// The statement states it.
    Stated {
        /// The value.
        value: T,
        /// Where.
        evidence: Evidence,
    },
    /// The statement does not say.
    NotStated,
    /// The statement says something that can be read more than one way: a
    /// person chooses.
    Ambiguous(Box<Ambiguity>),
}

/// What a person must choose for an ambiguous value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ambiguity {
    /// The sentence that is ambiguous.
    pub evidence: Evidence,
    /// The candidate readings.
    pub readings: Vec<String>,
    /// The key of the agreement file that records the choice.
    pub setting: String,
}

impl<T> Read<T> {
    /// The value, where stated.
    pub fn value(&self) -> Option<&T> {
        match self {
            Read::Stated { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The evidence, where the text says something.
    pub fn evidence(&self) -> Option<&Evidence> {
        match self {
            Read::Stated { evidence, .. } => Some(evidence),
            Read::Ambiguous(a) => Some(&a.evidence),
            Read::NotStated => None,
        }
    }

    /// A stated value.
    pub(crate) fn stated(value: T, evidence: Evidence) -> Read<T> {
        Read::Stated { value, evidence }
    }

    /// An ambiguous value.
    pub(crate) fn ambiguous(evidence: Evidence, readings: &[&str], setting: &str) -> Read<T> {
        Read::Ambiguous(Box::new(Ambiguity {
            evidence,
            readings: readings.iter().map(|r| (*r).to_owned()).collect(),
            setting: setting.to_owned(),
        }))
    }
}

/// What importing a statement's text gives: the values read and the
/// structure found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Import {
    /// The values, each stated, not stated or ambiguous.
    pub statement: ImportedStatement,
}

impl Import {
    /// The review list: per template item and per operative value, found,
    /// not found or ambiguous, and the placeholders left in the text.
    pub fn review(&self) -> ImportReport {
        review::report(&self.statement)
    }

    /// The draft agreement file (TOML, the project's format): each value
    /// with the quoted sentence as a comment beside it; what the text does
    /// not say is `not-stated` or missing with a comment saying so.
    pub fn draft_toml(&self) -> String {
        draft::draft(&self.statement)
    }

    /// The agreement `old` (of an earlier version of the statement) with
    /// the values this import states laid over it: the new version as far
    /// as the text says, for [`crate::diff::DiffReport`] against `old`
    /// (`dpa import --update`). What the text does not state, or states
    /// ambiguously, is kept from `old` (the review list says which); the
    /// sub-processors, products and certifications are the text's lists,
    /// matched to the old entries by name; `source` lists stay the old
    /// file's.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// use dpa_core::import::import_text;
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    /// let old = Agreement::from_toml(&std::fs::read_to_string(format!("{dir}/agreements/example-hosting-en.toml"))?)?;
    /// let text = std::fs::read_to_string(format!("{dir}/statements/example-hosting-en.txt"))?
    ///     .replace("within 30 days", "within 60 days");
    /// let new = import_text(&text)?.update(&old)?;
    /// assert_eq!(new.terms.deletion.term.map(|t| t.to_string()).as_deref(), Some("60 days"));
    /// assert_eq!(new.statement.processor.name, old.statement.processor.name);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming the field when the result
    /// is not a valid agreement (a sub-processor the old file does not have
    /// whose engagement the text does not state, for one): the draft is
    /// then to be completed by hand.
    pub fn update(&self, old: &crate::Agreement) -> Result<crate::Agreement> {
        update::update(old, &self.draft_toml())
    }
}

/// The reason a text is not a Data Pro Statement, where `error` is the
/// error [`import_text`] gives for such a text (`None` for any other
/// error): what a binding raises as its own exception.
///
/// ```
/// use dpa_core::import::{import_text, not_a_statement};
///
/// let e = import_text("Algemene voorwaarden\n\n1. Prijzen\n2. Levering\n").unwrap_err();
/// let reason = not_a_statement(&e).unwrap();
/// assert!(reason.starts_with("it has no part heading"), "{reason}");
/// ```
pub fn not_a_statement(error: &crate::Error) -> Option<&str> {
    match error {
        crate::Error::InvalidArgument(a) if a.field() == "statement" => {
            a.message().strip_prefix(structure::NOT_A_STATEMENT)
        }
        _ => None,
    }
}

/// Imports the text (plain text or Markdown) of a Data Pro Statement.
///
/// # Errors
/// [`crate::Error::InvalidArgument`] naming `statement` when the text is not
/// a Data Pro Statement, saying why (no part heading and no mention of one,
/// no numbered items, no question of the template); an internal error if a
/// built-in table is broken.
pub fn import_text(text: &str) -> Result<Import> {
    let lines = normalize(text);
    let structure = structure::read(&lines)?;
    Ok(Import {
        statement: extract::extract(&structure)?,
    })
}
