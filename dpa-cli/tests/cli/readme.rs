//! The README's examples are real outputs of the command on the bundled files.

use super::helpers::{dpa, stdout};

/// The README as committed.
const README: &str = include_str!("../../../README.md");

/// Every `$ dpa ...` line of the README's `console` blocks (without a shell
/// redirection) prints exactly the lines the README shows under it (a
/// calendar's CRLF line ends shown as lines).
/// Source: README "The `dpa` command" (its console examples).
#[test]
fn readme_console_examples_are_real_outputs() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut checked = 0;
    for block in README.split("```console\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let mut lines = block.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(cmd) = line.strip_prefix("$ dpa ") else {
                continue;
            };
            let mut want = String::new();
            while let Some(l) = lines.next_if(|l| !l.starts_with("$ ")) {
                want.push_str(l);
                want.push('\n');
            }
            if cmd.contains('>') || cmd.contains('|') {
                continue;
            }
            let args: Vec<String> = cmd
                .split_whitespace()
                .map(|a| {
                    if a.starts_with("examples/") {
                        format!("{root}/{a}")
                    } else {
                        a.to_owned()
                    }
                })
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let mut got = stdout(&dpa(&args));
            if cmd.contains("--format ics") {
                // A calendar's lines end in CRLF (RFC 5545 §3.1); the README
                // shows them as lines.
                assert!(got.ends_with("\r\n") && !got.replace("\r\n", "").contains('\n'));
                got = got.replace("\r\n", "\n");
            }
            assert_eq!(got, want, "README example `dpa {cmd}`");
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} README examples found");
}

/// The README's `dpa check --format json` example is a finding the command
/// really prints for the file it names, field for field.
/// Source: README "The `dpa` command" (the `dpa check --format json` example);
/// Alles Online DPS 8, DPS 9 (Mailgun, EU-US Data Privacy Framework).
#[test]
fn readme_check_json_example_is_a_real_finding() {
    let intro = "`dpa check examples/agreements/alles-online.toml --format json` prints";
    let at = README.find(intro).expect("the README names the command");
    let rest = &README[at..];
    let json = &rest[rest.find("```json\n").unwrap() + 8..];
    let json = &json[..json.find("```").unwrap()];
    // The example shows the first finding and elides the rest with `...`.
    let shown = json.replace(", ...]}", "]}");
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/agreements/alles-online.toml"
    );
    let real: serde_json::Value =
        serde_json::from_str(&stdout(&dpa(&["check", file, "--format", "json"]))).unwrap();
    assert_eq!(shown["findings"][0], real["findings"][0]);
}
