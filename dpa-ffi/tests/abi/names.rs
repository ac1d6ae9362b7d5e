//! Enumerations by their dpa-core names (`dpa_*_from_name`, `dpa_*_name`).

use std::ffi::c_char;
use std::ptr;

use dpa::*;

use crate::helpers::{last_message, last_path, static_str};

/// Calls a `dpa_*_from_name` function: the status and the number.
fn from_name(
    f: unsafe extern "C" fn(*const c_char, usize, *mut u32) -> dpa_status,
    name: &str,
) -> (dpa_status, u32) {
    let mut n = 0xA5A5;
    // SAFETY: `name` is valid for its length; `n` is a valid out-pointer.
    let st = unsafe { f(name.as_ptr().cast(), name.len(), &mut n) };
    (st, n)
}

/// The names of the enumerations are `dpa-core`'s spellings, both ways; an
/// unknown name is `INVALID_VALUE` with `dpa-core`'s message, path `name`,
/// and leaves `*out` alone.
/// Source: `spelled_enum!` (one spelling per choice, docs/architecture.md),
/// include/dpa.h (`dpa_*_from_name`).
#[test]
fn enumerations_by_name() {
    use dpa_core::calendar::MonthRule;
    use dpa_core::deadline::{Bound, DeadlineKind, Impact, Trigger};

    for rule in MonthRule::ALL {
        let (st, n) = from_name(dpa_month_rule_from_name, rule.as_str());
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(n, types::month_rule_out(*rule) as u32);
        assert_eq!(types::month_rule_in(n, "").unwrap(), *rule);
    }
    let mut computable = 0;
    for kind in DeadlineKind::ALL {
        let (st, n) = from_name(dpa_deadline_kind_from_name, kind.as_str());
        if kind.trigger() == Trigger::NotComputable {
            assert_eq!(st, dpa_status::InvalidValue, "{kind}");
            assert_eq!(n, 0xA5A5);
            assert_eq!(last_path(), "name");
            assert!(last_message().contains("no fixed term to compute"));
            continue;
        }
        computable += 1;
        assert_eq!(st, dpa_status::Ok, "{kind}");
        assert_eq!(types::deadline_kind_in(n, "").unwrap(), *kind);
        assert_eq!(
            static_str(dpa_deadline_kind_name(n)).as_deref(),
            Some(kind.as_str())
        );
    }
    assert_eq!(computable, 8, "every dpa_deadline_kind has a name");
    assert_eq!(dpa_deadline_kind_name(computable), ptr::null());
    assert_eq!(dpa_deadline_kind_name(u32::MAX), ptr::null());
    for impact in Impact::ALL {
        let (st, n) = from_name(dpa_impact_from_name, impact.as_str());
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(types::impact_in(n, "").unwrap(), Some(*impact));
    }
    for (name, format) in [
        ("auto", dpa_format::Auto),
        ("toml", dpa_format::Toml),
        ("json", dpa_format::Json),
    ] {
        assert_eq!(
            from_name(dpa_format_from_name, name),
            (dpa_status::Ok, format as u32)
        );
        assert_eq!(
            types::format_name(types::format_in(format as u32, "").unwrap()),
            name
        );
    }
    for bound in Bound::ALL {
        let n = types::bound_out(*bound).unwrap() as u32;
        assert_eq!(
            static_str(dpa_bound_name(n)).as_deref(),
            Some(bound.as_str())
        );
    }
    assert_eq!(dpa_bound_name(2), ptr::null());

    // Unknown names: dpa-core's message, which lists the names.
    type FromName = unsafe extern "C" fn(*const c_char, usize, *mut u32) -> dpa_status;
    let unknown: [(FromName, &str, &str); 5] = [
        (
            dpa_month_rule_from_name,
            "Clamp",
            "name: unknown month rule `Clamp`: expected one of clamp, month-end-sticky, thirty-days",
        ),
        (
            dpa_deadline_kind_from_name,
            "deletions",
            "name: unknown deadline kind `deletions`: expected one of deletion, backup-deletion, \
             breach-notice, authority-notice, next-audit, audit-notice, termination-window, \
             service-response",
        ),
        (
            dpa_impact_from_name,
            "medium",
            "name: unknown impact `medium`: expected one of low, high",
        ),
        (
            dpa_format_from_name,
            "yaml",
            "name: unknown format `yaml`: expected one of auto, toml, json",
        ),
        (
            dpa_format_from_name,
            "",
            "name: unknown format ``: expected one of auto, toml, json",
        ),
    ];
    for (f, name, message) in unknown {
        assert_eq!(from_name(f, name), (dpa_status::InvalidValue, 0xA5A5));
        assert_eq!(last_path(), "name");
        assert_eq!(last_message(), message);
    }
    // NULL, bad text.
    let mut n = 7;
    // SAFETY: NULL where the library must refuse it; the rest valid.
    unsafe {
        assert_eq!(
            dpa_month_rule_from_name(ptr::null(), 0, &mut n),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "name");
        assert_eq!(
            dpa_impact_from_name(c"low".as_ptr(), 3, ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        assert_eq!(
            dpa_format_from_name(b"\xfftoml".as_ptr().cast(), 5, &mut n),
            dpa_status::InvalidUtf8
        );
        assert_eq!(
            dpa_deadline_kind_from_name(c"deletion".as_ptr(), usize::MAX, &mut n),
            dpa_status::TooLarge
        );
    }
    assert_eq!(n, 7);
}
