//! The operative terms: deletion after termination (DPS 12 / 1.11, clause
//! 6.3 / 2.6.3), the breach notice (DPS 17 / 1.13, clause 4.1 / 2.4.1), audits
//! (clause 7.5 / 2.7.4, a processor's audit item), the window to terminate
//! after a notice of changes (clause 2.2 / 2.2.2), and certifications
//! (DPS 16).

use super::{Certified, Source, sources_for};
use crate::import::structure::Structure;
use crate::import::words::{UnitWord, fold, has_any, number, terms, words, working_days};
use crate::import::{Evidence, Read};
use crate::model::{
    AuditPeriod, AuditReading, BackupDeletion, CertificationStatus, Firmness, NoticeTerm,
};
use crate::values::{ElapsedTerm, ElapsedUnit, Term, TermUnit};

/// Words that make a term firm: "uiterlijk", "at the latest".
const FIRM: [&str; 6] = [
    "uiterlijk",
    "ten laatste",
    "at the latest",
    "in any case within",
    "no later than",
    "at the very latest",
];
/// Words that make a term a rule with exceptions: "in principe".
const IN_PRINCIPLE: [&str; 5] = [
    "in principe",
    "in beginsel",
    "in principle",
    "as a rule",
    "normaliter",
];
/// "zo snel mogelijk".
const ASAP: [&str; 3] = [
    "zo snel mogelijk",
    "zo spoedig mogelijk",
    "as soon as possible",
];

/// The first calendar term in `src` (days, weeks, months, years) with the
/// byte range of its sentence.
fn calendar_term(src: &Source, only_in: impl Fn(&str) -> bool) -> Option<(Term, (usize, usize))> {
    calendar_term_but(src, only_in, |_, _| false)
}

/// [`calendar_term`] passing over each term for which `skip(words, i)`
/// holds, `i` being the index of its number in the sentence's words.
fn calendar_term_but(
    src: &Source,
    only_in: impl Fn(&str) -> bool,
    skip: impl Fn(&[String], usize) -> bool,
) -> Option<(Term, (usize, usize))> {
    for (a, b) in src.passage.sentences() {
        let sentence = &src.text()[a..b];
        if !only_in(&fold(sentence)) {
            continue;
        }
        // The words only for a sentence with a calendar term to test.
        let mut w = None;
        for (n, u, i) in terms(sentence) {
            if let UnitWord::Calendar(unit) = u
                && !skip(w.get_or_insert_with(|| words(sentence)), i)
                && let Ok(t) = Term::new(i64::from(n), unit)
            {
                return Some((t, (a, b)));
            }
        }
    }
    None
}

/// Whether the term whose number is word `i` of `w` is the period of a
/// frequency ("once every 12 months", "eenmaal per 12 maanden", "één keer
/// in de 12 maanden", "once in any twelve (12) month period"), not a term
/// of notice: read back from it over numbers and linking words ("in",
/// "any", "de"), it reaches a word of frequency. "once per calendar year,
/// with 30 days' notice": "with" stands between, so the 30 days are the
/// notice.
fn frequency_period(w: &[String], i: usize) -> bool {
    for word in w[..i].iter().rev().map(String::as_str) {
        match word {
            "every" | "each" | "per" | "elke" | "iedere" | "once" | "twice" | "eens"
            | "eenmaal" | "tweemaal" | "keer" | "maal" | "times" => return true,
            "in" | "any" | "a" | "de" | "een" => {}
            w if number(w).is_some() => {}
            _ => return false,
        }
    }
    false
}

/// The deletion term, its firmness, "zo snel mogelijk", and the backups,
/// from the item answering "Na beëindiging van de Overeenkomst ...
/// verwijdert" (the standard clause refers to the statement's term, so no
/// other place is read).
pub(crate) fn deletion(s: &Structure) -> (Read<Term>, Read<Firmness>, bool, Backups) {
    let Some(item) = s.item("deletion") else {
        return (
            Read::NotStated,
            Read::NotStated,
            false,
            (Read::NotStated, Read::NotStated),
        );
    };
    let src = Source::item(item);
    // The term of a sentence that is not about backups first: "Back-ups
    // worden na 35 dagen overschreven" before the deletion sentence sets
    // the backup cycle, not the deletion term.
    // A term in working days ("binnen 10 werkdagen") is none of the format's
    // and is left to a person; it is the deletion term all the same, before
    // a term in a sentence about backups.
    let not_backups = |f: &str| !mentions_backups(f);
    let found = calendar_term(&src, not_backups)
        .map(|(t, range)| (Ok(t), range))
        .or_else(|| working_days_in(&src, not_backups).map(|(n, range)| (Err(n), range)))
        .or_else(|| calendar_term(&src, |_| true).map(|(t, range)| (Ok(t), range)));
    let Some((term, (a, b))) = found else {
        return (Read::NotStated, Read::NotStated, false, backups(&src));
    };
    let evidence = src.evidence(a, b);
    let term = match term {
        Ok(t) => Read::stated(t, evidence.clone()),
        Err(n) => working_days_read(
            n,
            evidence.clone(),
            |term| format!("within = \"{term}\""),
            "no `within`",
            "terms.deletion",
        ),
    };
    let sentence = fold(&src.text()[a..b]);
    let has = |ws: &[&str]| has_any(&sentence, ws);
    let firmness = match (has(&FIRM), has(&IN_PRINCIPLE)) {
        (true, false) => Read::stated(Firmness::AtTheLatest, evidence.clone()),
        (false, true) => Read::stated(Firmness::InPrinciple, evidence.clone()),
        _ => Read::ambiguous(
            evidence.clone(),
            &[
                "at-the-latest: a firm deadline",
                "in-principle: a rule the processor may exceed with reason",
            ],
            "terms.deletion.firmness",
        ),
    };
    (term, firmness, has(&ASAP), backups(&src))
}

/// How backups are deleted, and the length of the backup cycle where the
/// statement gives it.
pub(crate) type Backups = (Read<BackupDeletion>, Read<Term>);

/// The words that name backups.
const BACKUP_WORDS: [&str; 3] = ["back-up", "backup", "back up"];

/// Whether a folded sentence is about backups.
fn mentions_backups(f: &str) -> bool {
    has_any(f, &BACKUP_WORDS)
}

/// How backups are deleted: backups deleted by their cycle ("volgens de
/// reguliere back-upcyclus", seed 004 DPS 12; "in een cyclus van 30 dagen
/// overschreven"; "na 35 dagen overschreven", overwritten as the cycle
/// comes round) are per backup cycle, with the cycle's length where the
/// sentence gives one (docs/rules.md: backups are gone the cycle's length
/// after the deletion date); backups named otherwise are a choice for a
/// person; not named, not stated.
fn backups(src: &Source) -> Backups {
    let Some((a, b)) = src.sentence_with(&BACKUP_WORDS) else {
        return (Read::NotStated, Read::NotStated);
    };
    let evidence = src.evidence(a, b);
    let sentence = &src.text()[a..b];
    let f = fold(sentence);
    let by_cycle = ["cycl", "overschreven", "overwritten", "rotat"]
        .iter()
        .any(|w| f.contains(w));
    let cycle = terms(sentence).into_iter().find_map(|(n, u, _)| match u {
        UnitWord::Calendar(unit) => Term::new(i64::from(n), unit).ok(),
        UnitWord::Hours => None,
    });
    if !by_cycle {
        // "Back-ups worden binnen 6 maanden verwijderd": whether backups go
        // with the rest of the data or the six months are a cycle that runs
        // after the deletion date, the sentence does not say.
        let per_cycle = match cycle {
            Some(t) => format!(
                "per-backup-cycle: as backups are overwritten, backup_cycle = \"{t}\" after the deletion date"
            ),
            None => "per-backup-cycle: as backups are overwritten".to_owned(),
        };
        let readings = ["within-term: backups within the deletion term", &per_cycle];
        return (
            Read::ambiguous(evidence, &readings, "terms.deletion.backups"),
            Read::NotStated,
        );
    }
    (
        Read::stated(BackupDeletion::PerBackupCycle, evidence.clone()),
        cycle.map_or(Read::NotStated, |t| Read::stated(t, evidence)),
    )
}

/// The breach notice term and "zo snel mogelijk": from the breach protocol
/// item, else a standard clause saying "zonder onredelijke vertraging".
pub(crate) fn breach(s: &Structure) -> (Read<NoticeTerm>, bool) {
    let mut sources: Vec<Source> = s.item("breach").map(Source::item).into_iter().collect();
    sources.extend(s.clauses.iter().map(Source::clause).filter(|c| {
        let f = fold(c.text());
        (f.contains("inbreuk") || f.contains("breach"))
            && (f.contains("op de hoogte") || f.contains("inform") || f.contains("notif"))
    }));
    for src in &sources {
        for (a, b) in src.passage.sentences() {
            let sentence = &src.text()[a..b];
            let f = fold(sentence);
            let about_notice = [
                "op de hoogte",
                "informeren",
                "inform",
                "notify",
                "notif",
                "meld",
                "report",
            ]
            .iter()
            .any(|w| f.contains(w));
            if !about_notice || to_the_authority_alone(&f) {
                continue;
            }
            let asap = has_any(&f, &ASAP);
            if let Some(n) = working_days(sentence) {
                return (working_days_notice(n, src.evidence(a, b)), asap);
            }
            for (n, u, _) in terms(sentence) {
                let unit = match u {
                    UnitWord::Hours => ElapsedUnit::Hours,
                    UnitWord::Calendar(TermUnit::Days) => ElapsedUnit::Days,
                    UnitWord::Calendar(_) => continue,
                };
                if let Ok(term) = ElapsedTerm::new(i64::from(n), unit) {
                    return (
                        Read::stated(NoticeTerm::Within { term }, src.evidence(a, b)),
                        asap,
                    );
                }
            }
            // GDPR art. 33(2): "zonder onredelijke vertraging" (Dutch text),
            // "without undue delay"; "zonder onnodige vertraging" is the
            // same undefined term in other words.
            if [
                "zonder onredelijke vertraging",
                "zonder onnodige vertraging",
                "without undue delay",
            ]
            .iter()
            .any(|w| f.contains(w))
            {
                return (
                    Read::stated(NoticeTerm::WithoutUndueDelay, src.evidence(a, b)),
                    asap,
                );
            }
        }
    }
    (Read::NotStated, false)
}

/// A breach notice "binnen `n` werkdagen": [`working_days_read`] with the
/// notice's table.
fn working_days_notice(n: u32, evidence: Evidence) -> Read<NoticeTerm> {
    working_days_read(
        n,
        evidence,
        |term| format!("notice = {{ kind = \"within\", term = \"{term}\" }}"),
        "no `notice`",
        "terms.breach.notice",
    )
}

/// A term "binnen `n` werkdagen" (a deadline the processor meets, counted
/// from an event): no term of the agreement format (a working day is no
/// calendar unit; the Algemene termijnenwet does not cover contracts, so
/// the parties' own words define it), left to a person with the two
/// honest choices: the same number of calendar days, which is never
/// later than the statement's term, written as `written(term)`, or no
/// term recorded (`provenance = "not-stated"` and `none`).
fn working_days_read<T>(
    n: u32,
    evidence: Evidence,
    written: impl Fn(&str) -> String,
    none: &str,
    setting: &str,
) -> Read<T> {
    let (days, working) = if n == 1 {
        ("day", "working day")
    } else {
        ("days", "working days")
    };
    let term = format!("{n} {days}");
    Read::ambiguous(
        evidence,
        &[
            &format!(
                "within \"{term}\": {}, calendar days, never later than the statement's \
                 {n} {working}, so stricter than it states",
                written(&term)
            ),
            &format!(
                "not-stated: provenance = \"not-stated\" and {none} (the format has no \
                 working days); the quote keeps the statement's words"
            ),
        ],
        setting,
    )
}

/// The first sentence of `src` that `only_in` accepts (folded) and that
/// names a number of working days, with the number and its byte range.
fn working_days_in(src: &Source, only_in: impl Fn(&str) -> bool) -> Option<(u32, (usize, usize))> {
    src.passage.sentences().into_iter().find_map(|(a, b)| {
        let sentence = &src.text()[a..b];
        if only_in(&fold(sentence)) {
            working_days(sentence).map(|n| (n, (a, b)))
        } else {
            None
        }
    })
}

/// Whether a folded sentence is about a notice to the supervisory
/// authority and names no client: "de verwerkingsverantwoordelijke meldt
/// een datalek zo nodig binnen 72 uur aan de Autoriteit Persoonsgegevens"
/// is the controller's term of GDPR art. 33(1), not the processor's notice
/// to its client. (Data subjects are no sign: the notice's contents name
/// them, "the categories of data and data subjects concerned".)
fn to_the_authority_alone(f: &str) -> bool {
    let authority = [
        "autoriteit persoonsgegevens",
        "toezichthoud",
        "supervisory authority",
        "data protection authority",
    ]
    .iter()
    .any(|w| f.contains(w));
    let client = ["opdrachtgever", "client", "klant", "customer"]
        .iter()
        .any(|w| f.contains(w));
    authority && !client
}

/// At most how many audits per which period, and the notice: from the
/// processor's audit item, then the standard clauses, then any item.
/// "per jaar" is ambiguous (docs/rules.md rule 6): per calendar year or per
/// rolling twelve months; the review names the setting.
pub(crate) fn audit(s: &Structure) -> (Read<u16>, Read<AuditPeriod>, Read<Term>) {
    let mut count = Read::NotStated;
    let mut period = Read::NotStated;
    let sources = sources_for(s, "audits");
    'outer: for src in &sources {
        for (a, b) in src.passage.sentences() {
            let sentence = &src.text()[a..b];
            if !fold(sentence).contains("audit") {
                continue;
            }
            if let Some((n, p)) = frequency(sentence) {
                let evidence = src.evidence(a, b);
                count = Read::stated(n, evidence.clone());
                period = match p {
                    Period::CalendarYear => Read::stated(AuditPeriod::CALENDAR_YEAR, evidence),
                    Period::Rolling(t) => AuditPeriod::new(AuditReading::Rolling, t)
                        .map_or(Read::NotStated, |p| Read::stated(p, evidence)),
                    Period::Open(t) => Read::ambiguous(
                        evidence,
                        &[
                            &format!("rolling: {t} from the previous audit"),
                            &format!(
                                "calendar: per calendar {}",
                                if t.unit() == TermUnit::Years {
                                    "year(s)"
                                } else {
                                    "month(s)"
                                }
                            ),
                        ],
                        "terms.audit.period",
                    ),
                };
                break 'outer;
            }
        }
    }
    let notice = sources
        .iter()
        .filter(|src| {
            src.clause.starts_with("clause")
                || s.item("audits").is_some_and(|i| i.clause() == src.clause)
        })
        .find_map(|src| {
            calendar_term_but(
                src,
                |f| {
                    f.contains("audit")
                        && [
                            "van tevoren",
                            "vooraf",
                            "in advance",
                            "voorafgaand",
                            "prior notice",
                            "prior written notice",
                            "beforehand",
                            "aankondiging",
                            "aangekondigd",
                            "days' notice",
                            "days notice",
                            "weeks' notice",
                            "weeks notice",
                            "months' notice",
                            "notice of",
                        ]
                        .iter()
                        .any(|w| f.contains(w))
                },
                frequency_period,
            )
            .map(|(t, (a, b))| Read::stated(t, src.evidence(a, b)))
        })
        .unwrap_or(Read::NotStated);
    (count, period, notice)
}

/// An audit period as written.
enum Period {
    /// "per kalenderjaar", "per calendar year".
    CalendarYear,
    /// "per twaalf maanden", "in any 12 months".
    Rolling(Term),
    /// "per jaar", "per twee jaar": the reading is open.
    Open(Term),
}

/// "maximaal éénmaal per jaar", "at most once per calendar year", "twee keer
/// per jaar", "1x per jaar", "once every two years", "jaarlijks" /
/// "annually" (once a year, the reading open as "per jaar").
fn frequency(sentence: &str) -> Option<(u16, Period)> {
    let w = words(sentence);
    for i in 0..w.len() {
        let n = match w[i].as_str() {
            "jaarlijks" | "jaarlijkse" | "annually" | "yearly" => {
                return Some((1, Period::Open(Term::YEAR)));
            }
            // "eens per jaar": "eens" alone is also "agreed", but a
            // frequency word must be followed by "per", "in", ... below.
            "eenmaal" | "once" | "eens" => 1,
            "tweemaal" | "twice" => 2,
            "maal" | "keer" | "times" => number(w.get(i.checked_sub(1)?)?)?,
            // "1x per jaar", "2x per kalenderjaar".
            x => match x.strip_suffix('x').map(str::parse::<u32>) {
                Some(Ok(n)) => n,
                _ => continue,
            },
        };
        let rest: Vec<&str> = w[i + 1..].iter().take(5).map(String::as_str).collect();
        let [per, tail @ ..] = rest.as_slice() else {
            continue;
        };
        if !matches!(
            *per,
            "per" | "a" | "every" | "each" | "in" | "elk" | "ieder"
        ) {
            continue;
        }
        let n = u16::try_from(n).ok()?;
        // "in any twelve (12) month period": the digits that repeat a
        // number in words are dropped with "any" and "a".
        let mut kept: Vec<&str> = Vec::new();
        for t in tail.iter().copied().filter(|t| !matches!(*t, "any" | "a")) {
            let repeats = kept.last().is_some_and(|last| {
                last.parse::<u32>().is_err() && number(last).is_some() && number(t) == number(last)
            });
            if !repeats {
                kept.push(t);
            }
        }
        let tail = kept;
        return match tail.as_slice() {
            ["kalenderjaar", ..] | ["calendar", "year", ..] => Some((n, Period::CalendarYear)),
            ["jaar" | "year", ..] => Some((n, Period::Open(Term::YEAR))),
            [k, unit, ..] => {
                let k = number(k)?;
                let u = match crate::import::words::unit(unit)? {
                    UnitWord::Calendar(u @ (TermUnit::Months | TermUnit::Years)) => u,
                    _ => return None,
                };
                let t = Term::new(i64::from(k), u).ok()?;
                Some((
                    n,
                    if u == TermUnit::Months {
                        Period::Rolling(t)
                    } else {
                        Period::Open(t)
                    },
                ))
            }
            _ => None,
        };
    }
    None
}

/// The window to terminate after a notice of changes: "binnen 30 dagen na
/// kennisgeving ... op te zeggen" (clause 2.2 / 2.2.2).
pub(crate) fn change_window(s: &Structure) -> Read<Term> {
    let mut sources: Vec<Source> = s.clauses.iter().map(Source::clause).collect();
    sources.extend(s.items.iter().map(Source::item));
    for src in &sources {
        let found = calendar_term(src, |f| {
            let notice = [
                "na kennisgeving",
                "na de kennisgeving",
                "na ontvangst van de kennisgeving",
                "after receipt of the notice",
                "after notice",
                "after the notice",
                "after notification",
                "of the notice",
                "of notification",
                "after being notified",
                "of being notified",
                "na bekendmaking",
                "na de bekendmaking",
                "na mededeling",
                "na de mededeling",
                "after the announcement",
            ]
            .iter()
            .any(|w| f.contains(w));
            let end = [
                "op te zeggen",
                "opzeggen",
                "beeindigen",
                "ontbinden",
                "terminate",
                "termination",
                "cancel",
            ]
            .iter()
            .any(|w| f.contains(w));
            notice && end
        });
        if let Some((t, (a, b))) = found {
            return Read::stated(t, src.evidence(a, b));
        }
    }
    Read::NotStated
}

/// Certifications the certification item names: held, or pending where the
/// sentence says an application is in progress; a sentence that denies one
/// ("beschikt ... niet over") names none.
pub(crate) fn certifications(s: &Structure) -> Read<Vec<Certified>> {
    const NAMES: [(&str, &str); 12] = [
        ("iso/iec 27001", "ISO/IEC 27001"),
        ("iso 27001", "ISO/IEC 27001"),
        ("iso 27701", "ISO/IEC 27701"),
        ("iso 9001", "ISO 9001"),
        ("nen 7510", "NEN 7510"),
        ("nen-7510", "NEN 7510"),
        ("data pro verified", "Data Pro Verified"),
        ("data pro certificaat", "Data Pro Certificaat"),
        ("data pro certificate", "Data Pro Certificaat"),
        ("soc 2", "SOC 2"),
        ("isae 3402", "ISAE 3402"),
        ("isae 3000", "ISAE 3000"),
    ];
    let Some(item) = s.item("certifications") else {
        return Read::NotStated;
    };
    let src = Source::item(item);
    let mut found: Vec<Certified> = Vec::new();
    let mut first = None;
    let mut denied = None;
    for (a, b) in src.passage.sentences() {
        let f = fold(&src.text()[a..b]);
        let pending = [
            "aanvraag",
            "aangevraagd",
            "in behandeling",
            "applied for",
            "pending",
            "in progress",
        ]
        .iter()
        .any(|w| f.contains(w));
        let negated = [
            "niet over",
            "geen ",
            "does not hold",
            "not certified",
            "no certif",
        ]
        .iter()
        .any(|w| f.contains(w));
        if negated && denied.is_none() {
            denied = Some((a, b));
        }
        for (pattern, name) in NAMES {
            if f.contains(pattern) && !found.iter().any(|c| c.name == name) {
                if negated && !pending {
                    continue;
                }
                let status = if pending {
                    CertificationStatus::Pending
                } else {
                    CertificationStatus::Held
                };
                found.push(Certified {
                    name: name.to_owned(),
                    status,
                });
                first.get_or_insert((a, b));
            }
        }
    }
    match (first, denied) {
        (Some((a, b)), _) => Read::stated(found, src.evidence(a, b)),
        (None, Some((a, b))) => Read::stated(Vec::new(), src.evidence(a, b)),
        (None, None) => Read::NotStated,
    }
}
