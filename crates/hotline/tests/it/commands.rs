//! The operator commands, run as a person would run them.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{BIN, each_engine, hotline};

#[tokio::test]
async fn migrate_applies_and_is_idempotent() {
    each_engine(|db| async move {
        for _ in 0..2 {
            let out = hotline(&db, &["migrate"]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).trim(),
                "migrations applied"
            );
        }
        db
    })
    .await;
}

#[test]
fn a_notice_template_without_the_good_faith_statement_stops_the_start_naming_it() {
    let dir = std::env::temp_dir().join(format!("hotline-tpl-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let template = dir.join("notice.j2");
    std::fs::write(
        &template,
        "Removal request {{ reference }}\n\nPlease remove {{ address }} ({{ statute }}).\nContact: {{ hotline_email }}\n",
    )
    .unwrap();
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--workers",
            "0",
            "--data-dir",
        ])
        .arg(&dir)
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        .env("HOTLINE_NOTICES__TEMPLATE_FILE", &template)
        .env_remove("HOTLINE_DATABASE_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A start that is not refused would serve for ever: give it a minute, then fail.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server started with a template that lacks the good-faith statement");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!status.success());
    assert!(err.contains("notices.template_file"), "{err}");
    assert!(err.contains("the good-faith statement"), "{err}");
    assert!(
        !err.contains("Art. 16(2)(b)"),
        "only what is missing: {err}"
    );
    // With the statement, the same file is accepted (the command that reads it succeeds).
    std::fs::write(
        &template,
        "Removal request {{ reference }}\n\nPlease remove {{ address }} ({{ statute }}).\nIn good faith, {{ hotline_email }}\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["partner", "import", "--data-dir"])
        .arg(&dir)
        .env("HOTLINE_NETWORK__OFFLINE", "true")
        .env("HOTLINE_NOTICES__TEMPLATE_FILE", &template)
        .env_remove("HOTLINE_DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_configuration_and_arguments_are_refused_clearly() {
    let dir = std::env::temp_dir().join(format!("hotline-cfg-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(BIN)
        .args(["migrate", "--data-dir"])
        .arg(&dir)
        .env("HOTLINE_NATIONAL__TAKEDOWN_BY", "nobody")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
    assert!(
        err.contains("takedown_by") && err.contains("nobody"),
        "{err}"
    );

    let out = Command::new(BIN)
        .args(["serve", "--listen", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--listen"));

    let out = Command::new(BIN)
        .args(["migrate", "--data-dir"])
        .arg(&dir)
        .args(["--database", "mysql://example.invalid/x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database address"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn url_canon_reads_lines_and_never_stops() {
    let mut child = Command::new(BIN)
        .args(["url", "canon"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"http://3221225985/\nmailto:x@example.com\nhttp://0xC0.0.02.1/\nB\xC3\xBCcher.example\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["canonical"], "http://192.0.2.1/");
    assert_eq!(lines[0]["input"], "http://3221225985/");
    assert!(lines[1]["error"].as_str().unwrap().contains("mailto"));
    assert_eq!(lines[2]["canonical"], lines[0]["canonical"]);
    assert_eq!(lines[3]["host"], "xn--bcher-kva.example");
    assert_eq!(lines[3]["registrable_domain"], "xn--bcher-kva.example");
}

/// Runs the binary against a test database; returns (success, stdout, stderr).
fn run(db: &hotline_store::testing::TestDatabase, args: &[&str]) -> (bool, String, String) {
    let out = hotline(db, args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn the_inhope_directory_imports_as_manual_partners_and_never_overrides_an_admin() {
    each_engine(|db| async move {
        let (ok, _, err) = run(
            &db,
            &["partner", "add", "Our NL contact", "--countries", "NL"],
        );
        assert!(ok, "{err}");
        let (ok, out, err) = run(&db, &["partner", "import"]);
        assert!(ok, "{err}");
        assert!(out.starts_with("added "), "{out}");
        // The shipped directory gives ICCAM hotline numbers where a source has them.
        assert!(!out.contains("Child Focus (Belgium)"), "BE is this hotline's own country: {out}");
        assert!(!out.contains("Offlimits (Netherlands)"), "NL was set up by the admin: {out}");
        assert!(out.contains("  BEE SECURE Stopline (Luxembourg): ICCAM hotline 41"), "{out}");
        let list = |db| {
            let (ok, out, err) = run(db, &["partner", "list"]);
            assert!(ok, "{err}");
            out.lines()
                .map(|l| l.split('\t').map(str::to_owned).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let partners = list(&db);
        // The admin's NL partner stays the only one for NL; this hotline's own country (BE by
        // default) is not a partner; the rest arrive as manual partners.
        let for_country = |cc: &str| {
            partners
                .iter()
                .filter(|p| p[1].split(',').any(|c| c == cc))
                .map(|p| (p[0].clone(), p[2].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(for_country("NL"), [("Our NL contact".to_owned(), "manual".to_owned())]);
        assert!(for_country("BE").is_empty(), "{partners:?}");
        assert_eq!(
            for_country("LU"),
            [("BEE SECURE Stopline (Luxembourg)".to_owned(), "manual".to_owned())]
        );
        assert!(partners.len() > 20, "{partners:?}");
        // Importing again adds nothing.
        let (ok, out, _) = run(&db, &["partner", "import"]);
        assert!(ok && out.starts_with("added 0 "), "{out}");
        // A bad file is refused with the entry named, and changes nothing.
        let bad = db.dir.join("directory.toml");
        std::fs::write(
            &bad,
            "[[partner]]\nname = \"A\"\ncountries = [\"XA\"]\n\n[[partner]]\nname = \"B\"\ncountries = [\"Netherlands\"]\n",
        )
        .unwrap();
        let (ok, _, err) = run(&db, &["partner", "import", bad.to_str().unwrap()]);
        assert!(!ok);
        assert!(err.contains("partner 2 (\"B\")") && err.contains("\"Netherlands\""), "{err}");
        assert_eq!(list(&db).len(), partners.len());
        let (ok, _, err) = run(&db, &["partner", "add", "X", "--countries", "Netherlands"]);
        assert!(!ok && err.contains("--countries") && err.contains("\"Netherlands\""), "{err}");
        assert_eq!(list(&db).len(), partners.len());
        db
    })
    .await;
}
