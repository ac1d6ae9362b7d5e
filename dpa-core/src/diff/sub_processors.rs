//! The sub-processors of the statement (`statement.sub_processors`),
//! matched by name. Who processes the client's data, where and on what
//! basis: a sub-processor added, removed, moved, its transfer basis or
//! purpose changed all change processing.

use crate::citation::cite;
use crate::model::{Engagement, SubProcessor, TransferBasis};
use crate::values::{Country, Location};

use super::engine::{Differ, Row, locations, opt_text, pair_by, quote, sorted_set};
use super::policy::{self, Reasons, Verdict};
use super::{ChangeKind, Effect};

/// A sub-processor present in both versions: where its rows go.
struct Pair<'s> {
    /// Its path in the new file.
    path: &'s str,
    /// Its path in the old file.
    old_path: String,
    /// Its name, quoted.
    name: String,
    /// Its `source` in the new file.
    citation: String,
}

impl<'a> Differ<'a> {
    /// `statement.sub_processors_by_reference`: a list kept at an address
    /// cannot be compared, so a reference added, removed or moved to another
    /// address may hide any change of sub-processors; the direction cannot
    /// be told (undetermined: when in doubt, the client keeps its rights).
    /// Its note and sources are editorial.
    pub(super) fn sub_processors_by_reference(&mut self) {
        let (o, n) = (
            self.old.statement.sub_processors_by_reference.as_ref(),
            self.new.statement.sub_processors_by_reference.as_ref(),
        );
        let k = ChangeKind::SubProcessorListReferenceChanged;
        let citation = n.or(o).map(|r| cite(&r.source, [])).unwrap_or_default();
        let path = if n.is_some() {
            "statement.sub_processors_by_reference.address"
        } else {
            "statement.sub_processors_by_reference"
        };
        self.change(k, path)
            .cite(&citation)
            .label("address of the sub-processor list kept by reference")
            .field(&o.map(|r| &r.address), &n.map(|r| &r.address), |a| {
                opt_text(*a)
            })
            .judge(|a, b| {
                Verdict::new(
                    Effect::Undetermined,
                    match (a, b) {
                        (None, _) => "the sub-processor list is now kept by reference: who is on it cannot be compared with the version before",
                        (_, None) => "the sub-processor list is no longer kept by reference: check that no sub-processor named only there was dropped or kept without notice",
                        _ => "the sub-processor list is kept at another address: the lists at the two addresses cannot be compared here; check them",
                    },
                )
            });
        if let (Some(o), Some(n)) = (o, n) {
            self.change(k, "statement.sub_processors_by_reference.note")
                .cite(&citation)
                .label("note on the sub-processor list kept by reference")
                .text(o.note.as_ref(), n.note.as_ref());
            self.refs(
                "statement.sub_processors_by_reference.source",
                &o.source,
                &n.source,
            );
        }
    }

    /// Every sub-processor added, removed or changed.
    pub(super) fn sub_processors(&mut self) {
        let (o, n) = (
            &self.old.statement.sub_processors,
            &self.new.statement.sub_processors,
        );
        let (pairs, gone) = pair_by(o, n, |s| s.name.clone());
        for (i, p) in pairs.iter().enumerate() {
            let path = format!("statement.sub_processors[{i}]");
            match p {
                None => {
                    let s = &n[i];
                    let outside: Vec<Location> = s.locations_outside_eea().collect();
                    let mut reason =
                        "a new sub-processor will process the client's data".to_owned();
                    if !outside.is_empty() {
                        reason.push_str(&format!(", outside the EEA ({})", locations(&outside)));
                    }
                    if !s.access_from.is_empty() {
                        reason.push_str(&format!(
                            ", reachable from outside the EEA ({})",
                            countries(&s.access_from)
                        ));
                    }
                    self.change(ChangeKind::SubProcessorAdded, path)
                        .cite(&cite(&s.source, []))
                        .describe(format!("sub-processor added: {}", summary(s)))
                        .values(None, Some(s.name.as_str().to_owned()))
                        .record(Verdict::new(Effect::ChangesProcessing, reason));
                }
                Some(j) => {
                    let (os, ns) = (&o[*j], &n[i]);
                    let pair = Pair {
                        path: &path,
                        old_path: format!("statement.sub_processors[{j}]"),
                        name: quote(ns.name.as_str()),
                        citation: cite(&ns.source, []),
                    };
                    self.sub_processor_moved(&pair, os, ns);
                    self.sub_processor_details(&pair, os, ns);
                    self.refs(format!("{path}.source"), &os.source, &ns.source);
                }
            }
        }
        for j in gone {
            let s = &o[j];
            self.change(ChangeKind::SubProcessorRemoved, "statement.sub_processors")
                .was_at(format!("statement.sub_processors[{j}]"))
                .cite(&cite(&s.source, []))
                .describe(format!("sub-processor removed: {}", summary(s)))
                .values(Some(s.name.as_str().to_owned()), None)
                .record(Verdict::new(
                    Effect::ChangesProcessing,
                    "a sub-processor is no longer listed: who processes the client's data changes (its work stops or moves to someone else)",
                ));
        }
    }

    /// A row for `field` of the sub-processor `at`, called `label`.
    fn sub_processor_row(
        &mut self,
        at: &Pair<'_>,
        kind: ChangeKind,
        field: &str,
        label: &str,
    ) -> Row<'_, 'a> {
        self.change(kind, format!("{}.{field}", at.path))
            .was_at(format!("{}.{field}", at.old_path))
            .cite(&at.citation)
            .label(format!("{label} of sub-processor {}", at.name))
    }

    /// Its seat, locations, the countries it may be accessed from, transfer
    /// bases, DPF certification and the
    /// entries a code of conduct, certification or ad hoc clauses rest on.
    fn sub_processor_moved(&mut self, at: &Pair<'_>, o: &SubProcessor, n: &SubProcessor) {
        if o.seat != n.seat {
            let extra = match n.seat {
                Some(c) if !c.is_eea() => format!("; now established outside the EEA ({c})"),
                _ => String::new(),
            };
            self.sub_processor_row(at, ChangeKind::SubProcessorMoved, "seat", "seat")
                .values(
                    o.seat.map(|c| c.as_str().to_owned()),
                    n.seat.map(|c| c.as_str().to_owned()),
                )
                .record(Verdict::new(
                    Effect::ChangesProcessing,
                    format!(
                        "the country the sub-processor is established in changed, and with it the law it answers to{extra}"
                    ),
                ));
        }
        if sorted_set(&o.locations) != sorted_set(&n.locations) {
            self.sub_processor_row(
                at,
                ChangeKind::SubProcessorMoved,
                "locations",
                "processing locations",
            )
            .values(Some(locations(&o.locations)), Some(locations(&n.locations)))
            .record(Verdict::new(
                Effect::ChangesProcessing,
                format!(
                    "where the sub-processor processes the client's data changed{}",
                    new_outside(&o.locations, &n.locations)
                ),
            ));
        }
        if sorted_set(&o.access_from) != sorted_set(&n.access_from) {
            let (now, no_longer) = (
                countries(&without(&n.access_from, &o.access_from)),
                countries(&without(&o.access_from, &n.access_from)),
            );
            let mut extra = String::new();
            if now != NONE {
                extra.push_str(&format!("; now reachable from {now}"));
            }
            if no_longer != NONE {
                extra.push_str(&format!("; no longer reachable from {no_longer}"));
            }
            self.sub_processor_row(
                at,
                ChangeKind::SubProcessorMoved,
                "access_from",
                "access from third countries",
            )
            .values(Some(countries(&o.access_from)), Some(countries(&n.access_from)))
            .record(Verdict::new(
                Effect::ChangesProcessing,
                format!(
                    "the third countries from which the sub-processor may reach the client's data changed, and such access is a transfer (GDPR chapter V){extra}"
                ),
            ));
        }
        if sorted_set(&o.transfer_bases) != sorted_set(&n.transfer_bases) {
            self.sub_processor_row(
                at,
                ChangeKind::SubProcessorBasisChanged,
                "transfer_bases",
                "transfer bases",
            )
            .values(
                Some(bases(&o.transfer_bases)),
                Some(bases(&n.transfer_bases)),
            )
            .record(Verdict::new(
                Effect::ChangesProcessing,
                "the legal basis claimed for transfers to this sub-processor changed (GDPR chapter V)",
            ));
        }
        if o.dpf_certified != n.dpf_certified {
            self.sub_processor_row(
                at,
                ChangeKind::SubProcessorBasisChanged,
                "dpf_certified",
                "EU-US Data Privacy Framework certification",
            )
            .values(
                Some(o.dpf_certified.to_string()),
                Some(n.dpf_certified.to_string()),
            )
            .record(Verdict::new(
                Effect::ChangesProcessing,
                "whether the EU-US Data Privacy Framework can cover transfers to this sub-processor changed (GDPR art. 45)",
            ));
        }
        self.safeguard(
            at,
            "code_of_conduct",
            "code of conduct relied on for transfers",
            o.code_of_conduct.as_ref(),
            n.code_of_conduct.as_ref(),
            "GDPR art. 46(2)(e)",
        );
        self.safeguard(
            at,
            "transfer_certification",
            "certification relied on for transfers",
            o.transfer_certification.as_ref(),
            n.transfer_certification.as_ref(),
            "GDPR art. 46(2)(f)",
        );
        self.safeguard(
            at,
            "ad_hoc_clauses",
            "authorised clauses relied on for transfers",
            o.ad_hoc_clauses.as_ref(),
            n.ad_hoc_clauses.as_ref(),
            "GDPR art. 46(3)(a)",
        );
    }

    /// The entry a code of conduct, certification or ad hoc clauses rest on
    /// (`field`): any change changes what transfers to the sub-processor
    /// rest on, as a change of its transfer bases does.
    fn safeguard<T: PartialEq + std::fmt::Display>(
        &mut self,
        at: &Pair<'_>,
        field: &str,
        label: &str,
        o: Option<&T>,
        n: Option<&T>,
        article: &str,
    ) {
        if o == n {
            return;
        }
        self.sub_processor_row(at, ChangeKind::SubProcessorBasisChanged, field, label)
            .values(o.map(ToString::to_string), n.map(ToString::to_string))
            .record(Verdict::new(
                Effect::ChangesProcessing,
                format!(
                    "what transfers to this sub-processor may rest on changed: the {label} ({article})"
                ),
            ));
    }

    /// Its purpose, engagement, group and notes.
    fn sub_processor_details(&mut self, at: &Pair<'_>, o: &SubProcessor, n: &SubProcessor) {
        let k = ChangeKind::SubProcessorChanged;
        if o.purpose != n.purpose {
            self.sub_processor_row(at, k, "purpose", "purpose")
                .values(
                    Some(o.purpose.as_str().to_owned()),
                    Some(n.purpose.as_str().to_owned()),
                )
                .record(Verdict::new(
                    Effect::ChangesProcessing,
                    "what the sub-processor does with the client's data changed",
                ));
        }
        if o.engagement != n.engagement {
            let verdict = policy::widens_processing(
                n.engagement == Engagement::Always,
                Reasons::new(
                    "the sub-processor is now engaged for every client",
                    "the sub-processor is now engaged only depending on the assignment",
                ),
            );
            self.sub_processor_row(at, k, "engagement", "engagement")
                .values(
                    Some(o.engagement.as_str().to_owned()),
                    Some(n.engagement.as_str().to_owned()),
                )
                .record(verdict);
        }
        if o.group != n.group {
            self.sub_processor_row(at, k, "group", "group")
                .values(opt_text(o.group.as_ref()), opt_text(n.group.as_ref()))
                .record(Verdict::new(
                    Effect::Editorial,
                    "only the heading the statement lists the sub-processor under changed",
                ));
        }
        if o.notes != n.notes {
            self.sub_processor_row(at, k, "notes", "notes")
                .values(opt_text(o.notes.as_ref()), opt_text(n.notes.as_ref()))
                .record(Verdict::new(
                    Effect::Editorial,
                    "a note on the sub-processor changed; notes are not judged, and its seat, locations, bases and purpose are compared on their own — read the note",
                ));
        }
    }
}

/// `; now outside the EEA (...)` for the locations of `new` outside the EEA
/// that `old` does not list, or nothing.
fn new_outside(old: &[Location], new: &[Location]) -> String {
    let out: Vec<Location> = sorted_set(new)
        .into_iter()
        .filter(|l| !l.is_in_eea() && !old.contains(l))
        .collect();
    if out.is_empty() {
        String::new()
    } else {
        format!("; now outside the EEA ({})", locations(&out))
    }
}

/// What [`countries`] writes for no country.
const NONE: &str = "(none)";

/// The distinct countries of `a` not in `b`, sorted.
fn without(a: &[Country], b: &[Country]) -> Vec<Country> {
    sorted_set(a)
        .into_iter()
        .filter(|c| !b.contains(c))
        .collect()
}

/// Countries separated by commas, or `(none)`.
fn countries(v: &[Country]) -> String {
    if v.is_empty() {
        NONE.to_owned()
    } else {
        v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// Transfer bases separated by commas, or `(none)`.
fn bases(v: &[TransferBasis]) -> String {
    if v.is_empty() {
        "(none)".to_owned()
    } else {
        v.iter().map(|b| b.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// `"name" (seat X; locations ...; transfer bases ...)`.
fn summary(s: &SubProcessor) -> String {
    let mut parts = vec![format!("locations {}", locations(&s.locations))];
    if let Some(c) = s.seat {
        parts.insert(0, format!("seat {c}"));
    }
    if !s.access_from.is_empty() {
        parts.push(format!("access from {}", countries(&s.access_from)));
    }
    if !s.transfer_bases.is_empty() {
        parts.push(format!("transfer bases {}", bases(&s.transfer_bases)));
    }
    format!("{} ({})", quote(s.name.as_str()), parts.join("; "))
}
