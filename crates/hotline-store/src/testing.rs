//! Throw-away databases for test suites: an SQLite file in a fresh temporary directory, and,
//! when `HOTLINE_TEST_POSTGRES_URL` names a server, a fresh PostgreSQL database on it. Both
//! are removed by [`TestDatabase::remove`].
//!
//! Also how a suite says that it did not run: [`skipped_test`] and [`skipped_part`] write a
//! `SKIPPED` line past libtest's output capture, so a plain `cargo test` shows what was left
//! out and which variable turns it on, and `.ci/run` counts it as skipped, not passed.

use std::path::PathBuf;

use sqlx::Connection;
use sqlx::postgres::PgConnection;

/// The variable that turns the PostgreSQL suites on.
pub const POSTGRES_ENV: &str = "HOTLINE_TEST_POSTGRES_URL";

/// Says that the running test returns without testing anything, and why (e.g. `"set
/// HOTLINE_TEST_E2E=1"`). Call it just before the early `return`.
pub fn skipped_test(why: &str) {
    say_skipped(&format!("SKIPPED test {}: {why}\n", test_name()));
}

/// Says that one part of the running test (e.g. `"its PostgreSQL run"`) was left out, and why;
/// the rest of the test still ran.
pub fn skipped_part(part: &str, why: &str) {
    say_skipped(&format!("SKIPPED part of {}: {part}, {why}\n", test_name()));
}

/// libtest runs each test on a thread named after it.
fn test_name() -> String {
    std::thread::current().name().unwrap_or("a test").to_owned()
}

/// Straight to the standard error stream, one write: libtest captures only `print!` and
/// `eprint!`, and a passing test's captured output is never shown.
fn say_skipped(line: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// The reason given when the PostgreSQL run of a test is left out.
pub const POSTGRES_SKIP: &str = "set HOTLINE_TEST_POSTGRES_URL to run it";

/// One database made for one test.
#[derive(Debug)]
pub struct TestDatabase {
    /// `sqlite` or `postgres`, for messages.
    pub engine: &'static str,
    /// What to pass to `Store::open` or `--database`.
    pub url: String,
    /// A fresh directory the test may use as a data dir; removed with the database.
    pub dir: PathBuf,
    postgres: Option<(String, String)>,
}

fn fresh_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hotline-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("cannot create a temporary directory");
    // Private, like a real data directory (the server warns otherwise).
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    dir
}

impl TestDatabase {
    /// A new SQLite database file.
    pub fn sqlite() -> TestDatabase {
        let dir = fresh_dir();
        TestDatabase {
            engine: "sqlite",
            url: dir.join("hotline.db").to_string_lossy().into_owned(),
            dir,
            postgres: None,
        }
    }

    /// A new PostgreSQL database on the server at `admin_url`.
    pub async fn postgres(admin_url: &str) -> TestDatabase {
        let name = format!("hotline_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(admin_url).await.unwrap_or_else(|e| {
            panic!("{POSTGRES_ENV} is set but PostgreSQL does not answer: {e}")
        });
        // The name is ours (a UUID), never input.
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .expect("cannot create a test database");
        let _ = admin.close().await;
        let (base, _) = admin_url
            .rsplit_once('/')
            .expect("a PostgreSQL URL has a path");
        TestDatabase {
            engine: "postgres",
            url: format!("{base}/{name}"),
            dir: fresh_dir(),
            postgres: Some((admin_url.to_owned(), name)),
        }
    }

    /// SQLite always; PostgreSQL too when `HOTLINE_TEST_POSTGRES_URL` is set.
    pub async fn all() -> Vec<TestDatabase> {
        let mut v = vec![TestDatabase::sqlite()];
        match std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) {
            Some(url) => v.push(TestDatabase::postgres(&url).await),
            None => skipped_part("its PostgreSQL run", POSTGRES_SKIP),
        }
        v
    }

    /// Drops the database and removes the directory.
    pub async fn remove(self) {
        if let Some((admin_url, name)) = &self.postgres
            && let Ok(mut admin) = PgConnection::connect(admin_url).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
