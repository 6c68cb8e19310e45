//! Moving cases between states. The domain decides which moves are legal; this module only
//! makes an allowed move stick, atomically, and records it on the timeline.

use time::OffsetDateTime;

use hotline_domain::{CaseState, IllegalTransition, Procedure};

use crate::{Result, Store, StoreError, on_write_pool, to_millis};

/// Why a case did not move.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("there is no case {0}")]
    NoSuchCase(i64),
    #[error(transparent)]
    Illegal(#[from] IllegalTransition),
    /// Somebody else moved the case between our read and our write; read it again.
    #[error("case {0} was changed by someone else at the same time")]
    Conflict(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for MoveError {
    fn from(e: sqlx::Error) -> Self {
        MoveError::Store(StoreError::Database(e))
    }
}

impl Store {
    /// Moves case `case_id` to `to` if the state machine allows it from its current state,
    /// and adds the timeline entry `event` (e.g. `closed`).
    pub async fn move_case(
        &self,
        case_id: i64,
        to: CaseState,
        procedure: Procedure,
        event: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<CaseState, MoveError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin().await?;
            let current: Option<String> = sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?;
            let current: CaseState = current
                .ok_or(MoveError::NoSuchCase(case_id))?
                .parse()
                .map_err(|e: hotline_domain::case::UnknownState| StoreError::Corrupt(e.to_string()))?;
            let next = current.move_to(to, procedure)?;
            // The state in the WHERE clause fences out a concurrent move made since our read.
            let moved = sqlx::query("UPDATE cases SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
                .bind(next.as_str())
                .bind(at)
                .bind(case_id)
                .bind(current.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if moved != 1 {
                return Err(MoveError::Conflict(case_id));
            }
            sqlx::query("INSERT INTO case_events (case_id, at, kind, details) VALUES ($1, $2, $3, $4)")
                .bind(case_id)
                .bind(at)
                .bind(event)
                .bind(format!("{current} -> {next}"))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(next)
        })
    }

    /// The timeline of a case: `(at, kind)` in order.
    pub async fn case_timeline(&self, case_id: i64) -> Result<Vec<(OffsetDateTime, String)>> {
        let rows: Vec<(i64, String)> = crate::on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT at, kind FROM case_events WHERE case_id = $1 ORDER BY at, id")
                .bind(case_id)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(at, kind)| Ok((crate::from_millis(at)?, kind)))
            .collect()
    }
}
