//! The signed messages this hotline sends partner hotlines, built from the one wire
//! definition the receiving side reads too ([`hotline_domain::federation`]).

use hotline_domain::federation::{ReferralMessage, ReferralTrace, UpdateMessage};
use hotline_domain::partner::referral_reference;
use hotline_domain::trace::Trace;
use hotline_store::CaseFile;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// The referral of a case: its address, where it was found, our reference, and the work
/// done on it (the latest assessment and the trace); nothing of the reporter.
pub fn referral_message(
    file: &CaseFile,
    trace: Option<&Trace>,
    referral_id: &str,
    country: &str,
) -> ReferralMessage {
    ReferralMessage {
        referral_id: referral_id.to_owned(),
        sent_at: now_rfc3339(),
        urls: vec![file.canonical.clone()],
        where_found: file.reports.first().map(|r| r.where_found.clone()),
        reference: referral_reference(country, file.case_id),
        note: None,
        assessment: file.assessments.last().map(|a| a.assessment.clone()),
        trace: trace.map(ReferralTrace::of),
    }
}

/// [`referral_message`] as the exact bytes that are signed and sent.
pub fn referral_body(
    file: &CaseFile,
    trace: Option<&Trace>,
    referral_id: &str,
    country: &str,
) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&referral_message(file, trace, referral_id, country))
        .map_err(|e| e.to_string())
}

/// The update about a referral a partner sent us, as the exact bytes signed and sent.
pub fn update_body(referral_id: &str, status: &str) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&UpdateMessage {
        referral_id: referral_id.to_owned(),
        sent_at: now_rfc3339(),
        status: status.to_owned(),
    })
    .map_err(|e| e.to_string())
}
