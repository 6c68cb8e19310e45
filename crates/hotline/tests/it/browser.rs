//! A real browser (Debian's chromium, driven through chromedriver with fantoccini), run when
//! `HOTLINE_TEST_E2E=1`: a report made with JavaScript off through the real form, its receipt
//! on the status page, a staff sign-in with TOTP, and axe-core on every public page in all four
//! languages, on the staff login, queue and case pages, and on the admin pages (with a refused
//! change showing its messages). Needs `chromium`, `chromium-driver`
//! and axe-core (`HOTLINE_AXE_JS`, the path of `axe.min.js`); `.ci/run` installs all three.
//! With `HOTLINE_UPDATE_SCREENSHOTS=1` it also writes `docs/screenshots/*.png`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::staff::{Account, PASSWORD};
use crate::support::{Options, Server, each_engine};

/// Why the browser tests did not run.
pub(crate) const SKIP: &str =
    "set HOTLINE_TEST_E2E=1 (with chromium, chromium-driver and HOTLINE_AXE_JS) to run it";

pub(crate) fn enabled() -> bool {
    std::env::var("HOTLINE_TEST_E2E").is_ok_and(|v| v == "1")
}

/// A chromedriver on a free loopback port, stopped on drop.
pub(crate) struct Driver {
    child: Child,
    pub(crate) port: u16,
}

impl Driver {
    pub(crate) fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian: chromium-driver) is needed for HOTLINE_TEST_E2E=1");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    /// A new headless browser; `javascript` false switches scripts off, as Tor Browser at
    /// "Safest" does.
    pub(crate) async fn browser(&self, javascript: bool) -> Client {
        self.browser_in(javascript, "en-GB").await
    }

    /// As [`Driver::browser`], asking for pages in `lang` (`Accept-Language`).
    async fn browser_in(&self, javascript: bool, lang: &str) -> Client {
        let mut prefs = json!({"intl.accept_languages": lang});
        if !javascript {
            prefs = json!({
                "profile.managed_default_content_settings.javascript": 2,
                "intl.accept_languages": lang,
            });
        }
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
                "prefs": prefs,
            }
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("cannot start chromium through chromedriver")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn screenshots_dir() -> Option<PathBuf> {
    std::env::var("HOTLINE_UPDATE_SCREENSHOTS")
        .is_ok_and(|v| v == "1")
        .then(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots"))
}

async fn keep_screenshot(c: &Client, name: &str) {
    if let Some(dir) = screenshots_dir() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("{name}.png")),
            c.screenshot().await.unwrap(),
        )
        .unwrap();
    }
}

/// Runs axe-core on the current page; returns the serious and critical violations.
pub(crate) async fn axe(c: &Client, axe_js: &str) -> Vec<Value> {
    c.execute(&format!("{axe_js}\nreturn typeof axe;"), vec![])
        .await
        .unwrap();
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {resultTypes: ['violations']})\
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,\
                   targets: v.nodes.map(n => n.target.join(' '))}))))\
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));",
            vec![],
        )
        .await
        .unwrap();
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect()
}

/// Every resource the page loaded came from the service itself.
async fn only_own_requests(c: &Client, base: &str) {
    let names = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    for n in names.as_array().unwrap() {
        let n = n.as_str().unwrap();
        assert!(n.starts_with(base), "the page loaded {n} from elsewhere");
    }
    let cookie = c.execute("return document.cookie;", vec![]).await.unwrap();
    assert_eq!(cookie, json!(""), "a public page set a cookie");
}

#[tokio::test]
async fn a_report_through_the_real_form_with_javascript_off_then_the_status_page() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let driver = Driver::start();
        let c = driver.browser(false).await;
        c.goto(&server.url("/en/report")).await.unwrap();
        // Scripts are off in this profile; the form has none to need anyway.
        assert!(!c.source().await.unwrap().contains("<script"));
        type_into(
            &c,
            "urls",
            "example.com/browser-1\nhxxps://www.example[.]org/two",
        )
        .await;
        type_into(&c, "description", "Seen in a public forum thread").await;
        keep_screenshot(&c, "report-form").await;
        click(&c, "form button[type=submit]").await;
        // Clicking submits; wait for the next page rather than racing it.
        let receipt = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("#receipt strong"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(receipt.len(), 19, "{receipt}");
        let page = c.source().await.unwrap();
        assert!(page.contains("https://www.example.org/two"), "{page}");
        keep_screenshot(&c, "report-receipt").await;

        c.goto(&server.url("/en/status")).await.unwrap();
        type_into(&c, "receipt", &receipt.to_lowercase()).await;
        click(&c, "form button[type=submit]").await;
        let status = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("#status-result"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(status, "Received");
        keep_screenshot(&c, "status").await;
        c.close().await.unwrap();
        db
    })
    .await;
}

#[tokio::test]
async fn axe_finds_no_serious_problem_on_public_and_staff_pages() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    let axe_js = std::fs::read_to_string(
        std::env::var("HOTLINE_AXE_JS").expect("HOTLINE_AXE_JS names axe.min.js (npm axe-core)"),
    )
    .expect("cannot read axe.min.js");
    // One engine is enough here: the pages do not depend on it.
    let db = hotline_store::testing::TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    let ann = Account::add(&db, "ann", "supervisor");
    let r = crate::support::client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({"urls": ["example.com/axe"], "where_found": "chat", "description": "words", "contact": {"name": "N"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);

    let driver = Driver::start();
    let c = driver.browser(true).await;
    let mut failures = Vec::new();
    let mut pages = Vec::new();
    for lang in ["nl", "fr", "de", "en"] {
        pages.push(format!("/{lang}/"));
        pages.push(format!("/{lang}/report"));
        pages.push(format!("/{lang}/status"));
        pages.push(format!("/{lang}/transparency"));
        for info in [
            "what-to-report",
            "what-happens",
            "the-law",
            "stay-safe",
            "get-help",
            "privacy",
            "about",
        ] {
            pages.push(format!("/{lang}/info/{info}"));
        }
    }
    for path in &pages {
        c.goto(&server.url(path)).await.unwrap();
        only_own_requests(&c, &server.base).await;
        let v = axe(&c, &axe_js).await;
        if !v.is_empty() {
            failures.push(format!("{path}: {v:?}"));
        }
        let shot = match path.as_str() {
            "/nl/" => Some("home-nl"),
            "/fr/report" => Some("report-form-fr"),
            "/de/info/what-happens" => Some("info-what-happens-de"),
            _ => None,
        };
        if let Some(name) = shot {
            keep_screenshot(&c, name).await;
        }
    }

    // Staff: sign in with a real TOTP code, then the queue and a case page.
    c.goto(&server.url("/staff/login")).await.unwrap();
    let v = axe(&c, &axe_js).await;
    if !v.is_empty() {
        failures.push(format!("/staff/login: {v:?}"));
    }
    keep_screenshot(&c, "staff-login").await;
    type_into(&c, "username", "ann").await;
    type_into(&c, "password", PASSWORD).await;
    type_into(&c, "totp", &ann.code(0)).await;
    click(&c, "form button[type=submit]").await;
    let signed_in = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("form.logout"))
        .await
        .unwrap();
    assert!(signed_in.text().await.unwrap().contains("ann"));
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), "/staff/", "signed in");
    for (path, name) in [
        ("/staff/", "staff-queue"),
        ("/staff/cases/1", "staff-case"),
        ("/staff/welfare", "staff-welfare"),
        ("/staff/audit", "staff-audit"),
        ("/staff/statistics", "staff-statistics"),
        ("/staff/statistics/annual", "staff-annual-report"),
        ("/staff/account", "staff-account"),
    ] {
        c.goto(&server.url(path)).await.unwrap();
        let v = axe(&c, &axe_js).await;
        if !v.is_empty() {
            failures.push(format!("{path}: {v:?}"));
        }
        keep_screenshot(&c, name).await;
    }
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "axe-core found serious or critical problems:\n{}",
        failures.join("\n")
    );
    eprintln!(
        "axe-core: {} public pages and 8 staff pages without serious or critical violations",
        pages.len()
    );
    db.remove().await;
}

/// Signs `who` in through the real login form.
pub(crate) async fn sign_in(c: &Client, server: &Server, who: &Account) {
    c.goto(&server.url("/staff/login")).await.unwrap();
    for (id, text) in [
        ("username", who.name.clone()),
        ("password", PASSWORD.to_owned()),
        ("totp", who.code(0)),
    ] {
        type_into(c, id, &text).await;
    }
    click(c, "form button[type=submit]").await;
    wait_for(c, Locator::Css("form.logout")).await;
}

#[tokio::test]
async fn axe_finds_no_serious_problem_on_the_admin_pages() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    let axe_js = std::fs::read_to_string(
        std::env::var("HOTLINE_AXE_JS").expect("HOTLINE_AXE_JS names axe.min.js (npm axe-core)"),
    )
    .expect("cannot read axe.min.js");
    let db = hotline_store::testing::TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    let ada = Account::add(&db, "ada", "admin");
    let driver = Driver::start();
    let c = driver.browser(true).await;
    sign_in(&c, &server, &ada).await;
    let mut failures = Vec::new();
    for (path, name) in [
        ("/staff/admin", "staff-admin-settings"),
        (
            "/staff/admin/notice-template",
            "staff-admin-notice-template",
        ),
        ("/staff/admin/tokens", "staff-admin-tokens"),
        ("/staff/admin/partners", "staff-admin-partners"),
        ("/staff/admin/users", "staff-admin-users"),
    ] {
        c.goto(&server.url(path)).await.unwrap();
        let v = axe(&c, &axe_js).await;
        if !v.is_empty() {
            failures.push(format!("{path}: {v:?}"));
        }
        keep_screenshot(&c, name).await;
    }
    // A refused change, as the admin sees it: the messages by the fields.
    c.goto(&server.url("/staff/admin")).await.unwrap();
    let field = c.find(Locator::Id("objection_hours")).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys("0").await.unwrap();
    c.find(Locator::Css(
        "section[aria-labelledby=national-heading] button[type=submit]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let error = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("objection_hours-error"))
        .await
        .unwrap();
    assert!(error.text().await.unwrap().contains("between 1 and 720"));
    let v = axe(&c, &axe_js).await;
    if !v.is_empty() {
        failures.push(format!("/staff/admin (refused): {v:?}"));
    }
    // A refused account, as the admin sees it: passwords that differ.
    c.goto(&server.url("/staff/admin/users")).await.unwrap();
    for (id, text) in [
        ("name", "pol"),
        ("password", "correct horse battery staple"),
        ("password_again", "correct horse battery stapler"),
    ] {
        type_into(&c, id, text).await;
    }
    c.find(Locator::Css(
        "form[action=\"/staff/admin/users\"] button[type=submit]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let error = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("password_again-error"))
        .await
        .unwrap();
    assert!(error.text().await.unwrap().contains("differ"));
    let v = axe(&c, &axe_js).await;
    if !v.is_empty() {
        failures.push(format!("/staff/admin/users (refused): {v:?}"));
    }
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "axe-core found serious or critical problems:\n{}",
        failures.join("\n")
    );
    db.remove().await;
}

/// Clicks the element `css` names.
pub(crate) async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Types `text` into the field with this id.
pub(crate) async fn type_into(c: &Client, id: &str, text: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Waits (up to 20 s) until the page shows `what`.
pub(crate) async fn wait_for(c: &Client, what: Locator<'_>) {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(what)
        .await
        .unwrap();
}

/// Chooses `value` in the `<select>` with this id.
async fn choose(c: &Client, select_id: &str, value: &str) {
    c.find(Locator::Css(&format!(
        "#{select_id} option[value=\"{value}\"]"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
}

/// Clicks and waits for the next page (another URL) to show `css`.
async fn click_then(c: &Client, button: &str, css: &str) {
    let before = c.current_url().await.unwrap();
    c.find(Locator::Css(button))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while c.current_url().await.unwrap() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "clicking {button} left the browser on {before}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for(c, Locator::Css(css)).await;
}

#[tokio::test]
async fn the_workbench_in_a_real_browser_with_javascript_off() {
    if !enabled() {
        hotline_store::testing::skipped_test(SKIP);
        return;
    }
    let axe_js = std::fs::read_to_string(
        std::env::var("HOTLINE_AXE_JS").expect("HOTLINE_AXE_JS names axe.min.js (npm axe-core)"),
    )
    .expect("cannot read axe.min.js");
    let db = hotline_store::testing::TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    crate::workbench::report(
        &server,
        &[
            "https://one.example.org/1".to_owned(),
            "https://one.example.org/2".to_owned(),
        ],
    )
    .await;
    let gallery: Vec<String> = (1..=20)
        .map(|i| format!("https://gallery.example.com/album/{i}"))
        .collect();
    crate::workbench::report(&server, &gallery).await;
    let driver = Driver::start();

    // In English: a search by domain, a 20-address report assessed in one submission, and
    // "save and next".
    let sue = Account::add(&db, "sue", "supervisor");
    let c = driver.browser_in(false, "en-GB").await;
    sign_in(&c, &server, &sue).await;
    c.goto(&server.url("/staff/search")).await.unwrap();
    type_into(&c, "search-q", "example.com").await;
    choose(&c, "search-by", "domain").await;
    click_then(&c, "form[role=search] button[type=submit]", "table.queue").await;
    let rows = c
        .find_all(Locator::Css("table.queue tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 20, "the domain's twenty cases");
    keep_screenshot(&c, "staff-search").await;

    c.goto(&server.url("/staff/groups/report")).await.unwrap();
    click_then(
        &c,
        "table.queue a[href^=\"/staff/groups/report/\"]",
        "form.bulk",
    )
    .await;
    let ticked = c
        .find_all(Locator::Css("input[name=case]:checked"))
        .await
        .unwrap();
    assert_eq!(ticked.len(), 20, "the report's twenty addresses, ticked");
    for (field, value) in [
        ("bulk-classification", "baseline"),
        ("bulk-age_group", "pre_pubescent"),
        ("bulk-gender", "female"),
        ("bulk-media", "image"),
        ("bulk-site_type", "image_host"),
        ("bulk-commercial", "non_commercial"),
    ] {
        choose(&c, field, value).await;
    }
    keep_screenshot(&c, "staff-group-report").await;
    click_then(&c, "button[name=do][value=assess]", "h1").await;
    let h1 = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(h1, "20 cases assessed");

    c.goto(&server.url("/staff/groups/host/one.example.org"))
        .await
        .unwrap();
    let members: Vec<String> = {
        let mut v = Vec::new();
        for a in c
            .find_all(Locator::Css("table.queue a[href^=\"/staff/cases/\"]"))
            .await
            .unwrap()
        {
            v.push(a.attr("href").await.unwrap().unwrap());
        }
        v
    };
    assert_eq!(members.len(), 2);
    c.goto(&server.url(&members[0])).await.unwrap();
    choose(&c, "classification", "not_illegal").await;
    choose(&c, "reason", "adult_pornography").await;
    click_then(&c, "button[name=then][value=next]", "h1").await;
    let url = c.current_url().await.unwrap();
    let second = members[1].replace("&amp;", "&");
    assert_eq!(
        format!("{}?{}", url.path(), url.query().unwrap_or("")),
        second,
        "save and next opens the next case of the same view"
    );
    keep_screenshot(&c, "staff-case-related").await;
    c.close().await.unwrap();

    // axe-core on every new page, in each language.
    let mut failures = Vec::new();
    let mut checked = 0;
    for lang in ["nl", "fr", "de", "en"] {
        let who = Account::add(&db, &format!("sue{lang}"), "supervisor");
        // axe-core is a script: these pages are the same with scripts on.
        let c = driver.browser_in(true, lang).await;
        sign_in(&c, &server, &who).await;
        for path in [
            "/staff/search",
            "/staff/search?q=example.com&by=domain",
            "/staff/groups/report",
            "/staff/groups/domain",
            "/staff/groups/host",
            "/staff/groups/host/gallery.example.com",
            "/staff/cases/3",
            "/staff/",
        ] {
            c.goto(&server.url(path)).await.unwrap();
            let lang_attr = c
                .find(Locator::Css("html"))
                .await
                .unwrap()
                .attr("lang")
                .await
                .unwrap();
            assert_eq!(lang_attr.as_deref(), Some(lang), "{path} in {lang}");
            let v = axe(&c, &axe_js).await;
            if !v.is_empty() {
                failures.push(format!("{lang} {path}: {v:?}"));
            }
            checked += 1;
        }
        // The bulk result, with every case skipped (they are assessed already).
        c.goto(&server.url("/staff/groups/report")).await.unwrap();
        click_then(
            &c,
            "table.queue a[href^=\"/staff/groups/report/\"]",
            "form.bulk",
        )
        .await;
        choose(&c, "bulk-classification", "not_illegal").await;
        click_then(&c, "button[name=do][value=assess]", "h1").await;
        let v = axe(&c, &axe_js).await;
        if !v.is_empty() {
            failures.push(format!("{lang} bulk result: {v:?}"));
        }
        checked += 2;
        c.close().await.unwrap();
    }
    assert!(
        failures.is_empty(),
        "axe-core found serious or critical problems:\n{}",
        failures.join("\n")
    );
    eprintln!(
        "axe-core: {checked} workbench pages in four languages without serious or critical violations"
    );
    db.remove().await;
}
