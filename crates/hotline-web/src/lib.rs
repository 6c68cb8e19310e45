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
pub mod live;
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

use hotline_domain::{Language, NewReport, Procedure};
use hotline_store::{Store, SubmittedReport};
use time::OffsetDateTime;

pub use error::WebError;

/// What the web layer needs to know of the configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub default_language: Language,
    pub procedure: Procedure,
    /// Per client and minute on public intake; 0 = no limit.
    pub rate_limit_per_minute: u32,
    /// Reports per minute for all app servers on the database together; 0 = no limit.
    pub global_rate_limit_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` (rate limits) and `X-Forwarded-Proto`
    /// (secure cookies) are believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long staff sessions live.
    pub sessions: hotline_store::SessionPolicy,
    /// The daily cap on analysts' assessment time.
    pub welfare: hotline_domain::staff::WelfareCap,
    /// How cases are routed (shown as "why this route" on case pages).
    pub jurisdiction: hotline_domain::routing::Jurisdiction,
    /// What the public pages say about this deployment.
    pub public: PublicSite,
    /// The name of the blocklist's DNS RPZ zone.
    pub blocklist_zone: String,
}

/// The deployment's facts that the public information pages state.
#[derive(Debug, Clone)]
pub struct PublicSite {
    pub hotline_name: String,
    pub emergency_number: String,
    pub law_reference: String,
    pub takedown_by: hotline_domain::jurisdiction::TakedownBy,
    pub objection_hours: u32,
    pub help: Vec<HelpLine>,
    /// The retention periods, stated on the privacy page.
    pub retention: hotline_domain::retention::RetentionPolicy,
}

impl Default for PublicSite {
    fn default() -> Self {
        Self {
            hotline_name: "Hotline".to_owned(),
            emergency_number: "112".to_owned(),
            law_reference: "Belgian Criminal Code, art. 417/43 and following".to_owned(),
            takedown_by: hotline_domain::jurisdiction::TakedownBy::Police,
            objection_hours: 48,
            help: HelpLine::belgian_defaults(),
            retention: Default::default(),
        }
    }
}

/// A helpline shown on the "getting help" page, as text (never a link to elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLine {
    pub name: String,
    pub contact: String,
}

impl HelpLine {
    /// Helplines for Belgium, the default jurisdiction.
    pub fn belgian_defaults() -> Vec<HelpLine> {
        [
            ("Child Focus", "116 000"),
            ("Awel (in Dutch, for children and young people)", "102"),
            (
                "Écoute-Enfants (in French, for children and young people)",
                "103",
            ),
            ("1712 (violence, abuse and child abuse, in Dutch)", "1712"),
            (
                "Stop it Now! (for people worried about their own thoughts)",
                "stopitnow.be",
            ),
        ]
        .into_iter()
        .map(|(name, contact)| HelpLine {
            name: name.to_owned(),
            contact: contact.to_owned(),
        })
        .collect()
    }
}

/// Spent report forms or proofs of work remembered at most (each a few dozen bytes).
const SPENT_CAPACITY: usize = 500_000;

/// Shared by every handler.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    /// The effective settings (file and admin overrides); read through [`AppState::config`]
    /// per request, never kept, so a change applies without a restart.
    pub settings: Arc<live::LiveSettings>,
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
    pub fn new(store: Store, config: WebConfig) -> Self {
        let file = live::file_settings(&config, None);
        Self::with_settings(store, Arc::new(live::LiveSettings::new(file, config)))
    }

    /// The state over a settings handle shared with others (the workers of this process).
    pub fn with_settings(store: Store, settings: Arc<live::LiveSettings>) -> Self {
        let config = settings.get().web.clone();
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
    pub fn config(&self) -> Arc<WebConfig> {
        self.settings.get().web.clone()
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
