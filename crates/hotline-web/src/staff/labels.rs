//! What the staff read instead of the codes the database and the domain use: case states,
//! timeline legs, assessment categories, closing reasons, what waits and on whom, in the
//! page's language (`locales/*/staff.ftl`). A code with no message is shown as a neutral
//! "other" text with the code beside it, so no page falls back to a bare identifier.

use hotline_domain::assessment::{AssessmentError, AssessmentProblem};
use hotline_domain::{CaseState, Refusal};

use crate::i18n::Tr;

/// The message prefixes whose keys are built at run time from a code (here and in
/// `staff::find`): `prefix` + the code.
pub const BUILT_PREFIXES: &[&str] = &[
    "staff-state-",
    "staff-waits-",
    "staff-class-",
    "staff-age-",
    "staff-gender-",
    "staff-media-",
    "staff-site-",
    "staff-reason-",
    "staff-commercial-",
    "staff-payment-",
    "staff-leg-",
    "staff-check-",
    "staff-notice-state-",
    "staff-assessment-kind-",
    "staff-channel-",
    "staff-language-",
    "staff-job-",
    "staff-search-by-",
    "staff-groups-report-",
    "staff-groups-domain-",
    "staff-groups-host-",
    "staff-error-",
];

/// A case state: "Waiting for assessment", "Wacht op beoordeling", …
pub fn state(t: Tr, s: CaseState) -> String {
    t.get(&format!("staff-state-{}", s.as_str()))
}

/// A state given as its code (as stored); unknown codes are shown as "other (code)".
pub fn state_code(t: Tr, code: &str) -> String {
    match code.parse::<CaseState>() {
        Ok(s) => state(t, s),
        Err(_) => unknown(t, code),
    }
}

fn unknown(t: Tr, code: &str) -> String {
    t.with("staff-label-other", "code", code)
}

/// Looks a code up under `prefix`: `prefix-code`, or "other (code)" when there is no message.
fn lookup(t: Tr, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}-{code}");
    t.try_get(&key).unwrap_or_else(|| unknown(t, code))
}

/// A classification code (`baseline`, `not_illegal`, …).
pub fn classification(t: Tr, code: &str) -> String {
    lookup(t, "staff-class", code)
}

/// Why content is not illegal or could not be reached (ICCAM's action reasons).
pub fn reason(t: Tr, code: &str) -> String {
    lookup(t, "staff-reason", code)
}

/// An age group (`infant`, `pre_pubescent`, `pubescent`, `not_determined`).
pub fn age_group(t: Tr, code: &str) -> String {
    lookup(t, "staff-age", code)
}

/// A gender code.
pub fn gender(t: Tr, code: &str) -> String {
    lookup(t, "staff-gender", code)
}

/// Whether the site is commercial (`commercial`, `non_commercial`, `not_determined`).
pub fn commerciality(t: Tr, code: &str) -> String {
    lookup(t, "staff-commercial", code)
}

/// A payment method (`visa`, `bitcoin`, …).
pub fn payment(t: Tr, code: &str) -> String {
    lookup(t, "staff-payment", code)
}

/// A media code.
pub fn media(t: Tr, code: &str) -> String {
    lookup(t, "staff-media", code)
}

/// A site type code.
pub fn site_type(t: Tr, code: &str) -> String {
    lookup(t, "staff-site", code)
}

/// A timeline leg (`received`, `traced`, `assessed`, `received_to_assessed`, …).
pub fn leg(t: Tr, code: &str) -> String {
    lookup(t, "staff-leg", code)
}

/// A closing reason code.
pub fn close_reason(t: Tr, code: &str) -> String {
    lookup(t, "staff-close", code)
}

/// The outcome of a case as the related-cases lists show it: the closing reason if it was
/// closed, else its state; with the latest classification when there is one.
pub fn outcome(
    t: Tr,
    s: CaseState,
    closed_reason: Option<&str>,
    classification: Option<&str>,
) -> String {
    let mut text = match (s, closed_reason) {
        (CaseState::Closed, Some(r)) => {
            format!("{} ({})", state(t, s), close_reason(t, r))
        }
        _ => state(t, s),
    };
    if let Some(c) = classification {
        text.push_str(" · ");
        text.push_str(&self::classification(t, c));
    }
    text
}

/// What the case waits for and on whom, by its state.
pub fn waits(t: Tr, s: CaseState, police_hold: bool) -> String {
    if police_hold {
        return t.get("staff-waits-police-hold");
    }
    t.get(&format!("staff-waits-{}", s.as_str()))
}

/// A check's outcome (`online`, `gone`, `error`).
pub fn check_outcome(t: Tr, code: &str) -> String {
    lookup(t, "staff-check", code)
}

/// A notice's delivery state (`pending`, `sending`, `sent`, `uncertain`).
pub fn notice_state(t: Tr, code: &str) -> String {
    lookup(t, "staff-notice-state", code)
}

/// An assessment or a review.
pub fn assessment_kind(t: Tr, code: &str) -> String {
    lookup(t, "staff-assessment-kind", code)
}

/// How a report came in (`web`, `api`, `partner`, `import`).
pub fn channel(t: Tr, code: &str) -> String {
    lookup(t, "staff-channel", code)
}

/// Where the reporter found the addresses: the report form's own words.
pub fn where_found(t: Tr, code: &str) -> String {
    lookup(t, "where", code)
}

/// A report's language (`nl`, `fr`, `de`, `en`).
pub fn language(t: Tr, code: &str) -> String {
    lookup(t, "staff-language", code)
}

/// A background job's kind (`trace`, `notice`, …).
pub fn job_kind(t: Tr, code: &str) -> String {
    lookup(t, "staff-job", code)
}

/// A background job's state (`queued`, `running`, …).
pub fn job_state(t: Tr, code: &str) -> String {
    lookup(t, "staff-job-state", code)
}

/// Why a case takes its route ("why this route"), in the staff's language.
pub fn route(t: Tr, r: &hotline_domain::routing::Route) -> String {
    let args = r.args();
    let args: Vec<(&'static str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t.args(&format!("staff-route-{}", r.code()), &args)
}

/// A timeline entry's details: a move (`new -> in_assessment`) in the staff's words, anything
/// else as it was written.
pub fn details(t: Tr, text: &str) -> String {
    if let Some((from, to)) = text.split_once(" -> ")
        && let (Ok(a), Ok(b)) = (from.parse::<CaseState>(), to.parse::<CaseState>())
    {
        return format!("{} → {}", state(t, a), state(t, b));
    }
    text.to_owned()
}

/// The message key of a refusal's code: a route's sentence (`route_…`) or `staff-error-…`.
pub fn refusal_key(code: &str) -> String {
    match code.strip_prefix("route_") {
        Some(route) => format!("staff-route-{route}"),
        None => format!("staff-error-{code}"),
    }
}

/// A refusal built in Rust (an application, store or domain error), in the staff's language.
/// Facts that are codes (`state`, `from`, `to`, `reason`, `classification`) are put in words
/// too. A code with no message falls back to the English sentence, never the bare code.
pub fn refusal(t: Tr, r: &Refusal) -> String {
    let args: Vec<(&'static str, String)> = r
        .args
        .iter()
        .map(|(name, value)| {
            let shown = match *name {
                "state" | "from" | "to" => state_code(t, value),
                "reason" => close_reason(t, value),
                "classification" => classification(t, value),
                _ => value.clone(),
            };
            (*name, shown)
        })
        .collect();
    let args: Vec<(&'static str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t.try_args(&refusal_key(&r.code), &args)
        .unwrap_or_else(|| r.english.clone())
}

/// What is wrong with an assessment field, in the staff's language.
pub fn assessment_problem(t: Tr, p: &AssessmentProblem) -> String {
    match p {
        AssessmentProblem::Missing => t.get("staff-assess-problem-missing"),
        AssessmentProblem::NotOneOf { given, .. } => {
            t.with("staff-assess-problem-not-one-of", "given", given)
        }
        AssessmentProblem::TooLong { max } => {
            t.with("staff-assess-problem-too-long", "max", &max.to_string())
        }
        AssessmentProblem::NotApplicable => t.get("staff-assess-problem-not-applicable"),
        AssessmentProblem::ReasonNotApplicable => {
            t.get("staff-assess-problem-reason-not-applicable")
        }
        AssessmentProblem::NoneWithOthers => t.get("staff-assess-problem-none-with-others"),
    }
}

/// An assessment problem with the field's label: "Age group of the youngest victim: this
/// field is required", in the staff's language.
pub fn assessment_error(t: Tr, e: &AssessmentError) -> String {
    let key = match e.field {
        "statutory_reference" => "staff-assess-statute".to_owned(),
        field => format!("staff-assess-{field}"),
    };
    let label = t.try_get(&key).unwrap_or_else(|| e.field.to_owned());
    format!("{label}: {}", assessment_problem(t, &e.problem))
}
