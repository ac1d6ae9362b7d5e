//! Findings: what a rule found, with a stable [`FindingCode`], a
//! [`Severity`], an English message and the citation it rests on. Every
//! rule module reports through these types; none of them depends on
//! another rule module for it.

use std::fmt;

use serde::Serialize;

use crate::macros::spelled_enum;

spelled_enum! {
    /// How serious a finding is.
    #[derive(PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Severity ("severity") {
        /// Worth knowing; nothing to fix.
        Info = "info",
        /// Probably wrong or incomplete; a person should look.
        Warning = "warning",
        /// Wrong: the agreement does not hold up on this point.
        Error = "error",
    }
}

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $summary:literal; )*) => {
        /// A stable identifier of a kind of finding. The string form
        /// ([`FindingCode::as_str`]) never changes once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum FindingCode {
            $( $(#[$doc])* $variant, )*
        }

        impl FindingCode {
            /// Every code, in catalogue order.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant),*];

            /// The stable string form, e.g. `transfer-without-basis`.
            pub const fn as_str(self) -> &'static str {
                match self { $(FindingCode::$variant => $code,)* }
            }

            /// The severity findings of this code have.
            pub const fn severity(self) -> Severity {
                match self { $(FindingCode::$variant => Severity::$sev,)* }
            }

            /// One line on what the code means, for catalogues.
            pub const fn summary(self) -> &'static str {
                match self { $(FindingCode::$variant => $summary,)* }
            }
        }
    };
}

finding_codes! {
    /// The statement's version is not in its own version history.
    HistoryMissingCurrentVersion = "history-missing-current-version", Warning,
        "the statement's version is not listed in its version history";
    /// The history lists a version newer than the statement's version.
    HistoryNewerThanCurrent = "history-newer-than-current", Warning,
        "the version history lists a version newer than the statement's own version";
    /// The effective date differs from the date the history gives the current version.
    EffectiveDateMismatch = "effective-date-mismatch", Warning,
        "the effective date differs from the date the history gives the current version";
    /// The effective date and the history's date of the current version are stated to different precision and may mean the same day.
    EffectiveDateImprecise = "effective-date-imprecise", Info,
        "the effective date and the date the history gives the current version are stated to different precision (a day, a month, a year); they may mean the same day";
    /// The effective date is a month or year that the date checked falls inside.
    EffectiveDateUncertain = "effective-date-uncertain", Warning,
        "the statement's effective date is stated only to the month or year and the date checked falls inside it, so whether the statement is in effect is uncertain";
    /// The statement takes effect after the date checked.
    StatementNotYetEffective = "statement-not-yet-effective", Warning,
        "the statement takes effect only after the date checked";
    /// A sub-processor processes outside the EEA and no transfer basis is claimed.
    TransferWithoutBasis = "transfer-without-basis", Error,
        "a sub-processor processes data outside the EEA, or may be accessed from outside it, and the agreement claims no transfer basis for it";
    /// Sub-processors process outside the EEA, or may be accessed from
    /// outside it, though the statement says processing stays inside.
    UndeclaredTransfer = "undeclared-transfer", Warning,
        "a sub-processor processes data outside the EEA, or may be accessed from outside it, while the statement says processing stays inside the EEA";
    /// A sub-processor is listed without any processing location.
    SubProcessorLocationUnknown = "sub-processor-location-unknown", Warning,
        "a sub-processor is listed without a processing location, so transfers cannot be checked";
    /// The sub-processor list is kept by reference (an address outside the agreement).
    SubProcessorsByReference = "sub-processors-by-reference", Warning,
        "the statement keeps its sub-processor list by reference (a website, a URL), so transfers of the sub-processors only on that list cannot be checked";
    /// The statement does not state its sub-processors
    /// (`[statement.sub_processor_list] provenance = "not-stated"`).
    SubProcessorsNotStated = "sub-processors-not-stated", Warning,
        "the statement does not state its sub-processors, so transfers cannot be checked and the GDPR art. 28(2) and 28(4) items rest on an unknown list";
    /// Two sub-processors have the same name.
    DuplicateSubProcessor = "duplicate-sub-processor", Warning,
        "two sub-processors have the same name";
    /// A declaration on special categories, criminal data or identifiers is missing.
    SpecialCategoriesNotStated = "special-categories-not-stated", Info,
        "the statement does not say whether the product is designed for a kind of sensitive data";
    /// The breach notice term is longer than the controller's 72 hours.
    BreachNoticeBeyond72Hours = "breach-notice-beyond-72-hours", Warning,
        "the processor may take longer to notify a breach than the 72 hours the controller has to notify the authority";
    /// Data is deleted after termination with no way to get it back first.
    DeletionWithoutReturn = "deletion-without-return", Warning,
        "the agreement deletes data after termination without any return of data";
    /// A transfer outside the EEA whose claimed bases are none valid on the date.
    TransferBasisInvalid = "transfer-basis-invalid", Error,
        "a sub-processor transfers data outside the EEA and none of the bases claimed for it is valid on the date";
    /// The DPF is the only basis that could cover a US transfer, and the recipient is not marked certified.
    DpfNotCertified = "dpf-not-certified", Error,
        "the EU-US Data Privacy Framework is claimed for a recipient not marked as certified, and no other basis covers the transfer";
    /// The DPF is claimed for a recipient not marked certified, but another basis covers the transfer.
    DpfCertificationUnconfirmed = "dpf-certification-unconfirmed", Warning,
        "the EU-US Data Privacy Framework is claimed for a recipient not marked as certified; another claimed basis covers the transfer";
    /// An art. 49 derogation is used for a sub-processor that transfers as a matter of course.
    DerogationForStandingTransfer = "derogation-for-standing-transfer", Warning,
        "an art. 49 derogation is claimed for a standing sub-processor, but derogations cover occasional transfers only";
    /// A sub-processor with its legal seat outside the EEA processes inside
    /// it, and no access from the seat's country is stated.
    NonEeaSeat = "non-eea-seat", Warning,
        "a sub-processor established outside the EEA processes data inside it and no access from its seat's country is stated; foreign law may still reach the data";
    /// SCCs are claimed without saying which edition.
    SccEditionNotStated = "scc-edition-not-stated", Warning,
        "standard contractual clauses are claimed without saying which edition; only Decision 2021/914 is valid from 2022-12-27";
    /// Old SCCs in their transitional period.
    OldSccTransitional = "old-scc-transitional", Warning,
        "the old standard contractual clauses are valid on the date only for contracts concluded before 2021-09-27 (until 2022-12-27)";
    /// An adequacy decision with a limited scope is relied on.
    AdequacyScopeLimited = "adequacy-scope-limited", Warning,
        "the adequacy decision relied on covers only some recipients; check that this one is covered";
    /// A certification relied on for transfers states a validity beyond the three years of GDPR art. 42(7).
    CertificationBeyondThreeYears = "certification-beyond-three-years", Warning,
        "a certification relied on for transfers states a validity beyond the three years GDPR art. 42(7) allows; it is read as ending three years after its issue";
    /// A transfer outside the EEA that a valid basis covers.
    TransferCovered = "transfer-covered", Info,
        "a sub-processor transfers data outside the EEA under a basis valid on the date";
    /// The statement gives periodic audits while the clauses allow an audit only for cause.
    AuditTermsConflict = "audit-terms-conflict", Warning,
        "the statement gives the client periodic audits while the clauses allow an audit only on conditions; the text does not say which prevails";
    /// Two places in the agreement name the breach-notice channels differently.
    BreachChannelsInconsistent = "breach-channels-inconsistent", Warning,
        "two places in the agreement say differently how a breach is notified; the text does not say which prevails";
    /// The processor warrants its security while the clauses say it only strives for it.
    SecurityWarrantyBeyondAim = "security-warranty-beyond-aim", Warning,
        "the processor warrants that its security measures are adequate under all circumstances, while the clauses say it only strives for appropriate measures; the text does not say which prevails";
    /// A term GDPR art. 28 requires the agreement to set that the statement
    /// does not state (issue 15 point 2: `provenance = "not-stated"`).
    TermNotStated = "term-not-stated", Warning,
        "the statement does not state a term GDPR art. 28 requires the agreement to set, so no deadline rests on it";
    /// A value the file's author chose because the document does not give
    /// it (`provenance = "assumed"`), with the reason.
    ValueAssumed = "value-assumed", Info,
        "a value the answers rest on is the file author's assumption, not the document's; the finding names the reason";
    /// An item GDPR art. 28 requires that nothing in the agreement covers.
    Art28ItemUncovered = "art28-item-uncovered", Error,
        "nothing in the agreement (the clauses after its deviations, the statement, the terms) covers an item GDPR art. 28 requires";
    /// An item GDPR art. 28 requires that the agreement covers only in part.
    Art28ItemPartlyCovered = "art28-item-partly-covered", Warning,
        "the agreement covers an item GDPR art. 28 requires only in part; the message names what is missing";
    /// The library does not hold the text of the agreement's edition of the
    /// standard clauses, so its clause numbers are not checked and what its
    /// clauses cover of GDPR art. 28 is unknown.
    EditionTextNotOnFile = "edition-text-not-on-file", Warning,
        "the library does not hold the text of the agreement's edition of the standard clauses, so what its clauses cover of GDPR art. 28 is unknown";
    /// The document holds only one part of the Data Pro Code (`document.parts`),
    /// so what only the other part could say is unknown.
    DocumentPartAbsent = "document-part-absent", Warning,
        "the document holds only the Data Pro Statement or only the standard clauses, so what only the other part could say of GDPR art. 28 is unknown";
    /// A clause or term limits the processor's liability for its sub-processors.
    SubProcessorLiabilityLimited = "sub-processor-liability-limited", Warning,
        "a clause or term limits the processor's liability, which GDPR art. 28(4) keeps full towards the controller for its sub-processors";
    /// The statement says the product is not designed for special categories, yet a product in scope suggests it is.
    SpecialCategoriesContradicted = "special-categories-contradicted", Warning,
        "the statement says the product is not designed for a kind of sensitive data, yet a product or use in scope suggests it is";
    /// An event is dated after the date the timeline is computed for.
    EventAfterDate = "event-after-date", Info,
        "an event is dated after the date asked, so it is left out of the statuses";
    /// An event happened before the agreement was signed.
    EventBeforeSigning = "event-before-signing", Warning,
        "an event is dated before the agreement was signed";
    /// The agreement is terminated twice.
    DuplicateTermination = "duplicate-termination", Warning,
        "the agreement is terminated more than once; the first termination counts";
    /// Data was deleted before the agreement ended.
    DeletedBeforeTermination = "deleted-before-termination", Warning,
        "data was deleted before the agreement was terminated";
    /// Data was deleted before a requested return was made.
    DeletedBeforeReturn = "deleted-before-return", Error,
        "data was deleted before the return the client requested was made, though the agreement returns data before deletion";
    /// A legal hold was lifted that was never placed.
    LegalHoldNotPlaced = "legal-hold-not-placed", Warning,
        "a legal hold is lifted that was never placed";
    /// A breach notice refers to no breach discovered before it.
    NoticeWithoutBreach = "notice-without-breach", Warning,
        "a breach notice refers to no breach discovered before it";
    /// An audit was announced with less notice than the agreement requires.
    AuditNoticeTooShort = "audit-notice-too-short", Warning,
        "an audit was announced with less written notice than the agreement requires";
    /// An audit falls inside the period after the previous one.
    AuditInsidePeriod = "audit-inside-period", Warning,
        "an audit falls inside the period after the previous audit (at most N per year)";
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// What kind of finding.
    pub code: FindingCode,
    /// How serious.
    pub severity: Severity,
    /// What was found, in English.
    pub message: String,
    /// The clauses and articles it rests on.
    pub citation: String,
    /// The field path in the agreement file it concerns, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Finding {
    pub(crate) fn new(
        code: FindingCode,
        message: String,
        citation: String,
        path: Option<String>,
    ) -> Self {
        Finding {
            code,
            severity: code.severity(),
            message,
            citation,
            path,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if !self.citation.is_empty() {
            write!(f, " ({})", self.citation)?;
        }
        Ok(())
    }
}

/// Whether any finding has error severity.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
