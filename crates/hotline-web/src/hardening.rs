//! HTTP hardening beyond the fixed security headers (`headers.rs`): HSTS when the public
//! address is https, a time limit on every request, `/metrics` for Prometheus (counts only:
//! no address, no report text), and an optional proof of work on the report API.

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::{AppState, WebError};

/// The `[http]` configuration section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpPolicy {
    /// Send `Strict-Transport-Security` on every response (the public address is https).
    /// Without it, HSTS is still sent when a trusted proxy says `X-Forwarded-Proto: https`.
    pub hsts: bool,
    /// A request not answered within this many seconds gets 503.
    pub request_timeout_secs: u64,
    /// A bearer token that may read `/metrics` from other addresses than loopback.
    pub metrics_token: String,
    /// Leading zero bits of SHA-256 a client of `POST /api/v1/reports` must find; 0 = off.
    pub api_pow_bits: u8,
    /// Seconds a client has to send a whole request header, and that a kept-alive connection
    /// may wait for its next request, before it is closed (`connections.rs`).
    pub header_read_timeout_secs: u64,
    /// Connections open at once; further clients wait until one closes.
    pub max_connections: usize,
    /// Staff sign-in attempts per minute per client and per account name, refused before
    /// any password is checked; 0 = no limit.
    pub login_attempts_per_minute: u32,
    /// A second listener (`IP:port`) for a Tor onion service: public pages and API only, no
    /// forwarded headers believed (`onion.rs`); empty = none.
    pub onion_listen: String,
}

impl Default for HttpPolicy {
    fn default() -> Self {
        Self {
            hsts: false,
            request_timeout_secs: 30,
            metrics_token: String::new(),
            api_pow_bits: 0,
            header_read_timeout_secs: 10,
            max_connections: 1024,
            login_attempts_per_minute: 10,
            onion_listen: String::new(),
        }
    }
}

/// Two years, with subdomains: what the HSTS preload list asks for.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Counters for `/metrics`. Only numbers: what happened, never to whom or what.
#[derive(Debug, Default)]
pub struct Metrics {
    pub requests: AtomicU64,
    pub responses_4xx: AtomicU64,
    pub responses_5xx: AtomicU64,
    pub reports_accepted: AtomicU64,
    pub rate_limited: AtomicU64,
    pub timeouts: AtomicU64,
}

fn is_https(state: &AppState, request: &Request) -> bool {
    if state.http.hsts {
        return true;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    peer.is_some_and(|p| state.config().trusted_proxies.contains(&p))
        && request
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// HSTS where the site is served over TLS, the request time limit, and the counters.
pub async fn harden(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let https = is_https(&state, &request);
    state.metrics.requests.fetch_add(1, Ordering::Relaxed);
    let limit = std::time::Duration::from_secs(state.http.request_timeout_secs.max(1));
    let mut response = match tokio::time::timeout(limit, next.run(request)).await {
        Ok(r) => r,
        Err(_) => {
            state.metrics.timeouts.fetch_add(1, Ordering::Relaxed);
            WebError::unavailable("the request took too long; try again").into_response()
        }
    };
    let status = response.status();
    if status.is_client_error() {
        state.metrics.responses_4xx.fetch_add(1, Ordering::Relaxed);
        if status == StatusCode::TOO_MANY_REQUESTS {
            state.metrics.rate_limited.fetch_add(1, Ordering::Relaxed);
        }
    } else if status.is_server_error() {
        state.metrics.responses_5xx.fetch_add(1, Ordering::Relaxed);
    }
    if https {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}

fn loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// `GET /metrics`: Prometheus text. From loopback only, unless the request carries the
/// configured `http.metrics_token`. A request relayed by a proxy on loopback is not
/// loopback: `X-Forwarded-For` marks it as coming from elsewhere.
pub async fn metrics(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let token = crate::extract::bearer(&headers);
    let token_ok = !state.http.metrics_token.is_empty()
        && token
            .is_some_and(|t| bool::from(t.as_bytes().ct_eq(state.http.metrics_token.as_bytes())));
    // A request from a trusted proxy on this machine may come from anyone (nginx, a Tor
    // daemon): loopback counts as local only when it is not such a proxy.
    let local = loopback(peer.ip())
        && !state.config().trusted_proxies.contains(&peer.ip())
        && !headers.contains_key("x-forwarded-for");
    if !(token_ok || local) {
        return Err(WebError::forbidden(
            "metrics are served to loopback, or with the metrics token",
        ));
    }
    let m = &state.metrics;
    let counts = state.store.counts().await?;
    let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
    let mut out = String::new();
    let mut metric = |name: &str, kind: &str, help: &str, value: u64| {
        out.push_str(&format!(
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
        ));
    };
    metric(
        "hotline_http_requests_total",
        "counter",
        "HTTP requests received.",
        load(&m.requests),
    );
    metric(
        "hotline_http_responses_4xx_total",
        "counter",
        "Responses with a 4xx status.",
        load(&m.responses_4xx),
    );
    metric(
        "hotline_http_responses_5xx_total",
        "counter",
        "Responses with a 5xx status.",
        load(&m.responses_5xx),
    );
    metric(
        "hotline_http_rate_limited_total",
        "counter",
        "Requests refused by the per-client limit.",
        load(&m.rate_limited),
    );
    metric(
        "hotline_http_timeouts_total",
        "counter",
        "Requests cut off by the time limit.",
        load(&m.timeouts),
    );
    metric(
        "hotline_reports_accepted_total",
        "counter",
        "Reports acknowledged by this process.",
        load(&m.reports_accepted),
    );
    metric(
        "hotline_reports_stored",
        "gauge",
        "Reports in the database.",
        u64::try_from(counts.reports).unwrap_or(0),
    );
    metric(
        "hotline_cases_stored",
        "gauge",
        "Cases in the database.",
        u64::try_from(counts.cases).unwrap_or(0),
    );
    // The supervisor's dashboard, as gauges.
    let now = time::OffsetDateTime::now_utc();
    let dashboard = state.store.dashboard(now).await?;
    out.push_str(&crate::staff::dashboard::gauges(&dashboard, now));
    let welfare = state
        .store
        .welfare_overview(&hotline_store::casework::day_of(now))
        .await?;
    let minutes: Vec<u32> = welfare.iter().map(|w| w.minutes).collect();
    out.push_str(&crate::staff::dashboard::welfare_gauges(&minutes));
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response())
}

/// The header carrying an API client's proof of work.
pub const POW_HEADER: &str = "x-hotline-pow";

/// `POST /api/v1/reports` with `http.api_pow_bits` set: the body must come with a proof of
/// work (see `hotline_domain::pow`); without one, `403` saying what to send.
/// How long a proof stays accepted after it arrives, at most: its minute may be two minutes
/// behind or ahead of ours (`hotline_domain::pow`), so five covers it.
const PROOF_LIFETIME_SECS: u64 = 5 * 60;

pub async fn proof_of_work(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, WebError> {
    let bits = state.http.api_pow_bits;
    if bits == 0 {
        return Ok(next.run(request).await);
    }
    let (parts, body) = request.into_parts();
    let limit = crate::extract::API_BODY_LIMIT;
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| WebError::too_large(limit))?;
    let proof = parts.headers.get(POW_HEADER).and_then(|v| v.to_str().ok());
    let minute = time::OffsetDateTime::now_utc()
        .unix_timestamp()
        .div_euclid(60);
    hotline_domain::pow::check(bits, proof, &bytes, minute)
        .map_err(|e| WebError::forbidden(e.to_string()))?;
    // A proof is good for one report: replaying the same body and proof within the minutes
    // it is accepted would store the report again for free.
    let id = {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(proof.unwrap_or("").trim().as_bytes());
        h.update(b"\n");
        h.update(&bytes);
        h.finalize()
    };
    let now = u64::try_from(minute * 60).unwrap_or(0);
    if state.proofs.spend(&id, now + PROOF_LIFETIME_SECS, now) == crate::once::Spend::Replayed {
        return Err(WebError::forbidden(
            "this proof of work was used before; solve a new one for each report",
        ));
    }
    Ok(next
        .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await)
}
