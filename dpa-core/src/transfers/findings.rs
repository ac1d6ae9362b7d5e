//! The transfer findings: what the assessment of one sub-processor's
//! transfers reports, each citing the sub-processor's place in the statement
//! and the articles, decisions and judgments the bases rest on.

use std::collections::{HashMap, HashSet};

use time::Date;

use super::{BasisAssessment, BasisStatus, TransferAssessment, TransferVerdict};
use crate::citation::cite;
use crate::finding::{Finding, FindingCode};
use crate::model::{SubProcessor, TransferBasis};
use crate::values::{Country, iso_date};

/// The sub-processor the findings are about.
struct Subject<'a> {
    /// Its assessment.
    a: &'a TransferAssessment,
    /// Its entry in the statement.
    sp: &'a SubProcessor,
    /// Its path in the file, `statement.sub_processors[i]`.
    path: String,
}

impl Subject<'_> {
    /// The sub-processor's name as listed.
    fn name(&self) -> &str {
        &self.a.name
    }

    /// The path of one of its fields.
    fn field(&self, field: &str) -> Option<String> {
        Some(format!("{}.{field}", self.path))
    }

    /// Where the statement lists it (its clause references), then `parts`.
    fn cite<'p>(&self, parts: impl IntoIterator<Item = &'p str>) -> String {
        cite(&self.sp.source, parts)
    }
}

/// The findings for one sub-processor on `on`, in this order: `non-eea-seat`;
/// then, if data goes outside the EEA, `transfer-without-basis` alone, or
/// `dpf-not-certified` (per country), `transfer-basis-invalid`,
/// `dpf-certification-unconfirmed` (per country), the caveat warnings and
/// `transfer-covered`.
pub(super) fn findings(a: &TransferAssessment, sp: &SubProcessor, on: Date) -> Vec<Finding> {
    let s = Subject {
        a,
        sp,
        path: format!("statement.sub_processors[{}]", a.index),
    };
    let mut out: Vec<Finding> = non_eea_seat(&s).into_iter().collect();
    match &a.verdict {
        TransferVerdict::LocationsNotStated | TransferVerdict::NoTransfer => return out,
        TransferVerdict::NoBasisClaimed => {
            out.push(without_basis(&s));
            return out;
        }
        TransferVerdict::Covered { .. } | TransferVerdict::NotCovered { .. } => {}
    }
    let by_country = by_country(&s);
    out.extend(by_country.not_certified);
    if !by_country.uncovered.is_empty() {
        out.push(basis_invalid(&s, &by_country.uncovered, on));
    }
    out.extend(by_country.unconfirmed);
    out.extend(caveats(&s));
    if let TransferVerdict::Covered { .. } = a.verdict {
        out.push(covered(&s));
    }
    out
}

/// `non-eea-seat`: seated outside the EEA, in a country that is neither a
/// processing location nor one the data may be accessed from
/// (docs/rules.md, "Transfers").
fn non_eea_seat(s: &Subject<'_>) -> Option<Finding> {
    let seat = s.a.seat.filter(|_| s.a.non_eea_seat)?;
    let locations: Vec<&str> = s.sp.locations.iter().map(|l| l.as_str()).collect();
    Some(Finding::new(
        FindingCode::NonEeaSeat,
        format!(
            "sub-processor `{}` has its seat in {seat}, outside the EEA, and processes data in {}; the law of {seat} may still reach the data, and the file does not say whether the data may be accessed from {seat} (`access_from`)",
            s.name(),
            locations.join(", ")
        ),
        s.cite(["GDPR art. 44, 48"]),
        s.field("seat"),
    ))
}

/// `transfer-without-basis`: data goes outside the EEA and no basis is claimed.
fn without_basis(s: &Subject<'_>) -> Finding {
    Finding::new(
        FindingCode::TransferWithoutBasis,
        format!(
            "sub-processor `{}` {} (outside the EEA) and no transfer basis is stated",
            s.name(),
            reach(s.a)
        ),
        s.cite(["GDPR art. 44-46"]),
        s.field("transfer_bases"),
    )
}

/// What the claims come to, country by country outside the EEA.
struct ByCountry {
    /// `dpf-not-certified`: the DPF claimed for a recipient not marked
    /// certified, and no other claimed basis covers the country.
    not_certified: Vec<Finding>,
    /// `dpf-certification-unconfirmed`: the same claim, but another claimed
    /// basis covers the country.
    unconfirmed: Vec<Finding>,
    /// The countries no claimed basis covers, the DPF aside.
    uncovered: Vec<Country>,
}

/// Sorts each country outside the EEA by what its claimed bases come to.
/// Each country is looked up in an index of the valid entries and the DPF
/// claims, so the work is linear in the countries and the entries.
fn by_country(s: &Subject<'_>) -> ByCountry {
    let mut out = ByCountry {
        not_certified: Vec::new(),
        unconfirmed: Vec::new(),
        uncovered: Vec::new(),
    };
    let any_tool_valid = s.a.bases.iter().any(|b| b.valid && b.countries.is_empty());
    // Only the valid entries and the DPF claims are looked up per country,
    // and both are few (one per country the table names at the most).
    let mut by_country: HashMap<Country, Vec<&BasisAssessment>> = HashMap::new();
    for b in
        s.a.bases
            .iter()
            .filter(|b| b.valid || b.status == BasisStatus::RecipientNotCertified)
    {
        for &c in &b.countries {
            by_country.entry(c).or_default().push(b);
        }
    }
    for c in s.a.third_countries() {
        let here = by_country.get(&c).map_or(&[][..], Vec::as_slice);
        let dpf = here
            .iter()
            .copied()
            .find(|b| b.status == BasisStatus::RecipientNotCertified);
        let covered = any_tool_valid || here.iter().any(|b| b.valid);
        match (dpf, covered) {
            (Some(d), covered) => {
                // Every basis assessed for `c`, in the order claimed.
                let bs: Vec<&BasisAssessment> =
                    s.a.bases
                        .iter()
                        .filter(|b| b.countries.is_empty() || b.countries.contains(&c))
                        .collect();
                if covered {
                    out.unconfirmed.push(dpf_unconfirmed(s, c, d, &bs));
                } else {
                    out.not_certified.push(dpf_not_certified(s, c, d, &bs));
                }
            }
            (None, false) => out.uncovered.push(c),
            (None, true) => {}
        }
    }
    out
}

/// `dpf-certification-unconfirmed` for the DPF claim `d` on `c`, covered by
/// the other bases in `bs`.
fn dpf_unconfirmed(
    s: &Subject<'_>,
    c: Country,
    d: &BasisAssessment,
    bs: &[&BasisAssessment],
) -> Finding {
    Finding::new(
        FindingCode::DpfCertificationUnconfirmed,
        format!(
            "sub-processor `{}` claims the EU-US Data Privacy Framework (`{}`) but is not marked `dpf_certified`; the transfer to {c} is covered by {} instead",
            s.name(),
            d.basis.as_str(),
            join_and(&covering(bs))
        ),
        s.cite([d.citation.as_str()]),
        s.field("dpf_certified"),
    )
}

/// `dpf-not-certified` for the DPF claim `d` on `c`, with why each other
/// basis in `bs` does not cover it.
fn dpf_not_certified(
    s: &Subject<'_>,
    c: Country,
    d: &BasisAssessment,
    bs: &[&BasisAssessment],
) -> Finding {
    let others: Vec<String> = bs
        .iter()
        .filter(|b| b.status != BasisStatus::RecipientNotCertified)
        .map(|b| format!("`{}`: {}", b.basis.as_str(), b.reason))
        .collect();
    let mut message = format!(
        "sub-processor `{}` relies on the EU-US Data Privacy Framework (`{}`) for {c}, but is not marked `dpf_certified` (on the DPF List), and no other claimed basis covers the transfer",
        s.name(),
        d.basis.as_str()
    );
    if !others.is_empty() {
        message.push_str(&format!("; {}", others.join("; ")));
    }
    Finding::new(
        FindingCode::DpfNotCertified,
        message,
        s.cite(bs.iter().map(|b| b.citation.as_str())),
        s.field("dpf_certified"),
    )
}

/// `transfer-basis-invalid`: no claimed basis is valid on `on` for
/// `countries`, with each distinct reason.
fn basis_invalid(s: &Subject<'_>, countries: &[Country], on: Date) -> Finding {
    let mut reasons: Vec<String> = Vec::new();
    let mut citations: Vec<&str> = vec!["GDPR art. 44"];
    let wanted: HashSet<Country> = countries.iter().copied().collect();
    for b in
        s.a.bases
            .iter()
            .filter(|b| b.countries.is_empty() || b.countries.iter().any(|c| wanted.contains(c)))
    {
        let r = format!("`{}`: {}", b.basis.as_str(), b.reason);
        if !reasons.contains(&r) {
            reasons.push(r);
        }
        citations.push(b.citation.as_str());
    }
    Finding::new(
        FindingCode::TransferBasisInvalid,
        format!(
            "sub-processor `{}` transfers data to {}; none of the bases claimed is valid on {}: {}",
            s.name(),
            destinations(s.a, countries),
            iso_date::format(on),
            reasons.join("; ")
        ),
        s.cite(citations),
        s.field("transfer_bases"),
    )
}

/// The caveat warnings of the valid bases, once per claimed basis and caveat.
fn caveats(s: &Subject<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for b in s.a.bases.iter().filter(|b| b.valid) {
        for &caveat in &b.caveats {
            if seen.contains(&(b.index, caveat)) {
                continue;
            }
            seen.push((b.index, caveat));
            out.push(Finding::new(
                caveat.code(),
                format!(
                    "sub-processor `{}` relies on `{}`: {}",
                    s.name(),
                    b.basis.as_str(),
                    b.reason
                ),
                s.cite([b.citation.as_str()]),
                s.field(&format!("transfer_bases[{}]", b.index)),
            ));
        }
    }
    out
}

/// `transfer-covered`: every country outside the EEA is covered.
fn covered(s: &Subject<'_>) -> Finding {
    let all: Vec<&BasisAssessment> = s.a.bases.iter().collect();
    Finding::new(
        FindingCode::TransferCovered,
        format!(
            "sub-processor `{}` transfers data to {}; covered by {}",
            s.name(),
            destinations(s.a, &s.a.third_countries().collect::<Vec<_>>()),
            join_and(&covering(&all))
        ),
        s.cite(
            s.a.bases
                .iter()
                .filter(|b| b.valid)
                .map(|b| b.citation.as_str()),
        ),
        Some(s.path.clone()),
    )
}

/// `processes data in IN`, `may be accessed from US`, or both joined by
/// `and`: how the data reaches the countries outside the EEA.
fn reach(a: &TransferAssessment) -> String {
    let mut parts = Vec::new();
    if !a.outside_eea.is_empty() {
        parts.push(format!(
            "processes data in {}",
            join_countries(&a.outside_eea)
        ));
    }
    if !a.access_from.is_empty() {
        parts.push(format!(
            "may be accessed from {}",
            join_countries(&a.access_from)
        ));
    }
    parts.join(" and ")
}

/// `IN, US (access from there)`: `countries`, each reached only by access
/// marked so.
fn destinations(a: &TransferAssessment, countries: &[Country]) -> String {
    countries
        .iter()
        .map(|c| {
            if a.access_from.contains(c) {
                format!("{c} (access from there)")
            } else {
                c.as_str().to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `US, GB`.
fn join_countries(cs: &[Country]) -> String {
    cs.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `basis (reference, ...)` for each basis valid in `bs`, in claimed order,
/// naming each instrument relied on once.
fn covering(bs: &[&BasisAssessment]) -> Vec<String> {
    let mut grouped: Vec<(TransferBasis, Vec<&str>)> = Vec::new();
    for b in bs.iter().filter(|b| b.valid) {
        let pos = match grouped.iter().position(|(basis, _)| *basis == b.basis) {
            Some(pos) => pos,
            None => {
                grouped.push((b.basis, Vec::new()));
                grouped.len() - 1
            }
        };
        if let Some(r) = b.reference.as_deref()
            && !grouped[pos].1.contains(&r)
        {
            grouped[pos].1.push(r);
        }
    }
    grouped
        .into_iter()
        .map(|(basis, refs)| {
            if refs.is_empty() {
                basis.as_str().to_owned()
            } else {
                format!("{} ({})", basis.as_str(), refs.join(", "))
            }
        })
        .collect()
}

/// `sub-processors-by-reference`: the statement keeps its list at an
/// address outside the agreement; see [`super::by_reference_finding`].
pub(super) fn by_reference(agreement: &crate::Agreement) -> Option<Finding> {
    let s = &agreement.statement;
    // A list the statement does not state (issue 15 point 2): nothing to
    // check transfers against, and clause 2.8.1 / 8.1 ("heeft in het Data
    // Pro Statement vermeld of, en zo ja welke derde partijen") is not
    // followed.
    if let Some(l) = s
        .sub_processor_list
        .as_ref()
        .filter(|l| l.provenance.is_not_stated())
    {
        return Some(Finding::new(
            FindingCode::SubProcessorsNotStated,
            "the statement does not state its sub-processors (whether it engages any, who, where they process, on what basis): transfers outside the EEA cannot be checked, and the GDPR art. 28(2) and 28(4) items (authorisation, notice of changes, the same obligations for sub-processors) rest on an unknown list".to_owned(),
            cite(&l.source, ["GDPR art. 28(2), 28(4), 44-46"]),
            Some("statement.sub_processor_list.provenance".to_owned()),
        ));
    }
    let r = s.sub_processors_by_reference.as_ref()?;
    let message = match s.sub_processors.len() {
        0 => format!(
            "the statement keeps its sub-processors by reference ({}) and lists none itself: who they are, where they process and on what basis is not in the agreement, so their transfers outside the EEA cannot be checked",
            crate::values::Text::as_str(&r.address)
        ),
        n => format!(
            "the statement lists {n} sub-processor(s) and keeps its complete list by reference ({}): transfers of sub-processors named only there cannot be checked",
            crate::values::Text::as_str(&r.address)
        ),
    };
    Some(Finding::new(
        FindingCode::SubProcessorsByReference,
        message,
        cite(&r.source, ["GDPR art. 28(2), 44-46"]),
        Some("statement.sub_processors_by_reference".to_owned()),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::transfer_findings;
    use crate::finding::{Finding, FindingCode, Severity};
    use crate::model::Agreement;
    use time::macros::date;

    fn load(name: &str) -> Agreement {
        let path = format!(
            "{}/../examples/agreements/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        Agreement::from_toml(&text).unwrap()
    }

    /// Source: Alles Online DPS 8 ("standaardbepalingen (Standard
    /// Contractual Clauses, SCC's) afgesloten en/of ... EU-VS Data Privacy
    /// Framework") and DPS 9 ("DPF/SCC's"): no SCC edition is named, so each
    /// US sub-processor relies on `scc-edition-not-stated` and is warned.
    #[test]
    fn alles_online_findings() {
        let a = load("alles-online.toml");
        let findings = transfer_findings(&a, date!(2026 - 11 - 23));
        assert!(
            findings.iter().all(|f| f.severity != Severity::Error),
            "{findings:#?}"
        );
        let covered: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == FindingCode::TransferCovered)
            .collect();
        assert_eq!(covered.len(), 4);
        assert_eq!(
            covered[0].message,
            "sub-processor `Mailgun` transfers data to US; covered by scc-edition-not-stated (Decision (EU) 2021/914)"
        );
        assert_eq!(
            covered[0].citation,
            "DPS 8, DPS 9; GDPR art. 46(2)(c); Decision (EU) 2021/914"
        );
        assert_eq!(
            findings
                .iter()
                .filter(|f| f.code == FindingCode::DpfCertificationUnconfirmed)
                .count(),
            4
        );
        let editions: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == FindingCode::SccEditionNotStated)
            .collect();
        assert_eq!(editions.len(), 4);
        assert_eq!(
            editions[0].path.as_deref(),
            Some("statement.sub_processors[3].transfer_bases[1]")
        );
        assert_eq!(findings.len(), 12);
    }

    /// Source: Belco DPS 1.8 ("binnen en soms buiten de EU/EER") and the
    /// N.B. under the tables of DPS 1.9 (SCCs with the sub-processors "uit
    /// Amerika", data not routed through America): the ten US-seated
    /// sub-processors may reach the data from the US, a transfer covered by
    /// SCCs of an edition the statement does not name.
    #[test]
    fn belco_findings() {
        let a = load("belco.toml");
        let findings = transfer_findings(&a, date!(2026 - 11 - 23));
        assert_eq!(findings.len(), 20);
        assert!(!findings.iter().any(|f| f.code == FindingCode::NonEeaSeat));
        for pair in findings.chunks(2) {
            assert_eq!(pair[0].code, FindingCode::SccEditionNotStated);
            assert_eq!(pair[1].code, FindingCode::TransferCovered);
        }
        assert_eq!(
            findings[1].message,
            "sub-processor `Amazon, Inc.` transfers data to US (access from there); covered by scc-edition-not-stated (Decision (EU) 2021/914)"
        );
        assert_eq!(
            findings[1].citation,
            "DPS 1.8, DPS 1.9; GDPR art. 46(2)(c); Decision (EU) 2021/914"
        );
        assert_eq!(
            findings[0].path.as_deref(),
            Some("statement.sub_processors[1].transfer_bases[0]")
        );
    }
}
