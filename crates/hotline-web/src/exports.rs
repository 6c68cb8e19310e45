//! Exports for other case systems: `GET /api/v1/exports/cases` with a bearer token scoped to
//! exports (`hotline token create --user NAME --scope export`), and the CSV and JSON shapes the
//! command line (`hotline export cases`) writes too. Reporters' contact details go out only
//! when an admin asks with `with_reporters=true`; every export is audited before data leaves.

use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use hotline_store::{ExportCase, ExportQuery, StaffUser};

use crate::{AppState, WebError};

/// The user of an export-scoped bearer token.
#[derive(Debug, Clone)]
pub struct ApiExporter(pub StaffUser);

impl FromRequestParts<AppState> for ApiExporter {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let token = crate::extract::bearer(&parts.headers).ok_or_else(|| {
            WebError::unauthorized("send an export token: Authorization: Bearer …")
        })?;
        state
            .store
            .export_token_user(token)
            .await?
            .map(ApiExporter)
            .ok_or_else(|| {
                WebError::unauthorized("this bearer token is not recognised for exports")
            })
    }
}

/// The two shapes of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            other => Err(format!("\"{other}\" is not a format; use csv or json")),
        }
    }
}

/// A bound of the period: a day (`2026-11-01`) or an RFC 3339 time. A day as the upper
/// bound means up to the end of that day.
pub fn parse_bound(s: &str, upper: bool) -> Result<OffsetDateTime, String> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t);
    }
    let day = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| format!("\"{s}\" is neither a day (2026-11-01) nor an RFC 3339 time"))?;
    let day = if upper {
        day.next_day()
            .ok_or_else(|| format!("\"{s}\" is too late"))?
    } else {
        day
    };
    Ok(day.midnight().assume_utc())
}

/// The CSV form: a header line, then one line per case. The reporters column exists only
/// when they were asked for.
pub fn cases_csv(cases: &[ExportCase], with_reporters: bool) -> Result<String, String> {
    let mut header = vec![
        "case_id",
        "address",
        "host",
        "registrable_domain",
        "state",
        "urgent",
        "report_count",
        "created_at",
        "updated_at",
        "police_file_number",
        "closed_reason",
    ];
    header.extend(ASSESSMENT_COLUMNS);
    if with_reporters {
        header.push("reporters");
    }
    let rows = cases.iter().map(|c| {
        let mut row = vec![
            c.case_id.to_string(),
            c.address.clone(),
            c.host.clone(),
            c.registrable_domain.clone().unwrap_or_default(),
            c.state.clone(),
            c.urgent.to_string(),
            c.report_count.to_string(),
            c.created_at.format(&Rfc3339).unwrap_or_default(),
            c.updated_at.format(&Rfc3339).unwrap_or_default(),
            c.police_file_number.clone().unwrap_or_default(),
            c.closed_reason.clone().unwrap_or_default(),
        ];
        row.extend(assessment_cells(c.assessment.as_ref()));
        if with_reporters {
            let people: Vec<String> = c
                .reporters
                .iter()
                .flatten()
                .map(|p| {
                    let name = p.name.as_deref().unwrap_or("");
                    match &p.email {
                        Some(e) => format!("{name} <{e}>").trim().to_owned(),
                        None => name.to_owned(),
                    }
                })
                .collect();
            row.push(people.join("; "));
        }
        row
    });
    // Every cell is defused by the one CSV writer: hosts and addresses come from strangers.
    Ok(hotline_domain::csv_out::document(&header, rows))
}

/// The columns of the latest assessment, in ICCAM's vocabulary (docs/SPEC.md §2).
const ASSESSMENT_COLUMNS: [&str; 12] = [
    "classification",
    "reason",
    "statutory_reference",
    "age_group",
    "gender",
    "media",
    "site_type",
    "commercial",
    "payment_methods",
    "virtual",
    "child_modelling",
    "user_generated",
];

/// The cells of [`ASSESSMENT_COLUMNS`]: empty where there is no assessment or the field does
/// not apply; payment methods separated by spaces.
fn assessment_cells(a: Option<&hotline_domain::Assessment>) -> Vec<String> {
    let Some(a) = a else {
        return vec![String::new(); ASSESSMENT_COLUMNS.len()];
    };
    let f = a.findings.as_ref();
    let text = |v: Option<&str>| v.unwrap_or_default().to_owned();
    vec![
        a.classification.to_string(),
        text(a.reason.map(|r| r.as_str())),
        a.statutory_reference.clone().unwrap_or_default(),
        text(f.map(|f| f.age_group.as_str())),
        text(f.map(|f| f.gender.as_str())),
        text(f.map(|f| f.media.as_str())),
        text(f.map(|f| f.site_type.as_str())),
        text(f.map(|f| f.commercial.as_str())),
        f.map(|f| {
            f.payment_methods
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default(),
        f.map(|f| f.virtual_material.to_string())
            .unwrap_or_default(),
        f.map(|f| f.child_modelling.to_string()).unwrap_or_default(),
        f.map(|f| f.user_generated.to_string()).unwrap_or_default(),
    ]
}

/// The JSON form: `{"cases":[…]}`.
pub fn cases_json(cases: &[ExportCase]) -> serde_json::Value {
    serde_json::json!({ "cases": cases })
}

/// One exported case (for the OpenAPI document; the service serialises `ExportCase`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ExportCaseOut {
    pub case_id: i64,
    pub address: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub state: String,
    pub urgent: bool,
    pub report_count: i64,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
    /// The police's own file number, once they acknowledged the referral.
    pub police_file_number: Option<String>,
    /// Why the case was closed (`not_illegal`, `declined_by_police`, …), once it is.
    pub closed_reason: Option<String>,
    /// The latest assessment or review, in ICCAM's vocabulary (docs/SPEC.md §2).
    pub assessment: Option<AssessmentExportOut>,
    /// Only with `with_reporters=true` (admins).
    #[schema(required = false)]
    pub reporters: Option<Vec<crate::staff::api::ContactOut>>,
}

/// An assessment in an export: the findings only for illegal content.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct AssessmentExportOut {
    /// `baseline`, `national`, `not_illegal`, `unavailable` or `out_of_remit`.
    pub classification: String,
    /// ICCAM's action reason, for `not_illegal` and `unavailable`.
    #[schema(required = false)]
    pub reason: Option<String>,
    #[schema(required = false)]
    pub statutory_reference: Option<String>,
    #[schema(required = false)]
    pub findings: Option<FindingsExportOut>,
}

/// What was found illegal, in ICCAM's vocabulary.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct FindingsExportOut {
    pub age_group: String,
    pub gender: String,
    pub media: String,
    pub site_type: String,
    pub commercial: String,
    pub payment_methods: Vec<String>,
    #[schema(rename = "virtual")]
    pub virtual_material: bool,
    pub child_modelling: bool,
    pub user_generated: bool,
}

/// An export in JSON.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ExportOut {
    pub cases: Vec<ExportCaseOut>,
}

/// An export format: one of these names, exactly (for the OpenAPI document).
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum ExportFormatName {
    Json,
    Csv,
}

/// A day (`2026-11-01`) or an RFC 3339 time, as `from` and `to` take them (for the OpenAPI
/// document: one of the two string formats).
pub struct DayOrTime;

impl utoipa::PartialSchema for DayOrTime {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{
            KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat, Type,
        };
        let string = |format| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(format)))
        };
        OneOfBuilder::new()
            .item(string(KnownFormat::Date))
            .item(string(KnownFormat::DateTime))
            .into()
    }
}

impl utoipa::ToSchema for DayOrTime {}

/// `GET /api/v1/exports/cases?format=csv|json&from=&to=&with_reporters=true`.
#[utoipa::path(
    get,
    path = "/api/v1/exports/cases",
    tag = "exports",
    summary = "Cases opened in a period, for another case system",
    security(("bearer" = [])),
    params(
        ("format" = Option<ExportFormatName>, Query, description = "`json` (default) or `csv`"),
        ("from" = Option<DayOrTime>, Query, description = "Cases opened from this day (2026-11-01) or RFC 3339 time"),
        ("to" = Option<DayOrTime>, Query, description = "Cases opened up to this day (inclusive) or before this RFC 3339 time"),
        ("with_reporters" = Option<bool>, Query, description = "Admins only: include the reporters' contact details (audited)"),
    ),
    responses(
        (status = 200, description = "The cases, as JSON or (`format=csv`) CSV", content(
            (ExportOut = "application/json"),
            (String = "text/csv"),
        )),
        (status = 401, description = "No export token", body = crate::error::ErrorBody),
        (status = 403, description = "The token's user may not export (this)", body = crate::error::ErrorBody),
        (status = 422, description = "A query parameter is invalid", body = crate::error::ErrorBody),
    )
)]
pub async fn export_cases(
    State(state): State<AppState>,
    ApiExporter(user): ApiExporter,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    // A parameter given empty is an error, not a default: `to=` would otherwise export
    // everything when the caller meant some period.
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let format = get("format")
        .map(str::parse::<ExportFormat>)
        .transpose()
        .map_err(|e| WebError::invalid("format", e))?
        .unwrap_or(ExportFormat::Json);
    let bound = |name: &str, upper: bool| {
        get(name)
            .map(|v| parse_bound(v, upper))
            .transpose()
            .map_err(|e| WebError::invalid(name, e))
    };
    let with_reporters = match get("with_reporters") {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => return Err(WebError::invalid("with_reporters", "true or false")),
    };
    let query = ExportQuery {
        from: bound("from", false)?,
        to: bound("to", true)?,
        with_reporters,
    };
    if !hotline_domain::staff::may_export(user.role, with_reporters) {
        return Err(WebError::forbidden(if with_reporters {
            "only an admin may export the reporters' contact details"
        } else {
            "only supervisors and admins may export cases"
        }));
    }
    let actor = format!("user:{}", user.username);
    let cases = state
        .store
        .export_cases(&query, &actor, OffsetDateTime::now_utc())
        .await?;
    Ok(match format {
        ExportFormat::Json => axum::Json(cases_json(&cases)).into_response(),
        ExportFormat::Csv => {
            let text = cases_csv(&cases, with_reporters)
                .map_err(|e| WebError::internal(&std::io::Error::other(e)))?;
            (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                )],
                text,
            )
                .into_response()
        }
    })
}
