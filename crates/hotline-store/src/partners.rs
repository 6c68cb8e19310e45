//! Partner hotlines abroad, and referrals exchanged with them. A partner's public key checks
//! what it sends us; the bearer token it issued to us is sealed like reporters' data.

use hotline_domain::partner::PartnerChannel;
use hotline_domain::timeline::Event;
use time::OffsetDateTime;

use crate::audit::append_audit;
use crate::{Result, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// A partner hotline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub name: String,
    pub countries: Vec<String>,
    pub channel: PartnerChannel,
    pub endpoint: Option<String>,
    pub public_key: Option<String>,
    /// For `email`: the age public key (`age1…`) referrals are encrypted to.
    pub encrypt_to: Option<String>,
    pub disabled: bool,
}

impl Partner {
    /// Whether referrals to it are delivered by a job (API, or e-mail to a known address)
    /// rather than by a person.
    pub fn delivers_automatically(&self) -> bool {
        match self.channel {
            PartnerChannel::Api => true,
            PartnerChannel::Email => self
                .endpoint
                .as_deref()
                .is_some_and(|e| !e.trim().is_empty()),
            PartnerChannel::Manual => false,
        }
    }
}

/// A partner as registered by an admin.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub name: String,
    pub countries: Vec<String>,
    pub channel: PartnerChannel,
    pub endpoint: Option<String>,
    pub public_key: Option<String>,
    /// For `email`: the age public key (`age1…`) referrals are encrypted to.
    pub encrypt_to: Option<String>,
    /// The bearer token the partner issued to us, for calling its API.
    pub outbound_token: Option<String>,
}

/// A referral received before with the same id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenReferral {
    pub case_id: i64,
    /// The same body as before (a retry), or a different one (a replay or a forgery).
    pub same_body: bool,
}

type PartnerRow = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);
/// A partner row and its sealed outbound token.
type PartnerWithToken = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    Option<Vec<u8>>,
);

fn partner_of(row: PartnerRow) -> Result<Partner> {
    let (name, countries, channel, endpoint, public_key, encrypt_to, disabled) = row;
    let channel = channel
        .parse()
        .map_err(|()| StoreError::Corrupt(format!("partner channel \"{channel}\"")))?;
    Ok(Partner {
        name,
        countries: countries
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        channel,
        endpoint,
        public_key,
        encrypt_to,
        disabled,
    })
}

const PARTNER_COLUMNS: &str =
    "name, countries, channel, endpoint, public_key, encrypt_to, disabled";

impl Store {
    /// Registers a partner hotline (or replaces its settings).
    pub async fn add_partner(
        &self,
        p: &NewPartner,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        let sealed = p
            .outbound_token
            .as_deref()
            .map(|t| {
                self.keys()
                    .seal(&format!("partners.outbound_token:{}", p.name), t.as_bytes())
            })
            .transpose()?;
        let countries = p
            .countries
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect::<Vec<_>>()
            .join(",");
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "INSERT INTO partners (name, countries, channel, endpoint, public_key, encrypt_to, outbound_token_sealed, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO UPDATE SET countries = excluded.countries, \
                 channel = excluded.channel, endpoint = excluded.endpoint, public_key = excluded.public_key, \
                 encrypt_to = excluded.encrypt_to, outbound_token_sealed = excluded.outbound_token_sealed, disabled = FALSE",
            )
            .bind(&p.name)
            .bind(&countries)
            .bind(p.channel.as_str())
            .bind(p.endpoint.as_deref())
            .bind(p.public_key.as_deref())
            .bind(p.encrypt_to.as_deref())
            .bind(sealed.as_deref())
            .bind(at)
            .execute(&mut *tx)
            .await?;
            append_audit!(tx, self.keys(), at, actor, "partner.add", &format!("partner:{}", p.name), &format!("countries={countries}; channel={}", p.channel));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Disables a partner (routing stops sending it cases; its tokens stop working) or enables
    /// it again; audited. Returns false when there is no such partner.
    pub async fn set_partner_disabled(
        &self,
        name: &str,
        disabled: bool,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query("UPDATE partners SET disabled = $2 WHERE name = $1")
                .bind(name)
                .bind(disabled)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            let action = if disabled { "partner.disable" } else { "partner.enable" };
            append_audit!(tx, self.keys(), at, actor, action, &format!("partner:{name}"), "");
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Registers a partner's new public signing key (after it rotated its own), audited with
    /// the old and the new key. Returns false when there is no such partner.
    pub async fn set_partner_key(
        &self,
        name: &str,
        public_key: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let old: Option<Option<String>> = sqlx::query_scalar("SELECT public_key FROM partners WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(old) = old else {
                tx.rollback().await?;
                return Ok(false);
            };
            sqlx::query("UPDATE partners SET public_key = $2 WHERE name = $1")
                .bind(name)
                .bind(public_key)
                .execute(&mut *tx)
                .await?;
            let details = format!("old {}; new {public_key}", old.as_deref().unwrap_or("none"));
            append_audit!(tx, self.keys(), at, actor, "partner.key", &format!("partner:{name}"), &details);
            tx.commit().await?;
        });
        Ok(true)
    }

    /// After a case is referred to `partner`: queues the delivery when the partner takes
    /// referrals by API or by e-mail to a registered address (a job with retries; the
    /// referral id in its payload stays the same across them). A `manual` partner is sent to
    /// by a person, who records the partner's reference. Returns whether a delivery was
    /// queued.
    pub async fn queue_partner_referral(
        &self,
        case_id: i64,
        partner: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let automatic = self
            .partner(partner)
            .await?
            .is_some_and(|(p, _)| p.delivers_automatically());
        if automatic {
            self.enqueue_job(&crate::NewJob::refer_partner(case_id, partner, now), now)
                .await?;
        }
        Ok(automatic)
    }

    /// Every partner, by name.
    pub async fn partners(&self) -> Result<Vec<Partner>> {
        let rows: Vec<PartnerRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {PARTNER_COLUMNS} FROM partners ORDER BY name")))
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(partner_of).collect()
    }

    /// The countries each active partner covers, for routing.
    pub async fn partner_countries(&self) -> Result<Vec<hotline_domain::routing::PartnerCountry>> {
        Ok(self
            .partners()
            .await?
            .into_iter()
            .filter(|p| !p.disabled)
            .flat_map(|p| {
                p.countries
                    .iter()
                    .map(|c| hotline_domain::routing::PartnerCountry {
                        partner: p.name.clone(),
                        country: c.clone(),
                    })
                    .collect::<Vec<_>>()
            })
            .collect())
    }

    /// One partner, with the token it issued to us (opened).
    pub async fn partner(&self, name: &str) -> Result<Option<(Partner, Option<String>)>> {
        let row: Option<PartnerWithToken> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {PARTNER_COLUMNS}, outbound_token_sealed FROM partners WHERE name = $1"
            )))
            .bind(name)
            .fetch_optional(pool)
            .await?
        });
        let Some((n, c, ch, e, k, x, d, sealed)) = row else {
            return Ok(None);
        };
        let token = sealed
            .map(|s| {
                self.keys()
                    .open_text(&format!("partners.outbound_token:{n}"), &s)
            })
            .transpose()?;
        Ok(Some((partner_of((n, c, ch, e, k, x, d))?, token)))
    }

    /// A bearer token for a partner to call our API with; shown once, stored hashed.
    pub async fn create_partner_token(
        &self,
        name: &str,
        actor: &str,
        now: OffsetDateTime,
    ) -> Result<Option<String>> {
        if self.partner(name).await?.is_none() {
            return Ok(None);
        }
        let mut raw = [0u8; 32];
        crate::secrets::random_bytes(&mut raw)?;
        let token = format!("hlp_{}", hex::encode(raw));
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("INSERT INTO api_tokens (token_hash, partner, created_at) VALUES ($1, $2, $3)")
                .bind(self.keys().secret_hash("token", &token))
                .bind(name)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            append_audit!(tx, self.keys(), at, actor, "token.create", &format!("partner:{name}"), "");
            tx.commit().await?;
        });
        Ok(Some(token))
    }

    /// The partner a bearer token belongs to, if both are live.
    pub async fn token_partner(&self, token: &str) -> Result<Option<Partner>> {
        let hash = self.keys().secret_hash("token", token.trim());
        let row: Option<PartnerRow> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT p.name, p.countries, p.channel, p.endpoint, p.public_key, p.encrypt_to, p.disabled FROM api_tokens t \
                 JOIN partners p ON p.name = t.partner WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT p.disabled",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(partner_of).transpose()
    }

    /// The work a partner hotline sent with the referral that opened this case (its
    /// assessment and trace), with the partner's name; the latest such referral.
    pub async fn referred_work(
        &self,
        case_id: i64,
    ) -> Result<Option<(String, hotline_domain::federation::ReferredWork)>> {
        let row: Option<(String, String)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT partner, their_work FROM referrals WHERE case_id = $1 AND direction = 'in' \
                 AND their_work IS NOT NULL ORDER BY id DESC LIMIT 1",
            )
            .bind(case_id)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(partner, json)| {
            serde_json::from_str(&json)
                .map(|w| (partner, w))
                .map_err(|e| StoreError::Corrupt(format!("referred work: {e}")))
        })
        .transpose()
    }

    /// Records a referral we sent and the partner's reference (or how it went, for e-mail),
    /// with `referred_partner` on the timeline. `status` is `acknowledged` when the partner
    /// answered with its reference, `sent` when it was mailed.
    pub async fn referral_sent(
        &self,
        case_id: i64,
        partner: &str,
        referral_id: &str,
        their_reference: &str,
        status: &str,
        now: OffsetDateTime,
    ) -> Result<()> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "INSERT INTO referrals (case_id, direction, partner, referral_id, their_reference, status, created_at, updated_at) \
                 VALUES ($1, 'out', $2, $3, $4, $6, $5, $5) ON CONFLICT (direction, partner, referral_id) \
                 DO UPDATE SET their_reference = excluded.their_reference, status = excluded.status, updated_at = excluded.updated_at",
            )
            .bind(case_id)
            .bind(partner)
            .bind(referral_id)
            .bind(their_reference)
            .bind(at)
            .bind(status)
            .execute(&mut *tx)
            .await?;
            crate::timeline!(tx, case_id, at, Event::ReferredPartner, Some(format!("{partner}: {their_reference}")));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Before a referral e-mail goes out: notes it as `sending`, so that a retry after a crash
    /// never mails it twice. `true` when this call took it; `false` when an earlier attempt
    /// did, and then the referral is marked `uncertain` (with a timeline entry) for a person
    /// to check with the partner.
    pub async fn begin_mailing_referral(
        &self,
        case_id: i64,
        partner: &str,
        referral_id: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let at = to_millis(now);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let taken = sqlx::query(
                "INSERT INTO referrals (case_id, direction, partner, referral_id, status, created_at, updated_at) \
                 VALUES ($1, 'out', $2, $3, 'sending', $4, $4) ON CONFLICT (direction, partner, referral_id) DO NOTHING",
            )
            .bind(case_id)
            .bind(partner)
            .bind(referral_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected() == 1;
            if !taken {
                let marked = sqlx::query(
                    "UPDATE referrals SET status = 'uncertain', updated_at = $1 \
                     WHERE direction = 'out' AND partner = $2 AND referral_id = $3 AND status = 'sending'",
                )
                .bind(at)
                .bind(partner)
                .bind(referral_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if marked == 1 {
                    crate::timeline!(tx, case_id, at, Event::ReferralUncertain, Some(format!("{partner}: a send was interrupted; check with them before sending again")));
                }
            }
            tx.commit().await?;
            Ok(taken)
        })
    }

    /// After a referral e-mail failed: forgets the `sending` mark so the next attempt sends.
    pub async fn referral_mail_failed(&self, partner: &str, referral_id: &str) -> Result<()> {
        on_write_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM referrals WHERE direction = 'out' AND partner = $1 AND referral_id = $2 AND status = 'sending'")
                .bind(partner)
                .bind(referral_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The referrals of a case: (direction, partner, their reference, status).
    pub async fn referrals_of_case(
        &self,
        case_id: i64,
    ) -> Result<Vec<(String, String, Option<String>, Option<String>)>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_as(
                "SELECT direction, partner, their_reference, status FROM referrals WHERE case_id = $1 ORDER BY id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The partner referral a case came in by, if any: (partner, referral id).
    pub async fn incoming_referral(&self, case_id: i64) -> Result<Option<(String, String)>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_as(
                "SELECT partner, referral_id FROM referrals WHERE case_id = $1 AND direction = 'in' ORDER BY id LIMIT 1",
            )
            .bind(case_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Records a partner's status update on a referral we sent, and moves our case as it says,
    /// in one transaction: `removed` → removed (through awaiting removal), `reappeared` → awaiting
    /// removal again, `not_illegal` → closed as `not_illegal_for_partner`. A move the case's
    /// state does not allow is skipped (the update is still recorded). Returns our case, or
    /// `None` when no such referral was sent to this partner.
    pub async fn referral_update(
        &self,
        partner: &str,
        referral_id: &str,
        status: &str,
        procedure: hotline_domain::Procedure,
        now: OffsetDateTime,
    ) -> std::result::Result<Option<i64>, crate::CaseActionError> {
        use hotline_domain::{CaseState, CloseReason};
        let at = to_millis(now);
        let actor = format!("partner:{partner}");
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            let case_id: Option<i64> = sqlx::query_scalar(
                "UPDATE referrals SET status = $1, updated_at = $2 \
                 WHERE direction = 'out' AND partner = $3 AND referral_id = $4 RETURNING case_id",
            )
            .bind(status)
            .bind(at)
            .bind(partner)
            .bind(referral_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(case_id) = case_id else {
                return Ok(None);
            };
            crate::timeline!(tx, case_id, at, Event::PartnerUpdate, Some(format!("{partner}: {status}")));
            let state: String = sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_one(&mut *tx)
                .await?;
            let mut state = crate::casework::parse_state(&state)?;
            let path: &[(CaseState, Event)] = match status {
                "removed" => &[(CaseState::AwaitingRemoval, Event::AwaitingRemoval), (CaseState::Removed, Event::Removed)],
                "reappeared" => &[(CaseState::AwaitingRemoval, Event::Reappeared)],
                "not_illegal" => &[(CaseState::Closed, Event::Closed)],
                _ => &[],
            };
            for (to, event) in path {
                if state.move_to(*to, procedure).is_err() {
                    continue;
                }
                if *to == CaseState::Closed {
                    crate::casework::close_in!(tx, case_id, Some(CloseReason::NotIllegalForPartner), procedure, at);
                } else {
                    crate::casework::transition!(tx, case_id, *to, procedure, *event, at);
                }
                state = *to;
            }
            crate::audit::append_audit!(tx, self.keys(), at, &actor, "case.partner_update", &format!("case:{case_id}"), status);
            tx.commit().await?;
            Ok(Some(case_id))
        })
    }
}
