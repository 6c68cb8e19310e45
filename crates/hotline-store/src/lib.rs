//! Storage for the hotline: SQLite (embedded, the default) or PostgreSQL (several app servers
//! on one database), through sqlx.
//!
//! Both engines run the same SQL text wherever the dialects agree (sqlx's SQLite driver takes
//! `$1` placeholders, and both have `RETURNING` and partial-index upserts); times are stored as
//! UTC milliseconds so no date function is needed. Each engine has its own migration set with
//! the same numbering and the same logical schema. `tests/conformance.rs` runs one suite
//! against both.

pub mod answers;
pub mod audit;
pub mod backup;
mod budget;
pub mod casework;
pub mod dashboard;
pub mod exports;
pub mod imports;
mod intake;
pub mod jobs;
pub mod monitoring;
pub mod notices;
pub mod own_password;
pub mod partners;
pub mod police;
pub mod referrals_in;
pub mod rekey;
pub mod reports;
pub mod retention;
pub mod search;
pub mod secrets;
pub mod seed;
pub mod settings;
pub mod staff;
pub mod statistics;
pub mod testing;
pub mod traces;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use audit::AuditFilter;
pub use casework::{
    Assignee, CaseActionError, CaseFile, CaseReport, Move, QueueCursor, QueueFilter, QueueRow,
    ReviewOutcome, WelfareDay,
};
pub use exports::{ExportCase, ExportQuery};
pub use imports::{ImportFile, ImportProgress, ImportReject};
pub use jobs::{ClaimedJob, JobCounts, JobState, JobSummary, NewJob, retry_delay};
pub use monitoring::{DedicatedDomain, MonitorFacts, StoredCheck};
pub use notices::{NewNotice, QueuedNotice};
pub use own_password::PasswordChangeError;
pub use partners::{NewPartner, Partner, SeenReferral};
pub use referrals_in::ReferralIntake;
pub use reports::{CaseRef, CaseSummary, Counts, ReportStatus, ReporterMessage, SubmittedReport};
pub use search::{
    CaseGroup, CaseSet, DomainHistory, FRAGMENT_MIN_CHARS, FoundCase, GroupKind, Related,
    ReportGroup, SHORT_FRAGMENT_CASES, SearchBy, fragment_indexed,
};
pub use secrets::{KeyError, Keyring, verify_signature};
pub use seed::SeedShape;
pub use settings::{SettingChangeError, StoredSetting};
pub use staff::{
    AccountOpError, Enrolment, LoginError, NewSession, Session, SessionPolicy, StaffUser,
    TokenSummary, UserSummary,
};

/// The description of the migration that keys the stored hashes (`NNNN_keyed_hashes.sql`).
const KEYED_HASHES_MIGRATION: &str = "keyed hashes";

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Everything that can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Keys(#[from] KeyError),
    #[error("the database holds a value this version does not understand: {0}")]
    Corrupt(String),
    #[error("the report could not be committed: {0}")]
    Intake(String),
    #[error(
        "the database file {path} is damaged ({why}); stop the service and restore the latest backup with `hotline restore FILE`"
    )]
    Damaged { path: String, why: String },
    #[error("the store is closed")]
    Closed,
    #[error("cannot create {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("unsupported database address \"{0}\": use a file path, sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
enum Db {
    /// SQLite allows one writer at a time; a single-connection write pool queues writers in
    /// the process instead of letting them fight over the file lock.
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
        /// The background checkpointer's connection.
        checkpoint: SqlitePool,
    },
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the writable pool of whichever engine is in use. The
/// body is compiled once per engine, so shared SQL text is written once.
macro_rules! on_write_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            crate::Db::Sqlite { write: $pool, .. } => {
                #[allow(unused_imports)]
                use crate::BeginWrite as _;
                $body
            }
            crate::Db::Postgres($pool) => {
                #[allow(unused_imports)]
                use crate::BeginWrite as _;
                $body
            }
        }
    };
}

/// Starts a transaction that will write. On SQLite it takes the write lock up front
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails at once with
/// "database is locked" when another process (an operator command beside the server) wrote in
/// between, instead of waiting out the busy timeout.
pub(crate) trait BeginWrite {
    type Engine: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, Self::Engine>, sqlx::Error>> + Send;
}

impl BeginWrite for SqlitePool {
    type Engine = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>> + Send
    {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl BeginWrite for PgPool {
    type Engine = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>> + Send
    {
        self.begin()
    }
}

/// As [`on_write_pool`], for read-only work (SQLite's read pool runs beside the writer).
macro_rules! on_read_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            crate::Db::Sqlite { read: $pool, .. } => $body,
            crate::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use {on_read_pool, on_write_pool};

/// Adds an entry to a case's timeline inside the open transaction `$tx` (either engine):
/// `$kind` is the leg (`notice_sent`, `referred_partner`, …), `$details` an optional text.
macro_rules! timeline {
    ($tx:expr, $case_id:expr, $at_ms:expr, $kind:expr, $details:expr) => {{
        let kind: hotline_domain::timeline::Event = $kind;
        let details: Option<String> = $details;
        sqlx::query("INSERT INTO case_events (case_id, at, kind, details) VALUES ($1, $2, $3, $4)")
            .bind($case_id)
            .bind($at_ms)
            .bind(kind.as_str())
            .bind(details)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use timeline;

/// A test hook: when the environment variable `HOTLINE_FAILPOINT` names this point, the
/// process dies here at once, as `kill -9` would, so a crash-safety test can stop it between
/// two writes. Unset in production; read once.
pub(crate) fn failpoint(name: &str) {
    static POINT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    if POINT
        .get_or_init(|| std::env::var("HOTLINE_FAILPOINT").ok())
        .as_deref()
        == Some(name)
    {
        std::process::abort();
    }
}

/// The hotline's storage: a database and the keys that seal what is stored in it.
#[derive(Debug, Clone)]
pub struct Store {
    db: Db,
    keys: Arc<Keyring>,
    /// Reports for the group-commit writer (see `intake.rs`).
    intake: intake::Intake,
}

impl Store {
    /// Opens the database named by `url`: `postgres://…`/`postgresql://…`, or else an SQLite
    /// file (`sqlite://PATH` or a plain path), created if missing. Does not migrate.
    pub async fn open(url: &str, keys: Arc<Keyring>) -> Result<Store> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            Db::Postgres(pool)
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            if path.is_empty() || url.contains("://") && !url.starts_with("sqlite://") {
                return Err(StoreError::UnsupportedUrl(url.to_owned()));
            }
            Self::open_sqlite(Path::new(path))
                .await
                .map_err(|e| damaged(path, e))?
        };
        let intake = intake::spawn_writers(db.clone());
        Ok(Store { db, keys, intake })
    }

    async fn open_sqlite(path: &Path) -> Result<Db> {
        // A new database file is private to its owner from its first byte (SQLite would
        // create it 0644); its WAL and shared-memory files take the same mode.
        create_private(path)?;
        let options = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before a report is acknowledged, even if the
            // machine (not only the process) dies right after.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // The indexes intake and the queue touch stay in memory (64 MiB per connection
            // at most, instead of SQLite's 2 MiB), and reads map the file instead of copying
            // it: the writer spends its time writing. Durability is untouched.
            .pragma("cache_size", "-65536")
            .pragma("mmap_size", "268435456")
            // What is erased (retention, key rotation, a purged description) is overwritten
            // with zeros in the file, not left in free pages for whoever copies the disk.
            .pragma("secure_delete", "on");
        // The writer never checkpoints: a checkpoint (copying the WAL into the database file
        // and syncing it) would stall the commit that triggered it for tens of milliseconds.
        // A connection of its own does it in the background instead (see `checkpointer`).
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(
                options
                    .clone()
                    .pragma("wal_autocheckpoint", "0")
                    // The writer's cache stays at SQLite's default: it reads through the
                    // memory map, and with 64 MiB it spent a tenth of its time scanning the
                    // cache at the end of every commit (`pcache1TruncateUnsafe`, under perf).
                    .pragma("cache_size", "-2000")
                    // A WAL that grew during a burst is cut back to 64 MiB when it restarts.
                    .pragma("journal_size_limit", "67108864"),
            )
            .await?;
        let checkpoint = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        tokio::spawn(checkpointer(checkpoint.clone(), write.clone()));
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.read_only(true))
            .await;
        // A read-only connection cannot open a database file that does not exist yet; the
        // write pool above has just created it, so this only fails for real problems.
        let read = read?;
        Ok(Db::Sqlite {
            write,
            read,
            checkpoint,
        })
    }

    pub fn engine(&self) -> Engine {
        match self.db {
            Db::Sqlite { .. } => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Reports are waiting to be written, or being written: background jobs hold back so
    /// that a burst of reports is not slowed by them.
    pub fn intake_busy(&self) -> bool {
        self.intake.busy()
    }

    pub fn keys(&self) -> &Keyring {
        &self.keys
    }

    /// Applies the migrations this version has and the database lacks.
    pub async fn migrate(&self) -> Result<()> {
        let (pending, _) = self.migration_status().await?;
        let keying = pending
            .iter()
            .any(|(_, description)| description == KEYED_HASHES_MIGRATION);
        match &self.db {
            Db::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        // The chain written before keyed hashes gets its first keyed event, once: when the
        // keying migration itself runs. Never later, or whoever rewrote the chain without the
        // key would have it sealed for them at the next start.
        if keying {
            self.seal_unkeyed_audit_chain(time::OffsetDateTime::now_utc())
                .await?;
        }
        Ok(())
    }

    /// Applies the migrations up to and including `version` and no further: for tests of one
    /// migration, which write rows in the shape before it and then [`Store::migrate`].
    #[doc(hidden)]
    pub async fn migrate_to(&self, version: i64) -> Result<()> {
        match &self.db {
            Db::Sqlite { write, .. } => SQLITE_MIGRATIONS.run_to(version, write).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run_to(version, pool).await?,
        }
        Ok(())
    }

    /// Runs one SQL statement as written, on either engine: for tests that write rows in a
    /// shape no current function writes (before a migration).
    #[doc(hidden)]
    pub async fn execute_for_tests(&self, sql: &str) -> Result<u64> {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        let done =
            on_write_pool!(&self.db, pool => sqlx::query(sql).execute(pool).await?.rows_affected());
        Ok(done)
    }

    /// The longest random delay before a new case is first traced (config
    /// `intake.first_trace_delay_secs`); zero traces at once.
    pub fn set_first_trace_delay(&self, max: Duration) {
        let ms = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
        self.intake
            .first_trace_delay_ms
            .store(ms, std::sync::atomic::Ordering::Relaxed);
    }

    pub(crate) fn first_trace_delay_ms(&self) -> u64 {
        self.intake
            .first_trace_delay_ms
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The migrations of this version that the database lacks (`version`, description), and
    /// the versions the database has that this version does not know (a newer release ran).
    pub async fn migration_status(&self) -> Result<(Vec<(i64, String)>, Vec<i64>)> {
        let query = "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version";
        let (applied, migrator): (std::result::Result<Vec<i64>, sqlx::Error>, &Migrator) =
            match &self.db {
                Db::Sqlite { read, .. } => (
                    sqlx::query_scalar(query).fetch_all(read).await,
                    &SQLITE_MIGRATIONS,
                ),
                Db::Postgres(pool) => (
                    sqlx::query_scalar(query).fetch_all(pool).await,
                    &POSTGRES_MIGRATIONS,
                ),
            };
        // No bookkeeping table yet: nothing was ever applied.
        let applied = applied.unwrap_or_default();
        let pending = migrator
            .iter()
            .filter(|m| !applied.contains(&m.version))
            .map(|m| (m.version, m.description.to_string()))
            .collect();
        let unknown = applied
            .iter()
            .copied()
            .filter(|v| !migrator.iter().any(|m| m.version == *v))
            .collect();
        Ok((pending, unknown))
    }

    /// True when the database answers and every migration of this version is applied.
    pub async fn ready(&self) -> Result<bool> {
        let (applied, expected): (i64, usize) = match &self.db {
            Db::Sqlite { read, .. } => (
                sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                    .fetch_one(read)
                    .await?,
                SQLITE_MIGRATIONS.iter().count(),
            ),
            Db::Postgres(pool) => (
                sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                    .fetch_one(pool)
                    .await?,
                POSTGRES_MIGRATIONS.iter().count(),
            ),
        };
        Ok(usize::try_from(applied).is_ok_and(|a| a == expected))
    }

    /// Closes every connection, waiting for work in progress.
    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite {
                write,
                read,
                checkpoint,
            } => {
                checkpoint.close().await;
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// Creates the file `path` empty with mode 0600 if it does not exist (an empty file is a new
/// SQLite database, and a valid target for `VACUUM INTO`); leaves an existing one alone.
pub(crate) fn create_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::File {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// An SQLite error that means the file itself is broken becomes [`StoreError::Damaged`], which
/// says what to do; anything else is left as it is.
fn damaged(path: &str, e: StoreError) -> StoreError {
    if let StoreError::Database(sqlx::Error::Database(db)) = &e
        // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), with or without extended codes.
        && db
            .code()
            .and_then(|c| c.parse::<i64>().ok())
            .is_some_and(|c| matches!(c & 0xff, 11 | 26))
    {
        return StoreError::Damaged {
            path: path.to_owned(),
            why: db.message().to_owned(),
        };
    }
    e
}

/// WAL frames (4 KiB pages) past which the checkpointer lets the WAL start over (64 MiB).
const WAL_RESTART_FRAMES: i64 = 16_384;

/// Copies the SQLite WAL into the database file every second, beside the writer (a passive
/// checkpoint waits for nobody), until the store is closed.
///
/// Under sustained writes a checkpoint beside the writer never catches up with the end of the
/// WAL, so the WAL never starts over: it grew by a gigabyte a minute at full intake. Once it is
/// past [`WAL_RESTART_FRAMES`], the rest is copied on the writer's own connection, between two
/// of its transactions: short, since the pass beside it copied most, and the next write then
/// starts the WAL from its beginning.
async fn checkpointer(pool: SqlitePool, writer: SqlitePool) {
    const CHECKPOINT: &str = "PRAGMA wal_checkpoint(PASSIVE)";
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if pool.is_closed() {
            return;
        }
        let pass = sqlx::query_as::<_, (i64, i64, i64)>(CHECKPOINT)
            .fetch_one(&pool)
            .await;
        let finish = match pass {
            Ok((_, frames, _)) if frames > WAL_RESTART_FRAMES => {
                sqlx::query(CHECKPOINT).execute(&writer).await.map(drop)
            }
            other => other.map(drop),
        };
        if let Err(e) = finish {
            if pool.is_closed() || writer.is_closed() {
                return;
            }
            tracing::warn!(error = %e, "WAL checkpoint failed; retrying");
        }
    }
}

/// Milliseconds since the Unix epoch, as stored.
pub(crate) fn to_millis(t: time::OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

pub(crate) fn from_millis(ms: i64) -> Result<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {ms}: {e}")))
}
