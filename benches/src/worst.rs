//! The worst accepted agreement for the transfers assessment: many
//! sub-processors, each reached from many distinct countries outside the
//! EEA and claiming many distinct transfer bases.
//!
//! Plain Rust with no dependency, so that the tests of `dpa-core`, the
//! command and libdpa include this very file (`#[path]`) and build the same
//! agreement at a small scale, while `benches/` builds it at the largest
//! scale the input limits allow (`dpa_benches::worst_transfers_agreement`).

/// A copy of `seed` (an agreement in TOML with its sub-processors listed
/// as `[[statement.sub_processors]]` tables before
/// `[statement.data_subject_requests]`, as `alles-online.toml` is) whose
/// sub-processors are replaced by `sub_processors` generated ones. Each is
/// seated in the US, processes data in the EU, may be accessed from every
/// one of `countries` (`access_from`) and claims every one of `bases`,
/// written compactly (as small as the input can be for that many facts).
/// Returns `None` if `seed` is not laid out so.
///
/// The countries are given as `access_from` rather than as locations
/// because that is the larger answer for the same input: the findings name
/// each such country with "(access from there)" (on 2026-12-05, with 50
/// sub-processors, `check` wrote 1.67 times and `transfers` 1.25 times
/// what the same countries as locations gave).
pub fn worst_transfers_toml(
    seed: &str,
    sub_processors: usize,
    countries: &[&str],
    bases: &[&str],
) -> Option<String> {
    let start = seed.find("[[statement.sub_processors]]")?;
    let end = seed.find("[statement.data_subject_requests]")?;
    if end < start {
        return None;
    }
    let list = |items: &[&str]| {
        let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
        format!("[{}]", quoted.join(","))
    };
    let reached = list(countries);
    let claimed = list(bases);
    let mut out =
        String::with_capacity(seed.len() + sub_processors * (reached.len() + claimed.len() + 140));
    out.push_str(&seed[..start]);
    for i in 0..sub_processors {
        out.push_str(&format!(
            "[[statement.sub_processors]]\nname=\"S{i}\"\npurpose=\"p\"\nseat=\"US\"\nlocations=[\"EU\"]\naccess_from={reached}\ntransfer_bases={claimed}\nengagement=\"always\"\nsource=[\"DPS 9\"]\n"
        ));
    }
    out.push_str(&seed[end..]);
    Some(out)
}

/// The worst agreement of [`worst_transfers_toml`]'s shape that `accepted`
/// takes: the most transfer bases first (all of `bases`, then one fewer, ...),
/// each with as many sub-processors, up to `max_sub_processors`, as keep the
/// text within `max_values` values as `values` counts them (the TOML value
/// limit). Returns the text, the sub-processors and the bases claimed.
pub fn worst_transfers_fitting(
    seed: &str,
    max_sub_processors: usize,
    countries: &[&str],
    bases: &[&str],
    max_values: usize,
    values: impl Fn(&str) -> usize,
    accepted: impl Fn(&str) -> bool,
) -> Option<(String, usize, usize)> {
    for k in (0..=bases.len()).rev() {
        let claimed = &bases[..k];
        let none = values(&worst_transfers_toml(seed, 0, countries, claimed)?);
        let one = values(&worst_transfers_toml(seed, 1, countries, claimed)?);
        let each = one.saturating_sub(none).max(1);
        let n = max_sub_processors.min(max_values.saturating_sub(none) / each);
        let text = worst_transfers_toml(seed, n, countries, claimed)?;
        if accepted(&text) {
            return Some((text, n, k));
        }
    }
    None
}
