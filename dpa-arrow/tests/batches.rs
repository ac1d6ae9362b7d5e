//! dpa-arrow on record batches: the input types, nulls, skipped rows and the
//! table errors.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Date64Array, RecordBatch, StringArray, TimestampMillisecondArray,
};
use arrow::datatypes::{DataType, Date32Type, Field, Schema};
use dpa_arrow::{Agreements, Error, OnError, Options, Plan};
use dpa_core::Agreement;
use time::macros::date;

fn belco() -> Agreement {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/agreements/belco.toml"
    ))
    .unwrap();
    Agreement::from_toml(&text).unwrap()
}

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    let schema = Arc::new(Schema::new(
        columns
            .iter()
            .map(|(n, a)| Field::new(*n, a.data_type().clone(), true))
            .collect::<Vec<_>>(),
    ));
    RecordBatch::try_new(schema, columns.into_iter().map(|(_, a)| a).collect()).unwrap()
}

fn text(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let c = arrow::compute::cast(batch.column_by_name(name).unwrap(), &DataType::Utf8).unwrap();
    c.as_string::<i32>()
        .iter()
        .map(|v| v.map(str::to_owned))
        .collect()
}

/// A `Date64` column is read as dates (milliseconds of whole days), and a
/// millisecond timestamp with a zone as instants.
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped); DPS 1.13 /
/// clause 2.4.1 (24 hours).
#[test]
fn date64_and_zoned_timestamps() {
    // 2026-11-30 = day 20787; 2027-02-28T09:30:00Z.
    let b = batch(vec![
        (
            "terminated_on",
            Arc::new(Date64Array::from(vec![Some(20_787 * 86_400_000), None])),
        ),
        (
            "breach_discovered_at",
            Arc::new(
                TimestampMillisecondArray::from(vec![None, Some(1_803_807_000_000)])
                    .with_timezone("+01:00"),
            ),
        ),
    ]);
    let plan = Plan::new(&b.schema(), &Options::new(date!(2027 - 03 - 01))).unwrap();
    let out = plan.run(&b, &Agreements::One(&belco()), 0).unwrap();
    assert_eq!(
        out.batch
            .column_by_name("deletion_due")
            .unwrap()
            .as_primitive::<Date32Type>()
            .value(0),
        20_787 + 90
    );
    assert_eq!(
        text(&out.batch, "deletion_status"),
        [Some("overdue".to_owned()), None]
    );
    assert_eq!(
        text(&out.batch, "breach_notice_status"),
        [None, Some("due-today".to_owned())]
    );
}

/// A timestamp without a zone is refused for an instant column, never
/// taken as UTC or local time.
///
/// Source: docs/rules.md rule 2 (an instant without a UTC offset is refused).
#[test]
fn timestamp_without_zone_is_refused() {
    let b = batch(vec![(
        "breach_discovered_at",
        Arc::new(TimestampMillisecondArray::from(vec![Some(0)])),
    )]);
    let e = Plan::new(&b.schema(), &Options::new(date!(2027 - 03 - 01))).unwrap_err();
    assert!(matches!(e, Error::Table(_)));
    assert!(
        e.to_string()
            .contains("column `breach_discovered_at` (breach_discovered_at) is Timestamp(ms)"),
        "{e}"
    );
    assert!(e.to_string().contains("not guessed"), "{e}");
}

/// Skipped rows are left out of every column, input and result alike, and
/// reported with their row numbers counted over the whole table.
///
/// Source: issue 19 ("never a silent drop"); Belco DPS 1.11.
#[test]
fn skip_filters_every_column_and_counts_rows_over_the_table() {
    let b = batch(vec![
        ("id", Arc::new(StringArray::from(vec!["a", "b", "c"]))),
        (
            "terminated_on",
            Arc::new(StringArray::from(vec![
                Some("2026-11-30"),
                Some("30-11-2026"),
                Some("2026-12-01"),
            ])),
        ),
    ]);
    let mut o = Options::new(date!(2027 - 03 - 01));
    o.on_error = OnError::Skip;
    let plan = Plan::new(&b.schema(), &o).unwrap();
    let out = plan.run(&b, &Agreements::One(&belco()), 100).unwrap();
    assert_eq!(
        text(&out.batch, "id"),
        [Some("a".to_owned()), Some("c".to_owned())]
    );
    assert_eq!(
        text(&out.batch, "deletion_due"),
        [Some("2027-02-28".to_owned()), Some("2027-03-01".to_owned())]
    );
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].row, 102);
    assert_eq!(out.skipped[0].column, "terminated_on");
}

/// A completion column without its event, a result column already in the
/// input, and a table with no event column are refused, each named.
///
/// Source: docs/rules.md, "Schedule statuses" (a completion is read only
/// with its event).
#[test]
fn table_errors_name_the_column() {
    let at = Options::new(date!(2027 - 03 - 01));
    let dates = || -> ArrayRef { Arc::new(StringArray::from(vec![Some("2026-11-30")])) };
    let e = Plan::new(&batch(vec![("deleted_on", dates())]).schema(), &at).unwrap_err();
    assert!(e.to_string().contains("none of the event columns"), "{e}");
    let e = Plan::new(
        &batch(vec![("terminated_on", dates()), ("deletion_due", dates())]).schema(),
        &at,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("already has a column `deletion_due`"),
        "{e}"
    );
    let e = Plan::new(
        &batch(vec![("audit_held_on", dates()), ("deleted_on", dates())]).schema(),
        &at,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("column `deleted_on` (deleted_on) needs the event column `terminated_on`"),
        "{e}"
    );
}
