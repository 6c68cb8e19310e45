//! The police side of a referral: what they recorded, stamped on the timeline and audited.

use time::OffsetDateTime;

use hotline_domain::staff::PoliceStep;

use crate::audit::append_audit;
use crate::casework::CaseActionError;
use crate::staff::StaffUser;
use crate::{Result, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// The longest note kept with a police step.
pub const MAX_NOTE_CHARS: usize = 2000;

impl Store {
    /// Records a police step on a case referred to them, with an optional note.
    pub async fn record_police_step(
        &self,
        case_id: i64,
        step: PoliceStep,
        note: &str,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> std::result::Result<(), CaseActionError> {
        let at = to_millis(now);
        let note: String = note.trim().chars().take(MAX_NOTE_CHARS).collect();
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let updated = sqlx::query(
                "UPDATE cases SET police_status = $1, updated_at = $2 WHERE id = $3 AND referred_to_police = TRUE",
            )
            .bind(step.as_str())
            .bind(at)
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated != 1 {
                return Err(CaseActionError::Refused("this case has not been referred to the police".into()));
            }
            crate::timeline!(tx, case_id, at, step.timeline_leg(), if note.is_empty() { None } else { Some(note.clone()) });
            append_audit!(tx, self.keys(), at, &user.username, "case.police_step", &format!("case:{case_id}"), step.as_str());
            tx.commit().await?;
            Ok(())
        })
    }

    /// What the police last recorded on a case.
    pub async fn police_status(&self, case_id: i64) -> Result<Option<PoliceStep>> {
        let s: Option<Option<String>> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT police_status FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        s.flatten()
            .map(|v| {
                v.parse()
                    .map_err(|()| StoreError::Corrupt(format!("police status \"{v}\"")))
            })
            .transpose()
    }
}
