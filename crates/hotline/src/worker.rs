//! Background workers: claim a job, run it, complete or fail it. Jobs run at least once, so
//! each handler is idempotent (a second trace of a case only adds a newer snapshot).
//!
//! `serve` runs two workers beside the web server; `hotline worker` runs them alone. The job
//! kinds, each queued in the transaction of what caused it:
//! - `trace` (a new case, or "trace again"): claimed in batches of [`TRACE_BATCH`], traced
//!   [`TRACE_CONCURRENCY`] at a time, saved in one transaction. Under `forward-unopened` a
//!   traced new case is then referred without staff action;
//! - `notice` (a referral or a police clearance): claimed in batches of [`NOTICE_BATCH`];
//!   asks `hotline_domain::notice::notice_due`, traces the hosting again and holds a case
//!   whose host changed for an analyst (`host_changed`), then writes the outbox (one row per
//!   case and recipient) and sends one mail per recipient listing every address, one XARF
//!   report per address; marks each notice `sending` before the SMTP call and `sent` after,
//!   so a retry never mails twice;
//! - `monitor` (a case awaiting removal): one check per run, then defers itself to the next
//!   check time; repeats the notice and escalates as `hotline_domain::monitoring` decides;
//! - `refer_partner` and `partner_update`: a signed POST to a partner instance, or an e-mail;
//! - `urgent_alert`: mail to the people on call and the web hook;
//! - `police_notify`: one mail per batch of new referrals to a police unit (`police.notify`, `police.units`);
//! - `retention`: the daily purge, which then waits a day in the queue.
//!
//! A new kind of job: queue it from the store in the transaction that causes it (with a dedupe
//! key when one per case is enough), add its arm to `Workers::handle`, and make it idempotent.

use hotline_domain::timeline::Event;
use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::watch;

use hotline_domain::monitoring::{
    CheckOutcome, FollowUp, MonitoringPolicy, Verdict, follow_up, verdict,
};
use hotline_domain::notice::{
    NoticeDecision, NoticeFacts, compose, compose_group, host_change_waiting, hosting_change,
    notice_due, recipients, xarf,
};
use hotline_domain::partner::{ReferralFacts, referral_reference, referral_summary};
use hotline_domain::routing::{Jurisdiction, Route, route};

use hotline_domain::CaseState;
use hotline_domain::job::Job;
use hotline_domain::partner::PartnerChannel;
use hotline_domain::trace::Trace;
use hotline_network::check::Checker;
use hotline_network::mailer::{Mailer, OutgoingMail, OutgoingNotice};
use hotline_network::partner::seal_for_partner;
use hotline_network::trace::Tracer;
use hotline_store::{ClaimedJob, NewNotice, QueuedNotice, Store};

/// How long a claim lasts; a worker that dies loses its jobs to another after this.
const LEASE: time::Duration = time::Duration::minutes(5);
/// Pause when there is no work (SQLite has no notification; PostgreSQL could LISTEN later).
const IDLE: Duration = Duration::from_millis(500);
/// The longest a worker holds back while intake is busy.
const YIELD_TO_INTAKE: Duration = Duration::from_millis(250);
/// Trace jobs claimed and finished together: a trace is a few lookups and one small write, so
/// a burst of new cases is worked off with a few commits per batch instead of several per case.
const TRACE_BATCH: usize = 32;
/// Traces of one batch run side by side, so slow DNS and RDAP answers overlap.
const TRACE_CONCURRENCY: usize = 8;
/// Notice jobs claimed and sent together: the notices of one run to one recipient go in one
/// mail. Each is traced again before sending, side by side as traces are.
const NOTICE_BATCH: usize = 64;

/// What the workers need.
pub struct Workers {
    pub store: Store,
    pub tracer: Arc<Tracer>,
    /// The effective settings (file and admin overrides): procedure, national settings,
    /// retention, notice template. Read per job, so a change applies without a restart.
    pub settings: Arc<hotline_app::LiveSettings>,
    pub mailer: Mailer,
    pub notice: NoticeSettings,
    /// What the workers may reach (partner endpoints on loopback only in tests).
    pub policy: hotline_network::NetworkPolicy,
    /// Checks whether an address is still online; `None` when the hotline is offline.
    pub checker: Option<Checker>,
    /// When to check, repeat notices and escalate.
    pub monitoring: MonitoringPolicy,
    /// Who is alerted of urgent reports.
    pub alerts: crate::alerts::AlertSettings,
    /// Who is told of new referrals to the police, per unit (`police.notify`, and each
    /// `[[police.units]]`'s own).
    pub police_notify: Vec<(String, Vec<String>)>,
}

/// What every notice states about the hotline.
pub struct NoticeSettings {
    pub hotline_name: String,
    pub from: String,
    /// Cited when the assessment gives no statutory reference.
    pub default_statute: String,
    /// The built-in text's language where the host's country does not decide it.
    pub language: hotline_domain::report::Language,
    /// The public site's address (`public.site_url`), for each notice's answer link; empty:
    /// notices carry no link.
    pub site_url: String,
}

/// UTC milliseconds, as the store and the domain count time.
pub fn millis(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

impl Workers {
    /// How cases are routed, as the settings are now (partners come from the registry).
    fn jurisdiction(&self) -> Jurisdiction {
        self.settings.get().config.jurisdiction(Vec::new())
    }

    /// Runs `n` workers until `stop` turns true; each finishes the job in hand first.
    pub async fn run(self: Arc<Self>, n: usize, name: &str, stop: watch::Receiver<bool>) {
        if n > 0
            && let Err(e) = crate::trust::schedule_retention(&self.store).await
        {
            tracing::warn!(error = %e, "cannot schedule the daily retention purge");
        }
        let mut tasks = Vec::new();
        for i in 0..n {
            let me = self.clone();
            let mut stop = stop.clone();
            let id = format!("{name}/{}/{i}", std::process::id());
            tasks.push(tokio::spawn(async move {
                let mut last_job = std::time::Instant::now();
                while !*stop.borrow() {
                    // Reports come first: while a burst is being written, background work
                    // waits (taking a turn now and then, so it is never starved outright).
                    if me.store.intake_busy() && last_job.elapsed() < YIELD_TO_INTAKE {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                    last_job = std::time::Instant::now();
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
        // Traces and notices run in batches: one look-up serves many cases of a host, and
        // every notice due now goes in this run, so each recipient gets one mail.
        let batch_of = match job.kind.as_str() {
            Job::TRACE => Some((Job::TRACE, TRACE_BATCH)),
            Job::NOTICE => Some((Job::NOTICE, NOTICE_BATCH)),
            _ => None,
        };
        if let Some((kind, size)) = batch_of {
            let mut batch = self
                .store
                .claim_jobs(
                    worker,
                    LEASE,
                    OffsetDateTime::now_utc(),
                    size - 1,
                    Some(kind),
                )
                .await?;
            batch.push(job);
            if kind == Job::TRACE {
                self.run_traces(batch).await?;
            } else {
                self.run_notices(batch).await?;
            }
            return Ok(true);
        }
        let outcome = self.handle(&job).await;
        let now = OffsetDateTime::now_utc();
        match outcome {
            Ok(Outcome::Done) => {
                if !self.store.complete_job(&job, now).await? {
                    tracing::warn!(job = job.id, "job was taken over before it completed");
                }
            }
            Ok(Outcome::Later { at, why }) => {
                if !self.store.defer_job(&job, at, &why, now).await? {
                    tracing::warn!(job = job.id, "job was taken over before it was deferred");
                }
            }
            Err(why) => {
                tracing::warn!(job = job.id, kind = %job.kind, error = %why, "job failed");
                self.store.fail_job(&job, &why, now).await?;
            }
        }
        Ok(true)
    }

    /// Traces the cases of claimed trace jobs side by side, keeps the traces in one
    /// transaction, forwards unopened where the procedure says so, and completes the jobs in
    /// one more. A job whose case cannot be traced or forwarded fails alone and is retried.
    async fn run_traces(&self, jobs: Vec<ClaimedJob>) -> Result<(), hotline_store::StoreError> {
        let limit = Arc::new(tokio::sync::Semaphore::new(TRACE_CONCURRENCY));
        let mut running = tokio::task::JoinSet::new();
        for job in jobs {
            let (store, tracer, limit) = (self.store.clone(), self.tracer.clone(), limit.clone());
            running.spawn(async move {
                let _turn = limit.acquire_owned().await;
                let traced = trace_case(&store, &tracer, &job).await;
                (job, traced)
            });
        }
        let (mut traced, mut failed) = (Vec::new(), Vec::new());
        while let Some(joined) = running.join_next().await {
            match joined {
                Ok((job, Ok((case_id, trace)))) => traced.push((job, case_id, trace)),
                Ok((job, Err(why))) => failed.push((job, why)),
                // The job stays claimed; its lease runs out and another worker takes it over.
                Err(e) => tracing::warn!(error = %e, "a trace task ended without an answer"),
            }
        }
        let rows: Vec<(i64, &Trace)> = traced.iter().map(|(_, case_id, t)| (*case_id, t)).collect();
        let saved = self.store.save_traces(&rows).await;
        drop(rows);
        let mut done = Vec::with_capacity(traced.len());
        match saved {
            Ok(()) => {
                // What the hosting now decides (a forward-unopened referral, or the routing
                // of an assessed case that waited for it).
                let app = self.app();
                for (job, case_id, _) in traced {
                    match hotline_app::cases::route_after_trace(&app, case_id).await {
                        Ok(()) => done.push(job),
                        Err(why) => failed.push((job, why.to_string())),
                    }
                }
            }
            Err(e) => {
                let why = e.to_string();
                failed.extend(traced.into_iter().map(|(job, _, _)| (job, why.clone())));
            }
        }
        let now = OffsetDateTime::now_utc();
        for (job, current) in done.iter().zip(self.store.complete_jobs(&done, now).await?) {
            if !current {
                tracing::warn!(job = job.id, "job was taken over before it completed");
            }
        }
        for (job, why) in failed {
            tracing::warn!(job = job.id, kind = %job.kind, error = %why, "job failed");
            self.store.fail_job(&job, &why, now).await?;
        }
        Ok(())
    }

    /// Runs one job of any kind but `trace` (see [`Workers::run_traces`]).
    async fn handle(&self, job: &ClaimedJob) -> Result<Outcome, String> {
        let done = |r: Result<(), String>| r.map(|()| Outcome::Done);
        let job = Job::parse(&job.kind, &job.payload).map_err(|e| e.to_string())?;
        match job {
            // Notices run in batches (`run_notices`), grouped by recipient.
            Job::Notice(_) => Err("a notice job is run with its batch".into()),
            Job::Monitor(j) => self.monitor(j.case_id).await,
            Job::ReferPartner(j) => done(self.refer_partner(&j).await),
            Job::PartnerUpdate(j) => done(self.partner_update(&j).await),
            Job::UrgentAlert(j) => self.urgent_alert(&j).await,
            Job::PoliceNotify(j) => done(self.police_notify(&j).await),
            Job::ReporterNews(j) => done(crate::answers::reporter_news(self, &j).await),
            // Traces run in batches (`run_traces`); one arriving here alone is one more batch.
            Job::Trace(_) => Err("a trace job is run with its batch".into()),
            // The daily purge: runs, then waits a day in the queue for its next run.
            Job::Retention(_) => {
                let now = OffsetDateTime::now_utc();
                let counts = self
                    .store
                    .purge(
                        &self
                            .settings
                            .get()
                            .config
                            .settings
                            .retention
                            .cutoffs(millis(now)),
                        "system:retention",
                        now,
                    )
                    .await
                    .map_err(|e| e.to_string())?;
                tracing::info!(erased = counts.total(), "retention purge done");
                Ok(Outcome::Later {
                    at: now + time::Duration::days(1),
                    why: format!("daily; last run erased {}", counts.total()),
                })
            }
        }
    }

    /// Runs claimed notice jobs together. For each case: is its notice due
    /// ([`Workers::prepare_notice`]); then every due case is traced again, side by side, and a
    /// case whose hosting changed since the trace its notice was written from is held for an
    /// analyst (`host_changed` on its timeline, the fresh trace kept) instead of being sent;
    /// the others' notices are queued in the outbox (one row per case and recipient, each with
    /// its own answer token) and sent **one mail per recipient**, listing every address, one
    /// XARF report per address attached. A mail that fails leaves each of its notices pending
    /// and each of its jobs to be retried; a case whose notices all went moves to
    /// `awaiting_removal`.
    async fn run_notices(&self, jobs: Vec<ClaimedJob>) -> Result<(), hotline_store::StoreError> {
        let (mut done, mut later, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        let mut due: Vec<(ClaimedJob, DueNotice)> = Vec::new();
        for job in jobs {
            match self.prepare_notice(&job).await {
                Ok(Ok(notice)) => due.push((job, notice)),
                Ok(Err(Outcome::Done)) => done.push(job),
                Ok(Err(Outcome::Later { at, why })) => later.push((job, at, why)),
                Err(why) => failed.push((job, why)),
            }
        }

        // Just before sending, the hosting again: a site that moved must not get its notice
        // at the old host. Offline (no RDAP), a fresh trace could tell nothing.
        let mut fresh: std::collections::HashMap<i64, Trace> = std::collections::HashMap::new();
        if self.tracer.rdap.is_some() {
            let limit = Arc::new(tokio::sync::Semaphore::new(TRACE_CONCURRENCY));
            let mut running = tokio::task::JoinSet::new();
            for (_, n) in &due {
                let (tracer, limit) = (self.tracer.clone(), limit.clone());
                let (case_id, host, domain) = (
                    n.case_id,
                    n.file.host.clone(),
                    n.file.registrable_domain.clone(),
                );
                running.spawn(async move {
                    let _turn = limit.acquire_owned().await;
                    let now_ms = millis(OffsetDateTime::now_utc());
                    (
                        case_id,
                        tracer.trace(&host, domain.as_deref(), now_ms).await,
                    )
                });
            }
            while let Some(joined) = running.join_next().await {
                match joined {
                    Ok((case_id, trace)) => {
                        fresh.insert(case_id, trace);
                    }
                    // No fresh trace tells nothing: the notice goes as it was written.
                    Err(e) => {
                        tracing::warn!(error = %e, "a trace before a notice ended without an answer")
                    }
                }
            }
        }
        let mut sending: Vec<(ClaimedJob, DueNotice)> = Vec::new();
        for (job, n) in due {
            let change = fresh
                .get(&n.case_id)
                .and_then(|after| hosting_change(&n.trace, after));
            match change {
                Some(change) => {
                    let after = &fresh[&n.case_id];
                    match self
                        .store
                        .save_host_change(n.case_id, after, &change, OffsetDateTime::now_utc())
                        .await
                    {
                        // Held for an analyst: the job is done, the case page says why.
                        Ok(()) => done.push(job),
                        Err(e) => failed.push((job, e.to_string())),
                    }
                }
                None => match self.queue_first_notices(&n).await {
                    Ok(()) => sending.push((job, n)),
                    Err(why) => failed.push((job, why)),
                },
            }
        }

        // The first notices still pending, by recipient.
        let mut by_recipient: std::collections::BTreeMap<String, Vec<(usize, QueuedNotice)>> =
            std::collections::BTreeMap::new();
        let mut broken: std::collections::HashMap<usize, String> = std::collections::HashMap::new();
        for (i, (_, n)) in sending.iter().enumerate() {
            match self.store.notices_of_case(n.case_id).await {
                Ok(queued) => {
                    for q in queued {
                        if q.state == "pending" && q.kind == "notice" {
                            by_recipient
                                .entry(q.recipient.clone())
                                .or_default()
                                .push((i, q));
                        }
                    }
                }
                Err(e) => {
                    broken.insert(i, e.to_string());
                }
            }
        }
        for (recipient, members) in by_recipient {
            let mut taken = Vec::new();
            for (i, q) in members {
                if broken.contains_key(&i) {
                    continue;
                }
                match self.store.begin_sending_notice(q.id).await {
                    Ok(true) => taken.push((i, q)),
                    Ok(false) => {} // sent, or left `uncertain` for a person to check
                    Err(e) => {
                        broken.insert(i, e.to_string());
                    }
                }
            }
            if taken.is_empty() {
                continue;
            }
            let sent = match self.grouped_mail(&recipient, &taken, &sending) {
                Ok(mail) => self.mailer.send(&mail).await.map_err(|e| e.to_string()),
                Err(why) => Err(why),
            };
            let now = OffsetDateTime::now_utc();
            for (i, q) in &taken {
                let case_id = sending[*i].1.case_id;
                let recorded = match &sent {
                    Ok(()) => self.store.notice_sent(q.id, case_id, &recipient, now).await,
                    Err(why) => self.store.notice_failed(q.id, why).await,
                };
                let why = match (&sent, recorded) {
                    (Ok(()), Ok(())) => continue,
                    (Err(why), _) => format!("{recipient}: {why}"),
                    (Ok(()), Err(e)) => e.to_string(),
                };
                broken.entry(*i).or_insert(why);
            }
        }
        for (i, (job, n)) in sending.into_iter().enumerate() {
            if let Some(why) = broken.remove(&i) {
                failed.push((job, why));
                continue;
            }
            match self.after_notice(&n).await {
                Ok(()) => done.push(job),
                Err(why) => failed.push((job, why)),
            }
        }

        let now = OffsetDateTime::now_utc();
        for (job, current) in done.iter().zip(self.store.complete_jobs(&done, now).await?) {
            if !current {
                tracing::warn!(job = job.id, "job was taken over before it completed");
            }
        }
        for (job, at, why) in later {
            if !self.store.defer_job(&job, at, &why, now).await? {
                tracing::warn!(job = job.id, "job was taken over before it was deferred");
            }
        }
        for (job, why) in failed {
            tracing::warn!(job = job.id, kind = %job.kind, error = %why, "job failed");
            self.store.fail_job(&job, &why, now).await?;
        }
        Ok(())
    }

    /// Whether a notice job's case has a notice to send now: `Ok(Ok(..))` with what it needs
    /// when the takedown regime says so; else what becomes of the job (done: not the
    /// hotline's to send, a police hold, a host change waiting for an analyst; later: the
    /// police's objection window is open).
    async fn prepare_notice(&self, job: &ClaimedJob) -> Result<Result<DueNotice, Outcome>, String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        let Job::Notice(hotline_domain::job::Notice { case_id }) =
            Job::parse(&job.kind, &job.payload).map_err(|e| e.to_string())?
        else {
            return Err(format!("a {} job in a notice batch", job.kind));
        };
        let Some(file) = self
            .store
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await
            .map_err(err)?
        else {
            return Err(format!("case {case_id} does not exist"));
        };
        if !file.referred_to_police
            || !matches!(file.state, CaseState::Referred | CaseState::AwaitingRemoval)
        {
            return Ok(Err(Outcome::Done));
        }
        // The hosting changed before an earlier attempt: an analyst decides first (their
        // "trace again" queues the notice anew).
        let legs: Vec<(&str, Option<&str>)> = file
            .timeline
            .iter()
            .map(|e| (e.kind.as_str(), e.details.as_deref()))
            .collect();
        if host_change_waiting(&legs, false).is_some() {
            return Ok(Err(Outcome::Done));
        }
        let latest = file.assessments.last().map(|a| a.assessment.clone());
        let trace = self.store.latest_trace(case_id).await.map_err(err)?;
        let route = route(
            &self.jurisdiction(),
            latest.as_ref().map(|a| a.classification),
            trace.as_ref(),
        );
        let (Route::NationalPolice { .. }, Some(trace)) = (&route, trace) else {
            return Ok(Err(Outcome::Done)); // abroad or untraceable: not the hotline's notice to send
        };
        let now = OffsetDateTime::now_utc();
        let now_ms = millis(now);
        let referred = self
            .store
            .referred_at(case_id)
            .await
            .map_err(err)?
            .unwrap_or(now_ms);
        let police = self.store.police_record(case_id).await.map_err(err)?;
        let jurisdiction = self.jurisdiction();
        match notice_due(
            jurisdiction.takedown_by,
            jurisdiction.objection_hours,
            referred,
            &police,
            now_ms,
        ) {
            // A police hold leaves the case out of every mail.
            NoticeDecision::NotOurs(_) | NoticeDecision::Held => Ok(Err(Outcome::Done)),
            NoticeDecision::At(due) => {
                // Not yet: the same job waits for the end of the objection window.
                let at = from_ms(due).unwrap_or(now);
                Ok(Err(Outcome::Later {
                    at,
                    why: "waiting for the end of the police objection window".into(),
                }))
            }
            NoticeDecision::Now => {
                let facts = crate::notice::facts_for_case(
                    &self.notice,
                    &jurisdiction.country,
                    case_id,
                    &file,
                    Some(&trace),
                    police.preserve_evidence(),
                );
                Ok(Ok(DueNotice {
                    case_id,
                    file,
                    trace,
                    facts,
                }))
            }
        }
    }

    /// Queues a due case's first notice in the outbox, one row per recipient of its trace
    /// (a row already queued by an earlier attempt stays as it is).
    async fn queue_first_notices(&self, n: &DueNotice) -> Result<(), String> {
        let case_id = n.case_id;
        let (subject, body) = self.compose(&n.facts)?;
        let xarf_json = xarf(&n.facts).to_string();
        let queued: Vec<NewNotice> = recipients(&n.trace)
            .into_iter()
            .map(|r| NewNotice {
                message_id: format!(
                    "notice-{case_id}-{}@{}",
                    r.email.replace('@', "."),
                    domain_of(&self.notice.from)
                ),
                recipient: r.email,
                role: format!("{:?}", r.role).to_ascii_lowercase(),
                subject: subject.clone(),
                body: body.clone(),
                xarf: xarf_json.clone(),
                kind: hotline_domain::notice::NoticeKind::Notice,
                round: 0,
            })
            .collect();
        if queued.is_empty() {
            return Err("no abuse contact in the trace: a notice cannot be addressed".into());
        }
        self.store
            .queue_notices(case_id, &queued, OffsetDateTime::now_utc())
            .await
            .map_err(|e| e.to_string())
    }

    /// The mail to `recipient` for the notices `taken` (indices into `due`): one notice as it
    /// was queued; several in one text listing every address, each with its own answer link,
    /// and each notice's stored XARF report attached.
    fn grouped_mail(
        &self,
        recipient: &str,
        taken: &[(usize, QueuedNotice)],
        due: &[(ClaimedJob, DueNotice)],
    ) -> Result<OutgoingNotice, String> {
        let token = |q: &QueuedNotice| self.store.keys().host_answer_token(&q.message_id);
        if let [(_, q)] = taken {
            // The stored text holds a placeholder; the notice's own answer token goes in now.
            return Ok(OutgoingNotice {
                to: recipient.to_owned(),
                subject: q.subject.clone(),
                body: hotline_domain::answers::with_answer_token(&q.body, &token(q)),
                xarf_json: vec![q.xarf.clone()],
                message_id: q.message_id.clone(),
            });
        }
        let mut ordered: Vec<&(usize, QueuedNotice)> = taken.iter().collect();
        ordered.sort_by_key(|(i, _)| due[*i].1.case_id);
        let facts: Vec<NoticeFacts> = ordered
            .iter()
            .map(|(i, q)| {
                let mut f = due[*i].1.facts.clone();
                f.answer_link = f
                    .answer_link
                    .map(|l| hotline_domain::answers::with_answer_token(&l, &token(q)));
                f
            })
            .collect();
        let settings = self.settings.get();
        let (subject, body) =
            compose_group(settings.config.settings.notice_template.as_deref(), &facts)?;
        let first = &ordered[0].1;
        Ok(OutgoingNotice {
            to: recipient.to_owned(),
            subject,
            body,
            xarf_json: ordered.iter().map(|(_, q)| q.xarf.clone()).collect(),
            // One mail for these notices: named after the first, with how many it carries.
            message_id: format!(
                "notices-{}-{}@{}",
                first.id,
                ordered.len(),
                domain_of(&self.notice.from)
            ),
        })
    }

    /// Once a case's notices went: a referred case now awaits removal.
    async fn after_notice(&self, n: &DueNotice) -> Result<(), String> {
        if n.file.state != CaseState::Referred {
            return Ok(());
        }
        self.move_by_check(
            n.case_id,
            CaseState::Referred,
            CaseState::AwaitingRemoval,
            Event::AwaitingRemoval,
        )
        .await
    }

    /// What a notice about the case states; it asks the host to preserve evidence when the
    /// police asked for it (their `preserve_evidence` step).
    async fn notice_facts(
        &self,
        case_id: i64,
        file: &hotline_store::CaseFile,
        trace: &Trace,
    ) -> Result<NoticeFacts, String> {
        let country = self.jurisdiction().country;
        let police = self
            .store
            .police_record(case_id)
            .await
            .map_err(|e| e.to_string())?;
        Ok(crate::notice::facts_for_case(
            &self.notice,
            &country,
            case_id,
            file,
            Some(trace),
            police.preserve_evidence(),
        ))
    }

    /// Whether a police hold is in force on the case: then nothing goes to any host.
    async fn police_hold(&self, case_id: i64) -> Result<bool, String> {
        Ok(self
            .store
            .police_record(case_id)
            .await
            .map_err(|e| e.to_string())?
            .hold_in_force())
    }

    /// Sends the case's pending notices, each at most once (see the outbox). Under a police
    /// hold nothing goes: the notices stay pending until the hold is released.
    async fn send_pending_notices(&self, case_id: i64) -> Result<(), String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        if self.police_hold(case_id).await? {
            return Ok(());
        }
        let mut failures = Vec::new();
        for n in self.store.notices_of_case(case_id).await.map_err(err)? {
            if n.state != "pending" || !self.store.begin_sending_notice(n.id).await.map_err(err)? {
                continue;
            }
            // The stored text holds a placeholder; the notice's own answer token goes in now.
            let token = self.store.keys().host_answer_token(&n.message_id);
            let out = OutgoingNotice {
                to: n.recipient.clone(),
                subject: n.subject,
                body: hotline_domain::answers::with_answer_token(&n.body, &token),
                xarf_json: vec![n.xarf],
                message_id: n.message_id,
            };
            match self.mailer.send(&out).await {
                Ok(()) => self
                    .store
                    .notice_sent(n.id, case_id, &n.recipient, OffsetDateTime::now_utc())
                    .await
                    .map_err(err)?,
                Err(e) => {
                    self.store
                        .notice_failed(n.id, &e.to_string())
                        .await
                        .map_err(err)?;
                    failures.push(format!("{}: {e}", n.recipient));
                }
            }
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(failures.join("; "))
        }
    }

    /// Checks the case's address once (DNS + `HEAD`), records the result, moves the case to
    /// `removed` or back to `awaiting_removal` when the results say so, repeats or escalates
    /// the notice while the content stays up, and comes back at the next check time.
    async fn monitor(&self, case_id: i64) -> Result<Outcome, String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        let Some(facts) = self.store.monitor_facts(case_id).await.map_err(err)? else {
            return Err(format!("case {case_id} does not exist"));
        };
        let now = OffsetDateTime::now_utc();
        let now_ms = millis(now);
        let watching = match facts.state {
            CaseState::AwaitingRemoval => true,
            CaseState::Removed => !facts
                .removed_at
                .is_some_and(|at| self.monitoring.watch_over(at, now_ms)),
            _ => false,
        };
        if !watching {
            return Ok(Outcome::Done);
        }
        let Some(checker) = &self.checker else {
            return Ok(Outcome::Later {
                at: now + time::Duration::hours(1),
                why: "not checked: the hotline is configured offline (network.offline = true)"
                    .into(),
            });
        };
        let result = checker.check(&facts.canonical).await;
        self.store
            .record_check(case_id, result.outcome, result.status, &result.detail, now)
            .await
            .map_err(err)?;
        let mut recent = facts.recent.clone();
        recent.push(result.outcome);
        match facts.state {
            CaseState::AwaitingRemoval => {
                if verdict(&self.monitoring, &recent) == Verdict::Removed {
                    self.move_by_check(case_id, facts.state, CaseState::Removed, Event::Removed)
                        .await?;
                } else if result.outcome == CheckOutcome::Online
                    && let Err(e) = self.follow_up(case_id, &facts, now).await
                {
                    // A mail server that is down must not end the monitoring: the notices
                    // stay pending in the outbox and go with the next check.
                    tracing::warn!(case = case_id, error = %e, "repeating the notice failed");
                }
            }
            CaseState::Removed if result.outcome == CheckOutcome::Online => {
                // Back again: the case is reopened for removal and flagged on its timeline.
                self.move_by_check(
                    case_id,
                    facts.state,
                    CaseState::AwaitingRemoval,
                    Event::Reappeared,
                )
                .await?;
            }
            _ => {}
        }
        let since = facts.since.unwrap_or(now_ms);
        let next = self.monitoring.next_check(since, now_ms);
        Ok(Outcome::Later {
            at: from_ms(next).unwrap_or(now + time::Duration::hours(1)),
            why: format!("next check; last: {}", result.detail),
        })
    }

    /// Moves a case as its checks say (`hotline_app::cases::move_by_check`).
    async fn move_by_check(
        &self,
        case_id: i64,
        from: CaseState,
        to: CaseState,
        event: Event,
    ) -> Result<(), String> {
        hotline_app::cases::move_by_check(&self.app(), case_id, from, to, event)
            .await
            .map_err(|e| e.to_string())
    }

    /// Content still up after the hotline's notice: repeat it, or escalate once.
    async fn follow_up(
        &self,
        case_id: i64,
        facts: &hotline_store::MonitorFacts,
        now: OffsetDateTime,
    ) -> Result<(), String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        // Only notices the hotline itself sent are repeated (abroad, partners and police act).
        let (Some(first), Some(last)) = (facts.first_notice, facts.last_notice) else {
            return Ok(());
        };
        // A police hold stops reminders and escalations as it stops the first notice.
        if self.police_hold(case_id).await? {
            return Ok(());
        }
        let step = follow_up(
            &self.monitoring,
            first,
            last,
            facts.rounds,
            facts.escalated,
            millis(now),
        );
        if step == FollowUp::Nothing {
            return self.send_pending_notices(case_id).await;
        }
        let file = self
            .store
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await
            .map_err(err)?
            .ok_or_else(|| format!("case {case_id} does not exist"))?;
        let trace = self
            .store
            .latest_trace(case_id)
            .await
            .map_err(err)?
            .ok_or("no trace: a notice cannot be addressed")?;
        let facts_n = self.notice_facts(case_id, &file, &trace).await?;
        let (subject, body) = self.compose(&facts_n)?;
        let days = (millis(now) - first) / 86_400_000;
        let (kind, round, who, subject, body) = match step {
            FollowUp::Renotice { round } => (
                hotline_domain::notice::NoticeKind::Renotice,
                round,
                recipients(&trace),
                format!("Reminder {round}: {subject}"),
                format!(
                    "This is reminder {round}: the address below is still online {days} day(s) after our first notice.\n\n{body}"
                ),
            ),
            FollowUp::Escalate => {
                let who: Vec<_> = recipients(&trace)
                    .into_iter()
                    .filter(|r| r.role != hotline_domain::notice::RecipientRole::Host)
                    .collect();
                (
                    hotline_domain::notice::NoticeKind::Escalation,
                    0,
                    who,
                    format!("Escalation: {subject}"),
                    format!(
                        "We write to you as the registrar or network in front of the host: the address below is still online {days} day(s) after the host was notified. Please act on it.\n\n{body}"
                    ),
                )
            }
            FollowUp::Nothing => return Ok(()),
        };
        let xarf_json = xarf(&facts_n).to_string();
        let queued: Vec<NewNotice> = who
            .iter()
            .map(|r| NewNotice {
                message_id: format!(
                    "{kind}-{case_id}-r{round}-{}@{}",
                    r.email.replace('@', "."),
                    domain_of(&self.notice.from)
                ),
                recipient: r.email.clone(),
                role: format!("{:?}", r.role).to_ascii_lowercase(),
                subject: subject.clone(),
                body: body.clone(),
                xarf: xarf_json.clone(),
                kind,
                round: i64::from(round),
            })
            .collect();
        // Queued before the escalation is recorded: a crash in between repeats the same
        // Message-IDs, which the outbox takes only once.
        self.store
            .queue_notices(case_id, &queued, now)
            .await
            .map_err(err)?;
        if step == FollowUp::Escalate {
            let to: Vec<&str> = who.iter().map(|r| r.email.as_str()).collect();
            let details = if to.is_empty() {
                format!(
                    "still online after {days} day(s); no registrar or CDN contact known; police informed on the case timeline"
                )
            } else {
                format!(
                    "still online after {days} day(s); escalated to {}; police informed on the case timeline",
                    to.join(", ")
                )
            };
            self.store
                .record_escalation(case_id, &details, now)
                .await
                .map_err(err)?;
        }
        self.send_pending_notices(case_id).await
    }

    /// Sends a signed referral to a partner hotline and records its reference. The referral
    /// id is fixed in the job, so a retry is recognised by the partner as the same referral.
    async fn refer_partner(&self, job: &hotline_domain::job::ReferPartner) -> Result<(), String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        let (case_id, name, referral_id) =
            (job.case_id, job.partner.as_str(), job.referral_id.as_str());
        let (partner, token) = self
            .store
            .partner(name)
            .await
            .map_err(err)?
            .ok_or_else(|| format!("the partner {name} is not registered"))?;
        match partner.channel {
            PartnerChannel::Api => {}
            PartnerChannel::Email => {
                return self.mail_referral(case_id, &partner, referral_id).await;
            }
            other @ PartnerChannel::Manual => {
                return Err(format!(
                    "{name} takes referrals by {other}: a person must send it"
                ));
            }
        }
        let endpoint = partner
            .endpoint
            .ok_or_else(|| format!("no endpoint registered for {name}"))?;
        let token = token.ok_or_else(|| format!("no token from {name} is registered"))?;
        let file = self
            .store
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await
            .map_err(err)?
            .ok_or_else(|| format!("case {case_id} does not exist"))?;
        let trace = self.store.latest_trace(case_id).await.map_err(err)?;
        let body = crate::federation::referral_body(
            &file,
            trace.as_ref(),
            referral_id,
            &self.jurisdiction().country,
        )?;
        let signature = self
            .store
            .keys()
            .sign_for_partners(&body, OffsetDateTime::now_utc());
        let reference = hotline_network::partner::send_referral(
            &self.policy,
            &endpoint,
            &token,
            body,
            &signature,
        )
        .await
        .map_err(|e| e.to_string())?;
        self.store
            .referral_sent(
                case_id,
                name,
                referral_id,
                &reference,
                "acknowledged",
                OffsetDateTime::now_utc(),
            )
            .await
            .map_err(err)
    }

    /// Mails a referral to a partner that takes them by e-mail: the summary, encrypted to the
    /// partner's age key when one is registered. Marked `sending` first, so a retry after a
    /// crash never mails it twice (it is marked `uncertain` for a person instead).
    async fn mail_referral(
        &self,
        case_id: i64,
        partner: &hotline_store::Partner,
        referral_id: &str,
    ) -> Result<(), String> {
        let err = |e: hotline_store::StoreError| e.to_string();
        let name = &partner.name;
        let to = partner
            .endpoint
            .clone()
            .ok_or_else(|| format!("no e-mail address registered for {name}"))?;
        let file = self
            .store
            .case_file(case_id, false, hotline_domain::ContactView::Hidden)
            .await
            .map_err(err)?
            .ok_or_else(|| format!("case {case_id} does not exist"))?;
        let trace = self.store.latest_trace(case_id).await.map_err(err)?;
        let assessment = file.assessments.last().map(|a| a.assessment.clone());
        let country = partner.countries.join(", ");
        let reference = referral_reference(&self.jurisdiction().country, case_id);
        let summary = referral_summary(&ReferralFacts {
            hotline_name: &self.notice.hotline_name,
            reference: &reference,
            address: &file.canonical,
            // The partner's country the trace found, else the countries it covers.
            country: trace
                .iter()
                .flat_map(|t| &t.addresses)
                .filter_map(|a| a.country.as_deref())
                .find(|c| partner.countries.iter().any(|p| p == c))
                .unwrap_or(&country),
            assessment: assessment.as_ref(),
            trace: trace.as_ref(),
        });
        let body = match &partner.encrypt_to {
            Some(key) => seal_for_partner(key, &summary).map_err(|e| e.to_string())?,
            None => summary,
        };
        let mail = OutgoingMail {
            to: to.clone(),
            subject: format!("Referral {reference} from {}", self.notice.hotline_name),
            body,
            message_id: format!("referral-{referral_id}@{}", domain_of(&self.notice.from)),
        };
        let now = OffsetDateTime::now_utc();
        if !self
            .store
            .begin_mailing_referral(case_id, name, referral_id, now)
            .await
            .map_err(err)?
        {
            return Ok(()); // sent, or left for a person to check
        }
        if let Err(e) = self.mailer.send_mail(&mail).await {
            self.store
                .referral_mail_failed(name, referral_id)
                .await
                .map_err(err)?;
            return Err(format!("{name}: {e}"));
        }
        let how = if partner.encrypt_to.is_some() {
            format!("mailed to {to}, encrypted")
        } else {
            format!("mailed to {to}")
        };
        self.store
            .referral_sent(
                case_id,
                name,
                referral_id,
                &how,
                "sent",
                OffsetDateTime::now_utc(),
            )
            .await
            .map_err(err)
    }

    /// Tells the partner that referred a case to us what became of it (removed, not illegal).
    async fn partner_update(&self, job: &hotline_domain::job::PartnerUpdate) -> Result<(), String> {
        let (name, referral_id, status) = (&job.partner, &job.referral_id, &job.status);
        let (partner, token) = self
            .store
            .partner(name)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("the partner {name} is not registered"))?;
        let (Some(endpoint), Some(token)) = (partner.endpoint, token) else {
            return Err(format!(
                "{name} has no API endpoint and token registered: tell them by hand"
            ));
        };
        let body = crate::federation::update_body(referral_id, status)?;
        let signature = self
            .store
            .keys()
            .sign_for_partners(&body, OffsetDateTime::now_utc());
        hotline_network::partner::send_update(
            &self.policy,
            &endpoint,
            &token,
            referral_id,
            body,
            &signature,
        )
        .await
        .map_err(|e| e.to_string())
    }

    /// A notice's subject and body, in the operator's template when one is set.
    fn compose(&self, facts: &NoticeFacts) -> Result<(String, String), String> {
        let settings = self.settings.get();
        compose(settings.config.settings.notice_template.as_deref(), facts)
    }

    /// The application layer over this worker's store and settings.
    fn app(&self) -> hotline_app::App {
        hotline_app::App::new(self.store.clone(), self.settings.clone())
    }
}

/// A case whose notice is due now, with what its notice is written from.
struct DueNotice {
    case_id: i64,
    file: hotline_store::CaseFile,
    /// The trace the notice is addressed by (the latest kept).
    trace: Trace,
    facts: NoticeFacts,
}

/// What became of a job's run, when it did not fail.
pub(crate) enum Outcome {
    Done,
    /// Not due yet: run it again at `at`.
    Later {
        at: OffsetDateTime,
        why: String,
    },
}

/// Traces the case of a trace job: its case and what was found.
async fn trace_case(
    store: &Store,
    tracer: &Tracer,
    job: &ClaimedJob,
) -> Result<(i64, Trace), String> {
    let Job::Trace(trace) = Job::parse(&job.kind, &job.payload).map_err(|e| e.to_string())? else {
        return Err(format!("a {} job in a trace batch", job.kind));
    };
    let case_id = trace.case_id;
    let (_, host, domain) = store
        .case_target(case_id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("case {case_id} does not exist"))?;
    let now_ms = millis(OffsetDateTime::now_utc());
    Ok((
        case_id,
        tracer.trace(&host, domain.as_deref(), now_ms).await,
    ))
}

fn from_ms(ms: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

pub(crate) fn domain_of(address: &str) -> String {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_owned())
        .unwrap_or_else(|| "hotline.invalid".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> NoticeFacts {
        NoticeFacts {
            reference: "BE-2026-000007".into(),
            address: "http://example.com/x".into(),
            statute: "art. 417/43".into(),
            hotline_name: "Hotline".into(),
            hotline_email: "notices@hotline.test".into(),
            reported_at: "2026-11-28T10:00:00Z".into(),
            preserve_evidence: false,
            report_id: "r".into(),
            national_only: false,
            from_public_report: true,
            assessed_at: None,
            language: hotline_domain::report::Language::En,
            answer_link: None,
        }
    }

    #[test]
    fn an_operator_template_replaces_the_built_in_text() {
        let t = "Melding {{ reference }}\nBeste,\n{{ address }} is illegaal ({{ statute }}).\n{% if preserve_evidence %}Bewaar alles.{% endif %}\nTe goeder trouw, {{ hotline_email }}";
        let (subject, body) = compose(Some(t), &facts()).unwrap();
        assert_eq!(subject, "Melding BE-2026-000007");
        assert!(body.contains("http://example.com/x is illegaal (art. 417/43)"));
        assert!(!body.contains("Bewaar"));
        let (subject, _) = compose(None, &facts()).unwrap();
        assert!(subject.contains("BE-2026-000007"));
        assert!(compose(Some("{{ broken"), &facts()).is_err());
        assert!(compose(Some("Subject only, no address"), &facts()).is_err());
    }
}
