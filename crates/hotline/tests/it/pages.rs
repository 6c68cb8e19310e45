//! The public pages, with JavaScript off: the report form, the receipt, the status page.

use reqwest::StatusCode;

use crate::support::{Options, Server, client, each_engine, input_value, receipt_on};

async fn form_token(server: &Server, c: &reqwest::Client) -> String {
    let page = c.get(server.url("/en/report")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    input_value(&page.text().await.unwrap(), "form_token")
}

#[tokio::test]
async fn a_report_made_on_the_form_gets_a_receipt_that_the_status_page_accepts() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let page = c.get(server.url("/en/report")).send().await.unwrap();
        assert!(
            page.headers().get("set-cookie").is_none(),
            "no cookie on public pages"
        );
        let csp = page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("script-src"),
            "{csp}"
        );
        let html = page.text().await.unwrap();
        assert!(!html.contains("<script"), "no script on the form");
        let token = input_value(&html, "form_token");

        let done = c
            .post(server.url("/en/report"))
            .form(&[
                (
                    "urls",
                    "example.com/a\r\nhxxp://example[.]com/b\r\n\r\nEXAMPLE.com/a",
                ),
                ("url", "https://www.example.org/c"),
                ("where_found", "social_media"),
                ("description", "Seen in a forum thread"),
                ("urgent", "yes"),
                ("form_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(done.status(), StatusCode::OK, "{}", db.engine);
        assert!(done.headers().get("set-cookie").is_none());
        assert_eq!(done.headers()["cache-control"], "no-store");
        let html = done.text().await.unwrap();
        assert!(html.contains("We received 3 addresses."), "{html}");
        assert!(html.contains("<code>http://example.com/b</code>"));
        assert!(
            !html.contains("href=\"http://example.com"),
            "reported addresses are never links"
        );
        let receipt = receipt_on(&html);
        assert_eq!(receipt.len(), 19, "{receipt}");

        // Typed carelessly: lower case, spaces instead of dashes.
        let typed = receipt.to_lowercase().replace('-', " ");
        let status = c
            .post(server.url("/en/status"))
            .form(&[("receipt", typed.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(status.status(), StatusCode::OK);
        let html = status.text().await.unwrap();
        assert!(html.contains("Received"), "{html}");

        let unknown = c
            .post(server.url("/en/status"))
            .form(&[("receipt", "0000-0000-0000-0000")])
            .send()
            .await
            .unwrap();
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
        assert!(
            unknown
                .text()
                .await
                .unwrap()
                .contains("We found no report with this receipt")
        );

        let bad = c
            .post(server.url("/en/status"))
            .form(&[("receipt", "12-34")])
            .send()
            .await
            .unwrap();
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text().await.unwrap().contains("this one has 4."));
        db
    })
    .await;
}

#[tokio::test]
async fn a_refused_form_comes_back_with_everything_that_was_typed() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let token = form_token(&server, &c).await;
        let words = "My careful words about <b>what</b> I saw";
        let refused = c
            .post(server.url("/en/report"))
            .form(&[
                ("urls", "example.com/ok\njavascript:alert(1)"),
                ("where_found", "chat"),
                ("description", words),
                ("contact_email", "not-an-address"),
                ("form_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(
            html.contains("My careful words about &#60;b&#62;what&#60;/b&#62; I saw"),
            "{html}"
        );
        assert!(
            html.contains("example.com/ok\njavascript:alert(1)</textarea>"),
            "{html}"
        );
        assert!(
            html.contains("Line 2: Addresses starting with &#34;javascript:&#34; are not accepted"),
            "{html}"
        );
        assert!(html.contains("value=\"chat\" selected"));
        assert!(html.contains("value=\"not-an-address\""));
        assert!(html.contains("href=\"#contact_email\""));

        // No token (or a forged one): shown again, nothing stored.
        for token in ["", "forged-token"] {
            let page = c
                .post(server.url("/en/report"))
                .form(&[
                    ("urls", "example.com/x"),
                    ("where_found", "website"),
                    ("description", words),
                    ("form_token", token),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), StatusCode::BAD_REQUEST);
            let html = page.text().await.unwrap();
            assert!(html.contains("Nothing was sent yet"));
            assert!(html.contains("what&#60;/b&#62;"));
        }

        let wrong_type = c
            .post(server.url("/en/report"))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(
            wrong_type.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );

        let huge = "a".repeat(300 * 1024);
        let too_large = c
            .post(server.url("/en/report"))
            .form(&[("description", huge.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            too_large
                .text()
                .await
                .unwrap()
                .contains("Too much was sent")
        );
        db
    })
    .await;
}

#[tokio::test]
async fn language_redirects_pages_and_operations() {
    each_engine(|db| async move {
        let server = Server::start(&db, &Options::default());
        let c = client();
        let r = c
            .get(server.url("/"))
            .header("accept-language", "de-BE,de;q=0.9,en;q=0.5")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/de/");
        let r = c
            .get(server.url("/"))
            .header("accept-language", "es")
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], "/nl/", "default_language");
        for path in [
            "/en/",
            "/nl/",
            "/fr/report",
            "/de/status",
            "/static/site.css",
        ] {
            assert_eq!(
                c.get(server.url(path)).send().await.unwrap().status(),
                StatusCode::OK,
                "{path}"
            );
        }
        let missing = c.get(server.url("/xx/report")).send().await.unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert!(missing.text().await.unwrap().contains("Page not found"));
        assert_eq!(
            c.get(server.url("/healthz")).send().await.unwrap().status(),
            StatusCode::OK
        );
        let ready = c.get(server.url("/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), StatusCode::OK);
        assert_eq!(ready.text().await.unwrap(), "ready\n");
        db
    })
    .await;
}

#[tokio::test]
async fn the_form_is_rate_limited_without_losing_the_report() {
    each_engine(|db| async move {
        let server = Server::start(
            &db,
            &Options {
                rate_limit_per_minute: 2,
                ..Options::default()
            },
        );
        let c = client();
        // A form is good for one report: each post has its own.
        for _ in 0..2 {
            let token = form_token(&server, &c).await;
            let ok = c
                .post(server.url("/en/report"))
                .form(&[
                    ("urls", "example.com/r"),
                    ("where_found", "website"),
                    ("description", "keep me"),
                    ("form_token", token.as_str()),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(ok.status(), StatusCode::OK);
        }
        let token = form_token(&server, &c).await;
        let form = [
            ("urls", "example.com/r"),
            ("where_found", "website"),
            ("description", "keep me"),
            ("form_token", token.as_str()),
        ];
        let limited = c
            .post(server.url("/en/report"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.headers()["retry-after"], "60");
        let html = limited.text().await.unwrap();
        assert!(html.contains("keep me") && html.contains("Nothing was lost"));
        db
    })
    .await;
}
