//! Telling the police of new referrals (`[police] notify`, docs/SPEC.md §1): each referral to a
//! police unit queues a `police_notify` job that waits `NewJob::POLICE_NOTIFY_BATCH`, so a burst of
//! referrals becomes one message. Like an urgent alert, the message holds case numbers and
//! links to the staff pages only: never an address, a description or anything of a reporter.

use hotline_network::mailer::OutgoingMail;
use time::OffsetDateTime;

use crate::worker::Workers;

/// The text of the message to a unit: case numbers and links, nothing more.
pub fn notify_text(hotline_name: &str, unit: &str, links: &[(i64, String)]) -> (String, String) {
    let subject = match links.len() {
        1 => format!("{hotline_name}: 1 new referral for unit {unit}"),
        n => format!("{hotline_name}: {n} new referrals for unit {unit}"),
    };
    let mut body = format!("{hotline_name} referred these cases to the police unit {unit}:\n\n");
    for (id, link) in links {
        body.push_str(&format!("  case {id}: {link}\n"));
    }
    body.push_str(
        "\nThis message deliberately holds no address and no description; sign in to see the cases.\n",
    );
    (subject, body)
}

impl Workers {
    /// Handles a `police_notify` job: one message to every notify address listing the unit's
    /// referrals not yet told, then marks them told. A retry after a crash between the two may
    /// repeat a message, which is the lesser harm; no referral is ever left untold.
    pub(crate) async fn police_notify(
        &self,
        job: &hotline_domain::job::PoliceNotify,
    ) -> Result<(), String> {
        let unit = job.unit.as_str();
        let err = |e: hotline_store::StoreError| e.to_string();
        let cases = self
            .store
            .police_referrals_untold(unit)
            .await
            .map_err(err)?;
        if cases.is_empty() {
            return Ok(());
        }
        let addresses: &[String] = self
            .police_notify
            .iter()
            .find(|(u, _)| u == unit)
            .map_or(&[], |(_, a)| a.as_slice());
        if !addresses.is_empty() {
            let base = self.alerts.staff_url.trim_end_matches('/');
            let links: Vec<(i64, String)> = cases
                .iter()
                .map(|id| (*id, format!("{base}/staff/cases/{id}")))
                .collect();
            let (subject, body) = notify_text(&self.notice.hotline_name, unit, &links);
            let domain = crate::worker::domain_of(&self.notice.from);
            let batch = format!("{}-{}", cases[0], cases[cases.len() - 1]);
            for (i, to) in addresses.iter().enumerate() {
                let mail = OutgoingMail {
                    to: to.clone(),
                    subject: subject.clone(),
                    body: body.clone(),
                    message_id: format!("police-{unit}-{batch}-{i}@{domain}"),
                };
                self.mailer
                    .send_mail(&mail)
                    .await
                    .map_err(|e| format!("{to}: {e}"))?;
            }
        }
        self.store
            .police_referrals_told(&cases, OffsetDateTime::now_utc())
            .await
            .map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_holds_case_numbers_and_links_only() {
        let (subject, body) = notify_text(
            "Hotline",
            "national",
            &[(7, "/staff/cases/7".into()), (9, "/staff/cases/9".into())],
        );
        assert_eq!(subject, "Hotline: 2 new referrals for unit national");
        assert!(body.contains("case 7: /staff/cases/7") && body.contains("case 9: /staff/cases/9"));
        assert!(!body.contains("http"), "{body}");
    }
}
