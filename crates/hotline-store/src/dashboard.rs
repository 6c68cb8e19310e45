//! What a supervisor watches (issue 19): cases waiting per leg and since when, the share of
//! noticed addresses removed within three days of the first notice (INHOPE's figure) this
//! month and last, and the alerts that did not go out. Analysts' welfare time is
//! [`Store::welfare_overview`]. Served as a staff page and as Prometheus gauges.

use time::{Date, Month, OffsetDateTime, Time};

use crate::{Result, Store, from_millis, on_read_pool, to_millis};

/// Three days, in milliseconds: INHOPE's removal target.
pub const REMOVAL_WINDOW_MS: i64 = 3 * 86_400_000;

/// The job kinds that tell people something: an alert that fails is one that did not go out.
pub const ALERT_JOBS: &[&str] = &["urgent_alert", "police_notify", "reporter_news"];

/// The open cases in one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingLeg {
    pub state: hotline_domain::CaseState,
    pub cases: i64,
    /// When the longest-waiting case last changed.
    pub oldest_since: OffsetDateTime,
}

/// Of the addresses first noticed in a month, how many were removed within three days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RemovalShare {
    pub noticed: i64,
    pub removed_in_time: i64,
}

impl RemovalShare {
    /// The share in percent, when anything was noticed.
    pub fn percent(&self) -> Option<f64> {
        (self.noticed > 0).then(|| 100.0 * self.removed_in_time as f64 / self.noticed as f64)
    }
}

/// An alert that did not go out: given up, or failing and being retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedAlert {
    pub kind: String,
    /// `dead` or `queued` (to be retried).
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub at: OffsetDateTime,
}

/// Everything on the supervisor's dashboard but the welfare table.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub waiting: Vec<WaitingLeg>,
    pub this_month: RemovalShare,
    pub last_month: RemovalShare,
    pub alerts_not_sent: Vec<FailedAlert>,
    /// All of them, where `alerts_not_sent` lists the latest 50.
    pub alerts_not_sent_total: i64,
}

/// The first instant of the month of `t` and of the month before it (UTC).
pub fn month_starts(t: OffsetDateTime) -> (OffsetDateTime, OffsetDateTime) {
    let first = |year: i32, month: Month| {
        Date::from_calendar_date(year, month, 1)
            .map(|d| d.with_time(Time::MIDNIGHT).assume_utc())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    };
    let t = t.to_offset(time::UtcOffset::UTC);
    let this = first(t.year(), t.month());
    let last = match t.month() {
        Month::January => first(t.year() - 1, Month::December),
        m => first(t.year(), m.previous()),
    };
    (this, last)
}

/// `(kind, state, attempts, last error, updated at)`.
type AlertRow = (String, String, i64, Option<String>, i64);
/// What the dashboard's queries return: waiting legs, the two months, the failed alerts and
/// their number.
type Figures = (
    Vec<(String, i64, i64)>,
    (i64, i64),
    (i64, i64),
    Vec<AlertRow>,
    i64,
);

const REMOVAL_SHARE: &str = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM case_events r \
     WHERE r.case_id = n.case_id AND r.kind IN ('removed', 'removed_by_host') \
     AND r.at >= n.first_at AND r.at <= n.first_at + $3) THEN 1 ELSE 0 END), 0) \
     FROM (SELECT case_id, MIN(at) AS first_at FROM case_events WHERE kind = 'notice_sent' GROUP BY case_id) n \
     WHERE n.first_at >= $1 AND n.first_at < $2";

fn alert_kinds() -> String {
    ALERT_JOBS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The supervisor's dashboard as of `now`.
    pub async fn dashboard(&self, now: OffsetDateTime) -> Result<Dashboard> {
        let (this, last) = month_starts(now);
        let (this, last, next) = (to_millis(this), to_millis(last), to_millis(now) + 1);
        let failing = format!(
            "kind IN ({}) AND (state = 'dead' OR (state = 'queued' AND attempts > 0))",
            alert_kinds()
        );
        let list = sqlx::AssertSqlSafe(format!(
            "SELECT kind, state, attempts, last_error, updated_at FROM jobs WHERE {failing} \
             ORDER BY updated_at DESC, id DESC LIMIT 50"
        ));
        let total = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM jobs WHERE {failing}"));
        let (waiting, this_share, last_share, alerts, alerts_total): Figures = on_read_pool!(&self.db, pool => {
            let waiting = sqlx::query_as(
                "SELECT state, COUNT(*), MIN(updated_at) FROM cases WHERE state <> 'closed' GROUP BY state",
            )
            .fetch_all(pool)
            .await?;
            let this_share = sqlx::query_as(REMOVAL_SHARE)
                .bind(this)
                .bind(next)
                .bind(REMOVAL_WINDOW_MS)
                .fetch_one(pool)
                .await?;
            let last_share = sqlx::query_as(REMOVAL_SHARE)
                .bind(last)
                .bind(this)
                .bind(REMOVAL_WINDOW_MS)
                .fetch_one(pool)
                .await?;
            let alerts = sqlx::query_as(list).fetch_all(pool).await?;
            let alerts_total = sqlx::query_scalar(total).fetch_one(pool).await?;
            (waiting, this_share, last_share, alerts, alerts_total)
        });
        let mut legs = Vec::with_capacity(waiting.len());
        for (state, cases, since) in waiting {
            legs.push(WaitingLeg {
                state: crate::casework::parse_state(&state)?,
                cases,
                oldest_since: from_millis(since)?,
            });
        }
        // In the order of the case's life.
        legs.sort_by_key(|l| {
            hotline_domain::CaseState::ALL
                .iter()
                .position(|s| *s == l.state)
        });
        let share = |(noticed, removed_in_time): (i64, i64)| RemovalShare {
            noticed,
            removed_in_time,
        };
        Ok(Dashboard {
            waiting: legs,
            this_month: share(this_share),
            last_month: share(last_share),
            alerts_not_sent: alerts
                .into_iter()
                .map(|(kind, state, attempts, last_error, at)| {
                    Ok(FailedAlert {
                        kind,
                        state,
                        attempts,
                        last_error,
                        at: from_millis(at)?,
                    })
                })
                .collect::<Result<_>>()?,
            alerts_not_sent_total: alerts_total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_start_on_the_first_at_midnight_utc_across_the_year() {
        let t = time::macros::datetime!(2026-01-15 10:00 UTC);
        let (this, last) = month_starts(t);
        assert_eq!(this, time::macros::datetime!(2026-01-01 0:00 UTC));
        assert_eq!(last, time::macros::datetime!(2025-12-01 0:00 UTC));
        let (this, last) = month_starts(time::macros::datetime!(2026-12-04 21:00 UTC));
        assert_eq!(this, time::macros::datetime!(2026-12-01 0:00 UTC));
        assert_eq!(last, time::macros::datetime!(2026-11-01 0:00 UTC));
        assert_eq!(RemovalShare::default().percent(), None);
        assert_eq!(
            RemovalShare {
                noticed: 4,
                removed_in_time: 3
            }
            .percent(),
            Some(75.0)
        );
    }
}
