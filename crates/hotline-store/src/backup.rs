//! Online backups of an SQLite store, the checks a backup file must pass before it replaces
//! a data directory's database, and the integrity check run at start-up.
//!
//! A backup holds the database only. The key file stays out of it on purpose: a stolen
//! backup alone opens no sealed field and links no receipt to its report. Operators keep
//! `keys.json` safe on its own (see docs/cli.md, "Backups"). PostgreSQL is backed up with
//! `pg_dump`/`pg_restore`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

use crate::{Db, Keyring, SQLITE_MIGRATIONS, Store, StoreError};

/// Why a backup cannot be taken or restored.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name")]
    Exists(PathBuf),
    #[error(
        "backups of PostgreSQL are taken with pg_dump and restored with pg_restore (see docs/cli.md, Backups)"
    )]
    Postgres,
    #[error("{path} is not a readable SQLite database: {why}")]
    NotSqlite { path: PathBuf, why: String },
    #[error("{path} is damaged: {problems}")]
    Damaged { path: PathBuf, problems: String },
    #[error("{path} is not a hotline database (it has no migration history)")]
    NotHotline { path: PathBuf },
    #[error(
        "{path} was written by a newer version (migration {version} is unknown here); restore it with that version"
    )]
    Newer { path: PathBuf, version: i64 },
    #[error(
        "{path} holds data sealed with field key {key}, which the key file of the data directory does not have; copy the key file that belongs to this backup into the data directory first"
    )]
    MissingKey { path: PathBuf, key: u16 },
    #[error(
        "the key file of the data directory does not open what {path} holds ({why}); copy the key file that belongs to this backup into the data directory first"
    )]
    WrongKeys { path: PathBuf, why: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Store(StoreError::Database(e))
    }
}

/// What a backup file holds, as found by [`check_backup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// The newest migration applied in the backup.
    pub migration: i64,
    pub reports: i64,
    pub cases: i64,
}

/// Every column that holds sealed data, by table: what key rotation re-seals and what a
/// restore checks the key file against: `(table, key column, sealed column)`.
pub(crate) const SEALED_COLUMNS: &[(&str, &str, &str)] = &[
    ("reports", "id", "description_sealed"),
    ("reports", "id", "contact_sealed"),
    ("report_addresses", "report_id", "submitted_sealed"),
    ("reporter_messages", "id", "body_sealed"),
    ("users", "id", "totp_secret_sealed"),
    ("partners", "name", "outbound_token_sealed"),
];

impl Store {
    /// Writes a consistent copy of the SQLite database to `dest` while the service runs
    /// (`VACUUM INTO` reads one snapshot; writers carry on beside it), then checks the copy.
    pub async fn backup_to(&self, dest: &Path) -> Result<BackupSummary, BackupError> {
        let Db::Sqlite { checkpoint, .. } = &self.db else {
            return Err(BackupError::Postgres);
        };
        if dest.exists() {
            return Err(BackupError::Exists(dest.to_owned()));
        }
        // The copy is private to its owner from the start (`VACUUM INTO` would create it
        // 0644, readable by every local user, whatever the directory): an empty 0600 file is
        // what it writes into.
        {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(dest)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::AlreadyExists => BackupError::Exists(dest.to_owned()),
                    _ => BackupError::Store(StoreError::File {
                        path: dest.display().to_string(),
                        source: e,
                    }),
                })?;
        }
        let target = dest.to_str().ok_or_else(|| BackupError::NotSqlite {
            path: dest.to_owned(),
            why: "the file name is not UTF-8".into(),
        })?;
        // The checkpointer's connection: a writable one that is not the writer, so intake is
        // not held up while the copy is made.
        if let Err(e) = sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(checkpoint)
            .await
        {
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        check_backup(dest, None).await
    }

    /// Runs SQLite's integrity check (`quick` = `PRAGMA quick_check`, which skips index
    /// contents and is what start-up uses). Returns the problems found; empty means sound.
    /// PostgreSQL checks its own pages; nothing to do there.
    pub async fn integrity_problems(&self, quick: bool) -> Result<Vec<String>, StoreError> {
        let Db::Sqlite { read, .. } = &self.db else {
            return Ok(Vec::new());
        };
        integrity(read, quick).await.map_err(StoreError::from)
    }
}

async fn integrity(pool: &SqlitePool, quick: bool) -> Result<Vec<String>, sqlx::Error> {
    let pragma = if quick {
        "PRAGMA quick_check(20)"
    } else {
        "PRAGMA integrity_check(20)"
    };
    let rows: Vec<String> = sqlx::query_scalar(pragma).fetch_all(pool).await?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// Checks that `path` is a sound hotline database this version can run: SQLite opens it, the
/// full integrity check passes, its migration history is known here and, when `keys` is
/// given, every sealed value names a field key that `keys` holds.
pub async fn check_backup(
    path: &Path,
    keys: Option<&Keyring>,
) -> Result<BackupSummary, BackupError> {
    let not_sqlite = |e: sqlx::Error| BackupError::NotSqlite {
        path: path.to_owned(),
        why: e.to_string(),
    };
    if !path.is_file() {
        return Err(BackupError::NotSqlite {
            path: path.to_owned(),
            why: "no such file".into(),
        });
    }
    let options = SqliteConnectOptions::from_str("sqlite://")
        .map_err(not_sqlite)?
        .filename(path)
        .read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(not_sqlite)?;
    let result = check_open(path, &pool, keys).await;
    pool.close().await;
    result
}

async fn check_open(
    path: &Path,
    pool: &SqlitePool,
    keys: Option<&Keyring>,
) -> Result<BackupSummary, BackupError> {
    let problems = integrity(pool, false)
        .await
        .map_err(|e| BackupError::Damaged {
            path: path.to_owned(),
            problems: e.to_string(),
        })?;
    if !problems.is_empty() {
        return Err(BackupError::Damaged {
            path: path.to_owned(),
            problems: problems.join("; "),
        });
    }
    let has_history: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await?;
    if has_history == 0 {
        return Err(BackupError::NotHotline {
            path: path.to_owned(),
        });
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(pool)
            .await?;
    let known: BTreeSet<i64> = SQLITE_MIGRATIONS.iter().map(|m| m.version).collect();
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        return Err(BackupError::Newer {
            path: path.to_owned(),
            version: *unknown,
        });
    }
    let Some(&migration) = applied.last() else {
        return Err(BackupError::NotHotline {
            path: path.to_owned(),
        });
    };
    if let Some(keys) = keys {
        for (table, _, column) in SEALED_COLUMNS {
            let present: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM pragma_table_info($1) WHERE name = $2")
                    .bind(table)
                    .bind(column)
                    .fetch_one(pool)
                    .await?;
            if present == 0 {
                continue;
            }
            // The key id is bytes 2–3 of every sealed value (see secrets.rs).
            let ids: Vec<Vec<u8>> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT DISTINCT substr({column}, 2, 2) FROM {table} WHERE {column} IS NOT NULL"
            )))
            .fetch_all(pool)
            .await?;
            for id in ids {
                let Ok(id) = <[u8; 2]>::try_from(id.as_slice()) else {
                    continue;
                };
                let id = u16::from_be_bytes(id);
                if !keys.has_field_key(id) {
                    return Err(BackupError::MissingKey {
                        path: path.to_owned(),
                        key: id,
                    });
                }
            }
        }
    }
    let count = |table: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(pool)
            .await
    };
    Ok(BackupSummary {
        migration,
        reports: count("reports").await?,
        cases: count("cases").await?,
    })
}

/// Puts the backup `file` in place as the database `db_path`: checks it (with the data
/// directory's keys), copies it beside the target, brings it up to this version's
/// migrations, and renames it into place. An existing database is replaced only with
/// `force`; the service must be stopped first.
pub async fn restore(
    file: &Path,
    db_path: &Path,
    keys: std::sync::Arc<Keyring>,
    force: bool,
) -> Result<BackupSummary, BackupError> {
    let summary = check_backup(file, Some(&keys)).await?;
    if db_path.exists() && !force {
        return Err(BackupError::Exists(db_path.to_owned()));
    }
    let io = |e: std::io::Error| {
        BackupError::Store(StoreError::Corrupt(format!(
            "cannot copy the backup to {}: {e}",
            db_path.display()
        )))
    };
    let staging = db_path.with_extension("db.restoring");
    let _ = std::fs::remove_file(&staging);
    std::fs::copy(file, &staging).map_err(io)?;
    // `copy` keeps the backup's mode; the database is private to its owner whatever that was.
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&staging, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    std::fs::File::open(&staging)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    let url = staging.to_string_lossy().into_owned();
    let store = Store::open(&url, keys).await?;
    let migrated = store.migrate().await;
    // Every sealed value must open with these keys: a key file with the right key ids but
    // other keys (another installation's) is caught here, before anything is replaced.
    let opened = match &migrated {
        Ok(()) => store.open_every_sealed_value().await.map(|_| ()),
        Err(_) => Ok(()),
    };
    store.close().await;
    if let Err(e) = migrated {
        let _ = std::fs::remove_file(&staging);
        return Err(e.into());
    }
    if let Err(e) = opened {
        let _ = std::fs::remove_file(&staging);
        return Err(BackupError::WrongKeys {
            path: file.to_owned(),
            why: e.to_string(),
        });
    }
    // The old database's journal must not be replayed into the restored file.
    for suffix in ["-wal", "-shm"] {
        let mut old = db_path.as_os_str().to_owned();
        old.push(suffix);
        let _ = std::fs::remove_file(&old);
    }
    std::fs::rename(&staging, db_path).map_err(io)?;
    if let Some(dir) = db_path.parent() {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(summary)
}
