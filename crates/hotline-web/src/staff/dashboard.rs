//! The supervisor's dashboard, `GET /staff/dashboard`: cases waiting per leg and since when,
//! the share removed within three days of the notice (INHOPE's figure) this month and last,
//! analysts' assessment time today, and alerts that did not go out. The same figures are
//! Prometheus gauges on `/metrics` ([`gauges`]).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use hotline_domain::CaseState;
use hotline_domain::staff::Action;
use hotline_store::dashboard::{Dashboard, RemovalShare};

use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::{Staff, require};
use crate::staff::pages::{Me, StaffLang};
use crate::{AppState, WebError};

fn leg_label(t: Tr, state: CaseState) -> String {
    t.get(match state {
        CaseState::New => "staff-dashboard-leg-new",
        CaseState::InAssessment => "staff-dashboard-leg-in_assessment",
        CaseState::Assessed => "staff-dashboard-leg-assessed",
        CaseState::Referred => "staff-dashboard-leg-referred",
        CaseState::AwaitingRemoval => "staff-dashboard-leg-awaiting_removal",
        CaseState::Removed => "staff-dashboard-leg-removed",
        CaseState::Closed => "staff-dashboard-leg-closed",
    })
}

fn alert_label(t: Tr, kind: &str) -> String {
    match kind {
        "urgent_alert" => t.get("staff-dashboard-alert-urgent"),
        "police_notify" => t.get("staff-dashboard-alert-police"),
        "reporter_news" => t.get("staff-dashboard-alert-reporter"),
        other => other.to_owned(),
    }
}

/// A wait in days and hours, from its seconds.
fn age(t: Tr, seconds: i64) -> String {
    let hours = seconds.max(0) / 3600;
    t.args(
        "staff-dashboard-age",
        &[
            ("days", &(hours / 24).to_string()),
            ("hours", &(hours % 24).to_string()),
        ],
    )
}

fn share(t: Tr, s: RemovalShare) -> String {
    match s.percent() {
        Some(p) => t.args(
            "staff-dashboard-share",
            &[
                ("percent", &format!("{p:.0}")),
                ("removed", &s.removed_in_time.to_string()),
                ("noticed", &s.noticed.to_string()),
            ],
        ),
        None => t.get("staff-dashboard-share-none"),
    }
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage {
    t: Tr,
    me: Option<Me>,
    /// `(leg, cases, oldest wait)`.
    waiting: Vec<(String, i64, String)>,
    this_month: String,
    last_month: String,
    /// `(analyst, minutes today, over the cap)`.
    welfare: Vec<(String, u32, bool)>,
    cap: u32,
    /// `(what, state, attempts, last error, when)`.
    alerts: Vec<(String, String, i64, String, String)>,
    alerts_total: usize,
}

/// `GET /staff/dashboard` (supervisors).
pub async fn page(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewWelfare, None)?;
    let now = OffsetDateTime::now_utc();
    let d = state.store.dashboard(now).await?;
    let day = hotline_store::casework::day_of(now);
    let welfare = state.store.welfare_overview(&day).await?;
    let cap = state.config().welfare;
    let when = |at: OffsetDateTime| {
        at.format(time::macros::format_description!(
            "[year]-[month]-[day] [hour]:[minute] UTC"
        ))
        .unwrap_or_default()
    };
    let page = DashboardPage {
        t,
        me: Me::of(&staff),
        waiting: d
            .waiting
            .iter()
            .map(|l| {
                (
                    leg_label(t, l.state),
                    l.cases,
                    age(t, (now - l.oldest_since).whole_seconds()),
                )
            })
            .collect(),
        this_month: share(t, d.this_month),
        last_month: share(t, d.last_month),
        welfare: welfare
            .into_iter()
            .map(|w| {
                let over = !cap.may_take_assessment(w.minutes, w.lifted);
                (w.username, w.minutes, over)
            })
            .collect(),
        cap: cap.daily_minutes,
        alerts: d
            .alerts_not_sent
            .iter()
            .map(|a| {
                (
                    alert_label(t, &a.kind),
                    t.get(if a.state == "dead" {
                        "staff-dashboard-alert-given-up"
                    } else {
                        "staff-dashboard-alert-retrying"
                    }),
                    a.attempts,
                    a.last_error.clone().unwrap_or_default(),
                    when(a.at),
                )
            })
            .collect(),
        alerts_total: usize::try_from(d.alerts_not_sent_total).unwrap_or(0),
    };
    Ok(render(&page)?.into_response())
}

/// The dashboard's figures as Prometheus gauges, for `/metrics`.
pub fn gauges(d: &Dashboard, now: OffsetDateTime) -> String {
    let mut out = String::new();
    out.push_str("# HELP hotline_cases_waiting Open cases per state (leg).\n# TYPE hotline_cases_waiting gauge\n");
    for s in CaseState::ALL.iter().filter(|s| **s != CaseState::Closed) {
        let n = d
            .waiting
            .iter()
            .find(|l| l.state == *s)
            .map_or(0, |l| l.cases);
        out.push_str(&format!("hotline_cases_waiting{{state=\"{s}\"}} {n}\n"));
    }
    out.push_str("# HELP hotline_cases_oldest_wait_seconds How long the longest-waiting open case of each state has waited since its last change.\n# TYPE hotline_cases_oldest_wait_seconds gauge\n");
    for s in CaseState::ALL.iter().filter(|s| **s != CaseState::Closed) {
        let secs = d
            .waiting
            .iter()
            .find(|l| l.state == *s)
            .map_or(0, |l| (now - l.oldest_since).whole_seconds().max(0));
        out.push_str(&format!(
            "hotline_cases_oldest_wait_seconds{{state=\"{s}\"}} {secs}\n"
        ));
    }
    out.push_str("# HELP hotline_noticed_cases Cases whose first notice went out in the month.\n# TYPE hotline_noticed_cases gauge\n");
    out.push_str("# HELP hotline_removed_within_3_days_ratio Share of the month's noticed cases removed within three days of the first notice (INHOPE), 0 to 1; absent when nothing was noticed.\n# TYPE hotline_removed_within_3_days_ratio gauge\n");
    for (month, s) in [("this", d.this_month), ("last", d.last_month)] {
        out.push_str(&format!(
            "hotline_noticed_cases{{month=\"{month}\"}} {}\n",
            s.noticed
        ));
        if let Some(p) = s.percent() {
            out.push_str(&format!(
                "hotline_removed_within_3_days_ratio{{month=\"{month}\"}} {}\n",
                p / 100.0
            ));
        }
    }
    out.push_str("# HELP hotline_alerts_not_sent Alerts and news mails given up or failing and retried.\n# TYPE hotline_alerts_not_sent gauge\n");
    out.push_str(&format!(
        "hotline_alerts_not_sent {}\n",
        d.alerts_not_sent_total
    ));
    out
}

/// Analysts' assessment time today as a gauge: the total, and the most any one spent.
pub fn welfare_gauges(minutes: &[u32]) -> String {
    let total: u64 = minutes.iter().map(|m| u64::from(*m)).sum();
    let most = minutes.iter().max().copied().unwrap_or(0);
    format!(
        "# HELP hotline_welfare_minutes_today Minutes of assessment today: all analysts together, and the most by one.\n# TYPE hotline_welfare_minutes_today gauge\nhotline_welfare_minutes_today{{of=\"all\"}} {total}\nhotline_welfare_minutes_today{{of=\"most\"}} {most}\n"
    )
}
