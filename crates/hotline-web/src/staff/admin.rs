//! The admin pages: the procedure, national settings and retention periods (applied without
//! a restart), API tokens, partners, staff accounts and the notice template. Only the admin
//! role may use them (`Action::ManageSettings`, `ManageTokens`, `ManagePartners`,
//! `ManageUsers`); every change goes through the store, which audits it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;
use time::macros::format_description;

use hotline_domain::jurisdiction::TakedownBy;
use hotline_domain::settings::{
    RETENTION_FIELDS, Section, SettingProblem, Settings, parse_national, parse_procedure,
    parse_retention, retention_values,
};
use hotline_domain::staff::Action;

use crate::extract::FormFields;
use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::{Staff, require};
use crate::staff::labels;
use crate::staff::pages::{Me, StaffLang};
use crate::{AppState, WebError};
use hotline_app::settings::Snapshot;
use hotline_app::{Actor, admin};

/// Where a section's value comes from, as the page says it.
pub struct Source {
    /// `None`: the configuration file.
    pub set_by: Option<(String, String)>,
    /// The configuration file's value, shown beside an admin's.
    pub file_value: String,
}

/// The settings form as shown: the values in force, or what the admin typed.
pub struct SettingsForm {
    pub procedure: String,
    pub country: String,
    pub takedown_by: String,
    pub objection_hours: String,
    /// (field, value) in `RETENTION_FIELDS` order.
    pub retention: Vec<(&'static str, String)>,
}

/// A retention field as the page shows it.
pub struct RetentionRow {
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

fn retention_label(t: &Tr, field: &str) -> String {
    t.get(match field {
        "contact_days" => "staff-admin-retention-contact",
        "description_days" => "staff-admin-retention-description",
        "closed_case_days" => "staff-admin-retention-closed",
        "check_history_days" => "staff-admin-retention-history",
        _ => "staff-admin-retention-audit",
    })
}

impl SettingsForm {
    fn of(s: &Settings) -> Self {
        let r = retention_values(&s.retention);
        SettingsForm {
            procedure: s.procedure.to_string(),
            country: s.national.country.clone(),
            takedown_by: match s.national.takedown_by {
                TakedownBy::Police => "police",
                TakedownBy::Hotline => "hotline",
            }
            .to_owned(),
            objection_hours: s.national.objection_hours.to_string(),
            retention: RETENTION_FIELDS
                .iter()
                .zip(r)
                .map(|(f, v)| (*f, v.to_string()))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "staff/admin.html")]
struct SettingsPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    version: i64,
    form: SettingsForm,
    retention: Vec<RetentionRow>,
    /// Where each section's values come from.
    procedure_source: Source,
    national_source: Source,
    retention_source: Source,
    /// (field, message) of the submitted section.
    errors: Vec<(String, String)>,
    saved: bool,
}

impl SettingsPage {
    fn error(&self, field: &str) -> Option<&str> {
        field_error(&self.errors, field)
    }
}

/// The message for `field` among a form's (field, message) errors, for the templates.
fn field_error<'a>(errors: &'a [(String, String)], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

fn when_ms(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map(|t| {
            t.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .unwrap_or_default()
        })
        .unwrap_or_default()
}

/// A section's values as one line of text (the field names are the configuration keys).
fn section_text(s: &Settings, section: Section) -> String {
    match section {
        Section::Procedure => s.procedure.to_string(),
        Section::National => {
            let f = SettingsForm::of(s);
            format!(
                "country = {}, takedown_by = {}, objection_hours = {}",
                f.country, f.takedown_by, f.objection_hours
            )
        }
        Section::Retention => RETENTION_FIELDS
            .iter()
            .zip(retention_values(&s.retention))
            .map(|(f, v)| format!("{f} = {v}"))
            .collect::<Vec<_>>()
            .join(", "),
        Section::NoticeTemplate => match &s.notice_template {
            None => "built-in".into(),
            Some(t) => format!("template_file ({} characters)", t.chars().count()),
        },
    }
}

fn source(snapshot: &Snapshot, file: &Settings, section: Section) -> Source {
    Source {
        set_by: snapshot
            .override_of(section.as_str())
            .map(|r| (r.updated_by.clone(), when_ms(r.updated_at_ms))),
        file_value: section_text(file, section),
    }
}

fn settings_page(
    staff: &Staff,
    t: Tr,
    snapshot: &Snapshot,
    file: &Settings,
    form: SettingsForm,
    errors: Vec<(String, String)>,
    saved: bool,
) -> SettingsPage {
    let retention = form
        .retention
        .iter()
        .map(|(field, value)| RetentionRow {
            field,
            label: retention_label(&t, field),
            value: value.clone(),
        })
        .collect();
    SettingsPage {
        t,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        version: snapshot.version,
        form,
        retention,
        procedure_source: source(snapshot, file, Section::Procedure),
        national_source: source(snapshot, file, Section::National),
        retention_source: source(snapshot, file, Section::Retention),
        errors,
        saved,
    }
}

/// `GET /staff/admin`: the settings in force and where each comes from.
pub async fn settings(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ManageSettings, None)?;
    let snapshot = state.settings.get();
    let saved = query.as_deref() == Some("saved");
    let page = settings_page(
        &staff,
        t,
        &snapshot,
        &state.settings.file().settings,
        SettingsForm::of(&snapshot.config.settings),
        Vec::new(),
        saved,
    );
    Ok(render(&page)?.into_response())
}

/// A form's problems, each by its field, in the staff's language.
fn problems(t: Tr, p: Vec<SettingProblem>) -> Vec<(String, String)> {
    p.into_iter()
        .map(|p| (p.field.to_owned(), labels::refusal(t, &p.refusal())))
        .collect()
}

/// `POST /staff/admin/settings`: saves one section (`section`), or with `reset` brings back
/// the configuration file's value. Bad values: the form again with a message by each field,
/// what was typed kept, 422, nothing saved.
pub async fn save_settings(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    require(&staff.user, Action::ManageSettings, None)?;
    let section = Section::parse(fields.get("section").unwrap_or(""))
        .filter(|s| *s != Section::NoticeTemplate)
        .ok_or_else(|| WebError::invalid("section", "no such settings section"))?;
    let version: i64 = fields
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| {
            WebError::invalid("version", "the form lacks its version; reload the page")
        })?;
    let snapshot = state.settings.get();
    if fields.get("reset").is_some() {
        admin::change_settings(
            &state.app,
            Actor::Staff(&staff.user),
            section,
            None,
            version,
        )
        .await?;
        return Ok(Redirect::to("/staff/admin?saved").into_response());
    }
    let field = |name: &str| fields.get(name).unwrap_or("");
    let mut new = snapshot.config.settings.clone();
    let mut form = SettingsForm::of(&snapshot.config.settings);
    let checked: Result<(), Vec<SettingProblem>> = match section {
        Section::Procedure => {
            form.procedure = field("procedure").to_owned();
            parse_procedure(field("procedure"))
                .map(|p| new.procedure = p)
                .map_err(|p| vec![p])
        }
        Section::National => {
            form.country = field("country").to_owned();
            form.takedown_by = field("takedown_by").to_owned();
            form.objection_hours = field("objection_hours").to_owned();
            parse_national(
                field("country"),
                field("takedown_by"),
                field("objection_hours"),
            )
            .map(|n| new.national = n)
        }
        Section::Retention => {
            for (f, v) in &mut form.retention {
                *v = field(f).to_owned();
            }
            parse_retention(field).map(|r| new.retention = r)
        }
        Section::NoticeTemplate => Ok(()),
    };
    // The two sections are saved apart, but only some pairs of them make sense.
    let checked = checked.and_then(|()| {
        hotline_domain::settings::check_procedure_and_takedown(
            new.procedure,
            new.national.takedown_by,
        )
        .map_err(|mut p| {
            if section == Section::National {
                p.field = "takedown_by";
            }
            vec![p]
        })
    });
    if let Err(p) = checked {
        let page = settings_page(
            &staff,
            t,
            &snapshot,
            &state.settings.file().settings,
            form,
            problems(t, p),
            false,
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    admin::change_settings(
        &state.app,
        Actor::Staff(&staff.user),
        section,
        Some(&new),
        version,
    )
    .await?;
    Ok(Redirect::to("/staff/admin?saved").into_response())
}

/// A token as the list shows it.
pub struct TokenLine {
    pub id: i64,
    pub scope: String,
    pub owner: String,
    pub created: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/admin_tokens.html")]
struct TokensPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    tokens: Vec<TokenLine>,
    /// The token just made: shown this once, never stored in clear.
    created: Option<String>,
    kind: String,
    owner: String,
    error: Option<String>,
}

async fn tokens_page(
    state: &AppState,
    staff: &Staff,
    t: Tr,
    created: Option<String>,
    (kind, owner, error): (String, String, Option<String>),
) -> Result<TokensPage, WebError> {
    let tokens = admin::tokens(&state.app, Actor::Staff(&staff.user))
        .await?
        .into_iter()
        .map(|k| TokenLine {
            id: k.id,
            owner: match (&k.user, &k.partner, &k.label) {
                (Some(u), _, _) => format!("user {u}"),
                (_, Some(p), _) => format!("partner {p}"),
                (_, _, Some(l)) => l.clone(),
                _ => "—".into(),
            },
            scope: if k.partner.is_some() {
                "partner".into()
            } else {
                k.scope
            },
            created: when_ms(k.created_at_ms),
            last_used: k.last_used_at_ms.map(when_ms).unwrap_or_else(|| "—".into()),
            revoked: k.revoked_at_ms.map(when_ms),
        })
        .collect();
    Ok(TokensPage {
        t,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        tokens,
        created,
        kind,
        owner,
        error,
    })
}

/// `GET /staff/admin/tokens`: every token with its scope and owner, never the token.
pub async fn tokens(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
) -> Result<Response, WebError> {
    let page = tokens_page(
        &state,
        &staff,
        t,
        None,
        ("cases".into(), String::new(), None),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// `POST /staff/admin/tokens`: makes a token and shows it once.
pub async fn create_token(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    require(&staff.user, Action::ManageTokens, None)?;
    let kind = fields.get("kind").unwrap_or("").trim().to_owned();
    let owner = fields.get("owner").unwrap_or("").trim().to_owned();
    let new = match kind.as_str() {
        "cases" => Some(admin::NewToken::Cases(owner.clone())),
        "export" => Some(admin::NewToken::Export(owner.clone())),
        "blocklist" => Some(admin::NewToken::Blocklist(owner.clone())),
        "partner" => Some(admin::NewToken::Partner(owner.clone())),
        _ => None,
    };
    let refused = |message: String| (kind.clone(), owner.clone(), Some(message));
    let outcome = match &new {
        None => Err(refused(format!(
            "kind: must be cases, export, blocklist or partner, not \"{kind}\""
        ))),
        Some(new) => match admin::create_token(&state.app, Actor::Staff(&staff.user), new).await {
            Ok(token) => Ok(token),
            Err(hotline_app::AppError::Invalid { message, .. }) => {
                Err(refused(labels::refusal(t, &message)))
            }
            Err(e) => return Err(e.into()),
        },
    };
    match outcome {
        Ok(token) => {
            let page = tokens_page(
                &state,
                &staff,
                t,
                Some(token),
                ("cases".into(), String::new(), None),
            )
            .await?;
            Ok(render(&page)?.into_response())
        }
        Err(form) => {
            let page = tokens_page(&state, &staff, t, None, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// `POST /staff/admin/tokens/{id}/revoke`.
pub async fn revoke_token(
    State(state): State<AppState>,
    staff: Staff,
    axum::extract::Path(id): axum::extract::Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id: i64 = id
        .parse()
        .map_err(|_| WebError::not_found("there is no token with this number"))?;
    admin::revoke_token(&state.app, Actor::Staff(&staff.user), id).await?;
    Ok(Redirect::to("/staff/admin/tokens").into_response())
}

/// A partner as the list shows it.
pub struct PartnerLine {
    pub name: String,
    pub countries: String,
    pub channel: String,
    pub endpoint: String,
    pub has_key: bool,
    pub encrypted: bool,
    pub disabled: bool,
    /// `name=…`, URL-encoded, for the link that fills the form with this partner.
    pub edit_query: String,
}

#[derive(Template)]
#[template(path = "staff/admin_partners.html")]
struct PartnersPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    /// This hotline's Ed25519 public key, to give to partners.
    signing_key: String,
    partners: Vec<PartnerLine>,
    /// Police accounts: (user name, disabled).
    police: Vec<(String, bool)>,
    form: hotline_domain::partner::PartnerInput,
    errors: Vec<(String, String)>,
}

impl PartnersPage {
    fn error(&self, field: &str) -> Option<&str> {
        field_error(&self.errors, field)
    }
}

async fn partners_page(
    state: &AppState,
    staff: &Staff,
    t: Tr,
    form: hotline_domain::partner::PartnerInput,
    errors: Vec<(String, String)>,
) -> Result<PartnersPage, WebError> {
    let partners = admin::partners(&state.app, Actor::Staff(&staff.user))
        .await?
        .into_iter()
        .map(|p| PartnerLine {
            countries: p.countries.join(", "),
            endpoint: p.endpoint.clone().unwrap_or_default(),
            has_key: p.public_key.is_some(),
            encrypted: p.encrypt_to.is_some(),
            disabled: p.disabled,
            edit_query: form_urlencoded::Serializer::new(String::new())
                .append_pair("name", &p.name)
                .finish(),
            channel: t.get(&format!("staff-partner-channel-{}", p.channel)),
            name: p.name,
        })
        .collect();
    let police = admin::police_accounts(&state.app, Actor::Staff(&staff.user))
        .await?
        .into_iter()
        .map(|u| (u.username, u.disabled))
        .collect();
    Ok(PartnersPage {
        t,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        signing_key: state.store.keys().signing_public_hex(),
        partners,
        police,
        form,
        errors,
    })
}

/// `GET /staff/admin/partners[?name=…]`: the partners, this hotline's public key, and the
/// form to add one (or change the one named).
pub async fn partners(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ManagePartners, None)?;
    let name = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.into_owned());
    let mut form = hotline_domain::partner::PartnerInput {
        channel: "manual".into(),
        ..Default::default()
    };
    if let Some(name) = name
        && let Some(p) = admin::partners(&state.app, Actor::Staff(&staff.user))
            .await?
            .into_iter()
            .find(|p| p.name == name)
    {
        form = hotline_domain::partner::PartnerInput {
            name: p.name,
            countries: p.countries.join(", "),
            channel: p.channel.to_string(),
            endpoint: p.endpoint.unwrap_or_default(),
            public_key: p.public_key.unwrap_or_default(),
            encrypt_to: p.encrypt_to.unwrap_or_default(),
            // Never shown again: empty keeps the stored one.
            token: String::new(),
        };
    }
    let page = partners_page(&state, &staff, t, form, Vec::new()).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /staff/admin/partners`: adds or changes a partner.
pub async fn save_partner(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let field = |n: &str| fields.get(n).unwrap_or("").to_owned();
    let input = hotline_domain::partner::PartnerInput {
        name: field("name"),
        countries: field("countries"),
        channel: field("channel"),
        endpoint: field("endpoint"),
        public_key: field("public_key"),
        encrypt_to: field("encrypt_to"),
        token: field("token"),
    };
    let has_token =
        admin::partner_has_token(&state.app, Actor::Staff(&staff.user), &input.name).await?;
    match hotline_domain::partner::parse_partner(&input, has_token) {
        Ok(spec) => {
            admin::save_partner(&state.app, Actor::Staff(&staff.user), spec).await?;
            Ok(Redirect::to("/staff/admin/partners").into_response())
        }
        Err(p) => {
            // The token typed is not sent back into the page.
            let form = hotline_domain::partner::PartnerInput {
                token: String::new(),
                ..input
            };
            let page = partners_page(&state, &staff, t, form, problems(t, p)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// `POST /staff/admin/partners/disable` (`name`, `disabled` = 1 or 0).
pub async fn disable_partner(
    State(state): State<AppState>,
    staff: Staff,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let name = fields.get("name").unwrap_or("").trim();
    let disabled = fields.get("disabled") != Some("0");
    admin::set_partner_disabled(&state.app, Actor::Staff(&staff.user), name, disabled).await?;
    Ok(Redirect::to("/staff/admin/partners").into_response())
}

#[derive(Template)]
#[template(path = "staff/admin_template.html")]
struct TemplatePage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    version: i64,
    source: Source,
    /// No template: the built-in English text is used.
    builtin: bool,
    template: String,
    variables: String,
    /// The rendered sample: (subject, body).
    preview: Option<(String, String)>,
    error: Option<String>,
}

fn template_page(
    staff: &Staff,
    t: Tr,
    snapshot: &Snapshot,
    file: &Settings,
    template: String,
    preview: Option<(String, String)>,
    error: Option<String>,
) -> TemplatePage {
    TemplatePage {
        t,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        version: snapshot.version,
        source: source(snapshot, file, Section::NoticeTemplate),
        builtin: snapshot.config.settings.notice_template.is_none(),
        template,
        variables: hotline_domain::notice::TEMPLATE_VARIABLES.join(", "),
        preview,
        error,
    }
}

/// `GET /staff/admin/notice-template`.
pub async fn notice_template(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ManageSettings, None)?;
    let snapshot = state.settings.get();
    let text = snapshot
        .config
        .settings
        .notice_template
        .clone()
        .unwrap_or_default();
    let page = template_page(
        &staff,
        t,
        &snapshot,
        &state.settings.file().settings,
        text,
        None,
        None,
    );
    Ok(render(&page)?.into_response())
}

/// `POST /staff/admin/notice-template`: `action` = `preview` renders the template with made-up
/// facts (reserved names, never a real case); `save` checks it the same way and stores it; a
/// template that does not render is refused (422) with the line at fault. `reset` brings back
/// the configuration file's (or the built-in) text; saving an empty text uses the built-in one.
pub async fn save_notice_template(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    require(&staff.user, Action::ManageSettings, None)?;
    let version: i64 = fields
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| {
            WebError::invalid("version", "the form lacks its version; reload the page")
        })?;
    let snapshot = state.settings.get();
    if fields.get("reset").is_some() {
        admin::change_settings(
            &state.app,
            Actor::Staff(&staff.user),
            Section::NoticeTemplate,
            None,
            version,
        )
        .await?;
        return Ok(Redirect::to("/staff/admin/notice-template").into_response());
    }
    // Browsers send CRLF line ends; the notice is written with LF.
    let text = fields.get("template").unwrap_or("").replace("\r\n", "\n");
    let config = state.config();
    let facts = hotline_domain::notice::sample_facts(
        &config.public.hotline_name,
        &config.public.law_reference,
        false,
    );
    let rendered = if text.trim().is_empty() {
        Ok(hotline_domain::notice::notice_text(&facts))
    } else {
        hotline_domain::notice::render_template(&text, &facts)
    };
    match (fields.get("action"), rendered) {
        (_, Err(e)) => {
            let page = template_page(
                &staff,
                t,
                &snapshot,
                &state.settings.file().settings,
                text,
                None,
                Some(e.message),
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        (Some("save"), Ok(_)) => {
            let mut new = snapshot.config.settings.clone();
            new.notice_template = Some(text).filter(|t| !t.trim().is_empty());
            admin::change_settings(
                &state.app,
                Actor::Staff(&staff.user),
                Section::NoticeTemplate,
                Some(&new),
                version,
            )
            .await?;
            Ok(Redirect::to("/staff/admin/notice-template").into_response())
        }
        (_, Ok(preview)) => {
            let page = template_page(
                &staff,
                t,
                &snapshot,
                &state.settings.file().settings,
                text,
                Some(preview),
                None,
            );
            Ok(render(&page)?.into_response())
        }
    }
}

/// An account as the users page lists it: never its password hash or TOTP secret.
pub struct UserLine {
    pub name: String,
    pub role: String,
    pub disabled: bool,
    pub second_factor_used: bool,
    pub created: String,
}

/// The add form as typed (never the passwords).
#[derive(Default)]
pub struct UserForm {
    pub name: String,
    pub role: String,
}

/// An authenticator enrolment just made, shown this once.
pub struct Shown {
    pub username: String,
    pub otpauth_uri: String,
    /// A new second factor for an existing account, not a new account.
    pub reset: bool,
}

#[derive(Template)]
#[template(path = "staff/admin_users.html")]
struct UsersPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    users: Vec<UserLine>,
    shown: Option<Shown>,
    form: UserForm,
    /// (field, message) of the add form.
    errors: Vec<(String, String)>,
    /// A refused disable, enable or reset, about the account as a whole.
    refused: Option<String>,
}

impl UsersPage {
    fn error(&self, field: &str) -> Option<&str> {
        field_error(&self.errors, field)
    }
}

async fn users_page(
    state: &AppState,
    staff: &Staff,
    t: Tr,
    shown: Option<Shown>,
    (form, errors, refused): (UserForm, Vec<(String, String)>, Option<String>),
) -> Result<UsersPage, WebError> {
    let users = admin::users(&state.app, Actor::Staff(&staff.user))
        .await?
        .into_iter()
        .map(|u| UserLine {
            role: u.role.to_string(),
            disabled: u.disabled,
            second_factor_used: u.second_factor_used,
            created: when_ms(u.created_at.unix_timestamp() * 1000),
            name: u.username,
        })
        .collect();
    Ok(UsersPage {
        t,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        users,
        shown,
        form,
        errors,
        refused,
    })
}

/// The page that shows an `otpauth://` URI: it must never be kept by a cache or the browser's
/// history (the security headers say `no-store` on every page; this says it again here).
fn once(page: &UsersPage) -> Result<Response, WebError> {
    Ok((
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        render(page)?,
    )
        .into_response())
}

fn add_form() -> (UserForm, Vec<(String, String)>, Option<String>) {
    (
        UserForm {
            name: String::new(),
            role: "analyst".into(),
        },
        Vec::new(),
        None,
    )
}

/// `GET /staff/admin/users`: every account with its role, state and second factor.
pub async fn users(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
) -> Result<Response, WebError> {
    let page = users_page(&state, &staff, t, None, add_form()).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /staff/admin/users`: adds an account (`name`, `role`, `password`, `password_again`)
/// and shows its authenticator URI once. Bad values: 422, the form again with a message by
/// each field, the name and role kept, the passwords never sent back.
pub async fn add_user(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    require(&staff.user, Action::ManageUsers, None)?;
    let field = |n: &str| fields.get(n).unwrap_or("");
    let form = UserForm {
        name: field("name").to_owned(),
        role: field("role").to_owned(),
    };
    let checked = hotline_domain::login::check_new_account(
        field("name"),
        field("role"),
        field("password"),
        field("password_again"),
    );
    let refused = match checked {
        Err(p) => problems(t, p),
        Ok((name, role)) => {
            match admin::create_user(
                &state.app,
                Actor::Staff(&staff.user),
                &name,
                role,
                hotline_domain::police::NATIONAL_UNIT,
                field("password"),
            )
            .await
            {
                Ok(e) => {
                    let shown = Shown {
                        username: e.username,
                        otpauth_uri: e.otpauth_uri,
                        reset: false,
                    };
                    let page = users_page(&state, &staff, t, Some(shown), add_form()).await?;
                    return once(&page);
                }
                Err(hotline_app::AppError::Invalid { field, message }) => {
                    vec![(field.to_owned(), labels::refusal(t, &message))]
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let page = users_page(&state, &staff, t, None, (form, refused, None)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// A refused disable or reset: the page again (409) with the reason.
async fn refused_page(
    state: &AppState,
    staff: &Staff,
    t: Tr,
    refused: hotline_app::AppError,
) -> Result<Response, WebError> {
    let message = match refused {
        hotline_app::AppError::Invalid { message, .. } => labels::refusal(t, &message),
        e => return Err(e.into()),
    };
    let (form, errors, _) = add_form();
    let page = users_page(state, staff, t, None, (form, errors, Some(message))).await?;
    Ok((StatusCode::CONFLICT, render(&page)?).into_response())
}

/// `POST /staff/admin/users/disable` (`name`, `disabled` = 1 or 0): the account's sessions
/// end at once. Nobody disables themselves or the last enabled admin (409, with the reason).
pub async fn disable_user(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let name = fields.get("name").unwrap_or("");
    let disabled = fields.get("disabled") != Some("0");
    match admin::set_user_disabled(&state.app, Actor::Staff(&staff.user), name, disabled).await {
        Ok(()) => Ok(Redirect::to("/staff/admin/users").into_response()),
        Err(e) => refused_page(&state, &staff, t, e).await,
    }
}

/// `POST /staff/admin/users/reset-2fa` (`name`): a new second factor, its URI shown once; the
/// old one and the account's sessions stop working.
pub async fn reset_user_2fa(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let name = fields.get("name").unwrap_or("");
    match admin::reset_user_2fa(&state.app, Actor::Staff(&staff.user), name).await {
        Ok(e) => {
            let shown = Shown {
                username: e.username,
                otpauth_uri: e.otpauth_uri,
                reset: true,
            };
            let page = users_page(&state, &staff, t, Some(shown), add_form()).await?;
            once(&page)
        }
        Err(e) => refused_page(&state, &staff, t, e).await,
    }
}
