//! Tracing an address: DNS, then for each IP the IP database and the network's RDAP entry,
//! then the domain's registrar. Nothing here fetches the reported content. Every step records
//! its error and the trace goes on: partial results stand.

use std::net::IpAddr;
use std::sync::Arc;

use hotline_domain::trace::{Contact, HostingAddress, Registrar, StepError, Trace, cdn_of};

use crate::dns::{Dns, DnsError};
use crate::ipdb::IpDb;
use crate::rdap::{AbuseContact, RdapClient};

/// Everything needed to trace. `dns` and `rdap` are `None` when the hotline is offline: the
/// trace then uses the local IP database only.
pub struct Tracer {
    pub dns: Option<Dns>,
    pub ipdb: Arc<IpDb>,
    pub rdap: Option<RdapClient>,
}

fn contact(a: &AbuseContact) -> Contact {
    Contact {
        name: a.name.clone(),
        email: a.email.clone(),
        phone: a.phone.clone(),
    }
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
        if host == "onion" || host.ends_with(".onion") {
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
            let asn = info.as_ref().and_then(|i| i.asn);
            let mut address = HostingAddress {
                ip: ip.to_string(),
                asn,
                as_org: info.as_ref().and_then(|i| i.org.clone()),
                country: info.as_ref().and_then(|i| i.country.clone()),
                cdn: cdn_of(Some(ip), asn, &t.cname_chain).map(str::to_owned),
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
                match rdap.ip_network(ip).await {
                    Ok(n) => {
                        address.abuse = n.abuse.as_ref().map(contact);
                        address.network = n.name.clone().or(n.handle.clone());
                        if address.country.is_none() {
                            address.country = n.country.clone();
                        }
                    }
                    Err(e) => t.errors.push(StepError {
                        step: "rdap-ip".into(),
                        subject: ip.to_string(),
                        error: e.to_string(),
                    }),
                }
            }
            t.addresses.push(address);
        }

        if let (Some(rdap), Some(domain)) = (&self.rdap, domain) {
            match rdap.domain(domain).await {
                Ok(d) => {
                    t.registrar = Some(Registrar {
                        name: d.registrar.clone(),
                        iana_id: d.registrar_iana_id.map(|i| i.to_string()),
                        abuse: d.abuse.as_ref().map(contact),
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
            t.untraceable = Some("the name has no address".into());
        }
        t
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

    async fn rdap_answer(State(()): State<()>, uri: Uri) -> Response {
        let body = match uri.path() {
            p if p.starts_with("/ip/192.0.2.") => ARIN,
            "/domain/example.test" => DOMAIN,
            _ => return (StatusCode::NOT_FOUND, "no").into_response(),
        };
        ([(header::CONTENT_TYPE, "application/rdap+json")], body).into_response()
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
            &registry("ipv4", r#""192.0.2.0/24""#),
            empty,
            empty,
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
