//! Where the command's output goes: a standard output or error that cannot
//! be written is exit code 2, never a panic or a silent success; a closed
//! pipe is a quiet success; text from a file cannot steer the terminal.

use std::fs::File;
use std::process::{Command, Output, Stdio};

use crate::helpers::{Scratch, belco_text, dpa, examples, stderr, stdout};

/// The command with `args`, its stdout and stderr set by the caller.
fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dpa"));
    c.args(args);
    c
}

/// `/dev/full`: every write fails with "no space left on device".
fn full() -> File {
    File::options().write(true).open("/dev/full").unwrap()
}

/// Belco's agreement file, as the command takes it.
fn belco() -> String {
    examples().join("belco.toml").to_str().unwrap().to_owned()
}

/// Standard error that cannot be written (`2>/dev/full`): an input error
/// still exits 2, and a run that writes nothing to stderr exits as it would;
/// never 101, a panic.
/// Source: README "Exit codes" (2: the input cannot be read; output that
/// cannot be written).
#[test]
fn stderr_that_cannot_be_written_is_not_a_panic() {
    let o = command(&["check", "no-such-file.toml"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = command(&["show", &belco()])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("Belco B.V.\n"));
    // A usage error that cannot be printed exits 2 all the same.
    let o = command(&["no-such-command"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Standard output that cannot be written (`>/dev/full`) exits 2 and says so
/// on stderr, for text, JSON and help alike; with stderr full too, still 2.
/// Source: README "Exit codes" (2: output that cannot be written).
#[test]
fn stdout_that_cannot_be_written_is_exit_2() {
    for args in [
        vec!["show", belco().as_str()]
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>(),
        vec!["check".into(), belco(), "--format".into(), "json".into()],
        vec![
            "transfers".into(),
            belco(),
            "--format".into(),
            "json".into(),
        ],
        vec!["transfers".into(), belco()],
        vec!["schema".into()],
        vec!["--help".into()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = command(&args).stdout(full()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with("dpa: error: cannot write output: "),
            "{args:?}: {}",
            stderr(&o)
        );
        let o = command(&args)
            .stdout(full())
            .stderr(full())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

/// Standard output closed (`>&-`) exits 2 and says so: the output is not
/// silently lost; `>/dev/null` is output discarded by choice and exits 0.
/// Source: README "Exit codes" (2: output that cannot be written; a closed
/// standard output).
#[test]
fn closed_stdout_is_exit_2() {
    let o = Command::new("sh")
        .args(["-c", "exec \"$0\" show \"$1\" >&-"])
        .args([env!("CARGO_BIN_EXE_dpa"), &belco()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot write output: standard output is closed"),
        "{}",
        stderr(&o)
    );
    let o = command(&["show", &belco()])
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A pipe whose reader has gone (`dpa show x | head`) is a quiet success:
/// exit code as if it had been read (0; 1 for a failing check), nothing on
/// stderr.
/// Source: README "Exit codes" (a closed pipe on standard output).
#[test]
fn closed_pipe_is_a_quiet_success() {
    for (args, code) in [
        (vec!["show".to_owned(), belco()], 0),
        (vec!["schema".to_owned()], 0),
        (
            [
                "transfers",
                &belco(),
                "--on",
                "2026-11-23",
                "--format",
                "json",
            ]
            .map(str::to_owned)
            .to_vec(),
            0,
        ),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = command(&args).stdout(writer).output().unwrap();
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

/// Text from the file is printed with the characters that steer a terminal
/// escaped (`\u{1b}`), by `show`, `check`, `transfers`, `diff`, `deadlines`
/// and in error messages; JSON escapes the C0 controls itself.
/// Source: `dpa_core::report::terminal_safe` (which characters, and why the
/// command escapes them rather than the reports' `Display`); ECMA-48
/// (C0 and C1 control functions).
#[test]
fn text_from_the_file_cannot_steer_the_terminal() {
    let hostile = belco_text()
        .replacen(
            "name = \"Belco B.V.\"",
            "name = \"Belco\\u001b]0;owned\\u0007\\u001b[2J B.V.\\r\\u009b\\u202e\"",
            1,
        )
        .replacen(
            "name = \"Amazon, Inc.\"",
            "name = \"Amazon\\u001b[8m, Inc.\"",
            1,
        );
    let f = Scratch::new("hostile.toml", hostile.as_bytes());
    let events = Scratch::new(
        "hostile-events.toml",
        b"[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00+01:00\nid = \"B\\u001b[2J\"\n",
    );
    let runs: Vec<Output> = vec![
        dpa(&["show", f.path()]),
        dpa(&["check", f.path(), "--at", "2026-06-01"]),
        dpa(&["transfers", f.path(), "--on", "2026-06-01"]),
        dpa(&["diff", &belco(), f.path()]),
        dpa(&[
            "deadlines",
            f.path(),
            "--events",
            events.path(),
            "--at",
            "2026-06-01",
        ]),
    ];
    let json = dpa(&["show", f.path(), "--format", "json"]);
    for o in runs.iter().chain([&json]) {
        for byte in [0x1b, 0x07, b'\r'] {
            assert!(!o.stdout.contains(&byte), "{byte:#x} in {}", stdout(o));
            assert!(!o.stderr.contains(&byte), "{byte:#x} in {}", stderr(o));
        }
    }
    // JSON keeps the file's text, with C0 controls escaped as JSON does
    // (checked above): a program reads it, and it is libdpa's JSON byte for
    // byte. Text escapes the rest too.
    for o in &runs {
        for c in ['\u{9b}', '\u{202e}'] {
            assert!(!stdout(o).contains(c), "{c:?} in {}", stdout(o));
        }
    }
    let shown = stdout(&runs[0]);
    assert!(
        shown.starts_with("Belco\\u{1b}]0;owned\\u{7}\\u{1b}[2J B.V.\\u{d}\\u{9b}\\u{202e}\n"),
        "{shown}"
    );
    assert!(stdout(&runs[1]).contains("Amazon\\u{1b}[8m, Inc."));
    assert!(
        stdout(&runs[4]).contains("B\\u{1b}[2J"),
        "{}",
        stdout(&runs[4])
    );
    // An error message quoting the file.
    let bad = Scratch::new("bad-key.toml", b"dpa_format = 1\n\"\\u001b[31m\" = 1\n");
    let o = dpa(&["check", bad.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&0x1b), "{}", stderr(&o));
}
