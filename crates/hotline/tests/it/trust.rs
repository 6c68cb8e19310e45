//! Backups, restores, the start-up integrity check, retention and key rotation (issue 8).

use std::process::Command;

use hotline_store::testing::TestDatabase;

use crate::support::{BIN, Options, Server, cli, client, hotline, report_json};

/// Posts `n` reports through the API and returns their receipts.
async fn post_reports(server: &Server, n: usize, tag: &str) -> Vec<String> {
    let http = client();
    let mut receipts = Vec::new();
    for i in 0..n {
        let url = format!("http://{tag}-{i}.example.test/page");
        let mut body = report_json(&[&url]);
        body["description"] = serde_json::json!(format!("description {tag} {i}"));
        body["contact"] =
            serde_json::json!({"name": format!("Reporter {i}"), "email": "r@example.test"});
        let res = http
            .post(server.url("/api/v1/reports"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        let v: serde_json::Value = res.json().await.unwrap();
        receipts.push(v["receipt"].as_str().unwrap().to_owned());
    }
    receipts
}

/// The status API's answer for a receipt (200 and a status, or the HTTP code).
async fn status_of(server: &Server, receipt: &str) -> Result<String, u16> {
    let res = client()
        .post(server.url("/api/v1/receipts/status"))
        .json(&serde_json::json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap();
    if res.status() != 200 {
        return Err(res.status().as_u16());
    }
    let v: serde_json::Value = res.json().await.unwrap();
    Ok(v["status"].as_str().unwrap().to_owned())
}

fn run_in(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("HOTLINE_DATABASE_URL")
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        .output()
        .unwrap()
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_into_a_fresh_data_dir_with_every_receipt() {
    let db = TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    let mut receipts = post_reports(&server, 20, "before").await;
    // Reports keep arriving while the backup is taken; those acknowledged before it began
    // must all be in it.
    let during = {
        let base = server.base.clone();
        tokio::spawn(async move {
            let http = client();
            for i in 0..30 {
                let _ = http
                    .post(format!("{base}/api/v1/reports"))
                    .json(&report_json(&[&format!("http://during-{i}.example.test/")]))
                    .send()
                    .await;
            }
        })
    };
    let backup = db.dir.join("backup.db");
    let out = cli(&db, &["backup", backup.to_str().unwrap()]);
    assert!(out.contains("backup written"), "{out}");
    during.await.unwrap();
    // A second backup to the same name is refused rather than overwritten.
    let again = hotline(&db, &["backup", backup.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    // A fresh data directory: without the key file the restore refuses and says why.
    let fresh = tempfile::tempdir().unwrap();
    let data = fresh.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let out = run_in(&data, &["restore", backup.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("keys.json"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A key file that does not belong to the backup is refused too.
    let stranger = tempfile::tempdir().unwrap();
    hotline_store::Keyring::load_or_create(stranger.path()).unwrap();
    std::fs::copy(stranger.path().join("keys.json"), data.join("keys.json")).unwrap();
    let out = run_in(&data, &["restore", backup.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("field key"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::copy(db.dir.join("keys.json"), data.join("keys.json")).unwrap();
    let out = run_in(&data, &["restore", backup.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Restoring over the now non-empty data directory needs --force.
    let out = run_in(&data, &["restore", backup.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    let out = run_in(&data, &["restore", "--force", backup.to_str().unwrap()]);
    assert!(out.status.success());

    let restored = Server::start_in(&data, None, &Options::default());
    receipts.truncate(20);
    for r in &receipts {
        assert_eq!(
            status_of(&restored, r).await,
            Ok("received".to_owned()),
            "{r}"
        );
    }
    // And the restored hotline takes new reports.
    let new = post_reports(&restored, 1, "after").await;
    assert!(status_of(&restored, &new[0]).await.is_ok());
    drop(server);
    db.remove().await;
}

#[tokio::test]
async fn restore_refuses_a_damaged_or_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    hotline_store::Keyring::load_or_create(&data).unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database at all, only text").unwrap();
    let out = run_in(&data, &["restore", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a readable SQLite database"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !data.join("hotline.db").exists(),
        "nothing was put in place"
    );
}

#[tokio::test]
async fn a_damaged_database_file_stops_start_up_with_a_clear_message() {
    let db = TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    post_reports(&server, 200, "damage").await;
    drop(server);
    cli(&db, &["migrate"]);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.url));
    }
    // Overwrite pages in the middle of the file (not the header) with garbage.
    let path = std::path::Path::new(&db.url);
    let mut bytes = std::fs::read(path).unwrap();
    assert!(bytes.len() > 4 * 4096, "the file has pages to damage");
    let end = bytes.len() - 4096;
    for b in &mut bytes[2 * 4096..end] {
        *b = 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&db.dir)
        .args(["--database", &db.url])
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged") && err.contains("hotline restore"),
        "{err}"
    );
    db.remove().await;
}
