//! The operator commands, run as a person would run them.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{BIN, each_engine};

#[tokio::test]
async fn migrate_applies_and_is_idempotent() {
    each_engine(|db| async move {
        for _ in 0..2 {
            let out = Command::new(BIN)
                .args(["migrate", "--data-dir"])
                .arg(&db.dir)
                .args(["--database", &db.url])
                .output()
                .unwrap();
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
