//! The public report form's body, decoded and checked as `POST /{lang}/report` does.
#![no_main]

use hotline_domain::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(report) = hotline_web::fuzzing::form_report(body, Language::En) {
        assert!(
            !report.addresses.is_empty(),
            "a valid report names an address"
        );
    }
});
