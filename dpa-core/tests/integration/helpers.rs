//! What the tests share: the bundled example agreements and events, read
//! and parsed.

use std::path::PathBuf;

use dpa_core::Agreement;

/// The directory of the bundled examples (`examples/` at the workspace root).
pub(crate) fn examples() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"))
}

/// The text of `examples/agreements/{name}`.
pub(crate) fn text(name: &str) -> String {
    let path = examples().join("agreements").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The agreement `examples/agreements/{name}` (TOML).
pub(crate) fn load(name: &str) -> Agreement {
    Agreement::from_toml(&text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Belco B.V.'s agreement (Data Pro Statement 1.3, seed 000).
pub(crate) fn belco() -> Agreement {
    load("belco.toml")
}

/// Alles Online B.V.'s agreement (Data Pro Statement 1.0, seed 004).
pub(crate) fn alles() -> Agreement {
    load("alles-online.toml")
}

/// A writer that takes `room` bytes, then fails with `kind` (a full disk,
/// a closed pipe).
pub(crate) struct Failing {
    pub(crate) room: usize,
    pub(crate) kind: std::io::ErrorKind,
}

impl std::io::Write for Failing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.room {
            return Err(std::io::Error::from(self.kind));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
