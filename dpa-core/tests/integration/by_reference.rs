//! Sub-processors kept by reference (issue 15 point 5): a statement that
//! says "see our website" for its sub-processor list, with the address, and
//! what `check`, `transfers`, `show` and the diff say about it.

use dpa_core::Agreement;
use dpa_core::diff::{ChangeKind, Effect, diff};
use dpa_core::report::{Report, TransfersReport};
use serde_json::{Value, json};
use time::macros::date;

use crate::helpers::belco;

const ADDRESS: &str = "https://www.belco.nl/subverwerkers";

/// Belco with its sub-processor list kept at `address`, and its own list
/// emptied when `listed` is false.
fn by_reference(address: &str, listed: bool) -> Agreement {
    let mut doc: Value = serde_json::from_str(&belco().to_json().unwrap()).unwrap();
    let st = &mut doc["statement"];
    if !listed {
        st["sub_processors"] = json!([]);
    }
    st["sub_processors_by_reference"] = json!({"address": address, "source": ["DPS 1.9"]});
    Agreement::from_json(&doc.to_string()).unwrap()
}

/// With the list kept only by reference, `check` says that transfers cannot
/// be checked, citing the statement's item and the GDPR, and names the
/// field; beside a list it says that those named only there cannot be.
/// Source: issue 15 point 5; GDPR art. 28(2) (sub-processors engaged with
/// the controller's authorisation), 44-46 (transfers need a basis).
#[test]
fn check_reports_the_list_kept_by_reference() {
    let at = date!(2026 - 11 - 23);
    let only = by_reference(ADDRESS, false);
    let f: Vec<_> = only
        .check(at)
        .into_iter()
        .filter(|f| f.code.as_str() == "sub-processors-by-reference")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity.as_str(), "warning");
    assert_eq!(f[0].citation, "DPS 1.9; GDPR art. 28(2), 44-46");
    assert_eq!(
        f[0].path.as_deref(),
        Some("statement.sub_processors_by_reference")
    );
    assert_eq!(
        f[0].message,
        format!(
            "the statement keeps its sub-processors by reference ({ADDRESS}) and lists none itself: who they are, where they process and on what basis is not in the agreement, so their transfers outside the EEA cannot be checked"
        )
    );

    let both = by_reference(ADDRESS, true);
    let f = both
        .check(at)
        .into_iter()
        .find(|f| f.code.as_str() == "sub-processors-by-reference")
        .unwrap();
    assert!(
        f.message.starts_with(&format!(
            "the statement lists 14 sub-processor(s) and keeps its complete list by reference ({ADDRESS})"
        )),
        "{}",
        f.message
    );
    // The listed ones are still checked as before.
    let listed_codes = |a: &Agreement| {
        a.check(at)
            .into_iter()
            .filter(|f| f.code.as_str() != "sub-processors-by-reference")
            .collect::<Vec<_>>()
    };
    assert_eq!(listed_codes(&both), listed_codes(&belco()));
    assert!(
        belco()
            .check(at)
            .iter()
            .all(|f| f.code.as_str() != "sub-processors-by-reference")
    );
}

/// `dpa transfers` carries the finding about the list as a whole, in its
/// text under the heading and in its JSON between `assessments` and `on`;
/// a warning, so the report does not fail. Without a reference the JSON has
/// no `findings` key (as before).
/// Source: issue 15 point 5.
#[test]
fn transfers_report_the_list_kept_by_reference() {
    let on = date!(2026 - 11 - 23);
    let only = TransfersReport::new(&by_reference(ADDRESS, false), on).unwrap();
    assert!(only.assessments.is_empty());
    assert_eq!(only.findings.len(), 1);
    assert!(!only.fails());
    let text = only.to_string();
    assert!(
        text.starts_with(&format!(
            "Transfers outside the EEA as of 2026-11-23:\n  warning[sub-processors-by-reference]: the statement keeps its sub-processors by reference ({ADDRESS})"
        )),
        "{text}"
    );
    let v: Value = serde_json::from_str(&only.to_json().unwrap()).unwrap();
    assert_eq!(v["findings"][0]["code"], "sub-processors-by-reference");

    let both = TransfersReport::new(&by_reference(ADDRESS, true), on).unwrap();
    let json = both.to_json().unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["findings"][0]["code"], "sub-processors-by-reference");
    assert_eq!(v["assessments"].as_array().unwrap().len(), 14);
    let (a, f, o) = (
        json.find("\n  \"assessments\"").unwrap(),
        json.find("\n  \"findings\"").unwrap(),
        json.find("\n  \"on\"").unwrap(),
    );
    assert!(a < f && f < o, "{json}");
    // The same bytes as the report written at once.
    let whole = serde_json::to_string_pretty(&serde_json::to_value(&both).unwrap()).unwrap();
    assert_eq!(json, whole + "\n");

    let plain = TransfersReport::new(&belco(), on).unwrap();
    assert!(plain.findings.is_empty());
    let v: Value = serde_json::from_str(&plain.to_json().unwrap()).unwrap();
    assert!(v.get("findings").is_none());
}

/// `dpa show` prints the address and that transfers cannot be checked; the
/// reference is written back in TOML and JSON.
/// Source: issue 15 point 5.
#[test]
fn shown_and_written_back() {
    let a = by_reference(ADDRESS, false);
    let shown = a.summary().to_string();
    assert!(
        shown.contains(&format!(
            "Sub-processors (0):\n  kept by reference: {ADDRESS} — DPS 1.9 (transfers of sub-processors named only there cannot be checked)\n"
        )),
        "{shown}"
    );
    let toml = a.to_toml().unwrap();
    assert!(
        toml.contains("[statement.sub_processors_by_reference]"),
        "{toml}"
    );
    assert_eq!(Agreement::from_toml(&toml).unwrap(), a);
    assert_eq!(Agreement::from_json(&a.to_json().unwrap()).unwrap(), a);
    // An unknown key in the table is refused with its path.
    let bad = toml.replace(
        "[statement.sub_processors_by_reference]\n",
        "[statement.sub_processors_by_reference]\nurl = \"x\"\n",
    );
    let e = Agreement::from_toml(&bad).unwrap_err().to_string();
    assert!(e.contains("statement.sub_processors_by_reference"), "{e}");
}

/// The diff: a list now kept by reference, kept at another address, or no
/// longer kept by reference is significant and undetermined (what is on a
/// list kept elsewhere cannot be compared), and opens the right to object
/// as a sub-processor change does (clause 2.8.3).
/// Source: clause 2.2.2 (significant changes), 2.8.3 (objection to a change
/// of sub-processors); issue 15 point 5.
#[test]
fn diff_compares_the_address() {
    let plain = belco();
    let here = by_reference(ADDRESS, true);
    let there = by_reference("https://www.belco.nl/privacy/subverwerkers", true);
    let one = |old: &Agreement, new: &Agreement| {
        let c: Vec<_> = diff(old, new)
            .into_iter()
            .filter(|c| c.kind == ChangeKind::SubProcessorListReferenceChanged)
            .collect();
        assert_eq!(c.len(), 1, "{c:?}");
        c.into_iter().next().unwrap()
    };
    let added = one(&plain, &here);
    assert_eq!(added.path, "statement.sub_processors_by_reference.address");
    assert_eq!(added.effect, Effect::Undetermined);
    assert!(added.significant);
    assert_eq!(added.to.as_deref(), Some(ADDRESS));
    assert!(
        added
            .rights
            .iter()
            .any(|r| r.kind.as_str() == "sub-processor-objection")
    );

    let moved = one(&here, &there);
    assert_eq!(moved.from.as_deref(), Some(ADDRESS));
    assert_eq!(
        moved.to.as_deref(),
        Some("https://www.belco.nl/privacy/subverwerkers")
    );
    assert!(moved.significant);
    assert!(
        moved.reason.contains("kept at another address"),
        "{}",
        moved.reason
    );

    let removed = one(&here, &plain);
    assert_eq!(removed.path, "statement.sub_processors_by_reference");
    assert_eq!(removed.to, None);
    assert!(removed.significant);

    assert!(diff(&here, &here).is_empty());
}

/// `dpa transfers` assesses each sub-processor as it writes it
/// (`TransfersStream`): its text, its JSON and whether it fails are those
/// of the report held whole, for every example agreement, a list kept by
/// reference alone and beside a list, and Belco with a sub-processor in the
/// US on no basis (a failing report); asked before anything is written and
/// after, and after a write that stopped part-way, the verdict is the same.
/// Source: issue 15 point 5 (the list kept by reference in the report);
/// BENCHMARKS.md "Transfers at the limits" (the report held some 160 MB of
/// assessments at the limits); GDPR art. 44-46 (a transfer needs a basis).
#[test]
fn the_streamed_report_is_the_held_report() {
    use dpa_core::report::TransfersStream;
    let on = date!(2026 - 11 - 23);
    let no_basis = Agreement::from_toml(&crate::helpers::text("belco.toml").replacen(
        "seat = \"NL\"                           # \"Nederland\"\nlocations = [\"EU\"]",
        "seat = \"NL\"\nlocations = [\"US\"]",
        1,
    ))
    .unwrap();
    let mut cases = vec![
        ("by reference only", by_reference(ADDRESS, false)),
        ("by reference and listed", by_reference(ADDRESS, true)),
        ("a US location on no basis", no_basis),
    ];
    for entry in std::fs::read_dir(crate::helpers::examples().join("agreements")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        cases.push((
            "an example agreement",
            Agreement::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        ));
    }
    assert!(cases.len() >= 8, "{}", cases.len());
    let mut failing = 0;
    for (case, a) in &cases {
        let held = TransfersReport::new(a, on).unwrap();
        failing += usize::from(held.fails());
        // Asked first, then written as text, then as JSON.
        let stream = TransfersStream::new(a, on).unwrap();
        assert_eq!(stream.fails(), held.fails(), "{case}: before writing");
        assert_eq!(stream.to_string(), held.to_string(), "{case}");
        assert_eq!(stream.fails(), held.fails(), "{case}: after the text");
        // Written as JSON first (a new stream), then asked.
        let stream = TransfersStream::new(a, on).unwrap();
        let mut written = Vec::new();
        stream.write_json(&mut written).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            held.to_json().unwrap(),
            "{case}"
        );
        assert_eq!(stream.fails(), held.fails(), "{case}: after the JSON");
        // A write that stops part-way (the writer takes the first 40
        // bytes, then fails) notes nothing: asked after it, the verdict is
        // still the whole report's, failing assessment or not.
        let stream = TransfersStream::new(a, on).unwrap();
        let mut short = crate::helpers::Failing {
            room: 40,
            kind: std::io::ErrorKind::StorageFull,
        };
        assert!(stream.write_json(&mut short).is_err(), "{case}");
        assert_eq!(
            stream.fails(),
            held.fails(),
            "{case}: after a stopped write"
        );
        assert_eq!(stream.to_json().unwrap(), held.to_json().unwrap(), "{case}");
        assert_eq!(
            serde_json::to_value(&stream).unwrap(),
            serde_json::to_value(&held).unwrap(),
            "{case}"
        );
    }
    assert_eq!(failing, 1, "one case fails: the US location on no basis");
}
