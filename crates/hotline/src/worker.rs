//! Background workers: claim a job, run it, complete or fail it. Jobs run at least once, so
//! each handler is idempotent (a second trace of a case only adds a newer snapshot).

use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::watch;

use hotline_domain::routing::{Jurisdiction, route};
use hotline_domain::staff::Role;
use hotline_domain::trace::Trace;
use hotline_domain::{CaseState, Procedure};
use hotline_network::trace::Tracer;
use hotline_store::{CaseActionError, ClaimedJob, Move, StaffUser, Store};

/// How long a claim lasts; a worker that dies loses its jobs to another after this.
const LEASE: time::Duration = time::Duration::minutes(5);
/// Pause when there is no work (SQLite has no notification; PostgreSQL could LISTEN later).
const IDLE: Duration = Duration::from_millis(500);

/// What the workers need.
pub struct Workers {
    pub store: Store,
    pub tracer: Arc<Tracer>,
    /// How cases are routed once traced.
    pub jurisdiction: Jurisdiction,
}

/// Who the audit trail names for what the workers do on their own.
fn system() -> StaffUser {
    StaffUser {
        id: 0,
        username: "system".into(),
        role: Role::Supervisor,
    }
}

impl Workers {
    /// Runs `n` workers until `stop` turns true; each finishes the job in hand first.
    pub async fn run(self: Arc<Self>, n: usize, name: &str, stop: watch::Receiver<bool>) {
        let mut tasks = Vec::new();
        for i in 0..n {
            let me = self.clone();
            let mut stop = stop.clone();
            let id = format!("{name}/{}/{i}", std::process::id());
            tasks.push(tokio::spawn(async move {
                while !*stop.borrow() {
                    match me.run_one(&id).await {
                        Ok(true) => {}
                        Ok(false) => {
                            tokio::select! {
                                _ = tokio::time::sleep(IDLE) => {}
                                _ = stop.changed() => {}
                            }
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "worker could not reach the database");
                            tokio::time::sleep(Duration::from_secs(2)).await;
                        }
                    }
                }
            }));
        }
        for t in tasks {
            let _ = t.await;
        }
    }

    /// Claims and runs one job; `false` when there was none.
    pub async fn run_one(&self, worker: &str) -> Result<bool, hotline_store::StoreError> {
        let Some(job) = self
            .store
            .claim_job(worker, LEASE, OffsetDateTime::now_utc())
            .await?
        else {
            return Ok(false);
        };
        let outcome = self.handle(&job).await;
        let now = OffsetDateTime::now_utc();
        match outcome {
            Ok(()) => {
                if !self.store.complete_job(&job, now).await? {
                    tracing::warn!(job = job.id, "job was taken over before it completed");
                }
            }
            Err(why) => {
                tracing::warn!(job = job.id, kind = %job.kind, error = %why, "job failed");
                self.store.fail_job(&job, &why, now).await?;
            }
        }
        Ok(true)
    }

    async fn handle(&self, job: &ClaimedJob) -> Result<(), String> {
        match job.kind.as_str() {
            "trace" => {
                let case_id = job
                    .payload
                    .get("case_id")
                    .and_then(serde_json::Value::as_i64)
                    .or(job.case_id)
                    .ok_or("a trace job without a case_id")?;
                let (_, host, domain) = self
                    .store
                    .case_target(case_id)
                    .await
                    .map_err(|e| e.to_string())?
                    .ok_or_else(|| format!("case {case_id} does not exist"))?;
                let now_ms = (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
                let trace = self.tracer.trace(&host, domain.as_deref(), now_ms).await;
                self.store
                    .save_trace(case_id, &trace)
                    .await
                    .map_err(|e| e.to_string())?;
                self.forward_unopened(case_id, &trace).await
            }
            other => Err(format!("unknown job kind \"{other}\"")),
        }
    }

    /// Under `forward-unopened`, a traced new case goes to the police without anybody
    /// opening it. Idempotent: a case already referred is left alone.
    async fn forward_unopened(&self, case_id: i64, trace: &Trace) -> Result<(), String> {
        if self.jurisdiction.procedure != Procedure::ForwardUnopened {
            return Ok(());
        }
        let route = route(&self.jurisdiction, None, Some(trace));
        if !route.is_police() {
            return Ok(());
        }
        let state = self
            .store
            .case_summary(case_id)
            .await
            .map_err(|e| e.to_string())?
            .map(|c| c.state);
        if state != Some(CaseState::New) {
            return Ok(());
        }
        let m = Move {
            to: CaseState::Referred,
            procedure: Procedure::ForwardUnopened,
            event: "referred_police",
            to_police: true,
        };
        match self
            .store
            .move_case_by(case_id, m, &system(), OffsetDateTime::now_utc())
            .await
        {
            Ok(_) | Err(CaseActionError::Conflict(_) | CaseActionError::Illegal(_)) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}
