//! The onion listener (config `http.onion_listen`): the Tor onion service points here, never
//! at the main listener. It serves the public pages and the public API only: staff pages,
//! the staff, police and partner API and `/metrics` answer 404, so the onion address (known
//! to anyone) reaches nothing but what the public may use. Every connection comes from the
//! Tor daemon on this machine, so a client's own `X-Forwarded-For` and `X-Forwarded-Proto`
//! are removed before anything reads them: all onion visitors share one rate-limit client,
//! which is what they are to the hotline anyway.

use axum::Router;
use axum::extract::Request;
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};

use crate::{AppState, WebError};

/// Whether the onion listener serves `path`.
pub fn is_public(path: &str) -> bool {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    if under("/staff") || under("/metrics") {
        return false;
    }
    if under("/api/v1") {
        return matches!(path, "/api/v1/reports" | "/api/v1/receipts/status");
    }
    true
}

async fn only_public(mut request: Request, next: Next) -> Response {
    let headers = request.headers_mut();
    headers.remove("x-forwarded-for");
    headers.remove("x-forwarded-proto");
    headers.remove("forwarded");
    if !is_public(request.uri().path()) {
        return WebError::not_found("there is nothing here").into_response();
    }
    next.run(request).await
}

/// The application as the onion listener serves it.
pub fn router(state: AppState) -> Router {
    crate::router(state).layer(from_fn(only_public))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_paths_are_served() {
        for p in [
            "/",
            "/en/",
            "/en/report",
            "/nl/status",
            "/api/v1/reports",
            "/api/v1/receipts/status",
            "/api/openapi.json",
            "/static/site.css",
            "/healthz",
        ] {
            assert!(is_public(p), "{p}");
        }
        for p in [
            "/staff",
            "/staff/",
            "/staff/login",
            "/metrics",
            "/api/v1/cases",
            "/api/v1/referrals",
            "/api/v1/blocklist",
            "/api/v1/exports/cases",
        ] {
            assert!(!is_public(p), "{p}");
        }
    }
}
