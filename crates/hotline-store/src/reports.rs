//! Storing reports, joining them to cases, and answering a reporter's status question.
//!
//! [`Store::submit_report`] seals the report with the [`Keyring`](crate::Keyring): a UUID v7
//! report id, 80 random bits for the receipt, the receipt's keyed hash (the receipt itself is
//! never stored), and the description, contact details and each address as typed encrypted.
//! It hands the sealed report to the intake writer (`intake.rs`) and waits for the
//! commit; a receipt hash that collides with a stored one is drawn again, three attempts in
//! all. On SQLite (WAL, `synchronous = FULL`) the report is on disk when the commit returns.
//!
//! A status look-up hashes the receipt and runs the same queries whether or not it is known,
//! then sums the report's cases up as one public status
//! ([`PublicStatus::of`](hotline_domain::PublicStatus::of)).

use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::{AddressProgress, CaseState, NewReport, PublicStatus, Receipt};

use crate::secrets::random_bytes;
use crate::{Result, Store, StoreError, from_millis, on_read_pool, on_write_pool, to_millis};

/// A stored report, as its sender learns of it. The receipt exists only here, in memory.
#[derive(Debug, Clone)]
pub struct SubmittedReport {
    pub report_id: Uuid,
    pub receipt: Receipt,
    /// One per distinct address, in the order reported.
    pub cases: Vec<CaseRef>,
}

/// The case one reported address joined or opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef {
    pub case_id: i64,
    pub canonical: String,
    /// This report opened the case (no open case had the address).
    pub opened: bool,
}

/// What a reporter may learn with their receipt.
#[derive(Debug, Clone)]
pub struct ReportStatus {
    pub status: PublicStatus,
    /// The day (midnight UTC) of the report's last visible change: never a time of day.
    pub updated_at: OffsetDateTime,
    pub messages: Vec<ReporterMessage>,
}

/// A message from the hotline to an anonymous reporter, shown on their status page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReporterMessage {
    pub at: OffsetDateTime,
    pub body: String,
    /// The reporter's own answer (`false`: the hotline's message).
    pub from_reporter: bool,
}

// Only this report's own rows: never the case's state, which others' reports and police
// steps move (docs/SPEC.md §4).
const STATUS_CASES: &str = "SELECT r.id, r.received_at, ra.handled_at, ra.removed_at \
    FROM reports r \
    LEFT JOIN report_addresses ra ON ra.report_id = r.id \
    WHERE r.receipt_hash = $1";

const STATUS_MESSAGES: &str = "SELECT m.id, m.created_at, m.body_sealed, m.from_reporter \
    FROM reporter_messages m JOIN reports r ON r.id = m.report_id \
    WHERE r.receipt_hash = $1 ORDER BY m.created_at, m.id";

/// `(report id, received at, handled at, removed at)`.
type StatusRow = (Uuid, i64, Option<i64>, Option<i64>);
/// `(message id, created at, sealed body, from the reporter)`.
type MessageRow = (i64, i64, Vec<u8>, bool);

/// A report with its secrets sealed, ready for SQL.
pub(crate) struct Sealed {
    pub report_id: Uuid,
    pub receipt: Receipt,
    pub receipt_hash: Vec<u8>,
    pub description: Option<Vec<u8>>,
    pub contact: Option<Vec<u8>>,
    pub submitted: Vec<Vec<u8>>,
}

impl Store {
    pub(crate) fn seal_report(&self, report: &NewReport, now: OffsetDateTime) -> Result<Sealed> {
        let keys = self.keys();
        let report_id = Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            now.unix_timestamp().max(0) as u64,
            now.nanosecond(),
        ));
        let mut random = [0u8; 10];
        random_bytes(&mut random)?;
        let receipt = Receipt::from_random(random);
        let receipt_hash = keys.receipt_hash(&receipt);
        let description = report
            .description
            .as_deref()
            .map(|d| keys.seal(&format!("reports.description:{report_id}"), d.as_bytes()))
            .transpose()?;
        let contact = report
            .contact
            .as_ref()
            .map(|c| {
                let json = serde_json::to_vec(c).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                Ok::<_, StoreError>(keys.seal(&format!("reports.contact:{report_id}"), &json)?)
            })
            .transpose()?;
        let submitted = report
            .addresses
            .iter()
            .enumerate()
            .map(|(i, a)| {
                keys.seal(
                    &format!("report_addresses.submitted:{report_id}:{i}"),
                    a.submitted.as_bytes(),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Sealed {
            report_id,
            receipt,
            receipt_hash,
            description,
            contact,
            submitted,
        })
    }

    /// Stores a report and joins each address to its case, all in one transaction. When this
    /// returns `Ok`, the report is committed durably; acknowledge nothing before.
    pub async fn submit_report(
        &self,
        report: &NewReport,
        now: OffsetDateTime,
    ) -> Result<SubmittedReport> {
        // A receipt clash (80 random bits) is astronomically rare, but must not lose a report.
        let mut attempts = 0;
        loop {
            attempts += 1;
            let sealed = self.seal_report(report, now)?;
            let (report_id, receipt) = (sealed.report_id, sealed.receipt.clone());
            match self.insert_report(report, sealed, now).await {
                Ok(cases) => {
                    return Ok(SubmittedReport {
                        report_id,
                        receipt,
                        cases,
                    });
                }
                Err(StoreError::Database(e))
                    if attempts < 3
                        && e.as_database_error()
                            .is_some_and(|d| d.is_unique_violation()) =>
                {
                    tracing::warn!("receipt clash, drawing a new receipt");
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Hands the report to the intake writer and waits until it is committed.
    async fn insert_report(
        &self,
        report: &NewReport,
        s: Sealed,
        now: OffsetDateTime,
    ) -> Result<Vec<CaseRef>> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let pending = crate::intake::PendingReport {
            report: report.clone(),
            sealed: s,
            at: to_millis(now),
            reply,
        };
        self.intake
            .sender
            .send(pending)
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    /// Fills the database with `n` synthetic reports of distinct addresses under
    /// `*.example.test` (one in ten urgent), received over the past `n` seconds, in large
    /// transactions: for benchmarks and demonstrations, never for a live hotline.
    pub async fn seed_synthetic(&self, n: usize, now: OffsetDateTime) -> Result<()> {
        const BATCH: usize = 2_000;
        let mut done = 0;
        while done < n {
            let upto = (done + BATCH).min(n);
            let mut batch = Vec::with_capacity(upto - done);
            for i in done..upto {
                let report = crate::seed::synthetic_report(
                    vec![format!("https://site-{}.example.test/gallery/{i}", i % 997)],
                    i % 10 == 0,
                )?;
                let at = now - time::Duration::seconds((n - i) as i64);
                let sealed = self.seal_report(&report, at)?;
                batch.push((report, sealed, to_millis(at)));
            }
            let items: Vec<(&NewReport, &Sealed, i64)> =
                batch.iter().map(|(r, s, at)| (r, s, *at)).collect();
            // Synthetic reports alert nobody, urgent or not.
            crate::intake::write_batch(&self.db, &items, false, 0).await?;
            done = upto;
        }
        Ok(())
    }

    /// The status of the report with this receipt, or `None` if no report has it. Known and
    /// unknown receipts cost the same queries, so timing does not tell them apart.
    pub async fn report_status(&self, receipt: &Receipt) -> Result<Option<ReportStatus>> {
        let hash = self.keys().receipt_hash(receipt);
        let (rows, messages): (Vec<StatusRow>, Vec<MessageRow>) = on_read_pool!(&self.db, pool => {
            let rows = sqlx::query_as(STATUS_CASES).bind(hash.as_slice()).fetch_all(pool).await?;
            let messages = sqlx::query_as(STATUS_MESSAGES).bind(hash.as_slice()).fetch_all(pool).await?;
            (rows, messages)
        });
        let Some((report_id, received_at, _, _)) = rows.first() else {
            return Ok(None);
        };
        let mut progress = Vec::with_capacity(rows.len());
        let mut updated = *received_at;
        for (_, _, handled, removed) in &rows {
            progress.push(AddressProgress {
                handled: handled.is_some(),
                removed: removed.is_some(),
            });
            updated = updated.max(handled.unwrap_or(0)).max(removed.unwrap_or(0));
        }
        let mut out = Vec::with_capacity(messages.len());
        for (id, at, body, from_reporter) in messages {
            updated = updated.max(at);
            let body = self
                .keys()
                .open_text(&format!("reporter_messages.body:{report_id}:{id}"), &body)?;
            out.push(ReporterMessage {
                at: from_millis(at)?,
                body,
                from_reporter,
            });
        }
        Ok(Some(ReportStatus {
            status: PublicStatus::of(&progress),
            updated_at: from_millis(updated)?.replace_time(time::Time::MIDNIGHT),
            messages: out,
        }))
    }

    /// Adds a message for the reporter of `report_id`, shown on their status page.
    pub async fn add_reporter_message(
        &self,
        report_id: Uuid,
        body: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // The id is part of the sealing context, so insert first, then seal.
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reporter_messages (report_id, created_at, body_sealed) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(report_id)
            .bind(at)
            .bind(Vec::<u8>::new())
            .fetch_one(&mut *tx)
            .await?;
            let sealed = self
                .keys()
                .seal(&format!("reporter_messages.body:{report_id}:{id}"), body.as_bytes())?;
            sqlx::query("UPDATE reporter_messages SET body_sealed = $1 WHERE id = $2")
                .bind(sealed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// How many cases, reports and report addresses are stored (for tests and the CLI).
    pub async fn counts(&self) -> Result<Counts> {
        let (cases, reports, addresses): (i64, i64, i64) = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM report_addresses)",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(Counts {
            cases,
            reports,
            addresses,
        })
    }

    /// A case's canonical address, state and number of reports.
    pub async fn case_summary(&self, case_id: i64) -> Result<Option<CaseSummary>> {
        let row: Option<(String, String, i64, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT canonical_url, state, report_count, priority FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        row.map(|(canonical, state, report_count, priority)| {
            Ok(CaseSummary {
                case_id,
                canonical,
                state: state
                    .parse()
                    .map_err(|e: hotline_domain::case::UnknownState| {
                        StoreError::Corrupt(e.to_string())
                    })?,
                report_count,
                urgent: priority > 0,
            })
        })
        .transpose()
    }

    /// The description of a report, decrypted (for authorised staff and tests).
    pub async fn report_description(&self, report_id: Uuid) -> Result<Option<String>> {
        let sealed: Option<Option<Vec<u8>>> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT description_sealed FROM reports WHERE id = $1")
                .bind(report_id)
                .fetch_optional(pool)
                .await?
        });
        match sealed.flatten() {
            None => Ok(None),
            Some(s) => Ok(Some(
                self.keys()
                    .open_text(&format!("reports.description:{report_id}"), &s)?,
            )),
        }
    }
}

/// Row counts, for tests and operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub cases: i64,
    pub reports: i64,
    pub addresses: i64,
}

/// The essentials of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub case_id: i64,
    pub canonical: String,
    pub state: CaseState,
    pub report_count: i64,
    pub urgent: bool,
}
