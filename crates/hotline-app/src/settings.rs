//! The effective configuration, swappable while the service runs: the configuration file's
//! values with the admin's stored overrides laid over them (`hotline_domain::settings`).
//!
//! Handlers and workers read [`LiveSettings::get`] per request or job and never keep the result,
//! so a saved change applies at once in the process that saved it
//! ([`LiveSettings::refresh`] right after the write), and within [`RELOAD`] in every other
//! process (app servers and `hotline worker`s sharing a PostgreSQL database), which re-read the
//! table on a timer, as they re-read the key file.

use std::sync::{Arc, RwLock};

use hotline_store::settings::{section_rows, settings_version};
use hotline_store::{Store, StoredSetting};

use crate::Config;

/// How often each process re-reads the stored settings.
pub const RELOAD: std::time::Duration = std::time::Duration::from_secs(2);

/// One consistent view of the configuration.
#[derive(Debug)]
pub struct Snapshot {
    /// The effective configuration.
    pub config: Arc<Config>,
    /// The stored overrides it was made from (to show which values were set by an admin).
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

/// The file's configuration and the current effective one.
#[derive(Debug)]
pub struct LiveSettings {
    file: Config,
    current: RwLock<Arc<Snapshot>>,
}

impl LiveSettings {
    /// Starts from the file's values, with no overrides.
    pub fn new(file: Config) -> Self {
        let first = Snapshot {
            config: Arc::new(file.clone()),
            stored: Vec::new(),
            version: 0,
        };
        Self {
            file,
            current: RwLock::new(Arc::new(first)),
        }
    }

    /// The configuration as it is now.
    pub fn get(&self) -> Arc<Snapshot> {
        // A poisoned lock still holds a whole snapshot (it is only ever swapped whole).
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The configuration file's values, before any override.
    pub fn file(&self) -> &Config {
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
        let mut config = self.file.clone();
        for row in section_rows(&rows) {
            if let Err(e) = config.settings.apply(&row.section, &row.value) {
                tracing::error!(error = %e, "a stored setting is not valid; the file's value applies");
            }
        }
        let snapshot = Arc::new(Snapshot {
            config: Arc::new(config),
            stored: rows,
            version,
        });
        match self.current.write() {
            Ok(mut g) => *g = snapshot,
            Err(p) => *p.into_inner() = snapshot,
        }
        tracing::info!(version, "settings applied");
        Ok(true)
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
