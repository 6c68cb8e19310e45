//! Notices to hosts under the `hotline` takedown regime: a referral waits for the police's
//! objection window, a hold stops the notice, a clearance sends it at once, over SMTP to a
//! server on loopback, with the address, the statute and a XARF part, and nothing about the
//! reporter.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::staff::{Account, Browser};
use crate::support::{
    Options, Server, cli, client, each_engine, mail_parts, open_store, place_case, raw_sql,
};

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

/// A loopback SMTP sink: its URL for `notices.smtp_url`, and what it received.
async fn sink() -> (
    &'static str,
    std::sync::Arc<std::sync::Mutex<Vec<hotline_network::testing::Received>>>,
) {
    let (port, inbox) = hotline_network::testing::smtp_sink().await;
    (leak(format!("smtp://127.0.0.1:{port}")), inbox)
}

/// The environment of a server under takedown regime `regime` (with `hours` for the
/// police to object) that mails its notices through `smtp`, and `more`.
fn notice_env(
    regime: &'static str,
    hours: &'static str,
    smtp: &'static str,
    more: &[(&'static str, &'static str)],
) -> Options {
    let mut env = vec![
        ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
        ("HOTLINE_NATIONAL__TAKEDOWN_BY", regime),
        ("HOTLINE_NATIONAL__OBJECTION_HOURS", hours),
        ("HOTLINE_NOTICES__SMTP_URL", smtp),
        ("HOTLINE_NOTICES__FROM", "notices@hotline.test"),
    ];
    env.extend_from_slice(more);
    Options {
        env,
        ..Options::default()
    }
}

#[tokio::test]
async fn a_police_hold_blocks_the_notice_whatever_follows_until_it_is_released() {
    each_engine(|db| async move {
        let (smtp, inbox) = sink().await;
        let server = Server::start(&db, &notice_env("hotline", "48", smtp, &[]));
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
/// address, on a server with the given takedown regime and environment `more`; returns the
/// server, the SMTP inbox and the analyst who referred it.
pub(crate) async fn referred_case(
    db: &hotline_store::testing::TestDatabase,
    regime: &'static str,
    hours: &'static str,
    more: &[(&'static str, &'static str)],
) -> (
    Server,
    std::sync::Arc<std::sync::Mutex<Vec<hotline_network::testing::Received>>>,
    Account,
) {
    let (smtp, inbox) = sink().await;
    let server = Server::start(db, &notice_env(regime, hours, smtp, more));
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
    (server, inbox, ann)
}

#[tokio::test]
async fn an_elapsed_objection_window_sends_the_notice_and_the_police_regime_never_does() {
    each_engine(|db| async move {
        let (_server, inbox, _) = referred_case(&db, "hotline", "48", &[]).await;
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
        crate::support::objection_window_passes(&db).await;
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
        let (_server, inbox, _) = referred_case(&db, "police", "0", &[]).await;
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

/// The public site's address the grouped-notice server puts in its answer links.
const SITE: &str = "https://hotline.example.org";

/// Waits until every case in `ids` has `leg` on its timeline.
async fn wait_for_leg(store: &hotline_store::Store, ids: &[i64], leg: &str, engine: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    for id in ids {
        loop {
            let legs = store.case_timeline(*id).await.unwrap();
            if legs.iter().any(|(_, k)| k.as_str() == leg) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{engine}: case {id} has no {leg}: {legs:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

#[tokio::test]
async fn notices_due_in_one_run_go_in_one_mail_per_recipient_with_a_xarf_part_per_address() {
    each_engine(|db| async move {
        let (smtp, inbox) = sink().await;
        // One worker, so the notices that come due together are one run's.
        let more = [("HOTLINE_PUBLIC__SITE_URL", SITE), ("HOTLINE_WORKERS", "1")];
        let server = Server::start(&db, &notice_env("hotline", "48", smtp, &more));
        let ann = Account::add(&db, "ann", "analyst");
        // Six addresses on one host (the police will hold one), two on another, in one report.
        let one: Vec<String> = (1..=6)
            .map(|i| format!("http://192.0.2.60/g/{i}"))
            .collect();
        let held_address = "http://192.0.2.60/g/6";
        let two: Vec<String> = (1..=2)
            .map(|i| format!("http://192.0.2.62/h/{i}"))
            .collect();
        let urls: Vec<&String> = one.iter().chain(&two).collect();
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": urls, "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        let all: Vec<i64> = (1..=8).collect();
        let mut host_of = std::collections::BTreeMap::new();
        for id in &all {
            let file = store
                .case_file(*id, false, hotline_domain::ContactView::Hidden)
                .await
                .unwrap()
                .unwrap();
            let (ip, abuse) = if file.canonical.contains("192.0.2.60") {
                ("192.0.2.60", "abuse@one.example.com")
            } else {
                ("192.0.2.62", "abuse@two.example.com")
            };
            place_case(&store, *id, ip, "BE", Some(abuse)).await;
            host_of.insert(*id, (file.canonical, abuse));
        }
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        for id in &all {
            assert_eq!(
                a.assess_illegal(*id, &csrf).await.status,
                StatusCode::SEE_OTHER
            );
            let referred = a
                .post(
                    &format!("/staff/cases/{id}/move"),
                    &[("csrf_token", csrf.as_str()), ("to", "referred")],
                )
                .await;
            assert_eq!(
                referred.status,
                StatusCode::SEE_OTHER,
                "{id}: {}",
                referred.body
            );
        }
        // The police hold one case: its notice is left out of the mail.
        let held = *host_of
            .iter()
            .find(|(_, (address, _))| address == held_address)
            .unwrap()
            .0;
        let pol = Account::add(&db, "pol", "police");
        let mut p = Browser::new(&server);
        assert_eq!(p.login(&pol, 0).await.status, StatusCode::SEE_OTHER);
        let pcsrf = p.csrf().await;
        let hold = p
            .post(
                &format!("/staff/cases/{held}/police"),
                &[("csrf_token", pcsrf.as_str()), ("step", "hold")],
            )
            .await;
        assert_eq!(hold.status, StatusCode::SEE_OTHER, "{}", hold.body);
        let ids: Vec<i64> = all.iter().copied().filter(|id| *id != held).collect();
        let one: Vec<String> = one.into_iter().filter(|a| a != held_address).collect();
        // Every notice waits for the police's objection window…
        let deadline = Instant::now() + Duration::from_secs(60);
        for id in &ids {
            loop {
                let jobs = store.jobs_of_case(*id).await.unwrap();
                if jobs.iter().any(|j| {
                    j.kind == "notice"
                        && j.state == hotline_store::JobState::Queued
                        && j.run_at > time::OffsetDateTime::now_utc() + time::Duration::hours(47)
                }) {
                    break;
                }
                assert!(Instant::now() < deadline, "{}: {id}: {jobs:?}", db.engine);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        assert!(inbox.lock().unwrap().is_empty(), "sent inside the window");
        // …which passes for all of them at once: one run finds eight notice jobs due.
        crate::support::objection_window_passes(&db).await;
        wait_for_leg(&store, &ids, "notice_sent", db.engine).await;

        let mail = inbox.lock().unwrap().clone();
        assert_eq!(
            mail.len(),
            2,
            "{}: one mail per recipient: {mail:?}",
            db.engine
        );
        for (abuse, addresses) in [
            ("abuse@one.example.com", &one),
            ("abuse@two.example.com", &two),
        ] {
            let to = format!("<{abuse}>");
            let got: Vec<_> = mail.iter().filter(|m| m.to == [to.clone()]).collect();
            assert_eq!(got.len(), 1, "{}: one mail to {abuse}", db.engine);
            let parts = mail_parts(&got[0].data);
            let text = &parts.iter().find(|(name, _)| name.is_none()).unwrap().1;
            let xarf: Vec<serde_json::Value> = parts
                .iter()
                .filter(|(name, _)| name.as_deref().is_some_and(|n| n.starts_with("xarf")))
                .map(|(name, json)| {
                    hotline_network::testing::keep_xarf(
                        &format!("grouped-{}-{}", db.engine, name.as_deref().unwrap()),
                        json,
                    );
                    serde_json::from_str(json).unwrap()
                })
                .collect();
            assert_eq!(
                xarf.len(),
                addresses.len(),
                "{}: a XARF part per address",
                db.engine
            );
            let mut named: Vec<&str> = xarf.iter().map(|x| x["url"].as_str().unwrap()).collect();
            named.sort_unstable();
            let mut wanted: Vec<&str> = addresses.iter().map(String::as_str).collect();
            wanted.sort_unstable();
            assert_eq!(named, wanted, "each XARF report names one address");
            for x in &xarf {
                assert_eq!(x["type"], "csam");
                assert_eq!(x["category"], "content");
                assert_eq!(x["sender"]["domain"], "hotline.test");
                assert!(x["report_id"].as_str().is_some_and(|r| r.len() == 36));
            }
            let mut reports: Vec<&str> = xarf
                .iter()
                .map(|x| x["report_id"].as_str().unwrap())
                .collect();
            reports.sort_unstable();
            reports.dedup();
            assert_eq!(reports.len(), addresses.len(), "one report id per address");
            // The text lists every address once, and one answer link per address, numbered
            // as the addresses are: each link opens the page of its own address.
            for address in addresses {
                assert_eq!(text.matches(address.as_str()).count(), 1, "{text}");
            }
            let numbered = |prefix: &str| -> std::collections::BTreeMap<String, String> {
                text.lines()
                    .filter_map(|l| {
                        let (n, rest) = l.split_once(". ")?;
                        (n.parse::<u32>().is_ok() && rest.starts_with(prefix))
                            .then(|| (n.to_owned(), rest.trim().to_owned()))
                    })
                    .collect()
            };
            let listed = numbered("http://192.0.2.");
            let links = numbered(SITE);
            assert_eq!(listed.len(), addresses.len(), "{text}");
            assert_eq!(links.len(), addresses.len(), "{text}");
            for (n, link) in &links {
                let path = &link[SITE.len()..];
                assert!(path.starts_with("/nl/answer/"), "{link}");
                let page = client().get(server.url(path)).send().await.unwrap();
                assert_eq!(page.status(), StatusCode::OK, "{link}");
                let page = page.text().await.unwrap();
                assert!(
                    page.contains(&listed[n]),
                    "link {n} opens the page of {}: {page}",
                    listed[n]
                );
                for (m, other) in &listed {
                    if m != n {
                        assert!(!page.contains(other.as_str()), "link {n} shows {other}");
                    }
                }
            }
        }
        // Each case records its own notice, sent, on its own timeline.
        for id in &ids {
            let notices = store.notices_of_case(*id).await.unwrap();
            assert_eq!(notices.len(), 1, "{id}");
            assert_eq!(notices[0].state, "sent", "{id}");
            assert_eq!(notices[0].recipient, host_of[id].1, "{id}");
            let legs: Vec<String> = store
                .case_timeline(*id)
                .await
                .unwrap()
                .into_iter()
                .map(|(_, k)| k.to_string())
                .collect();
            assert_eq!(
                legs.iter().filter(|l| *l == "notice_sent").count(),
                1,
                "{id}: {legs:?}"
            );
            assert_eq!(
                store.case_summary(*id).await.unwrap().unwrap().state,
                hotline_domain::CaseState::AwaitingRemoval
            );
        }
        // The held case sent nothing and waits for the police.
        assert!(store.notices_of_case(held).await.unwrap().is_empty());
        let legs = store.case_timeline(held).await.unwrap();
        assert!(
            !legs.iter().any(|(_, k)| k.as_str() == "notice_sent"),
            "{legs:?}"
        );
        assert_eq!(
            store.case_summary(held).await.unwrap().unwrap().state,
            hotline_domain::CaseState::Referred
        );
        // What went, as the operator sees it, per case.
        let shown = cli(&db, &["notice", "show", &ids[0].to_string()]);
        assert!(shown.contains("State: sent"), "{shown}");
        assert!(shown.contains("Note: a preview"), "{shown}");
        assert!(shown.contains(&host_of[&ids[0]].0), "{shown}");
        store.close().await;
        db
    })
    .await;
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A world on loopback where `shop.notices.test` can move: a DNS zone whose answers change
/// (TTL 0), an IP database (the project's MMDB writer, scripts/build_ipdb.py) that puts
/// 192.0.2.0/26 in AS64501 and 192.0.2.64/26 in AS64502, both in BE, and an RDAP server that
/// gives 192.0.2.10 the abuse address `abuse@one.example.com` and 192.0.2.70
/// `abuse@two.example.com`. Returns the zone and the environment that points a tracer at it.
async fn moving_world(
    dir: &std::path::Path,
) -> (
    hotline_network::testing::ChangingZone,
    Vec<(&'static str, &'static str)>,
) {
    use hotline_network::testing::{Rec, serve_changing_zone};
    let (dns, zone) = serve_changing_zone(
        "notices.test.",
        vec![Rec::A("shop.notices.test.", "192.0.2.10".parse().unwrap())],
    )
    .await;
    let mmdb = dir.join("notices-ip.mmdb");
    let scripts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts");
    let py = format!(
        "import sys; sys.path.insert(0, {scripts:?}); import build_ipdb as b\n\
         mmdb, _ = b.write_mmdb([\n\
           (0xC0000200, 0xC000023F, (('64501', 'First Hosting BE'), ('BE',))),\n\
           (0xC0000240, 0xC000027F, (('64502', 'Second Hosting BE'), ('BE',))),\n\
         ], 0)\n\
         open({mmdb:?}, 'wb').write(mmdb)\n",
        scripts = scripts.display().to_string(),
        mmdb = mmdb.display().to_string()
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &py])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../hotline-network/tests/fixtures/rdap/arin_network.json"),
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let fixture = fixture.clone();
        async move {
            let abuse = match uri.path() {
                "/ip/192.0.2.10" => "abuse@one.example.com",
                "/ip/192.0.2.70" => "abuse@two.example.com",
                _ => return (axum::http::StatusCode::NOT_FOUND, String::new()),
            };
            (
                axum::http::StatusCode::OK,
                fixture.replace("abuse@example.com", abuse),
            )
        }
    });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let bootstrap = crate::support::rdap_bootstrap(dir, Some(&base));
    let env = vec![
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
    ];
    (zone, env)
}

#[tokio::test]
async fn a_host_that_changed_before_the_notice_holds_it_for_an_analyst() {
    each_engine(|db| async move {
        let dir = tempfile::tempdir().unwrap();
        let (zone, env) = moving_world(dir.path()).await;
        let (smtp, inbox) = sink().await;
        // No objection window: the notice is due as soon as the case is referred.
        let server = Server::start(&db, &notice_env("hotline", "0", smtp, &env));
        let ann = Account::add(&db, "ann", "analyst");
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://shop.notices.test/gallery"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        // Traced by the server's own tracer to the first host…
        let store = open_store(&db).await;
        let deadline = Instant::now() + Duration::from_secs(60);
        let first = loop {
            if let Some(t) = store.latest_trace(1).await.unwrap() {
                break t;
            }
            assert!(Instant::now() < deadline, "{}: no trace", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(first.addresses.len(), 1, "{first:?}");
        assert_eq!(first.addresses[0].ip, "192.0.2.10");
        let contact = first.addresses[0]
            .abuse
            .as_ref()
            .and_then(|c| c.email.as_deref());
        assert_eq!(contact, Some("abuse@one.example.com"), "{first:?}");
        // …then the site moves to another network, before its notice goes.
        zone.point("shop.notices.test.", "192.0.2.70".parse().unwrap())
            .await;
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        assert_eq!(
            a.assess_illegal(1, &csrf).await.status,
            StatusCode::SEE_OTHER
        );
        let referred = a
            .post(
                "/staff/cases/1/move",
                &[("csrf_token", csrf.as_str()), ("to", "referred")],
            )
            .await;
        assert_eq!(referred.status, StatusCode::SEE_OTHER, "{}", referred.body);
        wait_for_leg(&store, &[1], "host_changed", db.engine).await;
        // The notice job is over, and it sent nothing.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let jobs = store.jobs_of_case(1).await.unwrap();
            if jobs
                .iter()
                .filter(|j| j.kind == "notice")
                .all(|j| j.state == hotline_store::JobState::Done)
            {
                break;
            }
            assert!(Instant::now() < deadline, "{}: {jobs:?}", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            inbox.lock().unwrap().is_empty(),
            "{}: a notice went to a host that changed",
            db.engine
        );
        assert!(
            store.notices_of_case(1).await.unwrap().is_empty(),
            "nothing queued"
        );
        let timeline = store.case_timeline(1).await.unwrap();
        let changed = store
            .case_file(1, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap()
            .timeline
            .into_iter()
            .find(|e| e.kind.as_str() == "host_changed")
            .and_then(|e| e.details)
            .unwrap_or_else(|| panic!("{timeline:?}"));
        assert_eq!(
            changed,
            "AS64501, abuse@one.example.com -> AS64502, abuse@two.example.com"
        );
        // The fresh trace is kept: the case page shows the new host, and what waits.
        let page = a.get("/staff/cases/1").await.body;
        assert!(
            page.contains("the hosting changed just before the notice went"),
            "{page}"
        );
        assert!(page.contains("Host changed before the notice"), "{page}");
        assert!(page.contains("abuse@two.example.com"), "{page}");
        // From what to what, in the words of the case page.
        assert!(page.contains("AS64501, abuse@one.example.com -"), "{page}");
        assert_eq!(
            store.case_summary(1).await.unwrap().unwrap().state,
            hotline_domain::CaseState::Referred
        );

        // The analyst checks the new hosting and traces again: the notice goes to the new host.
        let again = a
            .post("/staff/cases/1/trace", &[("csrf_token", csrf.as_str())])
            .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
        wait_for_leg(&store, &[1], "notice_sent", db.engine).await;
        let mail = inbox.lock().unwrap().clone();
        assert_eq!(mail.len(), 1, "{}", db.engine);
        assert_eq!(mail[0].to, ["<abuse@two.example.com>"]);
        let page = a.get("/staff/cases/1").await.body;
        assert!(
            !page.contains("the hosting changed just before the notice went"),
            "{page}"
        );
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn a_mail_that_fails_leaves_each_notice_in_it_pending_and_each_job_to_retry() {
    each_engine(|db| async move {
        // An SMTP address where nothing listens.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let dead = leak(format!(
            "smtp://127.0.0.1:{}",
            closed.local_addr().unwrap().port()
        ));
        drop(closed);
        let env = |smtp| notice_env("hotline", "48", smtp, &[("HOTLINE_WORKERS", "1")]);
        let server = Server::start(&db, &env(dead));
        let ann = Account::add(&db, "ann", "analyst");
        let urls: Vec<String> = (1..=3)
            .map(|i| format!("http://192.0.2.60/f/{i}"))
            .collect();
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": urls, "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        let ids: Vec<i64> = (1..=3).collect();
        for id in &ids {
            place_case(
                &store,
                *id,
                "192.0.2.60",
                "BE",
                Some("abuse@one.example.com"),
            )
            .await;
        }
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        for id in &ids {
            assert_eq!(
                a.assess_illegal(*id, &csrf).await.status,
                StatusCode::SEE_OTHER
            );
            let path = format!("/staff/cases/{id}/move");
            let moved = a
                .post(&path, &[("csrf_token", csrf.as_str()), ("to", "referred")])
                .await;
            assert_eq!(moved.status, StatusCode::SEE_OTHER);
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        for id in &ids {
            while !store.jobs_of_case(*id).await.unwrap().iter().any(|j| {
                j.kind == "notice"
                    && j.state == hotline_store::JobState::Queued
                    && j.run_at > time::OffsetDateTime::now_utc() + time::Duration::hours(47)
            }) {
                assert!(Instant::now() < deadline, "{}: {id}", db.engine);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        crate::support::objection_window_passes(&db).await;
        // The one mail for the three fails: every job of it fails, to be tried again.
        let deadline = Instant::now() + Duration::from_secs(60);
        for id in &ids {
            loop {
                let jobs = store.jobs_of_case(*id).await.unwrap();
                let failed = jobs.iter().any(|j| {
                    j.kind == "notice"
                        && j.state == hotline_store::JobState::Queued
                        && j.attempts >= 1
                        && j.last_error
                            .as_deref()
                            .is_some_and(|e| e.contains("abuse@one.example.com"))
                });
                if failed {
                    break;
                }
                assert!(Instant::now() < deadline, "{}: {id}: {jobs:?}", db.engine);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        for id in &ids {
            let notices = store.notices_of_case(*id).await.unwrap();
            assert_eq!(notices.len(), 1, "{id}");
            assert_eq!(
                notices[0].state, "pending",
                "{}: {id}: nothing marked sent",
                db.engine
            );
            let legs = store.case_timeline(*id).await.unwrap();
            assert!(
                !legs.iter().any(|(_, k)| k.as_str() == "notice_sent"),
                "{id}: {legs:?}"
            );
            assert_eq!(
                store.case_summary(*id).await.unwrap().unwrap().state,
                hotline_domain::CaseState::Referred
            );
        }
        drop(a);
        drop(server);

        // The mail server is back: the retried jobs send the three notices in one mail.
        let (smtp, inbox) = sink().await;
        let _server = Server::start(&db, &env(smtp));
        raw_sql(
            &db,
            "UPDATE jobs SET run_at = 0 WHERE kind = 'notice' AND state = 'queued'",
        )
        .await;
        wait_for_leg(&store, &ids, "notice_sent", db.engine).await;
        let mail = inbox.lock().unwrap().clone();
        assert_eq!(mail.len(), 1, "{}", db.engine);
        let parts = mail_parts(&mail[0].data);
        let xarf = parts
            .iter()
            .filter(|(n, _)| n.as_deref().is_some_and(|n| n.starts_with("xarf-")))
            .count();
        assert_eq!(xarf, 3, "{}", db.engine);
        store.close().await;
        db
    })
    .await;
}
