//! `partner_update`: tell the partner that referred a case to us what became of it.

use serde::{Deserialize, Serialize};

/// The payload of a `partner_update` job: `removed`, `reappeared` or `not_illegal` for the
/// partner's referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUpdate {
    pub partner: String,
    pub referral_id: String,
    pub status: String,
}
