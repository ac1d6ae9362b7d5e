//! The `dpa schedule` workload: a generated customer table in Parquet, the
//! schedule of a table file, and its floor (the same file read and written
//! with no computation).

use std::path::Path;
use std::sync::Arc;

use arrow::array::{AsArray, Date32Builder, RecordBatch, StringBuilder, TimestampSecondBuilder};
use arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use dpa_arrow::files::{Reader, Writer};
use dpa_arrow::{Agreements, Options, Plan};
use dpa_core::Agreement;

/// Rows per batch, as `dpa schedule` reads them.
const BATCH_ROWS: usize = 8192;

/// Writes a customer table of `rows` rows to `path` (`.parquet` or `.csv`):
/// `customer_id`, `terminated_on` (Date32; 90 % of rows, over 2020–2029),
/// `deleted_on` (for a third of the terminated rows), `breach_discovered_at`
/// (a timestamp with zone +01:00, for 1 % of rows). Deterministic.
///
/// # Errors
/// When the file cannot be written.
pub fn write_customer_table(path: &Path, rows: usize) -> Result<(), dpa_arrow::Error> {
    let schema = Arc::new(Schema::new(vec![
        Field::new("customer_id", DataType::Utf8, false),
        Field::new("terminated_on", DataType::Date32, true),
        Field::new("deleted_on", DataType::Date32, true),
        Field::new(
            "breach_discovered_at",
            DataType::Timestamp(TimeUnit::Second, Some("+01:00".into())),
            true,
        ),
    ]));
    let mut w = Writer::create(path, &schema)?;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut done = 0;
    while done < rows {
        let n = BATCH_ROWS.min(rows - done);
        let mut id = StringBuilder::with_capacity(n, n * 10);
        let mut term = Date32Builder::with_capacity(n);
        let mut deleted = Date32Builder::with_capacity(n);
        let mut breach = TimestampSecondBuilder::with_capacity(n).with_timezone("+01:00");
        for i in 0..n {
            id.append_value(format!("c-{:08}", done + i));
            let r = next();
            // 2020-01-01 is day 18262; ten years of days.
            let day = 18_262 + (r % 3_650) as i32;
            if r % 10 == 0 {
                term.append_null();
                deleted.append_null();
            } else {
                term.append_value(day);
                if r % 3 == 0 {
                    deleted.append_value(day + ((r >> 20) % 120) as i32);
                } else {
                    deleted.append_null();
                }
            }
            if r % 100 == 7 {
                breach.append_value(i64::from(day) * 86_400 + ((r >> 30) % 86_400) as i64);
            } else {
                breach.append_null();
            }
        }
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(id.finish()),
                Arc::new(term.finish()),
                Arc::new(deleted.finish()),
                Arc::new(breach.finish()),
            ],
        )?;
        w.write(&batch)?;
        done += n;
    }
    w.finish()
}

/// `dpa schedule AGREEMENT --input input --output output --at at`, as the
/// command runs it; returns the rows written.
///
/// # Errors
/// As the command.
pub fn schedule_table(
    agreement: &Agreement,
    input: &Path,
    output: &Path,
    at: time::Date,
) -> Result<usize, dpa_arrow::Error> {
    let reader = Reader::open(input, BATCH_ROWS)?;
    let plan = Plan::new(reader.schema(), &Options::new(at))?;
    let mut w = Writer::create(output, plan.output_schema())?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch?;
        let s = plan.run(&batch, &Agreements::One(agreement), rows as u64)?;
        rows += s.batch.num_rows();
        w.write(&s.batch)?;
    }
    w.finish()?;
    Ok(rows)
}

/// The floor: `input` read and written to `output` in the same batches,
/// with the same reader, and no computation; the `parquet` crate's writer
/// on this thread for `threads` 0 or 1 (the floor of issue 19), else the
/// writer `dpa schedule` uses with its columns encoded on `threads` worker
/// threads. Returns the rows.
///
/// # Errors
/// When a file cannot be read or written.
pub fn copy_table(input: &Path, output: &Path, threads: usize) -> Result<usize, dpa_arrow::Error> {
    let reader = Reader::open(input, BATCH_ROWS)?;
    let mut w = Writer::create_with_threads(output, reader.schema(), threads)?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch?;
        rows += batch.num_rows();
        w.write(&batch)?;
    }
    w.finish()?;
    Ok(rows)
}

/// Days from 1970-01-01 to 0001-01-01 and to 9999-12-31 (dpa-core's years 1
/// to 9999).
const FIRST_DAY: i64 = -719_162;
const LAST_DAY: i64 = 2_932_896;

/// A day for an edge table: a null, a day anywhere in the supported range,
/// near either end of it, just outside it (rarely), or in 2020–2030 (most
/// rows, so that days repeat).
fn edge_day(r: u64) -> Option<i64> {
    let pick = r % 64;
    let wide = (r >> 8) as i64;
    match pick {
        0..=7 => None,
        8..=15 => Some(FIRST_DAY + wide.rem_euclid(LAST_DAY - FIRST_DAY + 1)),
        16..=19 => Some(FIRST_DAY + wide.rem_euclid(800)),
        20..=23 => Some(LAST_DAY - wide.rem_euclid(800)),
        24 => Some(FIRST_DAY - 1 - wide.rem_euclid(1_000)),
        25 => Some(LAST_DAY + 1 + wide.rem_euclid(1_000)),
        _ => Some(18_262 + wide.rem_euclid(4_018)),
    }
}

/// A completion of the deadline an event on `event` starts: none, or a day
/// from 40 days before to 150 days after the event.
fn edge_completion(r: u64, event: Option<i64>) -> Option<i64> {
    let e = event?;
    r.is_multiple_of(3)
        .then(|| e - 40 + ((r >> 12) % 190) as i64)
}

/// The edge tables' random numbers (xorshift64*, a fixed seed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// The date columns of the edge tables.
const EDGE_DATE_COLUMNS: [&str; 6] = [
    "terminated_on",
    "deleted_on",
    "backups_deleted_on",
    "audit_held_on",
    "audit_notice_on",
    "change_notified_on",
];

/// Writes `batch` to `dir/name` in batches of [`BATCH_ROWS`].
fn write_in_batches(dir: &Path, name: &str, batch: &RecordBatch) -> Result<(), dpa_arrow::Error> {
    let mut w = Writer::create(&dir.join(name), &batch.schema())?;
    for start in (0..batch.num_rows()).step_by(BATCH_ROWS) {
        w.write(&batch.slice(start, BATCH_ROWS.min(batch.num_rows() - start)))?;
    }
    w.finish()
}

/// Writes the tables that check `dpa schedule`'s outputs for byte identity
/// before and after a change (`benches/schedule-golden.sh`) into `dir`:
/// `dates.parquet` (every event and completion column, the dates as
/// `Date32`, the instants as timestamps in a named zone, at an offset and in
/// UTC, in three units), `date64.parquet` (the date columns as `Date64`),
/// `text.csv` (every column as text, with text that is no date or instant,
/// and an instant without an offset), `narrow.parquet` (one termination date
/// column whose days fall within 31 days) and `wide.parquet` (days spread over
/// the whole range). Dates over the whole range 0001–9999, near its ends and
/// outside it; `rows` rows each (several batches). Deterministic.
///
/// # Errors
/// When a file cannot be written.
pub fn write_edge_tables(dir: &Path, rows: usize) -> Result<(), dpa_arrow::Error> {
    use arrow::array::{ArrayRef, Date64Builder};
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // Day values per date column, and seconds per instant column.
    let mut days: Vec<Vec<Option<i64>>> = (0..EDGE_DATE_COLUMNS.len())
        .map(|_| Vec::with_capacity(rows))
        .collect();
    let mut secs: Vec<Vec<Option<i64>>> = (0..3).map(|_| Vec::with_capacity(rows)).collect();
    for _ in 0..rows {
        let term = edge_day(rng.next());
        days[0].push(term);
        days[1].push(edge_completion(rng.next(), term));
        days[2].push(edge_completion(rng.next(), term));
        for column in days.iter_mut().skip(3) {
            column.push(edge_day(rng.next()));
        }
        let r = rng.next();
        let found = edge_day(r).map(|d| d * 86_400 + ((r >> 20) % 86_400) as i64);
        secs[0].push(found);
        let r = rng.next();
        secs[1].push(
            found
                .filter(|_| r.is_multiple_of(2))
                .map(|t| t - 3_600 + (r >> 9) as i64 % 200_000),
        );
        let r = rng.next();
        secs[2].push(
            found
                .filter(|_| r.is_multiple_of(2))
                .map(|t| t + (r >> 9) as i64 % 400_000),
        );
    }
    let date32 = |v: &[Option<i64>]| -> ArrayRef {
        let mut b = Date32Builder::with_capacity(v.len());
        for d in v {
            b.append_option(d.map(|d| d as i32));
        }
        Arc::new(b.finish())
    };
    let date64 = |v: &[Option<i64>]| -> ArrayRef {
        let mut b = Date64Builder::with_capacity(v.len());
        for d in v {
            b.append_option(d.map(|d| d * 86_400_000));
        }
        Arc::new(b.finish())
    };
    let mut ids = StringBuilder::new();
    for i in 0..rows {
        ids.append_value(format!("e-{i:06}"));
    }
    let ids: ArrayRef = Arc::new(ids.finish());
    let table = |dates: &dyn Fn(&[Option<i64>]) -> ArrayRef| {
        let mut fields = vec![Field::new("customer_id", DataType::Utf8, false)];
        let mut columns = vec![ids.clone()];
        for (name, v) in EDGE_DATE_COLUMNS.iter().zip(&days) {
            let a = dates(v);
            fields.push(Field::new(*name, a.data_type().clone(), true));
            columns.push(a);
        }
        for (f, a) in edge_instants(&secs) {
            fields.push(f);
            columns.push(a);
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
    };
    let dates = table(&date32)?;
    write_in_batches(dir, "dates.parquet", &dates)?;
    write_in_batches(dir, "date64.parquet", &table(&date64)?)?;
    write_in_batches(dir, "text.csv", &edge_text(&dates, &mut rng)?)?;
    write_one_column_tables(dir, rows, &mut rng)
}

/// The instant columns of the edge tables from their seconds: in a named
/// zone (milliseconds), at an offset (seconds), in UTC (microseconds).
fn edge_instants(secs: &[Vec<Option<i64>>]) -> Vec<(Field, arrow::array::ArrayRef)> {
    use arrow::array::{ArrayRef, TimestampMicrosecondBuilder, TimestampMillisecondBuilder};
    let mut found = TimestampMillisecondBuilder::new().with_timezone("Europe/Amsterdam");
    let mut notified = TimestampSecondBuilder::new().with_timezone("+01:00");
    let mut authority = TimestampMicrosecondBuilder::new().with_timezone("UTC");
    for ((f, n), a) in secs[0].iter().zip(&secs[1]).zip(&secs[2]) {
        found.append_option(f.map(|t| t * 1_000 + 250));
        notified.append_option(*n);
        authority.append_option(a.map(|t| t * 1_000_000));
    }
    let found: ArrayRef = Arc::new(found.finish());
    let notified: ArrayRef = Arc::new(notified.finish());
    let authority: ArrayRef = Arc::new(authority.finish());
    vec![
        (
            Field::new("breach_discovered_at", found.data_type().clone(), true),
            found,
        ),
        (
            Field::new("breach_notified_at", notified.data_type().clone(), true),
            notified,
        ),
        (
            Field::new("authority_notified_at", authority.data_type().clone(), true),
            authority,
        ),
    ]
}

/// `dates` as text, with text that is no date (or no instant) on some rows.
fn edge_text(dates: &RecordBatch, rng: &mut Rng) -> Result<RecordBatch, dpa_arrow::Error> {
    use arrow::array::ArrayRef;
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (k, (f, c)) in dates
        .schema()
        .fields()
        .iter()
        .zip(dates.columns())
        .enumerate()
    {
        // An instant in a named zone as text in UTC (the same instant; the
        // cast to text reads only offsets).
        let c = match f.data_type() {
            DataType::Timestamp(unit, Some(_)) => {
                arrow::compute::cast(c, &DataType::Timestamp(*unit, Some("+00:00".into())))?
            }
            _ => c.clone(),
        };
        let text = arrow::compute::cast(&c, &DataType::Utf8)?;
        let mut b = StringBuilder::new();
        for v in text.as_string::<i32>() {
            let r = rng.next();
            let bad = match (k, r % 97) {
                (0, _) => None,
                (1..=6, 0) => Some("2026-02-30"),
                (1..=6, 1) => Some("2026-11-30T10:00:00Z"),
                (1..=6, 2) => Some("30-11-2026"),
                (7..=9, 0) => Some("2026-03-28T10:30:00"),
                (7..=9, 1) => Some("2026-03-28"),
                (7..=9, 2) => Some("10000-01-01T00:00:00Z"),
                _ => None,
            };
            match bad {
                Some(s) => b.append_value(s),
                None => b.append_option(v),
            }
        }
        fields.push(Field::new(f.name(), DataType::Utf8, true));
        columns.push(Arc::new(b.finish()) as ArrayRef);
    }
    Ok(RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        columns,
    )?)
}

/// `narrow.parquet` and `wide.parquet`: a row number and one termination
/// column, its days within 31 days (a dense memo) or spread over the whole
/// range (a sparse one).
fn write_one_column_tables(dir: &Path, rows: usize, rng: &mut Rng) -> Result<(), dpa_arrow::Error> {
    use arrow::array::Int64Builder;
    for (name, span) in [
        ("narrow.parquet", 31_i64),
        ("wide.parquet", LAST_DAY - FIRST_DAY + 1),
    ] {
        let mut b = Date32Builder::with_capacity(rows);
        let mut n = Int64Builder::with_capacity(rows);
        for i in 0..rows {
            let r = rng.next();
            let base = if span == 31 { 20_483 } else { FIRST_DAY };
            if r.is_multiple_of(11) {
                b.append_null();
            } else {
                b.append_value((base + ((r >> 8) as i64).rem_euclid(span)) as i32);
            }
            n.append_value(i as i64);
        }
        let batch = RecordBatch::try_new(
            Arc::new(Schema::new(vec![
                Field::new("n", DataType::Int64, false),
                Field::new("terminated_on", DataType::Date32, true),
            ])),
            vec![Arc::new(n.finish()), Arc::new(b.finish())],
        )?;
        write_in_batches(dir, name, &batch)?;
    }
    Ok(())
}

/// Times [`Plan::run`] on one batch of `rows` termination dates (`Date32`,
/// drawn uniformly from 2000-01-01 to 2030-12-31) under Belco: a new plan
/// per run (every event day computed again: the wheel's first
/// `Agreement.schedule` call on a table), and one plan kept over the runs
/// (its due dates per event day computed in a first, untimed run: the
/// wheel's next calls, as an `Agreement` keeps its plan); returns the
/// medians of `runs` runs of each and the rows of the output.
///
/// # Errors
/// As [`Plan::run`].
pub fn time_arrow_schedule(
    rows: usize,
    runs: usize,
) -> Result<(std::time::Duration, std::time::Duration, usize), dpa_arrow::Error> {
    let belco = Agreement::from_toml(crate::BELCO_TOML)
        .map_err(|e| dpa_arrow::Error::Table(e.to_string()))?;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let days: Vec<i32> = (0..rows)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            // 2000-01-01 is day 10957; 2030-12-31 is day 22279.
            10_957 + (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % 11_323) as i32
        })
        .collect();
    let schema = Arc::new(Schema::new(vec![Field::new(
        "terminated_on",
        DataType::Date32,
        true,
    )]));
    let batch = RecordBatch::try_new(
        schema.clone(),
        vec![Arc::new(arrow::array::Date32Array::from(days))],
    )?;
    let at = time::macros::date!(2027 - 03 - 01);
    let kept = Plan::new(&schema, &Options::new(at))?;
    kept.run(&batch, &Agreements::One(&belco), 0)?;
    let mut new = Vec::with_capacity(runs);
    let mut warm = Vec::with_capacity(runs);
    let mut out = 0;
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let plan = Plan::new(&schema, &Options::new(at))?;
        let s = plan.run(&batch, &Agreements::One(&belco), 0)?;
        new.push(start.elapsed());
        out = s.batch.num_rows();
        drop(s);
        let start = std::time::Instant::now();
        let s = kept.run(&batch, &Agreements::One(&belco), 0)?;
        warm.push(start.elapsed());
        out = out.min(s.batch.num_rows());
    }
    new.sort();
    warm.sort();
    Ok((new[new.len() / 2], warm[warm.len() / 2], out))
}
