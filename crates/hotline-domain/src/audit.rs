//! The audit trail: who did what, when, to which object (docs/SPEC.md §2, audit event).
//!
//! Append-only and hash-chained: each event's hash covers its contents and the previous
//! event's hash, so editing, removing or reordering stored events is detected by
//! [`verify_chain`]. The head (last seq and hash), kept apart from the events, also
//! catches removal of the newest events. The caller supplies the time; storage is elsewhere.
//!
//! The hash is keyed: HMAC-SHA256 under an audit key kept outside the database (derived from
//! `keys.json`), so whoever can write the database cannot rewrite the chain so that it still
//! verifies. Events written before keying (plain SHA-256, `keyed = false`) may only form the
//! start of a chain, and a chain must end with a keyed event: the first keyed event covers
//! the last unkeyed one's hash, so the unkeyed start cannot be rewritten either. Against a
//! key holder, the chain head printed by `hotline audit head` and kept elsewhere is the
//! anchor: a rewrite changes every later hash.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: [u8; 32] = [0; 32];

/// Domain-separation tag: changing the encoding means changing the tag.
const TAG: &[u8] = b"hotline-audit-v1";
/// The tag of keyed events.
const KEYED_TAG: &[u8] = b"hotline-audit-v2-keyed";

/// The key of the chain's HMAC (never stored in the database).
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl AuditKey {
    pub fn new(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

/// One event of the trail, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// 1 for the first event, then one more for each event, without gaps.
    pub seq: i64,
    /// When it happened, in milliseconds since the Unix epoch.
    pub at_ms: i64,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub details: String,
    pub prev_hash: [u8; 32],
    pub hash: [u8; 32],
    /// Hashed with the audit key ([`keyed_event_hash`]); `false` only for events written
    /// before the chain was keyed ([`event_hash`]).
    pub keyed: bool,
}

/// Feeds the canonical encoding (after the tag) to `update`.
fn encode(
    update: &mut dyn FnMut(&[u8]),
    seq: i64,
    at_ms: i64,
    fields: [&str; 4],
    prev_hash: &[u8; 32],
) {
    update(&seq.to_be_bytes());
    update(&at_ms.to_be_bytes());
    for field in fields {
        // usize always fits in u64 on supported targets.
        update(&(field.len() as u64).to_be_bytes());
        update(field.as_bytes());
    }
    update(prev_hash);
}

/// HMAC-SHA256 under `key` of the tag b"hotline-audit-v2-keyed" and the same encoding as
/// [`event_hash`].
#[allow(clippy::too_many_arguments)]
pub fn keyed_event_hash(
    key: &AuditKey,
    seq: i64,
    at_ms: i64,
    actor: &str,
    action: &str,
    object: &str,
    details: &str,
    prev_hash: &[u8; 32],
) -> [u8; 32] {
    // HMAC takes any key length.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key.0).expect("HMAC takes any key");
    mac.update(KEYED_TAG);
    encode(
        &mut |b| mac.update(b),
        seq,
        at_ms,
        [actor, action, object, details],
        prev_hash,
    );
    mac.finalize().into_bytes().into()
}

/// SHA-256 over a canonical encoding: the tag b"hotline-audit-v1", then seq and at_ms as
/// 8-byte big-endian i64, then actor, action, object, details each as 8-byte big-endian
/// length + UTF-8 bytes, then prev_hash. Length prefixes make the encoding unambiguous.
pub fn event_hash(
    seq: i64,
    at_ms: i64,
    actor: &str,
    action: &str,
    object: &str,
    details: &str,
    prev_hash: &[u8; 32],
) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(TAG);
    encode(
        &mut |b| h.update(b),
        seq,
        at_ms,
        [actor, action, object, details],
        prev_hash,
    );
    h.finalize().into()
}

impl AuditEvent {
    /// Builds the next event after (prev_seq, prev_hash), keyed.
    #[allow(clippy::too_many_arguments)]
    pub fn next(
        key: &AuditKey,
        prev_seq: i64,
        prev_hash: [u8; 32],
        at_ms: i64,
        actor: &str,
        action: &str,
        object: &str,
        details: &str,
    ) -> AuditEvent {
        // Saturating: a repeated seq at i64::MAX is refused by verification, not a panic.
        let seq = prev_seq.saturating_add(1);
        AuditEvent {
            seq,
            at_ms,
            actor: actor.to_owned(),
            action: action.to_owned(),
            object: object.to_owned(),
            details: details.to_owned(),
            prev_hash,
            hash: keyed_event_hash(key, seq, at_ms, actor, action, object, details, &prev_hash),
            keyed: true,
        }
    }

    /// The hash this event's contents call for.
    fn expected_hash(&self, key: &AuditKey) -> [u8; 32] {
        if self.keyed {
            keyed_event_hash(
                key,
                self.seq,
                self.at_ms,
                &self.actor,
                &self.action,
                &self.object,
                &self.details,
                &self.prev_hash,
            )
        } else {
            event_hash(
                self.seq,
                self.at_ms,
                &self.actor,
                &self.action,
                &self.object,
                &self.details,
                &self.prev_hash,
            )
        }
    }
}

/// Where and how the stored trail differs from what was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("event {seq} was edited: its contents no longer match its hash")]
    Edited { seq: i64 },
    #[error("event {expected} is missing (the next one found is {found})")]
    Missing { expected: i64, found: i64 },
    #[error(
        "event {seq} does not follow event {}: events were removed or reordered",
        .seq.saturating_sub(1)
    )]
    BrokenLink { seq: i64 },
    #[error(
        "the chain ends at event {last} but the head says {head}: events at the end were removed"
    )]
    Truncated { last: i64, head: i64 },
    #[error(
        "event {seq} is not keyed, yet keyed events precede it or none follow: the chain was rewritten without the audit key"
    )]
    Unkeyed { seq: i64 },
}

/// Walks events in seq order (as stored), starting at seq 1 with GENESIS_HASH; returns the
/// number of events. `head` is the (seq, hash) recorded separately as the chain's end, if
/// any: it catches removal of the last events. Keyed events are checked under `key`; a wrong
/// key shows as the first keyed event being edited.
pub fn verify_chain(
    key: &AuditKey,
    events: impl IntoIterator<Item = AuditEvent>,
    head: Option<(i64, [u8; 32])>,
) -> Result<u64, ChainBreak> {
    verify_chain_from(key, (0, GENESIS_HASH), events, head)
}

/// As [`verify_chain`], for a chain whose events up to `anchor`'s sequence number were purged
/// by retention: the first event must follow the anchor (its sequence number and hash).
pub fn verify_chain_from(
    key: &AuditKey,
    anchor: (i64, [u8; 32]),
    events: impl IntoIterator<Item = AuditEvent>,
    head: Option<(i64, [u8; 32])>,
) -> Result<u64, ChainBreak> {
    let (mut last_seq, mut last_hash) = anchor;
    let mut count: u64 = 0;
    let mut last_keyed = true;
    let mut seen_keyed = false;
    for event in events {
        if seen_keyed && !event.keyed {
            return Err(ChainBreak::Unkeyed { seq: event.seq });
        }
        seen_keyed |= event.keyed;
        last_keyed = event.keyed;
        let expected = last_seq.saturating_add(1);
        if event.seq > expected {
            return Err(ChainBreak::Missing {
                expected,
                found: event.seq,
            });
        }
        if event.seq < expected {
            return Err(ChainBreak::BrokenLink { seq: event.seq });
        }
        if event.expected_hash(key) != event.hash {
            return Err(ChainBreak::Edited { seq: event.seq });
        }
        if event.prev_hash != last_hash {
            return Err(ChainBreak::BrokenLink { seq: event.seq });
        }
        last_seq = event.seq;
        last_hash = event.hash;
        count += 1;
    }
    if let Some((head_seq, head_hash)) = head {
        if head_seq != last_seq {
            return Err(ChainBreak::Truncated {
                last: last_seq,
                head: head_seq,
            });
        }
        if head_hash != last_hash {
            return Err(ChainBreak::Edited { seq: last_seq });
        }
    }
    if !last_keyed {
        return Err(ChainBreak::Unkeyed { seq: last_seq });
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KEY: AuditKey = AuditKey([9; 32]);

    /// An event as written before the chain was keyed.
    fn unkeyed(prev: Option<&AuditEvent>, action: &str) -> AuditEvent {
        let (seq, prev_hash) = prev.map_or((0, GENESIS_HASH), |e| (e.seq, e.hash));
        let seq = seq + 1;
        AuditEvent {
            seq,
            at_ms: 1_600_000_000_000 + seq,
            actor: "old".into(),
            action: action.into(),
            object: "case:1".into(),
            details: String::new(),
            prev_hash,
            hash: event_hash(
                seq,
                1_600_000_000_000 + seq,
                "old",
                action,
                "case:1",
                "",
                &prev_hash,
            ),
            keyed: false,
        }
    }

    #[test]
    fn an_unkeyed_start_passes_only_when_keyed_events_follow() {
        let mut events = vec![unkeyed(None, "a")];
        events.push(unkeyed(events.last(), "b"));
        // Nothing keyed after: whoever wrote it had no key.
        assert_eq!(
            verify_chain(&KEY, events.clone(), None),
            Err(ChainBreak::Unkeyed { seq: 2 })
        );
        let last = events.last().cloned().unwrap();
        events.push(AuditEvent::next(
            &KEY,
            last.seq,
            last.hash,
            0,
            "system",
            "audit.keyed",
            "audit",
            "",
        ));
        assert_eq!(verify_chain(&KEY, events.clone(), head(&events)), Ok(3));
        // The keyed event covers the unkeyed start: rewriting it, rehashed, breaks the link.
        let mut rewritten = events.clone();
        rewritten[1].action = "nothing happened".into();
        rewritten[1].hash = rewritten[1].expected_hash(&KEY);
        assert_eq!(
            verify_chain(&KEY, rewritten, head(&events)),
            Err(ChainBreak::BrokenLink { seq: 3 })
        );
        // Another key file: the keyed event does not verify.
        assert_eq!(
            verify_chain(&AuditKey([1; 32]), events, None),
            Err(ChainBreak::Edited { seq: 3 })
        );
    }

    #[test]
    fn a_chain_rewritten_without_the_key_fails_even_with_its_head() {
        let events = chain(5);
        // Whoever writes the database but has no key turns every event into an unkeyed one,
        // edits one, rehashes the lot and sets the head.
        let mut forged: Vec<AuditEvent> = Vec::new();
        for e in &events {
            let prev_hash = forged.last().map_or(GENESIS_HASH, |p| p.hash);
            let details = if e.seq == 3 {
                "edited".to_owned()
            } else {
                e.details.clone()
            };
            let hash = event_hash(
                e.seq, e.at_ms, &e.actor, &e.action, &e.object, &details, &prev_hash,
            );
            forged.push(AuditEvent {
                details,
                prev_hash,
                hash,
                keyed: false,
                ..e.clone()
            });
        }
        let h = head(&forged);
        assert_eq!(
            verify_chain(&KEY, forged, h),
            Err(ChainBreak::Unkeyed { seq: 5 })
        );
        // Turning the later ones unkeyed behind keyed ones does not pass either.
        let mut mixed = events.clone();
        mixed[3].keyed = false;
        assert_eq!(
            verify_chain(&KEY, mixed, None),
            Err(ChainBreak::Unkeyed { seq: 4 })
        );
    }

    fn chain(n: i64) -> Vec<AuditEvent> {
        let mut out: Vec<AuditEvent> = Vec::new();
        for i in 1..=n {
            let (seq, hash) = out.last().map_or((0, GENESIS_HASH), |e| (e.seq, e.hash));
            out.push(AuditEvent::next(
                &KEY,
                seq,
                hash,
                1_700_000_000_000 + i * 1000,
                &format!("analyst{}", i % 3),
                if i % 2 == 0 { "assess" } else { "view" },
                &format!("case:{}", i / 2),
                &format!("{{\"n\":{i}}}"),
            ));
        }
        out
    }

    fn head(events: &[AuditEvent]) -> Option<(i64, [u8; 32])> {
        events.last().map(|e| (e.seq, e.hash))
    }

    #[test]
    fn untouched_chain_passes() {
        let events = chain(10);
        let h = head(&events);
        assert_eq!(events[0].prev_hash, GENESIS_HASH);
        assert_eq!(events[9].seq, 10);
        assert_eq!(verify_chain(&KEY, events.clone(), None), Ok(10));
        assert_eq!(verify_chain(&KEY, events, h), Ok(10));
    }

    #[test]
    fn empty_chain_passes() {
        assert_eq!(verify_chain(&KEY, Vec::new(), None), Ok(0));
        assert_eq!(
            verify_chain(&KEY, Vec::new(), Some((0, GENESIS_HASH))),
            Ok(0)
        );
        assert_eq!(
            verify_chain(&KEY, Vec::new(), Some((3, [1; 32]))),
            Err(ChainBreak::Truncated { last: 0, head: 3 })
        );
    }

    #[test]
    fn hash_is_fixed() {
        // Guards the encoding: a change here invalidates every stored trail.
        let mut input = Vec::new();
        input.extend_from_slice(b"hotline-audit-v1");
        input.extend_from_slice(&1i64.to_be_bytes());
        input.extend_from_slice(&2i64.to_be_bytes());
        for s in ["a", "bc", "", "déf"] {
            input.extend_from_slice(&(s.len() as u64).to_be_bytes());
            input.extend_from_slice(s.as_bytes());
        }
        input.extend_from_slice(&[7; 32]);
        let want: [u8; 32] = Sha256::digest(&input).into();
        assert_eq!(event_hash(1, 2, "a", "bc", "", "déf", &[7; 32]), want);
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&[9; 32]).unwrap();
        mac.update(b"hotline-audit-v2-keyed");
        mac.update(&input[b"hotline-audit-v1".len()..]);
        let want: [u8; 32] = mac.finalize().into_bytes().into();
        assert_eq!(
            keyed_event_hash(&KEY, 1, 2, "a", "bc", "", "déf", &[7; 32]),
            want
        );
    }

    #[test]
    fn encoding_is_unambiguous() {
        let a = event_hash(1, 0, "ab", "c", "", "", &GENESIS_HASH);
        let b = event_hash(1, 0, "a", "bc", "", "", &GENESIS_HASH);
        assert_ne!(a, b);
    }

    #[test]
    fn edited_details_are_detected() {
        let mut events = chain(10);
        events[4].details = "{\"n\":0}".into();
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::Edited { seq: 5 })
        );
    }

    #[test]
    fn rehashed_edit_breaks_the_next_link() {
        let mut events = chain(10);
        let e = &mut events[4];
        e.actor = "someone else".into();
        e.hash = e.expected_hash(&KEY);
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::BrokenLink { seq: 6 })
        );
    }

    #[test]
    fn rewritten_tail_is_caught_by_the_head() {
        let events = chain(10);
        let h = head(&events);
        let mut forged = events[..5].to_vec();
        let last = &events[4];
        forged.push(AuditEvent::next(
            &KEY, last.seq, last.hash, 0, "x", "y", "z", "",
        ));
        for _ in 0..4 {
            let last = forged.last().cloned().unwrap();
            forged.push(AuditEvent::next(
                &KEY, last.seq, last.hash, 0, "x", "y", "z", "",
            ));
        }
        assert_eq!(verify_chain(&KEY, forged.clone(), None), Ok(10));
        assert_eq!(
            verify_chain(&KEY, forged, h),
            Err(ChainBreak::Edited { seq: 10 })
        );
    }

    #[test]
    fn removed_middle_event_is_missing() {
        let mut events = chain(10);
        events.remove(3);
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::Missing {
                expected: 4,
                found: 5
            })
        );
    }

    #[test]
    fn swapped_contents_are_edits() {
        let mut events = chain(10);
        let (a, b) = events.split_at_mut(4);
        let (x, y) = (&mut a[3], &mut b[0]);
        std::mem::swap(&mut x.actor, &mut y.actor);
        std::mem::swap(&mut x.action, &mut y.action);
        std::mem::swap(&mut x.object, &mut y.object);
        std::mem::swap(&mut x.details, &mut y.details);
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::Edited { seq: 4 })
        );
    }

    #[test]
    fn swapped_seq_numbers_are_detected() {
        let mut events = chain(10);
        events[3].seq = 5;
        events[4].seq = 4;
        events.sort_by_key(|e| e.seq);
        let err = verify_chain(&KEY, events, None).unwrap_err();
        assert!(
            matches!(
                err,
                ChainBreak::Edited { seq: 4 } | ChainBreak::BrokenLink { seq: 4 }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn reordered_events_break_the_link() {
        let mut events = chain(10);
        events.swap(3, 4);
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::Missing {
                expected: 4,
                found: 5
            })
        );
        let mut events = chain(3);
        events.push(events[2].clone());
        assert_eq!(
            verify_chain(&KEY, events, None),
            Err(ChainBreak::BrokenLink { seq: 3 })
        );
    }

    #[test]
    fn removed_last_event_is_truncation() {
        let mut events = chain(10);
        let h = head(&events);
        events.pop();
        assert_eq!(verify_chain(&KEY, events.clone(), None), Ok(9));
        assert_eq!(
            verify_chain(&KEY, events, h),
            Err(ChainBreak::Truncated { last: 9, head: 10 })
        );
    }

    #[test]
    fn messages() {
        assert_eq!(
            ChainBreak::BrokenLink { seq: 6 }.to_string(),
            "event 6 does not follow event 5: events were removed or reordered"
        );
        assert_eq!(
            ChainBreak::BrokenLink { seq: i64::MIN }.to_string(),
            format!(
                "event {} does not follow event {}: events were removed or reordered",
                i64::MIN,
                i64::MIN
            )
        );
        assert_eq!(
            ChainBreak::Truncated { last: 9, head: 10 }.to_string(),
            "the chain ends at event 9 but the head says 10: events at the end were removed"
        );
    }

    proptest! {
        #[test]
        fn any_single_edit_is_detected(
            n in 1i64..20,
            pick in any::<prop::sample::Index>(),
            field in 0usize..8,
            text in ".{0,8}",
        ) {
            let mut events = chain(n);
            let h = head(&events);
            let i = pick.index(events.len());
            let e = &mut events[i];
            let before = e.clone();
            match field {
                0 => e.at_ms = e.at_ms.wrapping_add(1),
                1 => e.actor.push_str(&text),
                2 => e.action = text.clone(),
                3 => e.object.push('x'),
                4 => e.details.insert_str(0, &text),
                5 => e.prev_hash[0] ^= 1,
                6 => e.keyed = !e.keyed,
                _ => e.hash[31] ^= 1,
            }
            let changed = *e != before;
            let result = verify_chain(&KEY, events, h);
            prop_assert_eq!(result.is_ok(), !changed);
        }
    }
}
