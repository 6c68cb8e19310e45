//! Two hotlines running this software refer to each other: BE refers a case hosted in NL to
//! the NL instance over the API, signed; NL opens a case, answers with its reference, and
//! later tells BE it was removed. A
//! wrong token, a forged signature, a stale message and a replayed referral id are refused
//! and leave nothing behind.

use std::process::Command;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use hotline_store::Keyring;
use hotline_store::testing::{POSTGRES_ENV, TestDatabase};

use crate::staff::{Account, Browser};
use crate::support::{Options, Server, cli, client, open_store, place_case};

async fn pair() -> Vec<(TestDatabase, TestDatabase)> {
    let mut v = vec![(TestDatabase::sqlite(), TestDatabase::sqlite())];
    match std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) {
        Some(url) => v.push((
            TestDatabase::postgres(&url).await,
            TestDatabase::postgres(&url).await,
        )),
        None => hotline_store::testing::skipped_part(
            "its PostgreSQL run",
            hotline_store::testing::POSTGRES_SKIP,
        ),
    }
    v
}

fn options(country: &'static str) -> Options {
    Options {
        env: vec![
            ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
            ("HOTLINE_NATIONAL__COUNTRY", country),
        ],
        ..Options::default()
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A world on loopback for BE's tracer: a DNS zone where shop.example.test is 192.0.2.70, an
/// IP database that places 192.0.2.0/24 in the Netherlands (written with the project's own
/// MMDB writer, scripts/build_ipdb.py), and an RDAP server with synthetic answers. Returns the
/// environment that points BE's tracer at it.
async fn loopback_world(dir: &std::path::Path) -> Vec<(&'static str, &'static str)> {
    let dns = hotline_network::testing::serve_zone(
        "example.test.",
        vec![hotline_network::testing::Rec::A(
            "shop.example.test.",
            "192.0.2.70".parse().unwrap(),
        )],
    )
    .await;
    let mmdb = dir.join("test-ip.mmdb");
    let scripts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts");
    let py = format!(
        "import sys; sys.path.insert(0, {scripts:?}); import build_ipdb as b\n\
         mmdb, _ = b.write_mmdb([(0xC0000200, 0xC00002FF, (('64500', 'Example Hosting NL'), ('NL',)))], 0)\n\
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

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../hotline-network/tests/fixtures/rdap");
    let arin = std::fs::read_to_string(fixtures.join("arin_network.json")).unwrap();
    let domain = std::fs::read_to_string(fixtures.join("domain.json")).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let (arin, domain) = (arin.clone(), domain.clone());
        async move {
            let body = if uri.path().starts_with("/ip/") {
                arin
            } else if uri.path().starts_with("/domain/") {
                domain
            } else {
                return (axum::http::StatusCode::NOT_FOUND, String::new());
            };
            (axum::http::StatusCode::OK, body)
        }
    });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let bootstrap = dir.join("rdap-bootstrap");
    std::fs::create_dir_all(&bootstrap).unwrap();
    let registry = |entry: &str| {
        format!(
            r#"{{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[[[{entry}],["{base}"]]]}}"#
        )
    };
    let empty = r#"{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}"#;
    std::fs::write(bootstrap.join("dns.json"), registry(r#""test""#)).unwrap();
    std::fs::write(bootstrap.join("ipv4.json"), registry(r#""192.0.2.0/24""#)).unwrap();
    std::fs::write(bootstrap.join("ipv6.json"), empty).unwrap();
    std::fs::write(bootstrap.join("asn.json"), empty).unwrap();
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

#[tokio::test]
async fn be_refers_a_case_hosted_in_nl_to_the_nl_instance() {
    for (be_db, nl_db) in pair().await {
        let mut be_options = options("BE");
        be_options.env.extend(loopback_world(&be_db.dir).await);
        let be = Server::start(&be_db, &be_options);
        let nl = Server::start(&nl_db, &options("NL"));
        let be_key = cli(&be_db, &["partner", "key"]).trim().to_owned();
        let nl_key = cli(&nl_db, &["partner", "key"]).trim().to_owned();
        cli(
            &nl_db,
            &[
                "partner",
                "add",
                "BE",
                "--countries",
                "BE",
                "--public-key",
                &be_key,
            ],
        );
        let token = cli(&nl_db, &["token", "create", "--partner", "BE"])
            .trim()
            .to_owned();
        cli(
            &be_db,
            &[
                "partner",
                "add",
                "NL",
                "--countries",
                "NL",
                "--channel",
                "api",
                "--endpoint",
                &nl.base,
                "--public-key",
                &nl_key,
                "--token",
                &token,
            ],
        );

        // A report at BE, traced (DNS, IP database, RDAP, all on loopback) to a host in the
        // Netherlands, assessed illegal.
        let ann = Account::add(&be_db, "ann", "analyst");
        let r = client()
            .post(be.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://shop.example.test/x"], "where_found": "website", "description": "REPORTER-WORDS"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let be_store = open_store(&be_db).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        let trace = loop {
            if let Some(t) = be_store.latest_trace(1).await.unwrap() {
                break t;
            }
            assert!(Instant::now() < deadline, "no trace");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(trace.addresses.len(), 1, "{trace:?}");
        let a = &trace.addresses[0];
        assert_eq!(
            (a.ip.as_str(), a.country.as_deref(), a.asn),
            ("192.0.2.70", Some("NL"), Some(64500)),
            "{trace:?}"
        );
        assert_eq!(
            a.abuse.as_ref().and_then(|c| c.email.as_deref()),
            Some("abuse@example.com")
        );
        let mut b = Browser::new(&be);
        assert_eq!(b.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = b.csrf().await;
        let assessed = b.assess_illegal(1, &csrf).await;
        assert_eq!(assessed.status, StatusCode::SEE_OTHER);
        assert!(
            b.get("/staff/cases/1")
                .await
                .body
                .contains("partner hotline NL"),
            "why this route"
        );
        let refer = b
            .post(
                "/staff/cases/1/move",
                &[("csrf_token", csrf.as_str()), ("to", "referred")],
            )
            .await;
        assert_eq!(refer.status, StatusCode::SEE_OTHER, "{}", refer.body);

        // BE's worker delivers it; NL answers with its reference.
        let deadline = Instant::now() + Duration::from_secs(30);
        let reference = loop {
            let refs = be_store.referrals_of_case(1).await.unwrap();
            if let Some((_, _, Some(reference), _)) = refs.iter().find(|r| r.0 == "out") {
                break reference.clone();
            }
            assert!(
                Instant::now() < deadline,
                "{}: not delivered: {:?}",
                be_db.engine,
                be_store.jobs_of_case(1).await.unwrap()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert_eq!(reference, "case:1");
        let nl_store = open_store(&nl_db).await;
        let nl_case = nl_store
            .case_summary(1)
            .await
            .unwrap()
            .expect("NL opened a case");
        assert_eq!(nl_case.canonical, "http://shop.example.test/x");
        assert_eq!(nl_store.counts().await.unwrap().reports, 1);
        let legs: Vec<String> = be_store
            .case_timeline(1)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, k)| k.to_string())
            .collect();
        assert!(legs.iter().any(|l| l == "referred_partner"), "{legs:?}");
        let nl_file = nl_store
            .case_file(1, true, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        let description = nl_file.reports[0].description.clone().unwrap_or_default();
        assert!(
            description.contains("BE-1") && !description.contains("REPORTER-WORDS"),
            "{description}"
        );
        // The referral carried BE's work: its assessment and its trace, nothing of the reporter.
        let (from, work) = nl_store
            .referred_work(1)
            .await
            .unwrap()
            .expect("the referral carried BE's work");
        assert_eq!(from, "BE");
        let theirs = work.assessment.clone().expect("BE's assessment");
        assert_eq!(
            theirs.classification,
            hotline_domain::assessment::Classification::Baseline
        );
        assert_eq!(
            theirs.findings.as_ref().map(|f| f.age_group),
            Some(hotline_domain::assessment::AgeGroup::PrePubescent)
        );
        let their_trace = work.trace.clone().expect("BE's trace");
        assert_eq!(their_trace.traced_at_ms, trace.traced_at_ms);
        let line = &their_trace.lines()[0];
        assert!(
            line.starts_with("192.0.2.70 AS64500 ")
                && line.contains(" NL")
                && line.ends_with("(abuse@example.com)"),
            "{line}"
        );
        let carried = serde_json::to_string(&work).unwrap();
        assert!(
            !carried.contains("REPORTER-WORDS") && !carried.contains("where_found"),
            "{carried}"
        );

        // What NL refuses, and that it stores nothing for it.
        let be_keys = Keyring::load_or_create(&be_db.dir).unwrap();
        let body = |id: &str, sent_at: &str, url: &str| {
            json!({"referral_id": id, "sent_at": sent_at, "urls": [url], "where_found": "website", "reference": "BE-99", "note": null})
                .to_string()
        };
        let now = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let post = |token: String, body: String, sig: String| {
            client()
                .post(nl.url("/api/v1/referrals"))
                .bearer_auth(token)
                .header("content-type", "application/json")
                .header("x-hotline-signature", sig)
                .body(body)
                .send()
        };
        let good = body(
            "11111111-1111-4111-8111-111111111111",
            &now,
            "http://192.0.2.71/y",
        );
        let r = post(
            "hlp_wrong".into(),
            good.clone(),
            be_keys.sign(good.as_bytes()),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "a wrong token");
        let r = post(
            token.clone(),
            good.clone(),
            Keyring::for_tests(9).sign(good.as_bytes()),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "a forged signature");
        let stale = body(
            "22222222-2222-4222-8222-222222222222",
            "2020-01-01T00:00:00Z",
            "http://192.0.2.72/z",
        );
        let r = post(token.clone(), stale.clone(), be_keys.sign(stale.as_bytes()))
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a stale message"
        );
        assert_eq!(
            nl_store.counts().await.unwrap().reports,
            1,
            "nothing stored for refused messages"
        );

        let r = post(token.clone(), good.clone(), be_keys.sign(good.as_bytes()))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let again = post(token.clone(), good.clone(), be_keys.sign(good.as_bytes()))
            .await
            .unwrap();
        assert_eq!(
            again.status(),
            StatusCode::OK,
            "the same message again is a retry, answered as before"
        );
        let replay = body(
            "11111111-1111-4111-8111-111111111111",
            &now,
            "http://192.0.2.99/other",
        );
        let r = post(
            token.clone(),
            replay.clone(),
            be_keys.sign(replay.as_bytes()),
        )
        .await
        .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::CONFLICT,
            "a replayed id with another body"
        );
        assert_eq!(
            nl_store.counts().await.unwrap().reports,
            2,
            "only the one good message opened a case"
        );

        // NL handles its case to removal; the news flows back to BE, signed the same way.
        let back = cli(&be_db, &["token", "create", "--partner", "NL"])
            .trim()
            .to_owned();
        cli(
            &nl_db,
            &[
                "partner",
                "add",
                "BE",
                "--countries",
                "BE",
                "--channel",
                "api",
                "--endpoint",
                &be.base,
                "--public-key",
                &be_key,
                "--token",
                &back,
            ],
        );
        let nina = Account::add(&nl_db, "nina", "analyst");
        let mut n = Browser::new(&nl);
        assert_eq!(n.login(&nina, 0).await.status, StatusCode::SEE_OTHER);
        let ncsrf = n.csrf().await;
        // NL shows BE's work as the referring hotline's, and takes its assessment over.
        let page = n.get("/staff/cases/1").await.body;
        assert!(
            page.contains("The referring hotline&#39;s assessment (BE)")
                || page.contains("The referring hotline's assessment (BE)"),
            "{page}"
        );
        assert!(
            page.contains(
                "Illegal everywhere (baseline): age group Pre-pubescent, Female, Images, Image host"
            ),
            "{page}"
        );
        assert!(page.contains("<code>192.0.2.70 AS64500"), "{page}");
        assert!(!page.contains("REPORTER-WORDS"));
        let assessed = n
            .post(
                "/staff/cases/1/accept-referred-assessment",
                &[("csrf_token", ncsrf.as_str())],
            )
            .await;
        assert_eq!(assessed.status, StatusCode::SEE_OTHER, "{}", assessed.body);
        let nl_file = nl_store
            .case_file(1, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        // Accepted like any assessment: routed at once when NL's own trace is in (hosted at
        // home: to NL's police), else waiting for it.
        match nl_file.state {
            hotline_domain::CaseState::Referred => assert!(nl_file.referred_to_police),
            other => assert_eq!(other, hotline_domain::CaseState::Assessed),
        }
        assert_eq!(
            nl_file.assessments.last().map(|a| &a.assessment),
            Some(&theirs),
            "BE's assessment, accepted as NL's"
        );
        assert_eq!(
            nl_store.referred_work(2).await.unwrap(),
            None,
            "an older message without work is accepted and carries none"
        );
        for to in ["referred", "awaiting_removal", "removed"] {
            let r = n
                .post(
                    "/staff/cases/1/move",
                    &[("csrf_token", ncsrf.as_str()), ("to", to)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{to}: {}", r.body);
        }
        // The referral's status is written first, then the case moves (each move checked by
        // the domain): wait for both.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let refs = be_store.referrals_of_case(1).await.unwrap();
            let status = refs.iter().find(|r| r.0 == "out").and_then(|r| r.3.clone());
            let state = be_store.case_summary(1).await.unwrap().unwrap().state;
            if status.as_deref() == Some("removed") && state == hotline_domain::CaseState::Removed {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}: BE never heard of the removal ({status:?}, case {state:?})",
                be_db.engine
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert_eq!(
            be_store.case_summary(1).await.unwrap().unwrap().state,
            hotline_domain::CaseState::Removed
        );
        let page = b.get("/staff/cases/1").await.body;
        assert!(
            page.contains("News from the partner hotline") && page.contains("NL: removed"),
            "{page}"
        );

        be_store.close().await;
        nl_store.close().await;
        drop((be, nl));
        be_db.remove().await;
        nl_db.remove().await;
    }
}

/// An analyst signed in: the browser and its CSRF token.
async fn analyst(server: &Server, db: &TestDatabase) -> (Browser, String) {
    let ann = Account::add(db, "ann", "analyst");
    let mut b = Browser::new(server);
    assert_eq!(b.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
    let csrf = b.csrf().await;
    (b, csrf)
}

/// Reports `url` through the API (with words only the reporter wrote), places the case on
/// `ip` in `country`, and has the analyst assess it illegal and refer it.
async fn report_assess_and_refer(
    server: &Server,
    db: &TestDatabase,
    store: &hotline_store::Store,
    (case_id, url, ip, country): (i64, &str, &str, &str),
    (b, csrf): &mut (Browser, String),
) {
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(
            &json!({"urls": [url], "where_found": "chat", "description": "REPORTER-WORDS",
                      "contact": {"email": "reporter@example.com"}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED, "{}", db.engine);
    place_case(store, case_id, ip, country, None).await;
    assert_eq!(
        b.assess_illegal(case_id, csrf).await.status,
        StatusCode::SEE_OTHER
    );
    let case = format!("/staff/cases/{case_id}");
    assert_eq!(
        b.post(
            &format!("{case}/move"),
            &[("csrf_token", csrf.as_str()), ("to", "referred")]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_manual_partner_gets_a_copy_ready_summary_and_its_reference_is_recorded() {
    for (db, _unused) in pair().await {
        let server = Server::start(&db, &options("BE"));
        cli(&db, &["partner", "add", "LU", "--countries", "LU"]);
        let store = open_store(&db).await;
        let mut signed_in = analyst(&server, &db).await;
        report_assess_and_refer(
            &server,
            &db,
            &store,
            (1, "http://192.0.2.80/lu", "192.0.2.80", "LU"),
            &mut signed_in,
        )
        .await;
        let (mut b, csrf) = signed_in;
        let page = b.get("/staff/cases/1").await.body;
        assert!(page.contains("Send this to LU by hand"), "{page}");
        let summary = page
            .split("<pre class=\"summary\">")
            .nth(1)
            .unwrap()
            .split("</pre>")
            .next()
            .unwrap();
        assert!(
            summary.contains("Address: http://192.0.2.80/lu"),
            "{summary}"
        );
        assert!(
            !summary.contains("REPORTER-WORDS"),
            "the summary never carries the reporter's words"
        );
        // The copy-ready ICCAM summary: ICCAM's names, in ICCAM's order.
        let iccam = page
            .split("<pre class=\"summary iccam\">")
            .nth(1)
            .expect("an ICCAM summary for a manual partner")
            .split("</pre>")
            .next()
            .unwrap();
        let names: Vec<&str> = iccam
            .lines()
            .filter_map(|l| l.split_once(": ").map(|(k, _)| k))
            .collect();
        assert_eq!(
            names,
            [
                "url",
                "ipAddress",
                "hostingCountry",
                "classification",
                "ageCategorization",
                "genderCategorization",
                "sourceUrlSiteType",
                "sourceUrlCommerciality",
                "sourceUrlPaymentMethods",
                "virtual",
                "userGenerated",
                "childModeling",
                "contentType",
            ],
            "{iccam}"
        );
        assert!(iccam.contains("url: http://192.0.2.80/lu\n"), "{iccam}");
        assert!(iccam.contains("hostingCountry: LU\n"), "{iccam}");
        assert!(iccam.contains("classification: Baseline CSAM\n"), "{iccam}");
        assert!(
            iccam.contains("ageCategorization: Pre-pubescent\n"),
            "{iccam}"
        );
        assert!(iccam.contains("sourceUrlSiteType: Image host\n"), "{iccam}");
        assert!(!iccam.contains("REPORTER-WORDS"));
        let r = b
            .post(
                "/staff/cases/1/partner-reference",
                &[("csrf_token", csrf.as_str()), ("reference", "ICCAM-123")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = b.get("/staff/cases/1").await.body;
        assert!(
            page.contains("LU: ICCAM-123") && !page.contains("Send this to LU by hand"),
            "{page}"
        );
        store.close().await;
        drop(server);
        db.remove().await;
        _unused.remove().await;
    }
}

/// The text of the one message in `inbox` addressed to `to`, waiting for it to arrive.
async fn mail_to(
    inbox: &std::sync::Mutex<Vec<hotline_network::testing::Received>>,
    to: &str,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        {
            let got = inbox.lock().unwrap();
            let mine: Vec<_> = got
                .iter()
                .filter(|m| m.to.iter().any(|t| t.contains(to)))
                .collect();
            assert!(mine.len() <= 1, "mailed twice: {mine:?}");
            if let Some(m) = mine.first() {
                return m.data.clone();
            }
        }
        assert!(Instant::now() < deadline, "nothing reached {to}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_email_partner_gets_the_referral_by_mail_encrypted_to_its_key_or_plain() {
    for (db, _unused) in pair().await {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let mut o = options("BE");
        o.env.push((
            "HOTLINE_NOTICES__SMTP_URL",
            leak(format!("smtp://127.0.0.1:{port}")),
        ));
        o.env
            .push(("HOTLINE_NOTICES__FROM", "referrals@hotline.test"));
        let server = Server::start(&db, &o);
        // LU reads its referrals with an age identity; LI asked for plain mail.
        let identity = age::x25519::Identity::generate();
        let key = identity.to_public().to_string();
        cli(
            &db,
            &[
                "partner",
                "add",
                "LU",
                "--countries",
                "LU",
                "--channel",
                "email",
                "--endpoint",
                "referrals@lu.example.test",
                "--encrypt-to",
                &key,
            ],
        );
        cli(
            &db,
            &[
                "partner",
                "add",
                "LI",
                "--countries",
                "LI",
                "--channel",
                "email",
                "--endpoint",
                "referrals@li.example.test",
            ],
        );
        let store = open_store(&db).await;
        let mut signed_in = analyst(&server, &db).await;
        report_assess_and_refer(
            &server,
            &db,
            &store,
            (1, "http://192.0.2.80/lu", "192.0.2.80", "LU"),
            &mut signed_in,
        )
        .await;
        report_assess_and_refer(
            &server,
            &db,
            &store,
            (2, "http://192.0.2.81/li", "192.0.2.81", "LI"),
            &mut signed_in,
        )
        .await;
        let (mut b, _) = signed_in;

        let sealed = mail_to(&inbox, "referrals@lu.example.test").await;
        assert!(
            !sealed.contains("192.0.2.80"),
            "{}: the address travelled in clear: {sealed}",
            db.engine
        );
        let armoured = sealed
            .split("-----BEGIN AGE ENCRYPTED FILE-----")
            .nth(1)
            .and_then(|rest| rest.split("-----END AGE ENCRYPTED FILE-----").next())
            .unwrap_or_else(|| panic!("no age message in {sealed}"));
        let armoured = format!(
            "-----BEGIN AGE ENCRYPTED FILE-----{armoured}-----END AGE ENCRYPTED FILE-----\n"
        );
        let opened =
            String::from_utf8(age::decrypt(&identity, armoured.as_bytes()).unwrap()).unwrap();
        assert!(opened.contains("Address: http://192.0.2.80/lu"), "{opened}");
        assert!(opened.contains("(reference BE-1)"), "{opened}");
        assert!(opened.contains("Hosted in: LU"), "{opened}");

        let plain = mail_to(&inbox, "referrals@li.example.test").await;
        assert!(plain.contains("Address: http://192.0.2.81/li"), "{plain}");
        for mail in [&opened, &plain] {
            assert!(
                !mail.contains("REPORTER-WORDS") && !mail.contains("reporter@example.com"),
                "a referral never carries the reporter: {mail}"
            );
        }

        // Recorded as sent, on the timeline, and no longer waiting for a person.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let page = b.get("/staff/cases/1").await.body;
            if page.contains("LU: mailed to referrals@lu.example.test, encrypted") {
                assert!(!page.contains("Send this to LU by hand"), "{page}");
                break;
            }
            assert!(Instant::now() < deadline, "{}: {page}", db.engine);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // Nothing is mailed twice, however often the worker looks again.
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(inbox.lock().unwrap().len(), 2, "{}", db.engine);
        store.close().await;
        drop(server);
        db.remove().await;
        _unused.remove().await;
    }
}

#[tokio::test]
async fn forward_unopened_sends_a_case_hosted_in_a_partners_country_to_the_national_police() {
    for (db, _unused) in pair().await {
        let mut o = options("BE");
        o.env.push(("HOTLINE_PROCEDURE", "forward-unopened"));
        o.env.extend(loopback_world(&db.dir).await);
        cli(&db, &["partner", "add", "Offlimits", "--countries", "NL"]);
        let server = Server::start(&db, &o);
        let ann = Account::add(&db, "ann", "analyst");
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://shop.example.test/fwd"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        let file = loop {
            let file = store
                .case_file(1, false, hotline_domain::ContactView::Hidden)
                .await
                .unwrap()
                .unwrap();
            if file.state == hotline_domain::CaseState::Referred {
                break file;
            }
            assert!(
                Instant::now() < deadline,
                "{}: still {:?}",
                db.engine,
                file.state
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        // Traced to NL (the loopback DNS zone and IP database put it there), where a partner
        // works, yet handed to the national police: nobody at the hotline opened it, so the
        // police, not the hotline, pass it abroad (docs/SPEC.md §1).
        assert!(file.referred_to_police, "{}", db.engine);
        assert!(
            file.timeline
                .iter()
                .any(|e| e.kind.as_str() == "referred_police")
                && !file
                    .timeline
                    .iter()
                    .any(|e| e.kind.as_str() == "referral_to_partner_queued"),
            "{:?}",
            file.timeline
        );
        assert!(
            store.referrals_of_case(1).await.unwrap().is_empty(),
            "{}: nothing went to the partner",
            db.engine
        );
        store.close().await;
        let mut b = Browser::new(&server);
        assert_eq!(b.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let page = b.get("/staff/cases/1").await.body;
        assert!(
            page.contains("Forwarded unopened (hosted in NL)"),
            "why this route: {page}"
        );
        assert!(
            !page.contains("href=\"http://shop.example.test"),
            "never a link"
        );
        drop(server);
        db.remove().await;
        _unused.remove().await;
    }
}

/// A partner whose key is `keys`, registered at `server` (its database `db`) as `name`;
/// returns the bearer token it calls with.
fn register_partner(db: &TestDatabase, name: &str, country: &str, public_key: &str) -> String {
    cli(
        db,
        &[
            "partner",
            "add",
            name,
            "--countries",
            country,
            "--public-key",
            public_key,
        ],
    );
    cli(db, &["token", "create", "--partner", name])
        .trim()
        .to_owned()
}

fn referral_body(id: &str, url: &str) -> String {
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    json!({"referral_id": id, "sent_at": now, "urls": [url], "where_found": "website", "reference": "BE-7", "note": null})
        .to_string()
}

/// Issue 18: a partner posting the same referral twice at once gets one case and one
/// report; every answer names it (one `201`, the others `200` as retries), none is a `500`.
#[tokio::test]
async fn identical_referrals_posted_at_once_store_one_report() {
    for db in TestDatabase::all().await {
        let nl = Server::start(&db, &options("NL"));
        let be_keys = Keyring::for_tests(5);
        let token = register_partner(&db, "BE", "BE", &be_keys.signing_public_hex());
        let body = referral_body(
            "33333333-3333-4333-8333-333333333333",
            "http://198.51.100.44/twice",
        );
        let signature = be_keys.sign(body.as_bytes());
        let mut sends = Vec::new();
        for _ in 0..16 {
            let request = client()
                .post(nl.url("/api/v1/referrals"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .header("x-hotline-signature", &signature)
                .body(body.clone());
            sends.push(tokio::spawn(async move {
                let r = request.send().await.unwrap();
                let status = r.status();
                (status, r.text().await.unwrap())
            }));
        }
        let mut answers = Vec::new();
        for s in sends {
            answers.push(s.await.unwrap());
        }
        let created = answers
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        let retries = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        assert_eq!(
            (created, retries),
            (1, 15),
            "{}: one stored, the rest answered as retries: {answers:?}",
            db.engine
        );
        assert!(
            answers.iter().all(|(_, b)| b.contains("\"case:1\"")),
            "{}: {answers:?}",
            db.engine
        );
        let store = open_store(&db).await;
        assert_eq!(
            store.counts().await.unwrap().reports,
            1,
            "{}: one report",
            db.engine
        );
        let refs = store.referrals_of_case(1).await.unwrap();
        assert_eq!(refs.len(), 1, "{}: one referral row: {refs:?}", db.engine);
        let summary = store.case_summary(1).await.unwrap().unwrap();
        assert_eq!(summary.report_count, 1, "{}", db.engine);
        store.close().await;
        drop(nl);
        db.remove().await;
    }
}

/// Issue 18: BE rotates its federation signing key with `hotline keys rotate-signing`. During
/// the grace period its messages carry the old key's signature beside the new one's, so NL,
/// which still knows the old key, accepts them; once NL registers the new key (`hotline
/// partner set-key`) it accepts the new key's signature and refuses one by the old key alone;
/// a key rotated away without grace signs nothing more, and NL refuses what comes without
/// the key it knows, naming the key used.
#[tokio::test]
async fn a_rotated_signing_key_is_accepted_and_a_retired_one_refused() {
    use hotline_domain::partner::{KEY_HEADER, PREVIOUS_SIGNATURES_HEADER, SIGNATURE_HEADER};
    for (be_db, nl_db) in pair().await {
        let nl = Server::start(&nl_db, &options("NL"));
        let first = cli(&be_db, &["partner", "key"]).trim().to_owned();
        let token = register_partner(&nl_db, "BE", "BE", &first);
        let before = Keyring::load_or_create(&be_db.dir).unwrap();
        let post = |body: String, signed: hotline_domain::partner::Signed| {
            let mut r = client()
                .post(nl.url("/api/v1/referrals"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .header(SIGNATURE_HEADER, signed.signature.clone())
                .header(KEY_HEADER, signed.key.clone());
            if let Some(p) = signed.previous_header() {
                r = r.header(PREVIOUS_SIGNATURES_HEADER, p);
            }
            async move {
                let r = r.body(body).send().await.unwrap();
                let status = r.status();
                (status, r.text().await.unwrap())
            }
        };
        let now = time::OffsetDateTime::now_utc;

        let out = cli(&be_db, &["keys", "rotate-signing", "--grace-days", "14"]);
        let second = cli(&be_db, &["partner", "key"]).trim().to_owned();
        assert_ne!(second, first, "{out}");
        assert!(out.contains(&second), "{out}");
        let be = Keyring::load_or_create(&be_db.dir).unwrap();

        // In the grace period, NL (still holding the old key) accepts the new messages.
        let body = referral_body(
            "44444444-4444-4444-8444-444444444401",
            "http://198.51.100.45/a",
        );
        let signed = be.sign_for_partners(body.as_bytes(), now());
        assert_eq!(signed.key, second);
        assert_eq!(
            signed.previous.len(),
            1,
            "the old key signs beside the new one"
        );
        let (status, text) = post(body, signed.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {text}", nl_db.engine);
        // Without the old key's signature it would not have been accepted.
        let body = referral_body(
            "44444444-4444-4444-8444-444444444402",
            "http://198.51.100.45/b",
        );
        let mut only_new = be.sign_for_partners(body.as_bytes(), now());
        only_new.previous.clear();
        let (status, text) = post(body, only_new).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: {text}", nl_db.engine);
        assert!(
            text.contains(&second),
            "the refusal names the key used: {text}"
        );

        // NL registers the new key: the new key's signature alone is accepted now, and a
        // message signed only by the old key is refused.
        cli(&nl_db, &["partner", "set-key", "BE", &second]);
        let body = referral_body(
            "44444444-4444-4444-8444-444444444403",
            "http://198.51.100.45/c",
        );
        let mut only_new = be.sign_for_partners(body.as_bytes(), now());
        only_new.previous.clear();
        let (status, text) = post(body, only_new).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {text}", nl_db.engine);
        let body = referral_body(
            "44444444-4444-4444-8444-444444444404",
            "http://198.51.100.45/d",
        );
        let (status, text) = post(
            body.clone(),
            before.sign_for_partners(body.as_bytes(), now()),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{}: the retired key alone is refused: {text}",
            nl_db.engine
        );

        // Past its grace a retired key signs nothing: BE rotates again without grace, and NL,
        // which knows only the key just retired, refuses BE's messages until it registers the
        // third.
        cli(&be_db, &["keys", "rotate-signing", "--grace-days", "0"]);
        be.reload(&be_db.dir).unwrap();
        let body = referral_body(
            "44444444-4444-4444-8444-444444444405",
            "http://198.51.100.45/e",
        );
        let signed = be.sign_for_partners(body.as_bytes(), now());
        assert!(signed.previous.is_empty(), "{signed:?}");
        assert_ne!(signed.key, second);
        let (status, text) = post(body, signed).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: {text}", nl_db.engine);

        let nl_store = open_store(&nl_db).await;
        assert_eq!(
            nl_store.counts().await.unwrap().reports,
            2,
            "{}: only the two accepted referrals were stored",
            nl_db.engine
        );
        let audit = nl_store
            .audit_events(
                &hotline_store::AuditFilter {
                    action: Some("partner.key".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap();
        assert_eq!(
            audit.len(),
            1,
            "{}: the key change is audited",
            nl_db.engine
        );
        nl_store.close().await;
        drop(nl);
        be_db.remove().await;
        nl_db.remove().await;
    }
}
