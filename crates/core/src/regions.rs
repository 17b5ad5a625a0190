//! The 25 Dutch safety regions (veiligheidsregio's) with their usual codes VR01–VR25,
//! shipped as data.

use std::sync::LazyLock;

static CSV: &str = include_str!("../data/veiligheidsregios.csv");

/// One Dutch safety region (veiligheidsregio).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyRegion {
    /// The region's code, `VR01` to `VR25`.
    pub code: &'static str,
    /// The region's official name, e.g. `Utrecht`.
    pub name: &'static str,
}

static REGIONS: LazyLock<Vec<SafetyRegion>> = LazyLock::new(|| {
    CSV.lines()
        .skip(1)
        .filter_map(|line| line.split_once(','))
        .map(|(code, name)| SafetyRegion {
            code: code.trim(),
            name: name.trim(),
        })
        .collect()
});

/// All 25 safety regions, in the order of their codes.
pub fn all() -> &'static [SafetyRegion] {
    &REGIONS
}

/// Finds a region by code (`VR09`, `vr9`) or by exact name (`Utrecht`).
pub fn find(code_or_name: &str) -> Option<&'static SafetyRegion> {
    let q = code_or_name.trim();
    let normalised = q
        .to_ascii_uppercase()
        .strip_prefix("VR")
        .and_then(|n| n.parse::<u8>().ok())
        .map(|n| format!("VR{n:02}"));
    REGIONS
        .iter()
        .find(|r| Some(r.code) == normalised.as_deref() || r.name.eq_ignore_ascii_case(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_twenty_five_regions_with_unique_codes() {
        assert_eq!(all().len(), 25);
        let mut codes: Vec<_> = all().iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 25);
        assert_eq!(find("vr9").map(|r| r.name), Some("Utrecht"));
        assert_eq!(find("Fryslân").map(|r| r.code), Some("VR02"));
        assert_eq!(find("VR26"), None);
        assert_eq!(find(""), None);
    }
}
