//! The global intake budget shared by every app server on one database: one row per minute
//! window with the number of reports reserved in it, and nothing about who sent them.
//!
//! Servers reserve in chunks (one upsert for many reports), so the hot path of intake does
//! not write here per report.

use crate::{Result, Store, on_write_pool};

/// Windows older than this many minutes are deleted when a new window is first reserved.
const KEEP_MINUTES: i64 = 10;

impl Store {
    /// Reserves up to `want` reports in minute window `minute` (UTC minutes since 1970),
    /// without the window's total going over `limit`; returns how many were granted (0 when
    /// the window is used up).
    pub async fn reserve_intake_budget(&self, minute: i64, want: u32, limit: u32) -> Result<u32> {
        let want = i64::from(want);
        let limit = i64::from(limit);
        if want == 0 || limit == 0 {
            return Ok(0);
        }
        // One atomic upsert: the row lock (PostgreSQL) or the write lock (SQLite) makes
        // `taken - want` exactly the total before this reservation, so the grants of all
        // servers together never pass `limit`. `taken` itself may overshoot by one chunk.
        let taken: Option<i64> = on_write_pool!(&self.db, pool => {
            sqlx::query_scalar(
                "INSERT INTO intake_budget (minute, taken) VALUES ($1, $2) \
                 ON CONFLICT (minute) DO UPDATE SET taken = intake_budget.taken + excluded.taken \
                 WHERE intake_budget.taken < $3 RETURNING taken",
            )
            .bind(minute)
            .bind(want)
            .bind(limit)
            .fetch_optional(pool)
            .await?
        });
        let Some(taken) = taken else {
            return Ok(0);
        };
        let before = taken - want;
        if before == 0 {
            // This server opened the window: forget old ones.
            on_write_pool!(&self.db, pool => {
                sqlx::query("DELETE FROM intake_budget WHERE minute < $1")
                    .bind(minute - KEEP_MINUTES)
                    .execute(pool)
                    .await?;
            });
        }
        let granted = want.min(limit - before).max(0);
        Ok(u32::try_from(granted).unwrap_or(0))
    }
}
