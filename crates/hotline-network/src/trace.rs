//! Tracing an address: DNS, then for each IP the IP database and the network's RDAP entry,
//! then the domain's registrar. Nothing here fetches the reported content. Every step records
//! its error and the trace goes on: partial results stand.

use std::net::IpAddr;
use std::sync::Arc;

use hotline_domain::trace::{
    Contact, ContactSource, HostingAddress, Registrar, StepError, Trace, cdn_of,
};

use crate::dns::{Dns, DnsError};
use crate::ipdb::IpDb;
use crate::rdap::{AbuseContact, NetworkContact, RdapClient};

/// Most enclosing networks asked for an abuse contact above the address's own network.
const MAX_PARENTS: usize = 3;

/// Everything needed to trace. `dns` and `rdap` are `None` when the hotline is offline: the
/// trace then uses the local IP database only.
pub struct Tracer {
    pub dns: Option<Dns>,
    pub ipdb: Arc<IpDb>,
    pub rdap: Option<RdapClient>,
}

/// The contact an RDAP abuse entity gives, if it gives an e-mail address: an entity with
/// only a name, a phone or placeholders is no one to send a notice to.
fn contact(
    a: Option<&AbuseContact>,
    source: ContactSource,
    record: Option<String>,
) -> Option<Contact> {
    let a = a.filter(|a| a.email.is_some())?;
    Some(Contact {
        name: a.name.clone(),
        email: a.email.clone(),
        phone: a.phone.clone(),
        source: Some(source),
        source_record: record,
    })
}

/// How a network is named on the case page: its handle, else its prefix.
fn network_record(n: &NetworkContact) -> Option<String> {
    n.handle
        .clone()
        .or_else(|| n.prefix().map(|(a, l)| format!("{a}/{l}")))
}

impl Tracer {
    /// Traces `host` (a domain, an IP literal, possibly bracketed, or an onion name) whose
    /// registrable domain is `domain`, at `now_ms`.
    pub async fn trace(&self, host: &str, domain: Option<&str>, now_ms: i64) -> Trace {
        let mut t = Trace {
            host: host.to_owned(),
            traced_at_ms: now_ms,
            registrable_domain: domain.map(str::to_owned),
            ..Trace::default()
        };
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let mut ips: Vec<IpAddr> = Vec::new();
        if hotline_domain::trace::is_onion(host) {
            t.untraceable = Some(
                "an onion service: its location is hidden by design and cannot be traced".into(),
            );
            return t;
        } else if let Ok(ip) = bare.parse::<IpAddr>() {
            ips.push(ip);
        } else {
            match &self.dns {
                None => t.errors.push(StepError {
                    step: "dns".into(),
                    subject: host.into(),
                    error: DnsError::Offline.to_string(),
                }),
                Some(dns) => match dns.resolve(host).await {
                    Ok(r) => {
                        t.cname_chain = r.cname_chain;
                        ips = r.addresses;
                    }
                    Err(e @ DnsError::NoSuchName(_)) => {
                        t.untraceable = Some(e.to_string());
                    }
                    Err(e) => t.errors.push(StepError {
                        step: "dns".into(),
                        subject: host.into(),
                        error: e.to_string(),
                    }),
                },
            }
        }

        for ip in ips {
            let info = self.ipdb.lookup(ip);
            let mut address = HostingAddress {
                ip: ip.to_string(),
                asn: info.as_ref().and_then(|i| i.asn),
                as_org: info.as_ref().and_then(|i| i.org.clone()),
                country: info.as_ref().and_then(|i| i.country.clone()),
                ..HostingAddress::default()
            };
            if info.is_none() {
                t.errors.push(StepError {
                    step: "ipdb".into(),
                    subject: ip.to_string(),
                    error: "not in the IP database".into(),
                });
            }
            if let Some(rdap) = &self.rdap {
                let network = match rdap.ip_network(ip).await {
                    Ok(n) => {
                        address.network = n.name.clone().or(n.handle.clone());
                        if address.country.is_none() {
                            address.country = n.country.clone();
                        }
                        if address.asn.is_none() {
                            address.asn = n.origin_asns.first().copied();
                        }
                        Some(n)
                    }
                    Err(e) => {
                        t.errors.push(StepError {
                            step: "rdap-ip".into(),
                            subject: ip.to_string(),
                            error: e.to_string(),
                        });
                        None
                    }
                };
                address.abuse = network_abuse(rdap, network, address.asn, &mut t.errors).await;
                if address.abuse.is_none() {
                    t.errors.push(StepError {
                        step: "abuse".into(),
                        subject: ip.to_string(),
                        error: "no abuse e-mail address in the RDAP records of the network, the \
                                networks enclosing it or its AS"
                            .into(),
                    });
                }
            }
            address.cdn = cdn_of(Some(ip), address.asn, &t.cname_chain).map(str::to_owned);
            t.addresses.push(address);
        }

        if let (Some(rdap), Some(domain)) = (&self.rdap, domain) {
            match rdap.domain(domain).await {
                Ok(d) => {
                    t.registrar = Some(Registrar {
                        name: d.registrar.clone(),
                        iana_id: d.registrar_iana_id.map(|i| i.to_string()),
                        abuse: contact(
                            d.abuse.as_ref(),
                            ContactSource::Registrar,
                            d.registrar.clone().or(d.handle.clone()),
                        ),
                    });
                }
                Err(e) => t.errors.push(StepError {
                    step: "rdap-domain".into(),
                    subject: domain.into(),
                    error: e.to_string(),
                }),
            }
        }
        if t.addresses.is_empty()
            && t.untraceable.is_none()
            && t.errors.iter().all(|e| e.step != "dns")
        {
            t.untraceable = Some(hotline_domain::trace::NO_ADDRESS.into());
        }
        t
    }
}

/// The abuse contact for an address, in the written order ([`ContactSource`]): the network's
/// own abuse entity, then the networks enclosing it (at most [`MAX_PARENTS`]), then the AS
/// that announces it. Placeholders were refused when the answers were read. Failed lookups
/// are recorded and the search goes on.
async fn network_abuse(
    rdap: &RdapClient,
    network: Option<NetworkContact>,
    asn: Option<u32>,
    errors: &mut Vec<StepError>,
) -> Option<Contact> {
    if let Some(net) = network {
        let subject = net.query.to_string();
        if let Some(c) = contact(
            net.abuse.as_ref(),
            ContactSource::Network,
            network_record(&net),
        ) {
            return Some(c);
        }
        let mut current = net;
        for _ in 0..MAX_PARENTS {
            match rdap.ip_parent(&current).await {
                Ok(Some(parent)) => {
                    // A registry that answers with the same network again has no parent.
                    let shorter = match (parent.prefix(), current.prefix()) {
                        (Some((_, p)), Some((_, c))) => p < c,
                        _ => false,
                    };
                    if !shorter {
                        break;
                    }
                    if let Some(c) = contact(
                        parent.abuse.as_ref(),
                        ContactSource::ParentNetwork,
                        network_record(&parent),
                    ) {
                        return Some(c);
                    }
                    current = parent;
                }
                Ok(None) => break,
                Err(e) => {
                    if !e.is_not_found() {
                        errors.push(StepError {
                            step: "rdap-parent".into(),
                            subject: subject.clone(),
                            error: e.to_string(),
                        });
                    }
                    break;
                }
            }
        }
    }
    let asn = asn?;
    match rdap.autnum(asn).await {
        Ok(a) => contact(
            a.abuse.as_ref(),
            ContactSource::AutNum,
            Some(format!("AS{asn}")),
        ),
        Err(e) => {
            errors.push(StepError {
                step: "rdap-autnum".into(),
                subject: format!("AS{asn}"),
                error: e.to_string(),
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    //! The whole trace against real servers on loopback: an authoritative DNS server with a
    //! `.test` zone, and an RDAP server answering with synthetic ARIN-shaped and domain
    //! fixtures. The IP database is the embedded one.

    use std::time::Duration;

    use axum::extract::State;
    use axum::http::{StatusCode, Uri, header};
    use axum::response::{IntoResponse, Response};

    use super::*;
    use crate::rdap::{Bootstrap, RdapConfig};
    use crate::testing::{Rec, loopback, serve_zone};

    const ARIN: &str = include_str!("../tests/fixtures/rdap/arin_network.json");
    const DOMAIN: &str = include_str!("../tests/fixtures/rdap/domain.json");
    const PLACEHOLDER_NET: &str = include_str!("../tests/fixtures/rdap/network_placeholder.json");
    const PARENT_NET: &str = include_str!("../tests/fixtures/rdap/network_parent.json");
    const AS_ONLY_NET: &str = include_str!("../tests/fixtures/rdap/network_no_abuse_as.json");
    const AUTNUM: &str = include_str!("../tests/fixtures/rdap/autnum.json");
    const DOMAIN_PLACEHOLDER: &str = include_str!("../tests/fixtures/rdap/domain_placeholder.json");

    /// What registries put where they will not give a contact; 192.0.2.130 + i is in a
    /// network whose abuse entity carries `PLACEHOLDERS[i]` instead of a name and address.
    const PLACEHOLDERS: [&str; 6] = [
        "REDACTED",
        "REDACTED FOR PRIVACY",
        "NOT DISCLOSED",
        "Please query the RDDS service of the Registrar of Record identified in this output for information on how to contact the Registrant, Admin, or Tech contacts of the queried domain name.",
        "removed@example.net",
        "abuse@redacted.invalid",
    ];

    async fn rdap_answer(State(()): State<()>, uri: Uri) -> Response {
        let placeholder_net;
        let body = match uri.path() {
            "/ip/192.0.2.0/24" => PARENT_NET,
            p if p.starts_with("/ip/192.0.2.13") => {
                let i: usize = p["/ip/192.0.2.13".len()..].parse().unwrap();
                let json = serde_json::to_string(PLACEHOLDERS[i]).unwrap();
                placeholder_net = PLACEHOLDER_NET.replace("PLACEHOLDER", &json[1..json.len() - 1]);
                placeholder_net.as_str()
            }
            p if p.starts_with("/ip/192.0.2.") => ARIN,
            "/ip/198.51.100.10" => AS_ONLY_NET,
            "/autnum/64500" => AUTNUM,
            "/domain/example.test" => DOMAIN,
            "/domain/redacted.test" => DOMAIN_PLACEHOLDER,
            _ => return (StatusCode::NOT_FOUND, "no").into_response(),
        };
        (
            [(header::CONTENT_TYPE, "application/rdap+json")],
            body.to_owned(),
        )
            .into_response()
    }

    async fn rdap_server() -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/", listener.local_addr().unwrap());
        let app = axum::Router::new().fallback(rdap_answer).with_state(());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        base
    }

    async fn tracer() -> Tracer {
        let dns_addr = serve_zone(
            "example.test.",
            vec![
                Rec::A("www.example.test.", "192.0.2.80".parse().unwrap()),
                Rec::Cname("img.example.test.", "d111.cloudfront.net."),
            ],
        )
        .await;
        let base = rdap_server().await;
        let registry = |kind: &str, entry: &str| {
            format!(
                r#"{{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[[[{entry}],["{base}"]]]}}"#
            )
            .replace("KIND", kind)
        };
        let empty = r#"{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}"#;
        let bootstrap = Bootstrap::from_json(
            &registry("dns", r#""test""#),
            &registry("ipv4", r#""192.0.2.0/24","198.51.100.0/24""#),
            empty,
            &registry("asn", r#""64496-64511""#),
        )
        .unwrap()
        .with_fallback(None)
        .unwrap();
        let policy = loopback(dns_addr);
        let config = RdapConfig {
            timeout: Duration::from_secs(2),
            max_requests_per_second_per_host: 0,
            ..RdapConfig::default()
        };
        Tracer {
            dns: Some(Dns::new(&policy, Duration::from_secs(2)).unwrap()),
            ipdb: Arc::new(IpDb::embedded().unwrap()),
            rdap: Some(RdapClient::with_config(policy, bootstrap, config).unwrap()),
        }
    }

    #[tokio::test]
    async fn a_domain_is_traced_to_its_network_abuse_contact_and_registrar() {
        let t = tracer()
            .await
            .trace("www.example.test", Some("example.test"), 1)
            .await;
        assert_eq!(t.untraceable, None);
        assert_eq!(t.addresses.len(), 1, "{t:?}");
        let a = &t.addresses[0];
        assert_eq!(a.ip, "192.0.2.80");
        assert_eq!(
            a.abuse.as_ref().and_then(|c| c.email.as_deref()),
            Some("abuse@example.com")
        );
        assert_eq!(a.network.as_deref(), Some("EXAMPLE-HOSTING-NET"));
        let r = t.registrar.as_ref().expect("registrar");
        assert_eq!(
            r.abuse.as_ref().and_then(|c| c.email.as_deref()),
            Some("abuse@registrar.example.com")
        );
        // Documentation addresses are in no IP database: said, and the rest stands.
        assert!(
            t.errors
                .iter()
                .any(|e| e.step == "ipdb" && e.subject == "192.0.2.80"),
            "{:?}",
            t.errors
        );
    }

    #[tokio::test]
    async fn placeholders_are_no_contact_and_the_search_falls_back_in_order() {
        let tracer = tracer().await;
        let email = |c: &Option<Contact>| c.as_ref().and_then(|c| c.email.clone());
        for (i, placeholder) in PLACEHOLDERS.iter().enumerate() {
            // The network's abuse entity is a placeholder: the enclosing network answers.
            let t = tracer.trace(&format!("192.0.2.13{i}"), None, 1).await;
            let a = &t.addresses[0];
            let c = a.abuse.as_ref().expect(placeholder);
            assert_eq!(
                email(&a.abuse).as_deref(),
                Some("abuse@provider.example.net"),
                "{placeholder}"
            );
            assert_eq!(
                c.source,
                Some(ContactSource::ParentNetwork),
                "{placeholder}"
            );
            assert_eq!(c.source_record.as_deref(), Some("NET-192-0-2-0-1"));
            assert_eq!(c.name.as_deref(), Some("Example Provider Abuse Desk"));
            assert!(
                c.phone.is_none(),
                "{placeholder}: nothing of the placeholder entity"
            );
            let shown = serde_json::to_string(&t).unwrap();
            assert!(
                !shown.contains(placeholder),
                "{placeholder} was kept: {shown}"
            );
        }
        // The network and its registry give nothing real, the announcing AS does.
        let t = tracer.trace("198.51.100.10", None, 1).await;
        let a = &t.addresses[0];
        assert_eq!(a.asn, Some(64500), "from the registry's origin AS list");
        assert_eq!(
            email(&a.abuse).as_deref(),
            Some("abuse@transit.example.net")
        );
        let c = a.abuse.as_ref().unwrap();
        assert_eq!(
            (c.source, c.source_record.as_deref()),
            (Some(ContactSource::AutNum), Some("AS64500"))
        );
        // The network's own contact wins when it is real, and says so.
        let t = tracer
            .trace("www.example.test", Some("example.test"), 1)
            .await;
        let c = t.addresses[0].abuse.as_ref().unwrap();
        assert_eq!(
            (c.source, c.source_record.as_deref()),
            (Some(ContactSource::Network), Some("NET-192-0-2-0-1"))
        );
        let r = t.registrar.as_ref().and_then(|r| r.abuse.as_ref()).unwrap();
        assert_eq!(r.source, Some(ContactSource::Registrar));
        // A registrar whose abuse entity is ICANN's placeholder sentence gives no contact.
        let t = tracer.trace("192.0.2.80", Some("redacted.test"), 1).await;
        let r = t.registrar.as_ref().expect("the registrar is still named");
        assert_eq!(r.name.as_deref(), Some("Example Registrar, Inc."));
        assert_eq!(r.abuse, None);
        assert_eq!(
            email(&t.addresses[0].abuse).as_deref(),
            Some("abuse@example.com")
        );
    }

    #[test]
    fn placeholder_values_are_recognised_and_real_ones_are_not() {
        for p in PLACEHOLDERS.iter().chain(&[
            "[REDACTED]",
            " redacted ",
            "Non-Public Data",
            "",
            "mailto:removed@example.net",
        ]) {
            assert!(crate::rdap::is_placeholder(p), "{p:?}");
        }
        for real in [
            "abuse@example.com",
            "abuse@redactedhosting.example",
            "Example Abuse Desk",
            "+1-555-555-0100",
        ] {
            assert!(!crate::rdap::is_placeholder(real), "{real:?}");
        }
    }

    #[tokio::test]
    async fn onion_missing_and_cdn_fronted_names() {
        let tracer = tracer().await;
        let onion = tracer.trace("abcdefghijklmnop.onion", None, 1).await;
        assert!(
            onion
                .untraceable
                .as_deref()
                .is_some_and(|w| w.contains("onion"))
        );
        assert!(onion.addresses.is_empty());
        let missing = tracer
            .trace("gone.example.test", Some("example.test"), 1)
            .await;
        assert!(
            missing
                .untraceable
                .as_deref()
                .is_some_and(|w| w.contains("does not exist")),
            "{missing:?}"
        );
        // The CNAME points outside the zone this server answers for: a clear DNS error, and
        // the trace still has its registrar.
        let elsewhere = tracer
            .trace("img.example.test", Some("example.test"), 1)
            .await;
        assert!(
            elsewhere.errors.iter().any(|e| e.step == "dns"),
            "{elsewhere:?}"
        );
        assert!(elsewhere.registrar.is_some());
        let ip_literal = tracer.trace("[2001:db8::1]", None, 1).await;
        assert_eq!(ip_literal.addresses[0].ip, "2001:db8::1");
    }

    #[tokio::test]
    async fn offline_uses_the_ip_database_only() {
        let offline = Tracer {
            dns: None,
            ipdb: Arc::new(IpDb::embedded().unwrap()),
            rdap: None,
        };
        let t = offline.trace("www.example.test", None, 1).await;
        assert_eq!(t.errors[0].step, "dns");
        assert!(t.addresses.is_empty());
    }
}
