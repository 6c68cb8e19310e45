//! Things a client may use once: login forms, report form tokens, proofs of work. Each is
//! remembered in memory, in this process, until it would have lapsed anyway; a replay within
//! that time is refused. Several app servers each keep their own set (see THREAT-MODEL).

use std::collections::HashMap;
use std::sync::Mutex;

/// A set of spent tokens, each kept until the Unix second it lapses.
#[derive(Debug)]
pub struct SpentOnce {
    spent: Mutex<HashMap<Vec<u8>, u64>>,
    capacity: usize,
}

/// What [`SpentOnce::spend`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    /// First use: now spent.
    Fresh,
    /// Used before.
    Replayed,
    /// The set is full of tokens that have not lapsed: the caller decides (a login refuses,
    /// a report is taken rather than lost).
    Full,
}

impl SpentOnce {
    pub fn new(capacity: usize) -> Self {
        Self {
            spent: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// Spends `token`, which lapses at `lapses` (Unix seconds); `now` is the time now.
    pub fn spend(&self, token: &[u8], lapses: u64, now: u64) -> Spend {
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        if spent.get(token).is_some_and(|until| *until >= now) {
            return Spend::Replayed;
        }
        if spent.len() >= self.capacity {
            spent.retain(|_, until| *until >= now);
            if spent.len() >= self.capacity {
                return Spend::Full;
            }
        }
        spent.insert(token.to_vec(), lapses);
        Spend::Fresh
    }

    /// Tokens remembered now.
    pub fn len(&self) -> usize {
        self.spent.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_spent_once_and_forgotten_when_it_lapses() {
        let s = SpentOnce::new(2);
        assert_eq!(s.spend(b"a", 100, 10), Spend::Fresh);
        assert_eq!(s.spend(b"a", 100, 50), Spend::Replayed);
        assert_eq!(s.spend(b"b", 20, 10), Spend::Fresh);
        assert_eq!(s.spend(b"c", 100, 10), Spend::Full);
        // Once "b" has lapsed its place is free again.
        assert_eq!(s.spend(b"c", 100, 30), Spend::Fresh);
        assert_eq!(s.len(), 2);
    }
}
