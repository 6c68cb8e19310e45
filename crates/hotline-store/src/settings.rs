//! The admin's overrides of the configuration file (`settings` table): one row per section,
//! its JSON value checked by `hotline_domain::settings` before it is written. Each change is
//! one transaction with its audit event, which names what changed (old → new), never a secret.

use time::OffsetDateTime;

use crate::audit::append_audit;
use crate::{Result, Store, on_read_pool, on_write_pool, to_millis};

/// One stored section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSetting {
    pub section: String,
    /// The section's JSON, as `hotline_domain::settings::Settings::section_json` wrote it.
    pub value: String,
    /// Grows by one with every change of any section (so the largest tells a reader whether
    /// anything changed since it last looked).
    pub version: i64,
    pub updated_at_ms: i64,
    pub updated_by: String,
}

/// Why a change was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SettingChangeError {
    /// Someone else changed the settings since the form was shown.
    #[error(
        "the settings were changed by someone else in the meantime (now version {0}); reload the page"
    )]
    Stale(i64),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

impl From<sqlx::Error> for SettingChangeError {
    fn from(e: sqlx::Error) -> Self {
        SettingChangeError::Store(e.into())
    }
}

type Row = (String, String, i64, i64, String);

impl Store {
    /// Every stored section, by name.
    pub async fn settings(&self) -> Result<Vec<StoredSetting>> {
        let rows: Vec<Row> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT section, value, version, updated_at, updated_by FROM settings ORDER BY section",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(section, value, version, updated_at_ms, updated_by)| StoredSetting {
                    section,
                    value,
                    version,
                    updated_at_ms,
                    updated_by,
                },
            )
            .collect())
    }

    /// Stores `value` for `section` (or, with `None`, removes the override so the file's value
    /// applies again), if the settings are still at `expected_version` (the largest version
    /// the admin's form was made from; 0 when nothing was stored). Appends the audit event
    /// `settings.change` on `settings:<section>` with `details` (what changed). Returns the new
    /// version.
    pub async fn change_setting(
        &self,
        section: &str,
        value: Option<&str>,
        expected_version: i64,
        actor: &str,
        details: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<i64, SettingChangeError> {
        let at = to_millis(now);
        let object = format!("settings:{section}");
        let action = if value.is_some() {
            "settings.change"
        } else {
            "settings.reset"
        };
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // The audit head's row lock orders this change after any other one in flight (on
            // PostgreSQL too), so the version check below cannot race.
            append_audit!(tx, self.keys(), at, actor, action, &object, details);
            let current: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM settings")
                .fetch_one(&mut *tx)
                .await?;
            let current = current.unwrap_or(0);
            if current != expected_version {
                tx.rollback().await?;
                return Err(SettingChangeError::Stale(current));
            }
            let version = current + 1;
            match value {
                Some(value) => {
                    sqlx::query(
                        "INSERT INTO settings (section, value, version, updated_at, updated_by) \
                         VALUES ($1, $2, $3, $4, $5) \
                         ON CONFLICT (section) DO UPDATE SET value = excluded.value, \
                           version = excluded.version, updated_at = excluded.updated_at, \
                           updated_by = excluded.updated_by",
                    )
                    .bind(section)
                    .bind(value)
                    .bind(version)
                    .bind(at)
                    .bind(actor)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM settings WHERE section = $1")
                        .bind(section)
                        .execute(&mut *tx)
                        .await?;
                    // A reset must still raise the version others compare with: keep a
                    // marker row that no section name can clash with.
                    sqlx::query(
                        "INSERT INTO settings (section, value, version, updated_at, updated_by) \
                         VALUES ('#version', 'null', $1, $2, $3) \
                         ON CONFLICT (section) DO UPDATE SET version = excluded.version, \
                           updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                    )
                    .bind(version)
                    .bind(at)
                    .bind(actor)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            Ok(version)
        })
    }
}

/// The version a set of stored rows is at (0 when none).
pub fn settings_version(rows: &[StoredSetting]) -> i64 {
    rows.iter().map(|r| r.version).max().unwrap_or(0)
}

/// The rows that are sections (not the version marker a reset leaves).
pub fn section_rows(rows: &[StoredSetting]) -> impl Iterator<Item = &StoredSetting> {
    rows.iter().filter(|r| !r.section.starts_with('#'))
}
