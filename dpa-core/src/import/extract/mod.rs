//! The values of a statement, each with its evidence (issue 18 point 3):
//! stated (the item's number as the clause, the line range, the quoted
//! sentence), not stated, or ambiguous with the readings and the setting a
//! person must choose (point 4). One file per part: the processor, version
//! and products (`identity.rs`), the intended use and the special-categories
//! declaration (`scope.rs`), the operative terms (`terms.rs`), the breach
//! notice's channels and items (`breach.rs`), the duration and the return of
//! data (`ending.rs`), the sub-processors (`sub_processors.rs`), where data
//! is processed (`locations.rs`), the help with requests and a DPIA
//! (`assistance.rs`), the security measures, policy and warranty
//! (`security.rs`), the standard clauses' deviations from their edition
//! (`deviations.rs`).

mod assistance;
mod breach;
mod deviations;
mod ending;
mod identity;
mod locations;
mod scope;
mod security;
mod sub_processors;
mod terms;

pub use deviations::{ClauseComparison, ClauseDeviation};
pub use ending::{ImportedDuration, ImportedReturn};
pub use scope::ImportedSpecialCategories;

use super::structure::{Clause, Item, Structure};
use super::words::{Folded, Passage};
use super::{Evidence, Read};
use crate::model::{
    AuditPeriod, BackupDeletion, CertificationStatus, Channel, Edition, Engagement, Firmness,
    NoticeTerm, SecurityWarranty, TransferBasis,
};
use crate::values::{Country, Location, StatedDate, Term};

/// The processor's identity (DPS item 1 of the template).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedProcessor {
    /// The legal name.
    pub name: Read<String>,
    /// Street and number.
    pub street: Read<String>,
    /// Postal code, written `1234 AB` for a Dutch one.
    pub postal_code: Read<String>,
    /// City.
    pub city: Read<String>,
    /// Country, by its Dutch or English name.
    pub country: Read<Country>,
    /// Website.
    pub website: Read<String>,
    /// Chamber of commerce (KvK) number.
    pub chamber_of_commerce: Read<String>,
    /// VAT (btw) number.
    pub vat_number: Read<String>,
    /// The contact person's name.
    pub contact_name: Read<String>,
    /// The contact's e-mail address.
    pub email: Read<String>,
    /// The contact's telephone number.
    pub phone: Read<String>,
}

/// An entry of the statement's version history.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HistoryEntry {
    /// The version.
    pub version: String,
    /// Its date.
    pub date: StatedDate,
    /// Its change notes.
    pub changes: Vec<String>,
    /// Where.
    pub evidence: Evidence,
}

/// A sub-processor as the statement lists it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedSubProcessor {
    /// Its name.
    pub name: String,
    /// What it does, as written.
    pub purpose: Option<String>,
    /// The country of its seat (a table's "Land vestiging", "established in").
    pub seat: Read<Country>,
    /// Where it processes.
    pub locations: Read<Vec<Location>>,
    /// The transfer bases the statement names for it.
    pub transfer_bases: Vec<TransferBasis>,
    /// Whether it is always engaged.
    pub engagement: Read<Engagement>,
    /// The row or entry.
    pub evidence: Evidence,
}

/// A certification the statement names.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Certified {
    /// Its name.
    pub name: String,
    /// Held or pending.
    pub status: CertificationStatus,
}

/// A template item and where the statement answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateItem {
    /// The template item (`deletion`, `sub-processors`; the keys of
    /// `data/template-questions.tsv`).
    pub key: &'static str,
    /// The statement's citation of the item answering it (`DPS 1.11`),
    /// `None` where no item does.
    pub clause: Option<String>,
    /// That item's original lines, first and last.
    pub lines: Option<(usize, usize)>,
}

/// Everything the import read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportedStatement {
    /// The template's items in its order, each found (with the
    /// statement's citation and lines) or not.
    pub items: Vec<TemplateItem>,
    /// The processor.
    pub processor: ImportedProcessor,
    /// The statement's version.
    pub version: Read<String>,
    /// The date it applies from.
    pub effective_date: Read<StatedDate>,
    /// The version history.
    pub history: Vec<HistoryEntry>,
    /// The products and services it applies to.
    pub products: Read<Vec<String>>,
    /// Where personal data is processed in general: the places the item
    /// answering "verwerkt de persoonsgegevens van zijn opdrachtgevers ..."
    /// names (ambiguous where it says processing also happens outside the
    /// EEA without naming where).
    pub processing_locations: Read<Vec<Location>>,
    /// Whether that item says some processing happens outside the EEA.
    pub transfers_outside_eea: Read<bool>,
    /// How the processor helps with requests from data subjects (GDPR art.
    /// 28(3)(e)), in the statement's words.
    pub data_subject_requests: Read<ImportedAssistance>,
    /// How the processor helps with a data protection impact assessment
    /// (GDPR art. 28(3)(f), art. 35), in the statement's words.
    pub dpia: Read<ImportedAssistance>,
    /// The security measures the statement lists (GDPR art. 32), each as a
    /// list item in its words.
    pub security_measures: Read<Vec<String>>,
    /// The information security policy it states ("informatiebeveiligings-
    /// beleid gebaseerd op ..."), as written.
    pub isms: Read<String>,
    /// What the processor warrants about its measures (clause 4.1 / 2.4.1,
    /// or the statement's own sentence).
    pub security_warranty: Read<SecurityWarranty>,
    /// What the products are designed and intended for (an item headed
    /// "Beoogd gebruik" / "Intended use").
    pub intended_use: Read<String>,
    /// The declaration on special categories of personal data, criminal
    /// data and government identification numbers.
    pub special_categories: ImportedSpecialCategories,
    /// The edition line of the standard clauses, as written.
    pub template: Read<String>,
    /// The edition of the standard clauses.
    pub edition: Read<Edition>,
    /// Part 2 compared clause by clause with the unmodified text of its
    /// edition: the deviations, or why no comparison could be made.
    pub clause_comparison: ClauseComparison,
    /// The edition whose clauses the statement takes by reference: it
    /// names the edition (`edition`) and has no part 2 that reproduces the
    /// clauses' text. `None` where part 2 reproduces them (compared in
    /// `clause_comparison`, or a translation) or no edition is named.
    pub clauses_by_reference: Option<Edition>,
    /// The sub-processors.
    pub sub_processors: Read<Vec<ImportedSubProcessor>>,
    /// The deletion term after termination.
    pub deletion_term: Read<Term>,
    /// Whether the deletion term is firm or "in principe".
    pub deletion_firmness: Read<Firmness>,
    /// "zo snel mogelijk" before the deletion term.
    pub deletion_asap: bool,
    /// How backups are deleted.
    pub backups: Read<BackupDeletion>,
    /// The length of the backup cycle, where the statement gives it
    /// (`backup_cycle`; read only where backups go by their cycle).
    pub backup_cycle: Read<Term>,
    /// The breach notice term.
    pub breach_notice: Read<NoticeTerm>,
    /// "zo snel mogelijk" before the breach notice term.
    pub breach_asap: bool,
    /// The channels the breach notice goes by, in the order the statement
    /// names them.
    pub breach_channels: Read<Vec<Channel>>,
    /// The information the breach notice carries, each entry as written.
    pub breach_information: Read<Vec<String>>,
    /// How long the agreement runs.
    pub duration: ImportedDuration,
    /// The return of data at the end.
    pub return_of_data: ImportedReturn,
    /// At most this many audits per period.
    pub audit_count: Read<u16>,
    /// The audit period and its reading.
    pub audit_period: Read<AuditPeriod>,
    /// The notice an audit is announced with.
    pub audit_notice: Read<Term>,
    /// The window to terminate after a notice of changes.
    pub change_window: Read<Term>,
    /// The certifications.
    pub certifications: Read<Vec<Certified>>,
    /// Placeholders and redactions left in the text.
    pub placeholders: Vec<Evidence>,
}

/// Reads every value from the structure.
///
/// # Errors
/// [`crate::Error::Internal`] if a built-in table is malformed.
pub(crate) fn extract(s: &Structure) -> crate::error::Result<ImportedStatement> {
    let names = crate::values::CountryNames::new();
    let items = crate::sources::template::ITEMS
        .iter()
        .map(|k| {
            let item = s.item(k);
            TemplateItem {
                key: k,
                clause: item.map(Item::clause),
                lines: item.and_then(|i| Some((i.lines.first()?.first, i.lines.last()?.last))),
            }
        })
        .collect();
    let (version, effective_date, history) = identity::version(s);
    let (deletion_term, deletion_firmness, deletion_asap, (backups, backup_cycle)) =
        terms::deletion(s);
    let (breach_notice, breach_asap) = terms::breach(s);
    let (audit_count, audit_period, audit_notice) = terms::audit(s);
    let (template, edition) = identity::edition(s);
    let sub_processors = sub_processors::read(s, &names);
    let (processing_locations, transfers_outside_eea) = locations::read(s, &names, &sub_processors);
    Ok(ImportedStatement {
        items,
        processor: identity::processor(s, &names),
        version,
        effective_date,
        history,
        products: identity::products(s),
        processing_locations,
        transfers_outside_eea,
        data_subject_requests: assistance::read(
            s,
            "data-subject-requests",
            "statement.data_subject_requests.assists",
        ),
        dpia: assistance::read(s, "dpia", "statement.dpia.assists"),
        security_measures: security::measures(s),
        isms: security::isms(s),
        security_warranty: security::warranty(s),
        intended_use: scope::intended_use(s),
        special_categories: scope::special_categories(s),
        template,
        edition,
        clause_comparison: deviations::compare(s)?,
        clauses_by_reference: s
            .edition
            .as_ref()
            .map(|e| e.edition)
            .filter(|_| s.part2.is_none() || s.clauses.is_empty()),
        sub_processors,
        deletion_term,
        deletion_firmness,
        deletion_asap,
        backups,
        backup_cycle,
        breach_notice,
        breach_asap,
        breach_channels: breach::channels(s),
        breach_information: breach::information(s),
        duration: ending::duration(s),
        return_of_data: ending::return_of_data(s),
        audit_count,
        audit_period,
        audit_notice,
        change_window: terms::change_window(s),
        certifications: terms::certifications(s),
        placeholders: placeholders(s),
    })
}

/// The country named by the words of `tokens` from `i`: two words
/// ("Verenigde Staten", "United Kingdom") or one ("Duitsland"), with how
/// many it took; `None` where neither names one.
pub(crate) fn country_at(
    tokens: &[&str],
    i: usize,
    names: &crate::values::CountryNames,
) -> Option<(Country, usize)> {
    let t = tokens.get(i)?;
    let pair = tokens.get(i + 1).map(|n| format!("{t} {n}"));
    pair.as_deref()
        .and_then(|p| names.find(p))
        .map(|c| (c, 2))
        .or_else(|| names.find(t).map(|c| (c, 1)))
}

/// The processor's help with requests from data subjects or with a DPIA,
/// as the statement describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportedAssistance {
    /// The statement's answer, as written (whitespace joined).
    pub description: String,
    /// Whether it says costs are made known beforehand.
    pub costs_announced_in_advance: bool,
}

/// A passage to read values from, with its citation.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// `DPS 1.11`, `clause 2.2.2`.
    pub(crate) clause: String,
    /// The text.
    pub(crate) passage: Passage,
    /// The text folded.
    pub(crate) folded: Folded,
}

impl Source {
    /// The source of an item of part 1.
    pub(crate) fn item(item: &Item) -> Source {
        Source::new(item.clause(), Passage::of(&item.lines))
    }

    /// The source of a clause of part 2.
    pub(crate) fn clause(c: &Clause) -> Source {
        Source::new(format!("clause {}", c.number), Passage::of(&c.lines))
    }

    /// The source of the lines before the first item.
    pub(crate) fn front(s: &Structure) -> Source {
        Source::new("DPS".to_owned(), Passage::of(&s.front))
    }

    fn new(clause: String, passage: Passage) -> Source {
        let folded = Folded::new(&passage.text);
        Source {
            clause,
            passage,
            folded,
        }
    }

    /// The text.
    pub(crate) fn text(&self) -> &str {
        &self.passage.text
    }

    /// The evidence of the sentence around byte `at`.
    pub(crate) fn evidence_at(&self, at: usize) -> Evidence {
        let (s, e) = self.passage.sentence_at(at);
        self.evidence(s, e)
    }

    /// The evidence of bytes `s..e`.
    pub(crate) fn evidence(&self, s: usize, e: usize) -> Evidence {
        let mut quote: String = self.passage.text[s..e]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if quote.chars().count() > 400 {
            quote = quote.chars().take(399).collect::<String>() + "…";
        }
        Evidence {
            clause: self.clause.clone(),
            lines: self.passage.lines_of(s, e),
            quote,
        }
    }

    /// The sentence containing the earliest of `phrases`: its byte range.
    pub(crate) fn sentence_with(&self, phrases: &[&str]) -> Option<(usize, usize)> {
        let (at, _) = self.folded.find(phrases)?;
        Some(self.passage.sentence_at(at))
    }
}

/// The sources to search for a term: the item answering `key`, then the
/// clauses of part 2 (in order), then the other items.
pub(crate) fn sources_for(s: &Structure, key: &str) -> Vec<Source> {
    let mut out = Vec::new();
    if let Some(i) = s.item(key) {
        out.push(Source::item(i));
    }
    out.extend(s.clauses.iter().map(Source::clause));
    out.extend(
        s.items
            .iter()
            .filter(|i| i.key != Some(key))
            .map(Source::item),
    );
    out
}

/// Where `w` stands as a word in the folded text `f`: not inside another
/// word, nor joined to one by a hyphen (`e-mailadressen` holds no `mail`,
/// `telefoonnummer` no `telefoon`).
pub(crate) fn word_at(f: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = f.get(from..).and_then(|rest| rest.find(w)) {
        let at = from + i;
        let before = f[..at].chars().next_back();
        let after = f[at + w.len()..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        if !joined(before) && !joined(after) {
            return Some(at);
        }
        from = at + w.len();
    }
    None
}

/// Whether `w` stands as a word in the folded text `f` ([`word_at`]).
pub(crate) fn contains_word(f: &str, w: &str) -> bool {
    word_at(f, w).is_some()
}

/// Placeholders and redactions left in a published statement (issue 18
/// point 4): `xxxx`, `[naam]` / `[name]` / `[datum]` / `[...]`, `product/dienst A`,
/// `product/service A`, `<...>`, `…` standing alone.
fn placeholders(s: &Structure) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut sources: Vec<Source> = vec![Source::front(s)];
    sources.extend(s.items.iter().map(Source::item));
    for src in &sources {
        for (a, b) in src.passage.sentences() {
            let sentence = &src.text()[a..b];
            let f = super::words::fold(sentence);
            let bracketed = [
                "[naam",
                "[name",
                "[datum",
                "[date",
                "[adres",
                "[address",
                "[bedrijf",
                "[company",
                "[...]",
                "[…]",
                "[invullen",
                "[fill in",
            ]
            .iter()
            .any(|p| f.contains(p));
            let hit = f.contains("xxx")
                || bracketed
                || f.contains("product/dienst a")
                || f.contains("product/service a")
                || f.contains("dienst/product a")
                || (f.contains('<') && f.contains('>'));
            if hit {
                out.push(src.evidence(a, b));
            }
        }
    }
    out
}
