//! Canonicalisation of reported addresses (docs/SPEC.md §3), on one core: typical addresses, and a
//! mix of every awkward form reporters send (upper case, IDN, obfuscated numeric hosts,
//! user-info, percent-encoding, backslashes, bare hosts).
//!
//! `cargo bench -p hotline-domain --bench canonical`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hotline_domain::CanonicalAddress;

/// What most reports carry.
const TYPICAL: &[&str] = &[
    "https://www.example.com/gallery/index.php?id=42",
    "http://example.com/a/b.jpg",
    "https://img.example.net/x/y/z.png",
    "example.org/photos/123",
    "https://forum.example.test/thread/55?page=2",
    "http://198.51.100.7/a.jpg",
    "https://cdn.example.com/u/abc123/def.jpg",
    "https://www.example.co.uk/path/",
];

/// Every awkward form at once.
const AWKWARD: &[&str] = &[
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
    for (name, inputs) in [("typical", TYPICAL), ("awkward", AWKWARD)] {
        group.throughput(Throughput::Elements(inputs.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for input in inputs {
                    let parsed = CanonicalAddress::parse(std::hint::black_box(input));
                    std::hint::black_box(parsed.ok());
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, canonicalisation);
criterion_main!(benches);
