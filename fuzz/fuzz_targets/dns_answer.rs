//! DNS answers as a hostile name server might send them: the bounds always hold.
#![no_main]

use hotline_network::dns::{MAX_ADDRESSES, MAX_CNAMES, absorb_wire};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|message: &[u8]| {
    if let Ok(r) = absorb_wire("example.test", message) {
        assert!(r.addresses.len() <= MAX_ADDRESSES);
        assert!(r.cname_chain.len() <= MAX_CNAMES);
    }
});
