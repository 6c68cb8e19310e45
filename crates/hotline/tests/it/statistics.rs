//! Statistics with known answers: a seeded dataset (`hotline_store::statistics::fixture`,
//! whose leg times are given in minutes) and the exact medians, p90 and counts it must give
//! in `hotline stats --json`, on the staff page and its CSV, in the trusted-flagger annual
//! report, and on the public transparency page, where counts under five read "<5" (escaped `&#60;5` in the HTML).

use reqwest::StatusCode;
use serde_json::Value;

use hotline_store::statistics::fixture;
use hotline_store::testing::TestDatabase;

use crate::staff::{Account, Browser};
use crate::support::{Options, Server, cli, client, each_engine, hotline, open_store};

const MIN: i64 = 60_000;

/// Migrates the test database and seeds the fixture into it.
async fn seeded(db: &TestDatabase) {
    cli(db, &["migrate"]);
    let store = open_store(db).await;
    fixture::seed(&store).await.unwrap();
    store.close().await;
}

fn leg<'a>(legs: &'a Value, name: &str) -> &'a Value {
    legs.as_array()
        .unwrap()
        .iter()
        .find(|l| l["leg"] == name)
        .unwrap_or_else(|| panic!("no leg {name} in {legs}"))
}

fn summary(count: i64, median_min: i64, p90_min: i64) -> Value {
    serde_json::json!([count, median_min * MIN, p90_min * MIN])
}

fn figures(l: &Value) -> Value {
    serde_json::json!([l["count"], l["median_ms"], l["p90_ms"]])
}

#[tokio::test]
async fn stats_command_prints_exact_medians_p90_and_counts() {
    each_engine(|db| async move {
        seeded(&db).await;
        let out = cli(
            &db,
            &[
                "stats",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-31",
                "--json",
            ],
        );
        let s: Value = serde_json::from_str(&out).unwrap();
        let engine = db.engine;
        assert_eq!(
            (&s["reports"], &s["cases"]),
            (&Value::from(7), &Value::from(7)),
            "{engine}"
        );
        assert_eq!(
            s["reports_by_channel"],
            serde_json::json!([{"key": "web", "count": 4}, {"key": "api", "count": 3}]),
            "{engine}"
        );
        assert_eq!(
            s["by_outcome"],
            serde_json::json!([
                {"key": "removed", "count": 5},
                {"key": "awaiting_removal", "count": 1},
                {"key": "new", "count": 1}
            ]),
            "{engine}"
        );
        assert_eq!(
            s["by_classification"],
            serde_json::json!([
                {"key": "baseline", "count": 5},
                {"key": "national", "count": 1},
                {"key": "none", "count": 1}
            ]),
            "{engine}"
        );
        assert_eq!(
            s["by_age_group"],
            serde_json::json!([
                {"key": "pre_pubescent", "count": 3},
                {"key": "pubescent", "count": 3},
                {"key": "none", "count": 1}
            ]),
            "{engine}"
        );
        assert_eq!(
            s["by_site_type"],
            serde_json::json!([
                {"key": "image_host", "count": 4},
                {"key": "forum", "count": 2},
                {"key": "none", "count": 1}
            ]),
            "{engine}"
        );
        let legs = &s["legs"];
        assert_eq!(
            figures(leg(legs, "received_to_assessed")),
            summary(6, 30, 240),
            "{engine}"
        );
        assert_eq!(
            figures(leg(legs, "received_to_referred")),
            summary(1, 90, 90),
            "{engine}"
        );
        assert_eq!(
            figures(leg(legs, "received_to_notice_sent")),
            summary(6, 60, 300),
            "{engine}"
        );
        assert_eq!(
            figures(leg(legs, "notice_sent_to_removed")),
            summary(5, 180, 1440),
            "{engine}"
        );
        assert_eq!(
            figures(leg(legs, "received_to_removed")),
            summary(5, 360, 1460),
            "{engine}"
        );
        let nl = &s["by_country"][0];
        assert_eq!(
            (&nl["group"], &nl["cases"]),
            (&Value::from("NL"), &Value::from(4)),
            "{engine}"
        );
        assert_eq!(
            figures(leg(&nl["legs"], "notice_sent_to_removed")),
            summary(4, 120, 600),
            "{engine}"
        );
        let beta = &s["by_provider"][1];
        assert_eq!(beta["group"], "Beta Networks", "{engine}");
        assert_eq!(
            figures(leg(&beta["legs"], "notice_sent_to_removed")),
            summary(1, 1440, 1440),
            "{engine}"
        );

        // The whole of 2026 also holds the May case; the text form says the same.
        let year: Value = serde_json::from_str(&cli(
            &db,
            &[
                "stats",
                "--from",
                "2026-01-01",
                "--to",
                "2026-12-31",
                "--json",
            ],
        ))
        .unwrap();
        assert_eq!(year["cases"], 8, "{engine}");
        let text = cli(
            &db,
            &["stats", "--from", "2026-03-01", "--to", "2026-03-31"],
        );
        assert!(
            text.contains("Statistics from 2026-03-01 to 2026-03-31"),
            "{text}"
        );
        assert!(
            text.contains("notice_sent_to_removed")
                && text.contains("3 h 0 min")
                && text.contains("1 d 0 h"),
            "{text}"
        );
        assert!(text.contains("Alpha Hosting"), "{text}");

        // Bad dates are refused with a precise message.
        for (args, says) in [
            (["--from", "2026-02-30"], "\"2026-02-30\" is not a date"),
            (["--to", "March"], "\"March\" is not a date"),
        ] {
            let out = hotline(&db, &[&["stats"][..], &args[..]].concat());
            assert!(!out.status.success());
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(says), "{err}");
        }
        let out = hotline(
            &db,
            &["stats", "--from", "2026-04-01", "--to", "2026-03-01"],
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("the period is empty"));
        db
    })
    .await;
}

#[tokio::test]
async fn staff_see_statistics_charts_csv_and_the_annual_report_and_police_do_not() {
    each_engine(|db| async move {
        seeded(&db).await;
        let ann = Account::add(&db, "ann", "analyst");
        let pol = Account::add(&db, "pol", "police");
        let server = Server::start(&db, &Options::default());
        let engine = db.engine;

        let mut anon = Browser::new(&server);
        let r = anon.get("/staff/statistics").await;
        assert_eq!((r.status, r.location.as_deref()), (StatusCode::SEE_OTHER, Some("/staff/login")), "{engine}");

        let mut b = Browser::new(&server);
        b.login(&ann, 0).await;
        let page = b.get("/staff/statistics?from=2026-03-01&to=2026-03-31").await;
        assert_eq!(page.status, StatusCode::OK, "{engine}: {}", page.body);
        let html = &page.body;
        assert!(html.contains("href=\"/staff/statistics\""), "the menu links to statistics");
        for row in [
            "<th scope=\"row\">Notice sent to removed</th><td>5</td><td>3 h 0 min</td><td>1 d 0 h</td>",
            "<th scope=\"row\">Received to assessed</th><td>6</td><td>30 min</td><td>4 h 0 min</td>",
            // the provider league, fastest median first
            "<th scope=\"row\">Alpha Hosting</th><td>4</td><td>2 h 0 min</td><td>10 h 0 min</td>",
            "<th scope=\"row\">Beta Networks</th><td>1</td><td>1 d 0 h</td><td>1 d 0 h</td>",
            "<th scope=\"row\">web</th><td>4</td>",
            "<th scope=\"row\">removed</th><td>5</td>",
            "<th scope=\"row\">pre_pubescent</th><td>3</td>",
            "<th scope=\"row\">NL</th><td>4</td>",
        ] {
            assert!(html.contains(row), "{engine}: no {row} in the page");
        }
        assert!(html.find("Alpha Hosting").unwrap() < html.find("Beta Networks").unwrap());
        assert!(html.matches("<svg").count() >= 7, "{engine}: a chart beside each table");
        assert!(!html.contains("<script"), "{engine}");

        let csv = b.get("/staff/statistics.csv?from=2026-03-01&to=2026-03-31").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.starts_with("section,group,key,count,median_ms,p90_ms\r\n"));
        for line in [
            "totals,,cases,7,,\r\n",
            "channel,,web,4,,\r\n",
            "legs,all,notice_sent_to_removed,5,10800000,86400000\r\n",
            "legs,all,received_to_removed,5,21600000,87600000\r\n",
            "legs_by_country,NL,notice_sent_to_removed,4,7200000,36000000\r\n",
            "legs_by_provider,Beta Networks,notice_sent_to_removed,1,86400000,86400000\r\n",
        ] {
            assert!(csv.body.contains(line), "{engine}: no {line:?} in\n{}", csv.body);
        }

        let annual = b.get("/staff/statistics/annual?year=2026").await;
        assert_eq!(annual.status, StatusCode::OK, "{engine}: {}", annual.body);
        for row in [
            "<th scope=\"row\">Alpha Hosting</th><td>5</td>",
            "<th scope=\"row\">csam_baseline</th><td>6</td>",
            "<th scope=\"row\">acknowledged</th><td>1</td>",
            "<td>Alpha Hosting</td><td>csam_baseline</td><td>removed</td><td>5</td><td>2 h 0 min</td><td>10 h 0 min</td>",
        ] {
            assert!(annual.body.contains(row), "{engine}: no {row} in the annual report");
        }
        let annual_csv = b.get("/staff/statistics/annual.csv?year=2026").await;
        assert_eq!(
            annual_csv.body,
            "year,provider,content_type,action_taken,notices,median_ms_to_removal,p90_ms_to_removal\r\n\
             2026,Alpha Hosting,csam_baseline,removed,5,7200000,36000000\r\n\
             2026,Beta Networks,csam_baseline,removed,1,86400000,86400000\r\n\
             2026,Beta Networks,csam_national_law,acknowledged,1,,\r\n",
            "{engine}"
        );
        let bad = b.get("/staff/statistics?from=2026-02-30").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{engine}");
        assert!(bad.body.contains("is not a date"), "{engine}: {}", bad.body);

        let mut police = Browser::new(&server);
        police.login(&pol, 0).await;
        for path in [
            "/staff/statistics",
            "/staff/statistics.csv",
            "/staff/statistics/annual?year=2026",
            "/staff/statistics/annual.csv?year=2026",
        ] {
            let r = police.get(path).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{engine}: police at {path}");
        }
        let queue = police.get("/staff/").await;
        assert!(!queue.body.contains("/staff/statistics"), "no statistics link for the police");
        db
    })
    .await;
}

#[tokio::test]
async fn the_transparency_page_shows_aggregates_and_counts_under_five_as_less_than_five() {
    each_engine(|db| async move {
        seeded(&db).await;
        let server = Server::start(&db, &Options::default());
        let engine = db.engine;
        let http = client();
        let r = http.get(server.url("/en/transparency?year=2026")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{engine}");
        assert!(r.headers().get("set-cookie").is_none());
        let csp = r.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "{csp}");
        let html = r.text().await.unwrap();
        assert!(!html.contains("<script"), "{engine}");
        for row in [
            // 8 reports and cases in 2026: shown
            "<th scope=\"row\">Reports</th><td>8</td>",
            "<th scope=\"row\">Cases</th><td>8</td>",
            // 4 reports by web form, 4 by API: suppressed
            "<th scope=\"row\">Web form</th><td>&#60;5</td>",
            "<th scope=\"row\">Apps and services (API)</th><td>&#60;5</td>",
            "<th scope=\"row\">Child sexual abuse material, illegal in every country</th><td>6</td>",
            "<th scope=\"row\">Child sexual abuse material under national law</th><td>&#60;5</td>",
            // six removals after a notice: 1, 60, 120, 180, 600, 1440 minutes
            "<th scope=\"row\">From notice to removal</th><td>6</td><td>2 h 0 min</td><td>1 d 0 h</td>",
            // one referral: neither its count nor its time is published
            "<th scope=\"row\">From report to the police or a partner hotline</th><td>&#60;5</td><td>too few to publish</td><td>too few to publish</td>",
            // NL: five cases, five removals (1, 60, 120, 180, 600 minutes)
            "<th scope=\"row\">NL</th><td>5</td><td>2 h 0 min</td><td>10 h 0 min</td>",
            "<th scope=\"row\">US</th><td>&#60;5</td><td>too few to publish</td><td>too few to publish</td>",
        ] {
            assert!(html.contains(row), "{engine}: no {row} in\n{html}");
        }
        // Aggregates only: no provider, address or case number.
        for secret in ["Alpha Hosting", "statistics1.example", "abuse@"] {
            assert!(!html.contains(secret), "{engine}: {secret} on the public page");
        }
        // A year without cases, another language, a year that is not one.
        let empty = http.get(server.url("/en/transparency?year=2025")).send().await.unwrap();
        let empty = empty.text().await.unwrap();
        assert!(empty.contains("<th scope=\"row\">Reports</th><td>&#60;5</td>"), "{empty}");
        let nl = http.get(server.url("/nl/transparency?year=2026")).send().await.unwrap();
        assert_eq!(nl.status(), StatusCode::OK);
        assert!(nl.text().await.unwrap().contains("Transparantieverslag 2026"));
        for bad in ["/en/transparency?year=twenty", "/en/transparency?year=9999", "/xx/transparency"] {
            let r = http.get(server.url(bad)).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}");
        }
        db
    })
    .await;
}
