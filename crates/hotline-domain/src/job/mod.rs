//! The background jobs: one kind per file, each with its typed payload. A change queues its
//! jobs in its own transaction (`hotline-store`, `NewJob`); the workers read each claimed job
//! back with [`Job::parse`] and dispatch on the variant, so a kind is named in one place and a
//! payload that does not fit its kind fails that job with a clear reason instead of running
//! half. A new kind is a new file here and one line in `jobs!` below.

mod monitor;
mod notice;
mod partner_update;
mod police_notify;
mod refer_partner;
mod reporter_news;
mod retention;
mod trace;
mod urgent_alert;

pub use monitor::Monitor;
pub use notice::Notice;
pub use partner_update::PartnerUpdate;
pub use police_notify::PoliceNotify;
pub use refer_partner::ReferPartner;
pub use reporter_news::ReporterNews;
pub use retention::Retention;
pub use trace::Trace;
pub use urgent_alert::UrgentAlert;

/// A job that cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidJob {
    #[error("unknown job kind \"{0}\"")]
    UnknownKind(String),
    #[error("the {kind} job's payload does not fit its kind: {reason}")]
    Payload { kind: &'static str, reason: String },
}

/// Declares [`Job`] from its kinds: the variant, the name stored in the queue's `kind`
/// column, and the payload type (from the kind's own file). Generates `KINDS`, `kind()`,
/// `payload()` and `parse()`, so the name and the payload of a kind cannot drift apart.
macro_rules! jobs {
    ($($(#[$doc:meta])* $variant:ident($payload:ty) => $name:literal,)+) => {
        /// A job, by kind.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Job {
            $($(#[$doc])* $variant($payload),)+
        }

        impl Job {
            /// Every kind, as stored in the queue's `kind` column.
            pub const KINDS: &'static [&'static str] = &[$($name),+];

            /// The kind, as stored.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Job::$variant(_) => $name,)+
                }
            }

            /// The payload, as stored.
            pub fn payload(&self) -> serde_json::Value {
                let json = match self {
                    $(Job::$variant(p) => serde_json::to_value(p),)+
                };
                // Plain structs of strings and integers always serialise.
                json.unwrap_or_default()
            }

            /// Reads a stored job back.
            pub fn parse(kind: &str, payload: &serde_json::Value) -> Result<Job, InvalidJob> {
                match kind {
                    $($name => <$payload as serde::Deserialize>::deserialize(payload)
                        .map(Job::$variant)
                        .map_err(|e| InvalidJob::Payload { kind: $name, reason: e.to_string() }),)+
                    other => Err(InvalidJob::UnknownKind(other.to_owned())),
                }
            }
        }
    };
}

jobs! {
    /// Trace the case's address (DNS, IP database, RDAP).
    Trace(Trace) => "trace",
    /// Send the case's notice to its host when the takedown regime says it is due.
    Notice(Notice) => "notice",
    /// Check whether the case's address is still online.
    Monitor(Monitor) => "monitor",
    /// Deliver a referral to a partner hotline (API or e-mail).
    ReferPartner(ReferPartner) => "refer_partner",
    /// Tell the partner that referred a case to us what became of it.
    PartnerUpdate(PartnerUpdate) => "partner_update",
    /// Tell the people on call of an urgent report.
    UrgentAlert(UrgentAlert) => "urgent_alert",
    /// Tell a police unit's notify addresses of new referrals, in one message per batch.
    PoliceNotify(PoliceNotify) => "police_notify",
    /// Tell a reporter who asked for it that there is news on their status page.
    ReporterNews(ReporterNews) => "reporter_news",
    /// The daily retention purge.
    Retention(Retention) => "retention",
}

impl Job {
    /// The kind of trace jobs, which workers claim in batches.
    pub const TRACE: &'static str = "trace";
    /// The kind of notice jobs, which workers also claim in batches (one mail per recipient).
    pub const NOTICE: &'static str = "notice";

    /// The case the job is about, if it is about one.
    pub fn case_id(&self) -> Option<i64> {
        match self {
            Job::Trace(Trace { case_id })
            | Job::Notice(Notice { case_id })
            | Job::Monitor(Monitor { case_id })
            | Job::ReferPartner(ReferPartner { case_id, .. }) => Some(*case_id),
            Job::UrgentAlert(p) => p.case_ids.first().copied(),
            Job::PartnerUpdate(_)
            | Job::PoliceNotify(_)
            | Job::ReporterNews(_)
            | Job::Retention(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Job> {
        vec![
            Job::Trace(Trace { case_id: 1 }),
            Job::Notice(Notice { case_id: 2 }),
            Job::Monitor(Monitor { case_id: 3 }),
            Job::ReferPartner(ReferPartner {
                case_id: 4,
                partner: "NL".into(),
                referral_id: "r-1".into(),
            }),
            Job::PartnerUpdate(PartnerUpdate {
                partner: "NL".into(),
                referral_id: "r-2".into(),
                status: "removed".into(),
            }),
            Job::UrgentAlert(UrgentAlert {
                report_id: "0190".into(),
                case_ids: vec![5, 6],
            }),
            Job::PoliceNotify(PoliceNotify {
                unit: "national".into(),
            }),
            Job::ReporterNews(ReporterNews {
                report_id: "0191".into(),
            }),
            Job::Retention(Retention {}),
        ]
    }

    #[test]
    fn every_kind_reads_back_as_it_was_queued() {
        let jobs = every_kind();
        let kinds: Vec<&str> = jobs.iter().map(Job::kind).collect();
        assert_eq!(kinds, Job::KINDS);
        assert!(Job::KINDS.contains(&Job::TRACE) && Job::KINDS.contains(&Job::NOTICE));
        for job in jobs {
            assert_eq!(Job::parse(job.kind(), &job.payload()), Ok(job.clone()));
        }
    }

    #[test]
    fn a_payload_that_does_not_fit_its_kind_is_refused_with_the_reason() {
        let wrong = serde_json::json!({ "case_id": "seven" });
        let Err(InvalidJob::Payload { kind, reason }) = Job::parse("notice", &wrong) else {
            panic!("a string case id was accepted");
        };
        assert_eq!(kind, "notice");
        assert!(reason.contains("invalid type"), "{reason}");
        assert_eq!(
            Job::parse("refer_partner", &serde_json::json!({ "case_id": 1 })).map(|j| j.kind()),
            Err(InvalidJob::Payload {
                kind: "refer_partner",
                reason: "missing field `partner`".into()
            })
        );
        assert_eq!(
            Job::parse("fetch_content", &serde_json::json!({})),
            Err(InvalidJob::UnknownKind("fetch_content".into()))
        );
    }
}
