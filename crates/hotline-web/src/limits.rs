//! Per-client rate limits on public intake, counted in memory only (config
//! `intake.rate_limit_per_minute`; `0` turns them off).
//!
//! A client is known only by a keyed hash of its peer address, with a key drawn at start and
//! never written anywhere: the limiter can tell clients apart, but neither it nor a memory dump
//! of its table names an address. `X-Forwarded-For` and its kin are ignored on purpose.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The intake rate limiter.
pub struct Limiter {
    hasher: RandomState,
    limiter: Option<DefaultKeyedRateLimiter<u64>>,
    checks: AtomicU64,
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limiter")
            .field("enabled", &self.limiter.is_some())
            .finish()
    }
}

impl Limiter {
    /// `per_minute` requests per client per minute, with bursts up to the same number.
    pub fn new(per_minute: u32) -> Self {
        Self {
            hasher: RandomState::new(),
            limiter: NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))),
            checks: AtomicU64::new(0),
        }
    }

    /// The keyed hash that stands for a client.
    pub fn key_for(&self, ip: Option<IpAddr>) -> u64 {
        self.hasher.hash_one(ip)
    }

    /// Counts one request; `false` means over the limit.
    pub fn allow(&self, key: u64) -> bool {
        let Some(limiter) = &self.limiter else {
            return true;
        };
        // Forget idle clients now and then, so the table stays small.
        if self.checks.fetch_add(1, Ordering::Relaxed) % 1024 == 1023 {
            limiter.retain_recent();
        }
        limiter.check_key(&key).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_client_separately() {
        let l = Limiter::new(3);
        let a = l.key_for(Some("192.0.2.1".parse().unwrap()));
        let b = l.key_for(Some("192.0.2.2".parse().unwrap()));
        assert_ne!(a, b);
        assert!((0..3).all(|_| l.allow(a)));
        assert!(!l.allow(a));
        assert!(l.allow(b));
    }

    #[test]
    fn zero_turns_it_off() {
        let l = Limiter::new(0);
        assert!((0..1000).all(|_| l.allow(1)));
    }
}
