//! The audit trail: every staff action appended, in the same transaction as the action, to a
//! hash chain (see `hotline_domain::audit`). Nothing here updates or deletes an event; only
//! the retention purge (`retention.rs`) may cut a prefix, remembering where the chain resumes.

use time::OffsetDateTime;

use hotline_domain::audit::{AuditEvent, ChainBreak};

use crate::{Result, Store, StoreError, on_read_pool, to_millis};

/// Appends one event inside the open transaction `$tx` (either engine), hashed under the
/// audit key of `$keys` (the store's [`crate::Keyring`]). The head row's update takes its row
/// lock, so concurrent appends from several app servers queue up and the chain stays linear.
macro_rules! append_audit {
    ($tx:expr, $keys:expr, $at_ms:expr, $actor:expr, $action:expr, $object:expr, $details:expr) => {{
        let (seq, prev): (i64, Vec<u8>) =
            sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut *$tx)
                .await?;
        let prev: [u8; 32] = prev.try_into().map_err(|_| {
            crate::StoreError::Corrupt("the audit head hash is not 32 bytes".into())
        })?;
        let event = hotline_domain::audit::AuditEvent::next(
            &$keys.audit_key(),
            seq - 1,
            prev,
            $at_ms,
            $actor,
            $action,
            $object,
            $details,
        );
        sqlx::query(
            "INSERT INTO audit_events (seq, at, actor, action, object, details, prev_hash, hash, keyed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(event.seq)
        .bind(event.at_ms)
        .bind(&event.actor)
        .bind(&event.action)
        .bind(&event.object)
        .bind(&event.details)
        .bind(event.prev_hash.to_vec())
        .bind(event.hash.to_vec())
        .bind(event.keyed)
        .execute(&mut *$tx)
        .await?;
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(event.hash.to_vec())
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use append_audit;

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub object: Option<String>,
    /// Only events before this sequence number (for paging backwards).
    pub before_seq: Option<i64>,
}

type EventRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    Vec<u8>,
    Vec<u8>,
    bool,
);

/// The columns of an [`EventRow`].
const EVENT_COLUMNS: &str = "seq, at, actor, action, object, details, prev_hash, hash, keyed";

fn to_event(row: EventRow) -> Result<AuditEvent> {
    let (seq, at_ms, actor, action, object, details, prev, hash, keyed) = row;
    let arr = |v: Vec<u8>| -> Result<[u8; 32]> {
        v.try_into()
            .map_err(|_| StoreError::Corrupt(format!("audit event {seq}: a hash is not 32 bytes")))
    };
    Ok(AuditEvent {
        seq,
        at_ms,
        actor,
        action,
        object,
        details,
        prev_hash: arr(prev)?,
        hash: arr(hash)?,
        keyed,
    })
}

impl Store {
    /// Appends a standalone event (for actions that change nothing else, such as viewing).
    pub async fn audit(
        &self,
        actor: &str,
        action: &str,
        object: &str,
        details: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        crate::on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            append_audit!(tx, self.keys(), at, actor, action, object, details);
            tx.commit().await?;
        });
        Ok(())
    }

    /// The newest events matching `filter`, newest first, at most `limit`.
    pub async fn audit_events(&self, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditEvent>> {
        let rows: Vec<EventRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {EVENT_COLUMNS} FROM audit_events \
                 WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR action = $2) \
                   AND ($3 IS NULL OR object = $3) AND ($4 IS NULL OR seq < $4) \
                 ORDER BY seq DESC LIMIT $5",
            )))
            .bind(filter.actor.as_deref())
            .bind(filter.action.as_deref())
            .bind(filter.object.as_deref())
            .bind(filter.before_seq)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter().map(to_event).collect()
    }

    /// The chain's head: the last event's sequence number and hash (hex). Printed by
    /// `hotline audit head` to be kept elsewhere: a later rewrite of the chain, even by a
    /// holder of the audit key, changes the hash at that sequence number.
    pub async fn audit_head(&self) -> Result<(i64, String)> {
        let (seq, hash): (i64, Vec<u8>) = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(pool).await?
        });
        Ok((seq, hex::encode(hash)))
    }

    /// The stored hash (hex) of event `seq`, to compare with a head kept elsewhere; `None`
    /// if there is no such event (purged by retention, or never written).
    pub async fn audit_hash_at(&self, seq: i64) -> Result<Option<String>> {
        let hash: Option<Vec<u8>> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT hash FROM audit_events WHERE seq = $1")
                .bind(seq)
                .fetch_optional(pool)
                .await?
        });
        Ok(hash.map(hex::encode))
    }

    /// After the keyed-hash migration: if the chain ends with an event written before keying,
    /// appends a keyed `audit.keyed` event, whose HMAC covers the unkeyed start (see
    /// `hotline_domain::audit`). Does nothing on an empty or already keyed chain.
    pub(crate) async fn seal_unkeyed_audit_chain(&self, now: OffsetDateTime) -> Result<()> {
        let at = to_millis(now);
        crate::on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let last: Option<bool> = sqlx::query_scalar(
                "SELECT e.keyed FROM audit_events e JOIN audit_head h ON h.seq = e.seq WHERE h.id = 1",
            )
            .fetch_optional(&mut *tx)
            .await?;
            if last == Some(false) {
                append_audit!(tx, self.keys(), at, "system", "audit.keyed", "audit", "the chain is keyed from here on");
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Walks the whole chain in order and checks every link and the head. `Ok(n)` is the
    /// number of events; `Err` names the first event that was edited, removed or reordered.
    pub async fn verify_audit(&self) -> Result<std::result::Result<u64, ChainBreak>> {
        const PAGE: i64 = 10_000;
        let (head_seq, head_hash): (i64, Vec<u8>) = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(pool).await?
        });
        let head_hash: [u8; 32] = head_hash
            .try_into()
            .map_err(|_| StoreError::Corrupt("the audit head hash is not 32 bytes".into()))?;
        // Where the chain starts: after the events retention purged, if any.
        let (anchor_seq, anchor_hash): (i64, Vec<u8>) = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT seq, hash FROM audit_anchor WHERE id = 1").fetch_one(pool).await?
        });
        let anchor_hash: [u8; 32] = anchor_hash
            .try_into()
            .map_err(|_| StoreError::Corrupt("the audit anchor hash is not 32 bytes".into()))?;
        // Read in pages to keep memory flat on long chains.
        let mut events = Vec::new();
        let mut after = anchor_seq;
        loop {
            let rows: Vec<EventRow> = on_read_pool!(&self.db, pool => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {EVENT_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                )))
                .bind(after)
                .bind(PAGE)
                .fetch_all(pool)
                .await?
            });
            let n = rows.len();
            for row in rows {
                let e = to_event(row)?;
                after = e.seq;
                events.push(e);
            }
            if n < PAGE as usize {
                break;
            }
        }
        Ok(hotline_domain::audit::verify_chain_from(
            &self.keys().audit_key(),
            (anchor_seq, anchor_hash),
            events,
            Some((head_seq, head_hash)),
        ))
    }
}
