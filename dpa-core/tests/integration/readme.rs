//! The README's findings catalogue lists every finding code with its severity.

use dpa_core::FindingCode;

/// Every finding code is a row of the README's catalogue with its severity, and
/// no row names a code that does not exist.
/// Source: README "Findings catalogue".
#[test]
fn readme_catalogue_lists_every_code() {
    let readme = include_str!("../../../README.md");
    for code in FindingCode::ALL {
        let row = format!("| `{}` | {} |", code.as_str(), code.severity());
        assert!(
            readme.contains(&row),
            "README.md lacks the row starting {row}"
        );
    }
    let rows = readme
        .lines()
        .filter(|l| {
            l.starts_with("| `")
                && (l.contains("| error |") || l.contains("| warning |") || l.contains("| info |"))
        })
        .count();
    assert_eq!(
        rows,
        FindingCode::ALL.len(),
        "README.md lists codes that do not exist"
    );
}
