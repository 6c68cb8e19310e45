//! The analysts' workbench through the real server (docs/SPEC.md §4): search, the grouped
//! views, bulk assessment and closing (each case with its own timeline entry and audit event,
//! refused cases listed with the reason), "save and next", and every staff page walked in
//! each of the four languages, failing on a raw identifier (`new`, `received_to_assessed`,
//! `none`, `import`, …) where the staff should read words.

use serde_json::{Value, json};

use crate::staff::{Account, Browser};
use crate::support::{Options, Server, client, each_engine, input_value, open_store};

/// Posts a report of `urls` through the public API; its report id is not shown to the
/// reporter, so the test finds it on the by-report view.
pub async fn report(server: &Server, urls: &[String]) -> Value {
    let r = client()
        .post(server.url("/api/v1/reports"))
        .json(&json!({"urls": urls, "where_found": "website"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);
    r.json().await.unwrap()
}

/// Every `href` on the page that starts with `prefix`, in order.
pub fn links(html: &str, prefix: &str) -> Vec<String> {
    let needle = format!("href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let start = i + "href=\"".len();
        let end = rest[start..].find('"').unwrap() + start;
        out.push(
            rest[start..end]
                .replace("&#x3a;", ":")
                .replace("&amp;", "&"),
        );
        rest = &rest[end..];
    }
    out
}

/// The case numbers ticked on a group page (`name="case" value="N" checked`).
fn ticked(html: &str) -> Vec<String> {
    html.split("name=\"case\" value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect()
}

/// Every code the staff must never read bare: case states, timeline legs and statistics legs,
/// categories, closing reasons, channels, check and notice states, job kinds, police steps.
const CODES: &[&str] = &[
    "new",
    "in_assessment",
    "assessed",
    "referred",
    "awaiting_removal",
    "removed",
    "closed",
    "none",
    "import",
    "web",
    "api",
    "partner",
    "received",
    "traced",
    "assessment_started",
    "received_to_assessed",
    "assessed_to_referred",
    "referred_to_removed",
    "notice_to_removed",
    "received_to_removed",
    "second_opinion_requested",
    "closed_as_spam",
    "referral_to_partner_queued",
    "referred_police",
    "notice_sent",
    "baseline",
    "national",
    "not_illegal",
    "unavailable",
    "out_of_remit",
    "image_host",
    "file_host",
    "spam",
    "duplicate",
    "declined_by_police",
    "online",
    "gone",
    "pending",
    "queued",
    "running",
    "done",
    "dead",
    "trace",
    "police_acknowledged",
    "police_hold",
    "website",
];

/// The raw identifiers a page shows as text: an element whose whole text is a code, or a
/// code with an underscore anywhere in the text. What is inside `<code>`, `<pre>`,
/// `<textarea>`, `<script>` and `<style>` (addresses, copy-ready summaries) is left out, as
/// are attribute values (form values are codes by design).
pub fn raw_identifiers(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    let mut segments = Vec::new();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        segments.push(std::mem::take(&mut text));
        let after = &rest[lt + 1..];
        let gt = after.find('>').map_or(after.len(), |g| g + 1);
        let tag: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt.min(after.len())..];
        if matches!(
            tag.as_str(),
            "code" | "pre" | "textarea" | "script" | "style"
        ) {
            let close = format!("</{tag}");
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
        }
    }
    segments.push(rest.to_owned());
    for seg in segments {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        if CODES.contains(&seg) {
            found.push(seg.to_owned());
            continue;
        }
        for word in seg.split_whitespace() {
            let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_');
            if w.contains('_') && CODES.contains(&w) {
                found.push(w.to_owned());
            }
        }
    }
    found
}

#[test]
fn the_identifier_check_catches_what_it_should() {
    assert_eq!(raw_identifiers("<td>new</td><td>New</td>"), vec!["new"]);
    assert_eq!(
        raw_identifiers("<th>received_to_assessed</th><p>state: in_assessment.</p>"),
        vec!["received_to_assessed", "in_assessment"]
    );
    assert!(raw_identifiers("<code>new</code><option value=\"new\">Nieuw</option>").is_empty());
    assert_eq!(raw_identifiers("<dd> none </dd>"), vec!["none"]);
}

#[tokio::test]
async fn search_groups_bulk_work_and_save_and_next() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let sue = Account::add(&db, "sue", "supervisor");
        let gallery: Vec<String> = (1..=20)
            .map(|i| format!("https://gallery.example.com/album/{i}"))
            .collect();
        report(&server, &gallery).await;
        report(
            &server,
            &[
                "https://next.example.net/a".to_owned(),
                "https://next.example.net/b".to_owned(),
                "https://next.example.net/c".to_owned(),
            ],
        )
        .await;
        let mut b = Browser::new(&server);
        assert!(b.login(&sue, 0).await.status.is_redirection());
        let csrf = b.csrf().await;

        // Search by registrable domain: the twenty cases, newest first, with their state.
        let page = b.get("/staff/search?q=example.com&by=domain").await;
        assert_eq!(page.status, 200, "{}", db.engine);
        let cases = links(&page.body, "/staff/cases/");
        assert_eq!(cases.len(), 20, "{}: {}", db.engine, page.body);
        assert!(page.body.contains("Waiting for assessment"));
        assert!(page.body.contains("gallery.example.com/album/20"));
        // Guessed from the text alone, a name is a domain.
        let guessed = b.get("/staff/search?q=example.com").await;
        assert_eq!(links(&guessed.body, "/staff/cases/").len(), 20);
        let host = b.get("/staff/search?q=next.example.net&by=host").await;
        assert_eq!(links(&host.body, "/staff/cases/").len(), 3);
        let bad = b.get("/staff/search?q=AS-x&by=asn").await;
        assert_eq!(bad.status, 422, "{}", db.engine);

        // The grouped views, with counts.
        let hosts = b.get("/staff/groups/host").await;
        assert!(hosts.body.contains("gallery.example.com"), "{}", db.engine);
        assert!(hosts.body.contains("<td>20</td>"), "{}", hosts.body);
        let domains = b.get("/staff/groups/domain").await;
        assert!(domains.body.contains("example.net"));
        let reports = b.get("/staff/groups/report").await;
        let groups = links(&reports.body, "/staff/groups/report/");
        assert_eq!(groups.len(), 2, "{}", db.engine);
        // Newest first: the three-address report, then the twenty.
        let twenty = b.get(&groups[1]).await;
        let ticked = ticked(&twenty.body);
        assert_eq!(ticked.len(), 20, "{}: every open case is ticked", db.engine);

        // One submission assesses all twenty, each on its own.
        let mut form: Vec<(&str, &str)> = vec![
            ("csrf_token", csrf.as_str()),
            ("view", "queue"),
            ("do", "assess"),
            ("classification", "baseline"),
            ("age_group", "pre_pubescent"),
            ("gender", "female"),
            ("media", "image"),
            ("site_type", "image_host"),
            ("commercial", "non_commercial"),
        ];
        for id in &ticked {
            form.push(("case", id.as_str()));
        }
        let done = b.post("/staff/bulk", &form).await;
        assert_eq!(done.status, 200, "{}: {}", db.engine, done.body);
        assert!(done.body.contains("20 cases assessed"), "{}", done.body);
        let store = open_store(&db).await;
        for id in &ticked {
            let id: i64 = id.parse().unwrap();
            let legs: Vec<String> = store
                .case_timeline(id)
                .await
                .unwrap()
                .into_iter()
                .map(|(_, k)| k.to_string())
                .collect();
            assert!(
                legs.iter().any(|k| k == "assessed"),
                "{}: case {id} has its own timeline entry: {legs:?}",
                db.engine
            );
            let events = store
                .audit_events(
                    &hotline_store::AuditFilter {
                        action: Some("case.assess".into()),
                        object: Some(format!("case:{id}")),
                        ..Default::default()
                    },
                    10,
                )
                .await
                .unwrap();
            assert_eq!(
                events.len(),
                1,
                "{}: case {id} has its own audit event",
                db.engine
            );
        }
        // Again: nothing allows it now; every case is listed as skipped, with why.
        let again = b.post("/staff/bulk", &form).await;
        assert!(again.body.contains("0 cases assessed"), "{}", again.body);
        assert_eq!(again.body.matches("class=\"skipped\"").count(), 20);
        // Assessed, or already referred if its trace came back meanwhile.
        assert_eq!(
            again
                .body
                .matches("Its state does not allow an assessment: ")
                .count(),
            20,
            "{}",
            again.body
        );
        // A bulk assessment with a problem touches nothing.
        let invalid = b
            .post(
                "/staff/bulk",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("do", "assess"),
                    ("classification", "nonsense"),
                    ("case", ticked[0].as_str()),
                ],
            )
            .await;
        assert_eq!(invalid.status, 422, "{}", db.engine);
        // Bulk close with a reason: two of the three, the third stays.
        let next_cases = links(
            &b.get("/staff/search?q=next.example.net&by=host").await.body,
            "/staff/cases/",
        );
        let ids: Vec<String> = next_cases
            .iter()
            .map(|l| {
                l.trim_start_matches("/staff/cases/")
                    .split('?')
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let closed = b
            .post(
                "/staff/bulk",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("do", "close"),
                    ("reason", "duplicate"),
                    ("case", ids[0].as_str()),
                    ("case", ids[1].as_str()),
                ],
            )
            .await;
        assert!(closed.body.contains("2 cases closed"), "{}", closed.body);
        let host_view = b.get("/staff/groups/host/next.example.net").await;
        assert_eq!(ticked_count(&host_view.body), 1, "{}", db.engine);

        // Save and next, within the host's view: a third gallery on one host.
        report(
            &server,
            &[
                "https://one.example.org/1".to_owned(),
                "https://one.example.org/2".to_owned(),
            ],
        )
        .await;
        let view = b.get("/staff/groups/host/one.example.org").await;
        let members = links(&view.body, "/staff/cases/");
        assert_eq!(members.len(), 2, "{}", db.engine);
        assert!(members[0].contains("view=host"), "{}", members[0]);
        let first = b.get(&members[0]).await;
        assert!(first.body.contains("Record and open the next case"));
        let first_id = members[0]
            .trim_start_matches("/staff/cases/")
            .split('?')
            .next()
            .unwrap()
            .to_owned();
        let saved = b
            .post(
                &format!("/staff/cases/{first_id}/assessment"),
                &[
                    ("csrf_token", csrf.as_str()),
                    ("view", input_value(&first.body, "view").as_str()),
                    ("then", "next"),
                    ("classification", "not_illegal"),
                    ("reason", "adult_pornography"),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}: {}", db.engine, saved.body);
        let second_id = members[1]
            .trim_start_matches("/staff/cases/")
            .split('?')
            .next()
            .unwrap();
        assert_eq!(
            saved.location.as_deref(),
            Some(members[1].as_str()),
            "{}: the next case of the same view ({second_id})",
            db.engine
        );
        store.close().await;
        db
    })
    .await;
}

fn ticked_count(html: &str) -> usize {
    ticked(html).len()
}

#[tokio::test]
async fn every_staff_page_speaks_the_staff_language() {
    // The words do not depend on the engine.
    let db = hotline_store::testing::TestDatabase::sqlite();
    let server = Server::start(&db, &Options::default());
    let sue = Account::add(&db, "sue", "supervisor");
    let urls: Vec<String> = (1..=3)
        .map(|i| format!("https://walk.example.com/{i}"))
        .collect();
    report(&server, &urls).await;
    let mut b = Browser::new(&server);
    b.login(&sue, 0).await;
    let csrf = b.csrf().await;
    // One case assessed and one closed, so the pages show more than new cases.
    b.assess_illegal(1, &csrf).await;
    b.post(
        "/staff/cases/2/move",
        &[
            ("csrf_token", csrf.as_str()),
            ("to", "closed"),
            ("reason", "duplicate"),
        ],
    )
    .await;
    let reports = b.get("/staff/groups/report").await;
    let report_page = links(&reports.body, "/staff/groups/report/")
        .first()
        .cloned()
        .unwrap();
    let pages = [
        "/staff/".to_owned(),
        "/staff/search".to_owned(),
        "/staff/search?q=example.com&by=domain".to_owned(),
        "/staff/search?q=walk.example.com".to_owned(),
        "/staff/groups/report".to_owned(),
        "/staff/groups/domain".to_owned(),
        "/staff/groups/host".to_owned(),
        report_page,
        "/staff/groups/host/walk.example.com".to_owned(),
        "/staff/groups/domain/example.com".to_owned(),
        "/staff/cases/1".to_owned(),
        "/staff/cases/2".to_owned(),
        "/staff/cases/3".to_owned(),
        "/staff/welfare".to_owned(),
    ];
    let mut failures = Vec::new();
    for lang in ["nl", "fr", "de", "en"] {
        b.speak(lang);
        for path in &pages {
            let page = b.get(path).await;
            assert_eq!(page.status, 200, "{lang} {path}");
            assert!(
                page.body.contains(&format!("lang=\"{lang}\"")),
                "{lang} {path}: the page is not in {lang}"
            );
            let raw = raw_identifiers(&page.body);
            if !raw.is_empty() {
                failures.push(format!("{lang} {path}: {raw:?}"));
            }
        }
        // The bulk result, with a case skipped and why.
        let page = b
            .post(
                "/staff/bulk",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("do", "assess"),
                    ("classification", "not_illegal"),
                    ("case", "1"),
                ],
            )
            .await;
        let raw = raw_identifiers(&page.body);
        if !raw.is_empty() {
            failures.push(format!("{lang} POST /staff/bulk: {raw:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "raw identifiers on staff pages:\n{}",
        failures.join("\n")
    );
    db.remove().await;
}

/// The messages of `file` (a Fluent file) whose keys start with one of `prefixes`, by key.
fn ftl_messages(lang: &str, prefixes: &[&str]) -> std::collections::BTreeMap<String, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../hotline-web/locales")
        .join(lang)
        .join("staff.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(k, _)| prefixes.iter().any(|p| k.starts_with(p)))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// The longest piece of a message's text between its placeables (`{ $x }`): what any page
/// showing the message must contain, whatever the facts.
fn fixed_part(message: &str) -> String {
    let mut pieces = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    pieces.push(rest);
    pieces
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .to_owned()
}

/// A page's text as a person reads it: the tags left out, the entities askama writes decoded.
fn page_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// English sentences the Rust code writes for logs and the API, which a staff page in another
/// language must never fall back to.
const RUST_ENGLISH: &[&str] = &[
    "referred to the national police",
    "Waiting for an assessment",
    "Assessed as not illegal",
    "say why the case is closed",
    "give the police's file number",
    "needs an assessment that found it",
    "this field is required",
    "is not an assigned ISO 3166-1 country code",
    "a user name is 1 to 64 characters",
    "this case is not waiting for a referral by hand",
];

/// What is English on a page meant to be in `lang`: the fixed part of every English route
/// reason, refusal and assessment problem (where it differs from the language's own), and the
/// Rust code's English.
fn english_on(body: &str, lang: &str) -> Vec<String> {
    let prefixes = ["staff-route-", "staff-error-", "staff-assess-problem-"];
    let en = ftl_messages("en", &prefixes);
    let own = ftl_messages(lang, &prefixes);
    let text = page_text(body);
    let mut found: Vec<String> = en
        .iter()
        .filter(|(k, _)| !k.ends_with("-title"))
        .map(|(k, v)| (k, fixed_part(v)))
        .filter(|(k, part)| {
            part.chars().count() >= 12
                && own.get(*k).is_none_or(|o| !o.contains(part.as_str()))
                && text.contains(part.as_str())
        })
        .map(|(k, part)| format!("{k}: {part}"))
        .collect();
    for s in RUST_ENGLISH {
        if text.to_lowercase().contains(&s.to_lowercase()) {
            found.push(format!("Rust: {s}"));
        }
    }
    found
}

/// Whether a page says one of the language's own route reasons, refusals or assessment
/// problems.
fn says_a_refusal(body: &str, lang: &str) -> bool {
    let text = page_text(body);
    ftl_messages(
        lang,
        &["staff-route-", "staff-error-", "staff-assess-problem-"],
    )
    .values()
    .map(|m| fixed_part(m))
    .any(|part| part.chars().count() >= 12 && text.contains(&part))
}

#[test]
fn the_english_check_catches_what_it_should() {
    assert_eq!(
        fixed_part("Hosted in { $country }: referred to { $partner }."),
        ": referred to"
    );
    let en = ftl_messages("en", &["staff-route-"]);
    let reason = &en["staff-route-wait_awaiting_trace"];
    let page = format!("<p>{}</p>", reason.replace('\'', "&#x27;"));
    assert!(!english_on(&page, "nl").is_empty(), "{page}");
    let nl = ftl_messages("nl", &["staff-route-"]);
    let page = format!("<p>{}</p>", nl["staff-route-wait_awaiting_trace"]);
    assert!(english_on(&page, "nl").is_empty(), "{page}");
}

/// "Why this route" and every refusal a staff form can bring, walked in Dutch, French and
/// German: each case page says its route in the page's language (the message of its route's
/// code), and no page shows an English route reason or refusal, or a raw identifier.
#[tokio::test]
async fn route_reasons_and_refusals_speak_the_staff_language() {
    use crate::support::{cli, place_case};
    let db = hotline_store::testing::TestDatabase::sqlite();
    let server = Server::start(
        &db,
        &Options {
            env: vec![("HOTLINE_NATIONAL__COUNTRY", "BE")],
            ..Options::default()
        },
    );
    cli(&db, &["partner", "add", "Meldpunt NL", "--countries", "NL"]);
    let sue = Account::add(&db, "sue", "supervisor");
    let ada = Account::add(&db, "ada", "admin");
    // One address per route; the cases are numbered in this order.
    let urls: Vec<String> = [
        "https://wait.example.com/1",
        "https://fine.example.com/2",
        "https://nowhere.example.com/3",
        "https://home.example.com/4",
        "https://partner.example.com/5",
        "https://far.example.com/6",
        "http://hotlinetestaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/7",
        "https://gone.example.com/8",
    ]
    .iter()
    .map(|u| (*u).to_owned())
    .collect();
    report(&server, &urls).await;
    let store = open_store(&db).await;
    place_case(&store, 4, "192.0.2.4", "BE", None).await;
    place_case(&store, 5, "198.51.100.5", "NL", None).await;
    place_case(&store, 6, "203.0.113.6", "US", None).await;
    for id in [3, 7, 8] {
        // The server's own (offline) trace: no country for 3.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while store.latest_trace(id).await.unwrap().is_none() {
            assert!(
                std::time::Instant::now() < deadline,
                "no trace of case {id}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    // What a trace online finds for an onion service (7) and a name with no address (8).
    for (id, host, why) in [
        (
            7,
            "hotlinetestaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion",
            "an onion service: its location is hidden by design and cannot be traced",
        ),
        (8, "gone.example.com", "the name has no address"),
    ] {
        let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        let trace = hotline_domain::trace::Trace {
            host: host.into(),
            traced_at_ms: now_ms + 1,
            untraceable: Some(why.into()),
            ..Default::default()
        };
        store.save_trace(id, &trace).await.unwrap();
    }
    let mut b = Browser::new(&server);
    b.login(&sue, 0).await;
    let csrf = b.csrf().await;
    let not_illegal = b
        .post(
            "/staff/cases/2/assessment",
            &[
                ("csrf_token", csrf.as_str()),
                ("classification", "not_illegal"),
                ("reason", "adult_pornography"),
            ],
        )
        .await;
    assert!(not_illegal.status.is_redirection(), "{}", not_illegal.body);
    for id in 3..=8 {
        let page = b.assess_illegal(id, &csrf).await;
        assert!(page.status.is_redirection(), "case {id}: {}", page.body);
    }
    let routes = [
        (1, "wait_awaiting_assessment"),
        (2, "close_not_illegal"),
        (3, "international_country_unknown"),
        (4, "national_police"),
        (5, "partner"),
        (6, "international_hosted_in"),
        (7, "international_onion"),
        (8, "international_untraceable"),
    ];

    let mut admin = Browser::new(&server);
    admin.login(&ada, 0).await;
    // An admin's pages are the administration's (no queue).
    let admin_page = admin.get("/staff/admin").await;
    let admin_csrf = input_value(&admin_page.body, "csrf_token");
    let version = input_value(&admin_page.body, "version");

    let mut failures = Vec::new();
    for lang in ["nl", "fr", "de", "en"] {
        b.speak(lang);
        admin.speak(lang);
        let own = ftl_messages(lang, &["staff-route-"]);
        let check = |what: String, body: &str| {
            let mut found = Vec::new();
            if lang != "en" {
                let english = english_on(body, lang);
                if !english.is_empty() {
                    found.push(format!("{lang} {what}: English {english:?}"));
                }
            }
            let raw = raw_identifiers(body);
            if !raw.is_empty() {
                found.push(format!("{lang} {what}: raw {raw:?}"));
            }
            found
        };
        for (id, code) in routes {
            let page = b.get(&format!("/staff/cases/{id}")).await;
            assert_eq!(page.status, 200, "{lang} case {id}");
            match own.get(&format!("staff-route-{code}")) {
                Some(message) if !page_text(&page.body).contains(&fixed_part(message)) => {
                    failures.push(format!("{lang} case {id}: the route {code} is not said"));
                }
                Some(_) => {}
                None => failures.push(format!("{lang}: no message for the route {code}")),
            }
            failures.extend(check(format!("case {id}"), &page.body));
        }
        // Every kind of refusal a staff form can bring, each answered 4xx.
        let c = csrf.as_str();
        let posts: Vec<(&str, Vec<(&str, &str)>)> = vec![
            // An assessment missing its findings: the form again, a problem by each field.
            (
                "/staff/cases/1/assessment",
                vec![("csrf_token", c), ("classification", "baseline")],
            ),
            // A police step without its file number (a domain refusal).
            (
                "/staff/cases/1/police",
                vec![
                    ("csrf_token", c),
                    ("step", "acknowledged"),
                    ("reference", ""),
                ],
            ),
            // A police step on a case not referred to the police (refused with the state).
            (
                "/staff/cases/1/police",
                vec![("csrf_token", c), ("step", "cleared")],
            ),
            // Closing without a reason, and with a reason the assessment does not support.
            (
                "/staff/cases/1/move",
                vec![("csrf_token", c), ("to", "closed")],
            ),
            (
                "/staff/cases/3/move",
                vec![
                    ("csrf_token", c),
                    ("to", "closed"),
                    ("reason", "not_illegal"),
                ],
            ),
            // A partner reference on a case that waits for no referral by hand.
            (
                "/staff/cases/1/partner-reference",
                vec![("csrf_token", c), ("reference", "NL-1")],
            ),
            // Referring a closed case: the route's reason is the refusal.
            (
                "/staff/cases/2/move",
                vec![("csrf_token", c), ("to", "referred")],
            ),
        ];
        for (path, form) in &posts {
            let page = b.post(path, form).await;
            assert!(
                page.status.is_client_error(),
                "{lang} POST {path}: {} {}",
                page.status,
                page.body
            );
            if !says_a_refusal(&page.body, lang) {
                failures.push(format!(
                    "{lang} POST {path}: no refusal in the page's language"
                ));
            }
            failures.extend(check(format!("POST {path}"), &page.body));
        }
        let a = admin_csrf.as_str();
        let admin_posts: Vec<(&str, Vec<(&str, &str)>)> = vec![
            (
                "/staff/admin/settings",
                vec![
                    ("csrf_token", a),
                    ("section", "national"),
                    ("version", version.as_str()),
                    ("country", "XX"),
                    ("takedown_by", "police"),
                    ("objection_hours", "0"),
                ],
            ),
            (
                "/staff/admin/users",
                vec![
                    ("csrf_token", a),
                    ("name", "Not A Name!"),
                    ("role", "analyst"),
                    ("password", "short"),
                    ("password_again", "short"),
                ],
            ),
        ];
        for (path, form) in &admin_posts {
            let page = admin.post(path, form).await;
            assert!(
                page.status.is_client_error(),
                "{lang} POST {path}: {} {}",
                page.status,
                page.body
            );
            if !says_a_refusal(&page.body, lang) {
                failures.push(format!(
                    "{lang} POST {path}: no refusal in the page's language"
                ));
            }
            failures.extend(check(format!("POST {path}"), &page.body));
        }
    }
    assert!(
        failures.is_empty(),
        "untranslated words on staff pages:\n{}",
        failures.join("\n")
    );
    store.close().await;
    db.remove().await;
}
