//! Reaching partner hotlines: a signed referral to one running this software, and the
//! encryption of a referral e-mail to one that takes them by mail.

use std::time::Duration;

use hotline_domain::partner::{KEY_HEADER, PREVIOUS_SIGNATURES_HEADER, SIGNATURE_HEADER, Signed};

use crate::NetworkPolicy;

/// Why a referral could not be delivered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartnerError {
    #[error("the hotline is configured offline (network.offline = true): the referral waits")]
    Offline,
    #[error("the partner's endpoint is refused: {0}")]
    BadEndpoint(String),
    #[error("the partner could not be reached: {0}")]
    Transport(String),
    /// `body` is the partner's own text: kept for the log, never shown on case pages.
    #[error("the partner refused the referral (HTTP {status})")]
    Refused { status: u16, body: String },
    #[error("the partner's answer is not understood: {0}")]
    BadAnswer(String),
}

/// Why a referral could not be encrypted for a partner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("\"{0}\" is not an age public key (age1…): {1}")]
    BadKey(String, String),
    #[error("the referral could not be encrypted: {0}")]
    Encrypt(String),
}

/// Reads a partner's age public key (`age1…`).
pub fn encryption_key(text: &str) -> Result<age::x25519::Recipient, SealError> {
    text.trim()
        .parse()
        .map_err(|e: &str| SealError::BadKey(text.to_owned(), e.to_owned()))
}

/// Encrypts `text` to the partner's age public key, ASCII-armoured for an e-mail body; the
/// partner opens it with `age -d` (or `rage`) and its identity file.
pub fn seal_for_partner(key: &str, text: &str) -> Result<String, SealError> {
    let recipient = encryption_key(key)?;
    age::encrypt_and_armor(&recipient, text.as_bytes())
        .map_err(|e| SealError::Encrypt(e.to_string()))
}

/// Posts a signed body to `url` with the partner's bearer token; returns the answer's text.
async fn post_signed(
    policy: &NetworkPolicy,
    endpoint: &str,
    url: &str,
    token: &str,
    body: Vec<u8>,
    signed: &Signed,
) -> Result<String, PartnerError> {
    if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
        return Err(PartnerError::BadEndpoint(crate::redacted(endpoint)));
    }
    // The one address policy of every outbound target: no loopback, private, link-local or
    // reserved address, however it is spelt.
    policy
        .admit_url(url)
        .await
        .map_err(|refused| match refused {
            crate::Refused::Offline => PartnerError::Offline,
            other => PartnerError::BadEndpoint(format!("{}: {other}", crate::redacted(endpoint))),
        })?;
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .dns_resolver(crate::PolicyResolver {
            policy: policy.clone(),
        })
        .build()
        .map_err(|e| PartnerError::Transport(e.to_string()))?;
    let mut request = client
        .post(url)
        .bearer_auth(token)
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, &signed.signature)
        .header(KEY_HEADER, &signed.key);
    if let Some(previous) = signed.previous_header() {
        request = request.header(PREVIOUS_SIGNATURES_HEADER, previous);
    }
    let answer = request
        .body(body)
        .send()
        .await
        .map_err(|e| PartnerError::Transport(e.to_string()))?;
    let status = answer.status().as_u16();
    let text = answer
        .text()
        .await
        .map_err(|e| PartnerError::Transport(e.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(PartnerError::Refused {
            status,
            body: text.chars().take(500).collect(),
        });
    }
    Ok(text)
}

/// Posts `body` (already signed: `signed`) to `{endpoint}/api/v1/referrals` with the
/// partner's bearer token; returns the partner's reference for the case it opened.
pub async fn send_referral(
    policy: &NetworkPolicy,
    endpoint: &str,
    token: &str,
    body: Vec<u8>,
    signed: &Signed,
) -> Result<String, PartnerError> {
    let url = format!("{}/api/v1/referrals", endpoint.trim_end_matches('/'));
    let text = post_signed(policy, endpoint, &url, token, body, signed).await?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| PartnerError::BadAnswer(e.to_string()))?;
    v.get("reference")
        .and_then(|r| r.as_str())
        .map(|r| r.chars().take(200).collect())
        .ok_or_else(|| PartnerError::BadAnswer("no reference in the answer".into()))
}

/// Posts a signed status update about the partner's referral `referral_id` back to it.
pub async fn send_update(
    policy: &NetworkPolicy,
    endpoint: &str,
    token: &str,
    referral_id: &str,
    body: Vec<u8>,
    signed: &Signed,
) -> Result<(), PartnerError> {
    let url = format!(
        "{}/api/v1/referrals/{referral_id}/updates",
        endpoint.trim_end_matches('/')
    );
    post_signed(policy, endpoint, &url, token, body, signed)
        .await
        .map(|_| ())
}
