//! Case actions and the case views they go with, for the staff pages, the staff API and the
//! command line alike: every function checks the permission with the domain's single rule
//! table, decides with the domain's rules, and makes its change in one store transaction
//! (state, timeline entry, audit event, jobs).

use hotline_domain::timeline::Event;
use uuid::Uuid;

use hotline_domain::assessment::{Assessment, AssessmentInput};
use hotline_domain::police::{PoliceEffect, PoliceStep, UnitFacts, unit_for};
use hotline_domain::routing::Route;
use hotline_domain::staff::{Action, CaseAccess, may};
use hotline_domain::{CaseState, CloseReason, Procedure, Refusal};
use hotline_store::casework::day_of;
use hotline_store::{
    CaseActionError, CaseFile, Move, NewJob, QueueCursor, QueueFilter, QueueRow, ReviewOutcome,
    StaffUser, WelfareDay,
};

use crate::{App, AppError, now, require};

/// Looks up a case's access facts; 404 when there is no such case, and for a police officer
/// when it was not referred to their unit (as if it did not exist: they may not learn of it).
async fn access(app: &App, user: &StaffUser, case_id: i64) -> Result<CaseAccess, AppError> {
    let missing = || AppError::no_case();
    let referred_to_police = app.store.case_access(case_id).await?.ok_or_else(missing)?;
    if user.role == hotline_domain::Role::Police {
        let mine = police_unit(app, user).await?;
        if app.store.police_unit_of(case_id).await?.as_deref() != Some(mine.as_str()) {
            return Err(missing());
        }
    }
    Ok(CaseAccess { referred_to_police })
}

/// A police officer's unit.
async fn police_unit(app: &App, user: &StaffUser) -> Result<String, AppError> {
    Ok(app
        .store
        .user_unit(user.id)
        .await?
        .unwrap_or_else(|| hotline_domain::police::NATIONAL_UNIT.to_owned()))
}

/// How many cases referred to this officer's unit wait for a first police step (`None` for
/// other roles): the count on the police queue.
pub async fn new_police_referrals(app: &App, user: &StaffUser) -> Result<Option<i64>, AppError> {
    if user.role != hotline_domain::Role::Police {
        return Ok(None);
    }
    let unit = police_unit(app, user).await?;
    Ok(Some(app.store.new_police_referrals(&unit).await?))
}

/// A page of the queue as `user` may see it: police only ever see what was referred to them.
pub async fn queue(
    app: &App,
    user: &StaffUser,
    mut filter: QueueFilter,
    after: Option<QueueCursor>,
    limit: i64,
) -> Result<(Vec<QueueRow>, Option<QueueCursor>), AppError> {
    require(user, Action::ViewQueue, None)?;
    // The police may view the queue, but never a case not referred to them.
    if !may(
        user.role,
        Action::ViewCase,
        Some(CaseAccess {
            referred_to_police: false,
        }),
    ) {
        filter.referred_to_police_only = true;
    }
    if user.role == hotline_domain::Role::Police {
        filter.police_unit = Some(police_unit(app, user).await?);
    }
    Ok(app.store.queue(&filter, after, limit.clamp(1, 500)).await?)
}

/// The case file as `user` may see it; the view is recorded in the audit trail.
pub async fn view_case(app: &App, user: &StaffUser, case_id: i64) -> Result<CaseFile, AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::ViewCase, Some(access))?;
    let read_content = may(user.role, Action::ReadReports, Some(access));
    let contacts = hotline_domain::staff::contact_view(user.role, Some(access));
    let file = app
        .store
        .case_file(case_id, read_content, contacts)
        .await?
        .ok_or_else(AppError::no_case)?;
    app.store
        .audit(
            &user.username,
            "case.view",
            &format!("case:{case_id}"),
            "",
            now(),
        )
        .await?;
    Ok(file)
}

/// `user`'s assessment time today: (minutes, cap, lifted, over the cap).
pub async fn welfare_of(app: &App, user: &StaffUser) -> Result<(u32, u32, bool, bool), AppError> {
    let (minutes, lifted) = app.store.welfare_day(user.id, &day_of(now())).await?;
    let cap = app.config().welfare;
    Ok((
        minutes,
        cap.daily_minutes,
        lifted,
        !cap.may_take_assessment(minutes, lifted),
    ))
}

async fn check_welfare(app: &App, user: &StaffUser) -> Result<(), AppError> {
    let (minutes, cap, _, over) = welfare_of(app, user).await?;
    if over {
        return Err(AppError::Forbidden(
            Refusal::new(
                "welfare_limit",
                format!(
                    "you have spent {minutes} minutes on assessment today, past the limit of {cap}; \
                     a supervisor can lift the limit"
                ),
            )
            .with("minutes", minutes)
            .with("cap", cap),
        ));
    }
    Ok(())
}

fn require_assess_procedure(app: &App) -> Result<(), AppError> {
    if app.config().procedure() == Procedure::ForwardUnopened {
        return Err(AppError::conflict(
            "forwards_unopened",
            "this hotline forwards reports unopened: nobody assesses content here",
        ));
    }
    Ok(())
}

/// Starts assessing a new case.
pub async fn start_assessment(app: &App, user: &StaffUser, case_id: i64) -> Result<(), AppError> {
    require_assess_procedure(app)?;
    let access = access(app, user, case_id).await?;
    require(user, Action::StartAssessment, Some(access))?;
    check_welfare(app, user).await?;
    Ok(app.store.start_assessment(case_id, user, now()).await?)
}

/// Takes the next new case (urgent first, then oldest) into assessment.
pub async fn take_next(app: &App, user: &StaffUser) -> Result<Option<i64>, AppError> {
    require_assess_procedure(app)?;
    require(user, Action::StartAssessment, None)?;
    check_welfare(app, user).await?;
    Ok(app.store.take_next_case(user, now()).await?)
}

/// Records an assessment; a case still `new` is taken into assessment first.
pub async fn record_assessment(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    input: AssessmentInput,
) -> Result<Assessment, AppError> {
    require_assess_procedure(app)?;
    let access = access(app, user, case_id).await?;
    require(user, Action::Assess, Some(access))?;
    let assessment = Assessment::parse(input).map_err(AppError::Assessment)?;
    let file = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(AppError::no_case)?;
    if file.state == CaseState::New {
        start_assessment(app, user, case_id).await?;
    }
    // The routing the assessment decides goes with it, in its transaction, when the route is
    // certain and nobody asked for a second opinion; otherwise the case waits, and the case
    // page says why.
    let now = now();
    let then = match file.review_requested_by {
        Some(_) => None,
        None => {
            let with = Some(assessment.classification);
            referral(app, case_id, CaseState::Assessed, with, By::Rule, now)
                .await?
                .ok()
        }
    };
    let then = then.as_ref().map(|r| r.as_move(app.config().procedure()));
    app.store
        .record_assessment(case_id, user, &assessment, then, now)
        .await?;
    Ok(assessment)
}

pub async fn request_second_opinion(
    app: &App,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::RequestSecondOpinion, Some(access))?;
    Ok(app
        .store
        .request_second_opinion(case_id, user, now())
        .await?)
}

pub async fn review(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    outcome: ReviewOutcome,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::Review, Some(access))?;
    let file = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(AppError::no_case)?;
    // A review of a case still waiting to be routed routes it, as an assessment would.
    let now = now();
    let classification = match &outcome {
        ReviewOutcome::Confirm => file.assessments.last().map(|a| a.assessment.classification),
        ReviewOutcome::Override(a) => Some(a.classification),
    };
    let then = match file.state {
        CaseState::Assessed => referral(app, case_id, file.state, classification, By::Rule, now)
            .await?
            .ok(),
        _ => None,
    };
    let then = then.as_ref().map(|r| r.as_move(app.config().procedure()));
    Ok(app
        .store
        .review_assessment(case_id, user, &outcome, then, now)
        .await?)
}

/// The moves a case page offers as buttons: the state machine's next states, less those
/// that have their own forms (assessment) or their own action (reopening).
pub fn offered_moves(state: CaseState, procedure: Procedure) -> Vec<CaseState> {
    state
        .next_states(procedure)
        .into_iter()
        .filter(|to| {
            !matches!(
                to,
                CaseState::New | CaseState::InAssessment | CaseState::Assessed
            )
        })
        .collect()
}

/// Moves a case along the state machine (referring, closing with a reason, …). The move, its
/// timeline entry, its audit event and the jobs it starts (the referral's delivery, the notice
/// job, news for the partner that referred the case to us) are one transaction.
pub async fn move_case(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    to: CaseState,
    close_reason: Option<CloseReason>,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    let procedure = app.config().procedure();
    let file = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(AppError::no_case)?;
    // Referral is mostly the routing rule's, in the assessment's own transaction: a person's
    // "refer" that arrives after it (or a form sent twice) finds the work done.
    if to == CaseState::Referred && file.state == CaseState::Referred {
        return Ok(());
    }
    if !offered_moves(file.state, procedure).contains(&to) {
        return Err(AppError::Conflict(
            Refusal::new(
                "move_not_offered",
                format!("a case cannot move from {} to {to} here", file.state),
            )
            .with("from", file.state)
            .with("to", to),
        ));
    }
    let latest = file.assessments.last().map(|a| a.assessment.classification);
    let close_reason = match (to, close_reason) {
        (CaseState::Closed, None) => {
            return Err(AppError::invalid(
                "reason",
                "close_reason_needed",
                "say why the case is closed",
            ));
        }
        (CaseState::Closed, Some(r)) => {
            r.check_by_staff(file.state, latest)
                .map_err(|e| AppError::Invalid {
                    field: "reason",
                    message: e.0,
                })?;
            Some(r)
        }
        _ => None,
    };
    let now = now();
    if to == CaseState::Referred {
        // A person hands the case on: where the routing rules say, or to the police when it
        // cannot be traced yet (they can trace it themselves).
        let referral = referral(app, case_id, file.state, latest, By::Hand, now)
            .await?
            .map_err(AppError::Conflict)?;
        app.store
            .move_case_by(case_id, referral.as_move(procedure), user, now)
            .await?;
        return Ok(());
    }
    let jobs = news_for_partner(app, case_id, file.state, to, close_reason, now).await?;
    let event = Event::of_move(file.state, to);
    let m = Move {
        to,
        procedure,
        event,
        police_unit: None,
        close_reason,
        jobs: &jobs,
    };
    app.store.move_case_by(case_id, m, user, now).await?;
    Ok(())
}

/// Who decides a referral: a person (who may hand an untraced case to the police) or the
/// routing rule after an assessment, a review or a trace (which waits until the route is
/// certain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    Hand,
    Rule,
}

/// A referral ready to be made: where to, and the jobs it starts.
#[derive(Debug)]
struct Referral {
    /// The police unit it goes to, when it goes to the police.
    police_unit: Option<String>,
    event: Event,
    jobs: Vec<NewJob>,
}

impl Referral {
    fn as_move(&self, procedure: Procedure) -> Move<'_> {
        Move {
            to: CaseState::Referred,
            procedure,
            event: self.event,
            police_unit: self.police_unit.as_deref(),
            close_reason: None,
            jobs: &self.jobs,
        }
    }
}

/// Where a case in state `from` assessed as `classification` goes now, decided once for
/// staff moves, assessments, reviews and traces: `Ok(Err(why))` when it may not go (yet).
async fn referral(
    app: &App,
    case_id: i64,
    from: CaseState,
    classification: Option<hotline_domain::assessment::Classification>,
    by: By,
    now: time::OffsetDateTime,
) -> Result<Result<Referral, Refusal>, AppError> {
    let jurisdiction = app.jurisdiction().await?;
    let trace = app.store.latest_trace(case_id).await?;
    let mut jobs = news_for_partner(app, case_id, from, CaseState::Referred, None, now).await?;
    let route = hotline_domain::routing::route(&jurisdiction, classification, trace.as_ref());
    let referral = match route {
        Route::Partner { partner, .. } => {
            // A `manual` partner is sent to by a person, who records the reference.
            if app
                .store
                .partner(&partner)
                .await?
                .is_some_and(|(p, _)| p.delivers_automatically())
            {
                jobs.push(NewJob::refer_partner(case_id, &partner, now));
            }
            Referral {
                police_unit: None,
                event: Event::ReferralToPartnerQueued,
                jobs,
            }
        }
        r if r.is_police() || (by == By::Hand && matches!(r, Route::Wait { .. })) => {
            // The notice job decides, by the takedown regime, whether and when the hotline
            // notifies the host.
            jobs.push(NewJob::notice(case_id, now));
            let facts = UnitFacts {
                urgent: app.store.case_urgent(case_id).await?,
                hosting_countries: trace
                    .iter()
                    .flat_map(|t| t.addresses.iter().filter_map(|a| a.country.clone()))
                    .collect(),
                registrable_domain: trace.as_ref().and_then(|t| t.registrable_domain.clone()),
            };
            Referral {
                police_unit: Some(unit_for(&app.config().police_units, &facts).to_owned()),
                event: Event::ReferredPolice,
                jobs,
            }
        }
        // Not traced yet, or assessed as not illegal, gone or out of remit: never referred.
        other => return Ok(Err(Refusal::from(&other))),
    };
    Ok(Ok(referral))
}

/// The update a move sends to the partner hotline that referred the case to us, if any.
async fn news_for_partner(
    app: &App,
    case_id: i64,
    from: CaseState,
    to: CaseState,
    close_reason: Option<CloseReason>,
    now: time::OffsetDateTime,
) -> Result<Vec<NewJob>, AppError> {
    let news = hotline_domain::partner::news_of_move(from, to, close_reason);
    let Some(status) = news else {
        return Ok(Vec::new());
    };
    Ok(match app.store.incoming_referral(case_id).await? {
        Some((partner, referral_id)) => vec![NewJob::partner_update(
            case_id,
            &partner,
            &referral_id,
            status,
            now,
        )],
        None => Vec::new(),
    })
}

/// What a finished trace decides (the workers call this after saving it): under
/// `forward-unopened` a new case goes to the national police wherever it is hosted; under
/// `assess` an assessed case that waited for its hosting is routed now; a case whose notice
/// was held because its host changed gets its notice job again. Anything else, or a case
/// someone moved meanwhile, is left alone.
pub async fn route_after_trace(app: &App, case_id: i64) -> Result<(), AppError> {
    let procedure = app.config().procedure();
    let Some(file) = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
    else {
        return Ok(());
    };
    // A notice held because the hosting changed just before it went (issue 17): the trace an
    // analyst asked for since is their go-ahead, and the notice job runs again, addressed by
    // this trace (and checked against the hosting once more before it goes).
    if file.referred_to_police
        && matches!(file.state, CaseState::Referred | CaseState::AwaitingRemoval)
    {
        let legs: Vec<(&str, Option<&str>)> = file
            .timeline
            .iter()
            .map(|e| (e.kind.as_str(), e.details.as_deref()))
            .collect();
        if hotline_domain::notice::host_change_waiting(&legs, true).is_some() {
            app.store
                .enqueue_job(&NewJob::notice(case_id, now()), now())
                .await?;
        }
        return Ok(());
    }
    let ready = match procedure {
        Procedure::ForwardUnopened => file.state == CaseState::New,
        Procedure::Assess => {
            file.state == CaseState::Assessed && file.review_requested_by.is_none()
        }
    };
    if !ready {
        return Ok(());
    }
    let latest = file.assessments.last().map(|a| a.assessment.classification);
    let now = now();
    let Ok(referral) = referral(app, case_id, file.state, latest, By::Rule, now).await? else {
        return Ok(());
    };
    match app
        .store
        .move_case_by(case_id, referral.as_move(procedure), &system(), now)
        .await
    {
        // Someone moved it first: their move stands.
        Ok(_) | Err(CaseActionError::Conflict(_) | CaseActionError::Illegal(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// A move the workers make on what they found: a notice sent (awaiting removal), or a removal
/// check (removed, or back online). A case a partner referred to us tells that partner in the
/// same transaction. A case someone moved meanwhile is left as they left it.
pub async fn move_by_check(
    app: &App,
    case_id: i64,
    from: CaseState,
    to: CaseState,
    event: Event,
) -> Result<(), AppError> {
    let now = now();
    let jobs = news_for_partner(app, case_id, from, to, None, now).await?;
    let m = Move {
        to,
        procedure: app.config().procedure(),
        event,
        police_unit: None,
        close_reason: None,
        jobs: &jobs,
    };
    match app.store.move_case_by(case_id, m, &system(), now).await {
        Ok(_) | Err(CaseActionError::Conflict(_) | CaseActionError::Illegal(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// The actor of the workers' moves in the audit trail.
pub fn system() -> StaffUser {
    StaffUser {
        id: 0,
        username: "system".into(),
        role: hotline_domain::Role::Supervisor,
    }
}

/// Puts a case under legal hold (`on`) or lifts it: supervisors only, audited.
pub async fn set_legal_hold(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    on: bool,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::LegalHold, Some(access))?;
    if !app.store.set_legal_hold(case_id, on, user, now()).await? {
        return Err(AppError::no_case());
    }
    Ok(())
}

pub async fn hold(app: &App, user: &StaffUser, case_id: i64) -> Result<(), AppError> {
    set_legal_hold(app, user, case_id, true).await
}

pub async fn release_hold(app: &App, user: &StaffUser, case_id: i64) -> Result<(), AppError> {
    set_legal_hold(app, user, case_id, false).await
}

/// Closes cases as spam, many at once: supervisors only; each case audited. Cases already
/// with the police or a host are refused, all the others closed.
pub async fn close_as_spam(
    app: &App,
    user: &StaffUser,
    case_ids: &[i64],
) -> Result<Vec<i64>, AppError> {
    require(user, Action::MarkSpam, None)?;
    if case_ids.is_empty() {
        return Err(AppError::invalid(
            "case",
            "no_case_selected",
            "select at least one case",
        ));
    }
    let (closed, refused) = app.store.close_as_spam(case_ids, user, now()).await?;
    if closed.is_empty() {
        let why: Vec<String> = refused
            .iter()
            .map(|(id, why)| format!("#{id}: {why}"))
            .collect();
        let cases: Vec<String> = refused.iter().map(|(id, _)| format!("#{id}")).collect();
        return Err(AppError::Conflict(
            Refusal::new(
                "none_closed_as_spam",
                format!("no case was closed: {}", why.join("; ")),
            )
            .with("cases", cases.join(", ")),
        ));
    }
    Ok(closed)
}

pub async fn reopen(app: &App, user: &StaffUser, case_id: i64) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::Reopen, Some(access))?;
    Ok(app.store.reopen_case(case_id, user, now()).await?)
}

pub async fn reassign(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    to: Option<&str>,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::Reassign, Some(access))?;
    Ok(app.store.reassign_case(case_id, to, user, now()).await?)
}

/// Longest message to a reporter.
pub const MAX_MESSAGE_CHARS: usize = 2000;

pub async fn message_reporter(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    report_id: Uuid,
    body: &str,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::MessageReporter, Some(access))?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(AppError::Invalid {
            field: "body",
            message: Refusal::new(
                "message_length",
                format!("a message has 1 to {MAX_MESSAGE_CHARS} characters"),
            )
            .with("max", MAX_MESSAGE_CHARS),
        });
    }
    Ok(app
        .store
        .message_reporter(case_id, report_id, body, user, now())
        .await?)
}

/// Everyone's assessment time today (supervisors).
pub async fn welfare_overview(
    app: &App,
    user: &StaffUser,
) -> Result<(String, Vec<WelfareDay>), AppError> {
    require(user, Action::ViewWelfare, None)?;
    let day = day_of(now());
    let rows = app.store.welfare_overview(&day).await?;
    Ok((day, rows))
}

pub async fn lift_cap(app: &App, user: &StaffUser, username: &str) -> Result<(), AppError> {
    require(user, Action::LiftWelfareCap, None)?;
    Ok(app
        .store
        .lift_welfare_cap(username, &day_of(now()), user, now())
        .await?)
}

/// Queues a fresh trace of the case's address (at most one waiting at a time).
pub async fn retrace(app: &App, user: &StaffUser, case_id: i64) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::Retrace, Some(access))?;
    app.store
        .enqueue_job(&NewJob::trace(case_id, now()), now())
        .await?;
    app.store
        .audit(
            &user.username,
            "case.retrace",
            &format!("case:{case_id}"),
            "",
            now(),
        )
        .await?;
    Ok(())
}

/// The latest trace of a case and its pending or failed background work, as `user` may see.
pub async fn trace_of(
    app: &App,
    case_id: i64,
) -> Result<
    (
        Option<hotline_domain::trace::Trace>,
        Vec<hotline_store::JobSummary>,
    ),
    AppError,
> {
    Ok((
        app.store.latest_trace(case_id).await?,
        app.store.jobs_of_case(case_id).await?,
    ))
}

/// Records what the police did with a referral (police, and supervisors taking it by phone):
/// the step, and what it does to the case, in one transaction (`hotline_domain::police`).
pub async fn police_step(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    step: &PoliceStep,
) -> Result<PoliceEffect, AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::RecordPoliceStep, Some(access))?;
    let procedure = app.config().procedure();
    Ok(app
        .store
        .record_police_step(case_id, step, procedure, user, now())
        .await?)
}

/// Records what the host answered to the case's notice.
pub async fn host_answer(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    answer: hotline_domain::notice::HostAnswer,
    reason: &str,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    Ok(app
        .store
        .record_host_answer(case_id, answer, reason, user, now())
        .await?)
}

/// Records what a host's abuse desk answered through the link in its notice (no account: the
/// unguessable token is the authority, and it names one notice only). `removed` has the
/// address checked at once, in the same transaction. `None` when the link opens nothing (an
/// unknown or altered token, or a case closed meanwhile).
pub async fn host_reply(
    app: &App,
    token: &str,
    input: &hotline_domain::answers::HostAnswerInput,
) -> Result<Option<i64>, AppError> {
    Ok(app.store.record_host_reply(token, input, now()).await?)
}

/// Records an anonymous reporter's answer to a staff message, found by the report's receipt;
/// the text is checked (`hotline_domain::answers::reporter_answer`) and sealed at rest.
pub async fn reporter_answer(
    app: &App,
    receipt: &hotline_domain::Receipt,
    text: &str,
) -> Result<hotline_store::answers::ReporterAnswerOutcome, AppError> {
    Ok(app.store.answer_as_reporter(receipt, text, now()).await?)
}

/// Records what a partner hotline says became of a case we referred to it (`removed`,
/// `reappeared`, `not_illegal`, …), moving our case in the same transaction: `not_illegal`
/// closes it as `not_illegal_for_partner`. `None` when no such referral went to that partner.
pub async fn partner_update(
    app: &App,
    partner: &str,
    referral_id: &str,
    status: &str,
) -> Result<Option<i64>, AppError> {
    let procedure = app.config().procedure();
    Ok(app
        .store
        .referral_update(partner, referral_id, status, procedure, now())
        .await?)
}

/// Stores a partner hotline's referral as a report with its case, with what the referring
/// hotline found (its assessment and trace), in one transaction; an identical referral sent
/// twice is stored once.
pub async fn receive_referral(
    app: &App,
    partner: &str,
    referral_id: &str,
    body: &[u8],
    report: &hotline_domain::report::NewReport,
    work: Option<&hotline_domain::federation::ReferredWork>,
) -> Result<hotline_store::ReferralIntake, AppError> {
    Ok(app
        .store
        .receive_partner_referral(partner, referral_id, body, report, work, now())
        .await?)
}

/// Marks (or unmarks) the case's registrable domain as dedicated to abuse material, so the
/// DNS blocklist names it whole. A supervisor's decision, audited.
pub async fn mark_dedicated_domain(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    dedicated: bool,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::MarkDedicatedDomain, Some(access))?;
    let file = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(AppError::no_case)?;
    let domain = file.registrable_domain.ok_or_else(|| {
        AppError::conflict(
            "no_registrable_domain",
            "this address has no registrable domain (an IP address or onion)",
        )
    })?;
    Ok(app
        .store
        .mark_domain_dedicated(&domain, dedicated, &user.username, now())
        .await?)
}

/// Records a referral to a partner made by hand, with the partner's reference.
pub async fn record_partner_reference(
    app: &App,
    user: &StaffUser,
    case_id: i64,
    reference: &str,
) -> Result<(), AppError> {
    let access = access(app, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > 200 {
        return Err(AppError::Invalid {
            field: "reference",
            message: Refusal::new(
                "partner_reference_needed",
                "give the partner's reference (1 to 200 characters)",
            )
            .with("max", 200),
        });
    }
    let Some((partner, _)) = manual_partner_of(app, case_id).await? else {
        return Err(AppError::conflict(
            "no_referral_by_hand",
            "this case is not waiting for a referral by hand",
        ));
    };
    app.store
        .referral_sent(
            case_id,
            &partner,
            &uuid::Uuid::new_v4().to_string(),
            reference,
            "acknowledged",
            now(),
        )
        .await?;
    app.store
        .audit(
            &user.username,
            "case.partner_reference",
            &format!("case:{case_id}"),
            reference,
            now(),
        )
        .await?;
    Ok(())
}

/// The partner a referred case waits to be sent to by hand (a `manual` partner, or `email`
/// without an address), with a copy-ready summary; `None` once the referral is recorded, or
/// for other routes.
pub async fn manual_partner_of(
    app: &App,
    case_id: i64,
) -> Result<Option<(String, String)>, AppError> {
    let Some(file) = app
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
    else {
        return Ok(None);
    };
    if file.state != CaseState::Referred || file.referred_to_police {
        return Ok(None);
    }
    if app
        .store
        .referrals_of_case(case_id)
        .await?
        .iter()
        .any(|r| r.0 == "out")
    {
        return Ok(None);
    }
    let jurisdiction = app.jurisdiction().await?;
    let trace = app.store.latest_trace(case_id).await?;
    let latest = file.assessments.last().map(|a| a.assessment.clone());
    let hotline_domain::routing::Route::Partner { partner, country } =
        hotline_domain::routing::route(
            &jurisdiction,
            latest.as_ref().map(|a| a.classification),
            trace.as_ref(),
        )
    else {
        return Ok(None);
    };
    if app
        .store
        .partner(&partner)
        .await?
        .is_some_and(|(p, _)| p.delivers_automatically())
    {
        return Ok(None);
    }
    let reference = hotline_domain::partner::referral_reference(&jurisdiction.country, case_id);
    let summary =
        hotline_domain::partner::referral_summary(&hotline_domain::partner::ReferralFacts {
            hotline_name: &app.config().public.hotline_name,
            reference: &reference,
            address: &file.canonical,
            country: &country,
            assessment: latest.as_ref(),
            trace: trace.as_ref(),
        });
    Ok(Some((partner, summary)))
}

/// Records the referring hotline's assessment as this analyst's, through the same rules,
/// permission and routing as any assessment (a case still `new` is taken into assessment
/// first).
pub async fn accept_referred_assessment(
    app: &App,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), AppError> {
    let assessment = app
        .store
        .referred_work(case_id)
        .await?
        .and_then(|(_, work)| work.assessment)
        .ok_or_else(|| {
            AppError::conflict(
                "no_referred_assessment",
                "the referring hotline sent no assessment with this case",
            )
        })?;
    match record_assessment(app, user, case_id, assessment.to_input()).await {
        Ok(_) => Ok(()),
        Err(AppError::Assessment(invalid)) => Err(AppError::invalid(
            invalid.errors.first().map_or("classification", |e| e.field),
            "referred_assessment_invalid",
            format!("the referring hotline's assessment does not meet our rules: {invalid}"),
        )),
        Err(e) => Err(e),
    }
}

/// What a user may do with a case now: the permission table, the procedure and the case's
/// state decided together, once, for the case page and any other view that offers actions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseOptions {
    /// Take a new case into assessment.
    pub start: bool,
    /// Record an assessment.
    pub assess: bool,
    pub second_opinion: bool,
    pub review: bool,
    /// The moves offered as buttons (closing has its own form: [`CaseOptions::close`]).
    pub moves: Vec<CaseState>,
    /// Close the case, with a reason from the fixed list.
    pub close: bool,
    /// Record a police step.
    pub police_step: bool,
    /// Record the host's answer to a notice that went, or a partner's reference.
    pub host_answer: bool,
    /// Send a referral by hand, with the partner's reference.
    pub refer_by_hand: bool,
    pub retrace: bool,
    pub legal_hold: bool,
    pub reopen: bool,
    pub reassign: bool,
    pub message: bool,
    pub mark_domain: bool,
    /// Read what reporters wrote (descriptions, answers to staff messages).
    pub read_reports: bool,
}

/// What `user` may do with `file` now under `procedure`; `notice_sent` says whether a notice
/// went to the host (only then is there an answer to record).
pub fn options(
    user: &StaffUser,
    procedure: Procedure,
    file: &CaseFile,
    notice_sent: bool,
) -> CaseOptions {
    let role = user.role;
    let access = Some(CaseAccess {
        referred_to_police: file.referred_to_police,
    });
    let can = |action| may(role, action, access);
    let assess = procedure == Procedure::Assess;
    let offered = offered_moves(file.state, procedure);
    let moving = can(Action::MoveCase);
    let assessed = !file.assessments.is_empty();
    CaseOptions {
        start: assess && file.state == CaseState::New && can(Action::StartAssessment),
        assess: assess
            && matches!(file.state, CaseState::New | CaseState::InAssessment)
            && can(Action::Assess),
        second_opinion: assess
            && assessed
            && file.review_requested_by.is_none()
            && can(Action::RequestSecondOpinion),
        review: assessed && can(Action::Review),
        close: moving && offered.contains(&CaseState::Closed),
        moves: if moving {
            offered
                .into_iter()
                .filter(|to| *to != CaseState::Closed)
                .collect()
        } else {
            Vec::new()
        },
        police_step: can(Action::RecordPoliceStep),
        host_answer: moving && notice_sent,
        refer_by_hand: moving,
        retrace: can(Action::Retrace),
        legal_hold: can(Action::LegalHold),
        reopen: file.state == CaseState::Closed && can(Action::Reopen),
        reassign: file.state != CaseState::Closed && can(Action::Reassign),
        message: can(Action::MessageReporter),
        mark_domain: can(Action::MarkDedicatedDomain),
        read_reports: can(Action::ReadReports),
    }
}
