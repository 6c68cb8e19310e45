//! Canonicalising a reported address: never panics, and the canonical form is a fixed point.
#![no_main]

use hotline_domain::CanonicalAddress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(a) = CanonicalAddress::parse(input) {
        let _ = a.defanged();
        if let Ok(again) = CanonicalAddress::parse(&a.canonical) {
            assert_eq!(again.canonical, a.canonical, "canonical form is not stable");
        }
    }
});
