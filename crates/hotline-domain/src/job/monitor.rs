//! `monitor`: check whether the case's address is still online (DNS and HTTP `HEAD`, never
//! a body), and move the case as the check says.

use serde::{Deserialize, Serialize};

/// The payload of a `monitor` job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitor {
    pub case_id: i64,
}
