//! The settings an admin may change while the service runs (the admin pages): the procedure,
//! the national settings, the retention periods and the notice template.
//!
//! The configuration file stays the base. An admin's change is stored as an override of one
//! whole *section*; the effective settings are the file's, with each stored section laid over
//! them ([`Settings::apply`]). Every value is checked here, with a message that names the field
//! and says what is allowed, both when an admin submits it and when a stored row is read back
//! (so a row edited by hand cannot bring in a value the form would refuse).

use serde::{Deserialize, Serialize};

use crate::Procedure;
use crate::jurisdiction::TakedownBy;
use crate::retention::RetentionPolicy;

/// The sections an admin can override, each stored as one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Procedure,
    National,
    Retention,
    NoticeTemplate,
}

impl Section {
    pub const ALL: &'static [Section] = &[
        Section::Procedure,
        Section::National,
        Section::Retention,
        Section::NoticeTemplate,
    ];

    /// The key of the stored row (and of the audit event's object, `settings:<key>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Procedure => "procedure",
            Section::National => "national",
            Section::Retention => "retention",
            Section::NoticeTemplate => "notice_template",
        }
    }

    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.iter().copied().find(|x| x.as_str() == s)
    }
}

/// The `[national]` settings: the hotline's country and who sends notices there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct National {
    pub country: String,
    pub takedown_by: TakedownBy,
    pub objection_hours: u32,
}

impl Default for National {
    fn default() -> Self {
        Self {
            country: "BE".to_owned(),
            takedown_by: TakedownBy::Police,
            objection_hours: 48,
        }
    }
}

/// The effective values of everything an admin may change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub procedure: Procedure,
    pub national: National,
    pub retention: RetentionPolicy,
    /// The notice text (minijinja, first line the subject); `None` = the built-in text.
    pub notice_template: Option<String>,
}

/// One value an admin (or a stored row) gave that is not allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SettingProblem {
    /// The form field (and configuration key) at fault.
    pub field: &'static str,
    /// What is wrong and what is allowed, in plain English.
    pub message: String,
    /// What is wrong, coded (`required`, `not_a_number`, …), and the facts it names.
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl SettingProblem {
    pub(crate) fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            code,
            args: Vec::new(),
        }
    }

    /// The problem with one more fact for its sentence.
    pub(crate) fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The problem as a coded refusal, for the pages to say in the staff's language.
    pub fn refusal(&self) -> crate::Refusal {
        crate::Refusal {
            code: self.code.into(),
            args: self.args.clone(),
            english: self.message.clone(),
        }
    }
}

/// The longest a notice waits for a police objection: 30 days.
pub const MAX_OBJECTION_HOURS: u32 = 720;
/// The longest retention period that can be set (ten years); 0 keeps data for ever.
pub const MAX_RETENTION_DAYS: u32 = 3650;

/// The ISO 3166-1 alpha-2 codes assigned to countries and territories.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG \
BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX \
CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN \
GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI \
KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR \
PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC \
TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT \
ZA ZM ZW";

/// Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code.
pub fn is_known_country(code: &str) -> bool {
    code.len() == 2 && ISO_3166_ALPHA2.split_ascii_whitespace().any(|c| c == code)
}

/// Why `forward-unopened` cannot go with `takedown_by = "hotline"` (docs/SPEC.md §1).
pub const UNOPENED_NEEDS_POLICE_TAKEDOWN: &str = "the forward-unopened procedure needs national.takedown_by = \"police\": \
     nobody at the hotline assesses what it forwards, so the hotline must never send a host a notice about it";

/// Checks that the procedure and the takedown regime go together: under `forward-unopened`
/// nobody at the hotline opens the content, so only the police may contact the host.
pub fn check_procedure_and_takedown(
    procedure: Procedure,
    takedown_by: TakedownBy,
) -> Result<(), SettingProblem> {
    if procedure == Procedure::ForwardUnopened && takedown_by == TakedownBy::Hotline {
        return Err(SettingProblem::new(
            "procedure",
            "unopened_needs_police_takedown",
            UNOPENED_NEEDS_POLICE_TAKEDOWN,
        ));
    }
    Ok(())
}

/// The procedure as an admin chose it.
pub fn parse_procedure(s: &str) -> Result<Procedure, SettingProblem> {
    match s.trim() {
        "assess" => Ok(Procedure::Assess),
        "forward-unopened" => Ok(Procedure::ForwardUnopened),
        other => Err(SettingProblem::new(
            "procedure",
            "bad_procedure",
            format!("must be \"assess\" or \"forward-unopened\", not \"{other}\""),
        )
        .with("given", other)),
    }
}

fn whole_number(field: &'static str, s: &str, max: u32) -> Result<u32, SettingProblem> {
    let s = s.trim();
    match s.parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => {
            Err(
                SettingProblem::new(field, "number_too_large", format!("must be at most {max}"))
                    .with("max", max),
            )
        }
        Err(_) if s.is_empty() => Err(SettingProblem::new(field, "required", "is required")),
        Err(_) => Err(SettingProblem::new(
            field,
            "not_a_number",
            format!("must be a whole number, not \"{s}\""),
        )
        .with("given", s)),
    }
}

/// The national settings as typed on the form; every problem, not just the first.
pub fn parse_national(
    country: &str,
    takedown_by: &str,
    objection_hours: &str,
) -> Result<National, Vec<SettingProblem>> {
    let mut problems = Vec::new();
    let country = match crate::jurisdiction::country_code(country) {
        Some(c) if is_known_country(&c) => Some(c),
        Some(c) => {
            problems.push(
                SettingProblem::new(
                    "country",
                    "country_unassigned",
                    format!("\"{c}\" is not an assigned ISO 3166-1 country code"),
                )
                .with("given", &c),
            );
            None
        }
        None => {
            problems.push(
                SettingProblem::new(
                    "country",
                    "country_format",
                    format!(
                        "must be a two-letter ISO 3166-1 country code such as \"BE\", not \"{}\"",
                        country.trim()
                    ),
                )
                .with("given", country.trim()),
            );
            None
        }
    };
    let takedown_by = match takedown_by.trim() {
        "police" => Some(TakedownBy::Police),
        "hotline" => Some(TakedownBy::Hotline),
        other => {
            problems.push(
                SettingProblem::new(
                    "takedown_by",
                    "bad_takedown_by",
                    format!("must be \"police\" or \"hotline\", not \"{other}\""),
                )
                .with("given", other),
            );
            None
        }
    };
    let hours = match whole_number("objection_hours", objection_hours, MAX_OBJECTION_HOURS) {
        Ok(0) => {
            problems.push(
                SettingProblem::new(
                    "objection_hours",
                    "objection_hours_range",
                    format!("must be between 1 and {MAX_OBJECTION_HOURS} hours"),
                )
                .with("max", MAX_OBJECTION_HOURS),
            );
            None
        }
        Ok(h) => Some(h),
        Err(_) => {
            problems.push(
                SettingProblem::new(
                    "objection_hours",
                    "objection_hours_not_a_number",
                    format!(
                        "must be a whole number of hours between 1 and {MAX_OBJECTION_HOURS}, not \"{}\"",
                        objection_hours.trim()
                    ),
                )
                .with("max", MAX_OBJECTION_HOURS)
                .with("given", objection_hours.trim()),
            );
            None
        }
    };
    match (country, takedown_by, hours) {
        (Some(country), Some(takedown_by), Some(objection_hours)) if problems.is_empty() => {
            Ok(National {
                country,
                takedown_by,
                objection_hours,
            })
        }
        _ => Err(problems),
    }
}

/// The retention fields, in form order: (field name, what it keeps).
pub const RETENTION_FIELDS: &[&str] = &[
    "contact_days",
    "description_days",
    "closed_case_days",
    "check_history_days",
    "audit_days",
];

/// The retention periods as typed (`get` gives each field of [`RETENTION_FIELDS`]); each is 0
/// (for ever) or 1 to [`MAX_RETENTION_DAYS`] days. A reporter's contact details may not be
/// kept longer than what they wrote, which is the more needed of the two.
pub fn parse_retention<'a>(
    get: impl Fn(&str) -> &'a str,
) -> Result<RetentionPolicy, Vec<SettingProblem>> {
    let mut problems = Vec::new();
    let mut values = [0u32; 5];
    for (i, field) in RETENTION_FIELDS.iter().enumerate() {
        match whole_number(field, get(field), MAX_RETENTION_DAYS) {
            Ok(n) => values[i] = n,
            Err(_) => problems.push(
                SettingProblem::new(
                    field,
                    "retention_days",
                    format!(
                        "must be a number of days from 1 to {MAX_RETENTION_DAYS}, or 0 to keep for ever; not \"{}\"",
                        get(field).trim()
                    ),
                )
                .with("max", MAX_RETENTION_DAYS)
                .with("given", get(field).trim()),
            ),
        }
    }
    let policy = RetentionPolicy {
        contact_days: values[0],
        description_days: values[1],
        closed_case_days: values[2],
        check_history_days: values[3],
        audit_days: values[4],
    };
    if problems.is_empty() {
        let forever = |d: u32| if d == 0 { u32::MAX } else { d };
        if forever(policy.contact_days) > forever(policy.description_days) {
            problems.push(SettingProblem::new(
                "contact_days",
                "contact_longer_than_description",
                "contact details may not be kept longer than the description (description_days)",
            ));
        }
    }
    if (1..crate::retention::MIN_AUDIT_DAYS).contains(&policy.audit_days) {
        problems.push(
            SettingProblem::new(
                "audit_days",
                "audit_days_min",
                format!(
                    "the audit trail is kept at least {} days, or 0 for ever",
                    crate::retention::MIN_AUDIT_DAYS
                ),
            )
            .with("min", crate::retention::MIN_AUDIT_DAYS),
        );
    }
    if problems.is_empty() {
        Ok(policy)
    } else {
        Err(problems)
    }
}

/// A stored section that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredSettingError {
    #[error("unknown settings section \"{0}\"")]
    UnknownSection(String),
    #[error("settings section {section}: {reason}")]
    Invalid {
        section: &'static str,
        reason: String,
    },
}

impl Settings {
    /// The stored form of one section of these settings (JSON).
    pub fn section_json(&self, section: Section) -> String {
        let v = match section {
            Section::Procedure => serde_json::json!(self.procedure),
            Section::National => serde_json::json!(self.national),
            Section::Retention => serde_json::json!(self.retention),
            Section::NoticeTemplate => serde_json::json!(self.notice_template),
        };
        v.to_string()
    }

    /// Lays one stored section (`section`, its JSON `value`) over these settings, checking it
    /// as the form would.
    pub fn apply(&mut self, section: &str, value: &str) -> Result<(), StoredSettingError> {
        let s = Section::parse(section)
            .ok_or_else(|| StoredSettingError::UnknownSection(section.to_owned()))?;
        let bad = |reason: String| StoredSettingError::Invalid {
            section: s.as_str(),
            reason,
        };
        match s {
            Section::Procedure => {
                self.procedure = serde_json::from_str(value).map_err(|e| bad(e.to_string()))?;
            }
            Section::National => {
                let n: National = serde_json::from_str(value).map_err(|e| bad(e.to_string()))?;
                let checked = parse_national(
                    &n.country,
                    match n.takedown_by {
                        TakedownBy::Police => "police",
                        TakedownBy::Hotline => "hotline",
                    },
                    &n.objection_hours.to_string(),
                )
                .map_err(|p| bad(joined(&p)))?;
                self.national = checked;
            }
            Section::Retention => {
                let r: RetentionPolicy =
                    serde_json::from_str(value).map_err(|e| bad(e.to_string()))?;
                let texts = [
                    r.contact_days,
                    r.description_days,
                    r.closed_case_days,
                    r.check_history_days,
                    r.audit_days,
                ]
                .map(|d| d.to_string());
                let checked = parse_retention(|f| {
                    RETENTION_FIELDS
                        .iter()
                        .position(|x| *x == f)
                        .map_or("", |i| texts[i].as_str())
                })
                .map_err(|p| bad(joined(&p)))?;
                self.retention = checked;
            }
            Section::NoticeTemplate => {
                self.notice_template =
                    serde_json::from_str(value).map_err(|e| bad(e.to_string()))?;
            }
        }
        Ok(())
    }

    /// These settings with one section taken from `from` (to show what resetting a section to
    /// the file's value gives).
    pub fn with_section_of(&self, from: &Settings, section: Section) -> Settings {
        let mut out = self.clone();
        match section {
            Section::Procedure => out.procedure = from.procedure,
            Section::National => out.national = from.national.clone(),
            Section::Retention => out.retention = from.retention,
            Section::NoticeTemplate => out.notice_template = from.notice_template.clone(),
        }
        out
    }

    /// The changes from `self` to `new` in one section, as `field: old → new` lines for the
    /// audit trail. A template's text is not repeated: only that it changed, and its length.
    pub fn describe_change(&self, new: &Settings, section: Section) -> String {
        let mut out = Vec::new();
        let mut diff = |field: &str, old: String, new: String| {
            if old != new {
                out.push(format!("{field}: {old} → {new}"));
            }
        };
        match section {
            Section::Procedure => diff(
                "procedure",
                self.procedure.to_string(),
                new.procedure.to_string(),
            ),
            Section::National => {
                diff(
                    "country",
                    self.national.country.clone(),
                    new.national.country.clone(),
                );
                diff(
                    "takedown_by",
                    format!("{:?}", self.national.takedown_by).to_lowercase(),
                    format!("{:?}", new.national.takedown_by).to_lowercase(),
                );
                diff(
                    "objection_hours",
                    self.national.objection_hours.to_string(),
                    new.national.objection_hours.to_string(),
                );
            }
            Section::Retention => {
                let a = retention_values(&self.retention);
                let b = retention_values(&new.retention);
                for (i, field) in RETENTION_FIELDS.iter().enumerate() {
                    diff(field, a[i].to_string(), b[i].to_string());
                }
            }
            Section::NoticeTemplate => {
                let describe = |t: &Option<String>| match t {
                    None => "built-in".to_owned(),
                    Some(t) => format!("custom ({} characters)", t.chars().count()),
                };
                if self.notice_template != new.notice_template {
                    out.push(format!(
                        "notice_template: {} → {}",
                        describe(&self.notice_template),
                        describe(&new.notice_template)
                    ));
                }
            }
        }
        out.join("; ")
    }
}

/// The retention periods in [`RETENTION_FIELDS`] order.
pub fn retention_values(r: &RetentionPolicy) -> [u32; 5] {
    [
        r.contact_days,
        r.description_days,
        r.closed_case_days,
        r.check_history_days,
        r.audit_days,
    ]
}

fn joined(problems: &[SettingProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_list_has_every_assigned_code_once() {
        let codes: Vec<&str> = ISO_3166_ALPHA2.split_ascii_whitespace().collect();
        assert_eq!(codes.len(), 249);
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, codes, "sorted and unique");
        for known in ["BE", "NL", "GB", "DE", "FR", "LU", "US"] {
            assert!(is_known_country(known), "{known}");
        }
        for unknown in ["XX", "UK", "EU", "ZZ", "be", "BEL"] {
            assert!(!is_known_country(unknown), "{unknown}");
        }
    }

    #[test]
    fn national_settings_name_each_bad_field() {
        assert_eq!(
            parse_national(" nl ", "hotline", "24"),
            Ok(National {
                country: "NL".into(),
                takedown_by: TakedownBy::Hotline,
                objection_hours: 24
            })
        );
        let p = parse_national("XX", "nobody", "0").unwrap_err();
        let fields: Vec<_> = p.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["country", "takedown_by", "objection_hours"]);
        assert!(p[0].message.contains("\"XX\" is not an assigned"), "{p:?}");
        assert!(p[1].message.contains("\"police\" or \"hotline\""));
        assert!(p[2].message.contains("between 1 and 720"));
        for bad in ["721", "-1", "two", ""] {
            let p = parse_national("BE", "police", bad).unwrap_err();
            assert_eq!(p[0].field, "objection_hours", "{bad}");
        }
        assert!(parse_national("BE", "police", "720").is_ok());
        assert!(parse_national("BE", "police", "1").is_ok());
        let p = parse_national("Belgium", "police", "48").unwrap_err();
        assert!(p[0].message.contains("two-letter"), "{p:?}");
    }

    #[test]
    fn procedure_is_one_of_two() {
        assert_eq!(parse_procedure("assess"), Ok(Procedure::Assess));
        assert_eq!(
            parse_procedure("forward-unopened"),
            Ok(Procedure::ForwardUnopened)
        );
        let p = parse_procedure("sometimes").unwrap_err();
        assert_eq!(p.field, "procedure");
        assert!(p.message.contains("sometimes"));
    }

    #[test]
    fn retention_days_are_bounded_and_contact_not_kept_longer_than_descriptions() {
        let ok = |v: [&'static str; 5]| {
            parse_retention(move |f| {
                RETENTION_FIELDS
                    .iter()
                    .position(|x| *x == f)
                    .map_or("", |i| v[i])
            })
        };
        assert_eq!(
            ok(["30", "60", "700", "90", "0"]).unwrap(),
            RetentionPolicy {
                contact_days: 30,
                description_days: 60,
                closed_case_days: 700,
                check_history_days: 90,
                audit_days: 0
            }
        );
        let p = ok(["30", "x", "3651", "", "0"]).unwrap_err();
        let fields: Vec<_> = p.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            ["description_days", "closed_case_days", "check_history_days"]
        );
        let p = ok(["90", "30", "1", "1", "365"]).unwrap_err();
        assert_eq!(p[0].field, "contact_days");
        // For ever (0) is longer than any number of days.
        assert!(ok(["0", "30", "1", "1", "365"]).is_err());
        assert!(ok(["30", "0", "1", "1", "365"]).is_ok());
        // The audit trail is kept a year at least, or for ever.
        let p = ok(["30", "0", "1", "1", "364"]).unwrap_err();
        assert_eq!(p[0].field, "audit_days");
        assert!(ok(["30", "0", "1", "1", "0"]).is_ok());
    }

    #[test]
    fn stored_sections_round_trip_and_are_checked_again() {
        let new = Settings {
            procedure: Procedure::ForwardUnopened,
            national: National {
                country: "NL".into(),
                takedown_by: TakedownBy::Hotline,
                objection_hours: 48,
            },
            retention: RetentionPolicy {
                contact_days: 10,
                ..RetentionPolicy::default()
            },
            notice_template: Some("Subject\n{{ address }}".into()),
        };
        let mut s = Settings::default();
        for section in Section::ALL {
            s.apply(section.as_str(), &new.section_json(*section))
                .unwrap();
        }
        assert_eq!(s, new);

        let mut s = Settings::default();
        let err = s
            .apply(
                "national",
                r#"{"country":"XX","takedown_by":"police","objection_hours":48}"#,
            )
            .unwrap_err();
        assert!(err.to_string().contains("XX"), "{err}");
        assert!(s.apply("procedure", "\"sometimes\"").is_err());
        assert!(s.apply("colour", "1").is_err());
        assert_eq!(s, Settings::default(), "nothing applied on error");
    }

    #[test]
    fn changes_are_described_field_by_field_without_template_text() {
        let old = Settings::default();
        let mut new = old.clone();
        new.national.objection_hours = 24;
        new.national.takedown_by = TakedownBy::Hotline;
        assert_eq!(
            old.describe_change(&new, Section::National),
            "takedown_by: police → hotline; objection_hours: 48 → 24"
        );
        new.notice_template = Some("secret-ish text".into());
        let d = old.describe_change(&new, Section::NoticeTemplate);
        assert_eq!(d, "notice_template: built-in → custom (15 characters)");
        assert!(!d.contains("secret"));
    }
}
