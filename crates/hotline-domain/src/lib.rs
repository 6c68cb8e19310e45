//! The hotline's domain: what a report, a case and a canonical address are, and the rules
//! that govern them. No IO lives here: no database, no network, no clock, no randomness.
//! Callers supply time and random bytes; this crate decides.

pub mod address;
pub mod case;
pub mod receipt;
pub mod report;

pub use address::{AddressError, CanonicalAddress};
pub use case::{CaseState, IllegalTransition, Procedure, PublicStatus};
pub use receipt::{Receipt, ReceiptError};
pub use report::{
    Channel, Contact, Field, FieldError, InvalidReport, Language, NewReport, Problem, ReportInput,
    ReportedAddress, WhereFound,
};
