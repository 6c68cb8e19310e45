//! Anonymity by construction: whatever a reporter's connection or headers say, their address
//! ends up nowhere: not in the data directory, not in the database, not in the logs. What they
//! wrote is sealed at rest. And SIGTERM lets the server finish and exit cleanly.

use std::net::{IpAddr, Ipv4Addr};

use reqwest::StatusCode;
use serde_json::json;
use sqlx::Connection;

use crate::support::{Options, Server, each_engine, files_below, input_value, receipt_on};

/// The test client connects from this loopback address, which appears nowhere else.
const CLIENT_IP: &str = "127.0.0.77";
const FORWARDED_IPS: [&str; 3] = ["203.0.113.77", "198.51.100.77", "192.0.2.77"];
const DESCRIPTION: &str = "UNIQUE-DESCRIPTION-MARKER seen on a board";
const EMAIL: &str = "reporter-marker@example.com";
const NAME: &str = "Reporter Marker Name";

fn proxy_headers() -> reqwest::header::HeaderMap {
    let mut h = reqwest::header::HeaderMap::new();
    h.insert("x-forwarded-for", FORWARDED_IPS[0].parse().unwrap());
    h.insert(
        "forwarded",
        format!("for={}", FORWARDED_IPS[1]).parse().unwrap(),
    );
    h.insert("x-real-ip", FORWARDED_IPS[2].parse().unwrap());
    h
}

/// Everything a PostgreSQL database holds, as text.
async fn postgres_dump(url: &str) -> String {
    let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut dump = String::new();
    for t in tables {
        // Table names come from the catalogue, not from input.
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT row_to_json(t)::text FROM \"{t}\" t"
        )))
        .fetch_all(&mut conn)
        .await
        .unwrap();
        dump.push_str(&rows.join("\n"));
    }
    dump
}

#[tokio::test]
async fn no_trace_of_who_reported_and_what_they_wrote_in_clear() {
    each_engine(|db| async move {
        let mut server = Server::start(
            &db,
            &Options {
                log_filter: "debug",
                ..Options::default()
            },
        );
        let _ = rustls::crypto::ring::default_provider().install_default();
        let c = reqwest::Client::builder()
            .local_address(IpAddr::V4(CLIENT_IP.parse::<Ipv4Addr>().unwrap()))
            .default_headers(proxy_headers())
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap();
        let mut receipts = Vec::new();

        let form = c
            .get(server.url("/en/report"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = input_value(&form, "form_token");
        let done = c
            .post(server.url("/en/report"))
            .form(&[
                ("urls", "example.com/anon-form"),
                ("where_found", "website"),
                ("description", DESCRIPTION),
                ("contact_name", NAME),
                ("contact_email", EMAIL),
                ("police_may_contact", "yes"),
                ("form_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert!(done.headers().get("set-cookie").is_none());
        assert_eq!(done.status(), StatusCode::OK);
        receipts.push(receipt_on(&done.text().await.unwrap()));

        let api = c
            .post(server.url("/api/v1/reports"))
            .json(&json!({
                "urls": ["example.com/anon-api"],
                "where_found": "chat",
                "description": DESCRIPTION,
                "contact": {"name": NAME, "email": EMAIL}
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), StatusCode::CREATED);
        let body: serde_json::Value = api.json().await.unwrap();
        receipts.push(body["receipt"].as_str().unwrap().to_owned());
        for r in &receipts {
            let s = c
                .post(server.url("/api/v1/receipts/status"))
                .json(&json!({"receipt": r}))
                .send()
                .await
                .unwrap();
            assert_eq!(s.status(), StatusCode::OK);
        }
        // Failed requests must not log the client either.
        let bad = c
            .post(server.url("/api/v1/reports"))
            .body("{")
            .header("content-type", "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

        let exit = server.terminate();
        assert!(exit.success(), "SIGTERM ends the server cleanly: {exit:?}");
        let logs = server.logs();
        assert!(logs.contains("stopped"), "{logs}");
        assert!(
            logs.contains("/api/v1/reports"),
            "requests are logged, so the grep below means something"
        );

        let mut stored = Vec::new();
        for f in files_below(&db.dir) {
            stored.extend(std::fs::read(&f).unwrap());
            stored.push(b'\n');
        }
        if db.engine == "postgres" {
            stored.extend(postgres_dump(&db.url).await.into_bytes());
        }
        let stored = String::from_utf8_lossy(&stored).into_owned();
        assert!(
            stored.contains("http://example.com/anon-form"),
            "{}: the dump holds the case",
            db.engine
        );

        let mut secrets: Vec<&str> = vec![
            CLIENT_IP,
            DESCRIPTION,
            EMAIL,
            NAME,
            "UNIQUE-DESCRIPTION-MARKER",
        ];
        secrets.extend(FORWARDED_IPS);
        for r in &receipts {
            secrets.push(r);
            secrets.push(&r[..9]);
        }
        for s in &secrets {
            assert!(!stored.contains(s), "{}: the data holds {s:?}", db.engine);
            assert!(!logs.contains(s), "{}: the logs hold {s:?}", db.engine);
        }

        // Sealed, the details still say who agreed to police contact: the form's box was ticked,
        // the API call said nothing.
        let store = hotline_store::Store::open(
            &db.url,
            std::sync::Arc::new(hotline_store::Keyring::load_or_create(&db.dir).unwrap()),
        )
        .await
        .unwrap();
        let consent = |case_id| {
            let store = &store;
            async move {
                let file = store
                    .case_file(case_id, false, hotline_domain::ContactView::All)
                    .await
                    .unwrap()
                    .unwrap();
                let contact = file.reports[0].contact.clone().unwrap();
                assert_eq!(contact.email.as_deref(), Some(EMAIL));
                contact.police_may_contact
            }
        };
        assert!(consent(1).await && !consent(2).await);
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn first_start_creates_a_private_data_dir_with_keys_and_config() {
    use std::os::unix::fs::PermissionsExt;
    let base =
        std::env::temp_dir().join(format!("hotline-first-{}", uuid::Uuid::new_v4().simple()));
    let data = base.join("nested").join("data");
    let mut server = Server::start_in(&data, None, &Options::default());
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("keys.json")), 0o600);
    assert!(data.join("hotline.db").exists());
    let toml = std::fs::read_to_string(data.join("hotline.toml")).unwrap();
    assert!(toml.contains("#procedure = \"assess\""));
    let keys = std::fs::read_to_string(data.join("keys.json")).unwrap();
    assert!(server.terminate().success());
    let logs = server.logs();
    for line in keys.lines().filter(|l| l.contains("key")) {
        if let Some(hex) = line.split('"').nth(3).filter(|h| h.len() == 64) {
            assert!(!logs.contains(hex), "a key was logged");
        }
    }
    // A second start reuses the same keys and data.
    let mut again = Server::start_in(&data, None, &Options::default());
    assert!(again.terminate().success());
    assert_eq!(
        std::fs::read_to_string(data.join("keys.json")).unwrap(),
        keys
    );
    let _ = std::fs::remove_dir_all(base);
}
