//! CSV and Parquet files read and written batch by batch, so that memory
//! does not grow with the number of rows (`dpa schedule`). The format is the
//! file name's extension: `.csv` or `.parquet`.
//!
//! A CSV file has a header row; every column is read as UTF-8 text (dates
//! and instants are read by dpa-core's one reader of ISO text, so the input
//! columns are written back as they were); an empty cell is null. Parquet is
//! read and written through the `parquet` crate's Arrow reader and writer
//! (Snappy compression); [`Writer::create`] encodes a Parquet file's
//! columns on worker threads ([`ParallelParquet`]), the same bytes as the
//! `parquet` crate's `ArrowWriter` writes on one thread.

use std::fs::File;
use std::io::{BufReader, BufWriter, Seek, Write};
use std::path::Path;
use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::record_batch::{RecordBatch, RecordBatchReader};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::Error;
pub use crate::parallel::ParallelParquet;

/// A table file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileFormat {
    /// Comma-separated values with a header row (`.csv`).
    Csv,
    /// Apache Parquet (`.parquet`).
    Parquet,
}

impl FileFormat {
    /// The format `path`'s extension names (`.csv`, `.parquet`; any case).
    ///
    /// # Errors
    /// [`Error::Table`] for another extension, naming the path.
    pub fn of_path(path: &Path) -> Result<FileFormat, Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Ok(FileFormat::Csv),
            Some("parquet") => Ok(FileFormat::Parquet),
            _ => Err(Error::Table(format!(
                "{}: cannot tell the table's format: expected a name ending in .csv or .parquet",
                path.display()
            ))),
        }
    }
}

/// The batches of a table file, read as they are needed.
pub struct Reader {
    schema: SchemaRef,
    batches: Box<dyn Iterator<Item = Result<RecordBatch, arrow::error::ArrowError>> + Send>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

impl Reader {
    /// Opens `path` (its format from its name), reading `batch_size` rows
    /// at a time.
    ///
    /// # Errors
    /// [`Error::Table`]: the file cannot be opened or is not a table of its
    /// format (the message names the path).
    pub fn open(path: &Path, batch_size: usize) -> Result<Reader, Error> {
        let shown = path.display();
        let file =
            File::open(path).map_err(|e| Error::Table(format!("{shown}: cannot read: {e}")))?;
        match FileFormat::of_path(path)? {
            FileFormat::Csv => {
                let mut file = BufReader::new(file);
                let format = arrow::csv::reader::Format::default().with_header(true);
                let (inferred, _) = format
                    .infer_schema(&mut file, Some(0))
                    .map_err(|e| Error::Table(format!("{shown}: {e}")))?;
                file.rewind()
                    .map_err(|e| Error::Table(format!("{shown}: cannot read: {e}")))?;
                // Every column as text: dpa-core reads the dates.
                let schema = Arc::new(Schema::new(
                    inferred
                        .fields()
                        .iter()
                        .map(|f| Field::new(f.name(), DataType::Utf8, true))
                        .collect::<Vec<_>>(),
                ));
                let reader = arrow::csv::ReaderBuilder::new(schema.clone())
                    .with_header(true)
                    .with_batch_size(batch_size)
                    .build(file)
                    .map_err(|e| Error::Table(format!("{shown}: {e}")))?;
                Ok(Reader {
                    schema,
                    batches: Box::new(reader),
                })
            }
            FileFormat::Parquet => {
                let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                    .and_then(|b| b.with_batch_size(batch_size).build())
                    .map_err(|e| Error::Table(format!("{shown}: not a Parquet file: {e}")))?;
                Ok(Reader {
                    schema: reader.schema(),
                    batches: Box::new(reader),
                })
            }
        }
    }

    /// The schema of every batch.
    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }
}

impl Iterator for Reader {
    type Item = Result<RecordBatch, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        self.batches
            .next()
            .map(|r| r.map_err(|e| Error::Table(e.to_string())))
    }
}

/// A table file being written, batch by batch.
pub enum Writer {
    /// CSV with a header row (to a file, or to any stream: [`Writer::csv_to`]).
    Csv(arrow::csv::Writer<BufWriter<Box<dyn Write + Send>>>),
    /// Parquet (Snappy), encoded on the calling thread.
    Parquet(ArrowWriter<File>),
    /// Parquet (Snappy), its columns encoded on worker threads: the same
    /// bytes as [`Writer::Parquet`].
    ParallelParquet(ParallelParquet),
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Writer::Csv(_) => "Writer::Csv",
            Writer::Parquet(_) => "Writer::Parquet",
            Writer::ParallelParquet(_) => "Writer::ParallelParquet",
        })
    }
}

impl Writer {
    /// Creates `path` (its format from its name) for batches of `schema`;
    /// a Parquet file's columns are encoded on as many worker threads as
    /// the machine runs at once (at most [`ENCODER_THREADS`]), on the
    /// calling thread where it runs one.
    ///
    /// # Errors
    /// [`Error::Table`]: the file cannot be created (the message names the
    /// path).
    pub fn create(path: &Path, schema: &SchemaRef) -> Result<Writer, Error> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(ENCODER_THREADS);
        Writer::create_with_threads(path, schema, threads)
    }

    /// [`Writer::create`] with a Parquet file's columns encoded on
    /// `threads` worker threads (on the calling thread for 0 or 1: the
    /// `parquet` crate's `ArrowWriter`). CSV is written on the calling
    /// thread.
    ///
    /// # Errors
    /// As [`Writer::create`].
    pub fn create_with_threads(
        path: &Path,
        schema: &SchemaRef,
        threads: usize,
    ) -> Result<Writer, Error> {
        let shown = path.display();
        let format = FileFormat::of_path(path)?;
        let file =
            File::create(path).map_err(|e| Error::Table(format!("{shown}: cannot write: {e}")))?;
        match format {
            FileFormat::Csv => Ok(Writer::csv_to(Box::new(file))),
            FileFormat::Parquet if threads > 1 => {
                ParallelParquet::try_new(file, schema, parquet_properties(), threads)
                    .map(Writer::ParallelParquet)
                    .map_err(|e| Error::Table(format!("{shown}: {e}")))
            }
            FileFormat::Parquet => {
                ArrowWriter::try_new(file, schema.clone(), Some(parquet_properties()))
                    .map(Writer::Parquet)
                    .map_err(|e| Error::Table(format!("{shown}: {e}")))
            }
        }
    }

    /// CSV with a header row written to `out` (standard output, for `dpa
    /// schedule --output -`).
    pub fn csv_to(out: Box<dyn Write + Send>) -> Writer {
        Writer::Csv(
            arrow::csv::WriterBuilder::new()
                .with_header(true)
                .build(BufWriter::with_capacity(256 * 1024, out)),
        )
    }

    /// Writes `batch`.
    ///
    /// # Errors
    /// [`Error::Table`] when writing fails.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), Error> {
        match self {
            Writer::Csv(w) => w.write(&text_dictionaries(batch)?),
            Writer::Parquet(w) => w
                .write(batch)
                .map_err(|e| arrow::error::ArrowError::ExternalError(Box::new(e))),
            Writer::ParallelParquet(w) => w
                .write(batch)
                .map_err(|e| arrow::error::ArrowError::ExternalError(Box::new(e))),
        }
        .map_err(|e| Error::Table(format!("cannot write: {e}")))
    }

    /// Finishes the file (Parquet's footer; CSV's buffer flushed).
    ///
    /// # Errors
    /// [`Error::Table`] when writing fails.
    pub fn finish(self) -> Result<(), Error> {
        match self {
            Writer::Csv(w) => w
                .into_inner()
                .flush()
                .map_err(|e| Error::Table(format!("cannot write: {e}"))),
            Writer::Parquet(w) => w
                .close()
                .map(|_| ())
                .map_err(|e| Error::Table(format!("cannot write: {e}"))),
            Writer::ParallelParquet(w) => w
                .finish()
                .map_err(|e| Error::Table(format!("cannot write: {e}"))),
        }
    }
}

/// The most worker threads [`Writer::create`] encodes a Parquet file's
/// columns on.
pub const ENCODER_THREADS: usize = 4;

/// How every Parquet file is written: Snappy, the `parquet` crate's other
/// defaults.
fn parquet_properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

/// `batch` as CSV writes it: its dictionary columns (the statuses) as
/// plain text, and timestamps in a named zone (`UTC`, `Europe/Amsterdam`,
/// which the CSV writer cannot resolve without a zone database) written in
/// UTC, the same instants.
fn text_dictionaries(batch: &RecordBatch) -> Result<RecordBatch, arrow::error::ArrowError> {
    let for_csv = |t: &DataType| match t {
        DataType::Dictionary(_, value) => Some((**value).clone()),
        DataType::Timestamp(unit, Some(tz)) if !tz.starts_with(['+', '-']) => {
            Some(DataType::Timestamp(*unit, Some("+00:00".into())))
        }
        _ => None,
    };
    let schema = batch.schema();
    if !schema
        .fields()
        .iter()
        .any(|f| for_csv(f.data_type()).is_some())
    {
        return Ok(batch.clone());
    }
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (f, c) in schema.fields().iter().zip(batch.columns()) {
        if let Some(t) = for_csv(f.data_type()) {
            fields.push(Field::new(f.name(), t.clone(), true));
            columns.push(arrow::compute::cast(c, &t)?);
        } else {
            fields.push((**f).clone());
            columns.push(c.clone());
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}
