//! The token of the public report form.
//!
//! The form must work without cookies (anonymity), so there is no session to hold a CSRF
//! token. Instead the page carries the time it was served, a random nonce and an HMAC of both
//! under the form key: a submission proves it came from a form this hotline served within
//! [`MAX_AGE_SECS`]. A token is spent by the first report that uses it (`crate::once`), so
//! a form cannot be replayed; the server remembers spent tokens only until they lapse.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use subtle::ConstantTimeEq;

use hotline_store::Keyring;

/// How long a served form stays valid: long enough to write a careful report (a form that
/// lapsed is shown again, with what was typed and a fresh token).
pub const MAX_AGE_SECS: i64 = 2 * 60 * 60;
const NONCE_LEN: usize = 8;
/// Tolerated clock difference between app servers.
const CLOCK_SKEW_SECS: i64 = 5 * 60;
const MAC_LEN: usize = 16;
const PURPOSE: &[u8] = b"public-report-form:v2:";

/// Issues a token for a form served at `now` (Unix seconds).
pub fn issue(keys: &Keyring, now: i64) -> String {
    let mut nonce = [0u8; NONCE_LEN];
    // Without randomness the process cannot run safely at all (keys, receipts).
    getrandom::fill(&mut nonce).expect("the operating system gives no random bytes");
    issue_with(keys, now, nonce)
}

fn issue_with(keys: &Keyring, now: i64, nonce: [u8; NONCE_LEN]) -> String {
    let ts = now.to_be_bytes();
    let mac = keys.form_mac(&[PURPOSE, &ts, &nonce]);
    let mut raw = Vec::with_capacity(8 + NONCE_LEN + MAC_LEN);
    raw.extend_from_slice(&ts);
    raw.extend_from_slice(&nonce);
    raw.extend_from_slice(&mac[..MAC_LEN]);
    URL_SAFE_NO_PAD.encode(raw)
}

/// A genuine, fresh token: what identifies it for spending, and when it lapses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// The time and nonce: one per served form.
    pub id: Vec<u8>,
    /// Unix seconds.
    pub lapses: u64,
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

/// Checks a submitted token at `now` (Unix seconds). The caller spends [`Issued::id`].
pub fn verify(keys: &Keyring, token: Option<&str>, now: i64) -> Result<Issued, TokenError> {
    let token = token
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(TokenError::Missing)?;
    let raw = URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| TokenError::Forged)?;
    if raw.len() != 8 + NONCE_LEN + MAC_LEN {
        return Err(TokenError::Forged);
    }
    let (id, mac) = raw.split_at(8 + NONCE_LEN);
    let (ts, nonce) = id.split_at(8);
    let expected = keys.form_mac(&[PURPOSE, ts, nonce]);
    if !bool::from(expected[..MAC_LEN].ct_eq(mac)) {
        return Err(TokenError::Forged);
    }
    let mut ts_bytes = [0u8; 8];
    ts_bytes.copy_from_slice(ts);
    let issued = i64::from_be_bytes(ts_bytes);
    if issued > now + CLOCK_SKEW_SECS || now - issued > MAX_AGE_SECS {
        return Err(TokenError::Expired);
    }
    Ok(Issued {
        id: id.to_vec(),
        lapses: u64::try_from(issued + MAX_AGE_SECS).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_its_own_fresh_tokens_only() {
        let k = Keyring::for_tests(1);
        let t = issue(&k, 1_000_000);
        let issued = verify(&k, Some(&t), 1_000_000).unwrap();
        assert_eq!(issued.lapses, 1_000_000 + MAX_AGE_SECS as u64);
        assert!(verify(&k, Some(&t), 1_000_000 + MAX_AGE_SECS).is_ok());
        // Two forms served in the same second are two tokens.
        let other = issue(&k, 1_000_000);
        assert_ne!(other, t);
        assert_ne!(verify(&k, Some(&other), 1_000_000).unwrap().id, issued.id);
        assert_eq!(
            issue_with(&k, 1_000_000, [1; NONCE_LEN]),
            issue_with(&k, 1_000_000, [1; NONCE_LEN])
        );
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
