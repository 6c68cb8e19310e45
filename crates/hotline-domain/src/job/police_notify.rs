//! `police_notify`: tell a police unit's notify addresses of new referrals, one message
//! per batch (case numbers and links only).

use serde::{Deserialize, Serialize};

/// The payload of a `police_notify` job: the unit whose addresses hear of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceNotify {
    pub unit: String,
}
