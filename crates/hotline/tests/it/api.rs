//! The public JSON API: intake, status, and every error code with its JSON shape.

use std::collections::HashSet;
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::{Value, json};

use hotline_store::{Keyring, Store};

use crate::support::{Options, Server, client, each_engine, report_json};

async fn post_json(c: &reqwest::Client, url: String, body: &Value) -> (StatusCode, Value) {
    let r = c.post(url).json(body).send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Asserts the docs/SPEC.md §4 error shape and returns the error object.
fn error_of(status: StatusCode, body: &Value, expected: StatusCode, code: &str) -> Value {
    assert_eq!(status, expected, "{body}");
    let e = body["error"].clone();
    assert_eq!(e["code"], code, "{body}");
    assert!(
        e["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    e
}

#[tokio::test]
async fn a_report_made_through_the_api_can_be_followed() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let body = json!({
            "urls": ["Example.com/a", "http://[2001:db8::1]/b", "example.com/a#again"],
            "where_found": "p2p",
            "description": "api words",
            "language": "fr",
            "urgent": true,
            "contact": {"name": "A. Reporter", "email": "a@example.com"}
        });
        let (status, created) = post_json(&c, server.url("/api/v1/reports"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let receipt = created["receipt"].as_str().unwrap();
        assert!(
            receipt.len() == 19 && receipt.split('-').all(|g| g.len() == 4),
            "{receipt}"
        );
        assert!(uuid::Uuid::parse_str(created["report_id"].as_str().unwrap()).is_ok());
        let addresses: Vec<&str> = created["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["address"].as_str().unwrap())
            .collect();
        assert_eq!(
            addresses,
            ["http://example.com/a", "http://[2001:db8::1]/b"]
        );

        let (status, s) = post_json(
            &c,
            server.url("/api/v1/receipts/status"),
            &json!({"receipt": receipt.replace('-', "")}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{s}");
        assert_eq!(s["status"], "received");
        assert_eq!(
            s["updated_at"],
            time::OffsetDateTime::now_utc().date().to_string().as_str()
        );
        assert_eq!(s["messages"], json!([]));

        let (status, s) = post_json(
            &c,
            server.url("/api/v1/receipts/status"),
            &json!({"receipt": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"}),
        )
        .await;
        error_of(status, &s, StatusCode::NOT_FOUND, "not_found");
        db
    })
    .await;
}

#[tokio::test]
async fn every_api_error_has_its_code_and_a_message() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let reports = server.url("/api/v1/reports");

        let raw = |body: &'static str, content_type: &'static str| {
            c.post(&reports).header("content-type", content_type).body(body).send()
        };
        let r = raw("{\"urls\": [", "application/json").await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::BAD_REQUEST, "malformed");

        let r = raw("{\"urls\":[\"example.com\"],\"where_found\":\"website\"} trailing", "application/json").await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::BAD_REQUEST, "malformed");

        let r = raw("urls=example.com", "text/plain").await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");

        let big = json!({"urls": ["example.com"], "where_found": "website", "description": "x".repeat(70 * 1024)});
        let (s, b) = post_json(&c, reports.clone(), &big).await;
        error_of(s, &b, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

        let cases: [(Value, &str); 7] = [
            (json!({"urls": ["javascript:alert(1)"], "where_found": "website"}), "urls[0]"),
            (json!({"urls": ["example.com"]}), "where_found"),
            (json!({"urls": [], "where_found": "website"}), "urls"),
            (json!({"urls": ["example.com"], "where_found": "tv"}), "where_found"),
            (json!({"urls": ["example.com"], "where_found": "website", "colour": "red"}), "colour"),
            (json!({"urls": 5, "where_found": "website"}), "urls"),
            (json!({"urls": ["example.com"], "where_found": "website", "contact": {"email": "nope"}}), "contact.email"),
        ];
        for (body, field) in cases {
            let (s, b) = post_json(&c, reports.clone(), &body).await;
            let e = error_of(s, &b, StatusCode::UNPROCESSABLE_ENTITY, "invalid");
            assert_eq!(e["field"], field, "{body} → {b}");
        }
        let fifty_one: Vec<String> = (0..51).map(|i| format!("example.com/{i}")).collect();
        let (s, b) = post_json(&c, reports.clone(), &json!({"urls": fifty_one, "where_found": "website"})).await;
        assert!(error_of(s, &b, StatusCode::UNPROCESSABLE_ENTITY, "invalid")["message"].as_str().unwrap().contains("at most 50"));

        let two_problems = json!({"urls": ["ftp://", "gopher://example.com"], "where_found": "website"});
        let (s, b) = post_json(&c, reports.clone(), &two_problems).await;
        let e = error_of(s, &b, StatusCode::UNPROCESSABLE_ENTITY, "invalid");
        assert_eq!(e["problems"].as_array().unwrap().len(), 2, "{b}");

        let r = c.post(&reports).bearer_auth("made-up").json(&report_json(&["example.com"])).send().await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::UNAUTHORIZED, "unauthorized");

        let r = c.get(server.url("/api/v1/nothing-here")).send().await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::NOT_FOUND, "not_found");

        let r = c.get(&reports).send().await.unwrap();
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");

        let (s, b) = post_json(&c, server.url("/api/v1/receipts/status"), &json!({"receipt": "ABC"})).await;
        assert_eq!(error_of(s, &b, StatusCode::UNPROCESSABLE_ENTITY, "invalid")["field"], "receipt");

        // After all that hostile input the service still takes reports.
        let (s, _) = post_json(&c, reports, &report_json(&["example.com/still-up"])).await;
        assert_eq!(s, StatusCode::CREATED);
        db
    })
    .await;
}

#[tokio::test]
async fn the_api_is_rate_limited_per_client() {
    each_engine(|db| async move {
        let server = Server::start(
            &db,
            &Options {
                rate_limit_per_minute: 3,
                ..Options::default()
            },
        );
        let c = client();
        for _ in 0..3 {
            let (s, _) = post_json(
                &c,
                server.url("/api/v1/reports"),
                &report_json(&["example.com/rl"]),
            )
            .await;
            assert_eq!(s, StatusCode::CREATED);
        }
        let r = c
            .post(server.url("/api/v1/reports"))
            .json(&report_json(&["example.com/rl"]))
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["retry-after"], "60");
        let (s, b) = (r.status(), r.json::<Value>().await.unwrap());
        error_of(s, &b, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        db
    })
    .await;
}

#[tokio::test]
async fn sixty_four_simultaneous_reports_of_one_address_give_one_case() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let spellings = [
            "http://example.com/one",
            "EXAMPLE.COM/one",
            "http://example.com:80/one#f",
            "http://someone@example.com/one",
            "http://example.com./%6Fne",
            "hxxp://example[.]com/one",
            "http://example.com/a/../one",
            "http:\\\\example.com\\one",
        ];
        let tasks: Vec<_> = (0..64)
            .map(|i| {
                let c = c.clone();
                let url = server.url("/api/v1/reports");
                let body = report_json(&[spellings[i % spellings.len()]]);
                tokio::spawn(async move {
                    let r = c.post(url).json(&body).send().await.unwrap();
                    (r.status(), r.json::<Value>().await.unwrap())
                })
            })
            .collect();
        let mut receipts = HashSet::new();
        for t in tasks {
            let (status, body) = t.await.unwrap();
            assert_eq!(status, StatusCode::CREATED, "{}: {body}", db.engine);
            assert_eq!(body["cases"][0]["address"], "http://example.com/one");
            receipts.insert(body["receipt"].as_str().unwrap().to_owned());
        }
        assert_eq!(receipts.len(), 64);
        let keys = Keyring::load_or_create(&db.dir).unwrap();
        let store = Store::open(&db.url, Arc::new(keys)).await.unwrap();
        let counts = store.counts().await.unwrap();
        assert_eq!((counts.reports, counts.cases), (64, 1), "{}", db.engine);
        store.close().await;
        db
    })
    .await;
}
