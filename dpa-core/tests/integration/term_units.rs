//! Terms as statements write them: days, weeks, months or years wherever the
//! text may set a term, a breach notice in hours or days, and an audit
//! period of any months or years (docs/rules.md rules 1–3; README "The file
//! format").

use crate::helpers::text;

use dpa_core::Agreement;
use dpa_core::deadline::Due;
use dpa_core::diff::{Change, Effect, diff};
use dpa_core::document::Format;
use time::macros::{date, datetime};

/// Belco's file with `from` (which must occur once) replaced by `to`.
fn belco_with(from: &str, to: &str) -> String {
    let t = text("belco.toml");
    assert_eq!(t.matches(from).count(), 1, "`{from}` must occur once");
    t.replacen(from, to, 1)
}

fn belco_parsed(from: &str, to: &str) -> Agreement {
    Agreement::from_toml(&belco_with(from, to)).unwrap_or_else(|e| panic!("{e}"))
}

/// The path and message of the error reading `text`.
fn invalid(text: &str) -> (String, String) {
    match Agreement::from_text(text, Format::Toml) {
        Err(dpa_core::Error::Invalid(e)) => (e.path().to_owned(), e.message().to_owned()),
        other => panic!("expected an invalid document, got {other:?}"),
    }
}

/// The one change of the diff, with its path.
fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "expected one change, got {changes:#?}");
    &changes[0]
}

/// Deletion in days: 30 calendar days from the termination date.
/// Source: issue 15, a published statement's "binnen 30 dagen" after
/// termination (clause 6.3 form: deletion within the term after the
/// agreement ends); docs/rules.md rule 3.
#[test]
fn deletion_within_30_days() {
    let a = belco_parsed("months = 3\n", "within = \"30 days\"\n");
    let d = a.deletion_deadline(date!(2026 - 01 - 31)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 03 - 02)));
    // Written back under the new key, and read again the same.
    let toml = a.to_toml().unwrap();
    assert!(toml.contains("within = \"30 days\""), "{toml}");
    assert!(!toml.contains("months = "), "{toml}");
    assert_eq!(Agreement::from_toml(&toml).unwrap(), a);
}

/// Deletion in weeks: six weeks are 42 calendar days.
/// Source: issue 15, a published statement's "binnen zes weken";
/// docs/rules.md rule 3.
#[test]
fn deletion_within_six_weeks() {
    let a = belco_parsed("months = 3\n", "within = \"6 weeks\"\n");
    let d = a.deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2027 - 01 - 11)));
    assert!(
        a.summary()
            .to_string()
            .contains("deletion: 6 weeks after termination")
    );
}

/// Deletion in months written with the new key means what `months = 3`
/// means, and a year is twelve months under the month rule.
/// Source: Belco DPS 1.11 ("uiterlijk binnen 3 maanden"); docs/rules.md
/// rule 1 (HR 1 September 2017, ECLI:NL:HR:2017:2225).
#[test]
fn deletion_in_months_and_years() {
    let old = belco_parsed("months = 3\n", "months = 3\n");
    let new = belco_parsed("months = 3\n", "within = \"3 months\"\n");
    assert_eq!(old, new);
    let year = belco_parsed("months = 3\n", "within = \"1 year\"\n");
    let d = year.deletion_deadline(date!(2024 - 02 - 29)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2025 - 02 - 28)));
}

/// A backup cycle in weeks is added to the deletion date in days.
/// Source: Alles Online DPS 12 ("Verwijdering omvat tevens de back-ups
/// volgens de reguliere back-upcyclus"); docs/rules.md rule 3.
#[test]
fn backup_cycle_in_weeks() {
    let t = text("alles-online.toml").replacen(
        "backups = \"per-backup-cycle\"\n",
        "backups = \"per-backup-cycle\"\nbackup_cycle = \"2 weeks\"\n",
        1,
    );
    let a = Agreement::from_toml(&t).unwrap();
    let d = a.backup_deletion_deadline(date!(2026 - 11 - 30)).unwrap();
    // 28 February 2027 (3 months) + 14 days.
    assert_eq!(d.due.date(), Some(date!(2027 - 03 - 14)));
    assert!(d.note.unwrap().contains("one backup cycle of 2 weeks"));
}

/// A breach notice in days is 24 hours a day from the discovery, across
/// the change to summer time.
/// Source: issue 15 ("Breach notice in hours or days"); GDPR art. 33(2)
/// (the notice runs from awareness); docs/rules.md rule 2.
#[test]
fn breach_notice_within_two_days() {
    let a = belco_parsed(
        "notice = { kind = \"within-hours\", hours = 24 }",
        "notice = { kind = \"within\", term = \"2 days\" }",
    );
    let d = a
        .breach_notice_deadline(datetime!(2026-03-28 10:30 +01:00))
        .unwrap();
    assert_eq!(d.due, Due::Instant(datetime!(2026-03-30 09:30 UTC)));
    assert_eq!(a.terms.breach.notice.unwrap().to_string(), "within 2 days");
    // Hours written with the new kind are the old term.
    let hours = belco_parsed(
        "notice = { kind = \"within-hours\", hours = 24 }",
        "notice = { kind = \"within\", term = \"24 hours\" }",
    );
    assert_eq!(hours, belco_parsed("hours = 24", "hours = 24"));
}

/// A breach notice of four days is more than the controller's 72 hours.
/// Source: GDPR art. 33(1), 33(2); docs/rules.md rule 2.
#[test]
fn breach_notice_in_days_beyond_72_hours_is_a_finding() {
    let a = belco_parsed(
        "notice = { kind = \"within-hours\", hours = 24 }",
        "notice = { kind = \"within\", term = \"4 days\" }",
    );
    let f = a
        .check(date!(2026 - 11 - 23))
        .into_iter()
        .find(|f| f.code.as_str() == "breach-notice-beyond-72-hours")
        .expect("the finding");
    assert_eq!(f.path.as_deref(), Some("terms.breach.notice.term"));
    assert!(f.message.contains("4 days"), "{}", f.message);
}

/// Audit notice in weeks and the termination window in weeks.
/// Source: Belco DPS 1.14 ("minimaal 14-dagen van tevoren") written as two
/// weeks; clause 2.2.2 ("binnen 30 dagen na kennisgeving") written as a
/// window of six weeks (issue 15, "binnen zes weken"); docs/rules.md rule 3.
#[test]
fn audit_notice_and_termination_window_in_weeks() {
    let t = belco_with("notice_days = 14 ", "notice = \"2 weeks\" ").replacen(
        "termination_window_days = 30 ",
        "termination_window = \"6 weeks\" ",
        1,
    );
    let a = Agreement::from_toml(&t).unwrap();
    let n = a.earliest_audit_date(date!(2026 - 02 - 20)).unwrap();
    assert_eq!(n.due.date(), Some(date!(2026 - 03 - 06)));
    let w = a.termination_window_end(date!(2026 - 02 - 20)).unwrap();
    assert_eq!(w.due.date(), Some(date!(2026 - 04 - 03)));
    assert!(w.note.unwrap().contains("within 6 weeks of the notice"));
}

/// "Eens per twee jaar": at most one audit per two years, each reading
/// explicit. Rolling: the same date 24 months later; calendar: 1 January
/// of the year after the two calendar years starting with the audit's.
/// Source: issue 15 ("eens per twee jaar" = at most N audits per a period
/// of M months or years); clause 2.7.4 / 7.5; docs/rules.md rule 6.
#[test]
fn audits_once_per_two_years() {
    let rolling = belco_parsed(
        "period = \"rolling-12-months\"",
        "period = { rolling = \"2 years\" }",
    );
    let d = rolling.next_audit_allowed(date!(2024 - 02 - 29)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 02 - 28)));
    assert_eq!(d.note.as_deref(), Some("at most 1 per rolling 2 years"));
    let calendar = belco_parsed(
        "period = \"rolling-12-months\"",
        "period = { calendar = \"2 years\" }",
    );
    let d = calendar.next_audit_allowed(date!(2026 - 06 - 15)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2028 - 01 - 01)));
    assert_eq!(d.note.as_deref(), Some("at most 1 per 2 calendar years"));
    // Half-years counted in calendar months: an audit in May allows the
    // next from 1 November.
    let half = belco_parsed(
        "period = \"rolling-12-months\"",
        "period = { calendar = \"6 months\" }",
    );
    let d = half.next_audit_allowed(date!(2026 - 05 - 20)).unwrap();
    assert_eq!(d.due.date(), Some(date!(2026 - 11 - 01)));
    // The calendar reading of one year is the old `calendar-year`.
    assert_eq!(
        belco_parsed(
            "period = \"rolling-12-months\"",
            "period = { calendar = \"1 year\" }"
        ),
        belco_parsed(
            "period = \"rolling-12-months\"",
            "period = \"calendar-year\""
        ),
    );
}

/// Bad terms say what to write and name the field; both keys for one term
/// are refused, naming the new key.
/// Source: issue 15 (an actionable error: "a term such as `30 days`, `6
/// weeks`, `3 months`, `1 year`"; old and new key not both).
#[test]
fn bad_terms_name_the_field_and_say_what_to_write() {
    for (from, to, path, says) in [
        (
            "months = 3\n",
            "within = \"3 maanden\"\n",
            "terms.deletion.within",
            "a term such as `30 days`, `6 weeks`, `3 months`, `1 year`",
        ),
        (
            "months = 3\n",
            "within = 30\n",
            "terms.deletion.within",
            "not the number 30: write the number with its unit",
        ),
        (
            "months = 3\n",
            "months = 3\nwithin = \"3 months\"\n",
            "terms.deletion.within",
            "`months` and `within` both give this term",
        ),
        (
            "notice_days = 14 ",
            "notice_days = 14\nnotice = \"2 weeks\" ",
            "terms.audit.notice",
            "`notice_days` and `notice` both give this term",
        ),
        (
            "termination_window_days = 30 ",
            "termination_window_days = 30\ntermination_window = \"30 days\" ",
            "terms.statement_changes.termination_window",
            "both give this term",
        ),
        (
            "months = 3\n",
            "within = \"11 years\"\n",
            "terms.deletion.within",
            "between 0 and 10 years, got 11",
        ),
        (
            "period = \"rolling-12-months\"",
            "period = { rolling = \"6 weeks\" }",
            "terms.audit.period.rolling",
            "counted in months or years",
        ),
        (
            "notice = { kind = \"within-hours\", hours = 24 }",
            "notice = { kind = \"within\", term = \"1 week\" }",
            "terms.breach.notice.term",
            "hours or days",
        ),
    ] {
        let (p, m) = invalid(&belco_with(from, to));
        assert_eq!(p, path, "{to}: {m}");
        assert!(m.contains(says), "{to}: {m}");
    }
}

/// Diff: 30 days against 1 month cannot be ordered for every start date
/// (1 month is 28 to 31 days), so the change is undetermined; 6 weeks
/// against 1 month is longer from every date; 12 months against 1 year is
/// the same deadline (editorial).
/// Source: clause 2.2.2 / 2.2 (a significant change opens the client's
/// window; a longer deletion term reduces its protection, docs/rules.md
/// "Change significance"); docs/rules.md rules 1 and 3.
#[test]
fn diff_of_a_unit_change_compares_the_deadlines() {
    let month = belco_parsed("months = 3\n", "months = 1\n");
    let days = belco_parsed("months = 3\n", "within = \"30 days\"\n");
    let c = diff(&month, &days);
    let c = only(&c);
    assert_eq!(c.path, "terms.deletion.within");
    assert_eq!(c.effect, Effect::Undetermined);
    assert!(c.reason.contains("cannot be ordered"), "{}", c.reason);
    assert!(c.significant);

    let weeks = belco_parsed("months = 3\n", "within = \"6 weeks\"\n");
    let c = diff(&month, &weeks);
    assert_eq!(only(&c).effect, Effect::ReducesProtection);
    let c = diff(&weeks, &month);
    assert_eq!(only(&c).effect, Effect::Favourable);
    assert_eq!(only(&c).path, "terms.deletion.months");

    let twelve = belco_parsed("months = 3\n", "months = 12\n");
    let year = belco_parsed("months = 3\n", "within = \"1 year\"\n");
    let c = diff(&twelve, &year);
    assert_eq!(only(&c).effect, Effect::Editorial);

    // A shorter termination window in weeks reduces the client's right.
    let window = belco_parsed(
        "termination_window_days = 30 ",
        "termination_window = \"4 weeks\" ",
    );
    let c = diff(&belco_parsed("months = 3\n", "months = 3\n"), &window);
    let c = only(&c);
    assert_eq!(c.path, "terms.statement_changes.termination_window");
    assert_eq!(c.effect, Effect::ReducesProtection);
    // Once per two years instead of once per twelve rolling months.
    let two = belco_parsed(
        "period = \"rolling-12-months\"",
        "period = { rolling = \"2 years\" }",
    );
    let c = diff(&belco_parsed("months = 3\n", "months = 3\n"), &two);
    assert_eq!(only(&c).effect, Effect::ReducesProtection);
    // A breach notice of 1 day against 24 hours: the same term.
    let day = belco_parsed(
        "notice = { kind = \"within-hours\", hours = 24 }",
        "notice = { kind = \"within\", term = \"1 day\" }",
    );
    let c = diff(&belco_parsed("months = 3\n", "months = 3\n"), &day);
    assert_eq!(only(&c).effect, Effect::Editorial);
}
