//! Every clause reference an agreement holds, with its field path: what the
//! reader checks against the edition's numbering (docs/rules.md, "Editions
//! and clause numbers").

use super::Agreement;
use crate::values::ClauseRef;

/// The references found so far, each with its path.
struct Found<'a>(Vec<(String, &'a ClauseRef)>);

impl<'a> Found<'a> {
    /// Adds the references of the `source` list at `path`.
    fn at(&mut self, path: String, refs: &'a [ClauseRef]) {
        self.0.extend(
            refs.iter()
                .enumerate()
                .map(|(i, r)| (format!("{path}[{i}]"), r)),
        );
    }
}

impl Agreement {
    /// Every clause reference in the agreement, with the field path that
    /// holds it (`terms.deletion.source[1]`, `clauses.deviations[4].clause`),
    /// in document order: the statement, the clauses, the terms.
    ///
    /// ```
    /// use dpa_core::Agreement;
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/../examples/agreements/belco.toml"
    /// ))?;
    /// let a = Agreement::from_toml(&text)?;
    /// let refs = a.references();
    /// assert!(refs
    ///     .iter()
    ///     .any(|(path, r)| path == "terms.deletion.source[1]" && r.as_str() == "clause 2.6.3"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn references(&self) -> Vec<(String, &ClauseRef)> {
        let mut found = Found(Vec::new());
        let s = &self.statement;
        let optional = [
            ("intended_use", &s.intended_use),
            ("support_access", &s.support_access),
            ("client_chosen_services", &s.client_chosen_services),
        ];
        for (name, d) in optional {
            if let Some(d) = d {
                found.at(format!("statement.{name}.source"), &d.source);
            }
        }
        found.at(
            "statement.special_categories.source".into(),
            &s.special_categories.source,
        );
        if let Some(m) = &s.privacy_by_design {
            found.at("statement.privacy_by_design.source".into(), &m.source);
        }
        found.at(
            "statement.processing_locations.source".into(),
            &s.processing_locations.source,
        );
        for (i, sp) in s.sub_processors.iter().enumerate() {
            let base = format!("statement.sub_processors[{i}]");
            if let Some(c) = &sp.code_of_conduct {
                found.at(format!("{base}.code_of_conduct.source"), &c.source);
            }
            if let Some(c) = &sp.transfer_certification {
                found.at(format!("{base}.transfer_certification.source"), c.source());
            }
            if let Some(c) = &sp.ad_hoc_clauses {
                found.at(format!("{base}.ad_hoc_clauses.source"), &c.source);
            }
            found.at(format!("{base}.source"), &sp.source);
        }
        if let Some(r) = &s.sub_processors_by_reference {
            found.at(
                "statement.sub_processors_by_reference.source".into(),
                &r.source,
            );
        }
        found.at(
            "statement.data_subject_requests.source".into(),
            &s.data_subject_requests.source,
        );
        found.at("statement.dpia.source".into(), &s.dpia.source);
        found.at("statement.security.source".into(), &s.security.source);
        for (i, c) in s.certifications.iter().enumerate() {
            found.at(format!("statement.certifications[{i}].source"), &c.source);
        }
        if let Some(l) = &s.service_level {
            found.at("statement.service_level.source".into(), &l.source);
        }
        found.0.extend(
            self.clauses
                .deviations
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("clauses.deviations[{i}].clause"), &d.clause)),
        );
        let t = &self.terms;
        found.at("terms.duration.source".into(), &t.duration.source);
        found.at("terms.deletion.source".into(), &t.deletion.source);
        found.at(
            "terms.return_of_data.source".into(),
            &t.return_of_data.source,
        );
        found.at(
            "terms.legal_retention.source".into(),
            &t.legal_retention.source,
        );
        if let Some(d) = &t.disclosure {
            found.at("terms.disclosure.source".into(), &d.source);
        }
        for (i, c) in t.breach.channel_terms.iter().enumerate() {
            found.at(format!("terms.breach.channel_terms[{i}].source"), &c.source);
        }
        found.at("terms.breach.source".into(), &t.breach.source);
        for (i, c) in t.costs.entries().iter().enumerate() {
            found.at(format!("terms.costs[{i}].source"), &c.source);
        }
        found.at("terms.audit.source".into(), &t.audit.source);
        found.at(
            "terms.statement_changes.source".into(),
            &t.statement_changes.source,
        );
        found.at(
            "terms.sub_processors.source".into(),
            &t.sub_processors.source,
        );
        found.at("terms.fines.source".into(), &t.fines.source);
        found.0
    }
}
