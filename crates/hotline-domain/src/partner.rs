//! What a partner hotline is told about a case it is referred: the address and the facts
//! that let it act (where it is hosted, how it was assessed), never the reporter. The same
//! text is the copy-ready summary for partners reached by hand and the body of a referral
//! e-mail.

use crate::assessment::Assessment;
use crate::trace::Trace;

/// The facts of one referral.
#[derive(Debug, Clone, Copy)]
pub struct ReferralFacts<'a> {
    /// This hotline's name, as the partner knows it.
    pub hotline_name: &'a str,
    /// This hotline's reference for the case (see [`referral_reference`]).
    pub reference: &'a str,
    /// The canonical address.
    pub address: &'a str,
    /// Where it is hosted (ISO 3166-1 alpha-2): the partner's country.
    pub country: &'a str,
    pub assessment: Option<&'a Assessment>,
    pub trace: Option<&'a Trace>,
}

/// This hotline's reference for a case, as partners see it: the country, then the case.
/// What one hotline tells another about a case the other referred to it (federation
/// `updates`): the content was removed, came back after a removal, or is not illegal in the
/// receiving hotline's country.
/// The header with the signature (Ed25519, hex) of a partner message by the sender's
/// current signing key.
pub const SIGNATURE_HEADER: &str = "x-hotline-signature";
/// The header naming the sender's current signing key (its public key, hex): the key id.
pub const KEY_HEADER: &str = "x-hotline-key";
/// The header with signatures by the sender's previous keys still in their grace period
/// after a rotation: `PUBLIC:SIGNATURE` pairs (hex), separated by commas. A partner that has
/// not yet registered the new key checks the one by the key it knows.
pub const PREVIOUS_SIGNATURES_HEADER: &str = "x-hotline-previous-signatures";

/// A partner message's signatures, as sent in its headers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signed {
    /// The current key's public half, hex.
    pub key: String,
    /// Its signature of the exact body, hex.
    pub signature: String,
    /// `(public key, signature)` by each previous key still in its grace period.
    pub previous: Vec<(String, String)>,
}

impl Signed {
    /// The value of [`PREVIOUS_SIGNATURES_HEADER`]; `None` when no key is in its grace.
    pub fn previous_header(&self) -> Option<String> {
        (!self.previous.is_empty()).then(|| {
            self.previous
                .iter()
                .map(|(k, s)| format!("{k}:{s}"))
                .collect::<Vec<_>>()
                .join(",")
        })
    }

    /// Reads [`PREVIOUS_SIGNATURES_HEADER`]; malformed pairs are left out (they verify nothing).
    pub fn parse_previous(header: &str) -> Vec<(String, String)> {
        header
            .split(',')
            .filter_map(|pair| {
                let (k, s) = pair.trim().split_once(':')?;
                Some((k.trim().to_ascii_lowercase(), s.trim().to_owned()))
            })
            .take(8)
            .collect()
    }
}

pub const UPDATE_STATUSES: [&str; 3] = ["removed", "reappeared", "not_illegal"];

/// What a move of a case tells the partner hotline that referred it to us, if anything: one
/// of [`UPDATE_STATUSES`]. The same rule for moves by staff and by our own checks.
pub fn news_of_move(
    from: crate::CaseState,
    to: crate::CaseState,
    close_reason: Option<crate::CloseReason>,
) -> Option<&'static str> {
    use crate::CaseState as S;
    match (from, to, close_reason) {
        (_, S::Removed, _) => Some("removed"),
        (S::Removed, S::AwaitingRemoval, _) => Some("reappeared"),
        (_, S::Closed, Some(crate::CloseReason::NotIllegal)) => Some("not_illegal"),
        _ => None,
    }
}

pub fn referral_reference(country: &str, case_id: i64) -> String {
    format!("{country}-{case_id}")
}

/// The plain-text summary of a referral.
pub fn referral_summary(f: &ReferralFacts<'_>) -> String {
    let mut text = format!(
        "Referral from {} (reference {})\nAddress: {}\nHosted in: {}\n",
        f.hotline_name, f.reference, f.address, f.country
    );
    if let Some(a) = f.assessment {
        text.push_str(&format!("Assessment: {}", a.classification));
        if let Some(s) = &a.statutory_reference {
            text.push_str(&format!(" ({s})"));
        }
        text.push('\n');
    }
    if let Some(t) = f.trace {
        for a in &t.addresses {
            text.push_str(&format!(
                "IP {}: AS{} {} {}\n",
                a.ip,
                a.asn.map_or_else(|| "?".to_owned(), |n| n.to_string()),
                a.as_org.as_deref().unwrap_or_default(),
                a.country.as_deref().unwrap_or_default()
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_referring_partner_hears_of_removal_reappearance_and_not_illegal_only() {
        use super::news_of_move;
        use crate::{CaseState as S, CloseReason as R};
        assert_eq!(
            news_of_move(S::AwaitingRemoval, S::Removed, None),
            Some("removed")
        );
        assert_eq!(
            news_of_move(S::Removed, S::AwaitingRemoval, None),
            Some("reappeared")
        );
        assert_eq!(
            news_of_move(S::Assessed, S::Closed, Some(R::NotIllegal)),
            Some("not_illegal")
        );
        assert_eq!(
            news_of_move(S::Assessed, S::Closed, Some(R::Duplicate)),
            None
        );
        assert_eq!(news_of_move(S::Assessed, S::Referred, None), None);
        for n in [Some("removed"), Some("reappeared"), Some("not_illegal")] {
            assert!(super::UPDATE_STATUSES.contains(&n.unwrap()));
        }
    }

    use super::*;
    use crate::assessment::Classification;
    use crate::trace::HostingAddress;

    #[test]
    fn the_summary_names_the_address_the_host_and_the_assessment() {
        let trace = Trace {
            host: "nl.example.com".into(),
            traced_at_ms: 0,
            untraceable: None,
            cname_chain: vec![],
            addresses: vec![HostingAddress {
                ip: "198.51.100.7".into(),
                asn: Some(64500),
                as_org: Some("Example Hosting".into()),
                country: Some("NL".into()),
                ..HostingAddress::default()
            }],
            registrable_domain: None,
            registrar: None,
            errors: vec![],
        };
        let assessment = Assessment {
            classification: Classification::Baseline,
            reason: None,
            statutory_reference: Some("Art. 383bis".into()),
            findings: None,
        };
        let text = referral_summary(&ReferralFacts {
            hotline_name: "Test Hotline",
            reference: &referral_reference("BE", 7),
            address: "http://nl.example.com/a",
            country: "NL",
            assessment: Some(&assessment),
            trace: Some(&trace),
        });
        assert!(
            text.starts_with("Referral from Test Hotline (reference BE-7)\n"),
            "{text}"
        );
        assert!(
            text.contains("Address: http://nl.example.com/a\n"),
            "{text}"
        );
        assert!(
            text.contains("Assessment: baseline (Art. 383bis)\n"),
            "{text}"
        );
        assert!(
            text.contains("IP 198.51.100.7: AS64500 Example Hosting NL\n"),
            "{text}"
        );
    }
}

named_enum!(
    /// How referrals reach a partner hotline.
    PartnerChannel {
        /// Signed messages to its API (it runs this software, or speaks its protocol).
        Api => "api",
        /// E-mail, encrypted with age when it gave a key.
        Email => "email",
        /// A person sends it (ICCAM, a portal) and records the partner's reference.
        Manual => "manual",
    }
);

/// A partner hotline as an admin typed it on the partners page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerInput {
    pub name: String,
    /// Comma- or space-separated ISO codes, e.g. `NL, LU`.
    pub countries: String,
    /// `api`, `email` or `manual`.
    pub channel: String,
    pub endpoint: String,
    pub public_key: String,
    pub encrypt_to: String,
    /// The bearer token the partner issued to us (api partners); empty keeps the one stored.
    pub token: String,
}

/// A checked partner registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerSpec {
    pub name: String,
    pub countries: Vec<String>,
    pub channel: PartnerChannel,
    pub endpoint: Option<String>,
    pub public_key: Option<String>,
    pub encrypt_to: Option<String>,
    pub token: Option<String>,
}

fn plausible_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Checks an Ed25519 public key as partners give it (64 hexadecimal characters), in lower case.
pub fn parse_public_key(s: &str) -> Result<String, &'static str> {
    let k = s.trim().to_ascii_lowercase();
    if k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(k)
    } else {
        Err("must be 64 hexadecimal characters (an Ed25519 public key)")
    }
}

/// Checks a partner registration with the same rules as `hotline partner add`: every problem,
/// each naming its field. `has_token` tells whether a token the partner issued is already
/// stored (so an api partner's page need not repeat it).
pub fn parse_partner(
    input: &PartnerInput,
    has_token: bool,
) -> Result<PartnerSpec, Vec<crate::settings::SettingProblem>> {
    use crate::settings::SettingProblem as P;
    let problem =
        |field: &'static str, code: &'static str, message: String| P::new(field, code, message);
    let mut problems = Vec::new();
    let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        problems.push(problem(
            "name",
            "partner_name_needed",
            "is required: the partner's name, at most 100 characters".into(),
        ));
    }
    let mut countries = Vec::new();
    for c in input
        .countries
        .split([',', ' '])
        .filter(|c| !c.trim().is_empty())
    {
        match crate::jurisdiction::country_code(c) {
            Some(code) if crate::settings::is_known_country(&code) => {
                if !countries.contains(&code) {
                    countries.push(code);
                }
            }
            _ => problems.push(
                problem(
                    "countries",
                    "partner_country",
                    format!(
                        "\"{}\" is not an ISO 3166-1 country code such as \"NL\"",
                        c.trim()
                    ),
                )
                .with("given", c.trim()),
            ),
        }
    }
    if countries.is_empty() && !problems.iter().any(|p| p.field == "countries") {
        problems.push(problem(
            "countries",
            "partner_countries_needed",
            "name at least one country it covers, e.g. NL".into(),
        ));
    }
    let given = input.channel.trim();
    let channel = given.parse::<PartnerChannel>().ok();
    if channel.is_none() {
        problems.push(
            problem(
                "channel",
                "partner_channel",
                format!("must be api, email or manual, not \"{given}\""),
            )
            .with("given", given),
        );
    }
    let endpoint = opt(&input.endpoint);
    let public_key = match opt(&input.public_key).map(|k| parse_public_key(&k)) {
        Some(Err(message)) => {
            problems.push(problem(
                "public_key",
                "partner_public_key_format",
                message.into(),
            ));
            None
        }
        Some(Ok(k)) => Some(k),
        None => None,
    };
    let encrypt_to = opt(&input.encrypt_to);
    let token = opt(&input.token);
    match channel {
        Some(PartnerChannel::Api) => {
            match &endpoint {
                Some(e) if e.starts_with("https://") || e.starts_with("http://") => {}
                _ => problems.push(problem(
                    "endpoint",
                    "partner_api_endpoint_needed",
                    "an api partner needs its base URL (https://…)".into(),
                )),
            }
            if input.public_key.trim().is_empty() {
                problems.push(problem(
                    "public_key",
                    "partner_api_key_needed",
                    "an api partner needs its Ed25519 public key".into(),
                ));
            }
            if token.is_none() && !has_token {
                problems.push(problem(
                    "token",
                    "partner_api_token_needed",
                    "an api partner needs the token it issued to us".into(),
                ));
            }
        }
        Some(PartnerChannel::Email) => {
            if let Some(e) = &endpoint
                && !plausible_email(e)
            {
                problems.push(
                    problem(
                        "endpoint",
                        "partner_email",
                        format!("\"{e}\" is not an e-mail address (name@example.org)"),
                    )
                    .with("given", e),
                );
            }
        }
        Some(PartnerChannel::Manual) | None => {}
    }
    if let Some(k) = &encrypt_to {
        if channel != Some(PartnerChannel::Email) {
            problems.push(problem(
                "encrypt_to",
                "partner_encrypt_not_email",
                "is only for partners on the email channel".into(),
            ));
        } else if !(k.starts_with("age1")
            && k.len() == 62
            && k[4..]
                .bytes()
                .all(|b| b"qpzry9x8gf2tvdw0s3jn54khce6mua7l".contains(&b)))
        {
            problems.push(problem(
                "encrypt_to",
                "partner_encrypt_format",
                "must be an age public key (age1…, 62 characters)".into(),
            ));
        }
    }
    match channel {
        Some(channel) if problems.is_empty() => Ok(PartnerSpec {
            name,
            countries,
            channel,
            endpoint,
            public_key,
            encrypt_to,
            token,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod partner_input_tests {
    use super::*;

    fn input(channel: &str) -> PartnerInput {
        PartnerInput {
            name: "Meldpunt".into(),
            countries: "nl, LU".into(),
            channel: channel.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_manual_partner_needs_a_name_and_known_countries() {
        let p = parse_partner(&input("manual"), false).unwrap();
        assert_eq!(p.countries, ["NL", "LU"]);
        assert_eq!(p.endpoint, None);
        let mut bad = input("pigeon");
        bad.name = " ".into();
        bad.countries = "NL, XX, Netherlands".into();
        let problems = parse_partner(&bad, false).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["name", "countries", "countries", "channel"]);
    }

    #[test]
    fn api_and_email_partners_need_what_delivery_needs() {
        let problems = parse_partner(&input("api"), false).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["endpoint", "public_key", "token"]);
        let mut api = input("api");
        api.endpoint = "https://partner.example".into();
        api.public_key = "AB".repeat(32);
        assert!(
            parse_partner(&api, true).is_ok(),
            "the stored token is kept"
        );
        let mut email = input("email");
        email.endpoint = "not an address".into();
        email.encrypt_to = "age1short".into();
        let problems = parse_partner(&email, false).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["endpoint", "encrypt_to"]);
        email.endpoint = "referrals@partner.example".into();
        email.encrypt_to = format!("age1{}", "q".repeat(58));
        assert!(parse_partner(&email, false).is_ok());
    }

    #[test]
    fn previous_signatures_go_through_their_header_and_back() {
        let signed = super::Signed {
            key: "aa".into(),
            signature: "bb".into(),
            previous: vec![("CC".into(), "dd".into()), ("ee".into(), "ff".into())],
        };
        let header = signed.previous_header().unwrap();
        assert_eq!(header, "CC:dd,ee:ff");
        assert_eq!(
            super::Signed::parse_previous(&header),
            vec![
                ("cc".to_owned(), "dd".to_owned()),
                ("ee".to_owned(), "ff".to_owned())
            ]
        );
        assert_eq!(super::Signed::default().previous_header(), None);
        assert!(super::Signed::parse_previous("garbage, ,x").is_empty());
    }
}
