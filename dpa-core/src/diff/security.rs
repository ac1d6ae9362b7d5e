//! Security, certifications and the service level of the statement
//! (`statement.security`, `statement.certifications`,
//! `statement.service_level`).

use crate::citation::{cite, join};
use crate::model::{Certification, CertificationStatus, OfficeHours, ServiceLevel};

use super::engine::{Differ, opt_text, pair_by, quote};
use super::policy::{self, Reasons, Verdict};
use super::{ChangeKind, Effect};

impl Differ<'_> {
    /// `statement.security`: the warranty (clause 2.4.1 / 4.1), the
    /// measures (GDPR art. 32) and the management basis.
    pub(super) fn security(&mut self) {
        let (o, n) = (&self.old.statement.security, &self.new.statement.security);
        let warranty_clause = format!("clause {}", self.new.clauses.numbering.clause(4, Some(1)));
        let weakened = format!(
            "the warranty was weakened: the processor no longer warrants that its security measures are adequate under all circumstances ({warranty_clause})"
        );
        let strengthened = format!(
            "the warranty was strengthened in the client's favour: the processor now warrants that its security measures are adequate under all circumstances ({warranty_clause})"
        );
        self.change(
            ChangeKind::SecurityWarrantyChanged,
            "statement.security.warranty",
        )
        .cite(&join(&warranty_clause, []))
        .label("security warranty")
        .field(&o.warranty, &n.warranty, |w| Some(w.as_str().to_owned()))
        .judge(policy::ranked(
            policy::warranty_rank,
            Reasons::new(&weakened, &strengthened).or_unordered("the security warranty changed"),
        ));
        let citation = cite(&n.source, []);
        let old_citation = cite(&o.source, []);
        self.list(
            "statement.security.measures",
            "security measure",
            (
                ChangeKind::SecurityMeasureAdded,
                ChangeKind::SecurityMeasureRemoved,
            ),
        )
        .cite(&old_citation, &citation)
        .compare(
            &o.measures,
            &n.measures,
            |t| t.as_str().to_owned(),
            &policy::protective_items(Reasons::new(
                "a security measure the statement listed is no longer stated (GDPR art. 32)",
                "a security measure was added (GDPR art. 32)",
            )),
        );
        self.change(ChangeKind::IsmsChanged, "statement.security.isms")
            .cite(&citation)
            .label("information security management basis")
            .field(&o.isms, &n.isms, |t| opt_text(t.as_ref()))
            .judge(policy::named_safeguard(
                Reasons::new(
                    "the statement no longer names an information security management basis",
                    "the statement now names an information security management basis",
                )
                .or_unordered(
                    "the information security management basis changed; whether the new one is equivalent cannot be told",
                ),
            ));
        self.refs("statement.security.source", &o.source, &n.source);
    }

    /// `statement.certifications`, matched by name and holder.
    pub(super) fn certifications(&mut self) {
        let (o, n) = (
            &self.old.statement.certifications,
            &self.new.statement.certifications,
        );
        let key = |c: &Certification| (c.name.clone(), c.holder.clone());
        let status = CertificationStatus::as_str;
        let (pairs, gone) = pair_by(o, n, key);
        for (i, p) in pairs.iter().enumerate() {
            let c = &n[i];
            let path = format!("statement.certifications[{i}]");
            let citation = cite(&c.source, []);
            let Some(j) = *p else {
                let reason = match c.status {
                    CertificationStatus::Held => "a certification was gained",
                    _ => "an application for a certification is now stated",
                };
                self.change(ChangeKind::CertificationAdded, path)
                    .cite(&citation)
                    .describe(format!(
                        "certification added: {} ({})",
                        label(c),
                        status(c.status)
                    ))
                    .values(None, Some(status(c.status).to_owned()))
                    .record(Verdict::new(Effect::Favourable, reason));
                continue;
            };
            let oc = &o[j];
            if oc.status != c.status {
                self.change(
                    ChangeKind::CertificationStatusChanged,
                    format!("{path}.status"),
                )
                .was_at(format!("statement.certifications[{j}].status"))
                .cite(&citation)
                .label(format!("status of certification {}", label(c)))
                .values(
                    Some(status(oc.status).to_owned()),
                    Some(status(c.status).to_owned()),
                )
                .record(policy::certification_status(
                    c.status,
                    Reasons::new(
                        "the certification is no longer held, only applied for",
                        "the certification is now held (it was applied for)",
                    ),
                ));
            }
            if oc.body != c.body {
                self.change(ChangeKind::CertificationChanged, format!("{path}.body"))
                    .was_at(format!("statement.certifications[{j}].body"))
                    .cite(&citation)
                    .label(format!("certifying body of {}", label(c)))
                    .values(opt_text(oc.body.as_ref()), opt_text(c.body.as_ref()))
                    .record(Verdict::new(
                        Effect::Undetermined,
                        "who certifies or supervises changed; whether the new body is equivalent cannot be told",
                    ));
            }
            self.refs(format!("{path}.source"), &oc.source, &c.source);
        }
        for j in gone {
            let c = &o[j];
            self.change(ChangeKind::CertificationRemoved, "statement.certifications")
                .was_at(format!("statement.certifications[{j}]"))
                .cite(&cite(&c.source, []))
                .describe(format!(
                    "certification removed: {} ({})",
                    label(c),
                    status(c.status)
                ))
                .values(Some(status(c.status).to_owned()), None)
                .record(policy::certification_removed(
                    c.status,
                    "a certification was lost",
                    "a pending application for a certification is no longer stated (it may have been refused or withdrawn)",
                ));
        }
    }

    /// `statement.service_level`, optional.
    pub(super) fn service_level(&mut self, o: Option<&ServiceLevel>, n: Option<&ServiceLevel>) {
        let k = ChangeKind::ServiceLevelChanged;
        let path = "statement.service_level";
        let (o, n) = match (o, n) {
            (None, None) => return,
            (Some(o), None) => {
                self.change(k, path)
                    .cite(&cite(&o.source, []))
                    .describe("service level removed".into())
                    .values(Some("stated".into()), None)
                    .record(Verdict::new(
                        Effect::ReducesProtection,
                        "the statement no longer sets a service level",
                    ));
                return;
            }
            (None, Some(n)) => {
                self.change(k, path)
                    .cite(&cite(&n.source, []))
                    .describe("service level added".into())
                    .values(None, Some("stated".into()))
                    .record(Verdict::new(
                        Effect::Favourable,
                        "the statement now sets a service level",
                    ));
                return;
            }
            (Some(o), Some(n)) => (o, n),
        };
        let citation = cite(&n.source, []);
        self.change(k, format!("{path}.standard_sla"))
            .cite(&citation)
            .label("standard SLA")
            .flag(&o.standard_sla, &n.standard_sla)
            .judge(policy::duty_or_right(Reasons::new(
                "a standard SLA is no longer offered",
                "a standard SLA is now offered",
            )));
        self.change(k, format!("{path}.office_hours"))
            .cite(&citation)
            .label("office hours")
            .field(&o.office_hours, &n.office_hours, |h| Some(show_hours(h)))
            .judge(|a, b| {
                policy::by_flag(
                    policy::office_hours_cover(a, b),
                    Reasons::new(
                        "the office hours are shorter or kept on fewer days",
                        "the new office hours include the old ones",
                    ),
                )
            });
        for (field, label, a, b) in [
            (
                "low_impact_response",
                "response to a low-impact incident",
                &o.low_impact_response,
                &n.low_impact_response,
            ),
            (
                "high_impact_response",
                "response to a high-impact incident",
                &o.high_impact_response,
                &n.high_impact_response,
            ),
        ] {
            self.change(k, format!("{path}.{field}"))
                .cite(&citation)
                .label(label)
                .field(a, b, |r| Some(r.as_str().to_owned()))
                .judge(policy::ranked(
                    policy::response_rank,
                    Reasons::new(
                        "the processor responds later",
                        "the processor responds sooner",
                    )
                    .or_unordered("the response changed"),
                ));
        }
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }
}

/// A certification's name in quotes, with its holder where stated.
fn label(c: &Certification) -> String {
    match &c.holder {
        Some(h) => format!("{} (held by {h})", quote(c.name.as_str())),
        None => quote(c.name.as_str()),
    }
}

/// `HH:MM-HH:MM days`.
fn show_hours(h: &OfficeHours) -> String {
    format!(
        "{:02}:{:02}-{:02}:{:02} {}",
        h.start().hour(),
        h.start().minute(),
        h.end().hour(),
        h.end().minute(),
        h.days().as_str()
    )
}
