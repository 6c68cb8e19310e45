//! The JSON API's report body, decoded and checked as `POST /api/v1/reports` does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(report) = hotline_web::fuzzing::json_report(body) {
        assert!(
            !report.addresses.is_empty(),
            "a valid report names an address"
        );
    }
});
