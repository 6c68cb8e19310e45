//! A `201` means committed: killing the server with SIGKILL in the middle of a stream of
//! reports loses none that was acknowledged.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Options, Server, client, each_engine, report_json};

#[tokio::test]
async fn sigkill_under_load_loses_no_acknowledged_report() {
    each_engine(|db| async move {
        let mut server = Server::start(&db, &Options::default());
        let acked: Arc<Mutex<Vec<String>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..8)
            .map(|worker| {
                let (url, acked, stop) =
                    (server.url("/api/v1/reports"), acked.clone(), stop.clone());
                tokio::spawn(async move {
                    let c = client();
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        n += 1;
                        let body = report_json(&[
                            &format!("example.com/{worker}/{n}"),
                            "example.com/shared",
                        ]);
                        match c.post(&url).json(&body).send().await {
                            Ok(r) if r.status() == StatusCode::CREATED => {
                                if let Ok(v) = r.json::<Value>().await {
                                    acked
                                        .lock()
                                        .unwrap()
                                        .push(v["receipt"].as_str().unwrap().to_owned());
                                }
                            }
                            Ok(_) => {}
                            Err(_) => break, // the server is gone
                        }
                    }
                })
            })
            .collect();
        // Kill while requests are in flight, once a fair number has been acknowledged.
        for _ in 0..600 {
            if acked.lock().unwrap().len() >= 150 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server.kill();
        stop.store(true, Ordering::Relaxed);
        for c in clients {
            c.await.unwrap();
        }
        let acked = acked.lock().unwrap().clone();
        assert!(
            acked.len() >= 150,
            "{}: only {} reports acknowledged",
            db.engine,
            acked.len()
        );

        let server = Server::start(&db, &Options::default());
        let c = client();
        for receipt in &acked {
            let r = c
                .post(server.url("/api/v1/receipts/status"))
                .json(&json!({ "receipt": receipt }))
                .send()
                .await
                .unwrap();
            assert_eq!(
                r.status(),
                StatusCode::OK,
                "{}: acknowledged receipt {receipt} was lost",
                db.engine
            );
        }
        eprintln!(
            "{}: {} acknowledged reports survived SIGKILL",
            db.engine,
            acked.len()
        );
        db
    })
    .await;
}
