//! Notices to hosts under the `hotline` takedown regime: a referral waits for the police's
//! objection window, a hold stops the notice, a clearance sends it at once, over SMTP to a
//! server on loopback, with the address, the statute and a XARF part, and nothing about the
//! reporter.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::staff::{Account, Browser};
use crate::support::{Options, Server, cli, client, each_engine, open_store, place_case, raw_sql};

/// The XARF reports `hotline notice show CASE --xarf` prints, each kept for
/// `.ci/validate-xarf` under `label`.
fn shown_xarf(
    db: &hotline_store::testing::TestDatabase,
    case: &str,
    label: &str,
) -> Vec<serde_json::Value> {
    cli(db, &["notice", "show", case, "--xarf"])
        .lines()
        .map(|line| {
            hotline_network::testing::keep_xarf(&format!("{label}-{}", db.engine), line);
            serde_json::from_str(line).unwrap()
        })
        .collect()
}

#[tokio::test]
async fn a_police_hold_blocks_the_notice_whatever_follows_until_it_is_released() {
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp = format!("smtp://127.0.0.1:{port}");
        let smtp: &'static str = Box::leak(smtp.into_boxed_str());
        let options = Options {
            env: vec![
                ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
                ("HOTLINE_NATIONAL__TAKEDOWN_BY", "hotline"),
                ("HOTLINE_NATIONAL__OBJECTION_HOURS", "48"),
                ("HOTLINE_NOTICES__SMTP_URL", smtp),
                ("HOTLINE_NOTICES__FROM", "notices@hotline.test"),
            ],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let ann = Account::add(&db, "ann", "analyst");
        let pol = Account::add(&db, "pol", "police");
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.60/a"], "where_found": "website",
                          "description": "REPORTER-WORDS", "contact": {"email": "reporter@example.com"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);

        // The tracer runs offline here; give the case the trace a loopback world would give:
        // hosted in this country (BE), with the network's abuse contact.
        let store = open_store(&db).await;
        place_case(&store, 1, "192.0.2.60", "BE", Some("abuse@host.example.com")).await;

        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        let assessed = a.assess_national(1, &csrf).await;
        assert_eq!(assessed.status, StatusCode::SEE_OTHER, "{}", assessed.body);
        let page = a.get("/staff/cases/1").await.body;
        assert!(page.contains("Hosted in this country"), "why this route: {page}");
        // Where the abuse contact came from is on the case page.
        assert!(page.contains("abuse@host.example.com (from the network"), "{page}");
        assert!(page.contains("RDAP record, NET-TEST)"), "{page}");
        let referred = a.post("/staff/cases/1/move", &[("csrf_token", &csrf), ("to", "referred")]).await;
        assert_eq!(referred.status, StatusCode::SEE_OTHER);

        // The police hold, then record every other step but a release; the objection window
        // has long passed (the referral is dated back three days). Nothing may go out.
        let mut p = Browser::new(&server);
        assert_eq!(p.login(&pol, 0).await.status, StatusCode::SEE_OTHER);
        let pcsrf = p.csrf().await;
        let step = |step: &'static str, extra: Option<(&'static str, &'static str)>| {
            let mut fields = vec![("csrf_token", pcsrf.clone()), ("step", step.to_owned())];
            if let Some((k, v)) = extra {
                fields.push((k, v.to_owned()));
            }
            fields
        };
        let release_early = police(&mut p, step("release", None)).await;
        assert_eq!(release_early.status, StatusCode::UNPROCESSABLE_ENTITY, "no hold to release yet");
        let served_early = police(&mut p, step("order_served", None)).await;
        assert_eq!(served_early.status, StatusCode::UNPROCESSABLE_ENTITY, "order_served before order_requested");
        let no_number = police(&mut p, step("acknowledged", None)).await;
        assert_eq!(no_number.status, StatusCode::UNPROCESSABLE_ENTITY, "acknowledged needs the file number");
        assert!(no_number.body.contains("file number"), "{}", no_number.body);
        for (s, extra) in [
            ("hold", None),
            ("acknowledged", Some(("reference", "PV-2026-0042"))),
            ("order_requested", None),
            ("preserve_evidence", None),
            ("cleared", None),
        ] {
            let r = police(&mut p, step(s, extra)).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{s}: {}", r.body);
        }
        raw_sql(&db, "UPDATE case_events SET at = at - 259200000 WHERE kind = 'referred_police'").await;
        // The notice job has run for the clearance (and found the hold); nudge it once more.
        let retried = police(&mut p, step("order_requested", None)).await;
        assert_eq!(retried.status, StatusCode::SEE_OTHER);
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert!(inbox.lock().unwrap().is_empty(), "{}: a notice went out under a hold", db.engine);
        let page = p.get("/staff/cases/1").await.body;
        assert!(page.contains("PV-2026-0042"), "the police file number is on the case: {page}");
        assert!(page.contains("police hold"), "the hold is shown: {page}");

        // Released: the notice goes at once, once.
        let released = police(&mut p, step("release", None)).await;
        assert_eq!(released.status, StatusCode::SEE_OTHER, "{}", released.body);
        let deadline = Instant::now() + Duration::from_secs(30);
        while inbox.lock().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "{}: no notice after the release", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        let mail = inbox.lock().unwrap().clone();
        assert_eq!(mail.len(), 1, "exactly one notice");
        assert_eq!(mail[0].to, ["<abuse@host.example.com>"]);
        let data = &mail[0].data;
        assert!(data.contains("http://192.0.2.60/a"));
        assert!(data.contains("417/43"));
        assert!(data.contains("xarf.json"));
        for secret in ["REPORTER-WORDS", "reporter@example.com"] {
            assert!(!data.contains(secret), "the notice carries reporter data: {secret}");
        }
        // What went, as the operator sees it: the stored text and XARF, sent once.
        let shown = cli(&db, &["notice", "show", "1"]);
        assert!(shown.contains("To: abuse@host.example.com\nState: sent"), "{shown}");
        assert!(
            [
                "The police ask you to preserve the material",
                "De politie vraagt u het materiaal",
                "La police vous demande de conserver",
                "Die Polizei bittet Sie, das Material",
            ]
            .iter()
            .any(|p| shown.contains(p)),
            "the police asked that evidence be preserved: {shown}"
        );
        assert!(shown.contains("http://192.0.2.60/a") && shown.contains("417/43"), "{shown}");
        assert!(!shown.contains("REPORTER-WORDS") && !shown.contains("reporter@example.com"));
        let xarf = shown_xarf(&db, "1", "national-sent");
        assert_eq!(xarf.len(), 1);
        // Assessed as illegal under national law only: sent as the industry scheme's least
        // severe category, and said so in words.
        assert_eq!(xarf[0]["classification"], "B2");
        assert!(xarf[0]["description"].as_str().unwrap().contains("national law only"));
        assert!(xarf[0]["description"].as_str().unwrap().contains("preserved as evidence"));
        assert_eq!(xarf[0]["detection_method"], "user_report");
        assert_eq!(xarf[0]["sender"]["domain"], "hotline.test");
        assert!(xarf[0].get("verified_at").is_some(), "when the analyst assessed it");
        assert_eq!(inbox.lock().unwrap().len(), 1, "notice show sent nothing");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let state = store.case_summary(1).await.unwrap().unwrap().state;
            if state == hotline_domain::CaseState::AwaitingRemoval {
                break;
            }
            assert!(Instant::now() < deadline, "still {state}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The host's answers, recorded by the analyst; removal closes the loop.
        let page = a.get("/staff/cases/1").await.body;
        assert!(page.contains("abuse@host.example.com</code>: sent"), "{page}");
        for answer in ["acknowledged", "removed"] {
            let r = a.post("/staff/cases/1/host-answer", &[("csrf_token", csrf.as_str()), ("answer", answer)]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{answer}: {}", r.body);
        }
        assert_eq!(store.case_summary(1).await.unwrap().unwrap().state, hotline_domain::CaseState::Removed);
        let legs: Vec<String> = store.case_timeline(1).await.unwrap().into_iter().map(|(_, k)| k.to_string()).collect();
        for leg in ["referred_police", "police_hold", "police_acknowledged", "order_requested", "police_preserve_evidence", "cleared", "police_release", "notice_sent", "awaiting_removal", "notice_acknowledged", "removed"] {
            assert!(legs.iter().any(|l| l == leg), "{leg} missing from {legs:?}");
        }
        store.close().await;
        db
    })
    .await;
}

/// Records a police step on case 1 from its form fields.
async fn police(p: &mut Browser, fields: Vec<(&'static str, String)>) -> crate::staff::Page {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    p.post("/staff/cases/1/police", &refs).await
}

/// A case referred to the police, traced (set here) to a host in this country with an abuse
/// address, on a server with the given takedown regime; returns the SMTP inbox.
async fn referred_case(
    db: &hotline_store::testing::TestDatabase,
    regime: &'static str,
    hours: &'static str,
) -> (
    Server,
    std::sync::Arc<std::sync::Mutex<Vec<hotline_network::testing::Received>>>,
) {
    let (port, inbox) = hotline_network::testing::smtp_sink().await;
    let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
    let options = Options {
        env: vec![
            ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
            ("HOTLINE_NATIONAL__TAKEDOWN_BY", regime),
            ("HOTLINE_NATIONAL__OBJECTION_HOURS", hours),
            ("HOTLINE_NOTICES__SMTP_URL", smtp),
        ],
        ..Options::default()
    };
    let server = Server::start(db, &options);
    let ann = Account::add(db, "ann", "analyst");
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({"urls": ["http://192.0.2.61/b"], "where_found": "website"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let store = open_store(db).await;
    place_case(
        &store,
        1,
        "192.0.2.61",
        "BE",
        Some("abuse@host.example.com"),
    )
    .await;
    store.close().await;
    let mut a = Browser::new(&server);
    assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
    let csrf = a.csrf().await;
    assert_eq!(
        a.assess_illegal(1, &csrf).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        a.post(
            "/staff/cases/1/move",
            &[("csrf_token", csrf.as_str()), ("to", "referred")]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    (server, inbox)
}

#[tokio::test]
async fn an_elapsed_objection_window_sends_the_notice_and_the_police_regime_never_does() {
    each_engine(|db| async move {
        let (_server, inbox) = referred_case(&db, "hotline", "48").await;
        // Within the window: nothing goes out, and the notice job waits for its end.
        let store = open_store(&db).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let jobs = store.jobs_of_case(1).await.unwrap();
            let waiting = jobs.iter().find(|j| {
                j.kind == "notice"
                    && j.state == hotline_store::JobState::Queued
                    && j.run_at > time::OffsetDateTime::now_utc() + time::Duration::hours(47)
            });
            if waiting.is_some() {
                break;
            }
            assert!(Instant::now() < deadline, "{}: {jobs:?}", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            inbox.lock().unwrap().is_empty(),
            "{}: sent inside the window",
            db.engine
        );
        // The operator previews what will go: text and XARF for each recipient, nothing sent
        // and nothing queued.
        let preview = cli(&db, &["notice", "show", "1"]);
        assert!(
            preview.contains("To: abuse@host.example.com (host)\nState: not sent (preview)"),
            "{preview}"
        );
        // Hosted in Belgium, by a hotline whose language is Dutch: the Dutch built-in text.
        assert!(
            preview.contains("http://192.0.2.61/b") && preview.contains("te goeder trouw"),
            "{preview}"
        );
        assert!(preview.contains("\"csam\""), "the XARF part: {preview}");
        let xarf = shown_xarf(&db, "1", "baseline-preview");
        assert_eq!(xarf.len(), 1);
        assert_eq!(xarf[0]["classification"], "baseline");
        assert_eq!(xarf[0]["url"], "http://192.0.2.61/b");
        assert_eq!(xarf[0]["source_identifier"], "192.0.2.61");
        assert!(
            store.notices_of_case(1).await.unwrap().is_empty(),
            "a preview queues nothing"
        );
        assert!(inbox.lock().unwrap().is_empty(), "a preview sends nothing");
        let unknown = crate::support::hotline(&db, &["notice", "show", "99"]);
        assert!(!unknown.status.success());
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("there is no case 99"));
        let bad = crate::support::hotline(&db, &["notice", "show", "case-x"]);
        assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a case number"));
        // 49 hours pass: the referral moves into the past and the waiting job comes due.
        raw_sql(
            &db,
            "UPDATE case_events SET at = at - 176400000 WHERE kind = 'referred_police'",
        )
        .await;
        raw_sql(
            &db,
            "UPDATE jobs SET run_at = 0 WHERE kind = 'notice' AND state = 'queued'",
        )
        .await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while inbox.lock().unwrap().is_empty() {
            assert!(
                Instant::now() < deadline,
                "{}: no notice once the window passed",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(inbox.lock().unwrap().len(), 1, "{}", db.engine);
        // The reference the notice gave works as well as the number.
        let year = time::OffsetDateTime::now_utc().year();
        let sent = shown_xarf(&db, &format!("BE-{year}-000001"), "baseline-sent");
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0]["classification"], "baseline");
        store.close().await;
        db
    })
    .await;
    each_engine(|db| async move {
        let (_server, inbox) = referred_case(&db, "police", "0").await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert!(
            inbox.lock().unwrap().is_empty(),
            "{}: the police regime sent a notice",
            db.engine
        );
        db
    })
    .await;
}
