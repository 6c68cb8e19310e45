//! Exports for other case systems: `hotline export cases` and `GET /api/v1/exports/cases` with
//! a token scoped to exports. No reporter identity unless an admin asks explicitly, and every
//! export is in the audit trail.

use reqwest::StatusCode;
use serde_json::json;

use crate::staff::Account;
use crate::support::{Options, Server, cli, client, each_engine, hotline};

#[tokio::test]
async fn exports_leave_reporters_out_unless_an_admin_asks_and_are_audited() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        for (url, email) in [
            ("http://192.0.2.90/one", "first@example.com"),
            ("http://192.0.2.91/two", "second@example.com"),
        ] {
            let r = client()
                .post(server.url("/api/v1/reports"))
                .json(&json!({"urls": [url], "where_found": "website",
                              "description": "REPORTER-WORDS",
                              "contact": {"name": "=Reporter Name", "email": email}}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
        }
        Account::add(&db, "sue", "supervisor");
        Account::add(&db, "adm", "admin");
        Account::add(&db, "ann", "analyst");

        // The command line: CSV without reporters.
        let csv = cli(&db, &["export", "cases", "--format", "csv"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert!(lines[0].starts_with("case_id,address,host"), "{csv}");
        assert!(
            lines[1].starts_with("1,http://192.0.2.90/one,192.0.2.90"),
            "{csv}"
        );
        for secret in ["first@example.com", "Reporter Name", "REPORTER-WORDS"] {
            assert!(!csv.contains(secret), "{secret} leaked: {csv}");
        }
        // A period in the future holds nothing.
        let json_out = cli(
            &db,
            &[
                "export",
                "cases",
                "--format",
                "json",
                "--from",
                "2099-01-01",
            ],
        );
        let v: serde_json::Value = serde_json::from_str(&json_out).unwrap();
        assert_eq!(v["cases"].as_array().unwrap().len(), 0);

        // Reporters only with --as naming an admin.
        let out = hotline(&db, &["export", "cases", "--with-reporters"]);
        assert!(!out.status.success());
        let out = hotline(&db, &["export", "cases", "--with-reporters", "--as", "sue"]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("only an admin"));
        let csv = cli(&db, &["export", "cases", "--with-reporters", "--as", "adm"]);
        assert!(csv.contains("first@example.com"), "{csv}");
        // Text typed by strangers cannot become a spreadsheet formula.
        assert!(csv.contains("'=Reporter Name <first@example.com>"), "{csv}");

        // The API: a cases token is not an export token, and the other way round.
        let cases_token = cli(&db, &["token", "create", "--user", "sue"])
            .trim()
            .to_owned();
        let sue = cli(
            &db,
            &["token", "create", "--user", "sue", "--scope", "export"],
        )
        .trim()
        .to_owned();
        let adm = cli(
            &db,
            &["token", "create", "--user", "adm", "--scope", "export"],
        )
        .trim()
        .to_owned();
        let ann = cli(
            &db,
            &["token", "create", "--user", "ann", "--scope", "export"],
        )
        .trim()
        .to_owned();
        let get = |token: String, query: &'static str| {
            let url = server.url(&format!("/api/v1/exports/cases{query}"));
            async move { client().get(url).bearer_auth(token).send().await.unwrap() }
        };
        assert_eq!(
            get(cases_token.clone(), "").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let r = client()
            .get(server.url("/api/v1/cases"))
            .bearer_auth(&sue)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "an export token reads no case files"
        );
        assert_eq!(get(ann.clone(), "").await.status(), StatusCode::FORBIDDEN);
        let r = get(sue.clone(), "").await;
        assert_eq!(r.status(), StatusCode::OK);
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["cases"].as_array().unwrap().len(), 2);
        assert_eq!(v["cases"][0]["address"], "http://192.0.2.90/one");
        assert!(v["cases"][0].get("reporters").is_none());
        assert_eq!(
            get(sue.clone(), "?with_reporters=true").await.status(),
            StatusCode::FORBIDDEN
        );
        let r = get(
            adm.clone(),
            "?format=csv&with_reporters=true&from=2000-01-01",
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(r.text().await.unwrap().contains("second@example.com"));
        // An unreadable or empty bound is refused (an empty `to` must not mean "everything").
        for (query, field) in [("?from=yesterday", "from"), ("?to=", "to")] {
            let r = get(adm.clone(), query).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{query}");
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["error"]["field"], field);
        }

        // Every export is audited; those with reporter data say so, with who asked.
        let store = crate::support::open_store(&db).await;
        let events = store
            .audit_events(&hotline_store::AuditFilter::default(), 100)
            .await
            .unwrap();
        let with: Vec<&hotline_domain::AuditEvent> = events
            .iter()
            .filter(|e| e.action == "export.cases_with_reporters")
            .collect();
        assert_eq!(with.len(), 2, "{}", db.engine);
        assert!(with.iter().any(|e| e.actor == "user:adm"));
        assert!(with.iter().any(|e| e.actor.ends_with("as user:adm")));
        let plain = events.iter().filter(|e| e.action == "export.cases").count();
        assert_eq!(plain, 3, "{}", db.engine);
        store.close().await;
        db
    })
    .await;
}
