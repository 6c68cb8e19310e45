//! Exports for other case systems (`hotline export cases`, `GET /api/v1/exports/cases`): the
//! cases opened in a period, without anything about who reported them. Reporters' contact
//! details are included only when an admin asks for them explicitly, and every export is
//! written to the audit trail before any data leaves.

use time::OffsetDateTime;

use crate::audit::append_audit;
use crate::staff::random_hex;
use crate::{Result, Store, StoreError, from_millis, on_read_pool, on_write_pool, to_millis};

/// What to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportQuery {
    /// Cases opened at or after this time.
    pub from: Option<OffsetDateTime>,
    /// Cases opened before this time.
    pub to: Option<OffsetDateTime>,
    /// Include the reporters' contact details (admins only; audited as such).
    pub with_reporters: bool,
}

/// One exported case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportCase {
    pub case_id: i64,
    pub address: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub state: String,
    pub urgent: bool,
    pub report_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// The police's own file number (their latest `acknowledged` step), for cross-reference.
    pub police_file_number: Option<String>,
    /// Why the case was closed, once it is.
    pub closed_reason: Option<String>,
    /// The latest assessment (or review), in ICCAM's vocabulary (docs/SPEC.md §2).
    pub assessment: Option<hotline_domain::Assessment>,
    /// Only with `with_reporters`: the contact details reporters left, in report order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporters: Option<Vec<hotline_domain::Contact>>,
}

/// `(id, canonical, host, registrable domain, state, priority, reports, created, updated,
/// police file number, closing reason)`.
type CaseRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
    i64,
    i64,
    Option<String>,
    Option<String>,
);

impl Store {
    /// Records the export in the audit trail (committed first), then reads the cases.
    pub async fn export_cases(
        &self,
        query: &ExportQuery,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<Vec<ExportCase>> {
        let from = query.from.map(to_millis).unwrap_or(i64::MIN);
        let to = query.to.map(to_millis).unwrap_or(i64::MAX);
        let action = if query.with_reporters {
            "export.cases_with_reporters"
        } else {
            "export.cases"
        };
        let details = format!(
            "from={} to={}",
            query
                .from
                .map(to_millis)
                .map_or("-".into(), |v| v.to_string()),
            query
                .to
                .map(to_millis)
                .map_or("-".into(), |v| v.to_string()),
        );
        self.audit(actor, action, "cases", &details, now).await?;
        let rows: Vec<CaseRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT c.id, c.canonical_url, c.host, c.registrable_domain, c.state, c.priority, c.report_count, \
                 c.created_at, c.updated_at, \
                 (SELECT p.reference FROM police_steps p WHERE p.case_id = c.id AND p.step = 'acknowledged' \
                  ORDER BY p.id DESC LIMIT 1), c.closed_reason \
                 FROM cases c WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY c.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        let assessment_rows: Vec<crate::casework::AssessmentSqlRow> = on_read_pool!(&self.db, pool => {
            // The first column (`kind` elsewhere) carries the case number here.
            sqlx::query_as(
                "SELECT CAST(a.case_id AS TEXT), a.classification, a.reason, a.statutory_reference, a.age_group, \
                 a.gender, a.media, a.site_type, a.commerciality, a.payment_methods, a.is_virtual, a.child_modelling, \
                 a.user_generated, u.username, a.assessed_at \
                 FROM assessments a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.assessed_by \
                 WHERE c.created_at >= $1 AND c.created_at < $2 \
                 AND a.id = (SELECT MAX(l.id) FROM assessments l WHERE l.case_id = a.case_id)",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        let mut assessments = std::collections::HashMap::new();
        for r in &assessment_rows {
            let id: i64 =
                r.0.parse()
                    .map_err(|_| StoreError::Corrupt(format!("case number \"{}\"", r.0)))?;
            assessments.insert(id, crate::casework::assessment_from_row(r)?);
        }
        let mut out = Vec::with_capacity(rows.len());
        for (
            case_id,
            address,
            host,
            registrable_domain,
            state,
            priority,
            report_count,
            c,
            u,
            police_file_number,
            closed_reason,
        ) in rows
        {
            let reporters = if query.with_reporters {
                Some(self.case_contacts(case_id).await?)
            } else {
                None
            };
            out.push(ExportCase {
                case_id,
                address,
                host,
                registrable_domain,
                state,
                urgent: priority > 0,
                report_count,
                created_at: from_millis(c)?,
                updated_at: from_millis(u)?,
                police_file_number,
                closed_reason,
                assessment: assessments.remove(&case_id),
                reporters,
            });
        }
        Ok(out)
    }

    /// The contact details left with the reports of a case, opened.
    async fn case_contacts(&self, case_id: i64) -> Result<Vec<hotline_domain::Contact>> {
        let rows: Vec<(uuid::Uuid, Vec<u8>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.id, r.contact_sealed FROM reports r JOIN report_addresses ra ON ra.report_id = r.id \
                 WHERE ra.case_id = $1 AND r.contact_sealed IS NOT NULL ORDER BY r.received_at, r.id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, sealed)| {
                let json = self
                    .keys()
                    .open(&format!("reports.contact:{id}"), &sealed)?;
                serde_json::from_slice(&json).map_err(|e| StoreError::Corrupt(e.to_string()))
            })
            .collect()
    }

    /// Creates a bearer token for `name` that may only use the exports, printed once and
    /// stored hashed.
    pub async fn create_export_token(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<String, crate::AccountOpError> {
        let username = hotline_domain::login::parse_username(name)?;
        let token = format!("hl_{}", random_hex(32)?);
        let at = to_millis(now);
        let hash = self.keys().secret_hash("token", &token);
        let done: std::result::Result<(), crate::AccountOpError> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username = $1 AND NOT disabled")
                .bind(&username)
                .fetch_optional(&mut *tx)
                .await?;
            let id = id.ok_or_else(|| crate::AccountOpError::NoSuchUser(username.clone()))?;
            sqlx::query("INSERT INTO api_tokens (token_hash, user_id, created_at, scope) VALUES ($1, $2, $3, 'export')")
                .bind(&hash)
                .bind(id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, actor, "token.create", &format!("user:{username}"), "scope=export");
            tx.commit().await?;
            Ok(())
        });
        done?;
        Ok(token)
    }

    /// The user an export-scoped bearer token belongs to, if the token and the user are live.
    pub async fn export_token_user(&self, token: &str) -> Result<Option<crate::StaffUser>> {
        let hash = self.keys().secret_hash("token", token.trim());
        let row: Option<(i64, String, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT u.id, u.username, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.token_hash = $1 AND t.scope = 'export' AND t.revoked_at IS NULL AND NOT u.disabled",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(id, username, role)| {
            let role = role
                .parse()
                .map_err(|()| StoreError::Corrupt(format!("role of {username}")))?;
            Ok(crate::StaffUser { id, username, role })
        })
        .transpose()
    }
}
