//! The transfer-bases table, `data/transfer-bases.tsv`: the facts behind
//! the transfer rules of the transfers module (GDPR chapter V, art. 44-49).
//! One row per fact: a member of the EEA, an adequacy decision (with the
//! ended EU-US frameworks), a set of standard contractual clauses, binding
//! corporate rules, an art. 49 derogation, or one of the tools that rest on
//! a decision about the recipient (approved codes of conduct, approved
//! certification, authorised ad hoc clauses), with its dates, its scope and,
//! in the `source` column, where it is published (EUR-Lex CELEX number,
//! Official Journal, CJEU case).
//!
//! The transfers module re-exports [`Instrument`], [`InstrumentKind`],
//! [`InstrumentScope`] and [`instruments`]. Besides the row checks of
//! [`Table::read`], the rows must be consistent: unique ids, no adequacy
//! decision for an EEA member, no two adequacy rows for the same basis and
//! jurisdiction that overlap in time, and a row backing every transfer basis
//! but `scc-edition-not-stated` (which is read as the edition in force).
//!
//! The EEA is defined once, by [`Country::is_eea`]: the rules ask it, not
//! this table. The table's `eea` rows give the source of each membership,
//! and the reader rejects a table whose `eea` rows are not exactly the
//! members `Country::is_eea` names.

use std::sync::LazyLock;

use time::Date;

use super::{Table, TableError, date, opt, show_date};
use crate::citation::join;
use crate::error::Result;
use crate::macros::spelled_enum;
use crate::model::TransferBasis;
use crate::values::Country;

/// The table: `data/transfer-bases.tsv` and its columns.
const TRANSFER_BASES: Table<14> = Table {
    file: "transfer-bases.tsv",
    what: "transfer bases",
    columns: [
        "id",
        "kind",
        "jurisdiction",
        "bases",
        "reference",
        "article",
        "adopted",
        "from",
        "until",
        "no_new_from",
        "ended_by",
        "scope",
        "note",
        "source",
    ],
    text: include_str!("../../data/transfer-bases.tsv"),
};

/// The parsed table, or why it could not be parsed.
static TABLE: LazyLock<Result<Vec<Instrument>, TableError>> =
    LazyLock::new(|| parse_table(&TRANSFER_BASES));

spelled_enum! {
    /// What kind of fact a row of the reference table states.
    #[non_exhaustive]
    pub enum InstrumentKind ("instrument kind") {
        /// A member of the European Economic Area: no transfer.
        Eea = "eea",
        /// An adequacy decision (GDPR art. 45), including the ended EU-US
        /// frameworks Safe Harbour and Privacy Shield.
        Adequacy = "adequacy",
        /// A set of standard contractual clauses (GDPR art. 46(2)(c), 46(5)).
        Scc = "scc",
        /// Binding corporate rules (GDPR art. 47).
        Bcr = "bcr",
        /// A derogation for specific situations (GDPR art. 49).
        Derogation = "derogation",
        /// Approved codes of conduct as a transfer tool (GDPR art. 40(3),
        /// 46(2)(e)).
        CodeOfConduct = "code-of-conduct",
        /// Approved certification as a transfer tool (GDPR art. 42(2),
        /// 46(2)(f)).
        Certification = "certification",
        /// Contractual clauses authorised by the supervisory authority (GDPR
        /// art. 46(3)(a)).
        AdHocClauses = "ad-hoc-clauses",
    }
}

spelled_enum! {
    /// How far an instrument reaches.
    #[non_exhaustive]
    pub enum InstrumentScope ("instrument scope") {
        /// Every recipient in the jurisdiction, or every transfer made under it.
        Full = "full",
        /// Only some recipients in the jurisdiction; [`Instrument::note`] says which.
        Limited = "limited",
        /// Only organisations on the framework's list (DPF List, Privacy Shield
        /// List, Safe Harbour).
        Certified = "certified",
        /// Occasional transfers only (the art. 49 derogations).
        Occasional = "occasional",
        /// Only a recipient the competent authority or body decided on: the
        /// code approved and adhered to, the certificate issued, the clauses
        /// authorised. The agreement file records that decision for the
        /// recipient; the transfer rules check it on the date.
        PerRecipient = "per-recipient",
    }
}

/// One row of the reference table `dpa-core/data/transfer-bases.tsv`: a
/// member of the EEA, an adequacy decision, a set of standard contractual
/// clauses, binding corporate rules or a derogation, with its dates and source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instrument {
    line: usize,
    id: &'static str,
    kind: InstrumentKind,
    jurisdiction: Option<&'static str>,
    country: Option<Country>,
    bases: Vec<TransferBasis>,
    reference: &'static str,
    article: Option<&'static str>,
    adopted: Option<Date>,
    from: Option<Date>,
    until: Option<Date>,
    no_new_from: Option<Date>,
    ended_by: Option<&'static str>,
    scope: InstrumentScope,
    note: Option<&'static str>,
    source: &'static str,
}

impl Instrument {
    /// The row's unique, stable name (e.g. `adequacy-GB-2021`, `scc-2021`).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// What kind of fact the row states.
    pub fn kind(&self) -> InstrumentKind {
        self.kind
    }

    /// The jurisdiction as written: an ISO 3166-1 alpha-2 code, or `XX-`
    /// plus a name for an international organisation (`XX-EPO`); `None` for a
    /// tool not tied to a country (SCCs, BCRs, derogations).
    pub fn jurisdiction(&self) -> Option<&'static str> {
        self.jurisdiction
    }

    /// The jurisdiction as a country, when it is one.
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The `transfer_bases` values this row backs (empty for EEA rows).
    pub fn bases(&self) -> &[TransferBasis] {
        &self.bases
    }

    /// The instrument as messages name it, e.g. `Decision (EU) 2021/914`.
    pub fn reference(&self) -> &'static str {
        self.reference
    }

    /// The GDPR (or Directive 95/46/EC) article it rests on.
    pub fn article(&self) -> Option<&'static str> {
        self.article
    }

    /// The date the instrument was adopted.
    pub fn adopted(&self) -> Option<Date> {
        self.adopted
    }

    /// The first day it can be relied on (`None` for EEA rows).
    pub fn from(&self) -> Option<Date> {
        self.from
    }

    /// The first day it can no longer be relied on (exclusive end), if any.
    pub fn until(&self) -> Option<Date> {
        self.until
    }

    /// The first day no new contracts may be concluded on it (the old SCCs):
    /// from then until [`Instrument::until`] it covers only contracts
    /// concluded before.
    pub fn no_new_from(&self) -> Option<Date> {
        self.no_new_from
    }

    /// What ended it (a judgment, a repeal, an expiry), if it ended or ends.
    pub fn ended_by(&self) -> Option<&'static str> {
        self.ended_by
    }

    /// How far it reaches.
    pub fn scope(&self) -> InstrumentScope {
        self.scope
    }

    /// Scope limits, and what is not verified.
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }

    /// Where the fact is published (EUR-Lex, Official Journal, CJEU case).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the instrument can be relied on on `on`: `from` ≤ `on` <
    /// `until` (always, for EEA rows).
    pub fn applies_on(&self, on: Date) -> bool {
        self.from.is_none_or(|f| f <= on) && self.until.is_none_or(|u| on < u)
    }

    /// The citation: article, reference (unless the reference is the GDPR
    /// itself) and, when `with_end`, what ended it.
    pub(crate) fn citation(&self, with_end: bool) -> String {
        let reference = (!self.reference.starts_with("GDPR")).then_some(self.reference);
        let end = self.ended_by.filter(|_| with_end);
        join("", self.article.into_iter().chain(reference).chain(end))
    }
}

/// Every row of the reference table, in file order.
///
/// ```
/// use dpa_core::transfers::instruments;
///
/// let uk: Vec<_> = instruments()?
///     .iter()
///     .filter(|i| i.jurisdiction() == Some("GB"))
///     .collect();
/// assert_eq!(uk.len(), 3); // the 2021 decision, its extension, the renewal
/// assert_eq!(uk[0].reference(), "Decision (EU) 2021/1772");
/// # Ok::<(), dpa_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Internal`](crate::Error::Internal), naming the line of
/// `transfer-bases.tsv`, if the built-in table is malformed (a unit test
/// proves that it is not).
pub fn instruments() -> Result<&'static [Instrument]> {
    TABLE.as_deref().map_err(TableError::to_error)
}

/// Whether a basis is tied to the recipient's country (adequacy and the
/// EU-US frameworks) rather than a tool used anywhere (SCCs, BCRs,
/// derogations).
pub(crate) fn is_country_specific(basis: TransferBasis) -> bool {
    matches!(
        basis,
        TransferBasis::Adequacy
            | TransferBasis::EuUsDpf
            | TransferBasis::PrivacyShield
            | TransferBasis::SafeHarbour
    )
}

// ---------------------------------------------------------------------------
// Parsing the table

fn parse_table(table: &Table<14>) -> Result<Vec<Instrument>, TableError> {
    let rows = table.read(parse_row)?;
    check_rows(&rows).map_err(|(line, message)| table.error(line, message))?;
    Ok(rows)
}

fn parse_basis(s: &str) -> Result<TransferBasis, String> {
    s.parse()
        .map_err(|_| format!("bases: `{s}` is not a transfer basis"))
}

/// One row of the table; [`check_row`] checks what one row can.
fn parse_row(line: usize, fields: [&'static str; 14]) -> Result<Instrument, String> {
    let [
        id,
        kind,
        jurisdiction,
        bases,
        reference,
        article,
        adopted,
        from,
        until,
        no_new_from,
        ended_by,
        scope,
        note,
        source,
    ] = fields;
    let kind: InstrumentKind = kind.parse().map_err(|e| format!("kind: {e}"))?;
    let scope: InstrumentScope = scope.parse().map_err(|e| format!("scope: {e}"))?;
    let jurisdiction = opt(jurisdiction);
    let country = match jurisdiction {
        Some(j) if j.starts_with("XX-") => {
            let name = j.trim_start_matches("XX-");
            if kind != InstrumentKind::Adequacy
                || name.is_empty()
                || !name.bytes().all(|b| b.is_ascii_uppercase())
            {
                return Err(format!(
                    "jurisdiction: `{j}` must be `XX-` and capital letters, on an adequacy row"
                ));
            }
            None
        }
        Some(j) => Some(
            j.parse::<Country>()
                .map_err(|e| format!("jurisdiction: {e}"))?,
        ),
        None => None,
    };
    let bases: Vec<TransferBasis> = match opt(bases) {
        None => Vec::new(),
        Some(list) => list
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(parse_basis)
            .collect::<Result<_, _>>()?,
    };
    let row = Instrument {
        line,
        id,
        kind,
        jurisdiction,
        country,
        bases,
        reference,
        article: opt(article),
        adopted: date(adopted, "adopted")?,
        from: date(from, "from")?,
        until: date(until, "until")?,
        no_new_from: date(no_new_from, "no_new_from")?,
        ended_by: opt(ended_by),
        scope,
        note: opt(note),
        source,
    };
    check_row(&row)?;
    Ok(row)
}

/// The bases a kind of row may back.
fn basis_fits(kind: InstrumentKind, basis: TransferBasis) -> bool {
    use TransferBasis as B;
    match kind {
        InstrumentKind::Eea => false,
        InstrumentKind::Adequacy => is_country_specific(basis),
        InstrumentKind::Scc => matches!(
            basis,
            B::Scc2021
                | B::Scc2021C2c
                | B::Scc2021C2p
                | B::Scc2021P2p
                | B::Scc2021P2c
                | B::Scc2010
                | B::Scc2001
        ),
        InstrumentKind::Bcr => basis == B::Bcr,
        InstrumentKind::CodeOfConduct => basis == B::CodeOfConduct,
        InstrumentKind::Certification => basis == B::Certification,
        InstrumentKind::AdHocClauses => basis == B::AdHocClauses,
        InstrumentKind::Derogation => matches!(
            basis,
            B::DerogationConsent
                | B::DerogationContractWithDataSubject
                | B::DerogationContractInInterest
                | B::DerogationPublicInterest
                | B::DerogationLegalClaims
                | B::DerogationVitalInterests
                | B::DerogationPublicRegister
                | B::DerogationResidual
        ),
    }
}

fn check_row(r: &Instrument) -> Result<(), String> {
    if opt(r.id).is_none() || !r.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!("id: `{}` must be letters, digits and `-`", r.id));
    }
    if opt(r.reference).is_none() || opt(r.source).is_none() {
        return Err("reference and source are required".to_owned());
    }
    if r.kind == InstrumentKind::Eea {
        let Some(c) = r.country else {
            return Err("an eea row needs a country code".to_owned());
        };
        if !c.is_eea() {
            return Err(format!(
                "jurisdiction: {c} is not in the EEA (the definition is `Country::is_eea`)"
            ));
        }
        if !r.bases.is_empty()
            || r.adopted.is_some()
            || r.from.is_some()
            || r.until.is_some()
            || r.no_new_from.is_some()
            || r.ended_by.is_some()
            || r.scope != InstrumentScope::Full
        {
            return Err("an eea row has no bases, dates or end, and scope `full`".to_owned());
        }
        return Ok(());
    }
    if r.bases.is_empty() {
        return Err("bases: at least one basis is required".to_owned());
    }
    if let Some(b) = r.bases.iter().find(|b| !basis_fits(r.kind, **b)) {
        return Err(format!(
            "bases: `{}` does not fit a row of kind `{}`",
            b.as_str(),
            r.kind.as_str()
        ));
    }
    if (r.kind == InstrumentKind::Adequacy) != r.jurisdiction.is_some() {
        return Err("jurisdiction: required on adequacy rows, `-` on the others".to_owned());
    }
    if r.article.is_none() {
        return Err("article: required".to_owned());
    }
    let per_recipient = matches!(
        r.kind,
        InstrumentKind::CodeOfConduct
            | InstrumentKind::Certification
            | InstrumentKind::AdHocClauses
    );
    let scope_ok = match r.scope {
        InstrumentScope::Full => r.kind != InstrumentKind::Derogation && !per_recipient,
        InstrumentScope::Limited | InstrumentScope::Certified => r.kind == InstrumentKind::Adequacy,
        InstrumentScope::Occasional => r.kind == InstrumentKind::Derogation,
        InstrumentScope::PerRecipient => per_recipient,
    };
    if !scope_ok {
        return Err(format!(
            "scope: `{}` does not fit a row of kind `{}`",
            r.scope.as_str(),
            r.kind.as_str()
        ));
    }
    let (Some(adopted), Some(from)) = (r.adopted, r.from) else {
        return Err("adopted and from: both required".to_owned());
    };
    if adopted > from {
        return Err("adopted: after `from`".to_owned());
    }
    if let Some(until) = r.until
        && until <= from
    {
        return Err("until: not after `from`".to_owned());
    }
    if r.until.is_some() != r.ended_by.is_some() {
        return Err("ended_by: required exactly when `until` is given".to_owned());
    }
    if let Some(closed) = r.no_new_from {
        let Some(until) = r.until else {
            return Err("no_new_from: needs `until`".to_owned());
        };
        if closed <= from || closed > until {
            return Err("no_new_from: must be after `from` and not after `until`".to_owned());
        }
    }
    Ok(())
}

/// What the rows must be together: the line of the first row that breaks a
/// rule, and which rule.
fn check_rows(rows: &[Instrument]) -> Result<(), (usize, String)> {
    let fail = |r: &Instrument, message: String| (r.line, message);
    for (i, r) in rows.iter().enumerate() {
        if let Some(p) = rows[..i].iter().find(|p| p.id == r.id) {
            return Err(fail(r, format!("id `{}` also on line {}", r.id, p.line)));
        }
        if r.kind == InstrumentKind::Eea
            && let Some(p) = rows[..i]
                .iter()
                .find(|p| p.kind == InstrumentKind::Eea && p.country == r.country)
        {
            return Err(fail(
                r,
                format!("EEA member listed twice (also on line {})", p.line),
            ));
        }
        if r.kind == InstrumentKind::Adequacy
            && let Some(c) = r.country
            && c.is_eea()
        {
            return Err(fail(
                r,
                format!("{c} is in the EEA and needs no adequacy decision"),
            ));
        }
        // Rows backing the same basis for the same jurisdiction must not overlap.
        if r.kind == InstrumentKind::Adequacy {
            for p in rows[..i].iter().filter(|p| {
                p.kind == InstrumentKind::Adequacy
                    && p.jurisdiction == r.jurisdiction
                    && p.bases.iter().any(|b| r.bases.contains(b))
            }) {
                let (Some(rf), Some(pf)) = (r.from, p.from) else {
                    continue;
                };
                let r_before_p = r.until.is_some_and(|u| u <= pf);
                let p_before_r = p.until.is_some_and(|u| u <= rf);
                if !r_before_p && !p_before_r {
                    return Err(fail(
                        r,
                        format!(
                            "overlaps `{}` (line {}) for {}: {} to {}",
                            p.id,
                            p.line,
                            p.jurisdiction.unwrap_or("-"),
                            show_date(p.from),
                            show_date(p.until)
                        ),
                    ));
                }
            }
        }
    }
    if let Some(b) = TransferBasis::ALL.iter().find(|b| {
        **b != TransferBasis::SccEditionNotStated && !rows.iter().any(|r| r.bases.contains(b))
    }) {
        let last = rows.last().map_or(0, |r| r.line);
        return Err((last, format!("no row backs the basis `{}`", b.as_str())));
    }
    if let Some(c) = Country::all().find(|c| {
        c.is_eea()
            && !rows
                .iter()
                .any(|r| r.kind == InstrumentKind::Eea && r.country == Some(*c))
    }) {
        let last = rows.last().map_or(0, |r| r.line);
        return Err((
            last,
            format!("the EEA member {c} (`Country::is_eea`) has no eea row"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use time::macros::date;

    fn rows() -> &'static [Instrument] {
        match &*TABLE {
            Ok(rows) => rows,
            Err(e) => panic!("{}", e.to_error()),
        }
    }

    fn row(id: &str) -> &'static Instrument {
        rows()
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    /// A plain reading of the file, independent of the parser.
    fn raw_rows() -> Vec<Vec<&'static str>> {
        TRANSFER_BASES
            .text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("id\t"))
            .map(|l| l.split('\t').collect())
            .collect()
    }

    #[test]
    fn every_row_parses_and_is_consistent() {
        let rows = rows();
        let raw = raw_rows();
        assert_eq!(rows.len(), raw.len());
        for (r, fields) in rows.iter().zip(&raw) {
            assert_eq!(fields.len(), 14, "{fields:?}");
            assert_eq!(r.id, fields[0]);
            assert!(
                r.source.contains("CELEX")
                    || r.source.contains("OJ ")
                    || r.source.contains("TEU")
                    || r.source.contains("EEA Agreement")
                    || r.source.contains("Commission implementing decision"),
                "{}: the source names no official publication",
                r.id
            );
            assert!(!r.source.contains("shared"), "{}", r.id);
            if let (Some(a), Some(f)) = (r.adopted, r.from) {
                assert!(a <= f, "{}", r.id);
            }
            if let (Some(f), Some(u)) = (r.from, r.until) {
                assert!(f < u, "{}", r.id);
            }
        }
        assert!(check_rows(rows).is_ok());
        assert!(instruments().is_ok());
    }

    /// The eea rows are exactly the members of `Country::is_eea` (the one
    /// definition of the EEA), each with its source.
    #[test]
    fn eea_matches_values() {
        let from_table: Vec<&str> = rows()
            .iter()
            .filter(|r| r.kind == InstrumentKind::Eea)
            .filter_map(|r| r.jurisdiction)
            .collect();
        assert_eq!(from_table.len(), 30);
        let mut from_values: Vec<&str> = Country::all()
            .filter(|c| c.is_eea())
            .map(Country::as_str)
            .collect();
        let mut sorted = from_table.clone();
        sorted.sort_unstable();
        from_values.sort_unstable();
        assert_eq!(sorted, from_values);
        assert!(from_table.contains(&"GR"));
        assert!(!from_table.contains(&"GB"));
        assert!(!from_table.contains(&"CH"));
    }

    #[test]
    fn adequacy_rows() {
        let adequacy: Vec<&str> = rows()
            .iter()
            .filter(|r| {
                r.kind == InstrumentKind::Adequacy && r.bases.contains(&TransferBasis::Adequacy)
            })
            .filter_map(|r| r.jurisdiction)
            .collect();
        for j in [
            "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "US",
            "UY", "BR", "XX-EPO",
        ] {
            assert!(adequacy.contains(&j), "{j}");
        }
        assert_eq!(adequacy.len(), 19); // GB has three rows
        let limited: Vec<&str> = rows()
            .iter()
            .filter(|r| r.scope == InstrumentScope::Limited)
            .filter_map(|r| r.jurisdiction)
            .collect();
        assert_eq!(limited, ["CA", "FO", "IL", "JP", "KR", "UY"]);
        assert_eq!(row("adequacy-XX-EPO").country(), None);
        assert_eq!(row("adequacy-US-dpf").from(), Some(date!(2023 - 07 - 10)));
        assert_eq!(row("adequacy-BR").from(), Some(date!(2026 - 01 - 26)));
    }

    #[test]
    fn uk_chain_is_contiguous() {
        let gb: Vec<&Instrument> = rows()
            .iter()
            .filter(|r| r.jurisdiction == Some("GB"))
            .collect();
        assert_eq!(gb.len(), 3);
        assert_eq!(gb[0].from, Some(date!(2021 - 06 - 28)));
        for w in gb.windows(2) {
            assert_eq!(w[0].until, w[1].from, "{} -> {}", w[0].id, w[1].id);
        }
        assert_eq!(gb[0].until, Some(date!(2025 - 06 - 27)));
        assert_eq!(gb[1].until, Some(date!(2025 - 12 - 27)));
        assert_eq!(gb[2].until, Some(date!(2031 - 12 - 27)));
        assert!(gb[1].note.is_some_and(|n| n.contains("not verified")));
        assert!(gb[2].note.is_some_and(|n| n.contains("not verified")));
    }

    #[test]
    fn ended_frameworks_and_old_sccs() {
        let sh = row("ended-safe-harbour");
        assert_eq!(sh.until, Some(date!(2015 - 10 - 06)));
        assert!(sh.ended_by.is_some_and(|e| e.contains("C-362/14")));
        let ps = row("ended-privacy-shield");
        assert_eq!(ps.from, Some(date!(2016 - 08 - 01)));
        assert_eq!(ps.until, Some(date!(2020 - 07 - 16)));
        assert!(ps.ended_by.is_some_and(|e| e.contains("C-311/18")));
        for id in ["scc-2001", "scc-2004", "scc-2010"] {
            let r = row(id);
            assert_eq!(r.no_new_from, Some(date!(2021 - 09 - 27)), "{id}");
            assert_eq!(r.until, Some(date!(2022 - 12 - 27)), "{id}");
        }
        assert_eq!(row("scc-2021").from, Some(date!(2021 - 06 - 27)));
        assert_eq!(row("bcr").from, Some(date!(2018 - 05 - 25)));
    }

    #[test]
    fn every_basis_has_a_row() {
        for &b in TransferBasis::ALL {
            assert_eq!(parse_basis(b.as_str()), Ok(b));
            if b != TransferBasis::SccEditionNotStated {
                assert!(
                    rows().iter().any(|r| r.bases.contains(&b)),
                    "{}",
                    b.as_str()
                );
            }
        }
    }

    #[test]
    fn citations() {
        assert_eq!(
            row("scc-2010").citation(true),
            "GDPR art. 46(5); Decision 2010/87/EU; Decision (EU) 2021/914 art. 4: repealed with effect from 27 September 2021; contracts concluded before then valid until 27 December 2022"
        );
        assert_eq!(
            row("scc-2010").citation(false),
            "GDPR art. 46(5); Decision 2010/87/EU"
        );
        // A reference that is the GDPR itself is not repeated.
        assert_eq!(row("bcr").citation(false), "GDPR art. 46(2)(b), 47");
    }

    /// The table with `rows` under the header, as a `'static` text (as the
    /// embedded file is).
    fn parse_with_header(rows: &str) -> Result<Vec<Instrument>, TableError> {
        let header = TRANSFER_BASES.columns.join("\t");
        let text: &'static str = Box::leak(format!("# comment\n{header}\n{rows}").into_boxed_str());
        parse_table(&Table {
            text,
            ..TRANSFER_BASES
        })
    }

    #[test]
    fn malformed_tables_are_errors_not_panics() {
        let cases = [
            (
                "x\tadequacy\tZZ\tadequacy\tD\tGDPR art. 45\t2020-01-01\t2020-01-01\t-\t-\t-\tfull\t-\tOJ",
                "jurisdiction",
            ),
            (
                "x\tscc\t-\tscc-2021\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t2021-01-01\t-\tx\tfull\t-\tOJ",
                "until",
            ),
            (
                "x\tscc\t-\tscc-2099\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t-\t-\t-\tfull\t-\tOJ",
                "not a transfer basis",
            ),
            (
                "x\tscc\t-\tscc-2021\tD\tGDPR art. 46\t2021-02-30\t2021-06-27\t-\t-\t-\tfull\t-\tOJ",
                "adopted",
            ),
            (
                "x\tscc\t-\tscc-2021\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t-\t-\t-\tfull\t-",
                "columns",
            ),
            (
                "x\ttreaty\t-\tscc-2021\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t-\t-\t-\tfull\t-\tOJ",
                "kind: unknown instrument kind `treaty`",
            ),
            (
                "x\tscc\t-\tadequacy\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t-\t-\t-\tfull\t-\tOJ",
                "does not fit",
            ),
            (
                "x\teea\tCH\t-\tD\t-\t-\t-\t-\t-\t-\tfull\t-\tOJ",
                "CH is not in the EEA",
            ),
            (
                "x\teea\tNL\t-\tD\t-\t-\t-\t-\t-\t-\tfull\t-\tOJ\ny\teea\tNL\t-\tD\t-\t-\t-\t-\t-\t-\tfull\t-\tOJ",
                "EEA member listed twice",
            ),
            (
                "x\tadequacy\tNO\tadequacy\tD\tGDPR art. 45\t2000-07-26\t2000-07-26\t-\t-\t-\tfull\t-\tOJ",
                "NO is in the EEA and needs no adequacy decision",
            ),
            (
                "x\tadequacy\tCH\tadequacy\tD\tGDPR art. 45\t2000-07-26\t2000-07-26\t-\t-\t-\tfull\t-\tOJ\ny\tadequacy\tCH\tadequacy\tD\tGDPR art. 45\t2010-07-26\t2010-07-26\t-\t-\t-\tfull\t-\tOJ",
                "overlaps",
            ),
            (
                "x\tscc\t-\tscc-2021\tD\tGDPR art. 46\t2021-06-04\t2021-06-27\t-\t-\t-\tfull\t-\tOJ",
                "no row backs",
            ),
        ];
        for (rows, expected) in cases {
            let err = parse_with_header(rows).unwrap_err();
            assert!(err.message.contains(expected), "{expected}: {err:?}");
            assert!(err.line >= 3, "{err:?}");
        }
        // Every EEA member needs its row (with its source).
        let without_nl: String = TRANSFER_BASES
            .text
            .lines()
            .filter(|l| !l.starts_with("eea-NL\t"))
            .map(|l| format!("{l}\n"))
            .collect();
        let err = parse_table(&Table {
            text: Box::leak(without_nl.into_boxed_str()),
            ..TRANSFER_BASES
        })
        .unwrap_err();
        assert!(err.message.contains("EEA member NL"), "{err:?}");
        // What the public functions would return for a broken table: an
        // internal error (the library's defect), not a user's invalid input.
        let err = parse_with_header("x\tbad").unwrap_err().to_error();
        assert!(matches!(err, Error::Internal(_)), "{err:?}");
        assert_eq!(err.path(), None);
        let text = err.to_string();
        assert!(text.starts_with("internal error: "), "{text}");
        assert!(
            text.contains(
                "the built-in table of transfer bases is malformed: transfer-bases.tsv line 3"
            ),
            "{text}"
        );
    }
}
