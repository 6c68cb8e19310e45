//! `urgent_alert`: tell the people on call of an urgent report (case numbers and links
//! only, never the address).

use serde::{Deserialize, Serialize};

/// The payload of an `urgent_alert` job: the report and the cases it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgentAlert {
    pub report_id: String,
    pub case_ids: Vec<i64>,
}
