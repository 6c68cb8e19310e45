//! Receipt hashing on one core: the keyed hash (HMAC-SHA256) under which every receipt is
//! stored and looked up. A fast keyed hash over 80 random bits, not a slow password KDF: the
//! receipt is unguessable by construction, so intake needs no global lock around a KDF.
//!
//! `cargo bench -p hotline-store --bench receipts`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hotline_domain::Receipt;
use hotline_store::Keyring;

fn receipt_hashing(c: &mut Criterion) {
    let keys = Keyring::for_tests(7);
    let receipts: Vec<Receipt> = (0u16..1_000)
        .map(|i| {
            let mut bytes = [0u8; 10];
            bytes[..2].copy_from_slice(&i.to_be_bytes());
            Receipt::from_random(bytes)
        })
        .collect();
    let mut group = c.benchmark_group("receipts");
    group.throughput(Throughput::Elements(receipts.len() as u64));
    group.bench_function("hash 1000 receipts", |b| {
        b.iter(|| {
            for r in &receipts {
                std::hint::black_box(keys.receipt_hash(std::hint::black_box(r)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, receipt_hashing);
criterion_main!(benches);
