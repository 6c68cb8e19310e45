//! What differs between countries and is decided by the deployment, not by code.

use serde::{Deserialize, Serialize};

/// Who sends notices to hosts in the hotline's own country (SPEC §1, config
/// `national.takedown_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TakedownBy {
    /// The hotline, after police clearance or when the objection window has passed
    /// (the UK, the Netherlands).
    Hotline,
    /// The police, after a magistrate's order (Belgium).
    #[default]
    Police,
}
