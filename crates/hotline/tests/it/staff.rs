//! Staff and police: sign-in with a second factor, sessions, CSRF, lockout, who sees which
//! case (pages and API alike), assessment and welfare, escaping of hostile input, and the
//! audit trail's verification on the command line.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use serde_json::{Value, json};

use hotline_store::testing::TestDatabase;

use crate::support::{
    BIN, Options, Server, cli, client, each_engine, hotline, input_value, raw_sql,
};

pub const PASSWORD: &str = "correct horse battery staple";

/// A staff account made with `hotline user add`, as an operator would.
pub struct Account {
    pub name: String,
    otpauth: String,
}

impl Account {
    pub fn add(db: &TestDatabase, name: &str, role: &str) -> Account {
        Self::add_in_unit(db, name, role, "national")
    }

    /// An account in a police unit (`hotline user add NAME --role ROLE --unit UNIT`).
    pub fn add_in_unit(db: &TestDatabase, name: &str, role: &str, unit: &str) -> Account {
        let mut child = Command::new(BIN)
            .args([
                "user",
                "add",
                name,
                "--role",
                role,
                "--unit",
                unit,
                "--data-dir",
            ])
            .arg(&db.dir)
            .args(["--database", &db.url])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{PASSWORD}\n").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let otpauth = stdout
            .lines()
            .find(|l| l.starts_with("otpauth://totp/"))
            .unwrap_or_else(|| panic!("no otpauth URI in {stdout}"))
            .to_owned();
        Account {
            name: name.to_owned(),
            otpauth,
        }
    }

    /// An account whose authenticator URI was shown on the admin users page.
    pub fn shown(name: &str, otpauth: &str) -> Account {
        Account {
            name: name.to_owned(),
            otpauth: otpauth.to_owned(),
        }
    }

    /// The secret of its second factor, as its `otpauth://` URI carries it.
    pub fn secret(&self) -> String {
        let query = self.otpauth.split_once('?').unwrap().1;
        query
            .split('&')
            .find_map(|p| p.strip_prefix("secret="))
            .unwrap()
            .to_owned()
    }

    /// The code for the 30-second step `offset` steps from now.
    pub fn code(&self, offset: i64) -> String {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        totp_rs::Totp::from_url(&self.otpauth)
            .unwrap()
            .generate((now + offset * 30) as u64)
            .to_string()
    }

    fn token(&self, db: &TestDatabase) -> String {
        cli(db, &["token", "create", "--user", &self.name])
            .trim()
            .to_owned()
    }
}

/// A browser that keeps cookies, with JavaScript off.
pub struct Browser {
    http: reqwest::Client,
    base: String,
    cookies: HashMap<String, String>,
    /// The `Accept-Language` sent, if any: the staff pages' language.
    language: Option<String>,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub cache_control: Option<String>,
    pub body: String,
}

impl Browser {
    pub fn new(server: &Server) -> Browser {
        Browser {
            http: client(),
            base: server.base.clone(),
            cookies: HashMap::new(),
            language: None,
        }
    }

    /// Asks for the staff pages in `lang` from now on.
    pub fn speak(&mut self, lang: &str) {
        self.language = Some(lang.to_owned());
    }

    /// The request with this browser's cookies.
    fn with_cookies(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let req = match &self.language {
            Some(l) => req.header("accept-language", l.as_str()),
            None => req,
        };
        let cookie: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if cookie.is_empty() {
            req
        } else {
            req.header("cookie", cookie.join("; "))
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Page {
        let r = self.with_cookies(req).send().await.unwrap();
        let set_cookies: Vec<String> = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        for c in &set_cookies {
            let (pair, attrs) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        Page {
            status: r.status(),
            location: r
                .headers()
                .get("location")
                .map(|v| v.to_str().unwrap().to_owned()),
            set_cookies,
            cache_control: r
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap().to_owned()),
            body: r.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let req = self.http.get(format!("{}{path}", self.base));
        self.send(req).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let req = self.http.post(format!("{}{path}", self.base)).form(form);
        self.send(req).await
    }

    async fn try_login(&mut self, name: &str, password: &str, code: &str, csrf: &str) -> Page {
        self.post(
            "/staff/login",
            &[
                ("username", name),
                ("password", password),
                ("totp", code),
                ("csrf_token", csrf),
            ],
        )
        .await
    }

    /// Goes on with the same cookies on another server process (sessions live in the database).
    pub fn switch_to(&mut self, server: &Server) {
        self.base = server.base.clone();
    }

    /// A form post to a server that may die while answering: `None` when no answer came.
    pub async fn try_post(&mut self, path: &str, form: &[(&str, &str)]) -> Option<StatusCode> {
        let req = self.http.post(format!("{}{path}", self.base)).form(form);
        self.with_cookies(req).send().await.ok().map(|r| r.status())
    }

    pub async fn login(&mut self, who: &Account, offset: i64) -> Page {
        let page = self.get("/staff/login").await;
        let csrf = input_value(&page.body, "csrf_token");
        let code = who.code(offset);
        self.post(
            "/staff/login",
            &[
                ("username", who.name.as_str()),
                ("password", PASSWORD),
                ("totp", code.as_str()),
                ("csrf_token", csrf.as_str()),
            ],
        )
        .await
    }

    /// Records an illegal (baseline) assessment of a case, with plausible findings.
    pub async fn assess_illegal(&mut self, case_id: i64, csrf: &str) -> Page {
        self.post(
            &format!("/staff/cases/{case_id}/assessment"),
            &[
                ("csrf_token", csrf),
                ("classification", "baseline"),
                ("age_group", "pre_pubescent"),
                ("gender", "female"),
                ("media", "image"),
                ("site_type", "image_host"),
                ("commercial", "non_commercial"),
            ],
        )
        .await
    }

    /// Assesses a case as illegal under national law (Belgian statute), which is what a
    /// notice to a host in this country needs.
    pub async fn assess_national(&mut self, case_id: i64, csrf: &str) -> Page {
        self.post(
            &format!("/staff/cases/{case_id}/assessment"),
            &national_assessment(csrf),
        )
        .await
    }

    /// The CSRF token of the signed-in session, read from any staff page.
    pub async fn csrf(&mut self) -> String {
        input_value(&self.get("/staff/").await.body, "csrf_token")
    }
}

/// The assessment form of an illegal-under-national-law finding, as an analyst sends it.
pub fn national_assessment(csrf: &str) -> [(&str, &str); 8] {
    [
        ("csrf_token", csrf),
        ("classification", "national"),
        ("statutory_reference", "Belgian Criminal Code, art. 417/43"),
        ("age_group", "pre_pubescent"),
        ("gender", "female"),
        ("media", "image"),
        ("site_type", "image_host"),
        ("commercial", "non_commercial"),
    ]
}

async fn report(server: &Server, urls: &[&str], description: &str, name: &str) -> Value {
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({"urls": urls, "where_found": "website", "description": description, "contact": {"name": name}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json().await.unwrap()
}

#[tokio::test]
async fn sign_in_needs_password_code_and_form_token_and_renews_the_session() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ann = Account::add(&db, "ann", "analyst");
        let mut b = Browser::new(&server);

        let r = b.get("/staff/").await;
        assert_eq!(
            (r.status, r.location.as_deref()),
            (StatusCode::SEE_OTHER, Some("/staff/login"))
        );

        let form = b.get("/staff/login").await;
        assert_eq!(form.status, StatusCode::OK);
        let pre = form
            .set_cookies
            .iter()
            .find(|c| c.starts_with("hotline_login="))
            .expect("pre-login cookie");
        assert!(
            pre.contains("HttpOnly") && pre.contains("SameSite=Strict"),
            "{pre}"
        );
        let csrf = input_value(&form.body, "csrf_token");

        let wrong_password = b
            .try_login("ann", "not the password", &ann.code(0), &csrf)
            .await;
        assert_eq!(
            wrong_password.status,
            StatusCode::UNAUTHORIZED,
            "{}",
            db.engine
        );
        assert!(wrong_password.body.contains("not right"));
        let csrf = input_value(&wrong_password.body, "csrf_token");
        let wrong_code = b.try_login("ann", PASSWORD, "000000", &csrf).await;
        assert_eq!(wrong_code.status, StatusCode::UNAUTHORIZED);
        let no_csrf = b.try_login("ann", PASSWORD, &ann.code(0), "").await;
        assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
        let bad_csrf = b
            .try_login("ann", PASSWORD, &ann.code(0), &"00".repeat(16))
            .await;
        assert_eq!(bad_csrf.status, StatusCode::FORBIDDEN);
        let csrf = input_value(&bad_csrf.body, "csrf_token");
        assert!(!b.cookies.contains_key("hotline_session"));

        let ok = b.try_login("ann", PASSWORD, &ann.code(0), &csrf).await;
        assert_eq!(
            (ok.status, ok.location.as_deref()),
            (StatusCode::SEE_OTHER, Some("/staff/")),
            "{}",
            ok.body
        );
        let session = ok
            .set_cookies
            .iter()
            .find(|c| c.starts_with("hotline_session="))
            .unwrap();
        for attr in ["HttpOnly", "SameSite=Strict", "Path=/staff"] {
            assert!(session.contains(attr), "{session}");
        }
        let first_session = b.cookies["hotline_session"].clone();
        let queue = b.get("/staff/").await;
        assert_eq!(queue.status, StatusCode::OK);
        assert!(queue.body.contains("<h1>Queue</h1>"));

        // The same code a second time is refused, even with everything else right.
        let mut other = Browser::new(&server);
        let replay = other.login(&ann, 0).await;
        assert_eq!(
            replay.status,
            StatusCode::UNAUTHORIZED,
            "a TOTP code works once"
        );

        // Signing in again gives a new session id and ends the one the browser had.
        let again = b.login(&ann, 1).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_ne!(b.cookies["hotline_session"], first_session);
        let mut stale = Browser::new(&server);
        stale
            .cookies
            .insert("hotline_session".into(), first_session);
        assert_eq!(stale.get("/staff/").await.status, StatusCode::SEE_OTHER);

        // Logging out needs the session's CSRF token.
        let refused = b.post("/staff/logout", &[("csrf_token", "wrong")]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let csrf = b.csrf().await;
        let out = b
            .post("/staff/logout", &[("csrf_token", csrf.as_str())])
            .await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert_eq!(b.get("/staff/").await.status, StatusCode::SEE_OTHER);
        db
    })
    .await;
}

#[tokio::test]
async fn five_failures_lock_the_account() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let bob = Account::add(&db, "bob", "analyst");
        let mut b = Browser::new(&server);
        for _ in 0..5 {
            let page = b.get("/staff/login").await;
            let csrf = input_value(&page.body, "csrf_token");
            let r = b
                .post(
                    "/staff/login",
                    &[
                        ("username", "bob"),
                        ("password", "guess guess guess"),
                        ("totp", "123456"),
                        ("csrf_token", &csrf),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let locked = b.login(&bob, 0).await;
        assert_eq!(
            locked.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            db.engine
        );
        assert!(locked.body.contains("locked until"), "{}", locked.body);
        db
    })
    .await;
}

#[tokio::test]
async fn police_see_only_what_was_referred_to_them_in_pages_and_api() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let ann = Account::add(&db, "ann", "analyst");
        let pol = Account::add(&db, "pol", "police");
        let referred = report(&server, &["example.com/referred"], "for the police", "R1").await;
        let _other = report(
            &server,
            &["example.com/not-referred"],
            "not for the police",
            "R2",
        )
        .await;
        // A second reporter of the referred address agrees to be contacted by the police.
        let consenting = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://example.com/referred"], "where_found": "website",
                "contact": {"name": "CONSENTS", "email": "c@example.com", "police_may_contact": true}}))
            .send()
            .await
            .unwrap();
        assert_eq!(consenting.status(), StatusCode::CREATED);

        let mut analyst = Browser::new(&server);
        assert_eq!(analyst.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let queue = analyst.get("/staff/").await.body;
        assert!(
            queue.contains("http://example.com/referred")
                && queue.contains("http://example.com/not-referred")
        );
        let (a_id, b_id) = (1, 2);
        let csrf = analyst.csrf().await;
        let r = analyst.assess_illegal(a_id, &csrf).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let close = analyst
            .post(
                &format!("/staff/cases/{a_id}/move"),
                &[("csrf_token", &csrf), ("to", "closed")],
            )
            .await;
        assert_eq!(
            close.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a case is closed only with a reason"
        );
        let close = analyst
            .post(
                &format!("/staff/cases/{a_id}/move"),
                &[("csrf_token", &csrf), ("to", "closed"), ("reason", "not_illegal")],
            )
            .await;
        assert_eq!(
            close.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "content assessed as illegal is not closed as not illegal by a click"
        );
        assert!(close.body.contains("record that assessment instead"), "{}", close.body);
        let refer = analyst
            .post(
                &format!("/staff/cases/{a_id}/move"),
                &[("csrf_token", &csrf), ("to", "referred")],
            )
            .await;
        assert_eq!(refer.status, StatusCode::SEE_OTHER, "{}", refer.body);
        assert_eq!(
            referred["cases"][0]["address"],
            "http://example.com/referred"
        );

        let mut police = Browser::new(&server);
        assert_eq!(police.login(&pol, 0).await.status, StatusCode::SEE_OTHER);
        let queue = police.get("/staff/").await.body;
        assert!(queue.contains("http://example.com/referred"), "{queue}");
        assert!(
            !queue.contains("not-referred"),
            "police see only referred cases"
        );
        let mine = police.get(&format!("/staff/cases/{a_id}")).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(
            mine.body.contains("for the police"),
            "police read the referred report"
        );
        assert!(
            !mine.body.contains("R1"),
            "but not the reporter's contact details"
        );
        assert!(
            mine.body.contains("CONSENTS")
                && mine.body.contains("c@example.com")
                && mine.body.contains("agreed to be contacted by the police"),
            "except a reporter who agreed to police contact: {}",
            mine.body
        );
        assert!(!mine.body.contains("Record assessment"));
        assert_eq!(
            police.get(&format!("/staff/cases/{b_id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            police.get("/staff/cases/999").await.status,
            StatusCode::NOT_FOUND
        );
        let pcsrf = police.csrf().await;
        let forbidden = police
            .post(
                &format!("/staff/cases/{a_id}/move"),
                &[("csrf_token", &pcsrf), ("to", "awaiting_removal")],
            )
            .await;
        assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
        assert_eq!(
            police.get("/staff/audit").await.status,
            StatusCode::FORBIDDEN
        );

        let api = client();
        let token = pol.token(&db);
        let get = |path: String| api.get(server.url(&path)).bearer_auth(&token).send();
        let list: Value = get("/api/v1/cases".into())
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<i64> = list["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [a_id], "{}", db.engine);
        let case: Value = get(format!("/api/v1/cases/{a_id}"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let contacts: Vec<&Value> = case["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["contact"])
            .collect();
        assert_eq!(contacts.len(), 2, "{case}");
        assert!(
            contacts.iter().any(|c| c["name"] == "CONSENTS" && c["police_may_contact"] == true)
                && contacts.iter().all(|c| c["name"] != "R1"),
            "{case}"
        );
        let hidden = get(format!("/api/v1/cases/{b_id}")).await.unwrap();
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            hidden.json::<Value>().await.unwrap()["error"]["code"],
            "not_found"
        );
        let assess = api
            .post(server.url(&format!("/api/v1/cases/{a_id}/assessment")))
            .bearer_auth(&token)
            .json(&json!({"classification": "not_illegal"}))
            .send()
            .await
            .unwrap();
        assert_eq!(assess.status(), StatusCode::FORBIDDEN);
        let anonymous = api.get(server.url("/api/v1/cases")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let forged = api
            .get(server.url("/api/v1/cases"))
            .bearer_auth("hl_forged")
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);

        // The analyst's token sees both, and can assess through the API.
        let atoken = ann.token(&db);
        let list: Value = api
            .get(server.url("/api/v1/cases"))
            .bearer_auth(&atoken)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["cases"].as_array().unwrap().len(), 2);
        let bad = api
            .post(server.url(&format!("/api/v1/cases/{b_id}/assessment")))
            .bearer_auth(&atoken)
            .json(&json!({"classification": "national"}))
            .send()
            .await
            .unwrap();
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = bad.json().await.unwrap();
        assert!(
            body["error"]["problems"]
                .as_array()
                .is_some_and(|p| p.len() >= 2),
            "{body}"
        );
        let reasonless = api
            .post(server.url(&format!("/api/v1/cases/{b_id}/assessment")))
            .bearer_auth(&atoken)
            .json(&json!({"classification": "not_illegal"}))
            .send()
            .await
            .unwrap();
        assert_eq!(reasonless.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = reasonless.json().await.unwrap();
        assert_eq!(body["error"]["field"], "reason", "{body}");
        let good: Value = api
            .post(server.url(&format!("/api/v1/cases/{b_id}/assessment")))
            .bearer_auth(&atoken)
            .json(&json!({"classification": "not_illegal", "reason": "adult_pornography"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(good["state"], "assessed", "{good}");
        assert_eq!(good["assessments"][0]["classification"], "not_illegal");
        assert_eq!(good["assessments"][0]["reason"], "adult_pornography");
        assert_eq!(
            good["reports"][0]["contact"]["name"], "R2",
            "analysts see contact details"
        );
        db
    })
    .await;
}

/// Thirty-odd hostile strings: markup, event handlers, script URLs, broken attributes,
/// Unicode tricks.
const HOSTILE: [&str; 32] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus '",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:/\">",
    "<link rel=stylesheet href=\"data:,*{x:expression(alert(1))}\">",
    "<style>@import 'javascript:alert(1)';</style>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "\u{202e}gpj.exe<script>",
    "\u{feff}<script>alert(1)</script>",
    "<ſcript>alert(1)</ſcript>",
    "\u{0000}<script>alert(1)</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
];

/// Every `href` on the page points into this site.
fn hrefs_are_ours(html: &str) -> Result<(), String> {
    for part in html.split("href=\"").skip(1) {
        let value = part.split('"').next().unwrap_or("");
        // The one outside link: the attribution DB-IP's licence requires next to its data.
        if !(value.starts_with('/') || value.starts_with('#') || value == "https://db-ip.com") {
            return Err(format!("foreign href {value:?}"));
        }
    }
    Ok(())
}

fn no_live_markup(html: &str) -> Result<(), String> {
    let lower = html.to_lowercase();
    for tag in [
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<object",
        "<embed",
        "<math",
        "<details",
        "<base",
        "<meta http-equiv",
        "<style",
        "<body onload",
        "<input onfocus",
        "<noscript",
    ] {
        if lower.contains(tag) {
            return Err(format!("live {tag} in page"));
        }
    }
    if lower.contains("\" onmouseover=") || lower.contains("' onfocus=") {
        return Err("an attribute escaped its quotes".into());
    }
    Ok(())
}

#[tokio::test]
async fn hostile_descriptions_names_and_addresses_are_shown_escaped() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let sue = Account::add(&db, "sue", "supervisor");
        for (i, h) in HOSTILE.iter().enumerate() {
            let address = format!("http://example.com/{i}/{h}?q={h}");
            let body = json!({"urls": [address], "where_found": "website", "description": h, "contact": {"name": h}});
            let r = client().post(server.url("/api/v1/reports")).json(&body).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::CREATED, "{h}: {}", r.text().await.unwrap());
        }
        let mut b = Browser::new(&server);
        assert_eq!(b.login(&sue, 0).await.status, StatusCode::SEE_OTHER);
        let queue = b.get("/staff/").await;
        assert_eq!(queue.status, StatusCode::OK);
        assert_eq!(queue.body.matches("<tr").count(), HOSTILE.len() + 1, "every case listed");
        no_live_markup(&queue.body).unwrap();
        hrefs_are_ours(&queue.body).unwrap();
        for id in 1..=HOSTILE.len() {
            let page = b.get(&format!("/staff/cases/{id}")).await;
            assert_eq!(page.status, StatusCode::OK);
            no_live_markup(&page.body).unwrap_or_else(|e| panic!("case {id}: {e}"));
            hrefs_are_ours(&page.body).unwrap_or_else(|e| panic!("case {id}: {e}"));
            assert!(page.body.contains("<code class=\"address\">http://example.com/"), "the address is text");
        }
        db
    })
    .await;
}

#[tokio::test]
async fn assessment_second_opinion_review_and_the_welfare_cap() {
    each_engine(|db| async move {
        // A cap of zero minutes: the first assessment already needs a supervisor.
        let options = Options {
            env: vec![("HOTLINE_STAFF__WELFARE_DAILY_MINUTES", "0")],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let ann = Account::add(&db, "ann", "analyst");
        let sue = Account::add(&db, "sue", "supervisor");
        report(&server, &["example.com/one"], "first", "x").await;
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let queue = a.get("/staff/").await.body;
        assert!(
            queue.contains("past") || queue.contains("reached today"),
            "{queue}"
        );
        let csrf = input_value(&queue, "csrf_token");
        let refused = a.post("/staff/queue/next", &[("csrf_token", &csrf)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", db.engine);
        assert!(refused.body.contains("limit"));

        let mut s = Browser::new(&server);
        assert_eq!(s.login(&sue, 0).await.status, StatusCode::SEE_OTHER);
        let welfare = s.get("/staff/welfare").await;
        assert!(welfare.body.contains("ann"));
        let scsrf = s.csrf().await;
        assert_eq!(
            s.post(
                "/staff/welfare/lift",
                &[("csrf_token", &scsrf), ("username", "ann")]
            )
            .await
            .status,
            StatusCode::SEE_OTHER
        );

        let taken = a.post("/staff/queue/next", &[("csrf_token", &csrf)]).await;
        assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
        let case = taken.location.unwrap();
        let invalid = a
            .post(
                &format!("{case}/assessment"),
                &[
                    ("csrf_token", &csrf),
                    ("classification", "national"),
                    ("statutory_reference", ""),
                ],
            )
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            invalid
                .body
                .contains("Statutory reference (when illegal under national law): This field is required."),
            "{}",
            invalid.body
        );
        assert!(
            invalid
                .body
                .contains("<option value=\"national\" selected>"),
            "the form keeps what was chosen"
        );
        let fields = [
            ("csrf_token", csrf.as_str()),
            ("classification", "national"),
            ("statutory_reference", "Belgian Criminal Code art. 417/43"),
            ("age_group", "pubescent"),
            ("gender", "male"),
            ("media", "video"),
            ("site_type", "social_network"),
            ("commercial", "commercial"),
            ("payment_methods", "bitcoin"),
            ("payment_methods", "visa"),
            ("user_generated", "yes"),
        ];
        assert_eq!(
            a.post(&format!("{case}/assessment"), &fields).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            a.post(&format!("{case}/second-opinion"), &[("csrf_token", &csrf)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let review_queue = s.get("/staff/?review=1").await.body;
        assert!(review_queue.contains("http://example.com/one"));
        assert_eq!(
            s.post(
                &format!("{case}/review"),
                &[("csrf_token", &scsrf), ("outcome", "confirm")]
            )
            .await
            .status,
            StatusCode::SEE_OTHER
        );
        let page = s.get(&case).await.body;
        assert!(page.contains("Belgian Criminal Code art. 417/43"));
        assert!(
            page.contains(
                "age group Pubescent, Male, Video, Social network, Commercial, Visa, Bitcoin, User-generated (self-generated)"
            ),
            "the case page shows the assessment in ICCAM's vocabulary: {page}"
        );
        assert!(page.contains("<td>Review</td>"));
        let audit = s.get("/staff/audit?actor=ann").await.body;
        for action in [
            "login.ok",
            "case.start_assessment",
            "case.assess",
            "case.request_second_opinion",
            "case.view",
        ] {
            assert!(audit.contains(action), "{action} not in the audit trail");
        }
        db
    })
    .await;
}

#[tokio::test]
async fn forward_unopened_shows_addresses_defanged_and_offers_no_assessment() {
    each_engine(|db| async move {
        // No background workers: the case must wait for a person here, not be forwarded
        // by its trace first.
        let options = Options {
            env: vec![
                ("HOTLINE_PROCEDURE", "forward-unopened"),
                ("HOTLINE_WORKERS", "0"),
            ],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let ann = Account::add(&db, "ann", "analyst");
        report(&server, &["https://www.example.com/path"], "d", "n").await;
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let queue = a.get("/staff/").await.body;
        assert!(
            queue.contains("hxxps://www[.]example[.]com/path"),
            "{queue}"
        );
        assert!(!queue.contains("https://www.example.com"));
        let page = a.get("/staff/cases/1").await.body;
        assert!(page.contains("hxxps://www[.]example[.]com/path"));
        assert!(!page.contains("Record assessment") && !page.contains("Start assessment"));
        assert!(page.contains("Refer to the police"));
        let csrf = a.csrf().await;
        let refer = a
            .post(
                "/staff/cases/1/move",
                &[("csrf_token", &csrf), ("to", "referred")],
            )
            .await;
        assert_eq!(refer.status, StatusCode::SEE_OTHER, "{}", refer.body);
        db
    })
    .await;
}

#[tokio::test]
async fn audit_verify_on_the_command_line_passes_then_names_an_edited_event() {
    each_engine(|db| async move {
        let _ann = Account::add(&db, "ann", "analyst");
        let _bob = Account::add(&db, "bob", "police");
        let verify = || hotline(&db, &["audit", "verify"]);
        let ok = verify();
        assert!(ok.status.success());
        assert_eq!(
            String::from_utf8_lossy(&ok.stdout).trim(),
            "audit trail intact: 2 events"
        );
        raw_sql(
            &db,
            "UPDATE audit_events SET details = 'role=admin' WHERE seq = 1",
        )
        .await;
        let broken = verify();
        assert_eq!(broken.status.code(), Some(1));
        let out = String::from_utf8_lossy(&broken.stdout);
        assert!(out.contains("event 1 was edited"), "{out}");
        db
    })
    .await;
}

/// Police units (docs/SPEC.md §1): a referral goes to the national unit unless a unit's rule
/// takes it (here: urgent reports go to `antwerp`); an officer sees only what was referred to
/// their unit, on the pages and through the API, and a case of another unit answers as if it
/// did not exist (404). Each unit's notify addresses get one message per batch of its
/// referrals, with case numbers and links only, and the officers see the count of new
/// referrals on their queue.
#[tokio::test]
async fn police_see_only_their_units_referrals_and_hear_of_them_once_per_batch() {
    each_engine(|db| async move {
        let (port, inbox) = hotline_network::testing::smtp_sink().await;
        let smtp: &'static str = Box::leak(format!("smtp://127.0.0.1:{port}").into_boxed_str());
        let options = Options {
            env: vec![
                ("HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS", "true"),
                ("HOTLINE_NOTICES__SMTP_URL", smtp),
                ("HOTLINE_POLICE__NOTIFY", "[\"duty@police.example.com\"]"),
                (
                    "HOTLINE_POLICE__UNITS",
                    "[{name=\"antwerp\", notify=[\"antwerp@police.example.com\"], urgent=true}]",
                ),
                ("HOTLINE_ALERTS__STAFF_URL", "https://hotline.example.org"),
            ],
            ..Options::default()
        };
        let server = Server::start(&db, &options);
        let ann = Account::add(&db, "ann", "analyst");
        let home = Account::add_in_unit(&db, "nat", "police", "national");
        let other = Account::add_in_unit(&db, "antw", "police", "antwerp");
        let bad = crate::support::hotline(
            &db,
            &[
                "user",
                "add",
                "x",
                "--role",
                "police",
                "--unit",
                "Not A Unit",
            ],
        );
        assert!(!bad.status.success(), "a bad unit name is refused");
        for path in ["a", "b"] {
            let r = report(
                &server,
                &[&format!("http://192.0.2.80/{path}")],
                "SECRET-DESCRIPTION",
                "",
            )
            .await;
            assert!(r["receipt"].is_string(), "{r}");
        }
        // Case 3: an urgent report, which the rule sends to the antwerp unit.
        let urgent = client()
            .post(server.url("/api/v1/reports"))
            .json(&json!({"urls": ["http://192.0.2.80/urgent"], "where_found": "website", "urgent": true}))
            .send()
            .await
            .unwrap();
        assert_eq!(urgent.status(), StatusCode::CREATED);
        let mut a = Browser::new(&server);
        assert_eq!(a.login(&ann, 0).await.status, StatusCode::SEE_OTHER);
        let csrf = a.csrf().await;
        for id in [1, 2, 3] {
            assert_eq!(
                a.assess_illegal(id, &csrf).await.status,
                StatusCode::SEE_OTHER
            );
            let r = a
                .post(
                    &format!("/staff/cases/{id}/move"),
                    &[("csrf_token", &csrf), ("to", "referred")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }

        let mut n = Browser::new(&server);
        assert_eq!(n.login(&home, 0).await.status, StatusCode::SEE_OTHER);
        let queue = n.get("/staff/").await.body;
        assert!(
            queue.contains("2 new referrals wait for your unit"),
            "{queue}"
        );
        assert!(queue.contains("http://192.0.2.80/a"), "{queue}");
        assert!(!queue.contains("192.0.2.80/urgent"), "{queue}");
        assert_eq!(n.get("/staff/cases/1").await.status, StatusCode::OK);
        assert_eq!(n.get("/staff/cases/3").await.status, StatusCode::NOT_FOUND);

        let mut o = Browser::new(&server);
        assert_eq!(o.login(&other, 0).await.status, StatusCode::SEE_OTHER);
        let queue = o.get("/staff/").await.body;
        assert!(
            !queue.contains("192.0.2.80/a") && !queue.contains("192.0.2.80/b"),
            "another unit's referrals are not listed: {queue}"
        );
        assert!(queue.contains("192.0.2.80/urgent"), "{queue}");
        assert!(queue.contains("1 new referral waits for your unit"), "{queue}");
        assert_eq!(o.get("/staff/cases/3").await.status, StatusCode::OK);
        assert_eq!(o.get("/staff/cases/1").await.status, StatusCode::NOT_FOUND);
        let ocsrf = o.csrf().await;
        let step = o
            .post(
                "/staff/cases/1/police",
                &[("csrf_token", &ocsrf), ("step", "hold")],
            )
            .await;
        assert_eq!(step.status, StatusCode::NOT_FOUND, "{}", step.body);
        let token = crate::support::cli(&db, &["token", "create", "--user", "antw"])
            .trim()
            .to_owned();
        for path in ["/api/v1/cases/1", "/api/v1/cases/2"] {
            let r = client()
                .get(server.url(path))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let listed: Value = client()
            .get(server.url("/api/v1/cases"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(!listed.to_string().contains("192.0.2.80/a"), "{listed}");
        assert!(listed.to_string().contains("192.0.2.80/urgent"), "{listed}");

        // One message per unit for its batch, after the batch window (30 s), with numbers and
        // links only.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while inbox.lock().unwrap().len() < 2 {
            assert!(
                std::time::Instant::now() < deadline,
                "{}: the police were never told",
                db.engine
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        let mut mail = inbox.lock().unwrap().clone();
        mail.sort_by(|a, b| b.to.cmp(&a.to));
        assert_eq!(mail.len(), 2, "{}: one message per unit's batch", db.engine);
        assert_eq!(mail[0].to, ["<duty@police.example.com>"]);
        assert_eq!(mail[1].to, ["<antwerp@police.example.com>"]);
        let (national_mail, antwerp_mail) = (&mail[0].data, &mail[1].data);
        assert!(
            national_mail.contains("https://hotline.example.org/staff/cases/1")
                && national_mail.contains("https://hotline.example.org/staff/cases/2")
                && !national_mail.contains("/staff/cases/3"),
            "{national_mail}"
        );
        assert!(
            antwerp_mail.contains("https://hotline.example.org/staff/cases/3")
                && !antwerp_mail.contains("/staff/cases/1"),
            "{antwerp_mail}"
        );
        for data in [national_mail, antwerp_mail] {
            for secret in ["192.0.2.80", "SECRET-DESCRIPTION"] {
                assert!(
                    !data.contains(secret),
                    "the message carries {secret}: {data}"
                );
            }
        }

        // Through the API: another unit cannot act; the national unit records its steps as on
        // the page, with the same checks.
        let step = json!({"step": "hold"});
        let r = api_police_step(&server, "/api/v1/cases/1/police", &token, &step).await;
        assert_eq!(
            r.status(),
            StatusCode::NOT_FOUND,
            "another unit cannot act through the API"
        );
        let national = crate::support::cli(&db, &["token", "create", "--user", "nat"])
            .trim()
            .to_owned();
        let bare = json!({"step": "acknowledged"});
        let r = api_police_step(&server, "/api/v1/cases/2/police", &national, &bare).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["field"], "reference", "{body}");
        let declined =
            json!({"step": "declined", "reason": "no_jurisdiction", "note": "handled elsewhere"});
        let r = api_police_step(&server, "/api/v1/cases/2/police", &national, &declined).await;
        assert_eq!(r.status(), StatusCode::OK);
        let case: Value = r.json().await.unwrap();
        assert_eq!(
            (case["state"].as_str(), case["closed_reason"].as_str()),
            (Some("closed"), Some("declined_by_police")),
            "{case}"
        );
        db
    })
    .await;
}

/// Posts a police step to the staff API as the token's user.
async fn api_police_step(
    server: &Server,
    path: &str,
    token: &str,
    step: &Value,
) -> reqwest::Response {
    client()
        .post(server.url(path))
        .bearer_auth(token)
        .json(step)
        .send()
        .await
        .unwrap()
}
