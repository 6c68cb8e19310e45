//! Group commit for intake: a writer takes every report waiting (up to [`MAX_BATCH`], or
//! [`MAX_BATCH_SQLITE`]), writes them with a few multi-row statements in one transaction,
//! commits once, and only then answers each sender. A `201` still means the report is on disk;
//! one fsync covers a burst, and the cost per statement is shared by the whole batch. If a
//! batch fails (a receipt clash, astronomically rare), each of its reports is written again on
//! its own, so one bad report never takes the others down.
//!
//! One batch, one transaction:
//! 1. the `reports` rows;
//! 2. the cases, each distinct address once, in canonical order: an upsert on the partial
//!    unique index `cases_open_address` (at most one open case per canonical address) adds the
//!    batch's reports to an open case or opens one, and keeps the higher priority (an urgent
//!    report sets priority 1). Concurrent reports of one address, in one batch, in two batches
//!    or on two app servers, join one case; taking addresses in canonical order means two
//!    writers lock rows in the same order and cannot deadlock;
//! 3. the `report_addresses` rows (report, position, case) with a `received` timeline entry;
//! 4. a `trace` job for each new case and an `urgent_alert` job for each urgent report, so an
//!    accepted report never lacks its trace or its alert.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hotline_domain::NewReport;

use crate::reports::{CaseRef, Sealed};
use crate::{Db, Result, StoreError};

/// The most reports one intake transaction commits.
pub(crate) const MAX_BATCH: usize = 256;
/// The most on SQLite, whose one writer works in turns with the request handlers: with
/// batches of 32, one batch is written while the requests of the next are parsed and sealed,
/// where a whole burst in one batch leaves the writer idle while the next burst is prepared.
/// Measured at 64 connections: 32 beat 16, 24, 48 and 256 (bench/intake.sh, BENCHMARKS.md).
pub(crate) const MAX_BATCH_SQLITE: usize = 32;

/// The columns of a queued job (the multi-row inserts below supply the values).
pub(crate) const JOB_COLUMNS: &str = "INSERT INTO jobs \
    (kind, payload, case_id, state, priority, run_at, attempts, max_attempts, fence, dedupe_key, created_at, updated_at) ";

/// Urgent alerts run before any other background work.
pub(crate) const URGENT_ALERT_PRIORITY: i64 = 100;
/// An alert is retried for a long while (backoff up to an hour): it must get through.
pub(crate) const URGENT_ALERT_ATTEMPTS: i64 = 30;

/// Rows per multi-row statement: well under SQLite's 32,766 and PostgreSQL's 65,535
/// parameters with the widest row (12 columns).
pub(crate) const ROWS_PER_STATEMENT: usize = 1_000;

/// A report waiting for the intake writer, and where its outcome goes.
pub(crate) struct PendingReport {
    pub report: NewReport,
    pub sealed: Sealed,
    pub at: i64,
    pub reply: tokio::sync::oneshot::Sender<Result<Vec<CaseRef>>>,
}

/// The way into the intake writers, and whether they are busy.
#[derive(Debug, Clone)]
pub(crate) struct Intake {
    pub sender: tokio::sync::mpsc::Sender<PendingReport>,
    /// The longest random delay (ms) before a new case's first trace ([`Store::set_first_trace_delay`]).
    pub first_trace_delay_ms: Arc<std::sync::atomic::AtomicU64>,
    /// Batches being written now.
    writing: Arc<AtomicUsize>,
}

impl Intake {
    /// Reports are waiting or being written: background work should hold back.
    pub fn busy(&self) -> bool {
        self.writing.load(Ordering::Relaxed) > 0
            || self.sender.capacity() < self.sender.max_capacity()
    }
}

/// Starts the intake writers for `db`; reports sent to them are committed in batches. SQLite
/// has one writer (it allows one at a time anyway); PostgreSQL has several, so one batch is
/// written while another waits for its commit to reach the disk.
pub(crate) fn spawn_writers(db: Db) -> Intake {
    let first_trace_delay_ms = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (sender, waiting) = tokio::sync::mpsc::channel::<PendingReport>(4 * MAX_BATCH);
    let waiting = Arc::new(tokio::sync::Mutex::new(waiting));
    let writing = Arc::new(AtomicUsize::new(0));
    let (writers, max_batch) = match db {
        Db::Sqlite { .. } => (1, MAX_BATCH_SQLITE),
        Db::Postgres(_) => (4, MAX_BATCH),
    };
    for _ in 0..writers {
        let (db, waiting, writing) = (db.clone(), waiting.clone(), writing.clone());
        let delay = first_trace_delay_ms.clone();
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(max_batch);
            loop {
                // One writer at a time takes what is waiting; the others write meanwhile.
                if waiting.lock().await.recv_many(&mut batch, max_batch).await == 0 {
                    break;
                }
                writing.fetch_add(1, Ordering::Relaxed);
                write_and_answer(&db, &mut batch, delay.load(Ordering::Relaxed)).await;
                writing.fetch_sub(1, Ordering::Relaxed);
            }
        });
    }
    Intake {
        sender,
        first_trace_delay_ms,
        writing,
    }
}

/// Writes a batch and answers each of its senders; empties `batch`.
async fn write_and_answer(db: &Db, batch: &mut Vec<PendingReport>, trace_delay_ms: u64) {
    let items: Vec<(&NewReport, &Sealed, i64)> = batch
        .iter()
        .map(|p: &PendingReport| (&p.report, &p.sealed, p.at))
        .collect();
    let outcomes = match write_batch(db, &items, true, trace_delay_ms).await {
        Ok(cases) => cases.into_iter().map(Ok).collect(),
        Err(e) if items.len() == 1 => vec![Err(e)],
        Err(e) => {
            tracing::warn!(error = %e, reports = items.len(), "an intake batch failed; writing its reports one by one");
            let mut outcomes = Vec::with_capacity(items.len());
            for item in &items {
                outcomes.push(write_one(db, *item, trace_delay_ms).await);
            }
            outcomes
        }
    };
    drop(items);
    for (pending, outcome) in batch.drain(..).zip(outcomes) {
        // The sender may have gone (the client hung up): the report stays stored.
        let _ = pending.reply.send(outcome);
    }
}

/// Writes one report in its own transaction.
async fn write_one(
    db: &Db,
    item: (&NewReport, &Sealed, i64),
    trace_delay_ms: u64,
) -> Result<Vec<CaseRef>> {
    let mut cases = write_batch(db, &[item], true, trace_delay_ms).await?;
    cases
        .pop()
        .ok_or_else(|| StoreError::Intake("a report came back without its cases".into()))
}

/// Writes `items` in one transaction; the cases of each report, in its order.
/// `alerts`: queue urgent alerts (everything but synthetic test data). A new case's first
/// trace waits a random time up to `trace_delay_ms`.
pub(crate) async fn write_batch(
    db: &Db,
    items: &[(&NewReport, &Sealed, i64)],
    alerts: bool,
    trace_delay_ms: u64,
) -> Result<Vec<Vec<CaseRef>>> {
    crate::on_write_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let cases = insert_batch!(tx, items, alerts, trace_delay_ms);
        tx.commit().await?;
        Ok(cases)
    })
}

/// A uniformly random delay from 0 to `max_ms` milliseconds.
pub(crate) fn random_delay_ms(max_ms: u64) -> Result<i64> {
    if max_ms == 0 {
        return Ok(0);
    }
    let mut b = [0u8; 8];
    crate::secrets::random_bytes(&mut b)?;
    // The modulo bias over 64 bits is negligible for delays of minutes.
    Ok(i64::try_from(u64::from_le_bytes(b) % (max_ms + 1)).unwrap_or(0))
}

/// One open case's share of a batch: every report naming the address, aggregated.
pub(crate) struct CaseShare<'a> {
    pub(crate) address: &'a hotline_domain::CanonicalAddress,
    pub(crate) reports: i64,
    pub(crate) priority: i64,
    pub(crate) first_at: i64,
    pub(crate) last_at: i64,
}

/// The addresses of a batch, each once, in canonical order: cases are upserted in that order,
/// so two batches (or a batch and a single report) take row locks in the same order.
pub(crate) fn shares<'a>(
    items: &[(&'a NewReport, &Sealed, i64)],
) -> BTreeMap<&'a str, CaseShare<'a>> {
    let mut shares: BTreeMap<&str, CaseShare> = BTreeMap::new();
    for (report, _, at) in items {
        for a in &report.addresses {
            let priority = i64::from(report.urgent);
            shares
                .entry(a.address.canonical.as_str())
                .and_modify(|s| {
                    s.reports += 1;
                    s.priority = s.priority.max(priority);
                    s.first_at = s.first_at.min(*at);
                    s.last_at = s.last_at.max(*at);
                })
                .or_insert(CaseShare {
                    address: &a.address,
                    reports: 1,
                    priority,
                    first_at: *at,
                    last_at: *at,
                });
        }
    }
    shares
}

/// Inserts a batch of sealed reports inside transaction `$tx` with multi-row statements;
/// evaluates to each report's cases, in the order reported. A case is `opened` by the first
/// report in the batch that names it, when no open case had the address.
macro_rules! insert_batch {
    ($tx:expr, $items:expr, $alerts:expr, $trace_delay_ms:expr) => {{
        let alerts_wanted: bool = $alerts;
        let trace_delay_ms: u64 = $trace_delay_ms;
        let items: &[(&NewReport, &Sealed, i64)] = $items;
        for chunk in items.chunks(ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO reports (id, received_at, channel, where_found, language, urgent, \
                 description_sealed, contact_sealed, receipt_hash) ",
            );
            q.push_values(chunk, |mut row, (report, s, at)| {
                row.push_bind(s.report_id)
                    .push_bind(*at)
                    .push_bind(report.channel.as_str())
                    .push_bind(report.where_found.as_str())
                    .push_bind(report.language.as_str())
                    .push_bind(report.urgent)
                    .push_bind(s.description.as_deref())
                    .push_bind(s.contact.as_deref())
                    .push_bind(s.receipt_hash.as_slice());
            });
            q.build().execute(&mut *$tx).await?;
        }

        let shares = shares(items);
        let shares: Vec<(&str, CaseShare)> = shares.into_iter().collect();
        let counts: std::collections::HashMap<&str, i64> =
            shares.iter().map(|(c, s)| (*c, s.reports)).collect();
        // canonical -> (case id, opened in this batch)
        let mut case_of: std::collections::HashMap<String, (i64, bool)> =
            std::collections::HashMap::with_capacity(shares.len());
        for chunk in shares.chunks(ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO cases (canonical_url, scheme, host, registrable_domain, ip_literal, \
                 onion, state, priority, report_count, created_at, updated_at, last_reported_at) ",
            );
            q.push_values(chunk, |mut row, (canonical, s)| {
                row.push_bind(*canonical)
                    .push_bind(s.address.scheme.as_str())
                    .push_bind(s.address.host.as_str())
                    .push_bind(s.address.registrable_domain.as_deref())
                    .push_bind(s.address.ip_literal)
                    .push_bind(s.address.onion)
                    .push("'new'")
                    .push_bind(s.priority)
                    .push_bind(s.reports)
                    .push_bind(s.first_at)
                    .push_bind(s.last_at)
                    .push_bind(s.last_at);
            });
            q.push(
                " ON CONFLICT (canonical_url) WHERE state <> 'closed' DO UPDATE SET \
                 report_count = cases.report_count + excluded.report_count, \
                 last_reported_at = excluded.last_reported_at, \
                 updated_at = excluded.updated_at, \
                 priority = CASE WHEN excluded.priority > cases.priority THEN excluded.priority ELSE cases.priority END \
                 RETURNING id, canonical_url, report_count",
            );
            let rows: Vec<(i64, String, i64)> = q.build_query_as().fetch_all(&mut *$tx).await?;
            for (id, canonical, count) in rows {
                let reports = counts.get(canonical.as_str()).copied().unwrap_or(0);
                // A case that existed already counts its earlier reports too.
                case_of.insert(canonical, (id, count == reports));
            }
        }

        // Each report's cases, in its order; `opened` goes to the first report naming a new case.
        let mut first_seen = std::collections::HashSet::new();
        let mut cases: Vec<Vec<CaseRef>> = Vec::with_capacity(items.len());
        let mut links: Vec<(uuid::Uuid, i64, i64, &[u8], bool, i64)> = Vec::new();
        for (report, s, at) in items {
            let mut mine = Vec::with_capacity(report.addresses.len());
            for (i, a) in report.addresses.iter().enumerate() {
                let canonical = &a.address.canonical;
                let (case_id, new) = *case_of.get(canonical).ok_or_else(|| {
                    StoreError::Intake(format!("no case came back for {canonical}"))
                })?;
                mine.push(CaseRef {
                    case_id,
                    canonical: canonical.clone(),
                    opened: new && first_seen.insert(case_id),
                });
                links.push((s.report_id, i as i64, case_id, s.submitted[i].as_slice(), a.address.had_userinfo, *at));
            }
            cases.push(mine);
        }

        for chunk in links.chunks(ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO report_addresses (report_id, position, case_id, submitted_sealed, had_userinfo) ",
            );
            q.push_values(chunk, |mut row, (report_id, position, case_id, sealed, userinfo, _)| {
                row.push_bind(*report_id)
                    .push_bind(*position)
                    .push_bind(*case_id)
                    .push_bind(*sealed)
                    .push_bind(*userinfo);
            });
            q.build().execute(&mut *$tx).await?;

            let mut q = sqlx::QueryBuilder::new("INSERT INTO case_events (case_id, at, kind, report_id) ");
            q.push_values(chunk, |mut row, (report_id, _, case_id, _, _, at)| {
                row.push_bind(*case_id)
                    .push_bind(*at)
                    .push_bind(hotline_domain::timeline::Event::Received.as_str())
                    .push_bind(*report_id);
            });
            q.build().execute(&mut *$tx).await?;
        }

        // A new case is traced in the background; queued in the same transaction, so an
        // accepted report never lacks its trace job.
        // It runs after a random delay: a host that sees the hotline's look-ups right after
        // a visit to its page could tell which visitor reported it.
        let mut opened: Vec<(i64, i64, i64, i64)> = Vec::new();
        for (canonical, s) in &shares {
            if let Some((id, true)) = case_of.get(*canonical) {
                let run_at = s.first_at + crate::intake::random_delay_ms(trace_delay_ms)?;
                opened.push((*id, s.priority, s.first_at, run_at));
            }
        }
        for chunk in opened.chunks(ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::new(JOB_COLUMNS);
            q.push_values(chunk, |mut row, (case_id, priority, at, run_at)| {
                row.push("'trace'")
                    .push_bind(serde_json::json!({ "case_id": case_id }).to_string())
                    .push_bind(*case_id)
                    .push("'queued'")
                    .push_bind(*priority)
                    .push_bind(*run_at)
                    .push("0")
                    .push("5")
                    .push("0")
                    .push_bind(format!("trace:{case_id}"))
                    .push_bind(*at)
                    .push_bind(*at);
            });
            q.push(" ON CONFLICT (dedupe_key) WHERE state IN ('queued', 'running') DO NOTHING");
            q.build().execute(&mut *$tx).await?;
        }

        // A report flagged "a child is in immediate danger" alerts the on-call staff. The job
        // is queued in the same transaction, so a crash after the commit loses no alert. It
        // names the report and its cases only: the alert carries case numbers and links.
        let alerts: Vec<(String, i64, i64, String)> = items
            .iter()
            .zip(&cases)
            .filter(|((report, _, _), _)| alerts_wanted && report.urgent)
            .filter_map(|((_, s, at), mine)| {
                let first = mine.first()?.case_id;
                let ids: Vec<i64> = mine.iter().map(|c| c.case_id).collect();
                let payload = hotline_domain::job::Job::UrgentAlert(hotline_domain::job::UrgentAlert {
                    report_id: s.report_id.to_string(),
                    case_ids: ids,
                })
                .payload();
                Some((payload.to_string(), first, *at, format!("urgent:{}", s.report_id)))
            })
            .collect();
        for chunk in alerts.chunks(ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::new(JOB_COLUMNS);
            q.push_values(chunk, |mut row, (payload, case_id, at, key)| {
                row.push("'urgent_alert'")
                    .push_bind(payload.as_str())
                    .push_bind(*case_id)
                    .push("'queued'")
                    .push_bind(URGENT_ALERT_PRIORITY)
                    .push_bind(*at)
                    .push("0")
                    .push_bind(URGENT_ALERT_ATTEMPTS)
                    .push("0")
                    .push_bind(key.as_str())
                    .push_bind(*at)
                    .push_bind(*at);
            });
            q.push(" ON CONFLICT (dedupe_key) WHERE state IN ('queued', 'running') DO NOTHING");
            q.build().execute(&mut *$tx).await?;
        }
        cases
    }};
}
pub(crate) use insert_batch;
