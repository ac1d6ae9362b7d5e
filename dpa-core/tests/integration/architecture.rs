//! The shape of `dpa-core` (docs/architecture.md): its top-level modules
//! import each other without a cycle, no source file grows past 1,000 lines
//! unless doc comments are most of it, and every integration test names the
//! source of what it expects in a `/// Source:` line. (Functions over 120
//! lines are refused by `clippy::too_many_lines`, enabled in the workspace
//! lints with the threshold in clippy.toml.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The integration-test trees whose tests must name their source: this
/// crate's, the command's (`dpa-cli/tests/cli`) and libdpa's
/// (`dpa-ffi/tests/abi`).
fn test_trees() -> Vec<PathBuf> {
    [
        "dpa-core/tests/integration",
        "dpa-cli/tests/cli",
        "dpa-ffi/tests/abi",
    ]
    .iter()
    .map(|tree| workspace().join(tree))
    .collect()
}

/// The workspace root, above this crate.
fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("dpa-core is in the workspace")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("{} is not readable: {e}", d.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The top-level module a file belongs to: `check` for `src/check/terms.rs`
/// and for `src/check.rs`; `None` for the crate root (`lib.rs`, `main.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).expect("a file under src");
    let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => None,
        Some(m) => Some(m.to_owned()),
        None => Some(first),
    }
}

/// The code of a file without comments and without its unit tests (what
/// follows the first `#[cfg(test)]`: test modules may reach across, as the
/// integration tests do).
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" // ").next().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The root's re-exports (`pub use finding::{Finding, ...}`): which module a
/// name used as `crate::Name` comes from.
fn root_names(src: &Path) -> BTreeMap<String, String> {
    let root = ["lib.rs", "main.rs"]
        .iter()
        .map(|f| src.join(f))
        .find(|p| p.exists())
        .expect("a crate root");
    let lib = std::fs::read_to_string(root).expect("the crate root");
    let mut names = BTreeMap::new();
    for line in code(&lib).lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let (module, items) = rest.split_once("::").unwrap_or((rest, ""));
        let items = items.trim_end_matches(';').trim_matches(['{', '}']);
        for item in items.split(',') {
            let name = item.trim().rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), module.to_owned());
            }
        }
    }
    names
}

/// The top-level modules each module's code names through `crate::`.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let roots = root_names(src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let Some(module) = module_of(src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        let deps = graph.entry(module.clone()).or_default();
        let code = code(&text);
        for (i, _) in code.match_indices("crate::") {
            // `$crate::` in a macro is the root too.
            let rest = &code[i + "crate::".len()..];
            let mut names: Vec<String> = Vec::new();
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a::B, c};`
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for part in group.split(',') {
                    names.push(part.trim().split("::").next().unwrap_or("").to_owned());
                }
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                names.push(rest[..end].to_owned());
            }
            for name in names.into_iter().filter(|n| !n.is_empty()) {
                let target = roots.get(&name).cloned().unwrap_or(name);
                if target != module {
                    deps.insert(target);
                }
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for d in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

/// The modules form layers, so no module depends on one that depends on it.
/// Source: docs/architecture.md, "The folders of `dpa-core/src`" ("a module
/// imports only modules above it in this list").
#[test]
fn top_level_modules_have_no_import_cycle() {
    let graph = imports(&src());
    assert!(graph.contains_key("finding") && graph.contains_key("report"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" -> "));
    }
    // The bindings' modules too (libdpa's boundary and types, the wheel's
    // agreement and the classes of its answers once imported each other).
    for crate_dir in ["dpa-ffi", "dpa-py", "dpa-cli"] {
        let graph = imports(&workspace().join(crate_dir).join("src"));
        if let Some(cycle) = find_cycle(&graph) {
            panic!("import cycle in {crate_dir}: {}", cycle.join(" -> "));
        }
    }
    // The leaves every rule uses depend on no rule.
    for leaf in ["error", "limits", "finding", "citation", "format", "macros"] {
        let deps = &graph[leaf];
        for rule in [
            "check",
            "deadline",
            "timeline",
            "transfers",
            "diff",
            "report",
        ] {
            assert!(!deps.contains(rule), "{leaf} imports {rule}");
        }
    }
}

/// The cycle finder finds a cycle (so that the test above would fail).
/// Source: docs/architecture.md, "The folders of `dpa-core/src`" (the test
/// above fails on an import cycle between top-level modules).
#[test]
fn a_cycle_is_found() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

/// A file over 1,000 lines is split unless doc comments are most of it (a
/// table documented row by row).
/// Source: docs/architecture.md ("No file is over 1,000 lines unless doc
/// comments are most of it").
#[test]
fn no_source_file_over_1000_lines() {
    let mut long = Vec::new();
    for file in rust_files(&src()) {
        let text = std::fs::read_to_string(&file).expect("a source file");
        let lines = text.lines().count();
        let docs = text
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                t.starts_with("///") || t.starts_with("//!")
            })
            .count();
        if lines > 1000 && docs * 2 <= lines {
            long.push(format!(
                "{} ({lines} lines, {docs} of docs)",
                file.display()
            ));
        }
    }
    assert!(long.is_empty(), "too long: {long:#?}");
}

/// The tests in `text`, as (name, whether the doc comment right above names
/// a source): every `#[test]` function, also inside `proptest!`. Attributes
/// between the doc comment and `#[test]` are skipped; a source is a line
/// `/// Source: ...` with something after the colon.
fn tests_and_sources(text: &str) -> Vec<(String, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != "#[test]" {
            continue;
        }
        let name = lines[i + 1..]
            .iter()
            .find_map(|l| {
                let rest = &l[l.find("fn ")? + "fn ".len()..];
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                Some(rest[..end].to_owned())
            })
            .unwrap_or_else(|| format!("the test at line {}", i + 1));
        let sourced = lines[..i]
            .iter()
            .rev()
            .map(|l| l.trim_start())
            .skip_while(|l| l.starts_with("#["))
            .take_while(|l| l.starts_with("///"))
            .any(|l| {
                l.strip_prefix("/// Source:")
                    .is_some_and(|rest| !rest.trim().is_empty())
            });
        out.push((name, sourced));
    }
    out
}

/// Every test of dpa-core's and dpa-cli's integration tests (`test_trees`)
/// names where its expected value comes from, in a `/// Source:` line of its
/// doc comment.
/// Source: docs/architecture.md, "Tests" ("A rule test names its source in a
/// `/// Source:` line") and "Where new work goes".
#[test]
fn every_integration_test_names_its_source() {
    let mut missing = Vec::new();
    for tree in test_trees() {
        let mut tests = 0;
        for file in rust_files(&tree) {
            let text = std::fs::read_to_string(&file).expect("a test file");
            for (name, sourced) in tests_and_sources(&text) {
                tests += 1;
                if !sourced {
                    let file = file.strip_prefix(workspace()).unwrap_or(&file);
                    missing.push(format!("{}: {name}", file.display()));
                }
            }
        }
        assert!(tests > 0, "no tests found under {}", tree.display());
    }
    assert!(
        missing.is_empty(),
        "tests without a `/// Source:` line in their doc comment: {missing:#?}"
    );
}

/// The source finder tells a test with a `/// Source:` line from one without
/// (a doc comment without it, none at all, an empty source, or a source
/// above another item), past attributes and inside `proptest!`, so that the
/// test above would fail.
/// Source: docs/architecture.md, "Tests" ("A rule test names its source in a
/// `/// Source:` line").
#[test]
fn a_test_without_a_source_is_found() {
    let text = "/// Checks a.\n/// Source: Belco DPS 1.11.\n#[test]\nfn a() {}\n\n\
                /// Checks b.\n#[test]\nfn b() {}\n\n\
                #[test]\nfn c() {}\n\n\
                /// Source:\n#[test]\nfn d() {}\n\n\
                /// Source: GDPR art. 33(1).\nfn helper() {}\n#[test]\nfn e() {}\n\n\
                /// Checks f.\n/// Source: Atw art. 3.\n#[test]\n#[ignore = \"slow\"]\nfn f() {}\n\n\
                /// Source: README.\n#[cfg(unix)]\n#[test]\nfn g() {}\n\n\
                proptest! {\n    /// Source: docs/rules.md rule 1.\n    #[test]\n    fn h(x in 0..1) {}\n}\n";
    let expected = [
        ("a", true),
        ("b", false),
        ("c", false),
        ("d", false),
        ("e", false),
        ("f", true),
        ("g", true),
        ("h", true),
    ]
    .map(|(name, sourced)| (name.to_owned(), sourced));
    assert_eq!(tests_and_sources(text), expected);
}
