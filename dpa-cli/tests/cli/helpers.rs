//! What the command's tests share: running `dpa`, its output as text, the
//! bundled examples, scratch files, and the check of an input it refuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The bundled example agreements (`examples/agreements/`).
pub(crate) fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/agreements")
}

/// Runs the `dpa` command with `args` and returns what it did.
pub(crate) fn dpa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpa"))
        .args(args)
        .output()
        .unwrap()
}

/// What the command printed on stdout.
pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// What the command printed on stderr.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch file with `contents`, removed when dropped.
pub(crate) struct Scratch(PathBuf);

impl Scratch {
    /// Writes `contents` to `name` in this test run's scratch directory.
    pub(crate) fn new(name: &str, contents: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dpa-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, contents).unwrap();
        Scratch(p)
    }

    /// The file's path, as the command takes it.
    pub(crate) fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The text of `examples/agreements/belco.toml`.
pub(crate) fn belco_text() -> String {
    std::fs::read_to_string(examples().join("belco.toml")).unwrap()
}

/// Runs `dpa check` on `contents` and returns stderr, asserting exit code 2.
pub(crate) fn check_fails(name: &str, contents: &[u8]) -> String {
    let f = Scratch::new(name, contents);
    let o = dpa(&["check", f.path()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(o.stdout.is_empty());
    assert!(err.starts_with("dpa: error: "), "{err}");
    assert!(err.contains(f.path()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}
