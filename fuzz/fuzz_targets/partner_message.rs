//! Partner messages: a forged signature never passes, and a genuine one survives only intact.
#![no_main]

use hotline_store::Keyring;
use libfuzzer_sys::fuzz_target;
use time::OffsetDateTime;

fuzz_target!(|data: &[u8]| {
    let keys = Keyring::for_tests(7);
    let public = keys.signing_public_hex();
    let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).expect("a valid time");
    // Hostile: the first line is the claimed signature, the rest the body.
    let split = data.iter().position(|b| *b == b'\n').unwrap_or(data.len());
    let (sig, body) = data.split_at(split);
    let body = body.get(1..).unwrap_or_default();
    let sig = String::from_utf8_lossy(sig);
    let forged = hotline_web::fuzzing::partner_message(&public, body, &sig, now);
    if forged.is_ok() {
        assert_eq!(
            sig.trim().to_ascii_lowercase(),
            keys.sign(body),
            "only our own signature can pass"
        );
    }
    // Genuine: signed by the key, so only the body's shape and time can refuse it; any
    // flipped byte breaks the signature.
    let genuine = keys.sign(data);
    let _ = hotline_web::fuzzing::partner_message(&public, data, &genuine, now);
    if let Some(first) = data.first() {
        let mut tampered = data.to_vec();
        tampered[0] = first ^ 1;
        assert!(
            hotline_web::fuzzing::partner_message(&public, &tampered, &genuine, now) != Ok(()),
            "a tampered body must not verify"
        );
    }
});
