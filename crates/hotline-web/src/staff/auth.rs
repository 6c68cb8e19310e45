//! Staff sign-in: the login form, sessions in cookies, CSRF tokens, bearer tokens.
//!
//! The session cookie holds a random id (stored only hashed), is `HttpOnly`,
//! `SameSite=Strict`, limited to `/staff`, and `Secure` whenever the site is served over TLS
//! (`http.hsts`, or a trusted proxy that says so). Before login there is no session, so the login
//! form's CSRF token is bound to a short-lived random cookie instead.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use hotline_domain::staff::{Action, CaseAccess};
use hotline_store::{LoginError, StaffUser};

use crate::extract::FormFields;
use crate::i18n::Tr;
use crate::login_guard::Refusal;
use crate::staff::pages::{LoginPage, staff_tr};
use crate::{AppState, WebError};

pub const SESSION_COOKIE: &str = "hotline_session";
const LOGIN_COOKIE: &str = "hotline_login";

/// The value of cookie `name`, if the request carries it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether the browser reached us over TLS: the operator says so (`http.hsts`: the public
/// address is https), or a trusted proxy does.
fn over_tls(state: &AppState, parts: &Parts) -> bool {
    if state.http.hsts {
        return true;
    }
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let from_proxy = peer.is_some_and(|p| state.config().trusted_proxies.contains(&p));
    from_proxy
        && parts
            .headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    // Built only from our own hex ids and constants.
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A signed-in staff member, from the session cookie. Pages that need one redirect to the
/// login form without it.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: StaffUser,
    pub csrf_token: String,
}

/// What happens without a live session: the login page.
pub struct LoginRequired;

impl IntoResponse for LoginRequired {
    fn into_response(self) -> Response {
        Redirect::to("/staff/login").into_response()
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(id) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(LoginRequired.into_response());
        };
        match state
            .store
            .session(id, state.config().sessions, OffsetDateTime::now_utc())
            .await
        {
            Ok(Some(s)) => Ok(Staff {
                user: s.user,
                csrf_token: s.csrf_token,
            }),
            Ok(None) => Err(LoginRequired.into_response()),
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

impl Staff {
    /// Refuses a form whose `csrf_token` is not this session's.
    pub fn check_csrf(&self, fields: &FormFields) -> Result<(), WebError> {
        let given = fields.get("csrf_token").unwrap_or("");
        if bool::from(given.as_bytes().ct_eq(self.csrf_token.as_bytes())) {
            Ok(())
        } else {
            Err(WebError::forbidden(
                "this form is out of date or did not come from this site; reload the page and try again",
            ))
        }
    }
}

/// Whether `user` may do `action`, for routes that call no application function (pages that
/// only read): the application layer's one rule, mapped to a web error.
pub fn require(user: &StaffUser, action: Action, case: Option<CaseAccess>) -> Result<(), WebError> {
    Ok(hotline_app::require(user, action, case)?)
}

/// A bearer token's user, for the staff and police API.
#[derive(Debug, Clone)]
pub struct ApiStaff(pub StaffUser);

impl FromRequestParts<AppState> for ApiStaff {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let token = crate::extract::bearer(&parts.headers).ok_or_else(|| {
            WebError::unauthorized("send a bearer token: Authorization: Bearer …")
        })?;
        state
            .store
            .token_user(token)
            .await?
            .map(ApiStaff)
            .ok_or_else(|| WebError::unauthorized("this bearer token is not recognised"))
    }
}

fn login_csrf(state: &AppState, nonce: &str) -> String {
    hex_of(
        &state
            .store
            .keys()
            .form_mac(&[b"staff-login:", nonce.as_bytes()])[..16],
    )
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unix_now() -> u64 {
    u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

/// A login form's nonce: random, with the second it was issued, so that it lapses
/// ([`crate::login_guard::FORM_LIFETIME_SECS`]) and is spent once.
fn new_nonce() -> Result<String, WebError> {
    let mut nonce = [0u8; 16];
    hotline_store::secrets::random_bytes(&mut nonce).map_err(|e| WebError::internal(&e))?;
    Ok(format!("{}.{}", hex_of(&nonce), unix_now()))
}

/// The second a nonce was issued, if it has the shape [`new_nonce`] gives.
fn issued_at(nonce: &str) -> Option<u64> {
    let (random, secs) = nonce.split_once('.')?;
    (random.len() == 32 && random.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| secs.parse().ok())
        .flatten()
}

fn login_page(
    state: &AppState,
    t: Tr,
    parts_tls: bool,
    error: Option<String>,
    username: &str,
    status: StatusCode,
) -> Result<Response, WebError> {
    let nonce = new_nonce()?;
    let page = LoginPage {
        t,
        me: None,
        csrf_token: login_csrf(state, &nonce),
        error,
        username: username.to_owned(),
    };
    let html = crate::pages::render(&page)?;
    let mut response = (status, html).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            LOGIN_COOKIE,
            &nonce,
            "/staff/login",
            i64::try_from(crate::login_guard::FORM_LIFETIME_SECS).ok(),
            parts_tls,
        ),
    );
    Ok(response)
}

/// Request parts a login handler needs besides the form.
pub struct LoginContext {
    /// The language of the login page, from `Accept-Language`.
    t: Tr,
    tls: bool,
    nonce: Option<String>,
    session: Option<String>,
    /// The client, as the login limiter tags it (never its address).
    client: crate::limits::ClientTag,
}

impl FromRequestParts<AppState> for LoginContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(LoginContext {
            t: staff_tr(state, &parts.headers),
            tls: over_tls(state, parts),
            nonce: cookie(&parts.headers, LOGIN_COOKIE).map(str::to_owned),
            session: cookie(&parts.headers, SESSION_COOKIE).map(str::to_owned),
            client: state.login.client(
                parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|ConnectInfo(a)| a.ip()),
                parts
                    .headers
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok()),
            ),
        })
    }
}

/// `GET /staff/login`.
pub async fn login_form(
    State(state): State<AppState>,
    ctx: LoginContext,
) -> Result<Response, WebError> {
    login_page(&state, ctx.t, ctx.tls, None, "", StatusCode::OK)
}

/// How long a login refused before any password check waits before its answer: the refusal
/// itself is cheap, so without a wait a flood would come back at tens of thousands of
/// requests a second and take the processor from intake; waiting costs no processor time,
/// and `http.max_connections` bounds how many wait at once.
const REFUSAL_DELAY: std::time::Duration = std::time::Duration::from_secs(1);

/// `POST /staff/login`: name, password, TOTP code and the CSRF token; on success a new
/// session id (never the one the browser had before: no session fixation). Before any
/// password is checked: the form token must be this browser's, fresh and unused, and the
/// client and the account name within their attempts per minute. Unknown names, wrong
/// passwords or codes and waiting accounts get one answer; only the right password and code
/// learn that the account waits.
pub async fn login_submit(
    State(state): State<AppState>,
    ctx: LoginContext,
    fields: FormFields,
) -> Result<Response, WebError> {
    let username = fields.get("username").unwrap_or("").trim().to_owned();
    let expected = ctx.nonce.as_deref().map(|n| login_csrf(&state, n));
    let given = fields.get("csrf_token").unwrap_or("");
    let csrf_ok = expected.is_some_and(|e| bool::from(e.as_bytes().ct_eq(given.as_bytes())));
    let issued = ctx.nonce.as_deref().and_then(issued_at);
    let out_of_date = |state: &AppState, ctx: LoginContext| {
        login_page(
            state,
            ctx.t,
            ctx.tls,
            Some("The form was out of date. Please sign in again.".into()),
            &username,
            StatusCode::FORBIDDEN,
        )
    };
    let (true, Some(issued), Some(nonce)) = (csrf_ok, issued, ctx.nonce.as_deref()) else {
        tokio::time::sleep(REFUSAL_DELAY).await;
        return out_of_date(&state, ctx);
    };
    match state
        .login
        .admit(ctx.client, &username, nonce, issued, unix_now())
    {
        Ok(()) => {}
        Err(Refusal::SpentForm) => {
            tokio::time::sleep(REFUSAL_DELAY).await;
            return out_of_date(&state, ctx);
        }
        Err(Refusal::TooMany) => {
            tokio::time::sleep(REFUSAL_DELAY).await;
            let mut page = login_page(
                &state,
                ctx.t,
                ctx.tls,
                Some("Too many sign-in attempts. Please wait a minute and try again.".into()),
                &username,
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            page.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            return Ok(page);
        }
    }
    let now = OffsetDateTime::now_utc();
    let result = state
        .store
        .login(
            &username,
            fields.get("password").unwrap_or(""),
            fields.get("totp").unwrap_or(""),
            now,
        )
        .await;
    match result {
        Ok(new) => {
            if let Some(old) = &ctx.session {
                state.store.logout(old, now).await?;
            }
            let mut response = Redirect::to("/staff/").into_response();
            let h = response.headers_mut();
            h.append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &new.session_id, "/staff", None, ctx.tls),
            );
            h.append(
                header::SET_COOKIE,
                set_cookie(LOGIN_COOKIE, "", "/staff/login", Some(0), ctx.tls),
            );
            Ok(response)
        }
        Err(LoginError::Store(e)) => Err(e.into()),
        Err(e @ LoginError::Locked { .. }) => login_page(
            &state,
            ctx.t,
            ctx.tls,
            Some(locked_message(ctx.t, &e)),
            &username,
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Err(LoginError::Busy) => {
            let mut page = login_page(
                &state,
                ctx.t,
                ctx.tls,
                Some(ctx.t.get("staff-error-login_busy")),
                &username,
                StatusCode::SERVICE_UNAVAILABLE,
            )?;
            page.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            Ok(page)
        }
        Err(LoginError::Refused) => login_page(
            &state,
            ctx.t,
            ctx.tls,
            Some(ctx.t.get("staff-error-login_refused")),
            &username,
            StatusCode::UNAUTHORIZED,
        ),
    }
}

fn locked_message(t: Tr, e: &LoginError) -> String {
    match e {
        LoginError::Locked { until } => t.with(
            "staff-error-login_locked",
            "until",
            &until
                .format(time::macros::format_description!(
                    "[hour]:[minute]:[second]"
                ))
                .unwrap_or_default(),
        ),
        _ => t.get("staff-error-login_refused"),
    }
}

/// `POST /staff/logout`.
pub async fn logout(
    State(state): State<AppState>,
    staff: Staff,
    ctx: LoginContext,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    if let Some(id) = &ctx.session {
        state.store.logout(id, OffsetDateTime::now_utc()).await?;
    }
    let mut response = Redirect::to("/staff/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", "/staff", Some(0), ctx.tls),
    );
    Ok(response)
}
