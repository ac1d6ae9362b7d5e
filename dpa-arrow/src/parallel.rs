//! A Parquet file whose columns are encoded on worker threads: the same
//! row groups, column chunks and footer as the `parquet` crate's
//! `ArrowWriter` writes (the same encoders, through its
//! `ArrowColumnWriter`s, one per leaf column), so the file is byte for byte
//! the one `ArrowWriter` writes; only the work is spread. Each worker owns
//! the writers of some top-level columns for a row group and encodes every
//! batch's slice of them in order; at the end of a row group the calling
//! thread collects the column chunks and appends them in column order.
//!
//! Which worker encodes which column is decided per row group: the first
//! by a guess from the column's type, each next one from the time each
//! column took in the row groups before (longest first, to the worker with
//! the least so far). The assignment changes the time, never the bytes.

use std::fs::File;
use std::ops::Range;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use arrow::array::{ArrayRef, new_empty_array};
use arrow::datatypes::{DataType, FieldRef, SchemaRef};
use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;

/// Batches a worker may hold before the calling thread waits for it.
const QUEUE: usize = 4;

/// What a worker is asked to do.
enum Job {
    /// Take these leaf writers (leaf index, writer) for a new row group.
    Start(Vec<(usize, ArrowColumnWriter)>),
    /// Encode these columns: (top-level index, first leaf index, field,
    /// the batch's array).
    Write(Vec<(usize, usize, FieldRef, ArrayRef)>),
    /// Close the writers and send back the chunks.
    Close,
}

/// What a worker sends back at [`Job::Close`]: the chunks by leaf index,
/// and the time spent on each top-level column.
type Closed = Result<(Vec<(usize, ArrowColumnChunk)>, Vec<(usize, Duration)>), ParquetError>;

struct Worker {
    jobs: SyncSender<Job>,
    closed: Receiver<Closed>,
    handle: Option<JoinHandle<()>>,
}

/// A Parquet file being written with its columns encoded on `threads`
/// worker threads.
pub struct ParallelParquet {
    file: SerializedFileWriter<File>,
    factory: ArrowRowGroupWriterFactory,
    fields: Vec<FieldRef>,
    /// The leaf columns of each top-level column.
    leaves: Vec<Range<usize>>,
    max_rows: Option<usize>,
    /// Rows in the row group being written; `None` before its first batch.
    buffered: Option<usize>,
    workers: Vec<Worker>,
    /// The worker of each top-level column in this row group.
    assigned: Vec<usize>,
    /// The time each top-level column took so far.
    cost: Vec<Duration>,
}

impl std::fmt::Debug for ParallelParquet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParallelParquet")
            .field("workers", &self.workers.len())
            .field("fields", &self.fields.len())
            .finish_non_exhaustive()
    }
}

impl ParallelParquet {
    /// A writer of `schema` to `file` with `props`, encoding on `threads`
    /// worker threads (at least one).
    ///
    /// # Errors
    /// The `parquet` crate's, for a schema it cannot write.
    pub fn try_new(
        file: File,
        schema: &SchemaRef,
        props: WriterProperties,
        threads: usize,
    ) -> Result<ParallelParquet, ParquetError> {
        // `ArrowWriter` builds the file writer (the magic, the Arrow schema
        // in the footer's metadata) exactly as it does for itself.
        let (file, factory) = ArrowWriter::try_new(file, schema.clone(), Some(props.clone()))?
            .into_serialized_writer()?;
        let fields: Vec<FieldRef> = schema.fields().iter().cloned().collect();
        let mut leaves = Vec::with_capacity(fields.len());
        let mut next = 0;
        for f in &fields {
            let n = compute_leaves(f, &new_empty_array(f.data_type()))?.len();
            leaves.push(next..next + n);
            next += n;
        }
        let workers = (0..threads.clamp(1, fields.len().max(1)))
            .map(|_| spawn())
            .collect::<Result<Vec<_>, _>>()?;
        let cost = fields.iter().map(|f| guess(f.data_type())).collect();
        Ok(ParallelParquet {
            file,
            factory,
            fields,
            leaves,
            max_rows: props.max_row_group_row_count(),
            buffered: None,
            workers,
            assigned: Vec::new(),
            cost,
        })
    }

    /// Writes `batch`, split over row groups as `ArrowWriter::write` splits
    /// it.
    ///
    /// # Errors
    /// A batch of another shape, or an encoder's error.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), ParquetError> {
        if batch.num_columns() != self.fields.len() {
            return Err(ParquetError::General(format!(
                "the batch has {} columns, the file {}",
                batch.num_columns(),
                self.fields.len()
            )));
        }
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let mut remaining = batch.clone();
        loop {
            let buffered = match self.buffered {
                Some(b) => b,
                None => self.start()?,
            };
            let rest = match self.max_rows {
                Some(max) if buffered + remaining.num_rows() > max => {
                    let at = max - buffered;
                    let rest = remaining.slice(at, remaining.num_rows() - at);
                    remaining = remaining.slice(0, at);
                    Some(rest)
                }
                _ => None,
            };
            self.send(&remaining)?;
            let buffered = buffered + remaining.num_rows();
            self.buffered = Some(buffered);
            if self.max_rows.is_some_and(|max| buffered >= max) {
                self.flush()?;
            }
            match rest {
                Some(rest) => remaining = rest,
                None => return Ok(()),
            }
        }
    }

    /// Writes the row group in progress and the footer.
    ///
    /// # Errors
    /// An encoder's error, or one of writing the file.
    pub fn finish(mut self) -> Result<(), ParquetError> {
        self.flush()?;
        self.file.finish()?;
        Ok(())
    }

    /// Starts a row group: new writers, handed to the workers by the cost
    /// of their columns so far.
    fn start(&mut self) -> Result<usize, ParquetError> {
        let index = self.file.flushed_row_groups().len();
        let mut writers: Vec<Option<ArrowColumnWriter>> = self
            .factory
            .create_column_writers(index)?
            .into_iter()
            .map(Some)
            .collect();
        self.assigned = balance(&self.cost, self.workers.len());
        let mut handed: Vec<Vec<(usize, ArrowColumnWriter)>> =
            self.workers.iter().map(|_| Vec::new()).collect();
        for (field, leaves) in self.leaves.iter().enumerate() {
            for leaf in leaves.clone() {
                if let Some(w) = writers.get_mut(leaf).and_then(Option::take) {
                    handed[self.assigned[field]].push((leaf, w));
                }
            }
        }
        for (worker, writers) in self.workers.iter().zip(handed) {
            worker
                .jobs
                .send(Job::Start(writers))
                .map_err(|_| stopped())?;
        }
        self.buffered = Some(0);
        Ok(0)
    }

    /// Hands each worker its columns of `batch`.
    fn send(&mut self, batch: &RecordBatch) -> Result<(), ParquetError> {
        let mut jobs: Vec<Vec<(usize, usize, FieldRef, ArrayRef)>> =
            self.workers.iter().map(|_| Vec::new()).collect();
        for (i, (field, column)) in self.fields.iter().zip(batch.columns()).enumerate() {
            jobs[self.assigned[i]].push((i, self.leaves[i].start, field.clone(), column.clone()));
        }
        for (worker, job) in self.workers.iter().zip(jobs) {
            if !job.is_empty() {
                worker.jobs.send(Job::Write(job)).map_err(|_| stopped())?;
            }
        }
        Ok(())
    }

    /// Closes the row group in progress (if any) and appends its column
    /// chunks to the file in column order.
    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.buffered.take().is_none() {
            return Ok(());
        }
        for worker in &self.workers {
            worker.jobs.send(Job::Close).map_err(|_| stopped())?;
        }
        let mut chunks = Vec::new();
        let mut failed = None;
        for worker in &self.workers {
            match worker.closed.recv().map_err(|_| stopped())? {
                Ok((c, spent)) => {
                    chunks.extend(c);
                    for (field, t) in spent {
                        self.cost[field] += t;
                    }
                }
                Err(e) => failed = failed.or(Some(e)),
            }
        }
        if let Some(e) = failed {
            return Err(e);
        }
        chunks.sort_by_key(|(leaf, _)| *leaf);
        let mut group = self.file.next_row_group()?;
        for (_, chunk) in chunks {
            chunk.append_to_row_group(&mut group)?;
        }
        group.close()?;
        Ok(())
    }
}

impl Drop for ParallelParquet {
    fn drop(&mut self) {
        let workers = std::mem::take(&mut self.workers);
        for mut w in workers {
            drop(w.jobs);
            if let Some(h) = w.handle.take() {
                let _ = h.join();
            }
        }
    }
}

fn stopped() -> ParquetError {
    ParquetError::General("a Parquet encoder thread stopped".to_owned())
}

/// A worker thread.
fn spawn() -> Result<Worker, ParquetError> {
    let (jobs, rx) = sync_channel::<Job>(QUEUE);
    let (tx, closed) = sync_channel::<Closed>(1);
    let handle = std::thread::Builder::new()
        .name("dpa-parquet".to_owned())
        .spawn(move || work(&rx, &tx))
        .map_err(|e| ParquetError::General(format!("cannot start an encoder thread: {e}")))?;
    Ok(Worker {
        jobs,
        closed,
        handle: Some(handle),
    })
}

/// A worker's loop: encodes the columns it is handed until its queue
/// closes.
fn work(jobs: &Receiver<Job>, closed: &SyncSender<Closed>) {
    let mut writers: Vec<(usize, ArrowColumnWriter)> = Vec::new();
    let mut spent: Vec<(usize, Duration)> = Vec::new();
    let mut failed: Option<ParquetError> = None;
    for job in jobs {
        match job {
            Job::Start(w) => {
                writers = w;
                spent.clear();
                failed = None;
            }
            Job::Write(columns) => {
                if failed.is_some() {
                    continue;
                }
                for (field, first_leaf, f, array) in columns {
                    let start = Instant::now();
                    if let Err(e) = encode(&mut writers, first_leaf, &f, &array) {
                        failed = Some(e);
                        break;
                    }
                    match spent.iter_mut().find(|(i, _)| *i == field) {
                        Some((_, t)) => *t += start.elapsed(),
                        None => spent.push((field, start.elapsed())),
                    }
                }
            }
            Job::Close => {
                let result = match failed.take() {
                    Some(e) => Err(e),
                    None => writers
                        .drain(..)
                        .map(|(leaf, w)| w.close().map(|c| (leaf, c)))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|c| (c, std::mem::take(&mut spent))),
                };
                writers.clear();
                if closed.send(result).is_err() {
                    return;
                }
            }
        }
    }
}

/// Encodes one top-level column's array into its leaf writers.
fn encode(
    writers: &mut [(usize, ArrowColumnWriter)],
    first_leaf: usize,
    field: &FieldRef,
    array: &ArrayRef,
) -> Result<(), ParquetError> {
    for (offset, leaf) in compute_leaves(field, array)?.into_iter().enumerate() {
        let index = first_leaf + offset;
        let Some((_, w)) = writers.iter_mut().find(|(i, _)| *i == index) else {
            return Err(ParquetError::General(format!(
                "no writer for leaf column {index}"
            )));
        };
        w.write(&leaf)?;
    }
    Ok(())
}

/// A first guess of a column's cost from its type, before any is measured
/// (relative: text and dictionaries hash and compare their values).
fn guess(t: &DataType) -> Duration {
    let micros = match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => 4,
        DataType::Dictionary(..) => 4,
        DataType::Timestamp(..) | DataType::Int64 | DataType::Date64 | DataType::Float64 => 2,
        _ => 1,
    };
    Duration::from_micros(micros)
}

/// The worker of each column: the costliest first, each to the worker
/// with the least cost so far.
fn balance(cost: &[Duration], workers: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cost.len()).collect();
    order.sort_by(|a, b| cost[*b].cmp(&cost[*a]).then(a.cmp(b)));
    let mut load = vec![Duration::ZERO; workers.max(1)];
    let mut assigned = vec![0; cost.len()];
    for field in order {
        let (w, _) = load
            .iter()
            .enumerate()
            .min_by_key(|(i, l)| (**l, *i))
            .unwrap_or((0, &Duration::ZERO));
        assigned[field] = w;
        load[w] += cost[field];
    }
    assigned
}
