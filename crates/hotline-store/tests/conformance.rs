//! One storage suite, run against SQLite always and against PostgreSQL when
//! `HOTLINE_TEST_POSTGRES_URL` is set (and failing, not skipping, if that server is down).

use std::collections::HashSet;
use std::sync::Arc;

use time::OffsetDateTime;

use hotline_domain::assessment::{Assessment, AssessmentInput, Classification};
use hotline_domain::audit::ChainBreak;
use hotline_domain::staff::Role;
use hotline_domain::{
    CaseState, Channel, Language, NewReport, Procedure, PublicStatus, Receipt, ReportInput,
};
use hotline_store::testing::TestDatabase;
use hotline_store::{
    AccountOpError, CaseActionError, Keyring, LoginError, Move, QueueCursor, QueueFilter,
    ReviewOutcome, SessionPolicy, StaffUser, Store,
};

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
            .move_case_by(
                id,
                Move {
                    to: CaseState::Removed,
                    procedure: p,
                    event: hotline_domain::timeline::Event::Removed,
                    police_unit: None,
                    close_reason: None,
                    jobs: &[],
                },
                &ann,
                now,
            )
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
                .move_case_by(
                    id,
                    Move {
                        to,
                        procedure: p,
                        event: hotline_domain::timeline::Event::of_move(CaseState::New, to),
                        police_unit: None,
                        close_reason: None,
                        jobs: &[],
                    },
                    &ann,
                    now,
                )
                .await
                .unwrap();
        }
        assert!(matches!(
            store
                .move_case_by(
                    9_999_999,
                    Move {
                        to: CaseState::InAssessment,
                        procedure: p,
                        event: hotline_domain::timeline::Event::Closed,
                        police_unit: None,
                        close_reason: None,
                        jobs: &[],
                    },
                    &ann,
                    now
                )
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
        assert_eq!(status.status, PublicStatus::Handled);
        let kinds: Vec<String> = store
            .case_timeline(id)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, k)| k.to_string())
            .collect();
        assert_eq!(
            kinds,
            ["received", "assessment_started", "assessed", "closed"]
        );
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

// ---- Staff: accounts, sessions, tokens ------------------------------------------------------

fn code_at(uri: &str, t: OffsetDateTime) -> String {
    totp_rs::Totp::from_url(uri)
        .unwrap()
        .generate(t.unix_timestamp() as u64)
        .to_string()
}

const POLICY: SessionPolicy = SessionPolicy {
    idle_secs: 1800,
    absolute_secs: 12 * 3600,
};

#[tokio::test]
async fn login_needs_password_and_a_fresh_code_and_locks_after_five_failures() {
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        let e = store
            .create_user("Ann", Role::Analyst, "a long enough password", "cli", t0)
            .await
            .unwrap();
        assert_eq!(e.username, "ann");
        assert!(
            e.otpauth_uri.starts_with("otpauth://totp/"),
            "{}",
            e.otpauth_uri
        );
        assert!(matches!(
            store
                .create_user("ann", Role::Police, "another long password", "cli", t0)
                .await,
            Err(AccountOpError::Exists(_))
        ));
        assert!(matches!(
            store
                .create_user("bob", Role::Police, "short", "cli", t0)
                .await,
            Err(AccountOpError::Invalid(_))
        ));

        let ok = store
            .login(
                "ann",
                "a long enough password",
                &code_at(&e.otpauth_uri, t0),
                t0,
            )
            .await
            .unwrap();
        assert_eq!(ok.session.user.role, Role::Analyst);
        let again = store
            .login(
                "ann",
                "a long enough password",
                &code_at(&e.otpauth_uri, t0),
                t0,
            )
            .await;
        assert!(
            matches!(again, Err(LoginError::Refused)),
            "{engine}: a code works once"
        );

        let s = store
            .session(&ok.session_id, POLICY, t0)
            .await
            .unwrap()
            .expect("live session");
        assert_eq!(s.user.username, "ann");
        assert_eq!(s.csrf_token, ok.session.csrf_token);
        assert!(
            store
                .session("not-a-session", POLICY, t0)
                .await
                .unwrap()
                .is_none()
        );
        let idle = t0 + time::Duration::seconds(POLICY.idle_secs + 1);
        assert!(
            store
                .session(&ok.session_id, POLICY, idle)
                .await
                .unwrap()
                .is_none(),
            "{engine}: idle timeout"
        );

        let t1 = t0 + time::Duration::seconds(30);
        // The replayed code was failure 1; four wrong passwords make five.
        for _ in 0..4 {
            let r = store
                .login("ann", "wrong password!!", &code_at(&e.otpauth_uri, t1), t1)
                .await;
            assert!(matches!(r, Err(LoginError::Refused)), "{engine}: {r:?}");
        }
        let locked = store
            .login(
                "ann",
                "a long enough password",
                &code_at(&e.otpauth_uri, t1),
                t1,
            )
            .await;
        assert!(
            matches!(locked, Err(LoginError::Locked { .. })),
            "{engine}: {locked:?}"
        );
        let later = t1 + time::Duration::seconds(61);
        let back = store
            .login(
                "ann",
                "a long enough password",
                &code_at(&e.otpauth_uri, later),
                later,
            )
            .await;
        assert!(
            back.is_ok(),
            "{engine}: the lock lifts after a minute: {back:?}"
        );
        let s2 = back.unwrap();
        assert_ne!(s2.session_id, ok.session_id);

        store.logout(&s2.session_id, later).await.unwrap();
        assert!(
            store
                .session(&s2.session_id, POLICY, later)
                .await
                .unwrap()
                .is_none()
        );

        let token = store.create_token("ann", "cli", later).await.unwrap();
        assert_eq!(
            store.token_user(&token).await.unwrap().map(|u| u.username),
            Some("ann".into())
        );
        assert!(store.token_user("hl_made_up").await.unwrap().is_none());
        store.disable_user("ann", "cli", later).await.unwrap();
        assert!(
            store.token_user(&token).await.unwrap().is_none(),
            "{engine}: disabled users' tokens stop"
        );
        let t2 = later + time::Duration::seconds(90);
        assert!(matches!(
            store
                .login(
                    "ann",
                    "a long enough password",
                    &code_at(&e.otpauth_uri, t2),
                    t2
                )
                .await,
            Err(LoginError::Refused)
        ));
        let users = store.users().await.unwrap();
        assert_eq!(users.len(), 1);
        assert!(users[0].disabled);
    });
}

/// Twenty wrong logins at once used to count as one failure (each read the count, hashed,
/// and wrote the count plus one): the account stayed open. Every failure now counts, the
/// account waits, and only the right password and code learn that it does.
#[tokio::test]
async fn twenty_parallel_wrong_logins_are_all_counted_and_lock_the_account() {
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        let e = store
            .create_user("ann", Role::Analyst, "a long enough password", "cli", t0)
            .await
            .unwrap();
        let attempts: Vec<_> = (0..20)
            .map(|i| {
                let store = store.clone();
                let code = code_at(&e.otpauth_uri, t0);
                tokio::spawn(async move {
                    store
                        .login("ann", &format!("wrong password {i}"), &code, t0)
                        .await
                })
            })
            .collect();
        for a in attempts {
            let r = a.await.unwrap();
            assert!(matches!(r, Err(LoginError::Refused)), "{engine}: {r:?}");
        }
        // A wrong password now, and an unknown name: the same answer as ever.
        let t1 = t0 + time::Duration::seconds(30);
        let wrong = store
            .login(
                "ann",
                "still the wrong one",
                &code_at(&e.otpauth_uri, t1),
                t1,
            )
            .await;
        assert!(
            matches!(wrong, Err(LoginError::Refused)),
            "{engine}: {wrong:?}"
        );
        let unknown = store
            .login(
                "nobody",
                "still the wrong one",
                &code_at(&e.otpauth_uri, t1),
                t1,
            )
            .await;
        assert!(
            matches!(unknown, Err(LoginError::Refused)),
            "{engine}: {unknown:?}"
        );
        // The right password and code learn of the lock, and do not sign in.
        let right = store
            .login(
                "ann",
                "a long enough password",
                &code_at(&e.otpauth_uri, t1),
                t1,
            )
            .await;
        assert!(
            matches!(right, Err(LoginError::Locked { .. })),
            "{engine}: twenty failures left the account open: {right:?}"
        );
        // Attempts while it waits did not renew the wait: an hour on, the right login passes.
        let t2 = t0 + time::Duration::seconds(login_wait_secs(20) + 60);
        assert!(
            store
                .login(
                    "ann",
                    "a long enough password",
                    &code_at(&e.otpauth_uri, t2),
                    t2
                )
                .await
                .is_ok(),
            "{engine}"
        );
    });
}

fn login_wait_secs(failures: u32) -> i64 {
    hotline_domain::login::lock_secs(failures).unwrap_or(0)
}

/// Disabling: never oneself, never the last enabled admin, also when two admins disable each
/// other at the same moment; enabling brings the account back; the list says whether the
/// second factor has been used.
#[tokio::test]
async fn the_last_enabled_admin_is_never_disabled_even_by_two_admins_at_once() {
    use hotline_domain::staff::DisableRefused;
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        let pw = "a long enough password";
        let ada = store
            .create_user("ada", Role::Admin, pw, "cli", t0)
            .await
            .unwrap();
        store
            .create_user("bob", Role::Admin, pw, "cli", t0)
            .await
            .unwrap();
        assert!(matches!(
            store.disable_user("ada", "ada", t0).await,
            Err(AccountOpError::Refused(DisableRefused::Yourself))
        ));
        let first = store.users().await.unwrap();
        assert!(first.iter().all(|u| !u.second_factor_used), "{engine}");
        store
            .login("ada", pw, &code_at(&ada.otpauth_uri, t0), t0)
            .await
            .unwrap();
        let used: Vec<bool> = store
            .users()
            .await
            .unwrap()
            .iter()
            .map(|u| u.second_factor_used)
            .collect();
        assert_eq!(used, [true, false], "{engine}: ada, bob");

        for round in 0..5 {
            let (a, b) = (store.clone(), store.clone());
            let (x, y) = tokio::join!(
                tokio::spawn(async move { a.disable_user("bob", "ada", t0).await }),
                tokio::spawn(async move { b.disable_user("ada", "bob", t0).await }),
            );
            let results = [x.unwrap(), y.unwrap()];
            let refused = results
                .iter()
                .filter(|r| matches!(r, Err(AccountOpError::Refused(DisableRefused::LastAdmin))))
                .count();
            assert_eq!(refused, 1, "{engine} round {round}: {results:?}");
            let enabled = store
                .users()
                .await
                .unwrap()
                .iter()
                .filter(|u| !u.disabled)
                .count();
            assert_eq!(enabled, 1, "{engine}: one admin left");
            for name in ["ada", "bob"] {
                store.enable_user(name, "cli", t0).await.unwrap();
            }
        }
        assert!(store.users().await.unwrap().iter().all(|u| !u.disabled));
        assert!(matches!(
            store.enable_user("nobody", "cli", t0).await,
            Err(AccountOpError::NoSuchUser(_))
        ));
        assert!(store.verify_audit().await.unwrap().is_ok(), "{engine}");
    });
}

// ---- Case work -------------------------------------------------------------------------------

#[tokio::test]
async fn the_queue_is_urgent_first_then_oldest_and_pages_by_keyset() {
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        for i in 0..25 {
            let mut r = report(&[&format!("example.com/q{i}")], None);
            r.urgent = i % 5 == 0;
            store
                .submit_report(&r, t0 + time::Duration::seconds(i))
                .await
                .unwrap();
        }
        let mut seen = Vec::new();
        let mut cursor = None;
        // Pages of 3: a page boundary falls inside the urgent cases, and one page holds both.
        loop {
            let (rows, next) = store
                .queue(&QueueFilter::default(), cursor, 3)
                .await
                .unwrap();
            seen.extend(rows);
            match next {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), 25, "{engine}");
        assert!(seen[..5].iter().all(|r| r.urgent), "{engine}: urgent first");
        assert!(seen[5..].iter().all(|r| !r.urgent));
        assert!(
            seen[..5]
                .windows(2)
                .all(|w| w[0].created_at <= w[1].created_at),
            "oldest first"
        );
        assert!(
            seen[5..]
                .windows(2)
                .all(|w| w[0].created_at <= w[1].created_at)
        );
        let ids: HashSet<i64> = seen.iter().map(|r| r.case_id).collect();
        assert_eq!(ids.len(), 25, "no row twice across pages");

        let urgent = QueueFilter {
            urgent_only: true,
            ..QueueFilter::default()
        };
        assert_eq!(store.queue(&urgent, None, 100).await.unwrap().0.len(), 5);
        let police = QueueFilter {
            referred_to_police_only: true,
            police_unit: None,
            ..QueueFilter::default()
        };
        assert!(store.queue(&police, None, 100).await.unwrap().0.is_empty());
        let cursor = QueueCursor::decode(
            &QueueCursor {
                priority: 1,
                created_at: 5,
                id: 7,
            }
            .encode(),
        );
        assert_eq!(
            cursor,
            Some(QueueCursor {
                priority: 1,
                created_at: 5,
                id: 7
            })
        );
        assert_eq!(QueueCursor::decode("1.2"), None);
    });
}

/// Migration 0020 maps assessments recorded in the old vocabulary to ICCAM's
/// (docs/SPEC.md §2): rows written in the old shape, on a database migrated up to 0019, read
/// back mapped.
#[tokio::test]
async fn migration_0020_maps_old_assessments_to_iccams_vocabulary() {
    use hotline_domain::assessment::{AgeGroup, Commerciality, Gender, Media, SiteType};
    for db in TestDatabase::all().await {
        let engine = db.engine;
        let store = Store::open(&db.url, Arc::new(Keyring::for_tests(7)))
            .await
            .unwrap();
        store.migrate_to(19).await.unwrap();
        let t0 = OffsetDateTime::now_utc();
        analyst(&store).await;
        let mut ids = Vec::new();
        // (age band, gender, media, site type, commercial)
        let old: &[(&str, &str, &str, &str, &str)] = &[
            ("0-2", "female", "image", "image_host", "FALSE"),
            ("3-6", "male", "video", "social", "TRUE"),
            ("7-10", "both", "mixed", "other", "FALSE"),
            ("11-13", "unknown", "text", "forum", "TRUE"),
            ("14-15", "female", "image", "website", "FALSE"),
            ("16-17", "female", "image", "file_host", "FALSE"),
            ("unknown", "female", "image", "image_host", "FALSE"),
        ];
        for (i, (age, gender, media, site, commercial)) in old.iter().enumerate() {
            let stored = store
                .submit_report(&report(&[&format!("example.com/old-{i}")], None), t0)
                .await
                .unwrap();
            let id = stored.cases[0].case_id;
            ids.push(id);
            store
                .execute_for_tests(&format!(
                    "INSERT INTO assessments (case_id, kind, classification, victim_age, victim_gender, media, \
                     site_type, commercial, assessed_by, assessed_at) \
                     VALUES ({id}, 'assessment', 'baseline', '{age}', '{gender}', '{media}', '{site}', {commercial}, 1, 0)"
                ))
                .await
                .unwrap();
        }
        let stored = store
            .submit_report(&report(&["example.com/old-legal"], None), t0)
            .await
            .unwrap();
        let legal = stored.cases[0].case_id;
        store
            .execute_for_tests(&format!(
                "INSERT INTO assessments (case_id, kind, classification, assessed_by, assessed_at) \
                 VALUES ({legal}, 'assessment', 'not_illegal', 1, 0)"
            ))
            .await
            .unwrap();

        store.migrate().await.unwrap();
        assert!(store.ready().await.unwrap(), "{engine}");
        let expected = [
            (
                AgeGroup::Infant,
                Gender::Female,
                Media::Image,
                SiteType::ImageHost,
                Commerciality::NonCommercial,
            ),
            (
                AgeGroup::PrePubescent,
                Gender::Male,
                Media::Video,
                SiteType::SocialNetwork,
                Commerciality::Commercial,
            ),
            (
                AgeGroup::PrePubescent,
                Gender::Both,
                Media::Other,
                SiteType::Website,
                Commerciality::NonCommercial,
            ),
            (
                AgeGroup::Pubescent,
                Gender::NotDetermined,
                Media::Text,
                SiteType::Forum,
                Commerciality::Commercial,
            ),
            (
                AgeGroup::Pubescent,
                Gender::Female,
                Media::Image,
                SiteType::Website,
                Commerciality::NonCommercial,
            ),
            (
                AgeGroup::Pubescent,
                Gender::Female,
                Media::Image,
                SiteType::FileHost,
                Commerciality::NonCommercial,
            ),
            (
                AgeGroup::NotDetermined,
                Gender::Female,
                Media::Image,
                SiteType::ImageHost,
                Commerciality::NonCommercial,
            ),
        ];
        for (id, (age, gender, media, site, commercial)) in ids.iter().zip(expected) {
            let file = store
                .case_file(*id, false, hotline_domain::ContactView::Hidden)
                .await
                .unwrap()
                .unwrap();
            let a = &file.assessments[0].assessment;
            assert_eq!(a.classification, Classification::Baseline);
            assert_eq!(a.reason, None);
            let f = a
                .findings
                .as_ref()
                .expect("illegal content keeps its findings");
            assert_eq!(
                (f.age_group, f.gender, f.media, f.site_type, f.commercial),
                (age, gender, media, site, commercial),
                "{engine}: case {id}"
            );
            assert!(f.payment_methods.is_empty());
            assert!(!f.virtual_material && !f.child_modelling && !f.user_generated);
        }
        let file = store
            .case_file(legal, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        let a = &file.assessments[0].assessment;
        assert_eq!(
            (a.classification, a.reason, a.findings.as_ref()),
            (Classification::NotIllegal, None, None),
            "{engine}"
        );
        store.close().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn assessment_review_welfare_and_police_referral() {
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        let ann = analyst(&store).await;
        store
            .create_user("sue", Role::Supervisor, "a long enough password", "cli", t0)
            .await
            .unwrap();
        let sue = StaffUser {
            id: 2,
            username: "sue".into(),
            role: Role::Supervisor,
        };
        let stored = store
            .submit_report(&report(&["example.com/case"], Some("what I saw")), t0)
            .await
            .unwrap();
        let id = stored.cases[0].case_id;

        assert_eq!(store.take_next_case(&ann, t0).await.unwrap(), Some(id));
        assert_eq!(
            store.take_next_case(&ann, t0).await.unwrap(),
            None,
            "{engine}: nothing else is new"
        );
        let assessment = Assessment::parse(AssessmentInput {
            classification: Some("baseline".into()),
            age_group: Some("pre_pubescent".into()),
            gender: Some("female".into()),
            media: Some("image".into()),
            site_type: Some("image_host".into()),
            commercial: Some("non_commercial".into()),
            payment_methods: vec!["none".into()],
            virtual_material: Some(true),
            ..AssessmentInput::default()
        })
        .unwrap();
        let t1 = t0 + time::Duration::minutes(12);
        store
            .record_assessment(id, &ann, &assessment, None, t1)
            .await
            .unwrap();
        let file = store
            .case_file(id, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            file.assessments[0].assessment, assessment,
            "{engine}: an assessment in ICCAM's vocabulary comes back as recorded"
        );
        let day = hotline_store::casework::day_of(t1);
        assert_eq!(
            store.welfare_day(ann.id, &day).await.unwrap(),
            (12, false),
            "{engine}"
        );
        store.request_second_opinion(id, &ann, t1).await.unwrap();
        let review = QueueFilter {
            needs_review: true,
            ..QueueFilter::default()
        };
        assert_eq!(store.queue(&review, None, 10).await.unwrap().0.len(), 1);
        let mut overridden = assessment.clone();
        overridden.classification = Classification::Baseline;
        store
            .review_assessment(id, &sue, &ReviewOutcome::Override(overridden), None, t1)
            .await
            .unwrap();
        assert!(store.queue(&review, None, 10).await.unwrap().0.is_empty());
        store.lift_welfare_cap("ann", &day, &sue, t1).await.unwrap();
        assert_eq!(store.welfare_day(ann.id, &day).await.unwrap(), (12, true));

        store
            .move_case_by(
                id,
                Move {
                    to: CaseState::Referred,
                    procedure: Procedure::Assess,
                    event: hotline_domain::timeline::Event::ReferredPolice,
                    police_unit: Some("national"),
                    close_reason: None,
                    jobs: &[],
                },
                &ann,
                t1,
            )
            .await
            .unwrap();
        assert_eq!(store.case_access(id).await.unwrap(), Some(true));
        let police = QueueFilter {
            referred_to_police_only: true,
            police_unit: None,
            ..QueueFilter::default()
        };
        assert_eq!(
            store.queue(&police, None, 10).await.unwrap().0.len(),
            1,
            "{engine}"
        );

        store
            .message_reporter(id, stored.report_id, "We passed this on.", &ann, t1)
            .await
            .unwrap();
        assert_eq!(
            store
                .report_status(&stored.receipt)
                .await
                .unwrap()
                .unwrap()
                .messages[0]
                .body,
            "We passed this on."
        );

        let sealed = store
            .case_file(id, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(sealed.reports[0].description, None);
        assert_eq!(sealed.reports[0].contact, None);
        let open = store
            .case_file(id, true, hotline_domain::ContactView::All)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(open.reports[0].description.as_deref(), Some("what I saw"));
        assert_eq!(
            open.reports[0].submitted.as_deref(),
            Some("example.com/case")
        );
        assert_eq!(
            open.reports[0]
                .contact
                .as_ref()
                .and_then(|c| c.email.as_deref()),
            Some("reporter@example.com")
        );
        assert_eq!(open.assessments.len(), 2);
        assert_eq!(open.assessments[1].kind, "review");
        let kinds: Vec<&str> = open.timeline.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "received",
                "assessment_started",
                "assessed",
                "second_opinion_requested",
                "reviewed",
                "referred_police",
                "reporter_messaged"
            ],
            "{engine}"
        );
        assert_eq!(store.verify_audit().await.unwrap(), Ok(9), "{engine}");
    });
}

// ---- The audit chain under tampering -----------------------------------------------------------

async fn raw(db: &TestDatabase, sql: &str) {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if db.engine == "postgres" {
        let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::raw_sql(sql).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.url))
            .await
            .unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    }
}

#[tokio::test]
async fn audit_verify_names_the_first_edited_removed_or_swapped_event() {
    let tampering: [(&str, ChainBreak); 4] = [
        (
            "UPDATE audit_events SET details = 'nothing to see' WHERE seq = 3",
            ChainBreak::Edited { seq: 3 },
        ),
        (
            "DELETE FROM audit_events WHERE seq = 4",
            ChainBreak::Missing {
                expected: 4,
                found: 5,
            },
        ),
        (
            "UPDATE audit_events SET seq = -2 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 5; \
             UPDATE audit_events SET seq = 5 WHERE seq = -2",
            ChainBreak::Edited { seq: 2 },
        ),
        (
            "DELETE FROM audit_events WHERE seq = 6",
            ChainBreak::Truncated { last: 5, head: 6 },
        ),
    ];
    for (sql, expected) in tampering {
        for db in TestDatabase::all().await {
            let store = open(&db).await;
            let now = OffsetDateTime::now_utc();
            for i in 0..6 {
                store
                    .audit("ann", "case.view", &format!("case:{i}"), "", now)
                    .await
                    .unwrap();
            }
            assert_eq!(store.verify_audit().await.unwrap(), Ok(6), "{}", db.engine);
            raw(&db, sql).await;
            assert_eq!(
                store.verify_audit().await.unwrap(),
                Err(expected.clone()),
                "{}: {sql}",
                db.engine
            );
            store.close().await;
            db.remove().await;
        }
    }
}

/// The chain used plain SHA-256: whoever could write the database could rewrite it, rehash
/// it and set the head, and `audit verify` passed. Now it is keyed with a key from keys.json:
/// a rewrite without the key fails, also after the next start (migrate), and another key file
/// does not verify it either; the head kept elsewhere names where the chain stood.
#[tokio::test]
async fn the_audit_chain_verifies_only_under_its_key_and_a_rewrite_without_it_fails() {
    use hotline_domain::audit::{GENESIS_HASH, event_hash};
    for db in TestDatabase::all().await {
        let engine = db.engine;
        let store = open(&db).await;
        let now = OffsetDateTime::now_utc();
        for i in 0..4 {
            store
                .audit("ann", "case.view", &format!("case:{i}"), "", now)
                .await
                .unwrap();
        }
        assert_eq!(store.verify_audit().await.unwrap(), Ok(4), "{engine}");
        let (head_seq, head_hash) = store.audit_head().await.unwrap();
        assert_eq!(head_seq, 4);
        assert_eq!(
            store.audit_hash_at(4).await.unwrap(),
            Some(head_hash.clone())
        );

        // Another key file: the first keyed event does not verify.
        let other = Store::open(&db.url, Arc::new(Keyring::for_tests(8)))
            .await
            .unwrap();
        assert_eq!(
            other.verify_audit().await.unwrap(),
            Err(ChainBreak::Edited { seq: 1 }),
            "{engine}"
        );
        other.close().await;

        // Rewritten without the key: plain hashes throughout, event 2 edited, head set.
        let mut events = store.audit_events(&Default::default(), 100).await.unwrap();
        events.reverse();
        let bytes = |h: &[u8; 32]| {
            let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
            if engine == "postgres" {
                format!("decode('{hex}', 'hex')")
            } else {
                format!("X'{hex}'")
            }
        };
        let mut prev = GENESIS_HASH;
        let mut sql = String::new();
        for e in &events {
            let details = if e.seq == 2 {
                "edited"
            } else {
                e.details.as_str()
            };
            let hash = event_hash(
                e.seq, e.at_ms, &e.actor, &e.action, &e.object, details, &prev,
            );
            sql.push_str(&format!(
                "UPDATE audit_events SET details = '{details}', prev_hash = {}, hash = {}, keyed = FALSE WHERE seq = {};",
                bytes(&prev),
                bytes(&hash),
                e.seq
            ));
            prev = hash;
        }
        sql.push_str(&format!(
            "UPDATE audit_head SET hash = {} WHERE id = 1",
            bytes(&prev)
        ));
        for statement in sql.split(';') {
            raw(&db, statement).await;
        }
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Unkeyed { seq: 4 }),
            "{engine}"
        );
        // The next start does not seal the rewritten chain.
        store.migrate().await.unwrap();
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Unkeyed { seq: 4 }),
            "{engine}"
        );
        // And the head kept elsewhere no longer matches.
        assert_ne!(store.audit_hash_at(4).await.unwrap(), Some(head_hash));
        store.close().await;
        db.remove().await;
    }
}

// --- Background jobs ---

/// A whole-millisecond time, so stored times compare equal after the round trip.
fn job_clock() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()
}

fn new_job(kind: &str, at: OffsetDateTime) -> hotline_store::NewJob {
    hotline_store::NewJob {
        kind: kind.into(),
        payload: serde_json::json!({ "kind": kind }),
        case_id: None,
        priority: 0,
        run_at: at,
        max_attempts: 3,
        dedupe_key: None,
    }
}

/// A case to hang jobs on. Opening a case may queue work of the store's own (the trace); it
/// is run to completion here, so the test claims only the jobs it queues.
async fn case_for_jobs(store: &Store, url: &str) -> i64 {
    let t = job_clock();
    let case_id = store
        .submit_report(&report(&[url], None), t)
        .await
        .unwrap()
        .cases[0]
        .case_id;
    let far = t + time::Duration::days(365);
    let lease = time::Duration::minutes(1);
    while let Some(job) = store.claim_job("setup", lease, far).await.unwrap() {
        assert!(store.complete_job(&job, far).await.unwrap());
    }
    case_id
}

#[tokio::test]
async fn jobs_are_claimed_by_priority_completed_and_deduplicated() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let lease = time::Duration::seconds(30);
        let case_id = case_for_jobs(&store, "example.com/jobs").await;
        let base = store.job_counts().await.unwrap();
        let later = new_job("later", t + time::Duration::minutes(1));
        let low = new_job("low", t);
        let urgent = hotline_store::NewJob {
            priority: 5,
            case_id: Some(case_id),
            dedupe_key: Some(format!("rdap:{case_id}")),
            ..new_job("urgent", t)
        };
        let later_id = store.enqueue_job(&later, t).await.unwrap().unwrap();
        let low_id = store.enqueue_job(&low, t).await.unwrap().unwrap();
        let urgent_id = store.enqueue_job(&urgent, t).await.unwrap().unwrap();
        assert_eq!(
            store.enqueue_job(&urgent, t).await.unwrap(),
            None,
            "{engine}"
        );

        let job = store.claim_job("w1", lease, t).await.unwrap().unwrap();
        assert_eq!(
            (job.id, job.kind.as_str(), job.case_id, job.attempt),
            (urgent_id, "urgent", Some(case_id), 1),
            "{engine}"
        );
        assert_eq!(job.payload, serde_json::json!({ "kind": "urgent" }));
        // Running still holds the key.
        assert_eq!(
            store.enqueue_job(&urgent, t).await.unwrap(),
            None,
            "{engine}"
        );
        assert!(store.complete_job(&job, t).await.unwrap(), "{engine}");
        assert!(!store.complete_job(&job, t).await.unwrap(), "{engine}");

        let next = store.claim_job("w1", lease, t).await.unwrap().unwrap();
        assert_eq!(next.id, low_id, "{engine}");
        assert!(store.complete_job(&next, t).await.unwrap());
        // `later` is not due yet.
        assert_eq!(
            store.claim_job("w1", lease, t).await.unwrap(),
            None,
            "{engine}"
        );
        let due = t + time::Duration::minutes(1);
        let last = store.claim_job("w1", lease, due).await.unwrap().unwrap();
        assert_eq!(last.id, later_id, "{engine}");
        assert!(store.complete_job(&last, due).await.unwrap());

        // Once done, the key is free again.
        let again = store.enqueue_job(&urgent, due).await.unwrap();
        assert!(again.is_some_and(|id| id != urgent_id), "{engine}");
        let counts = store.job_counts().await.unwrap();
        assert_eq!(
            counts,
            hotline_store::JobCounts {
                queued: 1,
                running: 0,
                done: base.done + 3,
                dead: 0
            },
            "{engine}"
        );
        let on_case = store.jobs_of_case(case_id).await.unwrap();
        let states: Vec<_> = on_case
            .iter()
            .filter(|j| j.kind == "urgent")
            .map(|j| (j.id, j.state))
            .collect();
        assert_eq!(
            states,
            [
                (again.unwrap(), hotline_store::JobState::Queued),
                (urgent_id, hotline_store::JobState::Done)
            ],
            "{engine}"
        );
    });
}

#[tokio::test]
async fn a_failing_job_backs_off_then_dies_after_max_attempts() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let lease = time::Duration::seconds(30);
        let case_id = case_for_jobs(&store, "example.com/flaky").await;
        let job = hotline_store::NewJob {
            case_id: Some(case_id),
            ..new_job("flaky", t)
        };
        store.enqueue_job(&job, t).await.unwrap().unwrap();

        let mut now = t;
        for attempt in 1..=3 {
            let claimed = store.claim_job("w", lease, now).await.unwrap().unwrap();
            assert_eq!(claimed.attempt, attempt, "{engine}");
            assert!(
                store
                    .fail_job(&claimed, &format!("timeout {attempt}"), now)
                    .await
                    .unwrap(),
                "{engine}"
            );
            let on_case = store.jobs_of_case(case_id).await.unwrap();
            let summary = on_case.iter().find(|j| j.kind == "flaky").unwrap();
            assert_eq!(summary.attempts, attempt);
            assert_eq!(
                summary.last_error.as_deref(),
                Some(&*format!("timeout {attempt}"))
            );
            if attempt < 3 {
                let delay = hotline_store::retry_delay(attempt);
                assert_eq!(delay.whole_seconds(), 5 << (attempt - 1));
                let retry_at = now + delay;
                assert_eq!(summary.state, hotline_store::JobState::Queued, "{engine}");
                assert_eq!(summary.run_at, retry_at, "{engine}");
                let early = retry_at - time::Duration::milliseconds(1);
                assert_eq!(
                    store.claim_job("w", lease, early).await.unwrap(),
                    None,
                    "{engine}"
                );
                now = retry_at;
            } else {
                assert_eq!(summary.state, hotline_store::JobState::Dead, "{engine}");
            }
        }
        let far = now + time::Duration::days(1);
        assert_eq!(
            store.claim_job("w", lease, far).await.unwrap(),
            None,
            "{engine}"
        );
        let counts = store.job_counts().await.unwrap();
        assert_eq!((counts.queued, counts.dead), (0, 1), "{engine}");
    });
}

#[tokio::test]
async fn an_expired_lease_is_taken_over_and_the_first_worker_is_fenced_out() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let lease = time::Duration::seconds(30);
        let id = store
            .enqueue_job(&new_job("slow", t), t)
            .await
            .unwrap()
            .unwrap();
        let first = store.claim_job("w1", lease, t).await.unwrap().unwrap();
        // Still leased: nobody else gets it.
        let during = t + time::Duration::seconds(29);
        assert_eq!(
            store.claim_job("w2", lease, during).await.unwrap(),
            None,
            "{engine}"
        );

        let after = t + time::Duration::seconds(30);
        let second = store.claim_job("w2", lease, after).await.unwrap().unwrap();
        assert_eq!((second.id, second.attempt), (id, 2), "{engine}");
        assert!(second.fence > first.fence, "{engine}");
        assert!(
            !store.complete_job(&first, after).await.unwrap(),
            "{engine}"
        );
        assert!(
            !store.fail_job(&first, "late", after).await.unwrap(),
            "{engine}"
        );
        assert!(
            store.complete_job(&second, after).await.unwrap(),
            "{engine}"
        );
        assert!(
            !store.complete_job(&first, after).await.unwrap(),
            "{engine}"
        );
        let counts = store.job_counts().await.unwrap();
        assert_eq!(
            (counts.done, counts.running, counts.queued),
            (1, 0, 0),
            "{engine}"
        );

        // A lease that runs out on the last attempt gives the job up instead of looping.
        let once = hotline_store::NewJob {
            max_attempts: 1,
            ..new_job("once", t)
        };
        store.enqueue_job(&once, t).await.unwrap().unwrap();
        let held = store.claim_job("w1", lease, t).await.unwrap().unwrap();
        assert_eq!(
            store.claim_job("w2", lease, after).await.unwrap(),
            None,
            "{engine}"
        );
        assert!(!store.complete_job(&held, after).await.unwrap(), "{engine}");
        assert_eq!(store.job_counts().await.unwrap().dead, 1, "{engine}");
    });
}

#[tokio::test]
async fn jobs_are_claimed_and_completed_in_batches() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let lease = time::Duration::seconds(30);
        let mut batchable = Vec::new();
        for i in 0..5 {
            let at = t - time::Duration::seconds(10 - i);
            batchable.push(
                store
                    .enqueue_job(&new_job("batchable", at), t)
                    .await
                    .unwrap()
                    .unwrap(),
            );
        }
        let other = hotline_store::NewJob {
            priority: 5,
            ..new_job("other", t)
        };
        let other = store.enqueue_job(&other, t).await.unwrap().unwrap();
        let not_due = new_job("batchable", t + time::Duration::minutes(1));
        let not_due = store.enqueue_job(&not_due, t).await.unwrap().unwrap();
        let ids = |jobs: &[hotline_store::ClaimedJob]| {
            let mut ids: Vec<i64> = jobs.iter().map(|j| j.id).collect();
            ids.sort_unstable();
            ids
        };

        // Of one kind, the oldest first, though a job of another kind is more urgent.
        let first = store
            .claim_jobs("w1", lease, t, 3, Some("batchable"))
            .await
            .unwrap();
        assert_eq!(ids(&first), batchable[..3], "{engine}");
        assert!(
            first
                .iter()
                .all(|j| j.attempt == 1 && j.kind == "batchable")
        );
        // Of any kind: what is due and unclaimed, and nothing more.
        let rest = store.claim_jobs("w2", lease, t, 10, None).await.unwrap();
        let mut expected = vec![other, batchable[3], batchable[4]];
        expected.sort_unstable();
        assert_eq!(ids(&rest), expected, "{engine}");
        assert!(
            store
                .claim_jobs("w3", lease, t, 10, None)
                .await
                .unwrap()
                .is_empty()
        );

        // Once the leases run out, a claim takes over an expired job before the queue.
        let after = t + lease;
        let taken = store
            .claim_jobs("w3", lease, after, 1, Some("batchable"))
            .await
            .unwrap();
        assert_eq!(taken.len(), 1, "{engine}");
        let taken_id = taken[0].id;
        assert!(
            batchable[..5].contains(&taken_id) && taken[0].attempt == 2,
            "{engine}"
        );
        // Completing a batch in part taken over: only the current claims count.
        let done = store.complete_jobs(&first, after).await.unwrap();
        for (job, done) in first.iter().zip(&done) {
            assert_eq!(*done, job.id != taken_id, "{engine}: job {}", job.id);
        }
        assert_eq!(store.complete_jobs(&taken, after).await.unwrap(), [true]);
        // The not-yet-due job stays queued.
        let counts = store.job_counts().await.unwrap();
        assert_eq!(
            (counts.queued, counts.done),
            (1, done.iter().filter(|d| **d).count() as i64 + 1),
            "{engine}"
        );
        let due = t + time::Duration::minutes(1);
        let last = store
            .claim_jobs("w1", time::Duration::hours(1), due, 10, Some("batchable"))
            .await
            .unwrap();
        // The rest of w2's batch had expired too, and is taken over with it; `other` is not
        // of the kind asked for.
        assert_eq!(
            ids(&last),
            [batchable[3], batchable[4], not_due],
            "{engine}"
        );
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_workers_complete_every_job_exactly_once() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        for i in 0..300 {
            let job = hotline_store::NewJob {
                priority: i % 3,
                ..new_job("bulk", t)
            };
            store.enqueue_job(&job, t).await.unwrap().unwrap();
        }
        let workers: Vec<_> = (0..8)
            .map(|w| {
                let store = store.clone();
                tokio::spawn(async move {
                    let name = format!("worker-{w}");
                    let mut completed = Vec::new();
                    while let Some(job) = store
                        .claim_job(&name, time::Duration::minutes(5), t)
                        .await
                        .unwrap()
                    {
                        if store.complete_job(&job, t).await.unwrap() {
                            completed.push(job.id);
                        }
                    }
                    completed
                })
            })
            .collect();
        let mut completed = Vec::new();
        for w in workers {
            completed.extend(w.await.unwrap());
        }
        let distinct: HashSet<i64> = completed.iter().copied().collect();
        assert_eq!(completed.len(), 300, "{engine}");
        assert_eq!(distinct.len(), 300, "{engine}");
        assert_eq!(
            store.job_counts().await.unwrap(),
            hotline_store::JobCounts {
                done: 300,
                ..Default::default()
            },
            "{engine}"
        );
    });
}

#[tokio::test]
async fn a_referral_mail_is_taken_once_and_an_interrupted_one_is_left_for_a_person() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let case_id = case_for_jobs(&store, "http://192.0.2.90/mail").await;
        let partner = hotline_store::NewPartner {
            name: "LU".into(),
            countries: vec!["LU".into()],
            channel: hotline_domain::partner::PartnerChannel::Email,
            endpoint: Some("referrals@lu.example.test".into()),
            public_key: None,
            encrypt_to: None,
            outbound_token: None,
        };
        store.add_partner(&partner, "cli", t).await.unwrap();
        assert!(
            store
                .queue_partner_referral(case_id, "LU", t)
                .await
                .unwrap()
        );

        // A failed send forgets its mark, so the retry sends.
        assert!(
            store
                .begin_mailing_referral(case_id, "LU", "r-1", t)
                .await
                .unwrap(),
            "{engine}"
        );
        store.referral_mail_failed("LU", "r-1").await.unwrap();
        assert!(
            store
                .begin_mailing_referral(case_id, "LU", "r-1", t)
                .await
                .unwrap(),
            "{engine}"
        );
        store
            .referral_sent(case_id, "LU", "r-1", "mailed", "sent", t)
            .await
            .unwrap();
        assert!(
            !store
                .begin_mailing_referral(case_id, "LU", "r-1", t)
                .await
                .unwrap(),
            "{engine}: sent twice"
        );

        // A send that was interrupted (no failure, no success recorded) is never repeated.
        assert!(
            store
                .begin_mailing_referral(case_id, "LU", "r-2", t)
                .await
                .unwrap()
        );
        assert!(
            !store
                .begin_mailing_referral(case_id, "LU", "r-2", t)
                .await
                .unwrap(),
            "{engine}"
        );
        let referrals = store.referrals_of_case(case_id).await.unwrap();
        let statuses: Vec<String> = referrals
            .iter()
            .map(|r| r.3.clone().unwrap_or_default())
            .collect();
        assert_eq!(statuses, ["sent", "uncertain"], "{engine}");
        let file = store
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            file.timeline
                .iter()
                .filter(|e| e.kind.as_str() == "referral_uncertain")
                .count(),
            1,
            "{engine}"
        );
    });
}

#[tokio::test]
async fn two_processes_writing_one_database_wait_for_each_other_instead_of_failing() {
    // Two stores on one database stand for the server and an operator command beside it:
    // each has its own connections, so only the engine's locking keeps them apart. Every
    // write (a read, then an insert, in one transaction) must succeed, however they interleave.
    for db in TestDatabase::all().await {
        let server = open(&db).await;
        let command = open(&db).await;
        analyst(&server).await;
        let t = OffsetDateTime::now_utc();
        let writes: Vec<_> = (0..60)
            .map(|i| {
                let store = if i % 2 == 0 {
                    server.clone()
                } else {
                    command.clone()
                };
                tokio::spawn(async move { store.create_token("ann", "test", t).await })
            })
            .collect();
        for w in writes {
            w.await
                .unwrap()
                .unwrap_or_else(|e| panic!("{}: {e}", db.engine));
        }
        server.close().await;
        command.close().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn a_deferred_job_waits_keeps_its_dedupe_key_and_spends_no_attempt() {
    on_every_engine!(|store, engine| {
        let t = job_clock();
        let lease = time::Duration::seconds(30);
        let case_id = case_for_jobs(&store, "example.com/deferred").await;
        let job = hotline_store::NewJob {
            case_id: Some(case_id),
            max_attempts: 1,
            dedupe_key: Some(format!("notice:{case_id}")),
            ..new_job("notice", t)
        };
        store.enqueue_job(&job, t).await.unwrap().unwrap();
        for round in 0..3 {
            let now = t + time::Duration::hours(round);
            let claimed = store
                .claim_job("w", lease, now)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{engine}: round {round}: nothing to claim"));
            // One attempt allowed, yet deferring any number of times never uses it up.
            assert_eq!(claimed.attempt, 1, "{engine}");
            let at = now + time::Duration::hours(1);
            assert!(store.defer_job(&claimed, at, "not due", now).await.unwrap());
            assert!(
                store
                    .claim_job("w", lease, at - time::Duration::seconds(1))
                    .await
                    .unwrap()
                    .is_none(),
                "{engine}: a deferred job ran early"
            );
            assert_eq!(
                store.enqueue_job(&job, now).await.unwrap(),
                None,
                "{engine}: the deferred job still holds its dedupe key"
            );
        }
        let summary = &store.jobs_of_case(case_id).await.unwrap()[0];
        assert_eq!(summary.state, hotline_store::JobState::Queued, "{engine}");
        assert_eq!(summary.last_error.as_deref(), Some("not due"), "{engine}");
    });
}

#[tokio::test]
async fn a_burst_of_overlapping_reports_counts_every_report_and_opens_each_case_once() {
    // Reports arriving together are committed together (group commit): each must still join
    // the right cases, count once on each, and exactly one report must have opened each case.
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        // An open case from before the burst: the burst joins it and does not reopen it.
        let before = store
            .submit_report(&report(&["http://shared-0.example.test/"], None), now)
            .await
            .unwrap();
        let tasks: Vec<_> = (0..300)
            .map(|i| {
                let store = store.clone();
                let shared = format!("http://shared-{}.example.test/", i % 7);
                let own = format!("http://own-{i}.example.test/");
                let r = report(&[&shared, &own], Some("burst"));
                tokio::spawn(async move { store.submit_report(&r, now).await })
            })
            .collect();
        let mut opened: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
        let mut receipts = Vec::new();
        for t in tasks {
            let stored = t.await.unwrap().unwrap_or_else(|e| panic!("{engine}: {e}"));
            assert_eq!(stored.cases.len(), 2, "{engine}");
            assert!(
                stored.cases[0].canonical.contains("shared-"),
                "{engine}: in the order reported"
            );
            for c in &stored.cases {
                *opened.entry(c.case_id).or_default() += usize::from(c.opened);
            }
            receipts.push(stored.receipt);
        }
        let counts = store.counts().await.unwrap();
        assert_eq!((counts.reports, counts.cases), (301, 307), "{engine}");
        assert_eq!(opened.len(), 307, "{engine}");
        let shared0 = before.cases[0].case_id;
        assert_eq!(
            opened[&shared0], 0,
            "{engine}: an open case was opened again"
        );
        assert!(
            opened.iter().all(|(id, n)| *id == shared0 || *n == 1),
            "{engine}: a case opened other than once: {opened:?}"
        );
        assert_eq!(
            store
                .case_summary(shared0)
                .await
                .unwrap()
                .unwrap()
                .report_count,
            1 + 300 / 7 + 1,
            "{engine}"
        );
        for r in receipts.iter().step_by(37) {
            assert!(store.report_status(r).await.unwrap().is_some(), "{engine}");
        }
    });
}

// ---- Statistics -----------------------------------------------------------------------------

#[tokio::test]
async fn statistics_of_a_known_dataset_have_exact_medians_p90_and_counts() {
    use hotline_domain::statistics::{ActionTaken, Count, Leg, Summary};
    use hotline_store::statistics::fixture;
    const MIN: i64 = 60_000;
    const APRIL: i64 = 1_775_001_600_000;
    let summary = |count, median: i64, p90: i64| Summary {
        count,
        median_ms: Some(median * MIN),
        p90_ms: Some(p90 * MIN),
    };
    let counts = |list: &[(&str, u64)]| -> Vec<Count> {
        list.iter()
            .map(|(k, n)| Count {
                key: (*k).into(),
                count: *n,
            })
            .collect()
    };
    on_every_engine!(|store, engine| {
        fixture::seed(&store).await.unwrap();
        let s = store.statistics(fixture::T0_MS, APRIL).await.unwrap();
        assert_eq!((s.reports, s.cases), (7, 7), "{engine}");
        assert_eq!(
            s.reports_by_channel,
            counts(&[("web", 4), ("api", 3)]),
            "{engine}"
        );
        assert_eq!(
            s.by_classification,
            counts(&[("baseline", 5), ("national", 1), ("none", 1)]),
            "{engine}"
        );
        assert_eq!(
            s.by_outcome,
            counts(&[("removed", 5), ("awaiting_removal", 1), ("new", 1)]),
            "{engine}"
        );
        assert_eq!(
            s.by_site_type,
            counts(&[("image_host", 4), ("forum", 2), ("none", 1)]),
            "{engine}"
        );
        assert_eq!(
            s.by_age_group,
            counts(&[("pre_pubescent", 3), ("pubescent", 3), ("none", 1)]),
            "{engine}"
        );
        let leg = |l: Leg| s.legs.iter().find(|x| x.leg == l).unwrap().summary;
        assert_eq!(
            leg(Leg::ReceivedToAssessed),
            summary(6, 30, 240),
            "{engine}"
        );
        assert_eq!(leg(Leg::ReceivedToReferred), summary(1, 90, 90), "{engine}");
        assert_eq!(
            leg(Leg::ReceivedToNoticeSent),
            summary(6, 60, 300),
            "{engine}"
        );
        assert_eq!(
            leg(Leg::NoticeSentToRemoved),
            summary(5, 180, 1440),
            "{engine}"
        );
        assert_eq!(
            leg(Leg::ReceivedToRemoved),
            summary(5, 360, 1460),
            "{engine}"
        );
        let groups: Vec<(&str, u64)> = s
            .by_country
            .iter()
            .map(|g| (g.group.as_str(), g.cases))
            .collect();
        assert_eq!(groups, [("NL", 4), ("US", 2), ("unknown", 1)], "{engine}");
        assert_eq!(
            s.by_country[0].leg(Leg::NoticeSentToRemoved),
            summary(4, 120, 600),
            "{engine}"
        );
        assert_eq!(
            s.by_country[1].leg(Leg::NoticeSentToRemoved),
            summary(1, 1440, 1440),
            "{engine}"
        );
        let providers: Vec<&str> = s.by_provider.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(
            providers,
            ["Alpha Hosting", "Beta Networks", "unknown"],
            "{engine}"
        );

        // The whole year holds the May case too; a period with nothing in it is empty.
        let (from, to) = hotline_domain::statistics::year_period(2026);
        let year = store.statistics(from, to).await.unwrap();
        assert_eq!((year.reports, year.cases), (8, 8), "{engine}");
        let empty = store.statistics(0, fixture::T0_MS).await.unwrap();
        assert_eq!(
            (empty.reports, empty.cases, empty.by_country.len()),
            (0, 0, 0),
            "{engine}"
        );

        let r = store.annual_report(2026).await.unwrap();
        assert_eq!(r.notices, 7, "{engine}");
        assert_eq!(
            r.by_provider,
            counts(&[("Alpha Hosting", 5), ("Beta Networks", 2)]),
            "{engine}"
        );
        assert_eq!(
            r.by_content_type,
            counts(&[("csam_baseline", 6), ("csam_national_law", 1)]),
            "{engine}"
        );
        assert_eq!(
            r.by_action,
            counts(&[("removed", 6), ("acknowledged", 1)]),
            "{engine}"
        );
        assert_eq!(r.time_to_removal, summary(6, 120, 1440), "{engine}");
        let rows: Vec<_> = r
            .rows
            .iter()
            .map(|x| {
                (
                    x.provider.as_str(),
                    x.content_type.as_str(),
                    x.action,
                    x.notices,
                    x.median_ms,
                    x.p90_ms,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "Alpha Hosting",
                    "csam_baseline",
                    ActionTaken::Removed,
                    5,
                    Some(120 * MIN),
                    Some(600 * MIN)
                ),
                (
                    "Beta Networks",
                    "csam_baseline",
                    ActionTaken::Removed,
                    1,
                    Some(1440 * MIN),
                    Some(1440 * MIN)
                ),
                (
                    "Beta Networks",
                    "csam_national_law",
                    ActionTaken::Acknowledged,
                    1,
                    None,
                    None
                ),
            ],
            "{engine}"
        );
        assert_eq!(
            store.annual_report(2025).await.unwrap().notices,
            0,
            "{engine}"
        );
    });
}
/// A fixed clock for retention tests: 2027-01-01T00:00:00Z, plus `days`.
fn retention_clock(days: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_798_761_600).unwrap() + time::Duration::days(days)
}

fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

#[tokio::test]
async fn retention_dry_run_and_real_run_agree_and_a_legal_hold_survives() {
    use hotline_domain::ContactView;
    use hotline_domain::retention::{PurgeCounts, RetentionPolicy};
    on_every_engine!(|store, engine| {
        let t0 = retention_clock(0);
        let held = store
            .submit_report(&report(&["held.example.com/x"], Some("held words")), t0)
            .await
            .unwrap();
        let open = store
            .submit_report(&report(&["open.example.com/x"], Some("open words")), t0)
            .await
            .unwrap();
        let closed = store
            .submit_report(&report(&["closed.example.com/x"], Some("closed words")), t0)
            .await
            .unwrap();
        let ann = analyst(&store).await;
        let closed_case = closed.cases[0].case_id;
        for to in [
            CaseState::InAssessment,
            CaseState::Assessed,
            CaseState::Closed,
        ] {
            store
                .move_case_by(
                    closed_case,
                    Move {
                        to,
                        procedure: Procedure::Assess,
                        event: hotline_domain::timeline::Event::of_move(CaseState::New, to),
                        police_unit: None,
                        close_reason: None,
                        jobs: &[],
                    },
                    &ann,
                    t0,
                )
                .await
                .unwrap();
        }
        let held_case = held.cases[0].case_id;
        assert!(
            store
                .set_legal_hold(held_case, true, &ann, t0)
                .await
                .unwrap()
        );
        assert!(store.legal_hold(held_case).await.unwrap());
        assert!(!store.set_legal_hold(999_999, true, &ann, t0).await.unwrap());

        let policy = RetentionPolicy {
            contact_days: 30,
            description_days: 60,
            closed_case_days: 90,
            check_history_days: 10,
            audit_days: 0,
        };
        // Day 10: nothing is due yet.
        let c = policy.cutoffs(ms(retention_clock(10)));
        assert_eq!(
            store.purge_dry_run(&c).await.unwrap(),
            PurgeCounts::default(),
            "{engine}"
        );

        // Day 45: contacts of the two reports not on hold go; descriptions stay.
        let c = policy.cutoffs(ms(retention_clock(45)));
        let dry = store.purge_dry_run(&c).await.unwrap();
        assert_eq!(dry.contacts, 2, "{engine}: {dry:?}");
        assert_eq!(dry.descriptions, 0, "{engine}: {dry:?}");
        assert_eq!(dry.addresses_as_typed, 0, "{engine}: {dry:?}");
        let real = store.purge(&c, "test", retention_clock(45)).await.unwrap();
        assert_eq!(dry, real, "{engine}: the dry run and the real run agree");
        assert_eq!(
            store.purge_dry_run(&c).await.unwrap(),
            PurgeCounts::default()
        );

        // Day 100: descriptions and the closed case's timeline details go too.
        let c = policy.cutoffs(ms(retention_clock(100)));
        let dry = store.purge_dry_run(&c).await.unwrap();
        assert_eq!(dry.descriptions, 2, "{engine}: {dry:?}");
        assert_eq!(
            dry.addresses_as_typed, 2,
            "{engine}: the addresses as typed go with the descriptions: {dry:?}"
        );
        assert!(dry.closed_case_details >= 1, "{engine}: {dry:?}");
        let real = store.purge(&c, "test", retention_clock(100)).await.unwrap();
        assert_eq!(dry, real, "{engine}");

        let file = |id| {
            let store = store.clone();
            async move {
                store
                    .case_file(id, true, ContactView::All)
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        let kept = file(held_case).await;
        assert_eq!(
            kept.reports[0].description.as_deref(),
            Some("held words"),
            "{engine}"
        );
        assert!(
            kept.reports[0].contact.is_some(),
            "{engine}: held contact survives"
        );
        assert_eq!(
            kept.reports[0].submitted.as_deref(),
            Some("held.example.com/x"),
            "{engine}: a held report keeps its address as typed"
        );
        let gone = file(open.cases[0].case_id).await;
        assert_eq!(gone.reports[0].description, None, "{engine}");
        assert_eq!(
            gone.reports[0].submitted, None,
            "{engine}: the address as typed is erased"
        );
        assert_eq!(
            gone.canonical, "http://open.example.com/x",
            "{engine}: the case keeps its canonical address"
        );
        assert!(gone.reports[0].contact.is_none(), "{engine}");
        // Both reports are still found by their receipts.
        assert!(store.report_status(&open.receipt).await.unwrap().is_some());
        assert!(store.report_status(&held.receipt).await.unwrap().is_some());

        // Audit events: a prefix is cut, never past the first event about a held case, and
        // the chain still verifies from where it was cut.
        let audit = RetentionPolicy {
            audit_days: 1,
            ..policy
        };
        let c = audit.cutoffs(ms(retention_clock(400)));
        let dry = store.purge_dry_run(&c).await.unwrap();
        let real = store.purge(&c, "test", retention_clock(400)).await.unwrap();
        assert_eq!(dry, real, "{engine}");
        let held_events = store
            .audit_events(
                &hotline_store::AuditFilter {
                    object: Some(format!("case:{held_case}")),
                    ..Default::default()
                },
                100,
            )
            .await
            .unwrap();
        assert!(
            !held_events.is_empty(),
            "{engine}: the held case's audit trail survives"
        );
        assert!(store.verify_audit().await.unwrap().is_ok(), "{engine}");

        // Lifting the hold lets the purge take the rest.
        store
            .set_legal_hold(held_case, false, &ann, retention_clock(400))
            .await
            .unwrap();
        let c = policy.cutoffs(ms(retention_clock(400)));
        let dry = store.purge_dry_run(&c).await.unwrap();
        assert_eq!(
            (dry.contacts, dry.descriptions, dry.addresses_as_typed),
            (1, 1, 1),
            "{engine}: {dry:?}"
        );
        assert_eq!(
            store.purge(&c, "test", retention_clock(400)).await.unwrap(),
            dry
        );
    });
}

#[tokio::test]
async fn rotated_keys_reseal_everything_and_the_old_key_can_go() {
    for db in TestDatabase::all().await {
        let engine = db.engine;
        // A real key file in the test's directory, so keys can be added and removed.
        let dir = tempfile::tempdir().unwrap();
        let keys = Arc::new(Keyring::load_or_create(dir.path()).unwrap());
        let store = Store::open(&db.url, keys.clone()).await.unwrap();
        store.migrate().await.unwrap();
        let now = OffsetDateTime::now_utc();
        for i in 0..30 {
            store
                .submit_report(
                    &report(&[&format!("k{i}.example.com/")], Some("sealed words")),
                    now,
                )
                .await
                .unwrap();
        }
        store
            .create_user(
                "sue",
                Role::Supervisor,
                "a long enough password",
                "test",
                now,
            )
            .await
            .unwrap();
        let before = store.open_every_sealed_value().await.unwrap();
        assert!(before > 30 * 3, "{engine}: {before}");
        let (old, new) = Keyring::add_field_key(dir.path()).unwrap();
        assert!(keys.reload(dir.path()).unwrap());
        assert_eq!(keys.current_field_key(), new);
        assert_eq!(store.sealed_with_key(old).await.unwrap().total(), before);
        let resealed = store.reseal_all().await.unwrap();
        assert_eq!(resealed.total(), before, "{engine}");
        assert_eq!(store.sealed_with_other_keys(new).await.unwrap().total(), 0);
        assert!(
            Keyring::remove_field_key(dir.path(), new).is_err(),
            "the current key stays"
        );
        assert!(Keyring::remove_field_key(dir.path(), old).unwrap());
        keys.reload(dir.path()).unwrap();
        assert!(!keys.has_field_key(old));
        assert_eq!(
            store.open_every_sealed_value().await.unwrap(),
            before,
            "{engine}"
        );
        store.close().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn settings_overrides_are_versioned_audited_and_refuse_a_stale_form() {
    use hotline_domain::settings::{Section, Settings};
    use hotline_store::SettingChangeError;
    use hotline_store::settings::{section_rows, settings_version};
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        assert!(store.settings().await.unwrap().is_empty(), "{engine}");

        let mut wanted = Settings {
            procedure: Procedure::ForwardUnopened,
            ..Settings::default()
        };
        let v1 = store
            .change_setting(
                "procedure",
                Some(&wanted.section_json(Section::Procedure)),
                0,
                "ada",
                "procedure: assess → forward-unopened",
                now,
            )
            .await
            .unwrap();
        assert_eq!(v1, 1, "{engine}");
        wanted.national.objection_hours = 24;
        let v2 = store
            .change_setting(
                "national",
                Some(&wanted.section_json(Section::National)),
                v1,
                "ada",
                "objection_hours: 48 → 24",
                now,
            )
            .await
            .unwrap();
        assert_eq!(v2, 2);

        // A form made from version 1 is now stale: refused, nothing written or audited.
        let stale = store
            .change_setting("procedure", Some("\"assess\""), v1, "bob", "x", now)
            .await
            .unwrap_err();
        assert!(
            matches!(stale, SettingChangeError::Stale(2)),
            "{engine}: {stale}"
        );

        let rows = store.settings().await.unwrap();
        assert_eq!(settings_version(&rows), 2);
        let mut effective = Settings::default();
        for r in section_rows(&rows) {
            assert_eq!(r.updated_by, "ada");
            effective.apply(&r.section, &r.value).unwrap();
        }
        assert_eq!(effective, wanted, "{engine}");

        // Removing an override brings back the file's value and still raises the version.
        let v3 = store
            .change_setting("procedure", None, v2, "ada", "reset", now)
            .await
            .unwrap();
        assert_eq!(v3, 3);
        let rows = store.settings().await.unwrap();
        assert_eq!(settings_version(&rows), 3);
        let sections: Vec<_> = section_rows(&rows).map(|r| r.section.as_str()).collect();
        assert_eq!(sections, ["national"], "{engine}");

        let events = store
            .audit_events(&hotline_store::AuditFilter::default(), 10)
            .await
            .unwrap();
        let seen: Vec<(&str, &str, &str)> = events
            .iter()
            .map(|e| (e.action.as_str(), e.object.as_str(), e.details.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("settings.reset", "settings:procedure", "reset"),
                (
                    "settings.change",
                    "settings:national",
                    "objection_hours: 48 → 24"
                ),
                (
                    "settings.change",
                    "settings:procedure",
                    "procedure: assess → forward-unopened"
                ),
            ],
            "{engine}: the stale change left no event"
        );
        assert_eq!(store.verify_audit().await.unwrap(), Ok(3), "{engine}");
    });
}

#[tokio::test]
async fn the_intake_budget_is_shared_by_two_servers_and_never_overspent() {
    for db in TestDatabase::all().await {
        let engine = db.engine;
        // Two app servers: two stores on one database.
        let a = open(&db).await;
        let b = Store::open(&db.url, Arc::new(Keyring::for_tests(7)))
            .await
            .unwrap();
        let minute = 29_000_000;
        // Many reservations of 7 at once from both, against a limit of 100.
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let store = if i % 2 == 0 { a.clone() } else { b.clone() };
                tokio::spawn(async move { store.reserve_intake_budget(minute, 7, 100).await })
            })
            .collect();
        let mut granted = 0;
        for t in tasks {
            let g = t.await.unwrap().unwrap_or_else(|e| panic!("{engine}: {e}"));
            assert!(g <= 7, "{engine}: {g}");
            granted += g;
        }
        assert_eq!(granted, 100, "{engine}: exactly the limit, not one more");
        assert_eq!(a.reserve_intake_budget(minute, 7, 100).await.unwrap(), 0);
        assert_eq!(b.reserve_intake_budget(minute, 1, 100).await.unwrap(), 0);
        // The next minute starts afresh; a window far back is forgotten when a new one opens.
        assert_eq!(
            b.reserve_intake_budget(minute + 1, 7, 100).await.unwrap(),
            7
        );
        assert_eq!(a.reserve_intake_budget(minute + 1, 7, 10).await.unwrap(), 3);
        assert_eq!(
            a.reserve_intake_budget(minute + 20, 5, 10).await.unwrap(),
            5
        );
        let rows: i64 = match engine {
            "sqlite" => {
                let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.url))
                    .await
                    .unwrap();
                sqlx::query_scalar("SELECT COUNT(*) FROM intake_budget")
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
            _ => {
                let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
                sqlx::query_scalar("SELECT COUNT(*) FROM intake_budget")
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(rows, 1, "{engine}: only the newest window is kept");
        a.close().await;
        b.close().await;
        db.remove().await;
    }
}

/// docs/SPEC.md §2 police steps: appended, never overwritten; what each does to the case happens in the
/// step's own transaction, with the jobs it starts.
#[tokio::test]
async fn police_steps_are_appended_and_move_the_case_with_their_jobs() {
    use hotline_domain::police::{PoliceEffect, PoliceStep, PoliceStepKind as K};
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        let pol = StaffUser {
            id: 0,
            username: "pol".into(),
            role: Role::Police,
        };
        let step = |kind| PoliceStep {
            kind,
            reference: (kind == K::Acknowledged).then(|| "PV-1".to_owned()),
            reason: (kind == K::Declined)
                .then_some(hotline_domain::police::DeclineReason::NoJurisdiction),
            country: None,
            note: String::new(),
        };
        let mut ids = Vec::new();
        for path in ["example.com/p1", "example.com/p2"] {
            let stored = store
                .submit_report(&report(&[path], None), now)
                .await
                .unwrap();
            let id = stored.cases[0].case_id;
            let notice = hotline_store::NewJob::notice(id, now);
            let m = Move {
                to: CaseState::Referred,
                procedure: Procedure::ForwardUnopened,
                event: hotline_domain::timeline::Event::ReferredPolice,
                police_unit: Some("national"),
                close_reason: None,
                jobs: std::slice::from_ref(&notice),
            };
            store.move_case_by(id, m, &pol, now).await.unwrap();
            let jobs = store.jobs_of_case(id).await.unwrap();
            assert!(
                jobs.iter().any(|j| j.kind == "notice"),
                "{engine}: the move queued its job"
            );
            ids.push(id);
        }
        let (a, b) = (ids[0], ids[1]);
        let p = Procedure::ForwardUnopened;
        for kind in [K::Hold, K::Acknowledged, K::OrderRequested, K::Cleared] {
            store
                .record_police_step(a, &step(kind), p, &pol, now)
                .await
                .unwrap();
        }
        let record = store.police_record(a).await.unwrap();
        assert_eq!(record.steps().len(), 4, "{engine}: every step kept");
        assert!(
            record.hold_in_force(),
            "{engine}: later steps do not lift a hold"
        );
        assert_eq!(record.file_number(), Some("PV-1"));
        let err = store
            .record_police_step(b, &step(K::OrderServed), p, &pol, now)
            .await
            .unwrap_err();
        assert!(
            matches!(err, CaseActionError::PoliceStep(_)),
            "{engine}: {err}"
        );
        assert!(
            store.police_record(b).await.unwrap().steps().is_empty(),
            "{engine}: a refused step leaves nothing"
        );
        assert_eq!(
            store
                .record_police_step(a, &step(K::OrderServed), p, &pol, now)
                .await
                .unwrap(),
            PoliceEffect::AwaitRemoval
        );
        assert_eq!(
            store.case_summary(a).await.unwrap().unwrap().state,
            CaseState::AwaitingRemoval
        );
        let jobs = store.jobs_of_case(a).await.unwrap();
        assert!(
            jobs.iter().any(|j| j.kind == "monitor"),
            "{engine}: monitoring starts with the order served"
        );
        assert_eq!(
            store
                .record_police_step(b, &step(K::Declined), p, &pol, now)
                .await
                .unwrap(),
            PoliceEffect::Close(hotline_domain::CloseReason::DeclinedByPolice)
        );
        let file = store
            .case_file(b, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(file.state, CaseState::Closed, "{engine}");
        assert_eq!(
            file.closed_reason,
            Some(hotline_domain::CloseReason::DeclinedByPolice)
        );
        assert!(
            store
                .record_police_step(b, &step(K::Hold), p, &pol, now)
                .await
                .is_err(),
            "{engine}: no step on a closed case"
        );
    });
}

/// Copies everything in the WAL into the SQLite file, empties the WAL, and reads the file.
async fn checkpointed_file(raw: &mut sqlx::SqliteConnection, path: &str) -> Vec<u8> {
    let busy: (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(raw)
        .await
        .unwrap();
    assert_eq!(busy.0, 0, "the checkpoint ran");
    std::fs::read(path).unwrap()
}

/// Issue 18: erased data must not stay readable in the SQLite file's free space, and the
/// database and its backups are private to their owner whatever the umask.
#[tokio::test]
async fn erased_values_leave_no_bytes_in_the_sqlite_file_and_backups_are_private() {
    use sqlx::Connection;
    use std::os::unix::fs::PermissionsExt;
    use std::str::FromStr;
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(std::path::Path::new(&db.url)),
        0o600,
        "the database file"
    );
    for suffix in ["-wal", "-shm"] {
        let p = format!("{}{suffix}", db.url);
        if std::path::Path::new(&p).exists() {
            assert_eq!(mode(std::path::Path::new(&p)), 0o600, "{p}");
        }
    }

    let t0 = retention_clock(0);
    store
        .submit_report(
            &report(
                &["shop.example.com/?session=REPORTER-SESSION-0123456789"],
                Some("words the reporter wrote, long enough to be found again on disk"),
            ),
            t0,
        )
        .await
        .unwrap();
    let options = sqlx::sqlite::SqliteConnectOptions::from_str("sqlite://")
        .unwrap()
        .filename(&db.url);
    let mut raw = sqlx::SqliteConnection::connect_with(&options)
        .await
        .unwrap();
    let (description, submitted): (Vec<u8>, Vec<u8>) = sqlx::query_as(
        "SELECT r.description_sealed, ra.submitted_sealed FROM reports r \
         JOIN report_addresses ra ON ra.report_id = r.id",
    )
    .fetch_one(&mut raw)
    .await
    .unwrap();
    // Every 16-byte piece of a sealed value: random-looking, so found only where it was written.
    let pieces = |v: &[u8]| v.chunks_exact(16).map(<[u8]>::to_vec).collect::<Vec<_>>();
    let file = checkpointed_file(&mut raw, &db.url).await;
    let found = |file: &[u8], piece: &[u8]| file.windows(piece.len()).any(|w| w == piece);
    assert!(
        pieces(&description).iter().all(|p| found(&file, p)),
        "the sealed description is in the file before the purge"
    );

    let policy = hotline_domain::retention::RetentionPolicy {
        contact_days: 1,
        description_days: 1,
        closed_case_days: 0,
        check_history_days: 0,
        audit_days: 0,
    };
    let c = policy.cutoffs(ms(retention_clock(10)));
    let purged = store.purge(&c, "test", retention_clock(10)).await.unwrap();
    assert_eq!(
        (purged.descriptions, purged.addresses_as_typed),
        (1, 1),
        "{purged:?}"
    );
    let file = checkpointed_file(&mut raw, &db.url).await;
    for (what, value) in [("description", &description), ("address", &submitted)] {
        let left: Vec<_> = pieces(value)
            .into_iter()
            .filter(|p| found(&file, p))
            .collect();
        assert!(
            left.is_empty(),
            "{} pieces of the purged {what} are still in the file (secure_delete is off?)",
            left.len()
        );
    }
    raw.close().await.unwrap();

    let backup = db.dir.join("backup.db");
    store.backup_to(&backup).await.unwrap();
    assert_eq!(mode(&backup), 0o600, "a backup is private to its owner");
    store.close().await;
    db.remove().await;
}

/// Issue 18: a second factor reset (a lost phone, perhaps with the tokens on it) revokes the
/// account's API tokens and ends its sessions; another account's token is untouched.
#[tokio::test]
async fn a_second_factor_reset_revokes_the_accounts_tokens() {
    on_every_engine!(|store, engine| {
        let now = OffsetDateTime::now_utc();
        analyst(&store).await;
        store
            .create_user("bob", Role::Analyst, "a long enough password", "test", now)
            .await
            .unwrap();
        let ann = store.create_token("ann", "test", now).await.unwrap();
        let bob = store.create_token("bob", "test", now).await.unwrap();
        assert!(store.token_user(&ann).await.unwrap().is_some(), "{engine}");
        store.reset_totp("ann", "admin", now).await.unwrap();
        assert!(
            store.token_user(&ann).await.unwrap().is_none(),
            "{engine}: the reset account's token stops"
        );
        assert!(
            store.token_user(&bob).await.unwrap().is_some(),
            "{engine}: others' tokens go on"
        );
    });
}

// ---- Finding and grouping (the analysts' workbench) --------------------------------------------

fn hosted(ip: &str, asn: u32, country: &str, at_ms: i64) -> hotline_domain::trace::Trace {
    hotline_domain::trace::Trace {
        host: "a.example.com".into(),
        traced_at_ms: at_ms,
        addresses: vec![hotline_domain::trace::HostingAddress {
            ip: ip.into(),
            asn: Some(asn),
            country: Some(country.into()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn cases_are_found_by_every_field_and_grouped_by_report_domain_and_host() {
    use hotline_store::{CaseSet, GroupKind, SearchBy};
    for db in TestDatabase::all().await {
        let store = open(&db).await;
        let engine = db.engine;
        let t0 = OffsetDateTime::now_utc() - time::Duration::hours(3);
        store
            .create_user("sue", Role::Supervisor, "a long enough password", "cli", t0)
            .await
            .unwrap();
        let sue = StaffUser {
            id: 1,
            username: "sue".into(),
            role: Role::Supervisor,
        };
        let three = store
            .submit_report(
                &report(
                    &[
                        "https://a.example.com/Gallery/1",
                        "https://a.example.com/gallery/2",
                        "https://b.example.com/x",
                    ],
                    None,
                ),
                t0,
            )
            .await
            .unwrap();
        let ids: Vec<i64> = three.cases.iter().map(|c| c.case_id).collect();
        let other = store
            .submit_report(
                &report(&["https://c.example.org/x_y"], None),
                t0 + time::Duration::hours(1),
            )
            .await
            .unwrap();
        let lone = other.cases[0].case_id;
        let search = |by: SearchBy| {
            let store = &store;
            async move {
                store
                    .search_cases(&by, None, 50, None)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|c| c.case_id)
                    .collect::<Vec<i64>>()
            }
        };
        let mut newest_first = ids.clone();
        newest_first.reverse();
        assert_eq!(
            search(SearchBy::Domain("example.com".into())).await,
            newest_first,
            "{engine}: by domain, newest first"
        );
        assert_eq!(
            search(SearchBy::Host("a.example.com".into())).await,
            vec![ids[1], ids[0]],
            "{engine}"
        );
        assert_eq!(
            search(SearchBy::Address("gallery/1".into())).await,
            vec![ids[0]],
            "{engine}: a piece of the address, any case"
        );
        assert_eq!(search(SearchBy::Address("x_y".into())).await, vec![lone]);
        assert!(
            search(SearchBy::Address("e_c".into())).await.is_empty(),
            "{engine}: _ is itself, not any character (\"le.com\")"
        );
        assert!(search(SearchBy::Address("e%c".into())).await.is_empty());
        assert_eq!(search(SearchBy::Case(lone)).await, vec![lone]);
        assert!(search(SearchBy::Case(lone + 100)).await.is_empty());
        // Paging: below a case number.
        let page = store
            .search_cases(
                &SearchBy::Domain("example.com".into()),
                Some(ids[2]),
                1,
                None,
            )
            .await
            .unwrap();
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].case_id, ids[1], "{engine}: the next page");

        // Hosting: by IP, AS and country, from the latest trace only.
        let ms = |t: OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
        store
            .save_trace(ids[0], &hosted("192.0.2.10", 64500, "NL", ms(t0)))
            .await
            .unwrap();
        store
            .save_trace(ids[1], &hosted("192.0.2.10", 64500, "NL", ms(t0)))
            .await
            .unwrap();
        assert_eq!(
            search(SearchBy::Ip("192.0.2.10".into())).await,
            vec![ids[1], ids[0]],
            "{engine}"
        );
        assert_eq!(search(SearchBy::Asn(64500)).await, vec![ids[1], ids[0]]);
        assert_eq!(
            search(SearchBy::Country("nl".into())).await,
            vec![ids[1], ids[0]]
        );
        store
            .save_trace(ids[1], &hosted("198.51.100.7", 64501, "DE", ms(t0) + 1000))
            .await
            .unwrap();
        assert_eq!(
            search(SearchBy::Ip("192.0.2.10".into())).await,
            vec![ids[0]],
            "{engine}: the case moved to another address"
        );
        assert_eq!(search(SearchBy::Country("DE".into())).await, vec![ids[1]]);
        let found = store
            .search_cases(&SearchBy::Case(ids[1]), None, 5, None)
            .await
            .unwrap();
        assert_eq!(
            found[0].countries, "DE",
            "{engine}: the latest trace's country"
        );

        // Partner reference and police file number.
        raw(
            &db,
            &format!(
                "INSERT INTO referrals (case_id, direction, partner, referral_id, their_reference, created_at, updated_at) \
                 VALUES ({}, 'out', 'be', 'ref-1', 'THEIRS-9', 0, 0)",
                ids[2]
            ),
        )
        .await;
        raw(
            &db,
            &format!(
                "INSERT INTO police_steps (case_id, at, step, reference, actor) VALUES ({lone}, 0, 'acknowledged', 'PV-2026-77', 'pol')"
            ),
        )
        .await;
        assert_eq!(
            search(SearchBy::PartnerReference("THEIRS-9".into())).await,
            vec![ids[2]],
            "{engine}"
        );
        assert_eq!(
            search(SearchBy::PartnerReference("ref-1".into())).await,
            vec![ids[2]]
        );
        assert_eq!(
            search(SearchBy::PoliceReference("PV-2026-77".into())).await,
            vec![lone]
        );
        // The police see only their unit's cases.
        assert!(
            store
                .search_cases(&SearchBy::Case(lone), None, 5, Some("national"))
                .await
                .unwrap()
                .is_empty(),
            "{engine}"
        );

        // Groups: open cases per host and domain, the longest waiting first.
        let hosts = store.case_groups(GroupKind::Host, None, 10).await.unwrap();
        let by_host: Vec<(&str, i64)> = hosts
            .iter()
            .map(|g| (g.key.as_str(), g.open_cases))
            .collect();
        assert_eq!(
            by_host,
            vec![
                ("a.example.com", 2),
                ("b.example.com", 1),
                ("c.example.org", 1)
            ],
            "{engine}"
        );
        let domains = store
            .case_groups(GroupKind::Domain, None, 10)
            .await
            .unwrap();
        assert_eq!(domains[0].key, "example.com");
        assert_eq!(domains[0].open_cases, 3);
        assert_eq!(
            (domains[0].oldest_at.unix_timestamp_nanos() / 1_000_000) as i64,
            ms(t0),
            "{engine}"
        );
        let second = store
            .case_groups(
                GroupKind::Host,
                Some((ms(hosts[0].oldest_at), hosts[0].key.clone())),
                1,
            )
            .await
            .unwrap();
        assert_eq!(second[0].key, "b.example.com", "{engine}: keyset paging");

        // Closing keeps the counts: the triggers follow every state change.
        let (closed, _) = store.close_as_spam(&[ids[0]], &sue, t0).await.unwrap();
        assert_eq!(closed, vec![ids[0]]);
        let spam = store
            .case_file(ids[0], false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            spam.closed_reason,
            Some(hotline_domain::CloseReason::Spam),
            "{engine}: a spam closure says why, as every closure does"
        );
        let hosts = store.case_groups(GroupKind::Host, None, 10).await.unwrap();
        assert_eq!(hosts[0].key, "a.example.com");
        assert_eq!(hosts[0].open_cases, 1, "{engine}");
        store.close_as_spam(&[lone], &sue, t0).await.unwrap();
        let hosts = store.case_groups(GroupKind::Host, None, 10).await.unwrap();
        assert!(
            hosts.iter().all(|g| g.key != "c.example.org"),
            "{engine}: a host with nothing open is not listed"
        );
        store.reopen_case(lone, &sue, t0).await.unwrap();
        let hosts = store.case_groups(GroupKind::Host, None, 10).await.unwrap();
        assert!(
            hosts
                .iter()
                .any(|g| g.key == "c.example.org" && g.open_cases == 1),
            "{engine}: reopened"
        );

        // By report: the report's addresses together, in the reporter's order.
        let reports = store.report_groups(None, 10).await.unwrap();
        let mine = reports
            .iter()
            .find(|r| r.report_id == three.report_id)
            .unwrap();
        assert_eq!(
            (mine.addresses, mine.open_cases, mine.waiting),
            (3, 2, 2),
            "{engine}"
        );
        let set = CaseSet::Report(three.report_id);
        let members: Vec<i64> = store
            .cases_of_set(&set, 100)
            .await
            .unwrap()
            .iter()
            .map(|c| c.case_id)
            .collect();
        assert_eq!(members, ids, "{engine}");
        assert_eq!(store.next_in_set(&set, ids[1]).await.unwrap(), Some(ids[2]));
        assert_eq!(
            store
                .next_in_set(&CaseSet::Host("a.example.com".into()), ids[1])
                .await
                .unwrap(),
            None,
            "{engine}: the other case of the host is closed"
        );
        assert_eq!(
            store.next_in_set(&CaseSet::Queue, ids[1]).await.unwrap(),
            Some(ids[2])
        );

        // Related cases: same host, other hosts of the domain, same IP.
        store
            .save_trace(ids[2], &hosted("198.51.100.7", 64501, "DE", ms(t0)))
            .await
            .unwrap();
        let related = store.related_cases(ids[1], 10).await.unwrap();
        let of = |l: &[hotline_store::FoundCase]| l.iter().map(|c| c.case_id).collect::<Vec<_>>();
        assert_eq!(of(&related.same_host), vec![ids[0]], "{engine}");
        assert_eq!(related.same_host[0].state, CaseState::Closed);
        assert_eq!(of(&related.same_domain), vec![ids[2]]);
        assert_eq!(of(&related.same_ip), vec![ids[2]], "{engine}");
        let history = related.domain.unwrap();
        assert_eq!(
            (history.domain.as_str(), history.open_cases),
            ("example.com", 2)
        );
        assert_eq!(
            store.case_state(ids[0]).await.unwrap(),
            Some(CaseState::Closed)
        );
        assert_eq!(store.case_state(lone + 100).await.unwrap(), None);
        let countries = store
            .hosting_countries(&[ids[0], ids[1], lone])
            .await
            .unwrap();
        assert_eq!(countries.get(&ids[1]).map(String::as_str), Some("DE"));
        assert_eq!(countries.get(&lone), None, "{engine}: never traced");
        store.close().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn a_notice_link_opens_its_own_notice_only_until_the_case_closes() {
    use hotline_domain::answers::HostAnswerInput;
    use hotline_store::NewNotice;
    for db in TestDatabase::all().await {
        let store = open(&db).await;
        let engine = db.engine;
        let now = OffsetDateTime::now_utc();
        let stored = store
            .submit_report(&report(&["a.example.com/x", "b.example.com/y"], None), now)
            .await
            .unwrap();
        let (a, b) = (stored.cases[0].case_id, stored.cases[1].case_id);
        let notice = |case: i64| NewNotice {
            recipient: format!("abuse@host{case}.example.com"),
            role: "host".into(),
            subject: "S".into(),
            body: "B".into(),
            xarf: "{}".into(),
            message_id: format!("notice-{case}@hotline.example.com"),
            kind: hotline_domain::notice::NoticeKind::Notice,
            round: 0,
        };
        store.queue_notices(a, &[notice(a)], now).await.unwrap();
        store.queue_notices(b, &[notice(b)], now).await.unwrap();
        let token = |case: i64| {
            store
                .keys()
                .host_answer_token(&format!("notice-{case}@hotline.example.com"))
        };
        let page = store.host_answer_page(&token(a)).await.unwrap().unwrap();
        assert_eq!(page.address, stored.cases[0].canonical, "{engine}");
        let page_b = store.host_answer_page(&token(b)).await.unwrap().unwrap();
        assert_eq!(page_b.address, stored.cases[1].canonical, "{engine}");
        // Not stored as given, and another key file's token opens nothing.
        let other =
            Keyring::for_tests(8).host_answer_token(&format!("notice-{a}@hotline.example.com"));
        assert!(store.host_answer_page(&other).await.unwrap().is_none());
        let mut altered = token(a);
        altered.replace_range(..1, if altered.starts_with('0') { "1" } else { "0" });
        assert!(store.host_answer_page(&altered).await.unwrap().is_none());
        // An answer through a's link lands on a only, audited in its recipient's name, and
        // "removed" has a checked at once.
        let removed = HostAnswerInput::parse(Some("removed"), None).unwrap();
        assert_eq!(
            store
                .record_host_reply(&token(a), &removed, now)
                .await
                .unwrap(),
            Some(a)
        );
        let file_a = store
            .case_file(a, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        let file_b = store
            .case_file(b, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert!(
            file_a
                .timeline
                .iter()
                .any(|e| e.kind.as_str() == "host_answered")
        );
        assert!(
            !file_b
                .timeline
                .iter()
                .any(|e| e.kind.as_str() == "host_answered")
        );
        let jobs = store.jobs_of_case(a).await.unwrap();
        assert!(
            jobs.iter().any(|j| j.kind == "monitor"),
            "{engine}: {jobs:?}"
        );
        assert!(
            store
                .jobs_of_case(b)
                .await
                .unwrap()
                .iter()
                .all(|j| j.kind != "monitor")
        );
        let page = store.host_answer_page(&token(a)).await.unwrap().unwrap();
        assert_eq!(page.answers.len(), 1);
        let audit = store
            .audit_events(
                &hotline_store::AuditFilter {
                    actor: Some(format!("host:abuse@host{a}.example.com")),
                    ..Default::default()
                },
                5,
            )
            .await
            .unwrap();
        assert_eq!(audit.len(), 1, "{engine}");
        assert!(store.verify_audit().await.unwrap().is_ok(), "{engine}");
        // Closed: the link opens nothing, and takes no answer.
        raw(
            &db,
            &format!("UPDATE cases SET state = 'closed' WHERE id = {a}"),
        )
        .await;
        assert!(store.host_answer_page(&token(a)).await.unwrap().is_none());
        assert_eq!(
            store
                .record_host_reply(&token(a), &removed, now)
                .await
                .unwrap(),
            None
        );
        assert!(store.host_answer_page(&token(b)).await.unwrap().is_some());
        store.close().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn a_reporter_answers_by_receipt_sealed_and_purged_with_the_messages() {
    use hotline_store::answers::ReporterAnswerOutcome;
    on_every_engine!(|store, engine| {
        let t0 = OffsetDateTime::now_utc();
        let stored = store
            .submit_report(&report(&["dialogue.example.com/x"], None), t0)
            .await
            .unwrap();
        let id = stored.cases[0].case_id;
        assert_eq!(
            store
                .answer_as_reporter(&stored.receipt, "early", t0)
                .await
                .unwrap(),
            ReporterAnswerOutcome::NothingToAnswer,
            "{engine}"
        );
        let unknown = Receipt::from_random([9; 10]);
        assert_eq!(
            store.answer_as_reporter(&unknown, "x", t0).await.unwrap(),
            ReporterAnswerOutcome::UnknownReceipt
        );
        let ann = analyst(&store).await;
        store
            .message_reporter(id, stored.report_id, "A question?", &ann, t0)
            .await
            .unwrap();
        // The message queued a news job; it mails only those who asked (this one did not).
        assert!(
            store
                .jobs_of_case(id)
                .await
                .unwrap()
                .iter()
                .all(|j| j.kind != "reporter_news")
        );
        assert_eq!(
            store.reporter_news_address(stored.report_id).await.unwrap(),
            None
        );
        assert_eq!(
            store.cases_with_new_answers(&[id]).await.unwrap(),
            Vec::<i64>::new()
        );
        let t1 = t0 + time::Duration::seconds(1);
        assert_eq!(
            store
                .answer_as_reporter(&stored.receipt, "An answer.", t1)
                .await
                .unwrap(),
            ReporterAnswerOutcome::Recorded
        );
        let status = store.report_status(&stored.receipt).await.unwrap().unwrap();
        assert_eq!(
            status
                .messages
                .iter()
                .map(|m| (m.body.as_str(), m.from_reporter))
                .collect::<Vec<_>>(),
            [("A question?", false), ("An answer.", true)]
        );
        assert_eq!(
            store.cases_with_new_answers(&[id, id + 100]).await.unwrap(),
            [id]
        );
        let dialogue = store.dialogue_of_case(id).await.unwrap();
        assert_eq!(dialogue.len(), 2);
        assert!(dialogue[1].from_reporter && dialogue[1].body == "An answer.");
        let file = store
            .case_file(id, false, hotline_domain::ContactView::Hidden)
            .await
            .unwrap()
            .unwrap();
        assert!(
            file.timeline
                .iter()
                .any(|e| e.kind.as_str() == "reporter_answered"),
            "{engine}"
        );
        // Purged with the messages, per the description period.
        let cutoffs = hotline_domain::retention::Cutoffs {
            description_before_ms: Some(ms(t1 + time::Duration::seconds(1))),
            ..Default::default()
        };
        let counts = store.purge(&cutoffs, "test", t1).await.unwrap();
        assert_eq!(counts.reporter_messages, 2, "{engine}");
        assert!(store.dialogue_of_case(id).await.unwrap().is_empty());
    });
}

/// Issue 19: search by address fragment reads a trigram index of the canonical addresses
/// (migration 0029), finds what contains the fragment and nothing else, pages newest first,
/// and never finds what retention erases: the address as the reporter typed it (user-info, a
/// fragment) is not indexed, before or after the purge, while the canonical address the case
/// works with stays findable (docs/THREAT-MODEL.md).
#[tokio::test]
async fn an_address_fragment_is_found_through_the_index_and_erased_text_never_is() {
    use hotline_domain::retention::RetentionPolicy;
    use hotline_store::SearchBy;
    for db in TestDatabase::all().await {
        let store = open(&db).await;
        let engine = db.engine;
        let t0 = retention_clock(0);
        let first = store
            .submit_report(
                &report(&["https://gallery-12.example.com/Album/Photo-7.html"], None),
                t0,
            )
            .await
            .unwrap()
            .cases[0]
            .case_id;
        let second = store
            .submit_report(
                &report(&["https://gallery-123.example.com/album/x"], None),
                t0 + time::Duration::minutes(1),
            )
            .await
            .unwrap()
            .cases[0]
            .case_id;
        let typed = store
            .submit_report(
                &report(
                    &["https://reporter:TypedSecret99@shop-4.test/basket#MyFragment77"],
                    Some("words"),
                ),
                t0 + time::Duration::minutes(2),
            )
            .await
            .unwrap()
            .cases[0]
            .case_id;
        // Newer cases than these, so PostgreSQL, which first reads the newest 20,000 cases one
        // by one, finds these through the trigram index.
        store
            .seed_shaped(
                20_100,
                hotline_store::SeedShape::Simple,
                t0 + time::Duration::hours(1),
            )
            .await
            .unwrap();
        let search = |q: &str, before: Option<i64>, limit: i64| {
            let store = &store;
            let by = SearchBy::Address(q.to_owned());
            async move {
                store
                    .search_cases(&by, before, limit, None)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|c| c.case_id)
                    .collect::<Vec<i64>>()
            }
        };
        assert_eq!(
            search("gallery-12", None, 50).await,
            vec![second, first],
            "{engine}: every address containing the fragment, newest first"
        );
        assert_eq!(
            search("gallery-123", None, 50).await,
            vec![second],
            "{engine}"
        );
        assert_eq!(
            search("ALBUM/photo-7", None, 50).await,
            vec![first],
            "{engine}: case-insensitive"
        );
        assert_eq!(
            search("shop-4.test/basket", None, 50).await,
            vec![typed],
            "{engine}"
        );
        assert!(
            search("gallery-1234", None, 50).await.is_empty(),
            "{engine}"
        );
        assert!(
            search("12.example.org", None, 50).await.is_empty(),
            "{engine}: every trigram present is not enough; the whole fragment must be"
        );
        assert!(
            search("photo\"-7", None, 50).await.is_empty(),
            "{engine}: a quote is text"
        );
        assert_eq!(
            search("gallery-12", None, 1).await,
            vec![second],
            "{engine}"
        );
        assert_eq!(
            search("gallery-12", Some(second), 1).await,
            vec![first],
            "{engine}: the next page"
        );
        // Two characters have no trigram: only the newest 10,000 cases are scanned, so these
        // three, older than the 20,100 seeded after them, are not looked at.
        let newest = search("/G", None, 5).await;
        assert_eq!(
            newest.len(),
            5,
            "{engine}: the seeded addresses have /gallery/"
        );
        assert!(newest.iter().all(|id| *id > typed), "{engine}: {newest:?}");
        assert!(search("/A", None, 50).await.is_empty(), "{engine}");
        assert!(search("zq", None, 50).await.is_empty(), "{engine}");

        // The index answers the search (no scan of every case).
        if engine == "sqlite" {
            use sqlx::Connection;
            let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.url))
                .await
                .unwrap();
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM case_address_trigrams WHERE case_address_trigrams MATCH '\"gallery-12\"'",
            )
            .fetch_one(&mut c)
            .await
            .unwrap();
            assert_eq!(n, 2, "the trigram index holds the canonical addresses");
        } else {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query("SET enable_seqscan = off")
                .execute(&mut c)
                .await
                .unwrap();
            let plan: Vec<String> = sqlx::query_scalar(
                "EXPLAIN SELECT id FROM cases WHERE canonical_url ILIKE '%gallery-12%'",
            )
            .fetch_all(&mut c)
            .await
            .unwrap();
            assert!(
                plan.iter().any(|l| l.contains("cases_canonical_trigrams")),
                "the trigram index serves ILIKE: {plan:?}"
            );
        }

        // What retention erases was never indexed, and stays unfindable after the purge.
        for gone in ["TypedSecret99", "reporter:", "MyFragment77"] {
            assert!(search(gone, None, 50).await.is_empty(), "{engine}: {gone}");
        }
        let policy = RetentionPolicy {
            description_days: 30,
            ..RetentionPolicy::default()
        };
        let c = policy.cutoffs(ms(retention_clock(45)));
        let purged = store.purge(&c, "test", retention_clock(45)).await.unwrap();
        assert!(purged.addresses_as_typed >= 3, "{engine}: {purged:?}");
        for gone in ["TypedSecret99", "reporter:", "MyFragment77"] {
            assert!(search(gone, None, 50).await.is_empty(), "{engine}: {gone}");
        }
        assert_eq!(
            search("shop-4.test", None, 50).await,
            vec![typed],
            "{engine}: the canonical address stays, and with it the index"
        );
        store.close().await;
        db.remove().await;
    }
}
