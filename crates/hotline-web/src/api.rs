//! The public JSON API (SPEC §4): report intake and receipt status.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;

use hotline_domain::{Channel, NewReport, Receipt, ReportInput};

use crate::extract::{ApiJson, ClientKey};
use crate::{AppState, WebError};

/// `POST /api/v1/reports` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportBody {
    pub urls: Vec<String>,
    pub where_found: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    #[serde(default)]
    pub urgent: bool,
    pub contact: Option<ContactBody>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactBody {
    pub name: Option<String>,
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
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ReportCreated {
    pub report_id: String,
    pub receipt: String,
    pub cases: Vec<CaseCreated>,
}

/// One address as the hotline recorded it. Case numbers and whether the address was
/// reported before are not told to anonymous callers: that would let anyone probe what the
/// hotline knows.
#[derive(Debug, Serialize)]
pub struct CaseCreated {
    pub address: String,
}

/// `POST /api/v1/reports`: an anonymous report. `201` means it is committed durably.
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
    let report = NewReport::parse(body.into(), Channel::Api, state.config.default_language)?;
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    pub receipt: String,
}

#[derive(Debug, Serialize)]
pub struct StatusResponse {
    pub status: &'static str,
    pub updated_at: String,
    pub messages: Vec<MessageOut>,
}

#[derive(Debug, Serialize)]
pub struct MessageOut {
    pub at: String,
    pub body: String,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// `POST /api/v1/receipts/status`: what a reporter may know of their report.
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
        updated_at: rfc3339(status.updated_at),
        messages: status
            .messages
            .into_iter()
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
