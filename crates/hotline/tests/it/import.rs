//! `hotline import`: 100,000 JSON lines with 1% deliberately broken. Every good line is
//! stored exactly once, also when the first run is killed (SIGKILL) after its first committed
//! batch and the import is started again; every broken line is listed with its line number.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::support::{BIN, each_engine, hotline, open_store};

const LINES: usize = 100_000;

/// Line `n` (from 1): every hundredth is broken, in one of five ways.
fn line(n: usize) -> String {
    if n.is_multiple_of(100) {
        return match (n / 100) % 5 {
            0 => "{\"urls\": [\"http://broken.example.test/\"".to_owned(), // cut off
            1 => "{\"urls\": [], \"where_found\": \"website\"}".to_owned(),
            2 => "{\"urls\": [\"javascript:alert(1)\"], \"where_found\": \"website\"}".to_owned(),
            3 => format!(
                "{{\"urls\": [\"http://x{n}.example.test/\"], \"where_found\": \"website\", \"colour\": \"red\"}}"
            ),
            _ => format!(
                "{{\"urls\": [\"http://x{n}.example.test/\"], \"where_found\": \"on a bus\"}}"
            ),
        };
    }
    format!(
        "{{\"urls\": [\"http://site-{}.example.test/item/{n}\"], \"where_found\": \"website\", \"description\": \"imported line {n}\"}}",
        n % 500
    )
}

fn import_command(db: &hotline_store::testing::TestDatabase, file: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("import")
        .arg(file)
        .arg("--data-dir")
        .arg(&db.dir)
        .args(["--database", &db.url])
        .env("HOTLINE_NETWORK__OFFLINE", "true");
    cmd
}

#[tokio::test]
async fn a_killed_import_started_again_stores_every_good_line_once() {
    each_engine(|db| async move {
        let file = db.dir.join("reports.jsonl");
        {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
            for n in 1..=LINES {
                writeln!(f, "{}", line(n)).unwrap();
            }
        }
        // Create the database (and its keys) first, as an operator would.
        assert!(hotline(&db, &["migrate"]).status.success());

        // First run: killed as soon as it reports its first committed batch.
        let mut child = import_command(&db, &file)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut seen = String::new();
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            seen.push_str(&l);
            seen.push('\n');
            if l.starts_with("import: ") {
                break;
            }
        }
        child.kill().unwrap();
        let _ = child.wait();
        assert!(
            seen.contains("import: "),
            "{}: no progress line: {seen}",
            db.engine
        );
        let store = open_store(&db).await;
        let counts = store.counts().await.unwrap();
        assert!(
            counts.reports > 0 && counts.reports < 99_000,
            "{}: the first run was killed midway: {counts:?}",
            db.engine
        );

        // Second run: resumes and finishes.
        let out = import_command(&db, &file).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: rejected lines give status 2: {stderr}",
            db.engine
        );
        assert!(stderr.contains("resuming"), "{stderr}");
        let counts = store.counts().await.unwrap();
        assert_eq!(
            counts.reports, 99_000,
            "{}: every good line once",
            db.engine
        );
        assert_eq!(
            counts.cases, 99_000,
            "{}: no line was stored twice",
            db.engine
        );

        // Every broken line is listed, with its number, once.
        let listed: Vec<usize> = stdout
            .lines()
            .map(|l| {
                l.strip_prefix("line ")
                    .and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("not a rejected-line report: {l}"))
            })
            .collect();
        let expected: Vec<usize> = (1..=LINES).filter(|n| n.is_multiple_of(100)).collect();
        assert_eq!(listed, expected, "{}", db.engine);
        assert!(
            stdout.contains("line 100: urls: give at least one web address"),
            "{stdout}"
        );
        assert!(
            stdout.contains("line 500: not a report"),
            "broken JSON is named"
        );
        assert!(stdout.contains("colour"), "unknown fields are named");
        assert!(stdout.contains("on a bus"), "bad values are named");

        // A third run finds the file done: nothing more is stored.
        let out = import_command(&db, &file).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("imported before"));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().lines().count(),
            1_000
        );
        assert_eq!(store.counts().await.unwrap().reports, 99_000);

        // Imported reports carry the channel `import`.
        let imported = count(&db, "SELECT COUNT(*) FROM reports WHERE channel = 'import'").await;
        assert_eq!(imported, 99_000);
        store.close().await;
        db
    })
    .await;
}

#[tokio::test]
async fn a_csv_file_is_imported_and_its_bad_rows_named() {
    each_engine(|db| async move {
        let file = db.dir.join("reports.csv");
        std::fs::write(
            &file,
            "urls,where_found,urgent,description\n\
             http://a.example.test/1 http://b.example.test/2,website,no,\"two, with a comma\"\n\
             http://c.example.test/3,chat,maybe,\n\
             ,website,no,nothing\n\
             http://d.example.test/4,email,yes,\"a\nlong\ndescription\"\n",
        )
        .unwrap();
        let out = hotline(&db, &["import", file.to_str().unwrap()]);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{stdout}");
        assert!(lines[0].starts_with("line 3: urgent"), "{stdout}");
        assert!(lines[1].starts_with("line 4: urls"), "{stdout}");
        let store = open_store(&db).await;
        let counts = store.counts().await.unwrap();
        assert_eq!((counts.reports, counts.cases), (2, 3));
        let urgent = store.case_summary(3).await.unwrap().unwrap();
        assert!(urgent.urgent && urgent.canonical == "http://d.example.test/4");
        store.close().await;
        db
    })
    .await;
}

/// A number the database answers, read directly.
async fn count(db: &hotline_store::testing::TestDatabase, sql: &str) -> i64 {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if db.engine == "postgres" {
        let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
    } else {
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.url))
            .await
            .unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
    }
}
