//! Referrals between hotlines running this software (docs/SPEC.md §4 partner endpoints). A partner
//! calls `POST /api/v1/referrals` with the bearer token we issued to it and an Ed25519
//! signature of the exact body (`X-Hotline-Signature`, hex). A wrong token, a bad signature, a
//! stale message or a replayed referral id is refused with a clear 4xx and nothing is stored.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use hotline_domain::federation::{ReferralMessage, UpdateMessage};
use hotline_domain::partner::{KEY_HEADER, PREVIOUS_SIGNATURES_HEADER, Signed};
use hotline_domain::{Channel, NewReport, ReportInput};
use hotline_store::ReferralIntake;

use crate::{AppState, WebError};

/// The header carrying the signature.
pub use hotline_domain::partner::SIGNATURE_HEADER;
/// How far a message's `sent_at` may be from our clock.
pub const MAX_SKEW_SECS: i64 = 10 * 60;

/// What a partner sends: [`hotline_domain::federation::ReferralMessage`], the one definition
/// sender and receiver share; this mirror only describes it in the OpenAPI document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ReferralBody {
    /// The sender's unique id for this referral (a UUID): retries reuse it.
    pub referral_id: String,
    /// When the sender signed it (RFC 3339).
    pub sent_at: String,
    pub urls: Vec<String>,
    pub where_found: Option<String>,
    /// The sender's own reference for its case.
    pub reference: String,
    /// What the sender wants the receiving hotline to know (never the reporter).
    pub note: Option<String>,
    /// The referring hotline's assessment, in ICCAM's vocabulary (docs/SPEC.md §2):
    /// `classification`, `reason`, `statutory_reference`, and `findings` (`age_group`,
    /// `gender`, `media`, `site_type`, `commercial`, `payment_methods`, `virtual`,
    /// `child_modelling`, `user_generated`). Absent from older senders.
    #[schema(value_type = Option<Object>, required = false)]
    pub assessment: Option<serde_json::Value>,
    /// The referring hotline's trace: `traced_at_ms`, `host`, `untraceable`, `addresses`
    /// (`ip`, `asn`, `as_org`, `country`, `cdn`, `abuse`), `registrable_domain`, `registrar`,
    /// `registrar_abuse`. Absent from older senders.
    #[schema(value_type = Option<Object>, required = false)]
    pub trace: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReferralAccepted {
    /// Our reference for the case it opened.
    pub reference: String,
}

/// `POST /api/v1/referrals`.
#[utoipa::path(
    post,
    path = "/api/v1/referrals",
    tag = "partners",
    summary = "A referral from a partner hotline (signed)",
    security(("bearer" = [])),
    params(
        ("X-Hotline-Signature" = String, Header, description = "Ed25519 signature of the exact body by the sender's current key, hex"),
        ("X-Hotline-Key" = Option<String>, Header, description = "The sender's current public key, hex (the key id)"),
        ("X-Hotline-Previous-Signatures" = Option<String>, Header, description = "After a key rotation, during its grace period: PUBLIC:SIGNATURE pairs (hex) by the sender's previous keys, comma-separated"),
    ),
    request_body(content = ReferralBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The same referral again: answered as before", body = ReferralAccepted),
        (status = 201, description = "A case was opened", body = ReferralAccepted),
        (status = 400, description = "The body is not a referral", body = crate::error::ErrorBody),
        (status = 401, description = "No partner token, or a bad signature", body = crate::error::ErrorBody),
        (status = 409, description = "This referral id came before with another body", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 422, description = "A field is invalid", body = crate::error::ErrorBody),
    )
)]
pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ReferralAccepted>), WebError> {
    let partner = signed_partner(&state, &headers, &body).await?;
    let referral: ReferralMessage = serde_json::from_slice(&body)
        .map_err(|e| WebError::malformed(format!("the referral is not valid: {e}")))?;
    fresh(&referral.sent_at)?;
    let input = ReportInput {
        urls: referral.urls.clone(),
        where_found: Some(
            referral
                .where_found
                .clone()
                .unwrap_or_else(|| "other".into()),
        ),
        description: Some(format!(
            "Referred by {} (their reference {}).{}",
            partner,
            referral.reference,
            referral
                .note
                .as_deref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default()
        )),
        ..ReportInput::default()
    };
    let report = NewReport::parse(input, Channel::Partner, state.config().default_language)?;
    // The report and the referral's row are one transaction; the row's unique key decides
    // which of two identical referrals at once is stored (issue 18).
    // In a task of its own, like every report: a client that hangs up does not cut the
    // transaction short.
    // What the referring hotline found (its assessment and trace) is kept with the referral.
    let (app, referral_id, work) = (
        state.app.clone(),
        referral.referral_id.clone(),
        referral.work(),
    );
    let task = tokio::spawn(async move {
        hotline_app::cases::receive_referral(
            &app,
            &partner,
            &referral_id,
            &body,
            &report,
            work.as_ref(),
        )
        .await
    });
    let outcome = task.await.map_err(|join| WebError::internal(&join))??;
    match outcome {
        ReferralIntake::Stored { case_id } => {
            state
                .metrics
                .reports_accepted
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok((
                StatusCode::CREATED,
                Json(ReferralAccepted {
                    reference: format!("case:{case_id}"),
                }),
            ))
        }
        // The same body again is a retry: answer as before. Anything else reuses an id.
        ReferralIntake::Seen(seen) if seen.same_body => Ok((
            StatusCode::OK,
            Json(ReferralAccepted {
                reference: format!("case:{}", seen.case_id),
            }),
        )),
        ReferralIntake::Seen(_) => Err(WebError::conflict(
            "this referral id was used before with another body",
        )),
    }
}

/// What a partner tells us about a referral we sent it:
/// [`hotline_domain::federation::UpdateMessage`]; this mirror only describes it in the
/// OpenAPI document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UpdateBody {
    pub referral_id: String,
    pub sent_at: String,
    /// `removed`, `reappeared` or `not_illegal` (`hotline_domain::partner::UPDATE_STATUSES`).
    pub status: String,
}

/// Checks a partner's token and signature over `body`; returns the partner's name.
async fn signed_partner(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<String, WebError> {
    let token = crate::extract::bearer(headers)
        .ok_or_else(|| WebError::unauthorized("send the partner's bearer token"))?;
    let partner = state
        .store
        .token_partner(token)
        .await?
        .ok_or_else(|| WebError::unauthorized("this bearer token is not a partner's"))?;
    let key = partner
        .public_key
        .as_deref()
        .ok_or_else(|| WebError::unauthorized("no public key is registered for this partner"))?;
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| WebError::unauthorized("the X-Hotline-Signature header is missing"))?;
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if !signed_by(key, body, signature, header(PREVIOUS_SIGNATURES_HEADER)) {
        // The key id says whether the partner rotated its key and ours is not registered.
        return Err(WebError::unauthorized(match header(KEY_HEADER) {
            Some(theirs) if !theirs.trim().eq_ignore_ascii_case(key.trim()) => format!(
                "the message is signed with key {}, which is not the key registered for this partner; if the partner rotated its signing key, register the new one",
                theirs.trim().chars().take(64).collect::<String>()
            ),
            _ => "the signature does not match the body and the partner's key".to_owned(),
        }));
    }
    Ok(partner.name)
}

/// Whether `body` is signed by the registered key `key`: the current signature, or one of
/// the previous keys' in their grace after a rotation (`previous`, the header's value).
pub(crate) fn signed_by(key: &str, body: &[u8], signature: &str, previous: Option<&str>) -> bool {
    hotline_store::verify_signature(key, body, signature)
        || previous.is_some_and(|p| {
            Signed::parse_previous(p).iter().any(|(public, sig)| {
                public.eq_ignore_ascii_case(key.trim())
                    && hotline_store::verify_signature(key, body, sig)
            })
        })
}

fn fresh(sent_at: &str) -> Result<(), WebError> {
    fresh_at(sent_at, OffsetDateTime::now_utc())
}

/// A message signed at `sent_at` is fresh at `now` if the clocks are within [`MAX_SKEW_SECS`].
pub(crate) fn fresh_at(sent_at: &str, now: OffsetDateTime) -> Result<(), WebError> {
    let sent = OffsetDateTime::parse(sent_at, &Rfc3339)
        .map_err(|_| WebError::invalid("sent_at", "not an RFC 3339 time"))?;
    if (now - sent).whole_seconds().abs() > MAX_SKEW_SECS {
        return Err(WebError::invalid(
            "sent_at",
            "the message is stale or from the future; sign a fresh one",
        ));
    }
    Ok(())
}

/// `POST /api/v1/referrals/{id}/updates`: the partner's news about a referral we sent.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/updates",
    tag = "partners",
    summary = "News about a referral this hotline sent (signed)",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The referral id"),
        ("X-Hotline-Signature" = String, Header, description = "Ed25519 signature of the exact body by the sender's current key, hex"),
        ("X-Hotline-Key" = Option<String>, Header, description = "The sender's current public key, hex (the key id)"),
        ("X-Hotline-Previous-Signatures" = Option<String>, Header, description = "After a key rotation, during its grace period: PUBLIC:SIGNATURE pairs (hex) by the sender's previous keys, comma-separated"),
    ),
    request_body(content = UpdateBody, content_type = "application/json"),
    responses(
        (status = 204, description = "Recorded"),
        (status = 400, description = "The body is not an update", body = crate::error::ErrorBody),
        (status = 401, description = "No partner token, or a bad signature", body = crate::error::ErrorBody),
        (status = 404, description = "No referral with this id was sent to this partner", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 422, description = "A field is invalid", body = crate::error::ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, WebError> {
    let partner = signed_partner(&state, &headers, &body).await?;
    let u: UpdateMessage = serde_json::from_slice(&body)
        .map_err(|e| WebError::malformed(format!("the update is not valid: {e}")))?;
    fresh(&u.sent_at)?;
    if u.referral_id != id {
        return Err(WebError::invalid(
            "referral_id",
            "does not match the address",
        ));
    }
    if !hotline_domain::partner::UPDATE_STATUSES.contains(&u.status.as_str()) {
        return Err(WebError::invalid(
            "status",
            format!(
                "one of: {}",
                hotline_domain::partner::UPDATE_STATUSES.join(", ")
            ),
        ));
    }
    // The referral's status and our case's move are one transaction.
    hotline_app::cases::partner_update(&state.app, &partner, &u.referral_id, &u.status)
        .await?
        .ok_or_else(|| WebError::not_found("no referral with this id was sent to you"))?;
    Ok(StatusCode::NO_CONTENT)
}
