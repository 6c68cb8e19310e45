//! Backups, restores, the start-up integrity check, retention and key rotation (issue 8).

use std::process::Command;

use hotline_store::testing::TestDatabase;

use crate::support::{BIN, Options, Server, cli, client, each_engine, hotline, report_json};

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
        String::from_utf8_lossy(&out.stderr).contains("key file"),
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
        String::from_utf8_lossy(&out.stderr).contains("not a database"),
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

#[tokio::test]
async fn keys_rotate_while_reports_arrive_and_every_sealed_field_reads_without_the_old_key() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let mut receipts = post_reports(&server, 20, "old-key").await;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let load = {
            let base = server.base.clone();
            let stop = stop.clone();
            tokio::spawn(async move {
                let http = client();
                let mut receipts = Vec::new();
                let mut i = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let mut body = report_json(&[&format!("http://load-{i}.example.test/")]);
                    body["description"] = serde_json::json!("written during the rotation");
                    body["contact"] = serde_json::json!({"email": "load@example.test"});
                    let res = http
                        .post(format!("{base}/api/v1/reports"))
                        .json(&body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(
                        res.status(),
                        201,
                        "{}",
                        res.text().await.unwrap_or_default()
                    );
                    let v: serde_json::Value = res.json().await.unwrap();
                    receipts.push(v["receipt"].as_str().unwrap().to_owned());
                    i += 1;
                }
                receipts
            })
        };
        let dir = db.dir.clone();
        let url = db.url.clone();
        let out = tokio::task::spawn_blocking(move || {
            Command::new(BIN)
                .args(["keys", "rotate", "--retire", "--data-dir"])
                .arg(&dir)
                .args(["--database", &url])
                .env("HOTLINE_NETWORK__OFFLINE", "true")
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("field key 1 removed"), "{text}");
        // More reports after the rotation, sealed with the new key by the running server.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let during = load.await.unwrap();
        assert!(!during.is_empty(), "reports arrived during the rotation");
        receipts.extend(during);
        let keys: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(db.dir.join("keys.json")).unwrap())
                .unwrap();
        assert_eq!(keys["current_field_key"], 2);
        assert_eq!(
            keys["field_keys"].as_object().unwrap().len(),
            1,
            "only the new key is left: {keys}"
        );
        let check = cli(&db, &["keys", "check"]);
        assert!(check.contains("sealed values open"), "{check}");
        let n: u64 = check
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(n >= receipts.len() as u64 * 3, "{check}");
        for r in &receipts {
            assert!(status_of(&server, r).await.is_ok(), "{r}");
        }
        drop(server);
        db
    })
    .await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_metrics_stay_local() {
    let db = TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    post_reports(&server, 2, "metrics-secret").await;
    let http = client();
    for path in ["/en/", "/en/report", "/api/v1/nothing", "/staff/login"] {
        let res = http.get(server.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(
            !csp.contains("script-src") || !csp.contains("'unsafe"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "{path}: no HSTS over plain HTTP"
        );
    }
    let res = http.get(server.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(text.contains("hotline_reports_stored 2"), "{text}");
    assert!(text.contains("hotline_reports_accepted_total 2"), "{text}");
    assert!(
        !text.contains("metrics-secret") && !text.contains("127.0.0.1"),
        "{text}"
    );
    // Relayed by a proxy on loopback: not local, refused.
    let res = http
        .get(server.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    drop(server);

    // Behind TLS (configured), HSTS; with a token, metrics from anywhere.
    let options = Options {
        env: vec![
            ("HOTLINE_HTTP__HSTS", "true"),
            ("HOTLINE_HTTP__METRICS_TOKEN", "a-metrics-token"),
        ],
        ..Options::default()
    };
    let server = Server::start(&db, &options);
    let res = http.get(server.url("/en/")).send().await.unwrap();
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
    let res = http
        .get(server.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .bearer_auth("a-metrics-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = http
        .get(server.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    drop(server);
    db.remove().await;
}

#[tokio::test]
async fn the_privacy_page_states_the_configured_periods() {
    let db = TestDatabase::sqlite();
    let options = Options {
        env: vec![
            ("HOTLINE_RETENTION__CONTACT_DAYS", "45"),
            ("HOTLINE_RETENTION__AUDIT_DAYS", "0"),
        ],
        ..Options::default()
    };
    let server = Server::start(&db, &options);
    let html = client()
        .get(server.url("/en/info/privacy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("your name and email for 45 days"), "{html}");
    assert!(
        html.contains("our audit trail for as long as the hotline exists"),
        "{html}"
    );
    drop(server);
    db.remove().await;
}

#[tokio::test]
async fn retention_run_dry_run_and_real_run_print_the_same_counts() {
    let db = TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    post_reports(&server, 3, "retained").await;
    drop(server);
    // Make the reports old: 200 days before now.
    crate::support::raw_sql(
        &db,
        "UPDATE reports SET received_at = received_at - 200 * 86400000",
    )
    .await;
    let dry = cli(&db, &["retention", "run", "--dry-run"]);
    assert!(dry.contains("would erase"), "{dry}");
    let real = cli(&db, &["retention", "run"]);
    let counts = |s: &str| -> Vec<String> {
        s.lines()
            .skip(1)
            .map(|l| l.split_whitespace().last().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(counts(&dry), counts(&real), "{dry}\n{real}");
    assert!(real.contains("reporter contact details   3"), "{real}");
    let again = cli(&db, &["retention", "run", "--dry-run"]);
    assert!(again.contains("total                      0"), "{again}");
    let verify = cli(&db, &["audit", "verify"]);
    assert!(!verify.is_empty());
    db.remove().await;
}

#[tokio::test]
async fn the_api_asks_for_proof_of_work_when_configured() {
    let db = TestDatabase::sqlite();
    let options = Options {
        env: vec![("HOTLINE_HTTP__API_POW_BITS", "10")],
        ..Options::default()
    };
    let server = Server::start(&db, &options);
    let body = serde_json::to_vec(&report_json(&["http://pow.example.test/"])).unwrap();
    let post = |proof: Option<String>| {
        let mut req = client()
            .post(server.url("/api/v1/reports"))
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(p) = proof {
            req = req.header("x-hotline-pow", p);
        }
        req.send()
    };
    let res = post(None).await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("X-Hotline-Pow"));
    let minute = time::OffsetDateTime::now_utc().unix_timestamp() / 60;
    let res = post(Some(format!("{}:0", minute - 10))).await.unwrap();
    assert_eq!(res.status(), 403);
    let proof = hotline_domain::pow::solve(10, &body, minute);
    let res = post(Some(proof)).await.unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    drop(server);
    db.remove().await;
}

/// Waits, if need be, until the current minute has at least `secs` seconds left, so a short
/// test of a per-minute budget runs inside one window (no assertion depends on timing).
async fn with_minute_left(secs: i64) {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let left = 60 - now.rem_euclid(60);
    if left < secs {
        tokio::time::sleep(std::time::Duration::from_secs(left as u64 + 1)).await;
    }
}

#[tokio::test]
async fn two_app_servers_share_one_global_intake_limit_and_staff_pages_stay_open() {
    each_engine(|db| async move {
        let options = Options {
            env: vec![("HOTLINE_INTAKE__GLOBAL_RATE_LIMIT_PER_MINUTE", "3")],
            ..Options::default()
        };
        let a = Server::start(&db, &options);
        let b = Server::start(&db, &options);
        let analyst = crate::staff::Account::add(&db, "ann", "analyst");
        let http = client();
        with_minute_left(15).await;
        // Three reports across both servers are taken…
        for server in [&a, &b, &a] {
            let res = http
                .post(server.url("/api/v1/reports"))
                .json(&report_json(&["http://global.example.test/"]))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201, "{}", db.engine);
        }
        // …and the fourth, on either, is refused until the next minute, in JSON…
        let res = http
            .post(b.url("/api/v1/reports"))
            .json(&report_json(&["http://global.example.test/more"]))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 429, "{}", db.engine);
        let retry: u32 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&retry), "{retry}");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "rate_limited");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("more reports than it can take"),
            "{message}"
        );
        // …and in HTML, keeping what was typed.
        let form = http.get(a.url("/en/report")).send().await.unwrap();
        let token = crate::support::input_value(&form.text().await.unwrap(), "form_token");
        let res = http
            .post(a.url("/en/report"))
            .form(&[
                ("urls", "example.test/form"),
                ("where_found", "website"),
                ("description", "typed before the flood"),
                ("form_token", token.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 429);
        assert!(res.headers().contains_key("retry-after"));
        let html = res.text().await.unwrap();
        assert!(
            html.contains("typed before the flood")
                && html.contains("more reports than it can take"),
            "{html}"
        );
        // Staff are not limited: sign-in and the queue work on both servers.
        for (step, server) in [&a, &b].into_iter().enumerate() {
            // A TOTP code works once: the second sign-in uses the next step's code.
            let mut browser = crate::staff::Browser::new(server);
            let signed_in = browser.login(&analyst, step as i64).await;
            assert_eq!(signed_in.status, 303, "{}", signed_in.body);
            let queue = browser.get("/staff/").await;
            assert_eq!(queue.status, 200, "{}", db.engine);
            assert!(queue.body.contains("global.example.test"), "{}", db.engine);
        }
        // Exactly three reports were stored, whatever server took them.
        let store = crate::support::open_store(&db).await;
        assert_eq!(store.counts().await.unwrap().reports, 3, "{}", db.engine);
        store.close().await;
        drop((a, b));
        db
    })
    .await;
}

/// Whether `program` runs here (`program --version`).
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[tokio::test]
async fn a_postgres_dump_restores_into_a_fresh_database_with_every_receipt() {
    let Some(admin) = std::env::var(hotline_store::testing::POSTGRES_ENV)
        .ok()
        .filter(|u| !u.is_empty())
    else {
        hotline_store::testing::skipped_test(hotline_store::testing::POSTGRES_SKIP);
        return;
    };
    if !have("pg_dump") || !have("pg_restore") {
        assert!(
            std::env::var_os("HOTLINE_TEST_E2E").is_none(),
            "HOTLINE_TEST_E2E is set but pg_dump/pg_restore are missing (install postgresql-client)"
        );
        hotline_store::testing::skipped_test(
            "pg_dump or pg_restore is missing (install postgresql-client)",
        );
        return;
    }
    let db = TestDatabase::postgres(&admin).await;
    let server = Server::start(&db, &Options::default());
    let receipts = post_reports(&server, 20, "pg-backup").await;
    // The dump is taken while the server runs, as an operator would (pg_dump reads one
    // consistent snapshot).
    let dump = db.dir.join("hotline.dump");
    let out = Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(&dump)
        .arg(format!("--dbname={}", db.url))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    drop(server);

    // A fresh, empty database and data directory, with the key file carried over separately.
    let restored = TestDatabase::postgres(&admin).await;
    let out = Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error"])
        .arg(format!("--dbname={}", restored.url))
        .arg(&dump)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::copy(db.dir.join("keys.json"), restored.dir.join("keys.json")).unwrap();
    let check = cli(&restored, &["keys", "check"]);
    assert!(check.contains("sealed values open"), "{check}");
    let verify = cli(&restored, &["audit", "verify"]);
    assert!(!verify.is_empty());

    let server = Server::start(&restored, &Options::default());
    for r in &receipts {
        assert_eq!(
            status_of(&server, r).await,
            Ok("received".to_owned()),
            "{r}"
        );
    }
    // The restored hotline takes new reports (its id sequences came along).
    let new = post_reports(&server, 3, "after-restore").await;
    for r in &new {
        assert!(status_of(&server, r).await.is_ok(), "{r}");
    }
    drop(server);
    db.remove().await;
    restored.remove().await;
}
