//! `dpa show`'s summary ([`dpa_core::report::Summary`]) prints every value
//! the agreement file holds, and no value of the file can break its lines or
//! steer a terminal.
//!
//! The completeness test walks the JSON Schema of the format (every section
//! and field, nested ones included) and an agreement that holds every one of
//! them, changes each value of that agreement in turn, and asserts that the
//! summary changes with it. A field the summary leaves out fails it, and so
//! does a field added to the format that the test agreement does not fill.

use std::collections::{BTreeMap, BTreeSet};

use dpa_core::Agreement;
use dpa_core::calendar::add_days;
use dpa_core::values::iso_date;
use serde_json::{Value, json};

use crate::helpers::{alles, belco};

/// The fields no change of which the summary can show, with why. Nothing
/// else may be left out.
const NOT_MUTABLE: &[(&str, &str)] = &[
    (
        "dpa_format",
        "the format's version: only 1 exists, so there is no other value to show",
    ),
    (
        "document.parts[]",
        "a document of one part refuses what only the other part says (statement references, deviations), which this agreement holds; the summary's `Not in the document` line is tested in tests/integration/parts.rs",
    ),
    (
        "terms.breach.notice.kind",
        "the kind follows from `hours` (given exactly for `within-hours`), which is changed on its own and shown as `within 24 hours`",
    ),
    (
        "statement.sub_processor_list.provenance",
        "a list's provenance changes only with the keys that go with it (`reason` for `assumed`; no listed sub-processors for `not-stated`); the two documents hold `stated` and `assumed`, each shown, and `not-stated` is shown by provenance_lists",
    ),
];

/// Belco's agreement with every optional field of the format filled in
/// (the values are made up for the test; what matters is that each is there).
fn every_field() -> Value {
    let mut doc: Value = serde_json::from_str(&belco().to_json().unwrap()).unwrap();
    let st = &mut doc["statement"];
    st["template"] = json!("NLdigital Data Pro Statement, template 2019");
    doc["clauses"]["language"] = json!("en");
    let st = &mut doc["statement"];
    st["sub_processor_list"] = json!({
        "provenance": "stated",
        "quote": "Wij werken met de volgende subverwerkers:",
        "source": ["DPS 1.9"]
    });
    let p = &mut st["processor"];
    p["trade_name"] = json!("Belco");
    p["chamber_of_commerce"] = json!("12345678");
    p["vat_number"] = json!("NL000000000B01");
    p["privacy_contact"]["name"] = json!("A. Privacy");
    p["privacy_contact"]["role"] = json!("privacy officer");
    st["certifications"][0]["body"] = json!("a certification body");
    st["data_subject_requests"]["costs_announced_in_advance"] = json!(true);
    st["dpia"]["costs_announced_in_advance"] = json!(true);
    st["security"]["isms"] = json!("an ISMS");
    st["sub_processors_by_reference"] = json!({
        "address": "https://www.belco.nl/subverwerkers",
        "note": "changes are announced by e-mail",
        "source": ["DPS 1.9"]
    });
    let sp = &mut st["sub_processors"][1];
    sp["dpf_certified"] = json!(true);
    sp["code_of_conduct"] = json!({
        "name": "Cloud Code",
        "approval": {"by": "the Belgian authority", "on": "2021-05-20", "reference": "decision 05/2021"},
        "general_validity": {"by": "European Commission", "on": "2024-01-10", "reference": "Implementing Decision (EU) 2024/1"},
        "monitoring_body": "a monitoring body",
        "importer_commitments": true,
        "withdrawn_on": "2030-01-01",
        "source": ["DPS 1.9"]
    });
    sp["transfer_certification"] = json!({
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a certification body",
        "issued_on": "2025-03-01",
        "valid_until": "2028-03-01",
        "withdrawn_on": "2027-01-01",
        "importer_commitments": true,
        "source": ["DPS 1.9"]
    });
    sp["ad_hoc_clauses"] = json!({
        "name": "Belco-Amazon clauses",
        "authorisation": {"by": "Autoriteit Persoonsgegevens", "on": "2022-02-01", "reference": "z2022-001"},
        "withdrawn_on": "2029-01-01",
        "source": ["DPS 1.9"]
    });
    let t = &mut doc["terms"];
    t["deletion"]["backup_cycle_days"] = json!(30);
    t["deletion"]["as_soon_as_possible"] = json!(true);
    // Where the values came from (issue 15 point 2): one table from the
    // standard clauses, one assumed, each with a quote.
    t["deletion"]["provenance"] = json!("standard");
    t["deletion"]["quote"] = json!("binnen de in het Data Pro Statement opgenomen termijn");
    t["audit"]["provenance"] = json!("assumed");
    t["audit"]["reason"] = json!("the notice is read from the sales terms");
    t["audit"]["quote"] = json!("minimaal 14-dagen van tevoren");
    t["breach"]["provenance"] = json!("assumed");
    t["breach"]["reason"] = json!("the notice term is read from the sales terms");
    t["breach"]["quote"] = json!("uiterlijk binnen 24 uur");
    t["statement_changes"]["provenance"] = json!("standard");
    t["statement_changes"]["quote"] = json!("binnen 30 dagen na kennisgeving");
    t["return_of_data"]["provenance"] = json!("standard");
    t["return_of_data"]["quote"] = json!("in een machine leesbaar formaat terugbezorgen");
    t["sub_processors"]["provenance"] = json!("standard");
    t["sub_processors"]["quote"] = json!("Data Processor zal Opdrachtgever informeren");
    t["return_of_data"]["before_deletion"] = json!(true);
    t["return_of_data"]["costs_announced_in_advance"] = json!(true);
    t["costs"][1]["announced_in_advance"] = json!(true);
    // One context free, so that a cost term's context can change.
    let costs = t["costs"].as_array_mut().unwrap();
    assert_eq!(costs.pop().unwrap()["context"], "extra-security");
    doc
}

/// [`every_field`] with each term written the other way: as a statement
/// writes it (`"6 weeks"`, `"2 days"`, `{ rolling = "2 years" }`) instead of a
/// number under a key named for its unit. The two spellings of one term
/// cannot be in one file.
fn every_new_spelling() -> Value {
    let mut doc = every_field();
    let t = &mut doc["terms"];
    let d = t["deletion"].as_object_mut().unwrap();
    d.remove("months");
    d.remove("backup_cycle_days");
    d.insert("within".into(), json!("6 weeks"));
    d.insert("backup_cycle".into(), json!("2 weeks"));
    d.insert("provenance".into(), json!("assumed"));
    d.insert(
        "reason".into(),
        json!("the term is read from the sales terms"),
    );
    t["breach"]["notice"] = json!({"kind": "within", "term": "2 days"});
    let b = t["breach"].as_object_mut().unwrap();
    b.insert("provenance".into(), json!("standard"));
    b.remove("reason");
    let c = t["statement_changes"].as_object_mut().unwrap();
    c.insert("provenance".into(), json!("assumed"));
    c.insert(
        "reason".into(),
        json!("the window is read from the sales terms"),
    );
    let a = t["audit"].as_object_mut().unwrap();
    a.remove("notice_days");
    a.insert("notice".into(), json!("2 weeks"));
    a.insert("period".into(), json!({"rolling": "2 years"}));
    a.insert("provenance".into(), json!("standard"));
    a.remove("reason");
    let r = t["return_of_data"].as_object_mut().unwrap();
    r.insert("provenance".into(), json!("assumed"));
    r.insert("reason".into(), json!("the method is read from the FAQ"));
    r.insert("quote".into(), json!("U kunt uw gegevens zelf exporteren."));
    let p = t["sub_processors"].as_object_mut().unwrap();
    p.insert("provenance".into(), json!("assumed"));
    p.insert(
        "reason".into(),
        json!("the notice is read from the website"),
    );
    p.insert("quote".into(), json!("Wij melden wijzigingen vooraf."));
    let c = t["statement_changes"].as_object_mut().unwrap();
    c.remove("termination_window_days");
    c.insert("termination_window".into(), json!("1 month"));
    // An edition whose text is not on file, so that its clause references
    // are not checked against a numbering and `clauses.numbering` can change
    // alone (in a 2019 file, changing it makes every reference name a clause
    // the edition does not have, which the reader refuses).
    doc["clauses"]["edition"] = json!("nederland-ict-2018");
    // Both parts, written out (the default).
    doc["document"] = json!({"parts": ["statement", "clauses"]});
    doc["statement"]["sub_processor_list"] = json!({
        "provenance": "assumed",
        "reason": "the list is read from the website",
        "quote": "Wij werken met de volgende subverwerkers.",
        "source": ["DPS 1.9"]
    });
    doc
}

/// The path of a field in the format: object keys joined by `.`, array
/// items as `[]` (`statement.sub_processors[].name`).
fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `node` with its `$ref` followed and, for an optional value (`anyOf` with
/// `null`), the value's schema.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    if let Some(r) = node["$ref"].as_str() {
        let name = r.trim_start_matches("#/$defs/");
        return resolve(root, &root["$defs"][name]);
    }
    if let Some(any) = node["anyOf"].as_array()
        && let Some(some) = any.iter().find(|b| b["type"] != "null")
    {
        return resolve(root, some);
    }
    node
}

/// Every field of the schema, nested ones included.
fn schema_paths(root: &Value, node: &Value, path: &str, out: &mut BTreeSet<String>) {
    let node = resolve(root, node);
    if let Some(props) = node["properties"].as_object() {
        for (k, sub) in props {
            let p = child(path, k);
            out.insert(p.clone());
            schema_paths(root, sub, &p, out);
        }
    }
    if let Some(items) = node.get("items") {
        schema_paths(root, items, &format!("{path}[]"), out);
    }
}

/// The schema of the field at `path`.
fn schema_at<'a>(root: &'a Value, path: &str) -> &'a Value {
    let mut node = resolve(root, root);
    for part in path.split('.') {
        let (key, arrays) = match part.find('[') {
            Some(i) => (&part[..i], part[i..].matches("[]").count()),
            None => (part, 0),
        };
        let mut next = &node["properties"][key];
        if next.is_null()
            && let Some(one) = node["oneOf"].as_array()
        {
            next = one
                .iter()
                .map(|o| &o["properties"][key])
                .find(|p| !p.is_null())
                .unwrap_or(next);
        }
        node = resolve(root, next);
        for _ in 0..arrays {
            node = resolve(root, &node["items"]);
        }
    }
    node
}

/// A scalar value of the document: its JSON pointer, its field path, the value.
struct Leaf {
    pointer: String,
    path: String,
    value: Value,
}

/// Every field path and every scalar value of `doc`.
fn walk(
    doc: &Value,
    pointer: &str,
    path: &str,
    paths: &mut BTreeSet<String>,
    leaves: &mut Vec<Leaf>,
) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                let p = child(path, k);
                paths.insert(p.clone());
                walk(v, &format!("{pointer}/{k}"), &p, paths, leaves);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(
                    v,
                    &format!("{pointer}/{i}"),
                    &format!("{path}[]"),
                    paths,
                    leaves,
                );
            }
        }
        scalar => leaves.push(Leaf {
            pointer: pointer.to_owned(),
            path: path.to_owned(),
            value: scalar.clone(),
        }),
    }
}

/// The values to try in place of `leaf`: another choice of an enumeration,
/// the text with something added, the next or previous day, minute or
/// number, the other boolean.
fn mutations(schema: &Value, leaf: &Leaf) -> Vec<Value> {
    match &leaf.value {
        Value::Bool(b) => vec![json!(!b)],
        Value::Number(n) => {
            let n = n.as_i64().unwrap();
            vec![json!(n + 1), json!(n - 1)]
        }
        Value::String(s) => {
            let node = schema_at(schema, &leaf.path);
            let mut choices: Vec<String> = Vec::new();
            if let Some(e) = node["enum"].as_array() {
                choices.extend(e.iter().filter_map(|v| v.as_str()).map(str::to_owned));
            }
            if let Some(e) = node["examples"].as_array() {
                choices.extend(e.iter().filter_map(|v| v.as_str()).map(str::to_owned));
            }
            if let Some(one) = node["oneOf"].as_array() {
                choices.extend(
                    one.iter()
                        .filter_map(|v| v["const"].as_str())
                        .map(str::to_owned),
                );
            }
            choices.retain(|c| c != s);
            if let Ok(d) = iso_date::parse(s) {
                for n in [1, -1] {
                    choices.push(iso_date::format(add_days(d, n).unwrap()));
                }
            }
            if s.len() == 5 && s.as_bytes()[2] == b':' {
                let m: u32 = s[3..].parse().unwrap();
                choices.push(format!("{}:{:02}", &s[..2], (m + 1) % 60));
            }
            choices.push(format!("{s} x"));
            choices.push(format!("{s}.1"));
            choices.push("UTC".to_owned());
            choices.into_iter().map(Value::String).collect()
        }
        other => panic!("{}: unexpected value {other}", leaf.path),
    }
}

/// The format's every section and field is in the test agreement, so the
/// test below reaches each of them (a field added to the format fails here
/// until the agreement above fills it in).
/// Source: issue 15, point 9 (`dpa show` prints every section the file
/// holds); `dpa_core::schema::json_schema`.
#[test]
fn the_test_agreement_holds_every_field_of_the_format() {
    let schema = dpa_core::schema::json_schema();
    let mut wanted = BTreeSet::new();
    schema_paths(&schema, &schema, "", &mut wanted);
    let (mut held, mut leaves) = (BTreeSet::new(), Vec::new());
    for doc in [every_field(), every_new_spelling()] {
        walk(&doc, "", "", &mut held, &mut leaves);
        Agreement::from_json(&doc.to_string()).unwrap();
    }
    let missing: Vec<&String> = wanted.difference(&held).collect();
    assert!(missing.is_empty(), "the test agreement lacks {missing:#?}");
    assert!(wanted.contains("statement.sub_processors[].transfer_certification.valid_until"));
    assert!(wanted.contains("statement.processor.privacy_contact.role"));
}

/// Every value of the agreement file is shown by `dpa show`: changing any
/// one of them (a text, a date, a choice, a number, a yes or no) changes the
/// summary. The client-chosen services, the certifications, the processing
/// locations and the contact's role, which the summary once left out, are
/// among them, as is every nested field (a sub-processor's code of conduct,
/// a certificate's dates, an audit's preconditions).
/// Source: issue 15, point 9 ("prints every section the file holds").
#[test]
fn the_summary_shows_every_value_of_the_file() {
    let schema = dpa_core::schema::json_schema();
    // Per field: whether a change of one of its values was shown.
    let mut shown: BTreeMap<String, bool> = BTreeMap::new();
    let mut not_shown: Vec<String> = Vec::new();
    for doc in [every_field(), every_new_spelling()] {
        changes_shown(&schema, &doc, &mut shown, &mut not_shown);
    }
    assert!(not_shown.is_empty(), "not shown: {not_shown:#?}");
    let unchecked: Vec<&String> = shown
        .iter()
        .filter(|(p, ok)| !**ok && !NOT_MUTABLE.iter().any(|(n, _)| n == p))
        .map(|(p, _)| p)
        .collect();
    assert!(
        unchecked.is_empty(),
        "no value of these fields could be changed: {unchecked:#?}"
    );
}

/// Changes each value of `doc` in turn and records, per field, whether the
/// summary showed the change (`shown`), and the changes it did not show.
fn changes_shown(
    schema: &Value,
    doc: &Value,
    shown: &mut BTreeMap<String, bool>,
    not_shown: &mut Vec<String>,
) {
    let base = Agreement::from_json(&doc.to_string())
        .unwrap()
        .summary()
        .to_string();
    let (mut paths, mut leaves) = (BTreeSet::new(), Vec::new());
    walk(doc, "", "", &mut paths, &mut leaves);
    for leaf in &leaves {
        let entry = shown.entry(leaf.path.clone()).or_insert(false);
        if NOT_MUTABLE.iter().any(|(p, _)| *p == leaf.path) {
            continue;
        }
        for m in mutations(schema, leaf) {
            let mut changed = doc.clone();
            *changed.pointer_mut(&leaf.pointer).unwrap() = m.clone();
            let Ok(a) = Agreement::from_json(&changed.to_string()) else {
                continue;
            };
            if a.summary().to_string() == base {
                not_shown.push(format!("{} ({} -> {m})", leaf.pointer, leaf.value));
            } else {
                *entry = true;
            }
            break;
        }
    }
}

/// The lines the summary printed before it showed every section are still
/// there, unchanged and in order (the new lines are additions), for both
/// seeds.
/// Source: issue 15, point 9 (new sections are added to `dpa show`; the
/// existing lines stay as they were).
#[test]
fn the_summary_keeps_its_earlier_lines() {
    let a = belco().summary().to_string();
    for line in [
        "Belco B.V.",
        "  Zaailand 106, 8911 BN Leeuwarden, NL",
        "  privacy contact: hello@belco.io, +31 85 888 5012",
        "Data Pro Statement 1.3 (effective 2022-01-04), 3 version(s) in history",
        "Standard clauses: nederland-ict-2019, 5 deviation(s)",
        "Products:",
        "  - Belco",
        "Special categories: art. 9 not-designed-for, art. 10 not-designed-for, government identifiers not-stated",
        "Sub-processors (14):",
        "  - Scalingo: Alle applicaties/databases [seat FR, processing EU]",
        "  - Amazon, Inc.: Cloud Service Provider [seat US, processing EU, access from US, basis scc-edition-not-stated]",
        "Terms:",
        "  deletion: 3 months after termination (at-the-latest) — DPS 1.11, clause 2.6.3",
        "  breach notice to client: within 24 hours — DPS 1.13, clause 2.4.1, clause 2.4.2",
        "  audits: at most once per rolling 12 months, 14 days written notice — clause 2.7.3, clause 2.7.4, DPS 1.14",
        "  statement change: client may terminate within 30 days of the notice — clause 2.2.2",
        "  costs of breach-assistance: stated-hourly-rate (EUR 120.00 an hour), estimate first, approval before exceeding it — clause 2.4.3",
        "Rules: months clamp, business days off, time zone Europe/Amsterdam",
    ] {
        assert!(a.lines().any(|l| l == line), "{line:?} missing from\n{a}");
    }
    let b = alles().summary().to_string();
    let mut lines = b.lines();
    for line in [
        "Alles Online B.V.",
        "  KvK 55765939",
        "  privacy contact: Stefan Grevelink, stefan@allesonline.nl, 085 003 0302",
        "Sub-processors (9):",
        "  - Google Maps: Kaartweergave [seat not stated, processing US, basis eu-us-dpf or scc-edition-not-stated, depending on the assignment]",
        "  costs of extra-security: costs-incurred — clause 3.6",
    ] {
        assert!(
            lines.any(|l| l == line),
            "{line:?} missing or out of order in\n{b}"
        );
    }
}

/// The sections the summary once left out are shown with their values:
/// Alles Online's client-chosen services (DPS 9), its processing locations
/// and transfers outside the EEA (DPS 8), its contact's role (DPS 1), and
/// Belco's certification (DPS 1.9, 1.12).
/// Source: Alles Online DPS 1, 8, 9; Belco DPS 1.9, 1.12; issue 15, point 9.
#[test]
fn the_summary_shows_the_sections_it_left_out() {
    let b = alles().summary().to_string();
    assert!(
        b.contains("\n  privacy contact role: contactpersoon privacy & security\n"),
        "{b}"
    );
    assert!(
        b.contains("\nProcessing locations: EU, EEA, US; outside the EEA: yes — DPS 8\n"),
        "{b}"
    );
    assert!(
        b.contains("\nClient-chosen services: Door de opdrachtgever zelf gekozen"),
        "{b}"
    );
    let a = belco().summary().to_string();
    assert!(
        a.contains("\nCertifications (1):\n  - ISO/IEC 27001: held, held by Scalingo (sub-processor) — DPS 1.9, DPS 1.12\n"),
        "{a}"
    );
}

/// A value of the file cannot break the summary's lines or steer the
/// terminal: a line feed, a tab, a carriage return, an escape sequence, a
/// Unicode line separator or a bidirectional override inside a text is
/// written as an escape, and the summary keeps its number of lines.
/// Source: issue 15, point 9 ("never passes terminal control characters
/// from the file to the terminal"); ECMA-48 (C0 and C1 controls); Unicode
/// UAX #9 (bidirectional overrides) and UAX #14 (line separators).
#[test]
fn a_value_cannot_break_a_line_or_steer_the_terminal() {
    let base = belco().summary().to_string();
    let mut doc: Value = serde_json::from_str(&belco().to_json().unwrap()).unwrap();
    doc["statement"]["processor"]["name"] =
        json!("Belco\nTerms:\n  deletion: 1 months\tx\r\u{1b}[2J\u{2028}\u{202e}\u{9b}");
    doc["statement"]["sub_processors"][1]["notes"] = json!("a\nb");
    let shown = Agreement::from_json(&doc.to_string())
        .unwrap()
        .summary()
        .to_string();
    assert_eq!(shown.lines().count(), base.lines().count() + 1, "{shown}"); // the notes line
    assert!(
        shown.starts_with(
            "Belco\\u{a}Terms:\\u{a}  deletion: 1 months\\u{9}x\\u{d}\\u{1b}[2J\\u{2028}\\u{202e}\\u{9b}\n"
        ),
        "{shown}"
    );
    assert!(shown.contains("\n    notes: a\\u{a}b\n"), "{shown}");
    for c in ['\r', '\u{1b}', '\u{2028}', '\u{202e}', '\u{9b}', '\t'] {
        assert!(!shown.contains(c), "{c:?}");
    }
}
