//! One storage suite, run against SQLite always and against PostgreSQL when
//! `HOTLINE_TEST_POSTGRES_URL` is set (and failing, not skipping, if that server is down).

use std::collections::HashSet;
use std::sync::Arc;

use time::OffsetDateTime;

use hotline_domain::staff::Role;
use hotline_domain::{
    CaseState, Channel, Language, NewReport, Procedure, PublicStatus, Receipt, ReportInput,
};
use hotline_store::testing::TestDatabase;
use hotline_store::{CaseActionError, Keyring, StaffUser, Store};

async fn open(db: &TestDatabase) -> Store {
    let store = Store::open(&db.url, Arc::new(Keyring::for_tests(7)))
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", db.engine));
    store.migrate().await.unwrap();
    store
}

fn report(urls: &[&str], description: Option<&str>) -> NewReport {
    NewReport::parse(
        ReportInput {
            urls: urls.iter().map(|s| s.to_string()).collect(),
            where_found: Some("website".into()),
            description: description.map(str::to_owned),
            contact_email: Some("reporter@example.com".into()),
            ..Default::default()
        },
        Channel::Api,
        Language::En,
    )
    .unwrap()
}

/// A fresh analyst account.
async fn analyst(store: &Store) -> StaffUser {
    store
        .create_user(
            "ann",
            Role::Analyst,
            "a long enough password",
            "test",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    StaffUser {
        id: 1,
        username: "ann".into(),
        role: Role::Analyst,
    }
}

/// Runs `test` once per engine, each on a fresh database.
macro_rules! on_every_engine {
    (|$store:ident, $engine:ident| $body:block) => {
        for db in TestDatabase::all().await {
            let $store = open(&db).await;
            let $engine = db.engine;
            $body
            $store.close().await;
            db.remove().await;
        }
    };
}

#[tokio::test]
async fn migrations_are_idempotent_and_ready() {
    on_every_engine!(|store, engine| {
        assert!(store.ready().await.unwrap(), "{engine}");
        store.migrate().await.unwrap();
        assert!(store.ready().await.unwrap(), "{engine}");
    });
}

#[tokio::test]
async fn a_report_is_stored_sealed_and_found_by_receipt() {
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let r = report(
            &["example.com/a", "https://www.example.org/b"],
            Some("seen via a forum"),
        );
        let stored = store.submit_report(&r, now).await.unwrap();
        assert_eq!(stored.cases.len(), 2, "{engine}");
        assert!(stored.cases.iter().all(|c| c.opened));
        assert_eq!(stored.cases[0].canonical, "http://example.com/a");

        let counts = store.counts().await.unwrap();
        assert_eq!(
            (counts.reports, counts.cases, counts.addresses),
            (1, 2, 2),
            "{engine}"
        );
        assert_eq!(
            store
                .report_description(stored.report_id)
                .await
                .unwrap()
                .as_deref(),
            Some("seen via a forum")
        );

        let status = store
            .report_status(&stored.receipt)
            .await
            .unwrap()
            .expect("known receipt");
        assert_eq!(status.status, PublicStatus::Received);
        assert!(status.messages.is_empty());
        let typed = stored.receipt.to_string().to_lowercase().replace('-', " ");
        assert!(
            store
                .report_status(&Receipt::parse(&typed).unwrap())
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .report_status(&Receipt::from_random([9; 10]))
                .await
                .unwrap()
                .is_none()
        );

        store
            .add_reporter_message(stored.report_id, "Thank you, we are on it.", now)
            .await
            .unwrap();
        let status = store.report_status(&stored.receipt).await.unwrap().unwrap();
        assert_eq!(status.messages.len(), 1, "{engine}");
        assert_eq!(status.messages[0].body, "Thank you, we are on it.");

        let timeline = store.case_timeline(stored.cases[0].case_id).await.unwrap();
        assert_eq!(
            timeline.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>(),
            ["received"]
        );
    });
}

#[tokio::test]
async fn the_same_address_joins_its_open_case_and_urgency_sticks() {
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let a = store
            .submit_report(&report(&["example.com/x"], None), now)
            .await
            .unwrap();
        let mut urgent = report(&["HTTP://EXAMPLE.COM:80/x#top", "example.com/y"], None);
        urgent.urgent = true;
        let b = store.submit_report(&urgent, now).await.unwrap();
        assert_eq!(a.cases[0].case_id, b.cases[0].case_id, "{engine}");
        assert!(!b.cases[0].opened);
        assert!(b.cases[1].opened);
        let c = store
            .submit_report(&report(&["example.com/x"], None), now)
            .await
            .unwrap();
        let summary = store
            .case_summary(c.cases[0].case_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(summary.report_count, 3, "{engine}");
        assert!(
            summary.urgent,
            "{engine}: an urgent report keeps the case urgent"
        );
    });
}

#[tokio::test]
async fn a_closed_case_stays_closed_and_a_new_report_opens_another() {
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let p = Procedure::Assess;
        let first = store
            .submit_report(&report(&["example.com/gone"], None), now)
            .await
            .unwrap();
        let id = first.cases[0].case_id;
        let ann = analyst(&store).await;
        let err = store
            .move_case_by(id, CaseState::Closed, p, "closed", false, &ann, now)
            .await
            .unwrap_err();
        assert!(
            matches!(err, CaseActionError::Illegal(_)),
            "{engine}: {err}"
        );
        for to in [
            CaseState::InAssessment,
            CaseState::Assessed,
            CaseState::Closed,
        ] {
            store
                .move_case_by(id, to, p, to.as_str(), false, &ann, now)
                .await
                .unwrap();
        }
        assert!(matches!(
            store
                .move_case_by(9_999_999, CaseState::InAssessment, p, "x", false, &ann, now)
                .await,
            Err(CaseActionError::NoSuchCase(9_999_999))
        ));
        let again = store
            .submit_report(&report(&["example.com/gone"], None), now)
            .await
            .unwrap();
        assert_ne!(again.cases[0].case_id, id, "{engine}");
        assert!(again.cases[0].opened);
        let status = store.report_status(&first.receipt).await.unwrap().unwrap();
        assert_eq!(status.status, PublicStatus::Closed);
        let kinds: Vec<String> = store
            .case_timeline(id)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(kinds, ["received", "in_assessment", "assessed", "closed"]);
    });
}

#[tokio::test]
async fn sixty_four_simultaneous_reports_of_one_address_make_one_case() {
    const SPELLINGS: [&str; 8] = [
        "http://example.com/same",
        "example.com/same",
        "HTTP://EXAMPLE.COM/same",
        "http://example.com:80/same",
        "http://user:pw@example.com/same",
        "http://example.com./same#x",
        "http://example.com/%73ame",
        "hxxp://example[.]com/same",
    ];
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let tasks: Vec<_> = (0..64)
            .map(|i| {
                let store = store.clone();
                let r = report(&[SPELLINGS[i % SPELLINGS.len()]], None);
                tokio::spawn(async move { store.submit_report(&r, now).await })
            })
            .collect();
        let mut case_ids = HashSet::new();
        let mut receipts = HashSet::new();
        for t in tasks {
            let stored = t.await.unwrap().unwrap_or_else(|e| panic!("{engine}: {e}"));
            case_ids.insert(stored.cases[0].case_id);
            receipts.insert(stored.receipt.to_string());
        }
        assert_eq!(case_ids.len(), 1, "{engine}");
        assert_eq!(receipts.len(), 64, "{engine}");
        let counts = store.counts().await.unwrap();
        assert_eq!((counts.reports, counts.cases), (64, 1), "{engine}");
        let id = *case_ids.iter().next().unwrap();
        assert_eq!(
            store.case_summary(id).await.unwrap().unwrap().report_count,
            64,
            "{engine}"
        );
    });
}

#[tokio::test]
async fn crossing_reports_do_not_deadlock() {
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let tasks: Vec<_> = (0..32)
            .map(|i| {
                let store = store.clone();
                let mut urls: Vec<String> = (0..6).map(|n| format!("example.com/{n}")).collect();
                if i % 2 == 1 {
                    urls.reverse();
                }
                let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
                let r = report(&refs, None);
                tokio::spawn(async move { store.submit_report(&r, now).await })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap_or_else(|e| panic!("{engine}: {e}"));
        }
        let counts = store.counts().await.unwrap();
        assert_eq!(
            (counts.reports, counts.cases, counts.addresses),
            (32, 6, 192),
            "{engine}"
        );
    });
}

#[tokio::test]
async fn another_keyring_cannot_read_what_was_sealed() {
    for db in TestDatabase::all().await {
        let store = open(&db).await;
        let now = OffsetDateTime::now_utc();
        let stored = store
            .submit_report(&report(&["example.com"], Some("private words")), now)
            .await
            .unwrap();
        store.close().await;
        let thief = Store::open(&db.url, Arc::new(Keyring::for_tests(8)))
            .await
            .unwrap();
        assert!(
            thief.report_description(stored.report_id).await.is_err(),
            "{}",
            db.engine
        );
        assert!(
            thief
                .report_status(&stored.receipt)
                .await
                .unwrap()
                .is_none(),
            "{}: without the receipt key a receipt finds nothing",
            db.engine
        );
        thief.close().await;
        db.remove().await;
    }
}
