//! The `dpa` command: argument parsing and printing only; every decision is
//! made in `dpa-core`.
#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dpa_core::check::has_errors;
use dpa_core::values::iso_date;
use dpa_core::{Agreement, Error, Finding, Format};

mod show;

/// Turn a Dutch data processing agreement (NLdigital Data Pro Statement +
/// standard clauses) into answers.
///
/// Exit codes: 0 = no error finding, 1 = error findings, 2 = input that
/// cannot be read or is invalid.
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn parse_date(s: &str) -> Result<time::Date, String> {
    iso_date::parse(s)
}

/// Input errors: printed to stderr, exit code 2.
struct InputError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(InputError(msg)) => {
            eprintln!("dpa: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, InputError> {
    match cli.command {
        Command::Show { file, format } => {
            let a = load(&file)?;
            let out = match format {
                OutputFormat::Json => a.to_json().map_err(|e| InputError(e.to_string()))? + "\n",
                OutputFormat::Text => show::summary(&a),
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, at, format } => {
            let a = load(&file)?;
            let at = at.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
            let findings = a.check(at);
            let out = match format {
                OutputFormat::Json => findings_json(&findings),
                OutputFormat::Text => findings_text(&file, at, &findings),
            };
            print(&out)?;
            Ok(if has_errors(&findings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Schema => {
            let schema = dpa_core::schema::json_schema();
            let text =
                serde_json::to_string_pretty(&schema).map_err(|e| InputError(e.to_string()))?;
            print(&(text + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print(s: &str) -> Result<(), InputError> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`dpa show x | head`) is not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(InputError(format!("cannot write output: {e}"))),
    }
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("toml") => Some(Format::Toml),
        Some(e) if e.eq_ignore_ascii_case("json") => Some(Format::Json),
        _ => None,
    }
}

fn load(path: &Path) -> Result<Agreement, InputError> {
    let shown = path.display();
    let meta =
        std::fs::metadata(path).map_err(|e| InputError(format!("{shown}: cannot read: {e}")))?;
    if meta.len() > dpa_core::limits::MAX_DOCUMENT_BYTES as u64 {
        return Err(InputError(format!(
            "{shown}: file is {} bytes, more than the limit of {} bytes",
            meta.len(),
            dpa_core::limits::MAX_DOCUMENT_BYTES
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| InputError(format!("{shown}: cannot read: {e}")))?;
    Agreement::from_bytes(&bytes, format_of(path)).map_err(|e| InputError(describe(path, &e)))
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
        other => s.push_str(&other.to_string()),
    }
    s
}

fn findings_json(findings: &[Finding]) -> String {
    let v = serde_json::json!({ "findings": findings });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

fn findings_text(file: &Path, at: time::Date, findings: &[Finding]) -> String {
    let mut s = String::new();
    if findings.is_empty() {
        s.push_str(&format!(
            "{}: no findings as of {}\n",
            file.display(),
            iso_date::format(at)
        ));
        return s;
    }
    for f in findings {
        s.push_str(&format!("{}: {f}\n", file.display()));
    }
    let count = |sev| findings.iter().filter(|f| f.severity == sev).count();
    s.push_str(&format!(
        "{} error(s), {} warning(s), {} info as of {}\n",
        count(dpa_core::Severity::Error),
        count(dpa_core::Severity::Warning),
        count(dpa_core::Severity::Info),
        iso_date::format(at)
    ));
    s
}
