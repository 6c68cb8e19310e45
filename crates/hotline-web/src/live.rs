//! The effective settings, swappable while the service runs: the configuration file's values
//! with the admin's stored overrides laid over them (`hotline_domain::settings`).
//!
//! Handlers and workers read [`LiveSettings::get`] per request or job and never keep the result,
//! so a saved change applies at once in the process that saved it
//! ([`LiveSettings::refresh`] right after the write), and within [`RELOAD`] in every other
//! process (app servers and `hotline worker`s sharing a PostgreSQL database), which re-read the
//! table on a timer, as they re-read the key file.

use std::sync::{Arc, RwLock};

use hotline_domain::settings::Settings;
use hotline_store::settings::{section_rows, settings_version};
use hotline_store::{Store, StoredSetting};

use crate::WebConfig;

/// How often each process re-reads the stored settings.
pub const RELOAD: std::time::Duration = std::time::Duration::from_secs(2);

/// One consistent view of the settings.
#[derive(Debug)]
pub struct Snapshot {
    /// The effective values.
    pub settings: Settings,
    /// The web layer's configuration with the effective values in it.
    pub web: Arc<WebConfig>,
    /// The stored overrides these were made from (to show which values were set by an admin).
    pub stored: Vec<StoredSetting>,
    /// The stored settings' version (0: none stored); an admin form carries it back.
    pub version: i64,
}

impl Snapshot {
    /// The stored override of `section`, if there is one.
    pub fn override_of(&self, section: &str) -> Option<&StoredSetting> {
        section_rows(&self.stored).find(|r| r.section == section)
    }
}

/// The file's settings and the current effective ones.
#[derive(Debug)]
pub struct LiveSettings {
    file: Settings,
    base: WebConfig,
    current: RwLock<Arc<Snapshot>>,
}

impl LiveSettings {
    /// Starts from the file's values (`base` must already hold them), with no overrides.
    pub fn new(file: Settings, base: WebConfig) -> Self {
        let first = Snapshot {
            web: Arc::new(base.clone()),
            settings: file.clone(),
            stored: Vec::new(),
            version: 0,
        };
        Self {
            file,
            base,
            current: RwLock::new(Arc::new(first)),
        }
    }

    /// The settings as they are now.
    pub fn get(&self) -> Arc<Snapshot> {
        // A poisoned lock still holds a whole snapshot (it is only ever swapped whole).
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The configuration file's values, before any override.
    pub fn file(&self) -> &Settings {
        &self.file
    }

    /// Re-reads the stored overrides and swaps them in if they changed. A stored section that
    /// no longer passes the checks is skipped (the file's value stays) and logged.
    pub async fn refresh(&self, store: &Store) -> Result<bool, hotline_store::StoreError> {
        let rows = store.settings().await?;
        let version = settings_version(&rows);
        if version == self.get().version {
            return Ok(false);
        }
        let mut settings = self.file.clone();
        for row in section_rows(&rows) {
            if let Err(e) = settings.apply(&row.section, &row.value) {
                tracing::error!(error = %e, "a stored setting is not valid; the file's value applies");
            }
        }
        let snapshot = Snapshot {
            web: Arc::new(self.web_config(&settings)),
            settings,
            stored: rows,
            version,
        };
        let snapshot = Arc::new(snapshot);
        match self.current.write() {
            Ok(mut g) => *g = snapshot,
            Err(p) => *p.into_inner() = snapshot,
        }
        tracing::info!(version, "settings applied");
        Ok(true)
    }

    /// The web configuration with `settings` in it.
    fn web_config(&self, settings: &Settings) -> WebConfig {
        let mut web = self.base.clone();
        web.procedure = settings.procedure;
        web.jurisdiction.procedure = settings.procedure;
        web.jurisdiction.country = settings.national.country.clone();
        web.jurisdiction.takedown_by = settings.national.takedown_by;
        web.jurisdiction.objection_hours = settings.national.objection_hours;
        web.public.takedown_by = settings.national.takedown_by;
        web.public.objection_hours = settings.national.objection_hours;
        web.public.retention = settings.retention;
        web
    }

    /// Re-reads the stored settings every [`RELOAD`] for as long as the process runs.
    pub fn spawn_reload(self: &Arc<Self>, store: &Store) {
        let me = self.clone();
        let store = store.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = me.refresh(&store).await {
                    tracing::warn!(error = %e, "cannot read the stored settings");
                }
                tokio::time::sleep(RELOAD).await;
            }
        });
    }
}

/// The admin-editable settings that `config` holds (the file's values), with `template` as
/// the notice text.
pub fn file_settings(config: &WebConfig, template: Option<String>) -> Settings {
    Settings {
        procedure: config.procedure,
        national: hotline_domain::settings::National {
            country: config.jurisdiction.country.clone(),
            takedown_by: config.jurisdiction.takedown_by,
            objection_hours: config.jurisdiction.objection_hours,
        },
        retention: config.public.retention,
        notice_template: template,
    }
}
