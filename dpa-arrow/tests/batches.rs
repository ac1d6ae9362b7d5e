//! dpa-arrow on record batches: the input types, nulls, skipped rows and the
//! table errors.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on a broken fixture"
)]

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Date32Array, Date64Array, Int64Array, RecordBatch, StringArray,
    TimestampMillisecondArray, TimestampSecondArray,
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

/// The bundled agreements and variants of them that reach every branch of
/// the date rules, as dpa-core's schedule tests have them.
#[path = "../../dpa-core/tests/integration/date_paths.rs"]
mod date_paths;

/// Days from 1970-01-01 to 0001-01-01 and to 9999-12-31.
const FIRST_DAY: i32 = -719_162;
const LAST_DAY: i32 = 2_932_896;

/// A day for the memo test: mostly 2025–2028 (days repeat), some over the
/// whole range and near its ends, a few outside it, some nulls.
fn day(r: u64) -> Option<i32> {
    let wide = (r >> 8) as i32 & 0x7fff_ffff;
    match r % 32 {
        0..=3 => None,
        4 | 5 => Some(FIRST_DAY + wide % (LAST_DAY - FIRST_DAY + 1)),
        6 => Some(FIRST_DAY + wide % 400),
        7 => Some(LAST_DAY - wide % 400),
        8 => Some(if r.is_multiple_of(2) {
            FIRST_DAY - 1 - wide % 50
        } else {
            LAST_DAY + 1 + wide % 50
        }),
        _ => Some(20_089 + wide % 1_400),
    }
}

/// The date `days` after 1970-01-01.
fn date_of(days: i32) -> time::Date {
    time::Date::from_julian_day(days + 2_440_588).unwrap()
}

/// Days since 1970-01-01.
fn days_of(d: time::Date) -> i64 {
    i64::from(d.to_julian_day() - 2_440_588)
}

/// The date columns of the memo test, in `Column::ALL` order, and which
/// are completions (of the deletion and of the backup deletion).
const DATE_COLUMNS: [&str; 6] = [
    "terminated_on",
    "audit_held_on",
    "audit_notice_on",
    "change_notified_on",
    "deleted_on",
    "backups_deleted_on",
];

/// A batch of `n` rows with every date column, a breach column on some
/// rows, and a row number column.
fn memo_batch(n: usize, seed: u64) -> RecordBatch {
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut columns: Vec<(&str, ArrayRef)> = Vec::new();
    let mut terminated: Vec<Option<i32>> = Vec::new();
    for (i, name) in DATE_COLUMNS.iter().enumerate() {
        let values: Vec<Option<i32>> = (0..n)
            .map(|row| {
                let r = next();
                match i {
                    // A completion near the event, or none.
                    4 | 5 => terminated[row]
                        .filter(|_| r % 3 != 0)
                        .map(|d: i32| d.saturating_add((r >> 9) as i32 % 200 - 20)),
                    _ => day(r),
                }
            })
            .collect();
        if i == 0 {
            terminated.clone_from(&values);
        }
        columns.push((name, Arc::new(Date32Array::from(values))));
    }
    let breach: Vec<Option<i64>> = (0..n)
        .map(|_| {
            let r = next();
            (r % 7 == 0).then(|| 1_700_000_000 + (r >> 20) as i64 % 400_000_000)
        })
        .collect();
    columns.push((
        "breach_discovered_at",
        Arc::new(TimestampSecondArray::from(breach).with_timezone("+01:00")),
    ));
    columns.insert(
        0,
        ("n", Arc::new(Int64Array::from_iter_values(0..n as i64))),
    );
    batch(columns)
}

/// What `row` of `b` gives under `a` as of `at`, from dpa-core row by row
/// (`Schedule::entry`, the full path, without any memo): per kind of the
/// output, the due value as the column holds it and the status; or the
/// row's first error (the column and the start of its message).
#[expect(clippy::type_complexity, reason = "a test's expected row")]
fn expected_row(
    a: &Agreement,
    at: time::Date,
    b: &RecordBatch,
    row: usize,
) -> Result<Vec<(Option<i64>, Option<&'static str>)>, (String, String)> {
    use dpa_core::deadline::{Due, Start};
    use dpa_core::schedule::{Column, KINDS, Schedule};
    let date = |name: &str| -> Result<Option<time::Date>, (String, String)> {
        let c = b.column_by_name(name).unwrap().as_primitive::<Date32Type>();
        if c.is_null(row) {
            return Ok(None);
        }
        let d = c.value(row);
        if (FIRST_DAY..=LAST_DAY).contains(&d) {
            Ok(Some(date_of(d)))
        } else {
            Err((name.to_owned(), String::new()))
        }
    };
    // The input columns in the order they are read.
    let mut starts: Vec<(Column, Option<Start>)> = Vec::new();
    for c in Column::ALL {
        let value = match c.as_str() {
            "breach_discovered_at" => {
                let t = b
                    .column_by_name("breach_discovered_at")
                    .unwrap()
                    .as_primitive::<arrow::datatypes::TimestampSecondType>();
                (!t.is_null(row)).then(|| {
                    Start::Instant(time::OffsetDateTime::from_unix_timestamp(t.value(row)).unwrap())
                })
            }
            name if DATE_COLUMNS.contains(&name) => date(name)?.map(Start::Date),
            _ => continue,
        };
        starts.push((*c, value));
    }
    let value = |c: Column| starts.iter().find(|(x, _)| *x == c).and_then(|(_, v)| *v);
    let s = Schedule::new(at);
    let mut out = Vec::new();
    for k in &KINDS {
        let Some(event) = value(k.event) else {
            out.push((None, None));
            continue;
        };
        let e = s
            .entry(a, k.kind, event, k.completion.and_then(value))
            .map_err(|e| {
                let column = e.path().unwrap_or_default().to_owned();
                let text = e.to_string();
                let message = text
                    .strip_prefix(&format!("{column}: "))
                    .unwrap_or(&text)
                    .to_owned();
                (column, message)
            })?;
        let due = match e.due {
            Due::Date { date, .. } => Some(days_of(date)),
            Due::Instant(t) => Some((t.unix_timestamp_nanos() / 1_000) as i64),
            _ => None,
        };
        out.push((due, Some(e.status.as_str())));
    }
    Ok(out)
}

/// A kind's result columns: the due values as numbers and the statuses.
type DueAndStatus = (Vec<Option<i64>>, Vec<Option<String>>);

/// The due values of the result column `name` as numbers (days or
/// microseconds).
fn due_values(b: &RecordBatch, name: &str) -> Vec<Option<i64>> {
    let c = b.column_by_name(name).unwrap();
    let c = arrow::compute::cast(c, &DataType::Int64).unwrap();
    c.as_primitive::<arrow::datatypes::Int64Type>()
        .iter()
        .collect()
}

/// Every row's due dates, statuses and errors through the memo per event
/// day equal dpa-core's, row by row without a memo: under every bundled
/// agreement and variants, for dates repeated, over the whole range, near
/// its ends and outside it, with completions; one plan run on batch after
/// batch (the memo kept between them) under agreements in turn (a memo
/// never answers for another agreement); the row numbers of the errors
/// counted over the table.
///
/// Source: docs/rules.md rules 1–5 and "Schedule statuses"; Belco DPS 1.11
/// / clause 2.6.3, Alles Online DPS 12 / clause 6.3 (deletion and
/// backups); clause 2.7.4 / 7.5 (audits); clause 2.2.2 / 2.2 (termination
/// window); DPS 1.13 / clause 2.4.1 (breach notice).
#[test]
fn memoised_rows_equal_each_rows_own_entry() {
    use dpa_core::schedule::KINDS;
    let at = date!(2027 - 03 - 01);
    let all = date_paths::agreements();
    let mut o = Options::new(at);
    o.on_error = OnError::Skip;
    let schema = memo_batch(1, 1).schema();
    let plan = Plan::new(&schema, &o).unwrap();
    let mut first_row = 0_u64;
    let (mut rows_compared, mut errors, mut dates) = (0, 0, 0);
    // Each agreement twice, the batches in turn, so that every memo is met
    // again after others.
    for round in 0..2 {
        for (i, (name, a)) in all.iter().enumerate() {
            let b = memo_batch(3_000, 7 + (round * all.len() + i) as u64);
            let out = plan.run(&b, &Agreements::One(a), first_row).unwrap();
            // Each kind's due values and statuses.
            let columns: Vec<DueAndStatus> = KINDS
                .iter()
                .map(|k| {
                    (
                        due_values(&out.batch, k.due_column),
                        text(&out.batch, k.status_column),
                    )
                })
                .collect();
            let mut kept = 0;
            let mut skipped = out.skipped.iter();
            for row in 0..b.num_rows() {
                let number = first_row + row as u64 + 1;
                match expected_row(a, at, &b, row) {
                    Err((column, message)) => {
                        let e = skipped.next().unwrap();
                        assert_eq!((e.row, &e.column), (number, &column), "{name}: {e}");
                        assert!(e.message.starts_with(&message), "{name}: {e}");
                        errors += 1;
                    }
                    Ok(expected) => {
                        for ((k, (due, status)), (dues, statuses)) in
                            KINDS.iter().zip(expected).zip(&columns)
                        {
                            assert_eq!(dues[kept], due, "{name} row {number} {}", k.kind);
                            let s = statuses[kept].as_deref();
                            assert_eq!(s, status, "{name} row {number} {}", k.kind);
                            dates += usize::from(due.is_some());
                        }
                        kept += 1;
                    }
                }
                rows_compared += 1;
            }
            assert!(skipped.next().is_none(), "{name}");
            assert_eq!(out.batch.num_rows(), kept, "{name}");
            first_row += b.num_rows() as u64;
        }
    }
    assert!(rows_compared >= 40_000, "{rows_compared}");
    assert!(errors > 1_000, "{errors}");
    assert!(dates > 100_000, "{dates}");
}

/// Under `--on-error fail` the error is the first bad row's, numbered over
/// the table, as row-by-row reading gives it: here a row whose termination
/// date has no deletion date in the years 1 to 9999 (9999-12-01 + 3
/// months), after rows whose day is the same but good ones before it.
///
/// Source: issue 19 ("a bad row is reported with its row number and
/// column"); Belco DPS 1.11 (3 months).
#[test]
fn fail_names_the_first_bad_row_with_a_memoised_day() {
    let last = days_of(date!(9999 - 12 - 01)) as i32;
    let ok = days_of(date!(2026 - 11 - 30)) as i32;
    let days = vec![Some(ok), None, Some(ok), Some(last), Some(ok), Some(last)];
    let b = batch(vec![("terminated_on", Arc::new(Date32Array::from(days)))]);
    let plan = Plan::new(&b.schema(), &Options::new(date!(2027 - 03 - 01))).unwrap();
    let belco = belco();
    // The first batch computes the day; the second meets it in the memo.
    for first_row in [0, 6] {
        let Err(Error::Row(e)) = plan.run(&b, &Agreements::One(&belco), first_row) else {
            panic!("no error");
        };
        assert_eq!(
            (e.row, e.column.as_str()),
            (first_row + 4, "terminated_on"),
            "{e}"
        );
        assert!(e.message.contains("9999"), "{e}");
    }
}

/// Rows under agreements named in a column, two of them equal in value but
/// separate values (they share a memo), give each agreement's own dates.
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months); Alles Online DPS 12 /
/// clause 6.3 (3 months, backups per regular backup cycle).
#[test]
fn agreements_by_column_each_give_their_own_dates() {
    let all = date_paths::agreements();
    let b = memo_batch(2_000, 99);
    let names: Vec<&str> = (0..b.num_rows())
        .map(|row| ["belco.toml", "alles-online.toml", "copy of belco"][row % 3])
        .collect();
    let schema = b.schema();
    let mut columns: Vec<(&str, ArrayRef)> = schema
        .fields()
        .iter()
        .map(|f| f.name().as_str())
        .zip(b.columns().iter().cloned())
        .collect();
    columns.push(("agreement", Arc::new(StringArray::from(names.clone()))));
    let b = batch(columns);
    let copy = all[0].1.clone();
    let lookup = |name: &str| -> Result<&Agreement, String> {
        match name {
            "copy of belco" => Ok(&copy),
            _ => all
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, a)| a)
                .ok_or_else(|| format!("no {name}")),
        }
    };
    let at = date!(2027 - 03 - 01);
    let mut o = Options::new(at);
    o.on_error = OnError::Skip;
    o.agreement_column = Some("agreement".to_owned());
    let plan = Plan::new(&b.schema(), &o).unwrap();
    let out = plan.run(&b, &Agreements::ByColumn(&lookup), 0).unwrap();
    let deletion_due = due_values(&out.batch, "deletion_due");
    let deletion_status = text(&out.batch, "deletion_status");
    let backup_due = due_values(&out.batch, "backup_deletion_due");
    let mut kept = 0;
    let mut skipped = out.skipped.iter();
    for (row, name) in names.iter().enumerate() {
        let a = lookup(name).unwrap();
        match expected_row(a, at, &b, row) {
            Err((column, _)) => assert_eq!(skipped.next().unwrap().column, column),
            Ok(expected) => {
                let (due, status) = expected[0];
                assert_eq!(deletion_due[kept], due, "row {row}");
                assert_eq!(deletion_status[kept].as_deref(), status, "row {row}");
                assert_eq!(backup_due[kept], expected[1].0, "row {row}");
                kept += 1;
            }
        }
    }
    assert!(kept > 1_000, "{kept}");
}

/// The Parquet writer that encodes the columns on worker threads writes the
/// bytes the `parquet` crate's `ArrowWriter` writes on one thread: several
/// row groups, a batch split over two of them, text, dates, timestamps,
/// dictionaries and nulls, for one to four threads.
///
/// Source: issue 19 point 4 (the same output file, written faster).
#[test]
fn threaded_parquet_equals_arrow_writer() {
    use dpa_arrow::files::ParallelParquet;
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;
    let b = memo_batch(5_000, 3);
    let mut o = Options::new(date!(2027 - 03 - 01));
    o.on_error = OnError::Skip;
    let out = Plan::new(&b.schema(), &o)
        .unwrap()
        .run(&b, &Agreements::One(&belco()), 0)
        .unwrap()
        .batch;
    let props = || {
        WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .set_max_row_group_row_count(Some(1_500))
            .build()
    };
    let dir = std::env::temp_dir().join(format!("dpa-arrow-threaded-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let batches = || {
        (0..out.num_rows())
            .step_by(700)
            .map(|s| out.slice(s, 700.min(out.num_rows() - s)))
    };
    let one = dir.join("one.parquet");
    let mut w = ArrowWriter::try_new(
        std::fs::File::create(&one).unwrap(),
        out.schema(),
        Some(props()),
    )
    .unwrap();
    for part in batches() {
        w.write(&part).unwrap();
    }
    w.close().unwrap();
    let expected = std::fs::read(&one).unwrap();
    assert!(expected.len() > 10_000);
    for threads in 1..=4 {
        let path = dir.join(format!("threads-{threads}.parquet"));
        let file = std::fs::File::create(&path).unwrap();
        let mut w = ParallelParquet::try_new(file, &out.schema(), props(), threads).unwrap();
        for part in batches() {
            w.write(&part).unwrap();
        }
        w.finish().unwrap();
        assert!(
            std::fs::read(&path).unwrap() == expected,
            "{threads} threads"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// With `--detail` and `skip`, a skipped row's detail never lands on the
/// next row: the first row's deletion is computed and then its next audit
/// fails (9999-06-15 + 12 months); the second row, without a termination
/// date, has no deletion detail.
///
/// Source: docs/rules.md, "Schedule statuses" (a row without the event has
/// no deadline of that kind); Belco DPS 1.11 / clause 2.6.3, clause 2.7.4.
#[test]
fn skipped_rows_leave_no_detail_behind() {
    let b = batch(vec![
        (
            "terminated_on",
            Arc::new(StringArray::from(vec![Some("2026-11-30"), None])),
        ),
        (
            "audit_held_on",
            Arc::new(StringArray::from(vec![
                Some("9999-06-15"),
                Some("2026-06-15"),
            ])),
        ),
    ]);
    let mut o = Options::new(date!(2027 - 03 - 01));
    o.on_error = OnError::Skip;
    o.detail = true;
    let out = Plan::new(&b.schema(), &o)
        .unwrap()
        .run(&b, &Agreements::One(&belco()), 0)
        .unwrap();
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].column, "audit_held_on");
    assert_eq!(text(&out.batch, "deletion_detail"), [None]);
    assert!(text(&out.batch, "next_audit_detail")[0].is_some());
}

/// The event columns of the gathered-rows test (none has a completion
/// column), and its rows per batch.
const DATED: [&str; 3] = ["terminated_on", "audit_held_on", "change_notified_on"];
const ROWS: usize = 3_000;

/// A batch of [`DATED`] columns of [`ROWS`] days from `base..base + span`,
/// one in 16 a null over any value.
fn dated_batch(next: &mut impl FnMut() -> u64, base: i32, span: u64) -> RecordBatch {
    use arrow::buffer::{NullBuffer, ScalarBuffer};
    let columns: Vec<(&str, ArrayRef)> = DATED
        .iter()
        .map(|n| {
            let (values, valid): (Vec<i32>, Vec<bool>) = (0..ROWS)
                .map(|_| {
                    let r = next();
                    if r.is_multiple_of(16) {
                        // A null over any value.
                        ((r >> 16) as i32, false)
                    } else {
                        (base + ((r >> 8) % span) as i32, true)
                    }
                })
                .unzip();
            let a = Date32Array::new(ScalarBuffer::from(values), Some(NullBuffer::from(valid)));
            (*n, Arc::new(a) as ArrayRef)
        })
        .collect();
    batch(columns)
}

/// What `row` of a [`dated_batch`] gives under `a` for `kinds`, from
/// dpa-core row by row (`Schedule::entry`, without a memo): the due day and
/// status of each kind (none for a null), and the row's first error (its
/// column and message) if any.
#[expect(clippy::type_complexity, reason = "a test's expected row")]
fn expected_dated_row(
    a: &Agreement,
    s: &dpa_core::schedule::Schedule,
    b: &RecordBatch,
    kinds: &[&dpa_core::schedule::KindColumns],
    row: usize,
) -> (
    Vec<(Option<i64>, Option<&'static str>)>,
    Option<(String, String)>,
) {
    use dpa_core::deadline::{Due, Start};
    let mut expected = Vec::new();
    for k in kinds {
        let c = b
            .column_by_name(k.event.as_str())
            .unwrap()
            .as_primitive::<Date32Type>();
        if c.is_null(row) {
            expected.push((None, None));
            continue;
        }
        match s.entry(a, k.kind, Start::Date(date_of(c.value(row))), None) {
            Ok(e) => {
                let due = match e.due {
                    Due::Date { date, .. } => Some(days_of(date)),
                    _ => None,
                };
                expected.push((due, Some(e.status.as_str())));
            }
            Err(e) => {
                let column = e.path().unwrap_or_default().to_owned();
                return (expected, Some((column, e.to_string())));
            }
        }
    }
    (expected, None)
}

/// A batch of date columns with no completion column, every row under one
/// agreement, whose days lie within fewer days than it has rows: each row's
/// due day and status come from the memo's window over the batch's days in
/// one pass. Every row equals dpa-core's, row by row without a memo: with
/// nulls over any value (a day far outside the window among them), days
/// whose deadline leaves the years 1 to 9999 (the row fails, under `skip`
/// and, as the first bad row, under `fail`), earliest dates (`not-yet`,
/// `open`) and deadlines with no term (`none`); the window kept and grown
/// from batch to batch, under every bundled agreement and variants.
///
/// Source: docs/rules.md "Schedule statuses"; Belco DPS 1.11 / clause
/// 2.6.3 (3 months), Alles Online DPS 12 / clause 6.3 (backups per regular
/// backup cycle, no length stated: no date); clause 2.7.4 / 7.5 (audits,
/// an earliest date); clause 2.2.2 / 2.2 (termination window).
#[test]
fn gathered_rows_equal_each_rows_own_entry() {
    use dpa_core::schedule::{KINDS, Schedule};
    let at = date!(2027 - 03 - 01);
    let s = Schedule::new(at);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    // Mid-range days; days at the end of the range (a deadline months
    // later leaves it); a wider mid range (the window grows).
    let ranges = [(20_089, 1_400), (LAST_DAY - 1_500, 1_501), (19_000, 2_500)];
    let (mut compared, mut errors, mut dated, mut none, mut nulls) = (0, 0, 0, 0, 0);
    let mut statuses = std::collections::BTreeSet::new();
    for (name, a) in date_paths::agreements() {
        let mut o = Options::new(at);
        o.on_error = OnError::Skip;
        let mut plan = None;
        let mut first_row = 0_u64;
        for (base, span) in ranges {
            let b = dated_batch(&mut next, base, span);
            let plan = plan.get_or_insert_with(|| Plan::new(&b.schema(), &o).unwrap());
            let out = plan.run(&b, &Agreements::One(&a), first_row).unwrap();
            let kinds: Vec<_> = KINDS
                .iter()
                .filter(|k| DATED.contains(&k.event.as_str()))
                .collect();
            let got: Vec<DueAndStatus> = kinds
                .iter()
                .map(|k| {
                    (
                        due_values(&out.batch, k.due_column),
                        text(&out.batch, k.status_column),
                    )
                })
                .collect();
            let mut skipped = out.skipped.iter();
            let mut first_error = None;
            let mut kept = 0;
            for row in 0..ROWS {
                let number = first_row + row as u64 + 1;
                let (expected, error) = expected_dated_row(&a, &s, &b, &kinds, row);
                nulls += expected.iter().filter(|(_, s)| s.is_none()).count();
                match error {
                    Some((column, message)) => {
                        let e = skipped.next().unwrap();
                        assert_eq!((e.row, &e.column), (number, &column), "{name}: {e}");
                        assert!(message.ends_with(&e.message), "{name}: {e} / {message}");
                        first_error.get_or_insert(number);
                        errors += 1;
                    }
                    None => {
                        for ((k, (due, status)), (dues, got_statuses)) in
                            kinds.iter().zip(expected).zip(&got)
                        {
                            assert_eq!(dues[kept], due, "{name} row {number} {}", k.kind);
                            let g = got_statuses[kept].as_deref();
                            assert_eq!(g, status, "{name} row {number} {}", k.kind);
                            dated += usize::from(due.is_some());
                            none += usize::from(status == Some("none"));
                            statuses.extend(status);
                        }
                        kept += 1;
                    }
                }
                compared += 1;
            }
            assert!(skipped.next().is_none(), "{name}");
            assert_eq!(out.batch.num_rows(), kept, "{name}");
            // Under `fail`, the first bad row of the batch, as numbered
            // over the table.
            if let Some(number) = first_error {
                let fail = Plan::new(&b.schema(), &Options::new(at)).unwrap();
                let Err(Error::Row(e)) = fail.run(&b, &Agreements::One(&a), first_row) else {
                    panic!("{name}: no error under fail");
                };
                assert_eq!(e.row, number, "{name}: {e}");
            }
            first_row += ROWS as u64;
        }
    }
    assert!(compared >= 3 * 10 * ROWS, "{compared}");
    assert!(errors > 100, "{errors}");
    assert!(dated > 50_000, "{dated}");
    assert!(none > 1_000, "{none}");
    assert!(nulls > 1_000, "{nulls}");
    for s in ["pending", "due-today", "overdue", "not-yet", "open", "none"] {
        assert!(statuses.contains(s), "no row {s}: {statuses:?}");
    }
}

/// `Options::deadlines` computes only the deadlines named: the result
/// columns of those, in the usual order, each equal to the full schedule's;
/// a column only a deadline left out reads is passed through unread (a bad
/// value in it is no bad row).
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped: 2026-11-30 ->
/// 2027-02-28), DPS 1.13 / clause 2.4.1 (24 hours); docs/rules.md, "Schedule
/// statuses" (a completion is read with its event).
#[test]
fn selected_deadlines_compute_only_theirs() {
    let at = date!(2027 - 03 - 01);
    let b = batch(vec![
        (
            "terminated_on",
            Arc::new(StringArray::from(vec![
                Some("2026-11-30"),
                Some("2027-01-31"),
            ])),
        ),
        (
            "deleted_on",
            Arc::new(StringArray::from(vec![Some("2027-02-26"), None])),
        ),
        (
            "breach_discovered_at",
            Arc::new(StringArray::from(vec![
                Some("2027-02-28T10:30:00+01:00"),
                None,
            ])),
        ),
    ]);
    let full = Plan::new(&b.schema(), &Options::new(at))
        .unwrap()
        .run(&b, &Agreements::One(&belco()), 0)
        .unwrap()
        .batch;
    let mut only = Options::new(at);
    only.select_deadline("breach-notice").unwrap();
    only.select_deadline("deletion").unwrap();
    let plan = Plan::new(&b.schema(), &only).unwrap();
    let names: Vec<String> = plan
        .output_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        [
            "terminated_on",
            "deleted_on",
            "breach_discovered_at",
            "deletion_due",
            "deletion_status",
            "breach_notice_due",
            "breach_notice_status",
        ]
    );
    let out = plan.run(&b, &Agreements::One(&belco()), 0).unwrap().batch;
    for name in &names[3..] {
        assert_eq!(text(&out, name), text(&full, name), "{name}");
    }
    assert_eq!(
        text(&out, "deletion_due"),
        [Some("2027-02-28".to_owned()), Some("2027-04-30".to_owned())]
    );
    assert_eq!(
        text(&out, "deletion_status"),
        [Some("met".to_owned()), Some("pending".to_owned())]
    );

    // A bad completion of a deadline left out is not read.
    let bad = batch(vec![
        (
            "terminated_on",
            Arc::new(StringArray::from(vec![Some("2026-11-30")])),
        ),
        (
            "deleted_on",
            Arc::new(StringArray::from(vec![Some("soon")])),
        ),
    ]);
    let e = Plan::new(&bad.schema(), &Options::new(at))
        .unwrap()
        .run(&bad, &Agreements::One(&belco()), 0)
        .unwrap_err();
    assert!(e.to_string().starts_with("row 1: deleted_on: "), "{e}");
    let mut backups = Options::new(at);
    backups.select_deadline("backup-deletion").unwrap();
    let out = Plan::new(&bad.schema(), &backups)
        .unwrap()
        .run(&bad, &Agreements::One(&belco()), 0)
        .unwrap()
        .batch;
    assert_eq!(text(&out, "deleted_on"), [Some("soon".to_owned())]);
    assert_eq!(
        text(&out, "backup_deletion_status"),
        [Some("none".to_owned())]
    );
    assert!(out.column_by_name("deletion_due").is_none());
}

/// A selection naming a deadline a schedule does not compute, a deadline
/// whose event column the table lacks, or no deadline at all is refused,
/// each named.
///
/// Source: issue 19 (deadlines of a table by its event columns); the
/// schedule's deadlines are `dpa_core::schedule::KINDS`.
#[test]
fn bad_selections_are_refused() {
    let mut o = Options::new(date!(2027 - 03 - 01));
    let e = o.select_deadline("service-response").unwrap_err();
    assert_eq!(
        e,
        "`service-response` is no deadline a schedule computes: expected one of deletion, \
         backup-deletion, breach-notice, authority-notice, next-audit, audit-notice, \
         termination-window"
    );
    let e = o.select_deadline("deletion_due").unwrap_err();
    assert!(e.starts_with("`deletion_due` is no deadline"), "{e}");
    assert!(o.deadlines.is_none(), "a refused name selects nothing");

    let b = batch(vec![(
        "terminated_on",
        Arc::new(StringArray::from(vec![Some("2026-11-30")])),
    )]);
    o.select_deadline("breach-notice").unwrap();
    let e = Plan::new(&b.schema(), &o).unwrap_err();
    assert_eq!(
        e.to_string(),
        "deadline `breach-notice` needs the event column `breach_discovered_at` \
         (breach_discovered_at), which the table does not have"
    );
    o.deadlines = Some(Default::default());
    let e = Plan::new(&b.schema(), &o).unwrap_err();
    assert!(e.to_string().starts_with("no deadline selected"), "{e}");
}
