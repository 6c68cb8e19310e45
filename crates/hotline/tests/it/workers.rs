//! Background work: a new case is traced by the server's workers, a trace that cannot run
//! fails without its batch, and two `hotline worker` processes on one PostgreSQL database
//! drain a thousand jobs, each done exactly once.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use hotline_store::testing::TestDatabase;

use crate::staff::{Account, Browser, PASSWORD};
use crate::support::{BIN, Options, Server, client, each_engine, input_value, open_store};

#[tokio::test]
async fn a_new_case_is_traced_in_the_background_and_shown_to_staff() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ann = Account::add(&db, "ann", "analyst");
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.44/gallery"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        let trace = loop {
            if let Some(t) = store.latest_trace(1).await.unwrap() {
                break t;
            }
            assert!(
                Instant::now() < deadline,
                "{}: no trace after 30 s",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert_eq!(trace.addresses.len(), 1);
        assert_eq!(trace.addresses[0].ip, "192.0.2.44");
        assert!(
            trace.errors.iter().any(|e| e.step == "ipdb"),
            "documentation addresses are in no IP database"
        );
        store.close().await;

        // Staff see it on the case page and can ask for a fresh one.
        let http = client();
        let login = http.get(server.url("/staff/login")).send().await.unwrap();
        let cookie = login.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let csrf = input_value(&login.text().await.unwrap(), "csrf_token");
        let code = ann.code(0);
        let signed = http
            .post(server.url("/staff/login"))
            .header("cookie", &cookie)
            .form(&[
                ("username", "ann"),
                ("password", PASSWORD),
                ("totp", code.as_str()),
                ("csrf_token", csrf.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        let session = signed.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let page = http
            .get(server.url("/staff/cases/1"))
            .header("cookie", &session)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("<code>192.0.2.44</code>"), "{page}");
        assert!(
            page.contains("<td>Traced</td>"),
            "the timeline has the trace"
        );
        let csrf = input_value(&page, "csrf_token");
        let again = http
            .post(server.url("/staff/cases/1/trace"))
            .header("cookie", &session)
            .form(&[("csrf_token", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        db
    })
    .await;
}

struct Worker(Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn worker(db: &TestDatabase) -> Worker {
    Worker(
        Command::new(BIN)
            .args(["worker", "--workers", "4", "--data-dir"])
            .arg(&db.dir)
            .args(["--database", &db.url])
            .env("HOTLINE_NETWORK__OFFLINE", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

#[tokio::test]
async fn a_trace_that_cannot_run_fails_alone_and_the_rest_of_its_batch_is_kept() {
    each_engine(|db| async move {
        let store = open_store(&db).await;
        store.migrate().await.unwrap();
        let now = time::OffsetDateTime::now_utc();
        store.seed_synthetic(40, now).await.unwrap();
        // The oldest trace job, so it is in the first batch a worker claims, names a case
        // that does not exist (a worker reads the case from the payload); the job row hangs on
        // case 1 so staff would see it there.
        let orphan = hotline_store::NewJob {
            kind: "trace".into(),
            payload: json!({ "case_id": 999_999 }),
            case_id: Some(1),
            priority: 0,
            run_at: now - time::Duration::hours(1),
            max_attempts: 5,
            dedupe_key: None,
        };
        store.enqueue_job(&orphan, now).await.unwrap().unwrap();

        let _worker = worker(&db);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let c = store.job_counts().await.unwrap();
            if c.done >= 40 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}: not drained: {c:?}",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // Every real case has its trace; the orphan failed on its own, with the reason, and
        // waits for its next attempt instead of taking its batch down with it.
        for case_id in 1..=40 {
            assert!(
                store.latest_trace(case_id).await.unwrap().is_some(),
                "{}: case {case_id} has no trace",
                db.engine
            );
        }
        let jobs = store.jobs_of_case(1).await.unwrap();
        let failed = jobs
            .iter()
            .find(|j| j.last_error.is_some())
            .unwrap_or_else(|| panic!("{}: {jobs:?}", db.engine));
        assert_eq!(failed.kind, "trace");
        assert_ne!(failed.state, hotline_store::JobState::Done, "{}", db.engine);
        assert!(failed.attempts >= 1, "{failed:?}");
        assert_eq!(
            failed.last_error.as_deref(),
            Some("case 999999 does not exist"),
            "{}",
            db.engine
        );
        assert_eq!(store.job_counts().await.unwrap().done, 40, "{}", db.engine);
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn two_worker_processes_on_postgres_do_each_of_a_thousand_jobs_once() {
    let Some(url) = std::env::var(hotline_store::testing::POSTGRES_ENV)
        .ok()
        .filter(|u| !u.is_empty())
    else {
        hotline_store::testing::skipped_test(hotline_store::testing::POSTGRES_SKIP);
        return;
    };
    let db = TestDatabase::postgres(&url).await;
    let store = open_store(&db).await;
    store.migrate().await.unwrap();
    // A thousand new cases, each with its trace job, in a few large transactions.
    store
        .seed_synthetic(1000, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(store.job_counts().await.unwrap().queued, 1000);

    let (_a, _b) = (worker(&db), worker(&db));
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let c = store.job_counts().await.unwrap();
        if c.done == 1000 {
            break;
        }
        assert!(Instant::now() < deadline, "not drained in time: {c:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // Every trace job is done; the only job left waiting is the daily retention purge that
    // each worker process makes sure is queued.
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let left: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, state FROM jobs WHERE state <> 'done' ORDER BY id")
            .fetch_all(&mut c)
            .await
            .unwrap();
    assert!(
        left.iter()
            .all(|(kind, state)| kind == "retention" && state == "queued"),
        "{left:?}"
    );
    // Exactly one trace per case: no job ran twice.
    let (traces, cases, workers): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM traces), (SELECT COUNT(DISTINCT case_id) FROM traces), \
         (SELECT COUNT(DISTINCT split_part(lease_owner, '/', 2)) FROM jobs)",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!((traces, cases), (1000, 1000));
    assert_eq!(workers, 2, "both processes took part");
    store.close().await;
    db.remove().await;
}

#[tokio::test]
async fn forward_unopened_refers_a_traced_report_to_the_police_without_staff() {
    each_engine(|db| async move {
        let options = Options {
            env: vec![("HOTLINE_PROCEDURE", "forward-unopened")],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let pol = Account::add(&db, "pol", "police");
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.55/x"], "where_found": "website", "description": "d"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        crate::support::wait_for_case_state(&store, db.engine, 1, hotline_domain::CaseState::Referred).await;
        assert!(store.latest_trace(1).await.unwrap().is_some(), "referred with its trace");
        store.close().await;

        let mut b = Browser::new(&server);
        assert_eq!(b.login(&pol, 0).await.status, StatusCode::SEE_OTHER);
        let page = b.get("/staff/cases/1").await;
        assert_eq!(page.status, StatusCode::OK);
        // The police assess it, so they read the plain address, as text, never as a link.
        assert!(page.body.contains("<code class=\"address\">http://192.0.2.55/x</code>"), "plain for the police: {}", page.body);
        assert!(!page.body.contains("href=\"http://192.0.2.55"), "never a link");
        assert!(page.body.contains("Forwarded unopened"), "why this route: {}", page.body);
        let csrf = b.csrf().await;
        let cleared = b
            .post("/staff/cases/1/police", &[("csrf_token", csrf.as_str()), ("step", "cleared"), ("note", "no objection")])
            .await;
        assert_eq!(cleared.status, StatusCode::SEE_OTHER, "{}", cleared.body);
        let page = b.get("/staff/cases/1").await.body;
        assert!(page.contains("no objection") && page.contains("<td>Cleared by the police</td>"), "{page}");
        let bogus = b.post("/staff/cases/1/police", &[("csrf_token", csrf.as_str()), ("step", "dance")]).await;
        assert_eq!(bogus.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Nobody at the hotline opens it: staff see it defanged.
        let ann = Account::add(&db, "ann", "analyst");
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let page = a.get("/staff/cases/1").await.body;
        assert!(page.contains("hxxp://192[.]0[.]2[.]55/x"), "defanged for staff: {page}");
        assert!(!page.contains("http://192.0.2.55/x"), "never plain for staff");
        db
    })
    .await;
}
