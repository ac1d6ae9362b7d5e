//! Where an operative value came from (issue 15 point 2; docs/rules.md,
//! "Provenance"): the statement or the processor's clauses state it, the
//! edition's standard clauses supply it because the statement is silent,
//! the file's author assumed it (with a reason), or the document does not
//! say it at all.
//!
//! A term table carries the keys `provenance`, `reason` and `quote`. An
//! absent `provenance` is `stated`, so every file written before the key
//! existed reads unchanged.

use crate::error::{Error, field_message};
use crate::macros::spelled_enum;
use crate::values::Text;

spelled_enum! {
    /// The spelling of a [`Provenance`] in a document (`provenance = "..."`).
    #[derive(Default)]
    #[non_exhaustive]
    pub enum ProvenanceKind ("provenance") {
        /// The statement or the processor's clauses state the value (the
        /// default: a table without the key).
        #[default]
        Stated = "stated",
        /// The edition's standard clauses supply it; the statement is silent.
        Standard = "standard",
        /// The file's author chose it; `reason` says why.
        Assumed = "assumed",
        /// The document does not say; the value is absent.
        NotStated = "not-stated",
    }
}

/// Where an operative value came from.
///
/// ```
/// use dpa_core::model::Provenance;
/// assert!(Provenance::default().is_stated());
/// assert_eq!(Provenance::NotStated.kind().as_str(), "not-stated");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provenance {
    /// The statement or the processor's clauses state it (the clauses are
    /// the table's `source`), optionally with the quoted sentence.
    Stated {
        /// The sentence that states it, where the file quotes it.
        quote: Option<Text>,
    },
    /// Taken from the edition's standard clauses because the statement is
    /// silent (the table's `source` cites the standard clause).
    Standard {
        /// The sentence of the standard clause, where the file quotes it.
        quote: Option<Text>,
    },
    /// The file's author chose the value; the document does not give it.
    Assumed {
        /// Why the author chose it (required).
        reason: Text,
        /// A sentence the assumption rests on, where the file quotes one.
        quote: Option<Text>,
    },
    /// The document does not say: the value is absent.
    NotStated,
}

impl Default for Provenance {
    fn default() -> Self {
        Provenance::STATED
    }
}

impl Provenance {
    /// `stated` without a quote: what a table without the key means.
    pub const STATED: Provenance = Provenance::Stated { quote: None };

    /// Its spelling.
    pub const fn kind(&self) -> ProvenanceKind {
        match self {
            Provenance::Stated { .. } => ProvenanceKind::Stated,
            Provenance::Standard { .. } => ProvenanceKind::Standard,
            Provenance::Assumed { .. } => ProvenanceKind::Assumed,
            Provenance::NotStated => ProvenanceKind::NotStated,
        }
    }

    /// Whether the document states the value (the default).
    pub const fn is_stated(&self) -> bool {
        matches!(self, Provenance::Stated { .. })
    }

    /// Whether the document does not say.
    pub const fn is_not_stated(&self) -> bool {
        matches!(self, Provenance::NotStated)
    }

    /// The reason, for an assumed value.
    pub fn reason(&self) -> Option<&Text> {
        match self {
            Provenance::Assumed { reason, .. } => Some(reason),
            _ => None,
        }
    }

    /// The quoted sentence, where the file gives one.
    pub fn quote(&self) -> Option<&Text> {
        match self {
            Provenance::Stated { quote }
            | Provenance::Standard { quote }
            | Provenance::Assumed { quote, .. } => quote.as_ref(),
            Provenance::NotStated => None,
        }
    }

    /// Reads the keys of a table: `provenance` (absent: `stated`), `reason`
    /// (required for `assumed`, refused otherwise), `quote` (refused for
    /// `not-stated`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the key at fault.
    pub(crate) fn from_keys(
        kind: Option<ProvenanceKind>,
        reason: Option<Text>,
        quote: Option<Text>,
    ) -> Result<Provenance, Error> {
        let kind = kind.unwrap_or_default();
        if kind != ProvenanceKind::Assumed && reason.is_some() {
            return Err(Error::invalid_value(field_message(
                "reason",
                format!(
                    "a reason belongs to an assumed value; this one is `{kind}`: remove `reason` or write `provenance = \"assumed\"`"
                ),
            )));
        }
        Ok(match kind {
            ProvenanceKind::Stated => Provenance::Stated { quote },
            ProvenanceKind::Standard => Provenance::Standard { quote },
            ProvenanceKind::Assumed => Provenance::Assumed {
                reason: reason.ok_or_else(|| {
                    Error::invalid_value(field_message(
                        "reason",
                        "an assumed value needs the reason the file's author chose it: give `reason = \"...\"`",
                    ))
                })?,
                quote,
            },
            ProvenanceKind::NotStated => {
                if quote.is_some() {
                    return Err(Error::invalid_value(field_message(
                        "quote",
                        "a value the document does not state has no quote: remove `quote` or give the provenance the quote supports",
                    )));
                }
                Provenance::NotStated
            }
        })
    }

    /// The keys a document writes: nothing for a plain `stated`, so files
    /// without the keys write back unchanged.
    pub(crate) fn to_keys(&self) -> (Option<ProvenanceKind>, Option<Text>, Option<Text>) {
        match self {
            Provenance::Stated { quote: None } => (None, None, None),
            Provenance::Stated { quote } | Provenance::Standard { quote } => {
                (Some(self.kind()), None, quote.clone())
            }
            Provenance::Assumed { reason, quote } => {
                (Some(self.kind()), Some(reason.clone()), quote.clone())
            }
            Provenance::NotStated => (Some(self.kind()), None, None),
        }
    }

    /// Reads a table's provenance keys and checks its value against them,
    /// in one step: [`Provenance::from_keys`], then
    /// [`Provenance::check_value`] with `given`, the key the table gives its
    /// value under (`None`: no value is given). The one reader every term
    /// table with a provenance uses (docs/rules.md, "Provenance").
    ///
    /// # Errors
    /// As [`Provenance::from_keys`] and [`Provenance::check_value`].
    pub(crate) fn read(
        kind: Option<ProvenanceKind>,
        reason: Option<Text>,
        quote: Option<Text>,
        given: Option<&str>,
        missing: impl FnOnce() -> Error,
    ) -> Result<Provenance, Error> {
        let provenance = Provenance::from_keys(kind, reason, quote)?;
        match given {
            Some(key) => provenance.check_value(true, key, missing)?,
            None => provenance.check_value(false, "", missing)?,
        }
        Ok(provenance)
    }

    /// The first key of `keys` whose value is given: what
    /// [`Provenance::read`] names when a value is given with `not-stated`.
    pub(crate) fn given_key<'k>(keys: &[(&'k str, bool)]) -> Option<&'k str> {
        keys.iter().find(|(_, given)| *given).map(|(k, _)| *k)
    }

    /// Checks a table's value against its provenance: a value given with
    /// `not-stated` is refused naming `key` (issue 15 point 2: the value is
    /// then absent); no value without `not-stated` is `missing()`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming `key`, or `missing()`.
    pub(crate) fn check_value(
        &self,
        given: bool,
        key: &str,
        missing: impl FnOnce() -> Error,
    ) -> Result<(), Error> {
        match (given, self.is_not_stated()) {
            (true, true) => Err(Provenance::given_but_not_stated(key)),
            (false, false) => Err(missing()),
            _ => Ok(()),
        }
    }

    /// The error for a table that gives a value and says `not-stated`.
    pub(crate) fn given_but_not_stated(field: &str) -> Error {
        Error::invalid_value(field_message(
            field,
            format!(
                "`provenance = \"not-stated\"` says the document does not state this value, but `{field}` gives it: remove `{field}` or give the value's provenance"
            ),
        ))
    }

    /// How an answer resting on the value says so: `assumed: <reason>`,
    /// `standard clauses`, `not stated`; `None` for a stated value.
    pub fn annotation(&self) -> Option<String> {
        match self {
            Provenance::Stated { .. } => None,
            Provenance::Standard { .. } => Some("from the standard clauses".to_owned()),
            Provenance::Assumed { reason, .. } => Some(format!("assumed: {reason}")),
            Provenance::NotStated => Some("not stated".to_owned()),
        }
    }
}
