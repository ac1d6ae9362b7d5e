//! The art. 28 coverage table, `data/art28-coverage.tsv`: for each edition
//! of the standard clauses, the clauses that satisfy the requirements GDPR
//! art. 28 sets for a processing agreement (art. 28(2), the first sentence
//! of 28(3), 28(3)(a)-(h), its final subparagraph and 28(4)), and the
//! clauses that limit the processor's liability. One row per clause per
//! edition; its `source` column says where the clause text is (the
//! document, its clause number there and the seed it was read from).
//!
//! The article's items ([`Art28Item`]) are broken into the
//! [`Requirement`]s each needs (art. 28(3)(f), assistance with art. 32-36,
//! is three: security, breaches, DPIAs), so that an item can be *partly*
//! covered. The completeness module re-exports these types and applies the
//! table, with what the agreement's statement and terms state, to an
//! agreement. Besides the row checks of [`Table::read`], the rows of one
//! edition must be together and in clause order (so no clause is listed
//! twice), and every edition must have rows.

use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use super::{Table, TableError, opt};
use crate::error::Result;
use crate::model::Edition;

/// The table: `data/art28-coverage.tsv` and its columns.
const ART28_COVERAGE: Table<5> = Table {
    file: "art28-coverage.tsv",
    what: "GDPR art. 28 coverage",
    columns: ["edition", "clause", "requirements", "topic", "source"],
    text: include_str!("../../data/art28-coverage.tsv"),
};

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<Result<Vec<EditionClauses>, TableError>> =
    LazyLock::new(|| parse_table(&ART28_COVERAGE));

/// An item GDPR art. 28 requires of a processing agreement, in the order of
/// the article.
///
/// Not a `spelled_enum!`: an item has three texts (its [`id`](Self::id), its
/// [`article`](Self::article) and its [`name`](Self::name)), and it displays
/// as its name and article, not as its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Art28Item {
    /// Art. 28(2): no sub-processor without prior specific or general written
    /// authorisation; under a general one, changes are notified so the
    /// controller can object.
    SubProcessorAuthorisation,
    /// Art. 28(3), first sentence: the subject-matter of the processing.
    SubjectMatter,
    /// Art. 28(3), first sentence: the duration of the processing.
    Duration,
    /// Art. 28(3), first sentence: the nature and purpose of the processing.
    NatureAndPurpose,
    /// Art. 28(3), first sentence: the type of personal data.
    DataTypes,
    /// Art. 28(3), first sentence: the categories of data subjects.
    DataSubjectCategories,
    /// Art. 28(3), first sentence: the obligations and rights of the
    /// controller.
    ControllerObligationsAndRights,
    /// Art. 28(3)(a): processing only on documented instructions (also as to
    /// transfers), and informing the controller of a legal requirement to
    /// process otherwise before processing.
    Instructions,
    /// Art. 28(3)(b): persons authorised to process are bound to confidentiality.
    Confidentiality,
    /// Art. 28(3)(c): the measures required by art. 32.
    Security,
    /// Art. 28(3)(d): the conditions of art. 28(2) and 28(4) for sub-processors.
    SubProcessorConditions,
    /// Art. 28(3)(e): assistance with data subjects' requests (chapter III).
    DataSubjectAssistance,
    /// Art. 28(3)(f): assistance with art. 32–36 (security, breaches, DPIA).
    ComplianceAssistance,
    /// Art. 28(3)(g): deletion or return of the data at the end.
    DeletionOrReturn,
    /// Art. 28(3)(h): information to demonstrate compliance; audits.
    InformationAndAudits,
    /// Art. 28(3), final subparagraph: the processor immediately informs the
    /// controller if an instruction infringes the GDPR.
    InfringingInstruction,
    /// Art. 28(4): the same data-protection obligations imposed on
    /// sub-processors by contract.
    SubProcessorFlowDown,
}

impl Art28Item {
    /// Every item, in article order.
    pub const ALL: [Art28Item; 17] = [
        Art28Item::SubProcessorAuthorisation,
        Art28Item::SubjectMatter,
        Art28Item::Duration,
        Art28Item::NatureAndPurpose,
        Art28Item::DataTypes,
        Art28Item::DataSubjectCategories,
        Art28Item::ControllerObligationsAndRights,
        Art28Item::Instructions,
        Art28Item::Confidentiality,
        Art28Item::Security,
        Art28Item::SubProcessorConditions,
        Art28Item::DataSubjectAssistance,
        Art28Item::ComplianceAssistance,
        Art28Item::DeletionOrReturn,
        Art28Item::InformationAndAudits,
        Art28Item::InfringingInstruction,
        Art28Item::SubProcessorFlowDown,
    ];

    /// The article, e.g. `GDPR art. 28(3)(b)`.
    pub const fn article(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "GDPR art. 28(2)",
            Art28Item::SubjectMatter
            | Art28Item::Duration
            | Art28Item::NatureAndPurpose
            | Art28Item::DataTypes
            | Art28Item::DataSubjectCategories
            | Art28Item::ControllerObligationsAndRights => "GDPR art. 28(3)",
            Art28Item::Instructions => "GDPR art. 28(3)(a)",
            Art28Item::Confidentiality => "GDPR art. 28(3)(b)",
            Art28Item::Security => "GDPR art. 28(3)(c)",
            Art28Item::SubProcessorConditions => "GDPR art. 28(3)(d)",
            Art28Item::DataSubjectAssistance => "GDPR art. 28(3)(e)",
            Art28Item::ComplianceAssistance => "GDPR art. 28(3)(f)",
            Art28Item::DeletionOrReturn => "GDPR art. 28(3)(g)",
            Art28Item::InformationAndAudits => "GDPR art. 28(3)(h)",
            Art28Item::InfringingInstruction => "GDPR art. 28(3), final subparagraph",
            Art28Item::SubProcessorFlowDown => "GDPR art. 28(4)",
        }
    }

    /// What the item requires, in a few words.
    pub const fn name(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "authorisation of sub-processors",
            Art28Item::SubjectMatter => "subject-matter of the processing",
            Art28Item::Duration => "duration of the processing",
            Art28Item::NatureAndPurpose => "nature and purpose of the processing",
            Art28Item::DataTypes => "type of personal data",
            Art28Item::DataSubjectCategories => "categories of data subjects",
            Art28Item::ControllerObligationsAndRights => "obligations and rights of the controller",
            Art28Item::Instructions => "processing on documented instructions",
            Art28Item::Confidentiality => "confidentiality of the persons processing",
            Art28Item::Security => "security measures (art. 32)",
            Art28Item::SubProcessorConditions => "conditions for engaging sub-processors",
            Art28Item::DataSubjectAssistance => "assistance with data subjects' requests",
            Art28Item::ComplianceAssistance => "assistance with art. 32-36",
            Art28Item::DeletionOrReturn => "deletion or return at the end",
            Art28Item::InformationAndAudits => "information and audits",
            Art28Item::InfringingInstruction => "notice of an infringing instruction",
            Art28Item::SubProcessorFlowDown => "the same obligations for sub-processors",
        }
    }

    /// A stable identifier (`28-3-b`).
    pub const fn id(self) -> &'static str {
        match self {
            Art28Item::SubProcessorAuthorisation => "28-2",
            Art28Item::SubjectMatter => "28-3-subject-matter",
            Art28Item::Duration => "28-3-duration",
            Art28Item::NatureAndPurpose => "28-3-nature-purpose",
            Art28Item::DataTypes => "28-3-data-types",
            Art28Item::DataSubjectCategories => "28-3-data-subjects",
            Art28Item::ControllerObligationsAndRights => "28-3-controller",
            Art28Item::Instructions => "28-3-a",
            Art28Item::Confidentiality => "28-3-b",
            Art28Item::Security => "28-3-c",
            Art28Item::SubProcessorConditions => "28-3-d",
            Art28Item::DataSubjectAssistance => "28-3-e",
            Art28Item::ComplianceAssistance => "28-3-f",
            Art28Item::DeletionOrReturn => "28-3-g",
            Art28Item::InformationAndAudits => "28-3-h",
            Art28Item::InfringingInstruction => "28-3-final",
            Art28Item::SubProcessorFlowDown => "28-4",
        }
    }

    /// The requirements the item needs, all of which must be met for the
    /// item to be covered. Art. 28(3)(d) needs those of 28(2) and 28(4).
    pub const fn requirements(self) -> &'static [Requirement] {
        use Requirement as R;
        match self {
            Art28Item::SubProcessorAuthorisation => &[
                R::SubProcessorAuthorisation,
                R::SubProcessorChangesNotified,
                R::SubProcessorObjection,
            ],
            Art28Item::SubjectMatter => &[R::SubjectMatter],
            Art28Item::Duration => &[R::Duration],
            Art28Item::NatureAndPurpose => &[R::NatureAndPurpose],
            Art28Item::DataTypes => &[R::DataTypes],
            Art28Item::DataSubjectCategories => &[R::DataSubjects],
            Art28Item::ControllerObligationsAndRights => &[R::ControllerObligationsAndRights],
            Art28Item::Instructions => &[R::DocumentedInstructions, R::LegalRequirementNotice],
            Art28Item::Confidentiality => &[R::Confidentiality],
            Art28Item::Security => &[R::SecurityMeasures],
            Art28Item::SubProcessorConditions => &[
                R::SubProcessorAuthorisation,
                R::SubProcessorChangesNotified,
                R::SubProcessorObjection,
                R::FlowDownSecurity,
                R::FlowDownObligations,
            ],
            Art28Item::DataSubjectAssistance => &[R::DataSubjectAssistance],
            Art28Item::ComplianceAssistance => &[
                R::SecurityAssistance,
                R::BreachAssistance,
                R::DpiaAssistance,
            ],
            Art28Item::DeletionOrReturn => &[R::DeletionOrReturn, R::DataReturn],
            Art28Item::InformationAndAudits => &[R::ComplianceInformation, R::Audits],
            Art28Item::InfringingInstruction => &[R::InfringingInstructionNotice],
            Art28Item::SubProcessorFlowDown => &[R::FlowDownSecurity, R::FlowDownObligations],
        }
    }
}

impl fmt::Display for Art28Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.article())
    }
}

impl Serialize for Art28Item {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

crate::macros::spelled_enum! {
    /// One thing GDPR art. 28 requires a processing agreement to say; an
    /// [`Art28Item`] needs one or more ([`Art28Item::requirements`]). The
    /// spelling is the id the table `art28-coverage.tsv` uses.
    #[non_exhaustive]
    pub enum Requirement ("art. 28 requirement") {
        /// Art. 28(2): prior written authorisation, specific or general, of
        /// every sub-processor.
        SubProcessorAuthorisation = "sub-processor-authorisation",
        /// Art. 28(2): under a general authorisation, intended changes are
        /// notified.
        SubProcessorChangesNotified = "sub-processor-changes-notified",
        /// Art. 28(2): the controller can object to a change.
        SubProcessorObjection = "sub-processor-objection",
        /// Art. 28(3): the subject-matter of the processing.
        SubjectMatter = "subject-matter",
        /// Art. 28(3): the duration of the processing.
        Duration = "duration",
        /// Art. 28(3): the nature and purpose of the processing.
        NatureAndPurpose = "nature-and-purpose",
        /// Art. 28(3): the type of personal data.
        DataTypes = "data-types",
        /// Art. 28(3): the categories of data subjects.
        DataSubjects = "data-subjects",
        /// Art. 28(3): the obligations and rights of the controller.
        ControllerObligationsAndRights = "controller-obligations-and-rights",
        /// Art. 28(3)(a): processing only on documented instructions.
        DocumentedInstructions = "documented-instructions",
        /// Art. 28(3)(a): the controller is informed of a legal requirement
        /// to process otherwise before the processing.
        LegalRequirementNotice = "legal-requirement-notice",
        /// Art. 28(3)(b): confidentiality of the persons processing.
        Confidentiality = "confidentiality",
        /// Art. 28(3)(c): the security measures of art. 32.
        SecurityMeasures = "security-measures",
        /// Art. 28(3)(e): assistance with data subjects' requests.
        DataSubjectAssistance = "data-subject-assistance",
        /// Art. 28(3)(f): assistance with security (art. 32).
        SecurityAssistance = "security-assistance",
        /// Art. 28(3)(f): assistance with breach notices (art. 33-34).
        BreachAssistance = "breach-assistance",
        /// Art. 28(3)(f): assistance with DPIAs and prior consultation (art. 35-36).
        DpiaAssistance = "dpia-assistance",
        /// Art. 28(3)(g): deletion or return of the data at the end.
        DeletionOrReturn = "deletion-or-return",
        /// Art. 28(3)(g): the return of the data, where the controller
        /// chooses it ("at the choice of the controller, deletes or
        /// returns"); the clauses return it "indien overeengekomen" (clause
        /// 2.6.3 / 6.3), so the statement's method of return decides.
        DataReturn = "data-return",
        /// Art. 28(3)(h): the information needed to demonstrate compliance.
        ComplianceInformation = "compliance-information",
        /// Art. 28(3)(h): audits and inspections by the controller or its auditor.
        Audits = "audits",
        /// Art. 28(3), final subparagraph: the controller is told at once of
        /// an instruction that infringes the GDPR.
        InfringingInstructionNotice = "infringing-instruction-notice",
        /// Art. 28(4): sub-processors are bound to the same security level.
        FlowDownSecurity = "flow-down-security",
        /// Art. 28(4): sub-processors are bound by contract to the agreement's
        /// other data-protection obligations.
        FlowDownObligations = "flow-down-obligations",
    }
}

impl Requirement {
    /// What the requirement asks, in words (as a finding names what is
    /// missing).
    pub const fn text(self) -> &'static str {
        match self {
            Requirement::SubProcessorAuthorisation => {
                "prior written authorisation of sub-processors"
            }
            Requirement::SubProcessorChangesNotified => "notice of changes of sub-processors",
            Requirement::SubProcessorObjection => "the controller's right to object to a change",
            Requirement::SubjectMatter => "the subject-matter of the processing",
            Requirement::Duration => "the duration of the processing",
            Requirement::NatureAndPurpose => "the nature and purpose of the processing",
            Requirement::DataTypes => "the types of personal data",
            Requirement::DataSubjects => "the categories of data subjects",
            Requirement::ControllerObligationsAndRights => {
                "the obligations and rights of the controller"
            }
            Requirement::DocumentedInstructions => "processing only on documented instructions",
            Requirement::LegalRequirementNotice => {
                "informing the controller of a legal requirement before processing"
            }
            Requirement::Confidentiality => "confidentiality of the persons processing",
            Requirement::SecurityMeasures => "the security measures of art. 32",
            Requirement::DataSubjectAssistance => "assistance with data subjects' requests",
            Requirement::SecurityAssistance => "assistance with security (art. 32)",
            Requirement::BreachAssistance => "assistance with breach notices (art. 33-34)",
            Requirement::DpiaAssistance => "assistance with DPIAs (art. 35-36)",
            Requirement::DeletionOrReturn => "deletion or return of the data at the end",
            Requirement::DataReturn => "the return of the data, at the controller's choice",
            Requirement::ComplianceInformation => "information to demonstrate compliance",
            Requirement::Audits => "audits by the controller or its auditor",
            Requirement::InfringingInstructionNotice => {
                "informing the controller at once of an infringing instruction"
            }
            Requirement::FlowDownSecurity => "the same security level for sub-processors",
            Requirement::FlowDownObligations => {
                "the other data-protection obligations imposed on sub-processors by contract"
            }
        }
    }
}

/// What a row of the table says a clause does: satisfy requirements, or
/// limit the processor's liability (a finding under art. 28(4), second
/// sentence, not coverage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseRole {
    /// The clause satisfies these requirements.
    Satisfies(&'static [Requirement]),
    /// The clause limits the processor's liability (`liability-limit`).
    LimitsLiability,
}

/// One clause of an edition and what it does for art. 28, numbered as the
/// edition numbers it: a row of `dpa-core/data/art28-coverage.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseCoverage {
    /// The article.
    pub article: u8,
    /// The paragraph (`None` for an article of one unnumbered paragraph).
    pub paragraph: Option<u8>,
    /// What the clause says, in a few words.
    pub topic: &'static str,
    /// What the clause does for art. 28.
    pub role: ClauseRole,
    source: &'static str,
}

impl ClauseCoverage {
    /// Where the clause text is: the document, the clause's number there and
    /// the seed file it was read from, e.g. `NLdigital Standaardclausules
    /// voor verwerkingen, versie maart 2025, art. 5.1, ...`.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The requirements the clause satisfies (none for a clause that limits
    /// liability).
    pub fn requirements(&self) -> &'static [Requirement] {
        match self.role {
            ClauseRole::Satisfies(r) => r,
            ClauseRole::LimitsLiability => &[],
        }
    }

    /// The clause's number in the edition (`8.3`, or `9` for an article of
    /// one paragraph), as [`Numbering::edition_number`](crate::model::Numbering::edition_number)
    /// reads a reference.
    pub fn number(&self) -> String {
        match self.paragraph {
            Some(p) => format!("{}.{p}", self.article),
            None => self.article.to_string(),
        }
    }
}

/// The rows of one edition, in clause order.
#[derive(Debug)]
struct EditionClauses {
    edition: Edition,
    clauses: Vec<ClauseCoverage>,
}

/// The clauses of `edition` that the table lists, in clause order.
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `art28-coverage.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub(crate) fn edition_clauses(edition: Edition) -> Result<&'static [ClauseCoverage]> {
    let table = TABLE.as_deref().map_err(TableError::to_error)?;
    Ok(table
        .iter()
        .find(|e| e.edition == edition)
        .map_or(&[], |e| e.clauses.as_slice()))
}

// ---------------------------------------------------------------------------
// Parsing the table

fn parse_table(table: &Table<5>) -> Result<Vec<EditionClauses>, TableError> {
    let rows = table.read(parse_row)?;
    let mut editions: Vec<EditionClauses> = Vec::new();
    for (line, edition, clause) in rows {
        let same = editions.last().is_some_and(|e| e.edition == edition);
        if !same && editions.iter().any(|e| e.edition == edition) {
            return Err(table.error(
                line,
                format!("the rows of edition `{edition}` are not together"),
            ));
        }
        let Some(current) = editions.last_mut().filter(|_| same) else {
            editions.push(EditionClauses {
                edition,
                clauses: vec![clause],
            });
            continue;
        };
        if let Some(prev) = current.clauses.last()
            && (prev.article, prev.paragraph) >= (clause.article, clause.paragraph)
        {
            return Err(table.error(
                line,
                format!(
                    "clause {} is not after clause {}: the rows of an edition are in clause order",
                    clause.number(),
                    prev.number()
                ),
            ));
        }
        current.clauses.push(clause);
    }
    // Every edition whose text the library holds has rows; one whose text
    // it does not hold (nederland-ict-2018) has none: its coverage is
    // unknown.
    if let Some(missing) = Edition::ALL
        .iter()
        .filter(|e| super::numbering::text_on_file(**e))
        .find(|e| !editions.iter().any(|c| c.edition == **e))
    {
        return Err(table.error(
            table.text.lines().count(),
            format!("the edition `{missing}` has no rows"),
        ));
    }
    Ok(editions)
}

/// The id of a row that limits liability instead of satisfying requirements.
const LIABILITY_LIMIT: &str = "liability-limit";

/// One row: its line, its edition and the clause.
fn parse_row(
    line: usize,
    [edition, clause, requirements, topic, source]: [&'static str; 5],
) -> Result<(usize, Edition, ClauseCoverage), String> {
    let edition: Edition = edition.parse().map_err(|e| format!("edition: {e}"))?;
    let (article, paragraph) = parse_clause(clause).ok_or_else(|| {
        format!("clause: `{clause}` is not article.paragraph or an article (e.g. `5.1`, `9`)")
    })?;
    if opt(requirements).is_none() {
        return Err("requirements: at least one requirement is required".to_owned());
    }
    let role = if requirements == LIABILITY_LIMIT {
        ClauseRole::LimitsLiability
    } else {
        let mut list: Vec<Requirement> = Vec::new();
        for id in requirements.split(' ').filter(|s| !s.is_empty()) {
            let r: Requirement = id.parse().map_err(|_| {
                format!(
                    "requirements: `{id}` is not an art. 28 requirement (e.g. `confidentiality`), or `{LIABILITY_LIMIT}` alone"
                )
            })?;
            if list.contains(&r) {
                return Err(format!("requirements: `{id}` is listed twice"));
            }
            list.push(r);
        }
        // The table is parsed once per process; its rows live as long.
        ClauseRole::Satisfies(list.leak())
    };
    if opt(topic).is_none() || opt(source).is_none() {
        return Err("topic and source are required".to_owned());
    }
    let clause = ClauseCoverage {
        article,
        paragraph,
        topic,
        role,
        source,
    };
    Ok((line, edition, clause))
}

/// `article.paragraph` or `article`, each from 1 to 99.
pub(super) fn parse_clause(clause: &str) -> Option<(u8, Option<u8>)> {
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u8>().ok())
            .flatten()
            .filter(|n| (1..=99).contains(n))
    };
    match clause.split_once('.') {
        Some((a, p)) => Some((number(a)?, Some(number(p)?))),
        None => Some((number(clause)?, None)),
    }
}

#[cfg(test)]
mod tests;
