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
                cdn: cdn_of(asn, &t.cname_chain).map(str::to_owned),
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
