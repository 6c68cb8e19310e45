//! How fast the tracer is: IP database lookups per second on one core, and full traces per
//! second (DNS, IP database, RDAP for the network and the domain) against a DNS server and an
//! RDAP server running on loopback in this process. Prints its figures.
//!
//! `cargo bench -p hotline-network --features test-servers --bench tracing`

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use hotline_network::NetworkPolicy;
use hotline_network::dns::Dns;
use hotline_network::ipdb::IpDb;
use hotline_network::rdap::{Bootstrap, RdapClient, RdapConfig};
use hotline_network::testing::{Rec, serve_zone};
use hotline_network::trace::Tracer;

const ARIN: &str = include_str!("../tests/fixtures/rdap/arin_network.json");
const DOMAIN: &str = include_str!("../tests/fixtures/rdap/domain.json");
const NAMES: u32 = 250;

fn lookups() {
    let db = IpDb::embedded().unwrap();
    // A fixed pseudo-random walk over the IPv4 space (no allocation in the loop but the
    // result's strings).
    let mut x: u32 = 0x9e37_79b9;
    let n = 2_000_000;
    let mut found = 0usize;
    let start = Instant::now();
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        if db.lookup(IpAddr::V4(Ipv4Addr::from(x))).is_some() {
            found += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "IP database: {:.2} M lookups/s on one core ({n} random IPv4 lookups in {secs:.2} s, {:.0}% found)",
        n as f64 / secs / 1e6,
        100.0 * found as f64 / n as f64
    );
}

async fn dns_server() -> SocketAddr {
    let records = (0..NAMES)
        .map(|i| {
            // Names live as long as the bench.
            let name: &'static str = Box::leak(format!("www{i}.example.test.").into_boxed_str());
            Rec::A(name, Ipv4Addr::new(192, 0, 2, (i % 254 + 1) as u8))
        })
        .collect();
    serve_zone("example.test.", records).await
}

async fn rdap_answer(uri: Uri) -> Response {
    let body = match uri.path() {
        p if p.starts_with("/ip/") => ARIN,
        p if p.starts_with("/domain/") => DOMAIN,
        _ => return (StatusCode::NOT_FOUND, "no").into_response(),
    };
    ([(header::CONTENT_TYPE, "application/rdap+json")], body).into_response()
}

async fn rdap_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(rdap_answer);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    base
}

async fn traces() {
    let dns_addr = dns_server().await;
    let base = rdap_server().await;
    let registry = |entry: &str| {
        format!(
            r#"{{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[[[{entry}],["{base}"]]]}}"#
        )
    };
    let empty = r#"{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}"#;
    let bootstrap = Bootstrap::from_json(
        &registry(r#""test""#),
        &registry(r#""192.0.2.0/24""#),
        empty,
        empty,
    )
    .unwrap()
    .with_fallback(None)
    .unwrap();
    let policy = NetworkPolicy {
        nameservers: vec![dns_addr.to_string()],
        allow_loopback_targets: true,
        ..NetworkPolicy::default()
    };
    for (label, cache) in [
        ("cold RDAP cache", Duration::ZERO),
        ("warm RDAP cache", Duration::from_secs(3600)),
    ] {
        let config = RdapConfig {
            max_requests_per_second_per_host: 0,
            cache_ttl: cache,
            ..RdapConfig::default()
        };
        let tracer = Arc::new(Tracer {
            dns: Some(Dns::new(&policy, Duration::from_secs(2)).unwrap()),
            ipdb: Arc::new(IpDb::embedded().unwrap()),
            rdap: Some(RdapClient::with_config(policy.clone(), bootstrap.clone(), config).unwrap()),
        });
        for concurrency in [1usize, 16] {
            let n = 1000usize;
            let start = Instant::now();
            let mut tasks = Vec::new();
            for w in 0..concurrency {
                let tracer = tracer.clone();
                tasks.push(tokio::spawn(async move {
                    let mut ok = 0;
                    for i in (w..n).step_by(concurrency) {
                        let host = format!("www{}.example.test", i as u32 % NAMES);
                        let t = tracer.trace(&host, Some("example.test"), 0).await;
                        if t.addresses.first().and_then(|a| a.abuse.as_ref()).is_some() {
                            ok += 1;
                        }
                    }
                    ok
                }));
            }
            let mut ok = 0;
            for t in tasks {
                ok += t.await.unwrap();
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "full traces ({label}, {concurrency:2} at once): {:7.0} traces/s ({ok}/{n} with an abuse contact, {secs:.2} s)",
                n as f64 / secs
            );
        }
    }
}

#[tokio::main]
async fn main() {
    lookups();
    traces().await;
}
