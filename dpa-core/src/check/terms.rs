//! The operative terms and declarations: special categories not stated
//! (GDPR art. 9, 10, 87), a breach notice term beyond the controller's 72
//! hours (art. 33), deletion without any return of data (art. 28(3)(g)),
//! periodic audits in the statement against an audit for cause only in the
//! clauses (Belco DPS 1.14 against clause 2.7.4), breach-notice channels
//! stated differently in two places (Belco DPS 1.13 against clause 2.4.1),
//! and a security warranty beyond the clauses' aim (Belco clause 2.4.1
//! against clause 2.3.3).

use crate::citation;
use crate::finding::{Finding, FindingCode};
use crate::model::{
    Agreement, Channel, ChannelTerm, Declaration, DeviationKind, NoticeTerm, Provenance,
    ReturnMethod, SecurityWarranty,
};
use crate::values::ElapsedUnit;

/// Findings about the terms and the special-categories declaration.
pub(super) fn check(a: &Agreement, out: &mut Vec<Finding>) {
    let sc = &a.statement.special_categories;
    for (field, label, article, d) in [
        (
            "art9",
            "special categories of personal data",
            "GDPR art. 9",
            sc.art9,
        ),
        (
            "art10",
            "criminal-conviction data",
            "GDPR art. 10",
            sc.art10,
        ),
        (
            "government_identifiers",
            "government-issued identification numbers",
            "GDPR art. 87",
            sc.government_identifiers,
        ),
    ] {
        if d == Declaration::NotStated {
            out.push(Finding::new(
                FindingCode::SpecialCategoriesNotStated,
                format!("the statement does not say whether the product is designed for {label}"),
                citation::cite(&sc.source, [article]),
                Some(format!("statement.special_categories.{field}")),
            ));
        }
    }
    let b = &a.terms.breach;
    // A term in days is 24 hours a day (docs/rules.md rule 2): "3 days" is
    // more than 72 hours as soon as it is 4 days.
    if let Some(NoticeTerm::Within { term }) = b.notice
        && term.hours() > 72
    {
        let field = match term.unit() {
            ElapsedUnit::Hours => "terms.breach.notice.hours",
            _ => "terms.breach.notice.term",
        };
        out.push(Finding::new(
                FindingCode::BreachNoticeBeyond72Hours,
                format!(
                    "the processor has {} to notify a breach, more than the 72 hours the controller has to notify the authority",
                    term
                ),
                citation::cite(&b.source, ["GDPR art. 33(1), 33(2)"]),
                Some(field.into()),
            ));
    }
    let au = &a.terms.audit;
    if au.periodic && !au.preconditions.is_empty() {
        out.push(Finding::new(
            FindingCode::AuditTermsConflict,
            format!(
                "the statement gives the client periodic audits, but the clauses allow an audit only when {} condition(s) are met (e.g. \"{}\"); the text does not say which prevails",
                au.preconditions.len(),
                au.preconditions[0]
            ),
            citation::cite(&au.source, ["GDPR art. 28(3)(h)"]),
            Some("terms.audit.periodic".into()),
        ));
    }
    channels(a, out);
    warranty(a, out);
    provenance(a, out);
    let r = &a.terms.return_of_data;
    if r.method == Some(ReturnMethod::None) {
        out.push(Finding::new(
            FindingCode::DeletionWithoutReturn,
            match a.terms.deletion.term {
                Some(term) => format!(
                    "data is deleted within {term} after termination and no return of data is offered"
                ),
                None => "data is deleted after termination (the statement states no term) and no return of data is offered".to_owned(),
            },
            citation::cite(&r.source, ["GDPR art. 28(3)(g)"]),
            Some("terms.return_of_data.method".into()),
        ));
    }
}

/// The channels of `t` in words: "phone and email, and sms if possible".
fn channel_words(t: &ChannelTerm) -> String {
    let names = |cs: &[Channel]| -> String {
        let v: Vec<&str> = cs.iter().map(|c| c.as_str()).collect();
        v.join(" and ")
    };
    let mut s = if t.channels.is_empty() {
        "no channel always".to_owned()
    } else {
        names(&t.channels)
    };
    if !t.if_possible.is_empty() {
        s.push_str(", and ");
        s.push_str(&names(&t.if_possible));
        s.push_str(" if possible");
    }
    s
}

/// `breach-channels-inconsistent`: a channel one place in the agreement
/// always uses for a breach notice, which another uses only if possible or
/// not at all (Belco DPS 1.13: "telefonisch", and also a mail; clause
/// 2.4.1: "via de mail en indien mogelijk ook op het telefoonnummer").
fn channels(a: &Agreement, out: &mut Vec<Finding>) {
    let terms = &a.terms.breach.channel_terms;
    for (i, x) in terms.iter().enumerate() {
        for y in &terms[i + 1..] {
            let differs = |p: &ChannelTerm, q: &ChannelTerm| {
                p.channels.iter().any(|c| !q.channels.contains(c))
            };
            if !(differs(x, y) || differs(y, x)) {
                continue;
            }
            let (xs, ys) = (citation::cite(&x.source, []), citation::cite(&y.source, []));
            let both: Vec<_> = x.source.iter().chain(&y.source).cloned().collect();
            out.push(Finding::new(
                FindingCode::BreachChannelsInconsistent,
                format!(
                    "{xs} notifies a breach by {}, {ys} by {}; the text does not say which prevails",
                    channel_words(x),
                    channel_words(y)
                ),
                citation::cite(&both, ["GDPR art. 33(2)"]),
                Some("terms.breach.channel_terms".into()),
            ));
        }
    }
}

/// `security-warranty-beyond-aim`: the processor warrants that its measures
/// are adequate under all circumstances (Belco clause 2.4.1 since version
/// 1.3), while the edition's clause 3.3 (Belco 2.3.3), which the agreement
/// keeps unchanged, says it only strives for measures appropriate to the
/// intended use ("Data Processor streeft ernaar dat de door hem te treffen
/// beveiligingsmaatregelen passend zijn").
fn warranty(a: &Agreement, out: &mut Vec<Finding>) {
    let sec = &a.statement.security;
    if sec.warranty != SecurityWarranty::AdequateUnderAllCircumstances {
        return;
    }
    let numbering = a.clauses.numbering;
    let aim = numbering.clause(3, Some(3));
    let changed = a.clauses.deviations.iter().any(|d| {
        matches!(d.kind, DeviationKind::Removed | DeviationKind::Modified)
            && numbering.edition_number(&d.clause) == Some("3.3")
    });
    if changed {
        return;
    }
    let aim_ref = format!("clause {aim}");
    let warranty_ref = format!("clause {}", numbering.clause(4, Some(1)));
    out.push(Finding::new(
        FindingCode::SecurityWarrantyBeyondAim,
        format!(
            "clause {} warrants that the security measures are adequate under all circumstances, while clause {aim} says it only strives (\"streeft ernaar\") for measures appropriate to the intended use; the text does not say which prevails",
            numbering.clause(4, Some(1))
        ),
        citation::cite(
            &sec.source,
            [warranty_ref.as_str(), aim_ref.as_str(), "GDPR art. 32"],
        ),
        Some("statement.security.warranty".into()),
    ));
}

/// Where the terms came from (issue 15 point 2): a finding for each term
/// GDPR art. 28 requires that the statement does not state (the deletion
/// term: art. 28(3)(g)), and one (info) for each value the file's author
/// assumed, naming the reason.
fn provenance(a: &Agreement, out: &mut Vec<Finding>) {
    let d = &a.terms.deletion;
    let au = &a.terms.audit;
    if d.provenance.is_not_stated() {
        out.push(Finding::new(
            FindingCode::TermNotStated,
            format!("{} a deletion term, which GDPR art. 28(3)(g) requires (deletion or return of the data at the end of the services); no deletion deadline can be computed", a.not_stated_by()),
            citation::cite(&d.source, ["GDPR art. 28(3)(g)"]),
            Some("terms.deletion.provenance".into()),
        ));
    }
    let b = &a.terms.breach;
    if b.provenance.is_not_stated() {
        out.push(Finding::new(
            FindingCode::TermNotStated,
            format!("{} a breach notice term, which GDPR art. 28(3)(f) requires with art. 33 (the processor assists the controller, which has 72 hours to notify the authority); no breach-notice deadline can be computed", a.not_stated_by()),
            citation::cite(&b.source, ["GDPR art. 28(3)(f), 33(2)"]),
            Some("terms.breach.provenance".into()),
        ));
    }
    let r = &a.terms.return_of_data;
    if r.provenance.is_not_stated() {
        out.push(Finding::new(
            FindingCode::TermNotStated,
            "the statement does not state how the data is returned, which GDPR art. 28(3)(g) requires (deletion or return at the choice of the controller; clause 2.6.3 / 6.3 returns it only \"indien overeengekomen\")".to_owned(),
            citation::cite(&r.source, ["GDPR art. 28(3)(g)"]),
            Some("terms.return_of_data.provenance".into()),
        ));
    }
    let sp = &a.terms.sub_processors;
    if sp.provenance.is_not_stated() {
        out.push(Finding::new(
            FindingCode::TermNotStated,
            "the statement does not state whether changes of sub-processors are notified or whether the client may object, which GDPR art. 28(2) requires for a general authorisation; the right to object has no stated basis in the file".to_owned(),
            citation::cite(&sp.source, ["GDPR art. 28(2)"]),
            Some("terms.sub_processors.provenance".into()),
        ));
    }
    let sc = &a.terms.statement_changes;
    // The edition's clause on the window (2.2; 2.2.2 where part 2 is
    // numbered after part 1), in the agreement's numbering; none where the
    // library does not hold the edition's text.
    let window_clause = crate::sources::numbering::text_on_file(a.clauses.edition)
        .then(|| format!("clause {}", a.clauses.numbering.clause(2, Some(2))));
    let no_refs = Vec::new();
    let assumed = [
        (
            &sc.provenance,
            sc.termination_window
                .map(|t| format!("the window to terminate after a statement change ({t})")),
            &sc.source,
            window_clause.as_deref(),
            "terms.statement_changes.reason",
        ),
        (
            &d.provenance,
            d.term.map(|t| format!("the deletion term ({t})")),
            &d.source,
            Some("GDPR art. 28(3)(g)"),
            "terms.deletion.reason",
        ),
        (
            &b.provenance,
            b.notice.map(|t| format!("the breach notice term ({t})")),
            &b.source,
            Some("GDPR art. 28(3)(f), 33(2)"),
            "terms.breach.reason",
        ),
        (
            &r.provenance,
            r.method.map(|m| format!("the method of return ({m})")),
            &r.source,
            Some("GDPR art. 28(3)(g)"),
            "terms.return_of_data.reason",
        ),
        (
            &sp.provenance,
            Some("the terms on changes of sub-processors".to_owned()),
            &sp.source,
            Some("GDPR art. 28(2)"),
            "terms.sub_processors.reason",
        ),
        (
            a.statement
                .sub_processor_list
                .as_ref()
                .map_or(&Provenance::STATED, |l| &l.provenance),
            Some("the sub-processor list".to_owned()),
            a.statement
                .sub_processor_list
                .as_ref()
                .map_or(&no_refs, |l| &l.source),
            Some("GDPR art. 28(2)"),
            "statement.sub_processor_list.reason",
        ),
        (
            &au.provenance,
            Some("the audit terms".to_owned()),
            &au.source,
            Some("GDPR art. 28(3)(h)"),
            "terms.audit.reason",
        ),
    ];
    for (p, what, source, article, path) in assumed {
        if let (Provenance::Assumed { reason, .. }, Some(what)) = (p, what) {
            out.push(Finding::new(
                FindingCode::ValueAssumed,
                format!(
                    "{what}: assumed by the file's author, not stated by the document: {reason}"
                ),
                citation::cite(source, article),
                Some(path.into()),
            ));
        }
    }
}
