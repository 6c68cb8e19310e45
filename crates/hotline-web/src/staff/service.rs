//! What staff can do, once, for the web pages and the API alike: every function checks the
//! permission with the domain's single rule table, then calls the store, which records the
//! action in the audit trail. Handlers only parse and render.

use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::assessment::{Assessment, AssessmentInput, InvalidAssessment};
use hotline_domain::police::{PoliceEffect, PoliceStep};
use hotline_domain::routing::Route;
use hotline_domain::staff::{Action, CaseAccess, may};
use hotline_domain::{CaseState, CloseReason, Procedure};
use hotline_store::casework::day_of;
use hotline_store::{
    CaseFile, Move, NewJob, QueueCursor, QueueFilter, QueueRow, ReviewOutcome, StaffUser,
    WelfareDay,
};

use crate::staff::auth::require;
use crate::{AppState, WebError};

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Looks up a case's access facts; 404 when there is no such case, and for a police officer
/// when it was not referred to their unit (as if it did not exist: they may not learn of it).
async fn access(state: &AppState, user: &StaffUser, case_id: i64) -> Result<CaseAccess, WebError> {
    let missing = || WebError::not_found("there is no case with this number");
    let referred_to_police = state
        .store
        .case_access(case_id)
        .await?
        .ok_or_else(missing)?;
    if user.role == hotline_domain::Role::Police {
        let mine = police_unit(state, user).await?;
        if state.store.police_unit_of(case_id).await?.as_deref() != Some(mine.as_str()) {
            return Err(missing());
        }
    }
    Ok(CaseAccess { referred_to_police })
}

/// A police officer's unit.
async fn police_unit(state: &AppState, user: &StaffUser) -> Result<String, WebError> {
    Ok(state
        .store
        .user_unit(user.id)
        .await?
        .unwrap_or_else(|| hotline_domain::police::NATIONAL_UNIT.to_owned()))
}

/// How many cases referred to this officer's unit wait for a first police step (`None` for
/// other roles): the count on the police queue.
pub async fn new_police_referrals(
    state: &AppState,
    user: &StaffUser,
) -> Result<Option<i64>, WebError> {
    if user.role != hotline_domain::Role::Police {
        return Ok(None);
    }
    let unit = police_unit(state, user).await?;
    Ok(Some(state.store.new_police_referrals(&unit).await?))
}

/// A page of the queue as `user` may see it: police only ever see what was referred to them.
pub async fn queue(
    state: &AppState,
    user: &StaffUser,
    mut filter: QueueFilter,
    after: Option<QueueCursor>,
    limit: i64,
) -> Result<(Vec<QueueRow>, Option<QueueCursor>), WebError> {
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
        filter.police_unit = Some(police_unit(state, user).await?);
    }
    Ok(state
        .store
        .queue(&filter, after, limit.clamp(1, 500))
        .await?)
}

/// The case file as `user` may see it; the view is recorded in the audit trail.
pub async fn view_case(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
) -> Result<CaseFile, WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::ViewCase, Some(access))?;
    let read_content = may(user.role, Action::ReadReports, Some(access));
    let contacts = hotline_domain::staff::contact_view(user.role, Some(access));
    let file = state
        .store
        .case_file(case_id, read_content, contacts)
        .await?
        .ok_or_else(|| WebError::not_found("there is no case with this number"))?;
    state
        .store
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
pub async fn welfare_of(
    state: &AppState,
    user: &StaffUser,
) -> Result<(u32, u32, bool, bool), WebError> {
    let (minutes, lifted) = state.store.welfare_day(user.id, &day_of(now())).await?;
    let cap = state.config().welfare;
    Ok((
        minutes,
        cap.daily_minutes,
        lifted,
        !cap.may_take_assessment(minutes, lifted),
    ))
}

async fn check_welfare(state: &AppState, user: &StaffUser) -> Result<(), WebError> {
    let (minutes, cap, _, over) = welfare_of(state, user).await?;
    if over {
        return Err(WebError::forbidden(format!(
            "you have spent {minutes} minutes on assessment today, past the limit of {cap}; \
             a supervisor can lift the limit"
        )));
    }
    Ok(())
}

fn require_assess_procedure(state: &AppState) -> Result<(), WebError> {
    if state.config().procedure == Procedure::ForwardUnopened {
        return Err(WebError::conflict(
            "this hotline forwards reports unopened: nobody assesses content here",
        ));
    }
    Ok(())
}

/// Starts assessing a new case.
pub async fn start_assessment(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), WebError> {
    require_assess_procedure(state)?;
    let access = access(state, user, case_id).await?;
    require(user, Action::StartAssessment, Some(access))?;
    check_welfare(state, user).await?;
    Ok(state.store.start_assessment(case_id, user, now()).await?)
}

/// Takes the next new case (urgent first, then oldest) into assessment.
pub async fn take_next(state: &AppState, user: &StaffUser) -> Result<Option<i64>, WebError> {
    require_assess_procedure(state)?;
    require(user, Action::StartAssessment, None)?;
    check_welfare(state, user).await?;
    Ok(state.store.take_next_case(user, now()).await?)
}

/// Why an assessment was not recorded.
pub enum AssessError {
    Invalid(InvalidAssessment),
    Web(WebError),
}

impl From<WebError> for AssessError {
    fn from(e: WebError) -> Self {
        AssessError::Web(e)
    }
}

impl From<hotline_store::CaseActionError> for AssessError {
    fn from(e: hotline_store::CaseActionError) -> Self {
        AssessError::Web(e.into())
    }
}

/// Records an assessment; a case still `new` is taken into assessment first.
pub async fn record_assessment(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    input: AssessmentInput,
) -> Result<Assessment, AssessError> {
    require_assess_procedure(state)?;
    let access = access(state, user, case_id).await?;
    require(user, Action::Assess, Some(access))?;
    let assessment = Assessment::parse(input).map_err(AssessError::Invalid)?;
    let file = state
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await
        .map_err(WebError::from)?
        .ok_or_else(|| WebError::not_found("there is no case with this number"))?;
    if file.state == CaseState::New {
        start_assessment(state, user, case_id).await?;
    }
    state
        .store
        .record_assessment(case_id, user, &assessment, now())
        .await?;
    Ok(assessment)
}

pub async fn request_second_opinion(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::RequestSecondOpinion, Some(access))?;
    Ok(state
        .store
        .request_second_opinion(case_id, user, now())
        .await?)
}

pub async fn review(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    outcome: ReviewOutcome,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::Review, Some(access))?;
    Ok(state
        .store
        .review_assessment(case_id, user, &outcome, now())
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
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    to: CaseState,
    close_reason: Option<CloseReason>,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    let procedure = state.config().procedure;
    let file = state
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(|| WebError::not_found("there is no case with this number"))?;
    if !offered_moves(file.state, procedure).contains(&to) {
        return Err(WebError::conflict(format!(
            "a case cannot move from {} to {to} here",
            file.state
        )));
    }
    let latest = file.assessments.last().map(|a| a.assessment.classification);
    let close_reason = match (to, close_reason) {
        (CaseState::Closed, None) => {
            return Err(WebError::invalid("reason", "say why the case is closed"));
        }
        (CaseState::Closed, Some(r)) => {
            r.check_by_staff(file.state, latest)
                .map_err(|e| WebError::invalid("reason", e.to_string()))?;
            Some(r)
        }
        _ => None,
    };
    let now = now();
    let mut jobs = Vec::new();
    // A referral goes where the routing rules say: to a partner hotline abroad, or to the
    // police (national, or the international channel).
    let mut partner = None;
    if to == CaseState::Referred {
        let mut jurisdiction = state.config().jurisdiction.clone();
        jurisdiction.partners = state.store.partner_countries().await?;
        let trace = state.store.latest_trace(case_id).await?;
        match hotline_domain::routing::route(&jurisdiction, latest, trace.as_ref()) {
            Route::Partner { partner: name, .. } => {
                // A `manual` partner is sent to by a person, who records the reference.
                if state
                    .store
                    .partner(&name)
                    .await?
                    .is_some_and(|(p, _)| p.delivers_automatically())
                {
                    jobs.push(NewJob::refer_partner(case_id, &name, now));
                }
                partner = Some(name);
            }
            // Not traced yet (or the hotline is offline): a person may still hand it to the
            // police, who can trace it themselves.
            r if r.is_police() || matches!(r, Route::Wait { .. }) => {
                // The notice job decides, by the takedown regime, whether and when the
                // hotline notifies the host.
                jobs.push(NewJob::notice(case_id, now));
            }
            // Assessed as not illegal, gone or out of remit: never referred.
            other => return Err(WebError::conflict(other.explain())),
        }
    }
    // A case a partner referred to us: tell it what became of it.
    let news = hotline_domain::partner::news_of_move(file.state, to, close_reason);
    if let (Some(status), Some((from, referral_id))) =
        (news, state.store.incoming_referral(case_id).await?)
    {
        jobs.push(NewJob::partner_update(
            case_id,
            &from,
            &referral_id,
            status,
            now,
        ));
    }
    let event = match (file.state, to, &partner) {
        (_, CaseState::Referred, Some(_)) => "referral_to_partner_queued",
        (_, CaseState::Referred, None) => "referred_police",
        (CaseState::Removed, CaseState::AwaitingRemoval, _) => "reappeared",
        (_, other, _) => other.as_str(),
    };
    let m = Move {
        to,
        procedure,
        event,
        to_police: to == CaseState::Referred && partner.is_none(),
        close_reason,
        jobs: &jobs,
    };
    state.store.move_case_by(case_id, m, user, now).await?;
    Ok(())
}

/// Puts a case under legal hold (`on`) or lifts it: supervisors only, audited.
pub async fn set_legal_hold(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    on: bool,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::LegalHold, Some(access))?;
    if !state.store.set_legal_hold(case_id, on, user, now()).await? {
        return Err(WebError::not_found("there is no case with this number"));
    }
    Ok(())
}

pub async fn hold(state: &AppState, user: &StaffUser, case_id: i64) -> Result<(), WebError> {
    set_legal_hold(state, user, case_id, true).await
}

pub async fn release_hold(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), WebError> {
    set_legal_hold(state, user, case_id, false).await
}

/// Closes cases as spam, many at once: supervisors only; each case audited. Cases already
/// with the police or a host are refused, all the others closed.
pub async fn close_as_spam(
    state: &AppState,
    user: &StaffUser,
    case_ids: &[i64],
) -> Result<Vec<i64>, WebError> {
    require(user, Action::MarkSpam, None)?;
    if case_ids.is_empty() {
        return Err(WebError::invalid("case", "select at least one case"));
    }
    let (closed, refused) = state.store.close_as_spam(case_ids, user, now()).await?;
    if closed.is_empty() {
        let why: Vec<String> = refused
            .iter()
            .map(|(id, why)| format!("#{id}: {why}"))
            .collect();
        return Err(WebError::conflict(format!(
            "no case was closed: {}",
            why.join("; ")
        )));
    }
    Ok(closed)
}

pub async fn reopen(state: &AppState, user: &StaffUser, case_id: i64) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::Reopen, Some(access))?;
    Ok(state.store.reopen_case(case_id, user, now()).await?)
}

pub async fn reassign(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    to: Option<&str>,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::Reassign, Some(access))?;
    Ok(state.store.reassign_case(case_id, to, user, now()).await?)
}

/// Longest message to a reporter.
pub const MAX_MESSAGE_CHARS: usize = 2000;

pub async fn message_reporter(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    report_id: Uuid,
    body: &str,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::MessageReporter, Some(access))?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(WebError::invalid(
            "body",
            format!("a message has 1 to {MAX_MESSAGE_CHARS} characters"),
        ));
    }
    Ok(state
        .store
        .message_reporter(case_id, report_id, body, user, now())
        .await?)
}

/// Everyone's assessment time today (supervisors).
pub async fn welfare_overview(
    state: &AppState,
    user: &StaffUser,
) -> Result<(String, Vec<WelfareDay>), WebError> {
    require(user, Action::ViewWelfare, None)?;
    let day = day_of(now());
    let rows = state.store.welfare_overview(&day).await?;
    Ok((day, rows))
}

pub async fn lift_cap(state: &AppState, user: &StaffUser, username: &str) -> Result<(), WebError> {
    require(user, Action::LiftWelfareCap, None)?;
    Ok(state
        .store
        .lift_welfare_cap(username, &day_of(now()), user, now())
        .await?)
}

/// Queues a fresh trace of the case's address (at most one waiting at a time).
pub async fn retrace(state: &AppState, user: &StaffUser, case_id: i64) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::Retrace, Some(access))?;
    let job = hotline_store::NewJob {
        kind: "trace".into(),
        payload: serde_json::json!({ "case_id": case_id }),
        case_id: Some(case_id),
        priority: 1,
        run_at: now(),
        max_attempts: 5,
        dedupe_key: Some(format!("trace:{case_id}")),
    };
    state.store.enqueue_job(&job, now()).await?;
    state
        .store
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
    state: &AppState,
    case_id: i64,
) -> Result<
    (
        Option<hotline_domain::trace::Trace>,
        Vec<hotline_store::JobSummary>,
    ),
    WebError,
> {
    Ok((
        state.store.latest_trace(case_id).await?,
        state.store.jobs_of_case(case_id).await?,
    ))
}

/// Records what the police did with a referral (police, and supervisors taking it by phone):
/// the step, and what it does to the case, in one transaction (`hotline_domain::police`).
pub async fn police_step(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    step: &PoliceStep,
) -> Result<PoliceEffect, WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::RecordPoliceStep, Some(access))?;
    let procedure = state.config().procedure;
    Ok(state
        .store
        .record_police_step(case_id, step, procedure, user, now())
        .await?)
}

/// Records what the host answered to the case's notice.
pub async fn host_answer(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    answer: hotline_domain::notice::HostAnswer,
    reason: &str,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    Ok(state
        .store
        .record_host_answer(case_id, answer, reason, user, now())
        .await?)
}

/// Marks (or unmarks) the case's registrable domain as dedicated to abuse material, so the
/// DNS blocklist names it whole. A supervisor's decision, audited.
pub async fn mark_dedicated_domain(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    dedicated: bool,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::MarkDedicatedDomain, Some(access))?;
    let file = state
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .ok_or_else(|| WebError::not_found(format!("there is no case {case_id}")))?;
    let domain = file.registrable_domain.ok_or_else(|| {
        WebError::conflict("this address has no registrable domain (an IP address or onion)")
    })?;
    Ok(state
        .store
        .mark_domain_dedicated(&domain, dedicated, &user.username, now())
        .await?)
}

/// Records a referral to a partner made by hand, with the partner's reference.
pub async fn record_partner_reference(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
    reference: &str,
) -> Result<(), WebError> {
    let access = access(state, user, case_id).await?;
    require(user, Action::MoveCase, Some(access))?;
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > 200 {
        return Err(WebError::invalid(
            "reference",
            "give the partner's reference (1 to 200 characters)",
        ));
    }
    let Some((partner, _)) = manual_partner_of(state, case_id).await? else {
        return Err(WebError::conflict(
            "this case is not waiting for a referral by hand",
        ));
    };
    state
        .store
        .referral_sent(
            case_id,
            &partner,
            &uuid::Uuid::new_v4().to_string(),
            reference,
            "acknowledged",
            now(),
        )
        .await?;
    state
        .store
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
    state: &AppState,
    case_id: i64,
) -> Result<Option<(String, String)>, WebError> {
    let Some(file) = state
        .store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
    else {
        return Ok(None);
    };
    if file.state != CaseState::Referred || file.referred_to_police {
        return Ok(None);
    }
    if state
        .store
        .referrals_of_case(case_id)
        .await?
        .iter()
        .any(|r| r.0 == "out")
    {
        return Ok(None);
    }
    let mut jurisdiction = state.config().jurisdiction.clone();
    jurisdiction.partners = state.store.partner_countries().await?;
    let trace = state.store.latest_trace(case_id).await?;
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
    if state
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
            hotline_name: &state.config().public.hotline_name,
            reference: &reference,
            address: &file.canonical,
            country: &country,
            assessment: latest.as_ref(),
            trace: trace.as_ref(),
        });
    Ok(Some((partner, summary)))
}

/// Saves an admin's change of one settings section (`new` holds the whole new settings;
/// `None` removes the override, so the configuration file's value applies again), if the
/// settings are still at `expected_version`; audits what changed and applies it in this
/// process at once (others within `live::RELOAD`).
pub async fn change_settings(
    state: &AppState,
    user: &StaffUser,
    section: hotline_domain::settings::Section,
    new: Option<&hotline_domain::settings::Settings>,
    expected_version: i64,
) -> Result<(), WebError> {
    require(user, Action::ManageSettings, None)?;
    let snapshot = state.settings.get();
    let old = &snapshot.settings;
    let target = match new {
        Some(n) => n.clone(),
        None => old.with_section_of(state.settings.file(), section),
    };
    let mut details = old.describe_change(&target, section);
    if details.is_empty() {
        details = "no change".into();
    }
    if new.is_none() {
        details = format!("back to the configuration file: {details}");
    }
    let value = new.map(|n| n.section_json(section));
    state
        .store
        .change_setting(
            section.as_str(),
            value.as_deref(),
            expected_version,
            &user.username,
            &details,
            now(),
        )
        .await
        .map_err(|e| match e {
            hotline_store::SettingChangeError::Stale(_) => WebError::conflict(e.to_string()),
            hotline_store::SettingChangeError::Store(e) => e.into(),
        })?;
    state.settings.refresh(&state.store).await?;
    Ok(())
}

/// What a new API token is for (the same store functions `hotline token create` uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewToken {
    /// The staff API as `user`.
    Cases(String),
    /// Only the case exports, as `user`.
    Export(String),
    /// Only the blocklist, for the ISP or vendor named.
    Blocklist(String),
    /// A partner hotline calling our federation API.
    Partner(String),
}

/// Why a token was not made: `(field, message)` for the form.
pub enum TokenRefused {
    Invalid(&'static str, String),
    Web(WebError),
}

impl From<WebError> for TokenRefused {
    fn from(e: WebError) -> Self {
        TokenRefused::Web(e)
    }
}

/// Every API token (never the token itself).
pub async fn tokens(
    state: &AppState,
    user: &StaffUser,
) -> Result<Vec<hotline_store::TokenSummary>, WebError> {
    require(user, Action::ManageTokens, None)?;
    Ok(state.store.api_tokens().await?)
}

/// Makes a token; returns it, to be shown once. Audited by the store.
pub async fn create_token(
    state: &AppState,
    user: &StaffUser,
    new: &NewToken,
) -> Result<String, TokenRefused> {
    require(user, Action::ManageTokens, None)?;
    let actor = &user.username;
    let account = |r: Result<String, hotline_store::AccountOpError>| match r {
        Ok(t) => Ok(t),
        Err(hotline_store::AccountOpError::Store(e)) => Err(TokenRefused::Web(e.into())),
        Err(e) => Err(TokenRefused::Invalid("owner", e.to_string())),
    };
    match new {
        NewToken::Cases(name) => account(state.store.create_token(name, actor, now()).await),
        NewToken::Export(name) => {
            account(state.store.create_export_token(name, actor, now()).await)
        }
        NewToken::Blocklist(label) => {
            if label.trim().is_empty() {
                return Err(TokenRefused::Invalid(
                    "owner",
                    "name the ISP or vendor the blocklist token is for".into(),
                ));
            }
            Ok(state
                .store
                .create_blocklist_token(label, actor, now())
                .await
                .map_err(WebError::from)?)
        }
        NewToken::Partner(name) => state
            .store
            .create_partner_token(name.trim(), actor, now())
            .await
            .map_err(WebError::from)?
            .ok_or_else(|| {
                TokenRefused::Invalid("owner", format!("there is no partner \"{}\"", name.trim()))
            }),
    }
}

/// Revokes a token; 404 when there is no such live token.
pub async fn revoke_token(state: &AppState, user: &StaffUser, id: i64) -> Result<(), WebError> {
    require(user, Action::ManageTokens, None)?;
    if state.store.revoke_token(id, &user.username, now()).await? {
        Ok(())
    } else {
        Err(WebError::not_found(
            "there is no live token with this number",
        ))
    }
}

/// Every partner hotline, by name.
pub async fn partners(
    state: &AppState,
    user: &StaffUser,
) -> Result<Vec<hotline_store::Partner>, WebError> {
    require(user, Action::ManagePartners, None)?;
    Ok(state.store.partners().await?)
}

/// Whether partner `name` has a token it issued to us stored (sealed).
pub async fn partner_has_token(
    state: &AppState,
    user: &StaffUser,
    name: &str,
) -> Result<bool, WebError> {
    require(user, Action::ManagePartners, None)?;
    Ok(state
        .store
        .partner(name.trim())
        .await?
        .is_some_and(|(_, t)| t.is_some()))
}

/// Registers or changes a partner (checked by `hotline_domain::partner::parse_partner`). A
/// token left empty keeps the one stored. Audited by the store.
pub async fn save_partner(
    state: &AppState,
    user: &StaffUser,
    spec: hotline_domain::partner::PartnerSpec,
) -> Result<(), WebError> {
    require(user, Action::ManagePartners, None)?;
    let token = match spec.token {
        Some(t) => Some(t),
        None => state.store.partner(&spec.name).await?.and_then(|(_, t)| t),
    };
    let p = hotline_store::NewPartner {
        name: spec.name,
        countries: spec.countries,
        channel: spec.channel,
        endpoint: spec.endpoint,
        public_key: spec.public_key,
        encrypt_to: spec.encrypt_to,
        outbound_token: token,
    };
    Ok(state.store.add_partner(&p, &user.username, now()).await?)
}

/// Disables a partner or enables it again; 404 when there is none of that name.
pub async fn set_partner_disabled(
    state: &AppState,
    user: &StaffUser,
    name: &str,
    disabled: bool,
) -> Result<(), WebError> {
    require(user, Action::ManagePartners, None)?;
    if state
        .store
        .set_partner_disabled(name, disabled, &user.username, now())
        .await?
    {
        Ok(())
    } else {
        Err(WebError::not_found("there is no partner of this name"))
    }
}

/// The police liaison officers' accounts (role `police`): the police contacts cases are
/// referred to. Accounts are made on the users page or with `hotline user add NAME --role police`.
pub async fn police_accounts(
    state: &AppState,
    user: &StaffUser,
) -> Result<Vec<hotline_store::UserSummary>, WebError> {
    require(user, Action::ManagePartners, None)?;
    Ok(state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.role == hotline_domain::Role::Police)
        .collect())
}

/// Why an account change was not made: `(field, message)` for the form (`field` is `""` for a
/// refusal about the account as a whole), or an error page.
pub enum AccountRefused {
    Invalid(&'static str, String),
    Web(WebError),
}

impl From<WebError> for AccountRefused {
    fn from(e: WebError) -> Self {
        AccountRefused::Web(e)
    }
}

impl From<hotline_store::AccountOpError> for AccountRefused {
    fn from(e: hotline_store::AccountOpError) -> Self {
        use hotline_store::AccountOpError as E;
        match e {
            E::Store(e) => AccountRefused::Web(e.into()),
            E::Invalid(e) => AccountRefused::Invalid("name", e.to_string()),
            E::Exists(_) => AccountRefused::Invalid("name", e.to_string()),
            E::NoSuchUser(_) => AccountRefused::Web(WebError::not_found(e.to_string())),
            E::Refused(_) => AccountRefused::Invalid("", e.to_string()),
            E::Unit(_) => AccountRefused::Invalid("unit", e.to_string()),
        }
    }
}

/// Every staff and police account, by name (never a password hash or a TOTP secret).
pub async fn users(
    state: &AppState,
    user: &StaffUser,
) -> Result<Vec<hotline_store::UserSummary>, WebError> {
    require(user, Action::ManageUsers, None)?;
    Ok(state.store.users().await?)
}

/// Makes an account with the store function `hotline user add` uses; returns the
/// authenticator enrolment, to be shown once. Audited by the store.
pub async fn create_user(
    state: &AppState,
    user: &StaffUser,
    name: &str,
    role: hotline_domain::Role,
    password: &str,
) -> Result<hotline_store::Enrolment, AccountRefused> {
    require(user, Action::ManageUsers, None)?;
    Ok(state
        .store
        .create_user(name, role, password, &user.username, now())
        .await?)
}

/// Disables an account (its sessions end at once) or enables it again. Nobody disables
/// themselves or the last enabled admin (`hotline_domain::staff::check_disable`).
pub async fn set_user_disabled(
    state: &AppState,
    user: &StaffUser,
    name: &str,
    disabled: bool,
) -> Result<(), AccountRefused> {
    require(user, Action::ManageUsers, None)?;
    if disabled {
        state
            .store
            .disable_user(name, &user.username, now())
            .await?;
    } else {
        state.store.enable_user(name, &user.username, now()).await?;
    }
    Ok(())
}

/// Gives an account a new second factor (`hotline user reset-2fa`); returns the new
/// enrolment, to be shown once.
pub async fn reset_user_2fa(
    state: &AppState,
    user: &StaffUser,
    name: &str,
) -> Result<hotline_store::Enrolment, AccountRefused> {
    require(user, Action::ManageUsers, None)?;
    Ok(state.store.reset_totp(name, &user.username, now()).await?)
}
