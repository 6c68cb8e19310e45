//! The one error type of the application layer. Each transport maps it once: the web to a
//! status and a problem body (`hotline-web/src/error.rs`), the command line to a message and
//! an exit status.

use hotline_domain::assessment::InvalidAssessment;
use hotline_domain::login::{AccountError, MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS};
use hotline_domain::staff::DisableRefused;
use hotline_domain::{IllegalTransition, Refusal};
use hotline_store::{AccountOpError, CaseActionError, SettingChangeError, StoreError};

/// Why an action was not done. Each refusal carries a stable code and its facts
/// ([`Refusal`]): the staff pages say it in the staff's language, the API and the command
/// line in English.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such case, user, partner or token, or one this user may not learn of.
    #[error("{0}")]
    NotFound(Refusal),
    /// The user's role does not allow the action.
    #[error("{0}")]
    Forbidden(Refusal),
    /// The action does not fit the case's state or the configuration now.
    #[error("{0}")]
    Conflict(Refusal),
    /// A value given is not allowed; `field` names the form field (`""`: the whole request).
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: Refusal,
    },
    /// An assessment with every problem found in it.
    #[error(transparent)]
    Assessment(InvalidAssessment),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppError {
    pub fn not_found(code: &'static str, english: impl Into<String>) -> Self {
        AppError::NotFound(Refusal::new(code, english))
    }

    pub fn conflict(code: &'static str, english: impl Into<String>) -> Self {
        AppError::Conflict(Refusal::new(code, english))
    }

    pub fn invalid(field: &'static str, code: &'static str, english: impl Into<String>) -> Self {
        AppError::Invalid {
            field,
            message: Refusal::new(code, english),
        }
    }

    /// The usual refusal for a case that does not exist (or is hidden from this user).
    pub fn no_case() -> Self {
        AppError::not_found("no_case", "there is no case with this number")
    }

    /// The coded refusal, for every kind but an assessment's problems and a failed store.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            AppError::NotFound(r) | AppError::Forbidden(r) | AppError::Conflict(r) => Some(r),
            AppError::Invalid { message, .. } => Some(message),
            AppError::Assessment(_) | AppError::Store(_) => None,
        }
    }
}

/// A move the state machine does not allow, with both states.
pub fn illegal_move(e: &IllegalTransition) -> Refusal {
    Refusal::new("illegal_move", e.to_string())
        .with("from", e.from)
        .with("to", e.to)
}

/// A store refusal of a case action, coded.
pub fn case_action_refusal(e: &CaseActionError) -> Option<Refusal> {
    use CaseActionError as E;
    Some(match e {
        E::NoSuchCase(id) => Refusal::new("no_case_number", e.to_string()).with("case", id),
        E::Illegal(i) => illegal_move(i),
        E::Conflict(id) => Refusal::new("case_changed", e.to_string()).with("case", id),
        E::DuplicateOpenCase(id) => {
            Refusal::new("duplicate_open_case", e.to_string()).with("case", id)
        }
        E::Refused(r) => r.clone(),
        E::PoliceStep(p) => p.refusal.clone(),
        E::Store(_) => return None,
    })
}

impl From<CaseActionError> for AppError {
    fn from(e: CaseActionError) -> Self {
        use CaseActionError as E;
        let refusal = case_action_refusal(&e);
        match (e, refusal) {
            (E::Store(s), _) => AppError::Store(s),
            (E::NoSuchCase(_), Some(r)) => AppError::NotFound(r),
            (E::PoliceStep(p), _) => AppError::Invalid {
                field: p.field,
                message: p.refusal,
            },
            (_, Some(r)) => AppError::Conflict(r),
            (e, None) => AppError::Conflict(Refusal::new("refused", e.to_string())),
        }
    }
}

/// Why a user name or password was refused, coded.
pub fn account_refusal(e: &AccountError) -> Refusal {
    let r = Refusal::new(e.code(), e.to_string());
    match e {
        AccountError::PasswordTooShort => r.with("min", MIN_PASSWORD_CHARS),
        AccountError::PasswordTooLong => r.with("max", MAX_PASSWORD_BYTES),
        AccountError::BadUsername => r,
    }
}

impl From<AccountOpError> for AppError {
    fn from(e: AccountOpError) -> Self {
        use AccountOpError as E;
        let english = e.to_string();
        match e {
            E::Store(s) => AppError::Store(s),
            E::Invalid(a) => AppError::Invalid {
                field: "name",
                message: account_refusal(&a),
            },
            E::Exists(name) => AppError::Invalid {
                field: "name",
                message: Refusal::new("user_exists", english).with("name", name),
            },
            E::NoSuchUser(name) => {
                AppError::NotFound(Refusal::new("no_user", english).with("name", name))
            }
            E::Refused(DisableRefused::Yourself) => {
                AppError::invalid("", "disable_yourself", english)
            }
            E::Refused(DisableRefused::LastAdmin) => {
                AppError::invalid("", "disable_last_admin", english)
            }
            E::Unit(u) => AppError::Invalid {
                field: "unit",
                message: Refusal::new("bad_unit", english).with("unit", u.0),
            },
        }
    }
}

impl From<SettingChangeError> for AppError {
    fn from(e: SettingChangeError) -> Self {
        match e {
            SettingChangeError::Stale(v) => AppError::Conflict(
                Refusal::new("settings_changed", e.to_string()).with("version", v),
            ),
            SettingChangeError::Store(s) => AppError::Store(s),
        }
    }
}
