//! A trace: a dated snapshot of where an address is hosted and who must be told (docs/SPEC.md §2).
//! Gathering it is IO (DNS, the IP database, RDAP) and lives in `hotline-network`; what a
//! trace holds, and which networks are CDNs or proxies, is decided here.

use serde::{Deserialize, Serialize};

/// Where one address was found to be hosted, at one time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Trace {
    /// The host that was traced (an IP literal, a domain, or an onion name).
    pub host: String,
    /// UTC milliseconds.
    pub traced_at_ms: i64,
    /// Set when the host cannot be traced at all (onion, unresolvable); says why.
    pub untraceable: Option<String>,
    /// The aliases DNS followed to the addresses.
    pub cname_chain: Vec<String>,
    pub addresses: Vec<HostingAddress>,
    /// The registrable domain (Public Suffix List) and its registrar.
    pub registrable_domain: Option<String>,
    pub registrar: Option<Registrar>,
    /// Each step that failed, with its error; what did not fail stands.
    pub errors: Vec<StepError>,
}

/// One address the host resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HostingAddress {
    pub ip: String,
    pub asn: Option<u32>,
    pub as_org: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// The CDN or reverse proxy in front of the real host, when this address is one's.
    pub cdn: Option<String>,
    /// The network's abuse contact, from RDAP.
    pub abuse: Option<Contact>,
    /// The network's name or handle in RDAP.
    pub network: Option<String>,
}

/// Someone to send a notice to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Where the contact came from; traces made before sources were recorded have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ContactSource>,
    /// Which record: the network's handle or prefix, `AS64500`, the registrar's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_record: Option<String>,
}

named_enum!(
    /// Where an abuse contact came from. A network's contact is looked for in this order,
    /// the first with a real e-mail address winning (placeholders such as `REDACTED` do not
    /// count): the network's own abuse entity, its parent networks', the announcing AS's;
    /// the registrar's abuse entity for the domain comes last, as the trace's registrar.
    ContactSource {
        /// The RDAP record of the network the address is in.
        Network => "network",
        /// The RDAP record of a network enclosing it.
        ParentNetwork => "parent_network",
        /// The RDAP record of the autonomous system that announces it.
        AutNum => "autnum",
        /// The RDAP record of the domain, the registrar's abuse entity.
        Registrar => "registrar",
    }
);

/// The registrar of the domain, and its abuse contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Registrar {
    pub name: Option<String>,
    pub iana_id: Option<String>,
    pub abuse: Option<Contact>,
}

/// A step of the trace that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepError {
    /// `dns`, `ipdb`, `rdap-ip`, `rdap-domain`.
    pub step: String,
    /// What the step was about (an IP, a domain).
    pub subject: String,
    pub error: String,
}

impl Trace {
    /// The countries the address is hosted in, CDNs aside when the real host is known
    /// elsewhere; used to route hand-offs.
    pub fn hosting_countries(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let direct: Vec<&HostingAddress> =
            self.addresses.iter().filter(|a| a.cdn.is_none()).collect();
        let pool = if direct.is_empty() {
            self.addresses.iter().collect()
        } else {
            direct
        };
        for a in pool {
            if let Some(c) = &a.country
                && !out.contains(c)
            {
                out.push(c.clone());
            }
        }
        out
    }
}

/// Whether `host` is a Tor onion service name (RFC 7686). Such a name has no location to
/// trace, must never be sent to DNS, and cannot be checked from the open Internet: a check
/// that cannot reach it proves nothing about its removal.
pub fn is_onion(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h == "onion" || h.ends_with(".onion")
}

/// What the tracer records when a name resolves to no address at all.
pub const NO_ADDRESS: &str = "the name has no address";

named_enum!(
    /// Why a trace found no hosting, as the pages say it in the staff's words (the stored
    /// text stays the tracer's English, for the command line and the logs).
    Untraceable {
        /// An onion service: hidden by design.
        Onion => "onion",
        /// The name resolves to no address.
        NoAddress => "no_address",
        /// The name does not exist (NXDOMAIN).
        NoSuchName => "no_such_name",
    }
);

impl Trace {
    /// Why this trace found no hosting, if it did not.
    pub fn untraceable_kind(&self) -> Option<Untraceable> {
        let why = self.untraceable.as_deref()?;
        Some(if is_onion(&self.host) {
            Untraceable::Onion
        } else if why == NO_ADDRESS {
            Untraceable::NoAddress
        } else {
            Untraceable::NoSuchName
        })
    }
}

/// Networks known to front other hosts (CDNs, reverse proxies), by AS number. A notice to
/// such a network reaches the proxy, not the host: it must be told too, but cannot remove
/// the content at its origin. Amazon, Google and Microsoft announce their CDNs (CloudFront,
/// Cloud CDN, Azure Front Door) from the same AS as their clouds, so those names say both.
///
/// Each number was checked against the shipped IP database (`data/ipdb`, build 2026-06-17):
/// the organisation it names for the AS is the provider's. The numbers once given for
/// StackPath/Highwinds (AS20446, AS12989) name other organisations there and are left out;
/// StackPath's own AS there is 199156. A test in `hotline-network` looks one address of each
/// AS up in that database, so a database that moves a number to someone else fails it.
pub const CDN_ASNS: &[(u32, &str)] = &[
    (13335, "Cloudflare"),
    (14789, "Cloudflare"),
    (132892, "Cloudflare"),
    (139242, "Cloudflare"),
    (202623, "Cloudflare"),
    (203898, "Cloudflare"),
    (209242, "Cloudflare"),
    (394536, "Cloudflare"),
    (395747, "Cloudflare"),
    (54113, "Fastly"),
    (20940, "Akamai"),
    (16625, "Akamai"),
    (16509, "Amazon (CloudFront or AWS)"),
    (15169, "Google"),
    (396982, "Google (Cloud CDN or Google Cloud)"),
    (8075, "Microsoft (Azure Front Door or Azure)"),
    (200325, "BunnyCDN"),
    (57724, "DDoS-Guard"),
    (49612, "DDoS-Guard"),
    (199156, "StackPath"),
    (19551, "Imperva"),
    (62571, "Imperva"),
    (60068, "CDN77"),
    (15133, "Edgio"),
    (22822, "Edgio"),
];

/// CNAME suffixes that mean the name is served through a CDN.
const CDN_CNAME_SUFFIXES: &[(&str, &str)] = &[
    ("cloudflare.net", "Cloudflare"),
    ("cdn.cloudflare.net", "Cloudflare"),
    ("akamaiedge.net", "Akamai"),
    ("edgekey.net", "Akamai"),
    ("edgesuite.net", "Akamai"),
    ("fastly.net", "Fastly"),
    ("fastlylb.net", "Fastly"),
    ("cloudfront.net", "Amazon CloudFront"),
    ("azureedge.net", "Azure CDN"),
    ("azurefd.net", "Azure Front Door"),
    ("b-cdn.net", "BunnyCDN"),
    ("cdn77.org", "CDN77"),
    ("incapdns.net", "Imperva"),
];

/// Address ranges CDNs publish for their edge servers (Cloudflare's list, the largest
/// front for hosts that hide their origin). Checked before the AS table, which misses
/// ranges announced by others.
const CDN_PREFIXES: &[(&str, u8, &str)] = &[
    ("173.245.48.0", 20, "Cloudflare"),
    ("103.21.244.0", 22, "Cloudflare"),
    ("103.22.200.0", 22, "Cloudflare"),
    ("103.31.4.0", 22, "Cloudflare"),
    ("141.101.64.0", 18, "Cloudflare"),
    ("108.162.192.0", 18, "Cloudflare"),
    ("190.93.240.0", 20, "Cloudflare"),
    ("188.114.96.0", 20, "Cloudflare"),
    ("197.234.240.0", 22, "Cloudflare"),
    ("198.41.128.0", 17, "Cloudflare"),
    ("162.158.0.0", 15, "Cloudflare"),
    ("104.16.0.0", 13, "Cloudflare"),
    ("104.24.0.0", 14, "Cloudflare"),
    ("172.64.0.0", 13, "Cloudflare"),
    ("131.0.72.0", 22, "Cloudflare"),
    ("2400:cb00::", 32, "Cloudflare"),
    ("2606:4700::", 32, "Cloudflare"),
    ("2803:f800::", 32, "Cloudflare"),
    ("2405:b500::", 32, "Cloudflare"),
    ("2405:8100::", 32, "Cloudflare"),
    ("2a06:98c0::", 29, "Cloudflare"),
    ("2c0f:f248::", 32, "Cloudflare"),
];

fn in_prefix(ip: std::net::IpAddr, base: &str, len: u8) -> bool {
    use std::net::IpAddr;
    match (ip, base.parse::<IpAddr>()) {
        (IpAddr::V4(a), Ok(IpAddr::V4(b))) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
            u32::from(a) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(a), Ok(IpAddr::V6(b))) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
            u128::from(a) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

/// The CDN or proxy an address belongs to, from its published ranges, its AS number or the
/// CNAME chain.
pub fn cdn_of(
    ip: Option<std::net::IpAddr>,
    asn: Option<u32>,
    cname_chain: &[String],
) -> Option<&'static str> {
    if let Some(ip) = ip
        && let Some((_, _, name)) = CDN_PREFIXES
            .iter()
            .find(|(base, len, _)| in_prefix(ip, base, *len))
    {
        return Some(name);
    }
    if let Some(asn) = asn
        && let Some((_, name)) = CDN_ASNS.iter().find(|(a, _)| *a == asn)
    {
        return Some(name);
    }
    cname_chain.iter().find_map(|c| {
        let c = c.trim_end_matches('.').to_ascii_lowercase();
        CDN_CNAME_SUFFIXES
            .iter()
            .find(|(suffix, _)| c == *suffix || c.ends_with(&format!(".{suffix}")))
            .map(|(_, name)| *name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdns_by_published_range_asn_and_cname() {
        assert_eq!(cdn_of(None, Some(13335), &[]), Some("Cloudflare"));
        assert_eq!(cdn_of(None, Some(64500), &[]), None);
        let chain = [
            "img.example.test".to_owned(),
            "d1234.cloudfront.net.".to_owned(),
        ];
        assert_eq!(cdn_of(None, None, &chain), Some("Amazon CloudFront"));
        assert_eq!(cdn_of(None, None, &["notcloudfront.net".into()]), None);
        // Published ranges, whoever announces them.
        let ip = |s: &str| Some(s.parse().unwrap());
        assert_eq!(
            cdn_of(ip("104.16.1.1"), Some(64500), &[]),
            Some("Cloudflare")
        );
        assert_eq!(cdn_of(ip("2606:4700::1"), None, &[]), Some("Cloudflare"));
        assert_eq!(cdn_of(ip("104.32.0.1"), None, &[]), None);
        assert_eq!(cdn_of(ip("192.0.2.1"), None, &[]), None);
    }

    #[test]
    fn onion_names() {
        for onion in ["abcdefghijklmnop.onion", "www.ABC.onion.", "onion"] {
            assert!(is_onion(onion), "{onion}");
        }
        for not in [
            "onion.example.com",
            "example.onion.test",
            "192.0.2.1",
            "myonion",
        ] {
            assert!(!is_onion(not), "{not}");
        }
    }

    #[test]
    fn hosting_countries_prefer_the_real_host() {
        let t = Trace {
            addresses: vec![
                HostingAddress {
                    country: Some("US".into()),
                    cdn: Some("Cloudflare".into()),
                    ..Default::default()
                },
                HostingAddress {
                    country: Some("NL".into()),
                    ..Default::default()
                },
                HostingAddress {
                    country: Some("NL".into()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(t.hosting_countries(), ["NL"]);
        let only_cdn = Trace {
            addresses: vec![HostingAddress {
                country: Some("US".into()),
                cdn: Some("Cloudflare".into()),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(only_cdn.hosting_countries(), ["US"]);
    }

    #[test]
    fn why_a_trace_found_no_hosting_is_told_apart() {
        let t = |host: &str, why: Option<&str>| Trace {
            host: host.into(),
            untraceable: why.map(str::to_owned),
            ..Trace::default()
        };
        assert_eq!(t("example.com", None).untraceable_kind(), None);
        assert_eq!(
            t("abc.onion", Some("an onion service")).untraceable_kind(),
            Some(Untraceable::Onion)
        );
        assert_eq!(
            t("a.example.com", Some(NO_ADDRESS)).untraceable_kind(),
            Some(Untraceable::NoAddress)
        );
        assert_eq!(
            t("gone.example.test", Some("no such name: gone.example.test")).untraceable_kind(),
            Some(Untraceable::NoSuchName)
        );
    }
}
