//! Notices to hosts (docs/SPEC.md §2 Notice, DSA Art. 16): when one is due under the takedown regime,
//! whom it goes to, and what it says, including the machine-readable XARF v4 part. Sending is
//! IO and lives elsewhere; these rules do not.

use serde_json::json;

use crate::jurisdiction::TakedownBy;
use crate::police::PoliceRecord;
use crate::trace::Trace;

named_enum!(
    /// What a host answered to a notice.
    HostAnswer {
        Acknowledged => "acknowledged",
        Removed => "removed",
        Refused => "refused",
    }
);

impl HostAnswer {
    /// The timeline leg (docs/SPEC.md §2) the answer stamps.
    pub fn timeline_leg(self) -> &'static str {
        match self {
            HostAnswer::Acknowledged => "notice_acknowledged",
            HostAnswer::Removed => "removed",
            HostAnswer::Refused => "notice_refused",
        }
    }
}

/// Whether the hotline should send its notice now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeDecision {
    /// Send it now.
    Now,
    /// Not before this time (UTC milliseconds): the police's objection window is open.
    At(i64),
    /// The police put the case on hold: an investigation is running.
    Held,
    /// The hotline never sends this notice itself, and says why.
    NotOurs(&'static str),
}

/// Decides whether a notice to the host is due for a case referred to the police at
/// `referred_at_ms`, given everything the police recorded. A hold in force wins over
/// everything else, including a clearance recorded after it.
pub fn notice_due(
    takedown_by: TakedownBy,
    objection_hours: u32,
    referred_at_ms: i64,
    police: &PoliceRecord,
    now_ms: i64,
) -> NoticeDecision {
    if takedown_by == TakedownBy::Police {
        return NoticeDecision::NotOurs(
            "in this jurisdiction the police contact the host, after a magistrate's order",
        );
    }
    if police.hold_in_force() {
        return NoticeDecision::Held;
    }
    match police.cleared() {
        true => NoticeDecision::Now,
        false => {
            let due = referred_at_ms.saturating_add(i64::from(objection_hours) * 3_600_000);
            if now_ms >= due {
                NoticeDecision::Now
            } else {
                NoticeDecision::At(due)
            }
        }
    }
}

/// Why a recipient gets the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientRole {
    /// The abuse contact of the network that hosts the address.
    Host,
    /// The CDN or proxy in front of it: it cannot remove the origin, but it can stop serving.
    Cdn,
    /// The domain's registrar, for escalation.
    Registrar,
}

/// One address to send a notice to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub role: RecipientRole,
}

/// Whom the notice goes to, from the trace: the hosting networks' abuse contacts (a CDN's
/// when the address is behind one). The registrar is the escalation: it is chosen only when
/// no network contact is known. Each e-mail once.
pub fn recipients(trace: &Trace) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut push = |email: Option<&String>, role| {
        if let Some(e) = email
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| e.contains('@'))
            && !out.iter().any(|r| r.email == e)
        {
            out.push(Recipient { email: e, role });
        }
    };
    for a in &trace.addresses {
        let role = if a.cdn.is_some() {
            RecipientRole::Cdn
        } else {
            RecipientRole::Host
        };
        push(a.abuse.as_ref().and_then(|c| c.email.as_ref()), role);
    }
    if let Some(r) = &trace.registrar {
        push(
            r.abuse.as_ref().and_then(|c| c.email.as_ref()),
            RecipientRole::Registrar,
        );
    }
    out
}

/// What a notice needs to say (DSA Art. 16(2)): the exact address, why it is illegal with
/// the statute, who notifies (the hotline, never the reporter), good faith, a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFacts {
    /// The hotline's reference for this notice, e.g. `BE-2026-000123`.
    pub reference: String,
    pub address: String,
    /// The statute the content breaches, e.g. "Belgian Criminal Code, art. 417/43".
    pub statute: String,
    pub hotline_name: String,
    pub hotline_email: String,
    /// When the hotline received the report (RFC 3339).
    pub reported_at: String,
    /// The police asked the host to preserve evidence.
    pub preserve_evidence: bool,
    /// A fresh UUID v4 for the XARF report.
    pub report_id: String,
}

/// The subject and plain-text body of the notice, in English (the default language of
/// notices; editable templates come with the admin pages).
pub fn notice_text(f: &NoticeFacts) -> (String, String) {
    let subject = format!(
        "Notice of child sexual abuse material at {} [{}]",
        f.address, f.reference
    );
    let mut body = format!(
        "Dear abuse team,\n\n\
         {name} is a hotline for reports of child sexual abuse material on the Internet. We notify \
         you, under Article 16 of the Digital Services Act (Regulation (EU) 2022/2065), that the \
         following address on your service makes available child sexual abuse material:\n\n\
         \u{20}   {address}\n\n\
         Why this is illegal: the material shows the sexual abuse of children, which is illegal \
         under {statute} and under the law of almost every country. Analysts of {name} assessed it.\n\n\
         Please remove or disable access to it without delay, and reply to this message with what \
         you did. Do not forward the material to anyone.\n\n",
        name = f.hotline_name,
        address = f.address,
        statute = f.statute,
    );
    if f.preserve_evidence {
        body.push_str(
            "The police ask you to preserve the material and the related records (account, \
             access logs) as evidence before you remove it.\n\n",
        );
    }
    body.push_str(&format!(
        "We send this notice in good faith and believe the information in it to be accurate and \
         complete. As Article 16(2)(c) allows for this kind of material, it does not name the \
         person who reported it.\n\n\
         Reference: {reference}\nReported to us: {reported}\nContact: {email}\n\n\
         {name}\n\nA machine-readable version (XARF v4) is attached.\n",
        reference = f.reference,
        reported = f.reported_at,
        email = f.hotline_email,
        name = f.hotline_name,
    ));
    (subject, body)
}

/// The XARF v4 report (category `content`, type `csam`) for the same notice.
pub fn xarf(f: &NoticeFacts) -> serde_json::Value {
    json!({
        "xarf_version": "4.0.0",
        "report_id": f.report_id,
        "timestamp": f.reported_at,
        "category": "content",
        "type": "csam",
        "source_identifier": f.address,
        "url": f.address,
        "classification": "baseline",
        "detection_method": "user_report",
        "reporter": {
            "org": f.hotline_name,
            "contact": f.hotline_email,
            "type": "automated"
        },
        "description": format!("Reference {}; illegal under {}", f.reference, f.statute),
        "evidence_source": "user_report"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Contact, HostingAddress, Registrar};

    const HOUR: i64 = 3_600_000;

    #[test]
    fn takedown_regimes() {
        use crate::police::{PoliceStep, PoliceStepKind as K};
        use NoticeDecision::*;
        let record = |kinds: &[K]| {
            PoliceRecord::new(
                kinds
                    .iter()
                    .map(|k| PoliceStep {
                        kind: *k,
                        reference: None,
                        reason: None,
                        country: None,
                        note: String::new(),
                    })
                    .collect(),
            )
        };
        let police = notice_due(
            TakedownBy::Police,
            48,
            0,
            &record(&[K::Cleared]),
            100 * HOUR,
        );
        assert!(
            matches!(police, NotOurs(_)),
            "the police regime never sends"
        );
        let hotline =
            |kinds: &[K], now| notice_due(TakedownBy::Hotline, 48, 0, &record(kinds), now);
        assert_eq!(hotline(&[], HOUR), At(48 * HOUR));
        assert_eq!(hotline(&[], 48 * HOUR), Now, "the objection window passed");
        assert_eq!(hotline(&[K::Acknowledged], 49 * HOUR), Now);
        assert_eq!(hotline(&[K::Cleared], HOUR), Now, "cleared early");
        assert_eq!(hotline(&[K::Hold], 1000 * HOUR), Held, "a hold stops it");
        assert_eq!(
            hotline(
                &[K::Hold, K::Acknowledged, K::OrderRequested, K::Cleared],
                1000 * HOUR
            ),
            Held,
            "steps after a hold do not lift it"
        );
        assert_eq!(hotline(&[K::Hold, K::Cleared, K::Release], HOUR), Now);
    }

    #[test]
    fn recipients_in_order_without_duplicates() {
        let abuse = |e: &str| {
            Some(Contact {
                email: Some(e.into()),
                ..Default::default()
            })
        };
        let t = Trace {
            addresses: vec![
                HostingAddress {
                    abuse: abuse("abuse@cdn.example.com"),
                    cdn: Some("Cloudflare".into()),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("Abuse@Host.example.com "),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("abuse@host.example.com"),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("not an address"),
                    ..Default::default()
                },
            ],
            registrar: Some(Registrar {
                abuse: abuse("abuse@registrar.example.com"),
                ..Default::default()
            }),
            ..Default::default()
        };
        let r = recipients(&t);
        assert_eq!(
            r.iter()
                .map(|r| (r.email.as_str(), r.role))
                .collect::<Vec<_>>(),
            [
                ("abuse@cdn.example.com", RecipientRole::Cdn),
                ("abuse@host.example.com", RecipientRole::Host),
                ("abuse@registrar.example.com", RecipientRole::Registrar),
            ]
        );
    }

    fn facts() -> NoticeFacts {
        NoticeFacts {
            reference: "BE-2026-000001".into(),
            address: "http://example.com/a".into(),
            statute: "Belgian Criminal Code, art. 417/43".into(),
            hotline_name: "Hotline".into(),
            hotline_email: "notices@hotline.example.com".into(),
            reported_at: "2026-11-28T10:00:00Z".into(),
            preserve_evidence: true,
            report_id: "0b7d4a2e-5d8e-4c86-9a4f-2f3a6b1c9d10".into(),
        }
    }

    #[test]
    fn the_notice_says_what_article_16_asks() {
        let (subject, body) = notice_text(&facts());
        assert!(subject.contains("http://example.com/a") && subject.contains("BE-2026-000001"));
        for needed in [
            "http://example.com/a",
            "Belgian Criminal Code, art. 417/43",
            "good faith",
            "Reference: BE-2026-000001",
            "preserve",
            "does not name the",
        ] {
            assert!(body.contains(needed), "missing {needed:?}");
        }
        let (_, body) = notice_text(&NoticeFacts {
            preserve_evidence: false,
            ..facts()
        });
        assert!(!body.contains("preserve"));
    }

    #[test]
    fn xarf_has_the_required_fields() {
        let x = xarf(&facts());
        for field in [
            "xarf_version",
            "report_id",
            "category",
            "type",
            "timestamp",
            "source_identifier",
            "reporter",
            "classification",
            "detection_method",
        ] {
            assert!(x.get(field).is_some(), "missing {field}");
        }
        assert_eq!(x["category"], "content");
        assert_eq!(x["type"], "csam");
    }
}

/// The variables a notice template may use.
pub const TEMPLATE_VARIABLES: &[&str] = &[
    "reference",
    "address",
    "statute",
    "hotline_name",
    "hotline_email",
    "reported_at",
    "preserve_evidence",
];

/// Why a notice template cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TemplateError {
    /// The template's line at fault, when there is one.
    pub line: Option<usize>,
    pub message: String,
}

/// The subject and body of a notice from an operator's `template` (minijinja; the first line
/// is the subject). Unknown variables are errors, not empty text, so a typo shows before a
/// notice goes out; the body must contain the address.
pub fn render_template(template: &str, f: &NoticeFacts) -> Result<(String, String), TemplateError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let rendered = env
        .render_str(
            template,
            minijinja::context! {
                reference => &f.reference,
                address => &f.address,
                statute => &f.statute,
                hotline_name => &f.hotline_name,
                hotline_email => &f.hotline_email,
                reported_at => &f.reported_at,
                preserve_evidence => f.preserve_evidence,
            },
        )
        .map_err(|e| {
            let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
            let what = match e.kind() {
                minijinja::ErrorKind::UndefinedError => format!(
                    "an unknown variable{detail} (known: {})",
                    TEMPLATE_VARIABLES.join(", ")
                ),
                minijinja::ErrorKind::SyntaxError => format!("a syntax error{detail}"),
                kind => format!("{kind}{detail}"),
            };
            TemplateError {
                line: e.line(),
                message: match e.line() {
                    Some(l) => format!("line {l}: {what}"),
                    None => what,
                },
            }
        })?;
    let (subject, body) = rendered.split_once('\n').unwrap_or((&rendered, ""));
    if subject.trim().is_empty() {
        return Err(TemplateError {
            line: Some(1),
            message: "line 1: the first line is the subject and must not be empty".into(),
        });
    }
    if !body.contains(&f.address) {
        return Err(TemplateError {
            line: None,
            message: "the body (after the first line) must give the address: {{ address }}".into(),
        });
    }
    Ok((subject.trim().to_owned(), body.trim_start().to_owned()))
}

/// The subject and body of a notice: the operator's template if there is one, else the
/// built-in English text.
pub fn compose(template: Option<&str>, f: &NoticeFacts) -> Result<(String, String), String> {
    match template {
        None => Ok(notice_text(f)),
        Some(t) => {
            render_template(t, f).map_err(|e| format!("the notice template does not render: {e}"))
        }
    }
}

/// Made-up facts on reserved names and documentation addresses, to preview a template with:
/// never a real case's address.
pub fn sample_facts(hotline_name: &str, statute: &str, preserve_evidence: bool) -> NoticeFacts {
    NoticeFacts {
        reference: "XX-2026-000123".into(),
        address: "http://192.0.2.10/example/path".into(),
        statute: statute.into(),
        hotline_name: hotline_name.into(),
        hotline_email: "notices@hotline.example.com".into(),
        reported_at: "2026-01-02T03:04:05Z".into(),
        preserve_evidence,
        report_id: "00000000-0000-4000-8000-000000000000".into(),
    }
}

#[cfg(test)]
mod template_tests {
    use super::*;

    #[test]
    fn a_template_renders_and_its_mistakes_are_named_with_their_line() {
        let f = sample_facts("Hotline", "a statute", false);
        let (subject, body) =
            render_template("Notice {{ reference }}\n\nAt {{ address }}.", &f).unwrap();
        assert_eq!(subject, "Notice XX-2026-000123");
        assert_eq!(body, "At http://192.0.2.10/example/path.");
        let e = render_template("Subject\n\n{{ adress }}", &f).unwrap_err();
        assert!(e.message.contains("unknown variable"), "{e}");
        assert_eq!(e.line, Some(3), "{e}");
        let e = render_template("Subject\n{% if %}\n{{ address }}", &f).unwrap_err();
        assert!(e.message.contains("syntax error"), "{e}");
        assert_eq!(e.line, Some(2));
        let e = render_template("\n{{ address }}", &f).unwrap_err();
        assert!(e.message.contains("subject"), "{e}");
        let e = render_template("Subject only", &f).unwrap_err();
        assert!(e.message.contains("{{ address }}"), "{e}");
        assert!(compose(None, &f).unwrap().1.contains(&f.address));
    }
}
