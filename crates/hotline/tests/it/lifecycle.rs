//! The case life cycle end to end (issue 16; docs/SPEC.md §1 and §2), through the real
//! `hotline` binary on both engines: for every procedure × takedown regime that is allowed and
//! every kind of hosting (this country, a partner's country served by a second real `hotline`
//! running as an `api` partner, elsewhere, untraceable), one report goes in and the test checks
//! the final state, each leg of the timeline, who was told (the police unit, the partner
//! instance, the host by mail) and that nobody else was. The combination that is not allowed
//! (`forward-unopened` with `takedown_by = "hotline"`) must be refused at start.
//!
//! Hosting is found by the binary's own tracer, against a world on loopback: a DNS zone, an IP
//! database that places three documentation sub-ranges in BE, NL and US, and an RDAP server that
//! gives each network its own abuse address. Nothing here reaches any other address: checks of
//! the documentation addresses are refused by the outbound address policy.
//!
//! One server runs per (engine, procedure, regime), with one case per hosting row; one NL
//! instance per engine receives the partner referrals of all of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use hotline_network::testing::{Rec, Received, serve_zone, smtp_sink};
use hotline_store::testing::{POSTGRES_ENV, POSTGRES_SKIP, TestDatabase, skipped_part};

use crate::staff::{Account, Browser};
use crate::support::{BIN, Options, Server, cli, client};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Procedure {
    Assess,
    ForwardUnopened,
}

impl Procedure {
    fn as_str(self) -> &'static str {
        match self {
            Procedure::Assess => "assess",
            Procedure::ForwardUnopened => "forward-unopened",
        }
    }
}

/// `national.takedown_by`: who sends the notice to a host in this country.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Takedown {
    Hotline,
    Police,
}

impl Takedown {
    fn as_str(self) -> &'static str {
        match self {
            Takedown::Hotline => "hotline",
            Takedown::Police => "police",
        }
    }
}

/// Where the reported address turns out to be hosted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hosting {
    /// In this hotline's country (BE).
    Own,
    /// In NL, where a partner hotline runs this software (`--channel api`).
    Partner,
    /// In US: no partner there.
    Elsewhere,
    /// The name does not exist (NXDOMAIN).
    Untraceable,
}

impl Hosting {
    /// The host name in the loopback DNS zone.
    fn host(self) -> &'static str {
        match self {
            Hosting::Own => "own.lifecycle.test",
            Hosting::Partner => "partner.lifecycle.test",
            Hosting::Elsewhere => "elsewhere.lifecycle.test",
            Hosting::Untraceable => "gone.lifecycle.test",
        }
    }

    /// The address the host name resolves to, and its network's abuse address (RDAP).
    fn network(self) -> Option<(&'static str, &'static str)> {
        match self {
            Hosting::Own => Some(("192.0.2.10", "abuse@own-host.example.com")),
            Hosting::Partner => Some(("192.0.2.70", "abuse@partner-host.example.com")),
            Hosting::Elsewhere => Some(("192.0.2.130", "abuse@elsewhere-host.example.com")),
            Hosting::Untraceable => None,
        }
    }

    const ALL: [Hosting; 4] = [
        Hosting::Own,
        Hosting::Partner,
        Hosting::Elsewhere,
        Hosting::Untraceable,
    ];
}

/// Who the case is handed to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Told {
    /// The national police unit: on its officers' queue and in its `[police] notify` mail.
    Police,
    /// The partner hotline's own instance, over its API.
    Partner,
}

/// A police step recorded through the staff API once the case is the police's, with its one
/// extra field if it needs one.
type Step = (&'static str, Option<(&'static str, &'static str)>);

const NO_STEPS: &[Step] = &[];
/// `takedown_by = "hotline"`: the police clear the notice before the objection window ends.
const CLEARED: &[Step] = &[("cleared", None)];
/// `takedown_by = "police"`: a magistrate's order, served on the host.
const ORDER: &[Step] = &[
    ("acknowledged", Some(("reference", "PV-2026-0016"))),
    ("order_requested", None),
    ("order_served", None),
];
/// Hosted abroad: the police pass it on through police channels.
const ABROAD: &[Step] = &[("passed_abroad", Some(("country", "US")))];

/// One allowed combination and what must come of it.
struct Row {
    procedure: Procedure,
    takedown_by: Takedown,
    hosting: Hosting,
    /// What the police record after the referral.
    police_steps: &'static [Step],
    /// The case's final state.
    state: &'static str,
    /// The timeline legs besides `received` and `traced`. A leg that any row lists must be on
    /// a case exactly when its row lists it.
    legs: &'static [&'static str],
    told: Told,
    /// Whether the host gets a notice (by mail, to its network's abuse address).
    host_notice: bool,
}

use Hosting::{Elsewhere, Own, Partner, Untraceable};
use Procedure::{Assess, ForwardUnopened};
use Takedown::{Hotline, Police};

/// Every procedure × takedown regime, and whether it is allowed (docs/SPEC.md §1).
const REGIMES: [(Procedure, Takedown, bool); 4] = [
    (Assess, Hotline, true),
    (Assess, Police, true),
    (ForwardUnopened, Police, true),
    (ForwardUnopened, Hotline, false),
];

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // assess, the hotline sends the notice once the police clear it.
    Row { procedure: Assess, takedown_by: Hotline, hosting: Own, police_steps: CLEARED,
          state: "awaiting_removal", told: Told::Police, host_notice: true,
          legs: &["assessed", "referred_police", "cleared", "notice_sent", "awaiting_removal"] },
    Row { procedure: Assess, takedown_by: Hotline, hosting: Partner, police_steps: NO_STEPS,
          state: "referred", told: Told::Partner, host_notice: false,
          legs: &["assessed", "referred_partner"] },
    Row { procedure: Assess, takedown_by: Hotline, hosting: Elsewhere, police_steps: ABROAD,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["assessed", "referred_police", "police_passed_abroad"] },
    Row { procedure: Assess, takedown_by: Hotline, hosting: Untraceable, police_steps: NO_STEPS,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["assessed", "referred_police"] },
    // assess, the police obtain an order and contact the host.
    Row { procedure: Assess, takedown_by: Police, hosting: Own, police_steps: ORDER,
          state: "awaiting_removal", told: Told::Police, host_notice: false,
          legs: &["assessed", "referred_police", "police_acknowledged", "order_requested", "order_served", "awaiting_removal"] },
    Row { procedure: Assess, takedown_by: Police, hosting: Partner, police_steps: NO_STEPS,
          state: "referred", told: Told::Partner, host_notice: false,
          legs: &["assessed", "referred_partner"] },
    Row { procedure: Assess, takedown_by: Police, hosting: Elsewhere, police_steps: ABROAD,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["assessed", "referred_police", "police_passed_abroad"] },
    Row { procedure: Assess, takedown_by: Police, hosting: Untraceable, police_steps: NO_STEPS,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["assessed", "referred_police"] },
    // forward-unopened: nobody at the hotline opens it; everything goes to the national
    // police, wherever it is hosted, even where a partner hotline works.
    Row { procedure: ForwardUnopened, takedown_by: Police, hosting: Own, police_steps: ORDER,
          state: "awaiting_removal", told: Told::Police, host_notice: false,
          legs: &["referred_police", "police_acknowledged", "order_requested", "order_served", "awaiting_removal"] },
    Row { procedure: ForwardUnopened, takedown_by: Police, hosting: Partner, police_steps: NO_STEPS,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["referred_police"] },
    Row { procedure: ForwardUnopened, takedown_by: Police, hosting: Elsewhere, police_steps: ABROAD,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["referred_police", "police_passed_abroad"] },
    Row { procedure: ForwardUnopened, takedown_by: Police, hosting: Untraceable, police_steps: NO_STEPS,
          state: "referred", told: Told::Police, host_notice: false,
          legs: &["referred_police"] },
];

/// The police unit's duty address (`[police] notify`).
const POLICE_DUTY: &str = "duty@police.example.com";
const STAFF_URL: &str = "https://hotline.example.org";
/// Long enough for a slow machine; nothing here is timed.
const PATIENCE: Duration = Duration::from_secs(120);

impl Row {
    fn name(&self) -> String {
        format!(
            "{} / takedown_by {} / hosted {:?}",
            self.procedure.as_str(),
            self.takedown_by.as_str(),
            self.hosting
        )
    }

    /// The reported address: its host says where it is hosted, its path which server has it.
    fn url(&self) -> String {
        format!(
            "http://{}/{}-{}",
            self.hosting.host(),
            self.procedure.as_str(),
            self.takedown_by.as_str()
        )
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// SQLite always; PostgreSQL too when `HOTLINE_TEST_POSTGRES_URL` is set.
fn engines() -> Vec<&'static str> {
    match std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) {
        Some(_) => vec!["sqlite", "postgres"],
        None => {
            skipped_part("its PostgreSQL run", POSTGRES_SKIP);
            vec!["sqlite"]
        }
    }
}

async fn fresh(engine: &str) -> TestDatabase {
    match engine {
        "sqlite" => TestDatabase::sqlite(),
        _ => TestDatabase::postgres(&std::env::var(POSTGRES_ENV).unwrap()).await,
    }
}

/// The loopback world the tracers see: a DNS zone with the hosts of [`Hosting`] (but the
/// untraceable one), an IP database (written with the project's own MMDB writer,
/// scripts/build_ipdb.py) that puts 192.0.2.0/26 in BE, 192.0.2.64/26 in NL and
/// 192.0.2.128/26 in US, and an RDAP server that answers for 192.0.2.0/24 with each address's
/// own abuse contact. Returns the environment that points a server's tracer at it.
async fn loopback_world(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let records = Hosting::ALL
        .iter()
        .filter_map(|h| {
            let (ip, _) = h.network()?;
            Some(Rec::A(leak(format!("{}.", h.host())), ip.parse().unwrap()))
        })
        .collect();
    let dns = serve_zone("lifecycle.test.", records).await;

    let mmdb = dir.join("lifecycle-ip.mmdb");
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts");
    let py = format!(
        "import sys; sys.path.insert(0, {scripts:?}); import build_ipdb as b\n\
         mmdb, _ = b.write_mmdb([\n\
           (0xC0000200, 0xC000023F, (('64501', 'Own Hosting BE'), ('BE',))),\n\
           (0xC0000240, 0xC000027F, (('64502', 'Partner Hosting NL'), ('NL',))),\n\
           (0xC0000280, 0xC00002BF, (('64503', 'Elsewhere Hosting US'), ('US',))),\n\
         ], 0)\n\
         open({mmdb:?}, 'wb').write(mmdb)\n",
        scripts = scripts.display().to_string(),
        mmdb = mmdb.display().to_string()
    );
    let out = Command::new("python3").args(["-c", &py]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../hotline-network/tests/fixtures/rdap/arin_network.json"),
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let fixture = fixture.clone();
        async move {
            let ip = uri.path().strip_prefix("/ip/").unwrap_or_default();
            match Hosting::ALL
                .iter()
                .filter_map(|h| h.network())
                .find(|(at, _)| *at == ip)
            {
                Some((_, abuse)) => (
                    axum::http::StatusCode::OK,
                    fixture.replace("abuse@example.com", abuse),
                ),
                None => (axum::http::StatusCode::NOT_FOUND, String::new()),
            }
        }
    });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let bootstrap = crate::support::rdap_bootstrap(dir, Some(&base));
    vec![
        ("HOTLINE_NETWORK__OFFLINE", "false"),
        ("HOTLINE_NETWORK__NAMESERVERS", leak(format!("[\"{dns}\"]"))),
        (
            "HOTLINE_NETWORK__RDAP_BOOTSTRAP",
            leak(bootstrap.display().to_string()),
        ),
        (
            "HOTLINE_NETWORK__IP_DATABASE",
            leak(mmdb.display().to_string()),
        ),
    ]
}

/// A BE hotline running one procedure under one takedown regime, with one case per row.
struct Deployment {
    procedure: Procedure,
    takedown_by: Takedown,
    db: TestDatabase,
    server: Server,
    /// Every mail the server sent: notices to hosts and the police unit's notifications.
    inbox: Arc<Mutex<Vec<Received>>>,
    /// An analyst, who assesses under `assess`.
    analyst: Account,
    /// The analyst's API token, to read the case files.
    staff: String,
    /// A police officer of the unit `national`, and the officer's API token.
    officer: Account,
    police: String,
    /// The rows of this deployment and the numbers of their cases.
    cases: Vec<(i64, &'static Row)>,
    /// What the NL instance calls this hotline.
    name_at_nl: String,
}

impl Deployment {
    fn label(&self) -> String {
        format!(
            "{}: {} / takedown_by {}",
            self.db.engine,
            self.procedure.as_str(),
            self.takedown_by.as_str()
        )
    }
}

/// The NL partner hotline: a second real `hotline`.
struct PartnerInstance {
    db: TestDatabase,
    server: Server,
    staff: String,
}

async fn get_json(server: &Server, path: &str, token: &str) -> (StatusCode, Value) {
    let r = client()
        .get(server.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The case file as the staff API gives it.
async fn case_file(d: &Deployment, id: i64) -> Value {
    let (status, body) = get_json(&d.server, &format!("/api/v1/cases/{id}"), &d.staff).await;
    assert_eq!(status, StatusCode::OK, "{}: case {id}: {body}", d.label());
    body
}

fn legs_of(file: &Value) -> Vec<String> {
    file["timeline"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|e| e["kind"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every address in a queue listing (one page is enough here).
async fn listed(server: &Server, token: &str) -> BTreeSet<String> {
    let (status, body) = get_json(server, "/api/v1/cases?limit=500", token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["address"].as_str().unwrap().to_owned())
        .collect()
}

/// Polls the case until `done` holds for its file; fails naming the row and what was seen.
async fn wait_for_case(
    d: &Deployment,
    id: i64,
    row: &Row,
    what: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let file = case_file(d, id).await;
        if done(&file) {
            return file;
        }
        assert!(
            Instant::now() < deadline,
            "{} / {}: case {id} never {what}: state {}, timeline {:?}\n{}",
            d.db.engine,
            row.name(),
            file["state"],
            legs_of(&file),
            d.server.logs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The case numbers a `[police] notify` mail lists ("case N: link").
fn cases_in_police_mail(data: &str) -> Vec<i64> {
    data.lines()
        .filter_map(|l| l.trim().strip_prefix("case "))
        .filter_map(|rest| rest.split(':').next()?.parse().ok())
        .collect()
}

/// Starts the NL instance of an engine.
async fn start_partner(engine: &str) -> PartnerInstance {
    let db = fresh(engine).await;
    let server = Server::start(
        &db,
        &Options {
            env: vec![
                ("HOTLINE_NATIONAL__COUNTRY", "NL"),
                ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
            ],
            ..Options::default()
        },
    );
    Account::add(&db, "nina", "analyst");
    let staff = cli(&db, &["token", "create", "--user", "nina"])
        .trim()
        .to_owned();
    PartnerInstance { db, server, staff }
}

/// Starts a BE hotline for one allowed procedure × regime, registers it and the NL instance
/// with each other (NL as an `api` partner for NL, whatever the procedure), and reports one
/// address per row of that regime.
async fn start_deployment(
    engine: &str,
    (procedure, takedown_by): (Procedure, Takedown),
    world: &[(&'static str, &'static str)],
    nl: &PartnerInstance,
) -> Deployment {
    let db = fresh(engine).await;
    let (smtp, inbox) = smtp_sink().await;
    let mut env = world.to_vec();
    env.extend([
        ("HOTLINE_NATIONAL__COUNTRY", "BE"),
        ("HOTLINE_PROCEDURE", procedure.as_str()),
        ("HOTLINE_NATIONAL__TAKEDOWN_BY", takedown_by.as_str()),
        // The objection window is long: under `hotline` the notice goes on the clearance.
        ("HOTLINE_NATIONAL__OBJECTION_HOURS", "48"),
        ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
        (
            "HOTLINE_NOTICES__SMTP_URL",
            leak(format!("smtp://127.0.0.1:{smtp}")),
        ),
        ("HOTLINE_NOTICES__FROM", "notices@hotline.test"),
        (
            "HOTLINE_POLICE__NOTIFY",
            leak(format!("[\"{POLICE_DUTY}\"]")),
        ),
        ("HOTLINE_ALERTS__STAFF_URL", STAFF_URL),
    ]);
    let server = Server::start(
        &db,
        &Options {
            env,
            ..Options::default()
        },
    );

    let name_at_nl = format!("BE {} {}", procedure.as_str(), takedown_by.as_str());
    let be_key = cli(&db, &["partner", "key"]).trim().to_owned();
    let nl_key = cli(&nl.db, &["partner", "key"]).trim().to_owned();
    cli(
        &nl.db,
        &[
            "partner",
            "add",
            &name_at_nl,
            "--countries",
            "BE",
            "--public-key",
            &be_key,
        ],
    );
    let token = cli(&nl.db, &["token", "create", "--partner", &name_at_nl])
        .trim()
        .to_owned();
    cli(
        &db,
        &[
            "partner",
            "add",
            "NL",
            "--countries",
            "NL",
            "--channel",
            "api",
            "--endpoint",
            &nl.server.base,
            "--public-key",
            &nl_key,
            "--token",
            &token,
        ],
    );

    let analyst = Account::add(&db, "ann", "analyst");
    let officer = Account::add(&db, "pol", "police");
    let staff = cli(&db, &["token", "create", "--user", "ann"])
        .trim()
        .to_owned();
    let police = cli(&db, &["token", "create", "--user", "pol"])
        .trim()
        .to_owned();

    let mut d = Deployment {
        procedure,
        takedown_by,
        db,
        server,
        inbox,
        analyst,
        staff,
        officer,
        police,
        cases: Vec::new(),
        name_at_nl,
    };
    for row in ROWS
        .iter()
        .filter(|r| (r.procedure, r.takedown_by) == (procedure, takedown_by))
    {
        let r = client()
            .post(d.server.url("/api/v1/reports"))
            .json(&json!({"urls": [row.url()], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED, "{}", row.name());
        // A fresh database numbers its cases from 1, one per report here.
        let id = d.cases.len() as i64 + 1;
        let file = case_file(&d, id).await;
        assert_eq!(file["address"], row.url(), "{}", row.name());
        d.cases.push((id, row));
    }
    d
}

/// Under `assess`: an analyst waits for each trace, assesses the case illegal and clicks
/// "refer". (Whether the assessment already referred it, or the click does, the click answers
/// 303 and the outcome is the same.)
async fn assess_and_refer(d: &Deployment) {
    let mut b = Browser::new(&d.server);
    assert_eq!(
        b.login(&d.analyst, 0).await.status,
        StatusCode::SEE_OTHER,
        "{}",
        d.label()
    );
    let csrf = b.csrf().await;
    for &(id, row) in &d.cases {
        wait_for_case(d, id, row, "traced", |f| {
            legs_of(f).iter().any(|l| l == "traced")
        })
        .await;
        let assessed = b.assess_illegal(id, &csrf).await;
        assert_eq!(
            assessed.status,
            StatusCode::SEE_OTHER,
            "{} / {}: assessment: {}",
            d.db.engine,
            row.name(),
            assessed.body
        );
        let refer = b
            .post(
                &format!("/staff/cases/{id}/move"),
                &[("csrf_token", csrf.as_str()), ("to", "referred")],
            )
            .await;
        assert_eq!(
            refer.status,
            StatusCode::SEE_OTHER,
            "{} / {}: refer: {}",
            d.db.engine,
            row.name(),
            refer.body
        );
    }
}

/// The police record each row's steps through the staff API, once the case is theirs.
async fn police_steps(d: &Deployment) {
    for &(id, row) in &d.cases {
        if row.police_steps.is_empty() {
            continue;
        }
        wait_for_case(d, id, row, "referred to the police", |f| {
            f["referred_to_police"] == true && f["state"] == "referred"
        })
        .await;
        for (step, extra) in row.police_steps {
            let mut body = json!({ "step": step });
            if let Some((k, v)) = extra {
                body[k] = json!(v);
            }
            let r = client()
                .post(d.server.url(&format!("/api/v1/cases/{id}/police")))
                .bearer_auth(&d.police)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = r.status();
            let text = r.text().await.unwrap();
            assert_eq!(
                status,
                StatusCode::OK,
                "{} / {}: police step {step}: {text}",
                d.db.engine,
                row.name()
            );
        }
    }
}

/// The final state and every leg of each row's case, and the police's part of who was told.
async fn check_cases(d: &Deployment) {
    let known: BTreeSet<&str> = ROWS.iter().flat_map(|r| r.legs.iter().copied()).collect();
    let police_queue = listed(&d.server, &d.police).await;
    for &(id, row) in &d.cases {
        let file = wait_for_case(d, id, row, &format!("reached {}", row.state), |f| {
            let legs = legs_of(f);
            f["state"] == row.state && row.legs.iter().all(|l| legs.iter().any(|x| x == l))
        })
        .await;
        let legs = legs_of(&file);
        let name = format!("{} / {}", d.db.engine, row.name());
        for always in ["received", "traced"] {
            assert!(
                legs.iter().any(|l| l == always),
                "{name}: no {always} in {legs:?}"
            );
        }
        for leg in &known {
            assert_eq!(
                legs.iter().any(|l| l == leg),
                row.legs.contains(leg),
                "{name}: leg {leg} in {legs:?}"
            );
        }
        let to_police = row.told == Told::Police;
        assert_eq!(file["referred_to_police"], to_police, "{name}: {file}");
        assert_eq!(
            police_queue.contains(&row.url()),
            to_police,
            "{name}: on the police unit's queue? {police_queue:?}"
        );
        if row.told == Told::Partner {
            // Delivered to NL, which answered with its own case.
            let delivered = file["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["kind"] == "referred_partner")
                .and_then(|e| e["details"].as_str())
                .unwrap_or_default()
                .to_owned();
            assert!(
                delivered.starts_with("NL: case:"),
                "{name}: referred_partner says {delivered:?}"
            );
        }
    }
    // The officers' queue counts the referrals the police have recorded nothing on yet.
    let untouched = d
        .cases
        .iter()
        .filter(|(_, r)| r.told == Told::Police && r.police_steps.is_empty())
        .count();
    let mut officer = Browser::new(&d.server);
    assert_eq!(
        officer.login(&d.officer, 0).await.status,
        StatusCode::SEE_OTHER,
        "{}",
        d.label()
    );
    let queue = officer.get("/staff/").await.body;
    let count = match untouched {
        1 => "1 new referral waits for your unit".to_owned(),
        n => format!("{n} new referrals wait for your unit"),
    };
    assert!(
        queue.contains(&count),
        "{}: not \"{count}\": {queue}",
        d.label()
    );
    let others: Vec<String> = police_queue
        .iter()
        .filter(|a| !d.cases.iter().any(|(_, r)| r.url() == **a))
        .cloned()
        .collect();
    assert!(
        others.is_empty(),
        "{}: police queue also has {others:?}",
        d.label()
    );
}

/// Who got mail: the police unit's duty address hears of every police row's case exactly once
/// (and of no other case), each host with a notice got exactly one, and nobody else got any.
async fn check_mail(d: &Deployment) {
    let police_cases: BTreeSet<i64> = d
        .cases
        .iter()
        .filter(|(_, r)| r.told == Told::Police)
        .map(|(id, _)| *id)
        .collect();
    let deadline = Instant::now() + PATIENCE;
    loop {
        let told: BTreeSet<i64> = d
            .inbox
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.to.iter().any(|t| t.contains(POLICE_DUTY)))
            .flat_map(|m| cases_in_police_mail(&m.data))
            .collect();
        if police_cases.is_subset(&told) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{}: the police were told of {told:?}, not of all of {police_cases:?}",
            d.label()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mail = d.inbox.lock().unwrap().clone();
    let mut told: Vec<i64> = mail
        .iter()
        .filter(|m| m.to.iter().any(|t| t.contains(POLICE_DUTY)))
        .flat_map(|m| cases_in_police_mail(&m.data))
        .collect();
    told.sort_unstable();
    assert_eq!(
        told,
        police_cases.iter().copied().collect::<Vec<_>>(),
        "{}: each police case told once, and no other",
        d.label()
    );
    for m in mail
        .iter()
        .filter(|m| m.to.iter().any(|t| t.contains(POLICE_DUTY)))
    {
        for (_, row) in &d.cases {
            assert!(
                !m.data.contains(row.hosting.host()),
                "{}: the police notification carries an address: {}",
                d.label(),
                m.data
            );
        }
    }

    let mut to_hosts: BTreeMap<String, usize> = BTreeMap::new();
    for m in &mail {
        for to in &m.to {
            let to = to.trim_matches(['<', '>']).to_owned();
            if to != POLICE_DUTY {
                *to_hosts.entry(to).or_default() += 1;
            }
        }
    }
    let expected: BTreeMap<String, usize> = d
        .cases
        .iter()
        .filter(|(_, r)| r.host_notice)
        .map(|(_, r)| (r.hosting.network().unwrap().1.to_owned(), 1))
        .collect();
    assert_eq!(
        to_hosts,
        expected,
        "{}: notices to hosts (rows with a notice: {:?})",
        d.label(),
        d.cases
            .iter()
            .filter(|(_, r)| r.host_notice)
            .map(|(_, r)| r.name())
            .collect::<Vec<_>>()
    );
    for m in mail
        .iter()
        .filter(|m| !m.to.iter().any(|t| t.contains(POLICE_DUTY)))
    {
        let (_, row) = d
            .cases
            .iter()
            .find(|(_, r)| {
                r.hosting
                    .network()
                    .is_some_and(|(_, a)| m.to.iter().any(|t| t.contains(a)))
            })
            .unwrap();
        assert!(
            m.data.contains(&row.url()),
            "{}: the notice names the address: {}",
            row.name(),
            m.data
        );
    }
}

/// The NL instance opened a case for exactly the partner rows of every deployment, each from
/// the hotline that referred it.
async fn check_partner(nl: &PartnerInstance, deployments: &[Deployment]) {
    let expected: BTreeMap<String, &str> = deployments
        .iter()
        .flat_map(|d| {
            d.cases
                .iter()
                .filter(|(_, r)| r.told == Told::Partner)
                .map(move |(_, r)| (r.url(), d.name_at_nl.as_str()))
        })
        .collect();
    let deadline = Instant::now() + PATIENCE;
    let got = loop {
        let got = listed(&nl.server, &nl.staff).await;
        if got.len() >= expected.len() {
            break got;
        }
        assert!(
            Instant::now() < deadline,
            "{}: NL received {got:?}, expected {:?}",
            nl.db.engine,
            expected.keys()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(
        got,
        expected.keys().cloned().collect::<BTreeSet<_>>(),
        "{}: what the NL instance received",
        nl.db.engine
    );
    let (_, list) = get_json(&nl.server, "/api/v1/cases?limit=500", &nl.staff).await;
    for c in list["cases"].as_array().unwrap() {
        let id = c["id"].as_i64().unwrap();
        let (status, file) = get_json(&nl.server, &format!("/api/v1/cases/{id}"), &nl.staff).await;
        assert_eq!(status, StatusCode::OK);
        let from = file["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "received_from_partner")
            .and_then(|e| e["details"].as_str())
            .unwrap_or_default()
            .to_owned();
        let address = file["address"].as_str().unwrap();
        assert_eq!(
            from, expected[address],
            "{}: NL case {id} ({address}) came from",
            nl.db.engine
        );
    }
}

/// `hotline serve` with a procedure and regime that do not go together exits at once and
/// says why.
fn refused_at_start(db: &TestDatabase, procedure: Procedure, takedown_by: Takedown) {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&db.dir)
        .args(["--database", &db.url])
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        .env("HOTLINE_PROCEDURE", procedure.as_str())
        .env("HOTLINE_NATIONAL__TAKEDOWN_BY", takedown_by.as_str())
        .env_remove("HOTLINE_DATABASE_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{}: {} with takedown_by {} started",
                db.engine,
                procedure.as_str(),
                takedown_by.as_str()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!status.success(), "{}: {err}", db.engine);
    assert!(
        err.contains("forward-unopened") && err.contains("takedown_by"),
        "{}: the refusal says why: {err}",
        db.engine
    );
}

#[tokio::test]
async fn every_allowed_procedure_regime_and_hosting_ends_where_the_spec_says_and_tells_only_whom_it_should()
 {
    let world_dir = tempfile::tempdir().unwrap();
    let world = loopback_world(world_dir.path()).await;
    for engine in engines() {
        // The combination that is not allowed never runs.
        for &(procedure, takedown_by, allowed) in &REGIMES {
            if !allowed {
                let db = fresh(engine).await;
                refused_at_start(&db, procedure, takedown_by);
                db.remove().await;
            }
        }

        let nl = start_partner(engine).await;
        let mut deployments = Vec::new();
        for &(procedure, takedown_by, allowed) in &REGIMES {
            assert_eq!(
                allowed,
                ROWS.iter()
                    .any(|r| (r.procedure, r.takedown_by) == (procedure, takedown_by)),
                "the table has rows for exactly the allowed regimes"
            );
            if allowed {
                deployments
                    .push(start_deployment(engine, (procedure, takedown_by), &world, &nl).await);
            }
        }
        for d in &deployments {
            assert_eq!(
                d.cases.len(),
                Hosting::ALL.len(),
                "{}: one row per hosting",
                d.label()
            );
            if d.procedure == Procedure::Assess {
                assess_and_refer(d).await;
            }
        }
        for d in &deployments {
            police_steps(d).await;
        }
        for d in &deployments {
            check_cases(d).await;
        }
        for d in &deployments {
            check_mail(d).await;
        }
        check_partner(&nl, &deployments).await;

        for d in deployments {
            drop(d.server);
            d.db.remove().await;
        }
        drop(nl.server);
        nl.db.remove().await;
    }
}
