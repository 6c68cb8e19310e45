//! The one error type of the application layer. Each transport maps it once: the web to a
//! status and a problem body (`hotline-web/src/error.rs`), the command line to a message and
//! an exit status.

use hotline_domain::assessment::InvalidAssessment;
use hotline_store::{AccountOpError, CaseActionError, SettingChangeError, StoreError};

/// Why an action was not done.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such case, user, partner or token, or one this user may not learn of.
    #[error("{0}")]
    NotFound(String),
    /// The user's role does not allow the action.
    #[error("{0}")]
    Forbidden(String),
    /// The action does not fit the case's state or the configuration now.
    #[error("{0}")]
    Conflict(String),
    /// A value given is not allowed; `field` names the form field (`""`: the whole request).
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// An assessment with every problem found in it.
    #[error(transparent)]
    Assessment(InvalidAssessment),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppError {
    pub fn not_found(message: impl Into<String>) -> Self {
        AppError::NotFound(message.into())
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict(message.into())
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field,
            message: message.into(),
        }
    }

    /// The usual refusal for a case that does not exist (or is hidden from this user).
    pub fn no_case() -> Self {
        AppError::not_found("there is no case with this number")
    }
}

impl From<CaseActionError> for AppError {
    fn from(e: CaseActionError) -> Self {
        use CaseActionError as E;
        match e {
            E::NoSuchCase(_) => AppError::NotFound(e.to_string()),
            E::Illegal(_) | E::Conflict(_) | E::DuplicateOpenCase(_) | E::Refused(_) => {
                AppError::Conflict(e.to_string())
            }
            E::PoliceStep(p) => AppError::Invalid {
                field: p.field,
                message: p.message,
            },
            E::Store(s) => AppError::Store(s),
        }
    }
}

impl From<AccountOpError> for AppError {
    fn from(e: AccountOpError) -> Self {
        use AccountOpError as E;
        match e {
            E::Store(s) => AppError::Store(s),
            E::Invalid(_) | E::Exists(_) => AppError::invalid("name", e.to_string()),
            E::NoSuchUser(_) => AppError::NotFound(e.to_string()),
            E::Refused(_) => AppError::invalid("", e.to_string()),
            E::Unit(_) => AppError::invalid("unit", e.to_string()),
        }
    }
}

impl From<SettingChangeError> for AppError {
    fn from(e: SettingChangeError) -> Self {
        match e {
            SettingChangeError::Stale(_) => AppError::Conflict(e.to_string()),
            SettingChangeError::Store(s) => AppError::Store(s),
        }
    }
}
