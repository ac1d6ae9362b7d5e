//! The `dpa` command: argument parsing and printing only; every decision is
//! made in `dpa-core`.
#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use dpa_core::deadline::{DeadlineKind, Impact, Start, Trigger};
use dpa_core::report::{CheckReport, HolidaysReport, Report, TransfersStream};
use dpa_core::timeline::{IcsOptions, Reminder, UidDomain};
use dpa_core::values::iso_date;
use dpa_core::{Agreement, Error, Format};

mod schedule;

/// Turn a Dutch data processing agreement (NLdigital Data Pro Statement +
/// standard clauses) into answers.
///
/// Exit codes: 0 = no error finding, 1 = error findings, 2 = input that
/// cannot be read or is invalid, or output that cannot be written.
#[derive(Debug, Parser)]
#[command(name = "dpa", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print a readable summary of an agreement (or, with --format json, the
    /// agreement in the JSON format).
    Show {
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Read a Data Pro Statement (text, Markdown, PDF or DOCX): print the
    /// review list (per template item found or not, per value stated, not
    /// stated or ambiguous, placeholders) and, with -o, write the draft
    /// agreement file. With --update OLD, print instead the diff of the old
    /// agreement against the new version (the old file with the values the
    /// new text states). Exit 1 when something needs review, 2 when the
    /// file is not a Data Pro Statement (saying why) or cannot be read.
    Import {
        /// The statement: text (.txt, .md), PDF or DOCX, told apart by the
        /// content.
        file: PathBuf,
        /// Where to write the draft agreement file (TOML); not written
        /// without it.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// The agreement file (.toml or .json) of the statement's previous
        /// version: print what changed (as `dpa diff`) instead of the
        /// review list.
        #[arg(long, value_name = "OLD")]
        update: Option<PathBuf>,
        /// With --update: the date the change was notified (YYYY-MM-DD);
        /// default: the new statement's effective date, where it is a day.
        #[arg(long, value_parser = parse_date, requires = "update")]
        notified: Option<time::Date>,
        /// Output format of the review list (or of the diff).
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Validate an agreement and print every consistency finding.
    Check {
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// The date to check as of (YYYY-MM-DD); default: today (UTC).
        #[arg(long, value_parser = parse_date)]
        at: Option<time::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of the agreement format.
    Schema,
    /// Compute one deadline from an agreement. Text output starts with the due
    /// date or instant in ISO 8601 (or `none` where the agreement sets no fixed
    /// term), followed by the citation.
    Deadline {
        /// Which deadline: deletion, backup-deletion (--from: termination
        /// date), breach-notice (discovery instant), authority-notice (the
        /// controller's 72 hours, GDPR art. 33(1); awareness instant),
        /// next-audit (date of the last audit), audit-notice (date the
        /// written notice was given), termination-window (notice date of a
        /// statement change), service-response (report instant; needs
        /// --impact).
        #[arg(value_parser = deadline_kind())]
        kind: DeadlineKind,
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// The trigger: a date (YYYY-MM-DD) for deletion, backup-deletion,
        /// next-audit, audit-notice and termination-window; an instant with a
        /// UTC offset (2026-03-28T10:30:00+01:00) for breach-notice,
        /// authority-notice and service-response.
        #[arg(long)]
        from: String,
        /// The incident's impact, for service-response: low or high.
        #[arg(long, value_parser = impact())]
        impact: Option<Impact>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Compute every obligation that a list of events starts, with its deadline
    /// and its status as of a date (exit code 1 when one is missed or an event
    /// is impossible).
    Deadlines {
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// The events file (.toml or .json).
        #[arg(long)]
        events: PathBuf,
        /// The date the statuses are as of (YYYY-MM-DD); default: today (UTC).
        #[arg(long, value_parser = parse_date)]
        at: Option<time::Date>,
        /// Output format: text, json, or ics (an RFC 5545 calendar).
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
        /// With --format ics: the domain on the right of every UID (default
        /// dpa.invalid, a reserved name that is nobody's; set a domain you
        /// control when the calendar is shared).
        #[arg(long, value_name = "DOMAIN", value_parser = parse_uid_domain)]
        uid_domain: Option<UidDomain>,
        /// With --format ics: the DTSTAMP, an instant with a UTC offset
        /// (2027-03-01T12:00:00Z), for output that does not change from run
        /// to run; default: SOURCE_DATE_EPOCH (seconds since 1970) where it
        /// is set, else now.
        #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
        dtstamp: Option<time::OffsetDateTime>,
        /// With --format ics: reminders before each event, a comma-separated
        /// list of whole numbers with w (weeks), d (days) or h (hours), e.g.
        /// 7d,1d.
        #[arg(long, value_name = "LIST", value_parser = parse_reminders)]
        remind: Option<Reminders>,
    },
    /// Assess every sub-processor's transfers outside the EEA against the
    /// transfer bases valid on a date (exit code 1 on an error finding).
    Transfers {
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// The date to assess on (YYYY-MM-DD); default: today (UTC).
        #[arg(long, value_parser = parse_date)]
        on: Option<time::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Show which clauses cover each item GDPR art. 28 requires of a
    /// processing agreement (art. 28(2), 28(3)(a)-(h), 28(4)) after the
    /// agreement's deviations (exit code 1 when an item is uncovered).
    Coverage {
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// What changed between two versions of an agreement, each change
    /// classified significant or not, and the rights a notice of it opens.
    Diff {
        /// The old version (.toml or .json).
        old: PathBuf,
        /// The new version (.toml or .json).
        new: PathBuf,
        /// The date the change was notified (YYYY-MM-DD); default: the new
        /// statement's effective date, where it is a day (a month or a year
        /// is refused: give the date).
        #[arg(long, value_parser = parse_date)]
        notified: Option<time::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print the Dutch public holidays of a year under the Algemene
    /// termijnenwet (art. 3, including the days the Crown designated), one ISO
    /// date per line with its name.
    Holidays {
        /// The year (1965, when the Act came into force, to 9999).
        #[arg(allow_negative_numbers = true, value_parser = parse_year)]
        year: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Compute the deadlines of every row of a table (CSV or Parquet) and
    /// their status as of a date, and write the table with them
    /// (docs/rules.md, "Schedule statuses"; README, "dpa schedule").
    Schedule(schedule::Args),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TimelineFormat {
    Text,
    Json,
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// `--at`, `--on`, `--notified`: a date as `dpa-core` reads one.
fn parse_date(s: &str) -> Result<time::Date, Error> {
    iso_date::parse(s)
}

/// `--dtstamp`: an instant with a UTC offset, as `dpa-core` reads one.
fn parse_instant(s: &str) -> Result<time::OffsetDateTime, Error> {
    dpa_core::values::iso_instant::parse(s)
}

/// `--uid-domain`.
fn parse_uid_domain(s: &str) -> Result<UidDomain, Error> {
    s.parse()
}

/// The reminders of `--remind` (a newtype: clap takes a `Vec` for a list of
/// occurrences).
#[derive(Debug, Clone)]
struct Reminders(Vec<Reminder>);

/// `--remind`.
fn parse_reminders(s: &str) -> Result<Reminders, Error> {
    Reminder::parse_list(s).map(Reminders)
}

/// The calendar's options from `--uid-domain`, `--dtstamp` (or
/// `SOURCE_DATE_EPOCH`) and `--remind`, which apply to `--format ics` only.
fn ics_options(
    format: TimelineFormat,
    uid_domain: Option<UidDomain>,
    dtstamp: Option<time::OffsetDateTime>,
    remind: Option<Reminders>,
) -> Result<IcsOptions, InputError> {
    let given = [
        ("--uid-domain", uid_domain.is_some()),
        ("--dtstamp", dtstamp.is_some()),
        ("--remind", remind.is_some()),
    ];
    if format != TimelineFormat::Ics
        && let Some((flag, _)) = given.iter().find(|(_, g)| *g)
    {
        return Err(InputError(format!("{flag} applies to --format ics only")));
    }
    let mut o = IcsOptions::default();
    if format != TimelineFormat::Ics {
        return Ok(o);
    }
    if let Some(d) = uid_domain {
        o.uid_domain = d;
    }
    o.dtstamp = match dtstamp {
        Some(t) => Some(t),
        None => source_date_epoch()?,
    };
    o.reminders = remind.map(|r| r.0).unwrap_or_default();
    Ok(o)
}

/// The DTSTAMP where `--dtstamp` is not given: `SOURCE_DATE_EPOCH` (whole
/// seconds since 1970-01-01T00:00:00Z, the reproducible-builds convention)
/// where it is set, else none (now).
fn source_date_epoch() -> Result<Option<time::OffsetDateTime>, InputError> {
    let Some(v) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let refuse = || {
        InputError(format!(
            "SOURCE_DATE_EPOCH: `{}` is not a number of seconds since 1970-01-01T00:00:00Z in the years 1970 to 9999",
            v.to_string_lossy()
        ))
    };
    let secs: i64 = v
        .to_str()
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse().ok())
        .ok_or_else(refuse)?;
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .filter(|t| t.year() <= dpa_core::limits::MAX_YEAR)
        .map(Some)
        .ok_or_else(refuse)
}

/// The year of `dpa holidays`: a whole number, kept as written (whether
/// `dpa-core` has holidays for it is `dpa-core`'s to say).
fn parse_year(s: &str) -> Result<String, String> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{s}` is not a year: expected a whole number such as 2026"
        ));
    }
    Ok(s.to_owned())
}

/// The deadline kinds a start computes ([`DeadlineKind::trigger`]), by
/// their names.
fn deadline_kind() -> impl TypedValueParser<Value = DeadlineKind> {
    let names = DeadlineKind::ALL
        .iter()
        .filter(|k| k.trigger() != Trigger::NotComputable)
        .map(|k| k.as_str());
    PossibleValuesParser::new(names).try_map(|s| s.parse::<DeadlineKind>())
}

/// `--impact`, by the names of [`Impact`].
fn impact() -> impl TypedValueParser<Value = Impact> {
    PossibleValuesParser::new(Impact::ALL.iter().map(|i| i.as_str()))
        .try_map(|s| s.parse::<Impact>())
}

/// Input errors: printed to stderr, exit code 2.
struct InputError(String);

impl From<Error> for InputError {
    fn from(e: Error) -> Self {
        InputError(e.to_string())
    }
}

fn main() -> ExitCode {
    // Standard output first, before a file is opened that could take its
    // place: closed (`>&-`), it is an error, not output silently lost.
    let out = match Out::open() {
        Ok(out) => out,
        Err(e) => return fail(&InputError(format!("cannot write output: {e}"))),
    };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match run(cli, &out) {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

/// Prints `e` to stderr (if it can be written: a failure to write it
/// changes nothing but the message) and returns exit code 2.
fn fail(e: &InputError) -> ExitCode {
    let msg = dpa_core::report::terminal_safe(&e.0);
    let _ = writeln!(io::stderr().lock(), "dpa: error: {msg}");
    ExitCode::from(2)
}

/// What clap decided: usage errors exit 2; help and version exit 0 when
/// they could be printed (a closed pipe included), else 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match e.print() {
        Ok(()) => ExitCode::from(code),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(code),
        // The usage error itself could not be printed: exit 2 all the same.
        Err(_) if e.use_stderr() => ExitCode::from(2),
        Err(err) => fail(&InputError(format!("cannot write output: {err}"))),
    }
}

/// Today (UTC), where a date is not given.
fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn run(cli: Cli, out: &Out) -> Result<ExitCode, InputError> {
    match cli.command {
        Command::Show { file, format } => {
            let a = load(&file)?;
            match format {
                OutputFormat::Json => out.raw(&(a.to_json()? + "\n"))?,
                OutputFormat::Text => out.display(&a.summary())?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            file,
            output,
            update,
            notified,
            format,
        } => {
            let how = ImportOutput {
                draft: output.as_deref(),
                update: update.as_deref(),
                notified,
                format,
            };
            import(&file, &how, out)
        }
        Command::Check { file, at, format } => {
            let report = CheckReport::new(&load(&file)?, at.unwrap_or_else(today));
            match format {
                OutputFormat::Json => out.json(&report)?,
                OutputFormat::Text => {
                    out.display(&report.labelled(&file.display().to_string()))?;
                }
            }
            Ok(exit_code(&report))
        }
        Command::Deadline {
            kind,
            file,
            from,
            impact,
            format,
        } => {
            let a = load(&file)?;
            let start = Start::parse_for(kind, &from).map_err(|e| e.in_field("--from"))?;
            let d = a
                .deadline(kind, start, impact)
                .map_err(|e| flag_error(e, kind))?;
            match format {
                OutputFormat::Json => out.raw(&d.to_json()?)?,
                OutputFormat::Text => out.text(&format!("{d:#}\n"))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Deadlines {
            file,
            events,
            at,
            format,
            uid_domain,
            dtstamp,
            remind,
        } => {
            let ics = ics_options(format, uid_domain, dtstamp, remind)?;
            let a = load(&file)?;
            let ev = load_events(&events)?;
            let t = a.timeline(&ev, at.unwrap_or_else(today))?;
            match format {
                TimelineFormat::Json => out.json(&t)?,
                // `--dtstamp` and SOURCE_DATE_EPOCH are in the years 1 to
                // 9999 already, as `to_ics_with` wants them.
                TimelineFormat::Ics => out.raw(&t.to_ics_with(&a, &ics)?)?,
                TimelineFormat::Text => out.display(&t)?,
            }
            Ok(exit_code(&t))
        }
        Command::Transfers { file, on, format } => {
            // Each sub-processor assessed as it is written (at the limits
            // the whole list of assessments is some 160 MB).
            let a = load(&file)?;
            let report = TransfersStream::new(&a, on.unwrap_or_else(today))?;
            output(out, &report, format)?;
            Ok(exit_code(&report))
        }
        Command::Coverage { file, format } => {
            let report = dpa_core::completeness::CoverageReport::new(&load(&file)?);
            output(out, &report, format)?;
            Ok(exit_code(&report))
        }
        Command::Diff {
            old,
            new,
            notified,
            format,
        } => {
            let (a, b) = (load(&old)?, load(&new)?);
            let notified = match notified {
                Some(d) => d,
                None => dpa_core::diff::default_notified(&b)
                    .map_err(|e| InputError(format!("{e} with --notified DATE")))?,
            };
            let report = dpa_core::diff::DiffReport::new(&a, &b, notified)?;
            output(out, &report, format)?;
            Ok(exit_code(&report))
        }
        Command::Holidays { year, format } => {
            // A year beyond what dpa-core takes (an i32) is out of range
            // as 10000 is, and is said so in the same words.
            let year = year.parse::<i32>().map_err(|_| {
                InputError(format!(
                    "out of range: year {year} is outside the years 1 to 9999"
                ))
            })?;
            let report = HolidaysReport::new(year)?;
            output(out, &report, format)?;
            Ok(exit_code(&report))
        }
        Command::Schedule(args) => schedule::run(&args),
        Command::Schema => {
            let schema = dpa_core::schema::json_schema();
            let text =
                serde_json::to_string_pretty(&schema).map_err(|e| InputError(e.to_string()))?;
            out.raw(&(text + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A deadline error, with the argument named as the command spells it.
fn flag_error(e: Error, kind: DeadlineKind) -> InputError {
    match e.path() {
        Some("impact") => InputError(format!(
            "{kind} needs --impact {}",
            Impact::ALL
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(" or --impact ")
        )),
        _ => InputError(e.to_string()),
    }
}

/// Prints `report` as text or JSON.
fn output(out: &Out, report: &impl Report, format: OutputFormat) -> Result<(), InputError> {
    match format {
        OutputFormat::Json => out.json(report),
        OutputFormat::Text => out.display(report),
    }
}

/// Text written through to `inner` with the characters that steer a
/// terminal escaped ([`dpa_core::report::terminal_safe`], which escapes
/// character by character, so piece by piece is the same as all at once);
/// the first write error is kept in `error`.
struct TerminalSafe<'a> {
    inner: &'a mut dyn Write,
    error: Option<io::Error>,
}

impl std::fmt::Write for TerminalSafe<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let safe = dpa_core::report::terminal_safe(s);
        self.inner.write_all(safe.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

/// What `dpa import` writes: the draft where asked, and the review list or,
/// with `--update`, the diff against the old agreement.
struct ImportOutput<'a> {
    draft: Option<&'a Path>,
    update: Option<&'a Path>,
    notified: Option<time::Date>,
    format: OutputFormat,
}

/// `dpa import`: the review list (or with `--update` the diff) on standard
/// output, the draft in `how.draft`. Exit 1 when the import needs review
/// (with `--update` too: a value read wrong or not at all may hide a
/// change), 2 when the file cannot be read or is not a statement, or the
/// new version over the old agreement is not a valid agreement.
fn import(file: &Path, how: &ImportOutput<'_>, out: &Out) -> Result<ExitCode, InputError> {
    let (bytes, _) = read(file)?;
    let name = file.to_string_lossy();
    let import = dpa_core::import::import_document(&bytes, &name)
        .map_err(|e| InputError(describe(file, &e)))?;
    if let Some(path) = how.draft {
        std::fs::write(path, import.draft_toml())
            .map_err(|e| InputError(format!("{}: cannot write: {e}", path.display())))?;
    }
    let review = import.review();
    let Some(old_path) = how.update else {
        output(out, &review, how.format)?;
        return Ok(exit_code(&review));
    };
    let old = load(old_path)?;
    let new = import
        .update(&old)
        .map_err(|e| InputError(describe(file, &e)))?;
    let notified = match how.notified {
        Some(d) => d,
        None => dpa_core::diff::default_notified(&new)
            .map_err(|e| InputError(format!("{e} with --notified DATE")))?,
    };
    let report = dpa_core::diff::DiffReport::new(&old, &new, notified)?;
    output(out, &report, how.format)?;
    let pending: Vec<&str> = review
        .values
        .iter()
        .filter(|v| v.needs_review)
        .map(|v| v.field.as_str())
        .collect();
    if pending.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let note = format!(
        "dpa: note: {} of {} need{} review, so the diff may miss or misread a change (`dpa import {}` lists them): {}",
        pending.len(),
        file.display(),
        if pending.len() == 1 { "s" } else { "" },
        file.display(),
        pending.join(", ")
    );
    let _ = writeln!(
        io::stderr().lock(),
        "{}",
        dpa_core::report::terminal_safe(&note)
    );
    Ok(ExitCode::from(1))
}

/// 1 when the report's answer is a failure ([`Report::fails`]), else 0.
fn exit_code(report: &impl Report) -> ExitCode {
    if report.fails() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard output, written through its own handle so that every write
/// error is seen (the standard library's `stdout` drops a write to a closed
/// descriptor silently).
struct Out(std::fs::File);

impl Out {
    /// A handle of standard output; an error when it is closed.
    fn open() -> io::Result<Out> {
        if closed_by_the_runtime() {
            return Err(io::Error::other("standard output is closed"));
        }
        #[cfg(unix)]
        let owned = std::os::fd::AsFd::as_fd(&io::stdout()).try_clone_to_owned();
        #[cfg(windows)]
        let owned = std::os::windows::io::AsHandle::as_handle(&io::stdout()).try_clone_to_owned();
        owned.map(std::fs::File::from).map(Out)
    }

    /// Prints text made from a file's contents, with the characters that
    /// steer a terminal escaped ([`dpa_core::report::terminal_safe`]).
    fn text(&self, s: &str) -> Result<(), InputError> {
        self.raw(&dpa_core::report::terminal_safe(s))
    }

    /// Prints `s` as it is (JSON, which escapes control characters itself;
    /// iCalendar).
    fn raw(&self, s: &str) -> Result<(), InputError> {
        Out::written((&self.0).write_all(s.as_bytes()))
    }

    /// Prints `report`'s JSON as it is written ([`Report::write_json`]):
    /// a large report is never held whole as text.
    fn json(&self, report: &impl Report) -> Result<(), InputError> {
        self.stream(|w| report.write_json(w))
    }

    /// Prints `value`'s text as it is written (`Display`), escaped as
    /// [`Out::text`] escapes it.
    fn display(&self, value: &impl std::fmt::Display) -> Result<(), InputError> {
        self.stream(|w| {
            let mut safe = TerminalSafe {
                inner: w,
                error: None,
            };
            match std::fmt::write(&mut safe, format_args!("{value}")) {
                Ok(()) => Ok(()),
                Err(std::fmt::Error) => Err(safe
                    .error
                    .unwrap_or_else(|| io::Error::other("the text could not be written"))),
            }
        })
    }

    /// Prints what `write` writes, through a buffer, as it is written.
    fn stream(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), InputError> {
        let mut buffered = io::BufWriter::with_capacity(64 * 1024, &self.0);
        let result = write(&mut buffered).and_then(|()| buffered.flush());
        // After an error the rest of the buffer is dropped, not written
        // again.
        let _ = buffered.into_parts();
        Out::written(result)
    }

    /// The outcome of a write to standard output.
    fn written(result: io::Result<()>) -> Result<(), InputError> {
        match result {
            Ok(()) => Ok(()),
            // A closed pipe (`dpa show x | head`) is not an error of ours:
            // the reader has what it wanted.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            // The report's own error (not expected), in its own words.
            Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Error>()) => Err(InputError(
                e.into_inner()
                    .map_or_else(String::new, |inner| inner.to_string()),
            )),
            Err(e) => Err(InputError(format!("cannot write output: {e}"))),
        }
    }
}

/// Whether the command was started with standard output closed (`>&-`).
/// The Rust runtime opens `/dev/null` read-write in place of a closed
/// standard descriptor before `main`, so on Linux that is what a closed
/// standard output looks like (`/proc/self/fdinfo/1`); `>/dev/null` opens
/// it write-only and is output the user chose to discard (`1<>/dev/null`,
/// read-write by the user's choice, is taken for a closed output too).
fn closed_by_the_runtime() -> bool {
    if !cfg!(target_os = "linux")
        || std::fs::read_link("/proc/self/fd/1").ok().as_deref() != Some(Path::new("/dev/null"))
    {
        return false;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return false;
    };
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        // O_ACCMODE == O_RDWR
        .is_some_and(|flags| flags & 0o3 == 0o2)
}

/// Reads a document file with `dpa-core`'s bounded read and the format its
/// name says ([`Format::of_file_name`]; otherwise guessed from the text).
fn read(path: &Path) -> Result<(Vec<u8>, Option<Format>), InputError> {
    let shown = path.display();
    let file =
        std::fs::File::open(path).map_err(|e| InputError(format!("{shown}: cannot read: {e}")))?;
    let bytes = dpa_core::document::read_file(file).map_err(|e| InputError(describe(path, &e)))?;
    Ok((bytes, path.to_str().and_then(Format::of_file_name)))
}

fn load(path: &Path) -> Result<Agreement, InputError> {
    let (bytes, format) = read(path)?;
    Agreement::from_bytes(&bytes, format).map_err(|e| InputError(describe(path, &e)))
}

fn load_events(path: &Path) -> Result<dpa_core::timeline::Events, InputError> {
    let (bytes, format) = read(path)?;
    dpa_core::timeline::Events::from_bytes(&bytes, format)
        .map_err(|e| InputError(describe(path, &e)))
}

/// `FILE:LINE:COLUMN: PATH: message`, leaving out what is not known.
fn describe(path: &Path, e: &Error) -> String {
    let mut s = path.display().to_string();
    if let Some(p) = e.position() {
        s.push_str(&format!(":{}:{}", p.line, p.column));
    }
    s.push_str(": ");
    match e {
        Error::Invalid(v) => {
            if v.path().is_empty() {
                s.push_str("document");
            } else {
                s.push_str(v.path());
            }
            s.push_str(": ");
            s.push_str(v.message());
        }
        Error::Syntax(x) => {
            s.push_str(&format!("not valid {}: {}", x.format(), x.message()));
        }
        Error::NotUtf8(x) => s.push_str(&x.message()),
        other => s.push_str(&other.to_string()),
    }
    s
}
