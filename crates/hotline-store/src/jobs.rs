//! Background jobs (docs/SPEC.md §7): a job is claimed by exactly one worker at a time, under a lease
//! with a fencing token, runs at least once, and so its handler must be idempotent.
//!
//! The queue lives in the database, so it survives restarts and is shared by every app server
//! on a PostgreSQL database. Claiming bumps `fence`; completing or failing names the fence it
//! claimed with, so a worker that stalled past its lease and was taken over cannot overwrite
//! the outcome of the worker that took over.

use std::fmt;
use std::str::FromStr;

use hotline_domain::job::{
    Job, Monitor, Notice, PartnerUpdate, PoliceNotify, ReferPartner, ReporterNews, Retention, Trace,
};
use time::{Duration, OffsetDateTime};

use crate::{
    Engine, Result, Store, StoreError, from_millis, on_read_pool, on_write_pool, to_millis,
};

/// Work to be done later, by whichever worker claims it first.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// Names the handler.
    pub kind: String,
    pub payload: serde_json::Value,
    /// The case the work is about, so staff see it on the case page.
    pub case_id: Option<i64>,
    /// Higher runs first among due jobs.
    pub priority: i64,
    /// Not claimed before this time.
    pub run_at: OffsetDateTime,
    /// At least 1 (the database refuses less); claims, including take-overs, count.
    pub max_attempts: i64,
    /// At most one queued or running job per key, so repeated triggers do not pile up work.
    pub dedupe_key: Option<String>,
}

impl NewJob {
    /// A job of `job`'s kind and payload (`hotline_domain::job`), due at `run_at`.
    fn of(
        job: &Job,
        priority: i64,
        run_at: OffsetDateTime,
        max_attempts: i64,
        dedupe_key: String,
    ) -> NewJob {
        NewJob {
            kind: job.kind().to_owned(),
            payload: job.payload(),
            case_id: job.case_id(),
            priority,
            run_at,
            max_attempts,
            dedupe_key: Some(dedupe_key),
        }
    }

    /// A fresh trace of a case's address; at most one waits per case.
    pub fn trace(case_id: i64, now: OffsetDateTime) -> NewJob {
        Self::of(
            &Job::Trace(Trace { case_id }),
            1,
            now,
            5,
            format!("trace:{case_id}"),
        )
    }

    /// The job that sends (or schedules) a case's notice; at most one waits per case.
    pub fn notice(case_id: i64, now: OffsetDateTime) -> NewJob {
        Self::of(
            &Job::Notice(Notice { case_id }),
            1,
            now,
            8,
            format!("notice:{case_id}"),
        )
    }

    /// The delivery of a referral to a partner instance (by API or e-mail); the referral id is
    /// fixed here, so every retry is the same referral to the partner.
    pub fn refer_partner(case_id: i64, partner: &str, now: OffsetDateTime) -> NewJob {
        let job = Job::ReferPartner(ReferPartner {
            case_id,
            partner: partner.to_owned(),
            referral_id: uuid::Uuid::new_v4().to_string(),
        });
        Self::of(&job, 1, now, 10, format!("refer_partner:{case_id}"))
    }

    /// Tells the partner that referred a case to us what became of it (`removed`,
    /// `reappeared`, `not_illegal`).
    pub fn partner_update(
        case_id: i64,
        partner: &str,
        referral_id: &str,
        status: &str,
        now: OffsetDateTime,
    ) -> NewJob {
        let job = Job::PartnerUpdate(PartnerUpdate {
            partner: partner.to_owned(),
            referral_id: referral_id.to_owned(),
            status: status.to_owned(),
        });
        // A reappearance after a removal is news again; the time tells the two apart.
        let key = format!("partner_update:{case_id}:{status}:{}", to_millis(now));
        NewJob {
            case_id: Some(case_id),
            ..Self::of(&job, 0, now, 10, key)
        }
    }

    /// How long referrals gather before their unit's notify addresses get one message.
    pub const POLICE_NOTIFY_BATCH: Duration = Duration::seconds(30);

    /// Tells a police unit's notify addresses of the referrals not yet told, in one message,
    /// after [`NewJob::POLICE_NOTIFY_BATCH`]; referrals made meanwhile join the waiting job.
    pub fn police_notify(unit: &str, now: OffsetDateTime) -> NewJob {
        let job = Job::PoliceNotify(PoliceNotify {
            unit: unit.to_owned(),
        });
        let run_at = now + Self::POLICE_NOTIFY_BATCH;
        Self::of(&job, 1, run_at, 10, format!("police_notify:{unit}"))
    }

    /// A check of a case's address now (the case's one `monitor` job, brought forward when it
    /// waits for later).
    pub fn monitor(case_id: i64, now: OffsetDateTime) -> NewJob {
        Self::of(
            &Job::Monitor(Monitor { case_id }),
            1,
            now,
            3,
            format!("monitor:{case_id}"),
        )
    }

    /// Tells a reporter who asked for it that there is news (a minute later, so a few
    /// messages in a row make one mail).
    pub fn reporter_news(report_id: &str, now: OffsetDateTime) -> NewJob {
        let job = Job::ReporterNews(ReporterNews {
            report_id: report_id.to_owned(),
        });
        let run_at = now + Duration::minutes(1);
        Self::of(&job, 0, run_at, 8, format!("reporter_news:{report_id}"))
    }

    /// The daily retention purge, first run in five minutes; one waits at a time.
    pub fn retention(now: OffsetDateTime) -> NewJob {
        let run_at = now + Duration::minutes(5);
        Self::of(
            &Job::Retention(Retention {}),
            -1,
            run_at,
            1_000,
            "retention".to_owned(),
        )
    }
}

/// Queues `$job` (a `&NewJob`) inside the open transaction `$tx`, so the job and the change
/// that starts it commit together or not at all. A job with the same dedupe key already
/// waiting is brought forward to `$job.run_at` if it was due later (something changed).
macro_rules! enqueue_in {
    ($tx:expr, $job:expr, $at_ms:expr) => {{
        let job: &crate::NewJob = $job;
        let run_at = crate::to_millis(job.run_at);
        let id: Option<i64> = sqlx::query_scalar(crate::jobs::ENQUEUE)
            .bind(&job.kind)
            .bind(job.payload.to_string())
            .bind(job.case_id)
            .bind(job.priority)
            .bind(run_at)
            .bind(job.max_attempts)
            .bind(job.dedupe_key.as_deref())
            .bind($at_ms)
            .fetch_optional(&mut *$tx)
            .await?;
        if id.is_none()
            && let Some(key) = job.dedupe_key.as_deref()
        {
            sqlx::query("UPDATE jobs SET run_at = $1 WHERE dedupe_key = $2 AND state = 'queued' AND run_at > $1")
                .bind(run_at)
                .bind(key)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use enqueue_in;

/// A job a worker holds, until its lease runs out.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedJob {
    pub id: i64,
    pub kind: String,
    pub payload: serde_json::Value,
    pub case_id: Option<i64>,
    /// 1 on the first run.
    pub attempt: i64,
    /// Proves this claim is still the current one when completing or failing.
    pub fence: i64,
}

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    Queued,
    Running,
    Done,
    /// Failed on its last attempt; left for staff to see, never retried by itself.
    Dead,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Dead => "dead",
        }
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobState {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<JobState> {
        Ok(match s {
            "queued" => JobState::Queued,
            "running" => JobState::Running,
            "done" => JobState::Done,
            "dead" => JobState::Dead,
            other => return Err(StoreError::Corrupt(format!("job state {other:?}"))),
        })
    }
}

/// A job as staff see it on a case: pending, failing or given up.
#[derive(Debug, Clone, PartialEq)]
pub struct JobSummary {
    pub id: i64,
    pub kind: String,
    pub state: JobState,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub run_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// Jobs per state, for health pages and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub queued: i64,
    pub running: i64,
    pub done: i64,
    pub dead: i64,
}

/// How long a failed job waits before its next attempt: 5 s doubling per attempt, at most an
/// hour, so a flaky outside service is not hammered and a long outage is still retried.
pub fn retry_delay(attempt: i64) -> Duration {
    Duration::seconds((5_i64 << attempt.saturating_sub(1).clamp(0, 12)).min(3600))
}

/// Stored errors are for reading, not for keeping whole response bodies.
const MAX_ERROR_CHARS: usize = 2000;

pub(crate) const ENQUEUE: &str = "INSERT INTO jobs \
    (kind, payload, case_id, state, priority, run_at, max_attempts, dedupe_key, created_at, updated_at) \
    VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $8) \
    ON CONFLICT (dedupe_key) WHERE state IN ('queued', 'running') DO NOTHING \
    RETURNING id";

/// A running job whose worker vanished on its last attempt would otherwise be taken over for
/// ever (a job that kills its worker would loop); it is given up instead.
const BURY_EXHAUSTED: &str = "UPDATE jobs SET state = 'dead', \
    last_error = 'the lease ran out on the last attempt', \
    lease_owner = NULL, lease_until = NULL, finished_at = $1, updated_at = $1 \
    WHERE state = 'running' AND lease_until <= $1 AND attempts >= max_attempts";

/// One claim statement: up to `$4` jobs that are `$due`, most urgent first. `$kind` narrows
/// it to one kind (`$5`); `$lock` is the only difference between the engines. The order
/// matches the `jobs_claim` index (state, priority DESC, run_at, id), so a claim reads a few
/// index entries however long the queue and its history, instead of sorting every due job.
macro_rules! claim_sql {
    ($due:literal, $kind:literal, $lock:literal) => {
        concat!(
            "UPDATE jobs SET state = 'running', lease_owner = $2, lease_until = $3, \
             attempts = attempts + 1, fence = fence + 1, updated_at = $1 \
             WHERE id IN (SELECT id FROM jobs WHERE ",
            $due,
            $kind,
            " ORDER BY priority DESC, run_at, id LIMIT $4",
            $lock,
            ") RETURNING id, kind, payload, case_id, attempts, fence"
        )
    };
}

/// The claim statements of an engine, indexed by [`claim_index`]: running jobs whose lease
/// ran out (their worker is presumed dead; they are taken over first), then queued jobs
/// that are due; each of any kind or of one.
macro_rules! claims {
    ($lock:literal) => {
        [
            claim_sql!("state = 'queued' AND run_at <= $1", "", $lock),
            claim_sql!("state = 'queued' AND run_at <= $1", " AND kind = $5", $lock),
            claim_sql!(
                "state = 'running' AND lease_until <= $1 AND attempts < max_attempts",
                "",
                $lock
            ),
            claim_sql!(
                "state = 'running' AND lease_until <= $1 AND attempts < max_attempts",
                " AND kind = $5",
                $lock
            ),
        ]
    };
}

/// Concurrent workers skip each other's rows instead of queueing on them.
const CLAIMS_POSTGRES: [&str; 4] = claims!(" FOR UPDATE SKIP LOCKED");
/// SQLite has one writer at a time (and one write connection), so the statement is atomic.
const CLAIMS_SQLITE: [&str; 4] = claims!("");

fn claim_index(take_over: bool, of_kind: bool) -> usize {
    2 * usize::from(take_over) + usize::from(of_kind)
}

// The last owner stays on a finished job: it tells who did the work.
const COMPLETE: &str = "UPDATE jobs SET state = 'done', lease_until = NULL, \
    finished_at = $3, updated_at = $3 \
    WHERE id = $1 AND fence = $2 AND state = 'running'";

const FAIL: &str = "UPDATE jobs SET \
    state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'dead' END, \
    run_at = CASE WHEN attempts < max_attempts THEN $4 ELSE run_at END, \
    finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE $3 END, \
    last_error = $5, lease_owner = NULL, lease_until = NULL, updated_at = $3 \
    WHERE id = $1 AND fence = $2 AND state = 'running'";

// Not an attempt: the claim's increment is taken back, and the job keeps its dedupe key.
const DEFER: &str = "UPDATE jobs SET state = 'queued', run_at = $4, attempts = attempts - 1, \
    last_error = $5, lease_owner = NULL, lease_until = NULL, updated_at = $3 \
    WHERE id = $1 AND fence = $2 AND state = 'running'";

const JOBS_OF_CASE: &str = "SELECT id, kind, state, attempts, last_error, run_at, updated_at \
    FROM jobs WHERE case_id = $1 ORDER BY id DESC";

/// `(id, kind, payload, case id, attempts, fence)`.
type ClaimRow = (i64, String, String, Option<i64>, i64, i64);
/// `(id, kind, state, attempts, last error, run at, updated at)`.
type SummaryRow = (i64, String, String, i64, Option<String>, i64, i64);

impl Store {
    /// Queues a job. With a `dedupe_key` already queued or running, queues nothing and returns
    /// `None`: the work is already on its way.
    pub async fn enqueue_job(&self, job: &NewJob, now: OffsetDateTime) -> Result<Option<i64>> {
        let payload = job.payload.to_string();
        let id: Option<i64> = on_write_pool!(&self.db, pool => {
            sqlx::query_scalar(ENQUEUE)
                .bind(&job.kind)
                .bind(&payload)
                .bind(job.case_id)
                .bind(job.priority)
                .bind(to_millis(job.run_at))
                .bind(job.max_attempts)
                .bind(job.dedupe_key.as_deref())
                .bind(to_millis(now))
                .fetch_optional(pool)
                .await?
        });
        Ok(id)
    }

    /// Claims the most urgent due job for `worker` until `now + lease`: a queued one, or a
    /// running one whose lease ran out (its worker is presumed dead and the job is taken
    /// over). `None` when nothing is due.
    pub async fn claim_job(
        &self,
        worker: &str,
        lease: Duration,
        now: OffsetDateTime,
    ) -> Result<Option<ClaimedJob>> {
        Ok(self.claim_jobs(worker, lease, now, 1, None).await?.pop())
    }

    /// Claims up to `max` due jobs at once, as [`Store::claim_job`] does one, in one
    /// transaction; only jobs of `kind` when it is given. Work that is cheap per job (traces)
    /// is claimed, run and finished in batches, so a backlog costs a few commits per batch
    /// rather than several per job. The jobs come in no particular order.
    pub async fn claim_jobs(
        &self,
        worker: &str,
        lease: Duration,
        now: OffsetDateTime,
        max: usize,
        kind: Option<&str>,
    ) -> Result<Vec<ClaimedJob>> {
        let at = to_millis(now);
        let until =
            at.saturating_add(i64::try_from(lease.whole_milliseconds()).unwrap_or(i64::MAX));
        let claims = match self.engine() {
            Engine::Sqlite => &CLAIMS_SQLITE,
            Engine::Postgres => &CLAIMS_POSTGRES,
        };
        let rows: Vec<ClaimRow> = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(BURY_EXHAUSTED).bind(at).execute(&mut *tx).await?;
            let mut rows: Vec<ClaimRow> = Vec::new();
            for take_over in [true, false] {
                let wanted = i64::try_from(max.saturating_sub(rows.len())).unwrap_or(i64::MAX);
                if wanted == 0 {
                    break;
                }
                let mut q = sqlx::query_as(claims[claim_index(take_over, kind.is_some())])
                    .bind(at)
                    .bind(worker)
                    .bind(until)
                    .bind(wanted);
                if let Some(kind) = kind {
                    q = q.bind(kind);
                }
                rows.extend(q.fetch_all(&mut *tx).await?);
            }
            tx.commit().await?;
            rows
        });
        rows.into_iter()
            .map(|(id, kind, payload, case_id, attempt, fence)| {
                let payload = serde_json::from_str(&payload)
                    .map_err(|e| StoreError::Corrupt(format!("payload of job {id}: {e}")))?;
                Ok(ClaimedJob {
                    id,
                    kind,
                    payload,
                    case_id,
                    attempt,
                    fence,
                })
            })
            .collect()
    }

    /// Marks a claimed job done. `false` when the claim is no longer current (the lease was
    /// taken over): the other worker's outcome stands, and this run must count for nothing.
    pub async fn complete_job(&self, job: &ClaimedJob, now: OffsetDateTime) -> Result<bool> {
        let done = self.complete_jobs(std::slice::from_ref(job), now).await?;
        Ok(done.first().copied().unwrap_or(false))
    }

    /// Marks claimed jobs done in one transaction; for each, whether its claim was still
    /// current (see [`Store::complete_job`]).
    pub async fn complete_jobs(
        &self,
        jobs: &[ClaimedJob],
        now: OffsetDateTime,
    ) -> Result<Vec<bool>> {
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let at = to_millis(now);
        let done = on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let mut done = Vec::with_capacity(jobs.len());
            for job in jobs {
                let n = sqlx::query(COMPLETE)
                    .bind(job.id)
                    .bind(job.fence)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                done.push(n == 1);
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Records a failed attempt: the job is queued again after [`retry_delay`], or, after its
    /// last attempt, given up as dead. `false` when the claim is no longer current, as for
    /// [`Store::complete_job`].
    pub async fn fail_job(
        &self,
        job: &ClaimedJob,
        error: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
        let retry_at = to_millis(now + retry_delay(job.attempt));
        let failed = on_write_pool!(&self.db, pool => {
            sqlx::query(FAIL)
                .bind(job.id)
                .bind(job.fence)
                .bind(to_millis(now))
                .bind(retry_at)
                .bind(&error)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(failed == 1)
    }

    /// Puts a claimed job back to run again at `run_at`, because its work is not due yet (a
    /// notice waiting for the end of the objection window): not a failure, and not an
    /// attempt. `why` is shown with the job. `false` when the claim is no longer current.
    pub async fn defer_job(
        &self,
        job: &ClaimedJob,
        run_at: OffsetDateTime,
        why: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let why: String = why.chars().take(MAX_ERROR_CHARS).collect();
        let deferred = on_write_pool!(&self.db, pool => {
            sqlx::query(DEFER)
                .bind(job.id)
                .bind(job.fence)
                .bind(to_millis(now))
                .bind(to_millis(run_at))
                .bind(&why)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(deferred == 1)
    }

    /// The jobs about a case, newest first, so staff can see work pending or given up on it.
    pub async fn jobs_of_case(&self, case_id: i64) -> Result<Vec<JobSummary>> {
        let rows: Vec<SummaryRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(JOBS_OF_CASE).bind(case_id).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(
                |(id, kind, state, attempts, last_error, run_at, updated_at)| {
                    Ok(JobSummary {
                        id,
                        kind,
                        state: state.parse()?,
                        attempts,
                        last_error,
                        run_at: from_millis(run_at)?,
                        updated_at: from_millis(updated_at)?,
                    })
                },
            )
            .collect()
    }

    /// How many jobs are in each state: a growing `queued` or any `dead` needs a look.
    pub async fn job_counts(&self) -> Result<JobCounts> {
        let rows: Vec<(String, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT state, COUNT(*) FROM jobs GROUP BY state")
                .fetch_all(pool)
                .await?
        });
        let mut counts = JobCounts::default();
        for (state, n) in rows {
            let slot = match state.parse()? {
                JobState::Queued => &mut counts.queued,
                JobState::Running => &mut counts.running,
                JobState::Done => &mut counts.done,
                JobState::Dead => &mut counts.dead,
            };
            *slot = n;
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delay_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (1..=12).map(|a| retry_delay(a).whole_seconds()).collect();
        assert_eq!(
            secs,
            [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]
        );
        assert_eq!(retry_delay(0).whole_seconds(), 5);
        assert_eq!(retry_delay(i64::MAX).whole_seconds(), 3600);
        assert_eq!(retry_delay(i64::MIN).whole_seconds(), 5);
    }

    #[test]
    fn claim_statements_differ_only_in_locking() {
        for (postgres, sqlite) in CLAIMS_POSTGRES.iter().zip(CLAIMS_SQLITE) {
            assert_eq!(postgres.replace(" FOR UPDATE SKIP LOCKED", ""), sqlite);
            assert!(postgres.contains("LIMIT $4 FOR UPDATE SKIP LOCKED)"));
        }
        for take_over in [false, true] {
            let any = CLAIMS_SQLITE[claim_index(take_over, false)];
            let of_kind = CLAIMS_SQLITE[claim_index(take_over, true)];
            assert_eq!(of_kind.replace(" AND kind = $5", ""), any);
            assert!(any.contains("lease_until <= $1") == take_over);
        }
    }

    #[test]
    fn job_states_round_trip() {
        for s in [
            JobState::Queued,
            JobState::Running,
            JobState::Done,
            JobState::Dead,
        ] {
            assert_eq!(s.as_str().parse::<JobState>().unwrap(), s);
        }
        assert!("paused".parse::<JobState>().is_err());
    }
}
