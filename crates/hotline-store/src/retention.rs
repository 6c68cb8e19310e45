//! The retention purge and legal holds.
//!
//! Each kind of data has one `WHERE` clause; the dry run counts the rows it matches and the
//! real run erases the same rows in one transaction, so the two agree by construction. Every
//! clause leaves alone what belongs to a case under legal hold. The real run appends one
//! audit event with its counts.

use hotline_domain::timeline::Event;
use time::OffsetDateTime;

use hotline_domain::retention::{Cutoffs, PurgeCounts};

use crate::audit::append_audit;
use crate::{Result, StaffUser, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// A report that belongs to a case under legal hold (`reports` is the outer row).
const HELD_REPORT: &str = "EXISTS (SELECT 1 FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
     WHERE ra.report_id = reports.id AND c.legal_hold = TRUE)";

/// Cases under legal hold.
const HELD_CASES: &str = "(SELECT id FROM cases WHERE legal_hold = TRUE)";

/// The kinds of data the purge erases: `(table, what the real run does, the rows' condition)`.
/// `$1` is the kind's cut-off in UTC milliseconds.
fn clauses() -> [(&'static str, &'static str, String); 9] {
    [
        (
            "reports",
            "UPDATE reports SET contact_sealed = NULL",
            format!("contact_sealed IS NOT NULL AND received_at < $1 AND NOT {HELD_REPORT}"),
        ),
        (
            "reports",
            "UPDATE reports SET description_sealed = NULL",
            format!("description_sealed IS NOT NULL AND received_at < $1 AND NOT {HELD_REPORT}"),
        ),
        (
            "reporter_messages",
            "DELETE FROM reporter_messages",
            "created_at < $1 AND NOT EXISTS (SELECT 1 FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
             WHERE ra.report_id = reporter_messages.report_id AND c.legal_hold = TRUE)"
                .to_owned(),
        ),
        (
            "case_events",
            "UPDATE case_events SET details = NULL",
            "details IS NOT NULL AND case_id IN (SELECT id FROM cases WHERE state = 'closed' \
             AND updated_at < $1 AND legal_hold = FALSE)"
                .to_owned(),
        ),
        (
            "jobs",
            "DELETE FROM jobs",
            format!(
                "state IN ('done', 'dead') AND finished_at < $1 \
                 AND (case_id IS NULL OR case_id NOT IN {HELD_CASES})"
            ),
        ),
        (
            "traces",
            "DELETE FROM traces",
            format!(
                "traced_at < $1 AND case_id NOT IN {HELD_CASES} AND EXISTS (SELECT 1 FROM traces t2 \
                 WHERE t2.case_id = traces.case_id AND (t2.traced_at > traces.traced_at \
                 OR (t2.traced_at = traces.traced_at AND t2.id > traces.id)))"
            ),
        ),
        (
            // Monitoring decides on recent results of cases still watched; the history of
            // cases that are removed or closed is check history like any other.
            "checks",
            "DELETE FROM checks",
            format!(
                "checked_at < $1 AND case_id NOT IN {HELD_CASES} AND case_id IN \
                 (SELECT id FROM cases WHERE state IN ('removed', 'closed'))"
            ),
        ),
        (
            // The police's notes are case details like the timeline's; their file number
            // is a cross-reference, not about a person, and stays.
            "police_steps",
            "UPDATE police_steps SET note = NULL",
            "note IS NOT NULL AND case_id IN (SELECT id FROM cases WHERE state = 'closed' \
             AND updated_at < $1 AND legal_hold = FALSE)"
                .to_owned(),
        ),
        (
            // The address as the reporter typed it may carry what identifies them (a session
            // id, a user name in a path): it goes with what they wrote. The canonical
            // address, which the case works with, stays.
            "report_addresses",
            "UPDATE report_addresses SET submitted_sealed = NULL",
            "submitted_sealed IS NOT NULL \
             AND report_id IN (SELECT id FROM reports WHERE received_at < $1) \
             AND NOT EXISTS (SELECT 1 FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
             WHERE ra.report_id = report_addresses.report_id AND c.legal_hold = TRUE)"
                .to_owned(),
        ),
    ]
}

fn cutoff_of(c: &Cutoffs, i: usize) -> Option<i64> {
    match i {
        0 => c.contact_before_ms,
        1 | 2 | 8 => c.description_before_ms,
        3 | 7 => c.closed_case_before_ms,
        _ => c.check_history_before_ms,
    }
}

fn add(counts: &mut PurgeCounts, i: usize, n: u64) {
    match i {
        0 => counts.contacts += n,
        1 => counts.descriptions += n,
        2 => counts.reporter_messages += n,
        3 | 7 => counts.closed_case_details += n,
        4 => counts.jobs += n,
        8 => counts.addresses_as_typed += n,
        5 => counts.traces += n,
        _ => counts.checks += n,
    }
}

/// The last audit event the purge may remove: the newest one older than the cut-off, but
/// never one about a case under legal hold or anything after it (the chain is cut as a
/// prefix). `$1` is the cut-off.
const AUDIT_LAST: &str = "SELECT MAX(seq) FROM audit_events WHERE at < $1 AND seq < COALESCE(\
     (SELECT MIN(seq) FROM audit_events WHERE object IN \
      (SELECT 'case:' || CAST(id AS TEXT) FROM cases WHERE legal_hold = TRUE)), 9223372036854775807)";

impl Store {
    /// Counts what [`Store::purge`] would erase under `cutoffs`, erasing nothing.
    pub async fn purge_dry_run(&self, cutoffs: &Cutoffs) -> Result<PurgeCounts> {
        let mut counts = PurgeCounts::default();
        for (i, (table, _, condition)) in clauses().iter().enumerate() {
            let Some(before) = cutoff_of(cutoffs, i) else {
                continue;
            };
            let sql =
                sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table} WHERE {condition}"));
            let n: i64 = on_read_pool!(&self.db, pool => {
                sqlx::query_scalar(sql).bind(before).fetch_one(pool).await?
            });
            add(&mut counts, i, u64::try_from(n).unwrap_or(0));
        }
        if let Some(before) = cutoffs.audit_before_ms {
            let n: i64 = on_read_pool!(&self.db, pool => {
                let last: Option<i64> = sqlx::query_scalar(AUDIT_LAST).bind(before).fetch_one(pool).await?;
                match last {
                    Some(last) => sqlx::query_scalar(
                        "SELECT COUNT(*) FROM audit_events WHERE seq <= $1",
                    )
                    .bind(last)
                    .fetch_one(pool)
                    .await?,
                    None => 0,
                }
            });
            counts.audit_events = u64::try_from(n).unwrap_or(0);
        }
        Ok(counts)
    }

    /// Erases what is due under `cutoffs`, in one transaction, and audits it as `actor`.
    pub async fn purge(
        &self,
        cutoffs: &Cutoffs,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<PurgeCounts> {
        let at = to_millis(now);
        let mut counts = PurgeCounts::default();
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            for (i, (_, action, condition)) in clauses().iter().enumerate() {
                let Some(before) = cutoff_of(cutoffs, i) else {
                    continue;
                };
                let sql = sqlx::AssertSqlSafe(format!("{action} WHERE {condition}"));
                let done = sqlx::query(sql).bind(before).execute(&mut *tx).await?;
                add(&mut counts, i, done.rows_affected());
            }
            if let Some(before) = cutoffs.audit_before_ms {
                let last: Option<i64> = sqlx::query_scalar(AUDIT_LAST).bind(before).fetch_one(&mut *tx).await?;
                if let Some(last) = last {
                    let hash: Vec<u8> = sqlx::query_scalar("SELECT hash FROM audit_events WHERE seq = $1")
                        .bind(last)
                        .fetch_one(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE audit_anchor SET seq = $1, hash = $2 WHERE id = 1")
                        .bind(last)
                        .bind(hash)
                        .execute(&mut *tx)
                        .await?;
                    let done = sqlx::query("DELETE FROM audit_events WHERE seq <= $1")
                        .bind(last)
                        .execute(&mut *tx)
                        .await?;
                    counts.audit_events = done.rows_affected();
                }
            }
            let details = serde_json::to_string(&counts).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            append_audit!(tx, self.keys(), at, actor, "retention.purge", "retention", &details);
            tx.commit().await?;
        });
        Ok(counts)
    }

    /// Puts case `case_id` under legal hold (`on`) or lifts the hold, with a timeline entry
    /// and an audit event. The caller has checked that `by` may.
    pub async fn set_legal_hold(
        &self,
        case_id: i64,
        on: bool,
        by: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let at = to_millis(now);
        let found = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(
                "UPDATE cases SET legal_hold = $1, legal_hold_by = $2, legal_hold_at = $3 WHERE id = $4",
            )
            .bind(on)
            .bind(by.id)
            .bind(at)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Ok(false);
            }
            let (kind, action) = if on {
                (Event::LegalHold, "case.legal_hold")
            } else {
                (Event::LegalHoldLifted, "case.legal_hold_lifted")
            };
            crate::timeline!(tx, case_id, at, kind, None);
            append_audit!(tx, self.keys(), at, &by.username, action, &format!("case:{case_id}"), "");
            tx.commit().await?;
            true
        });
        Ok(found)
    }

    /// Closes each of `case_ids` as spam (a domain rule says from which states), each in its
    /// own transaction with a timeline entry and an audit event. Returns the ids closed;
    /// the others are left as they were, with the reason.
    pub async fn close_as_spam(
        &self,
        case_ids: &[i64],
        by: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(Vec<i64>, Vec<(i64, String)>)> {
        let at = to_millis(now);
        let (mut closed, mut refused) = (Vec::new(), Vec::new());
        for &case_id in case_ids {
            let outcome: Result<(), String> = on_write_pool!(&self.db, pool => {
                let mut tx = pool.begin_write().await?;
                let state: Option<String> = sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
                    .bind(case_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                match state.map(|s| s.parse::<hotline_domain::CaseState>()) {
                    None => Err("no such case".to_owned()),
                    Some(Err(e)) => Err(e.to_string()),
                    Some(Ok(from)) => match from.close_as_spam() {
                        Err(e) => Err(e.to_string()),
                        Ok(to) => {
                            // Closed with its reason, as every closure is (docs/SPEC.md §2).
                            sqlx::query(
                                "UPDATE cases SET state = $1, assigned_to = NULL, closed_reason = $4, updated_at = $2 WHERE id = $3",
                            )
                            .bind(to.as_str())
                            .bind(at)
                            .bind(case_id)
                            .bind(hotline_domain::CloseReason::Spam.as_str())
                            .execute(&mut *tx)
                            .await?;
                            crate::timeline!(tx, case_id, at, Event::ClosedAsSpam, Some(format!("{from} -> {to}")));
                            crate::casework::reporters_see!(tx, case_id, from, to, at);
                            append_audit!(tx, self.keys(), at, &by.username, "case.spam", &format!("case:{case_id}"), &format!("{from} -> {to}"));
                            tx.commit().await?;
                            Ok(())
                        }
                    },
                }
            });
            match outcome {
                Ok(()) => closed.push(case_id),
                Err(why) => refused.push((case_id, why)),
            }
        }
        Ok((closed, refused))
    }

    /// Whether case `case_id` is under legal hold.
    pub async fn legal_hold(&self, case_id: i64) -> Result<bool> {
        let held: Option<bool> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT legal_hold FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(held.unwrap_or(false))
    }
}
