//! The public pages: server-rendered, no JavaScript, no cookies (docs/SPEC.md §4).
//!
//! A form that cannot be accepted is shown again with everything the reporter typed and a
//! message per problem: nothing a reporter wrote is ever thrown away by a refusal.

use askama::Template;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{Html, IntoResponse, Redirect, Response};
use time::OffsetDateTime;
use time::macros::format_description;

use hotline_domain::{
    Channel, Field, Language, NewReport, Problem, Receipt, ReportInput, WhereFound,
};

use crate::extract::{ClientKey, FormFields};
use crate::form_token;
use crate::i18n::Tr;
use crate::once::Spend;
use crate::{AppState, WebError};

/// The language of the path (`/nl/…`); any other first segment is a 404.
pub struct Lang(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, WebError> {
        let Path(lang) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::not_found("there is no page at this address"))?;
        lang.parse()
            .map(Lang)
            .map_err(|()| WebError::not_found("there is no page at this address"))
    }
}

pub fn render(template: &impl Template) -> Result<Html<String>, WebError> {
    template
        .render()
        .map(Html)
        .map_err(|e| WebError::internal(&e))
}

/// Picks the best of our four languages from an `Accept-Language` header.
pub fn negotiate_language(header: Option<&str>, default: Language) -> Language {
    let mut best: Option<(Language, f32)> = None;
    for part in header.unwrap_or("").split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        if let Ok(lang) = primary.parse::<Language>()
            && q > 0.0
            && best.is_none_or(|(_, bq)| q > bq)
        {
            best = Some((lang, q));
        }
    }
    best.map_or(default, |(lang, _)| lang)
}

/// `GET /`: to the visitor's language.
pub async fn root(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = negotiate_language(accept, state.config().default_language);
    let mut response = Redirect::to(&format!("/{lang}/")).into_response();
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("accept-language"),
    );
    response
}

/// `GET /{lang}`: to `/{lang}/`.
pub async fn language_root(Lang(lang): Lang) -> Redirect {
    Redirect::permanent(&format!("/{lang}/"))
}

#[derive(Template)]
#[template(path = "index.html")]
struct HomePage {
    t: Tr,
    page: &'static str,
    emergency: String,
}

/// `GET /{lang}/`: what to report and why.
pub async fn home(
    State(state): State<AppState>,
    Lang(lang): Lang,
) -> Result<Html<String>, WebError> {
    render(&HomePage {
        t: Tr::new(lang),
        page: "",
        emergency: state.config().public.emergency_number.clone(),
    })
}

pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/site.css"),
    )
}

pub async fn staff_stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/staff.css"),
    )
}

/// What the reporter typed, kept to show the form again.
#[derive(Debug, Default, Clone)]
pub(crate) struct ReportForm {
    urls: String,
    where_found: String,
    description: String,
    urgent: bool,
    contact_name: String,
    contact_email: String,
    police_may_contact: bool,
    news_by_mail: bool,
}

impl ReportForm {
    /// Reads the form; repeated `url` fields are added to the `urls` lines.
    pub(crate) fn from_fields(fields: &FormFields) -> Self {
        let mut urls = fields.get("urls").unwrap_or("").replace("\r\n", "\n");
        for extra in fields.all("url").map(str::trim).filter(|u| !u.is_empty()) {
            if !urls.is_empty() && !urls.ends_with('\n') {
                urls.push('\n');
            }
            urls.push_str(extra);
        }
        let text = |name| fields.get(name).unwrap_or("").to_owned();
        let ticked = |name| {
            fields
                .get(name)
                .is_some_and(|v: &str| !matches!(v.trim(), "" | "0" | "false" | "off" | "no"))
        };
        ReportForm {
            urls,
            where_found: text("where_found"),
            description: text("description"),
            urgent: ticked("urgent"),
            contact_name: text("contact_name"),
            contact_email: text("contact_email"),
            police_may_contact: ticked("police_may_contact"),
            news_by_mail: ticked("news_by_mail"),
        }
    }

    pub(crate) fn to_input(&self, lang: Language) -> ReportInput {
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.trim().is_empty());
        ReportInput {
            urls: self.urls.lines().map(str::to_owned).collect(),
            where_found: some(&self.where_found),
            description: some(&self.description),
            language: Some(lang.as_str().to_owned()),
            urgent: self.urgent,
            contact_name: some(&self.contact_name),
            contact_email: some(&self.contact_email),
            police_may_contact: self.police_may_contact,
            news_by_mail: self.news_by_mail,
        }
    }
}

struct FormError {
    /// The id of the input the message is about, for the error summary's links.
    field: &'static str,
    message: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    t: Tr,
    page: &'static str,
    form: ReportForm,
    form_token: String,
    errors: Vec<FormError>,
    notice: Option<String>,
    where_options: Vec<(&'static str, String)>,
    emergency: String,
}

impl ReportPage {
    fn new(state: &AppState, lang: Language, form: ReportForm) -> Self {
        let t = Tr::new(lang);
        let where_options = WhereFound::ALL
            .iter()
            .map(|w| (w.as_str(), t.get(&format!("where-{}", w.as_str()))))
            .collect();
        ReportPage {
            t,
            page: "report",
            form,
            form_token: form_token::issue(
                state.store.keys(),
                OffsetDateTime::now_utc().unix_timestamp(),
            ),
            errors: Vec::new(),
            notice: None,
            where_options,
            emergency: state.config().public.emergency_number.clone(),
        }
    }

    /// Whether a field has a problem, to mark it `aria-invalid`.
    fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    fn respond(self, status: StatusCode) -> Result<Response, WebError> {
        Ok((status, render(&self)?).into_response())
    }
}

/// `GET /{lang}/report`: the report form.
pub async fn report_form(
    State(state): State<AppState>,
    Lang(lang): Lang,
) -> Result<Response, WebError> {
    let form = ReportForm {
        where_found: WhereFound::Website.as_str().to_owned(),
        ..ReportForm::default()
    };
    ReportPage::new(&state, lang, form).respond(StatusCode::OK)
}

/// `POST /{lang}/report`: stores the report and shows the receipt, once.
pub async fn report_submit(
    State(state): State<AppState>,
    Lang(lang): Lang,
    client: ClientKey,
    fields: FormFields,
) -> Result<Response, WebError> {
    let t = Tr::new(lang);
    let form = ReportForm::from_fields(&fields);
    let mut page = ReportPage::new(&state, lang, form.clone());

    if !state.limiter.allow(client.0) {
        page.notice = Some(t.get("report-rate-limited"));
        let mut response = page.respond(StatusCode::TOO_MANY_REQUESTS)?;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
        return Ok(response);
    }
    let now = OffsetDateTime::now_utc().unix_timestamp();
    // A genuine, fresh token, used for the first time (a replayed form is refused like an
    // expired one; the page comes back with what was typed and a fresh token).
    let spent = form_token::verify(state.store.keys(), fields.get("form_token"), now)
        .ok()
        .map(|issued| {
            state
                .report_forms
                .spend(&issued.id, issued.lapses, u64::try_from(now).unwrap_or(0))
        });
    // A full set of spent tokens (a flood of forms) takes the report rather than lose it.
    if !matches!(spent, Some(Spend::Fresh | Spend::Full)) {
        page.notice = Some(t.get("report-token-expired"));
        return page.respond(StatusCode::BAD_REQUEST);
    }
    let report = match NewReport::parse(form.to_input(lang), Channel::Web, lang) {
        Ok(r) => r,
        Err(invalid) => {
            page.errors = invalid
                .errors
                .into_iter()
                .map(|e| form_error(t, e.field, &e.problem))
                .collect();
            return page.respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if let Err(busy) = state.global_intake_budget().await? {
        page.notice = Some(t.args(
            "report-busy",
            &[("seconds", &busy.retry_after_secs.to_string())],
        ));
        let mut response = page.respond(StatusCode::TOO_MANY_REQUESTS)?;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, busy.retry_after_secs.into());
        return Ok(response);
    }
    let stored = match state.accept_report(report).await {
        Ok(s) => s,
        Err(e) => {
            // Keep what was typed: show the form again with the reason.
            page.notice = Some(format!(
                "{} {}",
                t.get("error-internal-title"),
                t.get("error-internal")
            ));
            return page.respond(e.status);
        }
    };
    let done = ReportDonePage {
        t,
        page: "report",
        receipt: stored.receipt.to_string(),
        addresses: stored.cases.into_iter().map(|c| c.canonical).collect(),
    };
    Ok((StatusCode::OK, render(&done)?).into_response())
}

fn form_error(t: Tr, field: Field, problem: &Problem) -> FormError {
    let message = t.problem(problem);
    let (field, message) = match field {
        Field::Url(i) => (
            "urls",
            t.args(
                "report-line-error",
                &[("line", &(i + 1).to_string()), ("message", &message)],
            ),
        ),
        Field::Urls | Field::Language => ("urls", message),
        Field::WhereFound => ("where_found", message),
        Field::Description => ("description", message),
        Field::ContactName => ("contact_name", message),
        Field::ContactEmail => ("contact_email", message),
    };
    FormError { field, message }
}

#[derive(Template)]
#[template(path = "report_done.html")]
struct ReportDonePage {
    t: Tr,
    page: &'static str,
    receipt: String,
    addresses: Vec<String>,
}

pub(crate) struct StatusResult {
    label: String,
    explanation: String,
    updated: String,
    /// `(when, text, from the reporter)`, oldest first.
    messages: Vec<(String, String, bool)>,
}

impl StatusResult {
    /// The reporter may answer once the hotline has written to them.
    fn may_answer(&self) -> bool {
        self.messages.iter().any(|m| !m.2)
    }
}

#[derive(Template)]
#[template(path = "status.html")]
pub(crate) struct StatusPage {
    pub(crate) t: Tr,
    pub(crate) page: &'static str,
    pub(crate) receipt: String,
    pub(crate) result: Option<StatusResult>,
    pub(crate) error: Option<String>,
    /// The reporter's answer as typed, shown again when it cannot be taken.
    pub(crate) answer: String,
    pub(crate) answer_error: Option<String>,
    pub(crate) answered: bool,
    pub(crate) max_answer: usize,
}

impl StatusPage {
    pub(crate) fn new(t: Tr, receipt: String) -> Self {
        StatusPage {
            t,
            page: "status",
            receipt,
            result: None,
            error: None,
            answer: String::new(),
            answer_error: None,
            answered: false,
            max_answer: hotline_domain::answers::MAX_REPORTER_ANSWER_CHARS,
        }
    }
}

/// What a reporter sees with their receipt; `None` when no report has it.
pub(crate) async fn status_result(
    state: &AppState,
    t: Tr,
    receipt: &Receipt,
) -> Result<Option<StatusResult>, WebError> {
    let Some(status) = state.store.report_status(receipt).await? else {
        return Ok(None);
    };
    let key = status.status.as_str();
    Ok(Some(StatusResult {
        label: t.get(&format!("status-{key}")),
        explanation: t.get(&format!("status-{key}-text")),
        updated: status.updated_at.date().to_string(),
        messages: status
            .messages
            .into_iter()
            .map(|m| (human_time(m.at), m.body, m.from_reporter))
            .collect(),
    }))
}

fn human_time(t: OffsetDateTime) -> String {
    t.format(format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// `GET /{lang}/status`: the form that takes a receipt.
pub async fn status_form(Lang(lang): Lang) -> Result<Html<String>, WebError> {
    render(&StatusPage::new(Tr::new(lang), String::new()))
}

/// The receipt typed on a status form, checked for every form that takes one: the rate limit
/// first (a client guessing receipts learns nothing more), then its shape. `Err` is the page
/// to answer with, the problem said on it.
pub(crate) fn typed_receipt(
    state: &AppState,
    client: &ClientKey,
    t: Tr,
    typed: &str,
    page: &mut StatusPage,
) -> Result<Result<Receipt, Response>, WebError> {
    if !state.limiter.allow(client.0) {
        page.error = Some(t.get("report-rate-limited"));
        return Ok(Err(
            (StatusCode::TOO_MANY_REQUESTS, render(&*page)?).into_response()
        ));
    }
    match Receipt::parse(typed) {
        Ok(r) => Ok(Ok(r)),
        Err(e) => {
            page.error = Some(t.receipt_problem(&e));
            Ok(Err(
                (StatusCode::UNPROCESSABLE_ENTITY, render(&*page)?).into_response()
            ))
        }
    }
}

/// `POST /{lang}/status`: the status of the report with the receipt in the form body.
pub async fn status_submit(
    State(state): State<AppState>,
    Lang(lang): Lang,
    client: ClientKey,
    fields: FormFields,
) -> Result<Response, WebError> {
    let t = Tr::new(lang);
    let typed = fields.get("receipt").unwrap_or("").trim().to_owned();
    let mut page = StatusPage::new(t, typed.clone());
    let receipt = match typed_receipt(&state, &client, t, &typed, &mut page)? {
        Ok(r) => r,
        Err(refused) => return Ok(refused),
    };
    let Some(result) = status_result(&state, t, &receipt).await? else {
        page.error = Some(t.get("status-not-found"));
        return Ok((StatusCode::NOT_FOUND, render(&page)?).into_response());
    };
    page.result = Some(result);
    Ok((StatusCode::OK, render(&page)?).into_response())
}

/// The information pages (docs/SPEC.md §4), by slug.
pub const INFO_PAGES: [&str; 7] = [
    "what-to-report",
    "what-happens",
    "the-law",
    "stay-safe",
    "get-help",
    "privacy",
    "about",
];

struct Block {
    heading: bool,
    text: String,
}

#[derive(Template)]
#[template(path = "info.html")]
struct InfoPage {
    t: Tr,
    page: String,
    slug: &'static str,
    title: String,
    blocks: Vec<Block>,
    help: Vec<crate::HelpLine>,
    pages: Vec<(&'static str, String)>,
}

/// The Fluent keys of a page's paragraphs (`p…`) and headings (`h…`), in order. Parts that
/// depend on the deployment (procedure, who sends notices) pick their own keys.
pub fn info_blocks(
    slug: &str,
    procedure: hotline_domain::Procedure,
    takedown_by: hotline_domain::jurisdiction::TakedownBy,
) -> Vec<&'static str> {
    use hotline_domain::jurisdiction::TakedownBy;
    match slug {
        "what-to-report" => vec!["p1", "h1", "p2", "h2", "p3", "h3", "p4", "h4", "p5"],
        // Under forward-unopened everything goes to the police, wherever it is hosted, and
        // only the police contact hosts (the procedure requires `takedown_by = "police"`).
        "what-happens" => match procedure {
            hotline_domain::Procedure::ForwardUnopened => {
                vec!["p1", "forward", "p2", "forward-abroad", "p4"]
            }
            hotline_domain::Procedure::Assess => vec![
                "p1",
                "assess",
                "p2",
                match takedown_by {
                    TakedownBy::Police => "police",
                    TakedownBy::Hotline => "hotline",
                },
                "p3",
                "p4",
            ],
        },
        "the-law" => vec!["p1", "p2", "p3"],
        "stay-safe" => vec!["p1", "p2", "p3", "p4"],
        "get-help" => vec!["p1", "p2", "p3", "p4", "h1"],
        "privacy" => vec!["p1", "p2", "p3", "p4", "p5"],
        "about" => vec!["p1", "p2", "p3"],
        _ => Vec::new(),
    }
}

/// `GET /{lang}/info/{page}`.
pub async fn info(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let lang: Language = lang
        .parse()
        .map_err(|()| WebError::not_found("there is no page at this address"))?;
    let slug = INFO_PAGES
        .iter()
        .copied()
        .find(|p| *p == slug)
        .ok_or_else(|| WebError::not_found("there is no page at this address"))?;
    let t = Tr::new(lang);
    let config = state.config();
    let site = &config.public;
    let national = &config.settings.national;
    let hours = national.objection_hours.to_string();
    let args: [(&'static str, &str); 4] = [
        ("emergency", &site.emergency_number),
        ("law", &site.law_reference),
        ("hours", &hours),
        ("name", &site.hotline_name),
    ];
    let mut blocks: Vec<Block> = info_blocks(slug, config.procedure(), national.takedown_by)
        .into_iter()
        .map(|part| Block {
            heading: part.starts_with('h'),
            text: t.args(&format!("info-{slug}-{part}"), &args),
        })
        .collect();
    if slug == "privacy" {
        // The periods this deployment actually applies (`[retention]`).
        let period = |days: u32| match days {
            0 => t.get("info-privacy-forever"),
            n => t.count("info-privacy-days", "count", n as usize),
        };
        let r = &config.settings.retention;
        let (contact, description, closed, checks, audit) = (
            period(r.contact_days),
            period(r.description_days),
            period(r.closed_case_days),
            period(r.check_history_days),
            period(r.audit_days),
        );
        blocks.push(Block {
            heading: false,
            text: t.args(
                "info-privacy-periods",
                &[
                    ("contact", &contact),
                    ("description", &description),
                    ("closed", &closed),
                    ("checks", &checks),
                    ("audit", &audit),
                ],
            ),
        });
    }
    render(&InfoPage {
        t,
        page: format!("info/{slug}"),
        slug,
        title: t.get(&format!("info-{slug}")),
        blocks,
        help: if slug == "get-help" {
            site.help.clone()
        } else {
            Vec::new()
        },
        pages: INFO_PAGES
            .iter()
            .map(|p| (*p, t.get(&format!("info-{p}"))))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    page: &'static str,
    title: String,
    message: String,
}

/// The HTML page for an error, in the visitor's language.
pub fn render_error_page(t: Tr, error: &WebError) -> String {
    let (title, message) = match error.status {
        StatusCode::NOT_FOUND => (t.get("error-not-found-title"), t.get("error-not-found")),
        StatusCode::PAYLOAD_TOO_LARGE => (t.get("error-too-large-title"), t.get("error-too-large")),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            (t.get("error-unsupported-title"), error.message.clone())
        }
        StatusCode::TOO_MANY_REQUESTS => (
            t.get("error-rate-limited-title"),
            t.get("report-rate-limited"),
        ),
        StatusCode::SERVICE_UNAVAILABLE => {
            (t.get("error-unavailable-title"), t.get("error-unavailable"))
        }
        s if s.is_server_error() => (t.get("error-internal-title"), t.get("error-internal")),
        // The application's refusals are said in the visitor's language.
        _ => match &error.refusal {
            Some(r) => (
                t.get("error-bad-request-title"),
                crate::staff::labels::refusal(t, r),
            ),
            None => (t.get("error-bad-request-title"), error.message.clone()),
        },
    };
    let page = ErrorPage {
        t,
        page: "",
        title,
        message,
    };
    page.render().unwrap_or_else(|_| error.message.clone())
}

pub async fn not_found() -> WebError {
    WebError::not_found("there is no page at this address")
}

pub async fn method_not_allowed() -> WebError {
    WebError::method_not_allowed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_accept_language() {
        let d = Language::Nl;
        assert_eq!(negotiate_language(None, d), Language::Nl);
        assert_eq!(
            negotiate_language(Some("fr-BE,fr;q=0.9,en;q=0.8"), d),
            Language::Fr
        );
        assert_eq!(
            negotiate_language(Some("es, de;q=0.5, en;q=0.7"), d),
            Language::En
        );
        assert_eq!(negotiate_language(Some("es, it"), d), Language::Nl);
        assert_eq!(
            negotiate_language(Some("de;q=0, en;q=0.1"), d),
            Language::En
        );
        assert_eq!(negotiate_language(Some(";;;,,q=x"), d), Language::Nl);
    }
}
