//! The police side of a referral: every step the police recorded, kept as an append-only list
//! (`police_steps`), stamped on the timeline and audited. What a step does to the case (await
//! removal, close, let the notice go) is decided by `hotline_domain::police` and applied in
//! the same transaction as the step.

use time::OffsetDateTime;

use hotline_domain::police::{PoliceEffect, PoliceRecord, PoliceStep};
use hotline_domain::{CaseState, Procedure};

use crate::audit::append_audit;
use crate::casework::CaseActionError;
use crate::staff::StaffUser;
use crate::{Result, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// `(step, reference, reason, country, note)`.
type StepRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

const STEPS_OF_CASE: &str = "SELECT step, reference, reason, country, note FROM police_steps WHERE case_id = $1 ORDER BY id";

fn step_from_row(r: StepRow) -> Result<PoliceStep> {
    let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("police {what} \"{v}\""));
    Ok(PoliceStep {
        kind: r.0.parse().map_err(|()| corrupt("step", &r.0))?,
        reference: r.1,
        reason: r
            .2
            .map(|v| v.parse().map_err(|()| corrupt("decline reason", &v)))
            .transpose()?,
        country: r.3,
        note: r.4.unwrap_or_default(),
    })
}

fn record_of(rows: Vec<StepRow>) -> Result<PoliceRecord> {
    Ok(PoliceRecord::new(
        rows.into_iter()
            .map(step_from_row)
            .collect::<Result<Vec<_>>>()?,
    ))
}

impl Store {
    /// Records a police step on a case referred to the police and applies what it does, all
    /// in one transaction: the step, its timeline entry and audit event, the case's move
    /// (`order_served` → `awaiting_removal`, `declined` → closed) and the jobs it starts (the
    /// notice job when the notice may go, monitoring when the case awaits removal). Returns
    /// what the step did.
    pub async fn record_police_step(
        &self,
        case_id: i64,
        step: &PoliceStep,
        procedure: Procedure,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> std::result::Result<PoliceEffect, CaseActionError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // Touching the row first locks it (PostgreSQL), so two steps recorded at once are
            // checked one after the other against the whole list.
            let row: Option<(String, bool)> = sqlx::query_as(
                "UPDATE cases SET updated_at = $1 WHERE id = $2 RETURNING state, referred_to_police",
            )
            .bind(at)
            .bind(case_id)
            .fetch_optional(&mut *tx)
            .await?;
            let (state, to_police) = row.ok_or(CaseActionError::NoSuchCase(case_id))?;
            if !to_police {
                return Err(CaseActionError::Refused(hotline_domain::Refusal::new("not_referred_to_police", "this case has not been referred to the police")));
            }
            let state: CaseState = state
                .parse()
                .map_err(|e: hotline_domain::case::UnknownState| StoreError::Corrupt(e.to_string()))?;
            let rows: Vec<StepRow> = sqlx::query_as(STEPS_OF_CASE).bind(case_id).fetch_all(&mut *tx).await?;
            let effect = record_of(rows)?.check(step, state).map_err(CaseActionError::PoliceStep)?;
            sqlx::query(
                "INSERT INTO police_steps (case_id, at, step, reference, reason, country, note, actor) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(case_id)
            .bind(at)
            .bind(step.kind.as_str())
            .bind(step.reference.as_deref())
            .bind(step.reason.map(|r| r.as_str()))
            .bind(step.country.as_deref())
            .bind(Some(step.note.as_str()).filter(|n| !n.is_empty()))
            .bind(&user.username)
            .execute(&mut *tx)
            .await?;
            crate::timeline!(tx, case_id, at, step.kind.timeline_leg(), step.details());
            append_audit!(tx, self.keys(), at, &user.username, "case.police_step", &format!("case:{case_id}"), step.kind.as_str());
            match effect {
                PoliceEffect::Recorded => {}
                PoliceEffect::NoticeMayGo => {
                    crate::jobs::enqueue_in!(tx, &crate::NewJob::notice(case_id, now), at);
                }
                PoliceEffect::AwaitRemoval => {
                    crate::casework::transition!(tx, case_id, CaseState::AwaitingRemoval, procedure, hotline_domain::timeline::Event::AwaitingRemoval, at);
                }
                PoliceEffect::Close(reason) => {
                    crate::casework::close_in!(tx, case_id, Some(reason), procedure, at);
                }
            }
            tx.commit().await?;
            Ok(effect)
        })
    }

    /// Everything the police recorded on a case, oldest first.
    pub async fn police_record(&self, case_id: i64) -> Result<PoliceRecord> {
        let rows: Vec<StepRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(STEPS_OF_CASE).bind(case_id).fetch_all(pool).await?
        });
        record_of(rows)
    }

    /// The police unit of account `user_id` (every account has one; `national` unless set).
    pub async fn user_unit(&self, user_id: i64) -> Result<Option<String>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar("SELECT unit FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The open cases referred to `unit` whose referral its notify addresses were not told of.
    pub async fn police_referrals_untold(&self, unit: &str) -> Result<Vec<i64>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar(
                "SELECT id FROM cases WHERE police_unit = $1 AND police_notified_at IS NULL \
                 AND state <> 'closed' ORDER BY id",
            )
            .bind(unit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Marks referrals as told to their unit's notify addresses.
    pub async fn police_referrals_told(&self, case_ids: &[i64], now: OffsetDateTime) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            for id in case_ids {
                sqlx::query("UPDATE cases SET police_notified_at = $1 WHERE id = $2 AND police_notified_at IS NULL")
                    .bind(at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
