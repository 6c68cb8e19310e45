//! Answers without an account: a host answering a notice through the link in the real mail
//! (chromium, JavaScript off), the link's limits (another notice's form, an altered token, a
//! closed case: 404), a reporter answering the hotline's message on the status page, and the
//! news mail that says only that there is news.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use reqwest::StatusCode;
use serde_json::json;

use crate::browser::{Driver, SKIP, enabled};
use crate::staff::{Account, Browser};
use crate::support::{Options, Server, client, each_engine, mail_text, open_store, raw_sql};

/// The public site's address the test server puts in its links.
const SITE: &str = "https://hotline.example.org";

type Inbox = std::sync::Arc<std::sync::Mutex<Vec<hotline_network::testing::Received>>>;

/// The answer link a notice mail carries (the path below [`SITE`]).
fn answer_path(mail: &str) -> String {
    let text = mail_text(mail);
    let start = text
        .find(&format!("{SITE}/"))
        .unwrap_or_else(|| panic!("no answer link in the mail: {text}"));
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let path = link[SITE.len()..].to_owned();
    let token = path.rsplit('/').next().unwrap();
    assert_eq!(token.len(), 64, "{link}");
    assert!(path.contains("/answer/"), "{link}");
    path
}

/// A case referred to the police, traced to a host with an abuse address, whose notice the
/// hotline has sent; returns the server, the SMTP inbox and the analyst.
async fn noticed_case(db: &hotline_store::testing::TestDatabase) -> (Server, Inbox, Account) {
    let (server, inbox, ann) =
        crate::notices::referred_case(db, "hotline", "48", &[("HOTLINE_PUBLIC__SITE_URL", SITE)])
            .await;
    // The police's objection window has passed: the waiting notice job comes due.
    let store = open_store(db).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !store
        .jobs_of_case(1)
        .await
        .unwrap()
        .iter()
        .any(|j| j.kind == "notice")
    {
        assert!(Instant::now() < deadline, "no notice job");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    store.close().await;
    crate::support::objection_window_passes(db).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while inbox.lock().unwrap().is_empty() {
        assert!(
            Instant::now() < deadline,
            "{}: no notice was sent",
            db.engine
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (server, inbox, ann)
}

#[tokio::test]
async fn a_host_answers_removed_through_the_link_in_the_mail_and_the_address_is_checked() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    each_engine(|db| async move {
        let (server, inbox, ann) = noticed_case(&db).await;
        let mail = inbox.lock().unwrap()[0].data.clone();
        let path = answer_path(&mail);
        // The notice is in Dutch (hosted in Belgium, a Dutch-speaking hotline): so is its page.
        assert!(path.starts_with("/nl/answer/"), "{path}");
        // The stored notice holds no token: only its keyed hash is kept.
        let token = path.rsplit('/').next().unwrap().to_owned();
        let store = open_store(&db).await;
        for n in store.notices_of_case(1).await.unwrap() {
            assert!(!n.body.contains(&token), "the outbox keeps the token");
        }

        let driver = Driver::start();
        let c = driver.browser(false).await;
        c.goto(&server.url(&path)).await.unwrap();
        let page = c.source().await.unwrap();
        assert!(!page.contains("<script"));
        assert!(page.contains("http://192.0.2.61/b"), "{page}");
        assert!(page.contains("Antwoord op onze melding"), "{page}");
        // Nothing of the case beyond the address: no reference, state or host details.
        for absent in [
            "abuse@host.example.com",
            "awaiting_removal",
            "BE-",
            "NET-TEST",
        ] {
            assert!(!page.contains(absent), "the page shows {absent}");
        }
        let answered_after = time::OffsetDateTime::now_utc();
        crate::browser::click(&c, "#answer-removed").await;
        crate::browser::click(&c, "form button[type=submit]").await;
        let done = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Id("answer-done"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(done.contains("controleren"), "{done}");
        let cookie = c.execute("return document.cookie;", vec![]).await.unwrap();
        assert_eq!(cookie, json!(""), "the answer page set a cookie");
        c.close().await.unwrap();

        // On the case: the timeline entry, the audit event in the host's name, and a check
        // run at once (the monitor job, due an hour later, ran again right away).
        let file = store
            .case_file(1, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert!(
            file.timeline
                .iter()
                .any(|e| e.kind.as_str() == "host_answered"
                    && e.details.as_deref() == Some("removed")),
            "{:?}",
            file.timeline
        );
        let events = store
            .audit_events(
                &hotline_store::AuditFilter {
                    actor: Some("host:abuse@host.example.com".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap();
        assert_eq!(events.len(), 1, "{}", db.engine);
        assert_eq!(events[0].action, "case.host_answer");
        assert_eq!(events[0].object, "case:1");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let jobs = store.jobs_of_case(1).await.unwrap();
            if jobs
                .iter()
                .any(|j| j.kind == "monitor" && j.updated_at > answered_after)
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}: no check after the answer: {jobs:?}",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 1).await.status, StatusCode::SEE_OTHER);
        let case = a.get("/staff/cases/1").await;
        assert!(
            case.body.contains("The host answered") && case.body.contains("removed"),
            "{}",
            case.body
        );

        // The link's limits: an altered token, a form of another notice, a closed case.
        let http = client();
        let mut altered = token.clone();
        let last = if altered.ends_with('0') { "1" } else { "0" };
        altered.replace_range(63.., last);
        for bad in [
            format!("/nl/answer/{altered}"),
            format!("/nl/answer/{}", &token[..63]),
            format!("/xx/answer/{token}"),
        ] {
            let r = http.get(server.url(&bad)).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}");
        }
        let own = http.get(server.url(&path)).send().await.unwrap();
        assert_eq!(own.status(), StatusCode::OK);
        let html = own.text().await.unwrap();
        let form = crate::support::input_value(&html, "form_token");
        let r = http
            .post(server.url(&format!("/nl/answer/{altered}")))
            .form(&[("form_token", form.as_str()), ("answer", "removed")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        // The page in another language is the same notice's; a missing reason is refused
        // with the form kept.
        let r = http
            .post(server.url(&path.replace("/nl/", "/en/")))
            .form(&[
                ("form_token", form.as_str()),
                ("answer", "refused"),
                ("note", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("Say why you refuse"));
        raw_sql(&db, "UPDATE cases SET state = 'closed' WHERE id = 1").await;
        let r = http.get(server.url(&path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "a closed case's link");
        let r = http
            .post(server.url(&path))
            .form(&[
                ("form_token", form.as_str()),
                ("answer", "not_ours"),
                ("note", "try abuse@other.example.com"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn a_reporter_answers_a_staff_message_on_the_status_page_and_staff_see_it() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
        let server = Server::start(
            &db,
            &Options {
                env: vec![
                    ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
                    ("HOTLINE_NOTICES__SMTP_URL", smtp),
                    ("HOTLINE_PUBLIC__SITE_URL", SITE),
                ],
                ..Options::default()
            },
        );
        let ann = Account::add(&db, "ann", "analyst");
        let driver = Driver::start();
        let c = driver.browser(false).await;
        // The report, through the real form, asking for news by mail.
        c.goto(&server.url("/en/report")).await.unwrap();
        for (id, text) in [
            ("urls", "example.com/dialogue"),
            ("contact_email", "reporter@example.com"),
        ] {
            crate::browser::type_into(&c, id, text).await;
        }
        crate::browser::click(&c, "#news_by_mail").await;
        crate::browser::click(&c, "form button[type=submit]").await;
        let receipt = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("#receipt strong"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();

        // Staff write to the reporter.
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        let case = a.get("/staff/cases/1").await;
        let report_id = crate::support::input_value(&case.body, "report_id");
        let r = a
            .post(
                "/staff/cases/1/messages",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("report_id", report_id.as_str()),
                    ("body", "Was the gallery behind a login?"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // The reporter asked for news: the mail says there is news, and nothing of it.
        raw_sql(
            &db,
            "UPDATE jobs SET run_at = 0 WHERE kind = 'reporter_news' AND state = 'queued'",
        )
        .await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while inbox.lock().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "{}: no news mail", db.engine);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let news = inbox.lock().unwrap()[0].clone();
        assert_eq!(news.to, ["<reporter@example.com>"]);
        let text = mail_text(&news.data);
        assert!(text.contains(&format!("{SITE}/en/status")), "{text}");
        for absent in ["gallery", "login", "example.com/dialogue", &receipt] {
            assert!(
                !text.contains(absent),
                "the news mail says {absent}: {text}"
            );
        }

        // The reporter reads the message and answers, scripts off.
        c.goto(&server.url("/en/status")).await.unwrap();
        crate::browser::type_into(&c, "receipt", &receipt).await;
        crate::browser::click(&c, "form button[type=submit]").await;
        let answer = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Id("answer"))
            .await
            .unwrap();
        assert!(
            c.source()
                .await
                .unwrap()
                .contains("Was the gallery behind a login?")
        );
        answer
            .send_keys("No, it was open to anyone.")
            .await
            .unwrap();
        crate::browser::click(&c, "form.answer button[type=submit]").await;
        crate::browser::wait_for(&c, Locator::Id("answer-done")).await;
        let page = c.source().await.unwrap();
        assert!(page.contains("No, it was open to anyone."), "{page}");
        c.close().await.unwrap();

        // Staff see the answer on the case and "new answer" in the queue; sealed at rest.
        let case = a.get("/staff/cases/1").await;
        assert!(
            case.body.contains("No, it was open to anyone.")
                && case.body.contains("The reporter answered"),
            "{}",
            case.body
        );
        let queue = a.get("/staff/").await;
        assert!(
            queue.body.contains("new answer from the reporter"),
            "{}",
            queue.body
        );
        for file in crate::support::files_below(&db.dir) {
            let raw = std::fs::read(&file).unwrap_or_default();
            assert!(
                !raw.windows(12).any(|w| w == b"open to anyo"),
                "the answer is stored in clear in {}",
                file.display()
            );
        }
        // Writing again to the reporter takes the badge away.
        let r = a
            .post(
                "/staff/cases/1/messages",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("report_id", report_id.as_str()),
                    ("body", "Thank you."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let queue = a.get("/staff/").await;
        assert!(!queue.body.contains("new answer from the reporter"));
        db
    })
    .await;
}

/// A headless chromium with scripts on (axe needs them) that asks for pages in `lang`.
async fn browser_in(driver: &Driver, lang: &str) -> fantoccini::Client {
    let profile = std::env::temp_dir().join(format!(
        "hotline-chromium-{}",
        uuid::Uuid::new_v4().simple()
    ));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,1400", format!("--lang={lang}"),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {"intl.accept_languages": lang},
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("cannot start chromium through chromedriver")
}

#[tokio::test]
async fn axe_finds_no_serious_problem_on_the_answer_status_and_dashboard_pages_in_four_languages() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    let axe_js = std::fs::read_to_string(
        std::env::var("HOTLINE_AXE_JS").expect("HOTLINE_AXE_JS names axe.min.js (npm axe-core)"),
    )
    .expect("cannot read axe.min.js");
    let db = hotline_store::testing::TestDatabase::sqlite();
    let (server, inbox, ann) = noticed_case(&db).await;
    let path = answer_path(&inbox.lock().unwrap()[0].data.clone());
    let token = path.rsplit('/').next().unwrap().to_owned();
    // A report with a receipt, and a message to its reporter, so the status page has the
    // dialogue and the answer form.
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({"urls": ["example.com/axe-dialogue"], "where_found": "chat"}))
        .send()
        .await
        .unwrap();
    let receipt = r.json::<serde_json::Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut a = Browser::new(&server);
    assert_eq!(a.login(&ann, 1).await.status, StatusCode::SEE_OTHER);
    let csrf = a.csrf().await;
    let case = a.get("/staff/cases/2").await;
    let report_id = crate::support::input_value(&case.body, "report_id");
    let r = a
        .post(
            "/staff/cases/2/messages",
            &[
                ("csrf_token", csrf.as_str()),
                ("report_id", report_id.as_str()),
                ("body", "A question for you."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let driver = Driver::start();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, lang) in ["nl", "fr", "de", "en"].into_iter().enumerate() {
        let c = browser_in(&driver, lang).await;
        // The host's answer page, and the same page refusing an answer without its reason.
        c.goto(&server.url(&format!("/{lang}/answer/{token}")))
            .await
            .unwrap();
        let mut check = |name: String, v: Vec<serde_json::Value>| {
            checked += 1;
            if !v.is_empty() {
                failures.push(format!("{name}: {v:?}"));
            }
        };
        check(
            format!("/{lang}/answer"),
            crate::browser::axe(&c, &axe_js).await,
        );
        crate::browser::click(&c, "#answer-refused").await;
        crate::browser::click(&c, "form button[type=submit]").await;
        crate::browser::wait_for(&c, Locator::Css(".errors")).await;
        check(
            format!("/{lang}/answer (refused without a reason)"),
            crate::browser::axe(&c, &axe_js).await,
        );
        // The status page with the hotline's message and the answer form.
        c.goto(&server.url(&format!("/{lang}/status")))
            .await
            .unwrap();
        crate::browser::type_into(&c, "receipt", &receipt).await;
        crate::browser::click(&c, "form button[type=submit]").await;
        crate::browser::wait_for(&c, Locator::Id("answer")).await;
        check(
            format!("/{lang}/status (dialogue)"),
            crate::browser::axe(&c, &axe_js).await,
        );
        // The supervisor's dashboard, in the language the browser asks for.
        let sup = Account::add(&db, &format!("sup{i}"), "supervisor");
        crate::browser::sign_in(&c, &server, &sup).await;
        c.goto(&server.url("/staff/dashboard")).await.unwrap();
        let html = c.source().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "{lang}: the dashboard is not in the browser's language"
        );
        check(
            format!("/staff/dashboard ({lang})"),
            crate::browser::axe(&c, &axe_js).await,
        );
        let case = c.goto(&server.url("/staff/cases/2")).await;
        case.unwrap();
        check(
            format!("/staff/cases/2 with the dialogue ({lang})"),
            crate::browser::axe(&c, &axe_js).await,
        );
        c.close().await.unwrap();
    }
    assert!(
        failures.is_empty(),
        "axe-core found serious or critical problems:\n{}",
        failures.join("\n")
    );
    eprintln!(
        "axe-core: {checked} answer, status and dashboard pages without serious or critical violations"
    );
    db.remove().await;
}

#[tokio::test]
async fn the_dashboard_counts_waiting_cases_and_removals_in_time_and_serves_them_as_gauges() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let sue = Account::add(&db, "sue", "supervisor");
        let ann = Account::add(&db, "ann", "analyst");
        for url in ["example.com/d1", "example.com/d2", "example.com/d3"] {
            let r = client()
                .post(server.url("/api/v1/reports"))
                .json(&json!({"urls": [url], "where_found": "website"}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
        }
        // Two cases noticed this month: one removed two days after its notice, one five
        // days after; a failed urgent alert that was given up.
        let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        let (this_month, _) = hotline_store::dashboard::month_starts(time::OffsetDateTime::now_utc());
        let first = (this_month.unix_timestamp_nanos() / 1_000_000) as i64 + 1000;
        let day = 86_400_000_i64;
        raw_sql(&db, &format!(
            "INSERT INTO case_events (case_id, at, kind) VALUES \
             (1, {first}, 'notice_sent'), (1, {}, 'removed'), \
             (2, {first}, 'notice_sent'), (2, {}, 'removed')",
            first + 2 * day, first + 5 * day
        ))
        .await;
        raw_sql(&db, &format!(
            "INSERT INTO jobs (kind, payload, state, priority, run_at, max_attempts, attempts, created_at, updated_at, last_error) \
             VALUES ('urgent_alert', '{{}}', 'dead', 0, {now_ms}, 1, 1, {now_ms}, {now_ms}, 'the mail server refused')"
        ))
        .await;
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        assert_eq!(a.get("/staff/dashboard").await.status, StatusCode::FORBIDDEN, "analysts do not see it");
        let mut s = Browser::new(&server);
        assert_eq!(s.login(&sue, 0).await.status, StatusCode::SEE_OTHER);
        let page = s.get("/staff/dashboard").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("50 % (1 of 2)"), "{}", page.body);
        assert!(page.body.contains("the mail server refused"), "{}", page.body);
        assert!(page.body.contains("assessment (new)"), "{}", page.body);
        let metrics = client().get(server.url("/metrics")).send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("hotline_cases_waiting{state=\"new\"} 3"), "{metrics}");
        assert!(metrics.contains("hotline_removed_within_3_days_ratio{month=\"this\"} 0.5"), "{metrics}");
        assert!(metrics.contains("hotline_noticed_cases{month=\"last\"} 0"), "{metrics}");
        assert!(!metrics.contains("hotline_removed_within_3_days_ratio{month=\"last\"}"), "{metrics}");
        assert!(metrics.contains("hotline_alerts_not_sent 1"), "{metrics}");
        assert!(metrics.contains("hotline_welfare_minutes_today{of=\"all\"} 0"), "{metrics}");
        db
    })
    .await;
}
