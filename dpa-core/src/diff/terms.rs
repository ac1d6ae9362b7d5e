//! The operative terms (`terms.*`): duration, deletion, return of data,
//! legal retention, breach notice, costs, audit, statement changes, the
//! sub-processor policy and fines. Each term cites its own `source`.

use crate::citation::cite;
use crate::model::Costs;

use super::engine::{Differ, Row, pair_by};
use super::policy::{self, NumberReasons, Reasons, Verdict};
use super::{ChangeKind, Effect};

impl<'a> Differ<'a> {
    /// Every term, in the order of the file.
    pub(super) fn terms(&mut self) {
        self.duration();
        self.deletion();
        self.return_of_data();
        self.legal_retention();
        self.disclosure();
        self.breach();
        self.costs();
        self.audit();
        self.audit_conditions();
        self.statement_changes();
        self.sub_processor_policy();
        self.fines();
    }

    /// `terms.duration`: its effect depends on the main agreement, so any
    /// change is undetermined.
    fn duration(&mut self) {
        let (o, n) = (&self.old.terms.duration, &self.new.terms.duration);
        let c = cite(&n.source, []);
        let k = ChangeKind::DurationTermChanged;
        let undetermined = |_: &bool, _: &bool| {
            Verdict::new(
                Effect::Undetermined,
                "how long the agreement runs changed; the effect on the client depends on the main agreement",
            )
        };
        self.change(k, "terms.duration.indefinite")
            .cite(&c)
            .label("indefinite term")
            .flag(&o.indefinite, &n.indefinite)
            .judge(undetermined);
        self.change(k, "terms.duration.ends_with_main_agreement")
            .cite(&c)
            .label("ends with the main agreement")
            .flag(&o.ends_with_main_agreement, &n.ends_with_main_agreement)
            .judge(undetermined);
        self.refs("terms.duration.source", &o.source, &n.source);
    }

    /// `terms.deletion` (clause 2.6.3 / 6.3).
    fn deletion(&mut self) {
        let (o, n) = (&self.old.terms.deletion, &self.new.terms.deletion);
        let c = cite(&n.source, []);
        let k = ChangeKind::DeletionTermChanged;
        let rules = (self.old.rules.month_rule, self.new.rules.month_rule);
        // The row names the key the new file writes the term under.
        let path = match n.term.map(|t| t.as_months().is_some()) {
            Some(true) => "terms.deletion.months",
            _ => "terms.deletion.within",
        };
        self.change(k, path)
            .cite(&c)
            .label("deletion term")
            .field(&o.term, &n.term, |m| m.map(|m| m.to_string()))
            .judge(|a, b| match (a, b) {
                (Some(a), Some(b)) => policy::term_change(
                    policy::compare_terms((*a, rules.0), (*b, rules.1)),
                    true,
                    Reasons::new(
                        "the term is longer: the processor keeps the client's data longer after termination",
                        "the term is shorter: the data is deleted sooner",
                    ),
                    *a,
                    *b,
                ),
                // A term the statement no longer states leaves the client
                // without a date for deletion (GDPR art. 28(3)(g)); one it
                // now states gives it one (issue 15 point 2).
                (Some(_), None) => Verdict::new(
                    Effect::ReducesProtection,
                    "the statement no longer states a deletion term",
                ),
                _ => Verdict::new(
                    Effect::Favourable,
                    "the statement now states a deletion term",
                ),
            });
        self.change(k, "terms.deletion.firmness")
            .cite(&c)
            .label("firmness of the deletion term")
            .field(&o.firmness, &n.firmness, |f| Some(f.as_str().to_owned()))
            .judge(policy::ranked(
                policy::firmness_rank,
                Reasons::new(
                    "the term is looser: \"in principe\" allows exceptions that are not spelled out",
                    "the term is firmer: \"uiterlijk\", at the latest",
                ),
            ));
        self.change(k, "terms.deletion.as_soon_as_possible")
            .cite(&c)
            .label("as soon as possible, within the term")
            .flag(&o.as_soon_as_possible, &n.as_soon_as_possible)
            .judge(policy::duty_or_right(Reasons::new(
                "the processor no longer states that it deletes as soon as possible within the term",
                "the processor now states that it deletes as soon as possible within the term",
            )));
        self.change(k, "terms.deletion.backups")
            .cite(&c)
            .label("deletion from backups")
            .field(&o.backups, &n.backups, |b| Some(b.as_str().to_owned()))
            .judge(policy::ranked(
                policy::backup_deletion_rank,
                Reasons::new(
                    "backups are deleted later or the agreement no longer says when",
                    "backups are deleted sooner or the agreement now says when",
                ),
            ));
        let path = match n.backup_cycle.map(|t| t.as_days().is_some()) {
            Some(false) => "terms.deletion.backup_cycle",
            _ => "terms.deletion.backup_cycle_days",
        };
        self.change(k, path)
            .cite(&c)
            .label("backup cycle")
            .field(&o.backup_cycle, &n.backup_cycle, |d| {
                d.map(|d| d.to_string())
            })
            .judge(|a, b| match (a, b) {
                (Some(a), Some(b)) => policy::term_change(
                    policy::compare_terms((*a, rules.0), (*b, rules.1)),
                    true,
                    Reasons::new(
                        "a longer backup cycle keeps the data in backups longer",
                        "a shorter backup cycle removes the data from backups sooner",
                    ),
                    *a,
                    *b,
                ),
                _ => policy::stated_maximum(NumberReasons {
                    larger: "a longer backup cycle keeps the data in backups longer",
                    smaller: "a shorter backup cycle removes the data from backups sooner",
                    dropped: "the agreement no longer states how long backups keep the data",
                    stated: "the agreement now states how long backups keep the data",
                })(&a.map(|_| 0), &b.map(|_| 0)),
            });
        self.refs("terms.deletion.source", &o.source, &n.source);
    }

    /// `terms.return_of_data`.
    fn return_of_data(&mut self) {
        let (o, n) = (
            &self.old.terms.return_of_data,
            &self.new.terms.return_of_data,
        );
        let c = cite(&n.source, []);
        let k = ChangeKind::ReturnOfDataTermChanged;
        self.change(k, "terms.return_of_data.method")
            .cite(&c)
            .label("method of return")
            .field(&o.method, &n.method, |m| m.map(|m| m.as_str().to_owned()))
            .judge(|a, b| match (a, b) {
                (Some(a), Some(b)) => policy::ranked(
                    policy::return_method_rank,
                    Reasons::new(
                        "the client is less sure to get its data back",
                        "the client is surer to get its data back",
                    )
                    .or_unordered(
                        "how the client gets its data back changed; neither way is plainly better",
                    ),
                )(a, b),
                // A return the statement no longer states leaves the client
                // without a stated way to get its data back (GDPR art.
                // 28(3)(g)); issue 15 point 2.
                (Some(_), None) => Verdict::new(
                    Effect::ReducesProtection,
                    "the statement no longer states how the data is returned",
                ),
                _ => Verdict::new(
                    Effect::Favourable,
                    "the statement now states how the data is returned",
                ),
            });
        for (field, label, a, b, worse, better) in [
            (
                "machine_readable",
                "machine-readable return",
                &o.machine_readable,
                &n.machine_readable,
                "the data is no longer returned in a machine-readable format",
                "the data is now returned in a machine-readable format",
            ),
            (
                "before_deletion",
                "return before deletion",
                &o.before_deletion,
                &n.before_deletion,
                "the agreement no longer says the data is returned before it is deleted",
                "the data is now returned before it is deleted",
            ),
            (
                "costs_announced_in_advance",
                "costs of return announced in advance",
                &o.costs_announced_in_advance,
                &n.costs_announced_in_advance,
                "costs of return are no longer announced before the work",
                "costs of return are now announced before the work",
            ),
        ] {
            self.change(k, format!("terms.return_of_data.{field}"))
                .cite(&c)
                .label(label)
                .flag(a, b)
                .judge(policy::duty_or_right(Reasons::new(worse, better)));
        }
        self.change(ChangeKind::TextChanged, "terms.return_of_data.description")
            .cite(&c)
            .label("description of the return of data")
            .text(Some(&o.description), Some(&n.description));
        self.refs("terms.return_of_data.source", &o.source, &n.source);
    }

    /// `terms.legal_retention` (clause 2.6.5 / 6.5): either way may cost the
    /// client, so undetermined.
    fn legal_retention(&mut self) {
        let (o, n) = (
            &self.old.terms.legal_retention,
            &self.new.terms.legal_retention,
        );
        self.change(
            ChangeKind::LegalRetentionTermChanged,
            "terms.legal_retention.suspends_deletion",
        )
        .cite(&cite(&n.source, []))
        .label("statutory retention suspends deletion")
        .flag(&o.suspends_deletion, &n.suspends_deletion)
        .judge(|_, _| {
            Verdict::new(
                Effect::Undetermined,
                "whether a statutory retention duty keeps data from deletion changed; data may be kept longer, or deleted despite a duty",
            )
        });
        self.refs("terms.legal_retention.source", &o.source, &n.source);
    }

    /// `terms.disclosure`: disclosure to third parties on a legal order
    /// (clause 2.5.2 / 5.2), and whether the client is told first (GDPR art.
    /// 28(3)(a)).
    fn disclosure(&mut self) {
        let k = ChangeKind::DisclosureTermChanged;
        let (o, n) = match (&self.old.terms.disclosure, &self.new.terms.disclosure) {
            (None, None) => return,
            (Some(o), Some(n)) => (o, n),
            (o, n) => {
                let cites = n.as_ref().or(o.as_ref()).map(|d| cite(&d.source, []));
                let show = |d: &Option<crate::model::Disclosure>| {
                    Some(match d {
                        Some(d) => format!(
                            "on a legal order: {}, client informed: {}",
                            d.on_legal_order, d.client_informed
                        ),
                        None => "not recorded".to_owned(),
                    })
                };
                self.change(k, "terms.disclosure")
                    .cite(&cites.unwrap_or_default())
                    .label("disclosure on a legal order")
                    .field(o, n, show)
                    .judge(|_, _| {
                        Verdict::new(
                            Effect::Undetermined,
                            "one version records whether the processor may disclose data on a legal order, the other does not",
                        )
                    });
                return;
            }
        };
        let c = cite(&n.source, []);
        self.change(k, "terms.disclosure.on_legal_order")
            .cite(&c)
            .label("processor may disclose on a legal order")
            .flag(&o.on_legal_order, &n.on_legal_order)
            .judge(policy::processor_latitude(Reasons::new(
                "the processor may now disclose the client's data to third parties on a court order, a statutory duty or an authority's order",
                "the processor no longer states that it may disclose the client's data on a legal order",
            )));
        self.change(k, "terms.disclosure.client_informed")
            .cite(&c)
            .label("client informed of a disclosure")
            .field(&o.client_informed, &n.client_informed, |x| {
                Some(x.as_str().to_owned())
            })
            .judge(policy::ranked(
                policy::client_informed_rank,
                Reasons::new(
                    "the client is told of a disclosure later, or not at all",
                    "the client is told of a disclosure sooner (GDPR art. 28(3)(a): before it)",
                ),
            ));
        self.refs("terms.disclosure.source", &o.source, &n.source);
    }

    /// `terms.breach`: notice of a breach to the client (clause 2.4.1 / 4.1).
    fn breach(&mut self) {
        let (o, n) = (&self.old.terms.breach, &self.new.terms.breach);
        let c = cite(&n.source, []);
        let oc = cite(&o.source, []);
        let k = ChangeKind::BreachTermChanged;
        self.change(k, "terms.breach.notice")
            .cite(&c)
            .label("breach notice term")
            .field(&o.notice, &n.notice, |t| t.map(|t| t.to_string()))
            .judge(|a, b| {
                // A notice term the statement no longer states leaves the
                // client without a time for the notice (GDPR art. 28(3)(f),
                // 33(2)); one it now states gives it one (issue 15 point 2).
                let (a, b) = match (a, b) {
                    (Some(a), Some(b)) => (a, b),
                    (Some(_), None) => {
                        return Verdict::new(
                            Effect::ReducesProtection,
                            "the statement no longer states a breach notice term",
                        );
                    }
                    _ => {
                        return Verdict::new(
                            Effect::Favourable,
                            "the statement now states a breach notice term",
                        );
                    }
                };
                if policy::notice_hours(*a) == policy::notice_hours(*b) {
                    return Verdict::new(
                        Effect::Editorial,
                        format!(
                            "{a} and {b} are the same term: a day is 24 hours from the discovery"
                        ),
                    );
                }
                policy::longer_term_reduces_protection(
                    policy::notice_hours(*a),
                    policy::notice_hours(*b),
                    Reasons::new(
                        "the client is told of a breach later, or without a fixed term",
                        "the client is told of a breach sooner, or within a fixed term",
                    ),
                )
            });
        self.change(k, "terms.breach.as_soon_as_possible")
            .cite(&c)
            .label("as soon as possible, within the term")
            .flag(&o.as_soon_as_possible, &n.as_soon_as_possible)
            .judge(policy::duty_or_right(Reasons::new(
                "the processor no longer states that it notifies a breach as soon as possible within the term",
                "the processor now states that it notifies a breach as soon as possible within the term",
            )));
        self.list("terms.breach.channels", "breach notice channel", (k, k))
            .cite(&oc, &c)
            .compare(
                &o.channels,
                &n.channels,
                |ch| ch.as_str().to_owned(),
                &policy::protective_items(Reasons::new(
                    "the client is no longer told of a breach through this channel",
                    "the client is told of a breach through one more channel",
                )),
            );
        self.breach_channel_terms();
        self.list(
            "terms.breach.information",
            "breach notice information",
            (k, k),
        )
        .cite(&oc, &c)
        .compare(
            &o.information,
            &n.information,
            |t| t.as_str().to_owned(),
            &policy::protective_items(Reasons::new(
                "the breach notice no longer carries this information",
                "the breach notice now carries more information",
            )),
        );
        self.change(k, "terms.breach.processor_notifies_authority")
            .cite(&c)
            .label("processor notifies the authority itself")
            .flag(
                &o.processor_notifies_authority,
                &n.processor_notifies_authority,
            )
            .judge(|_, _| {
                Verdict::new(
                    Effect::Undetermined,
                    "who notifies the supervisory authority or data subjects changed (GDPR art. 33-34 leave it to the controller)",
                )
            });
        self.change(k, "terms.breach.assists_controller")
            .cite(&c)
            .label("processor assists the controller's notice")
            .flag(&o.assists_controller, &n.assists_controller)
            .judge(policy::duty_or_right(Reasons::new(
                "the processor no longer states that it helps the client notify a breach",
                "the processor now states that it helps the client notify a breach",
            )));
        self.change(ChangeKind::TextChanged, "terms.breach.note")
            .cite(&c)
            .label("note on the breach protocol")
            .text(o.note.as_ref(), n.note.as_ref());
        self.refs("terms.breach.source", &o.source, &n.source);
    }

    /// `terms.breach.channel_terms` and the client's duty to keep its
    /// contact details current (Belco DPS 1.13 and clause 2.4.1).
    fn breach_channel_terms(&mut self) {
        let (o, n) = (&self.old.terms.breach, &self.new.terms.breach);
        let c = cite(&n.source, []);
        let oc = cite(&o.source, []);
        let k = ChangeKind::BreachTermChanged;
        let show_terms = |ts: &[crate::model::ChannelTerm]| -> Vec<String> {
            ts.iter()
                .map(|t| {
                    let names = |cs: &[crate::model::Channel]| {
                        cs.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
                    };
                    let mut s = format!("{}: {}", cite(&t.source, []), names(&t.channels));
                    if !t.if_possible.is_empty() {
                        s.push_str(&format!("; if possible {}", names(&t.if_possible)));
                    }
                    s
                })
                .collect()
        };
        let (ot, nt) = (show_terms(&o.channel_terms), show_terms(&n.channel_terms));
        self.list(
            "terms.breach.channel_terms",
            "breach notice channels as stated",
            (k, k),
        )
        .cite(&oc, &c)
        .compare(
            &ot,
            &nt,
            Clone::clone,
            &policy::ItemVerdicts {
                added: Verdict::new(
                    Effect::Undetermined,
                    "a place in the agreement states the breach notice channels anew; which statement prevails is not said",
                ),
                removed: Verdict::new(
                    Effect::Undetermined,
                    "a statement of the breach notice channels is gone; which statement prevails is not said",
                ),
            },
        );
        self.change(k, "terms.breach.client_keeps_contacts_current")
            .cite(&c)
            .label("client keeps its contact details current")
            .flag(
                &o.client_keeps_contacts_current,
                &n.client_keeps_contacts_current,
            )
            .judge(policy::processor_latitude(Reasons::new(
                "the client must now keep the contact details a breach notice goes to reachable and up to date",
                "the client no longer has to keep its contact details up to date for breach notices",
            )));
    }

    /// `terms.costs`: what the processor may charge, per context (clause
    /// 2.4.3 / 4.4, 2.6.4 / 6.4, 2.7.6 / 7.7, 2.3.6 / 3.6), entries paired by
    /// context.
    fn costs(&mut self) {
        let (o, n) = (
            self.old.terms.costs.entries(),
            self.new.terms.costs.entries(),
        );
        let k = ChangeKind::CostsTermChanged;
        let (pairs, gone) = pair_by(o, n, |c| c.context);
        for (i, p) in pairs.iter().enumerate() {
            let nc = &n[i];
            let path = format!("terms.costs[{i}]");
            match p {
                Some(j) => self.cost_term(&path, *j, &o[*j], nc),
                None => self
                    .change(k, path)
                    .cite(&cite(&nc.source, []))
                    .describe(format!(
                        "cost term for {} added: {}",
                        nc.context,
                        nc.basis
                    ))
                    .values(None, Some(nc.basis.as_str().to_owned()))
                    .record(Verdict::new(
                        Effect::Undetermined,
                        "the agreement now says what the processor may charge in this context, where it said nothing; whether the client pays more than before cannot be told from the data",
                    )),
            }
        }
        for j in gone {
            let oc = &o[j];
            self.change(k, "terms.costs")
                .was_at(format!("terms.costs[{j}]"))
                .cite(&cite(&oc.source, []))
                .describe(format!(
                    "cost term for {} removed (was {})",
                    oc.context, oc.basis
                ))
                .values(Some(oc.basis.as_str().to_owned()), None)
                .record(Verdict::new(
                    Effect::Undetermined,
                    "the agreement no longer says what the processor may charge in this context; whether the client pays more or less cannot be told from the data",
                ));
        }
    }

    /// One context's cost term in both versions (`j` in the old file).
    fn cost_term(&mut self, path: &str, j: usize, o: &Costs, n: &Costs) {
        let c = cite(&n.source, []);
        let ctx = n.context;
        let at = CostAt {
            path,
            j,
            citation: &c,
        };
        self.cost_row(&at, "basis")
            .label(format!("cost basis for {ctx}"))
            .field(&o.basis, &n.basis, |b| Some(b.as_str().to_owned()))
            .judge(policy::ranked(
                policy::cost_basis_rank,
                Reasons::new(
                    "the rate is no longer fixed in the agreement",
                    "the agreement now fixes the rate",
                )
                .or_unordered("how assistance is charged changed; neither basis is plainly better"),
            ));
        self.cost_row(&at, "hourly_rate_eur_cents")
            .label(format!("hourly rate for {ctx}"))
            .field(&o.hourly_rate_eur_cents, &n.hourly_rate_eur_cents, |r| {
                r.map(|r| r.to_string())
            })
            .judge(policy::stated_maximum(NumberReasons {
                larger: "assistance costs more per hour",
                smaller: "assistance costs less per hour",
                dropped: "the agreement no longer states the hourly rate",
                stated: "the agreement now states the hourly rate",
            }));
        self.cost_row(&at, "estimate_first")
            .label(format!("estimate of costs first for {ctx}"))
            .flag(&o.estimate_first, &n.estimate_first)
            .judge(policy::duty_or_right(Reasons::new(
                "the client no longer gets an estimate of the costs first",
                "the client now gets an estimate of the costs first",
            )));
        self.cost_row(&at, "approval_above_estimate")
            .label(format!("approval before exceeding the estimate for {ctx}"))
            .flag(&o.approval_above_estimate, &n.approval_above_estimate)
            .judge(policy::duty_or_right(Reasons::new(
                "the client's approval is no longer asked before the estimate is exceeded",
                "the client's approval is now asked before the estimate is exceeded",
            )));
        self.cost_row(&at, "announced_in_advance")
            .label(format!("costs announced in advance for {ctx}"))
            .flag(&o.announced_in_advance, &n.announced_in_advance)
            .judge(policy::duty_or_right(Reasons::new(
                "the costs are no longer made known before the work",
                "the costs are now made known before the work",
            )));
        self.cost_row(&at, "note")
            .label(format!("note on the costs for {ctx}"))
            .text(o.note.as_ref(), n.note.as_ref());
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }

    /// A row for `field` of the cost term at `at`.
    fn cost_row(&mut self, at: &CostAt<'_>, field: &str) -> Row<'_, 'a> {
        self.change(ChangeKind::CostsTermChanged, format!("{}.{field}", at.path))
            .was_at(format!("terms.costs[{}].{field}", at.j))
            .cite(at.citation)
    }

    /// `terms.audit`: how often, after what notice and at whose cost the
    /// client may audit (clause 2.7 / 7).
    fn audit(&mut self) {
        let (o, n) = (&self.old.terms.audit, &self.new.terms.audit);
        let c = cite(&n.source, []);
        let k = ChangeKind::AuditTermChanged;
        self.change(k, "terms.audit.max_count")
            .cite(&c)
            .label("most audits per period")
            .field(&o.max_count, &n.max_count, |x| Some(x.get().to_string()))
            .judge(|a, b| {
                policy::smaller_right_reduces_protection(
                    u32::from(a.get()),
                    u32::from(b.get()),
                    Reasons::new(
                        "the client may audit less often",
                        "the client may audit more often",
                    ),
                )
            });
        let reading_only = o.period.months() == n.period.months();
        self.change(k, "terms.audit.period")
            .cite(&c)
            .label("audit period")
            .field(&o.period, &n.period, |p| Some(p.to_string()))
            .judge(policy::audit_period(
                if reading_only {
                    Reasons::new(
                        "audits must now be twelve months apart",
                        "audits are now counted per calendar year, which allows them closer together",
                    )
                } else {
                    Reasons::new(
                        "the audit period is longer or counted more strictly: the client may audit less often",
                        "the audit period is shorter or counted more loosely: the client may audit more often",
                    )
                }
                .or_unordered(
                    "the audit period changed in length and in reading in opposite directions: whether the client may audit less often depends on the dates",
                ),
            ));
        let rules = (self.old.rules.month_rule, self.new.rules.month_rule);
        let path = match n.notice.map(|t| t.as_days().is_some()) {
            Some(false) => "terms.audit.notice",
            _ => "terms.audit.notice_days",
        };
        let notice_reasons = NumberReasons {
            larger: "the client must announce an audit longer in advance",
            smaller: "the client may announce an audit at shorter notice",
            dropped: "the client no longer has to announce an audit a set time in advance",
            stated: "the client must now announce an audit in advance",
        };
        self.change(k, path)
            .cite(&c)
            .label("audit notice")
            .field(&o.notice, &n.notice, |d| d.map(|d| d.to_string()))
            .judge(|a, b| match (a, b) {
                (Some(a), Some(b)) => policy::term_change(
                    policy::compare_terms((*a, rules.0), (*b, rules.1)),
                    true,
                    Reasons::new(notice_reasons.larger, notice_reasons.smaller),
                    *a,
                    *b,
                ),
                _ => {
                    policy::notice_required_of_client(notice_reasons)(&a.map(|_| 0), &b.map(|_| 0))
                }
            });
        self.change(k, "terms.audit.cost_bearer")
            .cite(&c)
            .label("who pays for an audit")
            .field(&o.cost_bearer, &n.cost_bearer, |p| {
                Some(p.as_str().to_owned())
            })
            .judge(policy::audit_cost_bearer(Reasons::new(
                "the client now pays for audits",
                "the processor now pays for audits",
            )));
    }

    /// `terms.audit`: the conditions on the client's audit right and the
    /// processor's latitude to refuse one (clause 2.7 / 7).
    fn audit_conditions(&mut self) {
        let (o, n) = (&self.old.terms.audit, &self.new.terms.audit);
        let c = cite(&n.source, []);
        let oc = cite(&o.source, []);
        let k = ChangeKind::AuditTermChanged;
        self.list(
            "terms.audit.auditor_requirements",
            "auditor requirement",
            (k, k),
        )
        .cite(&oc, &c)
        .compare(
            &o.auditor_requirements,
            &n.auditor_requirements,
            |t| t.as_str().to_owned(),
            &policy::limiting_items(Reasons::new(
                "a new requirement on the client's auditor limits the audit right",
                "a requirement on the client's auditor was removed",
            )),
        );
        self.list("terms.audit.preconditions", "audit precondition", (k, k))
            .cite(&oc, &c)
            .compare(
                &o.preconditions,
                &n.preconditions,
                |t| t.as_str().to_owned(),
                &policy::limiting_items(Reasons::new(
                    "a new condition the client must meet before it may audit limits the audit right",
                    "a precondition on the client's audit right was removed: in the client's favour",
                )),
            );
        for (field, label, a, b, worse, better) in [
            (
                "processor_may_refuse_auditor",
                "processor may refuse an auditor",
                &o.processor_may_refuse_auditor,
                &n.processor_may_refuse_auditor,
                "the processor may now refuse an auditor who does not meet its requirements",
                "the processor may no longer refuse the client's auditor",
            ),
            (
                "processor_may_refuse_unlawful_audit",
                "processor may refuse an unlawful audit",
                &o.processor_may_refuse_unlawful_audit,
                &n.processor_may_refuse_unlawful_audit,
                "the processor may now refuse an audit it considers unlawful or a breach of its security",
                "the processor may no longer refuse an audit on those grounds",
            ),
            (
                "certificate_may_demonstrate",
                "a certificate may demonstrate compliance",
                &o.certificate_may_demonstrate,
                &n.certificate_may_demonstrate,
                "the processor may now answer with a certificate or third-party statement instead of an audit",
                "a certificate no longer stands in for an audit",
            ),
            (
                "processor_may_move_date",
                "processor may move the audit date for any reason",
                &o.processor_may_move_date,
                &n.processor_may_move_date,
                "the processor may now propose another audit date for any reason",
                "the processor may no longer move the audit date at will",
            ),
            (
                "security_tests_after_consultation",
                "security tests only after consultation",
                &o.security_tests_after_consultation,
                &n.security_tests_after_consultation,
                "the client's security tests now need the processor's consultation first",
                "the client's security tests no longer need consultation first",
            ),
        ] {
            self.change(k, format!("terms.audit.{field}"))
                .cite(&c)
                .label(label)
                .flag(a, b)
                .judge(policy::processor_latitude(Reasons::new(worse, better)));
        }
        for (field, label, a, b, worse, better) in [
            (
                "periodic",
                "periodic audits",
                &o.periodic,
                &n.periodic,
                "the statement no longer gives the client periodic audits",
                "the statement now gives the client periodic audits",
            ),
            (
                "client_may_refuse_processor_auditor",
                "client may refuse the processor's auditor",
                &o.client_may_refuse_processor_auditor,
                &n.client_may_refuse_processor_auditor,
                "the client may no longer refuse the auditor the processor is audited by",
                "the client may now refuse the auditor the processor is audited by",
            ),
        ] {
            self.change(k, format!("terms.audit.{field}"))
                .cite(&c)
                .label(label)
                .flag(a, b)
                .judge(policy::duty_or_right(Reasons::new(worse, better)));
        }
        self.change(k, "terms.audit.processor_reports_inspection")
            .cite(&c)
            .label("inspection of the processor's own audit reports")
            .text(
                o.processor_reports_inspection.as_ref(),
                n.processor_reports_inspection.as_ref(),
            );
        self.refs("terms.audit.source", &o.source, &n.source);
    }

    /// `terms.statement_changes` (clause 2.2.2 / 2.2): the notice of a
    /// significant change and the client's window to terminate.
    fn statement_changes(&mut self) {
        let (o, n) = (
            &self.old.terms.statement_changes,
            &self.new.terms.statement_changes,
        );
        let c = cite(&n.source, []);
        let k = ChangeKind::StatementChangesTermChanged;
        self.change(k, "terms.statement_changes.significant_changes_notified")
            .cite(&c)
            .label("significant changes notified")
            .flag(
                &o.significant_changes_notified,
                &n.significant_changes_notified,
            )
            .judge(policy::duty_or_right(Reasons::new(
                "significant changes of the statement are no longer notified",
                "significant changes of the statement are now notified",
            )));
        let rules = (self.old.rules.month_rule, self.new.rules.month_rule);
        let path = match n.termination_window.map(|t| t.as_days().is_some()) {
            Some(true) => "terms.statement_changes.termination_window_days",
            _ => "terms.statement_changes.termination_window",
        };
        self.change(k, path)
            .cite(&c)
            .label("termination window")
            .field(&o.termination_window, &n.termination_window, |d| {
                d.map(|d| d.to_string())
            })
            .judge(|a, b| match (a, b) {
                (Some(a), Some(b)) => policy::term_change(
                    policy::compare_terms((*a, rules.0), (*b, rules.1)),
                    false,
                    Reasons::new(
                        "the client has less time to terminate after a change",
                        "the client has more time to terminate after a change",
                    ),
                    *a,
                    *b,
                ),
                // A window the statement no longer states leaves the client
                // without a date to terminate by (issue 15 point 2).
                (Some(_), None) => Verdict::new(
                    Effect::ReducesProtection,
                    "the statement no longer states the window to terminate after a change",
                ),
                _ => Verdict::new(
                    Effect::Favourable,
                    "the statement now states the window to terminate after a change",
                ),
            });
        self.refs("terms.statement_changes.source", &o.source, &n.source);
    }

    /// `terms.sub_processors`: the sub-processor policy (clause 2.8 / 8;
    /// GDPR art. 28(2), 28(4)).
    fn sub_processor_policy(&mut self) {
        let (o, n) = (
            &self.old.terms.sub_processors,
            &self.new.terms.sub_processors,
        );
        let c = cite(&n.source, []);
        let k = ChangeKind::SubProcessorPolicyTermChanged;
        self.change(k, "terms.sub_processors.authorisation")
            .cite(&c)
            .label("authorisation of sub-processors")
            .field(&o.authorisation, &n.authorisation, |a| {
                Some(a.as_str().to_owned())
            })
            .judge(policy::sub_processor_authorisation(Reasons::new(
                "sub-processors no longer need the client's specific authorisation (GDPR art. 28(2))",
                "each sub-processor now needs the client's specific authorisation (GDPR art. 28(2))",
            )));
        for (field, label, a, b, worse, better) in [
            (
                "changes_notified",
                "changes of sub-processors notified",
                &o.changes_notified,
                &n.changes_notified,
                "changes of sub-processors are no longer notified",
                "changes of sub-processors are now notified",
            ),
            (
                "client_may_object",
                "client may object",
                &o.client_may_object,
                &n.client_may_object,
                "the client may no longer object to a change of sub-processors",
                "the client may now object to a change of sub-processors",
            ),
        ] {
            self.change(k, format!("terms.sub_processors.{field}"))
                .cite(&c)
                .label(label)
                .field(a, b, |x| x.map(|x| x.to_string()))
                .judge(|a, b| match (a, b) {
                    (Some(a), Some(b)) => policy::duty_or_right(Reasons::new(worse, better))(a, b),
                    // Issue 15 point 2: a term no longer stated reduces the
                    // client's protection; one now stated is judged by what
                    // it says.
                    (Some(_), None) => Verdict::new(
                        Effect::ReducesProtection,
                        "the statement no longer states it (provenance not-stated)",
                    ),
                    (None, Some(true)) => Verdict::new(Effect::Favourable, better),
                    _ => Verdict::new(Effect::ReducesProtection, worse),
                });
        }
        for (field, label, a, b, worse, better) in [
            (
                "same_security_level",
                "same security level for sub-processors",
                &o.same_security_level,
                &n.same_security_level,
                "sub-processors no longer commit to the same security level",
                "sub-processors now commit to the same security level",
            ),
            (
                "processor_remains_liable",
                "processor remains liable for sub-processors",
                &o.processor_remains_liable,
                &n.processor_remains_liable,
                "the agreement no longer states that the processor stays liable for its sub-processors (GDPR art. 28(4) still does)",
                "the agreement now states that the processor stays liable for its sub-processors",
            ),
        ] {
            self.change(k, format!("terms.sub_processors.{field}"))
                .cite(&c)
                .label(label)
                .flag(a, b)
                .judge(policy::duty_or_right(Reasons::new(worse, better)));
        }
        // Read as "liability for sub-processors unlimited", so that losing
        // it is the worse direction, as for the flags above.
        let (ou, nu) = (
            !o.liability_subject_to_limits,
            !n.liability_subject_to_limits,
        );
        self.change(k, "terms.sub_processors.liability_subject_to_limits")
            .cite(&c)
            .label("liability for sub-processors outside the agreed limitation")
            .flag(&ou, &nu)
            .judge(policy::duty_or_right(Reasons::new(
                "the processor's liability for its sub-processors is now subject to the agreed limitation of liability",
                "the processor's liability for its sub-processors is no longer subject to the agreed limitation of liability",
            )));
        self.refs("terms.sub_processors.source", &o.source, &n.source);
    }

    /// `terms.fines`: fines imposed on the client.
    fn fines(&mut self) {
        let (o, n) = (&self.old.terms.fines, &self.new.terms.fines);
        self.change(ChangeKind::FinesTermChanged, "terms.fines.recoverable")
            .cite(&cite(&n.source, []))
            .label("recovery of fines")
            .field(&o.recoverable, &n.recoverable, |r| Some(r.as_str().to_owned()))
            .judge(policy::fine_recovery(Reasons::new(
                "the client can no longer recover fines from the processor",
                "the client can now recover fines from the processor on intent or deliberate recklessness",
            )));
        self.refs("terms.fines.source", &o.source, &n.source);
    }
}

/// Where a cost term is in the new file (`path`) and the old one (`j`), and
/// what it cites.
struct CostAt<'p> {
    path: &'p str,
    j: usize,
    citation: &'p str,
}
