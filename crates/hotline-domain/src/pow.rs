//! An optional proof of work for API clients (`http.api_pow_bits`): before posting a report, a
//! client finds a nonce such that SHA-256 of `"{minute}:{nonce}:" + body` starts with the
//! configured number of zero bits, where `minute` is the current Unix minute. It costs a
//! flood of scripted reports CPU time and costs a single reporter a moment; it asks for no
//! identity. The minute may be off by at most [`MAX_SKEW_MINUTES`].

use sha2::{Digest, Sha256};

/// How far the client's minute may be from ours.
pub const MAX_SKEW_MINUTES: i64 = 2;

/// Why a proof is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PowError {
    #[error("send X-Hotline-Pow: MINUTE:NONCE (see the API documentation)")]
    Missing,
    #[error(
        "X-Hotline-Pow must be MINUTE:NONCE with a Unix minute and a nonce of at most 64 characters"
    )]
    Malformed,
    #[error("the proof of work is for another minute; compute a fresh one")]
    Stale,
    #[error("the proof of work does not have {0} leading zero bits")]
    TooWeak(u8),
}

fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut n = 0;
    for b in hash {
        if *b == 0 {
            n += 8;
        } else {
            return n + b.leading_zeros();
        }
    }
    n
}

fn digest(minute: i64, nonce: &str, body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(format!("{minute}:{nonce}:").as_bytes());
    h.update(body);
    h.finalize().into()
}

/// Checks the header value `proof` (`MINUTE:NONCE`) for `body` at `now_minute`.
pub fn check(bits: u8, proof: Option<&str>, body: &[u8], now_minute: i64) -> Result<(), PowError> {
    if bits == 0 {
        return Ok(());
    }
    let proof = proof.ok_or(PowError::Missing)?;
    let (minute, nonce) = proof.trim().split_once(':').ok_or(PowError::Malformed)?;
    let minute: i64 = minute.parse().map_err(|_| PowError::Malformed)?;
    if nonce.is_empty() || nonce.len() > 64 || nonce.contains(':') {
        return Err(PowError::Malformed);
    }
    if (now_minute - minute).abs() > MAX_SKEW_MINUTES {
        return Err(PowError::Stale);
    }
    if leading_zero_bits(&digest(minute, nonce, body)) < u32::from(bits) {
        return Err(PowError::TooWeak(bits));
    }
    Ok(())
}

/// Finds a proof for `body` at `minute` (what a client does; tests use it too).
pub fn solve(bits: u8, body: &[u8], minute: i64) -> String {
    let mut nonce: u64 = 0;
    loop {
        let text = nonce.to_string();
        if leading_zero_bits(&digest(minute, &text, body)) >= u32::from(bits) {
            return format!("{minute}:{text}");
        }
        nonce += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_solved_proof_passes_and_others_do_not() {
        let body = br#"{"urls":["example.com"]}"#;
        let proof = solve(12, body, 29_000_000);
        assert_eq!(check(12, Some(&proof), body, 29_000_001), Ok(()));
        assert_eq!(check(0, None, body, 0), Ok(()), "off");
        assert_eq!(check(12, None, body, 29_000_000), Err(PowError::Missing));
        assert_eq!(
            check(12, Some("x"), body, 29_000_000),
            Err(PowError::Malformed)
        );
        assert_eq!(
            check(12, Some(&proof), body, 29_000_010),
            Err(PowError::Stale)
        );
        assert_eq!(
            check(12, Some(&proof), b"another body", 29_000_000),
            Err(PowError::TooWeak(12)),
        );
    }
}
