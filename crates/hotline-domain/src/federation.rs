//! The messages hotlines running this software sign and send each other (docs/SPEC.md §2
//! referrals, §4 partner endpoints): one definition for the sender (the worker) and the
//! receiver (`POST /api/v1/referrals`, `POST /api/v1/referrals/{id}/updates`), so the two
//! sides cannot drift apart.
//!
//! A referral carries the work the referring hotline did: its assessment, in ICCAM's
//! vocabulary, and its trace (addresses, AS numbers, countries, abuse contacts, when traced).
//! Nothing of the reporter ever travels: no description, no contact, not even the address as
//! the reporter typed it. Messages from before the work travelled (no `assessment`, no
//! `trace`) are still accepted.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::trace::Trace;

/// `POST /api/v1/referrals`: a case handed to a partner hotline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralMessage {
    /// The sender's unique id for this referral (a UUID): retries reuse it.
    pub referral_id: String,
    /// When the sender signed it (RFC 3339).
    pub sent_at: String,
    /// The canonical addresses.
    pub urls: Vec<String>,
    pub where_found: Option<String>,
    /// The sender's own reference for its case.
    pub reference: String,
    /// What the sender wants the receiving hotline to know (never the reporter).
    pub note: Option<String>,
    /// The referring hotline's assessment (absent from older senders, and when the case was
    /// not assessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// The referring hotline's trace (absent from older senders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<ReferralTrace>,
}

/// Where the referring hotline found the address hosted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralTrace {
    /// When it was traced, UTC milliseconds.
    pub traced_at_ms: i64,
    pub host: String,
    /// Why the host could not be traced, when it could not.
    #[serde(default)]
    pub untraceable: Option<String>,
    #[serde(default)]
    pub addresses: Vec<ReferralAddress>,
    #[serde(default)]
    pub registrable_domain: Option<String>,
    #[serde(default)]
    pub registrar: Option<String>,
    /// The registrar's abuse address.
    #[serde(default)]
    pub registrar_abuse: Option<String>,
}

/// One address the host resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralAddress {
    pub ip: String,
    #[serde(default)]
    pub asn: Option<u32>,
    #[serde(default)]
    pub as_org: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// The CDN or reverse proxy, when the address is one's.
    #[serde(default)]
    pub cdn: Option<String>,
    /// The network's abuse address.
    #[serde(default)]
    pub abuse: Option<String>,
}

impl ReferralTrace {
    /// What of a trace travels: addresses, networks, countries, abuse addresses and the time;
    /// not the step errors or the DNS aliases.
    pub fn of(t: &Trace) -> ReferralTrace {
        ReferralTrace {
            traced_at_ms: t.traced_at_ms,
            host: t.host.clone(),
            untraceable: t.untraceable.clone(),
            addresses: t
                .addresses
                .iter()
                .map(|a| ReferralAddress {
                    ip: a.ip.clone(),
                    asn: a.asn,
                    as_org: a.as_org.clone(),
                    country: a.country.clone(),
                    cdn: a.cdn.clone(),
                    abuse: a.abuse.as_ref().and_then(|c| c.email.clone()),
                })
                .collect(),
            registrable_domain: t.registrable_domain.clone(),
            registrar: t.registrar.as_ref().and_then(|r| r.name.clone()),
            registrar_abuse: t
                .registrar
                .as_ref()
                .and_then(|r| r.abuse.as_ref())
                .and_then(|c| c.email.clone()),
        }
    }

    /// One line per address, for the receiving hotline's case page:
    /// `192.0.2.7 AS64500 Example Hosting NL (abuse@example.net)`.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .addresses
            .iter()
            .map(|a| {
                let mut l = a.ip.clone();
                if let Some(n) = a.asn {
                    l.push_str(&format!(" AS{n}"));
                }
                for part in [&a.as_org, &a.country, &a.cdn].into_iter().flatten() {
                    l.push(' ');
                    l.push_str(part);
                }
                if let Some(e) = &a.abuse {
                    l.push_str(&format!(" ({e})"));
                }
                l
            })
            .collect();
        if let Some(why) = &self.untraceable {
            out.push(format!("{}: {why}", self.host));
        }
        if let Some(r) = &self.registrar {
            let abuse = self
                .registrar_abuse
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default();
            out.push(format!("registrar {r}{abuse}"));
        }
        out
    }
}

/// What the receiving hotline keeps of a referral's work, to show and perhaps accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferredWork {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<ReferralTrace>,
}

impl ReferralMessage {
    /// The work the message carries, if any.
    pub fn work(&self) -> Option<ReferredWork> {
        (self.assessment.is_some() || self.trace.is_some()).then(|| ReferredWork {
            assessment: self.assessment.clone(),
            trace: self.trace.clone(),
        })
    }
}

/// `POST /api/v1/referrals/{id}/updates`: what a partner tells the hotline that referred a
/// case to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateMessage {
    pub referral_id: String,
    pub sent_at: String,
    /// `removed`, `reappeared` or `not_illegal` ([`crate::partner::UPDATE_STATUSES`]).
    pub status: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{AssessmentInput, Classification};
    use crate::trace::{Contact, HostingAddress};

    fn message() -> ReferralMessage {
        ReferralMessage {
            referral_id: "8a0c6f1e-2b4d-4e59-9f3a-1c2d3e4f5a6b".into(),
            sent_at: "2026-12-04T10:00:00Z".into(),
            urls: vec!["http://nl.example.com/a".into()],
            where_found: Some("chat".into()),
            reference: "BE-7".into(),
            note: None,
            assessment: None,
            trace: None,
        }
    }

    #[test]
    fn an_older_message_without_work_is_still_read() {
        let old = r#"{"referral_id":"x","sent_at":"2026-12-04T10:00:00Z","urls":["http://nl.example.com/a"],
                      "where_found":"chat","reference":"BE-7","note":null}"#;
        let m: ReferralMessage = serde_json::from_str(old).unwrap();
        assert_eq!((m.assessment, m.trace), (None, None));
        assert_eq!(message().work(), None);
    }

    #[test]
    fn a_referral_carries_the_assessment_and_the_trace_and_reads_back() {
        let assessment = Assessment::parse(AssessmentInput {
            classification: Some("baseline".into()),
            age_group: Some("infant".into()),
            gender: Some("female".into()),
            media: Some("video".into()),
            site_type: Some("forum".into()),
            commercial: Some("not_determined".into()),
            ..Default::default()
        })
        .unwrap();
        let trace = Trace {
            host: "nl.example.com".into(),
            traced_at_ms: 1_764_842_400_000,
            untraceable: None,
            cname_chain: vec!["edge.nl.example.com".into()],
            addresses: vec![HostingAddress {
                ip: "198.51.100.7".into(),
                asn: Some(64500),
                as_org: Some("Example Hosting".into()),
                country: Some("NL".into()),
                abuse: Some(Contact {
                    email: Some("abuse@hosting.example".into()),
                    ..Contact::default()
                }),
                ..HostingAddress::default()
            }],
            registrable_domain: Some("example.com".into()),
            registrar: None,
            errors: vec![],
        };
        let mut m = message();
        m.assessment = Some(assessment.clone());
        m.trace = Some(ReferralTrace::of(&trace));
        let json = serde_json::to_string(&m).unwrap();
        let back: ReferralMessage = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        let work = back.work().unwrap();
        assert_eq!(
            work.assessment.unwrap().classification,
            Classification::Baseline
        );
        assert_eq!(
            work.trace.unwrap().lines(),
            ["198.51.100.7 AS64500 Example Hosting NL (abuse@hosting.example)"]
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let with_reporter = r#"{"referral_id":"x","sent_at":"s","urls":[],"where_found":null,
            "reference":"BE-7","note":null,"description":"what the reporter wrote"}"#;
        assert!(serde_json::from_str::<ReferralMessage>(with_reporter).is_err());
    }
}
