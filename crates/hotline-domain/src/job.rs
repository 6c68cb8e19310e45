//! The background jobs: one kind each, with its typed payload. A change queues its jobs in its
//! own transaction (`hotline-store`, `NewJob`); the workers read each claimed job back with
//! [`Job::parse`] and dispatch on the variant, so a kind is named in one place and a payload
//! that does not fit its kind fails that job with a clear reason instead of running half.

use serde::{Deserialize, Serialize};

/// A job, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Trace the case's address (DNS, IP database, RDAP).
    Trace(CaseJob),
    /// Send the case's notice to its host when the takedown regime says it is due.
    Notice(CaseJob),
    /// Check whether the case's address is still online.
    Monitor(CaseJob),
    /// Deliver a referral to a partner hotline (API or e-mail).
    ReferPartner(ReferPartner),
    /// Tell the partner that referred a case to us what became of it.
    PartnerUpdate(PartnerUpdate),
    /// Tell the people on call of an urgent report.
    UrgentAlert(UrgentAlert),
    /// Tell a police unit's notify addresses of new referrals, in one message per batch.
    PoliceNotify(PoliceNotify),
    /// Tell a reporter who asked for it that there is news on their status page (never the news).
    ReporterNews(ReporterNews),
    /// The daily retention purge.
    Retention,
}

/// The payload of a job about one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseJob {
    pub case_id: i64,
}

/// A referral's delivery; its id is fixed when queued, so every retry is the same referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferPartner {
    pub case_id: i64,
    pub partner: String,
    pub referral_id: String,
}

/// News for the partner that referred a case to us (`removed`, `reappeared`, `not_illegal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUpdate {
    pub partner: String,
    pub referral_id: String,
    pub status: String,
}

/// An urgent report and the cases it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgentAlert {
    pub report_id: String,
    pub case_ids: Vec<i64>,
}

/// The police unit whose notify addresses hear of new referrals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceNotify {
    pub unit: String,
}

/// The report whose reporter asked to hear that there is news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterNews {
    pub report_id: String,
}

/// A job that cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidJob {
    #[error("unknown job kind \"{0}\"")]
    UnknownKind(String),
    #[error("the {kind} job's payload does not fit its kind: {reason}")]
    Payload { kind: &'static str, reason: String },
}

impl Job {
    /// The kind of trace jobs, which workers claim in batches.
    pub const TRACE: &'static str = "trace";
    /// The kind of notice jobs, which workers also claim in batches (one mail per recipient).
    pub const NOTICE: &'static str = "notice";

    /// Every kind, as stored in the queue's `kind` column.
    pub const KINDS: [&'static str; 9] = [
        "trace",
        "notice",
        "monitor",
        "refer_partner",
        "partner_update",
        "urgent_alert",
        "police_notify",
        "reporter_news",
        "retention",
    ];

    /// The kind, as stored.
    pub fn kind(&self) -> &'static str {
        match self {
            Job::Trace(_) => Self::TRACE,
            Job::Notice(_) => "notice",
            Job::Monitor(_) => "monitor",
            Job::ReferPartner(_) => "refer_partner",
            Job::PartnerUpdate(_) => "partner_update",
            Job::UrgentAlert(_) => "urgent_alert",
            Job::PoliceNotify(_) => "police_notify",
            Job::ReporterNews(_) => "reporter_news",
            Job::Retention => "retention",
        }
    }

    /// The payload, as stored.
    pub fn payload(&self) -> serde_json::Value {
        let json = match self {
            Job::Trace(p) | Job::Notice(p) | Job::Monitor(p) => serde_json::to_value(p),
            Job::ReferPartner(p) => serde_json::to_value(p),
            Job::PartnerUpdate(p) => serde_json::to_value(p),
            Job::UrgentAlert(p) => serde_json::to_value(p),
            Job::PoliceNotify(p) => serde_json::to_value(p),
            Job::ReporterNews(p) => serde_json::to_value(p),
            Job::Retention => Ok(serde_json::json!({})),
        };
        // Plain structs of strings and integers always serialise.
        json.unwrap_or_default()
    }

    /// Reads a stored job back.
    pub fn parse(kind: &str, payload: &serde_json::Value) -> Result<Job, InvalidJob> {
        fn read<T: serde::de::DeserializeOwned>(
            kind: &'static str,
            payload: &serde_json::Value,
        ) -> Result<T, InvalidJob> {
            T::deserialize(payload).map_err(|e| InvalidJob::Payload {
                kind,
                reason: e.to_string(),
            })
        }
        Ok(match kind {
            "trace" => Job::Trace(read("trace", payload)?),
            "notice" => Job::Notice(read("notice", payload)?),
            "monitor" => Job::Monitor(read("monitor", payload)?),
            "refer_partner" => Job::ReferPartner(read("refer_partner", payload)?),
            "partner_update" => Job::PartnerUpdate(read("partner_update", payload)?),
            "urgent_alert" => Job::UrgentAlert(read("urgent_alert", payload)?),
            "police_notify" => Job::PoliceNotify(read("police_notify", payload)?),
            "reporter_news" => Job::ReporterNews(read("reporter_news", payload)?),
            "retention" => Job::Retention,
            other => return Err(InvalidJob::UnknownKind(other.to_owned())),
        })
    }

    /// The case the job is about, if it is about one.
    pub fn case_id(&self) -> Option<i64> {
        match self {
            Job::Trace(p) | Job::Notice(p) | Job::Monitor(p) => Some(p.case_id),
            Job::ReferPartner(p) => Some(p.case_id),
            Job::UrgentAlert(p) => p.case_ids.first().copied(),
            Job::PartnerUpdate(_)
            | Job::PoliceNotify(_)
            | Job::ReporterNews(_)
            | Job::Retention => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Job> {
        vec![
            Job::Trace(CaseJob { case_id: 1 }),
            Job::Notice(CaseJob { case_id: 2 }),
            Job::Monitor(CaseJob { case_id: 3 }),
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
            Job::Retention,
        ]
    }

    #[test]
    fn every_kind_reads_back_as_it_was_queued() {
        let jobs = every_kind();
        let kinds: Vec<&str> = jobs.iter().map(Job::kind).collect();
        assert_eq!(kinds, Job::KINDS);
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
