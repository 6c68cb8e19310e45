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
    InternationalPolice { reason: RouteReason },
    /// `forward-unopened`: every case to the national police, wherever it is hosted; the police,
    /// not the hotline, pass foreign-hosted material on. `hosted` says where the trace found it.
    PoliceUnopened { hosted: RouteReason },
    /// Not for hand-off (not illegal, gone, out of remit): close with the reason.
    Close { reason: RouteReason },
    /// Not decided yet: the case waits for an assessment or a trace.
    Wait { reason: RouteReason },
}

/// Why a case takes its route, as a code with its facts: the web says it in the staff's
/// language, the command line and the logs in English ([`std::fmt::Display`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum RouteReason {
    /// No assessment yet.
    AwaitingAssessment,
    /// No trace yet.
    AwaitingTrace,
    /// Assessed as not illegal.
    NotIllegal,
    /// The content was gone when assessed.
    Unavailable,
    /// Outside this hotline's remit.
    OutOfRemit,
    /// An onion service: its location is hidden by design.
    Onion,
    /// The trace could not locate the host; `why` is the trace's own words (shown with the
    /// hosting on the case page).
    Untraceable { why: String },
    /// Traced, but no hosting country is known.
    CountryUnknown,
    /// Hosted in these countries (ISO 3166-1 alpha-2), none of them home or a partner's.
    HostedIn { countries: Vec<String> },
}

impl RouteReason {
    /// The stable code of the reason: `awaiting_assessment`, `hosted_in`, …
    pub fn code(&self) -> &'static str {
        match self {
            RouteReason::AwaitingAssessment => "awaiting_assessment",
            RouteReason::AwaitingTrace => "awaiting_trace",
            RouteReason::NotIllegal => "not_illegal",
            RouteReason::Unavailable => "unavailable",
            RouteReason::OutOfRemit => "out_of_remit",
            RouteReason::Onion => "onion",
            RouteReason::Untraceable { .. } => "untraceable",
            RouteReason::CountryUnknown => "country_unknown",
            RouteReason::HostedIn { .. } => "hosted_in",
        }
    }
}

impl std::fmt::Display for RouteReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RouteReason::AwaitingAssessment => f.write_str("Waiting for an assessment."),
            RouteReason::AwaitingTrace => {
                f.write_str("Waiting for the trace of where the address is hosted.")
            }
            RouteReason::NotIllegal => f.write_str("Assessed as not illegal"),
            RouteReason::Unavailable => f.write_str("The content was gone when assessed"),
            RouteReason::OutOfRemit => f.write_str("Outside this hotline's remit"),
            RouteReason::Onion => f.write_str(
                "An onion service: its location is hidden by design and cannot be traced",
            ),
            RouteReason::Untraceable { why } => write!(f, "Untraceable ({why})"),
            RouteReason::CountryUnknown => f.write_str("The hosting country is unknown"),
            RouteReason::HostedIn { countries } => {
                write!(f, "Hosted in {}", countries.join(", "))
            }
        }
    }
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

    /// The stable code of "why this route", one per sentence the staff read: the route and,
    /// where it has one, its reason (`wait_awaiting_trace`, `international_hosted_in`, …).
    pub fn code(&self) -> String {
        match self {
            Route::NationalPolice {
                takedown_by: TakedownBy::Police,
                ..
            } => "national_police".into(),
            Route::NationalPolice {
                takedown_by: TakedownBy::Hotline,
                ..
            } => "national_police_notice".into(),
            Route::Partner { .. } => "partner".into(),
            Route::InternationalPolice { reason } => format!("international_{}", reason.code()),
            Route::PoliceUnopened { hosted } => format!("unopened_{}", hosted.code()),
            Route::Close { reason } => format!("close_{}", reason.code()),
            Route::Wait { reason } => format!("wait_{}", reason.code()),
        }
    }

    /// Every code [`Route::code`] can give, for the translations' completeness check.
    pub fn all_codes() -> Vec<String> {
        let abroad = [
            RouteReason::Onion,
            RouteReason::Untraceable { why: String::new() },
            RouteReason::CountryUnknown,
            RouteReason::HostedIn { countries: vec![] },
        ];
        let mut codes = vec![
            "national_police".to_owned(),
            "national_police_notice".to_owned(),
            "partner".to_owned(),
        ];
        for r in &abroad {
            codes.push(Route::InternationalPolice { reason: r.clone() }.code());
            codes.push(Route::PoliceUnopened { hosted: r.clone() }.code());
        }
        for r in [
            RouteReason::NotIllegal,
            RouteReason::Unavailable,
            RouteReason::OutOfRemit,
        ] {
            codes.push(Route::Close { reason: r }.code());
        }
        for r in [RouteReason::AwaitingAssessment, RouteReason::AwaitingTrace] {
            codes.push(Route::Wait { reason: r }.code());
        }
        codes
    }

    /// The facts the sentence names, by name: `hours`, `partner`, `country`, `countries`.
    /// The trace's own words for an untraceable host are left out: they are English and the
    /// case page shows them with the hosting.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let reason = match self {
            Route::NationalPolice {
                takedown_by: TakedownBy::Hotline,
                objection_hours,
            } => return vec![("hours", objection_hours.to_string())],
            Route::Partner { partner, country } => {
                return vec![("partner", partner.clone()), ("country", country.clone())];
            }
            Route::InternationalPolice { reason }
            | Route::PoliceUnopened { hosted: reason }
            | Route::Close { reason }
            | Route::Wait { reason } => reason,
            Route::NationalPolice { .. } => return Vec::new(),
        };
        match reason {
            RouteReason::HostedIn { countries } => vec![("countries", countries.join(", "))],
            _ => Vec::new(),
        }
    }
}

/// A plain explanation in English, for the command line and the logs: "why this route".
impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Route::NationalPolice { takedown_by: TakedownBy::Police, .. } => f.write_str(
                "Hosted in this country: referred to the national police, who obtain a magistrate's order and contact the host.",
            ),
            Route::NationalPolice { takedown_by: TakedownBy::Hotline, objection_hours } => write!(
                f,
                "Hosted in this country: referred to the national police; the hotline sends the notice to the host once the police clear it, or after {objection_hours} hours without objection."
            ),
            Route::Partner { partner, country } => {
                write!(f, "Hosted in {country}: referred to the partner hotline {partner}.")
            }
            Route::InternationalPolice { reason: reason @ RouteReason::HostedIn { .. } } => write!(
                f,
                "{reason} with no partner hotline there: referred to the national police for the international channel."
            ),
            Route::InternationalPolice { reason } => write!(
                f,
                "{reason}: referred to the national police for the international channel."
            ),
            Route::PoliceUnopened { hosted } => {
                let hosted = match hosted {
                    RouteReason::Untraceable { why } => format!("untraceable: {why}"),
                    RouteReason::Onion => "untraceable: an onion service".to_owned(),
                    RouteReason::HostedIn { countries } => {
                        format!("hosted in {}", countries.join(", "))
                    }
                    _ => "hosting country unknown".to_owned(),
                };
                write!(
                    f,
                    "Forwarded unopened ({hosted}): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice."
                )
            }
            Route::Close { reason } => write!(f, "{reason}: the case is closed."),
            Route::Wait { reason } => write!(f, "{reason}"),
        }
    }
}

/// Why a trace found no host: an onion service, or the trace's own words.
fn untraceable(trace: &Trace, why: &str) -> RouteReason {
    if crate::trace::is_onion(&trace.host) {
        RouteReason::Onion
    } else {
        RouteReason::Untraceable {
            why: why.to_owned(),
        }
    }
}

/// Decides the route of a case from its latest assessment (if any) and trace (if any).
pub fn route(j: &Jurisdiction, assessed: Option<Classification>, trace: Option<&Trace>) -> Route {
    if j.procedure == Procedure::Assess {
        match assessed {
            None => {
                return Route::Wait {
                    reason: RouteReason::AwaitingAssessment,
                };
            }
            Some(c) if !c.is_illegal() => {
                let reason = match c {
                    Classification::NotIllegal => RouteReason::NotIllegal,
                    Classification::Unavailable => RouteReason::Unavailable,
                    _ => RouteReason::OutOfRemit,
                };
                return Route::Close { reason };
            }
            Some(_) => {}
        }
    }
    let Some(trace) = trace else {
        return Route::Wait {
            reason: RouteReason::AwaitingTrace,
        };
    };
    let countries = trace.hosting_countries();
    let abroad = match (&trace.untraceable, countries.is_empty()) {
        (Some(why), _) => untraceable(trace, why),
        (None, true) => RouteReason::CountryUnknown,
        (None, false) => RouteReason::HostedIn {
            countries: countries.clone(),
        },
    };
    if j.procedure == Procedure::ForwardUnopened {
        return Route::PoliceUnopened { hosted: abroad };
    }
    if !matches!(abroad, RouteReason::HostedIn { .. }) {
        return Route::InternationalPolice { reason: abroad };
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
    Route::InternationalPolice { reason: abroad }
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
            elsewhere.is_police() && elsewhere.to_string().contains("US"),
            "{elsewhere:?}"
        );
        let onion = Trace {
            host: "example.onion".into(),
            untraceable: Some("an onion service".into()),
            ..Default::default()
        };
        assert_eq!(
            route(&j, illegal, Some(&onion)),
            Route::InternationalPolice {
                reason: RouteReason::Onion
            }
        );
        let unresolved = Trace {
            host: "gone.example.com".into(),
            untraceable: Some("the name has no address".into()),
            ..Default::default()
        };
        let r = route(&j, illegal, Some(&unresolved));
        assert_eq!(r.code(), "international_untraceable");
        assert!(r.to_string().contains("the name has no address"), "{r}");
        assert_eq!(elsewhere.code(), "international_hosted_in");
        assert_eq!(elsewhere.args(), vec![("countries", "US".to_owned())]);
    }

    #[test]
    fn every_route_has_a_known_code() {
        let all = Route::all_codes();
        let unique: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{all:?}");
        let mut seen = Vec::new();
        for procedure in [Procedure::Assess, Procedure::ForwardUnopened] {
            for takedown_by in [TakedownBy::Police, TakedownBy::Hotline] {
                let j = Jurisdiction {
                    takedown_by,
                    ..be(procedure)
                };
                for c in [
                    None,
                    Some(Classification::Baseline),
                    Some(Classification::NotIllegal),
                    Some(Classification::Unavailable),
                    Some(Classification::OutOfRemit),
                ] {
                    for t in [
                        None,
                        Some(hosted("BE")),
                        Some(hosted("NL")),
                        Some(Trace::default()),
                    ] {
                        seen.push(route(&j, c, t.as_ref()).code());
                    }
                }
            }
        }
        for code in &seen {
            assert!(
                all.contains(code),
                "{code} is missing from Route::all_codes"
            );
        }
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
        let nl = route(&j, None, Some(&hosted("NL"))).to_string();
        assert!(
            nl.contains("hosted in NL") && nl.contains("no notice"),
            "{nl}"
        );
    }
}
