//! The police side of a referral (docs/SPEC.md §2, police steps): what the police may record, in which
//! order, and what each step does to the case.
//!
//! Steps are an append-only list, never one overwritten field. Everything the rest of the
//! hotline needs to know (is a hold in force? did the police clear the notice? their file
//! number?) is read from the whole list by [`PoliceRecord`], so a hold recorded once stays in
//! force, whatever comes after it, until a `release`.

use serde::{Deserialize, Serialize};

use crate::case::{CaseState, CloseReason};

named_enum!(
    /// What the police record on a referral. Each is a leg on the case's timeline.
    PoliceStepKind {
        /// Received, with the police's own file number.
        Acknowledged => "acknowledged",
        /// An investigation is running: no notice goes to anyone until `release`.
        Hold => "hold",
        /// The hold is lifted.
        Release => "release",
        /// The hotline may send its notice (where `takedown_by = "hotline"`).
        Cleared => "cleared",
        OrderRequested => "order_requested",
        /// A magistrate's order reached the host: the case awaits removal.
        OrderServed => "order_served",
        /// The police will not act; the case closes with the reason.
        Declined => "declined",
        /// Sent to the police of another country through police channels.
        PassedAbroad => "passed_abroad",
        /// The police ask that the host keep the evidence: every notice from then on asks
        /// for it, in its text and in its XARF report's description.
        PreserveEvidence => "preserve_evidence",
    }
);

named_enum!(
    /// Why the police declined a referral.
    DeclineReason {
        NotIllegal => "not_illegal",
        NoJurisdiction => "no_jurisdiction",
        Duplicate => "duplicate",
        Other => "other",
    }
);

impl PoliceStepKind {
    /// The timeline leg this step stamps.
    pub fn timeline_leg(self) -> crate::timeline::Event {
        use crate::timeline::Event;
        match self {
            PoliceStepKind::Acknowledged => Event::PoliceAcknowledged,
            PoliceStepKind::Hold => Event::PoliceHold,
            PoliceStepKind::Release => Event::PoliceRelease,
            PoliceStepKind::Cleared => Event::Cleared,
            PoliceStepKind::OrderRequested => Event::OrderRequested,
            PoliceStepKind::OrderServed => Event::OrderServed,
            PoliceStepKind::Declined => Event::PoliceDeclined,
            PoliceStepKind::PassedAbroad => Event::PolicePassedAbroad,
            PoliceStepKind::PreserveEvidence => Event::PolicePreserveEvidence,
        }
    }
}

/// The unit every referral goes to unless a rule names another, and every account's default.
pub const NATIONAL_UNIT: &str = "national";

/// A police unit's name that is not allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a police unit is 1 to 40 lower-case letters, digits, '-' or '_', not \"{0}\"")]
pub struct InvalidUnit(pub String);

/// Checks a police unit's name (`national`, `antwerp`, `fccu-east`, …).
pub fn parse_unit(s: &str) -> Result<String, InvalidUnit> {
    let u = s.trim();
    let ok = (1..=40).contains(&u.len())
        && u.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(u.to_owned())
    } else {
        Err(InvalidUnit(u.to_owned()))
    }
}

/// A rule that sends some referrals to a unit other than the national one (`[[police.units]]`
/// in the configuration). Every condition it names must hold; a rule naming none takes
/// everything. The first rule that matches wins; none matching means [`NATIONAL_UNIT`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRule {
    /// The unit that gets the referral.
    pub unit: String,
    /// Only referrals of an urgent report (`true`), or only of others (`false`).
    pub urgent: Option<bool>,
    /// Only when one of the traced addresses is hosted in one of these countries (ISO 3166-1).
    pub hosting_countries: Vec<String>,
    /// Only when the registrable domain is, or ends in, one of these (`be`, `example.be` for a Belgian unit).
    pub domains: Vec<String>,
}

/// What the unit rules look at of a case being referred to the police.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFacts {
    /// One of the case's reports was marked urgent.
    pub urgent: bool,
    /// The countries its traced addresses are hosted in (ISO 3166-1 alpha-2).
    pub hosting_countries: Vec<String>,
    /// The registrable domain of its address (`example.be`), lower case.
    pub registrable_domain: Option<String>,
}

impl UnitRule {
    fn matches(&self, facts: &UnitFacts) -> bool {
        let urgent = self.urgent.is_none_or(|u| u == facts.urgent);
        let country = self.hosting_countries.is_empty()
            || facts.hosting_countries.iter().any(|c| {
                self.hosting_countries
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(c))
            });
        let domain = self.domains.is_empty()
            || facts.registrable_domain.as_deref().is_some_and(|d| {
                self.domains
                    .iter()
                    .any(|r| d == r || d.ends_with(&format!(".{r}")))
            });
        urgent && country && domain
    }
}

/// The unit a referral goes to: the first rule that matches, else the national unit.
pub fn unit_for<'a>(rules: &'a [UnitRule], facts: &UnitFacts) -> &'a str {
    rules
        .iter()
        .find(|r| r.matches(facts))
        .map_or(NATIONAL_UNIT, |r| r.unit.as_str())
}

/// A unit rule that cannot be used, naming the rule (its unit) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidUnitRule {
    #[error(transparent)]
    Unit(#[from] InvalidUnit),
    #[error("police unit {unit}: \"{value}\" is not an ISO 3166-1 country code such as \"BE\"")]
    Country { unit: String, value: String },
    #[error(
        "police unit {unit}: \"{value}\" is not a domain name or suffix such as \"be\" or \"example.be\""
    )]
    Domain { unit: String, value: String },
}

/// Checks the unit rules as the configuration gives them, normalising countries to upper
/// case and domains to lower case without dots at either end.
pub fn parse_unit_rules(rules: &[UnitRule]) -> Result<Vec<UnitRule>, InvalidUnitRule> {
    rules
        .iter()
        .map(|r| {
            let unit = parse_unit(&r.unit)?;
            let hosting_countries = r
                .hosting_countries
                .iter()
                .map(|c| {
                    crate::jurisdiction::country_code(c)
                        .filter(|code| crate::settings::is_known_country(code))
                        .ok_or_else(|| InvalidUnitRule::Country {
                            unit: unit.clone(),
                            value: c.clone(),
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let domains = r
                .domains
                .iter()
                .map(|d| {
                    let d = d.trim().trim_matches('.').to_ascii_lowercase();
                    let ok = !d.is_empty()
                        && d.len() <= 253
                        && d.split('.').all(|l| {
                            !l.is_empty()
                                && l.len() <= 63
                                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        });
                    if ok {
                        Ok(d)
                    } else {
                        Err(InvalidUnitRule::Domain {
                            unit: unit.clone(),
                            value: d,
                        })
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(UnitRule {
                unit,
                urgent: r.urgent,
                hosting_countries,
                domains,
            })
        })
        .collect()
}

/// The longest police file number kept.
pub const MAX_REFERENCE_CHARS: usize = 100;
/// The longest note kept with a police step.
pub const MAX_NOTE_CHARS: usize = 2000;

/// One police step as recorded: the kind and what that kind carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceStep {
    pub kind: PoliceStepKind,
    /// `acknowledged`: the police's file number.
    pub reference: Option<String>,
    /// `declined`: why.
    pub reason: Option<DeclineReason>,
    /// `passed_abroad`: ISO 3166-1 alpha-2 of the country it was passed to.
    pub country: Option<String>,
    /// Free text, optional.
    pub note: String,
}

/// A police step as typed into a form or an API body, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct PoliceStepInput<'a> {
    pub step: &'a str,
    pub reference: &'a str,
    pub reason: &'a str,
    pub country: &'a str,
    pub note: &'a str,
}

/// Why a police step was not taken: the field and the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{refusal}")]
pub struct PoliceStepRefused {
    /// The form field the message is about (`step`, `reference`, `reason`, `country`, `note`).
    pub field: &'static str,
    /// Why, coded (`police_…`).
    pub refusal: crate::Refusal,
}

fn refused(field: &'static str, refusal: crate::Refusal) -> PoliceStepRefused {
    PoliceStepRefused { field, refusal }
}

impl PoliceStep {
    /// Parses a step with what its kind needs; anything a kind does not carry is ignored.
    pub fn parse(input: &PoliceStepInput<'_>) -> Result<PoliceStep, PoliceStepRefused> {
        let kind: PoliceStepKind = input.step.trim().parse().map_err(|()| {
            refused(
                "step",
                crate::Refusal::new(
                    "police_step_unknown",
                    format!(
                        "unknown police step \"{}\"; one of {}",
                        input.step.trim(),
                        crate::names::joined(PoliceStepKind::ALL)
                    ),
                )
                .with("step", input.step.trim()),
            )
        })?;
        let note = input.note.trim();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(refused(
                "note",
                crate::Refusal::new(
                    "police_note_too_long",
                    format!("a note has at most {MAX_NOTE_CHARS} characters"),
                )
                .with("max", MAX_NOTE_CHARS),
            ));
        }
        let mut step = PoliceStep {
            kind,
            reference: None,
            reason: None,
            country: None,
            note: note.to_owned(),
        };
        match kind {
            PoliceStepKind::Acknowledged => {
                let r = input.reference.trim();
                if r.is_empty() || r.chars().count() > MAX_REFERENCE_CHARS {
                    return Err(refused(
                        "reference",
                        crate::Refusal::new(
                            "police_reference_needed",
                            format!(
                                "give the police's file number (1 to {MAX_REFERENCE_CHARS} characters)"
                            ),
                        )
                        .with("max", MAX_REFERENCE_CHARS),
                    ));
                }
                step.reference = Some(r.to_owned());
            }
            PoliceStepKind::Declined => {
                let r = input.reason.trim();
                step.reason = Some(r.parse().map_err(|()| {
                    refused(
                        "reason",
                        crate::Refusal::new(
                            "police_decline_reason_needed",
                            format!(
                                "say why the police declined: one of {}",
                                crate::names::joined(DeclineReason::ALL)
                            ),
                        ),
                    )
                })?);
            }
            PoliceStepKind::PassedAbroad => {
                let c = input.country.trim().to_ascii_uppercase();
                if !crate::settings::is_known_country(&c) {
                    return Err(refused(
                        "country",
                        crate::Refusal::new(
                            "police_country_needed",
                            "name the country it was passed to (ISO 3166-1 alpha-2, e.g. NL)",
                        ),
                    ));
                }
                step.country = Some(c);
            }
            _ => {}
        }
        Ok(step)
    }

    /// What the timeline shows beside the leg: the carried value and the note.
    pub fn details(&self) -> Option<String> {
        let carried = match self.kind {
            PoliceStepKind::Acknowledged => self.reference.clone(),
            PoliceStepKind::Declined => self.reason.map(|r| r.to_string()),
            PoliceStepKind::PassedAbroad => self.country.clone(),
            _ => None,
        };
        match (carried, self.note.is_empty()) {
            (Some(c), true) => Some(c),
            (Some(c), false) => Some(format!("{c}: {}", self.note)),
            (None, false) => Some(self.note.clone()),
            (None, true) => None,
        }
    }
}

/// What recording a step does to the case, besides appending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoliceEffect {
    /// Nothing else changes.
    Recorded,
    /// The notice job should look again (cleared, or a hold released).
    NoticeMayGo,
    /// The case moves to `awaiting_removal`: monitoring starts.
    AwaitRemoval,
    /// The case closes with this reason.
    Close(CloseReason),
}

/// Everything the police recorded on a case, read as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoliceRecord {
    steps: Vec<PoliceStep>,
}

impl PoliceRecord {
    /// The record of `steps`, oldest first.
    pub fn new(steps: Vec<PoliceStep>) -> Self {
        Self { steps }
    }

    pub fn steps(&self) -> &[PoliceStep] {
        &self.steps
    }

    fn last_of(&self, kind: PoliceStepKind) -> Option<usize> {
        self.steps.iter().rposition(|s| s.kind == kind)
    }

    /// A hold is in force when one was recorded and no `release` came after it.
    pub fn hold_in_force(&self) -> bool {
        match (
            self.last_of(PoliceStepKind::Hold),
            self.last_of(PoliceStepKind::Release),
        ) {
            (Some(h), Some(r)) => h > r,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The police cleared the notice (at any time; a hold in force still blocks it).
    pub fn cleared(&self) -> bool {
        self.last_of(PoliceStepKind::Cleared).is_some()
    }

    /// The police asked that the host keep the evidence: notices say so.
    pub fn preserve_evidence(&self) -> bool {
        self.last_of(PoliceStepKind::PreserveEvidence).is_some()
    }

    /// The police's own file number, from their latest acknowledgement.
    pub fn file_number(&self) -> Option<&str> {
        self.steps.iter().rev().find_map(|s| {
            s.reference
                .as_deref()
                .filter(|_| s.kind == PoliceStepKind::Acknowledged)
        })
    }

    /// The latest step, for a one-line summary.
    pub fn latest(&self) -> Option<PoliceStepKind> {
        self.steps.last().map(|s| s.kind)
    }

    /// Checks `step` against the record and the case's state, and says what it does.
    pub fn check(
        &self,
        step: &PoliceStep,
        state: CaseState,
    ) -> Result<PoliceEffect, PoliceStepRefused> {
        if !matches!(state, CaseState::Referred | CaseState::AwaitingRemoval) {
            return Err(refused(
                "step",
                crate::Refusal::new(
                    "police_step_not_referred",
                    format!(
                        "the police record steps on a case referred to them; this case is {state}"
                    ),
                )
                .with("state", state),
            ));
        }
        Ok(match step.kind {
            PoliceStepKind::Release if !self.hold_in_force() => {
                return Err(refused(
                    "step",
                    crate::Refusal::new("police_no_hold", "there is no hold in force to release"),
                ));
            }
            PoliceStepKind::Release | PoliceStepKind::Cleared => PoliceEffect::NoticeMayGo,
            PoliceStepKind::OrderServed => {
                if self.last_of(PoliceStepKind::OrderRequested).is_none() {
                    return Err(refused(
                        "step",
                        crate::Refusal::new(
                            "police_order_not_requested",
                            "an order can be served only after it was requested (record order_requested first)",
                        ),
                    ));
                }
                if state == CaseState::Referred {
                    PoliceEffect::AwaitRemoval
                } else {
                    PoliceEffect::Recorded
                }
            }
            PoliceStepKind::Declined => PoliceEffect::Close(CloseReason::DeclinedByPolice),
            _ => PoliceEffect::Recorded,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::PoliceStepKind::*;
    use super::*;

    fn step(kind: PoliceStepKind) -> PoliceStep {
        PoliceStep {
            kind,
            reference: None,
            reason: None,
            country: None,
            note: String::new(),
        }
    }

    fn record(kinds: &[PoliceStepKind]) -> PoliceRecord {
        PoliceRecord::new(kinds.iter().map(|k| step(*k)).collect())
    }

    #[test]
    fn the_police_may_ask_that_evidence_be_preserved() {
        assert!(!record(&[Acknowledged, Cleared]).preserve_evidence());
        let r = record(&[Acknowledged, PreserveEvidence, Cleared]);
        assert!(r.preserve_evidence());
        assert_eq!(
            r.check(&step(PreserveEvidence), CaseState::Referred),
            Ok(PoliceEffect::Recorded)
        );
        assert_eq!(
            PreserveEvidence.timeline_leg().as_str(),
            "police_preserve_evidence"
        );
    }

    #[test]
    fn a_hold_stays_in_force_whatever_comes_after_until_a_release() {
        assert!(!record(&[]).hold_in_force());
        let held = record(&[Hold, Acknowledged, OrderRequested, Cleared]);
        assert!(held.hold_in_force());
        assert!(held.cleared());
        assert!(!record(&[Hold, Cleared, Release]).hold_in_force());
        assert!(record(&[Hold, Release, Hold]).hold_in_force());
    }

    #[test]
    fn release_needs_a_hold_and_order_served_needs_a_request() {
        let r = record(&[Acknowledged]);
        let s = CaseState::Referred;
        assert_eq!(r.check(&step(Release), s).unwrap_err().field, "step");
        assert!(r.check(&step(OrderServed), s).is_err());
        let requested = record(&[OrderRequested]);
        assert_eq!(
            requested.check(&step(OrderServed), s),
            Ok(PoliceEffect::AwaitRemoval)
        );
        assert_eq!(
            requested.check(&step(OrderServed), CaseState::AwaitingRemoval),
            Ok(PoliceEffect::Recorded)
        );
        assert_eq!(
            record(&[Hold]).check(&step(Release), s),
            Ok(PoliceEffect::NoticeMayGo)
        );
    }

    #[test]
    fn declined_closes_and_steps_need_a_referred_case() {
        let r = record(&[]);
        assert_eq!(
            r.check(&step(Declined), CaseState::Referred),
            Ok(PoliceEffect::Close(CloseReason::DeclinedByPolice))
        );
        for state in [CaseState::New, CaseState::Closed, CaseState::Removed] {
            assert!(r.check(&step(Hold), state).is_err(), "{state}");
        }
    }

    #[test]
    fn each_kind_parses_what_it_carries() {
        let input = |step, reference, reason, country| PoliceStepInput {
            step,
            reference,
            reason,
            country,
            note: " seen ",
        };
        let ack = PoliceStep::parse(&input("acknowledged", " PV-2026/123 ", "", "")).unwrap();
        assert_eq!(ack.reference.as_deref(), Some("PV-2026/123"));
        assert_eq!(ack.note, "seen");
        assert_eq!(ack.details().as_deref(), Some("PV-2026/123: seen"));
        assert_eq!(
            PoliceStep::parse(&input("acknowledged", "", "", ""))
                .unwrap_err()
                .field,
            "reference"
        );
        let declined = PoliceStep::parse(&input("declined", "", "no_jurisdiction", "")).unwrap();
        assert_eq!(declined.reason, Some(DeclineReason::NoJurisdiction));
        assert_eq!(
            PoliceStep::parse(&input("declined", "", "bored", ""))
                .unwrap_err()
                .field,
            "reason"
        );
        let abroad = PoliceStep::parse(&input("passed_abroad", "", "", "nl")).unwrap();
        assert_eq!(abroad.country.as_deref(), Some("NL"));
        assert_eq!(
            PoliceStep::parse(&input("passed_abroad", "", "", "XX"))
                .unwrap_err()
                .field,
            "country"
        );
        assert_eq!(
            PoliceStep::parse(&input("arrest", "", "", ""))
                .unwrap_err()
                .field,
            "step"
        );
    }

    #[test]
    fn unit_names_are_plain() {
        assert_eq!(parse_unit(" antwerp "), Ok("antwerp".into()));
        assert_eq!(parse_unit(NATIONAL_UNIT), Ok("national".into()));
        for bad in ["", "Antwerp", "a b", "x/../y", &"u".repeat(41)] {
            assert!(parse_unit(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_file_number_is_the_latest_acknowledgement() {
        let mut a = step(Acknowledged);
        a.reference = Some("A-1".into());
        let mut b = step(Acknowledged);
        b.reference = Some("B-2".into());
        let r = PoliceRecord::new(vec![a, step(Hold), b]);
        assert_eq!(r.file_number(), Some("B-2"));
        assert_eq!(r.latest(), Some(Acknowledged));
    }
    #[test]
    fn a_referral_goes_to_the_first_unit_whose_rule_matches_else_the_national_one() {
        let rules = parse_unit_rules(&[
            UnitRule {
                unit: "urgent-desk".into(),
                urgent: Some(true),
                ..UnitRule::default()
            },
            UnitRule {
                unit: "antwerp".into(),
                hosting_countries: vec!["be".into()],
                domains: vec![".INVALID".into()],
                ..UnitRule::default()
            },
        ])
        .unwrap();
        let facts = |urgent: bool, country: &str, domain: &str| UnitFacts {
            urgent,
            hosting_countries: vec![country.into()],
            registrable_domain: Some(domain.into()),
        };
        assert_eq!(
            unit_for(&rules, &facts(true, "NL", "example.com")),
            "urgent-desk"
        );
        assert_eq!(
            unit_for(&rules, &facts(false, "BE", "shop.example.invalid")),
            "antwerp"
        );
        // Both conditions of a rule must hold: hosted in BE but not under the domain.
        assert_eq!(
            unit_for(&rules, &facts(false, "BE", "example.com")),
            NATIONAL_UNIT
        );
        // A suffix matches whole labels only.
        assert_eq!(
            unit_for(&rules, &facts(false, "BE", "notinvalid")),
            NATIONAL_UNIT
        );
        assert_eq!(
            unit_for(&[], &facts(true, "BE", "example.invalid")),
            NATIONAL_UNIT
        );
    }

    #[test]
    fn a_unit_rule_with_a_bad_unit_country_or_domain_is_refused_naming_it() {
        let bad = |r: UnitRule| parse_unit_rules(&[r]).unwrap_err().to_string();
        assert!(
            bad(UnitRule {
                unit: "Antwerp Police".into(),
                ..UnitRule::default()
            })
            .contains("Antwerp Police")
        );
        let e = bad(UnitRule {
            unit: "antwerp".into(),
            hosting_countries: vec!["Belgium".into()],
            ..UnitRule::default()
        });
        assert!(e.contains("antwerp") && e.contains("\"Belgium\""), "{e}");
        let e = bad(UnitRule {
            unit: "antwerp".into(),
            domains: vec!["*.be".into()],
            ..UnitRule::default()
        });
        assert!(e.contains("\"*.be\""), "{e}");
    }
}
