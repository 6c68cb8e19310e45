//! Per-client rate limits on public intake, counted in memory only (config
//! `intake.rate_limit_per_minute`; `0` turns them off).
//!
//! A client is known only by `HMAC-SHA256(hour_key, address)`, cut to 128 bits. The hour key
//! is drawn at random in memory and never written anywhere; every hour it is replaced and the
//! whole table of counters is dropped with it. So the limiter can tell this hour's clients
//! apart, but neither it nor a memory dump of its table names an address, and nothing links a
//! client across hours. `X-Forwarded-For` is believed only when the peer is one of the
//! configured `intake.trusted_proxies` (a reverse proxy in front of the hotline); from anyone
//! else it is ignored, so a client cannot dodge the limit by inventing addresses.
//!
//! Counting is GCRA (a token bucket): `n` per minute, with bursts up to `n`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// How long one hour key (and its table) lives.
pub const KEY_LIFETIME: Duration = Duration::from_secs(3600);

/// Forget idle clients after this many checks, so the table stays small within an hour.
const PRUNE_EVERY: u64 = 1024;

/// A client as the limiter knows it: a keyed hash under one hour key, and which hour key.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientTag {
    generation: u64,
    tag: [u8; 16],
}

impl std::fmt::Debug for ClientTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClientTag({}:", self.generation)?;
        for b in self.tag {
            write!(f, "{b:02x}")?;
        }
        write!(f, ")")
    }
}

/// One hour's key and the counters made under it.
struct Generation {
    number: u64,
    started: Duration,
    mac: Hmac<Sha256>,
    /// Tag → theoretical arrival time (GCRA), as time since the limiter's start.
    table: Mutex<HashMap<[u8; 16], Duration>>,
    checks: std::sync::atomic::AtomicU64,
}

impl Generation {
    fn new(number: u64, started: Duration) -> Self {
        let mut key = [0u8; 32];
        // Without randomness the process cannot run safely at all (keys, receipts).
        getrandom::fill(&mut key).expect("the operating system gives no random bytes");
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).expect("HMAC takes any key");
        key.fill(0);
        Self {
            number,
            started,
            mac,
            table: Mutex::new(HashMap::new()),
            checks: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

/// The intake rate limiter.
pub struct Limiter {
    trusted_proxies: Vec<IpAddr>,
    /// Time between two requests at the steady rate; `None` = no limit.
    interval: Option<Duration>,
    burst: u32,
    origin: Instant,
    current: RwLock<std::sync::Arc<Generation>>,
}

/// Shows how many clients are counted and their tags, never an address (there is none).
impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let generation = self.generation();
        let table = generation.table.lock().unwrap_or_else(|e| e.into_inner());
        let tags: Vec<ClientTag> = table
            .keys()
            .map(|tag| ClientTag {
                generation: generation.number,
                tag: *tag,
            })
            .collect();
        f.debug_struct("Limiter")
            .field("enabled", &self.interval.is_some())
            .field("generation", &generation.number)
            .field("clients", &tags)
            .finish()
    }
}

impl Limiter {
    /// `per_minute` requests per client per minute, with bursts up to the same number.
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            trusted_proxies,
            interval: (per_minute > 0).then(|| Duration::from_secs(60) / per_minute),
            burst: per_minute,
            origin: Instant::now(),
            current: RwLock::new(std::sync::Arc::new(Generation::new(0, Duration::ZERO))),
        }
    }

    fn now(&self) -> Duration {
        self.origin.elapsed()
    }

    fn generation(&self) -> std::sync::Arc<Generation> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The current hour key, replaced (with an empty table) once it is an hour old.
    fn generation_at(&self, now: Duration) -> std::sync::Arc<Generation> {
        let current = self.generation();
        if now.saturating_sub(current.started) < KEY_LIFETIME {
            return current;
        }
        let mut slot = self.current.write().unwrap_or_else(|e| e.into_inner());
        if now.saturating_sub(slot.started) >= KEY_LIFETIME {
            // The old key and every counter made under it are dropped here.
            *slot = std::sync::Arc::new(Generation::new(slot.number + 1, now));
        }
        slot.clone()
    }

    /// The client behind `peer`, as a keyed hash. Behind a trusted proxy, the client is the
    /// last address in `X-Forwarded-For` that is not itself a trusted proxy.
    pub fn key_for(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> ClientTag {
        self.key_for_at(self.client(peer, forwarded_for), self.now())
    }

    fn client(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> Option<IpAddr> {
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
        client
    }

    fn key_for_at(&self, client: Option<IpAddr>, now: Duration) -> ClientTag {
        let generation = self.generation_at(now);
        let mut mac = generation.mac.clone();
        // IPv4 as its IPv6-mapped form, so one address has one tag however it arrived. An
        // IPv6 client is its /64: one subscriber usually holds a whole /64 and could
        // otherwise take a fresh address for every request.
        let bytes = match client.map(|c| c.to_canonical()) {
            Some(IpAddr::V4(v4)) => v4.to_ipv6_mapped().octets(),
            Some(IpAddr::V6(v6)) => {
                let mut octets = v6.octets();
                octets[8..].fill(0);
                octets
            }
            // No peer address (not served with connect info): one shared client.
            None => [0xff; 16],
        };
        mac.update(&bytes);
        let full = mac.finalize().into_bytes();
        let mut tag = [0u8; 16];
        tag.copy_from_slice(&full[..16]);
        ClientTag {
            generation: generation.number,
            tag,
        }
    }

    /// A name (a login's typed account name) as a keyed hash under the same hour key, for a
    /// limiter that counts names rather than clients.
    pub fn key_for_name(&self, name: &str) -> ClientTag {
        let generation = self.generation_at(self.now());
        let mut mac = generation.mac.clone();
        mac.update(b"name:");
        mac.update(name.as_bytes());
        let full = mac.finalize().into_bytes();
        let mut tag = [0u8; 16];
        tag.copy_from_slice(&full[..16]);
        ClientTag {
            generation: generation.number,
            tag,
        }
    }

    /// Counts one request; `false` means over the limit.
    pub fn allow(&self, key: ClientTag) -> bool {
        self.allow_at(key, self.now())
    }

    fn allow_at(&self, key: ClientTag, now: Duration) -> bool {
        let Some(interval) = self.interval else {
            return true;
        };
        let generation = self.generation_at(now);
        if key.generation != generation.number {
            // Tagged under the previous hour key an instant before it was replaced: let this
            // one request through rather than keep an old tag in the new table.
            return true;
        }
        let tolerance = interval * self.burst.saturating_sub(1);
        let mut table = generation.table.lock().unwrap_or_else(|e| e.into_inner());
        let checks = generation
            .checks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if checks % PRUNE_EVERY == PRUNE_EVERY - 1 {
            // A client whose arrival time has passed is as good as new.
            table.retain(|_, tat| *tat > now);
        }
        let tat = table.get(&key.tag).copied().unwrap_or(now).max(now);
        if tat > now + tolerance {
            return false;
        }
        table.insert(key.tag, tat + interval);
        true
    }

    /// How many clients this hour's table counts.
    pub fn clients(&self) -> usize {
        self.generation()
            .table
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

/// The global intake limit (config `intake.global_rate_limit_per_minute`; `0` turns it off):
/// reports per minute for all app servers on one database together. Each server reserves
/// budget in the database in chunks and spends it from memory, so most reports cost no
/// database write here. Budget a server reserved but did not spend lapses with its minute, so
/// the servers together never take more than the limit (they may take a little less).
#[derive(Debug)]
pub struct GlobalLimit {
    limit: u32,
    chunk: u32,
    local: tokio::sync::Mutex<Window>,
    /// Reservations asked of the database (each one upsert).
    reservations: std::sync::atomic::AtomicU64,
}

/// This server's share of one minute window.
#[derive(Debug)]
struct Window {
    minute: i64,
    /// Reports left of this server's reservations.
    left: u32,
    /// The database granted less than asked: the window is spent for every server (unspent
    /// budget is never handed back), so refuse without asking again until the next minute.
    spent: bool,
}

/// Over the global limit: try again in this many seconds (the start of the next window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    pub retry_after_secs: u32,
}

impl GlobalLimit {
    /// The largest chunk a server reserves at once.
    pub const MAX_CHUNK: u32 = 50;

    pub fn new(per_minute: u32) -> Self {
        Self {
            limit: per_minute,
            // A twentieth of the limit, so budget stranded on idle servers stays small.
            chunk: (per_minute / 20).clamp(1, Self::MAX_CHUNK),
            local: tokio::sync::Mutex::new(Window {
                minute: i64::MIN,
                left: 0,
                spent: false,
            }),
            reservations: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Takes one report from the budget at `unix_secs`.
    pub async fn take(
        &self,
        store: &hotline_store::Store,
        unix_secs: i64,
    ) -> Result<Result<(), Busy>, hotline_store::StoreError> {
        if self.limit == 0 {
            return Ok(Ok(()));
        }
        let minute = unix_secs.div_euclid(60);
        let busy = Busy {
            retry_after_secs: u32::try_from(60 - unix_secs.rem_euclid(60)).unwrap_or(60),
        };
        // Held across the reservation: one request reserves while the others wait for it.
        let mut local = self.local.lock().await;
        if local.minute != minute {
            *local = Window {
                minute,
                left: 0,
                spent: false,
            };
        }
        if local.left == 0 && !local.spent {
            self.reservations
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let granted = store
                .reserve_intake_budget(minute, self.chunk, self.limit)
                .await?;
            local.left = granted;
            local.spent = granted < self.chunk;
        }
        if local.left == 0 {
            // A flood past the limit is refused from memory: no database work.
            return Ok(Err(busy));
        }
        local.left -= 1;
        Ok(Ok(()))
    }

    /// How many reservations this server has asked of the database.
    pub fn reservations(&self) -> u64 {
        self.reservations.load(std::sync::atomic::Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn at(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

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
    fn the_steady_rate_comes_back_after_a_burst() {
        let l = Limiter::new(6, Vec::new());
        let a = l.key_for_at(Some(ip("192.0.2.1")), at(0));
        assert!((0..6).all(|_| l.allow_at(a, at(0))));
        assert!(!l.allow_at(a, at(0)));
        // One more every ten seconds.
        assert!(!l.allow_at(a, at(9)));
        assert!(l.allow_at(a, at(10)));
        assert!(!l.allow_at(a, at(10)));
    }

    #[test]
    fn zero_turns_it_off() {
        let l = Limiter::new(0, Vec::new());
        let a = l.key_for(Some(ip("192.0.2.1")), None);
        assert!((0..1000).all(|_| l.allow(a)));
        assert_eq!(l.clients(), 0);
    }

    #[test]
    fn the_same_address_in_the_same_hour_is_counted_together() {
        let l = Limiter::new(2, Vec::new());
        let first = l.key_for_at(Some(ip("203.0.113.7")), at(10));
        let again = l.key_for_at(Some(ip("203.0.113.7")), at(3000));
        assert_eq!(first, again);
        // The IPv4-mapped IPv6 form is the same client.
        assert_eq!(first, l.key_for_at(Some(ip("::ffff:203.0.113.7")), at(20)));
        assert!(l.allow_at(first, at(3000)));
        assert!(l.allow_at(again, at(3000)));
        assert!(!l.allow_at(first, at(3000)));
        assert_eq!(l.clients(), 1);
    }

    #[test]
    fn after_an_hour_the_key_changes_and_no_old_counter_is_kept() {
        let l = Limiter::new(1, Vec::new());
        let addresses = ["192.0.2.1", "198.51.100.2", "2001:db8::3"];
        let old: Vec<ClientTag> = addresses
            .iter()
            .map(|a| l.key_for_at(Some(ip(a)), at(5)))
            .collect();
        for tag in &old {
            assert!(l.allow_at(*tag, at(5)));
            assert!(!l.allow_at(*tag, at(5)));
        }
        assert_eq!(l.clients(), 3);

        // An hour later: a new key, so the same address has another tag…
        let later = at(5) + KEY_LIFETIME;
        let new = l.key_for_at(Some(ip("192.0.2.1")), later);
        assert_ne!(new.tag, old[0].tag);
        // …and the table holds none of the previous hour's tags.
        assert_eq!(l.clients(), 0);
        let shown = format!("{l:?}");
        for tag in &old {
            let hex: String = tag.tag.iter().map(|b| format!("{b:02x}")).collect();
            assert!(!shown.contains(&hex), "{shown}");
        }
        // An old tag still in flight passes once and is not stored.
        assert!(l.allow_at(old[1], later));
        assert_eq!(l.clients(), 0);
        assert!(l.allow_at(new, later));
        assert!(!l.allow_at(new, later));
        assert_eq!(l.clients(), 1);
    }

    #[test]
    fn the_limiter_holds_no_address() {
        let l = Limiter::new(5, Vec::new());
        let addresses = ["192.0.2.44", "203.0.113.200", "2001:db8::beef"];
        for a in addresses {
            let tag = l.key_for(Some(ip(a)), None);
            assert!(l.allow(tag));
            // The tag itself shows no address either.
            let shown = format!("{tag:?}");
            assert!(!shown.contains(a), "{shown}");
        }
        assert_eq!(l.clients(), 3);
        let shown = format!("{l:?}");
        assert!(shown.contains("clients"), "{shown}");
        for a in addresses {
            let parsed = ip(a);
            let octets: Vec<u8> = match parsed {
                IpAddr::V4(v4) => v4.octets().to_vec(),
                IpAddr::V6(v6) => v6.octets().to_vec(),
            };
            let hex: String = octets.iter().map(|b| format!("{b:02x}")).collect();
            let decimal: String = octets.iter().map(|b| format!("{b}, ")).collect();
            assert!(!shown.contains(a), "{shown}");
            assert!(!shown.contains(&hex), "{shown}");
            assert!(!shown.contains(decimal.trim_end_matches(", ")), "{shown}");
        }
        // The table's keys are exactly the HMAC tags, not the addresses.
        let table = l.generation().table.lock().unwrap().clone();
        for key in table.keys() {
            for a in addresses {
                let mapped = match ip(a) {
                    IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
                    IpAddr::V6(v6) => v6.octets(),
                };
                assert_ne!(key, &mapped);
                assert!(
                    !key.windows(4)
                        .any(|w| mapped.windows(4).filter(|m| m != &[0; 4]).any(|m| m == w)),
                    "a tag shares four bytes with {a}"
                );
            }
        }
    }

    #[tokio::test]
    async fn the_global_limit_reserves_in_chunks_and_refuses_a_flood_from_memory() {
        let db = hotline_store::testing::TestDatabase::sqlite();
        let keys = std::sync::Arc::new(hotline_store::Keyring::for_tests(1));
        let store = hotline_store::Store::open(&db.url, keys).await.unwrap();
        store.migrate().await.unwrap();
        let minute_start = 1_800_000_000 / 60 * 60;
        // 100 a minute: chunks of 5, so 20 reservations for the whole budget.
        let global = GlobalLimit::new(100);
        for i in 0..100 {
            assert_eq!(
                global.take(&store, minute_start + 1).await.unwrap(),
                Ok(()),
                "{i}"
            );
        }
        assert_eq!(global.reservations(), 20);
        for _ in 0..1000 {
            assert_eq!(
                global.take(&store, minute_start + 15).await.unwrap(),
                Err(Busy {
                    retry_after_secs: 45
                })
            );
        }
        // One more reservation found the window spent; the flood after it cost nothing.
        assert_eq!(global.reservations(), 21);
        // The next minute has a new budget.
        assert_eq!(
            global.take(&store, minute_start + 60).await.unwrap(),
            Ok(())
        );
        assert_eq!(global.reservations(), 22);
        // Off: no reservations at all.
        let off = GlobalLimit::new(0);
        assert_eq!(off.take(&store, minute_start).await.unwrap(), Ok(()));
        assert_eq!(off.reservations(), 0);
        store.close().await;
        db.remove().await;
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        let l = Limiter::new(1, Vec::new());
        let key = |s: &str| l.key_for(Some(ip(s)), None);
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:1:2:3"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert!(l.allow(key("2001:db8:1:2::1")));
        assert!(
            !l.allow(key("2001:db8:1:2::99")),
            "a fresh address of the same /64"
        );
        // IPv4 and its mapped form are still one client, and two IPv4 addresses two.
        assert_eq!(key("192.0.2.1"), key("::ffff:192.0.2.1"));
        assert_ne!(key("192.0.2.1"), key("192.0.2.2"));
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
