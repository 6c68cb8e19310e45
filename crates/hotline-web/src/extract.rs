//! Extractors that turn a request into plain values, with every rejection mapped to a
//! [`WebError`] with the right status (400, 413, 415, 422) and a precise message.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use crate::error::WebError;

/// The body limit of the JSON API (docs/SPEC.md §4).
pub const API_BODY_LIMIT: usize = 64 * 1024;
/// The body limit of HTML forms: a full report (50 addresses, 10,000 characters of
/// description in any script, percent-encoded) must fit.
pub const FORM_BODY_LIMIT: usize = 256 * 1024;

async fn body_bytes<S: Send + Sync>(
    req: Request,
    state: &S,
    limit: usize,
) -> Result<Bytes, WebError> {
    Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::too_large(limit)
        } else {
            WebError::malformed(format!("the request body could not be read: {rejection}"))
        }
    })
}

fn content_type_is(req: &Request, expected: &str) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

/// A JSON body of type `T`. Not JSON → 415; bad syntax → 400; wrong shape → 422.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        if !content_type_is(&req, "application/json") {
            return Err(WebError::unsupported_media_type("application/json"));
        }
        let bytes = body_bytes(req, state, API_BODY_LIMIT).await?;
        // Every API body is an object; serde would also fill a struct from an array.
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
            return Err(WebError::invalid("body", "the body must be a JSON object"));
        }
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
            let inner = e.inner();
            match inner.classify() {
                serde_json::error::Category::Data => {
                    let path = e.path().to_string();
                    let field = if path == "." {
                        field_of(&inner.to_string())
                    } else {
                        path
                    };
                    WebError::invalid(field, inner.to_string())
                }
                _ => WebError::malformed(format!("the body is not valid JSON: {inner}")),
            }
        })?;
        de.end()
            .map_err(|e| WebError::malformed(format!("the body is not valid JSON: {e}")))?;
        Ok(ApiJson(value))
    }
}

/// serde names the offending field in backticks ("missing field `urls`"); use it as `field`.
fn field_of(message: &str) -> String {
    message
        .split('`')
        .nth(1)
        .map(str::to_owned)
        .unwrap_or_else(|| "body".to_owned())
}

/// An HTML form body (`application/x-www-form-urlencoded`) as name/value pairs, in order,
/// repeated names kept (the report form may send several `url` fields).
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        if !content_type_is(&req, "application/x-www-form-urlencoded") {
            return Err(WebError::unsupported_media_type(
                "application/x-www-form-urlencoded",
            ));
        }
        let bytes = body_bytes(req, state, FORM_BODY_LIMIT).await?;
        Ok(FormFields(
            form_urlencoded::parse(&bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        ))
    }
}

/// Who is asking, for rate limiting only: the peer address, reduced at once to a keyed hash
/// (see [`crate::limits`]) so the address itself is never kept, logged or stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey(pub crate::limits::ClientTag);

impl<S: Send + Sync> FromRequestParts<S> for ClientKey
where
    crate::AppState: axum::extract::FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app: crate::AppState = axum::extract::FromRef::from_ref(state);
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        let forwarded_for = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(ClientKey(app.limiter.key_for(peer, forwarded_for)))
    }
}

/// The bearer token of a request (`Authorization: Bearer …`), if it carries one. Each caller
/// says what kind of token it expected when there is none.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_serde_complains_about() {
        assert_eq!(field_of("missing field `urls` at line 1 column 2"), "urls");
        assert_eq!(field_of("invalid type: integer, expected a string"), "body");
    }
}
