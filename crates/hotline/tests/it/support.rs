//! Starting and stopping the real server, and small helpers for its pages.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hotline_store::testing::TestDatabase;

pub const BIN: &str = env!("CARGO_BIN_EXE_hotline");

/// Runs an operator command against a test database (`--data-dir` and `--database` added).
pub fn hotline(db: &TestDatabase, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(&db.dir)
        .args(["--database", &db.url])
        .output()
        .unwrap()
}

/// [`hotline`] that must succeed; returns its standard output.
pub fn cli(db: &TestDatabase, args: &[&str]) -> String {
    let out = hotline(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A running `hotline serve`.
pub struct Server {
    child: Child,
    pub base: String,
    logs: Arc<Mutex<Vec<String>>>,
}

/// How to start the server.
#[derive(Clone)]
pub struct Options {
    pub rate_limit_per_minute: u32,
    pub log_filter: &'static str,
    /// Further environment, e.g. `("HOTLINE_PROCEDURE", "forward-unopened")`.
    pub env: Vec<(&'static str, &'static str)>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            rate_limit_per_minute: 0,
            log_filter: "info",
            env: Vec::new(),
        }
    }
}

impl Server {
    /// Starts the server on `db` (its directory is the data dir) and waits until it listens.
    pub fn start(db: &TestDatabase, options: &Options) -> Server {
        Self::start_in(&db.dir, Some(&db.url), options)
    }

    pub fn start_in(data_dir: &Path, database: Option<&str>, options: &Options) -> Server {
        let mut cmd = Command::new(BIN);
        cmd.args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .env("RUST_LOG", options.log_filter)
            .env("HOTLINE_NETWORK__OFFLINE", "true")
            .env(
                "HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE",
                options.rate_limit_per_minute.to_string(),
            )
            // Tests wait for traces; the random delay before the first one is shown apart
            // (`security::the_first_trace_waits_a_random_delay`).
            .env("HOTLINE_INTAKE__FIRST_TRACE_DELAY_SECS", "0")
            .env_remove("HOTLINE_DATABASE_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(url) = database {
            cmd.args(["--database", url]);
        }
        for (k, v) in &options.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("cannot start the hotline binary");
        let stderr = child.stderr.take().expect("piped stderr");
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let sink = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on http://").nth(1) {
                    let addr = rest.split_whitespace().next().unwrap_or("").to_owned();
                    let _ = tx.send(addr);
                }
                sink.lock().unwrap().push(line);
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "the server did not start: {}",
                    logs.lock().unwrap().join("\n")
                );
            }
        };
        Server {
            child,
            base: format!("http://{addr}"),
            logs,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Everything the server wrote to stderr so far.
    pub fn logs(&self) -> String {
        self.logs.lock().unwrap().join("\n")
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the process to end by itself (a failpoint, a crash); panics after `limit`.
    pub fn wait_for_exit(&mut self, limit: Duration) -> ExitStatus {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Some(s) = self.child.try_wait().expect("wait") {
                return s;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server is still running after {limit:?}");
    }

    /// SIGTERM, then wait for the process to finish.
    pub fn terminate(&mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        for _ in 0..300 {
            if let Some(s) = self.child.try_wait().expect("wait") {
                // Let the reader thread drain the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return s;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not stop within 30 s of SIGTERM");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An HTTP client that follows no redirects, keeps no cookies and prefers English (the
/// tests read English text; the default language of a fresh hotline is Dutch).
pub fn client() -> reqwest::Client {
    // reqwest is built with rustls and no default provider (the service uses ring).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "accept-language",
        reqwest::header::HeaderValue::from_static("en"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The value of the first `name="NAME" value="…"` in a page.
pub fn input_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no input {name} in page"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The receipt shown on the confirmation page.
pub fn receipt_on(html: &str) -> String {
    let start = html
        .find("id=\"receipt\"><strong>")
        .expect("no receipt on page")
        + "id=\"receipt\"><strong>".len();
    html[start..].split('<').next().unwrap().to_owned()
}

/// Every regular file below `dir`.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// A report body for the API.
pub fn report_json(urls: &[&str]) -> serde_json::Value {
    serde_json::json!({ "urls": urls, "where_found": "website" })
}

/// Runs `test` for every engine on a fresh database, removing it afterwards.
pub async fn each_engine<F, Fut>(test: F)
where
    F: Fn(TestDatabase) -> Fut,
    Fut: std::future::Future<Output = TestDatabase>,
{
    for db in TestDatabase::all().await {
        let db = test(db).await;
        db.remove().await;
    }
}

/// The test database's store, opened with its key file (as the server opens it).
pub async fn open_store(db: &TestDatabase) -> hotline_store::Store {
    let keys = hotline_store::Keyring::load_or_create(&db.dir).unwrap();
    hotline_store::Store::open(&db.url, Arc::new(keys))
        .await
        .unwrap()
}

/// Waits for the server's own (offline) trace of `case_id`, then records a newer one that
/// places the host `ip` in `country`, with `abuse` as the network's abuse address: what a
/// trace against a loopback world would find, for tests about what happens next.
pub async fn place_case(
    store: &hotline_store::Store,
    case_id: i64,
    ip: &str,
    country: &str,
    abuse: Option<&str>,
) {
    use hotline_domain::trace::{Contact, HostingAddress, Trace};
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while store.latest_trace(case_id).await.unwrap().is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "no trace of case {case_id}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    let trace = Trace {
        host: ip.into(),
        traced_at_ms: now_ms + 1,
        addresses: vec![HostingAddress {
            ip: ip.into(),
            country: Some(country.into()),
            abuse: abuse.map(|e| Contact {
                email: Some(e.into()),
                source: Some(hotline_domain::trace::ContactSource::Network),
                source_record: Some("NET-TEST".into()),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    };
    store.save_trace(case_id, &trace).await.unwrap();
}

/// Runs one SQL statement on the test database directly: to tamper with it, or to move a
/// stored time into the past where a test needs time to have passed.
pub async fn raw_sql(db: &TestDatabase, sql: &str) {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if db.engine == "postgres" {
        let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.url))
            .await
            .unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    }
}

/// Waits (up to 30 s) until case `id` is in `state`, e.g. moved there by the background
/// workers; fails naming the engine and the state it was left in.
pub async fn wait_for_case_state(
    store: &hotline_store::Store,
    engine: &str,
    id: i64,
    state: hotline_domain::CaseState,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let now = store.case_summary(id).await.unwrap().map(|c| c.state);
        if now == Some(state) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{engine}: case {id} still {now:?} after 30 s, not {state:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// The parts of a mail as it travelled, decoded by `mailparse` (transfer encoding and
/// charset undone): each leaf part's attachment file name (`None` for the text) and its text.
pub fn mail_parts(data: &str) -> Vec<(Option<String>, String)> {
    fn leaves(part: &mailparse::ParsedMail<'_>, out: &mut Vec<(Option<String>, String)>) {
        if part.subparts.is_empty() {
            let name = part
                .get_content_disposition()
                .params
                .get("filename")
                .cloned();
            let text = part.get_body().expect("a readable part");
            out.push((
                name,
                text.trim_end_matches(['\r', '\n']).replace("\r\n", "\n"),
            ));
        }
        for sub in &part.subparts {
            leaves(sub, out);
        }
    }
    let mail = mailparse::parse_mail(data.as_bytes()).expect("a mail");
    let mut out = Vec::new();
    leaves(&mail, &mut out);
    out
}

/// The text of a mail (its first part that is not an attachment), decoded.
pub fn mail_text(data: &str) -> String {
    mail_parts(data)
        .into_iter()
        .find(|(name, _)| name.is_none())
        .map(|(_, text)| text)
        .unwrap_or_default()
}

/// Writes an RDAP bootstrap folder under `dir` that sends look-ups of 192.0.2.0/24 to the
/// loopback RDAP server at `ipv4_base` (`None`: nothing is asked anywhere), and returns it.
pub fn rdap_bootstrap(dir: &Path, ipv4_base: Option<&str>) -> PathBuf {
    let bootstrap = dir.join("rdap-bootstrap");
    std::fs::create_dir_all(&bootstrap).unwrap();
    let empty = r#"{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}"#;
    for f in ["dns.json", "ipv4.json", "ipv6.json", "asn.json"] {
        std::fs::write(bootstrap.join(f), empty).unwrap();
    }
    if let Some(base) = ipv4_base {
        let ipv4 = format!(
            r#"{{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[[["192.0.2.0/24"],["{base}"]]]}}"#
        );
        std::fs::write(bootstrap.join("ipv4.json"), ipv4).unwrap();
    }
    bootstrap
}

/// 49 hours pass for the police's objection window: every referral to the police moves
/// into the past and the notice jobs waiting for it come due now.
pub async fn objection_window_passes(db: &TestDatabase) {
    raw_sql(
        db,
        "UPDATE case_events SET at = at - 176400000 WHERE kind = 'referred_police'",
    )
    .await;
    raw_sql(
        db,
        "UPDATE jobs SET run_at = 0 WHERE kind = 'notice' AND state = 'queued'",
    )
    .await;
}
