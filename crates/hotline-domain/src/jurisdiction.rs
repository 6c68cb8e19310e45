//! What differs between countries and is decided by the deployment, not by code.

use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 country code in its canonical (upper-case) form, or `None` when
/// `s` is not two ASCII letters. Whether the code is assigned is not checked: IP databases
/// and partners use the codes as they come.
pub fn country_code(s: &str) -> Option<String> {
    let s = s.trim();
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())).then(|| s.to_ascii_uppercase())
}

/// Who sends notices to hosts in the hotline's own country (docs/SPEC.md §1, config
/// `national.takedown_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TakedownBy {
    /// The hotline, after police clearance or when the objection window has passed
    /// (the UK, the Netherlands).
    Hotline,
    /// The police, after a magistrate's order (Belgium).
    #[default]
    Police,
}

#[cfg(test)]
mod country_tests {
    use super::country_code;

    #[test]
    fn country_codes_are_two_letters_in_upper_case() {
        assert_eq!(country_code(" nl ").as_deref(), Some("NL"));
        assert_eq!(country_code("BE").as_deref(), Some("BE"));
        for bad in ["", "N", "NLD", "Netherlands", "N1", "ÑL"] {
            assert_eq!(country_code(bad), None, "{bad}");
        }
    }
}
