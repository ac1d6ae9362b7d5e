//! The Data Pro Statement (`statement.*`): the processor, the products in
//! scope, the described texts, special categories, privacy by design, the
//! processing locations and assistance. Sub-processors, security,
//! certifications and the service level have files of their own; this file
//! runs them in the order of the statement.

use crate::citation::cite;
use crate::model::{Assistance, Declaration, Described, Measures};
use crate::values::{Location, Text};

use super::engine::{Differ, locations, opt_text, pair_by, quote, sorted_set};
use super::policy::{self, Reasons, Verdict};
use super::{ChangeKind, Effect};

impl Differ<'_> {
    /// Every part of the statement except the version metadata, in the
    /// order of the file.
    pub(super) fn statement(&mut self) {
        self.processor();
        self.products();
        let (o, n) = (&self.old.statement, &self.new.statement);
        self.described(
            "statement.intended_use",
            "intended use",
            o.intended_use.as_ref(),
            n.intended_use.as_ref(),
        );
        self.special_categories();
        self.privacy_by_design(o.privacy_by_design.as_ref(), n.privacy_by_design.as_ref());
        self.processing_locations();
        self.described(
            "statement.support_access",
            "support access",
            o.support_access.as_ref(),
            n.support_access.as_ref(),
        );
        self.described(
            "statement.client_chosen_services",
            "client-chosen services",
            o.client_chosen_services.as_ref(),
            n.client_chosen_services.as_ref(),
        );
        self.sub_processors();
        self.sub_processors_by_reference();
        self.assistance(
            "statement.data_subject_requests",
            "data-subject requests",
            &o.data_subject_requests,
            &n.data_subject_requests,
        );
        self.assistance("statement.dpia", "DPIA", &o.dpia, &n.dpia);
        self.security();
        self.certifications();
        self.service_level(o.service_level.as_ref(), n.service_level.as_ref());
    }

    /// `statement.processor`: its legal identity changes processing; its
    /// names and contact details are editorial.
    fn processor(&mut self) {
        let (o, n) = (&self.old.statement.processor, &self.new.statement.processor);
        let k = ChangeKind::ProcessorChanged;
        let editorial = || {
            Verdict::new(
                Effect::Editorial,
                "identification or contact details only; who processes the data is the same legal entity",
            )
        };
        self.change(k, "statement.processor.name")
            .label("processor's legal name")
            .field(&o.name, &n.name, |t| Some(t.as_str().to_owned()))
            .judge(|_, _| {
                Verdict::new(
                    Effect::ChangesProcessing,
                    "the legal name of the processor changed: check whether the same entity processes the client's data",
                )
            });
        self.change(k, "statement.processor.chamber_of_commerce")
            .label("processor's chamber of commerce number")
            .field(&o.chamber_of_commerce, &n.chamber_of_commerce, |t| {
                opt_text(t.as_ref())
            })
            .judge(|a, b| {
                if policy::another_legal_entity(a.as_ref(), b.as_ref()) {
                    Verdict::new(
                        Effect::ChangesProcessing,
                        "another chamber of commerce number means another legal entity processes the client's data",
                    )
                } else {
                    editorial()
                }
            });
        for (field, label, a, b) in [
            (
                "trade_name",
                "processor's trade name",
                &o.trade_name,
                &n.trade_name,
            ),
            ("website", "processor's website", &o.website, &n.website),
            (
                "vat_number",
                "processor's VAT number",
                &o.vat_number,
                &n.vat_number,
            ),
        ] {
            self.change(k, format!("statement.processor.{field}"))
                .label(label)
                .field(a, b, |t| opt_text(t.as_ref()))
                .judge(|_, _| editorial());
        }
        self.change(k, "statement.processor.address")
            .label("processor's address")
            .field(&o.address, &n.address, |a| {
                Some(format!(
                    "{}, {} {}, {}",
                    a.street, a.postal_code, a.city, a.country
                ))
            })
            .judge(|_, _| editorial());
        self.change(k, "statement.processor.privacy_contact")
            .label("privacy contact")
            .field(&o.privacy_contact, &n.privacy_contact, |c| {
                let parts: Vec<&str> = [&c.name, &c.role, &c.email, &c.phone]
                    .into_iter()
                    .flatten()
                    .map(Text::as_str)
                    .collect();
                Some(parts.join(", "))
            })
            .judge(|_, _| editorial());
    }

    /// `statement.products`, matched by name.
    fn products(&mut self) {
        let (o, n) = (&self.old.statement.products, &self.new.statement.products);
        let (pairs, gone) = pair_by(o, n, |p| p.name.clone());
        for (i, p) in pairs.iter().enumerate() {
            let np = &n[i];
            let path = format!("statement.products[{i}]");
            match p {
                None => self
                    .change(ChangeKind::ProductAdded, path)
                    .describe(format!("product added: {}", quote(np.name.as_str())))
                    .values(None, Some(np.name.as_str().to_owned()))
                    .record(Verdict::new(
                        Effect::Favourable,
                        "the statement now also covers this product; what it says about the others is unchanged",
                    )),
                Some(j) => {
                    let op = &o[*j];
                    self.change(ChangeKind::ProductChanged, format!("{path}.description"))
                        .label(format!(
                            "description of product {}",
                            quote(np.name.as_str())
                        ))
                        .values(
                            opt_text(op.description.as_ref()),
                            opt_text(np.description.as_ref()),
                        )
                        .judge(Verdict::new(Effect::Editorial, policy::FREE_TEXT_REASON));
                }
            }
        }
        for j in gone {
            let name = o[j].name.as_str().to_owned();
            self.change(ChangeKind::ProductRemoved, "statement.products")
                .was_at(format!("statement.products[{j}]"))
                .describe(format!("product removed: {}", quote(&name)))
                .values(Some(name), None)
                .record(Verdict::new(
                    Effect::Undetermined,
                    "the statement no longer covers this product; a client that uses it loses what the statement said about it",
                ));
        }
    }

    /// A `Described` statement (text + source), optional.
    fn described(&mut self, path: &str, label: &str, o: Option<&Described>, n: Option<&Described>) {
        let citation = n.or(o).map(|d| cite(&d.source, [])).unwrap_or_default();
        let (ot, nt) = (o.map(|d| &d.text), n.map(|d| &d.text));
        let text_path = if n.is_some() {
            format!("{path}.text")
        } else {
            path.to_owned()
        };
        self.change(ChangeKind::TextChanged, text_path)
            .cite(&citation)
            .label(label)
            .text(ot, nt);
        if let (Some(o), Some(n)) = (o, n) {
            self.refs(format!("{path}.source"), &o.source, &n.source);
        }
    }

    /// `statement.special_categories`: a declaration changed changes what
    /// the client may entrust to the product.
    fn special_categories(&mut self) {
        let (o, n) = (
            &self.old.statement.special_categories,
            &self.new.statement.special_categories,
        );
        let citation = cite(&n.source, []);
        let k = ChangeKind::SpecialCategoriesChanged;
        for (field, label, a, b) in [
            (
                "art9",
                "declaration on special categories of data (GDPR art. 9)",
                o.art9,
                n.art9,
            ),
            (
                "art10",
                "declaration on criminal-conviction data (GDPR art. 10)",
                o.art10,
                n.art10,
            ),
            (
                "government_identifiers",
                "declaration on government identifiers (BSN)",
                o.government_identifiers,
                n.government_identifiers,
            ),
        ] {
            self.change(k, format!("statement.special_categories.{field}"))
                .cite(&citation)
                .label(label)
                .field(&a, &b, |d: &Declaration| Some(d.as_str().to_owned()))
                .judge(|_, _| {
                    Verdict::new(
                        Effect::ChangesProcessing,
                        "whether the product is designed for this kind of data changes what the client may entrust to it and the protection that data needs",
                    )
                });
        }
        self.change(k, "statement.special_categories.note")
            .cite(&citation)
            .label("note on special categories")
            .text(o.note.as_ref(), n.note.as_ref());
        self.refs("statement.special_categories.source", &o.source, &n.source);
    }

    /// `statement.privacy_by_design` (GDPR art. 25): its measures as a
    /// multiset.
    fn privacy_by_design(&mut self, o: Option<&Measures>, n: Option<&Measures>) {
        let empty: &[Text] = &[];
        let (om, nm) = (
            o.map_or(empty, |m| &m.measures[..]),
            n.map_or(empty, |m| &m.measures[..]),
        );
        let (oc, nc) = (
            o.map(|m| cite(&m.source, [])).unwrap_or_default(),
            n.map(|m| cite(&m.source, [])).unwrap_or_default(),
        );
        self.list(
            "statement.privacy_by_design.measures",
            "privacy-by-design measure",
            (
                ChangeKind::PrivacyMeasureAdded,
                ChangeKind::PrivacyMeasureRemoved,
            ),
        )
        .cite(&oc, &nc)
        .compare(
            om,
            nm,
            |t| t.as_str().to_owned(),
            &policy::protective_items(Reasons::new(
                "a privacy-by-design measure the statement listed is no longer stated (GDPR art. 25)",
                "a privacy-by-design measure was added (GDPR art. 25)",
            )),
        );
        if let (Some(o), Some(n)) = (o, n) {
            self.refs("statement.privacy_by_design.source", &o.source, &n.source);
        }
    }

    /// `statement.processing_locations`: where the data is processed.
    fn processing_locations(&mut self) {
        let (o, n) = (
            &self.old.statement.processing_locations,
            &self.new.statement.processing_locations,
        );
        let citation = cite(&n.source, []);
        let k = ChangeKind::ProcessingLocationsChanged;
        let (os, ns) = (sorted_set(&o.locations), sorted_set(&n.locations));
        if os != ns {
            let outside: Vec<Location> = ns
                .iter()
                .copied()
                .filter(|l| !l.is_in_eea() && !os.contains(l))
                .collect();
            let mut reason = "where the client's data is processed changed".to_owned();
            if !outside.is_empty() {
                reason.push_str(&format!(
                    "; it is now also processed outside the EEA ({})",
                    locations(&outside)
                ));
            }
            self.change(k, "statement.processing_locations.locations")
                .cite(&citation)
                .label("processing locations")
                .values(Some(locations(&o.locations)), Some(locations(&n.locations)))
                .judge(Verdict::new(Effect::ChangesProcessing, reason));
        }
        self.change(k, "statement.processing_locations.transfers_outside_eea")
            .cite(&citation)
            .label("transfers outside the EEA")
            .flag(&o.transfers_outside_eea, &n.transfers_outside_eea)
            .judge(|_, now_outside| {
                policy::widens_processing(
                    *now_outside,
                    Reasons::new(
                        "the statement now says some processing happens outside the EEA (GDPR chapter V)",
                        "the statement no longer says processing happens outside the EEA",
                    ),
                )
            });
        self.change(k, "statement.processing_locations.note")
            .cite(&citation)
            .label("note on processing locations")
            .text(o.note.as_ref(), n.note.as_ref());
        self.refs(
            "statement.processing_locations.source",
            &o.source,
            &n.source,
        );
    }

    /// Assistance with data-subject requests or a DPIA (`path`).
    fn assistance(&mut self, path: &str, label: &str, o: &Assistance, n: &Assistance) {
        let citation = cite(&n.source, []);
        self.change(ChangeKind::AssistanceChanged, format!("{path}.assists"))
            .cite(&citation)
            .label(format!("assistance with {label}"))
            .flag(&o.assists, &n.assists)
            .judge(policy::duty_or_right(Reasons::new(
                "the processor no longer states that it assists the client",
                "the processor now states that it assists the client",
            )));
        self.change(
            ChangeKind::AssistanceChanged,
            format!("{path}.costs_announced_in_advance"),
        )
        .cite(&citation)
        .label(format!(
            "costs of assistance with {label} announced in advance"
        ))
        .flag(&o.costs_announced_in_advance, &n.costs_announced_in_advance)
        .judge(policy::duty_or_right(Reasons::new(
            "costs are no longer announced before the work",
            "costs are now announced before the work",
        )));
        self.change(ChangeKind::TextChanged, format!("{path}.description"))
            .cite(&citation)
            .label(format!("description of assistance with {label}"))
            .text(Some(&o.description), Some(&n.description));
        self.refs(format!("{path}.source"), &o.source, &n.source);
    }
}
