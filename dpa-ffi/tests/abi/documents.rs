//! Reading agreements: from text with codes and paths on errors, and from a
//! file (`dpa_agreement_from_file`).

use std::ptr;

use dpa::*;

use crate::helpers::{BELCO, due_text, free, last_message, last_path, sentinel};

/// A document that does not parse or is not valid gives its status, the field path and the position.
/// Source: docs/c-and-php.md (errors: the status, `dpa_last_error_path`),
/// include/dpa.h (`DPA_STATUS_PARSE_ERROR`, `DPA_STATUS_INVALID_VALUE`).
#[test]
fn parse_errors_have_codes_and_paths() {
    let mut out = ptr::null_mut();
    let cases: [(&[u8], dpa_status, &str); 5] = [
        (b"dpa_format = 1\n# \xff\n", dpa_status::InvalidUtf8, "text"),
        (b"dpa_format = 1\n[rules\n", dpa_status::ParseError, ""),
        (
            b"dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n",
            dpa_status::InvalidValue,
            "rules.month_rul",
        ),
        (b"", dpa_status::InvalidValue, ""),
        (b"{}", dpa_status::ParseError, ""),
    ];
    for (text, status, path) in cases {
        // SAFETY: `text` is valid for its length.
        let st = unsafe { dpa_agreement_from_toml(text.as_ptr().cast(), text.len(), &mut out) };
        assert_eq!(
            st,
            status,
            "{:?}: {}",
            String::from_utf8_lossy(text),
            last_message()
        );
        assert!(out.is_null());
        assert_eq!(last_path(), path);
        assert!(!last_message().is_empty());
    }
    // A seat in lower case: the message names the field and the line.
    let bad = BELCO.replacen("seat = \"US\"", "seat = \"us\"", 1);
    // SAFETY: as above.
    let st = unsafe { dpa_agreement_from_toml(bad.as_ptr().cast(), bad.len(), &mut out) };
    assert_eq!(st, dpa_status::InvalidValue);
    let path = last_path();
    assert!(path.starts_with("statement.sub_processors[") && path.ends_with("].seat"));
    assert!(last_message().contains("line "), "{}", last_message());
}

/// `dpa_agreement_from_file` reads as the command reads: the format by the
/// name's extension in any case, else by the text; at most 16 MiB, also
/// from a device that never ends; an unreadable file is `IO_ERROR`. The
/// handle is written only on success.
/// Source: `dpa_core::document::read_file` and `Format::of_file_name` (the
/// one bounded read and format rule), README "Invariants and limits".
#[test]
fn agreement_from_file() {
    let dir = std::env::temp_dir().join(format!("dpa-abi-from-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dpa_core::Agreement::from_toml(BELCO)
        .unwrap()
        .to_json()
        .unwrap();
    let files = [
        ("belco.toml", BELCO.to_owned()),
        ("belco.TOML", BELCO.to_owned()),
        ("belco.txt", BELCO.to_owned()),
        ("BELCO.JSON", json.clone()),
        ("belco-json.txt", json.clone()),
        ("no-extension", BELCO.to_owned()),
    ];
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let path = path.to_str().unwrap();
        let mut a = ptr::null_mut();
        // SAFETY: `path` is valid for its length; `a` is a valid out-pointer.
        let st = unsafe { dpa_agreement_from_file(path.as_ptr().cast(), path.len(), &mut a) };
        assert_eq!(st, dpa_status::Ok, "{name}: {}", last_message());
        let mut d = sentinel();
        // SAFETY: `a` is a live handle.
        let st = unsafe { dpa_agreement_deletion_deadline(a, 2026, 11, 30, &mut d) };
        assert_eq!(st, dpa_status::Ok);
        assert_eq!(due_text(&d), "2027-02-28", "{name}");
        free(a);
    }
    // The name says JSON, the text is TOML: read as JSON, so refused as text
    // that is not JSON (`DPA_STATUS_PARSE_ERROR`).
    let toml_as_json = dir.join("toml.json");
    std::fs::write(&toml_as_json, BELCO).unwrap();
    // A regular file one byte over the limit.
    let big = dir.join("big.toml");
    std::fs::write(&big, vec![b' '; dpa_core::limits::MAX_DOCUMENT_BYTES + 1]).unwrap();
    let sentinel_handle = 0x10 as *mut dpa_agreement;
    for (path, status, path_arg) in [
        (dir.join("missing.toml"), dpa_status::IoError, "path"),
        (dir.clone(), dpa_status::IoError, "path"),
        (toml_as_json, dpa_status::ParseError, ""),
        (big, dpa_status::TooLarge, "path"),
        ("/dev/zero".into(), dpa_status::TooLarge, "path"),
    ] {
        if !path.exists() && status != dpa_status::IoError {
            continue;
        }
        let path = path.to_str().unwrap();
        let mut a = sentinel_handle;
        let started = std::time::Instant::now();
        // SAFETY: as above.
        let st = unsafe { dpa_agreement_from_file(path.as_ptr().cast(), path.len(), &mut a) };
        assert_eq!(st, status, "{path}: {}", last_message());
        assert_eq!(a, sentinel_handle, "{path}");
        assert!(last_path().starts_with(path_arg), "{path}: {}", last_path());
        assert!(started.elapsed().as_secs() < 10, "{path}");
    }
    assert!(last_message().contains("16777216"), "{}", last_message());
    // NULL and bad arguments.
    let mut a = sentinel_handle;
    // SAFETY: NULL where the library must refuse it; the rest valid.
    unsafe {
        assert_eq!(
            dpa_agreement_from_file(ptr::null(), 0, &mut a),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "path");
        let p = "x.toml";
        assert_eq!(
            dpa_agreement_from_file(p.as_ptr().cast(), p.len(), ptr::null_mut()),
            dpa_status::NullArgument
        );
        assert_eq!(last_path(), "out");
        let bad = b"\xff.toml";
        assert_eq!(
            dpa_agreement_from_file(bad.as_ptr().cast(), bad.len(), &mut a),
            dpa_status::InvalidUtf8
        );
        assert_eq!(last_path(), "path");
    }
    assert_eq!(a, sentinel_handle);
    std::fs::remove_dir_all(&dir).unwrap();
}
