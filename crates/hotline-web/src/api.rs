//! The public JSON API (docs/SPEC.md §4): report intake and receipt status.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;

use hotline_domain::{Channel, NewReport, Receipt, ReportInput};

use crate::extract::{ApiJson, ClientKey};
use crate::{AppState, WebError};

/// `POST /api/v1/reports` body.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportBody {
    /// The web addresses, 1 to 50; the same address twice counts once. The pattern gives
    /// the usual form; the service also takes what a browser would (no scheme, IP literals,
    /// international names) and answers 422 naming `urls[i]` for what it cannot read.
    #[schema(min_items = 1, max_items = 50, value_type = Vec<WebAddress>)]
    pub urls: Vec<String>,
    /// Where the reporter came across the addresses (required).
    #[schema(value_type = WhereFoundName, required = true)]
    pub where_found: Option<String>,
    /// What the reporter saw, in their words; at most 10,000 characters.
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    /// The reporter's language; default: the hotline's.
    #[schema(value_type = Option<LanguageName>)]
    pub language: Option<String>,
    /// A child is in immediate danger: the people on call are alerted at once.
    #[serde(default)]
    pub urgent: bool,
    /// Only if the reporter wants to be contacted.
    #[serde(default, deserialize_with = "object_or_null")]
    pub contact: Option<ContactBody>,
}

/// Where the reporter came across the addresses: one of these names, exactly.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum WhereFoundName {
    Website,
    SocialMedia,
    Chat,
    Email,
    P2p,
    Newsgroup,
    Other,
}

/// A language of the public site: one of these names, exactly.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum LanguageName {
    Nl,
    Fr,
    De,
    En,
}

/// One reported web address (for the OpenAPI document; the body carries plain strings). The
/// custom format `web-address` means: what a browser would take as an http, https or ftp
/// address (the scheme may be left out), at most 4,096 bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = "web-address", max_length = 4096)]
#[allow(dead_code)]
pub struct WebAddress(String);

/// An object (or `null`) into a struct; serde would also fill a struct from an array, which
/// the API does not document and so refuses.
fn object_or_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::de::Error;
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(None),
        v @ serde_json::Value::Object(_) => serde_json::from_value(v)
            .map(Some)
            .map_err(D::Error::custom),
        other => Err(D::Error::custom(format!(
            "invalid type: {}, expected an object",
            match other {
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::String(_) => "a string",
                _ => "an array",
            }
        ))),
    }
}

/// A reporter's contact details, kept sealed.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactBody {
    /// At most 200 characters.
    #[schema(max_length = 200)]
    pub name: Option<String>,
    /// An e-mail address (`name@example.org`), at most 254 bytes.
    #[schema(format = "reporter-email", max_length = 254)]
    pub email: Option<String>,
    /// The reporter agrees that the police may contact them.
    #[serde(default)]
    pub police_may_contact: bool,
}

impl From<ReportBody> for ReportInput {
    fn from(b: ReportBody) -> Self {
        let (contact_name, contact_email, police_may_contact) = b
            .contact
            .map(|c| (c.name, c.email, c.police_may_contact))
            .unwrap_or_default();
        ReportInput {
            urls: b.urls,
            where_found: b.where_found,
            description: b.description,
            language: b.language,
            urgent: b.urgent,
            contact_name,
            contact_email,
            police_may_contact,
            news_by_mail: false,
        }
    }
}

/// A stored report. Keep the receipt: it is shown once and is the only way to ask about
/// the report later.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportCreated {
    pub report_id: String,
    pub receipt: String,
    pub cases: Vec<CaseCreated>,
}

/// One address as the hotline recorded it. Case numbers and whether the address was
/// reported before are not told to anonymous callers: that would let anyone probe what the
/// hotline knows.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseCreated {
    pub address: String,
}

/// JSON clients name `where_found` and `language` exactly as the OpenAPI document lists them
/// (the web form, typed by people, is forgiving about spaces; a program needs no such help).
fn exact_names(body: &ReportBody) -> Result<(), WebError> {
    use hotline_domain::{Language, WhereFound};
    if let Some(w) = &body.where_found
        && !WhereFound::ALL.iter().any(|v| v.as_str() == w)
    {
        let allowed: Vec<&str> = WhereFound::ALL.iter().map(|v| v.as_str()).collect();
        return Err(WebError::invalid(
            "where_found",
            format!("give exactly one of: {}", allowed.join(", ")),
        ));
    }
    if let Some(l) = &body.language
        && !Language::ALL.iter().any(|v| v.as_str() == l)
    {
        return Err(WebError::invalid(
            "language",
            "give exactly one of: nl, fr, de, en (or leave it out)",
        ));
    }
    Ok(())
}

/// `POST /api/v1/reports`: an anonymous report. `201` means it is committed durably.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    tag = "public",
    summary = "Report web addresses (anonymous)",
    request_body(content = ReportBody, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored durably", body = ReportCreated),
        (status = 400, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 401, description = "An Authorization header was sent: public reports are anonymous", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not application/json", body = crate::error::ErrorBody),
        (status = 422, description = "A field is invalid; `field` names it", body = crate::error::ErrorBody),
        (status = 429, description = "Too many requests from this client, or more reports than the hotline takes per minute from everyone (see `Retry-After`)", body = crate::error::ErrorBody),
        (status = 500, description = "Not stored; try again", body = crate::error::ErrorBody),
    )
)]
pub async fn submit_report(
    State(state): State<AppState>,
    client: ClientKey,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ReportBody>,
) -> Result<(StatusCode, Json<ReportCreated>), WebError> {
    if headers.contains_key(header::AUTHORIZATION) {
        // Public reports are anonymous; partners refer cases through /api/v1/referrals. A token
        // here is refused rather than the report silently filed as anonymous.
        return Err(WebError::unauthorized(
            "this bearer token is not recognised",
        ));
    }
    if !state.limiter.allow(client.0) {
        return Err(WebError::rate_limited());
    }
    exact_names(&body)?;
    let report = NewReport::parse(body.into(), Channel::Api, state.config().default_language)?;
    if let Err(busy) = state.global_intake_budget().await? {
        return Err(WebError::intake_busy(busy.retry_after_secs));
    }
    let stored = state.accept_report(report).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReportCreated {
            report_id: stored.report_id.to_string(),
            receipt: stored.receipt.to_string(),
            cases: stored
                .cases
                .into_iter()
                .map(|c| CaseCreated {
                    address: c.canonical,
                })
                .collect(),
        }),
    ))
}

/// `POST /api/v1/receipts/status` body.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    /// `XXXX-XXXX-XXXX-XXXX` (Crockford base32), with or without dashes, any case.
    #[schema(
        pattern = "^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$"
    )]
    pub receipt: String,
}

/// What a reporter may know of their report.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatusResponse {
    /// One of `received` (not handled yet), `handled`, `removed` (removal confirmed): about
    /// this report only, never a case that others reported before.
    pub status: &'static str,
    /// The day (`YYYY-MM-DD`, UTC) of this report's last visible change, never a time.
    #[schema(format = Date)]
    pub updated_at: String,
    pub messages: Vec<MessageOut>,
}

/// A message from the hotline to the reporter.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessageOut {
    pub at: String,
    pub body: String,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// `POST /api/v1/receipts/status`: what a reporter may know of their report.
#[utoipa::path(
    post,
    path = "/api/v1/receipts/status",
    tag = "public",
    summary = "Ask about a report with its receipt",
    request_body(content = StatusBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The report's status", body = StatusResponse),
        (status = 400, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 404, description = "No report has this receipt", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not application/json", body = crate::error::ErrorBody),
        (status = 422, description = "Not a receipt", body = crate::error::ErrorBody),
        (status = 429, description = "Too many requests from this client", body = crate::error::ErrorBody),
    )
)]
pub async fn receipt_status(
    State(state): State<AppState>,
    client: ClientKey,
    ApiJson(body): ApiJson<StatusBody>,
) -> Result<Json<StatusResponse>, WebError> {
    if !state.limiter.allow(client.0) {
        return Err(WebError::rate_limited());
    }
    let receipt =
        Receipt::parse(&body.receipt).map_err(|e| WebError::invalid("receipt", e.to_string()))?;
    let status = state
        .store
        .report_status(&receipt)
        .await?
        .ok_or_else(|| WebError::not_found("no report has this receipt"))?;
    Ok(Json(StatusResponse {
        status: status.status.as_str(),
        updated_at: status.updated_at.date().to_string(),
        messages: status
            .messages
            .into_iter()
            // The reporter's own answers are on the status page, not here.
            .filter(|m| !m.from_reporter)
            .map(|m| MessageOut {
                at: rfc3339(m.at),
                body: m.body,
            })
            .collect(),
    }))
}

pub async fn not_found() -> WebError {
    WebError::not_found("there is no API endpoint at this address")
}

pub async fn method_not_allowed() -> WebError {
    WebError::method_not_allowed()
}
