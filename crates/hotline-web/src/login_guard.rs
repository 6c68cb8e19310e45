//! What stands before a password is hashed at the staff login (config
//! `http.login_attempts_per_minute`): a limit per client and a limit per typed account name,
//! both counted in memory under hourly keys like the intake limiter ([`crate::limits`]), and
//! login form tokens that are accepted once. A flood of logins therefore costs at most a few
//! Argon2 runs a minute per client and per account, and the store caps how many run at once
//! (`hotline_store::staff`), so intake keeps its share of the processor.

use std::net::IpAddr;

use crate::limits::{ClientTag, Limiter};
use crate::once::{Spend, SpentOnce};

/// Login form nonces remembered at most; past it, new forms are refused until old ones lapse.
const MAX_REMEMBERED: usize = 100_000;

/// How long a login form may be used after it was shown, in seconds.
pub const FORM_LIFETIME_SECS: u64 = 30 * 60;

/// The login limits and the set of spent form nonces of one process.
pub struct LoginGuard {
    clients: Limiter,
    accounts: Limiter,
    spent: SpentOnce,
}

impl std::fmt::Debug for LoginGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginGuard")
            .field("clients", &self.clients.clients())
            .field("accounts", &self.accounts.clients())
            .finish_non_exhaustive()
    }
}

/// Why an attempt is refused before any password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many attempts from this client or for this account name this minute.
    TooMany,
    /// The form token was used before, has lapsed, or the set of spent tokens is full.
    SpentForm,
}

impl LoginGuard {
    /// `per_minute` attempts per client and per account name (bursts up to the same);
    /// `0` turns the two limits off (spent forms are still refused).
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            clients: Limiter::new(per_minute, trusted_proxies),
            accounts: Limiter::new(per_minute, Vec::new()),
            spent: SpentOnce::new(MAX_REMEMBERED),
        }
    }

    /// The client of a request, as this guard's limiter tags it.
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> ClientTag {
        self.clients.key_for(peer, forwarded_for)
    }

    /// Counts one attempt of `client` on the account `name` (as typed, lower-cased), and
    /// spends the form `nonce` issued at `issued` (Unix seconds). Both limits count, even
    /// when the first refuses, so spreading over names or clients gains nothing.
    pub fn admit(
        &self,
        client: ClientTag,
        name: &str,
        nonce: &str,
        issued: u64,
        now: u64,
    ) -> Result<(), Refusal> {
        let by_client = self.clients.allow(client);
        let by_account = self.accounts.allow(
            self.accounts
                .key_for_name(&name.trim().to_ascii_lowercase()),
        );
        if !(by_client && by_account) {
            return Err(Refusal::TooMany);
        }
        self.spend(nonce, issued, now)
    }

    /// Accepts a form nonce once, within [`FORM_LIFETIME_SECS`] of being issued.
    fn spend(&self, nonce: &str, issued: u64, now: u64) -> Result<(), Refusal> {
        let lapses = issued.saturating_add(FORM_LIFETIME_SECS);
        if issued > now.saturating_add(60) || lapses < now {
            return Err(Refusal::SpentForm);
        }
        match self.spent.spend(nonce.as_bytes(), lapses, now) {
            Spend::Fresh => Ok(()),
            // A full set refuses: better no login for a while than replayable forms.
            Spend::Replayed | Spend::Full => Err(Refusal::SpentForm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_spent_once_and_lapses() {
        let g = LoginGuard::new(0, Vec::new());
        let c = g.client(None, None);
        assert_eq!(g.admit(c, "ann", "n1", 1000, 1000), Ok(()));
        assert_eq!(g.admit(c, "ann", "n1", 1000, 1001), Err(Refusal::SpentForm));
        assert_eq!(
            g.admit(c, "ann", "n2", 1000, 1000 + FORM_LIFETIME_SECS + 1),
            Err(Refusal::SpentForm)
        );
        assert_eq!(g.admit(c, "ann", "n3", 5000, 1000), Err(Refusal::SpentForm));
    }

    #[test]
    fn attempts_are_limited_per_client_and_per_account() {
        let g = LoginGuard::new(3, Vec::new());
        let a = g.client(Some("192.0.2.1".parse().unwrap()), None);
        let b = g.client(Some("192.0.2.2".parse().unwrap()), None);
        for i in 0..3 {
            assert_eq!(g.admit(a, "ann", &format!("a{i}"), 10, 10), Ok(()));
        }
        // The fourth from this client, whatever the name.
        assert_eq!(g.admit(a, "bob", "a3", 10, 10), Err(Refusal::TooMany));
        // Another client on the same account, also spent ("Ann" is "ann").
        assert_eq!(g.admit(b, " Ann ", "b0", 10, 10), Err(Refusal::TooMany));
        // Another client and another account: free.
        assert_eq!(g.admit(b, "carl", "b1", 10, 10), Ok(()));
    }
}
