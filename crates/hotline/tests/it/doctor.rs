//! `hotline doctor` on a healthy installation passes, and finds each of: a key file readable
//! by others, a missing migration, an IP database older than its configured limit; each with
//! a fix, and exit status 1.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::support::{BIN, each_engine, hotline, raw_sql};

/// Runs `hotline doctor` offline with `env`; returns its exit code and output.
fn doctor(
    db: &hotline_store::testing::TestDatabase,
    env: &[(&str, &str)],
) -> (Option<i32>, String) {
    let mut cmd = Command::new(BIN);
    cmd.arg("doctor")
        .arg("--data-dir")
        .arg(&db.dir)
        .args(["--database", &db.url])
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        // The embedded IP database's age is the age of its source data; the healthy run
        // must not depend on the day the tests run.
        .env("HOTLINE_DOCTOR__IP_DATABASE_MAX_AGE_DAYS", "100000")
        .env("HOTLINE_DOCTOR__MIN_FREE_DISK_MB", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[tokio::test]
async fn doctor_passes_a_healthy_installation_and_names_each_problem_with_a_fix() {
    each_engine(|db| async move {
        assert!(hotline(&db, &["migrate"]).status.success());
        let (code, out) = doctor(&db, &[]);
        assert_eq!(code, Some(0), "{}: {out}", db.engine);
        assert!(out.contains("all checks passed"), "{out}");
        assert!(out.contains("skip  SMTP: network.offline"), "{out}");

        // A key file others can read.
        let keys = db.dir.join("keys.json");
        std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (code, out) = doctor(&db, &[]);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains("FAIL  key file"), "{out}");
        assert!(out.contains("readable by other users (mode 644)"), "{out}");
        assert!(
            out.contains(&format!("fix: chmod 600 {}", keys.display())),
            "{out}"
        );
        std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o600)).unwrap();

        // A migration the database lacks.
        raw_sql(&db, "DELETE FROM _sqlx_migrations WHERE version = 11").await;
        let (code, out) = doctor(&db, &[]);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            out.contains("FAIL  migrations: not applied: 0011 operators"),
            "{out}"
        );
        assert!(out.contains("fix: run `hotline migrate`"), "{out}");
        db
    })
    .await;
}

#[tokio::test]
async fn doctor_finds_an_ip_database_older_than_its_limit() {
    each_engine(|db| async move {
        assert!(hotline(&db, &["migrate"]).status.success());
        let (code, out) = doctor(&db, &[("HOTLINE_DOCTOR__IP_DATABASE_MAX_AGE_DAYS", "1")]);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            out.contains("FAIL  IP database: the embedded IP database"),
            "{out}"
        );
        assert!(
            out.contains("the limit (doctor.ip_database_max_age_days) is 1"),
            "{out}"
        );
        assert!(out.contains("fix: download a current MMDB"), "{out}");
        // Everything else is fine: the IP database is the one failure.
        assert_eq!(out.matches("FAIL").count(), 1, "{out}");
        db
    })
    .await;
}
