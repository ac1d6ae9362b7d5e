//! The agreements that reach every branch of the date rules, shared by
//! dpa-core's schedule tests and dpa-arrow's batch tests (`#[path]`).

use dpa_core::Agreement;

/// The bundled agreements and variants of them that exercise every branch
/// of the date rules: the business-day rule, each month rule, a stated
/// backup cycle and backups within the term, a calendar audit period, and
/// zones east and west of UTC (the end of 9999-12-31 is outside the range
/// west of UTC).
pub(crate) fn agreements() -> Vec<(String, Agreement)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/agreements/");
    let text = |name: &str| {
        std::fs::read_to_string(format!("{dir}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let parse = |name: &str, text: &str| {
        Agreement::from_toml(text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut out = Vec::new();
    for name in [
        "belco.toml",
        "belco-1.2.2.toml",
        "alles-online.toml",
        "example-hosting-en.toml",
        "voorbeeld-webdiensten.toml",
    ] {
        out.push((name.to_owned(), parse(name, &text(name))));
    }
    let belco = text("belco.toml");
    let alles = text("alles-online.toml");
    let variants = [
        (
            "belco nl-atw",
            belco.replace("business_days = \"off\"", "business_days = \"nl-atw\""),
        ),
        (
            "belco sticky, Los Angeles",
            belco
                .replace(
                    "month_rule = \"clamp\"",
                    "month_rule = \"month-end-sticky\"",
                )
                .replace(
                    "time_zone = \"Europe/Amsterdam\"",
                    "time_zone = \"America/Los_Angeles\"",
                ),
        ),
        (
            "belco thirty-days, Kiritimati",
            belco
                .replace("month_rule = \"clamp\"", "month_rule = \"thirty-days\"")
                .replace(
                    "time_zone = \"Europe/Amsterdam\"",
                    "time_zone = \"Pacific/Kiritimati\"",
                ),
        ),
        (
            "belco within term, calendar year",
            belco
                .replace("backups = \"not-stated\"", "backups = \"within-term\"")
                .replace(
                    "period = \"rolling-12-months\"",
                    "period = \"calendar-year\"",
                ),
        ),
        (
            "alles cycle, nl-atw, Honolulu",
            alles
                .replace(
                    "backups = \"per-backup-cycle\"",
                    "backups = \"per-backup-cycle\"\nbackup_cycle = \"5 weeks\"",
                )
                .replace("business_days = \"off\"", "business_days = \"nl-atw\"")
                .replace(
                    "time_zone = \"Europe/Amsterdam\"",
                    "time_zone = \"Pacific/Honolulu\"",
                ),
        ),
    ];
    for (name, text) in variants {
        out.push((name.to_owned(), parse(name, &text)));
    }
    out
}
