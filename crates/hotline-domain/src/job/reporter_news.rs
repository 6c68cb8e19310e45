//! `reporter_news`: tell a reporter who asked for it that there is news on their status
//! page; the mail never carries the news itself.

use serde::{Deserialize, Serialize};

/// The payload of a `reporter_news` job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterNews {
    pub report_id: String,
}
