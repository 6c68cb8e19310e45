//! Staff and police: sign-in, the queue, case pages and actions, welfare, the audit trail,
//! and the bearer-token API that mirrors them.

pub mod account;
pub mod admin;
pub mod api;
pub mod auth;
pub mod bulk;
pub mod dashboard;
pub mod find;
pub mod labels;
pub mod pages;
pub mod statistics;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// The staff pages, under `/staff`.
pub fn pages() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/login",
            get(auth::login_form).post(auth::login_submit),
        )
        .route("/staff/logout", post(auth::logout))
        .route("/staff/", get(pages::queue))
        .route("/staff/queue/next", post(pages::take_next))
        .route("/staff/spam", post(pages::spam))
        .route("/staff/search", get(find::search))
        .route("/staff/groups/{kind}", get(find::groups))
        .route("/staff/groups/{kind}/{key}", get(find::group))
        .route("/staff/bulk", post(bulk::bulk))
        .route("/staff/cases/{id}", get(pages::case))
        .route("/staff/cases/{id}/start", post(pages::start))
        .route("/staff/cases/{id}/assessment", post(pages::assess))
        .route(
            "/staff/cases/{id}/second-opinion",
            post(pages::second_opinion),
        )
        .route("/staff/cases/{id}/review", post(pages::review))
        .route("/staff/cases/{id}/move", post(pages::move_case))
        .route("/staff/cases/{id}/reopen", post(pages::reopen))
        .route("/staff/cases/{id}/hold", post(pages::hold))
        .route("/staff/cases/{id}/release-hold", post(pages::release_hold))
        .route("/staff/cases/{id}/trace", post(pages::retrace))
        .route("/staff/cases/{id}/police", post(pages::police))
        .route("/staff/cases/{id}/host-answer", post(pages::host_answer))
        .route(
            "/staff/cases/{id}/dedicated-domain",
            post(pages::dedicated_domain),
        )
        .route(
            "/staff/cases/{id}/partner-reference",
            post(pages::partner_reference),
        )
        .route(
            "/staff/cases/{id}/accept-referred-assessment",
            post(pages::accept_referred_assessment),
        )
        .route("/staff/cases/{id}/reassign", post(pages::reassign))
        .route("/staff/cases/{id}/messages", post(pages::message))
        .route("/staff/account", get(account::page))
        .route("/staff/account/password", post(account::change_password))
        .route("/staff/welfare", get(pages::welfare))
        .route("/staff/dashboard", get(dashboard::page))
        .route("/staff/welfare/lift", post(pages::lift))
        .route("/staff/audit", get(pages::audit))
        .route("/staff/admin", get(admin::settings))
        .route("/staff/admin/settings", post(admin::save_settings))
        .route(
            "/staff/admin/tokens",
            get(admin::tokens).post(admin::create_token),
        )
        .route("/staff/admin/tokens/{id}/revoke", post(admin::revoke_token))
        .route(
            "/staff/admin/partners",
            get(admin::partners).post(admin::save_partner),
        )
        .route(
            "/staff/admin/partners/disable",
            post(admin::disable_partner),
        )
        .route(
            "/staff/admin/users",
            get(admin::users).post(admin::add_user),
        )
        .route("/staff/admin/users/disable", post(admin::disable_user))
        .route("/staff/admin/users/reset-2fa", post(admin::reset_user_2fa))
        .route(
            "/staff/admin/notice-template",
            get(admin::notice_template).post(admin::save_notice_template),
        )
        .route("/staff/statistics", get(statistics::page))
        .route("/staff/statistics.csv", get(statistics::csv))
        .route("/staff/statistics/annual", get(statistics::annual))
        .route("/staff/statistics/annual.csv", get(statistics::annual_csv))
}

/// The staff API, under `/api` (nested).
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/v1/cases", get(api::list))
        .route("/v1/cases/{id}", get(api::read))
        .route("/v1/cases/{id}/assessment", post(api::assess))
        .route("/v1/cases/{id}/police", post(api::police_step))
}
