//! Canonicalisation of reported addresses (SPEC §3), on one core, over a mix of the forms
//! reporters send: plain, upper-case, IDN, obfuscated numeric hosts, user-info,
//! percent-encoding, backslashes, bare hosts.
//!
//! `cargo bench -p hotline-domain --bench canonical`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hotline_domain::CanonicalAddress;

const MIX: &[&str] = &[
    "https://www.example.com/gallery/index.php?id=42",
    "HTTP://Example.COM:80/a/../b/./c",
    "example.com/path with spaces/é",
    "http://0xC0.0x00.0x02.0x01/x",
    "http://3221225985/",
    "https://user:secret@bücher.example/ä?q=1#frag",
    "http:\\\\example.com\\dir\\file.jpg",
    "https://shop.example.test/%7Euser/%41%42",
];

fn canonicalisation(c: &mut Criterion) {
    let mut group = c.benchmark_group("canonicalisation");
    group.throughput(Throughput::Elements(MIX.len() as u64));
    group.bench_function("mixed addresses", |b| {
        b.iter(|| {
            for input in MIX {
                let parsed = CanonicalAddress::parse(std::hint::black_box(input));
                std::hint::black_box(parsed.ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, canonicalisation);
criterion_main!(benches);
