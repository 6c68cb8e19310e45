//! Until it is gone: the checks of a case's address, what monitoring needs to decide its next
//! step, the domains staff marked as dedicated to abuse material, and the blocklist.

use hotline_domain::blocklist::ListedAddress;
use hotline_domain::monitoring::CheckOutcome;
use hotline_domain::timeline::Event;
use time::OffsetDateTime;

use crate::{
    Result, Store, StoreError, audit::append_audit, from_millis, on_read_pool, on_write_pool,
    to_millis,
};

/// How many recent results monitoring looks at; more than any removal threshold in use.
const RECENT_RESULTS: i64 = 50;

/// One stored check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCheck {
    pub checked_at: OffsetDateTime,
    pub outcome: CheckOutcome,
    pub http_status: Option<u16>,
    pub detail: String,
}

/// What monitoring knows about a case at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorFacts {
    pub state: hotline_domain::CaseState,
    pub canonical: String,
    /// When the case last began awaiting removal (ms).
    pub since: Option<i64>,
    /// When it last moved to `removed` (ms).
    pub removed_at: Option<i64>,
    /// Results since `since`, oldest first.
    pub recent: Vec<CheckOutcome>,
    /// When the first notice was sent, and the last notice (first or repeat) queued (ms).
    pub first_notice: Option<i64>,
    pub last_notice: Option<i64>,
    /// Repeats queued so far.
    pub rounds: u32,
    pub escalated: bool,
}

/// A domain staff marked as dedicated to abuse material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DedicatedDomain {
    pub domain: String,
    pub marked_by: String,
    pub marked_at: OffsetDateTime,
}

fn parse_outcome(s: &str) -> Result<CheckOutcome> {
    s.parse()
        .map_err(|()| StoreError::Corrupt(format!("check outcome \"{s}\"")))
}

/// `(at, outcome, status, detail)`.
type CheckRow = (i64, String, Option<i64>, String);

impl Store {
    /// Records one check of a case's address.
    pub async fn record_check(
        &self,
        case_id: i64,
        outcome: CheckOutcome,
        http_status: Option<u16>,
        detail: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let detail: String = detail.chars().take(500).collect();
        on_write_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO checks (case_id, checked_at, outcome, http_status, detail) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(case_id)
            .bind(to_millis(now))
            .bind(outcome.as_str())
            .bind(http_status.map(i64::from))
            .bind(&detail)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The case's latest checks, newest first.
    pub async fn checks_of_case(&self, case_id: i64, limit: i64) -> Result<Vec<StoredCheck>> {
        let rows: Vec<CheckRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT checked_at, outcome, http_status, detail FROM checks WHERE case_id = $1 \
                 ORDER BY checked_at DESC, id DESC LIMIT $2",
            )
            .bind(case_id)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(at, outcome, status, detail)| {
                Ok(StoredCheck {
                    checked_at: from_millis(at)?,
                    outcome: parse_outcome(&outcome)?,
                    http_status: status.and_then(|s| u16::try_from(s).ok()),
                    detail,
                })
            })
            .collect()
    }

    /// What monitoring needs to decide about a case; `None` if there is no such case.
    pub async fn monitor_facts(&self, case_id: i64) -> Result<Option<MonitorFacts>> {
        type Head = (String, String, Option<i64>, Option<i64>);
        type Notices = (Option<i64>, Option<i64>, Option<i64>);
        let found: Option<(Head, Vec<String>, Notices, i64)> = on_read_pool!(&self.db, pool => {
            let head: Option<Head> = sqlx::query_as(
                "SELECT c.state, c.canonical_url, \
                 (SELECT MAX(at) FROM case_events WHERE case_id = c.id AND details LIKE '% -> awaiting_removal'), \
                 (SELECT MAX(at) FROM case_events WHERE case_id = c.id AND details LIKE '% -> removed') \
                 FROM cases c WHERE c.id = $1",
            )
            .bind(case_id)
            .fetch_optional(pool)
            .await?;
            match head {
                None => None,
                Some(head) => {
                    let recent: Vec<String> = sqlx::query_scalar(
                        "SELECT outcome FROM checks WHERE case_id = $1 AND checked_at >= $2 \
                         ORDER BY checked_at DESC, id DESC LIMIT $3",
                    )
                    .bind(case_id)
                    .bind(head.2.unwrap_or(0))
                    .bind(RECENT_RESULTS)
                    .fetch_all(pool)
                    .await?;
                    let notices: Notices = sqlx::query_as(
                        "SELECT MIN(CASE WHEN kind = 'notice' THEN sent_at END), \
                         MAX(CASE WHEN kind IN ('notice', 'renotice') THEN created_at END), \
                         MAX(CASE WHEN kind = 'renotice' THEN round END) \
                         FROM notices WHERE case_id = $1",
                    )
                    .bind(case_id)
                    .fetch_one(pool)
                    .await?;
                    let escalated: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND kind = 'escalated'",
                    )
                    .bind(case_id)
                    .fetch_one(pool)
                    .await?;
                    Some((head, recent, notices, escalated))
                }
            }
        });
        let Some(((state, canonical, since, removed_at), recent, notices, escalated)) = found
        else {
            return Ok(None);
        };
        let mut recent = recent
            .iter()
            .map(|s| parse_outcome(s))
            .collect::<Result<Vec<_>>>()?;
        recent.reverse();
        Ok(Some(MonitorFacts {
            state: state
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("state of case {case_id}")))?,
            canonical,
            since,
            removed_at,
            recent,
            first_notice: notices.0,
            last_notice: notices.1,
            rounds: u32::try_from(notices.2.unwrap_or(0)).unwrap_or(0),
            escalated: escalated > 0,
        }))
    }

    /// Records that a case was escalated (registrar, CDN, police told): on the timeline,
    /// where the police see it on cases referred to them, and in the audit trail.
    pub async fn record_escalation(
        &self,
        case_id: i64,
        details: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            crate::timeline!(tx, case_id, at, Event::Escalated, Some(details.to_owned()));
            append_audit!(tx, self.keys(), at, "system", "case.escalate", &format!("case:{case_id}"), details);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Marks (or, with `dedicated = false`, unmarks) a registrable domain as dedicated to
    /// abuse material: only such domains go whole into the DNS blocklist. Audited.
    pub async fn mark_domain_dedicated(
        &self,
        domain: &str,
        dedicated: bool,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            if dedicated {
                sqlx::query(
                    "INSERT INTO dedicated_domains (domain, marked_by, marked_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (domain) DO NOTHING",
                )
                .bind(&domain)
                .bind(actor)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            } else {
                sqlx::query("DELETE FROM dedicated_domains WHERE domain = $1")
                    .bind(&domain)
                    .execute(&mut *tx)
                    .await?;
            }
            let action = if dedicated { "domain.dedicated" } else { "domain.not_dedicated" };
            append_audit!(tx, self.keys(), at, actor, action, &format!("domain:{domain}"), "");
            tx.commit().await?;
        });
        Ok(())
    }

    /// The domain's mark, if staff set one.
    pub async fn dedicated_domain(&self, domain: &str) -> Result<Option<DedicatedDomain>> {
        let row: Option<(String, String, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT domain, marked_by, marked_at FROM dedicated_domains WHERE domain = $1")
                .bind(domain)
                .fetch_optional(pool)
                .await?
        });
        row.map(|(domain, marked_by, at)| {
            Ok(DedicatedDomain {
                domain,
                marked_by,
                marked_at: from_millis(at)?,
            })
        })
        .transpose()
    }

    /// Addresses assessed illegal (by their latest assessment) whose case is not removed or
    /// closed, oldest case first.
    pub async fn blocklist(&self) -> Result<Vec<ListedAddress>> {
        type Row = (i64, String, String, Option<String>, bool, i64, Option<i64>);
        let rows: Vec<Row> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT c.id, c.canonical_url, c.host, c.registrable_domain, \
                 EXISTS (SELECT 1 FROM dedicated_domains d WHERE d.domain = c.registrable_domain), \
                 a.assessed_at, \
                 (SELECT MAX(k.checked_at) FROM checks k WHERE k.case_id = c.id AND k.outcome = 'online') \
                 FROM cases c JOIN assessments a ON a.id = \
                   (SELECT MAX(a2.id) FROM assessments a2 WHERE a2.case_id = c.id) \
                 WHERE c.state IN ('assessed', 'referred', 'awaiting_removal') \
                 AND a.classification IN ('baseline', 'national') ORDER BY c.id",
            )
            .fetch_all(pool)
            .await?
        });
        let rfc3339 = |ms: i64| -> Result<String> {
            from_millis(ms)?
                .format(&time::format_description::well_known::Rfc3339)
                .map_err(|e| StoreError::Corrupt(format!("a time: {e}")))
        };
        rows.into_iter()
            .map(
                |(case_id, address, host, domain, dedicated, assessed, seen)| {
                    Ok(ListedAddress {
                        case_id,
                        address,
                        host,
                        registrable_domain: domain,
                        dedicated_domain: dedicated,
                        assessed_at: rfc3339(assessed)?,
                        last_seen_online: seen.map(rfc3339).transpose()?,
                    })
                },
            )
            .collect()
    }

    /// Creates a bearer token that may only read the blocklist, for an ISP or a filter
    /// vendor named `label`; returns it (shown once, stored hashed). Audited.
    pub async fn create_blocklist_token(
        &self,
        label: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<String> {
        let mut raw = [0u8; 32];
        crate::secrets::random_bytes(&mut raw)?;
        let token = format!("hlb_{}", hex::encode(raw));
        let at = to_millis(now);
        let label: String = label.trim().chars().take(100).collect();
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("INSERT INTO api_tokens (token_hash, scope, label, created_at) VALUES ($1, 'blocklist', $2, $3)")
                .bind(self.keys().secret_hash("token", &token))
                .bind(&label)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, actor, "token.create", &format!("blocklist:{label}"), "");
            tx.commit().await?;
        });
        Ok(token)
    }

    /// Whether `token` is a live blocklist token; returns its label, and notes its use.
    pub async fn blocklist_token(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<Option<String>> {
        let hash = self.keys().secret_hash("token", token.trim());
        on_write_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar(
                "UPDATE api_tokens SET last_used_at = $2 \
                 WHERE token_hash = $1 AND scope = 'blocklist' AND revoked_at IS NULL RETURNING label",
            )
            .bind(&hash)
            .bind(to_millis(now))
            .fetch_optional(pool)
            .await?
            .flatten())
        })
    }
}
