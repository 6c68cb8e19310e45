//! Per-client rate limits on public intake, counted in memory only (config
//! `intake.rate_limit_per_minute`; `0` turns them off).
//!
//! A client is known only by a keyed hash of its address, with a key drawn at start and never
//! written anywhere: the limiter can tell clients apart, but neither it nor a memory dump of
//! its table names an address. `X-Forwarded-For` is believed only when the peer is one of the
//! configured `intake.trusted_proxies` (a reverse proxy in front of the hotline); from anyone
//! else it is ignored, so a client cannot dodge the limit by inventing addresses.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The intake rate limiter.
pub struct Limiter {
    hasher: RandomState,
    trusted_proxies: Vec<IpAddr>,
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
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            hasher: RandomState::new(),
            trusted_proxies,
            limiter: NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))),
            checks: AtomicU64::new(0),
        }
    }

    /// The keyed hash that stands for the client behind `peer`. Behind a trusted proxy, the
    /// client is the last address in `X-Forwarded-For` that is not itself a trusted proxy.
    pub fn key_for(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> u64 {
        let mut client = peer;
        if peer.is_some_and(|p| self.trusted_proxies.contains(&p))
            && let Some(header) = forwarded_for
        {
            for hop in header.rsplit(',') {
                match hop.trim().parse::<IpAddr>() {
                    Ok(ip) if self.trusted_proxies.contains(&ip) => continue,
                    Ok(ip) => {
                        client = Some(ip);
                        break;
                    }
                    Err(_) => break,
                }
            }
        }
        self.hasher.hash_one(client)
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
        let l = Limiter::new(3, Vec::new());
        let a = l.key_for(Some(ip("192.0.2.1")), None);
        let b = l.key_for(Some(ip("192.0.2.2")), None);
        assert_ne!(a, b);
        assert!((0..3).all(|_| l.allow(a)));
        assert!(!l.allow(a));
        assert!(l.allow(b));
    }

    #[test]
    fn zero_turns_it_off() {
        let l = Limiter::new(0, Vec::new());
        assert!((0..1000).all(|_| l.allow(1)));
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_counts_only_from_trusted_proxies() {
        let proxy = ip("127.0.0.1");
        let l = Limiter::new(3, vec![proxy, ip("198.51.100.1")]);
        let direct = |s: &str| l.key_for(Some(ip(s)), None);
        // From an untrusted peer the header is ignored: inventing addresses does not help.
        assert_eq!(
            l.key_for(Some(ip("192.0.2.9")), Some("203.0.113.1")),
            direct("192.0.2.9")
        );
        // Through the proxy, the client is the right-most untrusted hop.
        assert_eq!(
            l.key_for(Some(proxy), Some("203.0.113.1")),
            direct("203.0.113.1")
        );
        assert_eq!(
            l.key_for(Some(proxy), Some("192.0.2.66, 203.0.113.1, 198.51.100.1")),
            direct("203.0.113.1")
        );
        assert_ne!(
            l.key_for(Some(proxy), Some("203.0.113.2")),
            direct("203.0.113.1")
        );
        // Garbage in the header: fall back to the proxy itself.
        assert_eq!(
            l.key_for(Some(proxy), Some("not-an-ip")),
            direct("127.0.0.1")
        );
    }
}
