//! Urgent alerts: a report flagged "a child is in immediate danger" tells the people on call
//! at once, by e-mail and through an optional web hook. The intake transaction queues an
//! `urgent_alert` job beside the report, so an accepted report never lacks its alert; this is
//! the job's handler. An alert carries case numbers and links to the staff pages only, never
//! an address, a description or anything about the reporter.

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
        payload: &serde_json::Value,
    ) -> Result<Outcome, String> {
        let report = payload
            .get("report_id")
            .and_then(serde_json::Value::as_str)
            .ok_or("an urgent_alert job without a report_id")?;
        let cases: Vec<i64> = payload
            .get("case_ids")
            .and_then(serde_json::Value::as_array)
            .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
            .unwrap_or_default();
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
