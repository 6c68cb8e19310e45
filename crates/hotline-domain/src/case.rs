//! Cases and their states (docs/SPEC.md §2).
//!
//! A case is one canonical address under handling. Its state only moves along the edges
//! below; every move goes through [`CaseState::move_to`], so no layer above can invent one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which procedure the hotline runs (config `procedure`, docs/SPEC.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Procedure {
    /// Nobody at the hotline opens the content; cases go straight to the police.
    ForwardUnopened,
    /// An analyst assesses each case first.
    #[default]
    Assess,
}

/// The state of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    New,
    InAssessment,
    Assessed,
    Referred,
    AwaitingRemoval,
    Removed,
    Closed,
}

/// A move the state machine does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a case cannot move from {from} to {to} under the {procedure} procedure")]
pub struct IllegalTransition {
    pub from: CaseState,
    pub to: CaseState,
    pub procedure: Procedure,
}

impl CaseState {
    pub const ALL: [CaseState; 7] = [
        CaseState::New,
        CaseState::InAssessment,
        CaseState::Assessed,
        CaseState::Referred,
        CaseState::AwaitingRemoval,
        CaseState::Removed,
        CaseState::Closed,
    ];

    /// The name used in the database, the API and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::New => "new",
            CaseState::InAssessment => "in_assessment",
            CaseState::Assessed => "assessed",
            CaseState::Referred => "referred",
            CaseState::AwaitingRemoval => "awaiting_removal",
            CaseState::Removed => "removed",
            CaseState::Closed => "closed",
        }
    }

    /// Whether a newly reported address with the same canonical form joins this case.
    /// Only closed cases stay closed: a new report of the address opens a new case.
    pub fn is_open(self) -> bool {
        self != CaseState::Closed
    }

    /// The states this one may move to under `procedure`.
    pub fn next_states(self, procedure: Procedure) -> Vec<CaseState> {
        CaseState::ALL
            .into_iter()
            .filter(|to| self.allows(*to, procedure))
            .collect()
    }

    fn allows(self, to: CaseState, procedure: Procedure) -> bool {
        use CaseState::*;
        use Procedure::*;
        matches!(
            (self, to, procedure),
            (New, Referred, ForwardUnopened)
                | (New, InAssessment, Assess)
                | (InAssessment, Assessed, Assess)
                | (Assessed, Referred, Assess)
                | (Referred, AwaitingRemoval, _)
                | (AwaitingRemoval, Removed, _)
                | (Removed, AwaitingRemoval, _)
        ) || (to == Closed && self.is_open())
    }

    /// Moves to `to`, or says why it may not.
    pub fn move_to(
        self,
        to: CaseState,
        procedure: Procedure,
    ) -> Result<CaseState, IllegalTransition> {
        if self.allows(to, procedure) {
            Ok(to)
        } else {
            Err(IllegalTransition {
                from: self,
                to,
                procedure,
            })
        }
    }
}

named_enum!(
    /// Why a case was closed (docs/SPEC.md §2). Every open case can be closed with one of these, by a
    /// person with the right to or by the rule that decides it.
    CloseReason {
        NotIllegal => "not_illegal",
        Unavailable => "unavailable",
        OutOfRemit => "out_of_remit",
        Duplicate => "duplicate",
        /// The police declined the referral (their `declined` step closes the case).
        DeclinedByPolice => "declined_by_police",
        /// The partner hotline we referred the case to found it not illegal in its country.
        NotIllegalForPartner => "not_illegal_for_partner",
        Removed => "removed",
        Spam => "spam",
        Other => "other",
    }
);

/// A closure the rules do not allow: the reason does not fit the case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CloseRefused(pub crate::Refusal);

impl CloseReason {
    /// The reasons a person may choose; the others are set only by the rule that decides them.
    pub fn chosen_by_staff(self) -> bool {
        !matches!(
            self,
            CloseReason::DeclinedByPolice | CloseReason::NotIllegalForPartner
        )
    }

    /// Whether a person may close a case in `state`, whose latest assessment is `latest`, with
    /// this reason. A reason that states a finding needs the assessment that found it, so a
    /// case assessed as illegal is never closed as "not illegal" by a click.
    pub fn check_by_staff(
        self,
        state: CaseState,
        latest: Option<crate::Classification>,
    ) -> Result<(), CloseRefused> {
        use crate::Classification as C;
        if !state.is_open() {
            return Err(CloseRefused(crate::Refusal::new(
                "close_already_closed",
                "the case is already closed",
            )));
        }
        if !self.chosen_by_staff() {
            return Err(CloseRefused(
                crate::Refusal::new(
                    "close_by_rule",
                    format!(
                        "\"{self}\" is recorded by the rule that decides it (a police or partner answer), not chosen by hand"
                    ),
                )
                .with("reason", self),
            ));
        }
        let needs = match self {
            CloseReason::NotIllegal => Some(C::NotIllegal),
            CloseReason::Unavailable => Some(C::Unavailable),
            CloseReason::OutOfRemit => Some(C::OutOfRemit),
            _ => None,
        };
        if let Some(needed) = needs
            && latest != Some(needed)
        {
            return Err(CloseRefused(
                crate::Refusal::new(
                    "close_needs_assessment",
                    format!(
                        "closing as \"{self}\" needs an assessment that found it {needed}; record that assessment instead"
                    ),
                )
                .with("reason", self)
                .with("classification", needed),
            ));
        }
        if self == CloseReason::Removed && state != CaseState::Removed {
            return Err(CloseRefused(crate::Refusal::new(
                "close_needs_removal",
                "closing as \"removed\" needs the removal confirmed first",
            )));
        }
        Ok(())
    }
}

impl CaseState {
    /// A supervisor's reopening of a closed case: it goes back to `new`, into the queue.
    pub fn reopen(self) -> Result<CaseState, IllegalTransition> {
        if self == CaseState::Closed {
            Ok(CaseState::New)
        } else {
            Err(IllegalTransition {
                from: self,
                to: CaseState::New,
                procedure: Procedure::Assess,
            })
        }
    }

    /// A supervisor's "spam, close it": any case not yet with the police or a host may be
    /// closed at once; one already referred or noticed follows the normal path.
    pub fn close_as_spam(self) -> Result<CaseState, IllegalTransition> {
        if matches!(
            self,
            CaseState::New | CaseState::InAssessment | CaseState::Assessed
        ) {
            Ok(CaseState::Closed)
        } else {
            Err(IllegalTransition {
                from: self,
                to: CaseState::Closed,
                procedure: Procedure::Assess,
            })
        }
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Procedure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Procedure::ForwardUnopened => "forward-unopened",
            Procedure::Assess => "assess",
        })
    }
}

/// A state name that is not one of ours (for example a damaged database row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown case state \"{0}\"")]
pub struct UnknownState(pub String);

impl FromStr for CaseState {
    type Err = UnknownState;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseState::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownState(s.to_owned()))
    }
}

/// What the public status page says about a report (docs/SPEC.md §4): about the reporter's own
/// report only, never the state of a case that others reported before them, and never a
/// police step, hold or order. A second report of a known address answers `received`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicStatus {
    /// The hotline has not handled this report yet.
    Received,
    /// The hotline has handled it: assessed, forwarded unopened, or closed.
    Handled,
    /// Removal of every reported address has been confirmed since it was reported.
    Removed,
}

/// How far the hotline has come with one address of one report, since that report arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressProgress {
    /// Handled (assessed, forwarded unopened, closed) after this report arrived.
    pub handled: bool,
    /// Removal confirmed after this report arrived.
    pub removed: bool,
}

impl PublicStatus {
    /// A report is as far as its least advanced address.
    pub fn of(addresses: &[AddressProgress]) -> PublicStatus {
        if addresses.is_empty() {
            PublicStatus::Received
        } else if addresses.iter().all(|a| a.removed) {
            PublicStatus::Removed
        } else if addresses.iter().all(|a| a.handled || a.removed) {
            PublicStatus::Handled
        } else {
            PublicStatus::Received
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PublicStatus::Received => "received",
            PublicStatus::Handled => "handled",
            PublicStatus::Removed => "removed",
        }
    }
}

impl CaseState {
    /// Whether moving a case from `self` to `to` handles the reports waiting on it, as a
    /// reporter sees it: an assessment, forwarding unopened (`new` → `referred`), a closure,
    /// or a removal. Police steps, holds and later moves are never shown to a reporter.
    pub fn handles_reports(self, to: CaseState) -> bool {
        matches!(
            to,
            CaseState::Assessed | CaseState::Closed | CaseState::Removed
        ) || (self == CaseState::New && to == CaseState::Referred)
    }
}

#[cfg(test)]
mod tests {
    use super::CaseState::*;
    use super::*;

    #[test]
    fn assess_path() {
        let p = Procedure::Assess;
        let mut s = New;
        for to in [
            InAssessment,
            Assessed,
            Referred,
            AwaitingRemoval,
            Removed,
            Closed,
        ] {
            s = s.move_to(to, p).unwrap();
        }
        assert_eq!(s, Closed);
    }

    #[test]
    fn forward_unopened_skips_assessment() {
        let p = Procedure::ForwardUnopened;
        assert_eq!(New.move_to(Referred, p), Ok(Referred));
        assert!(New.move_to(InAssessment, p).is_err());
        assert!(New.move_to(Referred, Procedure::Assess).is_err());
    }

    #[test]
    fn refuses_illegal_moves_with_a_clear_error() {
        let err = New.move_to(Removed, Procedure::Assess).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a case cannot move from new to removed under the assess procedure"
        );
        assert!(Closed.next_states(Procedure::Assess).is_empty());
        assert_eq!(
            Removed.next_states(Procedure::Assess),
            vec![AwaitingRemoval, Closed]
        );
    }

    #[test]
    fn every_open_case_can_be_closed() {
        for p in [Procedure::Assess, Procedure::ForwardUnopened] {
            for s in CaseState::ALL {
                assert_eq!(s.move_to(Closed, p).is_ok(), s != Closed, "{s} {p}");
            }
        }
    }

    #[test]
    fn a_closing_reason_must_fit_the_case() {
        use crate::Classification as C;
        assert!(
            CloseReason::Duplicate
                .check_by_staff(Referred, None)
                .is_ok()
        );
        assert!(CloseReason::Spam.check_by_staff(New, None).is_ok());
        assert!(
            CloseReason::NotIllegal
                .check_by_staff(Assessed, Some(C::NotIllegal))
                .is_ok()
        );
        assert!(
            CloseReason::NotIllegal
                .check_by_staff(Assessed, Some(C::Baseline))
                .is_err()
        );
        assert!(CloseReason::NotIllegal.check_by_staff(New, None).is_err());
        assert!(
            CloseReason::Removed
                .check_by_staff(AwaitingRemoval, None)
                .is_err()
        );
        assert!(CloseReason::Removed.check_by_staff(Removed, None).is_ok());
        assert!(
            CloseReason::DeclinedByPolice
                .check_by_staff(Referred, None)
                .is_err()
        );
        assert!(CloseReason::Other.check_by_staff(Closed, None).is_err());
    }

    #[test]
    fn only_closed_cases_reopen() {
        assert_eq!(Closed.reopen(), Ok(New));
        assert!(Referred.reopen().is_err());
    }

    #[test]
    fn names_round_trip() {
        for s in CaseState::ALL {
            assert_eq!(s.as_str().parse::<CaseState>(), Ok(s));
        }
        assert!("bogus".parse::<CaseState>().is_err());
    }

    #[test]
    fn public_status_is_the_least_advanced_address_of_the_report() {
        let (waiting, handled, removed) = (
            AddressProgress {
                handled: false,
                removed: false,
            },
            AddressProgress {
                handled: true,
                removed: false,
            },
            AddressProgress {
                handled: true,
                removed: true,
            },
        );
        assert_eq!(PublicStatus::of(&[]), PublicStatus::Received);
        assert_eq!(
            PublicStatus::of(&[waiting, handled]),
            PublicStatus::Received
        );
        assert_eq!(PublicStatus::of(&[handled, removed]), PublicStatus::Handled);
        assert_eq!(PublicStatus::of(&[removed, removed]), PublicStatus::Removed);
    }

    #[test]
    fn only_assessment_forwarding_closure_and_removal_handle_a_report() {
        assert!(InAssessment.handles_reports(Assessed));
        assert!(New.handles_reports(Referred));
        assert!(AwaitingRemoval.handles_reports(Removed));
        assert!(Referred.handles_reports(Closed));
        // A police referral of an assessed case is not shown to anyone who reported it.
        assert!(!Assessed.handles_reports(Referred));
        assert!(!Referred.handles_reports(AwaitingRemoval));
        assert!(!New.handles_reports(InAssessment));
    }
}
