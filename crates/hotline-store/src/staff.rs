//! Staff accounts: users with Argon2id passwords and a mandatory TOTP second factor,
//! server-side sessions, and API bearer tokens. Every change and every login attempt goes
//! into the audit trail in the same transaction.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use time::OffsetDateTime;
use totp_rs::{Secret, Totp};

use hotline_domain::login::{self, AccountError};
use hotline_domain::staff::Role;

use crate::audit::append_audit;
use crate::secrets::random_bytes;
use crate::{Result, Store, StoreError, from_millis, on_read_pool, on_write_pool, to_millis};

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub username: String,
    pub role: Role,
}

/// A live session: who, and the token their forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: StaffUser,
    pub csrf_token: String,
}

/// What a new session gives the browser. The id goes into a cookie and is stored only hashed.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub session_id: String,
    pub session: Session,
}

/// How long sessions live.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

/// What a user needs to set up their authenticator, shown once.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub username: String,
    pub otpauth_uri: String,
}

/// A user as listed for admins.
#[derive(Debug, Clone)]
pub struct UserSummary {
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    /// Whether a one-time code has been accepted since the second factor was (re)set: the
    /// user has set up their authenticator.
    pub second_factor_used: bool,
    pub created_at: OffsetDateTime,
}

/// An API token as the admin page lists it: never the token (only its hash is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSummary {
    pub id: i64,
    /// `cases`, `export` or `blocklist`; a partner's token is `cases` with `partner` set.
    pub scope: String,
    /// The user it acts as, if any.
    pub user: Option<String>,
    /// The partner hotline it belongs to, if any.
    pub partner: Option<String>,
    /// For blocklist tokens: the ISP or vendor it was made for.
    pub label: Option<String>,
    pub created_at_ms: i64,
    pub last_used_at_ms: Option<i64>,
    pub revoked_at_ms: Option<i64>,
}

/// Why an account operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountOpError {
    #[error(transparent)]
    Invalid(#[from] AccountError),
    #[error("there is no user \"{0}\"")]
    NoSuchUser(String),
    #[error("a user \"{0}\" exists already")]
    Exists(String),
    #[error(transparent)]
    Refused(#[from] hotline_domain::staff::DisableRefused),
    #[error(transparent)]
    Unit(#[from] hotline_domain::police::InvalidUnit),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for AccountOpError {
    fn from(e: sqlx::Error) -> Self {
        AccountOpError::Store(StoreError::Database(e))
    }
}

/// Why a login failed. The message never says which of name, password or code was wrong.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("the user name, password or code is not right")]
    Refused,
    /// Shown only to whoever gave the right password and code: anyone else is `Refused`.
    #[error("too many failed attempts: this account is locked until {until}")]
    Locked { until: OffsetDateTime },
    /// Every password check is taken (a flood of logins); try again shortly.
    #[error("too many sign-ins at once; try again in a few seconds")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for LoginError {
    fn from(e: sqlx::Error) -> Self {
        LoginError::Store(StoreError::Database(e))
    }
}

const ISSUER: &str = "Hotline";

pub(crate) fn random_hex(n: usize) -> Result<String> {
    let mut b = vec![0u8; n];
    random_bytes(&mut b)?;
    Ok(hex::encode(b))
}

fn totp_for(username: &str, secret: &[u8]) -> Result<Totp> {
    totp_rs::Builder::new()
        .with_secret(Secret::new(secret.to_vec().into_boxed_slice()))
        .with_account_name(username)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| StoreError::Corrupt(format!("TOTP secret of {username}: {e}")))
}

fn totp_context(username: &str) -> String {
    format!("users.totp_secret:{username}")
}

/// Hashes a password with Argon2id off the async threads (it takes tens of milliseconds).
pub(crate) async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Corrupt(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| StoreError::Corrupt(format!("password hashing task failed: {e}")))?
}

/// A hash to check against when the user does not exist, so that the answer takes as long.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(b"no such user, same work")
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Password checks running at once, in the whole process: half the processors (at least one),
/// so a flood of logins cannot take the processor from intake.
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    let cpus = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    tokio::sync::Semaphore::new((cpus / 2).max(1))
});

/// How long a login waits for a free password check before it is told to come back.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Checks a password against its Argon2 hash, at most [`HASHING`] at once; `Err(Busy)` when
/// no check came free within [`HASHING_WAIT`].
pub(crate) async fn password_matches(
    password: String,
    hash: String,
) -> std::result::Result<bool, LoginError> {
    let _permit = tokio::time::timeout(HASHING_WAIT, HASHING.acquire())
        .await
        .map_err(|_| LoginError::Busy)?
        .map_err(|_| LoginError::Busy)?;
    Ok(verify_password(password, hash).await)
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

type UserRow = (i64, String, String, Vec<u8>, i64, bool, i64, i64);

impl Store {
    fn new_totp_secret(&self, username: &str) -> Result<(Vec<u8>, String)> {
        let mut secret = [0u8; 20];
        random_bytes(&mut secret)?;
        let uri = totp_for(username, &secret)?
            .to_url()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok((self.keys().seal(&totp_context(username), &secret)?, uri))
    }

    /// Creates a staff account; returns the authenticator enrolment, to be shown once.
    pub async fn create_user(
        &self,
        name: &str,
        role: Role,
        password: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<Enrolment, AccountOpError> {
        self.create_user_in_unit(
            name,
            role,
            hotline_domain::police::NATIONAL_UNIT,
            password,
            actor,
            now,
        )
        .await
    }

    /// As [`Store::create_user`], in police unit `unit` (checked by
    /// `hotline_domain::police::parse_unit`; it matters for police accounts only).
    pub async fn create_user_in_unit(
        &self,
        name: &str,
        role: Role,
        unit: &str,
        password: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<Enrolment, AccountOpError> {
        let username = login::parse_username(name)?;
        let unit = hotline_domain::police::parse_unit(unit)?;
        login::check_password(password)?;
        let hash = hash_password(password.to_owned()).await?;
        let (sealed, otpauth_uri) = self.new_totp_secret(&username)?;
        let at = to_millis(now);
        let result: std::result::Result<(), AccountOpError> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let inserted = sqlx::query(
                "INSERT INTO users (username, role, password_hash, totp_secret_sealed, created_at, unit) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING",
            )
            .bind(&username)
            .bind(role.as_str())
            .bind(&hash)
            .bind(&sealed)
            .bind(at)
            .bind(&unit)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                return Err(AccountOpError::Exists(username));
            }
            append_audit!(tx, self.keys(), at, actor, "user.create", &format!("user:{username}"), &format!("role={role}; unit={unit}"));
            tx.commit().await?;
            Ok(())
        });
        result?;
        Ok(Enrolment {
            username,
            otpauth_uri,
        })
    }

    /// Every account, by name.
    pub async fn users(&self) -> Result<Vec<UserSummary>> {
        let rows: Vec<(String, String, bool, i64, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT username, role, disabled, created_at, totp_last_step FROM users ORDER BY username")
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(username, role, disabled, created, last_step)| {
                Ok(UserSummary {
                    role: role
                        .parse()
                        .map_err(|()| StoreError::Corrupt(format!("role {role}")))?,
                    username,
                    disabled,
                    second_factor_used: last_step > 0,
                    created_at: from_millis(created)?,
                })
            })
            .collect()
    }

    /// Disables an account and ends its sessions; its tokens stop working. Refused for the
    /// actor's own account and for the last enabled admin
    /// ([`hotline_domain::staff::check_disable`]).
    pub async fn disable_user(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<(), AccountOpError> {
        let username = login::parse_username(name)?;
        let at = to_millis(now);
        let enabled_admins: &'static str = match &self.db {
            crate::Db::Postgres(_) => {
                "SELECT id FROM users WHERE role = $1 AND NOT disabled FOR UPDATE"
            }
            crate::Db::Sqlite { .. } => "SELECT id FROM users WHERE role = $1 AND NOT disabled",
        };
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<(i64, String, bool)> = sqlx::query_as("SELECT id, role, disabled FROM users WHERE username = $1")
                .bind(&username)
                .fetch_optional(&mut *tx)
                .await?;
            let (id, role, disabled) = row.ok_or_else(|| AccountOpError::NoSuchUser(username.clone()))?;
            if !disabled {
                let role: Role = role
                    .parse()
                    .map_err(|()| StoreError::Corrupt(format!("role of {username}")))?;
                // On PostgreSQL the enabled admins' rows are locked, so that two admins
                // disabling each other at once cannot leave none (SQLite's write lock, taken
                // by BEGIN IMMEDIATE, already serialises this).
                let admins: Vec<i64> = sqlx::query_scalar(enabled_admins)
                .bind(Role::Admin.as_str())
                .fetch_all(&mut *tx)
                .await?;
                hotline_domain::staff::check_disable(actor, &username, role, admins.len() as u64)?;
            }
            sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
                .bind(true)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            // Its sessions end now, not at their next request.
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            append_audit!(tx, self.keys(), at, actor, "user.disable", &format!("user:{username}"), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Enables a disabled account again (with a clean slate of failed logins); it signs in
    /// with its password and second factor as before.
    pub async fn enable_user(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<(), AccountOpError> {
        let username = login::parse_username(name)?;
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE users SET disabled = $1, failed_logins = 0, locked_until = 0 WHERE username = $2 RETURNING id",
            )
            .bind(false)
            .bind(&username)
            .fetch_optional(&mut *tx)
            .await?;
            id.ok_or_else(|| AccountOpError::NoSuchUser(username.clone()))?;
            append_audit!(tx, self.keys(), at, actor, "user.enable", &format!("user:{username}"), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Gives an account a new TOTP secret (lost phone), ending its sessions and revoking its
    /// API tokens.
    pub async fn reset_totp(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<Enrolment, AccountOpError> {
        let username = login::parse_username(name)?;
        let (sealed, otpauth_uri) = self.new_totp_secret(&username)?;
        let at = to_millis(now);
        let done: std::result::Result<(), AccountOpError> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE users SET totp_secret_sealed = $1, totp_last_step = 0 WHERE username = $2 RETURNING id",
            )
            .bind(&sealed)
            .bind(&username)
            .fetch_optional(&mut *tx)
            .await?;
            let id = id.ok_or_else(|| AccountOpError::NoSuchUser(username.clone()))?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            // A lost second factor may mean a lost device holding tokens too.
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, actor, "user.reset_2fa", &format!("user:{username}"), "tokens revoked");
            tx.commit().await?;
            Ok(())
        });
        done?;
        Ok(Enrolment {
            username,
            otpauth_uri,
        })
    }

    /// Checks name, password and one-time code; on success opens a session. Unknown names,
    /// wrong passwords or codes and locked accounts all get `Refused`, after the same work;
    /// a lock is told (`Locked`) only to whoever gave the right password and code. Each
    /// failure outside a lock adds one to the account's count in a single atomic update, so
    /// parallel attempts are all counted; past [`login::FREE_ATTEMPTS`] the account waits
    /// a growing time ([`login::lock_secs`]) that attempts made while it waits cannot renew.
    /// A code is accepted at most once.
    pub async fn login(
        &self,
        name: &str,
        password: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<NewSession, LoginError> {
        let at = to_millis(now);
        let username = login::parse_username(name).ok();
        let row: Option<UserRow> = match &username {
            None => None,
            Some(u) => on_read_pool!(&self.db, pool => {
                sqlx::query_as(
                    "SELECT id, role, password_hash, totp_secret_sealed, totp_last_step, disabled, failed_logins, locked_until \
                     FROM users WHERE username = $1",
                )
                .bind(u)
                .fetch_optional(pool)
                .await?
            }),
        };
        let Some((id, role, hash, sealed, last_step, _disabled, _failures, locked_until)) =
            row.filter(|r| !r.5)
        else {
            // Same work as for a real account, and a trace in the audit trail.
            let _ = password_matches(password.to_owned(), DUMMY_HASH.clone()).await?;
            let who = username.unwrap_or_else(|| "(invalid name)".to_owned());
            self.audit(
                &who,
                "login.failed",
                &format!("user:{who}"),
                "no such active user",
                now,
            )
            .await?;
            return Err(LoginError::Refused);
        };
        let username = username.unwrap_or_default();
        let role: Role = role
            .parse()
            .map_err(|()| StoreError::Corrupt(format!("role of {username}")))?;
        let password_ok = password_matches(password.to_owned(), hash).await?;
        let secret = self
            .keys()
            .open(&totp_context(&username), &sealed)
            .map_err(StoreError::from)?;
        let step = totp_for(&username, &secret)?
            .check(
                code.trim(),
                u64::try_from(now.unix_timestamp()).unwrap_or(0),
            )
            .map(|s| s as i64);
        let failure = match (password_ok, step) {
            (false, _) => Some("wrong password"),
            (true, None) => Some("wrong code"),
            (true, Some(s)) if s <= last_step => Some("code already used"),
            _ => None,
        };
        if locked_until > at {
            // Attempts while the account waits are not counted: nobody can renew the wait.
            let details = failure.map_or("right password and code".to_owned(), |f| {
                format!("{f}; while locked")
            });
            self.audit(
                &username,
                "login.locked",
                &format!("user:{username}"),
                &details,
                now,
            )
            .await?;
            return Err(match failure {
                None => LoginError::Locked {
                    until: from_millis(locked_until)?,
                },
                Some(_) => LoginError::Refused,
            });
        }
        if let Some(reason) = failure {
            on_write_pool!(&self.db, pool => {
                let mut tx = pool.begin_write().await?;
                // One atomic increment: parallel failures are each counted.
                let failures: i64 = sqlx::query_scalar(
                    "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let lock = login::lock_secs(u32::try_from(failures).unwrap_or(u32::MAX))
                    .map_or(0, |secs| at + secs * 1000);
                if lock > 0 {
                    sqlx::query("UPDATE users SET locked_until = $1 WHERE id = $2 AND locked_until < $1")
                        .bind(lock)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                let details = if lock > 0 { format!("{reason}; locked") } else { reason.to_owned() };
                append_audit!(tx, self.keys(), at, &username, "login.failed", &format!("user:{username}"), &details);
                tx.commit().await?;
            });
            return Err(LoginError::Refused);
        }
        let step = step.unwrap_or_default();
        let session_id = random_hex(32)?;
        let csrf_token = random_hex(32)?;
        let accepted: bool = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // The step condition makes two simultaneous logins with one code accept only one.
            let updated = sqlx::query(
                "UPDATE users SET failed_logins = 0, locked_until = 0, totp_last_step = $1 \
                 WHERE id = $2 AND totp_last_step < $1",
            )
            .bind(step)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated == 1 {
                sqlx::query(
                    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
                )
                .bind(self.keys().secret_hash("session", &session_id))
                .bind(id)
                .bind(&csrf_token)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                append_audit!(tx, self.keys(), at, &username, "login.ok", &format!("user:{username}"), "");
            }
            tx.commit().await?;
            updated == 1
        });
        if !accepted {
            return Err(LoginError::Refused);
        }
        Ok(NewSession {
            session_id,
            session: Session {
                user: StaffUser { id, username, role },
                csrf_token,
            },
        })
    }

    /// The session with this id, if it is live; ends it if it has expired.
    pub async fn session(
        &self,
        session_id: &str,
        policy: SessionPolicy,
        now: OffsetDateTime,
    ) -> Result<Option<Session>> {
        let at = to_millis(now);
        let id_hash = self.keys().secret_hash("session", session_id);
        let row: Option<(i64, String, String, String, i64, i64, bool)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT u.id, u.username, u.role, s.csrf_token, s.created_at, s.last_seen_at, u.disabled \
                 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1",
            )
            .bind(&id_hash)
            .fetch_optional(pool)
            .await?
        });
        let Some((id, username, role, csrf_token, created, last_seen, disabled)) = row else {
            return Ok(None);
        };
        let expired = disabled
            || at - last_seen > policy.idle_secs * 1000
            || at - created > policy.absolute_secs * 1000;
        if expired {
            on_write_pool!(&self.db, pool => {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&id_hash).execute(pool).await?;
            });
            return Ok(None);
        }
        // Touch at most once a minute: one write per page view would be wasteful.
        if at - last_seen > 60_000 {
            on_write_pool!(&self.db, pool => {
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
                    .bind(at)
                    .bind(&id_hash)
                    .execute(pool)
                    .await?;
            });
        }
        let role = role
            .parse()
            .map_err(|()| StoreError::Corrupt(format!("role of {username}")))?;
        Ok(Some(Session {
            user: StaffUser { id, username, role },
            csrf_token,
        }))
    }

    /// Ends a session.
    pub async fn logout(&self, session_id: &str, now: OffsetDateTime) -> Result<()> {
        let at = to_millis(now);
        let id_hash = self.keys().secret_hash("session", session_id);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let user: Option<String> = sqlx::query_scalar(
                "SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1",
            )
            .bind(&id_hash)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(username) = user {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&id_hash).execute(&mut *tx).await?;
                append_audit!(tx, self.keys(), at, &username, "logout", &format!("user:{username}"), "");
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Creates an API bearer token for a user; returns it (shown once, stored hashed).
    pub async fn create_token(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<String, AccountOpError> {
        let username = login::parse_username(name)?;
        let token = format!("hl_{}", random_hex(32)?);
        let at = to_millis(now);
        let hash = self.keys().secret_hash("token", &token);
        let done: std::result::Result<(), AccountOpError> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username = $1 AND NOT disabled")
                .bind(&username)
                .fetch_optional(&mut *tx)
                .await?;
            let id = id.ok_or_else(|| AccountOpError::NoSuchUser(username.clone()))?;
            sqlx::query("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES ($1, $2, $3)")
                .bind(&hash)
                .bind(id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, actor, "token.create", &format!("user:{username}"), "");
            tx.commit().await?;
            Ok(())
        });
        done?;
        Ok(token)
    }

    /// The user a bearer token belongs to, if the token and the user are live.
    pub async fn token_user(&self, token: &str) -> Result<Option<StaffUser>> {
        let hash = self.keys().secret_hash("token", token.trim());
        let row: Option<(i64, String, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT u.id, u.username, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.token_hash = $1 AND t.scope = 'cases' AND t.revoked_at IS NULL AND NOT u.disabled",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(id, username, role)| {
            let role = role
                .parse()
                .map_err(|()| StoreError::Corrupt(format!("role of {username}")))?;
            Ok(StaffUser { id, username, role })
        })
        .transpose()
    }

    /// Every API token, newest first (never the token itself).
    pub async fn api_tokens(&self) -> Result<Vec<TokenSummary>> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
            Option<i64>,
            Option<i64>,
        );
        let rows: Vec<Row> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT t.id, t.scope, u.username, t.partner, t.label, t.created_at, t.last_used_at, t.revoked_at \
                 FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id ORDER BY t.id DESC",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    scope,
                    user,
                    partner,
                    label,
                    created_at_ms,
                    last_used_at_ms,
                    revoked_at_ms,
                )| {
                    TokenSummary {
                        id,
                        scope,
                        user,
                        partner,
                        label,
                        created_at_ms,
                        last_used_at_ms,
                        revoked_at_ms,
                    }
                },
            )
            .collect())
    }

    /// Revokes token `id` (it stops working at once); audited. Returns false when there is
    /// no such live token.
    pub async fn revoke_token(&self, id: i64, actor: &str, now: OffsetDateTime) -> Result<bool> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // scope, user name, partner, label
            type Revoked = (String, Option<String>, Option<String>, Option<String>);
            let row: Option<Revoked> = sqlx::query_as(
                "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL \
                 RETURNING scope, (SELECT username FROM users WHERE users.id = api_tokens.user_id), partner, label",
            )
            .bind(id)
            .bind(at)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((scope, user, partner, label)) = row else {
                tx.rollback().await?;
                return Ok(false);
            };
            let object = match (user, partner, label) {
                (Some(u), _, _) => format!("user:{u}"),
                (_, Some(p), _) => format!("partner:{p}"),
                (_, _, Some(l)) => format!("blocklist:{l}"),
                _ => format!("token:{id}"),
            };
            append_audit!(tx, self.keys(), at, actor, "token.revoke", &object, &format!("token={id}; scope={scope}"));
            tx.commit().await?;
        });
        Ok(true)
    }
}
