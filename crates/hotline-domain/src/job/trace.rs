//! `trace`: find where a case's address is hosted (DNS, IP database, RDAP). Workers claim
//! these in batches, so that one look-up serves many cases of one host.

use serde::{Deserialize, Serialize};

/// The payload of a `trace` job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    pub case_id: i64,
}
