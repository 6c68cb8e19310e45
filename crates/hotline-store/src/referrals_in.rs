//! A referral from a partner hotline, stored exactly once (issue 18).
//!
//! The report a referral carries and the referral's row `(direction 'in', partner,
//! referral id)` are written in one transaction; the row's unique key decides, with
//! `ON CONFLICT DO NOTHING`, which of two identical referrals arriving at once is the first.
//! The other's transaction is rolled back whole (its report, its share of the case, its
//! jobs), and it is answered from the row the first one wrote: a retry with the same body, or
//! an id reused with another body. Nothing is ever stored twice, on one server or several.

use hotline_domain::timeline::Event;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use hotline_domain::NewReport;

// The names the batch macro uses.
#[allow(unused_imports)]
use crate::intake::{
    CaseShare, JOB_COLUMNS, ROWS_PER_STATEMENT, URGENT_ALERT_ATTEMPTS, URGENT_ALERT_PRIORITY,
    insert_batch, shares,
};
use crate::partners::SeenReferral;
use crate::reports::{CaseRef, Sealed};
use crate::{Result, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// The referral's own row: who sent it, its id, its body's hash, and the work it carried.
struct Row<'a> {
    partner: &'a str,
    referral_id: &'a str,
    hash: &'a [u8],
    work: Option<&'a str>,
}

/// What became of a referral received from a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralIntake {
    /// New: its report is stored and opened or joined the case `case_id`.
    Stored { case_id: i64 },
    /// This partner sent this referral id before: a retry when `same_body`, else a reuse.
    Seen(SeenReferral),
}

impl Store {
    /// Stores the report of a partner's referral and notes the referral, in one transaction,
    /// unless this partner's referral id is known: then says how it was seen. Two identical
    /// referrals at once store one report; the second is answered as a retry.
    pub async fn receive_partner_referral(
        &self,
        partner: &str,
        referral_id: &str,
        body: &[u8],
        report: &NewReport,
        work: Option<&hotline_domain::federation::ReferredWork>,
        now: OffsetDateTime,
    ) -> Result<ReferralIntake> {
        let work = work
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let hash = Sha256::digest(body).to_vec();
        if let Some(seen) = self.seen_referral(partner, referral_id, &hash).await? {
            return Ok(ReferralIntake::Seen(seen));
        }
        let at = to_millis(now);
        // A receipt clash (80 random bits) is astronomically rare, but must not lose a report.
        let mut attempts = 0;
        loop {
            attempts += 1;
            let sealed = self.seal_report(report, now)?;
            match self
                .store_referral_once(
                    Row {
                        partner,
                        referral_id,
                        hash: &hash,
                        work: work.as_deref(),
                    },
                    report,
                    &sealed,
                    at,
                )
                .await
            {
                Ok(Some(case_id)) => return Ok(ReferralIntake::Stored { case_id }),
                Ok(None) => {
                    // Another request with this id committed first; read what it wrote.
                    let seen = self
                        .seen_referral(partner, referral_id, &hash)
                        .await?
                        .ok_or_else(|| {
                            StoreError::Intake("a referral that clashed is not found".into())
                        })?;
                    return Ok(ReferralIntake::Seen(seen));
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

    /// One attempt: the report, then the referral row; `None` (and nothing written) when the
    /// row was there first.
    async fn store_referral_once(
        &self,
        row: Row<'_>,
        report: &NewReport,
        sealed: &Sealed,
        at: i64,
    ) -> Result<Option<i64>> {
        let Row {
            partner,
            referral_id,
            hash,
            work,
        } = row;
        let items: Vec<(&NewReport, &Sealed, i64)> = vec![(report, sealed, at)];
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let cases: Vec<Vec<CaseRef>> = insert_batch!(tx, &items, true, self.first_trace_delay_ms());
            let case_id = cases
                .first()
                .and_then(|c| c.first())
                .map(|c| c.case_id)
                .ok_or_else(|| StoreError::Intake("a referral came back without its case".into()))?;
            let claimed = sqlx::query(
                "INSERT INTO referrals (case_id, direction, partner, referral_id, body_hash, status, created_at, updated_at, their_work) \
                 VALUES ($1, 'in', $2, $3, $4, 'received', $5, $5, $6) \
                 ON CONFLICT (direction, partner, referral_id) DO NOTHING",
            )
            .bind(case_id)
            .bind(partner)
            .bind(referral_id)
            .bind(hash)
            .bind(at)
            .bind(work)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !claimed {
                tx.rollback().await?;
                return Ok(None);
            }
            crate::timeline!(tx, case_id, at, Event::ReceivedFromPartner, Some(partner.to_string()));
            tx.commit().await?;
            Ok(Some(case_id))
        })
    }

    /// How this partner's referral id was seen before, compared with the body hash `hash`.
    async fn seen_referral(
        &self,
        partner: &str,
        referral_id: &str,
        hash: &[u8],
    ) -> Result<Option<SeenReferral>> {
        let row: Option<(i64, Option<Vec<u8>>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT case_id, body_hash FROM referrals WHERE direction = 'in' AND partner = $1 AND referral_id = $2",
            )
            .bind(partner)
            .bind(referral_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(case_id, old)| SeenReferral {
            case_id,
            same_body: old.as_deref() == Some(hash),
        }))
    }
}
