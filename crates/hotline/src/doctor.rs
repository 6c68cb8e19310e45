//! `hotline doctor`: checks an installation the way an operator would, and says what is wrong
//! and how to put it right. It changes nothing: it creates no directory, key, database or
//! configuration file. Exit status 1 when anything failed, for scripts and monitoring.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok(String),
    /// What is wrong, and how to fix it.
    Fail {
        what: String,
        fix: String,
    },
    /// Not checked, and why.
    Skip(String),
}

/// Everything a run found, in order.
#[derive(Debug, Default)]
pub struct Report {
    pub checks: Vec<(&'static str, Verdict)>,
}

impl Report {
    fn ok(&mut self, name: &'static str, what: impl Into<String>) {
        self.checks.push((name, Verdict::Ok(what.into())));
    }
    fn fail(&mut self, name: &'static str, what: impl Into<String>, fix: impl Into<String>) {
        self.checks.push((
            name,
            Verdict::Fail {
                what: what.into(),
                fix: fix.into(),
            },
        ));
    }
    fn skip(&mut self, name: &'static str, why: impl Into<String>) {
        self.checks.push((name, Verdict::Skip(why.into())));
    }

    /// Whether any check failed.
    pub fn failed(&self) -> bool {
        self.checks
            .iter()
            .any(|(_, v)| matches!(v, Verdict::Fail { .. }))
    }

    /// The report as printed: one line per check, a `fix:` line under each failure.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (name, v) in &self.checks {
            match v {
                Verdict::Ok(what) => out.push_str(&format!("ok    {name}: {what}\n")),
                Verdict::Skip(why) => out.push_str(&format!("skip  {name}: {why}\n")),
                Verdict::Fail { what, fix } => {
                    out.push_str(&format!("FAIL  {name}: {what}\n      fix: {fix}\n"))
                }
            }
        }
        let failed = self
            .checks
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Fail { .. }))
            .count();
        if failed == 0 {
            out.push_str("\nall checks passed\n");
        } else {
            out.push_str(&format!("\n{failed} check(s) failed\n"));
        }
        out
    }
}

/// Mode bits that let others than the owner at a secret.
fn open_to_others(path: &Path) -> Option<u32> {
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

/// Runs every check on the installation in `data_dir`.
pub async fn run(data_dir: &Path, database: Option<&str>, config_file: Option<&Path>) -> Report {
    let mut r = Report::default();

    // The configuration.
    let config_path: PathBuf = config_file
        .map(Path::to_owned)
        .unwrap_or_else(|| data_dir.join("hotline.toml"));
    let config = if config_file.is_some() && !config_path.exists() {
        r.fail(
            "configuration",
            format!("{} does not exist", config_path.display()),
            "give an existing file with --config, or leave it out to use <data-dir>/hotline.toml",
        );
        None
    } else {
        match Config::load(&config_path) {
            Ok(c) => {
                let source = if config_path.exists() {
                    config_path.display().to_string()
                } else {
                    "the defaults (no file yet)".to_owned()
                };
                r.ok("configuration", format!("valid: {source}"));
                Some(c)
            }
            Err(e) => {
                r.fail(
                    "configuration",
                    format!("{e:#}"),
                    format!(
                        "correct {} or the HOTLINE_* variable named above",
                        config_path.display()
                    ),
                );
                None
            }
        }
    };
    let config = config.unwrap_or_default();

    // The data directory and the key file.
    let keys_path = data_dir.join("keys.json");
    let mut keys = None;
    if !data_dir.is_dir() {
        r.fail(
            "data directory",
            format!("{} does not exist", data_dir.display()),
            "run `hotline migrate` (or `hotline serve`) once to create it, or give --data-dir",
        );
    } else {
        match open_to_others(data_dir) {
            Some(mode) => r.fail(
                "data directory",
                format!(
                    "{} is open to other users (mode {mode:o})",
                    data_dir.display()
                ),
                format!("chmod 700 {}", data_dir.display()),
            ),
            None => r.ok(
                "data directory",
                format!("{} (owner only)", data_dir.display()),
            ),
        }
        if !keys_path.exists() {
            r.fail(
                "key file",
                format!("{} does not exist", keys_path.display()),
                "restore it from your backup; only on a new installation let `hotline migrate` create one (without it, sealed data cannot be opened)",
            );
        } else {
            match open_to_others(&keys_path) {
                Some(mode) => r.fail(
                    "key file",
                    format!(
                        "{} is readable by other users (mode {mode:o}); it holds the keys to reporters' data",
                        keys_path.display()
                    ),
                    format!("chmod 600 {}", keys_path.display()),
                ),
                None => match hotline_store::Keyring::load_or_create(data_dir) {
                    Ok(k) => {
                        r.ok("key file", format!("{} (mode 600)", keys_path.display()));
                        keys = Some(k);
                    }
                    Err(e) => r.fail(
                        "key file",
                        e.to_string(),
                        "restore keys.json from your backup",
                    ),
                },
            }
        }
    }

    // The database and its migrations.
    let url = match database {
        Some(u) => u.to_owned(),
        None => data_dir.join("hotline.db").to_string_lossy().into_owned(),
    };
    let is_file = !url.contains("://") || url.starts_with("sqlite://");
    let file = url.strip_prefix("sqlite://").unwrap_or(&url);
    if is_file && !Path::new(file).exists() {
        r.fail(
            "database",
            format!("there is no database at {file}"),
            "run `hotline migrate`",
        );
    } else if let Some(keys) = keys {
        match hotline_store::Store::open(&url, Arc::new(keys)).await {
            Err(e) => r.fail(
                "database",
                format!("cannot open {}: {e}", crate::redact(&url)),
                "check the database address (--database / HOTLINE_DATABASE_URL) and that the server runs",
            ),
            Ok(store) => {
                r.ok("database", format!("{} answers", crate::redact(&url)));
                match store.migration_status().await {
                    Err(e) => r.fail("migrations", e.to_string(), "check the database"),
                    Ok((pending, unknown)) => {
                        if !pending.is_empty() {
                            let list: Vec<String> = pending
                                .iter()
                                .map(|(v, d)| format!("{v:04} {d}"))
                                .collect();
                            r.fail(
                                "migrations",
                                format!("not applied: {}", list.join(", ")),
                                "run `hotline migrate` (take a backup first: `hotline backup FILE`)",
                            );
                        } else if !unknown.is_empty() {
                            r.fail(
                                "migrations",
                                format!("the database has migrations this version does not know: {unknown:?}"),
                                "a newer hotline ran on this database; run that version",
                            );
                        } else {
                            r.ok("migrations", "all applied");
                        }
                    }
                }
                store.close().await;
            }
        }
    } else {
        r.skip("database", "the key file must be fixed first");
    }

    // The IP database's age.
    let limit_days = u64::from(config.doctor.ip_database_max_age_days);
    let ipdb = if config.network.ip_database.is_empty() {
        hotline_network::ipdb::IpDb::embedded().map_err(|e| e.to_string())
    } else {
        hotline_network::ipdb::IpDb::open(Path::new(&config.network.ip_database))
            .map_err(|e| e.to_string())
    };
    let which = if config.network.ip_database.is_empty() {
        "the embedded IP database".to_owned()
    } else {
        config.network.ip_database.clone()
    };
    match ipdb {
        Err(e) => r.fail(
            "IP database",
            e,
            "point network.ip_database at a readable MMDB file, or empty it to use the embedded one",
        ),
        Ok(db) => {
            let (kind, built) = db.description();
            let now = time::OffsetDateTime::now_utc().unix_timestamp().max(0) as u64;
            let age_days = now.saturating_sub(built) / 86_400;
            if age_days > limit_days {
                r.fail(
                    "IP database",
                    format!(
                        "{which} ({kind}) is {age_days} days old; the limit (doctor.ip_database_max_age_days) is {limit_days}"
                    ),
                    "download a current MMDB (see data/ipdb/SOURCES.md) and set network.ip_database to it, or upgrade hotline for a newer embedded one",
                );
            } else {
                r.ok(
                    "IP database",
                    format!("{which} ({kind}) is {age_days} days old (limit {limit_days})"),
                );
            }
        }
    }

    // SMTP and RDAP, unless the hotline is offline.
    if config.network.offline {
        r.skip("SMTP", "network.offline is set");
        r.skip("RDAP", "network.offline is set");
    } else {
        if config.notices.smtp_url.is_empty() {
            r.skip("SMTP", "no notices.smtp_url: notices and alerts wait");
        } else {
            match hotline_network::mailer::Mailer::new(
                &config.network,
                &config.notices.smtp_url,
                &config.notices.from,
            ) {
                Err(e) => r.fail("SMTP", e.to_string(), "correct the [notices] settings"),
                Ok(m) => match m.check().await {
                    Ok(()) => r.ok("SMTP", "the server answers"),
                    Err(e) => r.fail(
                        "SMTP",
                        e.to_string(),
                        "check notices.smtp_url and that the mail server accepts connections from this machine",
                    ),
                },
            }
        }
        match hotline_network::rdap::RdapClient::from_policy(
            config.network.clone(),
            hotline_network::rdap::RdapConfig::default(),
        )
        .await
        {
            Ok(_) => r.ok("RDAP", "the bootstrap registry answers"),
            Err(e) => r.fail(
                "RDAP",
                e.to_string(),
                "allow HTTPS to data.iana.org (or set network.rdap_bootstrap)",
            ),
        }
    }
    if !config.alerts.on_call.is_empty() && config.notices.smtp_url.is_empty() {
        r.fail(
            "alerts",
            "alerts.on_call is set but notices.smtp_url is empty: urgent alerts cannot be mailed",
            "set notices.smtp_url",
        );
    }

    // Free disk space where the data lives.
    if data_dir.is_dir() {
        match rustix::fs::statvfs(data_dir) {
            Ok(s) => {
                let free_mb = s.f_bavail.saturating_mul(s.f_frsize) / (1024 * 1024);
                let min = config.doctor.min_free_disk_mb;
                if free_mb < min {
                    r.fail(
                        "disk",
                        format!("{free_mb} MB free under {}; the minimum (doctor.min_free_disk_mb) is {min} MB", data_dir.display()),
                        "free space or move the data directory to a larger disk; SQLite refuses writes on a full disk",
                    );
                } else {
                    r.ok("disk", format!("{free_mb} MB free"));
                }
            }
            Err(e) => r.fail("disk", e.to_string(), "check the data directory"),
        }
    }
    r
}
