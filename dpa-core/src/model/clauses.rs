//! The standard clauses (part 2 of the Data Pro Code): the edition, the
//! agreement's clause numbering, and the processor's deviations.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::macros::spelled_enum;
use crate::values::{ClauseRef, Text};

/// The standard clauses (Standaardclausules voor verwerkingen): which edition,
/// and where the processor deviates from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StandardClauses {
    /// The edition the agreement uses.
    pub edition: Edition,
    /// How the agreement numbers the clauses. Default: `articles` (as the
    /// edition does: `6.3`).
    #[serde(default)]
    pub numbering: Numbering,
    /// The language of the text the agreement uses: the Dutch original or
    /// the English translation, which keeps the original's numbering, so
    /// clause references are checked alike. Absent when the file does not
    /// say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The processor's deviations from the edition's text.
    #[serde(deserialize_with = "crate::limits::list", default)]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub deviations: Vec<Deviation>,
}

spelled_enum! {
    /// The language of an edition's text.
    #[non_exhaustive]
    pub enum Language ("language") {
        /// Dutch: the edition's original text (`Standaardclausules voor
        /// verwerkingen`).
        Dutch = "nl",
        /// English: the translation (`Standard Clauses for Processing`),
        /// numbered as the original.
        English = "en",
    }
}

spelled_enum! {
    /// How an agreement numbers the standard clauses.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum Numbering ("numbering") {
        /// As the edition: article 6, paragraph 3 is `6.3`.
        #[default]
        Articles = "articles",
        /// Prefixed with the part number 2 (the statement being part 1): article
        /// 6, paragraph 3 is `2.6.3`.
        Part2Prefixed = "part-2-prefixed",
    }
}

impl Numbering {
    /// The agreement's number for article `article`, paragraph `paragraph`
    /// (`None` for the article as a whole).
    pub fn clause(self, article: u8, paragraph: Option<u8>) -> String {
        let prefix = self.prefix();
        match paragraph {
            Some(p) => format!("{prefix}{article}.{p}"),
            None => format!("{prefix}{article}"),
        }
    }

    /// The part prefix of this numbering (`"2."` or nothing).
    const fn prefix(self) -> &'static str {
        match self {
            Numbering::Articles => "",
            Numbering::Part2Prefixed => "2.",
        }
    }

    /// The number a reference to a standard clause has in the edition: `4.1`
    /// for `clause 2.4.1` in part-2-prefixed numbering and for `clause 4.1`
    /// in articles numbering. `None` for a reference that is not to a
    /// standard clause (`DPS 1.13`) or lacks the prefix its numbering
    /// requires. The one reading of clause numbers; [`Numbering::clause`]
    /// writes them.
    ///
    /// ```
    /// use dpa_core::model::Numbering;
    /// use dpa_core::values::ClauseRef;
    /// let r: ClauseRef = "clause 2.4.1".parse()?;
    /// assert_eq!(Numbering::Part2Prefixed.edition_number(&r), Some("4.1"));
    /// assert_eq!(Numbering::Articles.edition_number(&r), Some("2.4.1"));
    /// let dps: ClauseRef = "DPS 1.13".parse()?;
    /// assert_eq!(Numbering::Articles.edition_number(&dps), None);
    /// # Ok::<(), dpa_core::Error>(())
    /// ```
    pub fn edition_number(self, r: &ClauseRef) -> Option<&str> {
        r.as_str()
            .strip_prefix("clause ")?
            .strip_prefix(self.prefix())
    }

    /// The article and paragraph of a reference to a standard clause
    /// ([`Numbering::edition_number`] read as `article.paragraph`): `(4, 1)`
    /// for `clause 2.4.1` in part-2-prefixed numbering.
    ///
    /// ```
    /// use dpa_core::model::Numbering;
    /// use dpa_core::values::ClauseRef;
    /// let r: ClauseRef = "clause 2.4.1".parse()?;
    /// assert_eq!(Numbering::Part2Prefixed.article_paragraph(&r), Some((4, 1)));
    /// assert_eq!(Numbering::Articles.article_paragraph(&r), None);
    /// # Ok::<(), dpa_core::Error>(())
    /// ```
    pub fn article_paragraph(self, r: &ClauseRef) -> Option<(u8, u8)> {
        let (a, p) = self.edition_number(r)?.split_once('.')?;
        Some((a.parse().ok()?, p.parse().ok()?))
    }
}

spelled_enum! {
    /// An edition of the standard clauses.
    #[non_exhaustive]
    pub enum Edition ("edition") {
        /// The Nederland ICT standard clauses of the Data Pro Code, version
        /// January 2018. The library does not hold its text: clause numbers
        /// in an agreement of this edition are not checked, and what its
        /// clauses cover of GDPR art. 28 is unknown (`edition-text-not-on-file`).
        NederlandIct2018 = "nederland-ict-2018",
        /// The Nederland ICT standard clauses of the Data Pro Code as in use in
        /// 2019, articles 1-9; some processors number them 2.1-2.9 after the
        /// statement (part 1).
        NederlandIct2019 = "nederland-ict-2019",
        /// The NLdigital standard clauses, version March 2025 (articles 1-9).
        Nldigital2025 = "nldigital-2025",
    }
}

/// A deviation from the edition's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deviation {
    /// The clause concerned, in the agreement's own numbering.
    pub clause: ClauseRef,
    /// Whether the clause was modified, added or removed.
    pub kind: DeviationKind,
    /// What changed.
    pub summary: Text,
}

spelled_enum! {
    /// How a clause deviates from the edition.
    #[non_exhaustive]
    pub enum DeviationKind ("deviation kind") {
        /// The clause's text was changed.
        Modified = "modified",
        /// The clause is not in the edition.
        Added = "added",
        /// The edition's clause was left out.
        Removed = "removed",
    }
}
