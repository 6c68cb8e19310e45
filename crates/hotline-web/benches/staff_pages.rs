//! How fast the staff pages answer with many cases: seeds a database with synthetic cases
//! (100,000 by default; `HOTLINE_BENCH_CASES` to change), signs a supervisor in, and times the
//! queue (first page, a deep keyset page, a filtered page) and case pages through the real
//! router, in process. Prints p50/p95/p99 in milliseconds. Runs on SQLite, and on PostgreSQL
//! too when `HOTLINE_TEST_POSTGRES_URL` names a server (in a database it creates and drops).
//!
//! `cargo bench -p hotline-web --bench staff_pages`

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use time::OffsetDateTime;
use tower::ServiceExt;

use hotline_domain::staff::Role;
use hotline_store::testing::TestDatabase;
use hotline_store::{Keyring, SessionPolicy, Store};
use hotline_web::AppState;

/// A named page and how to build its path for the i-th request.
type PageCase = (&'static str, Box<dyn Fn(usize) -> String>);

fn percentiles(mut v: Vec<Duration>) -> (f64, f64, f64) {
    v.sort();
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.95), at(0.99))
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("HOTLINE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    for db in TestDatabase::all().await {
        run(db, n).await;
    }
}

async fn run(db: TestDatabase, n: usize) {
    let store = Store::open(&db.url, Arc::new(Keyring::for_tests(1)))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let t = Instant::now();
    store
        .seed_synthetic(n, OffsetDateTime::now_utc())
        .await
        .unwrap();
    println!(
        "{}: seeded {n} cases in {:.1} s",
        db.engine,
        t.elapsed().as_secs_f64()
    );

    let now = OffsetDateTime::now_utc();
    let e = store
        .create_user(
            "sue",
            Role::Supervisor,
            "a long enough password",
            "bench",
            now,
        )
        .await
        .unwrap();
    let code = totp_rs::Totp::from_url(&e.otpauth_uri)
        .unwrap()
        .generate(now.unix_timestamp() as u64)
        .to_string();
    let session = store
        .login("sue", "a long enough password", &code, now)
        .await
        .unwrap();
    let cookie = format!("hotline_session={}", session.session_id);

    let state = AppState::new(
        store.clone(),
        hotline_web::Config {
            sessions: SessionPolicy {
                idle_secs: 3600,
                absolute_secs: 3600,
            },
            blocklist_zone: "rpz.hotline.invalid".into(),
            police_units: Vec::new(),
            ..Default::default()
        },
    );
    let app = hotline_web::router(state);
    let get = |path: String| {
        let app = app.clone();
        let cookie = cookie.clone();
        async move {
            let req = Request::get(&path)
                .header("cookie", cookie)
                .body(Body::empty())
                .unwrap();
            let t = Instant::now();
            let r = app.oneshot(req).await.unwrap();
            let status = r.status();
            let _ = axum::body::to_bytes(r.into_body(), usize::MAX)
                .await
                .unwrap();
            assert_eq!(status, StatusCode::OK, "{path}");
            t.elapsed()
        }
    };

    // A cursor deep into the queue: the sort key of a case near the end.
    let deep = format!(
        "/staff/?after=0.{}.{}",
        hotline_store_millis(now) - 10_000,
        n - 100
    );
    let pages: Vec<PageCase> = vec![
        ("queue, first page", Box::new(|_| "/staff/".to_owned())),
        ("queue, deep keyset page", Box::new(move |_| deep.clone())),
        (
            "queue, urgent + state filter",
            Box::new(|_| "/staff/?state=new&urgent=1".to_owned()),
        ),
        (
            "case page (with related cases)",
            Box::new(move |i| format!("/staff/cases/{}", 1 + (i * 7919) % n)),
        ),
        // The workbench: every seeded case is under the registrable domain example.test.
        (
            "search by domain",
            Box::new(|_| "/staff/search?q=example.test&by=domain".to_owned()),
        ),
        (
            "search by host",
            Box::new(move |i| format!("/staff/search?q=site-{}.example.test&by=host", i % 997)),
        ),
        (
            "by-host view",
            Box::new(|_| "/staff/groups/host".to_owned()),
        ),
        (
            "a host's cases (group page)",
            Box::new(move |i| format!("/staff/groups/host/site-{}.example.test", i % 997)),
        ),
    ];
    for (name, path) in pages {
        for i in 0..10 {
            get(path(i)).await; // warm up
        }
        let mut times = Vec::new();
        for i in 0..300 {
            times.push(get(path(i)).await);
        }
        let (p50, p95, p99) = percentiles(times);
        println!(
            "{name:32} p50 {p50:6.2} ms   p95 {p95:6.2} ms   p99 {p99:6.2} ms   ({n} cases, {})",
            db.engine
        );
    }
    store.close().await;
    db.remove().await;
}

fn hotline_store_millis(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}
