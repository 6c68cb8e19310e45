//! `notice`: send the case's notice to its host when the takedown regime says it is due
//! (docs/SPEC.md §2 Notice); held back while the police hold the case.

use serde::{Deserialize, Serialize};

/// The payload of a `notice` job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub case_id: i64,
}
