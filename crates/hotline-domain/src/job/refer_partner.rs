//! `refer_partner`: deliver a referral to a partner hotline (API or e-mail).

use serde::{Deserialize, Serialize};

/// The payload of a `refer_partner` job; the referral id is fixed when queued, so every
/// retry is the same referral and the partner can drop a repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferPartner {
    pub case_id: i64,
    pub partner: String,
    pub referral_id: String,
}
