//! The transfer tools that rest on a decision about the recipient: an
//! approved code of conduct (GDPR art. 46(2)(e)), an approved certification
//! (art. 46(2)(f)) and ad hoc clauses the supervisory authority authorised
//! (art. 46(3)(a)). The table's row says from when the GDPR offers the
//! tool; the sub-processor's entry in the file (`code_of_conduct`,
//! `transfer_certification`, `ad_hoc_clauses`) says which code, certificate
//! or authorisation; this module checks that entry on the date. The rules in
//! words are in the [module documentation](super).

use time::Date;

use super::assess::{Ctx, Outcome};
use super::{BasisStatus, Caveat};
use crate::calendar::add_months;
use crate::citation::cite;
use crate::model::{Approval, TransferBasis};
use crate::sources::transfer_bases::{Instrument, InstrumentKind};
use crate::values::{ClauseRef, MonthRule, iso_date};

/// The outcome for a tool whose row `r` is in force on the date, if `r` is
/// one of the tools of this module.
pub(super) fn assess(ctx: &Ctx<'_>, r: &Instrument) -> Option<Outcome> {
    match r.kind() {
        InstrumentKind::CodeOfConduct => Some(code_of_conduct(ctx, r)),
        InstrumentKind::Certification => Some(certification(ctx, r)),
        InstrumentKind::AdHocClauses => Some(ad_hoc_clauses(ctx, r)),
        InstrumentKind::Eea
        | InstrumentKind::Adequacy
        | InstrumentKind::Scc
        | InstrumentKind::Bcr
        | InstrumentKind::Derogation => None,
    }
}

/// The rules an entry fails on the date, in the order they are checked.
#[derive(Default)]
struct Failures(Vec<(BasisStatus, String)>);

impl Failures {
    fn push(&mut self, status: BasisStatus, reason: String) {
        self.0.push((status, reason));
    }

    /// The outcome: the first failing rule's status and every reason; or,
    /// when none fails, valid with `valid_reason` and `caveats`.
    fn outcome(
        self,
        reference: String,
        valid_reason: String,
        citation: String,
        caveats: Vec<Caveat>,
    ) -> Outcome {
        let Some(&(status, _)) = self.0.first() else {
            return Outcome {
                status: BasisStatus::Valid,
                reference: Some(reference),
                reason: valid_reason,
                citation,
                caveats,
            };
        };
        let reasons: Vec<String> = self.0.into_iter().map(|(_, r)| r).collect();
        Outcome {
            status,
            reference: Some(reference),
            reason: reasons.join("; "),
            citation,
            caveats: Vec::new(),
        }
    }
}

/// The citation of an entry: its own `source` references that the
/// sub-processor's do not already give (those head every finding about it),
/// then the row's articles.
fn citation(ctx: &Ctx<'_>, source: &[ClauseRef], r: &Instrument) -> String {
    let own: Vec<ClauseRef> = source
        .iter()
        .filter(|c| !ctx.sp.source.contains(c))
        .cloned()
        .collect();
    cite(&own, [r.citation(false).as_str()])
}

/// A basis claimed without the entry it rests on.
fn not_stated(r: &Instrument, basis: TransferBasis, field: &str, needed: &str) -> Outcome {
    Outcome {
        status: BasisStatus::DetailsNotStated,
        reference: None,
        reason: format!(
            "`{}` is claimed, but the file does not record it (`{field}`): {needed}",
            basis.as_str()
        ),
        citation: r.citation(false),
        caveats: Vec::new(),
    }
}

fn day(d: Date) -> String {
    iso_date::format(d)
}

/// `by X on D (reference)`.
fn decided(a: &Approval) -> String {
    match &a.reference {
        Some(r) => format!("by {} on {} ({r})", a.by, day(a.on)),
        None => format!("by {} on {}", a.by, day(a.on)),
    }
}

/// An approved code of conduct (art. 40(3), 40(5), 40(9), 46(2)(e)).
fn code_of_conduct(ctx: &Ctx<'_>, r: &Instrument) -> Outcome {
    let name = ctx.sp.name.as_str();
    let Some(c) = &ctx.sp.code_of_conduct else {
        return not_stated(
            r,
            TransferBasis::CodeOfConduct,
            "code_of_conduct",
            "a code approved by the competent supervisory authority (GDPR art. 40(5)) and of general validity within the Union (art. 40(9)), and the recipient's binding and enforceable commitments to apply it (art. 40(3), 46(2)(e))",
        );
    };
    let on = ctx.on;
    let what = format!("code of conduct `{}`", c.name);
    let mut f = Failures::default();
    match &c.approval {
        None => f.push(
            BasisStatus::NotApproved,
            format!("{what} is not approved by a supervisory authority (GDPR art. 40(5))"),
        ),
        Some(a) if a.on > on => f.push(
            BasisStatus::NotYetInForce,
            format!("{what} is approved by {} only from {}", a.by, day(a.on)),
        ),
        Some(_) => {}
    }
    match &c.general_validity {
        None => f.push(
            BasisStatus::NotApproved,
            format!(
                "{what} has no general validity within the Union (GDPR art. 40(9)), which a code needs to be relied on for transfers (art. 40(3))"
            ),
        ),
        Some(g) if g.on > on => f.push(
            BasisStatus::NotYetInForce,
            format!(
                "{what} has general validity within the Union ({}) only from {}",
                g.by,
                day(g.on)
            ),
        ),
        Some(_) => {}
    }
    if let Some(w) = c.withdrawn_on
        && w <= on
    {
        f.push(
            BasisStatus::NoLongerInForce,
            format!(
                "{what} can no longer be relied on for `{name}` from {}",
                day(w)
            ),
        );
    }
    if !c.importer_commitments {
        f.push(
            BasisStatus::NoBindingCommitments,
            format!(
                "`{name}` has made no binding and enforceable commitments to apply the code's safeguards (GDPR art. 40(3), 46(2)(e))"
            ),
        );
    }
    let valid = match (&c.approval, &c.general_validity) {
        (Some(a), Some(g)) => format!(
            "{what}, approved {}, of general validity {}, with `{name}`'s binding and enforceable commitments, applies on {}",
            decided(a),
            decided(g),
            day(on)
        ),
        // Not reached: without both decisions a rule above fails.
        _ => format!("{what} applies on {}", day(on)),
    };
    f.outcome(what, valid, citation(ctx, &c.source, r), Vec::new())
}

/// The last day a certificate issued on `issued` may be valid under GDPR
/// art. 42(7) ("for a maximum period of three years"): three years later,
/// counted as EU Regulation 1182/71 art. 3(2)(c) counts a period in years
/// (the same date, or the last day of the month where that month has no
/// such date). `None` past the supported years, where no limit is reached.
fn certification_limit(issued: Date) -> Option<Date> {
    add_months(issued, 36, MonthRule::Clamp).ok()
}

/// An approved certification (art. 42(2), 42(5), 42(7), 46(2)(f)).
fn certification(ctx: &Ctx<'_>, r: &Instrument) -> Outcome {
    let name = ctx.sp.name.as_str();
    let Some(c) = &ctx.sp.transfer_certification else {
        return not_stated(
            r,
            TransferBasis::Certification,
            "transfer_certification",
            "a certificate of an approved certification mechanism (GDPR art. 42(5)) issued to the recipient and valid on the date (art. 42(7)), and the recipient's binding and enforceable commitments (art. 42(2), 46(2)(f))",
        );
    };
    let on = ctx.on;
    let what = format!(
        "certificate `{}` (issued by {} on {})",
        c.name(),
        c.issued_by(),
        day(c.issued_on())
    );
    let limit = certification_limit(c.issued_on());
    let beyond = limit.filter(|l| c.valid_until() > *l);
    let last = beyond.unwrap_or(c.valid_until());
    let mut f = Failures::default();
    if c.criteria_approved_by().is_none() {
        f.push(
            BasisStatus::NotApproved,
            format!(
                "the criteria of `{}` are not approved by a supervisory authority or the Board (GDPR art. 42(5)), so it is no approved certification mechanism (art. 46(2)(f))",
                c.name()
            ),
        );
    }
    if c.issued_on() > on {
        f.push(
            BasisStatus::NotYetInForce,
            format!("{what} applies only from {}", day(c.issued_on())),
        );
    } else if on > last {
        let why = match beyond {
            Some(l) => format!(
                "{what} lapsed after {}: GDPR art. 42(7) issues a certificate for at most three years, though the file states it valid until {}",
                day(l),
                day(c.valid_until())
            ),
            None => format!(
                "{what} is valid until {} only (GDPR art. 42(7))",
                day(c.valid_until())
            ),
        };
        f.push(BasisStatus::NoLongerInForce, why);
    }
    if let Some(w) = c.withdrawn_on()
        && w <= on
    {
        f.push(
            BasisStatus::NoLongerInForce,
            format!("{what} was withdrawn on {} (GDPR art. 42(7))", day(w)),
        );
    }
    if !c.importer_commitments() {
        f.push(
            BasisStatus::NoBindingCommitments,
            format!(
                "`{name}` has made no binding and enforceable commitments to apply the safeguards the certification rests on (GDPR art. 42(2), 46(2)(f))"
            ),
        );
    }
    let mut valid = format!(
        "{what}, valid until {}, with `{name}`'s binding and enforceable commitments, applies on {}",
        day(last),
        day(on)
    );
    let mut caveats = Vec::new();
    if beyond.is_some() {
        valid.push_str(&format!(
            "; the file states it valid until {}, beyond the three years of GDPR art. 42(7)",
            day(c.valid_until())
        ));
        caveats.push(Caveat::CertificationBeyondThreeYears);
    }
    f.outcome(what, valid, citation(ctx, c.source(), r), caveats)
}

/// Ad hoc clauses the authority authorised (art. 46(3)(a), 46(5)).
fn ad_hoc_clauses(ctx: &Ctx<'_>, r: &Instrument) -> Outcome {
    let Some(c) = &ctx.sp.ad_hoc_clauses else {
        return not_stated(
            r,
            TransferBasis::AdHocClauses,
            "ad_hoc_clauses",
            "contractual clauses the competent supervisory authority authorised (GDPR art. 46(3)(a))",
        );
    };
    let on = ctx.on;
    let what = match &c.name {
        Some(n) => format!("ad hoc clauses `{n}`"),
        None => "the ad hoc clauses".to_owned(),
    };
    let mut f = Failures::default();
    match &c.authorisation {
        None => f.push(
            BasisStatus::NotApproved,
            format!(
                "{what} are not authorised by the competent supervisory authority (GDPR art. 46(3))"
            ),
        ),
        Some(a) if a.on > on => f.push(
            BasisStatus::NotYetInForce,
            format!("{what} are authorised by {} only from {}", a.by, day(a.on)),
        ),
        Some(_) => {}
    }
    if let Some(w) = c.withdrawn_on
        && w <= on
    {
        f.push(
            BasisStatus::NoLongerInForce,
            format!(
                "the authorisation of {what} no longer applies from {}",
                day(w)
            ),
        );
    }
    let mut cited = citation(ctx, &c.source, r);
    let valid = match &c.authorisation {
        Some(a) => {
            let mut v = format!("{what}, authorised {}, apply on {}", decided(a), day(on));
            // Before the GDPR applied, the authorisation was given under the
            // Directive; art. 46(5) keeps it.
            if r.from().is_some_and(|gdpr| a.on < gdpr) {
                v.push_str(
                    ", under an authorisation of Directive 95/46/EC art. 26(2), which GDPR art. 46(5) keeps valid until the authority amends, replaces or repeals it",
                );
                cited = crate::citation::join(&cited, ["GDPR art. 46(5)"]);
            }
            v
        }
        // Not reached: without an authorisation the rule above fails.
        None => format!("{what} apply on {}", day(on)),
    };
    f.outcome(what, valid, cited, Vec::new())
}
