//! Until it is gone: when to check whether an address is still online, what a run of check
//! results means, and when a notice is repeated or escalated.
//!
//! A check uses DNS and an HTTP `HEAD` request only (the network crate makes it); this module
//! turns its outcome into a decision. Times are milliseconds since the Unix epoch, passed in.

use serde::{Deserialize, Serialize};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

named_enum! {
    /// What one check found.
    CheckOutcome {
        /// The address answered (2xx, 3xx without a refused hop, 401/403, 5xx...).
        Online => "online",
        /// Evidence that it is gone: NXDOMAIN, 404, 410, or the connection refused.
        Gone => "gone",
        /// The check could not tell (time-out, a refused redirect, offline, ...).
        Error => "error",
    }
}

/// The schedule and thresholds of monitoring (config section `[monitoring]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitoringPolicy {
    /// Check this often at first...
    pub early_interval_hours: u32,
    /// ...for this many days after the case began awaiting removal,
    pub early_days: u32,
    /// ...then this often.
    pub later_interval_hours: u32,
    /// Consecutive `gone` results that make a case `removed`.
    pub gone_checks_for_removal: u32,
    /// After removal, keep checking (at the later interval) this many days for a reappearance.
    pub watch_after_removal_days: u32,
    /// Repeat the notice this often while the content stays up; 0 never repeats it.
    pub renotice_hours: u32,
    /// Escalate (registrar, CDN, police) when the content is still up this many days after
    /// the first notice; 0 never escalates.
    pub escalate_after_days: u32,
}

impl Default for MonitoringPolicy {
    fn default() -> Self {
        MonitoringPolicy {
            early_interval_hours: 6,
            early_days: 3,
            later_interval_hours: 24,
            gone_checks_for_removal: 2,
            watch_after_removal_days: 30,
            renotice_hours: 24,
            escalate_after_days: 7,
        }
    }
}

/// A policy value that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("monitoring.{key} {why}")]
pub struct InvalidPolicy {
    pub key: &'static str,
    pub why: &'static str,
}

impl MonitoringPolicy {
    /// Refuses values that would check in a tight loop or never decide.
    pub fn validate(&self) -> Result<(), InvalidPolicy> {
        let positive = |key, v: u32| {
            if v == 0 {
                Err(InvalidPolicy {
                    key,
                    why: "must be at least 1",
                })
            } else {
                Ok(())
            }
        };
        positive("early_interval_hours", self.early_interval_hours)?;
        positive("later_interval_hours", self.later_interval_hours)?;
        positive("gone_checks_for_removal", self.gone_checks_for_removal)?;
        Ok(())
    }

    /// When the next check is due, given when the case began awaiting removal (`since`) and
    /// when it was last checked.
    pub fn next_check(&self, since: i64, last_check: i64) -> i64 {
        let early_until = since.saturating_add(i64::from(self.early_days) * DAY_MS);
        let interval = if last_check < early_until {
            i64::from(self.early_interval_hours) * HOUR_MS
        } else {
            i64::from(self.later_interval_hours) * HOUR_MS
        };
        last_check.saturating_add(interval)
    }

    /// Whether monitoring of a removed case ends at `now` (removed at `removed_at`).
    pub fn watch_over(&self, removed_at: i64, now: i64) -> bool {
        now >= removed_at.saturating_add(i64::from(self.watch_after_removal_days) * DAY_MS)
    }
}

/// What the latest results say, newest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Seen online (or not yet enough evidence either way).
    StillOnline,
    /// The last `gone_checks_for_removal` results were all `gone`.
    Removed,
    /// Only errors lately: nothing can be concluded.
    Unknown,
}

/// The verdict on a run of results, oldest first. Errors neither confirm nor break a run of
/// `gone` results: a time-out says nothing about the content.
pub fn verdict(policy: &MonitoringPolicy, results: &[CheckOutcome]) -> Verdict {
    let needed = policy.gone_checks_for_removal.max(1) as usize;
    let mut gone = 0usize;
    for r in results.iter().rev() {
        match r {
            CheckOutcome::Gone => {
                gone += 1;
                if gone >= needed {
                    return Verdict::Removed;
                }
            }
            CheckOutcome::Online => return Verdict::StillOnline,
            CheckOutcome::Error => {}
        }
    }
    if gone == 0 && results.iter().all(|r| *r == CheckOutcome::Error) && !results.is_empty() {
        Verdict::Unknown
    } else {
        Verdict::StillOnline
    }
}

/// What the hotline does about content still online, given its notice history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    Nothing,
    /// Send the notice again; `round` numbers the repeats from 1.
    Renotice {
        round: u32,
    },
    /// Write to the registrar and CDN and tell the police: it has been up too long.
    Escalate,
}

/// The follow-up due at `now` for content seen online, when the first notice went at
/// `first_notice`, the last one (first or repeat) at `last_notice`, after `rounds` repeats,
/// and whether the case was escalated already. Escalation comes first, once.
pub fn follow_up(
    policy: &MonitoringPolicy,
    first_notice: i64,
    last_notice: i64,
    rounds: u32,
    escalated: bool,
    now: i64,
) -> FollowUp {
    if policy.escalate_after_days > 0
        && !escalated
        && now >= first_notice.saturating_add(i64::from(policy.escalate_after_days) * DAY_MS)
    {
        return FollowUp::Escalate;
    }
    if policy.renotice_hours > 0
        && now >= last_notice.saturating_add(i64::from(policy.renotice_hours) * HOUR_MS)
    {
        return FollowUp::Renotice { round: rounds + 1 };
    }
    FollowUp::Nothing
}

/// How an HTTP status counts: 404 and 410 say the content is gone; anything else that
/// answered says the server still serves something at the address.
pub fn outcome_of_status(status: u16) -> CheckOutcome {
    match status {
        404 | 410 => CheckOutcome::Gone,
        _ => CheckOutcome::Online,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CheckOutcome::{Error as E, Gone as G, Online as O};

    fn policy() -> MonitoringPolicy {
        MonitoringPolicy {
            gone_checks_for_removal: 3,
            ..MonitoringPolicy::default()
        }
    }

    #[test]
    fn removal_needs_n_consecutive_gone_results_and_an_online_one_breaks_the_run() {
        let p = policy();
        assert_eq!(verdict(&p, &[O, G, G]), Verdict::StillOnline);
        assert_eq!(verdict(&p, &[O, G, G, G]), Verdict::Removed);
        assert_eq!(verdict(&p, &[G, G, O, G, G]), Verdict::StillOnline);
        // A time-out between two gone results neither counts nor breaks the run.
        assert_eq!(verdict(&p, &[G, E, G, G]), Verdict::Removed);
        assert_eq!(verdict(&p, &[E, E]), Verdict::Unknown);
        assert_eq!(verdict(&p, &[]), Verdict::StillOnline);
    }

    #[test]
    fn checks_come_every_six_hours_for_three_days_then_daily() {
        let p = MonitoringPolicy::default();
        let since = 1_000_000;
        assert_eq!(p.next_check(since, since), since + 6 * HOUR_MS);
        let late = since + 3 * DAY_MS;
        assert_eq!(p.next_check(since, late), late + DAY_MS);
        assert_eq!(p.next_check(since, late - 1), late - 1 + 6 * HOUR_MS);
    }

    #[test]
    fn notices_repeat_daily_and_escalate_once_after_a_week() {
        let p = MonitoringPolicy::default();
        let first = 0;
        assert_eq!(
            follow_up(&p, first, first, 0, false, HOUR_MS),
            FollowUp::Nothing
        );
        assert_eq!(
            follow_up(&p, first, first, 0, false, DAY_MS),
            FollowUp::Renotice { round: 1 }
        );
        assert_eq!(
            follow_up(&p, first, DAY_MS, 1, false, DAY_MS + HOUR_MS),
            FollowUp::Nothing
        );
        assert_eq!(
            follow_up(&p, first, 6 * DAY_MS, 6, false, 7 * DAY_MS),
            FollowUp::Escalate
        );
        assert_eq!(
            follow_up(&p, first, 6 * DAY_MS, 6, true, 7 * DAY_MS),
            FollowUp::Renotice { round: 7 }
        );
        let never = MonitoringPolicy {
            renotice_hours: 0,
            escalate_after_days: 0,
            ..p
        };
        assert_eq!(
            follow_up(&never, first, first, 0, false, 100 * DAY_MS),
            FollowUp::Nothing
        );
    }

    #[test]
    fn only_404_and_410_count_as_gone() {
        assert_eq!(outcome_of_status(404), G);
        assert_eq!(outcome_of_status(410), G);
        for s in [200, 204, 301, 401, 403, 451, 500, 503] {
            assert_eq!(outcome_of_status(s), O, "{s}");
        }
    }

    #[test]
    fn a_zero_interval_is_refused() {
        let bad = MonitoringPolicy {
            early_interval_hours: 0,
            ..MonitoringPolicy::default()
        };
        assert_eq!(bad.validate().unwrap_err().key, "early_interval_hours");
        assert!(MonitoringPolicy::default().validate().is_ok());
    }
}
