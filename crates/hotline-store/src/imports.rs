//! Bulk imports (`hotline import FILE`): reports are written in batches, each batch in one
//! transaction with the file's progress and the lines it rejected. An import that is
//! interrupted (killed, a crash, a full disk) resumes after the last committed batch, so every
//! good line is stored exactly once however often the import is started again.

use time::OffsetDateTime;

use hotline_domain::NewReport;

// The names the batch macro uses.
#[allow(unused_imports)]
use crate::intake::{
    CaseShare, JOB_COLUMNS, ROWS_PER_STATEMENT, URGENT_ALERT_ATTEMPTS, URGENT_ALERT_PRIORITY,
    insert_batch, shares,
};
use crate::reports::CaseRef;
use crate::reports::Sealed;
use crate::{Result, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// How far an import of one file got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// The first line not yet processed (lines count from 1).
    pub next_line: i64,
    pub stored: i64,
    pub rejected: i64,
    /// Every line was processed.
    pub finished: bool,
}

/// A line that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReject {
    pub line: i64,
    pub reason: String,
}

/// The file an import reads: its SHA-256 (hex) and its name as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportFile<'a> {
    pub hash: &'a str,
    pub name: &'a str,
}

/// Longest reason kept for a rejected line.
const MAX_REASON_CHARS: usize = 500;

impl Store {
    /// The progress of the file whose SHA-256 (hex) is `file_hash`, if it was ever started.
    pub async fn import_progress(&self, file_hash: &str) -> Result<Option<ImportProgress>> {
        let row: Option<(i64, i64, i64, Option<i64>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT next_line, stored, rejected, finished_at FROM import_files WHERE file_hash = $1",
            )
            .bind(file_hash)
            .fetch_optional(pool)
            .await?
        });
        Ok(
            row.map(|(next_line, stored, rejected, finished)| ImportProgress {
                next_line,
                stored,
                rejected,
                finished: finished.is_some(),
            }),
        )
    }

    /// Commits one batch of an import: its good reports (channel `import`), its rejected
    /// lines, and the file's progress up to `next_line`, all in one transaction. `finished`
    /// marks the file done.
    pub async fn import_batch(
        &self,
        file: ImportFile<'_>,
        reports: &[NewReport],
        rejects: &[ImportReject],
        next_line: i64,
        finished: bool,
        now: OffsetDateTime,
    ) -> Result<()> {
        let (file_hash, file_name) = (file.hash, file.name);
        let at = to_millis(now);
        let sealed = reports
            .iter()
            .map(|r| self.seal_report(r, now))
            .collect::<Result<Vec<Sealed>>>()?;
        let items: Vec<(&NewReport, &Sealed, i64)> = reports
            .iter()
            .zip(&sealed)
            .map(|(r, s)| (r, s, at))
            .collect();
        let stored = i64::try_from(reports.len()).map_err(|e| StoreError::Intake(e.to_string()))?;
        let rejected =
            i64::try_from(rejects.len()).map_err(|e| StoreError::Intake(e.to_string()))?;
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // The progress row first: the rejects refer to it.
            sqlx::query(
                "INSERT INTO import_files (file_hash, file_name, next_line, stored, rejected, started_at, updated_at, finished_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6, $7) \
                 ON CONFLICT (file_hash) DO UPDATE SET next_line = excluded.next_line, \
                 stored = import_files.stored + excluded.stored, \
                 rejected = import_files.rejected + excluded.rejected, \
                 updated_at = excluded.updated_at, finished_at = excluded.finished_at",
            )
            .bind(file_hash)
            .bind(file_name)
            .bind(next_line)
            .bind(stored)
            .bind(rejected)
            .bind(at)
            .bind(finished.then_some(at))
            .execute(&mut *tx)
            .await?;
            if !items.is_empty() {
                let _cases = insert_batch!(tx, &items, true, self.first_trace_delay_ms());
            }
            for chunk in rejects.chunks(1_000) {
                let mut q = sqlx::QueryBuilder::new("INSERT INTO import_rejects (file_hash, line, reason) ");
                q.push_values(chunk, |mut row, r| {
                    row.push_bind(file_hash)
                        .push_bind(r.line)
                        .push_bind(r.reason.chars().take(MAX_REASON_CHARS).collect::<String>());
                });
                q.push(" ON CONFLICT (file_hash, line) DO NOTHING");
                q.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every line of the file that was rejected, in order.
    pub async fn import_rejects(&self, file_hash: &str) -> Result<Vec<ImportReject>> {
        let rows: Vec<(i64, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT line, reason FROM import_rejects WHERE file_hash = $1 ORDER BY line")
                .bind(file_hash)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(line, reason)| ImportReject { line, reason })
            .collect())
    }
}
