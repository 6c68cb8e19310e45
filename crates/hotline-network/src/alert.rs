//! Urgent alerts to the people on call: a web hook that receives a small JSON message. The
//! message names case numbers and links to the staff pages, never an address or a
//! description: whatever relays it (a chat service, a pager) learns nothing of the report.

use std::time::Duration;

use crate::NetworkPolicy;

/// Why a web hook could not be called.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HookError {
    #[error("the hotline is configured offline (network.offline = true): the alert waits")]
    Offline,
    /// Names the hook by scheme and host only: its path often holds a secret.
    #[error("the web hook {0} is refused")]
    BadUrl(String),
    #[error("the web hook could not be reached: {0}")]
    Transport(String),
    #[error("the web hook answered {0}")]
    Refused(u16),
}

/// Posts `body` (JSON) to the web hook at `url`. Redirects are not followed.
pub async fn post_hook(
    policy: &NetworkPolicy,
    url: &str,
    body: &serde_json::Value,
) -> Result<(), HookError> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(HookError::BadUrl(crate::redacted(url)));
    }
    policy
        .admit_url(url)
        .await
        .map_err(|refused| match refused {
            crate::Refused::Offline => HookError::Offline,
            other => HookError::BadUrl(format!("{}: {other}", crate::redacted(url))),
        })?;
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(20))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .dns_resolver(crate::PolicyResolver {
            policy: policy.clone(),
        })
        .build()
        .map_err(|e| HookError::Transport(e.to_string()))?;
    let answer = client
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        // reqwest's error names the URL; the hook's path and query may be its secret.
        .map_err(|e| HookError::Transport(e.without_url().to_string()))?;
    let status = answer.status().as_u16();
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(HookError::Refused(status))
    }
}
