//! The application layer: what people and the background workers can do with the hotline,
//! once, for every transport. The web pages, the staff API, the command line and the workers
//! parse their input, call one function here with an [`App`] and the acting user, and render
//! the result or map the one [`AppError`].
//!
//! Every function checks the permission with the domain's single rule table
//! (`hotline_domain::staff::may`), decides with the domain's rules, and makes its change in
//! one store transaction that moves the case, writes the timeline entry and the audit event,
//! and queues the jobs the change starts.
//!
//! - [`cases`]: case actions (assess, review, refer, close, police steps, host answers, …) and
//!   what a user may do with a case now.
//! - [`admin`]: settings, tokens, partner hotlines, accounts.
//! - [`config`] and [`settings`]: the one configuration shape, kept live.

pub mod admin;
pub mod cases;
pub mod config;
pub mod error;
pub mod settings;

use std::sync::Arc;

use hotline_domain::Role;
use hotline_domain::staff::{Action, CaseAccess, check, may};
use hotline_store::{StaffUser, Store};

pub use config::{Config, HelpLine, PublicSite};
pub use error::AppError;
pub use settings::LiveSettings;

/// The handle every transport holds: the store and the live configuration. Cheap to clone.
#[derive(Debug, Clone)]
pub struct App {
    pub store: Store,
    pub settings: Arc<LiveSettings>,
}

impl App {
    pub fn new(store: Store, settings: Arc<LiveSettings>) -> Self {
        Self { store, settings }
    }

    /// The configuration as it is now (the file's, with the admin's overrides). Read it per
    /// request or job; never keep it.
    pub fn config(&self) -> Arc<Config> {
        self.settings.get().config.clone()
    }

    /// Routing's view of the deployment now, with the partner registry's countries.
    pub async fn jurisdiction(
        &self,
    ) -> Result<hotline_domain::routing::Jurisdiction, hotline_store::StoreError> {
        let partners = self.store.partner_countries().await?;
        Ok(self.config().jurisdiction(partners))
    }
}

/// Who acts: a signed-in user, or the operator at the server's shell (the command line),
/// who has the database anyway and is named in the audit trail by their login.
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    Staff(&'a StaffUser),
    Operator(&'a str),
}

impl Actor<'_> {
    /// The name the audit trail records.
    pub fn name(&self) -> &str {
        match self {
            Actor::Staff(u) => &u.username,
            Actor::Operator(who) => who,
        }
    }

    /// Whether this actor may do `action` (the operator may do every administrative action).
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        match self {
            Actor::Staff(u) => require(u, action, None),
            Actor::Operator(_) => Ok(()),
        }
    }
}

/// Decides, for every transport alike, whether `user` may do `action`. Police asking for a
/// case not referred to them get "not found": they do not learn it exists.
pub fn require(user: &StaffUser, action: Action, case: Option<CaseAccess>) -> Result<(), AppError> {
    check(user.role, action, case).map_err(|forbidden| {
        let hidden = case.is_some() && !may(user.role, Action::ViewCase, case);
        if user.role == Role::Police && hidden {
            AppError::no_case()
        } else {
            AppError::Forbidden(
                hotline_domain::Refusal::new("forbidden", forbidden.to_string())
                    .with("role", forbidden.role),
            )
        }
    })
}

/// The current time; actions take it once, so one change has one timestamp.
fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}
