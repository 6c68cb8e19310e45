//! "Is it still online?": DNS and an HTTP `HEAD` request, never a body.
//!
//! Every hop (the address and each redirect) is resolved with the hotline's own resolver and
//! checked against the [`NetworkPolicy`]: a reported address, or a redirect from it, that
//! points at loopback, private or link-local space is refused, not requested. The connection
//! itself goes through [`CheckResolver`], which applies the same rule, so a name that changes
//! its answer between our lookup and the connection cannot slip through either.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use hotline_domain::monitoring::{CheckOutcome, outcome_of_status};
use reqwest::Url;
use reqwest::header::LOCATION;

use crate::NetworkPolicy;
use crate::dns::{Dns, DnsError};
use crate::rdap::error_chain;

/// Sent with every check, so a host's operator can tell who asks and why.
pub const USER_AGENT: &str = concat!(
    "hotline/",
    env!("CARGO_PKG_VERSION"),
    " (removal check of a civil reporting hotline; HEAD only, nothing is downloaded)"
);

/// Limits of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckLimits {
    /// For each hop, connection and answer together.
    pub timeout: Duration,
    /// Most redirects followed.
    pub max_redirects: usize,
}

impl Default for CheckLimits {
    fn default() -> Self {
        CheckLimits {
            timeout: Duration::from_secs(10),
            max_redirects: 5,
        }
    }
}

/// What one check found, and why, for the case's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub outcome: CheckOutcome,
    /// The last HTTP status seen, if any hop answered.
    pub status: Option<u16>,
    /// One line for staff: "HTTP 404 at http://…", "NXDOMAIN for …", "redirect to 10.0.0.1 refused".
    pub detail: String,
}

impl CheckResult {
    fn new(outcome: CheckOutcome, status: Option<u16>, detail: impl Into<String>) -> Self {
        CheckResult {
            outcome,
            status,
            detail: detail.into(),
        }
    }
}

/// Why no checker could be built.
#[derive(Debug, thiserror::Error)]
#[error("the HTTP client for checks could not be built: {0}")]
pub struct CheckerError(String);

/// Checks addresses with DNS and `HEAD`.
#[derive(Clone)]
pub struct Checker {
    policy: NetworkPolicy,
    dns: Arc<Dns>,
    http: reqwest::Client,
    limits: CheckLimits,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("policy", &self.policy)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Checker {
    /// A checker that resolves with `dns` and may reach what `policy` allows.
    pub fn new(
        policy: NetworkPolicy,
        dns: Arc<Dns>,
        limits: CheckLimits,
    ) -> Result<Self, CheckerError> {
        crate::rdap::ensure_crypto_provider();
        let http = reqwest::Client::builder()
            .connect_timeout(limits.timeout)
            .timeout(limits.timeout)
            // Redirects are followed by hand, so that each hop is checked first.
            .redirect(reqwest::redirect::Policy::none())
            .retry(reqwest::retry::never())
            .referer(false)
            .no_proxy()
            .user_agent(USER_AGENT)
            .dns_resolver(CheckResolver {
                policy: policy.clone(),
                dns: dns.clone(),
            })
            .build()
            .map_err(|e| CheckerError(e.to_string()))?;
        Ok(Checker {
            policy,
            dns,
            http,
            limits,
        })
    }

    /// Checks `address` (a canonical address). Never fails: what went wrong is an
    /// [`CheckOutcome::Error`] result with its reason.
    pub async fn check(&self, address: &str) -> CheckResult {
        if self.policy.offline {
            return CheckResult::new(
                CheckOutcome::Error,
                None,
                "not checked: the hotline is configured offline (network.offline = true)",
            );
        }
        let mut url = match Url::parse(address) {
            Ok(u) => u,
            Err(e) => {
                return CheckResult::new(CheckOutcome::Error, None, format!("not a URL: {e}"));
            }
        };
        let mut redirects = 0usize;
        loop {
            let host = url.host_str().unwrap_or_default().to_owned();
            // Where the name points decides a lot before any request: a name that no longer
            // exists is the commonest way content goes.
            if let Err(r) = self.admit_host(&host).await {
                return r;
            }
            if !matches!(url.scheme(), "http" | "https") {
                return CheckResult::new(
                    CheckOutcome::Online,
                    None,
                    format!(
                        "{host} still resolves; {} addresses are checked by DNS only",
                        url.scheme()
                    ),
                );
            }
            let sent =
                tokio::time::timeout(self.limits.timeout, self.http.head(url.clone()).send()).await;
            let response = match sent {
                Err(_) => {
                    return CheckResult::new(
                        CheckOutcome::Error,
                        None,
                        format!("no answer from {host} within {:?}", self.limits.timeout),
                    );
                }
                Ok(Err(e)) if e.is_connect() && refused(&e) => {
                    return CheckResult::new(
                        CheckOutcome::Gone,
                        None,
                        format!("connection to {host} refused"),
                    );
                }
                Ok(Err(e)) => {
                    return CheckResult::new(
                        CheckOutcome::Error,
                        None,
                        format!("request to {host} failed: {}", error_chain(&e)),
                    );
                }
                Ok(Ok(r)) => r,
            };
            let status = response.status().as_u16();
            if response.status().is_redirection()
                && let Some(location) = response.headers().get(LOCATION)
            {
                let next = location
                    .to_str()
                    .ok()
                    .and_then(|l| url.join(l).ok())
                    .filter(|u| matches!(u.scheme(), "http" | "https"));
                let Some(next) = next else {
                    return CheckResult::new(
                        CheckOutcome::Error,
                        Some(status),
                        format!("HTTP {status} at {host} with an unusable Location"),
                    );
                };
                redirects += 1;
                if redirects > self.limits.max_redirects {
                    return CheckResult::new(
                        CheckOutcome::Error,
                        Some(status),
                        format!("more than {} redirects", self.limits.max_redirects),
                    );
                }
                url = next;
                continue;
            }
            let outcome = outcome_of_status(status);
            return CheckResult::new(outcome, Some(status), format!("HTTP {status} from {host}"));
        }
    }

    /// Resolves `host` (or reads its IP literal) and refuses it unless every address it has
    /// may be contacted. `Err` carries the result to report.
    async fn admit_host(&self, host: &str) -> Result<(), CheckResult> {
        // Unreachable from here is no evidence of removal: never `gone`, never a DNS query.
        if hotline_domain::trace::is_onion(host) {
            return Err(CheckResult::new(
                CheckOutcome::Error,
                None,
                format!(
                    "not checked: {host} is an onion service, which cannot be reached from the open Internet; check it by hand"
                ),
            ));
        }
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        let addresses = match literal.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => match self.dns.resolve(host).await {
                Ok(r) => r.addresses,
                Err(DnsError::NoSuchName(_)) => {
                    return Err(CheckResult::new(
                        CheckOutcome::Gone,
                        None,
                        format!("{host} does not exist (NXDOMAIN)"),
                    ));
                }
                Err(DnsError::NoAddresses(_)) => {
                    return Err(CheckResult::new(
                        CheckOutcome::Gone,
                        None,
                        format!("{host} has no address any more"),
                    ));
                }
                Err(e) => return Err(CheckResult::new(CheckOutcome::Error, None, e.to_string())),
            },
        };
        if let Some(bad) = addresses
            .iter()
            .find(|ip| self.policy.check_target(**ip).is_err())
        {
            return Err(CheckResult::new(
                CheckOutcome::Error,
                None,
                format!("{host} points at {bad}, which is never contacted: refused"),
            ));
        }
        Ok(())
    }
}

/// Whether the connection was actively refused (nothing listens): that counts as gone.
fn refused(e: &reqwest::Error) -> bool {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::ConnectionRefused
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// Resolves for the HTTP client with the hotline's resolver, keeping only the addresses the
/// policy allows.
struct CheckResolver {
    policy: NetworkPolicy,
    dns: Arc<Dns>,
}

impl reqwest::dns::Resolve for CheckResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let dns = self.dns.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            type BoxError = Box<dyn std::error::Error + Send + Sync>;
            let resolution = dns
                .resolve(&host)
                .await
                .map_err(|e| Box::new(e) as BoxError)?;
            let addrs: Vec<SocketAddr> = resolution
                .addresses
                .into_iter()
                .filter(|ip| policy.check_target(*ip).is_ok())
                .map(|ip| SocketAddr::new(ip, 0))
                .collect();
            if addrs.is_empty() {
                return Err(BoxError::from(format!(
                    "{host} has no address that may be contacted"
                )));
            }
            Ok::<reqwest::dns::Addrs, BoxError>(Box::new(addrs.into_iter()))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::http::{Method, StatusCode};
    use axum::response::IntoResponse;

    use super::*;
    use crate::testing::{Rec, loopback, serve_zone};

    /// A loopback web server that answers 200 for its first `online` requests, then 404,
    /// and records every method it saw. `/moved` redirects to `target`.
    async fn site(online: usize, target: &'static str) -> (u16, Arc<Mutex<Vec<Method>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let count = Arc::new(AtomicUsize::new(0));
        let s = seen.clone();
        let app = axum::Router::new().fallback(move |method: Method, uri: axum::http::Uri| {
            let s = s.clone();
            let count = count.clone();
            async move {
                s.lock().unwrap().push(method);
                if uri.path() == "/moved" {
                    return (StatusCode::FOUND, [("location", target)]).into_response();
                }
                if count.fetch_add(1, Ordering::SeqCst) < online {
                    (StatusCode::OK, [("x-n", "")]).into_response()
                } else {
                    (StatusCode::NOT_FOUND, [("x-n", "")]).into_response()
                }
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move { axum::serve(listener, app).await });
        (port, seen)
    }

    async fn checker() -> Checker {
        let dns = serve_zone(
            "check.test.",
            vec![
                Rec::A("content.check.test.", Ipv4Addr::LOCALHOST),
                Rec::A("inside.check.test.", Ipv4Addr::new(10, 0, 0, 7)),
            ],
        )
        .await;
        let policy = loopback(dns);
        let resolver = Dns::new(&policy, Duration::from_secs(2)).unwrap();
        Checker::new(policy, Arc::new(resolver), CheckLimits::default()).unwrap()
    }

    #[tokio::test]
    async fn an_onion_address_is_never_gone_and_a_redirect_to_one_neither() {
        let c = checker().await;
        let r = c.check("http://abcdefghijklmnop.onion/x").await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        assert!(r.detail.contains("onion service"), "{r:?}");
        let (port, _) = site(0, "http://abcdefghijklmnop.onion/").await;
        let r = c
            .check(&format!("http://content.check.test:{port}/moved"))
            .await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
    }

    #[tokio::test]
    async fn online_then_gone_with_head_requests_only() {
        let (port, seen) = site(1, "/").await;
        let c = checker().await;
        let url = format!("http://content.check.test:{port}/img/1.jpg");
        let first = c.check(&url).await;
        assert_eq!(first.outcome, CheckOutcome::Online, "{first:?}");
        assert_eq!(first.status, Some(200));
        let second = c.check(&url).await;
        assert_eq!(second.outcome, CheckOutcome::Gone, "{second:?}");
        assert_eq!(second.status, Some(404));
        assert_eq!(*seen.lock().unwrap(), vec![Method::HEAD, Method::HEAD]);
    }

    #[tokio::test]
    async fn nxdomain_and_a_refused_connection_count_as_gone() {
        let c = checker().await;
        let r = c.check("http://missing.check.test/a").await;
        assert_eq!(r.outcome, CheckOutcome::Gone, "{r:?}");
        assert!(r.detail.contains("NXDOMAIN"), "{}", r.detail);
        // A port nothing listens on.
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = free.local_addr().unwrap().port();
        drop(free);
        let r = c.check(&format!("http://content.check.test:{port}/")).await;
        assert_eq!(r.outcome, CheckOutcome::Gone, "{r:?}");
        assert!(r.detail.contains("refused"), "{}", r.detail);
    }

    #[tokio::test]
    async fn a_redirect_to_a_private_address_is_refused_not_followed() {
        let (port, seen) = site(10, "http://inside.check.test/admin").await;
        let c = checker().await;
        let r = c
            .check(&format!("http://content.check.test:{port}/moved"))
            .await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        assert!(r.detail.contains("10.0.0.7"), "{}", r.detail);
        assert_eq!(
            seen.lock().unwrap().len(),
            1,
            "only the first hop was asked"
        );

        let (port, _) = site(10, "http://192.168.1.1/").await;
        let r = c
            .check(&format!("http://content.check.test:{port}/moved"))
            .await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        assert!(r.detail.contains("192.168.1.1"), "{}", r.detail);
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_the_policy_allows_it() {
        let (port, seen) = site(10, "/").await;
        let dns = serve_zone(
            "strict.test.",
            vec![Rec::A("content.strict.test.", Ipv4Addr::LOCALHOST)],
        )
        .await;
        let policy = NetworkPolicy {
            nameservers: vec![dns.to_string()],
            ..NetworkPolicy::default()
        };
        let resolver = Dns::new(&policy, Duration::from_secs(2)).unwrap();
        let c = Checker::new(policy, Arc::new(resolver), CheckLimits::default()).unwrap();
        let r = c
            .check(&format!("http://content.strict.test:{port}/"))
            .await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        let r = c.check(&format!("http://127.0.0.1:{port}/")).await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        assert!(
            seen.lock().unwrap().is_empty(),
            "nothing reached the server"
        );
    }

    #[tokio::test]
    async fn redirect_loops_are_capped() {
        let (port, seen) = site(10, "/moved").await;
        let c = checker().await;
        let r = c
            .check(&format!("http://content.check.test:{port}/moved"))
            .await;
        assert_eq!(r.outcome, CheckOutcome::Error, "{r:?}");
        assert!(r.detail.contains("redirects"), "{}", r.detail);
        assert_eq!(
            seen.lock().unwrap().len(),
            CheckLimits::default().max_redirects + 1
        );
    }
}
