//! `dpa schedule`: a table's deadlines, read, computed and written batch by
//! batch (memory does not grow with the rows). The computation is
//! `dpa_core::schedule`'s, the Arrow, CSV and Parquet I/O `dpa_arrow`'s.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dpa_arrow::arrow::array::{ArrayRef, AsArray, StringArray};
use dpa_arrow::arrow::compute::cast;
use dpa_arrow::arrow::datatypes::DataType;
use dpa_arrow::arrow::error::ArrowError;
use dpa_arrow::arrow::record_batch::RecordBatch;
use dpa_arrow::files::{Reader, Writer};
use dpa_arrow::{Agreements, OnError, Options, Plan};
use dpa_core::Agreement;

use super::{InputError, load, parse_date, today};

/// Rows per batch: large enough to amortise the per-batch work, small
/// enough to hold memory at a few megabytes.
const BATCH_ROWS: usize = 8192;

/// The arguments of `dpa schedule`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The agreement file (.toml or .json) every row is under; leave it out
    /// with --agreement-column.
    #[arg(
        required_unless_present = "agreement_column",
        conflicts_with = "agreement_column"
    )]
    agreement: Option<PathBuf>,
    /// The table to read (.csv with a header row, or .parquet). Event
    /// columns: terminated_on, breach_discovered_at, audit_held_on,
    /// audit_notice_on, change_notified_on; completions: deleted_on,
    /// backups_deleted_on, breach_notified_at, authority_notified_at.
    #[arg(long)]
    input: PathBuf,
    /// The table to write (.csv or .parquet, or - for CSV on standard
    /// output): the input columns, then each deadline's *_due and *_status.
    #[arg(long)]
    output: PathBuf,
    /// The date the statuses are as of (YYYY-MM-DD); default: today (UTC).
    #[arg(long, value_parser = parse_date)]
    at: Option<time::Date>,
    /// What to do with a row that cannot be computed: fail (stop, exit 2)
    /// or skip (leave it out and report it on stderr).
    #[arg(long, value_name = "fail|skip", default_value = "fail", value_parser = parse_on_error)]
    on_error: OnError,
    /// Read an event or completion from a column of another name,
    /// COLUMN=NAME (terminated_on=end_date); may be repeated.
    #[arg(long = "column", value_name = "COLUMN=NAME")]
    columns: Vec<String>,
    /// The column holding each row's agreement file, relative to the input
    /// file's directory (each file read once).
    #[arg(long, value_name = "NAME")]
    agreement_column: Option<String>,
    /// Add each deadline's citation and note as a *_detail column, per row.
    #[arg(long)]
    detail: bool,
    /// Compute only these deadlines, comma-separated (deletion,
    /// backup-deletion, breach-notice, authority-notice, next-audit,
    /// audit-notice, termination-window); default: every deadline the
    /// table's event columns start.
    #[arg(long, value_name = "KIND,...", value_delimiter = ',')]
    deadlines: Vec<String>,
}

/// `--output -`: CSV on standard output.
fn to_stdout(args: &Args) -> bool {
    args.output.as_os_str() == "-"
}

fn parse_on_error(s: &str) -> Result<OnError, String> {
    s.parse()
}

/// Runs `dpa schedule`; on an error the output file is removed, never left
/// half written.
pub(crate) fn run(args: &Args) -> Result<ExitCode, InputError> {
    let result = schedule(args);
    if result.is_err() && !to_stdout(args) {
        let _ = std::fs::remove_file(&args.output);
    }
    result
}

fn schedule(args: &Args) -> Result<ExitCode, InputError> {
    let mut options = Options::new(args.at.unwrap_or_else(today));
    for c in &args.columns {
        options
            .map_column(c)
            .map_err(|m| InputError(format!("--column {m}")))?;
    }
    options.on_error = args.on_error;
    options.detail = args.detail;
    for d in &args.deadlines {
        options
            .select_deadline(d)
            .map_err(|m| InputError(format!("--deadlines: {m}")))?;
    }
    options.agreement_column.clone_from(&args.agreement_column);
    let input = args.input.display().to_string();
    let table = |e: dpa_arrow::Error| InputError(format!("{input}: {e}"));
    let at_path = |e: dpa_arrow::Error| InputError(e.to_string());
    let reader = Reader::open(&args.input, BATCH_ROWS).map_err(at_path)?;
    let plan = Plan::new(reader.schema(), &options).map_err(table)?;
    let one = args.agreement.as_deref().map(load).transpose()?;
    let base = args.input.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut cache: HashMap<String, Result<Agreement, String>> = HashMap::new();
    let mut writer = if to_stdout(args) {
        Writer::csv_to(Box::new(std::io::stdout()))
    } else {
        Writer::create(&args.output, plan.output_schema()).map_err(at_path)?
    };
    let progress = progress();
    let mut rows: u64 = 0;
    let mut skipped: u64 = 0;
    let stderr = std::io::stderr();
    for batch in reader {
        let batch = batch.map_err(table)?;
        let scheduled = match &one {
            Some(a) => plan.run(&batch, &Agreements::One(a), rows),
            None => {
                let name = args.agreement_column.as_deref().unwrap_or_default();
                load_named(&batch, name, &base, &mut cache);
                let lookup = |n: &str| match cache.get(n) {
                    Some(Ok(a)) => Ok(a),
                    Some(Err(m)) => Err(m.clone()),
                    None => Err(format!("agreement `{n}` was not read")),
                };
                plan.run(&batch, &Agreements::ByColumn(&lookup), rows)
            }
        }
        .map_err(table)?;
        for e in &scheduled.skipped {
            let msg = dpa_core::report::terminal_safe(&format!("{input}: {e}")).into_owned();
            let _ = writeln!(stderr.lock(), "dpa: skipped: {msg}");
        }
        skipped += scheduled.skipped.len() as u64;
        rows += batch.num_rows() as u64;
        writer.write(&scheduled.batch).map_err(at_path)?;
        if let Some(p) = &progress {
            p.set_position(rows);
        }
    }
    writer.finish().map_err(at_path)?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    if skipped > 0 {
        let _ = writeln!(
            stderr.lock(),
            "dpa: skipped {skipped} of {rows} rows ({input}); the rest are in {}",
            args.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads every agreement the batch's `column` names that is not read yet,
/// relative to `base`; a file that cannot be read is kept as its message,
/// for the rows that name it.
fn load_named(
    batch: &RecordBatch,
    column: &str,
    base: &Path,
    cache: &mut HashMap<String, Result<Agreement, String>>,
) {
    let Some(array) = batch.column_by_name(column) else {
        return;
    };
    let Ok(text) = text_column(array) else {
        return;
    };
    for name in text.iter().flatten() {
        if !cache.contains_key(name) {
            let loaded = load(&base.join(name)).map_err(|e| e.0);
            cache.insert(name.to_owned(), loaded);
        }
    }
}

/// A text column as plain UTF-8.
fn text_column(array: &ArrayRef) -> Result<StringArray, ArrowError> {
    let utf8 = cast(array, &DataType::Utf8)?;
    Ok(utf8.as_string::<i32>().clone())
}

/// A progress counter on stderr, when stderr is a terminal.
fn progress() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let p = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {human_pos} rows ({per_sec})")
    {
        p.set_style(style);
    }
    Some(p)
}
