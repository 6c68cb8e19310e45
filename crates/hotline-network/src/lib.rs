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

/// Whether a URL's host is this machine (`localhost` or a loopback address). Mail and
/// partner deliveries use it to let tests reach their loopback servers while offline.
pub(crate) fn url_names_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = if let Some(v6) = rest.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        rest.split([':', '/', '?']).next().unwrap_or("")
    };
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Why a contact was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the hotline is configured offline (network.offline = true)")]
    Offline,
    #[error("{0} is a loopback, private or reserved address and is never contacted")]
    NotPublic(IpAddr),
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
        if ip.is_loopback() && self.allow_loopback_targets {
            return Ok(());
        }
        if is_public(ip) {
            Ok(())
        } else {
            Err(Refused::NotPublic(ip))
        }
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
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x0064 && s[1] == 0xff9b) // NAT64
        || s[0] == 0x0100) // discard-only
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
        ] {
            assert!(!is_public(ip(s)), "{s}");
        }
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
