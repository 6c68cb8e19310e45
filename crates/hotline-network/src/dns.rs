//! Resolving a reported host: its addresses (A and AAAA) and the CNAME chain that led there,
//! with `hickory-resolver`. Name servers come from `network.nameservers` (tests point them at
//! a server they run on loopback), else from the system. Hostile answers are bounded: at most
//! [`MAX_ADDRESSES`] addresses and [`MAX_CNAMES`] aliases are kept, and every query has a
//! timeout, so a resolver can neither hang nor flood the tracer.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};

use crate::NetworkPolicy;

/// Most addresses kept from one answer.
pub const MAX_ADDRESSES: usize = 32;
/// Longest CNAME chain followed.
pub const MAX_CNAMES: usize = 8;

/// What a host resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolution {
    /// IPv4 then IPv6, in the order the server gave them, without duplicates.
    pub addresses: Vec<IpAddr>,
    /// The aliases followed, from the asked name onwards (`a.test` → `cdn.test` → …).
    pub cname_chain: Vec<String>,
}

/// Why a host could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    #[error("the hotline is configured offline (network.offline = true)")]
    Offline,
    #[error("the name {0} does not exist (NXDOMAIN)")]
    NoSuchName(String),
    #[error("{0} is an onion service name: it is never looked up in DNS (RFC 7686)")]
    Onion(String),
    #[error("{0} has no IPv4 or IPv6 address")]
    NoAddresses(String),
    #[error("no answer for {0} in time")]
    Timeout(String),
    #[error("the CNAME chain of {0} is longer than {MAX_CNAMES} or loops")]
    CnameChain(String),
    #[error("\"{0}\" in network.nameservers is not an IP address with a port (e.g. 192.0.2.53:53)")]
    BadNameserver(String),
    #[error("looking up {host} failed: {why}")]
    Failed { host: String, why: String },
}

/// A resolver configured by the network policy.
pub struct Dns {
    resolver: TokioResolver,
    offline: bool,
}

impl std::fmt::Debug for Dns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dns")
            .field("offline", &self.offline)
            .finish_non_exhaustive()
    }
}

impl Dns {
    /// A resolver asking `policy.nameservers` (or the system's), with `timeout` per query.
    pub fn new(policy: &NetworkPolicy, timeout: Duration) -> Result<Dns, DnsError> {
        let provider = TokioRuntimeProvider::default();
        let mut builder = if policy.nameservers.is_empty() {
            Resolver::builder(provider).map_err(|e| DnsError::Failed {
                host: "(system configuration)".into(),
                why: e.to_string(),
            })?
        } else {
            let mut servers = Vec::new();
            for s in &policy.nameservers {
                let addr: SocketAddr = s.parse().map_err(|_| DnsError::BadNameserver(s.clone()))?;
                let mut udp = ConnectionConfig::udp();
                udp.port = addr.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = addr.port();
                servers.push(NameServerConfig::new(addr.ip(), true, vec![udp, tcp]));
            }
            Resolver::builder_with_config(
                ResolverConfig::from_parts(None, Vec::new(), servers),
                provider,
            )
        };
        let opts = builder.options_mut();
        opts.timeout = timeout;
        opts.attempts = 2;
        // Keep the CNAME records in answers: the chain is part of the trace.
        opts.preserve_intermediates = true;
        opts.ndots = 0;
        let resolver = builder.build().map_err(|e| DnsError::Failed {
            host: "(resolver)".into(),
            why: e.to_string(),
        })?;
        Ok(Dns {
            resolver,
            offline: policy.offline,
        })
    }

    /// The addresses of `host` and the CNAME chain to them.
    pub async fn resolve(&self, host: &str) -> Result<Resolution, DnsError> {
        if self.offline {
            return Err(DnsError::Offline);
        }
        // Asking DNS for an onion name leaks it to resolvers and answers nothing.
        if hotline_domain::trace::is_onion(host) {
            return Err(DnsError::Onion(host.to_owned()));
        }
        // A fully qualified name: no search domains, one query per type.
        let fqdn = if host.ends_with('.') {
            host.to_owned()
        } else {
            format!("{host}.")
        };
        let mut out = Resolution::default();
        let mut nxdomain = false;
        for record_type in [RecordType::A, RecordType::AAAA] {
            match self.resolver.lookup(fqdn.as_str(), record_type).await {
                Ok(lookup) => {
                    absorb(host, lookup.answers().iter().map(|r| &r.data), &mut out)?;
                }
                Err(e) if e.is_nx_domain() => nxdomain = true,
                Err(e) if e.is_no_records_found() => {}
                Err(NetError::Timeout) => return Err(DnsError::Timeout(host.to_owned())),
                Err(e) => {
                    let why = e.to_string();
                    if why.contains("timed out") {
                        return Err(DnsError::Timeout(host.to_owned()));
                    }
                    if why.to_ascii_lowercase().contains("cname") {
                        return Err(DnsError::CnameChain(host.to_owned()));
                    }
                    return Err(DnsError::Failed {
                        host: host.to_owned(),
                        why,
                    });
                }
            }
        }
        if out.addresses.is_empty() {
            return Err(if nxdomain {
                DnsError::NoSuchName(host.to_owned())
            } else if out.cname_chain.len() >= MAX_CNAMES {
                DnsError::CnameChain(host.to_owned())
            } else {
                DnsError::NoAddresses(host.to_owned())
            });
        }
        Ok(out)
    }
}

/// Adds the addresses and aliases of one answer to `out`, within the bounds: at most
/// [`MAX_ADDRESSES`] addresses, and a chain longer than [`MAX_CNAMES`] is an error. Pure, so
/// that a hostile server's answers can be fuzzed without a network.
pub fn absorb<'a>(
    host: &str,
    answers: impl Iterator<Item = &'a RData>,
    out: &mut Resolution,
) -> Result<(), DnsError> {
    for data in answers {
        match data {
            RData::A(a) if out.addresses.len() < MAX_ADDRESSES => {
                push_unique(&mut out.addresses, IpAddr::V4(a.0));
            }
            RData::AAAA(a) if out.addresses.len() < MAX_ADDRESSES => {
                push_unique(&mut out.addresses, IpAddr::V6(a.0));
            }
            RData::CNAME(c) => {
                let target = c.0.to_string();
                let target = target.trim_end_matches('.').to_owned();
                if !out.cname_chain.contains(&target) {
                    if out.cname_chain.len() >= MAX_CNAMES {
                        return Err(DnsError::CnameChain(host.to_owned()));
                    }
                    out.cname_chain.push(target);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Decodes a raw DNS message (as a server would send it) and absorbs its answer section:
/// what a fuzzer drives, and the bounds it must never break.
pub fn absorb_wire(host: &str, message: &[u8]) -> Result<Resolution, DnsError> {
    let message =
        hickory_resolver::proto::op::Message::from_vec(message).map_err(|e| DnsError::Failed {
            host: host.to_owned(),
            why: e.to_string(),
        })?;
    let mut out = Resolution::default();
    absorb(host, message.answers.iter().map(|r| &r.data), &mut out)?;
    Ok(out)
}

fn push_unique(v: &mut Vec<IpAddr>, ip: IpAddr) {
    if !v.contains(&ip) {
        v.push(ip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Rec, loopback, serve_zone};

    async fn zone() -> Dns {
        let addr = serve_zone(
            "example.test.",
            vec![
                Rec::A("www.example.test.", "192.0.2.10".parse().unwrap()),
                Rec::Aaaa("www.example.test.", "2001:db8::10".parse().unwrap()),
                Rec::Cname("img.example.test.", "cdn.example.test."),
                Rec::Cname("cdn.example.test.", "edge.example.test."),
                Rec::A("edge.example.test.", "198.51.100.7".parse().unwrap()),
                Rec::Cname("loop1.example.test.", "loop2.example.test."),
                Rec::Cname("loop2.example.test.", "loop1.example.test."),
                Rec::A("empty-v6.example.test.", "203.0.113.5".parse().unwrap()),
            ],
        )
        .await;
        Dns::new(&loopback(addr), Duration::from_secs(2)).unwrap()
    }

    #[tokio::test]
    async fn resolves_both_families_and_follows_cnames() {
        let dns = zone().await;
        let r = dns.resolve("www.example.test").await.unwrap();
        assert_eq!(
            r.addresses,
            vec![
                "192.0.2.10".parse::<IpAddr>().unwrap(),
                "2001:db8::10".parse().unwrap()
            ]
        );
        assert!(r.cname_chain.is_empty());
        let r = dns.resolve("img.example.test").await.unwrap();
        assert_eq!(r.addresses, vec!["198.51.100.7".parse::<IpAddr>().unwrap()]);
        assert_eq!(r.cname_chain, ["cdn.example.test", "edge.example.test"]);
        let r = dns.resolve("empty-v6.example.test").await.unwrap();
        assert_eq!(r.addresses.len(), 1);
    }

    #[tokio::test]
    async fn an_enormous_answer_is_cut_to_the_limit() {
        // 200 distinct documentation addresses for one name.
        let records = (1..=200u8)
            .map(|i| {
                Rec::A(
                    "many.example.test.",
                    std::net::Ipv4Addr::new(198, 51, 100, i),
                )
            })
            .collect();
        let addr = serve_zone("example.test.", records).await;
        let dns = Dns::new(&loopback(addr), Duration::from_secs(2)).unwrap();
        let r = dns.resolve("many.example.test").await;
        // Either the answer fits and is cut to MAX_ADDRESSES, or it is too big for UDP and the
        // resolver says so: never an unbounded list, never a hang.
        match r {
            Ok(r) => assert!(
                !r.addresses.is_empty() && r.addresses.len() <= MAX_ADDRESSES,
                "{}",
                r.addresses.len()
            ),
            Err(e) => assert!(
                matches!(e, DnsError::Failed { .. } | DnsError::Timeout(_)),
                "{e:?}"
            ),
        }
    }

    #[tokio::test]
    async fn missing_names_and_loops_are_clear_errors() {
        let dns = zone().await;
        assert_eq!(
            dns.resolve("nothing.example.test").await,
            Err(DnsError::NoSuchName("nothing.example.test".into()))
        );
        let looped = dns.resolve("loop1.example.test").await;
        assert!(
            matches!(
                looped,
                Err(DnsError::CnameChain(_) | DnsError::NoAddresses(_) | DnsError::Failed { .. })
            ),
            "{looped:?}"
        );
    }

    #[tokio::test]
    async fn onion_names_never_reach_the_name_server() {
        // A name server that records every packet and never answers.
        let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let dns = Dns::new(
            &loopback(socket.local_addr().unwrap()),
            Duration::from_secs(2),
        )
        .unwrap();
        for name in ["abcdefghijklmnop.onion", "www.abcdefghijklmnop.ONION."] {
            assert_eq!(dns.resolve(name).await, Err(DnsError::Onion(name.into())));
        }
        let mut buf = [0u8; 512];
        assert!(
            socket.try_recv_from(&mut buf).is_err(),
            "a query for an onion name was sent"
        );
    }

    #[tokio::test]
    async fn offline_and_silent_servers() {
        let policy = NetworkPolicy {
            offline: true,
            ..Default::default()
        };
        let dns = Dns::new(
            &NetworkPolicy {
                nameservers: vec!["127.0.0.1:9".into()],
                ..policy
            },
            Duration::from_millis(200),
        )
        .unwrap();
        assert_eq!(
            dns.resolve("www.example.test").await,
            Err(DnsError::Offline)
        );
        // A UDP port with nobody behind it: no answer in time, and no hang.
        let silent = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let policy = NetworkPolicy {
            nameservers: vec![silent.local_addr().unwrap().to_string()],
            ..Default::default()
        };
        let dns = Dns::new(&policy, Duration::from_millis(200)).unwrap();
        let r = dns.resolve("www.example.test").await;
        assert!(
            matches!(r, Err(DnsError::Timeout(_) | DnsError::Failed { .. })),
            "{r:?}"
        );
        assert!(matches!(
            Dns::new(
                &NetworkPolicy {
                    nameservers: vec!["not an address".into()],
                    ..Default::default()
                },
                Duration::from_secs(1)
            ),
            Err(DnsError::BadNameserver(_))
        ));
    }
}
