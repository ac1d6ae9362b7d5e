use std::collections::BTreeSet;

use super::{Column, KINDS};
use crate::deadline::{DeadlineKind, Trigger};

/// Every kind started by a date or an instant that needs no further
/// argument is in the table, once (the service response needs an impact).
#[test]
fn kinds_are_every_kind_without_an_extra_argument() {
    let expected: Vec<DeadlineKind> = DeadlineKind::ALL
        .iter()
        .copied()
        .filter(|k| k.trigger() != Trigger::NotComputable && *k != DeadlineKind::ServiceResponse)
        .collect();
    let listed: Vec<DeadlineKind> = KINDS.iter().map(|k| k.kind).collect();
    assert_eq!(listed, expected);
}

/// An event column holds what the kind's trigger needs, a completion column
/// the same type as the deadline, and no two result columns share a name
/// with each other or with an input column.
#[test]
fn columns_match_triggers_and_names_are_unique() {
    let mut names = BTreeSet::new();
    for c in Column::ALL {
        assert!(names.insert(c.as_str()), "{c}");
    }
    for k in KINDS {
        let instant = k.kind.trigger() == Trigger::Instant;
        assert_eq!(k.event.holds_instants(), instant, "{}", k.kind);
        if let Some(c) = k.completion {
            assert_eq!(c.holds_instants(), instant, "{}", k.kind);
        }
        for n in [k.due_column, k.status_column, k.detail_column] {
            assert!(names.insert(n), "{n}");
            assert!(n.starts_with(&k.kind.as_str().replace('-', "_")), "{n}");
        }
    }
}
