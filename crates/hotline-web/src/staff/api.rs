//! The staff and police API (bearer tokens): the same actions as the pages, through the same
//! service functions and therefore the same permissions.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;

use hotline_domain::assessment::AssessmentInput;
use hotline_store::{Assignee, CaseFile, QueueCursor, QueueFilter};

use crate::extract::ApiJson;
use crate::staff::auth::ApiStaff;
use crate::{AppState, WebError};
use hotline_app::cases;

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseLine {
    pub id: i64,
    pub address: String,
    pub state: String,
    pub urgent: bool,
    pub report_count: i64,
    pub received_at: String,
    pub assignee: Option<String>,
    pub review_requested: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseList {
    pub cases: Vec<CaseLine>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// `GET /api/v1/cases?state=&urgent=1&assignee=&review=1&after=&limit=`.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "staff",
    summary = "The queue of cases this user may see",
    security(("bearer" = [])),
    params(
        ("state" = Option<String>, Query, description = "Only cases in this state"),
        ("urgent" = Option<String>, Query, description = "`1` or `true`: urgent cases only"),
        ("assignee" = Option<String>, Query, description = "A user name, or `-` for unassigned"),
        ("review" = Option<String>, Query, description = "`1` or `true`: cases waiting for review"),
        ("after" = Option<String>, Query, description = "The `next` cursor of the previous page"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 500, description = "Cases per page (default 50)"),
    ),
    responses(
        (status = 200, description = "A page of cases", body = CaseList),
        (status = 401, description = "No valid bearer token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's user may not do this", body = crate::error::ErrorBody),
        (status = 422, description = "A query parameter is invalid", body = crate::error::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    RawQuery(raw): RawQuery,
) -> Result<Json<CaseList>, WebError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());
    let filter = QueueFilter {
        state: get("state")
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse()
                    .map_err(|_| WebError::invalid("state", format!("unknown state \"{s}\"")))
            })
            .transpose()?,
        urgent_only: get("urgent").is_some_and(|v| matches!(v, "1" | "true")),
        assignee: match get("assignee") {
            None | Some("") => Assignee::Anyone,
            Some("-") => Assignee::Nobody,
            Some(name) => Assignee::User(name.to_ascii_lowercase()),
        },
        needs_review: get("review").is_some_and(|v| matches!(v, "1" | "true")),
        ..QueueFilter::default()
    };
    let after = get("after")
        .filter(|s| !s.is_empty())
        .map(|c| {
            QueueCursor::decode(c)
                .ok_or_else(|| WebError::invalid("after", "not a cursor from this API"))
        })
        .transpose()?;
    let limit = match get("limit") {
        None | Some("") => 50,
        Some(l) => l
            .parse::<i64>()
            .ok()
            .filter(|l| (1..=500).contains(l))
            .ok_or_else(|| WebError::invalid("limit", "a number from 1 to 500"))?,
    };
    let (rows, next) = cases::queue(&state.app, &user, filter, after, limit).await?;
    Ok(Json(CaseList {
        cases: rows
            .into_iter()
            .map(|r| CaseLine {
                id: r.case_id,
                address: r.canonical,
                state: r.state.to_string(),
                urgent: r.urgent,
                report_count: r.report_count,
                received_at: rfc3339(r.created_at),
                assignee: r.assignee,
                review_requested: r.review_requested,
            })
            .collect(),
        next: next.map(|c| c.encode()),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportOut {
    pub report_id: String,
    pub received_at: String,
    pub channel: String,
    pub where_found: String,
    pub urgent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<ContactOut>)]
    pub contact: Option<hotline_domain::Contact>,
}

/// A reporter's contact details, shown only to roles that may see them (for the OpenAPI
/// document; the service serialises `hotline_domain::Contact`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ContactOut {
    pub name: Option<String>,
    pub email: Option<String>,
    /// The reporter agreed that the police may contact them.
    pub police_may_contact: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssessmentOut {
    pub kind: String,
    pub classification: String,
    /// Why not illegal or unavailable (ICCAM's action reasons; docs/SPEC.md §2).
    pub reason: Option<String>,
    pub statutory_reference: Option<String>,
    /// The findings, in ICCAM's vocabulary, are present exactly for illegal content.
    pub age_group: Option<String>,
    pub gender: Option<String>,
    pub media: Option<String>,
    pub site_type: Option<String>,
    /// `commercial`, `non_commercial` or `not_determined`.
    pub commercial: Option<String>,
    pub payment_methods: Option<Vec<String>>,
    #[serde(rename = "virtual")]
    pub virtual_material: Option<bool>,
    pub child_modelling: Option<bool>,
    pub user_generated: Option<bool>,
    pub by: String,
    pub at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct EventOut {
    pub at: String,
    pub kind: String,
    pub details: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseOut {
    pub id: i64,
    pub address: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub state: String,
    pub urgent: bool,
    pub report_count: i64,
    pub created_at: String,
    pub updated_at: String,
    pub assignee: Option<String>,
    pub referred_to_police: bool,
    /// Why the case was closed (`not_illegal`, `declined_by_police`, …), once it is.
    pub closed_reason: Option<String>,
    pub reports: Vec<ReportOut>,
    pub assessments: Vec<AssessmentOut>,
    pub timeline: Vec<EventOut>,
}

impl From<CaseFile> for CaseOut {
    fn from(f: CaseFile) -> Self {
        CaseOut {
            id: f.case_id,
            address: f.canonical,
            host: f.host,
            registrable_domain: f.registrable_domain,
            state: f.state.to_string(),
            urgent: f.urgent,
            report_count: f.report_count,
            created_at: rfc3339(f.created_at),
            updated_at: rfc3339(f.updated_at),
            assignee: f.assignee,
            referred_to_police: f.referred_to_police,
            closed_reason: f.closed_reason.map(|r| r.to_string()),
            reports: f
                .reports
                .into_iter()
                .map(|r| ReportOut {
                    report_id: r.report_id.to_string(),
                    received_at: rfc3339(r.received_at),
                    channel: r.channel,
                    where_found: r.where_found,
                    urgent: r.urgent,
                    submitted: r.submitted,
                    description: r.description,
                    contact: r.contact,
                })
                .collect(),
            assessments: f
                .assessments
                .into_iter()
                .map(|a| {
                    let fnd = a.assessment.findings.as_ref();
                    AssessmentOut {
                        kind: a.kind,
                        classification: a.assessment.classification.to_string(),
                        reason: a.assessment.reason.map(|r| r.to_string()),
                        statutory_reference: a.assessment.statutory_reference.clone(),
                        age_group: fnd.map(|f| f.age_group.to_string()),
                        gender: fnd.map(|f| f.gender.to_string()),
                        media: fnd.map(|f| f.media.to_string()),
                        site_type: fnd.map(|f| f.site_type.to_string()),
                        commercial: fnd.map(|f| f.commercial.to_string()),
                        payment_methods: fnd
                            .map(|f| f.payment_methods.iter().map(|m| m.to_string()).collect()),
                        virtual_material: fnd.map(|f| f.virtual_material),
                        child_modelling: fnd.map(|f| f.child_modelling),
                        user_generated: fnd.map(|f| f.user_generated),
                        by: a.by,
                        at: rfc3339(a.at),
                    }
                })
                .collect(),
            timeline: f
                .timeline
                .into_iter()
                .map(|e| EventOut {
                    at: rfc3339(e.at),
                    kind: e.kind.as_str().to_owned(),
                    details: e.details,
                })
                .collect(),
        }
    }
}

fn case_id(raw: &str) -> Result<i64, WebError> {
    raw.parse()
        .map_err(|_| WebError::not_found("there is no case with this number"))
}

/// `GET /api/v1/cases/{id}`.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    tag = "staff",
    summary = "One case file",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case number")),
    responses(
        (status = 200, description = "The case file", body = CaseOut),
        (status = 401, description = "No valid bearer token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's user may not do this", body = crate::error::ErrorBody),
        (status = 404, description = "No such case (or not visible to this user)", body = crate::error::ErrorBody),
    )
)]
pub async fn read(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    Path(id): Path<String>,
) -> Result<Json<CaseOut>, WebError> {
    let file = cases::view_case(&state.app, &user, case_id(&id)?).await?;
    Ok(Json(file.into()))
}

/// `POST /api/v1/cases/{id}/assessment` body.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentBody {
    /// `baseline`, `national`, `not_illegal`, `unavailable` or `out_of_remit` (required).
    /// Which other fields are required depends on it (docs/SPEC.md §2); a 422 names the field.
    #[schema(required = true)]
    pub classification: Option<String>,
    /// For `not_illegal` and `unavailable` (required there): one of ICCAM's action reasons.
    pub reason: Option<String>,
    pub statutory_reference: Option<String>,
    /// For illegal content (required there): `infant`, `pre_pubescent`, `pubescent`,
    /// `not_determined`.
    pub age_group: Option<String>,
    /// For illegal content (required there): `female`, `male`, `both`, `not_determined`.
    pub gender: Option<String>,
    /// For illegal content (required there): `image`, `video`, `text`, `link`, `container`,
    /// `other`.
    pub media: Option<String>,
    /// For illegal content (required there): one of ICCAM's 14 site types.
    pub site_type: Option<String>,
    /// For illegal content (required there): `commercial`, `non_commercial`,
    /// `not_determined`.
    pub commercial: Option<String>,
    /// For illegal content: zero or more payment methods (`none` alone).
    #[serde(default)]
    pub payment_methods: Vec<String>,
    /// For illegal content: drawn, computer-made or AI-generated (default false).
    #[serde(rename = "virtual")]
    pub virtual_material: Option<bool>,
    /// For illegal content (default false).
    pub child_modelling: Option<bool>,
    /// For illegal content: self-generated (default false).
    pub user_generated: Option<bool>,
}

/// `POST /api/v1/cases/{id}/assessment`: records an assessment (taking a new case into
/// assessment first) and returns the case.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/assessment",
    tag = "staff",
    summary = "Record an assessment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case number")),
    request_body(content = AssessmentBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The case file, with the assessment", body = CaseOut),
        (status = 400, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 401, description = "No valid bearer token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's user may not do this", body = crate::error::ErrorBody),
        (status = 404, description = "No such case (or not visible to this user)", body = crate::error::ErrorBody),
        (status = 409, description = "The case is not in a state that takes an assessment", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not application/json", body = crate::error::ErrorBody),
        (status = 422, description = "A field is invalid", body = crate::error::ErrorBody),
    )
)]
pub async fn assess(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssessmentBody>,
) -> Result<Json<CaseOut>, WebError> {
    let id = case_id(&id)?;
    let input = AssessmentInput {
        classification: body.classification,
        reason: body.reason,
        statutory_reference: body.statutory_reference,
        age_group: body.age_group,
        gender: body.gender,
        media: body.media,
        site_type: body.site_type,
        commercial: body.commercial,
        payment_methods: body.payment_methods,
        virtual_material: body.virtual_material,
        child_modelling: body.child_modelling,
        user_generated: body.user_generated,
    };
    cases::record_assessment(&state.app, &user, id, input).await?;
    let file = cases::view_case(&state.app, &user, id).await?;
    Ok(Json(file.into()))
}

/// A police step (docs/SPEC.md §2), as the case page's form takes it.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PoliceStepBody {
    /// `acknowledged`, `hold`, `release`, `cleared`, `order_requested`, `order_served`,
    /// `declined`, `passed_abroad` or `preserve_evidence`.
    pub step: String,
    /// For `acknowledged`: the police's own file number.
    pub reference: Option<String>,
    /// For `declined`: `not_illegal`, `no_jurisdiction`, `duplicate` or `other`.
    pub reason: Option<String>,
    /// For `passed_abroad`: the country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    pub note: Option<String>,
}

/// `POST /api/v1/cases/{id}/police`: records a police step on a case referred to the police,
/// and returns the case as it now is (a served order awaits removal, a decline closes it).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/police",
    tag = "staff",
    summary = "Record a police step",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case number")),
    request_body(content = PoliceStepBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The case file after the step", body = CaseOut),
        (status = 400, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 401, description = "No valid bearer token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's user may not do this", body = crate::error::ErrorBody),
        (status = 404, description = "No such case (or not visible to this user)", body = crate::error::ErrorBody),
        (status = 409, description = "The case has not been referred to the police", body = crate::error::ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not application/json", body = crate::error::ErrorBody),
        (status = 422, description = "A field is invalid, or the step is not allowed now (release without a hold, order served before requested)", body = crate::error::ErrorBody),
    )
)]
pub async fn police_step(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PoliceStepBody>,
) -> Result<Json<CaseOut>, WebError> {
    let id = case_id(&id)?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let (reference, reason, country, note) = (
        text(&body.reference),
        text(&body.reason),
        text(&body.country),
        text(&body.note),
    );
    let step =
        hotline_domain::police::PoliceStep::parse(&hotline_domain::police::PoliceStepInput {
            step: &body.step,
            reference: &reference,
            reason: &reason,
            country: &country,
            note: &note,
        })
        .map_err(WebError::from)?;
    cases::police_step(&state.app, &user, id, &step).await?;
    let file = cases::view_case(&state.app, &user, id).await?;
    Ok(Json(file.into()))
}
