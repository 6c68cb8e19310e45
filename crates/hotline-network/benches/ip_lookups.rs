//! IP database lookups on one core (the embedded database), over a fixed pseudo-random walk
//! of the IPv4 space.
//!
//! `cargo bench -p hotline-network --bench ip_lookups`

use std::net::{IpAddr, Ipv4Addr};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hotline_network::ipdb::IpDb;

fn ip_lookups(c: &mut Criterion) {
    let db = IpDb::embedded().expect("the embedded IP database loads");
    let mut x: u32 = 0x9e37_79b9;
    let ips: Vec<IpAddr> = (0..1_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            IpAddr::V4(Ipv4Addr::from(x))
        })
        .collect();
    let mut group = c.benchmark_group("ip database");
    group.throughput(Throughput::Elements(ips.len() as u64));
    group.bench_function("1000 random IPv4 lookups", |b| {
        b.iter(|| {
            for ip in &ips {
                std::hint::black_box(db.lookup(std::hint::black_box(*ip)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, ip_lookups);
criterion_main!(benches);
