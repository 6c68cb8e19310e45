//! The hotline's outside world: DNS ([`dns`]), the IP database ([`ipdb`]), RDAP ([`rdap`]),
//! the tracer that puts them together ([`trace`]), "is it still online?" checks with HTTP
//! `HEAD` ([`check`]), notices and alerts by SMTP ([`mailer`]), alert web hooks ([`alert`]),
//! and signed referrals to partner hotlines ([`partner`]). [`testing`] has the loopback servers
//! (DNS, RDAP, SMTP) the test suites answer with.
//!
//! What every one of them shares is decided here: whether the process may reach the network
//! at all (`network.offline`), and which addresses it may ever contact ([`is_public`],
//! [`NetworkPolicy::check_target`]). Reported addresses are chosen by strangers, so a lookup
//! must never be steered at the hotline's own network (loopback, private ranges) unless tests
//! explicitly allow loopback. A new outbound call goes through this policy, and is off when
//! offline.

pub mod alert;
pub mod check;
pub mod dns;
pub mod ipdb;
pub mod mailer;
pub mod partner;
pub mod rdap;
pub mod testing;
pub mod trace;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// What the process may reach (config section `[network]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkPolicy {
    /// No DNS, RDAP, HTTP check, mail or partner delivery leaves the process.
    pub offline: bool,
    /// Name servers to ask (`IP:port`); empty means the system's.
    pub nameservers: Vec<String>,
    /// Where the IANA RDAP bootstrap files come from; empty means IANA.
    pub rdap_bootstrap: String,
    /// Allow loopback targets: only for tests that run their servers on 127.0.0.1.
    pub allow_loopback_targets: bool,
    /// An MMDB file to use instead of the embedded IP database (GeoLite2, DB-IP, IPinfo, or
    /// one built by `scripts/build_ipdb.py`); empty means the embedded one.
    pub ip_database: String,
}

/// A URL as it may be shown in logs and pages: scheme, host and port only. User names,
/// passwords, paths and queries (a web hook's secret, `?password=` of a database) are cut.
pub fn redacted(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(u) => {
            let host = u.host_str().unwrap_or("");
            match u.port() {
                Some(port) => format!("{}://{host}:{port}", u.scheme()),
                None => format!("{}://{host}", u.scheme()),
            }
        }
        Err(_) => "(not a URL)".to_owned(),
    }
}

/// Why a contact was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the hotline is configured offline (network.offline = true)")]
    Offline,
    #[error("{0} is a loopback, private or reserved address and is never contacted")]
    NotPublic(IpAddr),
    #[error("not an http(s), smtp or smtps URL with a host")]
    BadUrl,
    #[error("{host} could not be resolved: {why}")]
    Unresolvable { host: String, why: String },
}

impl NetworkPolicy {
    /// Whether any network work may start now.
    pub fn check_online(&self) -> Result<(), Refused> {
        if self.offline {
            Err(Refused::Offline)
        } else {
            Ok(())
        }
    }

    /// Whether the process may open a connection to `ip`.
    pub fn check_target(&self, ip: IpAddr) -> Result<(), Refused> {
        self.check_online()?;
        if ip.to_canonical().is_loopback() && self.allow_loopback_targets {
            return Ok(());
        }
        if is_public(ip) {
            Ok(())
        } else {
            Err(Refused::NotPublic(ip))
        }
    }

    /// The one address policy for every outbound target given as a URL (partner endpoints,
    /// web hooks, the SMTP server; RDAP and HEAD checks apply [`NetworkPolicy::check_target`]
    /// to the same addresses): the host read as a browser reads it (`127.1`, `0x7f.1` and
    /// `2130706433` are 127.0.0.1), names resolved, and every address must pass
    /// [`NetworkPolicy::check_target`]. With `allow_loopback_targets`, a target that is only
    /// loopback (tests' own servers) passes even offline. Clients connect through
    /// [`PolicyResolver`], so a name that resolves differently at connect time still reaches
    /// only allowed addresses.
    pub async fn admit_url(&self, url: &str) -> Result<(), Refused> {
        let addresses = target_addresses(self, url).await?;
        if self.allow_loopback_targets && addresses.iter().all(|ip| ip.to_canonical().is_loopback())
        {
            return Ok(());
        }
        for ip in addresses {
            self.check_target(ip)?;
        }
        Ok(())
    }
}

/// The addresses a URL's host stands for. Literal addresses and `localhost` need no lookup;
/// other names are looked up only when the process is online.
async fn target_addresses(policy: &NetworkPolicy, url: &str) -> Result<Vec<IpAddr>, Refused> {
    let parsed = reqwest::Url::parse(url).map_err(|_| Refused::BadUrl)?;
    if !matches!(parsed.scheme(), "http" | "https" | "smtp" | "smtps") {
        return Err(Refused::BadUrl);
    }
    let port = parsed.port_or_known_default().unwrap_or(25);
    let raw = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or(Refused::BadUrl)?;
    // smtp: URLs have opaque hosts; read the host as an http URL's, which decodes every
    // spelling of an IPv4 address.
    let host = reqwest::Url::parse(&format!("http://{raw}/"))
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
        .ok_or(Refused::BadUrl)?;
    let addresses = match host {
        url::Host::Ipv4(v4) => vec![IpAddr::V4(v4)],
        url::Host::Ipv6(v6) => vec![IpAddr::V6(v6)],
        url::Host::Domain(name) => {
            let bare = name.trim_end_matches('.').to_ascii_lowercase();
            if bare == "localhost" || bare.ends_with(".localhost") {
                vec![
                    IpAddr::V4(Ipv4Addr::LOCALHOST),
                    IpAddr::V6(Ipv6Addr::LOCALHOST),
                ]
            } else {
                policy.check_online()?;
                tokio::net::lookup_host((bare.as_str(), port))
                    .await
                    .map_err(|e| Refused::Unresolvable {
                        host: bare.clone(),
                        why: e.to_string(),
                    })?
                    .map(|a| a.ip())
                    .collect()
            }
        }
    };
    if addresses.is_empty() {
        return Err(Refused::Unresolvable {
            host: raw.to_owned(),
            why: "no address".into(),
        });
    }
    Ok(addresses)
}

/// Resolves for an HTTP client with the system resolver, keeping only the addresses the
/// policy allows (partner deliveries, web hooks, RDAP).
#[derive(Debug, Clone)]
pub(crate) struct PolicyResolver {
    pub(crate) policy: NetworkPolicy,
}

impl reqwest::dns::Resolve for PolicyResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            type BoxError = Box<dyn std::error::Error + Send + Sync>;
            let loopback_name = {
                let bare = host.trim_end_matches('.').to_ascii_lowercase();
                bare == "localhost" || bare.ends_with(".localhost")
            };
            if !(loopback_name && policy.allow_loopback_targets) {
                policy.check_online().map_err(|e| Box::new(e) as BoxError)?;
            }
            let addrs: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await
                .map_err(|e| Box::new(e) as BoxError)?
                .filter(|a| {
                    (policy.allow_loopback_targets && a.ip().to_canonical().is_loopback())
                        || policy.check_target(a.ip()).is_ok()
                })
                .collect();
            if addrs.is_empty() {
                let why = format!("{host} has no address that may be contacted");
                return Err(BoxError::from(why));
            }
            Ok::<reqwest::dns::Addrs, BoxError>(Box::new(addrs.into_iter()))
        })
    }
}

/// True for addresses on the public Internet: not loopback, private, link-local, shared,
/// multicast, documentation or otherwise reserved (IANA special-purpose registries).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGN)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || s[..6] == [0; 6] // ::/96, IPv4-compatible (deprecated), also :: and ::1
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] == 0x2001 && s[1] < 0x0200) // IETF protocol assignments, Teredo 2001::/32
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || s[0] == 0x2002 // 6to4: wraps any IPv4 address, private ones too
        || (s[0] == 0x0064 && s[1] == 0xff9b) // NAT64, well-known and local-use (64:ff9b:1::/48)
        || s[0] == 0x0100 // discard-only
        || (s[0] == 0x3fff && s[1] < 0x1000)) // documentation (3fff::/20)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn reserved_ranges_are_not_public() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.1.1",
            "100.64.0.1",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "0.0.0.0",
            "255.255.255.255",
            "240.0.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "::10.0.0.1",
            "2002:7f00:1::1",
            "2002:c0a8:101::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "64:ff9b::7f00:1",
            "64:ff9b:1::a00:1",
            "fec0::1",
            "3fff::1",
        ] {
            assert!(!is_public(ip(s)), "{s}");
        }
        for s in ["8.8.8.8", "2a00:1450:4001::1", "2606:4700::1"] {
            assert!(is_public(ip(s)), "{s}");
        }
    }

    #[test]
    fn redacted_urls_keep_no_secret() {
        assert_eq!(
            redacted("https://hooks.example.com/services/T0/B0/SECRET?token=x"),
            "https://hooks.example.com"
        );
        assert_eq!(
            redacted("postgres://hotline:pa55@db.example.com:5432/hotline?password=pa55"),
            "postgres://db.example.com:5432"
        );
        assert_eq!(
            redacted("smtp://user:pw@mail.example.com:587"),
            "smtp://mail.example.com:587"
        );
        assert_eq!(redacted("garbage pa55"), "(not a URL)");
    }

    #[tokio::test]
    async fn every_spelling_of_an_internal_target_is_refused() {
        let p = NetworkPolicy::default();
        for url in [
            "http://127.1/",
            "http://0x7f.1/",
            "http://2130706433/",
            "http://0.0.0.0/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::1]:8080/",
            "http://localhost./hook",
            "https://LOCALHOST/",
            "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/",
            "http://[fec0::1]/",
            "http://[2002:7f00:1::1]/",
            "http://[64:ff9b:1::a00:1]/",
            "http://[::127.0.0.1]/",
            "smtp://127.1:25",
            "smtps://[::1]",
            "smtp://localhost.:2525",
        ] {
            let refused = p.admit_url(url).await;
            assert!(
                matches!(refused, Err(Refused::NotPublic(_))),
                "{url}: {refused:?}"
            );
        }
        for url in ["ftp://198.51.100.1/", "not a url", "http://:80/"] {
            assert_eq!(p.admit_url(url).await, Err(Refused::BadUrl), "{url}");
        }
        // Tests' loopback servers, only where the policy allows them, offline too.
        let tests = NetworkPolicy {
            offline: true,
            allow_loopback_targets: true,
            ..Default::default()
        };
        for url in [
            "http://127.0.0.1:9/",
            "http://localhost:9/",
            "smtp://127.1:25",
        ] {
            assert_eq!(tests.admit_url(url).await, Ok(()), "{url}");
        }
        assert!(tests.admit_url("http://0.0.0.0:9/").await.is_err());
        assert!(tests.admit_url("http://10.0.0.1/").await.is_err());
        // An outside name is not even looked up offline.
        assert_eq!(
            tests.admit_url("https://partner.example.com/").await,
            Err(Refused::Offline)
        );
    }

    #[test]
    fn policy_refuses_offline_and_internal_targets() {
        let mut p = NetworkPolicy::default();
        assert_eq!(
            p.check_target(ip("10.0.0.1")),
            Err(Refused::NotPublic(ip("10.0.0.1")))
        );
        assert_eq!(
            p.check_target(ip("127.0.0.1")),
            Err(Refused::NotPublic(ip("127.0.0.1")))
        );
        p.allow_loopback_targets = true;
        assert_eq!(p.check_target(ip("127.0.0.1")), Ok(()));
        assert_eq!(
            p.check_target(ip("192.168.0.1")),
            Err(Refused::NotPublic(ip("192.168.0.1")))
        );
        p.offline = true;
        assert_eq!(p.check_target(ip("127.0.0.1")), Err(Refused::Offline));
        assert_eq!(p.check_online(), Err(Refused::Offline));
    }
}
