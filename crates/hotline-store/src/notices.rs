//! The notice outbox: written before sending, marked as it goes, so a notice is never sent
//! twice by a retry, and every sent notice is on the case's timeline.

use hotline_domain::timeline::Event;
use time::OffsetDateTime;

use crate::{Result, Store, on_read_pool, on_write_pool, to_millis};

/// A notice to queue.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub recipient: String,
    /// `host`, `cdn` or `registrar`.
    pub role: String,
    pub subject: String,
    pub body: String,
    pub xarf: String,
    /// Unique per notice; also the e-mail's Message-ID.
    pub message_id: String,
    /// The first notice, a repeat, or an escalation.
    pub kind: hotline_domain::notice::NoticeKind,
    /// Which repeat a `renotice` is, from 1; 0 otherwise.
    pub round: i64,
}

/// A queued notice.
#[derive(Debug, Clone)]
pub struct QueuedNotice {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub xarf: String,
    pub message_id: String,
    pub state: String,
    /// `notice`, `renotice` or `escalation` (see [`NewNotice::kind`]).
    pub kind: String,
}

impl Store {
    /// Queues notices for a case; one already queued (same Message-ID) is left as it is.
    pub async fn queue_notices(
        &self,
        case_id: i64,
        notices: &[NewNotice],
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            for n in notices {
                sqlx::query(
                    "INSERT INTO notices (case_id, recipient, role, subject, body, xarf, message_id, created_at, kind, round, answer_hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (message_id) DO NOTHING",
                )
                .bind(case_id)
                .bind(&n.recipient)
                .bind(&n.role)
                .bind(&n.subject)
                .bind(&n.body)
                .bind(&n.xarf)
                .bind(&n.message_id)
                .bind(at)
                .bind(n.kind.as_str())
                .bind(n.round)
                .bind(crate::answers::answer_hash(self.keys(), &n.message_id))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The case's notices, oldest first.
    pub async fn notices_of_case(&self, case_id: i64) -> Result<Vec<QueuedNotice>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(i64, String, String, String, String, String, String, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT id, recipient, subject, body, xarf, message_id, state, kind FROM notices WHERE case_id = $1 ORDER BY id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(id, recipient, subject, body, xarf, message_id, state, kind)| QueuedNotice {
                    id,
                    recipient,
                    subject,
                    body,
                    xarf,
                    message_id,
                    state,
                    kind,
                },
            )
            .collect())
    }

    /// Takes a pending notice for sending; `false` if it is not pending (sent, or another
    /// worker has it). A notice left 'sending' by a crash becomes 'uncertain' instead.
    pub async fn begin_sending_notice(&self, id: i64) -> Result<bool> {
        on_write_pool!(&self.db, pool => {
            let n = sqlx::query("UPDATE notices SET state = 'sending' WHERE id = $1 AND state = 'pending'")
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected();
            if n == 0 {
                sqlx::query(
                    "UPDATE notices SET state = 'uncertain', last_error = 'a send was interrupted; check before sending again' \
                     WHERE id = $1 AND state = 'sending'",
                )
                .bind(id)
                .execute(pool)
                .await?;
            }
            Ok(n == 1)
        })
    }

    /// Marks a notice sent, with a `notice_sent` timeline entry.
    pub async fn notice_sent(
        &self,
        id: i64,
        case_id: i64,
        recipient: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let kind: Option<String> = sqlx::query_scalar(
                "UPDATE notices SET state = 'sent', sent_at = $1, last_error = NULL WHERE id = $2 RETURNING kind",
            )
            .bind(at)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let event = kind
                .and_then(|k| k.parse::<hotline_domain::notice::NoticeKind>().ok())
                .unwrap_or(hotline_domain::notice::NoticeKind::Notice)
                .sent_event();
            crate::timeline!(tx, case_id, at, event, Some(recipient.to_string()));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Puts a notice whose sending failed back to pending, with the error.
    pub async fn notice_failed(&self, id: i64, error: &str) -> Result<()> {
        on_write_pool!(&self.db, pool => {
            sqlx::query("UPDATE notices SET state = 'pending', last_error = $1 WHERE id = $2 AND state = 'sending'")
                .bind(error)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// When the case was referred to the police (its first `referred_police` entry).
    pub async fn referred_at(&self, case_id: i64) -> Result<Option<i64>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar(
                "SELECT MIN(at) FROM case_events WHERE case_id = $1 AND kind = 'referred_police'",
            )
            .bind(case_id)
            .fetch_one(pool)
            .await?)
        })
    }

    /// Records what a host answered to the case's notice (with the reason when it refused):
    /// on the timeline and in the audit trail. A removal also moves the case to `removed`.
    pub async fn record_host_answer(
        &self,
        case_id: i64,
        answer: hotline_domain::notice::HostAnswer,
        reason: &str,
        user: &crate::StaffUser,
        now: OffsetDateTime,
    ) -> std::result::Result<(), crate::CaseActionError> {
        let at = to_millis(now);
        let reason: String = reason.trim().chars().take(2000).collect();
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notices WHERE case_id = $1 AND state = 'sent'")
                .bind(case_id)
                .fetch_one(&mut *tx)
                .await?;
            if sent == 0 {
                return Err(crate::CaseActionError::Refused(hotline_domain::Refusal::new("no_notice_sent", "no notice has been sent for this case")));
            }
            crate::timeline!(tx, case_id, at, answer.timeline_leg(), if reason.is_empty() { None } else { Some(reason.clone()) });
            crate::audit::append_audit!(tx, self.keys(), at, &user.username, "case.host_answer", &format!("case:{case_id}"), answer.as_str());
            tx.commit().await?;
            Ok::<(), crate::CaseActionError>(())
        })?;
        if answer == hotline_domain::notice::HostAnswer::Removed {
            let m = crate::Move {
                to: hotline_domain::CaseState::Removed,
                procedure: hotline_domain::Procedure::Assess,
                event: Event::RemovedByHost,
                police_unit: None,
                close_reason: None,
                jobs: &[],
            };
            match self.move_case_by(case_id, m, user, now).await {
                Ok(_)
                | Err(crate::CaseActionError::Illegal(_) | crate::CaseActionError::Conflict(_)) => {
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}
