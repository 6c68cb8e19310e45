//! Administration: the settings page, API tokens, partner hotlines and accounts, for the admin
//! pages and the command line alike.

use hotline_domain::staff::Action;

use crate::{Actor, App, AppError, now};

/// Saves an admin's change of one settings section (`new` holds the whole new settings;
/// `None` removes the override, so the configuration file's value applies again), if the
/// settings are still at `expected_version`; audits what changed and applies it in this
/// process at once (others within `settings::RELOAD`).
pub async fn change_settings(
    app: &App,
    by: Actor<'_>,
    section: hotline_domain::settings::Section,
    new: Option<&hotline_domain::settings::Settings>,
    expected_version: i64,
) -> Result<(), AppError> {
    by.require(Action::ManageSettings)?;
    let snapshot = app.settings.get();
    let old = &snapshot.config.settings;
    let target = match new {
        Some(n) => n.clone(),
        None => old.with_section_of(&app.settings.file().settings, section),
    };
    let mut details = old.describe_change(&target, section);
    if details.is_empty() {
        details = "no change".into();
    }
    if new.is_none() {
        details = format!("back to the configuration file: {details}");
    }
    let value = new.map(|n| n.section_json(section));
    app.store
        .change_setting(
            section.as_str(),
            value.as_deref(),
            expected_version,
            by.name(),
            &details,
            now(),
        )
        .await?;
    app.settings.refresh(&app.store).await?;
    Ok(())
}

/// What a new API token is for (the same store functions `hotline token create` uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewToken {
    /// The staff API as `user`.
    Cases(String),
    /// Only the case exports, as `user`.
    Export(String),
    /// Only the blocklist, for the ISP or vendor named.
    Blocklist(String),
    /// A partner hotline calling our federation API.
    Partner(String),
}

/// Every API token (never the token itself).
pub async fn tokens(
    app: &App,
    by: Actor<'_>,
) -> Result<Vec<hotline_store::TokenSummary>, AppError> {
    by.require(Action::ManageTokens)?;
    Ok(app.store.api_tokens().await?)
}

/// Makes a token; returns it, to be shown once. Audited by the store.
pub async fn create_token(app: &App, by: Actor<'_>, new: &NewToken) -> Result<String, AppError> {
    by.require(Action::ManageTokens)?;
    let actor = by.name();
    let account = |r: Result<String, hotline_store::AccountOpError>| match r {
        Ok(t) => Ok(t),
        Err(hotline_store::AccountOpError::Store(e)) => Err(AppError::Store(e)),
        Err(e) => Err(match AppError::from(e) {
            AppError::Invalid { message, .. } | AppError::NotFound(message) => AppError::Invalid {
                field: "owner",
                message,
            },
            other => other,
        }),
    };
    match new {
        NewToken::Cases(name) => account(app.store.create_token(name, actor, now()).await),
        NewToken::Export(name) => account(app.store.create_export_token(name, actor, now()).await),
        NewToken::Blocklist(label) => {
            if label.trim().is_empty() {
                return Err(AppError::invalid(
                    "owner",
                    "blocklist_owner_needed",
                    "name the ISP or vendor the blocklist token is for",
                ));
            }
            Ok(app
                .store
                .create_blocklist_token(label, actor, now())
                .await?)
        }
        NewToken::Partner(name) => app
            .store
            .create_partner_token(name.trim(), actor, now())
            .await?
            .ok_or_else(|| AppError::Invalid {
                field: "owner",
                message: hotline_domain::Refusal::new(
                    "no_partner",
                    format!("there is no partner \"{}\"", name.trim()),
                )
                .with("name", name.trim()),
            }),
    }
}

/// Revokes a token; 404 when there is no such live token.
pub async fn revoke_token(app: &App, by: Actor<'_>, id: i64) -> Result<(), AppError> {
    by.require(Action::ManageTokens)?;
    if app.store.revoke_token(id, by.name(), now()).await? {
        Ok(())
    } else {
        Err(AppError::not_found(
            "no_token",
            "there is no live token with this number",
        ))
    }
}

/// Every partner hotline, by name.
pub async fn partners(app: &App, by: Actor<'_>) -> Result<Vec<hotline_store::Partner>, AppError> {
    by.require(Action::ManagePartners)?;
    Ok(app.store.partners().await?)
}

/// Whether partner `name` has a token it issued to us stored (sealed).
pub async fn partner_has_token(app: &App, by: Actor<'_>, name: &str) -> Result<bool, AppError> {
    by.require(Action::ManagePartners)?;
    Ok(app
        .store
        .partner(name.trim())
        .await?
        .is_some_and(|(_, t)| t.is_some()))
}

/// Registers or changes a partner (checked by `hotline_domain::partner::parse_partner`). A
/// token left empty keeps the one stored. Audited by the store.
pub async fn save_partner(
    app: &App,
    by: Actor<'_>,
    spec: hotline_domain::partner::PartnerSpec,
) -> Result<(), AppError> {
    by.require(Action::ManagePartners)?;
    let token = match spec.token {
        Some(t) => Some(t),
        None => app.store.partner(&spec.name).await?.and_then(|(_, t)| t),
    };
    let p = hotline_store::NewPartner {
        name: spec.name,
        countries: spec.countries,
        channel: spec.channel,
        endpoint: spec.endpoint,
        public_key: spec.public_key,
        encrypt_to: spec.encrypt_to,
        outbound_token: token,
    };
    Ok(app.store.add_partner(&p, by.name(), now()).await?)
}

/// Registers a partner's new signing key (after it rotated its own): from now on its
/// messages are checked with this key. 404 when there is no partner of that name.
pub async fn set_partner_key(
    app: &App,
    by: Actor<'_>,
    name: &str,
    public_key: &str,
) -> Result<(), AppError> {
    by.require(Action::ManagePartners)?;
    let key = hotline_domain::partner::parse_public_key(public_key)
        .map_err(|message| AppError::invalid("public_key", "partner_public_key_format", message))?;
    if app
        .store
        .set_partner_key(name.trim(), &key, by.name(), now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound(
            hotline_domain::Refusal::new(
                "no_partner",
                format!("there is no partner \"{}\"", name.trim()),
            )
            .with("name", name.trim()),
        ))
    }
}

/// Disables a partner or enables it again; 404 when there is none of that name.
pub async fn set_partner_disabled(
    app: &App,
    by: Actor<'_>,
    name: &str,
    disabled: bool,
) -> Result<(), AppError> {
    by.require(Action::ManagePartners)?;
    if app
        .store
        .set_partner_disabled(name, disabled, by.name(), now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound(
            hotline_domain::Refusal::new("no_partner", "there is no partner of this name")
                .with("name", name),
        ))
    }
}

/// The police liaison officers' accounts (role `police`): the police contacts cases are
/// referred to. Accounts are made on the users page or with `hotline user add NAME --role police`.
pub async fn police_accounts(
    app: &App,
    by: Actor<'_>,
) -> Result<Vec<hotline_store::UserSummary>, AppError> {
    by.require(Action::ManagePartners)?;
    Ok(app
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.role == hotline_domain::Role::Police)
        .collect())
}

/// Every staff and police account, by name (never a password hash or a TOTP secret).
pub async fn users(app: &App, by: Actor<'_>) -> Result<Vec<hotline_store::UserSummary>, AppError> {
    by.require(Action::ManageUsers)?;
    Ok(app.store.users().await?)
}

/// Makes an account (`unit` is the police unit of a police account, `national` for others);
/// returns the authenticator enrolment, to be shown once. Audited by the store.
pub async fn create_user(
    app: &App,
    by: Actor<'_>,
    name: &str,
    role: hotline_domain::Role,
    unit: &str,
    password: &str,
) -> Result<hotline_store::Enrolment, AppError> {
    by.require(Action::ManageUsers)?;
    Ok(app
        .store
        .create_user_in_unit(name, role, unit, password, by.name(), now())
        .await?)
}

/// Disables an account (its sessions end at once) or enables it again. Nobody disables
/// themselves or the last enabled admin (`hotline_domain::staff::check_disable`).
pub async fn set_user_disabled(
    app: &App,
    by: Actor<'_>,
    name: &str,
    disabled: bool,
) -> Result<(), AppError> {
    by.require(Action::ManageUsers)?;
    if disabled {
        app.store.disable_user(name, by.name(), now()).await?;
    } else {
        app.store.enable_user(name, by.name(), now()).await?;
    }
    Ok(())
}

/// Gives an account a new second factor (`hotline user reset-2fa`); returns the new
/// enrolment, to be shown once.
pub async fn reset_user_2fa(
    app: &App,
    by: Actor<'_>,
    name: &str,
) -> Result<hotline_store::Enrolment, AppError> {
    by.require(Action::ManageUsers)?;
    Ok(app.store.reset_totp(name, by.name(), now()).await?)
}
