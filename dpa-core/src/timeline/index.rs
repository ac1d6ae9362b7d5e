//! The look-ups the event handlers share: each breach's identifier, the
//! breach each notice refers to, the first notices of each breach, the
//! identifiers any breach is discovered under, and the next event of a
//! kind.

use std::collections::{HashMap, HashSet};

use time::OffsetDateTime;

use super::context::Sorted;
use super::{Event, EventKind};

/// Look-ups over the sorted events, built in two passes so that the
/// timeline stays linear in the number of events.
pub(super) struct Index {
    /// The identifier of each `breach-discovered` event: its `id`, or
    /// `breach N` for the N-th breach (counting from 1).
    pub(super) breach_ids: Vec<Option<String>>,
    /// The breach each notice refers to: the one its `breach` field names if
    /// that was discovered before it, else (without a name) the most recent
    /// breach discovered before it.
    pub(super) refers: Vec<Option<String>>,
    /// The first client notice and the first authority notice of each breach.
    pub(super) client_notice: HashMap<String, usize>,
    pub(super) authority_notice: HashMap<String, usize>,
    /// The `id` of every `breach-discovered` event that has one, before or
    /// after any notice: a notice naming one of these that was not
    /// discovered before it comes before its breach.
    pub(super) named_breaches: HashSet<String>,
    /// For each position, the next position at or after it holding a
    /// `data-returned`, `data-deleted`, `legal-hold-lifted` or
    /// `agreement-terminated` event (`usize::MAX` for none).
    next: [Vec<usize>; 4],
}

const NEXT_KINDS: [EventKind; 4] = [
    EventKind::DataReturned,
    EventKind::DataDeleted,
    EventKind::LegalHoldLifted,
    EventKind::AgreementTerminated,
];

impl Index {
    /// Builds the look-ups over `sorted`.
    pub(super) fn new(sorted: &Sorted<'_>) -> Index {
        let n = sorted.len();
        let mut breach_ids = vec![None; n];
        let mut refers = vec![None; n];
        let mut client_notice = HashMap::new();
        let mut authority_notice = HashMap::new();
        let mut discovered: HashSet<String> = HashSet::new();
        let mut named_breaches: HashSet<String> = HashSet::new();
        let mut last: Option<String> = None;
        let mut count = 0usize;
        for (pos, (_, _, e)) in sorted.iter().enumerate() {
            match e.kind() {
                EventKind::BreachDiscovered => {
                    count += 1;
                    if let Some(named) = e.id() {
                        named_breaches.insert(named.to_owned());
                    }
                    let id = e
                        .id()
                        .map_or_else(|| format!("breach {count}"), str::to_owned);
                    discovered.insert(id.clone());
                    last = Some(id.clone());
                    breach_ids[pos] = Some(id);
                }
                EventKind::ClientNotifiedOfBreach | EventKind::AuthorityNotified => {
                    let r = match e.breach() {
                        Some(b) => discovered.contains(b).then(|| b.to_owned()),
                        None => last.clone(),
                    };
                    if let Some(id) = &r {
                        let map = if e.kind() == EventKind::ClientNotifiedOfBreach {
                            &mut client_notice
                        } else {
                            &mut authority_notice
                        };
                        map.entry(id.clone()).or_insert(pos);
                    }
                    refers[pos] = r;
                }
                _ => {}
            }
        }
        let next = NEXT_KINDS.map(|kind| {
            let mut v = vec![usize::MAX; n + 1];
            for pos in (0..n).rev() {
                v[pos] = if sorted[pos].2.kind() == kind {
                    pos
                } else {
                    v[pos + 1]
                };
            }
            v
        });
        Index {
            breach_ids,
            refers,
            client_notice,
            authority_notice,
            named_breaches,
            next,
        }
    }

    /// The first event of `kind` at or after `from`.
    pub(super) fn first_from<'e>(
        &self,
        sorted: &Sorted<'e>,
        from: usize,
        kind: EventKind,
    ) -> Option<(OffsetDateTime, usize, &'e Event)> {
        let k = NEXT_KINDS.iter().position(|&x| x == kind)?;
        let pos = *self.next[k].get(from)?;
        sorted.get(pos).copied()
    }
}
