//! The `dpa schedule` workload: a generated customer table in Parquet, the
//! schedule of a table file, and its floor (the same file read and written
//! with no computation).

use std::path::Path;
use std::sync::Arc;

use arrow::array::{Date32Builder, RecordBatch, StringBuilder, TimestampSecondBuilder};
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
/// with the same reader and writer, and no computation; returns the rows.
///
/// # Errors
/// When a file cannot be read or written.
pub fn copy_table(input: &Path, output: &Path) -> Result<usize, dpa_arrow::Error> {
    let reader = Reader::open(input, BATCH_ROWS)?;
    let mut w = Writer::create(output, reader.schema())?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch?;
        rows += batch.num_rows();
        w.write(&batch)?;
    }
    w.finish()?;
    Ok(rows)
}
