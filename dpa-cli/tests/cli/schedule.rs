//! `dpa schedule`: a table's deadlines, CSV and Parquet, bad rows, several
//! agreements, column names.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{Array, AsArray, Date32Array, RecordBatch, StringArray, TimestampSecondArray};
use arrow::datatypes::{DataType, Date32Type, Field, Schema, TimeUnit, TimestampMicrosecondType};
use arrow::record_batch::RecordBatchReader;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::helpers::{Scratch, dpa, examples, stderr, stdout};

/// `examples/tables/{name}`.
fn table(name: &str) -> String {
    let p = examples().join("../tables").join(name);
    p.to_str().unwrap().to_owned()
}

fn belco() -> String {
    examples().join("belco.toml").to_str().unwrap().to_owned()
}

/// `dpa schedule belco.toml --input customers.csv --output - --at
/// 2027-03-01` and the arguments `extra`.
fn customers_to_stdout(extra: &[&str]) -> std::process::Output {
    let (agreement, input) = (belco(), table("customers.csv"));
    let mut args = vec![
        "schedule",
        &agreement,
        "--input",
        &input,
        "--output",
        "-",
        "--at",
        "2027-03-01",
    ];
    args.extend_from_slice(extra);
    dpa(&args)
}

/// A scratch directory of its own for one test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpa-cli-schedule-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled customer table under Belco as of 1 March 2027: every status
/// of a latest date (the 3-month term clamped to 28 February), a breach
/// notice met and one due today in Amsterdam, and the next audit not yet
/// allowed and open. The output is the input columns, then the results.
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months; HR 1 September 2017,
/// ECLI:NL:HR:2017:2225, the month-end clamp), DPS 1.13 / clause 2.4.1 (24
/// hours), clause 2.7.4 / DPS 1.14 (once per rolling 12 months), GDPR art.
/// 33(1) (72 hours); docs/rules.md, "Schedule statuses".
#[test]
fn csv_in_csv_out_golden() {
    let o = customers_to_stdout(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
customer_id,terminated_on,deleted_on,breach_discovered_at,breach_notified_at,audit_held_on,deletion_due,deletion_status,backup_deletion_due,backup_deletion_status,breach_notice_due,breach_notice_status,authority_notice_due,authority_notice_status,next_audit_due,next_audit_status
c-001,2026-11-30,,,,,2027-02-28,overdue,,none,,,,,,
c-002,2026-11-30,2027-02-26,,,,2027-02-28,met,,none,,,,,,
c-003,2026-10-31,2027-02-02,,,,2027-01-31,late,,none,,,,,,
c-004,2026-12-01,,,,,2027-03-01,due-today,,none,,,,,,
c-005,2027-01-31,,,,2026-06-15,2027-04-30,pending,,none,,,,,2027-06-15,not-yet
c-006,,,2027-02-28T10:30:00+01:00,2027-03-01T08:00:00+01:00,,,,,,2027-03-01T09:30:00Z,met,2027-03-03T09:30:00Z,pending,,
c-007,,,2027-02-28T23:30:00+01:00,,2026-02-20,,,,,2027-03-01T22:30:00Z,due-today,2027-03-03T22:30:00Z,pending,2027-02-20,open
"
    );
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

/// The same rows written to a file: CSV by its name, byte for byte what
/// standard output gets.
///
/// Source: Belco DPS 1.11, clause 2.6.3.
#[test]
fn csv_file_equals_stdout() {
    let dir = scratch_dir("csv-file");
    let out = dir.join("due.csv");
    let args = |o: &str| {
        dpa(&[
            "schedule",
            &belco(),
            "--input",
            &table("customers.csv"),
            "--output",
            o,
            "--at",
            "2027-03-01",
        ])
    };
    let to_file = args(out.to_str().unwrap());
    assert_eq!(to_file.status.code(), Some(0), "{}", stderr(&to_file));
    assert_eq!(std::fs::read(&out).unwrap(), args("-").stdout);
}

/// Writes a Parquet file of `batch`.
fn write_parquet(path: &Path, batch: &RecordBatch) {
    let mut w = ArrowWriter::try_new(File::create(path).unwrap(), batch.schema(), None).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

/// Every row of a Parquet file, as one batch.
fn read_parquet(path: &Path) -> RecordBatch {
    let r = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let schema = r.schema();
    let batches: Vec<RecordBatch> = r.map(Result::unwrap).collect();
    arrow::compute::concat_batches(&schema, &batches).unwrap()
}

/// Parquet in (Date32 and a zoned timestamp), Parquet out: the deadlines are
/// Date32 and UTC timestamps, the statuses a dictionary of spellings, the
/// input columns as they were; read back with the parquet crate.
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (31 January 2027 + 3 months = 30
/// April 2027, clamped), DPS 1.13 / clause 2.4.1 (24 hours).
#[test]
fn parquet_round_trip() {
    let dir = scratch_dir("parquet");
    let input = dir.join("customers.parquet");
    let output = dir.join("due.parquet");
    // 2027-01-31 = day 20849 since 1970; 2027-02-28T09:30:00Z.
    let schema = Arc::new(Schema::new(vec![
        Field::new("customer_id", DataType::Utf8, false),
        Field::new("terminated_on", DataType::Date32, true),
        Field::new(
            "breach_discovered_at",
            DataType::Timestamp(TimeUnit::Second, Some("+01:00".into())),
            true,
        ),
    ]));
    let breach = 1_803_807_000; // 2027-02-28T09:30:00Z
    let batch = RecordBatch::try_new(
        schema,
        vec![
            Arc::new(StringArray::from(vec!["a", "b"])),
            Arc::new(Date32Array::from(vec![Some(20_849), None])),
            Arc::new(TimestampSecondArray::from(vec![None, Some(breach)]).with_timezone("+01:00")),
        ],
    )
    .unwrap();
    write_parquet(&input, &batch);
    let o = dpa(&[
        "schedule",
        &belco(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got = read_parquet(&output);
    assert_eq!(got.num_rows(), 2);
    for i in 0..3 {
        assert_eq!(
            got.column(i).as_ref(),
            batch.column(i).as_ref(),
            "input column {i}"
        );
    }
    let due = got.column_by_name("deletion_due").unwrap();
    assert_eq!(due.data_type(), &DataType::Date32);
    let due = due.as_primitive::<Date32Type>();
    assert_eq!(due.value(0), 20_849 + 89, "2027-04-30");
    assert!(due.is_null(1));
    let status = arrow::compute::cast(
        got.column_by_name("deletion_status").unwrap(),
        &DataType::Utf8,
    )
    .unwrap();
    assert_eq!(status.as_string::<i32>().value(0), "pending");
    let notice = got.column_by_name("breach_notice_due").unwrap();
    assert_eq!(
        notice.data_type(),
        &DataType::Timestamp(TimeUnit::Microsecond, Some("+00:00".into()))
    );
    let notice = notice.as_primitive::<TimestampMicrosecondType>();
    assert_eq!(notice.value(1), (breach + 24 * 3600) * 1_000_000);
    let status = arrow::compute::cast(
        got.column_by_name("breach_notice_status").unwrap(),
        &DataType::Utf8,
    )
    .unwrap();
    assert_eq!(status.as_string::<i32>().value(1), "due-today");
}

const BAD: &str = "id,terminated_on\na,2026-11-30\nb,2026-13-01\nc,9999-12-01\nd,2026-12-01\n";

/// `--on-error fail` (the default): the first bad row stops the command
/// with its row number and column, exit 2, and no output file is left.
///
/// Source: issue 19 ("a bad row is reported with its row number and
/// column"); docs/rules.md rule 1 (dates in the years 1 to 9999).
#[test]
fn bad_row_fails() {
    let dir = scratch_dir("fail");
    let input = dir.join("bad.csv");
    std::fs::write(&input, BAD).unwrap();
    let out = dir.join("due.csv");
    let o = dpa(&[
        "schedule",
        &belco(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "dpa: error: {}: row 2: terminated_on: 2026-13-01 is not a date: the month must be from 1 to 12\n",
            input.display()
        )
    );
    assert!(!out.exists());
}

/// `--on-error skip`: the bad rows are left out of the output and every
/// one is reported on stderr, with the count at the end; never a silent
/// drop.
///
/// Source: issue 19 (`--on-error skip|fail`, "never a silent drop");
/// Belco DPS 1.11, clause 2.6.3.
#[test]
fn bad_rows_skipped_and_reported() {
    let f = Scratch::new("schedule-skip.csv", BAD.as_bytes());
    let o = dpa(&[
        "schedule",
        &belco(),
        "--input",
        f.path(),
        "--output",
        "-",
        "--at",
        "2027-03-01",
        "--on-error",
        "skip",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: Vec<String> = stdout(&o).lines().skip(1).map(str::to_owned).collect();
    assert_eq!(
        rows,
        [
            "a,2026-11-30,2027-02-28,overdue,,none",
            "d,2026-12-01,2027-03-01,due-today,,none"
        ]
    );
    let p = f.path();
    assert_eq!(
        stderr(&o),
        format!(
            "dpa: skipped: {p}: row 2: terminated_on: 2026-13-01 is not a date: the month must be from 1 to 12\n\
             dpa: skipped: {p}: row 3: terminated_on: out of range: 9999-12-01 + 3 months is outside the years 1 to 9999\n\
             dpa: skipped 2 of 4 rows ({p}); the rest are in -\n"
        )
    );
}

/// `--agreement-column`: each row under the agreement its column names,
/// relative to the table's directory: Belco's 24 hours and Alles Online's
/// "without undue delay" side by side.
///
/// Source: Belco DPS 1.13 / clause 2.4.1 (24 hours); Alles Online DPS 17 /
/// clause 4.1 (zonder onredelijke vertraging); GDPR art. 33(1), 33(2).
#[test]
fn agreement_column_with_both_agreements() {
    let o = dpa(&[
        "schedule",
        "--agreement-column",
        "agreement",
        "--input",
        &table("portfolio.csv"),
        "--output",
        "-",
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
customer_id,agreement,terminated_on,breach_discovered_at,deletion_due,deletion_status,backup_deletion_due,backup_deletion_status,breach_notice_due,breach_notice_status,authority_notice_due,authority_notice_status
c-101,../agreements/belco.toml,2026-11-30,2027-02-28T10:30:00+01:00,2027-02-28,overdue,,none,2027-03-01T09:30:00Z,due-today,2027-03-03T09:30:00Z,pending
c-102,../agreements/alles-online.toml,2026-11-30,2027-02-28T10:30:00+01:00,2027-02-28,overdue,,none,,none,2027-03-03T09:30:00Z,pending
"
    );
}

/// A row naming an agreement file that does not exist is an error naming
/// the row and the column (the other rows' file is read once).
///
/// Source: issue 19 ("a missing file is an error naming the row").
#[test]
fn agreement_column_missing_file_names_the_row() {
    let dir = scratch_dir("missing");
    std::fs::copy(examples().join("belco.toml"), dir.join("belco.toml")).unwrap();
    let input = dir.join("t.csv");
    std::fs::write(
        &input,
        "agreement,terminated_on\nbelco.toml,2026-11-30\nbelco.toml,2026-12-01\nnone.toml,2026-11-30\n",
    )
    .unwrap();
    let o = dpa(&[
        "schedule",
        "--agreement-column",
        "agreement",
        "--input",
        input.to_str().unwrap(),
        "--output",
        "-",
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "dpa: error: {}: row 3: agreement: {}: cannot read: ",
            input.display(),
            dir.join("none.toml").display()
        )),
        "{err}"
    );
}

/// `--column EVENT=NAME` reads an event from a column of another name, and
/// errors name the column as the table does; a name that is no column, or
/// an event that does not exist, is refused.
///
/// Source: Belco DPS 1.11, clause 2.6.3; issue 19 (column mapping).
#[test]
fn column_mapping() {
    let f = Scratch::new(
        "schedule-map.csv",
        b"id,end_date,gone_on\na,2026-11-30,2027-03-02\nb,2026-11-3,\n",
    );
    let agreement = belco();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "schedule",
            &agreement,
            "--input",
            f.path(),
            "--output",
            "-",
            "--at",
            "2027-03-01",
            "--on-error",
            "skip",
        ];
        args.extend_from_slice(extra);
        dpa(&args)
    };
    let o = run(&[
        "--column",
        "terminated_on=end_date",
        "--column",
        "deleted_on=gone_on",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "id,end_date,gone_on,deletion_due,deletion_status,backup_deletion_due,backup_deletion_status\n\
         a,2026-11-30,2027-03-02,2027-02-28,late,,none\n"
    );
    assert!(stderr(&o).contains("row 2: end_date: "), "{}", stderr(&o));

    let o = run(&["--column", "terminated_on=nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no column `nope` in the table (given for terminated_on)"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--column", "ended_on=end_date"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown schedule column `ended_on`: expected one of terminated_on"),
        "{}",
        stderr(&o)
    );
    // Without the mapping the table has no event column.
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "the table has none of the event columns terminated_on, breach_discovered_at"
        ),
        "{}",
        stderr(&o)
    );
}

/// Parquet in, CSV out, with an instant column in a named zone (`UTC`, as
/// pandas writes it): the input instants are written in UTC, the deadlines
/// computed from them.
///
/// Source: Belco DPS 1.13 / clause 2.4.1 (24 hours); docs/rules.md rule 2.
#[test]
fn parquet_named_zone_to_csv() {
    let dir = scratch_dir("named-zone");
    let input = dir.join("breaches.parquet");
    let schema = Arc::new(Schema::new(vec![Field::new(
        "breach_discovered_at",
        DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
        true,
    )]));
    let batch = RecordBatch::try_new(
        schema,
        vec![Arc::new(
            TimestampSecondArray::from(vec![Some(1_803_807_000)]).with_timezone("UTC"),
        )],
    )
    .unwrap();
    write_parquet(&input, &batch);
    let o = dpa(&[
        "schedule",
        &belco(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        "-",
        "--at",
        "2027-03-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "breach_discovered_at,breach_notice_due,breach_notice_status,authority_notice_due,authority_notice_status\n\
         2027-02-28T09:30:00Z,2027-03-01T09:30:00Z,due-today,2027-03-03T09:30:00Z,pending\n"
    );
}

/// `--deadlines` writes only the deadlines named, in the usual column
/// order, with the values the full schedule gives them; a name that is no
/// deadline of a schedule is refused (exit 2) with the list of those that
/// are.
///
/// Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped), clause 2.7.4
/// / DPS 1.14 (once per rolling 12 months); the rows of
/// `csv_in_csv_out_golden` above.
#[test]
fn deadlines_selects_the_result_columns() {
    let o = customers_to_stdout(&["--deadlines", "next-audit,deletion"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
customer_id,terminated_on,deleted_on,breach_discovered_at,breach_notified_at,audit_held_on,deletion_due,deletion_status,next_audit_due,next_audit_status
c-001,2026-11-30,,,,,2027-02-28,overdue,,
c-002,2026-11-30,2027-02-26,,,,2027-02-28,met,,
c-003,2026-10-31,2027-02-02,,,,2027-01-31,late,,
c-004,2026-12-01,,,,,2027-03-01,due-today,,
c-005,2027-01-31,,,,2026-06-15,2027-04-30,pending,2027-06-15,not-yet
c-006,,,2027-02-28T10:30:00+01:00,2027-03-01T08:00:00+01:00,,,,,
c-007,,,2027-02-28T23:30:00+01:00,,2026-02-20,,,2027-02-20,open
"
    );

    let o = customers_to_stdout(&["--deadlines", "deletion,deletion_due"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "--deadlines: `deletion_due` is no deadline a schedule computes: expected one of \
             deletion, backup-deletion,"
        ),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}
