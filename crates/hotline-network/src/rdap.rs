//! RDAP: who holds an IP network or a domain, and where its abuse reports go.
//!
//! The hotline asks RDAP (RFC 9082/9083) servers two questions: which network an IP address
//! belongs to (with the network's abuse contact), and which registrar holds a domain (with
//! the registrar's abuse contact). It never fetches reported content; RDAP answers are the
//! only thing downloaded here.
//!
//! - [`Bootstrap`] holds the IANA bootstrap registries (RFC 9224: `dns.json`, `ipv4.json`,
//!   `ipv6.json`, `asn.json`) and picks the server for an address (longest prefix) or a
//!   domain (longest TLD suffix). Numbers without an entry go to a fallback server (ARIN by
//!   default), which redirects to the right registry.
//! - [`RdapClient`] sends the queries: `reqwest` with strict timeouts, a cap on answer size,
//!   redirects followed by hand (hop limit, loop detection, every hop checked against the
//!   [`NetworkPolicy`]), a per-host rate limit, and an in-memory cache of answers with a TTL.
//!
//! Answers are parsed with `icann-rdap-common`; the abuse contact is the entity with role
//! `abuse` nearest to the top of the answer (breadth-first), so both the RIPE shape (abuse
//! entity at top level) and the ARIN shape (abuse entity inside the registrant) work.
//!
//! TLS: the crate uses reqwest with `rustls-no-provider`. [`RdapClient::with_config`]
//! installs rustls' `ring` provider as the process default if none is installed yet.

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use icann_rdap_common::iana::RdapBootstrapRegistry;
use icann_rdap_common::prelude::{Autnum, Domain, Entity, Network};
use reqwest::header::{ACCEPT, LOCATION};
use reqwest::{StatusCode, Url};
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use crate::{NetworkPolicy, Refused};

/// Where the IANA bootstrap files live when `network.rdap_bootstrap` is empty.
pub const IANA_BOOTSTRAP_BASE: &str = "https://data.iana.org/rdap/";

/// Asked about addresses and AS numbers the bootstrap does not cover. The RIRs redirect
/// queries for each other's space, so one RIR is enough.
pub const RIR_FALLBACK_BASE: &str = "https://rdap.arin.net/registry/";

/// The four bootstrap files, in the order [`Bootstrap::from_json`] takes them.
pub const BOOTSTRAP_FILES: [&str; 4] = ["dns.json", "ipv4.json", "ipv6.json", "asn.json"];

const RDAP_JSON: &str = "application/rdap+json";
const BOOTSTRAP_ACCEPT: &str = "application/json";
const USER_AGENT: &str = concat!(
    "hotline/",
    env!("CARGO_PKG_VERSION"),
    " (RDAP client of a civil reporting hotline)"
);

/// Longest text kept from an answer field; longer values are cut.
const MAX_FIELD_CHARS: usize = 256;
/// Most entities looked at when searching an answer for a role.
const MAX_ENTITIES_SEARCHED: usize = 10_000;
/// Longest URL quoted in an error message.
const MAX_URL_IN_ERROR: usize = 300;

/// Why an RDAP lookup failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RdapError {
    #[error("the hotline is configured offline (network.offline = true); no RDAP query was sent")]
    Offline,
    #[error("no RDAP server is known for {query}")]
    NoServer { query: String },
    #[error("{query:?} cannot be looked up in RDAP: {why}")]
    BadQuery { query: String, why: &'static str },
    #[error("{url:?} is not a usable RDAP address: {why}")]
    BadUrl { url: String, why: String },
    #[error("{url} was not contacted: {ip} is a loopback, private or reserved address")]
    TargetRefused { url: String, ip: IpAddr },
    #[error("{url} could not be reached: {why}")]
    Transport { url: String, why: String },
    #[error("{url} did not answer within {after:?}")]
    Timeout { url: String, after: Duration },
    #[error("{url} answered HTTP {status}")]
    Http { url: String, status: u16 },
    #[error("the answer from {url} is larger than {limit} bytes")]
    TooLarge { url: String, limit: usize },
    #[error("redirects starting at {url} go in a circle")]
    RedirectLoop { url: String },
    #[error("more than {limit} redirects starting at {url}")]
    TooManyRedirects { url: String, limit: usize },
    #[error("the answer from {url} is not a usable RDAP answer: {why}")]
    Malformed { url: String, why: String },
    #[error("RDAP bootstrap {from}: {why}")]
    Bootstrap { from: String, why: String },
    #[error("the RDAP HTTP client could not be built: {0}")]
    Client(String),
}

impl RdapError {
    /// True when the server said it has no such object (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        matches!(self, RdapError::Http { status: 404, .. })
    }
}

/// Limits of an [`RdapClient`]. `Default` is what production uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RdapConfig {
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for one request, from sending it to the last byte of the answer. Each
    /// redirect hop gets this much again.
    pub timeout: Duration,
    /// Largest RDAP answer read, in bytes.
    pub max_body: usize,
    /// Largest bootstrap file read, in bytes.
    pub max_bootstrap_body: usize,
    /// Most redirects followed for one query.
    pub max_redirects: usize,
    /// Most requests per second sent to one host (requests are spaced evenly); 0 = no limit.
    pub max_requests_per_second_per_host: u32,
    /// How long an answer is reused; zero turns the cache off.
    pub cache_ttl: Duration,
    /// Most answers kept in the cache.
    pub cache_max_entries: usize,
}

impl Default for RdapConfig {
    fn default() -> Self {
        RdapConfig {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            max_body: 1 << 20,
            max_bootstrap_body: 4 << 20,
            max_redirects: 5,
            max_requests_per_second_per_host: 2,
            cache_ttl: Duration::from_secs(60 * 60),
            cache_max_entries: 10_000,
        }
    }
}

/// Where to report abuse, as an RDAP answer gives it. Every field may be missing: registries
/// redact, and some abuse entities carry only a handle.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbuseContact {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The network an IP address belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkContact {
    /// The address asked about.
    pub query: IpAddr,
    pub handle: Option<String>,
    pub name: Option<String>,
    /// The network as prefixes (`cidr0` extension), e.g. `192.0.2.0/24`; may be empty.
    pub cidrs: Vec<String>,
    /// The network as a range; registries that do not send `cidr0` send this.
    pub start_address: Option<String>,
    pub end_address: Option<String>,
    /// ISO 3166 code, when the registry gives one (RIPE, APNIC, LACNIC, AFRINIC do).
    pub country: Option<String>,
    pub parent_handle: Option<String>,
    /// The name of the registrant entity (the organisation holding the network).
    pub organisation: Option<String>,
    pub abuse: Option<AbuseContact>,
    /// The AS numbers that announce the network, when the registry says (ARIN's
    /// `arin_originas0` extension); the IP database is the other source.
    pub origin_asns: Vec<u32>,
    /// The URL that finally answered (after redirects).
    pub source: String,
}

impl NetworkContact {
    /// The network as one prefix: its first `cidr0` prefix, else the smallest prefix that
    /// holds its start and end addresses.
    pub fn prefix(&self) -> Option<(IpAddr, u8)> {
        if let Some((addr, len)) = self.cidrs.first().and_then(|c| c.split_once('/'))
            && let (Ok(addr), Ok(len)) = (addr.parse::<IpAddr>(), len.parse::<u8>())
        {
            // A registry's answer is hostile input: a length longer than the address is none.
            let max = if addr.is_ipv4() { 32 } else { 128 };
            return (len <= max).then_some((addr, len));
        }
        let start: IpAddr = self.start_address.as_deref()?.parse().ok()?;
        let end: IpAddr = self.end_address.as_deref()?.parse().ok()?;
        match (start, end) {
            (IpAddr::V4(a), IpAddr::V4(b)) => {
                let len = (u32::from(a) ^ u32::from(b)).leading_zeros() as u8;
                Some((IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask_v4(len))), len))
            }
            (IpAddr::V6(a), IpAddr::V6(b)) => {
                let len = (u128::from(a) ^ u128::from(b)).leading_zeros() as u8;
                Some((
                    IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask_v6(len))),
                    len,
                ))
            }
            _ => None,
        }
    }
}

/// An autonomous system and its abuse contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutnumContact {
    pub asn: u32,
    pub handle: Option<String>,
    pub name: Option<String>,
    pub abuse: Option<AbuseContact>,
    /// The URL that finally answered (after redirects).
    pub source: String,
}

/// The registrar of a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainContact {
    /// The domain as answered (lower case), or as asked when the answer has no `ldhName`.
    pub domain: String,
    pub handle: Option<String>,
    /// The registrar's name.
    pub registrar: Option<String>,
    /// The registrar's IANA Registrar ID (`publicIds`, type "IANA Registrar ID").
    pub registrar_iana_id: Option<u32>,
    /// The registrar's abuse contact; failing that, any abuse entity in the answer.
    pub abuse: Option<AbuseContact>,
    /// The URL that finally answered (after redirects).
    pub source: String,
}

// ---------------------------------------------------------------------------------------
// Bootstrap
// ---------------------------------------------------------------------------------------

/// The IANA RDAP bootstrap registries, reduced to lookup tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bootstrap {
    /// (TLD in lower case without dots, server base URL)
    dns: Vec<(String, String)>,
    /// (network, prefix length, server)
    ipv4: Vec<(u32, u8, String)>,
    ipv6: Vec<(u128, u8, String)>,
    /// (first, last, server)
    asn: Vec<(u32, u32, String)>,
    /// Asked about addresses and AS numbers without an entry.
    fallback: Option<String>,
}

impl Bootstrap {
    /// Parses the four registries (RFC 9224 JSON). The fallback is [`RIR_FALLBACK_BASE`].
    /// Entries that cannot be understood (a bad prefix, no http(s) URL) are skipped with a
    /// warning; a file that is not a bootstrap registry is an error.
    pub fn from_json(dns: &str, ipv4: &str, ipv6: &str, asn: &str) -> Result<Self, RdapError> {
        Self::parse([
            (BOOTSTRAP_FILES[0].to_owned(), dns),
            (BOOTSTRAP_FILES[1].to_owned(), ipv4),
            (BOOTSTRAP_FILES[2].to_owned(), ipv6),
            (BOOTSTRAP_FILES[3].to_owned(), asn),
        ])
    }

    /// Reads `dns.json`, `ipv4.json`, `ipv6.json` and `asn.json` from `dir`.
    pub fn from_files(dir: impl AsRef<Path>) -> Result<Self, RdapError> {
        let dir = dir.as_ref();
        let mut texts = Vec::with_capacity(BOOTSTRAP_FILES.len());
        for file in BOOTSTRAP_FILES {
            let path = dir.join(file);
            let from = path.display().to_string();
            let meta = std::fs::metadata(&path).map_err(|e| RdapError::Bootstrap {
                from: from.clone(),
                why: e.to_string(),
            })?;
            if meta.len() > MAX_BOOTSTRAP_FILE {
                return Err(RdapError::Bootstrap {
                    from,
                    why: format!("larger than {MAX_BOOTSTRAP_FILE} bytes"),
                });
            }
            let text = std::fs::read_to_string(&path).map_err(|e| RdapError::Bootstrap {
                from: from.clone(),
                why: e.to_string(),
            })?;
            texts.push((from, text));
        }
        Self::parse_owned(texts)
    }

    /// Replaces the fallback server for numbers without an entry; `None` means such
    /// queries fail with [`RdapError::NoServer`].
    pub fn with_fallback(mut self, base: Option<&str>) -> Result<Self, RdapError> {
        self.fallback = match base {
            None => None,
            Some(base) => Some(normalize_base(base).map_err(|why| RdapError::BadUrl {
                url: clip(base),
                why,
            })?),
        };
        Ok(self)
    }

    /// The fallback server, if any.
    pub fn fallback(&self) -> Option<&str> {
        self.fallback.as_deref()
    }

    /// True when no registry entry was loaded.
    pub fn is_empty(&self) -> bool {
        self.dns.is_empty() && self.ipv4.is_empty() && self.ipv6.is_empty() && self.asn.is_empty()
    }

    /// The server for an address: the entry with the longest matching prefix. The fallback
    /// is not considered here.
    pub fn server_for_ip(&self, ip: IpAddr) -> Option<&str> {
        match ip.to_canonical() {
            IpAddr::V4(v4) => {
                let bits = u32::from(v4);
                longest(
                    self.ipv4
                        .iter()
                        .filter(|(net, len, _)| bits & mask_v4(*len) == *net)
                        .map(|(_, len, url)| (*len, url)),
                )
            }
            IpAddr::V6(v6) => {
                let bits = u128::from(v6);
                longest(
                    self.ipv6
                        .iter()
                        .filter(|(net, len, _)| bits & mask_v6(*len) == *net)
                        .map(|(_, len, url)| (*len, url)),
                )
            }
        }
    }

    /// The server for a domain name: the entry whose TLD (or longer suffix) matches the
    /// most labels. `name` is compared case-insensitively; a trailing dot is ignored.
    pub fn server_for_domain(&self, name: &str) -> Option<&str> {
        let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
        longest(
            self.dns
                .iter()
                .filter(|(tld, _)| {
                    tld.is_empty()
                        || name == *tld
                        || (name.len() > tld.len()
                            && name.ends_with(tld.as_str())
                            && name.as_bytes()[name.len() - tld.len() - 1] == b'.')
                })
                .map(|(tld, url)| (tld.len(), url)),
        )
    }

    /// The server for an AS number. The fallback is not considered here.
    pub fn server_for_asn(&self, asn: u32) -> Option<&str> {
        self.asn
            .iter()
            .find(|(first, last, _)| (*first..=*last).contains(&asn))
            .map(|(_, _, url)| url.as_str())
    }

    fn parse(files: [(String, &str); 4]) -> Result<Self, RdapError> {
        let [dns, ipv4, ipv6, asn] = files;
        let mut out = Bootstrap {
            fallback: Some(RIR_FALLBACK_BASE.to_owned()),
            ..Bootstrap::default()
        };
        for (entries, url) in parse_registry(&dns.0, dns.1)? {
            for tld in entries {
                let tld = tld.trim().trim_matches('.').to_ascii_lowercase();
                out.dns.push((tld, url.clone()));
            }
        }
        for (entries, url) in parse_registry(&ipv4.0, ipv4.1)? {
            for cidr in entries {
                match parse_v4_cidr(&cidr) {
                    Some((net, len)) => out.ipv4.push((net, len, url.clone())),
                    None => {
                        tracing::warn!(file = %ipv4.0, entry = %clip(&cidr), "RDAP bootstrap: skipping a bad IPv4 prefix")
                    }
                }
            }
        }
        for (entries, url) in parse_registry(&ipv6.0, ipv6.1)? {
            for cidr in entries {
                match parse_v6_cidr(&cidr) {
                    Some((net, len)) => out.ipv6.push((net, len, url.clone())),
                    None => {
                        tracing::warn!(file = %ipv6.0, entry = %clip(&cidr), "RDAP bootstrap: skipping a bad IPv6 prefix")
                    }
                }
            }
        }
        for (entries, url) in parse_registry(&asn.0, asn.1)? {
            for range in entries {
                match parse_asn_range(&range) {
                    Some((first, last)) => out.asn.push((first, last, url.clone())),
                    None => {
                        tracing::warn!(file = %asn.0, entry = %clip(&range), "RDAP bootstrap: skipping a bad AS range")
                    }
                }
            }
        }
        Ok(out)
    }

    fn parse_owned(texts: Vec<(String, String)>) -> Result<Self, RdapError> {
        match <[(String, String); 4]>::try_from(texts) {
            Ok([a, b, c, d]) => Self::parse([
                (a.0, a.1.as_str()),
                (b.0, b.1.as_str()),
                (c.0, c.1.as_str()),
                (d.0, d.1.as_str()),
            ]),
            Err(_) => Err(RdapError::Bootstrap {
                from: "bootstrap".to_owned(),
                why: "expected four files".to_owned(),
            }),
        }
    }
}

/// Largest bootstrap file read from disk.
const MAX_BOOTSTRAP_FILE: u64 = 16 << 20;

/// The services of one registry as (entries, preferred server URL).
fn parse_registry(from: &str, json: &str) -> Result<Vec<(Vec<String>, String)>, RdapError> {
    let registry: RdapBootstrapRegistry =
        serde_json::from_str(json).map_err(|e| RdapError::Bootstrap {
            from: from.to_owned(),
            why: format!("not an RDAP bootstrap registry: {}", clip(&e.to_string())),
        })?;
    let mut out = Vec::with_capacity(registry.services.len());
    for service in registry.services {
        // RFC 9224: [entries, urls]; the object-tags registry has [owner, tags, urls].
        let (Some(entries), Some(urls)) = (service.first(), service.last()) else {
            continue;
        };
        if service.len() < 2 {
            tracing::warn!(file = %from, "RDAP bootstrap: skipping a service without URLs");
            continue;
        }
        let Some(url) = preferred_url(urls) else {
            tracing::warn!(file = %from, "RDAP bootstrap: skipping a service without a usable http(s) URL");
            continue;
        };
        out.push((entries.clone(), url));
    }
    Ok(out)
}

/// The first https URL, else the first http URL, as a base ending in `/`.
fn preferred_url(urls: &[String]) -> Option<String> {
    let usable: Vec<String> = urls.iter().filter_map(|u| normalize_base(u).ok()).collect();
    usable
        .iter()
        .find(|u| u.starts_with("https://"))
        .or_else(|| usable.first())
        .cloned()
}

/// An http(s) URL with a host, without query or fragment, ending in `/`.
fn normalize_base(base: &str) -> Result<String, String> {
    let mut url = Url::parse(base.trim()).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("scheme {:?} is not http or https", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("no host".to_owned());
    }
    url.set_query(None);
    url.set_fragment(None);
    let mut s = url.to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    Ok(s)
}

fn longest<'a, K: Ord>(matches: impl Iterator<Item = (K, &'a String)>) -> Option<&'a str> {
    let mut best: Option<(K, &'a String)> = None;
    for (key, url) in matches {
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, url));
        }
    }
    best.map(|(_, url)| url.as_str())
}

fn mask_v4(len: u8) -> u32 {
    if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len))
    }
}

fn mask_v6(len: u8) -> u128 {
    if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len))
    }
}

fn parse_v4_cidr(s: &str) -> Option<(u32, u8)> {
    let (addr, len) = s.trim().split_once('/')?;
    let addr: Ipv4Addr = addr.parse().ok()?;
    let len: u8 = len.parse().ok().filter(|l| *l <= 32)?;
    Some((u32::from(addr) & mask_v4(len), len))
}

fn parse_v6_cidr(s: &str) -> Option<(u128, u8)> {
    let (addr, len) = s.trim().split_once('/')?;
    let addr: Ipv6Addr = addr.parse().ok()?;
    let len: u8 = len.parse().ok().filter(|l| *l <= 128)?;
    Some((u128::from(addr) & mask_v6(len), len))
}

fn parse_asn_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let (first, last) = s.split_once('-').unwrap_or((s, s));
    let first: u32 = first.trim().parse().ok()?;
    let last: u32 = last.trim().parse().ok()?;
    (first <= last).then_some((first, last))
}

// ---------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------

/// Sends RDAP queries. Cheap to clone; clones share the cache and the rate limits.
#[derive(Clone)]
pub struct RdapClient {
    inner: Arc<Inner>,
}

struct Inner {
    policy: NetworkPolicy,
    config: RdapConfig,
    http: reqwest::Client,
    bootstrap: RwLock<Arc<Bootstrap>>,
    limiter: RateLimiter,
    cache: AnswerCache,
}

impl std::fmt::Debug for RdapClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RdapClient")
            .field("policy", &self.inner.policy)
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// A successful download: the URL that answered and its body.
struct Fetched {
    url: String,
    body: Vec<u8>,
}

enum Hop {
    Done(Vec<u8>),
    Redirect(String),
}

impl RdapClient {
    /// A client with the default limits and the given bootstrap.
    pub fn new(policy: NetworkPolicy, bootstrap: Bootstrap) -> Result<Self, RdapError> {
        Self::with_config(policy, bootstrap, RdapConfig::default())
    }

    /// A client with the given limits and bootstrap. Sends nothing yet.
    pub fn with_config(
        policy: NetworkPolicy,
        bootstrap: Bootstrap,
        config: RdapConfig,
    ) -> Result<Self, RdapError> {
        ensure_crypto_provider();
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .retry(reqwest::retry::never())
            .referer(false)
            .no_proxy()
            .user_agent(USER_AGENT)
            .dns_resolver(crate::PolicyResolver {
                policy: policy.clone(),
            })
            .build()
            .map_err(|e| RdapError::Client(error_chain(&e)))?;
        let interval = match config.max_requests_per_second_per_host {
            0 => Duration::ZERO,
            n => Duration::from_secs(1) / n,
        };
        Ok(RdapClient {
            inner: Arc::new(Inner {
                limiter: RateLimiter::new(interval),
                cache: AnswerCache::new(config.cache_ttl, config.cache_max_entries),
                policy,
                config,
                http,
                bootstrap: RwLock::new(Arc::new(bootstrap)),
            }),
        })
    }

    /// A client whose bootstrap comes from `policy.rdap_bootstrap`: empty means IANA
    /// ([`IANA_BOOTSTRAP_BASE`]), an `http://` or `https://` value is a base URL, anything
    /// else a directory. When the policy is offline, a URL source is not fetched and the
    /// bootstrap stays empty (every query fails with [`RdapError::Offline`] anyway).
    pub async fn from_policy(policy: NetworkPolicy, config: RdapConfig) -> Result<Self, RdapError> {
        let client = Self::with_config(policy, Bootstrap::default(), config)?;
        let source = bootstrap_source(&client.inner.policy);
        if client.inner.policy.offline && matches!(source, BootstrapSource::Url(_)) {
            return Ok(client);
        }
        client.refresh_bootstrap().await?;
        Ok(client)
    }

    /// The bootstrap in use.
    pub fn bootstrap(&self) -> Arc<Bootstrap> {
        Arc::clone(&read_lock(&self.inner.bootstrap))
    }

    /// Replaces the bootstrap (for example after a periodic refresh).
    pub fn set_bootstrap(&self, bootstrap: Bootstrap) {
        *write_lock(&self.inner.bootstrap) = Arc::new(bootstrap);
    }

    /// Loads the bootstrap from `policy.rdap_bootstrap` again and uses it.
    pub async fn refresh_bootstrap(&self) -> Result<(), RdapError> {
        let bootstrap = match bootstrap_source(&self.inner.policy) {
            BootstrapSource::Url(base) => self.fetch_bootstrap(&base).await?,
            BootstrapSource::Dir(dir) => {
                tokio::task::spawn_blocking(move || Bootstrap::from_files(dir))
                    .await
                    .map_err(|e| RdapError::Bootstrap {
                        from: "bootstrap directory".to_owned(),
                        why: e.to_string(),
                    })??
            }
        };
        self.set_bootstrap(bootstrap);
        Ok(())
    }

    /// Downloads the four bootstrap files from `base` (e.g. [`IANA_BOOTSTRAP_BASE`]).
    pub async fn fetch_bootstrap(&self, base: &str) -> Result<Bootstrap, RdapError> {
        let base = normalize_base(base).map_err(|why| RdapError::BadUrl {
            url: clip(base),
            why,
        })?;
        let mut texts = Vec::with_capacity(BOOTSTRAP_FILES.len());
        for file in BOOTSTRAP_FILES {
            let url = format!("{base}{file}");
            let fetched = self
                .fetch(&url, BOOTSTRAP_ACCEPT, self.inner.config.max_bootstrap_body)
                .await?;
            let text = String::from_utf8(fetched.body).map_err(|_| RdapError::Bootstrap {
                from: clip(&fetched.url),
                why: "not UTF-8".to_owned(),
            })?;
            texts.push((clip(&fetched.url), text));
        }
        Bootstrap::parse_owned(texts)
    }

    /// Forgets every cached answer.
    pub fn clear_cache(&self) {
        lock(&self.inner.cache.map).clear();
    }

    /// The network `ip` belongs to and its abuse contact.
    ///
    /// The abuse contact is the nearest entity with role `abuse` (breadth-first over nested
    /// entities) that has an email address; failing that, the nearest one at all.
    pub async fn ip_network(&self, ip: IpAddr) -> Result<NetworkContact, RdapError> {
        self.online()?;
        let ip = ip.to_canonical();
        let base = {
            let bootstrap = self.bootstrap();
            bootstrap
                .server_for_ip(ip)
                .or(bootstrap.fallback())
                .map(str::to_owned)
        }
        .ok_or_else(|| RdapError::NoServer {
            query: ip.to_string(),
        })?;
        let url = format!("{base}ip/{ip}");
        if let Some(Cached::Network(hit)) = self.inner.cache.get(&url) {
            tracing::debug!(%url, "RDAP answer from cache");
            return Ok(hit);
        }
        let fetched = self
            .fetch(&url, RDAP_JSON, self.inner.config.max_body)
            .await?;
        let contact = parse_network(ip, &fetched.url, &fetched.body)?;
        self.inner.cache.put(url, Cached::Network(contact.clone()));
        Ok(contact)
    }

    /// The network that encloses `net` (its parent), asked of the same registry as the
    /// prefix one bit shorter (`ip/<prefix>/<length>`, RFC 9082 §3.1.1): the registry answers
    /// with the most specific network holding it. `None` when `net` has no usable prefix or
    /// is already the whole address space.
    pub async fn ip_parent(
        &self,
        net: &NetworkContact,
    ) -> Result<Option<NetworkContact>, RdapError> {
        self.online()?;
        let Some((addr, len)) = net.prefix() else {
            return Ok(None);
        };
        if len == 0 {
            return Ok(None);
        }
        let parent_len = len - 1;
        let parent = match addr {
            IpAddr::V4(a) => IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask_v4(parent_len))),
            IpAddr::V6(a) => IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask_v6(parent_len))),
        };
        let base = {
            let bootstrap = self.bootstrap();
            bootstrap
                .server_for_ip(net.query)
                .or(bootstrap.fallback())
                .map(str::to_owned)
        }
        .ok_or_else(|| RdapError::NoServer {
            query: parent.to_string(),
        })?;
        let url = format!("{base}ip/{parent}/{parent_len}");
        if let Some(Cached::Network(hit)) = self.inner.cache.get(&url) {
            return Ok(Some(hit));
        }
        let fetched = self
            .fetch(&url, RDAP_JSON, self.inner.config.max_body)
            .await?;
        let contact = parse_network(net.query, &fetched.url, &fetched.body)?;
        self.inner.cache.put(url, Cached::Network(contact.clone()));
        Ok(Some(contact))
    }

    /// The autonomous system `asn` and its abuse contact (`autnum/<asn>`).
    pub async fn autnum(&self, asn: u32) -> Result<AutnumContact, RdapError> {
        self.online()?;
        let base = {
            let bootstrap = self.bootstrap();
            bootstrap
                .server_for_asn(asn)
                .or(bootstrap.fallback())
                .map(str::to_owned)
        }
        .ok_or_else(|| RdapError::NoServer {
            query: format!("AS{asn}"),
        })?;
        let url = format!("{base}autnum/{asn}");
        if let Some(Cached::Autnum(hit)) = self.inner.cache.get(&url) {
            return Ok(hit);
        }
        let fetched = self
            .fetch(&url, RDAP_JSON, self.inner.config.max_body)
            .await?;
        let contact = parse_autnum(asn, &fetched.url, &fetched.body)?;
        self.inner.cache.put(url, Cached::Autnum(contact.clone()));
        Ok(contact)
    }

    /// The registrar of `name` and the registrar's abuse contact.
    ///
    /// `name` should be the registrable domain in A-label (punycode) form, e.g.
    /// `example.com` rather than `www.example.com`: registries only know registered names.
    pub async fn domain(&self, name: &str) -> Result<DomainContact, RdapError> {
        self.online()?;
        let name = normalize_domain(name)?;
        let base = self
            .bootstrap()
            .server_for_domain(&name)
            .map(str::to_owned)
            .ok_or_else(|| RdapError::NoServer {
                query: name.clone(),
            })?;
        let url = format!("{base}domain/{name}");
        if let Some(Cached::Domain(hit)) = self.inner.cache.get(&url) {
            tracing::debug!(%url, "RDAP answer from cache");
            return Ok(hit);
        }
        let fetched = self
            .fetch(&url, RDAP_JSON, self.inner.config.max_body)
            .await?;
        let contact = parse_domain(&name, &fetched.url, &fetched.body)?;
        self.inner.cache.put(url, Cached::Domain(contact.clone()));
        Ok(contact)
    }

    fn online(&self) -> Result<(), RdapError> {
        self.inner
            .policy
            .check_online()
            .map_err(|_| RdapError::Offline)
    }

    /// GETs `start`, following redirects by hand.
    async fn fetch(&self, start: &str, accept: &str, limit: usize) -> Result<Fetched, RdapError> {
        self.online()?;
        let max_redirects = self.inner.config.max_redirects;
        let mut url = parse_http_url(start)?;
        let mut seen = HashSet::from([url.to_string()]);
        let mut redirects = 0usize;
        loop {
            self.check_target(&url)?;
            self.inner.limiter.wait(&host_key(&url)).await;
            tracing::debug!(url = %url, "RDAP request");
            let after = self.inner.config.timeout;
            let hop = tokio::time::timeout(after, self.hop(&url, accept, limit))
                .await
                .map_err(|_| RdapError::Timeout {
                    url: clip(url.as_str()),
                    after,
                })??;
            match hop {
                Hop::Done(body) => {
                    return Ok(Fetched {
                        url: url.to_string(),
                        body,
                    });
                }
                Hop::Redirect(location) => {
                    let mut next = url.join(&location).map_err(|e| RdapError::BadUrl {
                        url: clip(&location),
                        why: format!("bad redirect from {}: {e}", clip(url.as_str())),
                    })?;
                    next.set_fragment(None);
                    if !matches!(next.scheme(), "http" | "https") {
                        return Err(RdapError::BadUrl {
                            url: clip(next.as_str()),
                            why: "redirect to a scheme other than http or https".to_owned(),
                        });
                    }
                    if !seen.insert(next.to_string()) {
                        return Err(RdapError::RedirectLoop { url: clip(start) });
                    }
                    redirects += 1;
                    if redirects > max_redirects {
                        return Err(RdapError::TooManyRedirects {
                            url: clip(start),
                            limit: max_redirects,
                        });
                    }
                    tracing::debug!(from = %url, to = %next, "RDAP redirect");
                    url = next;
                }
            }
        }
    }

    /// One request: a redirect target, or the body read up to `limit` bytes.
    async fn hop(&self, url: &Url, accept: &str, limit: usize) -> Result<Hop, RdapError> {
        let timeout = self.inner.config.timeout;
        let mut response = self
            .inner
            .http
            .get(url.clone())
            .header(ACCEPT, accept)
            .send()
            .await
            .map_err(|e| transport_error(url, &e, timeout))?;
        let status = response.status();
        if matches!(
            status,
            StatusCode::MOVED_PERMANENTLY
                | StatusCode::FOUND
                | StatusCode::SEE_OTHER
                | StatusCode::TEMPORARY_REDIRECT
                | StatusCode::PERMANENT_REDIRECT
        ) {
            let location = response
                .headers()
                .get(LOCATION)
                .ok_or_else(|| RdapError::Malformed {
                    url: clip(url.as_str()),
                    why: format!("HTTP {} without a Location header", status.as_u16()),
                })?
                .to_str()
                .map_err(|_| RdapError::Malformed {
                    url: clip(url.as_str()),
                    why: "a Location header that is not visible ASCII".to_owned(),
                })?;
            return Ok(Hop::Redirect(location.to_owned()));
        }
        if !status.is_success() {
            return Err(RdapError::Http {
                url: clip(url.as_str()),
                status: status.as_u16(),
            });
        }
        let too_large = || RdapError::TooLarge {
            url: clip(url.as_str()),
            limit,
        };
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| transport_error(url, &e, timeout))?
        {
            if body.len().saturating_add(chunk.len()) > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Hop::Done(body))
    }

    /// Refuses URLs whose host is an IP literal the policy forbids. Names are checked when
    /// they are resolved (`crate::PolicyResolver`).
    fn check_target(&self, url: &Url) -> Result<(), RdapError> {
        let host = url.host_str().unwrap_or_default();
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = literal.parse::<IpAddr>() {
            self.inner
                .policy
                .check_target(ip)
                .map_err(|refused| match refused {
                    Refused::Offline => RdapError::Offline,
                    Refused::NotPublic(ip) => RdapError::TargetRefused {
                        url: clip(url.as_str()),
                        ip,
                    },
                    other => RdapError::Client(other.to_string()),
                })?;
        }
        Ok(())
    }
}

enum BootstrapSource {
    Url(String),
    Dir(std::path::PathBuf),
}

fn bootstrap_source(policy: &NetworkPolicy) -> BootstrapSource {
    let s = policy.rdap_bootstrap.trim();
    if s.is_empty() {
        BootstrapSource::Url(IANA_BOOTSTRAP_BASE.to_owned())
    } else if s.starts_with("http://") || s.starts_with("https://") {
        BootstrapSource::Url(s.to_owned())
    } else {
        BootstrapSource::Dir(s.into())
    }
}

fn parse_http_url(s: &str) -> Result<Url, RdapError> {
    let url = Url::parse(s).map_err(|e| RdapError::BadUrl {
        url: clip(s),
        why: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(RdapError::BadUrl {
            url: clip(s),
            why: "not an http(s) URL with a host".to_owned(),
        });
    }
    Ok(url)
}

/// The rate-limit key: scheme, host and port.
fn host_key(url: &Url) -> String {
    format!(
        "{}://{}:{}",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default()
    )
}

fn transport_error(url: &Url, e: &reqwest::Error, after: Duration) -> RdapError {
    if e.is_timeout() {
        RdapError::Timeout {
            url: clip(url.as_str()),
            after,
        }
    } else {
        RdapError::Transport {
            url: clip(url.as_str()),
            why: error_chain(e),
        }
    }
}

/// The error and its sources, joined with ": ".
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    clip(&out)
}

/// `s`, cut to a length fit for an error message or a log line.
fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_URL_IN_ERROR {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(MAX_URL_IN_ERROR).collect();
        out.push('…');
        out
    }
}

pub(crate) fn ensure_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race against another installer is fine: some provider is then installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn read_lock<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write_lock<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Spaces requests to each host `interval` apart.
struct RateLimiter {
    interval: Duration,
    next: Mutex<HashMap<String, Instant>>,
}

impl RateLimiter {
    fn new(interval: Duration) -> Self {
        RateLimiter {
            interval,
            next: Mutex::new(HashMap::new()),
        }
    }

    async fn wait(&self, host: &str) {
        if self.interval.is_zero() {
            return;
        }
        let slot = {
            let mut next = lock(&self.next);
            let now = Instant::now();
            if next.len() > 1024 {
                next.retain(|_, t| *t > now);
            }
            let entry = next.entry(host.to_owned()).or_insert(now);
            let slot = (*entry).max(now);
            *entry = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

#[derive(Clone)]
enum Cached {
    Network(NetworkContact),
    Domain(DomainContact),
    Autnum(AutnumContact),
}

/// Parsed answers by query URL.
struct AnswerCache {
    ttl: Duration,
    max_entries: usize,
    map: Mutex<HashMap<String, (Instant, Cached)>>,
}

impl AnswerCache {
    fn new(ttl: Duration, max_entries: usize) -> Self {
        AnswerCache {
            ttl,
            max_entries,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, url: &str) -> Option<Cached> {
        let mut map = lock(&self.map);
        match map.get(url) {
            Some((expires, answer)) if *expires > Instant::now() => Some(answer.clone()),
            Some(_) => {
                map.remove(url);
                None
            }
            None => None,
        }
    }

    fn put(&self, url: String, answer: Cached) {
        if self.ttl.is_zero() || self.max_entries == 0 {
            return;
        }
        let now = Instant::now();
        let mut map = lock(&self.map);
        if map.len() >= self.max_entries && !map.contains_key(&url) {
            map.retain(|_, (expires, _)| *expires > now);
            if map.len() >= self.max_entries {
                let oldest = map
                    .iter()
                    .min_by_key(|(_, (expires, _))| *expires)
                    .map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    map.remove(&oldest);
                }
            }
        }
        map.insert(url, (now + self.ttl, answer));
    }
}

// ---------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------

fn malformed(url: &str, why: impl Into<String>) -> RdapError {
    RdapError::Malformed {
        url: clip(url),
        why: clip(&why.into()),
    }
}

fn check_class(url: &str, found: &str, expected: &str) -> Result<(), RdapError> {
    if found.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(malformed(
            url,
            format!("objectClassName is {found:?}, expected {expected:?}"),
        ))
    }
}

/// Reads an RDAP ip-network answer for `query` as fetched from `url`: the same code the
/// client runs on every answer, exposed for fuzzing (a hosting provider writes these answers,
/// so they are hostile input).
pub fn read_network_answer(
    query: IpAddr,
    url: &str,
    body: &[u8],
) -> Result<NetworkContact, RdapError> {
    parse_network(query, url, body)
}

/// As [`read_network_answer`], for a domain answer.
pub fn read_domain_answer(query: &str, url: &str, body: &[u8]) -> Result<DomainContact, RdapError> {
    parse_domain(query, url, body)
}

fn parse_network(query: IpAddr, url: &str, body: &[u8]) -> Result<NetworkContact, RdapError> {
    let net: Network = serde_json::from_slice(body)
        .map_err(|e| malformed(url, format!("not an RDAP ip network object: {e}")))?;
    check_class(url, &net.object_common.object_class_name, "ip network")?;
    let entities = net.object_common.entities.as_deref().unwrap_or_default();
    let cidrs = net
        .cidr0_cidrs
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter_map(|c| {
            let prefix = clean(&c.prefix()?)?;
            Some(format!("{prefix}/{}", c.length()?))
        })
        .collect();
    let organisation =
        find_by_role(entities, "registrant", |e| entity_name(e).is_some()).and_then(entity_name);
    let abuse = find_by_role(entities, "abuse", has_email).map(abuse_contact);
    // The typed answer drops extensions; ARIN's origin AS list is read from the JSON itself.
    #[derive(Deserialize)]
    struct OriginAs {
        #[serde(default)]
        arin_originas0_originautnums: Vec<serde_json::Value>,
    }
    let origin_asns = serde_json::from_slice::<OriginAs>(body)
        .map(|o| {
            o.arin_originas0_originautnums
                .iter()
                .filter_map(|v| {
                    v.as_u64()
                        .or_else(|| v.as_str()?.trim().parse().ok())
                        .and_then(|n| u32::try_from(n).ok())
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(NetworkContact {
        query,
        handle: net.object_common.handle.as_deref().and_then(clean),
        name: net.name.as_deref().and_then(clean),
        cidrs,
        start_address: net.start_address.as_deref().and_then(clean),
        end_address: net.end_address.as_deref().and_then(clean),
        country: net.country.as_deref().and_then(clean),
        parent_handle: net.parent_handle.as_deref().and_then(clean),
        organisation,
        abuse,
        origin_asns,
        source: url.to_owned(),
    })
}

fn parse_autnum(query: u32, url: &str, body: &[u8]) -> Result<AutnumContact, RdapError> {
    let autnum: Autnum = serde_json::from_slice(body)
        .map_err(|e| malformed(url, format!("not an RDAP autnum object: {e}")))?;
    check_class(url, &autnum.object_common.object_class_name, "autnum")?;
    let entities = autnum.object_common.entities.as_deref().unwrap_or_default();
    Ok(AutnumContact {
        asn: query,
        handle: autnum.object_common.handle.as_deref().and_then(clean),
        name: autnum.name().and_then(clean),
        abuse: find_by_role(entities, "abuse", has_email).map(abuse_contact),
        source: url.to_owned(),
    })
}

fn parse_domain(query: &str, url: &str, body: &[u8]) -> Result<DomainContact, RdapError> {
    let domain: Domain = serde_json::from_slice(body)
        .map_err(|e| malformed(url, format!("not an RDAP domain object: {e}")))?;
    check_class(url, &domain.object_common.object_class_name, "domain")?;
    let entities = domain.object_common.entities.as_deref().unwrap_or_default();
    let registrar = find_by_role(entities, "registrar", |_| true);
    let iana_id = registrar.and_then(|r| {
        r.public_ids()
            .iter()
            .filter(|id| {
                id.id_type
                    .as_deref()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("IANA Registrar ID"))
            })
            .find_map(|id| id.identifier.as_deref()?.trim().parse::<u32>().ok())
    });
    let abuse = registrar
        .and_then(|r| {
            let nested = r.object_common.entities.as_deref().unwrap_or_default();
            find_by_role(nested, "abuse", has_email)
        })
        .or_else(|| find_by_role(entities, "abuse", has_email))
        .map(abuse_contact);
    Ok(DomainContact {
        domain: domain
            .ldh_name
            .as_deref()
            .and_then(clean)
            .map(|d| d.to_ascii_lowercase())
            .unwrap_or_else(|| query.to_owned()),
        handle: domain.object_common.handle.as_deref().and_then(clean),
        registrar: registrar.and_then(entity_name),
        registrar_iana_id: iana_id,
        abuse,
        source: url.to_owned(),
    })
}

fn has_role(entity: &Entity, role: &str) -> bool {
    entity
        .roles()
        .iter()
        .any(|r| r.trim().eq_ignore_ascii_case(role))
}

/// Breadth-first over `roots` and their nested entities: the first entity with `role` for
/// which `preferred` holds; failing that, the first entity with `role` at all.
fn find_by_role<'a>(
    roots: &'a [Entity],
    role: &str,
    preferred: impl Fn(&Entity) -> bool,
) -> Option<&'a Entity> {
    let mut queue: VecDeque<&Entity> = roots.iter().collect();
    let mut first = None;
    let mut searched = 0usize;
    while let Some(entity) = queue.pop_front() {
        searched += 1;
        if searched > MAX_ENTITIES_SEARCHED {
            break;
        }
        if has_role(entity, role) {
            if preferred(entity) {
                return Some(entity);
            }
            first.get_or_insert(entity);
        }
        if let Some(children) = entity.object_common.entities.as_deref() {
            queue.extend(children.iter());
        }
    }
    first
}

fn has_email(entity: &Entity) -> bool {
    pick_email(entity).is_some()
}

fn entity_name(entity: &Entity) -> Option<String> {
    let contact = entity.contact()?;
    let real = |s: &str| clean(s).filter(|s| !is_placeholder(s));
    contact
        .full_name()
        .and_then(real)
        .or_else(|| contact.organization_name().and_then(real))
}

/// What registries write where they will not give the real value (GDPR redaction, ICANN's
/// registration data policy, LACNIC's removed addresses). Such a value is no contact: an
/// entity that has only placeholders gives none, and the search goes on to the next source.
const PLACEHOLDERS: &[&str] = &[
    "redacted for privacy",
    "not disclosed",
    "non-public data",
    "data protected",
    "please query the rdds service",
    "please query the whois service",
    "gdpr masked",
];

/// Mailbox names that stand for no mailbox: LACNIC's `removed@…`, and the like.
const PLACEHOLDER_MAILBOXES: &[&str] = &[
    "removed",
    "redacted",
    "notdisclosed",
    "not-disclosed",
    "not.disclosed",
    "nomail",
    "no-mail",
    "noemail",
    "no-email",
    "none",
];

/// Whether an RDAP value is a placeholder (see [`PLACEHOLDERS`]) rather than a real value.
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    let bare = v.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if bare.is_empty() || bare.starts_with("redacted") || PLACEHOLDERS.iter().any(|p| v.contains(p))
    {
        return true;
    }
    let v = v.strip_prefix("mailto:").unwrap_or(&v);
    match v.rsplit_once('@') {
        // `.invalid` never receives mail (RFC 2606); registries use it for "no address".
        Some((local, domain)) => {
            PLACEHOLDER_MAILBOXES.contains(&local)
                || domain == "invalid"
                || domain.ends_with(".invalid")
        }
        None => false,
    }
}

fn abuse_contact(entity: &Entity) -> AbuseContact {
    let contact = entity.contact();
    AbuseContact {
        handle: entity.object_common.handle.as_deref().and_then(clean),
        name: entity_name(entity),
        email: pick_email(entity),
        phone: contact
            .as_ref()
            .and_then(|c| c.prefer_voice_phone())
            .and_then(|p| clean(p.phone().trim().trim_start_matches("tel:")))
            .filter(|p| !is_placeholder(p)),
    }
}

/// The address the vCard marks `type: abuse` (RIPE does), else the most preferred, else the
/// first; only plausible addresses count.
fn pick_email(entity: &Entity) -> Option<String> {
    if let Some(marked) = abuse_typed_emails(entity).into_iter().next() {
        return Some(marked);
    }
    let contact = entity.contact()?;
    let usable: Vec<(Option<u64>, String)> = contact
        .emails()
        .iter()
        .filter_map(|e| plausible_email(e.email()).map(|addr| (e.preference(), addr)))
        .collect();
    usable
        .iter()
        .filter(|(pref, _)| pref.is_some())
        .min_by_key(|(pref, _)| *pref)
        .or_else(|| usable.first())
        .map(|(_, addr)| addr.clone())
}

/// Emails whose vCard `type` parameter includes `abuse`. `Contact` drops that parameter,
/// so this reads the entity's jCard itself.
fn abuse_typed_emails(entity: &Entity) -> Vec<String> {
    let Ok(value) = serde_json::to_value(entity) else {
        return Vec::new();
    };
    let Some(props) = value
        .get("vcardArray")
        .and_then(|v| v.get(1))
        .and_then(serde_json::Value::as_array)
    else {
        return Vec::new();
    };
    let is_abuse =
        |t: &serde_json::Value| t.as_str().is_some_and(|t| t.eq_ignore_ascii_case("abuse"));
    props
        .iter()
        .filter_map(serde_json::Value::as_array)
        .filter(|prop| {
            prop.first()
                .and_then(serde_json::Value::as_str)
                .is_some_and(|name| name.eq_ignore_ascii_case("email"))
        })
        .filter(|prop| {
            prop.get(1)
                .and_then(|params| params.get("type"))
                .is_some_and(|t| {
                    is_abuse(t) || t.as_array().is_some_and(|types| types.iter().any(is_abuse))
                })
        })
        .filter_map(|prop| plausible_email(prop.get(3)?.as_str()?))
        .collect()
}

fn plausible_email(raw: &str) -> Option<String> {
    if is_placeholder(raw) {
        return None;
    }
    let s = raw.trim();
    let s = s
        .strip_prefix("mailto:")
        .or_else(|| s.strip_prefix("MAILTO:"))
        .unwrap_or(s)
        .trim();
    let (local, domain) = s.rsplit_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.len() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@');
    ok.then(|| s.to_owned())
}

/// Answer text made safe to store and show: control characters become spaces, the value is
/// trimmed and cut to [`MAX_FIELD_CHARS`]; empty becomes `None`.
fn clean(s: &str) -> Option<String> {
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_FIELD_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| cleaned.to_owned())
}

/// A domain name fit for an RDAP query: lower case, no trailing dot, LDH labels.
fn normalize_domain(name: &str) -> Result<String, RdapError> {
    let bad = |why| RdapError::BadQuery {
        query: clip(name),
        why,
    };
    let n = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if n.is_empty() || n.len() > 253 {
        return Err(bad("a domain name has 1 to 253 characters"));
    }
    if !n.is_ascii() {
        return Err(bad("not ASCII; pass the A-label (punycode) form"));
    }
    let labels: Vec<&str> = n.split('.').collect();
    if labels.len() < 2 {
        return Err(bad("a registered domain has at least two labels"));
    }
    for label in labels {
        if label.is_empty() || label.len() > 63 {
            return Err(bad("every label has 1 to 63 characters"));
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(bad("only letters, digits and hyphens are allowed"));
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::body::Body;
    use axum::extract::State;
    use axum::http::{StatusCode as AxStatus, Uri, header};
    use axum::response::Response;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const ARIN: &str = include_str!("../tests/fixtures/rdap/arin_network.json");
    const RIPE: &str = include_str!("../tests/fixtures/rdap/ripe_network.json");
    const RIPE_V6: &str = include_str!("../tests/fixtures/rdap/ripe_network_v6.json");
    const DOMAIN: &str = include_str!("../tests/fixtures/rdap/domain.json");
    const EMPTY_REGISTRY: &str =
        r#"{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}"#;
    /// The host part the fixture bootstrap files use for every server.
    const FIXTURE_BASE: &str = "https://rdap.test/";

    fn fixture_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rdap/bootstrap")
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn loopback_policy() -> NetworkPolicy {
        NetworkPolicy {
            allow_loopback_targets: true,
            ..NetworkPolicy::default()
        }
    }

    fn fast_config() -> RdapConfig {
        RdapConfig {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_millis(500),
            max_requests_per_second_per_host: 0,
            ..RdapConfig::default()
        }
    }

    struct ServerState {
        base: String,
        hits: AtomicUsize,
        paths: Mutex<Vec<String>>,
    }

    struct TestServer {
        base: String,
        state: Arc<ServerState>,
    }

    impl TestServer {
        fn hits(&self) -> usize {
            self.state.hits.load(Ordering::SeqCst)
        }

        fn reset(&self) {
            self.state.hits.store(0, Ordering::SeqCst);
            lock(&self.state.paths).clear();
        }

        fn paths(&self) -> Vec<String> {
            lock(&self.state.paths).clone()
        }
    }

    /// An RDAP server on 127.0.0.1 that serves the fixtures and a few hostile answers,
    /// chosen by the first path segment.
    async fn start_server() -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/", listener.local_addr().unwrap());
        let state = Arc::new(ServerState {
            base: base.clone(),
            hits: AtomicUsize::new(0),
            paths: Mutex::new(Vec::new()),
        });
        let app = axum::Router::new()
            .fallback(serve)
            .with_state(Arc::clone(&state));
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        TestServer { base, state }
    }

    fn answer(status: AxStatus, content_type: &str, body: impl Into<Body>) -> Response {
        Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .unwrap()
    }

    fn redirect(to: &str) -> Response {
        Response::builder()
            .status(AxStatus::FOUND)
            .header(header::LOCATION, to)
            .body(Body::empty())
            .unwrap()
    }

    async fn serve(State(s): State<Arc<ServerState>>, uri: Uri) -> Response {
        s.hits.fetch_add(1, Ordering::SeqCst);
        let path = uri.path().to_owned();
        lock(&s.paths).push(path.clone());
        let rdap = |body: &str| answer(AxStatus::OK, RDAP_JSON, body.to_owned());
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            ["bootstrap", file] => match std::fs::read_to_string(fixture_dir().join(file)) {
                Ok(text) => answer(
                    AxStatus::OK,
                    "application/json",
                    text.replace(FIXTURE_BASE, &s.base),
                ),
                Err(_) => answer(AxStatus::NOT_FOUND, "text/plain", "no such file"),
            },
            ["arin", "registry", "ip", _] => rdap(ARIN),
            ["ripe", "ip", q] if q.contains(':') => rdap(RIPE_V6),
            ["ripe", "ip", _] => rdap(RIPE),
            ["registry", "domain", "example.test"] => rdap(DOMAIN),
            ["registry", "domain", _] => answer(
                AxStatus::NOT_FOUND,
                RDAP_JSON,
                r#"{"errorCode":404,"title":"Not Found"}"#,
            ),
            ["fallback", "ip", q] => redirect(&format!("/ripe/ip/{q}")),
            ["malformed", "ip", _] => rdap(r#"{"objectClassName": "ip network", "handle": "#),
            ["wrongclass", "ip", _] => rdap(DOMAIN),
            ["notobject", "ip", _] => rdap("[1, 2, 3]"),
            ["huge", "ip", _] => {
                let mut big = String::from(r#"{"objectClassName":"ip network","remarks":[""#);
                big.push_str(&"x".repeat(5 << 20));
                big.push_str(r#""]}"#);
                rdap(&big)
            }
            ["loop", "ip", q] => redirect(&format!("{}loop2/ip/{q}", s.base)),
            ["loop2", "ip", q] => redirect(&format!("/loop/ip/{q}")),
            ["chain", n, "ip", q] => {
                let n: u32 = n.parse().unwrap_or(0);
                redirect(&format!("/chain/{}/ip/{q}", n + 1))
            }
            ["slow", "ip", _] => {
                tokio::time::sleep(Duration::from_secs(5)).await;
                rdap(RIPE)
            }
            ["broken", "ip", _] => answer(AxStatus::INTERNAL_SERVER_ERROR, "text/plain", "oops"),
            ["weird", "ip", _] => rdap(WEIRD_NETWORK),
            _ => answer(AxStatus::NOT_FOUND, "text/plain", "not here"),
        }
    }

    /// Odd but parseable: roles as a string, an abuse entity whose vCard is broken, a
    /// correct abuse entity deeper down, numbers where strings belong.
    const WEIRD_NETWORK: &str = r#"{
        "objectClassName": "ip network",
        "handle": 12345,
        "name": "  WEIRD\u0007-NET\n ",
        "startAddress": "203.0.113.0",
        "endAddress": "203.0.113.255",
        "cidr0_cidrs": [{"v4prefix": "203.0.113.0"}, {"length": 24}],
        "entities": [
            {"objectClassName": "entity", "roles": "abuse", "vcardArray": ["vcard", "not-an-array"]},
            {"objectClassName": "entity", "roles": ["abuse"], "vcardArray": [
                "vcard", [["version", {}, "text", "4.0"], ["email", {}, "text", "not-an-email"], ["email"], [], 7]
            ]},
            {"objectClassName": "entity", "roles": ["registrant"], "vcardArray": [], "entities": [
                {"objectClassName": "entity", "roles": ["ABUSE"], "handle": "DEEP-ABUSE", "vcardArray": [
                    "vcard", [["fn", {}, "text", "Deep Abuse"], ["email", {}, "text", "mailto:abuse@example.com"],
                              ["tel", {"type": "fax"}, "uri", "tel:+1-555-555-0111"]]
                ]}
            ]}
        ]
    }"#;

    /// A client using the fixture bootstrap served by `server` over HTTP, with the fallback
    /// pointed at the server too. The server's counters are reset afterwards.
    async fn fixture_client(server: &TestServer, config: RdapConfig) -> RdapClient {
        let client =
            RdapClient::with_config(loopback_policy(), Bootstrap::default(), config).unwrap();
        let bootstrap = client
            .fetch_bootstrap(&format!("{}bootstrap/", server.base))
            .await
            .unwrap()
            .with_fallback(Some(&format!("{}fallback/", server.base)))
            .unwrap();
        client.set_bootstrap(bootstrap);
        server.reset();
        client
    }

    /// A client whose IPv4 bootstrap sends 203.0.113.0/28 to `{base}{kind}/`.
    fn hostile_client(base: &str, kind: &str, config: RdapConfig) -> RdapClient {
        let ipv4 = format!(
            r#"{{"version":"1.0","publication":"2025-01-01T00:00:00Z",
                "services":[[["203.0.113.0/28"],["{base}{kind}/"]]]}}"#
        );
        let bootstrap = Bootstrap::from_json(EMPTY_REGISTRY, &ipv4, EMPTY_REGISTRY, EMPTY_REGISTRY)
            .unwrap()
            .with_fallback(None)
            .unwrap();
        RdapClient::with_config(loopback_policy(), bootstrap, config).unwrap()
    }

    #[test]
    fn bootstrap_files_pick_the_longest_match() {
        let b = Bootstrap::from_files(fixture_dir()).unwrap();
        assert!(!b.is_empty());
        // 192.0.2.0/24 beats 192.0.0.0/8; https is preferred over http.
        assert_eq!(
            b.server_for_ip(ip("192.0.2.10")),
            Some("https://rdap.test/arin/registry/")
        );
        assert_eq!(
            b.server_for_ip(ip("192.0.3.1")),
            Some("https://rdap.test/ripe/")
        );
        assert_eq!(
            b.server_for_ip(ip("::ffff:198.51.100.7")),
            Some("https://rdap.test/ripe/")
        );
        assert_eq!(b.server_for_ip(ip("10.0.0.1")), None);
        assert_eq!(
            b.server_for_ip(ip("2001:db8:1fff::1")),
            Some("https://rdap.test/arin/registry/")
        );
        assert_eq!(
            b.server_for_ip(ip("2001:db8:2000::1")),
            Some("https://rdap.test/ripe/")
        );
        assert_eq!(b.server_for_ip(ip("2001:db9::1")), None);
        assert_eq!(
            b.server_for_domain("WWW.Example.TEST."),
            Some("https://rdap.test/registry/")
        );
        assert_eq!(
            b.server_for_domain("example.invalid"),
            Some("https://rdap.other.test/")
        );
        assert_eq!(b.server_for_domain("exampletest"), None);
        assert_eq!(b.server_for_domain("example.com"), None);
        assert_eq!(
            b.server_for_asn(64500),
            Some("https://rdap.test/arin/registry/")
        );
        assert_eq!(b.server_for_asn(65545), Some("https://rdap.test/ripe/"));
        assert_eq!(b.server_for_asn(1), None);
        assert_eq!(b.fallback(), Some(RIR_FALLBACK_BASE));
    }

    #[test]
    fn bootstrap_skips_bad_entries_and_refuses_bad_files() {
        let ipv4 = r#"{"version":"1.0","publication":"x","services":[
            [["not-a-prefix", "192.0.2.0/33", "198.51.100.0/24"], ["https://rdap.test/a"]],
            [["203.0.113.0/24"], ["ftp://rdap.test/", "javascript:alert(1)"]],
            [["192.0.2.0/24"]],
            []
        ]}"#;
        let b = Bootstrap::from_json(EMPTY_REGISTRY, ipv4, EMPTY_REGISTRY, EMPTY_REGISTRY).unwrap();
        // The base gets its trailing slash.
        assert_eq!(
            b.server_for_ip(ip("198.51.100.1")),
            Some("https://rdap.test/a/")
        );
        assert_eq!(b.server_for_ip(ip("203.0.113.1")), None);
        assert_eq!(b.server_for_ip(ip("192.0.2.1")), None);

        for bad in ["", "{", "[]", r#"{"services": "nope"}"#] {
            let err = Bootstrap::from_json(bad, EMPTY_REGISTRY, EMPTY_REGISTRY, EMPTY_REGISTRY)
                .unwrap_err();
            assert!(
                matches!(&err, RdapError::Bootstrap { from, .. } if from == "dns.json"),
                "{err:?}"
            );
        }
        let err = Bootstrap::from_files(fixture_dir().join("missing")).unwrap_err();
        assert!(matches!(err, RdapError::Bootstrap { .. }), "{err:?}");
    }

    #[test]
    fn nearest_abuse_entity_wins() {
        // The deeper abuse entity comes first in document order; the top-level one wins.
        let json = r#"{
            "objectClassName": "ip network",
            "entities": [
                {"objectClassName": "entity", "roles": ["registrant"], "entities": [
                    {"objectClassName": "entity", "roles": ["abuse"], "vcardArray":
                        ["vcard", [["email", {}, "text", "deep@example.com"]]]}
                ]},
                {"objectClassName": "entity", "roles": ["abuse"], "vcardArray":
                    ["vcard", [["email", {}, "text", "near@example.com"]]]}
            ]
        }"#;
        let n = parse_network(ip("192.0.2.1"), "http://x.test/", json.as_bytes()).unwrap();
        assert_eq!(n.abuse.unwrap().email.as_deref(), Some("near@example.com"));
    }

    #[test]
    fn domain_names_are_checked() {
        assert_eq!(normalize_domain(" Example.TEST. ").unwrap(), "example.test");
        for bad in [
            "",
            "test",
            "exa mple.test",
            "bücher.test",
            "a..test",
            "x/y.test",
        ] {
            assert!(
                matches!(normalize_domain(bad), Err(RdapError::BadQuery { .. })),
                "{bad}"
            );
        }
    }

    #[tokio::test]
    async fn arin_shape_gives_the_nested_abuse_contact() {
        let server = start_server().await;
        let client = fixture_client(&server, fast_config()).await;
        let n = client.ip_network(ip("192.0.2.10")).await.unwrap();
        assert_eq!(n.handle.as_deref(), Some("NET-192-0-2-0-1"));
        assert_eq!(n.name.as_deref(), Some("EXAMPLE-HOSTING-NET"));
        assert_eq!(n.cidrs, vec!["192.0.2.0/24".to_owned()]);
        assert_eq!(n.start_address.as_deref(), Some("192.0.2.0"));
        assert_eq!(n.end_address.as_deref(), Some("192.0.2.255"));
        assert_eq!(n.country, None);
        assert_eq!(n.organisation.as_deref(), Some("Example Hosting Ltd."));
        assert_eq!(
            n.abuse,
            Some(AbuseContact {
                handle: Some("ABUSE1234-ARIN".to_owned()),
                name: Some("Abuse Desk".to_owned()),
                email: Some("abuse@example.com".to_owned()),
                phone: Some("+1-555-555-0100".to_owned()),
            })
        );
        assert_eq!(
            n.source,
            format!("{}arin/registry/ip/192.0.2.10", server.base)
        );
        assert_eq!(server.paths(), vec!["/arin/registry/ip/192.0.2.10"]);
    }

    #[tokio::test]
    async fn ripe_shape_gives_the_top_level_abuse_contact() {
        let server = start_server().await;
        let client = fixture_client(&server, fast_config()).await;
        let n = client.ip_network(ip("198.51.100.20")).await.unwrap();
        assert_eq!(n.name.as_deref(), Some("EXAMPLE-NET-NL"));
        assert_eq!(n.country.as_deref(), Some("NL"));
        assert_eq!(n.cidrs, vec!["198.51.100.0/24".to_owned()]);
        let abuse = n.abuse.unwrap();
        assert_eq!(abuse.email.as_deref(), Some("abuse@example.net"));
        assert_eq!(abuse.handle.as_deref(), Some("AR1234-RIPE"));
        assert_eq!(abuse.phone, None);

        let v6 = client.ip_network(ip("2001:db8::80")).await.unwrap();
        assert_eq!(v6.cidrs, vec!["2001:db8::/32".to_owned()]);
        assert_eq!(
            v6.abuse.unwrap().email.as_deref(),
            Some("abuse-v6@example.net")
        );
        assert_eq!(
            server.paths(),
            vec!["/ripe/ip/198.51.100.20", "/ripe/ip/2001:db8::80"]
        );
    }

    #[tokio::test]
    async fn domain_gives_registrar_and_its_abuse_contact() {
        let server = start_server().await;
        let client = fixture_client(&server, fast_config()).await;
        let d = client.domain("Example.Test").await.unwrap();
        assert_eq!(d.domain, "example.test");
        assert_eq!(d.registrar.as_deref(), Some("Example Registrar, Inc."));
        assert_eq!(d.registrar_iana_id, Some(9999));
        let abuse = d.abuse.unwrap();
        assert_eq!(abuse.email.as_deref(), Some("abuse@registrar.example.com"));
        assert_eq!(abuse.phone.as_deref(), Some("+1.5555550123"));
        assert_eq!(abuse.name, None);

        let err = client.domain("unknown.test").await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        let err = client.domain("example.com").await.unwrap_err();
        assert_eq!(
            err,
            RdapError::NoServer {
                query: "example.com".to_owned()
            }
        );
        assert_eq!(server.hits(), 2);
    }

    #[tokio::test]
    async fn cache_answers_the_second_query() {
        let server = start_server().await;
        let client = fixture_client(&server, fast_config()).await;
        let first = client.ip_network(ip("192.0.2.10")).await.unwrap();
        let second = client.ip_network(ip("192.0.2.10")).await.unwrap();
        assert_eq!(first, second);
        client.domain("example.test").await.unwrap();
        client.domain("EXAMPLE.test").await.unwrap();
        assert_eq!(server.hits(), 2);

        client.clear_cache();
        client.ip_network(ip("192.0.2.10")).await.unwrap();
        assert_eq!(server.hits(), 3);
    }

    #[tokio::test]
    async fn cached_answers_expire() {
        let server = start_server().await;
        let config = RdapConfig {
            cache_ttl: Duration::from_millis(100),
            ..fast_config()
        };
        let client = fixture_client(&server, config).await;
        client.ip_network(ip("192.0.2.10")).await.unwrap();
        client.ip_network(ip("192.0.2.10")).await.unwrap();
        assert_eq!(server.hits(), 1);
        tokio::time::sleep(Duration::from_millis(150)).await;
        client.ip_network(ip("192.0.2.10")).await.unwrap();
        assert_eq!(server.hits(), 2);
    }

    #[tokio::test]
    async fn unknown_addresses_go_to_the_fallback_and_follow_its_redirect() {
        let server = start_server().await;
        let client = fixture_client(&server, fast_config()).await;
        let n = client.ip_network(ip("10.1.2.3")).await.unwrap();
        assert_eq!(n.abuse.unwrap().email.as_deref(), Some("abuse@example.net"));
        assert_eq!(n.source, format!("{}ripe/ip/10.1.2.3", server.base));
        assert_eq!(
            server.paths(),
            vec!["/fallback/ip/10.1.2.3", "/ripe/ip/10.1.2.3"]
        );

        let no_fallback = client
            .bootstrap()
            .as_ref()
            .clone()
            .with_fallback(None)
            .unwrap();
        client.set_bootstrap(no_fallback);
        let err = client.ip_network(ip("10.9.9.9")).await.unwrap_err();
        assert_eq!(
            err,
            RdapError::NoServer {
                query: "10.9.9.9".to_owned()
            }
        );
    }

    #[tokio::test]
    async fn malformed_answers_are_refused() {
        let server = start_server().await;
        for kind in ["malformed", "wrongclass", "notobject"] {
            let client = hostile_client(&server.base, kind, fast_config());
            let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
            assert!(
                matches!(&err, RdapError::Malformed { url, .. } if url.contains(kind)),
                "{kind}: {err:?}"
            );
        }
    }

    #[tokio::test]
    async fn odd_answers_do_not_panic_and_the_usable_abuse_entity_wins() {
        let server = start_server().await;
        let client = hostile_client(&server.base, "weird", fast_config());
        let n = client.ip_network(ip("203.0.113.1")).await.unwrap();
        assert_eq!(n.handle.as_deref(), Some("12345"));
        assert_eq!(n.name.as_deref(), Some("WEIRD -NET"));
        assert!(n.cidrs.is_empty());
        assert_eq!(
            n.abuse,
            Some(AbuseContact {
                handle: Some("DEEP-ABUSE".to_owned()),
                name: Some("Deep Abuse".to_owned()),
                email: Some("abuse@example.com".to_owned()),
                phone: Some("+1-555-555-0111".to_owned()),
            })
        );
    }

    #[test]
    fn deeply_nested_answers_are_malformed_not_a_crash() {
        let mut json = String::new();
        for _ in 0..5000 {
            json.push_str(r#"{"objectClassName":"entity","entities":["#);
        }
        for _ in 0..5000 {
            json.push_str("]}");
        }
        let err = parse_network(ip("192.0.2.1"), "http://x.test/", json.as_bytes()).unwrap_err();
        assert!(matches!(err, RdapError::Malformed { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn huge_answers_are_refused() {
        let server = start_server().await;
        let client = hostile_client(&server.base, "huge", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(
            matches!(err, RdapError::TooLarge { limit, .. } if limit == 1 << 20),
            "{err:?}"
        );
    }

    /// A raw server that streams an endless chunked body (no Content-Length), so the cap
    /// must stop the read as it goes.
    #[tokio::test]
    async fn endless_streamed_answers_are_cut_off() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/", listener.local_addr().unwrap());
        let sent = Arc::new(AtomicUsize::new(0));
        let sent_by_server = Arc::clone(&sent);
        tokio::spawn(async move {
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            let _ = sock.read(&mut buf).await;
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/rdap+json\r\n\
                        transfer-encoding: chunked\r\n\r\n";
            if sock.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let chunk = format!("10000\r\n{}\r\n", "x".repeat(0x10000));
            // Up to 50 MiB; the client should hang up long before.
            for _ in 0..800 {
                if sock.write_all(chunk.as_bytes()).await.is_err() {
                    return;
                }
                sent_by_server.fetch_add(0x10000, Ordering::SeqCst);
            }
        });
        let client = hostile_client(&base, "stream", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(matches!(err, RdapError::TooLarge { .. }), "{err:?}");
        assert!(sent.load(Ordering::SeqCst) < 20 << 20);
    }

    #[tokio::test]
    async fn redirect_loops_and_long_chains_are_stopped() {
        let server = start_server().await;
        let client = hostile_client(&server.base, "loop", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(matches!(err, RdapError::RedirectLoop { .. }), "{err:?}");
        // loop -> loop2 -> loop: two requests, then the loop is seen.
        assert_eq!(server.hits(), 2);

        server.reset();
        let client = hostile_client(&server.base, "chain/0", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(
            matches!(err, RdapError::TooManyRedirects { limit: 5, .. }),
            "{err:?}"
        );
        // The first request and five redirects followed.
        assert_eq!(server.hits(), 6);
    }

    #[tokio::test]
    async fn slow_servers_time_out() {
        let server = start_server().await;
        let config = RdapConfig {
            timeout: Duration::from_millis(200),
            ..fast_config()
        };
        let client = hostile_client(&server.base, "slow", config);
        let started = std::time::Instant::now();
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(matches!(err, RdapError::Timeout { .. }), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    /// Headers at once, then one byte every 100 ms: the total timeout still applies.
    #[tokio::test]
    async fn trickling_bodies_time_out() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            let _ = sock.read(&mut buf).await;
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/rdap+json\r\n\
                        content-length: 1000\r\n\r\n";
            if sock.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            for _ in 0..1000 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if sock.write_all(b" ").await.is_err() {
                    return;
                }
            }
        });
        let config = RdapConfig {
            timeout: Duration::from_millis(300),
            ..fast_config()
        };
        let client = hostile_client(&base, "trickle", config);
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(matches!(err, RdapError::Timeout { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn http_errors_are_reported() {
        let server = start_server().await;
        let client = hostile_client(&server.base, "broken", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(
            matches!(err, RdapError::Http { status: 500, .. }),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn unreachable_servers_are_transport_errors() {
        // Bind and drop, so the port is very likely closed.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/", listener.local_addr().unwrap());
        drop(listener);
        let client = hostile_client(&base, "gone", fast_config());
        let err = client.ip_network(ip("203.0.113.1")).await.unwrap_err();
        assert!(matches!(err, RdapError::Transport { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn offline_policy_sends_nothing() {
        let server = start_server().await;
        let policy = NetworkPolicy {
            offline: true,
            ..loopback_policy()
        };
        let bootstrap = Bootstrap::from_files(fixture_dir())
            .unwrap()
            .with_fallback(Some(&server.base))
            .unwrap();
        let client = RdapClient::with_config(policy.clone(), bootstrap, fast_config()).unwrap();
        assert_eq!(
            client.ip_network(ip("192.0.2.10")).await,
            Err(RdapError::Offline)
        );
        assert_eq!(client.domain("example.test").await, Err(RdapError::Offline));
        assert_eq!(
            client
                .fetch_bootstrap(&format!("{}bootstrap/", server.base))
                .await,
            Err(RdapError::Offline)
        );
        // An offline client built from the policy does not fetch the IANA files either.
        let from_policy = RdapClient::from_policy(policy, fast_config())
            .await
            .unwrap();
        assert!(from_policy.bootstrap().is_empty());
        assert_eq!(server.hits(), 0);
    }

    #[tokio::test]
    async fn loopback_servers_need_the_policy_to_allow_them() {
        let server = start_server().await;
        let ipv4 = format!(
            r#"{{"version":"1.0","publication":"x","services":[[["192.0.2.0/24"],["{}arin/registry/"]]]}}"#,
            server.base
        );
        let bootstrap =
            Bootstrap::from_json(EMPTY_REGISTRY, &ipv4, EMPTY_REGISTRY, EMPTY_REGISTRY).unwrap();
        let client =
            RdapClient::with_config(NetworkPolicy::default(), bootstrap, fast_config()).unwrap();
        let err = client.ip_network(ip("192.0.2.10")).await.unwrap_err();
        assert!(
            matches!(err, RdapError::TargetRefused { ip, .. } if ip == IpAddr::from([127, 0, 0, 1])),
            "{err:?}"
        );
        assert_eq!(server.hits(), 0);
    }

    #[tokio::test]
    async fn bootstrap_from_a_directory_in_the_policy() {
        let policy = NetworkPolicy {
            rdap_bootstrap: fixture_dir().display().to_string(),
            ..loopback_policy()
        };
        let client = RdapClient::from_policy(policy, fast_config())
            .await
            .unwrap();
        assert_eq!(
            client.bootstrap().server_for_ip(ip("192.0.2.1")),
            Some("https://rdap.test/arin/registry/")
        );
    }

    #[tokio::test]
    async fn bootstrap_from_a_url_in_the_policy() {
        let server = start_server().await;
        let policy = NetworkPolicy {
            rdap_bootstrap: format!("{}bootstrap", server.base),
            ..loopback_policy()
        };
        let client = RdapClient::from_policy(policy, fast_config())
            .await
            .unwrap();
        assert_eq!(
            client.bootstrap().server_for_domain("example.test"),
            Some(format!("{}registry/", server.base).as_str())
        );
        assert_eq!(
            server.paths(),
            vec![
                "/bootstrap/dns.json",
                "/bootstrap/ipv4.json",
                "/bootstrap/ipv6.json",
                "/bootstrap/asn.json"
            ]
        );
    }

    #[tokio::test]
    async fn requests_to_one_host_are_spaced() {
        let server = start_server().await;
        let config = RdapConfig {
            max_requests_per_second_per_host: 10,
            ..fast_config()
        };
        let client = fixture_client(&server, config).await;
        // The bootstrap download used the host's first slots; wait them out.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let started = std::time::Instant::now();
        for last in 1..=3 {
            client
                .ip_network(ip(&format!("192.0.2.{last}")))
                .await
                .unwrap();
        }
        // Three requests 100 ms apart: at least 200 ms.
        assert!(
            started.elapsed() >= Duration::from_millis(190),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(server.hits(), 3);
    }
}
