//! Assessments: an analyst's verdict on a case, in INHOPE's ICCAM vocabulary (docs/SPEC.md §2).
//!
//! The classification says whether the content is illegal and under which law. For content
//! that is not illegal or could not be reached, a reason from ICCAM's list of action reasons
//! says why; for illegal content the findings record what was seen, in ICCAM's value sets, so
//! a case can be passed to ICCAM without retyping ([`iccam_summary`]). Web form and API both
//! go through [`Assessment::parse`], so they accept exactly the same things.
//!
//! Assessments recorded before this vocabulary were mapped by migration 0020: year bands to
//! age groups ([`AgeGroup::from_years`]), site types to their nearest ([`SiteType::from_old`]),
//! `unknown` gender to `not_determined`, `mixed` media to `other`, the yes/no commercial flag
//! to `commercial` / `non_commercial`; they have no reason, no payment methods and the three
//! flags unset (the old form had none of them).

use crate::names::{clip, joined};

/// Longest statutory reference, in characters.
pub const MAX_STATUTE_CHARS: usize = 200;

named_enum!(
    /// The verdict.
    Classification {
        /// Illegal everywhere: meets the international (INTERPOL) baseline definition.
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

    /// Whether the assessment must say why (ICCAM's action reasons).
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Classification::NotIllegal | Classification::Unavailable
        )
    }

    /// Whether an assessed case may be closed straight away (docs/SPEC.md §2: not illegal,
    /// unavailable, out of remit). Illegal content must be handed on first.
    pub fn may_close_when_assessed(self) -> bool {
        !self.is_illegal()
    }

    /// ICCAM's name: its classification (Baseline CSAM, National CSAM) or, for the others,
    /// the action ICCAM records (NotIllegal, Unavailable); out of remit is ICCAM's "Ignore".
    pub fn iccam(self) -> &'static str {
        match self {
            Classification::Baseline => "Baseline CSAM",
            Classification::National => "National CSAM",
            Classification::NotIllegal => "NotIllegal",
            Classification::Unavailable => "Unavailable",
            Classification::OutOfRemit => "Ignore",
        }
    }
}

/// Declares ICCAM's name for each value of a named enum.
macro_rules! iccam_names {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $name {
            /// The value's name in ICCAM.
            pub fn iccam(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

named_enum!(
    /// Why content is not illegal or not available: ICCAM's action reasons.
    ActionReason {
        AdultPornography => "adult_pornography",
        NudismOrNotSexualised => "nudism_or_not_sexualised",
        BelowThreshold => "below_threshold",
        VirtualMaterial => "virtual_material",
        AgeUnclear => "age_unclear",
        AgeOverNationalThreshold => "age_over_national_threshold",
        LinkingNotIllegal => "linking_not_illegal",
        ContentNotFound => "content_not_found",
        PasswordProtected => "password_protected",
        AccountDisabled => "account_disabled",
        LinkExpired => "link_expired",
        NotFoundOrSiteDown => "not_found_or_site_down",
        TemporarilyUnavailable => "temporarily_unavailable",
        RemovedBeforeAssessment => "removed_before_assessment",
        UnableToAccess => "unable_to_access",
        Other => "other",
    }
);
iccam_names!(ActionReason {
    AdultPornography => "AdultPornography",
    NudismOrNotSexualised => "NudismOrNotSexualized",
    BelowThreshold => "DoesNotMeetThresholdForIllegality",
    VirtualMaterial => "VirtualMaterial",
    AgeUnclear => "AgeUnclearOrNotAssessable",
    AgeOverNationalThreshold => "AgeOverNationalThreshold",
    LinkingNotIllegal => "LinkingOrLinklistsNotIllegal",
    ContentNotFound => "ContentNotFound",
    PasswordProtected => "PasswordProtected",
    AccountDisabled => "AccountDisabled",
    LinkExpired => "LinkExpired",
    NotFoundOrSiteDown => "Error404NotFoundOrSiteDown",
    TemporarilyUnavailable => "Error503OrContentTemporarilyUnavailable",
    RemovedBeforeAssessment => "ContentRemovedBeforeAssessment",
    UnableToAccess => "UnableToAccess",
    Other => "Other",
});

named_enum!(
    /// The apparent age group of the youngest victim (ICCAM's age categorisation).
    AgeGroup {
        Infant => "infant",
        PrePubescent => "pre_pubescent",
        Pubescent => "pubescent",
        NotDetermined => "not_determined",
    }
);
iccam_names!(AgeGroup {
    Infant => "Infant",
    PrePubescent => "Pre-pubescent",
    Pubescent => "Pubescent",
    NotDetermined => "Not categorised",
});

impl AgeGroup {
    /// The age group of a year band recorded before ICCAM's vocabulary (migration 0020):
    /// 0-2 infant, 3-10 pre-pubescent (3-6, 7-10), 11-17 pubescent (11-13, 14-15, 16-17),
    /// anything else not determined.
    pub fn from_years(band: &str) -> AgeGroup {
        match band {
            "0-2" => AgeGroup::Infant,
            "3-6" | "7-10" => AgeGroup::PrePubescent,
            "11-13" | "14-15" | "16-17" => AgeGroup::Pubescent,
            _ => AgeGroup::NotDetermined,
        }
    }
}

named_enum!(
    /// The apparent gender of the victims.
    Gender {
        Female => "female",
        Male => "male",
        Both => "both",
        NotDetermined => "not_determined",
    }
);
iccam_names!(Gender {
    Female => "Female",
    Male => "Male",
    Both => "Both",
    NotDetermined => "Not determined",
});

named_enum!(
    /// What kind of material was found (ICCAM's content type).
    Media {
        Image => "image",
        Video => "video",
        Text => "text",
        Link => "link",
        Container => "container",
        Other => "other",
    }
);
iccam_names!(Media {
    Image => "Image",
    Video => "Video",
    Text => "Text",
    Link => "Link",
    Container => "Container",
    Other => "Other",
});

named_enum!(
    /// What kind of site hosts the material (ICCAM's source URL site type).
    SiteType {
        Website => "website",
        FileHost => "file_host",
        ImageStore => "image_store",
        ImageBoard => "image_board",
        Forum => "forum",
        BannerSite => "banner_site",
        LinkSite => "link_site",
        SocialNetwork => "social_network",
        Redirector => "redirector",
        WebArchive => "web_archive",
        SearchProvider => "search_provider",
        ImageHost => "image_host",
        Blog => "blog",
        NotApplicable => "not_applicable",
    }
);
iccam_names!(SiteType {
    Website => "Website",
    FileHost => "File host",
    ImageStore => "Image store",
    ImageBoard => "Image board",
    Forum => "Forum",
    BannerSite => "Banner site",
    LinkSite => "Link site",
    SocialNetwork => "Social networking",
    Redirector => "Redirector",
    WebArchive => "Web archive",
    SearchProvider => "Search provider",
    ImageHost => "Image host",
    Blog => "Blog",
    NotApplicable => "Not applicable",
});

impl SiteType {
    /// The nearest site type to one recorded before ICCAM's vocabulary (migration 0020):
    /// `social` is a social network, `other` (a site of no listed kind) a website.
    pub fn from_old(old: &str) -> Option<SiteType> {
        match old {
            "social" => Some(SiteType::SocialNetwork),
            "other" => Some(SiteType::Website),
            s => s.parse().ok(),
        }
    }
}

named_enum!(
    /// Whether the material is offered for money (ICCAM's commerciality).
    Commerciality {
        Commercial => "commercial",
        NonCommercial => "non_commercial",
        NotDetermined => "not_determined",
    }
);
iccam_names!(Commerciality {
    Commercial => "Commercial",
    NonCommercial => "Non-commercial",
    NotDetermined => "Not determined",
});

named_enum!(
    /// How a commercial site takes payment (ICCAM's payment methods).
    PaymentMethod {
        Amex => "amex",
        Diners => "diners",
        Mastercard => "mastercard",
        Paypal => "paypal",
        Visa => "visa",
        WesternUnion => "western_union",
        Bitcoin => "bitcoin",
        Sms => "sms",
        Email => "email",
        Other => "other",
        None => "none",
    }
);
iccam_names!(PaymentMethod {
    Amex => "AMEX",
    Diners => "Diners",
    Mastercard => "Mastercard",
    Paypal => "Paypal",
    Visa => "Visa",
    WesternUnion => "Western Union",
    Bitcoin => "Bitcoin",
    Sms => "SMS",
    Email => "EMAIL",
    Other => "Other",
    None => "None",
});

/// What was found illegal, and about whom. Present exactly when the classification is illegal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Findings {
    pub age_group: AgeGroup,
    pub gender: Gender,
    pub media: Media,
    pub site_type: SiteType,
    pub commercial: Commerciality,
    /// Zero or more, each once, in [`PaymentMethod::ALL`] order; `none` stands alone.
    #[serde(default)]
    pub payment_methods: Vec<PaymentMethod>,
    /// Drawn, computer-made or AI-generated.
    #[serde(rename = "virtual", default)]
    pub virtual_material: bool,
    #[serde(default)]
    pub child_modelling: bool,
    /// Self-generated.
    #[serde(default)]
    pub user_generated: bool,
}

/// An assessment that meets every rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assessment {
    pub classification: Classification,
    /// Why not illegal or unavailable: required for those (absent on assessments recorded
    /// before reasons were kept), absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ActionReason>,
    /// The statute that makes the content illegal: required for `national`, optional for
    /// `baseline`, absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory_reference: Option<String>,
    /// Present exactly when the classification is illegal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<Findings>,
}

/// As typed in the form or sent to the API; all text.
#[derive(Debug, Clone, Default)]
pub struct AssessmentInput {
    pub classification: Option<String>,
    pub reason: Option<String>,
    pub statutory_reference: Option<String>,
    pub age_group: Option<String>,
    pub gender: Option<String>,
    pub media: Option<String>,
    pub site_type: Option<String>,
    pub commercial: Option<String>,
    pub payment_methods: Vec<String>,
    pub virtual_material: Option<bool>,
    pub child_modelling: Option<bool>,
    pub user_generated: Option<bool>,
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
    #[error("only for content that is not illegal or unavailable; leave it empty")]
    ReasonNotApplicable,
    #[error("\"none\" cannot be combined with a payment method")]
    NoneWithOthers,
}

impl AssessmentProblem {
    /// The stable code of the problem (`missing`, `not_one_of`, …).
    pub fn code(&self) -> &'static str {
        match self {
            AssessmentProblem::Missing => "missing",
            AssessmentProblem::NotOneOf { .. } => "not_one_of",
            AssessmentProblem::TooLong { .. } => "too_long",
            AssessmentProblem::NotApplicable => "not_applicable",
            AssessmentProblem::ReasonNotApplicable => "reason_not_applicable",
            AssessmentProblem::NoneWithOthers => "none_with_others",
        }
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentError {
    /// The input field's name: "classification", "reason", "statutory_reference",
    /// "age_group", "gender", "media", "site_type", "commercial", "payment_methods",
    /// "virtual", "child_modelling" or "user_generated".
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
    /// the reason, if any, is recorded. `wanted` is `None` when the classification itself
    /// is unusable: then only the value is checked.
    fn named<T>(
        &mut self,
        field: &'static str,
        raw: Option<String>,
        wanted: Option<bool>,
        not_applicable: AssessmentProblem,
        all: &[T],
    ) -> Option<T>
    where
        T: std::str::FromStr<Err = ()> + std::fmt::Display,
    {
        let given = non_empty(raw);
        match (given, wanted) {
            (None, Some(true)) => {
                self.push(field, AssessmentProblem::Missing);
                None
            }
            (None, _) => None,
            (Some(_), Some(false)) => {
                self.push(field, not_applicable);
                None
            }
            (Some(s), _) => self.value(field, &s, all),
        }
    }

    fn value<T>(&mut self, field: &'static str, s: &str, all: &[T]) -> Option<T>
    where
        T: std::str::FromStr<Err = ()> + std::fmt::Display,
    {
        match s.parse() {
            Ok(v) => Some(v),
            Err(()) => {
                self.push(
                    field,
                    AssessmentProblem::NotOneOf {
                        given: clip(s),
                        allowed: joined(all),
                    },
                );
                None
            }
        }
    }

    /// A yes/no flag: only for illegal content; absent means no.
    fn flag(&mut self, field: &'static str, given: Option<bool>, illegal: Option<bool>) -> bool {
        match (given, illegal) {
            (Some(true), Some(false)) => {
                self.push(field, AssessmentProblem::NotApplicable);
                false
            }
            (g, _) => g.unwrap_or(false),
        }
    }
}

impl Assessment {
    /// Checks an assessment against the rules, collecting every problem.
    pub fn parse(input: AssessmentInput) -> Result<Assessment, InvalidAssessment> {
        use AssessmentProblem::{NotApplicable, ReasonNotApplicable};
        let mut p = Problems::default();

        let classification: Option<Classification> = p.named(
            "classification",
            input.classification,
            Some(true),
            NotApplicable,
            Classification::ALL,
        );
        let illegal = classification.map(Classification::is_illegal);
        let needs_reason = classification.map(Classification::needs_reason);

        let reason = p.named(
            "reason",
            input.reason,
            needs_reason,
            ReasonNotApplicable,
            ActionReason::ALL,
        );

        let statute = non_empty(input.statutory_reference);
        match (classification, &statute) {
            (Some(Classification::National), None) => {
                p.push("statutory_reference", AssessmentProblem::Missing);
            }
            (Some(c), Some(_)) if !c.is_illegal() => {
                p.push("statutory_reference", NotApplicable);
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

        let age_group = p.named(
            "age_group",
            input.age_group,
            illegal,
            NotApplicable,
            AgeGroup::ALL,
        );
        let gender = p.named("gender", input.gender, illegal, NotApplicable, Gender::ALL);
        let media = p.named("media", input.media, illegal, NotApplicable, Media::ALL);
        let site_type = p.named(
            "site_type",
            input.site_type,
            illegal,
            NotApplicable,
            SiteType::ALL,
        );
        let commercial = p.named(
            "commercial",
            input.commercial,
            illegal,
            NotApplicable,
            Commerciality::ALL,
        );
        let payment_methods = payment_methods(&mut p, input.payment_methods, illegal);
        let virtual_material = p.flag("virtual", input.virtual_material, illegal);
        let child_modelling = p.flag("child_modelling", input.child_modelling, illegal);
        let user_generated = p.flag("user_generated", input.user_generated, illegal);

        let (Some(classification), true) = (classification, p.0.is_empty()) else {
            return Err(InvalidAssessment { errors: p.0 });
        };
        // With no problems, the findings fields are all given when the content is illegal
        // and all absent otherwise.
        let findings = match (age_group, gender, media, site_type, commercial) {
            (Some(age_group), Some(gender), Some(media), Some(site_type), Some(commercial)) => {
                Some(Findings {
                    age_group,
                    gender,
                    media,
                    site_type,
                    commercial,
                    payment_methods,
                    virtual_material,
                    child_modelling,
                    user_generated,
                })
            }
            _ => None,
        };
        Ok(Assessment {
            classification,
            reason,
            statutory_reference: statute,
            findings,
        })
    }
}

impl Assessment {
    /// The assessment as typed input again: what [`Assessment::parse`] reads back to the same
    /// assessment (for taking over another hotline's assessment through the same rules).
    pub fn to_input(&self) -> AssessmentInput {
        let f = self.findings.as_ref();
        AssessmentInput {
            classification: Some(self.classification.as_str().into()),
            reason: self.reason.map(|r| r.as_str().into()),
            statutory_reference: self.statutory_reference.clone(),
            age_group: f.map(|f| f.age_group.as_str().into()),
            gender: f.map(|f| f.gender.as_str().into()),
            media: f.map(|f| f.media.as_str().into()),
            site_type: f.map(|f| f.site_type.as_str().into()),
            commercial: f.map(|f| f.commercial.as_str().into()),
            payment_methods: f
                .map(|f| {
                    f.payment_methods
                        .iter()
                        .map(|m| m.as_str().into())
                        .collect()
                })
                .unwrap_or_default(),
            virtual_material: f.map(|f| f.virtual_material),
            child_modelling: f.map(|f| f.child_modelling),
            user_generated: f.map(|f| f.user_generated),
        }
    }
}

/// Reads the payment methods: known names, each once, `none` alone, only for illegal content.
fn payment_methods(
    p: &mut Problems,
    raw: Vec<String>,
    illegal: Option<bool>,
) -> Vec<PaymentMethod> {
    let given: Vec<String> = raw
        .into_iter()
        .flat_map(|s| {
            s.split(',')
                .map(|v| v.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    if given.is_empty() {
        return Vec::new();
    }
    if illegal == Some(false) {
        p.push("payment_methods", AssessmentProblem::NotApplicable);
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in &given {
        match p.value("payment_methods", s, PaymentMethod::ALL) {
            Some(m) if !out.contains(&m) => out.push(m),
            _ => {}
        }
    }
    if out.contains(&PaymentMethod::None) && out.len() > 1 {
        p.push("payment_methods", AssessmentProblem::NoneWithOthers);
    }
    out.sort_by_key(|m| PaymentMethod::ALL.iter().position(|x| x == m));
    out
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn yes_no(b: bool) -> &'static str {
    if b { "Yes" } else { "No" }
}

/// What the copy-ready ICCAM summary says about where the address is hosted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IccamHosting {
    /// The first resolved address.
    pub ip: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub hosting_provider: Option<String>,
}

/// An assessment as ICCAM's fields, in the order of ICCAM's field model (as SCARt maps it:
/// the URL and its hosting, then classification, age, gender, site type, commerciality,
/// payment methods, the three flags, the content type, and the action with its reason),
/// each with ICCAM's name and ICCAM's value names, one `name: value` line per field, so an
/// analyst of a hotline whose partner takes referrals by hand can copy each field into ICCAM
/// without retyping it. Fields that do not apply are left out, never guessed.
pub fn iccam_summary(
    url: &str,
    hosting: &IccamHosting,
    a: &Assessment,
) -> Vec<(&'static str, String)> {
    let mut out = vec![("url", url.to_owned())];
    if let Some(ip) = &hosting.ip {
        out.push(("ipAddress", ip.clone()));
    }
    if let Some(c) = &hosting.country {
        out.push(("hostingCountry", c.clone()));
    }
    if let Some(h) = &hosting.hosting_provider {
        out.push(("hostingProvider", h.clone()));
    }
    if a.classification.is_illegal() {
        out.push(("classification", a.classification.iccam().to_owned()));
    } else {
        out.push(("action", a.classification.iccam().to_owned()));
    }
    if let Some(f) = &a.findings {
        out.push(("ageCategorization", f.age_group.iccam().to_owned()));
        out.push(("genderCategorization", f.gender.iccam().to_owned()));
        out.push(("sourceUrlSiteType", f.site_type.iccam().to_owned()));
        out.push(("sourceUrlCommerciality", f.commercial.iccam().to_owned()));
        let methods = if f.payment_methods.is_empty() {
            "Not determined".to_owned()
        } else {
            f.payment_methods
                .iter()
                .map(|m| m.iccam())
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(("sourceUrlPaymentMethods", methods));
        out.push(("virtual", yes_no(f.virtual_material).to_owned()));
        out.push(("userGenerated", yes_no(f.user_generated).to_owned()));
        out.push(("childModeling", yes_no(f.child_modelling).to_owned()));
        out.push(("contentType", f.media.iccam().to_owned()));
    }
    if let Some(s) = &a.statutory_reference {
        out.push(("nationalLegislation", s.clone()));
    }
    if let Some(r) = a.reason {
        out.push(("actionReasons", r.iccam().to_owned()));
    }
    out
}

/// [`iccam_summary`] as text, one `name: value` line per field.
pub fn iccam_summary_text(url: &str, hosting: &IccamHosting, a: &Assessment) -> String {
    iccam_summary(url, hosting, a)
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssessmentProblem::*;

    fn illegal(classification: &str) -> AssessmentInput {
        AssessmentInput {
            classification: Some(classification.into()),
            age_group: Some("pre_pubescent".into()),
            gender: Some("female".into()),
            media: Some("image".into()),
            site_type: Some("image_host".into()),
            commercial: Some("non_commercial".into()),
            ..Default::default()
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
        assert_eq!(a.reason, None);
        assert_eq!(
            a.findings,
            Some(Findings {
                age_group: AgeGroup::PrePubescent,
                gender: Gender::Female,
                media: Media::Image,
                site_type: SiteType::ImageHost,
                commercial: Commerciality::NonCommercial,
                payment_methods: vec![],
                virtual_material: false,
                child_modelling: false,
                user_generated: false,
            })
        );
    }

    #[test]
    fn flags_and_payment_methods_are_kept() {
        let mut i = illegal("baseline");
        i.commercial = Some("commercial".into());
        i.payment_methods = vec!["visa".into(), "bitcoin, paypal".into(), "visa".into()];
        i.virtual_material = Some(true);
        i.user_generated = Some(true);
        i.child_modelling = Some(false);
        let f = Assessment::parse(i).unwrap().findings.unwrap();
        assert_eq!(
            f.payment_methods,
            [
                PaymentMethod::Paypal,
                PaymentMethod::Visa,
                PaymentMethod::Bitcoin
            ]
        );
        assert!(f.virtual_material && f.user_generated && !f.child_modelling);
    }

    #[test]
    fn payment_methods_are_checked() {
        let mut i = illegal("baseline");
        i.payment_methods = vec!["none".into(), "visa".into()];
        assert_eq!(problems(i.clone()), [("payment_methods", NoneWithOthers)]);
        i.payment_methods = vec!["cheque".into()];
        let p = problems(i);
        assert_eq!(p[0].0, "payment_methods");
        assert!(p[0].1.to_string().contains("western_union"));
        let mut i = legal("not_illegal");
        i.reason = Some("adult_pornography".into());
        i.payment_methods = vec!["visa".into()];
        assert_eq!(problems(i), [("payment_methods", NotApplicable)]);
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
    fn not_illegal_and_unavailable_need_a_reason() {
        assert_eq!(problems(legal("not_illegal")), [("reason", Missing)]);
        assert_eq!(problems(legal("unavailable")), [("reason", Missing)]);
        for (c, r) in [
            ("not_illegal", ActionReason::AdultPornography),
            ("unavailable", ActionReason::PasswordProtected),
        ] {
            let mut i = legal(c);
            i.reason = Some(r.as_str().into());
            let a = Assessment::parse(i).unwrap();
            assert_eq!(a.reason, Some(r));
            assert_eq!(a.findings, None);
        }
        let a = Assessment::parse(legal("out_of_remit")).unwrap();
        assert_eq!((a.reason, a.findings), (None, None));
        let mut i = illegal("baseline");
        i.reason = Some("other".into());
        assert_eq!(problems(i), [("reason", ReasonNotApplicable)]);
        let mut i = legal("unavailable");
        i.reason = Some("gone".into());
        assert_eq!(problems(i)[0].0, "reason");
    }

    #[test]
    fn illegal_requires_every_finding() {
        let i = AssessmentInput {
            classification: Some("baseline".into()),
            age_group: Some(" ".into()),
            ..Default::default()
        };
        assert_eq!(
            problems(i),
            [
                ("age_group", Missing),
                ("gender", Missing),
                ("media", Missing),
                ("site_type", Missing),
                ("commercial", Missing),
            ]
        );
    }

    #[test]
    fn findings_must_be_known_values() {
        let mut i = illegal("baseline");
        i.age_group = Some("7-10".into());
        i.site_type = Some("darknet".into());
        let p = problems(i);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, "age_group");
        assert_eq!(
            p[0].1,
            NotOneOf {
                given: "7-10".into(),
                allowed: "infant, pre_pubescent, pubescent, not_determined".into()
            }
        );
        assert_eq!(p[1].0, "site_type");
    }

    #[test]
    fn non_illegal_refuses_findings_statute_and_flags() {
        let mut i = illegal("not_illegal");
        i.reason = Some("nudism_or_not_sexualised".into());
        i.statutory_reference = Some("art. 1".into());
        i.age_group = Some("nonsense".into());
        i.virtual_material = Some(true);
        i.user_generated = Some(false);
        assert_eq!(
            problems(i),
            [
                ("statutory_reference", NotApplicable),
                ("age_group", NotApplicable),
                ("gender", NotApplicable),
                ("media", NotApplicable),
                ("site_type", NotApplicable),
                ("commercial", NotApplicable),
                ("virtual", NotApplicable),
            ]
        );
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
        let err = Assessment::parse(illegal("national")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "statutory_reference: this field is required"
        );
    }

    #[test]
    fn the_value_sets_are_iccams() {
        // docs/SPEC.md §2: 14 site types, 16 reasons, 11 payment methods, 6 media.
        assert_eq!(SiteType::ALL.len(), 14);
        assert_eq!(ActionReason::ALL.len(), 16);
        assert_eq!(PaymentMethod::ALL.len(), 11);
        assert_eq!(Media::ALL.len(), 6);
        for c in Classification::ALL {
            assert_eq!(c.as_str().parse::<Classification>(), Ok(*c));
        }
        for s in SiteType::ALL {
            assert_eq!(s.as_str().parse::<SiteType>(), Ok(*s));
            assert!(!s.iccam().is_empty());
        }
        assert_eq!(SiteType::SocialNetwork.iccam(), "Social networking");
        assert_eq!(
            ActionReason::BelowThreshold.iccam(),
            "DoesNotMeetThresholdForIllegality"
        );
    }

    #[test]
    fn old_values_map_to_their_nearest() {
        for (band, group) in [
            ("0-2", AgeGroup::Infant),
            ("3-6", AgeGroup::PrePubescent),
            ("7-10", AgeGroup::PrePubescent),
            ("11-13", AgeGroup::Pubescent),
            ("14-15", AgeGroup::Pubescent),
            ("16-17", AgeGroup::Pubescent),
            ("unknown", AgeGroup::NotDetermined),
        ] {
            assert_eq!(AgeGroup::from_years(band), group, "{band}");
        }
        for (old, new) in [
            ("website", SiteType::Website),
            ("image_host", SiteType::ImageHost),
            ("file_host", SiteType::FileHost),
            ("forum", SiteType::Forum),
            ("social", SiteType::SocialNetwork),
            ("other", SiteType::Website),
        ] {
            assert_eq!(SiteType::from_old(old), Some(new), "{old}");
        }
    }

    #[test]
    fn iccam_summary_follows_iccams_order_and_names() {
        let mut i = illegal("national");
        i.statutory_reference = Some("Belgian Criminal Code art. 417/43".into());
        i.commercial = Some("commercial".into());
        i.payment_methods = vec!["bitcoin".into(), "visa".into()];
        i.user_generated = Some(true);
        let a = Assessment::parse(i).unwrap();
        let hosting = IccamHosting {
            ip: Some("192.0.2.7".into()),
            country: Some("NL".into()),
            hosting_provider: None,
        };
        let text = iccam_summary_text("http://example.com/a", &hosting, &a);
        assert_eq!(
            text,
            "url: http://example.com/a\nipAddress: 192.0.2.7\nhostingCountry: NL\n\
             classification: National CSAM\nageCategorization: Pre-pubescent\n\
             genderCategorization: Female\nsourceUrlSiteType: Image host\n\
             sourceUrlCommerciality: Commercial\nsourceUrlPaymentMethods: Visa, Bitcoin\n\
             virtual: No\nuserGenerated: Yes\nchildModeling: No\ncontentType: Image\n\
             nationalLegislation: Belgian Criminal Code art. 417/43\n"
        );
        let mut i = legal("unavailable");
        i.reason = Some("link_expired".into());
        let a = Assessment::parse(i).unwrap();
        let text = iccam_summary_text("http://example.com/b", &IccamHosting::default(), &a);
        assert_eq!(
            text,
            "url: http://example.com/b\naction: Unavailable\nactionReasons: LinkExpired\n"
        );
    }

    #[test]
    fn assessments_travel_as_json() {
        let mut i = illegal("baseline");
        i.virtual_material = Some(true);
        let a = Assessment::parse(i).unwrap();
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["findings"]["virtual"], true);
        assert_eq!(json["findings"]["age_group"], "pre_pubescent");
        let back: Assessment = serde_json::from_value(json).unwrap();
        assert_eq!(back, a);
        assert_eq!(Assessment::parse(a.to_input()), Ok(a));
    }
}
