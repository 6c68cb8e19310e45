//! `hotline import FILE`: reports in bulk, as JSON lines in the API's report body shape or as
//! CSV. Every line goes through the same domain validation as the API (`NewReport::parse`);
//! good lines are stored with channel `import`, bad ones are listed with their line number and
//! the reason. Lines are committed in batches, each with the file's progress, so an import that
//! is interrupted and started again stores every good line exactly once.

use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use sha2::Digest;
use time::OffsetDateTime;

use hotline_domain::{Channel, Language, NewReport, ReportInput};
use hotline_store::{ImportReject, Store};
use hotline_web::api::ReportBody;

/// Lines per transaction: large enough that commits do not dominate, small enough that an
/// interruption repeats little work.
const BATCH_LINES: usize = 1_000;

/// The two shapes an import file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// One JSON object per line, as the body of `POST /api/v1/reports`.
    Jsonl,
    /// A header line naming the columns urls, where_found, description, language, urgent,
    /// contact_name, contact_email, police_may_contact (only urls is required); several
    /// addresses in one cell are separated by spaces or line breaks.
    Csv,
}

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub stored: i64,
    pub rejected: i64,
}

/// One line of a file, parsed and checked.
fn check_json_line(line: &str, default_language: Language) -> Result<NewReport, String> {
    let body: ReportBody = serde_json::from_str(line).map_err(|e| format!("not a report: {e}"))?;
    NewReport::parse(body.into(), Channel::Import, default_language).map_err(reasons)
}

fn reasons(invalid: hotline_domain::report::InvalidReport) -> String {
    invalid
        .errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.problem))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The column names of a CSV file, checked against the ones known.
const CSV_COLUMNS: &[&str] = &[
    "urls",
    "where_found",
    "description",
    "language",
    "urgent",
    "contact_name",
    "contact_email",
    "police_may_contact",
];

fn csv_flag(column: &str, value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" => Ok(false),
        "1" | "true" | "yes" => Ok(true),
        other => Err(format!(
            "{column}: \"{other}\" is not one of true, false, yes, no, 1, 0"
        )),
    }
}

fn check_csv_record(
    header: &csv::StringRecord,
    record: &csv::StringRecord,
    default_language: Language,
) -> Result<NewReport, String> {
    if record.len() != header.len() {
        return Err(format!(
            "the line has {} fields; the header has {}",
            record.len(),
            header.len()
        ));
    }
    let mut input = ReportInput::default();
    let text = |v: &str| (!v.trim().is_empty()).then(|| v.to_owned());
    for (column, value) in header.iter().zip(record.iter()) {
        match column {
            "urls" => input.urls = value.split_whitespace().map(str::to_owned).collect(),
            "where_found" => input.where_found = text(value),
            "description" => input.description = text(value),
            "language" => input.language = text(value),
            "urgent" => input.urgent = csv_flag(column, value)?,
            "contact_name" => input.contact_name = text(value),
            "contact_email" => input.contact_email = text(value),
            "police_may_contact" => input.police_may_contact = csv_flag(column, value)?,
            _ => {}
        }
    }
    NewReport::parse(input, Channel::Import, default_language).map_err(reasons)
}

/// The file's SHA-256 (hex) and its number of lines.
fn fingerprint(path: &Path) -> anyhow::Result<(String, u64)> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let (mut lines, mut last) = (0u64, b'\n');
    loop {
        let n = file
            .read(&mut buf)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        last = buf[n - 1];
    }
    if last != b'\n' {
        lines += 1; // a last line without its line break
    }
    Ok((hex::encode(hasher.finalize()), lines))
}

/// Shows progress: a bar with rate and ETA on a terminal, plain lines otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: u64,
    last_line: Instant,
}

impl Progress {
    fn new(total: u64, done: u64) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {pos}/{len} lines  {per_sec}  ETA {eta}  {msg}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_position(done);
            bar.reset_eta();
            bar
        });
        Progress {
            bar,
            total,
            last_line: Instant::now() - Duration::from_secs(60),
        }
    }

    fn update(&mut self, done: u64, stored: i64, rejected: i64) {
        let msg = format!("{stored} stored, {rejected} rejected");
        match &self.bar {
            Some(bar) => {
                bar.set_position(done);
                bar.set_message(msg);
            }
            None => {
                // A line a second at most, and always the last one.
                if self.last_line.elapsed() >= Duration::from_secs(1) || done >= self.total {
                    eprintln!("import: {done}/{} lines, {msg}", self.total);
                    self.last_line = Instant::now();
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}

/// Imports `path` into `store`; lists rejected lines on stdout.
pub async fn import_file(
    store: &Store,
    path: &Path,
    format: Option<ImportFormat>,
    default_language: Language,
) -> anyhow::Result<ImportSummary> {
    let format = format.unwrap_or_else(|| match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => ImportFormat::Csv,
        _ => ImportFormat::Jsonl,
    });
    let (hash, total) = fingerprint(path)?;
    let name = path.to_string_lossy().into_owned();
    let progress = store.import_progress(&hash).await?;
    let (start, mut stored, mut rejected) = match progress {
        Some(p) if p.finished => {
            eprintln!(
                "{name} was imported before ({} stored, {} rejected); nothing to do",
                p.stored, p.rejected
            );
            print_rejects(store, &hash).await?;
            return Ok(ImportSummary {
                stored: p.stored,
                rejected: p.rejected,
            });
        }
        Some(p) => {
            eprintln!(
                "resuming {name} at line {} ({} stored, {} rejected so far)",
                p.next_line, p.stored, p.rejected
            );
            (p.next_line, p.stored, p.rejected)
        }
        None => (1, 0, 0),
    };
    let mut bar = Progress::new(total, start.saturating_sub(1) as u64);
    let mut batch: Vec<NewReport> = Vec::with_capacity(BATCH_LINES);
    let mut rejects: Vec<ImportReject> = Vec::new();
    let mut lines_in_batch = 0usize;
    let mut last_line: i64 = start - 1;

    // Commits what has been gathered, up to and including `last_line`.
    macro_rules! commit {
        ($finished:expr) => {{
            store
                .import_batch(
                    hotline_store::ImportFile {
                        hash: &hash,
                        name: &name,
                    },
                    &batch,
                    &rejects,
                    last_line + 1,
                    $finished,
                    OffsetDateTime::now_utc(),
                )
                .await
                .context("cannot store a batch of the import (start it again to resume)")?;
            stored += batch.len() as i64;
            rejected += rejects.len() as i64;
            batch.clear();
            rejects.clear();
            bar.update(last_line as u64, stored, rejected);
        }};
    }
    // Sorts one checked line into the batch or the rejects.
    macro_rules! take {
        ($line:expr, $checked:expr) => {{
            match $checked {
                Ok(report) => batch.push(report),
                Err(reason) => rejects.push(ImportReject {
                    line: $line,
                    reason,
                }),
            }
            last_line = $line;
            lines_in_batch += 1;
            if lines_in_batch >= BATCH_LINES {
                commit!(false);
                lines_in_batch = 0;
            }
        }};
    }

    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    match format {
        ImportFormat::Jsonl => {
            let mut reader = BufReader::new(file);
            let mut buf = Vec::new();
            let mut number: i64 = 0;
            loop {
                buf.clear();
                if reader
                    .read_until(b'\n', &mut buf)
                    .with_context(|| format!("cannot read {}", path.display()))?
                    == 0
                {
                    break;
                }
                number += 1;
                if number < start {
                    continue;
                }
                let checked = match std::str::from_utf8(&buf) {
                    Err(_) => Err("the line is not valid UTF-8".to_owned()),
                    Ok(text) => {
                        let text = text.trim();
                        if text.is_empty() {
                            // Blank lines are neither reports nor mistakes.
                            last_line = number;
                            continue;
                        }
                        check_json_line(text, default_language)
                    }
                };
                take!(number, checked);
            }
        }
        ImportFormat::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(BufReader::new(file));
            let header = reader
                .headers()
                .with_context(|| format!("cannot read the header line of {}", path.display()))?
                .clone();
            let header = csv::StringRecord::from(
                header
                    .iter()
                    .map(|h| h.trim().to_ascii_lowercase())
                    .collect::<Vec<_>>(),
            );
            if let Some(unknown) = header.iter().find(|h| !CSV_COLUMNS.contains(h)) {
                bail!(
                    "{}: unknown column \"{unknown}\" in the header; the columns are {}",
                    path.display(),
                    CSV_COLUMNS.join(", ")
                );
            }
            if !header.iter().any(|h| h == "urls") {
                bail!("{}: the header has no \"urls\" column", path.display());
            }
            if start <= 1 {
                last_line = 1; // the header
            }
            let mut record = csv::StringRecord::new();
            loop {
                let line = reader.position().line() as i64;
                match reader.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        let line = record.position().map_or(line, |p| p.line() as i64);
                        if line < start {
                            continue;
                        }
                        take!(line, check_csv_record(&header, &record, default_language));
                    }
                    Err(e) => {
                        let line = e.position().map_or(line, |p| p.line() as i64);
                        if line < start {
                            continue;
                        }
                        take!(line, Err(format!("not a CSV record: {e}")));
                    }
                }
            }
        }
    }
    last_line = last_line.max(total as i64);
    commit!(true);
    bar.finish();
    print_rejects(store, &hash).await?;
    eprintln!("imported {name}: {stored} reports stored, {rejected} lines rejected");
    Ok(ImportSummary { stored, rejected })
}

/// Lists every rejected line of the file on stdout: `line N: reason`.
async fn print_rejects(store: &Store, hash: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let rejects = store.import_rejects(hash).await?;
    let mut out = std::io::stdout().lock();
    for r in rejects {
        writeln!(out, "line {}: {}", r.line, r.reason)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_checked_like_the_api() {
        let ok = check_json_line(
            r#"{"urls":["example.com/a"],"where_found":"website","urgent":true}"#,
            Language::En,
        )
        .unwrap();
        assert_eq!(ok.channel, Channel::Import);
        assert!(ok.urgent);
        let err =
            check_json_line(r#"{"urls":[],"where_found":"website"}"#, Language::En).unwrap_err();
        assert!(err.contains("urls"), "{err}");
        let err = check_json_line(r#"{"urls":["example.com"],"colour":"red"}"#, Language::En)
            .unwrap_err();
        assert!(err.contains("colour"), "{err}");
        assert!(check_json_line("{not json", Language::En).is_err());
    }

    #[test]
    fn csv_records_name_their_problems() {
        let header = csv::StringRecord::from(vec!["urls", "where_found", "urgent"]);
        let ok = check_csv_record(
            &header,
            &csv::StringRecord::from(vec!["example.com/a example.org/b", "chat", "yes"]),
            Language::En,
        )
        .unwrap();
        assert_eq!(ok.addresses.len(), 2);
        assert!(ok.urgent);
        let err = check_csv_record(
            &header,
            &csv::StringRecord::from(vec!["example.com", "chat", "maybe"]),
            Language::En,
        )
        .unwrap_err();
        assert!(err.contains("urgent"), "{err}");
    }
}
