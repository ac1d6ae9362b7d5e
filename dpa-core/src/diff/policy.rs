//! Which direction of a change favours the client.
//!
//! Clause 2.2.2 (2019 numbering; clause 2.2 in the 2025 edition) lets the
//! client terminate after a *significant* change of the statement; the
//! module docs of [`super`] read "significant" as a change that can reduce
//! the client's protection or changes who processes its data, where, or on
//! what basis. A [`Verdict`] carries that reading as an [`Effect`]
//! ([`Effect::is_significant`]) and a reason in words.
//!
//! This module decides the direction of the changes whose effect depends on
//! the old and the new value: each function says what it decides and why.
//! The words of a reason are the caller's (they name the field); the
//! direction is decided here. A change whose effect is the same whichever
//! way it goes (a sub-processor added always changes processing; a deviation
//! from the standard clauses is never judged, so always undetermined) takes
//! its verdict at the call site, with [`Verdict::new`].

use std::cmp::Ordering;

use crate::calendar;
use crate::model::{
    AuditPeriod, AuditReading, Authorisation, BackupDeletion, CertificationStatus, ClientInformed,
    CostBasis, FineRecovery, Firmness, NoticeTerm, OfficeDays, OfficeHours, Party, Response,
    ReturnMethod, SecurityWarranty,
};
use crate::values::{MonthRule, Term, Text};

use super::Effect;

/// What a change does to the client's position, and why.
#[derive(Debug, Clone)]
pub(super) struct Verdict {
    /// Decides whether the change is significant.
    pub(super) effect: Effect,
    /// Why, in English.
    pub(super) reason: String,
}

impl Verdict {
    /// A verdict with `effect` for `reason`.
    pub(super) fn new(effect: Effect, reason: impl Into<String>) -> Self {
        Verdict {
            effect,
            reason: reason.into(),
        }
    }
}

/// The words of a verdict for each direction of a change.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reasons<'r> {
    /// Why the change reduces the client's protection.
    pub(super) worse: &'r str,
    /// Why the change is in the client's favour.
    pub(super) better: &'r str,
    /// For two different values a ranking cannot order (they rank the
    /// same): why the change is undetermined. Empty where every two values
    /// are ordered.
    pub(super) unordered: &'r str,
}

impl<'r> Reasons<'r> {
    /// The words for a change against the client and for one in its favour.
    pub(super) const fn new(worse: &'r str, better: &'r str) -> Self {
        Reasons {
            worse,
            better,
            unordered: "",
        }
    }

    /// With the words for two values that rank the same.
    pub(super) const fn or_unordered(self, unordered: &'r str) -> Self {
        Reasons { unordered, ..self }
    }
}

/// The verdicts for an item added to a list and for one removed.
#[derive(Debug, Clone)]
pub(super) struct ItemVerdicts {
    /// For an item added.
    pub(super) added: Verdict,
    /// For an item removed.
    pub(super) removed: Verdict,
}

// ---------------------------------------------------------------------------
// The two shapes every direction takes

/// A change whose new value is `favourable` to the client or not: in its
/// favour (not significant) or reducing its protection (significant under
/// clause 2.2.2 / 2.2).
pub(super) fn by_flag(favourable: bool, r: Reasons<'_>) -> Verdict {
    if favourable {
        Verdict::new(Effect::Favourable, r.better)
    } else {
        Verdict::new(Effect::ReducesProtection, r.worse)
    }
}

/// A change between two ranked values, where a higher rank is worse for the
/// client: a higher new rank reduces its protection (significant under
/// clause 2.2.2 / 2.2), a lower one is in its favour, and two different
/// values of the same rank cannot be ordered, so the change is
/// undetermined (significant: when in doubt, the client keeps its right).
pub(super) fn by_rank(old: u32, new: u32, r: Reasons<'_>) -> Verdict {
    match new.cmp(&old) {
        Ordering::Greater => Verdict::new(Effect::ReducesProtection, r.worse),
        Ordering::Less => Verdict::new(Effect::Favourable, r.better),
        Ordering::Equal => Verdict::new(Effect::Undetermined, r.unordered),
    }
}

/// [`by_rank`] for an enum ranked by `rank` (one of the rankings below).
pub(super) fn ranked<'r, T: Copy + 'r>(
    rank: fn(T) -> u32,
    r: Reasons<'r>,
) -> impl FnOnce(&T, &T) -> Verdict + 'r {
    move |old, new| by_rank(rank(*old), rank(*new), r)
}

// ---------------------------------------------------------------------------
// Yes/no terms

/// A duty of the processor or a right of the client (it assists, announces
/// costs, notifies changes, the client may object, ...): stating it favours
/// the client, dropping it reduces its protection.
pub(super) fn duty_or_right(r: Reasons<'_>) -> impl FnOnce(&bool, &bool) -> Verdict + '_ {
    move |_, new| by_flag(*new, r)
}

/// A latitude of the processor (it may refuse an auditor or an audit, or
/// answer an audit with a certificate; clause 2.7 / 7): granting it reduces
/// the client's protection, withdrawing it favours the client.
pub(super) fn processor_latitude(r: Reasons<'_>) -> impl FnOnce(&bool, &bool) -> Verdict + '_ {
    move |_, new| by_flag(!*new, r)
}

/// A change that widens who processes the client's data or where (now
/// outside the EEA, a sub-processor now engaged for every client) changes
/// processing (significant); narrowing it is in the client's favour.
pub(super) fn widens_processing(widens: bool, r: Reasons<'_>) -> Verdict {
    if widens {
        Verdict::new(Effect::ChangesProcessing, r.worse)
    } else {
        Verdict::new(Effect::Favourable, r.better)
    }
}

/// Whether a changed chamber of commerce number means another legal entity
/// processes the data: only when both versions state a number. A number
/// added or dropped identifies the same processor better or worse, no more.
pub(super) fn another_legal_entity(old: Option<&Text>, new: Option<&Text>) -> bool {
    old.is_some() && new.is_some()
}

/// Who pays for an audit (clause 2.7 / 7): the processor paying favours the
/// client; the client paying puts a cost on its audit right.
pub(super) fn audit_cost_bearer(r: Reasons<'_>) -> impl FnOnce(&Party, &Party) -> Verdict + '_ {
    move |_, new| by_flag(*new == Party::Processor, r)
}

/// The authorisation of sub-processors (clause 2.8 / 8; GDPR art. 28(2)): a
/// specific authorisation per sub-processor lets the client decide on each
/// one, so it favours the client over a general one.
pub(super) fn sub_processor_authorisation(
    r: Reasons<'_>,
) -> impl FnOnce(&Authorisation, &Authorisation) -> Verdict + '_ {
    move |_, new| by_flag(*new == Authorisation::Specific, r)
}

/// Recovery of fines imposed on the client (clause 2.2.8 / 2.8): fines
/// recoverable on intent or deliberate recklessness favour the client over
/// fines never recoverable.
pub(super) fn fine_recovery(
    r: Reasons<'_>,
) -> impl FnOnce(&FineRecovery, &FineRecovery) -> Verdict + '_ {
    move |_, new| by_flag(*new == FineRecovery::IntentOrDeliberateRecklessness, r)
}

/// A certification's status: one held protects the client more than one
/// only applied for.
pub(super) fn certification_status(new: CertificationStatus, r: Reasons<'_>) -> Verdict {
    by_flag(new == CertificationStatus::Held, r)
}

/// A certification no longer stated: one that was held is `lost` (reduces
/// protection); a pending application may have been refused or `withdrawn`,
/// which cannot be told (undetermined).
pub(super) fn certification_removed(
    old: CertificationStatus,
    lost: &str,
    withdrawn: &str,
) -> Verdict {
    match old {
        CertificationStatus::Held => Verdict::new(Effect::ReducesProtection, lost),
        _ => Verdict::new(Effect::Undetermined, withdrawn),
    }
}

// ---------------------------------------------------------------------------
// Terms and numbers

/// A term the processor has to act in (delete the data, clause 2.6.3 / 6.3;
/// notify a breach, clause 2.4.1 / 4.1): a longer term reduces the client's
/// protection, a shorter one is in its favour.
pub(super) fn longer_term_reduces_protection(old: u32, new: u32, r: Reasons<'_>) -> Verdict {
    by_rank(old, new, r)
}

/// A right of the client measured in a number (audits per period, clause
/// 2.7.4 / 7.5; days to terminate after a change, clause 2.2.2 / 2.2): less
/// of it reduces the client's protection, more is in its favour.
pub(super) fn smaller_right_reduces_protection(old: u32, new: u32, r: Reasons<'_>) -> Verdict {
    by_rank(new, old, r)
}

/// The words for an optional number that may grow, shrink, be dropped or
/// be stated anew.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumberReasons<'r> {
    /// The number grew.
    pub(super) larger: &'r str,
    /// The number shrank.
    pub(super) smaller: &'r str,
    /// The number is no longer stated.
    pub(super) dropped: &'r str,
    /// The number is stated where it was not.
    pub(super) stated: &'r str,
}

/// A maximum the processor states (how long backups keep the data, what an
/// hour of assistance costs, clause 2.4.3 / 4.4): a larger one reduces the
/// client's protection, a smaller one is in its favour, and a stated maximum
/// favours the client over none.
pub(super) fn stated_maximum<'r, T: PartialOrd + 'r>(
    r: NumberReasons<'r>,
) -> impl FnOnce(&Option<T>, &Option<T>) -> Verdict + 'r {
    move |old, new| match (old, new) {
        (Some(a), Some(b)) if b > a => Verdict::new(Effect::ReducesProtection, r.larger),
        (Some(_), Some(_)) => Verdict::new(Effect::Favourable, r.smaller),
        (Some(_), None) => Verdict::new(Effect::ReducesProtection, r.dropped),
        _ => Verdict::new(Effect::Favourable, r.stated),
    }
}

/// A notice the client must give before it may audit (clause 2.7 / 7): a
/// condition on its audit right, so a longer notice, or one newly required,
/// reduces its protection; a shorter one, or none, is in its favour.
pub(super) fn notice_required_of_client<'r, T: PartialOrd + 'r>(
    r: NumberReasons<'r>,
) -> impl FnOnce(&Option<T>, &Option<T>) -> Verdict + 'r {
    move |old, new| match (old, new) {
        (Some(a), Some(b)) if b > a => Verdict::new(Effect::ReducesProtection, r.larger),
        (Some(_), Some(_)) => Verdict::new(Effect::Favourable, r.smaller),
        (None, Some(_)) => Verdict::new(Effect::ReducesProtection, r.stated),
        _ => Verdict::new(Effect::Favourable, r.dropped),
    }
}

/// A safeguard the statement names (the information security management
/// basis): dropping it reduces the client's protection, naming one where
/// there was none is in its favour, and replacing it by another is
/// undetermined (whether the new one is equivalent cannot be told; the words
/// are `r.unordered`).
pub(super) fn named_safeguard<'r, T: 'r>(
    r: Reasons<'r>,
) -> impl FnOnce(&Option<T>, &Option<T>) -> Verdict + 'r {
    move |old, new| match (old, new) {
        (_, None) => Verdict::new(Effect::ReducesProtection, r.worse),
        (None, Some(_)) => Verdict::new(Effect::Favourable, r.better),
        _ => Verdict::new(Effect::Undetermined, r.unordered),
    }
}

// ---------------------------------------------------------------------------
// Lists

/// Items that protect the client (security and privacy-by-design measures,
/// breach notice channels and information): one added is in its favour, one
/// removed reduces its protection.
pub(super) fn protective_items(r: Reasons<'_>) -> ItemVerdicts {
    ItemVerdicts {
        added: Verdict::new(Effect::Favourable, r.better),
        removed: Verdict::new(Effect::ReducesProtection, r.worse),
    }
}

/// Items that limit the client (requirements on its auditor, preconditions
/// of an audit; clause 2.7 / 7): one added reduces its protection, one
/// removed is in its favour.
pub(super) fn limiting_items(r: Reasons<'_>) -> ItemVerdicts {
    ItemVerdicts {
        added: Verdict::new(Effect::ReducesProtection, r.worse),
        removed: Verdict::new(Effect::Favourable, r.better),
    }
}

// ---------------------------------------------------------------------------
// Rankings: a higher rank is worse for the client

/// Whether the client is told of a disclosure on a legal order (clause
/// 2.5.2 / 5.2; GDPR art. 28(3)(a) asks for before): before, after, not
/// stated, never.
pub(super) fn client_informed_rank(c: ClientInformed) -> u32 {
    match c {
        ClientInformed::BeforeDisclosure => 0,
        ClientInformed::AfterDisclosure => 1,
        ClientInformed::NotStated => 2,
        _ => 3,
    }
}

/// The security warranty (clause 2.4.1 / 4.1): a warranty that the measures
/// are adequate under all circumstances protects the client more than the
/// standard text, which warrants nothing.
pub(super) fn warranty_rank(w: SecurityWarranty) -> u32 {
    match w {
        SecurityWarranty::AdequateUnderAllCircumstances => 0,
        SecurityWarranty::NotWarranted => 1,
    }
}

/// The firmness of the deletion term (clause 2.6.3 / 6.3): "uiterlijk" (at
/// the latest) binds the processor; "in principe" allows exceptions the text
/// does not spell out.
pub(super) fn firmness_rank(f: Firmness) -> u32 {
    match f {
        Firmness::AtTheLatest => 0,
        Firmness::InPrinciple => 1,
    }
}

/// Deletion from backups (clause 2.6.3 / 6.3): within the deletion term is
/// soonest; per backup cycle later; not stated leaves the client without any
/// term.
pub(super) fn backup_deletion_rank(b: BackupDeletion) -> u32 {
    match b {
        BackupDeletion::WithinTerm => 0,
        BackupDeletion::PerBackupCycle => 1,
        BackupDeletion::NotStated => 2,
    }
}

/// The return of data: a self-service export and a return on request both
/// give the client its data (neither is plainly better, so they rank the
/// same); a return only if agreed is less sure; none is least.
pub(super) fn return_method_rank(m: ReturnMethod) -> u32 {
    match m {
        ReturnMethod::SelfServiceExport | ReturnMethod::OnRequest => 0,
        ReturnMethod::IfAgreed => 1,
        ReturnMethod::None => 2,
    }
}

/// How assistance is charged (clause 2.4.3 / 4.4, 2.6.4 / 6.4, 2.7.6 /
/// 7.7): a rate the agreement states binds the processor; current rates and
/// reasonable costs leave the rate open (and rank the same: neither is
/// plainly better); the costs the processor incurs, not limited to
/// reasonable ones, bind it least.
pub(super) fn cost_basis_rank(b: CostBasis) -> u32 {
    match b {
        CostBasis::StatedHourlyRate => 0,
        CostBasis::CurrentRates | CostBasis::ReasonableCosts => 1,
        CostBasis::CostsIncurred => 2,
    }
}

/// The reading of "at most once a year" (clause 2.7.4 / 7.5): per calendar
/// year allows two audits closer together than twelve rolling months do.
fn audit_reading_rank(r: AuditReading) -> u32 {
    match r {
        AuditReading::Calendar => 0,
        _ => 1,
    }
}

/// The period of "at most N audits per period" (clause 2.7.4 / 7.5): a
/// longer period lets the client audit less often, and a rolling reading
/// keeps audits further apart than a calendar one of the same length. A
/// longer period read in calendar units, or a shorter one read rolling,
/// cannot be ordered: undetermined (`r.unordered`). Two spellings of one
/// period (`"rolling-12-months"` and `{ rolling = "1 year" }`) are editorial.
pub(super) fn audit_period<'r>(
    r: Reasons<'r>,
) -> impl FnOnce(&AuditPeriod, &AuditPeriod) -> Verdict + 'r {
    move |old, new| {
        let months = new.months().cmp(&old.months());
        let reading = audit_reading_rank(new.reading()).cmp(&audit_reading_rank(old.reading()));
        match (months, reading) {
            (Ordering::Equal, Ordering::Equal) => Verdict::new(
                Effect::Editorial,
                "the same audit period, written another way",
            ),
            (Ordering::Greater | Ordering::Equal, Ordering::Greater | Ordering::Equal) => {
                Verdict::new(Effect::ReducesProtection, r.worse)
            }
            (Ordering::Less | Ordering::Equal, Ordering::Less | Ordering::Equal) => {
                Verdict::new(Effect::Favourable, r.better)
            }
            _ => Verdict::new(Effect::Undetermined, r.unordered),
        }
    }
}

/// How a new term compares with an old one, by the deadline each gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TermOrder {
    /// Never later, and earlier from some start.
    Shorter,
    /// The same deadline from every start.
    Same,
    /// Never earlier, and later from some start.
    Longer,
    /// Earlier from some starts and later from others: a term in days or
    /// weeks against one in months or years (30 days against 1 month).
    NotComparable,
}

/// Orders `new` against `old` by the deadline each gives from the same
/// start, each under its agreement's month rule. Terms in one family
/// (days and weeks; months and years) compare by their days or months. A
/// term in days against one in months is compared from every start date of
/// a 400-year Gregorian cycle (the calendar repeats after it): if the new
/// term's deadline is never earlier and sometimes later it is longer, and so
/// on; if it is earlier from some dates and later from others, it is not
/// comparable (e.g. 30 days against 1 month, which is 28 to 31 days).
pub(super) fn compare_terms(old: (Term, MonthRule), new: (Term, MonthRule)) -> TermOrder {
    let by = |o: Ordering| match o {
        Ordering::Less => TermOrder::Shorter,
        Ordering::Equal => TermOrder::Same,
        Ordering::Greater => TermOrder::Longer,
    };
    if let (Some(a), Some(b)) = (old.0.in_days(), new.0.in_days()) {
        return by(b.cmp(&a));
    }
    if let (Some(a), Some(b)) = (old.0.in_months(), new.0.in_months()) {
        return by(b.cmp(&a));
    }
    let (mut later, mut earlier) = (false, false);
    let mut day = time::macros::date!(2000 - 01 - 01);
    for _ in 0..146_097 {
        // Inside the supported years: neither can fail.
        if let (Ok(a), Ok(b)) = (
            calendar::add_term(day, old.0, old.1),
            calendar::add_term(day, new.0, new.1),
        ) {
            later |= b > a;
            earlier |= b < a;
            if later && earlier {
                return TermOrder::NotComparable;
            }
        }
        day = day.next_day().unwrap_or(day);
    }
    match (earlier, later) {
        (false, false) => TermOrder::Same,
        (true, false) => TermOrder::Shorter,
        (false, true) => TermOrder::Longer,
        (true, true) => TermOrder::NotComparable,
    }
}

/// A term changed from `old` to `new` ([`compare_terms`]) where a longer
/// term reduces the client's protection (`longer_is_worse`: the processor
/// acts later, or the client must give more notice) or favours it (a window
/// the client has to terminate in). The same deadline written another way
/// is editorial; a change that cannot be ordered is undetermined
/// (significant: when in doubt, the client keeps its right).
pub(super) fn term_change(
    order: TermOrder,
    longer_is_worse: bool,
    r: Reasons<'_>,
    old: Term,
    new: Term,
) -> Verdict {
    match (order, longer_is_worse) {
        (TermOrder::Longer, true) | (TermOrder::Shorter, false) => {
            Verdict::new(Effect::ReducesProtection, r.worse)
        }
        (TermOrder::Shorter, true) | (TermOrder::Longer, false) => {
            Verdict::new(Effect::Favourable, r.better)
        }
        (TermOrder::Same, _) => Verdict::new(
            Effect::Editorial,
            format!("{old} and {new} give the same deadline from every start date"),
        ),
        (TermOrder::NotComparable, _) => Verdict::new(
            Effect::Undetermined,
            format!(
                "{old} and {new} cannot be ordered: from some start dates one ends first, from others the other"
            ),
        ),
    }
}

/// How soon the processor works on an incident: at once is sooner than at
/// the next office hours.
pub(super) fn response_rank(r: Response) -> u32 {
    match r {
        Response::Immediately => 0,
        Response::NextOfficeHours => 1,
    }
}

/// The days office hours are kept: every weekday covers more than weekdays
/// except Dutch public holidays.
fn office_days_rank(d: OfficeDays) -> u32 {
    match d {
        OfficeDays::MondayToFriday => 0,
        OfficeDays::MondayToFridayExceptNlHolidays => 1,
    }
}

/// The hours within which the client is told of a breach (clause 2.4.1 /
/// 4.1): a fixed term of N hours (a day is 24 hours, docs/rules.md rule 2),
/// or, without one ("without undue delay"), longer than any fixed term.
pub(super) fn notice_hours(t: NoticeTerm) -> u32 {
    t.hours().unwrap_or(u32::MAX)
}

/// Whether the new office hours include the old ones: they start no later,
/// end no earlier and are kept on no fewer days. Hours that include the old
/// ones favour the client; any other change reduces its protection.
pub(super) fn office_hours_cover(old: &OfficeHours, new: &OfficeHours) -> bool {
    new.start() <= old.start()
        && new.end() >= old.end()
        && office_days_rank(new.days()) <= office_days_rank(old.days())
}

// ---------------------------------------------------------------------------
// Free text

/// The reason for a free-text description whose wording changed.
pub(super) const FREE_TEXT_REASON: &str = "the wording of a free-text description changed; the diff does not judge free text and the operative terms are compared field by field, so this is taken as editorial — read the old and new text to confirm";

/// A free-text description (intended use, notes, the descriptions of
/// assistance and of the return of data, ...): its operative content is in
/// typed fields compared on their own, so a rewording is editorial (and one
/// that only changes references to articles of law says so); a description
/// added is editorial too; a description removed is undetermined, since what
/// it said may have protected the client. `None` when the text is the same.
pub(super) fn free_text(old: Option<&Text>, new: Option<&Text>) -> Option<Verdict> {
    Some(match (old, new) {
        (Some(o), Some(n)) if o != n => {
            if without_law_references(o.as_str()) == without_law_references(n.as_str()) {
                Verdict::new(
                    Effect::Editorial,
                    "only the references to articles of law in the text changed (e.g. Wbp to AVG); the substance is the same",
                )
            } else {
                Verdict::new(Effect::Editorial, FREE_TEXT_REASON)
            }
        }
        (None, Some(_)) => Verdict::new(
            Effect::Editorial,
            "a description was added where the statement said nothing; the diff does not judge free text — read it",
        ),
        (Some(_), None) => Verdict::new(
            Effect::Undetermined,
            "the statement no longer says anything here; what it said may have protected the client",
        ),
        _ => return None,
    })
}

/// The words of `s` without references to articles of law (numbers, and
/// words such as "artikel", "Wbp", "AVG"), lowercased.
fn without_law_references(s: &str) -> Vec<String> {
    const LAW_WORDS: &[&str] = &[
        "artikel",
        "artikelen",
        "art",
        "article",
        "articles",
        "lid",
        "sub",
        "wbp",
        "avg",
        "uavg",
        "gdpr",
        "awb",
        "bw",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !LAW_WORDS.contains(&w.as_str()))
        .collect()
}
