//! The header kept in step with the crate: every function and constant,
//! documented, and the source rules of the unsafe code.

use std::ffi::CStr;

use dpa::*;

use crate::helpers::HEADER;

/// The committed header is what cbindgen makes of the crate, and its version is the crate's.
/// Source: scripts/gen-c-headers.sh (the header is generated, never edited).
#[test]
fn header_matches_the_crate() {
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_MAJOR {}\n",
        env!("CARGO_PKG_VERSION_MAJOR")
    )));
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_MINOR {}\n",
        env!("CARGO_PKG_VERSION_MINOR")
    )));
    assert!(HEADER.contains(&format!(
        "#define DPA_VERSION_PATCH {}\n",
        env!("CARGO_PKG_VERSION_PATCH")
    )));
    assert!(HEADER.contains(&format!("#define DPA_ABI_VERSION {}\n", dpa_abi_version())));
    // SAFETY: a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(dpa_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

/// Every function the header declares has a doc comment right above it that
/// says what it returns or does.
/// Source: docs/c-and-php.md (the header is the reference: every function
/// documented).
#[test]
fn every_header_function_is_documented() {
    let lines: Vec<&str> = HEADER.lines().collect();
    let mut functions = 0;
    for (i, line) in lines.iter().enumerate() {
        let is_decl = !line.starts_with([' ', '#', '/', '}'])
            && !line.starts_with("typedef")
            && line.contains("dpa_")
            && line.contains('(');
        if !is_decl {
            continue;
        }
        functions += 1;
        assert!(
            i > 0 && lines[i - 1].trim_end() == " */",
            "undocumented function in dpa.h: {line}"
        );
        // The comment block says something about errors or what it returns.
        let start = lines[..i]
            .iter()
            .rposition(|l| l.starts_with("/**"))
            .unwrap();
        let doc = lines[start..i].join("\n");
        assert!(doc.len() > 80, "thin doc comment for {line}");
    }
    assert!(functions >= 39, "found only {functions} functions");
}

/// The crate source has no `unwrap()` or `expect(` (a panic there would be
/// caught, but it should not be possible), and every `unsafe` block is
/// explained.
/// Source: docs/c-and-php.md (`unsafe` only in dpa-ffi, each block with a
/// `// SAFETY:` line; no panic reaches C).
#[test]
fn source_rules() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for needle in [".unwrap()", ".expect("] {
            assert!(
                !text.contains(needle),
                "{} contains {needle}",
                path.display()
            );
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.contains("unsafe {") && !line.trim_start().starts_with("//") {
                let above = lines[..i]
                    .iter()
                    .rev()
                    .take(6)
                    .any(|l| l.contains("// SAFETY:"));
                assert!(
                    above || line.contains("// SAFETY:"),
                    "{}:{}: unsafe block without a SAFETY comment",
                    path.display(),
                    i + 1
                );
            }
        }
    }
}

/// Source: `dpa_core::document::sniff_format`, the one format guess. The
/// header once described `DPA_FORMAT_AUTO` as "`[` followed by `{`, `"`, `[`
/// or `]`", which reads `[ 1 ]` as TOML where the library reads JSON.
#[test]
fn the_header_describes_format_auto_as_the_library_guesses() {
    let start = HEADER.find("DPA_FORMAT_AUTO = 0").unwrap();
    let doc = &HEADER[HEADER[..start].rfind("/**").unwrap()..start];
    assert!(doc.contains("sniff_format"), "{doc}");
    assert!(doc.contains("table header"), "{doc}");
    assert!(!doc.contains("followed by"), "{doc}");
    assert_eq!(
        dpa_core::document::sniff_format("[ 1 ]"),
        dpa_core::Format::Json
    );
}
