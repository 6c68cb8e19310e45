//! Case work: the queue, the case file, and every staff action on a case. Each action is one
//! transaction that checks the state machine, changes the case, adds a timeline entry and
//! appends to the audit trail, so the three can never disagree. Who may do what is decided
//! by the caller with `hotline_domain::staff`, before calling in here.

use hotline_domain::timeline::Event;
use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::assessment::{Assessment, Classification, Findings, PaymentMethod};
use hotline_domain::{CaseState, Contact, Procedure};

use crate::audit::append_audit;
use crate::staff::StaffUser;
use crate::{Result, Store, StoreError, from_millis, on_read_pool, on_write_pool, to_millis};

/// Why a case action did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CaseActionError {
    #[error("there is no case {0}")]
    NoSuchCase(i64),
    #[error(transparent)]
    Illegal(#[from] hotline_domain::IllegalTransition),
    #[error("case {0} was changed by someone else at the same time; reload and try again")]
    Conflict(i64),
    #[error("another open case (#{0}) already has this address")]
    DuplicateOpenCase(i64),
    /// Refused for a reason the staff read (coded, see [`hotline_domain::Refusal`]).
    #[error("{0}")]
    Refused(hotline_domain::Refusal),
    /// A police step the record does not allow (names the form field).
    #[error(transparent)]
    PoliceStep(hotline_domain::police::PoliceStepRefused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CaseActionError {
    fn from(e: sqlx::Error) -> Self {
        CaseActionError::Store(StoreError::Database(e))
    }
}

/// Whose cases the queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Assignee {
    #[default]
    Anyone,
    Nobody,
    User(String),
}

/// The queue's filters.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// One state; `None` means every open (not closed) state.
    pub state: Option<CaseState>,
    pub urgent_only: bool,
    /// Only cases received before this time.
    pub received_before: Option<OffsetDateTime>,
    pub assignee: Assignee,
    pub needs_review: bool,
    /// Only cases referred to the police (what police users see).
    pub referred_to_police_only: bool,
    /// Only cases referred to this police unit (what an officer of that unit sees).
    pub police_unit: Option<String>,
}

/// Where the next page starts: the sort key of the last row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueCursor {
    pub priority: i64,
    pub created_at: i64,
    pub id: i64,
}

impl QueueCursor {
    /// As put in a link: `priority.created_at.id`.
    pub fn encode(&self) -> String {
        format!("{}.{}.{}", self.priority, self.created_at, self.id)
    }

    pub fn decode(s: &str) -> Option<QueueCursor> {
        let mut it = s.split('.').map(|p| p.parse::<i64>().ok());
        let c = QueueCursor {
            priority: it.next()??,
            created_at: it.next()??,
            id: it.next()??,
        };
        it.next().is_none().then_some(c)
    }
}

/// One line of the queue.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub case_id: i64,
    pub canonical: String,
    pub state: CaseState,
    pub urgent: bool,
    pub report_count: i64,
    pub created_at: OffsetDateTime,
    pub assignee: Option<String>,
    pub review_requested: bool,
}

/// One report in a case file.
#[derive(Debug, Clone)]
pub struct CaseReport {
    pub report_id: Uuid,
    pub received_at: OffsetDateTime,
    pub channel: String,
    pub where_found: String,
    pub language: String,
    pub urgent: bool,
    /// The address as the reporter typed it; only when content may be read.
    pub submitted: Option<String>,
    pub description: Option<String>,
    pub contact: Option<Contact>,
}

/// A recorded assessment or review.
#[derive(Debug, Clone)]
pub struct AssessmentRecord {
    pub kind: String,
    pub assessment: Assessment,
    pub by: String,
    pub at: OffsetDateTime,
}

/// A timeline entry.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    pub at: OffsetDateTime,
    pub kind: Event,
    pub details: Option<String>,
}

/// Everything on a case page.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub case_id: i64,
    pub canonical: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub state: CaseState,
    pub urgent: bool,
    pub report_count: i64,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub assignee: Option<String>,
    pub assessment_started_at: Option<OffsetDateTime>,
    pub review_requested_by: Option<String>,
    pub referred_to_police: bool,
    /// Why the case was closed (cases closed before reasons were kept have none).
    pub closed_reason: Option<hotline_domain::CloseReason>,
    pub reports: Vec<CaseReport>,
    pub assessments: Vec<AssessmentRecord>,
    pub timeline: Vec<TimelineEntry>,
}

/// What a supervisor decides on review.
#[derive(Debug, Clone)]
pub enum ReviewOutcome {
    Confirm,
    Override(Assessment),
}

/// Assessment time of one analyst on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WelfareDay {
    pub username: String,
    pub minutes: u32,
    pub lifted: bool,
}

/// The UTC day of `t`, as stored in `welfare_days`.
pub fn day_of(t: OffsetDateTime) -> String {
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Longest stretch of one assessment that counts towards the welfare cap: an assessment left
/// open over lunch should not lock an analyst out for the day.
const MAX_COUNTED_SECS: i64 = 60 * 60;

enum Bind {
    Int(i64),
    Text(String),
}

type QueueSqlRow = (i64, String, String, i64, i64, i64, Option<String>, bool);
type CaseSqlRow = (
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
    Option<i64>,
    Option<String>,
    bool,
    Option<String>,
);
type ReportSqlRow = (
    Uuid,
    i64,
    String,
    String,
    String,
    bool,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    i64,
    Option<Vec<u8>>,
);
/// kind, classification, reason, statutory reference, age group, gender, media, site type,
/// commerciality, payment methods, virtual, child modelling, user generated, by, at.
pub(crate) type AssessmentSqlRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<bool>,
    Option<bool>,
    Option<bool>,
    String,
    i64,
);

type EventSqlRow = (i64, String, Option<String>);
type CaseFileRows = (
    Option<CaseSqlRow>,
    Vec<ReportSqlRow>,
    Vec<AssessmentSqlRow>,
    Vec<EventSqlRow>,
);

/// A move along the state machine, as asked for, with the jobs it starts.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub to: CaseState,
    pub procedure: Procedure,
    /// The timeline entry to record (`referred_police`, `closed`, …).
    pub event: Event,
    /// Moving to `referred` hands the case to this police unit (`hotline_domain::police::unit_for`).
    pub police_unit: Option<&'a str>,
    /// Why, when the move closes the case.
    pub close_reason: Option<hotline_domain::CloseReason>,
    /// Queued in the same transaction as the move (a notice, a partner referral, an update).
    pub jobs: &'a [crate::NewJob],
}

impl<'a> Move<'a> {
    /// A move with no flag, reason or job.
    pub fn to(to: CaseState, procedure: Procedure, event: Event) -> Self {
        Move {
            to,
            procedure,
            event,
            police_unit: None,
            close_reason: None,
            jobs: &[],
        }
    }
}

pub(crate) fn parse_state(s: &str) -> Result<CaseState> {
    s.parse()
        .map_err(|e: hotline_domain::case::UnknownState| StoreError::Corrupt(e.to_string()))
}

fn parse_event(kind: &str) -> Result<Event> {
    kind.parse().map_err(|()| corrupt("timeline entry", kind))
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} \"{value}\""))
}

pub(crate) fn assessment_from_row(r: &AssessmentSqlRow) -> Result<Assessment> {
    let classification: Classification =
        r.1.parse().map_err(|()| corrupt("classification", &r.1))?;
    let reason =
        r.2.as_deref()
            .map(|v| v.parse().map_err(|()| corrupt("reason", v)))
            .transpose()?;
    let findings = match (&r.4, &r.5, &r.6, &r.7, &r.8) {
        (Some(age), Some(gender), Some(media), Some(site), Some(commercial)) => Some(Findings {
            age_group: age.parse().map_err(|()| corrupt("age group", age))?,
            gender: gender.parse().map_err(|()| corrupt("gender", gender))?,
            media: media.parse().map_err(|()| corrupt("media", media))?,
            site_type: site.parse().map_err(|()| corrupt("site type", site))?,
            commercial: commercial
                .parse()
                .map_err(|()| corrupt("commerciality", commercial))?,
            payment_methods: r
                .9
                .as_deref()
                .unwrap_or_default()
                .split(',')
                .filter(|m| !m.is_empty())
                .map(|m| m.parse().map_err(|()| corrupt("payment method", m)))
                .collect::<Result<Vec<PaymentMethod>>>()?,
            virtual_material: r.10.unwrap_or(false),
            child_modelling: r.11.unwrap_or(false),
            user_generated: r.12.unwrap_or(false),
        }),
        _ => None,
    };
    Ok(Assessment {
        classification,
        reason,
        statutory_reference: r.3.clone(),
        findings,
    })
}

/// Records, inside transaction `$tx`, what the reporters of case `$id` may see of its move
/// from `$from` to `$to` (docs/SPEC.md §4): only the reports already joined are marked, so a report
/// of an address handled before it arrived stays `received`.
macro_rules! reporters_see {
    ($tx:expr, $id:expr, $from:expr, $to:expr, $at:expr) => {{
        if $from.handles_reports($to) {
            sqlx::query("UPDATE report_addresses SET handled_at = $1 WHERE case_id = $2 AND handled_at IS NULL")
                .bind($at)
                .bind($id)
                .execute(&mut *$tx)
                .await?;
        }
        if $to == hotline_domain::CaseState::Removed {
            sqlx::query("UPDATE report_addresses SET removed_at = $1 WHERE case_id = $2 AND removed_at IS NULL")
                .bind($at)
                .bind($id)
                .execute(&mut *$tx)
                .await?;
        } else if $from == hotline_domain::CaseState::Removed && $to != hotline_domain::CaseState::Closed {
            // Back online: no longer removed.
            sqlx::query("UPDATE report_addresses SET removed_at = NULL WHERE case_id = $1")
                .bind($id)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use reporters_see;

/// Moves case `$id` to `$to` inside transaction `$tx`, checking the state machine and
/// fencing against concurrent moves; adds the timeline entry `$event`. Evaluates to the
/// state the case was in.
macro_rules! transition {
    ($tx:expr, $id:expr, $to:expr, $procedure:expr, $event:expr, $at:expr) => {{
        let current: Option<String> = sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
            .bind($id)
            .fetch_optional(&mut *$tx)
            .await?;
        let current = crate::casework::parse_state(
            &current.ok_or(crate::casework::CaseActionError::NoSuchCase($id))?,
        )?;
        let next = current.move_to($to, $procedure)?;
        let moved = sqlx::query(
            "UPDATE cases SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4",
        )
        .bind(next.as_str())
        .bind($at)
        .bind($id)
        .bind(current.as_str())
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        if moved != 1 {
            return Err(crate::casework::CaseActionError::Conflict($id));
        }
        crate::timeline!($tx, $id, $at, $event, Some(format!("{current} -> {next}")));
        crate::casework::reporters_see!($tx, $id, current, next, $at);
        if next == CaseState::AwaitingRemoval {
            // From now on the address is checked until it is gone; queued in the same
            // transaction, so no case awaits removal unwatched.
            let monitor =
                hotline_domain::job::Job::Monitor(hotline_domain::job::Monitor { case_id: $id });
            sqlx::query(crate::jobs::ENQUEUE)
                .bind(monitor.kind())
                .bind(monitor.payload().to_string())
                .bind($id)
                .bind(0_i64)
                .bind($at)
                .bind(3_i64)
                .bind(format!("monitor:{}", $id))
                .bind($at)
                .fetch_optional(&mut *$tx)
                .await?;
        }
        current
    }};
}
pub(crate) use transition;

/// Closes case `$id` inside transaction `$tx` with `$reason` (an `Option<CloseReason>`; `None`
/// only for callers that predate closing reasons): the move, its timeline entry, the reason,
/// and nobody assigned any more. Every closure goes through here.
macro_rules! close_in {
    ($tx:expr, $id:expr, $reason:expr, $procedure:expr, $at:expr) => {{
        let reason: Option<hotline_domain::CloseReason> = $reason;
        let from = crate::casework::transition!(
            $tx,
            $id,
            hotline_domain::CaseState::Closed,
            $procedure,
            hotline_domain::timeline::Event::Closed,
            $at
        );
        sqlx::query("UPDATE cases SET closed_reason = $1, assigned_to = NULL WHERE id = $2")
            .bind(reason.map(|r| r.as_str()))
            .bind($id)
            .execute(&mut *$tx)
            .await?;
        from
    }};
}
pub(crate) use close_in;

impl Store {
    /// One page of the queue: urgent first, then oldest, after `after`.
    pub async fn queue(
        &self,
        filter: &QueueFilter,
        after: Option<QueueCursor>,
        limit: i64,
    ) -> Result<(Vec<QueueRow>, Option<QueueCursor>)> {
        // Only the filters in use go into the SQL, so the planner can use the queue index.
        let mut sql = String::from(
            "SELECT c.id, c.canonical_url, c.state, c.priority, c.report_count, c.created_at, u.username, \
             c.review_requested_by IS NOT NULL FROM cases c LEFT JOIN users u ON u.id = c.assigned_to WHERE ",
        );
        let mut binds: Vec<Bind> = Vec::new();
        let arg = |binds: &mut Vec<Bind>, b: Bind| {
            binds.push(b);
            format!("${}", binds.len())
        };
        match filter.state {
            Some(s) => {
                let p = arg(&mut binds, Bind::Text(s.as_str().to_owned()));
                sql.push_str(&format!("c.state = {p}"));
            }
            None => sql.push_str("c.state <> 'closed'"),
        }
        if filter.urgent_only {
            sql.push_str(" AND c.priority > 0");
        }
        if let Some(before) = filter.received_before {
            let p = arg(&mut binds, Bind::Int(to_millis(before)));
            sql.push_str(&format!(" AND c.created_at < {p}"));
        }
        match &filter.assignee {
            Assignee::Anyone => {}
            Assignee::Nobody => sql.push_str(" AND c.assigned_to IS NULL"),
            Assignee::User(name) => {
                let p = arg(&mut binds, Bind::Text(name.clone()));
                sql.push_str(&format!(" AND u.username = {p}"));
            }
        }
        if filter.needs_review {
            sql.push_str(" AND c.review_requested_by IS NOT NULL");
        }
        if filter.referred_to_police_only {
            sql.push_str(" AND c.referred_to_police = TRUE");
        }
        if let Some(unit) = &filter.police_unit {
            let p = arg(&mut binds, Bind::Text(unit.clone()));
            sql.push_str(&format!(" AND c.police_unit = {p}"));
        }
        let l = arg(&mut binds, Bind::Int(limit + 1));
        let order = " ORDER BY c.priority DESC, c.created_at, c.id";
        let sql = match after {
            None => format!("{sql}{order} LIMIT {l}"),
            // Keyset paging in two index ranges: the rest of the cursor's priority, then the
            // lower priorities. One `OR` over both would make the planner walk the queue
            // index from the top to the cursor: 150 ms at a million cases instead of 1.
            Some(c) => {
                let p = arg(&mut binds, Bind::Int(c.priority));
                let t = arg(&mut binds, Bind::Int(c.created_at));
                let i = arg(&mut binds, Bind::Int(c.id));
                format!(
                    "SELECT * FROM ({sql} AND c.priority = {p} AND (c.created_at, c.id) > ({t}, {i}){order} LIMIT {l}) AS this_priority \
                     UNION ALL SELECT * FROM ({sql} AND c.priority < {p}{order} LIMIT {l}) AS lower_priorities \
                     ORDER BY 4 DESC, 6, 1 LIMIT {l}"
                )
            }
        };

        let rows: Vec<QueueSqlRow> = on_read_pool!(&self.db, pool => {
            // Assembled from constant fragments only; every value is bound.
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
            for b in &binds {
                q = match b {
                    Bind::Int(v) => q.bind(*v),
                    Bind::Text(s) => q.bind(s.clone()),
                };
            }
            q.fetch_all(pool).await?
        });
        let more = rows.len() as i64 > limit;
        let mut out = Vec::with_capacity(rows.len());
        for (case_id, canonical, state, priority, report_count, created_at, assignee, review) in
            rows.into_iter().take(usize::try_from(limit).unwrap_or(0))
        {
            out.push((
                QueueRow {
                    case_id,
                    canonical,
                    state: parse_state(&state)?,
                    urgent: priority > 0,
                    report_count,
                    created_at: from_millis(created_at)?,
                    assignee,
                    review_requested: review,
                },
                QueueCursor {
                    priority,
                    created_at,
                    id: case_id,
                },
            ));
        }
        let next = if more {
            out.last().map(|(_, c)| *c)
        } else {
            None
        };
        Ok((out.into_iter().map(|(r, _)| r).collect(), next))
    }

    /// The timeline of a case: `(at, kind)` in order.
    pub async fn case_timeline(&self, case_id: i64) -> Result<Vec<(OffsetDateTime, Event)>> {
        let rows: Vec<(i64, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT at, kind FROM case_events WHERE case_id = $1 ORDER BY at, id")
                .bind(case_id)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(at, kind)| Ok((from_millis(at)?, parse_event(&kind)?)))
            .collect()
    }

    /// The police unit a case was referred to, if it was (for police officers' scope).
    pub async fn police_unit_of(&self, case_id: i64) -> Result<Option<String>> {
        let unit: Option<Option<String>> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT police_unit FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(unit.flatten())
    }

    /// Whether any report of the case was marked urgent (a child in immediate danger).
    pub async fn case_urgent(&self, case_id: i64) -> Result<bool> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM report_addresses ra JOIN reports r ON r.id = ra.report_id \
                 WHERE ra.case_id = $1 AND r.urgent = TRUE)",
            )
            .bind(case_id)
            .fetch_one(pool)
            .await?)
        })
    }

    /// How many open cases referred to `unit` the police have recorded nothing on yet.
    pub async fn new_police_referrals(&self, unit: &str) -> Result<i64> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar(
                "SELECT COUNT(*) FROM cases c WHERE c.police_unit = $1 AND c.state <> 'closed' \
                 AND NOT EXISTS (SELECT 1 FROM police_steps p WHERE p.case_id = c.id)",
            )
            .bind(unit)
            .fetch_one(pool)
            .await?)
        })
    }

    /// Whether a case exists and has been referred to the police (for permission checks).
    pub async fn case_access(&self, case_id: i64) -> Result<Option<bool>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_scalar("SELECT referred_to_police FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The case file. Reporters' words are decrypted only when `read_content` says the viewer
    /// may see them, and contact details only as far as `contacts` allows.
    pub async fn case_file(
        &self,
        case_id: i64,
        read_content: bool,
        contacts: hotline_domain::ContactView,
    ) -> Result<Option<CaseFile>> {
        let (case, reports, assessments, events): CaseFileRows = on_read_pool!(&self.db, pool => {
            let case = sqlx::query_as(
                "SELECT c.id, c.canonical_url, c.host, c.registrable_domain, c.state, c.priority, c.report_count, \
                 c.created_at, c.updated_at, a.username, c.assessment_started_at, r.username, c.referred_to_police, \
                 c.closed_reason FROM cases c LEFT JOIN users a ON a.id = c.assigned_to LEFT JOIN users r ON r.id = c.review_requested_by \
                 WHERE c.id = $1",
            )
            .bind(case_id)
            .fetch_optional(pool)
            .await?;
            let reports = sqlx::query_as(
                "SELECT r.id, r.received_at, r.channel, r.where_found, r.language, r.urgent, r.description_sealed, \
                 r.contact_sealed, ra.position, ra.submitted_sealed \
                 FROM report_addresses ra JOIN reports r ON r.id = ra.report_id WHERE ra.case_id = $1 \
                 ORDER BY r.received_at, r.id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?;
            let assessments = sqlx::query_as(
                "SELECT a.kind, a.classification, a.reason, a.statutory_reference, a.age_group, a.gender, a.media, \
                 a.site_type, a.commerciality, a.payment_methods, a.is_virtual, a.child_modelling, a.user_generated, \
                 u.username, a.assessed_at \
                 FROM assessments a JOIN users u ON u.id = a.assessed_by WHERE a.case_id = $1 ORDER BY a.id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?;
            let events = sqlx::query_as("SELECT at, kind, details FROM case_events WHERE case_id = $1 ORDER BY at, id")
                .bind(case_id)
                .fetch_all(pool)
                .await?;
            (case, reports, assessments, events)
        });
        let Some(c) = case else {
            return Ok(None);
        };
        let keys = self.keys();
        let mut out_reports = Vec::with_capacity(reports.len());
        for (
            id,
            received,
            channel,
            where_found,
            language,
            urgent,
            description,
            contact,
            position,
            submitted,
        ) in reports
        {
            let (submitted, description) = if read_content {
                (
                    // Erased by retention: `None`, like a description.
                    submitted
                        .map(|s| {
                            keys.open_text(
                                &format!("report_addresses.submitted:{id}:{position}"),
                                &s,
                            )
                        })
                        .transpose()?,
                    description
                        .map(|d| keys.open_text(&format!("reports.description:{id}"), &d))
                        .transpose()?,
                )
            } else {
                (None, None)
            };
            let contact = match contact.filter(|_| contacts != hotline_domain::ContactView::Hidden)
            {
                Some(sealed) => {
                    let json = keys.open(&format!("reports.contact:{id}"), &sealed)?;
                    let c: hotline_domain::Contact = serde_json::from_slice(&json)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    // The police see a reporter only when the reporter agreed to it.
                    (contacts == hotline_domain::ContactView::All || c.police_may_contact)
                        .then_some(c)
                }
                None => None,
            };
            out_reports.push(CaseReport {
                report_id: id,
                received_at: from_millis(received)?,
                channel,
                where_found,
                language,
                urgent,
                submitted,
                description,
                contact,
            });
        }
        let mut out_assessments = Vec::with_capacity(assessments.len());
        for a in &assessments {
            out_assessments.push(AssessmentRecord {
                kind: a.0.clone(),
                assessment: assessment_from_row(a)?,
                by: a.13.clone(),
                at: from_millis(a.14)?,
            });
        }
        let timeline = events
            .into_iter()
            .map(|(at, kind, details)| {
                Ok(TimelineEntry {
                    at: from_millis(at)?,
                    kind: parse_event(&kind)?,
                    details,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(CaseFile {
            case_id: c.0,
            canonical: c.1,
            host: c.2,
            registrable_domain: c.3,
            state: parse_state(&c.4)?,
            urgent: c.5 > 0,
            report_count: c.6,
            created_at: from_millis(c.7)?,
            updated_at: from_millis(c.8)?,
            assignee: c.9,
            assessment_started_at: c.10.map(from_millis).transpose()?,
            review_requested_by: c.11,
            referred_to_police: c.12,
            closed_reason: c
                .13
                .map(|r| r.parse().map_err(|()| corrupt("closing reason", &r)))
                .transpose()?,
            reports: out_reports,
            assessments: out_assessments,
            timeline,
        }))
    }

    /// Takes a new case into assessment: assigns it to `user` and starts their clock.
    pub async fn start_assessment(
        &self,
        case_id: i64,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            transition!(tx, case_id, CaseState::InAssessment, Procedure::Assess, Event::AssessmentStarted, at);
            sqlx::query("UPDATE cases SET assigned_to = $1, assessment_started_at = $2 WHERE id = $3")
                .bind(user.id)
                .bind(at)
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, &user.username, "case.start_assessment", &format!("case:{case_id}"), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// The oldest urgent-first case nobody has taken, taken into assessment by `user`.
    pub async fn take_next_case(
        &self,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<Option<i64>, CaseActionError> {
        for _ in 0..5 {
            let filter = QueueFilter {
                state: Some(CaseState::New),
                assignee: Assignee::Nobody,
                ..QueueFilter::default()
            };
            let (rows, _) = self.queue(&filter, None, 1).await?;
            let Some(row) = rows.first() else {
                return Ok(None);
            };
            match self.start_assessment(row.case_id, user, now).await {
                Ok(()) => return Ok(Some(row.case_id)),
                // Someone else took it in the meantime: try the next one.
                Err(CaseActionError::Conflict(_) | CaseActionError::Illegal(_)) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Records an assessment and moves the case to `assessed`; the time since the assessment
    /// started counts towards the analyst's day. `then` is the move the assessment decided
    /// (a referral whose route is certain), made in the same transaction.
    pub async fn record_assessment(
        &self,
        case_id: i64,
        user: &StaffUser,
        assessment: &Assessment,
        then: Option<Move<'_>>,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        let day = day_of(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let started: Option<Option<i64>> = sqlx::query_scalar("SELECT assessment_started_at FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?;
            let started = started.ok_or(CaseActionError::NoSuchCase(case_id))?;
            transition!(tx, case_id, CaseState::Assessed, Procedure::Assess, Event::Assessed, at);
            insert_assessment!(tx, case_id, "assessment", assessment, user.id, at);
            sqlx::query("UPDATE cases SET assessment_started_at = NULL WHERE id = $1")
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
            let secs = started.map_or(0, |s| ((at - s) / 1000).clamp(0, MAX_COUNTED_SECS));
            sqlx::query(
                "INSERT INTO welfare_days (user_id, day, seconds) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, day) DO UPDATE SET seconds = welfare_days.seconds + excluded.seconds",
            )
            .bind(user.id)
            .bind(&day)
            .bind(secs)
            .execute(&mut *tx)
            .await?;
            append_audit!(
                tx, self.keys(), at, &user.username, "case.assess", &format!("case:{case_id}"),
                &format!("classification={}; seconds={secs}", assessment.classification)
            );
            let moves = then.is_some();
            if let Some(m) = then {
                move_in!(tx, self.keys(), case_id, m, &user.username, now, at);
                crate::failpoint("case_move_before_commit");
            }
            tx.commit().await?;
            if moves {
                crate::failpoint("case_move_after_commit");
            }
            Ok(())
        })
    }

    /// Asks a supervisor to look at the case's assessment.
    pub async fn request_second_opinion(
        &self,
        case_id: i64,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let n = sqlx::query("UPDATE cases SET review_requested_by = $1, updated_at = $2 WHERE id = $3")
                .bind(user.id)
                .bind(at)
                .bind(case_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n != 1 {
                return Err(CaseActionError::NoSuchCase(case_id));
            }
            crate::timeline!(tx, case_id, at, Event::SecondOpinionRequested, None);
            append_audit!(tx, self.keys(), at, &user.username, "case.request_second_opinion", &format!("case:{case_id}"), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// A supervisor's review of the latest assessment: confirmed, or replaced; `then` is the
    /// move the review decided, made in the same transaction.
    pub async fn review_assessment(
        &self,
        case_id: i64,
        supervisor: &StaffUser,
        outcome: &ReviewOutcome,
        then: Option<Move<'_>>,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let latest = self
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await?
            .ok_or(CaseActionError::NoSuchCase(case_id))?
            .assessments
            .pop()
            .ok_or_else(|| {
                CaseActionError::Refused(hotline_domain::Refusal::new(
                    "nothing_to_review",
                    "the case has no assessment to review yet",
                ))
            })?;
        let (assessment, verdict) = match outcome {
            ReviewOutcome::Confirm => (latest.assessment, "confirmed"),
            ReviewOutcome::Override(a) => (a.clone(), "overridden"),
        };
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            insert_assessment!(tx, case_id, "review", &assessment, supervisor.id, at);
            sqlx::query("UPDATE cases SET review_requested_by = NULL, updated_at = $1 WHERE id = $2")
                .bind(at)
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
            crate::timeline!(tx, case_id, at, Event::Reviewed, Some(verdict.to_string()));
            append_audit!(
                tx, self.keys(), at, &supervisor.username, "case.review", &format!("case:{case_id}"),
                &format!("{verdict}; classification={}", assessment.classification)
            );
            if let Some(m) = then {
                move_in!(tx, self.keys(), case_id, m, &supervisor.username, now, at);
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Moves a case along the state machine on behalf of `user`, recording `event` on the
    /// timeline. Moving to `referred` with a `police_unit` marks the case as that unit's.
    pub async fn move_case_by(
        &self,
        case_id: i64,
        m: Move<'_>,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<CaseState, CaseActionError> {
        let at = to_millis(now);
        let to = m.to;
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            move_in!(tx, self.keys(), case_id, m, &user.username, now, at);
            crate::failpoint("case_move_before_commit");
            tx.commit().await?;
            crate::failpoint("case_move_after_commit");
            Ok(to)
        })
    }

    /// Reopens a closed case: back to `new`, into the queue.
    pub async fn reopen_case(
        &self,
        case_id: i64,
        supervisor: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        let result: Result<(), CaseActionError> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<(String, String)> = sqlx::query_as("SELECT state, canonical_url FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?;
            let (state, canonical) = row.ok_or(CaseActionError::NoSuchCase(case_id))?;
            parse_state(&state)?.reopen()?;
            let other: Option<i64> = sqlx::query_scalar("SELECT id FROM cases WHERE canonical_url = $1 AND state <> 'closed'")
                .bind(&canonical)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(other) = other {
                return Err(CaseActionError::DuplicateOpenCase(other));
            }
            sqlx::query(
                "UPDATE cases SET state = 'new', assigned_to = NULL, assessment_started_at = NULL, updated_at = $1 \
                 WHERE id = $2 AND state = 'closed'",
            )
            .bind(at)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
            crate::timeline!(tx, case_id, at, Event::Reopened, Some("closed -> new".to_owned()));
            append_audit!(tx, self.keys(), at, &supervisor.username, "case.reopen", &format!("case:{case_id}"), "");
            tx.commit().await?;
            Ok(())
        });
        result
    }

    /// Hands a case to another staff member (or to nobody).
    pub async fn reassign_case(
        &self,
        case_id: i64,
        to: Option<&str>,
        supervisor: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let user_id: Option<i64> = match to {
                None => None,
                Some(name) => Some(
                    sqlx::query_scalar::<_, i64>(
                        "SELECT id FROM users WHERE username = $1 AND NOT disabled AND role IN ('analyst', 'supervisor')",
                    )
                    .bind(name)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| CaseActionError::Refused(hotline_domain::Refusal::new("not_an_assignee", format!("\"{name}\" is not an active analyst or supervisor")).with("name", name)))?,
                ),
            };
            let n = sqlx::query("UPDATE cases SET assigned_to = $1, updated_at = $2 WHERE id = $3")
                .bind(user_id)
                .bind(at)
                .bind(case_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n != 1 {
                return Err(CaseActionError::NoSuchCase(case_id));
            }
            let to_name = to.unwrap_or("nobody");
            crate::timeline!(tx, case_id, at, Event::Reassigned, Some(to_name.to_string()));
            append_audit!(tx, self.keys(), at, &supervisor.username, "case.reassign", &format!("case:{case_id}"), &format!("to={to_name}"));
            tx.commit().await?;
            Ok(())
        })
    }

    /// A message from staff to the anonymous reporter of `report_id`, shown on their status
    /// page; `case_id` must be a case that report named.
    pub async fn message_reporter(
        &self,
        case_id: i64,
        report_id: Uuid,
        body: &str,
        user: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let linked: bool = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM report_addresses WHERE case_id = $1 AND report_id = $2")
                .bind(case_id)
                .bind(report_id)
                .fetch_one(pool)
                .await?
                > 0
        });
        if !linked {
            return Err(CaseActionError::Refused(hotline_domain::Refusal::new(
                "report_not_of_case",
                "that report is not part of this case",
            )));
        }
        self.add_reporter_message(report_id, body, now).await?;
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("INSERT INTO case_events (case_id, at, kind, report_id) VALUES ($1, $2, $3, $4)")
                .bind(case_id)
                .bind(at)
                .bind(Event::ReporterMessaged.as_str())
                .bind(report_id)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, &user.username, "case.message_reporter", &format!("case:{case_id}"), &format!("report={report_id}"));
            // Mailed only to a reporter who asked for news, and then only that there is news.
            crate::jobs::enqueue_in!(tx, &crate::answers::reporter_news(report_id, now), at);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Minutes of assessment `username` has spent on `day`, and whether the cap is lifted.
    pub async fn welfare_day(&self, user_id: i64, day: &str) -> Result<(u32, bool)> {
        let row: Option<(i64, Option<i64>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seconds, lifted_by FROM welfare_days WHERE user_id = $1 AND day = $2")
                .bind(user_id)
                .bind(day)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map_or((0, false), |(secs, lifted)| {
            (
                u32::try_from(secs / 60).unwrap_or(u32::MAX),
                lifted.is_some(),
            )
        }))
    }

    /// Every analyst's and supervisor's assessment time on `day`.
    pub async fn welfare_overview(&self, day: &str) -> Result<Vec<WelfareDay>> {
        let rows: Vec<(String, Option<i64>, Option<i64>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT u.username, w.seconds, w.lifted_by FROM users u \
                 LEFT JOIN welfare_days w ON w.user_id = u.id AND w.day = $1 \
                 WHERE u.role IN ('analyst', 'supervisor') AND NOT u.disabled ORDER BY u.username",
            )
            .bind(day)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(username, secs, lifted)| WelfareDay {
                username,
                minutes: u32::try_from(secs.unwrap_or(0) / 60).unwrap_or(u32::MAX),
                lifted: lifted.is_some(),
            })
            .collect())
    }

    /// Lifts `username`'s daily cap for `day`.
    pub async fn lift_welfare_cap(
        &self,
        username: &str,
        day: &str,
        supervisor: &StaffUser,
        now: OffsetDateTime,
    ) -> Result<(), CaseActionError> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
                .bind(username)
                .fetch_optional(&mut *tx)
                .await?;
            let id = id.ok_or_else(|| CaseActionError::Refused(hotline_domain::Refusal::new("no_user", format!("there is no user \"{username}\"")).with("name", username)))?;
            sqlx::query(
                "INSERT INTO welfare_days (user_id, day, seconds, lifted_by) VALUES ($1, $2, 0, $3) \
                 ON CONFLICT (user_id, day) DO UPDATE SET lifted_by = excluded.lifted_by",
            )
            .bind(id)
            .bind(day)
            .bind(supervisor.id)
            .execute(&mut *tx)
            .await?;
            append_audit!(tx, self.keys(), at, &supervisor.username, "welfare.lift_cap", &format!("user:{username}"), &format!("day={day}"));
            tx.commit().await?;
            Ok(())
        })
    }
}

/// Inserts one assessment row inside transaction `$tx`.
/// Applies a [`Move`] inside an open transaction: the transition (or closure), the police's
/// hand-over, the jobs it starts and its audit event. One body for a move on its own
/// ([`Store::move_case_by`]) and a move that follows an assessment or review in its
/// transaction.
macro_rules! move_in {
    ($tx:expr, $keys:expr, $case_id:expr, $m:expr, $actor:expr, $now:expr, $at:expr) => {{
        let Move {
            to,
            procedure,
            event,
            police_unit,
            close_reason,
            jobs,
        } = $m;
        let from = if to == CaseState::Closed {
            close_in!($tx, $case_id, close_reason, procedure, $at)
        } else {
            transition!($tx, $case_id, to, procedure, event, $at)
        };
        if let Some(unit) = police_unit {
            // The unit's notify addresses hear of it in the next batch.
            sqlx::query("UPDATE cases SET referred_to_police = $1, police_unit = $2 WHERE id = $3")
                .bind(true)
                .bind(unit)
                .bind($case_id)
                .execute(&mut *$tx)
                .await?;
            let notify = crate::NewJob::police_notify(unit, $now);
            crate::jobs::enqueue_in!($tx, &notify, $at);
        }
        for job in jobs {
            crate::jobs::enqueue_in!($tx, job, $at);
        }
        let reason = close_reason.map(|r| format!("; {r}")).unwrap_or_default();
        append_audit!(
            $tx,
            $keys,
            $at,
            $actor,
            "case.move",
            &format!("case:{}", $case_id),
            &format!("{from} -> {to}; {event}{reason}")
        );
    }};
}
pub(crate) use move_in;

macro_rules! insert_assessment {
    ($tx:expr, $case_id:expr, $kind:expr, $a:expr, $user_id:expr, $at:expr) => {{
        let a: &Assessment = $a;
        let f = a.findings.as_ref();
        sqlx::query(
            "INSERT INTO assessments (case_id, kind, classification, reason, statutory_reference, age_group, gender, \
             media, site_type, commerciality, payment_methods, is_virtual, child_modelling, user_generated, \
             assessed_by, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind($case_id)
        .bind($kind)
        .bind(a.classification.as_str())
        .bind(a.reason.map(|r| r.as_str()))
        .bind(a.statutory_reference.as_deref())
        .bind(f.map(|f| f.age_group.as_str()))
        .bind(f.map(|f| f.gender.as_str()))
        .bind(f.map(|f| f.media.as_str()))
        .bind(f.map(|f| f.site_type.as_str()))
        .bind(f.map(|f| f.commercial.as_str()))
        .bind(f.map(|f| {
            f.payment_methods
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(",")
        }))
        .bind(f.map(|f| f.virtual_material))
        .bind(f.map(|f| f.child_modelling))
        .bind(f.map(|f| f.user_generated))
        .bind($user_id)
        .bind($at)
        .execute(&mut *$tx)
        .await?;
    }};
}
use insert_assessment;
