//! Dates as statements write them: a day, a month or a year (issue 15
//! point 3), in the checks of the statement's versions, the history's
//! order, the summary, the written forms and the diff.

use dpa_core::Agreement;
use dpa_core::diff::{DiffReport, default_notified, diff};
use dpa_core::values::DatePrecision;
use time::macros::date;

use crate::helpers::{load, text};

/// Belco with its effective date and the history's date of version 1.3
/// replaced.
fn belco_dated(effective: &str, history_13: &str) -> Agreement {
    let t = text("belco.toml")
        .replacen(
            "effective_date = 2022-01-04",
            &format!("effective_date = {effective}"),
            1,
        )
        .replacen("\ndate = 2022-01-04", &format!("\ndate = {history_13}"), 1);
    Agreement::from_toml(&t).unwrap_or_else(|e| panic!("{effective} / {history_13}: {e}"))
}

/// The codes of the findings about the statement's versions.
fn version_codes(a: &Agreement, at: time::Date) -> Vec<&'static str> {
    a.check(at)
        .into_iter()
        .filter(|f| f.path.as_deref() == Some("statement.effective_date"))
        .map(|f| f.code.as_str())
        .collect()
}

/// A statement that takes effect in "januari 2022" is certainly not in
/// effect before January, certainly in effect from its last day, and in
/// between uncertain — said as a finding, never decided by taking the 1st.
/// Source: issue 15 point 3; docs/rules.md rule 8.
#[test]
fn month_effective_date_is_uncertain_inside_the_month() {
    let a = belco_dated("\"2022-01\"", "\"2022-01\"");
    assert_eq!(a.statement.effective_date.precision(), DatePrecision::Month);
    assert_eq!(
        version_codes(&a, date!(2021 - 12 - 31)),
        ["statement-not-yet-effective"]
    );
    for at in [
        date!(2022 - 01 - 01),
        date!(2022 - 01 - 15),
        date!(2022 - 01 - 30),
    ] {
        let findings = a.check(at);
        let f = findings
            .iter()
            .find(|f| f.code.as_str() == "effective-date-uncertain")
            .unwrap_or_else(|| panic!("{at}: {findings:?}"));
        assert_eq!(f.severity.as_str(), "warning");
        assert_eq!(
            f.message,
            format!(
                "version 1.3 takes effect in 2022-01 (a month: some day from 2022-01-01 to 2022-01-31), so whether it is in effect on {at} is uncertain"
            )
        );
        assert_eq!(version_codes(&a, at), ["effective-date-uncertain"]);
    }
    assert!(version_codes(&a, date!(2022 - 01 - 31)).is_empty());
    // A year: uncertain through 30 December, certain on 31 December.
    let y = belco_dated("\"2022\"", "\"2022\"");
    assert_eq!(
        version_codes(&y, date!(2022 - 12 - 30)),
        ["effective-date-uncertain"]
    );
    assert!(version_codes(&y, date!(2022 - 12 - 31)).is_empty());
    // The same day stated as a day: as before, certain either way.
    let d = load("belco.toml");
    assert!(version_codes(&d, date!(2022 - 01 - 04)).is_empty());
    assert_eq!(
        version_codes(&d, date!(2022 - 01 - 03)),
        ["statement-not-yet-effective"]
    );
}

/// The history's date of the current version against the effective date:
/// the same stated date agrees; a month and a day in it may agree (info);
/// a month that does not hold the day is a mismatch.
/// Source: the statement's version history (Belco DPS "Versiebeheer");
/// docs/rules.md rule 8.
#[test]
fn history_month_against_effective_day() {
    let at = date!(2023 - 01 - 01);
    let same = belco_dated("\"2022-01\"", "\"2022-01\"");
    assert!(version_codes(&same, at).is_empty());

    let inside = belco_dated("2022-01-04", "\"2022-01\"");
    let f: Vec<_> = inside
        .check(at)
        .into_iter()
        .filter(|f| f.path.as_deref() == Some("statement.effective_date"))
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code.as_str(), "effective-date-imprecise");
    assert_eq!(f[0].severity.as_str(), "info");
    assert_eq!(
        f[0].message,
        "the statement takes effect on 2022-01-04 and its history dates version 1.3 2022-01: stated to different precision, they may or may not be the same day"
    );

    let outside = belco_dated("2022-01-04", "\"2021-12\"");
    assert_eq!(version_codes(&outside, at), ["effective-date-mismatch"]);
    let f = outside
        .check(at)
        .into_iter()
        .find(|f| f.code.as_str() == "effective-date-mismatch")
        .unwrap();
    assert_eq!(
        f.message,
        "the statement takes effect on 2022-01-04 but its history dates version 1.3 2021-12"
    );
    // A year that holds the day: imprecise, not a mismatch.
    let year = belco_dated("2022-01-04", "\"2022\"");
    assert_eq!(version_codes(&year, at), ["effective-date-imprecise"]);
}

/// A history entry is out of order only when its date is certainly before
/// the one above it: "2021" after 2021-11-03 may be in order and is read;
/// "2021-10" after 2021-11-03 is not, and the error names the entry.
/// Source: docs/rules.md rule 8; `History::new`.
#[test]
fn history_order_with_months_and_years() {
    let in_year = belco_dated("2022-01-04", "\"2021\"");
    assert_eq!(
        in_year.statement.history.records()[2].date.to_string(),
        "2021"
    );
    let t = text("belco.toml").replacen("\ndate = 2022-01-04", "\ndate = \"2021-10\"", 1);
    let e = Agreement::from_toml(&t).unwrap_err().to_string();
    assert!(
        e.contains("[2].date: version 1.3 is dated 2021-10 before version 1.2.2 (2021-11-03); versions must be ordered by date")
            && e.starts_with("statement.history"),
        "{e}"
    );
}

/// A month or a year is written back as it was read, in TOML and JSON, and
/// `dpa show` says which days it can mean.
/// Source: issue 15 point 3 ("maart 2023", "2020").
#[test]
fn written_back_and_shown_as_stated() {
    let a = belco_dated("\"2022-01\"", "\"2022\"");
    let toml = a.to_toml().unwrap();
    assert!(toml.contains("effective_date = \"2022-01\""), "{toml}");
    assert!(toml.contains("date = \"2022\""), "{toml}");
    assert_eq!(Agreement::from_toml(&toml).unwrap(), a);
    let json = a.to_json().unwrap();
    assert!(json.contains("\"effective_date\": \"2022-01\""), "{json}");
    assert_eq!(Agreement::from_json(&json).unwrap(), a);

    let shown = a.summary().to_string();
    assert!(
        shown.contains(
            "Data Pro Statement 1.3 (effective 2022-01, a month: 2022-01-01 to 2022-01-31), 3 version(s) in history\n"
        ),
        "{shown}"
    );
    assert!(shown.contains("  version 1.3 of 2022, a year: 2022-01-01 to 2022-12-31\n"));
    let day = load("belco.toml").summary().to_string();
    assert!(day.contains("(effective 2022-01-04), 3 version(s)"));
    assert!(day.contains("  version 1.3 of 2022-01-04\n"));
}

/// The diff compares what the versions agree, not their dates: the same
/// changes whether version 1.3 is dated to the day or the month. The notice
/// date is taken from the effective date only when it is a day; a month
/// gives none and says so.
/// Source: clause 2.2.2 (the window runs from the notice); docs/rules.md rule 8.
#[test]
fn diff_with_month_effective_date() {
    let old = load("belco-1.2.2.toml");
    let (day, month) = (
        load("belco.toml"),
        belco_dated("\"2022-01\"", "\"2022-01\""),
    );
    assert_eq!(diff(&old, &day), diff(&old, &month));
    assert_eq!(default_notified(&day).unwrap(), date!(2022 - 01 - 04));
    let e = default_notified(&month).unwrap_err();
    assert!(matches!(e, dpa_core::Error::InvalidArgument(_)));
    assert_eq!(
        e.to_string(),
        "notified: the new statement takes effect in 2022-01 (a month: some day from 2022-01-01 to 2022-01-31), not on a day, so the date the change was notified cannot be taken from it; give that date"
    );
    let given = DiffReport::new(&old, &month, date!(2022 - 01 - 10)).unwrap();
    assert_eq!(given.notified, date!(2022 - 01 - 10));
}
