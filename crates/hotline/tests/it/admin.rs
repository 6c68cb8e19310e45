//! The admin pages: only admins reach them; settings changed there apply without a restart
//! (in the server that saved them at once, in another process sharing the database within its
//! reload), bad values come back with a message by the field (422) and save nothing; tokens,
//! partners and the notice template; every change is in the audit trail, which still verifies.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::staff::{Account, Browser};
use crate::support::{Options, Server, cli, client, each_engine, hotline, open_store};

/// Signs `who` in on a fresh browser.
async fn signed_in(server: &Server, who: &Account, offset: i64) -> Browser {
    let mut b = Browser::new(server);
    let r = b.login(who, offset).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    b
}

/// An admin's CSRF token (admins have no queue to read it from).
async fn admin_csrf(b: &mut Browser) -> String {
    crate::support::input_value(&b.get("/staff/admin").await.body, "csrf_token")
}

/// The hidden `version` of the first settings form on `html`.
fn version_on(html: &str) -> String {
    crate::support::input_value(html, "version")
}

async fn public_page(server: &Server, path: &str) -> String {
    let r = client().get(server.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.text().await.unwrap()
}

const ADMIN_PAGES: &[&str] = &[
    "/staff/admin",
    "/staff/admin/tokens",
    "/staff/admin/partners",
    "/staff/admin/users",
    "/staff/admin/notice-template",
];

#[tokio::test]
async fn only_admins_reach_the_admin_pages() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let mut admin = signed_in(&server, &ada, 0).await;
        let start = admin.get("/staff/").await;
        assert_eq!(
            (start.status, start.location.as_deref()),
            (StatusCode::SEE_OTHER, Some("/staff/admin")),
            "an admin's start page"
        );
        for path in ADMIN_PAGES {
            let page = admin.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{}: {path}", db.engine);
            assert!(page.body.contains("href=\"/staff/admin\""), "admin nav");
        }
        for role in ["analyst", "supervisor", "police"] {
            let who = Account::add(&db, &format!("{role}1"), role);
            let mut b = signed_in(&server, &who, 0).await;
            let queue = b.get("/staff/").await.body;
            assert!(
                !queue.contains("href=\"/staff/admin\""),
                "{role} sees no admin link"
            );
            for path in ADMIN_PAGES {
                assert_eq!(
                    b.get(path).await.status,
                    StatusCode::FORBIDDEN,
                    "{}: {role} {path}",
                    db.engine
                );
            }
            let csrf = b.csrf().await;
            for (path, form) in [
                (
                    "/staff/admin/settings",
                    vec![
                        ("section", "procedure"),
                        ("version", "0"),
                        ("procedure", "forward-unopened"),
                    ],
                ),
                (
                    "/staff/admin/tokens",
                    vec![("kind", "cases"), ("owner", "ada")],
                ),
                (
                    "/staff/admin/partners",
                    vec![("name", "P"), ("countries", "NL"), ("channel", "manual")],
                ),
                ("/staff/admin/tokens/1/revoke", vec![]),
                (
                    "/staff/admin/users",
                    vec![
                        ("name", "mallory"),
                        ("role", "admin"),
                        ("password", crate::staff::PASSWORD),
                        ("password_again", crate::staff::PASSWORD),
                    ],
                ),
                (
                    "/staff/admin/users/disable",
                    vec![("name", "ada"), ("disabled", "1")],
                ),
                ("/staff/admin/users/reset-2fa", vec![("name", "ada")]),
                (
                    "/staff/admin/notice-template",
                    vec![
                        ("version", "0"),
                        ("action", "save"),
                        ("template", "S\n{{ address }}"),
                    ],
                ),
            ] {
                let mut form = form;
                form.push(("csrf_token", csrf.as_str()));
                let r = b.post(path, &form).await;
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{role} POST {path}");
            }
        }
        // Nothing was changed by the refused requests.
        let store = open_store(&db).await;
        assert!(store.settings().await.unwrap().is_empty());
        assert!(store.partners().await.unwrap().is_empty());
        let users = store.users().await.unwrap();
        assert!(!users.iter().any(|u| u.username == "mallory"));
        assert!(users.iter().all(|u| !u.disabled), "nobody was disabled");
        store.close().await;
        db
    })
    .await;
}

/// Posts one settings section with the version the admin page shows now.
async fn post_section(
    b: &mut Browser,
    csrf: &str,
    section: &str,
    fields: Vec<(&str, &str)>,
) -> crate::staff::Page {
    let version = version_on(&b.get("/staff/admin").await.body);
    let mut form = vec![
        ("csrf_token", csrf),
        ("version", version.as_str()),
        ("section", section),
    ];
    form.extend(fields);
    b.post("/staff/admin/settings", &form).await
}

#[tokio::test]
async fn settings_saved_on_the_admin_page_apply_without_a_restart() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        // A second process on the same database: it learns of the change by re-reading.
        let other = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let mut b = signed_in(&server, &ada, 0).await;

        let before = public_page(&other, "/en/info/what-happens").await;
        assert!(before.contains("magistrate"), "police by default");
        let page = b.get("/staff/admin").await.body;
        assert!(page.contains("From the configuration file"));
        let csrf = admin_csrf(&mut b).await;

        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version_on(&page)),
                    ("section", "national"),
                    ("country", "be"),
                    ("takedown_by", "hotline"),
                    ("objection_hours", "36"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", db.engine, r.body);
        let page = b.get("/staff/admin").await.body;
        assert!(page.contains("Set here by ada on"), "{page}");
        assert!(
            page.contains("The configuration file says: country = BE, takedown_by = police, objection_hours = 48"),
            "the file's value beside the admin's: {page}"
        );
        let retention = vec![("contact_days", "30"), ("description_days", "60"), ("closed_case_days", "700"), ("check_history_days", "90"), ("audit_days", "0")];
        let r = post_section(&mut b, &csrf, "retention", retention).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "retention: {}", r.body);

        // The server that saved: at once, on the public pages.
        let happens = public_page(&server, "/en/info/what-happens").await;
        assert!(happens.contains("unless they object within 36 hours"), "{happens}");
        let privacy = public_page(&server, "/en/info/privacy").await;
        assert!(privacy.contains("your name and email for 30 days"), "{privacy}");
        assert!(privacy.contains("what you wrote for 60 days"), "{privacy}");
        // The other process, without a restart, once it has re-read the settings.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let page = public_page(&other, "/en/info/what-happens").await;
            if page.contains("within 36 hours") {
                break;
            }
            assert!(Instant::now() < deadline, "{}: the other server never saw the change", db.engine);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // Nobody opens what is forwarded unopened, so the hotline may not notify hosts of it:
        // that procedure is refused while the hotline sends notices, saying why.
        let r = post_section(&mut b, &csrf, "procedure", vec![("procedure", "forward-unopened")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("to the police first"), "{}", r.body);
        let r = post_section(&mut b, &csrf, "national", vec![("reset", "1")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = post_section(&mut b, &csrf, "procedure", vec![("procedure", "forward-unopened")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let happens = public_page(&server, "/en/info/what-happens").await;
        assert!(happens.contains("Nobody at the hotline opens the material"), "forward-unopened");
        assert!(happens.contains("through their own channels"), "{happens}");
        assert!(!happens.contains("hotline of that country"), "no partner hotline under forward-unopened: {happens}");
        // The other process too, before a report arrives that either one's workers may take.
        let deadline = Instant::now() + Duration::from_secs(30);
        while !public_page(&other, "/en/info/what-happens")
            .await
            .contains("Nobody at the hotline opens the material")
        {
            assert!(Instant::now() < deadline, "{}: the other server never saw the procedure", db.engine);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // A new report now follows forward-unopened: its trace makes it a police referral
        // with nobody at the hotline acting (the workers read the procedure per job).
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.55/x"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        crate::support::wait_for_case_state(&store, db.engine, 1, hotline_domain::CaseState::Referred).await;
        // Staff pages show addresses defanged under the new procedure.
        let ann = Account::add(&db, "ann", "analyst");
        let mut a = signed_in(&server, &ann, 0).await;
        assert!(a.get("/staff/").await.body.contains("hxxp://192[.]0[.]2[.]55/x"));

        // Each change is audited with what changed, and the chain verifies.
        let events = store
            .audit_events(
                &hotline_store::AuditFilter {
                    action: Some("settings.change".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap();
        let details: Vec<(&str, &str)> = events
            .iter()
            .map(|e| (e.object.as_str(), e.details.as_str()))
            .collect();
        assert_eq!(
            details,
            [
                ("settings:procedure", "procedure: assess → forward-unopened"),
                (
                    "settings:retention",
                    "contact_days: 90 → 30; description_days: 365 → 60; closed_case_days: 730 → 700; check_history_days: 180 → 90"
                ),
                ("settings:national", "takedown_by: police → hotline; objection_hours: 48 → 36"),
            ],
            "{}",
            db.engine
        );
        assert!(events.iter().all(|e| e.actor == "ada"));

        // Back to the file's value, and the public page follows.
        let r = post_section(&mut b, &csrf, "procedure", vec![("reset", "1")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let happens = public_page(&server, "/en/info/what-happens").await;
        assert!(happens.contains("magistrate"), "{happens}");
        store.close().await;
        let verify = hotline(&db, &["audit", "verify"]);
        assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stdout));
        db
    })
    .await;
}

#[tokio::test]
async fn bad_settings_come_back_with_a_message_by_the_field_and_save_nothing() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let mut b = signed_in(&server, &ada, 0).await;
        let page = b.get("/staff/admin").await.body;
        let csrf = admin_csrf(&mut b).await;
        let version = version_on(&page);
        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("section", "national"),
                    ("country", "XX"),
                    ("takedown_by", "hotline"),
                    ("objection_hours", "721"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.engine);
        assert!(
            r.body.contains("“XX” is not an assigned country code"),
            "{}",
            r.body
        );
        assert!(
            r.body.contains("id=\"objection_hours-error\""),
            "{}",
            r.body
        );
        assert!(r.body.contains("between 1 and 720"));
        assert!(
            r.body.contains("value=\"XX\"") && r.body.contains("value=\"721\""),
            "typed values kept"
        );
        assert!(r.body.contains("Nothing was saved"));
        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("section", "retention"),
                    ("contact_days", "400"),
                    ("description_days", "365"),
                    ("closed_case_days", "-1"),
                    ("check_history_days", "180"),
                    ("audit_days", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("id=\"closed_case_days-error\""),
            "{}",
            r.body
        );
        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("section", "procedure"),
                    ("procedure", "sometimes"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains("Choose one of the procedures offered, not “sometimes”")
        );
        // Without the session's CSRF token: refused before anything is read.
        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("version", &version),
                    ("section", "procedure"),
                    ("procedure", "assess"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let store = open_store(&db).await;
        assert!(store.settings().await.unwrap().is_empty(), "nothing saved");
        // A form made before someone else's change is refused rather than undoing it.
        let ok = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("section", "procedure"),
                    ("procedure", "assess"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let stale = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("section", "procedure"),
                    ("procedure", "forward-unopened"),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        let events = store
            .audit_events(
                &hotline_store::AuditFilter {
                    action: Some("settings.change".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap();
        assert_eq!(events.len(), 1, "only the one good change is audited");
        assert_eq!(events[0].details, "no change");
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn tokens_are_made_shown_once_listed_without_the_secret_and_revoked() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let _ann = Account::add(&db, "ann", "analyst");
        let mut b = signed_in(&server, &ada, 0).await;
        let csrf = admin_csrf(&mut b).await;
        let r = b
            .post(
                "/staff/admin/tokens",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("kind", "cases"),
                    ("owner", "ann"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let token = r
            .body
            .split("<code class=\"token\">")
            .nth(1)
            .and_then(|s| s.split("</code>").next())
            .expect("the new token on the page")
            .to_owned();
        assert!(token.starts_with("hl_"), "{token}");
        let api = |t: String| {
            let url = server.url("/api/v1/cases");
            async move {
                client()
                    .get(url)
                    .bearer_auth(t)
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        };
        assert_eq!(api(token.clone()).await, StatusCode::OK, "{}", db.engine);

        let list = b.get("/staff/admin/tokens").await.body;
        assert!(!list.contains(&token), "the token is shown once only");
        assert!(
            list.contains("user ann") && list.contains("<td>cases</td>"),
            "{list}"
        );
        // Made on the command line: listed the same way (one store, no second implementation).
        cli(&db, &["token", "create", "--blocklist", "ISP Example"]);
        let list = b.get("/staff/admin/tokens").await.body;
        assert!(
            list.contains("ISP Example") && list.contains("<td>blocklist</td>"),
            "{list}"
        );

        let bad = b
            .post(
                "/staff/admin/tokens",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("kind", "cases"),
                    ("owner", "nobody"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("There is no user “nobody”"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("value=\"nobody\""));
        let bad = b
            .post(
                "/staff/admin/tokens",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("kind", "partner"),
                    ("owner", "Nowhere"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("There is no partner"));

        let r = b
            .post(
                "/staff/admin/tokens/1/revoke",
                &[("csrf_token", csrf.as_str())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            api(token).await,
            StatusCode::UNAUTHORIZED,
            "revoked at once"
        );
        let again = b
            .post(
                "/staff/admin/tokens/1/revoke",
                &[("csrf_token", csrf.as_str())],
            )
            .await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
        assert!(b.get("/staff/admin/tokens").await.body.contains("Revoked"));

        let store = open_store(&db).await;
        let events = store.audit_events(&Default::default(), 50).await.unwrap();
        let token_events: Vec<(&str, &str, &str)> = events
            .iter()
            .filter(|e| e.action.starts_with("token."))
            .map(|e| (e.actor.as_str(), e.action.as_str(), e.object.as_str()))
            .collect();
        assert_eq!(token_events[0], ("ada", "token.revoke", "user:ann"));
        assert!(token_events.contains(&("ada", "token.create", "user:ann")));
        assert!(
            events.iter().all(|e| !e.details.contains("hl_")),
            "no token in the trail"
        );
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn partners_are_added_checked_and_disabled_and_the_signing_key_is_shown() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let _pol = Account::add(&db, "pol", "police");
        let mut b = signed_in(&server, &ada, 0).await;
        let page = b.get("/staff/admin/partners").await.body;
        let key = cli(&db, &["partner", "key"]).trim().to_owned();
        assert!(page.contains(&key), "this hotline's public key");
        assert!(page.contains("<li>pol</li>"), "police accounts listed");
        let csrf = admin_csrf(&mut b).await;

        let bad = b
            .post(
                "/staff/admin/partners",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Meldpunt"),
                    ("countries", "NL, XX"),
                    ("channel", "api"),
                    ("endpoint", ""),
                    ("token", "their-secret-token"),
                ],
            )
            .await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.engine
        );
        assert!(
            bad.body.contains("“XX” is not a country code such as NL"),
            "{}",
            bad.body
        );
        assert!(
            bad.body
                .contains("A partner reached through its API needs its base address")
        );
        assert!(
            !bad.body.contains("their-secret-token"),
            "a token never comes back"
        );
        assert!(bad.body.contains("value=\"NL, XX\""));

        let ok = b
            .post(
                "/staff/admin/partners",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Meldpunt"),
                    ("countries", "nl lu"),
                    ("channel", "email"),
                    ("endpoint", "referrals@partner.example"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let listed = cli(&db, &["partner", "list"]);
        assert!(
            listed.contains("Meldpunt\tNL,LU\temail\treferrals@partner.example\tactive"),
            "{listed}"
        );

        let r = b
            .post(
                "/staff/admin/partners/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Meldpunt"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(cli(&db, &["partner", "list"]).contains("\tdisabled"));
        let missing = b
            .post(
                "/staff/admin/partners/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Nobody"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        // The command line does the same through the same store function.
        let r = b
            .post(
                "/staff/admin/partners/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Meldpunt"),
                    ("disabled", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        cli(&db, &["partner", "disable", "Meldpunt"]);
        assert!(cli(&db, &["partner", "list"]).contains("\tdisabled"));

        let store = open_store(&db).await;
        let actions: Vec<String> = store
            .audit_events(
                &hotline_store::AuditFilter {
                    object: Some("partner:Meldpunt".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.actor, e.action))
            .collect();
        assert_eq!(
            actions[1..],
            [
                "ada partner.enable",
                "ada partner.disable",
                "ada partner.add"
            ]
        );
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn the_notice_template_is_previewed_on_a_made_up_case_and_refused_when_broken() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let mut b = signed_in(&server, &ada, 0).await;
        let page = b.get("/staff/admin/notice-template").await.body;
        assert!(page.contains("built-in texts, in Dutch, French, German or English"));
        let version = version_on(&page);
        let csrf = admin_csrf(&mut b).await;
        let template = "Removal request {{ reference }}\r\n\r\nPlease remove {{ address }} ({{ statute }}).\r\nWe write in good faith. {{ hotline_email }}";
        let r = b
            .post(
                "/staff/admin/notice-template",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("action", "preview"),
                    ("template", template),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(
            r.body.contains("Removal request XX-2026-000123"),
            "{}",
            r.body
        );
        assert!(
            r.body
                .contains("Please remove http://192.0.2.10/example/path"),
            "a documentation address"
        );

        let broken = "Subject\n\nPlease remove {{ adress }}.";
        for action in ["preview", "save"] {
            let r = b
                .post(
                    "/staff/admin/notice-template",
                    &[
                        ("csrf_token", csrf.as_str()),
                        ("version", &version),
                        ("action", action),
                        ("template", broken),
                    ],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {action}",
                db.engine
            );
            assert!(r.body.contains("line 3: an unknown variable"), "{}", r.body);
            assert!(r.body.contains("{{ adress }}"), "what was typed is kept");
        }
        let r = b
            .post(
                "/staff/admin/notice-template",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("action", "save"),
                    ("template", "Subject\n{% if %}"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("line 2: a syntax error"), "{}", r.body);
        // Without the good-faith statement DSA Art. 16(2)(d) asks for: refused, naming it.
        let without = template.replace("We write in good faith. ", "");
        let r = b
            .post(
                "/staff/admin/notice-template",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("action", "save"),
                    ("template", without.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("the good-faith statement"), "{}", r.body);
        assert!(r.body.contains("Art. 16(2)(d)"), "{}", r.body);
        assert!(!r.body.contains("Art. 16(2)(b)"), "only what is missing: {}", r.body);
        let store = open_store(&db).await;
        assert!(store.settings().await.unwrap().is_empty(), "nothing saved");

        let r = b
            .post(
                "/staff/admin/notice-template",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version),
                    ("action", "save"),
                    ("template", template),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = b.get("/staff/admin/notice-template").await.body;
        assert!(page.contains("Set here by ada"));
        assert!(page.contains("Please remove {{ address }}"), "{page}");
        let rows = store.settings().await.unwrap();
        assert_eq!(rows.len(), 1);
        assert!(rows[0].value.contains("Removal request"));
        assert!(!rows[0].value.contains('\r'), "stored with LF line ends");
        let events = store
            .audit_events(
                &hotline_store::AuditFilter {
                    object: Some("settings:notice_template".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap();
        assert_eq!(events.len(), 1);
        assert!(
            events[0]
                .details
                .starts_with("notice_template: built-in → custom ("),
            "{}",
            events[0].details
        );
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn the_next_notice_follows_the_takedown_regime_and_template_set_on_the_admin_page() {
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
        // The file says the police contact hosts (no notice from the hotline); the admin
        // changes that and the notice's text while the server runs.
        let options = Options {
            env: vec![
                ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
                ("HOTLINE_NOTICES__SMTP_URL", smtp),
                ("HOTLINE_NOTICES__FROM", "notices@hotline.test"),
            ],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let ada = Account::add(&db, "ada", "admin");
        let ann = Account::add(&db, "ann", "analyst");
        let pol = Account::add(&db, "pol", "police");
        let mut b = signed_in(&server, &ada, 0).await;
        let csrf = admin_csrf(&mut b).await;
        let page = b.get("/staff/admin").await.body;
        let r = b
            .post(
                "/staff/admin/settings",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version_on(&page)),
                    ("section", "national"),
                    ("country", "BE"),
                    ("takedown_by", "hotline"),
                    ("objection_hours", "48"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = b.get("/staff/admin/notice-template").await.body;
        let r = b
            .post(
                "/staff/admin/notice-template",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("version", &version_on(&page)),
                    ("action", "save"),
                    (
                        "template",
                        "Removal request {{ reference }}\n\nPlease remove {{ address }} now.\n{{ statute }}\nIn good faith, {{ hotline_email }}",
                    ),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.61/a"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let store = open_store(&db).await;
        crate::support::place_case(
            &store,
            1,
            "192.0.2.61",
            "BE",
            Some("abuse@host.example.com"),
        )
        .await;
        let mut a = signed_in(&server, &ann, 0).await;
        let acsrf = a.csrf().await;
        let assessed = a.assess_national(1, &acsrf).await;
        assert_eq!(assessed.status, StatusCode::SEE_OTHER, "{}", assessed.body);
        let referred = a
            .post(
                "/staff/cases/1/move",
                &[("csrf_token", &acsrf), ("to", "referred")],
            )
            .await;
        assert_eq!(referred.status, StatusCode::SEE_OTHER);
        let mut p = signed_in(&server, &pol, 0).await;
        let pcsrf = p.csrf().await;
        let cleared = p
            .post(
                "/staff/cases/1/police",
                &[("csrf_token", &pcsrf), ("step", "cleared")],
            )
            .await;
        assert_eq!(cleared.status, StatusCode::SEE_OTHER);

        let deadline = Instant::now() + Duration::from_secs(30);
        while inbox.lock().unwrap().is_empty() {
            assert!(
                Instant::now() < deadline,
                "{}: no notice after clearance",
                db.engine
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mail = inbox.lock().unwrap().clone();
        let data = &mail[0].data;
        assert!(data.contains("Subject: Removal request BE-"), "{data}");
        assert!(
            data.contains("Please remove http://192.0.2.61/a now."),
            "{data}"
        );
        store.close().await;
        db
    })
    .await;
}

/// The `otpauth://` URI shown on an admin users page, unescaped.
fn uri_on(html: &str) -> String {
    let start = html
        .find("<code class=\"token\">otpauth://")
        .unwrap_or_else(|| panic!("no otpauth URI on the page: {html}"))
        + "<code class=\"token\">".len();
    html[start..]
        .split("</code>")
        .next()
        .unwrap()
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

/// Signs in `who`; returns the page the sign-in answered with.
async fn try_sign_in(server: &Server, who: &Account, offset: i64) -> (Browser, StatusCode) {
    let mut b = Browser::new(server);
    let status = b.login(who, offset).await.status;
    (b, status)
}

#[tokio::test]
async fn accounts_are_added_disabled_and_reset_on_the_users_page() {
    each_engine(|db| async move {
        use crate::staff::PASSWORD;
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let ann = Account::add(&db, "ann", "analyst");
        let mut b = signed_in(&server, &ada, 0).await;
        let page = b.get("/staff/admin/users").await;
        assert_eq!(page.status, StatusCode::OK, "{}", db.engine);
        assert!(
            page.body.contains("<td>ann</td><td>analyst</td>"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("$argon2"), "no password hash");
        assert!(!page.body.contains("otpauth://"), "no second factor");
        let csrf = admin_csrf(&mut b).await;

        // Bad values: 422, a message by each field, the name kept, no password sent back.
        let bad = b
            .post(
                "/staff/admin/users",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "Pol Smith"),
                    ("role", "sheriff"),
                    ("password", "too short"),
                    ("password_again", "too short"),
                ],
            )
            .await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.engine
        );
        assert!(bad.body.contains("id=\"name-error\""), "{}", bad.body);
        assert!(bad.body.contains("id=\"role-error\""));
        assert!(bad.body.contains("A password has at least 12 characters"));
        assert!(bad.body.contains("value=\"Pol Smith\""), "name kept");
        assert!(!bad.body.contains("too short"), "passwords never come back");
        let differ = b
            .post(
                "/staff/admin/users",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "pol"),
                    ("role", "police"),
                    ("password", PASSWORD),
                    ("password_again", "correct horse battery stapler"),
                ],
            )
            .await;
        assert_eq!(differ.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(differ.body.contains("The two passwords differ"));
        assert!(!differ.body.contains(PASSWORD) && !differ.body.contains("stapler"));
        assert!(
            differ.body.contains("<option value=\"police\" selected>"),
            "role kept"
        );
        let taken = b
            .post(
                "/staff/admin/users",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "ann"),
                    ("role", "police"),
                    ("password", PASSWORD),
                    ("password_again", PASSWORD),
                ],
            )
            .await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            taken.body.contains("A user “ann” exists already"),
            "{}",
            taken.body
        );
        let forged = b
            .post(
                "/staff/admin/users",
                &[
                    ("csrf_token", "forged"),
                    ("name", "eve"),
                    ("role", "admin"),
                    ("password", PASSWORD),
                    ("password_again", PASSWORD),
                ],
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "CSRF");

        // A police liaison officer's account, its second factor shown once.
        let made = b
            .post(
                "/staff/admin/users",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "pol"),
                    ("role", "police"),
                    ("password", PASSWORD),
                    ("password_again", PASSWORD),
                ],
            )
            .await;
        assert_eq!(made.status, StatusCode::OK, "{}", made.body);
        assert_eq!(made.cache_control.as_deref(), Some("no-store"));
        assert!(!made.body.contains(PASSWORD));
        let pol = Account::shown("pol", &uri_on(&made.body));
        let again = b.get("/staff/admin/users").await.body;
        assert!(!again.contains("otpauth://"), "shown once, never again");
        assert!(
            again.contains("<td>pol</td><td>police</td><td>active</td><td>not yet used</td>"),
            "{again}"
        );

        // It signs in with password and code, and sees the police view: nothing that was
        // not referred to the police, no admin pages.
        let r = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://example.com/not-referred"], "where_found": "website"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let (mut officer, status) = try_sign_in(&server, &pol, 0).await;
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "{}: police sign in",
            db.engine
        );
        let queue = officer.get("/staff/").await;
        assert_eq!(queue.status, StatusCode::OK);
        assert!(!queue.body.contains("not-referred"), "{}", queue.body);
        assert_eq!(
            officer.get("/staff/admin/users").await.status,
            StatusCode::FORBIDDEN
        );
        let analyst = signed_in(&server, &ann, 0).await.get("/staff/").await.body;
        assert!(analyst.contains("not-referred"), "an analyst sees the case");
        assert!(
            b.get("/staff/admin/users")
                .await
                .body
                .contains("<td>pol</td><td>police</td><td>active</td><td>set up</td>")
        );

        // Disabled: the open session is refused at once and signing in fails.
        let r = b
            .post(
                "/staff/admin/users/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "pol"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let refused = officer.get("/staff/").await;
        assert_ne!(
            refused.status,
            StatusCode::OK,
            "{}: session ended",
            db.engine
        );
        assert!(!refused.body.contains("not-referred"));
        let (_, status) = try_sign_in(&server, &pol, 1).await;
        assert_ne!(
            status,
            StatusCode::SEE_OTHER,
            "a disabled account cannot sign in"
        );
        assert!(cli(&db, &["user", "list"]).contains("pol\tpolice\tdisabled"));

        // Enabled again, it signs in; a reset second factor ends that session and the old
        // code no longer works, the new one does.
        let r = b
            .post(
                "/staff/admin/users/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "pol"),
                    ("disabled", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (mut officer, status) = try_sign_in(&server, &pol, 1).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "enabled again");
        let reset = b
            .post(
                "/staff/admin/users/reset-2fa",
                &[("csrf_token", csrf.as_str()), ("name", "pol")],
            )
            .await;
        assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
        assert_eq!(reset.cache_control.as_deref(), Some("no-store"));
        let renewed = Account::shown("pol", &uri_on(&reset.body));
        assert_ne!(renewed.secret(), pol.secret());
        assert_ne!(
            officer.get("/staff/").await.status,
            StatusCode::OK,
            "session ended"
        );
        let (_, status) = try_sign_in(&server, &pol, 1).await;
        assert_ne!(status, StatusCode::SEE_OTHER, "the old second factor");
        let (_, status) = try_sign_in(&server, &renewed, 0).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "the new second factor");
        let missing = b
            .post(
                "/staff/admin/users/reset-2fa",
                &[("csrf_token", csrf.as_str()), ("name", "nobody")],
            )
            .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);

        // Every change is audited, by the admin, without a password or a secret.
        let store = open_store(&db).await;
        let events = store
            .audit_events(&hotline_store::AuditFilter::default(), 1000)
            .await
            .unwrap();
        let by_ada: Vec<String> = events
            .iter()
            .filter(|e| e.actor == "ada" && e.object == "user:pol")
            .map(|e| e.action.clone())
            .collect();
        assert_eq!(
            by_ada,
            [
                "user.reset_2fa",
                "user.enable",
                "user.disable",
                "user.create"
            ],
            "{}",
            db.engine
        );
        for e in &events {
            let text = format!("{} {} {} {}", e.actor, e.action, e.object, e.details);
            for secret in [PASSWORD.to_owned(), pol.secret(), renewed.secret()] {
                assert!(
                    !text.contains(&secret),
                    "audit event {} carries a secret",
                    e.seq
                );
            }
        }
        store.close().await;
        // `cli` insists on success: the chain still verifies.
        cli(&db, &["audit", "verify"]);
        db
    })
    .await;
}

#[tokio::test]
async fn nobody_disables_themselves_or_the_last_admin() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ada = Account::add(&db, "ada", "admin");
        let bob = Account::add(&db, "bob", "admin");
        let mut a = signed_in(&server, &ada, 0).await;
        let csrf = admin_csrf(&mut a).await;
        let own = a
            .post(
                "/staff/admin/users/disable",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("name", "ada"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(own.status, StatusCode::CONFLICT, "{}", db.engine);
        assert!(
            own.body.contains("You cannot disable your own account"),
            "{}",
            own.body
        );

        // Another admin may; then bob is the last enabled admin.
        let mut b = signed_in(&server, &bob, 0).await;
        let bob_csrf = admin_csrf(&mut b).await;
        let r = b
            .post(
                "/staff/admin/users/disable",
                &[
                    ("csrf_token", bob_csrf.as_str()),
                    ("name", "ada"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_ne!(
            a.get("/staff/admin").await.status,
            StatusCode::OK,
            "ada's session ended"
        );
        let own = b
            .post(
                "/staff/admin/users/disable",
                &[
                    ("csrf_token", bob_csrf.as_str()),
                    ("name", "bob"),
                    ("disabled", "1"),
                ],
            )
            .await;
        assert_eq!(own.status, StatusCode::CONFLICT);
        // The command line uses the same store function, and the same rule.
        let out = hotline(&db, &["user", "disable", "bob"]);
        assert!(!out.status.success(), "the last admin stays");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("last enabled admin"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            b.get("/staff/admin").await.status,
            StatusCode::OK,
            "bob still in"
        );
        assert!(cli(&db, &["user", "list"]).contains("bob\tadmin\tactive"));
        // With ada enabled again, bob may be disabled from the command line.
        cli(&db, &["user", "enable", "ada"]);
        cli(&db, &["user", "disable", "bob"]);
        assert_ne!(b.get("/staff/admin").await.status, StatusCode::OK);
        let (_, status) = try_sign_in(&server, &ada, 1).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        db
    })
    .await;
}
