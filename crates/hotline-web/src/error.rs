//! The one error type of the web layer.
//!
//! A handler returns `WebError`; it renders as the JSON error shape of docs/SPEC.md §4
//! (`{"error":{"code","message","field"?}}`). On the HTML side, [`html_errors`] swaps that body
//! for an error page in the visitor's language, so every route reports errors the same way.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use hotline_domain::{InvalidReport, Language, Refusal};

use crate::i18n::Tr;
use crate::pages::render_error_page;

/// What went wrong, for the visitor and for the API client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError {
    pub status: StatusCode,
    /// Stable, machine-readable: `malformed`, `invalid`, `payload_too_large`, …
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
    /// Every problem, when one request had several (422 only).
    pub problems: Vec<Problem>,
    /// `Retry-After` in seconds, for 429 (60 unless set).
    pub retry_after_secs: Option<u32>,
    /// Why, coded, when the application said why: the API sends its code as `reason`, the
    /// staff pages say it in the staff's language (`staff::labels::refusal`).
    pub refusal: Option<Box<Refusal>>,
}

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Problem {
    pub field: String,
    pub message: String,
    /// What is wrong, coded (`missing`, `not_one_of`, …), where the code knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The error shape of every `/api` answer that is not a success (for the OpenAPI document;
/// [`WebError`] renders it).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable and machine-readable: `malformed`, `invalid`, `unauthorized`, `forbidden`,
    /// `not_found`, `method_not_allowed`, `conflict`, `payload_too_large`,
    /// `unsupported_media_type`, `rate_limited`, `unavailable`, `internal`.
    pub code: String,
    /// For people, in English.
    pub message: String,
    /// Why, as a stable code finer than `code` (`case_changed`, `illegal_move`,
    /// `route_wait_awaiting_trace`, …), when the service said why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The invalid field (422), e.g. `urls[2]` or `contact.email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every invalid field, when there are several (422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: BodyInner<'a>,
}

#[derive(Serialize)]
struct BodyInner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    problems: &'a [Problem],
}

impl WebError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
            problems: Vec::new(),
            retry_after_secs: None,
            refusal: None,
        }
    }

    /// The error with the application's coded reason.
    fn because(mut self, refusal: Refusal) -> Self {
        self.refusal = Some(Box::new(refusal));
        self
    }

    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "malformed", message)
    }

    pub fn too_large(limit_bytes: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than {} KiB", limit_bytes / 1024),
        )
    }

    pub fn unsupported_media_type(expected: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send the body as {expected}"),
        )
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message);
        e.field = Some(field.into());
        e
    }

    /// A 422 for `field` with the coded reason, said in the staff's language on their pages.
    pub fn invalid_because(field: impl Into<String>, refusal: Refusal) -> Self {
        Self::invalid(field, refusal.english.clone()).because(refusal)
    }

    pub fn rate_limited() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many requests from this client; wait a minute and try again",
        )
    }

    /// Over the global intake limit (all app servers together), until the next minute.
    pub fn intake_busy(retry_after_secs: u32) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!(
                "the hotline is receiving more reports than it can take right now; \
                 nothing was stored, send again in {retry_after_secs} seconds"
            ),
        );
        e.retry_after_secs = Some(retry_after_secs);
        e
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "this address does not accept that method",
        )
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
    }

    /// An error the client cannot fix. The cause is logged (it never holds report content:
    /// storage errors carry no bound values); the client sees a generic message.
    pub fn internal(cause: &dyn std::error::Error) -> Self {
        tracing::error!(error = %ErrorChain(cause), "request failed");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request could not be completed; nothing was lost on your side, try again later",
        )
    }
}

impl From<InvalidReport> for WebError {
    fn from(e: InvalidReport) -> Self {
        let problems = e
            .errors
            .iter()
            .map(|p| (p.field.to_string(), p.problem.to_string(), None));
        WebError::with_problems(problems, ("urls", "the report is not valid"))
    }
}

impl WebError {
    /// A 422 naming the first problem, with every problem listed when there are several.
    fn with_problems(
        problems: impl Iterator<Item = (String, String, Option<String>)>,
        none: (&str, &str),
    ) -> WebError {
        let problems: Vec<Problem> = problems
            .map(|(field, message, code)| Problem {
                field,
                message,
                code,
            })
            .collect();
        let first = problems.first().cloned().unwrap_or(Problem {
            field: none.0.into(),
            message: none.1.into(),
            code: None,
        });
        let mut err = WebError::invalid(first.field, first.message);
        if problems.len() > 1 {
            err.problems = problems;
        }
        err
    }
}

impl From<hotline_store::CaseActionError> for WebError {
    fn from(e: hotline_store::CaseActionError) -> Self {
        WebError::from(hotline_app::AppError::from(e))
    }
}

/// The application layer's refusals, mapped once for every page and API route.
impl From<hotline_app::AppError> for WebError {
    fn from(e: hotline_app::AppError) -> Self {
        use hotline_app::AppError as E;
        match e {
            E::NotFound(r) => WebError::not_found(r.english.clone()).because(r),
            E::Forbidden(r) => WebError::forbidden(r.english.clone()).because(r),
            E::Conflict(r) => WebError::conflict(r.english.clone()).because(r),
            E::Invalid { field, message } => {
                WebError::invalid(field, message.english.clone()).because(message)
            }
            E::Assessment(a) => WebError::from(a),
            E::Store(s) => WebError::internal(&s),
        }
    }
}

/// An assessment's problems, each with its code; staff pages list them in the staff's
/// language instead (`staff::labels::assessment_error`).
impl From<hotline_domain::InvalidAssessment> for WebError {
    fn from(a: hotline_domain::InvalidAssessment) -> Self {
        WebError::with_problems(
            a.errors.iter().map(|p| {
                (
                    p.field.to_string(),
                    p.problem.to_string(),
                    Some(p.problem.code().to_owned()),
                )
            }),
            ("classification", "the assessment is not valid"),
        )
    }
}

/// A police step the domain refused, with its field and code.
impl From<hotline_domain::police::PoliceStepRefused> for WebError {
    fn from(p: hotline_domain::police::PoliceStepRefused) -> Self {
        WebError::invalid(p.field, p.refusal.english.clone()).because(p.refusal)
    }
}

impl From<hotline_store::StoreError> for WebError {
    fn from(e: hotline_store::StoreError) -> Self {
        WebError::internal(&e)
    }
}

/// Formats an error with its whole chain of causes.
struct ErrorChain<'a>(&'a dyn std::error::Error);

impl std::fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(s) = source {
            write!(f, ": {s}")?;
            source = s.source();
        }
        Ok(())
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let body = Body {
            error: BodyInner {
                code: self.code,
                message: &self.message,
                reason: self.refusal.as_ref().map(|r| r.code.as_ref()),
                field: self.field.as_deref(),
                problems: &self.problems,
            },
        };
        let mut response = (self.status, Json(&body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(self.retry_after_secs.unwrap_or(60)),
            );
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// Middleware for the HTML side: an error response becomes an error page in the language of
/// the path (`/nl/…`), or the default language.
pub async fn html_errors(
    axum::extract::State(default_language): axum::extract::State<Language>,
    request: Request,
    next: Next,
) -> Response {
    // The path's language if it has one (`/nl/…`), else the browser's preference.
    let accept = request
        .headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = request
        .uri()
        .path()
        .split('/')
        .nth(1)
        .and_then(|s| s.parse::<Language>().ok())
        .unwrap_or_else(|| crate::pages::negotiate_language(accept, default_language));
    let mut response = next.run(request).await;
    let Some(error) = response.extensions_mut().remove::<WebError>() else {
        return response;
    };
    let html = render_error_page(Tr::new(lang), &error);
    let mut page = (error.status, Html(html)).into_response();
    for name in [header::RETRY_AFTER, header::ALLOW] {
        if let Some(v) = response.headers().get(&name) {
            page.headers_mut().insert(name, v.clone());
        }
    }
    page
}
