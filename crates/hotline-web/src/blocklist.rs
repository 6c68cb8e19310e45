//! `GET /api/v1/blocklist?format=csv|json|rpz`: addresses assessed illegal and still online,
//! for ISPs and filter vendors holding a token with the `blocklist` scope (or staff other than
//! police). The same list as `hotline export blocklist`.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use hotline_domain::Action;
use hotline_domain::blocklist::{BlocklistFormat, RpzZone, content_type, render};
use hotline_domain::staff::may;

use crate::{AppState, WebError};

/// A blocklist format: one of these names, exactly (for the OpenAPI document; the handler
/// reads `BlocklistFormat`).
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum BlocklistFormatName {
    Json,
    Csv,
    Rpz,
}

/// The blocklist in the asked format (JSON when none is named).
#[utoipa::path(
    get,
    path = "/api/v1/blocklist",
    tag = "blocklist",
    summary = "Addresses assessed illegal and still online, for ISPs and filters",
    security(("bearer" = [])),
    params(
        ("format" = Option<BlocklistFormatName>, Query, description = "`json` (default), `csv`, or `rpz` (a DNS Response Policy Zone of the domains staff marked as dedicated)"),
    ),
    responses(
        (status = 200, description = "The blocklist: JSON `{generated_at, addresses, dedicated_domains}`; `text/csv` or `text/dns` for the other formats", content(
            (Object = "application/json"),
            (String = "text/csv"),
            (String = "text/dns"),
        )),
        (status = 401, description = "No blocklist or staff token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's role may not read the blocklist", body = crate::error::ErrorBody),
        (status = 422, description = "An unknown format", body = crate::error::ErrorBody),
    )
)]
pub async fn blocklist(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    // Who asks comes first: without a token, nothing about the request is judged.
    let token = crate::extract::bearer(&headers)
        .ok_or_else(|| WebError::unauthorized("send a bearer token: Authorization: Bearer …"))?;
    let now = OffsetDateTime::now_utc();
    if state.store.blocklist_token(token, now).await?.is_none() {
        match state.store.token_user(token).await? {
            Some(user) if may(user.role, Action::ReadBlocklist, None) => {}
            Some(user) => {
                return Err(WebError::forbidden(format!(
                    "the {} role may not read the blocklist; ask for a token made with `hotline token create --blocklist NAME`",
                    user.role
                )));
            }
            None => {
                return Err(WebError::unauthorized(
                    "this bearer token is not recognised",
                ));
            }
        }
    }
    let asked = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.into_owned());
    let format = match asked.as_deref() {
        None => BlocklistFormat::Json,
        Some(f) => f.parse().map_err(|()| {
            WebError::invalid(
                "format",
                format!("\"{f}\" is not a format; use csv, json or rpz"),
            )
        })?,
    };
    let entries = state.store.blocklist().await?;
    let generated_at = now
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let zone = RpzZone {
        origin: state.config().blocklist_zone.clone(),
        serial: u32::try_from(now.unix_timestamp()).unwrap_or(u32::MAX),
    };
    let body = render(format, &entries, &generated_at, &zone)
        .map_err(|e| WebError::unavailable(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type(format)),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}
