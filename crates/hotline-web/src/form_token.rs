//! The stateless token of the public report form.
//!
//! The form must work without cookies (anonymity), so there is no session to hold a CSRF
//! token. Instead the page carries the time it was served and an HMAC of that time under the
//! form key: a submission proves it came from a form this hotline served recently, and the
//! server remembers nothing.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use subtle::ConstantTimeEq;

use hotline_store::Keyring;

/// How long a served form stays valid: long enough to write a careful report.
pub const MAX_AGE_SECS: i64 = 12 * 60 * 60;
/// Tolerated clock difference between app servers.
const CLOCK_SKEW_SECS: i64 = 5 * 60;
const MAC_LEN: usize = 16;
const PURPOSE: &[u8] = b"public-report-form:v1:";

/// Issues a token for a form served at `now` (Unix seconds).
pub fn issue(keys: &Keyring, now: i64) -> String {
    let ts = now.to_be_bytes();
    let mac = keys.form_mac(&[PURPOSE, &ts]);
    let mut raw = Vec::with_capacity(8 + MAC_LEN);
    raw.extend_from_slice(&ts);
    raw.extend_from_slice(&mac[..MAC_LEN]);
    URL_SAFE_NO_PAD.encode(raw)
}

/// Why a token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the form token is missing")]
    Missing,
    #[error("the form token is not one this hotline issued")]
    Forged,
    #[error("the form has expired")]
    Expired,
}

/// Checks a submitted token at `now` (Unix seconds).
pub fn verify(keys: &Keyring, token: Option<&str>, now: i64) -> Result<(), TokenError> {
    let token = token
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(TokenError::Missing)?;
    let raw = URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| TokenError::Forged)?;
    if raw.len() != 8 + MAC_LEN {
        return Err(TokenError::Forged);
    }
    let (ts, mac) = raw.split_at(8);
    let expected = keys.form_mac(&[PURPOSE, ts]);
    if !bool::from(expected[..MAC_LEN].ct_eq(mac)) {
        return Err(TokenError::Forged);
    }
    let mut ts_bytes = [0u8; 8];
    ts_bytes.copy_from_slice(ts);
    let issued = i64::from_be_bytes(ts_bytes);
    if issued > now + CLOCK_SKEW_SECS || now - issued > MAX_AGE_SECS {
        return Err(TokenError::Expired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_its_own_fresh_tokens_only() {
        let k = Keyring::for_tests(1);
        let t = issue(&k, 1_000_000);
        assert_eq!(verify(&k, Some(&t), 1_000_000), Ok(()));
        assert_eq!(verify(&k, Some(&t), 1_000_000 + MAX_AGE_SECS), Ok(()));
        assert_eq!(
            verify(&k, Some(&t), 1_000_001 + MAX_AGE_SECS),
            Err(TokenError::Expired)
        );
        assert_eq!(
            verify(&k, Some(&t), 1_000_000 - 3600),
            Err(TokenError::Expired)
        );
        assert_eq!(
            verify(&Keyring::for_tests(2), Some(&t), 1_000_000),
            Err(TokenError::Forged)
        );
        assert_eq!(verify(&k, None, 0), Err(TokenError::Missing));
        assert_eq!(verify(&k, Some("not-a-token"), 0), Err(TokenError::Forged));
        let mut tampered = URL_SAFE_NO_PAD.decode(&t).unwrap();
        tampered[7] ^= 1;
        assert_eq!(
            verify(&k, Some(&URL_SAFE_NO_PAD.encode(tampered)), 1_000_000),
            Err(TokenError::Forged)
        );
    }
}
