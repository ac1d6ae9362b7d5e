//! The draft agreement file an import writes (issue 18 point 5): the
//! project's TOML format, written with `toml_edit` (its escaping, not ours),
//! each stated value with the quoted sentence as a comment beside it, each
//! ambiguous one with a `REVIEW` comment naming the readings, and the terms
//! the statement does not state marked `not-stated`. A person finishes it;
//! it is not a valid agreement until the review items are settled and the
//! parts the import does not read yet are filled in.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::extract::{ClauseComparison, ImportedStatement};
use super::{Evidence, Read};
use crate::model::{AuditPeriod, NoticeTerm};
use crate::sources::standard_clauses::{self, TermRole, TermValue};
use crate::values::DatePrecision;
use crate::values::ElapsedUnit;

/// `text` for a comment: without control characters, and cut to 110
/// characters (the last an ellipsis) where it is longer.
fn one_line(text: &str) -> String {
    let q: String = text.chars().filter(|c| !c.is_control()).collect();
    if q.chars().count() > 110 {
        q.chars().take(109).collect::<String>() + "…"
    } else {
        q
    }
}

/// The comment beside a value: its citation and quote, one line.
fn comment(e: &Evidence) -> String {
    format!(
        "  # {}, line {}: \"{}\"",
        e.clause,
        e.lines.0,
        one_line(&e.quote)
    )
}

/// Sets `key` to `v` with `e`'s comment.
fn set(t: &mut Table, key: &str, v: impl Into<Value>, e: &Evidence) {
    let mut v: Value = v.into();
    v.decor_mut().set_suffix(comment(e));
    t.insert(key, Item::Value(v));
}

/// Sets `key` from `read`: the value (by `to`), or a comment saying it is
/// not stated or must be chosen.
fn put<T>(t: &mut Table, key: &str, read: &Read<T>, to: impl Fn(&T) -> Value) {
    match read {
        Read::Stated { value, evidence } => set(t, key, to(value), evidence),
        Read::NotStated => {}
        Read::Ambiguous(a) => {
            let note = format!(
                "# REVIEW {}: {} ({}, line {}). Readings: {}.\n",
                a.setting,
                a.evidence.quote.chars().take(100).collect::<String>(),
                a.evidence.clause,
                a.evidence.lines.0,
                a.readings.join(" | ")
            );
            review_note(t, &note);
        }
    }
}

/// Whether `t` has a `# REVIEW` line for the setting `setting`
/// (`terms.audit.period`) below its header.
fn noted(t: &Table, setting: &str) -> bool {
    t.decor()
        .suffix()
        .and_then(|s| s.as_str())
        .is_some_and(|s| s.contains(&format!("# REVIEW {setting}:")))
}

/// Adds `note` (a `# REVIEW` line) below the header of `t`.
fn review_note(t: &mut Table, note: &str) {
    let prefix = t
        .decor()
        .suffix()
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_owned();
    t.decor_mut().set_suffix(format!("{prefix}\n{note}"));
}

/// A table with a leading comment line.
fn table(comment: &str) -> Table {
    let mut t = Table::new();
    if !comment.is_empty() {
        t.decor_mut().set_prefix(format!("\n# {comment}\n"));
    }
    t
}

/// The `source` list of one citation.
fn source(e: &Evidence) -> Value {
    let mut a = Array::new();
    a.push(e.clause.as_str());
    Value::Array(a)
}

/// A date: a TOML date for a day, a string (`"2023-03"`, `"2020"`) for a
/// month or a year.
fn date(d: &crate::values::StatedDate) -> Value {
    let text = d.to_string();
    if d.precision() == DatePrecision::Day
        && let Ok(dt) = text.parse::<toml_edit::Datetime>()
    {
        return Value::from(dt);
    }
    Value::from(text)
}

/// The draft of `s`.
pub(crate) fn draft(s: &ImportedStatement) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(
        "# Draft written by `dpa import` from the text of a Data Pro Statement.\n\
         # Each value cites the item it was read from and quotes the sentence; lines\n\
         # marked REVIEW need a person's choice; values the statement does not state\n\
         # are absent or `not-stated`. Complete the file and run `dpa check`.\n",
    );
    doc.insert("dpa_format", toml_edit::value(1));
    let mut st = table("The Data Pro Statement (part 1)");
    put(&mut st, "version", &s.version, |v| Value::from(v.as_str()));
    put(&mut st, "effective_date", &s.effective_date, date);
    put(&mut st, "template", &s.template, |v| {
        Value::from(v.as_str())
    });
    let mut history = ArrayOfTables::new();
    for h in &s.history {
        let mut t = Table::new();
        set(&mut t, "version", h.version.as_str(), &h.evidence);
        set(&mut t, "date", date(&h.date), &h.evidence);
        if !h.changes.is_empty() {
            let mut a = Array::new();
            for c in &h.changes {
                a.push(c.as_str());
            }
            t.insert("changes", Item::Value(Value::Array(a)));
        }
        history.push(t);
    }
    st.insert("history", Item::ArrayOfTables(history));
    st.insert("processor", Item::Table(processor(s)));
    if let Read::Stated { value, evidence } = &s.products {
        let mut products = ArrayOfTables::new();
        for p in value {
            let mut t = Table::new();
            set(&mut t, "name", p.as_str(), evidence);
            products.push(t);
        }
        st.insert("products", Item::ArrayOfTables(products));
    }
    if let Some(t) = processing_locations(s) {
        st.insert("processing_locations", Item::Table(t));
    }
    for (key, read, heading) in [
        (
            "data_subject_requests",
            &s.data_subject_requests,
            "Help with requests from data subjects (GDPR art. 28(3)(e))",
        ),
        (
            "dpia",
            &s.dpia,
            "Help with a data protection impact assessment (GDPR art. 28(3)(f))",
        ),
    ] {
        if let Some(t) = assistance(read, heading) {
            st.insert(key, Item::Table(t));
        }
    }
    if let Some(t) = security(s) {
        st.insert("security", Item::Table(t));
    }
    if let Read::Stated { value, evidence } = &s.intended_use {
        let mut t = table("Intended use");
        set(&mut t, "text", value.as_str(), evidence);
        t.insert("source", Item::Value(source(evidence)));
        st.insert("intended_use", Item::Table(t));
    }
    st.insert("special_categories", Item::Table(special_categories(s)));
    st.insert("sub_processors", sub_processors(s));
    if let Read::Stated { value, evidence } = &s.certifications {
        let mut certs = ArrayOfTables::new();
        for c in value {
            let mut t = Table::new();
            set(&mut t, "name", c.name.as_str(), evidence);
            t.insert("status", toml_edit::value(c.status.as_str()));
            t.insert("source", Item::Value(source(evidence)));
            certs.push(t);
        }
        st.insert("certifications", Item::ArrayOfTables(certs));
    }
    doc.insert("statement", Item::Table(st));
    let mut clauses = table("The standard clauses (part 2)");
    deviation_notes(&mut clauses, &s.clause_comparison);
    put(&mut clauses, "edition", &s.edition, |e| {
        Value::from(e.as_str())
    });
    doc.insert("clauses", Item::Table(clauses));
    let mut t = terms(s);
    if let Err(e) = edition_terms(&mut t, s) {
        // A defect of the library (the built-in table is proved well
        // formed by a unit test), said where the person reads, not hidden.
        let prefix = doc
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_owned();
        doc.decor_mut().set_prefix(format!(
            "{prefix}# REVIEW terms: the edition's terms were not added: {e}\n"
        ));
    }
    doc.insert("terms", Item::Table(t));
    doc.to_string()
}

/// The values the standard clauses set by their own words
/// (`data/edition-terms.tsv`: fines, legal retention, disclosure, the
/// breach duties, the audits' count, costs and refusals, the termination
/// window and the notice of significant changes, the sub-processor terms),
/// each where the statement has not given it:
///
/// - part 2 compared with the edition's text: each value whose clause part
///   2 has unmodified (a value resting on a whole article: where nothing in
///   the article deviates), stated (the clause is in the document);
/// - the edition named and its text not reproduced (no part 2, or a part 2
///   that only names it): each value of the edition, a term with
///   `provenance = "standard"` (docs/rules.md, "Provenance").
///
/// The comment beside each names the clause and quotes the edition's
/// words, and the clause joins the table's `source`. Nothing is added to a
/// term marked `not-stated` by part 2's own reading, nor where part 2 was
/// not compared (an edition not on file, a translation): the review list
/// says why. The audits' count taken from the edition leaves the period, a
/// reading of "per jaar" (DESIGN.md rule 6), to a `REVIEW` line.
///
/// # Errors
/// The message of an internal error, if the built-in table is malformed.
fn edition_terms(terms: &mut Table, s: &ImportedStatement) -> Result<(), String> {
    let (edition, deviations, by_reference) = match (&s.clause_comparison, s.clauses_by_reference) {
        (
            ClauseComparison::Compared {
                edition,
                deviations,
            },
            _,
        ) => (*edition, deviations.as_slice(), false),
        (_, Some(edition)) => (edition, &[][..], true),
        _ => return Ok(()),
    };
    let rows = standard_clauses::edition_terms(edition).map_err(|e| e.to_string())?;
    // The terms first: a term taken here sets its table's provenance, which
    // the table's other values then join.
    let ordered = rows
        .iter()
        .filter(|r| r.role == TermRole::Term)
        .chain(rows.iter().filter(|r| r.role == TermRole::Value));
    for row in ordered {
        if deviations.iter().any(|d| row.withheld_by(&d.clause)) {
            continue;
        }
        let (name, key) = row.table_and_key();
        let mut value = match row.value() {
            Some(TermValue::Bool(b)) => Value::from(b),
            Some(TermValue::Int(i)) => Value::from(i),
            Some(TermValue::Text(t)) => Value::from(t),
            None => return Err(format!("`{}` is no value of the table", row.text)),
        };
        let item = terms.entry(name).or_insert_with(|| {
            Item::Table(table(&if by_reference {
                format!("From the standard clauses: the {edition} edition, which the statement names without reproducing it")
            } else {
                format!("From part 2: the {edition} edition's clauses, unmodified")
            }))
        });
        let Some(t) = item.as_table_mut() else {
            continue;
        };
        // Given by the statement, or left to a person's choice among its
        // readings.
        if t.contains_key(key) || noted(t, &format!("terms.{name}.{key}")) {
            continue;
        }
        let provenance = t
            .get("provenance")
            .and_then(Item::as_str)
            .map(str::to_owned);
        if row.role == TermRole::Term {
            match provenance.as_deref() {
                // The edition supplies the term the statement is silent on.
                None | Some("not-stated") if by_reference => {
                    t.insert("provenance", toml_edit::value("standard"));
                }
                None => {}
                // Part 2's own reading (not stated), or a mark to keep.
                Some(_) => continue,
            }
        }
        let cite = if row.clause.contains('.') {
            format!("clause {}", row.clause)
        } else {
            format!("article {}", row.clause)
        };
        let reading = one_line(row.reading);
        let whence = if by_reference {
            format!("of the {edition} edition, which the statement names")
        } else {
            format!("of part 2 ({edition}, unmodified)")
        };
        value
            .decor_mut()
            .set_suffix(format!("  # {cite} {whence}: {reading}"));
        // The new value goes before the table's quote and source, which
        // stay last.
        let quote = t.remove("quote");
        let source = t.remove("source");
        t.insert(key, Item::Value(value));
        if let Some(q) = quote {
            t.insert("quote", q);
        }
        let mut list = source
            .and_then(|i| i.into_value().ok())
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default();
        if row.clause.contains('.') && !list.iter().any(|v| v.as_str() == Some(cite.as_str())) {
            list.push(cite.as_str());
        }
        if !list.is_empty() {
            t.insert("source", Item::Value(Value::Array(list)));
        }
        if name == "audit"
            && key == "max_count"
            && !t.contains_key("period")
            && !noted(t, "terms.audit.period")
        {
            let note = format!(
                "# REVIEW terms.audit.period: {reading} ({cite} {whence}). Readings: rolling: 1 year from the previous audit | calendar: per calendar year(s).\n"
            );
            review_note(t, &note);
        }
    }
    Ok(())
}

/// The deviations of part 2 from its edition, as `REVIEW` comments above
/// `[clauses]`: each clause modified, removed or added with its
/// difference, for a person to record in `[[clauses.deviations]]`. Nothing
/// where part 2 was not compared or has no deviations (the review list
/// says which).
fn deviation_notes(t: &mut Table, c: &ClauseComparison) {
    let ClauseComparison::Compared {
        edition,
        deviations,
    } = c
    else {
        return;
    };
    if deviations.is_empty() {
        return;
    }
    let plain = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let mut notes = format!(
        "# Compared with the unmodified text of the {edition} edition: {} deviation(s).\n",
        deviations.len()
    );
    for d in deviations {
        let lines = d
            .evidence
            .as_ref()
            .map(|e| format!(" (line {})", e.lines.0))
            .unwrap_or_default();
        notes.push_str(&format!(
            "# REVIEW clauses.deviations: clause {} {}{lines}: {}\n",
            d.clause,
            d.kind,
            plain(&d.difference)
        ));
    }
    notes.push_str(
        "# Record each in [[clauses.deviations]]: clause, kind and a summary of what it changes.\n",
    );
    let prefix = t
        .decor()
        .prefix()
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_owned();
    t.decor_mut().set_prefix(format!("{prefix}{notes}"));
}

/// `[statement.processor]` with its address and contact.
fn processor(s: &ImportedStatement) -> Table {
    let p = &s.processor;
    let str_ = |v: &String| Value::from(v.as_str());
    let mut t = table("The processor (DPS item 1)");
    put(&mut t, "name", &p.name, str_);
    put(&mut t, "website", &p.website, str_);
    put(&mut t, "chamber_of_commerce", &p.chamber_of_commerce, str_);
    put(&mut t, "vat_number", &p.vat_number, str_);
    let mut a = Table::new();
    put(&mut a, "street", &p.street, str_);
    put(&mut a, "postal_code", &p.postal_code, str_);
    put(&mut a, "city", &p.city, str_);
    put(&mut a, "country", &p.country, |c| Value::from(c.as_str()));
    t.insert("address", Item::Table(a));
    let mut c = Table::new();
    put(&mut c, "name", &p.contact_name, str_);
    put(&mut c, "email", &p.email, str_);
    put(&mut c, "phone", &p.phone, str_);
    t.insert("privacy_contact", Item::Table(c));
    t
}

/// `[statement.processing_locations]`, where the statement says something
/// of it: the places and whether processing happens outside the EEA, each
/// stated or for review, and the item as `source`.
fn processing_locations(s: &ImportedStatement) -> Option<Table> {
    if matches!(s.processing_locations, Read::NotStated)
        && matches!(s.transfers_outside_eea, Read::NotStated)
    {
        return None;
    }
    let mut t = table("Where personal data is processed");
    put(&mut t, "locations", &s.processing_locations, |v| {
        Value::Array(v.iter().map(|l| l.as_str()).collect())
    });
    put(
        &mut t,
        "transfers_outside_eea",
        &s.transfers_outside_eea,
        |b| Value::from(*b),
    );
    let evidence = s
        .transfers_outside_eea
        .evidence()
        .or(s.processing_locations.evidence());
    if let Some(e) = evidence {
        t.insert("source", Item::Value(source(e)));
    }
    Some(t)
}

/// `[statement.security]`, where the statement says something of it: the
/// warranty, the measures and the policy, each stated or for review, and
/// the items the measures and policy came from as `source`.
fn security(s: &ImportedStatement) -> Option<Table> {
    if matches!(s.security_measures, Read::NotStated)
        && matches!(s.isms, Read::NotStated)
        && matches!(s.security_warranty, Read::NotStated)
    {
        return None;
    }
    let mut t = table("Security measures (GDPR art. 28(3)(c), 32)");
    put(&mut t, "warranty", &s.security_warranty, |w| {
        Value::from(w.as_str())
    });
    put(&mut t, "measures", &s.security_measures, |v| {
        Value::Array(v.iter().map(String::as_str).collect())
    });
    put(&mut t, "isms", &s.isms, |v| Value::from(v.as_str()));
    // Where the statement states its measures and policy (the warranty
    // cites its own sentence beside it, and the check that cites the
    // warranty's clause names it itself); none where it states neither.
    let mut clauses: Vec<&str> = Vec::new();
    for e in [s.security_measures.evidence(), s.isms.evidence()]
        .into_iter()
        .flatten()
    {
        if !clauses.contains(&e.clause.as_str()) {
            clauses.push(&e.clause);
        }
    }
    if !clauses.is_empty() {
        t.insert(
            "source",
            Item::Value(Value::Array(clauses.into_iter().collect())),
        );
    }
    Some(t)
}

/// `[statement.data_subject_requests]` or `[statement.dpia]`: the help in
/// the statement's words, or a REVIEW comment; nothing where not stated.
fn assistance(read: &Read<crate::import::ImportedAssistance>, heading: &str) -> Option<Table> {
    let mut t = table(heading);
    match read {
        Read::NotStated => return None,
        Read::Stated { value, evidence } => {
            set(&mut t, "assists", true, evidence);
            t.insert("description", toml_edit::value(value.description.as_str()));
            if value.costs_announced_in_advance {
                t.insert("costs_announced_in_advance", toml_edit::value(true));
            }
            t.insert("source", Item::Value(source(evidence)));
        }
        Read::Ambiguous(_) => put(&mut t, "assists", read, |_| Value::from(true)),
    }
    Some(t)
}

/// `[statement.special_categories]`: each declaration stated, ambiguous
/// (a `REVIEW` comment) or `not-stated`.
fn special_categories(s: &ImportedStatement) -> Table {
    let c = &s.special_categories;
    let mut t = table("Special categories of personal data (GDPR art. 9, 10)");
    let mut sources: Vec<&Evidence> = Vec::new();
    for (key, read) in [
        ("art9", &c.art9),
        ("art10", &c.art10),
        ("government_identifiers", &c.government_identifiers),
    ] {
        match read {
            Read::NotStated => {
                t.insert(key, toml_edit::value("not-stated"));
            }
            other => put(&mut t, key, other, |d| Value::from(d.as_str())),
        }
        if let Some(e) = read.evidence()
            && !sources.iter().any(|s| s.clause == e.clause)
        {
            sources.push(e);
        }
    }
    let mut a = Array::new();
    for e in sources {
        a.push(e.clause.as_str());
    }
    t.insert("source", Item::Value(Value::Array(a)));
    t
}

/// `[[statement.sub_processors]]`.
fn sub_processors(s: &ImportedStatement) -> Item {
    let mut list = ArrayOfTables::new();
    if let Read::Stated { value, .. } = &s.sub_processors {
        for sp in value {
            let mut t = Table::new();
            set(&mut t, "name", sp.name.as_str(), &sp.evidence);
            if let Some(p) = &sp.purpose {
                t.insert("purpose", toml_edit::value(p.as_str()));
            }
            put(&mut t, "seat", &sp.seat, |c| Value::from(c.as_str()));
            put(&mut t, "locations", &sp.locations, |l| {
                Value::Array(l.iter().map(|l| l.as_str()).collect())
            });
            if !sp.transfer_bases.is_empty() {
                t.insert(
                    "transfer_bases",
                    Item::Value(Value::Array(
                        sp.transfer_bases.iter().map(|b| b.as_str()).collect(),
                    )),
                );
            }
            put(&mut t, "engagement", &sp.engagement, |e| {
                Value::from(e.as_str())
            });
            t.insert("source", Item::Value(source(&sp.evidence)));
            list.push(t);
        }
    }
    Item::ArrayOfTables(list)
}

/// A term table's provenance: `source` and `quote` where stated,
/// `provenance = "not-stated"` where not.
fn provenance<T>(t: &mut Table, read: &Read<T>) {
    match read {
        Read::Stated { evidence, .. } => {
            t.insert("quote", toml_edit::value(evidence.quote.as_str()));
            t.insert("source", Item::Value(source(evidence)));
        }
        Read::NotStated => {
            t.insert("provenance", toml_edit::value("not-stated"));
        }
        Read::Ambiguous(_) => {}
    }
}

/// `[terms]`: deletion, breach, audit, statement changes.
fn terms(s: &ImportedStatement) -> Table {
    let mut terms = Table::new();
    terms.set_implicit(true);
    let mut d = table("Deletion after termination (DPS; clause 6.3 / 2.6.3)");
    put(&mut d, "within", &s.deletion_term, |t| {
        Value::from(t.to_string())
    });
    put(&mut d, "firmness", &s.deletion_firmness, |f| {
        Value::from(f.as_str())
    });
    if s.deletion_asap {
        d.insert("as_soon_as_possible", toml_edit::value(true));
    }
    match &s.backups {
        Read::NotStated => {
            d.insert("backups", toml_edit::value("not-stated"));
        }
        other => put(&mut d, "backups", other, |b| Value::from(b.as_str())),
    }
    put(&mut d, "backup_cycle", &s.backup_cycle, |t| {
        Value::from(t.to_string())
    });
    provenance(&mut d, &s.deletion_term);
    let mut du = table("Duration (clause 6.1-6.2 / 2.6.1-2.6.2)");
    let duration = &s.duration;
    put(&mut du, "indefinite", &duration.indefinite, |b| {
        Value::from(*b)
    });
    put(
        &mut du,
        "ends_with_main_agreement",
        &duration.ends_with_main_agreement,
        |b| Value::from(*b),
    );
    let mut du_sources = Array::new();
    for e in [&duration.indefinite, &duration.ends_with_main_agreement]
        .into_iter()
        .filter_map(Read::evidence)
    {
        if !du_sources
            .iter()
            .any(|v| v.as_str() == Some(e.clause.as_str()))
        {
            du_sources.push(e.clause.as_str());
        }
    }
    if !du_sources.is_empty() {
        du.insert("source", Item::Value(Value::Array(du_sources)));
    }
    terms.insert("duration", Item::Table(du));
    terms.insert("deletion", Item::Table(d));
    terms.insert("return_of_data", Item::Table(return_of_data(s)));
    let mut b = table("Breach notice to the client (DPS; clause 4.1 / 2.4.1)");
    put(&mut b, "notice", &s.breach_notice, |n| {
        let mut t = toml_edit::InlineTable::new();
        match n {
            NoticeTerm::Within { term } if term.unit() == ElapsedUnit::Days => {
                t.insert("kind", "within".into());
                t.insert("term", term.to_string().into());
            }
            NoticeTerm::Within { term } => {
                t.insert("kind", "within-hours".into());
                t.insert("hours", i64::from(term.hours()).into());
            }
            _ => {
                t.insert("kind", "without-undue-delay".into());
            }
        }
        Value::InlineTable(t)
    });
    if s.breach_asap {
        b.insert("as_soon_as_possible", toml_edit::value(true));
    }
    put(&mut b, "channels", &s.breach_channels, |c| {
        Value::Array(c.iter().map(|c| c.as_str()).collect())
    });
    put(&mut b, "information", &s.breach_information, |i| {
        Value::Array(i.iter().map(String::as_str).collect())
    });
    provenance(&mut b, &s.breach_notice);
    terms.insert("breach", Item::Table(b));
    let mut a = table("Audits (clause 7.5 / 2.7.4)");
    put(&mut a, "max_count", &s.audit_count, |n| {
        Value::from(i64::from(*n))
    });
    put(&mut a, "period", &s.audit_period, |p| {
        if *p == AuditPeriod::CALENDAR_YEAR {
            Value::from("calendar-year")
        } else if *p == AuditPeriod::ROLLING_12_MONTHS {
            Value::from("rolling-12-months")
        } else {
            let mut t = toml_edit::InlineTable::new();
            t.insert(p.reading().as_str(), p.length().to_string().into());
            Value::InlineTable(t)
        }
    });
    put(&mut a, "notice", &s.audit_notice, |t| {
        Value::from(t.to_string())
    });
    if let Read::Stated { evidence, .. } = &s.audit_count {
        a.insert("source", Item::Value(source(evidence)));
    }
    terms.insert("audit", Item::Table(a));
    let mut c = table("Termination after a notice of changes (clause 2.2 / 2.2.2)");
    put(&mut c, "termination_window", &s.change_window, |t| {
        Value::from(t.to_string())
    });
    provenance(&mut c, &s.change_window);
    terms.insert("statement_changes", Item::Table(c));
    terms
}

/// `[terms.return_of_data]`: the method and what the sentence says of it,
/// the sentence as the description; `provenance = "not-stated"` where the
/// statement does not say how the data is returned.
fn return_of_data(s: &ImportedStatement) -> Table {
    let r = &s.return_of_data;
    let mut t = table("Return of data (clause 6.3 / 2.6.3; GDPR art. 28(3)(g))");
    put(&mut t, "method", &r.method, |m| Value::from(m.as_str()));
    for (key, read) in [
        ("machine_readable", &r.machine_readable),
        ("before_deletion", &r.before_deletion),
        ("costs_announced_in_advance", &r.costs_announced_in_advance),
    ] {
        put(&mut t, key, read, |b| Value::from(*b));
    }
    match &r.method {
        Read::Stated { evidence, .. } => {
            t.insert("description", toml_edit::value(evidence.quote.as_str()));
            t.insert("source", Item::Value(source(evidence)));
        }
        Read::NotStated => {
            t.insert("provenance", toml_edit::value("not-stated"));
        }
        Read::Ambiguous(_) => {}
    }
    t
}
