//! Urgent alerts: a report flagged "a child is in immediate danger" tells the people on call
//! at once, by e-mail and through an optional web hook. The intake transaction queues an
//! `urgent_alert` job beside the report, so an accepted report never lacks its alert; this is
//! the job's handler. An alert carries case numbers and links to the staff pages only, never
//! an address, a description or anything about the reporter.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use hotline_network::mailer::OutgoingMail;
use time::OffsetDateTime;

use crate::worker::{Outcome, Workers};

/// Who is alerted, and how the links are written (config section `[alerts]`).
#[derive(Debug, Clone, Default)]
pub struct AlertSettings {
    pub on_call: Vec<String>,
    pub webhook: String,
    /// The staff site's base address; empty = links are paths only.
    pub staff_url: String,
}

/// Alert messages sent at most in one [`ALERT_WINDOW`]; the urgent reports beyond wait for
/// the next message, which names them all. A flood of reports flagged urgent (by mistake or
/// to bury a real one) cannot flood the people on call, and no urgent report goes untold.
pub const ALERTS_PER_WINDOW: u32 = 5;
pub const ALERT_WINDOW: time::Duration = time::Duration::minutes(10);

/// What the gate says about one urgent report's alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    /// Send one message now for these cases: this report's and those of reports that waited.
    Send {
        cases: Vec<i64>,
        /// The reports whose cases ride along (put back with [`AlertGate::failed`]).
        carried: Vec<(String, Vec<i64>)>,
    },
    /// Over the cap: wait; the next message sent will name this report's cases.
    Wait { until: OffsetDateTime },
    /// An earlier message named this report's cases already.
    AlreadyTold,
}

/// Counts alert messages per window and groups the reports beyond the cap (in memory, per
/// process: after a restart waiting alerts are sent one by one, never lost).
#[derive(Debug, Default)]
pub struct AlertGate {
    window_start: Option<OffsetDateTime>,
    sent: u32,
    waiting: BTreeMap<String, Vec<i64>>,
    told: BTreeSet<String>,
}

impl AlertGate {
    /// The alert of `report` (about `cases`) at `now`.
    pub fn admit(&mut self, report: &str, cases: &[i64], now: OffsetDateTime) -> Admission {
        if self.told.remove(report) {
            return Admission::AlreadyTold;
        }
        let start = match self.window_start {
            Some(s) if now < s + ALERT_WINDOW => s,
            _ => {
                self.window_start = Some(now);
                self.sent = 0;
                now
            }
        };
        if self.sent >= ALERTS_PER_WINDOW {
            self.waiting.insert(report.to_owned(), cases.to_vec());
            return Admission::Wait {
                until: start + ALERT_WINDOW,
            };
        }
        self.sent += 1;
        self.waiting.remove(report);
        let carried: Vec<(String, Vec<i64>)> =
            std::mem::take(&mut self.waiting).into_iter().collect();
        let mut all: BTreeSet<i64> = cases.iter().copied().collect();
        for (other, their_cases) in &carried {
            all.extend(their_cases);
            self.told.insert(other.clone());
        }
        Admission::Send {
            cases: all.into_iter().collect(),
            carried,
        }
    }

    /// The message of an [`Admission::Send`] did not go out: the reports it carried wait again.
    pub fn failed(&mut self, carried: Vec<(String, Vec<i64>)>) {
        for (report, cases) in carried {
            self.told.remove(&report);
            self.waiting.insert(report, cases);
        }
    }
}

/// The gate of this process's workers.
static GATE: Mutex<Option<AlertGate>> = Mutex::new(None);

fn with_gate<T>(f: impl FnOnce(&mut AlertGate) -> T) -> T {
    let mut gate = GATE.lock().unwrap_or_else(|e| e.into_inner());
    f(gate.get_or_insert_with(AlertGate::default))
}

/// The text of an alert: case numbers and links, nothing more.
pub fn alert_text(hotline_name: &str, links: &[(i64, String)]) -> (String, String) {
    let numbers: Vec<String> = links.iter().map(|(id, _)| id.to_string()).collect();
    let subject = format!(
        "URGENT: a child may be in immediate danger (case {})",
        numbers.join(", ")
    );
    let mut body = format!(
        "{hotline_name} received a report flagged \"a child is in immediate danger\".\n\
         Please look at it now:\n\n"
    );
    for (id, link) in links {
        body.push_str(&format!("  case {id}: {link}\n"));
    }
    body.push_str(
        "\nThis message deliberately holds no address and no description; sign in to see the case.\n",
    );
    (subject, body)
}

impl Workers {
    /// Handles an `urgent_alert` job: mails every on-call address and calls the web hook.
    /// Runs at least once; a retry may repeat a message, which for an alert is the lesser harm.
    pub(crate) async fn urgent_alert(
        &self,
        job: &hotline_domain::job::UrgentAlert,
    ) -> Result<Outcome, String> {
        let (report, cases) = (job.report_id.as_str(), &job.case_ids);
        if cases.is_empty() {
            return Err("an urgent_alert job without case_ids".into());
        }
        let a = &self.alerts;
        if a.on_call.is_empty() && a.webhook.is_empty() {
            tracing::warn!(
                "an urgent report arrived, but nobody is on call (alerts.on_call, alerts.webhook)"
            );
            return Ok(Outcome::Done);
        }
        let (cases, carried) = match with_gate(|g| {
            g.admit(report, cases, OffsetDateTime::now_utc())
        }) {
            Admission::AlreadyTold => return Ok(Outcome::Done),
            Admission::Wait { until } => {
                return Ok(Outcome::Later {
                    at: until,
                    why: format!(
                        "more than {ALERTS_PER_WINDOW} alerts in {} minutes: this one goes with the next message",
                        ALERT_WINDOW.whole_minutes()
                    ),
                });
            }
            Admission::Send { cases, carried } => (cases, carried),
        };
        let base = a.staff_url.trim_end_matches('/');
        let links: Vec<(i64, String)> = cases
            .iter()
            .map(|id| (*id, format!("{base}/staff/cases/{id}")))
            .collect();
        let (subject, body) = alert_text(&self.notice.hotline_name, &links);
        let domain = crate::worker::domain_of(&self.notice.from);
        let mut failures = Vec::new();
        for (i, to) in a.on_call.iter().enumerate() {
            let mail = OutgoingMail {
                to: to.clone(),
                subject: subject.clone(),
                body: body.clone(),
                message_id: format!("urgent-{report}-{i}@{domain}"),
            };
            if let Err(e) = self.mailer.send_mail(&mail).await {
                failures.push(format!("{to}: {e}"));
            }
        }
        if !a.webhook.is_empty() {
            let message = serde_json::json!({
                "event": "urgent_report",
                "at": OffsetDateTime::now_utc()
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
                "cases": links
                    .iter()
                    .map(|(id, link)| serde_json::json!({ "case": id, "url": link }))
                    .collect::<Vec<_>>(),
            });
            if let Err(e) =
                hotline_network::alert::post_hook(&self.policy, &a.webhook, &message).await
            {
                failures.push(format!("web hook: {e}"));
            }
        }
        if failures.is_empty() {
            Ok(Outcome::Done)
        } else {
            with_gate(|g| g.failed(carried));
            Err(format!(
                "the alert did not reach everyone: {}",
                failures.join("; ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alerts_beyond_the_cap_wait_and_go_together_in_the_next_message() {
        let t0 = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let mut g = AlertGate::default();
        for i in 0..ALERTS_PER_WINDOW {
            let r = format!("r{i}");
            assert_eq!(
                g.admit(&r, &[i64::from(i)], t0),
                Admission::Send {
                    cases: vec![i64::from(i)],
                    carried: vec![]
                }
            );
        }
        // A flood: the rest wait for the window's end.
        let until = t0 + ALERT_WINDOW;
        for i in 10..20 {
            assert_eq!(
                g.admit(
                    &format!("r{i}"),
                    &[i, i + 100],
                    t0 + time::Duration::minutes(1)
                ),
                Admission::Wait { until }
            );
        }
        // The first to run in the next window carries them all, in one message.
        let Admission::Send { cases, carried } = g.admit("r10", &[10, 110], until) else {
            panic!("not sent");
        };
        assert_eq!(cases.len(), 20, "{cases:?}");
        assert_eq!(carried.len(), 9);
        // The others, when their turn comes, were told already.
        for i in 11..20 {
            assert_eq!(
                g.admit(&format!("r{i}"), &[i], until),
                Admission::AlreadyTold
            );
        }
        // A message that failed puts what it carried back to wait.
        let Admission::Send { carried, .. } = g.admit("x", &[1], until) else {
            panic!("not sent");
        };
        assert!(carried.is_empty());
        g.failed(vec![("r11".into(), vec![11])]);
        let Admission::Send { cases, .. } = g.admit("y", &[2], until) else {
            panic!("not sent");
        };
        assert_eq!(cases, vec![2, 11]);
    }

    #[test]
    fn the_text_holds_case_numbers_and_links_only() {
        let (subject, body) = alert_text(
            "Hotline",
            &[(12, "https://staff.example.org/staff/cases/12".into())],
        );
        assert!(subject.contains("case 12"));
        assert!(body.contains("https://staff.example.org/staff/cases/12"));
        assert!(!body.contains("http://example.com"));
    }
}
