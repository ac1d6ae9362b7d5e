//! `dpa.import_statement`: a Data Pro Statement (its text, or a plain-text,
//! Markdown, PDF or DOCX file) to a draft agreement file and a review list,
//! as `dpa import` gives them (`dpa_core::import`). The draft is
//! `ImportDraft` (its TOML, and the agreement it reads as once a person has
//! settled the review); the review is `ImportReview`, with a `ReviewItem`
//! per template item, a `ReviewValue` per value, and the standard clauses'
//! comparison with their edition as `ClauseReview` (a `ClauseDeviation`
//! per clause that deviates).

use dpa_core::import::{
    ClausesEntry, ComparisonStatus, DeviationEntry, ImportReport, ItemEntry, ReviewEntry,
    document_text as file_text, import_text, not_a_statement,
};
use dpa_core::report::Report;
use dpa_core::{Agreement, Format};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::agreement::{PyAgreement, in_file, read_path};
use crate::convert::{PathArg, document_text, quote, type_name};
use crate::errors::{Error, Origin, Result, guard};

/// What `import_statement` reads, for the error that names it.
const SUPPORTED: &str = "import_statement reads a statement as a str (its text), as bytes \
                         (the content of a plain-text, Markdown, PDF or DOCX file, told by \
                         the content) or from the path (pathlib.Path, os.PathLike) of such \
                         a file";

/// The name `document_text` is given for bytes handed over: it has no
/// extension, so the kind is told by the content alone.
const BYTES_NAME: &str = "statement";

/// The import of `text`; a text that is not a statement is
/// `Error::NotAStatement` with its reason, and `hint` is added to the
/// message (a `str` that looks like a file name).
fn run(text: &str, origin: &Origin, hint: &str) -> Result<dpa_core::import::Import> {
    let text = text.trim_start_matches('\u{feff}');
    import_text(text).map_err(|error| match not_a_statement(&error) {
        Some(reason) => {
            let prefix = match origin {
                Origin::File(f) => format!("{f}: "),
                _ => String::new(),
            };
            Error::NotAStatement {
                message: format!("{prefix}{error}{hint}"),
                reason: reason.to_owned(),
            }
        }
        None => Error::Core {
            error,
            origin: match origin {
                Origin::File(f) => Origin::File(f.clone()),
                _ => Origin::Text,
            },
        },
    })
}

/// Imports a Data Pro Statement (issue 18 point 1): `text_or_path` is its
/// text (a `str`), the content of its file (`bytes`: plain text or Markdown
/// in UTF-8, a PDF or a DOCX, told by the content as `dpa import` tells
/// it), or the path of its file (a `pathlib.Path` or other `os.PathLike`;
/// a `str` is always text). A PDF's or DOCX's text is extracted as `dpa
/// import` extracts it (`dpa_core::import::document_text`). Returns
/// `(draft, review)`: the draft agreement file and the review list, as
/// `dpa import` writes and prints them. The file is read, its text
/// extracted and imported with the interpreter released.
///
/// A text that is not a Data Pro Statement raises `NotAStatement` (its
/// `reason` says why); a file the import cannot read raises `InvalidInput`
/// naming the file and saying why and what to do (a name that promises a
/// PDF or DOCX the content is not, an old Word `.doc` or RTF, a damaged,
/// encrypted or scanned PDF, a zip archive that is no Word document); a
/// file that cannot be opened, `OSError`; text that is not UTF-8 or a file
/// above 16 MiB, `ParseError`.
#[pyfunction]
pub(crate) fn import_statement(
    py: Python<'_>,
    text_or_path: &Bound<'_, PyAny>,
) -> PyResult<(ImportDraft, ImportReview)> {
    let import = if let Ok(s) = text_or_path.cast::<PyString>() {
        let text = document_text(s, "text_or_path")?;
        let text: &str = &text;
        let hint = if looks_like_a_file_name(text) {
            format!(
                " (a str is the statement's text: to read the file {}, pass pathlib.Path({}))",
                quote(text.trim()),
                quote(text.trim())
            )
        } else {
            String::new()
        };
        py.detach(|| guard(|| run(text, &Origin::Text, &hint)))?
    } else if let Ok(b) = text_or_path.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| {
            guard(|| {
                let text = file_text(bytes, BYTES_NAME)?;
                run(&text, &Origin::Text, "")
            })
        })?
    } else if text_or_path.hasattr("__fspath__")? {
        let path = text_or_path.extract::<PathArg>()?.0;
        let shown = path.display().to_string();
        py.detach(|| {
            guard(|| {
                let bytes = read_path(&path, &shown)?;
                // The name checks the kind the content shows (a `.pdf`
                // holding text is refused), as `dpa import FILE` does.
                let text = file_text(&bytes, &shown).map_err(in_file(&shown))?;
                run(&text, &Origin::File(shown.clone()), "")
            })
        })?
    } else {
        return Err(Error::Type(format!(
            "text_or_path: expected str, bytes or os.PathLike, got {}; {SUPPORTED}",
            type_name(text_or_path)
        ))
        .into());
    };
    let draft = ImportDraft {
        toml: import.draft_toml(),
    };
    let review = ImportReview(import.review());
    Ok((draft, review))
}

/// Whether a `str` handed over as text is one line ending like a file name
/// (`statement.txt`, `dps.pdf`).
fn looks_like_a_file_name(text: &str) -> bool {
    let t = text.trim();
    !t.contains('\n')
        && t.len() < 4096
        && [".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".odt"]
            .iter()
            .any(|ext| t.to_lowercase().ends_with(ext))
}

/// The draft agreement file an import writes: TOML in the project's
/// format, each value with the sentence it was read from as a comment,
/// each ambiguous value with a `REVIEW` comment naming the readings. A
/// person settles the review (edits the TOML) and reads it with
/// `Agreement.from_toml`; `agreement()` reads the draft as it is.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportDraft {
    toml: String,
}

#[pymethods]
impl ImportDraft {
    /// The draft as TOML text (what `dpa import -o FILE` writes).
    #[getter]
    fn toml(&self) -> &str {
        &self.toml
    }

    /// The draft read as an agreement: `Agreement.from_toml(draft.toml)`.
    /// A draft whose review is not settled, or that lacks what the
    /// statement does not say, raises `ValidationError` naming the field
    /// (or `ParseError`).
    fn agreement(&self, py: Python<'_>) -> PyResult<PyAgreement> {
        let toml = self.toml.as_str();
        let inner = py.detach(|| guard(|| Ok(Agreement::from_text(toml, Format::Toml)?)))?;
        Ok(PyAgreement::from_core(inner))
    }

    /// The TOML text.
    fn __str__(&self) -> &str {
        &self.toml
    }

    fn __repr__(&self) -> String {
        format!(
            "<dpa.ImportDraft: {} lines of TOML>",
            self.toml.lines().count()
        )
    }
}

/// The review list of an import: per template item found or not found,
/// per value stated, not stated or ambiguous (with the candidate readings
/// and the setting a person chooses), and the placeholders left in the
/// text; `to_json()` and `str()` are what `dpa import --format json` and
/// `dpa import` print.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportReview(ImportReport);

#[pymethods]
impl ImportReview {
    /// The template's items, in its order, each found or not.
    #[getter]
    fn items(&self) -> Vec<ReviewItem> {
        self.0.items.iter().cloned().map(ReviewItem).collect()
    }

    /// Every value, in the order `dpa import` lists them.
    #[getter]
    fn values(&self) -> Vec<ReviewValue> {
        self.0.values.iter().cloned().map(ReviewValue).collect()
    }

    /// The values a person must look at (`needs_review`): ambiguous ones,
    /// placeholders, and the operative terms not stated.
    #[getter]
    fn flagged(&self) -> Vec<ReviewValue> {
        self.0
            .values
            .iter()
            .filter(|v| v.needs_review)
            .cloned()
            .map(ReviewValue)
            .collect()
    }

    /// The standard clauses (part 2) against the unmodified text of their
    /// edition: compared, with each deviation, or not compared and why.
    #[getter]
    fn clauses(&self) -> ClauseReview {
        ClauseReview(self.0.clauses.clone())
    }

    /// Whether anything needs a person (`dpa import` exits 1 then).
    #[getter]
    fn needs_review(&self) -> bool {
        self.0.needs_review()
    }

    /// The value of `field` (`"terms.deletion"`), or None where the review
    /// has no such entry.
    fn value(&self, field: &str) -> Option<ReviewValue> {
        self.0
            .values
            .iter()
            .find(|v| v.field == field)
            .cloned()
            .map(ReviewValue)
    }

    /// The review as JSON: what `dpa import --format json` prints.
    fn to_json(&self) -> PyResult<String> {
        Ok(guard(|| Ok(self.0.to_json()?))?)
    }

    /// The review as `dpa import` prints it (several lines, each ending in
    /// a newline).
    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        let found = self.0.items.iter().filter(|i| i.clause.is_some()).count();
        format!(
            "<dpa.ImportReview items found={}/{} values={} needs_review={}>",
            found,
            self.0.items.len(),
            self.0.values.len(),
            if self.0.needs_review() {
                "True"
            } else {
                "False"
            }
        )
    }
}

/// The standard clauses (part 2) against the unmodified text of their
/// edition, as the review's section "Standard clauses (part 2)" (JSON
/// `clauses`) gives them.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClauseReview(ClausesEntry);

#[pymethods]
impl ClauseReview {
    /// `"compared"` or `"not-compared"`.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Whether part 2 was compared clause by clause.
    #[getter]
    fn compared(&self) -> bool {
        self.0.status == ComparisonStatus::Compared
    }

    /// The edition part 2 names (`"nldigital-2025"`), or None.
    #[getter]
    fn edition(&self) -> Option<&str> {
        self.0.edition.as_deref()
    }

    /// Why part 2 was not compared, or None where it was.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    /// Each clause that deviates from the edition, in the order of the
    /// clause numbers (empty where part 2 is the edition's text, or was
    /// not compared).
    #[getter]
    fn deviations(&self) -> Vec<ClauseDeviation> {
        self.0
            .deviations
            .iter()
            .cloned()
            .map(ClauseDeviation)
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "ClauseReview(status={}, edition={}, deviations={})",
            quote(self.0.status.as_str()),
            self.0.edition.as_deref().map_or("None".to_owned(), quote),
            self.0.deviations.len()
        )
    }
}

/// A clause of part 2 that deviates from its edition: modified, removed
/// or added, with a short word-level difference.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClauseDeviation(DeviationEntry);

#[pymethods]
impl ClauseDeviation {
    /// The clause's number in the edition's numbering (`"5.3"`).
    #[getter]
    fn clause(&self) -> &str {
        &self.0.clause
    }

    /// `"modified"`, `"removed"` or `"added"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The word-level difference: `[-the edition's words-]` and `{+the
    /// statement's words+}` with a few words of context.
    #[getter]
    fn difference(&self) -> &str {
        &self.0.difference
    }

    /// The clause's lines in the statement, first and last (from 1), or
    /// None for a removed clause.
    #[getter]
    fn lines(&self) -> Option<(usize, usize)> {
        self.0.lines
    }

    /// The statement's sentence with the first change, or None for a
    /// removed clause.
    #[getter]
    fn quote(&self) -> Option<&str> {
        self.0.quote.as_deref()
    }

    /// Always true: a deviation changes what the clauses say.
    #[getter]
    fn needs_review(&self) -> bool {
        self.0.needs_review
    }

    fn __repr__(&self) -> String {
        format!(
            "ClauseDeviation(clause={}, kind={}, difference={})",
            quote(&self.0.clause),
            quote(self.0.kind.as_str()),
            quote(&self.0.difference)
        )
    }
}

/// A template item and whether the statement has it.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReviewItem(ItemEntry);

#[pymethods]
impl ReviewItem {
    /// The template item (`"deletion"`, `"sub-processors"`).
    #[getter]
    fn item(&self) -> &str {
        &self.0.item
    }

    /// `"found"` or `"not-found"`.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Whether the statement has the item.
    #[getter]
    fn found(&self) -> bool {
        self.0.clause.is_some()
    }

    /// The statement's number of the item (`"DPS 1.11"`), or None.
    #[getter]
    fn clause(&self) -> Option<&str> {
        self.0.clause.as_deref()
    }

    /// The item's lines in the text, first and last (from 1), or None.
    #[getter]
    fn lines(&self) -> Option<(usize, usize)> {
        self.0.lines
    }

    fn __repr__(&self) -> String {
        format!(
            "ReviewItem(item={}, status={}, clause={})",
            quote(&self.0.item),
            quote(self.0.status.as_str()),
            self.0.clause.as_deref().map_or("None".to_owned(), quote)
        )
    }
}

/// One value of the review: its field in the agreement file, whether it
/// is stated, not stated, ambiguous or a placeholder, and where the text
/// says it.
#[pyclass(frozen, eq, module = "dpa")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReviewValue(ReviewEntry);

#[pymethods]
impl ReviewValue {
    /// The value's key in the agreement file (`"terms.deletion"`), or
    /// `"placeholder"`.
    #[getter]
    fn field(&self) -> &str {
        &self.0.field
    }

    /// `"stated"`, `"not-stated"`, `"ambiguous"` or `"placeholder"`.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The value as the draft writes it (`"3 months"`), where stated.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }

    /// The statement's citation (`"DPS 1.11"`, `"clause 2.2.2"`).
    #[getter]
    fn clause(&self) -> Option<&str> {
        self.0.clause.as_deref()
    }

    /// The lines of the text, first and last (from 1).
    #[getter]
    fn lines(&self) -> Option<(usize, usize)> {
        self.0.lines
    }

    /// The quoted sentence.
    #[getter]
    fn quote(&self) -> Option<&str> {
        self.0.quote.as_deref()
    }

    /// The candidate readings of an ambiguous value (empty otherwise).
    #[getter]
    fn readings(&self) -> Vec<String> {
        self.0.readings.clone()
    }

    /// The setting a person chooses (an ambiguous value: the key of the
    /// agreement file), or what to do (a placeholder).
    #[getter]
    fn setting(&self) -> Option<&str> {
        self.0.setting.as_deref()
    }

    /// Whether a person must act on it.
    #[getter]
    fn needs_review(&self) -> bool {
        self.0.needs_review
    }

    fn __repr__(&self) -> String {
        format!(
            "ReviewValue(field={}, status={}, value={})",
            quote(&self.0.field),
            quote(self.0.status.as_str()),
            self.0.value.as_deref().map_or("None".to_owned(), quote)
        )
    }
}
