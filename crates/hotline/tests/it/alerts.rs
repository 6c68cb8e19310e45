//! Urgent alerts: a report flagged "a child is in immediate danger" reaches the on-call
//! address over SMTP (a sink on loopback) and the web hook (a server on loopback) with the
//! case number and a link, and without the reported address, the description or the
//! reporter's contact. The alert job is committed
//! with the report: a server stopped before it could send still sends it after a restart.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{Options, Server, client, each_engine, open_store};

fn options(smtp: &'static str, workers: &'static str) -> Options {
    Options {
        env: vec![
            ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
            ("HOTLINE_NOTICES__SMTP_URL", smtp),
            ("HOTLINE_NOTICES__FROM", "notices@hotline.test"),
            ("HOTLINE_ALERTS__ON_CALL", "[\"oncall@hotline.test\"]"),
            ("HOTLINE_ALERTS__STAFF_URL", "https://staff.hotline.test"),
            ("HOTLINE_WORKERS", workers),
        ],
        ..Options::default()
    }
}

async fn report(server: &Server, urgent: bool, path: &str) {
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({
            "urls": [format!("http://192.0.2.77/{path}")],
            "where_found": "website",
            "urgent": urgent,
            "description": "REPORTER-WORDS about what was seen",
            "contact": {"name": "Reporter Name", "email": "reporter@example.com"}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
}

/// A web hook receiver on loopback: keeps the body of every POST.
async fn hook_sink() -> (String, Arc<Mutex<Vec<String>>>) {
    let got = Arc::new(Mutex::new(Vec::new()));
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| {
            let keep = keep.clone();
            async move {
                keep.lock().unwrap().push(body);
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://127.0.0.1:{port}/hook"), got)
}

const SECRETS: [&str; 6] = [
    "192.0.2.77",
    "SECRET-PATH",
    "ordinary-page",
    "REPORTER-WORDS",
    "Reporter Name",
    "reporter@example.com",
];

#[tokio::test]
async fn an_urgent_report_alerts_the_on_call_address_with_a_link_only() {
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
        let (hook, hooked) = hook_sink().await;
        let mut opts = options(smtp, "2");
        opts.env
            .push(("HOTLINE_ALERTS__WEBHOOK", Box::leak(hook.into_boxed_str())));
        let server = Server::start(&db, &opts);
        // An ordinary report first: it alerts nobody.
        report(&server, false, "ordinary-page").await;
        report(&server, true, "SECRET-PATH-77").await;

        let deadline = Instant::now() + Duration::from_secs(60);
        while inbox.lock().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "{}: no alert arrived", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Give a stray second message (an alert for the ordinary report) time to show up.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let got = inbox.lock().unwrap().clone();
        assert_eq!(
            got.len(),
            1,
            "{}: one alert, for the urgent report only",
            db.engine
        );
        let m = &got[0];
        assert_eq!(m.to, ["<oncall@hotline.test>"]);
        let data = &m.data;
        assert!(data.contains("URGENT"), "{data}");
        assert!(
            data.contains("https://staff.hotline.test/staff/cases/2"),
            "{data}"
        );
        for secret in SECRETS {
            assert!(
                !data.contains(secret),
                "{}: the alert leaks {secret}: {data}",
                db.engine
            );
        }

        // The web hook got one message too, with the same case and link, and nothing more.
        while hooked.lock().unwrap().is_empty() {
            assert!(
                Instant::now() < deadline,
                "{}: the web hook got nothing",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let hooks = hooked.lock().unwrap().clone();
        assert_eq!(hooks.len(), 1, "{}: {hooks:?}", db.engine);
        let message: serde_json::Value = serde_json::from_str(&hooks[0]).unwrap();
        assert_eq!(message["event"], "urgent_report");
        assert_eq!(
            message["cases"],
            json!([{ "case": 2, "url": "https://staff.hotline.test/staff/cases/2" }])
        );
        for secret in SECRETS {
            assert!(!hooks[0].contains(secret), "the web hook got {secret}");
        }
        db
    })
    .await;
}

#[tokio::test]
async fn an_alert_queued_before_a_crash_is_sent_after_the_restart() {
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
        // No workers: the report is accepted, the alert can only wait in the queue.
        let mut server = Server::start(&db, &options(smtp, "0"));
        report(&server, true, "kept").await;
        server.kill();
        assert!(inbox.lock().unwrap().is_empty());
        let store = open_store(&db).await;
        let jobs = store.job_counts().await.unwrap();
        assert!(
            jobs.queued >= 2,
            "{}: the trace and the alert wait: {jobs:?}",
            db.engine
        );
        store.close().await;

        let _server = Server::start(&db, &options(smtp, "2"));
        let deadline = Instant::now() + Duration::from_secs(60);
        while inbox.lock().unwrap().is_empty() {
            assert!(
                Instant::now() < deadline,
                "{}: the queued alert was lost",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let data = inbox.lock().unwrap()[0].data.clone();
        assert!(data.contains("/staff/cases/1"), "{data}");
        assert!(!data.contains("192.0.2.77") && !data.contains("REPORTER-WORDS"));
        db
    })
    .await;
}
