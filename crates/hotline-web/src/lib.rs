//! The hotline's HTTP surface (docs/SPEC.md §4): the public pages, the JSON API, and the operations
//! endpoints. Handlers extract, parse into domain types, call the domain and the store, and
//! render; no rule of the domain is decided here.

pub mod api;
pub mod blocklist;
pub mod charts;
pub mod connections;
pub mod dialogue;
pub mod error;
pub mod exports;
pub mod extract;
pub mod federation;
pub mod form_token;
#[doc(hidden)]
pub mod fuzzing;
pub mod hardening;
pub mod headers;
pub mod host_answer;
pub mod i18n;
pub mod limits;
pub mod login_guard;
pub mod once;
pub mod onion;
pub mod openapi;
pub mod ops;
pub mod pages;
pub mod staff;
pub mod transparency;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use hotline_domain::NewReport;
use hotline_store::{Store, SubmittedReport};
use time::OffsetDateTime;

pub use error::WebError;

pub use hotline_app::{Config, HelpLine, PublicSite};

/// Spent report forms or proofs of work remembered at most (each a few dozen bytes).
const SPENT_CAPACITY: usize = 500_000;

/// Shared by every handler.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The application layer: every case and admin action goes through it.
    pub app: hotline_app::App,
    pub store: Store,
    /// The effective settings (file and admin overrides); read through [`AppState::config`]
    /// per request, never kept, so a change applies without a restart.
    pub settings: Arc<hotline_app::LiveSettings>,
    pub limiter: Arc<limits::Limiter>,
    /// The intake budget shared with the other app servers.
    pub global_limit: Arc<limits::GlobalLimit>,
    /// The `[http]` section (see [`AppState::with_http`]).
    pub http: Arc<hardening::HttpPolicy>,
    /// Counters for `/metrics`.
    pub metrics: Arc<hardening::Metrics>,
    /// Staff login limits and spent login forms.
    pub login: Arc<login_guard::LoginGuard>,
    /// Report form tokens already used.
    pub report_forms: Arc<once::SpentOnce>,
    /// Proofs of work already used (`http.api_pow_bits`).
    pub proofs: Arc<once::SpentOnce>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        Self::with_settings(store, Arc::new(hotline_app::LiveSettings::new(config)))
    }

    /// The state over a settings handle shared with others (the workers of this process).
    pub fn with_settings(store: Store, settings: Arc<hotline_app::LiveSettings>) -> Self {
        let config = settings.get().config.clone();
        let limiter = Arc::new(limits::Limiter::new(
            config.rate_limit_per_minute,
            config.trusted_proxies.clone(),
        ));
        let global_limit = Arc::new(limits::GlobalLimit::new(
            config.global_rate_limit_per_minute,
        ));
        let http = hardening::HttpPolicy::default();
        let login = Arc::new(login_guard::LoginGuard::new(
            http.login_attempts_per_minute,
            config.trusted_proxies.clone(),
        ));
        Self {
            app: hotline_app::App::new(store.clone(), settings.clone()),
            store,
            settings,
            limiter,
            global_limit,
            http: Arc::new(http),
            metrics: Arc::new(hardening::Metrics::default()),
            login,
            report_forms: Arc::new(once::SpentOnce::new(SPENT_CAPACITY)),
            proofs: Arc::new(once::SpentOnce::new(SPENT_CAPACITY)),
        }
    }

    /// The web configuration as it is now (the file's, with the admin's overrides).
    pub fn config(&self) -> Arc<Config> {
        self.app.config()
    }

    /// The same state with the `[http]` section's settings.
    pub fn with_http(mut self, http: hardening::HttpPolicy) -> Self {
        self.login = Arc::new(login_guard::LoginGuard::new(
            http.login_attempts_per_minute,
            self.config().trusted_proxies.clone(),
        ));
        self.http = Arc::new(http);
        self
    }

    /// Takes one report from the global intake budget (`Err` = 429 with `Retry-After`);
    /// public intake asks before storing a report.
    pub async fn global_intake_budget(&self) -> Result<Result<(), limits::Busy>, WebError> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        Ok(self.global_limit.take(&self.store, now).await?)
    }

    /// Stores a report durably. The work runs in its own task, so a client that hangs up
    /// mid-request cannot cancel a commit half way; when this returns `Ok`, the report is
    /// committed and may be acknowledged.
    pub async fn accept_report(&self, report: NewReport) -> Result<SubmittedReport, WebError> {
        let store = self.store.clone();
        let task = tokio::spawn(async move {
            store
                .submit_report(&report, OffsetDateTime::now_utc())
                .await
        });
        match task.await {
            Ok(result) => {
                let stored = result?;
                self.metrics
                    .reports_accepted
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(stored)
            }
            Err(join) => Err(WebError::internal(&join)),
        }
    }
}

/// The whole application. Serve it with `into_make_service_with_connect_info::<SocketAddr>()`
/// so rate limits can tell clients apart.
pub fn router(state: AppState) -> Router {
    let default_language = state.config().default_language;

    let api = Router::new()
        .route(
            "/v1/reports",
            post(api::submit_report)
                .layer(from_fn_with_state(state.clone(), hardening::proof_of_work)),
        )
        .route("/v1/receipts/status", post(api::receipt_status))
        .route("/v1/referrals", post(federation::receive))
        .route("/v1/blocklist", get(blocklist::blocklist))
        .route("/v1/referrals/{id}/updates", post(federation::update))
        .route("/v1/exports/cases", get(exports::export_cases))
        .route("/openapi.json", get(openapi::openapi_json))
        .merge(staff::api())
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(DefaultBodyLimit::max(extract::API_BODY_LIMIT));

    Router::new()
        .route("/", get(pages::root))
        .route("/static/site.css", get(pages::stylesheet))
        .route("/static/staff.css", get(pages::staff_stylesheet))
        .merge(staff::pages())
        .route("/{lang}", get(pages::language_root))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/report", get(pages::report_form).post(pages::report_submit))
        .route("/{lang}/status", get(pages::status_form).post(pages::status_submit))
        .route("/{lang}/status/answer", post(dialogue::answer))
        .route("/{lang}/info/{page}", get(pages::info))
        .route(
            "/{lang}/answer/{token}",
            get(host_answer::form).post(host_answer::submit),
        )
        .route("/{lang}/transparency", get(transparency::transparency))
        .fallback(pages::not_found)
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(DefaultBodyLimit::max(extract::FORM_BODY_LIMIT))
        .layer(from_fn_with_state(default_language, error::html_errors))
        .nest("/api", api)
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(hardening::metrics))
        .route("/readyz", get(ops::readyz))
        .layer(from_fn_with_state(state.clone(), hardening::harden))
        .with_state(state)
        .layer(from_fn(headers::security_headers))
        // Spans name the method and path only: never headers, query strings, bodies or the
        // peer address, so logs cannot identify a reporter or hold report content.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::extract::Request| {
                    tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
}
