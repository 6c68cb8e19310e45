//! Canonicalising a reported address: never panics, the canonical form is a fixed point, and
//! the shortcut for simple addresses gives exactly what the full WHATWG parse gives.
#![no_main]

use hotline_domain::CanonicalAddress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let parsed = CanonicalAddress::parse(input);
    assert_eq!(
        parsed,
        CanonicalAddress::parse_without_shortcut(input),
        "the shortcut disagrees with the WHATWG parse"
    );
    if let Ok(a) = parsed {
        let _ = a.defanged();
        if let Ok(again) = CanonicalAddress::parse(&a.canonical) {
            assert_eq!(again.canonical, a.canonical, "canonical form is not stable");
        }
    }
});
