//! Answers without an account (docs/SPEC.md §2 Notice, §4).
//!
//! **Hosts.** Every notice's answer link carries a token derived from the integrity key and
//! the notice's Message-ID ([`Keyring::host_answer_token`]); the notice row keeps only its
//! keyed hash ([`answer_hash`]). The link opens while the notice's case is open, and shows the
//! address that notice named, nothing else. An answer is one transaction: the answer, the
//! case's timeline entry, the audit event in the host's name and, for "removed", a check of
//! the address at once (the case's `monitor` job, brought forward or queued).
//!
//! **Reporters.** A reporter with their receipt answers the hotline's messages on the status
//! page. Answers are messages too (`reporter_messages.from_reporter`), sealed with the same
//! context, purged with them (`retention.description_days`); the report's cases get a
//! `reporter_answered` entry. A message to a reporter queues a `reporter_news` job, which
//! mails only those who left an address and asked for news, and says only that there is news.

use hotline_domain::timeline::Event;
use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::Receipt;
use hotline_domain::answers::{HostAnswerInput, HostReply};

use crate::audit::append_audit;
use crate::jobs::enqueue_in;
use crate::{
    CaseActionError, Keyring, NewJob, Result, Store, StoreError, from_millis, on_read_pool,
    on_write_pool, to_millis,
};

/// The stored form of the answer token of the notice with this Message-ID.
pub fn answer_hash(keys: &Keyring, message_id: &str) -> Vec<u8> {
    keys.secret_hash("host_answer", &keys.host_answer_token(message_id))
}

/// What a host's answer page may show: the address its notice named and what was answered
/// through it. Nothing else of the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostAnswerPage {
    pub notice_id: i64,
    pub address: String,
    /// Earlier answers through this link, oldest first.
    pub answers: Vec<(OffsetDateTime, HostReply)>,
}

/// A message of the dialogue between the hotline and a reporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueMessage {
    pub report_id: Uuid,
    pub at: OffsetDateTime,
    pub from_reporter: bool,
    pub body: String,
}

/// What became of a reporter's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReporterAnswerOutcome {
    Recorded,
    /// No report has this receipt.
    UnknownReceipt,
    /// The hotline has written nothing to answer yet.
    NothingToAnswer,
    /// The report already holds [`MAX_REPORTER_ANSWERS`] answers.
    TooMany,
}

/// Answers a report may hold; a flood from one receipt stops here.
pub const MAX_REPORTER_ANSWERS: i64 = 20;

/// `(notice id, case id, recipient, address, case state)`.
type LinkRow = (i64, i64, String, String, String);

const LINK: &str = "SELECT n.id, n.case_id, n.recipient, c.canonical_url, c.state FROM notices n \
     JOIN cases c ON c.id = n.case_id WHERE n.answer_hash = $1";

/// The job that checks a case's address at once (the case's one `monitor` job, brought
/// forward when it waits for later).
pub fn check_now(case_id: i64, now: OffsetDateTime) -> NewJob {
    NewJob::monitor(case_id, now)
}

/// The job that mails a reporter who asked for it that there is news on their status page.
pub fn reporter_news(report_id: Uuid, now: OffsetDateTime) -> NewJob {
    NewJob::reporter_news(&report_id.to_string(), now)
}

impl Store {
    /// The answer page of the notice whose link carries `token`; `None` for a token no notice
    /// has, or once the notice's case is closed.
    pub async fn host_answer_page(&self, token: &str) -> Result<Option<HostAnswerPage>> {
        let hash = self.keys().secret_hash("host_answer", token);
        let (row, answers): (Option<LinkRow>, Vec<(i64, String)>) = on_read_pool!(&self.db, pool => {
            let row: Option<LinkRow> = sqlx::query_as(LINK).bind(hash.as_slice()).fetch_optional(pool).await?;
            let answers = match &row {
                Some((id, ..)) => sqlx::query_as(
                    "SELECT answered_at, answer FROM host_answers WHERE notice_id = $1 ORDER BY answered_at, id",
                )
                .bind(id)
                .fetch_all(pool)
                .await?,
                None => Vec::new(),
            };
            (row, answers)
        });
        let Some((notice_id, _, _, address, state)) = row else {
            return Ok(None);
        };
        if state == hotline_domain::CaseState::Closed.as_str() {
            return Ok(None);
        }
        let answers = answers
            .into_iter()
            .map(|(at, a)| {
                Ok((
                    from_millis(at)?,
                    a.parse()
                        .map_err(|()| StoreError::Corrupt(format!("host answer \"{a}\"")))?,
                ))
            })
            .collect::<Result<_>>()?;
        Ok(Some(HostAnswerPage {
            notice_id,
            address,
            answers,
        }))
    }

    /// Records a host's answer through the link carrying `token`, in one transaction: the
    /// answer, the case's `host_answered` timeline entry, the audit event in the name of the
    /// notice's recipient (`host:<address>`), and for "removed" a check at once. `Ok(None)`
    /// when the link opens nothing (unknown token, or the case is closed).
    pub async fn record_host_reply(
        &self,
        token: &str,
        answer: &HostAnswerInput,
        now: OffsetDateTime,
    ) -> std::result::Result<Option<i64>, CaseActionError> {
        let hash = self.keys().secret_hash("host_answer", token);
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<LinkRow> = sqlx::query_as(LINK).bind(hash.as_slice()).fetch_optional(&mut *tx).await?;
            let Some((notice_id, case_id, recipient, _, state)) = row else {
                return Ok(None);
            };
            if state == hotline_domain::CaseState::Closed.as_str() {
                return Ok(None);
            }
            sqlx::query("INSERT INTO host_answers (notice_id, case_id, answered_at, answer) VALUES ($1, $2, $3, $4)")
                .bind(notice_id)
                .bind(case_id)
                .bind(at)
                .bind(answer.reply.as_str())
                .execute(&mut *tx)
                .await?;
            crate::timeline!(tx, case_id, at, Event::HostAnswered, Some(answer.details()));
            append_audit!(tx, self.keys(), at, &format!("host:{recipient}"), "case.host_answer", &format!("case:{case_id}"), &format!("notice={notice_id} answer={}", answer.reply));
            if answer.reply == HostReply::Removed {
                enqueue_in!(tx, &check_now(case_id, now), at);
            }
            tx.commit().await?;
            Ok::<Option<i64>, CaseActionError>(Some(case_id))
        })
    }

    /// A reporter's answer to the hotline's messages, by receipt: sealed like the messages,
    /// with a `reporter_answered` entry on each case of the report and an audit event.
    pub async fn answer_as_reporter(
        &self,
        receipt: &Receipt,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<ReporterAnswerOutcome> {
        let hash = self.keys().receipt_hash(receipt);
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let report: Option<Uuid> = sqlx::query_scalar("SELECT id FROM reports WHERE receipt_hash = $1")
                .bind(hash.as_slice())
                .fetch_optional(&mut *tx)
                .await?;
            let Some(report_id) = report else {
                return Ok(ReporterAnswerOutcome::UnknownReceipt);
            };
            let (ours, theirs): (i64, i64) = sqlx::query_as(
                "SELECT COALESCE(SUM(CASE WHEN from_reporter THEN 0 ELSE 1 END), 0), \
                 COALESCE(SUM(CASE WHEN from_reporter THEN 1 ELSE 0 END), 0) \
                 FROM reporter_messages WHERE report_id = $1",
            )
            .bind(report_id)
            .fetch_one(&mut *tx)
            .await?;
            if ours == 0 {
                return Ok(ReporterAnswerOutcome::NothingToAnswer);
            }
            if theirs >= MAX_REPORTER_ANSWERS {
                return Ok(ReporterAnswerOutcome::TooMany);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reporter_messages (report_id, created_at, body_sealed, from_reporter) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(report_id)
            .bind(at)
            .bind(Vec::<u8>::new())
            .bind(true)
            .fetch_one(&mut *tx)
            .await?;
            let sealed = self
                .keys()
                .seal(&format!("reporter_messages.body:{report_id}:{id}"), text.as_bytes())?;
            sqlx::query("UPDATE reporter_messages SET body_sealed = $1 WHERE id = $2")
                .bind(sealed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO case_events (case_id, at, kind, report_id) \
                 SELECT DISTINCT case_id, $1, $2, report_id FROM report_addresses WHERE report_id = $3",
            )
            .bind(at)
            .bind(Event::ReporterAnswered.as_str())
            .bind(report_id)
            .execute(&mut *tx)
            .await?;
            append_audit!(tx, self.keys(), at, "reporter", "report.answer", &format!("report:{report_id}"), "");
            tx.commit().await?;
            Ok(ReporterAnswerOutcome::Recorded)
        })
    }

    /// The dialogue with the reporters of a case's reports, oldest first (opened: for staff
    /// who may read reports).
    pub async fn dialogue_of_case(&self, case_id: i64) -> Result<Vec<DialogueMessage>> {
        let rows: Vec<(i64, Uuid, i64, bool, Vec<u8>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT m.id, m.report_id, m.created_at, m.from_reporter, m.body_sealed FROM reporter_messages m \
                 WHERE m.report_id IN (SELECT report_id FROM report_addresses WHERE case_id = $1) \
                 ORDER BY m.created_at, m.id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, report_id, at, from_reporter, sealed)| {
                Ok(DialogueMessage {
                    report_id,
                    at: from_millis(at)?,
                    from_reporter,
                    body: self
                        .keys()
                        .open_text(&format!("reporter_messages.body:{report_id}:{id}"), &sealed)?,
                })
            })
            .collect()
    }

    /// Which of `case_ids` have a reporter's answer the hotline has not written after: "new
    /// answer from the reporter" in the queue.
    pub async fn cases_with_new_answers(&self, case_ids: &[i64]) -> Result<Vec<i64>> {
        if case_ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = case_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        // Only numbers go into the text.
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT DISTINCT ra.case_id FROM report_addresses ra \
             JOIN reporter_messages m ON m.report_id = ra.report_id AND m.from_reporter = TRUE \
             WHERE ra.case_id IN ({list}) AND NOT EXISTS (SELECT 1 FROM reporter_messages later \
             WHERE later.report_id = m.report_id AND later.from_reporter = FALSE AND later.id > m.id) \
             ORDER BY ra.case_id"
        ));
        Ok(on_read_pool!(&self.db, pool => {
            sqlx::query_scalar(sql).fetch_all(pool).await?
        }))
    }

    /// Where to tell the reporter of `report_id` that there is news, and in which language:
    /// only when they left an address and asked for news by mail (and retention has not erased
    /// it yet).
    pub async fn reporter_news_address(
        &self,
        report_id: Uuid,
    ) -> Result<Option<(String, hotline_domain::Language)>> {
        let row: Option<(Option<Vec<u8>>, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT contact_sealed, language FROM reports WHERE id = $1")
                .bind(report_id)
                .fetch_optional(pool)
                .await?
        });
        let Some((Some(sealed), language)) = row else {
            return Ok(None);
        };
        let json = self
            .keys()
            .open(&format!("reports.contact:{report_id}"), &sealed)?;
        let contact: hotline_domain::report::Contact =
            serde_json::from_slice(&json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let language = language.parse().unwrap_or(hotline_domain::Language::En);
        Ok(contact
            .email
            .filter(|_| contact.news_by_mail)
            .map(|e| (e, language)))
    }
}
