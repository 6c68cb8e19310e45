//! A staff member's own account: `GET /staff/account` and `POST /staff/account/password`
//! (issue 18). Changing one's password needs the current one and the new one twice; the
//! rules are those of account creation; the change is audited and ends every other session
//! of the account (see `hotline_store::own_password`).

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use hotline_store::PasswordChangeError;

use crate::extract::FormFields;
use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::{SESSION_COOKIE, Staff, cookie};
use crate::staff::pages::{Me, StaffLang};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    /// After a change: how many other sessions ended.
    changed: Option<String>,
    /// Why the password was not changed, and the field it is about.
    error: Option<(&'static str, String)>,
}

impl AccountPage {
    fn error_of(&self, field: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// `GET /staff/account`.
pub async fn page(
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let changed = raw
        .as_deref()
        .and_then(|q| q.strip_prefix("changed="))
        .and_then(|n| n.parse::<u64>().ok())
        .map(|n| n.to_string());
    let page = AccountPage {
        me: Me::of(&staff),
        csrf_token: staff.csrf_token.clone(),
        changed,
        error: None,
        t,
    };
    Ok(render(&page)?.into_response())
}

/// `POST /staff/account/password`: fields `current_password`, `new_password`,
/// `new_password_again`.
pub async fn change_password(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let current = fields.get("current_password").unwrap_or("");
    let new = fields.get("new_password").unwrap_or("");
    let again = fields.get("new_password_again").unwrap_or("");
    let refuse = |t: Tr, status: StatusCode, field: &'static str, message: String| {
        let page = AccountPage {
            me: Me::of(&staff),
            csrf_token: staff.csrf_token.clone(),
            changed: None,
            error: Some((field, message)),
            t,
        };
        Ok::<_, WebError>((status, render(&page)?).into_response())
    };
    if new != again {
        let m = t.get("staff-account-mismatch");
        return refuse(t, StatusCode::UNPROCESSABLE_ENTITY, "new_password_again", m);
    }
    let session = cookie(&headers, SESSION_COOKIE).unwrap_or("");
    match state
        .store
        .change_own_password(
            &staff.user,
            session,
            current,
            new,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(ended) => Ok(Redirect::to(&format!("/staff/account?changed={ended}")).into_response()),
        Err(PasswordChangeError::WrongCurrent) => {
            let m = t.get("staff-account-wrong-current");
            refuse(t, StatusCode::UNPROCESSABLE_ENTITY, "current_password", m)
        }
        Err(PasswordChangeError::Weak(e)) => refuse(
            t,
            StatusCode::UNPROCESSABLE_ENTITY,
            "new_password",
            crate::staff::labels::refusal(t, &hotline_app::error::account_refusal(&e)),
        ),
        Err(PasswordChangeError::Waiting) => {
            let m = t.get("staff-account-waiting");
            refuse(t, StatusCode::TOO_MANY_REQUESTS, "current_password", m)
        }
        Err(PasswordChangeError::Busy) => Err(WebError::unavailable(
            "too many sign-ins at once; try again in a few seconds",
        )),
        Err(PasswordChangeError::Store(e)) => Err(e.into()),
    }
}
