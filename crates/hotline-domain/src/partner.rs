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
    use super::*;
    use crate::assessment::Classification;
    use crate::trace::HostingAddress;

    #[test]
    fn the_summary_names_the_address_the_host_and_the_assessment() {
        let trace = Trace {
            host: "nl.example".into(),
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
            statutory_reference: Some("Art. 383bis".into()),
            findings: None,
        };
        let text = referral_summary(&ReferralFacts {
            hotline_name: "Test Hotline",
            reference: &referral_reference("BE", 7),
            address: "http://nl.example/a",
            country: "NL",
            assessment: Some(&assessment),
            trace: Some(&trace),
        });
        assert!(
            text.starts_with("Referral from Test Hotline (reference BE-7)\n"),
            "{text}"
        );
        assert!(text.contains("Address: http://nl.example/a\n"), "{text}");
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
