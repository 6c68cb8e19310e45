//! Assessments: an analyst's verdict on a case (docs/SPEC.md §2).
//!
//! The classification says whether the content is illegal and under which law; for illegal
//! content the findings record what was seen, for statistics and for the police. Web form
//! and API both go through [`Assessment::parse`], so they accept exactly the same things.

use crate::names::{clip, joined};

/// Longest statutory reference, in characters.
pub const MAX_STATUTE_CHARS: usize = 200;

named_enum!(
    /// The verdict.
    Classification {
        /// Illegal everywhere: meets the international baseline definition.
        Baseline => "baseline",
        /// Illegal under national law only; the statute is recorded.
        National => "national",
        NotIllegal => "not_illegal",
        /// The content could not be reached.
        Unavailable => "unavailable",
        /// Not the kind of content this hotline handles.
        OutOfRemit => "out_of_remit",
    }
);

impl Classification {
    /// Whether findings are recorded and the case goes on to the police and the host.
    pub fn is_illegal(self) -> bool {
        matches!(self, Classification::Baseline | Classification::National)
    }

    /// Whether an assessed case may be closed straight away (docs/SPEC.md §2: not illegal,
    /// unavailable, out of remit). Illegal content must be handed on first.
    pub fn may_close_when_assessed(self) -> bool {
        !self.is_illegal()
    }
}

named_enum!(
    /// The apparent age of the youngest victim, in years.
    VictimAge {
        A0To2 => "0-2",
        A3To6 => "3-6",
        A7To10 => "7-10",
        A11To13 => "11-13",
        A14To15 => "14-15",
        A16To17 => "16-17",
        Unknown => "unknown",
    }
);

named_enum!(
    /// The apparent gender of the victims.
    VictimGender {
        Female => "female",
        Male => "male",
        Both => "both",
        Unknown => "unknown",
    }
);

named_enum!(
    /// What kind of material was found.
    Media {
        Image => "image",
        Video => "video",
        Text => "text",
        Mixed => "mixed",
    }
);

named_enum!(
    /// What kind of site hosts the material.
    SiteType {
        Website => "website",
        ImageHost => "image_host",
        FileHost => "file_host",
        Forum => "forum",
        Social => "social",
        Other => "other",
    }
);

/// What was found illegal, and about whom. Present exactly when the classification is illegal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    pub victim_age: VictimAge,
    pub victim_gender: VictimGender,
    pub media: Media,
    pub site_type: SiteType,
    /// Whether the material is offered for money.
    pub commercial: bool,
}

/// An assessment that meets every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub classification: Classification,
    /// The statute that makes the content illegal: required for `national`, optional for
    /// `baseline`, absent otherwise.
    pub statutory_reference: Option<String>,
    /// Present exactly when the classification is illegal.
    pub findings: Option<Findings>,
}

/// As typed in the form or sent to the API; all text.
#[derive(Debug, Clone, Default)]
pub struct AssessmentInput {
    pub classification: Option<String>,
    pub statutory_reference: Option<String>,
    pub victim_age: Option<String>,
    pub victim_gender: Option<String>,
    pub media: Option<String>,
    pub site_type: Option<String>,
    pub commercial: Option<bool>,
}

/// What is wrong with a field. `Display` gives the English message (the API's); the web
/// pages translate each variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessmentProblem {
    #[error("this field is required")]
    Missing,
    #[error("\"{given}\" is not one of: {allowed}")]
    NotOneOf { given: String, allowed: String },
    #[error("at most {max} characters")]
    TooLong { max: usize },
    #[error("only for illegal content; leave it empty")]
    NotApplicable,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentError {
    /// The input field's name: "classification", "statutory_reference", "victim_age",
    /// "victim_gender", "media", "site_type" or "commercial".
    pub field: &'static str,
    pub problem: AssessmentProblem,
}

/// Every problem found in an assessment, so an analyst can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .errors.first().map(|e| format!("{}: {}", e.field, e.problem)).unwrap_or_default())]
pub struct InvalidAssessment {
    pub errors: Vec<AssessmentError>,
}

/// Collects problems in field order.
#[derive(Default)]
struct Problems(Vec<AssessmentError>);

impl Problems {
    fn push(&mut self, field: &'static str, problem: AssessmentProblem) {
        self.0.push(AssessmentError { field, problem });
    }

    /// Reads one named value. Returns `None` when it is absent, invalid or not applicable;
    /// the reason, if any, is recorded. `illegal` is `None` when the classification itself
    /// is unusable: then only the value is checked.
    fn named<T>(
        &mut self,
        field: &'static str,
        raw: Option<String>,
        illegal: Option<bool>,
        all: &[T],
    ) -> Option<T>
    where
        T: std::str::FromStr<Err = ()> + std::fmt::Display,
    {
        let given = non_empty(raw);
        match (given, illegal) {
            (None, Some(true)) => {
                self.push(field, AssessmentProblem::Missing);
                None
            }
            (None, _) => None,
            (Some(_), Some(false)) => {
                self.push(field, AssessmentProblem::NotApplicable);
                None
            }
            (Some(s), _) => match s.parse() {
                Ok(v) => Some(v),
                Err(()) => {
                    self.push(
                        field,
                        AssessmentProblem::NotOneOf {
                            given: clip(&s),
                            allowed: joined(all),
                        },
                    );
                    None
                }
            },
        }
    }
}

impl Assessment {
    /// Checks an assessment against the rules, collecting every problem.
    pub fn parse(input: AssessmentInput) -> Result<Assessment, InvalidAssessment> {
        let mut p = Problems::default();

        let classification: Option<Classification> = p.named(
            "classification",
            input.classification,
            Some(true),
            Classification::ALL,
        );
        let illegal = classification.map(Classification::is_illegal);

        let statute = non_empty(input.statutory_reference);
        match (classification, &statute) {
            (Some(Classification::National), None) => {
                p.push("statutory_reference", AssessmentProblem::Missing);
            }
            (Some(c), Some(_)) if !c.is_illegal() => {
                p.push("statutory_reference", AssessmentProblem::NotApplicable);
            }
            (_, Some(s)) if s.chars().count() > MAX_STATUTE_CHARS => {
                p.push(
                    "statutory_reference",
                    AssessmentProblem::TooLong {
                        max: MAX_STATUTE_CHARS,
                    },
                );
            }
            _ => {}
        }

        let victim_age = p.named("victim_age", input.victim_age, illegal, VictimAge::ALL);
        let victim_gender = p.named(
            "victim_gender",
            input.victim_gender,
            illegal,
            VictimGender::ALL,
        );
        let media = p.named("media", input.media, illegal, Media::ALL);
        let site_type = p.named("site_type", input.site_type, illegal, SiteType::ALL);
        let commercial = match (input.commercial, illegal) {
            (None, Some(true)) => {
                p.push("commercial", AssessmentProblem::Missing);
                None
            }
            (Some(_), Some(false)) => {
                p.push("commercial", AssessmentProblem::NotApplicable);
                None
            }
            (c, _) => c,
        };

        let (Some(classification), true) = (classification, p.0.is_empty()) else {
            return Err(InvalidAssessment { errors: p.0 });
        };
        // With no problems, the findings fields are all given when the content is illegal
        // and all absent otherwise.
        let findings = match (victim_age, victim_gender, media, site_type, commercial) {
            (Some(victim_age), Some(victim_gender), Some(media), Some(site_type), Some(c)) => {
                Some(Findings {
                    victim_age,
                    victim_gender,
                    media,
                    site_type,
                    commercial: c,
                })
            }
            _ => None,
        };
        Ok(Assessment {
            classification,
            statutory_reference: statute,
            findings,
        })
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssessmentProblem::*;

    fn illegal(classification: &str) -> AssessmentInput {
        AssessmentInput {
            classification: Some(classification.into()),
            statutory_reference: None,
            victim_age: Some("7-10".into()),
            victim_gender: Some("female".into()),
            media: Some("image".into()),
            site_type: Some("image_host".into()),
            commercial: Some(false),
        }
    }

    fn legal(classification: &str) -> AssessmentInput {
        AssessmentInput {
            classification: Some(classification.into()),
            ..Default::default()
        }
    }

    fn problems(input: AssessmentInput) -> Vec<(&'static str, AssessmentProblem)> {
        Assessment::parse(input)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn accepts_baseline_with_findings() {
        let a = Assessment::parse(illegal(" baseline ")).unwrap();
        assert_eq!(a.classification, Classification::Baseline);
        assert_eq!(a.statutory_reference, None);
        assert_eq!(
            a.findings,
            Some(Findings {
                victim_age: VictimAge::A7To10,
                victim_gender: VictimGender::Female,
                media: Media::Image,
                site_type: SiteType::ImageHost,
                commercial: false,
            })
        );
    }

    #[test]
    fn baseline_may_carry_a_statute() {
        let mut i = illegal("baseline");
        i.statutory_reference = Some("  Belgian Criminal Code art. 417/43 ".into());
        let a = Assessment::parse(i).unwrap();
        assert_eq!(
            a.statutory_reference.as_deref(),
            Some("Belgian Criminal Code art. 417/43")
        );
    }

    #[test]
    fn national_requires_a_statute() {
        let mut i = illegal("national");
        assert_eq!(problems(i.clone()), [("statutory_reference", Missing)]);
        i.statutory_reference = Some("   ".into());
        assert_eq!(problems(i.clone()), [("statutory_reference", Missing)]);
        i.statutory_reference = Some("Belgian Criminal Code art. 417/43".into());
        let a = Assessment::parse(i).unwrap();
        assert_eq!(a.classification, Classification::National);
        assert!(a.findings.is_some());
    }

    #[test]
    fn statute_length_is_limited() {
        let mut i = illegal("national");
        i.statutory_reference = Some("é".repeat(MAX_STATUTE_CHARS));
        assert!(Assessment::parse(i.clone()).is_ok());
        i.statutory_reference = Some("é".repeat(MAX_STATUTE_CHARS + 1));
        assert_eq!(problems(i), [("statutory_reference", TooLong { max: 200 })]);
    }

    #[test]
    fn classification_is_required_and_known() {
        assert_eq!(
            problems(AssessmentInput::default()),
            [("classification", Missing)]
        );
        assert_eq!(problems(legal(" ")), [("classification", Missing)]);
        let p = problems(legal("Illegal"));
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].1.to_string(),
            "\"Illegal\" is not one of: baseline, national, not_illegal, unavailable, out_of_remit"
        );
    }

    #[test]
    fn accepts_non_illegal_without_findings() {
        for c in ["not_illegal", "unavailable", "out_of_remit"] {
            let a = Assessment::parse(legal(c)).unwrap();
            assert_eq!(a.classification.as_str(), c);
            assert_eq!(a.statutory_reference, None);
            assert_eq!(a.findings, None);
            assert!(!a.classification.is_illegal());
        }
    }

    #[test]
    fn illegal_requires_every_finding() {
        let i = AssessmentInput {
            classification: Some("baseline".into()),
            victim_age: Some(" ".into()),
            ..Default::default()
        };
        assert_eq!(
            problems(i),
            [
                ("victim_age", Missing),
                ("victim_gender", Missing),
                ("media", Missing),
                ("site_type", Missing),
                ("commercial", Missing),
            ]
        );
    }

    #[test]
    fn findings_must_be_known_values() {
        let mut i = illegal("baseline");
        i.victim_age = Some("18+".into());
        i.site_type = Some("darknet".into());
        let p = problems(i);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, "victim_age");
        assert_eq!(
            p[0].1,
            NotOneOf {
                given: "18+".into(),
                allowed: "0-2, 3-6, 7-10, 11-13, 14-15, 16-17, unknown".into()
            }
        );
        assert_eq!(p[1].0, "site_type");
    }

    #[test]
    fn non_illegal_refuses_findings_and_statute() {
        let mut i = illegal("not_illegal");
        i.statutory_reference = Some("art. 1".into());
        i.victim_age = Some("nonsense".into());
        assert_eq!(
            problems(i),
            [
                ("statutory_reference", NotApplicable),
                ("victim_age", NotApplicable),
                ("victim_gender", NotApplicable),
                ("media", NotApplicable),
                ("site_type", NotApplicable),
                ("commercial", NotApplicable),
            ]
        );
        let mut i = legal("unavailable");
        i.commercial = Some(false);
        assert_eq!(problems(i), [("commercial", NotApplicable)]);
    }

    #[test]
    fn unknown_classification_still_checks_values() {
        let mut i = illegal("maybe");
        i.media = Some("film".into());
        let fields: Vec<&str> = problems(i).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["classification", "media"]);
    }

    #[test]
    fn error_message_names_the_first_field() {
        let err = Assessment::parse(legal("not_illegal")).map(|_| ());
        assert!(err.is_ok());
        let err = Assessment::parse(illegal("national")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "statutory_reference: this field is required"
        );
    }

    #[test]
    fn names_round_trip() {
        for c in Classification::ALL {
            assert_eq!(c.as_str().parse::<Classification>(), Ok(*c));
        }
        for a in VictimAge::ALL {
            assert_eq!(a.as_str().parse::<VictimAge>(), Ok(*a));
        }
        assert!(Classification::Baseline.is_illegal());
        assert!(Classification::National.is_illegal());
    }
}
