//! The blocklist for ISPs and filter vendors: addresses assessed illegal and still online.
//!
//! Whole domains appear only where staff marked the domain as dedicated to such content;
//! only those go into the DNS Response Policy Zone (RPZ), since a DNS block takes down every
//! page of a name. Everything else is listed by exact address (CSV and JSON), for URL filters.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

named_enum! {
    /// The formats of `hotline export blocklist` and the blocklist API.
    BlocklistFormat {
        Csv => "csv",
        Json => "json",
        /// A DNS Response Policy Zone (BIND, Unbound, PowerDNS, Knot).
        Rpz => "rpz",
    }
}

/// One listed address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedAddress {
    pub case_id: i64,
    pub address: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub dedicated_domain: bool,
    /// RFC 3339.
    pub assessed_at: String,
    /// RFC 3339, the last check that saw it online.
    pub last_seen_online: Option<String>,
}

/// The zone's own names: where the RPZ is served from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpzZone {
    /// The zone name, e.g. `rpz.hotline.invalid`.
    pub origin: String,
    /// SOA serial: the export time in seconds (a newer export gets a larger serial).
    pub serial: u32,
}

/// Problems with what a blocklist would contain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlocklistError {
    #[error("\"{0}\" is not a DNS name that can be listed in an RPZ zone")]
    BadName(String),
}

/// The domains that go whole into the RPZ zone: dedicated, and with at least one listed
/// address. Sorted, each once.
pub fn dedicated_domains(entries: &[ListedAddress]) -> Vec<String> {
    entries
        .iter()
        .filter(|e| e.dedicated_domain)
        .filter_map(|e| e.registrable_domain.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The blocklist in `format`, generated at `generated_at` (RFC 3339), with `zone` naming the
/// RPZ zone.
pub fn render(
    format: BlocklistFormat,
    entries: &[ListedAddress],
    generated_at: &str,
    zone: &RpzZone,
) -> Result<String, BlocklistError> {
    match format {
        BlocklistFormat::Csv => to_csv(entries),
        BlocklistFormat::Json => Ok(to_json(entries, generated_at).to_string()),
        BlocklistFormat::Rpz => to_rpz(entries, zone),
    }
}

/// The content type of each format, for the API.
pub fn content_type(format: BlocklistFormat) -> &'static str {
    match format {
        BlocklistFormat::Csv => "text/csv; charset=utf-8",
        BlocklistFormat::Json => "application/json",
        BlocklistFormat::Rpz => "text/dns; charset=utf-8",
    }
}

/// CSV with a header line.
pub fn to_csv(entries: &[ListedAddress]) -> Result<String, BlocklistError> {
    let rows = entries.iter().map(|e| {
        [
            e.case_id.to_string(),
            e.address.clone(),
            e.host.clone(),
            e.registrable_domain.clone().unwrap_or_default(),
            e.dedicated_domain.to_string(),
            e.assessed_at.clone(),
            e.last_seen_online.clone().unwrap_or_default(),
        ]
    });
    Ok(crate::csv_out::document(
        &[
            "case_id",
            "address",
            "host",
            "registrable_domain",
            "dedicated_domain",
            "assessed_at",
            "last_seen_online",
        ],
        rows,
    ))
}

/// JSON: `{"generated_at", "addresses": [...], "dedicated_domains": [...]}`.
pub fn to_json(entries: &[ListedAddress], generated_at: &str) -> serde_json::Value {
    serde_json::json!({
        "generated_at": generated_at,
        "addresses": entries,
        "dedicated_domains": dedicated_domains(entries),
    })
}

/// A name safe to write into a zone file: LDH labels (punycode for IDN), 1–63 characters
/// each, at most 253 in all. Anything else could break or inject into the zone.
fn zone_name(name: &str) -> Option<&str> {
    let name = name.trim_end_matches('.');
    let ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    ok.then_some(name)
}

/// The RPZ zone file: SOA, NS, and for each dedicated domain `name CNAME .` and
/// `*.name CNAME .` (NXDOMAIN for the name and everything under it). Names are written
/// relative to the origin, as RPZ requires.
pub fn to_rpz(entries: &[ListedAddress], zone: &RpzZone) -> Result<String, BlocklistError> {
    let origin =
        zone_name(&zone.origin).ok_or_else(|| BlocklistError::BadName(zone.origin.clone()))?;
    let mut out = String::new();
    let _ = writeln!(out, "$ORIGIN {origin}.");
    let _ = writeln!(out, "$TTL 300");
    let _ = writeln!(
        out,
        "@ IN SOA localhost. hostmaster.{origin}. ( {} 3600 600 86400 300 )",
        zone.serial
    );
    let _ = writeln!(out, "@ IN NS localhost.");
    for d in dedicated_domains(entries) {
        let name = zone_name(&d).ok_or_else(|| BlocklistError::BadName(d.clone()))?;
        let _ = writeln!(out, "{name} CNAME .");
        let _ = writeln!(out, "*.{name} CNAME .");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, address: &str, domain: Option<&str>, dedicated: bool) -> ListedAddress {
        ListedAddress {
            case_id: id,
            address: address.into(),
            host: address.split('/').nth(2).unwrap_or("").into(),
            registrable_domain: domain.map(Into::into),
            dedicated_domain: dedicated,
            assessed_at: "2026-11-01T10:00:00Z".into(),
            last_seen_online: None,
        }
    }

    #[test]
    fn a_formula_host_is_defused_in_the_blocklist_csv() {
        let csv = to_csv(&[entry(1, "http://=1+1/", None, false)]).unwrap();
        assert!(csv.contains(",'=1+1,"), "{csv}");
        assert!(!csv.contains(",=1+1"), "{csv}");
    }

    #[test]
    fn only_dedicated_domains_go_into_the_zone_each_once() {
        let list = vec![
            entry(1, "http://a.bad.test/1", Some("bad.test"), true),
            entry(2, "http://bad.test/2", Some("bad.test"), true),
            entry(3, "http://host.example.com/x", Some("example.com"), false),
            entry(4, "http://192.0.2.7/x", None, false),
        ];
        let zone = to_rpz(
            &list,
            &RpzZone {
                origin: "rpz.hotline.invalid".into(),
                serial: 7,
            },
        )
        .unwrap();
        assert_eq!(zone.matches("bad.test CNAME .").count(), 2, "{zone}");
        assert!(zone.contains("\n*.bad.test CNAME .\n"));
        assert!(!zone.contains("example.com"));
        assert!(zone.contains("SOA localhost. hostmaster.rpz.hotline.invalid. ( 7 "));
        let csv = to_csv(&list).unwrap();
        assert_eq!(csv.lines().count(), 5);
        assert!(csv.starts_with("case_id,address,host,registrable_domain,dedicated_domain,"));
        let json = to_json(&list, "t");
        assert_eq!(json["addresses"].as_array().unwrap().len(), 4);
        assert_eq!(json["dedicated_domains"], serde_json::json!(["bad.test"]));
    }

    #[test]
    fn a_name_that_could_inject_into_the_zone_is_refused() {
        let list = vec![entry(
            1,
            "http://x/",
            Some("bad.test\n@ NS evil.test."),
            true,
        )];
        let zone = RpzZone {
            origin: "rpz.test".into(),
            serial: 1,
        };
        assert!(matches!(
            to_rpz(&list, &zone),
            Err(BlocklistError::BadName(_))
        ));
        let bad_origin = RpzZone {
            origin: "rpz test".into(),
            serial: 1,
        };
        assert!(to_rpz(&[], &bad_origin).is_err());
    }
}
