//! The staff pages: the queue, the case page and its actions, welfare, the audit trail.
//! Reported addresses are only ever text (`<code>`), never links, and defanged under the
//! `forward-unopened` procedure. Nothing here can show reported content: there is none.

use std::convert::Infallible;

use askama::Template;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;
use time::macros::format_description;
use uuid::Uuid;

use hotline_domain::assessment::{AssessmentInput, PaymentMethod};
use hotline_domain::notice::HostAnswer;
use hotline_domain::police::{DeclineReason, PoliceStep, PoliceStepInput, PoliceStepKind};
use hotline_domain::staff::{Action, may};
use hotline_domain::{CaseState, CloseReason, Procedure, address::defang};
use hotline_store::{Assignee, AuditFilter, CaseFile, QueueCursor, QueueFilter, ReviewOutcome};

use crate::extract::FormFields;
use crate::i18n::Tr;
use crate::pages::{negotiate_language, render};
use crate::staff::auth::{Staff, require};
use crate::staff::{bulk, find, labels};
use crate::{AppState, WebError};
use hotline_app::{AppError, cases};
use hotline_store::CaseSet;

/// The translator for the staff pages, in the language the browser asks for
/// (`Accept-Language`), or the configured default.
pub fn staff_tr(state: &AppState, headers: &HeaderMap) -> Tr {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Tr::new(negotiate_language(accept, state.config().default_language))
}

/// The staff pages' translator, as an extractor.
pub struct StaffLang(pub Tr);

impl FromRequestParts<AppState> for StaffLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        Ok(StaffLang(staff_tr(state, &parts.headers)))
    }
}

/// Who is signed in, for the page header.
pub struct Me {
    pub username: String,
    pub role: String,
    pub csrf_token: String,
    pub may_welfare: bool,
    pub may_audit: bool,
    pub may_statistics: bool,
    pub may_admin: bool,
}

impl Me {
    pub(crate) fn of(staff: &Staff) -> Option<Me> {
        let role = staff.user.role;
        Some(Me {
            username: staff.user.username.clone(),
            role: role.to_string(),
            csrf_token: staff.csrf_token.clone(),
            may_welfare: may(role, Action::ViewWelfare, None),
            may_audit: may(role, Action::ViewAudit, None),
            may_statistics: may(role, Action::ViewStatistics, None),
            may_admin: may(role, Action::ManageSettings, None),
        })
    }
}

#[derive(Template)]
#[template(path = "staff/login.html")]
pub struct LoginPage {
    pub t: Tr,
    /// Nobody is signed in on the login page.
    pub me: Option<Me>,
    pub csrf_token: String,
    pub error: Option<String>,
    pub username: String,
}

fn when(t: OffsetDateTime) -> String {
    t.format(format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// How an address is shown: as text, and defanged when nobody is to open it.
/// An address as `role` sees it: under `forward-unopened` staff see it defanged (nobody at the
/// hotline opens it), the police plain, as text, since they assess it.
fn shown(address: &str, procedure: Procedure, role: hotline_domain::Role) -> String {
    match procedure {
        Procedure::ForwardUnopened if role != hotline_domain::Role::Police => defang(address),
        _ => address.to_owned(),
    }
}

pub(crate) fn query_pairs(raw: Option<String>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub(crate) fn param<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.trim())
}

/// The queue filters as typed, to show them again.
#[derive(Default)]
struct FilterForm {
    state: String,
    assignee: String,
    older_than_hours: String,
    urgent: bool,
    review: bool,
}

impl FilterForm {
    fn is_state(&self, s: &CaseState) -> bool {
        self.state == s.as_str()
    }
}

struct QueueLine {
    case_id: i64,
    address: String,
    /// The state in the staff's words.
    state_label: String,
    /// The hosting countries of the latest trace.
    countries: String,
    urgent: bool,
    review_requested: bool,
    report_count: i64,
    received: String,
    assignee: Option<String>,
}

struct WelfareLine {
    /// "Assessment today: 20 of 60 minutes", in the page's language.
    summary: String,
    over: bool,
}

#[derive(Template)]
#[template(path = "staff/queue.html")]
struct QueuePage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    welfare: Option<WelfareLine>,
    /// Police: how many referrals to their unit wait for a first step.
    new_referrals: Option<String>,
    may_take_next: bool,
    /// Supervisors may select cases and close them as spam.
    may_spam: bool,
    states: &'static [CaseState],
    filter: FilterForm,
    rows: Vec<QueueLine>,
    next_link: Option<String>,
    /// Cases with an answer from a reporter the hotline has not written after.
    new_answers: Vec<i64>,
}

impl QueuePage {
    fn has_new_answer(&self, case_id: &i64) -> bool {
        self.new_answers.contains(case_id)
    }
}

/// `GET /staff/`: open cases, urgent first, then oldest.
pub async fn queue(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    // Admins have no queue: their start page (after sign-in, and the header's link) is the
    // admin pages.
    let role = staff.user.role;
    if !may(role, Action::ViewQueue, None) && may(role, Action::ManageSettings, None) {
        return Ok(Redirect::to("/staff/admin").into_response());
    }
    let pairs = query_pairs(raw);
    let form = FilterForm {
        state: param(&pairs, "state").to_owned(),
        assignee: param(&pairs, "assignee").to_owned(),
        older_than_hours: param(&pairs, "older_than_hours").to_owned(),
        urgent: !param(&pairs, "urgent").is_empty(),
        review: !param(&pairs, "review").is_empty(),
    };
    let filter = QueueFilter {
        state: match form.state.as_str() {
            "" => None,
            s => Some(
                s.parse()
                    .map_err(|_| WebError::invalid("state", format!("unknown state \"{s}\"")))?,
            ),
        },
        urgent_only: form.urgent,
        received_before: match form.older_than_hours.as_str() {
            "" => None,
            h => {
                let hours: i64 = h
                    .parse()
                    .ok()
                    .filter(|h| (0..=24 * 365 * 10).contains(h))
                    .ok_or_else(|| {
                        WebError::invalid("older_than_hours", "give a whole number of hours")
                    })?;
                Some(OffsetDateTime::now_utc() - time::Duration::hours(hours))
            }
        },
        assignee: match form.assignee.as_str() {
            "" => Assignee::Anyone,
            "-" => Assignee::Nobody,
            name => Assignee::User(name.to_ascii_lowercase()),
        },
        needs_review: form.review,
        referred_to_police_only: false,
        police_unit: None,
    };
    let after = match param(&pairs, "after") {
        "" => None,
        c => Some(
            QueueCursor::decode(c)
                .ok_or_else(|| WebError::invalid("after", "this page link is damaged"))?,
        ),
    };
    let (rows, next) = cases::queue(&state.app, &staff.user, filter, after, 50).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.case_id).collect();
    let countries = state.store.hosting_countries(&ids).await?;
    let new_answers = state.store.cases_with_new_answers(&ids).await?;
    let procedure = state.config().procedure();
    let assessing =
        may(staff.user.role, Action::StartAssessment, None) && procedure == Procedure::Assess;
    let welfare = if assessing {
        let (minutes, cap, lifted, over) = cases::welfare_of(&state.app, &staff.user).await?;
        let key = if lifted {
            "staff-queue-welfare-lifted"
        } else {
            "staff-queue-welfare"
        };
        let summary = t.args(
            key,
            &[
                ("minutes", &minutes.to_string()),
                ("limit", &t.count("staff-minutes", "count", cap as usize)),
            ],
        );
        Some(WelfareLine { summary, over })
    } else {
        None
    };
    let new_referrals = cases::new_police_referrals(&state.app, &staff.user)
        .await?
        .map(|n| {
            t.count(
                "staff-queue-new-referrals",
                "count",
                usize::try_from(n).unwrap_or(0),
            )
        });
    let next_link = next.map(|c| {
        let mut kept: Vec<(String, String)> =
            pairs.into_iter().filter(|(k, _)| k != "after").collect();
        kept.push(("after".into(), c.encode()));
        let query: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(kept)
            .finish();
        format!("/staff/?{query}")
    });
    let page = QueuePage {
        t,
        me: Me::of(&staff),
        csrf_token: staff.csrf_token.clone(),
        may_take_next: welfare.as_ref().is_some_and(|w| !w.over),
        may_spam: may(staff.user.role, Action::MarkSpam, None),
        welfare,
        new_referrals,
        states: &CaseState::ALL,
        new_answers,
        filter: form,
        rows: rows
            .into_iter()
            .map(|r| QueueLine {
                case_id: r.case_id,
                address: shown(&r.canonical, procedure, staff.user.role),
                state_label: labels::state(t, r.state),
                countries: countries
                    .get(&r.case_id)
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .unwrap_or_else(|| t.get("staff-country-unknown")),
                urgent: r.urgent,
                review_requested: r.review_requested,
                report_count: r.report_count,
                received: when(r.created_at),
                assignee: r.assignee,
            })
            .collect(),
        next_link,
    };
    Ok(render(&page)?.into_response())
}

/// `POST /staff/queue/next`.
pub async fn take_next(
    State(state): State<AppState>,
    staff: Staff,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    match cases::take_next(&state.app, &staff.user).await? {
        Some(id) => Ok(Redirect::to(&format!("/staff/cases/{id}")).into_response()),
        None => Err(WebError::not_found(
            "there is no new case waiting for assessment",
        )),
    }
}

fn case_id(raw: &str) -> Result<i64, WebError> {
    raw.parse()
        .map_err(|_| WebError::not_found("there is no case with this number"))
}

struct ReportView {
    report_id: Uuid,
    received: String,
    channel: String,
    where_found: String,
    language: String,
    urgent: bool,
    submitted: Option<String>,
    description: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    police_may_contact: bool,
    /// The dialogue with this report's reporter: `(when, from the reporter, text)`.
    dialogue: Vec<(String, bool, String)>,
}

struct SelectField {
    name: &'static str,
    label: String,
    /// Each option's value and the text shown for it.
    options: Vec<(&'static str, String)>,
    value: String,
}

/// A trace, flattened for the case page.
struct TraceView {
    when: String,
    untraceable: Option<String>,
    cnames: String,
    /// Address, AS, country, CDN, abuse contact.
    rows: Vec<(String, String, String, String, String)>,
    registrar: Option<String>,
    errors: Vec<String>,
}

impl TraceView {
    fn of(
        trace: hotline_domain::trace::Trace,
        procedure: Procedure,
        role: hotline_domain::Role,
        t: &Tr,
    ) -> TraceView {
        // The contact, and where it came from (traces older than sources say nothing).
        let contact = |c: &Option<hotline_domain::trace::Contact>| {
            c.as_ref()
                .map(|c| {
                    let mut text = [c.name.as_deref(), c.email.as_deref(), c.phone.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    if let Some(source) = c.source {
                        let record = c.source_record.as_deref().unwrap_or("?");
                        let from = t.with(
                            &format!("staff-contact-source-{}", source.as_str()),
                            "record",
                            record,
                        );
                        text.push_str(&format!(" ({from})"));
                    }
                    text
                })
                .unwrap_or_default()
        };
        TraceView {
            when: OffsetDateTime::from_unix_timestamp_nanos(
                i128::from(trace.traced_at_ms) * 1_000_000,
            )
            .map(when)
            .unwrap_or_default(),
            untraceable: trace
                .untraceable_kind()
                .map(|why| t.get(&format!("staff-untraceable-{why}"))),
            cnames: trace
                .cname_chain
                .iter()
                .map(|c| shown(c, procedure, role))
                .collect::<Vec<_>>()
                .join(" → "),
            rows: trace
                .addresses
                .iter()
                .map(|a| {
                    let asn = match (a.asn, &a.as_org) {
                        (Some(n), Some(o)) => format!("AS{n} {o}"),
                        (Some(n), None) => format!("AS{n}"),
                        (None, Some(o)) => o.clone(),
                        (None, None) => String::new(),
                    };
                    (
                        a.ip.clone(),
                        asn,
                        a.country.clone().unwrap_or_default(),
                        a.cdn.clone().unwrap_or_default(),
                        contact(&a.abuse),
                    )
                })
                .collect(),
            registrar: trace.registrar.as_ref().map(|r| {
                let name = r.name.clone().unwrap_or_default();
                let abuse = contact(&r.abuse);
                if abuse.is_empty() {
                    name
                } else {
                    format!("{name} ({abuse})")
                }
            }),
            errors: trace
                .errors
                .iter()
                .map(|e| format!("{} {}: {}", e.step, e.subject, e.error))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
    t: Tr,
    /// The view the case was opened from (`view` parameter), for "save and next".
    view: String,
    /// The view's page, to go back to.
    view_link: String,
    /// The state in the staff's words.
    state_label: String,
    /// What the case waits for, and on whom.
    waits: String,
    /// Cases of the same domain, host and IP addresses: (title, lines).
    related: Vec<(String, Vec<find::CaseLine>)>,
    /// The domain's history, in words.
    domain_history: Option<String>,
    /// The latest checks: when, outcome, detail.
    checks: Vec<(String, String, String)>,
    /// The registrable domain, who marked it dedicated (and when), whether this user may
    /// change the mark.
    domain_mark: Option<(String, Option<String>, bool)>,
    /// A referral to send to a partner by hand: the partner and a copy-ready summary.
    manual_referral: Option<(String, String)>,
    /// Notices: recipient and state.
    notices: Vec<(String, String)>,
    /// The host answers this user may record: value and label.
    host_answers: Vec<(&'static str, String)>,
    /// "Why this route", from the domain's routing rules.
    route: String,
    /// What the police recorded, oldest first, as lines.
    police_record: Vec<String>,
    /// A police hold is in force: no notice goes out.
    police_hold: bool,
    /// The police's own file number.
    police_file_number: Option<String>,
    /// The police steps this user may record: value and label.
    police_steps: Vec<(&'static str, String)>,
    /// Why the police may decline: value and label.
    decline_reasons: Vec<(&'static str, String)>,
    /// The closing reasons this user may choose (empty: no closing here): value and label.
    close_reasons: Vec<(&'static str, String)>,
    /// Why the case was closed.
    closed_reason: Option<String>,
    trace: Option<TraceView>,
    jobs: Vec<String>,
    may_retrace: bool,
    me: Option<Me>,
    csrf_token: String,
    c: CaseFile,
    address: String,
    host: String,
    created: String,
    notice: Option<String>,
    actions: Vec<(CaseState, String)>,
    may_start: bool,
    may_reopen: bool,
    /// The case is under legal hold: retention keeps it whole.
    legal_hold: bool,
    may_hold: bool,
    may_assess: bool,
    may_second_opinion: bool,
    may_review: bool,
    may_reassign: bool,
    may_message: bool,
    assessment_fields: Vec<SelectField>,
    payment_methods: Vec<(&'static str, String, bool)>,
    flags: Vec<(&'static str, String, bool)>,
    /// The latest assessment as ICCAM's fields, for a partner that takes referrals by hand.
    iccam_summary: Option<String>,
    /// The referring hotline's work: its name, classification, details, trace lines.
    referred: Option<ReferredView>,
    statute: String,
    assessment_errors: Vec<(String, String)>,
    assessments: Vec<(String, String, String, String, String)>,
    reports: Vec<ReportView>,
    timeline: Vec<(String, String, String)>,
}

/// What a partner hotline sent with the referral that opened the case.
struct ReferredView {
    partner: String,
    classification: Option<String>,
    details: String,
    traced_at: Option<String>,
    trace: Vec<String>,
}

impl SelectField {
    fn is(&self, option: &str) -> bool {
        self.value == option
    }
}

fn assessment_fields(t: Tr, input: &AssessmentInput) -> Vec<SelectField> {
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let value = |name: &str| match name {
        "classification" => v(&input.classification),
        "reason" => v(&input.reason),
        "age_group" => v(&input.age_group),
        "gender" => v(&input.gender),
        "media" => v(&input.media),
        "site_type" => v(&input.site_type),
        _ => v(&input.commercial),
    };
    find::bulk_fields(t)
        .into_iter()
        .map(|(name, label, options)| SelectField {
            name,
            label,
            options,
            value: value(name),
        })
        .collect()
}

/// The assessment form's check boxes: the payment methods and the three flags, each
/// (code or name, label, checked).
type AssessmentBoxes = (
    Vec<(&'static str, String, bool)>,
    Vec<(&'static str, String, bool)>,
);

fn assessment_boxes(t: Tr, input: &AssessmentInput) -> AssessmentBoxes {
    let methods = PaymentMethod::ALL
        .iter()
        .map(|m| {
            let checked = input
                .payment_methods
                .iter()
                .flat_map(|v| v.split(','))
                .any(|v| v.trim() == m.as_str());
            (m.as_str(), labels::payment(t, m.as_str()), checked)
        })
        .collect();
    let flags = [
        ("virtual", "staff-assess-virtual", input.virtual_material),
        (
            "child_modelling",
            "staff-assess-child_modelling",
            input.child_modelling,
        ),
        (
            "user_generated",
            "staff-assess-user_generated",
            input.user_generated,
        ),
    ]
    .into_iter()
    .map(|(name, label, v)| (name, t.get(label), v == Some(true)))
    .collect();
    (methods, flags)
}

/// An assessment's findings (or reason) in codes, for the case page.
fn assessment_details(t: Tr, assessment: &hotline_domain::Assessment) -> String {
    let mut details = match &assessment.findings {
        Some(f) => {
            let mut d = t.args(
                "staff-assessment-details",
                &[
                    ("age", &labels::age_group(t, f.age_group.as_str())),
                    ("gender", &labels::gender(t, f.gender.as_str())),
                    ("media", &labels::media(t, f.media.as_str())),
                    ("site", &labels::site_type(t, f.site_type.as_str())),
                    (
                        "commercial",
                        &labels::commerciality(t, f.commercial.as_str()),
                    ),
                ],
            );
            for m in &f.payment_methods {
                d.push_str(&format!(", {}", labels::payment(t, m.as_str())));
            }
            for (set, key) in [
                (f.virtual_material, "staff-assess-virtual"),
                (f.child_modelling, "staff-assess-child_modelling"),
                (f.user_generated, "staff-assess-user_generated"),
            ] {
                if set {
                    d.push_str(&format!(", {}", t.get(key)));
                }
            }
            d
        }
        None => String::new(),
    };
    if let Some(r) = assessment.reason {
        details = t.with(
            "staff-assessment-reason",
            "reason",
            &labels::reason(t, r.as_str()),
        );
    }
    details
}

/// The copy-ready ICCAM summary of a case (docs/SPEC.md §2): its address, where it is
/// hosted, and the latest assessment, in ICCAM's field names and order.
fn iccam_summary_of(
    address: &str,
    trace: Option<&hotline_domain::trace::Trace>,
    assessment: &hotline_domain::Assessment,
) -> String {
    let first = trace.and_then(|t| t.addresses.first());
    let hosting = hotline_domain::assessment::IccamHosting {
        ip: first.map(|a| a.ip.clone()),
        country: first.and_then(|a| a.country.clone()),
        hosting_provider: first.and_then(|a| a.as_org.clone()),
    };
    hotline_domain::assessment::iccam_summary_text(address, &hosting, assessment)
}

/// The button text for moving a case from `from` to `to`.
fn move_label(t: Tr, from: CaseState, to: CaseState) -> String {
    let key = match (from, to) {
        (CaseState::Removed, CaseState::AwaitingRemoval) => "staff-move-reappeared",
        (_, CaseState::Referred) => "staff-move-referred",
        (_, CaseState::AwaitingRemoval) => "staff-move-awaiting_removal",
        (_, CaseState::Removed) => "staff-move-removed",
        (_, CaseState::Closed) => "staff-move-closed",
        // Never offered as buttons (see `cases::offered_moves`).
        (_, CaseState::New | CaseState::InAssessment | CaseState::Assessed) => {
            return to.to_string();
        }
    };
    t.get(key)
}

#[allow(clippy::too_many_arguments)]
async fn case_page(
    state: &AppState,
    staff: &Staff,
    t: Tr,
    id: i64,
    input: AssessmentInput,
    errors: Vec<(String, String)>,
    status: StatusCode,
    view: CaseSet,
) -> Result<Response, WebError> {
    let file = cases::view_case(&state.app, &staff.user, id).await?;
    let related = state.store.related_cases(id, 10).await?;
    let role = staff.user.role;
    let procedure = state.config().procedure();
    let notices: Vec<(String, String)> = state
        .store
        .notices_of_case(id)
        .await?
        .into_iter()
        .map(|n| (n.recipient, n.state))
        .collect();
    // What this user may do now, decided by the application layer.
    let may = cases::options(
        &staff.user,
        procedure,
        &file,
        notices.iter().any(|n| n.1 == "sent"),
    );
    let (trace, jobs) = cases::trace_of(&state.app, id).await?;
    let latest = file.assessments.last().map(|a| a.assessment.classification);
    let jurisdiction = state.app.jurisdiction().await?;
    let route = labels::route(
        t,
        &hotline_domain::routing::route(&jurisdiction, latest, trace.as_ref()),
    );
    let police = state.store.police_record(id).await?;
    let police_record = police
        .steps()
        .iter()
        .map(|s| match s.details() {
            Some(d) => format!("{}: {d}", police_label(t, s.kind)),
            None => police_label(t, s.kind),
        })
        .collect();
    let police_steps = if may.police_step {
        PoliceStepKind::ALL
            .iter()
            .map(|s| (s.as_str(), police_label(t, *s)))
            .collect()
    } else {
        Vec::new()
    };
    let decline_reasons = DeclineReason::ALL
        .iter()
        .map(|r| (r.as_str(), t.get(&format!("staff-decline-{r}"))))
        .collect();
    let close_reasons = if may.close {
        CloseReason::ALL
            .iter()
            .filter(|r| r.chosen_by_staff())
            .map(|r| (r.as_str(), close_label(t, *r)))
            .collect()
    } else {
        Vec::new()
    };
    let notices_shown: Vec<(String, String)> = notices
        .iter()
        .map(|(r, s)| (r.clone(), labels::notice_state(t, s)))
        .collect();
    let host_answers = if may.host_answer {
        HostAnswer::ALL
            .iter()
            .map(|a| {
                let label = t.get(match a {
                    HostAnswer::Acknowledged => "staff-host-acknowledged",
                    HostAnswer::Removed => "staff-host-removed",
                    HostAnswer::Refused => "staff-host-refused",
                });
                (a.as_str(), label)
            })
            .collect()
    } else {
        Vec::new()
    };
    let manual_referral = if may.refer_by_hand {
        cases::manual_partner_of(&state.app, id).await?
    } else {
        None
    };
    let iccam_summary = match (&manual_referral, file.assessments.last()) {
        (Some(_), Some(latest)) => Some(iccam_summary_of(
            &file.canonical,
            trace.as_ref(),
            &latest.assessment,
        )),
        _ => None,
    };
    let (payment_methods, flags) = assessment_boxes(t, &input);
    let referred = state
        .store
        .referred_work(id)
        .await?
        .map(|(partner, work)| ReferredView {
            partner,
            classification: work
                .assessment
                .as_ref()
                .map(|a| labels::classification(t, a.classification.as_str())),
            details: work
                .assessment
                .as_ref()
                .map(|a| {
                    let d = assessment_details(t, a);
                    match &a.statutory_reference {
                        Some(s) => format!("{d} ({s})"),
                        None => d,
                    }
                })
                .unwrap_or_default(),
            traced_at: work.trace.as_ref().and_then(|tr| {
                OffsetDateTime::from_unix_timestamp_nanos(i128::from(tr.traced_at_ms) * 1_000_000)
                    .ok()
                    .map(when)
            }),
            trace: work.trace.as_ref().map(|tr| tr.lines()).unwrap_or_default(),
        });
    let checks = state
        .store
        .checks_of_case(id, 10)
        .await?
        .into_iter()
        .map(|c| {
            (
                when(c.checked_at),
                labels::check_outcome(t, c.outcome.as_str()),
                c.detail,
            )
        })
        .collect();
    let domain_mark = match &file.registrable_domain {
        Some(d) => Some((
            d.clone(),
            state
                .store
                .dedicated_domain(d)
                .await?
                .map(|m| format!("{} ({})", m.marked_by, when(m.marked_at))),
            may.mark_domain,
        )),
        None => None,
    };
    let legal_hold = state.store.legal_hold(id).await?;
    let related_lists = [
        ("staff-related-host", &related.same_host),
        ("staff-related-domain", &related.same_domain),
        ("staff-related-ip", &related.same_ip),
    ]
    .into_iter()
    .filter(|(_, l)| !l.is_empty())
    .map(|(key, l)| {
        (
            t.get(key),
            l.iter()
                .map(|c| find::CaseLine::of(t, c, &CaseSet::Queue, procedure, role))
                .collect(),
        )
    })
    .collect();
    let domain_history = related.domain.as_ref().map(|d| {
        t.args(
            "staff-domain-history",
            &[
                ("domain", &shown(&d.domain, procedure, role)),
                ("open", &d.open_cases.to_string()),
                (
                    "first",
                    &d.first_seen.map(when).unwrap_or_else(|| "—".to_owned()),
                ),
            ],
        )
    });
    // What reporters answered is theirs like a description: for those who read reports.
    let dialogue = if may.read_reports {
        state.store.dialogue_of_case(id).await?
    } else {
        Vec::new()
    };
    let host_change_waiting = {
        let legs: Vec<(&str, Option<&str>)> = file
            .timeline
            .iter()
            .map(|e| (e.kind.as_str(), e.details.as_deref()))
            .collect();
        hotline_domain::notice::host_change_waiting(&legs, false).map(str::to_owned)
    };
    let page = CasePage {
        t,
        view: find::set_param(&view),
        view_link: find::set_page(&view),
        state_label: labels::state(t, file.state),
        waits: match host_change_waiting {
            // A notice held because the host changed waits for an analyst (issue 17).
            Some(change) => t.with("staff-waits-host-changed", "change", &change),
            None => labels::waits(t, file.state, police.hold_in_force()),
        },
        related: related_lists,
        domain_history,
        checks,
        domain_mark,
        manual_referral,
        notices: notices_shown,
        host_answers,
        route,
        police_hold: police.hold_in_force(),
        police_file_number: police.file_number().map(str::to_owned),
        police_record,
        police_steps,
        decline_reasons,
        close_reasons,
        closed_reason: file.closed_reason.map(|r| close_label(t, r)),
        trace: trace.map(|tr| TraceView::of(tr, procedure, role, &t)),
        jobs: jobs
            .iter()
            .filter(|j| j.state.to_string() != "done")
            .map(|j| {
                let error = j
                    .last_error
                    .as_deref()
                    .map(|e| format!(": {e}"))
                    .unwrap_or_default();
                format!(
                    "{} · {} ({}){error}",
                    labels::job_kind(t, &j.kind.to_string()),
                    labels::job_state(t, &j.state.to_string()),
                    j.attempts
                )
            })
            .collect(),
        may_retrace: may.retrace,
        me: Me::of(staff),
        csrf_token: staff.csrf_token.clone(),
        address: shown(&file.canonical, procedure, role),
        host: shown(&file.host, procedure, role),
        created: when(file.created_at),
        notice: None,
        actions: may
            .moves
            .iter()
            .map(|to| (*to, move_label(t, file.state, *to)))
            .collect(),
        may_start: may.start,
        may_reopen: may.reopen,
        legal_hold,
        may_hold: may.legal_hold,
        may_assess: may.assess,
        may_second_opinion: may.second_opinion,
        may_review: may.review,
        may_reassign: may.reassign,
        may_message: may.message,
        assessment_fields: assessment_fields(t, &input),
        payment_methods,
        flags,
        iccam_summary,
        referred,
        statute: input.statutory_reference.clone().unwrap_or_default(),
        assessment_errors: errors,
        assessments: file
            .assessments
            .iter()
            .map(|a| {
                let details = assessment_details(t, &a.assessment);
                let details = match &a.assessment.statutory_reference {
                    Some(s) => format!("{details} ({s})"),
                    None => details,
                };
                (
                    when(a.at),
                    a.by.clone(),
                    labels::assessment_kind(t, &a.kind),
                    labels::classification(t, &a.assessment.classification.to_string()),
                    details,
                )
            })
            .collect(),
        reports: file
            .reports
            .iter()
            .map(|r| ReportView {
                report_id: r.report_id,
                received: when(r.received_at),
                channel: labels::channel(t, &r.channel),
                where_found: labels::where_found(t, &r.where_found),
                language: labels::language(t, &r.language),
                urgent: r.urgent,
                submitted: r.submitted.as_deref().map(|s| shown(s, procedure, role)),
                description: r.description.clone(),
                contact_name: r.contact.as_ref().and_then(|c| c.name.clone()),
                contact_email: r.contact.as_ref().and_then(|c| c.email.clone()),
                police_may_contact: r.contact.as_ref().is_some_and(|c| c.police_may_contact),
                dialogue: dialogue
                    .iter()
                    .filter(|m| m.report_id == r.report_id)
                    .map(|m| (when(m.at), m.from_reporter, m.body.clone()))
                    .collect(),
            })
            .collect(),
        timeline: file
            .timeline
            .iter()
            .map(|e| {
                (
                    when(e.at),
                    labels::leg(t, e.kind.as_str()),
                    labels::details(t, e.details.as_deref().unwrap_or("")),
                )
            })
            .collect(),
        c: file,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /staff/cases/{id}`.
pub async fn case(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    case_page(
        &state,
        &staff,
        t,
        case_id(&id)?,
        AssessmentInput::default(),
        Vec::new(),
        StatusCode::OK,
        bulk::view_of(raw.as_deref()),
    )
    .await
}

/// `POST /staff/spam`: close the selected cases (`case`, repeated) as spam.
pub async fn spam(
    State(state): State<AppState>,
    staff: Staff,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let ids = fields
        .all("case")
        .map(case_id)
        .collect::<Result<Vec<i64>, WebError>>()?;
    cases::close_as_spam(&state.app, &staff.user, &ids).await?;
    Ok(Redirect::to("/staff/").into_response())
}

fn back_to(id: i64) -> Response {
    Redirect::to(&format!("/staff/cases/{id}")).into_response()
}

/// Reads the assessment form.
pub fn assessment_input(fields: &FormFields) -> AssessmentInput {
    let text = |name: &str| {
        fields
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    // A check box is sent only when ticked.
    let flag = |name: &str| {
        Some(text(name).is_some_and(|v| matches!(v.as_str(), "yes" | "true" | "1" | "on")))
    };
    AssessmentInput {
        classification: text("classification"),
        reason: text("reason"),
        statutory_reference: text("statutory_reference"),
        age_group: text("age_group"),
        gender: text("gender"),
        media: text("media"),
        site_type: text("site_type"),
        commercial: text("commercial"),
        payment_methods: fields.all("payment_methods").map(str::to_owned).collect(),
        virtual_material: flag("virtual"),
        child_modelling: flag("child_modelling"),
        user_generated: flag("user_generated"),
    }
}

/// `POST /staff/cases/{id}/assessment`: recorded, or the page again with every problem.
pub async fn assess(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let input = assessment_input(&fields);
    match cases::record_assessment(&state.app, &staff.user, id, input.clone()).await {
        Ok(_) => bulk::after_assessment(&state, id, &fields).await,
        Err(AppError::Assessment(invalid)) => {
            let errors = invalid
                .errors
                .iter()
                .map(|e| (e.field.to_owned(), labels::assessment_error(t, e)))
                .collect();
            case_page(
                &state,
                &staff,
                t,
                id,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                find::parse_set(fields.get("view").unwrap_or("")),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The label of a police step.
fn police_label(t: Tr, step: PoliceStepKind) -> String {
    t.get(&format!("staff-police-{step}"))
}

/// The label of a closing reason.
fn close_label(t: Tr, reason: CloseReason) -> String {
    t.get(&format!("staff-close-{reason}"))
}

/// `POST /staff/cases/{id}/police`: a police step (`step`) with what it carries
/// (`reference`, `reason`, `country`) and an optional `note`.
pub async fn police(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let field = |name: &str| fields.get(name).unwrap_or("");
    let step = PoliceStep::parse(&PoliceStepInput {
        step: field("step"),
        reference: field("reference"),
        reason: field("reason"),
        country: field("country"),
        note: field("note"),
    })
    .map_err(WebError::from)?;
    cases::police_step(&state.app, &staff.user, id, &step).await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/host-answer`: `answer` (acknowledged, removed, refused) and
/// `reason`.
pub async fn host_answer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let raw = fields.get("answer").unwrap_or("");
    let answer: HostAnswer = raw
        .parse()
        .map_err(|()| WebError::invalid("answer", format!("unknown answer \"{raw}\"")))?;
    cases::host_answer(
        &state.app,
        &staff.user,
        id,
        answer,
        fields.get("reason").unwrap_or(""),
    )
    .await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/dedicated-domain`: `dedicated` = `yes` marks the case's domain
/// as dedicated to abuse material, `no` takes the mark away.
pub async fn dedicated_domain(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let dedicated = match fields.get("dedicated") {
        Some("yes") => true,
        Some("no") => false,
        other => {
            return Err(WebError::invalid(
                "dedicated",
                format!("expected yes or no, not \"{}\"", other.unwrap_or("")),
            ));
        }
    };
    cases::mark_dedicated_domain(&state.app, &staff.user, id, dedicated).await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/partner-reference`: a referral sent by hand, and the partner's
/// `reference` for it.
pub async fn partner_reference(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    cases::record_partner_reference(
        &state.app,
        &staff.user,
        id,
        fields.get("reference").unwrap_or(""),
    )
    .await?;
    Ok(back_to(id))
}

/// A case action with no fields of its own: check the form's CSRF token, run the service
/// function, and go back to the case page.
macro_rules! simple_case_action {
    ($(#[$doc:meta])* $name:ident => $service:path) => {
        $(#[$doc])*
        pub async fn $name(
            State(state): State<AppState>,
            staff: Staff,
            Path(id): Path<String>,
            fields: FormFields,
        ) -> Result<Response, WebError> {
            staff.check_csrf(&fields)?;
            let id = case_id(&id)?;
            $service(&state.app, &staff.user, id).await?;
            Ok(back_to(id))
        }
    };
}

simple_case_action!(
    /// `POST /staff/cases/{id}/start`.
    start => cases::start_assessment
);
simple_case_action!(
    /// `POST /staff/cases/{id}/second-opinion`.
    second_opinion => cases::request_second_opinion
);
simple_case_action!(
    /// `POST /staff/cases/{id}/trace`: queue a fresh trace.
    retrace => cases::retrace
);
simple_case_action!(
    /// `POST /staff/cases/{id}/reopen`.
    reopen => cases::reopen
);
simple_case_action!(
    /// `POST /staff/cases/{id}/hold`: put the case under legal hold.
    hold => cases::hold
);
simple_case_action!(
    /// `POST /staff/cases/{id}/release-hold`: lift the legal hold.
    release_hold => cases::release_hold
);
simple_case_action!(
    /// `POST /staff/cases/{id}/accept-referred-assessment`: take over the referring
    /// hotline's assessment instead of assessing again.
    accept_referred_assessment => cases::accept_referred_assessment
);

/// `POST /staff/cases/{id}/review`: confirm the latest assessment, or replace it with the
/// classification fields sent along.
pub async fn review(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let outcome = match fields.get("outcome") {
        Some("confirm") | None => ReviewOutcome::Confirm,
        Some(_) => {
            let input = assessment_input(&fields);
            let a = hotline_domain::assessment::Assessment::parse(input).map_err(WebError::from)?;
            ReviewOutcome::Override(a)
        }
    };
    cases::review(&state.app, &staff.user, id, outcome).await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/move`.
pub async fn move_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let to = fields.get("to").unwrap_or("");
    let to: CaseState = to
        .parse()
        .map_err(|_| WebError::invalid("to", format!("unknown state \"{to}\"")))?;
    let reason = match fields.get("reason").map(str::trim) {
        None | Some("") => None,
        Some(r) => Some(r.parse::<CloseReason>().map_err(|()| {
            WebError::invalid("reason", format!("unknown closing reason \"{r}\""))
        })?),
    };
    cases::move_case(&state.app, &staff.user, id, to, reason).await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/reassign`.
pub async fn reassign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let to = fields
        .get("assignee")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    cases::reassign(&state.app, &staff.user, id, to).await?;
    Ok(back_to(id))
}

/// `POST /staff/cases/{id}/messages`.
pub async fn message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let id = case_id(&id)?;
    let report_id = fields
        .get("report_id")
        .and_then(|r| Uuid::parse_str(r).ok())
        .ok_or_else(|| WebError::invalid("report_id", "no report chosen"))?;
    cases::message_reporter(
        &state.app,
        &staff.user,
        id,
        report_id,
        fields.get("body").unwrap_or(""),
    )
    .await?;
    Ok(back_to(id))
}

struct WelfareRow {
    username: String,
    minutes: u32,
    lifted: bool,
    over: bool,
}

#[derive(Template)]
#[template(path = "staff/welfare.html")]
struct WelfarePage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    day: String,
    cap: usize,
    rows: Vec<WelfareRow>,
}

/// `GET /staff/welfare`.
pub async fn welfare(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
) -> Result<Response, WebError> {
    let (day, rows) = cases::welfare_overview(&state.app, &staff.user).await?;
    let cap = state.config().welfare;
    let page = WelfarePage {
        t,
        me: Me::of(&staff),
        csrf_token: staff.csrf_token.clone(),
        day,
        cap: cap.daily_minutes as usize,
        rows: rows
            .into_iter()
            .map(|r| WelfareRow {
                over: !cap.may_take_assessment(r.minutes, r.lifted),
                username: r.username,
                minutes: r.minutes,
                lifted: r.lifted,
            })
            .collect(),
    };
    Ok(render(&page)?.into_response())
}

/// `POST /staff/welfare/lift`.
pub async fn lift(
    State(state): State<AppState>,
    staff: Staff,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    cases::lift_cap(
        &state.app,
        &staff.user,
        fields.get("username").unwrap_or(""),
    )
    .await?;
    Ok(Redirect::to("/staff/welfare").into_response())
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    t: Tr,
    me: Option<Me>,
    actor: String,
    action: String,
    object: String,
    events: Vec<(i64, String, String, String, String, String)>,
    next_link: Option<String>,
}

/// `GET /staff/audit`: newest first, filterable.
pub async fn audit(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewAudit, None)?;
    let pairs = query_pairs(raw);
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    let filter = AuditFilter {
        actor: opt(param(&pairs, "actor")),
        action: opt(param(&pairs, "action")),
        object: opt(param(&pairs, "object")),
        before_seq: param(&pairs, "before").parse().ok(),
    };
    const PAGE: i64 = 100;
    let events = state.store.audit_events(&filter, PAGE).await?;
    let next_link = (events.len() as i64 == PAGE).then(|| {
        let mut kept: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| k != "before")
            .cloned()
            .collect();
        kept.push((
            "before".into(),
            events.last().map_or(0, |e| e.seq).to_string(),
        ));
        let q: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(kept)
            .finish();
        format!("/staff/audit?{q}")
    });
    let page = AuditPage {
        t,
        me: Me::of(&staff),
        actor: param(&pairs, "actor").to_owned(),
        action: param(&pairs, "action").to_owned(),
        object: param(&pairs, "object").to_owned(),
        events: events
            .into_iter()
            .map(|e| {
                let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(e.at_ms) * 1_000_000)
                    .map(|t| {
                        t.format(format_description!(
                            "[year]-[month]-[day] [hour]:[minute]:[second]"
                        ))
                        .unwrap_or_default()
                    })
                    .unwrap_or_default();
                (e.seq, at, e.actor, e.action, e.object, e.details)
            })
            .collect(),
        next_link,
    };
    Ok(render(&page)?.into_response())
}
