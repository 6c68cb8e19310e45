//! Storage limitation (GDPR art. 5(1)(e)): how long each kind of personal data is kept, and
//! from that and the time now, the cut-off before which it is due for erasure. A case under
//! legal hold keeps everything, whatever its age.
//!
//! The store applies these cut-offs with one `WHERE` clause per kind, shared by the dry run
//! (which counts) and the real run (which erases), so the two cannot disagree.

use serde::{Deserialize, Serialize};

/// Retention periods in days; `0` keeps that kind of data for ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionPolicy {
    /// A reporter's name and e-mail address, counted from when the report arrived.
    pub contact_days: u32,
    /// What a reporter wrote (the description, messages to them, and each address as they
    /// typed it), from arrival.
    pub description_days: u32,
    /// The timeline details of closed cases, and what their reports still hold, from when
    /// the case was last changed (closed).
    pub closed_case_days: u32,
    /// Finished background jobs and traces that a newer trace replaced, from when they
    /// finished or were made.
    pub check_history_days: u32,
    /// Audit events, from when they were written. The chain stays verifiable: its new start
    /// is remembered.
    pub audit_days: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        Self {
            contact_days: 90,
            description_days: 365,
            closed_case_days: 730,
            check_history_days: 180,
            audit_days: 0,
        }
    }
}

/// What the purge erases: data of each kind older than its cut-off (UTC milliseconds);
/// `None` where the policy keeps that kind for ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cutoffs {
    pub contact_before_ms: Option<i64>,
    pub description_before_ms: Option<i64>,
    pub closed_case_before_ms: Option<i64>,
    pub check_history_before_ms: Option<i64>,
    pub audit_before_ms: Option<i64>,
}

const DAY_MS: i64 = 86_400_000;

/// The shortest audit retention: whoever may change settings must not be able to erase the
/// record of what they did the day after (a purge is audited, but the events before it go).
pub const MIN_AUDIT_DAYS: u32 = 365;

fn cutoff(days: u32, now_ms: i64) -> Option<i64> {
    (days > 0).then(|| now_ms.saturating_sub(i64::from(days) * DAY_MS))
}

impl RetentionPolicy {
    /// The cut-offs at `now_ms` (UTC milliseconds; the caller owns the clock).
    pub fn cutoffs(&self, now_ms: i64) -> Cutoffs {
        Cutoffs {
            contact_before_ms: cutoff(self.contact_days, now_ms),
            description_before_ms: cutoff(self.description_days, now_ms),
            closed_case_before_ms: cutoff(self.closed_case_days, now_ms),
            check_history_before_ms: cutoff(self.check_history_days, now_ms),
            // Applied here as well as where the period is set, so no path keeps less.
            audit_before_ms: cutoff(
                match self.audit_days {
                    0 => 0,
                    d => d.max(MIN_AUDIT_DAYS),
                },
                now_ms,
            ),
        }
    }
}

impl Cutoffs {
    /// Whether data of a kind (`before_ms`, from [`Cutoffs`]) stamped `at_ms` is due for
    /// erasure: older than the cut-off, and not under legal hold.
    pub fn due(before_ms: Option<i64>, at_ms: i64, on_hold: bool) -> bool {
        !on_hold && before_ms.is_some_and(|b| at_ms < b)
    }
}

/// How many items of each kind a purge erased (or, in a dry run, would erase).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PurgeCounts {
    pub contacts: u64,
    pub descriptions: u64,
    pub reporter_messages: u64,
    /// Addresses as the reporters typed them (sealed); the canonical address stays.
    pub addresses_as_typed: u64,
    pub closed_case_details: u64,
    pub jobs: u64,
    pub traces: u64,
    /// Results of "still online?" checks of cases no longer awaiting removal.
    pub checks: u64,
    pub audit_events: u64,
}

impl PurgeCounts {
    pub fn total(&self) -> u64 {
        self.contacts
            + self.descriptions
            + self.reporter_messages
            + self.addresses_as_typed
            + self.closed_case_details
            + self.jobs
            + self.traces
            + self.checks
            + self.audit_events
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_audit_trail_is_kept_at_least_a_year() {
        let now = 1_000 * DAY_MS;
        let p = RetentionPolicy {
            audit_days: 1,
            ..RetentionPolicy::default()
        };
        assert_eq!(
            p.cutoffs(now).audit_before_ms,
            Some(now - i64::from(MIN_AUDIT_DAYS) * DAY_MS)
        );
        let p = RetentionPolicy {
            audit_days: 0,
            ..RetentionPolicy::default()
        };
        assert_eq!(p.cutoffs(now).audit_before_ms, None);
    }

    use super::*;

    #[test]
    fn cutoffs_follow_the_periods_and_zero_keeps_for_ever() {
        let p = RetentionPolicy {
            contact_days: 1,
            audit_days: 0,
            ..RetentionPolicy::default()
        };
        let c = p.cutoffs(1_800_000_000_000);
        assert_eq!(c.contact_before_ms, Some((1_800_000_000 - 86_400) * 1000));
        assert_eq!(c.audit_before_ms, None);
        let day_ms = 86_400_000;
        let now_ms = 1_800_000_000_000;
        assert!(Cutoffs::due(
            c.contact_before_ms,
            now_ms - 2 * day_ms,
            false
        ));
        assert!(
            !Cutoffs::due(c.contact_before_ms, now_ms - 2 * day_ms, true),
            "held"
        );
        assert!(
            !Cutoffs::due(c.contact_before_ms, now_ms - day_ms / 2, false),
            "young"
        );
        assert!(!Cutoffs::due(c.audit_before_ms, 0, false), "kept for ever");
    }
}
