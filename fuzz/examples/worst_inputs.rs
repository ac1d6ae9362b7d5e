//! The worst accepted inputs of each fuzz target, run once through the
//! target's body: `fuzz/limits.sh` runs this under `ulimit -v` and a time
//! bound, so that a target whose work or memory grows faster than its
//! input fails there rather than in a fuzzer's timeout.
//!
//!   worst_inputs TARGET [SHAPE]    (SHAPE: one of the target's, default all)
//!   worst_inputs --list            (TARGET SHAPE per line)
//!
//! Each shape is at or just inside a documented limit (README "Invariants
//! and limits"): the events limit, the nesting limit, the sub-processors
//! limit, and the worst accepted agreement for the transfers assessment
//! (every sub-processor reached from every country outside the EEA,
//! claiming as many transfer bases as the document limit allows).

use dpa_core::limits::{
    MAX_DOCUMENT_BYTES, MAX_EVENTS, MAX_NESTING_DEPTH, MAX_SUB_PROCESSORS, MAX_TOML_VALUES,
};
use dpa_core::model::TransferBasis;
use dpa_core::values::Country;

#[path = "../../benches/src/worst.rs"]
#[allow(
    unreachable_pub,
    dead_code,
    reason = "the generator is public in dpa-benches, which shares the file"
)]
mod worst;

const BELCO: &str = include_str!("../../examples/agreements/belco.toml");
const ALLES_ONLINE: &str = include_str!("../../examples/agreements/alles-online.toml");

/// The worst accepted agreement for the transfers assessment and the check
/// (`benches/src/worst.rs`, as `dpa_benches::worst_transfers_agreement`
/// builds it for BENCHMARKS.md "Transfers at the limits"): the most
/// sub-processors, each reached from every assigned country outside the EEA, claiming
/// the most distinct bases that keep the agreement accepted as read and as
/// written back, within the TOML value limit. The debug build
/// (`fuzz/limits.sh --quick`, in the README's test command) takes at most
/// 1,000 sub-processors: the same shape, in the time a debug build has.
fn worst_transfers() -> String {
    let n = if cfg!(debug_assertions) {
        MAX_SUB_PROCESSORS / 10
    } else {
        MAX_SUB_PROCESSORS
    };
    let countries: Vec<&str> = Country::all()
        .filter(|c| !c.is_eea())
        .map(|c| c.as_str())
        .collect();
    let bases: Vec<&str> = TransferBasis::ALL.iter().map(|b| b.as_str()).collect();
    let accepted = |text: &str| {
        text.len() <= MAX_DOCUMENT_BYTES && dpa_core::Agreement::from_toml(text).is_ok()
    };
    match worst::worst_transfers_fitting(
        ALLES_ONLINE,
        n,
        &countries,
        &bases,
        MAX_TOML_VALUES,
        dpa_core::document::toml_values,
        accepted,
    ) {
        Some((text, _, _)) => text,
        None => panic!(
            "no worst-transfers agreement is accepted: benches/src/worst.rs and alles-online.toml disagree"
        ),
    }
}

/// 100,000 breach notices: half name a breach discovered after them, the
/// rest a breach never discovered (the timeline's notice-without-breach
/// check once scanned the later events per notice).
fn notices_without_breach() -> String {
    let half = (MAX_EVENTS - 1) / 2;
    let notice = |b: &str| {
        format!(
            "{{\"kind\":\"client-notified-of-breach\",\"at\":\"2026-03-28T09:00:00Z\",\"breach\":\"{b}\"}}"
        )
    };
    let mut events = vec![notice("B-late"); half];
    events.push(
        "{\"kind\":\"breach-discovered\",\"at\":\"2026-03-28T10:00:00Z\",\"id\":\"B-late\"}"
            .to_owned(),
    );
    events.extend(vec![notice("B-none"); MAX_EVENTS - half - 1]);
    format!("{{\"events\":[{}]}}", events.join(","))
}

/// 100,000 events of every kind, many distinct breaches, holds and audits.
fn mixed_events() -> String {
    let mut events = vec!["{\"kind\":\"agreement-signed\",\"date\":\"2019-12-01\"}".to_owned()];
    let mut k = 0usize;
    while events.len() < MAX_EVENTS - 4 {
        k += 1;
        let day = time::Date::from_calendar_date(2020, time::Month::January, 1)
            .map(|d| d + time::Duration::days((k * 29 % 3400) as i64))
            .map(|d| d.to_string())
            .unwrap_or_default();
        events.push(match k % 8 {
            0 => format!("{{\"kind\":\"breach-discovered\",\"at\":\"{day}T10:30:00Z\",\"id\":\"B{k}\"}}"),
            1 => format!("{{\"kind\":\"client-notified-of-breach\",\"at\":\"{day}T11:30:00Z\",\"breach\":\"B{}\"}}", k - 1),
            2 => format!("{{\"kind\":\"authority-notified\",\"at\":\"{day}T12:30:00Z\",\"breach\":\"B{}\"}}", k - 2),
            3 => format!("{{\"kind\":\"statement-change-notified\",\"date\":\"{day}\",\"version\":\"1.{k}\"}}"),
            4 => format!("{{\"kind\":\"audit-notice-given\",\"date\":\"{day}\",\"proposed_date\":\"{day}\"}}"),
            5 => format!("{{\"kind\":\"audit-held\",\"date\":\"{day}\"}}"),
            6 => format!("{{\"kind\":\"legal-hold-placed\",\"date\":\"{day}\"}}"),
            _ => format!("{{\"kind\":\"legal-hold-lifted\",\"date\":\"{day}\"}}"),
        });
    }
    for kind in [
        "agreement-terminated",
        "data-return-requested",
        "data-returned",
        "data-deleted",
    ] {
        events.push(format!("{{\"kind\":\"{kind}\",\"date\":\"2030-01-01\"}}"));
    }
    format!("{{\"events\":[{}]}}", events.join(","))
}

/// Belco with the most sub-processors an agreement may list.
fn most_sub_processors() -> String {
    let mut text = BELCO.to_owned();
    let listed = BELCO.matches("[[statement.sub_processors]]").count();
    for i in listed..MAX_SUB_PROCESSORS {
        text.push_str(&format!(
            "\n[[statement.sub_processors]]\nname = \"S{i}\"\npurpose = \"p\"\nseat = \"US\"\nlocations = [\"US\"]\nengagement = \"always\"\nsource = [\"DPS 1.9\"]\n"
        ));
    }
    text
}

/// A TOML document `depth` levels deep: a header, a dotted key and arrays.
fn deep_toml(depth: usize) -> String {
    let arrays = depth - 3;
    format!(
        "dpa_format = 1\n[statement]\nx.y = {}{}\n",
        "[".repeat(arrays),
        "]".repeat(arrays)
    )
}

/// A JSON document `depth` levels deep.
fn deep_json(depth: usize) -> String {
    let n = depth - 1;
    format!("{{\"events\": {}{}}}", "[".repeat(n), "]".repeat(n))
}

/// The shapes of each target, by name.
fn shapes(target: &str) -> &'static [&'static str] {
    match target {
        "agreement_toml" => &[
            "most-sub-processors",
            "worst-transfers",
            "deepest",
            "too-deep",
        ],
        "agreement_json" => &["most-sub-processors", "deepest", "too-deep"],
        "events" => &["notices-without-breach", "mixed", "deepest"],
        "ffi" => &["most-sub-processors", "notices-without-breach", "deepest"],
        "add_months" => &["extremes", "zero"],
        _ => &[],
    }
}

/// The input of a target's shape, built only when it runs.
fn input(target: &str, shape: &str) -> Vec<u8> {
    let at_depth = MAX_NESTING_DEPTH;
    // The first byte of an `ffi` input picks the entry point
    // (fuzz/src/lib.rs, `ffi`): 0 reads TOML (then checks and writes it),
    // 1 JSON, 3 the timeline as JSON.
    let ffi = |selector: u8, text: String| {
        let mut v = vec![selector];
        v.extend(text.into_bytes());
        v
    };
    match (target, shape) {
        ("agreement_toml", "most-sub-processors") => most_sub_processors().into_bytes(),
        ("agreement_toml", "worst-transfers") => worst_transfers().into_bytes(),
        ("agreement_toml", "deepest") => deep_toml(at_depth).into_bytes(),
        ("agreement_toml", "too-deep") => deep_toml(100_000).into_bytes(),
        ("agreement_json", "most-sub-processors") => {
            dpa_core::Agreement::from_toml(&most_sub_processors())
                .and_then(|a| a.to_json())
                .unwrap_or_default()
                .into_bytes()
        }
        ("agreement_json", "deepest") => deep_json(at_depth).into_bytes(),
        ("agreement_json", "too-deep") => deep_json(1_000_000).into_bytes(),
        ("events", "notices-without-breach") => notices_without_breach().into_bytes(),
        ("events", "mixed") => mixed_events().into_bytes(),
        ("events", "deepest") => deep_json(at_depth).into_bytes(),
        ("ffi", "most-sub-processors") => ffi(0, most_sub_processors()),
        ("ffi", "notices-without-breach") => ffi(3, notices_without_breach()),
        ("ffi", "deepest") => ffi(1, deep_json(at_depth)),
        ("add_months", "extremes") => vec![0xff; 9],
        ("add_months", "zero") => vec![0; 9],
        _ => Vec::new(),
    }
}

const TARGETS: [&str; 5] = [
    "agreement_toml",
    "agreement_json",
    "events",
    "ffi",
    "add_months",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for t in TARGETS {
            for shape in shapes(t) {
                println!("{t} {shape}");
            }
        }
        return;
    }
    let Some(target) = args.first() else {
        eprintln!("usage: worst_inputs TARGET [SHAPE] | --list");
        std::process::exit(2);
    };
    let run: fn(&[u8]) = match target.as_str() {
        "agreement_toml" => dpa_fuzz::agreement_toml,
        "agreement_json" => dpa_fuzz::agreement_json,
        "events" => dpa_fuzz::events,
        "ffi" => dpa_fuzz::ffi,
        "add_months" => dpa_fuzz::add_months,
        _ => {
            eprintln!("unknown target {target}");
            std::process::exit(2);
        }
    };
    for &shape in shapes(target) {
        if args.get(1).is_some_and(|s| s != shape) {
            continue;
        }
        let input = input(target, shape);
        let start = std::time::Instant::now();
        run(&input);
        println!(
            "{target} {shape}: {} bytes in {:.2} s",
            input.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
