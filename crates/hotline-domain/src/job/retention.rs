//! `retention`: the daily purge of what the retention periods say must go.

use serde::{Deserialize, Serialize};

/// The payload of a `retention` job: nothing (stored as `{}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {}
