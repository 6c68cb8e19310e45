//! The hotline's domain: what a report, a case and a canonical address are, and the rules
//! that govern them. No IO lives here: no database, no network, no clock, no randomness.
//! Callers supply time and random bytes; this crate decides.

// First, so its macro is visible in the modules below.
#[macro_use]
mod names;

pub mod address;
pub mod answers;
pub mod assessment;
pub mod audit;
pub mod blocklist;
pub mod case;
pub mod csv_out;
pub mod federation;
pub mod job;
pub mod jurisdiction;
pub mod login;
pub mod monitoring;
pub mod notice;
pub mod partner;
pub mod police;
pub mod pow;
pub mod receipt;
pub mod refusal;
pub mod report;
pub mod retention;
pub mod routing;
pub mod settings;
pub mod staff;
pub mod statistics;
pub mod timeline;
pub mod trace;

pub use address::{AddressError, CanonicalAddress};
pub use assessment::{Assessment, AssessmentInput, Classification, Findings, InvalidAssessment};
pub use audit::{AuditEvent, ChainBreak};
pub use case::{
    AddressProgress, CaseState, CloseReason, IllegalTransition, Procedure, PublicStatus,
};
pub use receipt::{Receipt, ReceiptError};
pub use refusal::Refusal;
pub use report::{
    Channel, Contact, Field, FieldError, InvalidReport, Language, NewReport, Problem, ReportInput,
    ReportedAddress, WhereFound,
};
pub use staff::{Action, CaseAccess, ContactView, Forbidden, Role, WelfareCap};
