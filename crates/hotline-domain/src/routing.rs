//! Where a case goes next (docs/SPEC.md §1): the national police, a partner hotline abroad, the
//! police's international channel, or closure. One function decides, and says why, so the
//! case page can show "why this route" and every deployment routes the same way.

use serde::{Deserialize, Serialize};

use crate::Procedure;
use crate::assessment::Classification;
use crate::jurisdiction::TakedownBy;
use crate::trace::Trace;

/// A partner hotline and the countries it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCountry {
    pub partner: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// The deployment's facts that routing needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jurisdiction {
    pub procedure: Procedure,
    /// ISO 3166-1 alpha-2 of the hotline's own country.
    pub country: String,
    pub takedown_by: TakedownBy,
    pub objection_hours: u32,
    pub partners: Vec<PartnerCountry>,
}

/// Where a case goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum Route {
    /// Hosted at home: to the national police; then the notice per the takedown regime.
    NationalPolice {
        takedown_by: TakedownBy,
        objection_hours: u32,
    },
    /// Hosted in a partner's country: to that partner hotline.
    Partner { partner: String, country: String },
    /// Hosted elsewhere, untraceable or an onion service: to the national police, for the
    /// international channel.
    InternationalPolice { reason: String },
    /// `forward-unopened`: every case to the national police, wherever it is hosted; the police,
    /// not the hotline, pass foreign-hosted material on. `hosted` says where the trace found it.
    PoliceUnopened { hosted: String },
    /// Not for hand-off (not illegal, gone, out of remit): close with the reason.
    Close { reason: String },
    /// Not decided yet: the case waits for an assessment or a trace.
    Wait { reason: String },
}

impl Route {
    /// Whether this route hands the case to the police.
    pub fn is_police(&self) -> bool {
        matches!(
            self,
            Route::NationalPolice { .. }
                | Route::InternationalPolice { .. }
                | Route::PoliceUnopened { .. }
        )
    }

    /// A plain explanation for staff: "why this route".
    pub fn explain(&self) -> String {
        match self {
            Route::NationalPolice { takedown_by: TakedownBy::Police, .. } => {
                "Hosted in this country: referred to the national police, who obtain a magistrate's order and contact the host.".into()
            }
            Route::NationalPolice { takedown_by: TakedownBy::Hotline, objection_hours } => format!(
                "Hosted in this country: referred to the national police; the hotline sends the notice to the host once the police clear it, or after {objection_hours} hours without objection."
            ),
            Route::Partner { partner, country } => {
                format!("Hosted in {country}: referred to the partner hotline {partner}.")
            }
            Route::InternationalPolice { reason } => {
                format!("{reason}: referred to the national police for the international channel.")
            }
            Route::PoliceUnopened { hosted } => format!(
                "Forwarded unopened ({hosted}): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice."
            ),
            Route::Close { reason } => format!("{reason}: the case is closed."),
            Route::Wait { reason } => reason.clone(),
        }
    }
}

/// Decides the route of a case from its latest assessment (if any) and trace (if any).
pub fn route(j: &Jurisdiction, assessed: Option<Classification>, trace: Option<&Trace>) -> Route {
    if j.procedure == Procedure::Assess {
        match assessed {
            None => {
                return Route::Wait {
                    reason: "Waiting for an assessment.".into(),
                };
            }
            Some(c) if !c.is_illegal() => {
                let reason = match c {
                    Classification::NotIllegal => "Assessed as not illegal",
                    Classification::Unavailable => "The content was gone when assessed",
                    _ => "Outside this hotline's remit",
                };
                return Route::Close {
                    reason: reason.into(),
                };
            }
            Some(_) => {}
        }
    }
    let Some(trace) = trace else {
        return Route::Wait {
            reason: "Waiting for the trace of where the address is hosted.".into(),
        };
    };
    if j.procedure == Procedure::ForwardUnopened {
        let countries = trace.hosting_countries();
        let hosted = match (&trace.untraceable, countries.is_empty()) {
            (Some(why), _) => format!("untraceable: {why}"),
            (None, true) => "hosting country unknown".to_owned(),
            (None, false) => format!("hosted in {}", countries.join(", ")),
        };
        return Route::PoliceUnopened { hosted };
    }
    if let Some(why) = &trace.untraceable {
        return Route::InternationalPolice {
            reason: format!("Untraceable ({why})"),
        };
    }
    let countries = trace.hosting_countries();
    if countries.is_empty() {
        return Route::InternationalPolice {
            reason: "The hosting country is unknown".into(),
        };
    }
    if countries.iter().any(|c| c.eq_ignore_ascii_case(&j.country)) {
        return Route::NationalPolice {
            takedown_by: j.takedown_by,
            objection_hours: j.objection_hours,
        };
    }
    for c in &countries {
        if let Some(p) = j
            .partners
            .iter()
            .find(|p| p.country.eq_ignore_ascii_case(c))
        {
            return Route::Partner {
                partner: p.partner.clone(),
                country: c.clone(),
            };
        }
    }
    Route::InternationalPolice {
        reason: format!(
            "Hosted in {} with no partner hotline there",
            countries.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::HostingAddress;

    fn be(procedure: Procedure) -> Jurisdiction {
        Jurisdiction {
            procedure,
            country: "BE".into(),
            takedown_by: TakedownBy::Police,
            objection_hours: 48,
            partners: vec![PartnerCountry {
                partner: "Meldpunt NL".into(),
                country: "NL".into(),
            }],
        }
    }

    fn hosted(country: &str) -> Trace {
        Trace {
            addresses: vec![HostingAddress {
                country: Some(country.into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn assess_waits_then_routes_by_hosting_country() {
        let j = be(Procedure::Assess);
        assert!(matches!(
            route(&j, None, Some(&hosted("BE"))),
            Route::Wait { .. }
        ));
        let illegal = Some(Classification::Baseline);
        assert!(matches!(route(&j, illegal, None), Route::Wait { .. }));
        assert_eq!(
            route(&j, illegal, Some(&hosted("BE"))),
            Route::NationalPolice {
                takedown_by: TakedownBy::Police,
                objection_hours: 48
            }
        );
        assert_eq!(
            route(&j, illegal, Some(&hosted("NL"))),
            Route::Partner {
                partner: "Meldpunt NL".into(),
                country: "NL".into()
            }
        );
        let elsewhere = route(&j, illegal, Some(&hosted("US")));
        assert!(
            elsewhere.is_police() && elsewhere.explain().contains("US"),
            "{elsewhere:?}"
        );
        let onion = Trace {
            untraceable: Some("an onion service".into()),
            ..Default::default()
        };
        assert!(matches!(
            route(&j, illegal, Some(&onion)),
            Route::InternationalPolice { .. }
        ));
    }

    #[test]
    fn not_illegal_closes_with_the_reason() {
        let j = be(Procedure::Assess);
        for c in [
            Classification::NotIllegal,
            Classification::Unavailable,
            Classification::OutOfRemit,
        ] {
            assert!(
                matches!(route(&j, Some(c), Some(&hosted("BE"))), Route::Close { .. }),
                "{c:?}"
            );
        }
    }

    #[test]
    fn forward_unopened_sends_everything_to_the_national_police() {
        let j = be(Procedure::ForwardUnopened);
        assert!(matches!(route(&j, None, None), Route::Wait { .. }));
        // Even hosted in a partner's country: the police, not the hotline, pass it on.
        for trace in [
            hosted("BE"),
            hosted("NL"),
            hosted("US"),
            Trace {
                untraceable: Some("an onion service".into()),
                ..Default::default()
            },
        ] {
            let r = route(&j, None, Some(&trace));
            assert!(
                matches!(r, Route::PoliceUnopened { .. }) && r.is_police(),
                "{r:?}"
            );
        }
        let nl = route(&j, None, Some(&hosted("NL"))).explain();
        assert!(
            nl.contains("hosted in NL") && nl.contains("no notice"),
            "{nl}"
        );
    }
}
