//! The safeguards for a transfer that rest on a decision about the
//! recipient, not on a decision about its country or a standard text: an
//! approved code of conduct (GDPR art. 40(3), 46(2)(e)), an approved
//! certification (art. 42(2), 46(2)(f)) and contractual clauses the
//! supervisory authority authorised (art. 46(3)(a)). A sub-processor that
//! claims one of these bases (`code-of-conduct`, `certification`,
//! `ad-hoc-clauses`) says here which code, certificate or authorisation it
//! is; whether that is valid on a date is decided by the transfer rules
//! (the transfers module), not here.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::Error;
use crate::values::{ClauseRef, Text, iso_date};

/// A decision a transfer tool needs from an authority or body: who took
/// it, from when it applies, and its reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Approval {
    /// Who took the decision (a supervisory authority, the European
    /// Commission, the European Data Protection Board).
    pub by: Text,
    /// The first day the decision applies.
    #[serde(with = "iso_date")]
    #[schemars(schema_with = "iso_date::schema")]
    pub on: Date,
    /// The decision's number or name, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Text>,
}

/// An approved code of conduct relied on for transfers to a recipient
/// (GDPR art. 46(2)(e)): the code, its approval by the competent supervisory
/// authority (art. 40(5)), its general validity within the Union (art.
/// 40(9)), which a code needs to be a transfer tool (art. 40(3)), and the
/// recipient's binding and enforceable commitments to apply it (art. 40(3),
/// 46(2)(e); EDPB Guidelines 04/2021 on codes of conduct as tools for
/// transfers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CodeOfConduct {
    /// The code's name.
    pub name: Text,
    /// Its approval by the competent supervisory authority (art. 40(5));
    /// absent when the code is not (yet) approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// The Commission's implementing act giving it general validity within
    /// the Union (art. 40(9)); absent when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_validity: Option<Approval>,
    /// The body that monitors compliance with the code (art. 41), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_body: Option<Text>,
    /// Whether the recipient has made binding and enforceable commitments,
    /// by contract or another legally binding instrument, to apply the
    /// code's safeguards, including as regards data subjects' rights (art.
    /// 40(3), 46(2)(e)).
    pub importer_commitments: bool,
    /// The first day the code can no longer be relied on for this
    /// recipient (its approval or general validity withdrawn, or the
    /// recipient suspended or excluded from the code, art. 41(4)), where
    /// that happened.
    #[serde(
        default,
        with = "iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_date::option::schema")]
    pub withdrawn_on: Option<Date>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// An approved certification relied on for transfers to a recipient (GDPR
/// art. 42(2), 46(2)(f)): the certificate the recipient holds, who issued it
/// and when, until when it is valid (art. 42(7): at most three years, then
/// renewed), whether it was withdrawn, and the recipient's binding and
/// enforceable commitments (EDPB Guidelines 07/2022 on certification as a
/// tool for transfers).
///
/// A value that exists is valid: `valid_until` and `withdrawn_on` are not
/// before `issued_on`.
///
/// ```
/// use dpa_core::model::TransferCertification;
/// let c: TransferCertification = serde_json::from_str(
///     r#"{"name": "Europrivacy", "issued_by": "ECCP", "issued_on": "2025-03-01",
///         "valid_until": "2028-03-01", "importer_commitments": true, "source": ["DPS 9"]}"#,
/// )?;
/// assert_eq!(c.valid_until().to_string(), "2028-03-01");
/// let backwards = serde_json::from_str::<TransferCertification>(
///     r#"{"name": "Europrivacy", "issued_by": "ECCP", "issued_on": "2025-03-01",
///         "valid_until": "2024-03-01", "importer_commitments": true, "source": ["DPS 9"]}"#,
/// );
/// assert!(backwards.unwrap_err().to_string().contains("valid_until 2024-03-01 is before issued_on 2025-03-01"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    try_from = "TransferCertificationRepr",
    into = "TransferCertificationRepr"
)]
#[schemars(with = "TransferCertificationRepr")]
pub struct TransferCertification(TransferCertificationRepr);

/// The document form of a [`TransferCertification`], checked by
/// [`TransferCertification::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TransferCertificationRepr {
    /// The certification mechanism, seal or mark.
    name: Text,
    /// Who approved the mechanism's criteria: the competent supervisory
    /// authority (art. 42(5), 58(3)) or the European Data Protection Board
    /// (art. 42(5), 63: a European Data Protection Seal); absent when they are
    /// not (yet) approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criteria_approved_by: Option<Text>,
    /// The accredited certification body (art. 43) or supervisory authority
    /// that issued the certificate (art. 42(5)).
    issued_by: Text,
    /// The day the certificate was issued or last renewed (art. 42(7)).
    #[serde(with = "iso_date")]
    #[schemars(schema_with = "iso_date::schema")]
    issued_on: Date,
    /// The last day the certificate says it is valid.
    #[serde(with = "iso_date")]
    #[schemars(schema_with = "iso_date::schema")]
    valid_until: Date,
    /// The first day it no longer applies because it was withdrawn (art.
    /// 42(7)), where it was.
    #[serde(
        default,
        with = "iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_date::option::schema")]
    withdrawn_on: Option<Date>,
    /// Whether the recipient has made binding and enforceable commitments
    /// to apply the safeguards the certification rests on, including as
    /// regards data subjects' rights (art. 42(2), 46(2)(f)).
    importer_commitments: bool,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    source: Vec<ClauseRef>,
}

impl TransferCertification {
    /// Makes a certification: `name`, who approved its criteria, who issued
    /// it, when, the last day it is valid, when it was withdrawn, whether the
    /// recipient made binding commitments, and where the agreement says so.
    ///
    /// # Errors
    /// When `valid_until` or `withdrawn_on` is before `issued_on`.
    #[allow(
        clippy::too_many_arguments,
        reason = "one argument per field of the document, each named in the docs"
    )]
    pub fn new(
        name: Text,
        criteria_approved_by: Option<Text>,
        issued_by: Text,
        issued_on: Date,
        valid_until: Date,
        withdrawn_on: Option<Date>,
        importer_commitments: bool,
        source: Vec<ClauseRef>,
    ) -> Result<TransferCertification, Error> {
        if valid_until < issued_on {
            return Err(Error::invalid_value(format!(
                "valid_until {} is before issued_on {}",
                iso_date::format(valid_until),
                iso_date::format(issued_on)
            )));
        }
        if let Some(w) = withdrawn_on
            && w < issued_on
        {
            return Err(Error::invalid_value(format!(
                "withdrawn_on {} is before issued_on {}",
                iso_date::format(w),
                iso_date::format(issued_on)
            )));
        }
        Ok(TransferCertification(TransferCertificationRepr {
            name,
            criteria_approved_by,
            issued_by,
            issued_on,
            valid_until,
            withdrawn_on,
            importer_commitments,
            source,
        }))
    }

    /// The certification mechanism, seal or mark.
    pub fn name(&self) -> &Text {
        &self.0.name
    }

    /// Who approved the mechanism's criteria (art. 42(5)), if they are approved.
    pub fn criteria_approved_by(&self) -> Option<&Text> {
        self.0.criteria_approved_by.as_ref()
    }

    /// Who issued the certificate (art. 42(5), 43).
    pub fn issued_by(&self) -> &Text {
        &self.0.issued_by
    }

    /// The day it was issued or last renewed.
    pub fn issued_on(&self) -> Date {
        self.0.issued_on
    }

    /// The last day the certificate says it is valid (which art. 42(7)
    /// limits to three years from `issued_on`; the transfer rules apply
    /// that limit).
    pub fn valid_until(&self) -> Date {
        self.0.valid_until
    }

    /// The first day it no longer applies because it was withdrawn, if it was.
    pub fn withdrawn_on(&self) -> Option<Date> {
        self.0.withdrawn_on
    }

    /// Whether the recipient made binding and enforceable commitments
    /// (art. 42(2), 46(2)(f)).
    pub fn importer_commitments(&self) -> bool {
        self.0.importer_commitments
    }

    /// Where the agreement says so.
    pub fn source(&self) -> &[ClauseRef] {
        &self.0.source
    }
}

impl TryFrom<TransferCertificationRepr> for TransferCertification {
    type Error = Error;
    fn try_from(r: TransferCertificationRepr) -> Result<Self, Error> {
        TransferCertification::new(
            r.name,
            r.criteria_approved_by,
            r.issued_by,
            r.issued_on,
            r.valid_until,
            r.withdrawn_on,
            r.importer_commitments,
            r.source,
        )
    }
}

impl From<TransferCertification> for TransferCertificationRepr {
    fn from(c: TransferCertification) -> Self {
        c.0
    }
}

/// Contractual clauses between the processor and the recipient that the
/// competent supervisory authority authorised (GDPR art. 46(3)(a), through
/// the consistency mechanism of art. 46(4) and 63). An authorisation given
/// under Directive 95/46/EC art. 26(2) stays valid until the authority
/// amends, replaces or repeals it (art. 46(5)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdHocClauses {
    /// The clauses as the agreement names them, where it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The supervisory authority's authorisation (art. 46(3)); absent when
    /// the clauses are not (yet) authorised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorisation: Option<Approval>,
    /// The first day the authorisation no longer applies (withdrawn,
    /// amended or replaced by the authority), where that happened.
    #[serde(
        default,
        with = "iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "iso_date::option::schema")]
    pub withdrawn_on: Option<Date>,
    /// Where the agreement says so.
    #[serde(deserialize_with = "crate::limits::list")]
    #[schemars(length(max = crate::limits::MAX_LIST_ITEMS))]
    pub source: Vec<ClauseRef>,
}

/// `yes` or `no`.
fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

impl fmt::Display for Approval {
    /// `Autoriteit Persoonsgegevens on 2021-05-20 (z2021-01234)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.by, iso_date::format(self.on))?;
        if let Some(r) = &self.reference {
            write!(f, " ({r})")?;
        }
        Ok(())
    }
}

/// `Some(approval)`, or `not stated`.
fn approval(a: Option<&Approval>) -> String {
    a.map_or_else(|| "not stated".to_owned(), ToString::to_string)
}

/// The end of a safeguard's line: `; importer's binding commitments: yes`
/// where the safeguard records them, then `; withdrawn from D` where it
/// was withdrawn.
fn line_end(
    f: &mut fmt::Formatter<'_>,
    importer_commitments: Option<bool>,
    withdrawn_on: Option<Date>,
) -> fmt::Result {
    if let Some(c) = importer_commitments {
        write!(f, "; importer's binding commitments: {}", yes_no(c))?;
    }
    if let Some(w) = withdrawn_on {
        write!(f, "; withdrawn from {}", iso_date::format(w))?;
    }
    Ok(())
}

impl fmt::Display for CodeOfConduct {
    /// The entry on one line, as the file states it: `EU Cloud CoC;
    /// approval: … on …; general validity: not stated; importer's binding
    /// commitments: yes`, with the monitoring body and the withdrawal
    /// where given. Used by `dpa show` and `dpa diff`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}; approval: {}; general validity: {}",
            self.name,
            approval(self.approval.as_ref()),
            approval(self.general_validity.as_ref())
        )?;
        if let Some(m) = &self.monitoring_body {
            write!(f, "; monitoring body: {m}")?;
        }
        line_end(f, Some(self.importer_commitments), self.withdrawn_on)
    }
}

impl fmt::Display for TransferCertification {
    /// The entry on one line, as the file states it: `Europrivacy; criteria
    /// approved by: …; issued by … on …; valid until …; importer's binding
    /// commitments: yes`, with the withdrawal where given. Used by `dpa
    /// show` and `dpa diff`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.0;
        write!(
            f,
            "{}; criteria approved by: {}; issued by {} on {}; valid until {}",
            r.name,
            r.criteria_approved_by
                .as_ref()
                .map_or("not stated", Text::as_str),
            r.issued_by,
            iso_date::format(r.issued_on),
            iso_date::format(r.valid_until)
        )?;
        line_end(f, Some(r.importer_commitments), r.withdrawn_on)
    }
}

impl fmt::Display for AdHocClauses {
    /// The entry on one line, as the file states it: `Belco–Acme clauses;
    /// authorisation: … on …`, with the withdrawal where given. Used by
    /// `dpa show` and `dpa diff`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = &self.name {
            write!(f, "{n}; ")?;
        }
        write!(
            f,
            "authorisation: {}",
            approval(self.authorisation.as_ref())
        )?;
        line_end(f, None, self.withdrawn_on)
    }
}
