//! RDAP answers as a (hostile) registry or hosting provider might write them.
#![no_main]

use std::net::{IpAddr, Ipv4Addr};

use hotline_network::rdap::{read_domain_answer, read_network_answer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let ip = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    let _ = read_network_answer(ip, "https://rdap.example.test/ip/192.0.2.1", body);
    let _ = read_domain_answer(
        "example.test",
        "https://rdap.example.test/domain/example.test",
        body,
    );
});
