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

/// A case action and the job it starts are one transaction: the process dies (as with
/// `kill -9`) just before an assessment of a traced case commits (with the referral it
/// decides and its notice job), and then just after. After each restart the assessment, the
/// referred case and its notice job are all there or all absent, never one without the others.
#[tokio::test]
async fn a_crash_between_a_move_and_its_job_leaves_both_or_neither() {
    use crate::staff::{Account, Browser};
    each_engine(|db| async move {
        let ann = Account::add(&db, "ann", "analyst");
        let mut server = Server::start(&db, &Options::default());
        for path in ["a", "b"] {
            let r = client()
                .post(server.url("/api/v1/reports"))
                .json(&report_json(&[&format!("http://192.0.2.70/{path}")]))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
        }
        let store = crate::support::open_store(&db).await;
        for id in [1, 2] {
            crate::support::place_case(
                &store,
                id,
                "192.0.2.70",
                "BE",
                Some("abuse@host.example.com"),
            )
            .await;
        }
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        server.kill();

        // (case, failpoint, whether the referral committed)
        for (id, point, committed) in [
            (1_i64, "case_move_before_commit", false),
            (2, "case_move_after_commit", true),
        ] {
            let options = Options {
                env: vec![("HOTLINE_FAILPOINT", point)],
                ..Options::default()
            };
            let mut dying = Server::start(&db, &options);
            a.switch_to(&dying);
            // The hosting is traced, so the assessment refers the case in its own
            // transaction: the assessment, the move and its notice job commit together.
            let answer = a
                .try_post(
                    &format!("/staff/cases/{id}/assessment"),
                    &crate::staff::national_assessment(&csrf),
                )
                .await;
            assert!(
                answer.is_none(),
                "{}: {point}: the process answered {answer:?}",
                db.engine
            );
            let status = dying.wait_for_exit(Duration::from_secs(30));
            assert!(
                !status.success(),
                "{}: the failpoint {point} did not stop the process",
                db.engine
            );

            // A restart finds the move and its job together, or neither.
            let restarted = Server::start(&db, &Options::default());
            let state = store.case_summary(id).await.unwrap().unwrap().state;
            let jobs = store.jobs_of_case(id).await.unwrap();
            let notice = jobs.iter().any(|j| j.kind == "notice");
            let legs: Vec<String> = store
                .case_timeline(id)
                .await
                .unwrap()
                .into_iter()
                .map(|(_, k)| k.to_string())
                .collect();
            let referred = legs.iter().any(|l| l == "referred_police");
            let assessed = legs.iter().any(|l| l == "assessed");
            if committed {
                assert_eq!(
                    state,
                    hotline_domain::CaseState::Referred,
                    "{}: {point}",
                    db.engine
                );
                assert!(
                    notice && referred && assessed,
                    "{}: {point}: the move without its job: {jobs:?} {legs:?}",
                    db.engine
                );
            } else {
                // Taken into assessment (its own transaction, before), nothing after.
                assert_eq!(
                    state,
                    hotline_domain::CaseState::InAssessment,
                    "{}: {point}",
                    db.engine
                );
                assert!(
                    !notice && !referred && !assessed,
                    "{}: {point}: a job without its move: {jobs:?} {legs:?}",
                    db.engine
                );
            }
            drop(restarted);
        }
        store.close().await;
        db
    })
    .await;
}
