//! The `dpa` command: argument parsing and printing only; every decision is
//! made in `dpa-core`.
#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dpa_core::finding::has_errors;
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
    /// Compute one deadline from an agreement. Text output starts with the due
    /// date or instant in ISO 8601 (or `none` where the agreement sets no fixed
    /// term), followed by the citation.
    Deadline {
        /// Which deadline.
        #[arg(value_enum)]
        kind: KindArg,
        /// The agreement file (.toml or .json).
        file: PathBuf,
        /// The trigger: a date (YYYY-MM-DD) for deletion, backup-deletion,
        /// next-audit, audit-notice and termination-window; an instant with a
        /// UTC offset (2026-03-28T10:30:00+01:00) for breach-notice,
        /// authority-notice and service-response.
        #[arg(long)]
        from: String,
        /// The incident's impact, for service-response.
        #[arg(long, value_enum)]
        impact: Option<ImpactArg>,
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
        /// statement's effective date.
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
        /// The year.
        year: i32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
}

/// The deadline kinds of `dpa deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KindArg {
    /// Deletion after termination (--from: termination date).
    Deletion,
    /// Deletion from backups (--from: termination date).
    BackupDeletion,
    /// Breach notice to the client (--from: discovery instant).
    BreachNotice,
    /// The controller's 72-hour horizon, GDPR art. 33(1) (--from: awareness instant).
    AuthorityNotice,
    /// Next audit allowed (--from: date of the last audit).
    NextAudit,
    /// Earliest audit date (--from: date the written notice was given).
    AuditNotice,
    /// End of the termination window after a statement change (--from: notice date).
    TerminationWindow,
    /// Service-level response to an incident (--from: report instant; needs --impact).
    ServiceResponse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImpactArg {
    Low,
    High,
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

fn parse_date(s: &str) -> Result<time::Date, String> {
    iso_date::parse(s)
}

fn deadline(
    a: &Agreement,
    kind: KindArg,
    from: &str,
    impact: Option<ImpactArg>,
) -> Result<dpa_core::deadline::Deadline, InputError> {
    use dpa_core::deadline::Impact;
    use dpa_core::values::iso_instant;
    let date = || iso_date::parse(from).map_err(|e| InputError(format!("--from: {e}")));
    let instant = || iso_instant::parse(from).map_err(|e| InputError(format!("--from: {e}")));
    let r = match kind {
        KindArg::Deletion => a.deletion_deadline(date()?),
        KindArg::BackupDeletion => a.backup_deletion_deadline(date()?),
        KindArg::NextAudit => a.next_audit_allowed(date()?),
        KindArg::AuditNotice => a.earliest_audit_date(date()?),
        KindArg::TerminationWindow => a.termination_window_end(date()?),
        KindArg::BreachNotice => a.breach_notice_deadline(instant()?),
        KindArg::AuthorityNotice => a.authority_notice_deadline(instant()?),
        KindArg::ServiceResponse => {
            let impact = match impact {
                Some(ImpactArg::Low) => Impact::Low,
                Some(ImpactArg::High) => Impact::High,
                None => {
                    return Err(InputError(
                        "service-response needs --impact low or --impact high".to_owned(),
                    ));
                }
            };
            a.service_response(instant()?, impact)
        }
    };
    r.map_err(|e| InputError(e.to_string()))
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
        Command::Deadline {
            kind,
            file,
            from,
            impact,
            format,
        } => {
            let a = load(&file)?;
            let d = deadline(&a, kind, &from, impact)?;
            let out = match format {
                OutputFormat::Json => {
                    serde_json::to_string_pretty(&d).map_err(|e| InputError(e.to_string()))? + "\n"
                }
                OutputFormat::Text => {
                    let mut s = format!("{d}\n");
                    if let Some(shift) = &d.shift {
                        s.push_str(&format!("  {shift}\n"));
                    }
                    if let Some(note) = &d.note {
                        s.push_str(&format!("  note: {note}\n"));
                    }
                    s
                }
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Deadlines {
            file,
            events,
            at,
            format,
        } => {
            let a = load(&file)?;
            let ev = load_events(&events)?;
            let at = at.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
            let t = a.timeline(&ev, at).map_err(|e| InputError(e.to_string()))?;
            let out = match format {
                TimelineFormat::Json => {
                    serde_json::to_string_pretty(&t).map_err(|e| InputError(e.to_string()))? + "\n"
                }
                TimelineFormat::Ics => t.to_ics(&a),
                TimelineFormat::Text => timeline_text(&t),
            };
            print(&out)?;
            let missed = t
                .obligations
                .iter()
                .any(|o| matches!(o.status, dpa_core::timeline::Status::Missed { .. }));
            Ok(if missed || has_errors(&t.findings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Transfers { file, on, format } => {
            let a = load(&file)?;
            let on = on.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
            let assessments = a
                .assess_transfers(on)
                .map_err(|e| InputError(e.to_string()))?;
            let out = match format {
                OutputFormat::Json => {
                    let v = serde_json::json!({
                        "on": iso_date::format(on),
                        "assessments": assessments,
                    });
                    serde_json::to_string_pretty(&v).map_err(|e| InputError(e.to_string()))? + "\n"
                }
                OutputFormat::Text => transfers_text(on, &assessments),
            };
            print(&out)?;
            let errors = assessments.iter().any(|t| has_errors(&t.findings));
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Coverage { file, format } => {
            let a = load(&file)?;
            let report = dpa_core::completeness::CoverageReport::new(&a);
            let out = match format {
                OutputFormat::Json => {
                    serde_json::to_string_pretty(&report).map_err(|e| InputError(e.to_string()))?
                        + "\n"
                }
                OutputFormat::Text => coverage_text(&report),
            };
            print(&out)?;
            Ok(if report.is_complete() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Diff {
            old,
            new,
            notified,
            format,
        } => {
            let (a, b) = (load(&old)?, load(&new)?);
            let notified = notified.unwrap_or(b.statement.effective_date);
            let report = dpa_core::diff::DiffReport::new(&a, &b, notified)
                .map_err(|e| InputError(e.to_string()))?;
            let out = match format {
                OutputFormat::Json => {
                    serde_json::to_string_pretty(&report).map_err(|e| InputError(e.to_string()))?
                        + "\n"
                }
                OutputFormat::Text => diff_text(&report),
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Holidays { year, format } => {
            let days = dpa_core::calendar::public_holidays(year)
                .map_err(|e| InputError(format!("year {year}: {e}")))?;
            let out = match format {
                OutputFormat::Json => {
                    let v: Vec<serde_json::Value> = days
                        .iter()
                        .map(|(d, h)| {
                            serde_json::json!({
                                "date": iso_date::format(*d),
                                "name": h.name(),
                                "dutch_name": h.dutch_name(),
                                "legal_basis": h.legal_basis(),
                            })
                        })
                        .collect();
                    serde_json::to_string_pretty(&v).map_err(|e| InputError(e.to_string()))? + "\n"
                }
                OutputFormat::Text => days
                    .iter()
                    .map(|(d, h)| {
                        format!(
                            "{} {} ({})\n",
                            iso_date::format(*d),
                            h.name(),
                            h.dutch_name()
                        )
                    })
                    .collect(),
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
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
    let bytes = read_limited(path)?;
    Agreement::from_bytes(&bytes, format_of(path)).map_err(|e| InputError(describe(path, &e)))
}

/// Reads a file, refusing one above the document size limit before reading it.
fn read_limited(path: &Path) -> Result<Vec<u8>, InputError> {
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
    std::fs::read(path).map_err(|e| InputError(format!("{shown}: cannot read: {e}")))
}

fn load_events(path: &Path) -> Result<dpa_core::timeline::Events, InputError> {
    let bytes = read_limited(path)?;
    dpa_core::timeline::Events::from_bytes(&bytes, format_of(path))
        .map_err(|e| InputError(describe(path, &e)))
}

fn timeline_text(t: &dpa_core::timeline::Timeline) -> String {
    let mut s = format!("Obligations as of {}:\n", iso_date::format(t.at));
    if t.obligations.is_empty() {
        s.push_str("  (none)\n");
    }
    for o in &t.obligations {
        let what = match o.deadline.bound {
            dpa_core::deadline::Bound::NoEarlierThan => "from",
            _ => "due",
        };
        s.push_str(&format!(
            "  {:<24} {:<10} {what} {:<20} {}",
            o.kind.as_str(),
            o.owner.as_str(),
            o.deadline.due.to_string(),
            o.status
        ));
        if let Some(subject) = &o.subject {
            s.push_str(&format!(" [{subject}]"));
        }
        s.push_str(&format!("\n      {}\n", o.deadline.citation));
        if let Some(note) = &o.deadline.note {
            s.push_str(&format!("      note: {note}\n"));
        }
    }
    if !t.findings.is_empty() {
        s.push_str("Findings:\n");
        for f in &t.findings {
            match &f.path {
                Some(p) => s.push_str(&format!("  {p}: {f}\n")),
                None => s.push_str(&format!("  {f}\n")),
            }
        }
    }
    s
}

fn transfers_text(
    on: time::Date,
    assessments: &[dpa_core::transfers::TransferAssessment],
) -> String {
    let mut s = format!(
        "Transfers outside the EEA as of {}:\n",
        iso_date::format(on)
    );
    for t in assessments {
        let outside: Vec<&str> = t.outside_eea.iter().map(|c| c.as_str()).collect();
        s.push_str(&format!("  {}: {}", t.name, t.verdict.as_str()));
        if !outside.is_empty() {
            s.push_str(&format!(" [{}]", outside.join(", ")));
        }
        s.push('\n');
        for b in &t.bases {
            if b.country.is_some() {
                s.push_str(&format!(
                    "      {} {}: {}\n",
                    b.basis.as_str(),
                    if b.valid { "valid" } else { "not valid" },
                    b.reason
                ));
            }
        }
        for f in &t.findings {
            s.push_str(&format!("      {f}\n"));
        }
    }
    s
}

/// One line per item: the article, what it requires, and the clauses that
/// cover it or `NOT COVERED`.
fn coverage_text(r: &dpa_core::completeness::CoverageReport) -> String {
    let mut s = String::new();
    for c in &r.items {
        let clauses = if c.clauses.is_empty() {
            "NOT COVERED".to_owned()
        } else {
            c.clauses.join(", ")
        };
        s.push_str(&format!(
            "{:<18}  {:<41}  {clauses}\n",
            c.item.article(),
            c.item.name()
        ));
    }
    s
}

fn diff_text(r: &dpa_core::diff::DiffReport) -> String {
    let mut s = format!(
        "{} change(s) from version {} to {} ({} significant)\n",
        r.changes.len(),
        r.old_version,
        r.new_version,
        r.changes.iter().filter(|c| c.significant).count()
    );
    for c in &r.changes {
        s.push_str(&format!(
            "  [{}] {} at {}: {}\n      {}\n",
            if c.significant {
                "significant"
            } else {
                "not significant"
            },
            c.kind.as_str(),
            c.path,
            c.description,
            c.reason
        ));
    }
    if let Some(w) = &r.termination_window {
        s.push_str(&format!(
            "Notified {}: the client may terminate until {} ({})\n",
            iso_date::format(r.notified),
            w.due,
            w.citation
        ));
    }
    if let Some(o) = &r.objection {
        s.push_str(&format!(
            "The client may object to the sub-processor change ({})\n",
            o.citation
        ));
    }
    s
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
