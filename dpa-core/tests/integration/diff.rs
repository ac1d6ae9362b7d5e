//! `dpa_core::diff`: the changes between two versions of an agreement, how
//! each is classified, and the rights they open. The Belco 1.2.2 → 1.3 diff
//! must show exactly the changes 1.3's own version history lists.

use crate::helpers::{load, text};

use dpa_core::Agreement;
use dpa_core::deadline::{DeadlineKind, Due};
use dpa_core::diff::{Change, ChangeKind, DiffReport, Effect, RightKind, diff, rights_opened};
use time::macros::date;

fn parse(toml: &str) -> Agreement {
    Agreement::from_toml(toml).unwrap_or_else(|e| panic!("{e}"))
}

/// `s` with `from` replaced by `to`, which must occur exactly once.
fn edit(s: &str, from: &str, to: &str) -> String {
    assert_eq!(s.matches(from).count(), 1, "`{from}` must occur once");
    s.replacen(from, to, 1)
}

/// The TOML block of the sub-processor named `name`.
fn sub_processor_block(s: &str, name: &str) -> String {
    let head = format!("[[statement.sub_processors]]\nname = \"{name}\"\n");
    let start = s.find(&head).unwrap();
    let end = s[start..].find("\n\n").unwrap() + start + 2;
    s[start..end].to_owned()
}

fn kinds(changes: &[Change]) -> Vec<(&str, &str)> {
    changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect()
}

fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "expected one change, got {changes:#?}");
    &changes[0]
}

const NOTIFIED: time::Date = date!(2022 - 01 - 04);

/// Checks a significant sub-processor change: both rights, and the deadlines.
fn assert_opens_both(changes: &[Change], new: &Agreement) {
    for c in changes {
        assert!(c.significant, "{c}");
        assert!(c.kind.concerns_sub_processor(), "{c}");
        assert!(c.opens(RightKind::TerminationWindow), "{c}");
        assert!(c.opens(RightKind::SubProcessorObjection), "{c}");
        let t = c
            .rights
            .iter()
            .find(|r| r.kind == RightKind::TerminationWindow)
            .unwrap();
        assert_eq!(t.citation, "clause 2.2.2");
        let o = c
            .rights
            .iter()
            .find(|r| r.kind == RightKind::SubProcessorObjection)
            .unwrap();
        assert_eq!(o.citation, "clause 2.8.3; GDPR art. 28(2)");
    }
    let rights = rights_opened(changes, new, NOTIFIED).unwrap();
    let w = rights.termination_window.as_ref().unwrap();
    assert_eq!(w.kind, DeadlineKind::TerminationWindow);
    assert_eq!(w.due.date(), Some(date!(2022 - 02 - 03)));
    assert_eq!(w.citation, "clause 2.2.2");
    let o = rights.objection.as_ref().unwrap();
    assert_eq!(o.due, Due::NoFixedTerm);
    assert_eq!(o.citation, "clause 2.8.3; GDPR art. 28(2)");
    assert!(o.note.as_deref().unwrap().contains("object"));
    assert_eq!(rights.deadlines().count(), 2);
}

// ---------------------------------------------------------------------------
// Belco 1.2.2 → 1.3

/// Belco 1.2.2, encoded from 1.3's change list, has the older texts and no
/// error finding at its own date.
/// Source: Belco's version history, "versie 1.3 (04 januari 2022): wijzigingen
/// sinds versie 1.2.2" (the Wbp references, the DPS 1.14 precondition, "staat
/// er niet voor in ... doeltreffend").
#[test]
fn belco_1_2_2_loads_and_matches_the_history() {
    let old = load("belco-1.2.2.toml");
    let s = &old.statement;
    assert_eq!(s.version.to_string(), "1.2.2");
    assert_eq!(s.effective_date.day(), Some(date!(2021 - 11 - 03)));
    let versions: Vec<String> = s
        .history
        .records()
        .iter()
        .map(|r| r.version.to_string())
        .collect();
    assert_eq!(versions, ["1.2.1", "1.2.2"]);
    assert_eq!(s.security.warranty.as_str(), "not-warranted");
    assert_eq!(old.terms.audit.preconditions.len(), 2);
    assert!(
        old.terms.audit.preconditions[1]
            .as_str()
            .contains("feitelijk onderbouwde argumenten")
    );
    let dsr = s.data_subject_requests.description.as_str();
    assert!(dsr.contains("artikel 35 Wbp") && dsr.contains("artikel 36 Wbp"));
    // At its own effective date, the only errors are the art. 28 items it
    // shares with 1.3 (types of data, data subjects, the final subparagraph).
    let findings = old.check(date!(2021 - 11 - 03));
    let errors: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity == dpa_core::finding::Severity::Error)
        .map(|f| f.citation.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "GDPR art. 28(3)",
            "GDPR art. 28(3)",
            "GDPR art. 28(3), final subparagraph"
        ],
        "{findings:#?}"
    );
}

/// The 1.2.2 to 1.3 diff shows exactly the changes 1.3's history lists,
/// classified from the typed values: every one is in the client's favour or
/// editorial, so the notice opens no termination window.
/// Source: Belco's version history for 1.3 (three changes) and DPS 1.10
/// ("artikel 45 Avg"); clause 2.2.2 (the client may terminate after
/// "significante aanpassingen"); the reading of "significant" in the
/// `dpa_core::diff` docs ("When a change is significant": a deviation whose
/// summary alone changed is editorial).
#[test]
fn belco_1_2_2_to_1_3_shows_exactly_the_1_3_changes() {
    let old = load("belco-1.2.2.toml");
    let new = load("belco.toml");
    let changes = diff(&old, &new);
    for c in &changes {
        println!("{c}");
        assert!(!c.reason.is_empty());
    }
    assert_eq!(
        kinds(&changes),
        [
            (
                "text-changed",
                "statement.data_subject_requests.description"
            ),
            ("security-warranty-changed", "statement.security.warranty"),
            ("deviation-changed", "clauses.deviations[1]"),
            ("audit-term-changed", "terms.audit.preconditions"),
        ]
    );

    // "Verwijzing Wbp artikel 35/36 aangepast naar artikelen uit de AVG":
    // editorial, not significant.
    let dsr = &changes[0];
    assert_eq!(dsr.effect, Effect::Editorial);
    assert!(!dsr.significant);
    assert!(dsr.rights.is_empty());
    assert!(dsr.from.as_deref().unwrap().contains("artikel 35 Wbp"));
    assert_eq!(dsr.citation, "DPS 1.10, clause 2.7.1");
    // DPS 1.10 of version 1.3 cites "artikel 45 Avg" where 1.2.2 cited
    // "artikel 35 Wbp": only the references changed.
    assert!(
        new.statement
            .data_subject_requests
            .description
            .as_str()
            .contains("artikel 45 Avg")
    );
    assert!(
        dsr.reason.contains("references to articles of law"),
        "{}",
        dsr.reason
    );

    // Clause 2.4.1: "staat er niet voor in ... doeltreffend" → "staat er voor
    // in ... adequaat": strengthened, favourable.
    let w = &changes[1];
    assert_eq!(w.from.as_deref(), Some("not-warranted"));
    assert_eq!(w.to.as_deref(), Some("adequate-under-all-circumstances"));
    assert_eq!(w.citation, "clause 2.4.1");
    assert_eq!(w.effect, Effect::Favourable);
    assert!(!w.significant);
    assert!(w.reason.contains("strengthened"));
    assert!(w.description.contains("not-warranted"));
    assert!(w.rights.is_empty());

    // The clause 2.4.1 deviation's summary was rewritten to say the same as
    // the typed warranty: editorial, and the reason points at the typed
    // change, which is classified on its own (favourable, above).
    let d = &changes[2];
    assert_eq!(d.citation, "clause 2.4.1");
    assert_eq!(d.effect, Effect::Editorial);
    assert!(!d.significant);
    assert!(
        d.to.as_deref()
            .unwrap()
            .contains("adequate under all circumstances")
    );
    assert!(d.reason.contains("security-warranty-changed"));
    assert!(d.rights.is_empty());

    // DPS 1.14's precondition dropped: favourable.
    let a = &changes[3];
    assert_eq!(a.old_path.as_deref(), Some("terms.audit.preconditions[1]"));
    assert!(
        a.from
            .as_deref()
            .unwrap()
            .starts_with("Alleen als Opdrachtgever met goede en feitelijk onderbouwde")
    );
    assert_eq!(a.to, None);
    assert_eq!(a.effect, Effect::Favourable);
    assert!(!a.significant);
    assert!(a.reason.contains("precondition"));
    assert!(a.rights.is_empty());

    // Nothing significant: no termination window; no sub-processor changed,
    // so no objection.
    assert!(changes.iter().all(|c| !c.significant));
    let rights = rights_opened(&changes, &new, NOTIFIED).unwrap();
    assert!(rights.termination_window.is_none());
    assert!(rights.objection.is_none());

    // The method form gives the same.
    assert_eq!(old.diff_to(&new), changes);
}

/// The same changes backwards weaken the warranty and add an audit
/// precondition: significant.
/// Source: Belco's version history for 1.3, read backwards; the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant":
/// "the security warranty weakened", "an audit precondition").
#[test]
fn belco_1_3_back_to_1_2_2_is_unfavourable() {
    let changes = diff(&load("belco.toml"), &load("belco-1.2.2.toml"));
    let w = changes
        .iter()
        .find(|c| c.kind == ChangeKind::SecurityWarrantyChanged)
        .unwrap();
    assert_eq!(w.effect, Effect::ReducesProtection);
    assert!(w.significant && w.reason.contains("weakened"));
    let a = changes
        .iter()
        .find(|c| c.kind == ChangeKind::AuditTermChanged)
        .unwrap();
    assert_eq!(a.path, "terms.audit.preconditions[1]");
    assert_eq!(a.effect, Effect::ReducesProtection);
    assert!(a.significant);
}

/// A deviation is classified by typed values: its summary changing alone is
/// editorial; a deviation added, removed or changed in kind stays significant
/// (undetermined), since its text is not judged.
/// Source: the reading of "significant" in the `dpa_core::diff` docs ("When a
/// change is significant"); Belco clause 2.2.8 (the deviation edited here) and
/// clause 2.2.2 (the client may terminate after "significante aanpassingen").
#[test]
fn deviations_are_classified_by_kind_not_by_summary() {
    let old_text = text("belco.toml");
    let old = parse(&old_text);
    let summary = "summary = \"Fines imposed by the AP on the client are recoverable";
    // The summary alone, reworded: editorial, opens nothing.
    let reworded = parse(&edit(
        &old_text,
        summary,
        "summary = \"Fines the AP imposes on the client can be recovered",
    ));
    let c = diff(&old, &reworded);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::DeviationChanged);
    assert_eq!(c.effect, Effect::Editorial);
    assert!(!c.significant && c.rights.is_empty());
    // The kind changed (the clause now removed): undetermined, significant.
    let block = "clause = \"clause 2.2.8\"\nkind = \"modified\"";
    let removed = parse(&edit(
        &old_text,
        block,
        "clause = \"clause 2.2.8\"\nkind = \"removed\"",
    ));
    let c = diff(&old, &removed);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::DeviationChanged);
    assert_eq!(c.effect, Effect::Undetermined);
    assert!(c.significant && c.opens(RightKind::TerminationWindow));
    // A deviation dropped: undetermined, significant.
    let start = old_text
        .find("[[clauses.deviations]]\nclause = \"clause 2.2.8\"")
        .unwrap();
    let end = start + old_text[start..].find("\n\n").unwrap() + 2;
    let dropped = parse(&format!("{}{}", &old_text[..start], &old_text[end..]));
    let c = diff(&old, &dropped);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::DeviationRemoved);
    assert_eq!(c.effect, Effect::Undetermined);
    assert!(c.significant);
    // And added back: undetermined, significant.
    let c = diff(&dropped, &old);
    let c = only(&c);
    assert_eq!(c.kind, ChangeKind::DeviationAdded);
    assert!(c.significant);
}

/// Cost terms are compared per context: a higher rate for breach assistance
/// reduces the client's protection; a context whose cost term is dropped or
/// newly stated is undetermined; a term made known in advance is favourable.
/// Source: Belco clause 2.4.3 (EUR 120 an hour "in dit kader") and 2.7.6; the
/// reading of "significant" in the `dpa_core::diff` docs ("When a change is
/// significant": a term made looser; an unordered choice).
#[test]
fn cost_terms_are_compared_per_context() {
    let old_text = text("belco.toml");
    let old = parse(&old_text);
    let dearer = parse(&edit(
        &old_text,
        "hourly_rate_eur_cents = 12000",
        "hourly_rate_eur_cents = 15000",
    ));
    let changes = diff(&old, &dearer);
    let c = only(&changes);
    assert_eq!(c.path, "terms.costs[0].hourly_rate_eur_cents");
    assert_eq!(c.effect, Effect::ReducesProtection);
    assert_eq!(c.citation, "clause 2.4.3");
    assert!(c.description.contains("breach-assistance"), "{c}");

    let block = "[[terms.costs]]\ncontext = \"audits\"\nbasis = \"costs-incurred\"\nsource = [\"clause 2.7.6\"]\n\n";
    let dropped = parse(&edit(&old_text, block, ""));
    let changes = diff(&old, &dropped);
    let c = only(&changes);
    assert_eq!(c.path, "terms.costs");
    assert_eq!(c.old_path.as_deref(), Some("terms.costs[4]"));
    assert_eq!(c.effect, Effect::Undetermined);
    let changes = diff(&dropped, &old);
    assert_eq!(only(&changes).path, "terms.costs[4]");

    let announced = parse(&edit(
        &old_text,
        "context = \"dpia\"\nbasis = \"costs-incurred\"\n",
        "context = \"dpia\"\nbasis = \"costs-incurred\"\nannounced_in_advance = true\n",
    ));
    let changes = diff(&old, &announced);
    let c = only(&changes);
    assert_eq!(c.path, "terms.costs[3].announced_in_advance");
    assert_eq!(c.effect, Effect::Favourable);
}

/// A diff report's JSON field names and spellings, on Belco 1.3 back to 1.2.2
/// (the warranty weakened: significant) notified on 1.2.2's effective date.
/// Source: the library's JSON format (docs/architecture.md, "Reports"); Belco
/// clause 2.2.2 for the window's due date ("binnen 30 dagen na kennisgeving").
#[test]
fn report_serializes_with_stable_field_names() {
    let old = load("belco.toml");
    let new = load("belco-1.2.2.toml");
    let report = DiffReport::new(&old, &new, date!(2021 - 11 - 03)).unwrap();
    assert!(report.significant);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["old_version"], "1.3");
    assert_eq!(json["new_version"], "1.2.2");
    assert_eq!(json["notified"], "2021-11-03");
    assert_eq!(json["significant"], true);
    assert_eq!(json["termination_window"]["due"], "2021-12-03");
    assert_eq!(json["termination_window"]["kind"], "termination-window");
    assert!(json["objection"].is_null());
    let c = &json["changes"][1];
    let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "citation",
            "description",
            "effect",
            "from",
            "kind",
            "old_path",
            "path",
            "reason",
            "rights",
            "significant",
            "to"
        ]
    );
    assert_eq!(c["kind"], "security-warranty-changed");
    assert_eq!(c["effect"], "reduces-protection");
    assert_eq!(c["significant"], true);
    assert_eq!(c["rights"][0]["kind"], "termination-window");
    assert_eq!(c["rights"][0]["citation"], "clause 2.2.2");
    let d = &json["changes"][2];
    assert_eq!(d["kind"], "deviation-changed");
    assert_eq!(d["effect"], "editorial");
    assert_eq!(d["rights"], serde_json::json!([]));
}

// ---------------------------------------------------------------------------
// Identity

/// An agreement compared with itself has no changes and opens no right.
/// Source: Belco clause 2.2.2 / Alles Online clause 2.2 (a right opens on a
/// notified change only).
#[test]
fn an_agreement_against_itself_has_no_changes() {
    for name in ["belco.toml", "alles-online.toml", "belco-1.2.2.toml"] {
        let a = load(name);
        assert!(diff(&a, &a).is_empty(), "{name}");
        assert!(diff(&a, &a.clone()).is_empty(), "{name}");
        let report = DiffReport::new(&a, &a, NOTIFIED).unwrap();
        assert!(!report.significant);
        assert!(report.termination_window.is_none() && report.objection.is_none());
    }
}

// ---------------------------------------------------------------------------
// Sub-processors

/// A sub-processor added (in the US) changes processing: significant, opening
/// the termination window and the right to object.
/// Source: Belco clauses 2.2.2 (termination window) and 2.8.3 (the client may
/// object to a change of sub-processors); GDPR art. 28(2); the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant").
#[test]
fn sub_processor_added() {
    let base = text("belco.toml");
    let block = "[[statement.sub_processors]]\nname = \"Acme Analytics\"\npurpose = \"Analyse\"\nseat = \"US\"\nlocations = [\"US\"]\ntransfer_bases = [\"scc-2021\"]\nengagement = \"always\"\nsource = [\"DPS 1.9\"]\n\n";
    let changed = edit(
        &base,
        "[statement.data_subject_requests]",
        &format!("{block}[statement.data_subject_requests]"),
    );
    let new = parse(&changed);
    let changes = diff(&load("belco.toml"), &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::SubProcessorAdded);
    assert_eq!(c.path, "statement.sub_processors[14]");
    assert_eq!(c.effect, Effect::ChangesProcessing);
    assert!(c.reason.contains("outside the EEA (US)"), "{}", c.reason);
    assert!(c.description.contains("Acme Analytics"));
    assert_opens_both(&changes, &new);
}

/// A sub-processor removed changes processing: significant, opening both
/// rights.
/// Source: Belco clauses 2.2.2 and 2.8.3; GDPR art. 28(2); the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant").
#[test]
fn sub_processor_removed() {
    let base = text("belco.toml");
    let changed = edit(&base, &sub_processor_block(&base, "Median"), "");
    let new = parse(&changed);
    let changes = diff(&load("belco.toml"), &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::SubProcessorRemoved);
    assert_eq!(c.path, "statement.sub_processors");
    assert_eq!(c.old_path.as_deref(), Some("statement.sub_processors[13]"));
    assert_eq!(c.from.as_deref(), Some("Median"));
    assert_opens_both(&changes, &new);
}

/// A sub-processor's locations or seat moved to the US changes processing:
/// significant, opening both rights.
/// Source: Belco clauses 2.2.2 and 2.8.3; GDPR art. 28(2) and 44; the reading
/// of "significant" in the `dpa_core::diff` docs ("When a change is
/// significant").
#[test]
fn sub_processor_moved_to_the_us() {
    let base = text("belco.toml");
    let block = sub_processor_block(&base, "Scalingo");
    let moved = edit(&block, "locations = [\"EU\"]", "locations = [\"US\"]");
    let new = parse(&edit(&base, &block, &moved));
    let changes = diff(&load("belco.toml"), &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::SubProcessorMoved);
    assert_eq!(c.path, "statement.sub_processors[0].locations");
    assert_eq!(c.from.as_deref(), Some("EU"));
    assert_eq!(c.to.as_deref(), Some("US"));
    assert!(c.reason.contains("outside the EEA (US)"), "{}", c.reason);
    assert_opens_both(&changes, &new);

    // The seat moving is the same kind of change.
    let seat = edit(&block, "seat = \"FR\"", "seat = \"US\"");
    let new = parse(&edit(&base, &block, &seat));
    let changes = diff(&load("belco.toml"), &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::SubProcessorMoved);
    assert_eq!(c.path, "statement.sub_processors[0].seat");
    assert_opens_both(&changes, &new);
}

/// A sub-processor's transfer basis changed is significant and opens both
/// rights.
/// Source: Belco clauses 2.2.2 and 2.8.3; GDPR art. 28(2) and 46; the reading
/// of "significant" in the `dpa_core::diff` docs ("When a change is
/// significant": "on what basis").
#[test]
fn sub_processor_basis_changed() {
    let base = text("belco.toml");
    let block = sub_processor_block(&base, "Amazon, Inc.");
    let rebased = edit(
        &block,
        "transfer_bases = [\"scc-edition-not-stated\"]",
        "transfer_bases = [\"eu-us-dpf\"]\ndpf_certified = true",
    );
    let new = parse(&edit(&base, &block, &rebased));
    let changes = diff(&load("belco.toml"), &new);
    assert_eq!(
        kinds(&changes),
        [
            (
                "sub-processor-basis-changed",
                "statement.sub_processors[1].transfer_bases"
            ),
            (
                "sub-processor-basis-changed",
                "statement.sub_processors[1].dpf_certified"
            ),
        ]
    );
    assert_eq!(changes[0].from.as_deref(), Some("scc-edition-not-stated"));
    assert_eq!(changes[0].to.as_deref(), Some("eu-us-dpf"));
    assert_opens_both(&changes, &new);
}

/// A sub-processor regrouped in the statement's tables is an editorial change
/// and opens no right.
/// Source: Belco clause 2.2.2 (significant changes only); the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant").
#[test]
fn sub_processor_editorial_change_opens_nothing() {
    let base = text("belco.toml");
    let block = sub_processor_block(&base, "Heroku");
    let regrouped = edit(
        &block,
        "group = \"infrastructuur en dataopslag\"",
        "group = \"hosting\"",
    );
    let new = parse(&edit(&base, &block, &regrouped));
    let changes = diff(&load("belco.toml"), &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::SubProcessorChanged);
    assert_eq!(c.path, "statement.sub_processors[3].group");
    assert_eq!(c.effect, Effect::Editorial);
    assert!(c.rights.is_empty());
    let rights = rights_opened(&changes, &new, NOTIFIED).unwrap();
    assert!(rights.termination_window.is_none() && rights.objection.is_none());
}

/// Where the file gives the client no right to object, a sub-processor change
/// opens the termination window only.
/// Source: Belco clause 2.8.3 (the right to object, switched off in the file
/// here) and clause 2.2.2.
#[test]
fn no_objection_right_where_the_agreement_gives_none() {
    let base = text("belco.toml");
    let without = edit(
        &base,
        "client_may_object = true              # clause 2.8.3",
        "client_may_object = false",
    );
    let old = parse(&without);
    let new = parse(&edit(&without, &sub_processor_block(&base, "Median"), ""));
    let changes = diff(&old, &new);
    let c = only(&changes);
    assert!(c.significant);
    assert!(c.opens(RightKind::TerminationWindow));
    assert!(!c.opens(RightKind::SubProcessorObjection));
    let rights = rights_opened(&changes, &new, NOTIFIED).unwrap();
    assert!(rights.termination_window.is_some() && rights.objection.is_none());
}

// ---------------------------------------------------------------------------
// Terms and measures

/// A deletion term made longer (3 to 6 months) reduces protection and opens the
/// termination window; a shorter one is in the client's favour.
/// Source: Belco DPS 1.11 / clause 2.6.3 and clause 2.2.2; the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant":
/// "a term made longer").
#[test]
fn a_longer_deletion_term_is_significant_and_a_shorter_one_is_not() {
    let three = load("belco.toml");
    let six = parse(&edit(&text("belco.toml"), "months = 3", "months = 6"));
    let changes = diff(&three, &six);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::DeletionTermChanged);
    assert_eq!(c.path, "terms.deletion.months");
    assert_eq!(c.from.as_deref(), Some("3 months"));
    assert_eq!(c.to.as_deref(), Some("6 months"));
    assert_eq!(c.citation, "DPS 1.11, clause 2.6.3");
    assert_eq!(c.effect, Effect::ReducesProtection);
    assert!(c.significant);
    assert!(c.opens(RightKind::TerminationWindow));
    assert!(!c.opens(RightKind::SubProcessorObjection));
    let rights = rights_opened(&changes, &six, NOTIFIED).unwrap();
    assert_eq!(
        rights.termination_window.unwrap().due.date(),
        Some(date!(2022 - 02 - 03))
    );
    assert!(rights.objection.is_none());

    let back = diff(&six, &three);
    let c = only(&back);
    assert_eq!(c.effect, Effect::Favourable);
    assert!(!c.significant && c.rights.is_empty());
}

/// A security measure removed reduces protection (significant), one added does
/// not, and reordering them is no change.
/// Source: Belco DPS 1.12 (the measures) and clause 2.2.2 (changes of the
/// statement, "en met name de daarin opgenomen beveiligingsmaatregelen"); the
/// reading of "significant" in the `dpa_core::diff` docs ("When a change is
/// significant").
#[test]
fn a_measure_removed_is_significant_and_one_added_is_not() {
    let base = text("belco.toml");
    let measure = "    \"Encryptie (versleuteling) van digitale bestanden\",\n";
    let without = parse(&edit(&base, measure, ""));
    let belco = load("belco.toml");

    let removed = diff(&belco, &without);
    let c = only(&removed);
    assert_eq!(c.kind, ChangeKind::SecurityMeasureRemoved);
    assert_eq!(c.path, "statement.security.measures");
    assert_eq!(
        c.old_path.as_deref(),
        Some("statement.security.measures[6]")
    );
    assert_eq!(
        c.from.as_deref(),
        Some("Encryptie (versleuteling) van digitale bestanden")
    );
    assert_eq!(c.effect, Effect::ReducesProtection);
    assert!(c.significant && c.opens(RightKind::TerminationWindow));

    let added = diff(&without, &belco);
    let c = only(&added);
    assert_eq!(c.kind, ChangeKind::SecurityMeasureAdded);
    assert_eq!(c.path, "statement.security.measures[6]");
    assert_eq!(c.effect, Effect::Favourable);
    assert!(!c.significant && c.rights.is_empty());

    // Reordering the measures is no change.
    let anchor = "warranty = \"adequate-under-all-circumstances\"\nmeasures = [\n";
    let moved = edit(
        &edit(&base, measure, ""),
        anchor,
        &format!("{anchor}{measure}"),
    );
    assert!(diff(&belco, &parse(&moved)).is_empty());
}

/// Breach notice, audit notice, termination window, fines and special
/// categories: each change classified by its direction.
/// Source: Belco clause 2.4.1 (24 hours), DPS 1.14 (14 days), clause 2.2.2 (30
/// days), clause 2.2.8 (fines) and DPS 1.5 (special categories); the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant")
/// and `diff/policy.rs`.
#[test]
fn other_terms_are_classified_by_direction() {
    let base = text("belco.toml");
    let belco = load("belco.toml");
    let cases: [(&str, &str, &str, Effect); 5] = [
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within-hours\", hours = 48 }",
            "terms.breach.notice",
            Effect::ReducesProtection,
        ),
        (
            "notice_days = 14 ",
            "notice_days = 7 ",
            "terms.audit.notice_days",
            Effect::Favourable,
        ),
        (
            "termination_window_days = 30 ",
            "termination_window_days = 14 ",
            "terms.statement_changes.termination_window_days",
            Effect::ReducesProtection,
        ),
        (
            "recoverable = \"intent-or-deliberate-recklessness\"",
            "recoverable = \"never\"",
            "terms.fines.recoverable",
            Effect::ReducesProtection,
        ),
        (
            "art9 = \"not-designed-for\"",
            "art9 = \"designed-for\"",
            "statement.special_categories.art9",
            Effect::ChangesProcessing,
        ),
    ];
    for (from, to, path, effect) in cases {
        let changes = diff(&belco, &parse(&edit(&base, from, to)));
        let c = only(&changes);
        assert_eq!(c.path, path);
        assert_eq!(c.effect, effect, "{c}");
        assert_eq!(c.significant, effect.is_significant());
    }
}

/// Processing locations widened to the US (and the declaration of transfers
/// changed) are significant, each change opening the termination window.
/// Source: Belco DPS 1.8 and clause 2.2.2; the reading of "significant" in the
/// `dpa_core::diff` docs ("When a change is significant": "where").
#[test]
fn processing_locations_changed_is_significant() {
    let base = text("belco.toml");
    let from = "locations = [\"EU\"]\ntransfers_outside_eea = true";
    let old = edit(
        &base,
        from,
        "locations = [\"EU\"]\ntransfers_outside_eea = false",
    );
    let new = edit(
        &base,
        from,
        "locations = [\"EU\", \"US\"]\ntransfers_outside_eea = true",
    );
    let changes = diff(&parse(&old), &parse(&new));
    assert_eq!(
        kinds(&changes),
        [
            (
                "processing-locations-changed",
                "statement.processing_locations.locations"
            ),
            (
                "processing-locations-changed",
                "statement.processing_locations.transfers_outside_eea"
            ),
        ]
    );
    assert!(changes.iter().all(|c| c.significant && c.rights.len() == 1));
}

/// A certification held that becomes pending is significant; the other way it
/// is not.
/// Source: Belco DPS 1.12 (Scalingo, ISO 27001) and clause 2.2.2; the reading
/// of "significant" in the `dpa_core::diff` docs ("When a change is
/// significant": "a certification lost").
#[test]
fn a_certification_lost_is_significant() {
    let base = text("belco.toml");
    let pending = edit(
        &base,
        "name = \"ISO/IEC 27001\"\nstatus = \"held\"",
        "name = \"ISO/IEC 27001\"\nstatus = \"pending\"",
    );
    let changes = diff(&load("belco.toml"), &parse(&pending));
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::CertificationStatusChanged);
    assert_eq!(c.path, "statement.certifications[0].status");
    assert!(c.significant);
    let back = diff(&parse(&pending), &load("belco.toml"));
    assert!(!only(&back).significant);
}

// ---------------------------------------------------------------------------
// Different agreements

/// Two different agreements: the clause edition changed (significant) and the
/// numbering (not), every change explained, the same list each time.
/// Source: Belco Deel 2 (the 2019 clauses numbered 2.1-2.9) against Alles
/// Online Deel 2 ("Versie: maart 2025", articles 1-9); the reading of
/// "significant" in the `dpa_core::diff` docs ("When a change is significant").
#[test]
fn alles_online_against_belco_lists_edition_and_numbering() {
    let alles = load("alles-online.toml");
    let belco = load("belco.toml");
    for (old, new) in [(&alles, &belco), (&belco, &alles)] {
        let changes = diff(old, new);
        assert!(!changes.is_empty());
        assert!(
            changes
                .iter()
                .any(|c| c.kind == ChangeKind::ClauseEditionChanged
                    && c.path == "clauses.edition"
                    && c.significant)
        );
        assert!(
            changes
                .iter()
                .any(|c| c.kind == ChangeKind::ClauseNumberingChanged
                    && c.path == "clauses.numbering"
                    && !c.significant)
        );
        for c in &changes {
            assert!(!c.reason.is_empty() && !c.description.is_empty(), "{c}");
            assert_eq!(c.significant, c.effect.is_significant());
            assert!(
                ["rules.", "statement.", "clauses.", "terms."]
                    .iter()
                    .any(|p| c.path.starts_with(p)),
                "{}",
                c.path
            );
        }
        // Stable: the same input gives the same list.
        assert_eq!(diff(old, new), changes);
        let report = DiffReport::new(old, new, NOTIFIED).unwrap();
        assert!(report.termination_window.is_some() && report.objection.is_some());
        serde_json::to_string(&report).unwrap();
    }
}

/// Change kinds have unique kebab-case names, the same in JSON and in text.
/// Source: the library's spelling of named choices (docs/architecture.md,
/// `spelled_enum!`), no outside source.
#[test]
fn change_kind_names_are_unique_kebab_case() {
    let mut seen = std::collections::BTreeSet::new();
    for k in ChangeKind::ALL {
        let s = k.as_str();
        assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{s}");
        assert!(seen.insert(s), "{s} twice");
        assert_eq!(k.to_string(), s);
    }
}

/// A text whose only change is its references to articles of law (Wbp 35/36 to
/// Avg 45/47) changes editorially; a change of substance in the same text does
/// not.
/// Source: Belco's version history for 1.3 ("Verwijzing Wbp artikel 35/36
/// aangepast naar artikelen uit de AVG") and DPS 1.10 ("artikel 45 Avg",
/// "artikel 47 Avg").
#[test]
fn references_to_articles_of_law_alone_are_editorial() {
    // belco.toml's DPS 1.10 text as the source words it ("artikel 45 Avg",
    // "artikel 47 Avg"), against 1.2.2's Wbp references.
    let old = load("belco-1.2.2.toml");
    let dsr = old.statement.data_subject_requests.description.as_str();
    let avg = dsr
        .replace("artikel 35 Wbp", "artikel 45 Avg")
        .replace("artikel 36 Wbp", "artikel 47 Avg");
    let new = parse(&edit(&text("belco-1.2.2.toml"), dsr, &avg));
    let changes = diff(&old, &new);
    let c = only(&changes);
    assert_eq!(c.kind, ChangeKind::TextChanged);
    assert_eq!(c.path, "statement.data_subject_requests.description");
    assert_eq!(c.effect, Effect::Editorial);
    assert!(
        c.reason.contains("references to articles of law"),
        "{}",
        c.reason
    );

    // A change of substance in the same text is still reported, as wording.
    let other = parse(&edit(
        &text("belco-1.2.2.toml"),
        dsr,
        &dsr.replace("doorgestuurd", "niet doorgestuurd"),
    ));
    let changes = diff(&old, &other);
    assert!(
        !only(&changes)
            .reason
            .contains("references to articles of law")
    );
}

/// The diff shows a change of the month rule in the file's own spelling.
/// Source: docs/rules.md rules 1 and 6 (the month rule is a reading the file
/// takes, set as `clamp`, `month-end-sticky` or `thirty-days`).
#[test]
fn a_month_rule_change_is_shown_in_the_file_spelling() {
    let old = text("belco.toml");
    for (rule, shown) in [
        ("month-end-sticky", "month-end-sticky"),
        ("thirty-days", "thirty-days"),
    ] {
        let new = parse(&edit(
            &old,
            "month_rule = \"clamp\"",
            &format!("month_rule = \"{rule}\""),
        ));
        let changes = diff(&parse(&old), &new);
        let c = only(&changes);
        assert_eq!(c.path, "rules.month_rule");
        assert_eq!(c.from.as_deref(), Some("clamp"));
        assert_eq!(c.to.as_deref(), Some(shown));
        assert!(c.to_string().contains(shown), "{c}");
    }
}

/// A change of the legal-hold lift reading or of the undue-delay bound is a
/// change of the file's rules, editorial (a reading, not a term), shown in
/// the file's spelling.
/// Source: docs/rules.md rule 6 and "The timeline" (`rules.legal_hold_lift`,
/// `rules.undue_delay_bound_hours`); "Change significance" (the rules are
/// editorial).
#[test]
fn legal_hold_and_undue_delay_settings_are_editorial_rule_changes() {
    let old = text("alles-online.toml");
    for (from, to, path, shown) in [
        (
            "legal_hold_lift = \"at-once\"",
            "legal_hold_lift = \"full-term\"",
            "rules.legal_hold_lift",
            ("at-once", "full-term"),
        ),
        (
            "undue_delay_bound_hours = 72",
            "undue_delay_bound_hours = 24",
            "rules.undue_delay_bound_hours",
            ("72 hours", "24 hours"),
        ),
    ] {
        let changes = diff(&parse(&old), &parse(&edit(&old, from, to)));
        let c = only(&changes);
        assert_eq!(c.kind, ChangeKind::RulesChanged);
        assert_eq!(c.path, path);
        assert_eq!(c.effect, Effect::Editorial);
        assert_eq!(c.from.as_deref(), Some(shown.0));
        assert_eq!(c.to.as_deref(), Some(shown.1));
    }
}

/// Disclosure on a legal order and the breach terms compare by their typed
/// values: telling the client after a disclosure instead of before reduces
/// its protection; a duty on the client to keep its contact details current
/// reduces it; a statement of the channels dropped is undetermined.
/// Source: Belco clauses 2.4.1 and 2.5.2, DPS 1.13; GDPR art. 28(3)(a); the
/// reading of "significant" in the `dpa_core::diff` docs.
#[test]
fn disclosure_and_breach_terms() {
    let base = text("belco.toml");
    let old = parse(&edit(
        &base,
        "client_informed = \"not-stated\"",
        "client_informed = \"before-disclosure\"",
    ));
    let new = load("belco.toml");
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(
        (c.kind, c.path.as_str()),
        (
            ChangeKind::DisclosureTermChanged,
            "terms.disclosure.client_informed"
        )
    );
    assert_eq!(c.effect, Effect::ReducesProtection);
    assert_eq!(c.citation, "clause 2.5.2");

    let old = parse(&edit(&base, "client_keeps_contacts_current = true", ""));
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(c.path, "terms.breach.client_keeps_contacts_current");
    assert_eq!(c.effect, Effect::ReducesProtection);

    let i = base
        .find("\n[[terms.breach.channel_terms]]\nchannels = [\"email\"]")
        .unwrap();
    let j = i + 1 + base[i + 1..].find("\n\n").unwrap();
    let one_statement = parse(&format!("{}{}", &base[..i], &base[j..]));
    let changes = diff(&new, &one_statement);
    let c = only(&changes);
    assert_eq!(c.path, "terms.breach.channel_terms");
    assert_eq!(c.effect, Effect::Undetermined);
    assert!(
        c.description
            .contains("clause 2.4.1: email; if possible phone"),
        "{}",
        c.description
    );
}
